#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run-wine.sh - every test that runs under Wine, on the Wine this command
# finds (run-all.sh runs it in each Wine root: tools/wine-root.sh run ROOT
# bash tests/run-wine.sh), 64-bit and, where that Wine runs them here,
# 32-bit programs, every prefix of ours installed by the release archive's
# setup.sh (make dist), unpacked outside the checkout:
#   - the conformance runner: Wine's upstream suites, 8.0's and 10.0's
#     versions, ours (64- and 32-bit), CSP-only and builtin;
#   - our winetest-style Windows tests, in the runner's "ours" prefix, the
#     loader trace checked; again as 32-bit programs on our i686 DLLs;
#   - install and uninstall on the builtin prefix, which must come back as
#     it was, and the prefix at work meanwhile;
#   - the archive's setup.sh (status, repeated and interrupted installs)
#     and run-tests.sh (tests/install/archive.sh);
#   - prefix health: wineboot -u and programs with our stack installed print
#     no err: line, crash or stack overflow that the builtin prefix does not,
#     and start every process it starts (tests/install/health.sh);
#   - interoperability with OpenSSL, in the "ours" prefix;
#   - certutil.exe (tests/certutil/run.sh), in its own prefix;
#   - make run's two programs (tools/demo.sh), 64- and 32-bit.
# Prefixes and logs go to build/WINE/ (WINE: wine-8.0, wine-10.0).  The
# last line is "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
host32=i686-w64-mingw32
cd "$top"
. tools/wine-loaders.sh
wine_loaders "$top"
. tests/count.sh
tag=$(wine --version 2>/dev/null | grep -Eo '^wine-[0-9.]+')
[ -n "$tag" ] || { echo "no Wine here"; echo "0 passed, 1 failed"; exit 1; }
log=$top/build/$tag/test-logs
export TEST_LOGS=$log
rm -rf "$log" && mkdir -p "$log"
# A prefix is about 1.3 GB (Wine copies its PE DLLs into system32 and
# syswow64): each goes once its last stage is done, so that a run needs room
# for a few at a time, not for all of them (KEEP_PREFIXES=1 keeps them).
drop_prefixes() { # names after build/$tag/prefix-
	local name
	[ -n "${KEEP_PREFIXES:-}" ] && return
	for name in "$@"; do
		WINEPREFIX=$top/build/$tag/prefix-$name wineserver -k 2>/dev/null
		rm -rf "$top/build/$tag/prefix-$name"
	done
}
if [ -z "$WINE32" ]; then
	no32="$tag here runs no 32-bit program: $WINE32_WHY"
	echo "($no32)"
fi

# The release archives (make dist), unpacked outside the checkout: every
# prefix of ours below is installed by the archive's setup.sh alone.
dist=$(ls -t "$top"/build/dist/cryptoapi-nettle-*.tar.xz 2>/dev/null | grep -v -e '-debug\.tar' -e '-tests\.tar' | head -n 1)
if [ -z "$dist" ]; then
	echo "  no release archive in build/dist (make dist): counted as one failure; installing from the build tree"
	failed=$((failed + 1))
else
	unpacked=$(mktemp -d /tmp/cryptoapi-dist.XXXXXX)
	tar -C "$unpacked" -xJf "$dist" && tar -C "$unpacked" -xJf "${dist%.tar.xz}-tests.tar.xz"
	base=$(basename "$dist" .tar.xz)
	export CRYPTOAPI_SETUP=$unpacked/$base/setup.sh CRYPTOAPI_TESTS=$unpacked/$base-tests
	export WINE=$(command -v wine) WINE64=$(command -v wine)
	echo "(our DLLs are installed from $(basename "$dist"), unpacked into $unpacked)"
fi

echo "== [$tag] conformance: Wine's upstream suites (8.0's and 10.0's), WINETEST_PLATFORM=windows =="
python3 tests/conformance/run.py | tee "$log/conformance.txt"
count "$log/conformance.txt"
drop_prefixes csp ours32

# Each winetest-style program in a folder, run with a loader, its output
# judged: its summary lines, and the loader trace showing our DLLs.
run_win_tests() { # tests folder, loader, log suffix
	local t name rc sum f s
	for t in "$1"/*.exe; do
		[ -f "$t" ] || continue
		name=$(basename "$t" .exe)$3
		WINETEST_PLATFORM=windows WINEDEBUG=-all,+loaddll timeout 300 "$2" "$t" >"$log/$name.txt" 2>"$log/$name.loaddll"
		rc=$?
		sum=$(grep -Eo '[0-9]+ tests executed \([0-9]+ marked as todo, [0-9]+ as flaky, [0-9]+ failures?\), [0-9]+ skipped' "$log/$name.txt" |
			sed -E 's/^([0-9]+) tests.* ([0-9]+) failures?\), ([0-9]+) skipped/\1 \2 \3/' | awk '{t+=$1; f+=$2; s+=$3} END {if (NR) print t, f, s}')
		if [ -z "$sum" ] || grep -q 'unhandled exception' "$log/$name.txt"; then
			echo "  $name: crashed or hung (exit $rc): see $log/$name.txt"
			failed=$((failed + 1))
			continue
		fi
		read -r t f s <<<"$sum"
		# Our tests exist to exercise our DLLs: the loader must have loaded ours.
		if grep -E '\\(advapi32|cryptsp|rsaenh|dssenh)\.dll" at [0-9A-Fa-f]+: builtin' "$log/$name.loaddll" >/dev/null; then
			echo "  $name: a builtin CryptoAPI DLL was loaded instead of ours: see $log/$name.loaddll"
			failed=$((failed + 1))
			continue
		fi
		echo "  $name: $t tests, $f failed, $s skipped"
		# the counts some tests report: bad-input cases, threads x operations
		grep -Eh '^[a-z_]+: [0-9]+ bad-input cases|[0-9]+ threads x [0-9]+s: [0-9]+ operations' "$log/$name.txt" |
			sed -E 's/^[0-9a-f]{4}://; s/^/    /'
		[ "$f" -gt 0 ] && grep 'Test failed' "$log/$name.txt" | head -n 20 | sed 's/^/    /'
		passed=$((passed + t - f))
		failed=$((failed + f))
		skipped=$((skipped + s))
	done
}

echo "== [$tag] our Windows tests (winetest style), our DLLs installed =="
export WINEPREFIX=$top/build/$tag/prefix-ours
run_win_tests "build/$host/tests" wine ""
wow64=$WINEPREFIX/drive_c/windows/syswow64
if [ -z "$WINE32" ]; then
	echo "(32-bit run of the Windows tests skipped: $no32)"
elif ! cmp -s "$wow64/rsaenh.dll" "build/i686-w64-mingw32/rsaenh.dll"; then
	echo "  the prefix $WINEPREFIX has no 32-bit half of ours though this Wine runs 32-bit programs: counted as one failure"
	failed=$((failed + 1))
else
	echo "== [$tag] the same tests as 32-bit programs (our i686 DLLs, in syswow64) =="
	run_win_tests build/i686-w64-mingw32/tests "$WINE32" "-32"
fi
wineserver -k 2>/dev/null

echo "== [$tag] install / uninstall round trip (on the builtin prefix) =="
bash tests/install/roundtrip.sh "$top/build/$tag/prefix-builtin" "build/$host" | tee "$log/install.txt"
count "$log/install.txt"

if [ -n "$dist" ]; then
	echo "== [$tag] the release archive: setup.sh status, repeated and interrupted installs, run-tests.sh =="
	bash tests/install/archive.sh "$top/build/$tag/prefix-builtin" "$top/build/$tag/prefix-ours" | tee "$log/archive.txt"
	count "$log/archive.txt"
fi
drop_prefixes builtin


echo "== [$tag] prefix health: wineboot -u and programs, ours against builtin =="
bash tests/install/health.sh | tee "$log/health.txt"
count "$log/health.txt"
drop_prefixes health-ours health-builtin

echo "== [$tag] interoperability with OpenSSL (RSA keys, signatures, encryption) =="
python3 tests/interop/run.py "$top/build/$tag/prefix-ours" "build/$host/tests/interop/capi_interop.exe" | tee "$log/interop.txt"
count "$log/interop.txt"
wineserver -k 2>/dev/null
drop_prefixes ours

echo "== [$tag] certutil: its verbs, OpenSSL keys and PFX into containers, bad input (64- and 32-bit) =="
bash tests/certutil/run.sh "$top/build/$tag/prefix-certutil" "build/$host" | tee "$log/certutil.txt"
count "$log/certutil.txt"
wineserver -k 2>/dev/null
drop_prefixes certutil

echo "== [$tag] make run's programs (tools/demo.sh) =="
demo() { # host loader suffix
	if DEMO_PREFIX=$top/build/$tag/prefix-demo HOST=$1 DEMO_WINE=$2 bash tools/demo.sh >"$log/demo$3.txt" 2>&1; then
		passed=$((passed + 1)); echo "  demo$3: all steps behaved as expected"
	else
		failed=$((failed + 1)); echo "  demo$3: FAILED"; tail -n 15 "$log/demo$3.txt" | sed 's/^/    /'
	fi
}
demo "$host" wine ""
if [ -n "$WINE32" ]; then demo "$host32" "$WINE32" -32; else echo "  (32-bit demo skipped: $no32)"; fi
wineserver -k 2>/dev/null
drop_prefixes demo

[ -n "$dist" ] && rm -rf "$unpacked"
[ "$skipped" -gt 0 ] && echo "($skipped checks of our Windows tests were skipped: counted neither as passed nor as failed)"
echo "$tag: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
