/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * handles.h - the handle table: HCRYPTPROV/HCRYPTKEY/HCRYPTHASH values are
 * opaque (slot index, generation, type), checked under a lock on every
 * call, and reference-counted so a handle destroyed by one thread never
 * frees an object another thread is still using.
 */
#ifndef RSAENH_HANDLES_H
#define RSAENH_HANDLES_H

#include <windows.h>

enum handle_type { HANDLE_PROV = 1, HANDLE_KEY = 2, HANDLE_HASH = 3 };

/* Common head of every object behind a handle. */
struct csp_object {
	enum handle_type type;
	LONG refs;                  /* the table's reference + callers' */
	/* Serialises operations on the object.  A critical section: its
	 * uncontended pair costs a third of an SRW lock pair under Wine
	 * (about 19 against 55 ns), on every CPEncrypt and CPHashData. */
	CRITICAL_SECTION lock;
	ULONG_PTR owner;            /* the HCRYPTPROV a key or hash belongs to */
	void (*destroy)(struct csp_object *obj);
};

/* Initialise obj's head (refs 1: the table's) and give it a handle;
 * 0 when out of memory or handles (the head is then undone: destroy the
 * object directly). */
ULONG_PTR handle_create(struct csp_object *obj, enum handle_type type, ULONG_PTR owner,
			void (*destroy)(struct csp_object *));

/* The live object behind h if it has that type, with a reference taken;
 * NULL otherwise (never dereferences anything for a bad handle). */
struct csp_object *handle_get(ULONG_PTR h, enum handle_type type);
void handle_put(struct csp_object *obj);
/* Whether h is live with that type, for a check that needs no object:
 * half the table work of handle_get and handle_put. */
BOOL handle_valid(ULONG_PTR h, enum handle_type type);

/* Invalidate h (it is never valid again) and drop the table's reference. */
BOOL handle_close(ULONG_PTR h, enum handle_type type);
/* Close every key and hash owned by prov. */
void handle_close_owned(ULONG_PTR prov);

static inline void object_lock(struct csp_object *o) { EnterCriticalSection(&o->lock); }
static inline void object_unlock(struct csp_object *o) { LeaveCriticalSection(&o->lock); }

#endif
