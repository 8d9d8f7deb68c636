/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * profiles.h - provider profiles: what each provider name offers from the
 * algorithm table, with Windows' default/min/max key lengths: rsaenh.dll
 * serves Base, Strong, Enhanced, SChannel and RSA+AES, dssenh.dll the DSS,
 * DSS/DH Base and Enhanced and DH SChannel providers.  The same table
 * decides what each DllRegisterServer registers and what its
 * CPAcquireContext accepts.
 */
#ifndef CSP_PROFILES_H
#define CSP_PROFILES_H

#include "wincsp.h"
#include "algs.h"

struct csp_profile_alg {
	ALG_ID id;
	DWORD default_bits, min_bits, max_bits;
	DWORD protocols;          /* PROV_ENUMALGS_EX dwProtocols */
};

/* How a provider salts RC2 and RC4 keys (Microsoft's "Salt Value
 * Functionality"): a 40-bit key gets CSP_SALT_LEN zero bytes unless
 * CRYPT_NO_SALT, every provider alike; the rest differs. */
#define CSP_SALT_LEN 11
struct csp_salt_rules {
	DWORD create_len;         /* salt bytes CRYPT_CREATE_SALT gives a key under 128 bits */
	BOOL keep_set_salt;       /* a KP_SALT salt stays reported and used */
};

struct csp_profile {
	const char *name;         /* provider name, e.g. MS_ENHANCED_PROV */
	DWORD type;               /* PROV_RSA_FULL, PROV_RSA_AES, ... */
	BOOL registered;          /* listed under Defaults\Provider */
	const char *type_name;    /* non-NULL: this profile is its type's default */
	const struct csp_profile_alg *algs;
	DWORD n_algs;
	DWORD quirks;             /* CSP_QUIRK_*: where Microsoft's providers differ */
	const char *image;        /* the DLL that serves it */
	ALG_ID keyx_alg, sig_alg; /* what AT_KEYEXCHANGE / AT_SIGNATURE mean; 0: nothing */
	const struct csp_salt_rules *salt;
};

#define CSP_IMAGE_RSAENH "rsaenh.dll"
#define CSP_IMAGE_DSSENH "dssenh.dll"

/* KP_EFFECTIVE_KEYLEN can only be the default (Base provider) */
#define CSP_QUIRK_FIXED_EFFECTIVE_LEN 0x1
/* KP_MODE refuses modes the provider lacks (the DSS providers: no OFB) */
#define CSP_QUIRK_STRICT_MODES        0x8

DWORD csp_profile_count(void);
const struct csp_profile *csp_profile_at(DWORD index);

/* The profile for (name, type) as CPAcquireContext receives them; a NULL or
 * empty name picks the type's default.  On failure *error is the Windows
 * code (NTE_KEYSET_NOT_DEF-like: NTE_BAD_PROV_TYPE, NTE_PROV_TYPE_NO_MATCH). */
const struct csp_profile *csp_profile_lookup(const char *name, DWORD type, DWORD *error);
/* The same among the profiles of one DLL (image: CSP_IMAGE_*). */
const struct csp_profile *csp_profile_lookup_in(const char *image, const char *name, DWORD type,
						DWORD *error);

/* The row for id if this profile offers it AND the table implements it. */
const struct csp_profile_alg *csp_profile_offer(const struct csp_profile *p, ALG_ID id);

/* PP_ENUMALGS_EX: fill *out with the first offered row at or after *cursor
 * (a profile row index) and advance *cursor past it; ERROR_NO_MORE_ITEMS at
 * the end. */
DWORD csp_profile_enum(const struct csp_profile *p, DWORD *cursor, PROV_ENUMALGS_EX *out);

#endif
