/* test-self-study.c: self-study is a path for one learner
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-card-browser.h"
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
fixture_set_up_home (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  /* Every test starts with no self-study progress, no card seen. */
  g_unlink (self_study);
  g_settings_reset (settings, "cards-seen");
  f->window = th_test_new_window (&f->app);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  fixture_set_up_home (f, data);
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

/* Is the step bar's mark "done" on @step? */
static gboolean
step_done (ThWindow *window, ThSelfStudyStep step)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *steps = g_ptr_array_new ();
  gboolean done;

  th_test_collect_widgets (GTK_WIDGET (th_window_get_self_study_path (window)),
                           GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "self-study-step"))
      g_ptr_array_add (steps, g_ptr_array_index (buttons, i));
  g_assert_cmpuint (steps->len, ==, TH_SELF_STUDY_N_STEPS);
  done = gtk_widget_has_css_class (g_ptr_array_index (steps, step), "done");
  g_ptr_array_unref (steps);
  return done;
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
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  you = th_session_get_participant (session, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (you), ==, 24);
  g_assert_cmpuint (th_participant_get_n_rated (you), ==, 24);

  dialog = NULL;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study-over", NULL);
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
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
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
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

static ThConcept *
nth_concept (ThWindow *window, guint i)
{
  GListModel *concepts
    = th_deck_get_concepts (th_card_browser_get_deck (th_window_get_card_browser (window)));
  g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);

  /* The deck holds its cards for as long as the test looks at them. */
  return concept;
}

static guint
n_stored_seen (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto (GStrv) seen = g_settings_get_strv (settings, "cards-seen");

  return g_strv_length (seen);
}

/* Start Over begins the run again: no step marked done, the cards from
 * the first with every card shown again and nothing counted but the one
 * on screen, and the Workshop view at sorting, not at the last run's
 * ratings. */
static void
test_self_study_start_over_begins_again (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThCardBrowser *browser = th_window_get_card_browser (f->window);
  ThSelfStudyPath *path = th_window_get_self_study_path (f->window);
  AdwMessageDialog *dialog = NULL;

  /* The last run: cards browsed with a filter, all sorted and rated,
   * through the key to the ratings. */
  th_card_browser_next (browser);
  th_card_browser_next (browser);
  th_card_browser_set_filter (browser, "leadership");
  th_card_browser_next (browser);
  g_assert_cmpuint (th_card_browser_get_n_seen (browser), >=, 4);
  answer_everything (session);
  th_self_study_path_set_step (path, TH_SELF_STUDY_STEP_REVEAL);
  th_self_study_path_set_step (path, TH_SELF_STUDY_STEP_REFLECT);
  g_assert_true (step_done (f->window, TH_SELF_STUDY_STEP_LEARN));
  g_assert_true (step_done (f->window, TH_SELF_STUDY_STEP_REVEAL));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study-over", NULL);
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  adw_message_dialog_response (dialog, "over");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_LEARN);
  for (guint i = 0; i < TH_SELF_STUDY_N_STEPS; i++)
    g_assert_false (step_done (f->window, i));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_cmpstr (th_card_browser_get_filter (browser), ==, "all");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 0);
  g_assert_true (th_card_browser_get_current (browser) == nth_concept (f->window, 0));
  g_assert_cmpuint (th_card_browser_get_n_seen (browser), ==, 1);
  g_assert_cmpuint (n_stored_seen (), ==, 1);

  /* The Workshop tab goes to sorting, as a new run does, and nothing is
   * marked done on the way. */
  th_window_set_visible_view (f->window, "workshop");
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_SORT);
  g_assert_cmpstr (th_workshop_view_get_visible_board (th_window_get_workshop_view (f->window)), ==,
                   "sort");
  g_assert_false (step_done (f->window, TH_SELF_STUDY_STEP_REVEAL));
  g_assert_false (step_done (f->window, TH_SELF_STUDY_STEP_REFLECT));

  /* Straight on to the result: the key and the ratings this run passed
   * over are not done for that, nor is the sorting it left. */
  th_window_set_visible_view (f->window, "result");
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_RESULT);
  g_assert_true (step_done (f->window, TH_SELF_STUDY_STEP_LEARN));
  g_assert_false (step_done (f->window, TH_SELF_STUDY_STEP_SORT));
  g_assert_false (step_done (f->window, TH_SELF_STUDY_STEP_REVEAL));
  g_assert_false (step_done (f->window, TH_SELF_STUDY_STEP_REFLECT));
}

/* Cards browsed outside self-study are not the learner's, nor are those
 * of a run that is gone: a new self-study counts only what it shows. */
static void
test_self_study_counts_its_own_cards (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = th_window_get_card_browser (f->window);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *gone = NULL;
  const char *gone_run[2];
  ThConcept *last;
  guint n_concepts;

  /* A card seen in a run whose progress file is gone. */
  n_concepts = g_list_model_get_n_items (th_deck_get_concepts (th_card_browser_get_deck (browser)));
  last = nth_concept (f->window, n_concepts - 1);
  gone = g_strdup_printf ("%s/%s", th_deck_get_id (th_card_browser_get_deck (browser)),
                          th_concept_get_id (last));
  gone_run[0] = gone;
  gone_run[1] = NULL;
  g_settings_set_strv (settings, "cards-seen", gone_run);

  /* A facilitator goes through the cards before the workshop. */
  th_window_set_visible_view (f->window, "cards");
  for (guint i = 0; i < 4; i++)
    th_card_browser_next (browser);
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 4);
  g_assert_cmpuint (n_stored_seen (), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_true (th_card_browser_get_current (browser) == nth_concept (f->window, 0));
  g_assert_cmpuint (th_card_browser_get_n_seen (browser), ==, 1);
  for (guint i = 1; i < 5; i++)
    g_assert_false (th_card_browser_is_seen (browser, nth_concept (f->window, i)));
  g_assert_false (th_card_browser_is_seen (browser, last));
  g_assert_cmpuint (n_stored_seen (), ==, 1);

  /* The learner's own cards are kept for the run. */
  th_card_browser_next (browser);
  g_assert_cmpuint (th_card_browser_get_n_seen (browser), ==, 2);
  g_assert_cmpuint (n_stored_seen (), ==, 2);
}

static GtkRevealer *
get_bar (ThWindow *window)
{
  return GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (th_window_get_self_study_path (window)),
                                                GTK_TYPE_REVEALER));
}

/* Is the step bar on screen, its buttons there to click? */
static gboolean
bar_open (gpointer data)
{
  return gtk_revealer_get_child_revealed (get_bar (data))
         && gtk_widget_get_mapped (GTK_WIDGET (th_window_get_self_study_path (data)));
}

static gboolean
bar_closed (gpointer data)
{
  return !gtk_revealer_get_child_revealed (get_bar (data));
}

/* The step bar's button for step @step. */
static GtkWidget *
step_button (ThWindow *window, ThSelfStudyStep step)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  guint n = 0;

  th_test_collect_widgets (GTK_WIDGET (th_window_get_self_study_path (window)),
                           GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "self-study-step") && n++ == step)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

static GtkWidget *
continue_button (ThWindow *window)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (th_window_get_self_study_path (window)), GTK_TYPE_BUTTON,
                           buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "self-study.continue")
        == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

typedef struct
{
  ThSelfStudyPath *path;
  ThSelfStudyStep step;
} StepWait;

static gboolean
at_step (gpointer data)
{
  StepWait *wait = data;

  return th_self_study_path_get_step (wait->path) == wait->step;
}

/* A button activated as from the keyboard clicks a moment later. */
static gboolean
wait_for_step (ThSelfStudyPath *path, ThSelfStudyStep step)
{
  StepWait wait = { path, step };

  return th_test_wait_until (at_step, &wait, th_test_timeout (5000));
}

/* The key is for after sorting: before every card is sorted, Next and the
 * step bar ask first, saying how many cards the key would give away, with
 * sorting on as what Enter does. */
static void
test_self_study_key_after_sorting (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  ThSelfStudyPath *path = th_window_get_self_study_path (f->window);
  ThWorkshopView *view = th_window_get_workshop_view (f->window);
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < 20; i++)
    sort_card (session, i, TRUE);
  th_self_study_path_set_step (path, TH_SELF_STUDY_STEP_SORT);

  /* Next asks; Keep Sorting stays. */
  g_assert_true (th_test_wait_until (bar_open, f->window, th_test_timeout (5000)));
  gtk_widget_activate (continue_button (f->window));
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_SORT);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "4 behaviour cards are not sorted yet. Seeing the key now gives away their "
                   "answers, and sorting them afterwards tells you nothing about yourself.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "sort"), ==, "_Keep Sorting");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "show"), ==,
                   "_Show the Key Anyway");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "sort");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "sort");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "show"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "sort");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_SORT);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");

  /* The step bar's Reveal asks too, and stays on Sort while it does;
   * Show the Key Anyway shows it. */
  dialog = NULL;
  gtk_widget_activate (step_button (f->window, TH_SELF_STUDY_STEP_REVEAL));
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_SORT);
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (step_button (f->window, TH_SELF_STUDY_STEP_REVEAL))));
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (step_button (f->window, TH_SELF_STUDY_STEP_SORT))));
  adw_message_dialog_response (dialog, "show");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (th_self_study_path_get_step (path), ==, TH_SELF_STUDY_STEP_REVEAL);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");

  /* With every card sorted, the key is one click away. */
  for (guint i = 20; i < 24; i++)
    sort_card (session, i, TRUE);
  gtk_widget_activate (step_button (f->window, TH_SELF_STUDY_STEP_SORT));
  g_assert_true (wait_for_step (path, TH_SELF_STUDY_STEP_SORT));
  gtk_widget_activate (continue_button (f->window));
  g_assert_true (wait_for_step (path, TH_SELF_STUDY_STEP_REVEAL));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
  dialog = NULL;
  g_assert_false (th_test_message_dialog_shown (&dialog));
}

/* The step bar shows only with the views it leads through, not on the
 * welcome page. */
static void
test_self_study_bar_only_on_the_path (Fixture *f, gconstpointer data)
{
  GtkRevealer *bar = GTK_REVEALER (gtk_widget_get_ancestor (
    GTK_WIDGET (th_window_get_self_study_path (f->window)), GTK_TYPE_REVEALER));

  g_assert_true (gtk_revealer_get_reveal_child (bar));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.home", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_true (th_test_wait_until (bar_closed, f->window, th_test_timeout (5000)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (th_window_get_self_study_path (f->window))));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.continue", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_true (th_test_wait_until (bar_open, f->window, th_test_timeout (5000)));
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

  g_test_add ("/ui/self-study/start-over-begins-again", Fixture, NULL, fixture_set_up,
              test_self_study_start_over_begins_again, fixture_tear_down);
  g_test_add ("/ui/self-study/counts-its-own-cards", Fixture, NULL, fixture_set_up_home,
              test_self_study_counts_its_own_cards, fixture_tear_down);
  g_test_add ("/ui/self-study/key-after-sorting", Fixture, NULL, fixture_set_up,
              test_self_study_key_after_sorting, fixture_tear_down);
  g_test_add ("/ui/self-study/bar-only-on-the-path", Fixture, NULL, fixture_set_up,
              test_self_study_bar_only_on_the_path, fixture_tear_down);

  return g_test_run ();
}
