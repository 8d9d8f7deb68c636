/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * signature.c - CheckSignatureInFile and SystemFunction035, its ANSI form:
 * does a CSP image carry Microsoft's CSP signature?  Windows checks it with
 * a key of Microsoft's own; no image built here or by Wine carries that
 * signature, so for every file that exists the answer is the one Windows
 * gives an unsigned image: FALSE, NTE_BAD_SIGNATURE.  A file that cannot be
 * opened reports why.
 */
#include "sysfunc.h"

BOOL WINAPI CheckSignatureInFile(const WCHAR *image)
{
	HANDLE file;

	if (!image) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	file = CreateFileW(image, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
	if (file == INVALID_HANDLE_VALUE)
		return FALSE;
	CloseHandle(file);
	SetLastError(NTE_BAD_SIGNATURE);
	return FALSE;
}

BOOL WINAPI SystemFunction035(const char *image)
{
	WCHAR *wide;
	BOOL ok;
	int len;

	if (!image) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return FALSE;
	}
	len = MultiByteToWideChar(CP_ACP, 0, image, -1, NULL, 0);
	if (!len || !(wide = LocalAlloc(LMEM_FIXED, len * sizeof(WCHAR))))
		return FALSE;
	MultiByteToWideChar(CP_ACP, 0, image, -1, wide, len);
	ok = CheckSignatureInFile(wide);
	LocalFree(wide);
	return ok;
}
