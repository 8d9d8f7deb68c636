/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * stress_threads.c - many threads on one provider and its keys, plus threads
 * with providers of their own, doing mixed operations for a bounded time
 * (hash, duplicate, generate, encrypt, decrypt, sign, verify, export,
 * import, destroy; session keys and key pairs):
 * every result is checked against a single-threaded reference, no call may
 * fail unexpectedly, and at the end the process has as many handles as
 * before and our DLLs hold as many heap bytes as before (nothing leaked).
 * STRESS_SECONDS in the environment sets the duration (default 4).
 */
#include <stdarg.h>
#include <windows.h>
#include <wincrypt.h>

#include "wine/test.h"

#define SHARED_THREADS 8
#define OWN_THREADS    2

static HCRYPTPROV shared_prov;
static HCRYPTKEY shared_aes;          /* used by every thread, through duplicates */
static HCRYPTKEY shared_sig_pub;      /* the public half of shared_prov's signature pair */
static HCRYPTKEY shared_kx_pub;       /* the public half of its key exchange pair */
static BYTE sig_ref[128];             /* PKCS#1 v1.5: the same signature every time */
static BYTE message[256];
static BYTE sha256_ref[32], aes_ref[272];
static DWORD aes_ref_len;
static volatile LONG stop;

struct tally {
	LONG ops, wrong, errors;
	DWORD last_error;
	const char *last_what;
};

static void error(struct tally *t, const char *what)
{
	t->errors++;
	t->last_error = GetLastError();
	t->last_what = what;
}

/* SHA-256 of the message, compared with the reference. */
static void op_hash(HCRYPTPROV prov, struct tally *t)
{
	HCRYPTHASH hash, dup;
	BYTE value[32];
	DWORD len = sizeof(value);

	if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash)) {
		error(t, "CryptCreateHash");
		return;
	}
	if (!CryptHashData(hash, message, 100, 0) || !CryptDuplicateHash(hash, NULL, 0, &dup)) {
		error(t, "CryptHashData/CryptDuplicateHash");
		CryptDestroyHash(hash);
		return;
	}
	if (!CryptHashData(dup, message + 100, sizeof(message) - 100, 0) ||
	    !CryptGetHashParam(dup, HP_HASHVAL, value, &len, 0))
		error(t, "CryptGetHashParam");
	else if (len != 32 || memcmp(value, sha256_ref, 32))
		t->wrong++;
	if (!CryptDestroyHash(dup) || !CryptDestroyHash(hash))
		error(t, "CryptDestroyHash");
}

/* The shared key, duplicated (its IV state is per handle), encrypts to the
 * reference ciphertext and decrypts back. */
static void op_shared_key(struct tally *t)
{
	BYTE buf[sizeof(aes_ref)];
	HCRYPTKEY key;
	DWORD len = sizeof(message);

	if (!CryptDuplicateKey(shared_aes, NULL, 0, &key)) {
		error(t, "CryptDuplicateKey");
		return;
	}
	memcpy(buf, message, sizeof(message));
	if (!CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)))
		error(t, "CryptEncrypt");
	else if (len != aes_ref_len || memcmp(buf, aes_ref, len))
		t->wrong++;
	else if (!CryptDecrypt(key, 0, TRUE, 0, buf, &len))
		error(t, "CryptDecrypt");
	else if (len != sizeof(message) || memcmp(buf, message, len))
		t->wrong++;
	if (!CryptDestroyKey(key))
		error(t, "CryptDestroyKey");
}

/* A fresh key of its own: RC4 and AES round trips. */
static void op_own_key(HCRYPTPROV prov, ALG_ID alg, struct tally *t)
{
	BYTE buf[sizeof(message) + 16];
	HCRYPTKEY key;
	DWORD len = sizeof(message);

	if (!CryptGenKey(prov, alg, 0, &key)) {
		error(t, "CryptGenKey");
		return;
	}
	memcpy(buf, message, sizeof(message));
	if (!CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)) || !CryptDecrypt(key, 0, TRUE, 0, buf, &len))
		error(t, "CryptEncrypt/CryptDecrypt");
	else if (len != sizeof(message) || memcmp(buf, message, len))
		t->wrong++;
	if (!CryptDestroyKey(key))
		error(t, "CryptDestroyKey");
}

/* Sign the message's SHA-256 with the shared signature pair; the signature
 * is the reference one and verifies with the shared public key. */
static void op_sign_verify(struct tally *t)
{
	HCRYPTHASH hash;
	BYTE sig[128];
	DWORD len = sizeof(sig);

	if (!CryptCreateHash(shared_prov, CALG_SHA_256, 0, 0, &hash)) {
		error(t, "CryptCreateHash");
		return;
	}
	if (!CryptHashData(hash, message, sizeof(message), 0) ||
	    !CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len))
		error(t, "CryptSignHash");
	else if (len != sizeof(sig_ref) || memcmp(sig, sig_ref, len))
		t->wrong++;
	else if (!CryptVerifySignatureA(hash, sig, len, shared_sig_pub, NULL, 0))
		error(t, "CryptVerifySignature");
	if (!CryptDestroyHash(hash))
		error(t, "CryptDestroyHash");
}

/* A fresh session key exported as a SIMPLEBLOB to the shared key exchange
 * pair's public half, imported again through the pair: the copy decrypts
 * what the original encrypted. */
static void op_export_import(struct tally *t)
{
	BYTE blob[256], buf[sizeof(message) + 16];
	DWORD blob_len = sizeof(blob), len = sizeof(message);
	HCRYPTKEY key, copy, kx;

	if (!CryptGenKey(shared_prov, CALG_AES_128, CRYPT_EXPORTABLE, &key)) {
		error(t, "CryptGenKey");
		return;
	}
	if (!CryptGetUserKey(shared_prov, AT_KEYEXCHANGE, &kx)) {
		error(t, "CryptGetUserKey");
		CryptDestroyKey(key);
		return;
	}
	if (!CryptExportKey(key, shared_kx_pub, SIMPLEBLOB, 0, blob, &blob_len) ||
	    !CryptImportKey(shared_prov, blob, blob_len, kx, 0, &copy)) {
		error(t, "CryptExportKey/CryptImportKey");
		CryptDestroyKey(kx);
		CryptDestroyKey(key);
		return;
	}
	CryptDestroyKey(kx);
	memcpy(buf, message, sizeof(message));
	if (!CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)) || !CryptDecrypt(copy, 0, TRUE, 0, buf, &len))
		error(t, "CryptEncrypt/CryptDecrypt");
	else if (len != sizeof(message) || memcmp(buf, message, len))
		t->wrong++;
	if (!CryptDestroyKey(copy) || !CryptDestroyKey(key))
		error(t, "CryptDestroyKey");
}

/* A key pair of its own, generated, signing and verifying. */
static void op_own_pair(HCRYPTPROV prov, struct tally *t)
{
	BYTE blob[256], sig[64];
	DWORD blob_len = sizeof(blob), len = sizeof(sig);
	HCRYPTKEY pair, pub;
	HCRYPTHASH hash;

	if (!CryptGenKey(prov, AT_SIGNATURE, 512 << 16, &pair)) {
		error(t, "CryptGenKey (pair)");
		return;
	}
	if (!CryptExportKey(pair, 0, PUBLICKEYBLOB, 0, blob, &blob_len) ||
	    !CryptImportKey(prov, blob, blob_len, 0, 0, &pub))
		error(t, "CryptExportKey/CryptImportKey (public)");
	else {
		if (!CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash))
			error(t, "CryptCreateHash");
		else {
			if (!CryptHashData(hash, message, 64, 0) || !CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len))
				error(t, "CryptSignHash");
			else if (!CryptVerifySignatureA(hash, sig, len, pub, NULL, 0))
				t->wrong++;
			CryptDestroyHash(hash);
		}
		CryptDestroyKey(pub);
	}
	if (!CryptDestroyKey(pair))
		error(t, "CryptDestroyKey");
}

static DWORD WINAPI shared_worker(void *arg)
{
	struct tally *t = arg;
	unsigned i;

	for (i = 0; !stop; i++, t->ops++) {
		switch (i % 6) {
		case 0: op_hash(shared_prov, t); break;
		case 1: op_shared_key(t); break;
		case 2: op_own_key(shared_prov, CALG_AES_128, t); break;
		case 3: op_own_key(shared_prov, CALG_RC4, t); break;
		case 4: op_sign_verify(t); break;
		case 5: op_export_import(t); break;
		}
	}
	return 0;
}

/* Threads with providers of their own: acquire, work, release, again. */
static DWORD WINAPI own_worker(void *arg)
{
	struct tally *t = arg;
	HCRYPTPROV prov;

	while (!stop) {
		if (!CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
			error(t, "CryptAcquireContext");
			continue;
		}
		op_hash(prov, t);
		op_own_key(prov, CALG_AES_256, t);
		op_own_pair(prov, t);
		if (!CryptReleaseContext(prov, 0))
			error(t, "CryptReleaseContext");
		t->ops += 3;
	}
	return 0;
}

/* The heap bytes our DLLs hold.  HeapWalk cannot tell: from Wine 9 on, the
 * heap's low-fragmentation front end hands out small blocks from groups
 * that HeapWalk reports as busy whole, and keeps them after the blocks in
 * them are freed (Wine's own builtin DLLs "grew" 0.5 MB in this test under
 * Wine 10.0).  So the allocation functions our four DLLs import (msvcrt's
 * malloc family, kernel32's LocalAlloc family) are replaced in their import
 * tables by counting ones, before any of them allocates in this test. */
static volatile LONG64 ours_live;
static void *(__cdecl *real_malloc)(size_t);
static void *(__cdecl *real_calloc)(size_t, size_t);
static void *(__cdecl *real_realloc)(void *, size_t);
static void (__cdecl *real_free)(void *);
static size_t (__cdecl *real_msize)(void *);
static HLOCAL (WINAPI *real_local_alloc)(UINT, SIZE_T);
static HLOCAL (WINAPI *real_local_free)(HLOCAL);

static void *__cdecl count_malloc(size_t n)
{
	void *p = real_malloc(n);

	if (p)
		InterlockedExchangeAdd64(&ours_live, real_msize(p));
	return p;
}

static void *__cdecl count_calloc(size_t n, size_t size)
{
	void *p = real_calloc(n, size);

	if (p)
		InterlockedExchangeAdd64(&ours_live, real_msize(p));
	return p;
}

static void *__cdecl count_realloc(void *old, size_t n)
{
	LONG64 before = old ? real_msize(old) : 0;
	void *p = real_realloc(old, n);

	if (p)
		InterlockedExchangeAdd64(&ours_live, (LONG64)real_msize(p) - before);
	else if (old && !n)  /* msvcrt's realloc(p, 0) frees p */
		InterlockedExchangeAdd64(&ours_live, -before);
	return p;
}

static void __cdecl count_free(void *p)
{
	if (p)
		InterlockedExchangeAdd64(&ours_live, -(LONG64)real_msize(p));
	real_free(p);
}

static HLOCAL WINAPI count_local_alloc(UINT flags, SIZE_T n)
{
	HLOCAL h = real_local_alloc(flags, n);

	if (h)
		InterlockedExchangeAdd64(&ours_live, LocalSize(h));
	return h;
}

static HLOCAL WINAPI count_local_free(HLOCAL h)
{
	if (h)
		InterlockedExchangeAdd64(&ours_live, -(LONG64)LocalSize(h));
	return real_local_free(h);
}

static const struct { const char *name; void *counting; } counted[] = {
	{"malloc", count_malloc}, {"calloc", count_calloc}, {"realloc", count_realloc}, {"free", count_free},
	{"LocalAlloc", count_local_alloc}, {"LocalFree", count_local_free},
};

/* Points one module's imports of the counted functions at the counting
 * ones; returns how many it replaced. */
static int count_allocations_of(HMODULE mod)
{
	BYTE *base = (BYTE *)mod;
	IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
	IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
	IMAGE_IMPORT_DESCRIPTOR *imp;
	int replaced = 0;

	for (imp = (IMAGE_IMPORT_DESCRIPTOR *)(base + dir->VirtualAddress); dir->VirtualAddress && imp->Name; imp++) {
		IMAGE_THUNK_DATA *names = (IMAGE_THUNK_DATA *)(base + imp->OriginalFirstThunk);
		IMAGE_THUNK_DATA *slots = (IMAGE_THUNK_DATA *)(base + imp->FirstThunk);

		for (; imp->OriginalFirstThunk && names->u1.AddressOfData; names++, slots++) {
			const char *name;
			DWORD old;
			int i;

			if (IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal))
				continue;
			name = (const char *)((IMAGE_IMPORT_BY_NAME *)(base + names->u1.AddressOfData))->Name;
			for (i = 0; i < ARRAY_SIZE(counted); i++) {
				if (strcmp(name, counted[i].name))
					continue;
				VirtualProtect(&slots->u1.Function, sizeof(slots->u1.Function), PAGE_READWRITE, &old);
				slots->u1.Function = (ULONG_PTR)counted[i].counting;
				VirtualProtect(&slots->u1.Function, sizeof(slots->u1.Function), old, &old);
				replaced++;
			}
		}
	}
	return replaced;
}

/* Loads the CSPs first (cryptsp loads the same modules later), then counts
 * the allocations of all four DLLs. */
static void count_our_allocations(void)
{
	static const char *const dlls[] = {"advapi32.dll", "cryptsp.dll", "rsaenh.dll", "dssenh.dll"};
	HMODULE msvcrt = LoadLibraryA("msvcrt.dll"), kernel32 = GetModuleHandleA("kernel32.dll");
	int i;

	real_malloc = (void *)GetProcAddress(msvcrt, "malloc");
	real_calloc = (void *)GetProcAddress(msvcrt, "calloc");
	real_realloc = (void *)GetProcAddress(msvcrt, "realloc");
	real_free = (void *)GetProcAddress(msvcrt, "free");
	real_msize = (void *)GetProcAddress(msvcrt, "_msize");
	real_local_alloc = (void *)GetProcAddress(kernel32, "LocalAlloc");
	real_local_free = (void *)GetProcAddress(kernel32, "LocalFree");
	for (i = 0; i < ARRAY_SIZE(dlls); i++) {
		HMODULE mod = LoadLibraryA(dlls[i]);

		ok(mod && count_allocations_of(mod) >= 4, "cannot count the allocations of %s\n", dlls[i]);
	}
}

/* A 1024-bit pair of the shared context; returns its public half. */
static HCRYPTKEY shared_pair(DWORD spec)
{
	HCRYPTKEY pair, pub = 0;
	BYTE blob[256];
	DWORD len = sizeof(blob);

	ok(CryptGenKey(shared_prov, spec, 1024 << 16, &pair) && CryptExportKey(pair, 0, PUBLICKEYBLOB, 0, blob, &len) &&
	   CryptImportKey(shared_prov, blob, len, 0, 0, &pub), "pair %lu: %08lx\n", spec, GetLastError());
	CryptDestroyKey(pair);
	return pub;
}

static void setup_reference(void)
{
	HCRYPTHASH hash;
	DWORD len = sizeof(sha256_ref), i;

	for (i = 0; i < sizeof(message); i++)
		message[i] = (BYTE)(i * 7 + 1);
	ok(CryptCreateHash(shared_prov, CALG_SHA_256, 0, 0, &hash), "CryptCreateHash failed: %08lx\n", GetLastError());
	ok(CryptHashData(hash, message, sizeof(message), 0), "CryptHashData failed: %08lx\n", GetLastError());
	ok(CryptGetHashParam(hash, HP_HASHVAL, sha256_ref, &len, 0), "HP_HASHVAL failed: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
	ok(CryptGenKey(shared_prov, CALG_AES_256, 0, &shared_aes), "CryptGenKey failed: %08lx\n", GetLastError());
	memcpy(aes_ref, message, sizeof(message));
	aes_ref_len = sizeof(message);
	ok(CryptEncrypt(shared_aes, 0, TRUE, 0, aes_ref, &aes_ref_len, sizeof(aes_ref)),
	   "CryptEncrypt failed: %08lx\n", GetLastError());

	/* the shared pairs, their public halves, the reference signature */
	shared_sig_pub = shared_pair(AT_SIGNATURE);
	shared_kx_pub = shared_pair(AT_KEYEXCHANGE);
	len = sizeof(sig_ref);
	ok(CryptCreateHash(shared_prov, CALG_SHA_256, 0, 0, &hash) &&
	   CryptHashData(hash, message, sizeof(message), 0) &&
	   CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig_ref, &len) && len == sizeof(sig_ref),
	   "reference signature: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
}

static void run_round(DWORD ms, struct tally *tallies)
{
	HANDLE threads[SHARED_THREADS + OWN_THREADS];
	int i;

	stop = 0;
	memset(tallies, 0, sizeof(*tallies) * ARRAY_SIZE(threads));
	for (i = 0; i < ARRAY_SIZE(threads); i++)
		threads[i] = CreateThread(NULL, 0, i < SHARED_THREADS ? shared_worker : own_worker, &tallies[i], 0, NULL);
	Sleep(ms);
	stop = 1;
	WaitForMultipleObjects(ARRAY_SIZE(threads), threads, TRUE, INFINITE);
	for (i = 0; i < ARRAY_SIZE(threads); i++)
		CloseHandle(threads[i]);
}

START_TEST(stress_threads)
{
	struct tally tallies[SHARED_THREADS + OWN_THREADS];
	DWORD handles_before, handles_after, seconds = 4;
	LONG64 heap_before, heap_after;
	LONG ops = 0, wrong = 0, errors = 0;
	char env[16];
	int i;

	if (GetEnvironmentVariableA("STRESS_SECONDS", env, sizeof(env)))
		seconds = atoi(env);
	count_our_allocations();
	ok(CryptAcquireContextA(&shared_prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "CryptAcquireContext failed: %08lx\n", GetLastError());
	setup_reference();
	{
		/* the count sees a hash object of ours come and go */
		LONG64 before = ours_live, during;
		HCRYPTHASH hash;

		ok(CryptCreateHash(shared_prov, CALG_SHA_256, 0, 0, &hash), "CryptCreateHash: %08lx\n", GetLastError());
		during = ours_live;
		CryptDestroyHash(hash);
		ok(during > before && ours_live == before, "allocation count %I64d, with a hash %I64d, after %I64d\n",
		   before, during, ours_live);
	}

	/* a short warm-up round lets every lazily made structure exist before
	 * the counts are taken */
	run_round(300, tallies);
	GetProcessHandleCount(GetCurrentProcess(), &handles_before);
	heap_before = ours_live;

	run_round(seconds * 1000, tallies);
	for (i = 0; i < ARRAY_SIZE(tallies); i++) {
		ops += tallies[i].ops;
		wrong += tallies[i].wrong;
		errors += tallies[i].errors;
		if (tallies[i].errors)
			trace("thread %d: %s failed with %08lx\n", i, tallies[i].last_what, tallies[i].last_error);
	}
	GetProcessHandleCount(GetCurrentProcess(), &handles_after);
	heap_after = ours_live;

	trace("%d threads x %lus: %ld operations\n", ARRAY_SIZE(tallies), seconds, ops);
	ok(ops > 100, "only %ld operations ran\n", ops);
	ok(!wrong, "%ld wrong results\n", wrong);
	ok(!errors, "%ld unexpected errors\n", errors);
	ok(handles_after == handles_before, "handle count %lu before, %lu after\n", handles_before, handles_after);
	ok(heap_after <= heap_before + 4096, "heap bytes our DLLs hold: %I64d before, %I64d after\n", heap_before, heap_after);

	ok(CryptDestroyKey(shared_aes), "CryptDestroyKey failed: %08lx\n", GetLastError());
	ok(CryptDestroyKey(shared_sig_pub) && CryptDestroyKey(shared_kx_pub), "CryptDestroyKey failed: %08lx\n",
	   GetLastError());
	ok(CryptReleaseContext(shared_prov, 0), "CryptReleaseContext failed: %08lx\n", GetLastError());
}
