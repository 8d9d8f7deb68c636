/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * handles.c - the handle table.  A handle is (generation << 20 | slot << 2 |
 * type); a freed slot bumps its generation, so stale handles stay invalid
 * when the slot is reused.
 */
#include <stdlib.h>
#include "handles.h"
#include "spinrw.h"

#define TYPE_BITS 2
#define SLOT_BITS 18
#define GEN_BITS 12
#define MAX_SLOTS (1u << SLOT_BITS)

struct slot {
	struct csp_object *obj;     /* NULL when free */
	DWORD gen;
};

static spinrw table_lock;          /* spinrw.h: lookups read, the rest write */
static struct slot *slots;
static DWORD n_slots;

static ULONG_PTR make_handle(DWORD index, DWORD gen, enum handle_type type)
{
	return ((ULONG_PTR)(gen & ((1u << GEN_BITS) - 1)) << (SLOT_BITS + TYPE_BITS)) |
	       ((ULONG_PTR)index << TYPE_BITS) | (ULONG_PTR)type;
}

/* slot index of h if h is live and of the type; table lock held */
static struct slot *find_slot(ULONG_PTR h, enum handle_type type)
{
	DWORD index = (DWORD)(h >> TYPE_BITS) & (MAX_SLOTS - 1);
	struct slot *s;

	if ((ULONGLONG)h >> (SLOT_BITS + TYPE_BITS + GEN_BITS))   /* the bits fill a 32-bit handle */
		return NULL;
	if ((h & ((1u << TYPE_BITS) - 1)) != (ULONG_PTR)type || index >= n_slots)
		return NULL;
	s = &slots[index];
	if (!s->obj || s->obj->type != type || make_handle(index, s->gen, type) != h)
		return NULL;
	return s;
}

ULONG_PTR handle_create(struct csp_object *obj, enum handle_type type, ULONG_PTR owner,
			void (*destroy)(struct csp_object *))
{
	ULONG_PTR h = 0;
	DWORD i;

	obj->type = type;
	obj->refs = 1;
	obj->owner = owner;
	obj->destroy = destroy;
	/* with debug info: without it, Wine's DeleteCriticalSection closes a
	 * semaphore it never made, a wineserver round trip per object */
	InitializeCriticalSection(&obj->lock);

	spinrw_write_lock(&table_lock);
	for (i = 0; i < n_slots && slots[i].obj; i++)
		;
	if (i == n_slots && n_slots < MAX_SLOTS) {
		DWORD grow = n_slots ? n_slots * 2 : 64;
		struct slot *s;

		if (grow > MAX_SLOTS)
			grow = MAX_SLOTS;
		if ((s = realloc(slots, grow * sizeof(*s)))) {
			ZeroMemory(s + n_slots, (grow - n_slots) * sizeof(*s));
			slots = s;
			n_slots = grow;
		}
	}
	if (i < n_slots) {
		slots[i].gen = (slots[i].gen + 1) & ((1u << GEN_BITS) - 1);
		slots[i].obj = obj;
		h = make_handle(i, slots[i].gen, type);
	}
	spinrw_write_unlock(&table_lock);
	if (!h)
		DeleteCriticalSection(&obj->lock);
	return h;
}

struct csp_object *handle_get(ULONG_PTR h, enum handle_type type)
{
	struct csp_object *obj = NULL;
	struct slot *s;

	spinrw_read_lock(&table_lock);
	if ((s = find_slot(h, type))) {
		obj = s->obj;
		InterlockedIncrement(&obj->refs);
	}
	spinrw_read_unlock(&table_lock);
	return obj;
}

BOOL handle_valid(ULONG_PTR h, enum handle_type type)
{
	BOOL live;

	spinrw_read_lock(&table_lock);
	live = find_slot(h, type) != NULL;
	spinrw_read_unlock(&table_lock);
	return live;
}

void handle_put(struct csp_object *obj)
{
	if (obj && !InterlockedDecrement(&obj->refs)) {
		DeleteCriticalSection(&obj->lock);
		obj->destroy(obj);
	}
}

BOOL handle_close(ULONG_PTR h, enum handle_type type)
{
	struct csp_object *obj = NULL;
	struct slot *s;

	spinrw_write_lock(&table_lock);
	if ((s = find_slot(h, type))) {
		obj = s->obj;
		s->obj = NULL;
	}
	spinrw_write_unlock(&table_lock);
	handle_put(obj);
	return obj != NULL;
}

void handle_close_owned(ULONG_PTR prov)
{
	struct csp_object *batch[32];
	DWORD i = 0, n, k;

	/* a batch at a time under the lock; destroyed outside it */
	do {
		n = 0;
		spinrw_write_lock(&table_lock);
		for (; i < n_slots && n < ARRAYSIZE(batch); i++) {
			struct csp_object *obj = slots[i].obj;

			if (obj && obj->type != HANDLE_PROV && obj->owner == prov) {
				batch[n++] = obj;
				slots[i].obj = NULL;
			}
		}
		spinrw_write_unlock(&table_lock);
		for (k = 0; k < n; k++)
			handle_put(batch[k]);
	} while (n);
}
