/* test-presenter.c: the projector follows what the facilitator shows
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-chart-widget.h"
#include "th-fit-bin.h"
#include "th-host-join-screen.h"
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
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (th_window_get_session (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

static ThRevealBoard *
presenter_reveal (ThPresenterWindow *presenter)
{
  GtkWidget *content = th_presenter_window_get_content (presenter);

  g_assert_true (TH_IS_FIT_BIN (content));
  g_assert_true (TH_IS_REVEAL_BOARD (th_fit_bin_get_child (TH_FIT_BIN (content))));
  return TH_REVEAL_BOARD (th_fit_bin_get_child (TH_FIT_BIN (content)));
}

static void
test_presenter_follows_views (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThRevealBoard *main_board
    = th_workshop_view_get_reveal_board (th_window_get_workshop_view (f->window));
  ThPresenterWindow *presenter;
  ThRevealBoard *mirror;
  ThBehaviour *first;

  th_window_set_visible_view (f->window, "cards");
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  presenter = th_window_get_presenter (f->window);
  g_assert_nonnull (presenter);
  /* On the Cards view the projector shows the card. */
  g_assert_null (th_presenter_window_get_content (presenter));

  th_window_set_visible_view (f->window, "chart");
  g_assert_true (TH_IS_CHART_WIDGET (th_presenter_window_get_content (presenter)));
  g_assert_true (
    th_chart_widget_get_session (TH_CHART_WIDGET (th_presenter_window_get_content (presenter)))
    == session);

  th_window_set_visible_view (f->window, "workshop");
  th_session_set_phase (session, TH_PHASE_REVEAL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (presenter));
  mirror = presenter_reveal (presenter);
  first = th_reveal_board_get_current (main_board);
  g_assert_nonnull (first);
  g_assert_true (th_reveal_board_get_current (mirror) == first);

  /* A clicker on the projector moves the facilitator's reveal, and the
   * projector follows it: the key first, then the next card. */
  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (th_reveal_board_get_position (main_board), ==, 0);
  g_assert_true (th_reveal_board_get_key_shown (mirror));
  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (th_reveal_board_get_position (main_board), ==, 1);
  g_assert_false (th_reveal_board_get_key_shown (mirror));
  g_assert_true (th_reveal_board_get_current (mirror) == th_reveal_board_get_current (main_board));
  g_assert_true (th_reveal_board_get_current (mirror) != first);

  /* Sorting goes back to the cards. */
  th_session_set_phase (session, TH_PHASE_SORT);
  g_assert_null (th_presenter_window_get_content (presenter));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Escape, 0);
}

static void
test_presenter_reveal_keeps_answers_private (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThPresenterWindow *presenter;
  ThRevealBoard *mirror;

  th_window_set_visible_view (f->window, "workshop");
  th_session_set_phase (session, TH_PHASE_REVEAL);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  presenter = th_window_get_presenter (f->window);
  g_assert_nonnull (presenter);
  mirror = presenter_reveal (presenter);

  /* The facilitator sees a participant's accuracy; the projector never does. */
  g_assert_nonnull (th_reveal_board_get_accuracy_text (
    th_workshop_view_get_reveal_board (th_window_get_workshop_view (f->window))));
  g_assert_null (th_reveal_board_get_accuracy_text (mirror));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Escape, 0);
}

/* Is @widget, or a widget inside it, a label that shows @text? */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* The reveal starts at the most contested card, whatever was on show
 * before, and each card shows how the group split before its key: the
 * projector shows the key and the why only once the facilitator has. */
static void
test_presenter_reveal_in_two_steps (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThRevealBoard *main_board
    = th_workshop_view_get_reveal_board (th_window_get_workshop_view (f->window));
  ThDeck *deck = th_session_get_deck (session);
  ThBehaviour *last = th_deck_get_behaviour (deck, th_deck_get_n_behaviours (deck) - 1);
  guint n = th_session_get_n_participants (session);
  ThPresenterWindow *presenter;
  ThRevealBoard *mirror;
  const char *why = th_behaviour_get_why (last);

  g_assert_cmpuint (n, >=, 2);
  g_assert_nonnull (why);
  th_window_set_visible_view (f->window, "workshop");
  th_session_set_phase (session, TH_PHASE_REVEAL);
  g_assert_true (th_reveal_board_get_current (main_board) != last);

  /* Back to sorting: the deck's last card becomes the only one the group
   * is split on, half and half; everyone agrees on every other card. */
  th_session_set_phase (session, TH_PHASE_SORT);
  for (guint i = 0; i < n; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);

      for (guint b = 0; b + 1 < th_deck_get_n_behaviours (deck); b++)
        th_participant_set_sort (participant, th_behaviour_get_id (th_deck_get_behaviour (deck, b)),
                                 TH_SIDE_LEADERSHIP);
      th_participant_set_sort (participant, th_behaviour_get_id (last),
                               i < n / 2 ? TH_SIDE_LEADERSHIP : TH_SIDE_MANAGEMENT);
    }
  if (n % 2 == 1)
    th_participant_set_sort (th_session_get_participant (session, n - 1),
                             th_behaviour_get_id (last), TH_SIDE_BOTH);

  th_session_set_phase (session, TH_PHASE_REVEAL);
  g_assert_cmpuint (th_reveal_board_get_position (main_board), ==, 0);
  g_assert_true (th_reveal_board_get_current (main_board) == last);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  presenter = th_window_get_presenter (f->window);
  g_assert_nonnull (presenter);
  mirror = presenter_reveal (presenter);
  g_assert_true (th_reveal_board_get_current (mirror) == last);
  g_assert_false (th_reveal_board_get_key_shown (mirror));
  g_assert_false (shows_text (GTK_WIDGET (mirror), why));
  g_assert_false (shows_text (GTK_WIDGET (main_board), why));
  g_assert_true (shows_text (GTK_WIDGET (mirror), th_behaviour_get_text (last)));

  gtk_widget_activate_action (GTK_WIDGET (main_board), "reveal.next", NULL);
  g_assert_true (th_reveal_board_get_current (main_board) == last);
  g_assert_true (th_reveal_board_get_key_shown (mirror));
  g_assert_true (shows_text (GTK_WIDGET (mirror), why));
  g_assert_true (
    shows_text (GTK_WIDGET (mirror), th_side_get_display_name (th_behaviour_get_key (last))));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Escape, 0);
}

static void
test_presenter_shows_join_screen (Fixture *f, gconstpointer data)
{
  ThPresenterWindow *presenter;
  GtkWidget *content;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.host", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "room");

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  presenter = th_window_get_presenter (f->window);
  g_assert_nonnull (presenter);
  content = th_presenter_window_get_content (presenter);
  g_assert_true (TH_IS_HOST_JOIN_SCREEN (content));
  g_assert_true (th_host_join_screen_get_presenter (TH_HOST_JOIN_SCREEN (content)));

  /* Back on the cards, the projector shows the card again. */
  th_window_set_visible_view (f->window, "cards");
  g_assert_null (th_presenter_window_get_content (presenter));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (presenter));
  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Escape, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/presenter/follows-views", Fixture, NULL, fixture_set_up,
              test_presenter_follows_views, fixture_tear_down);
  g_test_add ("/ui/presenter/reveal-keeps-answers-private", Fixture, NULL, fixture_set_up,
              test_presenter_reveal_keeps_answers_private, fixture_tear_down);

  g_test_add ("/ui/presenter/reveal-in-two-steps", Fixture, NULL, fixture_set_up,
              test_presenter_reveal_in_two_steps, fixture_tear_down);
  g_test_add ("/ui/presenter/shows-join-screen", Fixture, NULL, fixture_set_up,
              test_presenter_shows_join_screen, fixture_tear_down);

  return g_test_run ();
}
