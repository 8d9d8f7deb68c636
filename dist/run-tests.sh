#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run-tests.sh - runs the test programs of this archive under Wine, in a
# prefix where cryptoapi-nettle's setup.sh installed our DLLs, and proves
# from Wine's loader trace that each program ran on ours.
#
#   run-tests.sh [--prefix DIR] [--arch x86_64|i686|both] [PROGRAM...]
#
# PROGRAM: names of programs (rsaenh_symmetric, rsaenh@10.0, ...); all by
# default.  WINE (or the `wine` on PATH) starts the x86_64 programs, WINE32
# (default: WINE) the i686 ones.  Per program one line "NAME: T tests, F
# failed, S skipped"; the programs' output goes to results-ARCH.txt in the
# format of Wine's winetest reports.  Exit status 0 when every program
# passed on our DLLs.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
arches=both
progs=()
while [ $# -gt 0 ]; do
	case "$1" in
		--prefix) WINEPREFIX=$2; shift ;;
		--arch) arches=$2; shift ;;
		-*) sed -n 's/^#   \(run-tests.sh .*\)/usage: \1/p' "$0" >&2; exit 2 ;;
		*) progs+=("$1") ;;
	esac
	shift
done
WINEPREFIX=${WINEPREFIX:-$HOME/.wine}
case "$WINEPREFIX" in /*) ;; *) WINEPREFIX=$PWD/$WINEPREFIX ;; esac
export WINEPREFIX WINETEST_PLATFORM=windows WINETEST_COLOR=0
wine=${WINE:-wine}
wine32=${WINE32-$wine}
[ "$arches" = both ] && arches="x86_64 i686"

# Which of our DLLs the prefix has: setup.sh's backup says the mode.
mode=$(cat "$WINEPREFIX/cryptoapi-backup/mode" 2>/dev/null)
[ "$(cat "$WINEPREFIX/cryptoapi-backup/state" 2>/dev/null)" = installed ] || {
	echo "our DLLs are not installed in $WINEPREFIX: run setup.sh install first" >&2
	exit 2
}
ours="advapi32 cryptsp rsaenh dssenh"
[ "$mode" = csp-only ] && ours="rsaenh dssenh"

failed=0
version=$(cat "$here/VERSION" 2>/dev/null || echo unknown)
for arch in $arches; do
	loader=$wine
	if [ "$arch" = i686 ]; then
		loader=$wine32
		if [ -z "$loader" ] || [ ! -d "$WINEPREFIX/drive_c/windows/syswow64" ]; then
			echo "($arch: skipped: this prefix or Wine runs no 32-bit program)"
			continue
		fi
	fi
	results=$PWD/results-$arch.txt
	{
		echo "Version 4"
		echo "Tests from build cryptoapi-nettle-$version"
		echo "Archive: cryptoapi-nettle-$version-tests.tar.xz"
		echo "Tag: $(hostname 2>/dev/null || echo wine)"
		echo "Build info:"
		echo "    cryptoapi-nettle $version, $arch"
		echo "Operating system version:"
		echo "    $("$loader" --version 2>/dev/null) on $(uname -sr)"
		echo "Test output:"
		echo
	} > "$results"
	for exe in "$here/$arch"/*.exe; do
		name=$(basename "$exe" .exe)
		if [ ${#progs[@]} -gt 0 ] && ! printf '%s\n' "${progs[@]}" | grep -qxF "$name"; then continue; fi
		out=$(mktemp) trace=$(mktemp)
		WINEDEBUG=-all,+loaddll timeout 600 "$loader" "$exe" >"$out" 2>"$trace"
		rc=$?
		{ echo "cryptoapi:$name start $arch/$name.exe -"; tr -d '\r' < "$out"; echo "cryptoapi:$name done ($rc)"; } >> "$results"
		sum=$(tr -d '\r' < "$out" | grep -Eo '[0-9]+ tests executed \([0-9]+ marked as todo, [0-9]+ as flaky, [0-9]+ failures?\), [0-9]+ skipped' |
			sed -E 's/^([0-9]+) tests.* ([0-9]+) failures?\), ([0-9]+) skipped/\1 \2 \3/' | awk '{t+=$1; f+=$2; s+=$3} END {if (NR) print t, f, s}')
		# each of our DLLs that the program loaded must be ours (native)
		bad=$(for n in $ours; do
			grep -Ei "\\\\$n\.dll\" at [0-9a-f]+: builtin" "$trace" >/dev/null && echo "$n"
		done | tr '\n' ' ')
		if [ -z "$sum" ]; then
			echo "$arch $name: crashed or hung (exit $rc)"
			failed=$((failed + 1))
		elif [ -n "$bad" ]; then
			echo "$arch $name: ran on Wine's builtin ${bad% }, not ours"
			failed=$((failed + 1))
		else
			read -r t f s <<<"$sum"
			echo "$arch $name: $t tests, $f failed, $s skipped"
			[ "$f" -gt 0 ] && failed=$((failed + 1))
		fi
		rm -f "$out" "$trace"
	done
	echo "($arch: the programs' output is in $results)"
done
[ "$failed" -eq 0 ]
