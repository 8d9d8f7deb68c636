/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * perf_ops.c - a fixed set of operations of the native CSP core, each
 * counted alone under `valgrind --tool=callgrind --collect-atstart=no`:
 * collection is switched on around the operation only and the counts are
 * dumped under the operation's name (CALLGRIND_DUMP_STATS_AT).  Random
 * bytes come from a counter hashed with SHA-256, so every run executes the
 * same instructions.  Run by tests/perf/check.sh; outside valgrind the
 * client requests do nothing.
 */
#include <stdio.h>
#include <string.h>
#include <valgrind/callgrind.h>
#include "../../rsaenh/core/key.h"
#include "../../rsaenh/core/hash.h"
#include "../../rsaenh/core/params.h"
#include "../../rsaenh/core/rsa.h"
#include "../unit/counter_rng.h"

#define BUF (64 * 1024)

static BYTE buf[BUF + 64];

static DWORD seed;
static const struct csp_random rng = { counter_rng_fill, &seed };
static int failures;

#define MEASURE(name, body) do { \
	CALLGRIND_ZERO_STATS; \
	CALLGRIND_TOGGLE_COLLECT; \
	body; \
	CALLGRIND_TOGGLE_COLLECT; \
	CALLGRIND_DUMP_STATS_AT(name); \
} while (0)

static void expect(DWORD err, const char *what)
{
	if (err) {
		fprintf(stderr, "perf_ops: %s failed: 0x%08x\n", what, (unsigned)err);
		failures++;
	}
}

static struct csp_key *key(ALG_ID id, DWORD bits)
{
	struct csp_key *k = NULL;

	expect(csp_key_generate(csp_alg_find(id), bits, 0, &rng, &k), "csp_key_generate");
	return k;
}

static void bulk(const char *name, ALG_ID id, DWORD bits, BOOL decrypt)
{
	struct csp_key *k = key(id, bits);
	DWORD len = BUF;

	if (!k)
		return;
	if (decrypt)
		MEASURE(name, expect(csp_key_decrypt(k, FALSE, buf, &len), name));
	else
		MEASURE(name, expect(csp_key_encrypt(k, FALSE, buf, &len, BUF), name));
	csp_key_destroy(k);
}

static void hash(const char *name, ALG_ID id)
{
	struct csp_hash *h = NULL;

	expect(csp_hash_create(csp_alg_find(id), NULL, &h), "csp_hash_create");
	if (!h)
		return;
	MEASURE(name, expect(csp_hash_update(h, buf, BUF), name); csp_hash_value(h));
	csp_hash_destroy(h);
}

static void hmac_100(void)
{
	HMAC_INFO info = { CALG_SHA_256, NULL, 0, NULL, 0 };
	struct csp_key *k = NULL;
	int i;

	expect(csp_key_create_secret(NULL, csp_alg_find(CALG_HMAC), buf, 32, 0, &k), "csp_key_create_secret");
	if (!k)
		return;
	MEASURE("hmac-sha256-64B-x100", for (i = 0; i < 100; i++) {
		struct csp_hash *h = NULL;

		expect(csp_hash_create(csp_alg_find(CALG_HMAC), k, &h), "hmac");
		if (!h)
			break;
		expect(csp_hash_set_param(h, HP_HMAC_INFO, (const BYTE *)&info), "HP_HMAC_INFO");
		expect(csp_hash_update(h, buf, 64), "hmac update");
		csp_hash_value(h);
		csp_hash_destroy(h);
	});
	csp_key_destroy(k);
}

static void small_calls(void)
{
	struct csp_key *k = key(CALG_AES_128, 128);
	struct csp_hash *h = NULL;
	int i;

	if (k)
		MEASURE("encrypt-16B-x1000", for (i = 0; i < 1000; i++) {
			DWORD len = 16;

			expect(csp_key_encrypt(k, FALSE, buf, &len, 16), "encrypt 16");
		});
	csp_key_destroy(k);
	expect(csp_hash_create(csp_alg_find(CALG_SHA_256), NULL, &h), "csp_hash_create");
	if (h)
		MEASURE("hashdata-16B-x1000", for (i = 0; i < 1000; i++)
			expect(csp_hash_update(h, buf, 16), "hash 16"));
	csp_hash_destroy(h);
}

static void rsa(void)
{
	struct csp_rsa *r = NULL;
	BYTE digest[32] = { 1 }, sig[256];
	int i;

	/* where a search finds its primes is luck: eight keys, not one */
	MEASURE("rsa2048-keygen-x8", for (i = 0; i < 8; i++) {
		csp_rsa_destroy(r);
		r = NULL;
		expect(csp_rsa_generate(2048, &rng, &r), "csp_rsa_generate");
	});
	if (!r)
		return;
	/* the first signature makes the key's blinding pair */
	MEASURE("rsa2048-sign-first", expect(csp_rsa_sign(r, CALG_SHA_256, digest, 32, 0, &rng, sig), "sign"));
	MEASURE("rsa2048-sign-x5", for (i = 0; i < 5; i++)
		expect(csp_rsa_sign(r, CALG_SHA_256, digest, 32, 0, &rng, sig), "sign"));
	MEASURE("rsa2048-verify-x20", for (i = 0; i < 20; i++)
		expect(csp_rsa_verify(r, CALG_SHA_256, digest, 32, 0, sig, 256), "verify"));
	csp_rsa_destroy(r);
}

int main(void)
{
	bulk("aes128-cbc-enc-64K", CALG_AES_128, 128, FALSE);
	bulk("aes128-cbc-dec-64K", CALG_AES_128, 128, TRUE);
	bulk("aes256-cbc-enc-64K", CALG_AES_256, 256, FALSE);
	bulk("3des-cbc-enc-64K", CALG_3DES, 192, FALSE);
	bulk("rc4-64K", CALG_RC4, 128, FALSE);
	hash("sha1-64K", CALG_SHA1);
	hash("sha256-64K", CALG_SHA_256);
	hash("sha512-64K", CALG_SHA_512);
	hash("md5-64K", CALG_MD5);
	hmac_100();
	small_calls();
	rsa();
	return failures != 0;
}
