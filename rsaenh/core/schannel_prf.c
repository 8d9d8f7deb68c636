/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * schannel_prf.c - the two protocols' key schedules on nettle's hashes:
 * TLS1 (RFC 2246, 5 and 6.3: the PRF of HMAC-MD5 and HMAC-SHA-1) and
 * SSL3 (RFC 6101, 6.1 and 6.2.2: MD5 over SHA-1 of 'A', 'BB', 'CCC'...).
 * Both are master secret = f(pre-master, client random, server random) and
 * key block = f(master, server random, client random).
 */
#include <string.h>
#include <nettle/hmac.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include "schannel.h"
#include "wipe.h"

/* --- TLS1 ---------------------------------------------------------------- */

struct prf_seed {
	const BYTE *part[3];
	DWORD len[3];
};

static void hmac_seed(void *state, const struct nettle_hash *nh, const struct prf_seed *s)
{
	int i;

	for (i = 0; i < 3; i++)
		hmac_update(state, nh, s->len[i], s->part[i]);
}

/* P_hash: HMAC(secret, A(i) || seed) for A(1) = HMAC(seed), A(i+1) =
 * HMAC(A(i)), XORed into out. */
static void p_hash(const struct nettle_hash *nh, const BYTE *secret, DWORD secret_len,
		   const struct prf_seed *seed, BYTE *out, DWORD n)
{
	union csp_hash_ctx outer, inner, state;
	BYTE a[CSP_MAX_DIGEST], block[CSP_MAX_DIGEST];
	DWORD done = 0, i, size = nh->digest_size;

	hmac_set_key(&outer, &inner, &state, nh, secret_len, secret);
	hmac_seed(&state, nh, seed);
	hmac_digest(&outer, &inner, &state, nh, size, a);
	while (done < n) {
		hmac_update(&state, nh, size, a);
		hmac_seed(&state, nh, seed);
		hmac_digest(&outer, &inner, &state, nh, size, block);
		for (i = 0; i < size && done < n; i++)
			out[done++] ^= block[i];
		hmac_update(&state, nh, size, a);
		hmac_digest(&outer, &inner, &state, nh, size, a);
	}
	csp_wipe(&outer, sizeof(outer));
	csp_wipe(&inner, sizeof(inner));
	csp_wipe(&state, sizeof(state));
	csp_wipe(a, sizeof(a));
	csp_wipe(block, sizeof(block));
}

void csp_tls1_prf(const BYTE *secret, DWORD secret_len, const BYTE *label, DWORD label_len,
		  const BYTE *seed1, DWORD seed1_len, const BYTE *seed2, DWORD seed2_len,
		  BYTE *out, DWORD n)
{
	struct prf_seed seed = { { label, seed1, seed2 }, { label_len, seed1_len, seed2_len } };
	DWORD half = (secret_len + 1) / 2;   /* the halves share a middle byte when odd */

	memset(out, 0, n);
	p_hash(&nettle_md5, secret, half, &seed, out, n);
	p_hash(&nettle_sha1, secret + secret_len - half, half, &seed, out, n);
}

#define LABEL(s) (const BYTE *)(s), sizeof(s) - 1

static void tls1_master(const BYTE *pre, const struct csp_schannel *s, BYTE *out)
{
	csp_tls1_prf(pre, CSP_MASTER_LEN, LABEL("master secret"), s->client_random, s->client_len,
		     s->server_random, s->server_len, out, CSP_MASTER_LEN);
}

static void tls1_key_block(const BYTE *master, const struct csp_schannel *s, BYTE *out, DWORD n)
{
	csp_tls1_prf(master, CSP_MASTER_LEN, LABEL("key expansion"), s->server_random, s->server_len,
		     s->client_random, s->client_len, out, n);
}

const struct csp_master_ops csp_master_tls1 = { { 3, 1 }, tls1_master, tls1_key_block };

/* --- SSL3 ---------------------------------------------------------------- */

/* out = MD5(secret || SHA-1(letters || secret || r1 || r2)) blocks of 16
 * bytes, the i-th with i+1 copies of 'A' + i, for n bytes. */
static void ssl3_expand(const BYTE *secret, const BYTE *r1, DWORD r1_len, const BYTE *r2, DWORD r2_len,
			BYTE *out, DWORD n)
{
	struct sha1_ctx sha;
	struct md5_ctx md5;
	BYTE letters[26], inner[SHA1_DIGEST_SIZE], block[MD5_DIGEST_SIZE];
	DWORD i, done;

	for (i = 0, done = 0; done < n && i < sizeof(letters); i++) {
		memset(letters, 'A' + i, i + 1);
		sha1_init(&sha);
		sha1_update(&sha, i + 1, letters);
		sha1_update(&sha, CSP_MASTER_LEN, secret);
		sha1_update(&sha, r1_len, r1);
		sha1_update(&sha, r2_len, r2);
		sha1_digest(&sha, sizeof(inner), inner);
		md5_init(&md5);
		md5_update(&md5, CSP_MASTER_LEN, secret);
		md5_update(&md5, sizeof(inner), inner);
		md5_digest(&md5, sizeof(block), block);
		memcpy(out + done, block, n - done < sizeof(block) ? n - done : sizeof(block));
		done += sizeof(block);
	}
	csp_wipe(&sha, sizeof(sha));
	csp_wipe(&md5, sizeof(md5));
	csp_wipe(inner, sizeof(inner));
	csp_wipe(block, sizeof(block));
}

static void ssl3_master(const BYTE *pre, const struct csp_schannel *s, BYTE *out)
{
	ssl3_expand(pre, s->client_random, s->client_len, s->server_random, s->server_len, out,
		    CSP_MASTER_LEN);
}

static void ssl3_key_block(const BYTE *master, const struct csp_schannel *s, BYTE *out, DWORD n)
{
	ssl3_expand(master, s->server_random, s->server_len, s->client_random, s->client_len, out, n);
}

const struct csp_master_ops csp_master_ssl3 = { { 3, 0 }, ssl3_master, ssl3_key_block };
