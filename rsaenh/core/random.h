/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * random.h - how the portable core gets random bytes: the caller passes a
 * callback (the DLL hands in the OS generator, tests a deterministic one),
 * so the core never calls an operating system itself.
 */
#ifndef CSP_RANDOM_H
#define CSP_RANDOM_H

#include "wincsp.h"

/* Fill buf with len random bytes; return ERROR_SUCCESS or a Windows error. */
typedef DWORD (*csp_random_fn)(void *ctx, BYTE *buf, DWORD len);

struct csp_random {
	csp_random_fn fill;
	void *ctx;
};

#endif
