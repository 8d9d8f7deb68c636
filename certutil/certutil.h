/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * certutil.h - what the files of certutil.exe share: the parsed options,
 * the verb handlers, opening a provider or key container the way the
 * options say, reading and writing files, and the one-line messages.
 */
#ifndef CERTUTIL_H
#define CERTUTIL_H

#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>

#define EXIT_USAGE 2

struct options {
	const char *verb;      /* "-csplist", ... as typed */
	const char *csp;       /* -csp NAME, or NULL: the default RSA provider */
	const char *password;  /* -p PASSWORD */
	int user;              /* -user: the user's keysets; without: the machine's */
	int exportable;        /* -exportable (-importkey) */
	int pub;               /* -pub (-exportkey) */
	int pkcs8;             /* -pkcs8 (-exportkey) */
	int silent;            /* -silent: no success line */
	int argc;              /* the verb's own arguments */
	char **argv;
};

/* main.c */
int verb_usage(const struct options *o);

/* output.c */
int fail(const struct options *o, DWORD err, const char *fmt, ...);
int done(const struct options *o);
const char *prov_type_name(DWORD type);
const char *error_text(DWORD err, char *buf, size_t size);
BYTE *read_file(const char *path, DWORD *len);
BOOL write_file(const char *path, const void *data, DWORD len);

/* keys.c */
BOOL provider_type(const char *name, DWORD *type);
BOOL open_keyset(const struct options *o, const char *container, DWORD flags, HCRYPTPROV *prov);
const char *default_csp(void);

/* der.c */
BYTE *der_rsa_private(const BYTE *blob, DWORD blob_len, DWORD *out_len);
BYTE *der_pkcs8_wrap(const BYTE *pkcs1, DWORD len, DWORD *out_len);
BOOL der_pkcs8_unwrap(const BYTE *der, DWORD len, const char **oid_name, const BYTE **key, DWORD *key_len);

/* the verbs */
int cmd_csplist(const struct options *o);
int cmd_csptest(const struct options *o);
int cmd_key(const struct options *o);
int cmd_delkey(const struct options *o);
int cmd_importpfx(const struct options *o);
int cmd_importkey(const struct options *o);
int cmd_exportkey(const struct options *o);

#endif
