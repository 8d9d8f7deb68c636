/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blob_plain.c - PLAINTEXTKEYBLOB: BLOBHEADER, a DWORD byte count, the key
 * bytes.  With CRYPT_IPSEC_HMAC_KEY the bytes become an HMAC key of any
 * length, whatever aiKeyAlg says.
 */
#include <string.h>
#include "blobs.h"
#include "params.h"

#define PLAIN_HEADER (sizeof(BLOBHEADER) + sizeof(DWORD))

static DWORD plain_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
			  const struct csp_key *pubkey, DWORD flags, struct csp_key **out)
{
	const struct csp_profile *p = env->profile;
	const struct csp_alg *row;
	BLOBHEADER hdr;
	DWORD n, err;

	if (len < PLAIN_HEADER)
		return NTE_BAD_DATA;
	memcpy(&hdr, data, sizeof(hdr));
	memcpy(&n, data + sizeof(hdr), sizeof(n));
	if (n > len - PLAIN_HEADER)
		return NTE_BAD_DATA;
	data += PLAIN_HEADER;
	if (flags & CRYPT_IPSEC_HMAC_KEY)
		return csp_key_create_secret(p, csp_alg_find(CALG_HMAC), data, n, flags & CRYPT_EXPORTABLE, out);
	/* the length is the key's: a longer key than the provider allows
	 * fails as CryptGenKey would */
	if (!n || n > 0xffff / 8)
		return NTE_BAD_DATA;     /* no key, or a length no flags word holds */
	/* the DES family travels whole, parity bits included */
	if ((row = csp_alg_find(hdr.aiKeyAlg)) && row->effective_bits && n * 8 != row->key_bits)
		return NTE_BAD_DATA;
	if ((err = csp_key_create(p, hdr.aiKeyAlg, ((n * 8) << 16) | (flags & (CRYPT_EXPORTABLE | CRYPT_NO_SALT)), out)))
		return err;
	csp_key_load(*out, data, n);
	return ERROR_SUCCESS;
}

static DWORD plain_export(const struct csp_blob_env *env, const struct csp_key *k, const struct csp_key *pubkey, DWORD flags,
			  BYTE *data, DWORD *len)
{
	DWORD n = k->long_key ? k->long_len : k->key_len;
	DWORD size = PLAIN_HEADER + n;
	BLOBHEADER hdr;

	if (!(k->permissions & CRYPT_EXPORT))
		return NTE_BAD_KEY_STATE;
	if (!data) {
		*len = size;
		return ERROR_SUCCESS;
	}
	if (*len < size) {
		*len = size;
		return ERROR_MORE_DATA;
	}
	hdr.bType = PLAINTEXTKEYBLOB;
	hdr.bVersion = CUR_BLOB_VERSION;
	hdr.reserved = 0;
	hdr.aiKeyAlg = k->alg->id;
	memcpy(data, &hdr, sizeof(hdr));
	memcpy(data + sizeof(hdr), &n, sizeof(n));
	memcpy(data + PLAIN_HEADER, k->long_key ? k->long_key : k->key, n);
	*len = size;
	return ERROR_SUCCESS;
}

const struct csp_blob_ops csp_blob_plaintext = { PLAINTEXTKEYBLOB, plain_import, plain_export };
