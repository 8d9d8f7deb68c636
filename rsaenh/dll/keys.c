/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keys.c - the key exports: CPGenKey, CPDeriveKey, CPDestroyKey,
 * CPDuplicateKey, CPGetKeyParam, CPSetKeyParam, CPEncrypt, CPDecrypt,
 * CPExportKey and CPImportKey (through the core's BLOB handler table).
 * Key pairs (AT_KEYEXCHANGE, AT_SIGNATURE) generated or imported go into
 * the context's container.
 */
#include "objects.h"
#include "../core/params.h"
#include "../core/derive.h"
#include "../core/schannel.h"
#include "../core/rsa_key.h"
#include "../core/agree.h"
#include "../core/blobs.h"
#include "../core/wipe.h"

/* Validate prov then key, in Windows' order; referenced key or NULL with
 * *err set. */
static struct key_obj *get_prov_key(HCRYPTPROV prov, HCRYPTKEY key, DWORD *err)
{
	struct key_obj *k;

	if (!prov_valid(prov)) {
		*err = NTE_BAD_UID;
		return NULL;
	}
	if (!(k = key_get(prov, key)))
		*err = NTE_BAD_KEY;
	return k;
}

/* Whether a key pair goes into the container: a complete private pair,
 * not an ephemeral Diffie-Hellman one. */
static BOOL pair_is_kept(const struct csp_key *k)
{
	return k->pair && k->alg->pair->ready(k->pair) && k->alg->pair->has_private(k->pair) &&
	       k->alg->id != CALG_DH_EPHEM;
}

/* CryptGenKey of a key pair: generated, made the container's pair of its
 * kind (unless ephemeral or waiting for its group), and a handle to a
 * copy returned. */
static DWORD gen_key_pair(struct prov_obj *p, ALG_ID alg, DWORD flags, struct csp_key **out)
{
	const struct csp_profile_alg *offer = csp_profile_offer(p->st.profile, alg);
	struct csp_key *k = NULL;
	DWORD err;

	if (!offer)
		return NTE_BAD_ALGID;
	if ((err = csp_pair_generate(csp_alg_find(alg), offer, flags & ~CRYPT_ARCHIVABLE, &os_random, &k)) ||
	    (pair_is_kept(k) && (err = prov_install_pair(p, k)))) {
		csp_key_destroy(k);
		return err;
	}
	/* an archivable pair may be exported through this handle only */
	if (flags & CRYPT_ARCHIVABLE)
		k->permissions |= CRYPT_EXPORT | CRYPT_ARCHIVE;
	*out = k;
	return ERROR_SUCCESS;
}

/* CPGenKey for AT_KEYEXCHANGE, AT_SIGNATURE and the key pair rows. */
static BOOL gen_key_pair_handle(HCRYPTPROV prov, struct prov_obj *p, ALG_ID alg, DWORD flags,
				HCRYPTKEY *key)
{
	struct csp_key *core = NULL;
	DWORD err;
	HCRYPTKEY h;

	/* the profile says which rows the two key specs mean (0: none) */
	if (alg == AT_KEYEXCHANGE)
		alg = p->st.profile->keyx_alg;
	else if (alg == AT_SIGNATURE)
		alg = p->st.profile->sig_alg;
	err = key ? gen_key_pair(p, alg, flags, &core) : ERROR_INVALID_PARAMETER;
	handle_put(&p->head);
	if (err)
		return csp_result(err);
	if (!(h = key_handle_new(prov, core)))
		return csp_result(NTE_NO_MEMORY);
	*key = h;
	return TRUE;
}

/* CryptGenKey of a session key: random key bytes; the salt is random only
 * when CRYPT_CREATE_SALT asked for it, zero bytes otherwise. */
static DWORD gen_session_key(const struct csp_profile *profile, ALG_ID alg, DWORD flags,
			     struct csp_key **out)
{
	BYTE bytes[CSP_MAX_KEY] = { 0 };
	DWORD err, n;

	if ((err = csp_key_create(profile, alg, flags, out)))
		return err;
	n = (*out)->key_len + ((flags & CRYPT_CREATE_SALT) ? (*out)->salt_len : 0);
	if ((err = os_random.fill(os_random.ctx, bytes, n))) {
		csp_key_destroy(*out);
		return err;
	}
	csp_key_load(*out, bytes, n);
	csp_wipe(bytes, sizeof(bytes));
	return ERROR_SUCCESS;
}

BOOL WINAPI impl_CPGenKey(HCRYPTPROV prov, ALG_ID alg, DWORD flags, HCRYPTKEY *key)
{
	const struct csp_profile *profile;
	const struct csp_alg *row;
	struct csp_key *core = NULL;
	struct prov_obj *p;
	DWORD err;
	HCRYPTKEY h;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	/* protection that would ask the user is refused where no UI may show;
	 * strong protection (a password for a stored key) also in a verify
	 * context, which stores nothing (CryptGenKey's reference page) */
	if (((flags & (CRYPT_USER_PROTECTED | CRYPT_FORCE_KEY_PROTECTION_HIGH)) && (p->flags & CRYPT_SILENT)) ||
	    ((flags & CRYPT_FORCE_KEY_PROTECTION_HIGH) && (p->flags & CRYPT_VERIFYCONTEXT))) {
		handle_put(&p->head);
		return csp_result(NTE_SILENT_CONTEXT);
	}
	if (alg == AT_KEYEXCHANGE || alg == AT_SIGNATURE || csp_alg_pair(csp_alg_find(alg)))
		return gen_key_pair_handle(prov, p, alg, flags, key);
	profile = p->st.profile;   /* profiles are static: valid after the put */
	handle_put(&p->head);
	if (!csp_profile_offer(profile, alg) || !(row = csp_alg_find(alg)) || (!row->cipher && !row->master))
		return csp_result(NTE_BAD_ALGID);
	if (!key)
		return csp_result(ERROR_INVALID_PARAMETER);
	if (row->master)
		err = csp_master_key_generate(profile, alg, flags, &os_random, &core);
	else
		err = gen_session_key(profile, alg, flags, &core);
	if (err)
		return csp_result(err);
	if (!(h = key_handle_new(prov, core)))
		return csp_result(NTE_NO_MEMORY);
	*key = h;
	return TRUE;
}

BOOL WINAPI impl_CPDeriveKey(HCRYPTPROV prov, ALG_ID alg, HCRYPTHASH base, DWORD flags, HCRYPTKEY *key)
{
	const struct csp_profile *profile;
	struct csp_key *core = NULL;
	struct prov_obj *p;
	struct hash_obj *h;
	DWORD err;
	HCRYPTKEY hk;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	profile = p->st.profile;
	handle_put(&p->head);
	if (!(h = hash_get(prov, base)))
		return csp_result(NTE_BAD_HASH);
	if (!key)
		err = ERROR_INVALID_PARAMETER;
	else if (alg == CALG_SCHANNEL_ENC_KEY || alg == CALG_SCHANNEL_MAC_KEY) {
		object_lock(&h->head);
		err = csp_profile_offer(profile, alg) ? csp_schannel_derive(profile, alg, flags, h->hash, &core)
						      : NTE_BAD_ALGID;
		object_unlock(&h->head);
	} else if (GET_ALG_CLASS(alg) != ALG_CLASS_DATA_ENCRYPT)
		err = NTE_BAD_ALGID;
	else {
		object_lock(&h->head);
		err = csp_key_derive(profile, alg, flags, h->hash, &core);
		object_unlock(&h->head);
	}
	handle_put(&h->head);
	if (err)
		return csp_result(err);
	if (!(hk = key_handle_new(prov, core)))
		return csp_result(NTE_NO_MEMORY);
	*key = hk;
	return TRUE;
}

BOOL WINAPI impl_CPDestroyKey(HCRYPTPROV prov, HCRYPTKEY key)
{
	struct key_obj *k;
	DWORD err;

	if (!(k = get_prov_key(prov, key, &err)))
		return csp_result(err);
	handle_put(&k->head);
	return csp_result(handle_close(key, HANDLE_KEY) ? ERROR_SUCCESS : NTE_BAD_KEY);
}

BOOL WINAPI impl_CPDuplicateKey(HCRYPTPROV prov, HCRYPTKEY key, DWORD *reserved, DWORD flags, HCRYPTKEY *dup)
{
	struct csp_key *copy = NULL;
	struct key_obj *k;
	DWORD err;
	HCRYPTKEY d;

	if (!(k = get_prov_key(prov, key, &err)))
		return csp_result(err);
	if (!dup || reserved || flags) {
		handle_put(&k->head);
		return csp_result(ERROR_INVALID_PARAMETER);
	}
	object_lock(&k->head);
	err = csp_key_duplicate(k->key, &copy);
	object_unlock(&k->head);
	handle_put(&k->head);
	if (err)
		return csp_result(err);
	if (!(d = key_handle_new(prov, copy)))
		return csp_result(NTE_NO_MEMORY);
	*dup = d;
	return TRUE;
}

BOOL WINAPI impl_CPGetKeyParam(HCRYPTPROV prov, HCRYPTKEY key, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	struct key_obj *k;
	DWORD err;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (flags)
		return csp_result(NTE_BAD_FLAGS);
	if (!(k = key_get(prov, key)))
		return csp_result(NTE_BAD_KEY);
	if (!len)
		err = ERROR_INVALID_PARAMETER;
	else {
		object_lock(&k->head);
		err = csp_key_get_param(k->key, param, data, len);
		object_unlock(&k->head);
	}
	handle_put(&k->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPSetKeyParam(HCRYPTPROV prov, HCRYPTKEY key, DWORD param, const BYTE *data, DWORD flags)
{
	struct key_obj *k;
	DWORD err;

	if (!prov_valid(prov))
		return csp_result(NTE_BAD_UID);
	if (flags && param != KP_ALGID)
		return csp_result(NTE_BAD_FLAGS);
	if (!(k = key_get(prov, key)))
		return csp_result(NTE_BAD_KEY);
	object_lock(&k->head);
	if (param == KP_ALGID && csp_key_is_agreed(k->key))
		err = csp_agreed_set_algid(&k->key, data, flags);
	else if (flags)
		err = NTE_BAD_FLAGS;   /* dwFlags is KP_ALGID's, on an agreed key */
	else if (!data && !k->key->pair)   /* pairs take NULL for some (DH's KP_X) */
		err = ERROR_INVALID_PARAMETER;
	else
		err = csp_key_set_param(k->key, param, data);
	object_unlock(&k->head);
	handle_put(&k->head);
	return csp_result(err);
}

/* Feed plaintext to the hash given with CPEncrypt/CPDecrypt (locked after
 * the key: keys before hashes, always). */
static DWORD hash_plaintext(HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *data, DWORD len)
{
	struct hash_obj *h;
	DWORD err;

	if (!(h = hash_get(prov, hash)))
		return NTE_BAD_HASH;
	object_lock(&h->head);
	err = csp_hash_update(h->hash, data, len);
	object_unlock(&h->head);
	handle_put(&h->head);
	return err;
}

/* CPEncrypt/CPDecrypt's common checks: prov, flags, key, a hash if given. */
static struct key_obj *crypt_begin(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, DWORD flags,
				   DWORD *len, DWORD *err)
{
	struct key_obj *k;
	struct hash_obj *h;

	if (!(k = get_prov_key(prov, key, err)))
		return NULL;
	if (flags & ~CRYPT_OAEP)
		*err = NTE_BAD_FLAGS;
	else if (!len)
		*err = ERROR_INVALID_PARAMETER;
	else if (hash && !(h = hash_get(prov, hash)))
		*err = NTE_BAD_HASH;
	else {
		if (hash)
			handle_put(&h->head);
		return k;
	}
	handle_put(&k->head);
	return NULL;
}

BOOL WINAPI impl_CPEncrypt(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags,
		      BYTE *data, DWORD *len, DWORD buflen)
{
	const struct csp_rsa *rsa;
	struct key_obj *k;
	DWORD err, need;

	if (!(k = crypt_begin(prov, key, hash, flags, len, &err)))
		return csp_result(err);
	object_lock(&k->head);
	/* size and argument checks first, so a failing call hashes nothing */
	need = *len;
	rsa = csp_key_rsa(k->key);
	if (k->key->pair && !rsa)
		err = NTE_BAD_KEY;        /* DSS and DH pairs do not encrypt */
	else if (rsa)
		err = csp_rsa_key_encrypt(k->key, flags, &os_random, NULL, &need, 0);
	else if (!(err = csp_key_check_encrypt(k->key)))
		err = csp_key_encrypt(k->key, final, NULL, &need, 0);
	if (!err && !data)
		*len = need;
	else if (!err && need > buflen) {
		*len = need;
		err = ERROR_MORE_DATA;
	} else if (!err && rsa && *len > csp_rsa_max_message(rsa, (flags & CRYPT_OAEP) != 0))
		err = NTE_BAD_LEN;
	else if (!err && hash)
		err = hash_plaintext(prov, hash, data, *len);
	if (!err && data && rsa)
		err = csp_rsa_key_encrypt(k->key, flags, &os_random, data, len, buflen);
	else if (!err && data)
		err = csp_key_encrypt(k->key, final, data, len, buflen);
	object_unlock(&k->head);
	handle_put(&k->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPDecrypt(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags,
		      BYTE *data, DWORD *len)
{
	struct key_obj *k;
	DWORD err;

	if (!(k = crypt_begin(prov, key, hash, flags, len, &err)))
		return csp_result(err);
	object_lock(&k->head);
	if (*len && !data)
		err = ERROR_INVALID_PARAMETER;
	else if (csp_key_rsa(k->key))
		err = csp_rsa_key_decrypt(k->key, flags, &os_random, data, len);
	else if (k->key->pair)
		err = NTE_BAD_KEY;
	else
		err = csp_key_decrypt(k->key, final, data, len);
	if (!err && hash)
		err = hash_plaintext(prov, hash, data, *len);
	object_unlock(&k->head);
	handle_put(&k->head);
	return csp_result(err);
}

/* Lock two key objects (either may be NULL, both may be one) in a fixed
 * order, so two threads exporting each with the other never deadlock. */
static void lock_keys(struct key_obj *a, struct key_obj *b, BOOL lock)
{
	struct key_obj *first = a, *second = b;

	if (a && b && (ULONG_PTR)b < (ULONG_PTR)a) {
		first = b;
		second = a;
	}
	if (second == first)
		second = NULL;
	if (lock) {
		if (first) object_lock(&first->head);
		if (second) object_lock(&second->head);
	} else {
		if (second) object_unlock(&second->head);
		if (first) object_unlock(&first->head);
	}
}

BOOL WINAPI impl_CPExportKey(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTKEY pubkey, DWORD type, DWORD flags,
			BYTE *data, DWORD *len)
{
	struct csp_blob_env env = { NULL, &os_random };
	struct key_obj *k, *pk = NULL;
	struct prov_obj *p;
	DWORD err;

	if (!(k = get_prov_key(prov, key, &err)))
		return csp_result(err);
	if (pubkey && !(pk = key_get(prov, pubkey))) {
		handle_put(&k->head);
		return csp_result(NTE_BAD_KEY);
	}
	if (!len)
		err = ERROR_INVALID_PARAMETER;
	else if (!(p = prov_get(prov)))
		err = NTE_BAD_UID;
	else {
		env.profile = p->st.profile;
		lock_keys(k, pk, TRUE);
		err = csp_blob_export(&env, k->key, pk ? pk->key : NULL, type, flags, data, len);
		lock_keys(k, pk, FALSE);
		handle_put(&p->head);
	}
	if (pk)
		handle_put(&pk->head);
	handle_put(&k->head);
	return csp_result(err);
}

/* A SIMPLEBLOB imported with hPubKey 0 is for the context's own key
 * exchange pair (Microsoft's "Decrypting a File" example imports so): a
 * copy of it, or NTE_NO_KEY when the container has none. */
static DWORD own_exchange_pair(struct prov_obj *p, struct csp_key **out)
{
	DWORD err = NTE_NO_KEY;

	object_lock(&p->head);
	if (p->pairs[prov_pair_slot(AT_KEYEXCHANGE)])
		err = csp_key_duplicate(p->pairs[prov_pair_slot(AT_KEYEXCHANGE)], out);
	object_unlock(&p->head);
	return err;
}

BOOL WINAPI impl_CPImportKey(HCRYPTPROV prov, const BYTE *data, DWORD len, HCRYPTKEY pubkey, DWORD flags,
			HCRYPTKEY *key)
{
	struct csp_blob_env env = { NULL, &os_random };
	struct csp_key *core = NULL, *own = NULL;
	struct key_obj *pk = NULL;
	struct prov_obj *p;
	DWORD err = ERROR_SUCCESS;
	HCRYPTKEY h;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	if (!data || !key)
		err = ERROR_INVALID_PARAMETER;
	else if (pubkey && !(pk = key_get(prov, pubkey)))
		err = NTE_BAD_KEY;
	else if (!pubkey && len && data[0] == SIMPLEBLOB)
		err = own_exchange_pair(p, &own);
	if (!err) {
		env.profile = p->st.profile;
		if (pk)
			object_lock(&pk->head);
		err = csp_blob_import(&env, data, len, pk ? pk->key : own, flags, &core);
		if (pk)
			object_unlock(&pk->head);
		/* a private key pair becomes the container's pair of its kind */
		if (!err && pair_is_kept(core))
			err = prov_install_pair(p, core);
	}
	csp_key_destroy(own);
	if (pk)
		handle_put(&pk->head);
	handle_put(&p->head);
	if (err) {
		csp_key_destroy(core);
		return csp_result(err);
	}
	if (!(h = key_handle_new(prov, core)))
		return csp_result(NTE_NO_MEMORY);
	*key = h;
	return TRUE;
}
