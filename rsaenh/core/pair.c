/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pair.c - what every key pair object shares, whatever its family:
 * creation around a pair, generation under a profile row, the length
 * rule, and the KP_* parameters common to pairs (algorithm, lengths,
 * permissions; no IV, mode or salt).
 */
#include <stdlib.h>
#include <string.h>
#include "pair.h"
#include "params.h"

DWORD csp_key_from_pair(const struct csp_alg *alg, void *pair, DWORD gen_flags, struct csp_key **out)
{
	const struct csp_pair_ops *ops = csp_alg_pair(alg);
	struct csp_key *k;

	if (!ops)
		return NTE_BAD_ALGID;
	if (!(k = calloc(1, sizeof(*k)))) {
		ops->destroy(pair);
		return NTE_NO_MEMORY;
	}
	k->alg = alg;
	k->alloc_size = sizeof(*k);
	k->pair = pair;
	k->permissions = CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC;
	if (gen_flags & CRYPT_EXPORTABLE)
		k->permissions |= CRYPT_EXPORT;
	*out = k;
	return ERROR_SUCCESS;
}

DWORD csp_pair_generate(const struct csp_alg *alg, const struct csp_profile_alg *offer, DWORD flags,
			const struct csp_random *rng, struct csp_key **out)
{
	const struct csp_pair_ops *ops = csp_alg_pair(alg);
	void *pair;
	DWORD bits, err;

	if (!ops || !offer)
		return NTE_BAD_ALGID;
	if ((err = ops->length(offer, HIWORD(flags), &bits)) ||
	    (err = ops->generate(alg, bits, LOWORD(flags), rng, &pair)))
		return err;
	return csp_key_from_pair(alg, pair, LOWORD(flags), out);
}

DWORD csp_pair_length_step(const struct csp_profile_alg *row, DWORD requested_bits, DWORD step, DWORD *bits)
{
	DWORD b = requested_bits ? requested_bits : row->default_bits;

	if (b % step || b < row->min_bits || b > row->max_bits)
		return NTE_BAD_FLAGS;
	*bits = b;
	return ERROR_SUCCESS;
}

DWORD csp_pair_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len)
{
	const struct csp_pair_ops *ops = k->alg->pair;
	DWORD v, err;

	if (ops->get_param && (err = ops->get_param(k, param, data, len)) != (DWORD)NTE_BAD_TYPE)
		return err;
	switch (param) {
	case KP_ALGID:
		v = k->alg->id;
		break;
	case KP_KEYLEN:
	case KP_BLOCKLEN:      /* one block is the whole modulus */
		v = ops->bits(k->pair);
		break;
	case KP_PERMISSIONS:
		v = k->permissions;
		break;
	case KP_SALT:
		return NTE_BAD_KEY;    /* key pairs have no salt */
	default:
		return NTE_BAD_TYPE;
	}
	return csp_copy_out(data, len, &v, sizeof(v));
}

DWORD csp_pair_set_param(struct csp_key *k, DWORD param, const BYTE *data)
{
	const struct csp_pair_ops *ops = k->alg->pair;
	DWORD perms, err;

	if (ops->set_param && (err = ops->set_param(k, param, data)) != (DWORD)NTE_BAD_TYPE)
		return err;
	if (!data)
		return ERROR_INVALID_PARAMETER;
	switch (param) {
	case KP_PERMISSIONS:
		memcpy(&perms, data, sizeof(perms));
		/* as for session keys: export can be neither granted nor dropped */
		if ((perms & CRYPT_EXPORT) && !(k->permissions & CRYPT_EXPORT))
			return NTE_BAD_DATA;
		k->permissions = perms | (k->permissions & CRYPT_EXPORT);
		return ERROR_SUCCESS;
	case KP_SALT:
		return NTE_BAD_KEY;
	}
	return NTE_BAD_TYPE;
}
