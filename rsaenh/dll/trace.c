/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * trace.c - the CP* exports of rsaenh.dll and dssenh.dll: each traces its
 * arguments on the DLL's own channel ("rsaenh" or "dssenh", identity.c),
 * calls the implementation (impl_CP*, in provider.c, keys.c and hashes.c)
 * and traces the result; a refusal is also a warn, an internal failure an
 * err, a documented parameter we do not implement a fixme.  Only handles,
 * flags, ALG_IDs, parameters, lengths, BLOB types and names are shown:
 * never key bytes, plaintext, hash input or a BLOB's contents.
 */
#include <stdio.h>
#include "cspdk.h"
#include "csp_debug.h"
#include "identity.h"

#define IMPL_DECLARE(name, args) BOOL WINAPI impl_##name args;
CSP_ENTRY_POINTS(IMPL_DECLARE)
#undef IMPL_DECLARE

#define TRACE(...) CSP_TRACE(dbg_csp, __VA_ARGS__)
#define RESULT(ok, ...) CSP_RESULT(dbg_csp, TRUE, ok, __VA_ARGS__)
#define LEN(p) ((p) ? *(p) : 0)

/* A parameter we have a name for but refuse as NTE_BAD_TYPE is one the
 * documentation has and we do not implement. */
static void unimplemented(BOOL ok, const char *func, const char *name, const csp_dbgbuf *b)
{
	if (!ok && name != b->s && GetLastError() == (DWORD)NTE_BAD_TYPE && csp_debug_on(&dbg_csp, CSP_DBG_FIXME))
		csp_debug_log(CSP_DBG_FIXME, &dbg_csp, func, "%s not implemented", name);
}

/* ---- contexts ------------------------------------------------------------- */

BOOL WINAPI CPAcquireContext(HCRYPTPROV *prov, LPCSTR container, DWORD flags, CSP_VTABLE *vtable)
{
	csp_dbgbuf a, b, c;
	BOOL ok;

	TRACE("(%p, %s, %s, %p [%s, type %lu])", prov, csp_dbg_astr(&a, container),
	      csp_dbg_flags(&b, CSP_FLAGS_ACQUIRE, flags), vtable,
	      vtable && vtable->Version >= 3 ? csp_dbg_astr(&c, vtable->pszProvName) : "(no name)",
	      vtable && vtable->Version >= 3 ? vtable->dwProvType : 0);
	ok = impl_CPAcquireContext(prov, container, flags, vtable);
	RESULT(ok, "hProv %#Ix", prov ? *prov : 0);
	return ok;
}

BOOL WINAPI CPReleaseContext(HCRYPTPROV prov, DWORD flags)
{
	BOOL ok;

	TRACE("(%#Ix, %#lx)", prov, flags);
	ok = impl_CPReleaseContext(prov, flags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPGetProvParam(HCRYPTPROV prov, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	name = csp_dbg_provparam(&a, param);
	TRACE("(%#Ix, %s, %p, %p, %#lx)", prov, name, data, len, flags);
	ok = impl_CPGetProvParam(prov, param, data, len, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPSetProvParam(HCRYPTPROV prov, DWORD param, const BYTE *data, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	name = csp_dbg_provparam(&a, param);
	TRACE("(%#Ix, %s, %p, %#lx)", prov, name, data, flags);
	ok = impl_CPSetProvParam(prov, param, data, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPGenRandom(HCRYPTPROV prov, DWORD len, BYTE *buf)
{
	BOOL ok;

	TRACE("(%#Ix, %lu, %p)", prov, len, buf);
	ok = impl_CPGenRandom(prov, len, buf);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPGetUserKey(HCRYPTPROV prov, DWORD keyspec, HCRYPTKEY *key)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %s, %p)", prov, csp_dbg_keyspec(&a, keyspec), key);
	ok = impl_CPGetUserKey(prov, keyspec, key);
	RESULT(ok, "hKey %#Ix", key ? *key : 0);
	return ok;
}

/* ---- keys ----------------------------------------------------------------- */

BOOL WINAPI CPGenKey(HCRYPTPROV prov, ALG_ID alg, DWORD flags, HCRYPTKEY *key)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %s, %p)", prov, csp_dbg_alg(&a, alg), csp_dbg_flags(&b, CSP_FLAGS_GENKEY, flags), key);
	ok = impl_CPGenKey(prov, alg, flags, key);
	RESULT(ok, "hKey %#Ix", key ? *key : 0);
	return ok;
}

BOOL WINAPI CPDeriveKey(HCRYPTPROV prov, ALG_ID alg, HCRYPTHASH base, DWORD flags, HCRYPTKEY *key)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %#Ix, %s, %p)", prov, csp_dbg_alg(&a, alg), base, csp_dbg_flags(&b, CSP_FLAGS_GENKEY, flags),
	      key);
	ok = impl_CPDeriveKey(prov, alg, base, flags, key);
	RESULT(ok, "hKey %#Ix", key ? *key : 0);
	return ok;
}

BOOL WINAPI CPDestroyKey(HCRYPTPROV prov, HCRYPTKEY key)
{
	BOOL ok;

	TRACE("(%#Ix, %#Ix)", prov, key);
	ok = impl_CPDestroyKey(prov, key);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPDuplicateKey(HCRYPTPROV prov, HCRYPTKEY key, DWORD *reserved, DWORD flags, HCRYPTKEY *dup)
{
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %p, %#lx, %p)", prov, key, reserved, flags, dup);
	ok = impl_CPDuplicateKey(prov, key, reserved, flags, dup);
	RESULT(ok, "hKey %#Ix", dup ? *dup : 0);
	return ok;
}

BOOL WINAPI CPGetKeyParam(HCRYPTPROV prov, HCRYPTKEY key, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	name = csp_dbg_keyparam(&a, param);
	TRACE("(%#Ix, %#Ix, %s, %p, %p, %#lx)", prov, key, name, data, len, flags);
	ok = impl_CPGetKeyParam(prov, key, param, data, len, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPSetKeyParam(HCRYPTPROV prov, HCRYPTKEY key, DWORD param, const BYTE *data, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	/* data may be a key value (KP_X, KP_KEYVAL): the pointer only */
	name = csp_dbg_keyparam(&a, param);
	TRACE("(%#Ix, %#Ix, %s, %p, %#lx)", prov, key, name, data, flags);
	ok = impl_CPSetKeyParam(prov, key, param, data, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPEncrypt(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags, BYTE *data,
		      DWORD *len, DWORD buflen)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %#Ix, %d, %s, %p, %p, %lu)", prov, key, hash, final, csp_dbg_flags(&a, CSP_FLAGS_CRYPT, flags),
	      data, len, buflen);
	ok = impl_CPEncrypt(prov, key, hash, final, flags, data, len, buflen);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPDecrypt(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags, BYTE *data,
		      DWORD *len)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %#Ix, %d, %s, %p, %p)", prov, key, hash, final, csp_dbg_flags(&a, CSP_FLAGS_CRYPT, flags),
	      data, len);
	ok = impl_CPDecrypt(prov, key, hash, final, flags, data, len);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPExportKey(HCRYPTPROV prov, HCRYPTKEY key, HCRYPTKEY pubkey, DWORD type, DWORD flags, BYTE *data,
			DWORD *len)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %#Ix, %s, %s, %p, %p)", prov, key, pubkey, csp_dbg_blobtype(&a, type),
	      csp_dbg_flags(&b, CSP_FLAGS_EXPORT, flags), data, len);
	ok = impl_CPExportKey(prov, key, pubkey, type, flags, data, len);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPImportKey(HCRYPTPROV prov, const BYTE *data, DWORD len, HCRYPTKEY pubkey, DWORD flags, HCRYPTKEY *key)
{
	const BLOBHEADER *h = (const BLOBHEADER *)data;
	csp_dbgbuf a, b, c;
	BOOL ok;

	/* the header (type, version, algorithm) is public; what follows it is not shown */
	TRACE("(%#Ix, %p [%s v%u %s], %lu, %#Ix, %s, %p)", prov, data,
	      data && len >= sizeof(*h) ? csp_dbg_blobtype(&a, h->bType) : "no header",
	      data && len >= sizeof(*h) ? h->bVersion : 0,
	      data && len >= sizeof(*h) ? csp_dbg_alg(&b, h->aiKeyAlg) : "-", len, pubkey,
	      csp_dbg_flags(&c, CSP_FLAGS_GENKEY, flags), key);
	ok = impl_CPImportKey(prov, data, len, pubkey, flags, key);
	RESULT(ok, "hKey %#Ix", key ? *key : 0);
	return ok;
}

/* ---- hashes and signatures ------------------------------------------------ */

BOOL WINAPI CPCreateHash(HCRYPTPROV prov, ALG_ID alg, HCRYPTKEY key, DWORD flags, HCRYPTHASH *hash)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %s, %#Ix, %s, %p)", prov, csp_dbg_alg(&a, alg), key, csp_dbg_flags(&b, CSP_FLAGS_HASH, flags),
	      hash);
	ok = impl_CPCreateHash(prov, alg, key, flags, hash);
	RESULT(ok, "hHash %#Ix", hash ? *hash : 0);
	return ok;
}

BOOL WINAPI CPHashData(HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *data, DWORD len, DWORD flags)
{
	csp_dbgbuf a;
	BOOL ok;

	/* the data may be a password: its length only */
	TRACE("(%#Ix, %#Ix, %p, %lu, %s)", prov, hash, data, len, csp_dbg_flags(&a, CSP_FLAGS_HASH, flags));
	ok = impl_CPHashData(prov, hash, data, len, flags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPHashSessionKey(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY key, DWORD flags)
{
	csp_dbgbuf a;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %#Ix, %s)", prov, hash, key, csp_dbg_flags(&a, CSP_FLAGS_HASH, flags));
	ok = impl_CPHashSessionKey(prov, hash, key, flags);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPGetHashParam(HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	name = csp_dbg_hashparam(&a, param);
	TRACE("(%#Ix, %#Ix, %s, %p, %p, %#lx)", prov, hash, name, data, len, flags);
	ok = impl_CPGetHashParam(prov, hash, param, data, len, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, "len %lu", LEN(len));
	return ok;
}

BOOL WINAPI CPSetHashParam(HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, const BYTE *data, DWORD flags)
{
	const char *name;
	csp_dbgbuf a;
	BOOL ok;

	name = csp_dbg_hashparam(&a, param);
	TRACE("(%#Ix, %#Ix, %s, %p, %#lx)", prov, hash, name, data, flags);
	ok = impl_CPSetHashParam(prov, hash, param, data, flags);
	unimplemented(ok, __func__, name, &a);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPDestroyHash(HCRYPTPROV prov, HCRYPTHASH hash)
{
	BOOL ok;

	TRACE("(%#Ix, %#Ix)", prov, hash);
	ok = impl_CPDestroyHash(prov, hash);
	RESULT(ok, NULL);
	return ok;
}

BOOL WINAPI CPDuplicateHash(HCRYPTPROV prov, HCRYPTHASH hash, DWORD *reserved, DWORD flags, HCRYPTHASH *dup)
{
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %p, %#lx, %p)", prov, hash, reserved, flags, dup);
	ok = impl_CPDuplicateHash(prov, hash, reserved, flags, dup);
	RESULT(ok, "hHash %#Ix", dup ? *dup : 0);
	return ok;
}

BOOL WINAPI CPSignHash(HCRYPTPROV prov, HCRYPTHASH hash, DWORD keyspec, LPCWSTR description, DWORD flags, BYTE *sig,
		       DWORD *siglen)
{
	csp_dbgbuf a, b, c;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %s, %s, %s, %p, %p)", prov, hash, csp_dbg_keyspec(&a, keyspec), csp_dbg_wstr(&b, description),
	      csp_dbg_flags(&c, CSP_FLAGS_SIGN, flags), sig, siglen);
	ok = impl_CPSignHash(prov, hash, keyspec, description, flags, sig, siglen);
	RESULT(ok, "len %lu", LEN(siglen));
	return ok;
}

BOOL WINAPI CPVerifySignature(HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *sig, DWORD siglen, HCRYPTKEY pubkey,
			      LPCWSTR description, DWORD flags)
{
	csp_dbgbuf a, b;
	BOOL ok;

	TRACE("(%#Ix, %#Ix, %p, %lu, %#Ix, %s, %s)", prov, hash, sig, siglen, pubkey, csp_dbg_wstr(&a, description),
	      csp_dbg_flags(&b, CSP_FLAGS_SIGN, flags));
	ok = impl_CPVerifySignature(prov, hash, sig, siglen, pubkey, description, flags);
	RESULT(ok, NULL);
	return ok;
}
