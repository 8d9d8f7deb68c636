/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * derive.c - CryptDeriveKey as Microsoft documents it: the key is the
 * first bytes of the hash value; when the value is too short, two 64-byte
 * buffers (0x36 and 0x5c, each XORed with the value) are hashed with the
 * same algorithm, and their concatenation is the key material.  AES-128
 * takes that expanded form even from a 16- or 20-byte hash, as Windows
 * does.  A CRYPT_CREATE_SALT RC2/RC4 key takes its salt from the hash
 * bytes after the key when there are enough of them.
 */
#include <string.h>
#include "derive.h"
#include "wipe.h"

#define PAD_LEN 64

static DWORD expand(const struct csp_hash *h, const BYTE *value, DWORD n, BYTE *out)
{
	BYTE pad1[PAD_LEN], pad2[PAD_LEN];
	DWORD i, err;

	for (i = 0; i < PAD_LEN; i++) {
		pad1[i] = 0x36 ^ (i < n ? value[i] : 0);
		pad2[i] = 0x5c ^ (i < n ? value[i] : 0);
	}
	err = csp_hash_oneshot(h, pad1, PAD_LEN, out);
	if (!err)
		err = csp_hash_oneshot(h, pad2, PAD_LEN, out + n);
	csp_wipe(pad1, sizeof(pad1));
	csp_wipe(pad2, sizeof(pad2));
	return err;
}

DWORD csp_key_derive(const struct csp_profile *p, ALG_ID id, DWORD flags, struct csp_hash *h,
		     struct csp_key **out)
{
	BYTE material[2 * CSP_MAX_DIGEST];
	struct csp_key *k = NULL;
	DWORD n, use, err;
	BOOL expanded;

	if ((err = csp_key_create(p, id, flags, &k)))
		return err;
	n = csp_hash_size(h);
	memset(material, 0, sizeof(material));
	memcpy(material, csp_hash_value(h), n);
	if (id == CALG_AES_128 && (n == 16 || n == 20))
		expanded = TRUE;
	else
		expanded = n < k->key_len;
	use = k->key_len;
	if (expanded) {
		if ((err = expand(h, csp_hash_value(h), n, material))) {
			csp_key_destroy(k);
			csp_wipe(material, sizeof(material));
			return err;
		}
		n *= 2;
	} else if ((flags & CRYPT_CREATE_SALT) && (id == CALG_RC2 || id == CALG_RC4))
		use += k->salt_len;
	if (use > n)
		use = n;
	/* a salt the hash does not fill stays zero */
	csp_key_load(k, material, use);
	csp_wipe(material, sizeof(material));
	*out = k;
	return ERROR_SUCCESS;
}
