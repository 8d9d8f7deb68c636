/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * hash_contexts.c - MD4Init/Update/Final, MD5Init/Update/Final and
 * A_SHAInit/Update/Final over the context layouts Windows programs know.
 * The Windows context is the state between calls: each call loads it into
 * a nettle context, lets nettle do the work and stores the result back, so
 * the chaining values and bit counts read the same as on Windows.  These
 * functions return nothing; given no context or no data they do nothing.
 */
#include <string.h>
#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include "sysfunc.h"

static UINT64 load_bits(const UINT i[2])
{
	return ((UINT64)i[1] << 32) | i[0];
}

static void store_bits(UINT i[2], UINT64 bits)
{
	i[0] = (UINT)bits;
	i[1] = (UINT)(bits >> 32);
}

static UINT read_le32(const unsigned char *p)
{
	return p[0] | (p[1] << 8) | (p[2] << 16) | ((UINT)p[3] << 24);
}

/* MD4 and MD5 share nettle's context shape: state words, block count,
 * fill index, block buffer.  These macros move between the two layouts. */
#define LOAD_MD(n, w) do { \
		UINT64 bytes_ = load_bits((w)->i) / 8; \
		memcpy((n)->state, (w)->buf, sizeof((w)->buf)); \
		(n)->count = bytes_ / 64; \
		(n)->index = (unsigned)(bytes_ % 64); \
		memcpy((n)->block, (w)->in, (n)->index); \
	} while (0)
#define STORE_MD(w, n) do { \
		memcpy((w)->buf, (n)->state, sizeof((w)->buf)); \
		store_bits((w)->i, ((n)->count * 64 + (n)->index) * 8); \
		memcpy((w)->in, (n)->block, sizeof((w)->in)); \
	} while (0)
/* After Final the chaining value is the digest, as on Windows. */
#define FINISH_MD(w) do { \
		int k_; \
		for (k_ = 0; k_ < 4; k_++) \
			(w)->buf[k_] = read_le32((w)->digest + 4 * k_); \
	} while (0)

void WINAPI MD4Init(SYSFUNC_MD4_CTX *ctx)
{
	struct md4_ctx n;

	if (!ctx)
		return;

	md4_init(&n);
	ZeroMemory(ctx, sizeof(*ctx));
	STORE_MD(ctx, &n);
}

void WINAPI MD4Update(SYSFUNC_MD4_CTX *ctx, const unsigned char *data, unsigned int len)
{
	struct md4_ctx n;

	if (!ctx || (!data && len))
		return;

	LOAD_MD(&n, ctx);
	md4_update(&n, len, data);
	STORE_MD(ctx, &n);
	SecureZeroMemory(&n, sizeof(n));
}

void WINAPI MD4Final(SYSFUNC_MD4_CTX *ctx)
{
	struct md4_ctx n;

	if (!ctx)
		return;

	LOAD_MD(&n, ctx);
	md4_digest(&n, sizeof(ctx->digest), ctx->digest);
	FINISH_MD(ctx);
	SecureZeroMemory(&n, sizeof(n));
}

void WINAPI MD5Init(SYSFUNC_MD5_CTX *ctx)
{
	struct md5_ctx n;

	if (!ctx)
		return;

	md5_init(&n);
	ZeroMemory(ctx, sizeof(*ctx));
	STORE_MD(ctx, &n);
}

void WINAPI MD5Update(SYSFUNC_MD5_CTX *ctx, const unsigned char *data, unsigned int len)
{
	struct md5_ctx n;

	if (!ctx || (!data && len))
		return;

	LOAD_MD(&n, ctx);
	md5_update(&n, len, data);
	STORE_MD(ctx, &n);
	SecureZeroMemory(&n, sizeof(n));
}

void WINAPI MD5Final(SYSFUNC_MD5_CTX *ctx)
{
	struct md5_ctx n;

	if (!ctx)
		return;

	LOAD_MD(&n, ctx);
	md5_digest(&n, sizeof(ctx->digest), ctx->digest);
	FINISH_MD(ctx);
	SecureZeroMemory(&n, sizeof(n));
}

void sysfunc_md4(const void *data, size_t len, BYTE out[16])
{
	struct md4_ctx n;

	md4_init(&n);
	md4_update(&n, len, data);
	md4_digest(&n, 16, out);
	SecureZeroMemory(&n, sizeof(n));
}

/* SHA-1: Count holds the byte count, high word first. */
static void load_sha(struct sha1_ctx *n, const SYSFUNC_SHA_CTX *w)
{
	UINT64 bytes = ((UINT64)w->Count[0] << 32) | w->Count[1];

	memcpy(n->state, w->State, sizeof(w->State));
	n->count = bytes / 64;
	n->index = (unsigned)(bytes % 64);
	memcpy(n->block, w->Buffer, n->index);
}

static void store_sha(SYSFUNC_SHA_CTX *w, const struct sha1_ctx *n)
{
	UINT64 bytes = n->count * 64 + n->index;

	memcpy(w->State, n->state, sizeof(w->State));
	w->Count[0] = (ULONG)(bytes >> 32);
	w->Count[1] = (ULONG)bytes;
	memcpy(w->Buffer, n->block, sizeof(w->Buffer));
}

void WINAPI A_SHAInit(SYSFUNC_SHA_CTX *ctx)
{
	struct sha1_ctx n;

	if (!ctx)
		return;

	sha1_init(&n);
	ZeroMemory(ctx, sizeof(*ctx));
	store_sha(ctx, &n);
}

void WINAPI A_SHAUpdate(SYSFUNC_SHA_CTX *ctx, const unsigned char *data, UINT len)
{
	struct sha1_ctx n;

	if (!ctx || (!data && len))
		return;

	load_sha(&n, ctx);
	sha1_update(&n, len, data);
	store_sha(ctx, &n);
	SecureZeroMemory(&n, sizeof(n));
}

/* Writes the 20-byte digest and leaves the context ready for a new message. */
void WINAPI A_SHAFinal(SYSFUNC_SHA_CTX *ctx, ULONG *result)
{
	struct sha1_ctx n;

	if (!ctx || !result)
		return;

	load_sha(&n, ctx);
	sha1_digest(&n, SHA1_DIGEST_SIZE, (uint8_t *)result);
	A_SHAInit(ctx);
	SecureZeroMemory(&n, sizeof(n));
}
