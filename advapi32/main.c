/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * advapi32.dll - the DLL applications import.  Most of its exports are
 * forwarders (advapi32.def): CryptoAPI names into cryptsp.dll, the
 * non-crypto rest into advapi32_wine.dll.  Its own code is the hash
 * contexts and SystemFunctions Windows keeps in advapi32 (sysfunc/); this
 * is its entry point.
 */
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
	if (reason == DLL_PROCESS_ATTACH)
		DisableThreadLibraryCalls(inst);
	return TRUE;
}
