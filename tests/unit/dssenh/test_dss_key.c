/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_dss_key.c - DSS pairs as key objects, through the generic entry
 * points (csp_pair_generate, csp_key_get_param / csp_key_set_param, the
 * BLOB table, the pair descriptor's sign/verify): the key lengths each
 * profile row allows for DSS and DH, with Windows' error codes; a DSS
 * key's parameters, signatures and BLOB round trips.  Groups are 512 bits
 * to keep generation cheap.  The DH keys themselves: test_dh_key.c.
 */
#include "pair_fixture.h"

/* --- 1. lengths ----------------------------------------------------------- */

static void test_lengths(void)
{
	static const struct { const struct csp_blob_env *env; ALG_ID alg; DWORD bits, err; } bad[] = {
		{ &dss, CALG_DSS_SIGN, 448, NTE_BAD_FLAGS },
		{ &dss, CALG_DSS_SIGN, 513, STATUS_INVALID_PARAMETER },
		{ &dss, CALG_DSS_SIGN, 1000, STATUS_INVALID_PARAMETER },
		{ &dss, CALG_DSS_SIGN, 1088, NTE_BAD_FLAGS },
		{ &dss, CALG_DSS_SIGN, 2048, NTE_BAD_FLAGS },
		{ &enh, CALG_DSS_SIGN, 448, NTE_BAD_FLAGS },
		{ &enh, CALG_DSS_SIGN, 513, STATUS_INVALID_PARAMETER },
		{ &enh, CALG_DSS_SIGN, 1088, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_SF, 448, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_SF, 513, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_SF, 1040, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_SF, 4160, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_EPHEM, 513, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_EPHEM, 1040, NTE_BAD_FLAGS },
		{ &enh, CALG_DH_EPHEM, 4160, NTE_BAD_FLAGS },
		{ &base_dh, CALG_DH_SF, 1088, NTE_BAD_FLAGS },   /* the Base DSS/DH provider stops at 1024 */
		{ &base_dh, CALG_DH_SF, 1040, NTE_BAD_FLAGS },
	};
	static const struct { const struct csp_blob_env *env; ALG_ID alg; DWORD def; } defaults[] = {
		{ &dss, CALG_DSS_SIGN, 1024 },
		{ &enh, CALG_DSS_SIGN, 1024 },
		{ &enh, CALG_DH_SF, 1024 },
		{ &enh, CALG_DH_EPHEM, 1024 },
		{ &base_dh, CALG_DH_SF, 512 },
		{ &base_dh, CALG_DH_EPHEM, 512 },
	};
	struct csp_key *k;
	DWORD i, bits;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_EQ(gen(bad[i].env, bad[i].alg, bad[i].bits << 16, &k), bad[i].err);
		CHECK(k == NULL);
		csp_key_destroy(k);
	}
	/* the DH rows' length errors hold for CRYPT_PREGEN keys too */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (513 << 16) | CRYPT_PREGEN, &k), NTE_BAD_FLAGS);
	CHECK_EQ(gen(&enh, CALG_DH_SF, (4160 << 16) | CRYPT_PREGEN, &k), NTE_BAD_FLAGS);
	/* no row, no key */
	CHECK_EQ(gen(&dss, CALG_DH_SF, 512 << 16, &k), NTE_BAD_ALGID);
	CHECK(k == NULL);

	/* the allowed ones */
	CHECK_EQ(gen(&dss, CALG_DSS_SIGN, 512 << 16, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(get_dword(k, KP_KEYLEN), 512);
		CHECK_EQ(get_dword(k, KP_ALGID), CALG_DSS_SIGN);
		csp_key_destroy(k);
	}
	CHECK_EQ(gen(&enh, CALG_DH_SF, 512 << 16, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(get_dword(k, KP_KEYLEN), 512);
		CHECK_EQ(get_dword(k, KP_ALGID), CALG_DH_SF);
		csp_key_destroy(k);
	}
	CHECK_EQ(gen(&enh, CALG_DH_EPHEM, 512 << 16, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(get_dword(k, KP_ALGID), CALG_DH_EPHEM);
		csp_key_destroy(k);
	}
	/* the largest Enhanced DH length is accepted (CRYPT_PREGEN: no group made) */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (4096 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(get_dword(k, KP_KEYLEN), 4096);
		csp_key_destroy(k);
	}

	/* requested 0: the profile's default */
	for (i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		const struct csp_profile_alg *row = csp_profile_offer(defaults[i].env->profile, defaults[i].alg);
		const struct csp_pair_ops *ops = csp_alg_pair(csp_alg_find(defaults[i].alg));

		CHECK(row && ops);
		if (!row || !ops)
			continue;
		CHECK_EQ(row->default_bits, defaults[i].def);
		bits = 0;
		CHECK_EQ(ops->length(row, 0, &bits), ERROR_SUCCESS);
		CHECK_EQ(bits, defaults[i].def);
		if (GET_ALG_CLASS(defaults[i].alg) != ALG_CLASS_SIGNATURE) {
			/* through csp_pair_generate, without generating a group */
			CHECK_EQ(gen(defaults[i].env, defaults[i].alg, CRYPT_PREGEN, &k), ERROR_SUCCESS);
			if (k) {
				CHECK_EQ(get_dword(k, KP_KEYLEN), defaults[i].def);
				csp_key_destroy(k);
			}
		}
	}
	/* a default key really generated where the default is cheap */
	CHECK_EQ(gen(&base_dh, CALG_DH_SF, 0, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(get_dword(k, KP_KEYLEN), 512);
		csp_key_destroy(k);
	}
}

/* --- 2. DSS ----------------------------------------------------------------- */

static void test_dss(void)
{
	struct csp_key *k = NULL, *k2 = NULL, *pub = NULL;
	const struct csp_pair_ops *ops;
	BYTE p[128], q[64], g[128], digest[20], sig[40], sig2[40];
	BYTE blob[1024], blob2[1024], pubblob[1024];
	DWORD len, plen, qlen, glen, blob_len, pub_len, i;

	CHECK_EQ(gen(&dss, CALG_DSS_SIGN, (512 << 16) | CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	ops = csp_alg_pair(k->alg);
	CHECK(ops == &csp_pair_dss);
	CHECK_EQ(get_dword(k, KP_ALGID), CALG_DSS_SIGN);
	CHECK_EQ(get_dword(k, KP_KEYLEN), 512);

	/* the group's numbers, sized first */
	len = 0;
	CHECK_EQ(csp_key_get_param(k, KP_P, NULL, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 64);
	len = 10;
	CHECK_EQ(csp_key_get_param(k, KP_P, p, &len), ERROR_MORE_DATA);
	CHECK_EQ(len, 64);
	plen = sizeof(p);
	CHECK_EQ(csp_key_get_param(k, KP_P, p, &plen), ERROR_SUCCESS);
	CHECK_EQ(plen, 64);
	CHECK((p[0] & 1) && (p[63] & 0x80));   /* odd, of 512 bits */
	qlen = sizeof(q);
	CHECK_EQ(csp_key_get_param(k, KP_Q, q, &qlen), ERROR_SUCCESS);
	CHECK_EQ(qlen, 20);
	CHECK((q[0] & 1) && (q[19] & 0x80));   /* odd, of 160 bits */
	glen = sizeof(g);
	CHECK_EQ(csp_key_get_param(k, KP_G, g, &glen), ERROR_SUCCESS);
	CHECK_EQ(glen, 64);

	/* the numbers are those of the key's BLOB */
	CHECK_EQ(export(&dss, k, PUBLICKEYBLOB, pubblob, &pub_len, sizeof(pubblob)), ERROR_SUCCESS);
	CHECK_EQ(pub_len, HDR + 64 + 20 + 64 + 64 + 24);
	CHECK(!memcmp(pubblob + HDR, p, 64));
	CHECK(!memcmp(pubblob + HDR + 64, q, 20));
	CHECK(!memcmp(pubblob + HDR + 84, g, 64));

	/* a DSS key's group is its own */
	CHECK_EQ(set_blob(k, KP_P, p, 64), NTE_FIXEDPARAMETER);
	CHECK_EQ(set_blob(k, KP_G, g, 64), NTE_FIXEDPARAMETER);
	CHECK_EQ(set_blob(k, KP_Q, q, 20), NTE_FIXEDPARAMETER);
	CHECK_EQ(csp_key_set_param(k, KP_X, NULL), NTE_FIXEDPARAMETER);
	len = sizeof(p);
	CHECK_EQ(csp_key_get_param(k, KP_P, blob2, &len), ERROR_SUCCESS);
	CHECK(len == 64 && !memcmp(blob2, p, 64));

	/* signatures of SHA-1 values */
	for (i = 0; i < sizeof(digest); i++)
		digest[i] = (BYTE)(i * 7 + 1);
	CHECK_EQ(ops->sig_size(k->pair), 40);
	CHECK_EQ(ops->sign(k->pair, CALG_SHA, digest, 20, 0, &test_rng, sig), ERROR_SUCCESS);
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 40), ERROR_SUCCESS);
	sig[5] ^= 0x10;
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 40), NTE_BAD_SIGNATURE);
	sig[5] ^= 0x10;
	sig[25] ^= 0x01;
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 40), NTE_BAD_SIGNATURE);
	sig[25] ^= 0x01;
	digest[19] ^= 0x80;
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 40), NTE_BAD_SIGNATURE);
	digest[19] ^= 0x80;
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 39), NTE_BAD_SIGNATURE);
	CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig, 40), ERROR_SUCCESS);
	/* other hashes are not DSS's */
	CHECK_EQ(ops->sign(k->pair, CALG_MD5, digest, 16, 0, &test_rng, sig2), NTE_BAD_HASH);
	CHECK_EQ(ops->sign(k->pair, CALG_SHA_256, digest, 20, 0, &test_rng, sig2), NTE_BAD_HASH);
	CHECK_EQ(ops->sign(k->pair, CALG_SHA, digest, 16, 0, &test_rng, sig2), NTE_BAD_HASH);
	CHECK_EQ(ops->verify(k->pair, CALG_MD5, digest, 16, 0, sig, 40), NTE_BAD_HASH);
	CHECK_EQ(ops->verify(k->pair, CALG_SHA_256, digest, 20, 0, sig, 40), NTE_BAD_HASH);

	/* PRIVATEKEYBLOB: export, import, export again, byte for byte */
	blob_len = 0;
	CHECK_EQ(csp_blob_export(&dss, k, NULL, PRIVATEKEYBLOB, 0, NULL, &blob_len), ERROR_SUCCESS);
	CHECK_EQ(blob_len, HDR + 64 + 20 + 64 + 20 + 24);
	CHECK_EQ(export(&dss, k, PRIVATEKEYBLOB, blob, &blob_len, sizeof(blob)), ERROR_SUCCESS);
	CHECK_EQ(blob_len, HDR + 64 + 20 + 64 + 20 + 24);
	CHECK_EQ(blob[0], PRIVATEKEYBLOB);
	CHECK_EQ(csp_get_u32(blob + 4), CALG_DSS_SIGN);
	CHECK_EQ(csp_get_u32(blob + 8), 0x32535344);   /* "DSS2" */
	CHECK_EQ(csp_get_u32(blob + 12), 512);
	CHECK_EQ(csp_blob_import(&dss, blob, blob_len, NULL, CRYPT_EXPORTABLE, &k2), ERROR_SUCCESS);
	if (k2) {
		CHECK_EQ(get_dword(k2, KP_ALGID), CALG_DSS_SIGN);
		CHECK_EQ(get_dword(k2, KP_KEYLEN), 512);
		CHECK_EQ(export(&dss, k2, PRIVATEKEYBLOB, blob2, &len, sizeof(blob2)), ERROR_SUCCESS);
		CHECK(len == blob_len && !memcmp(blob, blob2, len));
		CHECK_EQ(export(&dss, k2, PUBLICKEYBLOB, blob2, &len, sizeof(blob2)), ERROR_SUCCESS);
		CHECK(len == pub_len && !memcmp(pubblob, blob2, len));
		/* the imported key signs what the first verifies */
		CHECK_EQ(ops->sign(k2->pair, CALG_SHA, digest, 20, 0, &test_rng, sig2), ERROR_SUCCESS);
		CHECK_EQ(ops->verify(k->pair, CALG_SHA, digest, 20, 0, sig2, 40), ERROR_SUCCESS);
		csp_key_destroy(k2);
	}
	/* without CRYPT_EXPORTABLE the imported private key stays inside */
	k2 = NULL;
	CHECK_EQ(csp_blob_import(&dss, blob, blob_len, NULL, 0, &k2), ERROR_SUCCESS);
	if (k2) {
		CHECK_EQ(export(&dss, k2, PRIVATEKEYBLOB, blob2, &len, sizeof(blob2)), NTE_BAD_KEY_STATE);
		csp_key_destroy(k2);
	}

	/* PUBLICKEYBLOB: a key that verifies but does not sign */
	CHECK_EQ(csp_blob_import(&dss, pubblob, pub_len, NULL, 0, &pub), ERROR_SUCCESS);
	if (pub) {
		CHECK_EQ(get_dword(pub, KP_ALGID), CALG_DSS_SIGN);
		CHECK_EQ(get_dword(pub, KP_KEYLEN), 512);
		len = sizeof(q);
		CHECK_EQ(csp_key_get_param(pub, KP_Q, blob2, &len), ERROR_SUCCESS);
		CHECK(len == 20 && !memcmp(blob2, q, 20));
		CHECK_EQ(ops->verify(pub->pair, CALG_SHA, digest, 20, 0, sig, 40), ERROR_SUCCESS);
		CHECK_EQ(ops->verify(pub->pair, CALG_SHA, digest, 20, 0, sig2, 40), ERROR_SUCCESS);
		sig[0] ^= 1;
		CHECK_EQ(ops->verify(pub->pair, CALG_SHA, digest, 20, 0, sig, 40), NTE_BAD_SIGNATURE);
		sig[0] ^= 1;
		CHECK(!ops->has_private(pub->pair));
		CHECK(ops->sign(pub->pair, CALG_SHA, digest, 20, 0, &test_rng, sig2) != ERROR_SUCCESS);
		CHECK_EQ(export(&dss, pub, PRIVATEKEYBLOB, blob2, &len, sizeof(blob2)), NTE_BAD_KEY);
		CHECK_EQ(export(&dss, pub, PUBLICKEYBLOB, blob2, &len, sizeof(blob2)), ERROR_SUCCESS);
		CHECK(len == pub_len && !memcmp(pubblob, blob2, len));
		csp_key_destroy(pub);
	}
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	setup();
	test_lengths();
	test_dss();
	return unit_done(argv[0]);
}
