#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run.sh - certutil.exe in a Wine prefix, each verb's output checked, keys
# moved between OpenSSL and the prefix:
#   - -?, per-verb help, an unknown verb and a bad option (usage, exit 2);
#   - -csplist: every provider with its DLL, ours in the full deployment
#     (and the loader trace shows our rsaenh.dll), -csptest passes;
#   - OpenSSL key pairs (PKCS #1 and PKCS #8 PEM) -importkey'ed into
#     machine and user containers, used there to sign (csign.exe), the
#     signatures verified by openssl; -exportkey (PKCS #1, PKCS #8, -pub)
#     gives back the same modulus; a non-exportable key is refused;
#   - a PFX made by openssl pkcs12 -export -importPFX'ed and its key used;
#   - bad input (missing, truncated, EC, encrypted, public-only, wrong
#     password, garbage, a key the provider refuses): exit 1, one line, and
#     the -key listings unchanged (no container left behind);
#   - -delkey; the 32-bit certutil.exe where this Wine runs 32-bit programs;
#   - the CSP-only deployment (ours again) and, after uninstall, the
#     builtin prefix (Wine builtin), with Wine's certutil.exe given back.
# usage: run.sh PREFIX [BUILD_DIR]; the prefix is made and our stack
# installed if need be.  Last line: "certutil: N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
. tools/wine-loaders.sh
wine_loaders "$top"
. tests/count.sh
prefix=$(realpath -m "${1:?usage: run.sh PREFIX [BUILD_DIR]}")
build=${2:-build/x86_64-w64-mingw32}
build32=build/i686-w64-mingw32
export WINEPREFIX=$prefix WINEDEBUG=-all
work=$(mktemp -d "$top/build/certutil-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
sys32='C:\windows\system32\certutil.exe'
csign=$top/$build/tests/certutil/csign.exe
aes="Microsoft Enhanced RSA and AES Cryptographic Provider"
dss="Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider"

mkdir -p "$(dirname "$prefix")"
# install.sh's and regsvr32's chatter goes to a log
inst() { bash tools/install.sh "$@" >>"$work/install.log" 2>&1 || { echo "  install.sh $* failed:"; tail -n 5 "$work/install.log"; }; }
inst install "$build"
[ -f "$prefix/drive_c/windows/system32/certutil.exe" ] || { echo "install failed"; echo "certutil: 0 passed, 1 failed"; exit 1; }

# cu NAME ARGS...: certutil's stdout in $work/NAME.out (CR dropped), stderr
# in NAME.err, exit code in $rc.  CU names the program and loader.
CU=("wine" "$sys32")
cu() {
	local name=$1; shift
	"${CU[@]}" "$@" >"$work/$name.raw" 2>"$work/$name.err"
	rc=$?
	tr -d '\r' <"$work/$name.raw" >"$work/$name.out"
}
has() { grep -qF -- "$2" "$work/$1.out"; }
ok_rc() { [ "$rc" -eq "$1" ]; }
lines() { [ "$(grep -c . "$work/$1.out")" -eq "$2" ]; }
w() { echo "Z:$1"; }  # a Windows path for a host file
show() { sed 's/^/    | /' "$work/$1.out" | head -n "${2:-40}"; }

echo "-- usage and help"
cu help -?
check "-? prints the verb list, exit 0" eval 'ok_rc 0 && has help "Usage:" && has help "-importPFX"'
cu vhelp -importkey -?
check "-importkey -? prints its help, exit 0" eval 'ok_rc 0 && has vhelp "-importkey PEMFile KeyContainerName" && has vhelp "-exportable"'
cu bogus -frobnicate
check "unknown verb: usage, exit 2" eval 'ok_rc 2 && has bogus "Unknown verb: -frobnicate" && has bogus "Usage:"'
cu badopt -key -pub
check "an option the verb does not take: usage, exit 2" eval 'ok_rc 2 && has badopt "Usage:"'
cu noarg -delkey
check "-delkey without its argument: usage, exit 2" eval 'ok_rc 2 && has noarg "-delkey KeyContainerName"'

echo "-- -csplist and -csptest (full deployment)"
WINEDEBUG=-all,+loaddll cu list -csplist
nprov=$(grep -c '^Provider Name:' "$work/list.out")
check "-csplist lists the providers (exit 0, closing line)" eval 'ok_rc 0 && [ "$nprov" -ge 8 ] && has list "CertUtil: -csplist command completed successfully."'
check "-csplist: every provider has its type and image line" eval '[ "$(grep -c "^Provider Type: [0-9]* - PROV_" "$work/list.out")" -eq "$nprov" ] && [ "$(grep -c "^Image: " "$work/list.out")" -eq "$nprov" ]'
check "-csplist: rsaenh.dll and dssenh.dll are ours" eval 'has list "system32\\rsaenh.dll (ours)" && has list "system32\\dssenh.dll (ours)" && ! grep -q "(Wine builtin)" "$work/list.out"'
check "-csplist: the loader ran our certutil.exe, not Wine's builtin stub" eval 'grep -q "certutil.exe\" at [0-9A-Fa-f]*: native" "$work/list.err"'
show list 4
WINEDEBUG=-all,+loaddll cu csptest -csptest
check "-csptest: every provider works, exit 0" eval 'ok_rc 0 && has csptest " 0 failed" && [ "$(grep -c ": works$" "$work/csptest.out")" -eq "$nprov" ]'
# native DLL FILE NAME...: the loader trace in FILE has each \NAME.dll loaded native
native() { local f=$1 d; shift; for d in "$@"; do grep -qi "\\\\$d\.dll\" at [0-9A-Fa-f]*: native" "$f" || return 1; done; }
check "-csptest ran on our advapi32.dll, rsaenh.dll and dssenh.dll (loader trace)" native "$work/csptest.err" advapi32 rsaenh dssenh
grep '^csptest:' "$work/csptest.out" | sed 's/^/    /'
cu csptest1 -csptest "$dss"
check "-csptest PROVIDER tests that one" eval 'ok_rc 0 && [ "$(grep -c "^Provider Name:" "$work/csptest1.out")" -eq 1 ]'
cu csptestbad -csptest "No Such Provider"
check "-csptest of an unknown provider: exit 1, one line" eval 'ok_rc 1 && lines csptestbad 1'

echo "-- OpenSSL keys into containers and back"
openssl genrsa -out "$work/k8.pem" 2048 2>/dev/null            # PKCS #8 "PRIVATE KEY" (OpenSSL 3)
openssl pkey -in "$work/k8.pem" -traditional -out "$work/k1.pem"  # PKCS #1 "RSA PRIVATE KEY"
openssl genrsa -out "$work/k1b.pem" 2048 2>/dev/null
openssl pkey -in "$work/k8.pem" -pubout -out "$work/k8.pub"
openssl pkey -in "$work/k1b.pem" -pubout -out "$work/k1b.pub"
head -c 1000 /dev/urandom | base64 >"$work/msg"
modulus() { openssl rsa "$@" -noout -modulus 2>/dev/null; }
cu before_m -key
cu before_u -key -user
cu imp8 -importkey "$(w "$work/k8.pem")" cu-test-p8 -exportable
check "-importkey PKCS #8 into a machine container, exportable" eval 'ok_rc 0 && has imp8 "RSA 2048 bits, exportable, into new container cu-test-p8"'
cu imp1 -importkey "$(w "$work/k1b.pem")" cu-test-p1 -user
check "-importkey PKCS #1 into a user container" eval 'ok_rc 0 && has imp1 "not exportable, into new container cu-test-p1"'
show imp8 2
verify() { openssl dgst "$@" >/dev/null 2>&1; }
for h in sha1 sha256 sha512; do
	wine "$csign" "$aes" cu-test-p8 $h "$(w "$work/msg")" "$(w "$work/sig8")" 2>"$work/csign.err"
	check "the imported PKCS #8 key signs ($h) in the prefix, openssl verifies" \
		verify -$h -verify "$work/k8.pub" -signature "$work/sig8" "$work/msg"
done
wine "$csign" -user "$aes" cu-test-p1 sha256 "$(w "$work/msg")" "$(w "$work/sig1")" 2>"$work/csign.err"
check "the imported PKCS #1 key (user keyset) signs, openssl verifies" \
	verify -sha256 -verify "$work/k1b.pub" -signature "$work/sig1" "$work/msg"
cu key8 -key cu-test-p8
check "-key CONTAINER: the pair, 2048 bits, exportable, permissions" eval 'ok_rc 0 && has key8 "AT_KEYEXCHANGE, RSA (CALG_RSA_KEYX), 2048 bits, exportable" && has key8 "CRYPT_EXPORT"'
show key8 6
cu keyu -key -user
check "-key -user lists the user container, not the machine one" eval 'ok_rc 0 && has keyu "  cu-test-p1" && ! has keyu "  cu-test-p8"'
cu exp1 -exportkey cu-test-p8 "$(w "$work/out1.pem")"
check "-exportkey: PKCS #1 PEM with the same modulus" eval 'ok_rc 0 && head -1 "$work/out1.pem" | grep -q "BEGIN RSA PRIVATE KEY" && [ "$(modulus -in "$work/out1.pem")" = "$(modulus -in "$work/k8.pem")" ]'
check "-exportkey: openssl finds the exported key consistent" eval 'openssl rsa -in "$work/out1.pem" -check -noout >/dev/null 2>&1'
cu exp8 -exportkey cu-test-p8 "$(w "$work/out8.pem")" -pkcs8
check "-exportkey -pkcs8: PKCS #8 PEM with the same modulus" eval 'ok_rc 0 && head -1 "$work/out8.pem" | grep -q "BEGIN PRIVATE KEY" && [ "$(modulus -in "$work/out8.pem")" = "$(modulus -in "$work/k8.pem")" ]'
cu exppub -exportkey cu-test-p1 "$(w "$work/outpub.pem")" -pub -user
check "-exportkey -pub: SubjectPublicKeyInfo with the same modulus" eval 'ok_rc 0 && head -1 "$work/outpub.pem" | grep -q "BEGIN PUBLIC KEY" && [ "$(modulus -pubin -in "$work/outpub.pem")" = "$(modulus -in "$work/k1b.pem")" ]'
cu expno -exportkey cu-test-p1 "$(w "$work/no.pem")" -user
check "-exportkey of a non-exportable key: exit 1, one line, no file" eval 'ok_rc 1 && lines expno 1 && has expno "not exportable" && [ ! -e "$work/no.pem" ]'
# the exported key goes in again and signs the same
cu reimp -importkey "$(w "$work/out8.pem")" cu-test-again -user
wine "$csign" -user "$aes" cu-test-again sha256 "$(w "$work/msg")" "$(w "$work/sig9")" 2>"$work/csign.err"
check "the exported PKCS #8 key, imported again, signs byte-identically" eval 'ok_rc 0 && wine "$csign" "$aes" cu-test-p8 sha256 "$(w "$work/msg")" "$(w "$work/sig8")" 2>/dev/null && cmp -s "$work/sig8" "$work/sig9"'

echo "-- bad input: one line, exit 1, no container left behind"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/pfxkey.pem" -out "$work/cert.pem" -subj /CN=certutil-test -days 2 2>/dev/null
openssl pkcs12 -export -inkey "$work/pfxkey.pem" -in "$work/cert.pem" -passout pass:s3cret -out "$work/t.pfx"
openssl x509 -in "$work/cert.pem" -pubkey -noout >"$work/pfx.pub"
cu mid_m -key
cu mid_u -key -user
head -c 700 "$work/k1.pem" >"$work/trunc.pem"
head -n 10 "$work/k8.pem" >"$work/trunc8.pem"; tail -n 1 "$work/k8.pem" >>"$work/trunc8.pem"
openssl ecparam -genkey -name prime256v1 -out "$work/ec.pem" 2>/dev/null
openssl pkey -in "$work/ec.pem" -out "$work/ec8.pem"
openssl pkcs8 -topk8 -in "$work/k8.pem" -v2 aes256 -passout pass:x -out "$work/enc.pem" 2>/dev/null
openssl rsa -in "$work/k1.pem" -aes256 -passout pass:x -traditional -out "$work/enc1.pem" 2>/dev/null
head -c 3000 /dev/urandom >"$work/garbage.bin"
head -c 600 "$work/t.pfx" >"$work/trunc.pfx"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$work/eck.pem" -out "$work/eccert.pem" -subj /CN=ec -days 2 2>/dev/null
openssl pkcs12 -export -inkey "$work/eck.pem" -in "$work/eccert.pem" -passout pass:s3cret -out "$work/ec.pfx"
bad() { # what expected-text certutil-args...
	local what=$1 text=$2; shift 2
	cu bad "$@"
	check "$what: exit 1, one line ($text)" eval 'ok_rc 1 && lines bad 1 && has bad "FAILED" && has bad "$text"'
	sed 's/^/    | /' "$work/bad.out"
}
bad "missing PEM" "cannot read the file" -importkey "$(w "$work/nothere.pem")" cu-bad-1
bad "truncated PKCS #1 PEM" "no END line" -importkey "$(w "$work/trunc.pem")" cu-bad-2 -user
bad "PKCS #8 PEM with lines cut out" "FAILED" -importkey "$(w "$work/trunc8.pem")" cu-bad-3
bad "EC key (SEC 1 PEM)" "not an RSA key" -importkey "$(w "$work/ec.pem")" cu-bad-4
bad "EC key (PKCS #8 PEM)" "not an RSA key (EC)" -importkey "$(w "$work/ec8.pem")" cu-bad-5 -user
bad "encrypted PKCS #8 PEM" "encrypted" -importkey "$(w "$work/enc.pem")" cu-bad-6
bad "encrypted PKCS #1 PEM" "encrypted" -importkey "$(w "$work/enc1.pem")" cu-bad-7
bad "a public key only" "public key alone cannot be stored" -importkey "$(w "$work/k8.pub")" cu-bad-8
bad "garbage as PEM" "no PEM key block" -importkey "$(w "$work/garbage.bin")" cu-bad-9
bad "an RSA key the DSS provider refuses (container made, then removed)" "CryptImportKey" \
	-importkey "$(w "$work/k8.pem")" cu-bad-10 -csp "$dss"
bad "missing PFX" "cannot read the file" -importPFX "$(w "$work/nothere.pfx")" -p s3cret
bad "truncated PFX" "FAILED" -importPFX "$(w "$work/trunc.pfx")" -p s3cret -user
bad "PFX, wrong password" "PFXImportCertStore" -importPFX "$(w "$work/t.pfx")" -p wrong
bad "garbage as PFX" "not a PFX" -importPFX "$(w "$work/garbage.bin")" -p s3cret
bad "EC PFX" "FAILED" -importPFX "$(w "$work/ec.pfx")" -p s3cret -user
bad "PFX with -csp of a provider that cannot use the key (DSS)" "cannot be used through" \
	-importPFX "$(w "$work/t.pfx")" -p s3cret -user -csp "$dss"
cu after_m -key
cu after_u -key -user
cu after_d -key -csp "$dss"
check "bad input left the machine containers as they were" cmp -s "$work/mid_m.out" "$work/after_m.out"
check "bad input left the user containers as they were" cmp -s "$work/mid_u.out" "$work/after_u.out"
check "no cu-bad-* container in any keyset" eval '! grep -q "cu-bad-" "$work/after_m.out" "$work/after_u.out" "$work/after_d.out"'

echo "-- PFX from openssl pkcs12 -export (after the bad ones: Wine puts the key into the default container)"
pfx_import() { # name pfx args...: imports and signs with the container it reports
	local name=$1 pfx=$2 cont prov user=; shift 2
	cu "$name" -importPFX "$(w "$pfx")" "$@"
	cont=$(sed -n 's/^  Key container: //p' "$work/$name.out" | head -n1)
	prov=$(sed -n 's/^  Provider: \(.*\), AT_KEYEXCHANGE.*/\1/p' "$work/$name.out" | head -n1)
	case " $* " in *" -user "*) user=-user ;; esac
	check "-importPFX $* reports the container it made" eval 'ok_rc 0 && [ -n "$cont" ] && [ -n "$prov" ] && has '"$name"' "completed successfully"'
	show "$name" 6
	rm -f "$work/sigp"
	wine "$csign" $user "$prov" "$cont" sha1 "$(w "$work/msg")" "$(w "$work/sigp")" 2>"$work/csign.err"
	check "the PFX's key signs (SHA-1) in its container ($cont, $prov), openssl verifies with the certificate" \
		verify -sha1 -verify "$work/pfx.pub" -signature "$work/sigp" "$work/msg"
	rm -f "$work/sigp"
	wine "$csign" $user "$aes" "$cont" sha256 "$(w "$work/msg")" "$(w "$work/sigp")" 2>"$work/csign.err"
	check "the PFX's key signs (SHA-256) through the AES provider, openssl verifies" \
		verify -sha256 -verify "$work/pfx.pub" -signature "$work/sigp" "$work/msg"
	pfx_container=$cont
}
pfx_import pfxu "$work/t.pfx" -p s3cret -user
pfx_user=$pfx_container
cu pfxagain -importPFX "$(w "$work/t.pfx")" -p s3cret -user
check "a second PFX into the same keyset is refused (Wine's crypt32 would replace the first key): one line" \
	eval 'ok_rc 1 && lines pfxagain 1 && has pfxagain "replacing the key pair"'
rm -f "$work/sigp"
wine "$csign" -user "$aes" "$pfx_user" sha256 "$(w "$work/msg")" "$(w "$work/sigp")" 2>"$work/csign.err"
check "...and the first PFX's key is still there and signs" \
	verify -sha256 -verify "$work/pfx.pub" -signature "$work/sigp" "$work/msg"
if openssl pkcs12 -export -legacy -inkey "$work/pfxkey.pem" -in "$work/cert.pem" -passout pass:s3cret -out "$work/legacy.pfx" 2>/dev/null; then
	pfx_import pfxm "$work/legacy.pfx" -p s3cret -csp "$aes"
	pfx_machine=$pfx_container
else
	echo "  (openssl here makes no -legacy PFX: the machine import uses the AES one)"
	pfx_import pfxm "$work/t.pfx" -p s3cret -csp "$aes"
	pfx_machine=$pfx_container
fi

echo "-- 32-bit certutil.exe"
wow64=$prefix/drive_c/windows/syswow64
if [ -z "$WINE32" ]; then
	echo "  (skipped: this Wine runs no 32-bit program: $WINE32_WHY)"
elif ! cmp -s "$wow64/certutil.exe" "$build32/certutil.exe"; then
	check "the 32-bit certutil.exe is installed in syswow64" false
else
	CU=("$WINE32" 'C:\windows\system32\certutil.exe')
	WINEDEBUG=-all,+loaddll cu list32 -csplist
	check "32-bit -csplist: syswow64's rsaenh.dll and dssenh.dll are ours" eval 'ok_rc 0 && has list32 "syswow64\\rsaenh.dll (ours)" && has list32 "syswow64\\dssenh.dll (ours)" && grep -q "certutil.exe\" at [0-9A-Fa-f]*: native" "$work/list32.err"'
	show list32 3
	cu key32 -key -user
	check "32-bit -key -user lists the user containers the 64-bit one made" eval 'ok_rc 0 && has key32 "  cu-test-p1" && has key32 "2048 bits"'
	cu imp32 -importkey "$(w "$work/k1.pem")" cu-test-32 -user
	wine "$csign" -user "$aes" cu-test-32 sha256 "$(w "$work/msg")" "$(w "$work/sig32")" 2>"$work/csign.err"
	check "a key the 32-bit certutil imported signs in a 64-bit program, openssl verifies" eval \
		'verify -sha256 -verify "$work/k8.pub" -signature "$work/sig32" "$work/msg"'
	cu del32 -delkey cu-test-32 -user
	check "32-bit -delkey" eval 'ok_rc 0'
	CU=("wine" "$sys32")
fi

echo "-- -delkey"
cu del -delkey cu-test-p8
check "-delkey removes the container" eval 'ok_rc 0 && has del "completed successfully"'
cu delgone -key cu-test-p8
check "-key of the deleted container fails, one line" eval 'ok_rc 1 && lines delgone 1 && has delgone "FAILED"'
cu delagain -delkey cu-test-p8
check "-delkey of a missing container: exit 1" eval 'ok_rc 1 && has delagain "FAILED"'
for c in cu-test-p1 cu-test-again "$pfx_user"; do cu x -delkey "$c" -user; done
cu x -delkey "$pfx_machine"

echo "-- CSP-only deployment"
inst uninstall "$build"
inst install "$build" --csp-only
WINEDEBUG=-all,+loaddll cu listcsp -csplist
check "CSP-only: -csplist shows our rsaenh.dll and dssenh.dll" eval 'ok_rc 0 && has listcsp "system32\\rsaenh.dll (ours)" && has listcsp "system32\\dssenh.dll (ours)" && ! grep -q "(Wine builtin)" "$work/listcsp.out"'
check "CSP-only: Wine's builtin advapi32.dll served certutil" eval 'grep -q "advapi32.dll\" at [0-9A-Fa-f]*: builtin" "$work/listcsp.err"'
cu impcsp -importkey "$(w "$work/k1.pem")" cu-test-csp -exportable
cu expcsp -exportkey cu-test-csp "$(w "$work/outcsp.pem")"
check "CSP-only: PEM in and out, same modulus" eval 'ok_rc 0 && [ "$(modulus -in "$work/outcsp.pem")" = "$(modulus -in "$work/k1.pem")" ]'
cu x -delkey cu-test-csp

echo "-- builtin prefix (after uninstall)"
inst uninstall "$build"
check "uninstall gave back Wine's certutil.exe" eval '[ -f "$prefix/drive_c/windows/system32/certutil.exe" ] && ! cmp -s "$prefix/drive_c/windows/system32/certutil.exe" "$build/certutil.exe"'
CU=("wine" "$(w "$top/$build/certutil.exe")")
cu listb -csplist
check "builtin prefix: -csplist shows Wine builtin DLLs" eval 'ok_rc 0 && has listb "system32\\rsaenh.dll (Wine builtin)" && has listb "system32\\dssenh.dll (Wine builtin)" && ! grep -q "(ours)" "$work/listb.out"'
show listb 4
wineserver -k 2>/dev/null
echo "certutil: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
