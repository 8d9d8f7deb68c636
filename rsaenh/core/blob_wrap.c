/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_wrap.c - SYMMETRICWRAPKEYBLOB: BLOBHEADER (aiKeyAlg: the wrapped
 * key's algorithm), then the key wrapped by another session key with the
 * IETF key wrap of the wrapping key's cipher:
 *  - triple DES: RFC 3217's Triple-DES key wrap (CMS key checksum, CBC
 *    under a random IV, reversed, CBC again under the fixed IV);
 *  - RC2: RFC 3217's RC2 key wrap (the same, over length || key || pad);
 *  - AES: RFC 3394's AES key wrap (nettle's nist_keywrap16).
 * The unwrap checks the checksum in constant time: a wrong key or a
 * tampered BLOB is NTE_BAD_DATA, and no partial key is ever made.
 */
#include <string.h>
#include <nettle/cbc.h>
#include <nettle/memops.h>
#include <nettle/nist-keywrap.h>
#include <nettle/sha1.h>
#include "blobs.h"
#include "wipe.h"

#define ICV_LEN  8
#define CMS_BLOCK 8
/* the longest wrapped form: IV, length byte, key, pad, checksum */
#define MAX_WRAPPED (CMS_BLOCK + CSP_MAX_KEY + CMS_BLOCK + ICV_LEN)

static const BYTE cms_iv[CMS_BLOCK] = { 0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05 };
static const BYTE aes_iv[8] = { 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6 };

enum wrap_kind { WRAP_NONE, WRAP_CMS_3DES, WRAP_CMS_RC2, WRAP_AES };

static enum wrap_kind wrap_kind(const struct csp_key *kek)
{
	if (!kek || !kek->alg->cipher || kek->pair)
		return WRAP_NONE;
	switch (kek->alg->id) {
	case CALG_3DES:
	case CALG_3DES_112:
		return WRAP_CMS_3DES;
	case CALG_RC2:
		return WRAP_CMS_RC2;
	case CALG_AES_128:
	case CALG_AES_192:
	case CALG_AES_256:
		return WRAP_AES;
	}
	return WRAP_NONE;
}

/* CMS key checksum: the first eight bytes of SHA-1 */
static void cms_checksum(const BYTE *data, DWORD n, BYTE *icv)
{
	struct sha1_ctx ctx;

	sha1_init(&ctx);
	sha1_update(&ctx, n, data);
	sha1_digest(&ctx, ICV_LEN, icv);
	csp_wipe(&ctx, sizeof(ctx));
}

static void reverse(BYTE *p, DWORD n)
{
	DWORD i;

	for (i = 0; i < n / 2; i++) {
		BYTE t = p[i];
		p[i] = p[n - 1 - i];
		p[n - 1 - i] = t;
	}
}

static void cbc(const struct csp_key *kek, BOOL enc, const BYTE *iv_in, BYTE *data, DWORD n)
{
	const struct csp_cipher *c = kek->alg->cipher;
	BYTE iv[CMS_BLOCK];

	memcpy(iv, iv_in, sizeof(iv));
	if (enc)
		cbc_encrypt(kek->enc_ctx, c->encrypt, CMS_BLOCK, iv, n, data, data);
	else
		cbc_decrypt(kek->dec_ctx, c->decrypt, CMS_BLOCK, iv, n, data, data);
}

/* RFC 3217: out = CBC(kek, cms_iv, reverse(iv || CBC(kek, iv, body || ICV))),
 * body being the key (3DES) or length || key || random pad (RC2). */
static DWORD cms_wrap(const struct csp_blob_env *env, enum wrap_kind kind, const struct csp_key *kek,
		      const BYTE *key, DWORD key_len, BYTE *out, DWORD *out_len)
{
	DWORD body = 0, n, err;

	if (kind == WRAP_CMS_RC2) {
		n = (1 + key_len + CMS_BLOCK - 1) / CMS_BLOCK * CMS_BLOCK;
		out[CMS_BLOCK] = (BYTE)key_len;
		memcpy(out + CMS_BLOCK + 1, key, key_len);
		if ((err = env->rng->fill(env->rng->ctx, out + CMS_BLOCK + 1 + key_len, n - 1 - key_len)))
			return err;
		body = n;
	} else {
		if (key_len % CMS_BLOCK)
			return NTE_BAD_KEY;
		memcpy(out + CMS_BLOCK, key, key_len);
		body = key_len;
	}
	cms_checksum(out + CMS_BLOCK, body, out + CMS_BLOCK + body);
	if ((err = env->rng->fill(env->rng->ctx, out, CMS_BLOCK)))
		return err;
	n = CMS_BLOCK + body + ICV_LEN;
	cbc(kek, TRUE, out, out + CMS_BLOCK, body + ICV_LEN);
	reverse(out, n);
	cbc(kek, TRUE, cms_iv, out, n);
	*out_len = n;
	return ERROR_SUCCESS;
}

/* The inverse; key gets the unwrapped key, NTE_BAD_DATA when it is not one. */
static DWORD cms_unwrap(enum wrap_kind kind, const struct csp_key *kek, const BYTE *in, DWORD n,
			BYTE *key, DWORD *key_len)
{
	BYTE buf[MAX_WRAPPED], icv[ICV_LEN];
	DWORD body, start = 0, len, ok;

	if (n % CMS_BLOCK || n < CMS_BLOCK + CMS_BLOCK + ICV_LEN || n > sizeof(buf))
		return NTE_BAD_DATA;
	memcpy(buf, in, n);
	cbc(kek, FALSE, cms_iv, buf, n);
	reverse(buf, n);
	cbc(kek, FALSE, buf, buf + CMS_BLOCK, n - CMS_BLOCK);
	body = n - CMS_BLOCK - ICV_LEN;
	cms_checksum(buf + CMS_BLOCK, body, icv);
	ok = memeql_sec(icv, buf + CMS_BLOCK + body, ICV_LEN);
	len = body;
	if (kind == WRAP_CMS_RC2) {
		len = buf[CMS_BLOCK];
		start = 1;
		/* the pad is shorter than a block */
		ok &= len + 1 <= body && body - (len + 1) < CMS_BLOCK;
	}
	if (ok && len <= CSP_MAX_KEY) {
		memcpy(key, buf + CMS_BLOCK + start, len);
		*key_len = len;
	}
	csp_wipe(buf, sizeof(buf));
	return ok && len <= CSP_MAX_KEY ? ERROR_SUCCESS : NTE_BAD_DATA;
}

static DWORD symwrap_export(const struct csp_blob_env *env, const struct csp_key *k,
			    const struct csp_key *kek, DWORD flags, BYTE *data, DWORD *len)
{
	enum wrap_kind kind = wrap_kind(kek);
	BYTE out[MAX_WRAPPED];
	DWORD n, err;
	BOOL write;

	if (kind == WRAP_NONE || !k->alg->cipher)
		return NTE_BAD_KEY;
	if (!(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	if (kind == WRAP_AES) {
		/* RFC 3394 wraps whole 64-bit blocks, at least two */
		if (k->key_len % 8 || k->key_len < 16)
			return NTE_BAD_KEY;
		n = k->key_len + 8;
	} else if (kind == WRAP_CMS_RC2)
		n = CMS_BLOCK + (1 + k->key_len + CMS_BLOCK - 1) / CMS_BLOCK * CMS_BLOCK + ICV_LEN;
	else if (k->key_len % CMS_BLOCK)
		return NTE_BAD_KEY;
	else
		n = CMS_BLOCK + k->key_len + ICV_LEN;
	if ((err = csp_blob_sizing(data, len, CSP_BLOB_HEADER + n, &write)) || !write)
		return err;
	if (kind == WRAP_AES)
		nist_keywrap16(kek->enc_ctx, kek->alg->cipher->encrypt, aes_iv, n, out, k->key);
	else if ((err = cms_wrap(env, kind, kek, k->key, k->key_len, out, &n)))
		return err;
	csp_blob_write_header(data, SYMMETRICWRAPKEYBLOB, k->alg->id);
	memcpy(data + CSP_BLOB_HEADER, out, n);
	csp_wipe(out, sizeof(out));
	return ERROR_SUCCESS;
}

static DWORD symwrap_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			    const struct csp_key *kek, DWORD flags, struct csp_key **out)
{
	enum wrap_kind kind = wrap_kind(kek);
	const struct csp_profile_alg *offer;
	ALG_ID alg = csp_get_u32(data + 4);
	BYTE key[CSP_MAX_KEY];
	DWORD n = len - CSP_BLOB_HEADER, key_len = 0, err;

	if (kind == WRAP_NONE)
		return NTE_BAD_KEY;
	if (!(offer = csp_profile_offer(env->profile, alg)) || !csp_alg_find(alg)->cipher)
		return NTE_BAD_ALGID;
	if (kind == WRAP_AES) {
		if (n % 8 || n < 24 || n - 8 > CSP_MAX_KEY)
			return NTE_BAD_DATA;
		key_len = n - 8;
		err = nist_keyunwrap16(kek->dec_ctx, kek->alg->cipher->decrypt, aes_iv, key_len, key,
				       data + CSP_BLOB_HEADER) ? ERROR_SUCCESS : NTE_BAD_DATA;
	} else
		err = cms_unwrap(kind, kek, data + CSP_BLOB_HEADER, n, key, &key_len);
	if (!err)
		err = csp_blob_check_key_length(offer, key_len);
	if (!err)
		err = csp_key_import(env->profile, csp_alg_find(alg), key, key_len, flags, out);
	csp_wipe(key, sizeof(key));
	return err;
}

const struct csp_blob_ops csp_blob_symwrap = { SYMMETRICWRAPKEYBLOB, symwrap_import, symwrap_export };
