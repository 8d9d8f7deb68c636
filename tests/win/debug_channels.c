/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * debug_channels.c - our DLLs' WINEDEBUG output, seen from outside: this
 * program runs itself as a child with WINEDEBUG=+crypt,+rsaenh,+cryptsp,+dssenh
 * and the child's stderr in a file.  The child does a whole session with
 * secrets of known bytes (imports a PLAINTEXTKEYBLOB, encrypts a known
 * plaintext, derives a key from a known password, exports the
 * PRIVATEKEYBLOB of a pair it generates) and one call that must fail.
 * The parent then reads the tr: every entry point and its result is
 * there, in Wine's format, on the crypt and rsaenh channels (cryptsp's
 * provider loading, dssenh's own channel); the failing call shows its
 * error by name and a warn line; no secret appears in it, neither raw nor
 * as hex (either case, with or without separators): not the key bytes,
 * not the plaintext, not the password, not its hash, not the private part
 * of the exported BLOB (which the child hands over in a file).  Run with
 * WINEDEBUG=-all, the same child writes nothing on our channels.  On
 * Windows (no Wine debug functions in ntdll) the tr must be empty.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include "wine/test.h"
#include "win_test.h"

/* the secrets: printable, so that a raw leak is plain to see in the file */
static const BYTE key_bytes[16] = "Qk7#vZ2!mW9@pL4$";
static const char plaintext[] = "attack at dawn: plaintext 0451 in the clear";
static const char password[] = "correct-horse-battery-staple-31337";

static BOOL under_wine(void)
{
	return GetProcAddress(GetModuleHandleA("ntdll.dll"), "__wine_dbg_output") != NULL;
}

/* ---- the child: a session with known secrets ------------------------------ */

static void put_secret(HANDLE file, const BYTE *data, DWORD len)
{
	DWORD done;

	ok(WriteFile(file, &len, sizeof(len), &done, NULL) && WriteFile(file, data, len, &done, NULL),
	   "secrets file: %lu\n", GetLastError());
}

static void child_session(const char *secrets_path)
{
	HCRYPTPROV prov = 0, dss = 0;
	HCRYPTKEY key = 0, derived = 0, pair = 0;
	HCRYPTHASH hash = 0, hash2 = 0;
	BYTE buf[256], blob[2048], hashval[64];
	DWORD len, bloblen = sizeof(blob), hashlen = sizeof(hashval);
	HANDLE secrets;
	BOOL ret;

	secrets = CreateFileA(secrets_path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
	ok(secrets != INVALID_HANDLE_VALUE, "create %s: %lu\n", secrets_path, GetLastError());

	prov = verify_context(MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES);
	if (!prov)
		return;

	/* a PLAINTEXTKEYBLOB of known bytes, then a known plaintext through it */
	key = import_plain_key(prov, CALG_AES_128, key_bytes, sizeof(key_bytes), 0);
	len = sizeof(plaintext);
	memcpy(buf, plaintext, len);
	ok(CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)), "encrypt: %08lx\n", GetLastError());
	ok(len == 48, "ciphertext of %lu bytes\n", len);
	ok(CryptDestroyKey(key), "destroy: %08lx\n", GetLastError());

	/* a key from a known password */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash), "create hash: %08lx\n", GetLastError());
	ok(CryptHashData(hash, (const BYTE *)password, strlen(password), 0), "hash data: %08lx\n", GetLastError());
	ok(CryptDeriveKey(prov, CALG_AES_256, hash, 0, &derived), "derive: %08lx\n", GetLastError());
	ok(CryptDestroyKey(derived), "destroy: %08lx\n", GetLastError());
	ok(CryptDestroyHash(hash), "destroy hash: %08lx\n", GetLastError());
	/* the password's hash is as secret as the password: the parent looks for it too */
	ok(CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash2), "create hash: %08lx\n", GetLastError());
	ok(CryptHashData(hash2, (const BYTE *)password, strlen(password), 0), "hash data: %08lx\n", GetLastError());
	ok(CryptGetHashParam(hash2, HP_HASHVAL, hashval, &hashlen, 0), "hash value: %08lx\n", GetLastError());
	ok(CryptDestroyHash(hash2), "destroy hash: %08lx\n", GetLastError());
	put_secret(secrets, hashval, hashlen);

	/* a generated pair, exported whole: its private part goes to the parent */
	ok(CryptGenKey(prov, AT_KEYEXCHANGE, (512 << 16) | CRYPT_EXPORTABLE, &pair), "gen pair: %08lx\n",
	   GetLastError());
	ok(CryptExportKey(pair, 0, PRIVATEKEYBLOB, 0, blob, &bloblen), "export: %08lx\n", GetLastError());
	if (bloblen > sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) + 64) {
		/* header, RSAPUBKEY, modulus (public); then primes, exponents, coefficient, d */
		DWORD pub = sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) + 64;

		put_secret(secrets, blob + pub, bloblen - pub);
	}
	ok(CryptDestroyKey(pair), "destroy pair: %08lx\n", GetLastError());

	/* a call that fails: its error by name, and a warn line */
	SetLastError(0xdeadbeef);
	ret = CryptGenKey(prov, 0x6666, 0, &key);
	expect_error(ret, NTE_BAD_ALGID);
	ok(CryptReleaseContext(prov, 0), "release: %08lx\n", GetLastError());

	/* the DSS provider: its own channel */
	dss = verify_context(MS_DEF_DSS_PROV_A, PROV_DSS);
	if (dss) {
		ok(CryptCreateHash(dss, CALG_SHA1, 0, 0, &hash), "dss hash: %08lx\n", GetLastError());
		ok(CryptDestroyHash(hash), "dss destroy: %08lx\n", GetLastError());
		ok(CryptReleaseContext(dss, 0), "dss release: %08lx\n", GetLastError());
	}
	CloseHandle(secrets);
}

/* ---- the parent ------------------------------------------------------------ */

struct file {
	char *data;
	DWORD len;
};

static BOOL read_whole(const char *path, struct file *f)
{
	HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
	DWORD size, done = 0;

	f->data = NULL;
	f->len = 0;
	if (h == INVALID_HANDLE_VALUE)
		return FALSE;
	size = GetFileSize(h, NULL);
	f->data = calloc(1, size + 1);
	if (size)
		ReadFile(h, f->data, size, &done, NULL);
	f->len = done;
	CloseHandle(h);
	return TRUE;
}

/* A Windows path as the Unix one Wine has for it (Wine only), or NULL. */
static char *unix_path(const char *path)
{
	static char *(CDECL *to_unix)(const WCHAR *);
	WCHAR wide[MAX_PATH];

	if (!to_unix)
		to_unix = (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "wine_get_unix_file_name");
	if (!to_unix || !MultiByteToWideChar(CP_ACP, 0, path, -1, wide, MAX_PATH))
		return NULL;
	return to_unix(wide);
}

/* Run the child with this WINEDEBUG, its stderr (where Wine's debug
 * output goes) into trace_path, its stdout into out_path.  Wine gives a
 * child process the Windows stdin and stdout handles as its Unix file
 * descriptors 0 and 1, but not stderr: a Wine process writes its debug
 * output to the Unix stderr it inherited, which hStdError does not change.
 * So under Wine the child is started through /bin/sh (Wine runs a Unix
 * binary for CreateProcess), whose stdout is the inheritable file handle
 * and which gives the Wine child that as its stderr; the shell writes the
 * child's exit code into a marker file, as Wine hands out no handle to a
 * Unix process.  On Windows hStdError is the file itself. */
static DWORD run_traced_child(const char *winedebug, const char *trace_path, const char *out_path,
			      const char *secrets_path)
{
	SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
	char cmd[MAX_PATH * 8], exe[MAX_PATH], marker[MAX_PATH], old[1024], loader[MAX_PATH];
	char *uexe = NULL, *uout = NULL, *umarker = NULL;
	PROCESS_INFORMATION pi;
	STARTUPINFOA si;
	HANDLE err;
	DWORD code = 0xdead, had, i;
	BOOL started;

	err = CreateFileA(trace_path, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
	ok(err != INVALID_HANDLE_VALUE, "create %s: %lu\n", trace_path, GetLastError());
	memset(&si, 0, sizeof(si));
	si.cb = sizeof(si);
	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
	si.hStdOutput = err;
	si.hStdError = err;
	GetModuleFileNameA(NULL, exe, sizeof(exe));
	snprintf(marker, sizeof(marker), "%s.done", out_path);
	DeleteFileA(marker);

	if (under_wine()) {
		uexe = unix_path(exe);
		uout = unix_path(out_path);
		umarker = unix_path(marker);
		ok(uexe && uout && umarker, "no Unix paths\n");
		if (!uexe || !uout || !umarker)
			return code;
		/* the loader that runs us (Wine does not pass WINELOADER on to a Unix program) */
		if (!GetEnvironmentVariableA("WINELOADER", loader, sizeof(loader)))
			strcpy(loader, "wine");
		snprintf(cmd, sizeof(cmd),
			 "Z:\\bin\\sh -c \"exec 2>&1; '%s' '%s' debug_channels child '%s' >'%s'; "
			 "echo $? >'%s.tmp' && mv '%s.tmp' '%s'\"",
			 loader, uexe, secrets_path, uout, umarker, umarker, umarker);
	} else {
		HANDLE out = CreateFileA(out_path, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);

		si.hStdOutput = out;
		snprintf(cmd, sizeof(cmd), "\"%s\" debug_channels child \"%s\"", exe, secrets_path);
	}

	/* the child's environment: ours with WINEDEBUG replaced */
	had = GetEnvironmentVariableA("WINEDEBUG", old, sizeof(old));
	SetEnvironmentVariableA("WINEDEBUG", winedebug);
	memset(&pi, 0, sizeof(pi));
	started = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
	SetEnvironmentVariableA("WINEDEBUG", had && had < sizeof(old) ? old : NULL);
	ok(started, "start %s: %lu\n", cmd, GetLastError());
	if (started && pi.hProcess) {
		WaitForSingleObject(pi.hProcess, 300000);
		GetExitCodeProcess(pi.hProcess, &code);
		CloseHandle(pi.hProcess);
		CloseHandle(pi.hThread);
	} else if (started) {
		struct file m = { 0 };

		for (i = 0; i < 3000 && GetFileAttributesA(marker) == INVALID_FILE_ATTRIBUTES; i++)
			Sleep(100);
		if (read_whole(marker, &m) && m.data)
			code = atoi(m.data);
		free(m.data);
		DeleteFileA(marker);
	}
	if (si.hStdOutput != err)
		CloseHandle(si.hStdOutput);
	CloseHandle(err);
	HeapFree(GetProcessHeap(), 0, uexe);
	HeapFree(GetProcessHeap(), 0, uout);
	HeapFree(GetProcessHeap(), 0, umarker);
	return code;
}

/* The text with every character that is not a hex digit taken out, in
 * lower case; with skip0x, "0x"/"0X" prefixes go first. */
static char *hex_digits(const struct file *f, BOOL skip0x)
{
	char *s = malloc(f->len + 1), c;
	DWORD i, n = 0;

	for (i = 0; i < f->len; i++) {
		c = f->data[i];
		if (skip0x && c == '0' && i + 1 < f->len && (f->data[i + 1] == 'x' || f->data[i + 1] == 'X')) {
			i++;
			continue;
		}
		if (c >= 'A' && c <= 'F')
			c += 'a' - 'A';
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
			s[n++] = c;
	}
	s[n] = 0;
	return s;
}

static BOOL contains(const char *hay, DWORD haylen, const void *needle, DWORD len)
{
	DWORD i;

	for (i = 0; len && i + len <= haylen; i++)
		if (!memcmp(hay + i, needle, len))
			return TRUE;
	return FALSE;
}

/* Does the tr hold these bytes (any 8 of them in a row, or all of a
 * shorter secret), raw or as hex digits? */
static BOOL leaks(const struct file *tr, const char *digits, const char *digits0x, const BYTE *secret, DWORD len)
{
	DWORD window = len < 8 ? len : 8, i, j;
	char hex[17];

	for (i = 0; i + window <= len; i++) {
		if (contains(tr->data, tr->len, secret + i, window))
			return TRUE;
		for (j = 0; j < window; j++)
			sprintf(hex + 2 * j, "%02x", secret[i + j]);
		if (strstr(digits, hex) || strstr(digits0x, hex))
			return TRUE;
	}
	return FALSE;
}

static void check_no_secret(const struct file *tr, const char *what, const BYTE *secret, DWORD len)
{
	char *digits = hex_digits(tr, FALSE), *digits0x = hex_digits(tr, TRUE);

	ok(!leaks(tr, digits, digits0x, secret, len), "the trace shows %s\n", what);
	free(digits);
	free(digits0x);
}

/* The detector itself: it must see a secret in each form a tr could print. */
static void test_detector(void)
{
	static const char *const forms[] = {
		"x 516b 3723 765a 3221 y", "x 51:6B:37:23:76:5A:32:21 y", "x {0x51, 0x6b, 0x37, 0x23, 0x76, 0x5a, 0x32, 0x21} y",
		"x 516B3723765A3221 y", "x Qk7#vZ2!m y", "x \\x51\\x6b\\x37\\x23\\x76\\x5a\\x32\\x21 y",
	};
	struct file f;
	char *d, *d0x;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(forms); i++) {
		f.data = (char *)forms[i];
		f.len = strlen(forms[i]);
		d = hex_digits(&f, FALSE);
		d0x = hex_digits(&f, TRUE);
		ok(leaks(&f, d, d0x, key_bytes, sizeof(key_bytes)), "detector misses %s\n", forms[i]);
		free(d);
		free(d0x);
	}
	f.data = (char *)"0024:trace:crypt:CryptEncrypt (0x1620100, 0, 1, 0x0, 000000000021F200, 000000000021F1FC, 256)";
	f.len = strlen(f.data);
	d = hex_digits(&f, FALSE);
	d0x = hex_digits(&f, TRUE);
	ok(!leaks(&f, d, d0x, key_bytes, sizeof(key_bytes)), "detector sees a secret in an innocent line\n");
	free(d);
	free(d0x);
}

/* The trace has ":trace:CHANNEL:FUNC (" and ":trace:CHANNEL:FUNC -> TRUE". */
static void check_call(const struct file *tr, const char *channel, const char *func)
{
	char line[128];

	snprintf(line, sizeof(line), ":trace:%s:%s (", channel, func);
	ok(strstr(tr->data, line) != NULL, "no %s in the trace\n", line);
	snprintf(line, sizeof(line), ":trace:%s:%s -> TRUE", channel, func);
	ok(strstr(tr->data, line) != NULL, "no %s in the trace\n", line);
}

static BOOL ours_on_channel(const struct file *tr)
{
	static const char *const channels[] = { ":crypt:", ":rsaenh:", ":dssenh:", ":cryptsp:" };
	static const char *const classes[] = { "trace", "warn", "fixme", "err" };
	char pat[32];
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(classes); i++)
		for (j = 0; j < ARRAY_SIZE(channels); j++) {
			snprintf(pat, sizeof(pat), "%s%s", classes[i], channels[j]);
			if (strstr(tr->data, pat))
				return TRUE;
		}
	return FALSE;
}

static void test_traced_session(const char *dir)
{
	static const char *const calls[] = {
		"CryptAcquireContextA", "CryptAcquireContextW", "CryptImportKey", "CryptEncrypt", "CryptDestroyKey",
		"CryptCreateHash", "CryptHashData", "CryptDeriveKey", "CryptDestroyHash", "CryptGetHashParam",
		"CryptGenKey", "CryptExportKey", "CryptReleaseContext",
	};
	static const char *const cp_calls[] = {
		"CPAcquireContext", "CPImportKey", "CPEncrypt", "CPDestroyKey", "CPCreateHash", "CPHashData",
		"CPDeriveKey", "CPDestroyHash", "CPGetHashParam", "CPGenKey", "CPExportKey", "CPReleaseContext",
	};
	char trace_path[MAX_PATH], out_path[MAX_PATH], secrets_path[MAX_PATH];
	struct file tr = { 0 }, out = { 0 }, secrets = { 0 };
	DWORD code, off, n;
	size_t i;

	snprintf(trace_path, sizeof(trace_path), "%sdebug_channels.trace", dir);
	snprintf(out_path, sizeof(out_path), "%sdebug_channels.out", dir);
	snprintf(secrets_path, sizeof(secrets_path), "%sdebug_channels.secrets", dir);

	/* every channel on */
	code = run_traced_child("+crypt,+rsaenh,+cryptsp,+dssenh", trace_path, out_path, secrets_path);
	read_whole(out_path, &out);
	ok(code == 0, "child exit code %lu: %s\n", code, out.data ? out.data : "");
	ok(read_whole(trace_path, &tr), "no trace file\n");
	ok(read_whole(secrets_path, &secrets) && secrets.len > 100, "the child's secrets file: %lu bytes\n",
	   secrets.len);
	if (!tr.data || !secrets.data)
		return;
	trace(" the trace: %lu bytes\n", tr.len);

	if (!under_wine()) {
		ok(!ours_on_channel(&tr), "our channels print on Windows\n");
	} else {
		for (i = 0; i < ARRAY_SIZE(calls); i++)
			check_call(&tr, "crypt", calls[i]);
		for (i = 0; i < ARRAY_SIZE(cp_calls); i++)
			check_call(&tr, "rsaenh", cp_calls[i]);
		check_call(&tr, "dssenh", "CPAcquireContext");
		check_call(&tr, "dssenh", "CPCreateHash");
		ok(strstr(tr.data, ":trace:cryptsp:registry_provider_image provider \"Microsoft Enhanced RSA and AES "
				      "Cryptographic Provider\"") != NULL, "no registry trace\n");
		ok(strstr(tr.data, ":trace:cryptsp:provider_load \"rsaenh.dll\"") != NULL, "no provider_load trace\n");
		/* names, not numbers */
		ok(strstr(tr.data, ":trace:crypt:CryptImportKey (") &&
		   strstr(tr.data, "[PLAINTEXTKEYBLOB v2 CALG_AES_128], 28,") != NULL, "import's BLOB header not named\n");
		ok(strstr(tr.data, ":trace:crypt:CryptGenKey (") &&
		   strstr(tr.data, "AT_KEYEXCHANGE, 512 bits|CRYPT_EXPORTABLE") != NULL, "gen key's flags not named\n");
		ok(strstr(tr.data, ":trace:crypt:CryptExportKey (") && strstr(tr.data, ", PRIVATEKEYBLOB, ") != NULL,
		   "export's BLOB type not named\n");
		ok(strstr(tr.data, ":trace:crypt:CryptDeriveKey (") && strstr(tr.data, ", CALG_AES_256, ") != NULL,
		   "derive's ALG_ID not named\n");
		ok(strstr(tr.data, ":trace:crypt:CryptGenKey -> FALSE, NTE_BAD_ALGID") != NULL,
		   "the failing call's error not named\n");
		ok(strstr(tr.data, ":warn:rsaenh:CPGenKey refused: NTE_BAD_ALGID") != NULL, "no warn line\n");
	}

	/* no secret, in any form */
	check_no_secret(&tr, "the PLAINTEXTKEYBLOB's key bytes", key_bytes, sizeof(key_bytes));
	check_no_secret(&tr, "the plaintext", (const BYTE *)plaintext, strlen(plaintext));
	check_no_secret(&tr, "the password", (const BYTE *)password, strlen(password));
	for (off = 0, i = 0; off + 4 <= secrets.len; off += 4 + n, i++) {
		memcpy(&n, secrets.data + off, 4);
		if (off + 4 + n > secrets.len)
			break;
		check_no_secret(&tr, i ? "the PRIVATEKEYBLOB's private part" : "the password's hash",
				(const BYTE *)secrets.data + off + 4, n);
	}
	ok(i == 2, "%Iu secrets from the child\n", i);
	free(tr.data);
	free(out.data);
	free(secrets.data);

	/* every channel off: nothing of ours */
	code = run_traced_child("-all", trace_path, out_path, secrets_path);
	read_whole(out_path, &out);
	ok(code == 0, "child exit code %lu: %s\n", code, out.data ? out.data : "");
	ok(read_whole(trace_path, &tr), "no trace file\n");
	if (tr.data)
		ok(!ours_on_channel(&tr), "with -all, our channels print:\n%.400s\n", tr.data);
	free(tr.data);
	free(out.data);

	DeleteFileA(trace_path);
	DeleteFileA(out_path);
	DeleteFileA(secrets_path);
}

START_TEST(debug_channels)
{
	char **argv, dir[MAX_PATH];
	int argc = winetest_get_mainargs(&argv);

	if (argc >= 4 && !strcmp(argv[2], "child")) {
		child_session(argv[3]);
		return;
	}
	test_detector();
	GetTempPathA(sizeof(dir), dir);
	test_traced_session(dir);
}
