/* test-pass-the-laptop.c: with Pass the Laptop on, nobody sees another
 * person's board
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  char *dir;
  /* Ana, Ben and Cy.  Ana has sorted every card but the last under
   * Leadership; Ben has sorted the first three under Management. */
  GFile *file;
  ThDeck *deck;
  guint n_cards;
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

static const char *
behaviour_id (Fixture *f, guint position)
{
  return th_behaviour_get_id (th_deck_get_behaviour (f->deck, position));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autofree char *two_hats = g_build_filename (g_get_user_data_dir (), "two-hats", NULL);

  /* A recovery copy an earlier run left would show on the welcome page. */
  remove_tree (two_hats);
  /* Pass the Laptop is remembered: each test starts with it off. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_reset (settings, "pass-the-laptop");
  }

  f->dir = g_dir_make_tmp ("test-pass-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "offsite.twohats", NULL);
  f->deck = th_deck_new_builtin ();
  f->n_cards = th_deck_get_n_behaviours (f->deck);
  g_assert_cmpuint (f->n_cards, >, 4);

  session = th_session_new (f->deck);
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_nonnull (th_session_add_participant (session, "Ben", NULL));
  g_assert_nonnull (th_session_add_participant (session, "Cy", NULL));
  for (guint i = 0; i + 1 < f->n_cards; i++)
    g_assert_true (
      th_session_set_sort (session, "p1", behaviour_id (f, i), TH_SIDE_LEADERSHIP, NULL));
  for (guint i = 0; i < 3; i++)
    g_assert_true (
      th_session_set_sort (session, "p2", behaviour_id (f, i), TH_SIDE_MANAGEMENT, NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *two_hats = g_build_filename (g_get_user_data_dir (), "two-hats", NULL);

  if (f->window != NULL)
    th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
  remove_tree (two_hats);
}

/* Opens the workshop on Ana's sort board, then switches Pass the Laptop
 * on (or leaves it off) as the facilitator would. */
static ThWorkshopView *
open_workshop (Fixture *f, gboolean pass_the_laptop)
{
  ThWorkshopView *view;

  g_assert_true (th_window_open_file (f->window, f->file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = th_window_get_workshop_view (f->window);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  th_workshop_view_set_pass_the_laptop (view, pass_the_laptop);
  th_workshop_view_focus_board (view);
  return view;
}

static void
press (Fixture *f, guint keyval, GdkModifierType modifiers)
{
  th_test_press_key (GTK_WINDOW (f->window), keyval, modifiers);
}

static ThParticipant *
participant (Fixture *f, const char *id)
{
  return th_session_lookup_participant (th_window_get_session (f->window), id);
}

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

/* The status page a person reads, by its title. */
static gboolean
is_status_page_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_child_visible (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
sort_board_hidden (gpointer view)
{
  return !gtk_widget_get_mapped (
    GTK_WIDGET (th_workshop_view_get_sort_board (TH_WORKSHOP_VIEW (view))));
}

static gboolean
undo_button_shown (gpointer window)
{
  return find_widget (GTK_WIDGET (window), is_button_labelled, "_Undo") != NULL;
}

/* Only the lock screen titled @title is on screen, for participant @id:
 * not the board. */
static void
assert_locked_for (Fixture *f, ThWorkshopView *view, const char *id, const char *title)
{
  g_assert_true (th_workshop_view_get_selected_participant (view) == participant (f, id));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "privacy");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_status_page_titled, title));
  g_assert_true (th_test_wait_until (sort_board_hidden, view, th_test_timeout (2000)));
}

static void
test_selecting_shows_the_lock_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);

  /* As a click on Ben in the sidebar. */
  th_workshop_view_select_participant (view, participant (f, "p2"));
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");
  g_assert_nonnull (
    find_widget (GTK_WIDGET (view), is_button_labelled, "I Am Ben — Show My Board"));

  /* Enter on the button starts Ben's board, and his keys work at once. */
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  press (f, GDK_KEY_m, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p2")), ==, 4);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p1")), ==, f->n_cards - 1);
}

static void
test_removing_the_shown_person_shows_the_lock_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.remove", "s", "p1");
  g_assert_null (participant (f, "p1"));
  /* Ben takes Ana's place in the list, but his board waits for him. */
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");
}

static void
test_undo_redo_changing_person (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  ThParticipant *ana = participant (f, "p1");
  ThParticipant *ben = participant (f, "p2");

  /* Ben sorts a card on his board, then the laptop goes back to Ana. */
  th_workshop_view_select_participant (view, ben);
  press (f, GDK_KEY_Return, 0);
  press (f, GDK_KEY_l, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 4);
  th_workshop_view_select_participant (view, ana);
  assert_locked_for (f, view, "p1", "Pass the Laptop to Ana");
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");

  /* On Ana's turn, Ctrl+Z does not reach Ben's card: Ana takes back only
   * her own answers, and her board stays. */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 4);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  g_assert_true (th_workshop_view_get_selected_participant (view) == ana);

  /* Ana's own card, though, comes back at once. */
  press (f, GDK_KEY_l, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "handover");
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards - 1);

  /* Behind a lock screen (the facilitator's moment), Ctrl+Z takes back
   * Ben's card: Ben's board is the one that changes, and it stays behind
   * the lock screen. */
  th_workshop_view_select_participant (view, ben);
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 3);
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");

  /* From Ana's board again, Shift+Ctrl+Z does not sort Ben's card again;
   * behind Ben's lock screen it does, and his board stays covered. */
  th_workshop_view_select_participant (view, ana);
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 3);
  th_workshop_view_select_participant (view, ben);
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 4);
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards - 1);
}

/* From the hand-over screen the facilitator goes on to the reveal, which
 * is the group's and shows nobody's own answers, and from there to the
 * reflect, whose boards are personal again and open behind the lock. */
static void
test_phases_from_the_hand_over_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  ThSession *session = th_window_get_session (f->window);
  ThRevealBoard *reveal = th_workshop_view_get_reveal_board (view);

  /* Ana sorts her last card: the hand-over screen. */
  press (f, GDK_KEY_l, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "handover");

  /* Alt+2: the group's reveal, with no lock and no one's score. */
  press (f, GDK_KEY_2, GDK_ALT_MASK);
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_REVEAL);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
  g_assert_null (th_reveal_board_get_accuracy_text (reveal));

  /* Choosing someone in the reveal shows no lock and no score either. */
  th_workshop_view_select_participant (view, participant (f, "p2"));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reveal");
  g_assert_null (th_reveal_board_get_accuracy_text (reveal));

  /* Alt+3: the reflect board is Ben's own, behind the lock screen. */
  press (f, GDK_KEY_3, GDK_ALT_MASK);
  g_assert_cmpint (th_session_get_phase (session), ==, TH_PHASE_REFLECT);
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");

  /* With Pass the Laptop off, the reveal shows the chosen person's own
   * answers beside the group's again. */
  press (f, GDK_KEY_2, GDK_ALT_MASK);
  th_workshop_view_set_pass_the_laptop (view, FALSE);
  g_assert_nonnull (th_reveal_board_get_accuracy_text (reveal));
}

/* Once everyone has sorted, the hand-over screen tells the facilitator
 * where to go next rather than to pick someone. */
static void
test_everyone_sorted_says_what_next (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  GtkWidget *page;

  /* Ana's last card, then Ben's remaining ones, then all of Cy's. */
  press (f, GDK_KEY_l, 0);
  press (f, GDK_KEY_Return, 0);
  for (guint i = 3; i < f->n_cards; i++)
    press (f, GDK_KEY_l, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p2")), ==, f->n_cards);
  press (f, GDK_KEY_Return, 0);
  g_assert_true (th_workshop_view_get_selected_participant (view) == participant (f, "p3"));
  for (guint i = 0; i < f->n_cards; i++)
    press (f, GDK_KEY_m, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p3")), ==, f->n_cards);

  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "handover");
  page = find_widget (GTK_WIDGET (view), is_status_page_titled, "Thank You, Cy");
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "Everyone has sorted the cards. Go on to 2 · Reveal (Alt+2) to discuss them "
                   "with the group.");
}

/* Pass the Laptop is remembered: a workshop passed round and opened again,
 * in a window of its own, starts behind the lock screen. */
static void
test_reopened_behind_the_lock (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);

  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  f->window = th_test_new_window (&f->app);

  g_assert_true (th_window_open_file (f->window, f->file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = th_window_get_workshop_view (f->window);
  g_assert_true (th_workshop_view_get_pass_the_laptop (view));
  assert_locked_for (f, view, "p1", "Pass the Laptop to Ana");
}

/* The vertical position of the reflect board's list. */
static double
reflect_scrolled_to (ThWorkshopView *view)
{
  g_autoptr (GPtrArray) scrollers = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (th_workshop_view_get_reflect_board (view)),
                           GTK_TYPE_SCROLLED_WINDOW, scrollers);
  g_assert_cmpuint (scrollers->len, ==, 1);
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]));
}

/* Ana rates every card, which scrolls her list down to its end; Ben's
 * list then starts at the top, with the heading and the scale in view. */
static void
test_next_reflect_board_starts_at_the_top (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  ThParticipant *ana = participant (f, "p1");

  press (f, GDK_KEY_3, GDK_ALT_MASK);
  assert_locked_for (f, view, "p1", "Pass the Laptop to Ana");
  press (f, GDK_KEY_Return, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");
  for (guint i = 0; i + 1 < f->n_cards; i++)
    press (f, GDK_KEY_3, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  /* Well down the list by now. */
  g_assert_cmpfloat (reflect_scrolled_to (view), >, 100.0);

  /* The last card: the hand-over screen, then Ben. */
  press (f, GDK_KEY_3, 0);
  g_assert_cmpuint (th_participant_get_n_rated (ana), ==, f->n_cards);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "handover");
  press (f, GDK_KEY_Return, 0);
  g_assert_true (th_workshop_view_get_selected_participant (view) == participant (f, "p2"));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (reflect_scrolled_to (view), ==, 0.0);
}

/* "I Am Ana — Show My Board" clicked with the mouse: the card the keys
 * act on is highlighted at once, as after a key press. */
static void
test_board_after_a_click_shows_its_focus (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  GtkWidget *button;

  th_workshop_view_select_participant (view, participant (f, "p2"));
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");
  button = find_widget (GTK_WIDGET (view), is_button_labelled, "I Am Ben — Show My Board");
  g_assert_nonnull (button);
  /* A click: GTK hides focus rings after pointer input. */
  gtk_window_set_focus_visible (GTK_WINDOW (f->window), FALSE);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (th_workshop_view_get_sort_board (view))));
}

static void
test_finishing_shows_the_hand_over_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  ThParticipant *ana = participant (f, "p1");

  /* Ana sorts her last card. */
  press (f, GDK_KEY_l, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);

  /* Her answers go from the screen: a thank-you that names only the next
   * person. */
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "handover");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_status_page_titled, "Thank You, Ana"));
  g_assert_true (th_test_wait_until (sort_board_hidden, view, th_test_timeout (2000)));
  g_assert_nonnull (
    find_widget (GTK_WIDGET (view), is_button_labelled, "I Am Ben — Show My Board"));

  /* Keys meant for the board change nothing behind the screen. */
  press (f, GDK_KEY_u, 0);
  press (f, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);

  /* Enter: Ben's board, with no second screen in between. */
  press (f, GDK_KEY_Return, 0);
  g_assert_true (th_workshop_view_get_selected_participant (view) == participant (f, "p2"));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  press (f, GDK_KEY_m, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p2")), ==, 4);
}

static gboolean
is_fast_entry_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Type In Paper Results") == 0;
}

static void
test_fast_entry_shows_the_lock_screen (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  GtkWidget *button = find_widget (GTK_WIDGET (view), is_fast_entry_button, NULL);

  /* Fast entry shows ratings too: a click on its button covers the board
   * first. */
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  assert_locked_for (f, view, "p1", "Pass the Laptop to Ana");

  press (f, GDK_KEY_Return, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "fast-entry");
}

static void
test_keys_do_nothing_while_locked (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);

  th_workshop_view_select_participant (view, participant (f, "p2"));
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");

  press (f, GDK_KEY_l, 0);
  press (f, GDK_KEY_m, 0);
  press (f, GDK_KEY_u, 0);
  press (f, GDK_KEY_3, 0);

  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p1")), ==, f->n_cards - 1);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p2")), ==, 3);
  g_assert_cmpuint (th_participant_get_n_sorted (participant (f, "p3")), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (participant (f, "p2")), ==, 0);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "privacy");
}

static void
test_removal_is_a_step_of_undo (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, TRUE);
  ThSession *session = th_window_get_session (f->window);
  g_autoptr (ThParticipant) ben = g_object_ref (participant (f, "p2"));
  ThParticipant *ana = participant (f, "p1");

  /* Ana sorts her last card; then Ben is removed. */
  press (f, GDK_KEY_l, 0);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);
  g_assert_cmpuint (th_participant_get_number (ben), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.remove", "s", "p2");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);

  /* Ctrl+Z: Ben is back where he was, the same person with his number and
   * his answers, and his board waits behind the lock screen. */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  g_assert_true (th_session_get_participant (session, 1) == ben);
  g_assert_cmpstr (th_participant_get_id (ben), ==, "p2");
  g_assert_cmpuint (th_participant_get_number (ben), ==, 2);
  g_assert_cmpuint (th_participant_get_n_sorted (ben), ==, 3);
  g_assert_cmpint (th_participant_get_rating (ben, behaviour_id (f, 0)), ==, 0);
  assert_locked_for (f, view, "p2", "Pass the Laptop to Ben");

  /* A second Ctrl+Z takes back the step before: Ana's last card. */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards - 1);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  assert_locked_for (f, view, "p1", "Pass the Laptop to Ana");

  /* Shift+Ctrl+Z twice: Ana's card again, then Ben removed again. */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);
  g_assert_null (participant (f, "p2"));
}

static void
test_toast_undo_is_ctrl_z (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f, FALSE);
  ThSession *session = th_window_get_session (f->window);
  g_autoptr (ThParticipant) ben = g_object_ref (participant (f, "p2"));
  ThParticipant *ana = participant (f, "p1");

  press (f, GDK_KEY_l, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.remove", "s", "p2");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);

  /* The toast's Undo brings Ben back where he was… */
  g_assert_true (th_test_wait_until (undo_button_shown, f->window, th_test_timeout (2000)));
  g_signal_emit_by_name (find_widget (GTK_WIDGET (f->window), is_button_labelled, "_Undo"),
                         "clicked");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  g_assert_true (th_session_get_participant (session, 1) == ben);
  g_assert_cmpuint (th_participant_get_number (ben), ==, 2);

  /* …as a step of the same history: Ctrl+Z now takes back Ana's card,
   * and Shift+Ctrl+Z twice does both again. */
  press (f, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards - 1);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  press (f, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (th_participant_get_n_sorted (ana), ==, f->n_cards);
  g_assert_null (participant (f, "p2"));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/pass-the-laptop/selecting-shows-lock", test_selecting_shows_the_lock_screen);
  ADD ("/ui/pass-the-laptop/removing-shows-lock",
       test_removing_the_shown_person_shows_the_lock_screen);
  ADD ("/ui/pass-the-laptop/undo-redo-shows-lock", test_undo_redo_changing_person);
  ADD ("/ui/pass-the-laptop/finishing-shows-hand-over", test_finishing_shows_the_hand_over_screen);
  ADD ("/ui/pass-the-laptop/phases-from-hand-over", test_phases_from_the_hand_over_screen);
  ADD ("/ui/pass-the-laptop/reopened-behind-the-lock", test_reopened_behind_the_lock);
  ADD ("/ui/pass-the-laptop/everyone-sorted", test_everyone_sorted_says_what_next);
  ADD ("/ui/pass-the-laptop/focus-shown-after-a-click", test_board_after_a_click_shows_its_focus);
  ADD ("/ui/pass-the-laptop/next-reflect-board-at-the-top",
       test_next_reflect_board_starts_at_the_top);
  ADD ("/ui/pass-the-laptop/fast-entry-shows-lock", test_fast_entry_shows_the_lock_screen);
  ADD ("/ui/pass-the-laptop/keys-do-nothing-while-locked", test_keys_do_nothing_while_locked);
  ADD ("/ui/pass-the-laptop/removal-is-a-step-of-undo", test_removal_is_a_step_of_undo);
  ADD ("/ui/pass-the-laptop/toast-undo-is-ctrl-z", test_toast_undo_is_ctrl_z);
#undef ADD

  return g_test_run ();
}
