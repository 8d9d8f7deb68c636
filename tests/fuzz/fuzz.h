/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fuzz.h - what the fuzz targets (and their seed generator) share: a
 * deterministic random source, the provider profiles, the fixed RSA key
 * exchange key of the unit tests and a few fixed session keys, and a
 * reader that takes bytes off the front of the fuzzer's input.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>
#include "../../rsaenh/core/blobs.h"
#include "../../rsaenh/core/rsa_key.h"
#include "../../rsaenh/core/params.h"
#include "../../rsaenh/core/hash.h"
#include "../../rsaenh/core/derive.h"
#include "../../rsaenh/core/wipe.h"
#include "../unit/counter_rng.h"

/* --- the input, read from the front -------------------------------------- */

struct fz {
	const BYTE *p;
	size_t n;
};

static inline BYTE fz_byte(struct fz *f)
{
	BYTE b = 0;

	if (f->n) {
		b = *f->p++;
		f->n--;
	}
	return b;
}

static inline DWORD fz_u32(struct fz *f)
{
	DWORD v = fz_byte(f);

	v |= (DWORD)fz_byte(f) << 8;
	v |= (DWORD)fz_byte(f) << 16;
	return v | (DWORD)fz_byte(f) << 24;
}

/* A malloc'd copy of the rest of the input (exactly its size, so ASan sees
 * any read past the end); *len gets its length. */
static inline BYTE *fz_rest(struct fz *f, DWORD *len)
{
	BYTE *d = malloc(f->n ? f->n : 1);

	memcpy(d, f->p, f->n);
	*len = (DWORD)f->n;
	f->p += f->n;
	f->n = 0;
	return d;
}

/* --- the environment ----------------------------------------------------- */

static DWORD fz_rng_state;
static const struct csp_random fz_rng = { counter_rng_fill, &fz_rng_state };

/* The profile at index i (modulo the count), with the random source. */
static inline struct csp_blob_env fz_env(DWORD i)
{
	struct csp_blob_env env = { csp_profile_at(i % csp_profile_count()), &fz_rng };

	return env;
}

#define FZ_AES_PROV "Microsoft Enhanced RSA and AES Cryptographic Provider"

static inline const struct csp_profile *fz_aes_profile(void)
{
	DWORD err;

	return csp_profile_lookup(FZ_AES_PROV, PROV_RSA_AES, &err);
}

/* The 512-bit key exchange key of tests/unit/rsaenh/rsa_fixture.h as a
 * PRIVATEKEYBLOB in out (room for 1024 bytes); returns its length. */
DWORD fz_priv_blob(BYTE *out);

/* Fixed keys, made once: the key pair (private, exportable), its public
 * half, the pair as a signature key, and session keys. */
enum { FZ_RSA_KEYX, FZ_RSA_PUB, FZ_RSA_SIGN, FZ_AES256, FZ_3DES, FZ_RC4, FZ_RC2, FZ_HMAC, FZ_NKEYS };

struct csp_key *fz_key(int which);   /* fuzz_keys.c; never destroy it */

/* --- seeds ------------------------------------------------------------------
 * Built with -DFUZZ_SEEDS, a target's file becomes its own seed generator:
 * its fz_seeds() makes inputs with the project's own code (exporter,
 * encryption, signing) and fz_emit writes each into the directory argv[1]. */
#ifdef FUZZ_SEEDS
#include <stdio.h>

static const char *fz_seed_dir;
static int fz_seed_count;

static inline void fz_emit(const BYTE *prefix, size_t np, const BYTE *body, size_t nb)
{
	char name[4096];
	FILE *fp;

	snprintf(name, sizeof(name), "%s/seed-%04d", fz_seed_dir, fz_seed_count++);
	if (!(fp = fopen(name, "wb")) || fwrite(prefix, 1, np, fp) != np || (nb && fwrite(body, 1, nb, fp) != nb) ||
	    fclose(fp)) {
		perror(name);
		exit(1);
	}
}

static void fz_seeds(void);

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	fz_seed_dir = argv[1];
	fz_seeds();
	printf("%s: %d seeds\n", argv[1], fz_seed_count);
	return 0;
}
#define LLVMFuzzerTestOneInput fz_unused_target
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif

#endif
