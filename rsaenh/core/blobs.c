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
};

const struct csp_blob_ops *csp_blob_find(BYTE type)
{
	size_t i;

	for (i = 0; i < sizeof(blob_table) / sizeof(blob_table[0]); i++)
		if (blob_table[i]->type == type)
			return blob_table[i];
	return NULL;
}

DWORD csp_blob_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
		      const struct csp_key *pubkey, DWORD flags, struct csp_key **out)
{
	const struct csp_blob_ops *ops;
	BLOBHEADER hdr;

	if (len < sizeof(hdr))
		return NTE_BAD_DATA;
	memcpy(&hdr, data, sizeof(hdr));
	if (hdr.bVersion != CUR_BLOB_VERSION || hdr.reserved)
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
