/* th-chart-placer.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} ThChartRect;

/* ThChartPlacer: the obstacles a label must keep clear of (dots, labels
 * already placed, leader lines, the quadrant names), indexed by a uniform
 * grid so that each question costs only the few cells it touches.  That is
 * what keeps labelling a thousand dots linear instead of quadratic. */
typedef struct _ThChartPlacer ThChartPlacer;

ThChartPlacer *th_chart_placer_new (const ThChartRect *bounds, double cell_size);
void th_chart_placer_free (ThChartPlacer *self);

/* An obstacle for labels that leader lines may cross: the group's mean
 * marker, under which a dot may sit, whose leader line must get out. */
#define TH_CHART_PLACER_LABELS_ONLY (-2)

/* @owner is the index of the dot an obstacle belongs to, -1, or
 * TH_CHART_PLACER_LABELS_ONLY. */
void th_chart_placer_add_box (ThChartPlacer *self, const ThChartRect *box, int owner);
void th_chart_placer_add_segment (ThChartPlacer *self, double x0, double y0, double x1, double y1,
                                  int owner);

/* TRUE when @box lies inside the bounds and touches no obstacle. */
gboolean th_chart_placer_box_is_free (ThChartPlacer *self, const ThChartRect *box);
/* TRUE when the segment crosses no obstacle except those of @owner and
 * those for labels only. */
gboolean th_chart_placer_segment_is_free (ThChartPlacer *self, double x0, double y0, double x1,
                                          double y1, int owner);

gboolean th_chart_rect_intersects (const ThChartRect *a, const ThChartRect *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThChartPlacer, th_chart_placer_free)

G_END_DECLS
