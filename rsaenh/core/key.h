/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * key.h - symmetric key objects: key bytes (and salt), IV and chaining
 * state, mode, permissions and the nettle key schedules of their table
 * row.  Encrypt and decrypt follow CryptEncrypt/CryptDecrypt: PKCS#5
 * padding on the final call, sizes and errors as Windows reports them.
 * HMAC keys (CALG_HMAC, from CRYPT_IPSEC_HMAC_KEY imports) are keys with
 * material but no cipher.
 */
#ifndef CSP_KEY_H
#define CSP_KEY_H

#include "wincsp.h"
#include "algs.h"
#include "profiles.h"
#include "random.h"

struct csp_key {
	const struct csp_alg *alg;
	const struct csp_profile *profile;   /* the provider's quirks; NULL: none */
	DWORD key_len;                 /* bytes */
	DWORD salt_len;                /* bytes of salt after the key (RC2, RC4) */
	DWORD ekb;                     /* KP_EFFECTIVE_KEYLEN set, bits; 0: key_len * 8 */
	BYTE key[CSP_MAX_KEY];         /* key_len bytes of key, then the salt */
	BYTE *long_key;                /* HMAC key material longer than CSP_MAX_KEY */
	DWORD long_len;
	BYTE iv[CSP_MAX_BLOCK];        /* KP_IV: where every message starts */
	BYTE chain[CSP_MAX_BLOCK];     /* running chaining value */
	DWORD mode, mode_bits, padding, permissions;
	void *enc_ctx, *dec_ctx;       /* key schedules, after the struct */
	size_t alloc_size;
	void *pair;                    /* public-key rows: the key pair (pair.h); no schedules */
	struct csp_schannel *sch;      /* SChannel master rows: randoms, algorithms (schannel.h) */
};

/* The stored key length CryptGenKey/CryptDeriveKey/CryptImportKey get for
 * (flags >> 16) bits under this profile row: 0 means the default.  The DES
 * family stores its keys with parity bits and accepts either length (56 or
 * 64 for DES, ...); other lengths are NTE_BAD_FLAGS there, NTE_BAD_DATA
 * elsewhere. */
DWORD csp_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits);

/* A new key of profile p for CryptGenKey/CryptDeriveKey/CryptImportKey's
 * dwFlags (length in the upper 16 bits, CRYPT_EXPORTABLE, CRYPT_CREATE_SALT,
 * CRYPT_NO_SALT), with zero material: fill it with csp_key_load.
 * NTE_BAD_ALGID when p does not offer id as a cipher. */
DWORD csp_key_create(const struct csp_profile *p, ALG_ID id, DWORD flags, struct csp_key **out);
/* Copy n bytes (at most key + salt) into the key and compute its schedule. */
void csp_key_load(struct csp_key *k, const BYTE *bytes, DWORD n);
/* A key of a row without a cipher (HMAC, SChannel MAC key) holding n
 * bytes of material (zeros when bytes is NULL); an HMAC key may be of any
 * length (CRYPT_IPSEC_HMAC_KEY), so may an agreed secret
 * (CALG_AGREEDKEY_ANY), the others at most CSP_MAX_KEY. */
DWORD csp_key_create_secret(const struct csp_profile *p, const struct csp_alg *alg, const BYTE *bytes,
			    DWORD n, DWORD flags, struct csp_key **out);

/* A key of `bits` from random bytes / from given bytes, outside any
 * provider profile (from bytes: SChannel master keys too).  gen_flags are
 * CryptGenKey's low 16 bits. */
DWORD csp_key_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
		       const struct csp_random *rng, struct csp_key **out);
DWORD csp_key_from_bytes(const struct csp_alg *alg, const BYTE *key, DWORD key_len,
			 DWORD gen_flags, struct csp_key **out);
/* An imported session key (SIMPLEBLOB, SYMMETRICWRAPKEYBLOB) of profile p:
 * its salt is what p gives a new key of that length, zero bytes
 * (CryptImportKey's flags: CRYPT_EXPORTABLE, CRYPT_NO_SALT). */
DWORD csp_key_import(const struct csp_profile *p, const struct csp_alg *alg, const BYTE *key,
		     DWORD key_len, DWORD flags, struct csp_key **out);
DWORD csp_key_duplicate(const struct csp_key *k, struct csp_key **out);
void csp_key_destroy(struct csp_key *k);   /* wipes; NULL is fine */

DWORD csp_key_block_len(const struct csp_key *k);   /* bytes; 0 for stream and HMAC keys */

/* Recompute the schedule from key, salt and effective length, and go back
 * to the start of a message (the chain restarts from KP_IV). */
void csp_key_restart(struct csp_key *k);

/* Whether CryptEncrypt may use the key: an RC2 key longer than the
 * provider generates (as a SIMPLEBLOB can bring) only decrypts and MACs,
 * as on Windows (NTE_BAD_KEY). */
DWORD csp_key_check_encrypt(const struct csp_key *k);

/* CryptEncrypt on *len bytes in a buffer of buflen bytes.  data NULL asks
 * only for the size.  ERROR_MORE_DATA with *len = the size needed. */
DWORD csp_key_encrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len, DWORD buflen);
/* CryptDecrypt in place; the final call strips the padding (NTE_BAD_DATA
 * when it is wrong, and the key restarts either way). */
DWORD csp_key_decrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len);

#endif
