#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# check.sh - what `make dist` wrote (build/dist/): the three archives, each
# file of the release where it belongs and byte-identical to the build, no
# debug information in the release and all of it in -debug, the licences and
# the Debian source versions of nettle and GMP, SHA-256 sums that verify;
# and the licensing of the source tree: COPYING.LIB, an SPDX line in every
# file of ours.  Prints "dist: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
. tests/count.sh
version=$(git describe --tags --always --dirty 2>/dev/null || echo unknown)
name=cryptoapi-nettle-$version
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for a in "" -debug -tests; do
	check "build/dist/$name$a.tar.xz exists and unpacks" tar -C "$tmp" -xJf "build/dist/$name$a.tar.xz"
	check "$name$a: SHA256SUMS verify" sh -c "cd '$tmp/$name$a' && sha256sum --quiet -c SHA256SUMS"
	check "$name$a: SHA256SUMS lists every file" sh -c "cd '$tmp/$name$a' &&
		test \$(find . -type f ! -name SHA256SUMS | wc -l) -eq \$(wc -l < SHA256SUMS)"
done
r=$tmp/$name
declare -A build=([x86_64]=build/x86_64-w64-mingw32 [i686]=build/i686-w64-mingw32)
declare -A objdump=([x86_64]=x86_64-w64-mingw32-objdump [i686]=i686-w64-mingw32-objdump)
for a in x86_64 i686; do
	for n in advapi32 cryptsp rsaenh dssenh; do
		check "$a/$n.dll is the build's" cmp -s "$r/$a/$n.dll" "${build[$a]}/$n.dll"
		check "$a/$n.dll carries no debug sections" sh -c "${objdump[$a]} -h '$r/$a/$n.dll' >/dev/null && ! ${objdump[$a]} -h '$r/$a/$n.dll' | grep -q '\\.debug_'"
		check "-debug: $a/$n.dll.debug is the build's" cmp -s "$tmp/$name-debug/$a/$n.dll.debug" "${build[$a]}/$n.dll.debug"
	done
	if [ -f "${build[$a]}/certutil.exe" ]; then
		check "$a/certutil.exe is the build's" cmp -s "$r/$a/certutil.exe" "${build[$a]}/certutil.exe"
	fi
	check "-tests: $a has our Windows tests" test "$(ls "$tmp/$name-tests/$a"/*.exe | grep -vc @)" -eq "$(ls "${build[$a]}"/tests/*.exe | wc -l)"
	check "-tests: $a has Wine's upstream suites, 8.0's and 10.0's" test "$(ls "$tmp/$name-tests/$a"/*@*.exe | wc -l)" -ge 14
done
check "the release has no .debug file" sh -c "! find '$r' -name '*.debug' | grep -q ."
for f in setup.sh README.txt COPYING.LIB SOURCES.txt licenses/nettle/COPYING.LESSERv3 licenses/gmp/COPYING.LESSERv3; do
	check "the release has $f" test -s "$r/$f"
done
check "COPYING.LIB is the LGPL 2.1" grep -q 'GNU LESSER GENERAL PUBLIC LICENSE' COPYING.LIB
check "SOURCES.txt names nettle's Debian source version" grep -Eq "nettle $(sed -n 's/^Version: //p' build/deps/nettle_*.dsc)" "$r/SOURCES.txt"
check "SOURCES.txt names GMP's Debian source version" grep -Eq "gmp +$(sed -n 's/^Version: //p' build/deps/gmp_*.dsc | sed 's/+/\\+/g')" "$r/SOURCES.txt"
for f in run-tests.sh run-tests.cmd README.txt COPYING.LIB; do
	check "-tests has $f" test -s "$tmp/$name-tests/$f"
done
check "run-tests.cmd has Windows line ends" grep -q $'\r$' "$tmp/$name-tests/run-tests.cmd"
missing=$(git ls-files | grep -v -e '\.txt$' -e '^COPYING.LIB$' | while read -r f; do
	grep -q 'SPDX-License-Identifier: LGPL-2.1-or-later' "$f" || echo "$f"; done)
check "every file of ours but data (.txt) has an SPDX line${missing:+ (missing: $(echo $missing))}" test -z "$missing"
echo "dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
