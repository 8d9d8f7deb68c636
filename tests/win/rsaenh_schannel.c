/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsaenh_schannel.c - through advapi32: the SChannel provider's key
 * schedule as a TLS client and server use it (each side with its own
 * context, the pre-master secret sent as a SIMPLEBLOB under the server's
 * key exchange key, the client's write keys on one side decrypting and
 * verifying on the other), the SChannel rows of PP_ENUMALGS_EX, and the
 * SYMMETRICWRAPKEYBLOB and OPAQUEKEYBLOB round trips of the AES provider.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "wine/test.h"

static const char sch_prov[] = "Microsoft RSA SChannel Cryptographic Provider";
static BYTE client_random[32], server_random[32];

/* One side's write keys: master key's randoms and algorithms set, master
 * hash made, encryption and MAC keys of client (0) or server derived. */
static void derive(HCRYPTPROV prov, HCRYPTKEY master, DWORD side, HCRYPTKEY *enc, HCRYPTKEY *mac)
{
	CRYPT_DATA_BLOB blob;
	SCHANNEL_ALG sa = { SCHANNEL_ENC_KEY, CALG_3DES, 192, 0, 0 };
	HCRYPTHASH hash;

	blob.cbData = sizeof(client_random);
	blob.pbData = client_random;
	ok(CryptSetKeyParam(master, KP_CLIENT_RANDOM, (BYTE *)&blob, 0), "client random: %08lx\n", GetLastError());
	blob.pbData = server_random;
	ok(CryptSetKeyParam(master, KP_SERVER_RANDOM, (BYTE *)&blob, 0), "server random: %08lx\n", GetLastError());
	ok(CryptSetKeyParam(master, KP_SCHANNEL_ALG, (BYTE *)&sa, 0), "enc alg: %08lx\n", GetLastError());
	sa.dwUse = SCHANNEL_MAC_KEY;
	sa.Algid = CALG_SHA1;
	sa.cBits = 160;
	ok(CryptSetKeyParam(master, KP_SCHANNEL_ALG, (BYTE *)&sa, 0), "mac alg: %08lx\n", GetLastError());
	ok(CryptCreateHash(prov, CALG_SCHANNEL_MASTER_HASH, master, 0, &hash), "master hash: %08lx\n",
	   GetLastError());
	ok(CryptDeriveKey(prov, CALG_SCHANNEL_ENC_KEY, hash, side, enc), "enc key: %08lx\n", GetLastError());
	ok(CryptDeriveKey(prov, CALG_SCHANNEL_MAC_KEY, hash, side, mac), "mac key: %08lx\n", GetLastError());
	CryptDestroyHash(hash);
}

static DWORD hmac_sha1(HCRYPTPROV prov, HCRYPTKEY key, const BYTE *data, DWORD n, BYTE *out)
{
	HMAC_INFO info = { CALG_SHA1, NULL, 0, NULL, 0 };
	HCRYPTHASH h;
	DWORD len = 20;

	ok(CryptCreateHash(prov, CALG_HMAC, key, 0, &h), "hmac: %08lx\n", GetLastError());
	ok(CryptSetHashParam(h, HP_HMAC_INFO, (BYTE *)&info, 0), "hmac info: %08lx\n", GetLastError());
	ok(CryptHashData(h, data, n, 0), "hmac data: %08lx\n", GetLastError());
	ok(CryptGetHashParam(h, HP_HASHVAL, out, &len, 0), "hmac value: %08lx\n", GetLastError());
	CryptDestroyHash(h);
	return len;
}

static void test_handshake(void)
{
	HCRYPTPROV client, server;
	HCRYPTKEY server_keyx, server_pub, pre, pre_server, c_enc, c_mac, s_enc, s_mac;
	BYTE pub[1024], simple[1024], record[64], mac1[20], mac2[20];
	DWORD pub_len = sizeof(pub), simple_len = sizeof(simple), len, i;
	static const char message[] = "GET / HTTP/1.0";

	for (i = 0; i < 32; i++) {
		client_random[i] = (BYTE)i;
		server_random[i] = (BYTE)(0xff - i);
	}
	ok(CryptAcquireContextA(&client, NULL, sch_prov, PROV_RSA_SCHANNEL, CRYPT_VERIFYCONTEXT), "client: %08lx\n",
	   GetLastError());
	ok(CryptAcquireContextA(&server, NULL, sch_prov, PROV_RSA_SCHANNEL, CRYPT_VERIFYCONTEXT), "server: %08lx\n",
	   GetLastError());
	/* the server's key exchange key, its public half given to the client */
	ok(CryptGenKey(server, CALG_RSA_KEYX, 1024 << 16, &server_keyx), "keyx: %08lx\n", GetLastError());
	ok(CryptExportKey(server_keyx, 0, PUBLICKEYBLOB, 0, pub, &pub_len), "export pub: %08lx\n", GetLastError());
	ok(CryptImportKey(client, pub, pub_len, 0, 0, &server_pub), "import pub: %08lx\n", GetLastError());
	/* the client's pre-master secret, version 3.1, sent wrapped */
	ok(CryptGenKey(client, CALG_TLS1_MASTER, CRYPT_EXPORTABLE, &pre), "pre-master: %08lx\n", GetLastError());
	ok(CryptExportKey(pre, server_pub, SIMPLEBLOB, 0, simple, &simple_len), "export pre-master: %08lx\n",
	   GetLastError());
	ok(CryptImportKey(server, simple, simple_len, server_keyx, 0, &pre_server), "import pre-master: %08lx\n",
	   GetLastError());
	derive(client, pre, 0, &c_enc, &c_mac);
	derive(server, pre_server, 0, &s_enc, &s_mac);

	/* a record from the client: the server's copy of the client's keys reads it */
	len = sizeof(message);
	memcpy(record, message, len);
	hmac_sha1(client, c_mac, record, len, mac1);
	ok(CryptEncrypt(c_enc, 0, TRUE, 0, record, &len, sizeof(record)), "encrypt: %08lx\n", GetLastError());
	ok(len == 16, "record length %lu\n", len);
	ok(memcmp(record, message, 8) != 0, "not encrypted\n");
	ok(CryptDecrypt(s_enc, 0, TRUE, 0, record, &len), "decrypt: %08lx\n", GetLastError());
	ok(len == sizeof(message) && !memcmp(record, message, len), "decrypted %lu bytes\n", len);
	hmac_sha1(server, s_mac, record, len, mac2);
	ok(!memcmp(mac1, mac2, sizeof(mac1)), "MACs differ\n");

	CryptDestroyKey(c_enc);
	CryptDestroyKey(c_mac);
	CryptDestroyKey(s_enc);
	CryptDestroyKey(s_mac);
	/* the server's own write keys differ from the client's */
	{
		HCRYPTHASH hash;
		BYTE other[16];

		memcpy(other, message, 8);
		ok(CryptCreateHash(server, CALG_SCHANNEL_MASTER_HASH, pre_server, 0, &hash), "hash: %08lx\n",
		   GetLastError());
		ok(CryptDeriveKey(server, CALG_SCHANNEL_ENC_KEY, hash, CRYPT_SERVER, &s_enc), "server key: %08lx\n",
		   GetLastError());
		ok(CryptDeriveKey(server, CALG_SCHANNEL_ENC_KEY, hash, 0, &c_enc), "client key: %08lx\n",
		   GetLastError());
		len = 8;
		ok(CryptEncrypt(s_enc, 0, TRUE, 0, record, &len, sizeof(record)), "encrypt: %08lx\n", GetLastError());
		len = 8;
		ok(CryptEncrypt(c_enc, 0, TRUE, 0, other, &len, sizeof(other)), "encrypt: %08lx\n", GetLastError());
		ok(memcmp(record, other, 16) != 0, "server and client keys are the same\n");
		CryptDestroyKey(s_enc);
		CryptDestroyKey(c_enc);
		CryptDestroyHash(hash);
	}
	CryptDestroyKey(pre);
	CryptDestroyKey(pre_server);
	CryptDestroyKey(server_pub);
	CryptDestroyKey(server_keyx);
	CryptReleaseContext(client, 0);
	CryptReleaseContext(server, 0);
}

static void test_enum(void)
{
	static const struct { ALG_ID id; const char *name; } rows[] = {
		{ CALG_SSL3_MASTER, "SSL3 MASTER" }, { CALG_TLS1_MASTER, "TLS1 MASTER" },
		{ CALG_SCHANNEL_MASTER_HASH, "SCH MASTER HASH" }, { CALG_SCHANNEL_MAC_KEY, "SCH MAC KEY" },
		{ CALG_SCHANNEL_ENC_KEY, "SCH ENC KEY" }, { CALG_TLS1PRF, "TLS1 PRF" },
	};
	PROV_ENUMALGS_EX ex;
	HCRYPTPROV prov;
	DWORD flags, len, seen = 0, i;

	ok(CryptAcquireContextA(&prov, NULL, sch_prov, PROV_RSA_SCHANNEL, CRYPT_VERIFYCONTEXT), "acquire: %08lx\n",
	   GetLastError());
	for (flags = CRYPT_FIRST;; flags = 0) {
		len = sizeof(ex);
		if (!CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&ex, &len, flags))
			break;
		for (i = 0; i < ARRAY_SIZE(rows); i++)
			if (ex.aiAlgid == rows[i].id) {
				ok(!strcmp(ex.szName, rows[i].name), "%08x named %s\n", ex.aiAlgid, ex.szName);
				seen |= 1 << i;
			}
	}
	ok(seen == (1 << ARRAY_SIZE(rows)) - 1, "SChannel rows seen %lx\n", seen);
	/* Microsoft's providers do not count key use */
	len = sizeof(flags);
	SetLastError(0xdeadbeef);
	ok(!CryptGetProvParam(prov, PP_CRYPT_COUNT_KEY_USE, (BYTE *)&flags, &len, 0) &&
	   GetLastError() == NTE_BAD_TYPE, "PP_CRYPT_COUNT_KEY_USE: %08lx\n", GetLastError());
	CryptReleaseContext(prov, 0);
}

/* SYMMETRICWRAPKEYBLOB and OPAQUEKEYBLOB: what goes out comes back. */
static void test_wrap_blobs(void)
{
	HCRYPTPROV prov;
	HCRYPTKEY kek, key, back;
	BYTE blob[256], data[32] = "wrapped key round trip", copy[32];
	DWORD len, n;

	ok(CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT),
	   "acquire: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, CALG_AES_256, 0, &kek), "kek: %08lx\n", GetLastError());
	ok(CryptGenKey(prov, CALG_AES_128, CRYPT_EXPORTABLE, &key), "key: %08lx\n", GetLastError());
	len = 0;
	ok(CryptExportKey(key, kek, SYMMETRICWRAPKEYBLOB, 0, NULL, &len), "size: %08lx\n", GetLastError());
	ok(len == 8 + 16 + 8, "wrapped size %lu\n", len);
	ok(CryptExportKey(key, kek, SYMMETRICWRAPKEYBLOB, 0, blob, &len), "wrap: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, blob, len, kek, 0, &back), "unwrap: %08lx\n", GetLastError());
	memcpy(copy, data, sizeof(data));
	n = 16;
	ok(CryptEncrypt(key, 0, TRUE, 0, data, &n, sizeof(data)), "encrypt: %08lx\n", GetLastError());
	ok(CryptDecrypt(back, 0, TRUE, 0, data, &n), "decrypt: %08lx\n", GetLastError());
	ok(n == 16 && !memcmp(data, copy, 16), "unwrapped key differs\n");
	blob[len - 1] ^= 1;
	SetLastError(0xdeadbeef);
	ok(!CryptImportKey(prov, blob, len, kek, 0, &back) && GetLastError() == NTE_BAD_DATA,
	   "tampered: %08lx\n", GetLastError());
	CryptDestroyKey(back);

	len = sizeof(blob);
	ok(CryptExportKey(key, 0, OPAQUEKEYBLOB, 0, blob, &len), "opaque: %08lx\n", GetLastError());
	ok(CryptImportKey(prov, blob, len, 0, 0, &back), "opaque import: %08lx\n", GetLastError());
	n = 16;
	ok(CryptEncrypt(key, 0, TRUE, 0, data, &n, sizeof(data)), "encrypt: %08lx\n", GetLastError());
	ok(CryptDecrypt(back, 0, TRUE, 0, data, &n), "decrypt: %08lx\n", GetLastError());
	ok(n == 16 && !memcmp(data, copy, 16), "opaque key differs\n");
	CryptDestroyKey(back);
	/* a key made without CRYPT_EXPORTABLE leaves in neither form */
	len = sizeof(blob);
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(kek, key, SYMMETRICWRAPKEYBLOB, 0, blob, &len) && GetLastError() == NTE_BAD_KEY_STATE,
	   "non-exportable: %08lx\n", GetLastError());
	SetLastError(0xdeadbeef);
	ok(!CryptExportKey(kek, 0, OPAQUEKEYBLOB, 0, blob, &len) && GetLastError() == NTE_BAD_KEY_STATE,
	   "non-exportable opaque: %08lx\n", GetLastError());
	CryptDestroyKey(key);
	CryptDestroyKey(kek);
	CryptReleaseContext(prov, 0);
}

START_TEST(rsaenh_schannel)
{
	test_handshake();
	test_enum();
	test_wrap_blobs();
}
