/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cipher_rc4.c - RC4 over nettle's arcfour: a stream cipher (block size 0),
 * one key stream serving both directions, so it has no decryption schedule.
 */
#include <nettle/arcfour.h>
#include "cipher.h"

static void rc4_set_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)
{
	arcfour_set_key(ctx, len, key);
}

const struct csp_cipher csp_cipher_rc4 = {
	0, sizeof(struct arcfour_ctx),
	rc4_set_key, NULL,
	(nettle_cipher_func *)arcfour_crypt,
	(nettle_cipher_func *)arcfour_crypt,
	NULL,
};
