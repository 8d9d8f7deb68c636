/*
 * key.c - symmetric key objects: creation, duplication, wiping, and
 * CryptEncrypt/CryptDecrypt's sizing and PKCS#5 padding around the modes.
 */
#include <stdlib.h>
#include <string.h>
#include "key.h"
#include "modes.h"
#include "wipe.h"
#include "rsa.h"

DWORD csp_key_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	DWORD b = requested_bits ? requested_bits : row->default_bits;

	if (b % 8 || b < row->min_bits || b > row->max_bits)
		return NTE_BAD_DATA;
	*bits = b;
	return ERROR_SUCCESS;
}

static void fix_pointers(struct csp_key *k)
{
	k->enc_ctx = k + 1;
	k->dec_ctx = (BYTE *)(k + 1) + k->alg->cipher->ctx_size;
}

DWORD csp_key_from_bytes(const struct csp_alg *alg, const BYTE *key, DWORD key_len,
			 DWORD gen_flags, struct csp_key **out)
{
	const struct csp_cipher *c;
	struct csp_key *k;
	size_t size;

	if (!alg || !(c = alg->cipher))
		return NTE_BAD_ALGID;
	if (key_len > CSP_MAX_KEY || (alg->key_bits && key_len * 8 != alg->key_bits))
		return NTE_BAD_DATA;
	size = sizeof(*k) + 2 * (size_t)c->ctx_size;
	if (!(k = calloc(1, size)))
		return NTE_NO_MEMORY;
	k->alg = alg;
	k->alloc_size = size;
	fix_pointers(k);
	k->key_len = key_len;
	memcpy(k->key, key, key_len);
	k->mode = c->block_size ? CRYPT_MODE_CBC : 0;
	k->padding = PKCS5_PADDING;
	k->mode_bits = 8;     /* feedback width, documented default */
	k->permissions = CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC;
	if (gen_flags & CRYPT_EXPORTABLE)
		k->permissions |= CRYPT_EXPORT;
	c->set_encrypt_key(k->enc_ctx, k->key, key_len);
	if (c->set_decrypt_key)
		c->set_decrypt_key(k->dec_ctx, k->key, key_len);
	*out = k;
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

	if (!(d = malloc(k->alloc_size)))
		return NTE_NO_MEMORY;
	memcpy(d, k, k->alloc_size);
	if (k->rsa) {
		d->rsa = NULL;
		if (csp_rsa_duplicate(k->rsa, &d->rsa)) {
			free(d);
			return NTE_NO_MEMORY;
		}
	} else
		fix_pointers(d);
	*out = d;
	return ERROR_SUCCESS;
}

void csp_key_destroy(struct csp_key *k)
{
	if (!k)
		return;
	csp_rsa_destroy(k->rsa);
	csp_wipe(k, k->alloc_size);
	free(k);
}

DWORD csp_key_block_len(const struct csp_key *k)
{
	if (k->rsa)
		return csp_rsa_bytes(k->rsa);
	return k->alg->cipher->block_size;
}

void csp_key_restart(struct csp_key *k)
{
	const struct csp_cipher *c = k->alg->cipher;

	if (!c)
		return;    /* RSA keys carry no chaining state */
	if (c->block_size)
		memcpy(k->chain, k->iv, sizeof(k->chain));
	else    /* a stream cipher starts its key stream again */
		c->set_encrypt_key(k->enc_ctx, k->key, k->key_len);
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
	if (!n)
		return NTE_BAD_DATA;
	pad = data[n - 1];
	if (!pad || pad > bs)
		return NTE_BAD_DATA;
	for (i = 1; i < pad; i++)
		if (data[n - 1 - i] != pad)
			return NTE_BAD_DATA;
	*len = n - pad;
	return ERROR_SUCCESS;
}
