#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# health.sh - a prefix with our stack installed is as healthy as a prefix of
# Wine's builtin DLLs, on the Wine this runs under: `wineboot -u` (what Wine
# does to a prefix after an upgrade) and then programs (cmd, reg, and a
# 32-bit cmd where this Wine runs 32-bit programs) must print no crash, no
# stack overflow and no err: line that the builtin prefix does not print,
# and every Windows process started in the builtin prefix (the services
# wineboot starts, from Wine's +process trace) must start in ours too.  Prints
# "prefix health: N passed, N failed" and the lines that differ.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
tag=$(wine --version | grep -Eo '^wine-[0-9.]+')
work=${TEST_LOGS:-$top/build/$tag/test-logs}/health
rm -rf "$work" && mkdir -p "$work"
. "$top/tests/count.sh"

# err: lines that a prefix of ours may print and the builtin one does not,
# for a reason outside the project: one "regex<TAB>reason" a line, matched
# against the normalised line, printed with the lines it covers.
explained=$(cat <<'EOF_EXPLAINED'
^err:setupapi:create_dest_file failed to create L"C:\\\\windows\\\\(system32|syswow64)\\\\(advapi32|cryptsp|rsaenh|dssenh)\.dll" \(error=80\)$	Wine's setupapi (dlls/setupapi/fakedll.c, create_dest_file) opens each system DLL read-write, share mode 0, to see whether it is a placeholder it may replace; our DLL is mapped in that very process (rundll32 runs on it), so the open fails, the CREATE_NEW after it finds the file (ERROR_FILE_EXISTS) and setupapi logs it; the file is left alone, which is what should happen to a native DLL
^err:module:alloc_tls_slot NtQueryInformationThread failed\.$	Wine's loader (dlls/ntdll/loader.c, alloc_tls_slot) logs this when a DLL with a TLS directory loads while another thread of the process has no TEB yet (starting) or no longer (ending); mingw-w64's runtime gives every DLL a TLS directory (tlssup), Wine's builtin DLLs have none; that thread is skipped: a starting one gets its TLS block from the loader when it starts, as every thread does
EOF_EXPLAINED
)

# One prefix's run: wineboot -u, then programs; its err: lines normalised
# (no pid:tid, no addresses or handles) and the Windows processes left.
session() { # name install-args...
	local name=$1; shift
	export WINEPREFIX=$top/build/$tag/prefix-health-$name
	wineserver -k 2>/dev/null
	rm -rf "$WINEPREFIX" && mkdir -p "$WINEPREFIX"
	WINEDEBUG=-all wine wineboot -i >/dev/null 2>&1
	wineserver -w
	if [ $# -gt 0 ]; then
		bash "$top/tools/install.sh" install "$top/build/$host" "$@" >"$work/$name.install" 2>&1
		check "our stack installed into the $name prefix" grep -q '^\[setup\] installed' "$work/$name.install"
	fi
	# every process that starts in the session: Wine's trace of
	# CreateProcessInternalW (a sampling of /proc missed short-lived ones)
	{
		WINEDEBUG=err+all,trace+process wine wineboot -u
		WINEDEBUG=err+all,trace+process wine cmd /c echo health
		WINEDEBUG=err+all,trace+process wine reg query 'HKLM\Software\Microsoft\Cryptography\Defaults\Provider'
		[ -n "$WINE32" ] && WINEDEBUG=err+all,trace+process "$WINE32" 'C:\windows\syswow64\cmd.exe' /c echo health32
	} >"$work/$name.out" 2>"$work/$name.err"
	# each started process as its command line after the last backslash of
	# its image path ("iexplore.exe /RegServer"); the image when no command line
	sed -n 's/^[0-9a-f]*:trace:process:CreateProcessInternalW app \(.*\) cmdline \(.*\)$/\1\t\2/p' "$work/$name.err" |
		while IFS=$'\t' read -r app cmd; do
			[ "$cmd" = "(null)" ] && cmd=$app
			cmd=${cmd#L\"}
			printf '%s\n' "${cmd%\"}" | sed -E 's/\\\\/\\/g; s/\\"//g; s/ +$//; s/.*\\//'
		done | grep . | sort -u > "$work/$name.processes"
	wineserver -k 2>/dev/null
	grep -E '^[0-9a-f]+:err:|stack overflow|nhandled exception' "$work/$name.err" |
		sed -E 's/^[0-9a-f]+://; s/0x[0-9a-fA-F]+|[0-9A-F]{8,16}/N/g' | sort -u > "$work/$name.errs"
}

session builtin
session ours ""
check "wineboot -u and the programs ran with our stack: no stack overflow" \
	sh -c "! grep -q 'stack overflow' '$work/ours.err'"
check "no unhandled exception with our stack" sh -c "! grep -q 'nhandled exception' '$work/ours.err'"
check "cmd ran (printed its line)" grep -qx 'health' <(tr -d '\r' < "$work/ours.out")
[ -n "$WINE32" ] && check "32-bit cmd ran (printed its line)" grep -qx 'health32' <(tr -d '\r' < "$work/ours.out")
new=$(comm -13 "$work/builtin.errs" "$work/ours.errs")
unexplained=$new
while IFS=$'\t' read -r re why; do
	hit=$(printf '%s\n' "$new" | grep -E "$re")
	[ -n "$hit" ] || continue
	echo "  explained (outside the project): $why:"
	printf '%s\n' "$hit" | sed 's/^/    /'
	unexplained=$(printf '%s\n' "$unexplained" | grep -Ev "$re")
done <<<"$explained"
unexplained=$(printf '%s\n' "$unexplained" | grep -v '^$')
check "no err: line that the builtin prefix does not print" test -z "$unexplained"
[ -n "$unexplained" ] && printf '%s\n' "$unexplained" | sed 's/^/    ours only: /'
missing=$(comm -23 "$work/builtin.processes" "$work/ours.processes")
check "every process started in the builtin prefix starts in ours ($(tr '\n' ' ' < "$work/builtin.processes"))" test -z "$missing"
[ -n "$missing" ] && printf '%s\n' "$missing" | sed 's/^/    not started with ours: /'
echo "prefix health ($tag): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
