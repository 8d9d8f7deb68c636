/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * images.c - the CSP images the process has loaded, by "Image Path" as the
 * registry gave it: each keeps one loader reference and its resolved CP*
 * entry points for the life of the process, so acquiring a context after
 * the last one was released does not load and relocate the DLL again (and
 * does not run its initialisation again).  A different path, even to the
 * same file, is a different entry; paths compare case-insensitively.
 */
#include "dispatch.h"

struct image {
	struct image *next;
	WCHAR *path;
	HMODULE module;
	struct csp_functions fn;
};

static SRWLOCK images_lock = SRWLOCK_INIT;
static struct image *images;

static struct image *find_locked(const WCHAR *path)
{
	struct image *i;

	for (i = images; i; i = i->next)
		if (!_wcsicmp(i->path, path))
			return i;
	return NULL;
}

BOOL images_find(const WCHAR *path, struct csp_functions *fn)
{
	struct image *i;

	AcquireSRWLockShared(&images_lock);
	if ((i = find_locked(path)))
		*fn = i->fn;
	ReleaseSRWLockShared(&images_lock);
	return i != NULL;
}

BOOL images_add(const WCHAR *path, HMODULE module, const struct csp_functions *fn)
{
	size_t len = (wcslen(path) + 1) * sizeof(WCHAR);
	struct image *i = LocalAlloc(LMEM_ZEROINIT, sizeof(*i));
	BOOL kept = FALSE;

	if (i && !(i->path = LocalAlloc(LMEM_FIXED, len))) {
		LocalFree(i);
		i = NULL;
	}
	if (!i)
		return FALSE;      /* not cached: the context keeps its own reference */
	memcpy(i->path, path, len);
	i->module = module;
	i->fn = *fn;
	AcquireSRWLockExclusive(&images_lock);
	/* two threads loading at once: the first to get here is kept */
	if (!find_locked(path)) {
		i->next = images;
		images = i;
		kept = TRUE;
	}
	ReleaseSRWLockExclusive(&images_lock);
	if (!kept) {
		LocalFree(i->path);
		LocalFree(i);
	}
	return kept;
}
