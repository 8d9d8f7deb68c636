/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * agree.h - agreed keys (CALG_AGREEDKEY_ANY): what importing a peer's
 * Diffie-Hellman PUBLICKEYBLOB with one's private key gives (blob_pair.c).
 * They hold the agreed secret, little-endian, and nothing else until
 * KP_ALGID names a cipher of the provider: then the key becomes a session
 * key of that cipher, its key bytes (and salt) taken from the start of the
 * secret, so both sides get the same.  CryptSetKeyParam's dwFlags say how,
 * as CryptGenKey's would: the length in the upper 16 bits (0: the
 * provider's default), CRYPT_EXPORTABLE, CRYPT_CREATE_SALT, CRYPT_NO_SALT.
 */
#ifndef CSP_AGREE_H
#define CSP_AGREE_H

#include "key.h"

static inline BOOL csp_key_is_agreed(const struct csp_key *k)
{
	return k->alg->id == CALG_AGREEDKEY_ANY;
}

/* KP_ALGID on an agreed key: *k replaced by the session key (the old one
 * destroyed) or left as it was with the error; NTE_BAD_FLAGS for other
 * flags. */
DWORD csp_agreed_set_algid(struct csp_key **k, const BYTE *data, DWORD flags);

#endif
