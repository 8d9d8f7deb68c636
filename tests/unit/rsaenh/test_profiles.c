/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_profiles.c - the algorithm table and the provider profiles over it:
 * lookups by name and type, key-length rules, PP_* answers, enumeration.
 */
#include <string.h>
#include "unit.h"
#include "../../../rsaenh/core/profiles.h"
#include "../../../rsaenh/core/provparams.h"
#include "../../../rsaenh/core/key.h"

#define AES_PROV "Microsoft Enhanced RSA and AES Cryptographic Provider"
#define ENH_PROV "Microsoft Enhanced Cryptographic Provider v1.0"

static void test_table(void)
{
	DWORD i, j;

	/* every ALG_ID appears once, and each row is a hash, a cipher, a key
	 * pair (which has neither), an SChannel master key, one of the
	 * SChannel write keys that only CryptDeriveKey makes, or the agreed
	 * key of a Diffie-Hellman exchange */
	for (i = 0; i < csp_alg_count(); i++) {
		const struct csp_alg *a = csp_alg_at(i);
		BOOL secret = a->id == CALG_SCHANNEL_ENC_KEY || a->id == CALG_SCHANNEL_MAC_KEY ||
			      a->id == CALG_AGREEDKEY_ANY;
		CHECK((a->hash_ops != NULL) + (a->cipher != NULL) + (a->pair != NULL) + (a->master != NULL) +
		      secret == 1);
		/* the public-key rows are exactly the RSA, DSS and DH ones */
		CHECK((a->pair != NULL) == (GET_ALG_TYPE(a->id) == ALG_TYPE_RSA || GET_ALG_TYPE(a->id) == ALG_TYPE_DSS ||
					    a->id == CALG_DH_SF || a->id == CALG_DH_EPHEM));
		/* a nettle hash only on hash rows; the DES family's two lengths */
		CHECK(!a->hash || a->hash_ops);
		CHECK(!a->effective_bits || (a->key_bits && a->effective_bits < a->key_bits));
		CHECK(csp_alg_find(a->id) == a);
		for (j = i + 1; j < csp_alg_count(); j++)
			CHECK(csp_alg_at(j)->id != a->id);
	}
	CHECK(csp_alg_at(csp_alg_count()) == NULL);
	CHECK(csp_alg_find(CALG_RSA_KEYX) != NULL);
	CHECK(csp_alg_find(CALG_TLS1PRF) != NULL);
	/* PCT1 and SSL2 master keys are not implemented: not in the table */
	CHECK(csp_alg_find(CALG_PCT1_MASTER) == NULL);
	CHECK(csp_alg_find(CALG_SSL2_MASTER) == NULL);
}

static void test_lookup(void)
{
	const struct csp_profile *p;
	DWORD err = 0, i;

	p = csp_profile_lookup(AES_PROV, PROV_RSA_AES, &err);
	CHECK(p && p->type == PROV_RSA_AES);
	p = csp_profile_lookup("microsoft enhanced rsa and aes cryptographic provider", PROV_RSA_AES, &err);
	CHECK(p != NULL);
	CHECK(csp_profile_lookup(AES_PROV, PROV_RSA_FULL, &err) == NULL);
	CHECK_EQ(err, NTE_PROV_TYPE_NO_MATCH);
	CHECK(csp_profile_lookup("No Such Provider", PROV_RSA_FULL, &err) == NULL);
	CHECK_EQ(err, NTE_KEYSET_NOT_DEF);
	p = csp_profile_lookup(NULL, PROV_RSA_FULL, &err);
	CHECK(p && p->type == PROV_RSA_FULL && p->type_name);
	/* each DLL serves its own profiles only */
	CHECK(csp_profile_lookup_in(CSP_IMAGE_RSAENH, "", PROV_DSS, &err) == NULL);
	CHECK_EQ(err, NTE_BAD_PROV_TYPE);
	p = csp_profile_lookup_in(CSP_IMAGE_DSSENH, "", PROV_DSS, &err);
	CHECK(p && p->type == PROV_DSS && !strcmp(p->image, CSP_IMAGE_DSSENH));
	CHECK(csp_profile_lookup_in(CSP_IMAGE_DSSENH, AES_PROV, PROV_RSA_AES, &err) == NULL);
	CHECK_EQ(err, NTE_KEYSET_NOT_DEF);
	CHECK(csp_profile_lookup_in(CSP_IMAGE_RSAENH, NULL, PROV_RSA_FULL, &err) != NULL);
	/* one default per type */
	for (i = 0; i < csp_profile_count(); i++) {
		const struct csp_profile *q = csp_profile_at(i);
		DWORD j, defaults = 0;

		for (j = 0; j < csp_profile_count(); j++)
			defaults += csp_profile_at(j)->type == q->type && csp_profile_at(j)->type_name != NULL;
		CHECK_EQ(defaults, 1);
	}

	/* every profile can be found by its own name: registered == accepted */
	for (i = 0; i < csp_profile_count(); i++) {
		const struct csp_profile *q = csp_profile_at(i);
		CHECK(csp_profile_lookup(q->name, q->type, &err) == q);
	}
}

static void test_offer(void)
{
	DWORD err, bits = 0;
	const struct csp_profile *aes = csp_profile_lookup(AES_PROV, PROV_RSA_AES, &err);
	const struct csp_profile *enh = csp_profile_lookup(ENH_PROV, PROV_RSA_FULL, &err);
	const struct csp_profile_alg *row;

	CHECK(csp_profile_offer(aes, CALG_AES_192) != NULL);
	CHECK(csp_profile_offer(aes, CALG_SHA_512) != NULL);
	CHECK(csp_profile_offer(enh, CALG_AES_128) == NULL);
	CHECK(csp_profile_offer(enh, CALG_SHA_256) == NULL);
	CHECK(csp_profile_offer(enh, CALG_MD5) != NULL);
	CHECK(csp_profile_offer(aes, CALG_RSA_KEYX) != NULL);

	row = csp_profile_offer(aes, CALG_AES_256);
	CHECK_EQ(csp_key_length(row, 0, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 256);
	CHECK_EQ(csp_key_length(row, 256, &bits), ERROR_SUCCESS);
	CHECK_EQ(csp_key_length(row, 128, &bits), NTE_BAD_DATA);
	CHECK_EQ(csp_key_length(row, 255, &bits), NTE_BAD_DATA);
	/* the DES family: stored with parity, named by either length */
	row = csp_profile_offer(aes, CALG_DES);
	CHECK_EQ(csp_key_length(row, 0, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 64);
	CHECK_EQ(csp_key_length(row, 64, &bits), ERROR_SUCCESS);
	CHECK_EQ(csp_key_length(row, 40, &bits), NTE_BAD_FLAGS);
	row = csp_profile_offer(aes, CALG_3DES_112);
	CHECK_EQ(csp_key_length(row, 112, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 128);
	row = csp_profile_offer(aes, CALG_3DES);
	CHECK_EQ(csp_key_length(row, 168, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 192);
	CHECK_EQ(csp_key_length(row, 128, &bits), NTE_BAD_FLAGS);
	/* RC2/RC4 limits differ per provider */
	row = csp_profile_offer(csp_profile_lookup("Microsoft Base Cryptographic Provider v1.0", PROV_RSA_FULL, &err), CALG_RC4);
	CHECK_EQ(csp_key_length(row, 0, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 40);
	CHECK_EQ(csp_key_length(row, 64, &bits), NTE_BAD_DATA);
	row = csp_profile_offer(enh, CALG_RC2);
	CHECK_EQ(csp_key_length(row, 0, &bits), ERROR_SUCCESS);
	CHECK_EQ(bits, 128);
}

static void test_provparams(void)
{
	DWORD err, v, len, n = 0, flags, expected = 0, i;
	struct csp_prov_state st = { csp_profile_lookup(AES_PROV, PROV_RSA_AES, &err), 0 };
	PROV_ENUMALGS_EX ex;
	PROV_ENUMALGS e;
	char name[100];

	len = sizeof(name);
	CHECK_EQ(csp_prov_get_param(&st, PP_NAME, (BYTE *)name, &len, 0), ERROR_SUCCESS);
	CHECK(!strcmp(name, AES_PROV) && len == strlen(AES_PROV) + 1);
	len = 3;
	CHECK_EQ(csp_prov_get_param(&st, PP_NAME, (BYTE *)name, &len, 0), ERROR_MORE_DATA);
	CHECK_EQ(len, strlen(AES_PROV) + 1);
	len = sizeof(v);
	CHECK_EQ(csp_prov_get_param(&st, PP_PROVTYPE, (BYTE *)&v, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(v, PROV_RSA_AES);
	len = sizeof(v);
	CHECK_EQ(csp_prov_get_param(&st, PP_VERSION, (BYTE *)&v, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(v, 0x200);
	len = sizeof(v);
	CHECK_EQ(csp_prov_get_param(&st, PP_IMPTYPE, (BYTE *)&v, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(v, CRYPT_IMPL_SOFTWARE);
	CHECK_EQ(csp_prov_get_param(&st, 0x4242, (BYTE *)&v, &len, 0), NTE_BAD_TYPE);

	/* enumerate everything: the profile's rows the table implements */
	for (i = 0; i < st.profile->n_algs; i++)
		expected += csp_alg_find(st.profile->algs[i].id) != NULL;
	for (flags = CRYPT_FIRST;; flags = 0) {
		len = 0;
		if (csp_prov_get_param(&st, PP_ENUMALGS_EX, NULL, &len, flags))
			break;
		CHECK_EQ(len, sizeof(ex));
		len = sizeof(ex);
		CHECK_EQ(csp_prov_get_param(&st, PP_ENUMALGS_EX, (BYTE *)&ex, &len, flags), ERROR_SUCCESS);
		CHECK(csp_alg_find(ex.aiAlgid) != NULL);
		CHECK_EQ(ex.dwNameLen, strlen(ex.szName) + 1);
		n++;
	}
	CHECK_EQ(n, expected);
	CHECK_EQ(n, 20);   /* 5 older ciphers, 3 AES, 4 SHA, MD2/4/5, SSL3 SHAMD5, MAC, HMAC, 2 RSA */
	len = sizeof(ex);
	CHECK_EQ(csp_prov_get_param(&st, PP_ENUMALGS_EX, (BYTE *)&ex, &len, 0), ERROR_NO_MORE_ITEMS);
	len = sizeof(e);
	CHECK_EQ(csp_prov_get_param(&st, PP_ENUMALGS, (BYTE *)&e, &len, CRYPT_FIRST), ERROR_SUCCESS);
	CHECK_EQ(e.aiAlgid, CALG_RC2);
	CHECK_EQ(e.dwBitLen, 128);
	CHECK(!strcmp(e.szName, "RC2"));
	len = sizeof(e);
	CHECK_EQ(csp_prov_get_param(&st, PP_ENUMALGS, (BYTE *)&e, &len, 0), ERROR_SUCCESS);
	CHECK_EQ(e.aiAlgid, CALG_RC4);
	CHECK_EQ(e.dwBitLen, 128);
	CHECK(!strcmp(e.szName, "RC4"));
}

int main(int argc, char **argv)
{
	test_table();
	test_lookup();
	test_offer();
	test_provparams();
	return unit_done(argv[0]);
}
