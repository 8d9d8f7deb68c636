/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_blind.h - internal to the RSA files: private-key operations blinded
 * with a pair (r^e, r^-1 mod n) kept per key pair and renewed after every
 * use by squaring both (or cubing, as a random bit says), instead of a
 * fresh r (and a modular inversion) per operation.  The root itself is nettle's side-channel silent CRT; every
 * step on secret values uses GMP's mpn_sec_* functions.
 */
#ifndef CSP_RSA_BLIND_H
#define CSP_RSA_BLIND_H

#include <gmp.h>
#include <nettle/rsa.h>
#include "wincsp.h"

struct csp_rsa_blind;

struct csp_rsa_blind *csp_rsa_blind_new(void);      /* NULL: out of memory */
void csp_rsa_blind_free(struct csp_rsa_blind *b);  /* wipes; NULL is fine */

/* x = m^d mod n (0 <= m < n), blinded.  Returns 0 when the computation's
 * check fails (x is then 0).  When another thread is using the pair (or b
 * is NULL) it falls back to nettle's rsa_compute_root_tr, with a fresh
 * blinding factor. */
int csp_rsa_blinded_root(struct csp_rsa_blind *b, const struct rsa_public_key *pub,
			 const struct rsa_private_key *priv, void *rng_ctx, nettle_random_func *rng,
			 mpz_t x, const mpz_t m);

#endif
