#!/usr/bin/env bash
# demo.sh - the main job: a prefix under build/, our DLLs installed into it
# (make install), and tools/cryptdemo.exe hashing, encrypting and decrypting
# a file through CryptoAPI; then the loader's own word on which DLLs served.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
export WINEPREFIX=$top/build/prefix-demo
export WINEDEBUG=-all

make -s -C "$top" install WINEPREFIX="$WINEPREFIX"

sample=$top/build/demo/sample.bin
mkdir -p "$(dirname "$sample")"
[ -f "$sample" ] || { echo "CryptoAPI on nettle, under Wine." > "$sample"; head -c 1048576 /dev/urandom >> "$sample"; }

echo "== cryptdemo.exe $(basename "$sample") =="
WINEDEBUG=-all,+loaddll wine "$top/build/$host/tools/cryptdemo.exe" "$(winepath -w "$sample")" 2>"$top/build/demo/loaddll.txt"
echo "== the same file hashed by Linux, to compare =="
printf '  MD5      %s\n  SHA-1    %s\n  SHA-256  %s\n' "$(md5sum < "$sample" | cut -d' ' -f1)" \
	"$(sha1sum < "$sample" | cut -d' ' -f1)" "$(sha256sum < "$sample" | cut -d' ' -f1)"
echo "== loader trace (WINEDEBUG=+loaddll) for the CryptoAPI DLLs =="
grep -iE '\\(advapi32|advapi32_wine|cryptsp|rsaenh)\.dll"' "$top/build/demo/loaddll.txt" | sed -E 's/^[0-9a-f]+:trace:loaddll:[a-z_]+ /  /'
