/* test-card-order.c: everyone gets the behaviour cards in their own order
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The deck keeps its behaviour cards in blocks with the same key, so the
 * boards show each participant the cards in that participant's own
 * shuffle (th_participant_get_order()), the keys follow what is shown,
 * and the paper sheets come in a shuffle of their own; the preference
 * "cards-in-deck-order" puts the deck's order back everywhere without
 * changing what is saved. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-chart-page.h"
#include "th-preferences-window.h"
#include "th-reflect-row.h"
#include "th-self-study-path.h"
#include "th-ui-test-utils.h"

#define N_PEOPLE 5

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  GSettings *settings;
  char *dir;
  GFile *file; /* a workshop of five people, none of it answered */
  ThDeck *deck;
} Fixture;

static const char *const names[N_PEOPLE] = { "Ana", "Ben", "Caro", "Dev", "Eli" };

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "cards-in-deck-order");

  f->dir = g_dir_make_tmp ("test-card-order-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "order.twohats", NULL);
  if (f->deck == NULL)
    f->deck = th_deck_new_builtin ();

  session = th_session_new (f->deck);
  th_session_set_title (session, "Order");
  for (guint i = 0; i < N_PEOPLE; i++)
    g_assert_nonnull (th_session_add_participant (session, names[i], NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (f->window != NULL)
    th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_settings_reset (f->settings, "cards-in-deck-order");
  g_clear_object (&f->settings);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
}

static ThWorkshopView *
open_workshop (Fixture *f)
{
  g_assert_true (th_window_open_file (f->window, f->file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  return th_window_get_workshop_view (f->window);
}

static void
press (Fixture *f, guint keyval)
{
  th_test_press_key (GTK_WINDOW (f->window), keyval, 0);
}

static const char *
deck_id (Fixture *f, guint position)
{
  return th_behaviour_get_id (th_deck_get_behaviour (f->deck, position));
}

/* The id of the card @participant is shown @position-th (from 0), by
 * their own order. */
static const char *
own_id (Fixture *f, ThParticipant *participant, guint position)
{
  guint n = 0;
  const guint16 *order = th_participant_get_order (participant, &n);

  g_assert_nonnull (order);
  g_assert_cmpuint (n, ==, th_deck_get_n_behaviours (f->deck));
  g_assert_cmpuint (position, <, n);
  return deck_id (f, order[position]);
}

/* The ids of the cards the sort board shows on its pile, top to bottom. */
static GPtrArray *
pile_ids (ThWorkshopView *view)
{
  ThSortBoard *board = th_workshop_view_get_sort_board (view);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *ids = g_ptr_array_new ();

  th_test_collect_widgets (th_sort_board_get_column (board, TH_SIDE_BOTH), GTK_TYPE_LIST_BOX_ROW,
                           rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *id = g_object_get_data (G_OBJECT (rows->pdata[i]), "th-behaviour-id");

      if (id != NULL)
        g_ptr_array_add (ids, (gpointer)id);
    }
  return ids;
}

/* The ids of a reflect board's rows, top to bottom. */
static GPtrArray *
reflect_ids (ThReflectBoard *board)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *ids = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (board), TH_TYPE_REFLECT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (ids, (gpointer)th_reflect_row_get_behaviour_id (rows->pdata[i]));
  return ids;
}

/* Every card of @ids, in order, is the one @participant is shown there by
 * their own order. */
static void
assert_own_order (Fixture *f, GPtrArray *ids, ThParticipant *participant)
{
  g_assert_cmpuint (ids->len, ==, th_deck_get_n_behaviours (f->deck));
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, own_id (f, participant, i));
}

static void
assert_deck_order (Fixture *f, GPtrArray *ids)
{
  g_assert_cmpuint (ids->len, ==, th_deck_get_n_behaviours (f->deck));
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, deck_id (f, i));
}

static gboolean
is_deck_order (ThParticipant *participant)
{
  guint n = 0;
  const guint16 *order = th_participant_get_order (participant, &n);

  for (guint i = 0; i < n; i++)
    if (order[i] != i)
      return FALSE;
  return TRUE;
}

static gboolean
document_saved (gpointer data)
{
  return th_document_get_saved (th_window_get_document (data));
}

/* The sort board shows whoever is chosen their own cards in their own
 * order, and the deck's blocks of four cards with the same key do not
 * show through. */
static void
test_sort_board_order (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  gboolean first_four_differ = FALSE;

  g_assert_cmpuint (th_deck_get_n_behaviours (f->deck), ==, 24);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      g_autoptr (GPtrArray) ids = NULL;

      th_workshop_view_select_participant (view, participant);
      g_assert_true (th_workshop_view_get_selected_participant (view) == participant);
      ids = pile_ids (view);
      assert_own_order (f, ids, participant);

      for (guint k = 0; k < 4; k++)
        if (g_strcmp0 (ids->pdata[k], deck_id (f, k)) != 0)
          first_four_differ = TRUE;
    }

  /* Five shuffles of 24 cards all starting with the deck's first four
   * would happen about once in 10^26 runs. */
  g_assert_true (first_four_differ);

  /* Back to the first: the same order as before. */
  th_workshop_view_select_participant (view, th_session_get_participant (session, 0));
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_own_order (f, ids, th_session_get_participant (session, 0));
  }
}

static gboolean
is_mapped_with_tooltip (GtkWidget *widget, const char *tooltip)
{
  return gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_button (GtkWidget *root, const char *tooltip)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (is_mapped_with_tooltip (buttons->pdata[i], tooltip))
      return buttons->pdata[i];
  return NULL;
}

/* L, M and 1–5 go through the cards in the order shown, on the sort
 * board, the reflect board and fast entry. */
static void
test_keys_follow_the_order (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  ThParticipant *ana = th_session_get_participant (session, 0);
  ThParticipant *ben = th_session_get_participant (session, 1);
  ThSortBoard *sort_board = th_workshop_view_get_sort_board (view);
  ThReflectBoard *reflect_board = th_workshop_view_get_reflect_board (view);
  ThReflectBoard *fast_board = th_workshop_view_get_fast_entry_board (view);
  ThSide side = TH_SIDE_BOTH;
  GtkWidget *toggle;

  th_workshop_view_select_participant (view, ana);
  th_workshop_view_focus_board (view);
  g_assert_cmpstr (th_sort_board_get_focused_card (sort_board), ==, own_id (f, ana, 0));

  press (f, GDK_KEY_l);
  g_assert_true (th_participant_get_sort (ana, own_id (f, ana, 0), &side));
  g_assert_cmpint (side, ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (th_sort_board_get_focused_card (sort_board), ==, own_id (f, ana, 1));
  press (f, GDK_KEY_m);
  g_assert_true (th_participant_get_sort (ana, own_id (f, ana, 1), &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpstr (th_sort_board_get_focused_card (sort_board), ==, own_id (f, ana, 2));
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, 2);

  /* The reflect board: its rows in Ana's order, and 1–5 rate from the
   * top of it, moving on down it. */
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "reflect");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");
  {
    g_autoptr (GPtrArray) ids = reflect_ids (reflect_board);

    assert_own_order (f, ids, ana);
  }
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (reflect_board), ==, own_id (f, ana, 0));
  press (f, GDK_KEY_4);
  g_assert_cmpint (th_participant_get_rating (ana, own_id (f, ana, 0)), ==, 4);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (reflect_board), ==, own_id (f, ana, 1));
  press (f, GDK_KEY_2);
  g_assert_cmpint (th_participant_get_rating (ana, own_id (f, ana, 1)), ==, 2);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (reflect_board), ==, own_id (f, ana, 2));

  /* Ben on the reflect board: his order, not Ana's. */
  th_workshop_view_select_participant (view, ben);
  {
    g_autoptr (GPtrArray) ids = reflect_ids (reflect_board);

    assert_own_order (f, ids, ben);
  }

  /* Fast entry: L or M, then 1–5, row by row in Ben's order. */
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "sort");
  toggle = find_button (GTK_WIDGET (view), "Type In Paper Results");
  g_assert_nonnull (toggle);
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "fast-entry");
  {
    g_autoptr (GPtrArray) ids = reflect_ids (fast_board);

    assert_own_order (f, ids, ben);
  }
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (fast_board), ==, own_id (f, ben, 0));
  press (f, GDK_KEY_m);
  press (f, GDK_KEY_3);
  g_assert_true (th_participant_get_sort (ben, own_id (f, ben, 0), &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (ben, own_id (f, ben, 0)), ==, 3);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (fast_board), ==, own_id (f, ben, 1));
}

/* The order is the participant's for good: saved with the workshop, and
 * the same after it is opened again. */
static void
test_order_survives_reopening (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (ThSession) saved = NULL;
  g_autoptr (GError) error = NULL;
  ThParticipant *ben = th_session_get_participant (session, 1);

  th_workshop_view_select_participant (view, ben);
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_own_order (f, ids, ben);
    for (guint i = 0; i < ids->len; i++)
      g_ptr_array_add (before, g_strdup (ids->pdata[i]));
  }
  g_assert_true (th_test_wait_until (document_saved, f->window, th_test_timeout (5000)));

  /* The file holds Ben's order. */
  saved = th_session_new_from_file (f->file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (own_id (f, th_session_get_participant (saved, 1), i), ==, before->pdata[i]);

  /* A new window opens it: Ben sees what he saw. */
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->window = th_test_new_window (&f->app);
  view = open_workshop (f);
  session = th_window_get_session (f->window);
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 1)), ==, "Ben");
  th_workshop_view_select_participant (view, th_session_get_participant (session, 1));
  after = pile_ids (view);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (after->pdata[i], ==, before->pdata[i]);
}

/* With "Cards in Deck Order" on, the boards show the deck's order and the
 * keys follow it; the participants keep their own orders in the file. */
static void
test_deck_order_setting (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  ThParticipant *ana = th_session_get_participant (session, 0);
  ThSortBoard *sort_board = th_workshop_view_get_sort_board (view);
  g_autofree char *file_before = NULL;
  g_autofree char *file_after = NULL;
  g_autofree guint16 *own = NULL;
  guint n = 0;

  th_workshop_view_select_participant (view, ana);
  g_assert_false (is_deck_order (ana));
  g_assert_nonnull (th_participant_get_order (ana, &n));
  g_assert_cmpuint (n, ==, 24);
  own = g_memdup2 (th_participant_get_order (ana, NULL), sizeof (guint16) * n);
  g_assert_true (th_test_wait_until (document_saved, f->window, th_test_timeout (5000)));
  g_assert_true (g_file_load_contents (f->file, NULL, &file_before, NULL, NULL, NULL));

  g_settings_set_boolean (f->settings, "cards-in-deck-order", TRUE);
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_deck_order (f, ids);
  }
  th_workshop_view_focus_board (view);
  g_assert_cmpstr (th_sort_board_get_focused_card (sort_board), ==, deck_id (f, 0));
  press (f, GDK_KEY_l);
  g_assert_cmpstr (th_sort_board_get_focused_card (sort_board), ==, deck_id (f, 1));

  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "reflect");
  {
    g_autoptr (GPtrArray) ids = reflect_ids (th_workshop_view_get_reflect_board (view));

    assert_deck_order (f, ids);
  }

  /* Ana's own order is untouched, in the workshop and in its file. */
  g_assert_cmpmem (th_participant_get_order (ana, NULL), sizeof (guint16) * n, own,
                   sizeof (guint16) * n);
  g_assert_true (th_test_wait_until (document_saved, f->window, th_test_timeout (5000)));
  g_assert_true (g_file_load_contents (f->file, NULL, &file_after, NULL, NULL, NULL));
  {
    g_autoptr (ThSession) saved = th_session_new_from_file (f->file, NULL);

    g_assert_nonnull (saved);
    g_assert_cmpmem (th_participant_get_order (th_session_get_participant (saved, 0), NULL),
                     sizeof (guint16) * n, own, sizeof (guint16) * n);
  }
  g_assert_nonnull (strstr (file_before, "\"order\""));
  g_assert_nonnull (strstr (file_after, "\"order\""));

  /* Off again: Ana's own order, on both boards. */
  g_settings_set_boolean (f->settings, "cards-in-deck-order", FALSE);
  {
    g_autoptr (GPtrArray) ids = reflect_ids (th_workshop_view_get_reflect_board (view));

    assert_own_order (f, ids, ana);
  }
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "sort");
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);
    guint k = 0;

    /* The card sorted above has left the pile; the rest keep Ana's order. */
    for (guint i = 0; i < n; i++)
      if (g_strcmp0 (own_id (f, ana, i), deck_id (f, 0)) != 0)
        g_assert_cmpstr (ids->pdata[k++], ==, own_id (f, ana, i));
    g_assert_cmpuint (k, ==, ids->len);
  }
}

static gboolean
preferences_shown (gpointer data)
{
  GtkWindow **preferences = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TH_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        *preferences = window;
    }
  return *preferences != NULL;
}

static gboolean
deck_order_is (gpointer wanted)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  return g_settings_get_boolean (settings, "cards-in-deck-order") == GPOINTER_TO_INT (wanted);
}

/* The switch in Preferences turns deck order on, and the board follows at
 * once. */
static void
test_preferences_switch (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThParticipant *ana = th_session_get_participant (th_window_get_session (f->window), 0);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWindow *preferences = NULL;
  AdwActionRow *row = NULL;

  th_workshop_view_select_participant (view, ana);
  g_assert_false (is_deck_order (ana));
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_own_order (f, ids, ana);
  }

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_comma, GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (preferences_shown, &preferences, th_test_timeout (10000)));
  th_test_collect_widgets (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Cards in Deck Order") == 0)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  /* It says what it is for. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "printed key"));
  g_assert_true (GTK_IS_SWITCH (adw_action_row_get_activatable_widget (row)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (adw_action_row_get_activatable_widget (row))));

  /* The switch, as Space on it turns it: it takes its new state when its
   * animation ends. */
  g_assert_true (gtk_widget_activate (adw_action_row_get_activatable_widget (row)));
  g_assert_true (
    th_test_wait_until (deck_order_is, GINT_TO_POINTER (TRUE), th_test_timeout (5000)));
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_deck_order (f, ids);
  }

  g_assert_true (gtk_widget_activate (adw_action_row_get_activatable_widget (row)));
  g_assert_true (
    th_test_wait_until (deck_order_is, GINT_TO_POINTER (FALSE), th_test_timeout (5000)));
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_own_order (f, ids, ana);
  }
  th_test_destroy_window (preferences);
}

/* Self-study's one learner sorts and rates in their own order too. */
static void
test_self_study_order (Fixture *f, gconstpointer data)
{
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
  ThWorkshopView *view;
  ThSession *session;
  ThParticipant *you;

  g_unlink (self_study);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  session = th_window_get_session (f->window);
  g_assert_nonnull (session);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);
  you = th_session_get_participant (session, 0);

  th_self_study_path_set_step (th_window_get_self_study_path (f->window), TH_SELF_STUDY_STEP_SORT);
  view = th_window_get_workshop_view (f->window);
  g_assert_true (th_workshop_view_get_selected_participant (view) == you);
  g_assert_false (is_deck_order (you));
  {
    g_autoptr (GPtrArray) ids = pile_ids (view);

    assert_own_order (f, ids, you);
  }

  th_self_study_path_set_step (th_window_get_self_study_path (f->window),
                               TH_SELF_STUDY_STEP_REFLECT);
  {
    g_autoptr (GPtrArray) ids = reflect_ids (th_workshop_view_get_reflect_board (view));

    assert_own_order (f, ids, you);
  }
  g_unlink (self_study);
}

/* @text without white space, as pdftotext's text is compared. */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Words of a PDF, read with pdftotext -raw (in the order its pages draw
 * them) without white space; NULL, and the test skipped, without
 * pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  argv[0] = program;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return compact (out);
}

/* The number printed before "Behaviour" on the card that says
 * @behaviour_text in @pages, or 0 when no card says it. */
static guint
printed_number (const char *pages, const char *behaviour_text)
{
  g_autofree char *text = compact (behaviour_text);
  g_autofree char *card = g_strconcat ("Behaviour", text, NULL);
  const char *found = strstr (pages, card);
  const char *digits;

  if (found == NULL)
    return 0;
  for (digits = found; digits > pages && g_ascii_isdigit (digits[-1]); digits--)
    ;
  /* The first card of a sheet follows the header's date, whose year (four
   * digits) runs into the card's number (one or two). */
  if (found - digits > 4)
    digits += 4;
  return (guint)g_ascii_strtoull (digits, NULL, 10);
}

/* Prints the cards for sorting on paper to a PDF; returns the number on
 * each card of the deck, by deck position, in @numbers. */
static gboolean
print_cards (Fixture *f, const char *name, guint *numbers)
{
  GtkWidget *page = th_window_get_chart_page (f->window);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *pages = NULL;
  const char *key;

  g_assert_true (TH_IS_CHART_PAGE (page));
  g_assert_true (
    th_chart_page_print_to_file (TH_CHART_PAGE (page), TH_PRINT_MODE_CARDS, file, &error));
  g_assert_no_error (error);
  pages = pdf_text (path);
  if (pages == NULL)
    return FALSE;

  /* The answer key follows the cards (the print dialog's default) and
   * goes by the numbers printed; the cards before it say nothing of why
   * a card belongs to its hat. */
  key = strstr (pages, "Answerkey");
  g_assert_nonnull (key);
  for (guint i = 0; i < th_deck_get_n_behaviours (f->deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (f->deck, i);
      g_autofree char *text = compact (th_behaviour_get_text (behaviour));
      g_autofree char *why = compact (th_behaviour_get_why (behaviour));
      g_autofree char *row = NULL;
      const char *found_why = strstr (pages, why);

      numbers[i] = printed_number (pages, th_behaviour_get_text (behaviour));
      row = g_strdup_printf ("%u%s", numbers[i], text);
      g_assert_true (printed_number (pages, th_behaviour_get_text (behaviour)) > 0);
      g_assert_nonnull (strstr (key, row));
      g_assert_true (found_why == NULL || found_why > key);
    }
  return TRUE;
}

/* Paper cards come in a shuffle, numbered as printed, unless the
 * setting asks for the deck's order. */
static void
test_printed_cards_order (Fixture *f, gconstpointer data)
{
  guint numbers[24];
  gboolean seen[25] = { FALSE };
  gboolean in_deck_order = TRUE;

  open_workshop (f);
  g_assert_cmpuint (th_deck_get_n_behaviours (f->deck), ==, 24);

  if (!print_cards (f, "shuffled.pdf", numbers))
    return;
  for (guint i = 0; i < 24; i++)
    {
      /* Every card once, numbered 1 to 24. */
      g_assert_cmpuint (numbers[i], >=, 1);
      g_assert_cmpuint (numbers[i], <=, 24);
      g_assert_false (seen[numbers[i]]);
      seen[numbers[i]] = TRUE;
      if (numbers[i] != i + 1)
        in_deck_order = FALSE;
    }
  g_assert_false (in_deck_order);

  g_settings_set_boolean (f->settings, "cards-in-deck-order", TRUE);
  if (!print_cards (f, "deck-order.pdf", numbers))
    return;
  for (guint i = 0; i < 24; i++)
    g_assert_cmpuint (numbers[i], ==, i + 1);
}

#define N_LARGE 300
#define N_SORTED 100

/* A workshop of a deck of N_LARGE cards, more than the board shows in its
 * first frame. */
static void
large_fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) json = g_string_new ("{\"format\": \"two-hats-deck\", \"version\": 1, "
                                           "\"id\": \"large\", \"title\": \"Large\", "
                                           "\"behaviours\": [");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_LARGE; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"card-%03u\", \"text\": \"Card number %u, with "
                            "words enough to wrap onto a second line of the board\", "
                            "\"key\": \"%s\"}",
                            i > 0 ? ", " : "", i, i, i % 2 ? "leadership" : "management");
  g_string_append (json, "]}");
  f->deck = th_deck_new_from_data (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_deck_get_n_behaviours (f->deck), ==, N_LARGE);

  fixture_set_up (f, data);

  /* Ana has put the deck's first N_SORTED cards under Management. */
  {
    g_autoptr (ThSession) session = th_session_new_from_file (f->file, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < N_SORTED; i++)
      {
        g_autofree char *id = g_strdup_printf ("card-%03u", i);

        g_assert_true (th_session_set_sort (session, "p1", id, TH_SIDE_MANAGEMENT, &error));
        g_assert_no_error (error);
      }
    g_assert_true (th_session_save_to_file (session, f->file, &error));
    g_assert_no_error (error);
  }
}

static gboolean
is_sorted_card (const char *id)
{
  return g_str_has_prefix (id, "card-") && atoi (id + 5) < N_SORTED;
}

static guint
count_cards (GtkWidget *widget)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  th_test_collect_widgets (widget, GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (G_OBJECT (rows->pdata[i]), "th-behaviour-id") != NULL)
      n++;
  return n;
}

static gboolean
board_full (gpointer data)
{
  return count_cards (data) == N_LARGE;
}

/* A large deck's board shows each column's first cards at once and fills
 * the rest over the next frames, in the participant's own order; the keys
 * work on it from the first frame, on cards not shown yet too. */
static void
test_large_deck (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSortBoard *board = th_workshop_view_get_sort_board (view);
  ThParticipant *ana = th_session_get_participant (th_window_get_session (f->window), 0);
  GtkWidget *management_list = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (board), TH_TYPE_SORT_BOARD, "management_list"));
  const char *last = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  guint n = 0;
  ThSide side;

  /* The top of each column is there from the first frame. */
  g_assert_cmpuint (count_cards (management_list), >=, 16);
  g_assert_cmpuint (count_cards (GTK_WIDGET (board)), <, N_LARGE);

  /* End then M sorts the last card of the pile, wherever the filling is. */
  for (int i = N_LARGE - 1; i >= 0 && last == NULL; i--)
    if (!is_sorted_card (own_id (f, ana, (guint)i)))
      last = own_id (f, ana, (guint)i);
  th_workshop_view_focus_board (view);
  press (f, GDK_KEY_End);
  press (f, GDK_KEY_m);
  g_assert_true (th_participant_get_sort (ana, last, &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);

  g_assert_true (th_test_wait_until (board_full, board, th_test_timeout (20000)));
  g_assert_cmpuint (count_cards (th_sort_board_get_column (board, TH_SIDE_MANAGEMENT)), ==,
                    N_SORTED + 1);
  ids = pile_ids (view);
  g_assert_cmpuint (ids->len, ==, N_LARGE - N_SORTED - 1);
  for (guint i = 0; i < N_LARGE; i++)
    {
      const char *id = own_id (f, ana, i);

      if (is_sorted_card (id) || g_str_equal (id, last))
        continue;
      g_assert_cmpstr (ids->pdata[n], ==, id);
      n++;
    }
  g_assert_cmpuint (n, ==, ids->len);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/card-order/sort-board", test_sort_board_order);
  ADD ("/ui/card-order/keys-follow-the-order", test_keys_follow_the_order);
  ADD ("/ui/card-order/survives-reopening", test_order_survives_reopening);
  ADD ("/ui/card-order/deck-order-setting", test_deck_order_setting);
  ADD ("/ui/card-order/preferences-switch", test_preferences_switch);
  ADD ("/ui/card-order/self-study", test_self_study_order);
  ADD ("/ui/card-order/printed-cards", test_printed_cards_order);
#undef ADD
  g_test_add ("/ui/card-order/large-deck", Fixture, NULL, large_fixture_set_up, test_large_deck,
              fixture_tear_down);

  return g_test_run ();
}
