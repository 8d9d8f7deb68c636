#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Interoperability of our rsaenh with OpenSSL, both ways.

Runs capi_interop.exe (CryptoAPI, in a prefix with our DLLs installed) and the
openssl command line on the same keys, messages, signatures and ciphertexts:
  - an OpenSSL key pair imported as a PRIVATEKEYBLOB signs byte-identically;
  - OpenSSL verifies signatures made with a key pair we generated and exported;
  - we verify OpenSSL's signatures, and reject a corrupted one;
  - what OpenSSL encrypts to our public key (PKCS#1 v1.5, OAEP) we decrypt;
  - what we encrypt, OpenSSL decrypts.
CryptoAPI keeps signatures, ciphertexts and key fields little-endian; the
conversions live here.  Prints "interop: N passed, N failed".

usage: run.py PREFIX TOOL_EXE
"""
import os, subprocess, sys, tempfile

HASHES = ('md5', 'sha1', 'sha256', 'sha384', 'sha512')
PUBLICKEYBLOB, PRIVATEKEYBLOB, CALG_RSA_KEYX = 6, 7, 0xa400


# --- DER, just enough for PKCS#1 RSAPublicKey / RSAPrivateKey ---------------

def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(b)]) + b


def der_int(x):
    b = x.to_bytes(x.bit_length() // 8 + 1, 'big')
    return b'\x02' + der_len(len(b)) + b


def der_seq(items):
    body = b''.join(der_int(x) for x in items)
    return b'\x30' + der_len(len(body)) + body


def der_ints(data):
    """The INTEGERs of a DER SEQUENCE of INTEGERs."""
    def read(pos):
        tag, n = data[pos], data[pos + 1]
        pos += 2
        if n & 0x80:
            k = n & 0x7f
            n = int.from_bytes(data[pos:pos + k], 'big')
            pos += k
        return tag, data[pos:pos + n], pos + n
    tag, body, _ = read(0)
    assert tag == 0x30
    data, pos, out = body, 0, []
    while pos < len(data):
        tag, value, pos = read(pos)
        assert tag == 0x02
        out.append(int.from_bytes(value, 'big'))
    return out


# --- CryptoAPI RSA key BLOBs (BLOBHEADER + RSAPUBKEY + little-endian fields) --

def le(x, n):
    return x.to_bytes(n, 'little')


def blob_header(kind, magic, bits, e):
    return bytes([kind, 2, 0, 0]) + le(CALG_RSA_KEYX, 4) + magic + le(bits, 4) + le(e, 4)


def private_blob(n, e, d, p, q, dp, dq, qinv):
    bits = n.bit_length()
    k, h = bits // 8, bits // 16
    return (blob_header(PRIVATEKEYBLOB, b'RSA2', bits, e) + le(n, k) + le(p, h) + le(q, h) +
            le(dp, h) + le(dq, h) + le(qinv, h) + le(d, k))


def parse_blob(blob):
    """(n, e) of a PUBLICKEYBLOB, or (n, e, d, p, q, dp, dq, qinv) of a PRIVATEKEYBLOB."""
    kind, magic = blob[0], blob[8:12]
    bits, e = int.from_bytes(blob[12:16], 'little'), int.from_bytes(blob[16:20], 'little')
    k, h, pos = bits // 8, bits // 16, 20
    fields = []
    for size in ((k,) if kind == PUBLICKEYBLOB else (k, h, h, h, h, h, k)):
        fields.append(int.from_bytes(blob[pos:pos + size], 'little'))
        pos += size
    assert (kind, magic) in ((PUBLICKEYBLOB, b'RSA1'), (PRIVATEKEYBLOB, b'RSA2')) and pos == len(blob), 'bad blob'
    if kind == PUBLICKEYBLOB:
        return fields[0], e
    n, p, q, dp, dq, qinv, d = fields
    return n, e, d, p, q, dp, dq, qinv


class Interop:
    def __init__(self, prefix, tool, work):
        self.prefix, self.tool, self.work = prefix, tool, work
        self.passed = self.failed = 0

    def path(self, name):
        return os.path.join(self.work, name)

    def check(self, what, ok):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print('  FAILED: ' + what)

    def capi(self, *args, trace=False):
        env = dict(os.environ, WINEPREFIX=self.prefix, WINEDEBUG='-all,+loaddll' if trace else '-all')
        args = [('Z:' + a) if a.startswith('/') else a for a in args]
        return subprocess.run(['wine', self.tool] + args, env=env, capture_output=True)

    def ossl(self, *args, data=None):
        return subprocess.run(['openssl'] + list(args), input=data, capture_output=True)

    def write(self, name, data):
        with open(self.path(name), 'wb') as f:
            f.write(data)
        return self.path(name)

    def read(self, name):
        with open(self.path(name), 'rb') as f:
            return f.read()

    def pem_public(self, n, e, name):
        der = self.write(name + '.der', der_seq([n, e]))
        self.ossl('rsa', '-RSAPublicKey_in', '-inform', 'DER', '-in', der, '-pubout', '-out', self.path(name))
        return self.path(name)

    def pem_private(self, fields, name):
        n, e, d, p, q, dp, dq, qinv = fields
        der = self.write(name + '.der', der_seq([0, n, e, d, p, q, dp, dq, qinv]))
        self.ossl('rsa', '-inform', 'DER', '-in', der, '-out', self.path(name))
        return self.path(name)

    def run(self):
        msg = self.write('msg', b'CryptoAPI and OpenSSL agree on this message.\n' * 3)

        # OpenSSL's key pair, imported: signatures must be byte-identical.
        self.ossl('genrsa', '-out', self.path('ossl.pem'), '2048')
        self.ossl('rsa', '-in', self.path('ossl.pem'), '-outform', 'DER', '-traditional',
                  '-out', self.path('ossl.der'))
        v = der_ints(self.read('ossl.der'))
        priv = self.write('ossl.privblob', private_blob(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]))
        pub = self.write('ossl.pubblob', blob_header(PUBLICKEYBLOB, b'RSA1', v[1].bit_length(), v[2]) +
                         le(v[1], v[1].bit_length() // 8))
        r = self.capi('sign', priv, 'sha256', msg, self.path('proof.sig'), trace=True)
        self.check('our rsaenh.dll served the calls (loader trace)',
                   r.returncode == 0 and b'rsaenh.dll" at' in r.stderr and
                   all(b'native' in l for l in r.stderr.splitlines() if b'\\rsaenh.dll" at' in l))
        for h in HASHES:
            ours = self.capi('sign', priv, h, msg, self.path('capi.sig'))
            theirs = self.ossl('dgst', '-' + h, '-sign', self.path('ossl.pem'), msg)
            self.check('%s signature of an imported OpenSSL key is byte-identical' % h,
                       ours.returncode == 0 and theirs.returncode == 0 and
                       self.read('capi.sig')[::-1] == theirs.stdout)
            # ...and OpenSSL's signature verifies with CryptVerifySignature
            sig = self.write('ossl.sig', theirs.stdout[::-1])
            self.check('%s: CryptVerifySignature accepts OpenSSL\'s signature' % h,
                       self.capi('verify', pub, h, msg, sig).returncode == 0)
        bad = bytearray(self.read('ossl.sig'))
        bad[5] ^= 1
        self.check('CryptVerifySignature rejects a corrupted signature (NTE_BAD_SIGNATURE)',
                   self.capi('verify', pub, 'sha512', msg, self.write('bad.sig', bytes(bad))).returncode == 1)

        # Our key pair, exported: OpenSSL verifies and encrypts to it.
        r = self.capi('genkey', self.path('capi.privblob'), self.path('capi.pubblob'))
        self.check('CryptGenKey + CryptExportKey', r.returncode == 0)
        if r.returncode:
            return
        n, e = parse_blob(self.read('capi.pubblob'))
        fields = parse_blob(self.read('capi.privblob'))
        self.check('exported public and private BLOBs hold the same key', fields[:2] == (n, e))
        pub_pem = self.pem_public(n, e, 'capi.pub.pem')
        priv_pem = self.pem_private(fields, 'capi.priv.pem')
        for h in ('sha1', 'sha256'):
            self.capi('sign', self.path('capi.privblob'), h, msg, self.path('capi.sig'))
            sig = self.write('capi.sig.be', self.read('capi.sig')[::-1])
            r = self.ossl('dgst', '-' + h, '-verify', pub_pem, '-signature', sig, msg)
            self.check('OpenSSL verifies our %s signature' % h, r.returncode == 0)
        secret = self.write('secret', b'a session key, 32 bytes long....')
        for pad, opts in (('pkcs1', []), ('oaep', ['-pkeyopt', 'rsa_padding_mode:oaep'])):
            r = self.ossl('pkeyutl', '-encrypt', '-pubin', '-inkey', pub_pem, '-in', secret, *opts)
            ct = self.write('ossl.ct', r.stdout[::-1])
            d = self.capi('decrypt', self.path('capi.privblob'), pad, ct, self.path('capi.pt'))
            self.check('CryptDecrypt (%s) of OpenSSL\'s ciphertext' % pad,
                       r.returncode == 0 and d.returncode == 0 and self.read('capi.pt') == self.read('secret'))
            d = self.capi('encrypt', self.path('capi.pubblob'), pad, secret, self.path('capi.ct'))
            ct = self.write('capi.ct.be', self.read('capi.ct')[::-1])
            r = self.ossl('pkeyutl', '-decrypt', '-inkey', priv_pem, '-in', ct, *opts)
            self.check('OpenSSL decrypts our CryptEncrypt (%s)' % pad,
                       d.returncode == 0 and r.returncode == 0 and r.stdout == self.read('secret'))


def main():
    prefix, tool = sys.argv[1:3]
    with tempfile.TemporaryDirectory(prefix='interop-') as work:
        t = Interop(os.path.abspath(prefix), os.path.abspath(tool), work)
        t.run()
    print('interop: %d passed, %d failed' % (t.passed, t.failed))
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
