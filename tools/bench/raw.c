/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * raw.c - the same operations as capi.c, calling nettle and GMP directly
 * (statically linked into bench.exe): what the machine can do in this kind
 * of Wine process, the limit for our DLLs.  Random bytes come from
 * RtlGenRandom, the source our CSP uses.  Operations without a nettle
 * counterpart (contexts, containers) are not measured here.
 */
#include <stdlib.h>
#include "bench.h"
#include <ntsecapi.h>
#include <nettle/aes.h>
#include <nettle/arcfour.h>
#include <nettle/cbc.h>
#include <nettle/des.h>
#include <nettle/hmac.h>
#include <nettle/md5.h>
#include <nettle/rsa.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>

static BYTE *buf;
static BYTE iv[16];

static void os_random(void *ctx, size_t len, uint8_t *dst)
{
	if (!RtlGenRandom(dst, (ULONG)len))
		bench_fail("RtlGenRandom");
}

static union {
	struct aes128_ctx a128;
	struct aes256_ctx a256;
	struct des3_ctx des3;
	struct arcfour_ctx rc4;
} key;

static int aes128_enc(void *c) { cbc_aes128_encrypt(&key.a128, iv, BULK, buf, buf); return 1; }
static int aes256_enc(void *c) { cbc_aes256_encrypt(&key.a256, iv, BULK, buf, buf); return 1; }
static int aes128_dec(void *c)
{
	cbc_decrypt(&key.a128, (nettle_cipher_func *)aes128_decrypt, 16, iv, BULK, buf, buf);
	return 1;
}
static int aes256_dec(void *c)
{
	cbc_decrypt(&key.a256, (nettle_cipher_func *)aes256_decrypt, 16, iv, BULK, buf, buf);
	return 1;
}
static int des3_enc(void *c)
{
	cbc_encrypt(&key.des3, (nettle_cipher_func *)des3_encrypt, 8, iv, BULK, buf, buf);
	return 1;
}
static int des3_dec(void *c)
{
	cbc_decrypt(&key.des3, (nettle_cipher_func *)des3_decrypt, 8, iv, BULK, buf, buf);
	return 1;
}
static int rc4(void *c) { arcfour_crypt(&key.rc4, BULK, buf, buf); return 1; }
static int aes128_enc16(void *c) { cbc_aes128_encrypt(&key.a128, iv, 16, buf, buf); return 1; }

static void cipher(const char *name, bench_fn fn)
{
	if (bench_selected(name))
		bench_report(name, bench_mbs(bench_rate(fn, NULL)), "MB/s");
}

static void ciphers(void)
{
	aes128_set_encrypt_key(&key.a128, buf);
	cipher("aes128-cbc-enc", aes128_enc);
	aes128_set_decrypt_key(&key.a128, buf);
	cipher("aes128-cbc-dec", aes128_dec);
	aes256_set_encrypt_key(&key.a256, buf);
	cipher("aes256-cbc-enc", aes256_enc);
	aes256_set_decrypt_key(&key.a256, buf);
	cipher("aes256-cbc-dec", aes256_dec);
	des3_set_key(&key.des3, buf);
	cipher("3des-cbc-enc", des3_enc);
	cipher("3des-cbc-dec", des3_dec);
	arcfour128_set_key(&key.rc4, buf);
	cipher("rc4", rc4);
}

/* hashes: one context fed 1 MiB per call, as CryptHashData does */
static struct sha1_ctx sha1;
static struct sha256_ctx sha256;
static struct sha512_ctx sha512;
static struct md5_ctx md5;

static int sha1_step(void *c) { sha1_update(&sha1, BULK, buf); return 1; }
static int sha256_step(void *c) { sha256_update(&sha256, BULK, buf); return 1; }
static int sha512_step(void *c) { sha512_update(&sha512, BULK, buf); return 1; }
static int md5_step(void *c) { md5_update(&md5, BULK, buf); return 1; }
static int sha256_16(void *c) { sha256_update(&sha256, 16, buf); return 1; }

static int hmac_step(void *c)
{
	struct hmac_sha256_ctx h;
	BYTE mac[SHA256_DIGEST_SIZE];

	hmac_sha256_set_key(&h, 16, buf + 64);
	hmac_sha256_update(&h, 64, buf);
	hmac_sha256_digest(&h, sizeof(mac), mac);
	return 1;
}

static int random_step(void *c) { os_random(NULL, 32, buf); return 1; }

static void hashes(void)
{
	sha1_init(&sha1);
	sha256_init(&sha256);
	sha512_init(&sha512);
	md5_init(&md5);
	cipher("sha1", sha1_step);
	cipher("sha256", sha256_step);
	cipher("sha512", sha512_step);
	cipher("md5", md5_step);
	if (bench_selected("hmac-sha256-64B"))
		bench_report("hmac-sha256-64B", bench_rate(hmac_step, NULL), "op/s");
	aes128_set_encrypt_key(&key.a128, buf);
	if (bench_selected("encrypt-16B"))
		bench_report("encrypt-16B", bench_rate(aes128_enc16, NULL), "op/s");
	if (bench_selected("hashdata-16B"))
		bench_report("hashdata-16B", bench_rate(sha256_16, NULL), "op/s");
	if (bench_selected("genrandom-32B"))
		bench_report("genrandom-32B", bench_rate(random_step, NULL), "op/s");
}

static struct rsa_public_key pub;
static struct rsa_private_key priv;
static mpz_t sig;

static void digest(BYTE *out)
{
	struct sha256_ctx h;

	sha256_init(&h);
	sha256_update(&h, 32, buf);
	sha256_digest(&h, SHA256_DIGEST_SIZE, out);
}

static int sign_step(void *c)
{
	BYTE d[SHA256_DIGEST_SIZE];

	digest(d);
	return rsa_sha256_sign_digest_tr(&pub, &priv, NULL, os_random, d, sig);
}

static int verify_step(void *c)
{
	BYTE d[SHA256_DIGEST_SIZE];

	digest(d);
	return rsa_sha256_verify_digest(&pub, d, sig);
}

static void generate(void)
{
	rsa_public_key_init(&pub);
	rsa_private_key_init(&priv);
	mpz_set_ui(pub.e, 65537);
	if (!rsa_generate_keypair(&pub, &priv, NULL, os_random, NULL, NULL, 2048, 0))
		bench_fail("rsa_generate_keypair");
}

static void rsa(void)
{
	double ms[KEYGEN_RUNS];
	int i;

	mpz_init(sig);
	if (bench_selected("rsa2048-keygen")) {
		for (i = 0; i < KEYGEN_RUNS; i++) {
			double t = bench_now();

			generate();
			ms[i] = (bench_now() - t) * 1e3;
			rsa_public_key_clear(&pub);
			rsa_private_key_clear(&priv);
		}
		bench_report("rsa2048-keygen", bench_median(ms, KEYGEN_RUNS), "ms");
	}
	generate();
	if (bench_selected("rsa2048-sign"))
		bench_report("rsa2048-sign", bench_rate(sign_step, NULL), "op/s");
	if (!sign_step(NULL))
		bench_fail("rsa_sha256_sign_digest_tr");
	if (bench_selected("rsa2048-verify"))
		bench_report("rsa2048-verify", bench_rate(verify_step, NULL), "op/s");
}

void bench_raw(void)
{
	if (!(buf = calloc(1, BULK + 64)))
		bench_fail("malloc");
	ciphers();
	hashes();
	rsa();
}

/* --- per-thread state for threads.c ------------------------------------- */

struct thread_raw {
	struct aes128_ctx aes, aes_dec;
	struct sha256_ctx sha;
	BYTE iv[16];
	BYTE *buf;
};

static void *thread_setup(void)
{
	struct thread_raw *t = calloc(1, sizeof(*t));

	if (!t || !(t->buf = calloc(1, BULK)))
		bench_fail("malloc");
	aes128_set_encrypt_key(&t->aes, t->iv);
	aes128_set_decrypt_key(&t->aes_dec, t->iv);
	sha256_init(&t->sha);
	return t;
}

static int thread_encrypt(void *ctx)
{
	struct thread_raw *t = ctx;

	cbc_aes128_encrypt(&t->aes, t->iv, BULK, t->buf, t->buf);
	return 1;
}

static int thread_decrypt(void *ctx)
{
	struct thread_raw *t = ctx;

	cbc_decrypt(&t->aes_dec, (nettle_cipher_func *)aes128_decrypt, 16, t->iv, BULK, t->buf, t->buf);
	return 1;
}

static int thread_hash(void *ctx)
{
	struct thread_raw *t = ctx;

	sha256_update(&t->sha, BULK, t->buf);
	return 1;
}

static void thread_teardown(void *ctx)
{
	struct thread_raw *t = ctx;

	free(t->buf);
	free(t);
}

const struct bench_bulk bench_raw_bulk[] = {
	{ "aes128-cbc-enc", thread_setup, thread_encrypt, thread_teardown },
	{ "aes128-cbc-dec", thread_setup, thread_decrypt, thread_teardown },
	{ "sha256", thread_setup, thread_hash, thread_teardown },
	{ NULL }
};
