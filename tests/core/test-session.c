/* test-session.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "th-error.h"
#include "th-participant-private.h"
#include "th-session.h"
#include "th-test-session.h"
#include "th-test-utils.h"

static ThSession *
load_data (const char *data, GError **error)
{
  return th_session_new_from_data (data, strlen (data), error);
}

/* Counts emissions of a signal without arguments (or ignores them). */
static void
count_cb (gpointer instance, gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
notify_count_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *)user_data)++;
}

typedef struct
{
  guint n_calls;
  guint position, removed, added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  ItemsChanged *record)
{
  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_valid (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autofree char *created = NULL;
  ThParticipant *participant;
  ThDeck *deck = th_session_get_deck (session);
  ThSide side;

  g_assert_cmpstr (th_session_get_title (session), ==, "Team offsite, March");
  created = g_date_time_format_iso8601 (th_session_get_created (session));
  g_assert_cmpstr (created, ==, "2026-03-02T09:00:00Z");
  g_assert_cmpfloat (th_session_get_threshold (session), ==, 50.0);
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_SORT);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (session)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_concepts (deck)), ==, 2);

  participant = th_session_get_participant (session, 1);
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p2");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Lee, Jordan");
  g_assert_cmpuint (th_participant_get_n_sorted (participant), ==, 3);
  g_assert_cmpuint (th_participant_get_n_rated (participant), ==, 0);

  participant = th_session_lookup_participant (session, "p3");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Sam \"The Hammer\" Ortiz");
  g_assert_true (th_participant_get_sort (participant, "explain-the-why", &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (participant, "coach-a-colleague"), ==, 3);

  participant = th_session_lookup_participant (session, "p4");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Zoë 🎩 Fischer");
  g_assert_false (th_participant_get_sort (participant, "explain-the-why", NULL));
  g_assert_cmpint (th_participant_get_rating (participant, "weekly-milestones"), ==, 0);

  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 4)), ==,
                   "نور الهدى");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 5)), ==,
                   "דנה לוי");
  g_assert_null (th_session_get_participant (session, 6));
  g_assert_null (th_session_lookup_participant (session, "p7"));
}

/* The fixture is in the writer's own form, so a save reproduces it byte for
 * byte: that pins down the layout (pretty-printed, deck order of keys,
 * integers, final newline). */
static void
test_canonical_bytes (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GBytes) expected = th_test_fixture_bytes ("session-valid.twohats");
  g_autofree char *data = NULL;
  gsize length;

  data = th_session_to_data (session, &length);
  g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (strlen (data), ==, length);
  g_assert_true (g_str_has_suffix (data, "}\n"));
  g_assert_nonnull (strstr (data, "\"threshold\": 50,"));
  g_assert_nonnull (strstr (data, "\"concepts\": ["));
}

/* load → save → load gives the same data; save → load → save gives the same
 * bytes.  The fixture has unknown members, a fractional threshold and a
 * time zone offset. */
static void
test_round_trip (void)
{
  g_autoptr (ThSession) first
    = th_test_load_session_fixture ("session-valid-unknown-members.twohats");
  g_autoptr (ThSession) second = NULL;
  g_autoptr (ThSession) third = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_data = NULL;
  g_autofree char *second_data = NULL;
  g_autofree char *third_data = NULL;
  g_autoptr (GDateTime) expected_created = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  gsize first_length, second_length, third_length;

  g_assert_cmpfloat (th_session_get_threshold (first), ==, 62.5);
  g_assert_true (g_date_time_equal (th_session_get_created (first), expected_created));

  first_data = th_session_to_data (first, &first_length);
  g_assert_null (strstr (first_data, "future"));
  g_assert_nonnull (strstr (first_data, "\"threshold\": 62.5,"));

  second = th_session_new_from_data (first_data, first_length, &error);
  g_assert_no_error (error);
  second_data = th_session_to_data (second, &second_length);
  g_assert_cmpmem (first_data, first_length, second_data, second_length);

  third = th_session_new_from_data (second_data, second_length, &error);
  g_assert_no_error (error);
  third_data = th_session_to_data (third, &third_length);
  g_assert_cmpmem (second_data, second_length, third_data, third_length);

  g_assert_cmpstr (th_session_get_title (third), ==, th_session_get_title (first));
  g_assert_true (g_date_time_equal (th_session_get_created (third), expected_created));
  g_assert_cmpuint (th_session_get_n_participants (third), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      ThParticipant *a = th_session_get_participant (first, i);
      ThParticipant *b = th_session_get_participant (third, i);
      ThDeck *deck = th_session_get_deck (first);

      g_assert_cmpstr (th_participant_get_id (a), ==, th_participant_get_id (b));
      g_assert_cmpstr (th_participant_get_name (a), ==, th_participant_get_name (b));
      for (guint j = 0; j < th_deck_get_n_behaviours (deck); j++)
        {
          const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, j));
          ThSide side_a = TH_SIDE_BOTH, side_b = TH_SIDE_BOTH;

          g_assert_cmpint (th_participant_get_sort (a, id, &side_a), ==,
                           th_participant_get_sort (b, id, &side_b));
          g_assert_cmpint (side_a, ==, side_b);
          g_assert_cmpint (th_participant_get_rating (a, id), ==,
                           th_participant_get_rating (b, id));
        }
    }
}

static void
test_minimal (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid-minimal.twohats");
  g_autofree char *data = th_session_to_data (session, NULL);
  g_autoptr (JsonNode) root = json_from_string (data, NULL);
  JsonObject *object = json_node_get_object (root);

  g_assert_null (th_session_get_title (session));
  g_assert_null (th_session_get_created (session));
  g_assert_cmpfloat (th_session_get_threshold (session), ==, TH_DEFAULT_THRESHOLD);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);

  /* Absent stays absent; the threshold is always written. */
  g_assert_false (json_object_has_member (object, "title"));
  g_assert_false (json_object_has_member (object, "created"));
  g_assert_false (
    json_object_has_member (json_object_get_object_member (object, "deck"), "concepts"));
  g_assert_nonnull (strstr (data, "\"threshold\": 50,"));
  g_assert_nonnull (strstr (data, "\"sort\": {}"));
}

static void
test_new (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThSession) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (th_session_get_deck (session) == deck);
  g_assert_nonnull (th_session_get_created (session));
  g_assert_cmpint (g_date_time_get_microsecond (th_session_get_created (session)), ==, 0);
  g_assert_cmpfloat (th_session_get_threshold (session), ==, 50.0);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 0);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (session)), ==, TH_TYPE_PARTICIPANT);

  data = th_session_to_data (session, &length);
  loaded = th_session_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_concepts (th_session_get_deck (loaded))),
                    ==, g_list_model_get_n_items (th_deck_get_concepts (deck)));
  g_assert_true (th_deck_is_compatible (deck, th_session_get_deck (loaded)));
}

static void
test_signals (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GDateTime) date = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr (GError) error = NULL;
  ItemsChanged items = { 0 };
  guint changed = 0, title_notified = 0, threshold_notified = 0, phase_notified = 0;
  ThParticipant *participant;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "items-changed", G_CALLBACK (items_changed_cb), &items);
  g_signal_connect (session, "notify::title", G_CALLBACK (notify_count_cb), &title_notified);
  g_signal_connect (session, "notify::threshold", G_CALLBACK (notify_count_cb),
                    &threshold_notified);
  g_signal_connect (session, "notify::phase", G_CALLBACK (notify_count_cb), &phase_notified);

  th_session_set_title (session, "Another title");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (title_notified, ==, 1);
  th_session_set_title (session, "Another title");
  g_assert_cmpuint (changed, ==, 1);
  th_session_set_title (session, NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_null (th_session_get_title (session));

  th_session_set_threshold (session, 60);
  th_session_set_threshold (session, 60);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (threshold_notified, ==, 1);

  th_session_set_created (session, date);
  g_assert_cmpuint (changed, ==, 4);

  /* The phase is not saved: it notifies but is no change to the document. */
  th_session_set_phase (session, TH_PHASE_CHART);
  g_assert_cmpuint (phase_notified, ==, 1);
  g_assert_cmpuint (changed, ==, 4);
  g_object_set (session, "phase", TH_PHASE_REVEAL, NULL);
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_REVEAL);

  /* A participant's own changes reach the session. */
  participant = th_session_get_participant (session, 0);
  th_participant_set_name (participant, "Ana Maria");
  g_assert_cmpuint (changed, ==, 5);
  g_assert_true (th_session_set_rating (session, "p1", "risk-register", 5, &error));
  g_assert_cmpuint (changed, ==, 6);
  g_assert_true (th_session_set_rating (session, "p1", "risk-register", 5, &error));
  g_assert_cmpuint (changed, ==, 6);
  g_assert_true (th_session_set_sort (session, "p4", "risk-register", TH_SIDE_MANAGEMENT, &error));
  g_assert_cmpuint (changed, ==, 7);
  th_participant_set_rating (participant, "explain-the-why", 0);
  g_assert_cmpuint (changed, ==, 8);
  g_assert_no_error (error);
  g_assert_cmpuint (items.n_calls, ==, 0);

  /* Adding and removing is items-changed plus changed. */
  participant = th_session_add_participant (session, "New person", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items.n_calls, ==, 1);
  g_assert_cmpuint (items.position, ==, 6);
  g_assert_cmpuint (items.removed, ==, 0);
  g_assert_cmpuint (items.added, ==, 1);
  g_assert_cmpuint (changed, ==, 9);

  g_assert_true (th_session_remove_participant (session, "p2"));
  g_assert_cmpuint (items.n_calls, ==, 2);
  g_assert_cmpuint (items.position, ==, 1);
  g_assert_cmpuint (items.removed, ==, 1);
  g_assert_cmpuint (items.added, ==, 0);
  g_assert_cmpuint (changed, ==, 10);
  g_assert_false (th_session_remove_participant (session, "p2"));
  g_assert_cmpuint (changed, ==, 10);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);
  g_assert_cmpstr (th_participant_get_id (th_session_get_participant (session, 1)), ==, "p3");

  /* A removed participant is no longer the session's business. */
  {
    g_autoptr (ThParticipant) kept = g_object_ref (th_session_get_participant (session, 0));

    g_assert_true (th_session_remove_participant (session, "p1"));
    g_assert_cmpuint (changed, ==, 11);
    th_participant_set_name (kept, "Gone");
    g_assert_cmpuint (changed, ==, 11);
  }
}

static void
test_participant_ids (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("session-valid-minimal.twohats");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *changed_text = NULL;
  ThParticipant *participant;
  GString *replaced = g_string_new (text);

  /* A file whose only participant is "p2". */
  g_string_replace (replaced, "\"p1\"", "\"p2\"", 0);
  changed_text = g_string_free (replaced, FALSE);
  session = load_data (changed_text, &error);
  g_assert_no_error (error);

  /* An anonymous newcomer is named by their number, not their id: "p2",
   * first in the file, is number 1. */
  participant = th_session_add_participant (session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p1");
  g_assert_cmpuint (th_participant_get_number (participant), ==, 2);
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Participant 2");

  participant = th_session_add_participant (session, NULL, &error);
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p3");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Participant 3");

  participant = th_session_add_participant (session, "Zoë 🎩", &error);
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p4");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Zoë 🎩");

  /* Ids of removed participants are not handed out again in this run. */
  g_assert_true (th_session_remove_participant (session, "p4"));
  participant = th_session_add_participant (session, "Next", &error);
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p5");
  g_assert_no_error (error);
}

static void
test_add_invalid_name (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autofree char *long_name = g_strnfill (101, 'x');
  g_autofree char *longest_name = g_strnfill (100, 'x');
  const char *bad_names[] = { "", "Ana\nBob", "tab\there", "\x7f", long_name, "\xff" };
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_null (th_session_add_participant (session, bad_names[i], &error));
      g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);

  g_assert_nonnull (th_session_add_participant (session, longest_name, &error));
  g_assert_no_error (error);
  g_assert_true (th_participant_name_is_valid ("نور الهدى"));
  g_assert_false (th_participant_name_is_valid (NULL));
}

static void
test_checked_changes (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GError) error = NULL;
  ThParticipant *p1 = th_session_lookup_participant (session, "p1");
  ThSide side;

  g_assert_false (
    th_session_set_sort (session, "p99", "risk-register", TH_SIDE_LEADERSHIP, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "p99"));
  g_clear_error (&error);

  g_assert_false (th_session_set_sort (session, "p1", "fly-a-kite", TH_SIDE_LEADERSHIP, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "fly-a-kite"));
  g_clear_error (&error);

  g_assert_false (th_session_set_rating (session, "p1", "risk-register", 6, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (th_session_set_rating (session, "p1", "risk-register", -1, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (th_participant_get_rating (p1, "risk-register"), ==, 3);

  /* 0 clears a rating, TH_SIDE_BOTH takes a card back. */
  g_assert_true (th_session_set_rating (session, "p1", "risk-register", 0, &error));
  g_assert_cmpint (th_participant_get_rating (p1, "risk-register"), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (p1), ==, 3);
  g_assert_true (th_session_set_sort (session, "p1", "risk-register", TH_SIDE_BOTH, &error));
  g_assert_false (th_participant_get_sort (p1, "risk-register", &side));
  g_assert_cmpuint (th_participant_get_n_sorted (p1), ==, 3);
  g_assert_no_error (error);
}

static void
test_agreement (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSession) empty = th_session_new (th_session_get_deck (session));
  double percent = -1;
  guint n = 99;

  /* explain-the-why: p1, p2, p5, p6 under leadership, p3 under management. */
  g_assert_true (th_session_get_agreement (session, "explain-the-why", &percent, &n));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat_with_epsilon (percent, 80.0, 1e-9);

  /* weekly-milestones: p3 alone under leadership. */
  g_assert_true (th_session_get_agreement (session, "weekly-milestones", &percent, &n));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat_with_epsilon (percent, 20.0, 1e-9);

  /* risk-register: four sorted it (p2 did not), none under leadership. */
  g_assert_true (th_session_get_agreement (session, "risk-register", &percent, &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (percent, ==, 0.0);

  g_assert_false (th_session_get_agreement (empty, "risk-register", &percent, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (th_session_get_agreement (session, "fly-a-kite", NULL, NULL));

  /* The counts follow every kind of change: a sort through the session,
   * one made on the participant itself, a removal, an addition. */
  g_assert_true (th_session_set_sort (session, "p3", "explain-the-why", TH_SIDE_LEADERSHIP, NULL));
  g_assert_true (th_session_get_agreement (session, "explain-the-why", &percent, &n));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat_with_epsilon (percent, 100.0, 1e-9);

  th_participant_set_sort (th_session_lookup_participant (session, "p1"), "explain-the-why",
                           TH_SIDE_MANAGEMENT);
  g_assert_true (th_session_get_agreement (session, "explain-the-why", &percent, &n));
  g_assert_cmpfloat_with_epsilon (percent, 80.0, 1e-9);

  g_assert_true (th_session_remove_participant (session, "p1"));
  g_assert_true (th_session_get_agreement (session, "explain-the-why", &percent, &n));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat_with_epsilon (percent, 100.0, 1e-9);

  {
    ThParticipant *added = th_session_add_participant (session, "Quinn", NULL);

    g_assert_nonnull (added);
    g_assert_true (th_session_set_sort (session, th_participant_get_id (added), "risk-register",
                                        TH_SIDE_LEADERSHIP, NULL));
    g_assert_true (th_session_get_agreement (session, "risk-register", &percent, &n));
    g_assert_cmpuint (n, ==, 4);
    g_assert_cmpfloat_with_epsilon (percent, 25.0, 1e-9);
  }
}

static void
test_merge (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSession) other = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSession) minimal = th_test_load_session_fixture ("session-valid-minimal.twohats");
  g_autoptr (GError) error = NULL;
  ItemsChanged items = { 0 };
  guint changed = 0;
  ThParticipant *merged;
  ThScores scores;
  int n;

  g_signal_connect (session, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (session, "items-changed", G_CALLBACK (items_changed_cb), &items);

  /* Every id collides: all get fresh ids, nobody is dropped. */
  n = th_session_merge (session, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 6);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 12);
  g_assert_cmpuint (items.n_calls, ==, 1);
  g_assert_cmpuint (items.position, ==, 6);
  g_assert_cmpuint (items.added, ==, 6);
  g_assert_cmpuint (changed, ==, 1);

  merged = th_session_get_participant (session, 7);
  g_assert_cmpstr (th_participant_get_id (merged), ==, "p8");
  g_assert_cmpstr (th_participant_get_name (merged), ==, "Lee, Jordan");
  /* The copy of Ana scores as she does in session-valid.csv. */
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 6)), ==, "Ana");
  th_session_compute_scores (session, th_session_get_participant (session, 6), &scores);
  g_assert_cmpfloat (scores.leadership, ==, 87.5);
  g_assert_cmpfloat (scores.management, ==, 37.5);
  g_assert_cmpint (scores.quadrant, ==, TH_QUADRANT_LEADERSHIP_DRIVEN);
  g_assert_cmpuint (scores.correct, ==, 4);

  /* The copies belong to the session: changing them does not touch the
   * other session and does reach this one. */
  th_participant_set_name (merged, "Jordan Lee");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (other, 1)), ==,
                   "Lee, Jordan");
  g_assert_cmpuint (changed, ==, 2);

  /* Different behaviours: refused, naming what differs, nothing changed. */
  g_assert_cmpint (th_session_merge (session, minimal, &error), ==, -1);
  g_assert_error (error, TH_ERROR, TH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "weekly-milestones"));
  g_clear_error (&error);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 12);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_cmpint (th_session_merge (session, session, &error), ==, -1);
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
}

/* What a participant's scores must be, worked out by hand with
 * docs/scores.md.  NAN stands for an undefined score. */
typedef struct
{
  const char *id;
  double leadership;
  double management;
  ThQuadrant quadrant;
  guint sorted;
  guint correct;
  guint rated;
} Expected;

#define UNDEFINED NAN

static void
assert_score (const char *id, const char *what, gboolean has, double value, double expected)
{
  if (isnan (expected))
    {
      if (has)
        g_error ("%s: %s is %g, expected undefined", id, what, value);
    }
  else if (!has || value != expected)
    g_error ("%s: %s is %s%g, expected %g", id, what, has ? "" : "undefined, ", value, expected);
}

static void
assert_scores_are (ThSession *session, ThParticipant *participant, const Expected *expected)
{
  ThScores scores;

  g_assert_cmpstr (th_participant_get_id (participant), ==, expected->id);
  th_session_compute_scores (session, participant, &scores);
  assert_score (expected->id, "leadership", scores.has_leadership, scores.leadership,
                expected->leadership);
  assert_score (expected->id, "management", scores.has_management, scores.management,
                expected->management);
  if (scores.quadrant != expected->quadrant)
    g_error ("%s (%g, %g) at threshold %g is in quadrant %d, expected %d", expected->id,
             scores.leadership, scores.management, th_session_get_threshold (session),
             scores.quadrant, expected->quadrant);
  g_assert_cmpuint (scores.sorted, ==, expected->sorted);
  g_assert_cmpuint (scores.correct, ==, expected->correct);
  g_assert_cmpuint (scores.rated, ==, expected->rated);
}

/* Every participant of @session, in order, has the @expected scores. */
static void
assert_session_scores (ThSession *session, const Expected *expected, guint n)
{
  g_assert_cmpuint (th_session_get_n_participants (session), ==, n);
  for (guint i = 0; i < n; i++)
    assert_scores_are (session, th_session_get_participant (session, i), &expected[i]);
}

/* Scores are kept between reads, and every kind of change reaches them.
 * In session-valid.twohats the deck keys explain-the-why (E) and
 * coach-a-colleague (C) to leadership, weekly-milestones (W) and
 * risk-register (R) to management; with both of a side rated, its score
 * is 100 (s - 2) / 8 = 12.5 (s - 2) for the sum s of the two ratings. */
static void
test_scores_follow_changes (void)
{
  /* As loaded, at threshold 50; Sam (all 3s) sits on both lines. */
  static const Expected loaded[] = {
    { "p1", 87.5, 37.5, TH_QUADRANT_LEADERSHIP_DRIVEN, 4, 4, 4 },
    { "p2", UNDEFINED, UNDEFINED, TH_QUADRANT_NONE, 3, 3, 0 },
    { "p3", 50.0, 50.0, TH_QUADRANT_BALANCED, 4, 2, 4 },
    /* E 1 alone: 100 (1 - 1) / 4 = 0. */
    { "p4", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p5", 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 },
    { "p6", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
  };
  /* Ana: C 5 -> 1, then W 2 -> 5, then R sorted under leadership (wrong)
   * and taken back; Lee takes over every answer of Sam's. */
  static const Expected ana_c_1 = { "p1", 37.5, 37.5, TH_QUADRANT_DEVELOPING, 4, 4, 4 };
  static const Expected ana_w_5 = { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 4, 4 };
  static const Expected ana_r_wrong = { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 };
  static const Expected ana_r_back = { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 3, 3, 4 };
  static const Expected lee_as_sam = { "p2", 50.0, 50.0, TH_QUADRANT_BALANCED, 4, 2, 4 };
  static const Expected at_62_5[] = {
    { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 3, 3, 4 },
    { "p2", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p3", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p4", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p5", 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 },
    { "p6", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
  };
  /* Ana's management, 75, is on the line: still high. */
  static const Expected at_75[] = {
    { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 3, 3, 4 },
    { "p2", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p3", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p4", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p5", 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 },
    { "p6", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
  };
  static const Expected at_99[] = {
    { "p1", 37.5, 75.0, TH_QUADRANT_DEVELOPING, 3, 3, 4 },
    { "p2", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p3", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p4", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p5", 12.5, 87.5, TH_QUADRANT_DEVELOPING, 4, 3, 4 },
    { "p6", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
  };
  /* Kwame joins with nothing, then rates E 4 and R 2: leadership
   * 100 (4 - 1) / 4 = 75, management 100 (2 - 1) / 4 = 25. */
  static const Expected kwame_new = { "p7", UNDEFINED, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 0 };
  static const Expected kwame_rated = { "p7", 75.0, 25.0, TH_QUADRANT_DEVELOPING, 0, 0, 2 };
  /* Back at 75, then the six of the other file join as p8 to p13 with
   * the answers they were loaded with, and Lee leaves.  Kwame's
   * leadership and Ana's management are on the line. */
  static const Expected merged_at_75[] = {
    { "p1", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN, 3, 3, 4 },
    { "p3", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p4", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p5", 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 },
    { "p6", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
    { "p7", 75.0, 25.0, TH_QUADRANT_LEADERSHIP_DRIVEN, 0, 0, 2 },
    { "p8", 87.5, 37.5, TH_QUADRANT_LEADERSHIP_DRIVEN, 4, 4, 4 },
    { "p9", UNDEFINED, UNDEFINED, TH_QUADRANT_NONE, 3, 3, 0 },
    { "p10", 50.0, 50.0, TH_QUADRANT_DEVELOPING, 4, 2, 4 },
    { "p11", 0.0, UNDEFINED, TH_QUADRANT_NONE, 0, 0, 1 },
    { "p12", 12.5, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN, 4, 3, 4 },
    { "p13", 12.5, 0.0, TH_QUADRANT_DEVELOPING, 4, 4, 4 },
  };
  /* Scored afresh at the session's threshold, 75: the outsider with E 5
   * and W 1, then W 5; the other file's Ana as loaded, then with E 1. */
  static const Expected outsider_w_1
    = { "p99", 100.0, 0.0, TH_QUADRANT_LEADERSHIP_DRIVEN, 0, 0, 2 };
  static const Expected outsider_w_5 = { "p99", 100.0, 100.0, TH_QUADRANT_BALANCED, 0, 0, 2 };
  static const Expected other_ana = { "p1", 87.5, 37.5, TH_QUADRANT_LEADERSHIP_DRIVEN, 4, 4, 4 };
  static const Expected other_ana_e_1 = { "p1", 50.0, 37.5, TH_QUADRANT_DEVELOPING, 4, 4, 4 };
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSession) other = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThParticipant) outsider = th_participant_new ("p99", "Outsider");
  g_autoptr (GError) error = NULL;
  ThParticipant *ana = th_session_lookup_participant (session, "p1");
  ThParticipant *lee = th_session_lookup_participant (session, "p2");
  ThParticipant *added;

  assert_session_scores (session, loaded, G_N_ELEMENTS (loaded));

  /* Through the session and straight on the participant. */
  g_assert_true (th_session_set_rating (session, "p1", "coach-a-colleague", 1, &error));
  g_assert_no_error (error);
  assert_scores_are (session, ana, &ana_c_1);
  th_participant_set_rating (ana, "weekly-milestones", 5);
  assert_scores_are (session, ana, &ana_w_5);
  g_assert_true (th_session_set_sort (session, "p1", "risk-register", TH_SIDE_LEADERSHIP, &error));
  g_assert_no_error (error);
  assert_scores_are (session, ana, &ana_r_wrong);
  th_participant_set_sort (ana, "risk-register", TH_SIDE_BOTH);
  assert_scores_are (session, ana, &ana_r_back);
  th_participant_merge_answers (lee, th_session_lookup_participant (other, "p3"));
  assert_scores_are (session, lee, &lee_as_sam);

  /* The quadrant moves with the threshold. */
  th_session_set_threshold (session, 62.5);
  assert_session_scores (session, at_62_5, G_N_ELEMENTS (at_62_5));
  th_session_set_threshold (session, 75);
  assert_session_scores (session, at_75, G_N_ELEMENTS (at_75));
  th_session_set_threshold (session, 99);
  assert_session_scores (session, at_99, G_N_ELEMENTS (at_99));

  /* Newcomers, merged copies and removals. */
  added = th_session_add_participant (session, "Kwame", &error);
  g_assert_no_error (error);
  assert_scores_are (session, added, &kwame_new);
  th_participant_set_rating (added, "explain-the-why", 4);
  th_participant_set_rating (added, "risk-register", 2);
  assert_scores_are (session, added, &kwame_rated);
  th_session_set_threshold (session, 75);
  g_assert_cmpint (th_session_merge (session, other, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_true (th_session_remove_participant (session, "p2"));
  assert_session_scores (session, merged_at_75, G_N_ELEMENTS (merged_at_75));

  /* A participant of no session, or of another one, is scored afresh:
   * the session hears of no change to it. */
  th_participant_set_rating (outsider, "explain-the-why", 5);
  th_participant_set_rating (outsider, "weekly-milestones", 1);
  assert_scores_are (session, outsider, &outsider_w_1);
  th_participant_set_rating (outsider, "weekly-milestones", 5);
  assert_scores_are (session, outsider, &outsider_w_5);
  assert_scores_are (session, th_session_lookup_participant (other, "p1"), &other_ana);
  th_participant_set_rating (th_session_lookup_participant (other, "p1"), "explain-the-why", 1);
  assert_scores_are (session, th_session_lookup_participant (other, "p1"), &other_ana_e_1);
}

/* After one answer only the participant who gave it is scored again: a
 * chart of ten thousand people reads everyone's scores after every answer
 * (bench/chart/bench-session times it). */
static void
test_scores_recomputed_for_one (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GError) error = NULL;
  ThParticipant *ana = th_session_lookup_participant (session, "p1");
  ThParticipant *sam = th_session_lookup_participant (session, "p3");
  ThScores scores;

  th_session_compute_scores (session, ana, &scores);
  g_assert_cmpfloat (scores.management, ==, 37.5);
  th_session_compute_scores (session, sam, &scores);
  g_assert_cmpfloat (scores.leadership, ==, 50);

  /* The loader's silent path, which normally runs before a participant
   * joins a session, changes both without telling the session: it stands
   * in for the cost of scoring, which no test can see. */
  th_participant_load_rating (ana, "risk-register", 5);
  th_participant_load_rating (sam, "explain-the-why", 5);

  /* Sam answers; Ana's stored scores are still used. */
  g_assert_true (th_session_set_rating (session, "p3", "coach-a-colleague", 4, &error));
  g_assert_no_error (error);
  th_session_compute_scores (session, sam, &scores);
  /* Explain-the-why 5 and coach-a-colleague 4: 100 (9 - 2) / 8. */
  g_assert_cmpfloat (scores.leadership, ==, 87.5);
  th_session_compute_scores (session, ana, &scores);
  g_assert_cmpfloat (scores.management, ==, 37.5);

  /* Until Ana changes too: weekly-milestones 2 and risk-register 5,
   * 100 (7 - 2) / 8. */
  th_participant_set_name (ana, "Ana María");
  th_session_compute_scores (session, ana, &scores);
  g_assert_cmpfloat (scores.management, ==, 62.5);
}

/* A participant keeps its id through any number of new names, and each
 * name as it was given, the first one included. */
static void
test_participant_renamed (void)
{
  g_autoptr (ThParticipant) participant = th_participant_new ("p7", "Ana");
  guint notified = 0;

  g_signal_connect (participant, "notify::name", G_CALLBACK (notify_count_cb), &notified);
  th_participant_set_name (participant, "Ana");
  g_assert_cmpuint (notified, ==, 0);
  th_participant_set_name (participant, "Ana Maria");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Ana Maria");
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p7");
  th_participant_set_name (participant, "Ana");
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Ana");
  /* A name given as the participant's own text. */
  th_participant_set_name (participant, th_participant_get_name (participant));
  g_object_set (participant, "name", "Ana Lima", NULL);
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Ana Lima");
  g_assert_cmpstr (th_participant_get_id (participant), ==, "p7");
  g_assert_cmpuint (notified, ==, 3);
}

/* The scores a session keeps for a participant are its own: once the
 * participant has left it (a removal, then its undo) they are worked out
 * again, even after a change the session did not hear of. */
static void
test_scores_forgotten_on_leaving (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GError) error = NULL;
  g_autoptr (ThParticipant) ana = g_object_ref (th_session_lookup_participant (session, "p1"));
  ThScores scores;

  th_session_compute_scores (session, ana, &scores);
  g_assert_cmpfloat (scores.management, ==, 37.5);

  g_assert_true (th_session_remove_participant (session, "p1"));
  /* The loader's silent path, as in test_scores_recomputed_for_one(). */
  th_participant_load_rating (ana, "risk-register", 5);
  g_assert_true (th_session_restore_participant (session, ana, 0, &error));
  g_assert_no_error (error);

  /* Weekly-milestones 2 and risk-register 5: 100 (7 - 2) / 8. */
  th_session_compute_scores (session, ana, &scores);
  g_assert_cmpfloat (scores.management, ==, 62.5);
}

/* Only the colliding ids change. */
static void
test_merge_partial_collision (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThDeck) deck = g_object_ref (th_session_get_deck (session));
  g_autoptr (ThSession) other = th_session_new (deck);
  g_autoptr (GError) error = NULL;

  th_session_add_participant (other, "Newcomer", &error);
  th_session_add_participant (other, "Second", &error);
  th_session_remove_participant (other, "p2");
  th_session_add_participant (other, "Third", &error);
  g_assert_no_error (error);
  /* other: p1 "Newcomer", p3 "Third" */

  g_assert_cmpint (th_session_merge (session, other, &error), ==, 2);
  g_assert_cmpstr (th_participant_get_id (th_session_get_participant (session, 6)), ==, "p7");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 6)), ==,
                   "Newcomer");
  g_assert_cmpstr (th_participant_get_id (th_session_get_participant (session, 7)), ==, "p8");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 7)), ==, "Third");

  {
    g_autoptr (ThSession) fresh = th_session_new (deck);
    g_autoptr (ThSession) source = th_session_new (deck);

    th_session_add_participant (source, "X", &error);
    th_session_add_participant (source, "Y", &error);
    th_session_remove_participant (source, "p1");
    /* source: p2 "Y"; an id that is free keeps its value */
    g_assert_cmpint (th_session_merge (fresh, source, &error), ==, 1);
    g_assert_cmpstr (th_participant_get_id (th_session_get_participant (fresh, 0)), ==, "p2");
  }
}

static char *
make_session_text (guint n_participants)
{
  GString *text = g_string_new (
    "{\"format\": \"two-hats-session\", \"version\": 1, \"deck\": {\"format\": \"two-hats-deck\", "
    "\"version\": 1, \"id\": \"d\", \"title\": \"T\", \"behaviours\": [{\"id\": \"b\", "
    "\"text\": \"t\", \"key\": \"leadership\"}]}, \"participants\": [");

  for (guint i = 0; i < n_participants; i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"p%u\", \"name\": \"P%u\", \"sort\": {\"b\": "
                            "\"leadership\"}, \"ratings\": {\"b\": %u}}",
                            i > 0 ? "," : "", i + 1, i + 1, i % 5 + 1);
  g_string_append (text, "]}");

  return g_string_free (text, FALSE);
}

static void
test_limit_participants (void)
{
  g_autofree char *at_limit = make_session_text (TH_MAX_PARTICIPANTS);
  g_autofree char *past_limit = make_session_text (TH_MAX_PARTICIPANTS + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = load_data (at_limit, &error);
  g_autoptr (ThSession) refused = NULL;
  g_autoptr (ThSession) small = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 100000);
  g_assert_cmpint (th_participant_get_rating (th_session_get_participant (session, 99999), "b"), ==,
                   5);

  /* A full session takes nobody else, by hand or by merging. */
  g_assert_null (th_session_add_participant (session, "One too many", &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_clear_error (&error);

  small = load_data ("{\"format\": \"two-hats-session\", \"version\": 1, \"deck\": {\"format\": "
                     "\"two-hats-deck\", \"version\": 1, \"id\": \"d\", \"title\": \"T\", "
                     "\"behaviours\": [{\"id\": \"b\", \"text\": \"t\", \"key\": "
                     "\"leadership\"}]}, \"participants\": [{\"id\": \"p1\", \"name\": \"A\"}]}",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (th_session_merge (session, small, &error), ==, -1);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 100000);

  refused = load_data (past_limit, &error);
  g_assert_null (refused);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "participants: 100001 entries, more than the limit of 100000");
}

static void
test_limit_behaviours (void)
{
  GString *text = g_string_new ("{\"format\": \"two-hats-session\", \"version\": 1, \"deck\": "
                                "{\"format\": \"two-hats-deck\", \"version\": 1, \"id\": \"d\", "
                                "\"title\": \"T\", \"behaviours\": [");
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  for (guint i = 0; i < TH_MAX_BEHAVIOURS + 1; i++)
    g_string_append_printf (text, "%s{\"id\": \"b%u\", \"text\": \"t\", \"key\": \"leadership\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}, \"participants\": []}");

  session = th_session_new_from_data (text->str, text->len, &error);
  g_assert_null (session);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "deck.behaviours: 1001 entries"));
  g_string_free (text, TRUE);
}

static void
test_limit_strings (void)
{
  g_autofree char *long_title = g_strnfill (TH_MAX_STRING_CHARS + 1, 'x');
  g_autofree char *longer_title = g_strnfill (TH_MAX_STRING_CHARS + 1000, 'y');
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"two-hats-session\", \"version\": 1, \"title\": \"%s\", \"deck\": {\"format\": "
    "\"two-hats-deck\", \"version\": 1, \"id\": \"d\", \"title\": \"T\", \"behaviours\": "
    "[{\"id\": \"b\", \"text\": \"t\", \"key\": \"leadership\"}]}, \"participants\": []}",
    long_title);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = load_data (text, &error);
  g_autoptr (ThSession) again = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_null (session);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "title: 4001 characters, more than the limit of 4000");
  g_clear_error (&error);

  /* A title set in the app is kept within the limit, so the file it is
   * saved to always loads again. */
  session = th_test_load_session_fixture ("session-valid.twohats");
  th_session_set_title (session, longer_title);
  g_assert_cmpint (g_utf8_strlen (th_session_get_title (session), -1), ==, TH_MAX_STRING_CHARS);
  data = th_session_to_data (session, &length);
  again = th_session_new_from_data (data, length, &error);
  g_assert_no_error (error);
}

/* A file past 64 MiB is refused from its size, before it is read. */
static void
test_limit_file_size (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  int fd;

  /* Sparse: no disk space is used. */
  fd = open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)TH_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  session = th_session_new_from_file (file, &error);
  g_assert_null (session);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "the file is 67108865 bytes, more than the limit of 67108864 bytes");

  /* Exactly 64 MiB is within the limit: it is read, and fails only for
   * what it holds (NUL bytes). */
  g_clear_error (&error);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (ftruncate (fd, (off_t)TH_MAX_FILE_SIZE), ==, 0);
  close (fd);
  session = th_session_new_from_file (file, &error);
  g_assert_null (session);
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "NUL byte"));

  th_test_remove_dir (dir);
}

/* A session cut off anywhere is a clean error. */
static void
test_truncated_everywhere (void)
{
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("session-valid.twohats");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  for (gsize cut = 0; cut + 1 < length; cut++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ThSession) session = th_session_new_from_data (data, cut, &error);

      g_assert_null (session);
      g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
    }
}

static void
test_save_and_load (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "workshop.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) loaded = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (th_session_save_to_file (session, file, &error));
  g_assert_no_error (error);

  th_session_set_threshold (session, 70);
  g_assert_true (th_session_save_to_file (session, file, &error));
  g_assert_no_error (error);

  expected = th_session_to_data (session, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);

  loaded = th_session_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (th_session_get_threshold (loaded), ==, 70);

  /* No temporary file is left beside it. */
  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "workshop.twohats");

  th_test_remove_dir (dir);
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
count_answer_cb (const char *behaviour_id, guint side, guint rating, gpointer data)
{
  guint *n = data;

  (*n)++;
}

/* A participant of a session keeps its answers by deck position; one
 * made without a deck, or answers about cards the deck lacks, by id.
 * Both read and change the same way through the API. */
static void
test_answers_storage (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThParticipant) loose = th_participant_new ("p9", "Loose");
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  ThDeck *deck = th_session_get_deck (session);
  ThParticipant *ana = th_session_lookup_participant (session, "p1");
  ThParticipant *added;
  guint n_sorted = th_participant_get_n_sorted (ana);
  guint n_rated = th_participant_get_n_rated (ana);
  guint n_answers, n_seen = 0;
  const ThAnswer *answers;
  guint sorted_notified = 0, rated_notified = 0, changed = 0;
  ThSide side;

  g_assert_true (th_participant_get_deck (ana) == deck);
  g_assert_null (th_participant_get_deck (loose));

  g_signal_connect (ana, "notify::n-sorted", G_CALLBACK (count_notify_cb), &sorted_notified);
  g_signal_connect (ana, "notify::n-rated", G_CALLBACK (count_notify_cb), &rated_notified);
  g_signal_connect (ana, "changed", G_CALLBACK (count_cb), &changed);

  /* Clearing the only answer about a card drops its entry; setting the
   * same value again is no change. */
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, i));

      th_participant_set_sort (ana, id, TH_SIDE_BOTH);
      th_participant_set_rating (ana, id, 0);
    }
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (ana), ==, 0);
  answers = th_participant_get_answers (ana, &n_answers);
  g_assert_cmpuint (n_answers, ==, 0);
  g_assert_cmpuint (sorted_notified, ==, n_sorted);
  g_assert_cmpuint (rated_notified, ==, n_rated);
  changed = 0;
  g_assert_false (th_participant_set_rating (ana, "risk-register", 0));
  g_assert_false (th_participant_set_sort (ana, "risk-register", TH_SIDE_BOTH));
  g_assert_cmpuint (changed, ==, 0);

  /* Set in reverse deck order, kept in deck order. */
  g_assert_true (th_participant_set_rating (ana, "risk-register", 2));
  g_assert_true (th_participant_set_sort (ana, "explain-the-why", TH_SIDE_MANAGEMENT));
  g_assert_true (th_participant_set_rating (ana, "explain-the-why", 5));
  g_assert_false (th_participant_set_rating (ana, "explain-the-why", 5));
  g_assert_true (th_participant_set_sort (ana, "not-in-this-deck", TH_SIDE_LEADERSHIP));
  answers = th_participant_get_answers (ana, &n_answers);
  g_assert_cmpuint (n_answers, ==, 2);
  g_assert_cmpint (answers[0].index, <, answers[1].index);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, 2);
  g_assert_cmpuint (th_participant_get_n_rated (ana), ==, 2);
  g_assert_cmpint (th_participant_get_rating (ana, "explain-the-why"), ==, 5);
  g_assert_true (th_participant_get_sort (ana, "not-in-this-deck", &side));
  g_assert_cmpint (side, ==, TH_SIDE_LEADERSHIP);
  g_assert_true (th_participant_has_other_answers (ana));
  th_participant_foreach_answer (ana, count_answer_cb, &n_seen);
  g_assert_cmpuint (n_seen, ==, 3);
  ids = th_participant_dup_sorted_ids (ana);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "explain-the-why");
  g_assert_cmpstr (ids->pdata[1], ==, "not-in-this-deck");
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* A participant without a deck takes any id, and merges into one of a
   * session: the deck's cards by position, the others by id. */
  th_participant_set_rating (loose, "weekly-milestones", 4);
  th_participant_set_sort (loose, "weekly-milestones", TH_SIDE_MANAGEMENT);
  th_participant_set_rating (loose, "elsewhere", 3);
  g_assert_cmpuint (th_participant_get_n_rated (loose), ==, 2);
  added = th_session_add_participant (session, "Added", &error);
  g_assert_no_error (error);
  th_participant_merge_answers (added, loose);
  g_assert_cmpint (th_participant_get_rating (added, "weekly-milestones"), ==, 4);
  g_assert_cmpint (th_participant_get_rating (added, "elsewhere"), ==, 3);
  g_assert_true (th_participant_get_sort (added, "weekly-milestones", &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  answers = th_participant_get_answers (added, &n_answers);
  g_assert_cmpuint (n_answers, ==, 1);
  ids = th_participant_dup_rated_ids (added);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "elsewhere");

  /* Answers about cards the deck lacks are not saved. */
  {
    g_autofree char *saved = th_session_to_data (session, NULL);

    g_assert_null (strstr (saved, "elsewhere"));
    g_assert_null (strstr (saved, "not-in-this-deck"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/valid", test_valid);
  g_test_add_func ("/session/canonical-bytes", test_canonical_bytes);
  g_test_add_func ("/session/round-trip", test_round_trip);
  g_test_add_func ("/session/minimal", test_minimal);
  g_test_add_func ("/session/new", test_new);
  g_test_add_func ("/session/signals", test_signals);
  g_test_add_func ("/session/participant-ids", test_participant_ids);
  g_test_add_func ("/session/add-invalid-name", test_add_invalid_name);
  g_test_add_func ("/session/checked-changes", test_checked_changes);
  g_test_add_func ("/session/agreement", test_agreement);
  g_test_add_func ("/session/merge", test_merge);
  g_test_add_func ("/session/answers-storage", test_answers_storage);
  g_test_add_func ("/session/scores/follow-changes", test_scores_follow_changes);
  g_test_add_func ("/session/scores/recomputed-for-one", test_scores_recomputed_for_one);
  g_test_add_func ("/session/participant/renamed", test_participant_renamed);
  g_test_add_func ("/session/scores/forgotten-on-leaving", test_scores_forgotten_on_leaving);
  g_test_add_func ("/session/merge-partial-collision", test_merge_partial_collision);
  g_test_add_func ("/session/limit/participants", test_limit_participants);
  g_test_add_func ("/session/limit/behaviours", test_limit_behaviours);
  g_test_add_func ("/session/limit/strings", test_limit_strings);
  g_test_add_func ("/session/limit/file-size", test_limit_file_size);
  g_test_add_func ("/session/bad/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/session/save-and-load", test_save_and_load);

  return g_test_run ();
}
