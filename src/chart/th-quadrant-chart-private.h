/* th-quadrant-chart-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "th-chart-palette.h"
#include "th-chart-placer.h"
#include "th-quadrant-chart.h"

G_BEGIN_DECLS

/* The renderer is split by concern, each part in a file of its own:
 *
 *   th-quadrant-chart.c          the object, its data and options, and the
 *                                order in which th_quadrant_chart_draw()
 *                                calls the parts below
 *   th-quadrant-chart-text.c     laying out and drawing text
 *   th-quadrant-chart-layout.c   sizes, the page layout and the header
 *   th-quadrant-chart-plot.c     the plot's tints, grid, threshold lines,
 *                                quadrant names and axes
 *   th-quadrant-chart-dots.c     dots, markers, the mean and the highlight
 *   th-quadrant-chart-heat.c     the density map that stands for a crowd
 *   th-quadrant-chart-labels.c   names and numbers beside the dots: their
 *                                cache, placement and leader lines
 *   th-quadrant-chart-legend.c   the legend
 *   th-quadrant-chart-export.c   PNG, PDF and SVG files
 *   th-chart-palette.c           the colours of each style
 *
 * This header holds what they share: the object's struct and the steps
 * of a draw. */

/* Up to TH_CHART_DOTS_MAX points every dot is drawn in full and every
 * name gets a place (beside its dot, pulled away with a leader line, or as
 * a number keyed in the legend).  Up to TH_CHART_SCATTER_MAX dots shrink
 * and turn translucent so that crowds read as density, and names appear
 * only where they fit.  Beyond that a fixed grid of shaded cells stands for the dots:
 * its cost does not grow with the number of people. */
#define TH_CHART_DOTS_MAX 300
#define TH_CHART_SCATTER_MAX 3000

#define TH_CHART_QUADRANT_FIRST TH_QUADRANT_BALANCED
#define TH_CHART_QUADRANT_LAST TH_QUADRANT_DEVELOPING

typedef enum
{
  TH_CHART_MODE_DOTS,
  TH_CHART_MODE_SCATTER,
  TH_CHART_MODE_HEAT,
} ThChartDrawMode;

/* Sizes of one draw, all in user units and relative to the smaller side
 * of the page, with floors so that a thumbnail stays legible. */
typedef struct
{
  double unit;
  double px; /* one device pixel */
  double margin;
  double gap;
  double title;
  double subtitle;
  double axis;
  double tick;
  double quadrant;
  double label;
  double legend;
  double line;
  double dot_radius;
} ThChartMetrics;

/* A laid-out piece of text and its logical box. */
typedef struct
{
  PangoLayout *layout;
  double width;
  double height;
  double offset_x;
  double offset_y;
} ThChartText;

typedef struct
{
  gulong options_hash;
  double xx, yx, xy, yy;
  double label_size;
} ThChartCacheKey;

/* The layout and size of one label text, shared by every dot with that
 * text and kept when the data change, so that only names the chart has
 * not seen before are shaped.  Only the labels that were drawn keep their
 * layout between draws; for the rest the size is all placement needs. */
typedef struct
{
  ThChartText text;   /* text.layout is NULL while only the size is known */
  char *string;       /* what is laid out, for laying it out again */
  PangoWeight weight; /* names are normal, numbers bold */
  guint used_serial;  /* the last draw that asked for it */
  guint drawn_serial; /* the last draw that drew it */
} ThChartLabel;

/* Per point: where the last draw put its label, and which label it was. */
typedef struct
{
  ThChartLabel *label; /* borrowed from the label cache, for the current draw */
  ThChartLabelKind kind;
  gboolean has_leader;
  double leader_x0, leader_y0, leader_x1, leader_y1;
} ThChartDotState;

/* The room the axes need around the plot. */
typedef struct
{
  double left;   /* y tick labels and ticks */
  double right;  /* the overhang of the last x tick label */
  double top;    /* the y axis title */
  double bottom; /* x ticks, their labels and the x axis title */
  double tick_length;
  double tick_text_height;
  double axis_text_height;
} ThChartDecorations;

/* Where the header and the legend go; the plot's own rectangle is kept
 * in the chart, for the accessors of the last draw. */
typedef struct
{
  double content_x; /* left edge of the block the header aligns with */
  double content_width;
  double header_y;
  double title_height;
  ThChartRect legend;
  gboolean legend_beside;
} ThChartPage;

/* Why someone of the session has no dot: the scores of docs/scores.md
 * need a rating on each side. */
typedef enum
{
  TH_CHART_UNPLACED_NO_RATINGS,
  TH_CHART_UNPLACED_NO_LEADERSHIP,
  TH_CHART_UNPLACED_NO_MANAGEMENT,
} ThChartUnplacedReason;

typedef struct
{
  char *name;
  guint number; /* the participant's number, for anonymous charts */
  ThChartUnplacedReason reason;
} ThChartUnplaced;

/* A quadrant's name, laid out in a corner of its quadrant. */
typedef struct
{
  ThQuadrant quadrant;
  ThChartText text;
  double x, y;
  gboolean right_aligned;
} ThChartQuadrantName;

struct _ThQuadrantChart
{
  GObject parent_instance;

  GArray *points; /* ThChartPoint, strings owned */
  /* Everyone in the session the points come from, placed or not (0: as
   * many as the points): the header says how many are not on the chart. */
  guint n_participants;
  /* Those of the session without a dot (ThChartUnplaced), in the
   * session's order, and whether a draw lists them under the chart. */
  GArray *unplaced;
  gboolean show_unplaced;
  char *title;
  GDateTime *date;
  double threshold;
  gboolean anonymous;
  ThChartStyle style;
  int highlight;
  gboolean show_header;

  /* The last draw. */
  GArray *layout; /* ThChartDotLayout */
  ThChartDotState *states;
  guint n_states;
  double plot_x, plot_y, plot_width, plot_height;
  guint counts[TH_CHART_N_QUADRANTS];

  /* One Pango context for the chart's life, so that label layouts can be
   * kept from one draw to the next; the cache holds while the context
   * (font options, transformation) and the label size stay the same. */
  PangoContext *pango_context;
  PangoFontDescription *font;
  ThChartCacheKey cache_key;
  gboolean cache_valid;
  GHashTable *names;   /* label text → ThChartLabel, normal weight */
  GHashTable *numbers; /* "12" → ThChartLabel, bold */
  guint draw_serial;   /* counts draws, for ThChartLabel's serials */
  guint n_labels_shaped;
  double label_max_width; /* where names are ellipsized, for the cached size */
  double label_line_height;
};

/* Geometry, in the coordinates of the last draw. */

static inline double
th_quadrant_chart_score_to_x (ThQuadrantChart *self, double management)
{
  return self->plot_x + self->plot_width * management / 100.0;
}

static inline double
th_quadrant_chart_score_to_y (ThQuadrantChart *self, double leadership)
{
  return self->plot_y + self->plot_height * (100.0 - leadership) / 100.0;
}

/* Rounds @v to the device pixel grid, so that edges and lines are crisp. */
static inline double
th_chart_snap (double v, double px)
{
  return round (v / px) * px;
}

/* Half the size of the box that holds a dot's shape: triangles and
 * diamonds reach further than circles of the same weight. */
static inline double
th_chart_dot_extent (double radius)
{
  return radius * 1.3;
}

/* Text: th-quadrant-chart-text.c */
PangoContext *th_quadrant_chart_get_pango_context (ThQuadrantChart *self);
void th_chart_text_clear (ThChartText *text);
void th_chart_text_update_size (ThChartText *text, const PangoRectangle *logical);
void th_chart_text_init (ThQuadrantChart *self, ThChartText *text, const char *str, double size,
                         PangoWeight weight, double max_width);
void th_chart_text_init_wrapped (ThQuadrantChart *self, ThChartText *text, const char *str,
                                 double size, PangoWeight weight, double max_width, int max_lines,
                                 PangoAlignment alignment);
void th_chart_text_draw (cairo_t *cr, const ThChartText *text, double x, double y,
                         const ThChartRgba *color);
double th_chart_draw_string (ThQuadrantChart *self, cairo_t *cr, const char *str, double size,
                             PangoWeight weight, double max_width, double x, double y, double align,
                             const ThChartRgba *color);
double th_chart_measure_string (ThQuadrantChart *self, const char *str, double size,
                                PangoWeight weight, double *height);

/* Layout: th-quadrant-chart-layout.c */
void th_chart_metrics_compute (ThChartMetrics *m, cairo_t *cr, double width, double height,
                               guint n_points);
void th_quadrant_chart_compute_decorations (ThQuadrantChart *self, const ThChartMetrics *m,
                                            ThChartDecorations *d);
void th_quadrant_chart_compute_page (ThQuadrantChart *self, const ThChartMetrics *m,
                                     const ThChartDecorations *d, double width, double height,
                                     double header_height, ThChartPage *page);
ThChartRect th_quadrant_chart_quadrant_rect (ThQuadrantChart *self, ThQuadrant quadrant);
char *th_chart_format_threshold (double threshold);
double th_quadrant_chart_header_height (ThQuadrantChart *self, const ThChartMetrics *m);
void th_quadrant_chart_draw_header (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                    const ThChartPalette *palette, const ThChartPage *page,
                                    double width);
char *th_quadrant_chart_format_people (ThQuadrantChart *self);

/* Who is not on the chart: th-quadrant-chart-unplaced.c */
void th_chart_unplaced_clear (gpointer data);
double th_quadrant_chart_layout_footnote (ThQuadrantChart *self, const ThChartMetrics *m,
                                          double width, double height, ThChartText *footnote);
void th_quadrant_chart_draw_footnote (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                      const ThChartPalette *palette, const ThChartText *footnote,
                                      double width, double height);

/* Plot: th-quadrant-chart-plot.c */
void th_quadrant_chart_draw_plot_background (ThQuadrantChart *self, cairo_t *cr,
                                             const ThChartMetrics *m,
                                             const ThChartPalette *palette);
guint th_quadrant_chart_layout_quadrant_names (ThQuadrantChart *self, const ThChartMetrics *m,
                                               ThChartQuadrantName *names, ThChartRect *boxes);
void th_quadrant_chart_draw_quadrant_names (ThQuadrantChart *self, cairo_t *cr,
                                            const ThChartPalette *palette,
                                            ThChartQuadrantName *names, const ThChartRect *boxes,
                                            guint n_names, double backdrop_alpha);
void th_quadrant_chart_draw_axes (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                  const ThChartPalette *palette, const ThChartDecorations *d);
void th_quadrant_chart_draw_axis_labels (ThQuadrantChart *self, cairo_t *cr,
                                         const ThChartMetrics *m, const ThChartPalette *palette,
                                         const ThChartDecorations *d);
void th_quadrant_chart_draw_empty_message (ThQuadrantChart *self, cairo_t *cr,
                                           const ThChartMetrics *m, const ThChartPalette *palette);

/* Dots: th-quadrant-chart-dots.c */
void th_chart_draw_mean_marker (cairo_t *cr, const ThChartPalette *palette, double x, double y,
                                double r, double line);
ThChartDrawMode th_chart_draw_mode_for (guint n_points);
void th_quadrant_chart_compute_dot_layout (ThQuadrantChart *self, const ThChartMetrics *m,
                                           ThChartDrawMode mode);
void th_chart_draw_dot (cairo_t *cr, const ThChartPalette *palette, const ThChartDotLayout *dot,
                        double outline);
void th_quadrant_chart_draw_dots (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                  const ThChartPalette *palette, ThChartDrawMode mode);
void th_chart_highlight_ring (const ThChartMetrics *m, const ThChartDotLayout *dot, double *ring,
                              double *ring_width);
void th_quadrant_chart_draw_highlight (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                       const ThChartPalette *palette);

/* Density map: th-quadrant-chart-heat.c */
guint th_quadrant_chart_draw_heat (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                   const ThChartPalette *palette);

/* Labels: th-quadrant-chart-labels.c */
void th_chart_label_free (gpointer data);
void th_quadrant_chart_update_label_cache (ThQuadrantChart *self, cairo_t *cr,
                                           const ThChartMetrics *m);
void th_quadrant_chart_place_labels (ThQuadrantChart *self, const ThChartMetrics *m,
                                     ThChartDrawMode mode, const ThChartRect *reserved,
                                     guint n_reserved, gboolean has_mean, double mean_x,
                                     double mean_y, double mean_r);
void th_quadrant_chart_draw_labels (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                    const ThChartPalette *palette);
void th_quadrant_chart_trim_label_caches (ThQuadrantChart *self);

/* Legend: th-quadrant-chart-legend.c */
guint th_quadrant_chart_legend_key_rows (ThQuadrantChart *self);
double th_quadrant_chart_legend_key_width (ThQuadrantChart *self, const ThChartMetrics *m);
void th_quadrant_chart_draw_legend (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                    const ThChartPalette *palette, const ThChartPage *page,
                                    ThChartDrawMode mode, guint heat_max);

/* For tests: what the label cache did, which no picture shows.  Shaping a
 * label is what makes a draw after new data slow, so the tests count it
 * instead of timing it. */

/* How many label texts (names and numbers) were laid out by Pango since
 * the chart was made. */
guint th_quadrant_chart_get_n_labels_shaped (ThQuadrantChart *self);
/* How many label texts the cache holds now. */
guint th_quadrant_chart_get_n_labels_cached (ThQuadrantChart *self);

G_END_DECLS
