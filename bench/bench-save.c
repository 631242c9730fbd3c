/* bench-save.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What one save of a session costs the main thread, for each session file
 * given: the session is read once, saved once (the first save also lays
 * out the deck, once per session), then each step is timed RUNS times and
 * the median printed.  An autosave or an answer from the room asks the
 * save queue for a write: the main loop pays for a snapshot of the
 * session (th_session_snapshot_new()), the worker for its text and the
 * disk.  For comparison, the text made straight from the session
 * (th_session_to_data(), what th_save_queue_save_now() and the command
 * line do).  bench/run prints these numbers; nothing passes or fails on
 * them.
 *
 *   bench-save [--runs=RUNS] SESSION…
 */

#include "config.h"

#include <stdio.h>

#include "th-session.h"

static int
compare_spans (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static double
median_ms (GArray *spans)
{
  g_array_sort (spans, compare_spans);
  return (double)g_array_index (spans, gint64, spans->len / 2) / 1000.0;
}

/* The text of the file made straight from the session. */
static double
time_text (ThSession *session, guint runs, gsize *length)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      char *text = th_session_to_data (session, length);
      gint64 span = g_get_monotonic_time () - start;

      g_array_append_val (spans, span);
      g_free (text);
    }

  return median_ms (spans);
}

/* The snapshot the main thread takes for each write of the save queue,
 * and the text the worker makes of it. */
static void
time_snapshot (ThSession *session, guint runs, double *snapshot_ms, double *text_ms)
{
  g_autoptr (GArray) snapshot_spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) text_spans = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (ThSessionSnapshot) snapshot = th_session_snapshot_new (session);
      gint64 taken = g_get_monotonic_time ();
      char *text = th_session_snapshot_to_data (snapshot, NULL);
      gint64 written = g_get_monotonic_time ();
      gint64 span;

      span = taken - start;
      g_array_append_val (snapshot_spans, span);
      span = written - taken;
      g_array_append_val (text_spans, span);
      g_free (text);
    }

  *snapshot_ms = median_ms (snapshot_spans);
  *text_ms = median_ms (text_spans);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  int runs = 9;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Times each step is timed", "RUNS" },
    { NULL },
  };

  context = g_option_context_new ("SESSION… — what a save costs the main thread");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || runs < 1)
    {
      g_printerr ("bench-save: %s\n", error != NULL ? error->message : "a session file, please");
      return 2;
    }

  printf ("%-26s %12s %9s %17s %15s %20s\n", "session", "participants", "file", "snapshot (main)",
          "text (worker)", "text from session");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr (ThSession) session = th_session_new_from_file (file, &error);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *first = NULL;
      gsize length = 0;
      double snapshot, text_from_snapshot, text;

      if (session == NULL)
        {
          g_printerr ("bench-save: %s: %s\n", argv[i], error->message);
          return 1;
        }

      first = th_session_to_data (session, &length);
      time_snapshot (session, (guint)runs, &snapshot, &text_from_snapshot);
      text = time_text (session, (guint)runs, &length);
      printf ("%-26s %12u %5.1f MiB %14.1f ms %12.1f ms %17.1f ms\n", name,
              th_session_get_n_participants (session), (double)length / (1024.0 * 1024.0), snapshot,
              text_from_snapshot, text);
      fflush (stdout);
    }

  return 0;
}
