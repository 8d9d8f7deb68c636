/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_hash_mac.c - the keyed hashes.  HMAC: RFC 2202 (MD5, SHA-1, with a
 * key longer than the block hashed first) and RFC 4231 (SHA-256 with the
 * default strings; SHA-384/512 with caller-given 128-byte strings, which
 * is how a CryptoAPI caller gets RFC HMAC over 128-byte blocks).  MAC: a
 * CBC-MAC checked against nettle's own DES-CBC of the padded data.
 */
#include <nettle/des.h>
#include <nettle/cbc.h>
#include "unit.h"
#include "../../../rsaenh/core/hash.h"
#include "../../../rsaenh/core/params.h"

static struct csp_key *hmac_key(const BYTE *key, DWORD n)
{
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_create_secret(NULL, csp_alg_find(CALG_HMAC), key, n, 0, &k), ERROR_SUCCESS);
	return k;
}

static void check_hmac(ALG_ID inner, const BYTE *key, DWORD kl, const char *msg, DWORD ml,
		       DWORD pad, const char *want_hex)
{
	BYTE want[64], out[64], ipad[128], opad[128];
	HMAC_INFO info = { inner, NULL, 0, NULL, 0 };
	struct csp_key *k = hmac_key(key, kl);
	struct csp_hash *h = NULL, *d = NULL;
	size_t n = unit_hex(want_hex, want);
	DWORD len = sizeof(out);

	if (pad) {
		memset(ipad, 0x36, pad);
		memset(opad, 0x5c, pad);
		info.pbInnerString = ipad;
		info.cbInnerString = pad;
		info.pbOuterString = opad;
		info.cbOuterString = pad;
	}
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), ERROR_SUCCESS);
	csp_key_destroy(k);   /* the hash keeps its own copy */
	if (!h)
		return;
	/* no data before the hash is named */
	CHECK_EQ(csp_hash_update(h, (const BYTE *)msg, 1), NTE_BAD_HASH_STATE);
	CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_size(h), n);
	CHECK_EQ(csp_hash_update(h, (const BYTE *)msg, 3), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_duplicate(h, &d), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_update(h, (const BYTE *)msg + 3, ml - 3), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, out, &len), ERROR_SUCCESS);
	CHECK(len == n && !memcmp(out, want, n));
	if (d) {
		CHECK_EQ(csp_hash_update(d, (const BYTE *)msg + 3, ml - 3), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(d), want, n));
	}
	csp_hash_destroy(d);
	csp_hash_destroy(h);
}

static void test_hmac(void)
{
	BYTE k0b[20], kaa[131];
	static const char larger[] = "Test Using Larger Than Block-Size Key - Hash Key First";

	memset(k0b, 0x0b, sizeof(k0b));
	memset(kaa, 0xaa, sizeof(kaa));
	/* RFC 2202 */
	check_hmac(CALG_MD5, k0b, 16, "Hi There", 8, 0, "9294727a3638bb1c13f48ef8158bfc9d");
	check_hmac(CALG_MD5, (const BYTE *)"Jefe", 4, "what do ya want for nothing?", 28, 0,
		   "750c783e6ab0b503eaa86e310a5db738");
	check_hmac(CALG_MD5, kaa, 80, larger, 54, 0, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd");
	check_hmac(CALG_SHA, k0b, 20, "Hi There", 8, 0, "b617318655057264e28bc0b6fb378c8ef146be00");
	check_hmac(CALG_SHA, (const BYTE *)"Jefe", 4, "what do ya want for nothing?", 28, 0,
		   "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
	check_hmac(CALG_SHA, kaa, 80, larger, 54, 0, "aa4ae5e15272d00e95705637ce8a3b55ed402112");
	/* RFC 4231 test cases 1, 2 and 6 */
	check_hmac(CALG_SHA_256, k0b, 20, "Hi There", 8, 0,
		   "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	check_hmac(CALG_SHA_256, (const BYTE *)"Jefe", 4, "what do ya want for nothing?", 28, 0,
		   "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	check_hmac(CALG_SHA_256, kaa, 131, larger, 54, 0,
		   "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	check_hmac(CALG_SHA_384, (const BYTE *)"Jefe", 4, "what do ya want for nothing?", 28, 128,
		   "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
		   "8e2240ca5e69e2c78b3239ecfab21649");
	check_hmac(CALG_SHA_512, (const BYTE *)"Jefe", 4, "what do ya want for nothing?", 28, 128,
		   "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
		   "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
}

static void test_hmac_errors(void)
{
	BYTE key[4] = { 1, 2, 3, 4 };
	HMAC_INFO info = { CALG_AES_128, NULL, 0, NULL, 0 };
	struct csp_key *k = hmac_key(key, 4);
	struct csp_hash *h = NULL, *plain = NULL;

	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), NULL, &h), NTE_BAD_KEY);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), ERROR_SUCCESS);
	if (h) {
		CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), NTE_BAD_ALGID);
		info.HashAlgid = CALG_MD5;
		info.cbInnerString = 5;     /* a length without its string */
		CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), ERROR_INVALID_PARAMETER);
	}
	/* HMAC_INFO on a plain hash */
	info.cbInnerString = 0;
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MD5), NULL, &plain), ERROR_SUCCESS);
	if (plain)
		CHECK_EQ(csp_hash_set_param(plain, HP_HMAC_INFO, (const BYTE *)&info), NTE_BAD_TYPE);
	csp_hash_destroy(plain);
	csp_hash_destroy(h);
	csp_key_destroy(k);
}

/* nettle's DES-CBC of data padded as CryptEncrypt pads: the last block */
static void reference_mac(const BYTE *key, const BYTE *data, DWORD n, BYTE *mac)
{
	BYTE buf[64], iv[8] = { 0 };
	DWORD padded = (n / 8 + 1) * 8, i;
	struct des_ctx ctx;

	memcpy(buf, data, n);
	for (i = n; i < padded; i++)
		buf[i] = (BYTE)(padded - n);
	des_set_key(&ctx, key);
	cbc_encrypt(&ctx, (nettle_cipher_func *)des_encrypt, 8, iv, padded, buf, buf);
	memcpy(mac, buf + padded - 8, 8);
}

static void test_mac(void)
{
	BYTE key[8], data[40], want[8], out[8];
	struct csp_key *k = NULL, *rc4 = NULL;
	struct csp_hash *h = NULL;
	DWORD n, i, len, one = 1;

	unit_hex("0123456789abcdef", key);
	for (i = 0; i < sizeof(data); i++)
		data[i] = (BYTE)(i * 7);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_DES), key, 8, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	for (n = 0; n <= 17; n++) {
		reference_mac(key, data, n, want);
		CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MAC), k, &h), ERROR_SUCCESS);
		if (!h)
			continue;
		CHECK_EQ(csp_hash_size(h), 8);
		/* fed in uneven pieces */
		for (i = 0; i < n; i += one)
			CHECK_EQ(csp_hash_update(h, data + i, (n - i < one) ? n - i : one), ERROR_SUCCESS);
		one = one % 5 + 1;
		len = sizeof(out);
		CHECK_EQ(csp_hash_get_param(h, HP_HASHVAL, out, &len), ERROR_SUCCESS);
		CHECK(len == 8 && !memcmp(out, want, 8));
		CHECK_EQ(csp_hash_update(h, data, 1), NTE_BAD_HASH_STATE);
		csp_hash_destroy(h);
		h = NULL;
	}
	/* a stream cipher key cannot make a MAC, and nor can none */
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC4), key, 8, 0, &rc4), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MAC), rc4, &h), NTE_BAD_KEY);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MAC), NULL, &h), NTE_BAD_KEY);
	csp_key_destroy(rc4);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_hmac();
	test_hmac_errors();
	test_mac();
	return unit_done(argv[0]);
}
