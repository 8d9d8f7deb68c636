/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * doc_hashes.c - the documented behaviour of CryptEncrypt/CryptDecrypt, the
 * hash functions (CryptCreateHash, CryptHashData, CryptHashSessionKey, the
 * HP_* parameters, CryptDuplicateHash, CryptDestroyHash) and
 * CryptSignHash/CryptVerifySignature that no upstream Wine test or other
 * tests/win program already shows.  One check per behaviour; the table in
 * tests/win/documented/hashes.md says where every other one is shown.
 */
#include <windows.h>
#include <wincrypt.h>
#include <string.h>
#include "wine/test.h"
#include "win_test.h"

static const BYTE text[] = "Some plaintext for the documented checks.";

static const BYTE key16[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

/* The digest of data with a plain hash of alg. */
static DWORD digest(HCRYPTPROV prov, ALG_ID alg, const BYTE *data, DWORD n, BYTE *out)
{
	HCRYPTHASH h;
	DWORD len = 64;

	ok(CryptCreateHash(prov, alg, 0, 0, &h), "create: %08lx\n", GetLastError());
	ok(CryptHashData(h, data, n, 0), "hash data: %08lx\n", GetLastError());
	ok(CryptGetHashParam(h, HP_HASHVAL, out, &len, 0), "value: %08lx\n", GetLastError());
	CryptDestroyHash(h);
	return len;
}

/* CryptEncrypt: sizes, padding, Final, stream ciphers. */
static void test_encrypt_sizes(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY rc2 = import_plain_key(prov, CALG_RC2, key16, 16, CRYPT_EXPORTABLE), rc4 = import_plain_key(prov, CALG_RC4, key16, 16, CRYPT_EXPORTABLE);
	BYTE buf[64], first[16], again[16];
	DWORD len, block = 0, n = sizeof(block);

	ok(CryptGetKeyParam(rc2, KP_BLOCKLEN, (BYTE *)&block, &n, 0) && block == 64, "block %lu\n", block);
	/* a final section of exactly one block gets a whole block of padding */
	len = 8;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, NULL, &len, 0) && len == 16, "sizing: %lu\n", len);
	/* too small a buffer: ERROR_MORE_DATA and the size needed */
	len = 8;
	memset(buf, 0, sizeof(buf));
	SetLastError(0xdeadbeef);
	expect_error(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, 8), ERROR_MORE_DATA);
	ok(len == 16, "needed %lu\n", len);
	/* a block cipher takes up to one block more; a partial block pads up */
	len = 13;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, sizeof(buf)) && len == 16, "13 bytes -> %lu\n", len);

	/* Final TRUE resets the feedback register: the same block encrypts the same */
	memset(buf, 0x11, 8);
	len = 8;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());
	memcpy(first, buf, 16);
	memset(buf, 0x11, 8);
	len = 8;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, sizeof(buf)) && !memcmp(buf, first, 16),
	   "Final did not reset the chain\n");
	/* without Final the chain carries on: the same block encrypts differently */
	memset(buf, 0x11, 16);
	len = 8;
	ok(CryptEncrypt(rc2, 0, FALSE, 0, buf, &len, sizeof(buf)) && len == 8, "%08lx\n", GetLastError());
	len = 8;
	ok(CryptEncrypt(rc2, 0, FALSE, 0, buf + 8, &len, sizeof(buf) - 8), "%08lx\n", GetLastError());
	ok(memcmp(buf, buf + 8, 8), "CBC repeated a block\n");
	len = 0;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());

	/* a stream cipher: ciphertext as long as the plaintext, restarted by Final */
	len = 21;
	ok(CryptEncrypt(rc4, 0, TRUE, 0, NULL, &len, 0) && len == 21, "RC4 sizing %lu\n", len);
	memcpy(buf, text, 16);
	len = 16;
	ok(CryptEncrypt(rc4, 0, TRUE, 0, buf, &len, 16) && len == 16, "%08lx\n", GetLastError());
	memcpy(again, buf, 16);
	memcpy(buf, text, 16);
	len = 16;
	ok(CryptEncrypt(rc4, 0, TRUE, 0, buf, &len, 16) && !memcmp(buf, again, 16), "RC4 not restarted\n");
	memcpy(buf, text, 16);
	len = 16;
	ok(CryptEncrypt(rc4, 0, FALSE, 0, buf, &len, 16), "%08lx\n", GetLastError());
	memcpy(buf, text, 16);
	len = 16;
	ok(CryptEncrypt(rc4, 0, FALSE, 0, buf, &len, 16) && memcmp(buf, again, 16), "RC4 restarted without Final\n");
	/* decryption: a final section unpads */
	memcpy(buf, text, 13);
	len = 13;
	ok(CryptEncrypt(rc2, 0, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());
	ok(CryptDecrypt(rc2, 0, TRUE, 0, buf, &len) && len == 13 && !memcmp(buf, text, 13), "round trip %lu\n",
	   len);
	/* a non-final block-cipher section must be whole blocks */
	len = 12;
	SetLastError(0xdeadbeef);
	expect_error(CryptDecrypt(rc2, 0, FALSE, 0, buf, &len), NTE_BAD_DATA);
	CryptDestroyKey(rc2);
	CryptDestroyKey(rc4);
	CryptReleaseContext(prov, 0);
}

/* hHash: the plaintext goes into the hash, on both sides. */
static void test_crypt_with_hash(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY key = import_plain_key(prov, CALG_3DES_112, key16, 16, CRYPT_EXPORTABLE);
	BYTE buf[64], want[20], got[20];
	HCRYPTHASH h;
	DWORD len, n;

	digest(prov, CALG_SHA1, text, sizeof(text), want);
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	memcpy(buf, text, sizeof(text));
	len = sizeof(text);
	ok(CryptEncrypt(key, h, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());
	n = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &n, 0) && !memcmp(got, want, 20), "encrypt hashed other data\n");
	/* the hash is finished now */
	memcpy(buf, text, sizeof(text));
	len = sizeof(text);
	SetLastError(0xdeadbeef);
	expect_error(CryptEncrypt(key, h, TRUE, 0, buf, &len, sizeof(buf)), NTE_BAD_HASH_STATE);
	CryptDestroyHash(h);

	memcpy(buf, text, sizeof(text));
	len = sizeof(text);
	ok(CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptDecrypt(key, h, TRUE, 0, buf, &len) && len == sizeof(text), "%08lx\n", GetLastError());
	n = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &n, 0) && !memcmp(got, want, 20), "decrypt hashed other data\n");
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

/* RSA keys: PKCS #1 limits, the modulus-sized ciphertext. */
static void test_rsa_crypt(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY kx = 0;
	BYTE buf[256];
	DWORD len;

	ok(CryptGenKey(prov, AT_KEYEXCHANGE, (1024 << 16) | CRYPT_EXPORTABLE, &kx), "%08lx\n", GetLastError());
	/* the modulus less eleven bytes fits */
	memset(buf, 0x42, sizeof(buf));
	len = 128 - 11;
	ok(CryptEncrypt(kx, 0, TRUE, 0, buf, &len, sizeof(buf)) && len == 128, "117 bytes: %08lx %lu\n",
	   GetLastError(), len);
	ok(CryptDecrypt(kx, 0, TRUE, 0, buf, &len) && len == 117 && buf[0] == 0x42 && buf[116] == 0x42,
	   "decrypt %lu\n", len);
	/* one more does not */
	memset(buf, 0x42, sizeof(buf));
	len = 128 - 10;
	SetLastError(0xdeadbeef);
	expect_error(CryptEncrypt(kx, 0, TRUE, 0, buf, &len, sizeof(buf)), NTE_BAD_LEN);
	/* broken padding is NTE_BAD_DATA */
	len = 12;
	ok(CryptEncrypt(kx, 0, TRUE, 0, buf, &len, sizeof(buf)), "%08lx\n", GetLastError());
	buf[5] ^= 0x80;
	SetLastError(0xdeadbeef);
	expect_error(CryptDecrypt(kx, 0, TRUE, 0, buf, &len), NTE_BAD_DATA);
	/* the two padding flags do not combine */
	len = 128;
	SetLastError(0xdeadbeef);
	ok(!CryptDecrypt(kx, 0, TRUE, CRYPT_OAEP | CRYPT_DECRYPT_RSA_NO_PADDING_CHECK, buf, &len),
	   "OAEP with NO_PADDING_CHECK succeeded\n");
	CryptDestroyKey(kx);
	CryptReleaseContext(prov, 0);
}

/* CryptCreateHash: keyed hashes want a block cipher key. */
static void test_create_hash(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY rc2 = import_plain_key(prov, CALG_RC2, key16, 16, CRYPT_EXPORTABLE);
	HCRYPTHASH h = 0;
	BYTE mac[8];
	DWORD len = sizeof(mac);

	/* a CBC block cipher key makes a MAC of one block */
	ok(CryptCreateHash(prov, CALG_MAC, rc2, 0, &h), "CBC key: %08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	ok(CryptGetHashParam(h, HP_HASHVAL, mac, &len, 0) && len == 8, "MAC of %lu bytes\n", len);
	CryptDestroyHash(h);
	CryptDestroyKey(rc2);
	CryptReleaseContext(prov, 0);
}

/* Every way a hash is finished stops CryptHashData and CryptHashSessionKey. */
static void test_finished_hash(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY kx = 0, key = import_plain_key(prov, CALG_RC4, key16, 16, CRYPT_EXPORTABLE);
	BYTE sig[128];
	HCRYPTHASH h;
	DWORD len;

	ok(CryptGenKey(prov, AT_SIGNATURE, 1024 << 16, &kx), "%08lx\n", GetLastError());
	/* CryptSignHash */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	len = sizeof(sig);
	ok(CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig, &len), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptHashData(h, text, 1, 0), NTE_BAD_HASH_STATE);
	SetLastError(0xdeadbeef);
	expect_error(CryptHashSessionKey(h, key, 0), NTE_BAD_HASH_STATE);
	CryptDestroyHash(h);
	/* CryptVerifySignature */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	ok(CryptVerifySignatureA(h, sig, len, kx, NULL, 0), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptHashData(h, text, 1, 0), NTE_BAD_HASH_STATE);
	CryptDestroyHash(h);
	/* HP_HASHSIZE does not finish it; HP_HASHVAL does (CryptHashSessionKey too) */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	len = sizeof(sig);
	ok(CryptGetHashParam(h, HP_HASHVAL, sig, &len, 0), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptHashSessionKey(h, key, 0), NTE_BAD_HASH_STATE);
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptDestroyKey(kx);
	CryptReleaseContext(prov, 0);
}

/* CryptHashSessionKey: the key bytes, big-endian unless CRYPT_LITTLE_ENDIAN. */
static void test_hash_session_key(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY key = import_plain_key(prov, CALG_RC4, key16, 16, CRYPT_EXPORTABLE);
	BYTE rev[16], want[20], got[20];
	HCRYPTHASH h;
	DWORD len, i;

	for (i = 0; i < 16; i++)
		rev[i] = key16[15 - i];
	digest(prov, CALG_SHA1, rev, 16, want);
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashSessionKey(h, key, 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && !memcmp(got, want, 20), "default order\n");
	CryptDestroyHash(h);

	digest(prov, CALG_SHA1, key16, 16, want);
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashSessionKey(h, key, CRYPT_LITTLE_ENDIAN), "%08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && !memcmp(got, want, 20), "little-endian order\n");
	CryptDestroyHash(h);

	/* interspersed with CryptHashData, called more than once */
	memcpy(got, text, 4);
	memcpy(got + 4, rev, 16);
	digest(prov, CALG_MD5, got, 20, want);
	ok(CryptCreateHash(prov, CALG_MD5, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, 4, 0) && CryptHashSessionKey(h, key, 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == 16 && !memcmp(got, want, 16), "mixed\n");
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

/* CryptGetHashParam: HP_ALGID, sizes. */
static void test_get_hash_param(void)
{
	HCRYPTPROV prov = verify_context(MS_DEF_DSS_PROV_A, PROV_DSS);
	BYTE val[20];
	ALG_ID alg = 0;
	HCRYPTHASH h;
	DWORD len;

	ok(CryptCreateHash(prov, CALG_MD5, 0, 0, &h), "%08lx\n", GetLastError());
	len = sizeof(alg);
	ok(CryptGetHashParam(h, HP_ALGID, (BYTE *)&alg, &len, 0) && alg == CALG_MD5 && len == 4, "algid %x\n", alg);
	/* too small: ERROR_MORE_DATA and the size */
	len = 4;
	SetLastError(0xdeadbeef);
	expect_error(CryptGetHashParam(h, HP_HASHVAL, val, &len, 0), ERROR_MORE_DATA);
	ok(len == 16, "needed %lu\n", len);
	/* a larger buffer: the actual size comes back */
	len = sizeof(val);
	ok(CryptGetHashParam(h, HP_HASHVAL, val, &len, 0) && len == 16, "got %lu\n", len);
	CryptDestroyHash(h);
	CryptReleaseContext(prov, 0);
}

/* CryptSetHashParam: HP_HASHVAL, HP_HMAC_INFO with explicit strings. */
static void test_set_hash_param(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY key = import_plain_key(prov, CALG_RC2, key16, 16, CRYPT_EXPORTABLE);
	BYTE ipad[64], opad[64], want[20], got[20];
	HMAC_INFO info = { CALG_SHA1, NULL, 0, NULL, 0 };
	HCRYPTHASH h;
	DWORD len;

	memset(want, 0x5a, 16);
	ok(CryptCreateHash(prov, CALG_MD5, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HASHVAL, want, 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && len == 16 && !memcmp(got, want, 16), "value\n");
	CryptDestroyHash(h);

	/* the default strings (cb 0) and the same strings given explicitly agree */
	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &h), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	len = sizeof(want);
	ok(CryptGetHashParam(h, HP_HASHVAL, want, &len, 0) && len == 20, "%08lx\n", GetLastError());
	CryptDestroyHash(h);
	memset(ipad, 0x36, sizeof(ipad));
	memset(opad, 0x5c, sizeof(opad));
	info.pbInnerString = ipad;
	info.cbInnerString = sizeof(ipad);
	info.pbOuterString = opad;
	info.cbOuterString = sizeof(opad);
	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &h), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	len = sizeof(got);
	ok(CryptGetHashParam(h, HP_HASHVAL, got, &len, 0) && !memcmp(got, want, 20), "explicit pads differ\n");
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

/* CryptDuplicateHash: separate states; keyed hashes too. */
static void test_duplicate_hash(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL);
	HCRYPTKEY key = import_plain_key(prov, CALG_RC2, key16, 16, CRYPT_EXPORTABLE);
	HMAC_INFO info = { CALG_MD5, NULL, 0, NULL, 0 };
	BYTE a[16], b[16];
	HCRYPTHASH h, d = 0;
	DWORD len;

	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &h), "%08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, 10, 0), "%08lx\n", GetLastError());
	ok(CryptDuplicateHash(h, NULL, 0, &d), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text + 10, 5, 0) && CryptHashData(d, text + 10, 5, 0), "%08lx\n", GetLastError());
	len = sizeof(a);
	ok(CryptGetHashParam(h, HP_HASHVAL, a, &len, 0), "%08lx\n", GetLastError());
	/* finishing the original leaves the duplicate open */
	ok(CryptHashData(d, text, 0, 0), "duplicate finished with the original: %08lx\n", GetLastError());
	len = sizeof(b);
	ok(CryptGetHashParam(d, HP_HASHVAL, b, &len, 0) && !memcmp(a, b, 16), "HMAC duplicate differs\n");
	CryptDestroyHash(d);
	CryptDestroyHash(h);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

/* CryptSignHash: sizing, NTE_NO_KEY, CRYPT_NOHASHOID, SHA only on DSS. */
static void test_sign_hash(void)
{
	HCRYPTPROV prov = verify_context(MS_ENHANCED_PROV_A, PROV_RSA_FULL), dss;
	BYTE sig[128], sig2[128];
	HCRYPTKEY kx = 0, pair = 0;
	HCRYPTHASH h;
	DWORD len, len2;

	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	/* no pair yet */
	len = sizeof(sig);
	SetLastError(0xdeadbeef);
	expect_error(CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig, &len), NTE_NO_KEY);
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 1024 << 16, &kx), "%08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig, &len), NTE_NO_KEY);
	/* a key exchange pair signs too; too small a buffer gives the size */
	len = 16;
	SetLastError(0xdeadbeef);
	expect_error(CryptSignHashA(h, AT_KEYEXCHANGE, NULL, 0, sig, &len), ERROR_MORE_DATA);
	ok(len == 128, "needed %lu\n", len);
	/* CRYPT_NOHASHOID makes another signature; both verify */
	len = sizeof(sig);
	ok(CryptSignHashA(h, AT_KEYEXCHANGE, NULL, 0, sig, &len) && len == 128, "%08lx\n", GetLastError());
	len2 = sizeof(sig2);
	ok(CryptSignHashW(h, AT_KEYEXCHANGE, NULL, CRYPT_NOHASHOID, sig2, &len2) && len2 == 128, "%08lx\n",
	   GetLastError());
	ok(memcmp(sig, sig2, 128), "the OID made no difference\n");
	CryptDestroyHash(h);
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	ok(CryptVerifySignatureW(h, sig2, len2, kx, NULL, CRYPT_NOHASHOID), "%08lx\n", GetLastError());
	CryptDestroyHash(h);
	CryptDestroyKey(kx);
	CryptReleaseContext(prov, 0);

	/* DSS: MD5 hashes, but only SHA signs */
	dss = verify_context(MS_DEF_DSS_PROV_A, PROV_DSS);
	ok(CryptGenKey(dss, AT_SIGNATURE, 512 << 16, &pair), "%08lx\n", GetLastError());
	ok(CryptCreateHash(dss, CALG_MD5, 0, 0, &h), "%08lx\n", GetLastError());
	ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
	len = sizeof(sig);
	SetLastError(0xdeadbeef);
	ok(!CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig, &len), "DSS signed an MD5 hash\n");
	CryptDestroyHash(h);
	CryptDestroyKey(pair);
	CryptReleaseContext(dss, 0);
}

/* CryptVerifySignature: NTE_BAD_SIGNATURE, NTE_BAD_KEY. */
static void test_verify_signature(void)
{
	static const struct { const char *name; DWORD type, bits; } provs[] = {
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL, 1024 },
		{ MS_DEF_DSS_DH_PROV_A, PROV_DSS_DH, 512 },
	};
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(provs); i++) {
		HCRYPTPROV prov = verify_context(provs[i].name, provs[i].type);
		HCRYPTKEY pair = 0, other = 0, rc4 = import_plain_key(prov, CALG_RC4, key16, 5, CRYPT_EXPORTABLE);
		BYTE sig[128];
		HCRYPTHASH h;
		DWORD len = sizeof(sig);

		ok(CryptGenKey(prov, AT_SIGNATURE, provs[i].bits << 16, &pair), "%08lx\n", GetLastError());
		ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
		ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
		ok(CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig, &len), "%s: %08lx\n", provs[i].name, GetLastError());
		CryptDestroyHash(h);
		/* other data */
		ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
		ok(CryptHashData(h, text, sizeof(text) - 1, 0), "%08lx\n", GetLastError());
		SetLastError(0xdeadbeef);
		expect_error(CryptVerifySignatureA(h, sig, len, pair, NULL, 0), NTE_BAD_SIGNATURE);
		CryptDestroyHash(h);
		/* a changed signature */
		ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
		ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
		sig[3] ^= 1;
		SetLastError(0xdeadbeef);
		expect_error(CryptVerifySignatureA(h, sig, len, pair, NULL, 0), NTE_BAD_SIGNATURE);
		sig[3] ^= 1;
		CryptDestroyHash(h);
		/* another public key */
		if (provs[i].type == PROV_RSA_FULL) {
			ok(CryptGenKey(prov, AT_KEYEXCHANGE, provs[i].bits << 16, &other), "%08lx\n", GetLastError());
			ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
			ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
			SetLastError(0xdeadbeef);
			expect_error(CryptVerifySignatureA(h, sig, len, other, NULL, 0), NTE_BAD_SIGNATURE);
			CryptDestroyHash(h);
			/* another hash algorithm over the same data */
			ok(CryptCreateHash(prov, CALG_MD5, 0, 0, &h), "%08lx\n", GetLastError());
			ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
			SetLastError(0xdeadbeef);
			expect_error(CryptVerifySignatureA(h, sig, len, pair, NULL, 0), NTE_BAD_SIGNATURE);
			CryptDestroyHash(h);
		}
		if (other)
			CryptDestroyKey(other);
		/* a session key is no public key */
		ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &h), "%08lx\n", GetLastError());
		ok(CryptHashData(h, text, sizeof(text), 0), "%08lx\n", GetLastError());
		SetLastError(0xdeadbeef);
		expect_error(CryptVerifySignatureA(h, sig, len, rc4, NULL, 0), NTE_BAD_KEY);
		/* the right key still verifies */
		ok(CryptVerifySignatureA(h, sig, len, pair, NULL, 0), "%s: %08lx\n", provs[i].name, GetLastError());
		CryptDestroyHash(h);
		CryptDestroyKey(rc4);
		CryptDestroyKey(pair);
		CryptReleaseContext(prov, 0);
	}
}

START_TEST(doc_hashes)
{
	test_encrypt_sizes();
	test_crypt_with_hash();
	test_rsa_crypt();
	test_create_hash();
	test_finished_hash();
	test_hash_session_key();
	test_get_hash_param();
	test_set_hash_param();
	test_duplicate_hash();
	test_sign_hash();
	test_verify_signature();
}
