#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run-all.sh - every test of the project, in order, ending with one line
# "N passed, N failed" (the sum over all parts).  Run through `make check`,
# which builds everything first.
#   1. native unit tests of the CSP core, under ASan and UBSan; a threaded
#      test of the core under TSan;
#   1c. the release archives (tools/dist.sh) and their contents
#      (tests/dist/check.sh);
#   2. everything that runs under Wine (tests/run-wine.sh), once in each
#      Wine root (tools/wine-root.sh): Debian bookworm's Wine 8.0 and trixie's
#      Wine 10.0, 64-bit and, where that Wine runs them here, 32-bit: Wine's
#      upstream suites (8.0's and 10.0's) ours vs builtin, our Windows tests,
#      the install round trip, prefix health, OpenSSL interop, make run's
#      programs;
#   3. the upgrade path: a prefix set up under Wine 8.0 (the host's, 64-bit
#      only), then opened by Wine 10.0 (tests/install/upgrade.sh);
#   4. the conformance table over every Wine and architecture;
#   5. the export tables of both architectures against Wine 8.0's and 10.0's lists;
#   6. the table of Microsoft's documented behaviour (tests/win/documented/):
#      every row names a test that exists, or is a gap the README lists;
#   7. the performance guard: callgrind instruction counts of the native
#      core against tests/perf/callgrind.txt (tests/perf/check.sh).
#   8. a bounded run of every libFuzzer target (ASan + UBSan), FUZZ_CHECK_SECONDS
#      each (default 25), with its executions; each target counts once.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
cd "$top"
. tests/count.sh

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

# Everything that runs under Wine runs once per Wine: Wine 8.0 and Wine 10.0,
# each in a Debian root of its release (tools/wine-root.sh), 64-bit and,
# where that Wine can run them here, 32-bit programs (tests/run-wine.sh).
# The upstream suites are compiled here (mingw-w64 is on the host, not in the roots).
python3 tests/conformance/run.py --build-only || { echo "  the upstream suites did not build: counted as one failure"; failed=$((failed + 1)); }
# The release archives (make dist): the Wine runs below install from them.
echo "== 1c. the release archives (make dist) and the licensing =="
bash tools/dist.sh | tee "$log/dist-make.txt"
bash tests/dist/check.sh | tee "$log/dist.txt"
count "$log/dist.txt"
for root in ${WINE_ROOTS:-bookworm trixie}; do
	echo "== 2. under Wine: the Debian $root root =="
	bash tools/wine-root.sh create "$root" || { echo "  no $root root: counted as one failure"; failed=$((failed + 1)); continue; }
	bash tools/wine-root.sh run "$root" bash tests/run-wine.sh | tee "$log/wine-$root.txt"
	count "$log/wine-$root.txt"
	skipped=$((skipped + $(grep -Eo '^\(([0-9]+) checks of our Windows tests were skipped' "$log/wine-$root.txt" | grep -Eo '[0-9]+' || echo 0)))
done

echo "== 3. a prefix set up under Wine 8.0 (64-bit only), opened by Wine 10.0 =="
bash tests/install/upgrade.sh | tee "$log/upgrade.txt"
count "$log/upgrade.txt"

echo "== 4. conformance, every Wine and architecture =="
python3 tests/conformance/matrix.py | tee "$log/matrix.txt"

echo "== 5. export tables, x86_64 and i686 =="
python3 tests/exports/check_exports.py | tee "$log/exports.txt"
count "$log/exports.txt"

echo "== 6. Microsoft's documented behaviour: each row shown by a test, or a gap the README lists =="
python3 tests/win/documented.py | tee "$log/documented.txt"
count "$log/documented.txt"

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
