/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * memory_protect.c - SystemFunction040/041 (RtlEncryptMemory and
 * RtlDecryptMemory): encrypt a buffer in place so that only the same scope
 * can decrypt it: this process (flags 0), any process of this logon session
 * (RTL_ENCRYPT_OPTION_SAME_LOGON) or any process on this machine
 * (RTL_ENCRYPT_OPTION_CROSS_PROCESS).  The size must be a multiple of
 * RTL_ENCRYPT_MEMORY_SIZE (8), as Windows requires; the cipher is 3DES-CBC,
 * whose 8-byte block is why.  Keys: a random per-process secret for the
 * first scope; for the others, SHA-256 over the machine's identity
 * (MachineGuid) and, for the logon scope, the logon session and user SID.
 * Outside a real kernel this cannot keep the machine-wide scopes from a
 * process that reads the same registry; it keeps buffers from appearing in
 * clear in dumps and swap, which is what the API is for.
 */
#include <nettle/cbc.h>
#include <nettle/des.h>
#include <nettle/sha2.h>
#include "sysfunc.h"

#define ENCRYPT_MEMORY_SIZE 8
#define OPTION_CROSS_PROCESS 0x01
#define OPTION_SAME_LOGON 0x02

static INIT_ONCE process_once = INIT_ONCE_STATIC_INIT;
static BYTE process_secret[32];

static BOOL CALLBACK make_process_secret(INIT_ONCE *o, void *param, void **ctx)
{
	return sysfunc_random(process_secret, sizeof(process_secret));
}

static BOOL read_machine_guid(WCHAR *buf, DWORD size)
{
	HKEY key;
	DWORD type, len = size;
	LONG err;

	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Microsoft\\Cryptography", 0,
			  KEY_READ | KEY_WOW64_64KEY, &key))
		return FALSE;
	err = RegQueryValueExW(key, L"MachineGuid", NULL, &type, (BYTE *)buf, &len);
	RegCloseKey(key);
	return !err && type == REG_SZ && len >= sizeof(WCHAR);
}

/* Hash the logon session's identity: its LUID and the user's SID. */
static BOOL hash_logon(struct sha256_ctx *h)
{
	BYTE user[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
	TOKEN_STATISTICS stats;
	HANDLE token;
	DWORD len;
	BOOL ok;

	if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
		return FALSE;
	ok = GetTokenInformation(token, TokenStatistics, &stats, sizeof(stats), &len) &&
	     GetTokenInformation(token, TokenUser, user, sizeof(user), &len);
	CloseHandle(token);
	if (!ok)
		return FALSE;
	sha256_update(h, sizeof(stats.AuthenticationId), (const uint8_t *)&stats.AuthenticationId);
	sha256_update(h, GetLengthSid(((TOKEN_USER *)user)->User.Sid), ((TOKEN_USER *)user)->User.Sid);
	return TRUE;
}

/* 24 bytes of 3DES key then 8 bytes of IV for the scope the flags name. */
static NTSTATUS scope_key(ULONG flags, BYTE out[32])
{
	static const char label_process[] = "RtlEncryptMemory/process";
	static const char label_logon[] = "RtlEncryptMemory/same-logon";
	static const char label_machine[] = "RtlEncryptMemory/cross-process";
	struct sha256_ctx h;
	WCHAR guid[64];

	sha256_init(&h);
	if (flags == 0) {
		if (!InitOnceExecuteOnce(&process_once, make_process_secret, NULL, NULL))
			return STATUS_UNSUCCESSFUL;
		sha256_update(&h, sizeof(label_process), (const uint8_t *)label_process);
		sha256_update(&h, sizeof(process_secret), process_secret);
	} else {
		ZeroMemory(guid, sizeof(guid));
		if (!read_machine_guid(guid, sizeof(guid) - sizeof(WCHAR)))
			return STATUS_UNSUCCESSFUL;
		if (flags == OPTION_SAME_LOGON) {
			sha256_update(&h, sizeof(label_logon), (const uint8_t *)label_logon);
			if (!hash_logon(&h))
				return STATUS_UNSUCCESSFUL;
		} else
			sha256_update(&h, sizeof(label_machine), (const uint8_t *)label_machine);
		sha256_update(&h, lstrlenW(guid) * sizeof(WCHAR), (const uint8_t *)guid);
	}
	sha256_digest(&h, SHA256_DIGEST_SIZE, out);
	return STATUS_SUCCESS;
}

static NTSTATUS crypt_memory(void *memory, ULONG size, ULONG flags, BOOL encrypt)
{
	struct des3_ctx ctx;
	BYTE key[32], iv[DES3_BLOCK_SIZE];
	NTSTATUS status;

	if (flags != 0 && flags != OPTION_CROSS_PROCESS && flags != OPTION_SAME_LOGON)
		return STATUS_INVALID_PARAMETER;
	if (size % ENCRYPT_MEMORY_SIZE || (size && !memory))
		return STATUS_INVALID_PARAMETER;
	if (!size)
		return STATUS_SUCCESS;
	if ((status = scope_key(flags, key)))
		return status;
	des3_set_key(&ctx, key);
	CopyMemory(iv, key + DES3_KEY_SIZE, sizeof(iv));
	if (encrypt)
		cbc_encrypt(&ctx, (nettle_cipher_func *)des3_encrypt, DES3_BLOCK_SIZE, iv, size, memory, memory);
	else
		cbc_decrypt(&ctx, (nettle_cipher_func *)des3_decrypt, DES3_BLOCK_SIZE, iv, size, memory, memory);
	SecureZeroMemory(&ctx, sizeof(ctx));
	SecureZeroMemory(key, sizeof(key));
	SecureZeroMemory(iv, sizeof(iv));
	return STATUS_SUCCESS;
}

NTSTATUS WINAPI SystemFunction040(void *memory, ULONG size, ULONG flags)
{
	return crypt_memory(memory, size, flags, TRUE);
}

NTSTATUS WINAPI SystemFunction041(void *memory, ULONG size, ULONG flags)
{
	return crypt_memory(memory, size, flags, FALSE);
}
