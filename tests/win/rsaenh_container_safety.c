/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_container_safety.c - key containers under abuse: names that are
 * too long or hold a backslash or control characters; a stored pair
 * truncated, tampered with, of the wrong type or protected for someone
 * else (reported on open, never replaced); a writer process killed at
 * random moments while it creates, replaces and deletes containers (every
 * state found afterwards is a whole one: no container, or one whose pairs
 * each work and carry their own permissions); and processes and threads
 * creating, opening and deleting containers at once (nothing lost).
 * The child processes are this program run again with an argument.
 */
#include <stdarg.h>
#include <stdio.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"
#include "win_test.h"

static const char enh_prov[] = "Microsoft Enhanced Cryptographic Provider v1.0";
#define KILL_ROUNDS 24
#define CHILDREN 3
#define THREADS 4
#define ROUNDS 6

static void delete_container(const char *name)
{
	HCRYPTPROV prov;

	CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, CRYPT_DELETEKEYSET);
}

static DWORD acquire_error(const char *name, DWORD flags)
{
	HCRYPTPROV prov;

	SetLastError(0xdeadbeef);
	if (CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, flags)) {
		CryptReleaseContext(prov, 0);
		return 0;
	}
	return GetLastError();
}

/* SHA-1 of the pair's PUBLICKEYBLOB: its first byte's parity is the rule
 * the writer follows for which pairs it stores exportable. */
static BOOL public_parity(HCRYPTPROV prov, HCRYPTKEY key, BYTE *digest)
{
	BYTE blob[1024];
	DWORD len = sizeof(blob), n = 20;
	HCRYPTHASH h;
	BOOL ret;

	if (!CryptExportKey(key, 0, PUBLICKEYBLOB, 0, blob, &len) || !CryptCreateHash(prov, CALG_SHA1, 0, 0, &h))
		return FALSE;
	ret = CryptHashData(h, blob, len, 0) && CryptGetHashParam(h, HP_HASHVAL, digest, &n, 0);
	CryptDestroyHash(h);
	return ret;
}

/* --- the child processes ------------------------------------------------- */

/* Store a fresh 512-bit pair of kind spec in the open container prov,
 * exportable exactly when its public hash starts with an even byte. */
static BOOL store_pair(HCRYPTPROV prov, DWORD spec)
{
	HCRYPTPROV verify;
	HCRYPTKEY key, stored;
	BYTE blob[1024], digest[20];
	DWORD len = sizeof(blob);
	BOOL ret;

	if (!CryptAcquireContextA(&verify, NULL, enh_prov, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
		return FALSE;
	ret = CryptGenKey(verify, spec, (512 << 16) | CRYPT_EXPORTABLE, &key) &&
	      CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len) && public_parity(verify, key, digest);
	if (ret) {
		ret = CryptImportKey(prov, blob, len, 0, (digest[0] & 1) ? 0 : CRYPT_EXPORTABLE, &stored);
		if (ret)
			CryptDestroyKey(stored);
	}
	SecureZeroMemory(blob, sizeof(blob));
	CryptDestroyKey(key);
	CryptReleaseContext(verify, 0);
	return ret;
}

/* Until killed: create, fill, replace and delete the container. */
static void run_writer(const char *name)
{
	HCRYPTPROV prov;
	DWORD i;

	for (i = 0;; i++) {
		if (i % 5 == 4) {
			delete_container(name);
			continue;
		}
		if (!CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, 0) &&
		    !CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET))
			continue;
		store_pair(prov, (i & 1) ? AT_SIGNATURE : AT_KEYEXCHANGE);
		CryptReleaseContext(prov, 0);
	}
}

/* Own container, ROUNDS times: create, store, reopen, compare, delete.
 * Returns the number of failures. */
static DWORD own_container_rounds(const char *name)
{
	BYTE stored[20], found[20];
	HCRYPTPROV prov;
	HCRYPTKEY key;
	DWORD i, failures = 0;

	for (i = 0; i < ROUNDS; i++) {
		delete_container(name);
		if (!CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET)) {
			failures++;
			continue;
		}
		if (!store_pair(prov, AT_KEYEXCHANGE) || !CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) ||
		    !public_parity(prov, key, stored))
			failures++;
		else
			CryptDestroyKey(key);
		CryptReleaseContext(prov, 0);
		if (!CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, 0)) {
			failures++;
			continue;
		}
		if (!CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) || !public_parity(prov, key, found) ||
		    memcmp(stored, found, sizeof(found)))
			failures++;
		else
			CryptDestroyKey(key);
		CryptReleaseContext(prov, 0);
	}
	delete_container(name);
	return failures;
}

/* --- the tests ------------------------------------------------------------ */

static void test_names(void)
{
	char name[MAX_PATH + 8];
	HCRYPTPROV prov, prov2;
	char a[MAX_PATH], b[MAX_PATH];
	DWORD len;

	delete_container("safety_victim");
	ok(!acquire_error("safety_victim", CRYPT_NEWKEYSET), "create victim\n");
	memset(name, 'n', sizeof(name) - 1);
	name[MAX_PATH] = 0;
	ok(acquire_error(name, CRYPT_NEWKEYSET) == NTE_BAD_KEYSET_PARAM, "too long\n");
	ok(acquire_error("safety_victim\\..\\safety_victim", CRYPT_DELETEKEYSET) == NTE_BAD_KEYSET_PARAM,
	   "backslash\n");
	ok(acquire_error("..\\safety_victim", 0) == NTE_BAD_KEYSET_PARAM, "backslash, open\n");
	ok(acquire_error("safety\001victim", CRYPT_NEWKEYSET) == NTE_BAD_KEYSET_PARAM, "control character\n");
	ok(acquire_error("safety_victim\n", CRYPT_NEWKEYSET) == NTE_BAD_KEYSET_PARAM, "newline\n");
	/* none of it reached the victim */
	ok(!acquire_error("safety_victim", 0), "victim still there\n");
	delete_container("safety_victim");

	/* an empty name, like NULL, means the user's default container */
	if (CryptAcquireContextA(&prov, NULL, enh_prov, PROV_RSA_FULL, 0) ||
	    CryptAcquireContextA(&prov, NULL, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET)) {
		ok(CryptAcquireContextA(&prov2, "", enh_prov, PROV_RSA_FULL, 0), "empty name: %08lx\n", GetLastError());
		len = sizeof(a);
		CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)a, &len, 0);
		len = sizeof(b);
		CryptGetProvParam(prov2, PP_CONTAINER, (BYTE *)b, &len, 0);
		ok(!strcmp(a, b), "NULL gives %s, \"\" gives %s\n", a, b);
		CryptReleaseContext(prov2, 0);
		CryptReleaseContext(prov, 0);
	} else
		ok(0, "default container: %08lx\n", GetLastError());
}

#define CORRUPT_NAME "safety_corrupt"
#define CORRUPT_KEY "Software\\Wine\\Crypto\\RSA\\" CORRUPT_NAME

/* A container with a pair, then its stored value replaced by bytes. */
static void corrupt_with(DWORD type, const BYTE *data, DWORD len, const char *what)
{
	HCRYPTPROV prov;
	BYTE after[4096];
	DWORD after_len = sizeof(after), t;
	HKEY key;

	delete_container(CORRUPT_NAME);
	ok(CryptAcquireContextA(&prov, CORRUPT_NAME, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET) &&
	   store_pair(prov, AT_KEYEXCHANGE), "%s: setup %08lx\n", what, GetLastError());
	CryptReleaseContext(prov, 0);
	ok(!RegOpenKeyExA(HKEY_CURRENT_USER, CORRUPT_KEY, 0, KEY_ALL_ACCESS, &key), "%s: registry\n", what);
	RegSetValueExA(key, "KeyExchangeKeyPair", 0, type, data, len);
	ok(acquire_error(CORRUPT_NAME, 0) == NTE_KEYSET_ENTRY_BAD, "%s: open\n", what);
	ok(acquire_error(CORRUPT_NAME, CRYPT_NEWKEYSET) == NTE_EXISTS, "%s: create over it\n", what);
	/* nothing was rewritten */
	ok(!RegQueryValueExA(key, "KeyExchangeKeyPair", NULL, &t, after, &after_len) && t == type &&
	   after_len == len && !memcmp(after, data, len), "%s: stored value changed\n", what);
	RegCloseKey(key);
	ok(!acquire_error(CORRUPT_NAME, CRYPT_DELETEKEYSET), "%s: delete\n", what);
}

/* A kill between the two writes of a pair leaves the new pair beside the
 * old pair's permissions value: the pair must keep its own permissions,
 * above all never gain CRYPT_EXPORT from the value. */
static BOOL test_torn_permissions(void)
{
	BOOL exported;
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BYTE digest[20], blob[1024];
	DWORD perms, stale, len;
	HKEY reg;

	delete_container(CORRUPT_NAME);
	ok(CryptAcquireContextA(&prov, CORRUPT_NAME, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET) &&
	   store_pair(prov, AT_KEYEXCHANGE), "setup %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) && public_parity(prov, key, digest), "pair\n");
	len = sizeof(perms);
	CryptGetKeyParam(key, KP_PERMISSIONS, (BYTE *)&perms, &len, 0);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	stale = perms ^ CRYPT_EXPORT;
	ok(!RegOpenKeyExA(HKEY_CURRENT_USER, CORRUPT_KEY, 0, KEY_ALL_ACCESS, &reg), "registry\n");
	RegSetValueExA(reg, "KeyExchangePermissions", 0, REG_DWORD, (const BYTE *)&stale, sizeof(stale));
	RegCloseKey(reg);
	ok(CryptAcquireContextA(&prov, CORRUPT_NAME, enh_prov, PROV_RSA_FULL, 0) &&
	   CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "reopen %08lx\n", GetLastError());
	len = sizeof(stale);
	ok(CryptGetKeyParam(key, KP_PERMISSIONS, (BYTE *)&stale, &len, 0) && stale == perms,
	   "permissions %08lx, the pair was stored with %08lx\n", stale, perms);
	len = sizeof(blob);
	exported = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len);
	ok(exported == ((perms & CRYPT_EXPORT) != 0), "exportability follows the stale value\n");
	SecureZeroMemory(blob, sizeof(blob));
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	delete_container(CORRUPT_NAME);
	return (perms & CRYPT_EXPORT) != 0;
}

static void test_corruption(void)
{
	BYTE stored[4096], entropy[] = "someone else";
	DWORD len = sizeof(stored), t;
	DATA_BLOB in, out, plain, ent = { sizeof(entropy), entropy };
	HCRYPTPROV prov;
	HKEY key;

	/* the real stored value, to truncate and tamper with */
	delete_container(CORRUPT_NAME);
	ok(CryptAcquireContextA(&prov, CORRUPT_NAME, enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET) &&
	   store_pair(prov, AT_KEYEXCHANGE), "setup %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
	RegOpenKeyExA(HKEY_CURRENT_USER, CORRUPT_KEY, 0, KEY_READ, &key);
	ok(!RegQueryValueExA(key, "KeyExchangeKeyPair", NULL, &t, stored, &len) && t == REG_BINARY,
	   "stored pair\n");
	RegCloseKey(key);

	corrupt_with(REG_BINARY, stored, len / 2, "truncated");
	stored[len / 2] ^= 0x01;
	corrupt_with(REG_BINARY, stored, len, "tampered");
	stored[len / 2] ^= 0x01;
	corrupt_with(REG_SZ, (const BYTE *)"text", 5, "wrong type");
	corrupt_with(REG_BINARY, stored, 0, "empty");
	/* the same pair protected so that this user's plain unprotect cannot
	 * open it, as another user's would be */
	in.cbData = len;
	in.pbData = stored;
	if (CryptUnprotectData(&in, NULL, NULL, NULL, NULL, 0, &plain) &&
	    CryptProtectData(&plain, NULL, &ent, NULL, NULL, 0, &out)) {
		corrupt_with(REG_BINARY, out.pbData, out.cbData, "protected for another");
		SecureZeroMemory(plain.pbData, plain.cbData);
		LocalFree(plain.pbData);
		LocalFree(out.pbData);
	} else
		ok(0, "DPAPI: %08lx\n", GetLastError());
}

/* What a killed writer left: no container, or one whose pairs work and
 * carry their own permissions.  Returns the number of pairs found. */
static DWORD check_whole(const char *name, DWORD round)
{
	static const DWORD specs[2] = { AT_KEYEXCHANGE, AT_SIGNATURE };
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BYTE digest[20], blob[1024];
	DWORD i, perms, len, pairs = 0;
	BOOL exportable;

	if (!CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, 0)) {
		ok(GetLastError() == NTE_BAD_KEYSET, "round %lu: open %08lx\n", round, GetLastError());
		return 0;
	}
	for (i = 0; i < 2; i++) {
		if (!CryptGetUserKey(prov, specs[i], &key)) {
			ok(GetLastError() == NTE_NO_KEY, "round %lu: pair %lu: %08lx\n", round, i, GetLastError());
			continue;
		}
		pairs++;
		len = sizeof(perms);
		ok(public_parity(prov, key, digest) && CryptGetKeyParam(key, KP_PERMISSIONS, (BYTE *)&perms, &len, 0),
		   "round %lu: pair %lu unreadable\n", round, i);
		len = sizeof(blob);
		exportable = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len);
		ok(!(perms & CRYPT_EXPORT) == !!(digest[0] & 1) && exportable == !(digest[0] & 1),
		   "round %lu: pair %lu has another pair's permissions %08lx\n", round, i, perms);
		SecureZeroMemory(blob, sizeof(blob));
		CryptDestroyKey(key);
	}
	CryptReleaseContext(prov, 0);
	return pairs;
}

static void test_kill_during_write(void)
{
	DWORD round, pairs = 0, absent = 0;
	HANDLE child;

	delete_container("safety_killed");
	srand(GetTickCount());
	for (round = 0; round < KILL_ROUNDS; round++) {
		if (!(child = start_child("rsaenh_container_safety", "writer safety_killed"))) {
			ok(0, "spawn: %lu\n", GetLastError());
			return;
		}
		Sleep(200 + rand() % 400);   /* past process start-up, into the loop */
		TerminateProcess(child, 1);
		WaitForSingleObject(child, INFINITE);
		CloseHandle(child);
		if (acquire_error("safety_killed", 0) == NTE_BAD_KEYSET)
			absent++;
		pairs += check_whole("safety_killed", round);
	}
	trace("%u kills: %lu times no container, %lu pairs found whole\n", KILL_ROUNDS, absent, pairs);
	ok(pairs > 0, "the writer never stored a pair before it was killed\n");
	delete_container("safety_killed");
}

static DWORD WINAPI thread_rounds(void *arg)
{
	char name[32];

	snprintf(name, sizeof(name), "safety_thread_%u", (unsigned)(ULONG_PTR)arg);
	return own_container_rounds(name);
}

static void test_concurrent(void)
{
	HANDLE children[CHILDREN], threads[THREADS];
	char args[64];
	DWORD i, code;

	for (i = 0; i < CHILDREN; i++) {
		snprintf(args, sizeof(args), "rounds safety_child_%lu", i);
		children[i] = start_child("rsaenh_container_safety", args);
		ok(children[i] != NULL, "spawn %lu\n", i);
	}
	for (i = 0; i < THREADS; i++)
		threads[i] = CreateThread(NULL, 0, thread_rounds, (void *)(ULONG_PTR)i, 0, NULL);
	for (i = 0; i < THREADS; i++) {
		WaitForSingleObject(threads[i], INFINITE);
		GetExitCodeThread(threads[i], &code);
		ok(code == 0, "thread %lu: %lu rounds lost their pair\n", i, code);
		CloseHandle(threads[i]);
	}
	for (i = 0; i < CHILDREN; i++) {
		if (!children[i])
			continue;
		WaitForSingleObject(children[i], INFINITE);
		GetExitCodeProcess(children[i], &code);
		ok(code == 0, "process %lu: %lu rounds lost their pair\n", i, code);
		CloseHandle(children[i]);
	}
	trace("%u processes and %u threads, %u rounds each\n", CHILDREN, THREADS, ROUNDS);
}

START_TEST(rsaenh_container_safety)
{
	char **argv;
	int argc = winetest_get_mainargs(&argv);
	DWORD i, seen;

	if (argc >= 4 && !strcmp(argv[2], "writer")) {
		run_writer(argv[3]);
		return;
	}
	if (argc >= 4 && !strcmp(argv[2], "rounds"))
		ExitProcess(own_container_rounds(argv[3]));   /* no summary: the parent judges */
	test_names();
	test_corruption();
	/* the stored pair is exportable or not by chance: until both were seen */
	for (i = 0, seen = 0; i < 16 && seen != 3; i++)
		seen |= test_torn_permissions() ? 1 : 2;
	ok(seen == 3, "torn writes tried with one kind of pair only\n");
	test_kill_during_write();
	test_concurrent();
}
