/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch.h - the dispatcher's internal objects: provider contexts, keys and
 * hashes behind opaque public handles, and the helpers every Crypt* export
 * shares (handle table, CSP loading, registry lookup, A/W text).
 */
#ifndef CRYPTSP_DISPATCH_H
#define CRYPTSP_DISPATCH_H

/* We define the Crypt* functions that wincrypt.h declares as imports. */
#define WINIMPM

#include <wchar.h>
#include <windows.h>
#include <wincrypt.h>
#include "cspdk.h"
#include "csp_debug.h"

/* WINEDEBUG channels (trace.c): "crypt" for the exports, "cryptsp" for
 * provider loading and the registry. */
extern struct csp_debug_channel dbg_crypt, dbg_cryptsp;

/* ---- objects and the handle table (handles.c) ---------------------------- */

struct object;

/* What a handle refers to; validation compares descriptors, so a key handle
 * passed where a hash is expected is simply "not a hash". */
struct handle_kind {
	const char *name;
	/* error for a live handle of this kind that belongs to another context */
	DWORD foreign_error;
	/* runs once the last reference is gone; returns the CSP's verdict */
	BOOL (*finalize)(struct object *obj);
};

struct provider;

struct object {
	const struct handle_kind *kind;
	LONG refs;                 /* the table's own + calls in flight + children */
	ULONG_PTR handle;          /* public value, 0 once revoked */
	ULONG_PTR csp;             /* the CSP's handle for this object */
	struct provider *owner;    /* keys and hashes: their context */
	struct object *next, *prev;/* keys and hashes: in the owner's list */
};

void handles_lock(void);
void handles_unlock(void);
/* Under the lock: the live object of that kind behind h, or NULL. */
struct object *handle_lookup_locked(ULONG_PTR h, const struct handle_kind *kind);
/* Under the lock: give obj a public handle; the table then holds one reference. */
BOOL handle_publish_locked(struct object *obj);
/* Under the lock: withdraw obj's handle; the table's reference passes to the caller. */
void handle_revoke_locked(struct object *obj);
/* Validate h and take a reference: ERROR_INVALID_PARAMETER when h is not a
 * live handle of that kind. */
struct object *handle_get(ULONG_PTR h, const struct handle_kind *kind);
/* Drop a reference; the last one finalizes.  Returns the finalizer's result
 * (TRUE when nothing was finalized). */
BOOL object_put(struct object *obj);

/* ---- provider contexts (provider.c) -------------------------------------- */

struct csp_functions {
#define CSP_FIELD(name, args) PFN_##name name;
	CSP_ENTRY_POINTS(CSP_FIELD)
#undef CSP_FIELD
};

struct provider {
	struct object obj;         /* obj.csp is the CSP's HCRYPTPROV */
	LONG users;                /* CryptContextAddRef/CryptReleaseContext count */
	struct object children;    /* list head of its keys and hashes */
	HMODULE module;
	struct csp_functions fn;
	CSP_VTABLE vtable;         /* handed to CPAcquireContext, lives as long as the context */
	char *name;                /* ANSI provider name the vtable points to */
	BOOL acquired;             /* CPAcquireContext succeeded */
};

extern const struct handle_kind provider_kind, key_kind, hash_kind;

/* Load image, resolve every CP* entry point and fill the vtable. */
struct provider *provider_load(const WCHAR *image, const WCHAR *name, DWORD type);
/* Free a provider whose context was never published (or was deleted). */
void provider_discard(struct provider *prov);
BOOL provider_add_user(ULONG_PTR h);
/* The process-wide cache of CSP images (images.c): once an image is loaded
 * and its entry points resolved it stays loaded.  images_find copies the
 * entry points of a cached image; images_add keeps module's reference
 * (FALSE: not cached, the caller keeps it). */
BOOL images_find(const WCHAR *image, struct csp_functions *fn);
BOOL images_add(const WCHAR *image, HMODULE module, const struct csp_functions *fn);
BOOL provider_release_user(ULONG_PTR h, DWORD flags);
HWND provider_client_window(void);
void provider_set_client_window(HWND wnd);

static inline struct provider *provider_of(struct object *obj)
{
	return CONTAINING_RECORD(obj, struct provider, obj);
}

/* Validate a context handle and hold it for the length of a call. */
static inline struct provider *provider_get(HCRYPTPROV h)
{
	struct object *obj = handle_get(h, &provider_kind);

	return obj ? provider_of(obj) : NULL;
}

/* ---- keys and hashes as children of a context (objects.c) ---------------- */

/* Wrap a CSP handle just created in owner and publish it: on failure the CSP
 * object is destroyed again and the error set. */
BOOL child_publish(struct provider *owner, const struct handle_kind *kind, ULONG_PTR csp, ULONG_PTR *out);
/* Withdraw a key or hash handle and destroy it in its CSP. */
BOOL child_destroy(ULONG_PTR h, const struct handle_kind *kind);
/* Validate an optional secondary handle (0 allowed when optional) that must
 * belong to owner; on success *csp is the CSP's handle and *ref the
 * reference to drop with object_put (NULL when h was 0). */
BOOL child_translate(ULONG_PTR h, const struct handle_kind *kind, struct provider *owner, BOOL optional,
		     ULONG_PTR *csp, struct object **ref);

/* ---- the provider registry (registry.c) ---------------------------------- */

#define MAX_PROV_TYPE 999

/* The user's or the machine's default provider for a type. */
BOOL registry_read_default(DWORD type, BOOL user, WCHAR **name);
/* The provider a NULL name means: the user's default, else the machine's;
 * errors as CryptAcquireContext reports them. */
BOOL registry_default_provider(DWORD type, WCHAR **name);
/* "Type" of the named provider. */
BOOL registry_provider_type(const WCHAR *name, DWORD *type);
/* "Image Path" (expanded) of the named provider, whose "Type" must be type. */
BOOL registry_provider_image(const WCHAR *name, DWORD type, WCHAR **image);
/* The same, remembered until the provider registry changes (registry_cache.c). */
BOOL registry_cached_image(const WCHAR *name, DWORD type, WCHAR **image);
/* Read a REG_SZ value as a fresh string; returns the registry error. */
LONG registry_read_string(HKEY key, const WCHAR *value, WCHAR **out);
/* Key paths of the per-type defaults. */
void registry_type_key(DWORD type, BOOL user, WCHAR *buf, size_t len);

extern const WCHAR registry_providers_path[];
extern const WCHAR registry_types_path[];

/* ---- text (text.c) ------------------------------------------------------- */

/* Duplicate into a LocalAlloc'd string; NULL in gives NULL out. */
BOOL text_to_wide(const char *s, WCHAR **out);
BOOL text_to_ansi(const WCHAR *s, char **out);
/* Hand a string back through a caller buffer sized in bytes: NULL buffer asks
 * for the size, a short one gets ERROR_MORE_DATA, both with the size needed. */
BOOL text_return_wide(const WCHAR *s, WCHAR *buf, DWORD *len);
BOOL text_return_ansi(const WCHAR *s, char *buf, DWORD *len);

static inline BOOL fail(DWORD error)
{
	SetLastError(error);
	return FALSE;
}

#endif
