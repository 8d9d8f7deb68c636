/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * doc_provider.c - documented behaviour of the context and provider exports
 * (CryptAcquireContext, CryptGetProvParam/CryptSetProvParam, the provider
 * registry functions and CryptGenRandom) that neither Wine's upstream suites
 * nor our other tests/win programs show.  The row-by-row map from Microsoft's
 * reference pages to checks is tests/win/documented/provider.md.
 */
#include <stdarg.h>
#include <stdio.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"
#include "win_test.h"

#define PROV_KEY "Software\\Microsoft\\Cryptography\\Defaults\\Provider\\"
#define TYPES_KEY "Software\\Microsoft\\Cryptography\\Defaults\\Provider Types\\"
#define FAKE_PROV "doc_provider missing image"
#define FAKE_TYPE_KEY TYPES_KEY "Type 950"

static char container[64];

static HCRYPTPROV acquire(const char *name, const char *prov_name, DWORD type, DWORD flags)
{
	HCRYPTPROV prov = 0;

	if (!CryptAcquireContextA(&prov, name, prov_name, type, flags))
		return 0;
	return prov;
}

static void delete_container(const char *name, DWORD flags)
{
	HCRYPTPROV prov;

	CryptAcquireContextA(&prov, name, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_DELETEKEYSET | flags);
}

/* The pages name cryptsp.dll and advapi32.dll as the homes of every one of
 * these functions; the test calls them through advapi32's import library. */
static void test_exports(void)
{
	static const char *const names[] = {
		"CryptAcquireContextA", "CryptAcquireContextW", "CryptReleaseContext", "CryptContextAddRef",
		"CryptGetProvParam", "CryptSetProvParam", "CryptEnumProvidersA", "CryptEnumProvidersW",
		"CryptEnumProviderTypesA", "CryptEnumProviderTypesW", "CryptGetDefaultProviderA",
		"CryptGetDefaultProviderW", "CryptSetProviderA", "CryptSetProviderW", "CryptSetProviderExA",
		"CryptSetProviderExW", "CryptGenRandom",
	};
	HMODULE advapi = GetModuleHandleA("advapi32.dll"), cryptsp = LoadLibraryA("cryptsp.dll");
	unsigned i;

	ok(advapi && cryptsp, "advapi32 %p, cryptsp %p\n", advapi, cryptsp);
	if (!advapi || !cryptsp)
		return;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		ok(GetProcAddress(advapi, names[i]) != NULL, "advapi32 lacks %s\n", names[i]);
		ok(GetProcAddress(cryptsp, names[i]) != NULL, "cryptsp lacks %s\n", names[i]);
	}
}

/* CRYPT_VERIFYCONTEXT: key pairs made in such a context are not kept. */
static void test_acquire_verifycontext(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;

	prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	ok(prov != 0, "verify context: %08lx\n", GetLastError());
	if (!prov)
		return;
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, 512 << 16, &key), "ephemeral pair: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	ok(prov != 0, "second verify context: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), NTE_NO_KEY);
	CryptReleaseContext(prov, 0);

	/* CRYPT_MACHINE_KEYSET and CRYPT_SILENT combine with it */
	prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT | CRYPT_MACHINE_KEYSET);
	ok(prov != 0, "verify | machine keyset: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
	prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT | CRYPT_SILENT);
	ok(prov != 0, "verify | silent: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
}

/* CRYPT_NEWKEYSET, CRYPT_DELETEKEYSET and CRYPT_MACHINE_KEYSET on a named
 * container; PP_CONTAINER and PP_KEYSET_TYPE report what was asked for. */
static void test_acquire_containers(void)
{
	WCHAR nameW[64];
	char name[MAX_PATH + 1];
	HCRYPTPROV prov;
	HCRYPTKEY key;
	DWORD len, v;

	delete_container(container, 0);
	prov = acquire(container, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_NEWKEYSET);
	ok(prov != 0, "create: %08lx\n", GetLastError());
	if (!prov)
		return;
	ok(CryptGenKey(prov, AT_SIGNATURE, 512 << 16, &key), "pair: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);

	/* deleting destroys the pairs with it: a new container of that name is empty */
	prov = 0xdeadbeef;
	ok(CryptAcquireContextA(&prov, container, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "delete: %08lx\n", GetLastError());
	prov = acquire(container, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_NEWKEYSET);
	ok(prov != 0, "create again: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	expect_error(CryptGetUserKey(prov, AT_SIGNATURE, &key), NTE_NO_KEY);
	CryptReleaseContext(prov, 0);
	delete_container(container, 0);

	/* the W entry point: PP_CONTAINER gives back the name as CHARs */
	MultiByteToWideChar(CP_ACP, 0, container, -1, nameW, ARRAY_SIZE(nameW));
	ok(CryptAcquireContextW(&prov, nameW, MS_ENHANCED_PROV_W, PROV_RSA_FULL, CRYPT_NEWKEYSET),
	   "create W: %08lx\n", GetLastError());
	len = sizeof(name);
	ok(CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &len, 0) && !strcmp(name, container) &&
	   len == strlen(container) + 1, "PP_CONTAINER %s %lu\n", name, len);
	len = sizeof(v);
	ok(CryptGetProvParam(prov, PP_KEYSET_TYPE, (BYTE *)&v, &len, 0) && v == 0, "user keyset type %lx\n", v);
	CryptReleaseContext(prov, 0);
	ok(CryptAcquireContextW(&prov, nameW, MS_ENHANCED_PROV_W, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "delete W: %08lx\n", GetLastError());

	/* a machine key set says so through PP_KEYSET_TYPE */
	delete_container(container, CRYPT_MACHINE_KEYSET);
	prov = acquire(container, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET);
	ok(prov != 0, "create machine: %08lx\n", GetLastError());
	len = sizeof(v);
	v = 0;
	ok(prov && CryptGetProvParam(prov, PP_KEYSET_TYPE, (BYTE *)&v, &len, 0) && v == CRYPT_MACHINE_KEYSET,
	   "machine keyset type %lx\n", v);
	CryptReleaseContext(prov, 0);
	delete_container(container, CRYPT_MACHINE_KEYSET);
}

/* A NULL container name means the default one; PP_CONTAINER tells its name,
 * and that name opens the same container. */
static void test_default_container(void)
{
	char name[MAX_PATH + 1];
	HCRYPTPROV prov, again;
	DWORD len = sizeof(name);

	prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, 0);
	if (!prov)
		prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_NEWKEYSET);
	ok(prov != 0, "default container: %08lx\n", GetLastError());
	if (!prov)
		return;
	ok(CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &len, 0) && len > 1 && len == strlen(name) + 1,
	   "PP_CONTAINER %lu\n", len);
	CryptReleaseContext(prov, 0);
	again = acquire(name, MS_ENHANCED_PROV_A, PROV_RSA_FULL, 0);
	ok(again != 0, "open %s by name: %08lx\n", name, GetLastError());
	CryptReleaseContext(again, 0);
	ok(CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_DELETEKEYSET),
	   "delete the default container: %08lx\n", GetLastError());
}

/* A provider entry of our own whose image is image: acquiring it fails with want. */
static void check_bad_image(int line, const char *image, DWORD want)
{
	HCRYPTPROV prov = 0;
	DWORD type = PROV_RSA_FULL;
	HKEY key;

	if (RegCreateKeyExA(HKEY_LOCAL_MACHINE, PROV_KEY FAKE_PROV, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)) {
		skip("cannot register a provider\n");
		return;
	}
	RegSetValueExA(key, "Image Path", 0, REG_SZ, (const BYTE *)image, strlen(image) + 1);
	RegSetValueExA(key, "Type", 0, REG_DWORD, (const BYTE *)&type, sizeof(type));
	RegCloseKey(key);
	SetLastError(0xdeadbeef);
	expect_error_(line, CryptAcquireContextA(&prov, NULL, FAKE_PROV, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT), want);
	RegDeleteKeyA(HKEY_LOCAL_MACHINE, PROV_KEY FAKE_PROV);
}

/* Registration faults the CryptAcquireContext page names. */
static void test_acquire_registration(void)
{
	HCRYPTPROV prov = 0;
	HKEY key;

	check_bad_image(__LINE__, "doc_provider_none.dll", NTE_PROV_DLL_NOT_FOUND);
	/* a DLL that loads but is no CSP */
	check_bad_image(__LINE__, "kernel32.dll", NTE_PROVIDER_DLL_FAIL);

	/* a provider type whose entry names no provider is corrupt */
	if (RegCreateKeyExA(HKEY_LOCAL_MACHINE, FAKE_TYPE_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL)) {
		skip("cannot register a provider type\n");
		return;
	}
	RegCloseKey(key);
	SetLastError(0xdeadbeef);
	expect_error(CryptAcquireContextA(&prov, NULL, NULL, 950, CRYPT_VERIFYCONTEXT), NTE_PROV_TYPE_ENTRY_BAD);
	RegDeleteKeyA(HKEY_LOCAL_MACHINE, FAKE_TYPE_KEY);
}

/* CryptGenRandom writes exactly dwLen bytes, whatever the buffer held, on
 * every kind of provider. */
static void test_gen_random(void)
{
	static const struct { const char *name; DWORD type; } provs[] = {
		{ MS_DEF_PROV_A, PROV_RSA_FULL }, { MS_ENHANCED_PROV_A, PROV_RSA_FULL },
		{ MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES }, { MS_DEF_RSA_SCHANNEL_PROV_A, PROV_RSA_SCHANNEL },
		{ MS_DEF_DSS_PROV_A, PROV_DSS }, { MS_DEF_DSS_DH_PROV_A, PROV_DSS_DH },
		{ MS_DEF_DH_SCHANNEL_PROV_A, PROV_DH_SCHANNEL },
	};
	BYTE buf[80], seed[64];
	unsigned i, j;

	memset(seed, 0x3c, sizeof(seed));
	for (i = 0; i < ARRAY_SIZE(provs); i++) {
		HCRYPTPROV prov = acquire(NULL, provs[i].name, provs[i].type, CRYPT_VERIFYCONTEXT);

		ok(prov != 0, "%s: %08lx\n", provs[i].name, GetLastError());
		if (!prov)
			continue;
		memset(buf, 0x3c, sizeof(buf));
		ok(CryptGenRandom(prov, 64, buf), "%s: %08lx\n", provs[i].name, GetLastError());
		ok(memcmp(buf, seed, 64), "%s: the caller's seed came back\n", provs[i].name);
		for (j = 64; j < sizeof(buf); j++)
			if (buf[j] != 0x3c)
				break;
		ok(j == sizeof(buf), "%s: wrote past dwLen\n", provs[i].name);
		ok(CryptGenRandom(prov, 1, buf), "%s: one byte: %08lx\n", provs[i].name, GetLastError());
		CryptReleaseContext(prov, 0);
	}
}

/* pbData NULL asks for the size; the enumerations answer with the size of
 * their (fixed-size) rows; a short buffer gets ERROR_MORE_DATA and the size. */
static void test_get_prov_param_sizes(void)
{
	HCRYPTPROV prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	BYTE buf[sizeof(PROV_ENUMALGS_EX)];
	DWORD len;

	ok(prov != 0, "acquire: %08lx\n", GetLastError());
	if (!prov)
		return;
	len = 0;
	ok(CryptGetProvParam(prov, PP_NAME, NULL, &len, 0) && len == sizeof(MS_ENHANCED_PROV_A),
	   "PP_NAME size %lu\n", len);
	len = 0;
	ok(CryptGetProvParam(prov, PP_ENUMALGS, NULL, &len, CRYPT_FIRST) && len == sizeof(PROV_ENUMALGS),
	   "PP_ENUMALGS size %lu\n", len);
	len = 0;
	ok(CryptGetProvParam(prov, PP_ENUMALGS_EX, NULL, &len, CRYPT_FIRST) && len == sizeof(PROV_ENUMALGS_EX),
	   "PP_ENUMALGS_EX size %lu\n", len);
	len = 4;
	SetLastError(0xdeadbeef);
	expect_error(CryptGetProvParam(prov, PP_ENUMALGS, buf, &len, CRYPT_FIRST), ERROR_MORE_DATA);
	ok(len == sizeof(PROV_ENUMALGS), "short PP_ENUMALGS: %lu\n", len);
	len = 4;
	SetLastError(0xdeadbeef);
	expect_error(CryptGetProvParam(prov, PP_ENUMALGS_EX, buf, &len, CRYPT_FIRST), ERROR_MORE_DATA);
	ok(len == sizeof(PROV_ENUMALGS_EX), "short PP_ENUMALGS_EX: %lu\n", len);
	len = sizeof(DWORD) - 1;
	SetLastError(0xdeadbeef);
	expect_error(CryptGetProvParam(prov, PP_PROVTYPE, buf, &len, 0), ERROR_MORE_DATA);
	ok(len == sizeof(DWORD), "short PP_PROVTYPE: %lu\n", len);
	CryptReleaseContext(prov, 0);
}

/* PP_ENUMALGS on the Base provider: the algorithms and classes its page
 * lists, CRYPT_NEXT moving on, ERROR_NO_MORE_ITEMS at the end, CRYPT_FIRST
 * starting over. */
static void test_enumalgs(void)
{
	static const struct { ALG_ID id; const char *name; DWORD cls; } want[] = {
		{ CALG_MD2, "MD2", ALG_CLASS_HASH }, { CALG_MD5, "MD5", ALG_CLASS_HASH },
		{ CALG_SHA, NULL, ALG_CLASS_HASH }, { CALG_MAC, "MAC", ALG_CLASS_HASH },
		{ CALG_RSA_SIGN, "RSA_SIGN", ALG_CLASS_SIGNATURE }, { CALG_RSA_KEYX, "RSA_KEYX", ALG_CLASS_KEY_EXCHANGE },
		{ CALG_RC2, "RC2", ALG_CLASS_DATA_ENCRYPT }, { CALG_RC4, "RC4", ALG_CLASS_DATA_ENCRYPT },
	};
	HCRYPTPROV prov = acquire(NULL, MS_DEF_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	PROV_ENUMALGS row;
	ALG_ID first = 0;
	DWORD len, flags, seen = 0, count = 0;
	unsigned i;

	ok(prov != 0, "acquire: %08lx\n", GetLastError());
	if (!prov)
		return;
	for (flags = CRYPT_FIRST;; flags = CRYPT_NEXT) {
		len = sizeof(row);
		SetLastError(0xdeadbeef);
		if (!CryptGetProvParam(prov, PP_ENUMALGS, (BYTE *)&row, &len, flags))
			break;
		if (!count++)
			first = row.aiAlgid;
		for (i = 0; i < ARRAY_SIZE(want); i++) {
			if (row.aiAlgid != want[i].id)
				continue;
			seen |= 1 << i;
			ok(GET_ALG_CLASS(row.aiAlgid) == want[i].cls, "%08x: class %x\n", row.aiAlgid,
			   GET_ALG_CLASS(row.aiAlgid));
			ok(!want[i].name || !strcmp(row.szName, want[i].name), "%08x named %s\n", row.aiAlgid, row.szName);
			ok(row.dwNameLen == strlen(row.szName) + 1, "%s: dwNameLen %lu\n", row.szName, row.dwNameLen);
		}
	}
	ok(GetLastError() == ERROR_NO_MORE_ITEMS, "end of enumeration: %08lx\n", GetLastError());
	ok(seen == (1u << ARRAY_SIZE(want)) - 1, "listed algorithms seen: %lx\n", seen);
	ok(count > ARRAY_SIZE(want) - 1, "only %lu rows\n", count);
	len = sizeof(row);
	ok(CryptGetProvParam(prov, PP_ENUMALGS, (BYTE *)&row, &len, CRYPT_FIRST) && row.aiAlgid == first,
	   "CRYPT_FIRST restarts: %08x\n", row.aiAlgid);
	CryptReleaseContext(prov, 0);
}

/* PP_KEYX_KEYSIZE_INC and PP_SIG_KEYSIZE_INC: the PP_ENUMALGS_EX minimum
 * plus one increment is a key length CryptGenKey takes. */
static void test_keysize_inc(void)
{
	static const struct { DWORD param; ALG_ID alg; DWORD spec; } kinds[] = {
		{ PP_KEYX_KEYSIZE_INC, CALG_RSA_KEYX, AT_KEYEXCHANGE },
		{ PP_SIG_KEYSIZE_INC, CALG_RSA_SIGN, AT_SIGNATURE },
	};
	HCRYPTPROV prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	PROV_ENUMALGS_EX ex;
	DWORD len, inc, flags, bits, minlen;
	HCRYPTKEY key;
	unsigned i;

	ok(prov != 0, "acquire: %08lx\n", GetLastError());
	if (!prov)
		return;
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		minlen = 0;
		for (flags = CRYPT_FIRST;; flags = CRYPT_NEXT) {
			len = sizeof(ex);
			if (!CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&ex, &len, flags))
				break;
			if (ex.aiAlgid == kinds[i].alg)
				minlen = ex.dwMinLen;
		}
		len = sizeof(inc);
		ok(CryptGetProvParam(prov, kinds[i].param, (BYTE *)&inc, &len, 0) && inc, "increment: %08lx\n",
		   GetLastError());
		ok(minlen != 0, "%08x not enumerated\n", kinds[i].alg);
		if (!minlen || !inc)
			continue;
		ok(CryptGenKey(prov, kinds[i].spec, (minlen + inc) << 16, &key), "%lu bits: %08lx\n", minlen + inc,
		   GetLastError());
		len = sizeof(bits);
		ok(CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&bits, &len, 0) && bits == minlen + inc, "got %lu bits\n",
		   bits);
		CryptDestroyKey(key);
	}
	CryptReleaseContext(prov, 0);
}

/* PP_KEYSET_SEC_DESCR: a self-relative descriptor out, the same one back in. */
static void test_keyset_sec_descr(void)
{
	static const DWORD infos[] = {
		OWNER_SECURITY_INFORMATION, GROUP_SECURITY_INFORMATION, DACL_SECURITY_INFORMATION,
	};
	SECURITY_DESCRIPTOR_CONTROL control;
	SECURITY_DESCRIPTOR *sd;
	HCRYPTPROV prov;
	DWORD len, rev;
	unsigned i;

	delete_container(container, CRYPT_MACHINE_KEYSET);
	prov = acquire(container, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET);
	ok(prov != 0, "create: %08lx\n", GetLastError());
	if (!prov)
		return;
	for (i = 0; i < ARRAY_SIZE(infos); i++) {
		len = 0;
		ok(CryptGetProvParam(prov, PP_KEYSET_SEC_DESCR, NULL, &len, infos[i]) && len,
		   "%lx: size: %08lx\n", infos[i], GetLastError());
		if (!len)
			continue;
		sd = malloc(len);
		ok(CryptGetProvParam(prov, PP_KEYSET_SEC_DESCR, (BYTE *)sd, &len, infos[i]), "%lx: %08lx\n", infos[i],
		   GetLastError());
		ok(IsValidSecurityDescriptor(sd), "%lx: not a valid descriptor\n", infos[i]);
		ok(GetSecurityDescriptorControl(sd, &control, &rev) && (control & SE_SELF_RELATIVE),
		   "%lx: control %04x\n", infos[i], control);
		if (infos[i] == DACL_SECURITY_INFORMATION)
			ok(CryptSetProvParam(prov, PP_KEYSET_SEC_DESCR, (BYTE *)sd, infos[i]), "set back: %08lx\n",
			   GetLastError());
		free(sd);
	}
	CryptReleaseContext(prov, 0);
	delete_container(container, CRYPT_MACHINE_KEYSET);
}

/* None of Microsoft's providers has a hardware RNG: PP_USE_HARDWARE_RNG
 * fails to read and to set. */
static void test_hardware_rng(void)
{
	static const struct { const char *name; DWORD type; } provs[] = {
		{ MS_ENHANCED_PROV_A, PROV_RSA_FULL }, { MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES },
		{ MS_DEF_DSS_DH_PROV_A, PROV_DSS_DH },
	};
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(provs); i++) {
		HCRYPTPROV prov = acquire(NULL, provs[i].name, provs[i].type, CRYPT_VERIFYCONTEXT);
		DWORD len = 0;

		ok(prov != 0, "%s: %08lx\n", provs[i].name, GetLastError());
		if (!prov)
			continue;
		ok(!CryptGetProvParam(prov, PP_USE_HARDWARE_RNG, NULL, &len, 0), "%s: get succeeded\n", provs[i].name);
		ok(!CryptSetProvParam(prov, PP_USE_HARDWARE_RNG, NULL, 0), "%s: set succeeded\n", provs[i].name);
		CryptReleaseContext(prov, 0);
	}
}

/* PP_CLIENT_HWND on one context rather than the whole process. */
static void test_client_hwnd(void)
{
	HCRYPTPROV prov = acquire(NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT);
	HWND wnd = GetDesktopWindow();

	ok(prov != 0, "acquire: %08lx\n", GetLastError());
	if (!prov)
		return;
	ok(CryptSetProvParam(prov, PP_CLIENT_HWND, (BYTE *)&wnd, 0), "PP_CLIENT_HWND: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
}

/* CryptEnumProviders lists the Base and Enhanced providers; the W names are
 * the A names widened; CryptEnumProviderTypes lists RSA_FULL, RSA_SCHANNEL
 * and DSS, and its W sizes are twice the A ones. */
static void test_enum_providers(void)
{
	static const DWORD types[] = { PROV_RSA_FULL, PROV_RSA_SCHANNEL, PROV_DSS };
	WCHAR nameW[256], expectW[256];
	char name[256];
	DWORD i, type, len, lenW, found = 0;
	unsigned t;

	for (i = 0;; i++) {
		len = sizeof(name);
		if (!CryptEnumProvidersA(i, NULL, 0, &type, name, &len))
			break;
		lenW = sizeof(nameW);
		ok(CryptEnumProvidersW(i, NULL, 0, &type, nameW, &lenW), "W %lu: %08lx\n", i, GetLastError());
		MultiByteToWideChar(CP_ACP, 0, name, -1, expectW, ARRAY_SIZE(expectW));
		ok(!lstrcmpW(nameW, expectW), "W name differs from %s\n", name);
		if (!strcmp(name, MS_DEF_PROV_A) && type == PROV_RSA_FULL)
			found |= 1;
		if (!strcmp(name, MS_ENHANCED_PROV_A) && type == PROV_RSA_FULL)
			found |= 2;
	}
	ok(found == 3, "Base/Enhanced listed: %lx\n", found);

	found = 0;
	for (i = 0;; i++) {
		len = sizeof(name);
		SetLastError(0xdeadbeef);
		if (!CryptEnumProviderTypesA(i, NULL, 0, &type, name, &len))
			break;
		lenW = 0;
		ok(CryptEnumProviderTypesW(i, NULL, 0, &type, NULL, &lenW) && lenW == len * sizeof(WCHAR),
		   "type %lu: W size %lu, A size %lu\n", type, lenW, len);
		for (t = 0; t < ARRAY_SIZE(types); t++)
			if (type == types[t])
				found |= 1 << t;
	}
	ok(GetLastError() == ERROR_NO_MORE_ITEMS, "end: %08lx\n", GetLastError());
	ok(found == (1u << ARRAY_SIZE(types)) - 1, "types listed: %lx\n", found);
}

/* CryptGetDefaultProvider: each machine default is a provider of that type;
 * A and W agree. */
static void test_default_provider(void)
{
	static const DWORD types[] = {
		PROV_RSA_FULL, PROV_RSA_SCHANNEL, PROV_DSS, PROV_DSS_DH, PROV_DH_SCHANNEL, PROV_RSA_AES,
	};
	WCHAR nameW[256], expectW[256];
	char name[256];
	DWORD len, lenW;
	unsigned i;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		HCRYPTPROV prov;

		len = sizeof(name);
		ok(CryptGetDefaultProviderA(types[i], NULL, CRYPT_MACHINE_DEFAULT, name, &len), "type %lu: %08lx\n",
		   types[i], GetLastError());
		lenW = sizeof(nameW);
		ok(CryptGetDefaultProviderW(types[i], NULL, CRYPT_MACHINE_DEFAULT, nameW, &lenW), "type %lu W: %08lx\n",
		   types[i], GetLastError());
		MultiByteToWideChar(CP_ACP, 0, name, -1, expectW, ARRAY_SIZE(expectW));
		ok(!lstrcmpW(nameW, expectW) && lenW == len * sizeof(WCHAR), "type %lu: W %lu / A %lu\n", types[i],
		   lenW, len);
		prov = acquire(NULL, name, types[i], CRYPT_VERIFYCONTEXT);
		ok(prov != 0, "default %s of type %lu: %08lx\n", name, types[i], GetLastError());
		CryptReleaseContext(prov, 0);
	}
}

/* CryptSetProviderW and CryptSetProviderExW: the W forms set and delete the
 * user default and set the machine default. */
static void test_set_provider_w(void)
{
	WCHAR nameW[256], machineW[256];
	DWORD len;

	ok(CryptSetProviderW(MS_ENHANCED_PROV_W, PROV_RSA_FULL), "CryptSetProviderW: %08lx\n", GetLastError());
	len = sizeof(nameW);
	ok(CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT, nameW, &len) &&
	   !lstrcmpW(nameW, MS_ENHANCED_PROV_W), "user default after CryptSetProviderW\n");
	ok(CryptSetProviderExW(MS_ENHANCED_PROV_W, PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT | CRYPT_DELETE_DEFAULT),
	   "delete user default: %08lx\n", GetLastError());
	len = sizeof(nameW);
	SetLastError(0xdeadbeef);
	ok(!CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT, nameW, &len),
	   "user default still there\n");
	ok(CryptSetProviderExW(MS_DEF_PROV_W, PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT), "set user default W: %08lx\n",
	   GetLastError());
	len = sizeof(nameW);
	ok(CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT, nameW, &len) &&
	   !lstrcmpW(nameW, MS_DEF_PROV_W), "user default after CryptSetProviderExW\n");
	CryptSetProviderExW(MS_DEF_PROV_W, PROV_RSA_FULL, NULL, CRYPT_USER_DEFAULT | CRYPT_DELETE_DEFAULT);

	/* the machine default, set to what it already is */
	len = sizeof(machineW);
	if (!CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT, machineW, &len)) {
		skip("no machine default\n");
		return;
	}
	ok(CryptSetProviderExW(machineW, PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT), "set machine default W: %08lx\n",
	   GetLastError());
	len = sizeof(nameW);
	ok(CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT, nameW, &len) &&
	   !lstrcmpW(nameW, machineW), "machine default changed\n");
}

START_TEST(doc_provider)
{
	sprintf(container, "doc_provider_%lu", GetCurrentProcessId());

	test_exports();
	test_acquire_verifycontext();
	test_acquire_containers();
	test_default_container();
	test_acquire_registration();
	test_gen_random();
	test_get_prov_param_sizes();
	test_enumalgs();
	test_keysize_inc();
	test_keyset_sec_descr();
	test_hardware_rng();
	test_client_hwnd();
	test_enum_providers();
	test_default_provider();
	test_set_provider_w();
}
