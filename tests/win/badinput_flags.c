/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * badinput_flags.c - every undefined dwFlags bit, one at a time, for each
 * Crypt* export whose flags Windows checks: NTE_BAD_FLAGS, with nothing
 * written and nothing handed out.  The defined bits are left out: CreateHash,
 * the Get/Set*Param calls and the provider enumerations define none,
 * CryptHashData CRYPT_USERDATA, CryptHashSessionKey CRYPT_LITTLE_ENDIAN,
 * CryptEncrypt CRYPT_OAEP (CryptDecrypt also
 * CRYPT_DECRYPT_RSA_NO_PADDING_CHECK), CryptSignHash/CryptVerifySignature
 * CRYPT_NOHASHOID, CRYPT_TYPE2_FORMAT, CRYPT_X931_FORMAT, and
 * CryptGetDefaultProvider CRYPT_MACHINE_DEFAULT and CRYPT_USER_DEFAULT.
 * Prints the number of cases.
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

static HCRYPTPROV prov;
static HCRYPTKEY key, pair;
static HCRYPTHASH hash;

typedef BOOL (*fcall)(DWORD flags, BYTE *out, HCRYPTKEY *nk, HCRYPTHASH *nh);
#define FC(name, expr) \
	static BOOL fc_##name(DWORD flags, BYTE *out, HCRYPTKEY *nk, HCRYPTHASH *nh) \
	{ DWORD len = 16, type = 0, v = CRYPT_MODE_CBC; (void)len; (void)type; (void)v; return (expr); }

FC(CryptCreateHash, CryptCreateHash(prov, CALG_SHA1, 0, flags, nh))
FC(CryptHashData, CryptHashData(hash, out, 1, flags))
FC(CryptHashSessionKey, CryptHashSessionKey(hash, key, flags))
FC(CryptGetHashParam, CryptGetHashParam(hash, HP_ALGID, out, &len, flags))
FC(CryptSetHashParam, CryptSetHashParam(hash, HP_HASHVAL, out, flags))
FC(CryptGetKeyParam, CryptGetKeyParam(key, KP_ALGID, out, &len, flags))
FC(CryptSetKeyParam, CryptSetKeyParam(key, KP_MODE, (BYTE *)&v, flags))
FC(CryptEncrypt, CryptEncrypt(key, 0, TRUE, flags, out, &len, 32))
FC(CryptDecrypt, (len = 16, CryptDecrypt(key, 0, TRUE, flags, out, &len)))
FC(CryptSignHashA, (len = 64, CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, flags, out, &len)))
FC(CryptVerifySignatureA, CryptVerifySignatureA(hash, out, 64, pair, NULL, flags))
FC(CryptEnumProvidersA, CryptEnumProvidersA(0, NULL, flags, &type, NULL, &len))
FC(CryptEnumProviderTypesA, CryptEnumProviderTypesA(0, NULL, flags, &type, NULL, &len))
FC(CryptGetDefaultProviderA, CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, flags, NULL, &len))

#define FROW(name, defined) { #name, fc_##name, defined }
static const struct {
	const char *name;
	fcall call;
	DWORD defined;
} rows[] = {
	FROW(CryptCreateHash, 0), FROW(CryptHashData, CRYPT_USERDATA),
	FROW(CryptHashSessionKey, CRYPT_LITTLE_ENDIAN), FROW(CryptGetHashParam, 0), FROW(CryptSetHashParam, 0),
	FROW(CryptGetKeyParam, 0), FROW(CryptSetKeyParam, 0), FROW(CryptEncrypt, CRYPT_OAEP),
	FROW(CryptDecrypt, CRYPT_OAEP | CRYPT_DECRYPT_RSA_NO_PADDING_CHECK),
	FROW(CryptSignHashA, CRYPT_NOHASHOID | CRYPT_TYPE2_FORMAT | CRYPT_X931_FORMAT),
	FROW(CryptVerifySignatureA, CRYPT_NOHASHOID | CRYPT_TYPE2_FORMAT | CRYPT_X931_FORMAT),
	FROW(CryptEnumProvidersA, 0), FROW(CryptEnumProviderTypesA, 0),
	FROW(CryptGetDefaultProviderA, CRYPT_MACHINE_DEFAULT | CRYPT_USER_DEFAULT),
};

START_TEST(badinput_flags)
{
	static const BYTE data[4] = { 1, 2, 3, 4 };
	BYTE out[128], pristine[128];
	unsigned i, bit, cases = 0;

	if (!CryptAcquireContextA(&prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
		skip("no PROV_RSA_AES context: %08lx\n", GetLastError());
		return;
	}
	ok(CryptGenKey(prov, CALG_AES_128, 0, &key), "CryptGenKey: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 512 << 16, &pair), "CryptGenKey pair: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "CryptCreateHash: %08lx\n", GetLastError());
	ok(CryptHashData(hash, data, sizeof(data), 0), "CryptHashData: %08lx\n", GetLastError());
	memset(pristine, 0x5c, sizeof(pristine));
	for (i = 0; i < ARRAY_SIZE(rows); i++)
		for (bit = 0; bit < 32; bit++) {
			DWORD flags = 1u << bit;
			HCRYPTKEY nk = 0;
			HCRYPTHASH nh = 0;
			BOOL ret;

			if (flags & rows[i].defined)
				continue;
			memcpy(out, pristine, sizeof(out));
			SetLastError(0xdeadbeef);
			ret = rows[i].call(flags, out, &nk, &nh);
			ok(!ret && GetLastError() == NTE_BAD_FLAGS, "%s, flags %08lx: %d/%08lx\n", rows[i].name, flags, ret,
			   GetLastError());
			ok(!memcmp(out, pristine, sizeof(out)), "%s, flags %08lx: wrote its buffer\n", rows[i].name, flags);
			ok(!nk && !nh, "%s, flags %08lx: handed out a handle\n", rows[i].name, flags);
			cases++;
		}
	ok(CryptDestroyHash(hash) && CryptDestroyKey(key) && CryptDestroyKey(pair) && CryptReleaseContext(prov, 0),
	   "teardown: %08lx\n", GetLastError());
	trace("%u bad-input cases\n", cases);
	printf("badinput_flags: %u bad-input cases\n", cases);
}
