/*
 * random.c - the system's random number generator: SystemFunction036
 * (RtlGenRandom) and the helper the other functions here use.  The source
 * is the one the platform has at the bottom of its own stack:
 *  - ProcessPrng (bcryptprimitives.dll: Windows 10 and later, newer Wine);
 *  - on Wine without it, the kernel's generator as Wine's ntdll hands it
 *    out (NtQuerySystemInformation(SystemInterruptInformation) returns
 *    getrandom() bytes there).  Wine's bcrypt implements BCryptGenRandom
 *    by calling advapi32's SystemFunction036 - this function - so it
 *    cannot be the source here;
 *  - elsewhere (older Windows) BCryptGenRandom with the system RNG.
 * Everything is resolved on first use, never imported: bcrypt.dll and
 * bcryptprimitives.dll would import advapi32 back.
 */
#include "sysfunc.h"
#include <bcrypt.h>
#include "spinrw.h"

#define SYSTEM_INTERRUPT_INFORMATION_CLASS 23

typedef BOOL (WINAPI *process_prng_fn)(BYTE *, SIZE_T);
typedef NTSTATUS (WINAPI *query_system_fn)(int, void *, ULONG, ULONG *);
typedef NTSTATUS (WINAPI *bcrypt_random_fn)(BCRYPT_ALG_HANDLE, PUCHAR, ULONG, ULONG);

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static process_prng_fn process_prng;
static query_system_fn query_system;
static ULONG query_chunk;
static BYTE *pool;            /* query_chunk bytes, the unused ones from pool_pos */
static ULONG pool_pos;
static bcrypt_random_fn bcrypt_random;

static void *symbol(const WCHAR *dll, const char *name, BOOL load)
{
	HMODULE mod = load ? LoadLibraryW(dll) : GetModuleHandleW(dll);

	return mod ? (void *)GetProcAddress(mod, name) : NULL;
}

static BOOL CALLBACK find_source(INIT_ONCE *o, void *param, void **ctx)
{
	if ((process_prng = (process_prng_fn)symbol(L"bcryptprimitives.dll", "ProcessPrng", TRUE)))
		return TRUE;
	if (symbol(L"ntdll.dll", "wine_get_version", FALSE) &&
	    (query_system = (query_system_fn)symbol(L"ntdll.dll", "NtQuerySystemInformation", FALSE))) {
		/* A short buffer reports the size one call fills. */
		BYTE probe[1];

		query_system(SYSTEM_INTERRUPT_INFORMATION_CLASS, probe, 0, &query_chunk);
		if (query_chunk && query_chunk <= 0x10000 &&
		    (pool = LocalAlloc(LMEM_FIXED, query_chunk))) {
			pool_pos = query_chunk;
			return TRUE;
		}
		query_system = NULL;
	}
	bcrypt_random = (bcrypt_random_fn)symbol(L"bcrypt.dll", "BCryptGenRandom", TRUE);
	return bcrypt_random != NULL;
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
	if (process_prng)
		ok = process_prng(buf, len);
	else if (query_system)
		ok = from_wine_kernel(buf, len);
	else
		ok = bcrypt_random(NULL, buf, len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
	if (!ok)
		SetLastError(NTE_FAIL);
	return ok;
}

BOOLEAN WINAPI SystemFunction036(void *buffer, ULONG length)
{
	return sysfunc_random(buffer, length);
}
