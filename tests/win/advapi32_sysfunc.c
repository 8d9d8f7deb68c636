/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * advapi32_sysfunc.c - the SystemFunction helpers and hash contexts beyond
 * what Wine's crypt_lmhash/md4/md5/sha suites cover, through advapi32 (and
 * cryptsp where Windows exports them there too): the LSA secret encryption
 * (SystemFunction004/005) with keys longer than one DES key and in place,
 * RtlEncryptMemory/RtlDecryptMemory in each scope, RtlGenRandom,
 * CheckSignatureInFile, and a table of bad input that must give the
 * documented status and touch nothing.
 */
#include <stdarg.h>
#include <windows.h>

#include "wine/test.h"

#define STATUS_UNSUCCESSFUL        ((LONG)0xC0000001)
#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER   ((LONG)0xC000000D)
#endif
#define STATUS_BUFFER_TOO_SMALL    ((LONG)0xC0000023)
#define STATUS_UNKNOWN_REVISION    ((LONG)0xC0000058)
#define STATUS_INVALID_PARAMETER_1 ((LONG)0xC00000EF)
#define STATUS_INVALID_PARAMETER_2 ((LONG)0xC00000F0)

struct ustring {
	DWORD Length;
	DWORD MaximumLength;
	unsigned char *Buffer;
};

typedef LONG (WINAPI *ustr3_fn)(const struct ustring *, const struct ustring *, struct ustring *);
typedef LONG (WINAPI *blocks_fn)(const BYTE *, const BYTE *, BYTE *);
typedef LONG (WINAPI *memcrypt_fn)(void *, ULONG, ULONG);
typedef BOOLEAN (WINAPI *genrandom_fn)(void *, ULONG);
typedef LONG (WINAPI *rc4_fn)(struct ustring *, const struct ustring *);
typedef BOOL (WINAPI *checksig_fn)(const WCHAR *);
typedef BOOL (WINAPI *checksiga_fn)(const char *);
typedef void (WINAPI *md5init_fn)(void *);
typedef void (WINAPI *md5update_fn)(void *, const unsigned char *, unsigned int);

static HMODULE advapi32, cryptsp;

static void *get(HMODULE mod, const char *name)
{
	void *f = GetProcAddress(mod, name);

	ok(f != NULL, "%s is not exported\n", name);
	return f;
}

/* SystemFunction004 then 005 with a 16-byte key: each block takes its own
 * 7 key bytes, and decryption must walk the key the same way. */
static void test_lsa_secret(void)
{
	ustr3_fn enc = (ustr3_fn)get(advapi32, "SystemFunction004");
	ustr3_fn dec = (ustr3_fn)get(advapi32, "SystemFunction005");
	blocks_fn des_dec = (blocks_fn)get(advapi32, "SystemFunction002");
	unsigned char keybytes[16], clear[45], buf[64], outbuf[64], block[8];
	struct ustring in, key, out, res;
	LONG r;
	int i;

	if (!enc || !dec || !des_dec)
		return;
	for (i = 0; i < sizeof(keybytes); i++)
		keybytes[i] = 0x11 * (i + 1);
	for (i = 0; i < sizeof(clear); i++)
		clear[i] = (unsigned char)(i * 7 + 3);
	key.Buffer = keybytes; key.Length = key.MaximumLength = sizeof(keybytes);
	in.Buffer = clear; in.Length = sizeof(clear); in.MaximumLength = 0;
	out.Buffer = buf; out.Length = 0; out.MaximumLength = sizeof(buf);
	r = enc(&in, &key, &out);
	ok(r == 0, "SystemFunction004 returned %08lx\n", r);
	ok(out.Length == 8 + 48, "length %lu\n", out.Length);
	/* The header is encrypted with the first 7 key bytes, block 1 with the next 7. */
	des_dec(buf, keybytes, block);
	ok(((DWORD *)block)[0] == sizeof(clear) && ((DWORD *)block)[1] == 1, "header %08lx %08lx\n",
	   ((DWORD *)block)[0], ((DWORD *)block)[1]);
	des_dec(buf + 8, keybytes + 7, block);
	ok(!memcmp(block, clear, 8), "first data block not under key bytes 7..13\n");

	memset(outbuf, 0xcc, sizeof(outbuf));
	res.Buffer = outbuf; res.Length = 0; res.MaximumLength = sizeof(outbuf);
	r = dec(&out, &key, &res);
	ok(r == 0, "SystemFunction005 returned %08lx\n", r);
	ok(res.Length == sizeof(clear) && !memcmp(outbuf, clear, sizeof(clear)), "round trip differs\n");
	ok(outbuf[sizeof(clear)] == 0xcc, "wrote past the clear text\n");

	/* In place, both ways. */
	memcpy(buf, clear, sizeof(clear));
	in.Buffer = buf;
	out.Buffer = buf; out.MaximumLength = sizeof(buf);
	r = enc(&in, &key, &out);
	ok(r == 0, "in place: SystemFunction004 returned %08lx\n", r);
	res.Buffer = buf; res.MaximumLength = sizeof(buf);
	r = dec(&out, &key, &res);
	ok(r == 0 && res.Length == sizeof(clear) && !memcmp(buf, clear, sizeof(clear)),
	   "in place round trip: %08lx\n", r);

	/* Too short an output buffer is refused before anything is written. */
	in.Buffer = clear;
	memset(outbuf, 0xcc, sizeof(outbuf));
	out.Buffer = outbuf; out.Length = 0; out.MaximumLength = 8 + 40;
	r = enc(&in, &key, &out);
	ok(r == STATUS_BUFFER_TOO_SMALL, "got %08lx\n", r);
	ok(outbuf[0] == 0xcc && out.Length == 0, "short buffer was written\n");
	/* A ciphertext that is not whole blocks. */
	out.Buffer = buf; out.Length = 13;
	r = dec(&out, &key, &res);
	ok(r == STATUS_INVALID_PARAMETER_1, "got %08lx\n", r);
	/* A wrong key does not give version 1. */
	out.MaximumLength = sizeof(buf);
	enc(&in, &key, &out);
	keybytes[0] ^= 0xfe;
	r = dec(&out, &key, &res);
	ok(r == STATUS_UNKNOWN_REVISION || r == STATUS_INVALID_PARAMETER_1, "wrong key: got %08lx\n", r);
}

static void test_encrypt_memory(void)
{
	memcrypt_fn enc = (memcrypt_fn)get(advapi32, "SystemFunction040");
	memcrypt_fn dec = (memcrypt_fn)get(advapi32, "SystemFunction041");
	static const ULONG flags[] = { 0, 1 /* CROSS_PROCESS */, 2 /* SAME_LOGON */ };
	BYTE clear[48], buf[48], other[48];
	LONG r;
	int i;

	if (!enc || !dec)
		return;
	for (i = 0; i < sizeof(clear); i++)
		clear[i] = (BYTE)i;
	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		memcpy(buf, clear, sizeof(buf));
		r = enc(buf, sizeof(buf), flags[i]);
		ok(r == 0, "flags %lu: encrypt returned %08lx\n", flags[i], r);
		ok(memcmp(buf, clear, sizeof(buf)), "flags %lu: buffer unchanged\n", flags[i]);
		memcpy(other, buf, sizeof(buf));
		r = dec(buf, sizeof(buf), flags[i]);
		ok(r == 0 && !memcmp(buf, clear, sizeof(buf)), "flags %lu: round trip %08lx\n", flags[i], r);
		/* Another scope's key does not undo it. */
		r = dec(other, sizeof(other), flags[(i + 1) % ARRAY_SIZE(flags)]);
		ok(r == 0 && memcmp(other, clear, sizeof(other)), "flags %lu: another scope decrypted it\n", flags[i]);
	}
	memcpy(buf, clear, sizeof(buf));
	ok(enc(buf, 12, 0) == STATUS_INVALID_PARAMETER, "size not a multiple of 8 accepted\n");
	ok(enc(buf, 16, 4) == STATUS_INVALID_PARAMETER, "unknown flag accepted\n");
	ok(enc(buf, 16, 3) == STATUS_INVALID_PARAMETER, "two scopes accepted\n");
	ok(!memcmp(buf, clear, sizeof(buf)), "refused call changed the buffer\n");
	ok(enc(NULL, 0, 0) == 0, "empty buffer refused\n");
	ok(enc(NULL, 8, 0) == STATUS_INVALID_PARAMETER, "NULL buffer accepted\n");
}

static void test_gen_random(void)
{
	genrandom_fn gen = (genrandom_fn)get(advapi32, "SystemFunction036");
	BYTE a[64], b[64], zero[64];

	if (!gen)
		return;
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(zero, 0, sizeof(zero));
	ok(gen(a, sizeof(a)) && gen(b, sizeof(b)), "RtlGenRandom failed: %lu\n", GetLastError());
	ok(memcmp(a, zero, sizeof(a)) && memcmp(a, b, sizeof(a)), "two draws are not random\n");
	ok(gen(NULL, 0), "empty request failed\n");
	/* More than one chunk of the system source at a time. */
	{
		BYTE *big = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, 100000);
		int i, zeros = 0;

		ok(gen(big, 100000), "large request failed\n");
		for (i = 99000; i < 100000; i++)
			zeros += !big[i];
		ok(zeros < 30, "tail of a large request looks unfilled (%d zeros)\n", zeros);
		HeapFree(GetProcessHeap(), 0, big);
	}
	/* Many small draws of sizes that do not divide the source's chunk: what
	 * one leaves over serves the next, so a byte handed out twice or a
	 * wiped byte handed out would show as repeats or as too many zeros. */
	{
		BYTE *small = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, 7 * 1000 + 13);
		int i, zeros = 0, repeats = 0, all = 1;

		for (i = 0; i < 1000; i++)
			all &= gen(small + 7 * i, i % 2 ? 7 : 5);
		all &= gen(small + 7000, 13);
		ok(all, "small requests failed\n");
		for (i = 0; i < 1000; i++) {
			int n = i % 2 ? 7 : 5, j;

			for (j = 0; j < n; j++)
				zeros += !small[7 * i + j];
			if (i && !memcmp(small + 7 * i, small + 7 * (i - 1), 5))
				repeats++;
		}
		/* 6000 bytes hold about 23 zeros */
		ok(zeros < 70, "small requests hold %d zero bytes of 6000\n", zeros);
		ok(!repeats, "%d small requests repeat the one before\n", repeats);
		HeapFree(GetProcessHeap(), 0, small);
	}
}

static void test_check_signature(void)
{
	checksig_fn check = (checksig_fn)get(cryptsp, "CheckSignatureInFile");
	checksiga_fn check_a = (checksiga_fn)get(advapi32, "SystemFunction035");
	WCHAR path[MAX_PATH];
	char patha[MAX_PATH];
	BOOL ret;

	ok(GetProcAddress(advapi32, "CheckSignatureInFile") == NULL, "advapi32 exports CheckSignatureInFile\n");
	if (!check || !check_a)
		return;
	GetSystemDirectoryW(path, MAX_PATH);
	lstrcatW(path, L"\\rsaenh.dll");
	SetLastError(0xdeadbeef);
	ret = check(path);
	ok(!ret && GetLastError() == NTE_BAD_SIGNATURE, "got %d/%08lx\n", ret, GetLastError());
	SetLastError(0xdeadbeef);
	ret = check(L"c:\\no\\such\\file.dll");
	ok(!ret && (GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_FILE_NOT_FOUND),
	   "got %d/%lu\n", ret, GetLastError());
	SetLastError(0xdeadbeef);
	ret = check(NULL);
	ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "got %d/%lu\n", ret, GetLastError());
	GetSystemDirectoryA(patha, MAX_PATH);
	lstrcatA(patha, "\\rsaenh.dll");
	SetLastError(0xdeadbeef);
	ret = check_a(patha);
	ok(!ret && GetLastError() == NTE_BAD_SIGNATURE, "ANSI: got %d/%08lx\n", ret, GetLastError());
}

/* Where Windows exports a name from both DLLs, advapi32's is cryptsp's. */
static void test_same_code(void)
{
	static const char *names[] = { "SystemFunction006", "SystemFunction007", "SystemFunction012",
				       "SystemFunction024", "SystemFunction030", "SystemFunction032" };
	static const char *advapi32_only[] = { "SystemFunction001", "SystemFunction004", "SystemFunction036",
					       "SystemFunction040", "MD5Init", "A_SHAInit" };
	int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		ok(GetProcAddress(advapi32, names[i]) == GetProcAddress(cryptsp, names[i]) &&
		   GetProcAddress(cryptsp, names[i]), "%s: advapi32 does not forward to cryptsp\n", names[i]);
	for (i = 0; i < ARRAY_SIZE(advapi32_only); i++)
		ok(GetProcAddress(advapi32, advapi32_only[i]) && !GetProcAddress(cryptsp, advapi32_only[i]),
		   "%s: not advapi32's alone\n", advapi32_only[i]);
}

/* Bad input: the documented status, and the output left alone. */
static void test_bad_input(void)
{
	static const char *two_block[] = { "SystemFunction012", "SystemFunction013", "SystemFunction024",
					   "SystemFunction025", "SystemFunction001", "SystemFunction002",
					   "SystemFunction008", "SystemFunction009" };
	rc4_fn rc4 = (rc4_fn)get(advapi32, "SystemFunction032");
	ustr3_fn enc = (ustr3_fn)get(advapi32, "SystemFunction004");
	BYTE data[16] = { 0 }, key[16] = { 0 }, out[24];
	struct ustring d, k, o;
	int i;

	for (i = 0; i < ARRAY_SIZE(two_block); i++) {
		blocks_fn f = (blocks_fn)get(advapi32, two_block[i]);

		if (!f)
			continue;
		memset(out, 0xcc, sizeof(out));
		ok(f(NULL, key, out) == STATUS_UNSUCCESSFUL, "%s: NULL data\n", two_block[i]);
		ok(f(data, NULL, out) == STATUS_UNSUCCESSFUL, "%s: NULL key\n", two_block[i]);
		ok(f(data, key, NULL) == STATUS_UNSUCCESSFUL, "%s: NULL output\n", two_block[i]);
		ok(out[0] == 0xcc, "%s: refused call wrote output\n", two_block[i]);
	}
	if (rc4) {
		d.Buffer = data; d.Length = d.MaximumLength = sizeof(data);
		k.Buffer = key; k.Length = 0; k.MaximumLength = sizeof(key);
		ok(rc4(&d, &k) == STATUS_INVALID_PARAMETER_2, "RC4 with an empty key\n");
		ok(data[0] == 0, "refused RC4 changed the data\n");
		/* A key longer than RC4 reads is its first 256 bytes. */
		{
			BYTE longkey[300], a[8] = { 0 }, b[8] = { 0 };
			struct ustring ka = { 300, 300, longkey }, kb = { 256, 256, longkey };
			struct ustring da = { 8, 8, a }, db = { 8, 8, b };

			memset(longkey, 0x5a, sizeof(longkey));
			ok(!rc4(&da, &ka) && !rc4(&db, &kb) && !memcmp(a, b, 8), "long RC4 key\n");
		}
	}
	if (enc) {
		d.Buffer = data; d.Length = 8; d.MaximumLength = 8;
		k.Buffer = key; k.Length = 0;
		o.Buffer = out; o.Length = 0; o.MaximumLength = sizeof(out);
		ok(enc(&d, &k, &o) == STATUS_INVALID_PARAMETER_2, "SystemFunction004 with an empty key\n");
	}
}

START_TEST(advapi32_sysfunc)
{
	advapi32 = LoadLibraryA("advapi32.dll");
	cryptsp = LoadLibraryA("cryptsp.dll");
	ok(advapi32 && cryptsp, "modules missing\n");
	test_lsa_secret();
	test_encrypt_memory();
	test_gen_random();
	test_check_signature();
	test_same_code();
	test_bad_input();
}
