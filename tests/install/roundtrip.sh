#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# roundtrip.sh - `make install` then `make uninstall` on a prefix must leave
# it as it was: the same files in system32, the same provider registry, no
# DllOverrides of ours.  While installed, the overrides and registration must
# be ours, and the prefix must still work with our advapi32, cryptsp and
# rsaenh serving every program: `wineboot -u`, `cmd /c ver`, `reg query` of
# the provider registry and `regedit /E` (each with the loader trace showing
# our advapi32).  Prints "N passed, N failed".
#   usage: roundtrip.sh PREFIX BUILD_DIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export WINEPREFIX=${1:?prefix} WINEDEBUG=-all
dir=${2:?build dir}
work=${TEST_LOGS:-$top/build/test-logs}/install
mkdir -p "$work"
. "$top/tests/count.sh"

# The 64-bit half runs with the 64-bit loader (`wine` in PATH after
# wine_loaders), the 32-bit half with $WINE32 (tools/wine-loaders.sh).
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
wine64=wine
builtin64=
for d in /usr/lib/x86_64-linux-gnu/wine/x86_64-windows /usr/lib/wine/x86_64-windows; do
	[ -f "$d/advapi32.dll" ] && { builtin64=$d; break; }
done
[ -f "$WINEPREFIX/system.reg" ] || { "$wine64" wineboot -i >/dev/null 2>&1; wineserver -w; }

# The 32-bit half (syswow64, the registry's 32-bit view) when the host's
# Wine runs 32-bit programs.
wow64=
[ -d "$WINEPREFIX/drive_c/windows/syswow64" ] && [ -n "$WINE32" ] &&
	[ -f "$dir/../i686-w64-mingw32/rsaenh.dll" ] && wow64=1

. "$top/tests/install/snapshot.sh"
# The installer: the release archive's setup.sh where tests/run-wine.sh
# unpacked it (CRYPTOAPI_SETUP), else make install's.
installer() { # install|uninstall
	if [ -n "${CRYPTOAPI_SETUP:-}" ]; then bash "$CRYPTOAPI_SETUP" "$1"
	else bash "$top/tools/install.sh" "$1" "$dir"; fi
}

snapshot "$work/before.txt"
installer install >/dev/null
snapshot "$work/installed.txt"
check "our rsaenh.dll copied into system32" cmp -s "$WINEPREFIX/drive_c/windows/system32/rsaenh.dll" "$dir/rsaenh.dll"
check "our dssenh.dll copied into system32" cmp -s "$WINEPREFIX/drive_c/windows/system32/dssenh.dll" "$dir/dssenh.dll"
check "advapi32_wine.dll is the running Wine's builtin advapi32 (a link to it)" \
	test "$(readlink -f "$WINEPREFIX/drive_c/windows/system32/advapi32_wine.dll")" = "$(readlink -f "$builtin64/advapi32.dll")"
for n in advapi32 cryptsp rsaenh dssenh; do
	check "DllOverrides $n=native,builtin" grep -Eq "^ +$n +REG_SZ +native,builtin$" "$work/installed.txt"
done
check "our DllRegisterServer wrote Image Path rsaenh.dll" grep -Eiq 'Image Path +REG_(EXPAND_)?SZ +rsaenh\.dll$' "$work/installed.txt"
check "our dssenh DllRegisterServer wrote Image Path dssenh.dll" grep -Eiq 'Image Path +REG_(EXPAND_)?SZ +dssenh\.dll$' "$work/installed.txt"
if [ -n "$wow64" ]; then
	check "our i686 rsaenh.dll copied into syswow64" cmp -s "$WINEPREFIX/drive_c/windows/syswow64/rsaenh.dll" "$dir/../i686-w64-mingw32/rsaenh.dll"
	check "advapi32_wine.dll placed beside our i686 advapi32" test -f "$WINEPREFIX/drive_c/windows/syswow64/advapi32_wine.dll"
	check "our 32-bit DllRegisterServer wrote the registry's 32-bit view" \
		sh -c "'$wine64' reg query 'HKLM\\Software\\Wow6432Node\\Microsoft\\Cryptography\\Defaults\\Provider\\Microsoft Enhanced Cryptographic Provider v1.0' | tr -d '\\r' | grep -Eiq 'Image Path +REG_SZ +rsaenh\\.dll$'"
else
	echo "  (32-bit half skipped: no loader of 32-bit programs works with this Wine here, or no syswow64 in the prefix)"
fi

# The prefix at work with our DLLs: each command succeeds, does its job, and
# the loader trace shows our advapi32 (native) serving it.
ours_loaded() { # trace file [system folder]: our advapi32 loaded from it, no builtin one
	local d=${2:-system32}
	grep -Eiq "$d(\\\\)+advapi32\\.dll\" at [0-9A-F]+: native" "$1" &&
	! grep -Eiq "$d(\\\\)+advapi32\\.dll\" at [0-9A-F]+: builtin" "$1"
}
run_traced() { # name command... -> $work/name.out, $work/name.trace, exit status
	local name=$1; shift
	WINEDEBUG=-all,+loaddll timeout 300 "$@" >"$work/$name.out" 2>"$work/$name.trace"
}
run_traced wineboot "$wine64" wineboot -u
check "wineboot -u succeeds" test $? -eq 0
wineserver -w
check "wineboot -u ran on our advapi32" ours_loaded "$work/wineboot.trace"
check "wineboot -u left our DLLs in system32" cmp -s "$WINEPREFIX/drive_c/windows/system32/advapi32.dll" "$dir/advapi32.dll"
run_traced ver "$wine64" cmd /c ver
check "cmd /c ver succeeds" test $? -eq 0
check "cmd /c ver prints the version" grep -q 'Windows' "$work/ver.out"
check "cmd /c ver ran on our advapi32" ours_loaded "$work/ver.trace"
run_traced regquery "$wine64" reg query 'HKLM\Software\Microsoft\Cryptography\Defaults\Provider'
check "reg query of the providers succeeds" test $? -eq 0
check "reg query lists the Enhanced provider" grep -q 'Microsoft Enhanced Cryptographic Provider v1.0' "$work/regquery.out"
check "reg query ran on our advapi32" ours_loaded "$work/regquery.trace"
if [ -n "$wow64" ]; then
	# a 32-bit program: the 32-bit reg.exe, on our i686 advapi32
	run_traced regquery32 "$WINE32" 'C:\windows\syswow64\reg.exe' query 'HKLM\Software\Microsoft\Cryptography\Defaults\Provider'
	check "32-bit reg query of the providers succeeds" test $? -eq 0
	check "32-bit reg query lists the Enhanced provider" grep -q 'Microsoft Enhanced Cryptographic Provider v1.0' "$work/regquery32.out"
	check "32-bit reg query ran on our i686 advapi32" ours_loaded "$work/regquery32.trace" syswow64
fi
rm -f "$work/export.reg"
run_traced regedit "$wine64" regedit /E "$(wine winepath -w "$work/export.reg" 2>/dev/null)" 'HKEY_LOCAL_MACHINE\Software\Microsoft\Cryptography'
check "regedit /E succeeds" test $? -eq 0
wineserver -w
reg_file_has() { # regedit writes UTF-16 with a BOM; give its writing up to 10 s to end
	local i
	for i in $(seq 20); do
		[ -s "$1" ] && iconv -f UTF-16 -t UTF-8 "$1" 2>/dev/null | tr -d '\r' | grep -q "$2" && return 0
		sleep 0.5
	done
	return 1
}
check "regedit /E wrote a .reg file" reg_file_has "$work/export.reg" '^Windows Registry Editor Version 5.00$'
check "regedit /E wrote the provider registry" reg_file_has "$work/export.reg" 'Defaults\\Provider\\Microsoft Enhanced Cryptographic Provider v1.0\]$' 
check "regedit /E ran on our advapi32" ours_loaded "$work/regedit.trace"

installer uninstall >/dev/null
snapshot "$work/after.txt"
check "prefix after uninstall is as before install" diff -u "$work/before.txt" "$work/after.txt"
echo "install round trip: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
