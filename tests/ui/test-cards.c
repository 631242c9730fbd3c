/* test-cards.c: the card browser and presenter mode, driven as a person would
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-card-view.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  ThCardBrowser *browser;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* Every test starts with nothing seen, and no self-study progress. */
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  g_unlink (self_study);
  g_settings_reset (settings, "cards-seen");
  g_settings_reset (settings, "presenter-monitor");

  f->window = th_test_new_window (&f->app);
  f->browser = th_window_get_card_browser (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

static void
start_self_study (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.self-study", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
test_welcome_then_self_study (Fixture *f, gconstpointer data)
{
  ThConcept *first;

  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");

  start_self_study (f);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");

  first = th_card_browser_get_current (f->browser);
  g_assert_nonnull (first);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==, 0);
  g_assert_cmpuint (th_card_browser_get_n_visible (f->browser), >=, 20);
  /* Showing a card counts it as seen. */
  g_assert_cmpuint (th_card_browser_get_n_seen (f->browser), ==, 1);
}

static void
test_space_and_enter_flip_the_card (Fixture *f, gconstpointer data)
{
  GtkWidget *card;

  start_self_study (f);
  card = th_card_browser_get_current_card (f->browser);
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_false (th_card_view_get_flipped (TH_CARD_VIEW (card)));

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_space, 0);
  g_assert_true (th_card_view_get_flipped (TH_CARD_VIEW (card)));
  g_assert_true (th_card_browser_get_flipped (f->browser));

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0);
  g_assert_false (th_card_view_get_flipped (TH_CARD_VIEW (card)));
}

static void
test_arrow_keys_move_between_cards (Fixture *f, gconstpointer data)
{
  ThConcept *first;
  ThConcept *second;

  start_self_study (f);
  first = th_card_browser_get_current (f->browser);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Right, 0);
  second = th_card_browser_get_current (f->browser);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==, 1);
  g_assert_true (first != second);
  g_assert_cmpuint (th_card_browser_get_n_seen (f->browser), ==, 2);

  /* The keyboard follows to the new card, so Space turns it over. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_space, 0);
  g_assert_true (
    th_card_view_get_flipped (TH_CARD_VIEW (th_card_browser_get_current_card (f->browser))));

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Left, 0);
  g_assert_true (th_card_browser_get_current (f->browser) == first);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_End, 0);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==,
                    th_card_browser_get_n_visible (f->browser) - 1);
  /* Past the end nothing moves. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==,
                    th_card_browser_get_n_visible (f->browser) - 1);
}

static void
test_filter_by_side (Fixture *f, gconstpointer data)
{
  guint all;
  guint leadership;

  start_self_study (f);
  all = th_card_browser_get_n_visible (f->browser);

  gtk_widget_activate_action (GTK_WIDGET (f->browser), "cards.filter", "s", "leadership");
  leadership = th_card_browser_get_n_visible (f->browser);
  g_assert_cmpuint (leadership, >, 0);
  g_assert_cmpuint (leadership, <, all);
  for (guint i = 0; i < leadership; i++)
    {
      g_assert_cmpint (th_concept_get_side (th_card_browser_get_current (f->browser)), ==,
                       TH_SIDE_LEADERSHIP);
      th_card_browser_next (f->browser);
    }

  gtk_widget_activate_action (GTK_WIDGET (f->browser), "cards.filter", "s", "both");
  g_assert_cmpint (th_concept_get_side (th_card_browser_get_current (f->browser)), ==,
                   TH_SIDE_BOTH);

  /* Going to a section the filter hides keeps the filter, and shows no
   * card of another section in its place. */
  th_card_browser_go_to_section (f->browser, "what-is-management");
  g_assert_cmpstr (th_card_browser_get_filter (f->browser), ==, "both");
  g_assert_null (th_card_browser_get_current (f->browser));
}

/* Whether a label under @root reads @text and is on screen. */
static gboolean
shows_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i])
        && g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

/* The row of the sections' sidebar that reads @title. */
static GtkListBoxRow *
find_section_row (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (f->browser), GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (shows_label (rows->pdata[i], title))
      return rows->pdata[i];
  g_error ("no section row reads “%s”", title);
}

/* What a click on a row of a GtkListBox does: the row is selected, then
 * the list's ::row-activated runs. */
static void
click_section (Fixture *f, const char *title)
{
  GtkListBoxRow *row = find_section_row (f, title);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));

  gtk_list_box_select_row (GTK_LIST_BOX (list), row);
  g_signal_emit_by_name (list, "row-activated", row);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static ThConcept *
concept_by_id (Fixture *f, const char *id)
{
  GListModel *concepts = th_deck_get_concepts (th_card_browser_get_deck (f->browser));

  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);

      if (g_strcmp0 (th_concept_get_id (concept), id) == 0)
        return concept;
    }
  g_error ("no concept %s", id);
}

static gboolean
section_selected (Fixture *f, const char *title)
{
  GtkListBoxRow *row = find_section_row (f, title);

  return gtk_list_box_row_is_selected (row);
}

static void
test_section_with_filter (Fixture *f, gconstpointer data)
{
  guint n_seen;

  start_self_study (f);
  gtk_widget_activate_action (GTK_WIDGET (f->browser), "cards.filter", "s", "management");
  g_assert_cmpstr (th_concept_get_id (th_card_browser_get_current (f->browser)), ==,
                   "what-is-management");
  n_seen = th_card_browser_get_n_seen (f->browser);

  /* "When each is needed" opens with two Leadership cards: the first
   * Management card of it is shown, and only that one counts as seen. */
  click_section (f, "When each is needed");
  g_assert_cmpstr (th_card_browser_get_filter (f->browser), ==, "management");
  g_assert_cmpstr (th_concept_get_id (th_card_browser_get_current (f->browser)), ==,
                   "carrying-out-a-project");
  g_assert_true (section_selected (f, "When each is needed"));
  g_assert_cmpuint (th_card_browser_get_n_seen (f->browser), ==, n_seen + 1);
  g_assert_true (th_card_browser_is_seen (f->browser, concept_by_id (f, "carrying-out-a-project")));
  g_assert_false (th_card_browser_is_seen (f->browser, concept_by_id (f, "times-of-change")));

  /* The carousel's own page change comes after the click; it must not
   * take the browser elsewhere. */
  th_test_spin (300);
  g_assert_cmpstr (th_concept_get_id (th_card_browser_get_current (f->browser)), ==,
                   "carrying-out-a-project");
  g_assert_true (section_selected (f, "When each is needed"));

  /* "Where they differ" has only cards for both hats: the filter stays,
   * the section is highlighted, no card is shown or counted, and the
   * page says why. */
  click_section (f, "Where they differ");
  th_test_spin (300);
  g_assert_cmpstr (th_card_browser_get_filter (f->browser), ==, "management");
  g_assert_null (th_card_browser_get_current (f->browser));
  g_assert_true (section_selected (f, "Where they differ"));
  g_assert_cmpuint (th_card_browser_get_n_seen (f->browser), ==, n_seen + 1);
  g_assert_true (
    shows_label (GTK_WIDGET (f->browser), "No card in “Where they differ” is a Management card."));

  /* The next section with a Management card brings the cards back. */
  click_section (f, "Practising both");
  g_assert_cmpstr (th_concept_get_id (th_card_browser_get_current (f->browser)), ==,
                   "organizational-skills");
  g_assert_true (section_selected (f, "Practising both"));
  g_assert_false (
    shows_label (GTK_WIDGET (f->browser), "No card in “Where they differ” is a Management card."));
  g_assert_true (gtk_widget_get_mapped (th_card_browser_get_current_card (f->browser)));
}

static void
test_seen_cards_are_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto (GStrv) seen = NULL;
  ThCardBrowser *again;

  start_self_study (f);
  th_card_browser_next (f->browser);
  th_card_browser_next (f->browser);
  g_assert_cmpuint (th_card_browser_get_n_seen (f->browser), ==, 3);

  seen = g_settings_get_strv (settings, "cards-seen");
  g_assert_cmpuint (g_strv_length (seen), ==, 3);
  g_assert_true (g_str_has_prefix (seen[0], "leadership-management/"));

  /* A fresh browser (the next run) starts with what was seen. */
  again = TH_CARD_BROWSER (g_object_ref_sink (th_card_browser_new ()));
  th_card_browser_set_settings (again, settings);
  th_card_browser_set_deck (again, th_card_browser_get_deck (f->browser));
  g_assert_cmpuint (th_card_browser_get_n_seen (again), ==, 3);
  g_object_unref (again);
}

static gboolean
presenter_gone (gpointer data)
{
  return th_window_get_presenter (data) == NULL;
}

static void
test_presenter_mode (Fixture *f, gconstpointer data)
{
  ThPresenterWindow *presenter;

  start_self_study (f);

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  presenter = th_window_get_presenter (f->window);
  g_assert_nonnull (presenter);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (presenter));
  g_assert_true (th_presenter_window_get_concept (presenter)
                 == th_card_browser_get_current (f->browser));

  /* A clicker's Page Down on the projector moves both windows on. */
  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Page_Down, 0);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==, 1);
  g_assert_true (th_presenter_window_get_concept (presenter)
                 == th_card_browser_get_current (f->browser));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_space, 0);
  g_assert_true (th_presenter_window_get_flipped (presenter));
  g_assert_true (th_card_browser_get_flipped (f->browser));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Page_Up, 0);
  g_assert_cmpuint (th_card_browser_get_position (f->browser), ==, 0);

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_b, 0);
  g_assert_true (th_presenter_window_get_blanked (presenter));
  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_b, 0);
  g_assert_false (th_presenter_window_get_blanked (presenter));

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_t, 0);
  g_assert_true (th_presenter_window_get_timer_running (presenter));
  g_assert_cmpint (th_presenter_window_get_timer_remaining (presenter), >, 0);

  th_test_press_key (GTK_WINDOW (presenter), GDK_KEY_Escape, 0);
  g_assert_true (th_test_wait_until (presenter_gone, f->window, 2000));

  /* Esc in the facilitator's window leaves too. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F5, 0);
  g_assert_nonnull (th_window_get_presenter (f->window));
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Escape, 0);
  g_assert_true (th_test_wait_until (presenter_gone, f->window, 2000));
}

static void
test_open_deck_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) good = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "deck-small.twohats-deck", NULL));
  g_autoptr (GFile) broken = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "deck-bad-key.json", NULL));
  ThDeck *before;

  start_self_study (f);
  before = th_card_browser_get_deck (f->browser);

  /* A broken deck says what is wrong and where, and changes nothing. */
  g_assert_false (th_window_open_file (f->window, broken));
  g_assert_nonnull (th_window_get_last_error (f->window));
  g_assert_nonnull (strstr (th_window_get_last_error (f->window), "behaviours[0].key"));
  g_assert_true (th_card_browser_get_deck (f->browser) == before);

  g_assert_true (th_window_open_file (f->window, good));
  g_assert_true (th_card_browser_get_deck (f->browser) != before);
  g_assert_cmpstr (th_deck_get_id (th_card_browser_get_deck (f->browser)), ==, "small-deck");
  g_assert_cmpuint (th_card_browser_get_n_visible (f->browser), ==, 2);
}

/* A file of another program says first, in the dialog, that it is no Two
 * Hats file; then what is wrong and where. */
static void
test_open_not_two_hats (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) shopping = g_file_new_for_path (
    g_test_get_filename (G_TEST_DIST, "fixtures", "loader-shopping-list.txt", NULL));
  static const char message[] = "This is not a Two Hats workshop or card deck. Line 1, column 8: "
                                "this is not valid JSON.";
  AdwMessageDialog *dialog = NULL;

  start_self_study (f);
  g_assert_false (th_window_open_file (f->window, shopping));
  g_assert_cmpstr (th_window_get_last_error (f->window), ==, message);
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “loader-shopping-list.txt”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, message);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_card_accessibility (Fixture *f, gconstpointer data)
{
  GtkWidget *card;
  g_autofree char *expected = NULL;

  start_self_study (f);
  card = th_card_browser_get_current_card (f->browser);
  expected = g_strdup_printf ("%s card: %s", "Both hats",
                              th_concept_get_title (th_card_browser_get_current (f->browser)));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_BUTTON);
  if (th_concept_get_side (th_card_browser_get_current (f->browser)) == TH_SIDE_BOTH)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         expected);
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    th_concept_get_summary (th_card_browser_get_current (f->browser)));
  th_card_browser_flip (f->browser);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    th_concept_get_detail (th_card_browser_get_current (f->browser)));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/cards/welcome-then-self-study", test_welcome_then_self_study);
  ADD ("/ui/cards/space-and-enter-flip", test_space_and_enter_flip_the_card);
  ADD ("/ui/cards/arrow-keys-move", test_arrow_keys_move_between_cards);
  ADD ("/ui/cards/filter-by-side", test_filter_by_side);
  ADD ("/ui/cards/section-with-filter", test_section_with_filter);
  ADD ("/ui/cards/seen-remembered", test_seen_cards_are_remembered);
  ADD ("/ui/cards/presenter-mode", test_presenter_mode);
  ADD ("/ui/cards/open-deck-file", test_open_deck_file);
  ADD ("/ui/cards/accessibility", test_card_accessibility);
  ADD ("/ui/cards/open-not-two-hats", test_open_not_two_hats);
#undef ADD

  return g_test_run ();
}
