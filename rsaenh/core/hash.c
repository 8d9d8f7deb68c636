/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash.c - hash objects, and the two unkeyed kinds of hash row: nettle
 * hashes and SSL3 SHAMD5, whose value is only ever set.
 */
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "wipe.h"

/* --- nettle hashes ------------------------------------------------------- */

static DWORD plain_init(struct csp_hash *h, struct csp_key *key)
{
	h->nh = h->alg->hash;
	h->size = h->nh->digest_size;
	h->nh->init(&h->ctx);
	return ERROR_SUCCESS;
}

static DWORD plain_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	h->nh->update(&h->ctx, len, data);
	return ERROR_SUCCESS;
}

static void plain_finish(struct csp_hash *h)
{
	h->nh->digest(&h->ctx, h->size, h->value);
}

static DWORD plain_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	union csp_hash_ctx ctx;

	h->nh->init(&ctx);
	h->nh->update(&ctx, len, data);
	h->nh->digest(&ctx, h->nh->digest_size, out);
	csp_wipe(&ctx, sizeof(ctx));
	return ERROR_SUCCESS;
}

const struct csp_hash_ops csp_hash_plain = { plain_init, plain_update, plain_finish, plain_oneshot, FALSE, NULL };

/* --- SSL3 SHAMD5: set through HP_HASHVAL, never hashed into -------------- */

static DWORD value_init(struct csp_hash *h, struct csp_key *key)
{
	h->size = h->alg->hash_size;
	return ERROR_SUCCESS;
}

static DWORD value_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	return NTE_BAD_ALGID;
}

static void value_finish(struct csp_hash *h)
{
	/* nothing was set: the value stays zero */
}

static DWORD no_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	return NTE_BAD_ALGID;
}

const struct csp_hash_ops csp_hash_value_only = { value_init, value_update, value_finish, no_oneshot, FALSE, NULL };

/* --- hash objects -------------------------------------------------------- */

DWORD csp_hash_create(const struct csp_alg *alg, struct csp_key *key, struct csp_hash **out)
{
	struct csp_hash *h;
	DWORD err;

	if (!alg || !alg->hash_ops)
		return NTE_BAD_ALGID;
	if (!(h = calloc(1, sizeof(*h))))
		return NTE_NO_MEMORY;
	h->alg = alg;
	if ((err = alg->hash_ops->init(h, key))) {
		csp_hash_destroy(h);
		return err;
	}
	*out = h;
	return ERROR_SUCCESS;
}

DWORD csp_hash_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	if (h->finished)
		return NTE_BAD_HASH_STATE;
	return h->alg->hash_ops->update(h, data, len);
}

const BYTE *csp_hash_value(struct csp_hash *h)
{
	if (!h->finished) {
		h->alg->hash_ops->finish(h);
		h->finished = TRUE;
	}
	return h->value;
}

DWORD csp_hash_size(const struct csp_hash *h)
{
	return h->size;
}

void csp_hash_set_value(struct csp_hash *h, const BYTE *data)
{
	memcpy(h->value, data, csp_hash_size(h));
	h->finished = TRUE;
}

DWORD csp_hash_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out)
{
	return h->alg->hash_ops->oneshot(h, data, len, out);
}

static BYTE *dup_bytes(const BYTE *p, DWORD n, BOOL *fail)
{
	BYTE *d;

	if (!p)
		return NULL;
	if (!(d = malloc(n ? n : 1)))
		*fail = TRUE;
	else
		memcpy(d, p, n);
	return d;
}

DWORD csp_hash_duplicate(const struct csp_hash *h, struct csp_hash **out)
{
	struct csp_hash *d;
	BOOL fail = FALSE;

	if (!(d = malloc(sizeof(*d))))
		return NTE_NO_MEMORY;
	memcpy(d, h, sizeof(*d));
	d->key = NULL;
	d->inner = dup_bytes(h->inner, h->inner_len, &fail);
	d->outer = dup_bytes(h->outer, h->outer_len, &fail);
	if (h->key && csp_key_duplicate(h->key, &d->key))
		fail = TRUE;
	if (fail) {
		csp_hash_destroy(d);
		return NTE_NO_MEMORY;
	}
	*out = d;
	return ERROR_SUCCESS;
}

void csp_hash_destroy(struct csp_hash *h)
{
	if (!h)
		return;
	csp_key_destroy(h->key);
	if (h->inner) {
		csp_wipe(h->inner, h->inner_len);
		free(h->inner);
	}
	if (h->outer) {
		csp_wipe(h->outer, h->outer_len);
		free(h->outer);
	}
	csp_wipe(h, sizeof(*h));
	free(h);
}
