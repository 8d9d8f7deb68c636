/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_rsa.c - SIMPLEBLOB: a session key under an RSA key exchange key,
 * PKCS#1 v1.5 or OAEP, little-endian.  BLOBHEADER (bType, bVersion 2,
 * reserved 0, aiKeyAlg) has been checked by blobs.c.
 */
#include <stdlib.h>
#include <string.h>
#include "blobs.h"
#include "rsa_key.h"
#include "wipe.h"

#define HEADER_SIZE CSP_BLOB_HEADER

/* --- SIMPLEBLOB ------------------------------------------------------------ */

/* BLOBHEADER, the ALG_ID of the key exchange key, the encrypted key. */
static DWORD export_simple(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *wrap, DWORD flags, BYTE *data, DWORD *len)
{
	const struct csp_rsa *rsa = csp_key_rsa(wrap);
	DWORD n, err;
	BOOL write;

	if (!rsa)
		return NTE_BAD_PUBLIC_KEY;
	if (!k->alg->cipher && !k->alg->master)
		return NTE_BAD_KEY;
	if (!(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	n = csp_rsa_bytes(rsa);
	if (k->key_len > csp_rsa_max_message(rsa, (flags & CRYPT_OAEP) != 0))
		return NTE_BAD_LEN;
	if ((err = csp_blob_sizing(data, len, HEADER_SIZE + 4 + n, &write)) || !write)
		return err;
	memcpy(data + HEADER_SIZE + 4, k->key, k->key_len);
	err = csp_rsa_encrypt(rsa, (flags & CRYPT_OAEP) != 0, env->rng, data + HEADER_SIZE + 4,
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
	const struct csp_rsa *rsa = csp_key_rsa(wrap);
	DWORD n, key_len, err;

	if (!rsa || wrap->alg->id != CALG_RSA_KEYX || !rsa->has_private)
		return NTE_BAD_PUBLIC_KEY;
	n = csp_rsa_bytes(rsa);
	if (body_len < 4 + n)
		return NTE_BAD_DATA;
	if (!(offer = csp_profile_offer(env->profile, alg)) || !(row = csp_alg_find(alg)) ||
	    (!row->cipher && !row->master))
		return NTE_BAD_ALGID;
	memcpy(buf, body + 4, n);
	key_len = n;
	if ((err = csp_rsa_decrypt(rsa, (flags & CRYPT_OAEP) != 0, env->rng, buf, &key_len)))
		return err;
	if (!(err = csp_blob_check_key_length(offer, key_len)) &&
	    !(err = csp_key_import(env->profile, row, buf, key_len, flags, out))) {
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

const struct csp_blob_ops csp_blob_simple = { SIMPLEBLOB, import_simple, export_simple };
