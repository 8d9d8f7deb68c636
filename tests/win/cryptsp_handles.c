/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cryptsp_handles.c - the dispatcher's own tests: bad, freed, wrong-type and
 * foreign handles, context reference counts, keys and hashes outliving their
 * context, the registry exports' buffer sizing, defaults, and many threads
 * sharing contexts.  Runs through advapi32's imports, so it exercises
 * whichever cryptsp the prefix loads.
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"
#include "win_test.h"

#define ENH_NAME MS_ENHANCED_PROV_A
#define BASE_NAME MS_DEF_PROV_A

static HCRYPTPROV acquire_verify(const char *name)
{
	HCRYPTPROV prov = 0;
	BOOL ret = CryptAcquireContextA(&prov, NULL, name, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);

	ok(ret, "CryptAcquireContextA(%s) failed: %08lx\n", name ? name : "(default)", GetLastError());
	return ret ? prov : 0;
}

static void test_bad_handles(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY key, key2;
	HCRYPTHASH hash, hash2;
	BYTE buf[16];
	DWORD len;
	ULONG_PTR local = 0, garbage[] = { 0, 1, 0xdeadbeef, (ULONG_PTR)&local, (ULONG_PTR)buf + 3, ~(ULONG_PTR)0 };
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(garbage); i++) {
		ULONG_PTR h = garbage[i];

		SetLastError(0xdeadbeef);
		expect_error(CryptReleaseContext(h, 0), ERROR_INVALID_PARAMETER);
		expect_error(CryptContextAddRef(h, NULL, 0), ERROR_INVALID_PARAMETER);
		expect_error(CryptGenRandom(h, sizeof(buf), buf), ERROR_INVALID_PARAMETER);
		expect_error(CryptGenKey(h, CALG_RC4, 0, &key), ERROR_INVALID_PARAMETER);
		expect_error(CryptCreateHash(h, CALG_SHA1, 0, 0, &hash), ERROR_INVALID_PARAMETER);
		expect_error(CryptDestroyKey(h), ERROR_INVALID_PARAMETER);
		expect_error(CryptDestroyHash(h), ERROR_INVALID_PARAMETER);
		expect_error(CryptHashData(h, buf, 1, 0), ERROR_INVALID_PARAMETER);
		len = 1;
		expect_error(CryptEncrypt(h, 0, TRUE, 0, buf, &len, sizeof(buf)), ERROR_INVALID_PARAMETER);
		len = sizeof(buf);
		expect_error(CryptGetProvParam(h, PP_NAME, buf, &len, 0), ERROR_INVALID_PARAMETER);
	}

	prov = acquire_verify(ENH_NAME);
	if (!prov)
		return;
	/* Windows' handles are pointers and programs peek through them. */
	ok(*(void **)prov != NULL, "nothing readable behind the context handle\n");

	ok(CryptGenKey(prov, CALG_RC4, 0, &key), "CryptGenKey failed: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "CryptCreateHash failed: %08lx\n", GetLastError());

	/* Right value, wrong kind. */
	expect_error(CryptHashData(key, buf, 1, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptGenKey(key, CALG_RC4, 0, &key2), ERROR_INVALID_PARAMETER);
	expect_error(CryptDestroyKey(hash), ERROR_INVALID_PARAMETER);
	expect_error(CryptDestroyHash(key), ERROR_INVALID_PARAMETER);
	expect_error(CryptDestroyKey(prov), ERROR_INVALID_PARAMETER);
	expect_error(CryptReleaseContext(key, 0), ERROR_INVALID_PARAMETER);
	len = 1;
	expect_error(CryptEncrypt(key, key, TRUE, 0, buf, &len, sizeof(buf)), ERROR_INVALID_PARAMETER);
	expect_error(CryptHashSessionKey(hash, hash, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptHashSessionKey(hash, 0, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptDeriveKey(prov, CALG_RC4, key, 0, &key2), ERROR_INVALID_PARAMETER);
	expect_error(CryptDeriveKey(prov, CALG_RC4, 0, 0, &key2), ERROR_INVALID_PARAMETER);

	/* Missing out-pointers. */
	expect_error(CryptGenKey(prov, CALG_RC4, 0, NULL), ERROR_INVALID_PARAMETER);
	expect_error(CryptCreateHash(prov, CALG_SHA1, 0, 0, NULL), ERROR_INVALID_PARAMETER);
	expect_error(CryptGetHashParam(hash, HP_HASHVAL, buf, NULL, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptDuplicateHash(hash, &len, 0, &hash2), ERROR_INVALID_PARAMETER);
	expect_error(CryptDuplicateKey(key, NULL, 0, NULL), ERROR_INVALID_PARAMETER);

	/* Freed handles stay dead, even once their slot is used again. */
	ok(CryptDestroyKey(key), "CryptDestroyKey failed: %08lx\n", GetLastError());
	expect_error(CryptDestroyKey(key), ERROR_INVALID_PARAMETER);
	ok(CryptGenKey(prov, CALG_RC4, 0, &key2), "CryptGenKey failed: %08lx\n", GetLastError());
	ok(key2 != key, "a freed key handle came back at once\n");
	len = 1;
	expect_error(CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)), ERROR_INVALID_PARAMETER);
	len = 1;
	ok(CryptEncrypt(key2, 0, TRUE, 0, buf, &len, sizeof(buf)), "CryptEncrypt failed: %08lx\n", GetLastError());
	ok(CryptDestroyKey(key2), "CryptDestroyKey failed: %08lx\n", GetLastError());
	ok(CryptDestroyHash(hash), "CryptDestroyHash failed: %08lx\n", GetLastError());
	expect_error(CryptHashData(hash, buf, 1, 0), ERROR_INVALID_PARAMETER);

	ok(CryptReleaseContext(prov, 0), "CryptReleaseContext failed: %08lx\n", GetLastError());
	expect_error(CryptReleaseContext(prov, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptGenRandom(prov, sizeof(buf), buf), ERROR_INVALID_PARAMETER);
}

static void test_refcount(void)
{
	HCRYPTPROV prov = acquire_verify(ENH_NAME);
	DWORD reserved = 0;
	BYTE buf[8];

	if (!prov)
		return;
	ok(CryptContextAddRef(prov, NULL, 0), "AddRef failed: %08lx\n", GetLastError());
	ok(CryptContextAddRef(prov, NULL, 0), "AddRef failed: %08lx\n", GetLastError());
	/* Refused requests add nothing. */
	expect_error(CryptContextAddRef(prov, &reserved, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptContextAddRef(prov, NULL, 1), NTE_BAD_FLAGS);

	ok(CryptReleaseContext(prov, 0), "release 1 failed: %08lx\n", GetLastError());
	ok(CryptGenRandom(prov, sizeof(buf), buf), "context gone too early: %08lx\n", GetLastError());
	ok(CryptReleaseContext(prov, 0), "release 2 failed: %08lx\n", GetLastError());
	ok(CryptGenRandom(prov, sizeof(buf), buf), "context gone too early: %08lx\n", GetLastError());
	/* Flags are refused but the last reference goes all the same. */
	expect_error(CryptReleaseContext(prov, 1), NTE_BAD_FLAGS);
	expect_error(CryptGenRandom(prov, sizeof(buf), buf), ERROR_INVALID_PARAMETER);
	expect_error(CryptReleaseContext(prov, 0), ERROR_INVALID_PARAMETER);
}

static void test_children_die_with_context(void)
{
	HCRYPTPROV prov = acquire_verify(ENH_NAME);
	HCRYPTKEY key;
	HCRYPTHASH hash;
	BYTE buf[16];
	DWORD len;

	if (!prov)
		return;
	ok(CryptGenKey(prov, CALG_RC4, 0, &key), "CryptGenKey failed: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_MD5, 0, 0, &hash), "CryptCreateHash failed: %08lx\n", GetLastError());
	ok(CryptReleaseContext(prov, 0), "CryptReleaseContext failed: %08lx\n", GetLastError());

	len = 1;
	expect_error(CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)), ERROR_INVALID_PARAMETER);
	expect_error(CryptHashData(hash, buf, 1, 0), ERROR_INVALID_PARAMETER);
	len = sizeof(buf);
	expect_error(CryptGetHashParam(hash, HP_HASHVAL, buf, &len, 0), ERROR_INVALID_PARAMETER);
	expect_error(CryptDestroyKey(key), ERROR_INVALID_PARAMETER);
	expect_error(CryptDestroyHash(hash), ERROR_INVALID_PARAMETER);
}

static void test_foreign_handles(void)
{
	HCRYPTPROV a = acquire_verify(ENH_NAME), b = acquire_verify(ENH_NAME);
	HCRYPTKEY keya, keyb, out;
	HCRYPTHASH hasha, hashb;
	BYTE buf[64];
	DWORD len;

	if (!a || !b)
		return;
	ok(CryptGenKey(a, CALG_RC4, CRYPT_EXPORTABLE, &keya), "CryptGenKey failed: %08lx\n", GetLastError());
	ok(CryptGenKey(b, CALG_RC4, 0, &keyb), "CryptGenKey failed: %08lx\n", GetLastError());
	ok(CryptCreateHash(a, CALG_SHA1, 0, 0, &hasha), "CryptCreateHash failed: %08lx\n", GetLastError());
	ok(CryptCreateHash(b, CALG_SHA1, 0, 0, &hashb), "CryptCreateHash failed: %08lx\n", GetLastError());

	/* A handle of one context means nothing to another context's CSP. */
	len = 1;
	expect_error(CryptEncrypt(keya, hashb, TRUE, 0, buf, &len, sizeof(buf)), NTE_BAD_HASH);
	len = 1;
	expect_error(CryptDecrypt(keya, hashb, TRUE, 0, buf, &len), NTE_BAD_HASH);
	expect_error(CryptHashSessionKey(hashb, keya, 0), NTE_BAD_KEY);
	expect_error(CryptCreateHash(b, CALG_HMAC, keya, 0, &out), NTE_BAD_KEY);
	expect_error(CryptDeriveKey(b, CALG_RC4, hasha, 0, &out), NTE_BAD_HASH);
	len = sizeof(buf);
	expect_error(CryptExportKey(keya, keyb, SIMPLEBLOB, 0, buf, &len), NTE_BAD_KEY);
	expect_error(CryptVerifySignatureA(hashb, buf, 1, keya, NULL, 0), NTE_BAD_KEY);

	/* The same calls within one context reach the CSP. */
	ok(CryptHashSessionKey(hasha, keya, 0), "CryptHashSessionKey failed: %08lx\n", GetLastError());
	len = 4;
	ok(CryptEncrypt(keyb, hashb, TRUE, 0, buf, &len, sizeof(buf)), "CryptEncrypt failed: %08lx\n", GetLastError());

	ok(CryptDestroyKey(keya) && CryptDestroyKey(keyb), "CryptDestroyKey failed: %08lx\n", GetLastError());
	ok(CryptDestroyHash(hasha) && CryptDestroyHash(hashb), "CryptDestroyHash failed: %08lx\n", GetLastError());
	ok(CryptReleaseContext(a, 0) && CryptReleaseContext(b, 0), "release failed: %08lx\n", GetLastError());
}

static void test_duplicates(void)
{
	HCRYPTPROV prov = acquire_verify(ENH_NAME);
	HCRYPTHASH hash, dup;
	BYTE v1[20], v2[20];
	DWORD len1 = sizeof(v1), len2 = sizeof(v2);

	if (!prov)
		return;
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "CryptCreateHash failed: %08lx\n", GetLastError());
	ok(CryptHashData(hash, (const BYTE *)"abc", 3, 0), "CryptHashData failed: %08lx\n", GetLastError());
	ok(CryptDuplicateHash(hash, NULL, 0, &dup), "CryptDuplicateHash failed: %08lx\n", GetLastError());
	ok(dup != hash, "duplicate has the same handle\n");
	ok(CryptDestroyHash(hash), "CryptDestroyHash failed: %08lx\n", GetLastError());
	ok(CryptGetHashParam(dup, HP_HASHVAL, v1, &len1, 0), "CryptGetHashParam failed: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "CryptCreateHash failed: %08lx\n", GetLastError());
	ok(CryptHashData(hash, (const BYTE *)"abc", 3, 0), "CryptHashData failed: %08lx\n", GetLastError());
	ok(CryptGetHashParam(hash, HP_HASHVAL, v2, &len2, 0), "CryptGetHashParam failed: %08lx\n", GetLastError());
	ok(len1 == 20 && len2 == 20 && !memcmp(v1, v2, 20), "duplicate hashed differently\n");
	CryptDestroyHash(hash);
	CryptDestroyHash(dup);
	CryptReleaseContext(prov, 0);
}

static void test_acquire_errors(void)
{
	HCRYPTPROV prov = 0xdeadbeef;
	WCHAR nameW[128];
	char name[128];
	DWORD len;

	expect_error(CryptAcquireContextA(&prov, NULL, NULL, 0, CRYPT_VERIFYCONTEXT), NTE_BAD_PROV_TYPE);
	expect_error(CryptAcquireContextA(&prov, NULL, NULL, 1000, CRYPT_VERIFYCONTEXT), NTE_BAD_PROV_TYPE);
	expect_error(CryptAcquireContextA(&prov, NULL, NULL, 999, CRYPT_VERIFYCONTEXT), NTE_PROV_TYPE_NOT_DEF);
	expect_error(CryptAcquireContextA(NULL, NULL, ENH_NAME, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
		     ERROR_INVALID_PARAMETER);
	expect_error(CryptAcquireContextA(&prov, NULL, "no such provider", PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
		     NTE_KEYSET_NOT_DEF);
	expect_error(CryptAcquireContextA(&prov, NULL, ENH_NAME, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
		     NTE_PROV_TYPE_NO_MATCH);
	ok(prov == 0xdeadbeef, "failed acquire wrote %Ix\n", prov);

	/* W: the name the CSP was given is the one asked for. */
	MultiByteToWideChar(CP_ACP, 0, BASE_NAME, -1, nameW, ARRAY_SIZE(nameW));
	ok(CryptAcquireContextW(&prov, NULL, nameW, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
	   "CryptAcquireContextW failed: %08lx\n", GetLastError());
	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0), "PP_NAME failed: %08lx\n", GetLastError());
	ok(!strcmp(name, BASE_NAME), "got %s\n", name);
	expect_error(CryptGetProvParam(prov, PP_NAME, (BYTE *)name, NULL, 0), ERROR_INVALID_PARAMETER);
	CryptReleaseContext(prov, 0);

	/* Deleting a container returns no context. */
	ok(CryptAcquireContextA(&prov, "cryptsp_test_container", ENH_NAME, PROV_RSA_FULL, CRYPT_NEWKEYSET) ||
	   GetLastError() == (DWORD)NTE_EXISTS, "CRYPT_NEWKEYSET failed: %08lx\n", GetLastError());
	if (prov != 0xdeadbeef)
		CryptReleaseContext(prov, 0);
	prov = 0xdeadbeef;
	ok(CryptAcquireContextA(&prov, "cryptsp_test_container", ENH_NAME, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "CRYPT_DELETEKEYSET failed: %08lx\n", GetLastError());
	ok(prov == 0, "got %Ix\n", prov);

}

static void test_client_window(void)
{
	HWND wnd = NULL;

	expect_error(CryptSetProvParam(0, PP_CLIENT_HWND, NULL, 0), ERROR_INVALID_PARAMETER);
	ok(CryptSetProvParam(0, PP_CLIENT_HWND, (BYTE *)&wnd, 0), "PP_CLIENT_HWND failed: %08lx\n", GetLastError());
}

/* One string export, asked for its size, with a short buffer and with an
 * exact one; the size is the ANSI length with its terminator. */
typedef BOOL (*string_query)(DWORD arg, DWORD *type, char *buf, DWORD *len);

static BOOL query_provider(DWORD index, DWORD *type, char *buf, DWORD *len)
{
	return CryptEnumProvidersA(index, NULL, 0, type, buf, len);
}

static BOOL query_type(DWORD index, DWORD *type, char *buf, DWORD *len)
{
	return CryptEnumProviderTypesA(index, NULL, 0, type, buf, len);
}

static BOOL query_default(DWORD prov_type, DWORD *type, char *buf, DWORD *len)
{
	return CryptGetDefaultProviderA(prov_type, NULL, CRYPT_MACHINE_DEFAULT, buf, len);
}

static void check_sizing(const char *what, string_query query, DWORD arg)
{
	char buf[256];
	DWORD type, len, need;

	need = 0;
	ok(query(arg, &type, NULL, &need), "%s: size query failed: %08lx\n", what, GetLastError());
	ok(need > 1 && need < sizeof(buf), "%s: size %lu\n", what, need);
	if (need <= 1 || need >= sizeof(buf))
		return;
	len = need - 1;
	memset(buf, 0x55, sizeof(buf));
	SetLastError(0xdeadbeef);
	expect_error(query(arg, &type, buf, &len), ERROR_MORE_DATA);
	ok(len == need, "%s: short buffer reported %lu, want %lu\n", what, len, need);
	len = need;
	ok(query(arg, &type, buf, &len), "%s: exact buffer failed: %08lx\n", what, GetLastError());
	ok(len == need && strlen(buf) + 1 == need, "%s: got %lu / %s\n", what, len, buf);
	ok((BYTE)buf[need] == 0x55, "%s: wrote past the string\n", what);
}

static void test_enumeration(void)
{
	WCHAR nameW[256];
	char name[256];
	DWORD i, type, len, lenW, count = 0;
	BOOL found = FALSE;

	expect_error(CryptEnumProvidersA(0, &count, 0, &type, NULL, &len), ERROR_INVALID_PARAMETER);
	expect_error(CryptEnumProvidersA(0, NULL, 1, &type, NULL, &len), NTE_BAD_FLAGS);
	expect_error(CryptEnumProviderTypesA(0, NULL, 1, &type, NULL, &len), NTE_BAD_FLAGS);
	expect_error(CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, 0x80, NULL, &len), NTE_BAD_FLAGS);
	expect_error(CryptGetDefaultProviderA(1000, NULL, CRYPT_MACHINE_DEFAULT, NULL, &len), NTE_BAD_PROV_TYPE);

	for (i = 0; ; i++) {
		len = sizeof(name);
		if (!CryptEnumProvidersA(i, NULL, 0, &type, name, &len)) {
			ok(GetLastError() == ERROR_NO_MORE_ITEMS, "index %lu: %08lx\n", i, GetLastError());
			break;
		}
		check_sizing(name, query_provider, i);
		lenW = 0;
		ok(CryptEnumProvidersW(i, NULL, 0, &type, NULL, &lenW), "W size failed: %08lx\n", GetLastError());
		ok(lenW == len * sizeof(WCHAR), "%s: W size %lu, A size %lu\n", name, lenW, len);
		ok(CryptEnumProvidersW(i, NULL, 0, &type, nameW, &lenW), "W failed: %08lx\n", GetLastError());
		if (!strcmp(name, ENH_NAME)) {
			found = TRUE;
			ok(type == PROV_RSA_FULL, "type %lu\n", type);
		}
	}
	ok(found, "%s not enumerated\n", ENH_NAME);
	ok(i > 0, "no providers\n");

	for (i = 0; ; i++) {
		len = sizeof(name);
		if (!CryptEnumProviderTypesA(i, NULL, 0, &type, name, &len)) {
			ok(GetLastError() == ERROR_NO_MORE_ITEMS, "index %lu: %08lx\n", i, GetLastError());
			break;
		}
		check_sizing(name, query_type, i);
	}
	ok(i > 0, "no provider types\n");

	check_sizing("default", query_default, PROV_RSA_FULL);
}

static void test_user_default(void)
{
	HCRYPTPROV prov;
	char name[256];
	DWORD len, reserved = 0;

	expect_error(CryptSetProviderExA(BASE_NAME, PROV_RSA_FULL, &reserved, CRYPT_USER_DEFAULT),
		     ERROR_INVALID_PARAMETER);
	expect_error(CryptSetProviderExA(BASE_NAME, PROV_RSA_FULL, NULL, 0x80), NTE_BAD_FLAGS);
	expect_error(CryptSetProviderExA(BASE_NAME, PROV_RSA_FULL, NULL, CRYPT_DELETE_DEFAULT), NTE_BAD_FLAGS);
	expect_error(CryptSetProviderExA(BASE_NAME, 1000, NULL, CRYPT_USER_DEFAULT), NTE_BAD_PROV_TYPE);
	expect_error(CryptSetProviderA("no such provider", PROV_RSA_FULL), NTE_BAD_PROVIDER);

	ok(CryptSetProviderA(BASE_NAME, PROV_RSA_FULL), "CryptSetProviderA failed: %08lx\n", GetLastError());
	len = sizeof(name);
	ok(CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT, name, &len),
	   "CryptGetDefaultProviderA failed: %08lx\n", GetLastError());
	ok(!strcmp(name, BASE_NAME), "user default %s\n", name);

	/* A NULL provider name means the user's default first. */
	prov = acquire_verify(NULL);
	len = sizeof(name);
	ok(prov && CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0), "PP_NAME failed: %08lx\n", GetLastError());
	ok(!strcmp(name, BASE_NAME), "acquired %s\n", name);
	if (prov)
		CryptReleaseContext(prov, 0);

	ok(CryptSetProviderExA(BASE_NAME, PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT | CRYPT_DELETE_DEFAULT),
	   "delete failed: %08lx\n", GetLastError());
	len = sizeof(name);
	expect_error(CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT, name, &len),
		     NTE_PROV_TYPE_NOT_DEF);

	/* Without one, the machine's default serves. */
	prov = acquire_verify(NULL);
	if (prov)
		CryptReleaseContext(prov, 0);
}

/* Several threads share contexts while one of them keeps releasing its
 * own: every call either works or reports a dead handle. */
static HCRYPTPROV shared_prov;
static LONG stop_threads;

static DWORD WINAPI worker(void *arg)
{
	DWORD bad = 0;
	unsigned n;

	for (n = 0; n < 300; n++) {
		HCRYPTPROV prov = shared_prov;
		HCRYPTHASH hash;
		HCRYPTKEY key;
		BYTE buf[32];
		DWORD len = sizeof(buf);

		if (CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash)) {
			if (!CryptHashData(hash, buf, sizeof(buf), 0) && GetLastError() != ERROR_INVALID_PARAMETER)
				bad++;
			if (!CryptGetHashParam(hash, HP_HASHVAL, buf, &len, 0) && GetLastError() != ERROR_INVALID_PARAMETER)
				bad++;
			if (!CryptDestroyHash(hash) && GetLastError() != ERROR_INVALID_PARAMETER)
				bad++;
		} else if (GetLastError() != ERROR_INVALID_PARAMETER)
			bad++;
		if (CryptGenKey(prov, CALG_RC4, 0, &key)) {
			len = 8;
			if (!CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)) && GetLastError() != ERROR_INVALID_PARAMETER)
				bad++;
			if (!CryptDestroyKey(key) && GetLastError() != ERROR_INVALID_PARAMETER)
				bad++;
		} else if (GetLastError() != ERROR_INVALID_PARAMETER)
			bad++;
	}
	return bad;
}

static DWORD WINAPI churner(void *arg)
{
	unsigned n;

	for (n = 0; n < 100; n++) {
		HCRYPTPROV old = shared_prov, prov;

		if (CryptAcquireContextA(&prov, NULL, ENH_NAME, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
			shared_prov = prov;
		CryptReleaseContext(old, 0);
	}
	InterlockedExchange(&stop_threads, 1);
	return 0;
}

static void test_threads(void)
{
	HANDLE threads[4];
	DWORD i, bad;

	shared_prov = acquire_verify(ENH_NAME);
	if (!shared_prov)
		return;
	threads[0] = CreateThread(NULL, 0, churner, NULL, 0, NULL);
	for (i = 1; i < ARRAY_SIZE(threads); i++)
		threads[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
	WaitForMultipleObjects(ARRAY_SIZE(threads), threads, TRUE, 120000);
	for (i = 1; i < ARRAY_SIZE(threads); i++) {
		GetExitCodeThread(threads[i], &bad);
		ok(bad == 0, "thread %lu saw %lu unexpected errors\n", i, bad);
	}
	for (i = 0; i < ARRAY_SIZE(threads); i++)
		CloseHandle(threads[i]);
	ok(CryptReleaseContext(shared_prov, 0), "final release failed: %08lx\n", GetLastError());
}

START_TEST(cryptsp_handles)
{
	test_bad_handles();
	test_refcount();
	test_children_die_with_context();
	test_foreign_handles();
	test_duplicates();
	test_acquire_errors();
	test_client_window();
	test_enumeration();
	test_user_default();
	test_threads();
}
