/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dssenh_containers.c - DSS key containers of our dssenh.dll: a signature
 * pair generated into a named container survives CryptReleaseContext and
 * CryptGetUserKey brings it back, and the round trips with Wine's builtin
 * dssenh in both directions (containers under Software\Wine\Crypto\DSS):
 * a pair one provider stored, the other opens and signs with.  The builtin
 * is loaded from a copy under another name and driven through its CP*
 * exports.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"
#include "builtin_csp.h"

static const char secret[] = "dss interop";

static struct builtin_csp wine;
static CSP_VTABLE wine_vtable = { CSP_VTABLE_VERSION, NULL, NULL, PROV_DSS_DH, NULL, 0,
				  (LPSTR)MS_ENH_DSS_DH_PROV_A };

static HCRYPTPROV open_ours(const char *name, DWORD flags)
{
	HCRYPTPROV prov = 0;

	if (!CryptAcquireContextA(&prov, name, MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH, flags))
		return 0;
	return prov;
}

static void delete_ours(const char *name)
{
	HCRYPTPROV prov;

	CryptAcquireContextA(&prov, name, MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH, CRYPT_DELETEKEYSET);
}

/* The SHA-1 of the secret, signed by the container's signature pair. */
static DWORD sign_ours(HCRYPTPROV prov, BYTE *sig)
{
	HCRYPTHASH hash;
	DWORD len = 40;

	ok(CryptCreateHash(prov, CALG_SHA, 0, 0, &hash), "hash: %08lx\n", GetLastError());
	CryptHashData(hash, (const BYTE *)secret, sizeof(secret), 0);
	ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) && len == 40, "sign: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
	return len;
}

static BOOL verify_ours(const BYTE *pub, DWORD publen, const BYTE *sig)
{
	HCRYPTPROV prov = open_ours(NULL, CRYPT_VERIFYCONTEXT);
	HCRYPTHASH hash;
	HCRYPTKEY key;
	BOOL good;

	ok(prov != 0, "verify context: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, pub, publen, 0, 0, &key), "import: %08lx\n", GetLastError());
	CryptCreateHash(prov, CALG_SHA, 0, 0, &hash);
	CryptHashData(hash, (const BYTE *)secret, sizeof(secret), 0);
	good = CryptVerifySignatureA(hash, sig, 40, key, NULL, 0);
	CryptDestroyHash(hash);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	return good;
}

static void test_persistence(void)
{
	BYTE pub[500], again[500], sig[40];
	DWORD len = sizeof(pub), len2 = sizeof(again);
	HCRYPTPROV prov;
	HCRYPTKEY key;

	delete_ours("dss_cont_a");
	ok((prov = open_ours("dss_cont_a", CRYPT_NEWKEYSET)) != 0, "create: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_SIGNATURE, 768 << 16, &key), "gen: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, pub, &len), "export: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	SetLastError(0xdeadbeef);
	ok(!CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) && GetLastError() == NTE_NO_KEY, "keyx: %08lx\n",
	   GetLastError());
	CryptReleaseContext(prov, 0);

	ok((prov = open_ours("dss_cont_a", 0)) != 0, "open: %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "user key: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, again, &len2) && len2 == len && !memcmp(pub, again, len),
	   "another pair came back\n");
	CryptDestroyKey(key);
	sign_ours(prov, sig);
	ok(verify_ours(pub, len, sig), "the stored pair's signature does not verify: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
	/* the key stays where Wine's builtin keeps DSS containers */
	{
		HKEY k;
		ok(!RegOpenKeyExA(HKEY_CURRENT_USER, "Software\\Wine\\Crypto\\DSS\\dss_cont_a", 0, KEY_READ, &k),
		   "no container under Software\\Wine\\Crypto\\DSS\n");
		RegCloseKey(k);
	}
	prov = 1;
	ok(CryptAcquireContextA(&prov, "dss_cont_a", MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH, CRYPT_DELETEKEYSET) && !prov,
	   "delete: %08lx\n", GetLastError());
}

/* Wine's dssenh writes, ours reads.  The pair is one the builtin imports:
 * the pairs Wine 8's dssenh generates never reach its container (the
 * registry key stays empty, seen here), so a generated one cannot carry
 * over. */
static void test_wine_to_ours(void)
{
	BYTE priv[700], pub[500], mine[500], sig[40];
	DWORD plen = sizeof(priv), len = sizeof(pub), len2 = sizeof(mine);
	HCRYPTPROV wp = 0, prov = open_ours(NULL, CRYPT_VERIFYCONTEXT);
	HCRYPTKEY wk, key;

	ok(CryptGenKey(prov, CALG_DSS_SIGN, (1024 << 16) | CRYPT_EXPORTABLE, &key), "gen: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, priv, &plen), "export: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, pub, &len), "export pub: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	wine.CPAcquireContext(&wp, "dss_interop_w", CRYPT_DELETEKEYSET, &wine_vtable);
	ok(wine.CPAcquireContext(&wp, "dss_interop_w", CRYPT_NEWKEYSET, &wine_vtable), "builtin create: %08lx\n",
	   GetLastError());
	ok(wine.CPImportKey(wp, priv, plen, 0, 0, &wk), "builtin import: %08lx\n", GetLastError());
	wine.CPDestroyKey(wp, wk);
	ok(wine.CPReleaseContext(wp, 0), "builtin release\n");

	ok((prov = open_ours("dss_interop_w", 0)) != 0, "open: %08lx\n", GetLastError());
	ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "user key: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, mine, &len2) && len2 == len && !memcmp(pub, mine, len),
	   "not the pair the builtin stored\n");
	CryptDestroyKey(key);
	sign_ours(prov, sig);
	ok(verify_ours(pub, len, sig), "signature with the builtin's stored pair\n");
	CryptReleaseContext(prov, 0);
	delete_ours("dss_interop_w");
}

/* Ours writes, Wine's dssenh reads: it finds our pair.  (Its signatures
 * are not compared: Wine 8's builtin signs with BCryptSignHash and what it
 * returns verifies with neither byte order of r and s here.) */
static void test_ours_to_wine(void)
{
	BYTE pub[500], theirs[500];
	DWORD len = sizeof(pub), len2 = sizeof(theirs);
	HCRYPTPROV prov, wp = 0;
	HCRYPTKEY key, wk;

	delete_ours("dss_interop_o");
	ok((prov = open_ours("dss_interop_o", CRYPT_NEWKEYSET)) != 0, "create: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, AT_SIGNATURE, 1024 << 16, &key), "gen: %08lx\n", GetLastError());
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, pub, &len), "export: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	ok(wine.CPAcquireContext(&wp, "dss_interop_o", 0, &wine_vtable), "builtin open: %08lx\n", GetLastError());
	if (!wp)
		return;
	ok(wine.CPGetUserKey(wp, AT_SIGNATURE, &wk), "builtin user key: %08lx\n", GetLastError());
	ok(wine.CPExportKey(wp, wk, 0, PUBLICKEYBLOB, 0, theirs, &len2) && len2 == len && !memcmp(pub, theirs, len),
	   "builtin got another pair\n");
	wine.CPDestroyKey(wp, wk);
	wine.CPReleaseContext(wp, 0);
	delete_ours("dss_interop_o");
}

START_TEST(dssenh_containers)
{
	/* held to the end: our dssenh.dll stays loaded, so that loading the
	 * builtin's copy (whose module name is dssenh.dll too) cannot make
	 * cryptsp's LoadLibrary find the builtin instead */
	HCRYPTPROV hold = open_ours(NULL, CRYPT_VERIFYCONTEXT);

	ok(hold != 0, "verify context: %08lx\n", GetLastError());
	test_persistence();
	if (!load_builtin_csp("dssenh", &wine)) {
		ok(0, "Wine's builtin dssenh.dll could not be loaded for the round trips: %08lx\n", GetLastError());
		return;
	}
	test_wine_to_ours();
	test_ours_to_wine();
	CryptReleaseContext(hold, 0);
}
