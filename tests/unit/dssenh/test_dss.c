/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_dss.c - the DSS providers' public-key core: a DSA key and signature
 * made by OpenSSL (openssl genpkey / dgst -sha1 -sign, 1024-bit p, 160-bit
 * q) verified, tampered with and refused; the private key through a DSS2
 * body signing what verifies; generated groups and keys at the allowed
 * lengths only; Diffie-Hellman with the 512-bit prime and generator of
 * Wine's dssenh suite and private values whose public values and agreed
 * secret were computed independently (Python's pow); peer values 0, 1,
 * p-1 and p refused; BLOB bodies round trip, malformed ones refused.
 */
#include <stdlib.h>
#include "unit.h"
#include "../../../dssenh/core/dss.h"
#include "../../../rsaenh/core/rsa_rng.h"

/* Numbers little-endian, as CryptoAPI's BLOBs hold them. */
static const char dsa_p[] =
	"dd2dbc209641aef3c30d1e5c17de270c6dbec0a0ad58a577b5c80c3332803e6c"
	"cc3cb421a2ffd45e80fc826853934a72dba0047ee0a55a2b7ec4532e2ba88789"
	"efac79cd4508a395bc3627f2f42d7fa802bbc2e35207585f6524bc9d21b6cc97"
	"c58b839b94d858a542f1b6887263821865fe1970fcc9bd6ef7f1c18c8cbfbadf";
static const char dsa_q[] =
	"03287182b474a9d2b5a40e2a82e26aa89bd50b8a";
static const char dsa_g[] =
	"afc9928586a61c5c88f20de5a6a129e9de2769d6e3fb7b13bb7be906e923d6b1"
	"166ce75a12708ae599e3182c6cd1e31ed469dbad56a52053073e5cb2f032364a"
	"a12c17eb22669b1e86f1696b2d0b3f72eaafeeb3c59720a1adb6cbaeacbf6712"
	"6fe35dcfab9aa564dceb9ffdaa2a89f66b24acbd323e3692367bee7a425afbaa";
static const char dsa_y[] =
	"d500e58eb38ca85e571a192e681049ed54f221e652882ba04f1cda10711ec7f9"
	"200dca8016dee960358ffe0e259fc9812ef490541c63ca15ea6f55b0dde227f4"
	"8518311a60733a31d590751d07de7e5f0692ebab868a50748bc3be0966fe5861"
	"b3340cf10b3e4205790c037ecd9742d5d23b7e6c0c43da775bf62c87c789ce04";
static const char dsa_x[] =
	"5f37e65518c008bf8b7c2fd1f0f7c9d1b040437a";
static const char dsa_r[] =
	"6fd4e5d52e47dfa3a1548fed559b2f5b29284035";
static const char dsa_s[] =
	"a345041cff15b754629c5e7db110fbfd577d9405";
static const char dh_p[] =
	"85b8a54acf2b7c61b206938a873758b08dc72aa77f0d74f93a7ebcab3a54e411"
	"696fcdeaad32444fee54698c9c3b8727367006f34ede7f9da6f2ad4390ddb59b";
static const char dh_g[] =
	"eadce0bb6026c6b3936f61e67ee2eed6db3dcaa831468f5db4aa83d35210cdfb"
	"fdfc14890cdecf541d058cbe4ae437b4c01575c5a2fc99fcad63cb7cb820dc2b";
static const char dh_xa[] =
	"0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
	"0000000000000000000000000000000000000000000000000000000000000000";
static const char dh_ya[] =
	"47d06399c3f9cc19255451e7a51def3a2b8a1a696e1e3efd2350d741c5741890"
	"e85264a75c65bbeebcf845d1e3c47b8a49b2170b8a7320e00758f6a9d1674928";
static const char dh_yb[] =
	"8b212cf58cde91908c5e89743dfb8747cbd59eb023879e3e038ad7b08624174d"
	"2c74b23b477734e5e13ea47fc07d4d1240c5aee222ee006f631f84134a294026";
static const char dh_z[] =
	"3dc16c6662a050e30d44daf0b67259633a73bbcc47c1a6738bd713d9872cc967"
	"4086f8f9f227827e51c9d0a69f4beb6be0e2bb99c8b51afdc45ad9e627bf3e04";

static DWORD rng_state = 1;

static DWORD test_fill(void *ctx, BYTE *buf, DWORD len)
{
	DWORD i;

	for (i = 0; i < len; i++) {
		rng_state = rng_state * 1103515245 + 12345;
		buf[i] = (BYTE)(rng_state >> 16);
	}
	return ERROR_SUCCESS;
}

static const struct csp_random test_rng = { test_fill, NULL };

/* Bytes appended from hex, returning the new end. */
static BYTE *put_hex(BYTE *p, const char *hex)
{
	return p + unit_hex(hex, p);
}

static BYTE *put_dword(BYTE *p, DWORD v)
{
	memcpy(p, &v, 4);
	return p + 4;
}

/* DSS1 or DSS2 body of the OpenSSL key: magic, bits, p, q, g, y or x, seed. */
static DWORD dss_body(BYTE *out, BOOL private)
{
	BYTE *p = out;

	p = put_dword(p, private ? 0x32535344 : 0x31535344);
	p = put_dword(p, 1024);
	p = put_hex(p, dsa_p);
	p = put_hex(p, dsa_q);
	p = put_hex(p, dsa_g);
	p = put_hex(p, private ? dsa_x : dsa_y);
	p = put_dword(p, CSP_DSS_NO_SEED);
	memset(p, 0, CSP_DSS_Q_BYTES);
	return (DWORD)(p + CSP_DSS_Q_BYTES - out);
}

static void test_openssl_signature(void)
{
	BYTE body[600], sig[CSP_DSS_SIG_BYTES], digest[20], out[600], mine[CSP_DSS_SIG_BYTES];
	DWORD n = dss_body(body, FALSE), len = sizeof(out);
	struct csp_dss *pub = NULL, *priv = NULL;

	CHECK_EQ(csp_dss_read_public(body, n, FALSE, &pub), ERROR_SUCCESS);
	if (!pub)
		return;
	unit_hex("a9993e364706816aba3e25717850c26c9cd0d89d", digest);   /* SHA-1("abc") */
	unit_hex(dsa_r, sig);
	unit_hex(dsa_s, sig + 20);
	CHECK_EQ(csp_dss_verify(pub, digest, sig), ERROR_SUCCESS);
	sig[3] ^= 1;
	CHECK_EQ(csp_dss_verify(pub, digest, sig), NTE_BAD_SIGNATURE);
	sig[3] ^= 1;
	digest[0] ^= 1;
	CHECK_EQ(csp_dss_verify(pub, digest, sig), NTE_BAD_SIGNATURE);
	digest[0] ^= 1;
	/* r of zero, s of q: never a signature */
	memset(mine, 0, 20);
	memcpy(mine + 20, sig + 20, 20);
	CHECK_EQ(csp_dss_verify(pub, digest, mine), NTE_BAD_SIGNATURE);
	memcpy(mine, sig, 20);
	unit_hex(dsa_q, mine + 20);
	CHECK_EQ(csp_dss_verify(pub, digest, mine), NTE_BAD_SIGNATURE);
	/* the body it was read from is the body it writes */
	CHECK_EQ(csp_dss_write_public(pub, FALSE, out, &len), ERROR_SUCCESS);
	CHECK(len == n && !memcmp(out, body, n));

	/* the private half: y comes out as OpenSSL's, and its signatures verify */
	n = dss_body(body, TRUE);
	CHECK_EQ(csp_dss_read_private(body, n, FALSE, &priv), ERROR_SUCCESS);
	if (priv) {
		CHECK(!mpz_cmp(priv->y, pub->y));
		CHECK_EQ(csp_dss_sign(priv, digest, &test_rng, mine), ERROR_SUCCESS);
		CHECK_EQ(csp_dss_verify(pub, digest, mine), ERROR_SUCCESS);
		CHECK_EQ(csp_dss_sign(pub, digest, &test_rng, mine), NTE_BAD_KEY);
		len = sizeof(out);
		CHECK_EQ(csp_dss_write_private(priv, FALSE, out, &len), ERROR_SUCCESS);
		CHECK(len == n && !memcmp(out, body, n));
		csp_dss_destroy(priv);
	}
	csp_dss_destroy(pub);
}

static void test_malformed(void)
{
	BYTE body[600], copy[600];
	DWORD n = dss_body(body, TRUE);
	struct csp_dss *d = NULL;

	CHECK_EQ(csp_dss_read_private(body, n - 1, FALSE, &d), NTE_BAD_DATA);
	CHECK_EQ(csp_dss_read_private(body, n + 1, FALSE, &d), NTE_BAD_DATA);
	CHECK_EQ(csp_dss_read_public(body, n, FALSE, &d), NTE_BAD_DATA);   /* DSS2 magic */
	memcpy(copy, body, n);
	copy[8] ^= 1;                                                      /* p even */
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	memcpy(copy, body, n);
	memset(copy + 8 + 128 + 20 + 128, 0, 20);                          /* x = 0 */
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	memcpy(copy, body, n);
	memcpy(copy + 8 + 128 + 20 + 128, copy + 8 + 128, 20);             /* x = q */
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	memcpy(copy, body, n);
	memset(copy + 8 + 128 + 20, 0, 128);
	copy[8 + 128 + 20] = 1;                                            /* g = 1 */
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	memcpy(copy, body, n);
	put_dword(copy + 4, 1032);                                         /* bits off the body */
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	put_dword(copy + 4, 0xfffffff8);
	CHECK_EQ(csp_dss_read_private(copy, n, FALSE, &d), NTE_BAD_DATA);
	CHECK(d == NULL);
}

static void test_generate(void)
{
	BYTE digest[20] = { 1, 2, 3 }, sig[CSP_DSS_SIG_BYTES];
	struct csp_dss *d = NULL;

	CHECK_EQ(csp_dss_generate(448, &test_rng, &d), NTE_BAD_FLAGS);
	CHECK_EQ(csp_dss_generate(520, &test_rng, &d), NTE_BAD_FLAGS);
	CHECK_EQ(csp_dss_generate(1088, &test_rng, &d), NTE_BAD_FLAGS);
	CHECK_EQ(csp_dss_generate(576, &test_rng, &d), ERROR_SUCCESS);
	if (!d)
		return;
	CHECK_EQ(mpz_sizeinbase(d->params.p, 2), 576);
	CHECK_EQ(mpz_sizeinbase(d->params.q, 2), 160);
	CHECK_EQ(csp_dss_sign(d, digest, &test_rng, sig), ERROR_SUCCESS);
	CHECK_EQ(csp_dss_verify(d, digest, sig), ERROR_SUCCESS);
	digest[19] ^= 0x80;
	CHECK_EQ(csp_dss_verify(d, digest, sig), NTE_BAD_SIGNATURE);
	csp_dss_destroy(d);
}

/* A DH2 body of the suite's group with private value x_hex. */
static DWORD dh_body(BYTE *out, const char *x_hex)
{
	BYTE *p = out;

	p = put_dword(p, 0x32484400);
	p = put_dword(p, 512);
	p = put_hex(p, dh_p);
	p = put_hex(p, dh_g);
	p = put_hex(p, x_hex);
	return (DWORD)(p - out);
}

static void test_dh(void)
{
	BYTE body[300], y[64], secret[64], want[64], pub1[8 + 64];
	DWORD n = dh_body(body, dh_xa), len = sizeof(pub1);
	struct csp_dss *a = NULL, *peer = NULL, *b = NULL;
	mpz_t bad;

	CHECK_EQ(csp_dss_read_private(body, n, TRUE, &a), ERROR_SUCCESS);
	if (!a)
		return;
	unit_hex(dh_ya, want);
	csp_rsa_put_le(y, 64, a->y);
	CHECK(!memcmp(y, want, 64));
	/* the peer's DH1 body: y alone */
	CHECK_EQ(csp_dss_write_public(a, TRUE, pub1, &len), ERROR_SUCCESS);
	CHECK(len == 8 + 64 && !memcmp(pub1 + 8, want, 64));
	put_dword(pub1, 0x31484400);
	put_hex(pub1 + 8, dh_yb);
	CHECK_EQ(csp_dss_read_public(pub1, len, TRUE, &peer), ERROR_SUCCESS);
	if (peer) {
		CHECK_EQ(csp_dh_agree(a, peer->y, secret), ERROR_SUCCESS);
		unit_hex(dh_z, want);
		CHECK(!memcmp(secret, want, 64));
		csp_dss_destroy(peer);
	}
	/* values that give no secret */
	mpz_init(bad);
	CHECK_EQ(csp_dh_agree(a, bad, secret), NTE_BAD_DATA);
	mpz_set_ui(bad, 1);
	CHECK_EQ(csp_dh_agree(a, bad, secret), NTE_BAD_DATA);
	mpz_sub_ui(bad, a->params.p, 1);
	CHECK_EQ(csp_dh_agree(a, bad, secret), NTE_BAD_DATA);
	mpz_add_ui(bad, bad, 1);
	CHECK_EQ(csp_dh_agree(a, bad, secret), NTE_BAD_DATA);
	mpz_clear(bad);

	/* a second party over the same group (CRYPT_PREGEN's way) */
	CHECK_EQ(csp_dss_duplicate(a, &b), ERROR_SUCCESS);
	if (b) {
		BYTE other[64];

		CHECK_EQ(csp_dh_make_private(b, &test_rng), ERROR_SUCCESS);
		CHECK(mpz_cmp(b->x, a->x) != 0);
		CHECK_EQ(csp_dh_agree(a, b->y, secret), ERROR_SUCCESS);
		CHECK_EQ(csp_dh_agree(b, a->y, other), ERROR_SUCCESS);
		CHECK(!memcmp(secret, other, 64));
		csp_dss_destroy(b);
	}
	csp_dss_destroy(a);
	/* an x of zero is no private value */
	memset(body + 8 + 128, 0, 64);
	CHECK_EQ(csp_dss_read_private(body, n, TRUE, &a), NTE_BAD_DATA);
}

int main(int argc, char **argv)
{
	test_openssl_signature();
	test_malformed();
	test_generate();
	test_dh();
	return unit_done(argv[0]);
}
