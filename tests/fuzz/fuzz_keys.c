/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_keys.c - the fixed keys every fuzz target works with (fuzz.h):
 * made once per process from the unit tests' RSA fixture and constant
 * session key bytes, and kept for the whole run.
 */
#include "fuzz.h"
#include "../unit/rsaenh/rsa_fixture.h"

/* the fixture's other answers are for the unit tests */
static const void *const unused_answers[] __attribute__((used)) = {
	sig_sha1_hex, sig_sha256_bare_hex, oaep_hex, pkcs1_hex, simple_hex,
};

DWORD fz_priv_blob(BYTE *out)
{
	DWORD n = 0;
	const char *h = priv_hex;

	for (; h[0] && h[1]; h += 2) {
		unsigned int hi = h[0] <= '9' ? h[0] - '0' : (h[0] | 0x20) - 'a' + 10;
		unsigned int lo = h[1] <= '9' ? h[1] - '0' : (h[1] | 0x20) - 'a' + 10;

		out[n++] = (BYTE)(hi << 4 | lo);
	}
	return n;
}

static struct csp_key *session(ALG_ID id, DWORD bits)
{
	static const BYTE bytes[32] = "fuzzing session key, fixed bytes";
	struct csp_key *k = NULL;

	if (csp_key_create(fz_aes_profile(), id, bits << 16 | CRYPT_EXPORTABLE, &k))
		abort();
	csp_key_load(k, bytes, sizeof(bytes));
	return k;
}

static struct csp_key *make(int which)
{
	struct csp_blob_env env = { fz_aes_profile(), &fz_rng };
	struct csp_key *k = NULL, *pair;
	BYTE blob[1024];
	DWORD n = fz_priv_blob(blob);

	switch (which) {
	case FZ_RSA_KEYX:
		break;
	case FZ_RSA_SIGN:
		blob[4] = (BYTE)CALG_RSA_SIGN;
		blob[5] = (BYTE)(CALG_RSA_SIGN >> 8);
		break;
	case FZ_RSA_PUB:
		pair = fz_key(FZ_RSA_KEYX);
		n = sizeof(blob);
		if (csp_blob_export(&env, pair, NULL, PUBLICKEYBLOB, 0, blob, &n))
			abort();
		break;
	case FZ_AES256: return session(CALG_AES_256, 256);
	case FZ_3DES: return session(CALG_3DES, 192);
	case FZ_RC4: return session(CALG_RC4, 128);
	case FZ_RC2: return session(CALG_RC2, 128);
	case FZ_HMAC:
		if (csp_key_create_secret(env.profile, csp_alg_find(CALG_HMAC), (const BYTE *)"fuzzing HMAC key", 16, CRYPT_EXPORTABLE, &k))
			abort();
		return k;
	}
	if (csp_blob_import(&env, blob, n, NULL, CRYPT_EXPORTABLE, &k))
		abort();
	return k;
}

struct csp_key *fz_key(int which)
{
	static struct csp_key *keys[FZ_NKEYS];

	if (which < 0 || which >= FZ_NKEYS)
		which = 0;
	if (!keys[which])
		keys[which] = make(which);
	return keys[which];
}
