/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * modes.h - the chaining modes a block key can run in (KP_MODE), each a
 * pair of functions over whole blocks in place, dispatched by table.
 */
#ifndef CSP_MODES_H
#define CSP_MODES_H

#include <stddef.h>
#include "key.h"

struct csp_mode {
	DWORD id;          /* CRYPT_MODE_* */
	DWORD bits;        /* KP_MODE_BITS that goes with it (feedback width) */
	void (*encrypt)(struct csp_key *k, BYTE *data, size_t len);
	void (*decrypt)(struct csp_key *k, BYTE *data, size_t len);
};

/* NULL when the mode can be set but not run (OFB, CTS: NTE_BAD_ALGID). */
const struct csp_mode *csp_mode_find(DWORD id);

#endif
