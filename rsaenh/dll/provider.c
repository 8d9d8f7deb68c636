/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * provider.c - the provider-context exports: CPAcquireContext,
 * CPReleaseContext, CPGetProvParam, CPSetProvParam, CPGenRandom,
 * CPGetUserKey: verify contexts and named key containers (container.h),
 * whose key pairs the context holds.
 */
#include <string.h>
#include "objects.h"
#include "container.h"
#include "identity.h"
#include "../core/params.h"
#include "../core/pair.h"

#define ACQUIRE_FLAGS (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET | \
		       CRYPT_MACHINE_KEYSET | CRYPT_SILENT)
#ifndef PP_CLIENT_HWND
#define PP_CLIENT_HWND 1
#endif

/* A named context: open, create or delete the container. */
static DWORD acquire_container(const struct csp_profile *profile, const char *given, DWORD flags,
			       HCRYPTPROV *prov)
{
	struct csp_key *pairs[2] = { NULL, NULL };
	char name[CONTAINER_NAME_MAX];
	DWORD err;

	if ((err = container_resolve_name(given, name)))
		return err;
	/* an existing container may be named by its PP_UNIQUE_CONTAINER name */
	if (!(flags & CRYPT_NEWKEYSET) && given)
		container_find_unique(given, flags, name);
	if (flags & CRYPT_DELETEKEYSET)
		return container_delete(name, flags);   /* no context remains */
	if (flags & CRYPT_NEWKEYSET)
		err = container_create(name, flags);
	else
		err = container_open(name, flags, pairs);
	if (err)
		return err;
	if (!(*prov = prov_handle_new(profile, flags, name, pairs)))
		return NTE_NO_MEMORY;
	return ERROR_SUCCESS;
}

BOOL WINAPI impl_CPAcquireContext(HCRYPTPROV *prov, LPCSTR container, DWORD flags, CSP_VTABLE *vtable)
{
	const struct csp_profile *profile;
	const char *name = NULL;
	DWORD type = PROV_RSA_FULL, err = ERROR_SUCCESS;
	HCRYPTPROV h;

	if (!prov || !vtable)
		return csp_result(ERROR_INVALID_PARAMETER);
	if (flags & ~ACQUIRE_FLAGS)
		return csp_result(NTE_BAD_FLAGS);
	/* a version 3 table says which of our providers is meant */
	if (vtable->Version >= CSP_VTABLE_VERSION) {
		name = vtable->pszProvName;
		type = vtable->dwProvType;
	}
	if (!(profile = csp_profile_lookup_in(csp_identity.image, name, type, &err)))
		return csp_result(err);

	switch (flags & (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET)) {
	case CRYPT_VERIFYCONTEXT:
	case CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET:
		/* an ephemeral context: no container, so naming one is an error */
		if (container && *container)
			return csp_result(NTE_BAD_FLAGS);
		if (!(h = prov_handle_new(profile, flags, NULL, NULL)))
			return csp_result(NTE_NO_MEMORY);
		*prov = h;
		return TRUE;
	case 0:
	case CRYPT_NEWKEYSET:
	case CRYPT_DELETEKEYSET:
		if ((err = acquire_container(profile, container, flags, prov)))
			return csp_result(err);
		/* the registry and DPAPI calls behind a container leave their own
		 * codes (a size probe's ERROR_INSUFFICIENT_BUFFER); success says
		 * ERROR_SUCCESS, one of the codes Windows' rsaenh leaves */
		SetLastError(ERROR_SUCCESS);
		return TRUE;
	default:
		return csp_result(NTE_BAD_FLAGS);
	}
}

BOOL WINAPI impl_CPReleaseContext(HCRYPTPROV prov, DWORD flags)
{
	if (!handle_close(prov, HANDLE_PROV))
		return csp_result(NTE_BAD_UID);
	/* its keys and hashes go with it (their destructors wipe them) */
	handle_close_owned(prov);
	/* Windows releases the context even when it then reports bad flags */
	return csp_result(flags ? NTE_BAD_FLAGS : ERROR_SUCCESS);
}

static BOOL is_verify(const struct prov_obj *p)
{
	return (p->flags & CRYPT_VERIFYCONTEXT) != 0;
}

static DWORD pp_enum_containers(struct prov_obj *p, BYTE *data, DWORD *len, DWORD flags)
{
	DWORD index = (flags & CRYPT_FIRST) ? 0 : p->enum_containers, err;

	if (flags & CRYPT_FIRST)
		p->enum_containers = 0;
	if (!data) {
		*len = MAX_PATH + 1;      /* the longest name, as Windows answers */
		return ERROR_SUCCESS;
	}
	/* a name that fits leaves *len as it was, as on Windows */
	err = container_enum(p->flags | (flags & CRYPT_MACHINE_KEYSET), index, (char *)data, *len);
	if (err == ERROR_MORE_DATA)
		*len = MAX_PATH + 1;
	else if (!err)
		p->enum_containers = index + 1;
	return err;
}

/* The parameters that concern the key container rather than the profile;
 * NTE_BAD_TYPE hands over to the profile's. */
static DWORD container_param(struct prov_obj *p, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	char unique[CONTAINER_NAME_MAX + 80];
	DWORD v, err;

	switch (param) {
	case PP_CONTAINER:
		return csp_copy_out(data, len, p->container, (DWORD)strlen(p->container) + 1);
	case PP_UNIQUE_CONTAINER:
		if (is_verify(p))
			return csp_copy_out(data, len, p->container, (DWORD)strlen(p->container) + 1);
		if ((err = container_unique_name(p->container, unique, sizeof(unique))))
			return err;
		return csp_copy_out(data, len, unique, (DWORD)strlen(unique) + 1);
	case PP_KEYSET_TYPE:
		v = p->flags & CRYPT_MACHINE_KEYSET;
		return csp_copy_out(data, len, &v, sizeof(v));
	case PP_ENUMCONTAINERS:
		return pp_enum_containers(p, data, len, flags);
	}
	return NTE_BAD_TYPE;
}

BOOL WINAPI impl_CPGetProvParam(HCRYPTPROV prov, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	struct prov_obj *p;
	DWORD err;

	if (!len)
		return csp_result(ERROR_INVALID_PARAMETER);
	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	object_lock(&p->head);
	if (param == PP_KEYSET_SEC_DESCR) {
		err = is_verify(p) ? (DWORD)NTE_BAD_KEYSET
			: container_get_security(p->container, p->flags, flags, data, len);
		if (err == ERROR_INSUFFICIENT_BUFFER) {
			/* Windows answers a size query here with TRUE and this code */
			object_unlock(&p->head);
			handle_put(&p->head);
			SetLastError(ERROR_INSUFFICIENT_BUFFER);
			return TRUE;
		}
	} else if ((err = container_param(p, param, data, len, flags)) == (DWORD)NTE_BAD_TYPE)
		err = csp_prov_get_param(&p->st, param, data, len, flags);
	object_unlock(&p->head);
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPSetProvParam(HCRYPTPROV prov, DWORD param, const BYTE *data, DWORD flags)
{
	struct prov_obj *p;
	DWORD err;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	switch (param) {
	case PP_CLIENT_HWND:
		err = ERROR_SUCCESS;     /* this provider never shows UI: nothing to keep */
		break;
	case PP_KEYSET_SEC_DESCR:
		if (is_verify(p))
			err = NTE_BAD_KEYSET;
		else if (!data)
			err = ERROR_INVALID_PARAMETER;
		else
			err = container_set_security(p->container, p->flags, flags, data);
		break;
	default:
		err = NTE_BAD_TYPE;
	}
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI impl_CPGenRandom(HCRYPTPROV prov, DWORD len, BYTE *buf)
{
	struct prov_obj *p;
	DWORD err;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	err = (len && !buf) ? ERROR_INVALID_PARAMETER : os_random.fill(os_random.ctx, buf, len);
	handle_put(&p->head);
	return csp_result(err);
}

DWORD prov_install_pair(struct prov_obj *p, const struct csp_key *k)
{
	DWORD slot = csp_pair_is_signature(k->alg) ? PAIR_SIG : PAIR_KEYX, err;
	struct csp_key *copy;

	if ((err = csp_key_duplicate(k, &copy)))
		return err;
	object_lock(&p->head);
	/* stored first: the context never holds a pair its container lacks */
	if (!is_verify(p) && (err = container_store_pair(p->container, p->flags, slot, copy))) {
		object_unlock(&p->head);
		csp_key_destroy(copy);
		return err;
	}
	csp_key_destroy(p->pairs[slot]);
	p->pairs[slot] = copy;
	object_unlock(&p->head);
	return ERROR_SUCCESS;
}

DWORD prov_pair_slot(DWORD keyspec)
{
	return keyspec == AT_KEYEXCHANGE ? PAIR_KEYX : keyspec == AT_SIGNATURE ? PAIR_SIG : 2;
}

BOOL WINAPI impl_CPGetUserKey(HCRYPTPROV prov, DWORD keyspec, HCRYPTKEY *key)
{
	struct csp_key *copy = NULL;
	struct prov_obj *p;
	DWORD slot = prov_pair_slot(keyspec), err = NTE_NO_KEY;
	HCRYPTKEY h;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	if (!key)
		err = ERROR_INVALID_PARAMETER;
	else if (slot < 2) {
		/* each handle gets its own copy: its parameters are its own */
		object_lock(&p->head);
		if (p->pairs[slot])
			err = csp_key_duplicate(p->pairs[slot], &copy);
		object_unlock(&p->head);
	}
	handle_put(&p->head);
	if (!copy)
		return csp_result(err);
	if (!(h = key_handle_new(prov, copy)))
		return csp_result(NTE_NO_MEMORY);
	*key = h;
	return TRUE;
}
