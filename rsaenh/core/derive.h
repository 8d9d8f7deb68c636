/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * derive.h - CryptDeriveKey: a session key from a hash value.
 */
#ifndef CSP_DERIVE_H
#define CSP_DERIVE_H

#include "key.h"
#include "hash.h"

/* A key of algorithm id under profile p from h's value (h is finished by
 * it, as reading HP_HASHVAL would).  flags as CryptDeriveKey's: the key
 * length in the upper 16 bits, CRYPT_EXPORTABLE, CRYPT_CREATE_SALT,
 * CRYPT_NO_SALT.  NTE_BAD_ALGID when id is not a cipher p offers. */
DWORD csp_key_derive(const struct csp_profile *p, ALG_ID id, DWORD flags, struct csp_hash *h,
		     struct csp_key **out);

#endif
