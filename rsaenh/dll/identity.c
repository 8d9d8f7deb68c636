/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * identity.c - this is rsaenh.dll: the RSA providers, whose containers
 * live where Wine's builtin rsaenh keeps them.
 */
#include "identity.h"
#include "csp_debug.h"
#include "../core/profiles.h"

const struct csp_identity csp_identity = { CSP_IMAGE_RSAENH, "Software\\Wine\\Crypto\\RSA" };

CSP_DEBUG_CHANNEL(dbg_csp, "rsaenh");
