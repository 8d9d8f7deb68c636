/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_derive.c - CryptDeriveKey's results as Windows gives them: keys
 * derived from the MD2 hash of the bytes 0..1999 (as Wine's conformance
 * suite does on Windows) then used for DES, two- and three-key triple
 * DES, a 40-bit RC2 CBC-MAC and a 56-bit RC2 key as HMAC-MD5 key; and the
 * expansion when the hash is shorter than the key.
 */
#include "unit.h"
#include "../../../rsaenh/core/derive.h"
#include "../../../rsaenh/core/params.h"

#define ENH "Microsoft Enhanced Cryptographic Provider v1.0"
#define AES "Microsoft Enhanced RSA and AES Cryptographic Provider"

static struct csp_key *derive(const char *prov, DWORD type, ALG_ID hash_alg, ALG_ID id, DWORD flags)
{
	const struct csp_profile *p;
	struct csp_hash *h = NULL;
	struct csp_key *k = NULL;
	BYTE data[2000];
	DWORD i, err;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (BYTE)i;
	p = csp_profile_lookup(prov, type, &err);
	CHECK_EQ(csp_hash_create(csp_alg_find(hash_alg), NULL, &h), ERROR_SUCCESS);
	if (!h)
		return NULL;
	CHECK_EQ(csp_hash_update(h, data, sizeof(data)), ERROR_SUCCESS);
	CHECK_EQ(csp_key_derive(p, id, flags, h, &k), ERROR_SUCCESS);
	/* the hash is finished by it */
	CHECK_EQ(csp_hash_update(h, data, 1), NTE_BAD_HASH_STATE);
	csp_hash_destroy(h);
	return k;
}

static void check_encrypt13(struct csp_key *k, DWORD mode, const char *want_hex)
{
	BYTE buf[16], want[16];
	DWORD len = 13, i;

	if (!k)
		return;
	unit_hex(want_hex, want);
	if (mode)
		CHECK_EQ(csp_key_set_param(k, KP_MODE, (BYTE *)&mode), ERROR_SUCCESS);
	for (i = 0; i < 16; i++)
		buf[i] = (BYTE)i;
	CHECK_EQ(csp_key_encrypt(k, TRUE, buf, &len, 16), ERROR_SUCCESS);
	CHECK(len == 16 && !memcmp(buf, want, 16));
	csp_key_destroy(k);
}

static void test_block_ciphers(void)
{
	check_encrypt13(derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_DES, CRYPT_EXPORTABLE), CRYPT_MODE_ECB,
			"58864246654b9262cf0f6537437a82b9");
	check_encrypt13(derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_DES, (56 << 16) | CRYPT_EXPORTABLE),
			CRYPT_MODE_ECB, "58864246654b9262cf0f6537437a82b9");
	check_encrypt13(derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_3DES_112, CRYPT_EXPORTABLE), 0,
			"8e0c3ca305885f7a32a1065264d2441c");
	/* 24 key bytes from a 16-byte hash: the 0x36/0x5c expansion */
	check_encrypt13(derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_3DES, CRYPT_EXPORTABLE), 0,
			"7bbadda239d37bb3c751814153e8cfeb");
}

static void test_mac_of_derived_key(void)
{
	struct csp_key *k = derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_RC2, (40 << 16) | CRYPT_EXPORTABLE);
	struct csp_hash *h = NULL;
	BYTE data[256], want[8];
	DWORD i, v, len = sizeof(v);

	if (!k)
		return;
	/* a 40-bit RC2 key carries 11 bytes of (zero) salt */
	CHECK_EQ(csp_key_get_param(k, KP_SALT, NULL, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 11);
	for (i = 0; i < sizeof(data); i++)
		data[i] = (BYTE)i;
	unit_hex("b7a246e91131e0ad", want);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MAC), k, &h), ERROR_SUCCESS);
	if (h) {
		CHECK_EQ(csp_hash_update(h, data, sizeof(data)), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(h), want, 8));
	}
	csp_hash_destroy(h);
	csp_key_destroy(k);
}

static void test_hmac_of_derived_key(void)
{
	struct csp_key *k = derive(ENH, PROV_RSA_FULL, CALG_MD2, CALG_RC2, (56 << 16) | CRYPT_EXPORTABLE);
	HMAC_INFO info = { CALG_MD5, NULL, 0, NULL, 0 };
	struct csp_hash *h = NULL;
	BYTE data[256], want[16];
	DWORD i;

	if (!k)
		return;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (BYTE)i;
	unit_hex("1a7d49c59b2d0b9ccf106bb67d0f1332", want);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), ERROR_SUCCESS);
	if (h) {
		CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_update(h, data, sizeof(data)), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(h), want, 16));
	}
	csp_hash_destroy(h);
	csp_key_destroy(k);
}

static void test_rules(void)
{
	const struct csp_profile *p;
	struct csp_hash *h = NULL;
	struct csp_key *k = NULL;
	DWORD err, v, len = sizeof(v);

	p = csp_profile_lookup(AES, PROV_RSA_AES, &err);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SHA), NULL, &h), ERROR_SUCCESS);
	if (!h)
		return;
	/* not a cipher, not offered, bad lengths */
	CHECK_EQ(csp_key_derive(p, CALG_MD5, 0, h, &k), NTE_BAD_ALGID);
	CHECK_EQ(csp_key_derive(p, CALG_AES, 0, h, &k), NTE_BAD_ALGID);
	CHECK_EQ(csp_key_derive(p, CALG_RC4, 7 << 16, h, &k), NTE_BAD_DATA);
	CHECK_EQ(csp_key_derive(p, CALG_DES, 40 << 16, h, &k), NTE_BAD_FLAGS);
	/* the length in the upper 16 bits */
	CHECK_EQ(csp_key_derive(p, CALG_RC4, 64 << 16, h, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(csp_key_get_param(k, KP_KEYLEN, (BYTE *)&v, &len), ERROR_SUCCESS);
		CHECK_EQ(v, 64);
		/* not exportable unless asked */
		CHECK_EQ(csp_key_get_param(k, KP_PERMISSIONS, (BYTE *)&v, &len), ERROR_SUCCESS);
		CHECK_EQ(v & CRYPT_EXPORT, 0);
		csp_key_destroy(k);
	}
	/* AES-256 from SHA-1: 20 bytes expanded to 40 */
	CHECK_EQ(csp_key_derive(p, CALG_AES_256, CRYPT_EXPORTABLE, h, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(csp_key_get_param(k, KP_PERMISSIONS, (BYTE *)&v, &len), ERROR_SUCCESS);
		CHECK(v & CRYPT_EXPORT);
		csp_key_destroy(k);
	}
	csp_hash_destroy(h);
}

int main(int argc, char **argv)
{
	test_block_ciphers();
	test_mac_of_derived_key();
	test_hmac_of_derived_key();
	test_rules();
	return unit_done(argv[0]);
}
