/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * import_advapi32.c - linked into every upstream suite the conformance runner
 * builds.  Some suites (crypt_lmhash, crypt_md4, ...) find their functions
 * with GetProcAddress(GetModuleHandleA("advapi32.dll")), so the executable
 * must really import advapi32; mingw's linker keeps an import only when
 * something references it.  This reference is that something.
 */
#include <windows.h>
#include <wincrypt.h>

void *volatile conformance_advapi32_import = (void *)CryptReleaseContext;
