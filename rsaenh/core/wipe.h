/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * wipe.h - clearing secrets in a way the compiler may not drop as a dead
 * store (key material, hash states, decrypted buffers).
 */
#ifndef CSP_WIPE_H
#define CSP_WIPE_H

#include <stddef.h>

static inline void csp_wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;

	while (n--)
		*v++ = 0;
}

#endif
