/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cipher.h - descriptor of one symmetric cipher as the key objects use it:
 * block size, context size and the nettle functions behind it.  Like
 * nettle's struct nettle_cipher, plus optional fast paths for a mode.
 */
#ifndef CSP_CIPHER_H
#define CSP_CIPHER_H

#include <stddef.h>
#include <nettle/nettle-types.h>
#include "wincsp.h"

#define CSP_MAX_BLOCK 16   /* largest block size of any table row, bytes */
#define CSP_MAX_KEY   64   /* largest key (plus salt) of any cipher row, and the
                              * largest HMAC key kept as it is, bytes */

struct csp_cipher {
	DWORD block_size;                 /* bytes; 0 for a stream cipher */
	DWORD ctx_size;                   /* bytes of one key schedule */
	/* key_len counts the salt appended to the key; ekb is RC2's effective
	 * key length in bits (KP_EFFECTIVE_KEYLEN), ignored by the others */
	void (*set_encrypt_key)(void *ctx, const BYTE *key, DWORD key_len, DWORD ekb);
	void (*set_decrypt_key)(void *ctx, const BYTE *key, DWORD key_len, DWORD ekb);
	nettle_cipher_func *encrypt;      /* whole blocks, ECB */
	nettle_cipher_func *decrypt;
	/* optional: nettle's dedicated CBC encryption, faster than the
	 * generic cbc_encrypt loop; NULL when there is none */
	void (*cbc_encrypt)(const void *ctx, BYTE *iv, size_t len, BYTE *dst, const BYTE *src);
};

extern const struct csp_cipher csp_cipher_aes128;
extern const struct csp_cipher csp_cipher_aes192;
extern const struct csp_cipher csp_cipher_aes256;
extern const struct csp_cipher csp_cipher_rc4;
extern const struct csp_cipher csp_cipher_rc2;
extern const struct csp_cipher csp_cipher_des;
extern const struct csp_cipher csp_cipher_3des;     /* K1 K2 K3 */
extern const struct csp_cipher csp_cipher_3des112;  /* K1 K2 K1 */

#endif
