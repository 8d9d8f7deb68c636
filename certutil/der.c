/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * der.c - the little ASN.1 DER that -exportkey and -importkey need beyond
 * crypt32: an RSAPrivateKey (PKCS #1) from a PRIVATEKEYBLOB's fields, the
 * PKCS #8 PrivateKeyInfo around it, and taking a PrivateKeyInfo apart (its
 * algorithm and the key inside).  Structure only: the numbers are copied,
 * never computed.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

static const BYTE oid_rsa[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };
static const BYTE oid_ec[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
static const BYTE oid_dsa[] = { 0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01 };
static const BYTE oid_ed25519[] = { 0x2b, 0x65, 0x70 };
static const BYTE oid_x25519[] = { 0x2b, 0x65, 0x6e };
static const BYTE oid_dh[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x03, 0x01 };

struct buf {
	BYTE *data;
	DWORD len, size;
	BOOL bad;
};

static void put(struct buf *b, const void *data, DWORD len)
{
	if (b->len + len > b->size) {
		DWORD size = (b->len + len) * 2 + 64;
		BYTE *p = realloc(b->data, size);
		if (!p) {
			b->bad = TRUE;
			return;
		}
		b->data = p;
		b->size = size;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
}

static void put_header(struct buf *b, BYTE tag, DWORD len)
{
	BYTE h[6];
	DWORD n = 0;

	h[n++] = tag;
	if (len < 0x80) {
		h[n++] = (BYTE)len;
	} else if (len < 0x100) {
		h[n++] = 0x81;
		h[n++] = (BYTE)len;
	} else if (len < 0x10000) {
		h[n++] = 0x82;
		h[n++] = (BYTE)(len >> 8);
		h[n++] = (BYTE)len;
	} else {
		h[n++] = 0x83;
		h[n++] = (BYTE)(len >> 16);
		h[n++] = (BYTE)(len >> 8);
		h[n++] = (BYTE)len;
	}
	put(b, h, n);
}

/* an INTEGER from a little-endian unsigned number */
static void put_int_le(struct buf *b, const BYTE *le, DWORD len)
{
	BYTE zero = 0;
	DWORD i;

	while (len > 1 && !le[len - 1])
		len--;
	put_header(b, 0x02, len + (le[len - 1] & 0x80 ? 1 : 0));
	if (le[len - 1] & 0x80)
		put(b, &zero, 1);
	for (i = len; i-- > 0;)
		put(b, &le[i], 1);
}

/* the PRIVATEKEYBLOB of an RSA key pair as an RSAPrivateKey */
BYTE *der_rsa_private(const BYTE *blob, DWORD blob_len, DWORD *out_len)
{
	const BLOBHEADER *hdr = (const BLOBHEADER *)blob;
	const RSAPUBKEY *rsa = (const RSAPUBKEY *)(blob + sizeof(BLOBHEADER));
	struct buf body = { 0 }, out = { 0 };
	DWORD k, h, e, pos, i;
	BYTE zero = 0, ebytes[4];
	const BYTE *f;

	if (blob_len < sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) || hdr->bType != PRIVATEKEYBLOB ||
	    rsa->magic != 0x32415352 /* "RSA2" */ || !rsa->bitlen) {
		SetLastError(NTE_BAD_TYPE);
		return NULL;
	}
	k = (rsa->bitlen + 7) / 8;
	h = (rsa->bitlen + 15) / 16;
	if (blob_len < sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) + 2 * k + 5 * h) {
		SetLastError(NTE_BAD_DATA);
		return NULL;
	}
	f = blob + sizeof(BLOBHEADER) + sizeof(RSAPUBKEY);
	e = rsa->pubexp;
	for (i = 0; i < 4; i++)
		ebytes[i] = (BYTE)(e >> (8 * i));
	put_int_le(&body, &zero, 1);                    /* version 0 */
	put_int_le(&body, f, k);                        /* modulus */
	put_int_le(&body, ebytes, 4);                   /* publicExponent */
	put_int_le(&body, f + k + 5 * h, k);            /* privateExponent */
	for (pos = k, i = 0; i < 5; i++, pos += h)      /* prime1 prime2 exponent1 exponent2 coefficient */
		put_int_le(&body, f + pos, h);
	put_header(&out, 0x30, body.len);
	if (!body.bad)
		put(&out, body.data, body.len);
	SecureZeroMemory(body.data, body.len);
	free(body.data);
	if (body.bad || out.bad) {
		free(out.data);
		SetLastError(ERROR_OUTOFMEMORY);
		return NULL;
	}
	*out_len = out.len;
	return out.data;
}

/* PrivateKeyInfo { version 0, rsaEncryption NULL, OCTET STRING pkcs1 } */
BYTE *der_pkcs8_wrap(const BYTE *pkcs1, DWORD len, DWORD *out_len)
{
	static const BYTE null[] = { 0x05, 0x00 }, version[] = { 0x02, 0x01, 0x00 };
	struct buf alg = { 0 }, body = { 0 }, out = { 0 };

	put_header(&alg, 0x06, sizeof(oid_rsa));
	put(&alg, oid_rsa, sizeof(oid_rsa));
	put(&alg, null, sizeof(null));
	put(&body, version, sizeof(version));
	put_header(&body, 0x30, alg.len);
	put(&body, alg.data, alg.len);
	put_header(&body, 0x04, len);
	put(&body, pkcs1, len);
	put_header(&out, 0x30, body.len);
	put(&out, body.data, body.len);
	free(alg.data);
	SecureZeroMemory(body.data, body.len);
	free(body.data);
	if (alg.bad || body.bad || out.bad) {
		free(out.data);
		SetLastError(ERROR_OUTOFMEMORY);
		return NULL;
	}
	*out_len = out.len;
	return out.data;
}

/* one TLV at *pos of data[0..end): its tag and contents; FALSE if it does not fit */
static BOOL get_tlv(const BYTE *data, DWORD end, DWORD *pos, BYTE *tag, const BYTE **value, DWORD *len)
{
	DWORD p = *pos, n, i, k;

	if (p + 2 > end)
		return FALSE;
	*tag = data[p++];
	n = data[p++];
	if (n & 0x80) {
		k = n & 0x7f;
		if (!k || k > 3 || p + k > end)
			return FALSE;
		for (n = 0, i = 0; i < k; i++)
			n = (n << 8) | data[p++];
	}
	if (n > end - p)
		return FALSE;
	*value = data + p;
	*len = n;
	*pos = p + n;
	return TRUE;
}

/* A PrivateKeyInfo's algorithm ("RSA", "EC", ...) and the key inside it;
 * FALSE with CRYPT_E_ASN1_BADTAG when it is no PrivateKeyInfo. */
BOOL der_pkcs8_unwrap(const BYTE *der, DWORD len, const char **oid_name, const BYTE **key, DWORD *key_len)
{
	static const struct { const BYTE *oid; DWORD len; const char *name; } algs[] = {
		{ oid_rsa, sizeof(oid_rsa), "RSA" }, { oid_ec, sizeof(oid_ec), "EC" },
		{ oid_dsa, sizeof(oid_dsa), "DSA" }, { oid_ed25519, sizeof(oid_ed25519), "Ed25519" },
		{ oid_x25519, sizeof(oid_x25519), "X25519" }, { oid_dh, sizeof(oid_dh), "DH" },
	};
	const BYTE *seq, *v, *alg, *oid;
	DWORD seq_len, v_len, alg_len, oid_len, pos = 0, apos = 0, i;
	BYTE tag;

	SetLastError(CRYPT_E_ASN1_BADTAG);
	if (!get_tlv(der, len, &pos, &tag, &seq, &seq_len) || tag != 0x30 || pos != len)
		return FALSE;
	pos = 0;
	if (!get_tlv(seq, seq_len, &pos, &tag, &v, &v_len) || tag != 0x02 || v_len != 1 || v[0] > 1)
		return FALSE;
	if (!get_tlv(seq, seq_len, &pos, &tag, &alg, &alg_len) || tag != 0x30)
		return FALSE;
	if (!get_tlv(alg, alg_len, &apos, &tag, &oid, &oid_len) || tag != 0x06)
		return FALSE;
	if (!get_tlv(seq, seq_len, &pos, &tag, key, key_len) || tag != 0x04)
		return FALSE;
	*oid_name = "unknown";
	for (i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		if (oid_len == algs[i].len && !memcmp(oid, algs[i].oid, oid_len))
			*oid_name = algs[i].name;
	return TRUE;
}
