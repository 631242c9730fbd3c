/* test-sample.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-sample.h"
#include "th-test-utils.h"

static void
test_sample (void)
{
  g_autoptr (ThSession) session = th_session_new_sample ();
  ThDeck *deck = th_session_get_deck (session);
  guint n_behaviours = th_deck_get_n_behaviours (deck);
  guint per_quadrant[TH_QUADRANT_DEVELOPING + 1] = { 0 };
  guint total_correct = 0, n_contested = 0;
  gboolean has_comma = FALSE, has_non_latin = FALSE;

  g_assert_cmpstr (th_session_get_title (session), ==, "Sample workshop");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 12);

  for (guint i = 0; i < 12; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      const char *name = th_participant_get_name (participant);
      ThScores scores;

      g_assert_cmpuint (th_participant_get_n_sorted (participant), ==, n_behaviours);
      g_assert_cmpuint (th_participant_get_n_rated (participant), ==, n_behaviours);

      th_session_compute_scores (session, participant, &scores);
      g_assert_cmpint (scores.quadrant, !=, TH_QUADRANT_NONE);
      per_quadrant[scores.quadrant]++;
      total_correct += scores.correct;

      has_comma |= strchr (name, ',') != NULL;
      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        has_non_latin |= g_unichar_get_script (g_utf8_get_char (p)) != G_UNICODE_SCRIPT_LATIN
                         && g_unichar_isalpha (g_utf8_get_char (p));
    }

  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    g_assert_cmpuint (per_quadrant[q], >=, 2);
  g_assert_true (has_comma);
  g_assert_true (has_non_latin);

  /* Mostly right, with a few cards the group argues about. */
  g_assert_cmpuint (total_correct * 100, >=, 75 * 12 * n_behaviours);
  g_assert_cmpuint (total_correct, <, 12 * n_behaviours);
  for (guint i = 0; i < n_behaviours; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      double percent;
      guint n;

      g_assert_true (
        th_session_get_agreement (session, th_behaviour_get_id (behaviour), &percent, &n));
      g_assert_cmpuint (n, ==, 12);
      if (percent > 20 && percent < 80)
        n_contested++;
    }
  g_assert_cmpuint (n_contested, >=, 1);
}

static void
test_deterministic (void)
{
  g_autoptr (ThSession) first = th_session_new_sample ();
  g_autoptr (ThSession) second = th_session_new_sample ();
  g_autofree char *first_data = th_session_to_data (first, NULL);
  g_autofree char *second_data = th_session_to_data (second, NULL);
  g_autoptr (ThSession) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (first_data, ==, second_data);

  loaded = th_session_new_from_data (first_data, strlen (first_data), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_session_get_n_participants (loaded), ==, 12);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/quadrants", test_sample);
  g_test_add_func ("/sample/deterministic", test_deterministic);

  return g_test_run ();
}
