/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cipher_rc2.c - RC2 over nettle's arctwo (RFC 2268).  The key schedule
 * takes the key bytes with any salt appended and the effective key length
 * (KP_EFFECTIVE_KEYLEN) separately, as Windows' rsaenh does.
 */
#include <nettle/arctwo.h>
#include "cipher.h"

static void rc2_set_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)
{
	/* nettle takes 1..128 key bytes; ekb 0 would mean 1024 bits to it too */
	arctwo_set_key_ekb(ctx, len ? len : 1, key, ekb);
}

const struct csp_cipher csp_cipher_rc2 = {
	ARCTWO_BLOCK_SIZE, sizeof(struct arctwo_ctx),
	rc2_set_key, NULL,     /* one schedule serves both directions */
	(nettle_cipher_func *)arctwo_encrypt,
	(nettle_cipher_func *)arctwo_decrypt,
	NULL,
};
