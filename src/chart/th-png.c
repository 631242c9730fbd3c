/* th-png.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart's PNG writer.  cairo_surface_write_to_png() always writes
 * RGBA with every row filter tried at zlib's default level: for a chart
 * of 1600×1200 that is about 80 ms, most of an export.  A chart is large
 * flat areas and thin lines, which deflate compresses well without row
 * filters, so this writes RGB (RGBA only when a pixel is see-through) at
 * level 3 with no filter: about 18 ms, and the file is smaller too. */

#include "config.h"

#include "th-png.h"

#include <glib/gi18n-lib.h>
#include <png.h>
#include <setjmp.h>

#define TH_PNG_LEVEL 3

typedef struct
{
  GByteArray *bytes;
  char message[256];
} WriteState;

static void
write_cb (png_structp png, png_bytep data, png_size_t length)
{
  WriteState *state = png_get_io_ptr (png);

  g_byte_array_append (state->bytes, data, (guint)length);
}

static void
flush_cb (png_structp png)
{
}

static void
error_cb (png_structp png, png_const_charp message)
{
  WriteState *state = png_get_error_ptr (png);

  g_strlcpy (state->message, message, sizeof state->message);
  png_longjmp (png, 1);
}

static void
warning_cb (png_structp png, png_const_charp message)
{
  g_debug ("PNG: %s", message);
}

static gboolean
surface_is_opaque (const guint8 *data, int width, int height, int stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(data + (gsize)y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          return FALSE;
    }

  return TRUE;
}

/* Cairo keeps native-endian premultiplied ARGB; PNG wants straight
 * R, G, B(, A) bytes. */
static void
convert_row (const guint32 *src, guint8 *out, int width, gboolean opaque)
{
  if (opaque)
    {
      for (int x = 0; x < width; x++)
        {
          guint32 pixel = src[x];

          out[3 * x] = (pixel >> 16) & 0xff;
          out[3 * x + 1] = (pixel >> 8) & 0xff;
          out[3 * x + 2] = pixel & 0xff;
        }
      return;
    }

  for (int x = 0; x < width; x++)
    {
      guint32 pixel = src[x];
      guint alpha = pixel >> 24;
      guint8 *o = out + 4 * x;

      if (alpha == 0)
        {
          o[0] = o[1] = o[2] = o[3] = 0;
          continue;
        }

      o[0] = (((pixel >> 16) & 0xff) * 255 + alpha / 2) / alpha;
      o[1] = (((pixel >> 8) & 0xff) * 255 + alpha / 2) / alpha;
      o[2] = ((pixel & 0xff) * 255 + alpha / 2) / alpha;
      o[3] = alpha;
    }
}

static void
add_text (png_structp png, png_infop info, const char *title)
{
  png_text text[2] = { 0 };
  int n = 0;

  text[n].compression = PNG_TEXT_COMPRESSION_NONE;
  text[n].key = (png_charp) "Software";
  text[n].text = (png_charp) "Two Hats";
  n++;

  /* PNG's tEXt is Latin-1; a UTF-8 title goes into an iTXt chunk. */
  if (title != NULL && *title != '\0')
    {
      text[n].compression = PNG_ITXT_COMPRESSION_NONE;
      text[n].key = (png_charp) "Title";
      text[n].text = (png_charp)title;
      text[n].lang = (png_charp) "";
      text[n].lang_key = (png_charp) "";
      n++;
    }

  png_set_text (png, info, text, n);
}

gboolean
th_png_encode (cairo_surface_t *surface, const char *title, GByteArray *bytes, GError **error)
{
  WriteState state = { bytes, "" };
  png_structp png;
  png_infop info = NULL;
  guint8 *volatile row = NULL;
  const guint8 *data;
  int width, height, stride;
  gboolean opaque;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, FALSE);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  opaque = surface_is_opaque (data, width, height, stride);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &state, error_cb, warning_cb);
  if (png != NULL)
    info = png_create_info_struct (png);
  if (png == NULL || info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _ ("could not write the PNG image: out of memory"));
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)) != 0)
    {
      g_free (row);
      png_destroy_write_struct (&png, &info);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("could not write the PNG image: %s"),
                   state.message);
      return FALSE;
    }

  png_set_write_fn (png, &state, write_cb, flush_cb);
  png_set_IHDR (png, info, width, height, 8, opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level (png, TH_PNG_LEVEL);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  add_text (png, info, title);
  png_write_info (png, info);

  row = g_malloc ((gsize)width * (opaque ? 3 : 4));
  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *)(data + (gsize)y * stride), row, width, opaque);
      png_write_row (png, row);
    }
  png_write_end (png, info);

  g_free (row);
  png_destroy_write_struct (&png, &info);

  return TRUE;
}
