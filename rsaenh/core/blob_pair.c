/*
 * blob_pair.c - PUBLICKEYBLOB and PRIVATEKEYBLOB of any key pair (the
 * body is the pair family's, pair.h), the private one optionally
 * encrypted with a session key; and key agreement: a peer's
 * PUBLICKEYBLOB imported with one's own Diffie-Hellman private key gives
 * a CALG_AGREEDKEY_ANY key holding the agreed secret.  blobs.c has
 * checked BLOBHEADER.
 */
#include <stdlib.h>
#include <string.h>
#include "blobs.h"
#include "pair.h"
#include "wipe.h"

#define HEADER_SIZE CSP_BLOB_HEADER
#define MAX_SECRET 512   /* bytes: the largest group any profile allows (4096 bits) */

/* A pair read from a BLOB becomes a key if the profile offers its row at
 * its length. */
static DWORD make_pair_key(const struct csp_blob_env *env, const struct csp_alg *row, void *pair,
			   DWORD flags, struct csp_key **out)
{
	const struct csp_profile_alg *offer = csp_profile_offer(env->profile, row->id);
	DWORD bits = row->pair->bits(pair);

	if (bits < offer->min_bits || bits > offer->max_bits) {
		row->pair->destroy(pair);
		return NTE_BAD_DATA;
	}
	return csp_key_from_pair(row, pair, flags, out);
}

/* The row of a pair BLOB's aiKeyAlg, if the profile offers it. */
static const struct csp_alg *pair_row(const struct csp_blob_env *env, ALG_ID alg)
{
	const struct csp_alg *row = csp_alg_find(alg);

	return csp_alg_pair(row) && csp_profile_offer(env->profile, alg) ? row : NULL;
}

/* --- PUBLICKEYBLOB --------------------------------------------------------- */

static DWORD export_public(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	const struct csp_pair_ops *ops = k->pair ? k->alg->pair : NULL;
	DWORD body, err;
	BOOL write;

	if (!ops || wrap)
		return NTE_BAD_KEY;
	if (!ops->ready(k->pair))
		return NTE_BAD_KEY_STATE;
	if ((err = ops->write_public(k->pair, NULL, &body)))
		return err;
	err = csp_blob_sizing(data, len, HEADER_SIZE + body, &write);
	if (!err && write) {
		csp_blob_write_header(data, PUBLICKEYBLOB, k->alg->id);
		err = ops->write_public(k->pair, data + HEADER_SIZE, &body);
	}
	return err;
}

/* The peer's public value with our private one: an agreed key. */
static DWORD agree(const struct csp_blob_env *env, const struct csp_alg *peer_row, const BYTE *body,
		   DWORD body_len, const struct csp_key *own, DWORD flags, struct csp_key **out)
{
	const struct csp_pair_ops *ops = own->pair ? own->alg->pair : NULL;
	BYTE secret[MAX_SECRET];
	DWORD n = sizeof(secret), err;

	if (!ops || !ops->agree || peer_row->pair != ops)
		return NTE_BAD_KEY;
	if (!ops->ready(own->pair) || !ops->has_private(own->pair))
		return NTE_BAD_KEY_STATE;
	if ((err = ops->agree(own->pair, body, body_len, secret, &n)))
		return err;
	err = csp_key_create_secret(env->profile, csp_alg_find(CALG_AGREEDKEY_ANY), secret, n, flags, out);
	csp_wipe(secret, sizeof(secret));
	return err;
}

static DWORD import_public(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			   const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	const struct csp_alg *row = pair_row(env, csp_get_u32(data + 4));
	void *pair;
	DWORD err;

	if (!row)
		return NTE_BAD_ALGID;
	if (wrap && row->pair->agree)
		return agree(env, row, data + HEADER_SIZE, len - HEADER_SIZE, wrap, flags, out);
	if ((err = row->pair->read_public(data + HEADER_SIZE, len - HEADER_SIZE, &pair)))
		return err;
	return make_pair_key(env, row, pair, flags, out);
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
	const struct csp_pair_ops *ops = k->pair ? k->alg->pair : NULL;
	struct csp_key *w = NULL;
	DWORD body, need, err;
	BYTE *tmp;
	BOOL write;

	if (!ops || !ops->ready(k->pair) || !ops->has_private(k->pair))
		return NTE_BAD_KEY;
	if (!force && !(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	if ((err = ops->write_private(k->pair, NULL, &body)))
		return err;
	need = body;
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
	err = ops->write_private(k->pair, tmp, &body);
	if (!err && w)
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

DWORD csp_blob_read_private(const struct csp_alg *row, const BYTE *body, DWORD body_len,
			    const struct csp_key *wrap, void **pair)
{
	struct csp_key *w = NULL;
	BYTE *plain;
	DWORD err;

	if (!wrap)
		return row->pair->read_private(body, body_len, pair);
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
		err = row->pair->read_private(plain, body_len, pair);
	csp_wipe(plain, body_len);
	free(plain);
	return err;
}

static DWORD import_private(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			    const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	const struct csp_alg *row = pair_row(env, csp_get_u32(data + 4));
	void *pair;
	DWORD err;

	if (!row)
		return NTE_BAD_ALGID;
	if ((err = csp_blob_read_private(row, data + HEADER_SIZE, len - HEADER_SIZE, wrap, &pair)))
		return err;
	return make_pair_key(env, row, pair, flags, out);
}

const struct csp_blob_ops csp_blob_public = { PUBLICKEYBLOB, import_public, export_public };
const struct csp_blob_ops csp_blob_private = { PRIVATEKEYBLOB, import_private, export_private };
