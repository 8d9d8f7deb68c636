/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash_key.c - CryptHashSessionKey: a session key's bytes fed to a hash.
 * Windows feeds them most significant byte first (reversed) unless the
 * caller asks for CRYPT_LITTLE_ENDIAN.
 */
#include "hash_key.h"
#include "wipe.h"

DWORD csp_hash_session_key(struct csp_hash *h, const struct csp_key *k, DWORD flags)
{
	BYTE bytes[CSP_MAX_KEY];
	DWORD i, err;

	if (!k->alg->cipher)
		return NTE_BAD_KEY;       /* only session keys of a cipher */
	if (flags & ~CRYPT_LITTLE_ENDIAN)
		return NTE_BAD_FLAGS;
	for (i = 0; i < k->key_len; i++)
		bytes[i] = (flags & CRYPT_LITTLE_ENDIAN) ? k->key[i] : k->key[k->key_len - 1 - i];
	err = csp_hash_update(h, bytes, k->key_len);
	csp_wipe(bytes, sizeof(bytes));
	return err;
}
