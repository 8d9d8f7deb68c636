/*
 * blob.h - key BLOBs (CryptExportKey / CryptImportKey): one handler per
 * BLOB type in a small table (blob.c), so each type is added as a row.
 */
#ifndef CSP_BLOB_H
#define CSP_BLOB_H

#include "wincsp.h"
#include "key.h"
#include "profiles.h"
#include "random.h"

#ifndef CRYPT_SSL2_FALLBACK
#define CRYPT_SSL2_FALLBACK 0x00000002
/* PRIVATEKEYBLOB of an RSA key; force skips the CRYPT_EXPORT check (for
 * the provider's own container storage only). */
DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len);

#endif

/* What a handler may need besides the keys. */
struct csp_blob_env {
	const struct csp_profile *profile;   /* which algorithms and lengths exist */
	const struct csp_random *rng;        /* padding */
};

/* CryptExportKey: wrap (hExpKey) may be NULL.  data NULL asks the size;
 * a short buffer gives ERROR_MORE_DATA and the size.  Unknown type:
 * NTE_BAD_TYPE.  The keys are not modified. */
DWORD csp_blob_export(const struct csp_blob_env *env, const struct csp_key *k,
		      const struct csp_key *wrap, DWORD type, DWORD flags, BYTE *data, DWORD *len);

/* CryptImportKey: a new key object, or the Windows error (NTE_BAD_DATA for
 * malformed BLOBs, NTE_BAD_VER, NTE_BAD_TYPE, ...). */
DWORD csp_blob_import(const struct csp_blob_env *env, const BYTE *data, DWORD len,
		      const struct csp_key *wrap, DWORD flags, struct csp_key **out);

/* PRIVATEKEYBLOB of an RSA key; force skips the CRYPT_EXPORT check (for
 * the provider's own container storage only). */
DWORD csp_blob_export_private(const struct csp_key *k, const struct csp_key *wrap, BOOL force,
			      BYTE *data, DWORD *len);

#endif
