/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * provider.c - a provider context: the CSP image loaded for it, its CP*
 * entry points, the VTableProvStruc handed to CPAcquireContext, and its two
 * reference counts.  "users" is what CryptContextAddRef/CryptReleaseContext
 * count; when it reaches zero the public handle and those of the context's
 * keys and hashes are withdrawn.  The object itself lives on while calls
 * are in flight or children still hold it, and its finalizer releases the
 * CSP context.  A CSP image, once loaded and found complete, stays loaded
 * for the life of the process with its entry points remembered (images.c):
 * a program that makes a fresh context for each task pays for loading the
 * DLL once, not every time.
 */
#include <stddef.h>
#include "dispatch.h"

static BOOL provider_finalize(struct object *obj);

const struct handle_kind provider_kind = { "provider", NTE_BAD_UID, provider_finalize };

/* Where each CP* entry point goes in struct csp_functions. */
static const struct entry_point {
	const char *name;
	size_t offset;
} entry_points[] = {
#define CSP_ENTRY(name, args) { #name, offsetof(struct csp_functions, name) },
	CSP_ENTRY_POINTS(CSP_ENTRY)
#undef CSP_ENTRY
};

static HWND client_window;

HWND provider_client_window(void)
{
	return (HWND)InterlockedCompareExchangePointer((void **)&client_window, NULL, NULL);
}

void provider_set_client_window(HWND wnd)
{
	InterlockedExchangePointer((void **)&client_window, wnd);
}

/* The vtable callbacks.  We sign nothing, so there is no image to check. */
static BOOL WINAPI verify_image(LPCSTR image, BYTE *sig)
{
	return TRUE;
}

static void WINAPI return_window(HWND *wnd)
{
	if (wnd)
		*wnd = provider_client_window();
}

/* A bare file name means the system's CSP, not one that happens to sit
 * beside the application; a path is taken as registered. */
static HMODULE load_image(const WCHAR *image)
{
	HMODULE module;

	if (!wcspbrk(image, L"\\/:")) {
		if ((module = LoadLibraryExW(image, NULL, LOAD_LIBRARY_SEARCH_SYSTEM32)))
			return module;
		/* Systems without the flag refuse it; search the usual way then. */
		if (GetLastError() != ERROR_INVALID_PARAMETER)
			return NULL;
	}
	return LoadLibraryW(image);
}

static struct provider *provider_finish(struct provider *prov, const WCHAR *name, DWORD type);

void provider_discard(struct provider *prov)
{
	if (prov->module)
		FreeLibrary(prov->module);
	LocalFree(prov->name);
	LocalFree(prov);
}

struct provider *provider_load(const WCHAR *image, const WCHAR *name, DWORD type)
{
	struct provider *prov;
	csp_dbgbuf a, b;
	size_t i;

	if (!(prov = LocalAlloc(LMEM_ZEROINIT, sizeof(*prov)))) {
		SetLastError(NTE_NO_MEMORY);
		return NULL;
	}
	prov->obj.kind = &provider_kind;
	prov->children.next = prov->children.prev = &prov->children;

	/* an image loaded before: the cache holds it, prov->module stays NULL */
	if (images_find(image, &prov->fn)) {
		CSP_TRACE(dbg_cryptsp, "%s for %s (type %lu): image already loaded", csp_dbg_wstr(&a, image),
			  csp_dbg_wstr(&b, name), type);
		return provider_finish(prov, name, type);
	}
	if (!(prov->module = load_image(image))) {
		DWORD err = GetLastError();

		CSP_WARN(dbg_cryptsp, "cannot load %s for %s: error %lu", csp_dbg_wstr(&a, image), csp_dbg_wstr(&b, name),
			 err);
		provider_discard(prov);
		SetLastError(err == ERROR_FILE_NOT_FOUND || err == ERROR_MOD_NOT_FOUND || err == ERROR_PATH_NOT_FOUND
			     ? NTE_PROV_DLL_NOT_FOUND : NTE_PROVIDER_DLL_FAIL);
		return NULL;
	}
	for (i = 0; i < ARRAYSIZE(entry_points); i++) {
		FARPROC fn = GetProcAddress(prov->module, entry_points[i].name);

		if (!fn) {
			CSP_ERR(dbg_cryptsp, "%s has no %s: not a CSP", csp_dbg_wstr(&a, image), entry_points[i].name);
			provider_discard(prov);
			SetLastError(NTE_PROVIDER_DLL_FAIL);
			return NULL;
		}
		*(FARPROC *)((char *)&prov->fn + entry_points[i].offset) = fn;
	}
	CSP_TRACE(dbg_cryptsp, "%s for %s (type %lu): loaded at %p", csp_dbg_wstr(&a, image), csp_dbg_wstr(&b, name),
		  type, prov->module);
	/* the cache takes over the loader's reference */
	if (images_add(image, prov->module, &prov->fn))
		prov->module = NULL;
	return provider_finish(prov, name, type);
}

static struct provider *provider_finish(struct provider *prov, const WCHAR *name, DWORD type)
{
	if (!text_to_ansi(name, &prov->name)) {
		provider_discard(prov);
		return NULL;
	}
	prov->vtable.Version = CSP_VTABLE_VERSION;
	prov->vtable.FuncVerifyImage = (FARPROC)(void *)verify_image;
	prov->vtable.FuncReturnhWnd = (FARPROC)(void *)return_window;
	prov->vtable.dwProvType = type;
	prov->vtable.pbContextInfo = NULL;
	prov->vtable.cbContextInfo = 0;
	prov->vtable.pszProvName = prov->name;
	return prov;
}

static BOOL provider_finalize(struct object *obj)
{
	struct provider *prov = provider_of(obj);
	BOOL ok = TRUE;
	DWORD err = 0;

	if (prov->acquired) {
		ok = prov->fn.CPReleaseContext(prov->obj.csp, 0);
		err = GetLastError();
	}
	provider_discard(prov);
	if (!ok)
		SetLastError(err);
	return ok;
}

BOOL provider_add_user(ULONG_PTR h)
{
	struct object *obj;

	handles_lock();
	if ((obj = handle_lookup_locked(h, &provider_kind)))
		provider_of(obj)->users++;
	handles_unlock();
	return obj ? TRUE : fail(ERROR_INVALID_PARAMETER);
}

BOOL provider_release_user(ULONG_PTR h, DWORD flags)
{
	struct object *obj, *orphans = NULL, *child;
	struct provider *prov;
	BOOL ok = TRUE;

	handles_lock();
	if (!(obj = handle_lookup_locked(h, &provider_kind))) {
		handles_unlock();
		return fail(ERROR_INVALID_PARAMETER);
	}
	prov = provider_of(obj);
	if (--prov->users) {
		handles_unlock();
		return flags ? fail(NTE_BAD_FLAGS) : TRUE;
	}
	/* Last user: the context and everything made in it stop being valid
	 * now; their table references come to us (chained through next). */
	handle_revoke_locked(obj);
	while ((child = prov->children.next) != &prov->children) {
		child->next->prev = child->prev;
		child->prev->next = child->next;
		handle_revoke_locked(child);
		child->next = orphans;
		orphans = child;
	}
	handles_unlock();

	while ((child = orphans)) {
		orphans = child->next;
		child->next = child->prev = NULL;
		object_put(child);
	}
	ok = object_put(obj);
	if (ok && flags)
		return fail(NTE_BAD_FLAGS);
	return ok;
}
