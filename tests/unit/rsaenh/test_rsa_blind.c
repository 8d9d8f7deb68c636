/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_rsa_blind.c - signatures through the per-key blinding pair
 * (rsa_blind.c): every one of a run of signatures with the same key, whose
 * pair is renewed after each, is the known answer (PKCS#1 v1.5 signatures
 * are deterministic); a copy of the key signs with a pair of its own; the
 * fallback without a pair gives the same value; generated keys of other
 * sizes sign and verify many times.
 */
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include "unit.h"
#include "../../../rsaenh/core/rsa.h"
#include "../../../rsaenh/core/rsa_blind.h"
#include "../../../rsaenh/core/rsa_rng.h"
#include "rsa_fixture.h"
#include "counter_rng.h"

static DWORD counter;
static const struct csp_random rng = { counter_rng_fill, &counter };

static void abc_sha1(BYTE *digest)
{
	struct sha1_ctx s;

	sha1_init(&s);
	sha1_update(&s, 3, (const BYTE *)"abc");
	sha1_digest(&s, 20, digest);
}

static void test_known_answer_repeated(void)
{
	BYTE blob[1024], digest[20], sig[64], expect[64];
	size_t len = unit_hex(priv_hex, blob);
	struct csp_rsa *r = NULL, *d = NULL;
	int i, same = 0, same_copy = 0;

	CHECK_EQ(csp_rsa_read_private(blob + 8, (DWORD)len - 8, &r), ERROR_SUCCESS);
	if (!r)
		return;
	abc_sha1(digest);
	unit_hex(sig_sha1_hex, expect);
	for (i = 0; i < 50; i++) {
		memset(sig, 0, sizeof(sig));
		if (csp_rsa_sign(r, CALG_SHA, digest, 20, 0, &rng, sig) == ERROR_SUCCESS &&
		    !memcmp(sig, expect, 64))
			same++;
	}
	CHECK_EQ(same, 50);
	CHECK_EQ(csp_rsa_duplicate(r, &d), ERROR_SUCCESS);
	if (d) {
		CHECK(d->blind != r->blind);
		for (i = 0; i < 10; i++)
			if (csp_rsa_sign(d, CALG_SHA, digest, 20, 0, &rng, sig) == ERROR_SUCCESS &&
			    !memcmp(sig, expect, 64))
				same_copy++;
		CHECK_EQ(same_copy, 10);
	}
	csp_rsa_destroy(d);
	csp_rsa_destroy(r);
}

/* Without a pair (another thread holding it), nettle's fresh blinding. */
static void test_fallback(void)
{
	struct csp_rsa *r = NULL;
	struct csp_rsa_rng a = { &rng, ERROR_SUCCESS, 0 };
	mpz_t m, x, y;

	CHECK_EQ(csp_rsa_generate(1024, &rng, &r), ERROR_SUCCESS);
	if (!r)
		return;
	mpz_init_set_ui(m, 123456789);
	mpz_init(x);
	mpz_init(y);
	CHECK(csp_rsa_blinded_root(r->blind, &r->pub, &r->priv, &a, csp_rsa_rng_fn, x, m));
	CHECK(csp_rsa_blinded_root(NULL, &r->pub, &r->priv, &a, csp_rsa_rng_fn, y, m));
	CHECK(!mpz_cmp(x, y));
	/* x^e = m */
	mpz_powm(y, x, r->pub.e, r->pub.n);
	CHECK(!mpz_cmp(y, m));
	/* the pair, renewed, keeps giving the same root */
	CHECK(csp_rsa_blinded_root(r->blind, &r->pub, &r->priv, &a, csp_rsa_rng_fn, y, m));
	CHECK(!mpz_cmp(x, y));
	mpz_clear(m);
	mpz_clear(x);
	mpz_clear(y);
	csp_rsa_destroy(r);
}

static void test_generated(DWORD bits)
{
	BYTE digest[32] = { 7 }, sig[CSP_RSA_MAX_BYTES];
	struct csp_rsa *r = NULL;
	int i, good = 0;

	CHECK_EQ(csp_rsa_generate(bits, &rng, &r), ERROR_SUCCESS);
	if (!r)
		return;
	for (i = 0; i < 12; i++) {
		digest[1] = (BYTE)i;
		if (csp_rsa_sign(r, CALG_SHA_256, digest, 32, 0, &rng, sig) == ERROR_SUCCESS &&
		    csp_rsa_verify(r, CALG_SHA_256, digest, 32, 0, sig, csp_rsa_bytes(r)) == ERROR_SUCCESS)
			good++;
	}
	CHECK_EQ(good, 12);
	csp_rsa_destroy(r);
}

int main(int argc, char **argv)
{
	test_known_answer_repeated();
	test_fallback();
	test_generated(1000);
	test_generated(2048);
	return unit_done(argv[0]);
}
