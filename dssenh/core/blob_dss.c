/*
 * blob_dss.c - the bodies of DSS and Diffie-Hellman key BLOBs (version 2),
 * each a magic and a bit length (DSSPUBKEY / DHPUBKEY), then numbers
 * little-endian, as one layout table per kind:
 *   DSS1  p q g y seed      DSS2  p q g x seed     (q and x: 20 bytes)
 *   DH1   y                 DH2   p g x            (all: bitlen/8 bytes)
 * seed is DSSSEED { DWORD counter; BYTE seed[20]; }.  What a reader takes
 * is checked whole: the exact length, p odd and of bitlen bits, 1 < g < p,
 * 0 < y < p, 0 < x < q (or p - 1); y is computed from x.
 */
#include <string.h>
#include "dss.h"
#include "../../rsaenh/core/rsa_rng.h"
#include "../../rsaenh/core/blobs.h"

enum field { F_P, F_Q, F_G, F_Y, F_X, F_SEED, F_END };

struct layout {
	DWORD magic;
	enum field fields[6];
};

#define MAGIC(a, b, c, d) ((DWORD)(a) | (DWORD)(b) << 8 | (DWORD)(c) << 16 | (DWORD)(d) << 24)

static const struct layout dss_public = { MAGIC('D', 'S', 'S', '1'), { F_P, F_Q, F_G, F_Y, F_SEED, F_END } };
static const struct layout dss_private = { MAGIC('D', 'S', 'S', '2'), { F_P, F_Q, F_G, F_X, F_SEED, F_END } };
static const struct layout dh_public = { MAGIC(0, 'D', 'H', '1'), { F_Y, F_END } };
static const struct layout dh_private = { MAGIC(0, 'D', 'H', '2'), { F_P, F_G, F_X, F_END } };

#define SEED_SIZE (4 + CSP_DSS_Q_BYTES)

static DWORD field_size(enum field f, DWORD n, BOOL dh)
{
	switch (f) {
	case F_Q: return CSP_DSS_Q_BYTES;
	case F_X: return dh ? n : CSP_DSS_Q_BYTES;
	case F_SEED: return SEED_SIZE;
	default: return n;
	}
}

static DWORD body_size(const struct layout *l, DWORD n, BOOL dh)
{
	DWORD size = 8, i;

	for (i = 0; l->fields[i] != F_END; i++)
		size += field_size(l->fields[i], n, dh);
	return size;
}

static const __mpz_struct *number(const struct csp_dss *d, enum field f)
{
	switch (f) {
	case F_P: return d->params.p;
	case F_Q: return d->params.q;
	case F_G: return d->params.g;
	case F_Y: return d->y;
	default: return d->x;
	}
}

static DWORD write_body(const struct layout *l, const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len)
{
	DWORD n = d->bits / 8, need = body_size(l, n, dh), i, size;
	BYTE *p;

	if (!out) {
		*len = need;
		return ERROR_SUCCESS;
	}
	if (*len < need) {
		*len = need;
		return ERROR_MORE_DATA;
	}
	p = out + 8;
	csp_put_u32(out, l->magic);
	csp_put_u32(out + 4, d->bits);
	for (i = 0; l->fields[i] != F_END; i++, p += size) {
		size = field_size(l->fields[i], n, dh);
		if (l->fields[i] == F_SEED) {
			csp_put_u32(p, d->counter);
			memcpy(p + 4, d->seed, CSP_DSS_Q_BYTES);
		} else
			csp_rsa_put_le(p, size, number(d, l->fields[i]));
	}
	*len = need;
	return ERROR_SUCCESS;
}

DWORD csp_dss_write_public(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len)
{
	return write_body(dh ? &dh_public : &dss_public, d, dh, out, len);
}

DWORD csp_dss_write_private(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len)
{
	if (!d->has_private)
		return NTE_BAD_KEY;
	return write_body(dh ? &dh_private : &dss_private, d, dh, out, len);
}

/* The group and key a reader took are sound (see the header comment). */
static BOOL sound(const struct csp_dss *d, const struct layout *l, BOOL dh)
{
	mpz_t limit;
	BOOL ok;

	if (l == &dh_public)
		return mpz_cmp_ui(d->y, 1) > 0;
	if (mpz_sizeinbase(d->params.p, 2) != d->bits || mpz_even_p(d->params.p) ||
	    mpz_cmp_ui(d->params.g, 1) <= 0 || mpz_cmp(d->params.g, d->params.p) >= 0)
		return FALSE;
	if (!dh && (mpz_sizeinbase(d->params.q, 2) != 160 || mpz_even_p(d->params.q)))
		return FALSE;
	if (l == &dss_public)
		return mpz_sgn(d->y) > 0 && mpz_cmp(d->y, d->params.p) < 0;
	mpz_init(limit);
	if (dh)
		mpz_sub_ui(limit, d->params.p, 1);
	else
		mpz_set(limit, d->params.q);
	ok = mpz_sgn(d->x) > 0 && mpz_cmp(d->x, limit) < 0;
	mpz_clear(limit);
	return ok;
}

static DWORD read_body(const struct layout *l, const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out)
{
	DWORD bits, n, i, size;
	const BYTE *p = body + 8;
	struct csp_dss *d;

	if (len < 8 || csp_get_u32(body) != l->magic)
		return NTE_BAD_DATA;
	bits = csp_get_u32(body + 4);
	if (!bits || bits % 8 || bits > CSP_DSS_MAX_BYTES * 8)
		return NTE_BAD_DATA;
	n = bits / 8;
	if (len != body_size(l, n, dh))
		return NTE_BAD_DATA;
	if (!(d = csp_dss_new()))
		return NTE_NO_MEMORY;
	d->bits = bits;
	for (i = 0; l->fields[i] != F_END; i++, p += size) {
		size = field_size(l->fields[i], n, dh);
		if (l->fields[i] == F_SEED) {
			d->counter = csp_get_u32(p);
			memcpy(d->seed, p + 4, CSP_DSS_Q_BYTES);
		} else
			csp_rsa_get_le((__mpz_struct *)number(d, l->fields[i]), p, size);
	}
	if (!sound(d, l, dh)) {
		csp_dss_destroy(d);
		return NTE_BAD_DATA;
	}
	if (l == &dss_private || l == &dh_private) {
		mpz_powm_sec(d->y, d->params.g, d->x, d->params.p);
		d->has_private = TRUE;
	}
	*out = d;
	return ERROR_SUCCESS;
}

DWORD csp_dss_read_public(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out)
{
	return read_body(dh ? &dh_public : &dss_public, body, len, dh, out);
}

DWORD csp_dss_read_private(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out)
{
	return read_body(dh ? &dh_private : &dss_private, body, len, dh, out);
}
