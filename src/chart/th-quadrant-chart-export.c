/* th-quadrant-chart-export.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "th-error.h"
#include "th-file-util.h"
#include "th-png.h"
#include "th-quadrant-chart-private.h"

/* Writing the chart to PNG, PDF and SVG files, whole or not at all. */

typedef enum
{
  FORMAT_PNG,
  FORMAT_PDF,
  FORMAT_SVG,
} ExportFormat;

static cairo_status_t
append_to_byte_array_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
th_chart_pdf_surface_new (GByteArray *bytes, double width, double height, const char *title)
{
  cairo_surface_t *surface
    = cairo_pdf_surface_create_for_stream (append_to_byte_array_cb, bytes, width, height);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Two Hats");

  return surface;
}

static gboolean
format_for_path (const char *path, ExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("could not draw the chart: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* A surface of @format that writes into @bytes (PDF and SVG) or holds the
 * pixels to encode (PNG). */
static cairo_surface_t *
create_surface (ThQuadrantChart *self, ExportFormat format, GByteArray *bytes, int width,
                int height)
{
  cairo_surface_t *surface;

  switch (format)
    {
      case FORMAT_PDF:
        surface = th_chart_pdf_surface_new (
          bytes, width, height, self->title != NULL ? self->title : _ ("Quadrant chart"));
        break;
      case FORMAT_SVG:
        surface
          = cairo_svg_surface_create_for_stream (append_to_byte_array_cb, bytes, width, height);
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
        break;
      case FORMAT_PNG:
      default:
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
        break;
    }

  return surface;
}

/* Draws the chart on @surface and leaves the file's bytes in @bytes. */
static gboolean
draw_to_bytes (ThQuadrantChart *self, cairo_surface_t *surface, ExportFormat format, int width,
               int height, GByteArray *bytes, GError **error)
{
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  /* A picture file has no paper under it: a printed-style PNG gets white
   * where paper would be. */
  if (format == FORMAT_PNG && !th_chart_palette_get (self->style)->fill_background)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  th_quadrant_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    return th_png_encode (surface, self->title, bytes, error);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }

  return check_cairo (status, error);
}

gboolean
th_quadrant_chart_export (ThQuadrantChart *self, const char *path, int width, int height,
                          GError **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  ExportFormat format;
  gboolean drawn;

  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_for_path (path, &format))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE,
                   _ ("unknown chart format: the file name must end in .png, .pdf or .svg"));
      return FALSE;
    }

  /* Cairo's own limit for image surfaces. */
  if (width < 1 || height < 1 || width > 32767 || height > 32767)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE,
                   _ ("a chart of %d×%d cannot be drawn: each side must be from 1 to 32767"), width,
                   height);
      return FALSE;
    }

  bytes = g_byte_array_new ();
  surface = create_surface (self, format, bytes, width, height);
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  drawn = draw_to_bytes (self, surface, format, width, height, bytes, error);
  cairo_surface_destroy (surface);
  if (!drawn)
    return FALSE;

  return th_file_write_atomic (path, bytes->data, bytes->len, error);
}
