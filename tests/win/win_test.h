/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * win_test.h - what our winetest-style programs share: a call that must
 * fail with a given Windows error code, a verify context, a key of known
 * bytes, and running this program again as a child.  Include after
 * wine/test.h.
 */
#ifndef WIN_TEST_H
#define WIN_TEST_H

#include <stdio.h>
#include <string.h>

/* ret must be FALSE and GetLastError() err; call SetLastError(0xdeadbeef)
 * before the call so a stale code cannot pass. */
#define expect_error(ret, err) expect_error_(__LINE__, ret, err)
static inline void expect_error_(int line, BOOL ret, DWORD err)
{
	DWORD got = GetLastError();

	ok_(__FILE__, line)(!ret && got == err, "expected failure %08lx, got %d/%08lx\n", err, ret, got);
}

/* A CRYPT_VERIFYCONTEXT context of the named provider; 0 on failure. */
static inline HCRYPTPROV verify_context(const char *name, DWORD type)
{
	HCRYPTPROV prov = 0;

	ok(CryptAcquireContextA(&prov, NULL, name, type, CRYPT_VERIFYCONTEXT), "acquire %s: %08lx\n", name,
	   GetLastError());
	return prov;
}

/* A session key of n known bytes (at most 32), through a PLAINTEXTKEYBLOB
 * with the given CryptImportKey flags. */
static inline HCRYPTKEY import_plain_key(HCRYPTPROV prov, ALG_ID alg, const BYTE *bytes, DWORD n, DWORD flags)
{
	BYTE blob[sizeof(BLOBHEADER) + 4 + 32];
	BLOBHEADER *h = (BLOBHEADER *)blob;
	HCRYPTKEY key = 0;

	h->bType = PLAINTEXTKEYBLOB;
	h->bVersion = CUR_BLOB_VERSION;
	h->reserved = 0;
	h->aiKeyAlg = alg;
	memcpy(blob + sizeof(*h), &n, 4);
	memcpy(blob + sizeof(*h) + 4, bytes, n);
	ok(CryptImportKey(prov, blob, sizeof(*h) + 4 + n, 0, flags, &key), "PLAINTEXTKEYBLOB: %08lx\n",
	   GetLastError());
	return key;
}

/* This program again, as "PROGRAM TEST args": its process handle, or NULL. */
static inline HANDLE start_child(const char *test, const char *args)
{
	char cmd[MAX_PATH * 3], **argv;
	STARTUPINFOA si;
	PROCESS_INFORMATION pi;

	memset(&si, 0, sizeof(si));
	si.cb = sizeof(si);
	winetest_get_mainargs(&argv);
	snprintf(cmd, sizeof(cmd), "\"%s\" %s %s", argv[0], test, args);
	if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
		return NULL;
	CloseHandle(pi.hThread);
	return pi.hProcess;
}

/* The same, waited for (five minutes at most): its exit code, 0xdead when
 * it did not start. */
static inline DWORD run_child(const char *test, const char *args)
{
	HANDLE child = start_child(test, args);
	DWORD code = 0xdead;

	if (!child)
		return code;
	WaitForSingleObject(child, 300000);
	GetExitCodeProcess(child, &code);
	CloseHandle(child);
	return code;
}

#endif
