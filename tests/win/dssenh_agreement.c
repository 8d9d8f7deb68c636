/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dssenh_agreement.c - Diffie-Hellman agreement between two processes that
 * exchange only public values, through our dssenh.dll: this process makes
 * a key (its own group), a child process takes the group (KP_P, KP_G: public
 * numbers), makes its key with CRYPT_PREGEN and KP_X, and each imports the
 * other's PUBLICKEYBLOB with its private key.  KP_ALGID turns both agreed
 * keys into session keys; the child's ciphertexts must decrypt here and
 * equal ours, for every cipher the provider offers.  Then the peer values
 * an attacker could send (0, 1, p-1, p, a short BLOB) must be refused.
 */
#include <stdio.h>
#include <windows.h>
#include <wincrypt.h>
#include "wine/test.h"
#include "win_test.h"

static const struct {
	const char *name;
	DWORD bits;
} providers[] = {
	{ MS_DEF_DSS_DH_PROV_A, 512 },
	{ MS_ENH_DSS_DH_PROV_A, 1024 },
	{ MS_DEF_DH_SCHANNEL_PROV_A, 512 },
};
static const ALG_ID dh_algs[] = { CALG_DH_SF, CALG_DH_EPHEM };
static const ALG_ID ciphers[] = { CALG_RC4, CALG_RC2, CALG_DES, CALG_3DES_112, CALG_3DES };
static const char plain[] = "Agreed between two processes.";

static char dir[MAX_PATH];

static BOOL write_file(const char *name, const void *data, DWORD len)
{
	char path[MAX_PATH * 2];
	DWORD done = 0;
	HANDLE f;
	BOOL good;

	snprintf(path, sizeof(path), "%s\\%s", dir, name);
	f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return FALSE;
	good = WriteFile(f, data, len, &done, NULL) && done == len;
	CloseHandle(f);
	return good;
}

static DWORD read_file(const char *name, void *data, DWORD cap)
{
	char path[MAX_PATH * 2];
	DWORD done = 0;
	HANDLE f;

	snprintf(path, sizeof(path), "%s\\%s", dir, name);
	f = CreateFileA(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (f == INVALID_HANDLE_VALUE)
		return 0;
	if (!ReadFile(f, data, cap, &done, NULL))
		done = 0;
	CloseHandle(f);
	return done;
}

static BOOL available(HCRYPTPROV prov, ALG_ID alg)
{
	HCRYPTKEY k;

	if (!CryptGenKey(prov, alg, 0, &k))
		return FALSE;
	CryptDestroyKey(k);
	return TRUE;
}

/* The session key of cipher from an agreed key (a copy: the agreed one stays). */
static HCRYPTKEY session_key(HCRYPTKEY agreed, ALG_ID cipher)
{
	HCRYPTKEY k = 0;

	if (!CryptDuplicateKey(agreed, NULL, 0, &k) || !CryptSetKeyParam(k, KP_ALGID, (BYTE *)&cipher, 0)) {
		if (k)
			CryptDestroyKey(k);
		return 0;
	}
	return k;
}

/* The child: take the group, make a key, agree, answer with its public
 * BLOB and one ciphertext per cipher.  Exit code 0, or the failing step. */
static int child(int prov_index, ALG_ID dh)
{
	BYTE group[2048], pub[1024], peer[1024], buf[64];
	CRYPT_DATA_BLOB p, g;
	HCRYPTPROV prov;
	HCRYPTKEY key, agreed, k;
	DWORD n, len, plen, glen, i;
	char name[32];

	if (!CryptAcquireContextA(&prov, NULL, providers[prov_index].name, PROV_DSS_DH, CRYPT_VERIFYCONTEXT) &&
	    !CryptAcquireContextA(&prov, NULL, providers[prov_index].name, PROV_DH_SCHANNEL, CRYPT_VERIFYCONTEXT))
		return 1;
	if (!(n = read_file("group.bin", group, sizeof(group))) || n < 8)
		return 2;
	memcpy(&plen, group, 4);
	memcpy(&glen, group + 4 + plen, 4);
	p.cbData = plen; p.pbData = group + 4;
	g.cbData = glen; g.pbData = group + 8 + plen;
	if (!CryptGenKey(prov, dh, (providers[prov_index].bits << 16) | CRYPT_PREGEN, &key) ||
	    !CryptSetKeyParam(key, KP_P, (BYTE *)&p, 0) || !CryptSetKeyParam(key, KP_G, (BYTE *)&g, 0) ||
	    !CryptSetKeyParam(key, KP_X, NULL, 0))
		return 3;
	len = sizeof(pub);
	if (!CryptExportKey(key, 0, PUBLICKEYBLOB, 0, pub, &len) || !write_file("child.pub", pub, len))
		return 4;
	if (!(n = read_file("parent.pub", peer, sizeof(peer))) || !CryptImportKey(prov, peer, n, key, 0, &agreed))
		return 5;
	for (i = 0; i < ARRAY_SIZE(ciphers); i++) {
		if (!(k = session_key(agreed, ciphers[i])))
			continue;     /* the parent checks that the same ciphers are missing */
		memcpy(buf, plain, sizeof(plain));
		len = sizeof(plain);
		if (!CryptEncrypt(k, 0, TRUE, 0, buf, &len, sizeof(buf)))
			return 6;
		snprintf(name, sizeof(name), "ct_%04lx.bin", (unsigned long)ciphers[i]);
		if (!write_file(name, buf, len))
			return 7;
		CryptDestroyKey(k);
	}
	CryptDestroyKey(agreed);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	return 0;
}

static DWORD run_agreeing_child(int prov_index, ALG_ID dh)
{
	char args[MAX_PATH + 64];

	snprintf(args, sizeof(args), "child \"%s\" %d %lu", dir, prov_index, (unsigned long)dh);
	return run_child("dssenh_agreement", args);
}

/* A peer BLOB with y replaced by a small value or p - 1 / p. */
static BOOL import_peer_y(HCRYPTPROV prov, HCRYPTKEY key, const BYTE *pub, DWORD len, const BYTE *y, DWORD *err)
{
	BYTE blob[1024];
	HCRYPTKEY k;

	memcpy(blob, pub, len);
	memcpy(blob + 16, y, len - 16);
	SetLastError(0xdeadbeef);
	if (CryptImportKey(prov, blob, len, key, 0, &k)) {
		CryptDestroyKey(k);
		return TRUE;
	}
	*err = GetLastError();
	return FALSE;
}

static void bad_peers(HCRYPTPROV prov, HCRYPTKEY key, const BYTE *pub, DWORD len, const BYTE *p, DWORD plen)
{
	BYTE y[512];
	DWORD err = 0, n = len - 16, i;
	HCRYPTKEY k;

	ok(n == plen, "public value of %lu bytes for a %lu-byte p\n", n, plen);
	for (i = 0; i < 2; i++) {
		memset(y, 0, sizeof(y));
		y[0] = (BYTE)i;
		ok(!import_peer_y(prov, key, pub, len, y, &err) && err == NTE_BAD_DATA, "y = %lu: %08lx\n", i, err);
	}
	memcpy(y, p, n);
	y[0] -= 1;                      /* p is odd: p - 1 */
	ok(!import_peer_y(prov, key, pub, len, y, &err) && err == NTE_BAD_DATA, "y = p - 1: %08lx\n", err);
	memcpy(y, p, n);
	ok(!import_peer_y(prov, key, pub, len, y, &err) && err == NTE_BAD_DATA, "y = p: %08lx\n", err);
	SetLastError(0xdeadbeef);
	ok(!CryptImportKey(prov, pub, len - 1, key, 0, &k) && GetLastError() == NTE_BAD_DATA,
	   "short BLOB: %08lx\n", GetLastError());
}

static void agree_with_child(int prov_index, ALG_ID dh)
{
	BYTE group[2048], pub[1024], peer[1024], ct[64], mine[64], pbuf[512], gbuf[512];
	DWORD plen = sizeof(pbuf), glen = sizeof(gbuf), len, n, peer_len, code, i, type;
	HCRYPTKEY key, agreed, k;
	HCRYPTPROV prov;
	char name[32];

	type = prov_index == 2 ? PROV_DH_SCHANNEL : PROV_DSS_DH;
	if (!CryptAcquireContextA(&prov, NULL, providers[prov_index].name, type, CRYPT_VERIFYCONTEXT)) {
		ok(0, "%s: no context (%08lx)\n", providers[prov_index].name, GetLastError());
		return;
	}
	ok(CryptGenKey(prov, dh, providers[prov_index].bits << 16, &key), "CryptGenKey %08lx\n", GetLastError());
	ok(CryptGetKeyParam(key, KP_P, pbuf, &plen, 0) && CryptGetKeyParam(key, KP_G, gbuf, &glen, 0),
	   "KP_P/KP_G %08lx\n", GetLastError());
	memcpy(group, &plen, 4);
	memcpy(group + 4, pbuf, plen);
	memcpy(group + 4 + plen, &glen, 4);
	memcpy(group + 8 + plen, gbuf, glen);
	len = sizeof(pub);
	ok(CryptExportKey(key, 0, PUBLICKEYBLOB, 0, pub, &len), "export %08lx\n", GetLastError());
	ok(write_file("group.bin", group, 8 + plen + glen) && write_file("parent.pub", pub, len), "files\n");

	code = run_agreeing_child(prov_index, dh);
	ok(code == 0, "%s, DH %04lx: child failed at step %lu\n", providers[prov_index].name, (unsigned long)dh, code);
	if (code) {
		CryptReleaseContext(prov, 0);
		return;
	}
	peer_len = read_file("child.pub", peer, sizeof(peer));
	ok(CryptImportKey(prov, peer, peer_len, key, 0, &agreed), "agreement %08lx\n", GetLastError());
	for (i = 0; i < ARRAY_SIZE(ciphers); i++) {
		BOOL offered = available(prov, ciphers[i]);

		snprintf(name, sizeof(name), "ct_%04lx.bin", (unsigned long)ciphers[i]);
		n = read_file(name, ct, sizeof(ct));
		DeleteFileA(name);
		k = session_key(agreed, ciphers[i]);
		ok(!k == !offered && !n == !offered, "%s cipher %04lx: offered %d, session key %d, child's %lu bytes\n",
		   providers[prov_index].name, (unsigned long)ciphers[i], offered, k != 0, n);
		if (!k)
			continue;
		/* the same key and IV: our ciphertext is the child's, and it decrypts */
		memcpy(mine, plain, sizeof(plain));
		len = sizeof(plain);
		ok(CryptEncrypt(k, 0, TRUE, 0, mine, &len, sizeof(mine)) && len == n && !memcmp(mine, ct, n),
		   "%s cipher %04lx: ciphertexts differ\n", providers[prov_index].name, (unsigned long)ciphers[i]);
		ok(CryptDecrypt(k, 0, TRUE, 0, ct, &n) && n == sizeof(plain) && !memcmp(ct, plain, n),
		   "%s cipher %04lx: the child's ciphertext does not decrypt\n", providers[prov_index].name,
		   (unsigned long)ciphers[i]);
		CryptDestroyKey(k);
	}
	CryptDestroyKey(agreed);
	bad_peers(prov, key, peer, peer_len, pbuf, plen);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

START_TEST(dssenh_agreement)
{
	char **argv, tmp[MAX_PATH];
	int argc = winetest_get_mainargs(&argv), i, j;

	if (argc >= 6 && !strcmp(argv[2], "child")) {
		lstrcpynA(dir, argv[3], sizeof(dir));
		SetCurrentDirectoryA(dir);
		ExitProcess(child(atoi(argv[4]), (ALG_ID)strtoul(argv[5], NULL, 10)));   /* the parent judges */
	}
	GetTempPathA(sizeof(tmp), tmp);
	snprintf(dir, sizeof(dir), "%sdssenh_agreement_%lu", tmp, GetCurrentProcessId());
	CreateDirectoryA(dir, NULL);
	SetCurrentDirectoryA(dir);
	for (i = 0; i < (int)ARRAY_SIZE(providers); i++)
		for (j = 0; j < (int)ARRAY_SIZE(dh_algs); j++)
			agree_with_child(i, dh_algs[j]);
	DeleteFileA("group.bin");
	DeleteFileA("parent.pub");
	DeleteFileA("child.pub");
	SetCurrentDirectoryA(tmp);
	RemoveDirectoryA(dir);
}
