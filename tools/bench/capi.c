/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * capi.c - the operations through CryptoAPI, as an application calls them:
 * one CRYPT_VERIFYCONTEXT context of MS_ENH_RSA_AES_PROV, keys from
 * CryptGenKey, bulk calls on 1 MiB buffers, per-call overhead with 16
 * bytes, context and container opening, RSA-2048.
 */
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"

#define PROVIDER MS_ENH_RSA_AES_PROV_W
#define CONTAINER L"bench-container"

static HCRYPTPROV prov;
static BYTE *buf;

struct op {            /* the state one measured call needs */
	HCRYPTKEY key;
	HCRYPTHASH hash;
	DWORD len;
	ALG_ID alg;
};

static HCRYPTKEY gen_key(HCRYPTPROV p, ALG_ID alg, DWORD bits)
{
	HCRYPTKEY k;

	if (!CryptGenKey(p, alg, bits << 16, &k))
		bench_fail("CryptGenKey");
	return k;
}

static int encrypt_step(void *ctx)
{
	struct op *o = ctx;
	DWORD n = o->len;

	return CryptEncrypt(o->key, 0, FALSE, 0, buf, &n, o->len);
}

static int decrypt_step(void *ctx)
{
	struct op *o = ctx;
	DWORD n = o->len;

	return CryptDecrypt(o->key, 0, FALSE, 0, buf, &n);
}

static int hash_step(void *ctx)
{
	struct op *o = ctx;

	return CryptHashData(o->hash, buf, o->len, 0);
}

static void cipher(const char *name, ALG_ID alg, DWORD bits, BOOL decrypt)
{
	struct op o = { 0, 0, BULK, alg };

	if (!bench_selected(name))
		return;
	o.key = gen_key(prov, alg, bits);
	bench_report(name, bench_mbs(bench_rate(decrypt ? decrypt_step : encrypt_step, &o)), "MB/s");
	CryptDestroyKey(o.key);
}

static void hash(const char *name, ALG_ID alg, DWORD len)
{
	struct op o = { 0, 0, len, alg };
	double rate;

	if (!bench_selected(name))
		return;
	if (!CryptCreateHash(prov, alg, 0, 0, &o.hash))
		bench_fail("CryptCreateHash");
	rate = bench_rate(hash_step, &o);
	if (len == BULK)
		bench_report(name, bench_mbs(rate), "MB/s");
	else
		bench_report(name, rate, "op/s");
	CryptDestroyHash(o.hash);
}

static int hmac_step(void *ctx)
{
	struct op *o = ctx;
	HMAC_INFO info = { CALG_SHA_256, NULL, 0, NULL, 0 };
	HCRYPTHASH h;
	BYTE mac[32];
	DWORD n = sizeof(mac);
	BOOL ok;

	if (!CryptCreateHash(prov, CALG_HMAC, o->key, 0, &h))
		return 0;
	ok = CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0) && CryptHashData(h, buf, 64, 0) &&
	     CryptGetHashParam(h, HP_HASHVAL, mac, &n, 0);
	CryptDestroyHash(h);
	return ok;
}

static int encrypt16_step(void *ctx)
{
	struct op *o = ctx;
	DWORD n = 16;

	return CryptEncrypt(o->key, 0, FALSE, 0, buf, &n, 16);
}

static int acquire_step(void *ctx)
{
	HCRYPTPROV p;

	if (!CryptAcquireContextW(&p, NULL, PROVIDER, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		return 0;
	return CryptReleaseContext(p, 0);
}

/* The price of one wineserver round trip (a wait that does not wait), the
 * unit the per-context figures are made of under Wine. */
static int server_step(void *ctx)
{
	return WaitForSingleObject(ctx, 0) == WAIT_TIMEOUT;
}

static int random_step(void *ctx)
{
	return CryptGenRandom(prov, 32, buf);
}

static int open_step(void *ctx)
{
	HCRYPTPROV p;
	HCRYPTKEY k;
	BOOL ok;

	if (!CryptAcquireContextW(&p, CONTAINER, PROVIDER, PROV_RSA_AES, 0))
		return 0;
	ok = CryptGetUserKey(p, AT_SIGNATURE, &k);
	if (ok)
		CryptDestroyKey(k);
	return CryptReleaseContext(p, 0) && ok;
}

/* The container the open benchmark opens: made (with a 2048-bit signature
 * pair) by the first run in a prefix, kept for the next ones. */
static void make_container(void)
{
	HCRYPTPROV p;

	if (CryptAcquireContextW(&p, CONTAINER, PROVIDER, PROV_RSA_AES, 0)) {
		HCRYPTKEY k;

		if (CryptGetUserKey(p, AT_SIGNATURE, &k)) {
			CryptDestroyKey(k);
			CryptReleaseContext(p, 0);
			return;
		}
	} else if (!CryptAcquireContextW(&p, CONTAINER, PROVIDER, PROV_RSA_AES, CRYPT_NEWKEYSET))
		bench_fail("creating the benchmark's key container");
	CryptDestroyKey(gen_key(p, AT_SIGNATURE, 2048));
	CryptReleaseContext(p, 0);
}

static BYTE sig[256];
static DWORD sig_len;

static int sign_step(void *ctx)
{
	HCRYPTHASH h;
	BOOL ok;

	if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, &h))
		return 0;
	sig_len = sizeof(sig);
	ok = CryptHashData(h, buf, 32, 0) && CryptSignHashW(h, AT_SIGNATURE, NULL, 0, sig, &sig_len);
	CryptDestroyHash(h);
	return ok;
}

static int verify_step(void *ctx)
{
	struct op *o = ctx;
	HCRYPTHASH h;
	BOOL ok;

	if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, &h))
		return 0;
	ok = CryptHashData(h, buf, 32, 0) && CryptVerifySignatureW(h, sig, sig_len, o->key, NULL, 0);
	CryptDestroyHash(h);
	return ok;
}

static void rsa(void)
{
	double ms[KEYGEN_RUNS];
	struct op o = { 0 };
	int i;

	if (bench_selected("rsa2048-keygen")) {
		for (i = 0; i < KEYGEN_RUNS; i++) {
			double t = bench_now();

			CryptDestroyKey(gen_key(prov, AT_SIGNATURE, 2048));
			ms[i] = (bench_now() - t) * 1e3;
		}
		bench_report("rsa2048-keygen", bench_median(ms, KEYGEN_RUNS), "ms");
	}
	if (!bench_selected("rsa2048-sign") && !bench_selected("rsa2048-verify"))
		return;
	o.key = gen_key(prov, AT_SIGNATURE, 2048);
	if (bench_selected("rsa2048-sign"))
		bench_report("rsa2048-sign", bench_rate(sign_step, &o), "op/s");
	if (!sig_len && !sign_step(&o))
		bench_fail("CryptSignHash");
	if (bench_selected("rsa2048-verify"))
		bench_report("rsa2048-verify", bench_rate(verify_step, &o), "op/s");
	CryptDestroyKey(o.key);
}

static void calls(void)
{
	struct op o = { 0 };

	o.key = gen_key(prov, CALG_RC4, 128);
	if (bench_selected("hmac-sha256-64B"))
		bench_report("hmac-sha256-64B", bench_rate(hmac_step, &o), "op/s");
	CryptDestroyKey(o.key);
	o.key = gen_key(prov, CALG_AES_128, 128);
	if (bench_selected("encrypt-16B"))
		bench_report("encrypt-16B", bench_rate(encrypt16_step, &o), "op/s");
	CryptDestroyKey(o.key);
	hash("hashdata-16B", CALG_SHA_256, 16);
	if (bench_selected("genrandom-32B"))
		bench_report("genrandom-32B", bench_rate(random_step, NULL), "op/s");
}

/* Run with no other context open, as a program that makes a fresh context
 * for each task: nothing else keeps the CSP loaded between two. */
static void contexts(void)
{
	if (bench_selected("server-call")) {
		HANDLE event = CreateEventW(NULL, FALSE, FALSE, NULL);

		bench_report("server-call", bench_rate(server_step, event), "op/s");
		CloseHandle(event);
	}
	if (bench_selected("acquire-release"))
		bench_report("acquire-release", bench_rate(acquire_step, NULL), "op/s");
	if (bench_selected("container-open")) {
		make_container();
		bench_report("container-open", bench_rate(open_step, NULL), "op/s");
	}
}

void bench_capi(void)
{
	if (!(buf = calloc(1, BULK + 64)))
		bench_fail("malloc");
	if (!CryptAcquireContextW(&prov, NULL, PROVIDER, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		bench_fail("CryptAcquireContext");
	cipher("aes128-cbc-enc", CALG_AES_128, 128, FALSE);
	cipher("aes128-cbc-dec", CALG_AES_128, 128, TRUE);
	cipher("aes256-cbc-enc", CALG_AES_256, 256, FALSE);
	cipher("aes256-cbc-dec", CALG_AES_256, 256, TRUE);
	cipher("3des-cbc-enc", CALG_3DES, 192, FALSE);
	cipher("3des-cbc-dec", CALG_3DES, 192, TRUE);
	cipher("rc4", CALG_RC4, 128, FALSE);
	hash("sha1", CALG_SHA1, BULK);
	hash("sha256", CALG_SHA_256, BULK);
	hash("sha512", CALG_SHA_512, BULK);
	hash("md5", CALG_MD5, BULK);
	calls();
	rsa();
	CryptReleaseContext(prov, 0);
	contexts();
}

/* --- per-thread state for threads.c ------------------------------------- */

struct thread_op {
	HCRYPTPROV prov;
	struct op op;
	BYTE *buf;
};

static void *thread_setup(ALG_ID alg, BOOL is_hash)
{
	struct thread_op *t = calloc(1, sizeof(*t));

	if (!t || !(t->buf = calloc(1, BULK)))
		bench_fail("malloc");
	if (!CryptAcquireContextW(&t->prov, NULL, PROVIDER, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
		bench_fail("CryptAcquireContext");
	t->op.len = BULK;
	if (is_hash) {
		if (!CryptCreateHash(t->prov, alg, 0, 0, &t->op.hash))
			bench_fail("CryptCreateHash");
	} else
		t->op.key = gen_key(t->prov, alg, 128);
	return t;
}

static void *aes_setup(void) { return thread_setup(CALG_AES_128, FALSE); }
static void *sha_setup(void) { return thread_setup(CALG_SHA_256, TRUE); }

static int thread_encrypt(void *ctx)
{
	struct thread_op *t = ctx;
	DWORD n = BULK;

	return CryptEncrypt(t->op.key, 0, FALSE, 0, t->buf, &n, BULK);
}

static int thread_decrypt(void *ctx)
{
	struct thread_op *t = ctx;
	DWORD n = BULK;

	return CryptDecrypt(t->op.key, 0, FALSE, 0, t->buf, &n);
}

static int thread_hash(void *ctx)
{
	struct thread_op *t = ctx;

	return CryptHashData(t->op.hash, t->buf, BULK, 0);
}

static void thread_teardown(void *ctx)
{
	struct thread_op *t = ctx;

	if (t->op.key)
		CryptDestroyKey(t->op.key);
	if (t->op.hash)
		CryptDestroyHash(t->op.hash);
	CryptReleaseContext(t->prov, 0);
	free(t->buf);
	free(t);
}

const struct bench_bulk bench_capi_bulk[] = {
	{ "aes128-cbc-enc", aes_setup, thread_encrypt, thread_teardown },
	{ "aes128-cbc-dec", aes_setup, thread_decrypt, thread_teardown },
	{ "sha256", sha_setup, thread_hash, thread_teardown },
	{ NULL }
};
