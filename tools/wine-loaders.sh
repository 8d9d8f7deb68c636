#!/usr/bin/env bash
# wine-loaders.sh - sourced by the scripts that run Wine.  Once a 32-bit Wine
# is installed, Debian's `wine` starts every program with the 32-bit loader;
# our 64-bit programs and Wine's own 64-bit ones want the 64-bit loader.  So
# a `wine` that is the 64-bit loader goes first in PATH (build/bin/wine),
# for these scripts and everything they start, and WINE32 names a loader
# that runs 32-bit programs, or is empty when there is none that works here.
# Candidates for WINE32, first that answers --version: $WINE32 as given,
# Debian's 32-bit loader (an i386 Linux program: a kernel without IA-32
# emulation cannot run it, and a host without wine32:i386 has none).
# WINE32_WHY says why there is none.  Wine's WoW64 mode is no way round a
# missing IA-32 emulation: its ntdll allocates the 32-bit %fs selector with
# int $0x80 and runs 32-bit code in the 32-bit code segment, both refused
# by such a kernel (alloc_fs_sel in dlls/ntdll/unix/signal_x86_64.c).
wine_loaders() { # top
	local w bin=$1/build/bin
	WINE32_WHY=
	if [ -z "${WINE32:-}" ] || ! "$WINE32" --version >/dev/null 2>&1; then
		WINE32=
		if [ -x /usr/lib/wine/wine ] && /usr/lib/wine/wine --version >/dev/null 2>&1; then
			WINE32=/usr/lib/wine/wine
		elif [ -x /usr/lib/wine/wine ]; then
			WINE32_WHY="Debian's 32-bit loader /usr/lib/wine/wine does not start: $(/usr/lib/wine/wine --version 2>&1 | tail -n 1)$(dmesg 2>/dev/null | grep -o 'IA-32 emulation off[^(]*' | head -n 1 | sed 's/^/ (kernel: /; s/ *$/)/')"
		else
			WINE32_WHY="no 32-bit Wine (wine32:i386) here"
		fi
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
	export PATH WINE32 WINE32_WHY
}
