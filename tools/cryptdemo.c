/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cryptdemo.exe - the main job's Windows program: hashes a file, encrypts it
 * with AES-256-CBC, decrypts it again and compares, all through CryptoAPI as
 * any Windows program would (imports from advapi32.dll only), then reports
 * which DLLs served the calls.
 *
 *   cryptdemo FILE      writes FILE.enc next to FILE
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>

static void die(const char *what)
{
	fprintf(stderr, "cryptdemo: %s failed, error 0x%08lx\n", what, GetLastError());
	exit(1);
}

static BYTE *read_file(const char *path, DWORD *len, DWORD room)
{
	FILE *f = fopen(path, "rb");
	BYTE *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die("reading the input file");
	if (!(buf = malloc(n + room)) || fread(buf, 1, n, f) != (size_t)n)
		die("reading the input file");
	fclose(f);
	*len = n;
	return buf;
}

static void print_hash(HCRYPTPROV prov, ALG_ID alg, const char *name, const BYTE *data, DWORD len)
{
	HCRYPTHASH hash;
	BYTE value[64];
	DWORD size = sizeof value, i;

	if (!CryptCreateHash(prov, alg, 0, 0, &hash)) die("CryptCreateHash");
	if (!CryptHashData(hash, data, len, 0)) die("CryptHashData");
	if (!CryptGetHashParam(hash, HP_HASHVAL, value, &size, 0)) die("CryptGetHashParam");
	CryptDestroyHash(hash);
	printf("  %-8s ", name);
	for (i = 0; i < size; i++)
		printf("%02x", value[i]);
	printf("\n");
}

/* Wine marks its own PE DLLs with this string right after the DOS header. */
static void print_module(const char *name)
{
	HMODULE mod = GetModuleHandleA(name);
	char path[MAX_PATH];

	if (!mod) {
		printf("  %-12s not loaded\n", name);
		return;
	}
	GetModuleFileNameA(mod, path, sizeof path);
	printf("  %-12s %-40s %s\n", name, path,
	       memcmp((const char *)mod + 0x40, "Wine builtin DLL", 16) ? "native (not Wine's builtin)" : "Wine builtin");
}

int main(int argc, char **argv)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	char provname[256], out[MAX_PATH];
	DWORD len, enclen, size = sizeof provname;
	BYTE *plain, *data;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: cryptdemo FILE\n");
		return 2;
	}
	plain = read_file(argv[1], &len, 0);
	data = read_file(argv[1], &len, 16);

	if (!CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		die("CryptAcquireContext");
	if (!CryptGetProvParam(prov, PP_NAME, (BYTE *)provname, &size, 0)) die("CryptGetProvParam(PP_NAME)");
	printf("provider: %s\n%s: %lu bytes\n", provname, argv[1], len);
	print_hash(prov, CALG_MD5, "MD5", plain, len);
	print_hash(prov, CALG_SHA1, "SHA-1", plain, len);
	print_hash(prov, CALG_SHA_256, "SHA-256", plain, len);

	if (!CryptGenKey(prov, CALG_AES_256, 0, &key)) die("CryptGenKey(AES-256)");
	enclen = len;
	if (!CryptEncrypt(key, 0, TRUE, 0, data, &enclen, len + 16)) die("CryptEncrypt");
	snprintf(out, sizeof out, "%s.enc", argv[1]);
	if (!(f = fopen(out, "wb")) || fwrite(data, 1, enclen, f) != enclen || fclose(f)) die("writing the output file");
	printf("AES-256-CBC: encrypted %lu bytes into %lu (%s)\n", len, enclen, out);
	if (!CryptDecrypt(key, 0, TRUE, 0, data, &enclen)) die("CryptDecrypt");
	if (enclen != len || memcmp(data, plain, len)) {
		printf("AES-256-CBC: decryption does NOT give the original back\n");
		return 1;
	}
	printf("AES-256-CBC: decrypted %lu bytes, identical to the original\n", enclen);
	CryptDestroyKey(key);

	printf("served by:\n");
	print_module("advapi32.dll");
	print_module("cryptsp.dll");
	print_module("rsaenh.dll");
	CryptReleaseContext(prov, 0);
	free(plain);
	free(data);
	return 0;
}
