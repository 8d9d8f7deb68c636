#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""documented.py - the table of Microsoft's documented CryptoAPI behaviour
(tests/win/documented/*.md) against the tests that show it.

Each row's "Shown by" is one of
  tests/win/FILE.c test_name         our Windows test program and function,
  upstream SUITE@VERSION test_name   a Wine suite run by the conformance runner,
  GAP: reason                        not shown, and why.
Every named test function must exist (in our file, or in the upstream
suite's source under build/deps/).  The GAP rows must be the README's list
between the markers below, as `--gaps` prints it.  The last line is
"N passed, N failed": one check per row, one for the README list.

usage: documented.py [--gaps]
"""
import glob, os, re, sys

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SUITES = {'rsaenh': 'dlls/rsaenh/tests/rsaenh.c', 'dssenh': 'dlls/dssenh/tests/dssenh.c',
          'crypt': 'dlls/advapi32/tests/crypt.c'}
TREES = {'8.0': 'build/deps/wine-8.0~repack', '10.0': 'build/deps/wine10/wine-10.0~repack'}
BEGIN, END = '<!-- documented gaps: begin -->', '<!-- documented gaps: end -->'
HEADER = '| Subject | Documented behaviour or error | Shown by |'


def rows():
    for path in sorted(glob.glob(os.path.join(TOP, 'tests/win/documented/*.md'))):
        area = os.path.splitext(os.path.basename(path))[0]
        lines = open(path, encoding='utf-8').read().splitlines()
        if HEADER not in lines:
            yield area, None, '%s: no table with the header %s' % (path, HEADER)
            continue
        for n, line in enumerate(lines[lines.index(HEADER) + 2:], lines.index(HEADER) + 3):
            if not line.startswith('|'):
                break
            cells = [c.strip() for c in re.split(r'(?<!\\)\|', line.strip()[1:-1])]
            if len(cells) != 3:
                yield area, None, '%s:%d: not three cells' % (path, n)
                continue
            yield area, cells, '%s:%d' % (path, n)


def defines(path, name):
    try:
        text = open(path, encoding='utf-8', errors='replace').read()
    except OSError:
        return False
    return re.search(r'\b%s\s*\(' % re.escape(name), text) is not None


def check(cells):
    """None when the row holds, else what is wrong."""
    shown = cells[2].strip('`')
    if shown.startswith('GAP:'):
        return None if shown[4:].strip() else 'a GAP without a reason'
    m = re.fullmatch(r'(tests/win/\w+\.c) (\w+)', shown)
    if m:
        return None if defines(os.path.join(TOP, m.group(1)), m.group(2)) else \
            '%s has no function %s' % m.groups()
    m = re.fullmatch(r'upstream (\w+)@([\d.]+) (\w+)', shown)
    if m and m.group(1) in SUITES and m.group(2) in TREES:
        src = os.path.join(TOP, TREES[m.group(2)], SUITES[m.group(1)])
        if not os.path.exists(src):
            return '%s is missing (tools/setup.sh fetches it)' % src
        return None if defines(src, m.group(3)) else '%s@%s has no function %s' % m.group(1, 2, 3)
    return 'unknown "Shown by": %s' % cells[2]


def gap_list():
    out = []
    for area, cells, where in rows():
        if cells and cells[2].strip('`').startswith('GAP:'):
            out.append('- %s (%s): %s -- %s' % (cells[0], area, cells[1], cells[2].strip('`')[4:].strip()))
    return out


def main():
    if sys.argv[1:] == ['--gaps']:
        print(BEGIN)
        print('\n'.join(gap_list()))
        print(END)
        return 0
    passed = failed = 0
    kinds = {'tests/win': 0, 'upstream': 0, 'GAP': 0}
    for area, cells, where in rows():
        why = check(cells) if cells else where
        if why:
            print('  %s' % why if not cells else '  %s: %s' % (where, why))
            failed += 1
            continue
        passed += 1
        shown = cells[2].strip('`')
        kinds['GAP' if shown.startswith('GAP:') else shown.split()[0].split('/')[0]
              .replace('tests', 'tests/win')] += 1
    readme = open(os.path.join(TOP, 'README.md'), encoding='utf-8').read()
    block = readme[readme.find(BEGIN):readme.find(END) + len(END)] if BEGIN in readme else ''
    want = '\n'.join([BEGIN] + gap_list() + [END])
    if block.strip() != want.strip():
        print('  README.md: the list of documented gaps is not what `%s --gaps` prints' % sys.argv[0])
        failed += 1
    else:
        passed += 1
    print('documented behaviour: %d rows shown by tests/win, %d by upstream suites, %d gaps (listed in the README)'
          % (kinds['tests/win'], kinds['upstream'], kinds['GAP']))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
