/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cspdk.h - the interface between the CryptoAPI dispatcher (cryptsp.dll) and
 * a Cryptographic Service Provider (rsaenh.dll, dssenh.dll): the CP* entry
 * points every CSP exports and the table of callbacks the dispatcher hands
 * to CPAcquireContext.  Written from Microsoft's CSP documentation; mingw's
 * wincrypt.h only has the pre-XP VTableProvStruc, so we declare our own.
 */
#ifndef CSPDK_H
#define CSPDK_H

#include <windows.h>
#include <wincrypt.h>

/* Version 3 of the table (Windows XP and later): provider type, context
 * info and the provider's name follow the two callbacks. */
typedef struct csp_vtable {
	DWORD Version;
	FARPROC FuncVerifyImage;
	FARPROC FuncReturnhWnd;
	DWORD dwProvType;
	BYTE *pbContextInfo;
	DWORD cbContextInfo;
	LPSTR pszProvName;
} CSP_VTABLE;

#define CSP_VTABLE_VERSION 3

typedef BOOL (WINAPI *CSP_VERIFY_IMAGE)(LPCSTR image, BYTE *sig);
typedef void (WINAPI *CSP_RETURN_HWND)(HWND *wnd);

/* The CP* entry points, in the order of the documentation. */
#define CSP_ENTRY_POINTS(X) \
	X(CPAcquireContext, (HCRYPTPROV *prov, LPCSTR container, DWORD flags, CSP_VTABLE *vtable)) \
	X(CPReleaseContext, (HCRYPTPROV prov, DWORD flags)) \
	X(CPGenKey, (HCRYPTPROV prov, ALG_ID alg, DWORD flags, HCRYPTKEY *key)) \
	X(CPDeriveKey, (HCRYPTPROV prov, ALG_ID alg, HCRYPTHASH base, DWORD flags, HCRYPTKEY *key)) \
	X(CPDestroyKey, (HCRYPTPROV prov, HCRYPTKEY key)) \
	X(CPSetKeyParam, (HCRYPTPROV prov, HCRYPTKEY key, DWORD param, const BYTE *data, DWORD flags)) \
	X(CPGetKeyParam, (HCRYPTPROV prov, HCRYPTKEY key, DWORD param, BYTE *data, DWORD *len, DWORD flags)) \
	X(CPSetProvParam, (HCRYPTPROV prov, DWORD param, const BYTE *data, DWORD flags)) \
	X(CPGetProvParam, (HCRYPTPROV prov, DWORD param, BYTE *data, DWORD *len, DWORD flags)) \
	X(CPSetHashParam, (HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, const BYTE *data, DWORD flags)) \
	X(CPGetHashParam, (HCRYPTPROV prov, HCRYPTHASH hash, DWORD param, BYTE *data, DWORD *len, DWORD flags)) \
	X(CPExportKey, (HCRYPTPROV prov, HCRYPTKEY key, HCRYPTKEY pubkey, DWORD type, DWORD flags, BYTE *data, DWORD *len)) \
	X(CPImportKey, (HCRYPTPROV prov, const BYTE *data, DWORD len, HCRYPTKEY pubkey, DWORD flags, HCRYPTKEY *key)) \
	X(CPEncrypt, (HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags, BYTE *data, DWORD *len, DWORD buflen)) \
	X(CPDecrypt, (HCRYPTPROV prov, HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags, BYTE *data, DWORD *len)) \
	X(CPCreateHash, (HCRYPTPROV prov, ALG_ID alg, HCRYPTKEY key, DWORD flags, HCRYPTHASH *hash)) \
	X(CPHashData, (HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *data, DWORD len, DWORD flags)) \
	X(CPHashSessionKey, (HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY key, DWORD flags)) \
	X(CPSignHash, (HCRYPTPROV prov, HCRYPTHASH hash, DWORD keyspec, LPCWSTR description, DWORD flags, BYTE *sig, DWORD *siglen)) \
	X(CPDestroyHash, (HCRYPTPROV prov, HCRYPTHASH hash)) \
	X(CPVerifySignature, (HCRYPTPROV prov, HCRYPTHASH hash, const BYTE *sig, DWORD siglen, HCRYPTKEY pubkey, LPCWSTR description, DWORD flags)) \
	X(CPGenRandom, (HCRYPTPROV prov, DWORD len, BYTE *buf)) \
	X(CPGetUserKey, (HCRYPTPROV prov, DWORD keyspec, HCRYPTKEY *key)) \
	X(CPDuplicateHash, (HCRYPTPROV prov, HCRYPTHASH hash, DWORD *reserved, DWORD flags, HCRYPTHASH *dup)) \
	X(CPDuplicateKey, (HCRYPTPROV prov, HCRYPTKEY key, DWORD *reserved, DWORD flags, HCRYPTKEY *dup))

/* Prototypes (a CSP defines these) and pointer types (the dispatcher uses them). */
#define CSP_DECLARE(name, args) BOOL WINAPI name args; typedef BOOL (WINAPI *PFN_##name) args;
CSP_ENTRY_POINTS(CSP_DECLARE)
#undef CSP_DECLARE

#endif
