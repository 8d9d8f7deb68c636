#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# check.sh - the deterministic performance guard: instruction counts (Ir)
# of a fixed set of operations of the native CSP core (tests/perf/perf_ops.c)
# under `valgrind --tool=callgrind`, against tests/perf/callgrind.txt.  An
# operation whose count grew more than 5 % fails; the last line is
# "N passed, N failed" as tests/run-all.sh counts it.
#
#   bash tests/perf/check.sh            compare (build first: make perf)
#   bash tests/perf/check.sh --update   rewrite tests/perf/callgrind.txt
#
# A change that makes an operation slower on purpose (or a new nettle or
# valgrind that counts differently) updates the file in the same commit:
# run `make perf && bash tests/perf/check.sh --update` and commit
# tests/perf/callgrind.txt with the change.  Counts shrinking is fine.
# The counts belong to this kind of machine (the CPU features nettle picks
# under valgrind); the file records the valgrind and nettle versions.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
exe=$top/build/native/perf/perf_ops
file=$top/tests/perf/callgrind.txt
limit=5   # per cent

[ -x "$exe" ] || { echo "perf: $exe missing (make perf)"; echo "0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$work/cg" "$exe" 2>"$work/log"; then
	tail -n 20 "$work/log"
	echo "perf: perf_ops failed under valgrind"
	echo "0 passed, 1 failed"
	exit 1
fi
for f in "$work"/cg.*; do
	name=$(sed -n 's/^desc: Trigger: Client Request: //p' "$f")
	[ -n "$name" ] && printf '%s %s\n' "$name" "$(sed -n 's/^totals: //p' "$f")"
done | sort >"$work/now"

versions="# valgrind $(valgrind --version | sed 's/^valgrind-//'), nettle $(pkg-config --modversion nettle 2>/dev/null || echo '?'), $(uname -m)"
if [ "${1:-}" = --update ]; then
	{
		echo "# tests/perf/callgrind.txt - instructions (callgrind Ir) per operation of"
		echo "# tests/perf/perf_ops.c; checked by tests/perf/check.sh (> ${limit} % growth fails)."
		echo "# Regenerate with: make perf && bash tests/perf/check.sh --update"
		echo "$versions"
		cat "$work/now"
	} >"$file"
	echo "perf: wrote $file"
	cat "$work/now"
	exit 0
fi

[ -f "$file" ] || { echo "perf: $file missing (--update makes it)"; echo "0 passed, 1 failed"; exit 1; }
grep -q "^$versions\$" "$file" || echo "perf: note: recorded with $(grep '^# valgrind' "$file" | sed 's/^# //'), now ${versions#\# }"
passed=0 failed=0
while read -r name want; do
	case "$name" in '#'*|'') continue ;; esac
	got=$(awk -v n="$name" '$1 == n { print $2 }' "$work/now")
	if [ -z "$got" ]; then
		echo "  FAIL $name: no longer measured"
		failed=$((failed + 1))
		continue
	fi
	pct=$(awk -v g="$got" -v w="$want" 'BEGIN { printf "%+.1f", (g - w) * 100 / w }')
	if awk -v g="$got" -v w="$want" -v l="$limit" 'BEGIN { exit !(g > w * (1 + l / 100)) }'; then
		echo "  FAIL $name: $got instructions, recorded $want ($pct %)"
		failed=$((failed + 1))
	else
		printf '  ok   %-24s %12s (%s %%)\n' "$name" "$got" "$pct"
		passed=$((passed + 1))
	fi
done <"$file"
# operations measured but not recorded: the file must be updated with them
while read -r name got; do
	grep -q "^$name " "$file" || { echo "  FAIL $name: measured but not in $file"; failed=$((failed + 1)); }
done <"$work/now"
echo "perf: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
