/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa.h - RSA key pairs (CALG_RSA_KEYX / CALG_RSA_SIGN) over nettle and GMP:
 * generation, the key material of PUBLICKEYBLOB/PRIVATEKEYBLOB ("RSA1" /
 * "RSA2", little-endian), PKCS#1 v1.5 signatures and PKCS#1 v1.5 / OAEP
 * encryption as Microsoft's rsaenh does them.  Byte strings that travel
 * through CryptoAPI (signatures, ciphertexts) are little-endian.
 * Private operations are blinded and side-channel silent: nettle's, and
 * for signatures a per-key blinding pair (rsa_blind.h).
 */
#ifndef CSP_RSA_H
#define CSP_RSA_H

#include <nettle/rsa.h>
#include "wincsp.h"
#include "random.h"

#define RSA1_MAGIC 0x31415352u   /* "RSA1": public key */
#define RSA2_MAGIC 0x32415352u   /* "RSA2": private key */
#define RSA_PUBEXP 65537u
#define CSP_RSA_MAX_BYTES (16384 / 8)   /* the largest modulus any profile allows */

#ifndef CRYPT_NOHASHOID
#define CRYPT_NOHASHOID 0x00000001
#endif

struct csp_rsa_blind;

struct csp_rsa {
	struct rsa_public_key pub;
	struct rsa_private_key priv;
	BOOL has_private;
	DWORD bits;               /* modulus length, a multiple of 8 */
	struct csp_rsa_blind *blind;   /* signatures' blinding pair (rsa_blind.h); never copied */
};

/* Every GMP number of the process is wiped when GMP frees or moves it. */
void csp_rsa_init_allocator(void);

DWORD csp_rsa_generate(DWORD bits, const struct csp_random *rng, struct csp_rsa **out);
DWORD csp_rsa_duplicate(const struct csp_rsa *r, struct csp_rsa **out);
void csp_rsa_destroy(struct csp_rsa *r);          /* wipes; NULL is fine */
static inline DWORD csp_rsa_bytes(const struct csp_rsa *r) { return r->bits / 8; }

/* Key BLOB bodies: what follows BLOBHEADER (RSAPUBKEY, then the numbers). */
DWORD csp_rsa_public_blob_size(const struct csp_rsa *r);
DWORD csp_rsa_private_blob_size(const struct csp_rsa *r);
void csp_rsa_write_public(const struct csp_rsa *r, BYTE *out);
void csp_rsa_write_private(const struct csp_rsa *r, BYTE *out);   /* has_private */
/* NTE_BAD_DATA for a malformed or inconsistent body. */
DWORD csp_rsa_read_public(const BYTE *body, DWORD len, struct csp_rsa **out);
DWORD csp_rsa_read_private(const BYTE *body, DWORD len, struct csp_rsa **out);

/* Signatures of a hash value (hash_alg is its ALG_ID; CALG_SSL3_SHAMD5 and
 * CRYPT_NOHASHOID sign the bare value).  sig is csp_rsa_bytes() long. */
DWORD csp_rsa_sign(const struct csp_rsa *r, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		   DWORD flags, const struct csp_random *rng, BYTE *sig);
/* NTE_BAD_SIGNATURE unless sig is a PKCS#1 v1.5 signature of the value,
 * with its DigestInfo or (as Windows accepts) without. */
DWORD csp_rsa_verify(const struct csp_rsa *r, ALG_ID hash_alg, const BYTE *digest, DWORD digest_len,
		     DWORD flags, const BYTE *sig, DWORD sig_len);

/* Largest message for PKCS#1 v1.5 (oaep FALSE) or SHA-1 OAEP padding. */
DWORD csp_rsa_max_message(const struct csp_rsa *r, BOOL oaep);
/* buf holds len message bytes and has room for csp_rsa_bytes(); on success
 * it holds the little-endian ciphertext of csp_rsa_bytes() bytes. */
DWORD csp_rsa_encrypt(const struct csp_rsa *r, BOOL oaep, const struct csp_random *rng,
		      BYTE *buf, DWORD len);
/* buf holds a little-endian ciphertext of csp_rsa_bytes() bytes; on
 * success the message is at its start and *len its length.  NTE_BAD_DATA
 * for bad padding (nothing about the plaintext leaks into buf then). */
DWORD csp_rsa_decrypt(const struct csp_rsa *r, BOOL oaep, const struct csp_random *rng,
		      BYTE *buf, DWORD *len);

#endif
