#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# count.sh - sourced by the test runners: passed/failed/skipped totals,
# count FILE, which adds the last "N passed, N failed" line of FILE (a
# missing line counts as one failure), and check WHAT COMMAND..., one check
# that passes when COMMAND succeeds.
passed=0 failed=0 skipped=0
count() {
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
check() {
	local what=$1; shift
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAILED: $what"; fi
}
