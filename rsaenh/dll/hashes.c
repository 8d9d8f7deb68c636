/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hashes.c - the hash exports: CPCreateHash (keyed ones too: MAC, HMAC),
 * CPHashData, CPGetHashParam, CPSetHashParam, CPDestroyHash,
 * CPDuplicateHash, CPHashSessionKey, and the signatures CPSignHash (with
 * the container's key pair) and CPVerifySignature, through the pair's
 * descriptor (core/pair.h).
 */
#include "objects.h"
#include "../core/params.h"
#include "../core/hash_key.h"
#include "../core/pair.h"

#ifndef CRYPT_USERDATA
#define CRYPT_USERDATA 1
#endif

BOOL WINAPI impl_CPCreateHash(HCRYPTPROV prov, ALG_ID alg, HCRYPTKEY key, DWORD flags, HCRYPTHASH *hash)
{
	struct csp_hash *core = NULL;
	struct key_obj *k = NULL;
	struct prov_obj *p;
	const struct csp_alg *row;
	DWORD err;
	HCRYPTHASH h;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	row = csp_profile_offer(p->st.profile, alg) ? csp_alg_find(alg) : NULL;
	handle_put(&p->head);
	if (!row || !row->hash_ops)
		return csp_result(NTE_BAD_ALGID);
	if (flags)
		return csp_result(NTE_BAD_FLAGS);
	/* keyed hashes (MAC, HMAC, SChannel) copy their key now */
	if (row->hash_ops->keyed && !(k = key_get(prov, key)))
		return csp_result(NTE_BAD_KEY);
	if (!hash)
		err = ERROR_INVALID_PARAMETER;
	else {
		if (k)
			object_lock(&k->head);
		err = csp_hash_create(row, k ? k->key : NULL, &core);
		if (k)
			object_unlock(&k->head);
	}
	if (k)
		handle_put(&k->head);
	if (err)
		return csp_result(err);
	if (!(h = hash_handle_new(prov, core)))
		return csp_result(NTE_NO_MEMORY);
	*hash = h;
	return TRUE;
}

BOOL WINAPI impl_CPHashData(HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *data, DWORD len, DWORD flags)
{
	struct hash_obj *h;
	DWORD err;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (flags & ~CRYPT_USERDATA)
		return csp_result(NTE_BAD_FLAGS);
	if (!(h = hash_get(prov, hash)))
		return csp_result(NTE_BAD_HASH);
	if (len && !data)
		err = ERROR_INVALID_PARAMETER;
	else {
		object_lock(&h->head);
		err = csp_hash_update(h->hash, data, len);
		object_unlock(&h->head);
	}
	handle_put(&h->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPGetHashParam(HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, BYTE *data, DWORD *len,
			   DWORD flags)
{
	struct hash_obj *h;
	DWORD err;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (flags)
		return csp_result(NTE_BAD_FLAGS);
	if (!(h = hash_get(prov, hash)))
		return csp_result(NTE_BAD_HASH);
	if (!len)
		err = ERROR_INVALID_PARAMETER;
	else {
		object_lock(&h->head);
		err = csp_hash_get_param(h->hash, param, data, len);
		object_unlock(&h->head);
	}
	handle_put(&h->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPSetHashParam(HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, const BYTE *data, DWORD flags)
{
	struct hash_obj *h;
	DWORD err;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (flags)
		return csp_result(NTE_BAD_FLAGS);
	if (!(h = hash_get(prov, hash)))
		return csp_result(NTE_BAD_HASH);
	if (!data)
		err = ERROR_INVALID_PARAMETER;
	else {
		object_lock(&h->head);
		err = csp_hash_set_param(h->hash, param, data);
		object_unlock(&h->head);
	}
	handle_put(&h->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPDestroyHash(HCRYPTPROV prov, HCRYPTHASH hash)
{
	struct hash_obj *h;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (!(h = hash_get(prov, hash)))   /* checks the owner before closing */
		return csp_result(NTE_BAD_HASH);
	handle_put(&h->head);
	return csp_result(handle_close(hash, HANDLE_HASH) ? ERROR_SUCCESS : NTE_BAD_HASH);
}

BOOL WINAPI impl_CPDuplicateHash(HCRYPTPROV prov, HCRYPTHASH hash, DWORD *reserved, DWORD flags,
			    HCRYPTHASH *dup)
{
	struct csp_hash *copy = NULL;
	struct hash_obj *h;
	DWORD err;
	HCRYPTHASH d;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (!(h = hash_get(prov, hash)))
		return csp_result(NTE_BAD_HASH);
	if (!dup || reserved || flags) {
		handle_put(&h->head);
		return csp_result(ERROR_INVALID_PARAMETER);
	}
	object_lock(&h->head);
	err = csp_hash_duplicate(h->hash, &copy);
	object_unlock(&h->head);
	handle_put(&h->head);
	if (err)
		return csp_result(err);
	if (!(d = hash_handle_new(prov, copy)))
		return csp_result(NTE_NO_MEMORY);
	*dup = d;
	return TRUE;
}

/* Validate a (prov, hash, key) triple as Windows orders the checks. */
static DWORD check_hash_and_key(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY key, BOOL need_key)
{
	struct hash_obj *h;
	struct key_obj *k;

	if (!prov_valid(prov))
		return NTE_BAD_UID;
	if (!(h = hash_get(prov, hash)))
		return NTE_BAD_HASH;
	handle_put(&h->head);
	if (need_key) {
		if (!(k = key_get(prov, key)))
			return NTE_BAD_KEY;
		handle_put(&k->head);
	}
	return ERROR_SUCCESS;
}

BOOL WINAPI impl_CPHashSessionKey(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY key, DWORD flags)
{
	struct hash_obj *h;
	struct key_obj *k;
	DWORD err;

	if ((err = check_hash_and_key(prov, hash, key, TRUE)))
		return csp_result(err);
	if (!(h = hash_get(prov, hash)))
		return csp_result(NTE_BAD_HASH);
	if (!(k = key_get(prov, key))) {
		handle_put(&h->head);
		return csp_result(NTE_BAD_KEY);
	}
	object_lock(&k->head);
	object_lock(&h->head);
	err = csp_hash_session_key(h->hash, k->key, flags);
	object_unlock(&h->head);
	object_unlock(&k->head);
	handle_put(&k->head);
	handle_put(&h->head);
	return csp_result(err);
}

/* The description CryptSignHash/CryptVerifySignature may pass is hashed
 * before the value is taken (an old, discouraged feature). */
static DWORD hash_description(struct csp_hash *h, LPCWSTR description)
{
	if (!description)
		return ERROR_SUCCESS;
	return csp_hash_update(h, (const BYTE *)description, lstrlenW(description) * sizeof(WCHAR));
}

BOOL WINAPI impl_CPSignHash(HCRYPTPROV prov, HCRYPTHASH hash, DWORD keyspec, LPCWSTR description,
		       DWORD flags, BYTE *sig, DWORD *siglen)
{
	struct prov_obj *p;
	struct hash_obj *h;
	struct csp_key *k;
	DWORD slot = prov_pair_slot(keyspec), err, size;

	if ((err = check_hash_and_key(prov, hash, 0, FALSE)))
		return csp_result(err);
	if (flags & ~CRYPT_NOHASHOID)
		return csp_result(NTE_BAD_FLAGS);
	if (!siglen)
		return csp_result(ERROR_INVALID_PARAMETER);
	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	if (!(h = hash_get(prov, hash))) {
		handle_put(&p->head);
		return csp_result(NTE_BAD_HASH);
	}
	/* the context before the hash: the order every export keeps */
	object_lock(&p->head);
	object_lock(&h->head);
	if (slot > 1 || !(k = p->pairs[slot]))
		err = NTE_NO_KEY;
	else if (!(size = k->alg->pair->sig_size(k->pair)))
		err = NTE_BAD_KEY;        /* a key exchange pair that cannot sign */
	else if (!sig)
		*siglen = size;
	else if (*siglen < size) {
		*siglen = size;
		err = ERROR_MORE_DATA;
	} else if (!(err = hash_description(h->hash, description))) {
		const BYTE *value = csp_hash_value(h->hash);   /* finishes the hash */

		err = k->alg->pair->sign(k->pair, h->hash->alg->id, value, csp_hash_size(h->hash), flags,
				   &os_random, sig);
		if (!err)
			*siglen = size;
	}
	object_unlock(&h->head);
	object_unlock(&p->head);
	handle_put(&h->head);
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPVerifySignature(HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *sig, DWORD siglen,
			      HCRYPTKEY pubkey, LPCWSTR description, DWORD flags)
{
	struct hash_obj *h;
	struct key_obj *k;
	DWORD err;

	if (flags & ~CRYPT_NOHASHOID)
		return csp_result(NTE_BAD_FLAGS);
	if ((err = check_hash_and_key(prov, hash, pubkey, TRUE)))
		return csp_result(err);
	if (!(k = key_get(prov, pubkey)))
		return csp_result(NTE_BAD_KEY);
	if (!(h = hash_get(prov, hash))) {
		handle_put(&k->head);
		return csp_result(NTE_BAD_HASH);
	}
	object_lock(&k->head);
	object_lock(&h->head);
	if (!k->key->pair || !k->key->alg->pair->sig_size(k->key->pair))
		err = NTE_BAD_KEY;
	/* Windows checks the length before the pointer */
	else if (siglen != k->key->alg->pair->sig_size(k->key->pair))
		err = NTE_BAD_SIGNATURE;
	else if (!sig)
		err = ERROR_INVALID_PARAMETER;
	else if (!(err = hash_description(h->hash, description))) {
		const BYTE *value = csp_hash_value(h->hash);

		err = k->key->alg->pair->verify(k->key->pair, h->hash->alg->id, value, csp_hash_size(h->hash), flags,
				     sig, siglen);
	}
	object_unlock(&h->head);
	object_unlock(&k->head);
	handle_put(&h->head);
	handle_put(&k->head);
	return csp_result(err);
}
