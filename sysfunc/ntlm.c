/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * ntlm.c - the LAN Manager and NT password hashes and the NTLM response:
 * SystemFunction006 (LM hash), 007 (NT hash: MD4 of the UTF-16 password),
 * 008/009 (the 24-byte response to an 8-byte challenge), 010/011 (MD4 of a
 * 16-byte hash, the NTLM user session key).
 */
#include <string.h>
#include "sysfunc.h"

/* SystemFunction006: LM hash of a password (at most 14 bytes count): each
 * half keys DES over "KGS!@#$%".  The caller upper-cases: Windows hashes
 * the bytes as given (Wine's crypt_lmhash.c expects the hash of "secret"). */
NTSTATUS WINAPI SystemFunction003(const BYTE *key, BYTE *output);

NTSTATUS WINAPI SystemFunction006(const char *password, char *lmhash)
{
	char pw[14];
	int len;

	if (!password || !lmhash)
		return STATUS_UNSUCCESSFUL;
	len = (int)strnlen(password, sizeof(pw));
	ZeroMemory(pw, sizeof(pw));
	CopyMemory(pw, password, len);
	SystemFunction003((const BYTE *)pw, (BYTE *)lmhash);
	SystemFunction003((const BYTE *)pw + 7, (BYTE *)lmhash + 8);
	SecureZeroMemory(pw, sizeof(pw));
	return STATUS_SUCCESS;
}

/* SystemFunction007: NT hash, MD4 over the string's Length bytes. */
NTSTATUS WINAPI SystemFunction007(const struct sysfunc_unicode_string *password, BYTE *hash)
{
	if (!password || !hash || (password->Length && !password->Buffer))
		return STATUS_UNSUCCESSFUL;
	sysfunc_md4(password->Buffer, password->Length, hash);
	return STATUS_SUCCESS;
}

/* SystemFunction008: the 16-byte hash, zero-padded to 21 bytes, gives three
 * DES keys; each encrypts the challenge. */
NTSTATUS WINAPI SystemFunction008(const BYTE *challenge, const BYTE *hash, BYTE *response)
{
	BYTE key[21];
	int i;

	if (!challenge || !hash || !response)
		return STATUS_UNSUCCESSFUL;
	ZeroMemory(key, sizeof(key));
	CopyMemory(key, hash, 16);
	for (i = 0; i < 3; i++)
		sysfunc_des56(key + 7 * i, challenge, response + 8 * i, TRUE);
	SecureZeroMemory(key, sizeof(key));
	return STATUS_SUCCESS;
}

/* SystemFunction009: the same response, under its other name. */
NTSTATUS WINAPI SystemFunction009(const BYTE *challenge, const BYTE *hash, BYTE *response)
{
	return SystemFunction008(challenge, hash, response);
}

/* SystemFunction010/011: MD4 of a 16-byte block (the first argument is unused). */
NTSTATUS WINAPI SystemFunction010(void *unused, const BYTE *data, BYTE *hash)
{
	if (!data || !hash)
		return STATUS_UNSUCCESSFUL;
	sysfunc_md4(data, 16, hash);
	return STATUS_SUCCESS;
}

NTSTATUS WINAPI SystemFunction011(void *unused, const BYTE *data, BYTE *hash)
{
	return SystemFunction010(unused, data, hash);
}
