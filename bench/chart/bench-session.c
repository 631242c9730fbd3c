/* bench-session.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times what the chart widget does when one answer arrives from a room:
 * th_session_set_rating() for one person, then
 * th_quadrant_chart_set_session(), which scores everyone with a position
 * and copies them into the renderer.  The group is pseudo-random on the
 * built-in deck with every card rated, from a fixed seed, so runs compare.
 *
 *   bench-session                      # 1, 12, 40, 1 000 and 10 000 people
 *   bench-session -n 10000 -r 200
 */

#include "config.h"

#include <stdlib.h>

#include "th-quadrant-chart.h"

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *times, int n)
{
  qsort (times, n, sizeof (double), compare_doubles);

  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

/* Each person leans to one side of each hat, so the group spreads over
 * the whole chart. */
static ThSession *
make_session (guint n, guint32 seed)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  ThSession *session = th_session_new (deck);
  guint n_behaviours = th_deck_get_n_behaviours (deck);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      ThParticipant *participant = th_session_add_participant (session, NULL, &error);
      int lean[2] = { g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 1, 6) };

      g_assert_no_error (error);
      for (guint b = 0; b < n_behaviours; b++)
        {
          ThBehaviour *behaviour = th_deck_get_behaviour (deck, b);
          int rating = lean[th_behaviour_get_key (behaviour) == TH_SIDE_LEADERSHIP]
                       + g_rand_int_range (rand, -1, 2);

          th_participant_set_rating (participant, th_behaviour_get_id (behaviour),
                                     CLAMP (rating, 1, 5));
        }
    }

  return session;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context
    = g_option_context_new ("— time scoring a session into the quadrant chart");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) counts = NULL;
  int repeat = 50;
  const GOptionEntry entries[] = {
    { "participants", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &counts, "Participants (repeatable)",
      "N" },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Changes to time (default 50)", "R" },
    { NULL },
  };
  static const char *const default_counts[] = { "1", "12", "40", "1000", "10000", NULL };
  const char *const *list;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-session: %s\n", error->message);
      return 2;
    }
  repeat = MAX (repeat, 1);
  list = counts != NULL ? (const char *const *)counts : default_counts;

  g_print ("# medians of %d changes; \"score all\" is th_session_compute_scores() for everyone\n",
           repeat);
  g_print ("%8s %12s %12s %12s\n", "people", "score-all", "set-session", "1st-session");

  for (guint c = 0; list[c] != NULL; c++)
    {
      guint n = (guint)strtoul (list[c], NULL, 10);
      g_autoptr (ThSession) session = make_session (n, 20260302);
      g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
      ThDeck *deck = th_session_get_deck (session);
      g_autofree double *score_all = g_new (double, repeat);
      g_autofree double *set_session = g_new (double, repeat);
      double first;
      gint64 start;

      if (n == 0)
        continue;

      start = now_us ();
      th_quadrant_chart_set_session (chart, session);
      first = (now_us () - start) / 1000.0;

      for (int i = 0; i < repeat; i++)
        {
          ThParticipant *participant = th_session_get_participant (session, (guint)i * 7919 % n);
          const char *behaviour = th_behaviour_get_id (th_deck_get_behaviour (deck, (guint)i % 24));
          int rating = th_participant_get_rating (participant, behaviour) % 5 + 1;

          /* One answer, as it comes from a room. */
          th_session_set_rating (session, th_participant_get_id (participant), behaviour, rating,
                                 &error);
          g_assert_no_error (error);

          start = now_us ();
          for (guint k = 0; k < n; k++)
            {
              ThScores scores;

              th_session_compute_scores (session, th_session_get_participant (session, k), &scores);
            }
          score_all[i] = (now_us () - start) / 1000.0;

          /* The same answer again, so that the chart sees a fresh change. */
          th_session_set_rating (session, th_participant_get_id (participant), behaviour,
                                 rating % 5 + 1, &error);
          g_assert_no_error (error);

          start = now_us ();
          th_quadrant_chart_set_session (chart, session);
          set_session[i] = (now_us () - start) / 1000.0;
        }

      g_print ("%8u %10.3fms %10.3fms %10.3fms\n", n, median (score_all, repeat),
               median (set_session, repeat), first);
    }

  return 0;
}
