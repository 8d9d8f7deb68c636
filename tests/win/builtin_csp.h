/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * builtin_csp.h - Wine's builtin CSPs inside our tests: a copy of the
 * builtin DLL loaded under another name (so cryptsp keeps finding ours
 * under the real one) and driven through its CP* exports, for the round
 * trips of key containers between Wine's providers and ours.
 */
#ifndef BUILTIN_CSP_H
#define BUILTIN_CSP_H

#include <windows.h>
#include <stdio.h>
#include "cspdk.h"

struct builtin_csp {
#define BUILTIN_CSP_MEMBER(name, args) PFN_##name name;
	CSP_ENTRY_POINTS(BUILTIN_CSP_MEMBER)
#undef BUILTIN_CSP_MEMBER
};

/* dll: "rsaenh" or "dssenh", copied from Wine's builtin folder of this
 * architecture into the temporary folder as wine_builtin_<dll>.dll. */
static inline BOOL load_builtin_csp(const char *dll, struct builtin_csp *csp)
{
	char dir[MAX_PATH], src[MAX_PATH], copy[MAX_PATH];
	HMODULE mod;

	snprintf(src, sizeof(src), "Z:\\usr\\lib\\%s\\wine\\%s\\%s.dll",
		 sizeof(void *) == 8 ? "x86_64-linux-gnu" : "i386-linux-gnu",
		 sizeof(void *) == 8 ? "x86_64-windows" : "i386-windows", dll);
	GetTempPathA(sizeof(dir), dir);
	snprintf(copy, sizeof(copy), "%swine_builtin_%s.dll", dir, dll);
	if (!CopyFileA(src, copy, FALSE) || !(mod = LoadLibraryA(copy)))
		return FALSE;
#define BUILTIN_CSP_LOAD(name, args) csp->name = (PFN_##name)(void *)GetProcAddress(mod, #name);
	CSP_ENTRY_POINTS(BUILTIN_CSP_LOAD)
#undef BUILTIN_CSP_LOAD
	return csp->CPAcquireContext != NULL;
}

#endif
