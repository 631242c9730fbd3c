/* th-room-qr.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A QR code (libqrencode) and the one function that draws it, used by the
 * join screen and by the test that reads it back with zbarimg. */
typedef struct _ThRoomQr ThRoomQr;

/* The light border a reader needs around the code, in modules. */
#define TH_ROOM_QR_QUIET_ZONE 4

ThRoomQr *th_room_qr_new (const char *text, GError **error);
void th_room_qr_free (ThRoomQr *self);

/* Modules per side, without the quiet zone. */
guint th_room_qr_get_width (ThRoomQr *self);
gboolean th_room_qr_get_module (ThRoomQr *self, guint x, guint y);

/* Draws the code with its quiet zone into the square at (@x, @y) of side
 * @size user units: a white square and black modules, always (a reader
 * needs dark on light, whatever the theme).  Modules are whole device
 * pixels when the transformation allows, so the edges stay sharp. */
void th_room_qr_draw (ThRoomQr *self, cairo_t *cr, double x, double y, double size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomQr, th_room_qr_free)

G_END_DECLS
