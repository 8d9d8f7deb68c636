/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_blob_rsa.c - the RSA key BLOBs through the BLOB table: PUBLICKEYBLOB
 * and PRIVATEKEYBLOB round trips (byte for byte), exportability, sizing,
 * private key BLOBs wrapped with a session key, SIMPLEBLOB export/import
 * and a SIMPLEBLOB made outside this code base, and malformed BLOBs
 * rejected with Windows' codes.
 */
#include <stdlib.h>
#include <nettle/sha2.h>
#include "unit.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/rsa_key.h"
#include "../../../rsaenh/core/params.h"
#include "rsa_fixture.h"
#include "../counter_rng.h"

#define ENH_PROV "Microsoft Enhanced Cryptographic Provider v1.0"
#define AES_PROV "Microsoft Enhanced RSA and AES Cryptographic Provider"
#define BASE_PROV "Microsoft Base Cryptographic Provider v1.0"

static DWORD rng_state;
static const struct csp_random test_rng = { counter_rng_fill, &rng_state };
static struct csp_blob_env enh, aes, base;
static BYTE priv[1024];
static DWORD priv_len;

static void setup(void)
{
	DWORD err;

	enh.profile = csp_profile_lookup(ENH_PROV, PROV_RSA_FULL, &err);
	aes.profile = csp_profile_lookup(AES_PROV, PROV_RSA_AES, &err);
	base.profile = csp_profile_lookup(BASE_PROV, PROV_RSA_FULL, &err);
	enh.rng = aes.rng = base.rng = &test_rng;
	priv_len = (DWORD)unit_hex(priv_hex, priv);
}

static DWORD import(const struct csp_blob_env *env, const BYTE *data, DWORD len, DWORD flags,
		    struct csp_key **out)
{
	*out = NULL;
	return csp_blob_import(env, data, len, NULL, flags, out);
}

static void test_private_round_trip(void)
{
	struct csp_key *k = NULL, *k2 = NULL;
	BYTE out[1024];
	DWORD len;

	CHECK_EQ(import(&enh, priv, priv_len, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK(csp_key_rsa(k) && csp_key_rsa(k)->has_private && k->alg->id == CALG_RSA_KEYX);
	len = sizeof(out);
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PRIVATEKEYBLOB, 0, out, &len), NTE_BAD_KEY_STATE);
	csp_key_destroy(k);

	CHECK_EQ(import(&enh, priv, priv_len, CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	len = 0;
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PRIVATEKEYBLOB, 0, NULL, &len), ERROR_SUCCESS);
	CHECK_EQ(len, priv_len);
	len = priv_len - 1;
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PRIVATEKEYBLOB, 0, out, &len), ERROR_MORE_DATA);
	CHECK_EQ(len, priv_len);
	len = sizeof(out);
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PRIVATEKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK(len == priv_len && !memcmp(out, priv, len));
	/* the private exponent may be cut short: it is recomputed */
	CHECK_EQ(import(&enh, priv, priv_len - 40, CRYPT_EXPORTABLE, &k2), ERROR_SUCCESS);
	len = sizeof(out);
	CHECK_EQ(csp_blob_export(&enh, k2, NULL, PRIVATEKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK(len == priv_len && !memcmp(out, priv, len));
	csp_key_destroy(k2);
	CHECK_EQ(import(&enh, priv, 8 + 12 + 64 + 5 * 32 - 1, 0, &k2), NTE_BAD_DATA);
	CHECK(k2 == NULL);
	/* the force flag is for the container storage only */
	k->permissions &= ~CRYPT_EXPORT;
	len = sizeof(out);
	CHECK_EQ(csp_blob_export_private(k, NULL, TRUE, out, &len), ERROR_SUCCESS);
	CHECK(len == priv_len && !memcmp(out, priv, len));
	csp_key_destroy(k);
}

static void test_public_round_trip(void)
{
	struct csp_key *k = NULL, *pub = NULL;
	BYTE out[200], out2[200];
	DWORD len, len2;

	CHECK_EQ(import(&enh, priv, priv_len, 0, &k), ERROR_SUCCESS);
	if (!k)
		return;
	len = sizeof(out);
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PUBLICKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 8 + 12 + 64);
	CHECK(!memcmp(out, "\x06\x02\x00\x00\x00\xa4\x00\x00RSA1\x00\x02\x00\x00\x01\x00\x01\x00", 20));
	CHECK(!memcmp(out + 20, priv + 20, 64));
	/* a public key needs no hExpKey */
	len2 = sizeof(out2);
	CHECK_EQ(csp_blob_export(&enh, k, k, PUBLICKEYBLOB, 0, out2, &len2), NTE_BAD_KEY);
	CHECK_EQ(import(&enh, out, len, 0, &pub), ERROR_SUCCESS);
	if (pub) {
		CHECK(!csp_key_rsa(pub)->has_private);
		len2 = sizeof(out2);
		CHECK_EQ(csp_blob_export(&enh, pub, NULL, PUBLICKEYBLOB, 0, out2, &len2), ERROR_SUCCESS);
		CHECK(len2 == len && !memcmp(out, out2, len));
		len2 = sizeof(out2);
		pub->permissions |= CRYPT_EXPORT;
		CHECK_EQ(csp_blob_export(&enh, pub, NULL, PRIVATEKEYBLOB, 0, out2, &len2), NTE_BAD_KEY);
		csp_key_destroy(pub);
	}
	/* a modulus with leading zero bits (not bytes) is a key Windows takes */
	memset(out + 20, 0x11, 64);
	CHECK_EQ(import(&enh, out, len, 0, &pub), ERROR_SUCCESS);
	csp_key_destroy(pub);
	csp_key_destroy(k);
}

/* A copy of the fixture with one change, imported. */
static DWORD import_changed(DWORD offset, BYTE value, DWORD len)
{
	struct csp_key *k = NULL;
	BYTE copy[1024];
	DWORD err;

	memcpy(copy, priv, priv_len);
	copy[offset] = value;
	err = import(&enh, copy, len, 0, &k);
	CHECK((err == ERROR_SUCCESS) == (k != NULL));
	csp_key_destroy(k);
	return err;
}

static void test_malformed(void)
{
	struct csp_key *k = NULL;
	BYTE copy[1024];

	CHECK_EQ(import_changed(1, 1, priv_len), NTE_BAD_DATA);        /* bVersion */
	CHECK_EQ(import_changed(2, 1, priv_len), NTE_BAD_DATA);        /* reserved */
	CHECK_EQ(import_changed(0, 0x42, priv_len), NTE_BAD_TYPE);     /* bType */
	CHECK_EQ(import_changed(0, PRIVATEKEYBLOB, 7), NTE_BAD_DATA);  /* no room for a header */
	CHECK_EQ(import_changed(0, PRIVATEKEYBLOB, 8 + 11), NTE_BAD_DATA);
	CHECK_EQ(import_changed(11, '1', priv_len), NTE_BAD_DATA);     /* RSA1 magic in a private BLOB */
	CHECK_EQ(import_changed(12, 0x01, priv_len), NTE_BAD_DATA);    /* bitlen 513 */
	CHECK_EQ(import_changed(13, 0x00, priv_len), NTE_BAD_DATA);    /* bitlen 0 */
	CHECK_EQ(import_changed(13, 0x04, priv_len), NTE_BAD_DATA);    /* bitlen 1024: too short */
	CHECK_EQ(import_changed(14, 0x01, priv_len), NTE_BAD_DATA);    /* bitlen past any profile */
	CHECK_EQ(import_changed(16, 0x02, priv_len), NTE_BAD_DATA);    /* even public exponent */
	CHECK_EQ(import_changed(20, priv[20] ^ 1, priv_len), NTE_BAD_DATA);  /* even modulus */
	CHECK_EQ(import_changed(21, priv[21] ^ 1, priv_len), NTE_BAD_DATA);  /* n != p q */
	CHECK_EQ(import_changed(84 + 1, priv[85] ^ 1, priv_len), NTE_BAD_DATA);        /* prime1 */
	CHECK_EQ(import_changed(84 + 64 + 3, priv[151] ^ 1, priv_len), NTE_BAD_DATA);  /* exponent1 */
	CHECK_EQ(import_changed(84 + 96 + 3, priv[183] ^ 1, priv_len), NTE_BAD_DATA);  /* exponent2 */
	CHECK_EQ(import_changed(84 + 128 + 3, priv[215] ^ 1, priv_len), NTE_BAD_DATA); /* coefficient */
	/* a key pair must be an RSA algorithm the profile offers */
	CHECK_EQ(import_changed(5, 0x66, priv_len), NTE_BAD_ALGID);    /* 0x660e: AES-128 */
	CHECK_EQ(import_changed(5, 0x00, priv_len), NTE_BAD_ALGID);
	CHECK_EQ(import_changed(5, 0x24, priv_len), ERROR_SUCCESS);    /* CALG_RSA_SIGN */
	/* a public key BLOB shorter than its modulus */
	memcpy(copy, priv, 84);
	copy[0] = PUBLICKEYBLOB;
	copy[11] = '1';
	CHECK_EQ(import(&enh, copy, 84, 0, &k), ERROR_SUCCESS);
	csp_key_destroy(k);
	CHECK_EQ(import(&enh, copy, 83, 0, &k), NTE_BAD_DATA);
	CHECK(k == NULL);
	CHECK_EQ(csp_blob_export(&enh, NULL, NULL, 0x42, 0, copy, NULL), NTE_BAD_TYPE);
}

static void test_profile_limits(void)
{
	struct csp_rsa *r = NULL;
	struct csp_key *k = NULL, *imp = NULL;
	BYTE out[1024];
	DWORD len = sizeof(out);

	/* the Base provider's key exchange pairs stop at 1024 bits */
	CHECK_EQ(csp_rsa_generate(1032, &test_rng, &r), ERROR_SUCCESS);
	CHECK_EQ(csp_key_from_pair(csp_alg_find(CALG_RSA_KEYX), r, CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_blob_export(&enh, k, NULL, PRIVATEKEYBLOB, 0, out, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 8 + 12 + 2 * 129 + 5 * 65);
	CHECK_EQ(import(&base, out, len, 0, &imp), NTE_BAD_DATA);
	CHECK_EQ(import(&enh, out, len, 0, &imp), ERROR_SUCCESS);
	csp_key_destroy(imp);
	csp_key_destroy(k);
}

static void test_simpleblob(void)
{
	struct csp_key *keyx = NULL, *sig = NULL, *pub = NULL, *session = NULL, *back = NULL;
	BYTE blob[200], copy[1024], pubblob[100];
	DWORD len, plen, i;
	static const BYTE rc4_key[16] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
					  0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f };

	CHECK_EQ(import(&aes, priv, priv_len, 0, &keyx), ERROR_SUCCESS);
	memcpy(copy, priv, priv_len);
	copy[5] = 0x24;
	CHECK_EQ(import(&aes, copy, priv_len, 0, &sig), ERROR_SUCCESS);
	plen = sizeof(pubblob);
	CHECK_EQ(csp_blob_export(&aes, keyx, NULL, PUBLICKEYBLOB, 0, pubblob, &plen), ERROR_SUCCESS);
	CHECK_EQ(import(&aes, pubblob, plen, 0, &pub), ERROR_SUCCESS);
	if (!keyx || !sig || !pub)
		return;

	/* made elsewhere: an RC4 key, little-endian ciphertext */
	len = (DWORD)unit_hex(simple_hex, blob);
	CHECK_EQ(csp_blob_import(&aes, blob, len, keyx, 0, &back), ERROR_SUCCESS);
	if (back) {
		CHECK(back->alg->id == CALG_RC4 && back->key_len == 16 && !memcmp(back->key, rc4_key, 16));
		CHECK(!(back->permissions & CRYPT_EXPORT));
		csp_key_destroy(back);
		back = NULL;
	}
	CHECK_EQ(csp_blob_import(&aes, blob, len, sig, 0, &back), NTE_BAD_PUBLIC_KEY);
	CHECK_EQ(csp_blob_import(&aes, blob, len, pub, 0, &back), NTE_BAD_PUBLIC_KEY);
	CHECK_EQ(csp_blob_import(&aes, blob, len, NULL, 0, &back), NTE_BAD_PUBLIC_KEY);
	CHECK_EQ(csp_blob_import(&aes, blob, len - 1, keyx, 0, &back), NTE_BAD_DATA);
	CHECK_EQ(csp_blob_import(&aes, blob, len, keyx, CRYPT_OAEP, &back), NTE_BAD_DATA);
	memcpy(copy, blob, len);
	copy[30] ^= 0x40;
	CHECK_EQ(csp_blob_import(&aes, copy, len, keyx, 0, &back), NTE_BAD_DATA);
	CHECK(back == NULL);

	/* export and import again, both paddings, under the public half */
	CHECK_EQ(csp_key_generate(csp_alg_find(CALG_AES_128), 128, CRYPT_EXPORTABLE, &test_rng, &session),
		 ERROR_SUCCESS);
	for (i = 0; i < 2; i++) {
		DWORD flags = i ? CRYPT_OAEP : 0;

		len = 0;
		CHECK_EQ(csp_blob_export(&aes, session, pub, SIMPLEBLOB, flags, NULL, &len), ERROR_SUCCESS);
		CHECK_EQ(len, 8 + 4 + 64);
		len = sizeof(blob);
		CHECK_EQ(csp_blob_export(&aes, session, pub, SIMPLEBLOB, flags, blob, &len), ERROR_SUCCESS);
		CHECK(!memcmp(blob, "\x01\x02\x00\x00\x0e\x66\x00\x00\x00\xa4\x00\x00", 12));
		CHECK_EQ(csp_blob_import(&aes, blob, len, keyx, flags | CRYPT_EXPORTABLE, &back), ERROR_SUCCESS);
		if (back) {
			CHECK(back->key_len == 16 && !memcmp(back->key, session->key, 16));
			CHECK(back->permissions & CRYPT_EXPORT);
			csp_key_destroy(back);
			back = NULL;
		}
		/* the Enhanced provider has no AES */
		CHECK_EQ(csp_blob_import(&enh, blob, len, keyx, flags, &back), NTE_BAD_ALGID);
	}
	len = sizeof(blob);
	CHECK_EQ(csp_blob_export(&aes, session, NULL, SIMPLEBLOB, 0, blob, &len), NTE_BAD_PUBLIC_KEY);
	CHECK_EQ(csp_blob_export(&aes, session, session, SIMPLEBLOB, 0, blob, &len), NTE_BAD_PUBLIC_KEY);
	CHECK_EQ(csp_blob_export(&aes, keyx, pub, SIMPLEBLOB, 0, blob, &len), NTE_BAD_KEY);
	session->permissions &= ~CRYPT_EXPORT;
	CHECK_EQ(csp_blob_export(&aes, session, pub, SIMPLEBLOB, 0, blob, &len), NTE_BAD_KEY_STATE);
	/* a session key has no public half */
	CHECK_EQ(csp_blob_export(&aes, session, NULL, PUBLICKEYBLOB, 0, blob, &len), NTE_BAD_KEY);

	/* a private key BLOB wrapped with a session key */
	session->permissions |= CRYPT_EXPORT;
	keyx->permissions |= CRYPT_EXPORT;
	{
		BYTE wrapped[1024], plain[1024];
		DWORD wlen = 0, plain_len = sizeof(plain);
		struct csp_key *other = NULL;

		CHECK_EQ(csp_blob_export(&aes, keyx, session, PRIVATEKEYBLOB, 0, NULL, &wlen), ERROR_SUCCESS);
		CHECK_EQ(wlen, 8 + (priv_len - 8 + 16) / 16 * 16);
		wlen = sizeof(wrapped);
		CHECK_EQ(csp_blob_export(&aes, keyx, session, PRIVATEKEYBLOB, 0, wrapped, &wlen), ERROR_SUCCESS);
		CHECK(!memcmp(wrapped, priv, 8) && memcmp(wrapped + 8, priv + 8, 12));
		CHECK_EQ(csp_blob_import(&aes, wrapped, wlen, session, CRYPT_EXPORTABLE, &back), ERROR_SUCCESS);
		if (back) {
			CHECK_EQ(csp_blob_export(&aes, back, NULL, PRIVATEKEYBLOB, 0, plain, &plain_len), ERROR_SUCCESS);
			CHECK(plain_len == priv_len && !memcmp(plain, priv, priv_len));
			csp_key_destroy(back);
			back = NULL;
		}
		CHECK_EQ(csp_key_generate(csp_alg_find(CALG_AES_128), 128, 0, &test_rng, &other), ERROR_SUCCESS);
		CHECK(csp_blob_import(&aes, wrapped, wlen, other, 0, &back) != ERROR_SUCCESS);
		CHECK(back == NULL);
		csp_key_destroy(other);
	}
	csp_key_destroy(session);

	/* the DES family travels with its parity bits: 8, 16 and 24 bytes */
	{
		static const ALG_ID des[] = { CALG_DES, CALG_3DES_112, CALG_3DES };
		for (i = 0; i < 3; i++) {
			const struct csp_alg *row = csp_alg_find(des[i]);

			session = back = NULL;
			CHECK_EQ(csp_key_generate(row, row->key_bits, CRYPT_EXPORTABLE, &test_rng, &session),
				 ERROR_SUCCESS);
			if (!session)
				continue;
			len = sizeof(blob);
			CHECK_EQ(csp_blob_export(&aes, session, pub, SIMPLEBLOB, 0, blob, &len), ERROR_SUCCESS);
			CHECK_EQ(csp_blob_import(&aes, blob, len, keyx, 0, &back), ERROR_SUCCESS);
			CHECK(back && back->key_len * 8 == row->key_bits &&
			      !memcmp(back->key, session->key, back->key_len));
			csp_key_destroy(back);
			csp_key_destroy(session);
		}
	}
	csp_key_destroy(pub);
	csp_key_destroy(sig);
	csp_key_destroy(keyx);
}

int main(int argc, char **argv)
{
	setup();
	test_private_round_trip();
	test_public_round_trip();
	test_malformed();
	test_profile_limits();
	test_simpleblob();
	return unit_done(argv[0]);
}
