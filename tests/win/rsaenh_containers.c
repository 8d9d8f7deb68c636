/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_containers.c - persistent key containers: create, open, delete,
 * enumerate, key pairs that survive CryptReleaseContext, the registry
 * format (protected PRIVATEKEYBLOBs under Software\Wine\Crypto\RSA), and
 * round trips with Wine's builtin rsaenh in both directions: a container
 * written by one provider opens, signs and decrypts with the other.  The
 * builtin is loaded from a copy under another name and driven through its
 * CP* exports.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "builtin_csp.h"

static const char enh_prov[] = "Microsoft Enhanced Cryptographic Provider v1.0";
static const char secret[] = "interop secret";

/* Wine's builtin rsaenh, loaded under another name */
static struct builtin_csp wine;
static CSP_VTABLE wine_vtable = { CSP_VTABLE_VERSION, NULL, NULL, PROV_RSA_FULL, NULL, 0,
				  (LPSTR)enh_prov };

/* Container storage needs DPAPI, which in turn needs the provider's
 * CryptDeriveKey and 3DES. */
static BOOL dpapi_works(void)
{
	DATA_BLOB in = { 4, (BYTE *)"abcd" }, out;

	if (!CryptProtectData(&in, NULL, NULL, NULL, NULL, 0, &out))
		return FALSE;
	LocalFree(out.pbData);
	return TRUE;
}

static void delete_container(const char *name, DWORD flags)
{
	HCRYPTPROV prov;

	CryptAcquireContextA(&prov, name, enh_prov, PROV_RSA_FULL, CRYPT_DELETEKEYSET | flags);
}

/* CryptAcquireContext takes a container's PP_UNIQUE_CONTAINER name as well
 * (CryptGetProvParam's reference page): the same container opens. */
static void test_unique_name(HCRYPTPROV prov)
{
	char unique[MAX_PATH + 2], name[MAX_PATH + 2];
	DWORD len = sizeof(unique);
	HCRYPTPROV other;

	ok(CryptGetProvParam(prov, PP_UNIQUE_CONTAINER, (BYTE *)unique, &len, 0), "PP_UNIQUE_CONTAINER: %08lx\n",
	   GetLastError());
	ok(CryptAcquireContextA(&other, unique, enh_prov, PROV_RSA_FULL, 0), "open by unique name: %08lx\n",
	   GetLastError());
	len = sizeof(name);
	ok(CryptGetProvParam(other, PP_CONTAINER, (BYTE *)name, &len, 0) && !strcmp(name, "rsa_cont_a"),
	   "opened %s\n", name);
	CryptReleaseContext(other, 0);
	/* a unique-looking name of no container is still no container */
	unique[0] = unique[0] == '0' ? '1' : '0';
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&other, unique, enh_prov, PROV_RSA_FULL, 0) && GetLastError() == NTE_BAD_KEYSET,
	   "opened a container by a name it does not have: %08lx\n", GetLastError());
}

static void test_lifecycle(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	char name[MAX_PATH + 2];
	DWORD len, v;
	BOOL found = FALSE;

	delete_container("rsa_cont_a", 0);
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, 0) &&
	   GetLastError() == NTE_BAD_KEYSET, "open missing: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_DELETEKEYSET) &&
	   GetLastError() == NTE_BAD_KEYSET, "delete missing: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT) &&
	   GetLastError() == NTE_BAD_FLAGS, "named verify context: %08lx\n", GetLastError());
	ok(CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET | CRYPT_SILENT),
	   "create: %08lx\n", GetLastError());

	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &len, 0) && !strcmp(name, "rsa_cont_a") &&
	   len == sizeof("rsa_cont_a"), "PP_CONTAINER %s %lu\n", name, len);
	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_UNIQUE_CONTAINER, (BYTE *)name, &len, 0) && strlen(name) > 33 &&
	   name[32] == '_', "PP_UNIQUE_CONTAINER %s\n", name);
	len = sizeof(v);
	ok(CryptGetProvParam(prov, PP_KEYSET_TYPE, (BYTE *)&v, &len, 0) && v == 0, "PP_KEYSET_TYPE %lu\n", v);
	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_ENUMCONTAINERS, NULL, &len, CRYPT_FIRST) && len == MAX_PATH + 1,
	   "enum size %lu\n", len);
	len = sizeof(name);
	for (v = CRYPT_FIRST; CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, v); v = 0) {
		ok(len == sizeof(name), "length changed to %lu\n", len);
		found |= !strcmp(name, "rsa_cont_a");
	}
	ok(GetLastError() == ERROR_NO_MORE_ITEMS && found, "enum: %08lx %d\n", GetLastError(), found);
	SetLastError(0xdeadbeef);
	ok(!CryptGetUserKey(prov, AT_KEYEXCHANGE, (HCRYPTKEY *)&v) && GetLastError() == NTE_NO_KEY,
	   "no key yet: %08lx\n", GetLastError());
	/* a CRYPT_SILENT context refuses keys that would ask the user */
	SetLastError(0xdeadbeef);
	ok(!CryptGenKey(prov, AT_SIGNATURE, CRYPT_USER_PROTECTED, &key) && GetLastError() == NTE_SILENT_CONTEXT,
	   "user protected, silent: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptGenKey(prov, AT_KEYEXCHANGE, CRYPT_FORCE_KEY_PROTECTION_HIGH, &key) &&
	   GetLastError() == NTE_SILENT_CONTEXT, "high protection, silent: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptGetUserKey(prov, AT_SIGNATURE, &key) && GetLastError() == NTE_NO_KEY,
	   "a refused pair is not made: %08lx\n", GetLastError());
	ok(CryptReleaseContext(prov, 0), "release: %08lx\n", GetLastError());

	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET) &&
	   GetLastError() == NTE_EXISTS, "create twice: %08lx\n", GetLastError());
	ok(CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, 0), "reopen: %08lx\n", GetLastError());
	test_unique_name(prov);
	/* elsewhere the flag is accepted (there is no user to ask under Wine) */
	ok(CryptGenKey(prov, CALG_RC4, CRYPT_USER_PROTECTED, &key), "user protected: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	/* the machine keyset is another place */
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_MACHINE_KEYSET) &&
	   GetLastError() == NTE_BAD_KEYSET, "machine keyset: %08lx\n", GetLastError());
	ok(CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "delete: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_a", enh_prov, PROV_RSA_FULL, 0) &&
	   GetLastError() == NTE_BAD_KEYSET, "open deleted: %08lx\n", GetLastError());
}

static DWORD export_public(HCRYPTKEY key, BYTE *blob, DWORD size)
{
	DWORD len = size;

	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, blob, &len), "export: %08lx\n", GetLastError());
	return len;
}

static void test_persistence(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY key, pub;
	HCRYPTHASH hash;
	BYTE blob1[300], blob2[300], sig[128], raw[2048], buf[128];
	DWORD len1, len2, len, type, perms;
	DATA_BLOB in, out;
	HKEY reg;

	delete_container("rsa_cont_p", 0);
	ok(CryptAcquireContextA(&prov, "rsa_cont_p", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET), "create: %08lx\n",
	   GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	len1 = export_public(key, blob1, sizeof(blob1));
	CryptDestroyKey(key);
	/* a new pair replaces the old one */
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 0, &key), "gen again: %08lx\n", GetLastError());
	len1 = export_public(key, blob1, sizeof(blob1));
	CryptDestroyKey(key);
	ok(CryptGenKey(prov, AT_SIGNATURE, 1024 << 16, &key), "gen sig: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	ok(CryptReleaseContext(prov, 0), "release: %08lx\n", GetLastError());

	ok(CryptAcquireContextA(&prov, "rsa_cont_p", enh_prov, PROV_RSA_FULL, 0), "reopen: %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "user key: %08lx\n", GetLastError());
	len2 = export_public(key, blob2, sizeof(blob2));
	ok(len1 == len2 && len1 == 148 && !memcmp(blob1, blob2, len1), "the second pair was not kept\n");
	len = sizeof(perms);
	ok(CryptGetKeyParam(key, KP_PERMISSIONS, (BYTE *)&perms, &len, 0) && !(perms & CRYPT_EXPORT),
	   "permissions %08lx\n", perms);
	SetLastError(0xdeadbeef);
	len = sizeof(raw);
	ok(!CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, raw, &len) && GetLastError() == NTE_BAD_KEY_STATE,
	   "private export: %08lx\n", GetLastError());
	/* decrypt what the public half encrypted */
	ok(CryptImportKey(prov, blob1, len1, 0, 0, &pub), "import: %08lx\n", GetLastError());
	memcpy(buf, secret, sizeof(secret));
	len = sizeof(secret);
	ok(CryptEncrypt(pub, 0, TRUE, CRYPT_OAEP, buf, &len, sizeof(buf)) && len == 128, "encrypt: %08lx\n",
	   GetLastError());
	ok(CryptDecrypt(key, 0, TRUE, CRYPT_OAEP, buf, &len) && len == sizeof(secret) && !memcmp(buf, secret, len),
	   "decrypt: %08lx\n", GetLastError());
	CryptDestroyKey(pub);
	CryptDestroyKey(key);

	/* the signature pair came back too, with the length asked for */
	ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "sig key: %08lx\n", GetLastError());
	len2 = export_public(key, blob2, sizeof(blob2));
	ok(CryptImportKey(prov, blob2, len2, 0, 0, &pub), "import: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "hash: %08lx\n", GetLastError());
	CryptHashData(hash, (const BYTE *)secret, sizeof(secret), 0);
	len = sizeof(sig);
	ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) && len == 128, "sign: %08lx\n", GetLastError());
	ok(CryptVerifySignatureA(hash, sig, len, pub, NULL, 0), "verify: %08lx\n", GetLastError());
	sig[5] ^= 1;
	SetLastError(0xdeadbeef);
	ok(!CryptVerifySignatureA(hash, sig, len, pub, NULL, 0) && GetLastError() == NTE_BAD_SIGNATURE,
	   "bad signature: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
	CryptDestroyKey(pub);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	/* the registry holds the pair only under DPAPI, as Wine's rsaenh writes it */
	ok(!RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\Wine\\Crypto\\RSA\\rsa_cont_p", 0, KEY_READ, &reg),
	   "no registry key\n");
	len = sizeof(raw);
	ok(!RegQueryValueExA(reg, "KeyExchangeKeyPair", NULL, &type, raw, &len) && type == REG_BINARY,
	   "KeyExchangeKeyPair\n");
	/* the modulus, little-endian after BLOBHEADER and RSAPUBKEY, is not there in clear */
	for (len2 = 0; len2 + 16 <= len; len2++)
		if (!memcmp(raw + len2, blob1 + 20, 16))
			break;
	ok(len2 + 16 > len, "the key pair is stored in clear\n");
	in.pbData = raw;
	in.cbData = len;
	ok(CryptUnprotectData(&in, NULL, NULL, NULL, NULL, 0, &out), "unprotect: %08lx\n", GetLastError());
	ok(out.cbData == 8 + 12 + 64 * 9 && out.pbData[0] == PRIVATEKEYBLOB && out.pbData[1] == 2 &&
	   !memcmp(out.pbData + 4, "\x00\xa4\x00\x00RSA2", 8) && !memcmp(out.pbData + 20, blob1 + 20, 128),
	   "stored blob\n");
	SecureZeroMemory(out.pbData, out.cbData);
	LocalFree(out.pbData);
	len = sizeof(perms);
	ok(!RegQueryValueExA(reg, "KeyExchangePermissions", NULL, &type, (BYTE *)&perms, &len) &&
	   type == REG_DWORD && perms == (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC),
	   "permissions value %08lx\n", perms);
	ok(!RegQueryValueExA(reg, "SignatureKeyPair", NULL, &type, NULL, &len) && type == REG_BINARY,
	   "SignatureKeyPair\n");
	RegCloseKey(reg);
	delete_container("rsa_cont_p", 0);
}

/* CRYPT_ARCHIVABLE: the private key leaves through the handle that made
 * it, and never again; a machine keyset lives apart from the user's. */
static void test_archivable_and_machine(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BYTE blob[2048];
	char name[MAX_PATH + 1];
	DWORD len, v;
	BOOL found = FALSE;
	HKEY reg;

	delete_container("rsa_cont_arch", 0);
	ok(CryptAcquireContextA(&prov, "rsa_cont_arch", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET), "create: %08lx\n",
	   GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, CRYPT_ARCHIVABLE | (512 << 16), &key), "gen: %08lx\n", GetLastError());
	len = sizeof(blob);
	ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len), "archive through its handle: %08lx\n",
	   GetLastError());
	CryptDestroyKey(key);
	ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "user key: %08lx\n", GetLastError());
	len = sizeof(blob);
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len) && GetLastError() == NTE_BAD_KEY_STATE,
	   "second export: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	ok(CryptAcquireContextA(&prov, "rsa_cont_arch", enh_prov, PROV_RSA_FULL, 0), "reopen: %08lx\n",
	   GetLastError());
	ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "user key: %08lx\n", GetLastError());
	len = sizeof(blob);
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len) && GetLastError() == NTE_BAD_KEY_STATE,
	   "export after reload: %08lx\n", GetLastError());
	SecureZeroMemory(blob, sizeof(blob));
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	delete_container("rsa_cont_arch", 0);

	delete_container("rsa_cont_m", CRYPT_MACHINE_KEYSET);
	ok(CryptAcquireContextA(&prov, "rsa_cont_m", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET),
	   "create machine keyset: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_SIGNATURE, 512 << 16, &key), "gen: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	len = sizeof(name);
	for (v = CRYPT_FIRST; CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, v); v = 0)
		found |= !strcmp(name, "rsa_cont_m");
	ok(found, "machine keyset not enumerated\n");
	CryptReleaseContext(prov, 0);
	ok(!RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software\\Wine\\Crypto\\RSA\\rsa_cont_m", 0, KEY_READ, &reg),
	   "not under HKLM\n");
	RegCloseKey(reg);
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_cont_m", enh_prov, PROV_RSA_FULL, 0) && GetLastError() == NTE_BAD_KEYSET,
	   "the user has no such container: %08lx\n", GetLastError());
	ok(CryptAcquireContextA(&prov, "rsa_cont_m", enh_prov, PROV_RSA_FULL, CRYPT_MACHINE_KEYSET),
	   "reopen machine keyset: %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "machine pair: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	delete_container("rsa_cont_m", CRYPT_MACHINE_KEYSET);
}

/* --- Wine's builtin rsaenh ------------------------------------------------- */

static HCRYPTPROV wine_open(const char *name, DWORD flags)
{
	HCRYPTPROV prov = 0;

	if (!wine.CPAcquireContext(&prov, name, flags, &wine_vtable))
		return 0;
	return prov;
}

/* Wine's rsaenh writes, ours reads. */
static void test_wine_to_ours(void)
{
	HCRYPTPROV wp, prov;
	HCRYPTKEY wk, ws, key, pub;
	HCRYPTHASH hash;
	BYTE pubx[300], pubs[300], ct[128], sig[128], priv[700];
	DWORD lenx, lens, len;

	wine.CPAcquireContext(&wp, "rsa_interop_w", CRYPT_DELETEKEYSET, &wine_vtable);
	ok((wp = wine_open("rsa_interop_w", CRYPT_NEWKEYSET)) != 0, "builtin create: %08lx\n", GetLastError());
	if (!wp)
		return;
	ok(wine.CPGenKey(wp, AT_KEYEXCHANGE, CRYPT_EXPORTABLE, &wk), "builtin gen: %08lx\n", GetLastError());
	ok(wine.CPGenKey(wp, AT_SIGNATURE, 0, &ws), "builtin gen sig: %08lx\n", GetLastError());
	lenx = sizeof(pubx);
	ok(wine.CPExportKey(wp, wk, 0, PUBLICKEYBLOB, 0, pubx, &lenx), "builtin export\n");
	lens = sizeof(pubs);
	ok(wine.CPExportKey(wp, ws, 0, PUBLICKEYBLOB, 0, pubs, &lens), "builtin export sig\n");
	memcpy(ct, secret, sizeof(secret));
	len = sizeof(secret);
	ok(wine.CPEncrypt(wp, wk, 0, TRUE, 0, ct, &len, sizeof(ct)) && len == 128, "builtin encrypt\n");
	wine.CPDestroyKey(wp, wk);
	wine.CPDestroyKey(wp, ws);
	ok(wine.CPReleaseContext(wp, 0), "builtin release\n");   /* Wine stores the pairs here */

	ok(CryptAcquireContextA(&prov, "rsa_interop_w", enh_prov, PROV_RSA_FULL, 0), "open: %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "user key: %08lx\n", GetLastError());
	len = sizeof(priv);
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, priv, &len) && len == lenx && !memcmp(priv, pubx, len),
	   "not the builtin's key\n");
	/* its permissions came along: exportable */
	len = sizeof(priv);
	ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, priv, &len), "private export: %08lx\n", GetLastError());
	len = 128;
	ok(CryptDecrypt(key, 0, TRUE, 0, ct, &len) && len == sizeof(secret) && !memcmp(ct, secret, len),
	   "decrypt: %08lx\n", GetLastError());
	CryptDestroyKey(key);

	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "hash: %08lx\n", GetLastError());
	CryptHashData(hash, (const BYTE *)secret, sizeof(secret), 0);
	len = sizeof(sig);
	ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) && len == 128, "sign: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, pubs, lens, 0, 0, &pub), "import: %08lx\n", GetLastError());
	ok(CryptVerifySignatureA(hash, sig, len, pub, NULL, 0), "verify: %08lx\n", GetLastError());
	CryptDestroyKey(pub);
	CryptDestroyHash(hash);
	CryptReleaseContext(prov, 0);
	ok(CryptAcquireContextA(&prov, "rsa_interop_w", enh_prov, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "delete: %08lx\n", GetLastError());
}

/* Ours writes, Wine's rsaenh reads. */
static void test_ours_to_wine(void)
{
	HCRYPTPROV prov, wp;
	HCRYPTKEY key, wk, wpub;
	HCRYPTHASH hash, wh;
	BYTE pubx[300], pubs[300], ct[128], sig[128], blob[300];
	DWORD lenx, lens, len;

	delete_container("rsa_interop_o", 0);
	ok(CryptAcquireContextA(&prov, "rsa_interop_o", enh_prov, PROV_RSA_FULL, CRYPT_NEWKEYSET), "create: %08lx\n",
	   GetLastError());
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 0, &key), "gen: %08lx\n", GetLastError());
	lenx = export_public(key, pubx, sizeof(pubx));
	memcpy(ct, secret, sizeof(secret));
	len = sizeof(secret);
	ok(CryptEncrypt(key, 0, TRUE, 0, ct, &len, sizeof(ct)) && len == 128, "encrypt: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	ok(CryptGenKey(prov, AT_SIGNATURE, 0, &key), "gen sig: %08lx\n", GetLastError());
	lens = export_public(key, pubs, sizeof(pubs));
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	ok((wp = wine_open("rsa_interop_o", 0)) != 0, "builtin open: %08lx\n", GetLastError());
	if (!wp)
		return;
	ok(wine.CPGetUserKey(wp, AT_KEYEXCHANGE, &wk), "builtin user key: %08lx\n", GetLastError());
	len = sizeof(blob);
	ok(wine.CPExportKey(wp, wk, 0, PUBLICKEYBLOB, 0, blob, &len) && len == lenx && !memcmp(blob, pubx, len),
	   "builtin got another key\n");
	len = 128;
	ok(wine.CPDecrypt(wp, wk, 0, TRUE, 0, ct, &len) && len == sizeof(secret) && !memcmp(ct, secret, len),
	   "builtin decrypt: %08lx\n", GetLastError());
	wine.CPDestroyKey(wp, wk);

	ok(wine.CPCreateHash(wp, CALG_SHA1, 0, 0, &wh), "builtin hash\n");
	ok(wine.CPHashData(wp, wh, (const BYTE *)secret, sizeof(secret), 0), "builtin hash data\n");
	len = sizeof(sig);
	ok(wine.CPSignHash(wp, wh, AT_SIGNATURE, NULL, 0, sig, &len) && len == 128, "builtin sign: %08lx\n",
	   GetLastError());
	/* what the builtin signed with our stored pair, both providers accept */
	ok(wine.CPImportKey(wp, pubs, lens, 0, 0, &wpub), "builtin import\n");
	ok(wine.CPVerifySignature(wp, wh, sig, len, wpub, NULL, 0), "builtin verify: %08lx\n", GetLastError());
	wine.CPDestroyKey(wp, wpub);
	wine.CPDestroyHash(wp, wh);
	wine.CPReleaseContext(wp, 0);

	ok(CryptAcquireContextA(&prov, NULL, enh_prov, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT), "verify ctx\n");
	ok(CryptImportKey(prov, pubs, lens, 0, 0, &key), "import: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "hash\n");
	CryptHashData(hash, (const BYTE *)secret, sizeof(secret), 0);
	ok(CryptVerifySignatureA(hash, sig, len, key, NULL, 0), "verify: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	/* deleted by the builtin, gone for us */
	wine.CPAcquireContext(&wp, "rsa_interop_o", CRYPT_DELETEKEYSET, &wine_vtable);
	SetLastError(0xdeadbeef);
	ok(!CryptAcquireContextA(&prov, "rsa_interop_o", enh_prov, PROV_RSA_FULL, 0) &&
	   GetLastError() == NTE_BAD_KEYSET, "still there: %08lx\n", GetLastError());
}

START_TEST(rsaenh_containers)
{
	test_lifecycle();
	if (!dpapi_works()) {
		/* on a branch without CryptDeriveKey/3DES in our rsaenh, Wine's
		 * DPAPI cannot run, so no key pair can be stored */
		win_skip("CryptProtectData does not work in this prefix: key pairs cannot be stored\n");
		return;
	}
	test_persistence();
	test_archivable_and_machine();
	if (!load_builtin_csp("rsaenh", &wine)) {
		skip("Wine's builtin rsaenh.dll not found\n");
		return;
	}
	test_wine_to_ours();
	test_ours_to_wine();
}
