/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * algs.h - the one algorithm table: every ALG_ID the provider knows appears
 * once, with its class, sizes, names and the nettle code behind it.
 * Provider profiles (profiles.h) choose rows from it.
 */
#ifndef CSP_ALGS_H
#define CSP_ALGS_H

#include <nettle/nettle-meta.h>
#include "wincsp.h"
#include "cipher.h"

struct csp_hash_ops;
struct csp_master_ops;
struct csp_pair_ops;

struct csp_alg {
	ALG_ID id;
	const char *name;          /* PROV_ENUMALGS szName, as Windows */
	const char *long_name;     /* PROV_ENUMALGS_EX szLongName */
	DWORD key_bits;            /* fixed stored key length, 0 when variable */
	DWORD effective_bits;      /* DES family: the length without parity bits */
	const struct nettle_hash *hash;         /* hashes computed by nettle */
	const struct csp_hash_ops *hash_ops;    /* every ALG_CLASS_HASH row */
	DWORD hash_size;           /* digest bytes of rows without a nettle hash */
	const struct csp_cipher *cipher;        /* ALG_CLASS_DATA_ENCRYPT rows */
	const struct csp_master_ops *master;    /* SChannel master keys (schannel.h) */
	const struct csp_pair_ops *pair;        /* public-key rows: their key pairs (pair.h) */
};

/* The row for id, or NULL when the table does not implement it. */
const struct csp_alg *csp_alg_find(ALG_ID id);

/* Iteration over the whole table (for tests and tools). */
DWORD csp_alg_count(void);
const struct csp_alg *csp_alg_at(DWORD index);

#endif
