/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_fuzz_regressions.c - the bugs the fuzz targets (tests/fuzz/) found,
 * each pinned down by the smallest call that showed it:
 *  - CALG_MAC over an RSA key took the modulus (64 bytes and more) as its
 *    block size and overflowed the hash object's 16-byte block buffer
 *    (fuzz_sequence; NTE_BAD_KEY now, as Windows answers);
 *  - KP_SALT_EX with { 0, NULL } passed NULL to memcpy (fuzz_params; UBSan).
 */
#include "unit.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/hash.h"
#include "../../../rsaenh/core/params.h"
#include "rsa_fixture.h"

#define ENH "Microsoft Enhanced Cryptographic Provider v1.0"

static void test_mac_over_key_pair(void)
{
	DWORD err, n;
	const struct csp_profile *p = csp_profile_lookup(ENH, PROV_RSA_FULL, &err);
	struct csp_blob_env env = { p, NULL };
	BYTE blob[1024], data[100];
	struct csp_key *pair = NULL;
	struct csp_hash *h = NULL;

	n = (DWORD)unit_hex(priv_hex, blob);
	CHECK_EQ(csp_blob_import(&env, blob, n, NULL, 0, &pair), ERROR_SUCCESS);
	if (!pair)
		return;
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_MAC), pair, &h), NTE_BAD_KEY);
	CHECK(h == NULL);
	if (h) {     /* the old behaviour: this overflowed h->buf */
		memset(data, 0x61, sizeof(data));
		csp_hash_update(h, data, sizeof(data));
		csp_hash_destroy(h);
	}
	csp_key_destroy(pair);
}

static void test_salt_ex_empty(void)
{
	DWORD err, len;
	const struct csp_profile *p = csp_profile_lookup(ENH, PROV_RSA_FULL, &err);
	CRYPT_INTEGER_BLOB salt = { 0, NULL };
	struct csp_key *k = NULL;
	BYTE out[32];

	CHECK_EQ(csp_key_create(p, CALG_RC4, (128 << 16), &k), ERROR_SUCCESS);
	if (!k)
		return;
	CHECK_EQ(csp_key_set_param(k, KP_SALT_EX, (const BYTE *)&salt), ERROR_SUCCESS);
	len = sizeof(out);
	CHECK_EQ(csp_key_get_param(k, KP_SALT, out, &len), ERROR_SUCCESS);
	CHECK_EQ(len, 0);
	csp_key_destroy(k);
}

int main(int argc, char **argv)
{
	test_mac_over_key_pair();
	test_salt_ex_empty();
	return unit_done(argv[0]);
}
