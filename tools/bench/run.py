#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""make bench: bench.exe side by side with Wine's builtin DLLs, ours (full
stack and CSP only) and raw nettle, in one run on one machine.

Three private prefixes under build/ (prefix-bench-builtin, -ours, -csp; made
once, ours reinstalled from the current build every run).  The raw mode runs
bench.exe --raw in the builtin prefix.  The configurations alternate,
BENCH_REPS times (default 5), each repetition starting one configuration later; each figure is the best of the repetitions.
The first repetition runs under WINEDEBUG=+loaddll, and the loader's word
on which rsaenh/cryptsp/advapi32 served goes into the table's head.

Writes build/bench.txt (the table, the thread scaling and the targets),
build/bench.json (every sample), build/bench.dat and build/bench.png.

usage: run.py [--reps N] [NAME-PREFIX...]   (names select operations)
"""
import argparse, json, os, re, shutil, subprocess, sys, time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
HOST = os.environ.get('HOST', 'x86_64-w64-mingw32')
DLL_DIR = os.path.join(TOP, 'build', HOST)
EXE = os.path.join(DLL_DIR, 'tools', 'bench.exe')
OUT = os.path.join(TOP, 'build')

# name -> (prefix, install.sh arguments or None, bench.exe arguments)
CONFIGS = [
    ('builtin', 'builtin', None, []),
    ('ours', 'ours', [], []),
    ('ours-csp', 'csp', ['--csp-only'], []),
    ('raw', 'builtin', None, ['--raw']),
]
LOADED = re.compile(r'Loaded L"[^"]*\\(advapi32|cryptsp|rsaenh)\.dll" at [0-9A-Fa-f]+: (native|builtin)', re.I)

# The targets of issue 8: (operation, against, minimum ratio ours/against).
# "Every other bulk operation >= builtin" is 3DES, RC4, SHA-512 and MD5.
TARGETS = [
    ('aes128-cbc-enc', 'raw', 0.9), ('aes256-cbc-enc', 'raw', 0.9),
    ('aes128-cbc-enc', 'builtin', 5), ('aes256-cbc-enc', 'builtin', 5),
    ('aes128-cbc-dec', 'builtin', 10), ('aes256-cbc-dec', 'builtin', 10),
    ('sha256', 'raw', 0.9), ('sha1', 'raw', 0.9),
    ('3des-cbc-enc', 'builtin', 1), ('3des-cbc-dec', 'builtin', 1), ('rc4', 'builtin', 1),
    ('sha512', 'builtin', 1), ('md5', 'builtin', 1),
    ('encrypt-16B', 'builtin', 1), ('hashdata-16B', 'builtin', 1),
    ('acquire-release', 'builtin', 100), ('rsa2048-sign', 'builtin', 3), ('rsa2048-keygen', 'builtin', 3),
]

# Rows that measure the machine, not the DLLs: no ratio is printed.
ENVIRONMENT = {'server-call'}


def loader_path():
    """A PATH whose `wine` is the 64-bit loader.  With a 32-bit Wine also
    installed, Debian's `wine` starts everything with the 32-bit loader,
    which then wants a WoW64 prefix (and 32-bit DLLs of ours for reg.exe
    and regsvr32.exe under our overrides).  bench.exe and our DLLs are
    64-bit: every wine command here, install.sh's too, uses wine64."""
    wine64 = next((w for w in ('/usr/lib/wine/wine64', shutil.which('wine64') or '') if os.access(w, os.X_OK)),
                  None)
    if not wine64:
        return os.environ['PATH']
    shim = os.path.join(OUT, 'bench-bin')
    os.makedirs(shim, exist_ok=True)
    with open(os.path.join(shim, 'wine'), 'w') as f:
        f.write('#!/bin/sh\nexec %s "$@"\n' % wine64)
    os.chmod(os.path.join(shim, 'wine'), 0o755)
    return shim + os.pathsep + os.environ['PATH']


PATH = loader_path()


def hold_idle_latency():
    """Ask the kernel (PM QoS, /dev/cpu_dma_latency) for zero wake-up
    latency for as long as the returned descriptor stays open: idle CPUs
    then poll instead of halting.  On a virtual machine a halted vCPU can
    take 100 us or more to wake (seen here with the haltpoll driver at
    guest_halt_poll_ns 0), and every wineserver round trip wakes one, so
    per-call figures would measure the hypervisor rather than the DLLs
    (a round trip measured 100-400 us idle, 12-15 us held).  It applies to
    every configuration alike.  Returns (fd or None, what the header says)."""
    try:
        fd = os.open('/dev/cpu_dma_latency', os.O_WRONLY)
        os.write(fd, (0).to_bytes(4, sys.byteorder))
        return fd, 'idle CPUs poll (cpu_dma_latency held at 0)'
    except OSError as e:
        return None, 'idle CPUs may sleep (cpu_dma_latency: %s)' % (e.strerror or e)


def env_for(prefix, debug='-all'):
    return dict(os.environ, WINEPREFIX=os.path.join(OUT, 'prefix-bench-' + prefix), WINEDEBUG=debug, PATH=PATH)


def make_prefixes():
    made = set()
    for _, prefix, install, _ in CONFIGS:
        env = env_for(prefix)
        if prefix not in made and not os.path.exists(os.path.join(env['WINEPREFIX'], 'system.reg')):
            print('[bench] creating prefix', env['WINEPREFIX'], flush=True)
            subprocess.run(['wine', 'wineboot', '-i'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run(['wineserver', '-w'], env=env)
        made.add(prefix)
        if install is not None:
            # no process of the prefix may still map the DLLs install.sh
            # overwrites in place (Wine's services load our advapi32)
            subprocess.run(['wineserver', '-k'], env=env, stderr=subprocess.DEVNULL)
            subprocess.run(['wineserver', '-w'], env=env, stderr=subprocess.DEVNULL)
            subprocess.run(['bash', os.path.join(TOP, 'tools', 'install.sh'), 'install', DLL_DIR] + install,
                           env=env, check=True, stdout=subprocess.DEVNULL)


def run_once(name, prefix, args, names, trace):
    env = env_for(prefix, '-all,+loaddll' if trace else '-all')
    p = subprocess.run(['wine', EXE] + args + names, env=env, capture_output=True, text=True, timeout=900)
    if p.returncode:
        sys.exit('[bench] %s: bench.exe failed (%d):\n%s' % (name, p.returncode, p.stderr[-2000:]))
    results = {}
    for line in p.stdout.splitlines():
        parts = line.split('\t')
        if len(parts) == 3:
            results[parts[0]] = (float(parts[1]), parts[2])
    loads = {}
    for dll, kind in LOADED.findall(p.stderr):
        loads.setdefault(dll.lower(), set()).add(kind)
    return results, loads


def better(a, b, unit):
    return min(a, b) if unit == 'ms' else max(a, b)


def ratio(ours, other, unit):
    if ours is None or other is None or not ours or not other:
        return None
    return other / ours if unit == 'ms' else ours / other


def fmt(v):
    if v is None:
        return '-'
    if v >= 1e5:
        return '%.3g' % v
    return '%.1f' % v if v < 1000 else '%.0f' % v


def fmt_ratio(r):
    return '-' if r is None else ('%.2fx' % r if r < 10 else '%.0fx' % r)


def why_missed(best, op):
    """What the run itself says about a missed target: ours at raw nettle's
    speed, or (per-context operations) how many wineserver round trips
    each configuration spends on one."""
    unit = best['ours'][op][1]
    raw = ratio(best['ours'][op][0], best['raw'].get(op, (None,))[0], unit)
    if raw is not None and raw >= 0.95:
        return '  (ours/raw %s: nettle itself is no faster here)' % fmt_ratio(raw)
    call = {c: best[c].get('server-call', (None,))[0] for c in ('builtin', 'ours')}
    if op in ('acquire-release', 'container-open') and all(call.values()):
        trips = {c: call[c] / best[c][op][0] for c in call}
        return '  (one costs %.1f wineserver round trips in ours, %.0f in builtin)' % (trips['ours'],
                                                                                    trips['builtin'])
    return ''


def table(best, order, loads, reps, seconds, idle):
    cols = ['builtin', 'ours', 'ours-csp', 'raw']
    head = '%-22s %-5s %10s %10s %10s %10s %13s %9s' % ('operation', 'unit', 'builtin', 'ours', 'ours-csp',
                                                      'raw nettle', 'ours/builtin', 'ours/raw')
    lines = ['# make bench, %s, %s, best of %d alternating runs (%.0f s)' %
             (time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime()), os.uname().nodename, reps, seconds),
             '# ' + idle]
    for cfg in ('builtin', 'ours', 'ours-csp'):
        lines.append('# %-9s served by: %s' % (cfg, ', '.join('%s %s' % (d, '/'.join(sorted(k)))
                                                         for d, k in sorted(loads.get(cfg, {}).items())) or '-'))
    lines += ['# (ms: less is better, and the ratios are then builtin/ours and raw/ours)', head, '-' * len(head)]
    for op in order:
        unit = next(best[c][op][1] for c in cols if op in best[c])
        v = {c: best[c][op][0] if op in best[c] else None for c in cols}
        lines.append('%-22s %-5s %10s %10s %10s %10s %13s %9s' % (
            op, unit, fmt(v['builtin']), fmt(v['ours']), fmt(v['ours-csp']), fmt(v['raw']),
            *(('-', '-') if op in ENVIRONMENT else
              (fmt_ratio(ratio(v['ours'], v['builtin'], unit)), fmt_ratio(ratio(v['ours'], v['raw'], unit))))))
    lines += ['', 'targets (one run, ours = full stack):']
    met = 0
    for op, against, want in TARGETS:
        if op not in best['ours'] or op not in best[against]:
            continue
        unit = best['ours'][op][1]
        r = ratio(best['ours'][op][0], best[against][op][0], unit)
        ok = r is not None and r >= want
        met += ok
        lines.append('  %-4s %-18s ours/%-8s >= %-5g is %s%s' % ('met' if ok else 'MISS', op, against, want,
                                                                fmt_ratio(r), '' if ok else why_missed(best, op)))
    lines.append('%d of %d targets met' % (met, sum(1 for op, a, _ in TARGETS
                                                     if op in best['ours'] and op in best[a])))
    return lines


def chart(best, order):
    dat = os.path.join(OUT, 'bench.dat')
    with open(dat, 'w') as f:
        f.write('# operation ours/builtin ours/raw\n')
        for op in (o for o in order if o not in ENVIRONMENT):
            unit = best['ours'].get(op, (0, best['raw'].get(op, (0, ''))[1]))[1]
            rb = ratio(best['ours'].get(op, (None,))[0], best['builtin'].get(op, (None,))[0], unit)
            rr = ratio(best['ours'].get(op, (None,))[0], best['raw'].get(op, (None,))[0], unit)
            f.write('%s %s %s\n' % (op, rb if rb else 'NaN', rr if rr else 'NaN'))
    if not shutil.which('gnuplot'):
        print('[bench] gnuplot missing: running tools/setup.sh --bench', flush=True)
        subprocess.run(['bash', os.path.join(TOP, 'tools', 'setup.sh'), '--bench'], check=True)
    subprocess.run(['gnuplot', '-e', "datafile='%s'; outfile='%s'" % (dat, os.path.join(OUT, 'bench.png')),
                    os.path.join(TOP, 'tools', 'bench', 'chart.gp')], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--reps', type=int, default=int(os.environ.get('BENCH_REPS', '5')))
    ap.add_argument('names', nargs='*')
    a = ap.parse_args()
    if not os.path.exists(EXE):
        sys.exit('[bench] %s missing: run make first' % EXE)
    start = time.time()
    idle_fd, idle = hold_idle_latency()
    make_prefixes()
    best, order, loads, samples = {c[0]: {} for c in CONFIGS}, [], {}, []
    for rep in range(a.reps):
        # each repetition starts with the next configuration, so none is
        # always measured right after another
        for name, prefix, _, args in CONFIGS[rep % len(CONFIGS):] + CONFIGS[:rep % len(CONFIGS)]:
            print('[bench] run %d/%d: %s' % (rep + 1, a.reps, name), flush=True)
            results, seen = run_once(name, prefix, args, a.names, name not in loads)
            if name not in loads:
                loads[name] = seen
            samples.append({'rep': rep, 'config': name, 'results': results})
            for op, (v, unit) in results.items():
                if op not in order:
                    order.append(op)
                old = best[name].get(op)
                best[name][op] = (better(old[0], v, unit) if old else v, unit)
    if idle_fd is not None:
        os.close(idle_fd)
    lines = table(best, order, loads, a.reps, time.time() - start, idle)
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(OUT, 'bench.txt'), 'w') as f:
        f.write(text)
    with open(os.path.join(OUT, 'bench.json'), 'w') as f:
        json.dump({'best': best, 'samples': samples}, f, indent=1)
    chart(best, order)
    print(text, end='')
    print('[bench] wrote build/bench.txt, build/bench.json, build/bench.png')


if __name__ == '__main__':
    main()
