/* th-quadrant-chart-heat.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-quadrant-chart-private.h"

/* The density map: beyond TH_CHART_SCATTER_MAX people, shaded cells stand
 * for the dots. */

/* Scores come in steps of 100 / 4n for n rated behaviours of a hat: 2.08
 * with the built-in deck's twelve a side.  A bin narrower than the step
 * may hold no possible score at all, and rows of such bins show as empty
 * stripes across a crowd.  So bins are at least one step wide, and each
 * person is spread over the bins around their scores by a Gaussian of
 * HEAT_SIGMA: at 0.6 of the step, a lattice of scores sums to an even
 * density whatever the alignment of the bins, and the coarser steps of
 * people who rated fewer cards leave no gaps either. */
#define HEAT_MAX_BINS 48 /* per axis: bins ≥ 100 / 48, the built-in deck's step */
#define HEAT_SIGMA 1.25
#define HEAT_REACH (4 * HEAT_SIGMA)
#define HEAT_MAX_SPREAD 16 /* bins one person may reach on one axis */
/* How a person spreads is worked out once per 32nd of a cell, and
 * everyone in that sixteenth spreads the same way: the kernel then costs
 * the same for ten people as for a hundred thousand.  Finer steps would
 * be wasted; coarser ones would move people on the lattice of scores by
 * different amounts and bring back faint stripes. */
#define HEAT_SUBBINS 32
/* Cells holding less than this share of a person stay blank: the far
 * tails of the kernel would only add invisible rectangles to a PDF. */
#define HEAT_FLOOR 0.02

/* Bins are split at the threshold so that each one belongs to exactly one
 * quadrant and takes its colour. */
typedef struct
{
  int low; /* bins below the threshold */
  int high;
} BinSplit;

static BinSplit
bin_split (double threshold, double side, double cell)
{
  int total = CLAMP ((int)round (side / cell), 2, HEAT_MAX_BINS);
  BinSplit split;

  split.low = CLAMP ((int)round (total * threshold / 100.0), 1, total - 1);
  split.high = total - split.low;

  return split;
}

static int
bin_index (const BinSplit *split, double value, double threshold)
{
  if (value < threshold)
    return CLAMP ((int)(value / threshold * split->low), 0, split->low - 1);

  return split->low
         + CLAMP ((int)((value - threshold) / (100.0 - threshold) * split->high), 0,
                  split->high - 1);
}

static double
bin_edge (const BinSplit *split, int index, double threshold)
{
  if (index <= split->low)
    return threshold * index / split->low;

  return threshold + (100.0 - threshold) * (index - split->low) / split->high;
}

/* The share of a Gaussian around @centre that falls below @x. */
static double
normal_cdf (double x, double centre)
{
  return 0.5 * erfc ((centre - x) / (HEAT_SIGMA * G_SQRT2));
}

/* How one person at @value spreads over the bins of one axis: @weights[k]
 * for bin @first + k; returns how many.  The spread stays on the person's
 * side of the threshold, since a quadrant's colour must only show its own
 * people, and what falls past that side is left out rather than folded
 * back: scores of exactly 0, 50 and 100 are common, and folding would
 * double them into a dark band along every edge. */
static int
spread_value (const BinSplit *split, double value, double threshold, int *first, double *weights)
{
  gboolean high = value >= threshold;
  int side_first = high ? split->low : 0;
  int side_end = high ? split->low + split->high : split->low;
  double lo = high ? threshold : 0.0;
  double hi = high ? 100.0 : threshold;
  int b0 = MAX (side_first, bin_index (split, MAX (value - HEAT_REACH, lo), threshold));
  int b1 = MIN (side_end, bin_index (split, MIN (value + HEAT_REACH, hi), threshold) + 1);
  double below, sum = 0;
  int n;

  b1 = MIN (b1, b0 + HEAT_MAX_SPREAD);
  n = b1 - b0;
  below = normal_cdf (bin_edge (split, b0, threshold), value);
  for (int k = 0; k < n; k++)
    {
      double next = normal_cdf (bin_edge (split, b0 + k + 1, threshold), value);

      weights[k] = next - below;
      below = next;
      sum += weights[k];
    }

  *first = b0;
  if (n <= 0 || sum < 1e-6)
    {
      /* A side of the threshold with (almost) no width: the bin itself. */
      *first = bin_index (split, value, threshold);
      weights[0] = 1;
      return 1;
    }

  return n;
}

typedef struct
{
  int first;
  int n;
  double weights[HEAT_MAX_SPREAD];
} Spread;

/* How each fine bin of one axis spreads over the cells. */
static Spread *
spread_axis (const BinSplit *split, const BinSplit *fine, double threshold)
{
  int n_fine = fine->low + fine->high;
  Spread *spreads = g_new (Spread, n_fine);

  for (int k = 0; k < n_fine; k++)
    {
      double centre = (bin_edge (fine, k, threshold) + bin_edge (fine, k + 1, threshold)) / 2;

      spreads[k].n = spread_value (split, centre, threshold, &spreads[k].first, spreads[k].weights);
    }

  return spreads;
}

/* The cells of one draw and how many people each holds. */
typedef struct
{
  BinSplit xs;
  BinSplit ys;
  int columns;
  int rows;
  double *bins; /* rows × columns, bottom row first */
  double max;
} HeatGrid;

/* Spreads every person over the cells around their scores. */
static void
heat_grid_fill (ThQuadrantChart *self, const ThChartMetrics *m, HeatGrid *grid)
{
  double cell = MAX (6 * m->px, self->plot_width / HEAT_MAX_BINS);
  BinSplit fine_xs, fine_ys;
  g_autofree Spread *spread_x = NULL;
  g_autofree Spread *spread_y = NULL;

  grid->xs = bin_split (self->threshold, self->plot_width, cell);
  grid->ys = bin_split (self->threshold, self->plot_height, cell);
  fine_xs = (BinSplit){ grid->xs.low * HEAT_SUBBINS, grid->xs.high * HEAT_SUBBINS };
  fine_ys = (BinSplit){ grid->ys.low * HEAT_SUBBINS, grid->ys.high * HEAT_SUBBINS };
  grid->columns = grid->xs.low + grid->xs.high;
  grid->rows = grid->ys.low + grid->ys.high;
  spread_x = spread_axis (&grid->xs, &fine_xs, self->threshold);
  spread_y = spread_axis (&grid->ys, &fine_ys, self->threshold);
  grid->bins = g_new0 (double, grid->columns * grid->rows);
  grid->max = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, i);
      const Spread *sx = &spread_x[bin_index (&fine_xs, point->management, self->threshold)];
      const Spread *sy = &spread_y[bin_index (&fine_ys, point->leadership, self->threshold)];

      for (int r = 0; r < sy->n; r++)
        {
          double *row = grid->bins + (sy->first + r) * grid->columns + sx->first;

          for (int c = 0; c < sx->n; c++)
            row[c] += sy->weights[r] * sx->weights[c];
        }
    }

  for (int k = 0; k < grid->columns * grid->rows; k++)
    grid->max = MAX (grid->max, grid->bins[k]);
}

/* Shades each cell in the colour of its quadrant, darker the more people
 * it holds. */
static void
heat_grid_paint (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                 const ThChartPalette *palette, const HeatGrid *grid)
{
  for (int r = 0; r < grid->rows; r++)
    {
      double l0 = bin_edge (&grid->ys, r, self->threshold);
      double l1 = bin_edge (&grid->ys, r + 1, self->threshold);
      gboolean row_high = r >= grid->ys.low;
      double top = th_chart_snap (th_quadrant_chart_score_to_y (self, l1), m->px);
      double bottom = th_chart_snap (th_quadrant_chart_score_to_y (self, l0), m->px);

      for (int c = 0; c < grid->columns; c++)
        {
          double v = grid->bins[r * grid->columns + c];
          ThQuadrant q;
          const ThChartRgba *color;
          double left, right;

          if (v < HEAT_FLOOR)
            continue;

          if (row_high)
            q = c >= grid->xs.low ? TH_QUADRANT_BALANCED : TH_QUADRANT_LEADERSHIP_DRIVEN;
          else
            q = c >= grid->xs.low ? TH_QUADRANT_MANAGEMENT_DRIVEN : TH_QUADRANT_DEVELOPING;
          color = &palette->dot[q];
          left = th_chart_snap (
            th_quadrant_chart_score_to_x (self, bin_edge (&grid->xs, c, self->threshold)), m->px);
          right = th_chart_snap (
            th_quadrant_chart_score_to_x (self, bin_edge (&grid->xs, c + 1, self->threshold)),
            m->px);

          /* A square root keeps single people visible next to crowds; the
           * floor fades in over the first person, so that a cell with a
           * sliver of someone does not stand out from an empty one. */
          cairo_set_source_rgba (cr, color->r, color->g, color->b,
                                 0.15 * MIN (v, 1.0) + 0.85 * sqrt (v / grid->max));
          cairo_rectangle (cr, left, top, right - left, bottom - top);
          cairo_fill (cr);
        }
    }
}

/* Returns about how many people the darkest cell holds. */
guint
th_quadrant_chart_draw_heat (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                             const ThChartPalette *palette)
{
  HeatGrid grid;
  double max;

  heat_grid_fill (self, m, &grid);
  heat_grid_paint (self, cr, m, palette, &grid);
  max = grid.max;
  g_free (grid.bins);

  return max > 0 ? MAX (1, (guint)round (max)) : 0;
}
