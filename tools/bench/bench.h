/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * bench.h - shared by the parts of bench.exe, the benchmark program of
 * `make bench`: timing helpers and the result line format.  Every result is
 * one line "name<TAB>value<TAB>unit" on stdout; units are MB/s, op/s (more
 * is better) or ms (less is better).  capi.c measures through CryptoAPI,
 * raw.c calls nettle/GMP directly (linked into the exe), threads.c runs the
 * bulk operations from several threads.
 */
#ifndef BENCH_H
#define BENCH_H

#include <windows.h>
#include <wincrypt.h>

#define BULK (1024 * 1024)      /* bytes per bulk operation */
#define WINDOW 0.08             /* seconds per timing window */
#define WINDOWS 5               /* windows per operation: the best counts */
#define KEYGEN_RUNS 31          /* RSA key generations: the median counts */

/* One step of an operation; returns 0 on failure (the run stops). */
typedef int (*bench_fn)(void *ctx);

double bench_now(void);                              /* seconds */
/* Best rate over WINDOWS windows of fn, in calls per second. */
double bench_rate(bench_fn fn, void *ctx);
void bench_report(const char *name, double value, const char *unit);
/* Bulk rate from calls per second of BULK bytes. */
static inline double bench_mbs(double calls) { return calls * BULK / 1e6; }
/* Median of n ms samples (sorts them). */
double bench_median(double *ms, int n);
void bench_fail(const char *what);                   /* prints, exits 1 */
BOOL bench_selected(const char *name);               /* the optional filter */

void bench_capi(void);
void bench_raw(void);
void bench_threads(BOOL raw);

/* Thread bodies: one bulk operation on the thread's own state. */
struct bench_bulk {
	const char *name;
	void *(*setup)(void);      /* per thread */
	bench_fn step;
	void (*teardown)(void *);
};
extern const struct bench_bulk bench_capi_bulk[], bench_raw_bulk[];

#endif
