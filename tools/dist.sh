#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# dist.sh - `make dist`: the release archives, from a built tree, into build/dist/:
#   cryptoapi-nettle-VERSION.tar.xz        the DLLs of both architectures and
#                                          certutil.exe, setup.sh, README, the
#                                          licences, what it was built from, SHA-256 sums
#   cryptoapi-nettle-VERSION-debug.tar.xz  the DLLs' .debug files (their .gnu_debuglink names them)
#   cryptoapi-nettle-VERSION-tests.tar.xz  our Windows tests and Wine's upstream suites,
#                                          x86_64 and i686, with run-tests.cmd (Windows)
#                                          and run-tests.sh (Wine)
# VERSION is `git describe --tags --always --dirty`.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
version=$(git describe --tags --always --dirty 2>/dev/null || echo unknown)
name=cryptoapi-nettle-$version
out=build/dist
stage=$out/stage
rm -rf "$stage" "$out"/cryptoapi-nettle-*.tar.xz && mkdir -p "$stage"   # one release at a time
say() { printf '[dist] %s\n' "$*"; }

# arch folder in the archive -> the build folder
declare -A from=([x86_64]=build/x86_64-w64-mingw32 [i686]=build/i686-w64-mingw32)
declare -A suites=([x86_64]=build/conformance/bin [i686]=build/conformance/bin-i686-w64-mingw32)
for a in x86_64 i686; do
	for f in advapi32.dll cryptsp.dll rsaenh.dll dssenh.dll; do
		[ -f "${from[$a]}/$f" ] || { echo "missing ${from[$a]}/$f: run make first" >&2; exit 1; }
	done
done

# Which Debian source packages the static nettle and GMP came from.
dsc_version() { # package
	local f
	f=$(ls build/deps/"$1"_*.dsc 2>/dev/null | head -n 1)
	[ -n "$f" ] && sed -n 's/^Version: //p' "$f"
}
nettle_v=$(dsc_version nettle) gmp_v=$(dsc_version gmp) wine8_v=$(dsc_version wine)
wine10_v=$(sed -n 's/^Version: //p' build/deps/wine10/wine_*.dsc 2>/dev/null | head -n 1)
[ -n "$nettle_v" ] && [ -n "$gmp_v" ] || { echo "no nettle or GMP source in build/deps: run tools/setup.sh" >&2; exit 1; }

# --- the release -----------------------------------------------------------
r=$stage/$name
mkdir -p "$r/x86_64" "$r/i686" "$r/licenses/nettle" "$r/licenses/gmp"
for a in x86_64 i686; do
	cp -p "${from[$a]}"/{advapi32,cryptsp,rsaenh,dssenh}.dll "$r/$a/"
	[ -f "${from[$a]}/certutil.exe" ] && cp -p "${from[$a]}/certutil.exe" "$r/$a/"
done
cp -p dist/setup.sh "$r/setup.sh"
cp -p COPYING.LIB "$r/COPYING.LIB"
cp -p build/deps/nettle-*/COPYING.LESSERv3 build/deps/nettle-*/COPYINGv2 build/deps/nettle-*/COPYINGv3 "$r/licenses/nettle/"
cp -p build/deps/gmp-*/COPYING.LESSERv3 build/deps/gmp-*/COPYINGv2 build/deps/gmp-*/COPYINGv3 "$r/licenses/gmp/"
sed -e "s/@VERSION@/$version/g" dist/README.txt > "$r/README.txt"
cat > "$r/SOURCES.txt" <<EOT
cryptoapi-nettle $version, commit $(git rev-parse HEAD 2>/dev/null || echo unknown)

Our DLLs link these libraries statically, built from Debian's source packages
(fetched with \`apt-get source\` by tools/setup.sh of the source tree):
  nettle $nettle_v   (LGPL-3.0-or-later or GPL-2.0-or-later; licenses/nettle/)
  gmp    $gmp_v   (LGPL-3.0-or-later or GPL-2.0-or-later; licenses/gmp/)
Their sources: \`apt-get source nettle=$nettle_v gmp=$gmp_v\` on Debian, or
https://snapshot.debian.org/package/nettle/$nettle_v/ and
https://snapshot.debian.org/package/gmp/$gmp_v/.
To relink our DLLs with another build of nettle or GMP: the source tree of
this release (the commit above) builds them with \`make\`, taking nettle and
GMP from build/sysroot/, which tools/setup.sh fills and which can be
replaced by any build of them for mingw-w64.
Built with mingw-w64 (gcc $(x86_64-w64-mingw32-gcc -dumpversion 2>/dev/null || echo '?')) on $(. /etc/os-release && echo "$PRETTY_NAME").
EOT
(cd "$r" && find . -type f ! -name SHA256SUMS | sed 's:^\./::' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)

# --- the debug files -----------------------------------------------------------
d=$stage/$name-debug
mkdir -p "$d/x86_64" "$d/i686"
for a in x86_64 i686; do
	cp -p "${from[$a]}"/*.dll.debug "$d/$a/"
done
cp -p COPYING.LIB "$d/"
(cd "$d" && find . -type f ! -name SHA256SUMS | sed 's:^\./::' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)

# --- the tests -------------------------------------------------------------------
t=$stage/$name-tests
for a in x86_64 i686; do
	mkdir -p "$t/$a"
	cp -p "${from[$a]}"/tests/*.exe "$t/$a/"
	[ -d "${suites[$a]}" ] && cp -p "${suites[$a]}"/*.exe "$t/$a/"
done
cp -p dist/run-tests.sh COPYING.LIB "$t/"
sed 's/$/\r/' dist/run-tests.cmd > "$t/run-tests.cmd"   # cmd.exe wants CRLF
sed -e "s/@VERSION@/$version/g" -e "s/@WINE8@/$wine8_v/g" -e "s/@WINE10@/$wine10_v/g" dist/README-tests.txt > "$t/README.txt"
echo "$version" > "$t/VERSION"
(cd "$t" && find . -type f ! -name SHA256SUMS | sed 's:^\./::' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)

# --- the archives: reproducible members (owner, order, times) --------------------
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
for dir in "$name" "$name-debug" "$name-tests"; do
	tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" \
		-cJf "$out/$dir.tar.xz" "$dir"
	say "$out/$dir.tar.xz: $(du -h "$out/$dir.tar.xz" | cut -f1), $(tar -tJf "$out/$dir.tar.xz" | grep -vc '/$') files"
done
rm -rf "$stage"
