/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * counter_rng.h - deterministic "random" bytes for tests and the callgrind
 * guard: SHA-256 of a counter, so every run sees the same bytes (and runs
 * the same instructions).  struct csp_random { counter_rng_fill, &counter }.
 */
#ifndef COUNTER_RNG_H
#define COUNTER_RNG_H

#include <string.h>
#include <nettle/sha2.h>
#include "wincsp.h"

static inline DWORD counter_rng_fill(void *ctx, BYTE *buf, DWORD len)
{
	DWORD *counter = ctx;
	BYTE block[SHA256_DIGEST_SIZE];
	struct sha256_ctx h;

	while (len) {
		DWORD n = len < sizeof(block) ? len : (DWORD)sizeof(block);

		(*counter)++;
		sha256_init(&h);
		sha256_update(&h, sizeof(*counter), (const BYTE *)counter);
		sha256_digest(&h, sizeof(block), block);
		memcpy(buf, block, n);
		buf += n;
		len -= n;
	}
	return ERROR_SUCCESS;
}

#endif
