/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * sysfunc.h - the small cryptographic helpers Windows exports from advapi32
 * and cryptsp under the names SystemFunction001..041, MD4*, MD5* and A_SHA*
 * (LM/NT hashes, DES block helpers, RC4, RtlGenRandom, RtlEncryptMemory,
 * the legacy hash contexts).  Written once here and linked into both DLLs;
 * each DLL's .def file exports the names Windows has it export.  All the
 * mathematics comes from nettle.
 */
#ifndef SYSFUNC_H
#define SYSFUNC_H

#include <windows.h>

#ifndef STATUS_SUCCESS
#define STATUS_SUCCESS ((NTSTATUS)0x00000000)
#endif
#ifndef STATUS_UNSUCCESSFUL
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001)
#endif
#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#endif
#ifndef STATUS_BUFFER_TOO_SMALL
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#endif
#ifndef STATUS_UNKNOWN_REVISION
#define STATUS_UNKNOWN_REVISION ((NTSTATUS)0xC0000058)
#endif
#ifndef STATUS_INVALID_PARAMETER_1
#define STATUS_INVALID_PARAMETER_1 ((NTSTATUS)0xC00000EF)
#define STATUS_INVALID_PARAMETER_2 ((NTSTATUS)0xC00000F0)
#define STATUS_INVALID_PARAMETER_3 ((NTSTATUS)0xC00000F1)
#endif

/* The counted byte string these functions take (Windows' "ustring"). */
struct sysfunc_ustring {
	DWORD Length;
	DWORD MaximumLength;
	unsigned char *Buffer;
};

/* UNICODE_STRING, as SystemFunction007 reads it. */
struct sysfunc_unicode_string {
	USHORT Length;
	USHORT MaximumLength;
	WCHAR *Buffer;
};

/* The legacy hash contexts, laid out as Windows lays them out: programs
 * allocate them and read the fields. */
typedef struct {
	UINT buf[4];
	UINT i[2];            /* message length in bits, low word first */
	unsigned char in[64];
	unsigned char digest[16];
} SYSFUNC_MD4_CTX;

typedef struct {
	UINT i[2];            /* message length in bits, low word first */
	UINT buf[4];
	unsigned char in[64];
	unsigned char digest[16];
} SYSFUNC_MD5_CTX;

typedef struct {
	ULONG Unknown[6];
	ULONG State[5];
	ULONG Count[2];       /* message length in bytes, high word first */
	unsigned char Buffer[64];
} SYSFUNC_SHA_CTX;

/* DES-ECB on one block with a 56-bit key given as 7 bytes (des.c). */
void sysfunc_des56(const BYTE key[7], const BYTE in[8], BYTE out[8], BOOL encrypt);
/* MD4 of a buffer (hash_contexts.c). */
void sysfunc_md4(const void *data, size_t len, BYTE out[16]);
/* Bytes from the system's random number generator (random.c). */
BOOL sysfunc_random(void *buf, ULONG len);

#endif
