/*
 * provider.c - the provider-context exports: CPAcquireContext,
 * CPReleaseContext, CPGetProvParam, CPSetProvParam, CPGenRandom,
 * CPGetUserKey.  Only CRYPT_VERIFYCONTEXT contexts exist so far: named key
 * containers (and so user keys) come with container storage.
 */
#include "objects.h"

#define ACQUIRE_FLAGS (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET | \
		       CRYPT_MACHINE_KEYSET | CRYPT_SILENT)
#ifndef PP_CLIENT_HWND
#define PP_CLIENT_HWND 1
#endif

BOOL WINAPI CPAcquireContext(HCRYPTPROV *prov, LPCSTR container, DWORD flags, CSP_VTABLE *vtable)
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
	if (!(profile = csp_profile_lookup(name, type, &err)))
		return csp_result(err);

	switch (flags & (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET)) {
	case CRYPT_VERIFYCONTEXT:
	case CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET:
		if (container && *container)
			return csp_result(NTE_BAD_FLAGS);
		break;
	case 0:
	case CRYPT_DELETEKEYSET:
		/* no container storage yet: no container exists to open or delete */
		return csp_result(NTE_BAD_KEYSET);
	case CRYPT_NEWKEYSET:
		/* creating persistent containers is not implemented yet */
		return csp_result(ERROR_CALL_NOT_IMPLEMENTED);
	default:
		return csp_result(NTE_BAD_FLAGS);
	}
	if (!(h = prov_handle_new(profile, flags)))
		return csp_result(NTE_NO_MEMORY);
	*prov = h;
	return TRUE;
}

BOOL WINAPI CPReleaseContext(HCRYPTPROV prov, DWORD flags)
{
	if (!handle_close(prov, HANDLE_PROV))
		return csp_result(NTE_BAD_UID);
	/* its keys and hashes go with it (their destructors wipe them) */
	handle_close_owned(prov);
	/* Windows releases the context even when it then reports bad flags */
	return csp_result(flags ? NTE_BAD_FLAGS : ERROR_SUCCESS);
}

BOOL WINAPI CPGetProvParam(HCRYPTPROV prov, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	struct prov_obj *p;
	DWORD err;

	if (!len)
		return csp_result(ERROR_INVALID_PARAMETER);
	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	object_lock(&p->head);
	if (param == PP_KEYSET_SEC_DESCR)
		err = NTE_BAD_KEYSET;    /* a verify context has no keyset to describe */
	else
		err = csp_prov_get_param(&p->st, param, data, len, flags);
	object_unlock(&p->head);
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI CPSetProvParam(HCRYPTPROV prov, DWORD param, const BYTE *data, DWORD flags)
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
		err = NTE_BAD_KEYSET;
		break;
	default:
		err = NTE_BAD_TYPE;
	}
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI CPGenRandom(HCRYPTPROV prov, DWORD len, BYTE *buf)
{
	struct prov_obj *p;
	DWORD err;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	err = (len && !buf) ? ERROR_INVALID_PARAMETER : os_random.fill(os_random.ctx, buf, len);
	handle_put(&p->head);
	return csp_result(err);
}

BOOL WINAPI CPGetUserKey(HCRYPTPROV prov, DWORD keyspec, HCRYPTKEY *key)
{
	struct prov_obj *p;

	if (!(p = prov_get(prov)))
		return csp_result(NTE_BAD_UID);
	handle_put(&p->head);
	/* a verify context holds no key pairs */
	return csp_result(NTE_NO_KEY);
}
