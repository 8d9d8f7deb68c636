#!/usr/bin/env bash
# wine-root-wow64.sh - set up a Wine root (tools/wine-root.sh) so that
# 32-bit Windows (PE i386) programs run in Wine's WoW64 mode: the 64-bit
# Unix loader hosts the 32-bit PE code in-process (64-bit ntdll.so +
# x86_64 wow64.dll/wow64cpu.dll/wow64win.dll + i386 PE DLLs), so no i386
# Linux binary is ever executed.  Only Debian's packaged Wine is used; this
# adds symlinks in the root and nothing else.
#
#   bash tools/wine-root-wow64.sh ROOTDIR
#
# On success prints the loader to use inside the root for 32-bit programs
# (/usr/lib/wine/wine-wow).  Otherwise exits non-zero with one line saying
# why this Wine (or this machine) cannot do it.  Safe to run again.
#
# What it sets up (idempotent):
#  - /usr/lib/wine/wine-wow -> wine64.  ntdll/unix/loader.c takes the loader
#    name from argv[0] and, for an image of another machine, re-execs
#    remove_tail(loader, "64"), i.e. the i386 /usr/lib/wine/wine (which a
#    64-bit-only kernel refuses with ENOEXEC).  A name not ending in "64"
#    makes remove_tail() fail, so the 64-bit loader keeps i386 images
#    in-process: "starting ... in experimental wow64 mode" (env.c init_peb).
#  - every file of /usr/lib/i386-linux-gnu/wine/i386-windows/ linked into
#    /usr/lib/x86_64-linux-gnu/wine/i386-windows/: the 64-bit ntdll.so looks
#    for i386 PE builtins in <its dll_dir>/i386-windows (get_pe_dir()), and
#    Debian's amd64 package ships only zlib1.dll there.  The i386-unix .so
#    files are not needed (WoW64 uses the 64-bit x86_64-unix ones).
#
# Machine requirement (checked last): WoW64 on x86-64 Linux runs the 32-bit
# code in the kernel's 32-bit user code segment (cs 0x23) and the 64-bit
# ntdll.so allocates the 32-bit %fs selector with a 32-bit syscall,
# `int $0x80` (SYS_set_thread_area, alloc_fs_sel() in
# dlls/ntdll/unix/signal_x86_64.c, called unconditionally from
# signal_init_process() for a wow64 process, Wine 8.0 and 10.0 alike).
# A kernel without IA-32 emulation (i386 execve gives ENOEXEC) has neither,
# and every 32-bit program dies with SIGSEGV ("general protection fault ...
# error:402 in ntdll.so" in dmesg: IDT vector 0x80) right after
# load_apiset_dll, before any PE code runs.
set -euo pipefail

root=${1:?usage: wine-root-wow64.sh ROOTDIR}
root=$(cd "$root" && pwd)
loader=/usr/lib/wine/wine-wow

fail() { echo "wine-root-wow64: $*" >&2; exit 1; }

[ -x "$root/usr/lib/wine/wine64" ] ||
	fail "$root has no /usr/lib/wine/wine64 (package wine64): not a Wine root"
x64dir=$root/usr/lib/x86_64-linux-gnu/wine
i386pe=$root/usr/lib/i386-linux-gnu/wine/i386-windows
[ -f "$x64dir/x86_64-unix/ntdll.so" ] || fail "no x86_64-unix/ntdll.so in $x64dir"
[ -d "$i386pe" ] && [ -f "$i386pe/ntdll.dll" ] ||
	fail "no i386 PE DLLs in /usr/lib/i386-linux-gnu/wine/i386-windows (package libwine:i386)"
for d in wow64.dll wow64cpu.dll wow64win.dll; do
	[ -f "$x64dir/x86_64-windows/$d" ] || fail "this Wine has no x86_64-windows/$d: no WoW64 support"
done

# The Wine version, from the root's dpkg database (no need to run anything).
version=$(awk '/^Package: libwine$/{p=1} p&&/^Version:/{print $2; exit}' "$root/var/lib/dpkg/status")

# 1. the loader name that keeps i386 images in the 64-bit process
if [ "$(readlink "$root$loader" 2>/dev/null)" != wine64 ]; then
	ln -sfn wine64 "$root$loader"
fi

# 2. the i386 PE DLLs where the 64-bit ntdll.so looks for them
mkdir -p "$x64dir/i386-windows"
for f in "$i386pe"/*; do
	name=${f##*/}
	dest=$x64dir/i386-windows/$name
	# keep real files the amd64 package ships there (zlib1.dll)
	if [ -e "$dest" ] && [ ! -L "$dest" ]; then continue; fi
	want=../../../i386-linux-gnu/wine/i386-windows/$name
	[ "$(readlink "$dest" 2>/dev/null)" = "$want" ] || ln -sfn "$want" "$dest"
done

# 3. can this machine run 32-bit x86 code at all?  Executing the i386 loader
# tells: ENOEXEC means the kernel has no IA-32 emulation, hence no
# `int $0x80` and no 32-bit code segment for WoW64 either.
# (through sh: coreutils chroot's execvp would retry an ENOEXEC file as a script)
probe=$(chroot "$root" /bin/sh -c 'exec /usr/lib/wine/wine --version' 2>&1 || true)
case "$probe" in
*"Exec format error"*)
	fail "Wine ${version:-?} cannot run 32-bit code here: the kernel has no IA-32 emulation (i386 execve gives ENOEXEC), and WoW64 needs it too: alloc_fs_sel() in dlls/ntdll/unix/signal_x86_64.c does int \$0x80 (set_thread_area) and 32-bit code runs in cs 0x23, so every 32-bit program dies with SIGSEGV" ;;
esac

echo "$loader"
