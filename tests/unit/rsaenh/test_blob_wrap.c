/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_blob_wrap.c - SYMMETRICWRAPKEYBLOB and OPAQUEKEYBLOB.  Wrapped keys
 * against independent answers: RFC 3394's own test vectors for AES key
 * wrap, and for RFC 3217's triple-DES and RC2 key wraps values composed
 * step by step with the openssl command (des-ede3-cbc, rc2-cbc, sha1) for
 * a fixed IV, which OpenSSL's own id-smime-alg-CMS3DESwrap unwraps to the
 * key.  Then round trips, tampering, wrong wrapping keys, keys that cannot
 * wrap, exportability, and the opaque BLOB's whole-state round trip and
 * length checks.
 */
#include "unit.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/params.h"
#include "../../../rsaenh/core/schannel.h"

#define AES "Microsoft Enhanced RSA and AES Cryptographic Provider"
#define SCH "Microsoft RSA SChannel Cryptographic Provider"

/* a random source that hands out the bytes it was given, in order */
static BYTE rng_bytes[16];
static DWORD rng_pos;

static DWORD script_fill(void *ctx, BYTE *buf, DWORD len)
{
	DWORD i;

	for (i = 0; i < len; i++)
		buf[i] = rng_bytes[rng_pos++ % sizeof(rng_bytes)];
	return ERROR_SUCCESS;
}

static const struct csp_random script_rng = { script_fill, NULL };

static const struct csp_profile *profile(const char *name, DWORD type)
{
	DWORD err;

	return csp_profile_lookup(name, type, &err);
}

static struct csp_key *key_of(ALG_ID alg, const char *hex, DWORD flags)
{
	BYTE bytes[64];
	DWORD n = (DWORD)unit_hex(hex, bytes);
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(alg), bytes, n, flags, &k), ERROR_SUCCESS);
	return k;
}

/* Export key under kek; the body after the header must be want_hex; the
 * BLOB must import back to the same key bytes. */
static void check_wrap(ALG_ID kek_alg, const char *kek_hex, ALG_ID alg, const char *key_hex,
		       const char *want_hex)
{
	struct csp_blob_env env = { profile(AES, PROV_RSA_AES), &script_rng };
	struct csp_key *kek = key_of(kek_alg, kek_hex, 0), *k = key_of(alg, key_hex, CRYPT_EXPORTABLE);
	struct csp_key *back = NULL;
	BYTE blob[128], want[96];
	DWORD len = 0, n = (DWORD)unit_hex(want_hex, want);

	if (!kek || !k)
		return;
	rng_pos = 0;
	CHECK_EQ(csp_blob_export(&env, k, kek, SYMMETRICWRAPKEYBLOB, 0, NULL, &len), ERROR_SUCCESS);
	CHECK_EQ(len, CSP_BLOB_HEADER + n);
	CHECK_EQ(csp_blob_export(&env, k, kek, SYMMETRICWRAPKEYBLOB, 0, blob, &len), ERROR_SUCCESS);
	CHECK(blob[0] == SYMMETRICWRAPKEYBLOB && csp_get_u32(blob + 4) == alg);
	CHECK(!memcmp(blob + CSP_BLOB_HEADER, want, n));
	CHECK_EQ(csp_blob_import(&env, blob, len, kek, 0, &back), ERROR_SUCCESS);
	if (back) {
		CHECK(back->key_len == k->key_len && !memcmp(back->key, k->key, k->key_len));
		CHECK_EQ(back->permissions & CRYPT_EXPORT, 0);
		csp_key_destroy(back);
		back = NULL;
	}
	/* any changed byte fails the checksum, as does another wrapping key */
	blob[len - 1] ^= 1;
	CHECK_EQ(csp_blob_import(&env, blob, len, kek, 0, &back), NTE_BAD_DATA);
	blob[len - 1] ^= 1;
	kek->key[0] ^= 0x80;
	csp_key_restart(kek);
	CHECK_EQ(csp_blob_import(&env, blob, len, kek, 0, &back), NTE_BAD_DATA);
	CHECK_EQ(csp_blob_import(&env, blob, len - 8, kek, 0, &back), NTE_BAD_DATA);
	CHECK(back == NULL);
	csp_key_destroy(kek);
	csp_key_destroy(k);
}

static void test_vectors(void)
{
	/* RFC 3394, 4.1 and 4.3 */
	check_wrap(CALG_AES_128, "000102030405060708090A0B0C0D0E0F", CALG_AES_128,
		   "00112233445566778899AABBCCDDEEFF", "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");
	check_wrap(CALG_AES_256, "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F",
		   CALG_AES_128, "00112233445566778899AABBCCDDEEFF",
		   "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7");
	/* RFC 3217 triple-DES key wrap, IV 1122334455667788 */
	memcpy(rng_bytes, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	check_wrap(CALG_3DES, "000102030405060708090a0b0c0d0e0f1011121314151617", CALG_3DES,
		   "303132333435363738396162636465663031323334353637",
		   "93f3f6b7152bbea86f33d8a5b7296a37c62662df0286eed9fdac70ce978541c31fd69267f099c8cc");
	/* RFC 3217 RC2 key wrap of a 40-bit key: pad a0 a1, then IV a2..a9 */
	memcpy(rng_bytes, "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9", 10);
	check_wrap(CALG_RC2, "000102030405060708090a0b0c0d0e0f", CALG_RC2, "6162636465",
		   "199d6bebe3597989b4f44aacb2926f88d63ddbb32f53c04b");
}

static void test_wrap_errors(void)
{
	struct csp_blob_env env = { profile(AES, PROV_RSA_AES), &script_rng };
	struct csp_key *aes = key_of(CALG_AES_128, "000102030405060708090A0B0C0D0E0F", CRYPT_EXPORTABLE);
	struct csp_key *des = key_of(CALG_DES, "0123456789abcdef", CRYPT_EXPORTABLE);
	struct csp_key *rc4 = key_of(CALG_RC4, "0102030405", CRYPT_EXPORTABLE);
	struct csp_key *fixed = key_of(CALG_AES_256, "000102030405060708090A0B0C0D0E0F000102030405060708090A0B0C0D0E0F", 0);
	BYTE blob[128];
	DWORD len = sizeof(blob);

	if (!aes || !des || !rc4 || !fixed)
		return;
	/* only block ciphers with a key wrap wrap; AES needs whole 64-bit blocks */
	CHECK_EQ(csp_blob_export(&env, aes, des, SYMMETRICWRAPKEYBLOB, 0, blob, &len), NTE_BAD_KEY);
	CHECK_EQ(csp_blob_export(&env, aes, rc4, SYMMETRICWRAPKEYBLOB, 0, blob, &len), NTE_BAD_KEY);
	CHECK_EQ(csp_blob_export(&env, aes, NULL, SYMMETRICWRAPKEYBLOB, 0, blob, &len), NTE_BAD_KEY);
	CHECK_EQ(csp_blob_export(&env, des, aes, SYMMETRICWRAPKEYBLOB, 0, blob, &len), NTE_BAD_KEY);
	/* a key without CRYPT_EXPORT stays in */
	CHECK_EQ(csp_blob_export(&env, fixed, aes, SYMMETRICWRAPKEYBLOB, 0, blob, &len), NTE_BAD_KEY_STATE);
	csp_key_destroy(aes);
	csp_key_destroy(des);
	csp_key_destroy(rc4);
	csp_key_destroy(fixed);
}

static void test_opaque(void)
{
	struct csp_blob_env env = { profile(SCH, PROV_RSA_SCHANNEL), &script_rng };
	struct csp_key *k = key_of(CALG_RC2, "000102030405060708090a0b0c0d0e0f", CRYPT_EXPORTABLE), *back = NULL;
	BYTE iv[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, cr[32] = { 7 }, blob[512], again[512];
	DWORD bits = 64, mode = CRYPT_MODE_ECB, len = sizeof(blob), len2 = sizeof(again);
	CRYPT_DATA_BLOB random = { sizeof(cr), cr };
	SCHANNEL_ALG sa = { SCHANNEL_MAC_KEY, CALG_MD5, 128, 0, 0 };

	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_IV, iv), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bits), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_export(&env, k, NULL, OPAQUEKEYBLOB, 0, blob, &len), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), ERROR_SUCCESS);
	if (back) {
		/* every part of the state came back: the BLOB it makes is the same */
		CHECK_EQ(csp_blob_export(&env, back, NULL, OPAQUEKEYBLOB, 0, again, &len2), ERROR_SUCCESS);
		CHECK(len2 == len && !memcmp(again, blob, len));
		CHECK_EQ(back->ekb, 64);
		CHECK_EQ(back->mode, CRYPT_MODE_ECB);
		csp_key_destroy(back);
		back = NULL;
	}
	/* truncated, padded, or another magic */
	CHECK_EQ(csp_blob_import(&env, blob, len - 1, NULL, 0, &back), NTE_BAD_DATA);
	CHECK_EQ(csp_blob_import(&env, blob, CSP_BLOB_HEADER + 4, NULL, 0, &back), NTE_BAD_DATA);
	blob[CSP_BLOB_HEADER] ^= 1;
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), NTE_BAD_DATA);
	blob[CSP_BLOB_HEADER] ^= 1;
	csp_put_u32(blob + CSP_BLOB_HEADER + 24, 2);   /* a padding Microsoft's providers lack */
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), NTE_BAD_DATA);
	csp_put_u32(blob + CSP_BLOB_HEADER + 24, PKCS5_PADDING);
	csp_put_u32(blob + CSP_BLOB_HEADER + 4, 65);   /* a key longer than any */
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), NTE_BAD_DATA);
	CHECK(back == NULL);
	k->permissions &= ~CRYPT_EXPORT;
	CHECK_EQ(csp_blob_export(&env, k, NULL, OPAQUEKEYBLOB, 0, blob, &len), NTE_BAD_KEY_STATE);
	csp_key_destroy(k);

	/* an SChannel master key keeps its randoms and algorithms */
	k = key_of(CALG_TLS1_MASTER, "0301000000000000000000000000000000000000000000000000000000000000"
				     "00000000000000000000000000000000", CRYPT_EXPORTABLE);
	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_CLIENT_RANDOM, (BYTE *)&random), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(k, KP_SCHANNEL_ALG, (BYTE *)&sa), ERROR_SUCCESS);
	len = sizeof(blob);
	CHECK_EQ(csp_blob_export(&env, k, NULL, OPAQUEKEYBLOB, 0, blob, &len), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), ERROR_SUCCESS);
	if (back) {
		CHECK(back->sch && back->sch->client_len == 32 && back->sch->mac.Algid == CALG_MD5);
		CHECK(!memcmp(back->key, k->key, CSP_MASTER_LEN));
		csp_key_destroy(back);
		back = NULL;
	}
	/* not an algorithm this provider offers */
	env.profile = profile(AES, PROV_RSA_AES);
	CHECK_EQ(csp_blob_import(&env, blob, len, NULL, 0, &back), NTE_BAD_ALGID);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_vectors();
	test_wrap_errors();
	test_opaque();
	return unit_done(argv[0]);
}
