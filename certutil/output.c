/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * output.c - certutil's messages and files: the closing line of a verb
 * ("CertUtil: -VERB command completed successfully." or "... FAILED: ..."
 * with the error code and its text, one line), the names of the provider
 * types, and reading and writing whole files.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

/* FormatMessage's text for err on one line, or "" */
const char *error_text(DWORD err, char *buf, size_t size)
{
	DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, err, 0,
	                         buf, (DWORD)size, NULL);
	char *p;

	if (!n)
		buf[0] = 0;
	for (p = buf; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	while (p > buf && p[-1] == ' ')
		*--p = 0;
	return buf;
}

/* The failure line; err 0: none to show.  Returns the exit code, 1. */
int fail(const struct options *o, DWORD err, const char *fmt, ...)
{
	char what[1024], text[256];
	HRESULT hr = err <= 0xffff ? HRESULT_FROM_WIN32(err) : (HRESULT)err;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	fflush(stdout);
	if (!err)
		printf("CertUtil: %s command FAILED: %s\n", o->verb, what);
	else if (err <= 0xffff)
		printf("CertUtil: %s command FAILED: 0x%08lx (WIN32: %lu) %s%s%s\n", o->verb, (unsigned long)hr,
		       (unsigned long)err, what, *error_text(err, text, sizeof(text)) ? ": " : "", text);
	else
		printf("CertUtil: %s command FAILED: 0x%08lx %s%s%s\n", o->verb, (unsigned long)hr, what,
		       *error_text(err, text, sizeof(text)) ? ": " : "", text);
	fflush(stdout);
	return 1;
}

int done(const struct options *o)
{
	if (!o->silent)
		printf("CertUtil: %s command completed successfully.\n", o->verb);
	return 0;
}

const char *prov_type_name(DWORD type)
{
	static const struct { DWORD type; const char *name; } names[] = {
		{ PROV_RSA_FULL, "PROV_RSA_FULL" }, { PROV_RSA_SIG, "PROV_RSA_SIG" },
		{ PROV_DSS, "PROV_DSS" }, { PROV_FORTEZZA, "PROV_FORTEZZA" },
		{ PROV_MS_EXCHANGE, "PROV_MS_EXCHANGE" }, { PROV_SSL, "PROV_SSL" },
		{ PROV_RSA_SCHANNEL, "PROV_RSA_SCHANNEL" }, { PROV_DSS_DH, "PROV_DSS_DH" },
		{ PROV_EC_ECDSA_SIG, "PROV_EC_ECDSA_SIG" }, { PROV_EC_ECNRA_SIG, "PROV_EC_ECNRA_SIG" },
		{ PROV_EC_ECDSA_FULL, "PROV_EC_ECDSA_FULL" }, { PROV_EC_ECNRA_FULL, "PROV_EC_ECNRA_FULL" },
		{ PROV_DH_SCHANNEL, "PROV_DH_SCHANNEL" }, { PROV_SPYRUS_LYNKS, "PROV_SPYRUS_LYNKS" },
		{ PROV_RNG, "PROV_RNG" }, { PROV_INTEL_SEC, "PROV_INTEL_SEC" },
		{ PROV_REPLACE_OWF, "PROV_REPLACE_OWF" }, { PROV_RSA_AES, "PROV_RSA_AES" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].type == type)
			return names[i].name;
	return "unknown type";
}

/* The whole file, with a NUL after it; NULL with GetLastError() set. */
BYTE *read_file(const char *path, DWORD *len)
{
	HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	DWORD size, got = 0, err;
	BYTE *buf;

	if (h == INVALID_HANDLE_VALUE)
		return NULL;
	size = GetFileSize(h, NULL);
	if (size == INVALID_FILE_SIZE || size > 16 * 1024 * 1024) {
		CloseHandle(h);
		SetLastError(ERROR_FILE_TOO_LARGE);
		return NULL;
	}
	if (!(buf = malloc(size + 1)) || !ReadFile(h, buf, size, &got, NULL) || got != size) {
		err = buf ? GetLastError() : ERROR_OUTOFMEMORY;
		free(buf);
		CloseHandle(h);
		SetLastError(err ? err : ERROR_READ_FAULT);
		return NULL;
	}
	CloseHandle(h);
	buf[size] = 0;
	*len = size;
	return buf;
}

/* Written to PATH.new and renamed over PATH, so no half-written file stays. */
BOOL write_file(const char *path, const void *data, DWORD len)
{
	char tmp[MAX_PATH + 8];
	HANDLE h;
	DWORD put = 0, err;

	snprintf(tmp, sizeof(tmp), "%s.new", path);
	h = CreateFileA(tmp, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return FALSE;
	if (!WriteFile(h, data, len, &put, NULL) || put != len) {
		err = GetLastError();
		CloseHandle(h);
		DeleteFileA(tmp);
		SetLastError(err ? err : ERROR_WRITE_FAULT);
		return FALSE;
	}
	CloseHandle(h);
	if (!MoveFileExA(tmp, path, MOVEFILE_REPLACE_EXISTING)) {
		err = GetLastError();
		DeleteFileA(tmp);
		SetLastError(err);
		return FALSE;
	}
	return TRUE;
}
