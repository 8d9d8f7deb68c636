/*
 * rsa_rng.h - internal to the RSA files: nettle's random callback over the
 * core's csp_random, remembering a failure of the source so the operation
 * can report it; and little-endian number conversion.
 */
#ifndef CSP_RSA_RNG_H
#define CSP_RSA_RNG_H

#include <gmp.h>
#include "wincsp.h"
#include "random.h"

struct csp_rsa_rng {
	const struct csp_random *rng;
	DWORD err;                /* first failure of the source */
	DWORD fallback;           /* counter for the bytes given after one */
};

void csp_rsa_rng_fn(void *ctx, size_t len, uint8_t *dst);

/* x as size little-endian bytes (zero when it does not fit); and back. */
void csp_rsa_put_le(BYTE *out, DWORD size, const mpz_t x);
void csp_rsa_get_le(mpz_t x, const BYTE *in, DWORD size);

#endif
