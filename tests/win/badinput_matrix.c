/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * badinput_matrix.c - every Crypt* export of advapi32 (forwarded to
 * cryptsp, which calls rsaenh) given each kind of bad argument, with the
 * exact Windows error code checked and nothing written or handed out:
 *  - handles: 0, a made-up value, a pointer to zeros, a handle of the
 *    wrong type (a hash as a key, a key as a context, ...), substituted for
 *    each handle argument of each function in turn (ERROR_INVALID_PARAMETER,
 *    as Windows' dispatcher answers for any handle it does not own);
 *  - NULL required pointers, non-NULL reserved pointers, zero and short
 *    lengths, undefined flag bits, unknown ALG_IDs, parameter ids and BLOB
 *    types, one table row each.
 * The codes are those Wine's dlls/advapi32/tests/crypt.c and
 * dlls/rsaenh/tests/rsaenh.c establish on Windows and Microsoft documents;
 * where they say nothing, those of the CSP interface Wine's rsaenh models.
 * Prints the number of cases.
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

struct h {
	HCRYPTPROV prov;
	HCRYPTKEY key, pair;      /* an AES-128 key, a 512-bit key exchange pair */
	HCRYPTHASH hash;          /* SHA-1, data hashed */
};

static struct h good;
static int cases;

/* --- handles: each handle argument replaced by each bad value -------------- */

enum { R_PROV, R_KEY, R_PAIR, R_HASH };   /* the role a handle plays in a call */
typedef BOOL (*hcall)(const struct h *a, BYTE *out);

#define HC(name, expr) \
	static BOOL hc_##name(const struct h *a, BYTE *out) \
	{ DWORD len = 16; HCRYPTKEY k = 0; HCRYPTHASH hh = 0; HCRYPTPROV p = 0; BOOL r; (void)len; r = (expr); \
	  ok(!k && !hh && !p, #name ": handed out a handle\n"); return r; }

HC(CryptReleaseContext, CryptReleaseContext(a->prov, 0))
HC(CryptContextAddRef, CryptContextAddRef(a->prov, NULL, 0))
HC(CryptGenRandom, CryptGenRandom(a->prov, 8, out))
HC(CryptGetProvParam, CryptGetProvParam(a->prov, PP_NAME, out, &len, 0))
HC(CryptSetProvParam, CryptSetProvParam(a->prov, PP_KEYSET_SEC_DESCR, out, 0))
HC(CryptGenKey, CryptGenKey(a->prov, CALG_RC4, 0, &k))
HC(CryptDeriveKey, CryptDeriveKey(a->prov, CALG_RC4, a->hash, 0, &k))
HC(CryptCreateHash, CryptCreateHash(a->prov, CALG_SHA1, 0, 0, &hh))
HC(CryptCreateHashMAC, CryptCreateHash(a->prov, CALG_MAC, a->key, 0, &hh))
HC(CryptImportKey, CryptImportKey(a->prov, out, 8, 0, 0, &k))
HC(CryptImportKeyPub, CryptImportKey(a->prov, out, 8, a->pair, 0, &k))
HC(CryptGetUserKey, CryptGetUserKey(a->prov, AT_KEYEXCHANGE, &k))
HC(CryptEncrypt, CryptEncrypt(a->key, 0, TRUE, 0, out, &len, 32))
HC(CryptEncryptHash, CryptEncrypt(a->key, a->hash, TRUE, 0, out, &len, 32))
HC(CryptDecrypt, CryptDecrypt(a->key, 0, TRUE, 0, out, &len))
HC(CryptDecryptHash, CryptDecrypt(a->key, a->hash, TRUE, 0, out, &len))
HC(CryptExportKey, CryptExportKey(a->key, a->pair, SIMPLEBLOB, 0, out, &len))
HC(CryptGetKeyParam, CryptGetKeyParam(a->key, KP_ALGID, out, &len, 0))
HC(CryptSetKeyParam, CryptSetKeyParam(a->key, KP_SALT, out, 0))
HC(CryptDuplicateKey, CryptDuplicateKey(a->key, NULL, 0, &k))
HC(CryptDestroyKey, CryptDestroyKey(a->key))
HC(CryptHashData, CryptHashData(a->hash, out, 1, 0))
HC(CryptHashSessionKey, CryptHashSessionKey(a->hash, a->key, 0))
HC(CryptGetHashParam, CryptGetHashParam(a->hash, HP_ALGID, out, &len, 0))
HC(CryptSetHashParam, CryptSetHashParam(a->hash, HP_HASHVAL, out, 0))
HC(CryptDuplicateHash, CryptDuplicateHash(a->hash, NULL, 0, &hh))
HC(CryptDestroyHash, CryptDestroyHash(a->hash))
HC(CryptSignHashA, CryptSignHashA(a->hash, AT_KEYEXCHANGE, NULL, 0, out, &len))
HC(CryptSignHashW, CryptSignHashW(a->hash, AT_KEYEXCHANGE, NULL, 0, out, &len))
HC(CryptVerifySignatureA, CryptVerifySignatureA(a->hash, out, 64, a->pair, NULL, 0))
HC(CryptVerifySignatureW, CryptVerifySignatureW(a->hash, out, 64, a->pair, NULL, 0))

#define P (1 << R_PROV)
#define K (1 << R_KEY)
#define PK (1 << R_PAIR)
#define H (1 << R_HASH)
#define HROW(name, roles, optional) { #name, hc_##name, roles, optional }
static const struct {
	const char *name;
	hcall call;
	int roles, optional;     /* optional: 0 reaches the CSP there (its own row below) */
} hrows[] = {
	HROW(CryptReleaseContext, P, 0), HROW(CryptContextAddRef, P, 0), HROW(CryptGenRandom, P, 0),
	HROW(CryptGetProvParam, P, 0), HROW(CryptSetProvParam, P, 0), HROW(CryptGenKey, P, 0),
	HROW(CryptDeriveKey, P | H, 0), HROW(CryptCreateHash, P, 0), HROW(CryptCreateHashMAC, P | K, K),
	HROW(CryptImportKey, P, 0), HROW(CryptImportKeyPub, P | PK, PK), HROW(CryptGetUserKey, P, 0),
	HROW(CryptEncrypt, K, 0), HROW(CryptEncryptHash, K | H, H), HROW(CryptDecrypt, K, 0),
	HROW(CryptDecryptHash, K | H, H), HROW(CryptExportKey, K | PK, PK), HROW(CryptGetKeyParam, K, 0),
	HROW(CryptSetKeyParam, K, 0), HROW(CryptDuplicateKey, K, 0), HROW(CryptDestroyKey, K, 0),
	HROW(CryptHashData, H, 0), HROW(CryptHashSessionKey, H | K, 0), HROW(CryptGetHashParam, H, 0),
	HROW(CryptSetHashParam, H, 0), HROW(CryptDuplicateHash, H, 0), HROW(CryptDestroyHash, H, 0),
	HROW(CryptSignHashA, H, 0), HROW(CryptSignHashW, H, 0), HROW(CryptVerifySignatureA, H | PK, 0),
	HROW(CryptVerifySignatureW, H | PK, 0),
};

static ULONG_PTR *role(struct h *a, int r)
{
	switch (r) {
	case R_PROV: return &a->prov;
	case R_KEY: return &a->key;
	case R_PAIR: return &a->pair;
	default: return &a->hash;
	}
}

static void test_bad_handles(void)
{
	static ULONG_PTR zeros[16];
	BYTE out[64], pristine[64];
	unsigned i, r, v;

	memset(pristine, 0x5c, sizeof(pristine));
	for (i = 0; i < ARRAY_SIZE(hrows); i++)
		for (r = R_PROV; r <= R_HASH; r++) {
			ULONG_PTR bad[5] = { 0, 0xdeadbeef, (ULONG_PTR)zeros, 0, 0 };

			if (!(hrows[i].roles & (1 << r)))
				continue;
			/* the wrong type: the other kinds of live handle */
			bad[3] = r == R_PROV ? good.key : good.prov;
			bad[4] = r == R_HASH ? good.key : good.hash;
			for (v = 0; v < ARRAY_SIZE(bad); v++) {
				struct h a = good;
				BOOL ret;

				if (!bad[v] && (hrows[i].optional & (1 << r)))
					continue;
				*role(&a, r) = bad[v];
				memcpy(out, pristine, sizeof(out));
				SetLastError(0xdeadbeef);
				ret = hrows[i].call(&a, out);
				ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "%s, handle %u = bad value %u: %d/%08lx\n",
				   hrows[i].name, r, v, ret, GetLastError());
				ok(!memcmp(out, pristine, sizeof(out)), "%s: wrote its buffer\n", hrows[i].name);
				cases++;
			}
		}
}

/* --- everything else: one row per bad argument ------------------------------ */

typedef BOOL (*acall)(const struct h *a, BYTE *out, HCRYPTPROV *np, HCRYPTKEY *nk, HCRYPTHASH *nh);
#define AC(id, expr) \
	static BOOL ac_##id(const struct h *a, BYTE *out, HCRYPTPROV *np, HCRYPTKEY *nk, HCRYPTHASH *nh) \
	{ DWORD len = 16, one = 1, resv = 0, type = 0; (void)len; (void)one; (void)resv; (void)type; \
	  return (expr); }

static const BYTE blob_header_v3[] = { PLAINTEXTKEYBLOB, 3, 0, 0, 0x0e, 0x66, 0, 0, 16, 0, 0, 0 };
static const BYTE blob_type_42[] = { 0x42, CUR_BLOB_VERSION, 0, 0, 0x0e, 0x66, 0, 0, 16, 0, 0, 0 };

/* CryptAcquireContext */
AC(acq_null, CryptAcquireContextA(NULL, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
AC(acq_type0, CryptAcquireContextA(np, NULL, NULL, 0, CRYPT_VERIFYCONTEXT))
AC(acq_type1000, CryptAcquireContextA(np, NULL, NULL, 1000, CRYPT_VERIFYCONTEXT))
AC(acq_noprov, CryptAcquireContextA(np, NULL, "no such provider", PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
AC(acq_mismatch, CryptAcquireContextA(np, NULL, MS_ENHANCED_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
AC(acqw_null, CryptAcquireContextW(NULL, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
/* CryptContextAddRef / CryptReleaseContext (a context of its own) */
AC(release_flags, CryptReleaseContext(a->prov, 1))
/* CryptGetProvParam / CryptSetProvParam */
AC(gpp_nulllen, CryptGetProvParam(a->prov, PP_NAME, out, NULL, 0))
AC(gpp_short, (len = 1, CryptGetProvParam(a->prov, PP_NAME, out, &len, 0)))
AC(gpp_param, CryptGetProvParam(a->prov, 0x7fff, out, &len, 0))
AC(spp_param, CryptSetProvParam(a->prov, 0x7fff, out, 0))
/* CryptGenKey */
AC(gen_null, CryptGenKey(a->prov, CALG_AES_128, 0, NULL))
AC(gen_alg, CryptGenKey(a->prov, 0x7777, 0, nk))
AC(gen_hashalg, CryptGenKey(a->prov, CALG_SHA1, 0, nk))
AC(gen_aes, CryptGenKey(a->prov, CALG_AES, 0, nk))
/* CryptDeriveKey */
AC(derive_null, CryptDeriveKey(a->prov, CALG_RC4, a->hash, 0, NULL))
AC(derive_alg, CryptDeriveKey(a->prov, 0x7777, a->hash, 0, nk))
AC(derive_hashalg, CryptDeriveKey(a->prov, CALG_MD5, a->hash, 0, nk))
/* CryptCreateHash */
AC(ch_null, CryptCreateHash(a->prov, CALG_SHA1, 0, 0, NULL))
AC(ch_flags, CryptCreateHash(a->prov, CALG_SHA1, 0, 1, nh))
AC(ch_alg, CryptCreateHash(a->prov, 0x7777, 0, 0, nh))
AC(ch_cipheralg, CryptCreateHash(a->prov, CALG_AES_128, 0, 0, nh))
AC(ch_hmac_nokey, CryptCreateHash(a->prov, CALG_HMAC, 0, 0, nh))
AC(ch_mac_nokey, CryptCreateHash(a->prov, CALG_MAC, 0, 0, nh))
AC(ch_mac_pair, CryptCreateHash(a->prov, CALG_MAC, a->pair, 0, nh))
/* CryptHashData / CryptHashSessionKey */
AC(hd_flags, CryptHashData(a->hash, out, 4, ~0u))
AC(hsk_flags, CryptHashSessionKey(a->hash, a->key, 2))
/* CryptGetHashParam / CryptSetHashParam */
AC(ghp_nulllen, CryptGetHashParam(a->hash, HP_ALGID, out, NULL, 0))
AC(ghp_short, (len = 1, CryptGetHashParam(a->hash, HP_ALGID, out, &len, 0)))
AC(ghp_param, CryptGetHashParam(a->hash, 0x7fff, out, &len, 0))
AC(ghp_flags, CryptGetHashParam(a->hash, HP_ALGID, out, &len, 1))
AC(shp_null, CryptSetHashParam(a->hash, HP_HASHVAL, NULL, 0))
AC(shp_param, CryptSetHashParam(a->hash, 0x7fff, out, 0))
AC(shp_flags, CryptSetHashParam(a->hash, HP_HASHVAL, out, 1))
/* CryptGetKeyParam / CryptSetKeyParam */
AC(gkp_nulllen, CryptGetKeyParam(a->key, KP_ALGID, out, NULL, 0))
AC(gkp_short, (len = 1, CryptGetKeyParam(a->key, KP_IV, out, &len, 0)))
AC(gkp_param, CryptGetKeyParam(a->key, 0x7fff, out, &len, 0))
AC(gkp_flags, CryptGetKeyParam(a->key, KP_ALGID, out, &len, 1))
AC(skp_null, CryptSetKeyParam(a->key, KP_MODE, NULL, 0))
AC(skp_param, CryptSetKeyParam(a->key, 0x7fff, (BYTE *)&one, 0))
AC(skp_flags, CryptSetKeyParam(a->key, KP_MODE, (BYTE *)&one, 1))
/* CryptEncrypt / CryptDecrypt */
AC(enc_nulllen, CryptEncrypt(a->key, 0, TRUE, 0, out, NULL, 32))
AC(enc_short, CryptEncrypt(a->key, 0, TRUE, 0, out, &len, 16))
AC(enc_flags, CryptEncrypt(a->key, 0, TRUE, 1, out, &len, 32))
AC(enc_nonfinal_partial, (len = 5, CryptEncrypt(a->key, 0, FALSE, 0, out, &len, 32)))
AC(dec_nulldata, CryptDecrypt(a->key, 0, TRUE, 0, NULL, &len))
AC(dec_nulllen, CryptDecrypt(a->key, 0, TRUE, 0, out, NULL))
AC(dec_flags, CryptDecrypt(a->key, 0, TRUE, 1, out, &len))
AC(dec_partial, (len = 5, CryptDecrypt(a->key, 0, TRUE, 0, out, &len)))
AC(dec_rsa_short, (len = 5, CryptDecrypt(a->pair, 0, TRUE, 0, out, &len)))
/* CryptExportKey / CryptImportKey */
AC(exp_nulllen, CryptExportKey(a->pair, 0, PUBLICKEYBLOB, 0, out, NULL))
AC(exp_short, (len = 4, CryptExportKey(a->pair, 0, PUBLICKEYBLOB, 0, out, &len)))
AC(exp_type, CryptExportKey(a->key, 0, 0x42, 0, out, &len))
AC(exp_simple_nokey, CryptExportKey(a->key, 0, SIMPLEBLOB, 0, out, &len))
AC(imp_nulldata, CryptImportKey(a->prov, NULL, 12, 0, 0, nk))
AC(imp_zerolen, CryptImportKey(a->prov, blob_type_42, 0, 0, 0, nk))
AC(imp_nullkey, CryptImportKey(a->prov, blob_type_42, sizeof(blob_type_42), 0, 0, NULL))
AC(imp_shortlen, CryptImportKey(a->prov, blob_type_42, 4, 0, 0, nk))
AC(imp_version, CryptImportKey(a->prov, blob_header_v3, sizeof(blob_header_v3), 0, 0, nk))
AC(imp_type, CryptImportKey(a->prov, blob_type_42, sizeof(blob_type_42), 0, 0, nk))
/* CryptGetUserKey, CryptDuplicateKey / CryptDuplicateHash */
AC(guk_null, CryptGetUserKey(a->prov, AT_KEYEXCHANGE, NULL))
AC(guk_spec, CryptGetUserKey(a->prov, 7, nk))
AC(dk_resv, CryptDuplicateKey(a->key, &resv, 0, nk))
AC(dk_null, CryptDuplicateKey(a->key, NULL, 0, NULL))
AC(dh_resv, CryptDuplicateHash(a->hash, &resv, 0, nh))
AC(dh_null, CryptDuplicateHash(a->hash, NULL, 0, NULL))
/* CryptSignHash / CryptVerifySignature */
AC(sign_nulllen, CryptSignHashA(a->hash, AT_KEYEXCHANGE, NULL, 0, out, NULL))
AC(sign_flags, (len = 64, CryptSignHashA(a->hash, AT_KEYEXCHANGE, NULL, 0x100, out, &len)))
AC(sign_short, (len = 8, CryptSignHashA(a->hash, AT_KEYEXCHANGE, NULL, 0, out, &len)))
AC(signw_nulllen, CryptSignHashW(a->hash, AT_KEYEXCHANGE, NULL, 0, out, NULL))
AC(ver_nullsig, CryptVerifySignatureA(a->hash, NULL, 64, a->pair, NULL, 0))
AC(ver_shortsig, CryptVerifySignatureA(a->hash, out, 10, a->pair, NULL, 0))
AC(ver_flags, CryptVerifySignatureA(a->hash, out, 64, a->pair, NULL, 0x100))
AC(verw_nullsig, CryptVerifySignatureW(a->hash, NULL, 64, a->pair, NULL, 0))
/* the provider registry: enumeration, defaults */
AC(enum_resv, CryptEnumProvidersA(0, &resv, 0, &type, NULL, &len))
AC(enum_flags, CryptEnumProvidersA(0, NULL, 1, &type, NULL, &len))
AC(enum_nulllen, CryptEnumProvidersA(0, NULL, 0, &type, NULL, NULL))
AC(enum_short, (len = 1, CryptEnumProvidersA(0, NULL, 0, &type, (char *)out, &len)))
AC(enum_end, CryptEnumProvidersA(10000, NULL, 0, &type, NULL, &len))
AC(enumw_flags, CryptEnumProvidersW(0, NULL, 1, &type, NULL, &len))
AC(enumt_resv, CryptEnumProviderTypesA(0, &resv, 0, &type, NULL, &len))
AC(enumt_flags, CryptEnumProviderTypesA(0, NULL, 1, &type, NULL, &len))
AC(enumt_nulllen, CryptEnumProviderTypesA(0, NULL, 0, &type, NULL, NULL))
AC(enumt_end, CryptEnumProviderTypesA(10000, NULL, 0, &type, NULL, &len))
AC(enumtw_flags, CryptEnumProviderTypesW(0, NULL, 1, &type, NULL, &len))
AC(gdp_resv, CryptGetDefaultProviderA(PROV_RSA_FULL, &resv, CRYPT_MACHINE_DEFAULT, NULL, &len))
AC(gdp_flags, CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, 0xdeadbeef, NULL, &len))
AC(gdp_nulllen, CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT, NULL, NULL))
AC(gdp_short, (len = 1, CryptGetDefaultProviderA(PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT, (char *)out, &len)))
AC(gdpw_flags, CryptGetDefaultProviderW(PROV_RSA_FULL, NULL, 0xdeadbeef, NULL, &len))
AC(spx_resv, CryptSetProviderExA(MS_DEF_PROV_A, PROV_RSA_FULL, &resv, CRYPT_MACHINE_DEFAULT))
AC(spx_null, CryptSetProviderExA(NULL, PROV_RSA_FULL, NULL, CRYPT_MACHINE_DEFAULT))
AC(spx_flags, CryptSetProviderExA(MS_DEF_PROV_A, PROV_RSA_FULL, NULL, 0x100))
AC(spxw_resv, CryptSetProviderExW(MS_DEF_PROV_W, PROV_RSA_FULL, &resv, CRYPT_MACHINE_DEFAULT))
AC(sp_null, CryptSetProviderA(NULL, PROV_RSA_FULL))
AC(spw_null, CryptSetProviderW(NULL, PROV_RSA_FULL))

#define EIP ERROR_INVALID_PARAMETER
#define AROW(id, code) { #id, ac_##id, code }
static const struct {
	const char *name;
	acall call;
	DWORD code;
} arows[] = {
	AROW(acq_null, EIP), AROW(acq_type0, NTE_BAD_PROV_TYPE), AROW(acq_type1000, NTE_BAD_PROV_TYPE),
	AROW(acq_noprov, NTE_KEYSET_NOT_DEF), AROW(acq_mismatch, NTE_PROV_TYPE_NO_MATCH), AROW(acqw_null, EIP),
	AROW(release_flags, NTE_BAD_FLAGS),
	AROW(gpp_nulllen, EIP), AROW(gpp_short, ERROR_MORE_DATA), AROW(gpp_param, NTE_BAD_TYPE),
	AROW(spp_param, NTE_BAD_TYPE),
	AROW(gen_null, EIP), AROW(gen_alg, NTE_BAD_ALGID), AROW(gen_hashalg, NTE_BAD_ALGID),
	AROW(gen_aes, NTE_BAD_ALGID),
	AROW(derive_null, EIP), AROW(derive_alg, NTE_BAD_ALGID), AROW(derive_hashalg, NTE_BAD_ALGID),
	AROW(ch_null, EIP), AROW(ch_flags, NTE_BAD_FLAGS), AROW(ch_alg, NTE_BAD_ALGID),
	AROW(ch_cipheralg, NTE_BAD_ALGID), AROW(ch_hmac_nokey, NTE_BAD_KEY), AROW(ch_mac_nokey, NTE_BAD_KEY),
	AROW(ch_mac_pair, NTE_BAD_KEY),
	AROW(hd_flags, NTE_BAD_FLAGS), AROW(hsk_flags, NTE_BAD_FLAGS),
	AROW(ghp_nulllen, EIP), AROW(ghp_short, ERROR_MORE_DATA), AROW(ghp_param, NTE_BAD_TYPE),
	AROW(ghp_flags, NTE_BAD_FLAGS), AROW(shp_null, EIP), AROW(shp_param, NTE_BAD_TYPE),
	AROW(shp_flags, NTE_BAD_FLAGS),
	AROW(gkp_nulllen, EIP), AROW(gkp_short, ERROR_MORE_DATA), AROW(gkp_param, NTE_BAD_TYPE),
	AROW(gkp_flags, NTE_BAD_FLAGS), AROW(skp_null, EIP), AROW(skp_param, NTE_BAD_TYPE),
	AROW(skp_flags, NTE_BAD_FLAGS),
	AROW(enc_nulllen, EIP), AROW(enc_short, ERROR_MORE_DATA), AROW(enc_flags, NTE_BAD_FLAGS),
	AROW(enc_nonfinal_partial, NTE_BAD_DATA), AROW(dec_nulldata, EIP), AROW(dec_nulllen, EIP),
	AROW(dec_flags, NTE_BAD_FLAGS), AROW(dec_partial, NTE_BAD_DATA), AROW(dec_rsa_short, NTE_BAD_DATA),
	AROW(exp_nulllen, EIP), AROW(exp_short, ERROR_MORE_DATA), AROW(exp_type, NTE_BAD_TYPE),
	AROW(exp_simple_nokey, NTE_BAD_PUBLIC_KEY),
	AROW(imp_nulldata, EIP), AROW(imp_zerolen, EIP), AROW(imp_nullkey, EIP), AROW(imp_shortlen, NTE_BAD_DATA),
	AROW(imp_version, NTE_BAD_DATA), AROW(imp_type, NTE_BAD_TYPE),
	AROW(guk_null, EIP), AROW(guk_spec, NTE_NO_KEY), AROW(dk_resv, EIP), AROW(dk_null, EIP),
	AROW(dh_resv, EIP), AROW(dh_null, EIP),
	AROW(sign_nulllen, EIP), AROW(sign_flags, NTE_BAD_FLAGS), AROW(sign_short, ERROR_MORE_DATA),
	AROW(signw_nulllen, EIP), AROW(ver_nullsig, EIP), AROW(ver_shortsig, NTE_BAD_SIGNATURE),
	AROW(ver_flags, NTE_BAD_FLAGS), AROW(verw_nullsig, EIP),
	AROW(enum_resv, EIP), AROW(enum_flags, NTE_BAD_FLAGS), AROW(enum_nulllen, EIP),
	AROW(enum_short, ERROR_MORE_DATA), AROW(enum_end, ERROR_NO_MORE_ITEMS), AROW(enumw_flags, NTE_BAD_FLAGS),
	AROW(enumt_resv, EIP), AROW(enumt_flags, NTE_BAD_FLAGS), AROW(enumt_nulllen, EIP),
	AROW(enumt_end, ERROR_NO_MORE_ITEMS), AROW(enumtw_flags, NTE_BAD_FLAGS),
	AROW(gdp_resv, EIP), AROW(gdp_flags, NTE_BAD_FLAGS), AROW(gdp_nulllen, EIP),
	AROW(gdp_short, ERROR_MORE_DATA), AROW(gdpw_flags, NTE_BAD_FLAGS),
	AROW(spx_resv, EIP), AROW(spx_null, EIP), AROW(spx_flags, NTE_BAD_FLAGS), AROW(spxw_resv, EIP),
	AROW(sp_null, EIP), AROW(spw_null, EIP),
};

static void test_bad_arguments(void)
{
	BYTE out[256], pristine[256];
	unsigned i;

	memset(pristine, 0x5c, sizeof(pristine));
	for (i = 0; i < ARRAY_SIZE(arows); i++) {
		struct h a = good;
		HCRYPTPROV np = 0;
		HCRYPTKEY nk = 0;
		HCRYPTHASH nh = 0;
		BOOL ret;

		/* the flags row of CryptReleaseContext releases: give it its own context */
		if (arows[i].call == ac_release_flags &&
		    !CryptAcquireContextA(&a.prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
			skip("release_flags: no context\n");
			continue;
		}
		memcpy(out, pristine, sizeof(out));
		SetLastError(0xdeadbeef);
		ret = arows[i].call(&a, out, &np, &nk, &nh);
		ok(!ret && GetLastError() == arows[i].code, "%s: %d/%08lx, expected %08lx\n", arows[i].name, ret,
		   GetLastError(), arows[i].code);
		/* a too-short buffer is never written either */
		ok(!memcmp(out, pristine, sizeof(out)), "%s: wrote its buffer\n", arows[i].name);
		ok(!np && !nk && !nh, "%s: handed out a handle\n", arows[i].name);
		cases++;
	}
}

START_TEST(badinput_matrix)
{
	static const BYTE data[4] = { 1, 2, 3, 4 };

	if (!CryptAcquireContextA(&good.prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
		skip("no PROV_RSA_AES context: %08lx\n", GetLastError());
		return;
	}
	ok(CryptGenKey(good.prov, CALG_AES_128, CRYPT_EXPORTABLE, &good.key), "CryptGenKey: %08lx\n", GetLastError());
	ok(CryptGenKey(good.prov, AT_KEYEXCHANGE, (512 << 16) | CRYPT_EXPORTABLE, &good.pair),
	   "CryptGenKey(AT_KEYEXCHANGE): %08lx\n", GetLastError());
	ok(CryptCreateHash(good.prov, CALG_SHA1, 0, 0, &good.hash), "CryptCreateHash: %08lx\n", GetLastError());
	ok(CryptHashData(good.hash, data, sizeof(data), 0), "CryptHashData: %08lx\n", GetLastError());
	test_bad_handles();
	test_bad_arguments();
	/* the good handles came through it all alive */
	{
		BYTE buf[32] = { 0 };
		DWORD len = 16;

		ok(CryptEncrypt(good.key, 0, TRUE, 0, buf, &len, sizeof(buf)) && len == 32, "the key died: %08lx\n",
		   GetLastError());
	}
	ok(CryptDestroyHash(good.hash) && CryptDestroyKey(good.key) && CryptDestroyKey(good.pair) &&
	   CryptReleaseContext(good.prov, 0), "teardown: %08lx\n", GetLastError());
	trace("%d bad-input cases\n", cases);
	printf("badinput_matrix: %d bad-input cases\n", cases);
}
