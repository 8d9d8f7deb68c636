#!/usr/bin/env bash
# install.sh - puts our DLLs into a Wine prefix, or takes them out again.
#
#   WINEPREFIX=/path bash tools/install.sh install   BUILD_DIR [--csp-only]
#   WINEPREFIX=/path bash tools/install.sh uninstall BUILD_DIR
#
# install: backs up what system32 holds under the same names, copies our
# CSPs rsaenh.dll and dssenh.dll (and, for the full stack, cryptsp.dll and
# advapi32.dll, with advapi32_wine.dll, which our advapi32 forwards its
# non-crypto exports to: a symbolic link to the running Wine's own builtin
# advapi32.dll, so that after a Wine upgrade it is the new Wine's), sets the
# DllOverrides to "native,builtin" and runs our DllRegisterServer.
# "native,builtin", not "native": an architecture whose system folder has no
# DLL of ours (a 32-bit Wine added after the install, a prefix opened by a
# WoW64 Wine after a 64-bit-only one) falls back to Wine's builtin DLL
# instead of failing every program of that architecture.  uninstall: runs our DllUnregisterServer,
# removes the overrides, restores the backed-up files and lets Wine's
# builtin rsaenh and dssenh register themselves again, so the prefix is as
# before.
# Where the prefix runs 32-bit programs too (syswow64, and a loader of 32-bit
# programs that works: tools/wine-loaders.sh), the i686 build beside
# BUILD_DIR goes into syswow64 the same way.
set -euo pipefail

action=${1:?usage: install.sh install|uninstall BUILD_DIR [--csp-only]}
dir=${2:?usage: install.sh install|uninstall BUILD_DIR [--csp-only]}
mode=${3:-full}
: "${WINEPREFIX:?set WINEPREFIX}"
export WINEPREFIX
export WINEDEBUG=${WINEDEBUG:--all}

# Debian's wine runs Wine's own programs (regsvr32, reg) as 32-bit ones
# when a 32-bit Wine is installed: name the 64-bit loader for the 64-bit half.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
wine=$(command -v wine)
wine64=$wine wine32=$WINE32
sys32=$WINEPREFIX/drive_c/windows/system32
backup=$WINEPREFIX/cryptoapi-backup
csps="rsaenh dssenh"
ours="advapi32 cryptsp $csps"
[ "$mode" = --csp-only ] && ours=$csps
overrides_key='HKCU\Software\Wine\DllOverrides'
defaults_key='HKLM\Software\Microsoft\Cryptography\Defaults'

say() { printf '[install] %s\n' "$*"; }

# Where Wine keeps its builtin PE DLLs (Debian: /usr/lib/<triplet>/wine/x86_64-windows).
builtin_dir() {
	local d
	for d in ${WINE_BUILTIN_DIR:-} /usr/lib/x86_64-linux-gnu/wine/x86_64-windows \
	         /usr/lib/wine/x86_64-windows /usr/local/lib/wine/x86_64-windows /opt/wine*/lib/wine/x86_64-windows; do
		[ -f "$d/advapi32.dll" ] && { echo "$d"; return; }
	done
	echo "cannot find Wine's builtin advapi32.dll; set WINE_BUILTIN_DIR" >&2
	return 1
}

# The same for the 32-bit builtins; nothing when the host has no 32-bit Wine.
builtin_dir32() {
	local d
	for d in ${WINE_BUILTIN_DIR32:-} /usr/lib/i386-linux-gnu/wine/i386-windows /usr/lib/wine/i386-windows \
	         /usr/local/lib/wine/i386-windows /opt/wine*/lib/wine/i386-windows; do
		[ -f "$d/advapi32.dll" ] && { echo "$d"; return; }
	done
	return 1
}

dir32=$(cd "$dir/.." 2>/dev/null && pwd)/i686-w64-mingw32
wow64=$WINEPREFIX/drive_c/windows/syswow64
# Whether the 32-bit half is installed too: a prefix whose syswow64 Wine has
# set up (a prefix made while this Wine ran no 32-bit programs has none until
# Wine updates it), a loader of 32-bit programs, our i686 build.
with_wow64() { [ -n "$wine32" ] && [ -f "$wow64/kernel32.dll" ] && [ -f "$dir32/rsaenh.dll" ] && builtin_dir32 >/dev/null; }

# Put a file in place by renaming a copy over it: a Wine process that has
# the old file mapped keeps it (cp over it would change its pages).
place() { # from to [cp options]
	cp ${3:-} "$1" "$2.new" && mv -f "$2.new" "$2"
}

# Copy our DLLs from one build into one system folder, keeping the prefix's own once;
# advapi32_wine.dll links to the running Wine's builtin advapi32 (ln over a
# copy left by an older install, atomically by rename).
put_dlls() { # from-dir to-dir backup-dir builtin-advapi32-dir
	local n
	mkdir -p "$3"
	for n in $ours; do
		[ -f "$1/$n.dll" ] || { echo "missing $1/$n.dll: run make first" >&2; exit 1; }
		# a second install must not back up ours
		if [ -f "$2/$n.dll" ] && [ ! -f "$3/$n.dll" ]; then
			cp -p "$2/$n.dll" "$3/$n.dll"
		fi
		place "$1/$n.dll" "$2/$n.dll"
	done
	if [ "$mode" != --csp-only ]; then
		ln -sfn "$4/advapi32.dll" "$2/advapi32_wine.dll.new" && mv -Tf "$2/advapi32_wine.dll.new" "$2/advapi32_wine.dll"
	fi
}

# Give a system folder its files back.
restore_dlls() { # system-dir backup-dir
	local n
	for n in advapi32 cryptsp $csps; do
		if [ -f "$2/$n.dll" ]; then place "$2/$n.dll" "$1/$n.dll" -p; fi
	done
	rm -f "$1/advapi32_wine.dll"
}

# certutil.exe (issue 17): ours into system32, and the i686 one into
# syswow64 where the 32-bit half goes; a copy in the backup folder says
# which file is ours, so uninstall removes only that (and puts back a
# certutil.exe that was there before: Wine has a builtin stub of that name,
# which it prefers unless the override "certutil.exe"=native,builtin says
# otherwise; the override is set and removed here too).
certutil_exe() { # install|uninstall system-dir backup-dir [build-dir]
	local to=$2/certutil.exe
	if [ "$1" = install ]; then
		[ -f "$4/certutil.exe" ] || { say "no $4/certutil.exe: certutil not installed (run make)"; return 0; }
		mkdir -p "$3"
		if [ -f "$to" ] && [ ! -f "$3/certutil.exe.ours" ] && [ ! -f "$3/certutil.exe" ]; then cp -p "$to" "$3/certutil.exe"; fi
		place "$4/certutil.exe" "$to" && cp "$4/certutil.exe" "$3/certutil.exe.ours"
		"$wine" reg add "$overrides_key" /v certutil.exe /d native,builtin /f >/dev/null
	else
		"$wine" reg delete "$overrides_key" /v certutil.exe /f >/dev/null 2>&1 || true
		[ -f "$3/certutil.exe.ours" ] && cmp -s "$to" "$3/certutil.exe.ours" && rm -f "$to"
		if [ -f "$3/certutil.exe" ]; then place "$3/certutil.exe" "$to" -p; fi
		return 0
	fi
}

ensure_prefix() {
	if [ ! -f "$WINEPREFIX/system.reg" ]; then
		say "creating prefix $WINEPREFIX"
		"$wine64" wineboot -i >/dev/null 2>&1
		winesrv -w
	fi
}

winesrv() { wineserver "$@"; }

do_install() {
	local n arch=x86_64
	ensure_prefix
	put_dlls "$dir" "$sys32" "$backup" "$(builtin_dir)"
	if with_wow64; then
		put_dlls "$dir32" "$wow64" "$backup/wow64" "$(builtin_dir32)"
		# the 32-bit view's provider registry, to be given back as it was
		[ -f "$backup/wow64/defaults.reg" ] ||
			"$wine32" reg export "$defaults_key" "$("$wine64" winepath -w "$backup/wow64/defaults.reg")" /y >/dev/null
		arch="x86_64 and i686"
	fi
	for n in $ours; do
		"$wine" reg add "$overrides_key" /v "$n" /d native,builtin /f >/dev/null
	done
	# the 32-bit registration first: Wine's 32-bit regsvr32 writes the
	# registry's 64-bit view as well, which the 64-bit one then sets right
	for n in $csps; do
		with_wow64 && "$wine32" regsvr32 /s $n.dll
		"$wine64" regsvr32 /s $n.dll
	done
	certutil_exe install "$sys32" "$backup" "$dir"
	with_wow64 && certutil_exe install "$wow64" "$backup/wow64" "$dir32"
	winesrv -w
	say "installed ($mode, $arch) into $WINEPREFIX: $ours"
}

do_uninstall() {
	[ -f "$WINEPREFIX/system.reg" ] || { echo "no prefix at $WINEPREFIX" >&2; exit 1; }
	local wow=
	[ -d "$backup/wow64" ] && wow=1
	# Our DllUnregisterServer removes what ours registered...
	for n in $csps; do
		[ -n "$wow" ] && { "$wine32" regsvr32 /s /u $n.dll || true; }
		"$wine64" regsvr32 /s /u $n.dll || true
	done
	for n in advapi32 cryptsp $csps; do
		"$wine" reg delete "$overrides_key" /v "$n" /f >/dev/null 2>&1 || true
	done
	winesrv -w
	restore_dlls "$sys32" "$backup"
	[ -n "$wow" ] && restore_dlls "$wow64" "$backup/wow64"
	# ...and Wine's builtin CSPs write their own entries back; the 32-bit
	# view gets back what it had (Wine's 32-bit rsaenh would register its
	# syswow64 path where a new prefix has the system32 one).
	if [ -n "$wow" ]; then
		"$wine32" reg delete "$defaults_key" /f >/dev/null 2>&1 || true
		"$wine32" reg import "$("$wine64" winepath -w "$backup/wow64/defaults.reg")" >/dev/null
	fi
	for n in $csps; do
		"$wine64" regsvr32 /s $n.dll
	done
	winesrv -w
	certutil_exe uninstall "$sys32" "$backup"
	[ -n "$wow" ] && certutil_exe uninstall "$wow64" "$backup/wow64"
	rm -rf "$backup"
	say "uninstalled from $WINEPREFIX"
}

case "$action" in
	install) do_install ;;
	uninstall) do_uninstall ;;
	*) echo "unknown action $action" >&2; exit 2 ;;
esac
