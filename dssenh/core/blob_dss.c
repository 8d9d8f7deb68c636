/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_dss.c - the bodies of DSS and Diffie-Hellman key BLOBs, versions 2
 * and 3, as one table of layouts: each kind is its magic and the items
 * that follow it in order - bit lengths (DWORDs), DSSSEED { DWORD
 * counter; BYTE seed[20]; }, and numbers, little-endian, each taking
 * (width + 7) / 8 bytes of one of the widths the bit lengths give:
 *   version 2 (DSSPUBKEY / DHPUBKEY: magic, bitlen of p)
 *     DSS1  p q g y seed      DSS2  p q g x seed     (q and x: 160 bits)
 *     DH1   y                 DH2   p g x            (all: bitlen)
 *   version 3 (DSSPUBKEY_VER3 / DSSPRIVKEY_VER3, DHPUBKEY_VER3 /
 *   DHPRIVKEY_VER3: magic, bitlenP, bitlenQ, bitlenJ, bitlenX for the
 *   private ones, then DSSSEED)
 *     DSS3, DH3  p q g j y    DSS4, DH4  p q g j y x
 *   g and y of bitlenP, j = (p - 1) / q.  A key without a q (a DH key
 *   whose group came without one) has bitlenQ = bitlenJ = 0 and neither
 *   number; bitlenX is the bit length of q, or of p without one.  Microsoft
 *   gives each number bitlen/8 bytes: the same for the multiples of 8
 *   (p, q, x), whole bytes for j, whose length seldom is one.
 * What a reader takes is checked whole: the exact length, p odd and of
 * bitlenP bits, 1 < g < p, 0 < y < p, 0 < x < q (or p - 1); y is computed
 * from x.  Version 3 also wants q of bitlenQ bits, odd, below p and the
 * order of g; j, when there, of bitlenJ bits with j q + 1 = p; x within
 * bitlenX bits; and a private BLOB's y equal to g^x mod p.
 */
#include <string.h>
#include "dss.h"
#include "../../rsaenh/core/rsa_rng.h"
#include "../../rsaenh/core/blobs.h"

enum number { N_P, N_Q, N_G, N_J, N_Y, N_X, N_COUNT };
enum width { W_P, W_Q, W_J, W_X, W_160, W_COUNT };
enum kind { K_END, K_BITS, K_SEED, K_NUMBER };

struct item {
	BYTE kind;
	BYTE number;     /* K_NUMBER: which */
	BYTE width;      /* K_BITS: the width it gives; K_NUMBER: the one it takes */
};

#define BITS(w)    { K_BITS, 0, w }
#define SEED       { K_SEED, 0, 0 }
#define NUM(n, w)  { K_NUMBER, n, w }

struct layout {
	DWORD magic;
	BYTE version;
	BOOL dh, private;
	struct item items[12];   /* up to K_END */
};

#define MAGIC(a, b, c, d) ((DWORD)(a) | (DWORD)(b) << 8 | (DWORD)(c) << 16 | (DWORD)(d) << 24)

/* version 3: the same items for DSS and DH */
#define PUBLIC3  BITS(W_P), BITS(W_Q), BITS(W_J), SEED, \
		 NUM(N_P, W_P), NUM(N_Q, W_Q), NUM(N_G, W_P), NUM(N_J, W_J), NUM(N_Y, W_P)
#define PRIVATE3 BITS(W_P), BITS(W_Q), BITS(W_J), BITS(W_X), SEED, \
		 NUM(N_P, W_P), NUM(N_Q, W_Q), NUM(N_G, W_P), NUM(N_J, W_J), NUM(N_Y, W_P), NUM(N_X, W_X)

static const struct layout layouts[] = {
	{ MAGIC('D', 'S', 'S', '1'), 2, FALSE, FALSE,
	  { BITS(W_P), NUM(N_P, W_P), NUM(N_Q, W_160), NUM(N_G, W_P), NUM(N_Y, W_P), SEED } },
	{ MAGIC('D', 'S', 'S', '2'), 2, FALSE, TRUE,
	  { BITS(W_P), NUM(N_P, W_P), NUM(N_Q, W_160), NUM(N_G, W_P), NUM(N_X, W_160), SEED } },
	{ MAGIC(0, 'D', 'H', '1'), 2, TRUE, FALSE, { BITS(W_P), NUM(N_Y, W_P) } },
	{ MAGIC(0, 'D', 'H', '2'), 2, TRUE, TRUE, { BITS(W_P), NUM(N_P, W_P), NUM(N_G, W_P), NUM(N_X, W_P) } },
	{ MAGIC('D', 'S', 'S', '3'), 3, FALSE, FALSE, { PUBLIC3 } },
	{ MAGIC('D', 'S', 'S', '4'), 3, FALSE, TRUE, { PRIVATE3 } },
	{ MAGIC(0, 'D', 'H', '3'), 3, TRUE, FALSE, { PUBLIC3 } },
	{ MAGIC(0, 'D', 'H', '4'), 3, TRUE, TRUE, { PRIVATE3 } },
};

#define SEED_SIZE (4 + CSP_DSS_Q_BYTES)
#define MAX_BITS (CSP_DSS_MAX_BYTES * 8)

static const struct layout *find_layout(BOOL dh, BOOL private, BYTE version)
{
	size_t i;

	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].dh == dh && layouts[i].private == private && layouts[i].version == version)
			return &layouts[i];
	return NULL;
}

static DWORD item_size(const struct item *it, const DWORD w[W_COUNT])
{
	switch (it->kind) {
	case K_BITS: return 4;
	case K_SEED: return SEED_SIZE;
	default: return (w[it->width] + 7) / 8;
	}
}

static DWORD bit_length(const mpz_t n)
{
	return mpz_sgn(n) ? (DWORD)mpz_sizeinbase(n, 2) : 0;
}

/* The numbers of d, in enum number's order, j in the caller's j. */
static void numbers(struct csp_dss *d, mpz_t j, __mpz_struct *n[N_COUNT])
{
	n[N_P] = d->params.p;
	n[N_Q] = d->params.q;
	n[N_G] = d->params.g;
	n[N_J] = j;
	n[N_Y] = d->y;
	n[N_X] = d->x;
}

/* --- writing ----------------------------------------------------------------- */

static DWORD write_body(const struct layout *l, const struct csp_dss *d, BYTE *out, DWORD *len)
{
	DWORD w[W_COUNT], need = 4, size, i;
	__mpz_struct *n[N_COUNT];
	const struct item *it;
	DWORD err = ERROR_SUCCESS;
	BYTE *p;
	mpz_t j;

	if (l->version > CUR_BLOB_VERSION && !mpz_sgn(d->params.p))
		return NTE_BAD_KEY_STATE;     /* a DH1 key: y alone, no group to show */
	mpz_init(j);
	numbers((struct csp_dss *)d, j, n);
	/* j only when q divides p - 1 (a group set through KP_P/KP_Q may not) */
	mpz_sub_ui(j, d->params.p, 1);
	if (mpz_sgn(d->params.q) && mpz_divisible_p(j, d->params.q))
		mpz_divexact(j, j, d->params.q);
	else
		mpz_set_ui(j, 0);
	w[W_P] = d->bits;
	w[W_Q] = bit_length(d->params.q);
	w[W_J] = bit_length(j);
	w[W_X] = w[W_Q] ? w[W_Q] : d->bits;
	w[W_160] = 160;
	for (it = l->items; it->kind != K_END; it++)
		need += item_size(it, w);
	if (out && *len < need)
		err = ERROR_MORE_DATA;
	else if (out) {
		csp_put_u32(out, l->magic);
		for (p = out + 4, i = 0; l->items[i].kind != K_END; i++, p += size) {
			it = &l->items[i];
			size = item_size(it, w);
			if (it->kind == K_BITS)
				csp_put_u32(p, w[it->width]);
			else if (it->kind == K_SEED) {
				csp_put_u32(p, d->counter);
				memcpy(p + 4, d->seed, CSP_DSS_Q_BYTES);
			} else
				csp_rsa_put_le(p, size, n[it->number]);
		}
	}
	*len = need;
	mpz_clear(j);
	return err;
}

DWORD csp_dss_write_body(const struct csp_dss *d, BOOL dh, BOOL private, BYTE version, BYTE *out, DWORD *len)
{
	const struct layout *l = find_layout(dh, private, version);

	if (!l)
		return NTE_BAD_FLAGS;
	if (private && !d->has_private)
		return NTE_BAD_KEY;
	return write_body(l, d, out, len);
}

DWORD csp_dss_write_public(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(d, dh, FALSE, CUR_BLOB_VERSION, out, len);
}

DWORD csp_dss_write_private(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(d, dh, TRUE, CUR_BLOB_VERSION, out, len);
}

/* --- reading ----------------------------------------------------------------- */

/* Version 3's group: q of bitlenQ bits, odd, below p, the order of g;
 * none (bitlenQ 0) only for DH, and then no j; j of bitlenJ bits with
 * j q + 1 = p. */
static BOOL group3_sound(const struct csp_dss *d, const mpz_t j, const DWORD w[W_COUNT])
{
	const __mpz_struct *p = d->params.p, *q = d->params.q, *g = d->params.g;
	mpz_t t;
	BOOL ok;

	if (!w[W_Q])
		return !w[W_J];
	if (bit_length(q) != w[W_Q] || mpz_even_p(q) || mpz_cmp(q, p) >= 0)
		return FALSE;
	if (w[W_J] && bit_length(j) != w[W_J])
		return FALSE;
	mpz_init(t);
	mpz_powm(t, g, q, p);   /* public numbers only */
	ok = mpz_cmp_ui(t, 1) == 0;
	if (ok && w[W_J]) {
		mpz_mul(t, j, q);
		mpz_add_ui(t, t, 1);
		ok = mpz_cmp(t, p) == 0;
	}
	mpz_clear(t);
	return ok;
}

/* The group and key a reader took are sound (see the header comment). */
static BOOL sound(const struct layout *l, const struct csp_dss *d, const mpz_t j, const DWORD w[W_COUNT])
{
	const __mpz_struct *p = d->params.p, *q = d->params.q, *g = d->params.g;
	BOOL v3 = l->version > CUR_BLOB_VERSION;
	mpz_t limit;
	BOOL ok;

	if (!d->bits || d->bits % 8)
		return FALSE;
	if (l->dh && !l->private && !v3)
		return mpz_cmp_ui(d->y, 1) > 0;       /* DH1: y alone */
	if (bit_length(p) != d->bits || mpz_even_p(p) || mpz_cmp_ui(g, 1) <= 0 || mpz_cmp(g, p) >= 0)
		return FALSE;
	if (!l->dh && (bit_length(q) != 160 || mpz_even_p(q)))
		return FALSE;
	if (v3 && !group3_sound(d, j, w))
		return FALSE;
	if ((!l->private || v3) && (mpz_sgn(d->y) <= 0 || mpz_cmp(d->y, p) >= 0))
		return FALSE;
	if (!l->private)
		return TRUE;
	mpz_init(limit);
	if (mpz_sgn(q))
		mpz_set(limit, q);
	else
		mpz_sub_ui(limit, p, 1);
	ok = mpz_sgn(d->x) > 0 && mpz_cmp(d->x, limit) < 0;
	if (v3)
		ok = ok && w[W_X] <= bit_length(mpz_sgn(q) ? q : p) && bit_length(d->x) <= w[W_X];
	mpz_clear(limit);
	return ok;
}

static DWORD read_body(const struct layout *l, const BYTE *body, DWORD len, struct csp_dss **out)
{
	DWORD w[W_COUNT] = { 0, 0, 0, 0, 160 }, off = 4, size, err = NTE_BAD_DATA;
	__mpz_struct *n[N_COUNT];
	const struct item *it;
	struct csp_dss *d;
	mpz_t j, y;

	if (len < 4 || csp_get_u32(body) != l->magic)
		return NTE_BAD_DATA;
	if (!(d = csp_dss_new()))
		return NTE_NO_MEMORY;
	mpz_init(j);
	mpz_init(y);
	numbers(d, j, n);
	for (it = l->items; it->kind != K_END; it++, off += size) {
		size = item_size(it, w);
		if (len - off < size)
			goto done;
		if (it->kind == K_BITS) {
			if ((w[it->width] = csp_get_u32(body + off)) > MAX_BITS)
				goto done;
		} else if (it->kind == K_SEED) {
			d->counter = csp_get_u32(body + off);
			memcpy(d->seed, body + off + 4, CSP_DSS_Q_BYTES);
		} else
			csp_rsa_get_le(n[it->number], body + off, size);
	}
	d->bits = w[W_P];
	if (off != len || !sound(l, d, j, w))
		goto done;
	if (l->private) {
		/* y from x; version 3 carries it too, and they must agree */
		mpz_powm_sec(y, d->params.g, d->x, d->params.p);
		if (l->version > CUR_BLOB_VERSION && mpz_cmp(y, d->y))
			goto done;
		mpz_swap(y, d->y);
		d->has_private = TRUE;
	}
	err = ERROR_SUCCESS;
done:
	mpz_clear(y);
	mpz_clear(j);
	if (err)
		csp_dss_destroy(d);
	else
		*out = d;
	return err;
}

DWORD csp_dss_read_body(const BYTE *body, DWORD len, BOOL dh, BOOL private, BYTE version, struct csp_dss **out)
{
	const struct layout *l = find_layout(dh, private, version);

	return l ? read_body(l, body, len, out) : NTE_BAD_DATA;
}

DWORD csp_dss_read_public(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out)
{
	return csp_dss_read_body(body, len, dh, FALSE, CUR_BLOB_VERSION, out);
}

DWORD csp_dss_read_private(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out)
{
	return csp_dss_read_body(body, len, dh, TRUE, CUR_BLOB_VERSION, out);
}
