/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa.c - RSA key pair objects: generation (rsa_keygen.c), duplication (the
 * copy gets a blinding pair of its own),
 * wiping, and the RSA1/RSA2 key BLOB bodies.  GMP is given an allocator
 * that wipes every number it frees, so no private value outlives its key.
 */
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include <nettle/sha2.h>
#include "rsa.h"
#include "rsa_rng.h"
#include "rsa_blind.h"
#include "wipe.h"

/* --- GMP memory: wiped on free and on move ------------------------------ */

static void *wipe_alloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		abort();   /* GMP cannot report allocation failure */
	return p;
}

static void *wipe_realloc(void *old, size_t old_size, size_t new_size)
{
	void *p = wipe_alloc(new_size);

	memcpy(p, old, old_size < new_size ? old_size : new_size);
	csp_wipe(old, old_size);
	free(old);
	return p;
}

static void wipe_free(void *p, size_t size)
{
	if (!p)
		return;
	csp_wipe(p, size);
	free(p);
}

void csp_rsa_init_allocator(void)
{
	/* every call installs the same functions: a race between two first
	 * calls is harmless, and all of them sit on malloc/free */
	mp_set_memory_functions(wipe_alloc, wipe_realloc, wipe_free);
}

/* --- random bytes for nettle -------------------------------------------- */

void csp_rsa_rng_fn(void *ctx, size_t len, uint8_t *dst)
{
	struct csp_rsa_rng *a = ctx;
	struct sha256_ctx h;
	BYTE block[SHA256_DIGEST_SIZE];
	size_t n;

	if (!a->err && (a->err = a->rng->fill(a->rng->ctx, dst, (DWORD)len)) == ERROR_SUCCESS)
		return;
	/* The source failed: the operation's result will be thrown away, but
	 * nettle's loops (blinding, prime search) must still end, so feed them
	 * distinct bytes. */
	while (len) {
		a->fallback++;
		sha256_init(&h);
		sha256_update(&h, sizeof(a->fallback), (const uint8_t *)&a->fallback);
		sha256_digest(&h, sizeof(block), block);
		n = len < sizeof(block) ? len : sizeof(block);
		memcpy(dst, block, n);
		dst += n;
		len -= n;
	}
}

/* --- objects -------------------------------------------------------------- */

static struct csp_rsa *rsa_new(void)
{
	struct csp_rsa *r;

	csp_rsa_init_allocator();
	if (!(r = calloc(1, sizeof(*r))))
		return NULL;
	if (!(r->blind = csp_rsa_blind_new())) {
		free(r);
		return NULL;
	}
	rsa_public_key_init(&r->pub);
	rsa_private_key_init(&r->priv);
	return r;
}

void csp_rsa_destroy(struct csp_rsa *r)
{
	if (!r)
		return;
	rsa_public_key_clear(&r->pub);
	rsa_private_key_clear(&r->priv);    /* the allocator wipes the limbs */
	csp_rsa_blind_free(r->blind);
	csp_wipe(r, sizeof(*r));
	free(r);
}

DWORD csp_rsa_generate(DWORD bits, const struct csp_random *rng, struct csp_rsa **out)
{
	struct csp_rsa_rng a = { rng, ERROR_SUCCESS, 0 };
	struct csp_rsa *r;

	if (bits % 8 || bits < 384)
		return NTE_BAD_FLAGS;
	if (!(r = rsa_new()))
		return NTE_NO_MEMORY;
	mpz_set_ui(r->pub.e, RSA_PUBEXP);
	if (!csp_rsa_keygen(&r->pub, &r->priv, bits, &a, csp_rsa_rng_fn) || a.err) {
		csp_rsa_destroy(r);
		return a.err ? a.err : NTE_FAIL;
	}
	r->bits = bits;
	r->has_private = TRUE;
	*out = r;
	return ERROR_SUCCESS;
}

DWORD csp_rsa_duplicate(const struct csp_rsa *r, struct csp_rsa **out)
{
	struct csp_rsa *d;

	if (!(d = rsa_new()))
		return NTE_NO_MEMORY;
	mpz_set(d->pub.n, r->pub.n);
	mpz_set(d->pub.e, r->pub.e);
	d->pub.size = r->pub.size;
	if (r->has_private) {
		mpz_set(d->priv.d, r->priv.d);
		mpz_set(d->priv.p, r->priv.p);
		mpz_set(d->priv.q, r->priv.q);
		mpz_set(d->priv.a, r->priv.a);
		mpz_set(d->priv.b, r->priv.b);
		mpz_set(d->priv.c, r->priv.c);
		d->priv.size = r->priv.size;
	}
	d->has_private = r->has_private;
	d->bits = r->bits;
	*out = d;
	return ERROR_SUCCESS;
}

/* --- little-endian numbers ----------------------------------------------- */

void csp_rsa_put_le(BYTE *out, DWORD size, const mpz_t x)
{
	size_t count = 0;

	memset(out, 0, size);
	if (mpz_sgn(x) && mpz_sizeinbase(x, 256) <= size)
		mpz_export(out, &count, -1, 1, 0, 0, x);
}

void csp_rsa_get_le(mpz_t x, const BYTE *in, DWORD size)
{
	mpz_import(x, size, -1, 1, 0, 0, in);
}

/* --- BLOB bodies ---------------------------------------------------------- */

/* RSAPUBKEY: magic, bitlen, pubexp; then modulus (n bytes) and, for RSA2,
 * prime1, prime2, exponent1, exponent2, coefficient (n/2 bytes each) and
 * the private exponent (n bytes). */
#define RSAPUBKEY_SIZE 12

static DWORD half(DWORD n) { return (n + 1) / 2; }

DWORD csp_rsa_public_blob_size(const struct csp_rsa *r)
{
	return RSAPUBKEY_SIZE + csp_rsa_bytes(r);
}

DWORD csp_rsa_private_blob_size(const struct csp_rsa *r)
{
	DWORD n = csp_rsa_bytes(r);

	return RSAPUBKEY_SIZE + 2 * n + 5 * half(n);
}

static void put_u32(BYTE *p, DWORD v)
{
	p[0] = (BYTE)v; p[1] = (BYTE)(v >> 8); p[2] = (BYTE)(v >> 16); p[3] = (BYTE)(v >> 24);
}

static DWORD get_u32(const BYTE *p)
{
	return p[0] | (DWORD)p[1] << 8 | (DWORD)p[2] << 16 | (DWORD)p[3] << 24;
}

static void write_head(const struct csp_rsa *r, BYTE *out, DWORD magic)
{
	put_u32(out, magic);
	put_u32(out + 4, r->bits);
	put_u32(out + 8, (DWORD)mpz_get_ui(r->pub.e));
}

void csp_rsa_write_public(const struct csp_rsa *r, BYTE *out)
{
	write_head(r, out, RSA1_MAGIC);
	csp_rsa_put_le(out + RSAPUBKEY_SIZE, csp_rsa_bytes(r), r->pub.n);
}

void csp_rsa_write_private(const struct csp_rsa *r, BYTE *out)
{
	DWORD n = csp_rsa_bytes(r), h = half(n);
	BYTE *p = out + RSAPUBKEY_SIZE;

	write_head(r, out, RSA2_MAGIC);
	csp_rsa_put_le(p, n, r->pub.n);          p += n;
	csp_rsa_put_le(p, h, r->priv.p);         p += h;
	csp_rsa_put_le(p, h, r->priv.q);         p += h;
	csp_rsa_put_le(p, h, r->priv.a);         p += h;
	csp_rsa_put_le(p, h, r->priv.b);         p += h;
	csp_rsa_put_le(p, h, r->priv.c);         p += h;
	csp_rsa_put_le(p, n, r->priv.d);
}

/* Common checks of RSAPUBKEY: magic, a whole number of bytes, the body
 * long enough, an odd public exponent > 1. */
static DWORD read_head(const BYTE *body, DWORD len, DWORD magic, DWORD *bits, DWORD *exp)
{
	if (len < RSAPUBKEY_SIZE || get_u32(body) != magic)
		return NTE_BAD_DATA;
	*bits = get_u32(body + 4);
	*exp = get_u32(body + 8);
	if (!*bits || *bits % 8 || *bits > 16384 || *exp < 3 || !(*exp & 1))
		return NTE_BAD_DATA;
	return ERROR_SUCCESS;
}

static DWORD finish_public(struct csp_rsa *r, DWORD bits, DWORD e)
{
	mpz_set_ui(r->pub.e, e);
	/* the modulus fills its last byte (Windows accepts leading zero bits,
	 * not bytes) and is odd: even moduli upset nettle */
	if (mpz_sizeinbase(r->pub.n, 256) != bits / 8 || !mpz_odd_p(r->pub.n) ||
	    !rsa_public_key_prepare(&r->pub))
		return NTE_BAD_DATA;
	r->bits = bits;
	return ERROR_SUCCESS;
}

DWORD csp_rsa_read_public(const BYTE *body, DWORD len, struct csp_rsa **out)
{
	struct csp_rsa *r;
	DWORD bits, e, err;

	if ((err = read_head(body, len, RSA1_MAGIC, &bits, &e)))
		return err;
	if (len - RSAPUBKEY_SIZE < bits / 8)
		return NTE_BAD_DATA;
	if (!(r = rsa_new()))
		return NTE_NO_MEMORY;
	csp_rsa_get_le(r->pub.n, body + RSAPUBKEY_SIZE, bits / 8);
	if ((err = finish_public(r, bits, e))) {
		csp_rsa_destroy(r);
		return err;
	}
	*out = r;
	return ERROR_SUCCESS;
}

/* n = p q with odd primes' parts, and the CRT values consistent with e:
 * nettle's private operations assume all of it. */
static BOOL private_consistent(struct csp_rsa *r)
{
	struct rsa_private_key *k = &r->priv;
	mpz_t t, m;
	BOOL ok;

	if (mpz_cmp_ui(k->p, 3) < 0 || mpz_cmp_ui(k->q, 3) < 0 || !mpz_odd_p(k->p) || !mpz_odd_p(k->q))
		return FALSE;
	mpz_init(t);
	mpz_init(m);
	mpz_mul(t, k->p, k->q);
	ok = !mpz_cmp(t, r->pub.n);
	/* e a = 1 mod p-1, e b = 1 mod q-1, c q = 1 mod p */
	mpz_sub_ui(m, k->p, 1);
	mpz_mul(t, r->pub.e, k->a);
	mpz_mod(t, t, m);
	ok = ok && !mpz_cmp_ui(t, 1) && mpz_cmp(k->a, m) < 0;
	mpz_sub_ui(m, k->q, 1);
	mpz_mul(t, r->pub.e, k->b);
	mpz_mod(t, t, m);
	ok = ok && !mpz_cmp_ui(t, 1) && mpz_cmp(k->b, m) < 0;
	mpz_mul(t, k->c, k->q);
	mpz_mod(t, t, k->p);
	ok = ok && !mpz_cmp_ui(t, 1) && mpz_cmp(k->c, k->p) < 0;
	mpz_clear(t);
	mpz_clear(m);
	return ok;
}

/* d = e^-1 mod (p-1)(q-1), for BLOBs that leave it out */
static DWORD recompute_d(struct csp_rsa *r)
{
	mpz_t phi, t;
	int ok;

	mpz_init(phi);
	mpz_init(t);
	mpz_sub_ui(phi, r->priv.p, 1);
	mpz_sub_ui(t, r->priv.q, 1);
	mpz_mul(phi, phi, t);
	ok = mpz_sgn(phi) > 0 && mpz_invert(r->priv.d, r->pub.e, phi);
	mpz_clear(phi);
	mpz_clear(t);
	return ok ? ERROR_SUCCESS : NTE_BAD_DATA;
}

DWORD csp_rsa_read_private(const BYTE *body, DWORD len, struct csp_rsa **out)
{
	struct csp_rsa *r;
	const BYTE *p = body + RSAPUBKEY_SIZE;
	DWORD bits, e, n, h, err;

	if ((err = read_head(body, len, RSA2_MAGIC, &bits, &e)))
		return err;
	n = bits / 8;
	h = half(n);
	/* the private exponent may be cut short or left out (Windows infers
	 * its length from the BLOB's); the CRT values are what count */
	if (len - RSAPUBKEY_SIZE < n + 5 * h)
		return NTE_BAD_DATA;
	if (!(r = rsa_new()))
		return NTE_NO_MEMORY;
	csp_rsa_get_le(r->pub.n, p, n);          p += n;
	csp_rsa_get_le(r->priv.p, p, h);         p += h;
	csp_rsa_get_le(r->priv.q, p, h);         p += h;
	csp_rsa_get_le(r->priv.a, p, h);         p += h;
	csp_rsa_get_le(r->priv.b, p, h);         p += h;
	csp_rsa_get_le(r->priv.c, p, h);         p += h;
	err = finish_public(r, bits, e);
	if (!err && len - RSAPUBKEY_SIZE >= 2 * n + 5 * h)
		csp_rsa_get_le(r->priv.d, p, n);
	else if (!err)
		err = recompute_d(r);
	if (!err && (!private_consistent(r) || !rsa_private_key_prepare(&r->priv) ||
		     r->priv.size != r->pub.size))
		err = NTE_BAD_DATA;
	if (err) {
		csp_rsa_destroy(r);
		return err;
	}
	r->has_private = TRUE;
	*out = r;
	return ERROR_SUCCESS;
}
