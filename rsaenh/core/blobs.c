/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * blobs.c - the table of key BLOB handlers and the header checks every
 * import shares.  Add a row per BLOB type.
 */
#include <string.h>
#include "blobs.h"

static const struct csp_blob_ops *const blob_table[] = {
	&csp_blob_simple,
	&csp_blob_public,
	&csp_blob_private,
	&csp_blob_plaintext,
	&csp_blob_symwrap,
	&csp_blob_opaque,
};

/* The types a BLOB of version 3 may be (DSS and Diffie-Hellman pairs:
 * blob_pair.c asks the family); the others are CUR_BLOB_VERSION only. */
static const struct csp_blob_ops *const version3_table[] = {
	&csp_blob_public,
	&csp_blob_private,
};

static const struct csp_blob_ops *find_in(const struct csp_blob_ops *const *table, size_t n, BYTE type)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (table[i]->type == type)
			return table[i];
	return NULL;
}

DWORD csp_blob_check_key_length(const struct csp_profile_alg *offer, DWORD key_len)
{
	DWORD bits;

	if (!key_len || key_len > CSP_MAX_KEY)
		return NTE_BAD_DATA;
	if (offer->id == CALG_RC2 && key_len * 8 >= offer->min_bits)
		return ERROR_SUCCESS;
	return csp_key_length(offer, key_len * 8, &bits) ? NTE_BAD_DATA : ERROR_SUCCESS;
}

void csp_put_u32(BYTE *p, DWORD v)
{
	p[0] = (BYTE)v; p[1] = (BYTE)(v >> 8); p[2] = (BYTE)(v >> 16); p[3] = (BYTE)(v >> 24);
}

DWORD csp_get_u32(const BYTE *p)
{
	return p[0] | (DWORD)p[1] << 8 | (DWORD)p[2] << 16 | (DWORD)p[3] << 24;
}

void csp_blob_write_header_version(BYTE *out, BYTE type, BYTE version, ALG_ID alg)
{
	out[0] = type;
	out[1] = version;
	out[2] = out[3] = 0;
	csp_put_u32(out + 4, alg);
}

void csp_blob_write_header(BYTE *out, BYTE type, ALG_ID alg)
{
	csp_blob_write_header_version(out, type, CUR_BLOB_VERSION, alg);
}

DWORD csp_blob_sizing(BYTE *data, DWORD *len, DWORD need, BOOL *write)
{
	*write = FALSE;
	if (!data) {
		*len = need;
		return ERROR_SUCCESS;
	}
	if (*len < need) {
		*len = need;
		return ERROR_MORE_DATA;
	}
	*len = need;
	*write = TRUE;
	return ERROR_SUCCESS;
}

const struct csp_blob_ops *csp_blob_find(BYTE type)
{
	return find_in(blob_table, sizeof(blob_table) / sizeof(blob_table[0]), type);
}

DWORD csp_blob_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
		      const struct csp_key *pubkey, DWORD flags, struct csp_key **out)
{
	const struct csp_blob_ops *ops;
	BLOBHEADER hdr;

	if (len < sizeof(hdr))
		return NTE_BAD_DATA;
	memcpy(&hdr, data, sizeof(hdr));
	if (hdr.reserved || (hdr.bVersion != CUR_BLOB_VERSION &&
			     !(hdr.bVersion == 3 &&
			       find_in(version3_table, sizeof(version3_table) / sizeof(version3_table[0]), hdr.bType))))
		return NTE_BAD_DATA;
	if (!(ops = csp_blob_find(hdr.bType)) || !ops->import)
		return NTE_BAD_TYPE;
	return ops->import(env, data, len, pubkey, flags, out);
}

DWORD csp_blob_export(const struct csp_blob_env *env, const struct csp_key *k,
		      const struct csp_key *pubkey, DWORD type, DWORD flags, BYTE *data, DWORD *len)
{
	const struct csp_blob_ops *ops;

	if (type > 0xff || !(ops = csp_blob_find((BYTE)type)) || !ops->export)
		return NTE_BAD_TYPE;
	return ops->export(env, k, pubkey, flags, data, len);
}
