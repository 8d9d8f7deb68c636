/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dss_key.c - DSS and Diffie-Hellman pairs as key objects: the pair
 * descriptors of CALG_DSS_SIGN and of CALG_DH_SF / CALG_DH_EPHEM
 * (rsaenh/core/pair.h) over dss.c and blob_dss.c, their key lengths, and
 * their parameters: KP_P, KP_Q, KP_G read back, and for a key made with
 * CRYPT_PREGEN, KP_P, KP_G (and KP_Q) set before KP_X makes the private
 * value, checked together then.
 */
#include <string.h>
#include "dss_key.h"
#include "../../rsaenh/core/params.h"
#include "../../rsaenh/core/rsa_rng.h"

#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER ((DWORD)0xC000000D)
#endif
#define STEP 64

/* --- lengths ---------------------------------------------------------------- */

/* DSS: outside min..max is NTE_BAD_FLAGS, off the 64-bit step inside it
 * the NTSTATUS Windows' provider passes on from its generator. */
static DWORD dss_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	DWORD b = requested_bits ? requested_bits : row->default_bits;

	if (b < row->min_bits || b > row->max_bits)
		return NTE_BAD_FLAGS;
	if (b % STEP)
		return STATUS_INVALID_PARAMETER;
	*bits = b;
	return ERROR_SUCCESS;
}

static DWORD dh_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	return csp_pair_length_step(row, requested_bits, STEP, bits);
}

/* --- what both families share ------------------------------------------------ */

static DWORD dss_duplicate(const void *pair, void **out)
{
	return csp_dss_duplicate(pair, (struct csp_dss **)out);
}

static void dss_destroy(void *pair)
{
	csp_dss_destroy(pair);
}

static DWORD dss_bits(const void *pair)
{
	return ((const struct csp_dss *)pair)->bits;
}

static BOOL dss_has_private(const void *pair)
{
	return ((const struct csp_dss *)pair)->has_private;
}

static BOOL dss_ready(const void *pair)
{
	return mpz_sgn(((const struct csp_dss *)pair)->y) != 0;
}

/* KP_P, KP_Q, KP_G: the group's numbers, little-endian. */
static DWORD get_group(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len)
{
	const struct csp_dss *d = k->pair;
	BYTE value[CSP_DSS_MAX_BYTES];
	const __mpz_struct *n;
	DWORD size = d->bits / 8;

	switch (param) {
	case KP_P: n = d->params.p; break;
	case KP_G: n = d->params.g; break;
	case KP_Q: n = d->params.q; size = CSP_DSS_Q_BYTES; break;
	default: return NTE_BAD_TYPE;
	}
	if (!mpz_sgn(n))
		return NTE_BAD_KEY_STATE;    /* a CRYPT_PREGEN key without its group yet */
	if (mpz_sizeinbase(n, 256) > size)
		size = (DWORD)mpz_sizeinbase(n, 256);
	csp_rsa_put_le(value, size, n);
	return csp_copy_out(data, len, value, size);
}

/* --- DSS ------------------------------------------------------------------- */

static DWORD dss_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
			  const struct csp_random *rng, void **out)
{
	return csp_dss_generate(bits, rng, (struct csp_dss **)out);
}

static DWORD dss_sig_size(const void *pair)
{
	return CSP_DSS_SIG_BYTES;
}

/* DSS signs SHA-1 values only. */
static DWORD dss_sign(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		      DWORD flags, const struct csp_random *rng, BYTE *sig)
{
	if (hash_alg != CALG_SHA || digest_len != CSP_DSS_Q_BYTES)
		return NTE_BAD_HASH;
	return csp_dss_sign(pair, digest, rng, sig);
}

static DWORD dss_verify(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
			DWORD flags, const BYTE *sig, DWORD sig_len)
{
	if (hash_alg != CALG_SHA || digest_len != CSP_DSS_Q_BYTES)
		return NTE_BAD_HASH;
	if (sig_len != CSP_DSS_SIG_BYTES)
		return NTE_BAD_SIGNATURE;
	return csp_dss_verify(pair, digest, sig);
}

static DWORD dss_write_public(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(pair, FALSE, FALSE, version, out, len);
}

static DWORD dss_write_private(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(pair, FALSE, TRUE, version, out, len);
}

static DWORD dss_read_public(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_dss_read_body(body, len, FALSE, FALSE, version, (struct csp_dss **)out);
}

static DWORD dss_read_private(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_dss_read_body(body, len, FALSE, TRUE, version, (struct csp_dss **)out);
}

static DWORD dss_set_param(struct csp_key *k, DWORD param, const BYTE *data)
{
	switch (param) {
	case KP_P: case KP_Q: case KP_G: case KP_X:
		return NTE_FIXEDPARAMETER;   /* a DSS key's group is its own */
	}
	return NTE_BAD_TYPE;
}

const struct csp_pair_ops csp_pair_dss = {
	.length = dss_length,
	.generate = dss_generate,
	.duplicate = dss_duplicate,
	.destroy = dss_destroy,
	.bits = dss_bits,
	.has_private = dss_has_private,
	.ready = dss_ready,
	.sig_size = dss_sig_size,
	.sign = dss_sign,
	.verify = dss_verify,
	.write_public = dss_write_public,
	.write_private = dss_write_private,
	.read_public = dss_read_public,
	.read_private = dss_read_private,
	.blob_version = 3,
	.get_param = get_group,
	.set_param = dss_set_param,
};

/* --- Diffie-Hellman --------------------------------------------------------- */

/* A generated group and key, or with CRYPT_PREGEN an empty key of bits
 * waiting for KP_P, KP_G and KP_X. */
static DWORD dh_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
			 const struct csp_random *rng, void **out)
{
	struct csp_dss *d;

	if (!(gen_flags & CRYPT_PREGEN))
		return csp_dh_generate(bits, rng, (struct csp_dss **)out);
	if (!(d = csp_dss_new()))
		return NTE_NO_MEMORY;
	d->bits = bits;
	d->rng = rng;
	*out = d;
	return ERROR_SUCCESS;
}

static DWORD dh_sig_size(const void *pair)
{
	return 0;
}

static DWORD dh_write_public(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(pair, TRUE, FALSE, version, out, len);
}

static DWORD dh_write_private(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return csp_dss_write_body(pair, TRUE, TRUE, version, out, len);
}

static DWORD dh_read_public(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_dss_read_body(body, len, TRUE, FALSE, version, (struct csp_dss **)out);
}

static DWORD dh_read_private(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_dss_read_body(body, len, TRUE, TRUE, version, (struct csp_dss **)out);
}

/* The peer's value must be one of our group: of its length, and where its
 * BLOB gave a group (version 3), of the same p and g. */
static DWORD dh_agree(const void *own, const void *peer_pair, BYTE *secret, DWORD *secret_len)
{
	const struct csp_dss *d = own, *peer = peer_pair;
	DWORD err;

	if (peer->bits != d->bits || *secret_len < d->bits / 8)
		return NTE_BAD_DATA;
	if (mpz_sgn(peer->params.p) &&
	    (mpz_cmp(peer->params.p, d->params.p) || mpz_cmp(peer->params.g, d->params.g)))
		return NTE_BAD_DATA;
	if (!(err = csp_dh_agree(d, peer->y, secret)))
		*secret_len = d->bits / 8;
	return err;
}

/* A number from a CRYPT_DATA_BLOB (little-endian, at most bits/8 bytes). */
static DWORD blob_number(const struct csp_dss *d, const BYTE *data, mpz_t n)
{
	CRYPT_DATA_BLOB blob;

	memcpy(&blob, data, sizeof(blob));
	if (!blob.cbData || blob.cbData > d->bits / 8 || !blob.pbData)
		return NTE_BAD_DATA;
	csp_rsa_get_le(n, blob.pbData, blob.cbData);
	return ERROR_SUCCESS;
}

/* The group set through KP_P/KP_G/KP_Q fits together: p odd of the key's
 * length, 1 < g < p, and with a q, 1 < q < p and g of order q. */
static BOOL group_sound(const struct csp_dss *d)
{
	mpz_t t;
	BOOL ok;

	if (mpz_sizeinbase(d->params.p, 2) != d->bits || mpz_even_p(d->params.p) ||
	    mpz_cmp_ui(d->params.g, 1) <= 0 || mpz_cmp(d->params.g, d->params.p) >= 0)
		return FALSE;
	if (!mpz_sgn(d->params.q))
		return TRUE;
	if (mpz_cmp_ui(d->params.q, 1) <= 0 || mpz_cmp(d->params.q, d->params.p) >= 0)
		return FALSE;
	mpz_init(t);
	mpz_powm(t, d->params.g, d->params.q, d->params.p);   /* public numbers only */
	ok = mpz_cmp_ui(t, 1) == 0;
	mpz_clear(t);
	return ok;
}

/* KP_X: NULL makes a private value, a CRYPT_DATA_BLOB gives one. */
static DWORD set_private(struct csp_dss *d, const BYTE *data)
{
	mpz_t limit;
	DWORD err;

	if (!group_sound(d))
		return NTE_BAD_DATA;
	if (!data)
		return d->rng ? csp_dh_make_private(d, d->rng) : NTE_FAIL;
	if ((err = blob_number(d, data, d->x)))
		return err;
	mpz_init(limit);
	if (mpz_sgn(d->params.q))
		mpz_set(limit, d->params.q);
	else
		mpz_sub_ui(limit, d->params.p, 1);
	err = (mpz_sgn(d->x) > 0 && mpz_cmp(d->x, limit) < 0) ? ERROR_SUCCESS : NTE_BAD_DATA;
	mpz_clear(limit);
	if (err) {
		mpz_set_ui(d->x, 0);
		return err;
	}
	mpz_powm_sec(d->y, d->params.g, d->x, d->params.p);
	d->has_private = TRUE;
	return ERROR_SUCCESS;
}

static DWORD dh_set_param(struct csp_key *k, DWORD param, const BYTE *data)
{
	struct csp_dss *d = k->pair;
	__mpz_struct *n;

	switch (param) {
	case KP_P: n = d->params.p; break;
	case KP_G: n = d->params.g; break;
	case KP_Q: n = d->params.q; break;
	case KP_X: n = NULL; break;
	default: return NTE_BAD_TYPE;
	}
	/* the group is settable only on a CRYPT_PREGEN key, until KP_X */
	if (dss_ready(d))
		return NTE_FIXEDPARAMETER;
	if (!n)
		return set_private(d, data);
	if (!data)
		return ERROR_INVALID_PARAMETER;
	return blob_number(d, data, n);
}

const struct csp_pair_ops csp_pair_dh = {
	.length = dh_length,
	.generate = dh_generate,
	.duplicate = dss_duplicate,
	.destroy = dss_destroy,
	.bits = dss_bits,
	.has_private = dss_has_private,
	.ready = dss_ready,
	.sig_size = dh_sig_size,
	.write_public = dh_write_public,
	.write_private = dh_write_private,
	.read_public = dh_read_public,
	.read_private = dh_read_private,
	.blob_version = 3,
	.agree = dh_agree,
	.get_param = get_group,
	.set_param = dh_set_param,
};
