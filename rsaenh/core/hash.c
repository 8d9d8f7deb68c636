/*
 * hash.c - hash objects over nettle's struct nettle_hash descriptors.
 */
#include <stdlib.h>
#include <string.h>
#include "hash.h"
#include "wipe.h"

DWORD csp_hash_create(const struct csp_alg *alg, struct csp_hash **out)
{
	struct csp_hash *h;
	size_t size;

	if (!alg || !alg->hash)
		return NTE_BAD_ALGID;
	size = sizeof(*h) + alg->hash->context_size;
	if (!(h = calloc(1, size)))
		return NTE_NO_MEMORY;
	h->alg = alg;
	h->alloc_size = size;
	h->ctx = h + 1;
	alg->hash->init(h->ctx);
	*out = h;
	return ERROR_SUCCESS;
}

DWORD csp_hash_update(struct csp_hash *h, const BYTE *data, size_t len)
{
	if (h->finished)
		return NTE_BAD_HASH_STATE;
	if (len)
		h->alg->hash->update(h->ctx, len, data);
	return ERROR_SUCCESS;
}

const BYTE *csp_hash_value(struct csp_hash *h)
{
	if (!h->finished) {
		h->alg->hash->digest(h->ctx, h->alg->hash->digest_size, h->value);
		h->finished = TRUE;
	}
	return h->value;
}

DWORD csp_hash_size(const struct csp_hash *h)
{
	return h->alg->hash->digest_size;
}

void csp_hash_set_value(struct csp_hash *h, const BYTE *data)
{
	memcpy(h->value, data, csp_hash_size(h));
	h->finished = TRUE;
}

DWORD csp_hash_duplicate(const struct csp_hash *h, struct csp_hash **out)
{
	struct csp_hash *d;

	if (!(d = malloc(h->alloc_size)))
		return NTE_NO_MEMORY;
	memcpy(d, h, h->alloc_size);
	d->ctx = d + 1;   /* the context lives inside the copy, not the original */
	*out = d;
	return ERROR_SUCCESS;
}

void csp_hash_destroy(struct csp_hash *h)
{
	if (!h)
		return;
	csp_wipe(h, h->alloc_size);
	free(h);
}
