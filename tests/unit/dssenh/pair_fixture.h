/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pair_fixture.h - what the DSS and DH key object tests share: the three
 * DSS profiles' BLOB environments over a counter random source, and short
 * forms of CryptGenKey, KP_* reads, CRYPT_DATA_BLOB sets and exports.
 */
#ifndef PAIR_FIXTURE_H
#define PAIR_FIXTURE_H

#include <stdlib.h>
#include "unit.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/pair.h"
#include "../../../rsaenh/core/params.h"
#include "../../../rsaenh/core/agree.h"
#include "../../../dssenh/core/dss_key.h"
#include "../counter_rng.h"

#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER ((DWORD)0xC000000D)
#endif

#define DSS_PROV "Microsoft Base DSS Cryptographic Provider"
#define BASE_DH_PROV "Microsoft Base DSS and Diffie-Hellman Cryptographic Provider"
#define ENH_PROV "Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider"

#define HDR 16   /* BLOBHEADER + DSSPUBKEY/DHPUBKEY (magic, bitlen) */

static DWORD rng_state;
static const struct csp_random test_rng = { counter_rng_fill, &rng_state };
static struct csp_blob_env dss, base_dh, enh;

static inline void setup(void)
{
	DWORD err;

	dss.profile = csp_profile_lookup(DSS_PROV, PROV_DSS, &err);
	base_dh.profile = csp_profile_lookup(BASE_DH_PROV, PROV_DSS_DH, &err);
	enh.profile = csp_profile_lookup(ENH_PROV, PROV_DSS_DH, &err);
	dss.rng = base_dh.rng = enh.rng = &test_rng;
	CHECK(dss.profile != NULL);
	CHECK(base_dh.profile != NULL);
	CHECK(enh.profile != NULL);
}

/* CryptGenKey of alg under env's profile. */
static inline DWORD gen(const struct csp_blob_env *env, ALG_ID alg, DWORD flags, struct csp_key **out)
{
	*out = NULL;
	return csp_pair_generate(csp_alg_find(alg), csp_profile_offer(env->profile, alg), flags,
				 &test_rng, out);
}

static inline DWORD get_dword(const struct csp_key *k, DWORD param)
{
	DWORD v = 0xdeadbeef, len = sizeof(v);

	if (csp_key_get_param(k, param, (BYTE *)&v, &len) || len != sizeof(v))
		return 0xdeadbeef;
	return v;
}

/* KP_* as a CRYPT_DATA_BLOB of n bytes */
static inline DWORD set_blob(struct csp_key *k, DWORD param, const BYTE *bytes, DWORD n)
{
	CRYPT_DATA_BLOB blob;

	blob.cbData = n;
	blob.pbData = (BYTE *)bytes;
	return csp_key_set_param(k, param, (const BYTE *)&blob);
}

static inline DWORD export(const struct csp_blob_env *env, const struct csp_key *k, DWORD type, BYTE *out,
		    DWORD *len, DWORD size)
{
	*len = size;
	return csp_blob_export(env, k, NULL, type, 0, out, len);
}

#endif
