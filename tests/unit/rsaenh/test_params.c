/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_params.c - the salt and effective-length parameters and their
 * per-provider rules: which keys get a salt (40-bit, CRYPT_CREATE_SALT,
 * CRYPT_NO_SALT, the Enhanced provider's exception), KP_SALT's eleven
 * bytes and how long they stay, KP_SALT_EX, KP_EFFECTIVE_KEYLEN on the
 * Base provider, and the modes a block key runs in.
 */
#include "unit.h"
#include "../../../rsaenh/core/key.h"
#include "../../../rsaenh/core/params.h"

#define BASE "Microsoft Base Cryptographic Provider v1.0"
#define STRONG "Microsoft Strong Cryptographic Provider"
#define ENH "Microsoft Enhanced Cryptographic Provider v1.0"
#define AES "Microsoft Enhanced RSA and AES Cryptographic Provider"

static DWORD salt_len(const char *prov, DWORD type, ALG_ID id, DWORD flags)
{
	DWORD err, len = 0;
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_create(csp_profile_lookup(prov, type, &err), id, flags, &k), ERROR_SUCCESS);
	if (!k)
		return 0xdead;
	err = csp_key_get_param(k, KP_SALT, NULL, &len);
	csp_key_destroy(k);
	return err ? err : len;
}

static void test_salt_rules(void)
{
	CHECK_EQ(salt_len(BASE, PROV_RSA_FULL, CALG_RC4, 0), 11);        /* default 40 bits */
	CHECK_EQ(salt_len(BASE, PROV_RSA_FULL, CALG_RC4, CRYPT_NO_SALT), 0);
	CHECK_EQ(salt_len(BASE, PROV_RSA_FULL, CALG_RC2, 56 << 16), 0);
	/* CRYPT_CREATE_SALT: eleven bytes on Base and Strong, none on Enhanced */
	CHECK_EQ(salt_len(BASE, PROV_RSA_FULL, CALG_RC2, (56 << 16) | CRYPT_CREATE_SALT), 11);
	CHECK_EQ(salt_len(BASE, PROV_RSA_FULL, CALG_RC4, (56 << 16) | CRYPT_CREATE_SALT), 11);
	CHECK_EQ(salt_len(STRONG, PROV_RSA_FULL, CALG_RC4, (56 << 16) | CRYPT_CREATE_SALT), 11);
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_RC4, (56 << 16) | CRYPT_CREATE_SALT), 0);
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_RC4, 40 << 16), 11);
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_RC4, (40 << 16) | CRYPT_CREATE_SALT), 0);
	CHECK_EQ(salt_len(STRONG, PROV_RSA_FULL, CALG_RC4, (40 << 16) | CRYPT_CREATE_SALT), 11);
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_RC4, 0), 0);           /* 128 bits */
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_RC4, CRYPT_CREATE_SALT), 0);
	/* only RC2 and RC4 have a salt */
	CHECK_EQ(salt_len(AES, PROV_RSA_AES, CALG_AES_128, 0), NTE_BAD_KEY);
	CHECK_EQ(salt_len(ENH, PROV_RSA_FULL, CALG_DES, CRYPT_CREATE_SALT), NTE_BAD_KEY);
}

/* An imported key's salt is the importer's default for its length, zero
 * bytes: a 40-bit key gets eleven (not with CRYPT_NO_SALT), others none. */
static void test_import_salt(void)
{
	static const BYTE zero[11];
	const BYTE key[7] = { 1, 2, 3, 4, 5, 6, 7 };
	const char *provs[] = { BASE, ENH };
	BYTE buf[16];
	DWORD i, err, len;
	struct csp_key *k = NULL;

	for (i = 0; i < 2; i++) {
		const struct csp_profile *p = csp_profile_lookup(provs[i], PROV_RSA_FULL, &err);

		CHECK_EQ(csp_key_import(p, csp_alg_find(CALG_RC4), key, 5, 0, &k), ERROR_SUCCESS);
		len = sizeof(buf);
		memset(buf, 0xaa, sizeof(buf));
		CHECK_EQ(csp_key_get_param(k, KP_SALT, buf, &len), ERROR_SUCCESS);
		CHECK_EQ(len, 11);
		CHECK(!memcmp(buf, zero, 11));
		csp_key_destroy(k);
		CHECK_EQ(csp_key_import(p, csp_alg_find(CALG_RC4), key, 5, CRYPT_NO_SALT, &k), ERROR_SUCCESS);
		len = sizeof(buf);
		CHECK_EQ(csp_key_get_param(k, KP_SALT, buf, &len), ERROR_SUCCESS);
		CHECK_EQ(len, 0);
		csp_key_destroy(k);
		CHECK_EQ(csp_key_import(p, csp_alg_find(CALG_RC2), key, 7, 0, &k), ERROR_SUCCESS);
		len = sizeof(buf);
		CHECK_EQ(csp_key_get_param(k, KP_SALT, buf, &len), ERROR_SUCCESS);
		CHECK_EQ(len, 0);
		csp_key_destroy(k);
	}
}

/* RC4 key stream of k, from the start of a message */
static void stream(struct csp_key *k, BYTE *out)
{
	DWORD len = 8;

	memset(out, 0, 8);
	csp_key_restart(k);
	CHECK_EQ(csp_key_encrypt(k, FALSE, out, &len, 8), ERROR_SUCCESS);
}

static void test_kp_salt(const char *prov, BOOL kept)
{
	static const BYTE salt[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
	BYTE key[5] = { 9, 8, 7, 6, 5 }, plain[8], salted[8], got[8], buf[16];
	DWORD err, len;
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_create(csp_profile_lookup(prov, PROV_RSA_FULL, &err), CALG_RC4,
				(40 << 16) | CRYPT_NO_SALT, &k), ERROR_SUCCESS);
	if (!k)
		return;
	csp_key_load(k, key, 5);
	stream(k, plain);
	len = sizeof(buf);
	CHECK_EQ(csp_key_set_param(k, KP_SALT, salt), ERROR_SUCCESS);
	/* the key stream right after setting it uses the salt */
	len = 8;
	memset(salted, 0, 8);
	CHECK_EQ(csp_key_encrypt(k, FALSE, salted, &len, 8), ERROR_SUCCESS);
	CHECK(memcmp(salted, plain, 8));
	len = sizeof(buf);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, buf, &len), ERROR_SUCCESS);
	CHECK_EQ(len, kept ? 11 : 0);
	/* and the next message: Base and Strong keep it, the others do not */
	stream(k, got);
	CHECK(!memcmp(got, kept ? salted : plain, 8));
	csp_key_destroy(k);
}

static void test_salt_ex(void)
{
	BYTE key[16] = { 0 }, s[25] = { 0 };
	CRYPT_INTEGER_BLOB blob = { 25, s };
	DWORD len = sizeof(s);
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_RC2), key, 16, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_SALT_EX, (BYTE *)&blob), NTE_BAD_DATA);
	blob.cbData = 24;
	CHECK_EQ(csp_key_set_param(k, KP_SALT_EX, (BYTE *)&blob), ERROR_SUCCESS);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, s, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 24);
	blob.pbData = NULL;
	CHECK_EQ(csp_key_set_param(k, KP_SALT_EX, (BYTE *)&blob), ERROR_INVALID_PARAMETER);
	/* there is no getter */
	CHECK_EQ(csp_key_get_param(k, KP_SALT_EX, s, &len), NTE_BAD_TYPE);
	csp_key_destroy(k);
}

static void test_base_effective_len(void)
{
	DWORD err, bits = 56, v, len = sizeof(v);
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_create(csp_profile_lookup(BASE, PROV_RSA_FULL, &err), CALG_RC2, 56 << 16, &k),
		 ERROR_SUCCESS);
	if (!k)
		return;
	/* the Base provider only has its default, and says so */
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bits), NTE_BAD_DATA);
	CHECK_EQ(csp_key_get_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
	CHECK_EQ(v, 40);
	bits = 40;
	CHECK_EQ(csp_key_set_param(k, KP_EFFECTIVE_KEYLEN, (BYTE *)&bits), ERROR_SUCCESS);
	CHECK_EQ(csp_key_check_encrypt(k), ERROR_SUCCESS);
	/* an RC2 key longer than the provider makes (as a SIMPLEBLOB may
	 * bring one) only decrypts */
	k->key_len = 16;
	CHECK_EQ(csp_key_check_encrypt(k), NTE_BAD_KEY);
	csp_key_destroy(k);
}

static void test_modes(void)
{
	BYTE key[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, buf[32] = { 0 };
	DWORD modes[] = { CRYPT_MODE_OFB, CRYPT_MODE_CTS, 77 }, i, len, v, vl = sizeof(v);
	struct csp_key *k = NULL;

	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_DES), key, 8, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_get_param(k, KP_MODE, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_MODE_CBC);
	CHECK_EQ(csp_key_get_param(k, KP_MODE_BITS, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, 8);
	/* accepted, but not run */
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&modes[i]), ERROR_SUCCESS);
		len = 8;
		CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)), NTE_BAD_ALGID);
		len = 8;
		CHECK_EQ(csp_key_decrypt(k, TRUE, buf, &len), NTE_BAD_ALGID);
	}
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_salt_rules();
	test_import_salt();
	test_kp_salt(BASE, TRUE);
	test_kp_salt(STRONG, TRUE);
	test_kp_salt(ENH, FALSE);
	test_salt_ex();
	test_base_effective_len();
	test_modes();
	return unit_done(argv[0]);
}
