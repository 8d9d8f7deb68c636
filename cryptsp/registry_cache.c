/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * registry_cache.c - the answers of registry_provider_image (a provider's
 * expanded "Image Path" for a name and type), remembered until anything
 * under HKLM\SOFTWARE\Microsoft\Cryptography\Defaults changes.  A change
 * notification on that key (RegNotifyChangeKeyValue, the whole subtree,
 * names and values) signals an event; every lookup polls it first and
 * forgets everything when it fired, so a provider registered, changed or
 * removed is seen by the next CryptAcquireContext exactly as without the
 * cache.  Where the notification cannot be set up nothing is cached.
 * Only successful lookups are kept; errors are looked up every time.
 */
#include "dispatch.h"

#ifndef REG_NOTIFY_THREAD_AGNOSTIC
#define REG_NOTIFY_THREAD_AGNOSTIC 0x10000000
#endif
#define WATCH (REG_NOTIFY_CHANGE_NAME | REG_NOTIFY_CHANGE_LAST_SET)

struct answer {
	struct answer *next;
	DWORD type;
	WCHAR *name, *image;
};

static SRWLOCK cache_lock = SRWLOCK_INIT;
static struct answer *answers;
static HANDLE changed;        /* auto-reset; NULL until armed */
static HKEY watched;
static BOOL broken;           /* notification unavailable: no caching */

static void forget_locked(void)
{
	struct answer *a;

	while ((a = answers)) {
		answers = a->next;
		LocalFree(a->name);
		LocalFree(a->image);
		LocalFree(a);
	}
}

static BOOL arm_locked(void)
{
	/* thread agnostic: the registering thread may end before the process */
	if (!RegNotifyChangeKeyValue(watched, TRUE, WATCH | REG_NOTIFY_THREAD_AGNOSTIC, changed, TRUE) ||
	    !RegNotifyChangeKeyValue(watched, TRUE, WATCH, changed, TRUE))
		return TRUE;
	broken = TRUE;
	return FALSE;
}

/* TRUE when the answers held are current (forgetting them if not). */
static BOOL current_locked(void)
{
	if (broken)
		return FALSE;
	if (!changed) {
		if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Microsoft\\Cryptography\\Defaults", 0,
				  KEY_NOTIFY, &watched) ||
		    !(changed = CreateEventW(NULL, FALSE, FALSE, NULL))) {
			broken = TRUE;
			return FALSE;
		}
		return arm_locked();
	}
	if (WaitForSingleObject(changed, 0) != WAIT_OBJECT_0)
		return TRUE;
	forget_locked();
	return arm_locked();
}

static WCHAR *copy(const WCHAR *s)
{
	size_t len = (wcslen(s) + 1) * sizeof(WCHAR);
	WCHAR *d = LocalAlloc(LMEM_FIXED, len);

	if (d)
		memcpy(d, s, len);
	return d;
}

BOOL registry_cached_image(const WCHAR *name, DWORD type, WCHAR **image)
{
	struct answer *a;
	BOOL cache;

	AcquireSRWLockExclusive(&cache_lock);
	if ((cache = current_locked()))
		for (a = answers; a; a = a->next)
			if (a->type == type && !_wcsicmp(a->name, name)) {
				*image = copy(a->image);
				ReleaseSRWLockExclusive(&cache_lock);
				return *image ? TRUE : fail(NTE_NO_MEMORY);
			}
	ReleaseSRWLockExclusive(&cache_lock);
	/* read outside the lock; an answer read while the registry changes
	 * is kept only if no change was signalled meanwhile */
	if (!registry_provider_image(name, type, image))
		return FALSE;
	if (!cache || !(a = LocalAlloc(LMEM_ZEROINIT, sizeof(*a))))
		return TRUE;
	a->type = type;
	a->name = copy(name);
	a->image = copy(*image);
	AcquireSRWLockExclusive(&cache_lock);
	if (a->name && a->image && current_locked()) {
		a->next = answers;
		answers = a;
		a = NULL;
	}
	ReleaseSRWLockExclusive(&cache_lock);
	if (a) {
		LocalFree(a->name);
		LocalFree(a->image);
		LocalFree(a);
	}
	return TRUE;
}
