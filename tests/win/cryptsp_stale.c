/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cryptsp_stale.c - every handle-taking CryptoAPI export, table-driven,
 * given handles that are no longer valid: a context already released (with
 * the keys and hashes made in it, which die with it, as in Wine's crypt.c
 * "incorrect API usage" test), and keys and hashes destroyed on their own.
 * Each call must fail with ERROR_INVALID_PARAMETER, write nothing, and
 * crash nothing; the context must come back usable by a fresh acquire.
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

struct handles {
	HCRYPTPROV prov;
	HCRYPTKEY key;
	HCRYPTHASH hash;
};

/* One export called with the handles in h; out is a buffer it may not touch. */
typedef BOOL (*call_fn)(const struct handles *h, BYTE *out);

#define CALL(name, expr) \
	static BOOL call_##name(const struct handles *h, BYTE *out) \
	{ DWORD len = 8; HCRYPTKEY k = 0; HCRYPTHASH hh = 0; BOOL r = (expr); \
	  (void)len; ok(!k && !hh, #name ": handed out a handle\n"); return r; }

CALL(CryptReleaseContext, CryptReleaseContext(h->prov, 0))
CALL(CryptContextAddRef, CryptContextAddRef(h->prov, NULL, 0))
CALL(CryptGenRandom, CryptGenRandom(h->prov, 8, out))
CALL(CryptGetProvParam, CryptGetProvParam(h->prov, PP_NAME, out, &len, 0))
CALL(CryptSetProvParam, CryptSetProvParam(h->prov, PP_KEYSET_SEC_DESCR, out, 0))
CALL(CryptGenKey, CryptGenKey(h->prov, CALG_RC4, 0, &k))
CALL(CryptDeriveKey, CryptDeriveKey(h->prov, CALG_RC4, h->hash, 0, &k))
CALL(CryptCreateHash, CryptCreateHash(h->prov, CALG_SHA1, 0, 0, &hh))
CALL(CryptImportKey, CryptImportKey(h->prov, out, 8, 0, 0, &k))
CALL(CryptGetUserKey, CryptGetUserKey(h->prov, AT_KEYEXCHANGE, &k))
CALL(CryptEncrypt, CryptEncrypt(h->key, 0, TRUE, 0, out, &len, 16))
CALL(CryptDecrypt, CryptDecrypt(h->key, 0, TRUE, 0, out, &len))
CALL(CryptExportKey, CryptExportKey(h->key, 0, SIMPLEBLOB, 0, out, &len))
CALL(CryptGetKeyParam, CryptGetKeyParam(h->key, KP_ALGID, out, &len, 0))
CALL(CryptSetKeyParam, CryptSetKeyParam(h->key, KP_SALT, out, 0))
CALL(CryptDuplicateKey, CryptDuplicateKey(h->key, NULL, 0, &k))
CALL(CryptDestroyKey, CryptDestroyKey(h->key))
CALL(CryptHashData, CryptHashData(h->hash, out, 1, 0))
CALL(CryptHashSessionKey, CryptHashSessionKey(h->hash, h->key, 0))
CALL(CryptGetHashParam, CryptGetHashParam(h->hash, HP_HASHVAL, out, &len, 0))
CALL(CryptSetHashParam, CryptSetHashParam(h->hash, HP_HASHVAL, out, 0))
CALL(CryptDuplicateHash, CryptDuplicateHash(h->hash, NULL, 0, &hh))
CALL(CryptSignHashA, CryptSignHashA(h->hash, AT_SIGNATURE, NULL, 0, out, &len))
CALL(CryptSignHashW, CryptSignHashW(h->hash, AT_SIGNATURE, NULL, 0, out, &len))
CALL(CryptVerifySignatureA, CryptVerifySignatureA(h->hash, out, 8, h->key, NULL, 0))
CALL(CryptVerifySignatureW, CryptVerifySignatureW(h->hash, out, 8, h->key, NULL, 0))
CALL(CryptDestroyHash, CryptDestroyHash(h->hash))

#define ROW(name) { #name, call_##name }
static const struct {
	const char *name;
	call_fn call;
} calls[] = {
	ROW(CryptGenRandom), ROW(CryptGetProvParam), ROW(CryptSetProvParam), ROW(CryptGenKey),
	ROW(CryptDeriveKey), ROW(CryptCreateHash), ROW(CryptImportKey), ROW(CryptGetUserKey),
	ROW(CryptEncrypt), ROW(CryptDecrypt), ROW(CryptExportKey), ROW(CryptGetKeyParam),
	ROW(CryptSetKeyParam), ROW(CryptDuplicateKey), ROW(CryptHashData), ROW(CryptHashSessionKey),
	ROW(CryptGetHashParam), ROW(CryptSetHashParam), ROW(CryptDuplicateHash), ROW(CryptSignHashA),
	ROW(CryptSignHashW), ROW(CryptVerifySignatureA), ROW(CryptVerifySignatureW),
	ROW(CryptContextAddRef), ROW(CryptDestroyKey), ROW(CryptDestroyHash), ROW(CryptReleaseContext),
};

/* Run the table; skip rows whose every handle argument is still live. */
static void run_table(const char *what, const struct handles *h)
{
	BYTE out[64], pristine[64];
	unsigned i;

	memset(pristine, 0x5c, sizeof(pristine));
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		BOOL ret;

		memcpy(out, pristine, sizeof(out));
		SetLastError(0xdeadbeef);
		ret = calls[i].call(h, out);
		ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "%s: %s gave %d/%08lx\n", what, calls[i].name,
		   ret, GetLastError());
		ok(!memcmp(out, pristine, sizeof(out)), "%s: %s wrote its buffer\n", what, calls[i].name);
	}
}

static BOOL make(struct handles *h)
{
	BYTE data[4] = { 1, 2, 3, 4 };

	memset(h, 0, sizeof(*h));
	if (!CryptAcquireContextA(&h->prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
		return FALSE;
	ok(CryptGenKey(h->prov, CALG_RC4, CRYPT_EXPORTABLE, &h->key), "CryptGenKey: %08lx\n", GetLastError());
	ok(CryptCreateHash(h->prov, CALG_SHA1, 0, 0, &h->hash), "CryptCreateHash: %08lx\n", GetLastError());
	ok(CryptHashData(h->hash, data, sizeof(data), 0), "CryptHashData: %08lx\n", GetLastError());
	return h->key && h->hash;
}

static void test_released_context(void)
{
	struct handles h, fresh;

	if (!make(&h)) {
		skip("no context\n");
		return;
	}
	ok(CryptReleaseContext(h.prov, 0), "CryptReleaseContext: %08lx\n", GetLastError());
	run_table("after CryptReleaseContext", &h);

	/* Nothing of the old context leaks into a new one. */
	ok(make(&fresh), "a fresh context failed\n");
	ok(CryptDestroyKey(fresh.key) && CryptDestroyHash(fresh.hash) && CryptReleaseContext(fresh.prov, 0),
	   "fresh context teardown: %08lx\n", GetLastError());
}

/* Keys and hashes destroyed on their own, in a context that lives on: the
 * rows that take only the context must still work, so give them a dead one. */
static void test_destroyed_children(void)
{
	struct handles h, dead;

	if (!make(&h)) {
		skip("no context\n");
		return;
	}
	if (!make(&dead)) {
		skip("no second context\n");
		return;
	}
	ok(CryptReleaseContext(dead.prov, 0), "release: %08lx\n", GetLastError());
	ok(CryptDestroyKey(h.key) && CryptDestroyHash(h.hash), "destroy: %08lx\n", GetLastError());
	dead.key = h.key;
	dead.hash = h.hash;
	run_table("after CryptDestroyKey/Hash", &dead);
	/* The live context is untouched by all that. */
	{
		BYTE buf[8];

		ok(CryptGenRandom(h.prov, sizeof(buf), buf), "live context broken: %08lx\n", GetLastError());
	}
	ok(CryptReleaseContext(h.prov, 0), "release: %08lx\n", GetLastError());
}

START_TEST(cryptsp_stale)
{
	test_released_context();
	test_destroyed_children();
}
