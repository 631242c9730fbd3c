/* test-scores.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-scores.h"
#include "th-test-utils.h"

static ThDeck *
load_mini_deck (void)
{
  g_autoptr (GFile) file = th_test_fixture_file ("deck-valid-full.json");
  g_autoptr (GError) error = NULL;
  ThDeck *deck = th_deck_new_from_file (file, &error);

  g_assert_no_error (error);
  return deck;
}

/* Rates the first @n behaviours of the deck keyed @key with @ratings. */
static void
rate (ThParticipant *participant, ThDeck *deck, ThSide key, const int *ratings, guint n)
{
  guint done = 0;

  for (guint i = 0; i < th_deck_get_n_behaviours (deck) && done < n; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);

      if (th_behaviour_get_key (behaviour) == key)
        th_participant_set_rating (participant, th_behaviour_get_id (behaviour), ratings[done++]);
    }

  g_assert_cmpuint (done, ==, n);
}

static void
test_quadrant_for_scores (void)
{
  /* On the threshold counts as high, on both axes. */
  g_assert_cmpint (th_quadrant_for_scores (50, 50, 50), ==, TH_QUADRANT_BALANCED);
  g_assert_cmpint (th_quadrant_for_scores (50, 49.999, 50), ==, TH_QUADRANT_LEADERSHIP_DRIVEN);
  g_assert_cmpint (th_quadrant_for_scores (49.999, 50, 50), ==, TH_QUADRANT_MANAGEMENT_DRIVEN);
  g_assert_cmpint (th_quadrant_for_scores (49.999, 49.999, 50), ==, TH_QUADRANT_DEVELOPING);
  g_assert_cmpint (th_quadrant_for_scores (0, 100, 1), ==, TH_QUADRANT_MANAGEMENT_DRIVEN);
  g_assert_cmpint (th_quadrant_for_scores (100, 100, 99), ==, TH_QUADRANT_BALANCED);

  g_assert_cmpstr (th_quadrant_to_id (TH_QUADRANT_BALANCED), ==, "balanced");
  g_assert_cmpstr (th_quadrant_to_id (TH_QUADRANT_LEADERSHIP_DRIVEN), ==, "leadership-driven");
  g_assert_cmpstr (th_quadrant_to_id (TH_QUADRANT_MANAGEMENT_DRIVEN), ==, "management-driven");
  g_assert_cmpstr (th_quadrant_to_id (TH_QUADRANT_DEVELOPING), ==, "developing");
  g_assert_null (th_quadrant_to_id (TH_QUADRANT_NONE));
  g_assert_cmpstr (th_quadrant_get_display_name (TH_QUADRANT_BALANCED), ==, "Both hats");
  g_assert_cmpstr (th_quadrant_get_display_name (TH_QUADRANT_DEVELOPING), ==, "Still developing");
}

static void
test_nothing_rated (void)
{
  g_autoptr (ThDeck) deck = load_mini_deck ();
  g_autoptr (ThParticipant) participant = th_participant_new ("p1", "Ana");
  ThScores scores;

  th_scores_compute (participant, deck, 50, &scores);
  g_assert_false (scores.has_leadership);
  g_assert_false (scores.has_management);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_NONE);
  g_assert_cmpuint (scores.sorted, ==, 0);
  g_assert_cmpuint (scores.correct, ==, 0);
  g_assert_cmpuint (scores.rated, ==, 0);
}

/* One axis rated: that score exists, but there is no position. */
static void
test_one_axis (void)
{
  g_autoptr (ThDeck) deck = load_mini_deck ();
  g_autoptr (ThParticipant) participant = th_participant_new ("p1", "Ana");
  const int fives[] = { 5, 5 };
  ThScores scores;

  rate (participant, deck, TH_SIDE_LEADERSHIP, fives, 2);
  th_scores_compute (participant, deck, 50, &scores);
  g_assert_true (scores.has_leadership);
  g_assert_cmpfloat (scores.leadership, ==, 100.0);
  g_assert_false (scores.has_management);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_NONE);
  g_assert_cmpuint (scores.rated, ==, 2);

  g_object_unref (participant);
  participant = th_participant_new ("p2", "Lee");
  rate (participant, deck, TH_SIDE_MANAGEMENT, fives, 1);
  th_scores_compute (participant, deck, 50, &scores);
  g_assert_false (scores.has_leadership);
  g_assert_true (scores.has_management);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_NONE);
}

static void
test_formula (void)
{
  g_autoptr (ThDeck) deck = load_mini_deck ();
  const struct
  {
    int leadership[2];
    int management[2];
    double threshold;
    double expected_leadership;
    double expected_management;
    ThQuadrant quadrant;
  } cases[] = {
    { { 1, 1 }, { 1, 1 }, 50, 0.0, 0.0, TH_QUADRANT_DEVELOPING },
    { { 5, 5 }, { 5, 5 }, 99, 100.0, 100.0, TH_QUADRANT_BALANCED },
    /* Exactly on the threshold: balanced. */
    { { 3, 3 }, { 3, 3 }, 50, 50.0, 50.0, TH_QUADRANT_BALANCED },
    { { 3, 3 }, { 3, 3 }, 50.5, 50.0, 50.0, TH_QUADRANT_DEVELOPING },
    { { 4, 5 }, { 2, 3 }, 50, 87.5, 37.5, TH_QUADRANT_LEADERSHIP_DRIVEN },
    { { 2, 1 }, { 5, 4 }, 50, 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN },
    { { 3, 4 }, { 3, 4 }, 62.5, 62.5, 62.5, TH_QUADRANT_BALANCED },
    /* On one line only: that side counts as high, whatever the other. */
    { { 3, 3 }, { 4, 5 }, 50, 50.0, 87.5, TH_QUADRANT_BALANCED },
    { { 3, 3 }, { 1, 2 }, 50, 50.0, 12.5, TH_QUADRANT_LEADERSHIP_DRIVEN },
    { { 4, 5 }, { 3, 3 }, 50, 87.5, 50.0, TH_QUADRANT_BALANCED },
    { { 2, 1 }, { 3, 3 }, 50, 12.5, 50.0, TH_QUADRANT_MANAGEMENT_DRIVEN },
    { { 4, 5 }, { 3, 4 }, 62.5, 87.5, 62.5, TH_QUADRANT_BALANCED },
    { { 1, 2 }, { 3, 4 }, 62.5, 12.5, 62.5, TH_QUADRANT_MANAGEMENT_DRIVEN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ThParticipant) participant = th_participant_new ("p1", "Ana");
      ThScores scores;

      rate (participant, deck, TH_SIDE_LEADERSHIP, cases[i].leadership, 2);
      rate (participant, deck, TH_SIDE_MANAGEMENT, cases[i].management, 2);
      th_scores_compute (participant, deck, cases[i].threshold, &scores);

      g_assert_true (scores.has_leadership && scores.has_management);
      g_assert_cmpfloat_with_epsilon (scores.leadership, cases[i].expected_leadership, 1e-9);
      g_assert_cmpfloat_with_epsilon (scores.management, cases[i].expected_management, 1e-9);
      g_assert_cmpint (scores.quadrant, ==, cases[i].quadrant);
      g_assert_cmpuint (scores.rated, ==, 4);
    }
}

/* The comparison uses the unrounded score: 66.67 shows as "66.7" but is
 * below a threshold of 66.67. */
static void
test_unrounded_comparison (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThParticipant) participant = th_participant_new ("p1", "Ana");
  const int leadership[] = { 4, 4, 3 };
  const int management[] = { 5, 5, 5 };
  ThScores scores;

  rate (participant, deck, TH_SIDE_LEADERSHIP, leadership, 3);
  rate (participant, deck, TH_SIDE_MANAGEMENT, management, 3);

  th_scores_compute (participant, deck, 66.67, &scores);
  g_assert_cmpfloat_with_epsilon (scores.leadership, 200.0 / 3.0, 1e-9);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_MANAGEMENT_DRIVEN);

  th_scores_compute (participant, deck, 66.66, &scores);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_BALANCED);
}

static void
test_sort_results (void)
{
  g_autoptr (ThDeck) deck = load_mini_deck ();
  g_autoptr (ThParticipant) participant = th_participant_new ("p1", "Ana");
  ThScores scores;

  th_participant_set_sort (participant, "explain-the-why", TH_SIDE_LEADERSHIP);   /* right */
  th_participant_set_sort (participant, "weekly-milestones", TH_SIDE_LEADERSHIP); /* wrong */
  th_participant_set_sort (participant, "risk-register", TH_SIDE_MANAGEMENT);     /* right */
  /* Answers about cards the deck lacks do not count. */
  th_participant_set_sort (participant, "not-in-this-deck", TH_SIDE_LEADERSHIP);
  th_participant_set_rating (participant, "not-in-this-deck", 5);

  th_scores_compute (participant, deck, 50, &scores);
  g_assert_cmpuint (scores.sorted, ==, 3);
  g_assert_cmpuint (scores.correct, ==, 2);
  g_assert_cmpuint (scores.rated, ==, 0);
  g_assert_false (scores.has_leadership);

  /* Taking a card back. */
  g_assert_true (th_participant_set_sort (participant, "risk-register", TH_SIDE_BOTH));
  g_assert_false (th_participant_set_sort (participant, "risk-register", TH_SIDE_BOTH));
  th_scores_compute (participant, deck, 50, &scores);
  g_assert_cmpuint (scores.sorted, ==, 2);
  g_assert_cmpuint (scores.correct, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scores/quadrant-for-scores", test_quadrant_for_scores);
  g_test_add_func ("/scores/nothing-rated", test_nothing_rated);
  g_test_add_func ("/scores/one-axis", test_one_axis);
  g_test_add_func ("/scores/formula", test_formula);
  g_test_add_func ("/scores/unrounded-comparison", test_unrounded_comparison);
  g_test_add_func ("/scores/sort-results", test_sort_results);

  return g_test_run ();
}
