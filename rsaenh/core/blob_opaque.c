/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_opaque.c - OPAQUEKEYBLOB: a session key's whole state in this
 * provider's own layout, to be imported again by the same provider only
 * (Microsoft documents the format as the CSP's own).  After BLOBHEADER:
 *   DWORD magic "csp1", key_len, salt_len, effective bits, mode, mode bits,
 *         padding, permissions;
 *   the key and salt bytes; the IV (the cipher's block);
 *   for SChannel master keys: the client and server random lengths and
 *   bytes (CSP_SCH_MAX_RANDOM each), the cipher and MAC SCHANNEL_ALGs,
 *   and whether the master secret has been computed.
 * Like PLAINTEXTKEYBLOB it holds the key in the clear: only keys with
 * CRYPT_EXPORT leave.  Every length is checked on import.
 */
#include <string.h>
#include "blobs.h"
#include "schannel.h"
#include "wipe.h"

#define OPAQUE_MAGIC 0x31707363u   /* "csp1" */
#define N_FIELDS 8
#define MAX_EFFECTIVE 1024   /* RC2's longest effective key */
#define SCH_SIZE (2 * 4 + 2 * CSP_SCH_MAX_RANDOM + 2 * 5 * 4 + 4)

static DWORD opaque_size(const struct csp_key *k)
{
	return CSP_BLOB_HEADER + N_FIELDS * 4 + k->key_len + k->salt_len + csp_key_block_len(k) +
	       (k->sch ? SCH_SIZE : 0);
}

static BYTE *put_alg(BYTE *p, const SCHANNEL_ALG *sa)
{
	csp_put_u32(p, sa->dwUse);
	csp_put_u32(p + 4, sa->Algid);
	csp_put_u32(p + 8, sa->cBits);
	csp_put_u32(p + 12, sa->dwFlags);
	csp_put_u32(p + 16, sa->dwReserved);
	return p + 20;
}

static const BYTE *get_alg(const BYTE *p, SCHANNEL_ALG *sa)
{
	sa->dwUse = csp_get_u32(p);
	sa->Algid = csp_get_u32(p + 4);
	sa->cBits = csp_get_u32(p + 8);
	sa->dwFlags = csp_get_u32(p + 12);
	sa->dwReserved = csp_get_u32(p + 16);
	return p + 20;
}

static DWORD opaque_export(const struct csp_blob_env *env, const struct csp_key *k,
			   const struct csp_key *pubkey, DWORD flags, BYTE *data, DWORD *len)
{
	const DWORD fields[N_FIELDS] = { OPAQUE_MAGIC, k->key_len, k->salt_len, k->ekb, k->mode,
					 k->mode_bits, k->padding, k->permissions };
	DWORD err, i, bs = csp_key_block_len(k);
	BOOL write;
	BYTE *p;

	if ((!k->alg->cipher && !k->sch) || k->long_key)
		return NTE_BAD_KEY;
	if (!(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	if ((err = csp_blob_sizing(data, len, opaque_size(k), &write)) || !write)
		return err;
	csp_blob_write_header(data, OPAQUEKEYBLOB, k->alg->id);
	p = data + CSP_BLOB_HEADER;
	for (i = 0; i < N_FIELDS; i++, p += 4)
		csp_put_u32(p, fields[i]);
	memcpy(p, k->key, k->key_len + k->salt_len);
	p += k->key_len + k->salt_len;
	memcpy(p, k->iv, bs);
	p += bs;
	if (k->sch) {
		csp_put_u32(p, k->sch->client_len);
		memcpy(p + 4, k->sch->client_random, CSP_SCH_MAX_RANDOM);
		p += 4 + CSP_SCH_MAX_RANDOM;
		csp_put_u32(p, k->sch->server_len);
		memcpy(p + 4, k->sch->server_random, CSP_SCH_MAX_RANDOM);
		p = put_alg(put_alg(p + 4 + CSP_SCH_MAX_RANDOM, &k->sch->enc), &k->sch->mac);
		csp_put_u32(p, k->sch->master);
	}
	return ERROR_SUCCESS;
}

static DWORD load_schannel(struct csp_schannel *s, const BYTE *p)
{
	s->client_len = csp_get_u32(p);
	memcpy(s->client_random, p + 4, CSP_SCH_MAX_RANDOM);
	p += 4 + CSP_SCH_MAX_RANDOM;
	s->server_len = csp_get_u32(p);
	memcpy(s->server_random, p + 4, CSP_SCH_MAX_RANDOM);
	p = get_alg(get_alg(p + 4 + CSP_SCH_MAX_RANDOM, &s->enc), &s->mac);
	s->master = csp_get_u32(p) != 0;
	if (s->client_len > CSP_SCH_MAX_RANDOM || s->server_len > CSP_SCH_MAX_RANDOM || csp_get_u32(p) > 1)
		return NTE_BAD_DATA;
	return ERROR_SUCCESS;
}

static DWORD opaque_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			   const struct csp_key *pubkey, DWORD flags, struct csp_key **out)
{
	const struct csp_alg *alg = csp_alg_find(csp_get_u32(data + 4));
	const BYTE *p = data + CSP_BLOB_HEADER;
	DWORD f[N_FIELDS], i, bs, err;
	struct csp_key *k = NULL;

	if (!alg || !csp_profile_offer(env->profile, alg->id) || (!alg->cipher && !alg->master))
		return NTE_BAD_ALGID;
	if (len < CSP_BLOB_HEADER + N_FIELDS * 4)
		return NTE_BAD_DATA;
	for (i = 0; i < N_FIELDS; i++, p += 4)
		f[i] = csp_get_u32(p);
	bs = alg->cipher ? alg->cipher->block_size : 0;
	/* the layout the algorithm implies must be exactly what came */
	if (f[0] != OPAQUE_MAGIC || !f[1] || f[1] > CSP_MAX_KEY || f[2] > CSP_MAX_KEY - f[1] || f[3] > MAX_EFFECTIVE ||
	    f[6] != PKCS5_PADDING ||
	    len != CSP_BLOB_HEADER + N_FIELDS * 4 + f[1] + f[2] + bs + (alg->master ? SCH_SIZE : 0))
		return NTE_BAD_DATA;
	if ((err = csp_key_from_bytes(alg, p, f[1], 0, &k)))
		return err;
	k->salt_len = f[2];
	memcpy(k->key, p, f[1] + f[2]);
	p += f[1] + f[2];
	memcpy(k->iv, p, csp_key_block_len(k));
	p += csp_key_block_len(k);
	k->ekb = f[3];
	k->mode = f[4];
	k->mode_bits = f[5];
	k->padding = f[6];
	k->permissions = f[7];
	k->profile = env->profile;
	if (k->sch && (err = load_schannel(k->sch, p))) {
		csp_key_destroy(k);
		return err;
	}
	csp_key_restart(k);
	*out = k;
	return ERROR_SUCCESS;
}

const struct csp_blob_ops csp_blob_opaque = { OPAQUEKEYBLOB, opaque_import, opaque_export };
