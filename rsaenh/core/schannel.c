/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * schannel.c - SChannel master keys, the master hash and the TLS1 PRF hash
 * rows, and CryptDeriveKey of the write keys (see schannel.h).  A hash over
 * a master key keeps a private copy of it, as the keyed hashes do, taken
 * after the master secret has been computed.
 */
#include <stdlib.h>
#include <string.h>
#include "schannel.h"
#include "wipe.h"

static const BYTE *blob_bytes(const BYTE *data, DWORD *len)
{
	CRYPT_DATA_BLOB blob;

	memcpy(&blob, data, sizeof(blob));   /* callers' buffers need not be aligned */
	*len = blob.cbData;
	return blob.pbData;
}

/* --- master keys ---------------------------------------------------------- */

DWORD csp_master_key_generate(const struct csp_profile *p, ALG_ID id, DWORD flags,
			      const struct csp_random *rng, struct csp_key **out)
{
	const struct csp_alg *alg = csp_alg_find(id);
	BYTE pre[CSP_MASTER_LEN];
	DWORD err;

	if (!csp_profile_offer(p, id) || !alg || !alg->master)
		return NTE_BAD_ALGID;
	if (HIWORD(flags) && HIWORD(flags) != CSP_MASTER_LEN * 8)
		return NTE_BAD_FLAGS;
	if ((err = rng->fill(rng->ctx, pre, sizeof(pre))))
		return err;
	memcpy(pre, alg->master->version, sizeof(alg->master->version));
	err = csp_key_from_bytes(alg, pre, sizeof(pre), LOWORD(flags), out);
	csp_wipe(pre, sizeof(pre));
	return err;
}

DWORD csp_schannel_set_alg(struct csp_key *k, const BYTE *data)
{
	SCHANNEL_ALG sa;

	if (!k->sch)
		return NTE_BAD_TYPE;
	memcpy(&sa, data, sizeof(sa));
	if (sa.dwUse == SCHANNEL_ENC_KEY)
		k->sch->enc = sa;
	else if (sa.dwUse == SCHANNEL_MAC_KEY)
		k->sch->mac = sa;
	else
		return NTE_BAD_DATA;
	return ERROR_SUCCESS;
}

static DWORD set_random(struct csp_key *k, const BYTE *data, BOOL server)
{
	const BYTE *bytes;
	DWORD len;

	if (!k->sch)
		return NTE_BAD_TYPE;
	bytes = blob_bytes(data, &len);
	if (len > CSP_SCH_MAX_RANDOM)
		return NTE_BAD_DATA;
	if (len && !bytes)
		return ERROR_INVALID_PARAMETER;
	/* {0, NULL} clears it */
	if (server) {
		if (len)
			memcpy(k->sch->server_random, bytes, len);
		k->sch->server_len = len;
	} else {
		if (len)
			memcpy(k->sch->client_random, bytes, len);
		k->sch->client_len = len;
	}
	return ERROR_SUCCESS;
}

DWORD csp_schannel_set_client_random(struct csp_key *k, const BYTE *data)
{
	return set_random(k, data, FALSE);
}

DWORD csp_schannel_set_server_random(struct csp_key *k, const BYTE *data)
{
	return set_random(k, data, TRUE);
}

/* --- the two hash rows ----------------------------------------------------- */

/* Both are complete once created: no data goes into them. */
static DWORD sealed_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	return NTE_BAD_HASH_STATE;
}

static void sealed_finish(struct csp_hash *h)
{
}

static DWORD no_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	return NTE_BAD_ALGID;
}

static DWORD master_init(struct csp_hash *h, struct csp_key *key)
{
	struct csp_schannel *s = key ? key->sch : NULL;
	BYTE master[CSP_MASTER_LEN];

	if (!s)
		return NTE_BAD_KEY;
	if (!s->client_len || !s->server_len)
		return ERROR_INVALID_PARAMETER;
	if (!s->master) {
		key->alg->master->master_secret(key->key, s, master);
		csp_key_load(key, master, sizeof(master));
		csp_wipe(master, sizeof(master));
		s->master = TRUE;
	}
	h->finished = TRUE;
	return csp_key_duplicate(key, &h->key);
}

const struct csp_hash_ops csp_hash_master = {
	master_init, sealed_update, sealed_finish, no_oneshot, TRUE, NULL
};

static DWORD prf_init(struct csp_hash *h, struct csp_key *key)
{
	if (!key || key->alg->master != &csp_master_tls1)
		return NTE_BAD_KEY;
	if (!key->sch->master)
		return NTE_BAD_KEY_STATE;
	h->finished = TRUE;
	return csp_key_duplicate(key, &h->key);
}

/* HP_HASHVAL: as many PRF bytes as the buffer holds. */
static DWORD prf_value(struct csp_hash *h, BYTE *data, DWORD *len)
{
	static const BYTE none[1];

	if (!data)
		return ERROR_INVALID_PARAMETER;
	/* a label or seed never set is empty */
	csp_tls1_prf(h->key->key, CSP_MASTER_LEN, h->inner ? h->inner : none, h->inner_len,
		     h->outer ? h->outer : none, h->outer_len, none, 0, data, *len);
	return ERROR_SUCCESS;
}

const struct csp_hash_ops csp_hash_tls1prf = {
	prf_init, sealed_update, sealed_finish, no_oneshot, TRUE, prf_value
};

DWORD csp_tls1prf_set_param(struct csp_hash *h, DWORD param, const CRYPT_DATA_BLOB *blob)
{
	BYTE **slot = param == HP_TLS1PRF_LABEL ? &h->inner : &h->outer;
	DWORD *slot_len = param == HP_TLS1PRF_LABEL ? &h->inner_len : &h->outer_len;
	BYTE *copy;

	if (h->alg->hash_ops != &csp_hash_tls1prf)
		return NTE_BAD_TYPE;
	if (blob->cbData && !blob->pbData)
		return ERROR_INVALID_PARAMETER;
	if (!(copy = malloc(blob->cbData ? blob->cbData : 1)))
		return NTE_NO_MEMORY;
	if (blob->cbData)
		memcpy(copy, blob->pbData, blob->cbData);
	if (*slot) {
		csp_wipe(*slot, *slot_len);
		free(*slot);
	}
	*slot = copy;
	*slot_len = blob->cbData;
	return ERROR_SUCCESS;
}

/* --- the write keys -------------------------------------------------------- */

DWORD csp_schannel_derive(const struct csp_profile *p, ALG_ID id, DWORD flags, const struct csp_hash *h,
			  struct csp_key **out)
{
	const struct csp_key *m = h->key;
	const struct csp_schannel *s;
	BYTE block[CSP_SCH_MAX_BLOCK];
	struct csp_key *k = NULL;
	DWORD mac_len, enc_len = 0, iv_len = 0, server = (flags & CRYPT_SERVER) ? 1 : 0, err;

	if (h->alg->hash_ops != &csp_hash_master)
		return NTE_BAD_HASH;
	s = m->sch;
	mac_len = s->mac.cBits / 8;
	if (mac_len > CSP_MAX_KEY)
		return NTE_BAD_DATA;
	if (id == CALG_SCHANNEL_ENC_KEY) {
		if (!s->enc.Algid || !s->enc.cBits)
			return NTE_BAD_FLAGS;
		if ((err = csp_key_create(p, s->enc.Algid, (s->enc.cBits << 16) | LOWORD(flags), &k)))
			return err;
		enc_len = k->key_len;
		iv_len = csp_key_block_len(k);
	} else if (id == CALG_SCHANNEL_MAC_KEY) {
		if (!mac_len)
			return NTE_BAD_FLAGS;
		if ((err = csp_key_create_secret(p, csp_alg_find(id), NULL, mac_len, LOWORD(flags), &k)))
			return err;
	} else
		return NTE_BAD_ALGID;
	m->alg->master->key_block(m->key, s, block, 2 * (mac_len + enc_len + iv_len));
	if (id == CALG_SCHANNEL_ENC_KEY) {
		memcpy(k->iv, block + 2 * (mac_len + enc_len) + server * iv_len, iv_len);
		csp_key_load(k, block + 2 * mac_len + server * enc_len, enc_len);
	} else
		csp_key_load(k, block + server * mac_len, mac_len);
	csp_wipe(block, sizeof(block));
	*out = k;
	return ERROR_SUCCESS;
}
