/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * des.c - DES on single blocks with 56-bit keys given as 7 bytes, and the
 * SystemFunction exports that are nothing more: 001/002 (one block), 003
 * (the LM "KGS!@#$%" block), 012..023 (two blocks, two keys taken from 14
 * bytes), 024..027 (the same with a key built from a 4-byte value).  All
 * return STATUS_UNSUCCESSFUL when a pointer is missing.
 */
#include <nettle/des.h>
#include "sysfunc.h"

/* Spread 56 key bits over 8 bytes, 7 bits each; nettle ignores the parity bit. */
static void expand_key(const BYTE in[7], BYTE out[8])
{
	int i;

	out[0] = in[0] >> 1;
	for (i = 1; i < 7; i++)
		out[i] = (BYTE)(((in[i - 1] << (7 - i)) | (in[i] >> (i + 1))) & 0x7f);
	out[7] = in[6] & 0x7f;
	for (i = 0; i < 8; i++)
		out[i] <<= 1;
}

void sysfunc_des56(const BYTE key[7], const BYTE in[8], BYTE out[8], BOOL encrypt)
{
	struct des_ctx ctx;
	BYTE k[8];

	expand_key(key, k);
	/* Weak keys are legitimate here (the LM hash of an empty password uses
	 * the all-zero key); nettle schedules them all the same. */
	des_set_key(&ctx, k);
	if (encrypt)
		des_encrypt(&ctx, DES_BLOCK_SIZE, out, in);
	else
		des_decrypt(&ctx, DES_BLOCK_SIZE, out, in);
	SecureZeroMemory(&ctx, sizeof(ctx));
	SecureZeroMemory(k, sizeof(k));
}

/* SystemFunction001: encrypt one block. */
NTSTATUS WINAPI SystemFunction001(const BYTE *data, const BYTE *key, BYTE *output)
{
	if (!data || !key || !output)
		return STATUS_UNSUCCESSFUL;
	sysfunc_des56(key, data, output, TRUE);
	return STATUS_SUCCESS;
}

/* SystemFunction002: decrypt one block. */
NTSTATUS WINAPI SystemFunction002(const BYTE *data, const BYTE *key, BYTE *output)
{
	if (!data || !key || !output)
		return STATUS_UNSUCCESSFUL;
	sysfunc_des56(key, data, output, FALSE);
	return STATUS_SUCCESS;
}

/* SystemFunction003: the constant LM hashes encrypt, under key. */
NTSTATUS WINAPI SystemFunction003(const BYTE *key, BYTE *output)
{
	static const BYTE magic[8] = { 'K', 'G', 'S', '!', '@', '#', '$', '%' };

	if (!key || !output)
		return STATUS_UNSUCCESSFUL;
	sysfunc_des56(key, magic, output, TRUE);
	return STATUS_SUCCESS;
}

/* Two blocks, the first under key[0..6], the second under key[7..13]. */
static NTSTATUS two_blocks(const BYTE *in, const BYTE *key, BYTE *out, BOOL encrypt)
{
	if (!in || !key || !out)
		return STATUS_UNSUCCESSFUL;
	sysfunc_des56(key, in, out, encrypt);
	sysfunc_des56(key + 7, in + 8, out + 8, encrypt);
	return STATUS_SUCCESS;
}

#define TWO_BLOCKS(n, encrypt) \
	NTSTATUS WINAPI SystemFunction##n(const BYTE *in, const BYTE *key, BYTE *out) \
	{ return two_blocks(in, key, out, encrypt); }

TWO_BLOCKS(012, TRUE)
TWO_BLOCKS(013, FALSE)
TWO_BLOCKS(014, TRUE)
TWO_BLOCKS(015, FALSE)
TWO_BLOCKS(016, TRUE)
TWO_BLOCKS(017, FALSE)
TWO_BLOCKS(018, TRUE)
TWO_BLOCKS(019, FALSE)
TWO_BLOCKS(020, TRUE)
TWO_BLOCKS(021, FALSE)
TWO_BLOCKS(022, TRUE)
TWO_BLOCKS(023, FALSE)

/* Two blocks under the 14-byte key made by repeating the 4 bytes of *index. */
static NTSTATUS two_blocks_index(const BYTE *in, const BYTE *index, BYTE *out, BOOL encrypt)
{
	BYTE key[14];
	NTSTATUS status;
	int i;

	if (!in || !index || !out)
		return STATUS_UNSUCCESSFUL;
	for (i = 0; i < 14; i++)
		key[i] = index[i & 3];
	status = two_blocks(in, key, out, encrypt);
	SecureZeroMemory(key, sizeof(key));
	return status;
}

#define TWO_BLOCKS_INDEX(n, encrypt) \
	NTSTATUS WINAPI SystemFunction##n(const BYTE *in, const BYTE *index, BYTE *out) \
	{ return two_blocks_index(in, index, out, encrypt); }

TWO_BLOCKS_INDEX(024, TRUE)
TWO_BLOCKS_INDEX(025, FALSE)
TWO_BLOCKS_INDEX(026, TRUE)
TWO_BLOCKS_INDEX(027, FALSE)
