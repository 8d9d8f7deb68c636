#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# Installs everything the build needs, from nothing, and does nothing twice:
# Debian packages, a deb-src entry, the nettle/GMP/Wine source packages in
# build/deps/, and static builds of GMP and nettle for $HOST (default
# x86_64-w64-mingw32; the Makefile runs it again with HOST=i686-w64-mingw32
# for the 32-bit DLLs) in build/sysroot/$HOST.  Safe to run again: each step
# checks a stamp or a file first.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
deps=$build/deps
host=${HOST:-x86_64-w64-mingw32}
sysroot=$build/sysroot/$host
jobs=$(nproc 2>/dev/null || echo 2)

say() { printf '[setup] %s\n' "$*"; }

# Runs a build step with its output in build/logs/NAME.log, shown on failure.
logged() { # name command...
	local name=$1; shift
	mkdir -p "$build/logs"
	if ! "$@" >"$build/logs/$name.log" 2>&1; then
		tail -n 30 "$build/logs/$name.log"
		say "$name failed; whole log in build/logs/$name.log"
		exit 1
	fi
}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt-get update fails as a whole when any one index does (a mirror mid-sync,
# a third-party source this machine cannot reach), though the indexes we use
# may all be fine: a failed update is a warning, and the install or source
# fetch that follows fails by itself if what it needs is missing.
apt_update() {
	mkdir -p "$build/logs"
	if ! as_root apt-get update >"$build/logs/apt-update.log" 2>&1; then
		say "warning: apt-get update reported errors (build/logs/apt-update.log); going on with the indexes it has:"
		grep -E '^(E|W):' "$build/logs/apt-update.log" | head -n 5 | sed 's/^/[setup]   /'
	fi
}

# 1. Debian packages.  No 32-bit Wine on the host: the i386 indexes of the
#    host's archive are often out of step with amd64 (a half-synced security
#    suite), and adding the architecture then breaks the machine's apt.  The
#    Wine roots that make check creates (tools/wine-root.sh) carry wine32.
packages="make gcc m4 dpkg-dev xz-utils ca-certificates
	gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64
	gcc-mingw-w64-i686 binutils-mingw-w64-i686
	wine wine64 nettle-dev libgmp-dev python3 openssl valgrind
	clang libclang-rt-14-dev debootstrap"
# `setup.sh --bench` (run by `make bench`): also the plotting tool for bench.png.
[ "${1:-}" = --bench ] && packages="$packages gnuplot-nox"
missing=
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	say "installing Debian packages:$missing"
	apt_update
	logged apt-install as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
fi

# 2. A deb-src entry, so that apt-get source reaches Debian's source registry.
srcfile=/etc/apt/sources.list.d/cryptoapi-deb-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
	say "adding deb-src entry $srcfile"
	as_root tee "$srcfile" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	apt_update
fi

# 3. Source packages into build/deps/.
mkdir -p "$deps"
fetch_source() { # name dir-glob
	if ! ls -d "$deps"/$2 >/dev/null 2>&1; then
		say "apt-get source $1"
		logged "source-$1" sh -c "cd '$deps' && apt-get source '$1'"
	fi
}
fetch_source nettle 'nettle-[0-9]*/'
fetch_source gmp 'gmp-[0-9]*/'
fetch_source wine 'wine-[0-9]*/'

# 3b. From Debian trixie, through a private apt configuration (its own lists
#     and cache under build/apt-trixie/), so the host's apt sources and state
#     stay as they are: Wine 10.0's sources, for its newer test suites, and
#     qemu-user (static binaries in trixie), unpacked (no maintainer script runs, nothing is
#     registered with the kernel): the Wine roots run 32-bit Wine processes
#     under its qemu-i386 on machines whose kernel runs no i386 code
#     (tools/wine-root.sh).  trixie's qemu 10.0 rather than bookworm's 7.2:
#     under 7.2 each 32-bit Wine process took 60 s of CPU to start, 3 s under 10.0.
apt10=$build/apt-trixie
aptopts="-o Dir::State::Lists=$apt10/lists -o Dir::Cache::Archives=$apt10/archives
	-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=
	-o Dir::Etc::SourceList=$apt10/sources.list -o Dir::Etc::SourceParts=/nonexistent"
if ! ls -d "$deps"/wine10/wine-[0-9]*/ >/dev/null 2>&1 || [ ! -x "$deps/qemu/usr/bin/qemu-i386" ]; then
	mkdir -p "$apt10/lists/partial" "$apt10/archives/partial" "$deps/wine10" "$deps/qemu"
	for t in deb deb-src; do
		echo "$t [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${DEBIAN_MIRROR:-http://deb.debian.org/debian} trixie main"
	done > "$apt10/sources.list"
	logged apt-update-trixie apt-get $aptopts update
fi
if ! ls -d "$deps"/wine10/wine-[0-9]*/ >/dev/null 2>&1; then
	say "apt-get source wine (trixie, private apt configuration)"
	logged source-wine10 sh -c "cd '$deps/wine10' && apt-get $(echo $aptopts) source wine"
fi
if [ ! -x "$deps/qemu/usr/bin/qemu-i386" ]; then
	say "apt-get download qemu-user (trixie, private apt configuration), unpacked into build/deps/qemu"
	logged download-qemu sh -c "cd '$deps/qemu' && apt-get $(echo $aptopts) download qemu-user &&
		dpkg-deb -x qemu-user_*.deb ."
fi

srcdir() { ls -d "$deps"/$1 | head -n1 | sed 's:/$::'; }
gmp_src=$(srcdir 'gmp-[0-9]*/')
nettle_src=$(srcdir 'nettle-[0-9]*/')

# Debian's patches leave configure.ac newer than configure; build what the
# tarball shipped instead of regenerating it (autotools are not needed).
no_autotools="ACLOCAL=true AUTOCONF=true AUTOMAKE=true AUTOHEADER=true"

# 4. GMP, static, cross-built.
if [ ! -f "$sysroot/lib/libgmp.a" ]; then
	say "building GMP for $host"
	rm -rf "$build/obj/$host/gmp" && mkdir -p "$build/obj/$host/gmp"
	# Debian's +dfsg tarball drops doc/ but its configure still lists
	# doc/Makefile; give it an empty one.
	if [ ! -f "$gmp_src/doc/Makefile.in" ]; then
		mkdir -p "$gmp_src/doc"
		printf 'all install install-data install-exec check clean distclean:\n\t@:\n' > "$gmp_src/doc/Makefile.in"
	fi
	logged gmp-$host sh -c "cd '$build/obj/$host/gmp' &&
	 '$gmp_src/configure' --host=$host --prefix='$sysroot' \
		--enable-static --disable-shared --enable-fat &&
	 make -j$jobs $no_autotools && make install $no_autotools"
fi

# 5. nettle and hogweed, static, cross-built with run-time CPU selection.
if [ ! -f "$sysroot/lib/libhogweed.a" ]; then
	say "building nettle for $host"
	rm -rf "$build/obj/$host/nettle" && mkdir -p "$build/obj/$host/nettle"
	logged nettle-$host sh -c "cd '$build/obj/$host/nettle' &&
	 '$nettle_src/configure' --host=$host --prefix='$sysroot' \
		--enable-static --disable-shared --enable-fat \
		--disable-documentation --disable-openssl \
		--with-include-path='$sysroot/include' --with-lib-path='$sysroot/lib' &&
	 make -j$jobs $no_autotools && make install $no_autotools"
fi

# 6. Wine's test harness headers alone (the rest of Wine's include/ would
#    shadow mingw's Windows headers).
wine_src=$(srcdir 'wine-[0-9]*/')
winetest_inc=$build/winetest/include/wine
if [ ! -f "$winetest_inc/test.h" ]; then
	mkdir -p "$winetest_inc"
	cp "$wine_src/include/wine/test.h" "$wine_src/include/wine/debug.h" "$winetest_inc/"
fi

say "ready: $sysroot"
