/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * badinput_csp.c - rsaenh.dll's CP* exports called directly (as cryptsp
 * calls them), each handle argument in turn replaced by 0, a made-up value
 * and a live handle of the wrong type: the CSP answers NTE_BAD_UID for a
 * context, NTE_BAD_KEY for a key and NTE_BAD_HASH for a hash it does not
 * own (the error tables of Microsoft's CSP interface documentation), writes
 * nothing and hands out nothing.  Prints the count.  (Wine 8.0's builtin
 * rsaenh fails 24 of these rows: it ignores a bad hash in CPEncrypt, does
 * not look at the context in CPHashData, ...)
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>
#include "cspdk.h"

#include "wine/test.h"

#define X(name, args) static PFN_##name p##name;
CSP_ENTRY_POINTS(X)
#undef X

struct h {
	HCRYPTPROV prov;
	HCRYPTKEY key, pair;
	HCRYPTHASH hash;
};

enum { R_PROV, R_KEY, R_PAIR, R_HASH };
typedef BOOL (*hcall)(const struct h *a, BYTE *out);

#define HC(name, expr) \
	static BOOL hc_##name(const struct h *a, BYTE *out) \
	{ DWORD len = 16; HCRYPTKEY k = 0; HCRYPTHASH hh = 0; BOOL r; (void)len; r = (expr); \
	  ok(!k && !hh, #name ": handed out a handle\n"); return r; }

HC(CPReleaseContext, pCPReleaseContext(a->prov, 0))
HC(CPGenRandom, pCPGenRandom(a->prov, 8, out))
HC(CPGetProvParam, pCPGetProvParam(a->prov, PP_NAME, out, &len, 0))
HC(CPSetProvParam, pCPSetProvParam(a->prov, PP_KEYSET_SEC_DESCR, out, 0))
HC(CPGenKey, pCPGenKey(a->prov, CALG_RC4, 0, &k))
HC(CPGetUserKey, pCPGetUserKey(a->prov, AT_KEYEXCHANGE, &k))
HC(CPCreateHash, pCPCreateHash(a->prov, CALG_SHA1, 0, 0, &hh))
HC(CPCreateHashMAC, pCPCreateHash(a->prov, CALG_MAC, a->key, 0, &hh))
HC(CPImportKey, pCPImportKey(a->prov, out, 8, 0, 0, &k))
HC(CPDeriveKey, pCPDeriveKey(a->prov, CALG_RC4, a->hash, 0, &k))
HC(CPSetKeyParam, pCPSetKeyParam(a->prov, a->key, KP_SALT, out, 0))
HC(CPGetKeyParam, pCPGetKeyParam(a->prov, a->key, KP_ALGID, out, &len, 0))
HC(CPDuplicateKey, pCPDuplicateKey(a->prov, a->key, NULL, 0, &k))
HC(CPEncrypt, pCPEncrypt(a->prov, a->key, 0, TRUE, 0, out, &len, 32))
HC(CPEncryptHash, pCPEncrypt(a->prov, a->key, a->hash, TRUE, 0, out, &len, 32))
HC(CPDecrypt, pCPDecrypt(a->prov, a->key, 0, TRUE, 0, out, &len))
HC(CPDecryptHash, pCPDecrypt(a->prov, a->key, a->hash, TRUE, 0, out, &len))
HC(CPExportKey, pCPExportKey(a->prov, a->key, 0, PLAINTEXTKEYBLOB, 0, out, &len))
HC(CPHashData, pCPHashData(a->prov, a->hash, out, 1, 0))
HC(CPHashSessionKey, pCPHashSessionKey(a->prov, a->hash, a->key, 0))
HC(CPGetHashParam, pCPGetHashParam(a->prov, a->hash, HP_ALGID, out, &len, 0))
HC(CPSetHashParam, pCPSetHashParam(a->prov, a->hash, HP_HASHVAL, out, 0))
HC(CPDuplicateHash, pCPDuplicateHash(a->prov, a->hash, NULL, 0, &hh))
HC(CPSignHash, pCPSignHash(a->prov, a->hash, AT_KEYEXCHANGE, NULL, 0, out, &len))
HC(CPVerifySignature, pCPVerifySignature(a->prov, a->hash, out, 64, a->pair, NULL, 0))
HC(CPDestroyKey, pCPDestroyKey(a->prov, a->key))
HC(CPDestroyHash, pCPDestroyHash(a->prov, a->hash))

#define P (1 << R_PROV)
#define K (1 << R_KEY)
#define PK (1 << R_PAIR)
#define H (1 << R_HASH)
#define HROW(name, roles, optional) { #name, hc_##name, roles, optional }
static const struct {
	const char *name;
	hcall call;
	int roles, optional;     /* optional: 0 is legal there */
} rows[] = {
	HROW(CPGenRandom, P, 0), HROW(CPGetProvParam, P, 0), HROW(CPSetProvParam, P, 0), HROW(CPGenKey, P, 0),
	HROW(CPGetUserKey, P, 0), HROW(CPCreateHash, P, 0), HROW(CPCreateHashMAC, P | K, 0),
	HROW(CPImportKey, P, 0), HROW(CPDeriveKey, P | H, 0), HROW(CPSetKeyParam, P | K, 0),
	HROW(CPGetKeyParam, P | K, 0), HROW(CPDuplicateKey, P | K, 0), HROW(CPEncrypt, P | K, 0),
	HROW(CPEncryptHash, P | K | H, H), HROW(CPDecrypt, P | K, 0), HROW(CPDecryptHash, P | K | H, H),
	HROW(CPExportKey, P | K, 0), HROW(CPHashData, P | H, 0), HROW(CPHashSessionKey, P | H | K, 0),
	HROW(CPGetHashParam, P | H, 0), HROW(CPSetHashParam, P | H, 0), HROW(CPDuplicateHash, P | H, 0),
	HROW(CPSignHash, P | H, 0), HROW(CPVerifySignature, P | PK, 0), HROW(CPDestroyKey, P | K, 0),
	HROW(CPDestroyHash, P | H, 0), HROW(CPReleaseContext, P, 0),
};

static const DWORD codes[] = { NTE_BAD_UID, NTE_BAD_KEY, NTE_BAD_KEY, NTE_BAD_HASH };

static ULONG_PTR *role(struct h *a, int r)
{
	return r == R_PROV ? &a->prov : r == R_KEY ? &a->key : r == R_PAIR ? &a->pair : &a->hash;
}

START_TEST(badinput_csp)
{
	static const BYTE data[4] = { 1, 2, 3, 4 };
	CSP_VTABLE vt = { CSP_VTABLE_VERSION, NULL, NULL, PROV_RSA_AES, NULL, 0, (LPSTR)MS_ENH_RSA_AES_PROV_A };
	HMODULE dll = LoadLibraryA("rsaenh.dll");
	BYTE out[64], pristine[64];
	struct h good = { 0 };
	unsigned i, r, v, cases = 0;

	if (!dll) {
		skip("no rsaenh.dll\n");
		return;
	}
#define X(name, args) p##name = (PFN_##name)(void *)GetProcAddress(dll, #name);
	CSP_ENTRY_POINTS(X)
#undef X
	if (!pCPAcquireContext || !pCPAcquireContext(&good.prov, NULL, CRYPT_VERIFYCONTEXT, &vt)) {
		skip("CPAcquireContext: %08lx\n", GetLastError());
		return;
	}
	ok(pCPGenKey(good.prov, CALG_AES_128, CRYPT_EXPORTABLE, &good.key), "CPGenKey: %08lx\n", GetLastError());
	ok(pCPGenKey(good.prov, AT_KEYEXCHANGE, 512 << 16, &good.pair), "CPGenKey pair: %08lx\n", GetLastError());
	ok(pCPCreateHash(good.prov, CALG_SHA1, 0, 0, &good.hash), "CPCreateHash: %08lx\n", GetLastError());
	ok(pCPHashData(good.prov, good.hash, data, sizeof(data), 0), "CPHashData: %08lx\n", GetLastError());
	memset(pristine, 0x5c, sizeof(pristine));
	for (i = 0; i < ARRAY_SIZE(rows); i++)
		for (r = R_PROV; r <= R_HASH; r++) {
			ULONG_PTR bad[4] = { 0, 0xdeadbeef, 0, 0 };

			if (!(rows[i].roles & (1 << r)))
				continue;
			bad[2] = r == R_PROV ? good.key : good.prov;
			bad[3] = r == R_HASH ? good.key : good.hash;
			for (v = 0; v < ARRAY_SIZE(bad); v++) {
				struct h a = good;
				BOOL ret;

				if (!bad[v] && (rows[i].optional & (1 << r)))
					continue;
				*role(&a, r) = bad[v];
				memcpy(out, pristine, sizeof(out));
				SetLastError(0xdeadbeef);
				ret = rows[i].call(&a, out);
				ok(!ret && GetLastError() == codes[r], "%s, handle %u = bad value %u: %d/%08lx, expected %08lx\n",
				   rows[i].name, r, v, ret, GetLastError(), codes[r]);
				ok(!memcmp(out, pristine, sizeof(out)), "%s: wrote its buffer\n", rows[i].name);
				cases++;
			}
		}
	ok(pCPDestroyHash(good.prov, good.hash) && pCPDestroyKey(good.prov, good.key) &&
	   pCPDestroyKey(good.prov, good.pair) && pCPReleaseContext(good.prov, 0), "teardown: %08lx\n", GetLastError());
	trace("%u bad-input cases\n", cases);
	printf("badinput_csp: %u bad-input cases\n", cases);
}
