/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_decrypt.c - libFuzzer target: CryptDecrypt's padding checks.
 * Symmetric keys (each block cipher in ECB, CBC and CFB, and RC4) strip
 * PKCS#5 padding on the final call; the RSA key exchange key undoes
 * PKCS#1 v1.5 or OAEP padding.  Input: which key and mode, how many
 * non-final calls come first, then the ciphertext.  Oracles: what
 * decrypts must re-encrypt to the same ciphertext (symmetric, one call)
 * and be no longer than the padding allows (RSA).
 */
#include "fuzz.h"

static const struct { int key; DWORD mode; } cases[] = {
	{ FZ_AES256, CRYPT_MODE_CBC }, { FZ_AES256, CRYPT_MODE_ECB }, { FZ_AES256, CRYPT_MODE_CFB },
	{ FZ_3DES, CRYPT_MODE_CBC }, { FZ_3DES, CRYPT_MODE_ECB }, { FZ_3DES, CRYPT_MODE_CFB },
	{ FZ_RC2, CRYPT_MODE_CBC }, { FZ_RC2, CRYPT_MODE_ECB }, { FZ_RC2, CRYPT_MODE_CFB },
	{ FZ_AES256, CRYPT_MODE_OFB }, { FZ_RC4, 0 },
};
#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static struct csp_key *fresh(int which, DWORD mode)
{
	struct csp_key *k = NULL;

	if (csp_key_duplicate(fz_key(which), &k))
		abort();
	if (mode)
		csp_key_set_param(k, KP_MODE, (const BYTE *)&mode);
	csp_key_restart(k);
	return k;
}

static void symmetric(BYTE sel, BYTE chunks, BYTE *ct, DWORD n)
{
	struct csp_key *k = fresh(cases[sel].key, cases[sel].mode), *e;
	DWORD bs = csp_key_block_len(k), len, off = 0, err, i;
	BYTE *pt = malloc(n + 64);

	memcpy(pt, ct, n);
	/* non-final calls take whole blocks (any length for a stream cipher) */
	for (i = 0; i < chunks % 4 && off < n; i++) {
		len = bs ? (n - off) / bs / 2 * bs : (n - off) / 2;
		if (csp_key_decrypt(k, FALSE, pt + off, &len))
			break;
		off += len;
	}
	len = n - off;
	err = csp_key_decrypt(k, TRUE, pt + off, &len);
	if (!err && len > n - off)
		abort();
	if (!err && chunks % 4 == 0) {
		/* the plaintext encrypts back to the very same ciphertext */
		e = fresh(cases[sel].key, cases[sel].mode);
		if (csp_key_encrypt(e, TRUE, pt, &len, n + 64) || len != n || memcmp(pt, ct, n))
			abort();
		csp_key_destroy(e);
	}
	csp_key_destroy(k);
	free(pt);
}

static void rsa(BOOL oaep, BYTE *ct, DWORD n)
{
	struct csp_key *k = fz_key(FZ_RSA_KEYX);
	DWORD len = n, err;

	err = csp_rsa_key_decrypt(k, oaep ? CRYPT_OAEP : 0, &fz_rng, ct, &len);
	if (!err && len > csp_rsa_max_message(csp_key_rsa(k), oaep))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	BYTE sel = fz_byte(&f) % (N_CASES + 2), chunks = fz_byte(&f);
	DWORD n;
	BYTE *ct = fz_rest(&f, &n);

	if (sel < N_CASES)
		symmetric(sel, chunks, ct, n);
	else
		rsa(sel == N_CASES + 1, ct, n);
	free(ct);
	return 0;
}

#ifdef FUZZ_SEEDS
/* Ciphertexts of ours: each case, messages of several lengths (so every
 * padding length occurs), and the RSA key's PKCS#1 v1.5 and OAEP. */
static void fz_seeds(void)
{
	static const DWORD lens[] = { 0, 1, 7, 8, 15, 16, 17, 31, 40 };
	BYTE buf[128], prefix[2];
	struct csp_key *k;
	DWORD sel, i, len;

	for (sel = 0; sel < N_CASES; sel++)
		for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
			k = fresh(cases[sel].key, cases[sel].mode);
			memset(buf, (BYTE)(0x40 + i), sizeof(buf));
			len = lens[i];
			prefix[0] = (BYTE)sel;
			prefix[1] = (BYTE)(i & 1);
			if (csp_key_encrypt(k, TRUE, buf, &len, sizeof(buf)) == ERROR_SUCCESS)
				fz_emit(prefix, 2, buf, len);
			csp_key_destroy(k);
		}
	for (i = 0; i < 2; i++) {
		k = fz_key(FZ_RSA_KEYX);
		memcpy(buf, "Wine rocks!", 11);
		len = 11;
		prefix[0] = (BYTE)(N_CASES + i);
		prefix[1] = 0;
		if (csp_rsa_key_encrypt(k, i ? CRYPT_OAEP : 0, &fz_rng, buf, &len, sizeof(buf)) == ERROR_SUCCESS)
			fz_emit(prefix, 2, buf, len);
	}
}
#endif
