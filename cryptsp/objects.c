/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * objects.c - keys and hashes as children of a provider context: wrapping a
 * CSP handle into a public one, withdrawing it, translating a secondary
 * handle argument into the CSP's own handle, and destroying the CSP object
 * when the last reference goes.  A child holds a reference on its context,
 * so the CSP context outlives every key and hash made in it.
 */
#include "dispatch.h"

static BOOL key_finalize(struct object *obj);
static BOOL hash_finalize(struct object *obj);

const struct handle_kind key_kind = { "key", NTE_BAD_KEY, key_finalize };
const struct handle_kind hash_kind = { "hash", NTE_BAD_HASH, hash_finalize };

static BOOL child_finalize(struct object *obj, PFN_CPDestroyKey destroy)
{
	struct provider *owner = obj->owner;
	BOOL ok = destroy(owner->obj.csp, obj->csp);
	DWORD err = GetLastError();

	LocalFree(obj);
	object_put(&owner->obj);
	if (!ok)
		SetLastError(err);
	return ok;
}

static BOOL key_finalize(struct object *obj)
{
	return child_finalize(obj, obj->owner->fn.CPDestroyKey);
}

static BOOL hash_finalize(struct object *obj)
{
	/* CPDestroyKey and CPDestroyHash have the same shape. */
	return child_finalize(obj, (PFN_CPDestroyKey)obj->owner->fn.CPDestroyHash);
}

BOOL child_publish(struct provider *owner, const struct handle_kind *kind, ULONG_PTR csp, ULONG_PTR *out)
{
	struct object *obj = LocalAlloc(LMEM_ZEROINIT, sizeof(*obj));
	DWORD err = ERROR_INVALID_PARAMETER;

	if (!obj)
		err = NTE_NO_MEMORY;
	else {
		obj->kind = kind;
		obj->csp = csp;
		obj->owner = owner;
		handles_lock();
		/* The context may have been released while the CSP worked. */
		if (owner->obj.handle && handle_publish_locked(obj)) {
			InterlockedIncrement(&owner->obj.refs);
			obj->next = owner->children.next;
			obj->prev = &owner->children;
			obj->next->prev = obj;
			owner->children.next = obj;
			handles_unlock();
			*out = obj->handle;
			return TRUE;
		}
		if (owner->obj.handle)
			err = GetLastError();
		handles_unlock();
		LocalFree(obj);
	}
	if (kind == &key_kind)
		owner->fn.CPDestroyKey(owner->obj.csp, csp);
	else
		owner->fn.CPDestroyHash(owner->obj.csp, csp);
	return fail(err);
}

BOOL child_destroy(ULONG_PTR h, const struct handle_kind *kind)
{
	struct object *obj;

	handles_lock();
	if (!(obj = handle_lookup_locked(h, kind))) {
		handles_unlock();
		return fail(ERROR_INVALID_PARAMETER);
	}
	handle_revoke_locked(obj);
	obj->next->prev = obj->prev;
	obj->prev->next = obj->next;
	obj->next = obj->prev = NULL;
	handles_unlock();
	return object_put(obj);
}

BOOL child_translate(ULONG_PTR h, const struct handle_kind *kind, struct provider *owner, BOOL optional,
		     ULONG_PTR *csp, struct object **ref)
{
	struct object *obj;

	*csp = 0;
	*ref = NULL;
	if (!h && optional)
		return TRUE;
	if (!(obj = handle_get(h, kind)))
		return FALSE;
	if (obj->owner != owner) {
		object_put(obj);
		return fail(kind->foreign_error);
	}
	*csp = obj->csp;
	*ref = obj;
	return TRUE;
}
