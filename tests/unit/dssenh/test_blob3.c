/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_blob3.c - version 3 DSS and Diffie-Hellman key BLOBs through the
 * BLOB table: CRYPT_BLOB_VER3 exports (DSSPUBKEY_VER3 / DSSPRIVKEY_VER3,
 * DHPUBKEY_VER3 / DHPRIVKEY_VER3: bit lengths, DSSSEED, p q g j y [x]) of
 * a DSS key, a generated DH key (with q) and a CRYPT_PREGEN DH key without
 * q; their imports giving the keys the version 2 BLOBs give; agreement
 * with a version 3 peer; a wrapped version 3 private BLOB; and every header field and number of each kind
 * corrupted, and every length cut short or one over, refused with
 * NTE_BAD_DATA.  Version 2 exports stay as they were.  512-bit groups.
 */
#include "pair_fixture.h"

#define BH 8          /* BLOBHEADER */

/* Where the fields of a version 3 BLOB lie, from its bit lengths. */
struct v3 {
	BOOL private;
	DWORD bits_p, bits_q, bits_j, bits_x, counter;
	DWORD p, q, g, j, y, x, end;     /* offsets; end: the BLOB's length */
};

static DWORD bytes(DWORD bits) { return (bits + 7) / 8; }

static void parse(const BYTE *b, struct v3 *v)
{
	DWORD seed;

	v->private = csp_get_u32(b + BH) >> 24 == '4';
	v->bits_p = csp_get_u32(b + BH + 4);
	v->bits_q = csp_get_u32(b + BH + 8);
	v->bits_j = csp_get_u32(b + BH + 12);
	v->bits_x = v->private ? csp_get_u32(b + BH + 16) : 0;
	seed = BH + (v->private ? 20 : 16);
	v->counter = csp_get_u32(b + seed);
	v->p = seed + 24;
	v->q = v->p + bytes(v->bits_p);
	v->g = v->q + bytes(v->bits_q);
	v->j = v->g + bytes(v->bits_p);
	v->y = v->j + bytes(v->bits_j);
	v->x = v->y + bytes(v->bits_p);
	v->end = v->x + bytes(v->bits_x);
}

static DWORD export3(const struct csp_blob_env *env, const struct csp_key *k, DWORD type, BYTE *out,
		     DWORD *len, DWORD size)
{
	*len = size;
	return csp_blob_export(env, k, NULL, type, CRYPT_BLOB_VER3, out, len);
}

static void get_le(mpz_t n, const BYTE *b, DWORD size)
{
	mpz_import(n, size, -1, 1, 0, 0, b);
}

/* j of the BLOB is (p - 1) / q, of bitlenJ bits; or both absent */
static void check_j(const BYTE *b, const struct v3 *v)
{
	mpz_t p, q, j;

	mpz_init(p);
	mpz_init(q);
	mpz_init(j);
	get_le(p, b + v->p, bytes(v->bits_p));
	get_le(q, b + v->q, bytes(v->bits_q));
	get_le(j, b + v->j, bytes(v->bits_j));
	if (v->bits_q) {
		CHECK_EQ(mpz_sizeinbase(q, 2), v->bits_q);
		CHECK_EQ(mpz_sizeinbase(j, 2), v->bits_j);
		mpz_mul(q, q, j);
		mpz_add_ui(q, q, 1);
		CHECK(mpz_cmp(q, p) == 0);
	} else
		CHECK_EQ(v->bits_j, 0);
	mpz_clear(p);
	mpz_clear(q);
	mpz_clear(j);
}

/* 1 + the little-endian number at b (size bytes) */
static void add_one(BYTE *b, DWORD size)
{
	DWORD i;

	for (i = 0; i < size && !++b[i]; i++)
		;
}

/* Every way to spoil a version 3 BLOB of v: each must read NTE_BAD_DATA. */
static void check_corruptions(const struct csp_blob_env *env, const BYTE *good, const struct v3 *v,
			      BOOL dh)
{
	enum { MAGIC, BITS_P, BITS_P8, BITS_Q, BITS_Q0, BITS_J, BITS_J0, BITS_X, BITS_X0, P_EVEN, P_SHORT,
	       Q_EVEN, Q_FLIP, G_ONE, G_P, J_PLUS, Y_ZERO, Y_P, Y_FLIP, X_ZERO, X_Q, VERSION, COUNT };
	BYTE b[2048];
	struct csp_key *k;
	DWORD i, len, err;

	for (i = 0; i < COUNT; i++) {
		memcpy(b, good, v->end);
		len = v->end;
		switch (i) {
		case MAGIC: b[BH + 3] = '1' + v->private; break;   /* the version 2 magic */
		case BITS_P: csp_put_u32(b + BH + 4, v->bits_p - 1); break;
		case BITS_P8: csp_put_u32(b + BH + 4, v->bits_p + 8); break;
		case BITS_Q: if (!v->bits_q) continue; csp_put_u32(b + BH + 8, v->bits_q - 1); break;
		case BITS_Q0: csp_put_u32(b + BH + 8, v->bits_q ? 0 : 160); break;
		case BITS_J: if (!v->bits_j) continue; csp_put_u32(b + BH + 12, v->bits_j + 1); break;
		case BITS_J0: csp_put_u32(b + BH + 12, v->bits_j ? 0 : 8); break;
		case BITS_X: if (!v->private) continue; csp_put_u32(b + BH + 16, v->bits_x + 1); break;
		case BITS_X0: if (!v->private) continue; csp_put_u32(b + BH + 16, 0); break;
		case P_EVEN: b[v->p] ^= 1; break;
		case P_SHORT: b[v->p + bytes(v->bits_p) - 1] = 0; break;
		case Q_EVEN: if (!v->bits_q) continue; b[v->q] ^= 1; break;
		case Q_FLIP: if (!v->bits_q) continue; b[v->q + 10] ^= 4; break;
		case G_ONE: memset(b + v->g, 0, bytes(v->bits_p)); b[v->g] = 1; break;
		case G_P: memcpy(b + v->g, b + v->p, bytes(v->bits_p)); break;
		case J_PLUS: if (!v->bits_j) continue; b[v->j] ^= 1; break;
		case Y_ZERO: memset(b + v->y, 0, bytes(v->bits_p)); break;
		case Y_P: memcpy(b + v->y, b + v->p, bytes(v->bits_p)); break;
		case Y_FLIP: if (!v->private) continue; b[v->y + 5] ^= 0x10; break;
		case X_ZERO: if (!v->private) continue; memset(b + v->x, 0, bytes(v->bits_x)); break;
		case X_Q:
			if (!v->private || !v->bits_q) continue;
			memcpy(b + v->x, b + v->q, bytes(v->bits_q));
			break;
		case VERSION: b[1] = 4; break;
		}
		k = NULL;
		err = csp_blob_import(env, b, len, NULL, CRYPT_EXPORTABLE, &k);
		if (err != NTE_BAD_DATA)
			fprintf(stderr, "corruption %lu of %s%s: %08lx\n", (unsigned long)i, dh ? "DH" : "DSS",
				v->private ? "4" : "3", (unsigned long)err);
		CHECK_EQ(err, NTE_BAD_DATA);
		CHECK(k == NULL);
		csp_key_destroy(k);
	}
	/* one byte over, and every length short of the whole */
	memcpy(b, good, v->end);
	b[v->end] = 0;
	k = NULL;
	CHECK_EQ(csp_blob_import(env, b, v->end + 1, NULL, 0, &k), NTE_BAD_DATA);
	for (len = 0, err = 0; len < v->end; len++) {
		k = NULL;
		if (csp_blob_import(env, good, len, NULL, 0, &k) != NTE_BAD_DATA || k)
			err++;
		csp_key_destroy(k);
	}
	CHECK_EQ(err, 0);
}

/* Export k as version 3 of type, check its layout against the version 2
 * BLOB and KP_*, import it, and see the import give the version 2 BLOBs
 * and the version 3 one again; then spoil it. */
static void round_trip(const struct csp_blob_env *env, struct csp_key *k, DWORD type, BOOL dh,
		       DWORD want_q, DWORD want_counter)
{
	BYTE b3[2048], b2[2048], again[2048], num[256];
	DWORD l3, l2, n, need;
	struct csp_key *k2 = NULL;
	struct v3 v;

	CHECK_EQ(csp_blob_export(env, k, NULL, type, CRYPT_BLOB_VER3, NULL, &need), ERROR_SUCCESS);
	l3 = need - 1;
	CHECK_EQ(csp_blob_export(env, k, NULL, type, CRYPT_BLOB_VER3, b3, &l3), ERROR_MORE_DATA);
	CHECK_EQ(l3, need);
	CHECK_EQ(export3(env, k, type, b3, &l3, sizeof(b3)), ERROR_SUCCESS);
	CHECK_EQ(l3, need);
	CHECK_EQ(export(env, k, type, b2, &l2, sizeof(b2)), ERROR_SUCCESS);
	CHECK_EQ(b2[1], 2);
	CHECK_EQ(b3[0], type);
	CHECK_EQ(b3[1], 3);
	CHECK_EQ(csp_get_u32(b3 + 4), csp_get_u32(b2 + 4));
	CHECK_EQ(csp_get_u32(b3 + BH), dh ? (type == PUBLICKEYBLOB ? 0x33484400 : 0x34484400)
					  : (type == PUBLICKEYBLOB ? 0x33535344 : 0x34535344));
	parse(b3, &v);
	CHECK_EQ(v.bits_p, 512);
	CHECK_EQ(v.bits_q, want_q);
	CHECK_EQ(v.counter, want_counter);
	if (type == PRIVATEKEYBLOB)
		CHECK_EQ(v.bits_x, want_q ? want_q : 512);
	CHECK_EQ(v.end, l3);
	check_j(b3, &v);
	/* the numbers are the key's */
	n = sizeof(num);
	CHECK_EQ(csp_key_get_param(k, KP_P, num, &n), ERROR_SUCCESS);
	CHECK(n == 64 && !memcmp(b3 + v.p, num, 64));
	n = sizeof(num);
	CHECK_EQ(csp_key_get_param(k, KP_G, num, &n), ERROR_SUCCESS);
	CHECK(n == 64 && !memcmp(b3 + v.g, num, 64));
	if (want_q) {
		n = sizeof(num);
		CHECK_EQ(csp_key_get_param(k, KP_Q, num, &n), ERROR_SUCCESS);
		CHECK(n == 20 && !memcmp(b3 + v.q, num, 20));
	}
	/* y is the version 2 public BLOB's */
	n = sizeof(again);
	CHECK_EQ(export(env, k, PUBLICKEYBLOB, again, &n, sizeof(again)), ERROR_SUCCESS);
	CHECK(!memcmp(b3 + v.y, dh ? again + HDR : again + HDR + 64 + 20 + 64, 64));

	/* imported: the same key, in both versions */
	CHECK_EQ(csp_blob_import(env, b3, l3, NULL, CRYPT_EXPORTABLE, &k2), ERROR_SUCCESS);
	if (k2) {
		CHECK_EQ(get_dword(k2, KP_ALGID), get_dword(k, KP_ALGID));
		CHECK_EQ(get_dword(k2, KP_KEYLEN), 512);
		CHECK_EQ(export3(env, k2, type, again, &n, sizeof(again)), ERROR_SUCCESS);
		CHECK(n == l3 && !memcmp(again, b3, l3));
		if (!dh || type == PRIVATEKEYBLOB) {
			CHECK_EQ(export(env, k2, type, again, &n, sizeof(again)), ERROR_SUCCESS);
			CHECK(n == l2 && !memcmp(again, b2, l2));
		} else {
			/* DH1 is y alone */
			CHECK_EQ(export(env, k2, PUBLICKEYBLOB, again, &n, sizeof(again)), ERROR_SUCCESS);
			CHECK(n == l2 && !memcmp(again, b2, l2));
		}
		CHECK_EQ(csp_alg_pair(k2->alg)->has_private(k2->pair), type == PRIVATEKEYBLOB);
		csp_key_destroy(k2);
	}
	/* the version 2 import still reads the version 2 BLOB */
	k2 = NULL;
	CHECK_EQ(csp_blob_import(env, b2, l2, NULL, 0, &k2), ERROR_SUCCESS);
	csp_key_destroy(k2);
	/* a version 3 body under a version 2 header, and the other way */
	memcpy(again, b3, l3);
	again[1] = 2;
	k2 = NULL;
	CHECK_EQ(csp_blob_import(env, again, l3, NULL, 0, &k2), NTE_BAD_DATA);
	memcpy(again, b2, l2);
	again[1] = 3;
	CHECK_EQ(csp_blob_import(env, again, l2, NULL, 0, &k2), NTE_BAD_DATA);
	check_corruptions(env, b3, &v, dh);
}

/* --- DSS ------------------------------------------------------------------- */

static void test_dss3(void)
{
	struct csp_key *k = NULL;
	BYTE b[1024];
	DWORD len;

	CHECK_EQ(gen(&dss, CALG_DSS_SIGN, (512 << 16) | CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	/* without the flag, version 2 as before */
	CHECK_EQ(export(&dss, k, PUBLICKEYBLOB, b, &len, sizeof(b)), ERROR_SUCCESS);
	CHECK(len == HDR + 64 + 20 + 64 + 64 + 24 && b[1] == 2 && csp_get_u32(b + 8) == 0x31535344);
	CHECK_EQ(export(&dss, k, PRIVATEKEYBLOB, b, &len, sizeof(b)), ERROR_SUCCESS);
	CHECK(len == HDR + 64 + 20 + 64 + 20 + 24 && b[1] == 2 && csp_get_u32(b + 8) == 0x32535344);
	round_trip(&dss, k, PUBLICKEYBLOB, FALSE, 160, CSP_DSS_NO_SEED);
	round_trip(&dss, k, PRIVATEKEYBLOB, FALSE, 160, CSP_DSS_NO_SEED);
	csp_key_destroy(k);
}

/* --- Diffie-Hellman ------------------------------------------------------------ */

static void test_dh3(void)
{
	struct csp_key *k = NULL, *k2 = NULL, *b = NULL, *ka = NULL, *kb = NULL, *pub = NULL, *w = NULL;
	BYTE p[64], g[64], plain3[1024], pub_a[1024], pub_b2[1024], pub_b3[1024], ct_a[32], ct_b[32];
	DWORD len, la, lb2, lb3, n_a, n_b;
	ALG_ID alg = CALG_3DES;
	static const BYTE plain[8] = "8 bytes";

	/* a generated key: its group has a q */
	CHECK_EQ(gen(&enh, CALG_DH_SF, (512 << 16) | CRYPT_EXPORTABLE, &k), ERROR_SUCCESS);
	if (!k)
		return;
	round_trip(&enh, k, PUBLICKEYBLOB, TRUE, 160, CSP_DSS_NO_SEED);
	round_trip(&enh, k, PRIVATEKEYBLOB, TRUE, 160, CSP_DSS_NO_SEED);

	/* one over p and g alone (CRYPT_PREGEN): no q, no j, no seed */
	len = sizeof(p);
	CHECK_EQ(csp_key_get_param(k, KP_P, p, &len), ERROR_SUCCESS);
	len = sizeof(g);
	CHECK_EQ(csp_key_get_param(k, KP_G, g, &len), ERROR_SUCCESS);
	CHECK_EQ(gen(&enh, CALG_DH_EPHEM, (512 << 16) | CRYPT_PREGEN | CRYPT_EXPORTABLE, &b), ERROR_SUCCESS);
	if (!b) {
		csp_key_destroy(k);
		return;
	}
	CHECK_EQ(set_blob(b, KP_P, p, 64), ERROR_SUCCESS);
	CHECK_EQ(set_blob(b, KP_G, g, 64), ERROR_SUCCESS);
	CHECK_EQ(csp_key_set_param(b, KP_X, NULL), ERROR_SUCCESS);
	round_trip(&enh, b, PUBLICKEYBLOB, TRUE, 0, CSP_DSS_NO_SEED);
	round_trip(&enh, b, PRIVATEKEYBLOB, TRUE, 0, CSP_DSS_NO_SEED);
	CHECK_EQ(export3(&enh, b, PUBLICKEYBLOB, pub_b3, &lb3, sizeof(pub_b3)), ERROR_SUCCESS);
	CHECK_EQ(lb3, BH + 16 + 24 + 3 * 64);

	/* agreement: b's version 3 public BLOB agrees as its version 2 one does */
	CHECK_EQ(export(&enh, b, PUBLICKEYBLOB, pub_b2, &lb2, sizeof(pub_b2)), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&enh, pub_b2, lb2, k, 0, &ka), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&enh, pub_b3, lb3, k, 0, &kb), ERROR_SUCCESS);
	if (ka && kb) {
		CHECK_EQ(csp_agreed_set_algid(&ka, (const BYTE *)&alg, 0), ERROR_SUCCESS);
		CHECK_EQ(csp_agreed_set_algid(&kb, (const BYTE *)&alg, 0), ERROR_SUCCESS);
		memcpy(ct_a, plain, sizeof(plain));
		memcpy(ct_b, plain, sizeof(plain));
		n_a = n_b = sizeof(plain);
		CHECK_EQ(csp_key_encrypt(ka, TRUE, ct_a, &n_a, sizeof(ct_a)), ERROR_SUCCESS);
		CHECK_EQ(csp_key_encrypt(kb, TRUE, ct_b, &n_b, sizeof(ct_b)), ERROR_SUCCESS);
		CHECK(n_a == n_b && !memcmp(ct_a, ct_b, n_a));
	}
	csp_key_destroy(ka);
	csp_key_destroy(kb);
	ka = kb = NULL;
	/* and k's version 3 BLOB with b's private value */
	CHECK_EQ(export3(&enh, k, PUBLICKEYBLOB, pub_a, &la, sizeof(pub_a)), ERROR_SUCCESS);
	CHECK_EQ(csp_blob_import(&enh, pub_a, la, b, 0, &ka), ERROR_SUCCESS);
	csp_key_destroy(ka);
	ka = NULL;
	/* a version 3 peer of another group gives nothing */
	add_one(pub_b3 + BH + 16 + 24 + 64, 64);        /* g + 1 */
	CHECK_EQ(csp_blob_import(&enh, pub_b3, lb3, k, 0, &ka), NTE_BAD_DATA);
	CHECK(ka == NULL);

	/* a DH1 key is y alone: no group to write in version 3 */
	CHECK_EQ(csp_blob_import(&enh, pub_b2, lb2, NULL, 0, &pub), ERROR_SUCCESS);
	if (pub) {
		CHECK_EQ(export3(&enh, pub, PUBLICKEYBLOB, pub_a, &la, sizeof(pub_a)), NTE_BAD_KEY_STATE);
		CHECK_EQ(export(&enh, pub, PUBLICKEYBLOB, pub_a, &la, sizeof(pub_a)), ERROR_SUCCESS);
		csp_key_destroy(pub);
	}
	/* a version 3 private BLOB wrapped in a session key */
	memset(ct_a, 0x5c, 24);
	CHECK_EQ(csp_key_from_bytes(csp_alg_find(CALG_3DES), ct_a, 24, 0, &w), ERROR_SUCCESS);
	if (w) {
		CHECK_EQ(export3(&enh, k, PRIVATEKEYBLOB, plain3, &lb3, sizeof(plain3)), ERROR_SUCCESS);
		la = sizeof(pub_a);
		CHECK_EQ(csp_blob_export(&enh, k, w, PRIVATEKEYBLOB, CRYPT_BLOB_VER3, pub_a, &la), ERROR_SUCCESS);
		CHECK(la >= lb3 && pub_a[1] == 3 && memcmp(pub_a + BH, plain3 + BH, 16) != 0);
		CHECK_EQ(csp_blob_import(&enh, pub_a, la, w, CRYPT_EXPORTABLE, &k2), ERROR_SUCCESS);
		if (k2) {
			CHECK_EQ(export3(&enh, k2, PRIVATEKEYBLOB, pub_b3, &lb2, sizeof(pub_b3)), ERROR_SUCCESS);
			CHECK(lb2 == lb3 && !memcmp(pub_b3, plain3, lb3));
			csp_key_destroy(k2);
		}
		csp_key_destroy(w);
	}
	csp_key_destroy(b);
	csp_key_destroy(k);
}

/* --- other BLOB types stay version 2 ------------------------------------------ */

static void test_other_types(void)
{
	BYTE b[BH + 4 + 24];
	struct csp_key *k = NULL;

	memset(b, 0x11, sizeof(b));
	b[0] = PLAINTEXTKEYBLOB;
	b[1] = 3;
	b[2] = b[3] = 0;
	csp_put_u32(b + 4, CALG_3DES);
	csp_put_u32(b + BH, 24);
	CHECK_EQ(csp_blob_import(&enh, b, sizeof(b), NULL, 0, &k), NTE_BAD_DATA);
	CHECK(k == NULL);
	b[1] = 2;
	CHECK_EQ(csp_blob_import(&enh, b, sizeof(b), NULL, 0, &k), ERROR_SUCCESS);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	setup();
	test_dss3();
	test_dh3();
	test_other_types();
	return unit_done(argv[0]);
}
