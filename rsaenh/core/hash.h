/*
 * hash.h - hash objects: one running nettle hash over a table row, which
 * once its value has been read is finished and refuses more data.
 */
#ifndef CSP_HASH_H
#define CSP_HASH_H

#include <nettle/nettle-meta.h>
#include "wincsp.h"
#include "algs.h"

#define CSP_MAX_DIGEST 64   /* SHA-512, the largest digest in the table */

struct csp_hash {
	const struct csp_alg *alg;
	BOOL finished;
	BYTE value[CSP_MAX_DIGEST];
	void *ctx;                 /* alg->hash->context_size bytes, after the struct */
	size_t alloc_size;
};

/* NTE_BAD_ALGID when alg is not a hash row, NTE_NO_MEMORY. */
DWORD csp_hash_create(const struct csp_alg *alg, struct csp_hash **out);
/* NTE_BAD_HASH_STATE once finished. */
DWORD csp_hash_update(struct csp_hash *h, const BYTE *data, size_t len);
/* Finish (once) and return the digest; its size is csp_hash_size(). */
const BYTE *csp_hash_value(struct csp_hash *h);
DWORD csp_hash_size(const struct csp_hash *h);
/* HP_HASHVAL set: the value becomes data (digest size bytes), finished. */
void csp_hash_set_value(struct csp_hash *h, const BYTE *data);
DWORD csp_hash_duplicate(const struct csp_hash *h, struct csp_hash **out);
/* Wipes and frees; NULL is fine. */
void csp_hash_destroy(struct csp_hash *h);

#endif
