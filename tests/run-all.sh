#!/usr/bin/env bash
# run-all.sh - every test of the project, in order, ending with one line
# "N passed, N failed" (the sum over all parts).  Run through `make check`,
# which builds everything first.
#   1. native unit tests of the CSP core, under ASan and UBSan; a threaded
#      test of the core under TSan;
#   2. the conformance runner (Wine's upstream suites, ours vs builtin);
#   3. our own winetest-style Windows tests, in the conformance runner's
#      "ours" prefix, with the loader trace checked; again as 32-bit
#      programs on our i686 DLLs where the host has a 32-bit Wine;
#   4. install and uninstall on the builtin prefix, which must come back as it
#      was, and the prefix still boots and serves cmd, reg and regedit;
#   5. the export tables of both architectures against Wine 8.0's lists;
#   6. interoperability with OpenSSL: RSA keys, signatures and ciphertexts
#      both ways, in the "ours" prefix;
#   7. the performance guard: callgrind instruction counts of the native
#      core against tests/perf/callgrind.txt (tests/perf/check.sh).
#   8. a bounded run of every libFuzzer target (ASan + UBSan), FUZZ_CHECK_SECONDS
#      each (default 25), with its executions; each target counts once.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
cd "$top"
. tools/wine-loaders.sh
wine_loaders "$top"
passed=0 failed=0 skipped=0

count() { # adds "N passed, N failed" from the last such line of $1
	local line
	line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n1)
	if [ -z "$line" ]; then
		echo "  no result line: counted as one failure"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
	failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
}

log=build/test-logs
rm -rf "$log" && mkdir -p "$log"

echo "== 1. native unit tests (ASan + UBSan) =="
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in build/native/unit/*/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	"$t" >"$log/$name.txt" 2>&1
	rc=$?
	tail -n1 "$log/$name.txt"
	count "$log/$name.txt"
	if [ $rc -ne 0 ] && ! grep -Eq '[0-9]+ passed, [1-9][0-9]* failed' "$log/$name.txt"; then
		echo "  $name exited with $rc (sanitizer report?): see $log/$name.txt"
		failed=$((failed + 1))
	fi
done

echo "== 1b. the core shared between threads, under ThreadSanitizer =="
for t in build/tsan/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 "$t" >"$log/tsan-$name.txt" 2>&1
	rc=$?
	tail -n2 "$log/tsan-$name.txt"
	count "$log/tsan-$name.txt"
	if [ $rc -ne 0 ] && ! grep -Eq '[0-9]+ passed, [1-9][0-9]* failed' "$log/tsan-$name.txt"; then
		echo "  $name exited with $rc (ThreadSanitizer report?): see $log/tsan-$name.txt"
		failed=$((failed + 1))
	fi
done

echo "== 2. conformance: Wine's upstream suites, WINETEST_PLATFORM=windows =="
python3 tests/conformance/run.py | tee "$log/conformance.txt"
count "$log/conformance.txt"

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

echo "== 3. our Windows tests (winetest style), our DLLs installed =="
export WINEPREFIX=$top/build/prefix-ours
run_win_tests "build/$host/tests" wine ""
wow64=$WINEPREFIX/drive_c/windows/syswow64
if [ -z "$WINE32" ]; then
	echo "(32-bit run of the Windows tests skipped: no 32-bit Wine (wine32:i386) on this host; tools/setup.sh says why it is not installed; the i686 DLLs are checked by their exports only)"
elif ! cmp -s "$wow64/rsaenh.dll" "build/i686-w64-mingw32/rsaenh.dll"; then
	echo "(32-bit run of the Windows tests skipped: the prefix $WINEPREFIX has no 32-bit half of ours: it was made before the host had a 32-bit Wine; remove it)"
	failed=$((failed + 1))
else
	echo "== 3b. the same tests as 32-bit programs (our i686 DLLs, in syswow64) =="
	run_win_tests build/i686-w64-mingw32/tests "$WINE32" "-32"
fi
wineserver -k 2>/dev/null

echo "== 4. make install / make uninstall round trip (on the builtin prefix) =="
bash tests/install/roundtrip.sh "$top/build/prefix-builtin" "build/$host" | tee "$log/install.txt"
count "$log/install.txt"

echo "== 5. export tables, x86_64 and i686 =="
python3 tests/exports/check_exports.py | tee "$log/exports.txt"
count "$log/exports.txt"
# The i686 DLLs are built and their exports checked above; the Windows
# tests run as 32-bit programs below where the host has a 32-bit Wine.

echo "== 6. interoperability with OpenSSL (RSA keys, signatures, encryption) =="
python3 tests/interop/run.py "$top/build/prefix-ours" "build/$host/tests/interop/capi_interop.exe" | tee "$log/interop.txt"
count "$log/interop.txt"
wineserver -k 2>/dev/null

# --- 7. performance guard (issue 8) ----------------------------------------
echo "== 7. performance guard: callgrind instruction counts of the native core =="
bash tests/perf/check.sh | tee "$log/perf.txt"
count "$log/perf.txt"
# --- end of the performance guard --------------------------------------------

echo "== 8. fuzz targets, bounded runs (libFuzzer, ASan + UBSan) =="
for t in build/fuzz/bin/fuzz_*; do
	[ -x "$t" ] || continue
	FUZZ_LOG=$log/$(basename "$t").libfuzzer.log bash tests/fuzz/run.sh "$(basename "$t")" "${FUZZ_CHECK_SECONDS:-25}" |
		tee "$log/$(basename "$t").txt"
	count "$log/$(basename "$t").txt"
done

[ "$skipped" -gt 0 ] && echo "($skipped checks of our Windows tests were skipped: counted neither as passed nor as failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
