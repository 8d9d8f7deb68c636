#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# wine-root.sh - a Debian root with one Wine release, 64- and 32-bit, for
# running our tests on a Wine other than the host's (or on a 32-bit Wine the
# host cannot install).  Only Debian's archive and Debian's packages: the
# root is made by debootstrap, Wine comes from the release's own suite.
#
#   tools/wine-root.sh create RELEASE        make build/roots/RELEASE once (bookworm: Wine 8.0,
#                                            trixie: Wine 10.0); a later call does nothing
#   tools/wine-root.sh run RELEASE CMD...    run CMD inside it, as root, in the same working
#                                            directory; the project folder is the same path inside
#   tools/wine-root.sh version RELEASE       the Wine version the root has ("wine-10.0")
#
# Why a root and not the host's i386 packages: the root has no security
# suite, so its i386 and amd64 package versions always agree (the host's
# bookworm-security i386 index is often mid-sync, and wine32:i386 then
# cannot be installed).  The host's package state is never touched.
# `run` uses a private mount namespace (unshare --mount): /proc, /dev, /sys
# and the project folder are bound into the root only for that command.
#
# 32-bit programs: Debian's 32-bit Wine loader is an i386 Linux program.
# Where the kernel runs no i386 code (no IA-32 emulation: execve gives
# ENOEXEC), the root gets /usr/lib/wine/wine-qemu, which runs that loader
# under qemu-i386 (trixie's qemu-user, unpacked by tools/setup.sh), and
# /usr/lib/wine/wine-qemu64, the 64-bit loader under that name.  Wine picks
# the loader of a child of the other bitness by adding or removing "64" at
# the end of its own name, so a 64-bit process started as wine-qemu64 starts
# 32-bit children through wine-qemu, and they start 64-bit ones natively.
# Wine's own WoW64 mode is no way round it: its ntdll sets up 32-bit code
# with int $0x80 and the 32-bit code segment, which such a kernel refuses
# (alloc_fs_sel in dlls/ntdll/unix/signal_x86_64.c).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
action=${1:?usage: wine-root.sh create|run|version RELEASE [CMD...]}
release=${2:?usage: wine-root.sh create|run|version RELEASE [CMD...]}
shift 2
root=$top/build/roots/$release
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { printf '[wine-root %s] %s\n' "$release" "$*"; }

# what Wine loads at run time beyond its dependencies (TLS, Kerberos, D-Bus),
# in the names each release gives them
case "$release" in
	bookworm) runtime="libgnutls30 libkrb5-3 libdbus-1-3" ;;
	trixie)   runtime="libgnutls30t64 libkrb5-3 libdbus-1-3" ;;
	*) echo "unknown release $release (bookworm, trixie)" >&2; exit 2 ;;
esac

# Runs a command in the root with /proc, /dev, /sys and the project bound in.
in_root() {
	unshare --mount --propagation private -- /bin/sh -ec '
		root=$1 top=$2; shift 2
		mount -t proc proc "$root/proc"
		mount --rbind /dev "$root/dev"
		mount --rbind /sys "$root/sys"
		mkdir -p "$root$top" "$root/tmp"
		mount --bind "$top" "$root$top"
		exec chroot "$root" /usr/bin/env -C "$PWD_INSIDE" "$@"' sh "$root" "$top" "$@"
}

# The qemu loaders, where the root's 32-bit loader cannot run natively.
qemu_loaders() {
	local qemu=$top/build/deps/qemu/usr/bin/qemu-i386
	chroot "$root" /usr/lib/wine/wine --version >/dev/null 2>&1 && return 0
	[ -x "$qemu" ] || { echo "no $qemu: run tools/setup.sh" >&2; exit 1; }
	if ! cmp -s "$qemu" "$root/usr/local/bin/qemu-i386"; then
		say "this kernel runs no i386 code: 32-bit Wine processes run under qemu-i386"
		mkdir -p "$root/usr/local/bin"
		cp "$qemu" "$root/usr/local/bin/qemu-i386.new" && mv -f "$root/usr/local/bin/qemu-i386.new" "$root/usr/local/bin/qemu-i386"
	fi
	printf '%s\n' '#!/bin/sh' \
		'# Debian'"'"'s 32-bit Wine loader, its i386 code run by qemu (tools/wine-root.sh)' \
		'exec /usr/local/bin/qemu-i386 -0 /usr/lib/wine/wine-qemu /usr/lib/wine/wine "$@"' > "$root/usr/lib/wine/wine-qemu"
	chmod +x "$root/usr/lib/wine/wine-qemu"
	ln -sfn wine64 "$root/usr/lib/wine/wine-qemu64"
}

# What the tests run in the root besides Wine (xz: the release archives).
extras="python3 openssl procps diffutils xz-utils"

# A root made before a package joined $extras gets it now.
ensure_extras() {
	local p missing=
	for p in $extras; do
		chroot "$root" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	say "installing$missing"
	mkdir -p "$top/build/logs"
	if ! PWD_INSIDE=/ in_root /bin/sh -ec "
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
		apt-get clean" >>"$top/build/logs/root-$release.log" 2>&1; then
		tail -n 20 "$top/build/logs/root-$release.log"; say "installing$missing in the root failed"; exit 1
	fi
}

create() {
	if [ -f "$root/.ready" ]; then
		ensure_extras
		qemu_loaders
		return 0
	fi
	[ "$(id -u)" = 0 ] || { echo "making a Wine root needs root (debootstrap, chroot)" >&2; exit 1; }
	command -v debootstrap >/dev/null || { echo "debootstrap is missing: run tools/setup.sh" >&2; exit 1; }
	mkdir -p "$top/build/logs"
	local log=$top/build/logs/root-$release.log
	say "debootstrap --variant=minbase $release (log: build/logs/root-$release.log)"
	rm -rf "$root"
	if ! debootstrap --variant=minbase "$release" "$root" "$mirror" >"$log" 2>&1; then
		tail -n 20 "$log"; say "debootstrap failed"; exit 1
	fi
	say "installing wine, wine64, wine32:i386"
	cat > "$root/usr/sbin/policy-rc.d" <<-'EOF'
	#!/bin/sh
	exit 101
	EOF
	chmod +x "$root/usr/sbin/policy-rc.d"
	local i386
	i386=$(echo "$runtime" | sed 's/\([^ ]*\)/\1:i386/g')
	if ! PWD_INSIDE=/ in_root /bin/sh -ec "
		dpkg --add-architecture i386
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			wine wine64 wine32:i386 $runtime $i386 $extras
		apt-get clean" >>"$log" 2>&1; then
		tail -n 20 "$log"; say "installing Wine in the root failed"; exit 1
	fi
	qemu_loaders
	say "ready: $(version)"
	touch "$root/.ready"
}

version() {
	# the wine package's upstream version, e.g. 10.0~repack-6 -> wine-10.0
	local v
	v=$(chroot "$root" dpkg-query -W -f='${Version}' wine64 2>/dev/null) || { echo unknown; return; }
	echo "wine-${v%%~*}"
}

case "$action" in
	create) create ;;
	run)
		[ -f "$root/.ready" ] || { echo "no root $root: tools/wine-root.sh create $release" >&2; exit 1; }
		PWD_INSIDE=$PWD in_root "$@" ;;
	version) version ;;
	*) echo "unknown action $action" >&2; exit 2 ;;
esac
