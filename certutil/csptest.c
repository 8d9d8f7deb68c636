/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * csptest.c - -csptest [Provider]: for each algorithm a provider lists
 * (PP_ENUMALGS_EX, in a CRYPT_VERIFYCONTEXT context), one check: a hash
 * gives a value of its size (and the known digest of "abc" where there is
 * one), a cipher's new key encrypts and decrypts back, a signature key pair
 * signs and verifies (and rejects a changed signature), an RSA exchange
 * pair encrypts and decrypts, a DH pair is generated and its public key
 * exported.  Algorithms that need more than a bare context (MACs, SChannel
 * keys, TLS PRF) are listed as skipped.  Without a provider: all of them.
 * A line per check, a total per provider; exit code 1 if any check failed.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

struct tally {
	int passed, failed, skipped;
};

static void line(struct tally *t, int result, const PROV_ENUMALGS_EX *a, const char *what, DWORD err)
{
	static const char *const words[] = { "FAIL", "pass", "skip" };

	if (result == 1)
		t->passed++;
	else if (result == 0)
		t->failed++;
	else
		t->skipped++;
	printf("  %s  %-16s 0x%04x  %s", words[result == 1 ? 1 : result == 0 ? 0 : 2], a->szName,
	       (unsigned)a->aiAlgid, what);
	if (err)
		printf(" (0x%08lx)", (unsigned long)err);
	printf("\n");
}

/* "abc" under the hashes with a standard test vector; NULL where none */
static const char *abc_digest(ALG_ID alg)
{
	switch (alg) {
	case CALG_MD5: return "900150983cd24fb0d6963f7d28e17f72";
	case CALG_SHA1: return "a9993e364706816aba3e25717850c26c9cd0d89d";
	case CALG_SHA_256: return "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
	case CALG_SHA_384: return "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
	                          "8086072ba1e7cc2358baeca134c825a7";
	case CALG_SHA_512: return "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	                          "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
	}
	return NULL;
}

static int test_hash(HCRYPTPROV prov, const PROV_ENUMALGS_EX *a, char *what, DWORD *err)
{
	HCRYPTHASH hash;
	BYTE value[128];
	char hex[260];
	DWORD len = sizeof(value), size = 0, n = sizeof(size), i;
	const char *expect = abc_digest(a->aiAlgid);

	switch (a->aiAlgid) {
	case CALG_HMAC: case CALG_MAC: case CALG_SSL3_SHAMD5: case CALG_TLS1PRF:
	case CALG_SCHANNEL_MAC_KEY:
		strcpy(what, "hash: needs a key or a set value, not tested");
		return 2;
	}
	strcpy(what, "hash of \"abc\"");
	if (!CryptCreateHash(prov, a->aiAlgid, 0, 0, &hash))
		return *err = GetLastError(), 0;
	if (!CryptHashData(hash, (const BYTE *)"abc", 3, 0) || !CryptGetHashParam(hash, HP_HASHVAL, value, &len, 0) ||
	    !CryptGetHashParam(hash, HP_HASHSIZE, (BYTE *)&size, &n, 0)) {
		*err = GetLastError();
		CryptDestroyHash(hash);
		return 0;
	}
	CryptDestroyHash(hash);
	for (i = 0; i < len; i++)
		sprintf(hex + 2 * i, "%02x", value[i]);
	if (size != len || (a->dwDefaultLen && len * 8 != a->dwDefaultLen)) {
		strcat(what, ": wrong length");
		return 0;
	}
	if (expect) {
		strcat(what, strcmp(hex, expect) ? ": wrong value" : ", the known digest");
		return !strcmp(hex, expect);
	}
	return 1;
}

static int test_cipher(HCRYPTPROV prov, const PROV_ENUMALGS_EX *a, char *what, DWORD *err)
{
	static const char plain[] = "certutil -csptest round trip, 46 bytes long.";
	BYTE buf[128];
	DWORD len = sizeof(plain), r;
	HCRYPTKEY key;

	strcpy(what, "new key, encrypt/decrypt round trip");
	if (!CryptGenKey(prov, a->aiAlgid, CRYPT_EXPORTABLE, &key)) {
		*err = GetLastError();
		if (*err == (DWORD)NTE_BAD_ALGID || *err == (DWORD)NTE_BAD_FLAGS) {
			strcpy(what, "CryptGenKey refuses it in this provider, not tested");
			return 2;
		}
		return 0;
	}
	memcpy(buf, plain, len);
	if (!CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)) || (len == sizeof(plain) &&
	    !memcmp(buf, plain, len) && a->aiAlgid != CALG_CYLINK_MEK)) {
		*err = GetLastError();
		CryptDestroyKey(key);
		return 0;
	}
	r = CryptDecrypt(key, 0, TRUE, 0, buf, &len) && len == sizeof(plain) && !memcmp(buf, plain, len);
	if (!r)
		*err = GetLastError();
	CryptDestroyKey(key);
	return r;
}

static int test_signature(HCRYPTPROV prov, const PROV_ENUMALGS_EX *a, char *what, DWORD *err)
{
	HCRYPTKEY key;
	HCRYPTHASH hash;
	BYTE sig[1024];
	DWORD len = sizeof(sig);
	int r = 0;

	strcpy(what, "new AT_SIGNATURE pair, SHA-1 sign/verify, changed signature rejected");
	if (!CryptGenKey(prov, AT_SIGNATURE, 0, &key))
		return *err = GetLastError(), 0;
	if (CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash)) {
		if (CryptHashData(hash, (const BYTE *)"abc", 3, 0) && CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) &&
		    CryptVerifySignatureA(hash, sig, len, key, NULL, 0)) {
			sig[len / 2] ^= 1;
			r = !CryptVerifySignatureA(hash, sig, len, key, NULL, 0);
		}
		if (!r)
			*err = GetLastError();
		CryptDestroyHash(hash);
	} else {
		*err = GetLastError();
	}
	CryptDestroyKey(key);
	return r;
}

static int test_exchange(HCRYPTPROV prov, const PROV_ENUMALGS_EX *a, char *what, DWORD *err)
{
	static const char secret[] = "a session key of 32 bytes.......";
	BYTE buf[1024];
	DWORD len = sizeof(secret) - 1;
	HCRYPTKEY key;
	int r;

	if (a->aiAlgid == CALG_DH_SF || a->aiAlgid == CALG_DH_EPHEM) {
		strcpy(what, "new DH pair, public key exported (agreement not tested)");
		if (!CryptGenKey(prov, a->aiAlgid, 0, &key))
			return *err = GetLastError(), 0;
		r = CryptExportKey(key, 0, PUBLICKEYBLOB, 0, NULL, &len) && len > sizeof(BLOBHEADER);
		if (!r)
			*err = GetLastError();
		CryptDestroyKey(key);
		return r;
	}
	if (a->aiAlgid != CALG_RSA_KEYX) {
		strcpy(what, "key exchange: not tested");
		return 2;
	}
	strcpy(what, "new AT_KEYEXCHANGE pair, encrypt/decrypt round trip");
	if (!CryptGenKey(prov, AT_KEYEXCHANGE, 0, &key))
		return *err = GetLastError(), 0;
	memcpy(buf, secret, len);
	r = CryptEncrypt(key, 0, TRUE, 0, buf, &len, sizeof(buf)) && CryptDecrypt(key, 0, TRUE, 0, buf, &len) &&
	    len == sizeof(secret) - 1 && !memcmp(buf, secret, len);
	if (!r)
		*err = GetLastError();
	CryptDestroyKey(key);
	return r;
}

/* one provider's checks; FALSE if any failed */
static BOOL test_provider(const char *name, DWORD type, struct tally *all)
{
	struct tally t = { 0 };
	PROV_ENUMALGS_EX a;
	HCRYPTPROV prov;
	DWORD len, flag = CRYPT_FIRST, err;
	char what[160];
	int r;

	printf("Provider Name: %s\nProvider Type: %lu - %s\n", name, (unsigned long)type, prov_type_name(type));
	if (!CryptAcquireContextA(&prov, NULL, name, type, CRYPT_VERIFYCONTEXT | CRYPT_SILENT)) {
		printf("  FAIL  CryptAcquireContext (0x%08lx)\n", (unsigned long)GetLastError());
		all->failed++;
		printf("%s: 0 passed, 1 failed\n\n", name);
		return FALSE;
	}
	for (;; flag = CRYPT_NEXT) {
		len = sizeof(a);
		if (!CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&a, &len, flag))
			break;
		err = 0;
		what[0] = 0;
		switch (GET_ALG_CLASS(a.aiAlgid)) {
		case ALG_CLASS_HASH: r = test_hash(prov, &a, what, &err); break;
		case ALG_CLASS_DATA_ENCRYPT:
			if (GET_ALG_TYPE(a.aiAlgid) == ALG_TYPE_BLOCK || GET_ALG_TYPE(a.aiAlgid) == ALG_TYPE_STREAM) {
				r = test_cipher(prov, &a, what, &err);
			} else {
				strcpy(what, "needs a protocol's keys, not tested");
				r = 2;
			}
			break;
		case ALG_CLASS_SIGNATURE: r = test_signature(prov, &a, what, &err); break;
		case ALG_CLASS_KEY_EXCHANGE: r = test_exchange(prov, &a, what, &err); break;
		default: strcpy(what, "not tested"); r = 2; break;
		}
		line(&t, r, &a, what, r == 1 ? 0 : err);
	}
	err = GetLastError();
	if (err != ERROR_NO_MORE_ITEMS) {
		printf("  FAIL  PP_ENUMALGS_EX (0x%08lx)\n", (unsigned long)err);
		t.failed++;
	}
	CryptReleaseContext(prov, 0);
	printf("%s: %d passed, %d failed, %d skipped: %s\n\n", name, t.passed, t.failed, t.skipped,
	       t.failed ? "FAILED" : "works");
	all->passed += t.passed;
	all->failed += t.failed;
	all->skipped += t.skipped;
	return !t.failed;
}

int cmd_csptest(const struct options *o)
{
	struct tally all = { 0 };
	char name[256];
	DWORD i, type, len;
	BOOL ok = TRUE;

	if (o->argc) {
		if (!provider_type(o->argv[0], &type))
			return fail(o, GetLastError(), "%s: no such provider", o->argv[0]);
		ok = test_provider(o->argv[0], type, &all);
	} else {
		for (i = 0; len = sizeof(name), CryptEnumProvidersA(i, NULL, 0, &type, name, &len); i++)
			ok &= test_provider(name, type, &all);
	}
	printf("csptest: %d passed, %d failed, %d skipped\n", all.passed, all.failed, all.skipped);
	if (!ok)
		return fail(o, NTE_FAIL, "%d checks failed", all.failed);
	return done(o);
}
