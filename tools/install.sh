#!/usr/bin/env bash
# install.sh - puts our DLLs into a Wine prefix, or takes them out again.
#
#   WINEPREFIX=/path bash tools/install.sh install   BUILD_DIR [--csp-only]
#   WINEPREFIX=/path bash tools/install.sh uninstall BUILD_DIR
#
# install: backs up what system32 holds under the same names, copies our
# rsaenh.dll (and, for the full stack, cryptsp.dll, advapi32.dll and a copy
# of Wine's builtin advapi32 as advapi32_wine.dll, which our advapi32
# forwards its non-crypto exports to), sets the DllOverrides to native and
# runs our DllRegisterServer.  uninstall: runs our DllUnregisterServer,
# removes the overrides, restores the backed-up files and lets Wine's
# builtin rsaenh register itself again, so the prefix is as before.
set -euo pipefail

action=${1:?usage: install.sh install|uninstall BUILD_DIR [--csp-only]}
dir=${2:?usage: install.sh install|uninstall BUILD_DIR [--csp-only]}
mode=${3:-full}
: "${WINEPREFIX:?set WINEPREFIX}"
export WINEPREFIX
export WINEDEBUG=${WINEDEBUG:--all}

wine=$(command -v wine)
sys32=$WINEPREFIX/drive_c/windows/system32
backup=$WINEPREFIX/cryptoapi-backup
ours="advapi32 cryptsp rsaenh"
[ "$mode" = --csp-only ] && ours="rsaenh"
overrides_key='HKCU\Software\Wine\DllOverrides'

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

ensure_prefix() {
	if [ ! -f "$WINEPREFIX/system.reg" ]; then
		say "creating prefix $WINEPREFIX"
		"$wine" wineboot -i >/dev/null 2>&1
		winesrv -w
	fi
}

winesrv() { wineserver "$@"; }

do_install() {
	ensure_prefix
	mkdir -p "$backup"
	for n in $ours; do
		[ -f "$dir/$n.dll" ] || { echo "missing $dir/$n.dll: run make first" >&2; exit 1; }
		# Keep the prefix's own file once; a second install must not back up ours.
		if [ -f "$sys32/$n.dll" ] && [ ! -f "$backup/$n.dll" ]; then
			cp -p "$sys32/$n.dll" "$backup/$n.dll"
		fi
		cp "$dir/$n.dll" "$sys32/$n.dll"
	done
	if [ "$mode" != --csp-only ]; then
		cp "$(builtin_dir)/advapi32.dll" "$sys32/advapi32_wine.dll"
	fi
	for n in $ours; do
		"$wine" reg add "$overrides_key" /v "$n" /d native /f >/dev/null
	done
	"$wine" regsvr32 /s rsaenh.dll
	winesrv -w
	say "installed ($mode) into $WINEPREFIX: $ours"
}

do_uninstall() {
	[ -f "$WINEPREFIX/system.reg" ] || { echo "no prefix at $WINEPREFIX" >&2; exit 1; }
	# Our DllUnregisterServer removes what ours registered...
	"$wine" regsvr32 /s /u rsaenh.dll || true
	for n in advapi32 cryptsp rsaenh; do
		"$wine" reg delete "$overrides_key" /v "$n" /f >/dev/null 2>&1 || true
	done
	winesrv -w
	for n in advapi32 cryptsp rsaenh; do
		[ -f "$backup/$n.dll" ] && cp -p "$backup/$n.dll" "$sys32/$n.dll"
	done
	rm -f "$sys32/advapi32_wine.dll"
	rm -rf "$backup"
	# ...and Wine's builtin rsaenh writes its own entries back.
	"$wine" regsvr32 /s rsaenh.dll
	winesrv -w
	say "uninstalled from $WINEPREFIX"
}

case "$action" in
	install) do_install ;;
	uninstall) do_uninstall ;;
	*) echo "unknown action $action" >&2; exit 2 ;;
esac
