/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * params.h - the KP_* and HP_* parameters of key and hash objects
 * (CryptGet/SetKeyParam, CryptGet/SetHashParam), each a table row with a
 * getter and a setter, and the copy-out rule every Get*Param shares.
 */
#ifndef CSP_PARAMS_H
#define CSP_PARAMS_H

#include "wincsp.h"
#include "key.h"
#include "hash.h"

/* Windows' copy-out: data NULL -> size only; short buffer -> ERROR_MORE_DATA
 * with the size needed; otherwise copy.  *len is always the size. */
DWORD csp_copy_out(BYTE *data, DWORD *len, const void *value, DWORD size);

DWORD csp_key_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len);
/* data must be non-NULL (the caller checks); NTE_BAD_TYPE for unknown params */
DWORD csp_key_set_param(struct csp_key *k, DWORD param, const BYTE *data);

DWORD csp_hash_get_param(struct csp_hash *h, DWORD param, BYTE *data, DWORD *len);
DWORD csp_hash_set_param(struct csp_hash *h, DWORD param, const BYTE *data);

#endif
