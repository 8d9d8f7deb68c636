/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_wipe.c - key material is wiped before its memory goes back to the
 * allocator.  Linked with -Wl,--wrap=free (Makefile), so every free() of
 * the core and of this file goes through __wrap_free, which looks in the
 * block (malloc_usable_size bytes, under ASan too) for any of the known
 * secrets of this test -- session key bytes, an HMAC key longer than the
 * key object holds, the key XORed into HMAC's inner/outer strings, the
 * RSA fixture's primes and private exponent -- and counts each hit before
 * really freeing.  GMP's numbers reach it through the core's wiping GMP
 * allocator.  A positive control shows the hook sees an unwiped block.
 */
#include <stdlib.h>
#include <malloc.h>
#include "unit.h"
#include "../rsaenh/rsa_fixture.h"
#include "../../../rsaenh/core/blobs.h"
#include "../../../rsaenh/core/rsa_key.h"
#include "../../../rsaenh/core/hash.h"
#include "../../../rsaenh/core/params.h"

#define NEEDLE 12          /* bytes of a secret that must not survive */
#define MAX_NEEDLES 16

static BYTE needles[MAX_NEEDLES][NEEDLE];
static int n_needles;
static volatile int in_control;
static volatile int hits, frees;   /* changed behind free(), which the compiler knows as a builtin */

void __real_free(void *p);

void __wrap_free(void *p)
{
	size_t n, i;
	int j;

	if (p) {
		frees++;
		n = malloc_usable_size(p);
		for (j = 0; j < n_needles; j++)
			for (i = 0; i + NEEDLE <= n; i++)
				if (!memcmp((BYTE *)p + i, needles[j], NEEDLE)) {
					hits++;
					fprintf(stderr, "%sfreed block of %zu bytes holds secret %d at %zu\n",
						in_control ? "(control, expected) " : "", n, j, i);
					break;
				}
	}
	__real_free(p);
}

static void secret(const BYTE *bytes)
{
	if (n_needles < MAX_NEEDLES)
		memcpy(needles[n_needles++], bytes, NEEDLE);
}

static DWORD rng_fill(void *ctx, BYTE *buf, DWORD len)
{
	while (len--)
		*buf++ = (BYTE)(len * 31 + 7);
	return ERROR_SUCCESS;
}

static const struct csp_random rng = { rng_fill, NULL };
#define AES_PROV "Microsoft Enhanced RSA and AES Cryptographic Provider"

static void test_control(void)
{
	volatile BYTE *p = malloc(64);   /* volatile: the stores must stay */
	int i;

	for (i = 0; i < 64; i++)
		p[i] = i >= 5 && i < 5 + NEEDLE ? needles[0][i - 5] : 0;
	hits = 0;
	in_control = 1;
	free((void *)p);
	in_control = 0;
	CHECK_EQ(hits, 1);      /* the hook sees what is left in a block */
	hits = 0;
}

static void test_session_keys(const struct csp_profile *p)
{
	static const ALG_ID algs[] = { CALG_AES_256, CALG_3DES, CALG_RC4, CALG_RC2 };
	BYTE key[32], buf[64];
	struct csp_key *k = NULL, *d = NULL;
	struct csp_hash *mac = NULL;
	DWORD i, len;
	int before;

	for (i = 0; i < sizeof(key); i++)
		key[i] = (BYTE)(0xa0 + i);
	for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
		CHECK_EQ(csp_key_create(p, algs[i], 0, &k), ERROR_SUCCESS);
		if (!k)
			continue;
		csp_key_load(k, key, sizeof(key));
		len = 20;
		memset(buf, 1, sizeof(buf));
		csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf));
		CHECK_EQ(csp_key_duplicate(k, &d), ERROR_SUCCESS);
		if (algs[i] != CALG_RC4)
			csp_hash_create(csp_alg_find(CALG_MAC), k, &mac);
		before = frees;
		csp_hash_destroy(mac);
		csp_key_destroy(d);
		csp_key_destroy(k);
		CHECK(frees > before);   /* the core's frees do come through the hook */
		mac = NULL;
		d = k = NULL;
	}
}

static void test_hmac(const struct csp_profile *p)
{
	BYTE key[100], x[NEEDLE];
	HMAC_INFO info = { CALG_SHA_256, NULL, 0, NULL, 0 };
	struct csp_key *k = NULL;
	struct csp_hash *h = NULL, *d = NULL;
	DWORD i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = (BYTE)(0x10 + i * 3);
	secret(key + 70);                         /* beyond CSP_MAX_KEY: kept in long_key */
	CHECK_EQ(csp_key_create_secret(p, csp_alg_find(CALG_HMAC), key, sizeof(key), 0, &k), ERROR_SUCCESS);
	csp_key_destroy(k);
	k = NULL;
	for (i = 0; i < NEEDLE; i++)
		x[i] = key[i] ^ 0x36;             /* the key as it sits in the inner string */
	secret(x);
	CHECK_EQ(csp_key_create_secret(p, csp_alg_find(CALG_HMAC), key, 32, 0, &k), ERROR_SUCCESS);
	CHECK_EQ(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), ERROR_SUCCESS);
	if (h) {
		CHECK_EQ(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), ERROR_SUCCESS);
		csp_hash_update(h, key, 10);
		CHECK_EQ(csp_hash_duplicate(h, &d), ERROR_SUCCESS);
	}
	csp_hash_destroy(d);
	csp_hash_destroy(h);
	csp_key_destroy(k);
}

static void test_rsa(const struct csp_profile *p)
{
	struct csp_blob_env env = { p, &rng };
	BYTE blob[1024], out[1024], sig[CSP_RSA_MAX_BYTES], wrapkey[32] = { 9, 8, 7 };
	struct csp_key *pair = NULL, *d = NULL, *w = NULL, *back = NULL;
	DWORD n = (DWORD)unit_hex(priv_hex, blob), len;

	/* PRIVATEKEYBLOB: header 8, RSAPUBKEY 12, modulus 64, then prime1
	 * (32), prime2 (32), ..., private exponent (64) */
	secret(blob + 8 + 12 + 64 + 4);
	secret(blob + 8 + 12 + 64 + 32 + 4);
	secret(blob + n - 64 + 20);
	CHECK_EQ(csp_blob_import(&env, blob, n, NULL, CRYPT_EXPORTABLE, &pair), ERROR_SUCCESS);
	if (!pair)
		return;
	CHECK_EQ(csp_rsa_sign(csp_key_rsa(pair), CALG_SHA, blob, 20, 0, &rng, sig), ERROR_SUCCESS);
	CHECK_EQ(csp_key_duplicate(pair, &d), ERROR_SUCCESS);
	/* through a wrapped PRIVATEKEYBLOB and back */
	CHECK_EQ(csp_key_create(p, CALG_AES_256, CRYPT_EXPORTABLE, &w), ERROR_SUCCESS);
	if (w) {
		csp_key_load(w, wrapkey, sizeof(wrapkey));
		len = sizeof(out);
		CHECK_EQ(csp_blob_export(&env, pair, w, PRIVATEKEYBLOB, 0, out, &len), ERROR_SUCCESS);
		CHECK_EQ(csp_blob_import(&env, out, len, w, 0, &back), ERROR_SUCCESS);
	}
	csp_key_destroy(back);
	csp_key_destroy(w);
	csp_key_destroy(d);
	csp_key_destroy(pair);
}

int main(int argc, char **argv)
{
	DWORD err;
	const struct csp_profile *p = csp_profile_lookup(AES_PROV, PROV_RSA_AES, &err);
	BYTE key[32];
	int i;

	for (i = 0; i < 32; i++)
		key[i] = (BYTE)(0xa0 + i);
	secret(key);                  /* the session keys' bytes */
	secret(key + 16);
	test_control();
	test_session_keys(p);
	test_hmac(p);
	test_rsa(p);
	printf("%d frees inspected for %d secrets: %d held one\n", frees, n_needles, hits);
	CHECK_EQ(hits, 0);
	return unit_done(argv[0]);
}
