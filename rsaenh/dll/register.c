/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * register.c - DllRegisterServer / DllUnregisterServer: the provider entries
 * Windows has for rsaenh or dssenh (the profiles of csp_identity.image) (Defaults\Provider\<name> with "Image Path",
 * "Type", "SigInFile"; Provider Types\Type NNN for the types whose default
 * is ours), written from the same profile table CPAcquireContext accepts.
 */
#include <stdio.h>
#include <string.h>
#include "objects.h"
#include "identity.h"

#define PROVIDERS "SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider\\"
#define PROVIDER_TYPES "SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider Types\\"

static LONG set_sz(HKEY key, const char *name, const char *value)
{
	return RegSetValueExA(key, name, 0, REG_SZ, (const BYTE *)value, (DWORD)strlen(value) + 1);
}

static LONG set_dword(HKEY key, const char *name, DWORD value)
{
	return RegSetValueExA(key, name, 0, REG_DWORD, (const BYTE *)&value, sizeof(value));
}

static void type_key_path(char *buf, size_t size, DWORD type)
{
	snprintf(buf, size, PROVIDER_TYPES "Type %03lu", (unsigned long)type);
}

static LONG register_profile(const struct csp_profile *p)
{
	char path[256];
	HKEY key;
	LONG r;

	snprintf(path, sizeof(path), PROVIDERS "%s", p->name);
	/* replace whatever an earlier provider left there */
	RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
	if ((r = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL)))
		return r;
	if (!(r = set_sz(key, "Image Path", csp_identity.image)) && !(r = set_dword(key, "Type", p->type)))
		r = set_dword(key, "SigInFile", 0);
	RegCloseKey(key);
	if (r || !p->type_name)
		return r;

	type_key_path(path, sizeof(path), p->type);
	if ((r = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL)))
		return r;
	if (!(r = set_sz(key, "Name", p->name)))
		r = set_sz(key, "TypeName", p->type_name);
	RegCloseKey(key);
	return r;
}

HRESULT WINAPI DllRegisterServer(void)
{
	DWORD i;
	LONG r;

	for (i = 0; i < csp_profile_count(); i++) {
		const struct csp_profile *p = csp_profile_at(i);

		if (p->registered && !strcmp(p->image, csp_identity.image) && (r = register_profile(p)))
			return HRESULT_FROM_WIN32(r);
	}
	return S_OK;
}

/* Remove a type's default only while it still names our provider. */
static void unregister_type(const struct csp_profile *p)
{
	char path[256], name[256];
	DWORD size = sizeof(name), kind;
	HKEY key;

	type_key_path(path, sizeof(path), p->type);
	if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &key))
		return;
	if (!RegQueryValueExA(key, "Name", NULL, &kind, (BYTE *)name, &size) && kind == REG_SZ &&
	    size <= sizeof(name) - 1) {
		name[size] = 0;
		RegCloseKey(key);
		if (!_stricmp(name, p->name))
			RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
		return;
	}
	RegCloseKey(key);
}

HRESULT WINAPI DllUnregisterServer(void)
{
	char path[256];
	DWORD i;

	for (i = 0; i < csp_profile_count(); i++) {
		const struct csp_profile *p = csp_profile_at(i);

		if (!p->registered || strcmp(p->image, csp_identity.image))
			continue;
		snprintf(path, sizeof(path), PROVIDERS "%s", p->name);
		RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
		if (p->type_name)
			unregister_type(p);
	}
	return S_OK;
}
