/* th-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-file-util.h"
#include "th-page.h"
#include "th-quadrant-chart.h"

PangoLayout *
th_page_layout_new (cairo_t *cr, const char *text, double size, PangoWeight weight, double width,
                    PangoAlignment alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (TH_CHART_FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics would make the text a little wider or narrower than
   * the same text in a print preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

double
th_page_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
th_page_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

double
th_page_draw_text (cairo_t *cr, const char *text, double x, double y, double size,
                   PangoWeight weight, double width, PangoAlignment alignment,
                   const ThChartRgba *colour)
{
  g_autoptr (PangoLayout) layout = th_page_layout_new (cr, text, size, weight, width, alignment);

  th_chart_set_source (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  return th_page_layout_height (layout);
}

double
th_page_measure_text (cairo_t *cr, const char *text, double size, PangoWeight weight, double width)
{
  g_autoptr (PangoLayout) layout
    = th_page_layout_new (cr, text, size, weight, width, PANGO_ALIGN_LEFT);

  return th_page_layout_height (layout);
}

/* The number is centred on its ink rather than its line box, which sits
 * visibly high in a circle this small. */
void
th_page_draw_badge (cairo_t *cr, const char *text, double cx, double cy, double radius, double size,
                    const ThChartRgba *fill, const ThChartRgba *colour)
{
  g_autoptr (PangoLayout) layout
    = th_page_layout_new (cr, text, size, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  PangoRectangle ink_rect;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  th_chart_set_source (cr, fill);
  cairo_fill (cr);

  pango_layout_get_extents (layout, &ink_rect, NULL);
  th_chart_set_source (cr, colour);
  cairo_move_to (cr, cx - (ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 cy - (ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

const char *
th_page_session_title (ThSession *session)
{
  const char *title = th_session_get_title (session);

  return title != NULL && *title != '\0' ? title : _ ("Leadership and management workshop");
}

void
th_page_draw_rule (cairo_t *cr, double y, double width, double line_width,
                   const ThChartRgba *colour)
{
  th_chart_set_source (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
}

char *
th_page_format_date (GDateTime *date)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  local = g_date_time_to_local (date);

  /* Translators: the date on printed pages, see strftime(3); e.g. "2 March 2026". */
  return g_date_time_format (local, _ ("%-d %B %Y"));
}

double
th_page_draw_running_header (cairo_t *cr, const char *left, GDateTime *date, double width)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *day = th_page_format_date (date);
  g_autoptr (PangoLayout) right
    = th_page_layout_new (cr, day, 8.5, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT);
  double right_width = th_page_layout_width (right);
  double height;

  height = th_page_draw_text (cr, left, 0, 0, 8.5, PANGO_WEIGHT_NORMAL, width - right_width - 12,
                              PANGO_ALIGN_LEFT, &palette->chart->ink_secondary);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  th_chart_set_source (cr, &palette->chart->ink_secondary);
  cairo_move_to (cr, width - right_width, 0);
  pango_cairo_show_layout (cr, right);

  height = MAX (height, th_page_layout_height (right)) + 6;
  th_page_draw_rule (cr, height, width, 0.6, &palette->rule);

  return height + 1;
}

/* Writing PDF files -------------------------------------------------------- */

static gboolean
check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("could not draw the pages: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

gboolean
th_page_write_pdf (const char *path, const char *title, ThPagePaginateFunc paginate,
                   ThPageDrawFunc draw, gpointer data, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  double width = TH_PAGE_A4_WIDTH - TH_PAGE_MARGIN_LEFT - TH_PAGE_MARGIN_RIGHT;
  double height = TH_PAGE_A4_HEIGHT - TH_PAGE_MARGIN_TOP - TH_PAGE_MARGIN_BOTTOM;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (paginate != NULL && draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = th_chart_pdf_surface_new (bytes, TH_PAGE_A4_WIDTH, TH_PAGE_A4_HEIGHT, title);
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  n_pages = paginate (data, cr, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, TH_PAGE_MARGIN_LEFT, TH_PAGE_MARGIN_TOP);
      draw (data, cr, width, height, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return FALSE;

  return th_file_write_atomic (path, bytes->data, bytes->len, error);
}
