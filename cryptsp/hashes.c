/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hashes.c - the hash exports, signing and verifying included.  Same shape
 * as keys.c: validate, translate secondary handles of the same context,
 * call the CSP with its own handles, wrap what it creates.
 */
#include "dispatch.h"

static BOOL give_hash(struct provider *owner, HCRYPTHASH csp, HCRYPTHASH *out)
{
	ULONG_PTR h;

	if (!child_publish(owner, &hash_kind, csp, &h))
		return FALSE;
	*out = h;
	return TRUE;
}

BOOL WINAPI impl_CryptCreateHash(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTKEY hKey, DWORD dwFlags, HCRYPTHASH *phHash)
{
	struct provider *prov = provider_get(hProv);
	struct object *key;
	ULONG_PTR kcsp;
	HCRYPTHASH csp;
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!child_translate(hKey, &key_kind, prov, TRUE, &kcsp, &key))
		ok = FALSE;
	else {
		if (!phHash)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPCreateHash(prov->obj.csp, Algid, kcsp, dwFlags, &csp) &&
			     give_hash(prov, csp, phHash);
		if (key)
			object_put(key);
	}
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptDestroyHash(HCRYPTHASH hHash)
{
	return child_destroy(hHash, &hash_kind);
}

BOOL WINAPI impl_CryptDuplicateHash(HCRYPTHASH hHash, DWORD *pdwReserved, DWORD dwFlags, HCRYPTHASH *phHash)
{
	struct object *hash = handle_get(hHash, &hash_kind);
	struct provider *prov;
	HCRYPTHASH csp;
	BOOL ok;

	if (!hash)
		return FALSE;
	prov = hash->owner;
	if (pdwReserved || !phHash)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPDuplicateHash(prov->obj.csp, hash->csp, NULL, dwFlags, &csp) &&
		     give_hash(prov, csp, phHash);
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptHashData(HCRYPTHASH hHash, const BYTE *pbData, DWORD dwDataLen, DWORD dwFlags)
{
	struct object *hash = handle_get(hHash, &hash_kind);
	BOOL ok;

	if (!hash)
		return FALSE;
	if (!pbData && dwDataLen)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = hash->owner->fn.CPHashData(hash->owner->obj.csp, hash->csp, pbData, dwDataLen, dwFlags);
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptHashSessionKey(HCRYPTHASH hHash, HCRYPTKEY hKey, DWORD dwFlags)
{
	struct object *hash = handle_get(hHash, &hash_kind), *key;
	struct provider *prov;
	ULONG_PTR kcsp;
	BOOL ok = FALSE;

	if (!hash)
		return FALSE;
	prov = hash->owner;
	if (child_translate(hKey, &key_kind, prov, FALSE, &kcsp, &key)) {
		ok = prov->fn.CPHashSessionKey(prov->obj.csp, hash->csp, kcsp, dwFlags);
		object_put(key);
	}
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptSetHashParam(HCRYPTHASH hHash, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	struct object *hash = handle_get(hHash, &hash_kind);
	BOOL ok;

	if (!hash)
		return FALSE;
	if (!pbData)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = hash->owner->fn.CPSetHashParam(hash->owner->obj.csp, hash->csp, dwParam, pbData, dwFlags);
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptGetHashParam(HCRYPTHASH hHash, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	struct object *hash = handle_get(hHash, &hash_kind);
	BOOL ok;

	if (!hash)
		return FALSE;
	if (!pdwDataLen)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = hash->owner->fn.CPGetHashParam(hash->owner->obj.csp, hash->csp, dwParam, pbData, pdwDataLen,
						    dwFlags);
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptSignHashW(HCRYPTHASH hHash, DWORD dwKeySpec, LPCWSTR szDescription, DWORD dwFlags,
			   BYTE *pbSignature, DWORD *pdwSigLen)
{
	struct object *hash = handle_get(hHash, &hash_kind);
	BOOL ok;

	if (!hash)
		return FALSE;
	if (!pdwSigLen)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = hash->owner->fn.CPSignHash(hash->owner->obj.csp, hash->csp, dwKeySpec, szDescription, dwFlags,
						pbSignature, pdwSigLen);
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptSignHashA(HCRYPTHASH hHash, DWORD dwKeySpec, LPCSTR szDescription, DWORD dwFlags,
			   BYTE *pbSignature, DWORD *pdwSigLen)
{
	WCHAR *description;
	BOOL ok;

	if (!text_to_wide(szDescription, &description))
		return FALSE;
	ok = CryptSignHashW(hHash, dwKeySpec, description, dwFlags, pbSignature, pdwSigLen);
	LocalFree(description);
	return ok;
}

BOOL WINAPI impl_CryptVerifySignatureW(HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen, HCRYPTKEY hPubKey,
				  LPCWSTR szDescription, DWORD dwFlags)
{
	struct object *hash = handle_get(hHash, &hash_kind), *key;
	struct provider *prov;
	ULONG_PTR kcsp;
	BOOL ok = FALSE;

	if (!hash)
		return FALSE;
	prov = hash->owner;
	if (child_translate(hPubKey, &key_kind, prov, FALSE, &kcsp, &key)) {
		if (!pbSignature && dwSigLen)
			ok = fail(ERROR_INVALID_PARAMETER);
		else
			ok = prov->fn.CPVerifySignature(prov->obj.csp, hash->csp, pbSignature, dwSigLen, kcsp,
							szDescription, dwFlags);
		object_put(key);
	}
	object_put(hash);
	return ok;
}

BOOL WINAPI impl_CryptVerifySignatureA(HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen, HCRYPTKEY hPubKey,
				  LPCSTR szDescription, DWORD dwFlags)
{
	WCHAR *description;
	BOOL ok;

	if (!text_to_wide(szDescription, &description))
		return FALSE;
	ok = CryptVerifySignatureW(hHash, pbSignature, dwSigLen, hPubKey, description, dwFlags);
	LocalFree(description);
	return ok;
}
