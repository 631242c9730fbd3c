/* bench-chart.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the quadrant chart: drawing alone on an image surface (the screen
 * path; the first draw of new data lays out every name, later ones reuse
 * them), then whole exports to PNG, PDF and SVG.  The participants are
 * pseudo-random with a fixed seed, so runs compare; --data writes them as
 * CSV for drawing the same picture with other tools (README.md). */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "th-quadrant-chart.h"

static const char *const first_names[] = {
  "Ana",    "Lee",    "Jordan", "Priya", "Mateo", "Sofia", "Kwame",  "Yuki",    "Olga",
  "Noah",   "Fatima", "Liam",   "Chen",  "Amara", "Lars",  "Ines",   "Tomás",   "Aisha",
  "Mikael", "Zanele", "Hiro",   "Elena", "Omar",  "Grace", "Ravi",   "Sade",    "Pierre",
  "Maja",   "Diego",  "Leila",  "Arjun", "Freya", "Nikos", "Chiara", "Bongani", "Marta",
};

static const char *const last_names[] = {
  "Silva", "Okafor", "Lindqvist", "Nakamura", "Petrova", "García", "Haddad", "Kowalski",
  "Brown", "Mensah", "Rossi",     "Dubois",   "Singh",   "Müller", "Tanaka", "Novak",
};

/* --cpu-time: the thread's own CPU time instead of the wall clock, which
 * on a busy machine counts the time other processes had the CPU. */
static gboolean use_cpu_time;

static gint64
now_us (void)
{
  struct timespec ts;

  if (!use_cpu_time)
    return g_get_monotonic_time ();

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Four loose groups, one per quadrant, and a sprinkle everywhere. */
static GArray *
make_points (guint n, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (ThChartPoint), n);
  static const double centres[][2] = { { 72, 70 }, { 68, 30 }, { 30, 70 }, { 32, 34 } };

  for (guint i = 0; i < n; i++)
    {
      ThChartPoint p = { 0 };
      guint group = g_rand_int_range (rand, 0, 5);

      p.id = g_strdup_printf ("p%u", i + 1);
      p.name = g_strdup_printf ("%s %s",
                                first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                                last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      if (group < 4)
        {
          p.leadership = CLAMP (centres[group][0] + g_rand_double_range (rand, -1, 1) * 18, 0, 100);
          p.management = CLAMP (centres[group][1] + g_rand_double_range (rand, -1, 1) * 18, 0, 100);
        }
      else
        {
          p.leadership = g_rand_double_range (rand, 0, 100);
          p.management = g_rand_double_range (rand, 0, 100);
        }
      g_array_append_val (points, p);
    }

  return points;
}

static void
free_points (GArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      g_free (g_array_index (points, ThChartPoint, i).id);
      g_free (g_array_index (points, ThChartPoint, i).name);
    }
  g_array_unref (points);
}

static void
write_points_csv (GArray *points, const char *path)
{
  g_autoptr (GString) csv = g_string_new ("id,name,leadership,management\n");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < points->len; i++)
    {
      const ThChartPoint *p = &g_array_index (points, ThChartPoint, i);
      char l[G_ASCII_DTOSTR_BUF_SIZE], m[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (csv, "%s,%s,%s,%s\n", p->id, p->name,
                              g_ascii_formatd (l, sizeof l, "%.3f", p->leadership),
                              g_ascii_formatd (m, sizeof m, "%.3f", p->management));
    }

  if (!g_file_set_contents (path, csv->str, (gssize)csv->len, &error))
    g_printerr ("bench-chart: %s\n", error->message);
}

static double
time_draws (ThQuadrantChart *chart, int width, int height, int repeat, double *first_ms)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double best = G_MAXDOUBLE;

  for (int i = 0; i < repeat; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = now_us ();
      double ms;

      th_quadrant_chart_draw (chart, cr, width, height);
      cairo_surface_flush (surface);
      ms = (now_us () - start) / 1000.0;
      cairo_destroy (cr);
      if (i == 0)
        *first_ms = ms;
      best = MIN (best, ms);
    }

  cairo_surface_destroy (surface);

  return best;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The widget's path when an answer arrives: new points in which one
 * person has moved, then a draw.  Returns the median, since one change is
 * one frame and a frame that happens to be slow is what people see. */
static double
time_changes (ThQuadrantChart *chart, GArray *points, int width, int height, int repeat)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autofree double *times = g_new (double, repeat);
  double median;

  for (int i = 0; i < repeat; i++)
    {
      ThChartPoint *moved = &g_array_index (points, ThChartPoint, (guint)i % points->len);
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      moved->leadership = fmod (moved->leadership + 37.5, 100.0);
      start = now_us ();
      th_quadrant_chart_set_points (chart, (ThChartPoint *)(void *)points->data, points->len);
      th_quadrant_chart_draw (chart, cr, width, height);
      cairo_surface_flush (surface);
      times[i] = (now_us () - start) / 1000.0;
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  qsort (times, repeat, sizeof (double), compare_doubles);
  median = repeat % 2 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;

  return median;
}

/* Loads fonts and fills Pango's caches, so that the first timed draw
 * measures the chart rather than the start of the process. */
static void
warm_up (int width, int height)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  double unused;

  time_draws (chart, width, height, 2, &unused);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the quadrant chart");
  g_autoptr (GError) error = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *size = NULL;
  g_autofree char *style = NULL;
  g_auto (GStrv) counts = NULL;
  gboolean anonymous = FALSE;
  gboolean data = FALSE;
  int repeat = 20;
  int width = 1600;
  int height = 1200;
  const GOptionEntry entries[] = {
    { "points", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &counts, "Participants (repeatable)", "N" },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size, "Size (default 1600x1200)", "WxH" },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Draws to time (default 20)", "R" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style, "light, dark, high-contrast or print", "STYLE" },
    { "anonymous", 'a', 0, G_OPTION_ARG_NONE, &anonymous, "Numbers instead of names", NULL },
    { "data", 'd', 0, G_OPTION_ARG_NONE, &data, "Also write the points as points-N.csv", NULL },
    { "cpu-time", 'c', 0, G_OPTION_ARG_NONE, &use_cpu_time,
      "Time with the thread's CPU clock (steadier on a busy machine)", NULL },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      "Folder for the exports (default: a temporary one)", "DIR" },
    { NULL },
  };
  static const char *const default_counts[]
    = { "1", "12", "40", "300", "1000", "3000", "10000", NULL };
  const char *const *list;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("bench-chart: --size takes WxH\n");
      return 2;
    }
  repeat = MAX (repeat, 1);

  if (out_dir == NULL)
    {
      out_dir = g_dir_make_tmp ("bench-chart-XXXXXX", &error);
      if (out_dir == NULL)
        {
          g_printerr ("bench-chart: %s\n", error->message);
          return 1;
        }
    }
  g_mkdir_with_parents (out_dir, 0755);

  list = counts != NULL ? (const char *const *)counts : default_counts;
  warm_up (width, height);
  g_print ("# %dx%d, best of %d draws, median of %d changes, %s; exports are whole calls (draw, "
           "encode, atomic write)\n",
           width, height, repeat, repeat, use_cpu_time ? "CPU time" : "wall clock");
  g_print ("%8s %10s %10s %10s %10s %10s %10s %8s\n", "points", "draw-1st", "draw-best", "change",
           "png", "pdf", "svg", "labels");

  for (guint c = 0; list[c] != NULL; c++)
    {
      guint n = (guint)strtoul (list[c], NULL, 10);
      g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
      GArray *points = make_points (n, 20260302);
      const char *ext[] = { "png", "pdf", "svg" };
      double export_ms[3];
      double first_ms = 0;
      double best_ms;
      double change_ms = 0;
      guint n_dots = 0;
      guint labelled = 0;
      const ThChartDotLayout *layout;

      th_quadrant_chart_set_points (chart, (ThChartPoint *)(void *)points->data, points->len);
      th_quadrant_chart_set_title (chart, "Benchmark workshop");
      th_quadrant_chart_set_anonymous (chart, anonymous);
      if (style != NULL)
        {
          GEnumClass *klass = g_type_class_ref (TH_TYPE_CHART_STYLE);
          GEnumValue *value = g_enum_get_value_by_nick (klass, style);

          if (value != NULL)
            th_quadrant_chart_set_style (chart, value->value);
          g_type_class_unref (klass);
        }

      best_ms = time_draws (chart, width, height, repeat, &first_ms);
      layout = th_quadrant_chart_get_layout (chart, &n_dots);
      for (guint i = 0; i < n_dots; i++)
        labelled += layout[i].labelled ? 1 : 0;

      for (guint e = 0; e < G_N_ELEMENTS (ext); e++)
        {
          g_autofree char *name = g_strdup_printf ("chart-%u-%dx%d.%s", n, width, height, ext[e]);
          g_autofree char *path = g_build_filename (out_dir, name, NULL);
          gint64 start = now_us ();

          if (!th_quadrant_chart_export (chart, path, width, height, &error))
            {
              g_printerr ("bench-chart: %s: %s\n", path, error->message);
              return 1;
            }
          export_ms[e] = (now_us () - start) / 1000.0;
        }

      if (data)
        {
          g_autofree char *name = g_strdup_printf ("points-%u.csv", n);
          g_autofree char *path = g_build_filename (out_dir, name, NULL);

          write_points_csv (points, path);
        }

      if (n > 0)
        change_ms = time_changes (chart, points, width, height, repeat);

      g_print ("%8u %8.2fms %8.2fms %8.2fms %8.1fms %8.1fms %8.1fms %8u\n", n, first_ms, best_ms,
               change_ms, export_ms[0], export_ms[1], export_ms[2], labelled);
      free_points (points);
    }

  g_print ("# files in %s\n", out_dir);

  return 0;
}
