/* test-accessibility.c: what a screen reader hears on the workshop boards
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-reflect-board.h"
#include "th-reflect-row.h"
#include "th-sort-board.h"
#include "th-ui-test-utils.h"
#include "th-workshop-view.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  ThSession *session;
  ThWorkshopView *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL);
  f->session = th_window_get_session (f->window);
  g_assert_nonnull (f->session);
  f->view = th_window_get_workshop_view (f->window);
  th_window_set_visible_view (f->window, "workshop");
  th_workshop_view_select_participant (f->view, th_session_get_participant (f->session, 0));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
assert_column (ThSortBoard *board, ThSide side, const char *label)
{
  GtkWidget *list = find_descendant (th_sort_board_get_column (board, side), GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static void
test_sort_board_is_described (Fixture *f, gconstpointer data)
{
  ThSortBoard *board = th_workshop_view_get_sort_board (f->view);
  ThParticipant *participant;
  GtkWidget *list;
  GtkWidget *row;
  const char *id;
  ThSide side;

  /* A board is filled when it comes into view. */
  th_session_set_phase (f->session, TH_PHASE_SORT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  participant = th_sort_board_get_participant (board);
  g_assert_true (participant == th_workshop_view_get_selected_participant (f->view));
  g_assert_nonnull (participant);

  assert_column (board, TH_SIDE_LEADERSHIP, "Sorted under Leadership");
  assert_column (board, TH_SIDE_MANAGEMENT, "Sorted under Management");

  /* Every card reads its behaviour and where it is. */
  list = find_descendant (th_sort_board_get_column (board, TH_SIDE_LEADERSHIP), GTK_TYPE_LIST_BOX);
  row = gtk_widget_get_first_child (list);
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  for (GtkWidget *r = row; r != NULL; r = gtk_widget_get_next_sibling (r))
    {
      id = g_object_get_data (G_OBJECT (r), "th-behaviour-id");
      if (id == NULL)
        continue;
      g_assert_true (th_participant_get_sort (participant, id, &side));
      g_assert_cmpint (side, ==, TH_SIDE_LEADERSHIP);
      gtk_test_accessible_assert_property (
        GTK_ACCESSIBLE (r), GTK_ACCESSIBLE_PROPERTY_LABEL,
        th_behaviour_get_text (th_deck_lookup_behaviour (th_session_get_deck (f->session), id)));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (r), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           "Sorted under Leadership");
      return;
    }

  g_assert_not_reached ();
}

static void
test_rating_rows_are_described (Fixture *f, gconstpointer data)
{
  ThReflectBoard *board = th_workshop_view_get_reflect_board (f->view);
  GtkWidget *row;
  GtkWidget *button;

  th_session_set_phase (f->session, TH_PHASE_REFLECT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  row = find_descendant (GTK_WIDGET (board), TH_TYPE_REFLECT_ROW);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
    th_behaviour_get_text (th_deck_lookup_behaviour (
      th_session_get_deck (f->session), th_reflect_row_get_behaviour_id (TH_REFLECT_ROW (row)))));

  /* The five buttons say what each number means, not just the number. */
  button = find_descendant (row, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "1 — Rarely");
}

/* A button that shows only an icon has a name a screen reader can say
 * (GTK 4.8 does not fall back on the tooltip).  Text buttons name
 * themselves; the window's controls, spin buttons, toasts and the view
 * switcher are GTK's and libadwaita's own. */
static void
collect_unnamed_buttons (GtkWidget *widget, GString *unnamed)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child) || GTK_IS_WINDOW_CONTROLS (child)
          || GTK_IS_SPIN_BUTTON (child) || ADW_IS_VIEW_SWITCHER (child)
          || ADW_IS_VIEW_SWITCHER_BAR (child)
          || g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        continue;

      if ((GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
          && find_descendant (child, GTK_TYPE_LABEL) == NULL
          && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          const char *tip = gtk_widget_get_tooltip_text (child);

          GtkWidget *image = find_descendant (child, GTK_TYPE_IMAGE);

          g_string_append_printf (unnamed, "\n  %s (tooltip “%s”, icon “%s”) in %s",
                                  G_OBJECT_TYPE_NAME (child), tip != NULL ? tip : "",
                                  image != NULL ? gtk_image_get_icon_name (GTK_IMAGE (image)) : "",
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)));
        }

      /* A menu button's inner toggle is part of it. */
      if (!GTK_IS_MENU_BUTTON (child))
        collect_unnamed_buttons (child, unnamed);
    }
}

static void
test_icon_buttons_are_named (Fixture *f, gconstpointer data)
{
  static const char *const views[] = { "workshop", "chart", "cards" };
  static const ThPhase phases[] = { TH_PHASE_SORT, TH_PHASE_REVEAL, TH_PHASE_REFLECT };
  g_autoptr (GString) unnamed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      th_session_set_phase (f->session, phases[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      collect_unnamed_buttons (GTK_WIDGET (f->window), unnamed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      th_window_set_visible_view (f->window, views[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      collect_unnamed_buttons (GTK_WIDGET (f->window), unnamed);
    }

  if (unnamed->len > 0)
    g_error ("buttons without an accessible name:%s", unnamed->str);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/accessibility/sort-board", Fixture, NULL, fixture_set_up,
              test_sort_board_is_described, fixture_tear_down);
  g_test_add ("/ui/accessibility/icon-buttons", Fixture, NULL, fixture_set_up,
              test_icon_buttons_are_named, fixture_tear_down);
  g_test_add ("/ui/accessibility/rating-rows", Fixture, NULL, fixture_set_up,
              test_rating_rows_are_described, fixture_tear_down);

  return g_test_run ();
}
