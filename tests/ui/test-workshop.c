/* test-workshop.c: the workshop session driven as a facilitator would
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/th-test-save-gate.h"
#include "th-chart-page.h"
#include "th-new-workshop-dialog.h"
#include "th-participant-row.h"
#include "th-sample.h"
#include "th-test-remote-file.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  char *dir;
  GFile *file; /* a named workshop with Ana and Ben, none of it answered */
  ThDeck *deck;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_remove (path);
}

/* What an earlier test (or run) left in the user's data folder would
 * show up on the welcome page; every test starts without it. */
static void
clear_user_data (void)
{
  g_autofree char *two_hats = g_build_filename (g_get_user_data_dir (), "two-hats", NULL);

  remove_tree (two_hats);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  clear_user_data ();
  /* Pass the Laptop is remembered: each test starts with it off. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_reset (settings, "pass-the-laptop");
  }

  f->dir = g_dir_make_tmp ("test-workshop-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "offsite.twohats", NULL);
  f->deck = th_deck_new_builtin ();

  session = th_session_new (f->deck);
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_nonnull (th_session_add_participant (session, "Ben", NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
  clear_user_data ();
}

static const char *
behaviour_id (Fixture *f, guint position)
{
  return th_behaviour_get_id (th_deck_get_behaviour (f->deck, position));
}

static ThSide
sort_of (ThSession *session, const char *participant_id, const char *behaviour)
{
  ThSide side = TH_SIDE_BOTH;

  th_participant_get_sort (th_session_lookup_participant (session, participant_id), behaviour,
                           &side);
  return side;
}

typedef struct
{
  GFile *file;
  const char *behaviour_id;
  ThSide side;
} OnDisk;

/* Reads the file as it is on disk now, without asking the app anything. */
static gboolean
sorted_on_disk (gpointer data)
{
  const OnDisk *wanted = data;
  g_autoptr (ThSession) on_disk = th_session_new_from_file (wanted->file, NULL);

  return on_disk != NULL && sort_of (on_disk, "p1", wanted->behaviour_id) == wanted->side;
}

static ThWorkshopView *
open_workshop (Fixture *f)
{
  ThWorkshopView *view;

  g_assert_true (th_window_open_file (f->window, f->file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = th_window_get_workshop_view (f->window);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  return view;
}

static void
press (Fixture *f, guint keyval)
{
  th_test_press_key (GTK_WINDOW (f->window), keyval, 0);
}

static const char *
focused_card (Fixture *f)
{
  return th_sort_board_get_focused_card (
    th_workshop_view_get_sort_board (th_window_get_workshop_view (f->window)));
}

/* Widgets a person would find on screen. */
static GtkWidget *
find_widget (GtkWidget *root, gboolean (*match) (GtkWidget *, gconstpointer), gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row_titled_prefix (GtkWidget *widget, gconstpointer prefix)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
popover_shown (gpointer popover)
{
  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
is_button_for_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_participant_row_of (GtkWidget *widget, gconstpointer name)
{
  ThParticipant *participant;

  if (!TH_IS_PARTICIPANT_ROW (widget))
    return FALSE;

  /* The list view keeps a few spare rows with nobody in them. */
  participant = th_participant_row_get_participant (TH_PARTICIPANT_ROW (widget));
  return participant != NULL && g_strcmp0 (th_participant_get_name (participant), name) == 0;
}

static void
test_sort_whole_deck_by_keyboard (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  guint n = th_deck_get_n_behaviours (f->deck);
  GtkWidget *row;
  ThScores scores;

  th_workshop_view_focus_board (view);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));

  /* L on the first card: it goes under Leadership and the keyboard
   * stays in the pile, on the next card. */
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));

  /* The arrows pick another card; M puts it under Management. */
  press (f, GDK_KEY_Down);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 2));
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 2)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_BOTH);

  /* Left goes to the Leadership column; U takes the card back. */
  press (f, GDK_KEY_Left);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));
  press (f, GDK_KEY_u);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_BOTH);
  /* The column is empty now, so the keyboard went with the card. */
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));

  /* Right, Right: from the pile to Management; M there changes nothing. */
  press (f, GDK_KEY_Right);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 2));
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 2)), ==, TH_SIDE_MANAGEMENT);
  press (f, GDK_KEY_Left);

  /* Now the whole pile, each card on the side of its key. */
  for (guint guard = 0; th_participant_get_n_sorted (th_session_get_participant (session, 0)) < n;
       guard++)
    {
      /* A copy: the card's row is made anew when the answer changes. */
      g_autofree char *id = g_strdup (focused_card (f));
      ThBehaviour *behaviour;

      g_assert_cmpuint (guard, <, 2 * n);
      g_assert_nonnull (id);
      behaviour = th_deck_lookup_behaviour (f->deck, id);
      press (f, th_behaviour_get_key (behaviour) == TH_SIDE_LEADERSHIP ? GDK_KEY_l : GDK_KEY_m);
      g_assert_cmpint (sort_of (session, "p1", id), ==, th_behaviour_get_key (behaviour));
    }

  th_session_compute_scores (session, th_session_get_participant (session, 0), &scores);
  g_assert_cmpuint (scores.sorted, ==, n);
  /* All on the side of their key, but the one put under Management on
   * purpose above. */
  g_assert_cmpuint (
    scores.correct, ==,
    n - (th_behaviour_get_key (th_deck_get_behaviour (f->deck, 2)) != TH_SIDE_MANAGEMENT));
  /* Ben was not touched. */
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 1)), ==, 0);

  /* The sidebar says so. */
  row = find_widget (GTK_WIDGET (view), is_participant_row_of, "Ana");
  g_assert_nonnull (row);
  g_assert_true (
    g_str_has_prefix (th_participant_row_get_progress (TH_PARTICIPANT_ROW (row)), "Sorted 24/24"));
}

static gboolean
emit_drop (GtkWidget *column, const char *value_string)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (column);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, value_string);
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &accepted);
  g_value_unset (&value);

  return accepted;
}

static void
test_drop_onto_columns (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSortBoard *board = th_workshop_view_get_sort_board (view);
  ThSession *session = th_window_get_session (f->window);

  g_assert_true (
    emit_drop (th_sort_board_get_column (board, TH_SIDE_MANAGEMENT), behaviour_id (f, 3)));
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 3)), ==, TH_SIDE_MANAGEMENT);

  g_assert_true (
    emit_drop (th_sort_board_get_column (board, TH_SIDE_LEADERSHIP), behaviour_id (f, 3)));
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 3)), ==, TH_SIDE_LEADERSHIP);

  /* Back onto the pile: not sorted any more. */
  g_assert_true (emit_drop (th_sort_board_get_column (board, TH_SIDE_BOTH), behaviour_id (f, 3)));
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 3)), ==, TH_SIDE_BOTH);

  /* Text dragged in from elsewhere is refused and changes nothing. */
  g_assert_false (
    emit_drop (th_sort_board_get_column (board, TH_SIDE_LEADERSHIP), "not-a-behaviour"));
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 0);

  /* A drop is a step that Ctrl+Z takes back, like a key. */
  g_assert_true (
    emit_drop (th_sort_board_get_column (board, TH_SIDE_MANAGEMENT), behaviour_id (f, 5)));
  th_workshop_view_focus_board (view);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 5)), ==, TH_SIDE_BOTH);
}

static void
test_undo_and_redo (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);

  th_workshop_view_focus_board (view);
  press (f, GDK_KEY_l);
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_MANAGEMENT);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_BOTH);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  /* The keyboard is on the card that came back. */
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_BOTH);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_MANAGEMENT);

  /* Nothing left to redo: the key changes nothing. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 2);

  /* Ratings are steps too. */
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "reflect");
  press (f, GDK_KEY_3);
  g_assert_cmpint (
    th_participant_get_rating (th_session_get_participant (session, 0), behaviour_id (f, 0)), ==,
    3);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (
    th_participant_get_rating (th_session_get_participant (session, 0), behaviour_id (f, 0)), ==,
    0);
}

static void
test_rating_keys (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  ThParticipant *ana = th_session_get_participant (session, 0);
  ThReflectBoard *board = th_workshop_view_get_reflect_board (view);

  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "reflect");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 0));

  /* Each key rates the row in focus and moves on to the next. */
  press (f, GDK_KEY_4);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 0)), ==, 4);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 1));
  press (f, GDK_KEY_1);
  press (f, GDK_KEY_5);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 1)), ==, 1);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 2)), ==, 5);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 3));

  /* Up, and a new number replaces the old one. */
  press (f, GDK_KEY_Up);
  press (f, GDK_KEY_2);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 2)), ==, 2);
  g_assert_cmpuint (th_participant_get_n_rated (ana), ==, 3);

  /* Keys outside 1–5 rate nothing. */
  press (f, GDK_KEY_9);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 3)), ==, 0);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
test_fast_entry (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  ThParticipant *ana = th_session_get_participant (session, 0);
  ThReflectBoard *board = th_workshop_view_get_fast_entry_board (view);
  GtkWidget *toggle = find_widget (GTK_WIDGET (view), has_tooltip, "Type In Paper Results");

  g_assert_nonnull (toggle);
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "fast-entry");
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 0));

  /* A paper sheet is typed in row by row, as the board's legend says: L
   * or M, then 1–5, and the next row comes up when the row has both.
   * The letter alone does not move on, even during the sort. */
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 0));
  press (f, GDK_KEY_3);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 0)), ==, 3);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 1)), ==, 0);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 1));
  press (f, GDK_KEY_m);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 1));
  press (f, GDK_KEY_5);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 1)), ==, 5);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 2));

  /* The same in any phase. */
  th_session_set_phase (session, TH_PHASE_REVEAL);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "fast-entry");
  press (f, GDK_KEY_m);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 2));
  press (f, GDK_KEY_4);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 2)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, 2)), ==, 4);
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 3));

  /* Off again: back to the board of the phase. */
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
}

static void
test_phase_stepper (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  GtkWidget *reveal = find_widget (GTK_WIDGET (view), is_button_labelled, "2 · Reveal");
  GtkWidget *reflect = find_widget (GTK_WIDGET (view), is_button_labelled, "3 · Reflect");
  GtkWidget *sort = find_widget (GTK_WIDGET (view), is_button_labelled, "1 · Sort");

  g_assert_nonnull (reveal);
  g_assert_nonnull (reflect);
  g_assert_nonnull (sort);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sort)));

  g_signal_emit_by_name (reveal, "clicked");
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_REVEAL);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (reveal)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sort)));

  g_signal_emit_by_name (reflect, "clicked");
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_REFLECT);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");

  /* A phase set elsewhere (the presenter, the room) shows here too. */
  th_session_set_phase (session, TH_PHASE_SORT);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sort)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (reflect)));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
}

static ThNewWorkshopDialog *
find_new_workshop_dialog (void)
{
  return TH_NEW_WORKSHOP_DIALOG (th_test_find_toplevel (TH_TYPE_NEW_WORKSHOP_DIALOG));
}

static gboolean
new_workshop_dialog_shown (gpointer data)
{
  return find_new_workshop_dialog () != NULL;
}

static gboolean
new_workshop_dialog_gone (gpointer data)
{
  return find_new_workshop_dialog () == NULL;
}

/* Types ASCII letters and spaces as a person would, key by key. */
static void
type_text (GtkWindow *window, const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == ' ')
        th_test_press_key (window, GDK_KEY_space, 0);
      else if (g_ascii_isupper (*c))
        th_test_press_key (window, gdk_unicode_to_keyval (g_ascii_tolower (*c)), GDK_SHIFT_MASK);
      else
        th_test_press_key (window, gdk_unicode_to_keyval (*c), 0);
    }
}

static void
test_new_workshop_with_typed_names (Fixture *f, gconstpointer data)
{
  ThNewWorkshopDialog *dialog;
  GtkWidget *entry;
  ThSession *session;
  ThDocument *document;

  /* Ctrl+N from the welcome page. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_n, GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (new_workshop_dialog_shown, NULL, 2000));
  dialog = find_new_workshop_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  entry = th_new_workshop_dialog_get_name_entry (dialog);
  gtk_editable_set_text (GTK_EDITABLE (th_new_workshop_dialog_get_title_entry (dialog)),
                         "Monday group");
  gtk_widget_grab_focus (entry);

  /* Enter adds a name and the entry is ready for the next one. */
  type_text (GTK_WINDOW (dialog), "Ana");
  th_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  type_text (GTK_WINDOW (dialog), "Ben Li");
  th_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  g_assert_cmpuint (th_new_workshop_dialog_get_n_names (dialog), ==, 2);
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 0), ==, "Ana");
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 1), ==, "Ben Li");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_has_focus (entry)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), entry));

  /* A last name without Enter still counts; Ctrl+Enter creates. */
  type_text (GTK_WINDOW (dialog), "Cy");
  th_new_workshop_dialog_set_n_anonymous (dialog, 2);
  th_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (new_workshop_dialog_gone, NULL, 2000));

  session = th_window_get_session (f->window);
  document = th_window_get_document (f->window);
  g_assert_nonnull (session);
  g_assert_cmpstr (th_session_get_title (session), ==, "Monday group");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 5);
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 0)), ==, "Ana");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 1)), ==, "Ben Li");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 2)), ==, "Cy");
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Monday group");

  /* Untitled, and safe already: the recovery copy holds the names. */
  g_assert_null (th_document_get_file (document));
  g_assert_true (g_file_query_exists (th_document_get_recovery_file (document), NULL));
}

static gboolean
is_undo_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static gboolean
undo_button_shown (gpointer window)
{
  return find_widget (GTK_WIDGET (window), is_undo_button, NULL) != NULL;
}

static void
test_typing_participants_in_the_sidebar (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);
  GtkWidget *entry = th_workshop_view_get_add_entry (view);
  g_autoptr (ThParticipant) removed = NULL;
  guint number;

  gtk_widget_grab_focus (entry);
  type_text (GTK_WINDOW (f->window), "Cy");
  press (f, GDK_KEY_Return);
  type_text (GTK_WINDOW (f->window), "Dee");
  press (f, GDK_KEY_Return);

  g_assert_cmpuint (th_session_get_n_participants (session), ==, 4);
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 2)), ==, "Cy");
  g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 3)), ==, "Dee");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_participant_row_of, "Dee"));

  /* Renaming goes through a dialog with the name to edit. */
  {
    AdwMessageDialog *dialog = NULL;
    GtkWidget *row = find_widget (GTK_WIDGET (view), is_participant_row_of, "Cy");
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (find_widget (row, is_menu_button, NULL));
    GMenuModel *menu;
    g_autofree char *action = NULL;
    g_autofree char *target = NULL;

    /* The row's menu, made when it opens, names the action and the row's
     * participant. */
    gtk_menu_button_popup (menu_button);
    menu = gtk_menu_button_get_menu_model (menu_button);
    g_assert_nonnull (menu);
    g_assert_true (
      th_test_wait_until (popover_shown, gtk_menu_button_get_popover (menu_button), 2000));
    g_assert_true (
      g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_true (
      g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
    g_assert_cmpstr (action, ==, "workshop.rename");
    g_assert_cmpstr (target, ==, "p3");
    gtk_menu_button_popdown (menu_button);

    gtk_widget_activate_action (GTK_WIDGET (view), action, "s", target);
    g_assert_true (th_test_wait_until (th_test_message_dialog_shown, &dialog, 2000));
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Cyra");
    adw_message_dialog_response (dialog, "rename");
    g_assert_cmpstr (th_participant_get_name (th_session_get_participant (session, 2)), ==, "Cyra");
    g_assert_nonnull (find_widget (GTK_WIDGET (view), is_participant_row_of, "Cyra"));
  }

  /* Removing one takes them out of the file too. */
  removed = g_object_ref (th_session_get_participant (session, 2));
  number = th_participant_get_number (removed);
  g_assert_cmpuint (number, ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.remove", "s",
                              th_participant_get_id (removed));
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  {
    g_autoptr (ThSession) on_disk = th_session_new_from_file (f->file, NULL);

    g_assert_cmpuint (th_session_get_n_participants (on_disk), ==, 3);
  }

  /* The toast's Undo brings the same person back where they were, with
   * their id and their number. */
  g_assert_true (th_test_wait_until (undo_button_shown, f->window, th_test_timeout (2000)));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (f->window), is_undo_button, NULL), "clicked");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 4);
  g_assert_true (th_session_get_participant (session, 2) == removed);
  g_assert_cmpstr (th_participant_get_id (removed), ==, "p3");
  g_assert_cmpuint (th_participant_get_number (removed), ==, number);
}

static void
test_broken_file_keeps_open_session (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) broken = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "session-syntax-error.twohats", NULL));
  g_autoptr (GFile) newer = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "session-version-newer.twohats", NULL));
  ThSession *before;

  open_workshop (f);
  before = th_window_get_session (f->window);

  g_assert_false (th_window_open_file (f->window, broken));
  g_assert_nonnull (th_window_get_last_error (f->window));
  g_assert_true (th_window_get_session (f->window) == before);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Offsite");

  g_assert_false (th_window_open_file (f->window, newer));
  g_assert_nonnull (strstr (th_window_get_last_error (f->window), "newer version"));
  g_assert_true (th_window_get_session (f->window) == before);
}

static void
test_autosave_right_after_the_key (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  g_autoptr (ThSession) on_disk = NULL;

  th_workshop_view_focus_board (view);
  press (f, GDK_KEY_m);

  /* No save asked for: the write after the key's main loop pass (on a
   * worker thread) puts it on disk. */
  {
    OnDisk wanted = { f->file, behaviour_id (f, 0), TH_SIDE_MANAGEMENT };

    g_assert_true (th_test_wait_until (sorted_on_disk, &wanted, 10000));
  }
  on_disk = th_session_new_from_file (f->file, NULL);
  g_assert_nonnull (on_disk);
  g_assert_cmpint (sort_of (on_disk, "p1", behaviour_id (f, 0)), ==, TH_SIDE_MANAGEMENT);
  g_assert_true (th_document_get_saved (th_window_get_document (f->window)));

  /* Ctrl+S has nothing left to do for a named workshop. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (th_document_get_saved (th_window_get_document (f->window)));
}

/* The welcome page reads the recovery copies on a worker thread; their
 * rows are there once it is done. */
static gboolean
welcome_page_loaded (gpointer data)
{
  return !th_welcome_page_get_loading (th_window_get_welcome_page (data));
}

static gboolean
has_session (gpointer data)
{
  return th_window_get_session (data) != NULL;
}

static void
test_recovery_offered_at_next_start (Fixture *f, gconstpointer data)
{
  ThNewWorkshopDialog *dialog;
  ThSession *session;
  GtkWidget *row;
  g_autofree char *recovery_path = NULL;
  AdwMessageDialog *confirm = NULL;
  GtkWidget *home;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workshop", NULL);
  g_assert_true (th_test_wait_until (new_workshop_dialog_shown, NULL, 2000));
  dialog = find_new_workshop_dialog ();
  th_new_workshop_dialog_set_n_anonymous (dialog, 3);
  th_new_workshop_dialog_create (dialog);

  session = th_window_get_session (f->window);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  th_workshop_view_focus_board (th_window_get_workshop_view (f->window));
  press (f, GDK_KEY_l);
  recovery_path
    = g_file_get_path (th_document_get_recovery_file (th_window_get_document (f->window)));

  /* The app goes away without a name given: a crash, or a closed window. */
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->window = th_test_new_window (&f->app);
  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));

  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");
  row = find_widget (GTK_WIDGET (f->window), is_row_titled_prefix, "Unsaved workshop from ");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "3 participants"));

  /* The copy is read on a worker thread: nothing is open until it is. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-recovery", "s", recovery_path);
  g_assert_null (th_window_get_session (f->window));
  g_assert_true (th_test_wait_until (has_session, f->window, th_test_timeout (10000)));
  session = th_window_get_session (f->window);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");

  /* Saving it with a name ends its time in the recovery folder. */
  {
    g_autoptr (GFile) named = g_file_new_build_filename (f->dir, "named.twohats", NULL);

    g_assert_true (th_window_save_as (f->window, named));
    g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_equal (th_document_get_file (th_window_get_document (f->window)), named));
  }

  /* And one more untitled one, discarded from the welcome page. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workshop", NULL);
  g_assert_true (th_test_wait_until (new_workshop_dialog_shown, NULL, 2000));
  th_new_workshop_dialog_set_n_anonymous (find_new_workshop_dialog (), 1);
  th_new_workshop_dialog_create (find_new_workshop_dialog ());
  g_free (recovery_path);
  recovery_path
    = g_file_get_path (th_document_get_recovery_file (th_window_get_document (f->window)));
  g_assert_true (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
  th_window_open_file (f->window, f->file);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  /* The button to the welcome page is there only away from it. */
  home = find_widget (GTK_WIDGET (f->window), is_button_for_action, "win.home");
  g_assert_nonnull (home);
  g_assert_true (gtk_widget_get_mapped (home));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.home", NULL);
  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_mapped (home));
  g_assert_nonnull (
    find_widget (GTK_WIDGET (f->window), is_row_titled_prefix, "Unsaved workshop from "));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.discard-recovery", "s", recovery_path);
  g_assert_true (th_test_wait_until (th_test_message_dialog_shown, &confirm, 2000));
  adw_message_dialog_response (confirm, "discard");
  g_assert_false (g_file_test (recovery_path, G_FILE_TEST_EXISTS));
}

static void
test_privacy_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThSession *session = th_window_get_session (f->window);

  th_workshop_view_set_pass_the_laptop (view, TRUE);
  th_workshop_view_select_participant (view, th_session_get_participant (session, 1));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "privacy");
  /* Ana's answers are not on screen for Ben to see. */
  g_assert_true (th_workshop_view_get_selected_participant (view)
                 == th_session_get_participant (session, 1));

  press (f, GDK_KEY_Return);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  /* Ben can start at once. */
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (session, "p2", behaviour_id (f, 0)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_BOTH);
}

static void
test_reveal (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view;
  ThRevealBoard *board;
  ThSession *session;
  double first_distance;
  double percent;
  guint n_sorted;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL);
  view = th_window_get_workshop_view (f->window);
  board = th_workshop_view_get_reveal_board (view);
  session = th_window_get_session (f->window);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");

  /* The most contested card comes first. */
  g_assert_true (th_session_get_agreement (
    session, th_behaviour_get_id (th_reveal_board_get_current (board)), &percent, &n_sorted));
  first_distance = ABS (percent - 50.0);
  for (guint i = 0; i < th_deck_get_n_behaviours (th_session_get_deck (session)); i++)
    {
      double other;

      if (th_session_get_agreement (
            session, th_behaviour_get_id (th_reveal_board_get_nth (board, i)), &other, NULL))
        g_assert_cmpfloat (ABS (other - 50.0), >=, first_distance);
    }

  /* The facilitator sees how the selected participant sorted. */
  g_assert_nonnull (th_reveal_board_get_accuracy_text (board));
  g_assert_nonnull (strstr (th_reveal_board_get_accuracy_text (board),
                            th_participant_get_name (th_session_get_participant (session, 0))));

  /* Right is one step: the key of the card on show, then the next card;
   * back on a card already discussed, its key stays shown. */
  th_workshop_view_focus_board (view);
  g_assert_false (th_reveal_board_get_key_shown (board));
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 0);
  g_assert_true (th_reveal_board_get_key_shown (board));
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 1);
  g_assert_false (th_reveal_board_get_key_shown (board));
  press (f, GDK_KEY_Left);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 0);
  g_assert_true (th_reveal_board_get_key_shown (board));
}

/* The rows of the reveal's list of all cards, in order. */
static GPtrArray *
overview_rows (ThRevealBoard *board)
{
  GPtrArray *rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (board), GTK_TYPE_LIST_BOX_ROW, rows);
  return rows;
}

static gboolean
overview_has_rows (gpointer board)
{
  g_autoptr (GPtrArray) rows = overview_rows (board);

  return rows->len > 0;
}

/* The reveal's list of all cards has a row per card once it is shown,
 * and none while nobody has asked for the reveal: a deck of a thousand
 * cards would otherwise cost thousands of widgets in every window. */
static void
test_reveal_overview_made_when_shown (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThRevealBoard *board = th_workshop_view_get_reveal_board (view);
  ThSession *session = th_window_get_session (f->window);
  guint n_behaviours = th_deck_get_n_behaviours (th_session_get_deck (session));
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) again = NULL;

  rows = overview_rows (board);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  th_session_set_phase (session, TH_PHASE_REVEAL);
  g_assert_true (th_test_wait_until (overview_has_rows, board, th_test_timeout (5000)));
  rows = overview_rows (board);
  g_assert_cmpuint (rows->len, ==, n_behaviours);
  /* In the order of the board, with the card on show selected. */
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (gtk_list_box_row_get_index (rows->pdata[i]), ==, (int)i);
  g_assert_true (gtk_list_box_row_is_selected (rows->pdata[0]));
  th_reveal_board_show_key (board);
  th_reveal_board_next (board);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 1);
  g_assert_true (gtk_list_box_row_is_selected (rows->pdata[1]));
  g_assert_false (gtk_list_box_row_is_selected (rows->pdata[0]));

  /* A list on screen is made again at once when the order is. */
  th_reveal_board_refresh_order (board);
  again = overview_rows (board);
  g_assert_cmpuint (again->len, ==, n_behaviours);
  g_assert_true (gtk_list_box_row_is_selected (again->pdata[0]));
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) other_file = g_file_new_build_filename (f->dir, "laptop-2.twohats", NULL);
  g_autoptr (GFile) deck_file = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "deck-small.twohats-deck", NULL));
  g_autoptr (ThSession) other = th_session_new (f->deck);
  g_autoptr (GString) report = g_string_new (NULL);
  ThSession *session;

  /* Another laptop, whose first participant is "p1" too, and an "Ana". */
  th_session_add_participant (other, "Ana", NULL);
  th_session_add_participant (other, "Eve", NULL);
  th_session_set_sort (other, "p2", behaviour_id (f, 0), TH_SIDE_LEADERSHIP, NULL);
  g_assert_true (th_session_save_to_file (other, other_file, NULL));

  open_workshop (f);
  session = th_window_get_session (f->window);
  g_assert_true (th_window_merge_file (f->window, other_file, report));
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 4);
  g_assert_nonnull (strstr (report->str, "2 participants added"));
  g_assert_nonnull (strstr (report->str, "new one"));
  g_assert_nonnull (strstr (report->str, "“Ana” was here already"));
  g_assert_cmpint (sort_of (session,
                            th_participant_get_id (th_session_get_participant (session, 3)),
                            behaviour_id (f, 0)),
                   ==, TH_SIDE_LEADERSHIP);

  /* The scores of everyone, merged ones included, as CSV. */
  {
    g_autoptr (GFile) csv = g_file_new_build_filename (f->dir, "scores.csv", NULL);
    g_autoptr (GError) error = NULL;
    g_autofree char *contents = NULL;

    g_assert_true (th_window_export_csv (f->window, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_load_contents (csv, NULL, &contents, NULL, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "id,name,leadership,management,quadrant"));
    g_assert_nonnull (strstr (contents, ",Eve,"));
  }

  /* A deck is no workshop: reported, nothing merged. */
  g_assert_false (th_window_merge_file (f->window, deck_file, report));
  g_assert_nonnull (strstr (report->str, "not merged"));
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 4);
}

static void
test_self_study_resumes (Fixture *f, gconstpointer data)
{
  ThSession *session;
  ThDeck *deck;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  session = th_window_get_session (f->window);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);
  deck = th_session_get_deck (session);
  n = th_deck_get_n_behaviours (deck);

  /* "Next" goes to the sort, and the sort is by keyboard as ever. */
  gtk_widget_activate_action (GTK_WIDGET (th_window_get_self_study_path (f->window)),
                              "self-study.continue", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (th_workshop_view_get_visible_board (th_window_get_workshop_view (f->window)), ==,
                   "sort");
  press (f, GDK_KEY_l);
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 1);
  for (guint i = 0; i < n; i++)
    th_session_set_sort (session, "p1", th_behaviour_get_id (th_deck_get_behaviour (deck, i)),
                         th_behaviour_get_key (th_deck_get_behaviour (deck, i)), NULL);

  /* The next run starts where this one stopped: everything sorted, so
   * the key comes next. */
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  /* The progress is read on a worker thread, then shown. */
  g_assert_null (th_window_get_session (f->window));
  g_assert_true (th_test_wait_until (has_session, f->window, th_test_timeout (10000)));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (th_workshop_view_get_visible_board (th_window_get_workshop_view (f->window)), ==,
                   "reveal");
  g_assert_cmpint (th_self_study_path_get_step (th_window_get_self_study_path (f->window)), ==,
                   TH_SELF_STUDY_STEP_REVEAL);

  session = th_window_get_session (f->window);
  deck = th_session_get_deck (session);
  for (guint i = 0; i < n; i++)
    th_session_set_rating (session, "p1", th_behaviour_get_id (th_deck_get_behaviour (deck, i)),
                           i % 2 ? 5 : 2, NULL);

  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  g_assert_true (th_test_wait_until (has_session, f->window, th_test_timeout (10000)));

  /* All rated: where you land, your own result and not a group's chart. */
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "result");
  g_assert_nonnull (
    th_self_study_result_get_quadrant_text (th_window_get_self_study_result (f->window)));
}

/* Export Scores as CSV… follows the chart's Anonymous switch, both ways,
 * whatever the preference says. */
static void
test_csv_follows_anonymous_switch (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) csv = g_file_new_build_filename (f->dir, "scores.csv", NULL);
  ThChartPage *chart;
  ThSession *session;
  const char *first;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL);
  session = th_window_get_session (f->window);
  first = th_participant_get_name (th_session_get_participant (session, 0));
  g_assert_true (TH_IS_CHART_PAGE (th_window_get_chart_page (f->window)));
  chart = TH_CHART_PAGE (th_window_get_chart_page (f->window));

  for (int anonymous = 1; anonymous >= 0; anonymous--)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;

      th_chart_page_set_anonymous (chart, anonymous);
      g_assert_true (th_window_export_csv (f->window, csv, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_load_contents (csv, NULL, &contents, NULL, NULL, NULL));
      if (anonymous)
        {
          g_assert_null (strstr (contents, first));
          g_assert_nonnull (strstr (contents, ",Participant 1,"));
        }
      else
        {
          g_assert_nonnull (strstr (contents, first));
          g_assert_null (strstr (contents, ",Participant 1,"));
        }
    }
}

/* Reading files ------------------------------------------------------------ */

static void
keep_result_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

typedef struct
{
  const char *path;
  int fd;
} FifoWriter;

/* A writer can open the pipe once someone reads it: here, the thread
 * that reads the file the window was asked to open. */
static gboolean
fifo_has_reader (gpointer data)
{
  FifoWriter *writer = data;

  writer->fd = open (writer->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  return writer->fd >= 0;
}

/* Waits until the thread that reads the pipe at @path has opened it, and
 * returns the pipe's other end. */
static int
open_fifo_writer (const char *path)
{
  FifoWriter writer = { path, -1 };

  g_assert_true (th_test_wait_until (fifo_has_reader, &writer, th_test_timeout (10000)));
  g_assert_cmpint (fcntl (writer.fd, F_SETFL, 0), ==, 0);
  return writer.fd;
}

/* Gives the reader @contents and the end of the file.  Returns FALSE when
 * the reader stopped reading before it had everything (a cancelled read
 * closes the pipe). */
static gboolean
feed_fifo (int fd, const char *contents, gsize length)
{
  gboolean whole = TRUE;

  while (length > 0)
    {
      gssize written = write (fd, contents, length);

      if (written < 0 && errno == EPIPE)
        {
          whole = FALSE;
          break;
        }
      g_assert_cmpint (written, >, 0);
      contents += written;
      length -= (gsize)written;
    }
  g_assert_cmpint (close (fd), ==, 0);
  return whole;
}

/* A named pipe at @name in the test's folder: reading it waits until the
 * test writes, as a very large file or a slow disk would keep a reader. */
static char *
make_fifo (Fixture *f, const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* A file on a slow network location: no local path (a local FIFO is
 * refused at once, as it should be), read through GIO from the pipe at
 * @path, so that the read waits until the test writes. */
static GFile *
new_slow_file (const char *path)
{
  g_autoptr (GFile) pipe = g_file_new_for_path (path);

  return th_test_remote_file_new (pipe, TRUE);
}

static gboolean
title_is (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (gtk_window_get_title (GTK_WINDOW (f->window)), "Opening “slow.twohats”…") == 0;
}

static gboolean
is_mapped_spinner (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget);
}

static void
test_open_reads_off_the_main_thread (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_fifo (f, "slow.twohats");
  g_autoptr (GFile) slow = new_slow_file (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *spinner;
  gsize length;
  int fd;

  g_assert_true (g_file_get_contents (g_file_peek_path (f->file), &contents, &length, NULL));

  /* The file gives nothing yet, and the window goes on: it says what it
   * is opening, and stays where it was. */
  th_window_open_file_async (f->window, slow, keep_result_cb, &result);
  g_assert_true (th_window_get_busy (f->window));
  fd = open_fifo_writer (path);
  g_assert_true (th_test_wait_until (title_is, f, th_test_timeout (10000)));
  spinner = find_widget (GTK_WIDGET (f->window), is_mapped_spinner, NULL);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");
  g_assert_null (th_window_get_session (f->window));
  g_assert_null (result);

  /* Once the file has come, the workshop is shown. */
  g_assert_true (feed_fifo (fd, contents, length));
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_true (th_window_open_file_finish (f->window, result, &error));
  g_assert_no_error (error);
  g_assert_false (th_window_get_busy (f->window));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Offsite");
  g_assert_cmpuint (th_session_get_n_participants (th_window_get_session (f->window)), ==, 2);
  g_assert_false (gtk_widget_get_visible (spinner));
}

static void
test_open_given_up_when_the_window_closes (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_fifo (f, "slow.twohats");
  g_autoptr (GFile) slow = new_slow_file (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  ThWindow *closed = f->window;
  gsize length;
  int fd;

  g_assert_true (g_file_get_contents (g_file_peek_path (f->file), &contents, &length, NULL));

  /* The window closes while the file is being read. */
  th_window_open_file_async (f->window, slow, keep_result_cb, &result);
  g_assert_true (th_window_get_busy (f->window));
  fd = open_fifo_writer (path);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;

  /* The file arrives after the window has gone (or the reader, told to
   * stop, closes the pipe first): nothing is shown, in no window, and the
   * caller hears that it was given up. */
  feed_fifo (fd, contents, length);
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_false (th_window_open_file_finish (closed, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (th_window_get_document (closed));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

        g_assert_false (TH_IS_WINDOW (toplevel));
      }
  }
}

/* docs/session-format.md, "One writer at a time": a workshop open in one
 * window is refused in another, which says so and opens nothing; once
 * the first window has closed, the other opens it. */
static void
test_open_in_another_window (Fixture *f, gconstpointer data)
{
  g_autoptr (ThApplication) app = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog = NULL;
  ThWindow *other;

  open_workshop (f);
  g_assert_true (g_file_load_contents (f->file, NULL, &before, NULL, NULL, NULL));
  other = th_test_new_window (&app);

  g_assert_false (th_window_open_file (other, f->file));
  g_assert_cmpstr (
    th_window_get_last_error (other), ==,
    "This workshop is open in another Two Hats window (or hosted with “two-hats --host”). Only "
    "one of them at a time can write answers to it: carry on there, or close it there and open "
    "it here again.");
  g_assert_null (th_window_get_document (other));
  g_assert_cmpstr (th_window_get_visible_view (other), ==, "welcome");
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (2000)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "“offsite.twohats” Is Already Open");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (other));
  adw_message_dialog_response (dialog, "close");

  /* Nothing was written by the window that was refused. */
  g_assert_true (g_file_load_contents (f->file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  th_test_destroy_window (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (th_window_open_file (other, f->file));
  g_assert_nonnull (th_window_get_document (other));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (other)), ==, "Offsite");
  f->window = other;
}

/* A FIFO in a local folder is refused at once, where reading it would
 * wait for a writer for ever.  Should the read wait all the same, the
 * test lets it go (opening the FIFO for writing) and fails. */
static void
test_open_fifo_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *path = make_fifo (f, "pipe.twohats");
  g_autoptr (GFile) pipe = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  th_window_open_file_async (f->window, pipe, keep_result_cb, &result);
  if (!th_test_wait_until (has_result, &result, th_test_timeout (10000)))
    {
      int fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

      if (fd >= 0)
        close (fd);
      th_test_wait_until (has_result, &result, th_test_timeout (10000));
      g_test_fail_printf ("opening a FIFO waited for a writer instead of refusing it");
      return;
    }

  g_assert_false (th_window_open_file_finish (f->window, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (th_window_get_last_error (f->window), ==, "Is a FIFO, not a regular file");
  g_assert_null (th_window_get_document (f->window));
}

static void
test_export_given_up_when_the_window_closes (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) csv = g_file_new_build_filename (f->dir, "scores.csv", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  ThWindow *closed;

  open_workshop (f);
  closed = f->window;

  /* The window closes before the export is done: whatever the worker did
   * with the file, the window tells nobody. */
  th_window_export_csv_async (f->window, csv, keep_result_cb, &result);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_false (th_window_export_csv_finish (closed, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (th_window_get_last_error (closed));
}

/* The same for the chart page's export, which has a cancellable of its
 * own: closing the window gives it up too. */
static void
test_chart_export_given_up_when_the_window_closes (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) png = g_file_new_build_filename (f->dir, "chart.png", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *chart;
  ThWindow *closed;

  open_workshop (f);
  /* Nothing else holds the window once it is closed. */
  closed = g_object_ref (f->window);
  chart = th_window_get_chart_page (f->window);
  g_assert_true (TH_IS_CHART_PAGE (chart));
  g_object_ref (chart);

  th_chart_page_export_to_file_async (TH_CHART_PAGE (chart), png, NULL, keep_result_cb, &result);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_false (th_chart_page_export_to_file_finish (TH_CHART_PAGE (chart), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (th_window_get_last_error (closed));
  g_object_unref (chart);
  g_object_unref (closed);
}

static gboolean
window_not_busy (gpointer window)
{
  return !th_window_get_busy (window);
}

/* A card put on the board is written by the save queue's worker: while
 * that write is in progress (held at the gate), the window says it is
 * busy, frame after frame; once it is done, it is not. */
static void
test_busy_while_a_save_is_in_flight (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  OnDisk wanted = { f->file, behaviour_id (f, 0), TH_SIDE_MANAGEMENT };
  ThTestSaveGate gate;

  /* Nothing goes on once the workshop is shown, the welcome page's look
   * for unsaved workshops included. */
  g_assert_true (th_test_wait_until (window_not_busy, f->window, th_test_timeout (10000)));

  th_test_save_gate_install (&gate);
  th_workshop_view_focus_board (view);
  press (f, GDK_KEY_m);
  g_assert_true (th_test_wait_until (th_test_save_gate_holds, &gate, th_test_timeout (10000)));
  g_assert_true (th_window_get_busy (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (th_window_get_busy (f->window));
  g_assert_false (sorted_on_disk (&wanted));

  th_test_save_gate_open (&gate);
  g_assert_true (th_test_wait_until (window_not_busy, f->window, th_test_timeout (10000)));
  g_assert_true (sorted_on_disk (&wanted));
  g_assert_cmpuint (th_test_save_gate_get_n_held (&gate), ==, 1);
  th_test_save_gate_remove (&gate);
}

/* An export is busy from the moment it is asked for until its result is
 * back. */
static void
test_busy_while_an_export_is_in_flight (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) csv = g_file_new_build_filename (f->dir, "scores.csv", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  open_workshop (f);
  g_assert_true (th_test_wait_until (window_not_busy, f->window, th_test_timeout (10000)));

  th_window_export_csv_async (f->window, csv, keep_result_cb, &result);
  g_assert_true (th_window_get_busy (f->window));
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_true (th_window_export_csv_finish (f->window, result, &error));
  g_assert_no_error (error);
  g_assert_false (th_window_get_busy (f->window));
  g_assert_true (g_file_query_exists (csv, NULL));
}

/* The window closes while a save is held in progress and an export is
 * under way: the export is given up, the save finished before the window
 * goes, so that the file holds the card. */
static void
test_close_finishes_the_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) csv = g_file_new_build_filename (f->dir, "scores.csv", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  ThWorkshopView *view = open_workshop (f);
  OnDisk wanted = { f->file, behaviour_id (f, 0), TH_SIDE_MANAGEMENT };
  ThWindow *closed = f->window;
  ThTestSaveGate gate;

  g_assert_true (th_test_wait_until (window_not_busy, f->window, th_test_timeout (10000)));
  th_test_save_gate_install (&gate);
  th_workshop_view_focus_board (view);
  press (f, GDK_KEY_m);
  g_assert_true (th_test_wait_until (th_test_save_gate_holds, &gate, th_test_timeout (10000)));
  th_window_export_csv_async (f->window, csv, keep_result_cb, &result);
  g_assert_false (sorted_on_disk (&wanted));

  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;

  /* Closing waited for the held write (only that wait let it through). */
  g_assert_cmpuint (th_test_save_gate_get_n_waits (&gate), ==, 1);
  g_assert_true (sorted_on_disk (&wanted));

  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_false (th_window_export_csv_finish (closed, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  th_test_save_gate_remove (&gate);
}

static void
test_recovery_list_fills_after_its_scan (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) folder = th_document_get_recovery_dir ();
  g_autoptr (GFile) copy = g_file_get_child (folder, "untitled-1.twohats");
  ThWelcomePage *page = th_window_get_welcome_page (f->window);

  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  g_assert_null (find_widget (GTK_WIDGET (f->window), is_row_titled_prefix, "Unsaved workshop"));

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL));
  g_assert_true (g_file_copy (f->file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));

  /* Going home reads the copies again, on a worker thread: the page is
   * back at once and its list fills when they are read. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.home", NULL);
  g_assert_true (th_welcome_page_get_loading (page));
  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  {
    GtkWidget *row
      = find_widget (GTK_WIDGET (f->window), is_row_titled_prefix, "Unsaved workshop from ");

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "Offsite · 2 participants");
  }
}

static gboolean
is_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_spinner (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPINNER (widget);
}

static void
test_welcome_page_says_it_is_looking (Fixture *f, gconstpointer data)
{
  ThWelcomePage *page = th_window_get_welcome_page (f->window);
  GtkWidget *row;
  GtkWidget *spinner;

  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  row = find_widget (GTK_WIDGET (page), is_row_titled, "Looking for unsaved workshops…");
  g_assert_nonnull (row);
  spinner = find_widget (row, is_spinner, NULL);
  g_assert_nonnull (spinner);
  /* Nothing to recover, and done looking: the group is not there. */
  g_assert_false (gtk_widget_is_visible (row));

  /* Going home looks again: until the worker thread is done, the page
   * says so where the unsaved workshops will be. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.home", NULL);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");
  g_assert_true (th_welcome_page_get_loading (page));
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  g_assert_false (gtk_widget_is_visible (row));
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

/* Whether anyone holds the lock of @path: a read given up lets go of the
 * lock it took, once the worker thread is done with the file. */
static gboolean
lock_is_free (gpointer path)
{
  g_autoptr (ThFileLock) lock = th_file_lock_new (path);

  return th_file_lock_acquire (lock, NULL);
}

/* Opening an unsaved workshop, and resuming self-study, read their file
 * on a worker thread; a window that closes meanwhile shows nothing and
 * keeps nothing. */
static void
test_open_session_given_up_when_the_window_closes (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) folder = th_document_get_recovery_dir ();
  g_autoptr (GFile) copy = g_file_get_child (folder, "untitled-1.twohats");
  g_autoptr (GFile) self_study
    = g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
  struct
  {
    const char *action;
    GFile *file;
  } opens[] = { { "win.open-recovery", copy }, { "win.self-study", self_study } };
  g_autofree char *before = NULL;

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, NULL));
  g_assert_true (g_file_copy (f->file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_copy (f->file, self_study, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_load_contents (f->file, NULL, &before, NULL, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (opens); i++)
    {
      g_autoptr (ThWindow) closed = NULL;
      g_autofree char *after = NULL;
      const char *path = g_file_peek_path (opens[i].file);

      if (f->window == NULL)
        {
          g_clear_object (&f->app);
          f->window = th_test_new_window (&f->app);
        }
      closed = g_object_ref (f->window);

      /* The read has started (the file is locked), and the window closes
       * before it is back. */
      if (g_str_equal (opens[i].action, "win.open-recovery"))
        gtk_widget_activate_action (GTK_WIDGET (closed), opens[i].action, "s", path);
      else
        gtk_widget_activate_action (GTK_WIDGET (closed), opens[i].action, NULL);
      g_assert_null (th_window_get_session (closed));
      g_assert_false (lock_is_free ((gpointer)path));
      gtk_window_close (GTK_WINDOW (closed));
      f->window = NULL;

      /* Once the worker is done the lock is let go, and nothing came of
       * the read: no workshop, no message, the file as it was. */
      g_assert_true (th_test_wait_until (lock_is_free, (gpointer)path, th_test_timeout (10000)));
      g_assert_null (th_window_get_document (closed));
      g_assert_null (th_window_get_last_error (closed));
      g_assert_true (g_file_load_contents (opens[i].file, NULL, &after, NULL, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }
}

/* Merge Results ------------------------------------------------------------ */

static gboolean
is_participant_named (ThSession *session, const char *name)
{
  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    if (g_strcmp0 (th_participant_get_name (th_session_get_participant (session, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_label_saying (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
merge_progress_shown (gpointer data)
{
  return find_widget (data, is_label_saying, "Reading the workshops to merge…") != NULL;
}

static gboolean
merge_progress_gone (gpointer data)
{
  return !merge_progress_shown (data);
}

static GFile *
save_other_laptop (Fixture *f, const char *name, const char *first, const char *second)
{
  GFile *file = g_file_new_build_filename (f->dir, name, NULL);
  g_autoptr (ThSession) other = th_session_new (f->deck);

  th_session_add_participant (other, first, NULL);
  if (second != NULL)
    th_session_add_participant (other, second, NULL);
  g_assert_true (th_session_save_to_file (other, file, NULL));
  return file;
}

static void
test_merge_reads_off_the_main_thread (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) laptop_2 = save_other_laptop (f, "laptop-2.twohats", "Eve", "Finn");
  g_autoptr (GFile) laptop_3 = save_other_laptop (f, "laptop-3.twohats", "Gus", NULL);
  g_autoptr (GFile) deck_file = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "deck-small.twohats-deck", NULL));
  g_autofree char *path = NULL;
  g_autoptr (GFile) slow = NULL;
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  AdwMessageDialog *dialog = NULL;
  ThSession *session;
  gboolean all_merged = TRUE;
  gsize length;
  int fd;

  /* The third laptop's file comes over a slow network: its text is fed
   * through a pipe when the test says. */
  g_assert_true (g_file_load_contents (laptop_3, NULL, &contents, &length, NULL, NULL));
  g_assert_true (g_file_delete (laptop_3, NULL, NULL));
  path = make_fifo (f, "laptop-3.twohats");
  slow = new_slow_file (path);

  open_workshop (f);
  session = th_window_get_session (f->window);
  g_list_store_append (files, laptop_2);
  g_list_store_append (files, slow);
  g_list_store_append (files, deck_file);

  /* What Merge does once files are chosen: nothing is merged before the
   * main loop runs, nor while a file is still being read, and the window
   * says what it is doing meanwhile. */
  th_window_merge_files_async (f->window, G_LIST_MODEL (files), keep_result_cb, &result);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);
  fd = open_fifo_writer (path);
  g_assert_true (th_test_wait_until (merge_progress_shown, f->window, th_test_timeout (10000)));
  g_assert_null (result);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);

  /* Once every file is read, all are merged at once; the deck is
   * reported on its own line and the rest merged all the same. */
  g_assert_true (feed_fifo (fd, contents, length));
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  report = th_window_merge_files_finish (f->window, result, &all_merged, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_false (all_merged);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 5);
  g_assert_true (is_participant_named (session, "Eve"));
  g_assert_true (is_participant_named (session, "Finn"));
  g_assert_true (is_participant_named (session, "Gus"));
  g_assert_nonnull (strstr (report, "laptop-2.twohats: 2 participants added"));
  g_assert_nonnull (strstr (report, "laptop-3.twohats: 1 participant added"));
  g_assert_nonnull (strstr (report, "deck-small.twohats-deck: not merged"));

  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (2000)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Not Everything Was Merged");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, report);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  g_assert_cmpstr (th_window_get_last_error (f->window), ==, report);
  adw_message_dialog_response (dialog, "close");

  /* The toast that said it was reading goes with the work. */
  g_assert_true (th_test_wait_until (merge_progress_gone, f->window, th_test_timeout (10000)));
}

static void
test_merge_given_up_when_the_window_closes (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) laptop_2 = save_other_laptop (f, "laptop-2.twohats", "Eve", "Finn");
  g_autofree char *path = make_fifo (f, "laptop-3.twohats");
  g_autoptr (GFile) slow = new_slow_file (path);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autofree char *contents = NULL;
  ThWindow *closed;
  gsize length;
  int fd;

  g_assert_true (g_file_load_contents (laptop_2, NULL, &contents, &length, NULL, NULL));
  open_workshop (f);
  session = g_object_ref (th_window_get_session (f->window));
  closed = f->window;
  g_list_store_append (files, laptop_2);
  g_list_store_append (files, slow);

  /* The window closes while the second file is read. */
  th_window_merge_files_async (f->window, G_LIST_MODEL (files), keep_result_cb, &result);
  fd = open_fifo_writer (path);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;

  /* The file arrives after the window has gone (or the reader, told to
   * stop, closes the pipe first): nothing is merged, not even the file
   * read before, and nobody is told. */
  feed_fifo (fd, contents, length);
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_null (th_window_merge_files_finish (closed, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);
  g_assert_false (is_participant_named (session, "Eve"));
  g_assert_null (th_window_get_last_error (closed));
}

/* Files without a local path ------------------------------------------------- */

/* Where a file chooser can leave a file that GIO reaches but cannot write
 * to, nor read: a program's own resources, a scheme nothing handles. */
#define RESOURCE_FOLDER "resource:///io/github/twohats/TwoHats"

static gboolean
is_label_with (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static void
test_files_without_a_local_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) resource_csv = g_file_new_for_uri (RESOURCE_FOLDER "/scores.csv");
  g_autoptr (GFile) resource_session = g_file_new_for_uri (RESOURCE_FOLDER "/copy.twohats");
  g_autoptr (GFile) nowhere = g_file_new_for_uri ("nowhere://host/laptop-3.twohats");
  g_autoptr (GFile) csv_backing = g_file_new_build_filename (f->dir, "scores.csv", NULL);
  g_autoptr (GFile) copy_backing = g_file_new_build_filename (f->dir, "copy.twohats", NULL);
  g_autoptr (GFile) remote_csv = th_test_remote_file_new (csv_backing, FALSE);
  g_autoptr (GFile) remote_copy = th_test_remote_file_new (copy_backing, FALSE);
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_null (g_file_get_path (resource_csv));
  g_assert_null (g_file_get_path (nowhere));
  g_assert_null (g_file_get_path (remote_csv));
  open_workshop (f);

  /* Export Scores as CSV: said plainly where GIO cannot write, written
   * through GIO where it can. */
  g_assert_false (th_window_export_csv (f->window, resource_csv, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "“scores.csv” can only be saved to a local folder");
  g_clear_error (&error);
  g_assert_true (th_window_export_csv (f->window, remote_csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (csv_backing, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "id,name,leadership,management,quadrant"));
  g_assert_nonnull (strstr (contents, ",Ana,"));
  g_clear_pointer (&contents, g_free);

  /* Merge Results From…: a file that cannot be read is reported, and the
   * session stays as it was. */
  g_assert_false (th_window_merge_file (f->window, nowhere, report));
  g_assert_cmpstr (report->str, ==,
                   "laptop-3.twohats: not merged — “laptop-3.twohats” can only be opened from "
                   "a local folder\n");
  g_assert_cmpuint (th_session_get_n_participants (th_window_get_session (f->window)), ==, 2);

  /* Open: the same, and what is open stays. */
  g_assert_false (th_window_open_file (f->window, nowhere));
  g_assert_cmpstr (th_window_get_last_error (f->window), ==,
                   "“laptop-3.twohats” can only be opened from a local folder");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Offsite");

  /* Save As: refused plainly, the workshop keeps its file; then saved
   * through GIO, and merged back from there. */
  g_assert_false (th_window_save_as (f->window, resource_session));
  g_assert_cmpstr (th_window_get_last_error (f->window), ==,
                   "“copy.twohats” can only be saved to a local folder");
  g_assert_true (g_file_equal (th_document_get_file (th_window_get_document (f->window)), f->file));
  g_assert_true (th_window_save_as (f->window, remote_copy));
  g_assert_true (
    g_file_equal (th_document_get_file (th_window_get_document (f->window)), remote_copy));
  {
    g_autoptr (ThSession) on_disk = th_session_new_from_file (copy_backing, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (th_session_get_title (on_disk), ==, "Offsite");
    g_assert_cmpuint (th_session_get_n_participants (on_disk), ==, 2);
  }
  g_string_truncate (report, 0);
  g_assert_true (th_window_merge_file (f->window, remote_copy, report));
  g_assert_nonnull (strstr (report->str, "copy.twohats: 2 participants added"));
}

static void
test_save_where_it_cannot_be_written (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) read_only = th_test_remote_file_new (f->file, TRUE);
  GtkWidget *bar_label;

  /* Opened from a place that can be read but not written (as a read-only
   * network share is), then changed: the autosave fails, and says why. */
  g_assert_true (th_window_open_file (f->window, read_only));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  th_workshop_view_focus_board (th_window_get_workshop_view (f->window));
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (th_window_get_session (f->window), "p1", behaviour_id (f, 0)), ==,
                   TH_SIDE_LEADERSHIP);

  /* Ctrl+S: the same words, in a dialog. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_cmpstr (th_window_get_last_error (f->window), ==,
                   "“offsite.twohats” can only be saved to a local folder");
  bar_label = find_widget (GTK_WIDGET (f->window), is_label_with,
                           "could not be saved: “offsite.twohats” can only be saved to a local "
                           "folder. Every answer is kept");
  g_assert_nonnull (bar_label);
  g_assert_false (th_document_get_saved (th_window_get_document (f->window)));
}

int
main (int argc, char *argv[])
{
  /* A pipe whose reader has gone says so with EPIPE, not by ending the
   * test (see feed_fifo()). */
  signal (SIGPIPE, SIG_IGN);
  gtk_test_init (&argc, &argv, NULL);

  /* These tests walk the behaviour cards by their place in the deck, so
   * the boards show them in deck order (the settings live in memory, for
   * this process alone); test-card-order tests each participant's own
   * order, which is the default. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_boolean (settings, "cards-in-deck-order", TRUE);
  }

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/workshop/sort-whole-deck-by-keyboard", test_sort_whole_deck_by_keyboard);
  ADD ("/ui/workshop/drop-onto-columns", test_drop_onto_columns);
  ADD ("/ui/workshop/undo-and-redo", test_undo_and_redo);
  ADD ("/ui/workshop/rating-keys", test_rating_keys);
  ADD ("/ui/workshop/fast-entry", test_fast_entry);
  ADD ("/ui/workshop/phase-stepper", test_phase_stepper);
  ADD ("/ui/workshop/new-workshop-typed-names", test_new_workshop_with_typed_names);
  ADD ("/ui/workshop/typing-participants", test_typing_participants_in_the_sidebar);
  ADD ("/ui/workshop/broken-file-keeps-session", test_broken_file_keeps_open_session);
  ADD ("/ui/workshop/autosave-after-key", test_autosave_right_after_the_key);
  ADD ("/ui/workshop/recovery-offered", test_recovery_offered_at_next_start);
  ADD ("/ui/workshop/privacy-screen", test_privacy_screen);
  ADD ("/ui/workshop/reveal", test_reveal);
  ADD ("/ui/workshop/reveal-overview-made-when-shown", test_reveal_overview_made_when_shown);
  ADD ("/ui/workshop/merge", test_merge);
  ADD ("/ui/workshop/self-study-resumes", test_self_study_resumes);
  ADD ("/ui/workshop/csv-follows-anonymous-switch", test_csv_follows_anonymous_switch);
  ADD ("/ui/workshop/open-off-main-thread", test_open_reads_off_the_main_thread);
  ADD ("/ui/workshop/open-given-up-on-close", test_open_given_up_when_the_window_closes);
  ADD ("/ui/workshop/open-in-another-window", test_open_in_another_window);
  ADD ("/ui/workshop/open-fifo-refused", test_open_fifo_refused);
  ADD ("/ui/workshop/export-given-up-on-close", test_export_given_up_when_the_window_closes);
  ADD ("/ui/workshop/chart-export-given-up-on-close",
       test_chart_export_given_up_when_the_window_closes);
  ADD ("/ui/workshop/busy-while-saving", test_busy_while_a_save_is_in_flight);
  ADD ("/ui/workshop/busy-while-exporting", test_busy_while_an_export_is_in_flight);
  ADD ("/ui/workshop/close-finishes-the-save", test_close_finishes_the_save);
  ADD ("/ui/workshop/recovery-list-after-scan", test_recovery_list_fills_after_its_scan);
  ADD ("/ui/workshop/welcome-page-says-it-is-looking", test_welcome_page_says_it_is_looking);
  ADD ("/ui/workshop/open-session-given-up-on-close",
       test_open_session_given_up_when_the_window_closes);
  ADD ("/ui/workshop/merge-off-main-thread", test_merge_reads_off_the_main_thread);
  ADD ("/ui/workshop/merge-given-up-on-close", test_merge_given_up_when_the_window_closes);
  ADD ("/ui/workshop/files-without-local-path", test_files_without_a_local_path);
  ADD ("/ui/workshop/save-not-writable", test_save_where_it_cannot_be_written);
#undef ADD

  return g_test_run ();
}
