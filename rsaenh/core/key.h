/*
 * key.h - symmetric key objects: key bytes, IV and chaining state, mode,
 * permissions and the nettle key schedules of their table row.  Encrypt and
 * decrypt follow CryptEncrypt/CryptDecrypt: PKCS#5 padding on the final
 * call, sizes and errors as Windows reports them.
 */
#ifndef CSP_KEY_H
#define CSP_KEY_H

#include "wincsp.h"
#include "algs.h"
#include "profiles.h"
#include "random.h"

struct csp_key {
	const struct csp_alg *alg;
	DWORD key_len;                 /* bytes */
	BYTE key[CSP_MAX_KEY];
	BYTE iv[CSP_MAX_BLOCK];        /* KP_IV: where every message starts */
	BYTE chain[CSP_MAX_BLOCK];     /* running chaining value */
	DWORD mode, mode_bits, padding, permissions;
	void *enc_ctx, *dec_ctx;       /* key schedules, after the struct */
	size_t alloc_size;
	struct csp_rsa *rsa;           /* RSA rows: the key pair (rsa_key.h); no schedules */
};

/* The key length CryptGenKey gets for (flags >> 16) bits under this
 * profile row: 0 means the default.  NTE_BAD_DATA when not offered. */
DWORD csp_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits);

/* A key of `bits` from random bytes / from given bytes.  gen_flags are
 * CryptGenKey's low 16 bits (CRYPT_EXPORTABLE...). */
DWORD csp_key_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
		       const struct csp_random *rng, struct csp_key **out);
DWORD csp_key_from_bytes(const struct csp_alg *alg, const BYTE *key, DWORD key_len,
			 DWORD gen_flags, struct csp_key **out);
DWORD csp_key_duplicate(const struct csp_key *k, struct csp_key **out);
void csp_key_destroy(struct csp_key *k);   /* wipes; NULL is fine */

DWORD csp_key_block_len(const struct csp_key *k);   /* bytes */

/* Back to the start of a message: the chain restarts from KP_IV. */
void csp_key_restart(struct csp_key *k);

/* CryptEncrypt on *len bytes in a buffer of buflen bytes.  data NULL asks
 * only for the size.  ERROR_MORE_DATA with *len = the size needed. */
DWORD csp_key_encrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len, DWORD buflen);
/* CryptDecrypt in place; the final call strips the padding (NTE_BAD_DATA
 * when it is wrong, and the key restarts either way). */
DWORD csp_key_decrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len);

#endif
