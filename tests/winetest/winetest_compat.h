/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * winetest_compat.h - what Wine's include/wine/test.h needs from its own
 * build environment and mingw-w64's headers do not give.  Force-included
 * (gcc -include) into every test built outside Wine's tree: our tests in
 * tests/win/ and Wine's upstream suites built by tests/conformance/.
 */
#ifndef WINETEST_COMPAT_H
#define WINETEST_COMPAT_H

#include <stddef.h>   /* offsetof: the 32-bit headers do not bring it */
#include <windows.h>
#include <string.h>
#include <stdlib.h>

#ifndef ENABLE_PROCESSED_OUTPUT
#define ENABLE_PROCESSED_OUTPUT 0x0001
#endif
#ifndef ENABLE_VIRTUAL_TERMINAL_PROCESSING
#define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x0004
#endif

/* wine/debug.h formats its debugstr helpers into a buffer and hands it to
 * __wine_dbg_strdup, which only Wine's ntdll exports.  Keep a small ring of
 * copies, enough for the few strings one ok() message formats. */
static inline const char *winetest_compat_strdup(const char *str)
{
	static char ring[16][512];
	static LONG next;
	char *slot = ring[(unsigned)InterlockedIncrement(&next) % 16];
	size_t n = strlen(str);

	if (n >= sizeof ring[0])
		n = sizeof ring[0] - 1;
	memcpy(slot, str, n);
	slot[n] = 0;
	return slot;
}
#define __wine_dbg_strdup winetest_compat_strdup

#endif
