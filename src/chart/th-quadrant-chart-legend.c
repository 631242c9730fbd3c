/* th-quadrant-chart-legend.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-quadrant-chart-private.h"

/* The legend: a key of the quadrants with their counts, the group mean and
 * what the dots or shading of a crowd mean, and the names of the dots that
 * are numbered on the plot. */

/* The legend's key: the four quadrants, the mean, and in density modes a
 * note on what the shading or the dots mean. */
guint
th_quadrant_chart_legend_key_rows (ThQuadrantChart *self)
{
  return 4 + (self->points->len >= 2 ? 1 : 0) + (self->points->len > TH_CHART_DOTS_MAX ? 1 : 0);
}

/* Wide enough for a swatch, the longest quadrant name and a count. */
double
th_quadrant_chart_legend_key_width (ThQuadrantChart *self, const ThChartMetrics *m)
{
  double widest
    = th_chart_measure_string (self, _ ("Group mean"), m->legend, PANGO_WEIGHT_NORMAL, NULL);

  for (int q = TH_CHART_QUADRANT_FIRST; q <= TH_CHART_QUADRANT_LAST; q++)
    widest = MAX (widest, th_chart_measure_string (self, th_quadrant_get_display_name (q),
                                                   m->legend, PANGO_WEIGHT_NORMAL, NULL));

  return m->legend * 1.75 + widest + m->legend * 0.8
         + th_chart_measure_string (self, "00000", m->legend, PANGO_WEIGHT_BOLD, NULL);
}

/* Stacks @n rows of @heights top to bottom in columns of @column_width
 * inside @area; returns how many fit and the right edge and bottom used. */
static guint
flow_rows (const ThChartRect *area, double column_width, double column_gap, const double *heights,
           guint n, ThChartRect *out, double *used_right, double *used_bottom)
{
  double x = area->x;
  double y = area->y;
  guint placed = 0;

  *used_right = area->x;
  *used_bottom = area->y;

  for (guint i = 0; i < n; i++)
    {
      if (y + heights[i] > area->y + area->height + 0.01)
        {
          x += column_width + column_gap;
          y = area->y;
          if (x + column_width > area->x + area->width + 0.01 || heights[i] > area->height)
            break;
        }

      out[i] = (ThChartRect){ x, y, column_width, heights[i] };
      y += heights[i];
      *used_right = MAX (*used_right, x + column_width);
      *used_bottom = MAX (*used_bottom, y);
      placed++;
    }

  return placed;
}

static void
draw_legend_swatch (cairo_t *cr, const ThChartMetrics *m, const ThChartPalette *palette,
                    ThQuadrant q, double x, double cy, double size)
{
  const ThChartRgba *c = &palette->dot[q];
  ThChartDotLayout dot = { 0 };

  th_chart_path_rounded_rect (cr, x, cy - size / 2, size, size, size * 0.2);
  cairo_set_source_rgba (cr, c->r, c->g, c->b, MIN (1.0, palette->tint_alpha * 1.8));
  cairo_fill (cr);

  dot.x = x + size / 2;
  dot.y = cy;
  dot.radius = size * 0.26;
  dot.quadrant = q;
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  th_chart_draw_dot (cr, palette, &dot, MAX (m->px, dot.radius * 0.2));
}

/* Rows of the key in reading order: the quadrants clockwise from the best
 * balance, then the mean and the note on a crowd. */
static const ThQuadrant quadrant_order[] = {
  TH_QUADRANT_BALANCED,
  TH_QUADRANT_LEADERSHIP_DRIVEN,
  TH_QUADRANT_MANAGEMENT_DRIVEN,
  TH_QUADRANT_DEVELOPING,
};

/* The four quadrants, the mean and the note on a crowd. */
#define KEY_ROWS_MAX 6

/* One row of the key: its rectangle, the line its swatch centres on, and
 * where its text goes. */
typedef struct
{
  const ThChartRect *rect;
  double cy;
  double swatch;
  double text_x;
  double text_w;
} KeyRow;

/* Lays out the rows of the key in @area, in columns when the legend is
 * below the plot; returns how many fit, and the right edge and bottom
 * they used. */
static guint
layout_key (ThQuadrantChart *self, const ThChartMetrics *m, const ThChartPage *page,
            ThChartDrawMode mode, gboolean has_mean, ThChartRect *rects, double *used_right,
            double *used_bottom)
{
  const ThChartRect *area = &page->legend;
  double row = m->legend * 1.75;
  double heights[KEY_ROWS_MAX];
  guint n = 0;
  double width;

  for (guint i = 0; i < G_N_ELEMENTS (quadrant_order); i++)
    heights[n++] = row;
  if (has_mean)
    heights[n++] = row + m->legend * 1.1;
  if (mode != TH_CHART_MODE_DOTS)
    heights[n++] = row + m->legend * 1.1;

  if (page->legend_beside)
    width = area->width;
  else
    {
      /* As many columns as fit, sharing out the spare width, so that the
       * flow below comes to the same count as
       * th_quadrant_chart_compute_page() did. */
      double gap = m->legend * 1.5;
      double natural = MIN (area->width, th_quadrant_chart_legend_key_width (self, m));
      int columns = MAX (1, (int)((area->width + gap) / (natural + gap)));

      width = columns == 1 ? natural : (area->width + gap) / columns - gap;
    }

  return flow_rows (area, width, m->legend * 1.5, heights, n, rects, used_right, used_bottom);
}

static KeyRow
key_row (const ThChartMetrics *m, const ThChartRect *rect)
{
  double swatch = m->legend * 1.15;
  double text_x_offset = swatch + m->legend * 0.6;

  return (KeyRow){
    .rect = rect,
    .cy = rect->y + m->legend * 1.75 / 2,
    .swatch = swatch,
    .text_x = rect->x + text_x_offset,
    .text_w = rect->width - text_x_offset,
  };
}

/* A quadrant's swatch, its name and how many people it holds. */
static void
draw_quadrant_row (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                   const ThChartPalette *palette, const KeyRow *row, ThQuadrant q)
{
  const ThChartRect *r = row->rect;
  char count[16];
  double count_w;

  g_snprintf (count, sizeof count, "%'u", self->counts[q]);
  draw_legend_swatch (cr, m, palette, q, r->x, row->cy, row->swatch);
  count_w = th_chart_draw_string (self, cr, count, m->legend, PANGO_WEIGHT_BOLD, -1,
                                  r->x + r->width, row->cy - m->legend * 0.6, 1.0, &palette->ink);
  th_chart_draw_string (self, cr, th_quadrant_get_display_name (q), m->legend, PANGO_WEIGHT_NORMAL,
                        row->text_w - count_w - m->legend * 0.5, row->text_x,
                        row->cy - m->legend * 0.6, 0.0, &palette->ink);
}

/* The mean's marker and its scores, in short when the long form does not
 * fit. */
static void
draw_mean_row (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
               const ThChartPalette *palette, const KeyRow *row, double mean_l, double mean_m)
{
  g_autofree char *detail = NULL;

  th_chart_draw_mean_marker (cr, palette, row->rect->x + row->swatch / 2, row->cy,
                             row->swatch * 0.3, MAX (m->px, m->line * 1.6));
  th_chart_draw_string (self, cr, _ ("Group mean"), m->legend, PANGO_WEIGHT_NORMAL, row->text_w,
                        row->text_x, row->cy - m->legend * 0.6, 0.0, &palette->ink);
  /* Translators: the mean scores, shown under "Group mean" */
  detail = g_strdup_printf (_ ("leadership %.0f · management %.0f"), mean_l, mean_m);
  if (th_chart_measure_string (self, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, NULL)
      > row->text_w)
    {
      g_free (detail);
      /* Translators: a short form of "leadership 62 · management 48" */
      detail = g_strdup_printf (_ ("L %.0f · M %.0f"), mean_l, mean_m);
    }
  th_chart_draw_string (self, cr, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, row->text_w,
                        row->text_x, row->cy + m->legend * 0.55, 0.0, &palette->ink_secondary);
}

/* A strip from light to dark, as the density map shades its cells. */
static void
draw_heat_swatch (cairo_t *cr, const ThChartMetrics *m, const ThChartPalette *palette,
                  const KeyRow *row)
{
  const ThChartRect *r = row->rect;

  for (int k = 0; k < 4; k++)
    {
      const ThChartRgba *c = &palette->dot[TH_QUADRANT_BALANCED];

      cairo_set_source_rgba (cr, c->r, c->g, c->b, 0.15 + 0.85 * sqrt ((k + 1) / 4.0));
      cairo_rectangle (cr, r->x + k * row->swatch / 4, row->cy - row->swatch / 2,
                       row->swatch / 4 + m->px, row->swatch);
      cairo_fill (cr);
    }
}

/* Two translucent dots overlapping, as a crowd's dots deepen where they
 * pile up. */
static void
draw_crowd_swatch (cairo_t *cr, const ThChartPalette *palette, const KeyRow *row)
{
  ThChartDotLayout dot = { 0 };

  dot.x = row->rect->x + row->swatch / 2;
  dot.y = row->cy;
  dot.radius = row->swatch * 0.2;
  dot.quadrant = TH_QUADRANT_BALANCED;
  for (int k = -1; k <= 1; k += 2)
    {
      dot.x = row->rect->x + row->swatch / 2 + k * row->swatch * 0.15;
      th_quadrant_chart_path_marker (cr, dot.quadrant, dot.x, dot.y, dot.radius);
      cairo_set_source_rgba (cr, palette->dot[1].r, palette->dot[1].g, palette->dot[1].b,
                             palette->crowd_alpha);
      cairo_fill (cr);
    }
}

/* In the density modes: what the shading or the small dots stand for. */
static void
draw_density_row (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                  const ThChartPalette *palette, const KeyRow *row, ThChartDrawMode mode,
                  guint heat_max)
{
  g_autofree char *detail = NULL;

  if (mode == TH_CHART_MODE_HEAT)
    {
      draw_heat_swatch (cr, m, palette, row);
      th_chart_draw_string (self, cr, _ ("Shaded by how many"), m->legend, PANGO_WEIGHT_NORMAL,
                            row->text_w, row->text_x, row->cy - m->legend * 0.6, 0.0,
                            &palette->ink);
      detail = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "darkest: %'u person", "darkest: %'u people", heat_max),
        heat_max);
    }
  else
    {
      draw_crowd_swatch (cr, palette, row);
      th_chart_draw_string (self, cr, _ ("One dot per person"), m->legend, PANGO_WEIGHT_NORMAL,
                            row->text_w, row->text_x, row->cy - m->legend * 0.6, 0.0,
                            &palette->ink);
      detail = g_strdup (self->anonymous ? _ ("numbered where there is room")
                                         : _ ("named where there is room"));
    }
  th_chart_draw_string (self, cr, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, row->text_w,
                        row->text_x, row->cy + m->legend * 0.55, 0.0, &palette->ink_secondary);
}

/* The points whose names gave way to numbers on the plot. */
static GArray *
collect_numbered (ThQuadrantChart *self)
{
  GArray *numbered = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->layout->len; i++)
    if (self->states[i].kind == TH_CHART_LABEL_NUMBER)
      g_array_append_val (numbered, i);

  return numbered;
}

/* What the key left of the legend: below it when the legend is beside the
 * plot, to its right when it is below. */
static ThChartRect
numbered_list_area (const ThChartMetrics *m, const ThChartPage *page, double used_right,
                    double used_bottom)
{
  const ThChartRect *area = &page->legend;

  if (page->legend_beside)
    return (ThChartRect){ area->x, used_bottom + m->legend * 1.2, area->width,
                          area->y + area->height - used_bottom - m->legend * 1.2 };

  return (ThChartRect){ used_right + m->legend * 2, area->y,
                        area->x + area->width - used_right - m->legend * 2, area->height };
}

/* The numbered dots' names in columns under a heading; when they do not
 * all fit, the last place says how many more there are. */
static void
draw_numbered_list (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                    const ThChartPalette *palette, const ThChartRect *list_area, GArray *numbered)
{
  double item = m->legend * 1.45;
  double heading = m->legend * 1.9;
  double number_width = th_chart_measure_string (self, "0000", m->legend, PANGO_WEIGHT_BOLD, NULL);
  double column_width = MAX (m->legend * 10, number_width * 3);
  double column_gap = m->legend * 1.2;
  int columns = (int)floor ((list_area->width + column_gap) / (column_width + column_gap));
  int rows = (int)floor ((list_area->height - heading) / item);
  guint capacity;
  guint shown;

  if (columns < 1 || rows < 1)
    return;

  /* Share out spare width so columns fill the legend. */
  column_width = (list_area->width + column_gap) / columns - column_gap;
  capacity = (guint)(columns * rows);
  shown = numbered->len <= capacity ? numbered->len : capacity - 1;

  th_chart_draw_string (self, cr, _ ("Numbered dots"), m->legend, PANGO_WEIGHT_BOLD,
                        list_area->width, list_area->x, list_area->y, 0.0, &palette->ink);

  for (guint k = 0; k <= shown && k < numbered->len; k++)
    {
      double x = list_area->x + (k / rows) * (column_width + column_gap);
      double y = list_area->y + heading + (k % rows) * item;
      guint index = g_array_index (numbered, guint, k);
      const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, index);
      char number[16];

      if (k == shown)
        {
          g_autofree char *more
            = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %'u more", "… and %'u more",
                                            numbered->len - shown),
                               numbered->len - shown);

          th_chart_draw_string (self, cr, more, m->legend, PANGO_WEIGHT_NORMAL, column_width, x, y,
                                0.0, &palette->ink_secondary);
          break;
        }

      g_snprintf (number, sizeof number, "%u", th_quadrant_chart_get_point_number (self, index));
      th_chart_draw_string (self, cr, number, m->legend, PANGO_WEIGHT_BOLD, -1,
                            x + number_width * 0.75, y, 1.0, &palette->ink);
      th_chart_draw_string (self, cr, point->name != NULL ? point->name : point->id, m->legend,
                            PANGO_WEIGHT_NORMAL, column_width - number_width, x + number_width, y,
                            0.0, &palette->ink);
    }
}

void
th_quadrant_chart_draw_legend (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                               const ThChartPalette *palette, const ThChartPage *page,
                               ThChartDrawMode mode, guint heat_max)
{
  ThChartRect key_rects[KEY_ROWS_MAX];
  ThChartRect list_area;
  g_autoptr (GArray) numbered = NULL;
  double used_right, used_bottom;
  double mean_l = 0, mean_m = 0;
  gboolean has_mean = self->points->len >= 2 && th_quadrant_chart_get_mean (self, &mean_l, &mean_m);
  guint placed;

  if (page->legend.width < m->legend * 6 || page->legend.height < m->legend * 1.75)
    return;

  placed = layout_key (self, m, page, mode, has_mean, key_rects, &used_right, &used_bottom);
  for (guint i = 0; i < placed; i++)
    {
      KeyRow row = key_row (m, &key_rects[i]);

      if (i < G_N_ELEMENTS (quadrant_order))
        draw_quadrant_row (self, cr, m, palette, &row, quadrant_order[i]);
      else if (has_mean && i == G_N_ELEMENTS (quadrant_order))
        draw_mean_row (self, cr, m, palette, &row, mean_l, mean_m);
      else
        draw_density_row (self, cr, m, palette, &row, mode, heat_max);
    }

  /* Dots whose names gave way to numbers, keyed here.  Never in anonymous
   * mode: there the numbers are the point. */
  if (self->anonymous)
    return;
  numbered = collect_numbered (self);
  if (numbered->len == 0)
    return;

  list_area = numbered_list_area (m, page, used_right, used_bottom);
  draw_numbered_list (self, cr, m, palette, &list_area, numbered);
}
