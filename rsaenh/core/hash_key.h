/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash_key.h - hashing a session key's material (CryptHashSessionKey).
 */
#ifndef CSP_HASH_KEY_H
#define CSP_HASH_KEY_H

#include "hash.h"
#include "key.h"

/* NTE_BAD_FLAGS for flags other than CRYPT_LITTLE_ENDIAN; the hash's own
 * errors (NTE_BAD_HASH_STATE once finished). */
DWORD csp_hash_session_key(struct csp_hash *h, const struct csp_key *k, DWORD flags);

#endif
