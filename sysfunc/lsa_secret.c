/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * lsa_secret.c - SystemFunction004/005: the DES-ECB encryption of a counted
 * byte string that LSA uses for secrets.  The clear text is prefixed with a
 * block holding its length and the version 1, padded with zeros to whole
 * blocks.  Each block takes the next 7 key bytes, wrapping the way the LSA
 * protocol does (a key shorter than 7 bytes is zero-padded and used for
 * every block).
 */
#include "sysfunc.h"

struct key_walk {
	const BYTE *key;
	DWORD len;
	DWORD offset;
	BYTE padded[7];
};

static void walk_start(struct key_walk *w, const struct sysfunc_ustring *key)
{
	w->key = key->Buffer;
	w->len = key->Length;
	w->offset = 0;
	ZeroMemory(w->padded, sizeof(w->padded));
	if (w->len < 7)
		CopyMemory(w->padded, key->Buffer, w->len);
}

/* The 7 key bytes of the next block. */
static const BYTE *walk_next(struct key_walk *w)
{
	const BYTE *k;

	if (w->len < 7)
		return w->padded;
	if (w->offset + 7 > w->len)
		w->offset = w->len - w->offset;
	k = w->key + w->offset;
	w->offset += 7;
	return k;
}

static BOOL key_usable(const struct sysfunc_ustring *key)
{
	return key->Length && key->Buffer;
}

NTSTATUS WINAPI SystemFunction004(const struct sysfunc_ustring *in, const struct sysfunc_ustring *key,
				  struct sysfunc_ustring *out)
{
	struct key_walk w;
	DWORD blocks, needed, n;
	BYTE block[8], pending[8];

	if (!in || !key || !out)
		return STATUS_INVALID_PARAMETER;
	if (!key_usable(key))
		return STATUS_INVALID_PARAMETER_2;
	if (in->Length > 0xffffffffu - 16)
		return STATUS_INVALID_PARAMETER_1;
	blocks = (in->Length + 7) / 8;
	needed = 8 + blocks * 8;
	if (out->MaximumLength < needed)
		return STATUS_BUFFER_TOO_SMALL;
	if (in->Length && !in->Buffer)
		return STATUS_INVALID_PARAMETER_1;
	if (!out->Buffer)
		return STATUS_INVALID_PARAMETER_3;

	/* Front to back, each input block read before the output block that
	 * may overlay it is written (out may be in's buffer). */
	walk_start(&w, key);
	((DWORD *)pending)[0] = in->Length;
	((DWORD *)pending)[1] = 1;
	for (n = 0; n < blocks; n++) {
		DWORD at = n * 8, take = in->Length - at < 8 ? in->Length - at : 8;

		ZeroMemory(block, sizeof(block));
		CopyMemory(block, in->Buffer + at, take);
		sysfunc_des56(walk_next(&w), pending, out->Buffer + at, TRUE);
		CopyMemory(pending, block, sizeof(block));
	}
	sysfunc_des56(walk_next(&w), pending, out->Buffer + blocks * 8, TRUE);
	SecureZeroMemory(pending, sizeof(pending));
	out->Length = needed;
	SecureZeroMemory(block, sizeof(block));
	SecureZeroMemory(&w, sizeof(w));
	return STATUS_SUCCESS;
}

NTSTATUS WINAPI SystemFunction005(const struct sysfunc_ustring *in, const struct sysfunc_ustring *key,
				  struct sysfunc_ustring *out)
{
	struct key_walk w;
	DWORD len, version, at;
	BYTE block[8];

	if (!in || !key || !out)
		return STATUS_INVALID_PARAMETER;
	if (!key_usable(key))
		return STATUS_INVALID_PARAMETER_2;
	if (in->Length < 8 || in->Length % 8 || !in->Buffer)
		return STATUS_INVALID_PARAMETER_1;

	walk_start(&w, key);
	sysfunc_des56(walk_next(&w), in->Buffer, block, FALSE);
	len = ((DWORD *)block)[0];
	version = ((DWORD *)block)[1];
	if (version != 1)
		return STATUS_UNKNOWN_REVISION;
	if (len > in->Length - 8)
		return STATUS_INVALID_PARAMETER_1;
	if (out->MaximumLength < len)
		return STATUS_BUFFER_TOO_SMALL;
	if (len && !out->Buffer)
		return STATUS_INVALID_PARAMETER_3;

	/* Front to back: out may be in's buffer, one block further back. */
	for (at = 0; at < len; at += 8) {
		sysfunc_des56(walk_next(&w), in->Buffer + 8 + at, block, FALSE);
		CopyMemory(out->Buffer + at, block, len - at < 8 ? len - at : 8);
	}
	out->Length = len;
	SecureZeroMemory(block, sizeof(block));
	SecureZeroMemory(&w, sizeof(w));
	return STATUS_SUCCESS;
}
