/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_blobs.c - the BLOB handler table and PLAINTEXTKEYBLOB: round trips,
 * header and length checks, exportability (NTE_BAD_KEY_STATE), sizing,
 * and CRYPT_IPSEC_HMAC_KEY keys of any length (RFC 2202 case 6 through an
 * imported 80-byte key).
 */
#include "unit.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/hash.h"
#include "../../../rsaenh/core/params.h"

/* the BLOB handlers' environment: a profile, no random source needed here */
#define ENV(p) (&(struct csp_blob_env){ (p), NULL })

#define ENH "Microsoft Enhanced Cryptographic Provider v1.0"
#define BASE "Microsoft Base Cryptographic Provider v1.0"

static DWORD make_blob(BYTE *out, ALG_ID alg, const BYTE *key, DWORD n)
{
	BLOBHEADER hdr = { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, alg };

	memcpy(out, &hdr, sizeof(hdr));
	memcpy(out + sizeof(hdr), &n, sizeof(n));
	memcpy(out + sizeof(hdr) + sizeof(n), key, n);
	return sizeof(hdr) + sizeof(n) + n;
}

static void test_round_trip(void)
{
	DWORD err, n, len, i, v, vl = sizeof(v);
	const struct csp_profile *p = csp_profile_lookup(ENH, PROV_RSA_FULL, &err);
	BYTE key[24], blob[64], out[64];
	struct csp_key *k = NULL;

	for (i = 0; i < sizeof(key); i++)
		key[i] = (BYTE)(i * 13 + 1);
	n = make_blob(blob, CALG_3DES, key, 24);
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_get_param(k, KP_ALGID, (BYTE *)&v, &vl), ERROR_SUCCESS);
	CHECK_EQ(v, CALG_3DES);
	len = 0;
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, PLAINTEXTKEYBLOB, 0, NULL, &len), ERROR_SUCCESS);
	CHECK_EQ(len, n);
	len = n - 1;
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, PLAINTEXTKEYBLOB, 0, out, &len), ERROR_MORE_DATA);
	CHECK_EQ(len, n);
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, PLAINTEXTKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK(len == n && !memcmp(out, blob, n));
	/* types nobody handles */
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, 0x42, 0, out, &len), NTE_BAD_TYPE);
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, 0x108, 0, out, &len), NTE_BAD_TYPE);
	csp_key_destroy(k);

	/* imported without CRYPT_EXPORTABLE: it stays inside */
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), ERROR_SUCCESS);
	if (k) {
		len = sizeof(out);
		CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, PLAINTEXTKEYBLOB, 0, out, &len), NTE_BAD_KEY_STATE);
		csp_key_destroy(k);
	}
}

static void test_bad_blobs(void)
{
	DWORD err, n;
	const struct csp_profile *p = csp_profile_lookup(ENH, PROV_RSA_FULL, &err);
	const struct csp_profile *base = csp_profile_lookup(BASE, PROV_RSA_FULL, &err);
	BYTE key[16] = { 0 }, blob[64];
	struct csp_key *k = NULL;

	n = make_blob(blob, CALG_RC4, key, 16);
	CHECK_EQ(csp_blob_import(ENV(p), blob, 7, NULL, 0, &k), NTE_BAD_DATA);        /* short header */
	CHECK_EQ(csp_blob_import(ENV(p), blob, 10, NULL, 0, &k), NTE_BAD_DATA);       /* no length */
	CHECK_EQ(csp_blob_import(ENV(p), blob, n - 1, NULL, 0, &k), NTE_BAD_DATA);    /* short key */
	blob[1] = 3;
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), NTE_BAD_DATA);        /* version */
	blob[1] = CUR_BLOB_VERSION;
	blob[2] = 1;
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), NTE_BAD_DATA);        /* reserved */
	blob[2] = 0;
	blob[0] = 0x42;
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), NTE_BAD_TYPE);
	blob[0] = PLAINTEXTKEYBLOB;
	/* a 128-bit RC4 key is too long for the Base provider */
	CHECK_EQ(csp_blob_import(ENV(base), blob, n, NULL, 0, &k), NTE_BAD_DATA);
	/* no key bytes at all */
	n = make_blob(blob, CALG_RC4, key, 0);
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), NTE_BAD_DATA);
	/* not a cipher */
	n = make_blob(blob, CALG_MD5, key, 16);
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, 0, &k), NTE_BAD_ALGID);
	CHECK(k == NULL);
}

static void test_forty_bit_salt(void)
{
	DWORD err, n, len;
	const struct csp_profile *base = csp_profile_lookup(BASE, PROV_RSA_FULL, &err);
	BYTE key[5] = { 1, 2, 3, 4, 5 }, blob[32], salt[16];
	struct csp_key *k = NULL;

	/* an imported 40-bit key gets Windows' eleven zero bytes of salt */
	n = make_blob(blob, CALG_RC4, key, 5);
	CHECK_EQ(csp_blob_import(ENV(base), blob, n, NULL, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	len = sizeof(salt);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, salt, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 11);
	CHECK(!memcmp(salt, "\0\0\0\0\0\0\0\0\0\0\0", 11));
	csp_key_destroy(k);
}

static void test_ipsec_hmac_key(void)
{
	static const char msg[] = "Test Using Larger Than Block-Size Key - Hash Key First";
	DWORD err, n, len;
	const struct csp_profile *p = csp_profile_lookup(ENH, PROV_RSA_FULL, &err);
	HMAC_INFO info = { CALG_SHA, NULL, 0, NULL, 0 };
	BYTE key[80], blob[128], want[20], out[128];
	struct csp_key *k = NULL;
	struct csp_hash *h = NULL;

	memset(key, 0xaa, sizeof(key));
	unit_hex("aa4ae5e15272d00e95705637ce8a3b55ed402112", want);
	/* aiKeyAlg does not matter with CRYPT_IPSEC_HMAC_KEY */
	n = make_blob(blob, CALG_RC2, key, 80);
	CHECK_EQ(csp_blob_import(ENV(p), blob, n, NULL, CRYPT_IPSEC_HMAC_KEY | CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	/* an HMAC key encrypts nothing and is no session key to hash */
	len = 8;
	CHECK_EQ(csp_key_encrypt(k, FALSE, out, &len, sizeof(out)), NTE_BAD_TYPE);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), ERROR_SUCCESS);
	if (h) {
		CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_update(h, (const BYTE *)msg, strlen(msg)), ERROR_SUCCESS);
		CHECK(!memcmp(csp_hash_value(h), want, 20));
	}
	/* exported whole, as CALG_HMAC */
	len = sizeof(out);
	CHECK_EQ(csp_blob_export(ENV(NULL), k, NULL, PLAINTEXTKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK_EQ(len, n);
	CHECK(!memcmp(out + 12, key, 80));
	CHECK_EQ(((BLOBHEADER *)out)->aiKeyAlg, CALG_HMAC);
	csp_hash_destroy(h);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_round_trip();
	test_bad_blobs();
	test_forty_bit_salt();
	test_ipsec_hmac_key();
	return unit_done(argv[0]);
}
