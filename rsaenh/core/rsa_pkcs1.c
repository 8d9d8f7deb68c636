/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_pkcs1.c - what rsaenh does with an RSA key: PKCS#1 v1.5 signatures
 * (with each hash's DigestInfo, or the bare value) and encryption with
 * PKCS#1 v1.5 or OAEP (SHA-1, MGF1, empty label) padding.  The private
 * operations are blinded: signatures with the key's blinding pair
 * (rsa_blind.c), decryption with nettle's fresh factors; OAEP (which nettle 3.8 lacks) is
 * decoded here without branches on secret bytes.
 */
#include <string.h>
#include <gmp.h>
#include <nettle/bignum.h>
#include <nettle/sha1.h>
#include <nettle/pss-mgf1.h>
#include <nettle/pkcs1.h>
#include "rsa.h"
#include "rsa_rng.h"
#include "rsa_blind.h"
#include "wipe.h"

/* DER prefixes of PKCS#1 DigestInfo, to be followed by the hash value.
 * Kept with the signature code: they are PKCS#1's encoding, not the hash's. */
static const struct {
	ALG_ID id;
	BYTE len;
	BYTE der[19];
} digest_infos[] = {
	{ CALG_MD2, 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
			  0x02, 0x02, 0x05, 0x00, 0x04, 0x10 } },
	{ CALG_MD4, 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
			  0x02, 0x04, 0x05, 0x00, 0x04, 0x10 } },
	{ CALG_MD5, 18, { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d,
			  0x02, 0x05, 0x05, 0x00, 0x04, 0x10 } },
	{ CALG_SHA, 15, { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05,
			  0x00, 0x04, 0x14 } },
	{ CALG_SHA_256, 19, { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
			      0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 } },
	{ CALG_SHA_384, 19, { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
			      0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 } },
	{ CALG_SHA_512, 19, { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03,
			      0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 } },
	{ CALG_SSL3_SHAMD5, 0, { 0 } },    /* always signed bare */
};

#define MAX_INFO (19 + 64)

/* The signed string for (alg, value): DigestInfo or the bare value.
 * 0 when the algorithm has no encoding. */
static DWORD build_info(ALG_ID alg, const BYTE *digest, DWORD dlen, BOOL bare, BYTE *info)
{
	size_t i;

	if (dlen > 64)
		return 0;
	for (i = 0; i < sizeof(digest_infos) / sizeof(digest_infos[0]); i++) {
		DWORD plen;

		if (digest_infos[i].id != alg)
			continue;
		plen = bare ? 0 : digest_infos[i].len;
		memcpy(info, digest_infos[i].der, plen);
		memcpy(info + plen, digest, dlen);
		return plen + dlen;
	}
	return 0;
}

DWORD csp_rsa_sign(const struct csp_rsa *r, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		   DWORD flags, const struct csp_random *rng, BYTE *sig)
{
	struct csp_rsa_rng a = { rng, ERROR_SUCCESS, 0 };
	BYTE info[MAX_INFO];
	DWORD len, err = ERROR_SUCCESS;
	mpz_t m, s;

	if (!r->has_private)
		return NTE_NO_KEY;
	if (!(len = build_info(hash_alg, digest, digest_len, (flags & CRYPT_NOHASHOID) != 0, info)))
		return NTE_BAD_ALGID;
	if (len + 11 > csp_rsa_bytes(r))
		return NTE_BAD_LEN;
	mpz_init(m);
	mpz_init(s);
	if (!pkcs1_rsa_digest_encode(m, r->priv.size, len, info) ||
	    !csp_rsa_blinded_root(r->blind, &r->pub, &r->priv, &a, csp_rsa_rng_fn, s, m))
		err = NTE_FAIL;
	if (a.err)
		err = a.err;
	if (!err)
		csp_rsa_put_le(sig, csp_rsa_bytes(r), s);
	mpz_clear(m);
	mpz_clear(s);
	return err;
}

DWORD csp_rsa_verify(const struct csp_rsa *r, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		     DWORD flags, const BYTE *sig, DWORD sig_len)
{
	BYTE info[MAX_INFO];
	DWORD len;
	BOOL good = FALSE;
	mpz_t s;

	if (sig_len != csp_rsa_bytes(r))
		return NTE_BAD_SIGNATURE;
	mpz_init(s);
	csp_rsa_get_le(s, sig, sig_len);
	/* each encoding is checked exactly (nettle rebuilds the whole padded
	 * block and compares); Windows accepts the bare value too */
	if (!(flags & CRYPT_NOHASHOID) && (len = build_info(hash_alg, digest, digest_len, FALSE, info)))
		good = rsa_pkcs1_verify(&r->pub, len, info, s);
	if (!good && (len = build_info(hash_alg, digest, digest_len, TRUE, info)))
		good = rsa_pkcs1_verify(&r->pub, len, info, s);
	mpz_clear(s);
	return good ? ERROR_SUCCESS : NTE_BAD_SIGNATURE;
}

/* --- encryption ----------------------------------------------------------- */

#define OAEP_HLEN SHA1_DIGEST_SIZE

DWORD csp_rsa_max_message(const struct csp_rsa *r, BOOL oaep)
{
	DWORD k = csp_rsa_bytes(r), over = oaep ? 2 * OAEP_HLEN + 2 : 11;

	return k > over ? k - over : 0;
}

static void mgf1_sha1(const BYTE *seed, DWORD seed_len, BYTE *mask, DWORD len)
{
	struct sha1_ctx ctx;

	sha1_init(&ctx);
	sha1_update(&ctx, seed_len, seed);
	pss_mgf1(&ctx, &nettle_sha1, len, mask);
	csp_wipe(&ctx, sizeof(ctx));
}

static void xor_into(BYTE *dst, const BYTE *src, DWORD len)
{
	DWORD i;

	for (i = 0; i < len; i++)
		dst[i] ^= src[i];
}

static void empty_label_hash(BYTE *out)
{
	struct sha1_ctx ctx;

	sha1_init(&ctx);
	sha1_digest(&ctx, OAEP_HLEN, out);
}

/* EM = 00 | maskedSeed | maskedDB, DB = lHash | 00.. | 01 | M (RFC 8017 7.1.1) */
static DWORD oaep_encode(DWORD k, const BYTE *msg, DWORD len, struct csp_rsa_rng *a, BYTE *em)
{
	BYTE mask[CSP_RSA_MAX_BYTES];
	BYTE *seed = em + 1, *db = em + 1 + OAEP_HLEN;
	DWORD db_len = k - 1 - OAEP_HLEN;

	memset(em, 0, k);
	empty_label_hash(db);
	db[db_len - len - 1] = 0x01;
	memcpy(db + db_len - len, msg, len);
	csp_rsa_rng_fn(a, OAEP_HLEN, seed);
	mgf1_sha1(seed, OAEP_HLEN, mask, db_len);
	xor_into(db, mask, db_len);
	mgf1_sha1(db, db_len, mask, OAEP_HLEN);
	xor_into(seed, mask, OAEP_HLEN);
	csp_wipe(mask, sizeof(mask));
	return a->err;
}

DWORD csp_rsa_encrypt(const struct csp_rsa *r, BOOL oaep, const struct csp_random *rng,
		      BYTE *buf, DWORD len)
{
	struct csp_rsa_rng a = { rng, ERROR_SUCCESS, 0 };
	BYTE em[CSP_RSA_MAX_BYTES];
	DWORD k = csp_rsa_bytes(r), err = ERROR_SUCCESS;
	mpz_t m, c;

	if (len > csp_rsa_max_message(r, oaep))
		return NTE_BAD_LEN;
	mpz_init(m);
	mpz_init(c);
	if (oaep) {
		if (!(err = oaep_encode(k, buf, len, &a, em))) {
			nettle_mpz_set_str_256_u(m, k, em);
			mpz_powm_sec(c, m, r->pub.e, r->pub.n);
		}
	} else if (!rsa_encrypt(&r->pub, &a, csp_rsa_rng_fn, len, buf, c))
		err = NTE_BAD_LEN;
	if (!err && a.err)
		err = a.err;
	if (!err)
		csp_rsa_put_le(buf, k, c);
	csp_wipe(em, sizeof(em));
	mpz_clear(m);
	mpz_clear(c);
	return err;
}

/* all ones when x == 0, else 0, without a branch */
static DWORD ct_is_zero(DWORD x)
{
	return (DWORD)0 - (((x | ((DWORD)0 - x)) >> 31) ^ 1);
}

/* RFC 8017 7.1.2 step 3, in constant time up to the message length */
static DWORD oaep_decode(BYTE *em, DWORD k, BYTE *out, DWORD *len)
{
	BYTE mask[CSP_RSA_MAX_BYTES], lhash[OAEP_HLEN];
	BYTE *seed = em + 1, *db = em + 1 + OAEP_HLEN;
	DWORD db_len = k - 1 - OAEP_HLEN, good, found = 0, bad = 0, index = 0, diff = 0, i;

	if (k < 2 * OAEP_HLEN + 2)
		return NTE_BAD_DATA;
	mgf1_sha1(db, db_len, mask, OAEP_HLEN);
	xor_into(seed, mask, OAEP_HLEN);
	mgf1_sha1(seed, OAEP_HLEN, mask, db_len);
	xor_into(db, mask, db_len);
	empty_label_hash(lhash);
	for (i = 0; i < OAEP_HLEN; i++)
		diff |= db[i] ^ lhash[i];
	good = ct_is_zero(em[0]) & ct_is_zero(diff);
	for (i = OAEP_HLEN; i < db_len; i++) {
		DWORD one = ct_is_zero(db[i] ^ 1u), zero = ct_is_zero(db[i]);

		index |= ~found & one & i;
		bad |= ~found & ~one & ~zero;
		found |= one;
	}
	good &= found & ~bad;
	csp_wipe(mask, sizeof(mask));
	if (!good)
		return NTE_BAD_DATA;
	*len = db_len - index - 1;
	memmove(out, db + index + 1, *len);
	return ERROR_SUCCESS;
}

DWORD csp_rsa_decrypt(const struct csp_rsa *r, BOOL oaep, const struct csp_random *rng,
		      BYTE *buf, DWORD *len)
{
	struct csp_rsa_rng a = { rng, ERROR_SUCCESS, 0 };
	BYTE em[CSP_RSA_MAX_BYTES];
	DWORD k = csp_rsa_bytes(r), err = ERROR_SUCCESS, out_len = 0;
	size_t plen = k;
	mpz_t c, m;

	if (!r->has_private)
		return NTE_BAD_KEY;
	mpz_init(c);
	mpz_init(m);
	csp_rsa_get_le(c, buf, k);
	if (mpz_cmp(c, r->pub.n) >= 0)
		err = NTE_BAD_DATA;
	else if (oaep) {
		if (!rsa_compute_root_tr(&r->pub, &r->priv, &a, csp_rsa_rng_fn, m, c))
			err = NTE_BAD_DATA;
		else {
			nettle_mpz_get_str_256(k, em, m);
			err = oaep_decode(em, k, em, &out_len);
		}
	} else if (!rsa_decrypt_tr(&r->pub, &r->priv, &a, csp_rsa_rng_fn, &plen, em, c))
		err = NTE_BAD_DATA;
	else
		out_len = (DWORD)plen;
	if (!err && a.err)
		err = a.err;
	if (!err) {
		memcpy(buf, em, out_len);
		*len = out_len;
	}
	csp_wipe(em, sizeof(em));
	mpz_clear(c);
	mpz_clear(m);
	return err;
}
