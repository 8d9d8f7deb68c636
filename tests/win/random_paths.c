/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * random_paths.c - every way a program reaches the system's random
 * generator, with our stack installed: advapi32's SystemFunction036
 * (RtlGenRandom), CryptGenRandom, bcrypt's BCryptGenRandom and
 * bcryptprimitives' ProcessPrng (Wine 10), then a whole CSP session.
 * On Wine 10 ProcessPrng imports advapi32's SystemFunction036 and
 * BCryptGenRandom calls ProcessPrng: a SystemFunction036 that called either
 * recursed until the stack overflowed, so a generator that loops back into
 * our DLLs crashes this program (see sysfunc/random.c).
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

typedef BOOLEAN (WINAPI *rtl_gen_random_fn)(void *, ULONG);
typedef LONG (WINAPI *bcrypt_gen_random_fn)(void *, UCHAR *, ULONG, ULONG);
typedef BOOL (WINAPI *process_prng_fn)(BYTE *, SIZE_T);

#define BCRYPT_USE_SYSTEM_PREFERRED_RNG_FLAG 0x00000002

/* Two draws of 97 bytes from one generator: not all zero and not equal
 * (a chance of 2^-776 for a working generator). */
static void check_draws(const char *name, BOOL (*draw)(void *, BYTE *, ULONG), void *fn)
{
	BYTE a[97], b[97], zero[97] = {0};

	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	ok(draw(fn, a, sizeof a), "%s failed (error %lu)\n", name, GetLastError());
	ok(draw(fn, b, sizeof b), "%s failed again (error %lu)\n", name, GetLastError());
	ok(memcmp(a, zero, sizeof a) != 0, "%s gave zeros\n", name);
	ok(memcmp(a, b, sizeof a) != 0, "%s gave the same bytes twice\n", name);
}

static BOOL draw_rtl(void *fn, BYTE *buf, ULONG len)
{
	return ((rtl_gen_random_fn)fn)(buf, len);
}

static BOOL draw_bcrypt(void *fn, BYTE *buf, ULONG len)
{
	return ((bcrypt_gen_random_fn)fn)(NULL, buf, len, BCRYPT_USE_SYSTEM_PREFERRED_RNG_FLAG) == 0;
}

static BOOL draw_prng(void *fn, BYTE *buf, ULONG len)
{
	return ((process_prng_fn)fn)(buf, len);
}

static HCRYPTPROV verify_context;

static BOOL draw_crypt(void *fn, BYTE *buf, ULONG len)
{
	return CryptGenRandom(verify_context, len, buf);
}

static void test_generators(void)
{
	HMODULE advapi32 = GetModuleHandleA("advapi32.dll");
	HMODULE bcrypt = LoadLibraryA("bcrypt.dll");
	HMODULE primitives = LoadLibraryA("bcryptprimitives.dll");
	void *fn;

	fn = (void *)GetProcAddress(advapi32, "SystemFunction036");
	ok(fn != NULL, "advapi32 does not export SystemFunction036\n");
	if (fn)
		check_draws("SystemFunction036", draw_rtl, fn);

	ok(CryptAcquireContextA(&verify_context, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "CryptAcquireContext failed (error %#lx)\n", GetLastError());
	if (verify_context) {
		check_draws("CryptGenRandom", draw_crypt, NULL);
		CryptReleaseContext(verify_context, 0);
	}

	fn = bcrypt ? (void *)GetProcAddress(bcrypt, "BCryptGenRandom") : NULL;
	ok(fn != NULL, "no bcrypt!BCryptGenRandom\n");
	if (fn)
		check_draws("BCryptGenRandom", draw_bcrypt, fn);

	fn = primitives ? (void *)GetProcAddress(primitives, "ProcessPrng") : NULL;
	if (fn)
		check_draws("ProcessPrng", draw_prng, fn);
	else
		skip("this Wine has no bcryptprimitives!ProcessPrng (Wine 8 has none)\n");
}

/* A session that needs random bytes at every step: key generation (RSA and
 * AES), encryption with a random IV, PKCS#1 padding, a signature. */
static void test_csp_session(void)
{
	static const BYTE text[] = "random paths: a whole session";
	HCRYPTPROV prov;
	HCRYPTKEY pair, aes;
	HCRYPTHASH hash;
	BYTE buf[256], sig[256];
	DWORD len, siglen = sizeof sig;
	BYTE iv[16];

	ok(CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "CryptAcquireContext failed (error %#lx)\n", GetLastError());
	ok(CryptGenKey(prov, AT_SIGNATURE, (1024 << 16), &pair), "RSA CryptGenKey failed (error %#lx)\n",
	   GetLastError());
	ok(CryptGenKey(prov, CALG_AES_128, 0, &aes), "AES CryptGenKey failed (error %#lx)\n", GetLastError());
	ok(CryptGenRandom(prov, sizeof iv, iv), "CryptGenRandom failed (error %#lx)\n", GetLastError());
	ok(CryptSetKeyParam(aes, KP_IV, iv, 0), "KP_IV failed (error %#lx)\n", GetLastError());

	memcpy(buf, text, sizeof text);
	len = sizeof text;
	ok(CryptEncrypt(aes, 0, TRUE, 0, buf, &len, sizeof buf), "CryptEncrypt failed (error %#lx)\n",
	   GetLastError());
	ok(CryptSetKeyParam(aes, KP_IV, iv, 0), "KP_IV failed (error %#lx)\n", GetLastError());
	ok(CryptDecrypt(aes, 0, TRUE, 0, buf, &len), "CryptDecrypt failed (error %#lx)\n", GetLastError());
	ok(len == sizeof text && !memcmp(buf, text, len), "the round trip changed the text\n");

	ok(CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash), "CryptCreateHash failed (error %#lx)\n",
	   GetLastError());
	ok(CryptHashData(hash, text, sizeof text, 0), "CryptHashData failed (error %#lx)\n", GetLastError());
	ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &siglen), "CryptSignHash failed (error %#lx)\n",
	   GetLastError());
	ok(CryptVerifySignatureA(hash, sig, siglen, pair, NULL, 0), "CryptVerifySignature failed (error %#lx)\n",
	   GetLastError());
	CryptDestroyHash(hash);
	CryptDestroyKey(aes);
	CryptDestroyKey(pair);
	CryptReleaseContext(prov, 0);
}

START_TEST(random_paths)
{
	test_generators();
	test_csp_session();
}
