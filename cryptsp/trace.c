/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * trace.c - the Crypt* exports as the application sees them: each traces
 * its arguments on the "crypt" channel (the one Wine's builtin advapi32
 * uses), calls the dispatcher's implementation (impl_*, in context.c,
 * enum.c, hashes.c and keys.c) and traces the result.  Only handles,
 * flags, ALG_IDs, parameters, lengths, BLOB types and names are shown:
 * never the bytes of a key, a plaintext, a password or hash input.
 */
#include <stdio.h>
#include "dispatch.h"
#include "csp_debug.h"

CSP_DEBUG_CHANNEL(dbg_crypt, "crypt");
CSP_DEBUG_CHANNEL(dbg_cryptsp, "cryptsp");

#define TRACE(...) CSP_TRACE(dbg_crypt, __VA_ARGS__)
#define RESULT(ok, ...) CSP_RESULT(dbg_crypt, FALSE, ok, __VA_ARGS__)
#define LEN(p) ((p) ? *(p) : 0)

/* ---- contexts (context.c) ------------------------------------------------ */

BOOL WINAPI impl_CryptAcquireContextW(HCRYPTPROV *, LPCWSTR, LPCWSTR, DWORD, DWORD);
BOOL WINAPI impl_CryptAcquireContextA(HCRYPTPROV *, LPCSTR, LPCSTR, DWORD, DWORD);
BOOL WINAPI impl_CryptContextAddRef(HCRYPTPROV, DWORD *, DWORD);
BOOL WINAPI impl_CryptReleaseContext(HCRYPTPROV, DWORD);
BOOL WINAPI impl_CryptGetProvParam(HCRYPTPROV, DWORD, BYTE *, DWORD *, DWORD);
BOOL WINAPI impl_CryptSetProvParam(HCRYPTPROV, DWORD, const BYTE *, DWORD);
BOOL WINAPI impl_CryptGenRandom(HCRYPTPROV, DWORD, BYTE *);

BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *phProv, LPCWSTR pszContainer, LPCWSTR pszProvider,
				 DWORD dwProvType, DWORD dwFlags)
{
	csp_dbgbuf a, b, c;
	BOOL ok;

	TRACE("(%p, %s, %s, %lu, %s)", phProv, csp_dbg_wstr(&a, pszContainer), csp_dbg_wstr(&b, pszProvider),
	      dwProvType, csp_dbg_flags(&c, CSP_FLAGS_ACQUIRE, dwFlags));
	ok = impl_CryptAcquireContextW(phProv, pszContainer, pszProvider, dwProvType, dwFlags);
	RESULT(ok, "hProv %#Ix", phProv ? *phProv : 0);
	return ok;
}

BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *phProv, LPCSTR pszContainer, LPCSTR pszProvider,
				 DWORD dwProvType, DWORD dwFlags)
{
	csp_dbgbuf a, b, c;
	BOOL ok;

	TRACE("(%p, %s, %s, %lu, %s)", phProv, csp_dbg_astr(&a, pszContainer), csp_dbg_astr(&b, pszProvider),
	      dwProvType, csp_dbg_flags(&c, CSP_FLAGS_ACQUIRE, dwFlags));
	ok = impl_CryptAcquireContextA(phProv, pszContainer, pszProvider, dwProvType, dwFlags);
	RESULT(ok, "hProv %#Ix", phProv ? *phProv : 0);
	return ok;
}

BOOL WINAPI CryptContextAddRef(HCRYPTPROV hProv, DWORD *pdwReserved, DWORD dwFlags)
{
	BOOL ok;

	TRACE("(%#Ix, %p, %#lx)", hProv, pdwReserved, dwFlags);
	ok = impl_CryptContextAddRef(hProv, pdwReserved, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptReleaseContext(HCRYPTPROV hProv, DWORD dwFlags)
{
	BOOL ok;

	TRACE("(%#Ix, %#lx)", hProv, dwFlags);
	ok = impl_CryptReleaseContext(hProv, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptGetProvParam(HCRYPTPROV hProv, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p, %p, %#lx)", hProv, csp_dbg_provparam(&a, dwParam), pbData, pdwDataLen, dwFlags);
	ok = impl_CryptGetProvParam(hProv, dwParam, pbData, pdwDataLen, dwFlags);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}

BOOL WINAPI CryptSetProvParam(HCRYPTPROV hProv, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p, %#lx)", hProv, csp_dbg_provparam(&a, dwParam), pbData, dwFlags);
	ok = impl_CryptSetProvParam(hProv, dwParam, pbData, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptGenRandom(HCRYPTPROV hProv, DWORD dwLen, BYTE *pbBuffer)
{
	BOOL ok;

	TRACE("(%#Ix, %lu, %p)", hProv, dwLen, pbBuffer);
	ok = impl_CryptGenRandom(hProv, dwLen, pbBuffer);
	RESULT(ok, NULL);
	return ok;
}

/* ---- the provider registry (enum.c) -------------------------------------- */

BOOL WINAPI impl_CryptEnumProvidersW(DWORD, DWORD *, DWORD, DWORD *, LPWSTR, DWORD *);
BOOL WINAPI impl_CryptEnumProvidersA(DWORD, DWORD *, DWORD, DWORD *, LPSTR, DWORD *);
BOOL WINAPI impl_CryptEnumProviderTypesW(DWORD, DWORD *, DWORD, DWORD *, LPWSTR, DWORD *);
BOOL WINAPI impl_CryptEnumProviderTypesA(DWORD, DWORD *, DWORD, DWORD *, LPSTR, DWORD *);
BOOL WINAPI impl_CryptGetDefaultProviderW(DWORD, DWORD *, DWORD, LPWSTR, DWORD *);
BOOL WINAPI impl_CryptGetDefaultProviderA(DWORD, DWORD *, DWORD, LPSTR, DWORD *);
BOOL WINAPI impl_CryptSetProviderExW(LPCWSTR, DWORD, DWORD *, DWORD);
BOOL WINAPI impl_CryptSetProviderExA(LPCSTR, DWORD, DWORD *, DWORD);
BOOL WINAPI impl_CryptSetProviderW(LPCWSTR, DWORD);
BOOL WINAPI impl_CryptSetProviderA(LPCSTR, DWORD);

/* the enumerations and the default's query share one shape */
#define ENUM_EXPORT(name, T, str) \
	BOOL WINAPI name(DWORD dwIndex, DWORD *pdwReserved, DWORD dwFlags, DWORD *pdwProvType, T *pszName, DWORD *pcbName) \
	{ \
		csp_dbgbuf a; \
		BOOL ok; \
		TRACE("(%lu, %p, %#lx, %p, %p, %p)", dwIndex, pdwReserved, dwFlags, pdwProvType, pszName, pcbName); \
		ok = impl_##name(dwIndex, pdwReserved, dwFlags, pdwProvType, pszName, pcbName); \
		RESULT(ok, "type %lu, name %s, len %lu", LEN(pdwProvType), \
		       pszName ? str(&a, pszName) : "(null)", LEN(pcbName)); \
		return ok; \
	}
ENUM_EXPORT(CryptEnumProvidersW, WCHAR, csp_dbg_wstr)
ENUM_EXPORT(CryptEnumProvidersA, char, csp_dbg_astr)
ENUM_EXPORT(CryptEnumProviderTypesW, WCHAR, csp_dbg_wstr)
ENUM_EXPORT(CryptEnumProviderTypesA, char, csp_dbg_astr)

#define DEFAULT_EXPORT(name, T, str) \
	BOOL WINAPI name(DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags, T *pszProvName, DWORD *pcbProvName) \
	{ \
		csp_dbgbuf a; \
		BOOL ok; \
		TRACE("(%lu, %p, %#lx, %p, %p)", dwProvType, pdwReserved, dwFlags, pszProvName, pcbProvName); \
		ok = impl_##name(dwProvType, pdwReserved, dwFlags, pszProvName, pcbProvName); \
		RESULT(ok, "name %s, len %lu", pszProvName ? str(&a, pszProvName) : "(null)", LEN(pcbProvName)); \
		return ok; \
	}
DEFAULT_EXPORT(CryptGetDefaultProviderW, WCHAR, csp_dbg_wstr)
DEFAULT_EXPORT(CryptGetDefaultProviderA, char, csp_dbg_astr)

BOOL WINAPI CryptSetProviderExW(LPCWSTR pszProvName, DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%s, %lu, %p, %#lx)", csp_dbg_wstr(&a, pszProvName), dwProvType, pdwReserved, dwFlags);
	ok = impl_CryptSetProviderExW(pszProvName, dwProvType, pdwReserved, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptSetProviderExA(LPCSTR pszProvName, DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%s, %lu, %p, %#lx)", csp_dbg_astr(&a, pszProvName), dwProvType, pdwReserved, dwFlags);
	ok = impl_CryptSetProviderExA(pszProvName, dwProvType, pdwReserved, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptSetProviderW(LPCWSTR pszProvName, DWORD dwProvType)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%s, %lu)", csp_dbg_wstr(&a, pszProvName), dwProvType);
	ok = impl_CryptSetProviderW(pszProvName, dwProvType);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptSetProviderA(LPCSTR pszProvName, DWORD dwProvType)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%s, %lu)", csp_dbg_astr(&a, pszProvName), dwProvType);
	ok = impl_CryptSetProviderA(pszProvName, dwProvType);
	RESULT(ok, NULL);
	return ok;
}

/* ---- hashes and signatures (hashes.c) ------------------------------------ */

BOOL WINAPI impl_CryptCreateHash(HCRYPTPROV, ALG_ID, HCRYPTKEY, DWORD, HCRYPTHASH *);
BOOL WINAPI impl_CryptDestroyHash(HCRYPTHASH);
BOOL WINAPI impl_CryptDuplicateHash(HCRYPTHASH, DWORD *, DWORD, HCRYPTHASH *);
BOOL WINAPI impl_CryptHashData(HCRYPTHASH, const BYTE *, DWORD, DWORD);
BOOL WINAPI impl_CryptHashSessionKey(HCRYPTHASH, HCRYPTKEY, DWORD);
BOOL WINAPI impl_CryptSetHashParam(HCRYPTHASH, DWORD, const BYTE *, DWORD);
BOOL WINAPI impl_CryptGetHashParam(HCRYPTHASH, DWORD, BYTE *, DWORD *, DWORD);
BOOL WINAPI impl_CryptSignHashW(HCRYPTHASH, DWORD, LPCWSTR, DWORD, BYTE *, DWORD *);
BOOL WINAPI impl_CryptSignHashA(HCRYPTHASH, DWORD, LPCSTR, DWORD, BYTE *, DWORD *);
BOOL WINAPI impl_CryptVerifySignatureW(HCRYPTHASH, const BYTE *, DWORD, HCRYPTKEY, LPCWSTR, DWORD);
BOOL WINAPI impl_CryptVerifySignatureA(HCRYPTHASH, const BYTE *, DWORD, HCRYPTKEY, LPCSTR, DWORD);

BOOL WINAPI CryptCreateHash(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTKEY hKey, DWORD dwFlags, HCRYPTHASH *phHash)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %#Ix, %s, %p)", hProv, csp_dbg_alg(&a, Algid), hKey,
	      csp_dbg_flags(&b, CSP_FLAGS_HASH, dwFlags), phHash);
	ok = impl_CryptCreateHash(hProv, Algid, hKey, dwFlags, phHash);
	RESULT(ok, "hHash %#Ix", phHash ? *phHash : 0);
	return ok;
}

BOOL WINAPI CryptDestroyHash(HCRYPTHASH hHash)
{
	BOOL ok;

	TRACE("(%#Ix)", hHash);
	ok = impl_CryptDestroyHash(hHash);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptDuplicateHash(HCRYPTHASH hHash, DWORD *pdwReserved, DWORD dwFlags, HCRYPTHASH *phHash)
{
	BOOL ok;

	TRACE("(%#Ix, %p, %#lx, %p)", hHash, pdwReserved, dwFlags, phHash);
	ok = impl_CryptDuplicateHash(hHash, pdwReserved, dwFlags, phHash);
	RESULT(ok, "hHash %#Ix", phHash ? *phHash : 0);
	return ok;
}

BOOL WINAPI CryptHashData(HCRYPTHASH hHash, const BYTE *pbData, DWORD dwDataLen, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	/* the data is the secret (a password): its length only */
	TRACE("(%#Ix, %p, %lu, %s)", hHash, pbData, dwDataLen, csp_dbg_flags(&a, CSP_FLAGS_HASH, dwFlags));
	ok = impl_CryptHashData(hHash, pbData, dwDataLen, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptHashSessionKey(HCRYPTHASH hHash, HCRYPTKEY hKey, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %s)", hHash, hKey, csp_dbg_flags(&a, CSP_FLAGS_HASH, dwFlags));
	ok = impl_CryptHashSessionKey(hHash, hKey, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptSetHashParam(HCRYPTHASH hHash, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p, %#lx)", hHash, csp_dbg_hashparam(&a, dwParam), pbData, dwFlags);
	ok = impl_CryptSetHashParam(hHash, dwParam, pbData, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptGetHashParam(HCRYPTHASH hHash, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p, %p, %#lx)", hHash, csp_dbg_hashparam(&a, dwParam), pbData, pdwDataLen, dwFlags);
	ok = impl_CryptGetHashParam(hHash, dwParam, pbData, pdwDataLen, dwFlags);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}

#define SIGN_EXPORT(name, T, str) \
	BOOL WINAPI name(HCRYPTHASH hHash, DWORD dwKeySpec, const T *szDescription, DWORD dwFlags, BYTE *pbSignature, \
			 DWORD *pdwSigLen) \
	{ \
		csp_dbgbuf a, b, c; \
		BOOL ok; \
		TRACE("(%#Ix, %s, %s, %s, %p, %p)", hHash, csp_dbg_keyspec(&a, dwKeySpec), str(&b, szDescription), \
		      csp_dbg_flags(&c, CSP_FLAGS_SIGN, dwFlags), pbSignature, pdwSigLen); \
		ok = impl_##name(hHash, dwKeySpec, szDescription, dwFlags, pbSignature, pdwSigLen); \
		RESULT(ok, "len %lu", LEN(pdwSigLen)); \
		return ok; \
	}
SIGN_EXPORT(CryptSignHashW, WCHAR, csp_dbg_wstr)
SIGN_EXPORT(CryptSignHashA, char, csp_dbg_astr)

#define VERIFY_EXPORT(name, T, str) \
	BOOL WINAPI name(HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen, HCRYPTKEY hPubKey, \
			 const T *szDescription, DWORD dwFlags) \
	{ \
		csp_dbgbuf a, b; \
		BOOL ok; \
		TRACE("(%#Ix, %p, %lu, %#Ix, %s, %s)", hHash, pbSignature, dwSigLen, hPubKey, str(&a, szDescription), \
		      csp_dbg_flags(&b, CSP_FLAGS_SIGN, dwFlags)); \
		ok = impl_##name(hHash, pbSignature, dwSigLen, hPubKey, szDescription, dwFlags); \
		RESULT(ok, NULL); \
		return ok; \
	}
VERIFY_EXPORT(CryptVerifySignatureW, WCHAR, csp_dbg_wstr)
VERIFY_EXPORT(CryptVerifySignatureA, char, csp_dbg_astr)

/* ---- keys (keys.c) ------------------------------------------------------- */

BOOL WINAPI impl_CryptGenKey(HCRYPTPROV, ALG_ID, DWORD, HCRYPTKEY *);
BOOL WINAPI impl_CryptDeriveKey(HCRYPTPROV, ALG_ID, HCRYPTHASH, DWORD, HCRYPTKEY *);
BOOL WINAPI impl_CryptGetUserKey(HCRYPTPROV, DWORD, HCRYPTKEY *);
BOOL WINAPI impl_CryptImportKey(HCRYPTPROV, const BYTE *, DWORD, HCRYPTKEY, DWORD, HCRYPTKEY *);
BOOL WINAPI impl_CryptDestroyKey(HCRYPTKEY);
BOOL WINAPI impl_CryptDuplicateKey(HCRYPTKEY, DWORD *, DWORD, HCRYPTKEY *);
BOOL WINAPI impl_CryptSetKeyParam(HCRYPTKEY, DWORD, const BYTE *, DWORD);
BOOL WINAPI impl_CryptGetKeyParam(HCRYPTKEY, DWORD, BYTE *, DWORD *, DWORD);
BOOL WINAPI impl_CryptEncrypt(HCRYPTKEY, HCRYPTHASH, BOOL, DWORD, BYTE *, DWORD *, DWORD);
BOOL WINAPI impl_CryptDecrypt(HCRYPTKEY, HCRYPTHASH, BOOL, DWORD, BYTE *, DWORD *);
BOOL WINAPI impl_CryptExportKey(HCRYPTKEY, HCRYPTKEY, DWORD, DWORD, BYTE *, DWORD *);

BOOL WINAPI CryptGenKey(HCRYPTPROV hProv, ALG_ID Algid, DWORD dwFlags, HCRYPTKEY *phKey)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %s, %p)", hProv, csp_dbg_alg(&a, Algid), csp_dbg_flags(&b, CSP_FLAGS_GENKEY, dwFlags), phKey);
	ok = impl_CryptGenKey(hProv, Algid, dwFlags, phKey);
	RESULT(ok, "hKey %#Ix", phKey ? *phKey : 0);
	return ok;
}

BOOL WINAPI CryptDeriveKey(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTHASH hBaseData, DWORD dwFlags, HCRYPTKEY *phKey)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %#Ix, %s, %p)", hProv, csp_dbg_alg(&a, Algid), hBaseData,
	      csp_dbg_flags(&b, CSP_FLAGS_GENKEY, dwFlags), phKey);
	ok = impl_CryptDeriveKey(hProv, Algid, hBaseData, dwFlags, phKey);
	RESULT(ok, "hKey %#Ix", phKey ? *phKey : 0);
	return ok;
}

BOOL WINAPI CryptGetUserKey(HCRYPTPROV hProv, DWORD dwKeySpec, HCRYPTKEY *phUserKey)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p)", hProv, csp_dbg_keyspec(&a, dwKeySpec), phUserKey);
	ok = impl_CryptGetUserKey(hProv, dwKeySpec, phUserKey);
	RESULT(ok, "hKey %#Ix", phUserKey ? *phUserKey : 0);
	return ok;
}

/* A key BLOB's header: its type and algorithm are public, the rest is not looked at. */
static const char *blob_header(csp_dbgbuf *b, const BYTE *data, DWORD len)
{
	const BLOBHEADER *h = (const BLOBHEADER *)data;
	csp_dbgbuf t, a;

	if (!data || len < sizeof(*h))
		return "no header";
	snprintf(b->s, sizeof(b->s), "%s v%u %s", csp_dbg_blobtype(&t, h->bType), h->bVersion,
		 csp_dbg_alg(&a, h->aiKeyAlg));
	return b->s;
}

BOOL WINAPI CryptImportKey(HCRYPTPROV hProv, const BYTE *pbData, DWORD dwDataLen, HCRYPTKEY hPubKey,
			   DWORD dwFlags, HCRYPTKEY *phKey)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %p [%s], %lu, %#Ix, %s, %p)", hProv, pbData, blob_header(&a, pbData, dwDataLen), dwDataLen,
	      hPubKey, csp_dbg_flags(&b, CSP_FLAGS_GENKEY, dwFlags), phKey);
	ok = impl_CryptImportKey(hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);
	RESULT(ok, "hKey %#Ix", phKey ? *phKey : 0);
	return ok;
}

BOOL WINAPI CryptDestroyKey(HCRYPTKEY hKey)
{
	BOOL ok;

	TRACE("(%#Ix)", hKey);
	ok = impl_CryptDestroyKey(hKey);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptDuplicateKey(HCRYPTKEY hKey, DWORD *pdwReserved, DWORD dwFlags, HCRYPTKEY *phKey)
{
	BOOL ok;

	TRACE("(%#Ix, %p, %#lx, %p)", hKey, pdwReserved, dwFlags, phKey);
	ok = impl_CryptDuplicateKey(hKey, pdwReserved, dwFlags, phKey);
	RESULT(ok, "hKey %#Ix", phKey ? *phKey : 0);
	return ok;
}

BOOL WINAPI CryptSetKeyParam(HCRYPTKEY hKey, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	/* pbData may be a key value (KP_X, KP_KEYVAL): the pointer only */
	TRACE("(%#Ix, %s, %p, %#lx)", hKey, csp_dbg_keyparam(&a, dwParam), pbData, dwFlags);
	ok = impl_CryptSetKeyParam(hKey, dwParam, pbData, dwFlags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CryptGetKeyParam(HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p, %p, %#lx)", hKey, csp_dbg_keyparam(&a, dwParam), pbData, pdwDataLen, dwFlags);
	ok = impl_CryptGetKeyParam(hKey, dwParam, pbData, pdwDataLen, dwFlags);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}

BOOL WINAPI CryptEncrypt(HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
			 DWORD *pdwDataLen, DWORD dwBufLen)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %d, %s, %p, %p, %lu)", hKey, hHash, Final, csp_dbg_flags(&a, CSP_FLAGS_CRYPT, dwFlags),
	      pbData, pdwDataLen, dwBufLen);
	ok = impl_CryptEncrypt(hKey, hHash, Final, dwFlags, pbData, pdwDataLen, dwBufLen);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}

BOOL WINAPI CryptDecrypt(HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
			 DWORD *pdwDataLen)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %d, %s, %p, %p)", hKey, hHash, Final, csp_dbg_flags(&a, CSP_FLAGS_CRYPT, dwFlags),
	      pbData, pdwDataLen);
	ok = impl_CryptDecrypt(hKey, hHash, Final, dwFlags, pbData, pdwDataLen);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}

BOOL WINAPI CryptExportKey(HCRYPTKEY hKey, HCRYPTKEY hExpKey, DWORD dwBlobType, DWORD dwFlags, BYTE *pbData,
			   DWORD *pdwDataLen)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %s, %s, %p, %p)", hKey, hExpKey, csp_dbg_blobtype(&a, dwBlobType),
	      csp_dbg_flags(&b, CSP_FLAGS_EXPORT, dwFlags), pbData, pdwDataLen);
	ok = impl_CryptExportKey(hKey, hExpKey, dwBlobType, dwFlags, pbData, pdwDataLen);
	RESULT(ok, "len %lu", LEN(pdwDataLen));
	return ok;
}
