#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# demo.sh - the main job: a prefix under build/, our DLLs installed into it
# (make install), and tools/cryptdemo.exe hashing, encrypting and decrypting
# a file through CryptoAPI, with the loader's own word on which DLLs served;
# then tools/keyexchange.exe exchanging a session key between processes.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
host=${HOST:-x86_64-w64-mingw32}
export WINEPREFIX=${DEMO_PREFIX:-$top/build/prefix-demo}
export WINEDEBUG=-all
. "$top/tools/wine-loaders.sh"
wine_loaders "$top"
# DEMO_WINE: the loader of the programs (HOST=i686-w64-mingw32 with a 32-bit loader: the 32-bit programs)
wine=${DEMO_WINE:-wine}

bash "$top/tools/install.sh" install "$top/build/x86_64-w64-mingw32"

sample=$top/build/demo/sample.bin
mkdir -p "$(dirname "$sample")"
[ -f "$sample" ] || { echo "CryptoAPI on nettle, under Wine." > "$sample"; head -c 1048576 /dev/urandom >> "$sample"; }

echo "== cryptdemo.exe $(basename "$sample") =="
WINEDEBUG=-all,+loaddll "$wine" "$top/build/$host/tools/cryptdemo.exe" "$(wine winepath -w "$sample")" 2>"$top/build/demo/loaddll.txt"
echo "== the same file hashed by Linux, to compare =="
printf '  MD5      %s\n  SHA-1    %s\n  SHA-256  %s\n' "$(md5sum < "$sample" | cut -d' ' -f1)" \
	"$(sha1sum < "$sample" | cut -d' ' -f1)" "$(sha256sum < "$sample" | cut -d' ' -f1)"
echo "== loader trace (WINEDEBUG=+loaddll) for the CryptoAPI DLLs =="
grep -iE '\\(advapi32|advapi32_wine|cryptsp|rsaenh)\.dll"' "$top/build/demo/loaddll.txt" | sed -E 's/^[0-9a-f]+:trace:loaddll:[a-z_]+ /  /'

# --- part 2: a session key exchange between processes ---------------------
# Microsoft's "manual session key exchange": every step is its own process
# and the key pairs live in persistent containers.  The sender signs serial
# number, time stamp, SIMPLEBLOB and ciphertext; the receiver refuses a replay.
kx="$top/build/$host/tools/keyexchange.exe"
dir=$top/build/demo/exchange
rm -rf "$dir" && mkdir -p "$dir"
w=$(wine winepath -w "$dir")
step() { # title, expected exit status, arguments...
	local title=$1 want=$2 rc=0; shift 2
	echo "-- $title"
	WINEDEBUG=-all,+loaddll "$wine" "$kx" "$@" 2>"$dir/loaddll.txt" || rc=$?
	if [ "$rc" != "$want" ]; then
		echo "demo: this step ended with status $rc, expected $want" >&2
		exit 1
	fi
	served "$dir/loaddll.txt"
}
# One line: how the loader loaded each CryptoAPI DLL for this step; a step
# served by one of Wine's builtin ones stops the demo.
served() { # loaddll trace
	local line="" d how
	for d in advapi32 cryptsp rsaenh; do
		how=$(grep -iE "Loaded L\".*\\\\$d\.dll\" at [0-9A-Fa-f]+: " "$1" | head -n1 | sed -E 's/.*: (native|builtin)$/\1/')
		line="$line $d.dll ${how:-not loaded},"
		if [ "$how" = builtin ]; then
			echo "demo: Wine's builtin $d.dll served this step" >&2
			exit 1
		fi
	done
	echo "     served by:${line%,}"
}
echo
echo "== session key exchange between separate processes (replay-checked) =="
"$wine" "$kx" cleanup >/dev/null 2>&1 || true
step "receiver, process 1: key container and key-exchange pair; publishes its public key" 0 receiver-setup "$w"
step "sender, process 2: key container and signature pair; publishes its public key" 0 sender-setup "$w"
step "sender, process 3: session key, SIMPLEBLOB, encrypted and signed message #1" 0 \
	send "$w" 1 "The meeting moves to 3 pm." "$w\\packet1.bin"
step "receiver, process 4: verifies, imports the SIMPLEBLOB, decrypts #1" 0 receive "$w" "$w\\packet1.bin"
step "an eavesdropper replays packet #1 to the receiver, process 5: must be rejected" 1 receive "$w" "$w\\packet1.bin"
step "sender, process 6: message #2" 0 send "$w" 2 "Bring the signed contract." "$w\\packet2.bin"
step "receiver, process 7: accepts #2" 0 receive "$w" "$w\\packet2.bin"
"$wine" "$kx" cleanup
echo "demo: all steps behaved as expected"
