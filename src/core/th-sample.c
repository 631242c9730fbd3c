/* th-sample.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-sample.h"

/* Any fixed seed will do; this one must not change, or screenshots and
 * tests that describe the sample would drift. */
#define SAMPLE_SEED 20260302
#define N_CONTESTED 4

/* Chance, in percent, that a participant puts a card on the other side. */
#define CONTESTED_MISSORT_PERCENT 40
#define PLAIN_MISSORT_PERCENT 5

static const struct
{
  const char *name;
  ThQuadrant quadrant;
} sample_people[] = {
  { "Ana Souza", TH_QUADRANT_BALANCED },
  { "Lee, Jordan", TH_QUADRANT_LEADERSHIP_DRIVEN },
  { "Mateo García", TH_QUADRANT_MANAGEMENT_DRIVEN },
  { "Priya Natarajan", TH_QUADRANT_DEVELOPING },
  { "李娜", TH_QUADRANT_BALANCED },
  { "Kwame Mensah", TH_QUADRANT_LEADERSHIP_DRIVEN },
  { "Sofia Lindqvist", TH_QUADRANT_MANAGEMENT_DRIVEN },
  { "Tomás O’Neill", TH_QUADRANT_DEVELOPING },
  { "Hannah Becker", TH_QUADRANT_BALANCED },
  { "Yusuf Demir", TH_QUADRANT_LEADERSHIP_DRIVEN },
  { "Ольга Петрова", TH_QUADRANT_MANAGEMENT_DRIVEN },
  { "Ravi Shah", TH_QUADRANT_DEVELOPING },
};

/* Ratings for one axis: 3–5 when the person is strong on it, 1–3 when not,
 * then nudged until the mean is clearly on its side of the default
 * threshold (≥ 3.4, i.e. a score of 60; or ≤ 2.6, a score of 40). */
static void
make_ratings (GRand *rand, int *ratings, guint n, gboolean high)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    {
      ratings[i] = high ? g_rand_int_range (rand, 3, 6) : g_rand_int_range (rand, 1, 4);
      sum += (guint)ratings[i];
    }

  for (guint i = 0; high && sum * 5 < n * 17; i = (i + 1) % n)
    {
      if (ratings[i] < 5)
        {
          ratings[i]++;
          sum++;
        }
    }
  for (guint i = 0; !high && sum * 5 > n * 13; i = (i + 1) % n)
    {
      if (ratings[i] > 1)
        {
          ratings[i]--;
          sum--;
        }
    }
}

static void
rate_axis (ThSession *session, ThParticipant *participant, GRand *rand, ThSide key, gboolean high)
{
  ThDeck *deck = th_session_get_deck (session);
  guint n_behaviours = th_deck_get_n_behaviours (deck);
  g_autofree int *ratings = g_new0 (int, n_behaviours);
  guint n = 0;

  for (guint i = 0; i < n_behaviours; i++)
    if (th_behaviour_get_key (th_deck_get_behaviour (deck, i)) == key)
      n++;

  make_ratings (rand, ratings, n, high);

  n = 0;
  for (guint i = 0; i < n_behaviours; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);

      if (th_behaviour_get_key (behaviour) == key)
        th_session_set_rating (session, th_participant_get_id (participant),
                               th_behaviour_get_id (behaviour), ratings[n++], NULL);
    }
}

ThSession *
th_session_new_sample (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GRand) rand = g_rand_new_with_seed (SAMPLE_SEED);
  g_autoptr (GDateTime) created = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  guint n_behaviours = th_deck_get_n_behaviours (deck);
  gboolean contested[TH_MAX_BEHAVIOURS] = { FALSE };

  th_session_set_title (session, _ ("Sample workshop"));
  th_session_set_created (session, created);

  for (guint n = 0; n < N_CONTESTED && n < n_behaviours;)
    {
      guint i = (guint)g_rand_int_range (rand, 0, (gint32)n_behaviours);

      if (!contested[i])
        {
          contested[i] = TRUE;
          n++;
        }
    }

  for (guint p = 0; p < G_N_ELEMENTS (sample_people); p++)
    {
      ThQuadrant quadrant = sample_people[p].quadrant;
      ThParticipant *participant;
      const char *id;

      participant = th_session_add_participant (session, sample_people[p].name, NULL);
      id = th_participant_get_id (participant);

      for (guint i = 0; i < n_behaviours; i++)
        {
          ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
          ThSide key = th_behaviour_get_key (behaviour);
          int missort = contested[i] ? CONTESTED_MISSORT_PERCENT : PLAIN_MISSORT_PERCENT;
          gboolean wrong = g_rand_int_range (rand, 0, 100) < missort;
          ThSide other = key == TH_SIDE_LEADERSHIP ? TH_SIDE_MANAGEMENT : TH_SIDE_LEADERSHIP;

          th_session_set_sort (session, id, th_behaviour_get_id (behaviour), wrong ? other : key,
                               NULL);
        }

      rate_axis (session, participant, rand, TH_SIDE_LEADERSHIP,
                 quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_LEADERSHIP_DRIVEN);
      rate_axis (session, participant, rand, TH_SIDE_MANAGEMENT,
                 quadrant == TH_QUADRANT_BALANCED || quadrant == TH_QUADRANT_MANAGEMENT_DRIVEN);
    }

  return g_steal_pointer (&session);
}
