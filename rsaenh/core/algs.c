/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * algs.c - the algorithm table.  Names are the ones Windows reports through
 * PP_ENUMALGS_EX; the implementation is always nettle's.
 */
#include "algs.h"
#include "hash.h"
#include "schannel.h"
#include "rsa_key.h"
#include "../../dssenh/core/dss_key.h"

#define HASH(i, n, ln, nh) { .id = i, .name = n, .long_name = ln, .hash = nh, .hash_ops = &csp_hash_plain }
#define CIPHER(i, n, ln, bits, eff, c) \
	{ .id = i, .name = n, .long_name = ln, .key_bits = bits, .effective_bits = eff, .cipher = c }

static const struct csp_alg alg_table[] = {
	HASH(CALG_MD2,     "MD2",     "Message Digest 2 (MD2)",          &nettle_md2),
	HASH(CALG_MD4,     "MD4",     "Message Digest 4 (MD4)",          &nettle_md4),
	HASH(CALG_MD5,     "MD5",     "Message Digest 5 (MD5)",          &nettle_md5),
	HASH(CALG_SHA,     "SHA-1",   "Secure Hash Algorithm (SHA-1)",   &nettle_sha1),
	HASH(CALG_SHA_256, "SHA-256", "Secure Hash Algorithm (SHA-256)", &nettle_sha256),
	HASH(CALG_SHA_384, "SHA-384", "Secure Hash Algorithm (SHA-384)", &nettle_sha384),
	HASH(CALG_SHA_512, "SHA-512", "Secure Hash Algorithm (SHA-512)", &nettle_sha512),
	/* SSL3's MD5 || SHA-1 signature input: only ever set through HP_HASHVAL */
	{ .id = CALG_SSL3_SHAMD5, .name = "SSL3 SHAMD5", .long_name = "SSL3 SHAMD5",
	  .hash_ops = &csp_hash_value_only, .hash_size = 36 },
	{ .id = CALG_MAC, .name = "MAC", .long_name = "Message Authentication Code", .hash_ops = &csp_hash_mac },
	/* HMAC is a hash and also the algorithm of CRYPT_IPSEC_HMAC_KEY keys */
	{ .id = CALG_HMAC, .name = "HMAC", .long_name = "Hugo's MAC (HMAC)", .hash_ops = &csp_hash_hmac },
	CIPHER(CALG_RC2,      "RC2",          "RSA Data Security's RC2", 0, 0, &csp_cipher_rc2),
	CIPHER(CALG_RC4,      "RC4",          "RSA Data Security's RC4", 0, 0, &csp_cipher_rc4),
	CIPHER(CALG_DES,      "DES",          "Data Encryption Standard (DES)", 64, 56, &csp_cipher_des),
	CIPHER(CALG_3DES_112, "3DES TWO KEY", "Two Key Triple DES", 128, 112, &csp_cipher_3des112),
	CIPHER(CALG_3DES,     "3DES",         "Three Key Triple DES", 192, 168, &csp_cipher_3des),
	CIPHER(CALG_AES_128, "AES-128", "Advanced Encryption Standard (AES-128)", 128, 0, &csp_cipher_aes128),
	CIPHER(CALG_AES_192, "AES-192", "Advanced Encryption Standard (AES-192)", 192, 0, &csp_cipher_aes192),
	CIPHER(CALG_AES_256, "AES-256", "Advanced Encryption Standard (AES-256)", 256, 0, &csp_cipher_aes256),
	/* public-key rows: their keys hold a key pair (pair.h) */
	{ .id = CALG_RSA_SIGN, .name = "RSA_SIGN", .long_name = "RSA Signature", .pair = &csp_pair_rsa },
	{ .id = CALG_RSA_KEYX, .name = "RSA_KEYX", .long_name = "RSA Key Exchange", .pair = &csp_pair_rsa },
	{ .id = CALG_DSS_SIGN, .name = "DSA_SIGN", .long_name = "Digital Signature Algorithm", .pair = &csp_pair_dss },
	{ .id = CALG_DH_SF, .name = "DH_KEYX", .long_name = "Diffie-Hellman Key Exchange Algorithm",
	  .pair = &csp_pair_dh },
	{ .id = CALG_DH_EPHEM, .name = "DH_KEYX", .long_name = "Diffie-Hellman Key Exchange Algorithm",
	  .pair = &csp_pair_dh },
	/* the secret of a Diffie-Hellman agreement, until KP_ALGID names its cipher (agree.h) */
	{ .id = CALG_AGREEDKEY_ANY, .name = "AGREEDKEY_ANY", .long_name = "Agreed Key Any" },
	/* SChannel: master keys, the master hash, the write keys it derives, the PRF */
	{ .id = CALG_SSL3_MASTER, .name = "SSL3 MASTER", .long_name = "SSL3 Master",
	  .key_bits = CSP_MASTER_LEN * 8, .master = &csp_master_ssl3 },
	{ .id = CALG_TLS1_MASTER, .name = "TLS1 MASTER", .long_name = "TLS1 Master",
	  .key_bits = CSP_MASTER_LEN * 8, .master = &csp_master_tls1 },
	{ .id = CALG_SCHANNEL_MASTER_HASH, .name = "SCH MASTER HASH", .long_name = "SChannel Master Hash",
	  .hash_ops = &csp_hash_master },
	{ .id = CALG_SCHANNEL_MAC_KEY, .name = "SCH MAC KEY", .long_name = "SChannel MAC Key" },
	{ .id = CALG_SCHANNEL_ENC_KEY, .name = "SCH ENC KEY", .long_name = "SChannel Encryption Key" },
	{ .id = CALG_TLS1PRF, .name = "TLS1 PRF", .long_name = "TLS1 Pseudo Random Function",
	  .hash_ops = &csp_hash_tls1prf },
};

#define ALG_COUNT (sizeof(alg_table) / sizeof(alg_table[0]))

const struct csp_alg *csp_alg_find(ALG_ID id)
{
	DWORD i;

	for (i = 0; i < ALG_COUNT; i++)
		if (alg_table[i].id == id)
			return &alg_table[i];
	return NULL;
}

DWORD csp_alg_count(void)
{
	return ALG_COUNT;
}

const struct csp_alg *csp_alg_at(DWORD index)
{
	return index < ALG_COUNT ? &alg_table[index] : NULL;
}
