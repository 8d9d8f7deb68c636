/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash_mac.c - the keyed hash rows.  CALG_MAC is a CBC-MAC: the data runs
 * through a private copy of a block-cipher key (its mode and IV), the last
 * block padded as CryptEncrypt pads it, and the last cipher block is the
 * value.  CALG_HMAC waits for HP_HMAC_INFO to name its hash and strings
 * (64 bytes of 0x36 / 0x5c by default) and XORs the key into them, so a
 * caller's longer strings give the RFC 2104 HMAC of wider hashes.
 */
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "wipe.h"

/* --- CALG_MAC ------------------------------------------------------------ */

static DWORD mac_init(struct csp_hash *h, struct csp_key *key)
{
	DWORD err;

	/* a block cipher's key: a key pair's "block" is its modulus */
	if (!key || !key->alg->cipher || !csp_key_block_len(key))
		return NTE_BAD_KEY;
	if ((err = csp_key_duplicate(key, &h->key)))
		return err;
	/* the MAC starts from the key's IV, whatever the key was doing */
	csp_key_restart(h->key);
	h->size = csp_key_block_len(key);
	return ERROR_SUCCESS;
}

static DWORD mac_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	DWORD bs = h->size, n, err;

	while (len) {
		n = bs - h->buffered;
		if (n > len)
			n = (DWORD)len;
		memcpy(h->buf + h->buffered, data, n);
		h->buffered += n;
		data += n;
		len -= n;
		if (h->buffered == bs) {
			n = bs;
			if ((err = csp_key_encrypt(h->key, FALSE, h->buf, &n, bs)))
				return err;
			memcpy(h->value, h->buf, bs);
			h->buffered = 0;
		}
	}
	return ERROR_SUCCESS;
}

static void mac_finish(struct csp_hash *h)
{
	DWORD n = h->buffered;

	/* the final block is padded like CryptEncrypt's last one */
	if (!csp_key_encrypt(h->key, TRUE, h->buf, &n, h->size))
		memcpy(h->value, h->buf + n - h->size, h->size);
	csp_wipe(h->buf, sizeof(h->buf));
}

static DWORD mac_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	return NTE_BAD_ALGID;
}

const struct csp_hash_ops csp_hash_mac = { mac_init, mac_update, mac_finish, mac_oneshot, TRUE, NULL };

/* --- CALG_HMAC ----------------------------------------------------------- */

static DWORD hmac_init(struct csp_hash *h, struct csp_key *key)
{
	if (!key)
		return NTE_BAD_KEY;
	return csp_key_duplicate(key, &h->key);
}

static DWORD hmac_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	if (!h->nh)
		return NTE_BAD_HASH_STATE;    /* HP_HMAC_INFO not set yet */
	h->nh->update(&h->ctx, len, data);
	return ERROR_SUCCESS;
}

static void hmac_outer(const struct csp_hash *h, union csp_hash_ctx *ctx, BYTE *out)
{
	BYTE inner[CSP_MAX_DIGEST];

	h->nh->digest(ctx, h->nh->digest_size, inner);
	h->nh->init(ctx);
	h->nh->update(ctx, h->outer_len, h->outer);
	h->nh->update(ctx, h->nh->digest_size, inner);
	h->nh->digest(ctx, h->nh->digest_size, out);
	csp_wipe(inner, sizeof(inner));
}

static void hmac_finish(struct csp_hash *h)
{
	if (h->nh)
		hmac_outer(h, &h->ctx, h->value);
}

static DWORD hmac_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	union csp_hash_ctx ctx;

	if (!h->nh)
		return NTE_BAD_HASH_STATE;
	h->nh->init(&ctx);
	h->nh->update(&ctx, h->inner_len, h->inner);
	h->nh->update(&ctx, len, data);
	hmac_outer(h, &ctx, out);
	csp_wipe(&ctx, sizeof(ctx));
	return ERROR_SUCCESS;
}

const struct csp_hash_ops csp_hash_hmac = { hmac_init, hmac_update, hmac_finish, hmac_oneshot, TRUE, NULL };

/* One HMAC_INFO string: the caller's, or CSP_HMAC_PAD bytes of fill; the
 * key XORed into its start. */
static BYTE *hmac_string(const BYTE *s, DWORD len, BYTE fill, const BYTE *key, DWORD key_len,
			 DWORD *out_len)
{
	DWORD n = len ? len : CSP_HMAC_PAD, i;
	BYTE *p = malloc(n);

	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	else
		memset(p, fill, n);
	for (i = 0; i < n && i < key_len; i++)
		p[i] ^= key[i];
	*out_len = n;
	return p;
}

DWORD csp_hash_set_hmac_info(struct csp_hash *h, const HMAC_INFO *info)
{
	const struct csp_alg *inner = csp_alg_find(info->HashAlgid);
	const struct csp_key *k = h->key;
	BYTE digest[CSP_MAX_DIGEST];
	const BYTE *key;
	DWORD key_len;
	BYTE *is, *os;
	DWORD il = 0, ol = 0;

	if (h->alg->hash_ops != &csp_hash_hmac)
		return NTE_BAD_TYPE;
	key = k->key;
	key_len = k->key_len;
	if (!inner || !inner->hash)
		return NTE_BAD_ALGID;
	if ((info->cbInnerString && !info->pbInnerString) || (info->cbOuterString && !info->pbOuterString))
		return ERROR_INVALID_PARAMETER;
	if (k->long_key) {
		/* a key longer than we keep is replaced by its hash (RFC 2104) */
		union csp_hash_ctx ctx;

		inner->hash->init(&ctx);
		inner->hash->update(&ctx, k->long_len, k->long_key);
		inner->hash->digest(&ctx, inner->hash->digest_size, digest);
		csp_wipe(&ctx, sizeof(ctx));
		key = digest;
		key_len = inner->hash->digest_size;
	}
	is = hmac_string(info->pbInnerString, info->cbInnerString, 0x36, key, key_len, &il);
	os = hmac_string(info->pbOuterString, info->cbOuterString, 0x5c, key, key_len, &ol);
	csp_wipe(digest, sizeof(digest));
	if (!is || !os) {
		free(is);
		free(os);
		return NTE_NO_MEMORY;
	}
	if (h->inner) {
		csp_wipe(h->inner, h->inner_len);
		free(h->inner);
	}
	if (h->outer) {
		csp_wipe(h->outer, h->outer_len);
		free(h->outer);
	}
	h->inner = is;
	h->inner_len = il;
	h->outer = os;
	h->outer_len = ol;
	h->nh = inner->hash;
	h->size = h->nh->digest_size;
	h->finished = FALSE;
	h->nh->init(&h->ctx);
	h->nh->update(&h->ctx, h->inner_len, h->inner);
	return ERROR_SUCCESS;
}
