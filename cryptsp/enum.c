/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * enum.c - what the provider registry is asked and told through the API:
 * CryptEnumProviders, CryptEnumProviderTypes, CryptGetDefaultProvider
 * (A and W), and CryptSetProvider/CryptSetProviderEx, which set or delete the
 * user's or the machine's default provider of a type.  Each lookup yields a
 * wide string that the A or W export hands back with the same sizing rules.
 */
#include "dispatch.h"

#define SCOPE_FLAGS (CRYPT_USER_DEFAULT | CRYPT_MACHINE_DEFAULT)

static BOOL return_text(const WCHAR *s, void *buf, DWORD *len, BOOL ansi)
{
	return ansi ? text_return_ansi(s, buf, len) : text_return_wide(s, buf, len);
}

/* Name of subkey index of key, in a fresh string. */
static LONG enum_subkey(HKEY key, DWORD index, WCHAR **name)
{
	DWORD max = 0, len;
	LONG r;

	*name = NULL;
	if ((r = RegQueryInfoKeyW(key, NULL, NULL, NULL, NULL, &max, NULL, NULL, NULL, NULL, NULL, NULL)))
		return r;
	len = max + 1;
	if (!(*name = LocalAlloc(LMEM_ZEROINIT, len * sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	if ((r = RegEnumKeyExW(key, index, *name, &len, NULL, NULL, NULL, NULL))) {
		LocalFree(*name);
		*name = NULL;
	}
	return r;
}

static BOOL enum_providers(DWORD index, DWORD *reserved, DWORD flags, DWORD *type, void *buf, DWORD *len,
			   BOOL ansi)
{
	WCHAR *name;
	BOOL ok;
	HKEY key;
	LONG r;

	if (reserved || !type || !len)
		return fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return fail(NTE_BAD_FLAGS);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, registry_providers_path, 0, KEY_READ, &key))
		return fail(NTE_FAIL);
	r = enum_subkey(key, index, &name);
	RegCloseKey(key);
	if (r)
		return fail(r == ERROR_NOT_ENOUGH_MEMORY ? NTE_NO_MEMORY : (DWORD)r);
	ok = registry_provider_type(name, type) && return_text(name, buf, len, ansi);
	LocalFree(name);
	return ok;
}

BOOL WINAPI impl_CryptEnumProvidersW(DWORD dwIndex, DWORD *pdwReserved, DWORD dwFlags, DWORD *pdwProvType,
				LPWSTR szProvName, DWORD *pcbProvName)
{
	return enum_providers(dwIndex, pdwReserved, dwFlags, pdwProvType, szProvName, pcbProvName, FALSE);
}

BOOL WINAPI impl_CryptEnumProvidersA(DWORD dwIndex, DWORD *pdwReserved, DWORD dwFlags, DWORD *pdwProvType,
				LPSTR szProvName, DWORD *pcbProvName)
{
	return enum_providers(dwIndex, pdwReserved, dwFlags, pdwProvType, szProvName, pcbProvName, TRUE);
}

/* "Type NNN" -> NNN */
static BOOL parse_type_key(const WCHAR *name, DWORD *type)
{
	static const WCHAR prefix[] = L"Type ";
	const WCHAR *p = name + ARRAYSIZE(prefix) - 1;
	int i;

	if (wcsncmp(name, prefix, ARRAYSIZE(prefix) - 1) || lstrlenW(p) != 3)
		return FALSE;
	for (*type = 0, i = 0; i < 3; i++) {
		if (p[i] < '0' || p[i] > '9')
			return FALSE;
		*type = *type * 10 + (p[i] - '0');
	}
	return TRUE;
}

static BOOL enum_types(DWORD index, DWORD *reserved, DWORD flags, DWORD *type, void *buf, DWORD *len, BOOL ansi)
{
	WCHAR *name, *typename = NULL;
	HKEY key, sub;
	BOOL ok;
	LONG r;

	if (reserved || !type || !len)
		return fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return fail(NTE_BAD_FLAGS);
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, registry_types_path, 0, KEY_READ, &key))
		return fail(NTE_FAIL);
	if ((r = enum_subkey(key, index, &name))) {
		RegCloseKey(key);
		return fail(r == ERROR_NOT_ENOUGH_MEMORY ? NTE_NO_MEMORY : (DWORD)r);
	}
	ok = parse_type_key(name, type) ? TRUE : fail(NTE_PROV_TYPE_ENTRY_BAD);
	if (ok && !(ok = !RegOpenKeyExW(key, name, 0, KEY_QUERY_VALUE, &sub)))
		SetLastError(NTE_PROV_TYPE_ENTRY_BAD);
	if (ok) {
		r = registry_read_string(sub, L"TypeName", &typename);
		RegCloseKey(sub);
		ok = r ? fail(r == ERROR_NOT_ENOUGH_MEMORY ? NTE_NO_MEMORY : NTE_PROV_TYPE_ENTRY_BAD)
		       : return_text(typename, buf, len, ansi);
	}
	RegCloseKey(key);
	LocalFree(typename);
	LocalFree(name);
	return ok;
}

BOOL WINAPI impl_CryptEnumProviderTypesW(DWORD dwIndex, DWORD *pdwReserved, DWORD dwFlags, DWORD *pdwProvType,
				    LPWSTR szTypeName, DWORD *pcbTypeName)
{
	return enum_types(dwIndex, pdwReserved, dwFlags, pdwProvType, szTypeName, pcbTypeName, FALSE);
}

BOOL WINAPI impl_CryptEnumProviderTypesA(DWORD dwIndex, DWORD *pdwReserved, DWORD dwFlags, DWORD *pdwProvType,
				    LPSTR szTypeName, DWORD *pcbTypeName)
{
	return enum_types(dwIndex, pdwReserved, dwFlags, pdwProvType, szTypeName, pcbTypeName, TRUE);
}

static BOOL get_default(DWORD type, DWORD *reserved, DWORD flags, void *buf, DWORD *len, BOOL ansi)
{
	WCHAR *name;
	BOOL ok;

	if (reserved || !len)
		return fail(ERROR_INVALID_PARAMETER);
	if ((flags & ~SCOPE_FLAGS) || flags == SCOPE_FLAGS)
		return fail(NTE_BAD_FLAGS);
	if (!type || type > MAX_PROV_TYPE)
		return fail(NTE_BAD_PROV_TYPE);
	if (!registry_read_default(type, flags & CRYPT_USER_DEFAULT, &name))
		return FALSE;
	ok = return_text(name, buf, len, ansi);
	LocalFree(name);
	return ok;
}

BOOL WINAPI impl_CryptGetDefaultProviderW(DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags, LPWSTR pszProvName,
				     DWORD *pcbProvName)
{
	return get_default(dwProvType, pdwReserved, dwFlags, pszProvName, pcbProvName, FALSE);
}

BOOL WINAPI impl_CryptGetDefaultProviderA(DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags, LPSTR pszProvName,
				     DWORD *pcbProvName)
{
	return get_default(dwProvType, pdwReserved, dwFlags, pszProvName, pcbProvName, TRUE);
}

/* Forget a default: the user's key goes (it holds nothing else), the
 * machine's type key keeps its TypeName and loses its Name. */
static BOOL delete_default(DWORD type, BOOL user)
{
	WCHAR path[128];
	HKEY key;
	LONG r;

	registry_type_key(type, user, path, ARRAYSIZE(path));
	if (user)
		r = RegDeleteKeyW(HKEY_CURRENT_USER, path);
	else if (!(r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_SET_VALUE, &key))) {
		r = RegDeleteValueW(key, L"Name");
		RegCloseKey(key);
	}
	/* Nothing to forget is what was asked for. */
	if (r && r != ERROR_FILE_NOT_FOUND)
		return fail(r);
	return TRUE;
}

static BOOL write_default(const WCHAR *name, DWORD type, BOOL user)
{
	WCHAR path[128];
	DWORD registered;
	HKEY key;
	LONG r;

	if (!registry_provider_type(name, &registered))
		return fail(NTE_BAD_PROVIDER);
	if (registered != type)
		return fail(NTE_PROV_TYPE_NO_MATCH);
	registry_type_key(type, user, path, ARRAYSIZE(path));
	r = RegCreateKeyExW(user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_SET_VALUE, NULL,
			    &key, NULL);
	if (r)
		return fail(r);
	r = RegSetValueExW(key, L"Name", 0, REG_SZ, (const BYTE *)name, (lstrlenW(name) + 1) * sizeof(WCHAR));
	RegCloseKey(key);
	return r ? fail(r) : TRUE;
}

BOOL WINAPI impl_CryptSetProviderExW(LPCWSTR pszProvName, DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags)
{
	DWORD scope = dwFlags & SCOPE_FLAGS;

	if (pdwReserved || (!pszProvName && !(dwFlags & CRYPT_DELETE_DEFAULT)))
		return fail(ERROR_INVALID_PARAMETER);
	if (!dwProvType || dwProvType > MAX_PROV_TYPE)
		return fail(NTE_BAD_PROV_TYPE);
	if ((dwFlags & ~(SCOPE_FLAGS | CRYPT_DELETE_DEFAULT)) || !scope || scope == SCOPE_FLAGS)
		return fail(NTE_BAD_FLAGS);
	if (dwFlags & CRYPT_DELETE_DEFAULT)
		return delete_default(dwProvType, scope == CRYPT_USER_DEFAULT);
	return write_default(pszProvName, dwProvType, scope == CRYPT_USER_DEFAULT);
}

BOOL WINAPI impl_CryptSetProviderExA(LPCSTR pszProvName, DWORD dwProvType, DWORD *pdwReserved, DWORD dwFlags)
{
	WCHAR *name;
	BOOL ok;

	if (!text_to_wide(pszProvName, &name))
		return FALSE;
	ok = CryptSetProviderExW(name, dwProvType, pdwReserved, dwFlags);
	LocalFree(name);
	return ok;
}

BOOL WINAPI impl_CryptSetProviderW(LPCWSTR pszProvName, DWORD dwProvType)
{
	return CryptSetProviderExW(pszProvName, dwProvType, NULL, CRYPT_USER_DEFAULT);
}

BOOL WINAPI impl_CryptSetProviderA(LPCSTR pszProvName, DWORD dwProvType)
{
	return CryptSetProviderExA(pszProvName, dwProvType, NULL, CRYPT_USER_DEFAULT);
}
