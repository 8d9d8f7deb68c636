/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dss_key.h - the pair descriptors of the DSS providers' public-key rows
 * (rsaenh/core/pair.h): CALG_DSS_SIGN, and CALG_DH_SF / CALG_DH_EPHEM.
 */
#ifndef CSP_DSS_KEY_H
#define CSP_DSS_KEY_H

#include "../../rsaenh/core/pair.h"
#include "dss.h"

extern const struct csp_pair_ops csp_pair_dss;
extern const struct csp_pair_ops csp_pair_dh;

#endif
