/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * schannel.h - the SChannel provider's key schedule (PROV_RSA_SCHANNEL).
 * An SSL3 or TLS1 master key holds the pre-master secret, the client and
 * server randoms (KP_CLIENT_RANDOM, KP_SERVER_RANDOM) and the cipher and
 * MAC it will give (KP_SCHANNEL_ALG).  Creating a CALG_SCHANNEL_MASTER_HASH
 * over it turns the pre-master secret into the master secret, once; from
 * that hash CryptDeriveKey takes the client or server (CRYPT_SERVER) write
 * keys, CALG_SCHANNEL_ENC_KEY and CALG_SCHANNEL_MAC_KEY.  CALG_TLS1PRF is
 * the TLS1 PRF over the master secret as a hash whose HP_HASHVAL is as
 * long as the caller's buffer (HP_TLS1PRF_LABEL, HP_TLS1PRF_SEED).
 */
#ifndef CSP_SCHANNEL_H
#define CSP_SCHANNEL_H

#include "key.h"
#include "hash.h"

#define CSP_SCH_MAX_RANDOM 64   /* bytes of a client or server random we keep */
#define CSP_MASTER_LEN     48   /* pre-master and master secrets */

struct csp_schannel {
	BYTE client_random[CSP_SCH_MAX_RANDOM], server_random[CSP_SCH_MAX_RANDOM];
	DWORD client_len, server_len;
	SCHANNEL_ALG enc, mac;      /* KP_SCHANNEL_ALG, by dwUse */
	BOOL master;                /* the key holds the master secret now */
};

/* One protocol's key schedule: the descriptor of a master-key table row. */
struct csp_master_ops {
	BYTE version[2];            /* first bytes of a generated pre-master secret */
	/* CSP_MASTER_LEN bytes of master secret from the pre-master secret */
	void (*master_secret)(const BYTE *pre, const struct csp_schannel *s, BYTE *out);
	/* n bytes of key block from the master secret (n <= CSP_SCH_MAX_BLOCK) */
	void (*key_block)(const BYTE *master, const struct csp_schannel *s, BYTE *out, DWORD n);
};

/* the longest key block a derivation asks for: two MAC keys, two cipher
 * keys, two IVs */
#define CSP_SCH_MAX_BLOCK (2 * (CSP_MAX_KEY + CSP_MAX_KEY + CSP_MAX_BLOCK))

extern const struct csp_master_ops csp_master_ssl3, csp_master_tls1;   /* schannel_prf.c */
extern const struct csp_hash_ops csp_hash_master, csp_hash_tls1prf;

/* TLS1's PRF (RFC 2246, 5): n bytes of P_MD5 XOR P_SHA-1 over the two
 * halves of secret, seeded with label || seed1 || seed2. */
void csp_tls1_prf(const BYTE *secret, DWORD secret_len, const BYTE *label, DWORD label_len,
		  const BYTE *seed1, DWORD seed1_len, const BYTE *seed2, DWORD seed2_len,
		  BYTE *out, DWORD n);

/* CryptGenKey of CALG_SSL3_MASTER / CALG_TLS1_MASTER: a random pre-master
 * secret starting with the protocol version. */
DWORD csp_master_key_generate(const struct csp_profile *p, ALG_ID id, DWORD flags,
			      const struct csp_random *rng, struct csp_key **out);

/* KP_SCHANNEL_ALG, KP_CLIENT_RANDOM, KP_SERVER_RANDOM (params.c's rows);
 * NTE_BAD_TYPE on keys other than master keys. */
DWORD csp_schannel_set_alg(struct csp_key *k, const BYTE *data);
DWORD csp_schannel_set_client_random(struct csp_key *k, const BYTE *data);
DWORD csp_schannel_set_server_random(struct csp_key *k, const BYTE *data);

/* HP_TLS1PRF_LABEL / HP_TLS1PRF_SEED; NTE_BAD_TYPE on other hashes. */
DWORD csp_tls1prf_set_param(struct csp_hash *h, DWORD param, const CRYPT_DATA_BLOB *blob);

/* CryptDeriveKey of CALG_SCHANNEL_ENC_KEY / CALG_SCHANNEL_MAC_KEY from a
 * master hash; CRYPT_SERVER in flags picks the server's write keys. */
DWORD csp_schannel_derive(const struct csp_profile *p, ALG_ID id, DWORD flags, const struct csp_hash *h,
			  struct csp_key **out);

#endif
