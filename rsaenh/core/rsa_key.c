/*
 * rsa_key.c - key objects around RSA key pairs: creation, KP_* parameters
 * (algorithm, lengths, permissions; no IV, mode or salt), and encryption
 * with a key exchange key.
 */
#include <stdlib.h>
#include <string.h>
#include "rsa_key.h"
#include "params.h"

DWORD csp_rsa_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	DWORD b = requested_bits ? requested_bits : row->default_bits;

	if (b % 8 || b < row->min_bits || b > row->max_bits)
		return NTE_BAD_FLAGS;
	*bits = b;
	return ERROR_SUCCESS;
}

DWORD csp_key_from_rsa(const struct csp_alg *alg, struct csp_rsa *rsa, DWORD gen_flags,
		       struct csp_key **out)
{
	struct csp_key *k;

	if (!csp_alg_is_rsa(alg)) {
		csp_rsa_destroy(rsa);
		return NTE_BAD_ALGID;
	}
	if (!(k = calloc(1, sizeof(*k)))) {
		csp_rsa_destroy(rsa);
		return NTE_NO_MEMORY;
	}
	k->alg = alg;
	k->alloc_size = sizeof(*k);
	k->rsa = rsa;
	k->permissions = CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC;
	if (gen_flags & CRYPT_EXPORTABLE)
		k->permissions |= CRYPT_EXPORT;
	*out = k;
	return ERROR_SUCCESS;
}

DWORD csp_rsa_key_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len)
{
	DWORD v;

	switch (param) {
	case KP_ALGID:
		v = k->alg->id;
		break;
	case KP_KEYLEN:
	case KP_BLOCKLEN:      /* one block is the whole modulus */
		v = k->rsa->bits;
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

DWORD csp_rsa_key_set_param(struct csp_key *k, DWORD param, const BYTE *data)
{
	DWORD perms;

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

DWORD csp_rsa_key_encrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len, DWORD buflen)
{
	DWORD size = csp_rsa_bytes(k->rsa);

	if (k->alg->id != CALG_RSA_KEYX)
		return NTE_BAD_KEY;      /* signature keys do not encrypt */
	if (!data) {
		*len = size;
		return ERROR_SUCCESS;
	}
	if (buflen < size) {
		*len = size;
		return ERROR_MORE_DATA;
	}
	if (*len > csp_rsa_max_message(k->rsa, (flags & CRYPT_OAEP) != 0))
		return NTE_BAD_LEN;
	if ((flags = csp_rsa_encrypt(k->rsa, (flags & CRYPT_OAEP) != 0, rng, data, *len)))
		return flags;
	*len = size;
	return ERROR_SUCCESS;
}

DWORD csp_rsa_key_decrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len)
{
	if (k->alg->id != CALG_RSA_KEYX)
		return NTE_BAD_KEY;
	if (!k->rsa->has_private)
		return NTE_NO_KEY;
	if (*len != csp_rsa_bytes(k->rsa))
		return NTE_BAD_DATA;
	return csp_rsa_decrypt(k->rsa, (flags & CRYPT_OAEP) != 0, rng, data, len);
}
