/* test-png.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart's PNG writer: what it writes reads back as the same pixels
 * (cairo's own PNG reader), opaque images become RGB and see-through ones
 * RGBA, and the title lands in a text chunk. */

#include "config.h"

#include <string.h>

#include "th-png.h"

typedef struct
{
  const guint8 *data;
  gsize length;
  gsize offset;
} ReadState;

static cairo_status_t
read_cb (void *closure, unsigned char *data, unsigned int length)
{
  ReadState *state = closure;

  if (state->offset + length > state->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, state->data + state->offset, length);
  state->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode (GByteArray *bytes)
{
  ReadState state = { bytes->data, bytes->len, 0 };
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_cb, &state);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* Colour type is byte 25 of the file: 8-byte signature, then IHDR's length,
 * type, width, height and bit depth. */
static guint8
colour_type (GByteArray *bytes)
{
  g_assert_cmpuint (bytes->len, >, 26);
  g_assert_cmpmem (bytes->data + 12, 4, "IHDR", 4);
  return bytes->data[25];
}

static cairo_surface_t *
draw_sample (gboolean opaque)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 97, 61);
  cairo_t *cr = cairo_create (surface);

  if (opaque)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_set_source_rgba (cr, 0.0, 0.45, 0.7, opaque ? 1.0 : 0.6);
  cairo_arc (cr, 40, 30, 20, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0.9, 0.6, 0.0, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, 0, 60);
  cairo_line_to (cr, 96, 3);
  cairo_stroke (cr);
  cairo_destroy (cr);

  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a, cairo_surface_t *b, guint tolerance)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *)(cairo_image_surface_get_data (a)
                                            + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *)(cairo_image_surface_get_data (b)
                                            + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 32; shift += 8)
          {
            int ca = (ra[x] >> shift) & 0xff;
            int cb = (rb[x] >> shift) & 0xff;

            if ((guint)ABS (ca - cb) > tolerance)
              g_error ("pixel %d,%d differs: %08x against %08x", x, y, ra[x], rb[x]);
          }
    }
}

static void
test_opaque_is_rgb (void)
{
  cairo_surface_t *surface = draw_sample (TRUE);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  cairo_surface_t *back;

  g_assert_true (th_png_encode (surface, "Workshop", bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (bytes->data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (colour_type (bytes), ==, 2); /* RGB */

  back = decode (bytes);
  assert_same_pixels (surface, back, 0);

  cairo_surface_destroy (back);
  cairo_surface_destroy (surface);
}

static void
test_translucent_is_rgba (void)
{
  cairo_surface_t *surface = draw_sample (FALSE);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  cairo_surface_t *back;

  g_assert_true (th_png_encode (surface, NULL, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (colour_type (bytes), ==, 6); /* RGBA */

  /* Premultiplied to straight and back rounds by at most one step. */
  back = decode (bytes);
  assert_same_pixels (surface, back, 1);

  cairo_surface_destroy (back);
  cairo_surface_destroy (surface);
}

static void
test_title_chunk (void)
{
  cairo_surface_t *surface = draw_sample (TRUE);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  const char *title = "Führung – Workshop";
  gboolean found = FALSE;

  g_assert_true (th_png_encode (surface, title, bytes, NULL));

  /* An iTXt chunk: keyword, NUL, compression flag and method, empty
   * language and translated keyword, then the UTF-8 text. */
  for (gsize i = 8; i + 12 <= bytes->len;)
    {
      const guint8 *type = bytes->data + i + 4;
      const guint8 *body = bytes->data + i + 8;
      guint32 length;

      /* Chunks start anywhere: no aligned loads. */
      memcpy (&length, bytes->data + i, sizeof length);
      length = GUINT32_FROM_BE (length);

      if (memcmp (type, "iTXt", 4) == 0 && length > 10 && memcmp (body, "Title\0\0\0\0\0", 10) == 0)
        {
          g_assert_cmpmem (body + 10, length - 10, title, strlen (title));
          found = TRUE;
        }
      i += 12 + length;
    }
  g_assert_true (found);

  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png/opaque-is-rgb", test_opaque_is_rgb);
  g_test_add_func ("/png/translucent-is-rgba", test_translucent_is_rgba);
  g_test_add_func ("/png/title-chunk", test_title_chunk);

  return g_test_run ();
}
