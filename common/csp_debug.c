/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * csp_debug.c - WINEDEBUG output for our DLLs (see include/csp_debug.h):
 * ntdll's debug functions found at run time, the cached channel flags, and
 * the tables that give ALG_IDs, BLOB types, parameters, flags and error
 * codes their names in a trace.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <wincrypt.h>
#include "csp_debug.h"

/* ---- ntdll's functions --------------------------------------------------- */

typedef unsigned char (__cdecl *channel_flags_fn)(struct csp_debug_channel *ch);
typedef int (__cdecl *header_fn)(int cls, struct csp_debug_channel *ch, const char *func);
typedef int (__cdecl *output_fn)(const char *text);

static struct {
	channel_flags_fn flags;
	header_fn header;
	output_fn output;
} wine;
static volatile LONG wine_looked_up;

static void look_up_wine(void)
{
	HMODULE ntdll;

	if (wine_looked_up)
		return;
	if ((ntdll = GetModuleHandleA("ntdll.dll"))) {
		channel_flags_fn f = (channel_flags_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_get_channel_flags");
		header_fn h = (header_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_header");
		output_fn o = (output_fn)(void *)GetProcAddress(ntdll, "__wine_dbg_output");

		/* all three or none: a half-present set prints nothing */
		if (f && h && o) {
			wine.flags = f;
			wine.header = h;
			wine.output = o;
		}
	}
	MemoryBarrier();
	wine_looked_up = 1;
}

unsigned char csp_debug_ask(struct csp_debug_channel *ch)
{
	DWORD error = GetLastError();
	unsigned char flags = 0;

	look_up_wine();
	if (wine.flags)
		flags = wine.flags(ch) & ~(1u << CSP_DBG_UNASKED);
	ch->flags = flags;
	SetLastError(error);
	return flags;
}

void csp_debug_log(enum csp_debug_class cls, struct csp_debug_channel *ch, const char *func, const char *fmt, ...)
{
	DWORD error = GetLastError();
	char text[1024];
	va_list args;
	int n;

	if (!wine.output || wine.header(cls, ch, func) == -1) {
		SetLastError(error);
		return;
	}
	va_start(args, fmt);
	n = _vsnprintf(text, sizeof(text) - 2, fmt, args);
	va_end(args);
	if (n < 0 || n > (int)sizeof(text) - 2)
		n = sizeof(text) - 2;
	text[n++] = '\n';
	text[n] = 0;
	wine.output(text);
	SetLastError(error);
}

/* ---- names ----------------------------------------------------------------- */

struct name {
	DWORD value;
	const char *text;
};

#define N(x) { (DWORD)(x), #x }

static const char *lookup(csp_dbgbuf *b, const struct name *table, size_t count, DWORD value)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (table[i].value == value)
			return table[i].text;
	snprintf(b->s, sizeof(b->s), "0x%lx", value);
	return b->s;
}

static const struct name algs[] = {
	N(CALG_MD2), N(CALG_MD4), N(CALG_MD5), N(CALG_SHA1), N(CALG_MAC), N(CALG_HMAC),
	N(CALG_SHA_256), N(CALG_SHA_384), N(CALG_SHA_512), N(CALG_SSL3_SHAMD5), N(CALG_TLS1PRF),
	N(CALG_RSA_SIGN), N(CALG_RSA_KEYX), N(CALG_DSS_SIGN), N(CALG_DH_SF), N(CALG_DH_EPHEM),
	N(CALG_AGREEDKEY_ANY), N(CALG_NO_SIGN), N(CALG_DES), N(CALG_3DES_112), N(CALG_3DES),
	N(CALG_DESX), N(CALG_RC2), N(CALG_RC4), N(CALG_RC5), N(CALG_AES_128), N(CALG_AES_192),
	N(CALG_AES_256), N(CALG_AES), N(CALG_CYLINK_MEK), N(CALG_SSL3_MASTER), N(CALG_TLS1_MASTER),
	N(CALG_SSL2_MASTER), N(CALG_PCT1_MASTER), N(CALG_SCHANNEL_MASTER_HASH),
	N(CALG_SCHANNEL_MAC_KEY), N(CALG_SCHANNEL_ENC_KEY), N(CALG_KEA_KEYX), N(CALG_ECDH),
	N(CALG_ECDSA), { AT_KEYEXCHANGE, "AT_KEYEXCHANGE" }, { AT_SIGNATURE, "AT_SIGNATURE" },
};

static const struct name errors[] = {
	N(ERROR_SUCCESS), N(ERROR_INVALID_PARAMETER), N(ERROR_INVALID_HANDLE), N(ERROR_MORE_DATA),
	N(ERROR_NO_MORE_ITEMS), N(ERROR_NOT_ENOUGH_MEMORY), N(ERROR_BUSY), N(ERROR_CALL_NOT_IMPLEMENTED),
	N(ERROR_FILE_NOT_FOUND), N(ERROR_MOD_NOT_FOUND), N(ERROR_ACCESS_DENIED), N(ERROR_INVALID_FLAGS),
	N(ERROR_NOACCESS), N(ERROR_INVALID_USER_BUFFER),
	N(NTE_BAD_UID), N(NTE_BAD_HASH), N(NTE_BAD_KEY), N(NTE_BAD_LEN), N(NTE_BAD_DATA),
	N(NTE_BAD_SIGNATURE), N(NTE_BAD_VER), N(NTE_BAD_ALGID), N(NTE_BAD_FLAGS), N(NTE_BAD_TYPE),
	N(NTE_BAD_KEY_STATE), N(NTE_BAD_HASH_STATE), N(NTE_NO_KEY), N(NTE_NO_MEMORY), N(NTE_EXISTS),
	N(NTE_PERM), N(NTE_NOT_FOUND), N(NTE_DOUBLE_ENCRYPT), N(NTE_BAD_PROVIDER), N(NTE_BAD_PROV_TYPE),
	N(NTE_BAD_PUBLIC_KEY), N(NTE_BAD_KEYSET), N(NTE_PROV_TYPE_NOT_DEF), N(NTE_PROV_TYPE_ENTRY_BAD),
	N(NTE_KEYSET_NOT_DEF), N(NTE_KEYSET_ENTRY_BAD), N(NTE_PROV_TYPE_NO_MATCH),
	N(NTE_SIGNATURE_FILE_BAD), N(NTE_PROVIDER_DLL_FAIL), N(NTE_PROV_DLL_NOT_FOUND),
	N(NTE_BAD_KEYSET_PARAM), N(NTE_FAIL), N(NTE_SYS_ERR), N(NTE_SILENT_CONTEXT),
	N(NTE_TOKEN_KEYSET_STORAGE_FULL), N(NTE_TEMPORARY_PROFILE), N(NTE_FIXEDPARAMETER),
};

static const struct name blobtypes[] = {
	N(SIMPLEBLOB), N(PUBLICKEYBLOB), N(PRIVATEKEYBLOB), N(PLAINTEXTKEYBLOB), N(OPAQUEKEYBLOB),
	N(PUBLICKEYBLOBEX), N(SYMMETRICWRAPKEYBLOB), N(KEYSTATEBLOB),
};

static const struct name keyparams[] = {
	N(KP_IV), N(KP_SALT), N(KP_PADDING), N(KP_MODE), N(KP_MODE_BITS), N(KP_PERMISSIONS),
	N(KP_ALGID), N(KP_BLOCKLEN), N(KP_KEYLEN), N(KP_SALT_EX), N(KP_P), N(KP_G), N(KP_Q), N(KP_X),
	N(KP_Y), N(KP_RA), N(KP_RB), N(KP_INFO), N(KP_EFFECTIVE_KEYLEN), N(KP_SCHANNEL_ALG),
	N(KP_CLIENT_RANDOM), N(KP_SERVER_RANDOM), N(KP_RP), N(KP_PRECOMP_MD5), N(KP_PRECOMP_SHA),
	N(KP_CERTIFICATE), N(KP_CLEAR_KEY), N(KP_PUB_EX_LEN), N(KP_PUB_EX_VAL), N(KP_KEYVAL),
	N(KP_ADMIN_PIN), N(KP_KEYEXCHANGE_PIN), N(KP_SIGNATURE_PIN), N(KP_PREHASH),
	N(KP_OAEP_PARAMS), N(KP_CMS_KEY_INFO), N(KP_CMS_DH_KEY_INFO), N(KP_PUB_PARAMS),
	N(KP_VERIFY_PARAMS), N(KP_HIGHEST_VERSION), N(KP_GET_USE_COUNT),
};

static const struct name hashparams[] = {
	N(HP_ALGID), N(HP_HASHVAL), N(HP_HASHSIZE), N(HP_HMAC_INFO), N(HP_TLS1PRF_LABEL),
	N(HP_TLS1PRF_SEED),
};

static const struct name provparams[] = {
	N(PP_ENUMALGS), N(PP_ENUMCONTAINERS), N(PP_IMPTYPE), N(PP_NAME), N(PP_VERSION),
	N(PP_CONTAINER), N(PP_CHANGE_PASSWORD), N(PP_KEYSET_SEC_DESCR), N(PP_CERTCHAIN),
	N(PP_KEY_TYPE_SUBTYPE), N(PP_PROVTYPE), N(PP_KEYSTORAGE), N(PP_APPLI_CERT), N(PP_SYM_KEYSIZE),
	N(PP_SESSION_KEYSIZE), N(PP_UI_PROMPT), N(PP_ENUMALGS_EX), N(PP_ENUMMANDROOTS),
	N(PP_ENUMELECTROOTS), N(PP_KEYSET_TYPE), N(PP_ADMIN_PIN), N(PP_KEYEXCHANGE_PIN),
	N(PP_SIGNATURE_PIN), N(PP_SIG_KEYSIZE_INC), N(PP_KEYX_KEYSIZE_INC), N(PP_UNIQUE_CONTAINER),
	N(PP_SGC_INFO), N(PP_USE_HARDWARE_RNG), N(PP_KEYSPEC), N(PP_ENUMEX_SIGNING_PROT),
	N(PP_CRYPT_COUNT_KEY_USE), N(PP_CLIENT_HWND), N(PP_CONTEXT_INFO), N(PP_KEYEXCHANGE_KEYSIZE),
	N(PP_SIGNATURE_KEYSIZE), N(PP_KEYEXCHANGE_ALG), N(PP_SIGNATURE_ALG), N(PP_DELETEKEY),
	N(PP_SMARTCARD_READER), N(PP_SMARTCARD_GUID), N(PP_ROOT_CERTSTORE), N(PP_USER_CERTSTORE),
};

static const struct name keyspecs[] = { N(AT_KEYEXCHANGE), N(AT_SIGNATURE) };

#define LOOKUP(fn, table) \
	const char *fn(csp_dbgbuf *b, DWORD value) { return lookup(b, table, ARRAYSIZE(table), value); }

LOOKUP(csp_dbg_alg, algs)
LOOKUP(csp_dbg_error, errors)
LOOKUP(csp_dbg_blobtype, blobtypes)
LOOKUP(csp_dbg_keyparam, keyparams)
LOOKUP(csp_dbg_hashparam, hashparams)
LOOKUP(csp_dbg_provparam, provparams)
LOOKUP(csp_dbg_keyspec, keyspecs)

/* ---- flag words ------------------------------------------------------------ */

static const struct name acquire_flags[] = {
	N(CRYPT_VERIFYCONTEXT), N(CRYPT_NEWKEYSET), N(CRYPT_DELETEKEYSET), N(CRYPT_MACHINE_KEYSET),
	N(CRYPT_SILENT), N(CRYPT_DEFAULT_CONTAINER_OPTIONAL),
};
static const struct name genkey_flags[] = {
	N(CRYPT_EXPORTABLE), N(CRYPT_USER_PROTECTED), N(CRYPT_CREATE_SALT), N(CRYPT_UPDATE_KEY),
	N(CRYPT_NO_SALT), N(CRYPT_PREGEN), N(CRYPT_ARCHIVABLE), N(CRYPT_FORCE_KEY_PROTECTION_HIGH),
	N(CRYPT_IPSEC_HMAC_KEY), N(CRYPT_OAEP),
};
static const struct name export_flags[] = {
	N(CRYPT_SSL2_FALLBACK), N(CRYPT_DESTROYKEY), N(CRYPT_OAEP), N(CRYPT_BLOB_VER3),
	N(CRYPT_IPSEC_HMAC_KEY), N(CRYPT_Y_ONLY),
};
static const struct name crypt_flags[] = { N(CRYPT_OAEP), N(CRYPT_DECRYPT_RSA_NO_PADDING_CHECK) };
static const struct name sign_flags[] = { N(CRYPT_NOHASHOID), N(CRYPT_TYPE2_FORMAT), N(CRYPT_X931_FORMAT) };
static const struct name hash_flags[] = { N(CRYPT_USERDATA), N(CRYPT_LITTLE_ENDIAN), N(CRYPT_SECRETDIGEST) };

static const struct { const struct name *table; size_t count; } flagsets[] = {
	[CSP_FLAGS_ACQUIRE] = { acquire_flags, ARRAYSIZE(acquire_flags) },
	[CSP_FLAGS_GENKEY] = { genkey_flags, ARRAYSIZE(genkey_flags) },
	[CSP_FLAGS_EXPORT] = { export_flags, ARRAYSIZE(export_flags) },
	[CSP_FLAGS_CRYPT] = { crypt_flags, ARRAYSIZE(crypt_flags) },
	[CSP_FLAGS_SIGN] = { sign_flags, ARRAYSIZE(sign_flags) },
	[CSP_FLAGS_HASH] = { hash_flags, ARRAYSIZE(hash_flags) },
	[CSP_FLAGS_OTHER] = { NULL, 0 },
};

const char *csp_dbg_flags(csp_dbgbuf *b, enum csp_dbg_flagset set, DWORD flags)
{
	const struct name *t = flagsets[set].table;
	size_t i, n = 0;
	DWORD rest = flags;

	b->s[0] = 0;
	if (set == CSP_FLAGS_GENKEY && (flags >> 16)) {
		/* the upper half is a key length in bits */
		n += snprintf(b->s + n, sizeof(b->s) - n, "%lu bits", flags >> 16);
		rest &= 0xffff;
	}
	for (i = 0; i < flagsets[set].count && rest; i++) {
		/* multi-bit names (CRYPT_VERIFYCONTEXT) only when all their bits are there */
		if ((rest & t[i].value) != t[i].value)
			continue;
		n += snprintf(b->s + n, sizeof(b->s) - n, "%s%s", n ? "|" : "", t[i].text);
		rest &= ~t[i].value;
		if (n >= sizeof(b->s))
			return b->s;
	}
	if (rest || !n)
		snprintf(b->s + n, sizeof(b->s) - n, "%s0x%lx", n ? "|" : "", rest);
	return b->s;
}

/* ---- strings and results ------------------------------------------------- */

static const char *quote(csp_dbgbuf *b, const void *s, BOOL wide)
{
	size_t n = 0, i;
	unsigned c;

	if (!s)
		return "(null)";
	b->s[n++] = '"';
	for (i = 0;; i++) {
		c = wide ? ((const WCHAR *)s)[i] : ((const unsigned char *)s)[i];
		if (!c)
			break;
		if (n > sizeof(b->s) - 12) {
			memcpy(b->s + n, "\"...", 5);
			return b->s;
		}
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			b->s[n++] = (char)c;
		else
			n += snprintf(b->s + n, sizeof(b->s) - n, "\\x%04x", c);
	}
	b->s[n++] = '"';
	b->s[n] = 0;
	return b->s;
}

const char *csp_dbg_wstr(csp_dbgbuf *b, const WCHAR *s)
{
	return quote(b, s, TRUE);
}

const char *csp_dbg_astr(csp_dbgbuf *b, const char *s)
{
	return quote(b, s, FALSE);
}

const char *csp_dbg_result(csp_dbgbuf *b, BOOL ok)
{
	csp_dbgbuf e;

	if (ok)
		return "TRUE";
	snprintf(b->s, sizeof(b->s), "FALSE, %s", csp_dbg_error(&e, GetLastError()));
	return b->s;
}

void csp_debug_result(struct csp_debug_channel *ch, const char *func, BOOL judge, BOOL ok, const char *fmt, ...)
{
	DWORD error = GetLastError();
	char more[256] = "";
	csp_dbgbuf e;
	va_list args;

	if (ok) {
		if (!csp_debug_on(ch, CSP_DBG_TRACE))
			return;
		if (fmt) {
			va_start(args, fmt);
			more[0] = ' ';
			_vsnprintf(more + 1, sizeof(more) - 2, fmt, args);
			more[sizeof(more) - 1] = 0;
			va_end(args);
		}
		csp_debug_log(CSP_DBG_TRACE, ch, func, "-> TRUE%s", more);
		return;
	}
	if (csp_debug_on(ch, CSP_DBG_TRACE))
		csp_debug_log(CSP_DBG_TRACE, ch, func, "-> FALSE, %s", csp_dbg_error(&e, error));
	if (!judge)
		return;
	switch (error) {
	case NTE_BAD_FLAGS:
	case NTE_BAD_ALGID:
	case NTE_BAD_TYPE:
	case NTE_BAD_VER:
		if (csp_debug_on(ch, CSP_DBG_WARN))
			csp_debug_log(CSP_DBG_WARN, ch, func, "refused: %s", csp_dbg_error(&e, error));
		break;
	case NTE_FAIL:
	case NTE_NO_MEMORY:
	case NTE_SYS_ERR:
	case ERROR_NOT_ENOUGH_MEMORY:
		if (csp_debug_on(ch, CSP_DBG_ERR))
			csp_debug_log(CSP_DBG_ERR, ch, func, "internal failure: %s", csp_dbg_error(&e, error));
		break;
	}
	SetLastError(error);
}
