/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * agree.c - an agreed secret becomes a session key (see agree.h).
 */
#include <string.h>
#include "agree.h"

#define KP_ALGID_FLAGS (CRYPT_EXPORTABLE | CRYPT_CREATE_SALT | CRYPT_NO_SALT)

DWORD csp_agreed_set_algid(struct csp_key **k, const BYTE *data, DWORD flags)
{
	const struct csp_key *agreed = *k;
	const BYTE *secret = agreed->long_key ? agreed->long_key : agreed->key;
	DWORD have = agreed->long_key ? agreed->long_len : agreed->key_len, err;
	struct csp_key *session;
	ALG_ID alg;

	if (!data)
		return ERROR_INVALID_PARAMETER;
	if (LOWORD(flags) & ~KP_ALGID_FLAGS)
		return NTE_BAD_FLAGS;
	memcpy(&alg, data, sizeof(alg));
	if (agreed->permissions & CRYPT_EXPORT)
		flags |= CRYPT_EXPORTABLE;
	if ((err = csp_key_create(agreed->profile, alg, flags, &session)))
		return err;
	if (session->key_len + session->salt_len > have) {
		csp_key_destroy(session);
		return NTE_BAD_DATA;
	}
	csp_key_load(session, secret, session->key_len + session->salt_len);
	csp_key_destroy(*k);
	*k = session;
	return ERROR_SUCCESS;
}
