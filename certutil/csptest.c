/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* csptest.c - -csptest (placeholder until written) */
#include "certutil.h"
int cmd_csptest(const struct options *o) { return fail(o, ERROR_CALL_NOT_IMPLEMENTED, "not yet"); }
