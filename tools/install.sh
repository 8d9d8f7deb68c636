#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# install.sh - `make install` and `make uninstall`: the release's installer,
# dist/setup.sh, run on the build tree, with the loaders this machine needs.
#
#   WINEPREFIX=/path bash tools/install.sh install   BUILD_DIR [--csp-only]
#   WINEPREFIX=/path bash tools/install.sh uninstall BUILD_DIR
#   WINEPREFIX=/path bash tools/install.sh status    BUILD_DIR
#
# BUILD_DIR holds the x86_64 DLLs; the i686 ones are beside it
# (build/i686-w64-mingw32).  The loaders come from tools/wine-loaders.sh:
# Debian's `wine` starts the 32-bit loader once a 32-bit Wine is installed,
# and in a Wine root on a kernel without IA-32 the 32-bit loader runs under
# qemu; so both are named to setup.sh (WINE32 empty: no 32-bit half).
set -euo pipefail

action=${1:?usage: install.sh install|uninstall|status BUILD_DIR [--csp-only]}
dir=${2:?usage: install.sh install|uninstall|status BUILD_DIR [--csp-only]}
shift 2
: "${WINEPREFIX:?set WINEPREFIX}"
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
dir=$(cd "$dir" && pwd)
# (an empty argument, as callers pass for "the full stack", is no option)
args=()
for a in "$@"; do [ -n "$a" ] && args+=("$a"); done
WINE=$(command -v wine) WINE64=$(command -v wine) WINE32=$WINE32 \
	exec bash "$top/dist/setup.sh" "$action" --from "$dir" --from32 "$dir/../i686-w64-mingw32" ${args[@]+"${args[@]}"}
