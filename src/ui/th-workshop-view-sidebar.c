/* th-workshop-view-sidebar.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-participant-row.h"
#include "th-workshop-view-private.h"

/* The sidebar's list of participants: a row for each, the selection that
 * says whose board shows, and bringing a row into view. */

void
_th_workshop_view_update_count (ThWorkshopView *self)
{
  guint n = self->session != NULL ? th_session_get_n_participants (self->session) : 0;
  g_autofree char *text = g_strdup_printf ("%'u", n);

  gtk_label_set_label (self->participant_count, text);
}

guint
_th_workshop_view_find_participant_position (ThWorkshopView *self, ThParticipant *participant)
{
  guint n = self->session != NULL ? th_session_get_n_participants (self->session) : 0;

  for (guint i = 0; i < n; i++)
    if (th_session_get_participant (self->session, i) == participant)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
participant_selected_cb (GtkSingleSelection *selection, GParamSpec *pspec, ThWorkshopView *self)
{
  ThParticipant *participant;

  if (self->updating)
    return;

  participant = gtk_single_selection_get_selected_item (selection);
  if (participant == NULL || participant == self->selected)
    return;

  self->cover = _th_workshop_view_is_passing (self) ? COVER_LOCK : COVER_NONE;
  g_set_object (&self->selected, participant);
  g_clear_pointer (&self->pending_focus, g_free);
  _th_workshop_view_show_selected (self);

  if (self->cover != COVER_NONE)
    _th_workshop_view_focus_cover (self);
  else if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* A click (or Enter) on a participant is the wish to work on their
 * board; arrowing through the list only selects. */
static void
participant_activated_cb (GtkListView *list, guint position, ThWorkshopView *self)
{
  th_workshop_view_focus_board (self);
}

static gboolean
focus_board_idle_cb (gpointer user_data)
{
  ThWorkshopView *self = user_data;

  self->focus_board_source = 0;
  th_workshop_view_focus_board (self);

  return G_SOURCE_REMOVE;
}

/* The list view activates on Enter and double clicks; a single click, as
 * in a sidebar, opens the board too, once the click has selected. */
static void
row_clicked_cb (GtkGestureClick *gesture, int n_press, double x, double y, ThWorkshopView *self)
{
  if (n_press == 1 && self->focus_board_source == 0)
    self->focus_board_source = g_idle_add (focus_board_idle_cb, self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ThWorkshopView *self)
{
  GtkWidget *row = th_participant_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_clicked_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ThWorkshopView *self)
{
  th_participant_row_set_participant (
    TH_PARTICIPANT_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
    th_deck_get_n_behaviours (th_session_get_deck (self->session)));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, ThWorkshopView *self)
{
  th_participant_row_set_participant (TH_PARTICIPANT_ROW (gtk_list_item_get_child (item)), NULL, 0);
}

static void
scroll_to_target (ThWorkshopView *self)
{
  guint position = self->scroll_target != NULL
                     ? _th_workshop_view_find_participant_position (self, self->scroll_target)
                     : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->participant_list), "list.scroll-to-item", "u",
                                position);
}

static gboolean
scroll_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  ThWorkshopView *self = user_data;

  /* The first frame lays the new row out; from the second on, its height
   * is known. */
  if (++self->scroll_ticks < 2)
    return G_SOURCE_CONTINUE;

  scroll_to_target (self);
  self->scroll_tick = 0;
  g_clear_object (&self->scroll_target);

  return G_SOURCE_REMOVE;
}

/* Brings the row of @participant into the sidebar's view, without taking
 * the keyboard from where it is (the entry, as names are typed one after
 * another).  The list's own action places a row from the heights of the
 * rows it has laid out, and a row just added has none yet: it would end
 * up just below the view.  So the action is asked at once, which makes
 * the list lay the row out, and again once it has been. */
void
_th_workshop_view_scroll_to_participant (ThWorkshopView *self, ThParticipant *participant)
{
  g_set_object (&self->scroll_target, participant);
  scroll_to_target (self);

  self->scroll_ticks = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->participant_list),
                                                      scroll_tick_cb, self, NULL);
}

static void
toggle_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);

  if (!self->guided)
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

void
_th_workshop_view_class_sidebar_init (ThWorkshopViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "workshop.toggle-sidebar", NULL,
                                   toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "workshop.toggle-sidebar",
                                       NULL);
}

void
_th_workshop_view_sidebar_init (ThWorkshopView *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->participant_list, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->participant_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (participant_selected_cb),
                    self);
  g_signal_connect (self->participant_list, "activate", G_CALLBACK (participant_activated_cb),
                    self);
}
