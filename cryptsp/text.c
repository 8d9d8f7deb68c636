/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * text.c - ANSI/wide conversions for the A entry points, and handing a
 * string back through a caller's buffer the way CryptoAPI does (sizes in
 * bytes, terminator included; NULL buffer = size query; short buffer =
 * ERROR_MORE_DATA, the size needed written back either way).
 */
#include "dispatch.h"

BOOL text_to_wide(const char *s, WCHAR **out)
{
	int n;

	*out = NULL;
	if (!s)
		return TRUE;
	n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
	if (n <= 0)
		return fail(ERROR_INVALID_PARAMETER);
	if (!(*out = LocalAlloc(LMEM_FIXED, n * sizeof(WCHAR))))
		return fail(NTE_NO_MEMORY);
	MultiByteToWideChar(CP_ACP, 0, s, -1, *out, n);
	return TRUE;
}

BOOL text_to_ansi(const WCHAR *s, char **out)
{
	int n;

	*out = NULL;
	if (!s)
		return TRUE;
	n = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);
	if (n <= 0)
		return fail(ERROR_INVALID_PARAMETER);
	if (!(*out = LocalAlloc(LMEM_FIXED, n)))
		return fail(NTE_NO_MEMORY);
	WideCharToMultiByte(CP_ACP, 0, s, -1, *out, n, NULL, NULL);
	return TRUE;
}

BOOL text_return_wide(const WCHAR *s, WCHAR *buf, DWORD *len)
{
	DWORD need = (lstrlenW(s) + 1) * sizeof(WCHAR);

	if (buf && *len < need) {
		*len = need;
		return fail(ERROR_MORE_DATA);
	}
	if (buf)
		memcpy(buf, s, need);
	*len = need;
	return TRUE;
}

BOOL text_return_ansi(const WCHAR *s, char *buf, DWORD *len)
{
	int need = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);

	if (need <= 0)
		return fail(ERROR_INVALID_PARAMETER);
	if (buf && *len < (DWORD)need) {
		*len = need;
		return fail(ERROR_MORE_DATA);
	}
	if (buf)
		WideCharToMultiByte(CP_ACP, 0, s, -1, buf, need, NULL, NULL);
	*len = need;
	return TRUE;
}
