/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_cipher_rc2.c - RC2 known answers of RFC 2268 section 5 (key bytes
 * and effective key length separately, through KP_EFFECTIVE_KEYLEN), and
 * the effective length rules: default = key length, 1..1024.
 */
#include "unit.h"
#include "../../../rsaenh/core/key.h"
#include "../../../rsaenh/core/params.h"

static const struct { const char *key; DWORD ekb; const char *pt, *ct; } rfc2268[] = {
	{ "0000000000000000", 63, "0000000000000000", "ebb773f993278eff" },
	{ "ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49" },
	{ "3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2" },
	{ "88", 64, "0000000000000000", "61a8a244adacccf0" },
	{ "88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f" },
	{ "88bca90e90875a7f0f79c384627bafb2", 64, "0000000000000000", "1a807d272bbe5db1" },
	{ "88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6" },
	{ "88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e", 129,
	  "0000000000000000", "5b78d3a43dfff1f1" },
};

static void test_rfc2268(void)
{
	size_t i;

	for (i = 0; i < sizeof(rfc2268) / sizeof(rfc2268[0]); i++) {
		BYTE key[64], pt[8], ct[8], buf[8];
		DWORD kl = (DWORD)unit_hex(rfc2268[i].key, key), mode = CRYPT_MODE_ECB, len = 8;
		DWORD ekb = rfc2268[i].ekb, v, vl = sizeof(v);
		struct csp_key *k = NULL;

		unit_hex(rfc2268[i].pt, pt);
		unit_hex(rfc2268[i].ct, ct);
		CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC2), key, kl, 0, &k), ERROR_SUCCESS);
		if (!k)
			continue;
		CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
		CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&ekb), ERROR_SUCCESS);
		CHECK_EQ(csp_key_get_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&v, &vl), ERROR_SUCCESS);
		CHECK_EQ(v, ekb);
		memcpy(buf, pt, 8);
		CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, 8), ERROR_SUCCESS);
		CHECK(!memcmp(buf, ct, 8));
		CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
		CHECK(!memcmp(buf, pt, 8));
		csp_key_destroy(k);
	}
}

static void test_effective_rules(void)
{
	BYTE key[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	struct csp_key *k = NULL, *a = NULL;
	DWORD v, vl = sizeof(v), bad;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC2), key, 16, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	/* until set, the effective length is the key's */
	CHECK_EQ(csp_key_get_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, 128);
	bad = 0;
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bad), NTE_BAD_DATA);
	bad = 1025;
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bad), NTE_BAD_DATA);
	bad = 1024;
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bad), ERROR_SUCCESS);
	/* only RC2 has one */
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_AES_128), key, 16, 0, &a), ERROR_SUCCESS);
	if (a)
		CHECK_EQ(csp_key_set_param(a, KP_EFFECTIVE_KEYLEN, (BYTE *)&bad), NTE_BAD_TYPE);
	csp_key_destroy(a);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_rfc2268();
	test_effective_rules();
	return unit_done(argv[0]);
}
