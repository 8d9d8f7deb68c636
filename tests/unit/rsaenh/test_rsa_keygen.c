/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_rsa_keygen.c - RSA key generation (rsa_keygen.c): exact modulus
 * lengths, primes of the promised shape, the private values consistent
 * with them, p the first suitable prime from its random start (the sieve
 * drops no prime), the same key for the same generator bytes, and
 * generators that cannot give a key (failing, or the same bytes every
 * time) ending with an error instead of searching for ever.
 */
#include <string.h>
#include <gmp.h>
#include <nettle/bignum.h>
#include "unit.h"
#include "../../../rsaenh/core/rsa.h"
#include "../../../rsaenh/core/rsa_rng.h"
#include "../counter_rng.h"

static DWORD rng_state;
static const struct csp_random test_rng = { counter_rng_fill, &rng_state };

static DWORD constant_fill(void *ctx, BYTE *buf, DWORD len)
{
	memset(buf, *(const BYTE *)ctx, len);
	return ERROR_SUCCESS;
}

static DWORD failing_fill(void *ctx, BYTE *buf, DWORD len)
{
	return NTE_FAIL;
}

/* p of bits - bits/2 bits and q of bits/2, each prime with its top two
 * bits set and p - 1 prime to e; d, a, b, c what they must be. */
static void check_shape(const struct csp_rsa *r, DWORD bits)
{
	const struct rsa_private_key *k = &r->priv;
	unsigned qbits = bits / 2, pbits = bits - qbits;
	mpz_t t, u;

	mpz_init(t);
	mpz_init(u);
	CHECK_EQ(mpz_sizeinbase(r->pub.n, 2), bits);
	CHECK_EQ(r->pub.size, bits / 8);
	mpz_mul(t, k->p, k->q);
	CHECK(!mpz_cmp(t, r->pub.n));
	CHECK_EQ(mpz_sizeinbase(k->p, 2), pbits);
	CHECK_EQ(mpz_sizeinbase(k->q, 2), qbits);
	CHECK(mpz_tstbit(k->p, pbits - 2) && mpz_tstbit(k->q, qbits - 2));
	CHECK(mpz_probab_prime_p(k->p, 30) && mpz_probab_prime_p(k->q, 30));
	mpz_sub(t, k->p, k->q);
	mpz_abs(t, t);
	CHECK(qbits <= 100 || mpz_sizeinbase(t, 2) > qbits - 100);
	/* e d = 1 modulo p - 1 and modulo q - 1; a, b are d reduced */
	mpz_sub_ui(u, k->p, 1);
	mpz_gcd(t, u, r->pub.e);
	CHECK(!mpz_cmp_ui(t, 1));
	mpz_mul(t, k->d, r->pub.e);
	mpz_mod(t, t, u);
	CHECK(!mpz_cmp_ui(t, 1));
	mpz_mod(t, k->d, u);
	CHECK(!mpz_cmp(t, k->a));
	mpz_sub_ui(u, k->q, 1);
	mpz_mul(t, k->d, r->pub.e);
	mpz_mod(t, t, u);
	CHECK(!mpz_cmp_ui(t, 1));
	mpz_mod(t, k->d, u);
	CHECK(!mpz_cmp(t, k->b));
	mpz_mul(t, k->c, k->q);
	mpz_mod(t, t, k->p);
	CHECK(!mpz_cmp_ui(t, 1));
	mpz_clear(t);
	mpz_clear(u);
}

static void test_lengths(void)
{
	static const DWORD lengths[] = { 384, 392, 512, 776, 1024, 2048 };
	size_t i;

	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		struct csp_rsa *r = NULL;

		CHECK_EQ(csp_rsa_generate(lengths[i], &test_rng, &r), ERROR_SUCCESS);
		if (!r)
			continue;
		check_shape(r, lengths[i]);
		CHECK_EQ(mpz_get_ui(r->pub.e), RSA_PUBEXP);
		csp_rsa_destroy(r);
	}
}

/* The search takes the first prime at or above its start that suits e:
 * a sieve that wrongly struck out a prime would give a later one. */
static void test_first_prime(void)
{
	DWORD seed;
	mpz_t start, t;

	mpz_init(start);
	mpz_init(t);
	for (seed = 100; seed < 130; seed++) {
		struct csp_rsa_rng a = { &test_rng, ERROR_SUCCESS, 0 };
		struct csp_rsa *r = NULL;

		/* the start the key's first prime (256 bits) grows from */
		rng_state = seed;
		nettle_mpz_random_size(start, &a, csp_rsa_rng_fn, 256);
		mpz_setbit(start, 255);
		mpz_setbit(start, 254);
		mpz_setbit(start, 0);
		mpz_sub_ui(start, start, 1);
		do {
			mpz_nextprime(start, start);
			mpz_sub_ui(t, start, 1);
		} while (mpz_divisible_ui_p(t, RSA_PUBEXP));
		rng_state = seed;
		CHECK_EQ(csp_rsa_generate(512, &test_rng, &r), ERROR_SUCCESS);
		if (r)
			CHECK(!mpz_cmp(r->priv.p, start));
		csp_rsa_destroy(r);
	}
	mpz_clear(start);
	mpz_clear(t);
}

static void test_repeatable(void)
{
	struct csp_rsa *a = NULL, *b = NULL, *c = NULL;

	rng_state = 7;
	CHECK_EQ(csp_rsa_generate(512, &test_rng, &a), ERROR_SUCCESS);
	rng_state = 7;
	CHECK_EQ(csp_rsa_generate(512, &test_rng, &b), ERROR_SUCCESS);
	CHECK_EQ(csp_rsa_generate(512, &test_rng, &c), ERROR_SUCCESS);
	if (a && b && c) {
		CHECK(!mpz_cmp(a->pub.n, b->pub.n) && !mpz_cmp(a->priv.d, b->priv.d));
		CHECK(mpz_cmp(b->pub.n, c->pub.n));
	}
	csp_rsa_destroy(a);
	csp_rsa_destroy(b);
	csp_rsa_destroy(c);
}

static void test_hopeless_generators(void)
{
	static const BYTE zero = 0x00, ones = 0xff;
	const struct csp_random zeros = { constant_fill, (void *)&zero };
	const struct csp_random all_ones = { constant_fill, (void *)&ones };
	const struct csp_random failing = { failing_fill, NULL };
	struct csp_rsa_rng a = { &test_rng, ERROR_SUCCESS, 0 };
	struct rsa_public_key pub;
	struct rsa_private_key key;
	struct csp_rsa *r = NULL;

	/* the same bytes every time: q would equal p */
	CHECK_EQ(csp_rsa_generate(512, &zeros, &r), NTE_FAIL);
	CHECK(!r);
	/* every start is 2^256 - 1: the search runs past 2^256 at once */
	CHECK_EQ(csp_rsa_generate(512, &all_ones, &r), NTE_FAIL);
	CHECK(!r);
	CHECK_EQ(csp_rsa_generate(512, &failing, &r), NTE_FAIL);
	CHECK(!r);

	/* exponents the search cannot serve: even, or as long as a prime */
	rsa_public_key_init(&pub);
	rsa_private_key_init(&key);
	mpz_set_ui(pub.e, 65536);
	CHECK(!csp_rsa_keygen(&pub, &key, 512, &a, csp_rsa_rng_fn));
	mpz_setbit(pub.e, 300);
	mpz_setbit(pub.e, 0);
	CHECK(!csp_rsa_keygen(&pub, &key, 512, &a, csp_rsa_rng_fn));
	mpz_set_ui(pub.e, 3);
	CHECK(csp_rsa_keygen(&pub, &key, 512, &a, csp_rsa_rng_fn));
	rsa_public_key_clear(&pub);
	rsa_private_key_clear(&key);
}

int main(int argc, char **argv)
{
	test_lengths();
	test_first_prime();
	test_repeatable();
	test_hopeless_generators();
	return unit_done(argv[0]);
}
