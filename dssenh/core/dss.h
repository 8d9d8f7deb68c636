/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dss.h - the public-key half of the DSS providers (dssenh.dll): DSA
 * signature keys (FIPS 186-2: SHA-1, a 160-bit q, p of 512 to 1024 bits in
 * steps of 64) and Diffie-Hellman keys over a prime p and generator g
 * (with the q of a DSA-style group when the provider made them), on
 * nettle's DSA functions and GMP.  Numbers cross the API little-endian,
 * as CryptoAPI's BLOBs and signatures hold them.  Private values come from
 * the caller's random source; every exponentiation with a private value
 * is GMP's side-channel-silent mpz_powm_sec.
 */
#ifndef CSP_DSS_H
#define CSP_DSS_H

#include <gmp.h>
#include <nettle/dsa.h>
#include "wincsp.h"
#include "../../rsaenh/core/random.h"

#define CSP_DSS_Q_BYTES   20     /* the 160-bit q of DSS */
#define CSP_DSS_SIG_BYTES 40     /* r || s */
#define CSP_DSS_NO_SEED   0xffffffffu   /* DSSSEED.counter when there is no seed */
#define CSP_DSS_MAX_BYTES 512    /* p of the largest DH key (4096 bits) */

struct csp_dss {
	struct dsa_params params;    /* p, q (0 for a DH key without one), g */
	mpz_t y, x;                  /* public value; private value when has_private */
	BOOL has_private;
	DWORD bits;                  /* of p, a multiple of 8 */
	DWORD counter;               /* DSSSEED: the generation counter, or CSP_DSS_NO_SEED */
	BYTE seed[CSP_DSS_Q_BYTES];
	const struct csp_random *rng;   /* CRYPT_PREGEN keys: the source KP_X draws from */
};

struct csp_dss *csp_dss_new(void);
void csp_dss_destroy(struct csp_dss *d);     /* NULL is fine; GMP wipes the numbers */
DWORD csp_dss_duplicate(const struct csp_dss *d, struct csp_dss **out);

/* A DSA key pair: new p, q, g of bits (512..1024, a multiple of 64) and
 * x, y.  NTE_BAD_FLAGS for other lengths. */
DWORD csp_dss_generate(DWORD bits, const struct csp_random *rng, struct csp_dss **out);

/* r || s (each 20 bytes, little-endian) of a SHA-1 value; verify is
 * strict: r and s in 1..q-1, NTE_BAD_SIGNATURE otherwise. */
DWORD csp_dss_sign(const struct csp_dss *d, const BYTE *digest, const struct csp_random *rng, BYTE *sig);
DWORD csp_dss_verify(const struct csp_dss *d, const BYTE *digest, const BYTE *sig);

/* Diffie-Hellman: a private value and y = g^x mod p over the group of d
 * (p, g and perhaps q set: CRYPT_PREGEN's KP_P/KP_G/KP_Q, or a generated
 * group); x is below q when there is one, else below p - 1. */
DWORD csp_dh_make_private(struct csp_dss *d, const struct csp_random *rng);
/* New DH group of bits (DSA-style, so it has a q) and a key over it. */
DWORD csp_dh_generate(DWORD bits, const struct csp_random *rng, struct csp_dss **out);
/* The agreed secret peer_y^x mod p, little-endian in bits/8 bytes; the
 * peer's value must lie in 2..p-2 (NTE_BAD_DATA otherwise).  That it
 * belongs to this key's group (its length) is the BLOB reader's check. */
DWORD csp_dh_agree(const struct csp_dss *d, const mpz_t peer_y, BYTE *secret);

/* BLOB bodies after BLOBHEADER (blob_dss.c) of BLOBHEADER.bVersion
 * version: 2 as Windows writes them, DSS1/DSS2 (p, q, g, y or x, DSSSEED)
 * for DSS keys, DH1 (y) and DH2 (p, g, x) for Diffie-Hellman keys; or 3
 * (CRYPT_BLOB_VER3), DSS3/DSS4 and DH3/DH4: bit lengths and DSSSEED, then
 * p, q, g, j = (p - 1) / q, y and for private x.  Writers follow the
 * sizing rule (out NULL: size only; short: ERROR_MORE_DATA); a version 3
 * writer wants the group (NTE_BAD_KEY_STATE for a DH1 key).  Readers
 * check every length and range (NTE_BAD_DATA) and compute y from a
 * private x.  A DH1 body holds only y: its reader gives a key with y and
 * bits alone.  The _public/_private forms are version 2. */
DWORD csp_dss_write_body(const struct csp_dss *d, BOOL dh, BOOL private, BYTE version, BYTE *out, DWORD *len);
DWORD csp_dss_read_body(const BYTE *body, DWORD len, BOOL dh, BOOL private, BYTE version, struct csp_dss **out);
DWORD csp_dss_write_public(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len);
DWORD csp_dss_write_private(const struct csp_dss *d, BOOL dh, BYTE *out, DWORD *len);
DWORD csp_dss_read_public(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out);
DWORD csp_dss_read_private(const BYTE *body, DWORD len, BOOL dh, struct csp_dss **out);

#endif
