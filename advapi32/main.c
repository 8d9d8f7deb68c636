/*
 * advapi32.dll - the DLL applications import.  It holds no code of its own:
 * advapi32.def makes every export a forwarder (CryptoAPI names into
 * cryptsp.dll, the rest into advapi32_wine.dll).  A DLL still needs an entry
 * point, and this is it.
 */
#include <windows.h>

BOOL WINAPI DllMainCRTStartup(HINSTANCE inst, DWORD reason, void *reserved)
{
	if (reason == DLL_PROCESS_ATTACH)
		DisableThreadLibraryCalls(inst);
	return TRUE;
}
