#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# upgrade.sh - the upgrade path: a prefix set up with our stack under the
# host's Wine 8.0 (64-bit only, as on a Debian bookworm machine without
# wine32), then opened by Wine 10.0 (the trixie root), as after a
# distribution upgrade.  Under Wine 10.0: `wineboot -u` crashes nothing (no
# stack overflow, no unhandled exception), programs start and run on our
# advapi32, advapi32_wine.dll is Wine 10.0's own advapi32, every random
# generator and a CSP session work (random_paths.exe), and a 32-bit program
# starts on Wine's builtin advapi32 (syswow64 has no DLL of ours: the
# override "native,builtin" falls back); the install run again under Wine
# 10.0 then serves 32-bit programs with our i686 DLLs.
# Prints "upgrade: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
work=$top/build/upgrade
prefix=$work/prefix
. "$top/tests/count.sh"
if ! [ -x /usr/lib/wine/wine64 ] || ! /usr/lib/wine/wine64 --version 2>/dev/null | grep -q '^wine-8\.'; then
	echo "  no Wine 8.0 on the host: the upgrade from it cannot be shown here"
	echo "upgrade: 0 passed, 1 failed"
	exit 1
fi
rm -rf "$work" && mkdir -p "$prefix"
# 1. Wine 8.0, the host's: 64-bit only (setup never installs wine32 on the host)
(
	export WINEPREFIX=$prefix WINEDEBUG=-all
	/usr/lib/wine/wine64 wineboot -i >/dev/null 2>&1
	wineserver -w
	bash "$top/tools/install.sh" install "$top/build/$host" >/dev/null
	wineserver -w
)
check "installed under Wine 8.0" test -f "$prefix/drive_c/windows/system32/advapi32_wine.dll"
# 2. the same prefix opened by Wine 10.0
bash "$top/tools/wine-root.sh" run trixie sh -c '
	. tools/wine-loaders.sh; wine_loaders "$PWD"
	export WINEPREFIX='"$prefix"'
	WINEDEBUG=err+all wine wineboot -u >'"$work"'/wineboot.out 2>'"$work"'/wineboot.err; echo $? > '"$work"'/wineboot.rc
	wineserver -w
	WINEDEBUG=-all,+loaddll WINETEST_PLATFORM=windows wine build/'"$host"'/tests/random_paths.exe \
		>'"$work"'/random.out 2>'"$work"'/random.trace
	readlink -f "$WINEPREFIX/drive_c/windows/system32/advapi32_wine.dll" > '"$work"'/advapi32_wine.target
	cmp -s "$(cat '"$work"'/advapi32_wine.target)" /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/advapi32.dll &&
		wine --version > '"$work"'/advapi32_wine.is
	if [ -n "$WINE32" ]; then
		WINEDEBUG=-all,+loaddll "$WINE32" "C:\\windows\\syswow64\\cmd.exe" /c echo upgraded32 \
			>'"$work"'/cmd32.out 2>'"$work"'/cmd32.trace
		# the install run again under Wine 10.0 gives the 32-bit half ours too
		bash tools/install.sh install build/'"$host"' >/dev/null 2>&1
		WINEDEBUG=-all,+loaddll WINETEST_PLATFORM=windows "$WINE32" build/i686-w64-mingw32/tests/random_paths.exe \
			>'"$work"'/random32.out 2>'"$work"'/random32.trace
	fi
	wineserver -k'
check "wineboot -u under Wine 10.0 succeeds" test "$(cat "$work/wineboot.rc")" = 0
check "no stack overflow under Wine 10.0" sh -c "! grep -q 'stack overflow' '$work/wineboot.err' '$work/random.trace'"
check "no unhandled exception under Wine 10.0" sh -c "! grep -q 'nhandled exception' '$work/wineboot.err' '$work/random.out'"
check "advapi32_wine.dll is Wine 10.0's advapi32" grep -q '^wine-10\.' "$work/advapi32_wine.is"
check "random_paths.exe passes on our advapi32 under Wine 10.0" \
	grep -Eq ' 0 failures\), [0-9]+ skipped' "$work/random.out"
check "random_paths.exe ran on our advapi32" grep -Eq 'system32\\\\advapi32\.dll" at [0-9A-Fa-f]+: native' "$work/random.trace"
if [ -f "$work/cmd32.out" ]; then
	check "a 32-bit program starts (Wine's builtin advapi32: syswow64 has none of ours)" grep -q upgraded32 "$work/cmd32.out"
	check "that program ran on Wine's builtin advapi32" \
		grep -Eq '(system32|syswow64)\\\\advapi32\.dll" at [0-9A-Fa-f]{8}: builtin' "$work/cmd32.trace"
	check "after the install under Wine 10.0, random_paths.exe passes as a 32-bit program" \
		grep -Eq ' 0 failures\), [0-9]+ skipped' "$work/random32.out"
	# (a 32-bit process: an address of 8 hex digits)
	check "and ran on our i686 advapi32" grep -Eq '(system32|syswow64)\\\\advapi32\.dll" at [0-9A-Fa-f]{8}: native' "$work/random32.trace"
else
	echo "  (32-bit program after the upgrade not run: Wine 10.0 here runs no 32-bit program)"
fi
# the prefix (1.4 GB) goes; its logs stay (KEEP_PREFIXES=1 keeps it too)
[ -n "${KEEP_PREFIXES:-}" ] || rm -rf "$prefix"
echo "upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
