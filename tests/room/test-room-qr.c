/* test-room-qr.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The join screen's QR code, drawn by th_room_qr_draw() as the host page
 * draws it, must be read back by a real reader (zbarimg). */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "th-room-qr.h"

static char *zbarimg;

static void
check_decodes (const char *text, int side, double scale, double offset)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomQr) qr = th_room_qr_new (text, &error);
  g_autofree char *dir = g_dir_make_tmp ("two-hats-qr-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  const char *argv[] = { zbarimg, "--raw", "-q", NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  g_assert_no_error (error);
  png = g_build_filename (dir, "qr.png", NULL);

  /* A grey page around the code, as on a themed window. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (side * scale + 2 * offset),
                                        (int)ceil (side * scale + 2 * offset));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.22);
  cairo_paint (cr);
  cairo_translate (cr, offset, offset);
  cairo_scale (cr, scale, scale);
  th_room_qr_draw (qr, cr, 0, 0, side);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  argv[3] = png;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, &errors, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("zbarimg: %s", errors);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strchomp (output);
  g_assert_cmpstr (output, ==, text);

  g_unlink (png);
  g_rmdir (dir);
}

static void
test_decodes (void)
{
  const char *texts[] = {
    "http://192.168.1.20:41234/#ABC234",
    "http://127.0.0.1:8080/#Z9Y8X7",
    "http://[fd12:3456:789a:1::abcd]:65535/#HJKMNP",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      /* The sizes of a small window, a projector, and a fractional scale
       * (HiDPI at 125 %) that cannot give whole-pixel modules. */
      check_decodes (texts[i], 200, 1.0, 0);
      check_decodes (texts[i], 640, 1.0, 13);
      check_decodes (texts[i], 300, 1.25, 7.3);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  zbarimg = g_find_program_in_path ("zbarimg");
  if (zbarimg == NULL)
    {
      g_printerr ("zbarimg not found (apt-get install zbar-tools; tools/deps --tests does)\n");
      return 77;
    }

  g_test_add_func ("/room/qr/decodes", test_decodes);

  return g_test_run ();
}
