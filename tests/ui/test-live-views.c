/* test-live-views.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Answers arriving while another view is in front, as a room's answers
 * do while the Chart is on the projector: the workshop's views that are
 * off screen do nothing for them, and show every one of them once they
 * are shown again; a view on screen follows each answer at once. */

#include "config.h"

#include <adwaita.h>

#include "th-participant-row.h"
#include "th-reveal-board.h"
#include "th-ui-test-utils.h"
#include "th-workshop-view.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL);
  th_window_set_visible_view (f->window, "workshop");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

static ThSession *
session_of (Fixture *f)
{
  return th_window_get_session (f->window);
}

/* The sidebar's row of @participant (the list makes rows for those in
 * view; the first participant is). */
static ThParticipantRow *
row_of (Fixture *f, ThParticipant *participant)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (th_window_get_workshop_view (f->window)),
                           TH_TYPE_PARTICIPANT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (th_participant_row_get_participant (rows->pdata[i]) == participant)
      return rows->pdata[i];

  return NULL;
}

static const char *
progress_of (ThParticipantRow *row)
{
  return gtk_label_get_label (GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (row), TH_TYPE_PARTICIPANT_ROW, "progress_label")));
}

/* The sidebar's words for @participant's answers as they are now. */
static char *
expected_progress (ThParticipant *participant, guint n_behaviours)
{
  return g_strdup_printf ("Sorted %u/%u · Rated %u/%u", th_participant_get_n_sorted (participant),
                          n_behaviours, th_participant_get_n_rated (participant), n_behaviours);
}

/* A card @participant has rated, or NULL. */
static const char *
rated_card (ThSession *session, ThParticipant *participant)
{
  ThDeck *deck = th_session_get_deck (session);

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, i));

      if (th_participant_get_rating (participant, id) > 0)
        return id;
    }

  return NULL;
}

/* A participant with a row in view who rated two cards at least. */
static ThParticipant *
participant_with_ratings (Fixture *f)
{
  ThSession *session = session_of (f);

  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);

      if (th_participant_get_n_rated (participant) >= 2 && row_of (f, participant) != NULL)
        return participant;
    }

  return NULL;
}

typedef struct
{
  ThParticipantRow *row;
  const char *progress;
} WaitProgress;

static gboolean
row_shows (gpointer data)
{
  WaitProgress *wait = data;

  return g_strcmp0 (progress_of (wait->row), wait->progress) == 0;
}

/* A phone taking back one of its ratings: the participant's progress
 * changes. */
static void
answer (ThSession *session, ThParticipant *participant)
{
  g_autoptr (GError) error = NULL;
  const char *card = rated_card (session, participant);

  g_assert_nonnull (card);
  g_assert_true (
    th_session_set_rating (session, th_participant_get_id (participant), card, 0, &error));
  g_assert_no_error (error);
}

static void
test_sidebar_follows_on_screen (Fixture *f, gconstpointer data)
{
  ThSession *session = session_of (f);
  guint n = th_deck_get_n_behaviours (th_session_get_deck (session));
  ThParticipant *participant = participant_with_ratings (f);
  g_autofree char *expected = NULL;

  g_assert_nonnull (participant);

  answer (session, participant);
  expected = expected_progress (participant, n);
  g_assert_cmpstr (progress_of (row_of (f, participant)), ==, expected);
}

static void
test_sidebar_catches_up (Fixture *f, gconstpointer data)
{
  ThSession *session = session_of (f);
  guint n = th_deck_get_n_behaviours (th_session_get_deck (session));
  ThParticipant *participant = participant_with_ratings (f);
  ThParticipantRow *row;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  WaitProgress wait;

  g_assert_nonnull (participant);
  row = row_of (f, participant);
  before = g_strdup (progress_of (row));

  th_window_set_visible_view (f->window, "chart");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (row)));

  /* Two answers while the Chart is in front: the row off screen stays as
   * it was. */
  answer (session, participant);
  answer (session, participant);
  expected = expected_progress (participant, n);
  g_assert_cmpstr (expected, !=, before);
  g_assert_cmpstr (progress_of (row), ==, before);

  /* Shown again, it says where the participant is now. */
  th_window_set_visible_view (f->window, "workshop");
  wait = (WaitProgress){ row, expected };
  g_assert_true (th_test_wait_until (row_shows, &wait, th_test_timeout (5000)));
}

static const char *
sorted_text (ThRevealBoard *board)
{
  return gtk_label_get_label (GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (board), TH_TYPE_REVEAL_BOARD, "leadership_share")));
}

/* The reveal board's share of its card under Leadership: "62 % Leadership". */
static char *
expected_sorted (ThSession *session, ThRevealBoard *board)
{
  double percent = 0.0;
  guint n_sorted = 0;

  g_assert_true (th_session_get_agreement (
    session, th_behaviour_get_id (th_reveal_board_get_current (board)), &percent, &n_sorted));
  return g_strdup_printf ("%.0f %% Leadership", percent);
}

/* A participant who sorted the board's card, and where, or NULL. */
static ThParticipant *
with_card (ThSession *session, const char *card, ThSide *side)
{
  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);

      if (th_participant_get_sort (participant, card, side))
        return participant;
    }

  return NULL;
}

typedef struct
{
  ThRevealBoard *board;
  const char *text;
} WaitSorted;

static gboolean
board_shows (gpointer data)
{
  WaitSorted *wait = data;

  return g_strcmp0 (sorted_text (wait->board), wait->text) == 0;
}

static void
test_reveal_catches_up (Fixture *f, gconstpointer data)
{
  ThSession *session = session_of (f);
  ThWorkshopView *view = th_window_get_workshop_view (f->window);
  ThRevealBoard *board = th_workshop_view_get_reveal_board (view);
  const char *card;
  ThParticipant *participant;
  ThSide side;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  WaitSorted wait;

  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
  card = th_behaviour_get_id (th_reveal_board_get_current (board));
  participant = with_card (session, card, &side);
  g_assert_nonnull (participant);
  before = expected_sorted (session, board);
  g_assert_cmpstr (sorted_text (board), ==, before);

  th_window_set_visible_view (f->window, "chart");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (board)));

  /* A phone changing its mind about the card on show. */
  g_assert_true (th_session_set_sort (
    session, th_participant_get_id (participant), card,
    side == TH_SIDE_LEADERSHIP ? TH_SIDE_MANAGEMENT : TH_SIDE_LEADERSHIP, &error));
  g_assert_no_error (error);
  expected = expected_sorted (session, board);
  g_assert_cmpstr (expected, !=, before);
  g_assert_cmpstr (sorted_text (board), ==, before);

  th_window_set_visible_view (f->window, "workshop");
  wait = (WaitSorted){ board, expected };
  g_assert_true (th_test_wait_until (board_shows, &wait, th_test_timeout (5000)));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/live-views/sidebar-follows-on-screen", test_sidebar_follows_on_screen);
  ADD ("/live-views/sidebar-catches-up", test_sidebar_catches_up);
  ADD ("/live-views/reveal-catches-up", test_reveal_catches_up);
#undef ADD

  return g_test_run ();
}
