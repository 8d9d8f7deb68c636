/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_blind.c - blinded RSA private operations with a per-key blinding
 * pair, renewed by squaring or cubing (see rsa_blind.h).  One operation
 * costs two half-size exponentiations (nettle's _rsa_sec_compute_root),
 * a small one (the fault check) and six side-channel silent
 * multiplications;
 * nettle's rsa_compute_root_tr adds a fresh random factor, its inverse
 * (mpn_sec_invert, as long as an exponentiation) and its e-th power.
 * The pair is taken with a try-lock: a thread that finds it in use blinds
 * the nettle way instead of waiting.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/bignum.h>
#include "rsa_blind.h"
#include "wipe.h"

/* nettle 3.8's side-channel silent CRT root (rsa-sec-compute-root.c): exported
 * by libhogweed, not declared in the headers it installs. */
mp_size_t _nettle_rsa_sec_compute_root_itch(const struct rsa_private_key *key);
void _nettle_rsa_sec_compute_root(const struct rsa_private_key *key, mp_limb_t *rp,
				  const mp_limb_t *mp, mp_limb_t *scratch);

struct csp_rsa_blind {
	atomic_flag busy;
	mp_size_t nn;             /* limbs of n; 0 until the pair is made */
	mp_limb_t *vi, *vf;       /* r^e and r^-1 mod n */
	mp_limb_t *c, *y, *e;     /* nn limbs each: one operation's values */
	mp_limb_t *t, *scratch;   /* 2 nn limbs; scratch_size */
	size_t alloc;             /* limbs allocated at vi */
};

struct csp_rsa_blind *csp_rsa_blind_new(void)
{
	struct csp_rsa_blind *b = calloc(1, sizeof(*b));

	if (b)
		atomic_flag_clear(&b->busy);
	return b;
}

static void drop_pair(struct csp_rsa_blind *b)
{
	if (b->vi) {
		csp_wipe(b->vi, b->alloc * sizeof(mp_limb_t));
		free(b->vi);
	}
	b->vi = b->vf = b->c = b->y = b->e = b->t = b->scratch = NULL;
	b->nn = 0;
	b->alloc = 0;
}

void csp_rsa_blind_free(struct csp_rsa_blind *b)
{
	if (!b)
		return;
	drop_pair(b);
	free(b);
}

#define MAXS(a, b) ((a) > (b) ? (a) : (b))

/* x as n limbs (x < B^n), and back */
static void get_limbs(mp_limb_t *out, const mpz_t x, mp_size_t n)
{
	mp_size_t k = mpz_size(x);

	mpn_copyi(out, mpz_limbs_read(x), k);
	mpn_zero(out + k, n - k);
}

static void set_limbs(mpz_t x, const mp_limb_t *in, mp_size_t n)
{
	mpn_copyi(mpz_limbs_write(x, n), in, n);
	mpz_limbs_finish(x, n);
}

static size_t scratch_size(const struct rsa_public_key *pub, const struct rsa_private_key *priv,
			   mp_size_t nn)
{
	size_t s = _nettle_rsa_sec_compute_root_itch(priv);

	s = MAXS(s, (size_t)mpn_sec_mul_itch(nn, nn));
	s = MAXS(s, (size_t)mpn_sec_sqr_itch(nn));
	s = MAXS(s, (size_t)mpn_sec_div_r_itch(2 * nn, nn));
	s = MAXS(s, (size_t)mpn_sec_invert_itch(nn));
	s = MAXS(s, (size_t)mpn_sec_powm_itch(nn, mpz_sizeinbase(pub->e, 2), nn));
	return s;
}

/* r = x y mod n (y may be x: squaring), through b->t */
static void mul_mod(struct csp_rsa_blind *b, mp_limb_t *r, const mp_limb_t *x, const mp_limb_t *y,
		    const mp_limb_t *np)
{
	mp_size_t nn = b->nn;

	if (x == y)
		mpn_sec_sqr(b->t, x, nn, b->scratch);
	else
		mpn_sec_mul(b->t, x, nn, y, nn, b->scratch);
	mpn_sec_div_r(b->t, 2 * nn, np, nn, b->scratch);
	mpn_copyi(r, b->t, nn);
}

/* A fresh pair: r uniform below n and invertible, vf = r^-1, vi = r^e. */
static int make_pair(struct csp_rsa_blind *b, const struct rsa_public_key *pub,
		     const struct rsa_private_key *priv, void *rng_ctx, nettle_random_func *rng)
{
	mp_size_t nn = mpz_size(pub->n);
	const mp_limb_t *np = mpz_limbs_read(pub->n);
	size_t s = scratch_size(pub, priv, nn), tries;
	mpz_t r;

	drop_pair(b);
	b->alloc = 7 * (size_t)nn + s;
	if (!(b->vi = calloc(b->alloc, sizeof(mp_limb_t))))
		return 0;
	b->nn = nn;
	b->vf = b->vi + nn;
	b->c = b->vf + nn;
	b->y = b->c + nn;
	b->e = b->y + nn;
	b->t = b->e + nn;
	b->scratch = b->t + 2 * nn;
	mpz_init(r);
	for (tries = 0; tries < 64; tries++) {
		nettle_mpz_random(r, rng_ctx, rng, pub->n);
		get_limbs(b->vi, r, nn);                /* vi: r, consumed below */
		get_limbs(b->t, r, nn);
		if (mpn_sec_invert(b->vf, b->t, np, nn, 2 * nn * GMP_NUMB_BITS, b->scratch))
			break;
	}
	mpz_clear(r);                               /* the allocator wipes it */
	if (tries == 64) {
		drop_pair(b);
		return 0;
	}
	mpn_copyi(b->t, b->vi, nn);
	mpn_sec_powm(b->vi, b->t, nn, mpz_limbs_read(pub->e), mpz_sizeinbase(pub->e, 2), np, nn,
		     b->scratch);
	return 1;
}

static int limbs_equal(const mp_limb_t *a, const mp_limb_t *b, mp_size_t n)
{
	volatile mp_limb_t z = 0;
	mp_size_t i;

	for (i = 0; i < n; i++)
		z |= a[i] ^ b[i];
	return z == 0;
}

/* The next operation's pair: both squared, or both cubed when a fresh
 * random bit says so -- (r^e)^k = (r^k)^e and (r^-1)^k = (r^k)^-1 -- so
 * the sequence of factors cannot be followed from one of them, and every
 * operation draws on the random source, whose failure fails it.  The
 * choice is a conditional swap, not a branch.  Uses c and e as room. */
static void renew(struct csp_rsa_blind *b, mp_limb_t *v, mp_limb_t cube, const mp_limb_t *np)
{
	mul_mod(b, b->e, v, v, np);          /* e = v^2 */
	mul_mod(b, b->c, b->e, v, np);       /* c = v^3 */
	mpn_cnd_swap(cube, b->e, b->c, b->nn);
	mpn_copyi(v, b->e, b->nn);
}

static void next_pair(struct csp_rsa_blind *b, const mp_limb_t *np, void *rng_ctx,
		      nettle_random_func *rng)
{
	uint8_t bit;

	rng(rng_ctx, 1, &bit);
	renew(b, b->vi, bit & 1, np);
	renew(b, b->vf, bit & 1, np);
}

static int root_with_pair(struct csp_rsa_blind *b, const struct rsa_public_key *pub,
			  const struct rsa_private_key *priv, void *rng_ctx, nettle_random_func *rng,
			  mpz_t x, const mpz_t m)
{
	mp_size_t nn = b->nn;
	const mp_limb_t *np = mpz_limbs_read(pub->n);
	int ok;

	get_limbs(b->c, m, nn);
	mul_mod(b, b->c, b->c, b->vi, np);                         /* c = m r^e */
	_nettle_rsa_sec_compute_root(priv, b->y, b->c, b->scratch); /* y = c^d = m^d r */
	/* the fault check: y^e must give c back */
	mpn_sec_powm(b->e, b->y, nn, mpz_limbs_read(pub->e), mpz_sizeinbase(pub->e, 2), np, nn,
		     b->scratch);
	ok = limbs_equal(b->e, b->c, nn);
	mul_mod(b, b->y, b->y, b->vf, np);                         /* x = y r^-1 */
	next_pair(b, np, rng_ctx, rng);
	if (ok)
		set_limbs(x, b->y, nn);
	else
		mpz_set_ui(x, 0);
	csp_wipe(b->c, 3 * nn * sizeof(mp_limb_t));
	return ok;
}

int csp_rsa_blinded_root(struct csp_rsa_blind *b, const struct rsa_public_key *pub,
			 const struct rsa_private_key *priv, void *rng_ctx, nettle_random_func *rng,
			 mpz_t x, const mpz_t m)
{
	int ok = -1;

	/* nettle's CRT root takes odd p, q and n only (rsa_compute_root_tr
	 * checks that and fails) */
	if (b && mpz_odd_p(pub->n) && mpz_odd_p(priv->p) && mpz_odd_p(priv->q) &&
	    (priv->size * 8 + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS == mpz_size(pub->n) &&
	    mpz_cmp(m, pub->n) < 0 && mpz_sgn(m) >= 0 && !atomic_flag_test_and_set(&b->busy)) {
		if (b->nn == (mp_size_t)mpz_size(pub->n) || make_pair(b, pub, priv, rng_ctx, rng))
			ok = root_with_pair(b, pub, priv, rng_ctx, rng, x, m);
		if (ok == 0)
			drop_pair(b);     /* a fault: the next operation starts afresh */
		atomic_flag_clear(&b->busy);
	}
	if (ok < 0)
		ok = rsa_compute_root_tr(pub, priv, rng_ctx, rng, x, m);
	return ok;
}
