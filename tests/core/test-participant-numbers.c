/* test-participant-numbers.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A participant's `number` and `order` (docs/session-format.md): read by
 * both readers, written back, never reused, kept through an undone
 * removal and a merge. */

#include "config.h"

#include <string.h>

#include "th-error.h"
#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-session-private.h"
#include "th-session.h"
#include "th-test-session.h"
#include "th-test-utils.h"

/* Counts emissions of a signal, connected swapped. */
static void
count_cb (guint *count)
{
  (*count)++;
}

/* The fixture, read by the streaming reader (th_session_new_from_data())
 * or by the tree reader (th_session_new_from_json()). */
static ThSession *
load_numbered (gboolean streamed)
{
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("session-valid-numbered.twohats");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  ThSession *session;

  if (streamed)
    {
      g_autoptr (ThSession) direct = th_session_try_new_from_text (data, length, &error);

      /* The streaming reader takes this file itself. */
      g_assert_no_error (error);
      g_assert_nonnull (direct);
      return g_steal_pointer (&direct);
    }

  root = th_json_parse (data, length, &error);
  g_assert_no_error (error);
  session = th_session_new_from_json (root, &error);
  g_assert_no_error (error);
  return session;
}

static ThSession *
reload (ThSession *session, gboolean streamed)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *data = th_session_to_data (session, &length);
  g_autoptr (JsonNode) root = NULL;
  ThSession *loaded;

  if (streamed)
    {
      loaded = th_session_try_new_from_text (data, length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      return loaded;
    }

  root = th_json_parse (data, length, &error);
  g_assert_no_error (error);
  loaded = th_session_new_from_json (root, &error);
  g_assert_no_error (error);
  return loaded;
}

static guint
number_of (ThSession *session, const char *id)
{
  ThParticipant *participant = th_session_lookup_participant (session, id);

  g_assert_nonnull (participant);
  return th_participant_get_number (participant);
}

/* The ids of @id's order, joined by spaces, or NULL when they have none
 * yet (without making one). */
static char *
order_of (ThSession *session, const char *id)
{
  ThParticipant *participant = th_session_lookup_participant (session, id);
  ThDeck *deck = th_session_get_deck (session);
  const guint16 *order;
  GString *text;

  g_assert_nonnull (participant);
  order = th_participant_peek_order (participant);
  if (order == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, th_behaviour_get_id (th_deck_get_behaviour (deck, order[i])));
    }
  return g_string_free (text, FALSE);
}

static void
assert_order (ThSession *session, const char *id, const char *expected)
{
  g_autofree char *order = order_of (session, id);

  g_assert_cmpstr (order, ==, expected);
}

/* What the fixture says, and what it leaves to the rules: Ben has no
 * number and his position, 2, is Ana's, so he gets the next free one, 3;
 * Eve's position, 5, is Dee's, so she gets 6.  Cy's order lacks two cards,
 * which follow in deck order. */
static void
assert_fixture_model (ThSession *session)
{
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 5);
  g_assert_cmpuint (number_of (session, "p1"), ==, 2);
  g_assert_cmpuint (number_of (session, "p2"), ==, 3);
  g_assert_cmpuint (number_of (session, "p3"), ==, 1);
  g_assert_cmpuint (number_of (session, "p4"), ==, 5);
  g_assert_cmpuint (number_of (session, "p5"), ==, 6);

  assert_order (session, "p1", "dd cc bb aa");
  assert_order (session, "p2", NULL);
  assert_order (session, "p3", "bb dd aa cc");
  assert_order (session, "p4", NULL);
  assert_order (session, "p5", NULL);

  g_assert_cmpint (th_participant_get_rating (th_session_lookup_participant (session, "p1"), "aa"),
                   ==, 4);
}

static void
test_fixture_both_readers (void)
{
  g_autoptr (ThSession) streamed = load_numbered (TRUE);
  g_autoptr (ThSession) tree = load_numbered (FALSE);
  g_autofree char *streamed_text = th_session_to_data (streamed, NULL);
  g_autofree char *tree_text = th_session_to_data (tree, NULL);

  assert_fixture_model (streamed);
  assert_fixture_model (tree);
  g_assert_cmpstr (streamed_text, ==, tree_text);
}

/* Saved and read again, both ways: every number is written (those the
 * rules gave too), each order as it is, and nothing changes on the way. */
static void
test_round_trip (void)
{
  g_autoptr (ThSession) session = load_numbered (TRUE);
  g_autofree char *first = th_session_to_data (session, NULL);

  g_assert_nonnull (strstr (first, "\"name\": \"Ben\",\n      \"number\": 3,\n"));
  g_assert_nonnull (strstr (first, "\"name\": \"Eve\",\n      \"number\": 6,\n"));
  g_assert_nonnull (strstr (first, "\"number\": 1,\n      \"order\": [\n        \"bb\",\n        "
                                   "\"dd\",\n        \"aa\",\n        \"cc\"\n      ],\n"));
  g_assert_null (strstr (first, "\"name\": \"Dee\",\n      \"number\": 5,\n      \"order\""));

  for (int streamed = 0; streamed <= 1; streamed++)
    {
      g_autoptr (ThSession) again = reload (session, streamed);
      g_autofree char *second = th_session_to_data (again, NULL);
      g_autoptr (JsonNode) tree = th_session_to_json (again);
      g_autofree char *from_tree = th_json_to_pretty_data (tree, NULL);

      assert_fixture_model (again);
      g_assert_cmpstr (second, ==, first);
      g_assert_cmpstr (from_tree, ==, first);
    }
}

/* A session whose indented text would be larger than the readers take is
 * written on one line, without the indentation, and reads back the same;
 * below that size, the text is the indented one. */
static void
test_large_written_compact (void)
{
  g_autoptr (ThSession) session = load_numbered (TRUE);
  g_autofree char *indented = th_session_to_data (session, NULL);
  g_autofree char *compact = NULL;
  g_autofree char *same = NULL;
  gsize length = 0;
  gsize indented_length = strlen (indented);

  /* At the limit exactly, still indented. */
  same = th_session_to_data_within (session, indented_length, NULL);
  g_assert_cmpstr (same, ==, indented);

  compact = th_session_to_data_within (session, indented_length - 1, &length);
  g_assert_cmpuint (length, ==, strlen (compact));
  g_assert_cmpuint (length, <, indented_length);
  /* One line, and only the line break that ends the file. */
  g_assert_true (strchr (compact, '\n') == compact + length - 1);
  g_assert_nonnull (strstr (compact, "\"number\":1,\"order\":[\"bb\",\"dd\",\"aa\",\"cc\"]"));
  /* Spaces inside strings stay. */
  g_assert_nonnull (strstr (compact, "\"title\":\"Numbered by hand\""));

  for (int streamed = 0; streamed <= 1; streamed++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ThSession) again = NULL;

      if (streamed)
        again = th_session_try_new_from_text (compact, length, &error);
      else
        {
          g_autoptr (JsonNode) root = th_json_parse (compact, length, &error);

          g_assert_no_error (error);
          again = th_session_new_from_json (root, &error);
        }
      g_assert_no_error (error);
      g_assert_nonnull (again);
      assert_fixture_model (again);
      {
        g_autofree char *back = th_session_to_data (again, NULL);

        g_assert_cmpstr (back, ==, indented);
      }
    }
}

/* A participant without an order gets one when first asked: every card
 * once, the same on every later call, saved, and ::changed says so. */
static void
test_order_made_once (void)
{
  g_autoptr (ThSession) session = load_numbered (TRUE);
  g_autoptr (ThSession) again = NULL;
  ThParticipant *ben = th_session_lookup_participant (session, "p2");
  ThParticipant *ana = th_session_lookup_participant (session, "p1");
  const guint16 *order;
  const guint16 *second;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  guint8 seen[4] = { 0 };
  guint changed = 0;
  guint n = 0;

  g_signal_connect_swapped (session, "changed", G_CALLBACK (count_cb), &changed);

  order = th_participant_get_order (ben, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (order);
  g_assert_cmpuint (changed, ==, 1);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (order[i], <, 4);
      g_assert_cmpuint (seen[order[i]], ==, 0);
      seen[order[i]] = 1;
    }

  second = th_participant_get_order (ben, &n);
  g_assert_true (second == order);
  g_assert_cmpuint (changed, ==, 1);

  /* Ana's came from the file: asking changes nothing. */
  th_participant_get_order (ana, NULL);
  g_assert_cmpuint (changed, ==, 1);

  text = order_of (session, "p2");
  again = reload (session, TRUE);
  saved = order_of (again, "p2");
  g_assert_cmpstr (saved, ==, text);

  /* A participant of no session has no deck and so no order. */
  {
    g_autoptr (ThParticipant) loose = th_participant_new ("x", "X");

    g_assert_null (th_participant_get_order (loose, &n));
    g_assert_cmpuint (n, ==, 0);
    g_assert_cmpuint (th_participant_get_number (loose), ==, 0);
  }
}

/* Shuffles of the 24 cards of the built-in deck: two agree once in 24!
 * tries, so different participants never do here. */
static void
test_orders_differ (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  ThParticipant *a = th_session_add_participant (session, "A", NULL);
  ThParticipant *b = th_session_add_participant (session, "B", NULL);
  const guint16 *order_a;
  const guint16 *order_b;
  guint n_a, n_b;
  gboolean identity = TRUE;

  g_assert_cmpuint (th_deck_get_n_behaviours (deck), ==, 24);
  order_a = th_participant_get_order (a, &n_a);
  order_b = th_participant_get_order (b, &n_b);
  g_assert_cmpuint (n_a, ==, 24);
  g_assert_cmpuint (n_b, ==, 24);
  g_assert_false (memcmp (order_a, order_b, 24 * sizeof (guint16)) == 0);
  for (guint i = 0; i < 24; i++)
    if (order_a[i] != i)
      identity = FALSE;
  g_assert_false (identity);
}

/* When participant 3 is removed nobody becomes 3, in this run; after a
 * save the file's highest number is where newcomers count on from. */
static void
test_never_reused (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThSession) again = NULL;
  ThParticipant *participant;

  for (guint i = 0; i < 4; i++)
    {
      participant = th_session_add_participant (session, NULL, NULL);
      g_assert_cmpuint (th_participant_get_number (participant), ==, i + 1);
    }
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Participant 4");

  g_assert_true (th_session_remove_participant (session, "p3"));
  g_assert_true (th_session_remove_participant (session, "p4"));
  participant = th_session_add_participant (session, "Newcomer", NULL);
  g_assert_cmpuint (th_participant_get_number (participant), ==, 5);
  participant = th_session_add_participant (session, NULL, NULL);
  g_assert_cmpuint (th_participant_get_number (participant), ==, 6);
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Participant 6");
  g_assert_cmpuint (number_of (session, "p1"), ==, 1);
  g_assert_cmpuint (number_of (session, "p2"), ==, 2);

  g_assert_true (th_session_remove_participant (session, "p1"));
  again = reload (session, TRUE);
  g_assert_cmpuint (number_of (again, "p2"), ==, 2);
  participant = th_session_add_participant (again, NULL, NULL);
  g_assert_cmpuint (th_participant_get_number (participant), ==, 7);
}

/* Undoing a removal puts the same participant back, with their number,
 * order and answers, where they were. */
static void
test_restore_keeps_number (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThParticipant) removed = NULL;
  g_autoptr (GError) error = NULL;
  ThParticipant *participant;
  const guint16 *order;
  guint items_changed = 0;

  th_session_add_participant (session, "A", NULL);
  removed = g_object_ref (th_session_add_participant (session, "B", NULL));
  th_session_add_participant (session, "C", NULL);
  g_assert_true (th_session_set_sort (session, "p2", "explain-the-why", TH_SIDE_LEADERSHIP, NULL));
  order = th_participant_get_order (removed, NULL);

  g_assert_true (th_session_remove_participant (session, "p2"));
  participant = th_session_add_participant (session, "D", NULL);
  g_assert_cmpuint (th_participant_get_number (participant), ==, 4);

  g_signal_connect_swapped (session, "items-changed", G_CALLBACK (count_cb), &items_changed);
  g_assert_true (th_session_restore_participant (session, removed, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_true (th_session_get_participant (session, 1) == removed);
  g_assert_true (th_session_lookup_participant (session, "p2") == removed);
  g_assert_cmpuint (th_participant_get_number (removed), ==, 2);
  g_assert_true (th_participant_get_order (removed, NULL) == order);
  g_assert_cmpuint (th_participant_get_n_sorted (removed), ==, 1);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 4);
  g_assert_cmpuint (th_participant_get_number (th_session_get_participant (session, 2)), ==, 3);

  /* Not twice, and not someone else's. */
  g_assert_false (th_session_restore_participant (session, removed, 0, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (ThParticipant) stranger = th_participant_new ("p9", "Stranger");

    g_assert_false (th_session_restore_participant (session, stranger, 0, &error));
    g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  }

  participant = th_session_add_participant (session, NULL, NULL);
  g_assert_cmpuint (th_participant_get_number (participant), ==, 5);
}

/* Merged people get numbers nobody here has held, and keep their order. */
static void
test_merge_numbers_and_order (void)
{
  g_autoptr (ThSession) session = load_numbered (TRUE);
  g_autoptr (ThSession) other = load_numbered (FALSE);
  g_autoptr (GError) error = NULL;

  g_assert_true (th_session_remove_participant (session, "p5"));
  g_assert_cmpint (th_session_merge (session, other, &error), ==, 5);
  g_assert_no_error (error);

  /* Eve held 6 before she was removed: the newcomers start at 7, in the
   * other file's order.  Their ids were all taken, so they got fresh
   * ones, from Eve's p5 on. */
  g_assert_cmpuint (number_of (session, "p5"), ==, 7);
  g_assert_cmpuint (number_of (session, "p6"), ==, 8);
  g_assert_cmpuint (number_of (session, "p7"), ==, 9);
  g_assert_cmpuint (number_of (session, "p8"), ==, 10);
  g_assert_cmpuint (number_of (session, "p9"), ==, 11);
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (session, "p7")), ==,
                   "Cy");
  assert_order (session, "p5", "dd cc bb aa");
  assert_order (session, "p6", NULL);
  assert_order (session, "p7", "bb dd aa cc");
}

/* Numbers given by position, with and without numbers elsewhere in the
 * file. */
static void
test_numbers_by_position (void)
{
  static const char head[]
    = "{\"format\": \"two-hats-session\", \"version\": 1, \"deck\": {\"format\": "
      "\"two-hats-deck\", \"version\": 1, \"id\": \"d\", \"title\": \"D\", \"behaviours\": "
      "[{\"id\": \"a\", \"text\": \"A\", \"key\": \"leadership\"}]}, \"participants\": ";
  static const struct
  {
    const char *participants;
    guint numbers[4];
  } cases[] = {
    /* An older file: positions. */
    { "[{\"id\": \"p1\", \"name\": \"A\"}, {\"id\": \"p2\", \"name\": \"B\"}, "
      "{\"id\": \"p3\", \"name\": \"C\"}]",
      { 1, 2, 3 } },
    /* Positions 1 and 2 taken by those after them: the next free ones. */
    { "[{\"id\": \"p1\", \"name\": \"A\"}, {\"id\": \"p2\", \"name\": \"B\"}, "
      "{\"id\": \"p3\", \"name\": \"C\", \"number\": 1}, "
      "{\"id\": \"p4\", \"name\": \"D\", \"number\": 2}]",
      { 3, 4, 1, 2 } },
    /* A gap stays a gap. */
    { "[{\"id\": \"p1\", \"name\": \"A\", \"number\": 9}, {\"id\": \"p2\", \"name\": \"B\"}]",
      { 9, 2 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *text = g_strconcat (head, cases[c].participants, "}", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) root = th_json_parse (text, strlen (text), &error);
      g_autoptr (ThSession) tree = NULL;
      g_autoptr (ThSession) streamed = th_session_try_new_from_text (text, strlen (text), &error);

      g_assert_no_error (error);
      g_assert_nonnull (streamed);
      tree = th_session_new_from_json (root, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < th_session_get_n_participants (tree); i++)
        {
          g_assert_cmpuint (th_participant_get_number (th_session_get_participant (tree, i)), ==,
                            cases[c].numbers[i]);
          g_assert_cmpuint (th_participant_get_number (th_session_get_participant (streamed, i)),
                            ==, cases[c].numbers[i]);
        }
    }
}

/* Anonymous names come from the number, wherever the participant is. */
static void
test_anonymous_name (void)
{
  g_autoptr (ThSession) session = load_numbered (TRUE);
  g_autofree char *eve = NULL;
  g_autofree char *cy = NULL;

  eve = th_participant_dup_anonymous_name (th_session_lookup_participant (session, "p5"));
  cy = th_participant_dup_anonymous_name (th_session_lookup_participant (session, "p3"));
  g_assert_cmpstr (eve, ==, "Participant 6");
  g_assert_cmpstr (cy, ==, "Participant 1");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/participant-numbers/fixture-both-readers", test_fixture_both_readers);
  g_test_add_func ("/participant-numbers/round-trip", test_round_trip);
  g_test_add_func ("/participant-numbers/large-written-compact", test_large_written_compact);
  g_test_add_func ("/participant-numbers/order-made-once", test_order_made_once);
  g_test_add_func ("/participant-numbers/orders-differ", test_orders_differ);
  g_test_add_func ("/participant-numbers/never-reused", test_never_reused);
  g_test_add_func ("/participant-numbers/restore-keeps-number", test_restore_keeps_number);
  g_test_add_func ("/participant-numbers/merge", test_merge_numbers_and_order);
  g_test_add_func ("/participant-numbers/by-position", test_numbers_by_position);
  g_test_add_func ("/participant-numbers/anonymous-name", test_anonymous_name);

  return g_test_run ();
}
