/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * csign.exe - signs a file with the key pair of a named key container, for
 * tests/certutil/run.sh: a key that certutil -importkey or -importPFX put
 * into a container is used there and the signature checked by OpenSSL.
 *
 *   csign [-user] PROVIDER CONTAINER HASH MSG SIG_OUT
 * HASH: sha1 sha256 sha384 sha512 md5.  The signature is written
 * big-endian, as OpenSSL takes it.  The machine's keysets unless -user;
 * the AT_KEYEXCHANGE pair, else AT_SIGNATURE.  Exit 0, or 2 with a message.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *what)
{
	fprintf(stderr, "csign: %s failed: 0x%08lx\n", what, GetLastError());
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct { const char *name; ALG_ID id; } hashes[] = {
		{ "md5", CALG_MD5 }, { "sha1", CALG_SHA1 }, { "sha256", CALG_SHA_256 },
		{ "sha384", CALG_SHA_384 }, { "sha512", CALG_SHA_512 },
	};
	DWORD flags = CRYPT_MACHINE_KEYSET, type = 0, t, len, i, spec = AT_KEYEXCHANGE;
	char name[256];
	HCRYPTPROV prov;
	HCRYPTHASH hash;
	HCRYPTKEY key;
	ALG_ID alg = 0;
	BYTE *msg, sig[1024], tmp;
	long n;
	FILE *f;

	if (argc > 1 && !strcmp(argv[1], "-user")) {
		flags = 0;
		argv++;
		argc--;
	}
	if (argc != 6) {
		fprintf(stderr, "usage: csign [-user] PROVIDER CONTAINER HASH MSG SIG_OUT\n");
		return 2;
	}
	for (i = 0; len = sizeof(name), CryptEnumProvidersA(i, NULL, 0, &t, name, &len); i++)
		if (!_stricmp(name, argv[1]))
			type = t;
	for (i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++)
		if (!strcmp(argv[3], hashes[i].name))
			alg = hashes[i].id;
	if (!type || !alg)
		fail("provider or hash name");
	if (!(f = fopen(argv[4], "rb")) || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(msg = malloc(n + 1)) || fread(msg, 1, n, f) != (size_t)n)
		fail(argv[4]);
	fclose(f);
	if (!CryptAcquireContextA(&prov, argv[2], argv[1], type, flags | CRYPT_SILENT))
		fail("CryptAcquireContext");
	if (!CryptGetUserKey(prov, spec, &key)) {
		spec = AT_SIGNATURE;
		if (!CryptGetUserKey(prov, spec, &key))
			fail("CryptGetUserKey");
	}
	CryptDestroyKey(key);
	len = sizeof(sig);
	if (!CryptCreateHash(prov, alg, 0, 0, &hash) || !CryptHashData(hash, msg, (DWORD)n, 0) ||
	    !CryptSignHashA(hash, spec, NULL, 0, sig, &len))
		fail("signing");
	for (i = 0; i < len / 2; i++) {
		tmp = sig[i];
		sig[i] = sig[len - 1 - i];
		sig[len - 1 - i] = tmp;
	}
	if (!(f = fopen(argv[5], "wb")) || fwrite(sig, 1, len, f) != len || fclose(f))
		fail(argv[5]);
	CryptDestroyHash(hash);
	CryptReleaseContext(prov, 0);
	return 0;
}
