/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_dh_key.c - Diffie-Hellman pairs as key objects, through the
 * generic entry points: a CRYPT_PREGEN key given its group through KP_P,
 * KP_G (and KP_Q) before KP_X, mismatched groups refused; agreement
 * between two keys of one group giving the same 3DES key (csp_agreed_set_algid),
 * peer values 0, 1, p-1, p and a peer of another length refused; and a
 * known answer (Wine's 512-bit group, values from test_dss.c) through KP_X
 * and a DH2 BLOB down to the agreed 3DES key.  Groups are 512 bits (one
 * 576-bit group for the length mismatch) to keep generation cheap.
 */
#include "pair_fixture.h"


/* --- 1. Diffie-Hellman with CRYPT_PREGEN -------------------------------------- */

static struct csp_key *dh_base;          /* a generated 512-bit DH key */
static BYTE dh_p[64], dh_g[64], dh_q[20];

static void test_pregen(void)
{
	struct csp_key *k = NULL;
	BYTE buf[1024], one = 1, big[65], bad_q[20];
	DWORD len;

	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_EXPORTABLE, &dh_base), ERROR_SUCCESS);
	if (!dh_base)
		return;
	len = sizeof(dh_p);
	CHECK_EQ(csp_key_get_param(dh_base, KP_P, dh_p, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 64);
	len = sizeof(dh_g);
	CHECK_EQ(csp_key_get_param(dh_base, KP_G, dh_g, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 64);
	len = sizeof(dh_q);
	CHECK_EQ(csp_key_get_param(dh_base, KP_Q, dh_q, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 20);
	/* a generated group is as fixed as a DSS one */
	CHECK_EQ(set_blob(dh_base, KP_P, dh_p, 64), NTE_FIXEDPARAMETER);

	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(get_dword(k, KP_ALGID), CALG_DH_SF);
	CHECK_EQ(get_dword(k, KP_KEYLEN), 512);
	/* nothing to show before KP_X */
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), NTE_BAD_KEY_STATE);
	len = sizeof(buf);
	CHECK_EQ(csp_key_get_param(k, KP_P, buf, &len), NTE_BAD_KEY_STATE);
	len = sizeof(buf);
	CHECK_EQ(csp_key_get_param(k, KP_G, buf, &len), NTE_BAD_KEY_STATE);
	/* the group, then the private value */
	CHECK_EQ(set_blob(k, KP_P, dh_p, 64), ERROR_SUCCESS);
	CHECK_EQ(set_blob(k, KP_G, dh_g, 64), ERROR_SUCCESS);
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), NTE_BAD_KEY_STATE);
	CHECK_EQ(csp_key_set_param(k, KP_X, NULL), ERROR_SUCCESS);
	CHECK_EQ(get_dword(k, KP_KEYLEN), 512);
	len = sizeof(buf);
	CHECK_EQ(csp_key_get_param(k, KP_P, buf, &len), ERROR_SUCCESS);
	CHECK(len == 64 && !memcmp(buf, dh_p, 64));
	len = sizeof(buf);
	CHECK_EQ(csp_key_get_param(k, KP_G, buf, &len), ERROR_SUCCESS);
	CHECK(len == 64 && !memcmp(buf, dh_g, 64));
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK_EQ(len, HDR + 64);
	CHECK_EQ(csp_get_u32(buf + 8), 0x31484400);   /* "\0DH1" */
	/* and then the group is fixed */
	CHECK_EQ(set_blob(k, KP_P, dh_p, 64), NTE_FIXEDPARAMETER);
	CHECK_EQ(set_blob(k, KP_G, dh_g, 64), NTE_FIXEDPARAMETER);
	CHECK_EQ(set_blob(k, KP_Q, dh_q, 20), NTE_FIXEDPARAMETER);
	CHECK_EQ(csp_key_set_param(k, KP_X, NULL), NTE_FIXEDPARAMETER);
	csp_key_destroy(k);

	/* with the q too */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(set_blob(k, KP_P, dh_p, 64), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_Q, dh_q, 20), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_G, dh_g, 64), ERROR_SUCCESS);
		CHECK_EQ(csp_key_set_param(k, KP_X, NULL), ERROR_SUCCESS);
		CHECK(csp_alg_pair(k->alg)->ready(k->pair));
		csp_key_destroy(k);
	}

	/* groups that do not fit together: KP_X refuses them */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(set_blob(k, KP_P, dh_p, 64), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_G, &one, 1), ERROR_SUCCESS);
		CHECK_EQ(csp_key_set_param(k, KP_X, NULL), NTE_BAD_DATA);
		CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), NTE_BAD_KEY_STATE);
		csp_key_destroy(k);
	}
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		CHECK_EQ(set_blob(k, KP_P, dh_p, 64), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_G, dh_p, 64), ERROR_SUCCESS);   /* g = p */
		CHECK_EQ(csp_key_set_param(k, KP_X, NULL), NTE_BAD_DATA);
		csp_key_destroy(k);
	}
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		memcpy(bad_q, dh_q, 20);
		bad_q[0] ^= 2;                                          /* still odd, not g's order */
		CHECK_EQ(set_blob(k, KP_P, dh_p, 64), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_G, dh_g, 64), ERROR_SUCCESS);
		CHECK_EQ(set_blob(k, KP_Q, bad_q, 20), ERROR_SUCCESS);
		CHECK_EQ(csp_key_set_param(k, KP_X, NULL), NTE_BAD_DATA);
		CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), NTE_BAD_KEY_STATE);
		csp_key_destroy(k);
	}
	/* a p longer than the key */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k), ERROR_SUCCESS);
	if (k) {
		memcpy(big, dh_p, 64);
		big[64] = 1;
		CHECK_EQ(set_blob(k, KP_P, big, 65), NTE_BAD_DATA);
		CHECK_EQ(set_blob(k, KP_P, dh_p, 0), NTE_BAD_DATA);
		csp_key_destroy(k);
	}
}

/* n -= v on a little-endian number of len bytes (no underflow expected) */
static void sub_small(BYTE *n, DWORD len, BYTE v)
{
	DWORD i, borrow = v;

	for (i = 0; i < len && borrow; i++) {
		DWORD d = (DWORD)n[i] - borrow;

		n[i] = (BYTE)d;
		borrow = d > 0xff ? 1 : 0;
	}
}

/* --- 2. agreement ------------------------------------------------------------ */

static void test_agreement(void)
{
	struct csp_key *b = NULL, *c = NULL, *ka = NULL, *kb = NULL, *bad = NULL;
	BYTE pub_a[256], pub_b[256], pub_c[256], patched[256], ct_a[64], ct_b[64];
	DWORD la, lb, lc, n_a, n_b, i;
	ALG_ID alg = CALG_3DES;
	static const BYTE plain[16] = "agreed 3DES key";

	if (!dh_base)
		return;
	/* a second party over the base key's group */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &b), ERROR_SUCCESS);
	if (!b)
		return;
	CHECK_EQ(set_blob(b, KP_P, dh_p, 64), ERROR_SUCCESS);
	CHECK_EQ(set_blob(b, KP_G, dh_g, 64), ERROR_SUCCESS);
	CHECK_EQ(set_blob(b, KP_Q, dh_q, 20), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(b, KP_X, NULL), ERROR_SUCCESS);

	CHECK_EQ(export(&enh, dh_base, PUBLICKEYBLOB, pub_a, &la, sizeof(pub_a)), ERROR_SUCCESS);
	CHECK_EQ(export(&enh, b, PUBLICKEYBLOB, pub_b, &lb, sizeof(pub_b)), ERROR_SUCCESS);
	CHECK_EQ(la, HDR + 64);
	CHECK_EQ(lb, HDR + 64);
	CHECK(memcmp(pub_a + HDR, pub_b + HDR, 64) != 0);

	CHECK_EQ(csp_blob_import(&enh, pub_b, lb, dh_base, 0, &ka), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&enh, pub_a, la, b, 0, &kb), ERROR_SUCCESS);
	if (ka && kb) {
		CHECK_EQ(ka->alg->id, CALG_AGREEDKEY_ANY);
		CHECK_EQ(kb->alg->id, CALG_AGREEDKEY_ANY);
		CHECK(csp_key_is_agreed(ka) && csp_key_is_agreed(kb));
		CHECK_EQ(csp_agreed_set_algid(&ka, (const BYTE *)&alg, 0), ERROR_SUCCESS);
		CHECK_EQ(csp_agreed_set_algid(&kb, (const BYTE *)&alg, 0), ERROR_SUCCESS);
		CHECK_EQ(ka->alg->id, CALG_3DES);
		CHECK_EQ(kb->alg->id, CALG_3DES);
		CHECK_EQ(get_dword(ka, KP_KEYLEN), 192);   /* with the parity bits, as Windows reports it */
		CHECK_EQ(get_dword(kb, KP_ALGID), CALG_3DES);
		memcpy(ct_a, plain, sizeof(plain));
		memcpy(ct_b, plain, sizeof(plain));
		n_a = n_b = sizeof(plain);
		CHECK_EQ(csp_key_encrypt(ka, TRUE, ct_a, &n_a, sizeof(ct_a)), ERROR_SUCCESS);
		CHECK_EQ(csp_key_encrypt(kb, TRUE, ct_b, &n_b, sizeof(ct_b)), ERROR_SUCCESS);
		CHECK_EQ(n_a, 24);
		CHECK_EQ(n_b, 24);
		CHECK(n_a == n_b && !memcmp(ct_a, ct_b, n_a));
		CHECK(memcmp(ct_a, plain, sizeof(plain)) != 0);
		/* and one side decrypts what the other encrypted */
		CHECK_EQ(csp_key_decrypt(kb, TRUE, ct_a, &n_a), ERROR_SUCCESS);
		CHECK(n_a == sizeof(plain) && !memcmp(ct_a, plain, sizeof(plain)));
	}
	csp_key_destroy(ka);
	csp_key_destroy(kb);
	ka = kb = NULL;

	/* peer values that give no secret: 0, 1, p-1, p */
	for (i = 0; i < 4; i++) {
		memcpy(patched, pub_b, lb);
		switch (i) {
		case 0: memset(patched + HDR, 0, 64); break;
		case 1: memset(patched + HDR, 0, 64); patched[HDR] = 1; break;
		case 2: memcpy(patched + HDR, dh_p, 64); sub_small(patched + HDR, 64, 1); break;
		case 3: memcpy(patched + HDR, dh_p, 64); break;
		}
		bad = NULL;
		CHECK_EQ(csp_blob_import(&enh, patched, lb, dh_base, 0, &bad), NTE_BAD_DATA);
		CHECK(bad == NULL);
		csp_key_destroy(bad);
	}
	/* p - 2 is still a value of the group */
	memcpy(patched, pub_b, lb);
	memcpy(patched + HDR, dh_p, 64);
	sub_small(patched + HDR, 64, 2);
	CHECK_EQ(csp_blob_import(&enh, patched, lb, dh_base, 0, &bad), ERROR_SUCCESS);
	csp_key_destroy(bad);
	bad = NULL;

	/* a peer of another group length */
	CHECK_EQ(gen(&enh, CALG_DH_SF, 576 << 16, &c), ERROR_SUCCESS);
	if (c) {
		CHECK_EQ(get_dword(c, KP_KEYLEN), 576);
		CHECK_EQ(export(&enh, c, PUBLICKEYBLOB, pub_c, &lc, sizeof(pub_c)), ERROR_SUCCESS);
		CHECK_EQ(lc, HDR + 72);
		CHECK_EQ(csp_blob_import(&enh, pub_c, lc, dh_base, 0, &bad), NTE_BAD_DATA);
		CHECK(bad == NULL);
		CHECK_EQ(csp_blob_import(&enh, pub_a, la, c, 0, &bad), NTE_BAD_DATA);
		CHECK(bad == NULL);
		csp_key_destroy(c);
	}
	csp_key_destroy(b);
}

/* --- 3. a known answer: Wine's 512-bit group (as in test_dss.c) --------------- */

/* little-endian; y_a = g^x_a, z = y_b^x_a mod p computed independently */
static const char kat_p[] =
	"85b8a54acf2b7c61b206938a873758b08dc72aa77f0d74f93a7ebcab3a54e411"
	"696fcdeaad32444fee54698c9c3b8727367006f34ede7f9da6f2ad4390ddb59b";
static const char kat_g[] =
	"eadce0bb6026c6b3936f61e67ee2eed6db3dcaa831468f5db4aa83d35210cdfb"
	"fdfc14890cdecf541d058cbe4ae437b4c01575c5a2fc99fcad63cb7cb820dc2b";
static const char kat_xa[] =
	"0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
	"0000000000000000000000000000000000000000000000000000000000000000";
static const char kat_ya[] =
	"47d06399c3f9cc19255451e7a51def3a2b8a1a696e1e3efd2350d741c5741890"
	"e85264a75c65bbeebcf845d1e3c47b8a49b2170b8a7320e00758f6a9d1674928";
static const char kat_yb[] =
	"8b212cf58cde91908c5e89743dfb8747cbd59eb023879e3e038ad7b08624174d"
	"2c74b23b477734e5e13ea47fc07d4d1240c5aee222ee006f631f84134a294026";
static const char kat_z[] =
	"3dc16c6662a050e30d44daf0b67259633a73bbcc47c1a6738bd713d9872cc967"
	"4086f8f9f227827e51c9d0a69f4beb6be0e2bb99c8b51afdc45ad9e627bf3e04";

static void test_dh_kat(void)
{
	struct csp_key *k = NULL, *k2 = NULL, *agreed = NULL, *ref = NULL;
	BYTE p[64], g[64], xa[64], ya[64], yb[64], z[64], zero = 0;
	BYTE buf[512], peer[HDR + 64], ct[32], ct_ref[32];
	DWORD len, n, n_ref;
	ALG_ID alg = CALG_3DES;
	static const BYTE plain[8] = "8 bytes";

	unit_hex(kat_p, p);
	unit_hex(kat_g, g);
	unit_hex(kat_xa, xa);
	unit_hex(kat_ya, ya);
	unit_hex(kat_yb, yb);
	unit_hex(kat_z, z);

	CHECK_EQ(gen(&enh, CALG_DH_EPHEM, (512 << 16) | CRYPT_PREGEN | CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(set_blob(k, KP_P, p, 64), ERROR_SUCCESS);
	CHECK_EQ(set_blob(k, KP_G, g, 64), ERROR_SUCCESS);
	/* no private value of zero */
	CHECK_EQ(set_blob(k, KP_X, &zero, 1), NTE_BAD_DATA);
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), NTE_BAD_KEY_STATE);
	/* a given private value (32 bytes here, cut short) */
	CHECK_EQ(set_blob(k, KP_X, xa, 32), ERROR_SUCCESS);
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK(len == HDR + 64 && !memcmp(buf + HDR, ya, 64));
	CHECK_EQ(csp_get_u32(buf + 4), CALG_DH_EPHEM);
	/* DH2: p, g, x */
	CHECK_EQ(export(&enh, k, PRIVATEKEYBLOB, buf, &len, sizeof(buf)), ERROR_SUCCESS);
	CHECK_EQ(len, HDR + 3 * 64);
	CHECK_EQ(csp_get_u32(buf + 8), 0x32484400);   /* "\0DH2" */
	CHECK(!memcmp(buf + HDR, p, 64) && !memcmp(buf + HDR + 64, g, 64) && !memcmp(buf + HDR + 128, xa, 64));
	CHECK_EQ(csp_blob_import(&enh, buf, len, NULL, CRYPT_EXPORTABLE, &k2), ERROR_SUCCESS);
	if (k2) {
		BYTE again[512];

		CHECK_EQ(export(&enh, k2, PRIVATEKEYBLOB, again, &n, sizeof(again)), ERROR_SUCCESS);
		CHECK(n == len && !memcmp(again, buf, len));
		CHECK_EQ(export(&enh, k2, PUBLICKEYBLOB, again, &n, sizeof(again)), ERROR_SUCCESS);
		CHECK(n == HDR + 64 && !memcmp(again + HDR, ya, 64));
		csp_key_destroy(k2);
	}

	/* the peer's y_b: the agreed secret's first 24 bytes are the 3DES key */
	CHECK_EQ(export(&enh, k, PUBLICKEYBLOB, peer, &len, sizeof(peer)), ERROR_SUCCESS);
	memcpy(peer + HDR, yb, 64);
	CHECK_EQ(csp_blob_import(&enh, peer, sizeof(peer), k, 0, &agreed), ERROR_SUCCESS);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_3DES), z, 24, 0, &ref), ERROR_SUCCESS);
	if (agreed && ref) {
		CHECK_EQ(csp_agreed_set_algid(&agreed, (const BYTE *)&alg, 0), ERROR_SUCCESS);
		memcpy(ct, plain, sizeof(plain));
		memcpy(ct_ref, plain, sizeof(plain));
		n = n_ref = sizeof(plain);
		CHECK_EQ(csp_key_encrypt(agreed, TRUE, ct, &n, sizeof(ct)), ERROR_SUCCESS);
		CHECK_EQ(csp_key_encrypt(ref, TRUE, ct_ref, &n_ref, sizeof(ct_ref)), ERROR_SUCCESS);
		CHECK(n == 16 && n == n_ref && !memcmp(ct, ct_ref, n));
	}
	csp_key_destroy(agreed);
	csp_key_destroy(ref);

	/* a DSS key agrees nothing; a DH key without its private value neither */
	k2 = NULL;
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_PREGEN, &k2), ERROR_SUCCESS);
	if (k2) {
		agreed = NULL;
		CHECK_EQ(csp_blob_import(&enh, peer, sizeof(peer), k2, 0, &agreed), NTE_BAD_KEY_STATE);
		CHECK(agreed == NULL);
		csp_key_destroy(k2);
	}
	k2 = NULL;
	CHECK_EQ(gen(&enh, CALG_DSS_SIGN, 512 << 16, &k2), ERROR_SUCCESS);
	if (k2) {
		agreed = NULL;
		CHECK_EQ(csp_blob_import(&enh, peer, sizeof(peer), k2, 0, &agreed), NTE_BAD_KEY);
		CHECK(agreed == NULL);
		csp_key_destroy(k2);
	}
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	setup();
	test_pregen();
	test_agreement();
	test_dh_kat();
	csp_key_destroy(dh_base);
	return unit_done(argv[0]);
}
