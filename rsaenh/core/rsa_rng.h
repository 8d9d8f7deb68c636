/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_rng.h - internal to the RSA files: nettle's random callback over the
 * core's csp_random, remembering a failure of the source so the operation
 * can report it; key generation over it; and little-endian number
 * conversion.
 */
#ifndef CSP_RSA_RNG_H
#define CSP_RSA_RNG_H

#include <gmp.h>
#include <nettle/rsa.h>
#include "wincsp.h"
#include "random.h"

struct csp_rsa_rng {
	const struct csp_random *rng;
	DWORD err;                /* first failure of the source */
	DWORD fallback;           /* counter for the bytes given after one */
};

void csp_rsa_rng_fn(void *ctx, size_t len, uint8_t *dst);

/* A new key pair of bits bits with pub->e already set (odd, shorter than
 * a prime) into initialised nettle keys (rsa_keygen.c); 0 on failure. */
int csp_rsa_keygen(struct rsa_public_key *pub, struct rsa_private_key *key, unsigned bits,
		   void *ctx, nettle_random_func *random);

/* x as size little-endian bytes (zero when it does not fit); and back. */
void csp_rsa_put_le(BYTE *out, DWORD size, const mpz_t x);
void csp_rsa_get_le(mpz_t x, const BYTE *in, DWORD size);

#endif
