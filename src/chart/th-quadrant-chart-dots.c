/* th-quadrant-chart-dots.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-quadrant-chart-private.h"

/* The dots: where each one goes, the marker of each quadrant, the mean,
 * and the ring around a highlighted dot. */

void
th_quadrant_chart_path_marker (cairo_t *cr, ThQuadrant quadrant, double x, double y, double r)
{
  switch (quadrant)
    {
      case TH_QUADRANT_MANAGEMENT_DRIVEN:
        /* A square of the same area as the circle looks the same size. */
        cairo_rectangle (cr, x - r * 0.886, y - r * 0.886, r * 1.772, r * 1.772);
        break;
      case TH_QUADRANT_LEADERSHIP_DRIVEN:
        cairo_move_to (cr, x, y - r * 1.3);
        cairo_line_to (cr, x + r * 1.2, y + r * 0.8);
        cairo_line_to (cr, x - r * 1.2, y + r * 0.8);
        cairo_close_path (cr);
        break;
      case TH_QUADRANT_DEVELOPING:
        cairo_move_to (cr, x, y - r * 1.3);
        cairo_line_to (cr, x + r * 1.3, y);
        cairo_line_to (cr, x, y + r * 1.3);
        cairo_line_to (cr, x - r * 1.3, y);
        cairo_close_path (cr);
        break;
      case TH_QUADRANT_BALANCED:
      case TH_QUADRANT_NONE:
      default:
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, r, 0, 2 * G_PI);
        break;
    }
}

void
th_chart_path_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double radius)
{
  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The group mean: a ring with four ticks pointing at its centre, unlike
 * any dot shape, and open in the middle so a dot under it stays visible. */
void
th_chart_draw_mean_marker (cairo_t *cr, const ThChartPalette *palette, double x, double y, double r,
                           double line)
{
  /* Where the ticks start: on a small marker, ticks (and their halo) that
   * reached further in would fill the ring. */
  double inner = MAX (r * 0.45, line * 2.5);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* A halo in the background colour keeps the marker visible over dots. */
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      for (int k = 0; k < 4; k++)
        {
          double dx = k == 0 ? 1 : k == 1 ? -1 : 0;
          double dy = k == 2 ? 1 : k == 3 ? -1 : 0;

          cairo_move_to (cr, x + dx * inner, y + dy * inner);
          cairo_line_to (cr, x + dx * r * 1.65, y + dy * r * 1.65);
        }
      if (pass == 0)
        {
          th_chart_set_source (cr, &palette->background);
          cairo_set_line_width (cr, line * 2.6);
        }
      else
        {
          th_chart_set_source (cr, &palette->ink);
          cairo_set_line_width (cr, line);
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}
ThChartDrawMode
th_chart_draw_mode_for (guint n_points)
{
  if (n_points <= TH_CHART_DOTS_MAX)
    return TH_CHART_MODE_DOTS;
  if (n_points <= TH_CHART_SCATTER_MAX)
    return TH_CHART_MODE_SCATTER;
  return TH_CHART_MODE_HEAT;
}

void
th_quadrant_chart_compute_dot_layout (ThQuadrantChart *self, const ThChartMetrics *m,
                                      ThChartDrawMode mode)
{
  double radius = mode == TH_CHART_MODE_HEAT ? MAX (m->px * 2, m->dot_radius * 0.5) : m->dot_radius;

  g_array_set_size (self->layout, self->points->len);
  memset (self->counts, 0, sizeof self->counts);

  for (guint i = 0; i < self->points->len; i++)
    {
      const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, i);
      ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);

      *dot = (ThChartDotLayout){ 0 };
      dot->index = i;
      dot->x = th_quadrant_chart_score_to_x (self, point->management);
      dot->y = th_quadrant_chart_score_to_y (self, point->leadership);
      dot->radius = radius;
      dot->quadrant
        = th_quadrant_for_scores (point->leadership, point->management, self->threshold);
      self->counts[dot->quadrant < TH_CHART_N_QUADRANTS ? dot->quadrant : 0]++;

      self->states[i].label = NULL;
      self->states[i].kind = TH_CHART_LABEL_NONE;
      self->states[i].has_leader = FALSE;
    }
}

void
th_chart_draw_dot (cairo_t *cr, const ThChartPalette *palette, const ThChartDotLayout *dot,
                   double outline)
{
  th_quadrant_chart_path_marker (cr, dot->quadrant, dot->x, dot->y, dot->radius);
  th_chart_set_source (cr, &palette->dot[dot->quadrant < TH_CHART_N_QUADRANTS ? dot->quadrant : 0]);
  if (outline > 0)
    {
      cairo_fill_preserve (cr);
      th_chart_set_source (cr, &palette->dot_outline);
      cairo_set_line_width (cr, outline);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

void
th_quadrant_chart_draw_dots (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                             const ThChartPalette *palette, ThChartDrawMode mode)
{
  double outline = MAX (m->px, m->dot_radius * 0.25) * sqrt (palette->line_scale);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (mode == TH_CHART_MODE_DOTS)
    {
      for (guint i = 0; i < self->layout->len; i++)
        if ((int)i != self->highlight)
          th_chart_draw_dot (cr, palette, &g_array_index (self->layout, ThChartDotLayout, i),
                             outline);
    }
  else
    {
      /* Translucent and unoutlined, so that where dots pile up the colour
       * deepens and the crowd reads as density. */
      for (guint i = 0; i < self->layout->len; i++)
        {
          const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);
          const ThChartRgba *c
            = &palette->dot[dot->quadrant < TH_CHART_N_QUADRANTS ? dot->quadrant : 0];

          th_quadrant_chart_path_marker (cr, dot->quadrant, dot->x, dot->y, dot->radius);
          cairo_set_source_rgba (cr, c->r, c->g, c->b, palette->crowd_alpha);
          cairo_fill (cr);
        }
    }

  cairo_restore (cr);
}
/* The ring around a highlighted dot: its radius and line width.  The
 * halo drawn under it reaches @ring_width further. */
void
th_chart_highlight_ring (const ThChartMetrics *m, const ThChartDotLayout *dot, double *ring,
                         double *ring_width)
{
  *ring_width = MAX (2 * m->px, m->dot_radius * 0.4);
  *ring = th_chart_dot_extent (MAX (dot->radius, m->dot_radius)) + *ring_width * 1.2;
}
void
th_quadrant_chart_draw_highlight (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                  const ThChartPalette *palette)
{
  const ThChartDotLayout *dot;
  double outline = MAX (m->px, m->dot_radius * 0.25) * sqrt (palette->line_scale);
  double ring_width;
  double ring;

  if (self->highlight < 0 || (guint)self->highlight >= self->layout->len)
    return;

  dot = &g_array_index (self->layout, ThChartDotLayout, self->highlight);
  th_chart_highlight_ring (m, dot, &ring, &ring_width);

  cairo_save (cr);
  if (dot->radius < m->dot_radius)
    {
      /* In density modes the selected person is drawn as a full dot. */
      ThChartDotLayout big = *dot;

      big.radius = m->dot_radius;
      th_chart_draw_dot (cr, palette, &big, outline);
    }
  else
    th_chart_draw_dot (cr, palette, dot, outline);

  cairo_arc (cr, dot->x, dot->y, ring, 0, 2 * G_PI);
  th_chart_set_source (cr, &palette->background);
  cairo_set_line_width (cr, ring_width * 2);
  cairo_stroke_preserve (cr);
  th_chart_set_source (cr, &palette->ink);
  cairo_set_line_width (cr, ring_width);
  cairo_stroke (cr);
  cairo_restore (cr);
}
