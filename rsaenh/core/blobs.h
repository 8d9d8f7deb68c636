/*
 * blobs.h - key BLOBs (CryptImportKey/CryptExportKey): one table of
 * handlers, a row per bType, so each BLOB kind lives in its own module.
 * The RSA ones (SIMPLEBLOB, PUBLICKEYBLOB, PRIVATEKEYBLOB) are in
 * blob_rsa.c.  Handlers get an environment: the provider's profile and
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

/* The handler of bType, or NULL (NTE_BAD_TYPE for the caller). */
const struct csp_blob_ops *csp_blob_find(BYTE type);

/* CryptImportKey: header checks (NTE_BAD_DATA), then the type's handler
 * (NTE_BAD_TYPE when there is none). */
DWORD csp_blob_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
		      const struct csp_key *pubkey, DWORD flags, struct csp_key **out);
/* CryptExportKey: the type's handler, NTE_BAD_TYPE when there is none. */
DWORD csp_blob_export(const struct csp_blob_env *env, const struct csp_key *k,
		      const struct csp_key *pubkey, DWORD type, DWORD flags, BYTE *data, DWORD *len);

/* PRIVATEKEYBLOB of an RSA key, wrapped by a session key when wrap is
 * given; force skips the CRYPT_EXPORT check (for the provider's own
 * container storage only). */
DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len);

#endif
