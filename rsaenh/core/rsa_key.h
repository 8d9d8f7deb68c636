/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_key.h - RSA key pairs as key objects: the pair descriptor of the
 * RSA rows (pair.h) and CryptEncrypt/CryptDecrypt with a key exchange key.
 */
#ifndef CSP_RSA_KEY_H
#define CSP_RSA_KEY_H

#include "pair.h"
#include "rsa.h"

extern const struct csp_pair_ops csp_pair_rsa;

/* The RSA pair of k, or NULL when k holds none. */
static inline struct csp_rsa *csp_key_rsa(const struct csp_key *k)
{
	return k && k->pair && k->alg->pair == &csp_pair_rsa ? (struct csp_rsa *)k->pair : NULL;
}

/* CryptEncrypt with an RSA key: flags 0 or CRYPT_OAEP; one block only, so
 * always final.  data NULL asks the size (the modulus length). */
DWORD csp_rsa_key_encrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len, DWORD buflen);
DWORD csp_rsa_key_decrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len);

#endif
