/*
 * blob_rsa.c - the RSA key BLOB handlers: PUBLICKEYBLOB, PRIVATEKEYBLOB
 * (optionally encrypted with a session key) and SIMPLEBLOB (a session key
 * under an RSA key exchange key, PKCS#1 v1.5 or OAEP, little-endian).
 * Every BLOB starts with BLOBHEADER (bType, bVersion 2, reserved 0,
 * aiKeyAlg); blobs.c has checked the header.
 */
#include <stdlib.h>
#include <string.h>
#include "blobs.h"
#include "rsa_key.h"
#include "wipe.h"

#define HEADER_SIZE CSP_BLOB_HEADER

/* A key pair's length must be one the profile offers for its algorithm. */
static DWORD check_rsa_alg(const struct csp_blob_env *env, ALG_ID alg, const struct csp_alg **row,
			   const struct csp_profile_alg **offer)
{
	*offer = csp_profile_offer(env->profile, alg);
	*row = csp_alg_find(alg);
	if (!*offer || !csp_alg_is_rsa(*row))
		return NTE_BAD_ALGID;
	return ERROR_SUCCESS;
}

static DWORD make_rsa_key(const struct csp_blob_env *env, ALG_ID alg, struct csp_rsa *rsa,
			  DWORD flags, struct csp_key **out)
{
	const struct csp_profile_alg *offer;
	const struct csp_alg *row;
	DWORD err;

	if ((err = check_rsa_alg(env, alg, &row, &offer))) {
		csp_rsa_destroy(rsa);
		return err;
	}
	if (rsa->bits < offer->min_bits || rsa->bits > offer->max_bits) {
		csp_rsa_destroy(rsa);
		return NTE_BAD_DATA;
	}
	return csp_key_from_rsa(row, rsa, flags, out);
}

/* --- PUBLICKEYBLOB --------------------------------------------------------- */

static DWORD export_public(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	DWORD err;
	BOOL write;

	if (!k->rsa || wrap)
		return NTE_BAD_KEY;
	err = csp_blob_sizing(data, len, HEADER_SIZE + csp_rsa_public_blob_size(k->rsa), &write);
	if (!err && write) {
		csp_blob_write_header(data, PUBLICKEYBLOB, k->alg->id);
		csp_rsa_write_public(k->rsa, data + HEADER_SIZE);
	}
	return err;
}

static DWORD import_public_body(const struct csp_blob_env *env, ALG_ID alg, const BYTE *body,
			   DWORD body_len, const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	struct csp_rsa *rsa;
	DWORD err;

	if ((err = csp_rsa_read_public(body, body_len, &rsa)))
		return err;
	return make_rsa_key(env, alg, rsa, flags, out);
}

/* --- PRIVATEKEYBLOB -------------------------------------------------------- */

/* The session key that wraps a private key BLOB: a copy, so the caller's
 * key keeps its chaining state. */
static DWORD wrap_copy(const struct csp_key *wrap, struct csp_key **copy)
{
	DWORD err;

	if (!wrap->alg->cipher)
		return NTE_BAD_KEY;
	if ((err = csp_key_duplicate(wrap, copy)))
		return err;
	csp_key_restart(*copy);
	return ERROR_SUCCESS;
}

DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len)
{
	struct csp_key *w = NULL;
	DWORD body, need, err;
	BYTE *tmp;
	BOOL write;

	if (!k->rsa || !k->rsa->has_private)
		return NTE_BAD_KEY;
	if (!force && !(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	body = need = csp_rsa_private_blob_size(k->rsa);
	if (wrap) {
		if ((err = wrap_copy(wrap, &w)))
			return err;
		/* the body is encrypted as one final CryptEncrypt: padded */
		if ((err = csp_key_encrypt(w, TRUE, NULL, &need, 0))) {
			csp_key_destroy(w);
			return err;
		}
	}
	if ((err = csp_blob_sizing(data, len, HEADER_SIZE + need, &write)) || !write) {
		csp_key_destroy(w);
		return err;
	}
	if (!(tmp = malloc(need))) {
		csp_key_destroy(w);
		return NTE_NO_MEMORY;
	}
	csp_rsa_write_private(k->rsa, tmp);
	if (w)
		err = csp_key_encrypt(w, TRUE, tmp, &body, need);
	if (!err) {
		csp_blob_write_header(data, PRIVATEKEYBLOB, k->alg->id);
		memcpy(data + HEADER_SIZE, tmp, need);
	}
	csp_wipe(tmp, need);
	free(tmp);
	csp_key_destroy(w);
	return err;
}

static DWORD export_private(const struct csp_blob_env *env, const struct csp_key *k,
			    const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	return csp_blob_export_private(k, wrap, FALSE, data, len);
}

static DWORD import_private_body(const struct csp_blob_env *env, ALG_ID alg, const BYTE *body,
			    DWORD body_len, const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	struct csp_key *w = NULL;
	struct csp_rsa *rsa;
	BYTE *plain = NULL;
	DWORD err;

	if (wrap) {
		if ((err = wrap_copy(wrap, &w)))
			return err;
		if (!(plain = malloc(body_len ? body_len : 1))) {
			csp_key_destroy(w);
			return NTE_NO_MEMORY;
		}
		memcpy(plain, body, body_len);
		err = csp_key_decrypt(w, TRUE, plain, &body_len);
		csp_key_destroy(w);
		if (!err)
			err = csp_rsa_read_private(plain, body_len, &rsa);
		csp_wipe(plain, body_len);
		free(plain);
	} else
		err = csp_rsa_read_private(body, body_len, &rsa);
	if (err)
		return err;
	return make_rsa_key(env, alg, rsa, flags, out);
}

/* --- SIMPLEBLOB ------------------------------------------------------------ */

/* BLOBHEADER, the ALG_ID of the key exchange key, the encrypted key. */
static DWORD export_simple(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	DWORD n, err;
	BOOL write;

	if (!wrap || !wrap->rsa)
		return NTE_BAD_PUBLIC_KEY;
	if (!k->alg->cipher && !k->alg->master)
		return NTE_BAD_KEY;
	if (!(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	n = csp_rsa_bytes(wrap->rsa);
	if (k->key_len > csp_rsa_max_message(wrap->rsa, (flags & CRYPT_OAEP) != 0))
		return NTE_BAD_LEN;
	if ((err = csp_blob_sizing(data, len, HEADER_SIZE + 4 + n, &write)) || !write)
		return err;
	memcpy(data + HEADER_SIZE + 4, k->key, k->key_len);
	err = csp_rsa_encrypt(wrap->rsa, (flags & CRYPT_OAEP) != 0, env->rng, data + HEADER_SIZE + 4,
			      k->key_len);
	if (err) {
		csp_wipe(data + HEADER_SIZE + 4, n);
		return err;
	}
	csp_blob_write_header(data, SIMPLEBLOB, k->alg->id);
	csp_put_u32(data + HEADER_SIZE, wrap->alg->id);
	return ERROR_SUCCESS;
}

static DWORD import_simple_body(const struct csp_blob_env *env, ALG_ID alg, const BYTE *body,
			   DWORD body_len, const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	const struct csp_profile_alg *offer;
	const struct csp_alg *row;
	BYTE buf[CSP_RSA_MAX_BYTES];
	DWORD n, key_len, err;

	if (!wrap || !wrap->rsa || wrap->alg->id != CALG_RSA_KEYX || !wrap->rsa->has_private)
		return NTE_BAD_PUBLIC_KEY;
	n = csp_rsa_bytes(wrap->rsa);
	if (body_len < 4 + n)
		return NTE_BAD_DATA;
	if (!(offer = csp_profile_offer(env->profile, alg)) || !(row = csp_alg_find(alg)) ||
	    (!row->cipher && !row->master))
		return NTE_BAD_ALGID;
	memcpy(buf, body + 4, n);
	key_len = n;
	if ((err = csp_rsa_decrypt(wrap->rsa, (flags & CRYPT_OAEP) != 0, env->rng, buf, &key_len)))
		return err;
	if (!(err = csp_blob_check_key_length(offer, key_len)) &&
	    !(err = csp_key_from_bytes(row, buf, key_len, flags, out))) {
		(*out)->profile = env->profile;
		/* the Base provider keeps its one RC2 effective length for long keys */
		if (alg == CALG_RC2 && key_len * 8 > offer->max_bits &&
		    (env->profile->quirks & CSP_QUIRK_FIXED_EFFECTIVE_LEN)) {
			(*out)->ekb = offer->default_bits;
			csp_key_restart(*out);
		}
	}
	csp_wipe(buf, sizeof(buf));
	return err;
}

/* --- the rows ------------------------------------------------------------- */

#define IMPORT_ROW(name) \
static DWORD name(const struct csp_blob_env *env, const BYTE *data, DWORD len, \
		  const struct csp_key *wrap, DWORD flags, struct csp_key **out) \
{ \
	return name##_body(env, csp_get_u32(data + 4), data + HEADER_SIZE, len - HEADER_SIZE, \
			   wrap, flags, out); \
}

IMPORT_ROW(import_simple)
IMPORT_ROW(import_public)
IMPORT_ROW(import_private)

const struct csp_blob_ops csp_blob_simple = { SIMPLEBLOB, import_simple, export_simple };
const struct csp_blob_ops csp_blob_public = { PUBLICKEYBLOB, import_public, export_public };
const struct csp_blob_ops csp_blob_private = { PRIVATEKEYBLOB, import_private, export_private };
