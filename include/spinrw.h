/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * spinrw.h - the reader-writer lock of the handle tables, on every call's
 * path: one LONG holding the count of readers, WRITER while a writer holds
 * it, PENDING while a writer waits (no new readers then, so writers cannot
 * starve).  A read costs two interlocked operations, where a pair of Wine's
 * SRW lock calls costs about as much as a whole small CryptEncrypt.  For
 * short critical sections only: waiters spin briefly, then yield.
 */
#ifndef SPINRW_H
#define SPINRW_H

#include <windows.h>

#define SPINRW_WRITER ((LONG)0x80000000)
#define SPINRW_PENDING ((LONG)0x40000000)

typedef volatile LONG spinrw;

static inline void spinrw_wait(unsigned *spins)
{
	if (++*spins < 100)
		YieldProcessor();
	else
		SwitchToThread();
}

static inline void spinrw_write_lock(spinrw *l)
{
	unsigned spins = 0;

	for (;;) {
		LONG v = *l;

		if ((v == 0 || v == SPINRW_PENDING) && InterlockedCompareExchange(l, SPINRW_WRITER, v) == v)
			return;
		if (v > 0 && !(v & SPINRW_PENDING))
			InterlockedCompareExchange(l, v | SPINRW_PENDING, v);
		spinrw_wait(&spins);
	}
}

static inline void spinrw_write_unlock(spinrw *l)
{
	/* waiting writers set PENDING again themselves */
	InterlockedExchange(l, 0);
}

static inline void spinrw_read_lock(spinrw *l)
{
	unsigned spins = 0;

	for (;;) {
		LONG v = *l;

		if (v >= 0 && !(v & SPINRW_PENDING) && InterlockedCompareExchange(l, v + 1, v) == v)
			return;
		spinrw_wait(&spins);
	}
}

static inline void spinrw_read_unlock(spinrw *l)
{
	InterlockedDecrement(l);
}

#endif
