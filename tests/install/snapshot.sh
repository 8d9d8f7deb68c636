# SPDX-License-Identifier: LGPL-2.1-or-later
# snapshot.sh - sourced by the install tests: what an install may change in
# a prefix, written to a file that two states of the prefix can be compared
# by: checksums of the files under our names in system32 (and syswow64 when
# $wow64 is set), the provider registry of both views, the DllOverrides.
# Needs WINEPREFIX and $wine64 (a loader of 64-bit programs).
snapshot() { # -> $1
	local d
	{
		for d in system32 ${wow64:+syswow64}; do
			(cd "$WINEPREFIX/drive_c/windows/$d" && sha256sum advapi32.dll cryptsp.dll rsaenh.dll dssenh.dll 2>&1;
			 ls advapi32_wine.dll certutil.exe 2>&1)
		done
		"$wine64" reg query 'HKLM\Software\Microsoft\Cryptography\Defaults' /s 2>&1
		[ -n "$wow64" ] && "$wine64" reg query 'HKLM\Software\Wow6432Node\Microsoft\Cryptography\Defaults' /s 2>&1
		"$wine64" reg query 'HKCU\Software\Wine\DllOverrides' 2>&1
		ls "$WINEPREFIX/cryptoapi-backup" 2>&1
	} | tr -d '\r' | grep -v '^error: XDG_RUNTIME_DIR' > "$1"   # (Wine's loader, at times)
}
