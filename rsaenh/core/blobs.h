/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blobs.h - key BLOBs (CryptImportKey/CryptExportKey): one table of
 * handlers, a row per bType, so each BLOB kind lives in its own module.
 * PUBLICKEYBLOB and PRIVATEKEYBLOB of every key pair family are in
 * blob_pair.c, SIMPLEBLOB (under an RSA key) in blob_rsa.c.  Handlers get an environment: the provider's profile and
 * the random source (PKCS#1 padding and blinding need one).
 */
#ifndef CSP_BLOBS_H
#define CSP_BLOBS_H

#include "key.h"
#include "random.h"

#ifndef CRYPT_SSL2_FALLBACK
#define CRYPT_SSL2_FALLBACK 0x00000002
#endif

struct csp_blob_env {
	const struct csp_profile *profile;   /* which algorithms and lengths exist */
	const struct csp_random *rng;
};

struct csp_blob_ops {
	BYTE type;                 /* BLOBHEADER.bType */
	/* data/len: the whole BLOB, header checked already; pubkey: the
	 * hPubKey/hExpKey key or NULL */
	DWORD (*import)(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			const struct csp_key *pubkey, DWORD flags, struct csp_key **out);
	/* Windows' copy-out rule: data NULL -> size only, ERROR_MORE_DATA.
	 * The keys are not modified. */
	DWORD (*export)(const struct csp_blob_env *env, const struct csp_key *k,
			const struct csp_key *pubkey, DWORD flags, BYTE *data, DWORD *len);
};

extern const struct csp_blob_ops csp_blob_simple;
extern const struct csp_blob_ops csp_blob_public;
extern const struct csp_blob_ops csp_blob_private;
extern const struct csp_blob_ops csp_blob_plaintext;   /* blob_plain.c */

/* What every handler shares: little-endian DWORDs, the header, and
 * Windows' sizing rule (NULL data asks the size, a short buffer gets
 * ERROR_MORE_DATA; *write tells whether to go on and fill data). */
#define CSP_BLOB_HEADER 8
void csp_put_u32(BYTE *p, DWORD v);
DWORD csp_get_u32(const BYTE *p);
void csp_blob_write_header(BYTE *out, BYTE type, ALG_ID alg);    /* CUR_BLOB_VERSION */
void csp_blob_write_header_version(BYTE *out, BYTE type, BYTE version, ALG_ID alg);
DWORD csp_blob_sizing(BYTE *data, DWORD *len, DWORD need, BOOL *write);

/* Whether a key of key_len bytes brought by a wrapped BLOB (SIMPLEBLOB,
 * SYMMETRICWRAPKEYBLOB) has a length the profile row allows: the DES
 * family's stored lengths, and RC2 keys longer than the provider makes
 * (they decrypt and MAC only, see csp_key_check_encrypt), as Windows
 * accepts them; NTE_BAD_DATA otherwise. */
DWORD csp_blob_check_key_length(const struct csp_profile_alg *offer, DWORD key_len);

extern const struct csp_blob_ops csp_blob_symwrap;      /* blob_wrap.c */
extern const struct csp_blob_ops csp_blob_opaque;       /* blob_opaque.c */

/* The handler of bType, or NULL (NTE_BAD_TYPE for the caller). */
const struct csp_blob_ops *csp_blob_find(BYTE type);

/* CryptImportKey: header checks (NTE_BAD_DATA), then the type's handler
 * (NTE_BAD_TYPE when there is none). */
DWORD csp_blob_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
		      const struct csp_key *pubkey, DWORD flags, struct csp_key **out);
/* CryptExportKey: the type's handler, NTE_BAD_TYPE when there is none. */
DWORD csp_blob_export(const struct csp_blob_env *env, const struct csp_key *k,
		      const struct csp_key *pubkey, DWORD type, DWORD flags, BYTE *data, DWORD *len);

/* PRIVATEKEYBLOB of a key pair (blob_pair.c), wrapped by a session key
 * when wrap is given; force skips the CRYPT_EXPORT check (for the
 * provider's own container storage only). */
DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len);
/* The pair of a PRIVATEKEYBLOB body of row (a pair row), decrypted with
 * wrap first when given. */
DWORD csp_blob_read_private(const struct csp_alg *row, const BYTE *body, DWORD body_len,
			    const struct csp_key *wrap, void **pair);

#endif
