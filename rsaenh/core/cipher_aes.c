/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cipher_aes.c - AES-128/192/256 descriptors over nettle, using nettle's
 * dedicated cbc_aesNNN_encrypt (present since nettle 3.8) for CBC speed.
 */
#include <nettle/aes.h>
#include <nettle/cbc.h>
#include "cipher.h"

/* nettle's set-key functions take no length: the row fixes it. */
#define AES_VARIANT(bits)                                                          \
static void aes##bits##_enc_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)\
{ (void)len; aes##bits##_set_encrypt_key(ctx, key); }                             \
static void aes##bits##_dec_key(void *ctx, const BYTE *key, DWORD len, DWORD ekb)\
{ (void)len; aes##bits##_set_decrypt_key(ctx, key); }                             \
static void aes##bits##_cbc(const void *ctx, BYTE *iv, size_t len, BYTE *dst,     \
			    const BYTE *src)                                      \
{ cbc_aes##bits##_encrypt(ctx, iv, len, dst, src); }                              \
const struct csp_cipher csp_cipher_aes##bits = {                                  \
	AES_BLOCK_SIZE, sizeof(struct aes##bits##_ctx),                           \
	aes##bits##_enc_key, aes##bits##_dec_key,                                 \
	(nettle_cipher_func *)aes##bits##_encrypt,                                \
	(nettle_cipher_func *)aes##bits##_decrypt,                                \
	aes##bits##_cbc,                                                          \
};

AES_VARIANT(128)
AES_VARIANT(192)
AES_VARIANT(256)
