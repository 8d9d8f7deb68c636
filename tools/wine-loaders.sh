#!/usr/bin/env bash
# wine-loaders.sh - sourced by the scripts that run Wine.  Once a 32-bit Wine
# is installed, Debian's `wine` starts every program with the 32-bit loader;
# our 64-bit programs and Wine's own 64-bit ones want the 64-bit loader.  So
# a `wine` that is the 64-bit loader goes first in PATH (build/bin/wine),
# for these scripts and everything they start, and WINE32 names the 32-bit
# loader, or is empty when the host has none.
wine_loaders() { # top
	local w bin=$1/build/bin
	WINE32=
	[ -x /usr/lib/wine/wine ] && [ -f /usr/lib/i386-linux-gnu/wine/i386-windows/advapi32.dll ] &&
		WINE32=/usr/lib/wine/wine
	for w in /usr/lib/wine/wine64 /usr/lib64/wine/wine64; do
		if [ -x "$w" ]; then
			mkdir -p "$bin"
			printf '#!/bin/sh\nexec %s "$@"\n' "$w" > "$bin/wine"
			chmod +x "$bin/wine"
			case ":$PATH:" in *":$bin:"*) ;; *) PATH=$bin:$PATH ;; esac
			break
		fi
	done
	export PATH WINE32
}
