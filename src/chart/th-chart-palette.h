/* th-chart-palette.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "th-quadrant-chart.h"

G_BEGIN_DECLS

/* Cantarell is GNOME's face; DejaVu covers Arabic, Hebrew and most
 * symbols where it is missing.  The chart and the printed pages around it
 * use the same. */
#define TH_CHART_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

/* Palettes are indexed by ThQuadrant, TH_QUADRANT_NONE included. */
#define TH_CHART_N_QUADRANTS (TH_QUADRANT_DEVELOPING + 1)

typedef struct
{
  double r, g, b, a;
} ThChartRgba;

/* The colours of one ThChartStyle.  Handouts, card sheets and the answer
 * key take theirs from the light palette, so that the colour of a
 * quadrant on paper is the colour of its dots on the chart. */
typedef struct
{
  gboolean fill_background;
  ThChartRgba background;
  ThChartRgba ink;
  ThChartRgba ink_secondary;
  ThChartRgba grid;
  ThChartRgba frame;
  ThChartRgba threshold;
  ThChartRgba label_background;
  ThChartRgba leader;
  ThChartRgba dot_outline;
  double tint_alpha;
  double crowd_alpha; /* of the translucent dots that stand for a crowd */
  double line_scale;  /* high contrast draws every line heavier */
  ThChartRgba dot[TH_CHART_N_QUADRANTS];
  ThChartRgba text[TH_CHART_N_QUADRANTS];
} ThChartPalette;

const ThChartPalette *th_chart_palette_get (ThChartStyle style);

/* The colours of the printed pages around the chart: handouts, card
 * sheets and the answer key.  They write in the light chart's ink and
 * quadrant colours, and add a few greys of their own. */
typedef struct
{
  const ThChartPalette *chart; /* the light palette: ink, dot and text colours */
  ThChartRgba rule;            /* under a running header, between rows of a table */
  ThChartRgba hint;            /* the question at the foot of a card */
  ThChartRgba badge;           /* behind a card's number */
  ThChartRgba track;           /* the empty part of a score bar */
  ThChartRgba cut;             /* the dashed lines to cut cards along */
} ThPagePalette;

const ThPagePalette *th_page_palette_get (void);

void th_chart_set_source (cairo_t *cr, const ThChartRgba *color);

G_END_DECLS
