/* test-self-study.c: self-study is a path for one learner
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-reveal-board.h"
#include "th-self-study-path.h"
#include "th-self-study-result.h"
#include "th-ui-test-utils.h"
#include "th-workshop-view.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  char *documents;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  /* Every test starts with no self-study progress. */
  g_unlink (self_study);
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (th_window_get_session (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  /* Nothing of this run is left for the tests after it. */
  g_unlink (self_study);
}

/* Does @widget, or a visible widget inside it, show a label with @text? */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
message_dialog_shown (gpointer data)
{
  AdwMessageDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *dialog = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Sorts card @i as the key does when @right, else against it. */
static void
sort_card (ThSession *session, guint i, gboolean right)
{
  ThBehaviour *behaviour = th_deck_get_behaviour (th_session_get_deck (session), i);
  ThSide key = th_behaviour_get_key (behaviour);

  th_session_set_sort (session, th_participant_get_id (th_session_get_participant (session, 0)),
                       th_behaviour_get_id (behaviour),
                       right                       ? key
                       : key == TH_SIDE_LEADERSHIP ? TH_SIDE_MANAGEMENT
                                                   : TH_SIDE_LEADERSHIP,
                       NULL);
}

/* The reveal of a self-study shows the learner's own answers against the
 * key and why, their mistakes first, with the key at once and no word of
 * a group. */
static void
test_self_study_reveal_is_yours (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThDeck *deck = th_session_get_deck (session);
  guint n = th_deck_get_n_behaviours (deck);
  ThRevealBoard *board
    = th_workshop_view_get_reveal_board (th_window_get_workshop_view (f->window));
  ThBehaviour *wrong_a = th_deck_get_behaviour (deck, 5);
  ThBehaviour *wrong_b = th_deck_get_behaviour (deck, 17);
  const char *wrong_why = th_behaviour_get_why (wrong_a);
  g_autofree char *wrong_text = NULL;

  /* Everything right but two cards, in the deck's middle and end. */
  for (guint i = 0; i < n; i++)
    sort_card (session, i, i != 5 && i != 17);
  th_self_study_path_set_step (th_window_get_self_study_path (f->window),
                               TH_SELF_STUDY_STEP_REVEAL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (th_workshop_view_get_visible_board (th_window_get_workshop_view (f->window)), ==,
                   "reveal");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* The two mistakes come first, in the deck's order. */
  g_assert_true (th_reveal_board_get_current (board) == wrong_a);
  g_assert_true (th_reveal_board_get_nth (board, 0) == wrong_a);
  g_assert_true (th_reveal_board_get_nth (board, 1) == wrong_b);
  g_assert_true (th_reveal_board_get_nth (board, 2) == th_deck_get_behaviour (deck, 0));

  /* The key and the why come with the card, and the learner's answer
   * against them, in the second person. */
  g_assert_true (th_reveal_board_get_key_shown (board));
  g_assert_nonnull (wrong_why);
  g_assert_true (shows_text (GTK_WIDGET (board), wrong_why));
  wrong_text
    = g_strdup_printf ("You put it under %s; the key says %s.",
                       th_side_get_display_name (
                         th_behaviour_get_key (wrong_a) == TH_SIDE_LEADERSHIP ? TH_SIDE_MANAGEMENT
                                                                              : TH_SIDE_LEADERSHIP),
                       th_side_get_display_name (th_behaviour_get_key (wrong_a)));
  g_assert_true (shows_text (GTK_WIDGET (board), wrong_text));
  g_assert_true (shows_text (GTK_WIDGET (board), "22 of your 24 answers match the key"));

  /* No word of a group. */
  g_assert_false (shows_text (GTK_WIDGET (board), "How the Group Sorted It"));
  g_assert_false (shows_text (GTK_WIDGET (board), "participant"));
  g_assert_false (shows_text (GTK_WIDGET (board), "Most Contested"));
  g_assert_true (shows_text (GTK_WIDGET (board), "Your Mistakes First"));

  /* Next goes straight to the next card: nobody to argue with. */
  gtk_widget_activate_action (GTK_WIDGET (board), "reveal.next", NULL);
  g_assert_true (th_reveal_board_get_current (board) == wrong_b);
}

/* A result from some of the ratings says how many are left and that the
 * position may still move; a full one does not. */
static void
test_self_study_partial_result (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThDeck *deck = th_session_get_deck (session);
  guint n = th_deck_get_n_behaviours (deck);
  ThSelfStudyResult *result = th_window_get_self_study_result (f->window);
  const char *you = th_participant_get_id (th_session_get_participant (session, 0));
  guint rated = 0;

  g_assert_cmpuint (n, ==, 24);
  for (guint i = 0; i < n; i++)
    sort_card (session, i, TRUE);
  /* Eleven ratings, of both hats. */
  for (guint i = 0; i < n && rated < 11; i++, rated++)
    th_session_set_rating (session, you, th_behaviour_get_id (th_deck_get_behaviour (deck, i)), 4,
                           NULL);
  th_self_study_path_set_step (th_window_get_self_study_path (f->window),
                               TH_SELF_STUDY_STEP_RESULT);
  /* The learner's own result, not a chart of a group of one. */
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "result");
  g_assert_nonnull (th_self_study_result_get_quadrant_text (result));
  g_assert_cmpstr (th_self_study_result_get_partial_text (result), ==,
                   "From 11 of 24 ratings: 13 behaviours are left to rate. This is a first "
                   "look; where you land may still move.");

  for (guint i = 11; i < n; i++)
    th_session_set_rating (session, you, th_behaviour_get_id (th_deck_get_behaviour (deck, i)), 4,
                           NULL);
  g_assert_null (th_self_study_result_get_partial_text (result));
  g_assert_nonnull (th_self_study_result_get_quadrant_text (result));
}

static void
answer_everything (ThSession *session)
{
  ThDeck *deck = th_session_get_deck (session);
  const char *you = th_participant_get_id (th_session_get_participant (session, 0));

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      sort_card (session, i, TRUE);
      th_session_set_rating (session, you, th_behaviour_get_id (th_deck_get_behaviour (deck, i)),
                             1 + i % 5, NULL);
    }
}

/* Start Over asks first; Cancel keeps everything; Start Over clears the
 * run and begins again at the cards, and the progress file holds nothing
 * of the last run. */
static void
test_self_study_start_over (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThParticipant *you;
  AdwMessageDialog *dialog = NULL;

  answer_everything (session);
  th_self_study_path_set_step (th_window_get_self_study_path (f->window),
                               TH_SELF_STUDY_STEP_RESULT);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study-over", NULL);
  g_assert_true (th_test_wait_until (message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  you = th_session_get_participant (session, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (you), ==, 24);
  g_assert_cmpuint (th_participant_get_n_rated (you), ==, 24);

  dialog = NULL;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study-over", NULL);
  g_assert_true (th_test_wait_until (message_dialog_shown, &dialog, th_test_timeout (5000)));
  adw_message_dialog_response (dialog, "over");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);
  you = th_session_get_participant (session, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (you), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (you), ==, 0);
  g_assert_cmpint (th_self_study_path_get_step (th_window_get_self_study_path (f->window)), ==,
                   TH_SELF_STUDY_STEP_LEARN);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");

  /* What is written holds nothing of the last run either. */
  g_assert_true (th_document_save (th_window_get_document (f->window), NULL));
  {
    g_autoptr (GFile) file
      = g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (ThSession) written = th_session_new_from_file (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (th_session_get_n_participants (written), ==, 1);
    g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (written, 0)), ==, 0);
    g_assert_cmpuint (th_participant_get_n_rated (th_session_get_participant (written, 0)), ==, 0);
  }
}

/* Asked to, Start Over keeps a copy of the run in the Documents folder
 * first, with every answer in it. */
static void
test_self_study_start_over_keeps_a_copy (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  g_autofree char *folder = g_dir_make_tmp ("two-hats-documents-XXXXXX", NULL);
  g_autofree char *user_dirs = g_build_filename (g_get_user_config_dir (), "user-dirs.dirs", NULL);
  g_autofree char *user_dirs_text = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", folder);
  AdwMessageDialog *dialog = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;
  g_autofree char *copy = NULL;

  /* The Documents folder is one of this test's own, never the real one. */
  g_assert_nonnull (folder);
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_assert_true (g_file_set_contents (user_dirs, user_dirs_text, -1, NULL));
  g_reload_user_special_dirs_cache ();
  g_assert_cmpstr (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS), ==, folder);

  answer_everything (session);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study-over", NULL);
  g_assert_true (th_test_wait_until (message_dialog_shown, &dialog, th_test_timeout (5000)));
  adw_message_dialog_response (dialog, "copy");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 0);

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "Self-Study ") && g_str_has_suffix (name, ".twohats"))
      copy = g_build_filename (folder, name, NULL);
  g_assert_nonnull (copy);
  {
    g_autoptr (GFile) file = g_file_new_for_path (copy);
    g_autoptr (GError) error = NULL;
    g_autoptr (ThSession) kept = th_session_new_from_file (file, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (kept, 0)), ==, 24);
    g_assert_cmpuint (th_participant_get_n_rated (th_session_get_participant (kept, 0)), ==, 24);
  }
  g_unlink (copy);
  g_rmdir (folder);
  g_unlink (user_dirs);
  g_reload_user_special_dirs_cache ();
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/self-study/reveal-is-yours", Fixture, NULL, fixture_set_up,
              test_self_study_reveal_is_yours, fixture_tear_down);
  g_test_add ("/ui/self-study/partial-result", Fixture, NULL, fixture_set_up,
              test_self_study_partial_result, fixture_tear_down);
  g_test_add ("/ui/self-study/start-over", Fixture, NULL, fixture_set_up,
              test_self_study_start_over, fixture_tear_down);
  g_test_add ("/ui/self-study/start-over-keeps-a-copy", Fixture, NULL, fixture_set_up,
              test_self_study_start_over_keeps_a_copy, fixture_tear_down);

  return g_test_run ();
}
