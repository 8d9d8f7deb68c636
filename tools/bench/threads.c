/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * threads.c - bulk operations from 1, 2 and 4 threads at once, each
 * thread with its own context and key (or hash): total throughput per
 * thread count, reported as "NAME-xT".  One operation for each of the
 * data paths (CBC encryption, CBC decryption, hashing; the algorithms
 * share them).  A global lock on a path would show as no gain from 1 to
 * 2 threads (the machines have 2 cores).
 */
#include <stdio.h>
#include "bench.h"

#define RUN_SECONDS 0.4

struct worker {
	const struct bench_bulk *op;
	HANDLE start;            /* manual-reset event: all go at once */
	volatile LONG *stop;
	long calls;
	void *state;
	HANDLE ready;            /* set when state is made */
};

static DWORD WINAPI worker_main(void *arg)
{
	struct worker *w = arg;

	w->state = w->op->setup();
	w->op->step(w->state);   /* warm up */
	SetEvent(w->ready);
	WaitForSingleObject(w->start, INFINITE);
	while (!*w->stop) {
		if (!w->op->step(w->state))
			bench_fail("threaded call");
		w->calls++;
	}
	w->op->teardown(w->state);
	return 0;
}

static double run(const struct bench_bulk *op, int n)
{
	struct worker w[4];
	HANDLE threads[4];
	volatile LONG stop = 0;
	HANDLE start = CreateEventW(NULL, TRUE, FALSE, NULL);
	double t0, elapsed;
	long calls = 0;
	int i;

	for (i = 0; i < n; i++) {
		w[i] = (struct worker){ op, start, &stop, 0, NULL, CreateEventW(NULL, TRUE, FALSE, NULL) };
		if (!(threads[i] = CreateThread(NULL, 0, worker_main, &w[i], 0, NULL)))
			bench_fail("CreateThread");
		WaitForSingleObject(w[i].ready, INFINITE);
	}
	t0 = bench_now();
	SetEvent(start);
	Sleep((DWORD)(RUN_SECONDS * 1000));
	InterlockedExchange(&stop, 1);
	WaitForMultipleObjects(n, threads, TRUE, INFINITE);
	elapsed = bench_now() - t0;
	for (i = 0; i < n; i++) {
		calls += w[i].calls;
		CloseHandle(threads[i]);
		CloseHandle(w[i].ready);
	}
	CloseHandle(start);
	return bench_mbs(calls / elapsed);
}

void bench_threads(BOOL raw)
{
	const struct bench_bulk *op;
	static const int counts[] = { 1, 2, 4 };
	char name[64];
	size_t i;

	for (op = raw ? bench_raw_bulk : bench_capi_bulk; op->name; op++)
		for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
			snprintf(name, sizeof(name), "%s-x%dT", op->name, counts[i]);
			if (bench_selected(name))
				bench_report(name, run(op, counts[i]), "MB/s");
		}
}
