/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cipher_des.c - DES and triple DES over nettle's des/des3.  Keys are
 * stored as Windows stores them: 8 bytes for DES, 16 for CALG_3DES_112
 * (the third DES key is the first again), 24 for CALG_3DES.  nettle
 * ignores the parity bits, as Windows does when it uses a key; weak keys
 * are used as they are, since Windows does not refuse them either.
 */
#include <string.h>
#include <nettle/des.h>
#include "cipher.h"
#include "wipe.h"

static void des_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)
{
	des_set_key(ctx, key);
}

static void des3_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)
{
	des3_set_key(ctx, key);
}

static void des3_112_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)
{
	BYTE k[DES3_KEY_SIZE];

	memcpy(k, key, 2 * DES_KEY_SIZE);
	memcpy(k + 2 * DES_KEY_SIZE, key, DES_KEY_SIZE);
	des3_set_key(ctx, k);
	csp_wipe(k, sizeof(k));
}

const struct csp_cipher csp_cipher_des = {
	DES_BLOCK_SIZE, sizeof(struct des_ctx), des_key, NULL,
	(nettle_cipher_func *)des_encrypt, (nettle_cipher_func *)des_decrypt, NULL,
};

const struct csp_cipher csp_cipher_3des = {
	DES3_BLOCK_SIZE, sizeof(struct des3_ctx), des3_key, NULL,
	(nettle_cipher_func *)des3_encrypt, (nettle_cipher_func *)des3_decrypt, NULL,
};

const struct csp_cipher csp_cipher_3des112 = {
	DES3_BLOCK_SIZE, sizeof(struct des3_ctx), des3_112_key, NULL,
	(nettle_cipher_func *)des3_encrypt, (nettle_cipher_func *)des3_decrypt, NULL,
};
