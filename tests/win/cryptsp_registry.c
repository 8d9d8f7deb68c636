/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cryptsp_registry.c - how the dispatcher reads a provider's registration:
 * "Image Path" as a full path, a bare file name or a REG_EXPAND_SZ path
 * (tried on the Base provider's own entry, restored afterwards, since a CSP
 * may know itself by its registered name), then a missing image, an image
 * without the CP* entry points, a "Type" that does not match and an entry
 * with no image, on a provider entry of our own that is removed again.
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

#define PROV_KEY "Software\\Microsoft\\Cryptography\\Defaults\\Provider\\"
#define TEST_PROV "cryptsp test provider"

static BOOL register_provider(const char *image, DWORD image_type, DWORD type)
{
	HKEY key;
	LONG r = RegCreateKeyExA(HKEY_LOCAL_MACHINE, PROV_KEY TEST_PROV, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);

	if (r)
		return FALSE;
	if (image)
		RegSetValueExA(key, "Image Path", 0, image_type, (const BYTE *)image, strlen(image) + 1);
	RegSetValueExA(key, "Type", 0, REG_DWORD, (const BYTE *)&type, sizeof(type));
	RegCloseKey(key);
	return TRUE;
}

static void unregister_provider(void)
{
	RegDeleteKeyA(HKEY_LOCAL_MACHINE, PROV_KEY TEST_PROV);
}

/* Acquiring our own entry must fail, before any CSP is asked, with want. */
static void check_acquire(int line, const char *image, DWORD image_type, DWORD type, DWORD want)
{
	HCRYPTPROV prov = 0;
	BOOL ret;

	if (!register_provider(image, image_type, type)) {
		skip("cannot register a provider under HKLM\n");
		return;
	}
	SetLastError(0xdeadbeef);
	ret = CryptAcquireContextA(&prov, NULL, TEST_PROV, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	ok_(__FILE__, line)(!ret && GetLastError() == want, "%s: expected %08lx, got %d/%08lx\n",
			    image ? image : "(no image)", want, ret, GetLastError());
	if (ret)
		CryptReleaseContext(prov, 0);
	unregister_provider();
}

/* Acquire the Base provider with its "Image Path" replaced for a moment. */
static void check_image_path(int line, const char *image, DWORD image_type)
{
	BYTE saved[MAX_PATH * 2];
	DWORD saved_type, saved_len = sizeof(saved);
	HCRYPTPROV prov;
	BYTE buf[8];
	HKEY key;
	BOOL ret;

	if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, PROV_KEY MS_DEF_PROV_A, 0, KEY_ALL_ACCESS, &key) ||
	    RegQueryValueExA(key, "Image Path", NULL, &saved_type, saved, &saved_len)) {
		skip("cannot change the Base provider's registration\n");
		return;
	}
	RegSetValueExA(key, "Image Path", 0, image_type, (const BYTE *)image, strlen(image) + 1);
	ret = CryptAcquireContextA(&prov, NULL, MS_DEF_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	ok_(__FILE__, line)(ret, "%s: acquire failed: %08lx\n", image, GetLastError());
	if (ret) {
		ok_(__FILE__, line)(CryptGenRandom(prov, sizeof(buf), buf), "%s: CryptGenRandom failed: %08lx\n",
				    image, GetLastError());
		ok_(__FILE__, line)(CryptReleaseContext(prov, 0), "release failed: %08lx\n", GetLastError());
	}
	RegSetValueExA(key, "Image Path", 0, saved_type, saved, saved_len);
	RegCloseKey(key);
}

START_TEST(cryptsp_registry)
{
	char path[MAX_PATH];

	GetSystemDirectoryA(path, sizeof(path));
	strcat(path, "\\rsaenh.dll");

	check_image_path(__LINE__, path, REG_SZ);
	check_image_path(__LINE__, "rsaenh.dll", REG_SZ);
	check_image_path(__LINE__, "%SystemRoot%\\system32\\rsaenh.dll", REG_EXPAND_SZ);
	check_acquire(__LINE__, path, REG_SZ, PROV_RSA_AES, NTE_PROV_TYPE_NO_MATCH);
	check_acquire(__LINE__, "cryptsp_no_such_csp.dll", REG_SZ, PROV_RSA_FULL, NTE_PROV_DLL_NOT_FOUND);
	/* A DLL that is no CSP. */
	check_acquire(__LINE__, "kernel32.dll", REG_SZ, PROV_RSA_FULL, NTE_PROVIDER_DLL_FAIL);
	check_acquire(__LINE__, NULL, REG_SZ, PROV_RSA_FULL, NTE_PROV_TYPE_ENTRY_BAD);
}
