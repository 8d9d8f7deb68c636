/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * pfx.c - -importPFX PFXFile [-p Password] [-csp Provider] [-user]
 * [-exportable]: crypt32's PFXImportCertStore reads the PKCS #12 file and
 * puts its private key into a key container (of the provider it chooses;
 * the container's name is printed), the certificates go into the My store
 * (the machine's, or the user's with -user).  With -csp the key must be
 * reachable through that provider too, and the certificate names it.
 * The containers present before are remembered: when the import fails
 * after crypt32 made a container, the new ones are deleted again.  Wine's
 * crypt32 always uses the provider's default container (named after the
 * user), so an import is refused while that container holds a key pair.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

#define MAX_NAMES 512

struct names {
	char *name[MAX_NAMES];
	int n;
};

/* the containers of the keyset (the default RSA provider's storage) */
static void list_containers(const struct options *o, struct names *list)
{
	struct options plain = *o;
	HCRYPTPROV prov;
	char name[1024];
	DWORD len, flag = CRYPT_FIRST;

	list->n = 0;
	plain.csp = NULL;
	if (!open_keyset(&plain, NULL, CRYPT_VERIFYCONTEXT, &prov))
		return;
	for (; list->n < MAX_NAMES; flag = CRYPT_NEXT) {
		len = sizeof(name);
		if (!CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, flag))
			break;
		list->name[list->n++] = _strdup(name);
	}
	CryptReleaseContext(prov, 0);
}

static int known(const struct names *list, const char *name)
{
	int i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->name[i], name))
			return 1;
	return 0;
}

/* delete what is in the keyset now and was not before */
static void drop_new_containers(const struct options *o, const struct names *before)
{
	struct options plain = *o;
	struct names now;
	HCRYPTPROV prov;
	int i;

	plain.csp = NULL;
	list_containers(o, &now);
	for (i = 0; i < now.n; i++) {
		if (!known(before, now.name[i])) {
			open_keyset(&plain, now.name[i], CRYPT_DELETEKEYSET, &prov);
			fprintf(stderr, "certutil: removed the container %s this import had made\n", now.name[i]);
		}
		free(now.name[i]);
	}
}

static char *narrow(const WCHAR *w)
{
	int n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
	char *s = malloc(n ? n : 1);

	if (s && !WideCharToMultiByte(CP_ACP, 0, w, -1, s, n, NULL, NULL))
		s[0] = 0;
	return s;
}

/* whether the container's key pair is there through the chosen provider */
static BOOL reachable(const struct options *o, const char *container, DWORD spec)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BOOL ok;

	if (!open_keyset(o, container, 0, &prov))
		return FALSE;
	/* Wine's crypt32 gives dwKeySpec 3 (both bits): either pair will do */
	ok = spec == AT_KEYEXCHANGE || spec == AT_SIGNATURE ? CryptGetUserKey(prov, spec, &key)
	          : CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) || CryptGetUserKey(prov, AT_SIGNATURE, &key);
	if (ok)
		CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
	return ok;
}

/* Wine's crypt32 imports a PFX's key into the provider's default container
 * (named after the user), opening it when it exists: a second import would
 * replace the key pair of the first.  TRUE, with its name, when that
 * container already holds a key pair. */
static BOOL default_container_busy(const struct options *o, char *name, DWORD size)
{
	HCRYPTPROV prov;
	HCRYPTKEY key;
	BOOL busy = FALSE;

	if (!CryptAcquireContextA(&prov, NULL, MS_ENHANCED_PROV_A, PROV_RSA_FULL,
	                          (o->user ? 0 : CRYPT_MACHINE_KEYSET) | CRYPT_SILENT))
		return FALSE;
	if (!CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &size, 0))
		strcpy(name, "(default)");
	if (CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) || CryptGetUserKey(prov, AT_SIGNATURE, &key)) {
		CryptDestroyKey(key);
		busy = TRUE;
	}
	CryptReleaseContext(prov, 0);
	return busy;
}

int cmd_importpfx(const struct options *o)
{
	const char *path = o->argv[0];
	CRYPT_DATA_BLOB blob;
	WCHAR *password = NULL, cspw[256];
	HCERTSTORE store, my;
	PCCERT_CONTEXT cert = NULL;
	CRYPT_KEY_PROV_INFO *info;
	struct names before;
	DWORD len, err, flags, keys = 0;
	char subject[512], *container, *provider, report[4096] = "", why[600] = "no certificate with a private key";
	size_t r = 0;
	int n, i;

	if (!(blob.pbData = read_file(path, &blob.cbData)))
		return fail(o, GetLastError(), "%s: cannot read the file", path);
	if (!PFXIsPFXBlob(&blob)) {
		free(blob.pbData);
		return fail(o, CRYPT_E_ASN1_BADTAG, "%s: not a PFX (PKCS #12) file", path);
	}
	if (default_container_busy(o, subject, sizeof(subject))) {
		free(blob.pbData);
		return fail(o, NTE_EXISTS, "%s: crypt32 would put the key into the container %s, replacing the key pair "
		            "it holds: move that one first (-exportkey, -delkey)", path, subject);
	}
	if (o->password) {
		n = MultiByteToWideChar(CP_ACP, 0, o->password, -1, NULL, 0);
		password = calloc(n + 1, sizeof(WCHAR));
		MultiByteToWideChar(CP_ACP, 0, o->password, -1, password, n);
	}
	flags = (o->user ? CRYPT_USER_KEYSET : CRYPT_MACHINE_KEYSET) | (o->exportable ? CRYPT_EXPORTABLE : 0);
	list_containers(o, &before);
	SetLastError(0);
	store = PFXImportCertStore(&blob, password ? password : L"", flags);
	err = GetLastError();
	if (password) {
		SecureZeroMemory(password, wcslen(password) * sizeof(WCHAR));
		free(password);
	}
	SecureZeroMemory(blob.pbData, blob.cbData);
	free(blob.pbData);
	if (!store) {
		drop_new_containers(o, &before);
		return fail(o, err ? err : (DWORD)CRYPT_E_BAD_ENCODE,
		            "%s: PFXImportCertStore (wrong password, or a PFX crypt32 cannot read)", path);
	}
	while ((cert = CertEnumCertificatesInStore(store, cert))) {
		CertGetNameStringA(cert, CERT_NAME_RDN_TYPE, 0, NULL, subject, sizeof(subject));
		r += snprintf(report + r, sizeof(report) - r, "  Certificate: %s\n", subject);
		r = r < sizeof(report) ? r : sizeof(report) - 1;
		len = 0;
		if (!CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, NULL, &len) ||
		    !(info = malloc(len)) || !CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, info, &len))
			continue;
		container = narrow(info->pwszContainerName);
		provider = info->pwszProvName ? narrow(info->pwszProvName) : _strdup("(default)");
		if (strcmp(cert->pCertInfo->SubjectPublicKeyInfo.Algorithm.pszObjId, szOID_RSA_RSA)) {
			snprintf(why, sizeof(why), "%s: not an RSA key", subject);
		} else if (o->csp && _stricmp(o->csp, provider) && !reachable(o, container, info->dwKeySpec)) {
			snprintf(why, sizeof(why), "the key crypt32 put into %s (%s) cannot be used through %s",
			         container, provider, o->csp);
		} else {
			if (o->csp && _stricmp(o->csp, provider)) {
				/* the certificate names the chosen provider */
				MultiByteToWideChar(CP_ACP, 0, o->csp, -1, cspw, 256);
				info->pwszProvName = cspw;
				provider_type(o->csp, &info->dwProvType);
				CertSetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, 0, info);
				free(provider);
				provider = _strdup(o->csp);
			}
			r += snprintf(report + r, sizeof(report) - r, "  Key container: %s\n  Provider: %s, %s", container,
			              provider, info->dwKeySpec == AT_SIGNATURE ? "AT_SIGNATURE\n" : "AT_KEYEXCHANGE");
			r = r < sizeof(report) ? r : sizeof(report) - 1;
			if (info->dwKeySpec != AT_SIGNATURE)
				r += snprintf(report + r, sizeof(report) - r, info->dwKeySpec == AT_KEYEXCHANGE ? "\n" :
				              " (key spec %lu)\n", (unsigned long)info->dwKeySpec);
			r = r < sizeof(report) ? r : sizeof(report) - 1;
			keys++;
		}
		free(container);
		free(provider);
		free(info);
	}
	if (!keys) {
		CertCloseStore(store, 0);
		drop_new_containers(o, &before);
		return fail(o, NTE_BAD_KEYSET, "%s: no RSA private key was imported (%s)", path, why);
	}
	/* the report once the import has worked: a failure is one line */
	printf("%s", report);
	my = CertOpenStore(CERT_STORE_PROV_SYSTEM_A, 0, 0,
	                   (o->user ? CERT_SYSTEM_STORE_CURRENT_USER : CERT_SYSTEM_STORE_LOCAL_MACHINE), "MY");
	if (!my) {
		err = GetLastError();
		printf("  (the My store cannot be opened: 0x%08lx; the key stays in its container)\n", (unsigned long)err);
	} else {
		for (i = 0; (cert = CertEnumCertificatesInStore(store, cert)); i++)
			if (!CertAddCertificateContextToStore(my, cert, CERT_STORE_ADD_REPLACE_EXISTING, NULL))
				printf("  (certificate %d not added to My: 0x%08lx)\n", i, (unsigned long)GetLastError());
		printf("  Added to the %s My store\n", o->user ? "user's" : "machine's");
		CertCloseStore(my, 0);
	}
	CertCloseStore(store, 0);
	for (i = 0; i < before.n; i++)
		free(before.name[i]);
	return done(o);
}
