#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Export tables of our DLLs, both architectures, against Wine 8.0's and 10.0's lists.

For x86_64 and i686: every export name is undecorated (CryptGenKey, never
CryptGenKey@16); cryptsp, rsaenh and dssenh export exactly the names Wine's do (the union of
the releases in tests/exports/reference/);
advapi32 exports exactly Wine's names, forwarding the cryptsp ones to
cryptsp.<name>, implementing the hash contexts and the SystemFunctions
Windows keeps in advapi32 itself, and forwarding the rest to
advapi32_wine.<name>; and the i686 tables equal the x86_64 ones, forwarders
included; and the i686 stdcall argument sizes of our functions (the @N of
their object-file symbols) match the argument lists of Wine's .spec files,
so 32-bit callers and callees agree on the stack.  Prints
"exports: N passed, N failed".

usage: check_exports.py [REFERENCE_DIR]
"""
import glob, os, re, subprocess, sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
sys.path.insert(0, os.path.join(TOP, 'tools'))
from pe_exports import exports  # noqa: E402

REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, 'tests', 'exports', 'reference')
# The Wine releases whose builtin export lists are in REF (wineN-DLL-exports.txt,
# made by tools/pe_exports.py): ours must export every name any of them does.
WINES = ('wine8', 'wine10')
ARCHS = ('x86_64-w64-mingw32', 'i686-w64-mingw32')
DLLS = ('advapi32', 'cryptsp', 'rsaenh', 'dssenh')
ADVAPI32_OWN = {'SystemFunction%03d' % i for i in (1, 2, 3, 4, 5, 17, 19, 36, 40, 41)} | \
    {h + s for h in ('MD4', 'MD5', 'A_SHA') for s in ('Init', 'Update', 'Final')}

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('  FAILED: ' + what)


def reference(dll, wine=None):
    """The names one Wine release exports, or (wine None) those any of them does."""
    names = set()
    for w in ((wine,) if wine else WINES):
        with open(os.path.join(REF, '%s-%s-exports.txt' % (w, dll))) as f:
            names |= set(f.read().split())
    return names


tables = {}
for arch in ARCHS:
    for dll in DLLS:
        path = os.path.join(TOP, 'build', arch, dll + '.dll')
        check(os.path.exists(path), '%s/%s.dll built' % (arch, dll))
        if not os.path.exists(path):
            continue
        t = tables[arch, dll] = exports(path)
        names = set(t)
        decorated = sorted(n for n in names if '@' in n)
        check(not decorated, '%s %s: undecorated names (found %s)' % (arch, dll, ' '.join(decorated[:5])))
        ref = reference(dll)
        check(names == ref, '%s %s: the names Wine 8.0 or 10.0 exports (missing %s; extra %s)' %
              (arch, dll, ' '.join(sorted(ref - names)[:8]), ' '.join(sorted(names - ref)[:8])))
        for w in WINES:
            missing = sorted(reference(dll, w) - names)
            check(not missing, '%s %s: every name of %s (missing %s)' % (arch, dll, w, ' '.join(missing[:8])))
        if dll != 'advapi32':
            fwd = sorted(n for n in names if t[n])
            check(not fwd, '%s %s: implements every export (forwarders: %s)' % (arch, dll, ' '.join(fwd[:5])))
    t = tables.get((arch, 'advapi32'))
    if t:
        to_cryptsp = reference('cryptsp') - {'CheckSignatureInFile'}
        bad = []
        for name, target in sorted(t.items()):
            want = (None if name in ADVAPI32_OWN else
                    'cryptsp.' + name if name in to_cryptsp else 'advapi32_wine.' + name)
            if target != want:
                bad.append('%s->%s (want %s)' % (name, target, want))
        check(not bad, '%s advapi32: forwarders (%d wrong: %s)' % (arch, len(bad), '; '.join(bad[:5])))
        own = len([n for n in t if t[n] is None])
        print('  %s advapi32: %d names, %d forwarded to cryptsp, %d own code, %d to advapi32_wine' %
              (arch, len(t), len([n for n in t if (t[n] or '').startswith('cryptsp.')]), own,
               len([n for n in t if (t[n] or '').startswith('advapi32_wine.')])))

for dll in DLLS:
    a, b = tables.get((ARCHS[0], dll)), tables.get((ARCHS[1], dll))
    if a is not None and b is not None:
        diff = sorted(set(a.items()) ^ set(b.items()))
        check(not diff, '%s: i686 table equals x86_64 table (differ: %s)' % (dll, diff[:4]))

# i686 stdcall: the callee pops @N bytes; a wrong N corrupts the caller's stack.
wine_src = sorted(glob.glob(os.path.join(TOP, 'build', 'deps', 'wine-[0-9]*', 'dlls')))
if wine_src:
    spec = {}
    for dll in ('advapi32', 'cryptsp', 'rsaenh'):
        for line in open(os.path.join(wine_src[0], dll, dll + '.spec')):
            m = re.match(r'@ stdcall (?:-\S+ )*(\w+)\(([^)]*)\)', line)
            if m:
                spec[m.group(1)] = sum(8 if a in ('int64', 'double') else 4 for a in m.group(2).split())
    objs = glob.glob(os.path.join(TOP, 'build', ARCHS[1], 'obj', '**', '*.o'), recursive=True)
    sizes = {}
    for o in objs:
        out = subprocess.run([ARCHS[1] + '-nm', '-g', '--defined-only', o], capture_output=True, text=True).stdout
        for m in re.finditer(r' T _(\w+)@(\d+)$', out, re.M):
            sizes[m.group(1)] = int(m.group(2))
    compared = [n for n in sizes if n in spec]
    bad = ['%s@%d (Wine: @%d)' % (n, sizes[n], spec[n]) for n in compared if sizes[n] != spec[n]]
    check(len(compared) > 100 and not bad, 'i686 stdcall sizes of %d exports match Wine (wrong: %s)' %
          (len(compared), ' '.join(bad[:6])))
else:
    check(False, 'Wine source in build/deps for the stdcall sizes')

print('exports: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
