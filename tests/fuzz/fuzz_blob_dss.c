/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_blob_dss.c - libFuzzer target: the DSS providers' key BLOB bodies
 * (dssenh/core/blob_dss.c), read by csp_dss_read_public/_private.
 * Input: the layout (low two bits of the first byte: DSS1, DSS2, DH1,
 * DH2), the body, and for the DSS layouts a signature r || s in the last
 * 40 bytes.  A body that reads is written back and must come out the same
 * bytes (readers take exact lengths only), by the sizing rule; its public
 * half is written and read again.  A DSS key verifies the signature over a
 * fixed digest (success or NTE_BAD_SIGNATURE); a DSS2 key signs, and over
 * a sound group (q prime, g of order q) its signature must verify.  A DH2
 * key agrees with its own y (success exactly when y is in 2..p-2, the
 * secret y^x) and refuses 0, 1, p-1 and p; a DH1 y of 512 bits is agreed
 * with a fixed DH key (csp_dh_generate, made once).
 */
#include <nettle/sha1.h>
#include "fuzz.h"
#include "../../rsaenh/core/rsa_rng.h"
#include "../../dssenh/core/dss.h"

/* SHA-1("abc"), what every key here signs and verifies */
static const BYTE digest[SHA1_DIGEST_SIZE] = {
	0xa9, 0x99, 0x3e, 0x36, 0x47, 0x06, 0x81, 0x6a, 0xba, 0x3e,
	0x25, 0x71, 0x78, 0x50, 0xc2, 0x6c, 0x9c, 0xd0, 0xd8, 0x9d,
};

enum { DSS_PUBLIC, DSS_PRIVATE, DH_PUBLIC, DH_PRIVATE };

/* The fixed 512-bit DH key, from a random source of its own so that the
 * seed generator and the target make the same group; never destroyed. */
static const struct csp_dss *fz_dh_key(void)
{
	static DWORD state;
	static const struct csp_random rng = { counter_rng_fill, &state };
	static struct csp_dss *d;

	if (!d && csp_dh_generate(512, &rng, &d))
		abort();
	return d;
}

typedef DWORD writer(const struct csp_dss *, BOOL, BYTE *, DWORD *);

/* What write gives for d, malloc'd to its exact size, after checking the
 * sizing rule: NULL gives the size, one byte short gives ERROR_MORE_DATA,
 * the size and nothing written. */
static BYTE *written(writer *write, const struct csp_dss *d, BOOL dh, DWORD *len)
{
	DWORD need = 0, n, i;
	BYTE *out;

	if (write(d, dh, NULL, &need) != ERROR_SUCCESS || need < 8)
		abort();
	out = malloc(need);
	memset(out, 0xa5, need);
	n = need - 1;
	if (write(d, dh, out, &n) != ERROR_MORE_DATA || n != need)
		abort();
	for (i = 0; i < need; i++)
		if (out[i] != 0xa5)
			abort();      /* a short buffer is not written */
	n = need;
	if (write(d, dh, out, &n) != ERROR_SUCCESS || n != need)
		abort();
	*len = need;
	return out;
}

/* The body that was read must be what the key writes. */
static void round_trip(writer *write, const struct csp_dss *d, BOOL dh, const BYTE *body, DWORD len)
{
	DWORD n;
	BYTE *out = written(write, d, dh, &n);

	if (n != len || memcmp(out, body, len))
		abort();
	free(out);
}

/* A private key's public half, written and read back: it reads exactly
 * when y passes the reader's range check (DH1: y > 1; DSS1: y > 0, and y
 * is below p by its making), and holds the same numbers. */
static void public_half(const struct csp_dss *d, BOOL dh)
{
	DWORD n, err;
	BYTE *out = written(csp_dss_write_public, d, dh, &n);
	struct csp_dss *pub = NULL;
	BOOL ok = dh ? mpz_cmp_ui(d->y, 1) > 0 : mpz_sgn(d->y) > 0;

	err = csp_dss_read_public(out, n, dh, &pub);
	if (ok ? err != ERROR_SUCCESS : (err != NTE_BAD_DATA || pub))
		abort();
	if (pub) {
		if (mpz_cmp(pub->y, d->y) || pub->bits != d->bits || pub->has_private ||
		    (!dh && (mpz_cmp(pub->params.p, d->params.p) || mpz_cmp(pub->params.q, d->params.q) ||
			     mpz_cmp(pub->params.g, d->params.g))))
			abort();
		round_trip(csp_dss_write_public, pub, dh, out, n);
		csp_dss_destroy(pub);
	}
	free(out);
}

static void verify_any(const struct csp_dss *d, const BYTE *sig)
{
	DWORD err = csp_dss_verify(d, digest, sig);

	if (err != ERROR_SUCCESS && err != NTE_BAD_SIGNATURE)
		abort();
}

/* The group of d is one DSA's algebra holds in: q prime, g^q = 1 mod p
 * (g is 2..p-1, so its order is then q). */
static BOOL sound_group(const struct csp_dss *d)
{
	mpz_t t;
	BOOL ok;

	if (!mpz_probab_prime_p(d->params.q, 25))
		return FALSE;
	mpz_init(t);
	mpz_powm(t, d->params.g, d->params.q, d->params.p);
	ok = !mpz_cmp_ui(t, 1);
	mpz_clear(t);
	return ok;
}

static void dss_private(const struct csp_dss *d)
{
	BYTE sig[CSP_DSS_SIG_BYTES];
	DWORD err = csp_dss_sign(d, digest, &fz_rng, sig);

	if (sound_group(d)) {
		if (err || csp_dss_verify(d, digest, sig))
			abort();      /* our own signature must verify */
	} else if (!err)
		verify_any(d, sig);
}

/* d agrees with peer: expect NTE_BAD_DATA outside 2..p-2, else the secret
 * peer^x mod p. */
static void agree(const struct csp_dss *d, const mpz_t peer)
{
	DWORD n = d->bits / 8, err;
	BYTE *secret = malloc(n), *want = malloc(n);
	mpz_t limit, z;
	BOOL ok;

	mpz_init(limit);
	mpz_init(z);
	mpz_sub_ui(limit, d->params.p, 2);
	ok = mpz_cmp_ui(peer, 2) >= 0 && mpz_cmp(peer, limit) <= 0;
	err = csp_dh_agree(d, peer, secret);
	if (ok) {
		mpz_powm(z, peer, d->x, d->params.p);
		csp_rsa_put_le(want, n, z);
		if (err || memcmp(secret, want, n))
			abort();
	} else if (err != NTE_BAD_DATA)
		abort();
	mpz_clear(z);
	mpz_clear(limit);
	free(want);
	free(secret);
}

static void dh_private(const struct csp_dss *d)
{
	BYTE sig[CSP_DSS_SIG_BYTES] = { 1 };
	mpz_t v;

	agree(d, d->y);
	mpz_init(v);
	agree(d, v);                          /* 0 */
	mpz_set_ui(v, 1);
	agree(d, v);
	mpz_sub_ui(v, d->params.p, 1);
	agree(d, v);
	agree(d, d->params.p);
	mpz_clear(v);
	/* a DH2 body has no q: no signatures */
	if (csp_dss_sign(d, digest, &fz_rng, sig) != NTE_BAD_KEY || csp_dss_verify(d, digest, sig) != NTE_BAD_KEY)
		abort();
}

static void dh_public(const struct csp_dss *d)
{
	const struct csp_dss *k = fz_dh_key();
	BYTE secret[CSP_DSS_MAX_BYTES];

	if (csp_dh_agree(d, d->y, secret) != NTE_BAD_KEY)
		abort();              /* no private value */
	if (d->bits == k->bits)
		agree(k, d->y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	BYTE layout = fz_byte(&f) & 3, sig[CSP_DSS_SIG_BYTES], *body;
	BOOL dh = layout >= DH_PUBLIC, private = layout & 1;
	DWORD tail = !dh && f.n >= CSP_DSS_SIG_BYTES ? CSP_DSS_SIG_BYTES : 0, len, err;
	struct csp_dss *d = NULL;

	fz_dh_key();
	memset(sig, 0, sizeof(sig));
	memcpy(sig, f.p + f.n - tail, tail);
	f.n -= tail;
	body = fz_rest(&f, &len);
	err = private ? csp_dss_read_private(body, len, dh, &d) : csp_dss_read_public(body, len, dh, &d);
	if (err == ERROR_SUCCESS) {
		if (!d || d->has_private != private || d->bits != csp_get_u32(body + 4))
			abort();
		round_trip(private ? csp_dss_write_private : csp_dss_write_public, d, dh, body, len);
		if (private)
			public_half(d, dh);
		else if (csp_dss_write_private(d, dh, NULL, &len) != NTE_BAD_KEY)
			abort();
		if (!dh)
			verify_any(d, sig);
		switch (layout) {
		case DSS_PRIVATE: dss_private(d); break;
		case DH_PUBLIC: dh_public(d); break;
		case DH_PRIVATE: dh_private(d); break;
		}
		csp_dss_destroy(d);
	} else if (d)
		abort();              /* failure must not give a key */
	free(body);
	return 0;
}

#ifdef FUZZ_SEEDS
/* One input: the layout byte, body (its first n bytes), and for DSS
 * layouts the signature. */
static void seed(BYTE layout, const BYTE *body, DWORD n, const BYTE *sig)
{
	BYTE buf[2 * CSP_DSS_MAX_BYTES + 256];

	memcpy(buf, body, n);
	if (layout < DH_PUBLIC) {
		memcpy(buf + n, sig, CSP_DSS_SIG_BYTES);
		n += CSP_DSS_SIG_BYTES;
	}
	fz_emit(&layout, 1, buf, n);
}

/* Bodies our writers make of a 512-bit DSA key and of the fixed DH key
 * (and of a second DH key over its group), the DSS ones with the key's
 * signature over the digest; each whole, one byte short, and the DSS2 and
 * DH2 ones as their 8-byte header alone. */
static void fz_seeds(void)
{
	struct csp_dss *dss = NULL, *peer = NULL;
	const struct csp_dss *dh = fz_dh_key();
	BYTE body[2 * CSP_DSS_MAX_BYTES + 256], sig[CSP_DSS_SIG_BYTES];
	DWORD n;

	if (csp_dss_generate(512, &fz_rng, &dss) || csp_dss_sign(dss, digest, &fz_rng, sig) ||
	    csp_dss_duplicate(dh, &peer) || csp_dh_make_private(peer, &fz_rng))
		abort();
	n = sizeof(body);
	if (csp_dss_write_public(dss, FALSE, body, &n))
		abort();
	seed(DSS_PUBLIC, body, n, sig);
	seed(DSS_PUBLIC, body, n - 1, sig);
	n = sizeof(body);
	if (csp_dss_write_private(dss, FALSE, body, &n))
		abort();
	seed(DSS_PRIVATE, body, n, sig);
	seed(DSS_PRIVATE, body, n - 1, sig);
	seed(DSS_PRIVATE, body, 8, sig);
	n = sizeof(body);
	if (csp_dss_write_public(dh, TRUE, body, &n))
		abort();
	seed(DH_PUBLIC, body, n, NULL);
	seed(DH_PUBLIC, body, n - 1, NULL);
	n = sizeof(body);
	if (csp_dss_write_public(peer, TRUE, body, &n))
		abort();
	seed(DH_PUBLIC, body, n, NULL);
	n = sizeof(body);
	if (csp_dss_write_private(dh, TRUE, body, &n))
		abort();
	seed(DH_PRIVATE, body, n, NULL);
	seed(DH_PRIVATE, body, n - 1, NULL);
	seed(DH_PRIVATE, body, 8, NULL);
	csp_dss_destroy(peer);
	csp_dss_destroy(dss);
}
#endif
