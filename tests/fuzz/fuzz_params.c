/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_params.c - libFuzzer target: CryptSetKeyParam / CryptSetHashParam
 * with arbitrary parameter data.  A real caller passes a buffer of the
 * size its parameter implies, so the data is given in a buffer of exactly
 * PARAM_MAX bytes (the largest parameter, HP_HASHVAL of SHA-512): any read
 * past it is a bug.  The pointers inside KP_SALT_EX (CRYPT_INTEGER_BLOB)
 * and HP_HMAC_INFO (HMAC_INFO) are pointed at fuzzer-owned buffers of the
 * length they announce (or left NULL).  After up to four settings the
 * object is read back and used (encrypt/decrypt, hash).
 */
#include "fuzz.h"

#define PARAM_MAX 64
#define POINTED_MAX 4096

static const int key_objs[] = { FZ_AES256, FZ_3DES, FZ_RC4, FZ_RC2, FZ_HMAC, FZ_RSA_KEYX, FZ_RSA_PUB };
#define N_KEY_OBJS (sizeof(key_objs) / sizeof(key_objs[0]))
static const ALG_ID hash_objs[] = { CALG_MD2, CALG_MD4, CALG_MD5, CALG_SHA, CALG_SHA_256, CALG_SHA_384,
				    CALG_SHA_512, CALG_SSL3_SHAMD5, CALG_MAC, CALG_HMAC, CALG_HMAC };
#define N_HASH_OBJS (sizeof(hash_objs) / sizeof(hash_objs[0]))
static const DWORD params[] = { KP_IV, KP_SALT, KP_SALT_EX, KP_PADDING, KP_MODE, KP_MODE_BITS,
				KP_PERMISSIONS, KP_ALGID, KP_BLOCKLEN, KP_KEYLEN, KP_EFFECTIVE_KEYLEN,
				HP_HASHVAL, HP_HMAC_INFO, HP_ALGID, HP_HASHSIZE };
#define N_PARAMS (sizeof(params) / sizeof(params[0]))

/* A buffer of n bytes (at most POINTED_MAX) from the input, for a pointer
 * inside a parameter structure; kept in *owned for freeing. */
static BYTE *pointed(struct fz *f, DWORD n, BYTE **owned)
{
	DWORD i;

	if (n > POINTED_MAX)
		n = POINTED_MAX;
	*owned = malloc(n ? n : 1);
	for (i = 0; i < n; i++)
		(*owned)[i] = fz_byte(f);
	return *owned;
}

/* One parameter's data: PARAM_MAX bytes, pointers fixed up. */
static void fill(struct fz *f, DWORD param, BYTE *buf, BYTE *owned[2])
{
	BYTE mode;
	DWORD i;

	for (i = 0; i < PARAM_MAX; i++)
		buf[i] = fz_byte(f);
	mode = fz_byte(f);
	if (param == KP_SALT_EX) {
		CRYPT_INTEGER_BLOB b;

		memcpy(&b, buf, sizeof(b));
		b.pbData = (mode & 1) ? NULL : pointed(f, b.cbData, &owned[0]);
		memcpy(buf, &b, sizeof(b));
	} else if (param == HP_HMAC_INFO) {
		HMAC_INFO h;

		memcpy(&h, buf, sizeof(h));
		/* a caller's string is as long as it says */
		if (h.cbInnerString > POINTED_MAX)
			h.cbInnerString = POINTED_MAX;
		if (h.cbOuterString > POINTED_MAX)
			h.cbOuterString = POINTED_MAX;
		h.pbInnerString = (mode & 1) ? NULL : pointed(f, h.cbInnerString, &owned[0]);
		h.pbOuterString = (mode & 2) ? NULL : pointed(f, h.cbOuterString, &owned[1]);
		memcpy(buf, &h, sizeof(h));
	}
}

static void read_back_key(struct csp_key *k)
{
	BYTE out[256];
	DWORD i, len;

	for (i = 0; i < N_PARAMS; i++) {
		len = sizeof(out);
		csp_key_get_param(k, params[i], out, &len);
	}
	memset(out, 0x33, sizeof(out));
	len = 50;
	if (csp_key_rsa(k)) {
		if (!csp_rsa_key_encrypt(k, 0, &fz_rng, out, &len, sizeof(out)) && csp_key_rsa(k)->has_private)
			csp_rsa_key_decrypt(k, 0, &fz_rng, out, &len);
	} else if (!csp_key_check_encrypt(k) && !csp_key_encrypt(k, TRUE, out, &len, sizeof(out)))
		csp_key_decrypt(k, TRUE, out, &len);
}

static void read_back_hash(struct csp_hash *h)
{
	BYTE out[256];
	DWORD i, len;

	csp_hash_update(h, (const BYTE *)"abc", 3);
	for (i = 0; i < N_PARAMS; i++) {
		len = sizeof(out);
		csp_hash_get_param(h, params[i], out, &len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	BYTE obj = fz_byte(&f) % (N_KEY_OBJS + N_HASH_OBJS), round;
	struct csp_key *k = NULL;
	struct csp_hash *h = NULL;
	BYTE *buf = malloc(PARAM_MAX);

	if (obj < N_KEY_OBJS) {
		if (csp_key_duplicate(fz_key(key_objs[obj]), &k))
			abort();
	} else {
		ALG_ID id = hash_objs[obj - N_KEY_OBJS];
		/* MAC over a block cipher key; HMAC over the HMAC key or a session key */
		const struct csp_key *key = id == CALG_MAC ? fz_key(FZ_3DES) :
			id != CALG_HMAC ? NULL : obj == N_KEY_OBJS + N_HASH_OBJS - 1 ? fz_key(FZ_AES256) : fz_key(FZ_HMAC);

		/* MAC and HMAC only copy their key (only a SChannel master hash
		 * changes one), so the shared fixture keys can be given */
		if (csp_hash_create(csp_alg_find(id), (struct csp_key *)key, &h))
			abort();
	}
	for (round = 0; round < 4 && f.n; round++) {
		BYTE sel = fz_byte(&f), *owned[2] = { NULL, NULL };
		DWORD param = sel < N_PARAMS ? params[sel] : sel < 0xf0 ? sel : fz_u32(&f);

		fill(&f, param, buf, owned);
		if (k)
			csp_key_set_param(k, param, buf);
		else
			csp_hash_set_param(h, param, buf);
		free(owned[0]);
		free(owned[1]);
	}
	if (k)
		read_back_key(k);
	else
		read_back_hash(h);
	csp_key_destroy(k);
	csp_hash_destroy(h);
	free(buf);
	return 0;
}

#ifdef FUZZ_SEEDS
/* Every object with every known parameter, once with plausible data: a
 * DWORD 1 (CBC, PKCS5_PADDING...), then bytes 1, 2, 3... */
static void fz_seeds(void)
{
	BYTE in[2 + PARAM_MAX + 1 + 16];
	DWORD obj, p, i;

	for (obj = 0; obj < N_KEY_OBJS + N_HASH_OBJS; obj++)
		for (p = 0; p < N_PARAMS; p++) {
			in[0] = (BYTE)obj;
			in[1] = (BYTE)p;
			memset(in + 2, 0, PARAM_MAX);
			in[2] = 1;
			if (params[p] == HP_HMAC_INFO)
				in[2] = (BYTE)CALG_SHA, in[3] = (BYTE)(CALG_SHA >> 8);
			if (params[p] == KP_SALT_EX || params[p] == HP_HMAC_INFO)
				in[2 + (params[p] == KP_SALT_EX ? 0 : offsetof(HMAC_INFO, cbInnerString))] = 8;
			if (params[p] == KP_IV || params[p] == KP_SALT || params[p] == HP_HASHVAL)
				for (i = 0; i < PARAM_MAX; i++)
					in[2 + i] = (BYTE)(i + 1);
			in[2 + PARAM_MAX] = 2;    /* keep the pointers, not the outer one */
			memset(in + 3 + PARAM_MAX, 0x77, 16);
			fz_emit(in, sizeof(in), NULL, 0);
		}
}
#endif
