/* test-keys-after-mouse.c: every view's keys work right after a mouse action
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-card-view.h"
#include "th-new-workshop-dialog.h"
#include "th-participant-row.h"
#include "th-reflect-row.h"
#include "th-ui-test-utils.h"

/* GTK cannot make pointer events, so each mouse action is done the way
 * the toolkit does it for a click: a button takes the focus when it is
 * pressed (as GtkButton does on a press) and emits ::clicked when it is
 * released; a drop runs the board's own GtkDropTarget.  The keys that
 * follow are real key presses through the X server. */

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  char *dir;
  GFile *file; /* a workshop with Ana and Ben, nothing answered */
  ThDeck *deck;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "cards-seen");
  f->dir = g_dir_make_tmp ("test-keys-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "offsite.twohats", NULL);
  f->deck = th_deck_new_builtin ();

  session = th_session_new (f->deck);
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_nonnull (th_session_add_participant (session, "Ben", NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) recovery = NULL;

  if (f->window != NULL)
    {
      /* A workshop made here keeps a recovery copy; it is not the next
       * test's business. */
      if (th_window_get_document (f->window) != NULL)
        recovery
          = g_object_ref (th_document_get_recovery_file (th_window_get_document (f->window)));
      th_test_destroy_window (GTK_WINDOW (f->window));
    }
  if (recovery != NULL)
    g_file_delete (recovery, NULL, NULL);
  g_clear_object (&f->app);
  g_unlink (g_file_peek_path (f->file));
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
}

static const char *
behaviour_id (Fixture *f, guint position)
{
  return th_behaviour_get_id (th_deck_get_behaviour (f->deck, position));
}

static ThSide
sort_of (Fixture *f, const char *participant_id, guint position)
{
  ThSession *session = th_window_get_session (f->window);
  ThSide side = TH_SIDE_BOTH;

  th_participant_get_sort (th_session_lookup_participant (session, participant_id),
                           behaviour_id (f, position), &side);
  return side;
}

static int
rating_of (Fixture *f, const char *participant_id, guint position)
{
  ThSession *session = th_window_get_session (f->window);

  return th_participant_get_rating (th_session_lookup_participant (session, participant_id),
                                    behaviour_id (f, position));
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

/* Whether a label under @widget reads @text. */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  th_test_collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* The button on screen under @root whose text reads @text: a plain
 * button, a toggle, or a tab of the view switcher. */
static GtkWidget *
find_button (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (buttons->pdata[i]) && has_label (buttons->pdata[i], text))
      return buttons->pdata[i];
  g_error ("no button on screen reads “%s”", text);
}

/* A click as GTK makes one of a press and a release. */
static void
click (Fixture *f, GtkWidget *button)
{
  g_assert_true (gtk_widget_grab_focus (button));
  g_signal_emit_by_name (button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
test_rating_keys_after_the_reflect_tab (Fixture *f, gconstpointer data)
{
  open_workshop (f);

  click (f, find_button (GTK_WIDGET (f->window), "3 · Reflect"));
  g_assert_cmpint (th_session_get_phase (th_window_get_session (f->window)), ==, TH_PHASE_REFLECT);

  /* 1–5 rate the highlighted row (Ana's first) and move on to the next. */
  press (f, GDK_KEY_4);
  g_assert_cmpint (rating_of (f, "p1", 0), ==, 4);
  press (f, GDK_KEY_2);
  g_assert_cmpint (rating_of (f, "p1", 1), ==, 2);

  /* Back to the sort by its tab: L and M work there at once too. */
  click (f, find_button (GTK_WIDGET (f->window), "1 · Sort"));
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_MANAGEMENT);
}

/* The reveal by its tab, then by its own buttons and the participant
 * list: Right, Left and a clicker's Page Down and Page Up walk the
 * cards whatever was clicked last. */
static void
test_reveal_keys_after_clicks (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  ThRevealBoard *board = th_workshop_view_get_reveal_board (view);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  click (f, find_button (GTK_WIDGET (f->window), "2 · Reveal"));
  g_assert_cmpint (th_session_get_phase (th_window_get_session (f->window)), ==, TH_PHASE_REVEAL);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 0);
  g_assert_false (th_reveal_board_get_key_shown (board));

  /* Each card in two steps: the split, then the key. */
  press (f, GDK_KEY_Right);
  g_assert_true (th_reveal_board_get_key_shown (board));
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 1);

  /* After a click on the board's own button. */
  click (f, find_button (GTK_WIDGET (board), "Show the Key"));
  g_assert_true (th_reveal_board_get_key_shown (board));
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 2);
  press (f, GDK_KEY_Left);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 1);

  /* After a click on a participant in the list, the clicker still
   * walks the cards. */
  th_test_collect_widgets (GTK_WIDGET (view), TH_TYPE_PARTICIPANT_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  /* A click on a row of the list view: its item takes the focus, and the
   * list selects it. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (rows->pdata[1])));
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_parent (rows->pdata[1]),
                                             "list.select-item", "(ubb)", 1, FALSE, FALSE));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (th_participant_get_name (th_workshop_view_get_selected_participant (view)), ==,
                   "Ben");
  press (f, GDK_KEY_Page_Down);
  press (f, GDK_KEY_Page_Down);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 2);
  press (f, GDK_KEY_Page_Up);
  g_assert_cmpuint (th_reveal_board_get_position (board), ==, 1);
}

/* The rating of @participant_id for the behaviour of @row. */
static int
rating_of_row (Fixture *f, const char *participant_id, ThReflectRow *row)
{
  ThSession *session = th_window_get_session (f->window);

  return th_participant_get_rating (th_session_lookup_participant (session, participant_id),
                                    th_reflect_row_get_behaviour_id (row));
}

/* Ratings given with the mouse, then with keys: the keys go on after the
 * last row clicked, and change nothing the mouse gave. */
static void
test_rating_keys_after_rating_clicks (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  click (f, find_button (GTK_WIDGET (f->window), "3 · Reflect"));
  th_test_collect_widgets (GTK_WIDGET (th_workshop_view_get_reflect_board (view)),
                           TH_TYPE_REFLECT_ROW, rows);
  g_assert_cmpuint (rows->len, >, 4);

  /* Clicks as GTK makes them on the rating buttons, which do not take
   * the keyboard: 5 on the first row, 1 on the second. */
  g_signal_emit_by_name (find_button (rows->pdata[0], "5"), "clicked");
  g_signal_emit_by_name (find_button (rows->pdata[1], "1"), "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[0]), ==, 5);
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[1]), ==, 1);

  press (f, GDK_KEY_2);
  press (f, GDK_KEY_3);
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[0]), ==, 5);
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[1]), ==, 1);
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[2]), ==, 2);
  g_assert_cmpint (rating_of_row (f, "p1", rows->pdata[3]), ==, 3);
}

/* The GtkDropTarget of the column a card is dropped on. */
static GtkDropTarget *
find_drop_target (GtkWidget *column)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (column);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_error ("the column takes no drops");
}

static void
drop_card (Fixture *f, const char *behaviour, ThSide side)
{
  ThSortBoard *board = th_workshop_view_get_sort_board (th_window_get_workshop_view (f->window));
  GtkDropTarget *target = find_drop_target (th_sort_board_get_column (board, side));
  g_auto (GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, behaviour);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
test_sort_keys_after_a_drag (Fixture *f, gconstpointer data)
{
  open_workshop (f);

  /* The keyboard was on the first card of the pile, which the mouse
   * drags under Leadership: the keys go on with the pile's next card. */
  drop_card (f, behaviour_id (f, 0), TH_SIDE_LEADERSHIP);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_LEADERSHIP);
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (f, "p1", 1), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_LEADERSHIP);

  /* With the keyboard nowhere (a click on the window's empty space), a
   * drag puts it back on the board. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  drop_card (f, behaviour_id (f, 2), TH_SIDE_MANAGEMENT);
  g_assert_cmpint (sort_of (f, "p1", 2), ==, TH_SIDE_MANAGEMENT);
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (f, "p1", 3), ==, TH_SIDE_LEADERSHIP);
}

static void
test_space_after_the_cards_tab (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = th_window_get_card_browser (f->window);

  open_workshop (f);

  click (f, find_button (GTK_WIDGET (f->window), "Cards"));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_false (th_card_browser_get_flipped (browser));
  press (f, GDK_KEY_space);
  g_assert_true (th_card_browser_get_flipped (browser));
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 1);

  /* A click on a filter leaves Space to the card too. */
  click (f, find_button (GTK_WIDGET (browser), "Management"));
  g_assert_cmpstr (th_card_browser_get_filter (browser), ==, "management");
  g_assert_false (th_card_browser_get_flipped (browser));
  press (f, GDK_KEY_space);
  g_assert_true (th_card_browser_get_flipped (browser));

  /* And the Workshop tab puts the keys on the board. */
  click (f, find_button (GTK_WIDGET (f->window), "Workshop"));
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_LEADERSHIP);
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

static void
test_sort_keys_after_a_dialog_closes (Fixture *f, gconstpointer data)
{
  ThNewWorkshopDialog *dialog;

  /* From the welcome page's button, through the dialog's own Create
   * button: the dialog goes, the window is given the keyboard back (by
   * th_test_press_key(), as a window manager does), and the keys sort at
   * once. */
  click (f, find_button (GTK_WIDGET (f->window), "New Workshop…"));
  g_assert_true (th_test_wait_until (new_workshop_dialog_shown, NULL, th_test_timeout (5000)));
  dialog = find_new_workshop_dialog ();
  th_new_workshop_dialog_set_n_anonymous (dialog, 2);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Create"), "clicked");
  g_assert_true (th_test_wait_until (new_workshop_dialog_gone, NULL, th_test_timeout (5000)));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");

  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_LEADERSHIP);
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (f, "p1", 1), ==, TH_SIDE_MANAGEMENT);
}

static gboolean
message_dialog_gone (gpointer data)
{
  AdwMessageDialog *dialog = NULL;

  return !th_test_message_dialog_shown (&dialog);
}

static void
test_keys_after_the_rename_dialog (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  g_autoptr (GPtrArray) menus = g_ptr_array_new ();
  AdwMessageDialog *dialog = NULL;
  GtkWidget *menu = NULL;

  /* The row's menu button takes the keyboard when it is clicked, and
   * keeps it once the dialog it led to is answered. */
  th_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, menus);
  for (guint i = 0; i < menus->len && menu == NULL; i++)
    if (gtk_widget_get_mapped (menus->pdata[i]))
      menu = menus->pdata[i];
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_grab_focus (menu));
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.rename", "s", "p1");
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Anna");
  /* Its Rename button answers and closes it. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Rename"), "clicked");
  g_assert_true (th_test_wait_until (message_dialog_gone, NULL, th_test_timeout (5000)));
  g_assert_cmpstr (
    th_participant_get_name (th_session_get_participant (th_window_get_session (f->window), 0)), ==,
    "Anna");

  /* L and M sort the pile from its top, and the keyboard is on the board
   * from then on: the arrows work too. */
  press (f, GDK_KEY_l);
  g_assert_cmpint (sort_of (f, "p1", 0), ==, TH_SIDE_LEADERSHIP);
  press (f, GDK_KEY_m);
  g_assert_cmpint (sort_of (f, "p1", 1), ==, TH_SIDE_MANAGEMENT);

  /* In the Reflect phase, chosen with Alt+3, 1–5 rate from the first row
   * not rated, even with the keyboard back on the menu button. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_3, GDK_ALT_MASK);
  g_assert_true (gtk_widget_grab_focus (menu));
  press (f, GDK_KEY_5);
  g_assert_cmpint (rating_of (f, "p1", 0), ==, 5);
}

/* A dialog closes after the widget that had the keyboard went away (here
 * taken away while the dialog was up, as when its page is left or its
 * row made again): the window, given the keyboard back, puts it on the
 * view's content, and Space turns the card over. */
static void
test_space_after_a_dialog_on_nothing (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = th_window_get_card_browser (f->window);
  g_autoptr (GFile) broken = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "deck-bad-key.json", NULL));
  AdwMessageDialog *dialog = NULL;
  g_autofree char *progress
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  /* A self-study of its own: an earlier test's progress would be read
   * off the main thread first, and the window would still be on the
   * welcome page here. */
  g_unlink (progress);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");

  g_assert_false (th_window_open_file (f->window, broken));
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Close"), "clicked");
  g_assert_true (th_test_wait_until (message_dialog_gone, NULL, th_test_timeout (5000)));

  g_assert_false (th_card_browser_get_flipped (browser));
  press (f, GDK_KEY_space);
  g_assert_true (th_card_browser_get_flipped (browser));
}

int
main (int argc, char *argv[])
{
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
  ADD ("/ui/keys-after-mouse/reflect-tab", test_rating_keys_after_the_reflect_tab);
  ADD ("/ui/keys-after-mouse/rating-clicks", test_rating_keys_after_rating_clicks);
  ADD ("/ui/keys-after-mouse/sort-drag", test_sort_keys_after_a_drag);
  ADD ("/ui/keys-after-mouse/reveal", test_reveal_keys_after_clicks);
  ADD ("/ui/keys-after-mouse/cards-tab", test_space_after_the_cards_tab);
  ADD ("/ui/keys-after-mouse/dialog-closes", test_sort_keys_after_a_dialog_closes);
  ADD ("/ui/keys-after-mouse/rename-dialog", test_keys_after_the_rename_dialog);
  ADD ("/ui/keys-after-mouse/dialog-on-nothing", test_space_after_a_dialog_on_nothing);
#undef ADD

  return g_test_run ();
}
