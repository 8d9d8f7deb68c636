/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * unit.h - the tiny harness of the native unit tests: CHECK counts passes
 * and failures (printing each failure), unit_done prints the one summary
 * line "<program>: N passed, N failed" and gives the exit status.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond) do { \
	if (cond) unit_passed++; \
	else { unit_failed++; fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

/* CHECK with the two values shown on failure (unsigned, hex) */
#define CHECK_EQ(a, b) do { \
	unsigned long long unit_a_ = (unsigned long long)(a), unit_b_ = (unsigned long long)(b); \
	if (unit_a_ == unit_b_) unit_passed++; \
	else { unit_failed++; fprintf(stderr, "%s:%d: CHECK_EQ failed: %s == %s (0x%llx != 0x%llx)\n", \
			__FILE__, __LINE__, #a, #b, unit_a_, unit_b_); } \
} while (0)

static inline int unit_done(const char *argv0)
{
	const char *name = strrchr(argv0, '/');

	printf("%s: %d passed, %d failed\n", name ? name + 1 : argv0, unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

/* hex string -> bytes; returns the byte count */
static inline size_t unit_hex(const char *hex, unsigned char *out)
{
	size_t n = 0;
	unsigned int b;

	while (hex[0] && hex[1] && sscanf(hex, "%2x", &b) == 1) {
		out[n++] = (unsigned char)b;
		hex += 2;
	}
	return n;
}

#endif
