/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * key.c - symmetric key objects: creation under a provider profile (key
 * length and salt rules), duplication, wiping, and CryptEncrypt/
 * CryptDecrypt's sizing and PKCS#5 padding around the modes.
 */
#include <stdlib.h>
#include <string.h>
#include "key.h"
#include "modes.h"
#include "wipe.h"
#include "pair.h"
#include "schannel.h"

DWORD csp_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	const struct csp_alg *alg = csp_alg_find(row->id);
	DWORD b = requested_bits ? requested_bits : row->default_bits;

	if (alg && alg->effective_bits) {
		/* stored with parity bits; either length names the key */
		if (b != alg->effective_bits && b != alg->key_bits)
			return NTE_BAD_FLAGS;
		*bits = alg->key_bits;
		return ERROR_SUCCESS;
	}
	if (b % 8 || b < row->min_bits || b > row->max_bits)
		return NTE_BAD_DATA;
	*bits = b;
	return ERROR_SUCCESS;
}

static void fix_pointers(struct csp_key *k)
{
	const struct csp_cipher *c = k->alg->cipher;

	k->enc_ctx = k + 1;
	/* ciphers with one schedule for both directions share it */
	k->dec_ctx = (c && c->set_decrypt_key) ? (BYTE *)(k + 1) + c->ctx_size : k->enc_ctx;
}

static DWORD key_alloc(const struct csp_alg *alg, DWORD key_len, DWORD flags, struct csp_key **out)
{
	const struct csp_cipher *c = alg->cipher;
	struct csp_key *k;
	size_t size;

	if (key_len > CSP_MAX_KEY)
		return NTE_BAD_DATA;
	size = sizeof(*k) + (c ? (c->set_decrypt_key ? 2 : 1) * (size_t)c->ctx_size : 0);
	if (!(k = calloc(1, size)))
		return NTE_NO_MEMORY;
	if (alg->master && !(k->sch = calloc(1, sizeof(*k->sch)))) {
		free(k);
		return NTE_NO_MEMORY;
	}
	k->alg = alg;
	k->alloc_size = size;
	fix_pointers(k);
	k->key_len = key_len;
	k->mode = (c && c->block_size) ? CRYPT_MODE_CBC : 0;
	k->padding = PKCS5_PADDING;
	k->mode_bits = 8;     /* feedback width, documented default */
	k->permissions = CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC;
	if (flags & CRYPT_EXPORTABLE)
		k->permissions |= CRYPT_EXPORT;
	*out = k;
	return ERROR_SUCCESS;
}

/* Only RC2 and RC4 keys have a salt: the profile's rules (profiles.h).
 * CRYPT_CREATE_SALT wins over CRYPT_NO_SALT. */
static DWORD salt_length(const struct csp_profile *p, const struct csp_alg *alg, DWORD bits, DWORD flags)
{
	if (alg->id != CALG_RC2 && alg->id != CALG_RC4)
		return 0;
	if (flags & CRYPT_CREATE_SALT)
		return bits < 128 ? p->salt->create_len : 0;
	return bits == 40 && !(flags & CRYPT_NO_SALT) ? CSP_SALT_LEN : 0;
}

DWORD csp_key_create(const struct csp_profile *p, ALG_ID id, DWORD flags, struct csp_key **out)
{
	const struct csp_profile_alg *offer = csp_profile_offer(p, id);
	const struct csp_alg *alg = csp_alg_find(id);
	DWORD bits, err;

	if (!offer || !alg || !alg->cipher)
		return NTE_BAD_ALGID;
	if ((err = csp_key_length(offer, HIWORD(flags), &bits)))
		return err;
	if ((err = key_alloc(alg, bits / 8, LOWORD(flags), out)))
		return err;
	(*out)->profile = p;
	(*out)->salt_len = salt_length(p, alg, bits, LOWORD(flags));
	csp_key_restart(*out);
	return ERROR_SUCCESS;
}

void csp_key_load(struct csp_key *k, const BYTE *bytes, DWORD n)
{
	DWORD max = k->key_len + k->salt_len;

	memcpy(k->key, bytes, n < max ? n : max);
	csp_key_restart(k);
}

DWORD csp_key_create_secret(const struct csp_profile *p, const struct csp_alg *alg, const BYTE *bytes,
			    DWORD n, DWORD flags, struct csp_key **out)
{
	struct csp_key *k;
	DWORD err;

	if (!alg || alg->cipher || alg->master)
		return NTE_BAD_ALGID;
	if (n > CSP_MAX_KEY && alg->id != CALG_HMAC && alg->id != CALG_AGREEDKEY_ANY)
		return NTE_BAD_DATA;
	if ((err = key_alloc(alg, n <= CSP_MAX_KEY ? n : 0, flags, &k)))
		return err;
	k->profile = p;
	if (n <= CSP_MAX_KEY) {
		if (bytes)
			memcpy(k->key, bytes, n);
	} else {
		/* kept whole: hashed once the HMAC's hash is known, or an agreed
		 * secret waiting for KP_ALGID */
		if (!(k->long_key = malloc(n))) {
			csp_key_destroy(k);
			return NTE_NO_MEMORY;
		}
		memcpy(k->long_key, bytes, n);
		k->long_len = n;
	}
	*out = k;
	return ERROR_SUCCESS;
}

DWORD csp_key_from_bytes(const struct csp_alg *alg, const BYTE *key, DWORD key_len,
			 DWORD gen_flags, struct csp_key **out)
{
	DWORD err;

	if (!alg || (!alg->cipher && !alg->master))
		return NTE_BAD_ALGID;
	if (key_len > CSP_MAX_KEY || (alg->key_bits && key_len * 8 != alg->key_bits))
		return NTE_BAD_DATA;
	if ((err = key_alloc(alg, key_len, gen_flags, out)))
		return err;
	csp_key_load(*out, key, key_len);
	return ERROR_SUCCESS;
}

DWORD csp_key_import(const struct csp_profile *p, const struct csp_alg *alg, const BYTE *key,
		     DWORD key_len, DWORD flags, struct csp_key **out)
{
	DWORD err;

	if ((err = csp_key_from_bytes(alg, key, key_len, flags & CRYPT_EXPORTABLE, out)))
		return err;
	(*out)->profile = p;
	/* the salt never travels: the importer's default, zero bytes */
	(*out)->salt_len = alg->cipher ? salt_length(p, alg, key_len * 8, flags & CRYPT_NO_SALT) : 0;
	csp_key_restart(*out);
	return ERROR_SUCCESS;
}

DWORD csp_key_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
		       const struct csp_random *rng, struct csp_key **out)
{
	BYTE bytes[CSP_MAX_KEY];
	DWORD err;

	if (!alg || !alg->cipher)
		return NTE_BAD_ALGID;
	if (bits % 8 || bits / 8 > CSP_MAX_KEY)
		return NTE_BAD_DATA;
	if ((err = rng->fill(rng->ctx, bytes, bits / 8)))
		return err;
	err = csp_key_from_bytes(alg, bytes, bits / 8, gen_flags, out);
	csp_wipe(bytes, sizeof(bytes));
	return err;
}

DWORD csp_key_duplicate(const struct csp_key *k, struct csp_key **out)
{
	struct csp_key *d;
	BOOL fail = FALSE;

	if (!(d = malloc(k->alloc_size)))
		return NTE_NO_MEMORY;
	memcpy(d, k, k->alloc_size);
	fix_pointers(d);
	/* the parts owned through pointers: none shared, so destroy can undo */
	d->pair = NULL;
	d->sch = NULL;
	d->long_key = NULL;
	if (k->pair && k->alg->pair->duplicate(k->pair, &d->pair))
		fail = TRUE;
	if (k->sch && (d->sch = malloc(sizeof(*d->sch))))
		memcpy(d->sch, k->sch, sizeof(*d->sch));
	else if (k->sch)
		fail = TRUE;
	if (k->long_key && (d->long_key = malloc(k->long_len)))
		memcpy(d->long_key, k->long_key, k->long_len);
	else if (k->long_key)
		fail = TRUE;
	if (fail) {
		csp_key_destroy(d);
		return NTE_NO_MEMORY;
	}
	*out = d;
	return ERROR_SUCCESS;
}

void csp_key_destroy(struct csp_key *k)
{
	if (!k)
		return;
	if (k->pair)
		k->alg->pair->destroy(k->pair);
	if (k->sch) {
		csp_wipe(k->sch, sizeof(*k->sch));
		free(k->sch);
	}
	if (k->long_key) {
		csp_wipe(k->long_key, k->long_len);
		free(k->long_key);
	}
	csp_wipe(k, k->alloc_size);
	free(k);
}

DWORD csp_key_block_len(const struct csp_key *k)
{
	if (k->pair)
		return k->alg->pair->bits(k->pair) / 8;
	return k->alg->cipher ? k->alg->cipher->block_size : 0;
}

void csp_key_restart(struct csp_key *k)
{
	const struct csp_cipher *c = k->alg->cipher;
	DWORD n = k->key_len + k->salt_len;

	if (!c)
		return;
	memcpy(k->chain, k->iv, sizeof(k->chain));
	/* the schedule too: a stream cipher starts its key stream again, and
	 * salt or effective length may have changed */
	c->set_encrypt_key(k->enc_ctx, k->key, n, k->ekb ? k->ekb : k->key_len * 8);
	if (c->set_decrypt_key)
		c->set_decrypt_key(k->dec_ctx, k->key, n, k->ekb ? k->ekb : k->key_len * 8);
}

DWORD csp_key_check_encrypt(const struct csp_key *k)
{
	const struct csp_profile_alg *offer;

	if (k->alg->id != CALG_RC2 || !k->profile)
		return ERROR_SUCCESS;
	offer = csp_profile_offer(k->profile, CALG_RC2);
	return (!offer || k->key_len * 8 > offer->max_bits) ? NTE_BAD_KEY : ERROR_SUCCESS;
}

/* Stream ciphers: no padding, output as long as input, same both ways. */
static DWORD stream_crypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len, DWORD buflen)
{
	if (!data)
		return ERROR_SUCCESS;
	if (*len > buflen)
		return ERROR_MORE_DATA;
	k->alg->cipher->encrypt(k->enc_ctx, *len, data, data);
	if (final)
		csp_key_restart(k);
	return ERROR_SUCCESS;
}

DWORD csp_key_encrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len, DWORD buflen)
{
	DWORD bs = csp_key_block_len(k), need, i;
	const struct csp_mode *mode;

	if (!k->alg->cipher)
		return NTE_BAD_TYPE;      /* an HMAC key encrypts nothing */
	if (!bs)
		return stream_crypt(k, final, data, len, buflen);
	if (!(mode = csp_mode_find(k->mode)))
		return NTE_BAD_ALGID;
	if (!final && *len % bs)
		return NTE_BAD_DATA;
	need = final ? (*len / bs + 1) * bs : *len;
	if (need < *len)
		return NTE_BAD_LEN;       /* overflow of a DWORD length */
	if (!data) {
		*len = need;
		return ERROR_SUCCESS;
	}
	if (need > buflen) {
		*len = need;
		return ERROR_MORE_DATA;
	}
	for (i = *len; i < need; i++)
		data[i] = (BYTE)(need - *len);
	mode->encrypt(k, data, need);
	*len = need;
	if (final)
		csp_key_restart(k);
	return ERROR_SUCCESS;
}

DWORD csp_key_decrypt(struct csp_key *k, BOOL final, BYTE *data, DWORD *len)
{
	DWORD bs = csp_key_block_len(k), n = *len, pad, i;
	const struct csp_mode *mode;

	if (!k->alg->cipher)
		return NTE_BAD_TYPE;
	if (final && !n)
		return NTE_BAD_LEN;   /* a last part needs at least a byte (Wine 10.0's crypt suite) */
	if (!bs)
		return stream_crypt(k, final, data, len, *len);
	if (!(mode = csp_mode_find(k->mode)))
		return NTE_BAD_ALGID;
	if (n % bs)
		return NTE_BAD_DATA;
	if (n)
		mode->decrypt(k, data, n);
	if (!final)
		return ERROR_SUCCESS;
	csp_key_restart(k);
	pad = data[n - 1];
	if (!pad || pad > bs)
		return NTE_BAD_DATA;
	for (i = 1; i < pad; i++)
		if (data[n - 1 - i] != pad)
			return NTE_BAD_DATA;
	*len = n - pad;
	return ERROR_SUCCESS;
}
