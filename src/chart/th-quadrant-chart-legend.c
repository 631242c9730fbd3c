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

void
th_quadrant_chart_draw_legend (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                               const ThChartPalette *palette, const ThChartPage *page,
                               ThChartDrawMode mode, guint heat_max)
{
  /* Rows in reading order: the quadrants clockwise from the best balance. */
  static const ThQuadrant quadrant_order[] = {
    TH_QUADRANT_BALANCED,
    TH_QUADRANT_LEADERSHIP_DRIVEN,
    TH_QUADRANT_MANAGEMENT_DRIVEN,
    TH_QUADRANT_DEVELOPING,
  };
  const ThChartRect *area = &page->legend;
  double row = m->legend * 1.75;
  double swatch = m->legend * 1.15;
  double text_x_offset = swatch + m->legend * 0.6;
  double key_heights[6];
  ThChartRect key_rects[6];
  guint n_key = 0;
  double key_width;
  double used_right, used_bottom;
  double mean_l = 0, mean_m = 0;
  gboolean has_mean = self->points->len >= 2 && th_quadrant_chart_get_mean (self, &mean_l, &mean_m);
  g_autoptr (GArray) numbered = g_array_new (FALSE, FALSE, sizeof (guint));
  ThChartRect list_area;
  guint placed;

  if (area->width < m->legend * 6 || area->height < row)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (quadrant_order); i++)
    key_heights[n_key++] = row;
  if (has_mean)
    key_heights[n_key++] = row + m->legend * 1.1;
  if (mode != TH_CHART_MODE_DOTS)
    key_heights[n_key++] = row + m->legend * 1.1;

  if (page->legend_beside)
    key_width = area->width;
  else
    {
      /* As many columns as fit, sharing out the spare width, so that the
       * flow below comes to the same count as
       * th_quadrant_chart_compute_page() did. */
      double gap = m->legend * 1.5;
      double natural = MIN (area->width, th_quadrant_chart_legend_key_width (self, m));
      int columns = MAX (1, (int)((area->width + gap) / (natural + gap)));

      key_width = columns == 1 ? natural : (area->width + gap) / columns - gap;
    }
  placed = flow_rows (area, key_width, m->legend * 1.5, key_heights, n_key, key_rects, &used_right,
                      &used_bottom);

  for (guint i = 0; i < placed; i++)
    {
      const ThChartRect *r = &key_rects[i];
      double cy = r->y + row / 2;
      double text_x = r->x + text_x_offset;
      double text_w = r->width - text_x_offset;

      if (i < G_N_ELEMENTS (quadrant_order))
        {
          ThQuadrant q = quadrant_order[i];
          char count[16];
          double count_w;

          g_snprintf (count, sizeof count, "%'u", self->counts[q]);
          draw_legend_swatch (cr, m, palette, q, r->x, cy, swatch);
          count_w
            = th_chart_draw_string (self, cr, count, m->legend, PANGO_WEIGHT_BOLD, -1,
                                    r->x + r->width, cy - m->legend * 0.6, 1.0, &palette->ink);
          th_chart_draw_string (self, cr, th_quadrant_get_display_name (q), m->legend,
                                PANGO_WEIGHT_NORMAL, text_w - count_w - m->legend * 0.5, text_x,
                                cy - m->legend * 0.6, 0.0, &palette->ink);
        }
      else if (has_mean && i == G_N_ELEMENTS (quadrant_order))
        {
          g_autofree char *detail = NULL;

          th_chart_draw_mean_marker (cr, palette, r->x + swatch / 2, cy, swatch * 0.3,
                                     MAX (m->px, m->line * 1.6));
          th_chart_draw_string (self, cr, _ ("Group mean"), m->legend, PANGO_WEIGHT_NORMAL, text_w,
                                text_x, cy - m->legend * 0.6, 0.0, &palette->ink);
          /* Translators: the mean scores, shown under "Group mean" */
          detail = g_strdup_printf (_ ("leadership %.0f · management %.0f"), mean_l, mean_m);
          if (th_chart_measure_string (self, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, NULL)
              > text_w)
            {
              g_free (detail);
              /* Translators: a short form of "leadership 62 · management 48" */
              detail = g_strdup_printf (_ ("L %.0f · M %.0f"), mean_l, mean_m);
            }
          th_chart_draw_string (self, cr, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, text_w,
                                text_x, cy + m->legend * 0.55, 0.0, &palette->ink_secondary);
        }
      else
        {
          g_autofree char *detail = NULL;

          if (mode == TH_CHART_MODE_HEAT)
            {
              for (int k = 0; k < 4; k++)
                {
                  const ThChartRgba *c = &palette->dot[TH_QUADRANT_BALANCED];

                  cairo_set_source_rgba (cr, c->r, c->g, c->b, 0.15 + 0.85 * sqrt ((k + 1) / 4.0));
                  cairo_rectangle (cr, r->x + k * swatch / 4, cy - swatch / 2, swatch / 4 + m->px,
                                   swatch);
                  cairo_fill (cr);
                }
              th_chart_draw_string (self, cr, _ ("Shaded by how many"), m->legend,
                                    PANGO_WEIGHT_NORMAL, text_w, text_x, cy - m->legend * 0.6, 0.0,
                                    &palette->ink);
              detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "darkest: %'u person",
                                                     "darkest: %'u people", heat_max),
                                        heat_max);
            }
          else
            {
              ThChartDotLayout dot = { 0 };

              dot.x = r->x + swatch / 2;
              dot.y = cy;
              dot.radius = swatch * 0.2;
              dot.quadrant = TH_QUADRANT_BALANCED;
              for (int k = -1; k <= 1; k += 2)
                {
                  dot.x = r->x + swatch / 2 + k * swatch * 0.15;
                  th_quadrant_chart_path_marker (cr, dot.quadrant, dot.x, dot.y, dot.radius);
                  cairo_set_source_rgba (cr, palette->dot[1].r, palette->dot[1].g,
                                         palette->dot[1].b, palette->crowd_alpha);
                  cairo_fill (cr);
                }
              th_chart_draw_string (self, cr, _ ("One dot per person"), m->legend,
                                    PANGO_WEIGHT_NORMAL, text_w, text_x, cy - m->legend * 0.6, 0.0,
                                    &palette->ink);
              detail = g_strdup (self->anonymous ? _ ("numbered where there is room")
                                                 : _ ("named where there is room"));
            }
          th_chart_draw_string (self, cr, detail, m->legend * 0.85, PANGO_WEIGHT_NORMAL, text_w,
                                text_x, cy + m->legend * 0.55, 0.0, &palette->ink_secondary);
        }
    }

  /* Dots whose names gave way to numbers, keyed here.  Never in anonymous
   * mode: there the numbers are the point. */
  if (self->anonymous)
    return;
  for (guint i = 0; i < self->layout->len; i++)
    if (self->states[i].kind == TH_CHART_LABEL_NUMBER)
      g_array_append_val (numbered, i);
  if (numbered->len == 0)
    return;

  if (page->legend_beside)
    list_area = (ThChartRect){ area->x, used_bottom + m->legend * 1.2, area->width,
                               area->y + area->height - used_bottom - m->legend * 1.2 };
  else
    list_area = (ThChartRect){ used_right + m->legend * 2, area->y,
                               area->x + area->width - used_right - m->legend * 2, area->height };

  {
    double item = m->legend * 1.45;
    double heading = m->legend * 1.9;
    double number_width
      = th_chart_measure_string (self, "0000", m->legend, PANGO_WEIGHT_BOLD, NULL);
    double column_width = MAX (m->legend * 10, number_width * 3);
    double column_gap = m->legend * 1.2;
    int columns = (int)floor ((list_area.width + column_gap) / (column_width + column_gap));
    int rows = (int)floor ((list_area.height - heading) / item);
    guint capacity;
    guint shown;

    if (columns < 1 || rows < 1)
      return;

    /* Share out spare width so columns fill the legend. */
    column_width = (list_area.width + column_gap) / columns - column_gap;
    capacity = (guint)(columns * rows);
    shown = numbered->len <= capacity ? numbered->len : capacity - 1;

    th_chart_draw_string (self, cr, _ ("Numbered dots"), m->legend, PANGO_WEIGHT_BOLD,
                          list_area.width, list_area.x, list_area.y, 0.0, &palette->ink);

    for (guint k = 0; k <= shown && k < numbered->len; k++)
      {
        double x = list_area.x + (k / rows) * (column_width + column_gap);
        double y = list_area.y + heading + (k % rows) * item;
        guint index = g_array_index (numbered, guint, k);
        const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, index);
        char number[16];

        if (k == shown)
          {
            g_autofree char *more
              = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %'u more", "… and %'u more",
                                              numbered->len - shown),
                                 numbered->len - shown);

            th_chart_draw_string (self, cr, more, m->legend, PANGO_WEIGHT_NORMAL, column_width, x,
                                  y, 0.0, &palette->ink_secondary);
            break;
          }

        g_snprintf (number, sizeof number, "%u", index + 1);
        th_chart_draw_string (self, cr, number, m->legend, PANGO_WEIGHT_BOLD, -1,
                              x + number_width * 0.75, y, 1.0, &palette->ink);
        th_chart_draw_string (self, cr, point->name != NULL ? point->name : point->id, m->legend,
                              PANGO_WEIGHT_NORMAL, column_width - number_width, x + number_width, y,
                              0.0, &palette->ink);
      }
  }
}
