/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_stream.c - RC4 (RFC 6229 key stream known answers, in-place calls
 * that continue the stream, Final restarting it, sizing) and hashing a
 * session key's bytes in both byte orders (CryptHashSessionKey).
 */
#include "unit.h"
#include "../../../rsaenh/core/key.h"
#include "../../../rsaenh/core/hash_key.h"

/* RFC 6229, 128-bit key 0102...10: key stream bytes 0..15 and 16..31 */
static const char *rc4_key = "0102030405060708090a0b0c0d0e0f10";
static const char *rc4_stream = "9ac7cc9a609d1ef7b2932899cde41b97"
				"5248c4959014126a6e8a84f11d1a9e1c";

static void test_rc4(void)
{
	unsigned char key[16], want[32], buf[32];
	struct csp_key *k = NULL;
	DWORD len;

	unit_hex(rc4_key, key);
	unit_hex(rc4_stream, want);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC4), key, 16, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_block_len(k), 0);
	/* zeros encrypt to the key stream; two calls continue one stream */
	memset(buf, 0, sizeof(buf));
	len = 16;
	CHECK_EQ(csp_key_encrypt(k, FALSE, buf, &len, 16), ERROR_SUCCESS);
	CHECK_EQ(len, 16);
	len = 16;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf + 16, &len, 16), ERROR_SUCCESS);
	CHECK(!memcmp(buf, want, 32));
	/* Final restarted the stream: decrypting gives zeros back */
	len = 32;
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 32);
	CHECK(buf[0] == 0 && !memcmp(buf, buf + 1, 31));
	/* an empty part is fine, an empty last part is NTE_BAD_LEN */
	len = 0;
	CHECK_EQ(csp_key_decrypt(k, FALSE, buf, &len), ERROR_SUCCESS);
	CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), NTE_BAD_LEN);
	/* sizing: no padding, and a short buffer is ERROR_MORE_DATA */
	len = 20;
	CHECK_EQ(csp_key_encrypt(k, TRUE, NULL, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(len, 20);
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, 10), ERROR_MORE_DATA);
	CHECK_EQ(len, 20);
	csp_key_destroy(k);
}

static void test_hash_session_key(void)
{
	static const BYTE kb[5] = { 1, 2, 3, 4, 5 }, rev[5] = { 5, 4, 3, 2, 1 };
	struct csp_hash *h = NULL, *ref = NULL;
	struct csp_key *k = NULL;
	int little;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC4), kb, 5, 0, &k), ERROR_SUCCESS);
	for (little = 0; little < 2 && k; little++) {
		CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SHA), NULL, &h), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SHA), NULL, &ref), ERROR_SUCCESS);
		if (!h || !ref)
			break;
		CHECK_EQ(csp_hash_session_key(h, k, little ? CRYPT_LITTLE_ENDIAN : 0), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_update(ref, little ? kb : rev, 5), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(h), csp_hash_value(ref), 20));
		/* finished hashes refuse the key; unknown flags are refused */
		CHECK_EQ(csp_hash_session_key(h, k, 0), NTE_BAD_HASH_STATE);
		CHECK_EQ(csp_hash_session_key(ref, k, 2), NTE_BAD_FLAGS);
		csp_hash_destroy(h);
		csp_hash_destroy(ref);
	}
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_rc4();
	test_hash_session_key();
	return unit_done(argv[0]);
}
