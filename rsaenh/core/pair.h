/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pair.h - key pairs as key objects.  Every public-key row of the
 * algorithm table (RSA in rsa_key.c; DSS and Diffie-Hellman in
 * dssenh/core/dss_key.c) points to one descriptor that generates,
 * copies, signs, verifies, reads and writes its pairs; a key object of
 * such a row holds the pair in csp_key.pair.  The code around keys
 * (CryptGenKey, BLOBs, parameters, containers, signatures) dispatches
 * through the descriptor and never names a family.
 */
#ifndef CSP_PAIR_H
#define CSP_PAIR_H

#include "key.h"

struct csp_pair_ops {
	/* CryptGenKey's (flags >> 16) under this profile row, 0 for the
	 * default: the length to generate, or the family's error */
	DWORD (*length)(const struct csp_profile_alg *row, DWORD requested_bits, DWORD *bits);
	/* a new pair of bits; gen_flags are CryptGenKey's low 16 bits
	 * (CRYPT_PREGEN: a Diffie-Hellman key whose group comes later) */
	DWORD (*generate)(const struct csp_alg *alg, DWORD bits, DWORD gen_flags,
			  const struct csp_random *rng, void **out);
	DWORD (*duplicate)(const void *pair, void **out);
	void (*destroy)(void *pair);          /* wipes; NULL is fine */
	DWORD (*bits)(const void *pair);
	BOOL (*has_private)(const void *pair);
	/* whether the pair is complete (a CRYPT_PREGEN key is not until KP_X) */
	BOOL (*ready)(const void *pair);

	/* signatures of a hash value; sig_size 0: the pair does not sign */
	DWORD (*sig_size)(const void *pair);
	DWORD (*sign)(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		      DWORD flags, const struct csp_random *rng, BYTE *sig);
	DWORD (*verify)(const void *pair, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
			DWORD flags, const BYTE *sig, DWORD sig_len);

	/* BLOB bodies (after BLOBHEADER) of BLOBHEADER.bVersion version
	 * (CUR_BLOB_VERSION, or up to blob_version) with the sizing rule: out
	 * NULL asks the size, a short buffer gets ERROR_MORE_DATA */
	DWORD (*write_public)(const void *pair, BYTE version, BYTE *out, DWORD *len);
	DWORD (*write_private)(const void *pair, BYTE version, BYTE *out, DWORD *len);
	/* NTE_BAD_DATA for a malformed or inconsistent body */
	DWORD (*read_public)(const BYTE *body, DWORD len, BYTE version, void **out);
	DWORD (*read_private)(const BYTE *body, DWORD len, BYTE version, void **out);
	/* the newest BLOB version the family has, written on CryptExportKey's
	 * CRYPT_BLOB_VER3 (3: DSS, Diffie-Hellman); 0: CUR_BLOB_VERSION only,
	 * the flag ignored */
	BYTE blob_version;

	/* key agreement (NULL: none): the secret of own's private value and
	 * the peer's public value (a pair read_public gave), little-endian,
	 * *secret_len bytes (at most the pair's bits / 8) */
	DWORD (*agree)(const void *own, const void *peer, BYTE *secret, DWORD *secret_len);

	/* the family's own parameters (KP_P, KP_X, ...): NTE_BAD_TYPE hands
	 * over to the ones every pair has; NULL: none */
	DWORD (*get_param)(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len);
	DWORD (*set_param)(struct csp_key *k, DWORD param, const BYTE *data);
};

static inline const struct csp_pair_ops *csp_alg_pair(const struct csp_alg *alg)
{
	return alg ? alg->pair : NULL;
}

/* A key object owning pair (destroyed on failure).  gen_flags are
 * CryptGenKey/CryptImportKey's low bits (CRYPT_EXPORTABLE...). */
DWORD csp_key_from_pair(const struct csp_alg *alg, void *pair, DWORD gen_flags, struct csp_key **out);

/* CryptGenKey of a pair of row alg under profile row offer. */
DWORD csp_pair_generate(const struct csp_alg *alg, const struct csp_profile_alg *offer, DWORD flags,
			const struct csp_random *rng, struct csp_key **out);

/* The length rule most families share: min..max in steps of `step` bits,
 * NTE_BAD_FLAGS otherwise. */
DWORD csp_pair_length_step(const struct csp_profile_alg *row, DWORD requested_bits, DWORD step,
			   DWORD *bits);

/* KP_* of a key pair: the family's, then algorithm, lengths, permissions. */
DWORD csp_pair_get_param(const struct csp_key *k, DWORD param, BYTE *data, DWORD *len);
DWORD csp_pair_set_param(struct csp_key *k, DWORD param, const BYTE *data);

/* Which container slot a pair of this row fills: signature rows
 * (ALG_CLASS_SIGNATURE) AT_SIGNATURE's, the others AT_KEYEXCHANGE's. */
static inline BOOL csp_pair_is_signature(const struct csp_alg *alg)
{
	return GET_ALG_CLASS(alg->id) == ALG_CLASS_SIGNATURE;
}

#endif
