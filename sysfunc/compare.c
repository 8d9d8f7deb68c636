/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * compare.c - SystemFunction030/031: are two 16-byte blocks equal?  TRUE
 * when they are.  Every byte is compared, whatever the first difference, so
 * the time taken says nothing about where two hashes differ.
 */
#include "sysfunc.h"

static BOOL equal16(const void *a, const void *b)
{
	const volatile BYTE *x = a, *y = b;
	BYTE diff = 0;
	int i;

	if (!a || !b)
		return FALSE;
	for (i = 0; i < 16; i++)
		diff |= x[i] ^ y[i];
	return diff == 0;
}

BOOL WINAPI SystemFunction030(const void *a, const void *b)
{
	return equal16(a, b);
}

BOOL WINAPI SystemFunction031(const void *a, const void *b)
{
	return equal16(a, b);
}
