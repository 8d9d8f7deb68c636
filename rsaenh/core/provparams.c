/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * provparams.c - PP_* answers read from the provider profile.
 */
#include <string.h>
#include "provparams.h"
#include "params.h"

#define PROVIDER_VERSION 0x00000200   /* 2.0, as Microsoft's providers report */

typedef DWORD (*pp_getter)(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags);

static DWORD pp_dword(BYTE *data, DWORD *len, DWORD v)
{
	return csp_copy_out(data, len, &v, sizeof(v));
}

static DWORD pp_name(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	const char *n = st->profile->name;

	return csp_copy_out(data, len, n, (DWORD)strlen(n) + 1);
}

static DWORD pp_version(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, PROVIDER_VERSION);
}

static DWORD pp_provtype(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, st->profile->type);
}

static DWORD pp_imptype(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, CRYPT_IMPL_SOFTWARE);
}

/* Enumeration: CRYPT_FIRST restarts; only a call that really receives the
 * row moves the cursor on, so a size query can precede each read. */
static DWORD enum_next(struct csp_prov_state *st, DWORD flags, PROV_ENUMALGS_EX *row,
		       DWORD *next_cursor)
{
	DWORD cursor = (flags & CRYPT_FIRST) ? 0 : st->enum_cursor;
	DWORD err = csp_profile_enum(st->profile, &cursor, row);

	*next_cursor = cursor;
	return err;
}

static DWORD pp_enumalgs_ex(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	PROV_ENUMALGS_EX row;
	DWORD next, err;

	if ((err = enum_next(st, flags, &row, &next)))
		return err;
	err = csp_copy_out(data, len, &row, sizeof(row));
	if (!err && data)
		st->enum_cursor = next;
	return err;
}

static DWORD pp_enumalgs(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	PROV_ENUMALGS_EX row;
	PROV_ENUMALGS small;
	DWORD next, err;

	if ((err = enum_next(st, flags, &row, &next)))
		return err;
	memset(&small, 0, sizeof(small));
	small.aiAlgid = row.aiAlgid;
	small.dwBitLen = row.dwDefaultLen;
	small.dwNameLen = row.dwNameLen;
	memcpy(small.szName, row.szName, sizeof(small.szName));
	err = csp_copy_out(data, len, &small, sizeof(small));
	if (!err && data)
		st->enum_cursor = next;
	return err;
}

/* every context can hold both kinds of key pair */
static DWORD pp_keyspec(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, AT_KEYEXCHANGE | AT_SIGNATURE);
}

/* key containers accept security descriptors (PP_KEYSET_SEC_DESCR) */
static DWORD pp_keystorage(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, CRYPT_SEC_DESCR);
}

/* key pair lengths go in steps of 8 bits */
static DWORD pp_keysize_inc(struct csp_prov_state *st, BYTE *data, DWORD *len, DWORD flags)
{
	return pp_dword(data, len, 8);
}

static const struct {
	DWORD param;
	pp_getter get;
} prov_params[] = {
	{ PP_KEYSPEC, pp_keyspec },
	{ PP_KEYSTORAGE, pp_keystorage },
	{ PP_SIG_KEYSIZE_INC, pp_keysize_inc },
	{ PP_KEYX_KEYSIZE_INC, pp_keysize_inc },
	{ PP_ENUMALGS, pp_enumalgs },
	{ PP_ENUMALGS_EX, pp_enumalgs_ex },
	{ PP_NAME, pp_name },
	{ PP_VERSION, pp_version },
	{ PP_PROVTYPE, pp_provtype },
	{ PP_IMPTYPE, pp_imptype },
};

DWORD csp_prov_get_param(struct csp_prov_state *st, DWORD param, BYTE *data, DWORD *len,
			 DWORD flags)
{
	size_t i;

	for (i = 0; i < sizeof(prov_params) / sizeof(prov_params[0]); i++)
		if (prov_params[i].param == param)
			return prov_params[i].get(st, data, len, flags);
	return NTE_BAD_TYPE;
}
