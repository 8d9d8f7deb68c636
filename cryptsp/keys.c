/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keys.c - the key exports.  Each validates its handles (a key, and where
 * one is passed a hash or an exchange key of the same context), checks its
 * pointers, then calls the CSP with the CSP's own handles; keys the CSP
 * creates are wrapped into public handles.
 */
#include "dispatch.h"

/* Publish a key the CSP just made and hand it out. */
static BOOL give_key(struct provider *owner, HCRYPTKEY csp, HCRYPTKEY *out)
{
	ULONG_PTR h;

	if (!child_publish(owner, &key_kind, csp, &h))
		return FALSE;
	*out = h;
	return TRUE;
}

BOOL WINAPI impl_CryptGenKey(HCRYPTPROV hProv, ALG_ID Algid, DWORD dwFlags, HCRYPTKEY *phKey)
{
	struct provider *prov = provider_get(hProv);
	HCRYPTKEY csp;
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!phKey)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPGenKey(prov->obj.csp, Algid, dwFlags, &csp) && give_key(prov, csp, phKey);
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptDeriveKey(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTHASH hBaseData, DWORD dwFlags, HCRYPTKEY *phKey)
{
	struct provider *prov = provider_get(hProv);
	struct object *hash;
	ULONG_PTR base;
	HCRYPTKEY csp;
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!child_translate(hBaseData, &hash_kind, prov, FALSE, &base, &hash))
		ok = FALSE;
	else {
		if (!phKey)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPDeriveKey(prov->obj.csp, Algid, base, dwFlags, &csp) &&
			     give_key(prov, csp, phKey);
		object_put(hash);
	}
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptGetUserKey(HCRYPTPROV hProv, DWORD dwKeySpec, HCRYPTKEY *phUserKey)
{
	struct provider *prov = provider_get(hProv);
	HCRYPTKEY csp;
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!phUserKey)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPGetUserKey(prov->obj.csp, dwKeySpec, &csp) && give_key(prov, csp, phUserKey);
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptImportKey(HCRYPTPROV hProv, const BYTE *pbData, DWORD dwDataLen, HCRYPTKEY hPubKey,
			   DWORD dwFlags, HCRYPTKEY *phKey)
{
	struct provider *prov = provider_get(hProv);
	struct object *pub;
	ULONG_PTR pubcsp;
	HCRYPTKEY csp;
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!child_translate(hPubKey, &key_kind, prov, TRUE, &pubcsp, &pub))
		ok = FALSE;
	else {
		if (!pbData || !dwDataLen || !phKey)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPImportKey(prov->obj.csp, pbData, dwDataLen, pubcsp, dwFlags, &csp) &&
			     give_key(prov, csp, phKey);
		if (pub)
			object_put(pub);
	}
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptDestroyKey(HCRYPTKEY hKey)
{
	return child_destroy(hKey, &key_kind);
}

BOOL WINAPI impl_CryptDuplicateKey(HCRYPTKEY hKey, DWORD *pdwReserved, DWORD dwFlags, HCRYPTKEY *phKey)
{
	struct object *key = handle_get(hKey, &key_kind);
	struct provider *prov;
	HCRYPTKEY csp;
	BOOL ok;

	if (!key)
		return FALSE;
	prov = key->owner;
	if (pdwReserved || !phKey)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPDuplicateKey(prov->obj.csp, key->csp, NULL, dwFlags, &csp) && give_key(prov, csp, phKey);
	object_put(key);
	return ok;
}

BOOL WINAPI impl_CryptSetKeyParam(HCRYPTKEY hKey, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	struct object *key = handle_get(hKey, &key_kind);
	BOOL ok;

	if (!key)
		return FALSE;
	/* pbData NULL goes to the CSP: for some parameters it means something
	 * (the DSS providers' KP_X: make the private value); the CSP refuses
	 * it where it does not */
	ok = key->owner->fn.CPSetKeyParam(key->owner->obj.csp, key->csp, dwParam, pbData, dwFlags);
	object_put(key);
	return ok;
}

BOOL WINAPI impl_CryptGetKeyParam(HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	struct object *key = handle_get(hKey, &key_kind);
	BOOL ok;

	if (!key)
		return FALSE;
	if (!pdwDataLen)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = key->owner->fn.CPGetKeyParam(key->owner->obj.csp, key->csp, dwParam, pbData, pdwDataLen, dwFlags);
	object_put(key);
	return ok;
}

BOOL WINAPI impl_CryptEncrypt(HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
			 DWORD *pdwDataLen, DWORD dwBufLen)
{
	struct object *key = handle_get(hKey, &key_kind), *hash;
	struct provider *prov;
	ULONG_PTR hcsp;
	BOOL ok;

	if (!key)
		return FALSE;
	prov = key->owner;
	if (!child_translate(hHash, &hash_kind, prov, TRUE, &hcsp, &hash))
		ok = FALSE;
	else {
		/* A NULL pbData asks for the size the output needs. */
		if (!pdwDataLen)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPEncrypt(prov->obj.csp, key->csp, hcsp, Final, dwFlags, pbData, pdwDataLen,
						dwBufLen);
		if (hash)
			object_put(hash);
	}
	object_put(key);
	return ok;
}

BOOL WINAPI impl_CryptDecrypt(HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
			 DWORD *pdwDataLen)
{
	struct object *key = handle_get(hKey, &key_kind), *hash;
	struct provider *prov;
	ULONG_PTR hcsp;
	BOOL ok;

	if (!key)
		return FALSE;
	prov = key->owner;
	if (!child_translate(hHash, &hash_kind, prov, TRUE, &hcsp, &hash))
		ok = FALSE;
	else {
		if (!pbData || !pdwDataLen)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPDecrypt(prov->obj.csp, key->csp, hcsp, Final, dwFlags, pbData, pdwDataLen);
		if (hash)
			object_put(hash);
	}
	object_put(key);
	return ok;
}

BOOL WINAPI impl_CryptExportKey(HCRYPTKEY hKey, HCRYPTKEY hExpKey, DWORD dwBlobType, DWORD dwFlags, BYTE *pbData,
			   DWORD *pdwDataLen)
{
	struct object *key = handle_get(hKey, &key_kind), *exp;
	struct provider *prov;
	ULONG_PTR ecsp;
	BOOL ok;

	if (!key)
		return FALSE;
	prov = key->owner;
	if (!child_translate(hExpKey, &key_kind, prov, TRUE, &ecsp, &exp))
		ok = FALSE;
	else {
		if (!pdwDataLen)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPExportKey(prov->obj.csp, key->csp, ecsp, dwBlobType, dwFlags, pbData, pdwDataLen);
		if (exp)
			object_put(exp);
	}
	object_put(key);
	return ok;
}
