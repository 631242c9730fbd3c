/* th-quadrant-chart-text.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-quadrant-chart-private.h"

/* Laying out and drawing text.  Every text of the chart is laid out in
 * the chart's one Pango context, so that label layouts can be cached. */

void
th_chart_text_clear (ThChartText *text)
{
  g_clear_object (&text->layout);
}

PangoContext *
th_quadrant_chart_get_pango_context (ThQuadrantChart *self)
{
  if (self->pango_context == NULL)
    {
      self->pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      self->font = pango_font_description_from_string (TH_CHART_FONT_FAMILY);
    }

  return self->pango_context;
}

void
th_chart_text_update_size (ThChartText *text, const PangoRectangle *logical)
{
  text->width = (double)logical->width / PANGO_SCALE;
  text->height = (double)logical->height / PANGO_SCALE;
  text->offset_x = (double)logical->x / PANGO_SCALE;
  text->offset_y = (double)logical->y / PANGO_SCALE;
}

/* Lays out @str at @size; a text wider than @max_width (when > 0) is
 * ellipsized at its end, which for right-to-left text is its left side. */
void
th_chart_text_init (ThQuadrantChart *self, ThChartText *text, const char *str, double size,
                    PangoWeight weight, double max_width)
{
  PangoContext *context = th_quadrant_chart_get_pango_context (self);
  g_autoptr (PangoFontDescription) desc = pango_font_description_copy_static (self->font);
  PangoRectangle logical;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);

  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, desc);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_extents (text->layout, NULL, &logical);

  if (max_width > 0 && logical.width > max_width * PANGO_SCALE)
    {
      pango_layout_set_width (text->layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (text->layout, NULL, &logical);
    }

  th_chart_text_update_size (text, &logical);
}

/* Like th_chart_text_init(), but a text wider than @max_width wraps onto
 * up to @max_lines lines before it is ellipsized. */
void
th_chart_text_init_wrapped (ThQuadrantChart *self, ThChartText *text, const char *str, double size,
                            PangoWeight weight, double max_width, int max_lines,
                            PangoAlignment alignment)
{
  PangoRectangle logical;

  th_chart_text_init (self, text, str, size, weight, -1);
  if (text->width <= max_width)
    return;

  pango_layout_set_single_paragraph_mode (text->layout, FALSE);
  pango_layout_set_width (text->layout, (int)(max_width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (text->layout, -max_lines);
  pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (text->layout, alignment);
  pango_layout_get_extents (text->layout, NULL, &logical);
  th_chart_text_update_size (text, &logical);
}

/* Draws @text with the top-left corner of its logical box at (x, y). */
void
th_chart_text_draw (cairo_t *cr, const ThChartText *text, double x, double y,
                    const ThChartRgba *color)
{
  th_chart_set_source (cr, color);
  cairo_move_to (cr, x - text->offset_x, y - text->offset_y);
  pango_cairo_show_layout (cr, text->layout);
}

/* Lays out, draws and frees a one-off text; returns its logical width. */
double
th_chart_draw_string (ThQuadrantChart *self, cairo_t *cr, const char *str, double size,
                      PangoWeight weight, double max_width, double x, double y, double align,
                      const ThChartRgba *color)
{
  ThChartText text = { NULL };
  double width;

  th_chart_text_init (self, &text, str, size, weight, max_width);
  th_chart_text_draw (cr, &text, x - align * text.width, y, color);
  width = text.width;
  th_chart_text_clear (&text);

  return width;
}

double
th_chart_measure_string (ThQuadrantChart *self, const char *str, double size, PangoWeight weight,
                         double *height)
{
  ThChartText text = { NULL };
  double width;

  th_chart_text_init (self, &text, str, size, weight, -1);
  width = text.width;
  if (height != NULL)
    *height = text.height;
  th_chart_text_clear (&text);

  return width;
}
