/* bench-load.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Where the time and the memory of `two-hats --export-csv` and
 * `--export-chart` go, phase by phase, for one session file: read, load
 * (the pull reader straight into the model), scoring, CSV, chart, and the
 * save an autosave would do (the direct writer, best of ten, and for
 * comparison the json-glib tree and its printer, which must give the
 * same bytes).  Memory is the heap in use after each
 * phase (mallinfo2), so a phase's delta is what it keeps.  bench/run uses
 * it to explain its scale rows; it is a diagnostic, not a comparison.
 *
 *   bench-load SESSION [OUT-DIR]
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "th-csv.h"
#include "th-file-util.h"
#include "th-json-private.h"
#include "th-quadrant-chart.h"
#include "th-session.h"

static gint64 phase_start;

static double
heap_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (double)(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

static void
report (const char *phase)
{
  gint64 now = g_get_monotonic_time ();

  printf ("%-8s %9.1f ms %9.1f MiB\n", phase, (double)(now - phase_start) / 1000.0, heap_mib ());
  fflush (stdout);
  phase_start = g_get_monotonic_time ();
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) tree = NULL;
  g_autofree char *tree_text = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (ThQuadrantChart) chart = NULL;
  g_autofree char *png = NULL;
  g_autofree char *saved = NULL;
  const char *out_dir;
  const char *data;
  gsize length, saved_length;
  guint n;
  ThScores scores;

  if (argc < 2)
    {
      g_printerr ("usage: bench-load SESSION [OUT-DIR]\n");
      return 2;
    }
  out_dir = argc > 2 ? argv[2] : g_get_tmp_dir ();

  printf ("%-8s %12s %13s\n", "phase", "time", "heap after");
  report ("start");

  file = g_file_new_for_commandline_arg (argv[1]);
  bytes = th_file_read_bounded (file, TH_MAX_FILE_SIZE, &error);
  if (bytes == NULL)
    g_error ("%s", error->message);
  data = g_bytes_get_data (bytes, &length);
  report ("read");

  session = th_session_new_from_data (data, length, &error);
  if (session == NULL)
    g_error ("%s", error->message);
  report ("load");

  g_clear_pointer (&bytes, g_bytes_unref);
  report ("drop-file");

  n = th_session_get_n_participants (session);
  for (guint i = 0; i < n; i++)
    th_session_compute_scores (session, th_session_get_participant (session, i), &scores);
  report ("scores");

  csv = th_session_to_csv (session, FALSE);
  report ("csv");

  chart = th_quadrant_chart_new ();
  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_PRINT);
  report ("chart-set");
  /* The live chart is given the session again after every answer. */
  {
    gint64 best = G_MAXINT64;

    for (guint i = 0; i < 10; i++)
      {
        gint64 start = g_get_monotonic_time ();

        th_quadrant_chart_set_session (chart, session);
        best = MIN (best, g_get_monotonic_time () - start);
      }
    phase_start = g_get_monotonic_time () - best;
    report ("chart-again");
  }

  png = g_build_filename (out_dir, "bench-load.png", NULL);
  if (!th_quadrant_chart_export (chart, png, 1600, 1200, &error))
    g_error ("%s", error->message);
  report ("chart-png");

  /* The first save also lays out the deck once; the room saves again
   * and again. */
  saved = th_session_to_data (session, &saved_length);
  report ("save-1st");
  {
    gint64 best = G_MAXINT64;

    for (guint i = 0; i < 10; i++)
      {
        gint64 start = g_get_monotonic_time ();

        g_free (saved);
        saved = th_session_to_data (session, &saved_length);
        best = MIN (best, g_get_monotonic_time () - start);
      }
    phase_start = g_get_monotonic_time () - best;
    report ("save");
  }

  tree = th_session_to_json (session);
  tree_text = th_json_to_pretty_data (tree, NULL);
  report ("save-tree");
  if (strcmp (tree_text, saved) != 0)
    g_error ("the direct writer and the tree differ");

  printf ("participants %u, file %.1f MiB\n", n, (double)length / (1024.0 * 1024.0));
  return 0;
}
