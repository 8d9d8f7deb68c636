#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# archive.sh - the release archive's setup.sh and run-tests.sh, from the
# archive unpacked outside the checkout (tests/run-wine.sh: CRYPTOAPI_SETUP,
# CRYPTOAPI_TESTS), on a prefix of Wine's builtin DLLs:
#   - status tells builtin, ours (full stack), ours (CSPs only);
#   - install twice and uninstall twice are harmless;
#   - an install interrupted (TERM) undoes itself and says what it undid;
#   - an install killed outright (KILL) leaves a prefix that status calls
#     unfinished and that uninstall, or a second install, repairs;
#   - after each uninstall the prefix is as before (tests/install/snapshot.sh);
#   - run-tests.sh runs test programs of the -tests archive on our DLLs,
#     64-bit and 32-bit, and writes results in winetest's format.
# Prints "release archive: N passed, N failed".
#   usage: archive.sh PREFIX OURS_PREFIX
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export WINEPREFIX=${1:?prefix} WINEDEBUG=-all
ours_prefix=${2:?prefix with our DLLs installed}
setup=${CRYPTOAPI_SETUP:?unpacked setup.sh}
tests=${CRYPTOAPI_TESTS:?unpacked tests archive}
work=${TEST_LOGS:-$top/build/test-logs}/archive
rm -rf "$work" && mkdir -p "$work"
. "$top/tests/count.sh"
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
wine64=wine
wow64=
[ -f "$WINEPREFIX/drive_c/windows/syswow64/kernel32.dll" ] && [ -n "$WINE32" ] && wow64=1
. "$top/tests/install/snapshot.sh"
sys32=$WINEPREFIX/drive_c/windows/system32
backup=$WINEPREFIX/cryptoapi-backup

[ -f "$WINEPREFIX/system.reg" ] || { wine wineboot -i >/dev/null 2>&1; wineserver -w; }
snapshot "$work/before.txt"
same_as_before() { snapshot "$work/now.txt"; diff -u "$work/before.txt" "$work/now.txt"; }

bash "$setup" status > "$work/status-builtin.txt" 2>&1
check "status of an untouched prefix: Wine's builtin DLLs" grep -q "^uses: *Wine's builtin DLLs$" "$work/status-builtin.txt"
bash "$setup" uninstall > "$work/uninstall-none.txt" 2>&1
check "uninstall where nothing is installed: harmless, says so" grep -q 'nothing to do' "$work/uninstall-none.txt"
check "and the prefix is as before" same_as_before

bash "$setup" install --csp-only > "$work/install-csp.txt" 2>&1
bash "$setup" status > "$work/status-csp.txt" 2>&1
check "status after install --csp-only: ours, the CSPs only" grep -q '^uses: *ours (the CSPs only' "$work/status-csp.txt"
bash "$setup" install > "$work/install-1.txt" 2>&1
bash "$setup" install > "$work/install-2.txt" 2>&1
check "install twice: the second undoes the first, then installs" grep -q 'already installed: undoing' "$work/install-2.txt"
bash "$setup" status > "$work/status-full.txt" 2>&1
check "status after install: ours, the full stack" grep -q '^uses: *ours (the full stack)$' "$work/status-full.txt"
check "status names each DLL as ours" test "$(grep -c 'file: ours .*uses: ours' "$work/status-full.txt")" -ge 4
bash "$setup" uninstall > "$work/uninstall-1.txt" 2>&1
bash "$setup" uninstall > "$work/uninstall-2.txt" 2>&1
check "uninstall twice: the second has nothing to do" grep -q 'nothing to do' "$work/uninstall-2.txt"
check "after install --csp-only, install, install, uninstall: the prefix is as before" same_as_before

# An install stopped once our rsaenh.dll is in system32 (files placed,
# registry not yet all done).
start_install() { # -> $! ; waits until the install has begun replacing files
	setsid bash "$setup" install > "$1" 2>&1 &
	pid=$!
	local i
	for i in $(seq 600); do
		cmp -s "$sys32/rsaenh.dll" "$(dirname "$setup")/x86_64/rsaenh.dll" && return 0
		kill -0 $pid 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

if start_install "$work/install-term.txt"; then
	kill -TERM $pid; wait $pid; rc=$?
	wineserver -w
	check "an install interrupted by TERM exits non-zero" test $rc -ne 0
	check "and says it undid the install" grep -q 'undone: .* is as before the install' "$work/install-term.txt"
	check "and the prefix is as before" same_as_before
	check "and no backup is left" test ! -e "$backup"
else
	check "an install to interrupt (TERM) started" false
fi

# An install killed outright (KILL, its Wine processes too) once it has begun.
kill_install() { # log
	start_install "$1" || return 1
	kill -KILL -$pid; wait $pid 2>/dev/null
	wineserver -w
}

if kill_install "$work/install-kill.txt"; then
	bash "$setup" status > "$work/status-killed.txt" 2>&1
	check "after an install killed outright, status says it did not finish" grep -q 'did not finish' "$work/status-killed.txt"
	bash "$setup" uninstall > "$work/uninstall-killed.txt" 2>&1
	check "uninstall repairs it, and says what it undid" grep -q 'did not finish: undoing' "$work/uninstall-killed.txt"
	check "and the prefix is as before" same_as_before
else
	check "an install to kill started" false
fi

if kill_install "$work/install-kill2.txt"; then
	bash "$setup" install > "$work/install-repair.txt" 2>&1
	check "a second install after a killed one undoes it first" grep -q 'did not finish: undoing it first' "$work/install-repair.txt"
	bash "$setup" status > "$work/status-repaired.txt" 2>&1
	check "and then installs: ours, the full stack" grep -q '^uses: *ours (the full stack)$' "$work/status-repaired.txt"
	bash "$setup" uninstall > /dev/null 2>&1
	check "and uninstall then gives the prefix back as before" same_as_before
else
	check "an install to kill (then install again) started" false
fi

# run-tests.sh, in the prefix where the conformance runner installed ours
# from the archive: two of our programs and one upstream suite per architecture.
(cd "$work" && WINE=wine WINE32=$WINE32 bash "$tests/run-tests.sh" --prefix "$ours_prefix" \
	random_paths rsaenh_slice 'crypt_md5@10.0') > "$work/run-tests.txt" 2>&1
rc=$?
check "run-tests.sh passes" test $rc -eq 0
check "run-tests.sh: a line per program, x86_64" test "$(grep -Ec '^x86_64 [a-z_0-9@.]+: [0-9]+ tests, 0 failed' "$work/run-tests.txt")" -eq 3
if [ -n "$WINE32" ]; then
	check "run-tests.sh: a line per program, i686" test "$(grep -Ec '^i686 [a-z_0-9@.]+: [0-9]+ tests, 0 failed' "$work/run-tests.txt")" -eq 3
	check "results-i686.txt in winetest's format" grep -q '^cryptoapi:rsaenh_slice done (0)$' "$work/results-i686.txt"
fi
check "results-x86_64.txt in winetest's format" sh -c "head -n 1 '$work/results-x86_64.txt' | grep -qx 'Version 4' &&
	grep -q '^cryptoapi:random_paths start x86_64/random_paths.exe' '$work/results-x86_64.txt' &&
	grep -q '^cryptoapi:random_paths done (0)$' '$work/results-x86_64.txt'"
# run-tests.cmd is for Windows; Wine's cmd runs it too (against our DLLs
# here), which shows at least that the script does what it says.
mkdir -p "$work/cmd"
(cd "$work/cmd" && WINEPREFIX=$ours_prefix timeout 600 wine cmd /c "$(WINEPREFIX=$ours_prefix wine winepath -w "$tests/run-tests.cmd" 2>/dev/null | tr -d '\r')" \
	x86_64 rsaenh_slice) 2>&1 | tr -d '\r' > "$work/run-tests-cmd.txt"
check "run-tests.cmd (in Wine's cmd): the program's summary line" \
	grep -Eq '^x86_64 rsaenh_slice: .*[0-9]+ tests executed \(0 marked as todo, 0 as flaky, 0 failures\)' "$work/run-tests-cmd.txt"
check "run-tests.cmd: results-x86_64.txt in winetest's format" sh -c "tr -d '\r' < '$work/cmd/results-x86_64.txt' |
	grep -q '^cryptoapi:rsaenh_slice done (0)\$'"
sed 's/^/    /' "$work/run-tests.txt" "$work/run-tests-cmd.txt" | grep -v '^    (' 
echo "release archive: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
