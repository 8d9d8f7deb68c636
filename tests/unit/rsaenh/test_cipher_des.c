/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_cipher_des.c - DES, two-key and three-key triple DES known answers
 * (FIPS 81 / NIST SP 800-67), through key objects in ECB and CBC modes,
 * and the key lengths Windows names them by.
 */
#include "unit.h"
#include "../../../rsaenh/core/key.h"
#include "../../../rsaenh/core/params.h"

/* ECB-encrypt hex plaintext under hex key; compare with hex ciphertext */
static void check_ecb(ALG_ID id, const char *key_hex, const char *pt_hex, const char *ct_hex)
{
	BYTE key[64], pt[64], ct[64], buf[64];
	DWORD kl = (DWORD)unit_hex(key_hex, key), n = (DWORD)unit_hex(pt_hex, pt), mode = CRYPT_MODE_ECB, len;
	struct csp_key *k = NULL;

	unit_hex(ct_hex, ct);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(id), key, kl, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	memcpy(buf, pt, n);
	len = n;
	CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK(len == n && !memcmp(buf, ct, n));
	CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
	CHECK(len == n && !memcmp(buf, pt, n));
	csp_key_destroy(k);
}

static void test_kat(void)
{
	/* FIPS 81 appendix B ("Now is t"), and the classic worked example */
	check_ecb(CALG_DES, "0123456789abcdef", "4e6f772069732074", "3fa40e8a984d4815");
	check_ecb(CALG_DES, "133457799bbcdff1", "0123456789abcdef", "85e813540f0ab405");
	/* parity bits do not matter: the same key with every low bit flipped */
	check_ecb(CALG_DES, "0022446688aaccee", "4e6f772069732074", "3fa40e8a984d4815");
	/* NIST SP 800-67 rev. 1, appendix B: three-key TDEA */
	check_ecb(CALG_3DES, "0123456789abcdef23456789abcdef01456789abcdef0123",
		  "54686520717566636b2062726f776e20666f78206a756d70",
		  "a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900");
	/* two-key TDEA is K1 K2 K1: with K1 == K2 it is single DES */
	check_ecb(CALG_3DES_112, "0123456789abcdef0123456789abcdef", "4e6f772069732074", "3fa40e8a984d4815");
}

static void test_two_key_equals_three_key(void)
{
	BYTE k2[16], k3[24], a[16], b[16];
	struct csp_key *x = NULL, *y = NULL;
	DWORD len = 16, i;

	for (i = 0; i < 16; i++)
		k2[i] = (BYTE)(0x11 * i + 3);
	memcpy(k3, k2, 16);
	memcpy(k3 + 16, k2, 8);
	for (i = 0; i < 16; i++)
		a[i] = b[i] = (BYTE)i;
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_3DES_112), k2, 16, 0, &x), ERROR_SUCCESS);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_3DES), k3, 24, 0, &y), ERROR_SUCCESS);
	if (!x || !y)
		return;
	CHECK_EQ(csp_key_encrypt(x, FALSE, a, &len, 16), ERROR_SUCCESS);
	CHECK_EQ(csp_key_encrypt(y, FALSE, b, &len, 16), ERROR_SUCCESS);
	CHECK(!memcmp(a, b, 16));
	csp_key_destroy(x);
	csp_key_destroy(y);
}

static void test_cbc_padding(void)
{
	/* CBC with a zero IV and PKCS#5: 13 bytes become two blocks */
	BYTE key[8], buf[16];
	struct csp_key *k = NULL;
	DWORD len = 13, i, v, vl = sizeof(v);

	unit_hex("0123456789abcdef", key);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_DES), key, 8, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	for (i = 0; i < 13; i++)
		buf[i] = (BYTE)i;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK_EQ(len, 16);
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 13);
	for (i = 0; i < 13; i++)
		CHECK_EQ(buf[i], i);
	/* Windows reports a DES key as 64 bits with 64-bit blocks */
	CHECK_EQ(csp_key_get_param(k, KP_KEYLEN, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, 64);
	CHECK_EQ(csp_key_get_param(k, KP_BLOCKLEN, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, 64);
	/* wrong sizes for a fixed-length row */
	csp_key_destroy(k);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_DES), key, 7, 0, &k), NTE_BAD_DATA);
}

int main(int argc, char **argv)
{
	test_kat();
	test_two_key_equals_three_key();
	test_cbc_padding();
	return unit_done(argv[0]);
}
