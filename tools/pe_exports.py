#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""pe_exports.py - the export names of a PE DLL, read from the file itself
(no Wine, no binutils needed): one name a line, sorted, with " -> target"
after a forwarder when --forwarders is given.

The reference lists in tests/exports/reference/ are this tool's output on
Wine's builtin DLLs:

    tools/pe_exports.py /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/advapi32.dll

usage: pe_exports.py [--forwarders] DLL
"""
import struct, sys


def exports(path):
    """{name: None for code, 'dll.name' for a forwarder}, read from the PE file."""
    data = open(path, 'rb').read()
    pe = struct.unpack_from('<I', data, 0x3c)[0]
    nsec = struct.unpack_from('<H', data, pe + 6)[0]
    optsize = struct.unpack_from('<H', data, pe + 20)[0]
    opt = pe + 24
    magic = struct.unpack_from('<H', data, opt)[0]
    ddir = opt + (96 if magic == 0x10b else 112)
    exp_rva, exp_size = struct.unpack_from('<II', data, ddir)
    sections = []
    for i in range(nsec):
        s = opt + optsize + 40 * i
        vsize, va, rawsize, raw = struct.unpack_from('<IIII', data, s + 8)
        sections.append((va, max(vsize, rawsize), raw))

    def off(rva):
        for va, size, raw in sections:
            if va <= rva < va + size:
                return rva - va + raw
        raise ValueError('rva %x outside sections' % rva)

    def cstr(rva):
        o = off(rva)
        return data[o:data.index(b'\0', o)].decode()
    if not exp_rva:
        return {}
    (nfuncs, nnames, eat, npt, ot) = struct.unpack_from('<IIIII', data, off(exp_rva) + 20)
    out = {}
    for i in range(nnames):
        name = cstr(struct.unpack_from('<I', data, off(npt) + 4 * i)[0])
        ordinal = struct.unpack_from('<H', data, off(ot) + 2 * i)[0]
        rva = struct.unpack_from('<I', data, off(eat) + 4 * ordinal)[0]
        out[name] = cstr(rva) if exp_rva <= rva < exp_rva + exp_size else None
    return out


def main():
    args = sys.argv[1:]
    fwd = '--forwarders' in args
    args = [a for a in args if a != '--forwarders']
    if len(args) != 1:
        sys.exit(__doc__.split('usage: ')[1])
    for name, target in sorted(exports(args[0]).items()):
        print(name + (' -> ' + target if fwd and target else ''))


if __name__ == '__main__':
    main()
