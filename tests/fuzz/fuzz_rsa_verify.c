/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz_rsa_verify.c - libFuzzer target: CryptVerifySignature's check of a
 * PKCS#1 v1.5 signature.  Input: hash algorithm (index into the hashes the
 * signer knows, or any ALG_ID), dwFlags, which key (the pair, its public
 * half, the signature key), the digest length and bytes, then the
 * signature.  When the high bit of the first byte is set, the digest is
 * also signed, and that signature must verify (a round-trip oracle).
 */
#include "fuzz.h"

static const ALG_ID hashes[] = { CALG_MD2, CALG_MD4, CALG_MD5, CALG_SHA, CALG_SHA_256, CALG_SHA_384,
				 CALG_SHA_512, CALG_SSL3_SHAMD5 };
#define N_HASHES (sizeof(hashes) / sizeof(hashes[0]))
static const int keys[] = { FZ_RSA_KEYX, FZ_RSA_PUB, FZ_RSA_SIGN };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz f = { data, size };
	BYTE sel = fz_byte(&f), dlen;
	ALG_ID alg = (sel & 0x7f) < N_HASHES ? hashes[sel & 0x7f] : fz_u32(&f);
	DWORD flags = fz_u32(&f), slen;
	const struct csp_rsa *r = csp_key_rsa(fz_key(keys[fz_byte(&f) % 3]));
	BYTE digest[256], mine[CSP_RSA_MAX_BYTES], *sig;
	DWORD err;

	dlen = fz_byte(&f);
	memset(digest, 0, sizeof(digest));
	memcpy(digest, f.p, dlen < f.n ? dlen : f.n);
	f.p += dlen < f.n ? dlen : f.n;
	f.n -= dlen < f.n ? dlen : f.n;
	sig = fz_rest(&f, &slen);
	csp_rsa_verify(r, alg, digest, dlen, flags, sig, slen);
	if ((sel & 0x80) && r->has_private &&
	    csp_rsa_sign(r, alg, digest, dlen, flags, &fz_rng, mine) == ERROR_SUCCESS) {
		err = csp_rsa_verify(r, alg, digest, dlen, flags, mine, csp_rsa_bytes(r));
		if (err)
			abort();      /* our own signature must verify */
	}
	free(sig);
	return 0;
}

#ifdef FUZZ_SEEDS
/* Signatures of ours over each hash's digest of "seed", with and without
 * the DigestInfo, by the pair (key choice 0). */
static void fz_seeds(void)
{
	const struct csp_rsa *r = csp_key_rsa(fz_key(FZ_RSA_KEYX));
	BYTE in[8 + 64], sig[CSP_RSA_MAX_BYTES];
	const struct csp_alg *alg;
	DWORD i, flags, dlen;

	for (i = 0; i < N_HASHES; i++)
		for (flags = 0; flags <= CRYPT_NOHASHOID; flags++) {
			alg = csp_alg_find(hashes[i]);
			dlen = alg->hash ? alg->hash->digest_size : alg->hash_size;
			in[0] = (BYTE)i | (flags ? 0x80 : 0);
			memcpy(in + 1, &flags, 4);
			in[5] = 0;
			in[6] = (BYTE)dlen;
			memset(in + 7, 0x11 * (i + 1), dlen);
			if (csp_rsa_sign(r, hashes[i], in + 7, dlen, flags, &fz_rng, sig) == ERROR_SUCCESS)
				fz_emit(in, 7 + dlen, sig, csp_rsa_bytes(r));
		}
}
#endif
