/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * handles.c - the table behind every public HCRYPTPROV, HCRYPTKEY and
 * HCRYPTHASH.  A handle is never a pointer to an object: it is an address
 * inside a reserved "face" region, whose offset encodes a slot index and a
 * generation.  Programs may read through a handle (Windows' handles are
 * pointers and crypt.c does read *(void **)hProv), so every face word of a
 * committed slot holds a harmless non-zero marker.  Validation works on the
 * number alone (range, alignment, slot generation, kind), under one lock,
 * before anything is dereferenced.  Freed slots are reused oldest first, so
 * a stale handle only matches again after its slot went round every
 * generation.
 */
#include "dispatch.h"
#include "spinrw.h"

#define FACE_WORDS 32                      /* generations a handle can tell apart */
#define SLOT_BATCH 256                     /* slots committed at a time */
#define MAX_SLOTS (sizeof(void *) == 8 ? 0x100000u : 0x20000u)
#define NO_SLOT 0xffffffffu
#define FACE_MARKER ((ULONG_PTR)0x43535048u) /* "HPSC": what a reader of a handle sees */

struct face {
	ULONG_PTR word[FACE_WORDS];
};

struct slot {
	struct object *obj;
	DWORD gen;
	DWORD next_free;
};

static struct face *faces;
static struct slot *slots;
static DWORD committed;
static DWORD free_head = NO_SLOT, free_tail = NO_SLOT;

/* The table lock (spinrw.h): lookups read, publish and revoke write. */
static spinrw table_lock;

void handles_lock(void)
{
	spinrw_write_lock(&table_lock);
}

void handles_unlock(void)
{
	spinrw_write_unlock(&table_lock);
}

/* Commit another batch of slots and queue them as free. */
static BOOL grow_locked(void)
{
	DWORD i, first = committed;

	if (!faces) {
		faces = VirtualAlloc(NULL, (SIZE_T)MAX_SLOTS * sizeof(struct face), MEM_RESERVE, PAGE_NOACCESS);
		slots = VirtualAlloc(NULL, (SIZE_T)MAX_SLOTS * sizeof(struct slot), MEM_RESERVE, PAGE_NOACCESS);
		if (!faces || !slots)
			return FALSE;
	}
	if (committed + SLOT_BATCH > MAX_SLOTS)
		return FALSE;
	if (!VirtualAlloc(faces + first, SLOT_BATCH * sizeof(struct face), MEM_COMMIT, PAGE_READWRITE) ||
	    !VirtualAlloc(slots + first, SLOT_BATCH * sizeof(struct slot), MEM_COMMIT, PAGE_READWRITE))
		return FALSE;

	for (i = first; i < first + SLOT_BATCH; i++) {
		DWORD w;

		for (w = 0; w < FACE_WORDS; w++)
			faces[i].word[w] = FACE_MARKER;
		slots[i].obj = NULL;
		slots[i].gen = 0;
		slots[i].next_free = i + 1 < first + SLOT_BATCH ? i + 1 : NO_SLOT;
	}
	if (free_tail == NO_SLOT)
		free_head = first;
	else
		slots[free_tail].next_free = first;
	free_tail = first + SLOT_BATCH - 1;
	committed += SLOT_BATCH;
	return TRUE;
}

static ULONG_PTR encode(DWORD index, DWORD gen)
{
	return (ULONG_PTR)&faces[index].word[gen % FACE_WORDS];
}

/* The slot a handle designates, or NO_SLOT when the number is not one of ours. */
static DWORD decode_locked(ULONG_PTR h)
{
	ULONG_PTR base = (ULONG_PTR)faces, off;
	DWORD index;

	if (!faces || h < base)
		return NO_SLOT;
	off = h - base;
	if (off >= (ULONG_PTR)committed * sizeof(struct face) || off % sizeof(ULONG_PTR))
		return NO_SLOT;
	index = (DWORD)(off / sizeof(struct face));
	if (!slots[index].obj || slots[index].obj->handle != h)
		return NO_SLOT;
	return index;
}

struct object *handle_lookup_locked(ULONG_PTR h, const struct handle_kind *kind)
{
	DWORD index = decode_locked(h);

	if (index == NO_SLOT || slots[index].obj->kind != kind)
		return NULL;
	return slots[index].obj;
}

BOOL handle_publish_locked(struct object *obj)
{
	DWORD index;

	if (free_head == NO_SLOT && !grow_locked())
		return fail(NTE_NO_MEMORY);
	index = free_head;
	free_head = slots[index].next_free;
	if (free_head == NO_SLOT)
		free_tail = NO_SLOT;

	slots[index].obj = obj;
	slots[index].next_free = NO_SLOT;
	obj->handle = encode(index, slots[index].gen);
	InterlockedIncrement(&obj->refs);
	return TRUE;
}

void handle_revoke_locked(struct object *obj)
{
	DWORD index = decode_locked(obj->handle);

	obj->handle = 0;
	if (index == NO_SLOT)
		return;
	slots[index].obj = NULL;
	slots[index].gen++;
	if (free_tail == NO_SLOT)
		free_head = index;
	else
		slots[free_tail].next_free = index;
	free_tail = index;
}

struct object *handle_get(ULONG_PTR h, const struct handle_kind *kind)
{
	struct object *obj;

	/* Lookups only read the table; the reference is taken atomically. */
	spinrw_read_lock(&table_lock);
	obj = handle_lookup_locked(h, kind);
	if (obj)
		InterlockedIncrement(&obj->refs);
	spinrw_read_unlock(&table_lock);
	if (!obj)
		SetLastError(ERROR_INVALID_PARAMETER);
	return obj;
}

BOOL object_put(struct object *obj)
{
	DWORD err;

	/* Only unpublished objects can reach zero, so nobody can find it again. */
	if (InterlockedDecrement(&obj->refs))
		return TRUE;
	/* A call that failed keeps its CSP's error when it also ends the object. */
	err = GetLastError();
	if (!obj->kind->finalize(obj))
		return FALSE;
	SetLastError(err);
	return TRUE;
}
