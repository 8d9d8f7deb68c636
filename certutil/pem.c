/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pem.c - beyond Windows: -importkey PEMFile Container and -exportkey
 * Container PEMFile, so RSA keys move between OpenSSL and a prefix.
 * "RSA PRIVATE KEY" (PKCS #1) and unencrypted "PRIVATE KEY" (PKCS #8) are
 * decoded by crypt32 (PKCS_RSA_PRIVATE_KEY gives the PRIVATEKEYBLOB) and
 * imported as the container's AT_KEYEXCHANGE pair; "PUBLIC KEY"
 * (SubjectPublicKeyInfo, X509_PUBLIC_KEY_INFO) is checked but cannot be
 * kept: a container holds key pairs.  Everything is decoded before a
 * container is touched, and a container this run created is deleted again
 * when the import fails.  Export writes PKCS #1, PKCS #8 (-pkcs8) or the
 * public key (-pub); der.c builds the private key's DER.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

/* The first PEM block of the file: its label and its DER.  Returns an
 * error message (and sets *err), or NULL. */
static const char *pem_read(const char *path, char *label, size_t label_size, BYTE **der, DWORD *der_len, DWORD *err)
{
	DWORD len, n = 0;
	BYTE *text = read_file(path, &len);
	char *begin, *end, *stop;

	*err = 0;
	if (!text) {
		*err = GetLastError();
		return "cannot read the file";
	}
	/* the first block whose label names a key: an "EC PARAMETERS" or
	 * "CERTIFICATE" block before it is passed over */
	for (begin = strstr((char *)text, "-----BEGIN "); begin; begin = strstr(end, "-----BEGIN ")) {
		if (!(end = strstr(begin + 11, "-----")))
			break;
		if ((size_t)(end - begin - 11) < label_size) {
			memcpy(label, begin + 11, end - begin - 11);
			label[end - begin - 11] = 0;
			if (strstr(label, "KEY"))
				break;
		}
		end += 5;
	}
	if (!begin || !end) {
		free(text);
		*err = ERROR_INVALID_DATA;
		return "no PEM key block (-----BEGIN ...KEY-----) in the file";
	}
	stop = strstr(end, "-----END ");
	if (!stop || !strstr(stop + 9, "-----")) {
		free(text);
		*err = ERROR_INVALID_DATA;
		return "the PEM block has no END line (truncated?)";
	}
	if (strstr(begin, "Proc-Type:") && strstr(begin, "Proc-Type:") < stop) {
		free(text);
		*err = ERROR_NOT_SUPPORTED;
		return "the PEM key is encrypted (Proc-Type): decrypt it first (openssl rsa -in KEY -out PLAIN)";
	}
	stop = strstr(stop + 9, "-----") + 5;
	if (!CryptStringToBinaryA(begin, (DWORD)(stop - begin), CRYPT_STRING_BASE64HEADER, NULL, &n, NULL, NULL) ||
	    !(*der = malloc(n)) ||
	    !CryptStringToBinaryA(begin, (DWORD)(stop - begin), CRYPT_STRING_BASE64HEADER, *der, &n, NULL, NULL)) {
		*err = GetLastError() ? GetLastError() : ERROR_INVALID_DATA;
		SecureZeroMemory(text, len);
		free(text);
		return "the PEM block's base64 does not decode";
	}
	*der_len = n;
	SecureZeroMemory(text, len);
	free(text);
	return NULL;
}

static void free_secret(void *p, DWORD len)
{
	if (p) {
		SecureZeroMemory(p, len);
		free(p);
	}
}

static int import_public(const struct options *o, const BYTE *der, DWORD len)
{
	CERT_PUBLIC_KEY_INFO *info = NULL;
	HCRYPTPROV prov;
	HCRYPTKEY key;
	DWORD size = 0, bits = 0, n = sizeof(bits);

	if (!CryptDecodeObjectEx(ENC, X509_PUBLIC_KEY_INFO, der, len, CRYPT_DECODE_ALLOC_FLAG, NULL, &info, &size))
		return fail(o, GetLastError(), "%s: not a SubjectPublicKeyInfo", o->argv[0]);
	if (strcmp(info->Algorithm.pszObjId, szOID_RSA_RSA)) {
		int r = fail(o, NTE_BAD_ALGID, "%s: not an RSA key (algorithm %s)", o->argv[0], info->Algorithm.pszObjId);
		LocalFree(info);
		return r;
	}
	if (!open_keyset(o, NULL, CRYPT_VERIFYCONTEXT, &prov)) {
		LocalFree(info);
		return fail(o, GetLastError(), "CryptAcquireContext");
	}
	if (!CryptImportPublicKeyInfo(prov, X509_ASN_ENCODING, info, &key)) {
		DWORD err = GetLastError();
		LocalFree(info);
		CryptReleaseContext(prov, 0);
		return fail(o, err, "%s: CryptImportPublicKeyInfo", o->argv[0]);
	}
	CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&bits, &n, 0);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	LocalFree(info);
	return fail(o, NTE_BAD_KEYSET_PARAM, "%s: an RSA public key (%lu bits): a key container holds key pairs: "
	            "a public key alone cannot be stored in %s", o->argv[0], (unsigned long)bits, o->argv[1]);
}

int cmd_importkey(const struct options *o)
{
	const char *path = o->argv[0], *container = o->argv[1], *why, *alg;
	char label[64];
	BYTE *der = NULL, *blob = NULL;
	const BYTE *pkcs1;
	DWORD der_len = 0, pkcs1_len, blob_len = 0, err, bits = 0, n;
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BOOL created = TRUE;
	int r;

	if ((why = pem_read(path, label, sizeof(label), &der, &der_len, &err)))
		return fail(o, err, "%s: %s", path, why);
	if (!strcmp(label, "PUBLIC KEY")) {
		r = import_public(o, der, der_len);
		free(der);
		return r;
	}
	if (!strcmp(label, "RSA PRIVATE KEY")) {
		pkcs1 = der;
		pkcs1_len = der_len;
	} else if (!strcmp(label, "PRIVATE KEY")) {
		if (!der_pkcs8_unwrap(der, der_len, &alg, &pkcs1, &pkcs1_len)) {
			err = GetLastError();
			free_secret(der, der_len);
			return fail(o, err, "%s: not a PKCS #8 PrivateKeyInfo", path);
		}
		if (strcmp(alg, "RSA")) {
			free_secret(der, der_len);
			return fail(o, NTE_BAD_ALGID, "%s: not an RSA key (%s)", path, alg);
		}
	} else {
		free_secret(der, der_len);
		if (!strcmp(label, "ENCRYPTED PRIVATE KEY"))
			return fail(o, ERROR_NOT_SUPPORTED, "%s: the key is encrypted: decrypt it first "
			            "(openssl pkey -in KEY -out PLAIN)", path);
		if (strstr(label, "PRIVATE KEY"))
			return fail(o, NTE_BAD_ALGID, "%s: not an RSA key (%s)", path, label);
		return fail(o, ERROR_INVALID_DATA, "%s: a \"%s\" PEM block is no key this verb takes", path, label);
	}
	if (!CryptDecodeObjectEx(ENC, PKCS_RSA_PRIVATE_KEY, pkcs1, pkcs1_len, CRYPT_DECODE_ALLOC_FLAG, NULL,
	                         &blob, &blob_len)) {
		err = GetLastError();
		free_secret(der, der_len);
		return fail(o, err, "%s: not an RSA private key (PKCS #1)", path);
	}
	free_secret(der, der_len);
	/* a new container, or the one of that name */
	if (!open_keyset(o, container, CRYPT_NEWKEYSET, &prov)) {
		err = GetLastError();
		created = FALSE;
		if (err != (DWORD)NTE_EXISTS || !open_keyset(o, container, 0, &prov)) {
			err = err == (DWORD)NTE_EXISTS ? GetLastError() : err;
			SecureZeroMemory(blob, blob_len);
			LocalFree(blob);
			return fail(o, err, "%s: CryptAcquireContext", container);
		}
	}
	if (!CryptImportKey(prov, blob, blob_len, 0, o->exportable ? CRYPT_EXPORTABLE : 0, &key)) {
		err = GetLastError();
		SecureZeroMemory(blob, blob_len);
		LocalFree(blob);
		CryptReleaseContext(prov, 0);
		if (created)
			open_keyset(o, container, CRYPT_DELETEKEYSET, &prov);
		return fail(o, err, "%s: CryptImportKey into %s", path, container);
	}
	SecureZeroMemory(blob, blob_len);
	LocalFree(blob);
	n = sizeof(bits);
	CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&bits, &n, 0);
	printf("  %s: AT_KEYEXCHANGE, RSA %lu bits, %s, into %s container %s\n", path, (unsigned long)bits,
	       o->exportable ? "exportable" : "not exportable", created ? "new" : "existing", container);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	return done(o);
}

/* "-----BEGIN label-----", the base64 in lines of 64, "-----END label-----" */
static BOOL pem_write(const char *path, const char *label, const BYTE *der, DWORD len)
{
	DWORD n = 0, i, j, total;
	char *b64, *text;
	BOOL ok;

	if (!CryptBinaryToStringA(der, len, CRYPT_STRING_BASE64, NULL, &n) || !(b64 = malloc(n + 1)))
		return FALSE;
	if (!CryptBinaryToStringA(der, len, CRYPT_STRING_BASE64, b64, &n) ||
	    !(text = malloc(n + 2 * strlen(label) + 64))) {
		free_secret(b64, n + 1);
		return FALSE;
	}
	total = sprintf(text, "-----BEGIN %s-----\n", label);
	for (i = j = 0; i < n && b64[i]; i++)
		if (b64[i] != '\r')
			text[total + j++] = b64[i];
	total += j;
	if (total && text[total - 1] != '\n')
		text[total++] = '\n';
	total += sprintf(text + total, "-----END %s-----\n", label);
	ok = write_file(path, text, total);
	free_secret(b64, n + 1);
	free_secret(text, total);
	return ok;
}

int cmd_exportkey(const struct options *o)
{
	const char *container = o->argv[0], *path = o->argv[1];
	HCRYPTPROV prov;
	HCRYPTKEY key;
	DWORD spec = AT_KEYEXCHANGE, len = 0, der_len = 0, p8_len = 0, err;
	BYTE *blob, *der, *p8;
	CERT_PUBLIC_KEY_INFO *info;

	if (!open_keyset(o, container, 0, &prov))
		return fail(o, GetLastError(), "%s", container);
	if (!CryptGetUserKey(prov, spec, &key)) {
		spec = AT_SIGNATURE;
		if (!CryptGetUserKey(prov, spec, &key)) {
			err = GetLastError();
			CryptReleaseContext(prov, 0);
			return fail(o, err, "%s: no key pair", container);
		}
	}
	if (o->pub) {
		CryptDestroyKey(key);
		if (!CryptExportPublicKeyInfo(prov, spec, X509_ASN_ENCODING, NULL, &len) ||
		    !(info = malloc(len)) || !CryptExportPublicKeyInfo(prov, spec, X509_ASN_ENCODING, info, &len)) {
			err = GetLastError();
			CryptReleaseContext(prov, 0);
			return fail(o, err, "%s: CryptExportPublicKeyInfo", container);
		}
		CryptReleaseContext(prov, 0);
		if (!CryptEncodeObjectEx(ENC, X509_PUBLIC_KEY_INFO, info, CRYPT_ENCODE_ALLOC_FLAG, NULL, &der, &der_len)) {
			err = GetLastError();
			free(info);
			return fail(o, err, "X509_PUBLIC_KEY_INFO");
		}
		free(info);
		if (!pem_write(path, "PUBLIC KEY", der, der_len)) {
			err = GetLastError();
			LocalFree(der);
			return fail(o, err, "%s", path);
		}
		LocalFree(der);
		printf("  %s: public key (%s) written to %s\n", container,
		       spec == AT_KEYEXCHANGE ? "AT_KEYEXCHANGE" : "AT_SIGNATURE", path);
		return done(o);
	}
	if (!CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len) || !(blob = malloc(len)) ||
	    !CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, blob, &len)) {
		err = GetLastError();
		CryptDestroyKey(key);
		CryptReleaseContext(prov, 0);
		return fail(o, err, "%s: %s", container, err == (DWORD)NTE_BAD_KEY_STATE || err == (DWORD)NTE_PERM
		            ? "the private key is not exportable" : "CryptExportKey");
	}
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	der = der_rsa_private(blob, len, &der_len);
	err = GetLastError();
	free_secret(blob, len);
	if (!der)
		return fail(o, err, "%s: not an RSA key pair", container);
	if (o->pkcs8) {
		p8 = der_pkcs8_wrap(der, der_len, &p8_len);
		free_secret(der, der_len);
		if (!p8)
			return fail(o, ERROR_OUTOFMEMORY, "PKCS #8");
		der = p8;
		der_len = p8_len;
	}
	if (!pem_write(path, o->pkcs8 ? "PRIVATE KEY" : "RSA PRIVATE KEY", der, der_len)) {
		err = GetLastError();
		free_secret(der, der_len);
		return fail(o, err, "%s", path);
	}
	free_secret(der, der_len);
	printf("  %s: private key (%s) written to %s\n", container,
	       spec == AT_KEYEXCHANGE ? "AT_KEYEXCHANGE" : "AT_SIGNATURE", path);
	return done(o);
}
