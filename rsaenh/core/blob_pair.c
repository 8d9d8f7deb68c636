/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_pair.c - PUBLICKEYBLOB and PRIVATEKEYBLOB of any key pair (the
 * body is the pair family's, pair.h), the private one optionally
 * encrypted with a session key; and key agreement: a peer's
 * PUBLICKEYBLOB imported with one's own Diffie-Hellman private key gives
 * a CALG_AGREEDKEY_ANY key holding the agreed secret.  Version 3 BLOBs
 * (DSS and Diffie-Hellman) are written on CRYPT_BLOB_VER3 and read when
 * BLOBHEADER.bVersion says 3, for the families that have them.  blobs.c
 * has checked the rest of BLOBHEADER.
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

/* The version an export writes: 3 on CRYPT_BLOB_VER3 for a family that
 * has it; for the others the flag means nothing. */
static BYTE export_version(const struct csp_pair_ops *ops, DWORD flags)
{
	return (flags & CRYPT_BLOB_VER3) && ops->blob_version >= 3 ? 3 : CUR_BLOB_VERSION;
}

/* A BLOB's bVersion the family reads. */
static BOOL version_known(const struct csp_pair_ops *ops, BYTE version)
{
	return version == CUR_BLOB_VERSION || (version > CUR_BLOB_VERSION && version <= ops->blob_version);
}

/* --- PUBLICKEYBLOB --------------------------------------------------------- */

static DWORD export_public(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	const struct csp_pair_ops *ops = k->pair ? k->alg->pair : NULL;
	DWORD body, err;
	BOOL write;
	BYTE version;

	if (!ops || wrap)
		return NTE_BAD_KEY;
	if (!ops->ready(k->pair))
		return NTE_BAD_KEY_STATE;
	version = export_version(ops, flags);
	if ((err = ops->write_public(k->pair, version, NULL, &body)))
		return err;
	err = csp_blob_sizing(data, len, HEADER_SIZE + body, &write);
	if (!err && write) {
		csp_blob_write_header_version(data, PUBLICKEYBLOB, version, k->alg->id);
		err = ops->write_public(k->pair, version, data + HEADER_SIZE, &body);
	}
	return err;
}

/* The peer's public value with our private one: an agreed key. */
static DWORD agree(const struct csp_blob_env *env, const struct csp_alg *peer_row, BYTE version,
		   const BYTE *body, DWORD body_len, const struct csp_key *own, DWORD flags, struct csp_key **out)
{
	const struct csp_pair_ops *ops = own->pair ? own->alg->pair : NULL;
	BYTE secret[MAX_SECRET];
	DWORD n = sizeof(secret), err;
	void *peer;

	if (!ops || !ops->agree || peer_row->pair != ops)
		return NTE_BAD_KEY;
	if (!ops->ready(own->pair) || !ops->has_private(own->pair))
		return NTE_BAD_KEY_STATE;
	if ((err = ops->read_public(body, body_len, version, &peer)))
		return err;
	err = ops->agree(own->pair, peer, secret, &n);
	ops->destroy(peer);
	if (err)
		return err;
	err = csp_key_create_secret(env->profile, csp_alg_find(CALG_AGREEDKEY_ANY), secret, n, flags, out);
	csp_wipe(secret, sizeof(secret));
	return err;
}

static DWORD import_public(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			   const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	const struct csp_alg *row = pair_row(env, csp_get_u32(data + 4));
	BYTE version = data[1];
	void *pair;
	DWORD err;

	if (!row)
		return NTE_BAD_ALGID;
	if (!version_known(row->pair, version))
		return NTE_BAD_DATA;
	if (wrap && row->pair->agree)
		return agree(env, row, version, data + HEADER_SIZE, len - HEADER_SIZE, wrap, flags, out);
	if ((err = row->pair->read_public(data + HEADER_SIZE, len - HEADER_SIZE, version, &pair)))
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

/* A private key BLOB of version (CUR_BLOB_VERSION or the family's 3). */
static DWORD export_private_version(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
				    BYTE version, BYTE *data, DWORD *len)
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
	if ((err = ops->write_private(k->pair, version, NULL, &body)))
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
	err = ops->write_private(k->pair, version, tmp, &body);
	if (!err && w)
		err = csp_key_encrypt(w, TRUE, tmp, &body, need);
	if (!err) {
		csp_blob_write_header_version(data, PRIVATEKEYBLOB, version, k->alg->id);
		memcpy(data + HEADER_SIZE, tmp, need);
	}
	csp_wipe(tmp, need);
	free(tmp);
	csp_key_destroy(w);
	return err;
}

DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len)
{
	return export_private_version(k, wrap, force, CUR_BLOB_VERSION, data, len);
}

static DWORD export_private(const struct csp_blob_env *env, const struct csp_key *k,
			    const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	BYTE version = k->pair ? export_version(k->alg->pair, flags) : CUR_BLOB_VERSION;

	return export_private_version(k, wrap, FALSE, version, data, len);
}

/* A private key BLOB's body of version, decrypted with wrap if given. */
static DWORD read_private_version(const struct csp_alg *row, BYTE version, const BYTE *body,
				  DWORD body_len, const struct csp_key *wrap, void **pair)
{
	struct csp_key *w = NULL;
	BYTE *plain;
	DWORD err;

	if (!wrap)
		return row->pair->read_private(body, body_len, version, pair);
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
		err = row->pair->read_private(plain, body_len, version, pair);
	csp_wipe(plain, body_len);
	free(plain);
	return err;
}

DWORD csp_blob_read_private(const struct csp_alg *row, const BYTE *body, DWORD body_len,
			    const struct csp_key *wrap, void **pair)
{
	return read_private_version(row, CUR_BLOB_VERSION, body, body_len, wrap, pair);
}

static DWORD import_private(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			    const struct csp_key *wrap, DWORD flags, struct csp_key **out)
{
	const struct csp_alg *row = pair_row(env, csp_get_u32(data + 4));
	void *pair;
	DWORD err;

	if (!row)
		return NTE_BAD_ALGID;
	if (!version_known(row->pair, data[1]))
		return NTE_BAD_DATA;
	if ((err = read_private_version(row, data[1], data + HEADER_SIZE, len - HEADER_SIZE, wrap, &pair)))
		return err;
	return make_pair_key(env, row, pair, flags, out);
}

const struct csp_blob_ops csp_blob_public = { PUBLICKEYBLOB, import_public, export_public };
const struct csp_blob_ops csp_blob_private = { PRIVATEKEYBLOB, import_private, export_private };
