/*
 * agree.c - an agreed secret becomes a session key (see agree.h).
 */
#include <string.h>
#include "agree.h"

DWORD csp_agreed_set_algid(struct csp_key **k, const BYTE *data)
{
	const struct csp_key *agreed = *k;
	const BYTE *secret = agreed->long_key ? agreed->long_key : agreed->key;
	DWORD have = agreed->long_key ? agreed->long_len : agreed->key_len, err;
	struct csp_key *session;
	ALG_ID alg;

	if (!data)
		return ERROR_INVALID_PARAMETER;
	memcpy(&alg, data, sizeof(alg));
	if ((err = csp_key_create(agreed->profile, alg, (agreed->permissions & CRYPT_EXPORT) ? CRYPT_EXPORTABLE : 0,
				  &session)))
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
