/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * objects.c - creation, lookup and destruction of the objects behind
 * rsaenh.dll's handles, and the OS random source the core is given.
 */
#include <stdlib.h>
#include "objects.h"
#include <ntsecapi.h>   /* RtlGenRandom; after windows.h, which objects.h brings */

BOOL csp_result(DWORD err)
{
	if (err == ERROR_SUCCESS)
		return TRUE;
	SetLastError(err);
	return FALSE;
}

struct prov_obj *prov_get(HCRYPTPROV prov)
{
	return (struct prov_obj *)handle_get(prov, HANDLE_PROV);
}

BOOL prov_valid(HCRYPTPROV prov)
{
	return handle_valid(prov, HANDLE_PROV);
}

/* a key or hash reached through another context counts as a bad handle */
static struct csp_object *child_get(HCRYPTPROV prov, ULONG_PTR h, enum handle_type type)
{
	struct csp_object *o = handle_get(h, type);

	if (o && o->owner != prov) {
		handle_put(o);
		return NULL;
	}
	return o;
}

struct key_obj *key_get(HCRYPTPROV prov, HCRYPTKEY key)
{
	return (struct key_obj *)child_get(prov, key, HANDLE_KEY);
}

struct hash_obj *hash_get(HCRYPTPROV prov, HCRYPTHASH hash)
{
	return (struct hash_obj *)child_get(prov, hash, HANDLE_HASH);
}

static void key_destroy(struct csp_object *o)
{
	struct key_obj *k = (struct key_obj *)o;

	csp_key_destroy(k->key);   /* wipes the key material */
	free(k);
}

static void hash_destroy(struct csp_object *o)
{
	struct hash_obj *h = (struct hash_obj *)o;

	csp_hash_destroy(h->hash);
	free(h);
}

static void prov_destroy(struct csp_object *o)
{
	struct prov_obj *p = (struct prov_obj *)o;

	csp_key_destroy(p->pairs[0]);   /* wipes the private keys */
	csp_key_destroy(p->pairs[1]);
	free(p);
}

HCRYPTKEY key_handle_new(HCRYPTPROV prov, struct csp_key *key)
{
	struct key_obj *k = calloc(1, sizeof(*k));
	HCRYPTKEY h;

	if (!k) {
		csp_key_destroy(key);
		return 0;
	}
	k->key = key;
	if (!(h = handle_create(&k->head, HANDLE_KEY, prov, key_destroy)))
		key_destroy(&k->head);
	return h;
}

HCRYPTHASH hash_handle_new(HCRYPTPROV prov, struct csp_hash *hash)
{
	struct hash_obj *o = calloc(1, sizeof(*o));
	HCRYPTHASH h;

	if (!o) {
		csp_hash_destroy(hash);
		return 0;
	}
	o->hash = hash;
	if (!(h = handle_create(&o->head, HANDLE_HASH, prov, hash_destroy)))
		hash_destroy(&o->head);
	return h;
}

HCRYPTPROV prov_handle_new(const struct csp_profile *profile, DWORD flags, const char *container,
			   struct csp_key *pairs[2])
{
	struct prov_obj *p = calloc(1, sizeof(*p));
	HCRYPTPROV h;

	if (!p) {
		if (pairs) {
			csp_key_destroy(pairs[0]);
			csp_key_destroy(pairs[1]);
		}
		return 0;
	}
	p->st.profile = profile;
	p->flags = flags;
	if (container)
		lstrcpynA(p->container, container, sizeof(p->container));
	if (pairs) {
		p->pairs[0] = pairs[0];
		p->pairs[1] = pairs[1];
	}
	if (!(h = handle_create(&p->head, HANDLE_PROV, 0, prov_destroy)))
		prov_destroy(&p->head);
	return h;
}

static DWORD os_fill(void *ctx, BYTE *buf, DWORD len)
{
	if (!len)
		return ERROR_SUCCESS;
	/* the system's RtlGenRandom (advapi32's SystemFunction036) directly:
	 * under Wine, BCryptGenRandom only passes the call on to it */
	return RtlGenRandom(buf, len) ? ERROR_SUCCESS : NTE_FAIL;
}

const struct csp_random os_random = { os_fill, NULL };
