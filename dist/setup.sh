#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# setup.sh - puts the DLLs of cryptoapi-nettle into a Wine prefix, takes them
# out again, or says what a prefix uses now.  The one installer of the
# project: the release archive ships it beside x86_64/ and i686/, and
# `make install` (tools/install.sh) runs it on the build tree.
#
#   setup.sh install   [--csp-only] [--prefix DIR]
#   setup.sh uninstall [--prefix DIR]
#   setup.sh status    [--prefix DIR]
#
# The prefix is --prefix, else WINEPREFIX, else ~/.wine (as Wine has it).
# Wine is the `wine` on PATH, or WINE=; WINE64= and WINE32= name the loaders
# of 64-bit and 32-bit programs where one `wine` is not both (WINE32= set
# empty: no 32-bit half); WINE_BUILTIN_DIR(32)= where Wine keeps its builtin
# PE DLLs, if not found.  --from DIR / --from32 DIR take the DLLs from
# elsewhere than this script's x86_64/ and i686/ (the build tree).
#
# install puts our advapi32.dll, cryptsp.dll, rsaenh.dll, dssenh.dll (with
# --csp-only rsaenh and dssenh alone) and certutil.exe into system32 and, in
# a prefix that runs 32-bit programs, the i686 ones into syswow64; our
# advapi32 forwards what is not crypto to advapi32_wine.dll, a link to the
# running Wine's builtin advapi32.dll.  It sets the DllOverrides to
# "native,builtin" (a system folder without ours falls back to Wine's; and
# certutil.exe's, or Wine runs its own stub of that name) and
# runs our DllRegisterServer.  First it saves everything it will change into
# PREFIX/cryptoapi-backup: the files under those names, the DllOverrides
# values, the provider registry of both views.  A step that fails, or an
# interrupt, undoes the install from that backup; a killed install leaves
# the backup marked "installing", and the next install or uninstall undoes it
# first.  Installing again first undoes the earlier install.
# uninstall gives back exactly what the backup holds, then removes it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
names="advapi32 cryptsp rsaenh dssenh"
# Wine ships a certutil.exe stub of its own and prefers it to ours unless
# this override says otherwise
overridden="$names certutil.exe"
csps="rsaenh dssenh"
overrides_key='HKCU\Software\Wine\DllOverrides'
defaults_key='Software\Microsoft\Cryptography\Defaults'

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }
usage() {
	sed -n 's/^#   \(setup.sh .*\)/usage: \1/p' "$0" >&2
	exit 2
}

action=${1:-}
[ $# -gt 0 ] && shift
mode=full
from=$here/x86_64 from32=$here/i686
while [ $# -gt 0 ]; do
	case "$1" in
		--csp-only) mode=csp-only ;;
		--prefix) [ $# -ge 2 ] || usage; WINEPREFIX=$2; shift ;;
		--from) [ $# -ge 2 ] || usage; from=$2; shift ;;
		--from32) [ $# -ge 2 ] || usage; from32=$2; shift ;;
		*) usage ;;
	esac
	shift
done
case "$action" in install|uninstall|status) ;; *) usage ;; esac
WINEPREFIX=${WINEPREFIX:-$HOME/.wine}
case "$WINEPREFIX" in /*) ;; *) WINEPREFIX=$PWD/$WINEPREFIX ;; esac
export WINEPREFIX WINEDEBUG=${WINEDEBUG:--all}
sys32=$WINEPREFIX/drive_c/windows/system32
wow64=$WINEPREFIX/drive_c/windows/syswow64
backup=$WINEPREFIX/cryptoapi-backup
ours=$names
[ "$mode" = csp-only ] && ours=$csps

# --- Wine: the loaders, the wineserver, the builtin DLLs --------------------

wine=${WINE:-$(command -v wine || true)}
[ -n "$wine" ] || die "no wine on PATH: install Wine, or name its loader with WINE=/path/to/wine"
command -v "$wine" >/dev/null || die "WINE=$wine is not a program"
resolved=$(readlink -f "$(command -v "$wine")")

# The architecture of the process a loader starts for a program ("AMD64", "x86").
arch_of() { # loader program
	WINEDEBUG=-all "$1" "$2" /c 'echo %PROCESSOR_ARCHITECTURE%' 2>/dev/null | tr -d '\r' | tail -n 1
}

# A loader that starts 64-bit programs: WINE64, or the first of wine's
# 64-bit siblings (Debian: /usr/lib/wine/wine64) and wine itself that does.
find_wine64() {
	local c
	if [ -n "${WINE64:-}" ]; then echo "$WINE64"; return; fi
	for c in "$(dirname "$resolved")/wine64" "$(command -v wine64 || true)" /usr/lib/wine/wine64 "$wine"; do
		[ -n "$c" ] && [ -x "$c" ] || continue
		[ "$(arch_of "$c" cmd)" = AMD64 ] && { echo "$c"; return; }
	done
	die "no loader of 64-bit programs found (tried $wine and its wine64): name it with WINE64="
}

# A loader that starts 32-bit programs, or nothing: WINE32 (set empty: none),
# else wine or Debian's 32-bit loader, if either runs syswow64's cmd as x86.
find_wine32() {
	local c
	if [ -n "${WINE32+set}" ]; then echo "$WINE32"; return; fi
	[ -f "$wow64/kernel32.dll" ] || return 0
	for c in "$wine" /usr/lib/wine/wine; do
		[ -x "$(command -v "$c" || true)" ] || continue
		[ "$(arch_of "$c" 'C:\windows\syswow64\cmd.exe')" = x86 ] && { echo "$c"; return; }
	done
}

# Where Wine keeps its builtin PE DLLs of one architecture.
builtin_dir() { # x86_64|i386
	local d base=$(dirname "$resolved") given=${WINE_BUILTIN_DIR:-}
	[ "$1" = i386 ] && given=${WINE_BUILTIN_DIR32:-}
	for d in "$given" "$base/../lib/wine/$1-windows" "$base/../lib64/wine/$1-windows" \
	         "$base/../$1-linux-gnu/wine/$1-windows" "/usr/lib/$1-linux-gnu/wine/$1-windows" \
	         "/usr/lib/wine/$1-windows" "/usr/lib64/wine/$1-windows" "/usr/local/lib/wine/$1-windows"; do
		[ -n "$d" ] && [ -f "$d/advapi32.dll" ] && { (cd "$d" && pwd); return; }
	done
	return 1
}

wineserver=${WINESERVER:-}
if [ -z "$wineserver" ]; then
	for c in "$(dirname "$resolved")/wineserver" "$(command -v wineserver || true)"; do
		[ -n "$c" ] && [ -x "$c" ] && { wineserver=$c; break; }
	done
fi
[ -n "$wineserver" ] || die "no wineserver found: name it with WINESERVER="
settle() { "$wineserver" -w; }

# --- small steps --------------------------------------------------------------

# The prefix's system folders: system32, and syswow64 where Wine set up a
# 32-bit half (a 64-bit-only Wine makes the folder but puts no DLL in it).
system_dirs() {
	echo system32
	[ -f "$wow64/kernel32.dll" ] && echo syswow64
	return 0
}

# Put a file (or a symbolic link, as itself) in place by renaming a copy over
# it: a process that has the old file mapped keeps its pages.
place() { # from to
	cp -P -p "$1" "$2.new" && mv -Tf "$2.new" "$2"
}

# The Windows path of a Unix file (winepath, so any drive mapping works).
winpath() { "$wine64" winepath -w "$1" 2>/dev/null | tr -d '\r'; }

# An override's value, or nothing when it has none.
override_of() { # name
	"$wine64" reg query "$overrides_key" /v "$1" 2>/dev/null | tr -d '\r' |
		sed -n "s/^ *$1 *REG_SZ *//p" || true
}

# What a DLL file in a system folder is: ours (this release), Wine's, other.
kind_of() { # file ours-file
	if [ ! -e "$1" ]; then echo absent
	elif [ -f "$2" ] && cmp -s "$1" "$2"; then echo ours
	elif grep -aq 'Wine builtin DLL' "$1"; then echo "Wine builtin"
	elif grep -aq 'Wine placeholder DLL' "$1"; then echo "Wine placeholder"
	else echo "other native"
	fi
}

# --- the backup ----------------------------------------------------------------

# Everything install may change, saved before it changes anything.  The
# state file is written last: a backup without it is incomplete and holds
# nothing install changed yet.
take_backup() {
	local d n f
	rm -rf "$backup" && mkdir -p "$backup"
	for d in $(system_dirs); do
		mkdir -p "$backup/$d"
		for f in advapi32.dll cryptsp.dll rsaenh.dll dssenh.dll advapi32_wine.dll certutil.exe; do
			if [ -e "$WINEPREFIX/drive_c/windows/$d/$f" ] || [ -L "$WINEPREFIX/drive_c/windows/$d/$f" ]; then
				cp -P -p "$WINEPREFIX/drive_c/windows/$d/$f" "$backup/$d/$f"
			else
				echo "$f" >> "$backup/$d/absent"
			fi
		done
	done
	for n in $overridden; do
		echo "$n=$(override_of "$n")" >> "$backup/overrides"
	done
	local bwin
	bwin=$(winpath "$backup")
	[ -n "$bwin" ] || die "winepath cannot name $backup"
	"$wine64" reg export "HKLM\\$defaults_key" "$bwin\\defaults64.reg" /y >/dev/null 2>&1 || touch "$backup/defaults64.none"
	"$wine64" reg export "HKLM\\Software\\Wow6432Node\\Microsoft\\Cryptography\\Defaults" "$bwin\\defaults32.reg" /y \
		>/dev/null 2>&1 || touch "$backup/defaults32.none"
	echo "$mode" > "$backup/mode"
	echo installing > "$backup/state.new" && mv -f "$backup/state.new" "$backup/state"
}

# Gives the prefix back what the backup holds; every step can run again.
# Says what it undid.
restore_backup() {
	local d n f v bwin
	[ -f "$backup/state" ] || { rm -rf "$backup"; return 0; }
	bwin=$(winpath "$backup")
	for d in system32 syswow64; do
		[ -d "$backup/$d" ] || continue
		for f in "$backup/$d"/*.dll "$backup/$d"/*.exe; do
			[ -e "$f" ] || [ -L "$f" ] || continue
			place "$f" "$WINEPREFIX/drive_c/windows/$d/$(basename "$f")"
		done
		[ -f "$backup/$d/absent" ] && while read -r f; do
			rm -f "$WINEPREFIX/drive_c/windows/$d/$f"
		done < "$backup/$d/absent"
		say "  $d: the files under our names are back as they were"
	done
	while IFS='=' read -r n v; do
		if [ -n "$v" ]; then
			"$wine64" reg add "$overrides_key" /v "$n" /d "$v" /f >/dev/null 2>&1 || die "reg add of the override $n failed"
		else
			"$wine64" reg delete "$overrides_key" /v "$n" /f >/dev/null 2>&1 || true
		fi
	done < "$backup/overrides"
	say "  DllOverrides of $overridden: back as they were"
	"$wine64" reg delete "HKLM\\$defaults_key" /f >/dev/null 2>&1 || true
	[ -f "$backup/defaults64.reg" ] && "$wine64" reg import "$bwin\\defaults64.reg" >/dev/null 2>&1
	"$wine64" reg delete "HKLM\\Software\\Wow6432Node\\Microsoft\\Cryptography\\Defaults" /f >/dev/null 2>&1 || true
	[ -f "$backup/defaults32.reg" ] && "$wine64" reg import "$bwin\\defaults32.reg" >/dev/null 2>&1
	say "  the provider registry: back as it was"
	settle
	rm -rf "$backup"
}

# --- install, uninstall, status -------------------------------------------------

# One architecture's files into one system folder.
put_files() { # from-dir system-dir builtin-dir
	local n
	for n in $ours; do
		place "$1/$n.dll" "$2/$n.dll"
	done
	[ -f "$1/certutil.exe" ] && place "$1/certutil.exe" "$2/certutil.exe"
	if [ "$mode" = full ]; then
		ln -sfn "$3/advapi32.dll" "$2/advapi32_wine.dll.new" && mv -Tf "$2/advapi32_wine.dll.new" "$2/advapi32_wine.dll"
	fi
	return 0
}

undo_on_failure() {
	local rc=$?
	trap - EXIT INT TERM HUP
	[ -f "$backup/state" ] && [ "$(cat "$backup/state")" = installing ] || exit $rc
	say "the install did not finish (exit $rc): undoing it"
	restore_backup
	say "undone: $WINEPREFIX is as before the install"
	exit $((rc ? rc : 1))
}

do_install() {
	local n dir64 dir32= arch=x86_64
	for n in $ours; do
		[ -f "$from/$n.dll" ] || die "missing $from/$n.dll"
	done
	if [ ! -f "$WINEPREFIX/system.reg" ]; then
		say "creating the prefix $WINEPREFIX"
		"$wine" wineboot -i >/dev/null 2>&1 || die "wineboot could not create $WINEPREFIX"
		settle
	fi
	wine64=$(find_wine64)
	wine32=$(find_wine32)
	dir64=$(builtin_dir x86_64) || die "cannot find Wine's builtin advapi32.dll (x86_64): set WINE_BUILTIN_DIR"
	if [ -n "$wine32" ] && [ -f "$wow64/kernel32.dll" ]; then
		[ -f "$from32/rsaenh.dll" ] || die "missing $from32/rsaenh.dll (the i686 DLLs) for this WoW64 prefix"
		dir32=$(builtin_dir i386) || die "cannot find Wine's builtin advapi32.dll (i386): set WINE_BUILTIN_DIR32"
		arch="x86_64 and i686"
	fi
	if [ -f "$backup/state" ]; then
		if [ "$(cat "$backup/state")" = installing ]; then
			say "an earlier install into $WINEPREFIX did not finish: undoing it first"
		else
			say "already installed: undoing that install first"
		fi
		restore_backup
	fi
	rm -rf "$backup"
	trap undo_on_failure EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
	take_backup
	put_files "$from" "$sys32" "$dir64"
	[ -n "$dir32" ] && put_files "$from32" "$wow64" "$dir32"
	for n in $ours $([ -f "$from/certutil.exe" ] && echo certutil.exe); do
		"$wine64" reg add "$overrides_key" /v "$n" /d native,builtin /f >/dev/null 2>&1 || die "reg add of the override $n failed"
	done
	# the 32-bit registration first: Wine's 32-bit regsvr32 writes the
	# registry's 64-bit view as well, which the 64-bit one then sets right
	for n in $csps; do
		if [ -n "$dir32" ]; then
			"$wine32" 'C:\windows\syswow64\regsvr32.exe' /s "$n.dll" >/dev/null 2>&1 || die "32-bit regsvr32 $n.dll failed"
		fi
		"$wine64" regsvr32 /s "$n.dll" >/dev/null 2>&1 || die "regsvr32 $n.dll failed"
	done
	settle
	echo installed > "$backup/state.new" && mv -f "$backup/state.new" "$backup/state"
	trap - EXIT INT TERM HUP
	say "installed ($mode, $arch) into $WINEPREFIX: $ours$([ -f "$from/certutil.exe" ] && echo ' certutil')"
}

do_uninstall() {
	[ -f "$WINEPREFIX/system.reg" ] || die "no prefix at $WINEPREFIX"
	if [ ! -d "$backup" ]; then
		say "nothing of ours in $WINEPREFIX: nothing to do"
		return 0
	fi
	wine64=$(find_wine64)
	[ -f "$backup/state" ] && [ "$(cat "$backup/state")" = installing ] &&
		say "an install into $WINEPREFIX did not finish: undoing it"
	restore_backup
	say "uninstalled from $WINEPREFIX"
}

do_status() {
	local d n k o u uses= state
	[ -f "$WINEPREFIX/system.reg" ] || die "no prefix at $WINEPREFIX"
	wine64=$(find_wine64)
	state=$(cat "$backup/state" 2>/dev/null || echo "not installed")
	[ "$state" = installing ] && state="an install that did not finish (run install or uninstall)"
	echo "prefix:  $WINEPREFIX"
	echo "wine:    $("$wine64" --version 2>/dev/null) ($wine64)"
	echo "setup:   $state$([ -f "$backup/mode" ] && echo " ($(cat "$backup/mode"))")"
	for n in $names; do
		o=$(override_of "$n")
		for d in $(system_dirs); do
			[ $d = system32 ] && k=$(kind_of "$sys32/$n.dll" "$from/$n.dll") || k=$(kind_of "$wow64/$n.dll" "$from32/$n.dll")
			# what a program loads: the file when the override puts native
			# first and the file is a real DLL, else Wine's builtin
			case "$o,$k" in
				native*,ours) u=ours ;;
				native*,"other native") u="other native" ;;
				*) u=builtin ;;
			esac
			printf '%-9s %-9s file: %-17s override: %-15s uses: %s\n' "$n" "$d" "$k" "${o:-(none)}" "$u"
			uses="$uses $n:$u"
		done
	done
	case "$uses" in
		*advapi32:ours*cryptsp:ours*rsaenh:ours*dssenh:ours*)
			case "$uses" in *builtin*|*other*) echo "uses:    a mix of ours and others" ;; *) echo "uses:    ours (the full stack)" ;; esac ;;
		*rsaenh:ours*dssenh:ours*)
			case "$uses" in *rsaenh:builtin*|*dssenh:builtin*|*other*) echo "uses:    a mix of ours and others" ;;
			                *) echo "uses:    ours (the CSPs only; Wine's advapi32 and cryptsp)" ;; esac ;;
		*ours*) echo "uses:    a mix of ours and others" ;;
		*other*) echo "uses:    other native DLLs, none of ours" ;;
		*) echo "uses:    Wine's builtin DLLs" ;;
	esac
}

case "$action" in
	install) do_install ;;
	uninstall) do_uninstall ;;
	status) do_status ;;
esac
