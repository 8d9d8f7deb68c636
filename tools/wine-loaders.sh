#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# wine-loaders.sh - sourced by the scripts that run Wine.  Once a 32-bit Wine
# is installed, Debian's `wine` starts every program with the 32-bit loader;
# our 64-bit programs and Wine's own 64-bit ones want the 64-bit loader.  So
# a `wine` that is the 64-bit loader goes first in PATH (build/bin/wine),
# for these scripts and everything they start, and WINE32 names a loader
# that runs 32-bit programs, or is empty when none works here (WINE32_WHY
# says why).  Candidates, the first that answers --version: $WINE32 as
# given, Debian's 32-bit loader (an i386 Linux program), and in a Wine root
# on a kernel that runs no i386 code, wine-qemu, the same under qemu-i386;
# the 64-bit loader is then wine-qemu64, so that 64-bit processes start
# their 32-bit children through qemu too (tools/wine-root.sh).
wine_loaders() { # top
	local w bin=$1/build/bin
	WINE32_WHY=
	if [ -z "${WINE32:-}" ] || ! "$WINE32" --version >/dev/null 2>&1; then
		WINE32=
		for w in /usr/lib/wine/wine /usr/lib/wine/wine-qemu; do
			if [ -x "$w" ] && "$w" --version >/dev/null 2>&1; then
				WINE32=$w
				break
			fi
		done
		if [ -z "$WINE32" ] && [ -x /usr/lib/wine/wine ]; then
			WINE32_WHY="Debian's 32-bit loader /usr/lib/wine/wine does not start: $(/usr/lib/wine/wine --version 2>&1 | tail -n 1)$(dmesg 2>/dev/null | grep -o 'IA-32 emulation off[^(]*' | head -n 1 | sed 's/^/ (kernel: /; s/ *$/)/')"
		elif [ -z "$WINE32" ]; then
			WINE32_WHY="no 32-bit Wine (wine32:i386) here"
		fi
	fi
	for w in /usr/lib/wine/wine-qemu64 /usr/lib/wine/wine64 /usr/lib64/wine/wine64; do
		if [ -x "$w" ]; then
			mkdir -p "$bin"
			printf '#!/bin/sh\nexec %s "$@"\n' "$w" > "$bin/wine"
			chmod +x "$bin/wine"
			case ":$PATH:" in *":$bin:"*) ;; *) PATH=$bin:$PATH ;; esac
			break
		fi
	done
	export PATH WINE32 WINE32_WHY
}
