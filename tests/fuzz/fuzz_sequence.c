/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_sequence.c - libFuzzer target: random sequences of core operations
 * against one provider profile (the first input byte picks it), on eight
 * key slots and eight hash slots: create and generate keys (session keys
 * and small RSA pairs), import the fixture pair, create hashes (MAC and
 * HMAC over a slot's key), hash, derive, encrypt+decrypt, export+import,
 * duplicate, destroy, set parameters, sign+verify, read hash values.
 * Oracles: a duplicate decrypts what its twin encrypted, a signature of
 * ours verifies, a duplicated hash has its original's value.
 */
#include "fuzz.h"

#define SLOTS 8

struct state {
	struct fz f;
	struct csp_blob_env env;
	struct csp_key *k[SLOTS];
	struct csp_hash *h[SLOTS];
};

static const struct csp_profile_alg *row(struct state *s)
{
	return &s->env.profile->algs[fz_byte(&s->f) % s->env.profile->n_algs];
}

static void put_key(struct state *s, BYTE slot, struct csp_key *k)
{
	csp_key_destroy(s->k[slot % SLOTS]);
	s->k[slot % SLOTS] = k;
}

static void put_hash(struct state *s, BYTE slot, struct csp_hash *h)
{
	csp_hash_destroy(s->h[slot % SLOTS]);
	s->h[slot % SLOTS] = h;
}

static void op_create_key(struct state *s)
{
	const struct csp_profile_alg *r = row(s);
	DWORD flags = fz_u32(&s->f), bits;
	struct csp_key *k = NULL;
	struct csp_rsa *rsa;
	BYTE bytes[CSP_MAX_KEY];

	flags &= (flags & 0x80) ? 0xffff0000 | CRYPT_EXPORTABLE | CRYPT_CREATE_SALT | CRYPT_NO_SALT :
				  CRYPT_EXPORTABLE | CRYPT_CREATE_SALT | CRYPT_NO_SALT;
	if (csp_alg_pair(csp_alg_find(r->id)) == &csp_pair_rsa) {
		/* small pairs only: generation is the slow part */
		if (csp_pair_rsa.length(r, (flags & 0x80) ? 512 : 384, &bits) ||
		    csp_rsa_generate(bits, &fz_rng, &rsa))
			return;
		if (csp_key_from_pair(csp_alg_find(r->id), rsa, flags, &k))
			return;
	} else {
		if (csp_key_create(s->env.profile, r->id, flags, &k))
			return;
		counter_rng_fill(fz_rng.ctx, bytes, sizeof(bytes));
		csp_key_load(k, bytes, sizeof(bytes));
	}
	put_key(s, fz_byte(&s->f), k);
}

static void op_import_pair(struct state *s)
{
	BYTE blob[1024];
	DWORD n = fz_priv_blob(blob);
	struct csp_key *k = NULL;

	if (!csp_blob_import(&s->env, blob, n, NULL, fz_byte(&s->f) & CRYPT_EXPORTABLE, &k))
		put_key(s, fz_byte(&s->f), k);
}

static void op_create_hash(struct state *s)
{
	const struct csp_profile_alg *r = row(s);
	struct csp_hash *h = NULL;

	if (!csp_hash_create(csp_alg_find(r->id), s->k[fz_byte(&s->f) % SLOTS], &h))
		put_hash(s, fz_byte(&s->f), h);
}

static void op_hash_data(struct state *s)
{
	struct csp_hash *h = s->h[fz_byte(&s->f) % SLOTS];
	DWORD n = fz_byte(&s->f);

	if (n > s->f.n)
		n = (DWORD)s->f.n;
	if (h)
		csp_hash_update(h, s->f.p, n);
	s->f.p += n;
	s->f.n -= n;
}

static void op_derive(struct state *s)
{
	const struct csp_profile_alg *r = row(s);
	struct csp_hash *h = s->h[fz_byte(&s->f) % SLOTS];
	DWORD flags = fz_u32(&s->f) & (0xffff0000 | CRYPT_EXPORTABLE | CRYPT_CREATE_SALT | CRYPT_NO_SALT);
	struct csp_key *k = NULL;

	if (h && !csp_key_derive(s->env.profile, r->id, flags, h, &k))
		put_key(s, fz_byte(&s->f), k);
}

static void op_crypt(struct state *s)
{
	struct csp_key *k = s->k[fz_byte(&s->f) % SLOTS], *e = NULL, *d = NULL;
	BYTE msg[600], buf[600];
	DWORD n = fz_byte(&s->f), len = n, i;
	BOOL final = !(n & 1) || (k && csp_key_rsa(k));

	if (!k || csp_key_duplicate(k, &e) || csp_key_duplicate(k, &d))
		goto out;
	for (i = 0; i < sizeof(msg); i++)
		msg[i] = (BYTE)(i * 7 + n);
	memcpy(buf, msg, sizeof(buf));
	if (csp_key_rsa(k)) {
		if (k->alg->id != CALG_RSA_KEYX || !csp_key_rsa(k)->has_private)
			goto out;
		DWORD oaep = (n & 2) ? CRYPT_OAEP : 0;

		len = n = n % (csp_rsa_max_message(csp_key_rsa(k), oaep != 0) + 1);
		if (csp_rsa_key_encrypt(e, oaep, &fz_rng, buf, &len, sizeof(buf)))
			abort();
		if (csp_rsa_key_decrypt(d, oaep, &fz_rng, buf, &len))
			abort();
	} else {
		if (!final && csp_key_block_len(k))
			len = n = n / csp_key_block_len(k) * csp_key_block_len(k);
		if (csp_key_check_encrypt(k) || csp_key_encrypt(e, final, buf, &len, sizeof(buf)))
			goto out;
		/* an empty last part (a stream cipher's) cannot be decrypted */
		if (final && !len) {
			if (csp_key_decrypt(d, final, buf, &len) != NTE_BAD_LEN)
				abort();
			goto out;
		}
		if (csp_key_decrypt(d, final, buf, &len))
			abort();      /* what the twin encrypted must decrypt */
	}
	if (len != n || memcmp(buf, msg, n))
		abort();
out:
	csp_key_destroy(e);
	csp_key_destroy(d);
}

static void op_export_import(struct state *s)
{
	static const DWORD types[] = { PLAINTEXTKEYBLOB, PUBLICKEYBLOB, PRIVATEKEYBLOB, SIMPLEBLOB };
	struct csp_key *k = s->k[fz_byte(&s->f) % SLOTS], *w = s->k[fz_byte(&s->f) % SLOTS], *back = NULL;
	DWORD type = types[fz_byte(&s->f) % 4], flags = fz_byte(&s->f) & CRYPT_OAEP, len = 0;
	BYTE *blob;

	/* SIMPLEBLOB needs the key exchange key; PRIVATEKEYBLOB may be wrapped */
	if (type != SIMPLEBLOB && (type != PRIVATEKEYBLOB || !(fz_byte(&s->f) & 1)))
		w = NULL;
	if (!k || csp_blob_export(&s->env, k, w, type, flags, NULL, &len))
		return;
	blob = malloc(len);
	if (!csp_blob_export(&s->env, k, w, type, flags, blob, &len) &&
	    !csp_blob_import(&s->env, blob, len, w, flags | CRYPT_EXPORTABLE, &back))
		put_key(s, fz_byte(&s->f), back);
	csp_wipe(blob, len);
	free(blob);
}

static void op_duplicate(struct state *s)
{
	BYTE from = fz_byte(&s->f), to = fz_byte(&s->f);
	struct csp_key *k = NULL;
	struct csp_hash *h = NULL, *o = s->h[from % SLOTS];

	if (from & 0x80) {
		if (o && !csp_hash_duplicate(o, &h)) {
			if (memcmp(csp_hash_value(h), csp_hash_value(o), csp_hash_size(o)))
				abort();      /* a duplicate has its original's value */
			put_hash(s, to, h);
		}
	} else if (s->k[from % SLOTS] && !csp_key_duplicate(s->k[from % SLOTS], &k))
		put_key(s, to, k);
}

static void op_destroy(struct state *s)
{
	BYTE which = fz_byte(&s->f);

	if (which & 0x80)
		put_hash(s, which, NULL);
	else
		put_key(s, which, NULL);
}

static void op_set_param(struct state *s)
{
	static const DWORD params[] = { KP_MODE, KP_IV, KP_SALT, KP_EFFECTIVE_KEYLEN, KP_PERMISSIONS,
					KP_PADDING, KP_MODE_BITS };
	struct csp_key *k = s->k[fz_byte(&s->f) % SLOTS];
	DWORD param = params[fz_byte(&s->f) % 7], i;
	BYTE data[64];

	for (i = 0; i < sizeof(data); i++)
		data[i] = i < 4 ? fz_byte(&s->f) % (param == KP_MODE ? 6 : 256) : (BYTE)i;
	if (param == KP_MODE)
		data[1] = data[2] = data[3] = 0;
	if (k)
		csp_key_set_param(k, param, data);
}

static void op_sign_verify(struct state *s)
{
	struct csp_hash *h = s->h[fz_byte(&s->f) % SLOTS];
	struct csp_key *k = s->k[fz_byte(&s->f) % SLOTS];
	DWORD flags = fz_byte(&s->f) & CRYPT_NOHASHOID;
	BYTE sig[CSP_RSA_MAX_BYTES];

	if (!h || !k || !csp_key_rsa(k) || !csp_key_rsa(k)->has_private)
		return;
	if (!csp_rsa_sign(csp_key_rsa(k), h->alg->id, csp_hash_value(h), csp_hash_size(h), flags, &fz_rng, sig) &&
	    csp_rsa_verify(csp_key_rsa(k), h->alg->id, csp_hash_value(h), csp_hash_size(h), flags, sig,
			   csp_rsa_bytes(csp_key_rsa(k))))
		abort();      /* our signature must verify */
}

static void (*const ops[])(struct state *) = {
	op_create_key, op_import_pair, op_create_hash, op_hash_data, op_derive, op_crypt,
	op_export_import, op_duplicate, op_destroy, op_set_param, op_sign_verify,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state s;
	int i, steps = 0;

	memset(&s, 0, sizeof(s));
	s.f.p = data;
	s.f.n = size;
	s.env = fz_env(fz_byte(&s.f));
	while (s.f.n && steps++ < 64)
		ops[fz_byte(&s.f) % (sizeof(ops) / sizeof(ops[0]))](&s);
	for (i = 0; i < SLOTS; i++) {
		csp_key_destroy(s.k[i]);
		csp_hash_destroy(s.h[i]);
	}
	return 0;
}

#ifdef FUZZ_SEEDS
/* A few programs: each operation once, with the session key, RSA, hash
 * and export paths reached in order. */
static void fz_seeds(void)
{
	static const BYTE programs[][48] = {
		/* create RC4 key in slot 0, crypt, hash SHA (row 5), derive, export plaintext */
		{ 0, 1, 0, 0, 0, 0, 5, 0, 40, 2, 5, 0, 0, 3, 0, 8, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h',
		  4, 0, 0, 0, 0, 0, 0, 1, 5, 1, 16, 6, 1, 0, 0, 0, 0, 2 },
		/* import the pair into slot 3, sign a hash, simple blob of key 0 under it */
		{ 2, 1, 1, 3, 0, 4, 0, 0, 0, 0, 0, 2, 5, 0, 0, 3, 0, 3, 'x', 'y', 'z', 10, 0, 3, 0,
		  6, 0, 3, 3, 0, 0, 4, 5, 3, 20, 7, 0, 5, 7, 0x80, 6, 8, 5 },
		/* AES profile: AES key, CBC, set IV and mode, duplicate, crypt */
		{ 4, 0, 13, 0, 0, 0, 0, 1, 9, 1, 1, 1, 2, 3, 4, 9, 1, 0, 4, 0, 0, 0, 7, 1, 2, 5, 2, 33,
		  5, 2, 32, 8, 1, 5, 1, 17 },
	};
	size_t i;

	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++)
		fz_emit(programs[i], sizeof(programs[i]), NULL, 0);
}
#endif
