/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * provparams.h - the PP_* parameters a provider context answers from its
 * profile alone (name, type, version, algorithm enumeration).  Parameters
 * that need the operating system (PP_KEYSET_SEC_DESCR) are the DLL's.
 */
#ifndef CSP_PROVPARAMS_H
#define CSP_PROVPARAMS_H

#include "wincsp.h"
#include "profiles.h"

struct csp_prov_state {
	const struct csp_profile *profile;
	DWORD enum_cursor;          /* PP_ENUMALGS(_EX): next profile row */
};

/* NTE_BAD_TYPE for parameters it does not know. */
DWORD csp_prov_get_param(struct csp_prov_state *st, DWORD param, BYTE *data, DWORD *len,
			 DWORD flags);

#endif
