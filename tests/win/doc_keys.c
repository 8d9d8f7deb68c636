/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * doc_keys.c - the documented behaviour of the key functions (CryptGenKey,
 * CryptDeriveKey, CryptDuplicateKey, CryptExportKey, CryptImportKey,
 * CryptGetKeyParam, CryptSetKeyParam) and of the key BLOB layouts that
 * neither Wine's suites nor our other tests/win programs already show.
 * tests/win/documented/keys.md maps every documented item to its check.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "win_test.h"

static DWORD key_dword(HCRYPTKEY key, DWORD param)
{
	DWORD v = 0xdeadbeef, len = sizeof(v);

	ok(CryptGetKeyParam(key, param, (BYTE *)&v, &len, 0) && len == 4, "param %lu: %08lx\n", param,
	   GetLastError());
	return v;
}

static DWORD export(HCRYPTKEY key, HCRYPTKEY exp, DWORD type, DWORD flags, BYTE *buf, DWORD size)
{
	DWORD len = size;

	if (!CryptExportKey(key, exp, type, flags, buf, &len)) {
		ok(0, "export type %lu flags %lx: %08lx\n", type, flags, GetLastError());
		return 0;
	}
	return len;
}

/* Encrypting one block with two keys gives the same bytes. */
static BOOL same_cipher(HCRYPTKEY a, HCRYPTKEY b)
{
	BYTE x[32] = "the same sixteen", y[32] = "the same sixteen";
	DWORD lx = 16, ly = 16;

	return CryptEncrypt(a, 0, TRUE, 0, x, &lx, sizeof(x)) && CryptEncrypt(b, 0, TRUE, 0, y, &ly, sizeof(y)) &&
	       lx == ly && !memcmp(x, y, lx);
}

static HCRYPTHASH hash_of(HCRYPTPROV prov, ALG_ID alg, const char *text)
{
	HCRYPTHASH h = 0;

	ok(CryptCreateHash(prov, alg, 0, 0, &h), "hash: %08lx\n", GetLastError());
	ok(CryptHashData(h, (const BYTE *)text, strlen(text), 0), "hash data: %08lx\n", GetLastError());
	return h;
}

/* CryptGenKey: key pairs, their ALG_IDs and lengths (upper 16 bits of dwFlags). */
static void test_gen_key_pairs(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV strong = verify_context(MS_STRONG_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV dss = verify_context(MS_DEF_DSS_PROV_A, PROV_DSS);
	HCRYPTPROV dh = verify_context(MS_DEF_DSS_DH_PROV_A, PROV_DSS_DH);
	HCRYPTKEY key;

	/* Base: 512-bit default; the pair's block length is its modulus */
	ok(CryptGenKey(base, AT_KEYEXCHANGE, 0, &key), "gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_ALGID) == CALG_RSA_KEYX, "AT_KEYEXCHANGE algid\n");
	ok(key_dword(key, KP_KEYLEN) == 512, "base default length\n");
	ok(key_dword(key, KP_BLOCKLEN) == 512, "base pair block length\n");
	CryptDestroyKey(key);
	ok(CryptGenKey(base, AT_SIGNATURE, 384 << 16, &key), "384 bits: %08lx\n", GetLastError());
	ok(key_dword(key, KP_ALGID) == CALG_RSA_SIGN, "AT_SIGNATURE algid\n");
	ok(key_dword(key, KP_KEYLEN) == 384, "384-bit length\n");
	CryptDestroyKey(key);
	ok(CryptGenKey(base, AT_SIGNATURE, RSA1024BIT_KEY, &key), "RSA1024BIT_KEY: %08lx\n", GetLastError());
	ok(key_dword(key, KP_KEYLEN) == 1024, "RSA1024BIT_KEY length\n");
	CryptDestroyKey(key);
	/* below the minimum */
	ok(!CryptGenKey(base, AT_SIGNATURE, 256 << 16, &key), "256-bit pair made\n");
	/* Strong: 1024-bit default */
	ok(CryptGenKey(strong, AT_KEYEXCHANGE, 0, &key), "gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_KEYLEN) == 1024, "strong default length\n");
	CryptDestroyKey(key);

	/* DSS signature pairs: 1024-bit default, CALG_DSS_SIGN */
	ok(CryptGenKey(dss, AT_SIGNATURE, 0, &key), "dss gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_ALGID) == CALG_DSS_SIGN, "DSS algid\n");
	ok(key_dword(key, KP_KEYLEN) == 1024, "DSS default length\n");
	CryptDestroyKey(key);
	/* base DSS/DH exchange pairs: 512-bit default */
	ok(CryptGenKey(dh, AT_KEYEXCHANGE, 0, &key), "dh gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_ALGID) == CALG_DH_SF, "DH algid %08lx\n", key_dword(key, KP_ALGID));
	ok(key_dword(key, KP_KEYLEN) == 512, "DH default length\n");
	CryptDestroyKey(key);
	CryptReleaseContext(base, 0);
	CryptReleaseContext(strong, 0);
	CryptReleaseContext(dss, 0);
	CryptReleaseContext(dh, 0);
}

/* CryptGenKey: the lower flags and a new block cipher key's state. */
static void test_gen_key_flags(void)
{
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE iv[16], zero[16] = { 0 }, blob[64];
	DWORD len;
	HCRYPTKEY key;

	/* a verify context is silent: no strong protection */
	SetLastError(0xdeadbeef);
	expect_error(CryptGenKey(enh, AT_SIGNATURE, CRYPT_FORCE_KEY_PROTECTION_HIGH | (512 << 16), &key),
		     NTE_SILENT_CONTEXT);

	/* block cipher keys start in CBC mode with a zero IV */
	ok(CryptGenKey(enh, CALG_RC2, 0, &key), "gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_MODE) == CRYPT_MODE_CBC, "default mode\n");
	len = sizeof(iv);
	memset(iv, 0xcc, sizeof(iv));
	ok(CryptGetKeyParam(key, KP_IV, iv, &len, 0) && len == 8 && !memcmp(iv, zero, 8), "default IV\n");
	ok(key_dword(key, KP_MODE_BITS) == 8, "default feedback bits\n");
	ok(key_dword(key, KP_PADDING) == PKCS5_PADDING, "default padding\n");
	/* not exportable, and its permissions say so */
	ok(!(key_dword(key, KP_PERMISSIONS) & CRYPT_EXPORT), "CRYPT_EXPORT without CRYPT_EXPORTABLE\n");
	len = sizeof(blob);
	SetLastError(0xdeadbeef);
	expect_error(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, blob, &len), NTE_BAD_KEY_STATE);
	CryptDestroyKey(key);
	ok(CryptGenKey(enh, CALG_RC2, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	ok(key_dword(key, KP_PERMISSIONS) & CRYPT_EXPORT, "no CRYPT_EXPORT with CRYPT_EXPORTABLE\n");
	CryptDestroyKey(key);
	CryptReleaseContext(enh, 0);
}

/* CryptDeriveKey: determinism, lengths, flags, and the hash it finishes. */
static void test_derive_key(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY a, b;
	HCRYPTHASH h, h2;
	BYTE blob[64], iv[8], zero[8] = { 0 };
	DWORD len;

	/* the same base data gives the same key */
	h = hash_of(enh, CALG_SHA1, "password");
	h2 = hash_of(enh, CALG_SHA1, "password");
	ok(CryptDeriveKey(enh, CALG_3DES, h, 0, &a) && CryptDeriveKey(enh, CALG_3DES, h2, 0, &b), "derive: %08lx\n",
	   GetLastError());
	ok(same_cipher(a, b), "two derivations differ\n");
	/* CBC, zero IV */
	ok(key_dword(a, KP_MODE) == CRYPT_MODE_CBC, "derived mode\n");
	len = sizeof(iv);
	ok(CryptGetKeyParam(a, KP_IV, iv, &len, 0) && len == 8 && !memcmp(iv, zero, 8), "derived IV\n");
	/* no CRYPT_EXPORTABLE: no export */
	len = sizeof(blob);
	SetLastError(0xdeadbeef);
	expect_error(CryptExportKey(a, 0, PLAINTEXTKEYBLOB, 0, blob, &len), NTE_BAD_KEY_STATE);
	CryptDestroyKey(a);
	CryptDestroyKey(b);
	/* the hash is finished */
	SetLastError(0xdeadbeef);
	expect_error(CryptHashData(h, (const BYTE *)"x", 1, 0), NTE_BAD_HASH_STATE);
	CryptDestroyHash(h);
	CryptDestroyHash(h2);

	/* exportable when asked */
	h = hash_of(enh, CALG_SHA1, "password");
	ok(CryptDeriveKey(enh, CALG_RC4, h, CRYPT_EXPORTABLE, &a), "derive: %08lx\n", GetLastError());
	ok(key_dword(a, KP_KEYLEN) == 128, "enhanced RC4 default length\n");
	len = sizeof(blob);
	ok(CryptExportKey(a, 0, PLAINTEXTKEYBLOB, 0, blob, &len) && len == 12 + 16, "export: %08lx\n",
	   GetLastError());
	CryptDestroyKey(a);
	CryptDestroyHash(h);
	/* no key pairs from base data */
	h = hash_of(enh, CALG_SHA1, "password");
	ok(!CryptDeriveKey(enh, AT_KEYEXCHANGE, h, 0, &a), "derived AT_KEYEXCHANGE\n");
	ok(!CryptDeriveKey(enh, CALG_RSA_SIGN, h, 0, &a), "derived CALG_RSA_SIGN\n");
	CryptDestroyHash(h);

	/* Base: RC4 40 bits by default, 56 at most */
	h = hash_of(base, CALG_MD5, "password");
	ok(CryptDeriveKey(base, CALG_RC4, h, 0, &a), "derive: %08lx\n", GetLastError());
	ok(key_dword(a, KP_KEYLEN) == 40, "base RC4 default length\n");
	CryptDestroyKey(a);
	CryptDestroyHash(h);
	/* CRYPT_NO_SALT: a 40-bit key without salt */
	h = hash_of(base, CALG_MD5, "password");
	ok(CryptDeriveKey(base, CALG_RC4, h, CRYPT_NO_SALT, &a), "derive: %08lx\n", GetLastError());
	len = sizeof(blob);
	ok(CryptGetKeyParam(a, KP_SALT, blob, &len, 0) && len == 0, "CRYPT_NO_SALT salt of %lu bytes\n", len);
	CryptDestroyKey(a);
	CryptDestroyHash(h);
	h = hash_of(base, CALG_MD5, "password");
	ok(CryptDeriveKey(base, CALG_RC4, h, 56 << 16, &a), "derive 56: %08lx\n", GetLastError());
	ok(key_dword(a, KP_KEYLEN) == 56, "base RC4 56 bits\n");
	CryptDestroyKey(a);
	CryptDestroyHash(h);
	h = hash_of(base, CALG_MD5, "password");
	ok(!CryptDeriveKey(base, CALG_RC4, h, 64 << 16, &a), "base derived a 64-bit RC4 key\n");
	CryptDestroyHash(h);
	CryptReleaseContext(base, 0);
	CryptReleaseContext(enh, 0);
}

/* CryptDuplicateKey: an exact, independent copy. */
static void test_duplicate_key(void)
{
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE iv1[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, iv2[8] = { 8, 7, 6, 5, 4, 3, 2, 1 }, got[8];
	HCRYPTKEY key, dup, ref;
	DWORD len;

	ok(CryptGenKey(enh, CALG_3DES, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	ok(CryptSetKeyParam(key, KP_IV, iv1, 0), "IV: %08lx\n", GetLastError());
	ok(CryptDuplicateKey(key, NULL, 0, &dup), "duplicate: %08lx\n", GetLastError());
	ok(CryptDuplicateKey(key, NULL, 0, &ref), "duplicate: %08lx\n", GetLastError());
	/* the state came along, and is the copy's own */
	ok(CryptSetKeyParam(key, KP_IV, iv2, 0), "IV: %08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetKeyParam(dup, KP_IV, got, &len, 0) && !memcmp(got, iv1, 8), "duplicate's IV\n");
	/* destroying the original leaves the copy working */
	CryptDestroyKey(key);
	ok(same_cipher(dup, ref), "duplicate lost its key\n");
	/* dwFlags is reserved */
	ok(!CryptDuplicateKey(dup, NULL, 1, &key), "duplicated with dwFlags 1\n");
	CryptDestroyKey(dup);
	CryptDestroyKey(ref);
	CryptReleaseContext(enh, 0);
}

/* RSA BLOBs: BLOBHEADER, RSAPUBKEY, sizes; SIMPLEBLOB layout and CRYPT_OAEP. */
static void test_rsa_blobs(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE pub[256], priv[512], blob[256];
	BLOBHEADER *h = (BLOBHEADER *)pub;
	RSAPUBKEY *rsa = (RSAPUBKEY *)(pub + sizeof(BLOBHEADER));
	HCRYPTKEY pair, sig, rc4, back;
	DWORD len;

	ok(CryptGenKey(base, AT_KEYEXCHANGE, (512 << 16) | CRYPT_EXPORTABLE, &pair), "gen: %08lx\n", GetLastError());
	len = export(pair, 0, PUBLICKEYBLOB, 0, pub, sizeof(pub));
	ok(len == 20 + 64, "PUBLICKEYBLOB of %lu bytes\n", len);
	ok(h->bType == PUBLICKEYBLOB && h->bVersion == CUR_BLOB_VERSION && !h->reserved &&
	   h->aiKeyAlg == CALG_RSA_KEYX, "header %u %u %u %08x\n", h->bType, h->bVersion, h->reserved, h->aiKeyAlg);
	ok(rsa->magic == 0x31415352 && rsa->bitlen == 512 && rsa->pubexp == 65537, "RSAPUBKEY %08lx %lu %lu\n",
	   rsa->magic, rsa->bitlen, rsa->pubexp);
	len = export(pair, 0, PRIVATEKEYBLOB, 0, priv, sizeof(priv));
	ok(len == 20 + 9 * 512 / 16, "PRIVATEKEYBLOB of %lu bytes\n", len);
	ok(((BLOBHEADER *)priv)->bType == PRIVATEKEYBLOB && ((RSAPUBKEY *)(priv + 8))->magic == 0x32415352,
	   "private header or magic\n");
	ok(CryptGenKey(base, AT_SIGNATURE, 512 << 16, &sig), "gen: %08lx\n", GetLastError());
	export(sig, 0, PUBLICKEYBLOB, 0, pub, sizeof(pub));
	ok(h->aiKeyAlg == CALG_RSA_SIGN, "signature BLOB algid %08x\n", h->aiKeyAlg);
	CryptDestroyKey(sig);

	/* a session key has no PUBLICKEYBLOB */
	ok(CryptGenKey(base, CALG_RC4, CRYPT_EXPORTABLE, &rc4), "gen: %08lx\n", GetLastError());
	len = sizeof(blob);
	ok(!CryptExportKey(rc4, 0, PUBLICKEYBLOB, 0, blob, &len), "RC4 exported as PUBLICKEYBLOB\n");
	/* SIMPLEBLOB: header, the exchange key's ALG_ID, the key under it */
	len = export(rc4, pair, SIMPLEBLOB, 0, blob, sizeof(blob));
	ok(len == 8 + 4 + 64, "SIMPLEBLOB of %lu bytes\n", len);
	ok(((BLOBHEADER *)blob)->bType == SIMPLEBLOB && ((BLOBHEADER *)blob)->aiKeyAlg == CALG_RC4 &&
	   *(ALG_ID *)(blob + 8) == CALG_RSA_KEYX, "SIMPLEBLOB header\n");
	/* CRYPT_OAEP both ways */
	CryptDestroyKey(rc4);
	CryptDestroyKey(pair);
	ok(CryptGenKey(enh, AT_KEYEXCHANGE, (1024 << 16), &pair), "gen: %08lx\n", GetLastError());
	ok(CryptGenKey(enh, CALG_3DES, CRYPT_EXPORTABLE, &rc4), "gen: %08lx\n", GetLastError());
	len = export(rc4, pair, SIMPLEBLOB, CRYPT_OAEP, blob, sizeof(blob));
	ok(CryptImportKey(enh, blob, len, pair, CRYPT_OAEP, &back), "OAEP SIMPLEBLOB import: %08lx\n",
	   GetLastError());
	ok(same_cipher(rc4, back), "OAEP SIMPLEBLOB key differs\n");
	CryptDestroyKey(back);
	CryptDestroyKey(rc4);
	CryptDestroyKey(pair);
	CryptReleaseContext(base, 0);
	CryptReleaseContext(enh, 0);
}

/* PRIVATEKEYBLOB under a session key; CryptImportKey's CRYPT_EXPORTABLE. */
static void test_private_blobs(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV other = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	BYTE plain[512], wrapped[512], pub1[256], pub2[256], sk[64];
	HCRYPTKEY pair, des, des2, back;
	DWORD n, w, skl;

	ok(CryptGenKey(prov, AT_KEYEXCHANGE, (512 << 16) | CRYPT_EXPORTABLE, &pair), "gen: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, CALG_3DES, CRYPT_EXPORTABLE, &des), "gen: %08lx\n", GetLastError());
	n = export(pair, 0, PRIVATEKEYBLOB, 0, plain, sizeof(plain));
	w = export(pair, des, PRIVATEKEYBLOB, 0, wrapped, sizeof(wrapped));
	/* the header stays readable, the rest is encrypted */
	ok(w >= n && !memcmp(plain, wrapped, 8), "encrypted BLOB header\n");
	ok(memcmp(plain + 8, wrapped + 8, n - 8), "PRIVATEKEYBLOB not encrypted\n");
	/* the other side imports it with the same session key */
	skl = export(des, 0, PLAINTEXTKEYBLOB, 0, sk, sizeof(sk));
	ok(CryptImportKey(other, sk, skl, 0, 0, &des2), "session key: %08lx\n", GetLastError());
	ok(CryptImportKey(other, wrapped, w, des2, 0, &back), "encrypted PRIVATEKEYBLOB: %08lx\n", GetLastError());
	ok(export(back, 0, PUBLICKEYBLOB, 0, pub2, sizeof(pub2)) == export(pair, 0, PUBLICKEYBLOB, 0, pub1, sizeof(pub1)) &&
	   !memcmp(pub1, pub2, 20 + 64), "imported pair differs\n");
	/* imported without CRYPT_EXPORTABLE: the private half stays */
	n = sizeof(wrapped);
	SetLastError(0xdeadbeef);
	expect_error(CryptExportKey(back, 0, PRIVATEKEYBLOB, 0, wrapped, &n), NTE_BAD_KEY_STATE);
	CryptDestroyKey(back);
	ok(CryptImportKey(other, plain, export(pair, 0, PRIVATEKEYBLOB, 0, plain, sizeof(plain)), 0,
			  CRYPT_EXPORTABLE, &back), "import: %08lx\n", GetLastError());
	n = sizeof(wrapped);
	ok(CryptExportKey(back, 0, PRIVATEKEYBLOB, 0, wrapped, &n), "re-export: %08lx\n", GetLastError());
	CryptDestroyKey(back);
	CryptDestroyKey(des2);
	CryptDestroyKey(des);
	CryptDestroyKey(pair);
	SecureZeroMemory(plain, sizeof(plain));
	CryptReleaseContext(prov, 0);
	CryptReleaseContext(other, 0);
}

/* PLAINTEXTKEYBLOB: DES sizes with parity, RC2 over 16 bytes, 3DES on Base. */
static void test_plaintext_rules(void)
{
	HCRYPTPROV base = verify_context(MS_DEF_PROV_A, PROV_RSA_FULL);
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	struct { BLOBHEADER h; DWORD len; BYTE key[32]; } b;
	HCRYPTKEY key;
	DWORD len;

	b.h.bType = PLAINTEXTKEYBLOB;
	b.h.bVersion = CUR_BLOB_VERSION;
	b.h.reserved = 0;
	memset(b.key, 0x5b, sizeof(b.key));
	/* full sizes, parity included, both ways */
	ok(CryptGenKey(enh, CALG_DES, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	len = export(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&b, sizeof(b));
	ok(len == 12 + 8 && b.len == 8, "DES BLOB %lu/%lu\n", len, b.len);
	CryptDestroyKey(key);
	ok(CryptGenKey(enh, CALG_3DES_112, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	len = export(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&b, sizeof(b));
	ok(len == 12 + 16 && b.len == 16, "3DES-112 BLOB %lu/%lu\n", len, b.len);
	CryptDestroyKey(key);
	b.h.aiKeyAlg = CALG_DES;
	b.len = 7;
	ok(!CryptImportKey(enh, (BYTE *)&b, 12 + 7, 0, 0, &key), "imported a 56-bit DES key\n");
	/* RC2 keys over 16 bytes want CRYPT_IPSEC_HMAC_KEY */
	b.h.aiKeyAlg = CALG_RC2;
	b.len = 17;
	SetLastError(0xdeadbeef);
	expect_error(CryptImportKey(enh, (BYTE *)&b, 12 + 17, 0, 0, &key), NTE_BAD_DATA);
	/* no 3DES in the Base provider */
	b.h.aiKeyAlg = CALG_3DES;
	b.len = 24;
	ok(!CryptImportKey(base, (BYTE *)&b, 12 + 24, 0, 0, &key), "Base imported 3DES\n");
	CryptReleaseContext(base, 0);
	CryptReleaseContext(enh, 0);
}

#define MAGIC(a, b, c, d) ((DWORD)(a) | ((DWORD)(b) << 8) | ((DWORD)(c) << 16) | ((DWORD)(d) << 24))

/* DSS and DH BLOBs: DSSPUBKEY/DHPUBKEY magic and bitlen, sizes, KP_P/Q/G. */
static void test_dss_dh_blobs(void)
{
	HCRYPTPROV dss = verify_context(MS_DEF_DSS_PROV_A, PROV_DSS);
	HCRYPTPROV dh = verify_context(MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH);
	BYTE blob[1024], p[256];
	DWORD *v = (DWORD *)(blob + 8), len;
	HCRYPTKEY key, back;

	ok(CryptGenKey(dss, AT_SIGNATURE, (512 << 16) | CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	len = export(key, 0, PUBLICKEYBLOB, 0, blob, sizeof(blob));
	/* p, q (20), g, y, DSSSEED */
	ok(len == 16 + 64 + 20 + 64 + 64 + 24, "DSS PUBLICKEYBLOB of %lu bytes\n", len);
	ok(((BLOBHEADER *)blob)->aiKeyAlg == CALG_DSS_SIGN && ((BLOBHEADER *)blob)->bVersion == 2, "DSS header\n");
	ok(v[0] == MAGIC('D', 'S', 'S', '1') && v[1] == 512, "DSSPUBKEY %08lx %lu\n", v[0], v[1]);
	len = export(key, 0, PRIVATEKEYBLOB, 0, blob, sizeof(blob));
	ok(len == 16 + 64 + 20 + 64 + 20 + 24, "DSS PRIVATEKEYBLOB of %lu bytes\n", len);
	ok(v[0] == MAGIC('D', 'S', 'S', '2') && v[1] == 512, "DSS private magic %08lx %lu\n", v[0], v[1]);
	len = sizeof(p);
	ok(CryptGetKeyParam(key, KP_P, p, &len, 0) && len == 64, "KP_P %lu\n", len);
	len = sizeof(p);
	ok(CryptGetKeyParam(key, KP_Q, p, &len, 0) && len == 20, "KP_Q %lu\n", len);
	len = sizeof(p);
	ok(CryptGetKeyParam(key, KP_G, p, &len, 0) && len == 64, "KP_G %lu\n", len);
	/* version 3 on request; the importer reads the version from the BLOB */
	len = sizeof(blob);
	if (CryptExportKey(key, 0, PUBLICKEYBLOB, CRYPT_BLOB_VER3, blob, &len)) {
		ok(((BLOBHEADER *)blob)->bVersion == 3 && v[0] == MAGIC('D', 'S', 'S', '3') && v[1] == 512 &&
		   v[2] == 160, "DSSPUBKEY_VER3 %u %08lx %lu %lu\n", ((BLOBHEADER *)blob)->bVersion, v[0], v[1], v[2]);
		ok(CryptImportKey(dss, blob, len, 0, 0, &back), "import version 3: %08lx\n", GetLastError());
		CryptDestroyKey(back);
	} else
		ok(0, "CRYPT_BLOB_VER3 DSS export: %08lx\n", GetLastError());
	len = sizeof(blob);
	memset(blob, 0, sizeof(blob));
	ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, CRYPT_BLOB_VER3, blob, &len), "DSS private version 3: %08lx\n",
	   GetLastError());
	ok(v[0] == MAGIC('D', 'S', 'S', '4'), "DSSPRIVKEY_VER3 magic %08lx\n", v[0]);
	CryptDestroyKey(key);

	ok(CryptGenKey(dh, CALG_DH_EPHEM, (512 << 16) | CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	len = export(key, 0, PUBLICKEYBLOB, 0, blob, sizeof(blob));
	ok(len == 16 + 64, "DH PUBLICKEYBLOB of %lu bytes\n", len);
	ok(((BLOBHEADER *)blob)->aiKeyAlg == CALG_DH_EPHEM, "DH algid %08x\n", ((BLOBHEADER *)blob)->aiKeyAlg);
	ok(v[0] == MAGIC(0, 'D', 'H', '1') && v[1] == 512, "DHPUBKEY %08lx %lu\n", v[0], v[1]);
	len = export(key, 0, PRIVATEKEYBLOB, 0, blob, sizeof(blob));
	ok(v[0] == MAGIC(0, 'D', 'H', '2') && v[1] == 512, "DH private magic %08lx\n", v[0]);
	len = sizeof(blob);
	memset(blob, 0, sizeof(blob));
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, CRYPT_BLOB_VER3, blob, &len), "DH public version 3: %08lx\n",
	   GetLastError());
	ok(v[0] == MAGIC(0, 'D', 'H', '3') && v[1] == 512, "DHPUBKEY_VER3 %08lx %lu\n", v[0], v[1]);
	len = sizeof(blob);
	memset(blob, 0, sizeof(blob));
	ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, CRYPT_BLOB_VER3, blob, &len), "DH private version 3: %08lx\n",
	   GetLastError());
	ok(((BLOBHEADER *)blob)->bVersion == 3 && v[0] == MAGIC(0, 'D', 'H', '4') && v[1] == 512,
	   "DHPRIVKEY_VER3 %08lx %lu\n", v[0], v[1]);
	ok(CryptImportKey(dh, blob, len, 0, CRYPT_EXPORTABLE, &back), "import DH version 3: %08lx\n", GetLastError());
	CryptDestroyKey(back);
	CryptDestroyKey(key);
	CryptReleaseContext(dss, 0);
	CryptReleaseContext(dh, 0);
}

/* Diffie-Hellman: a PREGEN key of another length than the group it is given. */
static void test_dh_agreement(void)
{
	HCRYPTPROV dh = verify_context(MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH);
	BYTE p[128], g[128], pa[256], pb[256];
	CRYPT_DATA_BLOB bp = { 0, p }, bg = { 0, g };
	HCRYPTKEY a, b, ka, kb, big;
	DWORD la, lb, len;
	ALG_ID alg = CALG_RC4;

	ok(CryptGenKey(dh, CALG_DH_EPHEM, 512 << 16, &a), "gen: %08lx\n", GetLastError());
	bp.cbData = sizeof(p);
	bg.cbData = sizeof(g);
	ok(CryptGetKeyParam(a, KP_P, p, &bp.cbData, 0) && CryptGetKeyParam(a, KP_G, g, &bg.cbData, 0), "P, G: %08lx\n",
	   GetLastError());
	ok(CryptGenKey(dh, CALG_DH_EPHEM, (512 << 16) | CRYPT_PREGEN, &b), "pregen: %08lx\n", GetLastError());
	ok(CryptSetKeyParam(b, KP_P, (BYTE *)&bp, 0) && CryptSetKeyParam(b, KP_G, (BYTE *)&bg, 0) &&
	   CryptSetKeyParam(b, KP_X, NULL, 0), "P, G, X: %08lx\n", GetLastError());
	la = export(a, 0, PUBLICKEYBLOB, 0, pa, sizeof(pa));
	lb = export(b, 0, PUBLICKEYBLOB, 0, pb, sizeof(pb));
	ok(CryptImportKey(dh, pb, lb, a, 0, &ka) && CryptImportKey(dh, pa, la, b, 0, &kb), "agree: %08lx\n",
	   GetLastError());
	/* the agreed key becomes a session key of the given algorithm and length */
	ok(CryptSetKeyParam(ka, KP_ALGID, (BYTE *)&alg, 0) && CryptSetKeyParam(kb, KP_ALGID, (BYTE *)&alg, 0),
	   "KP_ALGID: %08lx\n", GetLastError());
	ok(key_dword(ka, KP_ALGID) == CALG_RC4, "agreed key's algid\n");
	ok(same_cipher(ka, kb), "the two sides differ\n");
	CryptDestroyKey(ka);
	CryptDestroyKey(kb);
	/* dwFlags of KP_ALGID are CryptGenKey's: the length, the salt flags */
	ok(CryptImportKey(dh, pb, lb, a, 0, &ka) && CryptImportKey(dh, pa, la, b, 0, &kb), "agree: %08lx\n",
	   GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptSetKeyParam(ka, KP_ALGID, (BYTE *)&alg, CRYPT_PREGEN), NTE_BAD_FLAGS);   /* not a session key flag */
	ok(CryptSetKeyParam(ka, KP_ALGID, (BYTE *)&alg, (56 << 16) | CRYPT_NO_SALT) &&
	   CryptSetKeyParam(kb, KP_ALGID, (BYTE *)&alg, (56 << 16) | CRYPT_NO_SALT), "KP_ALGID 56 bits: %08lx\n",
	   GetLastError());
	ok(key_dword(ka, KP_KEYLEN) == 56 && key_dword(kb, KP_KEYLEN) == 56, "agreed key of %lu bits\n",
	   key_dword(ka, KP_KEYLEN));
	ok(same_cipher(ka, kb), "the two sides differ\n");
	SetLastError(0xdeadbeef);
	expect_error(CryptSetKeyParam(ka, KP_MODE, (BYTE *)&alg, 1), NTE_BAD_FLAGS);
	CryptDestroyKey(ka);
	CryptDestroyKey(kb);
	/* a PREGEN key takes only parameters of its own length */
	ok(CryptGenKey(dh, CALG_DH_EPHEM, (1024 << 16) | CRYPT_PREGEN, &big), "pregen 1024: %08lx\n", GetLastError());
	len = CryptSetKeyParam(big, KP_P, (BYTE *)&bp, 0) && CryptSetKeyParam(big, KP_G, (BYTE *)&bg, 0) &&
	      CryptSetKeyParam(big, KP_X, NULL, 0);
	ok(!len, "a 1024-bit PREGEN key took a 512-bit group\n");
	CryptDestroyKey(big);
	CryptDestroyKey(a);
	CryptDestroyKey(b);
	CryptReleaseContext(dh, 0);
}

/* CryptSetKeyParam values the Microsoft providers refuse. */
static void test_refused_params(void)
{
	HCRYPTPROV enh = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY key;
	DWORD v;

	ok(CryptGenKey(enh, CALG_RC2, 0, &key), "gen: %08lx\n", GetLastError());
	v = ZERO_PADDING;
	ok(!CryptSetKeyParam(key, KP_PADDING, (BYTE *)&v, 0), "ZERO_PADDING taken\n");
	v = RANDOM_PADDING;
	ok(!CryptSetKeyParam(key, KP_PADDING, (BYTE *)&v, 0), "RANDOM_PADDING taken\n");
	v = PKCS5_PADDING;
	ok(CryptSetKeyParam(key, KP_PADDING, (BYTE *)&v, 0), "PKCS5_PADDING: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(enh, 0);
}

START_TEST(doc_keys)
{
	test_gen_key_pairs();
	test_gen_key_flags();
	test_derive_key();
	test_duplicate_key();
	test_rsa_blobs();
	test_private_blobs();
	test_plaintext_rules();
	test_dss_dh_blobs();
	test_dh_agreement();
	test_refused_params();
}
