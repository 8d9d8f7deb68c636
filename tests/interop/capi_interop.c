/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * capi_interop.exe - the CryptoAPI half of the interoperability tests: a
 * thin command-line layer over CryptImportKey/ExportKey, CryptSignHash,
 * CryptVerifySignature, CryptEncrypt and CryptDecrypt, so tests/interop/run.py
 * can put OpenSSL on the other side.  Byte-order conversions are the
 * driver's: this program reads and writes exactly what CryptoAPI takes and
 * gives (little-endian signatures and ciphertexts, raw key BLOBs).
 *
 *   capi_interop genkey PRIV_OUT PUB_OUT           2048-bit AT_KEYEXCHANGE pair
 *   capi_interop sign PRIVBLOB HASH MSG SIG_OUT    PKCS#1 v1.5 signature
 *   capi_interop verify PUBBLOB HASH MSG SIG       exit 0 valid, 1 NTE_BAD_SIGNATURE
 *   capi_interop encrypt PUBBLOB PAD IN OUT        PAD: pkcs1 | oaep
 *   capi_interop decrypt PRIVBLOB PAD IN OUT
 * HASH: md5 sha1 sha256 sha384 sha512.  Exit 2 on any other failure.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "capi_interop: %s failed: 0x%08lx\n", what, GetLastError());
	exit(2);
}

static BYTE *load(const char *path, DWORD *len, DWORD extra)
{
	FILE *f = fopen(path, "rb");
	BYTE *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc(n + extra + 1)) || fread(buf, 1, n, f) != (size_t)n)
		fail(path);
	fclose(f);
	*len = n;
	return buf;
}

static void save(const char *path, const BYTE *data, DWORD len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f))
		fail(path);
}

static ALG_ID hash_alg(const char *name)
{
	static const struct { const char *name; ALG_ID id; } hashes[] = {
		{ "md5", CALG_MD5 }, { "sha1", CALG_SHA1 }, { "sha256", CALG_SHA_256 },
		{ "sha384", CALG_SHA_384 }, { "sha512", CALG_SHA_512 },
	};
	size_t i;

	for (i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++)
		if (!strcmp(name, hashes[i].name))
			return hashes[i].id;
	fprintf(stderr, "capi_interop: unknown hash %s\n", name);
	exit(2);
}

static DWORD padding_flags(const char *name)
{
	if (!strcmp(name, "oaep"))
		return CRYPT_OAEP;
	if (!strcmp(name, "pkcs1"))
		return 0;
	fprintf(stderr, "capi_interop: unknown padding %s\n", name);
	exit(2);
}

static HCRYPTPROV context(void)
{
	HCRYPTPROV prov;

	if (!CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		fail("CryptAcquireContext");
	return prov;
}

static HCRYPTKEY import(HCRYPTPROV prov, const char *path)
{
	HCRYPTKEY key;
	DWORD len;
	BYTE *blob = load(path, &len, 0);

	if (!CryptImportKey(prov, blob, len, 0, CRYPT_EXPORTABLE, &key))
		fail("CryptImportKey");
	free(blob);
	return key;
}

static HCRYPTHASH hash_file(HCRYPTPROV prov, const char *alg, const char *path)
{
	HCRYPTHASH hash;
	DWORD len;
	BYTE *msg = load(path, &len, 0);

	if (!CryptCreateHash(prov, hash_alg(alg), 0, 0, &hash) || !CryptHashData(hash, msg, len, 0))
		fail("hashing the message");
	free(msg);
	return hash;
}

static void export(HCRYPTKEY key, DWORD type, const char *path)
{
	DWORD len = 0;
	BYTE *blob;

	if (!CryptExportKey(key, 0, type, 0, NULL, &len) || !(blob = malloc(len)) ||
	    !CryptExportKey(key, 0, type, 0, blob, &len))
		fail("CryptExportKey");
	save(path, blob, len);
	free(blob);
}

int main(int argc, char **argv)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	HCRYPTHASH hash;
	BYTE *data;
	DWORD len, size;

	if (argc == 4 && !strcmp(argv[1], "genkey")) {
		prov = context();
		if (!CryptGenKey(prov, AT_KEYEXCHANGE, (2048 << 16) | CRYPT_EXPORTABLE, &key))
			fail("CryptGenKey");
		export(key, PRIVATEKEYBLOB, argv[2]);
		export(key, PUBLICKEYBLOB, argv[3]);
	} else if (argc == 6 && !strcmp(argv[1], "sign")) {
		prov = context();
		key = import(prov, argv[2]);
		hash = hash_file(prov, argv[3], argv[4]);
		size = 0;
		if (!CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, NULL, &size) || !(data = malloc(size)) ||
		    !CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, data, &size))
			fail("CryptSignHash");
		save(argv[5], data, size);
	} else if (argc == 6 && !strcmp(argv[1], "verify")) {
		prov = context();
		key = import(prov, argv[2]);
		hash = hash_file(prov, argv[3], argv[4]);
		data = load(argv[5], &len, 0);
		if (!CryptVerifySignatureA(hash, data, len, key, NULL, 0)) {
			if (GetLastError() == (DWORD)NTE_BAD_SIGNATURE)
				return 1;
			fail("CryptVerifySignature");
		}
	} else if (argc == 6 && !strcmp(argv[1], "encrypt")) {
		prov = context();
		key = import(prov, argv[2]);
		data = load(argv[4], &len, 1024);
		if (!CryptEncrypt(key, 0, TRUE, padding_flags(argv[3]), data, &len, len + 1024))
			fail("CryptEncrypt");
		save(argv[5], data, len);
	} else if (argc == 6 && !strcmp(argv[1], "decrypt")) {
		prov = context();
		key = import(prov, argv[2]);
		data = load(argv[4], &len, 0);
		if (!CryptDecrypt(key, 0, TRUE, padding_flags(argv[3]), data, &len))
			fail("CryptDecrypt");
		save(argv[5], data, len);
	} else {
		fprintf(stderr, "usage: see the comment at the top of capi_interop.c\n");
		return 2;
	}
	return 0;
}
