/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dss.c - DSA and Diffie-Hellman key objects (see dss.h).  Group and key
 * generation, signatures and verification are nettle's DSA functions;
 * the Diffie-Hellman private power is GMP's mpz_powm_sec.  Random bytes
 * and little-endian numbers go through the helpers the RSA code uses.
 */
#include <stdlib.h>
#include <string.h>
#include <nettle/bignum.h>
#include <nettle/sha1.h>
#include "dss.h"
#include "../../rsaenh/core/rsa.h"
#include "../../rsaenh/core/rsa_rng.h"

#define Q_BITS 160
#define DSS_MIN_BITS 512
#define DSS_MAX_BITS 1024
#define DSS_STEP 64

struct csp_dss *csp_dss_new(void)
{
	struct csp_dss *d;

	csp_rsa_init_allocator();   /* GMP wipes what it frees */
	if (!(d = calloc(1, sizeof(*d))))
		return NULL;
	dsa_params_init(&d->params);
	mpz_init(d->y);
	mpz_init(d->x);
	d->counter = CSP_DSS_NO_SEED;
	return d;
}

void csp_dss_destroy(struct csp_dss *d)
{
	if (!d)
		return;
	dsa_params_clear(&d->params);
	mpz_clear(d->y);
	mpz_clear(d->x);
	free(d);
}

DWORD csp_dss_duplicate(const struct csp_dss *d, struct csp_dss **out)
{
	struct csp_dss *c = csp_dss_new();

	if (!c)
		return NTE_NO_MEMORY;
	mpz_set(c->params.p, d->params.p);
	mpz_set(c->params.q, d->params.q);
	mpz_set(c->params.g, d->params.g);
	mpz_set(c->y, d->y);
	mpz_set(c->x, d->x);
	c->has_private = d->has_private;
	c->bits = d->bits;
	c->counter = d->counter;
	memcpy(c->seed, d->seed, sizeof(c->seed));
	c->rng = d->rng;
	*out = c;
	return ERROR_SUCCESS;
}

/* A new DSA-style group (p of bits, q of 160 bits, g of order q). */
static DWORD new_group(DWORD bits, struct csp_rsa_rng *r, struct csp_dss **out)
{
	struct csp_dss *d = csp_dss_new();

	if (!d)
		return NTE_NO_MEMORY;
	if (!dsa_generate_params(&d->params, r, csp_rsa_rng_fn, NULL, NULL, bits, Q_BITS) || r->err) {
		csp_dss_destroy(d);
		return r->err ? r->err : NTE_FAIL;
	}
	d->bits = bits;
	*out = d;
	return ERROR_SUCCESS;
}

DWORD csp_dss_generate(DWORD bits, const struct csp_random *rng, struct csp_dss **out)
{
	struct csp_rsa_rng r = { rng, ERROR_SUCCESS, 0 };
	struct csp_dss *d;
	DWORD err;

	if (bits < DSS_MIN_BITS || bits > DSS_MAX_BITS || bits % DSS_STEP)
		return NTE_BAD_FLAGS;
	if ((err = new_group(bits, &r, &d)))
		return err;
	dsa_generate_keypair(&d->params, d->y, d->x, &r, csp_rsa_rng_fn);
	if (r.err) {
		csp_dss_destroy(d);
		return r.err;
	}
	d->has_private = TRUE;
	*out = d;
	return ERROR_SUCCESS;
}

DWORD csp_dss_sign(const struct csp_dss *d, const BYTE *digest, const struct csp_random *rng, BYTE *sig)
{
	struct csp_rsa_rng r = { rng, ERROR_SUCCESS, 0 };
	struct dsa_signature s;
	DWORD err = ERROR_SUCCESS;

	if (!d->has_private || !mpz_sgn(d->params.q))
		return NTE_BAD_KEY;
	dsa_signature_init(&s);
	if (!dsa_sign(&d->params, d->x, &r, csp_rsa_rng_fn, SHA1_DIGEST_SIZE, digest, &s))
		err = NTE_FAIL;
	else if (r.err)
		err = r.err;
	else {
		csp_rsa_put_le(sig, CSP_DSS_Q_BYTES, s.r);
		csp_rsa_put_le(sig + CSP_DSS_Q_BYTES, CSP_DSS_Q_BYTES, s.s);
	}
	dsa_signature_clear(&s);
	return err;
}

DWORD csp_dss_verify(const struct csp_dss *d, const BYTE *digest, const BYTE *sig)
{
	struct dsa_signature s;
	int good;

	if (!mpz_sgn(d->params.q))
		return NTE_BAD_KEY;
	dsa_signature_init(&s);
	csp_rsa_get_le(s.r, sig, CSP_DSS_Q_BYTES);
	csp_rsa_get_le(s.s, sig + CSP_DSS_Q_BYTES, CSP_DSS_Q_BYTES);
	/* nettle refuses r or s of zero or at least q */
	good = dsa_verify(&d->params, d->y, SHA1_DIGEST_SIZE, digest, &s);
	dsa_signature_clear(&s);
	return good ? ERROR_SUCCESS : NTE_BAD_SIGNATURE;
}

DWORD csp_dh_make_private(struct csp_dss *d, const struct csp_random *rng)
{
	struct csp_rsa_rng r = { rng, ERROR_SUCCESS, 0 };
	mpz_t range;

	if (mpz_cmp_ui(d->params.p, 5) < 0 || mpz_even_p(d->params.p) || mpz_cmp_ui(d->params.g, 2) < 0 ||
	    mpz_cmp(d->params.g, d->params.p) >= 0)
		return NTE_BAD_DATA;
	mpz_init(range);
	/* x in 1..q-1 for a group with a q, else in 1..p-2 */
	if (mpz_sgn(d->params.q))
		mpz_sub_ui(range, d->params.q, 1);
	else
		mpz_sub_ui(range, d->params.p, 2);
	nettle_mpz_random(d->x, &r, csp_rsa_rng_fn, range);
	mpz_add_ui(d->x, d->x, 1);
	mpz_clear(range);
	if (r.err)
		return r.err;
	mpz_powm_sec(d->y, d->params.g, d->x, d->params.p);
	d->has_private = TRUE;
	d->bits = (DWORD)(mpz_sizeinbase(d->params.p, 2) + 7) / 8 * 8;
	return ERROR_SUCCESS;
}

DWORD csp_dh_generate(DWORD bits, const struct csp_random *rng, struct csp_dss **out)
{
	struct csp_rsa_rng r = { rng, ERROR_SUCCESS, 0 };
	struct csp_dss *d;
	DWORD err;

	if (bits < DSS_MIN_BITS || bits > CSP_DSS_MAX_BYTES * 8 || bits % DSS_STEP)
		return NTE_BAD_FLAGS;
	if ((err = new_group(bits, &r, &d)))
		return err;
	if ((err = csp_dh_make_private(d, rng))) {
		csp_dss_destroy(d);
		return err;
	}
	*out = d;
	return ERROR_SUCCESS;
}

DWORD csp_dh_agree(const struct csp_dss *d, const mpz_t peer_y, BYTE *secret)
{
	mpz_t limit, z;
	DWORD err = ERROR_SUCCESS;

	if (!d->has_private)
		return NTE_BAD_KEY;
	mpz_init(limit);
	mpz_sub_ui(limit, d->params.p, 2);
	/* 0, 1, p-1 and anything from p on would give a secret an
	 * eavesdropper knows, or no secret at all */
	if (mpz_cmp_ui(peer_y, 2) < 0 || mpz_cmp(peer_y, limit) > 0)
		err = NTE_BAD_DATA;
	mpz_clear(limit);
	if (err)
		return err;
	mpz_init(z);
	mpz_powm_sec(z, peer_y, d->x, d->params.p);
	csp_rsa_put_le(secret, d->bits / 8, z);
	mpz_clear(z);
	return ERROR_SUCCESS;
}
