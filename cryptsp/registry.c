/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * registry.c - where providers are found: each installed CSP under
 * HKLM\SOFTWARE\Microsoft\Cryptography\Defaults\Provider\<name> ("Image
 * Path", "Type"), the machine default per type under ...\Provider
 * Types\Type NNN ("Name"), and the user default under
 * HKCU\Software\Microsoft\Cryptography\Provider Type NNN ("Name").
 */
#include <stdio.h>
#include "dispatch.h"

const WCHAR registry_providers_path[] = L"Software\\Microsoft\\Cryptography\\Defaults\\Provider";
const WCHAR registry_types_path[] = L"Software\\Microsoft\\Cryptography\\Defaults\\Provider Types";

void registry_type_key(DWORD type, BOOL user, WCHAR *buf, size_t len)
{
	if (user)
		_snwprintf(buf, len, L"Software\\Microsoft\\Cryptography\\Provider Type %03lu", (unsigned long)type);
	else
		_snwprintf(buf, len, L"%ls\\Type %03lu", registry_types_path, (unsigned long)type);
	buf[len - 1] = 0;
}

LONG registry_read_string(HKEY key, const WCHAR *value, WCHAR **out)
{
	DWORD type, size = 0;
	LONG r;

	*out = NULL;
	r = RegQueryValueExW(key, value, NULL, &type, NULL, &size);
	if (r)
		return r;
	if ((type != REG_SZ && type != REG_EXPAND_SZ) || size < sizeof(WCHAR))
		return ERROR_INVALID_DATA;
	/* Room for a terminator the stored value may lack. */
	if (!(*out = LocalAlloc(LMEM_ZEROINIT, size + sizeof(WCHAR))))
		return ERROR_NOT_ENOUGH_MEMORY;
	r = RegQueryValueExW(key, value, NULL, &type, (BYTE *)*out, &size);
	if (r) {
		LocalFree(*out);
		*out = NULL;
	}
	return r;
}

BOOL registry_read_default(DWORD type, BOOL user, WCHAR **name)
{
	csp_dbgbuf b;
	WCHAR path[128];
	HKEY key;
	LONG r;

	*name = NULL;
	registry_type_key(type, user, path, ARRAYSIZE(path));
	if (RegOpenKeyExW(user ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key)) {
		CSP_TRACE(dbg_cryptsp, "no %s default for type %lu", user ? "user" : "machine", type);
		return fail(NTE_PROV_TYPE_NOT_DEF);
	}
	r = registry_read_string(key, L"Name", name);
	RegCloseKey(key);
	if (r || !**name) {
		CSP_WARN(dbg_cryptsp, "%s default of type %lu: no usable Name (error %ld)", user ? "user" : "machine",
			 type, r);
		LocalFree(*name);
		*name = NULL;
		return fail(r == ERROR_NOT_ENOUGH_MEMORY ? NTE_NO_MEMORY : NTE_PROV_TYPE_ENTRY_BAD);
	}
	CSP_TRACE(dbg_cryptsp, "%s default of type %lu: %s", user ? "user" : "machine", type, csp_dbg_wstr(&b, *name));
	return TRUE;
}

BOOL registry_default_provider(DWORD type, WCHAR **name)
{
	/* A user default that is absent or unreadable falls back to the machine's. */
	return registry_read_default(type, TRUE, name) || registry_read_default(type, FALSE, name);
}

static BOOL open_provider(const WCHAR *name, HKEY *key)
{
	HKEY root;
	LONG r;

	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, registry_providers_path, 0, KEY_ENUMERATE_SUB_KEYS, &root))
		return fail(NTE_KEYSET_NOT_DEF);
	r = RegOpenKeyExW(root, name, 0, KEY_QUERY_VALUE, key);
	RegCloseKey(root);
	if (r) {
		csp_dbgbuf b;

		CSP_WARN(dbg_cryptsp, "provider %s is not registered", csp_dbg_wstr(&b, name));
		return fail(NTE_KEYSET_NOT_DEF);
	}
	return TRUE;
}

static BOOL read_type(HKEY key, DWORD *type)
{
	DWORD size = sizeof(*type), vtype;
	LONG r = RegQueryValueExW(key, L"Type", NULL, &vtype, (BYTE *)type, &size);

	if (r || vtype != REG_DWORD || size != sizeof(*type))
		return fail(NTE_PROV_TYPE_ENTRY_BAD);
	return TRUE;
}

BOOL registry_provider_type(const WCHAR *name, DWORD *type)
{
	HKEY key;
	BOOL ok;

	if (!open_provider(name, &key))
		return FALSE;
	ok = read_type(key, type);
	RegCloseKey(key);
	return ok;
}

BOOL registry_provider_image(const WCHAR *name, DWORD want_type, WCHAR **image)
{
	csp_dbgbuf b, c;
	DWORD type, n;
	WCHAR *raw;
	HKEY key;
	LONG r;

	*image = NULL;
	if (!open_provider(name, &key))
		return FALSE;
	if (!read_type(key, &type)) {
		RegCloseKey(key);
		return FALSE;
	}
	if (type != want_type) {
		CSP_WARN(dbg_cryptsp, "provider %s is of type %lu, not %lu", csp_dbg_wstr(&b, name), type, want_type);
		RegCloseKey(key);
		return fail(NTE_PROV_TYPE_NO_MATCH);
	}
	r = registry_read_string(key, L"Image Path", &raw);
	RegCloseKey(key);
	if (r || !*raw) {
		LocalFree(raw);
		return fail(r == ERROR_NOT_ENOUGH_MEMORY ? NTE_NO_MEMORY : NTE_PROV_TYPE_ENTRY_BAD);
	}
	/* REG_EXPAND_SZ paths name %SystemRoot%; expanding a plain one is harmless. */
	n = ExpandEnvironmentStringsW(raw, NULL, 0);
	if (!n || !(*image = LocalAlloc(LMEM_ZEROINIT, n * sizeof(WCHAR))) ||
	    !ExpandEnvironmentStringsW(raw, *image, n)) {
		LocalFree(raw);
		LocalFree(*image);
		*image = NULL;
		return fail(NTE_NO_MEMORY);
	}
	LocalFree(raw);
	CSP_TRACE(dbg_cryptsp, "provider %s, type %lu: image %s", csp_dbg_wstr(&b, name), type, csp_dbg_wstr(&c, *image));
	return TRUE;
}
