/* th-room-qr.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <qrencode.h>

#include "th-room-qr.h"

struct _ThRoomQr
{
  guint width;
  guint8 *modules; /* width × width, 1 = dark */
};

ThRoomQr *
th_room_qr_new (const char *text, GError **error)
{
  QRcode *code;
  ThRoomQr *self;

  g_return_val_if_fail (text != NULL, NULL);

  /* Level M survives a smudged projector or a phone at an angle and still
   * keeps a join URL at a small version (few, large modules). */
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not make a QR code: %s"), g_strerror (saved_errno));
      return NULL;
    }

  self = g_new0 (ThRoomQr, 1);
  self->width = (guint)code->width;
  self->modules = g_malloc ((gsize)self->width * self->width);
  for (guint i = 0; i < self->width * self->width; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return self;
}

void
th_room_qr_free (ThRoomQr *self)
{
  if (self == NULL)
    return;

  g_free (self->modules);
  g_free (self);
}

guint
th_room_qr_get_width (ThRoomQr *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->width;
}

gboolean
th_room_qr_get_module (ThRoomQr *self, guint x, guint y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (x < self->width && y < self->width, FALSE);

  return self->modules[y * self->width + x] != 0;
}

void
th_room_qr_draw (ThRoomQr *self, cairo_t *cr, double x, double y, double size)
{
  guint total;
  double module, origin_x, origin_y, dx = 1, dy = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  total = self->width + 2 * TH_ROOM_QR_QUIET_ZONE;
  module = size / total;

  cairo_save (cr);

  /* When one user unit maps to an axis-aligned number of device pixels,
   * round the module to whole pixels and centre the code: blurred module
   * edges are what makes a projected QR code hard to read. */
  cairo_user_to_device_distance (cr, &dx, &dy);
  if (dy == 0 && dx > 0)
    {
      double device_module = floor (module * dx);

      if (device_module >= 1)
        module = device_module / dx;
    }
  origin_x = x + (size - module * total) / 2;
  origin_y = y + (size - module * total) / 2;
  if (dy == 0 && dx > 0)
    {
      cairo_user_to_device (cr, &origin_x, &origin_y);
      origin_x = round (origin_x);
      origin_y = round (origin_y);
      cairo_device_to_user (cr, &origin_x, &origin_y);
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint row = 0; row < self->width; row++)
    for (guint col = 0; col < self->width; col++)
      if (self->modules[row * self->width + col])
        cairo_rectangle (cr, origin_x + (col + TH_ROOM_QR_QUIET_ZONE) * module,
                         origin_y + (row + TH_ROOM_QR_QUIET_ZONE) * module, module, module);
  cairo_fill (cr);

  cairo_restore (cr);
}
