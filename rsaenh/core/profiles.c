/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * profiles.c - the provider profiles, as Windows' rsaenh and dssenh report
 * them through PP_ENUMALGS_EX.  Rows the algorithm table does not implement yet (RSA, MAC,
 * HMAC, ...) are listed here as Windows has them but are neither enumerated
 * nor usable until the table gains them: we never advertise what we refuse.
 */
#include <string.h>
#include "profiles.h"

#define SSL_ALL (CRYPT_FLAG_PCT1 | CRYPT_FLAG_SSL2 | CRYPT_FLAG_SSL3 | CRYPT_FLAG_TLS1)
#define SIGN_IPSEC (CRYPT_FLAG_SIGNING | CRYPT_FLAG_IPSEC)

static const struct csp_profile_alg base_algs[] = {
	{ CALG_RC2, 40, 40, 56, 0 },
	{ CALG_RC4, 40, 40, 56, 0 },
	{ CALG_DES, 56, 56, 56, 0 },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_MD2, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD4, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_SSL3_SHAMD5, 288, 288, 288, 0 },
	{ CALG_MAC, 0, 0, 0, 0 },
	{ CALG_RSA_SIGN, 512, 384, 16384, SIGN_IPSEC },
	{ CALG_RSA_KEYX, 512, 384, 1024, SIGN_IPSEC },
	{ CALG_HMAC, 0, 0, 0, 0 },
};

/* Strong and Enhanced offer the same rows. */
static const struct csp_profile_alg enhanced_algs[] = {
	{ CALG_RC2, 128, 40, 128, 0 },
	{ CALG_RC4, 128, 40, 128, 0 },
	{ CALG_DES, 56, 56, 56, 0 },
	{ CALG_3DES_112, 112, 112, 112, 0 },
	{ CALG_3DES, 168, 168, 168, 0 },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_MD2, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD4, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_SSL3_SHAMD5, 288, 288, 288, 0 },
	{ CALG_MAC, 0, 0, 0, 0 },
	{ CALG_RSA_SIGN, 1024, 384, 16384, SIGN_IPSEC },
	{ CALG_RSA_KEYX, 1024, 384, 16384, SIGN_IPSEC },
	{ CALG_HMAC, 0, 0, 0, 0 },
};

static const struct csp_profile_alg schannel_algs[] = {
	{ CALG_RC2, 128, 40, 128, SSL_ALL },
	{ CALG_RC4, 128, 40, 128, SSL_ALL },
	{ CALG_DES, 56, 56, 56, SSL_ALL },
	{ CALG_3DES_112, 112, 112, 112, SSL_ALL },
	{ CALG_3DES, 168, 168, 168, SSL_ALL },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_SSL3_SHAMD5, 288, 288, 288, 0 },
	{ CALG_MAC, 0, 0, 0, 0 },
	{ CALG_RSA_SIGN, 1024, 384, 16384, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_RSA_KEYX, 1024, 384, 16384, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_HMAC, 0, 0, 0, 0 },
	{ CALG_PCT1_MASTER, 128, 128, 128, CRYPT_FLAG_PCT1 },
	{ CALG_SSL2_MASTER, 40, 40, 192, CRYPT_FLAG_SSL2 },
	{ CALG_SSL3_MASTER, 384, 384, 384, CRYPT_FLAG_SSL3 },
	{ CALG_TLS1_MASTER, 384, 384, 384, CRYPT_FLAG_TLS1 },
	{ CALG_SCHANNEL_MASTER_HASH, 0, 0, 0xffffffff, 0 },
	{ CALG_SCHANNEL_MAC_KEY, 0, 0, 0xffffffff, 0 },
	{ CALG_SCHANNEL_ENC_KEY, 0, 0, 0xffffffff, 0 },
	{ CALG_TLS1PRF, 0, 0, 0xffffffff, 0 },
};

static const struct csp_profile_alg aes_algs[] = {
	{ CALG_RC2, 128, 40, 128, 0 },
	{ CALG_RC4, 128, 40, 128, 0 },
	{ CALG_DES, 56, 56, 56, 0 },
	{ CALG_3DES_112, 112, 112, 112, 0 },
	{ CALG_3DES, 168, 168, 168, 0 },
	{ CALG_AES_128, 128, 128, 128, 0 },
	{ CALG_AES_192, 192, 192, 192, 0 },
	{ CALG_AES_256, 256, 256, 256, 0 },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_SHA_256, 256, 256, 256, CRYPT_FLAG_SIGNING },
	{ CALG_SHA_384, 384, 384, 384, CRYPT_FLAG_SIGNING },
	{ CALG_SHA_512, 512, 512, 512, CRYPT_FLAG_SIGNING },
	{ CALG_MD2, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD4, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_SSL3_SHAMD5, 288, 288, 288, 0 },
	{ CALG_MAC, 0, 0, 0, 0 },
	{ CALG_RSA_SIGN, 1024, 384, 16384, SIGN_IPSEC },
	{ CALG_RSA_KEYX, 1024, 384, 16384, SIGN_IPSEC },
	{ CALG_HMAC, 0, 0, 0, 0 },
};

/* The DSS providers (dssenh.dll).  DSS signature keys are 512 to 1024
 * bits in steps of 64 everywhere; Diffie-Hellman keys 512/512/1024 on the
 * Base DSS/DH provider, 512/1024/4096 on the Enhanced and SChannel ones. */
static const struct csp_profile_alg dss_algs[] = {
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_DSS_SIGN, 1024, 512, 1024, SIGN_IPSEC },
};

/* Windows' Base DSS/DH provider has the Triple DES ciphers too (Wine's
 * dssenh suite agrees 3DES keys with it). */
static const struct csp_profile_alg dss_dh_algs[] = {
	{ CALG_RC2, 40, 40, 56, 0 },
	{ CALG_RC4, 40, 40, 56, 0 },
	{ CALG_DES, 56, 56, 56, 0 },
	{ CALG_3DES_112, 112, 112, 112, 0 },
	{ CALG_3DES, 168, 168, 168, 0 },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_DSS_SIGN, 1024, 512, 1024, SIGN_IPSEC },
	{ CALG_DH_SF, 512, 512, 1024, CRYPT_FLAG_IPSEC },
	{ CALG_DH_EPHEM, 512, 512, 1024, CRYPT_FLAG_IPSEC },
};

static const struct csp_profile_alg dss_enh_algs[] = {
	{ CALG_RC2, 128, 40, 128, 0 },
	{ CALG_RC4, 128, 40, 128, 0 },
	{ CALG_DES, 56, 56, 56, 0 },
	{ CALG_3DES_112, 112, 112, 112, 0 },
	{ CALG_3DES, 168, 168, 168, 0 },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING },
	{ CALG_DSS_SIGN, 1024, 512, 1024, SIGN_IPSEC },
	{ CALG_DH_SF, 1024, 512, 4096, CRYPT_FLAG_IPSEC },
	{ CALG_DH_EPHEM, 1024, 512, 4096, CRYPT_FLAG_IPSEC },
};

static const struct csp_profile_alg dh_schannel_algs[] = {
	{ CALG_RC2, 128, 40, 128, SSL_ALL },
	{ CALG_RC4, 128, 40, 128, SSL_ALL },
	{ CALG_DES, 56, 56, 56, SSL_ALL },
	{ CALG_3DES_112, 112, 112, 112, SSL_ALL },
	{ CALG_3DES, 168, 168, 168, SSL_ALL },
	{ CALG_SHA, 160, 160, 160, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_MD5, 128, 128, 128, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_DSS_SIGN, 1024, 512, 1024, CRYPT_FLAG_SIGNING | SSL_ALL },
	{ CALG_DH_SF, 1024, 512, 4096, SSL_ALL },
	{ CALG_DH_EPHEM, 1024, 512, 4096, SSL_ALL },
};

/* Base and Strong: CRYPT_CREATE_SALT gives eleven random bytes, and a
 * KP_SALT salt stays.  Enhanced: CRYPT_CREATE_SALT gives no salt at all, and
 * KP_SALT salts the current schedule only (Wine 10.0's rsaenh suite, run on
 * Windows).  The others have Base's salts and Enhanced's KP_SALT. */
static const struct csp_salt_rules salt_base = { CSP_SALT_LEN, TRUE };
static const struct csp_salt_rules salt_enhanced = { 0, FALSE };
static const struct csp_salt_rules salt_other = { CSP_SALT_LEN, FALSE };

#define ROWS(a) a, sizeof(a) / sizeof(a[0])
#define RSA(salt) CSP_IMAGE_RSAENH, CALG_RSA_KEYX, CALG_RSA_SIGN, &salt
#define DSS(salt) CSP_IMAGE_DSSENH, 0, CALG_DSS_SIGN, &salt
#define DSS_DH(salt) CSP_IMAGE_DSSENH, CALG_DH_SF, CALG_DSS_SIGN, &salt
#define DSS_QUIRKS CSP_QUIRK_STRICT_MODES

/* Type defaults are Windows' (Type 001 is the Strong provider there). */
static const struct csp_profile profiles[] = {
	{ "Microsoft Base Cryptographic Provider v1.0", PROV_RSA_FULL, TRUE, NULL, ROWS(base_algs),
	  CSP_QUIRK_FIXED_EFFECTIVE_LEN, RSA(salt_base) },
	{ "Microsoft Strong Cryptographic Provider", PROV_RSA_FULL, TRUE,
	  "RSA Full (Signature and Key Exchange)", ROWS(enhanced_algs), 0, RSA(salt_base) },
	{ "Microsoft Enhanced Cryptographic Provider v1.0", PROV_RSA_FULL, TRUE, NULL, ROWS(enhanced_algs),
	  0, RSA(salt_enhanced) },
	{ "Microsoft RSA SChannel Cryptographic Provider", PROV_RSA_SCHANNEL, TRUE, "RSA SChannel",
	  ROWS(schannel_algs), 0, RSA(salt_other) },
	{ "Microsoft Enhanced RSA and AES Cryptographic Provider", PROV_RSA_AES, TRUE, "RSA Full and AES",
	  ROWS(aes_algs), 0, RSA(salt_other) },
	/* Windows XP's name for the AES provider: still accepted, no longer registered */
	{ "Microsoft Enhanced RSA and AES Cryptographic Provider (Prototype)", PROV_RSA_AES, FALSE, NULL,
	  ROWS(aes_algs), 0, RSA(salt_other) },
	{ "Microsoft Base DSS Cryptographic Provider", PROV_DSS, TRUE, "DSS Signature",
	  ROWS(dss_algs), DSS_QUIRKS, DSS(salt_other) },
	{ "Microsoft Base DSS and Diffie-Hellman Cryptographic Provider", PROV_DSS_DH, TRUE, NULL,
	  ROWS(dss_dh_algs), DSS_QUIRKS, DSS_DH(salt_base) },
	{ "Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider", PROV_DSS_DH, TRUE,
	  "DSS Signature with Diffie-Hellman Key Exchange", ROWS(dss_enh_algs),
	  DSS_QUIRKS, DSS_DH(salt_enhanced) },
	{ "Microsoft DH SChannel Cryptographic Provider", PROV_DH_SCHANNEL, TRUE, "Diffie-Hellman SChannel",
	  ROWS(dh_schannel_algs), DSS_QUIRKS, DSS_DH(salt_other) },
};

#define PROFILE_COUNT (sizeof(profiles) / sizeof(profiles[0]))

DWORD csp_profile_count(void)
{
	return PROFILE_COUNT;
}

const struct csp_profile *csp_profile_at(DWORD index)
{
	return index < PROFILE_COUNT ? &profiles[index] : NULL;
}

static int name_equal(const char *a, const char *b)
{
	/* provider names compare case-insensitively, as registry key names do */
	for (; *a && *b; a++, b++) {
		char ca = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
		char cb = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
		if (ca != cb)
			return 0;
	}
	return *a == *b;
}

static BOOL served_by(const struct csp_profile *p, const char *image)
{
	return !image || !strcmp(p->image, image);
}

const struct csp_profile *csp_profile_lookup_in(const char *image, const char *name, DWORD type,
						DWORD *error)
{
	DWORD i;

	if (!name || !*name) {
		for (i = 0; i < PROFILE_COUNT; i++)
			if (profiles[i].type == type && profiles[i].type_name && served_by(&profiles[i], image))
				return &profiles[i];
		*error = NTE_BAD_PROV_TYPE;
		return NULL;
	}
	for (i = 0; i < PROFILE_COUNT; i++) {
		if (!served_by(&profiles[i], image) || !name_equal(profiles[i].name, name))
			continue;
		if (profiles[i].type != type) {
			*error = NTE_PROV_TYPE_NO_MATCH;
			return NULL;
		}
		return &profiles[i];
	}
	*error = NTE_KEYSET_NOT_DEF;
	return NULL;
}

const struct csp_profile *csp_profile_lookup(const char *name, DWORD type, DWORD *error)
{
	return csp_profile_lookup_in(NULL, name, type, error);
}

const struct csp_profile_alg *csp_profile_offer(const struct csp_profile *p, ALG_ID id)
{
	DWORD i;

	if (!csp_alg_find(id))
		return NULL;
	for (i = 0; i < p->n_algs; i++)
		if (p->algs[i].id == id)
			return &p->algs[i];
	return NULL;
}

static void copy_name(CHAR *dst, DWORD cap, DWORD *len, const char *src)
{
	DWORD n = (DWORD)strlen(src) + 1;

	if (n > cap)
		n = cap;
	memset(dst, 0, cap);
	memcpy(dst, src, n - 1);
	*len = n;
}

DWORD csp_profile_enum(const struct csp_profile *p, DWORD *cursor, PROV_ENUMALGS_EX *out)
{
	DWORD i;

	for (i = *cursor; i < p->n_algs; i++) {
		const struct csp_profile_alg *row = &p->algs[i];
		const struct csp_alg *alg = csp_alg_find(row->id);

		if (!alg)
			continue;
		memset(out, 0, sizeof(*out));
		out->aiAlgid = row->id;
		out->dwDefaultLen = row->default_bits;
		out->dwMinLen = row->min_bits;
		out->dwMaxLen = row->max_bits;
		out->dwProtocols = row->protocols;
		copy_name(out->szName, sizeof(out->szName), &out->dwNameLen, alg->name);
		copy_name(out->szLongName, sizeof(out->szLongName), &out->dwLongNameLen, alg->long_name);
		*cursor = i + 1;
		return ERROR_SUCCESS;
	}
	*cursor = p->n_algs;
	return ERROR_NO_MORE_ITEMS;
}
