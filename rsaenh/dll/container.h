/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * container.h - persistent key containers, stored where and as Wine's
 * builtin rsaenh and dssenh store them, so either provider opens the
 * other's: HKCU (HKLM for CRYPT_MACHINE_KEYSET) Software\Wine\Crypto\RSA
 * (dssenh: ...\DSS) \<name> (csp_identity.containers),
 * values KeyExchangeKeyPair / SignatureKeyPair (REG_BINARY: the
 * PRIVATEKEYBLOB under CryptProtectData, no entropy,
 * CRYPTPROTECT_LOCAL_MACHINE for machine keysets; our description names
 * the pair's permissions, Wine's builtin writes none) and
 * KeyExchangePermissions / SignaturePermissions (REG_DWORD).
 */
#ifndef RSAENH_CONTAINER_H
#define RSAENH_CONTAINER_H

#include <windows.h>
#include "../core/key.h"

#define CONTAINER_NAME_MAX MAX_PATH   /* bytes, with the terminating NUL */

/* index of a key pair slot: AT_KEYEXCHANGE -> 0, AT_SIGNATURE -> 1 */
#define PAIR_KEYX 0
#define PAIR_SIG  1

/* The name CryptAcquireContext means: the given one, or for NULL/"" the
 * user's name.  NTE_BAD_KEYSET_PARAM for names the registry cannot hold
 * (MAX_PATH or longer, a backslash) and names with control characters. */
DWORD container_resolve_name(const char *given, char *name);

/* CRYPT_NEWKEYSET: NTE_EXISTS when present (decided atomically by the
 * registry). */
DWORD container_create(const char *name, DWORD flags);
/* CRYPT_DELETEKEYSET: NTE_BAD_KEYSET when absent. */
DWORD container_delete(const char *name, DWORD flags);
/* Open: NTE_BAD_KEYSET when absent; pairs[] get the stored key pairs
 * (NULL where none is stored); NTE_KEYSET_ENTRY_BAD when a stored pair
 * cannot be read (truncated, tampered with, protected for another user). */
DWORD container_open(const char *name, DWORD flags, struct csp_key *pairs[2]);

/* Write a key pair and its permissions (replacing the old values). */
DWORD container_store_pair(const char *name, DWORD flags, DWORD slot, const struct csp_key *k);

/* PP_ENUMCONTAINERS: the index-th container name of the keyset. */
DWORD container_enum(DWORD flags, DWORD index, char *name, DWORD size);

/* PP_UNIQUE_CONTAINER: MD5(name with its NUL) as four hex DWORDs, '_',
 * and the machine GUID, as Windows names the key file. */
DWORD container_unique_name(const char *name, char *out, DWORD size);

/* The container whose PP_UNIQUE_CONTAINER name is `unique` (CryptAcquireContext
 * accepts that name too, as its reference page requires): its name in
 * `name`, or NTE_BAD_KEYSET. */
DWORD container_find_unique(const char *unique, DWORD flags, char *name);

/* PP_KEYSET_SEC_DESCR: the container key's security descriptor. */
DWORD container_get_security(const char *name, DWORD flags, SECURITY_INFORMATION what,
			     BYTE *data, DWORD *len);
DWORD container_set_security(const char *name, DWORD flags, SECURITY_INFORMATION what,
			     const BYTE *sd);

#endif
