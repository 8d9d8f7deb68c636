/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pfx.c - -importPFX (placeholder until written) */
#include "certutil.h"
int cmd_importpfx(const struct options *o) { return fail(o, ERROR_CALL_NOT_IMPLEMENTED, "not yet"); }
