/* th-quadrant-chart-plot.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-quadrant-chart-private.h"

/* The plot: its quadrant tints, grid and threshold lines, the names of
 * the quadrants, the axes with their ticks and titles, and the message
 * an empty chart shows in their place. */

/* Adds to @cr's path a line through @x from top to bottom of the plot and
 * one through @y from side to side: a grid line or the threshold. */
static void
path_plot_lines (ThQuadrantChart *self, cairo_t *cr, double x, double y)
{
  double x0 = self->plot_x;
  double y0 = self->plot_y;

  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y0 + self->plot_height);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0 + self->plot_width, y);
}

void
th_quadrant_chart_draw_plot_background (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                        const ThChartPalette *palette)
{
  double px = m->px;
  double x0 = self->plot_x;
  double y0 = self->plot_y;
  double x1 = x0 + self->plot_width;
  double y1 = y0 + self->plot_height;
  double tx = th_chart_snap (th_quadrant_chart_score_to_x (self, self->threshold), px);
  double ty = th_chart_snap (th_quadrant_chart_score_to_y (self, self->threshold), px);
  double line = m->line * palette->line_scale;
  ThChartRect rects[TH_CHART_N_QUADRANTS] = {
    [TH_QUADRANT_BALANCED] = { tx, y0, x1 - tx, ty - y0 },
    [TH_QUADRANT_LEADERSHIP_DRIVEN] = { x0, y0, tx - x0, ty - y0 },
    [TH_QUADRANT_MANAGEMENT_DRIVEN] = { tx, ty, x1 - tx, y1 - ty },
    [TH_QUADRANT_DEVELOPING] = { x0, ty, tx - x0, y1 - ty },
  };

  /* The plot itself is always filled, on paper too: the tints must mix
   * with white, not with whatever lies under a transparent PNG. */
  th_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_fill (cr);

  for (int q = TH_CHART_QUADRANT_FIRST; q <= TH_CHART_QUADRANT_LAST; q++)
    {
      const ThChartRgba *c = &palette->dot[q];

      cairo_set_source_rgba (cr, c->r, c->g, c->b, palette->tint_alpha);
      cairo_rectangle (cr, rects[q].x, rects[q].y, rects[q].width, rects[q].height);
      cairo_fill (cr);
    }

  /* Light grid lines at the ticks; the threshold gets its own line. */
  cairo_set_line_width (cr, line);
  th_chart_set_source (cr, &palette->grid);
  for (int v = 25; v <= 75; v += 25)
    {
      double gx = th_chart_snap (th_quadrant_chart_score_to_x (self, v), px)
                  + (fmod (line / px, 2) >= 1 ? px / 2 : 0);
      double gy = th_chart_snap (th_quadrant_chart_score_to_y (self, v), px)
                  + (fmod (line / px, 2) >= 1 ? px / 2 : 0);

      if (fabs (v - self->threshold) < 0.5)
        continue;
      path_plot_lines (self, cr, gx, gy);
    }
  cairo_stroke (cr);

  th_chart_set_source (cr, &palette->threshold);
  cairo_set_line_width (cr, MAX (1.5 * px, line * 2.2));
  path_plot_lines (self, cr, tx, ty);
  cairo_stroke (cr);

  th_chart_set_source (cr, &palette->frame);
  cairo_set_line_width (cr, line);
  cairo_rectangle (cr, x0 + line / 2, y0 + line / 2, x1 - x0 - line, y1 - y0 - line);
  cairo_stroke (cr);
}
static guint
count_dots_near (ThQuadrantChart *self, const ThChartRect *box, double margin, guint enough)
{
  ThChartRect near
    = { box->x - margin, box->y - margin, box->width + 2 * margin, box->height + 2 * margin };
  guint count = 0;

  for (guint i = 0; i < self->layout->len && count < enough; i++)
    {
      const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);

      if (dot->x >= near.x && dot->x <= near.x + near.width && dot->y >= near.y
          && dot->y <= near.y + near.height)
        count++;
    }

  return count;
}

static void
move_quadrant_name (ThChartQuadrantName *qn, const ThChartRect *r, double inset, gboolean at_right,
                    gboolean at_top)
{
  qn->x = at_right ? r->x + r->width - inset - qn->text.width : r->x + inset;
  qn->y = at_top ? r->y + inset * 0.7 : r->y + r->height - inset * 0.7 - qn->text.height;

  if (qn->right_aligned != at_right)
    {
      PangoRectangle logical;

      qn->right_aligned = at_right;
      pango_layout_set_alignment (qn->text.layout, at_right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_get_extents (qn->text.layout, NULL, &logical);
      th_chart_text_update_size (&qn->text, &logical);
    }
}

/* A quadrant's name belongs in its outer corner.  When people sit there
 * (top scores are common) and another corner of the quadrant is free, it
 * moves there, so that it neither hides them nor crowds out their labels.
 * Over a crowd no corner is free and the name stays put on a backdrop. */
static void
place_quadrant_name (ThQuadrantChart *self, ThChartQuadrantName *qn, const ThChartRect *r,
                     double inset, gboolean right, gboolean top)
{
  move_quadrant_name (qn, r, inset, right, top);
  if (self->points->len > TH_CHART_DOTS_MAX)
    return;

  /* The outer corner, then the two along the outer edges, then the
   * inner corner by the threshold lines. */
  for (int corner = 0; corner < 4; corner++)
    {
      gboolean at_right = corner == 0 || corner == 2 ? right : !right;
      gboolean at_top = corner == 0 || corner == 1 ? top : !top;
      ThChartRect box = { 0, 0, qn->text.width, qn->text.height };

      box.x = at_right ? r->x + r->width - inset - box.width : r->x + inset;
      box.y = at_top ? r->y + inset * 0.7 : r->y + r->height - inset * 0.7 - box.height;

      if (count_dots_near (self, &box, inset * 2, 1) == 0)
        {
          move_quadrant_name (qn, r, inset, at_right, at_top);
          return;
        }
    }
}

/* The name of each quadrant goes in its outer corner.  They are laid out
 * before the dots, so that labels keep clear of them, and drawn after, so
 * that a crowd never hides them.  @boxes gets the box around each name
 * that labels keep off, which is also where its backdrop goes. */
guint
th_quadrant_chart_layout_quadrant_names (ThQuadrantChart *self, const ThChartMetrics *m,
                                         ThChartQuadrantName *names, ThChartRect *boxes)
{
  guint n_names = 0;

  for (int q = TH_CHART_QUADRANT_FIRST; q <= TH_CHART_QUADRANT_LAST; q++)
    {
      const char *name = th_quadrant_get_display_name (q);
      ThChartRect r = th_quadrant_chart_quadrant_rect (self, q);
      gboolean right = q == TH_QUADRANT_BALANCED || q == TH_QUADRANT_MANAGEMENT_DRIVEN;
      gboolean top = q == TH_QUADRANT_BALANCED || q == TH_QUADRANT_LEADERSHIP_DRIVEN;
      double inset = m->quadrant * 0.5;
      double size = m->quadrant;
      double min_size = MIN (7.0, m->quadrant);
      double width = th_chart_measure_string (self, name, size, PANGO_WEIGHT_BOLD, NULL);
      ThChartQuadrantName *qn = &names[n_names];

      /* A quadrant squeezed by a small page gets a smaller name, wrapped
       * onto two lines if need be; one squeezed by an extreme threshold
       * may get none at all: the legend still names it. */
      if (width > r.width - 2 * inset)
        size = MAX (min_size, size * (r.width - 2 * inset) / width);
      if (r.height < size * 1.3 + 2 * inset)
        size = (r.height - 2 * inset) / 1.3;
      if (size < min_size || r.width < min_size * 5)
        continue;

      qn->quadrant = q;
      qn->right_aligned = right;
      th_chart_text_init_wrapped (self, &qn->text, name, size, PANGO_WEIGHT_BOLD,
                                  r.width - 2 * inset,
                                  r.height > 2 * (size * 1.3 + 2 * inset) ? 2 : 1,
                                  right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      place_quadrant_name (self, qn, &r, inset, right, top);
      n_names++;
    }

  for (guint i = 0; i < n_names; i++)
    {
      double pad = MIN (names[i].text.height * 0.15, m->quadrant * 0.2);

      boxes[i] = (ThChartRect){ names[i].x - pad * 2, names[i].y - pad,
                                names[i].text.width + pad * 4, names[i].text.height + pad * 2 };
    }

  return n_names;
}

static gboolean
any_dot_under (ThQuadrantChart *self, const ThChartRect *box)
{
  for (guint i = 0; i < self->layout->len; i++)
    {
      const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);
      double e = th_chart_dot_extent (dot->radius);
      ThChartRect dot_box = { dot->x - e, dot->y - e, 2 * e, 2 * e };

      if (th_chart_rect_intersects (box, &dot_box))
        return TRUE;
    }

  return FALSE;
}

/* Names get a backdrop where dots lie under them (always, over a crowd)
 * and sit lightly on the tint elsewhere. */
void
th_quadrant_chart_draw_quadrant_names (ThQuadrantChart *self, cairo_t *cr,
                                       const ThChartPalette *palette, ThChartQuadrantName *names,
                                       const ThChartRect *boxes, guint n_names,
                                       double backdrop_alpha)
{
  gboolean crowd = self->points->len > TH_CHART_DOTS_MAX;

  for (guint i = 0; i < n_names; i++)
    {
      ThChartQuadrantName *qn = &names[i];

      if (crowd || any_dot_under (self, &boxes[i]))
        {
          th_chart_path_rounded_rect (cr, boxes[i].x, boxes[i].y, boxes[i].width, boxes[i].height,
                                      MIN (boxes[i].height * 0.3, qn->text.height * 0.15));
          cairo_set_source_rgba (cr, palette->background.r, palette->background.g,
                                 palette->background.b, backdrop_alpha);
          cairo_fill (cr);
        }
      th_chart_text_draw (cr, &qn->text, qn->x, qn->y, &palette->text[qn->quadrant]);
      th_chart_text_clear (&qn->text);
    }
}

static const int axis_ticks[] = { 0, 25, 50, 75, 100 };

static gboolean
threshold_is_tick (ThQuadrantChart *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (axis_ticks); i++)
    if (fabs (axis_ticks[i] - self->threshold) < 1e-9)
      return TRUE;

  return FALSE;
}

/* The tick marks.  Their labels and the axis titles come last of all, in
 * th_quadrant_chart_draw_axis_labels(): dots on the edges and in the
 * corners (scores of 0 and 100 are common) reach past the plot, and so
 * does the ring around a highlighted one. */
void
th_quadrant_chart_draw_axes (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                             const ThChartPalette *palette, const ThChartDecorations *d)
{
  double px = m->px;
  double x0 = self->plot_x;
  double y1 = self->plot_y + self->plot_height;
  double line = m->line * palette->line_scale;

  th_chart_set_source (cr, &palette->frame);
  cairo_set_line_width (cr, line);
  for (guint i = 0; i < G_N_ELEMENTS (axis_ticks); i++)
    {
      double tx = th_chart_snap (th_quadrant_chart_score_to_x (self, axis_ticks[i]), px);
      double ty = th_chart_snap (th_quadrant_chart_score_to_y (self, axis_ticks[i]), px);

      cairo_move_to (cr, tx, y1);
      cairo_line_to (cr, tx, y1 + d->tick_length);
      cairo_move_to (cr, x0, ty);
      cairo_line_to (cr, x0 - d->tick_length, ty);
    }
  cairo_stroke (cr);

  /* A threshold off the regular ticks gets its own mark where it crosses
   * the axes. */
  if (!threshold_is_tick (self))
    {
      double tx = th_quadrant_chart_score_to_x (self, self->threshold);
      double ty = th_quadrant_chart_score_to_y (self, self->threshold);

      th_chart_set_source (cr, &palette->threshold);
      cairo_set_line_width (cr, line);
      cairo_move_to (cr, th_chart_snap (tx, px), y1);
      cairo_line_to (cr, th_chart_snap (tx, px), y1 + d->tick_length);
      cairo_move_to (cr, x0, th_chart_snap (ty, px));
      cairo_line_to (cr, x0 - d->tick_length, th_chart_snap (ty, px));
      cairo_stroke (cr);
    }
}

/* Like th_chart_draw_string(), on a plate of the background colour just
 * larger than the ink: whatever was drawn there before gives way to the text.
 * (A halo around each glyph would look finer but costs more than the
 * rest of a small chart's draw.)  Where nothing lies under the text, the
 * plate is invisible. */
static void
draw_string_on_plate (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                      const ThChartPalette *palette, const char *str, double size,
                      PangoWeight weight, double x, double y, double align,
                      const ThChartRgba *color)
{
  ThChartText text = { NULL };
  PangoRectangle ink;
  double pad = MAX (m->px, size * 0.12);

  th_chart_text_init (self, &text, str, size, weight, -1);
  x -= align * text.width;

  pango_layout_get_extents (text.layout, &ink, NULL);
  th_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, x - text.offset_x + (double)ink.x / PANGO_SCALE - pad,
                   y - text.offset_y + (double)ink.y / PANGO_SCALE - pad,
                   (double)ink.width / PANGO_SCALE + 2 * pad,
                   (double)ink.height / PANGO_SCALE + 2 * pad);
  cairo_fill (cr);

  th_chart_text_draw (cr, &text, x, y, color);
  th_chart_text_clear (&text);
}

void
th_quadrant_chart_draw_axis_labels (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                    const ThChartPalette *palette, const ThChartDecorations *d)
{
  double x0 = self->plot_x;
  double y1 = self->plot_y + self->plot_height;
  gboolean on_tick = threshold_is_tick (self);
  double text_y = y1 + d->tick_length + m->gap * 0.4;
  double text_x = x0 - d->tick_length - m->gap * 0.4;
  /* Keep regular tick labels off the threshold's own label. */
  double threshold_gap_x = 100.0 * m->tick * 2.2 / self->plot_width;
  double threshold_gap_y = 100.0 * m->tick * 1.3 / self->plot_height;

  for (guint i = 0; i < G_N_ELEMENTS (axis_ticks); i++)
    {
      char text[8];
      gboolean is_threshold = fabs (axis_ticks[i] - self->threshold) < 1e-9;
      PangoWeight weight = is_threshold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
      const ThChartRgba *color = is_threshold ? &palette->ink : &palette->ink_secondary;
      double tx = th_quadrant_chart_score_to_x (self, axis_ticks[i]);
      double ty = th_quadrant_chart_score_to_y (self, axis_ticks[i]);

      g_snprintf (text, sizeof text, "%d", axis_ticks[i]);

      if (on_tick || fabs (axis_ticks[i] - self->threshold) >= threshold_gap_x)
        draw_string_on_plate (self, cr, m, palette, text, m->tick, weight, tx, text_y, 0.5, color);
      if (on_tick || fabs (axis_ticks[i] - self->threshold) >= threshold_gap_y)
        draw_string_on_plate (self, cr, m, palette, text, m->tick, weight, text_x,
                              ty - d->tick_text_height / 2, 1.0, color);
    }

  if (!on_tick)
    {
      g_autofree char *text = th_chart_format_threshold (self->threshold);
      double tx = th_quadrant_chart_score_to_x (self, self->threshold);
      double ty = th_quadrant_chart_score_to_y (self, self->threshold);

      draw_string_on_plate (self, cr, m, palette, text, m->tick, PANGO_WEIGHT_BOLD, tx, text_y, 0.5,
                            &palette->ink);
      draw_string_on_plate (self, cr, m, palette, text, m->tick, PANGO_WEIGHT_BOLD, text_x,
                            ty - d->tick_text_height / 2, 1.0, &palette->ink);
    }

  /* Each axis title sits at the high end of its axis, where its arrow
   * points: no rotated text to read sideways. */
  draw_string_on_plate (self, cr, m, palette, _ ("Leadership ↑"), m->axis, PANGO_WEIGHT_BOLD,
                        x0 - d->left, self->plot_y - d->top, 0.0, &palette->ink);
  draw_string_on_plate (self, cr, m, palette, _ ("Management →"), m->axis, PANGO_WEIGHT_BOLD,
                        x0 + self->plot_width + d->right,
                        text_y + d->tick_text_height + m->gap * 0.4, 1.0, &palette->ink);
}

void
th_quadrant_chart_draw_empty_message (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                      const ThChartPalette *palette)
{
  double cx = self->plot_x + self->plot_width / 2;
  double cy = self->plot_y + self->plot_height / 2;
  double max_width = self->plot_width * 0.8;
  ThChartText title = { NULL };
  ThChartText detail = { NULL };
  double w, h, pad = m->quadrant * 0.8;

  th_chart_text_init (self, &title, _ ("No one has a position yet"), m->quadrant, PANGO_WEIGHT_BOLD,
                      max_width);
  th_chart_text_init (self, &detail,
                      _ ("Dots appear once people have rated behaviours of both hats."), m->legend,
                      PANGO_WEIGHT_NORMAL, max_width);
  w = MAX (title.width, detail.width) + 2 * pad;
  h = title.height + detail.height + m->gap * 0.5 + 2 * pad;

  th_chart_path_rounded_rect (cr, cx - w / 2, cy - h / 2, w, h, pad * 0.6);
  th_chart_set_source (cr, &palette->label_background);
  cairo_fill_preserve (cr);
  th_chart_set_source (cr, &palette->frame);
  cairo_set_line_width (cr, m->line);
  cairo_stroke (cr);

  th_chart_text_draw (cr, &title, cx - title.width / 2, cy - h / 2 + pad, &palette->ink);
  th_chart_text_draw (cr, &detail, cx - detail.width / 2,
                      cy - h / 2 + pad + title.height + m->gap * 0.5, &palette->ink_secondary);
  th_chart_text_clear (&title);
  th_chart_text_clear (&detail);
}
