/* test-merge-report.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* th_session_merge_with_report(): who was added, who got a new id, who
 * shares a name with someone present, and the lines the window shows. */

#include "config.h"

#include "th-error.h"
#include "th-session.h"
#include "th-test-session.h"
#include "th-test-utils.h"

static void
count_cb (gpointer instance, gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, gpointer user_data)
{
  guint *calls = user_data;

  calls[0]++;
  calls[1] = position;
  calls[2] = added;
}

static ThParticipant *
add (ThSession *session, const char *name)
{
  g_autoptr (GError) error = NULL;
  ThParticipant *participant = th_session_add_participant (session, name, &error);

  g_assert_no_error (error);
  return participant;
}

/* Renamed, same name, and the report's lines. */
static void
test_report (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThSession) other = th_session_new (deck);
  g_autoptr (ThMergeReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lines = NULL;
  guint changed = 0;
  guint items[3] = { 0 };

  /* Here: p1 "Ana", p2 "Ben".  The other laptop: p1 "Ana", p3 "Cy",
   * "Kim" twice (p4, p5). */
  add (session, "Ana");
  add (session, "Ben");
  add (other, "Ana");
  add (other, "Eve");
  add (other, "Cy");
  add (other, "Kim");
  add (other, "Kim");
  g_assert_true (th_session_remove_participant (other, "p2"));
  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "items-changed", G_CALLBACK (items_changed_cb), items);

  report = th_session_merge_with_report (session, other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_cmpuint (th_merge_report_get_n_added (report), ==, 4);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items[0], ==, 1);
  g_assert_cmpuint (items[1], ==, 2);
  g_assert_cmpuint (items[2], ==, 4);

  /* Ana's p1 was taken, and so, once Ana became p3, was Cy's p3; Kim's
   * p4 was taken by Cy then, and the second Kim's p5 by the first. */
  g_assert_cmpuint (th_merge_report_get_n_renamed (report), ==, 4);
  g_assert_cmpstr (th_merge_report_get_renamed_old_id (report, 0), ==, "p1");
  g_assert_cmpstr (th_merge_report_get_renamed_new_id (report, 0), ==, "p3");
  g_assert_cmpstr (th_merge_report_get_renamed_old_id (report, 1), ==, "p3");
  g_assert_cmpstr (th_merge_report_get_renamed_new_id (report, 1), ==, "p4");
  g_assert_cmpstr (th_merge_report_get_renamed_old_id (report, 2), ==, "p4");
  g_assert_cmpstr (th_merge_report_get_renamed_new_id (report, 2), ==, "p5");
  g_assert_cmpstr (th_merge_report_get_renamed_old_id (report, 3), ==, "p5");
  g_assert_cmpstr (th_merge_report_get_renamed_new_id (report, 3), ==, "p6");
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (session, "p3")), ==,
                   "Ana");
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (session, "p6")), ==,
                   "Kim");

  /* Only Ana was here before; the two Kims came together. */
  g_assert_cmpuint (th_merge_report_get_n_same_name (report), ==, 1);
  g_assert_cmpstr (th_merge_report_get_same_name (report, 0), ==, "Ana");

  /* Numbers 1 and 2 are Ana's and Ben's here: the newcomers, numbers 1,
   * 3, 4 and 5 over there, count on from the highest here. */
  g_assert_cmpuint (th_merge_report_get_n_renumbered (report), ==, 4);
  g_assert_cmpuint (th_participant_get_number (th_session_lookup_participant (session, "p1")), ==,
                    1);
  g_assert_cmpuint (th_participant_get_number (th_session_lookup_participant (session, "p2")), ==,
                    2);
  g_assert_cmpuint (th_participant_get_number (th_session_lookup_participant (session, "p3")), ==,
                    3);
  g_assert_cmpuint (th_participant_get_number (th_session_lookup_participant (session, "p6")), ==,
                    6);

  lines = th_merge_report_format (report, "laptop-2.twohats");
  g_assert_cmpstr (lines, ==,
                   "laptop-2.twohats: 4 participants added\n"
                   "  4 had ids already in use and got new ones\n"
                   "  4 got new numbers for anonymous views, as numbers here are never reused\n"
                   "  “Ana” was here already; both are kept — rename or remove one if they are "
                   "the same person\n");

  /* The report is a record of the merge: later changes do not touch it. */
  th_participant_set_name (th_session_lookup_participant (session, "p1"), "Ana Lima");
  g_assert_cmpstr (th_merge_report_get_same_name (report, 0), ==, "Ana");
}

/* One newcomer, with only a new number to note; nobody at all. */
static void
test_plain (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThSession) other = th_session_new (deck);
  g_autoptr (ThSession) empty = th_session_new (deck);
  g_autoptr (ThMergeReport) report = NULL;
  g_autoptr (ThMergeReport) nothing = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *no_lines = NULL;

  add (session, "Ana");
  add (other, "Solo");
  g_assert_true (th_session_set_sort (other, "p1", "explain-the-why", TH_SIDE_LEADERSHIP, NULL));
  th_session_remove_participant (session, "p1");
  /* The newcomer keeps p1, which nobody has now. */

  report = th_session_merge_with_report (session, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_merge_report_get_n_added (report), ==, 1);
  g_assert_cmpuint (th_merge_report_get_n_renamed (report), ==, 0);
  g_assert_cmpuint (th_merge_report_get_n_same_name (report), ==, 0);
  {
    ThSide side = TH_SIDE_BOTH;

    g_assert_true (th_participant_get_sort (th_session_lookup_participant (session, "p1"),
                                            "explain-the-why", &side));
    g_assert_cmpint (side, ==, TH_SIDE_LEADERSHIP);
  }
  /* But not number 1, which Ana held: numbers are never reused. */
  g_assert_cmpuint (th_participant_get_number (th_session_lookup_participant (session, "p1")), ==,
                    2);
  g_assert_cmpuint (th_merge_report_get_n_renumbered (report), ==, 1);
  lines = th_merge_report_format (report, "solo.twohats");
  g_assert_cmpstr (lines, ==,
                   "solo.twohats: 1 participant added\n"
                   "  1 got a new number for anonymous views, as numbers here are never reused\n");

  nothing = th_session_merge_with_report (session, empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_merge_report_get_n_added (nothing), ==, 0);
  no_lines = th_merge_report_format (nothing, "empty.twohats");
  g_assert_cmpstr (no_lines, ==, "empty.twohats: 0 participants added\n");
}

/* Refused merges report nothing and change nothing. */
static void
test_refused (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSession) minimal = th_test_load_session_fixture ("session-valid-minimal.twohats");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) deck_error
    = g_error_new_literal (TH_ERROR, TH_ERROR_USAGE, "this is a card deck, not a workshop");
  g_autofree char *line = NULL;
  guint changed = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_null (th_session_merge_with_report (session, minimal, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_null (th_session_merge_with_report (session, session, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);
  g_assert_cmpuint (changed, ==, 0);

  line = th_merge_report_format_failure ("cards.twohats-deck", deck_error);
  g_assert_cmpstr (line, ==,
                   "cards.twohats-deck: not merged — this is a card deck, not a workshop\n");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge-report/report", test_report);
  g_test_add_func ("/merge-report/plain", test_plain);
  g_test_add_func ("/merge-report/refused", test_refused);

  return g_test_run ();
}
