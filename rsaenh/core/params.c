/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * params.c - KP_* / HP_* get and set, dispatched through small tables.
 */
#include <string.h>
#include "params.h"
#include "modes.h"
#include "pair.h"
#include "schannel.h"

DWORD csp_copy_out(BYTE *data, DWORD *len, const void *value, DWORD size)
{
	if (!data) {
		*len = size;
		return ERROR_SUCCESS;
	}
	if (*len < size) {
		*len = size;
		return ERROR_MORE_DATA;
	}
	memcpy(data, value, size);
	*len = size;
	return ERROR_SUCCESS;
}

/* --- key parameters ------------------------------------------------------ */

/* A getter writes the value into out (at most CSP_MAX_KEY bytes) and
 * returns its size, or sets *err. */
typedef DWORD (*key_getter)(const struct csp_key *k, BYTE *out, DWORD *err);
typedef DWORD (*key_setter)(struct csp_key *k, const BYTE *data);

static DWORD put_dword(BYTE *out, DWORD v)
{
	memcpy(out, &v, sizeof(v));
	return sizeof(v);
}

static DWORD get_dword(const BYTE *data)
{
	DWORD v;

	memcpy(&v, data, sizeof(v));   /* callers' buffers need not be aligned */
	return v;
}

static DWORD kp_get_iv(const struct csp_key *k, BYTE *out, DWORD *err)
{
	memcpy(out, k->iv, csp_key_block_len(k));
	return csp_key_block_len(k);
}

static DWORD kp_get_padding(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->padding); }
static DWORD kp_get_mode(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->mode); }
static DWORD kp_get_mode_bits(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->mode_bits); }
static DWORD kp_get_perms(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->permissions); }
static DWORD kp_get_algid(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->alg->id); }
static DWORD kp_get_keylen(const struct csp_key *k, BYTE *out, DWORD *err) { return put_dword(out, k->key_len * 8); }
static DWORD kp_get_blocklen(const struct csp_key *k, BYTE *out, DWORD *err)
{
	return put_dword(out, csp_key_block_len(k) * 8);
}

static BOOL salted(const struct csp_key *k)
{
	return k->alg->id == CALG_RC2 || k->alg->id == CALG_RC4;
}

static DWORD kp_get_salt(const struct csp_key *k, BYTE *out, DWORD *err)
{
	if (!salted(k)) {
		*err = NTE_BAD_KEY;
		return 0;
	}
	memcpy(out, k->key + k->key_len, k->salt_len);
	return k->salt_len;
}

static DWORD kp_get_effective(const struct csp_key *k, BYTE *out, DWORD *err)
{
	return put_dword(out, k->ekb ? k->ekb : k->key_len * 8);
}

static DWORD kp_set_iv(struct csp_key *k, const BYTE *data)
{
	memcpy(k->iv, data, csp_key_block_len(k));
	csp_key_restart(k);
	return ERROR_SUCCESS;
}

static DWORD kp_set_padding(struct csp_key *k, const BYTE *data)
{
	/* Microsoft's providers know only PKCS#5 padding */
	return get_dword(data) == PKCS5_PADDING ? ERROR_SUCCESS : NTE_BAD_DATA;
}

static DWORD kp_set_mode(struct csp_key *k, const BYTE *data)
{
	DWORD mode = get_dword(data);

	/* the DSS providers know ECB, CBC and CFB only, and say so at once */
	if (k->profile && (k->profile->quirks & CSP_QUIRK_STRICT_MODES) && mode != CRYPT_MODE_ECB &&
	    mode != CRYPT_MODE_CBC && mode != CRYPT_MODE_CFB)
		return NTE_BAD_DATA;
	/* elsewhere any value is kept; an unusable one fails at encryption (NTE_BAD_ALGID) */
	k->mode = mode;
	return ERROR_SUCCESS;
}

static DWORD kp_set_mode_bits(struct csp_key *k, const BYTE *data)
{
	k->mode_bits = get_dword(data);
	return ERROR_SUCCESS;
}

static DWORD kp_set_perms(struct csp_key *k, const BYTE *data)
{
	DWORD perms = get_dword(data);

	/* export permission can never be granted afterwards, and clearing it
	 * is ignored, as on Windows */
	if ((perms & CRYPT_EXPORT) && !(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_DATA;
	k->permissions = perms | (k->permissions & CRYPT_EXPORT);
	return ERROR_SUCCESS;
}

#define BASE_SALT_LEN 11   /* KP_SALT always sets eleven bytes (documented) */

static DWORD kp_set_salt(struct csp_key *k, const BYTE *data)
{
	if (!salted(k) || k->key_len + BASE_SALT_LEN > CSP_MAX_KEY)
		return NTE_BAD_KEY;
	memcpy(k->key + k->key_len, data, BASE_SALT_LEN);
	k->salt_len = BASE_SALT_LEN;
	csp_key_restart(k);
	/* the newer providers use the salt for this schedule only: their
	 * next restart runs without it, as Windows' do */
	if (!k->profile || !k->profile->salt->keep_set_salt)
		k->salt_len = 0;
	return ERROR_SUCCESS;
}

#define MAX_SALT_EX 24     /* 184 bits, rounded up to bytes */

static DWORD kp_set_salt_ex(struct csp_key *k, const BYTE *data)
{
	CRYPT_INTEGER_BLOB blob;

	memcpy(&blob, data, sizeof(blob));
	if (blob.cbData > MAX_SALT_EX || k->key_len + blob.cbData > CSP_MAX_KEY || !k->alg->cipher)
		return NTE_BAD_DATA;
	if (blob.cbData && !blob.pbData)
		return ERROR_INVALID_PARAMETER;
	if (blob.cbData)       /* {0, NULL} clears the salt */
		memcpy(k->key + k->key_len, blob.pbData, blob.cbData);
	k->salt_len = blob.cbData;
	csp_key_restart(k);
	return ERROR_SUCCESS;
}

#define MAX_EFFECTIVE_BITS 1024   /* RC2's largest effective key length */
#define BASE_RC2_BITS 40          /* the Base provider's only one */

static DWORD kp_set_effective(struct csp_key *k, const BYTE *data)
{
	DWORD bits = get_dword(data), err = ERROR_SUCCESS;

	if (k->alg->id != CALG_RC2)
		return NTE_BAD_TYPE;
	if (!bits || bits > MAX_EFFECTIVE_BITS)
		return NTE_BAD_DATA;
	/* the Base provider forces its default and reports the attempt */
	if (k->profile && (k->profile->quirks & CSP_QUIRK_FIXED_EFFECTIVE_LEN) && bits != BASE_RC2_BITS) {
		bits = BASE_RC2_BITS;
		err = NTE_BAD_DATA;
	}
	k->ekb = bits;
	csp_key_restart(k);
	return err;
}

static const struct {
	DWORD param;
	key_getter get;
	key_setter set;
} key_params[] = {
	{ KP_IV, kp_get_iv, kp_set_iv },
	{ KP_SALT, kp_get_salt, kp_set_salt },
	{ KP_SALT_EX, NULL, kp_set_salt_ex },
	{ KP_PADDING, kp_get_padding, kp_set_padding },
	{ KP_MODE, kp_get_mode, kp_set_mode },
	{ KP_MODE_BITS, kp_get_mode_bits, kp_set_mode_bits },
	{ KP_PERMISSIONS, kp_get_perms, kp_set_perms },
	{ KP_ALGID, kp_get_algid, NULL },
	{ KP_BLOCKLEN, kp_get_blocklen, NULL },
	{ KP_KEYLEN, kp_get_keylen, NULL },
	{ KP_EFFECTIVE_KEYLEN, kp_get_effective, kp_set_effective },
	{ KP_SCHANNEL_ALG, NULL, csp_schannel_set_alg },
	{ KP_CLIENT_RANDOM, NULL, csp_schannel_set_client_random },
	{ KP_SERVER_RANDOM, NULL, csp_schannel_set_server_random },
};

#define N_KEY_PARAMS (sizeof(key_params) / sizeof(key_params[0]))

DWORD csp_key_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len)
{
	BYTE value[CSP_MAX_KEY];
	DWORD i, size, err = ERROR_SUCCESS;

	if (k->pair)
		return csp_pair_get_param(k, param, data, len);
	for (i = 0; i < N_KEY_PARAMS; i++) {
		if (key_params[i].param != param || !key_params[i].get)
			continue;
		size = key_params[i].get(k, value, &err);
		return err ? err : csp_copy_out(data, len, value, size);
	}
	return NTE_BAD_TYPE;
}

DWORD csp_key_set_param(struct csp_key *k, DWORD param, const BYTE *data)
{
	DWORD i;

	if (k->pair)
		return csp_pair_set_param(k, param, data);
	for (i = 0; i < N_KEY_PARAMS; i++)
		if (key_params[i].param == param && key_params[i].set)
			return key_params[i].set(k, data);
	return NTE_BAD_TYPE;
}

/* --- hash parameters ----------------------------------------------------- */

DWORD csp_hash_get_param(struct csp_hash *h, DWORD param, BYTE *data, DWORD *len)
{
	DWORD v;

	switch (param) {   /* three rows, each a one-liner: a table buys nothing */
	case HP_ALGID:
		v = h->alg->id;
		return csp_copy_out(data, len, &v, sizeof(v));
	case HP_HASHSIZE:
		v = csp_hash_size(h);
		return csp_copy_out(data, len, &v, sizeof(v));
	case HP_HASHVAL:
		if (h->alg->hash_ops->get_value)
			return h->alg->hash_ops->get_value(h, data, len);
		/* reading the value (even its size) finishes the hash, as on Windows */
		return csp_copy_out(data, len, csp_hash_value(h), csp_hash_size(h));
	}
	return NTE_BAD_TYPE;
}

DWORD csp_hash_set_param(struct csp_hash *h, DWORD param, const BYTE *data)
{
	HMAC_INFO info;
	CRYPT_DATA_BLOB blob;

	switch (param) {
	case HP_HASHVAL:
		csp_hash_set_value(h, data);
		return ERROR_SUCCESS;
	case HP_HMAC_INFO:
		memcpy(&info, data, sizeof(info));
		return csp_hash_set_hmac_info(h, &info);
	case HP_TLS1PRF_LABEL:
	case HP_TLS1PRF_SEED:
		memcpy(&blob, data, sizeof(blob));
		return csp_tls1prf_set_param(h, param, &blob);
	}
	return NTE_BAD_TYPE;
}
