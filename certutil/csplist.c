/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * csplist.c - -csplist: every registered provider and its type, as on
 * Windows, and beyond Windows the DLL that serves it: the "Image Path" of
 * its registry entry, found in the system folder (syswow64 for a 32-bit
 * certutil under WoW64), and whose it is.  Wine's builtin PE DLLs say
 * "Wine builtin DLL" in their DOS stub; ours hold the DPAPI description of
 * a stored key pair, L"rsaenh key pair, permissions" (rsaenh/dll/container.c).
 * The DllOverrides value for the DLL is shown where one is set.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

#define PROVIDERS "SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider\\"

static BOOL has_bytes(const BYTE *data, DWORD len, const void *what, DWORD n)
{
	DWORD i;

	for (i = 0; i + n <= len; i++)
		if (!memcmp(data + i, what, n))
			return TRUE;
	return FALSE;
}

/* "ours", "Wine builtin", "native, not ours" or why it cannot be told */
static const char *whose(const char *path)
{
	static const WCHAR marker[] = L"rsaenh key pair, permissions";
	DWORD len;
	BYTE *data = read_file(path, &len);
	const char *r;

	if (!data)
		return GetLastError() == ERROR_FILE_NOT_FOUND || GetLastError() == ERROR_PATH_NOT_FOUND
			? "missing" : "unreadable";
	if (len < 0x40 || data[0] != 'M' || data[1] != 'Z')
		r = "not a PE file";
	else if (has_bytes(data, len < 0x200 ? len : 0x200, "Wine builtin DLL", 16))
		r = "Wine builtin";
	else if (has_bytes(data, len, marker, sizeof(marker) - sizeof(WCHAR)))
		r = "ours";
	else
		r = "native, not ours";
	free(data);
	return r;
}

static BOOL reg_string(HKEY root, const char *path, const char *value, char *buf, DWORD size)
{
	HKEY key;
	DWORD type, len = size - 1;
	LONG r;

	if (RegOpenKeyExA(root, path, 0, KEY_READ, &key))
		return FALSE;
	r = RegQueryValueExA(key, value, NULL, &type, (BYTE *)buf, &len);
	RegCloseKey(key);
	if (r || (type != REG_SZ && type != REG_EXPAND_SZ))
		return FALSE;
	buf[len] = 0;
	if (type == REG_EXPAND_SZ) {
		char tmp[MAX_PATH];
		if (ExpandEnvironmentStringsA(buf, tmp, sizeof(tmp)) && strlen(tmp) < size)
			strcpy(buf, tmp);
	}
	return TRUE;
}

/* The system folder this process's DLLs come from, as shown. */
static void system_folder(char *buf, UINT size)
{
	BOOL wow = FALSE;

	if (IsWow64Process(GetCurrentProcess(), &wow) && wow && GetSystemWow64DirectoryA(buf, size))
		return;
	GetSystemDirectoryA(buf, size);
}

static void show_image(const char *prov)
{
	char path[512], image[MAX_PATH], shown[MAX_PATH + 64], sys[MAX_PATH], base[MAX_PATH], ovr[128];
	const char *file, *dot;

	snprintf(path, sizeof(path), PROVIDERS "%s", prov);
	if (!reg_string(HKEY_LOCAL_MACHINE, path, "Image Path", image, sizeof(image))) {
		printf("Image: (no \"Image Path\" registered)\n");
		return;
	}
	if (!strchr(image, '\\')) {
		/* a bare name is loaded from the system folder */
		GetSystemDirectoryA(sys, sizeof(sys));
		snprintf(path, sizeof(path), "%s\\%s", sys, image);
		system_folder(sys, sizeof(sys));
		snprintf(shown, sizeof(shown), "%s\\%s", sys, image);
	} else {
		snprintf(path, sizeof(path), "%s", image);
		snprintf(shown, sizeof(shown), "%s", image);
	}
	printf("Image: %s (%s)\n", shown, whose(path));
	file = strrchr(image, '\\') ? strrchr(image, '\\') + 1 : image;
	snprintf(base, sizeof(base), "%s", file);
	if ((dot = strrchr(base, '.')) && !_stricmp(dot, ".dll"))
		base[dot - base] = 0;
	if (reg_string(HKEY_CURRENT_USER, "Software\\Wine\\DllOverrides", base, ovr, sizeof(ovr)))
		printf("DllOverrides: %s=%s\n", base, ovr);
}

int cmd_csplist(const struct options *o)
{
	char name[256];
	DWORD i, type, len, err;

	for (i = 0;; i++) {
		len = sizeof(name);
		if (!CryptEnumProvidersA(i, NULL, 0, &type, name, &len)) {
			err = GetLastError();
			if (err == ERROR_NO_MORE_ITEMS)
				break;
			return fail(o, err, "CryptEnumProviders");
		}
		printf("Provider Name: %s\n", name);
		printf("Provider Type: %lu - %s\n", (unsigned long)type, prov_type_name(type));
		show_image(name);
		printf("\n");
	}
	return done(o);
}
