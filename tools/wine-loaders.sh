#!/usr/bin/env bash
# wine-loaders.sh - sourced by the scripts that run Wine.  Once a 32-bit Wine
# is installed, Debian's `wine` starts every program with the 32-bit loader;
# our 64-bit programs and Wine's own 64-bit ones want the 64-bit loader.  So
# a `wine` that is the 64-bit loader goes first in PATH (build/bin/wine),
# for these scripts and everything they start, and WINE32 names a loader
# that runs 32-bit programs, or is empty when there is none that works here.
# Candidates for WINE32, first that answers --version: $WINE32 as given, the
# WoW64 loader a Wine root may have (named in its /etc/wine-wow64-loader by
# tools/wine-root-wow64.sh once it has run a 32-bit program), Debian's
# 32-bit loader (an i386 Linux program: machines without IA-32 emulation
# cannot run it, and neither can a host without wine32:i386).
wine_loaders() { # top
	local w bin=$1/build/bin
	if [ -z "${WINE32:-}" ] || ! "$WINE32" --version >/dev/null 2>&1; then
		WINE32=
		for w in $(cat /etc/wine-wow64-loader 2>/dev/null) /usr/lib/wine/wine; do
			if [ -x "$w" ] && "$w" --version >/dev/null 2>&1; then
				WINE32=$w
				break
			fi
		done
	fi
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
