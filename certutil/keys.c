/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keys.c - key containers: which provider and keyset the options name
 * (-csp, -user: the user's keysets, else the machine's, as on Windows),
 * -key (the containers and their key pairs: algorithm, length,
 * exportability, permissions) and -delkey (CRYPT_DELETEKEYSET).
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

const char *default_csp(void)
{
	return MS_ENH_RSA_AES_PROV_A;
}

/* The registered type of the named provider (CryptEnumProviders, any case);
 * FALSE with NTE_KEYSET_NOT_DEF when there is none of that name. */
BOOL provider_type(const char *name, DWORD *type)
{
	char prov[256];
	DWORD i, t, len;

	for (i = 0; len = sizeof(prov), CryptEnumProvidersA(i, NULL, 0, &t, prov, &len); i++)
		if (!_stricmp(prov, name)) {
			*type = t;
			return TRUE;
		}
	SetLastError(NTE_KEYSET_NOT_DEF);
	return FALSE;
}

/* CryptAcquireContext on the options' provider and keyset; flags adds
 * CRYPT_NEWKEYSET, CRYPT_DELETEKEYSET, CRYPT_VERIFYCONTEXT, ... */
BOOL open_keyset(const struct options *o, const char *container, DWORD flags, HCRYPTPROV *prov)
{
	const char *name = o->csp ? o->csp : default_csp();
	DWORD type;

	if (!provider_type(name, &type))
		return FALSE;
	if (!o->user)
		flags |= CRYPT_MACHINE_KEYSET;
	return CryptAcquireContextA(prov, container, name, type, flags | CRYPT_SILENT);
}

static const char *alg_name(ALG_ID alg)
{
	switch (alg) {
	case CALG_RSA_KEYX: return "RSA (CALG_RSA_KEYX)";
	case CALG_RSA_SIGN: return "RSA (CALG_RSA_SIGN)";
	case CALG_DSS_SIGN: return "DSA (CALG_DSS_SIGN)";
	case CALG_DH_SF: return "DH (CALG_DH_SF)";
	case CALG_DH_EPHEM: return "DH (CALG_DH_EPHEM)";
	}
	return "unknown algorithm";
}

static void print_permissions(DWORD perm)
{
	static const struct { DWORD bit; const char *name; } bits[] = {
		{ CRYPT_ENCRYPT, "CRYPT_ENCRYPT" }, { CRYPT_DECRYPT, "CRYPT_DECRYPT" },
		{ CRYPT_EXPORT, "CRYPT_EXPORT" }, { CRYPT_READ, "CRYPT_READ" },
		{ CRYPT_WRITE, "CRYPT_WRITE" }, { CRYPT_MAC, "CRYPT_MAC" },
		{ CRYPT_EXPORT_KEY, "CRYPT_EXPORT_KEY" }, { CRYPT_IMPORT_KEY, "CRYPT_IMPORT_KEY" },
	};
	size_t i;

	printf("    Permissions: 0x%08lx", (unsigned long)perm);
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (perm & bits[i].bit)
			printf(" %s", bits[i].name);
	printf("\n");
}

/* One container's lines; FALSE with the error when it cannot be opened. */
static BOOL show_container(const struct options *o, const char *name)
{
	static const struct { DWORD spec; const char *name; } specs[] = {
		{ AT_KEYEXCHANGE, "AT_KEYEXCHANGE" }, { AT_SIGNATURE, "AT_SIGNATURE" },
	};
	HCRYPTPROV prov;
	HCRYPTKEY key;
	char unique[512];
	DWORD len, alg, bits, perm;
	size_t i;
	int pairs = 0;

	if (!open_keyset(o, name, 0, &prov))
		return FALSE;
	printf("  %s\n", name);
	len = sizeof(unique);
	if (CryptGetProvParam(prov, PP_UNIQUE_CONTAINER, (BYTE *)unique, &len, 0) && strcmp(unique, name))
		printf("  %s\n", unique);
	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		if (!CryptGetUserKey(prov, specs[i].spec, &key))
			continue;
		pairs++;
		alg = bits = perm = 0;
		len = sizeof(alg);
		CryptGetKeyParam(key, KP_ALGID, (BYTE *)&alg, &len, 0);
		len = sizeof(bits);
		CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&bits, &len, 0);
		len = sizeof(perm);
		if (!CryptGetKeyParam(key, KP_PERMISSIONS, (BYTE *)&perm, &len, 0))
			perm = 0;
		printf("  %s, %s, %lu bits, %s\n", specs[i].name, alg_name(alg), (unsigned long)bits,
		       perm & CRYPT_EXPORT ? "exportable" : "not exportable");
		print_permissions(perm);
		CryptDestroyKey(key);
	}
	if (!pairs)
		printf("  (no key pair)\n");
	printf("\n");
	CryptReleaseContext(prov, 0);
	return TRUE;
}

int cmd_key(const struct options *o)
{
	const char *only = o->argc && strcmp(o->argv[0], "-") ? o->argv[0] : NULL;
	HCRYPTPROV prov;
	char name[1024];
	DWORD len, flag = CRYPT_FIRST, err;
	int n = 0;

	if (only) {
		/* a container that cannot be opened gives the failure line alone */
		if (!open_keyset(o, only, 0, &prov))
			return fail(o, GetLastError(), "%s", only);
		CryptReleaseContext(prov, 0);
	} else if (!open_keyset(o, NULL, CRYPT_VERIFYCONTEXT, &prov)) {
		return fail(o, GetLastError(), "CryptAcquireContext");
	}
	printf("%s (%s keysets):\n", o->csp ? o->csp : default_csp(), o->user ? "user" : "machine");
	if (only) {
		if (!show_container(o, only))
			return fail(o, GetLastError(), "%s", only);
		return done(o);
	}
	for (;; flag = CRYPT_NEXT) {
		len = sizeof(name);
		if (!CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, flag)) {
			err = GetLastError();
			if (err == ERROR_NO_MORE_ITEMS)
				break;
			CryptReleaseContext(prov, 0);
			return fail(o, err, "PP_ENUMCONTAINERS");
		}
		n++;
		if (!show_container(o, name)) {
			err = GetLastError();
			printf("  %s\n  (cannot be opened: 0x%08lx)\n\n", name, (unsigned long)err);
		}
	}
	CryptReleaseContext(prov, 0);
	if (!n)
		printf("  (no key containers)\n\n");
	return done(o);
}

int cmd_delkey(const struct options *o)
{
	HCRYPTPROV prov;

	if (!open_keyset(o, o->argv[0], CRYPT_DELETEKEYSET, &prov))
		return fail(o, GetLastError(), "%s", o->argv[0]);
	printf("  %s deleted\n", o->argv[0]);
	return done(o);
}
