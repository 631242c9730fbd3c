/* th-quadrant-chart.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "th-session.h"

G_BEGIN_DECLS

/* One participant's dot. */
typedef struct
{
  char *id;          /* participant id */
  char *name;        /* full name; never drawn in anonymous mode */
  double leadership; /* y, 0–100 */
  double management; /* x, 0–100 */
  guint number;      /* the participant's number (th_participant_get_number()), or 0 */
} ThChartPoint;

typedef enum
{
  TH_CHART_STYLE_LIGHT,
  TH_CHART_STYLE_DARK,
  TH_CHART_STYLE_HIGH_CONTRAST,
  TH_CHART_STYLE_PRINT, /* white paper, no background fill outside the plot */
} ThChartStyle;

#define TH_TYPE_CHART_STYLE (th_chart_style_get_type ())
GType th_chart_style_get_type (void);

/* What the last draw wrote next to a dot. */
typedef enum
{
  TH_CHART_LABEL_NONE,   /* nothing: no room, or density mode */
  TH_CHART_LABEL_NAME,   /* the participant's name (ellipsized when long) */
  TH_CHART_LABEL_NUMBER, /* the point's number (th_quadrant_chart_get_point_number()); named in
                          * the legend unless anonymous */
} ThChartLabelKind;

/* Where a dot and its label ended up after the last draw, in the
 * coordinates of the cairo context passed to th_quadrant_chart_draw(). */
typedef struct
{
  guint index; /* into the points */
  double x, y; /* dot centre */
  double radius;
  gboolean labelled;       /* FALSE when the label gave way to density */
  double label_x, label_y; /* label box top-left */
  double label_width, label_height;
  ThQuadrant quadrant;
} ThChartDotLayout;

/* ThQuadrantChart: the one renderer for the screen, print and export.
 * Holds the data and the options; draws on any cairo_t at any size.
 * Emits ::changed whenever something that is drawn changes, so that a
 * widget knows to redraw. */
#define TH_TYPE_QUADRANT_CHART (th_quadrant_chart_get_type ())
G_DECLARE_FINAL_TYPE (ThQuadrantChart, th_quadrant_chart, TH, QUADRANT_CHART, GObject)

ThQuadrantChart *th_quadrant_chart_new (void);

/* Copies the points of every participant with a position in @session, and
 * its title and threshold. */
void th_quadrant_chart_set_session (ThQuadrantChart *self, ThSession *session);
/* Copies @points; participants without a position are simply not passed. */
void th_quadrant_chart_set_points (ThQuadrantChart *self, const ThChartPoint *points,
                                   guint n_points);
guint th_quadrant_chart_get_n_points (ThQuadrantChart *self);
const ThChartPoint *th_quadrant_chart_get_point (ThQuadrantChart *self, guint index);
/* The number the chart writes for the point at @index, beside its dot and
 * in the legend: its participant's number, so that an anonymous chart
 * names the same people after someone is removed, or index + 1 for a
 * point without one. */
guint th_quadrant_chart_get_point_number (ThQuadrantChart *self, guint index);

void th_quadrant_chart_set_title (ThQuadrantChart *self, const char *title);
/* The date printed under the title; NULL means today. */
void th_quadrant_chart_set_date (ThQuadrantChart *self, GDateTime *date);
void th_quadrant_chart_set_threshold (ThQuadrantChart *self, double threshold);
void th_quadrant_chart_set_anonymous (ThQuadrantChart *self, gboolean anonymous);
void th_quadrant_chart_set_style (ThQuadrantChart *self, ThChartStyle style);
/* The index of a highlighted (selected or focused) point, or -1. */
void th_quadrant_chart_set_highlight (ThQuadrantChart *self, int index);
/* Whether the title, date and count head the chart (the default).  A
 * chart set into a page that has its own heading, such as a handout,
 * goes without. */
void th_quadrant_chart_set_show_header (ThQuadrantChart *self, gboolean show_header);
/* Whether a footnote under the chart lists those of the session who have
 * no dot yet, and why (off by default; exports, prints and handouts turn
 * it on).  Without the header it also says how many are on the chart. */
void th_quadrant_chart_set_show_unplaced (ThQuadrantChart *self, gboolean show_unplaced);
gboolean th_quadrant_chart_get_show_unplaced (ThQuadrantChart *self);
/* What a draw writes under the chart, or NULL when nothing. */
char *th_quadrant_chart_dup_footnote (ThQuadrantChart *self);

/* Adds to @cr's path the marker of @quadrant's dots (circle, triangle,
 * square or diamond) of radius @r at (@x, @y): shape, not only colour,
 * tells the quadrants apart, also on black-and-white paper. */
void th_quadrant_chart_path_marker (cairo_t *cr, ThQuadrant quadrant, double x, double y, double r);

/* Adds to @cr's path a rectangle with corners rounded to @radius (at most
 * half its shorter side): the chart's labels and legend and the printed
 * pages' boxes and bars share it. */
void th_chart_path_rounded_rect (cairo_t *cr, double x, double y, double w, double h,
                                 double radius);

/* Draws the whole chart into the rectangle (0, 0, width, height) of @cr. */
void th_quadrant_chart_draw (ThQuadrantChart *self, cairo_t *cr, double width, double height);

/* The layout of the last draw (one entry per point, in point order). */
const ThChartDotLayout *th_quadrant_chart_get_layout (ThQuadrantChart *self, guint *n_dots);
/* The plot rectangle of the last draw (the 0–100 × 0–100 square). */
void th_quadrant_chart_get_plot_area (ThQuadrantChart *self, double *x, double *y, double *width,
                                      double *height);
/* The point under (x, y) in the coordinates of the last draw, or -1. */
int th_quadrant_chart_hit_test (ThQuadrantChart *self, double x, double y);

/* What was drawn beside point @index in the last draw. */
ThChartLabelKind th_quadrant_chart_get_label_kind (ThQuadrantChart *self, guint index);
/* Whether the label of @index was moved away from its dot and joined to it by a line. */
gboolean th_quadrant_chart_get_label_has_leader (ThQuadrantChart *self, guint index);
/* The group's mean position; FALSE when there are no points. */
gboolean th_quadrant_chart_get_mean (ThQuadrantChart *self, double *leadership, double *management);
/* How many points lie in @quadrant at the current threshold. */
guint th_quadrant_chart_get_quadrant_count (ThQuadrantChart *self, ThQuadrant quadrant);

const char *th_quadrant_chart_get_title (ThQuadrantChart *self);
double th_quadrant_chart_get_threshold (ThQuadrantChart *self);
gboolean th_quadrant_chart_get_anonymous (ThQuadrantChart *self);
ThChartStyle th_quadrant_chart_get_style (ThQuadrantChart *self);
int th_quadrant_chart_get_highlight (ThQuadrantChart *self);
gboolean th_quadrant_chart_get_show_header (ThQuadrantChart *self);

/* Exports to PNG, PDF or SVG by the file's extension, atomically. */
gboolean th_quadrant_chart_export (ThQuadrantChart *self, const char *path, int width, int height,
                                   GError **error);

/* A PDF surface of @width × @height points that writes its file into
 * @bytes, with @title (may be NULL) and Two Hats as its maker in the
 * metadata: the chart's export and the printed pages' files. */
cairo_surface_t *th_chart_pdf_surface_new (GByteArray *bytes, double width, double height,
                                           const char *title);

G_END_DECLS
