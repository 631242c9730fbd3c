/* th-quadrant-chart-layout.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-quadrant-chart-private.h"

/* Where everything goes on the page: the sizes of one draw, the room the
 * axes need, the plot square and the legend beside or below it, and the
 * header above them. */

/* The rectangle of @quadrant in the last draw's plot. */
ThChartRect
th_quadrant_chart_quadrant_rect (ThQuadrantChart *self, ThQuadrant quadrant)
{
  double tx = th_quadrant_chart_score_to_x (self, self->threshold);
  double ty = th_quadrant_chart_score_to_y (self, self->threshold);
  double left = self->plot_x;
  double top = self->plot_y;
  double right = self->plot_x + self->plot_width;
  double bottom = self->plot_y + self->plot_height;

  switch (quadrant)
    {
      case TH_QUADRANT_BALANCED:
        return (ThChartRect){ tx, top, right - tx, ty - top };
      case TH_QUADRANT_LEADERSHIP_DRIVEN:
        return (ThChartRect){ left, top, tx - left, ty - top };
      case TH_QUADRANT_MANAGEMENT_DRIVEN:
        return (ThChartRect){ tx, ty, right - tx, bottom - ty };
      case TH_QUADRANT_DEVELOPING:
        return (ThChartRect){ left, ty, tx - left, bottom - ty };
      case TH_QUADRANT_NONE:
      default:
        return (ThChartRect){ 0, 0, 0, 0 };
    }
}

void
th_chart_metrics_compute (ThChartMetrics *m, cairo_t *cr, double width, double height,
                          guint n_points)
{
  double dx = 1.0;
  double dy = 0.0;
  double u = MIN (width, height);
  double f;

  cairo_device_to_user_distance (cr, &dx, &dy);
  m->px = MAX (hypot (dx, dy), 1e-3);

  /* The floors keep a thumbnail legible; below about 240 units nothing
   * is legible any more and they give way, so that at least it all fits. */
  f = MIN (1.0, u / 240.0);

  m->unit = u;
  m->margin = MAX (10.0 * f, u * 0.045);
  m->gap = MAX (4.0 * f, u * 0.014);
  m->title = MAX (13.0 * f, u * 0.038);
  m->subtitle = MAX (9.0 * f, u * 0.02);
  m->axis = MAX (9.0 * f, u * 0.019);
  m->tick = MAX (8.0 * f, u * 0.016);
  m->quadrant = MAX (9.0 * f, u * 0.022);
  m->label = MAX (8.0 * f, u * 0.0135);
  m->legend = MAX (8.0 * f, u * 0.0165);
  m->line = MAX (m->px, u * 0.0009);

  if (n_points <= 40)
    m->dot_radius = MAX (3.5 * f, u * 0.0095);
  else if (n_points <= 120)
    m->dot_radius = MAX (3.0 * f, u * 0.0075);
  else if (n_points <= TH_CHART_DOTS_MAX)
    m->dot_radius = MAX (2.5 * f, u * 0.006);
  else
    m->dot_radius = MAX (1.5 * f, u * 0.0032);
}

void
th_quadrant_chart_compute_decorations (ThQuadrantChart *self, const ThChartMetrics *m,
                                       ThChartDecorations *d)
{
  double tick_width
    = th_chart_measure_string (self, "100", m->tick, PANGO_WEIGHT_BOLD, &d->tick_text_height);

  th_chart_measure_string (self, _ ("Leadership ↑"), m->axis, PANGO_WEIGHT_BOLD,
                           &d->axis_text_height);
  d->tick_length = MAX (3 * m->px, m->tick * 0.4);
  d->left = tick_width + d->tick_length + m->gap * 0.6;
  d->right = tick_width / 2;
  d->top = d->axis_text_height + m->gap * 0.8;
  d->bottom
    = d->tick_length + m->gap * 0.4 + d->tick_text_height + m->gap * 0.4 + d->axis_text_height;
}

void
th_quadrant_chart_compute_page (ThQuadrantChart *self, const ThChartMetrics *m,
                                const ThChartDecorations *d, double width, double height,
                                double header_height, ThChartPage *page)
{
  double body_x = m->margin;
  double body_y = m->margin + header_height;
  double body_w = width - 2 * m->margin;
  double body_h = height - body_y - m->margin;
  double legend_gap = m->gap * 2.5;
  double key_width = th_quadrant_chart_legend_key_width (self, m);
  double legend_min_w = MAX (key_width, m->unit * 0.24);
  int key_columns = CLAMP ((int)((body_w + m->legend * 1.5) / (key_width + m->legend * 1.5)), 1, 6);
  int key_rows = (th_quadrant_chart_legend_key_rows (self) + key_columns - 1) / key_columns;
  double legend_min_h = key_rows * m->legend * 1.75 + m->legend * 1.5;
  double avail_h = body_h - d->top - d->bottom;
  double avail_w = body_w - d->left - d->right;
  double side_beside = MIN (avail_h, avail_w - legend_gap - legend_min_w);
  double side_below = MIN (avail_w, avail_h - legend_gap - legend_min_h);
  double side;

  page->legend_beside = side_beside >= side_below * 0.97;
  side = MAX (page->legend_beside ? side_beside : side_below, m->unit * 0.2);
  side = th_chart_snap (side, m->px);

  if (page->legend_beside)
    {
      /* Room for two columns of numbered names when there may be many. */
      double wanted_w
        = self->points->len > 12 && !self->anonymous ? m->unit * 0.42 : m->legend * 19;
      double legend_w = MIN (avail_w - side - legend_gap, MAX (legend_min_w, wanted_w));
      double block_w = d->left + side + d->right + legend_gap + legend_w;
      double x0 = body_x + MAX (0, (body_w - block_w) / 2);
      double y0 = body_y + MAX (0, (avail_h - side) / 2);

      self->plot_x = th_chart_snap (x0 + d->left, m->px);
      self->plot_y = th_chart_snap (y0 + d->top, m->px);
      page->content_x = x0;
      page->content_width = block_w;
      page->legend = (ThChartRect){ self->plot_x + side + d->right + legend_gap, self->plot_y,
                                    legend_w, side + d->bottom };
    }
  else
    {
      double x0 = body_x + MAX (0, (avail_w - side) / 2);

      self->plot_x = th_chart_snap (x0 + d->left, m->px);
      self->plot_y = th_chart_snap (body_y + d->top, m->px);
      page->content_x = body_x;
      page->content_width = body_w;
      page->legend
        = (ThChartRect){ body_x, self->plot_y + side + d->bottom + legend_gap, body_w,
                         body_y + body_h - (self->plot_y + side + d->bottom + legend_gap) };
    }

  /* On a page too small for the decorations the plot still stays on it. */
  side = MIN (side, MIN (width - self->plot_x, height - self->plot_y));
  self->plot_width = MAX (side, m->px);
  self->plot_height = self->plot_width;
}

/* The threshold as people read it: a whole number as such, anything else
 * to one decimal in the reader's own notation (62.5, or 62,5 in German);
 * the score scale has no finer steps worth a label. */
char *
th_chart_format_threshold (double threshold)
{
  double rounded = round (threshold * 10.0) / 10.0;

  if (fabs (rounded - round (rounded)) < 1e-9)
    return g_strdup_printf ("%.0f", rounded);

  return g_strdup_printf ("%.1f", rounded);
}

/* How many are on the chart out of how many in the session: "7
 * participants, 5 on the chart". */
char *
th_quadrant_chart_format_people (ThQuadrantChart *self)
{
  guint n = self->points->len;
  guint total = MAX (self->n_participants, n);

  /* Who is not on the chart is said, so that a chart pinned up does not
   * pass for the whole group. */
  if (total == 0)
    return g_strdup (_ ("no one placed yet"));
  else if (n == 0)
    /* Translators: everyone of the session, none of them placed yet. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u participant, not on the chart yet",
                                         "%'u participants, none on the chart yet", total),
                            total);
  else if (total > n)
    /* Translators: "7 participants, 5 on the chart". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u participants, %'u on the chart",
                                         "%'u participants, %'u on the chart", total),
                            total, n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u participant", "%'u participants", n),
                          n);
}

static char *
format_subtitle (ThQuadrantChart *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *people = th_quadrant_chart_format_people (self);

  if (self->date == NULL)
    now = g_date_time_new_now_local ();
  local = g_date_time_to_local (self->date != NULL ? self->date : now);
  /* Translators: the date under the chart's title; see g_date_time_format(). */
  date = g_date_time_format (local, C_ ("chart date", "%-d %B %Y"));

  if (fabs (self->threshold - TH_DEFAULT_THRESHOLD) > 1e-9)
    {
      g_autofree char *threshold = th_chart_format_threshold (self->threshold);

      /* Translators: date · number of participants · the split between the quadrants */
      return g_strdup_printf (_ ("%s · %s · threshold %s"), date ? date : "", people, threshold);
    }

  /* Translators: date · number of participants */
  return g_strdup_printf (_ ("%s · %s"), date ? date : "", people);
}

double
th_quadrant_chart_header_height (ThQuadrantChart *self, const ThChartMetrics *m)
{
  if (!self->show_header)
    return 0;

  return m->title * 1.25 + m->subtitle * 1.3 + m->gap * 1.6;
}

void
th_quadrant_chart_draw_header (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                               const ThChartPalette *palette, const ThChartPage *page, double width)
{
  g_autofree char *subtitle = format_subtitle (self);
  const char *title
    = self->title != NULL && *self->title != '\0' ? self->title : _ ("Quadrant chart");
  double max_width = MAX (width - m->margin - page->content_x, m->unit * 0.3);
  ThChartText text = { NULL };

  th_chart_text_init (self, &text, title, m->title, PANGO_WEIGHT_BOLD, max_width);
  th_chart_text_draw (cr, &text, page->content_x, m->margin, &palette->ink);
  th_chart_draw_string (self, cr, subtitle, m->subtitle, PANGO_WEIGHT_NORMAL, max_width,
                        page->content_x, m->margin + text.height + m->gap * 0.25, 0.0,
                        &palette->ink_secondary);
  th_chart_text_clear (&text);
}
