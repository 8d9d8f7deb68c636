/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * context.c - the exports that make, share and end a provider context, and
 * those that talk to the context itself: CryptAcquireContextA/W,
 * CryptContextAddRef, CryptReleaseContext, CryptGetProvParam,
 * CryptSetProvParam, CryptGenRandom.
 */
#include "dispatch.h"

/* Call CPAcquireContext in a freshly loaded provider and publish the result. */
static BOOL acquire(struct provider *prov, const WCHAR *container, DWORD flags, HCRYPTPROV *out)
{
	HCRYPTPROV csp = 0;
	char *containerA;
	BOOL ok;

	if (!text_to_ansi(container, &containerA))
		return FALSE;
	ok = prov->fn.CPAcquireContext(&csp, containerA, flags, &prov->vtable);
	LocalFree(containerA);
	if (!ok)
		return FALSE;
	if (flags & CRYPT_DELETEKEYSET) {
		/* The container is gone and the CSP keeps no context for it. */
		*out = 0;
		return TRUE;
	}

	prov->obj.csp = csp;
	prov->acquired = TRUE;
	prov->users = 1;
	handles_lock();
	ok = handle_publish_locked(&prov->obj);
	handles_unlock();
	if (!ok) {
		prov->fn.CPReleaseContext(csp, 0);
		prov->acquired = FALSE;
		return fail(NTE_NO_MEMORY);
	}
	*out = prov->obj.handle;
	return TRUE;
}

BOOL WINAPI impl_CryptAcquireContextW(HCRYPTPROV *phProv, LPCWSTR pszContainer, LPCWSTR pszProvider,
				 DWORD dwProvType, DWORD dwFlags)
{
	WCHAR *name = NULL, *image = NULL;
	struct provider *prov = NULL;
	HCRYPTPROV result = 0;
	BOOL ok = FALSE;
	DWORD err;

	if (!dwProvType || dwProvType > MAX_PROV_TYPE)
		return fail(NTE_BAD_PROV_TYPE);
	if (!phProv)
		return fail(ERROR_INVALID_PARAMETER);

	if (!pszProvider || !*pszProvider) {
		if (!registry_default_provider(dwProvType, &name))
			return FALSE;
		pszProvider = name;
	}
	if (registry_cached_image(pszProvider, dwProvType, &image) &&
	    (prov = provider_load(image, pszProvider, dwProvType)))
		ok = acquire(prov, pszContainer, dwFlags, &result);

	err = GetLastError();
	/* Once published, the context belongs to the handle table. */
	if (prov && !result)
		provider_discard(prov);
	if (ok)
		*phProv = result;
	LocalFree(image);
	LocalFree(name);
	/* Success says so: a leftover error from the registry is no news. */
	SetLastError(ok ? ERROR_SUCCESS : err);
	return ok;
}

BOOL WINAPI impl_CryptAcquireContextA(HCRYPTPROV *phProv, LPCSTR pszContainer, LPCSTR pszProvider,
				 DWORD dwProvType, DWORD dwFlags)
{
	WCHAR *container = NULL, *provider = NULL;
	BOOL ok = FALSE;

	if (text_to_wide(pszContainer, &container) && text_to_wide(pszProvider, &provider))
		ok = CryptAcquireContextW(phProv, container, provider, dwProvType, dwFlags);
	LocalFree(container);
	LocalFree(provider);
	return ok;
}

BOOL WINAPI impl_CryptContextAddRef(HCRYPTPROV hProv, DWORD *pdwReserved, DWORD dwFlags)
{
	struct provider *prov = provider_get(hProv);
	BOOL ok;

	if (!prov)
		return FALSE;
	if (pdwReserved)
		ok = fail(ERROR_INVALID_PARAMETER);
	else if (dwFlags)
		ok = fail(NTE_BAD_FLAGS);
	else
		ok = provider_add_user(hProv);
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptReleaseContext(HCRYPTPROV hProv, DWORD dwFlags)
{
	/* Non-zero flags are refused, but the reference is released all the same. */
	return provider_release_user(hProv, dwFlags);
}

BOOL WINAPI impl_CryptGetProvParam(HCRYPTPROV hProv, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
	struct provider *prov = provider_get(hProv);
	BOOL ok;

	if (!prov)
		return FALSE;
	if (!pdwDataLen)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPGetProvParam(prov->obj.csp, dwParam, pbData, pdwDataLen, dwFlags);
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptSetProvParam(HCRYPTPROV hProv, DWORD dwParam, const BYTE *pbData, DWORD dwFlags)
{
	struct provider *prov;
	BOOL ok;

	/* The parent window for CSP dialogs belongs to the process, not to a
	 * context: it may be set with no context at all. */
	if (dwParam == PP_CLIENT_HWND && !hProv) {
		if (!pbData)
			return fail(ERROR_INVALID_PARAMETER);
		provider_set_client_window(*(const HWND *)pbData);
		return TRUE;
	}
	if (!(prov = provider_get(hProv)))
		return FALSE;
	if (dwParam == PP_CLIENT_HWND) {
		if (!pbData)
			ok = fail(ERROR_INVALID_PARAMETER);
		else {
			provider_set_client_window(*(const HWND *)pbData);
			ok = TRUE;
		}
	} else
		ok = prov->fn.CPSetProvParam(prov->obj.csp, dwParam, pbData, dwFlags);
	object_put(&prov->obj);
	return ok;
}

BOOL WINAPI impl_CryptGenRandom(HCRYPTPROV hProv, DWORD dwLen, BYTE *pbBuffer)
{
	struct provider *prov = provider_get(hProv);
	BOOL ok;

	if (!prov)
		return FALSE;
	if (dwLen && !pbBuffer)
		ok = fail(ERROR_INVALID_PARAMETER);
	else
		ok = prov->fn.CPGenRandom(prov->obj.csp, dwLen, pbBuffer);
	object_put(&prov->obj);
	return ok;
}
