#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run.sh TARGET SECONDS - runs one libFuzzer target (build/fuzz/bin/TARGET)
# for SECONDS (or until FUZZ_RUNS executions, when that is set) on its seed corpus (build/fuzz/corpus/TARGET, read only) and
# a working corpus (build/fuzz/work/TARGET, kept between runs); crash
# inputs go to build/fuzz/crashes/TARGET/, libFuzzer's output to $FUZZ_LOG
# (default build/fuzz/logs/TARGET.log).  Prints one line with the
# executions reached and "1 passed, 0 failed" or "0 passed, 1 failed".
set -uo pipefail
t=$1 secs=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
work=build/fuzz/work/$t crashes=build/fuzz/crashes/$t log=${FUZZ_LOG:-build/fuzz/logs/$t.log}
mkdir -p "$work" "$crashes" build/fuzz/logs
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"build/fuzz/bin/$t" -max_total_time="$secs" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -print_final_stats=1 -timeout=25 -rss_limit_mb=2048 \
	-artifact_prefix="$crashes/" "$work" "build/fuzz/corpus/$t" >"$log" 2>&1
rc=$?
execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -n1)
found=$(find "$crashes" -type f | wc -l)
if [ $rc -eq 0 ] && [ -n "$execs" ] && [ "$found" -eq 0 ]; then
	echo "  $t: ${execs} executions in $(awk '/^Done [0-9]+ runs in/ {print $5}' "$log" | tail -n1) s (limit ${secs} s), 0 crashes; 1 passed, 0 failed"
	exit 0
fi
echo "  $t: exit $rc after ${execs:-?} executions, $found crash inputs in $crashes (log $log); 0 passed, 1 failed"
grep -m3 -E 'ERROR: |SUMMARY: |runtime error' "$log" | sed 's/^/    /'
exit 1
