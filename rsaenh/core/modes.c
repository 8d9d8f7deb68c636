/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * modes.c - ECB, CBC and 8-bit CFB over a key's nettle schedules (Windows'
 * rsaenh CFB feeds back one byte at a time: nettle's cfb8).
 */
#include <nettle/cbc.h>
#include <nettle/cfb.h>
#include "modes.h"

static void ecb_enc(struct csp_key *k, BYTE *data, size_t len)
{
	k->alg->cipher->encrypt(k->enc_ctx, len, data, data);
}

static void ecb_dec(struct csp_key *k, BYTE *data, size_t len)
{
	k->alg->cipher->decrypt(k->dec_ctx, len, data, data);
}

static void cbc_enc(struct csp_key *k, BYTE *data, size_t len)
{
	const struct csp_cipher *c = k->alg->cipher;

	if (c->cbc_encrypt)
		c->cbc_encrypt(k->enc_ctx, k->chain, len, data, data);
	else
		cbc_encrypt(k->enc_ctx, c->encrypt, c->block_size, k->chain, len, data, data);
}

static void cbc_dec(struct csp_key *k, BYTE *data, size_t len)
{
	const struct csp_cipher *c = k->alg->cipher;

	cbc_decrypt(k->dec_ctx, c->decrypt, c->block_size, k->chain, len, data, data);
}

static void cfb8_enc(struct csp_key *k, BYTE *data, size_t len)
{
	const struct csp_cipher *c = k->alg->cipher;

	cfb8_encrypt(k->enc_ctx, c->encrypt, c->block_size, k->chain, len, data, data);
}

static void cfb8_dec(struct csp_key *k, BYTE *data, size_t len)
{
	const struct csp_cipher *c = k->alg->cipher;

	/* CFB decrypts with the forward cipher */
	cfb8_decrypt(k->enc_ctx, c->encrypt, c->block_size, k->chain, len, data, data);
}

static const struct csp_mode modes[] = {
	{ CRYPT_MODE_CBC, 0, cbc_enc, cbc_dec },
	{ CRYPT_MODE_ECB, 0, ecb_enc, ecb_dec },
	{ CRYPT_MODE_CFB, 8, cfb8_enc, cfb8_dec },
};

const struct csp_mode *csp_mode_find(DWORD id)
{
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (modes[i].id == id)
			return &modes[i];
	return NULL;
}
