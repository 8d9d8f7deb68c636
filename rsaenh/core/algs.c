/*
 * algs.c - the algorithm table.  Names are the ones Windows reports through
 * PP_ENUMALGS_EX; the implementation is always nettle's.
 */
#include "algs.h"

static const struct csp_alg alg_table[] = {
	{ CALG_MD5,     "MD5",     "Message Digest 5 (MD5)",          0, &nettle_md5,    NULL },
	{ CALG_SHA,     "SHA-1",   "Secure Hash Algorithm (SHA-1)",   0, &nettle_sha1,   NULL },
	{ CALG_SHA_256, "SHA-256", "Secure Hash Algorithm (SHA-256)", 0, &nettle_sha256, NULL },
	{ CALG_SHA_384, "SHA-384", "Secure Hash Algorithm (SHA-384)", 0, &nettle_sha384, NULL },
	{ CALG_SHA_512, "SHA-512", "Secure Hash Algorithm (SHA-512)", 0, &nettle_sha512, NULL },
	{ CALG_RC4,     "RC4",     "RSA Data Security's RC4",           0, NULL, &csp_cipher_rc4 },
	{ CALG_AES_128, "AES-128", "Advanced Encryption Standard (AES-128)", 128, NULL, &csp_cipher_aes128 },
	{ CALG_AES_192, "AES-192", "Advanced Encryption Standard (AES-192)", 192, NULL, &csp_cipher_aes192 },
	{ CALG_AES_256, "AES-256", "Advanced Encryption Standard (AES-256)", 256, NULL, &csp_cipher_aes256 },
	/* RSA rows have neither hash nor cipher: their keys hold a key pair (rsa_key.h) */
	{ .id = CALG_RSA_SIGN, .name = "RSA_SIGN", .long_name = "RSA Signature" },
	{ .id = CALG_RSA_KEYX, .name = "RSA_KEYX", .long_name = "RSA Key Exchange" },
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
