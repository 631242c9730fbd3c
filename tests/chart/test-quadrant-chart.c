/* test-quadrant-chart.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The renderer on image, PDF and SVG surfaces: where dots and labels end
 * up (layout facts, not golden images), a few pixels that must have the
 * right colour, and the exports being well formed. */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-test-util.h"
#include "th-chart-placer.h"
#include "th-error.h"
#include "th-quadrant-chart-private.h"

#define EPSILON 1e-6

typedef struct
{
  guint n;
  int width;
  int height;
} LayoutCase;

static ThQuadrantChart *
chart_with_points (guint n, guint32 seed)
{
  ThQuadrantChart *chart = th_quadrant_chart_new ();
  GArray *points = chart_test_make_points (n, seed);

  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  th_quadrant_chart_set_title (chart, "Layout test");
  chart_test_free_points (points);

  return chart;
}

static ThQuadrantChart *
chart_with_named_points (const char *const *names, const double (*scores)[2], guint n)
{
  ThQuadrantChart *chart = th_quadrant_chart_new ();
  g_autofree ThChartPoint *points = g_new0 (ThChartPoint, n);
  g_autofree char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      ids[i] = g_strdup_printf ("p%u", i + 1);
      points[i].id = ids[i];
      points[i].name = (char *)names[i];
      points[i].leadership = scores[i][0];
      points[i].management = scores[i][1];
    }
  th_quadrant_chart_set_points (chart, points, n);
  for (guint i = 0; i < n; i++)
    g_free (ids[i]);

  return chart;
}

static cairo_surface_t *
draw_to_image (ThQuadrantChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  th_quadrant_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
draw_and_forget (ThQuadrantChart *chart, int width, int height)
{
  cairo_surface_destroy (draw_to_image (chart, width, height));
}

static void
get_pixel (cairo_surface_t *surface, double x, double y, guint8 rgba[4])
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel;
  guint8 a;

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *)(const void *)(data + (int)y * stride + (int)x * 4);
  a = pixel >> 24;
  /* Cairo stores premultiplied alpha. */
  rgba[3] = a;
  rgba[0] = a ? ((pixel >> 16) & 0xff) * 255 / a : 0;
  rgba[1] = a ? ((pixel >> 8) & 0xff) * 255 / a : 0;
  rgba[2] = a ? (pixel & 0xff) * 255 / a : 0;
}

static void
assert_color_near (const guint8 rgba[4], double r, double g, double b, double tolerance)
{
  if (fabs (rgba[0] - r) > tolerance || fabs (rgba[1] - g) > tolerance
      || fabs (rgba[2] - b) > tolerance)
    g_error ("pixel is %u,%u,%u; expected about %.0f,%.0f,%.0f", rgba[0], rgba[1], rgba[2], r, g,
             b);
}

/* The rectangle of @quadrant, closed on the side the threshold belongs to. */
static void
quadrant_bounds (ThQuadrantChart *chart, ThQuadrant quadrant, double *x0, double *y0, double *x1,
                 double *y1)
{
  double px, py, pw, ph;
  double t = th_quadrant_chart_get_threshold (chart);
  double tx, ty;

  th_quadrant_chart_get_plot_area (chart, &px, &py, &pw, &ph);
  tx = px + pw * t / 100.0;
  ty = py + ph * (100.0 - t) / 100.0;

  *x0 = quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_MANAGEMENT_DRIVEN ? tx : px;
  *x1
    = quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_MANAGEMENT_DRIVEN ? px + pw : tx;
  *y0 = quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_LEADERSHIP_DRIVEN ? py : ty;
  *y1
    = quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_LEADERSHIP_DRIVEN ? ty : py + ph;
}

static gboolean
boxes_overlap (double ax, double ay, double aw, double ah, double bx, double by, double bw,
               double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

static int
compare_by_label_x (gconstpointer a, gconstpointer b)
{
  const ThChartDotLayout *da = *(const ThChartDotLayout *const *)a;
  const ThChartDotLayout *db = *(const ThChartDotLayout *const *)b;

  return da->label_x < db->label_x ? -1 : da->label_x > db->label_x;
}

/* Everything a layout promises, whatever the data. */
static guint
assert_layout_is_sound (ThQuadrantChart *chart, int width, int height)
{
  guint n_dots;
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, &n_dots);
  g_autoptr (GPtrArray) labelled = g_ptr_array_new ();
  double px, py, pw, ph;

  th_quadrant_chart_get_plot_area (chart, &px, &py, &pw, &ph);
  g_assert_cmpuint (n_dots, ==, th_quadrant_chart_get_n_points (chart));
  g_assert_cmpfloat (pw, >, 0);
  g_assert_cmpfloat (ph, >, 0);
  g_assert_cmpfloat (px, >=, 0);
  g_assert_cmpfloat (py, >=, 0);
  g_assert_cmpfloat (px + pw, <=, width);
  g_assert_cmpfloat (py + ph, <=, height);

  for (guint i = 0; i < n_dots; i++)
    {
      const ThChartDotLayout *dot = &layout[i];
      const ThChartPoint *point = th_quadrant_chart_get_point (chart, i);
      double x0, y0, x1, y1;

      g_assert_cmpuint (dot->index, ==, i);
      g_assert_cmpint (dot->quadrant, >=, TH_QUADRANT_BALANCED);
      g_assert_cmpint (dot->quadrant, <=, TH_QUADRANT_DEVELOPING);
      g_assert_cmpfloat_with_epsilon (dot->x, px + pw * point->management / 100.0, EPSILON);
      g_assert_cmpfloat_with_epsilon (dot->y, py + ph * (100.0 - point->leadership) / 100.0,
                                      EPSILON);

      /* The dot lies in the quadrant it is counted in.  The bounds are
       * closed on both sides, so this cannot tell which side a dot on a
       * threshold line belongs to: assert_quadrants() does, for charts
       * whose quadrants the test spells out. */
      quadrant_bounds (chart, dot->quadrant, &x0, &y0, &x1, &y1);
      g_assert_cmpfloat (dot->x, >=, x0 - EPSILON);
      g_assert_cmpfloat (dot->x, <=, x1 + EPSILON);
      g_assert_cmpfloat (dot->y, >=, y0 - EPSILON);
      g_assert_cmpfloat (dot->y, <=, y1 + EPSILON);

      if (dot->labelled)
        {
          g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), !=, TH_CHART_LABEL_NONE);
          g_assert_cmpfloat (dot->label_width, >, 0);
          g_assert_cmpfloat (dot->label_height, >, 0);
          g_assert_cmpfloat (dot->label_x, >=, px - EPSILON);
          g_assert_cmpfloat (dot->label_y, >=, py - EPSILON);
          g_assert_cmpfloat (dot->label_x + dot->label_width, <=, px + pw + EPSILON);
          g_assert_cmpfloat (dot->label_y + dot->label_height, <=, py + ph + EPSILON);
          /* A label never crosses a threshold line away from its dot. */
          if (dot->label_x < x0 - EPSILON || dot->label_x + dot->label_width > x1 + EPSILON
              || dot->label_y < y0 - EPSILON || dot->label_y + dot->label_height > y1 + EPSILON)
            g_error ("the label of point %u (%.1f, %.1f) leaves its quadrant", i, point->management,
                     point->leadership);
          g_ptr_array_add (labelled, (gpointer)dot);
        }
      else
        g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), ==, TH_CHART_LABEL_NONE);
    }

  /* No two labels overlap: a sweep over the labels sorted by left edge. */
  g_ptr_array_sort (labelled, compare_by_label_x);
  for (guint a = 0; a < labelled->len; a++)
    {
      const ThChartDotLayout *da = labelled->pdata[a];

      for (guint b = a + 1; b < labelled->len; b++)
        {
          const ThChartDotLayout *db = labelled->pdata[b];

          if (db->label_x >= da->label_x + da->label_width)
            break;
          if (boxes_overlap (da->label_x, da->label_y, da->label_width, da->label_height,
                             db->label_x, db->label_y, db->label_width, db->label_height))
            g_error ("the labels of points %u and %u overlap", da->index, db->index);
        }
    }

  /* No label covers a dot, its own or another's. */
  for (guint a = 0; a < labelled->len; a++)
    {
      const ThChartDotLayout *da = labelled->pdata[a];

      for (guint i = 0; i < n_dots; i++)
        {
          const ThChartDotLayout *dot = &layout[i];

          if (boxes_overlap (da->label_x, da->label_y, da->label_width, da->label_height,
                             dot->x - dot->radius, dot->y - dot->radius, 2 * dot->radius,
                             2 * dot->radius))
            g_error ("the label of point %u covers the dot of point %u", da->index, i);
        }
    }

  return labelled->len;
}

/* The quadrant of every dot, as written in the test from docs/scores.md
 * "Quadrants" (a score equal to the threshold counts as high), and how
 * many dots each quadrant counts. */
static void
assert_quadrants (ThQuadrantChart *chart, const ThQuadrant *expected, guint n)
{
  guint n_dots;
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, &n_dots);
  guint counts[TH_QUADRANT_DEVELOPING + 1] = { 0 };

  g_assert_cmpuint (n_dots, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const ThChartPoint *point = th_quadrant_chart_get_point (chart, i);

      if (layout[i].quadrant != expected[i])
        g_error ("point %u (leadership %g, management %g, threshold %g) is in quadrant %d, not %d",
                 i, point->leadership, point->management, th_quadrant_chart_get_threshold (chart),
                 layout[i].quadrant, expected[i]);
      counts[expected[i]]++;
    }
  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, q), ==, counts[q]);
}

static void
test_layout (gconstpointer data)
{
  const LayoutCase *c = data;
  g_autoptr (ThQuadrantChart) chart = chart_with_points (c->n, 20260302);
  cairo_surface_t *surface = draw_to_image (chart, c->width, c->height);
  guint labelled = assert_layout_is_sound (chart, c->width, c->height);
  guint n_dots;
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, &n_dots);

  if (c->n <= 40 && c->width >= 1600)
    {
      /* A workshop-sized group on a full page: everyone has a label. */
      g_assert_cmpuint (labelled, ==, c->n);
      for (guint i = 0; i < n_dots; i++)
        g_assert_true (layout[i].labelled);
    }
  else if (c->n <= 1000 && c->width >= 1600)
    g_assert_cmpuint (labelled, >, 0);

  if (c->n == 1)
    g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, 0), ==, TH_CHART_LABEL_NAME);

  cairo_surface_destroy (surface);
}

static void
test_layout_highlight_in_density (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (10000, 7);
  cairo_surface_t *surface;

  th_quadrant_chart_set_highlight (chart, 4242);
  surface = draw_to_image (chart, 1600, 1200);
  assert_layout_is_sound (chart, 1600, 1200);

  /* Among ten thousand, only the one selected may get a name. */
  for (guint i = 0; i < 10000; i++)
    if (i != 4242)
      g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), ==, TH_CHART_LABEL_NONE);

  cairo_surface_destroy (surface);
}

static void
test_layout_corners (void)
{
  /* Scores of 0 and 100 are common; dots in the corners and on the edges
   * keep their labels. */
  static const char *const names[]
    = { "Top Right", "Top Left", "Bottom Left", "Bottom Right", "Middle", "Left Edge" };
  static const double scores[][2]
    = { { 100, 100 }, { 100, 0 }, { 0, 0 }, { 0, 100 }, { 50, 50 }, { 40, 0 } };
  /* "Middle" is on both lines of the default threshold, 50. */
  static const ThQuadrant quadrants[]
    = { TH_QUADRANT_BALANCED,          TH_QUADRANT_LEADERSHIP_DRIVEN, TH_QUADRANT_DEVELOPING,
        TH_QUADRANT_MANAGEMENT_DRIVEN, TH_QUADRANT_BALANCED,          TH_QUADRANT_DEVELOPING };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, G_N_ELEMENTS (names));
  cairo_surface_t *surface = draw_to_image (chart, 1600, 1200);

  g_assert_cmpuint (assert_layout_is_sound (chart, 1600, 1200), ==, G_N_ELEMENTS (names));
  assert_quadrants (chart, quadrants, G_N_ELEMENTS (quadrants));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), ==, TH_CHART_LABEL_NAME);

  cairo_surface_destroy (surface);
}

static void
test_layout_crowded_numbers (void)
{
  /* Forty people on one spot: names give way to numbers keyed in the legend. */
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (ThChartPoint));
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface;
  guint numbers = 0;
  guint leaders = 0;

  for (guint i = 0; i < 40; i++)
    {
      ThChartPoint point = { 0 };

      point.id = g_strdup_printf ("p%u", i + 1);
      point.name = g_strdup_printf ("Person number %u", i + 1);
      point.leadership = 60 + g_rand_double_range (rand, -4, 4);
      point.management = 60 + g_rand_double_range (rand, -4, 4);
      g_ptr_array_add (strings, point.id);
      g_ptr_array_add (strings, point.name);
      g_array_append_val (points, point);
    }
  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  surface = draw_to_image (chart, 1600, 1200);
  assert_layout_is_sound (chart, 1600, 1200);
  /* Everyone is between 56 and 64 on both: all forty in "both hats". */
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_BALANCED), ==, 40);

  for (guint i = 0; i < 40; i++)
    {
      numbers += th_quadrant_chart_get_label_kind (chart, i) == TH_CHART_LABEL_NUMBER;
      leaders += th_quadrant_chart_get_label_has_leader (chart, i);
    }
  g_assert_cmpuint (numbers, >, 0);
  g_assert_cmpuint (leaders, >, 0);

  cairo_surface_destroy (surface);
}

/* A dot under the group's mean marker: four people of a workshop, one of
 * whom (Carla) sits where the mean falls.  Every one of them is named,
 * and no dot is hidden under the marker. */
static void
test_dot_under_the_mean (void)
{
  static const char *const names[] = { "Ana", "Ben", "Carla", "Dev" };
  static const double scores[][2] = { { 50, 50 }, { 58.3, 39.6 }, { 50, 47.9 }, { 45.8, 52.1 } };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, 4);
  static const int sizes[][2] = { { 1600, 1200 }, { 842, 595 }, { 800, 600 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const ThChartDotLayout *layout;
      guint n_dots;

      cairo_surface_destroy (draw_to_image (chart, sizes[s][0], sizes[s][1]));
      layout = th_quadrant_chart_get_layout (chart, &n_dots);
      g_assert_cmpuint (n_dots, ==, 4);
      for (guint i = 0; i < n_dots; i++)
        if (!layout[i].labelled
            || th_quadrant_chart_get_label_kind (chart, layout[i].index) == TH_CHART_LABEL_NONE)
          g_error ("%s is not named at %d×%d", names[layout[i].index], sizes[s][0], sizes[s][1]);
      assert_layout_is_sound (chart, sizes[s][0], sizes[s][1]);
    }
}

static void
test_threshold_moves_boundary (void)
{
  static const char *const names[] = { "Ana", "Lee", "Kwame" };
  static const double scores[][2] = { { 60, 60 }, { 90, 20 }, { 20, 90 } };
  static const ThQuadrant at_50_quadrants[]
    = { TH_QUADRANT_BALANCED, TH_QUADRANT_LEADERSHIP_DRIVEN, TH_QUADRANT_MANAGEMENT_DRIVEN };
  static const ThQuadrant at_70_quadrants[]
    = { TH_QUADRANT_DEVELOPING, TH_QUADRANT_LEADERSHIP_DRIVEN, TH_QUADRANT_MANAGEMENT_DRIVEN };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, 3);
  cairo_surface_t *surface;
  double px, py, pw, ph;
  guint8 at_50[4], at_70[4];
  double sample_x, sample_y;

  surface = draw_to_image (chart, 1600, 1200);
  assert_quadrants (chart, at_50_quadrants, 3);
  assert_layout_is_sound (chart, 1600, 1200);

  /* A spot with management 62 and leadership 92 is in "both hats" at 50
   * and "leadership-driven" at 70. */
  th_quadrant_chart_get_plot_area (chart, &px, &py, &pw, &ph);
  sample_x = px + pw * 0.62;
  sample_y = py + ph * (1 - 0.92);
  get_pixel (surface, sample_x, sample_y, at_50);
  cairo_surface_destroy (surface);

  th_quadrant_chart_set_threshold (chart, 70);
  surface = draw_to_image (chart, 1600, 1200);
  assert_quadrants (chart, at_70_quadrants, 3);
  assert_layout_is_sound (chart, 1600, 1200);
  get_pixel (surface, sample_x, sample_y, at_70);
  cairo_surface_destroy (surface);

  /* At 60 Ana sits on both lines, which count as high: back in "both
   * hats", her label on that side of the lines. */
  th_quadrant_chart_set_threshold (chart, 60);
  draw_and_forget (chart, 1600, 1200);
  assert_quadrants (chart, at_50_quadrants, 3);
  assert_layout_is_sound (chart, 1600, 1200);

  /* Bluish green (#009e73) tint, then the blue (#0072b2) of leadership. */
  g_assert_cmpint (at_50[1], >, at_50[0]);
  g_assert_cmpint (at_70[2], >, at_70[0]);
  g_assert_cmpint (at_70[2], >, at_50[2]);
}

/* Dots exactly on a threshold line belong to the quadrant on its high
 * side (docs/scores.md "Quadrants"), and their labels are drawn there. */
static void
test_on_threshold (gconstpointer data)
{
  double t = *(const double *)data;
  const char *const names[] = { "Ada", "Ben", "Cyd", "Dee", "Eve" };
  /* Leadership, management: on both lines, on the leadership line with
   * management high and low, on the management line with leadership
   * high and low.  The group mean falls below and left of the first dot,
   * whose label would otherwise have to make room for the mean's marker. */
  const double scores[][2] = { { t, t }, { t, 70 }, { t, 10 }, { 70, t }, { 10, t } };
  static const ThQuadrant quadrants[]
    = { TH_QUADRANT_BALANCED, TH_QUADRANT_BALANCED, TH_QUADRANT_LEADERSHIP_DRIVEN,
        TH_QUADRANT_BALANCED, TH_QUADRANT_MANAGEMENT_DRIVEN };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, G_N_ELEMENTS (names));

  th_quadrant_chart_set_threshold (chart, t);
  draw_and_forget (chart, 1600, 1200);
  assert_quadrants (chart, quadrants, G_N_ELEMENTS (quadrants));
  /* Everyone has room for a label, and each stays in its dot's quadrant. */
  g_assert_cmpuint (assert_layout_is_sound (chart, 1600, 1200), ==, G_N_ELEMENTS (names));
}

static void
test_pixels_tint_and_background (void)
{
  static const char *const names[] = { "Ana", "Lee", "Kwame" };
  static const double scores[][2] = { { 20, 20 }, { 30, 25 }, { 15, 30 } };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, 3);
  cairo_surface_t *surface;
  double px, py, pw, ph;
  guint8 rgba[4];

  /* Nobody is in "both hats": the middle of that quadrant shows its tint,
   * #009e73 at 13% over white. */
  surface = draw_to_image (chart, 1600, 1200);
  th_quadrant_chart_get_plot_area (chart, &px, &py, &pw, &ph);
  get_pixel (surface, px + pw * 0.625, py + ph * (1 - 0.625), rgba);
  assert_color_near (rgba, 255 * 0.87, 255 * 0.87 + 0x9e * 0.13, 255 * 0.87 + 0x73 * 0.13, 3);
  get_pixel (surface, 2, 2, rgba);
  assert_color_near (rgba, 255, 255, 255, 0);
  g_assert_cmpint (rgba[3], ==, 255);
  cairo_surface_destroy (surface);

  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_DARK);
  surface = draw_to_image (chart, 1600, 1200);
  get_pixel (surface, 2, 2, rgba);
  assert_color_near (rgba, 0x24, 0x24, 0x24, 0);
  cairo_surface_destroy (surface);

  /* Paper gets no background outside the plot... */
  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_PRINT);
  surface = draw_to_image (chart, 1600, 1200);
  get_pixel (surface, 2, 2, rgba);
  g_assert_cmpint (rgba[3], ==, 0);
  /* ...but the tints still show. */
  get_pixel (surface, px + pw * 0.625, py + ph * (1 - 0.625), rgba);
  g_assert_cmpint (rgba[3], ==, 255);
  g_assert_cmpint (rgba[1], >, rgba[0]);
  cairo_surface_destroy (surface);

  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_HIGH_CONTRAST);
  surface = draw_to_image (chart, 1600, 1200);
  get_pixel (surface, 2, 2, rgba);
  assert_color_near (rgba, 255, 255, 255, 0);
  cairo_surface_destroy (surface);
}

/* Dark pixels straight above and below a dot, between @inner and @outer
 * from its centre: where a ring shows, and where a label beside the dot
 * does not reach. */
static guint
count_dark_pixels_around (cairo_surface_t *surface, const ThChartDotLayout *dot, double inner,
                          double outer)
{
  guint count = 0;

  for (int y = (int)(dot->y - outer); y <= (int)(dot->y + outer); y++)
    for (int x = (int)(dot->x - outer); x <= (int)(dot->x + outer); x++)
      {
        double d = hypot (x + 0.5 - dot->x, y + 0.5 - dot->y);
        guint8 rgba[4];

        if (d < inner || d > outer || fabs (x + 0.5 - dot->x) > dot->radius * 0.5)
          continue;
        get_pixel (surface, x, y, rgba);
        if (rgba[3] == 255 && rgba[0] + rgba[1] + rgba[2] < 200)
          count++;
      }

  return count;
}

static void
test_pixels_highlight_ring (void)
{
  static const char *const names[] = { "Ana", "Lee", "Kwame" };
  static const double scores[][2] = { { 82, 62 }, { 30, 37 }, { 62, 88 } };
  static const ThQuadrant quadrants[]
    = { TH_QUADRANT_BALANCED, TH_QUADRANT_DEVELOPING, TH_QUADRANT_BALANCED };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, 3);
  cairo_surface_t *plain;
  cairo_surface_t *ringed;
  const ThChartDotLayout *layout;
  guint before, after;
  double inner, outer;

  plain = draw_to_image (chart, 1600, 1200);
  th_quadrant_chart_set_highlight (chart, 1);
  g_assert_cmpint (th_quadrant_chart_get_highlight (chart), ==, 1);
  ringed = draw_to_image (chart, 1600, 1200);
  assert_layout_is_sound (chart, 1600, 1200);
  assert_quadrants (chart, quadrants, 3);

  layout = th_quadrant_chart_get_layout (chart, NULL);
  inner = layout[1].radius * 1.35;
  outer = layout[1].radius * 2.2;
  before = count_dark_pixels_around (plain, &layout[1], inner, outer);
  after = count_dark_pixels_around (ringed, &layout[1], inner, outer);
  g_assert_cmpuint (before, <, 3);
  g_assert_cmpuint (after, >, layout[1].radius);

  /* The other dots are as they were. */
  g_assert_cmpuint (count_dark_pixels_around (ringed, &layout[0], inner, outer), <, 3);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (ringed);
}

typedef struct
{
  guint n;
  int width;
  int height;
} TickCase;

/* @n points with the first four in the corners of the plot (or, when
 * @in_corners is FALSE, near the middle), the one at management 100,
 * leadership 0 highlighted. */
static ThQuadrantChart *
chart_with_corner_points (guint n, gboolean in_corners)
{
  static const double corners[][2] = { { 0, 100 }, { 100, 0 }, { 0, 0 }, { 100, 100 } };
  static const double middle[][2] = { { 40, 60 }, { 60, 40 }, { 40, 40 }, { 60, 60 } };
  ThQuadrantChart *chart = th_quadrant_chart_new ();
  GArray *points = chart_test_make_points (n, 23);

  for (guint i = 0; i < G_N_ELEMENTS (corners) && i < n; i++)
    {
      ThChartPoint *point = &g_array_index (points, ThChartPoint, i);

      point->leadership = in_corners ? corners[i][0] : middle[i][0];
      point->management = in_corners ? corners[i][1] : middle[i][1];
    }
  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  th_quadrant_chart_set_title (chart, "Corners");
  th_quadrant_chart_set_highlight (chart, 0);
  chart_test_free_points (points);

  return chart;
}

static gboolean
is_ink (const guint8 rgba[4])
{
  return rgba[0] + rgba[1] + rgba[2] < 3 * 255 - 90;
}

static void
test_pixels_tick_labels_uncovered (gconstpointer data)
{
  const TickCase *c = data;
  g_autoptr (ThQuadrantChart) crowded = chart_with_corner_points (c->n, TRUE);
  g_autoptr (ThQuadrantChart) reference = chart_with_corner_points (c->n, FALSE);
  cairo_surface_t *drawn = draw_to_image (crowded, c->width, c->height);
  cairo_surface_t *expected = draw_to_image (reference, c->width, c->height);
  double px, py, pw, ph, rx, ry, rw, rh;
  int tick_length = 0;
  int x0, y0, x1, y1;
  guint compared = 0;

  /* Dots in the corners, one of them ringed, move nothing but themselves:
   * the two charts have the same plot, axes and legend. */
  th_quadrant_chart_get_plot_area (crowded, &px, &py, &pw, &ph);
  th_quadrant_chart_get_plot_area (reference, &rx, &ry, &rw, &rh);
  g_assert_cmpfloat (px, ==, rx);
  g_assert_cmpfloat (py, ==, ry);
  g_assert_cmpfloat (pw, ==, rw);

  /* The tick marks may be crossed by a dot on the edge; only their labels
   * and the axis titles beyond them must stay whole.  How long a mark is
   * shows below the plot, under the tick at 25. */
  for (guint8 rgba[4];; tick_length++)
    {
      get_pixel (expected, floor (px + pw / 4), py + ph + tick_length + 1, rgba);
      if (!is_ink (rgba))
        break;
    }

  /* Every pixel of text around the plot, from the axis titles to the
   * tick labels, is as it is when nobody sits in the corners. */
  x0 = (int)MAX (0, px - pw * 0.12);
  y0 = (int)MAX (0, py - ph * 0.06);
  x1 = (int)MIN (c->width, px + pw + pw * 0.045);
  y1 = (int)MIN (c->height, py + ph + ph * 0.12);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint8 want[4], got[4];
        double margin = tick_length + 2;

        if (x >= px - margin && x < px + pw + margin && y >= py - margin && y < py + ph + margin)
          continue;

        get_pixel (expected, x, y, want);
        if (!is_ink (want))
          continue;
        get_pixel (drawn, x, y, got);
        compared++;
        if (abs (got[0] - want[0]) > 24 || abs (got[1] - want[1]) > 24
            || abs (got[2] - want[2]) > 24)
          g_error ("%u points at %dx%d: the text at (%d, %d) is covered: %u,%u,%u instead of "
                   "%u,%u,%u",
                   c->n, c->width, c->height, x, y, got[0], got[1], got[2], want[0], want[1],
                   want[2]);
      }

  /* Tick labels and both axis titles, not an empty band. */
  g_assert_cmpuint (compared, >, 200);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (expected);
}

/* The shading along one line across the plot, from score @from to @to
 * at the other score @at: the spread of each colour channel. */
static int
shading_spread (cairo_surface_t *surface, ThQuadrantChart *chart, gboolean across, double at,
                double from, double to)
{
  double px, py, pw, ph;
  int low[3] = { 255, 255, 255 };
  int high[3] = { 0, 0, 0 };
  int spread = 0;

  th_quadrant_chart_get_plot_area (chart, &px, &py, &pw, &ph);
  for (double v = from; v <= to; v += 100.0 / pw)
    {
      double x = across ? px + pw * v / 100 : px + pw * at / 100;
      double y = across ? py + ph * (100 - at) / 100 : py + ph * (100 - v) / 100;
      guint8 rgba[4];

      get_pixel (surface, x, y, rgba);
      for (int k = 0; k < 3; k++)
        {
          low[k] = MIN (low[k], rgba[k]);
          high[k] = MAX (high[k], rgba[k]);
        }
    }
  for (int k = 0; k < 3; k++)
    spread = MAX (spread, high[k] - low[k]);

  return spread;
}

static void
test_pixels_heat_is_even (gconstpointer data)
{
  const int *size = data;
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (ThChartPoint));
  cairo_surface_t *surface;

  /* Four people on every score the built-in deck allows, twelve behaviours
   * a side (docs/scores.md): a crowd of even density, which must be
   * shaded evenly, not in stripes where bins hold no possible score. */
  for (int s_l = 12; s_l <= 60; s_l++)
    for (int s_m = 12; s_m <= 60; s_m++)
      for (int k = 0; k < 4; k++)
        {
          ThChartPoint point = { (char *)"p", (char *)"Someone", 100.0 * (s_l - 12) / (4.0 * 12),
                                 100.0 * (s_m - 12) / (4.0 * 12) };

          g_array_append_val (points, point);
        }
  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  surface = draw_to_image (chart, size[0], size[1]);

  /* Lines through the middle of two quadrants, clear of the threshold,
   * the edges, the grid, the quadrant names and the mean. */
  g_assert_cmpint (shading_spread (surface, chart, TRUE, 70, 56, 94), <=, 16);
  g_assert_cmpint (shading_spread (surface, chart, FALSE, 70, 56, 86), <=, 16);
  g_assert_cmpint (shading_spread (surface, chart, TRUE, 30, 6, 44), <=, 16);
  g_assert_cmpint (shading_spread (surface, chart, FALSE, 30, 26, 44), <=, 16);

  cairo_surface_destroy (surface);
}

static void
test_hit_test (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (12, 99);
  cairo_surface_t *surface = draw_to_image (chart, 1600, 1200);
  guint n_dots;
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, &n_dots);

  for (guint i = 0; i < n_dots; i++)
    {
      int hit = th_quadrant_chart_hit_test (chart, layout[i].x, layout[i].y);

      g_assert_cmpint (hit, >=, 0);
      g_assert_cmpfloat (hypot (layout[hit].x - layout[i].x, layout[hit].y - layout[i].y), <,
                         EPSILON);
      g_assert_cmpint (
        th_quadrant_chart_hit_test (chart, layout[i].x + layout[i].radius + 3, layout[i].y), >=, 0);
    }
  g_assert_cmpint (th_quadrant_chart_hit_test (chart, 1, 1), ==, -1);
  g_assert_cmpint (th_quadrant_chart_hit_test (chart, 1599, 1199), ==, -1);

  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface = draw_to_image (chart, 800, 600);
  guint n_dots = 99;

  th_quadrant_chart_get_layout (chart, &n_dots);
  g_assert_cmpuint (n_dots, ==, 0);
  g_assert_false (th_quadrant_chart_get_mean (chart, NULL, NULL));
  g_assert_cmpint (th_quadrant_chart_hit_test (chart, 400, 300), ==, -1);
  cairo_surface_destroy (surface);

  g_assert_true (th_quadrant_chart_export (chart, pdf, 800, 600, &error));
  g_assert_no_error (error);
  text = chart_test_pdf_to_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "No one has a position yet"));
      g_assert_nonnull (strstr (text, "Quadrant chart"));
      g_assert_nonnull (strstr (text, "Both hats"));
    }

  chart_test_remove_dir (dir);
}

static void
test_rtl_and_emoji (void)
{
  static const char *const names[] = {
    "سارة الحربي",
    "דוד כהן",
    "Mateo 🎩",
    "👩🏽‍💻",
    "Bartholomew Featherstonehaugh-Worthington the Third of Little Snoring",
    "Zoë O’Brien-Łukasiewicz",
  };
  static const double scores[][2]
    = { { 80, 20 }, { 20, 80 }, { 80, 80 }, { 20, 20 }, { 60, 30 }, { 35, 65 } };
  static const ThQuadrant quadrants[] = {
    TH_QUADRANT_LEADERSHIP_DRIVEN, TH_QUADRANT_MANAGEMENT_DRIVEN, TH_QUADRANT_BALANCED,
    TH_QUADRANT_DEVELOPING,        TH_QUADRANT_LEADERSHIP_DRIVEN, TH_QUADRANT_MANAGEMENT_DRIVEN
  };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, G_N_ELEMENTS (names));
  g_autofree char *dir = chart_test_make_dir ();
  cairo_surface_t *surface = draw_to_image (chart, 1600, 1200);
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, NULL);
  const char *formats[] = { "pdf", "svg", "png" };

  g_assert_cmpuint (assert_layout_is_sound (chart, 1600, 1200), ==, G_N_ELEMENTS (names));
  assert_quadrants (chart, quadrants, G_N_ELEMENTS (quadrants));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), ==, TH_CHART_LABEL_NAME);
      g_assert_cmpfloat (layout[i].label_width, >, layout[i].label_height * 0.5);
    }

  /* The long name is cut to about 24 characters, not drawn across the plot. */
  g_assert_cmpfloat (layout[4].label_width, <, layout[4].label_height * 16);
  g_assert_cmpfloat (layout[4].label_width, >, layout[4].label_height * 6);
  cairo_surface_destroy (surface);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("names.%s", formats[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GError) error = NULL;

      g_assert_true (th_quadrant_chart_export (chart, path, 1200, 900, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  chart_test_remove_dir (dir);
}

static gboolean
have_font_family (const char *wanted)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  int n_families = 0;

  pango_font_map_list_families (map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), wanted) == 0)
      return TRUE;

  return FALSE;
}

static void
test_pixels_colour_emoji (void)
{
  static const char *const names[] = { "Mateo 🎩🎩🎩" };
  static const double scores[][2] = { { 70, 70 } };
  g_autoptr (ThQuadrantChart) chart = NULL;
  const ThChartDotLayout *layout;
  cairo_surface_t *surface;
  guint coloured = 0;

  /* tools/deps --tests installs it; without it emoji are drawn as boxes. */
  if (!have_font_family ("Noto Color Emoji"))
    {
      g_test_skip ("fonts-noto-color-emoji is not installed");
      return;
    }

  chart = chart_with_named_points (names, scores, 1);
  surface = draw_to_image (chart, 1600, 1200);
  layout = th_quadrant_chart_get_layout (chart, NULL);
  g_assert_true (layout[0].labelled);

  /* The label is dark text on a pale backdrop; only the hats' red bands
   * bring strong colour into it. */
  for (int y = (int)layout[0].label_y; y < layout[0].label_y + layout[0].label_height; y++)
    for (int x = (int)layout[0].label_x; x < layout[0].label_x + layout[0].label_width; x++)
      {
        guint8 rgba[4];

        get_pixel (surface, x, y, rgba);
        if (MAX (rgba[0], MAX (rgba[1], rgba[2])) - MIN (rgba[0], MIN (rgba[1], rgba[2])) > 100)
          coloured++;
      }
  g_assert_cmpuint (coloured, >, 6);

  cairo_surface_destroy (surface);
}

static void
test_sizes (void)
{
  /* From a thumbnail to an A3 sheet in points, portrait and landscape. */
  static const int sizes[][2]
    = { { 360, 270 }, { 270, 360 }, { 64, 64 }, { 595, 842 }, { 1191, 842 }, { 3000, 800 } };
  g_autoptr (ThQuadrantChart) chart = chart_with_points (40, 11);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = draw_to_image (chart, sizes[i][0], sizes[i][1]);

      assert_layout_is_sound (chart, sizes[i][0], sizes[i][1]);
      cairo_surface_destroy (surface);
    }
}

static void
test_scaled_context (void)
{
  /* The print dialog hands over a context already scaled to the page;
   * layouts are in the coordinates of that context. */
  g_autoptr (ThQuadrantChart) chart = chart_with_points (12, 5);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1200);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 2, 2);
  th_quadrant_chart_draw (chart, cr, 800, 600);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  assert_layout_is_sound (chart, 800, 600);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_export_formats (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (40, 1);
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.PNG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GMarkupParseContext) parser = NULL;
  static const GMarkupParser no_handlers = { NULL };
  cairo_surface_t *image;
  gsize length;
  char *end;

  th_quadrant_chart_set_title (chart, "Offsite in Lisbon");

  g_assert_true (th_quadrant_chart_export (chart, png, 800, 600, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  cairo_surface_destroy (image);

  g_assert_true (th_quadrant_chart_export (chart, pdf, 842, 595, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  end = contents + length;
  while (end > contents && g_ascii_isspace (end[-1]))
    end--;
  g_assert_cmpint (end - contents, >, 5);
  g_assert_cmpmem (end - 5, 5, "%%EOF", 5);
  g_clear_pointer (&contents, g_free);
  text = chart_test_pdf_to_text (pdf);
  if (text != NULL)
    {
      /* Real text, not outlines. */
      g_assert_nonnull (strstr (text, "Offsite in Lisbon"));
      g_assert_nonnull (strstr (text, "Management"));
      g_assert_nonnull (strstr (text, "Leadership"));
      g_assert_nonnull (strstr (text, "Group mean"));
      g_assert_nonnull (strstr (text, "40 participants"));
    }

  g_assert_true (th_quadrant_chart_export (chart, svg, 800, 600, &error));
  g_assert_no_error (error);
  contents = read_file (svg, &length);
  g_assert_nonnull (strstr (contents, "<svg"));
  parser = g_markup_parse_context_new (&no_handlers, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, contents, (gssize)length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);

  chart_test_remove_dir (dir);
}

static void
test_export_errors (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (3, 1);
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *bmp = g_build_filename (dir, "chart.bmp", NULL);
  g_autofree char *none = g_build_filename (dir, "chart", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.png", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (th_quadrant_chart_export (chart, bmp, 800, 600, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (th_quadrant_chart_export (chart, none, 800, 600, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_clear_error (&error);

  g_assert_false (th_quadrant_chart_export (chart, zero, 0, 600, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_assert_false (g_file_test (zero, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (th_quadrant_chart_export (chart, missing, 800, 600, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  chart_test_remove_dir (dir);
}

static void
assert_no_names (const char *text, GArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      const char *name = g_array_index (points, ThChartPoint, i).name;
      const char *surname = strchr (name, ' ');

      if (strstr (text, name) != NULL)
        g_error ("anonymous output names “%s”", name);
      if (surname != NULL && strstr (text, surname + 1) != NULL)
        g_error ("anonymous output names “%s”", surname + 1);
    }
}

static void
test_anonymous (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  GArray *points = chart_test_make_points (40, 17);
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *named_pdf = g_build_filename (dir, "named.pdf", NULL);
  g_autofree char *anonymous_pdf = g_build_filename (dir, "anonymous.pdf", NULL);
  g_autofree char *anonymous_svg = g_build_filename (dir, "anonymous.svg", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *svg = NULL;
  cairo_surface_t *surface;
  guint numbered = 0;

  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);

  /* Small enough that some names give way to numbers keyed in the legend. */
  g_assert_true (th_quadrant_chart_export (chart, named_pdf, 600, 450, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < points->len; i++)
    numbered += th_quadrant_chart_get_label_kind (chart, i) == TH_CHART_LABEL_NUMBER;
  g_assert_cmpuint (numbered, >, 0);
  text = chart_test_pdf_to_text (named_pdf);
  if (text != NULL)
    g_assert_nonnull (strstr (text, g_array_index (points, ThChartPoint, 0).name));
  g_clear_pointer (&text, g_free);

  th_quadrant_chart_set_anonymous (chart, TRUE);
  g_assert_true (th_quadrant_chart_export (chart, anonymous_pdf, 600, 450, &error));
  g_assert_no_error (error);
  g_assert_true (th_quadrant_chart_export (chart, anonymous_svg, 600, 450, &error));
  g_assert_no_error (error);

  surface = draw_to_image (chart, 1600, 1200);
  assert_layout_is_sound (chart, 1600, 1200);
  for (guint i = 0; i < points->len; i++)
    g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, i), !=, TH_CHART_LABEL_NAME);
  g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, 0), ==, TH_CHART_LABEL_NUMBER);
  cairo_surface_destroy (surface);

  svg = read_file (anonymous_svg, NULL);
  assert_no_names (svg, points);
  text = chart_test_pdf_to_text (anonymous_pdf);
  if (text != NULL)
    {
      assert_no_names (text, points);
      /* Numbers in point order instead. */
      g_assert_nonnull (strstr (text, "1"));
    }

  chart_test_free_points (points);
  chart_test_remove_dir (dir);
}

static void
changed_cb (ThQuadrantChart *chart, guint *count)
{
  (*count)++;
}

static void
test_options_and_signals (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autofree char *style_nick = NULL;
  guint changed = 0;
  double threshold;

  g_signal_connect (chart, "changed", G_CALLBACK (changed_cb), &changed);

  th_quadrant_chart_set_threshold (chart, 60);
  g_assert_cmpuint (changed, ==, 1);
  th_quadrant_chart_set_threshold (chart, 60);
  g_assert_cmpuint (changed, ==, 1);
  g_object_get (chart, "threshold", &threshold, NULL);
  g_assert_cmpfloat (threshold, ==, 60);

  th_quadrant_chart_set_title (chart, "A");
  th_quadrant_chart_set_title (chart, "A");
  g_assert_cmpstr (th_quadrant_chart_get_title (chart), ==, "A");
  th_quadrant_chart_set_date (chart, date);
  th_quadrant_chart_set_date (chart, date);
  th_quadrant_chart_set_anonymous (chart, TRUE);
  g_assert_true (th_quadrant_chart_get_anonymous (chart));
  g_object_set (chart, "style", TH_CHART_STYLE_DARK, NULL);
  g_assert_cmpint (th_quadrant_chart_get_style (chart), ==, TH_CHART_STYLE_DARK);
  g_assert_cmpuint (changed, ==, 5);

  /* A highlight past the end is no highlight. */
  th_quadrant_chart_set_highlight (chart, 3);
  g_assert_cmpint (th_quadrant_chart_get_highlight (chart), ==, -1);
  g_assert_cmpuint (changed, ==, 5);

  style_nick = g_enum_to_string (TH_TYPE_CHART_STYLE, TH_CHART_STYLE_HIGH_CONTRAST);
  g_assert_cmpstr (style_nick, ==, "TH_CHART_STYLE_HIGH_CONTRAST");
}

static void
test_without_header (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (12, 3);
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *with_pdf = g_build_filename (dir, "with.pdf", NULL);
  g_autofree char *without_pdf = g_build_filename (dir, "without.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  double with_y, with_side, without_y, without_side;
  guint changed = 0;
  gboolean shown;

  th_quadrant_chart_set_title (chart, "Offsite in Lisbon");
  g_assert_true (th_quadrant_chart_get_show_header (chart));
  draw_and_forget (chart, 515, 320);
  th_quadrant_chart_get_plot_area (chart, NULL, &with_y, &with_side, NULL);
  g_assert_true (th_quadrant_chart_export (chart, with_pdf, 515, 320, &error));
  g_assert_no_error (error);

  /* A handout's small chart: the page around it has the heading. */
  g_signal_connect (chart, "changed", G_CALLBACK (changed_cb), &changed);
  th_quadrant_chart_set_show_header (chart, FALSE);
  th_quadrant_chart_set_show_header (chart, FALSE);
  g_assert_cmpuint (changed, ==, 1);
  g_object_get (chart, "show-header", &shown, NULL);
  g_assert_false (shown);

  draw_and_forget (chart, 515, 320);
  th_quadrant_chart_get_plot_area (chart, NULL, &without_y, &without_side, NULL);
  assert_layout_is_sound (chart, 515, 320);
  /* The room goes to the plot. */
  g_assert_cmpfloat (without_y, <, with_y);
  g_assert_cmpfloat (without_side, >, with_side);

  g_assert_true (th_quadrant_chart_export (chart, without_pdf, 515, 320, &error));
  g_assert_no_error (error);
  text = chart_test_pdf_to_text (with_pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Offsite in Lisbon"));
      g_assert_nonnull (strstr (text, "12 participants"));
      g_free (text);
      text = chart_test_pdf_to_text (without_pdf);
      g_assert_null (strstr (text, "Offsite in Lisbon"));
      g_assert_null (strstr (text, "12 participants"));
      g_assert_nonnull (strstr (text, "Management"));
      g_assert_nonnull (strstr (text, "Both hats"));
    }

  chart_test_remove_dir (dir);
}

static void
test_points_are_copied (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  char name[] = "Ana";
  char id[] = "p1";
  ThChartPoint point = { id, name, 150.0, NAN };
  const ThChartPoint *stored;
  double l, m;

  th_quadrant_chart_set_points (chart, &point, 1);
  name[0] = 'X';
  stored = th_quadrant_chart_get_point (chart, 0);
  g_assert_cmpstr (stored->name, ==, "Ana");
  g_assert_cmpstr (stored->id, ==, "p1");
  /* Out-of-range scores are held to the chart. */
  g_assert_cmpfloat (stored->leadership, ==, 100.0);
  g_assert_cmpfloat (stored->management, ==, 0.0);
  g_assert_true (th_quadrant_chart_get_mean (chart, &l, &m));
  g_assert_cmpfloat (l, ==, 100.0);

  th_quadrant_chart_set_points (chart, NULL, 0);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 0);
}

/* New points may borrow the chart's own: its array, or its strings in
 * another order.  (The chart keeps strings that do not change.) */
static void
test_points_from_the_chart (void)
{
  g_autoptr (ThQuadrantChart) chart = chart_with_points (4, 8);
  g_autofree char *third = g_strdup (th_quadrant_chart_get_point (chart, 2)->name);
  ThChartPoint swapped[3];

  swapped[0] = *th_quadrant_chart_get_point (chart, 2);
  swapped[1] = *th_quadrant_chart_get_point (chart, 0);
  swapped[2] = *th_quadrant_chart_get_point (chart, 1);
  swapped[1].leadership = 12.5;
  th_quadrant_chart_set_points (chart, swapped, 3);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 3);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 0)->id, ==, "p3");
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 0)->name, ==, third);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 1)->id, ==, "p1");
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, 1)->leadership, ==, 12.5);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 2)->id, ==, "p2");

  /* The tail of its own array, and then the whole of it. */
  th_quadrant_chart_set_points (chart, th_quadrant_chart_get_point (chart, 1), 2);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 2);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 0)->id, ==, "p1");
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 1)->id, ==, "p2");
  th_quadrant_chart_set_points (chart, th_quadrant_chart_get_point (chart, 0), 2);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 0)->id, ==, "p1");
  draw_and_forget (chart, 800, 600);
  assert_layout_is_sound (chart, 800, 600);
}

static void
test_label_cache_survives_new_data (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  GArray *points = chart_test_make_points (n, 31);
  ThChartPoint *moved = &g_array_index (points, ThChartPoint, n / 2);
  ThChartPoint *renamed = &g_array_index (points, ThChartPoint, n / 3);
  guint shaped;

  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  draw_and_forget (chart, 1600, 1200);
  draw_and_forget (chart, 1600, 1200);
  shaped = th_quadrant_chart_get_n_labels_shaped (chart);
  g_assert_cmpuint (shaped, >, 0);

  /* An answer arrives: one person moves, another is renamed.  Only the
   * new name is laid out, and perhaps the few labels that now find room
   * where they had none; not every name again. */
  moved->leadership = 100 - moved->leadership;
  g_free (renamed->name);
  renamed->name = g_strdup ("Ysolde Pennyfeather-Quist");
  th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
  draw_and_forget (chart, 1600, 1200);
  g_test_message ("%u labels laid out for the first draw, %u after the change", shaped,
                  th_quadrant_chart_get_n_labels_shaped (chart) - shaped);
  g_assert_cmpuint (th_quadrant_chart_get_n_labels_shaped (chart) - shaped, <=, 6);
  assert_layout_is_sound (chart, 1600, 1200);

  /* A new size is a new label size: then everything is laid out again. */
  shaped = th_quadrant_chart_get_n_labels_shaped (chart);
  draw_and_forget (chart, 800, 600);
  g_assert_cmpuint (th_quadrant_chart_get_n_labels_shaped (chart), >, shaped);
  assert_layout_is_sound (chart, 800, 600);

  chart_test_free_points (points);
}

static void
test_label_cache_follows_names (void)
{
  static const char *const names[] = { "Al", "Bartholomew Featherstonehaugh", "Zebedee" };
  static const double scores[][2] = { { 80, 20 }, { 20, 80 }, { 30, 30 } };
  g_autoptr (ThQuadrantChart) chart = chart_with_named_points (names, scores, 3);
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *pdf = g_build_filename (dir, "renamed.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  ThChartPoint points[3];
  const ThChartDotLayout *layout;

  draw_and_forget (chart, 1600, 1200);
  layout = th_quadrant_chart_get_layout (chart, NULL);
  g_assert_cmpfloat (layout[0].label_width, <, layout[1].label_width);

  /* The cache is keyed by text, not by point: swapped names swap labels,
   * and a renamed point shows its new name. */
  for (guint i = 0; i < 3; i++)
    points[i] = *th_quadrant_chart_get_point (chart, i);
  points[0].name = (char *)names[1];
  points[1].name = (char *)names[0];
  points[2].name = (char *)"Ysolde";
  th_quadrant_chart_set_points (chart, points, 3);
  draw_and_forget (chart, 1600, 1200);
  layout = th_quadrant_chart_get_layout (chart, NULL);
  g_assert_cmpfloat (layout[0].label_width, >, layout[1].label_width);

  g_assert_true (th_quadrant_chart_export (chart, pdf, 1600, 1200, &error));
  g_assert_no_error (error);
  text = chart_test_pdf_to_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Ysolde"));
      g_assert_null (strstr (text, "Zebedee"));
    }

  chart_test_remove_dir (dir);
}

static void
test_label_cache_is_bounded (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  guint most = 0;

  /* Thirty rounds of three hundred new people, all named (and numbered)
   * where there is room: nine thousand names in all. */
  for (guint round = 0; round < 30; round++)
    {
      GArray *points = chart_test_make_points (300, round);

      for (guint i = 0; i < points->len; i++)
        {
          ThChartPoint *point = &g_array_index (points, ThChartPoint, i);

          g_free (point->name);
          point->name = g_strdup_printf ("Person %u of round %u", i, round);
        }
      th_quadrant_chart_set_points (chart, (const ThChartPoint *)(void *)points->data, points->len);
      draw_and_forget (chart, 1200, 900);
      most = MAX (most, th_quadrant_chart_get_n_labels_cached (chart));
      chart_test_free_points (points);
    }

  g_assert_cmpuint (most, >=, 300);
  g_assert_cmpuint (most, <=, 4096 + 300);
}

static void
test_placer (void)
{
  ThChartRect bounds = { 0, 0, 100, 100 };
  ThChartRect a = { 10, 10, 20, 10 };
  ThChartRect touching = { 30, 10, 10, 10 };
  ThChartRect overlapping = { 25, 15, 10, 10 };
  ThChartRect outside = { 95, 10, 10, 10 };
  ThChartRect crossed = { 60, 60, 10, 10 };
  g_autoptr (ThChartPlacer) placer = th_chart_placer_new (&bounds, 7);

  th_chart_placer_add_box (placer, &a, 0);
  g_assert_true (th_chart_placer_box_is_free (placer, &touching));
  g_assert_false (th_chart_placer_box_is_free (placer, &overlapping));
  g_assert_false (th_chart_placer_box_is_free (placer, &outside));

  th_chart_placer_add_segment (placer, 50, 50, 90, 90, 1);
  g_assert_false (th_chart_placer_box_is_free (placer, &crossed));
  /* Segments: crossing another is refused, except the owner's own. */
  g_assert_false (th_chart_placer_segment_is_free (placer, 50, 90, 90, 50, 2));
  g_assert_true (th_chart_placer_segment_is_free (placer, 50, 90, 90, 50, 1));
  g_assert_false (th_chart_placer_segment_is_free (placer, 0, 15, 50, 15, 2));
  g_assert_true (th_chart_placer_segment_is_free (placer, 0, 15, 50, 15, 0));
  g_assert_true (th_chart_placer_segment_is_free (placer, 0, 40, 40, 40, 2));
}

int
main (int argc, char *argv[])
{
  static const LayoutCase cases[] = {
    { 1, 1600, 1200 },    { 12, 1600, 1200 },    { 40, 1600, 1200 },  { 300, 1600, 1200 },
    { 1000, 1600, 1200 }, { 10000, 1600, 1200 }, { 1, 360, 270 },     { 12, 360, 270 },
    { 40, 360, 270 },     { 1000, 360, 270 },    { 10000, 360, 270 },
  };

  static const TickCase tick_cases[] = {
    { 12, 1600, 1200 }, { 40, 800, 600 },   { 300, 1200, 900 },    { 1000, 1600, 1200 },
    { 1000, 800, 600 }, { 1000, 400, 300 }, { 10000, 1600, 1200 },
  };

  static const int heat_sizes[][2] = { { 1600, 1200 }, { 360, 270 } };

  /* The default threshold, and one that is not a whole number. */
  static const double thresholds[] = { 50.0, 62.5 };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/layout/%u-at-%dx%d", cases[i].n,
                                               cases[i].width, cases[i].height);

      g_test_add_data_func (path, &cases[i], test_layout);
    }
  g_test_add_func ("/chart/layout/highlight-in-density", test_layout_highlight_in_density);
  g_test_add_func ("/chart/layout/corners", test_layout_corners);
  g_test_add_func ("/chart/layout/crowded-numbers", test_layout_crowded_numbers);
  g_test_add_func ("/chart/layout/threshold", test_threshold_moves_boundary);
  g_test_add_func ("/chart/layout/dot-under-the-mean", test_dot_under_the_mean);
  g_test_add_data_func ("/chart/layout/on-threshold/50", &thresholds[0], test_on_threshold);
  g_test_add_data_func ("/chart/layout/on-threshold/62.5", &thresholds[1], test_on_threshold);
  g_test_add_func ("/chart/layout/sizes", test_sizes);
  g_test_add_func ("/chart/layout/scaled-context", test_scaled_context);
  g_test_add_func ("/chart/layout/rtl-and-emoji", test_rtl_and_emoji);
  g_test_add_func ("/chart/pixels/colour-emoji", test_pixels_colour_emoji);
  g_test_add_func ("/chart/pixels/tint-and-background", test_pixels_tint_and_background);
  g_test_add_func ("/chart/pixels/highlight-ring", test_pixels_highlight_ring);
  for (guint i = 0; i < G_N_ELEMENTS (tick_cases); i++)
    {
      g_autofree char *path
        = g_strdup_printf ("/chart/pixels/tick-labels-uncovered/%u-at-%dx%d", tick_cases[i].n,
                           tick_cases[i].width, tick_cases[i].height);

      g_test_add_data_func (path, &tick_cases[i], test_pixels_tick_labels_uncovered);
    }
  g_test_add_data_func ("/chart/pixels/heat-is-even/1600x1200", heat_sizes[0],
                        test_pixels_heat_is_even);
  g_test_add_data_func ("/chart/pixels/heat-is-even/360x270", heat_sizes[1],
                        test_pixels_heat_is_even);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/export/formats", test_export_formats);
  g_test_add_func ("/chart/export/errors", test_export_errors);
  g_test_add_func ("/chart/anonymous", test_anonymous);
  g_test_add_func ("/chart/options-and-signals", test_options_and_signals);
  g_test_add_func ("/chart/points-are-copied", test_points_are_copied);
  g_test_add_func ("/chart/points-from-the-chart", test_points_from_the_chart);
  g_test_add_func ("/chart/without-header", test_without_header);
  g_test_add_func ("/chart/placer", test_placer);
  g_test_add_data_func ("/chart/label-cache/survives-new-data/40", GUINT_TO_POINTER (40),
                        test_label_cache_survives_new_data);
  g_test_add_data_func ("/chart/label-cache/survives-new-data/300", GUINT_TO_POINTER (300),
                        test_label_cache_survives_new_data);
  g_test_add_data_func ("/chart/label-cache/survives-new-data/1000", GUINT_TO_POINTER (1000),
                        test_label_cache_survives_new_data);
  g_test_add_func ("/chart/label-cache/follows-names", test_label_cache_follows_names);
  g_test_add_func ("/chart/label-cache/is-bounded", test_label_cache_is_bounded);

  return g_test_run ();
}
