/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * identity.c - this is dssenh.dll: the DSS and Diffie-Hellman providers,
 * built from rsaenh/dll/ with this file instead of rsaenh's; containers
 * live where Wine's builtin dssenh keeps them.
 */
#include "../../rsaenh/dll/identity.h"
#include "csp_debug.h"
#include "../../rsaenh/core/profiles.h"

const struct csp_identity csp_identity = { CSP_IMAGE_DSSENH, "Software\\Wine\\Crypto\\DSS" };

CSP_DEBUG_CHANNEL(dbg_csp, "dssenh");
