/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * container.c - key container storage in the registry, in Wine's builtin
 * rsaenh/dssenh format (see container.h).  Private keys are written only under
 * CryptProtectData.  Every change is one registry operation that the
 * server applies whole, so a process killed at any point leaves the old
 * state or the new one: a container is created or deleted as one key (its
 * values go with it), and a pair is replaced by writing its value anew,
 * never by deleting first.  The permissions value is a second write; so
 * that a kill between the two cannot pair a key with another key's
 * permissions, the protected blob's description carries the permissions
 * it was written with, and those win over the value when both are there.
 */
#include <stdio.h>
#include <wchar.h>
#include <ctype.h>
#include <string.h>
#include <windows.h>
#include <wincrypt.h>
#include <aclapi.h>
#include <nettle/md5.h>
#include "container.h"
#include "../core/blobs.h"
#include "../core/pair.h"
#include "identity.h"
#include "../core/wipe.h"

#define CONTAINERS csp_identity.containers
#define CONTAINER_PATH_MAX (64 + CONTAINER_NAME_MAX)

static const char *pair_value[2] = { "KeyExchangeKeyPair", "SignatureKeyPair" };
static const char *perm_value[2] = { "KeyExchangePermissions", "SignaturePermissions" };

static HKEY root_of(DWORD flags)
{
	return (flags & CRYPT_MACHINE_KEYSET) ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
}

static DWORD protect_flags(DWORD flags)
{
	return (flags & CRYPT_MACHINE_KEYSET) ? CRYPTPROTECT_LOCAL_MACHINE : 0;
}

static void key_path(char *path, const char *name)
{
	/* names are at most CONTAINER_NAME_MAX - 1 bytes (checked on entry) */
	snprintf(path, CONTAINER_PATH_MAX, "%s\\%s", CONTAINERS, name);
}

static BOOL has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return TRUE;
	return FALSE;
}

DWORD container_resolve_name(const char *given, char *name)
{
	DWORD size = CONTAINER_NAME_MAX;

	if (given && *given) {
		size_t n = strnlen(given, CONTAINER_NAME_MAX);

		/* a backslash would reach into another container's key */
		if (n >= CONTAINER_NAME_MAX || strchr(given, '\\') || has_control(given))
			return NTE_BAD_KEYSET_PARAM;
		memcpy(name, given, n + 1);
		return ERROR_SUCCESS;
	}
	if (!GetUserNameA(name, &size))
		return GetLastError() ? GetLastError() : NTE_FAIL;
	return strchr(name, '\\') ? NTE_BAD_KEYSET_PARAM : ERROR_SUCCESS;
}

DWORD container_create(const char *name, DWORD flags)
{
	char path[CONTAINER_PATH_MAX];
	DWORD disposition;
	HKEY key;
	LONG r;

	key_path(path, name);
	r = RegCreateKeyExA(root_of(flags), path, 0, NULL, REG_OPTION_NON_VOLATILE, KEY_READ, NULL,
			    &key, &disposition);
	if (r)
		return r == ERROR_ACCESS_DENIED ? NTE_PERM : NTE_FAIL;
	RegCloseKey(key);
	return disposition == REG_OPENED_EXISTING_KEY ? NTE_EXISTS : ERROR_SUCCESS;
}

DWORD container_delete(const char *name, DWORD flags)
{
	char path[CONTAINER_PATH_MAX];

	key_path(path, name);
	/* the values go with the key: the pairs vanish together */
	return RegDeleteKeyA(root_of(flags), path) ? NTE_BAD_KEYSET : ERROR_SUCCESS;
}

#define PERM_DESCR L"rsaenh key pair, permissions %08lx"

/* The permissions a pair was written with, from its description. */
static BOOL descr_permissions(const WCHAR *descr, DWORD *perms)
{
	unsigned long v;

	if (!descr || swscanf(descr, PERM_DESCR, &v) != 1)
		return FALSE;
	*perms = (DWORD)v;
	return TRUE;
}

/* One stored pair: unprotect, parse the PRIVATEKEYBLOB, apply the stored
 * permissions.  *out NULL and success when no pair is stored;
 * NTE_KEYSET_ENTRY_BAD when one is stored but cannot be read (truncated,
 * tampered with, protected for someone else): never mistaken for none. */
static DWORD read_pair(HKEY key, DWORD flags, DWORD slot, struct csp_key **out)
{
	DATA_BLOB in = { 0, NULL }, blob = { 0, NULL };
	struct csp_key *k = NULL;
	const struct csp_alg *alg;
	void *pair;
	WCHAR *descr = NULL;
	DWORD type, size = 0, perms;
	LONG r;

	*out = NULL;
	r = RegQueryValueExA(key, pair_value[slot], NULL, &type, NULL, &size);
	if (r == ERROR_FILE_NOT_FOUND)
		return ERROR_SUCCESS;
	if (r || type != REG_BINARY || !size)
		return NTE_KEYSET_ENTRY_BAD;
	if (!(in.pbData = LocalAlloc(LMEM_FIXED, size)))
		return NTE_NO_MEMORY;
	in.cbData = size;
	if (!RegQueryValueExA(key, pair_value[slot], NULL, &type, in.pbData, &in.cbData) &&
	    CryptUnprotectData(&in, &descr, NULL, NULL, NULL, protect_flags(flags), &blob)) {
		/* BLOBHEADER { PRIVATEKEYBLOB, 2, 0, aiKeyAlg } then the body */
		if (blob.cbData > 8 && blob.pbData[0] == PRIVATEKEYBLOB && blob.pbData[1] == CUR_BLOB_VERSION &&
		    (alg = csp_alg_find(blob.pbData[4] | blob.pbData[5] << 8 | blob.pbData[6] << 16 |
					(DWORD)blob.pbData[7] << 24)) && csp_alg_pair(alg) &&
		    !csp_blob_read_private(alg, blob.pbData + 8, blob.cbData - 8, NULL, &pair))
			csp_key_from_pair(alg, pair, 0, &k);
		csp_wipe(blob.pbData, blob.cbData);
		LocalFree(blob.pbData);
	}
	LocalFree(in.pbData);
	if (!k) {
		LocalFree(descr);
		return NTE_KEYSET_ENTRY_BAD;
	}
	size = sizeof(perms);
	if (descr_permissions(descr, &perms) ||
	    (!RegQueryValueExA(key, perm_value[slot], NULL, &type, (BYTE *)&perms, &size) &&
	     type == REG_DWORD && size == sizeof(perms)))
		k->permissions = perms;
	LocalFree(descr);
	*out = k;
	return ERROR_SUCCESS;
}

DWORD container_open(const char *name, DWORD flags, struct csp_key *pairs[2])
{
	char path[CONTAINER_PATH_MAX];
	DWORD err;
	HKEY key;

	key_path(path, name);
	if (RegOpenKeyExA(root_of(flags), path, 0, KEY_READ, &key))
		return NTE_BAD_KEYSET;
	if (!(err = read_pair(key, flags, PAIR_KEYX, &pairs[PAIR_KEYX])) &&
	    (err = read_pair(key, flags, PAIR_SIG, &pairs[PAIR_SIG]))) {
		csp_key_destroy(pairs[PAIR_KEYX]);
		pairs[PAIR_KEYX] = NULL;
	}
	RegCloseKey(key);
	return err;
}

DWORD container_store_pair(const char *name, DWORD flags, DWORD slot, const struct csp_key *k)
{
	char path[CONTAINER_PATH_MAX];
	DATA_BLOB in = { 0, NULL }, out = { 0, NULL };
	DWORD err, size = 0;
	WCHAR descr[64];
	HKEY key;

	swprintf(descr, ARRAYSIZE(descr), PERM_DESCR, (unsigned long)k->permissions);
	if ((err = csp_blob_export_private(k, NULL, TRUE, NULL, &size)))
		return err;
	if (!(in.pbData = LocalAlloc(LMEM_FIXED, size)))
		return NTE_NO_MEMORY;
	in.cbData = size;
	err = csp_blob_export_private(k, NULL, TRUE, in.pbData, &in.cbData);
	if (!err && !CryptProtectData(&in, descr, NULL, NULL, NULL, protect_flags(flags), &out))
		err = NTE_FAIL;
	csp_wipe(in.pbData, size);
	LocalFree(in.pbData);
	if (err)
		return err;
	key_path(path, name);
	/* the container may have been deleted meanwhile: then it is not re-created */
	if (RegOpenKeyExA(root_of(flags), path, 0, KEY_SET_VALUE, &key))
		err = NTE_BAD_KEYSET;
	else {
		if (RegSetValueExA(key, pair_value[slot], 0, REG_BINARY, out.pbData, out.cbData) ||
		    RegSetValueExA(key, perm_value[slot], 0, REG_DWORD, (const BYTE *)&k->permissions,
				   sizeof(k->permissions)))
			err = NTE_FAIL;
		RegCloseKey(key);
	}
	LocalFree(out.pbData);
	return err;
}

DWORD container_enum(DWORD flags, DWORD index, char *name, DWORD size)
{
	DWORD n = size;
	HKEY key;
	LONG r;

	if (RegOpenKeyExA(root_of(flags), CONTAINERS, 0, KEY_READ, &key))
		return ERROR_NO_MORE_ITEMS;
	r = RegEnumKeyExA(key, index, name, &n, NULL, NULL, NULL, NULL);
	RegCloseKey(key);
	if (r == ERROR_MORE_DATA)
		return ERROR_MORE_DATA;
	return r ? ERROR_NO_MORE_ITEMS : ERROR_SUCCESS;
}

DWORD container_unique_name(const char *name, char *out, DWORD size)
{
	BYTE digest[MD5_DIGEST_SIZE];
	char guid[64];
	DWORD guid_size = sizeof(guid) - 1, type, i;
	struct md5_ctx md5;
	HKEY key;
	int n;

	md5_init(&md5);
	md5_update(&md5, strlen(name) + 1, (const BYTE *)name);
	md5_digest(&md5, sizeof(digest), digest);
	if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software\\Microsoft\\Cryptography", 0,
			  KEY_READ | KEY_WOW64_64KEY, &key))
		return NTE_FAIL;
	if (RegQueryValueExA(key, "MachineGuid", NULL, &type, (BYTE *)guid, &guid_size) || type != REG_SZ) {
		RegCloseKey(key);
		return NTE_FAIL;
	}
	RegCloseKey(key);
	guid[guid_size] = 0;
	n = 0;
	for (i = 0; i < 4; i++)
		n += snprintf(out + n, size - n, "%08lx", (unsigned long)(digest[4 * i] | digest[4 * i + 1] << 8 |
			      digest[4 * i + 2] << 16 | (DWORD)digest[4 * i + 3] << 24));
	snprintf(out + n, size - n, "_%s", guid);
	return ERROR_SUCCESS;
}

/* 32 hex digits and '_': the shape of a unique name, which no lookup of a
 * plain name then pays for. */
static BOOL unique_shaped(const char *s)
{
	DWORD i;

	for (i = 0; i < 32; i++)
		if (!isxdigit((unsigned char)s[i]))
			return FALSE;
	return s[32] == '_';
}

DWORD container_find_unique(const char *unique, DWORD flags, char *name)
{
	char candidate[CONTAINER_NAME_MAX], u[CONTAINER_NAME_MAX + 64];
	DWORD i;

	if (strnlen(unique, 33) < 33 || !unique_shaped(unique))
		return NTE_BAD_KEYSET;
	for (i = 0; !container_enum(flags, i, candidate, sizeof(candidate)); i++)
		if (!container_unique_name(candidate, u, sizeof(u)) && !_stricmp(u, unique)) {
			strcpy(name, candidate);
			return ERROR_SUCCESS;
		}
	return NTE_BAD_KEYSET;
}

DWORD container_get_security(const char *name, DWORD flags, SECURITY_INFORMATION what,
			     BYTE *data, DWORD *len)
{
	char path[CONTAINER_PATH_MAX];
	PSECURITY_DESCRIPTOR sd;
	DWORD err, size;
	HKEY key;

	key_path(path, name);
	if (RegOpenKeyExA(root_of(flags), path, 0, KEY_READ, &key))
		return NTE_BAD_KEYSET;
	err = GetSecurityInfo(key, SE_REGISTRY_KEY, what, NULL, NULL, NULL, NULL, &sd);
	RegCloseKey(key);
	if (err)
		return err;
	size = GetSecurityDescriptorLength(sd);
	if (data && *len >= size)
		memcpy(data, sd, size);
	else
		err = ERROR_INSUFFICIENT_BUFFER;
	*len = size;
	LocalFree(sd);
	return err;
}

DWORD container_set_security(const char *name, DWORD flags, SECURITY_INFORMATION what,
			     const BYTE *data)
{
	char path[CONTAINER_PATH_MAX];
	PSECURITY_DESCRIPTOR sd = (PSECURITY_DESCRIPTOR)data;
	PSID owner = NULL, group = NULL;
	PACL dacl = NULL, sacl = NULL;
	BOOL defaulted, present;
	DWORD err;
	HKEY key;

	if ((what & OWNER_SECURITY_INFORMATION && !GetSecurityDescriptorOwner(sd, &owner, &defaulted)) ||
	    (what & GROUP_SECURITY_INFORMATION && !GetSecurityDescriptorGroup(sd, &group, &defaulted)) ||
	    (what & DACL_SECURITY_INFORMATION && !GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted)) ||
	    (what & SACL_SECURITY_INFORMATION && !GetSecurityDescriptorSacl(sd, &present, &sacl, &defaulted)))
		return ERROR_INVALID_PARAMETER;
	key_path(path, name);
	if (RegOpenKeyExA(root_of(flags), path, 0, WRITE_DAC | WRITE_OWNER |
			  ((what & SACL_SECURITY_INFORMATION) ? ACCESS_SYSTEM_SECURITY : 0), &key))
		return NTE_BAD_KEYSET;
	err = SetSecurityInfo(key, SE_REGISTRY_KEY, what, owner, group, dacl, sacl);
	RegCloseKey(key);
	return err;
}
