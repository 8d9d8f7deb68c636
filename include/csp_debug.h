/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * csp_debug.h - WINEDEBUG channels for our DLLs.
 *
 * Under Wine, ntdll exports the three functions its builtin DLLs print
 * through (__wine_dbg_get_channel_flags, __wine_dbg_header,
 * __wine_dbg_output).  We look them up at run time, never import them: on
 * Windows they are absent and nothing is printed.  A channel is the
 * structure those functions take (a flags byte, then the name); its flags
 * start as 0xff, "not asked yet": the first test of a class asks ntdll and
 * keeps the answer, so a disabled class costs one byte test.
 *
 * Never pass secret material to these macros: key bytes, plaintext,
 * passwords, hash input and private BLOB contents are traced by length only.
 */
#ifndef CSP_DEBUG_H
#define CSP_DEBUG_H

#include <windows.h>

struct csp_debug_channel {
	unsigned char flags;
	char name[15];
};

/* The classes, in the bit order Wine's channel flags use. */
enum csp_debug_class {
	CSP_DBG_FIXME = 0,
	CSP_DBG_ERR = 1,
	CSP_DBG_WARN = 2,
	CSP_DBG_TRACE = 3,
	CSP_DBG_UNASKED = 7
};

#define CSP_DEBUG_CHANNEL(var, text) struct csp_debug_channel var = { 0xff, text }

/* Slow path of csp_debug_on: asks ntdll (0 where it has no such function). */
unsigned char csp_debug_ask(struct csp_debug_channel *ch);

static inline int csp_debug_on(struct csp_debug_channel *ch, enum csp_debug_class cls)
{
	unsigned char flags = *(volatile unsigned char *)&ch->flags;

	if (!(flags & (1u << cls)))
		return 0;
	if (flags & (1u << CSP_DBG_UNASKED))
		flags = csp_debug_ask(ch);
	return (flags >> cls) & 1;
}

/* One line: Wine's prefix (pid:tid:class:channel:function) and the message.
 * The caller's last error is kept. */
void csp_debug_log(enum csp_debug_class cls, struct csp_debug_channel *ch, const char *func,
		   const char *fmt, ...) __attribute__((format(ms_printf, 4, 5)));

#define CSP_DPRINTF(cls, ch, ...) \
	do { \
		if (csp_debug_on(&(ch), cls)) \
			csp_debug_log(cls, &(ch), __func__, __VA_ARGS__); \
	} while (0)

#define CSP_TRACE(ch, ...) CSP_DPRINTF(CSP_DBG_TRACE, ch, __VA_ARGS__)
#define CSP_WARN(ch, ...)  CSP_DPRINTF(CSP_DBG_WARN, ch, __VA_ARGS__)
#define CSP_FIXME(ch, ...) CSP_DPRINTF(CSP_DBG_FIXME, ch, __VA_ARGS__)
#define CSP_ERR(ch, ...)   CSP_DPRINTF(CSP_DBG_ERR, ch, __VA_ARGS__)
#define CSP_TRACE_ON(ch)   csp_debug_on(&(ch), CSP_DBG_TRACE)

/* ---- names for what a trace shows (common/csp_debug.c) ------------------- */

/* A small buffer the name helpers write into; one per argument traced. */
typedef struct { char s[96]; } csp_dbgbuf;

/* Each returns a name when the table has one, else the number in hex. */
const char *csp_dbg_alg(csp_dbgbuf *b, DWORD alg);
const char *csp_dbg_error(csp_dbgbuf *b, DWORD error);
const char *csp_dbg_blobtype(csp_dbgbuf *b, DWORD type);
const char *csp_dbg_keyparam(csp_dbgbuf *b, DWORD param);
const char *csp_dbg_hashparam(csp_dbgbuf *b, DWORD param);
const char *csp_dbg_provparam(csp_dbgbuf *b, DWORD param);
const char *csp_dbg_keyspec(csp_dbgbuf *b, DWORD spec);

/* Flag words: the names of the bits a table knows, '|'-joined, then the rest in hex. */
enum csp_dbg_flagset {
	CSP_FLAGS_ACQUIRE,     /* CryptAcquireContext */
	CSP_FLAGS_GENKEY,      /* CryptGenKey, CryptDeriveKey, CryptImportKey: low 16 bits */
	CSP_FLAGS_EXPORT,      /* CryptExportKey */
	CSP_FLAGS_CRYPT,       /* CryptEncrypt, CryptDecrypt */
	CSP_FLAGS_SIGN,        /* CryptSignHash, CryptVerifySignature */
	CSP_FLAGS_HASH,        /* CryptHashData, CryptHashSessionKey, CryptCreateHash */
	CSP_FLAGS_OTHER        /* anything else: hex only */
};
const char *csp_dbg_flags(csp_dbgbuf *b, enum csp_dbg_flagset set, DWORD flags);

/* A string as a quoted, escaped, shortened ASCII copy ("(null)" for NULL). */
const char *csp_dbg_wstr(csp_dbgbuf *b, const WCHAR *s);
const char *csp_dbg_astr(csp_dbgbuf *b, const char *s);

/* The result of a call: "TRUE" or "FALSE, NTE_BAD_KEY" (last error by name). */
const char *csp_dbg_result(csp_dbgbuf *b, BOOL ok);

/* The end of a call: trace "-> TRUE" with what fmt adds (may be NULL), or
 * "-> FALSE, NTE_..."; with judge, a refusal (bad flags, ALG_ID, type or
 * parameter) is also a warn line and an internal failure (NTE_FAIL, no
 * memory) an err line.  The last error is kept. */
void csp_debug_result(struct csp_debug_channel *ch, const char *func, BOOL judge, BOOL ok, const char *fmt, ...);

#define CSP_RESULT(ch, judge, ok, ...) \
	do { \
		if ((ch).flags & 0x0f) \
			csp_debug_result(&(ch), __func__, judge, ok, __VA_ARGS__); \
	} while (0)

#endif
