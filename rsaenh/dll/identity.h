/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * identity.h - which DLL this build of the CSP shell is: rsaenh.dll and
 * dssenh.dll share every file of rsaenh/dll/ but one, identity.c, which
 * names the image, the profiles it serves and where its key containers
 * live.
 */
#ifndef CSP_IDENTITY_H
#define CSP_IDENTITY_H

struct csp_identity {
	const char *image;        /* CSP_IMAGE_* (profiles.h): the profiles served, "Image Path" */
	const char *containers;   /* registry path of the key containers, under HKCU / HKLM */
};

extern const struct csp_identity csp_identity;

/* The WINEDEBUG channel named after this DLL ("rsaenh" or "dssenh"). */
struct csp_debug_channel;
extern struct csp_debug_channel dbg_csp;

#endif
