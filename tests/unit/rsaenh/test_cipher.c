/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_cipher.c - AES-128/192/256 known answers (NIST SP 800-38A CBC and
 * FIPS-197 ECB), CBC/PKCS#5 round trips across chained calls, padding
 * errors, buffer sizing, KP_* parameters, duplication.
 */
#include <stdlib.h>
#include "unit.h"
#include "../../../rsaenh/core/key.h"
#include "../../../rsaenh/core/params.h"

/* deterministic "random" bytes for tests: a counter */
static DWORD counter_rng(void *ctx, BYTE *buf, DWORD len)
{
	BYTE *c = ctx;
	DWORD i;

	for (i = 0; i < len; i++)
		buf[i] = (*c)++;
	return ERROR_SUCCESS;
}

static const struct { ALG_ID id; const char *key, *ct; } cbc_kat[] = {
	{ CALG_AES_128, "2b7e151628aed2a6abf7158809cf4f3c", "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2" },
	{ CALG_AES_192, "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", "4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a" },
	{ CALG_AES_256, "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d" },
};
static const char *sp800_pt = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51";
static const char *sp800_iv = "000102030405060708090a0b0c0d0e0f";

static void test_cbc_kat(void)
{
	unsigned char key[32], pt[32], ct[32], iv[16], buf[64];
	size_t i;

	unit_hex(sp800_pt, pt);
	unit_hex(sp800_iv, iv);
	for (i = 0; i < sizeof(cbc_kat) / sizeof(cbc_kat[0]); i++) {
		struct csp_key *k = NULL;
		size_t kl = unit_hex(cbc_kat[i].key, key);
		DWORD len;

		unit_hex(cbc_kat[i].ct, ct);
		CHECK_EQ(csp_key_from_bytes(csp_alg_find(cbc_kat[i].id), key, (DWORD)kl, 0, &k), ERROR_SUCCESS);
		if (!k)
			continue;
		CHECK_EQ(csp_key_set_param(k, KP_IV, iv), ERROR_SUCCESS);
		/* two non-final calls of one block each chain like one call */
		memcpy(buf, pt, 32);
		len = 16;
		CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
		len = 16;
		CHECK_EQ(csp_key_encrypt(k, FALSE, buf + 16, &len, sizeof(buf) - 16), ERROR_SUCCESS);
		CHECK(!memcmp(buf, ct, 32));
		/* decrypt, in place, in one non-final call */
		csp_key_restart(k);
		len = 32;
		CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
		CHECK(len == 32 && !memcmp(buf, pt, 32));
		csp_key_destroy(k);
	}
}

static void test_ecb_kat(void)
{
	/* FIPS-197 appendix C.1 */
	unsigned char key[16], pt[16], ct[16], buf[32];
	struct csp_key *k = NULL;
	DWORD mode = CRYPT_MODE_ECB, len = 16;

	unit_hex("000102030405060708090a0b0c0d0e0f", key);
	unit_hex("00112233445566778899aabbccddeeff", pt);
	unit_hex("69c4e0d86a7b0430d8cdb78070b4c55a", ct);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_AES_128), key, 16, 0, &k), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	memcpy(buf, pt, 16);
	CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK(!memcmp(buf, ct, 16));
	CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
	CHECK(!memcmp(buf, pt, 16));
	/* a mode that can be set but not run */
	mode = CRYPT_MODE_OFB;
	CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	len = 16;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)), NTE_BAD_ALGID);
	csp_key_destroy(k);
}

static void test_roundtrip(ALG_ID id, DWORD bits, DWORD mode)
{
	BYTE seed = 7, plain[100], buf[128];
	struct csp_random rng = { counter_rng, &seed };
	struct csp_key *k = NULL, *d = NULL;
	DWORD n, len;

	for (n = 0; n < sizeof(plain); n++)
		plain[n] = (BYTE)(n * 13);
	CHECK_EQ(csp_key_generate(csp_alg_find(id), bits, 0, &rng, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	for (n = 0; n <= 40; n++) {
		/* size query, short buffer, then the real thing */
		len = n;
		CHECK_EQ(csp_key_encrypt(k, TRUE, NULL, &len, 0), ERROR_SUCCESS);
		CHECK_EQ(len, (n / 16 + 1) * 16);
		memcpy(buf, plain, n);
		len = n;
		CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, n), ERROR_MORE_DATA);
		CHECK_EQ(len, (n / 16 + 1) * 16);
		len = n;
		CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
		CHECK_EQ(len, (n / 16 + 1) * 16);
		/* decrypt through a duplicate, which starts fresh too */
		CHECK_EQ(csp_key_duplicate(k, &d), ERROR_SUCCESS);
		CHECK_EQ(csp_key_decrypt(d, TRUE, buf, &len), ERROR_SUCCESS);
		CHECK(len == n && !memcmp(buf, plain, n));
		csp_key_destroy(d);
	}
	/* multi-call: 48 bytes non-final, then 20 final; decrypt 32 + 48 */
	memcpy(buf, plain, 68);
	len = 48;
	CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, 48), ERROR_SUCCESS);
	len = 20;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf + 48, &len, sizeof(buf) - 48), ERROR_SUCCESS);
	CHECK_EQ(len, 32);
	len = 32;
	CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
	len = 48;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf + 32, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 36);
	CHECK(!memcmp(buf, plain, 68));
	/* non-final with a partial block */
	len = 15;
	CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, sizeof(buf)), NTE_BAD_DATA);
	csp_key_destroy(k);
}

static void test_bad_padding(void)
{
	BYTE key[16] = { 1 }, buf[32], enc[32];
	struct csp_key *k = NULL;
	DWORD len;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_AES_128), key, 16, 0, &k), ERROR_SUCCESS);
	memset(buf, 0xab, sizeof(buf));
	len = 20;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	memcpy(enc, buf, 32);
	/* corrupt the last ciphertext byte: padding no longer valid */
	buf[31] ^= 0xff;
	len = 32;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), NTE_BAD_DATA);
	CHECK_EQ(len, 32);
	/* the failure restarted the key: the good ciphertext decrypts */
	memcpy(buf, enc, 32);
	len = 32;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 20);
	/* lengths that are not whole blocks, and an empty final block */
	len = 17;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), NTE_BAD_DATA);
	len = 0;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), NTE_BAD_LEN);
	csp_key_destroy(k);
}

static void test_params(void)
{
	BYTE seed = 1, iv[16], got[16];
	struct csp_random rng = { counter_rng, &seed };
	struct csp_key *k = NULL;
	DWORD v, len;

	CHECK_EQ(csp_key_generate(csp_alg_find(CALG_AES_256), 256, CRYPT_EXPORTABLE, &rng, &k), ERROR_SUCCESS);
	if (!k)
		return;
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_ALGID, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CALG_AES_256);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_KEYLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, 256);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_BLOCKLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, 128);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_MODE, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_MODE_CBC);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_PADDING, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, PKCS5_PADDING);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_PERMISSIONS, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC | CRYPT_EXPORT);
	/* clearing export is ignored */
	v = CRYPT_ENCRYPT;
	CHECK_EQ(csp_key_set_param(k, KP_PERMISSIONS, (BYTE *)&v), ERROR_SUCCESS);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_PERMISSIONS, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_ENCRYPT | CRYPT_EXPORT);
	/* IV: zero by default, short buffer, set/get */
	len = 4;
	CHECK_EQ(csp_key_get_param(k, KP_IV, got, &len), ERROR_MORE_DATA);
	CHECK_EQ(len, 16);
	memset(iv, 0x42, sizeof(iv));
	CHECK_EQ(csp_key_set_param(k, KP_IV, iv), ERROR_SUCCESS);
	len = sizeof(got);
	CHECK_EQ(csp_key_get_param(k, KP_IV, got, &len), ERROR_SUCCESS);
	CHECK(len == 16 && !memcmp(got, iv, 16));
	v = 2;
	CHECK_EQ(csp_key_set_param(k, KP_PADDING, (BYTE *)&v), NTE_BAD_DATA);
	CHECK_EQ(csp_key_set_param(k, KP_ALGID, (BYTE *)&v), NTE_BAD_TYPE);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, got, &len), NTE_BAD_KEY);
	CHECK_EQ(csp_key_get_param(k, 0x777, got, &len), NTE_BAD_TYPE);
	csp_key_destroy(k);

	/* a non-exportable key cannot be made exportable */
	CHECK_EQ(csp_key_generate(csp_alg_find(CALG_AES_128), 128, 0, &rng, &k), ERROR_SUCCESS);
	v = CRYPT_ENCRYPT | CRYPT_EXPORT;
	CHECK_EQ(csp_key_set_param(k, KP_PERMISSIONS, (BYTE *)&v), NTE_BAD_DATA);
	csp_key_destroy(k);

	/* wrong key sizes, hash rows */
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_AES_128), iv, 15, 0, &k), NTE_BAD_DATA);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_MD5), iv, 16, 0, &k), NTE_BAD_ALGID);
}

int main(int argc, char **argv)
{
	test_cbc_kat();
	test_ecb_kat();
	test_roundtrip(CALG_AES_128, 128, CRYPT_MODE_CBC);
	test_roundtrip(CALG_AES_192, 192, CRYPT_MODE_CBC);
	test_roundtrip(CALG_AES_256, 256, CRYPT_MODE_CBC);
	test_roundtrip(CALG_AES_256, 256, CRYPT_MODE_ECB);
	test_roundtrip(CALG_AES_128, 128, CRYPT_MODE_CFB);
	test_bad_padding();
	test_params();
	return unit_done(argv[0]);
}
