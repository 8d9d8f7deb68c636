/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_hash.c - known answers for every hash in the table (MD2 RFC 1319,
 * MD4 RFC 1320, MD5, SHA-1, SHA-256/384/512), finishing rules,
 * duplication, the HP_* parameters and SSL3 SHAMD5's set-only value.
 */
#include "unit.h"
#include "../../../rsaenh/core/hash.h"
#include "../../../rsaenh/core/params.h"

static const struct { ALG_ID id; const char *abc; } kat[] = {
	{ CALG_MD2, "da853b0d3f88d99b30283a69e6ded6bb" },
	{ CALG_MD4, "a448017aaf21d8525fc10ae87aa6729d" },
	{ CALG_MD5, "900150983cd24fb0d6963f7d28e17f72" },
	{ CALG_SHA, "a9993e364706816aba3e25717850c26c9cd0d89d" },
	{ CALG_SHA_256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ CALG_SHA_384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
			"8086072ba1e7cc2358baeca134c825a7" },
	{ CALG_SHA_512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
			"2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
};

static void test_kat(void)
{
	unsigned char want[64], got[64];
	size_t i;

	for (i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		struct csp_hash *h = NULL, *d = NULL;
		size_t n = unit_hex(kat[i].abc, want);
		DWORD len, v;

		CHECK_EQ(csp_hash_create(csp_alg_find(kat[i].id), NULL, &h), ERROR_SUCCESS);
		if (!h)
			continue;
		CHECK_EQ(csp_hash_size(h), n);
		/* split update, then a duplicate mid-way must give the same answer */
		CHECK_EQ(csp_hash_update(h, (const BYTE *)"a", 1), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_duplicate(h, &d), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_update(h, (const BYTE *)"bc", 2), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_update(d, (const BYTE *)"bc", 2), ERROR_SUCCESS);

		len = 0;
		CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, NULL, &len), ERROR_SUCCESS);
		CHECK_EQ(len, n);
		len = (DWORD)n - 1;
		CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, got, &len), ERROR_MORE_DATA);
		CHECK_EQ(len, n);
		len = sizeof(got);
		CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, got, &len), ERROR_SUCCESS);
		CHECK(len == n && !memcmp(got, want, n));
		/* finished: no more data, value stable */
		CHECK_EQ(csp_hash_update(h, (const BYTE *)"x", 1), NTE_BAD_HASH_STATE);
		len = sizeof(got);
		CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, got, &len), ERROR_SUCCESS);
		CHECK(!memcmp(got, want, n));

		len = sizeof(got);
		CHECK_EQ(csp_hash_get_param(d, HP_HASHVAL, got, &len), ERROR_SUCCESS);
		CHECK(!memcmp(got, want, n));

		len = sizeof(v);
		CHECK_EQ(csp_hash_get_param(h, HP_ALGID, (BYTE *)&v, &len), ERROR_SUCCESS);
		CHECK_EQ(v, kat[i].id);
		len = sizeof(v);
		CHECK_EQ(csp_hash_get_param(h, HP_HASHSIZE, (BYTE *)&v, &len), ERROR_SUCCESS);
		CHECK_EQ(v, n);
		len = sizeof(v);
		CHECK_EQ(csp_hash_get_param(h, 0x99, (BYTE *)&v, &len), NTE_BAD_TYPE);
		csp_hash_destroy(h);
		csp_hash_destroy(d);
	}
}

static void test_bad(void)
{
	struct csp_hash *h = NULL;

	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_AES_128), NULL, &h), NTE_BAD_ALGID);
	CHECK_EQ(csp_hash_create(NULL, NULL, &h), NTE_BAD_ALGID);
	CHECK(h == NULL);
	csp_hash_destroy(NULL);
}

static void test_set_value(void)
{
	struct csp_hash *h = NULL;
	BYTE v[20], got[20];
	DWORD len = sizeof(got);

	memset(v, 0x5a, sizeof(v));
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SHA), NULL, &h), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_set_param(h, HP_HASHVAL, v), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, got, &len), ERROR_SUCCESS);
	CHECK(!memcmp(got, v, sizeof(v)));
	CHECK_EQ(csp_hash_update(h, v, 1), NTE_BAD_HASH_STATE);
	csp_hash_destroy(h);
}

/* RFC 1319 / RFC 1320 appendix A.5: the other test strings */
static const struct { ALG_ID id; const char *msg, *digest; } rfc_kat[] = {
	{ CALG_MD2, "", "8350e5a3e24c153df2275c9f80692773" },
	{ CALG_MD2, "message digest", "ab4f496bfb2a530b219ff33031fe06b0" },
	{ CALG_MD2, "abcdefghijklmnopqrstuvwxyz", "4e8ddff3650292ab5a4108c3aa47940b" },
	{ CALG_MD4, "", "31d6cfe0d16ae931b73c59d7e0c089c0" },
	{ CALG_MD4, "message digest", "d9130a8164549fe818874806e1c7014b" },
	{ CALG_MD4, "abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9" },
};

static void test_rfc_kat(void)
{
	unsigned char want[16];
	size_t i;

	for (i = 0; i < sizeof(rfc_kat) / sizeof(rfc_kat[0]); i++) {
		struct csp_hash *h = NULL;

		unit_hex(rfc_kat[i].digest, want);
		CHECK_EQ(csp_hash_create(csp_alg_find(rfc_kat[i].id), NULL, &h), ERROR_SUCCESS);
		if (!h)
			continue;
		CHECK_EQ(csp_hash_update(h, (const BYTE *)rfc_kat[i].msg, strlen(rfc_kat[i].msg)), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(h), want, 16));
		csp_hash_destroy(h);
	}
}

static void test_ssl3_shamd5(void)
{
	struct csp_hash *h = NULL;
	BYTE v[36], out[36];
	DWORD len = sizeof(out), i;

	for (i = 0; i < sizeof(v); i++)
		v[i] = (BYTE)i;
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SSL3_SHAMD5), NULL, &h), ERROR_SUCCESS);
	if (!h)
		return;
	CHECK_EQ(csp_hash_size(h), 36);
	/* it is never hashed into: its value is set */
	CHECK_EQ(csp_hash_update(h, v, 4), NTE_BAD_ALGID);
	CHECK_EQ(csp_hash_set_param(h, HP_HASHVAL, v), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, out, &len), ERROR_SUCCESS);
	CHECK(len == 36 && !memcmp(out, v, 36));
	/* keyed and set-only rows have no nettle hash for key expansion */
	CHECK_EQ(csp_hash_oneshot(h, v, 4, out), NTE_BAD_ALGID);
	csp_hash_destroy(h);
}

int main(int argc, char **argv)
{
	test_kat();
	test_rfc_kat();
	test_ssl3_shamd5();
	test_bad();
	test_set_value();
	return unit_done(argv[0]);
}
