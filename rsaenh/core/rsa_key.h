/*
 * rsa_key.h - RSA key pairs as key objects (struct csp_key with its rsa
 * member set): creation from a generated or imported pair, their KP_*
 * parameters, and CryptEncrypt/CryptDecrypt with a key exchange key.
 */
#ifndef CSP_RSA_KEY_H
#define CSP_RSA_KEY_H

#include "key.h"
#include "rsa.h"

/* Is alg an RSA row (CALG_RSA_SIGN, CALG_RSA_KEYX)? */
static inline BOOL csp_alg_is_rsa(const struct csp_alg *alg)
{
	return alg && GET_ALG_TYPE(alg->id) == ALG_TYPE_RSA;
}

/* The key pair's bit length for CryptGenKey's (flags >> 16) under this
 * profile row (0: the default): NTE_BAD_FLAGS outside min..max or not a
 * multiple of 8 bits, as Windows answers for key pairs. */
DWORD csp_rsa_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits);

/* A key object owning rsa (destroyed on failure).  gen_flags are
 * CryptGenKey/CryptImportKey's low bits (CRYPT_EXPORTABLE...). */
DWORD csp_key_from_rsa(const struct csp_alg *alg, struct csp_rsa *rsa, DWORD gen_flags,
		       struct csp_key **out);

DWORD csp_rsa_key_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len);
DWORD csp_rsa_key_set_param(struct csp_key *k, DWORD param, const BYTE *data);

/* CryptEncrypt with an RSA key: flags 0 or CRYPT_OAEP; one block only, so
 * always final.  data NULL asks the size (the modulus length). */
DWORD csp_rsa_key_encrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len, DWORD buflen);
DWORD csp_rsa_key_decrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len);

#endif
