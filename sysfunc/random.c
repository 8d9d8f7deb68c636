/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * random.c - the system's random number generator: SystemFunction036
 * (RtlGenRandom) and the helper the other functions here use.
 *
 * The source is the one at the bottom of Wine's own stack: the kernel's
 * generator as Wine's ntdll hands it out
 * (NtQuerySystemInformation(SystemInterruptInformation) returns getrandom()
 * bytes there, on Wine 8 and Wine 10 alike).  Nothing above ntdll may be
 * the source, because on Wine every other generator comes back here:
 *  - bcryptprimitives!ProcessPrng (Wine 10) imports advapi32's
 *    SystemFunction036, this function: calling it recursed until the stack
 *    overflowed (every process of the prefix died);
 *  - bcrypt!BCryptGenRandom calls SystemFunction036 (Wine 8) or ProcessPrng
 *    (Wine 10);
 *  - CryptGenRandom is cryptsp -> a CSP -> this function.
 * Only ntdll is used, resolved from the module already loaded; where the
 * running ntdll is not Wine's (wine_get_version absent) there is no tested
 * source and the call fails with NTE_FAIL rather than guess.
 * tests/win/random_paths.c calls every generator with our stack installed.
 */
#include "sysfunc.h"
#include "spinrw.h"
#include "csp_debug.h"

/* advapi32's own code traces on Wine's channel for it */
static CSP_DEBUG_CHANNEL(dbg_crypt, "crypt");

#define SYSTEM_INTERRUPT_INFORMATION_CLASS 23

typedef NTSTATUS (WINAPI *query_system_fn)(int, void *, ULONG, ULONG *);

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static query_system_fn query_system;
static ULONG query_chunk;
static BYTE *pool;            /* query_chunk bytes, the unused ones from pool_pos */
static ULONG pool_pos;

static BOOL CALLBACK find_source(INIT_ONCE *o, void *param, void **ctx)
{
	HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
	BYTE probe[1];

	if (!ntdll || !GetProcAddress(ntdll, "wine_get_version") ||
	    !(query_system = (query_system_fn)(void (*)(void))GetProcAddress(ntdll, "NtQuerySystemInformation")))
		return FALSE;
	/* A short buffer reports the size one call fills. */
	query_system(SYSTEM_INTERRUPT_INFORMATION_CLASS, probe, 0, &query_chunk);
	if (!query_chunk || query_chunk > 0x10000 || !(pool = LocalAlloc(LMEM_FIXED, query_chunk)))
		return FALSE;
	pool_pos = query_chunk;
	return TRUE;
}

/* Each query fills query_chunk bytes (24 per processor on Wine).  As the
 * system's own RtlGenRandom does, what one request leaves over is kept for
 * the next, so a 32-byte request costs no more than one query; every byte
 * is handed out once and wiped from the pool as it goes.  The pool's lock
 * is held for a copy or one query: a spin lock (spinrw.h), which costs a
 * third of an SRW lock pair under Wine. */
static BOOL from_wine_kernel(BYTE *out, ULONG len)
{
	static spinrw pool_lock;
	BOOL ok = TRUE;

	spinrw_write_lock(&pool_lock);
	while (ok && len) {
		ULONG take;

		if (pool_pos == query_chunk && len >= query_chunk) {
			/* a whole query's worth goes straight to the caller */
			ok = query_system(SYSTEM_INTERRUPT_INFORMATION_CLASS, out, query_chunk, NULL) == 0;
			take = ok ? query_chunk : 0;
		} else {
			if (pool_pos == query_chunk) {
				if (!(ok = query_system(SYSTEM_INTERRUPT_INFORMATION_CLASS, pool, query_chunk, NULL) == 0))
					break;
				pool_pos = 0;
			}
			take = min(len, query_chunk - pool_pos);
			CopyMemory(out, pool + pool_pos, take);
			SecureZeroMemory(pool + pool_pos, take);
			pool_pos += take;
		}
		out += take;
		len -= take;
	}
	spinrw_write_unlock(&pool_lock);
	return ok;
}

BOOL sysfunc_random(void *buf, ULONG len)
{
	BOOL ok;

	if (!len)
		return TRUE;
	if (!buf) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	if (!InitOnceExecuteOnce(&once, find_source, NULL, NULL)) {
		SetLastError(NTE_FAIL);
		return FALSE;
	}
	ok = from_wine_kernel(buf, len);
	if (!ok)
		SetLastError(NTE_FAIL);
	return ok;
}

BOOLEAN WINAPI SystemFunction036(void *buffer, ULONG length)
{
	BOOLEAN ok;

	/* the bytes are key material: their count only */
	CSP_TRACE(dbg_crypt, "(%p, %lu)", buffer, length);
	ok = sysfunc_random(buffer, length);
	if (!ok)
		CSP_ERR(dbg_crypt, "no random source (not Wine's ntdll?)");
	CSP_RESULT(dbg_crypt, FALSE, ok, NULL);
	return ok;
}
