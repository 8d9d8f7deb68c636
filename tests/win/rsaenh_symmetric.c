/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_symmetric.c - winetest-style checks of rsaenh's symmetric side
 * through advapi32: RC2, RC4, DES and triple DES with every provider's
 * key lengths, salt, KP_* parameters, MD2/MD4, SSL3 SHAMD5, CALG_MAC,
 * CALG_HMAC, CryptDeriveKey and PLAINTEXTKEYBLOB (including
 * CRYPT_IPSEC_HMAC_KEY).  Expected values are Windows' (published test
 * vectors, or results Wine's conformance suite records from Windows).
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "win_test.h"

static void hex(const char *s, BYTE *out)
{
	unsigned int b;

	while (s[0] && sscanf(s, "%2x", &b) == 1) {
		*out++ = (BYTE)b;
		s += 2;
	}
}

static DWORD key_dword(HCRYPTKEY key, DWORD param)
{
	DWORD v = 0xdeadbeef, len = sizeof(v);

	ok(CryptGetKeyParam(key, param, (BYTE *)&v, &len, 0), "param %lu: %08lx\n", param, GetLastError());
	return v;
}

/* CryptGenKey's lengths: defaults, limits, the DES family's two names */
static void test_key_lengths(void)
{
	static const struct {
		const char *prov; DWORD type; ALG_ID alg; DWORD flags; DWORD err; DWORD keylen, blocklen;
	} t[] = {
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_RC4, 0, 0, 40, 0 },
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_RC2, 0, 0, 40, 64 },
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_RC2, 56 << 16, 0, 56, 64 },
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_RC4, 64 << 16, NTE_BAD_DATA, 0, 0 },
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_3DES, 0, NTE_BAD_ALGID, 0, 0 },
		{ MS_DEF_PROV_A, PROV_RSA_FULL, CALG_DES, 0, 0, 64, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_RC4, 0, 0, 128, 0 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_RC2, 0, 0, 128, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_RC2, 41 << 16, NTE_BAD_DATA, 0, 0 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_DES, 56 << 16, 0, 64, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_DES, 40 << 16, NTE_BAD_FLAGS, 0, 0 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_3DES_112, 0, 0, 128, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_3DES_112, 112 << 16, 0, 128, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_3DES, 168 << 16, 0, 192, 64 },
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, CALG_3DES, 128 << 16, NTE_BAD_FLAGS, 0, 0 },
		{ MS_STRONG_PROV_A, PROV_RSA_FULL, CALG_RC4, 0, 0, 128, 0 },
		{ MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CALG_RC2, 128 << 16, 0, 128, 64 },
		{ MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CALG_RC2, (128 + 8) << 16, NTE_BAD_DATA, 0, 0 },
	};
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		HCRYPTPROV prov = verify_context(t[i].prov, t[i].type);
		HCRYPTKEY key = 0;
		BOOL r;

		SetLastError(0xdeadbeef);
		r = CryptGenKey(prov, t[i].alg, t[i].flags, &key);
		if (t[i].err)
			ok(!r && GetLastError() == t[i].err, "%u: got %d %08lx\n", i, r, GetLastError());
		else {
			ok(r, "%u: %08lx\n", i, GetLastError());
			ok(key_dword(key, KP_KEYLEN) == t[i].keylen, "%u: keylen\n", i);
			ok(key_dword(key, KP_BLOCKLEN) == t[i].blocklen, "%u: blocklen\n", i);
			ok(key_dword(key, KP_ALGID) == t[i].alg, "%u: algid\n", i);
			CryptDestroyKey(key);
		}
		CryptReleaseContext(prov, 0);
	}
}

static void test_salt(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV aes = verify_context(MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES);
	BYTE salt[32];
	DWORD len;
	HCRYPTKEY key;

	/* a 40-bit key has eleven bytes of salt... */
	ok(CryptGenKey(base, CALG_RC4, 0, &key), "%08lx\n", GetLastError());
	len = sizeof(salt);
	ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == 11, "salt %lu\n", len);
	CryptDestroyKey(key);
	/* ...unless asked for none */
	ok(CryptGenKey(base, CALG_RC4, CRYPT_NO_SALT, &key), "%08lx\n", GetLastError());
	len = sizeof(salt);
	ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == 0, "salt %lu\n", len);
	memset(salt, 0x42, 11);
	ok(CryptSetKeyParam(key, KP_SALT, salt, 0), "%08lx\n", GetLastError());
	len = sizeof(salt);
	ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == 11, "salt %lu\n", len);
	CryptDestroyKey(key);
	/* block ciphers other than RC2 have none */
	ok(CryptGenKey(aes, CALG_AES_128, 0, &key), "%08lx\n", GetLastError());
	len = sizeof(salt);
	SetLastError(0xdeadbeef);
	ok(!CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && GetLastError() == NTE_BAD_KEY, "%08lx\n",
	   GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(base, 0);
	CryptReleaseContext(aes, 0);
}

static void test_old_hashes(void)
{
	static const struct { ALG_ID id; const char *digest; } t[] = {
		{ CALG_MD2, "da853b0d3f88d99b30283a69e6ded6bb" },   /* RFC 1319, "abc" */
		{ CALG_MD4, "a448017aaf21d8525fc10ae87aa6729d" },   /* RFC 1320, "abc" */
	};
	HCRYPTPROV prov = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	BYTE want[16], got[36];
	HCRYPTHASH h;
	DWORD len;
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		ok(CryptCreateHash(prov, t[i].id, 0, 0, &h), "%08lx\n", GetLastError());
		ok(CryptHashData(h, (const BYTE *)"abc", 3, 0), "%08lx\n", GetLastError());
		len = sizeof(got);
		hex(t[i].digest, want);
		ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == 16 && !memcmp(got, want, 16),
		   "digest %x\n", t[i].id);
		CryptDestroyHash(h);
	}
	/* SSL3 SHAMD5 takes its value only through HP_HASHVAL */
	ok(CryptCreateHash(prov, CALG_SSL3_SHAMD5, 0, 0, &h), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptHashData(h, (const BYTE *)"abc", 3, 0) && GetLastError() == NTE_BAD_ALGID, "%08lx\n",
	   GetLastError());
	memset(got, 0x5a, sizeof(got));
	ok(CryptSetHashParam(h, HP_HASHVAL, got, 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	memset(got, 0, sizeof(got));
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == 36 && got[35] == 0x5a, "len %lu\n", len);
	CryptDestroyHash(h);
	CryptReleaseContext(prov, 0);
}

/* MD2 of the bytes 0..1999, the base of the Windows results below */
static HCRYPTHASH md2_base(HCRYPTPROV prov)
{
	BYTE data[2000];
	HCRYPTHASH h = 0;
	int i;

	for (i = 0; i < 2000; i++)
		data[i] = (BYTE)i;
	ok(CryptCreateHash(prov, CALG_MD2, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, data, sizeof(data), 0), "%08lx\n", GetLastError());
	return h;
}

static void test_derived_ciphers(void)
{
	static const struct { ALG_ID alg; DWORD mode; const char *ct; } t[] = {
		{ CALG_DES, CRYPT_MODE_ECB, "58864246654b9262cf0f6537437a82b9" },
		{ CALG_3DES_112, 0, "8e0c3ca305885f7a32a1065264d2441c" },
		{ CALG_3DES, 0, "7bbadda239d37bb3c751814153e8cfeb" },
	};
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE buf[16], want[16];
	HCRYPTHASH h;
	HCRYPTKEY key;
	DWORD len, i, j;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		h = md2_base(prov);
		ok(CryptDeriveKey(prov, t[i].alg, h, CRYPT_EXPORTABLE, &key), "derive %x: %08lx\n", t[i].alg,
		   GetLastError());
		if (t[i].mode)
			ok(CryptSetKeyParam(key, KP_MODE, (BYTE *)&t[i].mode, 0), "%08lx\n", GetLastError());
		for (j = 0; j < 16; j++)
			buf[j] = (BYTE)j;
		len = 13;
		hex(t[i].ct, want);
		ok(CryptEncrypt(key, 0, TRUE, 0, buf, &len, 16) && len == 16 && !memcmp(buf, want, 16),
		   "encrypt %x\n", t[i].alg);
		ok(CryptDecrypt(key, 0, TRUE, 0, buf, &len) && len == 13, "decrypt %x\n", t[i].alg);
		for (j = 0; j < 13; j++)
			ok(buf[j] == j, "byte %lu\n", j);
		CryptDestroyKey(key);
		CryptDestroyHash(h);
	}
	/* not a cipher */
	h = md2_base(prov);
	SetLastError(0xdeadbeef);
	ok(!CryptDeriveKey(prov, CALG_MD5, h, 0, &key) && GetLastError() == NTE_BAD_ALGID, "%08lx\n",
	   GetLastError());
	CryptDestroyHash(h);
	CryptReleaseContext(prov, 0);
}

static void test_mac_and_hmac(void)
{
	HMAC_INFO info = { CALG_MD5, NULL, 0, NULL, 0 };
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE data[256], got[16], want[16];
	HCRYPTHASH h, mac;
	HCRYPTKEY key, rc4;
	DWORD len, i;

	for (i = 0; i < sizeof(data); i++)
		data[i] = (BYTE)i;
	/* CBC-MAC with a 40-bit RC2 key */
	h = md2_base(prov);
	ok(CryptDeriveKey(prov, CALG_RC2, h, 40 << 16, &key), "%08lx\n", GetLastError());
	CryptDestroyHash(h);
	ok(CryptCreateHash(prov, CALG_MAC, key, 0, &mac), "%08lx\n", GetLastError());
	ok(CryptHashData(mac, data, sizeof(data), 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	hex("b7a246e91131e0ad", want);
	ok(CryptGetHashParam(mac, HP_HASHVAL, got, &len, 0) && len == 8 && !memcmp(got, want, 8), "MAC\n");
	CryptDestroyHash(mac);
	CryptDestroyKey(key);

	/* HMAC-MD5 with a 56-bit RC2 key */
	h = md2_base(prov);
	ok(CryptDeriveKey(prov, CALG_RC2, h, 56 << 16, &key), "%08lx\n", GetLastError());
	CryptDestroyHash(h);
	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &mac), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(mac, HP_HMAC_INFO, (BYTE *)&info, 0), "%08lx\n", GetLastError());
	ok(CryptHashData(mac, data, sizeof(data), 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	hex("1a7d49c59b2d0b9ccf106bb67d0f1332", want);
	ok(CryptGetHashParam(mac, HP_HASHVAL, got, &len, 0) && len == 16 && !memcmp(got, want, 16), "HMAC\n");
	CryptDestroyHash(mac);
	CryptDestroyKey(key);

	/* keyed hashes need a fitting key */
	SetLastError(0xdeadbeef);
	ok(!CryptCreateHash(prov, CALG_HMAC, 0, 0, &mac) && GetLastError() == NTE_BAD_KEY, "%08lx\n",
	   GetLastError());
	ok(CryptGenKey(prov, CALG_RC4, 0, &rc4), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptCreateHash(prov, CALG_MAC, rc4, 0, &mac) && GetLastError() == NTE_BAD_KEY, "%08lx\n",
	   GetLastError());
	CryptDestroyKey(rc4);
	CryptReleaseContext(prov, 0);
}

static void test_plaintext_blobs(void)
{
	static const char msg[] = "Test Using Larger Than Block-Size Key - Hash Key First";
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HMAC_INFO info = { CALG_SHA1, NULL, 0, NULL, 0 };
	struct { BLOBHEADER h; DWORD len; BYTE key[80]; } blob, out;
	BYTE want[20], got[20];
	HCRYPTKEY key, plain;
	HCRYPTHASH h;
	DWORD len;

	/* a generated key travels only when exportable */
	ok(CryptGenKey(prov, CALG_3DES, 0, &key), "%08lx\n", GetLastError());
	len = sizeof(out);
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&out, &len) &&
	   GetLastError() == NTE_BAD_KEY_STATE, "%08lx\n", GetLastError());
	CryptDestroyKey(key);
	ok(CryptGenKey(prov, CALG_3DES, CRYPT_EXPORTABLE, &key), "%08lx\n", GetLastError());
	len = 0;
	ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, NULL, &len) && len == 12 + 24, "len %lu\n", len);
	len = 12;
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&out, &len) && GetLastError() == ERROR_MORE_DATA &&
	   len == 36, "%08lx %lu\n", GetLastError(), len);
	ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&out, &len), "%08lx\n", GetLastError());
	ok(out.h.bType == PLAINTEXTKEYBLOB && out.h.bVersion == CUR_BLOB_VERSION && out.h.aiKeyAlg == CALG_3DES &&
	   out.len == 24, "header\n");
	/* import it back: both keys encrypt alike */
	ok(CryptImportKey(prov, (BYTE *)&out, len, 0, 0, &plain), "%08lx\n", GetLastError());
	{
		BYTE a[16] = "sixteen bytes!!", b[16] = "sixteen bytes!!";
		DWORD la = 15, lb = 15;

		ok(CryptEncrypt(key, 0, TRUE, 0, a, &la, 16) && CryptEncrypt(plain, 0, TRUE, 0, b, &lb, 16) &&
		   !memcmp(a, b, 16), "imported key differs\n");
	}
	CryptDestroyKey(plain);
	CryptDestroyKey(key);

	/* a BLOB of the wrong version */
	out.h.bVersion = 1;
	SetLastError(0xdeadbeef);
	ok(!CryptImportKey(prov, (BYTE *)&out, len, 0, 0, &plain) && GetLastError() == NTE_BAD_DATA, "%08lx\n",
	   GetLastError());

	/* RFC 2202 case 6: an 80-byte HMAC key */
	blob.h.bType = PLAINTEXTKEYBLOB;
	blob.h.bVersion = CUR_BLOB_VERSION;
	blob.h.reserved = 0;
	blob.h.aiKeyAlg = CALG_RC2;
	blob.len = 80;
	memset(blob.key, 0xaa, 80);
	ok(CryptImportKey(prov, (BYTE *)&blob, sizeof(blob), 0, CRYPT_IPSEC_HMAC_KEY, &key), "%08lx\n",
	   GetLastError());
	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &h), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0), "%08lx\n", GetLastError());
	ok(CryptHashData(h, (const BYTE *)msg, sizeof(msg) - 1, 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	hex("aa4ae5e15272d00e95705637ce8a3b55ed402112", want);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == 20 && !memcmp(got, want, 20), "HMAC\n");
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

static void test_rc2_effective_length(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	DWORD bits = 56;
	HCRYPTKEY key;

	ok(CryptGenKey(enh, CALG_RC2, 0, &key), "%08lx\n", GetLastError());
	ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == 128, "default effective length\n");
	ok(CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, (BYTE *)&bits, 0), "%08lx\n", GetLastError());
	ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == 56, "effective length\n");
	CryptDestroyKey(key);
	/* the Base provider keeps its 40 bits and says so */
	ok(CryptGenKey(base, CALG_RC2, 0, &key), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, (BYTE *)&bits, 0) && GetLastError() == NTE_BAD_DATA,
	   "%08lx\n", GetLastError());
	ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == 40, "base effective length\n");
	CryptDestroyKey(key);
	CryptReleaseContext(base, 0);
	CryptReleaseContext(enh, 0);
}

START_TEST(rsaenh_symmetric)
{
	test_key_lengths();
	test_salt();
	test_old_hashes();
	test_derived_ciphers();
	test_mac_and_hmac();
	test_plaintext_blobs();
	test_rc2_effective_length();
}
