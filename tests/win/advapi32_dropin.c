/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * advapi32_dropin.c - our advapi32 as a drop-in for the rest of the API:
 * a broad sample of non-crypto exports (registry, tokens, SIDs and account
 * lookup, privileges, security descriptors, LSA, services, event log) is
 * called through the advapi32.dll the program imports - ours, in a prefix
 * where it is installed - and through Wine's own advapi32 (the copy our
 * install puts beside it as advapi32_wine.dll), and the results must agree.
 */
#include <stdarg.h>
#include <windows.h>
#include <sddl.h>
#include <ntsecapi.h>

#include "wine/test.h"

static HMODULE builtin;

/* The builtin's function of the same name, typed like ours. */
#define BUILTIN(name) ((__typeof__(&name))(void *)GetProcAddress(builtin, #name))

#define TEST_KEY L"Software\\cryptoapi-dropin-test"

static void test_registry(void)
{
	WCHAR ours[256], theirs[256], name[64];
	DWORD type, len, n, data = 0x12345678;
	HKEY key, key2;
	LONG r;

	/* Read a value Wine's prefix always has, both ways. */
	len = sizeof(ours);
	r = RegGetValueW(HKEY_LOCAL_MACHINE, L"Software\\Microsoft\\Windows NT\\CurrentVersion", L"CurrentVersion",
			 RRF_RT_REG_SZ, &type, ours, &len);
	ok(!r, "RegGetValueW: %ld\n", r);
	len = sizeof(theirs);
	r = BUILTIN(RegGetValueW)(HKEY_LOCAL_MACHINE, L"Software\\Microsoft\\Windows NT\\CurrentVersion",
				  L"CurrentVersion", RRF_RT_REG_SZ, &type, theirs, &len);
	ok(!r && !lstrcmpW(ours, theirs), "CurrentVersion differs: %s vs %s\n", wine_dbgstr_w(ours),
	   wine_dbgstr_w(theirs));

	/* Write through ours, read through the builtin, delete through ours. */
	r = RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
	ok(!r, "RegCreateKeyExW: %ld\n", r);
	if (r)
		return;
	r = RegSetValueExW(key, L"number", 0, REG_DWORD, (const BYTE *)&data, sizeof(data));
	ok(!r, "RegSetValueExW: %ld\n", r);
	r = RegSetValueExA(key, "text", 0, REG_SZ, (const BYTE *)"drop-in", 8);
	ok(!r, "RegSetValueExA: %ld\n", r);
	r = BUILTIN(RegOpenKeyExW)(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &key2);
	ok(!r, "builtin RegOpenKeyExW: %ld\n", r);
	if (!r) {
		DWORD value = 0;

		len = sizeof(value);
		r = BUILTIN(RegQueryValueExW)(key2, L"number", NULL, &type, (BYTE *)&value, &len);
		ok(!r && type == REG_DWORD && value == data, "builtin read back %ld %lu %08lx\n", r, type, value);
		BUILTIN(RegCloseKey)(key2);
	}
	for (n = 0;; n++) {
		len = ARRAY_SIZE(name);
		if (RegEnumValueW(key, n, name, &len, NULL, NULL, NULL, NULL))
			break;
	}
	ok(n == 2, "RegEnumValueW saw %lu values\n", n);
	RegCloseKey(key);
	r = RegDeleteTreeW(HKEY_CURRENT_USER, TEST_KEY);
	ok(!r, "RegDeleteTreeW: %ld\n", r);
	r = BUILTIN(RegOpenKeyExW)(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &key2);
	ok(r == ERROR_FILE_NOT_FOUND, "key still there for the builtin: %ld\n", r);
}

static void test_token_and_sids(void)
{
	BYTE user[256], user2[256], sidbuf[SECURITY_MAX_SID_SIZE];
	SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
	WCHAR *str = NULL, *str2 = NULL;
	PSID admins = NULL, parsed = NULL;
	HANDLE token;
	DWORD len, size;
	BOOL ret;

	ret = OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
	ok(ret, "OpenProcessToken: %lu\n", GetLastError());
	if (!ret)
		return;
	ret = GetTokenInformation(token, TokenUser, user, sizeof(user), &len);
	ok(ret, "GetTokenInformation: %lu\n", GetLastError());
	ret = BUILTIN(GetTokenInformation)(token, TokenUser, user2, sizeof(user2), &len);
	ok(ret && EqualSid(((TOKEN_USER *)user)->User.Sid, ((TOKEN_USER *)user2)->User.Sid), "user SIDs differ\n");
	CloseHandle(token);

	ok(ConvertSidToStringSidW(((TOKEN_USER *)user)->User.Sid, &str), "ConvertSidToStringSidW\n");
	ok(BUILTIN(ConvertSidToStringSidW)(((TOKEN_USER *)user)->User.Sid, &str2) && str && str2 && !lstrcmpW(str, str2),
	   "SID strings differ\n");
	LocalFree(str);
	LocalFree(str2);

	ok(AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0,
				    &admins), "AllocateAndInitializeSid\n");
	ok(ConvertStringSidToSidW(L"S-1-5-32-544", &parsed), "ConvertStringSidToSidW\n");
	ok(admins && parsed && EqualSid(admins, parsed) && IsValidSid(admins) && GetLengthSid(admins) == 16,
	   "Administrators SID wrong\n");
	size = sizeof(sidbuf);
	ok(CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, sidbuf, &size) && EqualSid(sidbuf, admins),
	   "CreateWellKnownSid\n");
	ok(IsWellKnownSid(admins, WinBuiltinAdministratorsSid), "IsWellKnownSid\n");
	FreeSid(admins);
	LocalFree(parsed);
}

static void test_accounts(void)
{
	WCHAR user[64], user2[64], name[64], dom[64], name2[64], dom2[64];
	BYTE sid[SECURITY_MAX_SID_SIZE], world[SECURITY_MAX_SID_SIZE];
	DWORD len = ARRAY_SIZE(user), len2 = ARRAY_SIZE(user2), nlen, dlen, slen;
	SID_NAME_USE use, use2;
	BOOL ret;

	ok(GetUserNameW(user, &len) && BUILTIN(GetUserNameW)(user2, &len2) && !lstrcmpW(user, user2),
	   "GetUserNameW differs\n");
	slen = sizeof(sid);
	dlen = ARRAY_SIZE(dom);
	ret = LookupAccountNameW(NULL, user, sid, &slen, dom, &dlen, &use);
	ok(ret && use == SidTypeUser, "LookupAccountNameW(%s): %lu\n", wine_dbgstr_w(user), GetLastError());

	slen = sizeof(world);
	CreateWellKnownSid(WinWorldSid, NULL, world, &slen);
	nlen = ARRAY_SIZE(name); dlen = ARRAY_SIZE(dom);
	ret = LookupAccountSidW(NULL, world, name, &nlen, dom, &dlen, &use);
	ok(ret, "LookupAccountSidW: %lu\n", GetLastError());
	nlen = ARRAY_SIZE(name2); dlen = ARRAY_SIZE(dom2);
	ret = BUILTIN(LookupAccountSidW)(NULL, world, name2, &nlen, dom2, &dlen, &use2);
	ok(ret && !lstrcmpW(name, name2) && !lstrcmpW(dom, dom2) && use == use2, "World SID names differ: %s %s\n",
	   wine_dbgstr_w(name), wine_dbgstr_w(name2));
}

static void test_privileges_and_sd(void)
{
	static const WCHAR sddl[] = L"O:BAG:SYD:(A;;GA;;;SY)(A;;GR;;;WD)";
	PSECURITY_DESCRIPTOR sd = NULL;
	WCHAR *back = NULL, *back2 = NULL;
	LUID a, b;
	BOOL ret;

	ok(LookupPrivilegeValueW(NULL, L"SeShutdownPrivilege", &a) && BUILTIN(LookupPrivilegeValueW)(NULL, L"SeShutdownPrivilege", &b) &&
	   a.LowPart == b.LowPart && a.HighPart == b.HighPart, "LookupPrivilegeValueW differs\n");
	ret = ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &sd, NULL);
	ok(ret && IsValidSecurityDescriptor(sd), "SDDL parse: %lu\n", GetLastError());
	if (!ret)
		return;
	ok(ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, OWNER_SECURITY_INFORMATION |
			GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &back, NULL) &&
	   BUILTIN(ConvertSecurityDescriptorToStringSecurityDescriptorW)(sd, SDDL_REVISION_1, OWNER_SECURITY_INFORMATION |
			GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &back2, NULL) &&
	   !lstrcmpW(back, back2), "SDDL round trips differ: %s vs %s\n", wine_dbgstr_w(back), wine_dbgstr_w(back2));
	LocalFree(back);
	LocalFree(back2);
	LocalFree(sd);
}

static void test_lsa(void)
{
	POLICY_ACCOUNT_DOMAIN_INFO *info = NULL, *info2 = NULL;
	LSA_OBJECT_ATTRIBUTES attr;
	LSA_HANDLE policy, policy2;
	NTSTATUS st;

	ZeroMemory(&attr, sizeof(attr));
	attr.Length = sizeof(attr);
	st = LsaOpenPolicy(NULL, &attr, POLICY_VIEW_LOCAL_INFORMATION, &policy);
	ok(!st, "LsaOpenPolicy: %08lx\n", st);
	if (st)
		return;
	st = BUILTIN(LsaOpenPolicy)(NULL, &attr, POLICY_VIEW_LOCAL_INFORMATION, &policy2);
	ok(!st, "builtin LsaOpenPolicy: %08lx\n", st);
	st = LsaQueryInformationPolicy(policy, PolicyAccountDomainInformation, (void **)&info);
	ok(!st && info, "LsaQueryInformationPolicy: %08lx\n", st);
	if (!BUILTIN(LsaQueryInformationPolicy)(policy2, PolicyAccountDomainInformation, (void **)&info2) && info && info2)
		ok(info->DomainName.Length == info2->DomainName.Length &&
		   !memcmp(info->DomainName.Buffer, info2->DomainName.Buffer, info->DomainName.Length) &&
		   EqualSid(info->DomainSid, info2->DomainSid), "account domains differ\n");
	LsaFreeMemory(info);
	LsaFreeMemory(info2);
	ok(!LsaClose(policy) && !BUILTIN(LsaClose)(policy2), "LsaClose\n");
	ok(LsaNtStatusToWinError(0xC0000022) == ERROR_ACCESS_DENIED, "LsaNtStatusToWinError\n");
}

static void test_services(void)
{
	SERVICE_STATUS status, status2;
	SC_HANDLE scm, svc, scm2, svc2;
	DWORD needed, count = 0, count2 = 0, resume = 0;
	BOOL ret;

	scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE);
	ok(scm != NULL, "OpenSCManagerW: %lu\n", GetLastError());
	scm2 = BUILTIN(OpenSCManagerW)(NULL, NULL, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE);
	if (!scm || !scm2)
		return;
	ret = EnumServicesStatusW(scm, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0, &needed, &count, &resume);
	ok(!ret && GetLastError() == ERROR_MORE_DATA && needed, "EnumServicesStatusW sizing: %lu\n", GetLastError());
	resume = 0;
	BUILTIN(EnumServicesStatusW)(scm2, SERVICE_WIN32, SERVICE_STATE_ALL, NULL, 0, &needed, &count2, &resume);
	svc = OpenServiceW(scm, L"RpcSs", SERVICE_QUERY_STATUS);
	svc2 = BUILTIN(OpenServiceW)(scm2, L"RpcSs", SERVICE_QUERY_STATUS);
	ok(svc && svc2, "OpenServiceW(RpcSs): %lu\n", GetLastError());
	if (svc && svc2) {
		ok(QueryServiceStatus(svc, &status) && BUILTIN(QueryServiceStatus)(svc2, &status2) &&
		   status.dwServiceType == status2.dwServiceType, "QueryServiceStatus differs\n");
		CloseServiceHandle(svc);
		BUILTIN(CloseServiceHandle)(svc2);
	}
	ok(!OpenServiceW(scm, L"no such service here", SERVICE_QUERY_STATUS) &&
	   GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST, "missing service: %lu\n", GetLastError());
	CloseServiceHandle(scm);
	BUILTIN(CloseServiceHandle)(scm2);
}

static void test_event_log(void)
{
	HANDLE log, src;
	DWORD n = 0;
	const WCHAR *strings[] = { L"cryptoapi drop-in test" };

	log = OpenEventLogW(NULL, L"Application");
	ok(log != NULL, "OpenEventLogW: %lu\n", GetLastError());
	if (log) {
		ok(GetNumberOfEventLogRecords(log, &n), "GetNumberOfEventLogRecords: %lu\n", GetLastError());
		ok(CloseEventLog(log), "CloseEventLog\n");
	}
	src = RegisterEventSourceW(NULL, L"cryptoapi-dropin");
	ok(src != NULL, "RegisterEventSourceW: %lu\n", GetLastError());
	if (src) {
		ok(ReportEventW(src, EVENTLOG_INFORMATION_TYPE, 0, 1, NULL, 1, 0, strings, NULL), "ReportEventW: %lu\n",
		   GetLastError());
		ok(DeregisterEventSource(src), "DeregisterEventSource\n");
	}
}

START_TEST(advapi32_dropin)
{
	/* Windows has no builtin advapi32 to compare ours with */
	if (!GetProcAddress(GetModuleHandleA("ntdll.dll"), "__wine_dbg_output")) {
		win_skip("not under Wine: no Wine advapi32 beside ours to compare with\n");
		return;
	}
	builtin = LoadLibraryA("advapi32_wine.dll");
	ok(builtin != NULL, "no advapi32_wine.dll beside our advapi32: %lu\n", GetLastError());
	ok(GetModuleHandleA("advapi32.dll") != builtin, "advapi32.dll is the builtin itself\n");
	if (!builtin)
		return;
	test_registry();
	test_token_and_sids();
	test_accounts();
	test_privileges_and_sd();
	test_lsa();
	test_services();
	test_event_log();
}
