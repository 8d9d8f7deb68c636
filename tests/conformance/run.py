#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Conformance runner: Wine's own upstream tests for our DLLs, judged as Windows.

Builds each upstream suite from the Wine source package in build/deps with
mingw-w64, runs it with WINETEST_PLATFORM=windows in three private prefixes
under build/WINE/ -- our full stack installed (tools/install.sh), our rsaenh alone
under Wine's advapi32/cryptsp (--csp-only), and Wine's builtin DLLs, and the
full stack again with the suites as 32-bit programs -- and proves from the
loader trace (WINEDEBUG=+loaddll) which DLLs served each run.  Each suite
runs in every version the project has the sources of: Wine 8.0's
(build/deps/wine-8.0*) and Wine 10.0's (build/deps/wine10/), named
SUITE@VERSION.  WINE is the running Wine (`wine --version`, e.g. wine-10.0:
tests/run-wine.sh runs this once in each Wine root).  Prints a table and
writes build/WINE/conformance.txt and build/WINE/conformance.json.

--build-only compiles the suites (needs mingw-w64: the host, not a root).

Exit status is non-zero when, in a run with DLLs of ours, they were not the
ones loaded or a suite crashed or hung, or when a suite that judges a DLL of
ours (the third field of SUITES) had a failure or a skip in a configuration
where that DLL is ours, other than those EXPLAINED (pinned to their source
lines, printed with the reason outside the project).  Suites judging a DLL
the project does not ship yet are reported with the reason, not gated.

usage: run.py [--reuse] [--build-only] [--only ours|csp|builtin|ours32 ...] [suite[@version] ...]
"""
import argparse, concurrent.futures, glob, hashlib, json, os, re, shutil, subprocess, sys, time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
HOST = os.environ.get('HOST', 'x86_64-w64-mingw32')
DLL_DIR = os.path.join(TOP, 'build', HOST)
BIN = os.path.join(TOP, 'build', 'conformance')


def running_wine():
    """wine-8.0, wine-10.0: the version of the `wine` on PATH."""
    try:
        out = subprocess.run(['wine', '--version'], capture_output=True, text=True).stdout
    except OSError:
        return 'wine-none'
    m = re.match(r'wine-[0-9.]+', out.strip())
    return m.group(0) if m else 'wine-unknown'


WINE = running_wine()
WORK = os.path.join(TOP, 'build', WINE, 'conformance')
TIMEOUT = int(os.environ.get('CONFORMANCE_TIMEOUT', '900'))

# suite name -> (source file in Wine's tree, DLLs of ours it must load,
#                DLLs whose behaviour it judges)
SUITES = {
    'rsaenh':       ('dlls/rsaenh/tests/rsaenh.c',          ('advapi32', 'cryptsp', 'rsaenh'), ('rsaenh',)),
    'dssenh':       ('dlls/dssenh/tests/dssenh.c',          ('advapi32', 'cryptsp', 'dssenh'), ('dssenh',)),
    'crypt':        ('dlls/advapi32/tests/crypt.c',         ('advapi32', 'cryptsp', 'rsaenh'),
                     ('advapi32', 'cryptsp', 'rsaenh')),
    'crypt_lmhash': ('dlls/advapi32/tests/crypt_lmhash.c',  ('advapi32', 'cryptsp'), ('advapi32', 'cryptsp')),
    'crypt_md4':    ('dlls/advapi32/tests/crypt_md4.c',     ('advapi32', 'cryptsp'), ('advapi32', 'cryptsp')),
    'crypt_md5':    ('dlls/advapi32/tests/crypt_md5.c',     ('advapi32', 'cryptsp'), ('advapi32', 'cryptsp')),
    'crypt_sha':    ('dlls/advapi32/tests/crypt_sha.c',     ('advapi32', 'cryptsp'), ('advapi32', 'cryptsp')),
}
# Why a suite's results are not ours to gate: the DLL it judges is not ours yet.
NOT_OURS = {}
# Outcomes an upstream test cannot avoid for a reason outside the project,
# each pinned to the suite, the configurations, the source lines and the
# message it produces, and said in the output: any other failure or skip
# still fails the run, and these are still counted in the table.
EXPLAINED = [
    dict(suite='dssenh', configs=('ours', 'csp', 'ours32'), kind='skip',
         lines={'8.0': re.compile(r'dssenh\.c:1141: Tests skipped: skipping key exchange tests$'),
                '10.0': re.compile(r'dssenh\.c:1271: Tests skipped: skipping key exchange tests$')},
         why='Windows skips here too: test_keyExchange_baseDSS skips when CryptGenKey(CALG_DH_*) fails '
             'on the Base DSS provider, which has no Diffie-Hellman (NTE_BAD_ALGID, as the same suite\'s '
             'key length tests require); the code after the skip expects that failure'),
    dict(suite='dssenh', configs=('csp',), kind='failure',
         lines={'8.0': re.compile(r'dssenh\.c:1(2[6-9]\d|3[0-8]\d): Test failed: '),
                '10.0': re.compile(r'dssenh\.c:1(39[7-9]|4\d\d|5[01]\d): Test failed: ')},
         why='Wine\'s builtin advapi32 CryptSetKeyParam refuses pbData NULL with ERROR_INVALID_PARAMETER '
             '(dlls/advapi32/crypt.c) before the CSP sees it; Windows passes it on, and KP_X with NULL is what '
             'makes the Diffie-Hellman private value, so test_keyExchange_dssDH '
             '(lines 1267-1389 of 8.0, 1397-1519 of 10.0) fails from '
             'there on in the CSP-only deployment; our full stack passes it'),
]
FAILED = re.compile(r'^\S+\.c:\d+: Test failed: ', re.M)
SKIPPED = re.compile(r'^\S+\.c:\d+: Tests skipped: ', re.M)


def unexplained(r):
    """The failure and skip lines of a result that no EXPLAINED entry
    covers, and the explanations that applied."""
    with open(r['log'], errors='replace') as f:
        out = f.read().split('\n--- stderr')[0]
    name, version = split_id(r['suite'])
    rules = [e for e in EXPLAINED if e['suite'] == name and version in e['lines'] and r['config'] in e['configs']]
    left, used = [], []
    for line in out.splitlines():
        kind = 'failure' if FAILED.match(line) else 'skip' if SKIPPED.match(line) else None
        if not kind:
            continue
        hit = [e for e in rules if e['kind'] == kind and e['lines'][version].match(line)]
        if hit:
            used += [e for e in hit if e not in used]
        else:
            left.append(line)
    return left, used
OURS = ('advapi32', 'cryptsp', 'rsaenh', 'dssenh')

# The deployments: what tools/install.sh is given (None: nothing installed),
# which of our DLL names must then load native from our build, and for the
# 32-bit one, the build and the loader (the suites as 32-bit programs on our
# i686 DLLs, in the same kind of prefix).
HOST32 = 'i686-w64-mingw32'
# the loader of 32-bit programs that works here (tools/wine-loaders.sh finds it), if any
WINE32 = os.environ.get('WINE32') or None
CONFIGS = {
    'ours':    dict(label='ours', install=[], native=OURS),
    'csp':     dict(label='csp', install=['--csp-only'], native=('rsaenh', 'dssenh')),
    'builtin': dict(label='builtin', install=None, native=()),
    'ours32':  dict(label='ours32', install=[], native=OURS, host=HOST32),
}

SUMMARY = re.compile(r'(\d+) tests executed \((\d+) marked as todo, (\d+) as flaky, (\d+) failures?\), (\d+) skipped')
LOADED = re.compile(r'Loaded L"(.*?)" at [0-9A-Fa-f]+: (native|builtin)')


def wine_sources():
    """{'8.0': the Wine 8.0 source tree, '10.0': Wine 10.0's}: what setup fetched."""
    deps = os.path.join(TOP, 'build', 'deps')
    out = {}
    for d in sorted(glob.glob(os.path.join(deps, 'wine-[0-9]*')) + glob.glob(os.path.join(deps, 'wine10', 'wine-[0-9]*'))):
        m = re.match(r'wine-(\d+\.\d+)', os.path.basename(d))
        if m and os.path.isdir(d):
            out[m.group(1)] = d
    if not out:
        sys.exit('no Wine source in build/deps: run tools/setup.sh')
    return out


def winetest_headers(wine_src):
    """wine/test.h and wine/debug.h alone: the rest of Wine's include/ would
    shadow mingw's Windows headers."""
    inc = os.path.join(TOP, 'build', 'winetest', 'include')
    os.makedirs(os.path.join(inc, 'wine'), exist_ok=True)
    for h in ('test.h', 'debug.h'):
        if not os.path.exists(os.path.join(inc, 'wine', h)):
            shutil.copy(os.path.join(wine_src, 'include', 'wine', h), os.path.join(inc, 'wine'))
    return inc


def split_id(suite_id):
    name, _, version = suite_id.partition('@')
    return name, version


def build_suite(suite_id, sources, host=HOST):
    name, version = split_id(suite_id)
    src = os.path.join(sources[version], SUITES[name][0])
    exe = os.path.join(BIN, 'bin' if host == HOST else 'bin-' + host, suite_id + '.exe')
    if os.path.exists(exe) and os.path.getmtime(exe) >= os.path.getmtime(src):
        return exe
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    cmd = [host + '-gcc', '-O1', '-g', '-DSTANDALONE', '-D_WIN32_WINNT=0x0601', '-DWINVER=0x0601',
           # Wine 8.0's harness for every version: 10.0's debug.h needs Wine's own
           # headers (DECLSPEC_EXPORT), and the harness's output is the same
           '-I' + winetest_headers(sources['8.0']),
           '-I' + os.path.join(TOP, 'tests', 'winetest'), '-include', 'winetest_compat.h',
           '-w', '-o', exe, src, os.path.join(TOP, 'tests', 'conformance', 'import_advapi32.c'),
           '-ladvapi32', '-luser32']
    subprocess.run(cmd, check=True)
    return exe


def make_prefix(config, reuse):
    prefix = os.path.join(TOP, 'build', WINE, 'prefix-' + config)
    env = dict(os.environ, WINEPREFIX=prefix, WINEDEBUG='-all')
    install = CONFIGS[config]['install']
    if not (reuse and os.path.exists(os.path.join(prefix, 'system.reg'))):
        subprocess.run(['wineserver', '-k'], env=env, stderr=subprocess.DEVNULL)
        shutil.rmtree(prefix, ignore_errors=True)
        subprocess.run(['wine', 'wineboot', '-i'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(['wineserver', '-w'], env=env)
    if install is not None:
        # the release archive's setup.sh, unpacked by tests/run-wine.sh, where given
        setup = os.environ.get('CRYPTOAPI_SETUP')
        cmd = (['bash', setup, 'install'] if setup else
               ['bash', os.path.join(TOP, 'tools', 'install.sh'), 'install', DLL_DIR])
        subprocess.run(cmd + install, env=env, check=True, stdout=subprocess.DEVNULL)
    return prefix


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def unix_path(prefix, path, wow64=False):
    """C:\\windows\\system32\\ADVAPI32.dll -> the file in the prefix; Windows
    paths are case-insensitive, the prefix's files are not.  A 32-bit
    process's system32 is syswow64."""
    cur = os.path.join(prefix, 'drive_c')
    parts = path.split('\\')[1:]
    if wow64 and [p.lower() for p in parts[:2]] == ['windows', 'system32']:
        parts[1] = 'syswow64'
    for part in parts:
        names = {n.lower(): n for n in (os.listdir(cur) if os.path.isdir(cur) else ())}
        cur = os.path.join(cur, names.get(part.lower(), part))
    return cur


def prove(config, prefix, loads, required):
    """Checks the loader trace against the configuration: each of our DLL
    names loaded native from our build where the configuration installs it,
    builtin elsewhere; the suite's required DLLs of ours loaded at all.
    Returns (ok, text)."""
    native = CONFIGS[config]['native']
    host = CONFIGS[config].get('host', HOST)
    dll_dir = os.path.join(TOP, 'build', host)
    seen = {}
    for path, kind in loads:
        path = path.replace('\\\\', '\\')
        base = path.split('\\')[-1].lower()
        stem = base[:-4] if base.endswith('.dll') else base
        if stem in OURS:
            seen.setdefault(stem, set()).add((path, kind))
    problems = []
    for stem in OURS:
        for path, kind in sorted(seen.get(stem, ())):
            want = 'native' if stem in native else 'builtin'
            if kind != want:
                problems.append('%s loaded %s' % (stem, kind))
            elif want == 'native':
                unix = unix_path(prefix, path, host != HOST)
                if not os.path.exists(unix) or sha256(unix) != sha256(os.path.join(dll_dir, stem + '.dll')):
                    problems.append('%s native but not our build (%s)' % (stem, path))
    for stem in required:
        if stem in native and stem not in seen:
            problems.append('%s never loaded' % stem)
    if problems:
        return False, '; '.join(problems)
    ours = [s for s in OURS if s in seen and s in native]
    theirs = [s for s in OURS if s in seen and s not in native]
    text = ','.join(ours) + ' ours' if ours else ''
    if theirs:
        text += (' + ' if text else '') + ','.join(theirs) + ' builtin'
    return True, text or '-'


def run_suite(suite_id, config, prefix, exe):
    env = dict(os.environ, WINEPREFIX=prefix, WINETEST_PLATFORM='windows', WINETEST_COLOR='0',
               WINEDEBUG='-all,+loaddll')
    start = time.time()
    log = os.path.join(WORK, '%s-%s.log' % (suite_id, config))
    try:
        loader = WINE32 if CONFIGS[config].get('host') else 'wine'
        p = subprocess.run([loader, exe], env=env, capture_output=True, timeout=TIMEOUT,
                           cwd=os.path.dirname(exe))
        out, err, hung = p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace'), False
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace')
        err = (e.stderr or b'').decode(errors='replace')
        hung = True
        subprocess.run(['wineserver', '-k'], env=env)
    with open(log, 'w') as f:
        f.write(out)
        f.write('\n--- stderr (loader trace) ---\n')
        f.write(err)
    tests = fails = skips = todo = 0
    summaries = 0
    for m in SUMMARY.finditer(out):
        summaries += 1
        tests += int(m.group(1)); todo += int(m.group(2)); fails += int(m.group(4)); skips += int(m.group(5))
    crashed = summaries == 0 or 'unhandled exception' in out
    proven, proof = prove(config, prefix, LOADED.findall(err), SUITES[split_id(suite_id)[0]][1])
    status = 'hung' if hung else 'crashed' if crashed else 'ok'
    return dict(suite=suite_id, wine=WINE, config=config, tests=tests, failures=fails, skipped=skips, todo=todo,
                status=status, proven=proven, proof=proof, seconds=round(time.time() - start, 1), log=log)


def table(results, suites, configs):
    """One row a suite: tests/failed/skipped per configuration, then the
    loader's proof for each configuration that has DLLs of ours."""
    by = {(r['suite'], r['config']): r for r in results}
    width = 22
    head = ['%-13s' % ('suite@tests')] + ['%-*s' % (width, CONFIGS[c]['label'] + ': run fail skip') for c in configs]
    lines = [' | '.join(head) + ' | loader trace (WINEDEBUG=+loaddll)']
    lines.append('-+-'.join('-' * len(h) for h in head) + '-+-' + '-' * 40)

    def cell(r):
        if not r:
            return '%-*s' % (width, '   not run')
        text = '%7d %5d %5d' % (r['tests'], r['failures'], r['skipped'])
        if r['status'] != 'ok':
            text += ' ' + r['status'].upper()
        return '%-*s' % (width, text)
    tot = {c: [0, 0, 0] for c in configs}
    for s in suites:
        row, proofs = ['%-13s' % s], []
        for c in configs:
            r = by.get((s, c))
            row.append(cell(r))
            if r:
                tot[c][0] += r['tests']; tot[c][1] += r['failures']; tot[c][2] += r['skipped']
                if CONFIGS[c]['native']:
                    proofs.append('%s: %s%s' % (c, '' if r['proven'] else 'NOT PROVEN: ', r['proof']))
        lines.append(' | '.join(row) + ' | ' + '; '.join(proofs))
    lines.append(lines[1])
    lines.append(' | '.join(['%-13s' % 'total'] + ['%-*s' % (width, '%7d %5d %5d' % tuple(tot[c])) for c in configs]) + ' |')
    lines.append('judged with WINETEST_PLATFORM=windows; each configuration in its own prefix under build/;')
    lines.append('ours = our advapi32+cryptsp+rsaenh+dssenh (full stack), csp = our rsaenh+dssenh under Wine\'s '
                 'advapi32/cryptsp,')
    lines.append('ours32 = the full stack again, the suites as 32-bit programs on our i686 DLLs')
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reuse', action='store_true', help='reuse existing prefixes (reinstalls our DLLs)')
    ap.add_argument('--only', choices=tuple(CONFIGS), action='append')
    ap.add_argument('--build-only', action='store_true', help='compile the suites, run nothing')
    ap.add_argument('suites', nargs='*')
    args = ap.parse_args()
    sources = wine_sources()
    all_ids = ['%s@%s' % (n, v) for v in sorted(sources, key=lambda v: [int(x) for x in v.split('.')]) for n in SUITES]
    suites = []
    for s in args.suites or all_ids:
        # a bare name means that suite in every version
        hit = [i for i in all_ids if i == s or split_id(i)[0] == s]
        if not hit:
            sys.exit('unknown suite %s (have: %s)' % (s, ' '.join(all_ids)))
        suites += [i for i in hit if i not in suites]
    configs = args.only or list(CONFIGS)
    if args.build_only:
        for s in suites:
            for host in sorted({CONFIGS[c].get('host', HOST) for c in configs}):
                build_suite(s, sources, host)
        return 0
    skipped_configs = []
    if 'ours32' in configs and not (WINE32 and os.path.exists(os.path.join(TOP, 'build', HOST32, 'rsaenh.dll'))):
        configs.remove('ours32')
        skipped_configs.append('ours32: the suites as 32-bit programs were not run: ' +
                               ('no loader of 32-bit programs works with this Wine here (tools/wine-loaders.sh)' if not WINE32 else
                                'no i686 build of our DLLs (make)'))
    os.makedirs(WORK, exist_ok=True)
    exes = {(s, c): build_suite(s, sources, CONFIGS[c].get('host', HOST)) for s in suites for c in configs}

    # Each configuration lives in its own prefix (its own wineserver), so
    # they run side by side; the suites of one configuration run in turn.
    def run_config(config):
        prefix = make_prefix(config, args.reuse)
        out = [run_suite(s, config, prefix, exes[(s, config)]) for s in suites]
        subprocess.run(['wineserver', '-w'], env=dict(os.environ, WINEPREFIX=prefix))
        return out
    with concurrent.futures.ThreadPoolExecutor(len(configs)) as pool:
        results = [r for rs in pool.map(run_config, configs) for r in rs]

    text = table(results, suites, configs)
    text = '# %s\n' % WINE + text
    for s in suites:
        if split_id(s)[0] in NOT_OURS:
            text += '%s: %s\n' % (s, NOT_OURS[split_id(s)[0]])
    for line in skipped_configs:
        text += line + '\n'
    sys.stdout.write(text)
    gated = [r for r in results if CONFIGS[r['config']]['native']]
    bad = []
    for r in gated:
        judged_ours = any(d in CONFIGS[r['config']]['native'] for d in SUITES[split_id(r['suite'])[0]][2])
        if not r['proven'] or r['status'] != 'ok':
            why = r['status'] if r['status'] != 'ok' else 'not proven: ' + r['proof']
        elif judged_ours and (r['failures'] or r['skipped']):
            left, used = unexplained(r)
            for e in used:
                note = '%s (%s): %s explained: %s' % (r['suite'], r['config'], e['kind'], e['why'])
                print(note)
                text += note + '\n'
            if not left:
                continue
            why = '%d failures and skips not explained' % len(left)
        else:
            continue
        bad.append(r)
        print('%s (%s): %s -- see %s' % (r['suite'], r['config'], why, r['log']))
    if not args.suites and not args.only:
        with open(os.path.join(TOP, 'build', WINE, 'conformance.txt'), 'w') as f:
            f.write(text)
        with open(os.path.join(TOP, 'build', WINE, 'conformance.json'), 'w') as f:
            json.dump(results, f, indent=1)
    print('conformance (%s): %d passed, %d failed' % (WINE, len(gated) - len(bad), len(bad)))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
