/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * objects.h - what the handles of rsaenh.dll and dssenh.dll point to: provider contexts,
 * keys and hashes (each a handle-table head around a core object), and the
 * small helpers every CP* export uses to reach them.
 */
#ifndef RSAENH_OBJECTS_H
#define RSAENH_OBJECTS_H

#include "cspdk.h"
#include "handles.h"
#include "../core/provparams.h"
#include "../core/key.h"
#include "../core/hash.h"
#include "../core/random.h"

struct prov_obj {
	struct csp_object head;
	struct csp_prov_state st;
	DWORD flags;                 /* CryptAcquireContext flags */
	char container[MAX_PATH];    /* key container name; "" for verify contexts */
	struct csp_key *pairs[2];    /* the container's key pairs (container.h slots), under head.lock */
	DWORD enum_containers;       /* PP_ENUMCONTAINERS: next registry index */
};

struct key_obj {
	struct csp_object head;
	struct csp_key *key;
};

struct hash_obj {
	struct csp_object head;
	struct csp_hash *hash;
};

/* SetLastError(err) and FALSE, or TRUE for ERROR_SUCCESS. */
BOOL csp_result(DWORD err);

/* Referenced objects, or NULL; key/hash must belong to prov. */
struct prov_obj *prov_get(HCRYPTPROV prov);
BOOL prov_valid(HCRYPTPROV prov);       /* live, nothing referenced */
struct key_obj *key_get(HCRYPTPROV prov, HCRYPTKEY key);
struct hash_obj *hash_get(HCRYPTPROV prov, HCRYPTHASH hash);

/* New handles around core objects (which they then own); 0 on failure,
 * the core object freed. */
HCRYPTKEY key_handle_new(HCRYPTPROV prov, struct csp_key *key);
HCRYPTHASH hash_handle_new(HCRYPTPROV prov, struct csp_hash *hash);
/* container NULL for verify contexts; pairs (may be NULL) pass to the context */
HCRYPTPROV prov_handle_new(const struct csp_profile *profile, DWORD flags, const char *container,
			   struct csp_key *pairs[2]);

/* Make a copy of key pair k the context's pair of its kind (a signature
 * row, ALG_CLASS_SIGNATURE: AT_SIGNATURE's; else AT_KEYEXCHANGE's), written
 * to the container first unless this is a verify context. */
DWORD prov_install_pair(struct prov_obj *p, const struct csp_key *k);
/* AT_KEYEXCHANGE / AT_SIGNATURE -> pair slot; 2 for anything else */
DWORD prov_pair_slot(DWORD keyspec);

/* The operating system's generator (RtlGenRandom, advapi32's SystemFunction036). */
extern const struct csp_random os_random;

#endif
