/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench.c - bench.exe's entry point and timing.  Runs every operation once
 * and prints its rate (see bench.h for the line format).
 *
 *   bench.exe [--raw] [NAME-PREFIX...]
 *
 * Without --raw the operations go through CryptoAPI (advapi32, whichever
 * DLLs the prefix serves); with --raw they call nettle/GMP directly, in the
 * same kind of Wine process, as the limit.  Names given select operations
 * by prefix (e.g. "aes" or "rsa2048-sign").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

static char **filters;
static int n_filters;

double bench_now(void)
{
	static LARGE_INTEGER freq;
	LARGE_INTEGER t;

	if (!freq.QuadPart)
		QueryPerformanceFrequency(&freq);
	QueryPerformanceCounter(&t);
	return (double)t.QuadPart / (double)freq.QuadPart;
}

double bench_rate(bench_fn fn, void *ctx)
{
	double best = 0;
	int w;

	if (!fn(ctx))       /* warm up: caches, lazy initialisation */
		bench_fail("warm-up call");
	for (w = 0; w < WINDOWS; w++) {
		double start = bench_now(), elapsed;
		long calls = 0, batch = 1;

		do {
			long i;

			for (i = 0; i < batch; i++)
				if (!fn(ctx))
					bench_fail("timed call");
			calls += batch;
			if (batch < 1 << 16)
				batch *= 2;
		} while ((elapsed = bench_now() - start) < WINDOW);
		if (calls / elapsed > best)
			best = calls / elapsed;
	}
	return best;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double bench_median(double *ms, int n)
{
	qsort(ms, n, sizeof(*ms), cmp_double);
	return n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
}

void bench_report(const char *name, double value, const char *unit)
{
	printf("%s\t%.6g\t%s\n", name, value, unit);
	fflush(stdout);
}

void bench_fail(const char *what)
{
	fprintf(stderr, "bench: %s failed, error 0x%08lx\n", what, GetLastError());
	exit(1);
}

BOOL bench_selected(const char *name)
{
	int i;

	if (!n_filters)
		return TRUE;
	for (i = 0; i < n_filters; i++)
		if (!strncmp(name, filters[i], strlen(filters[i])))
			return TRUE;
	return FALSE;
}

int main(int argc, char **argv)
{
	BOOL raw = argc > 1 && !strcmp(argv[1], "--raw");

	filters = argv + 1 + raw;
	n_filters = argc - 1 - raw;
	if (raw)
		bench_raw();
	else
		bench_capi();
	bench_threads(raw);
	return 0;
}
