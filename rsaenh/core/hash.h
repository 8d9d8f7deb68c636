/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash.h - hash objects: one running hash over a table row, which once its
 * value has been read is finished and refuses more data.  A row's
 * csp_hash_ops says how it runs: a nettle hash, a value that can only be
 * set (SSL3 SHAMD5), a CBC-MAC over a block-cipher key (CALG_MAC) or an
 * HMAC over any table hash (CALG_HMAC, see hash_mac.c).
 */
#ifndef CSP_HASH_H
#define CSP_HASH_H

#include <nettle/nettle-meta.h>
#include <nettle/md2.h>
#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include "wincsp.h"
#include "algs.h"
#include "key.h"

#define CSP_MAX_DIGEST 64   /* SHA-512, the largest digest in the table */
#define CSP_HMAC_PAD   64   /* default length of HMAC_INFO's inner/outer strings */

union csp_hash_ctx {
	struct md2_ctx md2;
	struct md4_ctx md4;
	struct md5_ctx md5;
	struct sha1_ctx sha1;
	struct sha256_ctx sha256;
	struct sha512_ctx sha512;
};

struct csp_hash {
	const struct csp_alg *alg;
	BOOL finished;
	DWORD size;                    /* digest bytes (HP_HASHSIZE) */
	BYTE value[CSP_MAX_DIGEST];
	const struct nettle_hash *nh;  /* the running nettle hash, if any */
	union csp_hash_ctx ctx;
	/* keyed hashes */
	struct csp_key *key;           /* a private copy of the hash's key */
	BYTE buf[CSP_MAX_BLOCK];       /* MAC: bytes waiting for a whole block */
	DWORD buffered;
	BYTE *inner, *outer;           /* HMAC: the key-mixed HMAC_INFO strings;
	                                  TLS1 PRF: the label and the seed */
	DWORD inner_len, outer_len;
};

struct csp_hash_ops {
	/* NTE_BAD_KEY when key does not fit the row (keyed rows only) */
	DWORD (*init)(struct csp_hash *h, struct csp_key *key);
	DWORD (*update)(struct csp_hash *h, const BYTE *data, size_t len);
	void (*finish)(struct csp_hash *h);       /* fills h->value */
	/* the row's hash of data alone, for CryptDeriveKey's key expansion;
	 * NTE_BAD_ALGID where there is none */
	DWORD (*oneshot)(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out);
	BOOL keyed;                /* CryptCreateHash needs a key (MAC, HMAC, SChannel) */
	/* optional: HP_HASHVAL computed for the caller's length (TLS1 PRF) */
	DWORD (*get_value)(struct csp_hash *h, BYTE *data, DWORD *len);
};

extern const struct csp_hash_ops csp_hash_plain, csp_hash_value_only, csp_hash_mac, csp_hash_hmac;

/* NTE_BAD_ALGID when alg is not a hash row; keyed rows (MAC, HMAC,
 * SChannel) need key (NTE_BAD_KEY otherwise) and take a private copy of
 * it.  Only the SChannel master hash changes the key: it turns its
 * pre-master secret into the master secret (schannel.h). */
DWORD csp_hash_create(const struct csp_alg *alg, struct csp_key *key, struct csp_hash **out);
/* NTE_BAD_HASH_STATE once finished; NTE_BAD_ALGID for set-only rows. */
DWORD csp_hash_update(struct csp_hash *h, const BYTE *data, size_t len);
/* Finish (once) and return the digest; its size is csp_hash_size(). */
const BYTE *csp_hash_value(struct csp_hash *h);
DWORD csp_hash_size(const struct csp_hash *h);
/* HP_HASHVAL set: the value becomes data (digest size bytes), finished. */
void csp_hash_set_value(struct csp_hash *h, const BYTE *data);
/* HP_HMAC_INFO: start the HMAC over info->HashAlgid with its strings
 * (NTE_BAD_ALGID for other hashes, NTE_BAD_TYPE on non-HMAC objects). */
DWORD csp_hash_set_hmac_info(struct csp_hash *h, const HMAC_INFO *info);
DWORD csp_hash_oneshot(const struct csp_hash *h, const BYTE *data, size_t len, BYTE *out);
DWORD csp_hash_duplicate(const struct csp_hash *h, struct csp_hash **out);
/* Wipes and frees; NULL is fine. */
void csp_hash_destroy(struct csp_hash *h);

#endif
