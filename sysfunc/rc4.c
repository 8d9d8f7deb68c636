/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rc4.c - SystemFunction032/033: RC4 over a counted byte string, in place,
 * keyed by another.  RC4's key schedule reads at most 256 key bytes, so a
 * longer key is the same as its first 256 bytes.
 */
#include <nettle/arcfour.h>
#include "sysfunc.h"

static NTSTATUS rc4_in_place(struct sysfunc_ustring *data, const struct sysfunc_ustring *key)
{
	struct arcfour_ctx ctx;

	if (!data || !key)
		return STATUS_INVALID_PARAMETER;
	if (!key->Length || !key->Buffer)
		return STATUS_INVALID_PARAMETER_2;
	if (data->Length && !data->Buffer)
		return STATUS_INVALID_PARAMETER_1;
	arcfour_set_key(&ctx, key->Length < ARCFOUR_MAX_KEY_SIZE ? key->Length : ARCFOUR_MAX_KEY_SIZE, key->Buffer);
	arcfour_crypt(&ctx, data->Length, data->Buffer, data->Buffer);
	SecureZeroMemory(&ctx, sizeof(ctx));
	return STATUS_SUCCESS;
}

NTSTATUS WINAPI SystemFunction032(struct sysfunc_ustring *data, const struct sysfunc_ustring *key)
{
	return rc4_in_place(data, key);
}

NTSTATUS WINAPI SystemFunction033(struct sysfunc_ustring *data, const struct sysfunc_ustring *key)
{
	return rc4_in_place(data, key);
}
