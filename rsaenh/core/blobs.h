/*
 * blobs.h - key BLOBs (CryptImportKey/CryptExportKey): one table of
 * handlers, a row per bType, so each BLOB kind lives in its own module.
 * PLAINTEXTKEYBLOB is here (blob_plain.c); SIMPLEBLOB and the RSA BLOBs
 * join the table as rows of their own.
 */
#ifndef CSP_BLOBS_H
#define CSP_BLOBS_H

#include "key.h"

struct csp_blob_ops {
	BYTE type;                 /* BLOBHEADER.bType */
	/* data/len: the whole BLOB, header checked already; pubkey: the
	 * hPubKey/hExpKey key or NULL */
	DWORD (*import)(const struct csp_profile *p, const BYTE *data, DWORD len,
			const struct csp_key *pubkey, DWORD flags, struct csp_key **out);
	/* Windows' copy-out rule: data NULL -> size only, ERROR_MORE_DATA */
	DWORD (*export)(const struct csp_key *k, const struct csp_key *pubkey, DWORD flags,
			BYTE *data, DWORD *len);
};

extern const struct csp_blob_ops csp_blob_plaintext;

/* The handler of bType, or NULL (NTE_BAD_TYPE for the caller). */
const struct csp_blob_ops *csp_blob_find(BYTE type);

/* CryptImportKey: header checks (NTE_BAD_DATA), then the type's handler
 * (NTE_BAD_TYPE when there is none). */
DWORD csp_blob_import(const struct csp_profile *p, const BYTE *data, DWORD len,
		      const struct csp_key *pubkey, DWORD flags, struct csp_key **out);
/* CryptExportKey: the type's handler, NTE_BAD_TYPE when there is none. */
DWORD csp_blob_export(const struct csp_key *k, const struct csp_key *pubkey, DWORD type, DWORD flags,
		      BYTE *data, DWORD *len);

#endif
