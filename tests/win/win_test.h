/*
 * win_test.h - small checks our winetest-style programs share: a call that
 * must fail with a given Windows error code.  Include after wine/test.h.
 */
#ifndef WIN_TEST_H
#define WIN_TEST_H

/* ret must be FALSE and GetLastError() err; call SetLastError(0xdeadbeef)
 * before the call so a stale code cannot pass. */
#define expect_error(ret, err) expect_error_(__LINE__, ret, err)
static inline void expect_error_(int line, BOOL ret, DWORD err)
{
	DWORD got = GetLastError();

	ok_(__FILE__, line)(!ret && got == err, "expected failure %08lx, got %d/%08lx\n", err, ret, got);
}

#endif
