/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_rsa.c - RSA key pairs: generation, PKCS#1 v1.5 signatures against
 * known answers (computed independently, with Python's integers, for a
 * fixed 512-bit key), signature variants Windows accepts and the ones it
 * rejects, PKCS#1 v1.5 and OAEP encryption round trips and known
 * ciphertexts, sizes and error codes, KP_* parameters of key pair objects.
 */
#include <stdlib.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include "unit.h"
#include "../../../rsaenh/core/rsa_key.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/params.h"
#include "../counter_rng.h"

static DWORD failing_fill(void *ctx, BYTE *buf, DWORD len)
{
	return NTE_FAIL;
}

static DWORD rng_state;
static const struct csp_random test_rng = { counter_rng_fill, &rng_state };
static const struct csp_random bad_rng = { failing_fill, NULL };

#include "rsa_fixture.h"

static BYTE blob[1024];
static DWORD blob_len;

static struct csp_rsa *fixed_key(void)
{
	struct csp_rsa *r = NULL;

	blob_len = (DWORD)unit_hex(priv_hex, blob);
	CHECK_EQ(csp_rsa_read_private(blob + 8, blob_len - 8, &r), ERROR_SUCCESS);
	return r;
}

static void test_known_signatures(void)
{
	struct csp_rsa *r = fixed_key();
	BYTE digest[64], sig[64], expect[64], bad[64];
	struct sha1_ctx s1;
	struct sha256_ctx s2;

	if (!r)
		return;
	CHECK_EQ(csp_rsa_bytes(r), 64);
	sha1_init(&s1);
	sha1_update(&s1, 3, (const BYTE *)"abc");
	sha1_digest(&s1, 20, digest);
	unit_hex(sig_sha1_hex, expect);
	CHECK_EQ(csp_rsa_sign(r, CALG_SHA, digest, 20, 0, &test_rng, sig), ERROR_SUCCESS);
	CHECK(!memcmp(sig, expect, 64));
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, expect, 64), ERROR_SUCCESS);
	/* the DigestInfo form is not accepted when the caller says "no OID" */
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, CRYPT_NOHASHOID, expect, 64), NTE_BAD_SIGNATURE);
	/* wrong hash algorithm, flipped bit, short and long signatures */
	CHECK_EQ(csp_rsa_verify(r, CALG_MD5, digest, 16, 0, expect, 64), NTE_BAD_SIGNATURE);
	memcpy(bad, expect, 64);
	bad[10] ^= 1;
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, bad, 64), NTE_BAD_SIGNATURE);
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, expect, 63), NTE_BAD_SIGNATURE);
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, expect, 65), NTE_BAD_SIGNATURE);
	/* a "signature" equal to the modulus or above is rejected, not reduced */
	memcpy(bad, blob + 8 + 12, 64);
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, bad, 64), NTE_BAD_SIGNATURE);
	memset(bad, 0xff, 64);
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA, digest, 20, 0, bad, 64), NTE_BAD_SIGNATURE);

	sha256_init(&s2);
	sha256_update(&s2, 3, (const BYTE *)"abc");
	sha256_digest(&s2, 32, digest);
	unit_hex(sig_sha256_bare_hex, expect);
	CHECK_EQ(csp_rsa_sign(r, CALG_SHA_256, digest, 32, CRYPT_NOHASHOID, &test_rng, sig), ERROR_SUCCESS);
	CHECK(!memcmp(sig, expect, 64));
	/* Windows accepts the bare form with or without the flag */
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA_256, digest, 32, CRYPT_NOHASHOID, expect, 64), ERROR_SUCCESS);
	CHECK_EQ(csp_rsa_verify(r, CALG_SHA_256, digest, 32, 0, expect, 64), ERROR_SUCCESS);
	/* a SHA-512 DigestInfo does not fit a 512-bit key */
	CHECK_EQ(csp_rsa_sign(r, CALG_SHA_512, digest, 64, 0, &test_rng, sig), NTE_BAD_LEN);
	CHECK_EQ(csp_rsa_sign(r, CALG_HMAC, digest, 20, 0, &test_rng, sig), NTE_BAD_ALGID);
	/* a failing random source fails the operation */
	CHECK_EQ(csp_rsa_sign(r, CALG_SHA_256, digest, 32, 0, &bad_rng, sig), NTE_FAIL);
	csp_rsa_destroy(r);
}

static void test_generated_signatures(void)
{
	static const struct { ALG_ID id; DWORD len; } hashes[] = {
		{ CALG_MD2, 16 }, { CALG_MD4, 16 }, { CALG_MD5, 16 }, { CALG_SHA, 20 },
		{ CALG_SHA_256, 32 }, { CALG_SHA_384, 48 }, { CALG_SHA_512, 64 }, { CALG_SSL3_SHAMD5, 36 },
	};
	struct csp_rsa *r = NULL;
	BYTE digest[64], sig[128];
	size_t i;

	CHECK_EQ(csp_rsa_generate(1024, &test_rng, &r), ERROR_SUCCESS);
	if (!r)
		return;
	CHECK_EQ(csp_rsa_bytes(r), 128);
	CHECK_EQ(mpz_sizeinbase(r->pub.n, 2), 1024);
	CHECK_EQ(mpz_get_ui(r->pub.e), 65537);
	CHECK_EQ(csp_rsa_generate(1020, &test_rng, &r), NTE_BAD_FLAGS);
	for (i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++) {
		memset(digest, (int)i + 1, sizeof(digest));
		CHECK_EQ(csp_rsa_sign(r, hashes[i].id, digest, hashes[i].len, 0, &test_rng, sig), ERROR_SUCCESS);
		CHECK_EQ(csp_rsa_verify(r, hashes[i].id, digest, hashes[i].len, 0, sig, 128), ERROR_SUCCESS);
		digest[0] ^= 0x80;
		CHECK_EQ(csp_rsa_verify(r, hashes[i].id, digest, hashes[i].len, 0, sig, 128), NTE_BAD_SIGNATURE);
	}
	csp_rsa_destroy(r);
}

static void test_encryption(void)
{
	struct csp_rsa *r = fixed_key();
	BYTE buf[64], copy[64];
	DWORD len, i;

	if (!r)
		return;
	CHECK_EQ(csp_rsa_max_message(r, FALSE), 64 - 11);
	CHECK_EQ(csp_rsa_max_message(r, TRUE), 64 - 42);
	/* ciphertexts made elsewhere decrypt */
	unit_hex(oaep_hex, buf);
	CHECK_EQ(csp_rsa_decrypt(r, TRUE, &test_rng, buf, &len), ERROR_SUCCESS);
	CHECK(len == 11 && !memcmp(buf, "Wine rocks!", 11));
	unit_hex(pkcs1_hex, buf);
	CHECK_EQ(csp_rsa_decrypt(r, FALSE, &test_rng, buf, &len), ERROR_SUCCESS);
	CHECK(len == 11 && !memcmp(buf, "Wine rocks!", 11));
	/* the wrong padding is bad data, and leaves the length alone */
	unit_hex(pkcs1_hex, buf);
	len = 77;
	CHECK_EQ(csp_rsa_decrypt(r, TRUE, &test_rng, buf, &len), NTE_BAD_DATA);
	CHECK_EQ(len, 77);
	unit_hex(oaep_hex, buf);
	CHECK_EQ(csp_rsa_decrypt(r, FALSE, &test_rng, buf, &len), NTE_BAD_DATA);
	/* round trips at every length up to the limit, both paddings */
	for (i = 0; i <= 64 - 11; i += 7) {
		memset(buf, 0xa5, sizeof(buf));
		for (len = 0; len < i; len++)
			buf[len] = (BYTE)(len * 3);
		memcpy(copy, buf, i);
		CHECK_EQ(csp_rsa_encrypt(r, FALSE, &test_rng, buf, i), ERROR_SUCCESS);
		CHECK_EQ(csp_rsa_decrypt(r, FALSE, &test_rng, buf, &len), ERROR_SUCCESS);
		CHECK(len == i && !memcmp(buf, copy, i));
		if (i > 64 - 42)
			continue;
		memcpy(buf, copy, i);
		CHECK_EQ(csp_rsa_encrypt(r, TRUE, &test_rng, buf, i), ERROR_SUCCESS);
		CHECK_EQ(csp_rsa_decrypt(r, TRUE, &test_rng, buf, &len), ERROR_SUCCESS);
		CHECK(len == i && !memcmp(buf, copy, i));
	}
	CHECK_EQ(csp_rsa_encrypt(r, FALSE, &test_rng, buf, 64 - 10), NTE_BAD_LEN);
	CHECK_EQ(csp_rsa_encrypt(r, TRUE, &test_rng, buf, 64 - 41), NTE_BAD_LEN);
	/* a ciphertext not below the modulus */
	memset(buf, 0xff, sizeof(buf));
	CHECK_EQ(csp_rsa_decrypt(r, FALSE, &test_rng, buf, &len), NTE_BAD_DATA);
	csp_rsa_destroy(r);
}

static void test_key_objects(void)
{
	struct csp_rsa *r = fixed_key(), *pub = NULL;
	struct csp_key *k = NULL, *d = NULL, *pk = NULL;
	BYTE buf[128];
	DWORD v, len;

	if (!r)
		return;
	CHECK_EQ(csp_key_from_pair(csp_alg_find(CALG_RSA_KEYX), r, 0, &k), ERROR_SUCCESS);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_KEYLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, 512);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_BLOCKLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, 512);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_ALGID, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CALG_RSA_KEYX);
	len = sizeof(v);
	CHECK_EQ(csp_key_get_param(k, KP_PERMISSIONS, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, NULL, &len), NTE_BAD_KEY);
	CHECK_EQ(csp_key_get_param(k, KP_IV, buf, &len), NTE_BAD_TYPE);
	v |= CRYPT_EXPORT;
	CHECK_EQ(csp_key_set_param(k, KP_PERMISSIONS, (BYTE *)&v), NTE_BAD_DATA);

	/* CryptEncrypt's sizing with a key exchange key */
	len = 12;
	CHECK_EQ(csp_rsa_key_encrypt(k, 0, &test_rng, NULL, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(len, 64);
	len = 1;
	CHECK_EQ(csp_rsa_key_encrypt(k, CRYPT_OAEP, &test_rng, buf, &len, 42), ERROR_MORE_DATA);
	CHECK_EQ(len, 64);
	len = 23;
	CHECK_EQ(csp_rsa_key_encrypt(k, CRYPT_OAEP, &test_rng, buf, &len, sizeof(buf)), NTE_BAD_LEN);
	memcpy(buf, "Wine rocks!", 12);
	len = 12;
	CHECK_EQ(csp_rsa_key_encrypt(k, CRYPT_OAEP, &test_rng, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK_EQ(len, 64);
	len = 11;
	CHECK_EQ(csp_rsa_key_decrypt(k, CRYPT_OAEP, &test_rng, buf, &len), NTE_BAD_DATA);
	CHECK_EQ(len, 11);
	len = 64;
	CHECK_EQ(csp_key_duplicate(k, &d), ERROR_SUCCESS);
	CHECK_EQ(csp_rsa_key_decrypt(d, CRYPT_OAEP, &test_rng, buf, &len), ERROR_SUCCESS);
	CHECK(len == 12 && !memcmp(buf, "Wine rocks!", 12));

	/* a signature key neither encrypts nor decrypts */
	CHECK_EQ(csp_rsa_read_public(blob + 8, blob_len - 8, &pub), NTE_BAD_DATA);   /* RSA2 is not RSA1 */
	CHECK_EQ(csp_rsa_read_private(blob + 8, blob_len - 8, &pub), ERROR_SUCCESS);
	CHECK_EQ(csp_key_from_pair(csp_alg_find(CALG_RSA_SIGN), pub, 0, &pk), ERROR_SUCCESS);
	len = 12;
	CHECK_EQ(csp_rsa_key_encrypt(pk, 0, &test_rng, buf, &len, sizeof(buf)), NTE_BAD_KEY);
	len = 64;
	CHECK_EQ(csp_rsa_key_decrypt(pk, 0, &test_rng, buf, &len), NTE_BAD_KEY);
	csp_key_destroy(pk);
	csp_key_destroy(d);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_known_signatures();
	test_generated_signatures();
	test_encryption();
	test_key_objects();
	return unit_done(argv[0]);
}
