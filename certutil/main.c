/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * main.c - certutil.exe's command line: the table of verbs (name, handler,
 * arguments, help), the options, "-?" and "-VERB -?", and the usage message
 * for an unknown verb or a bad option (exit code 2).  A verb's handler
 * returns 0 on success, 1 on failure.
 */
#include <stdlib.h>
#include <string.h>
#include "certutil.h"

struct verb {
	const char *name;
	int (*handler)(const struct options *o);
	int min_args, max_args;
	const char *args;      /* the usage line's arguments */
	const char *summary;   /* one line, for -? */
	const char *options;   /* the options it takes, space-separated */
	const char *help;      /* more lines, for -VERB -? */
};

static const struct verb verbs[] = {
	{ "-csplist", cmd_csplist, 0, 0, "", "List the installed cryptographic service providers",
	  "", "  Beyond Windows, each provider's DLL (its \"Image Path\", found in the system\n"
	  "  folder) is named and told apart: ours (this project's), Wine builtin, or\n"
	  "  another native DLL; the DllOverrides value for it is shown where set.\n" },
	{ "-csptest", cmd_csptest, 0, 1, "[Provider]", "Test the cryptographic service providers",
	  "", "  Provider -- a provider name from -csplist; without it, every provider.\n"
	  "  For each algorithm the provider lists: hash, encrypt/decrypt round trip,\n"
	  "  sign/verify with a new key pair, key exchange.  One line per check;\n"
	  "  exit code 1 if any check fails.\n" },
	{ "-key", cmd_key, 0, 1, "[KeyContainerName | -]", "List key containers",
	  "-user -csp -silent", "  KeyContainerName -- a container; without it (or \"-\"), every container.\n"
	  "  Lists each container's key pairs: algorithm, length, exportability and\n"
	  "  permissions.  The machine's keysets, or the user's with -user.\n" },
	{ "-delkey", cmd_delkey, 1, 1, "KeyContainerName", "Delete a key container",
	  "-user -csp -silent", "  Deletes the container (CRYPT_DELETEKEYSET) from the machine's keysets,\n"
	  "  or the user's with -user.\n" },
	{ "-importPFX", cmd_importpfx, 1, 1, "PFXFile", "Import a certificate and its private key",
	  "-user -csp -p -exportable -silent",
	  "  PFXFile -- a PKCS #12 file.  The key goes into a new key container of the\n"
	  "  provider (-csp), the certificate into the My store (machine, or the\n"
	  "  user's with -user).  The container's name is printed.\n" },
	{ "-importkey", cmd_importkey, 2, 2, "PEMFile KeyContainerName", "Import a PEM RSA key (beyond Windows)",
	  "-user -csp -exportable -silent",
	  "  PEMFile -- \"RSA PRIVATE KEY\" (PKCS #1) or unencrypted \"PRIVATE KEY\"\n"
	  "  (PKCS #8) as AT_KEYEXCHANGE pair of the container, which is created if\n"
	  "  need be; \"PUBLIC KEY\" is checked only (containers keep key pairs).\n"
	  "  -exportable -- the private key may be exported again.\n" },
	{ "-exportkey", cmd_exportkey, 2, 2, "KeyContainerName PEMFile", "Export a key as PEM (beyond Windows)",
	  "-user -csp -pub -pkcs8 -silent",
	  "  Writes the container's key pair as \"RSA PRIVATE KEY\" (PKCS #1; the key\n"
	  "  must be exportable), \"PRIVATE KEY\" with -pkcs8, or its public key as\n"
	  "  \"PUBLIC KEY\" (SubjectPublicKeyInfo) with -pub.\n" },
};
#define NVERBS (sizeof(verbs) / sizeof(verbs[0]))

static const struct { const char *name; const char *arg; const char *help; } option_help[] = {
	{ "-user", "", "Use the user's key containers (HKEY_CURRENT_USER)" },
	{ "-csp", "Provider", "Provider (default: " MS_ENH_RSA_AES_PROV_A ")" },
	{ "-p", "Password", "Password of the PFX file" },
	{ "-exportable", "", "Imported private keys may be exported" },
	{ "-pub", "", "Export the public key only" },
	{ "-pkcs8", "", "Export the private key as PKCS #8" },
	{ "-silent", "", "No success line" },
};

static void print_verb(const struct verb *v)
{
	printf("  CertUtil [Options] %s%s%s\n", v->name, *v->args ? " " : "", v->args);
	printf("  %s\n", v->summary);
}

/* whether the space-separated list names the option */
static int takes(const char *list, const char *option)
{
	char padded[160], name[40];

	snprintf(padded, sizeof(padded), " %s ", list);
	snprintf(name, sizeof(name), " %s ", option);
	return strstr(padded, name) != NULL;
}

static void print_options(const char *list)
{
	size_t i;

	if (!*list)
		return;
	printf("\nOptions:\n");
	for (i = 0; i < sizeof(option_help) / sizeof(option_help[0]); i++)
		if (takes(list, option_help[i].name))
			printf("  %-12s %-9s -- %s\n", option_help[i].name, option_help[i].arg, option_help[i].help);
}

static void usage(void)
{
	size_t i;

	printf("Usage:\n");
	for (i = 0; i < NVERBS; i++)
		print_verb(&verbs[i]);
	printf("  CertUtil -?\n  Display this usage message\n");
	printf("\nCertUtil -?              -- Display a verb list (command list)\n");
	printf("CertUtil -csplist -?     -- Display help text for the \"csplist\" verb\n");
}

int verb_usage(const struct options *o)
{
	size_t i;

	for (i = 0; i < NVERBS; i++)
		if (!_stricmp(verbs[i].name, o->verb)) {
			printf("Usage:\n");
			print_verb(&verbs[i]);
			printf("%s", verbs[i].help);
			print_options(verbs[i].options);
		}
	return EXIT_USAGE;
}

static const struct verb *find_verb(const char *arg)
{
	size_t i;

	for (i = 0; i < NVERBS; i++)
		if (!_stricmp(verbs[i].name + 1, arg + 1))
			return &verbs[i];
	return NULL;
}

/* an option word: "-x" or "/x" (a "/" word that is no option or verb is an argument) */
static int is_switch(const char *arg)
{
	size_t i;

	if (arg[0] == '-' && arg[1])
		return 1;
	if (arg[0] != '/' || !arg[1])
		return 0;
	if (find_verb(arg) || !strcmp(arg, "/?"))
		return 1;
	for (i = 0; i < sizeof(option_help) / sizeof(option_help[0]); i++)
		if (!_stricmp(option_help[i].name + 1, arg + 1))
			return 1;
	return 0;
}

static int bad_usage(const char *fmt, const char *what)
{
	printf(fmt, what);
	printf("\n");
	usage();
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	const struct verb *verb = NULL;
	char **args = calloc(argc + 1, sizeof(*args));
	int i, nargs = 0, help = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!is_switch(a)) {
			args[nargs++] = argv[i];
		} else if (!strcmp(a + 1, "?")) {
			help = 1;
		} else if (!_stricmp(a + 1, "user")) {
			o.user = 1;
		} else if (!_stricmp(a + 1, "exportable")) {
			o.exportable = 1;
		} else if (!_stricmp(a + 1, "pub")) {
			o.pub = 1;
		} else if (!_stricmp(a + 1, "pkcs8")) {
			o.pkcs8 = 1;
		} else if (!_stricmp(a + 1, "silent")) {
			o.silent = 1;
		} else if (!_stricmp(a + 1, "csp") || !_stricmp(a + 1, "p")) {
			if (i + 1 >= argc)
				return bad_usage("CertUtil: option %s needs a value", a);
			if (!_stricmp(a + 1, "csp"))
				o.csp = argv[++i];
			else
				o.password = argv[++i];
		} else if (find_verb(a)) {
			if (verb)
				return bad_usage("CertUtil: more than one verb: %s", a);
			verb = find_verb(a);
		} else {
			return bad_usage(verb || i > 1 ? "CertUtil: Unknown arg: %s" : "CertUtil: Unknown verb: %s", a);
		}
	}
	if (!verb) {
		if (help) {
			usage();
			return 0;
		}
		if (nargs)
			return bad_usage("CertUtil: Unknown verb: %s", args[0]);
		return bad_usage("%s", "CertUtil: no verb given");
	}
	o.verb = verb->name;
	if (help) {
		verb_usage(&o);
		return 0;
	}
	/* options the verb does not take are an error, as on Windows */
	if ((o.csp && !takes(verb->options, "-csp")) || (o.password && !takes(verb->options, "-p")) ||
	    (o.user && !takes(verb->options, "-user")) || (o.exportable && !takes(verb->options, "-exportable")) ||
	    (o.pub && !takes(verb->options, "-pub")) || (o.pkcs8 && !takes(verb->options, "-pkcs8"))) {
		printf("CertUtil: %s: an option this verb does not take\n", verb->name);
		return verb_usage(&o);
	}
	if (nargs < verb->min_args || nargs > verb->max_args) {
		printf("CertUtil: %s: expected %s\n", verb->name, *verb->args ? verb->args : "no arguments");
		return verb_usage(&o);
	}
	o.argc = nargs;
	o.argv = args;
	return verb->handler(&o);
}
