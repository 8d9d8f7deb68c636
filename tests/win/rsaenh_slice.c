/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_slice.c - winetest-style checks of the first rsaenh slice through
 * advapi32 (verify contexts, hashes, AES keys and CBC/PKCS#5), plus direct
 * calls into rsaenh.dll's CP* exports for handle validation.  Everything
 * asserted here is what Windows' own rsaenh does.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "cspdk.h"

static const char aes_prov[] = "Microsoft Enhanced RSA and AES Cryptographic Provider";

static void hex(const char *s, BYTE *out)
{
	unsigned int b;

	while (s[0] && sscanf(s, "%2x", &b) == 1) {
		*out++ = (BYTE)b;
		s += 2;
	}
}

static void test_prov_params(HCRYPTPROV prov)
{
	char name[100];
	DWORD v, len;
	PROV_ENUMALGS_EX ex;
	BOOL seen_aes256 = FALSE, ok_;
	DWORD flags;

	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0), "PP_NAME: %08lx\n", GetLastError());
	ok(!strcmp(name, aes_prov), "name %s\n", name);
	len = sizeof(v);
	ok(CryptGetProvParam(prov, PP_PROVTYPE, (BYTE *)&v, &len, 0) && v == PROV_RSA_AES, "type %lu\n", v);
	len = sizeof(v);
	ok(CryptGetProvParam(prov, PP_VERSION, (BYTE *)&v, &len, 0) && v == 0x200, "version %lx\n", v);
	len = sizeof(v);
	ok(CryptGetProvParam(prov, PP_IMPTYPE, (BYTE *)&v, &len, 0) && v == CRYPT_IMPL_SOFTWARE, "imptype %lu\n", v);
	len = 2;
	SetLastError(0xdeadbeef);
	ok(!CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0) && GetLastError() == ERROR_MORE_DATA,
	   "short PP_NAME: %08lx\n", GetLastError());
	ok(len == sizeof(aes_prov), "needed %lu\n", len);

	for (flags = CRYPT_FIRST;; flags = 0) {
		len = sizeof(ex);
		ok_ = CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&ex, &len, flags);
		if (!ok_)
			break;
		if (ex.aiAlgid == CALG_AES_256) {
			seen_aes256 = TRUE;
			ok(ex.dwDefaultLen == 256 && ex.dwMinLen == 256 && ex.dwMaxLen == 256, "AES-256 lengths\n");
			ok(!strcmp(ex.szName, "AES-256"), "name %s\n", ex.szName);
		}
	}
	ok(GetLastError() == ERROR_NO_MORE_ITEMS, "enum end: %08lx\n", GetLastError());
	ok(seen_aes256, "AES-256 not enumerated\n");
}

static void test_hashes(HCRYPTPROV prov)
{
	static const struct { ALG_ID id; DWORD size; const char *abc; } kat[] = {
		{ CALG_MD5, 16, "900150983cd24fb0d6963f7d28e17f72" },
		{ CALG_SHA, 20, "a9993e364706816aba3e25717850c26c9cd0d89d" },
		{ CALG_SHA_256, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ CALG_SHA_384, 48, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
				    "8086072ba1e7cc2358baeca134c825a7" },
		{ CALG_SHA_512, 64, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
				    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	};
	BYTE want[64], got[64], got2[64];
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(kat); i++) {
		HCRYPTHASH h = 0, d = 0;
		DWORD len, v;

		ok(CryptCreateHash(prov, kat[i].id, 0, 0, &h), "create %x: %08lx\n", kat[i].id, GetLastError());
		ok(CryptHashData(h, (const BYTE *)"a", 1, 0), "hash data: %08lx\n", GetLastError());
		ok(CryptDuplicateHash(h, NULL, 0, &d), "duplicate: %08lx\n", GetLastError());
		ok(CryptHashData(h, (const BYTE *)"bc", 2, 0), "hash data: %08lx\n", GetLastError());
		ok(CryptHashData(d, (const BYTE *)"bc", 2, 0), "hash data: %08lx\n", GetLastError());
		len = sizeof(v);
		ok(CryptGetHashParam(h, HP_HASHSIZE, (BYTE *)&v, &len, 0) && v == kat[i].size, "size %lu\n", v);
		len = sizeof(v);
		ok(CryptGetHashParam(h, HP_ALGID, (BYTE *)&v, &len, 0) && v == kat[i].id, "algid %lx\n", v);
		hex(kat[i].abc, want);
		len = sizeof(got);
		ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == kat[i].size, "value: %08lx\n", GetLastError());
		ok(!memcmp(got, want, kat[i].size), "wrong digest for %x\n", kat[i].id);
		len = sizeof(got2);
		ok(CryptGetHashParam(d, HP_HASHVAL, got2, &len, 0) && !memcmp(got2, want, kat[i].size),
		   "duplicate digest for %x\n", kat[i].id);
		SetLastError(0xdeadbeef);
		ok(!CryptHashData(h, (const BYTE *)"x", 1, 0) && GetLastError() == NTE_BAD_HASH_STATE,
		   "finished hash took data: %08lx\n", GetLastError());
		ok(CryptDestroyHash(d), "destroy: %08lx\n", GetLastError());
		ok(CryptDestroyHash(h), "destroy: %08lx\n", GetLastError());
	}
}

static void test_aes(HCRYPTPROV prov, ALG_ID alg, DWORD bits)
{
	HCRYPTKEY key = 0, dup = 0;
	HCRYPTHASH h1 = 0, h2 = 0;
	BYTE plain[100], buf[128], iv[16], d1[20], d2[20];
	DWORD len, v, n;

	for (n = 0; n < sizeof(plain); n++)
		plain[n] = (BYTE)(n * 7 + 1);
	ok(CryptGenKey(prov, alg, CRYPT_EXPORTABLE, &key), "genkey %x: %08lx\n", alg, GetLastError());
	if (!key)
		return;
	len = sizeof(v);
	ok(CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&v, &len, 0) && v == bits, "keylen %lu\n", v);
	len = sizeof(v);
	ok(CryptGetKeyParam(key, KP_BLOCKLEN, (BYTE *)&v, &len, 0) && v == 128, "blocklen %lu\n", v);
	len = sizeof(v);
	ok(CryptGetKeyParam(key, KP_ALGID, (BYTE *)&v, &len, 0) && v == alg, "algid %lx\n", v);
	len = sizeof(v);
	ok(CryptGetKeyParam(key, KP_MODE, (BYTE *)&v, &len, 0) && v == CRYPT_MODE_CBC, "mode %lu\n", v);
	len = sizeof(v);
	ok(CryptGetKeyParam(key, KP_PADDING, (BYTE *)&v, &len, 0) && v == PKCS5_PADDING, "padding %lu\n", v);
	len = sizeof(iv);
	memset(iv, 0xcc, sizeof(iv));
	ok(CryptGetKeyParam(key, KP_IV, iv, &len, 0) && len == 16, "iv: %08lx\n", GetLastError());

	/* sizes: query, short buffer */
	len = 20;
	ok(CryptEncrypt(key, 0, TRUE, 0, NULL, &len, 0) && len == 32, "size query %lu\n", len);
	memcpy(buf, plain, 20);
	len = 20;
	SetLastError(0xdeadbeef);
	ok(!CryptEncrypt(key, 0, TRUE, 0, buf, &len, 20) && GetLastError() == ERROR_MORE_DATA && len == 32,
	   "short buffer: %08lx %lu\n", GetLastError(), len);

	/* round trip in two chained calls, hashing the plaintext both ways */
	CryptCreateHash(prov, CALG_SHA, 0, 0, &h1);
	CryptCreateHash(prov, CALG_SHA, 0, 0, &h2);
	memcpy(buf, plain, 100);
	len = 48;
	ok(CryptEncrypt(key, h1, FALSE, 0, buf, &len, 48) && len == 48, "encrypt 1: %08lx\n", GetLastError());
	len = 52;
	ok(CryptEncrypt(key, h1, TRUE, 0, buf + 48, &len, 80) && len == 64, "encrypt 2: %08lx %lu\n", GetLastError(), len);
	ok(CryptDuplicateKey(key, NULL, 0, &dup), "dupkey: %08lx\n", GetLastError());
	len = 32;
	ok(CryptDecrypt(dup, h2, FALSE, 0, buf, &len) && len == 32, "decrypt 1: %08lx\n", GetLastError());
	len = 80;
	ok(CryptDecrypt(dup, h2, TRUE, 0, buf + 32, &len) && len == 68, "decrypt 2: %08lx %lu\n", GetLastError(), len);
	ok(!memcmp(buf, plain, 100), "round trip differs\n");
	len = sizeof(d1);
	CryptGetHashParam(h1, HP_HASHVAL, d1, &len, 0);
	len = sizeof(d2);
	CryptGetHashParam(h2, HP_HASHVAL, d2, &len, 0);
	ok(!memcmp(d1, d2, sizeof(d1)), "hashes of the plaintext differ\n");
	CryptDestroyHash(h1);
	CryptDestroyHash(h2);

	/* bad padding: a block that ends in 0x00, encrypted without padding,
	 * then decrypted as a final block by the duplicate, which starts from
	 * the same IV (a flipped ciphertext bit would leave valid padding now
	 * and then) */
	memcpy(buf, plain, 16);
	buf[15] = 0;
	len = 16;
	ok(CryptEncrypt(key, 0, FALSE, 0, buf, &len, sizeof(buf)) && len == 16, "encrypt: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptDecrypt(dup, 0, TRUE, 0, buf, &len) && GetLastError() == NTE_BAD_DATA,
	   "bad padding: %08lx\n", GetLastError());
	ok(CryptDestroyKey(dup), "destroy: %08lx\n", GetLastError());
	ok(CryptDestroyKey(key), "destroy: %08lx\n", GetLastError());
}

static void test_bad_algs(HCRYPTPROV prov)
{
	HCRYPTKEY key;

	SetLastError(0xdeadbeef);
	ok(!CryptGenKey(prov, CALG_AES_128, 256 << 16, &key) && GetLastError() == NTE_BAD_DATA,
	   "AES-128 with 256 bits: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptGenKey(prov, CALG_SHA_256, 0, &key) && GetLastError() == NTE_BAD_ALGID,
	   "key of a hash algorithm: %08lx\n", GetLastError());
}

/* Straight into the CSP: handles it never gave out, or gave and took back. */
static void test_csp_handles(void)
{
	HMODULE mod = LoadLibraryA("rsaenh.dll");
	PFN_CPAcquireContext acquire;
	PFN_CPReleaseContext release;
	PFN_CPGenKey genkey;
	PFN_CPDestroyKey destroykey;
	PFN_CPCreateHash createhash;
	PFN_CPHashData hashdata;
	PFN_CPEncrypt encrypt;
	CSP_VTABLE vt = { CSP_VTABLE_VERSION, NULL, NULL, PROV_RSA_AES, NULL, 0, (LPSTR)aes_prov };
	HCRYPTPROV prov = 0;
	HCRYPTKEY key = 0;
	HCRYPTHASH hash = 0;
	DWORD len;
	BYTE buf[32];

	if (!mod) {
		skip("rsaenh.dll not loadable\n");
		return;
	}
	acquire = (PFN_CPAcquireContext)(void *)GetProcAddress(mod, "CPAcquireContext");
	release = (PFN_CPReleaseContext)(void *)GetProcAddress(mod, "CPReleaseContext");
	genkey = (PFN_CPGenKey)(void *)GetProcAddress(mod, "CPGenKey");
	destroykey = (PFN_CPDestroyKey)(void *)GetProcAddress(mod, "CPDestroyKey");
	createhash = (PFN_CPCreateHash)(void *)GetProcAddress(mod, "CPCreateHash");
	hashdata = (PFN_CPHashData)(void *)GetProcAddress(mod, "CPHashData");
	encrypt = (PFN_CPEncrypt)(void *)GetProcAddress(mod, "CPEncrypt");
	ok(acquire && release && genkey && destroykey && createhash && hashdata && encrypt, "exports\n");

	ok(acquire(&prov, NULL, CRYPT_VERIFYCONTEXT, &vt), "acquire: %08lx\n", GetLastError());
	ok(genkey(prov, CALG_AES_128, 0, &key), "genkey: %08lx\n", GetLastError());
	ok(createhash(prov, CALG_MD5, 0, 0, &hash), "createhash: %08lx\n", GetLastError());

	/* a key handle is not a hash handle, and the other way round */
	SetLastError(0xdeadbeef);
	ok(!hashdata(prov, (HCRYPTHASH)key, buf, 1, 0) && GetLastError() == NTE_BAD_HASH, "key as hash: %08lx\n", GetLastError());
	len = 16;
	SetLastError(0xdeadbeef);
	ok(!encrypt(prov, (HCRYPTKEY)hash, 0, TRUE, 0, buf, &len, sizeof(buf)) && GetLastError() == NTE_BAD_KEY,
	   "hash as key: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!genkey((HCRYPTPROV)key, CALG_AES_128, 0, &key) && GetLastError() == NTE_BAD_UID,
	   "key as provider: %08lx\n", GetLastError());

	/* destroyed: the handle is dead */
	ok(destroykey(prov, key), "destroy: %08lx\n", GetLastError());
	len = 16;
	SetLastError(0xdeadbeef);
	ok(!encrypt(prov, key, 0, TRUE, 0, buf, &len, sizeof(buf)) && GetLastError() == NTE_BAD_KEY,
	   "destroyed key: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!destroykey(prov, key) && GetLastError() == NTE_BAD_KEY, "double destroy: %08lx\n", GetLastError());

	/* releasing the context takes its hashes with it */
	ok(release(prov, 0), "release: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!release(prov, 0) && GetLastError() == NTE_BAD_UID, "double release: %08lx\n", GetLastError());
	FreeLibrary(mod);
}

START_TEST(rsaenh_slice)
{
	HCRYPTPROV prov = 0;

	if (!CryptAcquireContextA(&prov, NULL, aes_prov, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
		skip("no AES provider: %08lx\n", GetLastError());
		return;
	}
	test_prov_params(prov);
	test_hashes(prov);
	test_aes(prov, CALG_AES_128, 128);
	test_aes(prov, CALG_AES_192, 192);
	test_aes(prov, CALG_AES_256, 256);
	test_bad_algs(prov);
	ok(CryptReleaseContext(prov, 0), "release: %08lx\n", GetLastError());

	ok(CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT),
	   "enhanced: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
	test_csp_handles();
}
