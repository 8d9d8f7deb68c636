/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_key.c - RSA key pairs as key objects: the descriptor of the RSA
 * rows (over rsa.c) and encryption with a key exchange key.
 */
#include <stdlib.h>
#include <string.h>
#include "rsa_key.h"

/* --- the descriptor ------------------------------------------------------ */

static DWORD rsa_length(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits)
{
	return csp_pair_length_step(row, requested_bits, 8, bits);
}

static DWORD rsa_generate(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
			  const struct csp_random *rng, void **out)
{
	return csp_rsa_generate(bits, rng, (struct csp_rsa **)out);
}

static DWORD rsa_duplicate(const void *pair, void **out)
{
	return csp_rsa_duplicate(pair, (struct csp_rsa **)out);
}

static void rsa_destroy(void *pair)
{
	csp_rsa_destroy(pair);
}

static DWORD rsa_bits(const void *pair)
{
	return ((const struct csp_rsa *)pair)->bits;
}

static BOOL rsa_has_private(const void *pair)
{
	return ((const struct csp_rsa *)pair)->has_private;
}

static BOOL rsa_ready(const void *pair)
{
	return TRUE;
}

static DWORD rsa_sig_size(const void *pair)
{
	return csp_rsa_bytes(pair);
}

static DWORD rsa_sign(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		      DWORD flags, const struct csp_random *rng, BYTE *sig)
{
	return csp_rsa_sign(pair, hash_alg, digest, digest_len, flags, rng, sig);
}

static DWORD rsa_verify(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
			DWORD flags, const BYTE *sig, DWORD sig_len)
{
	return csp_rsa_verify(pair, hash_alg, digest, digest_len, flags, sig, sig_len);
}

static DWORD write_sized(const struct csp_rsa *r, BOOL private, BYTE *out, DWORD *len)
{
	DWORD need = private ? csp_rsa_private_blob_size(r) : csp_rsa_public_blob_size(r);

	if (private && !r->has_private)
		return NTE_BAD_KEY;
	if (out && *len < need) {
		*len = need;
		return ERROR_MORE_DATA;
	}
	if (out && private)
		csp_rsa_write_private(r, out);
	else if (out)
		csp_rsa_write_public(r, out);
	*len = need;
	return ERROR_SUCCESS;
}

static DWORD rsa_write_public(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return write_sized(pair, FALSE, out, len);
}

static DWORD rsa_write_private(const void *pair, BYTE version, BYTE *out, DWORD *len)
{
	return write_sized(pair, TRUE, out, len);
}

static DWORD rsa_read_public(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_rsa_read_public(body, len, (struct csp_rsa **)out);
}

static DWORD rsa_read_private(const BYTE *body, DWORD len, BYTE version, void **out)
{
	return csp_rsa_read_private(body, len, (struct csp_rsa **)out);
}

const struct csp_pair_ops csp_pair_rsa = {
	.length = rsa_length,
	.generate = rsa_generate,
	.duplicate = rsa_duplicate,
	.destroy = rsa_destroy,
	.bits = rsa_bits,
	.has_private = rsa_has_private,
	.ready = rsa_ready,
	.sig_size = rsa_sig_size,
	.sign = rsa_sign,
	.verify = rsa_verify,
	.write_public = rsa_write_public,
	.write_private = rsa_write_private,
	.read_public = rsa_read_public,
	.read_private = rsa_read_private,
};

/* --- encryption with a key exchange key ----------------------------------- */

DWORD csp_rsa_key_encrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len, DWORD buflen)
{
	DWORD size = csp_rsa_bytes(((struct csp_rsa *)k->pair));

	if (k->alg->id != CALG_RSA_KEYX)
		return NTE_BAD_KEY;      /* signature keys do not encrypt */
	if (!data) {
		*len = size;
		return ERROR_SUCCESS;
	}
	if (buflen < size) {
		*len = size;
		return ERROR_MORE_DATA;
	}
	if (*len > csp_rsa_max_message(((struct csp_rsa *)k->pair), (flags & CRYPT_OAEP) != 0))
		return NTE_BAD_LEN;
	if ((flags = csp_rsa_encrypt(((struct csp_rsa *)k->pair), (flags & CRYPT_OAEP) != 0, rng, data, *len)))
		return flags;
	*len = size;
	return ERROR_SUCCESS;
}

DWORD csp_rsa_key_decrypt(struct csp_key *k, DWORD flags, const struct csp_random *rng,
			  BYTE *data, DWORD *len)
{
	if (k->alg->id != CALG_RSA_KEYX)
		return NTE_BAD_KEY;
	if (!((struct csp_rsa *)k->pair)->has_private)
		return NTE_NO_KEY;
	if (*len != csp_rsa_bytes(((struct csp_rsa *)k->pair)))
		return NTE_BAD_DATA;
	return csp_rsa_decrypt(((struct csp_rsa *)k->pair), (flags & CRYPT_OAEP) != 0, rng, data, len);
}
