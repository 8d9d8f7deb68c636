/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_schannel.c - the SChannel key schedule: TLS1 PRF and SSL3 master
 * secrets and key blocks against answers computed independently (Python's
 * hmac and hashlib modules), the write keys CryptDeriveKey takes from the
 * key block for client and server, the PRF hash, and the errors of each
 * step taken out of order.
 */
#include "unit.h"
#include "../../../rsaenh/core/schannel.h"
#include "../../../rsaenh/core/params.h"

#define SCH "Microsoft RSA SChannel Cryptographic Provider"

static const char tls_master_hex[] =
	"fa36950b195fbdaecdcd0facf5ab5537e9aa435bd0ddeda7a1c5242733401d02"
	"cddb9b5c851b32c87ab5808a9c4061bd";
/* PRF(master, "key expansion", server random || client random), 104 bytes */
static const char tls_block_hex[] =
	"aa857a1d05a9d75447e233d29e023240d54643dcebaac8f9c39d19ac36779d7a"
	"58325b8a1bbffda073de46e0ce46566bf864cdbc45e1c4ecd4938abc560470ab"
	"4384d31876e37b3ffee5de1d821d73ef00ceb56f5d2c1e021829297e2b1e7ae2"
	"e9a3d89f546d8a12";
static const char ssl3_master_hex[] =
	"86ff9a94cd701fa60210dbd23c5a4d0cf0be6ab21eb9b4d1b216dea0d2e90d6c"
	"1aff664be9952554cfc53de127930d8b";
static const char ssl3_block_hex[] =
	"00efa45386117295f3f3b2503298d8663bc1badff339285a26056f9f3fb0deb5"
	"341727c333cb6e0299a72444894111b9516c78941857b38eb976ab72b58d960b";

static const struct csp_profile *sch_profile(void)
{
	DWORD err;

	return csp_profile_lookup(SCH, PROV_RSA_SCHANNEL, &err);
}

/* A master key of row id over the pre-master secret version || 2, 3, ..., 47,
 * with client random 0x40.. and server random 0x80.. (32 bytes each). */
static struct csp_key *master_key(ALG_ID id, BOOL randoms)
{
	BYTE pre[CSP_MASTER_LEN], cr[32], sr[32];
	CRYPT_DATA_BLOB blob;
	struct csp_key *k = NULL;
	DWORD i;

	for (i = 0; i < sizeof(pre); i++)
		pre[i] = (BYTE)i;
	pre[0] = 3;
	pre[1] = id == CALG_TLS1_MASTER ? 1 : 0;
	for (i = 0; i < 32; i++) {
		cr[i] = (BYTE)(0x40 + i);
		sr[i] = (BYTE)(0x80 + i);
	}
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(id), pre, sizeof(pre), 0, &k), ERROR_SUCCESS);
	if (!k || !randoms)
		return k;
	blob.cbData = 32;
	blob.pbData = cr;
	CHECK_EQ(csp_key_set_param(k, KP_CLIENT_RANDOM, (BYTE *)&blob), ERROR_SUCCESS);
	blob.pbData = sr;
	CHECK_EQ(csp_key_set_param(k, KP_SERVER_RANDOM, (BYTE *)&blob), ERROR_SUCCESS);
	return k;
}

static void set_alg(struct csp_key *k, DWORD use, ALG_ID alg, DWORD bits)
{
	SCHANNEL_ALG sa = { use, alg, bits, 0, 0 };

	CHECK_EQ(csp_key_set_param(k, KP_SCHANNEL_ALG, (BYTE *)&sa), ERROR_SUCCESS);
}

static void check_bytes(const BYTE *got, const BYTE *want, DWORD n)
{
	CHECK(!memcmp(got, want, n));
}

static void test_prf(void)
{
	BYTE secret[7], out[40], want[40];
	DWORD i;

	/* an odd-length secret: the two halves share its middle byte */
	for (i = 0; i < sizeof(secret); i++)
		secret[i] = (BYTE)(i + 1);
	csp_tls1_prf(secret, sizeof(secret), (const BYTE *)"label", 5, (const BYTE *)"seed", 4, NULL, 0,
		     out, sizeof(out));
	unit_hex("23d0798f89ec88945c8a41311f936fdb07d4fe1eb930dc448bcf7d2e66e8ccad"
		 "fffc65ac9b9a9ffd", want);
	check_bytes(out, want, sizeof(out));
}

/* TLS1: master hash, write keys of 3DES/SHA-1 for both sides, the PRF hash. */
static void test_tls1(void)
{
	const struct csp_profile *p = sch_profile();
	struct csp_key *m = master_key(CALG_TLS1_MASTER, TRUE), *k = NULL;
	struct csp_hash *mh = NULL, *prf = NULL;
	BYTE want[104], out[20], seed[36];
	CRYPT_DATA_BLOB blob;
	DWORD len, i;

	if (!m)
		return;
	set_alg(m, SCHANNEL_ENC_KEY, CALG_3DES, 192);
	set_alg(m, SCHANNEL_MAC_KEY, CALG_SHA, 160);
	/* the PRF needs the master secret, which the master hash makes */
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_TLS1PRF), m, &prf), NTE_BAD_KEY_STATE);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &mh), ERROR_SUCCESS);
	if (!mh)
		return;
	unit_hex(tls_master_hex, want);
	check_bytes(m->key, want, CSP_MASTER_LEN);
	CHECK_EQ(csp_hash_update(mh, want, 1), NTE_BAD_HASH_STATE);

	unit_hex(tls_block_hex, want);
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_MAC_KEY, 0, mh, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(k->key_len, 20);
		check_bytes(k->key, want, 20);
		csp_key_destroy(k);
	}
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_MAC_KEY, CRYPT_SERVER, mh, &k), ERROR_SUCCESS);
	if (k) {
		check_bytes(k->key, want + 20, 20);
		csp_key_destroy(k);
	}
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_ENC_KEY, 0, mh, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(k->alg->id, CALG_3DES);
		check_bytes(k->key, want + 40, 24);
		check_bytes(k->iv, want + 88, 8);
		csp_key_destroy(k);
	}
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_ENC_KEY, CRYPT_SERVER, mh, &k), ERROR_SUCCESS);
	if (k) {
		check_bytes(k->key, want + 64, 24);
		check_bytes(k->iv, want + 96, 8);
		csp_key_destroy(k);
	}

	/* a second master hash finds the master secret already there */
	csp_hash_destroy(mh);
	mh = NULL;
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &mh), ERROR_SUCCESS);
	unit_hex(tls_master_hex, want);
	check_bytes(m->key, want, CSP_MASTER_LEN);

	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_TLS1PRF), m, &prf), ERROR_SUCCESS);
	if (prf) {
		for (i = 0; i < sizeof(seed); i++)
			seed[i] = (BYTE)i;
		blob.cbData = sizeof(seed);
		blob.pbData = seed;
		CHECK_EQ(csp_hash_set_param(prf, HP_TLS1PRF_SEED, (BYTE *)&blob), ERROR_SUCCESS);
		blob.cbData = 15;
		blob.pbData = (BYTE *)"client finished";
		CHECK_EQ(csp_hash_set_param(prf, HP_TLS1PRF_LABEL, (BYTE *)&blob), ERROR_SUCCESS);
		len = sizeof(out);
		CHECK_EQ(csp_hash_get_param(prf, HP_HASHVAL, out, &len), ERROR_SUCCESS);
		unit_hex("11abcb255084895c5fde603cf40681b84f61fcf5", want);
		check_bytes(out, want, sizeof(out));
		/* a label on another hash is not its parameter */
		CHECK_EQ(csp_hash_set_param(mh, HP_TLS1PRF_LABEL, (BYTE *)&blob), NTE_BAD_TYPE);
		csp_hash_destroy(prf);
	}
	csp_hash_destroy(mh);
	csp_key_destroy(m);
}

/* SSL3: MD5 MAC keys and RC4-128 keys (no IV). */
static void test_ssl3(void)
{
	const struct csp_profile *p = sch_profile();
	struct csp_key *m = master_key(CALG_SSL3_MASTER, TRUE), *k = NULL;
	struct csp_hash *mh = NULL, *prf = NULL;
	BYTE want[64];

	if (!m)
		return;
	set_alg(m, SCHANNEL_ENC_KEY, CALG_RC4, 128);
	set_alg(m, SCHANNEL_MAC_KEY, CALG_MD5, 128);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &mh), ERROR_SUCCESS);
	if (!mh)
		return;
	unit_hex(ssl3_master_hex, want);
	check_bytes(m->key, want, CSP_MASTER_LEN);
	unit_hex(ssl3_block_hex, want);
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_MAC_KEY, CRYPT_SERVER, mh, &k), ERROR_SUCCESS);
	if (k) {
		check_bytes(k->key, want + 16, 16);
		csp_key_destroy(k);
	}
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_ENC_KEY, 0, mh, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(k->key_len, 16);
		check_bytes(k->key, want + 32, 16);
		csp_key_destroy(k);
	}
	/* the TLS1 PRF is TLS1's only */
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_TLS1PRF), m, &prf), NTE_BAD_KEY);
	csp_hash_destroy(mh);
	csp_key_destroy(m);
}

static void test_errors(void)
{
	const struct csp_profile *p = sch_profile();
	struct csp_key *m = master_key(CALG_TLS1_MASTER, FALSE), *k = NULL, *rc4 = NULL, *dup = NULL;
	struct csp_hash *h = NULL, *sha = NULL;
	BYTE big[CSP_SCH_MAX_RANDOM + 1] = { 0 };
	CRYPT_DATA_BLOB blob = { sizeof(big), big };
	SCHANNEL_ALG sa = { 7, CALG_DES, 64, 0, 0 };

	if (!m)
		return;
	/* no randoms yet, nor after an empty one */
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &h), ERROR_INVALID_PARAMETER);
	{
		CRYPT_DATA_BLOB empty = { 0, NULL };

		CHECK_EQ(csp_key_set_param(m, KP_CLIENT_RANDOM, (BYTE *)&empty), ERROR_SUCCESS);
		CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &h), ERROR_INVALID_PARAMETER);
	}
	CHECK_EQ(csp_key_set_param(m, KP_CLIENT_RANDOM, (BYTE *)&blob), NTE_BAD_DATA);
	CHECK_EQ(csp_key_set_param(m, KP_SCHANNEL_ALG, (BYTE *)&sa), NTE_BAD_DATA);
	blob.cbData = 32;
	CHECK_EQ(csp_key_set_param(m, KP_CLIENT_RANDOM, (BYTE *)&blob), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(m, KP_SERVER_RANDOM, (BYTE *)&blob), ERROR_SUCCESS);
	/* a duplicate keeps the randoms */
	CHECK_EQ(csp_key_duplicate(m, &dup), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), dup, &h), ERROR_SUCCESS);
	/* no cipher or MAC named yet */
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_ENC_KEY, 0, h, &k), NTE_BAD_FLAGS);
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_MAC_KEY, 0, h, &k), NTE_BAD_FLAGS);
	CHECK_EQ(csp_schannel_derive(p, CALG_RC4, 0, h, &k), NTE_BAD_ALGID);
	/* write keys come only from a master hash */
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SHA), NULL, &sha), ERROR_SUCCESS);
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_MAC_KEY, 0, sha, &k), NTE_BAD_HASH);
	/* SChannel parameters belong to master keys, master hashes to them */
	CHECK_EQ(csp_key_create(p, CALG_RC4, 0, &rc4), ERROR_SUCCESS);
	if (rc4) {
		CHECK_EQ(csp_key_set_param(rc4, KP_CLIENT_RANDOM, (BYTE *)&blob), NTE_BAD_TYPE);
		csp_hash_destroy(h);
		h = NULL;
		CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), rc4, &h), NTE_BAD_KEY);
		csp_key_destroy(rc4);
	}
	/* a cipher the provider does not offer */
	sa.dwUse = SCHANNEL_ENC_KEY;
	sa.Algid = CALG_AES_128;
	sa.cBits = 128;
	CHECK_EQ(csp_key_set_param(m, KP_SCHANNEL_ALG, (BYTE *)&sa), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_SCHANNEL_MASTER_HASH), m, &h), ERROR_SUCCESS);
	CHECK_EQ(csp_schannel_derive(p, CALG_SCHANNEL_ENC_KEY, 0, h, &k), NTE_BAD_ALGID);
	csp_hash_destroy(h);
	csp_hash_destroy(sha);
	csp_key_destroy(dup);
	csp_key_destroy(m);
}

int main(int argc, char **argv)
{
	test_prf();
	test_tls1();
	test_ssl3();
	test_errors();
	return unit_done(argv[0]);
}
