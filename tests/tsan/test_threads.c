/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_threads.c - the core under ThreadSanitizer: THREADS threads share
 * what a provider shares (the profile and algorithm tables, one RSA key
 * pair and one session key, used read-only: duplicate, export, sign,
 * verify, public encryption) while each makes, uses and destroys its own
 * keys and hashes (create, derive, encrypt, decrypt, hash, duplicate,
 * import).  Every result is checked against the single-threaded answer;
 * prints threads x operations and "N passed, N failed".
 */
#include <pthread.h>
#include "unit.h"
#include "../fuzz/fuzz.h"

#define THREADS 8
#define ROUNDS 400

static struct csp_key *shared_pair, *shared_aes;
static BYTE want_sha256[32], want_cipher[64];
static const BYTE message[48] = "the same message, in every thread, every round";

struct worker {
	DWORD rng_state;
	struct csp_random rng;
	int ops, bad;
};

#define EXPECT(w, cond) do { (w)->ops++; if (!(cond)) (w)->bad++; } while (0)

/* One round of a thread's own work plus its read-only use of the shared keys. */
static void round_trip(struct worker *w, const struct csp_profile *p)
{
	struct csp_blob_env env = { p, &w->rng };
	struct csp_key *k = NULL, *d = NULL, *imp = NULL, *dk = NULL;
	struct csp_hash *h = NULL, *hd = NULL;
	BYTE buf[128], blob[1024], sig[CSP_RSA_MAX_BYTES];
	DWORD len, blen;

	/* the shared session key: a private copy encrypts as the original would */
	EXPECT(w, !csp_key_duplicate(shared_aes, &d));
	memcpy(buf, message, sizeof(message));
	len = sizeof(message);
	EXPECT(w, d && !csp_key_encrypt(d, TRUE, buf, &len, sizeof(buf)) && len == 64 &&
		  !memcmp(buf, want_cipher, 64));
	EXPECT(w, d && !csp_key_decrypt(d, TRUE, buf, &len) && len == sizeof(message) &&
		  !memcmp(buf, message, len));
	/* export the shared key, import the copy, which decrypts the same */
	blen = sizeof(blob);
	EXPECT(w, !csp_blob_export(&env, shared_aes, NULL, PLAINTEXTKEYBLOB, 0, blob, &blen));
	EXPECT(w, !csp_blob_import(&env, blob, blen, NULL, 0, &imp));
	memcpy(buf, want_cipher, 64);
	len = 64;
	EXPECT(w, imp && !csp_key_decrypt(imp, TRUE, buf, &len) && !memcmp(buf, message, sizeof(message)));
	/* own hash, duplicated, and a key derived from it */
	EXPECT(w, !csp_hash_create(csp_alg_find(CALG_SHA_256), NULL, &h));
	EXPECT(w, h && !csp_hash_update(h, message, sizeof(message)));
	EXPECT(w, h && !csp_hash_duplicate(h, &hd));
	EXPECT(w, hd && !memcmp(csp_hash_value(hd), want_sha256, 32));
	EXPECT(w, h && !csp_key_derive(p, CALG_AES_128, 0, h, &dk));
	/* sign with the shared pair, verify; the pair's public encryption */
	EXPECT(w, !csp_rsa_sign(csp_key_rsa(shared_pair), CALG_SHA_256, want_sha256, 32, 0, &w->rng, sig));
	EXPECT(w, !csp_rsa_verify(csp_key_rsa(shared_pair), CALG_SHA_256, want_sha256, 32, 0, sig,
				  csp_rsa_bytes(csp_key_rsa(shared_pair))));
	EXPECT(w, !csp_key_duplicate(shared_pair, &k));
	memcpy(buf, message, 16);
	len = 16;
	EXPECT(w, k && !csp_rsa_key_encrypt(k, 0, &w->rng, buf, &len, sizeof(buf)));
	EXPECT(w, k && !csp_rsa_key_decrypt(k, 0, &w->rng, buf, &len) && len == 16 && !memcmp(buf, message, 16));
	csp_key_destroy(k);
	csp_key_destroy(d);
	csp_key_destroy(imp);
	csp_key_destroy(dk);
	csp_hash_destroy(h);
	csp_hash_destroy(hd);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	DWORD err;
	const struct csp_profile *p = csp_profile_lookup(FZ_AES_PROV, PROV_RSA_AES, &err);
	int i;

	for (i = 0; i < ROUNDS; i++)
		round_trip(w, p);
	return NULL;
}

int main(int argc, char **argv)
{
	static struct worker w[THREADS];
	pthread_t t[THREADS];
	struct csp_hash *h = NULL;
	DWORD len = sizeof(message), i, ops = 0;

	shared_pair = fz_key(FZ_RSA_KEYX);
	shared_aes = fz_key(FZ_AES256);
	/* the single-threaded answers */
	csp_hash_create(csp_alg_find(CALG_SHA_256), NULL, &h);
	csp_hash_update(h, message, sizeof(message));
	memcpy(want_sha256, csp_hash_value(h), 32);
	csp_hash_destroy(h);
	{
		struct csp_key *d = NULL;

		csp_key_duplicate(shared_aes, &d);
		memcpy(want_cipher, message, sizeof(message));
		CHECK_EQ(csp_key_encrypt(d, TRUE, want_cipher, &len, sizeof(want_cipher)), ERROR_SUCCESS);
		csp_key_destroy(d);
	}
	for (i = 0; i < THREADS; i++) {
		w[i].rng_state = 1000 * (i + 1);
		w[i].rng.fill = counter_rng_fill;
		w[i].rng.ctx = &w[i].rng_state;
		CHECK(pthread_create(&t[i], NULL, worker_main, &w[i]) == 0);
	}
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
		ops += w[i].ops;
		CHECK_EQ(w[i].bad, 0);
	}
	printf("%d threads x %d rounds: %u checked operations\n", THREADS, ROUNDS, ops);
	return unit_done(argv[0]);
}
