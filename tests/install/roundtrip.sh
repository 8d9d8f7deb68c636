#!/usr/bin/env bash
# roundtrip.sh - `make install` then `make uninstall` on a prefix must leave
# it as it was: the same files in system32, the same provider registry, no
# DllOverrides of ours.  While installed, the overrides and registration must
# be ours.  Prints "N passed, N failed".
#   usage: roundtrip.sh PREFIX BUILD_DIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export WINEPREFIX=${1:?prefix} WINEDEBUG=-all
dir=${2:?build dir}
work=$top/build/test-logs/install
mkdir -p "$work"
passed=0 failed=0
check() { # description, command...
	local what=$1; shift
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAILED: $what"; fi
}

snapshot() { # -> $1: checksums of the DLLs and the provider and override registry
	{
		(cd "$WINEPREFIX/drive_c/windows/system32" && sha256sum advapi32.dll cryptsp.dll rsaenh.dll 2>&1;
		 ls advapi32_wine.dll 2>&1)
		wine reg query 'HKLM\Software\Microsoft\Cryptography\Defaults' /s 2>&1
		wine reg query 'HKCU\Software\Wine\DllOverrides' 2>&1
	} | tr -d '\r' > "$1"
}

snapshot "$work/before.txt"
bash "$top/tools/install.sh" install "$dir" >/dev/null
snapshot "$work/installed.txt"
check "our rsaenh.dll copied into system32" cmp -s "$WINEPREFIX/drive_c/windows/system32/rsaenh.dll" "$dir/rsaenh.dll"
check "advapi32_wine.dll placed beside our advapi32" test -f "$WINEPREFIX/drive_c/windows/system32/advapi32_wine.dll"
for n in advapi32 cryptsp rsaenh; do
	check "DllOverrides $n=native" grep -Eq "^ +$n +REG_SZ +native$" "$work/installed.txt"
done
check "our DllRegisterServer wrote Image Path rsaenh.dll" grep -Eiq 'Image Path +REG_(EXPAND_)?SZ +rsaenh\.dll$' "$work/installed.txt"

bash "$top/tools/install.sh" uninstall "$dir" >/dev/null
snapshot "$work/after.txt"
check "prefix after uninstall is as before install" diff -u "$work/before.txt" "$work/after.txt"
echo "install round trip: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
