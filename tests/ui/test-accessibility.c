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
  ThParticipant *participant = th_sort_board_get_participant (board);
  GtkWidget *list;
  GtkWidget *row;
  const char *id;
  ThSide side;

  th_session_set_phase (f->session, TH_PHASE_SORT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/accessibility/sort-board", Fixture, NULL, fixture_set_up,
              test_sort_board_is_described, fixture_tear_down);
  g_test_add ("/ui/accessibility/rating-rows", Fixture, NULL, fixture_set_up,
              test_rating_rows_are_described, fixture_tear_down);

  return g_test_run ();
}
