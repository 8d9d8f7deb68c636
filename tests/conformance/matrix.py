#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""matrix.py - the conformance table over every Wine the tests ran on: one
row a suite (SUITE@VERSION of its sources), one column a Wine and
architecture (ours: our full stack, x86_64 and i686; csp: our CSPs under
Wine's advapi32/cryptsp; builtin: Wine's own DLLs), each cell
"tests/failures/skipped".  Reads build/wine-*/conformance.json (written by
run.py in each Wine root); writes build/conformance.txt."""
import glob, json, os

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
COLUMNS = (('ours', 'x86_64'), ('ours32', 'i686'), ('csp', 'csp x86_64'), ('builtin', 'builtin x86_64'))


def main():
    results = {}
    wines = []
    for path in sorted(glob.glob(os.path.join(TOP, 'build', 'wine-*', 'conformance.json')),
                       key=lambda p: [int(x) for x in os.path.basename(os.path.dirname(p))[5:].split('.')]):
        wine = os.path.basename(os.path.dirname(path))
        wines.append(wine)
        for r in json.load(open(path)):
            results[(r['suite'], wine, r['config'])] = r
    order = ('rsaenh', 'dssenh', 'crypt', 'crypt_lmhash', 'crypt_md4', 'crypt_md5', 'crypt_sha')
    suites = sorted({k[0] for k in results}, key=lambda s: ([int(x) for x in s.split('@')[1].split('.')],
                                                           order.index(s.split('@')[0]) if s.split('@')[0] in order else 99))
    cols = [(w, c, label) for w in wines for c, label in COLUMNS if any(k[1:] == (w, c) for k in results)]
    head = ['%-17s' % 'suite@tests'] + ['%-19s' % ('%s %s' % (w[5:], label)) for w, c, label in cols]
    lines = [' | '.join(head), '-+-'.join('-' * len(h) for h in head)]
    for s in suites:
        row = ['%-17s' % s]
        for w, c, _ in cols:
            r = results.get((s, w, c))
            cell = '-' if not r else '%d/%d/%d%s' % (r['tests'], r['failures'], r['skipped'],
                                                      '' if r['status'] == 'ok' else ' ' + r['status'].upper())
            if r and r['config'] != 'builtin' and not r['proven']:
                cell += ' NOT PROVEN'
            row.append('%-19s' % cell)
        lines.append(' | '.join(row))
    lines.append('cells: tests/failures/skipped, WINETEST_PLATFORM=windows; the columns by Wine version and '
                 'architecture; every column but builtin proven ours by the loader trace (build/WINE/conformance.txt)')
    if not wines:
        lines = ['no conformance results (build/wine-*/conformance.json)']
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(TOP, 'build', 'conformance.txt'), 'w') as f:
        f.write(text)
    print(text, end='')


if __name__ == '__main__':
    main()
