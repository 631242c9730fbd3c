/* test-load-async.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* th_load_file_async(): the result and the errors of th_load_file(),
 * delivered on the caller's thread, and cancellation. */

#include "config.h"

#include "th-deck.h"
#include "th-error.h"
#include "th-loader.h"
#include "th-session.h"
#include "th-test-utils.h"

typedef struct
{
  gboolean done;
  guint n_calls;
  GThread *thread; /* where the callback ran */
  GObject *loaded;
  GError *error;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->loaded);
  g_clear_error (&outcome->error);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Outcome *outcome = user_data;

  g_assert_null (source);
  outcome->n_calls++;
  outcome->thread = g_thread_self ();
  outcome->loaded = th_load_file_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Waits for the callback; the suite's timeout stands for a hang. */
static void
wait_for (Outcome *outcome)
{
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
load (const char *fixture, GCancellable *cancellable, Outcome *outcome)
{
  g_autoptr (GFile) file = th_test_fixture_file (fixture);

  th_load_file_async (file, cancellable, loaded_cb, outcome);
  wait_for (outcome);
}

static void
test_result (void)
{
  Outcome session = { 0 };
  Outcome deck = { 0 };
  ThSession *loaded;

  load ("session-valid.twohats", NULL, &session);
  g_assert_no_error (session.error);
  g_assert_true (session.thread == g_thread_self ());
  g_assert_true (TH_IS_SESSION (session.loaded));
  loaded = TH_SESSION (session.loaded);
  g_assert_cmpuint (th_session_get_n_participants (loaded), ==, 6);
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (loaded, 0)), ==, "Ana");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (loaded, 2)), ==,
                   "Sam \"The Hammer\" Ortiz");
  /* It works on this thread as one loaded here would. */
  g_assert_nonnull (th_session_add_participant (loaded, "Newcomer", NULL));
  g_assert_cmpuint (th_session_get_n_participants (loaded), ==, 7);

  load ("deck-valid-full.json", NULL, &deck);
  g_assert_no_error (deck.error);
  g_assert_true (TH_IS_DECK (deck.loaded));
  g_assert_cmpstr (th_deck_get_id (TH_DECK (deck.loaded)), ==, "mini-deck");

  outcome_clear (&session);
  outcome_clear (&deck);
}

static void
test_errors (void)
{
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent-two-hats/session.twohats");
  Outcome invalid = { 0 };
  Outcome nul = { 0 };
  Outcome absent = { 0 };

  load ("session-rating-out-of-range.twohats", NULL, &invalid);
  g_assert_null (invalid.loaded);
  g_assert_error (invalid.error, TH_ERROR, TH_ERROR_INVALID);
  g_assert_cmpstr (invalid.error->message, ==,
                   "participants[3].ratings.explain-the-why: 7 is not between 1 and 5");
  g_assert_true (invalid.thread == g_thread_self ());

  load ("session-escaped-nul.twohats", NULL, &nul);
  g_assert_null (nul.loaded);
  g_assert_error (nul.error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_true (g_str_has_suffix (nul.error->message,
                                   "a string contains the escape \\u0000 (a NUL character), which "
                                   "Two Hats does not accept."));

  th_load_file_async (missing, NULL, loaded_cb, &absent);
  wait_for (&absent);
  g_assert_null (absent.loaded);
  g_assert_error (absent.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (absent.error->message, ==, "No such file or directory");

  outcome_clear (&invalid);
  outcome_clear (&nul);
  outcome_clear (&absent);
}

static void
test_cancelled (void)
{
  g_autoptr (GCancellable) before = g_cancellable_new ();
  g_autoptr (GCancellable) after = g_cancellable_new ();
  g_autoptr (GCancellable) other = g_cancellable_new ();
  g_autoptr (GFile) file = th_test_fixture_file ("session-valid.twohats");
  Outcome early = { 0 };
  Outcome late = { 0 };
  Outcome kept = { 0 };

  /* Cancelled before it starts. */
  g_cancellable_cancel (before);
  load ("session-valid.twohats", before, &early);
  g_assert_null (early.loaded);
  g_assert_error (early.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (early.thread == g_thread_self ());

  /* Cancelled while it may be under way, with a second load of the same
   * file beside it: that one is not cancelled and gets its session.  The
   * callback comes once either way. */
  th_load_file_async (file, after, loaded_cb, &late);
  th_load_file_async (file, other, loaded_cb, &kept);
  g_cancellable_cancel (after);
  wait_for (&late);
  wait_for (&kept);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (late.n_calls, ==, 1);
  g_assert_cmpuint (kept.n_calls, ==, 1);
  g_assert_null (late.loaded);
  g_assert_error (late.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (kept.error);
  g_assert_true (TH_IS_SESSION (kept.loaded));
  g_assert_cmpuint (th_session_get_n_participants (TH_SESSION (kept.loaded)), ==, 6);

  outcome_clear (&early);
  outcome_clear (&late);
  outcome_clear (&kept);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-async/result", test_result);
  g_test_add_func ("/load-async/errors", test_errors);
  g_test_add_func ("/load-async/cancelled", test_cancelled);

  return g_test_run ();
}
