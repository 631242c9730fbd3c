/* th-png.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Appends @surface (an ARGB32 image surface) to @bytes as a PNG file with
 * @title (UTF-8, may be NULL) in its text chunks. */
gboolean th_png_encode (cairo_surface_t *surface, const char *title, GByteArray *bytes,
                        GError **error);

G_END_DECLS
