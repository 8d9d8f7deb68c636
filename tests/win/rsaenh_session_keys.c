/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_session_keys.c - session keys as they travel between programs:
 * the salt each provider gives RC2 and RC4 keys (Microsoft's "Salt Value
 * Functionality": eleven zero bytes for a 40-bit key, random ones only with
 * CRYPT_CREATE_SALT), what salt a key has after CryptDuplicateKey,
 * CryptDeriveKey and an export/import as SIMPLEBLOB or PLAINTEXTKEYBLOB,
 * SIMPLEBLOBs imported with hPubKey 0 (the container's key exchange pair,
 * as Microsoft's "Decrypting a File" example does), and an RC4 session key
 * sent from one process to another with default flags, which must decrypt
 * what the other encrypted.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "win_test.h"

static const char *const provs[] = { MS_DEF_PROV_A, MS_STRONG_PROV_A, MS_ENHANCED_PROV_A };
static const char message[] = "a message for the other process";
static char dir[MAX_PATH];

static BOOL is_zero(const BYTE *p, DWORD n)
{
	while (n--)
		if (*p++)
			return FALSE;
	return TRUE;
}

/* The key's salt: its length, and whether it is all zero. */
static DWORD get_salt(HCRYPTKEY key, BOOL *zero)
{
	BYTE salt[64];
	DWORD len = 0xdeadbeef;

	ok(CryptGetKeyParam(key, KP_SALT, NULL, &len, 0), "KP_SALT size: %08lx\n", GetLastError());
	ok(len <= sizeof(salt), "salt of %lu bytes\n", len);
	if (len > sizeof(salt))
		return len;
	memset(salt, 0xcc, sizeof(salt));
	ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0), "KP_SALT: %08lx\n", GetLastError());
	*zero = is_zero(salt, len);
	return len;
}

struct salt_case {
	int prov;           /* index into provs */
	ALG_ID alg;
	DWORD bits, flags;  /* CryptGenKey's */
	DWORD salt_len;     /* what the key gets */
	DWORD import_len;   /* what the same key gets after a SIMPLEBLOB/PLAINTEXTKEYBLOB trip */
};

/* Base 0 and Strong 1 give CRYPT_CREATE_SALT keys eleven bytes, Enhanced 2
 * none; every 40-bit key gets eleven zero bytes unless CRYPT_NO_SALT, and a
 * key that travels gets the importer's default for its length. */
static const struct salt_case salt_cases[] = {
	{ 0, CALG_RC4, 0, 0, 11, 11 },
	{ 0, CALG_RC4, 40, CRYPT_NO_SALT, 0, 11 },
	{ 0, CALG_RC4, 56, 0, 0, 0 },
	{ 0, CALG_RC4, 56, CRYPT_CREATE_SALT, 11, 0 },
	{ 0, CALG_RC2, 0, 0, 11, 11 },
	{ 0, CALG_RC2, 56, CRYPT_CREATE_SALT, 11, 0 },
	{ 1, CALG_RC4, 40, 0, 11, 11 },
	{ 1, CALG_RC4, 40, CRYPT_CREATE_SALT, 11, 11 },
	{ 1, CALG_RC4, 0, 0, 0, 0 },
	{ 2, CALG_RC4, 0, 0, 0, 0 },
	{ 2, CALG_RC4, 40, 0, 11, 11 },
	{ 2, CALG_RC4, 40, CRYPT_CREATE_SALT, 0, 11 },
	{ 2, CALG_RC4, 56, CRYPT_CREATE_SALT, 0, 0 },
	{ 2, CALG_RC2, 40, CRYPT_NO_SALT, 0, 11 },
	{ 2, CALG_RC2, 128, CRYPT_CREATE_SALT, 0, 0 },
};

static void test_salt_case(const struct salt_case *c, HCRYPTPROV prov, HCRYPTKEY kx)
{
	BYTE blob[256];
	DWORD len, n;
	BOOL zero = FALSE;
	HCRYPTKEY key, dup, back;

	ok(CryptGenKey(prov, c->alg, (c->bits << 16) | c->flags | CRYPT_EXPORTABLE, &key), "gen: %08lx\n",
	   GetLastError());
	n = get_salt(key, &zero);
	ok(n == c->salt_len, "salt of %lu bytes, expected %lu\n", n, c->salt_len);
	/* random only when asked for */
	if (n)
		ok(zero == !(c->flags & CRYPT_CREATE_SALT), "salt zero: %d\n", zero);
	ok(CryptDuplicateKey(key, NULL, 0, &dup), "duplicate: %08lx\n", GetLastError());
	ok(get_salt(dup, &zero) == n, "the duplicate's salt differs in length\n");
	CryptDestroyKey(dup);

	len = sizeof(blob);
	ok(CryptExportKey(key, kx, SIMPLEBLOB, 0, blob, &len), "SIMPLEBLOB: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, blob, len, kx, 0, &back), "import SIMPLEBLOB: %08lx\n", GetLastError());
	n = get_salt(back, &zero);
	ok(n == c->import_len && zero, "SIMPLEBLOB: salt of %lu bytes (zero %d), expected %lu zero\n", n, zero,
	   c->import_len);
	CryptDestroyKey(back);
	/* CRYPT_NO_SALT on import: no salt at all */
	ok(CryptImportKey(prov, blob, len, kx, CRYPT_NO_SALT, &back), "import: %08lx\n", GetLastError());
	ok(get_salt(back, &zero) == 0, "CRYPT_NO_SALT import kept a salt\n");
	CryptDestroyKey(back);

	len = sizeof(blob);
	ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, blob, &len), "PLAINTEXTKEYBLOB: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, blob, len, 0, 0, &back), "import PLAINTEXTKEYBLOB: %08lx\n", GetLastError());
	n = get_salt(back, &zero);
	ok(n == c->import_len && zero, "PLAINTEXTKEYBLOB: salt of %lu bytes (zero %d), expected %lu zero\n", n,
	   zero, c->import_len);
	CryptDestroyKey(back);
	CryptDestroyKey(key);
}

static void test_salts(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY kx;
	DWORD i;

	for (i = 0; i < ARRAY_SIZE(salt_cases); i++) {
		const struct salt_case *c = &salt_cases[i];

		winetest_push_context("%s %04x %lu bits flags %lx", provs[c->prov], c->alg, c->bits, c->flags);
		ok(CryptAcquireContextA(&prov, NULL, provs[c->prov], PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
		   "acquire: %08lx\n", GetLastError());
		ok(CryptGenKey(prov, AT_KEYEXCHANGE, 512 << 16, &kx), "key exchange pair: %08lx\n", GetLastError());
		test_salt_case(c, prov, kx);
		CryptDestroyKey(kx);
		CryptReleaseContext(prov, 0);
		winetest_pop_context();
	}
}

/* SYMMETRICWRAPKEYBLOB: the salt stays behind as with the other BLOBs.
 * Only RC2's key wrap (RFC 3217) takes a 40-bit key: 3DES's wraps whole
 * blocks, AES's (RFC 3394) at least two. */
static void test_wrap_salt(void)
{
	static const ALG_ID keks[] = { CALG_RC2 };
	BYTE blob[256];
	DWORD i, len, n;
	BOOL zero = FALSE;
	HCRYPTPROV prov;
	HCRYPTKEY kek, key, back;

	ok(CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	for (i = 0; i < ARRAY_SIZE(keks); i++) {
		winetest_push_context("kek %04x", keks[i]);
		ok(CryptGenKey(prov, keks[i], 0, &kek), "kek: %08lx\n", GetLastError());
		ok(CryptGenKey(prov, CALG_RC2, (40 << 16) | CRYPT_NO_SALT | CRYPT_EXPORTABLE, &key), "gen: %08lx\n",
		   GetLastError());
		len = sizeof(blob);
		ok(CryptExportKey(key, kek, SYMMETRICWRAPKEYBLOB, 0, blob, &len), "export: %08lx\n", GetLastError());
		ok(CryptImportKey(prov, blob, len, kek, 0, &back), "import: %08lx\n", GetLastError());
		n = get_salt(back, &zero);
		ok(n == 11 && zero, "salt of %lu bytes (zero %d), expected eleven zero bytes\n", n, zero);
		CryptDestroyKey(back);
		ok(CryptImportKey(prov, blob, len, kek, CRYPT_NO_SALT, &back), "import: %08lx\n", GetLastError());
		ok(get_salt(back, &zero) == 0, "CRYPT_NO_SALT import kept a salt\n");
		CryptDestroyKey(back);
		CryptDestroyKey(key);
		CryptDestroyKey(kek);
		winetest_pop_context();
	}
	CryptReleaseContext(prov, 0);
}

/* A 40-bit key with its eleven zero bytes of salt is another key than the
 * same five bytes without one: both encrypt as Windows' documented
 * "40-bit key plus zero salt" and "40-bit key", and a derived key salts
 * the same way. */
static void test_zero_salt_is_used(void)
{
	static const BYTE key[5] = { 0x11, 0x22, 0x33, 0x44, 0x55 };
	BYTE a[16] = { 0 }, b[16] = { 0 }, c[16] = { 0 };
	BYTE salted[16] = { 0x11, 0x22, 0x33, 0x44, 0x55 };
	DWORD len;
	BOOL zero = FALSE;
	HCRYPTPROV prov;
	HCRYPTKEY k1, k2, k3;
	HCRYPTHASH hash;

	ok(CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	k1 = import_plain_key(prov, CALG_RC4, key, 5, 0);
	k2 = import_plain_key(prov, CALG_RC4, key, 5, CRYPT_NO_SALT);
	k3 = import_plain_key(prov, CALG_RC4, salted, 16, 0);   /* the 128-bit key "key || 11 zeros" */
	len = sizeof(a);
	ok(CryptEncrypt(k1, 0, TRUE, 0, a, &len, sizeof(a)), "encrypt: %08lx\n", GetLastError());
	len = sizeof(b);
	ok(CryptEncrypt(k2, 0, TRUE, 0, b, &len, sizeof(b)), "encrypt: %08lx\n", GetLastError());
	len = sizeof(c);
	ok(CryptEncrypt(k3, 0, TRUE, 0, c, &len, sizeof(c)), "encrypt: %08lx\n", GetLastError());
	ok(memcmp(a, b, sizeof(a)) != 0, "the zero salt changed nothing\n");
	ok(!memcmp(a, c, sizeof(a)), "a 40-bit key with its salt is not the key followed by eleven zeros\n");
	CryptDestroyKey(k1);
	CryptDestroyKey(k2);
	CryptDestroyKey(k3);

	/* CryptDeriveKey: 40 bits get the zero salt, CRYPT_NO_SALT none */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "hash: %08lx\n", GetLastError());
	ok(CryptHashData(hash, (const BYTE *)"password", 8, 0), "hash data: %08lx\n", GetLastError());
	ok(CryptDeriveKey(prov, CALG_RC4, hash, 40 << 16, &k1), "derive: %08lx\n", GetLastError());
	ok(get_salt(k1, &zero) == 11 && zero, "derived 40-bit key: not eleven zero bytes of salt\n");
	ok(CryptDeriveKey(prov, CALG_RC4, hash, (40 << 16) | CRYPT_NO_SALT, &k2), "derive: %08lx\n",
	   GetLastError());
	ok(get_salt(k2, &zero) == 0, "CRYPT_NO_SALT derived key has a salt\n");
	CryptDestroyKey(k1);
	CryptDestroyKey(k2);
	CryptDestroyHash(hash);
	CryptReleaseContext(prov, 0);
}

/* A final CryptDecrypt needs at least one byte; an empty middle part is fine. */
static void test_empty_final(void)
{
	static const ALG_ID algs[] = { CALG_RC4, CALG_RC2, CALG_3DES, CALG_AES_128 };
	BYTE buf[16];
	DWORD i, len;
	HCRYPTPROV prov;
	HCRYPTKEY key;

	ok(CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	for (i = 0; i < ARRAY_SIZE(algs); i++) {
		winetest_push_context("%04x", algs[i]);
		ok(CryptGenKey(prov, algs[i], 0, &key), "gen: %08lx\n", GetLastError());
		len = 0;
		ok(CryptDecrypt(key, 0, FALSE, 0, buf, &len), "empty part: %08lx\n", GetLastError());
		len = 0;
		SetLastError(0xdeadbeef);
		expect_error(CryptDecrypt(key, 0, TRUE, 0, buf, &len), NTE_BAD_LEN);
		CryptDestroyKey(key);
		winetest_pop_context();
	}
	CryptReleaseContext(prov, 0);
}

/* hPubKey 0 with a SIMPLEBLOB: the context's key exchange pair, and
 * NTE_NO_KEY where there is none. */
static void test_import_without_key(void)
{
	BYTE blob[256];
	DWORD len = sizeof(blob);
	HCRYPTPROV prov;
	HCRYPTKEY kx, key, back;

	ok(CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, CALG_RC4, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 512 << 16, &kx), "pair: %08lx\n", GetLastError());
	ok(CryptExportKey(key, kx, SIMPLEBLOB, 0, blob, &len), "SIMPLEBLOB: %08lx\n", GetLastError());
	CryptDestroyKey(kx);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	/* another context: no pair, then a signature pair only */
	ok(CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptImportKey(prov, blob, len, 0, 0, &back), NTE_NO_KEY);
	ok(CryptGenKey(prov, AT_SIGNATURE, 512 << 16, &kx), "signature pair: %08lx\n", GetLastError());
	CryptDestroyKey(kx);
	SetLastError(0xdeadbeef);
	expect_error(CryptImportKey(prov, blob, len, 0, 0, &back), NTE_NO_KEY);
	/* a key exchange pair that is not the one: the padding check fails */
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 512 << 16, &kx), "key exchange pair: %08lx\n", GetLastError());
	CryptDestroyKey(kx);
	SetLastError(0xdeadbeef);
	ok(!CryptImportKey(prov, blob, len, 0, 0, &back), "imported under another pair\n");
	CryptReleaseContext(prov, 0);
}

static BOOL write_file(const char *name, const void *data, DWORD len)
{
	HANDLE f = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
	DWORD done = 0;

	if (f == INVALID_HANDLE_VALUE)
		return FALSE;
	WriteFile(f, data, len, &done, NULL);
	CloseHandle(f);
	return done == len;
}

static DWORD read_file(const char *name, void *data, DWORD cap)
{
	HANDLE f = CreateFileA(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	DWORD done = 0;

	if (f == INVALID_HANDLE_VALUE)
		return 0;
	ReadFile(f, data, cap, &done, NULL);
	CloseHandle(f);
	return done;
}

/* The sending process: the receiver's public key from pub.bin, a session
 * key with default flags plus gen_flags, the SIMPLEBLOB and the encrypted
 * message written next to it.  The exit code is the first error. */
static DWORD sender(int prov_index, DWORD gen_flags)
{
	BYTE pub[1024], blob[1024], data[sizeof(message) + 16];
	DWORD pub_len = read_file("pub.bin", pub, sizeof(pub)), len = sizeof(blob), err = 0;
	HCRYPTPROV prov;
	HCRYPTKEY kx = 0, key = 0;

	if (!CryptAcquireContextA(&prov, NULL, provs[prov_index], PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
		return GetLastError();
	memcpy(data, message, sizeof(message));
	if (!CryptImportKey(prov, pub, pub_len, 0, 0, &kx) ||
	    !CryptGenKey(prov, CALG_RC4, gen_flags | CRYPT_EXPORTABLE, &key) ||
	    !CryptExportKey(key, kx, SIMPLEBLOB, 0, blob, &len) || !write_file("simple.bin", blob, len))
		err = GetLastError() ? GetLastError() : 1;
	len = sizeof(message);
	if (!err && (!CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data)) || !write_file("data.bin", data, len)))
		err = GetLastError() ? GetLastError() : 1;
	CryptDestroyKey(key);
	CryptDestroyKey(kx);
	CryptReleaseContext(prov, 0);
	return err;
}

static DWORD run_sender(int prov_index, DWORD gen_flags)
{
	char args[MAX_PATH + 64];

	snprintf(args, sizeof(args), "sender \"%s\" %d %lu", dir, prov_index, (unsigned long)gen_flags);
	return run_child("rsaenh_session_keys", args);
}

/* The receiving side: a key container with a key exchange pair, its public
 * key to the sender, the sender's SIMPLEBLOB imported with hPubKey 0 and
 * with the pair's handle, and the sender's message decrypted. */
static void test_between_processes(int prov_index, DWORD gen_flags)
{
	char container[64];
	BYTE pub[1024], blob[1024], data[sizeof(message) + 16];
	DWORD pub_len = sizeof(pub), len, data_len, i;
	HCRYPTPROV prov;
	HCRYPTKEY kx, key;

	winetest_push_context("%s flags %lx", provs[prov_index], gen_flags);
	snprintf(container, sizeof(container), "rsaenh_session_keys_%lu", GetCurrentProcessId());
	CryptAcquireContextA(&prov, container, provs[prov_index], PROV_RSA_FULL, CRYPT_DELETEKEYSET);
	ok(CryptAcquireContextA(&prov, container, provs[prov_index], PROV_RSA_FULL, CRYPT_NEWKEYSET),
	   "new key set: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 1024 << 16, &kx), "key exchange pair: %08lx\n", GetLastError());
	ok(CryptExportKey(kx, 0, PUBLICKEYBLOB, 0, pub, &pub_len), "public key: %08lx\n", GetLastError());
	ok(write_file("pub.bin", pub, pub_len), "pub.bin not written\n");
	ok(run_sender(prov_index, gen_flags) == 0, "the sender failed\n");
	len = read_file("simple.bin", blob, sizeof(blob));
	data_len = read_file("data.bin", data, sizeof(data));
	ok(len && data_len == sizeof(message), "the sender wrote %lu and %lu bytes\n", len, data_len);
	for (i = 0; i < 2; i++) {
		DWORD n = data_len;
		BYTE plain[sizeof(data)];

		memcpy(plain, data, sizeof(plain));
		ok(CryptImportKey(prov, blob, len, i ? kx : 0, 0, &key), "import (hPubKey %s): %08lx\n",
		   i ? "the pair" : "0", GetLastError());
		ok(CryptDecrypt(key, 0, TRUE, 0, plain, &n), "decrypt: %08lx\n", GetLastError());
		ok(n == sizeof(message) && !memcmp(plain, message, n), "the message did not come back (hPubKey %s)\n",
		   i ? "the pair" : "0");
		CryptDestroyKey(key);
	}
	CryptDestroyKey(kx);
	CryptReleaseContext(prov, 0);
	CryptAcquireContextA(&prov, container, provs[prov_index], PROV_RSA_FULL, CRYPT_DELETEKEYSET);
	DeleteFileA("pub.bin");
	DeleteFileA("simple.bin");
	DeleteFileA("data.bin");
	winetest_pop_context();
}

START_TEST(rsaenh_session_keys)
{
	char **argv, tmp[MAX_PATH];
	int argc = winetest_get_mainargs(&argv);

	if (argc >= 6 && !strcmp(argv[2], "sender")) {
		lstrcpynA(dir, argv[3], sizeof(dir));
		SetCurrentDirectoryA(dir);
		ExitProcess(sender(atoi(argv[4]), strtoul(argv[5], NULL, 10)));   /* the parent judges */
	}
	test_salts();
	test_wrap_salt();
	test_zero_salt_is_used();
	test_empty_final();
	test_import_without_key();

	GetTempPathA(sizeof(tmp), tmp);
	snprintf(dir, sizeof(dir), "%srsaenh_session_keys_%lu", tmp, GetCurrentProcessId());
	CreateDirectoryA(dir, NULL);
	SetCurrentDirectoryA(dir);
	test_between_processes(0, 0);                 /* Base: 40 bits, eleven zero bytes of salt */
	test_between_processes(2, 40 << 16);          /* Enhanced, 40 bits: salted the same way */
	test_between_processes(2, 0);                 /* Enhanced: 128 bits, no salt */
	SetCurrentDirectoryA(tmp);
	RemoveDirectoryA(dir);
}
