/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_blob_import.c - libFuzzer target: CryptImportKey's parser.  Every
 * BLOB goes through csp_blob_import, so each bType's handler (SIMPLEBLOB,
 * PUBLICKEYBLOB, PRIVATEKEYBLOB plain or wrapped, PLAINTEXTKEYBLOB, and any
 * added later) is reached.  Input: profile index, which fixed key is
 * hPubKey (none, RSA pair, RSA public, RSA signature, session keys, HMAC),
 * dwFlags, then the BLOB.  A key that imports is used: its parameters
 * read, exported back in every type, and encryption run through it.
 */
#include "fuzz.h"

static const DWORD types[] = { PLAINTEXTKEYBLOB, PUBLICKEYBLOB, PRIVATEKEYBLOB, SIMPLEBLOB };

static void use_key(const struct csp_blob_env *env, struct csp_key *k, const struct csp_key *wrap)
{
	static const DWORD params[] = { KP_ALGID, KP_KEYLEN, KP_BLOCKLEN, KP_PERMISSIONS, KP_IV, KP_SALT,
					KP_EFFECTIVE_KEYLEN, KP_MODE };
	BYTE out[4096], buf[4096 + 64];
	DWORD i, len;

	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		len = sizeof(out);
		csp_key_get_param(k, params[i], out, &len);
	}
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		len = 0;
		if (csp_blob_export(env, k, wrap, types[i], 0, NULL, &len) == ERROR_SUCCESS && len <= sizeof(out))
			csp_blob_export(env, k, wrap, types[i], 0, out, &len);
		len = sizeof(out);
		csp_blob_export(env, k, NULL, types[i], 0, out, &len);
	}
	memset(buf, 0x5a, sizeof(buf));
	len = 37;
	if (csp_key_rsa(k)) {
		if (csp_rsa_key_encrypt(k, 0, &fz_rng, buf, &len, sizeof(buf)) == ERROR_SUCCESS && csp_key_rsa(k)->has_private)
			csp_rsa_key_decrypt(k, 0, &fz_rng, buf, &len);
	} else if (csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)) == ERROR_SUCCESS)
		csp_key_decrypt(k, TRUE, buf, &len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	struct csp_blob_env env = fz_env(fz_byte(&f));
	BYTE which = fz_byte(&f);
	const struct csp_key *wrap = which % (FZ_NKEYS + 1) ? fz_key(which % (FZ_NKEYS + 1) - 1) : NULL;
	DWORD flags = fz_u32(&f), len;
	BYTE *blob = fz_rest(&f, &len);
	struct csp_key *k = NULL;

	if (csp_blob_import(&env, blob, len, wrap, flags, &k) == ERROR_SUCCESS) {
		if (!k)
			abort();      /* success must give a key */
		use_key(&env, k, wrap);
		csp_key_destroy(k);
	} else if (k)
		abort();              /* failure must not give one */
	free(blob);
	return 0;
}

#ifdef FUZZ_SEEDS
/* One seed per exported BLOB: input prefix (profile, hPubKey choice + 1,
 * flags), then what our exporter wrote. */
static void seed(BYTE profile, int wrap, DWORD flags, const struct csp_key *k, DWORD type, DWORD exp_flags)
{
	struct csp_blob_env env = fz_env(profile);
	BYTE prefix[6] = { profile, (BYTE)(wrap + 1), (BYTE)flags, (BYTE)(flags >> 8), (BYTE)(flags >> 16),
			   (BYTE)(flags >> 24) }, blob[4096];
	DWORD len = sizeof(blob);

	if (csp_blob_export(&env, k, wrap >= 0 ? fz_key(wrap) : NULL, type, exp_flags, blob, &len) == ERROR_SUCCESS)
		fz_emit(prefix, sizeof(prefix), blob, len);
}

static void fz_seeds(void)
{
	static const int sessions[] = { FZ_AES256, FZ_3DES, FZ_RC4, FZ_RC2 };
	BYTE p;
	size_t i;

	for (p = 0; p < csp_profile_count(); p++) {
		for (i = 0; i < 4; i++) {
			seed(p, -1, CRYPT_EXPORTABLE, fz_key(sessions[i]), PLAINTEXTKEYBLOB, 0);
			seed(p, FZ_RSA_KEYX, CRYPT_EXPORTABLE, fz_key(sessions[i]), SIMPLEBLOB, 0);
			seed(p, FZ_RSA_KEYX, CRYPT_EXPORTABLE | CRYPT_OAEP, fz_key(sessions[i]), SIMPLEBLOB, CRYPT_OAEP);
			seed(p, sessions[i], CRYPT_EXPORTABLE, fz_key(FZ_RSA_KEYX), PRIVATEKEYBLOB, 0);
		}
		seed(p, -1, CRYPT_EXPORTABLE | CRYPT_IPSEC_HMAC_KEY, fz_key(FZ_HMAC), PLAINTEXTKEYBLOB, 0);
		seed(p, -1, CRYPT_EXPORTABLE, fz_key(FZ_RSA_KEYX), PUBLICKEYBLOB, 0);
		seed(p, -1, CRYPT_EXPORTABLE, fz_key(FZ_RSA_KEYX), PRIVATEKEYBLOB, 0);
		seed(p, -1, 0, fz_key(FZ_RSA_SIGN), PRIVATEKEYBLOB, 0);
	}
}
#endif
