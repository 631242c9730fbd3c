/* th-workshop-view-pass.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-workshop-view-private.h"

/* Pass the Laptop: while it is on, the board of whoever is selected
 * waits behind a lock screen until they are at the laptop, and once they
 * have answered every card of the phase a hand-over screen names the next
 * person who has not. */

/* Whether Pass the Laptop keeps the boards covered: the window's guided
 * self-study is one person's alone. */
gboolean
_th_workshop_view_is_passing (ThWorkshopView *self)
{
  return !self->guided && gtk_switch_get_active (self->pass_switch);
}

/* Whether @participant has answered every card of the board shown for
 * the phase: sorted them all in the Sort phase, rated them all in the
 * Reflect phase, and both in fast entry. */
gboolean
_th_workshop_view_has_finished (ThWorkshopView *self, ThParticipant *participant)
{
  guint n = th_deck_get_n_behaviours (th_session_get_deck (self->session));
  gboolean sorted = th_participant_get_n_sorted (participant) >= n;
  gboolean rated = th_participant_get_n_rated (participant) >= n;

  if (gtk_toggle_button_get_active (self->fast_entry_button))
    return sorted && rated;

  switch (th_session_get_phase (self->session))
    {
      case TH_PHASE_SORT:
        return sorted;
      case TH_PHASE_REFLECT:
      case TH_PHASE_CHART:
        return rated;
      case TH_PHASE_REVEAL:
      default:
        return FALSE;
    }
}

/* The next person in the list after the selected one who has not yet
 * finished the phase, going round to the top; NULL when everyone has. */
static ThParticipant *
find_next (ThWorkshopView *self)
{
  guint n = th_session_get_n_participants (self->session);
  guint start = 0;

  for (guint i = 0; i < n; i++)
    if (th_session_get_participant (self->session, i) == self->selected)
      start = i;

  for (guint k = 1; k < n; k++)
    {
      ThParticipant *participant = th_session_get_participant (self->session, (start + k) % n);

      if (participant != self->selected && !_th_workshop_view_has_finished (self, participant))
        return participant;
    }

  return NULL;
}

static void
update_handover (ThWorkshopView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_set_object (&self->next, find_next (self));

  /* Translators: the hand-over screen after a person has answered every
   * card; %s is their name. */
  title = g_strdup_printf (_ ("Thank You, %s"), th_participant_get_name (self->selected));
  adw_status_page_set_title (self->handover_page, title);

  if (self->next != NULL)
    {
      g_autofree char *ready = NULL;

      /* Translators: the hand-over screen; %s is the next person's name. */
      description = g_strdup_printf (_ ("Pass the laptop to the next person: %s."),
                                     th_participant_get_name (self->next));
      /* Translators: the button on the hand-over screen; %s is a name. */
      ready = g_strdup_printf (_ ("I Am %s — Show My Board"), th_participant_get_name (self->next));
      gtk_button_set_label (self->handover_button, ready);
    }
  /* Everyone has had a turn: what the facilitator does next. */
  else if (gtk_toggle_button_get_active (self->fast_entry_button))
    description = g_strdup (_ ("Everyone has had a turn. Choose a participant in the sidebar to "
                               "go on."));
  else if (th_session_get_phase (self->session) == TH_PHASE_SORT)
    description = g_strdup (_ ("Everyone has sorted the cards. Go on to 2 · Reveal (Alt+2) to "
                               "discuss them with the group."));
  else
    description = g_strdup (_ ("Everyone has rated themselves. The chart shows where the group "
                               "stands."));
  adw_status_page_set_description (self->handover_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->handover_button), self->next != NULL);
}

/* What the lock or hand-over screen says when @board is one of them:
 * whose turn it is, or who comes next. */
void
_th_workshop_view_update_cover (ThWorkshopView *self, const char *board)
{
  if (g_strcmp0 (board, "privacy") == 0)
    {
      const char *name = th_participant_get_name (self->selected);
      g_autofree char *title = NULL;
      g_autofree char *ready = NULL;

      /* Translators: the privacy screen between participants; %s is a name. */
      title = g_strdup_printf (_ ("Pass the Laptop to %s"), name);
      /* Translators: the button on the privacy screen; %s is a name. */
      ready = g_strdup_printf (_ ("I Am %s — Show My Board"), name);
      adw_status_page_set_title (self->privacy_page, title);
      gtk_button_set_label (self->ready_button, ready);
    }
  else if (g_strcmp0 (board, "handover") == 0)
    update_handover (self);
}

/* Puts the keyboard on the button of the lock or hand-over screen, so
 * that Enter goes on at once. */
void
_th_workshop_view_focus_cover (ThWorkshopView *self)
{
  if (self->cover == COVER_LOCK)
    gtk_widget_grab_focus (GTK_WIDGET (self->ready_button));
  else if (self->cover == COVER_HANDOVER)
    gtk_widget_grab_focus (self->next != NULL ? GTK_WIDGET (self->handover_button)
                                              : GTK_WIDGET (self->participant_list));
}

/* The selected person's answers changed: when that answered the last card
 * of the phase on their own board, the hand-over screen takes its place
 * before the next person comes to the laptop. */
static void
selected_changed_cb (ThWorkshopView *self)
{
  gboolean was_finished = self->selected_finished;

  if (self->selected == NULL || self->session == NULL)
    return;

  self->selected_finished = _th_workshop_view_has_finished (self, self->selected);
  if (self->selected_finished && !was_finished && self->cover == COVER_NONE
      && _th_workshop_view_is_passing (self))
    {
      self->cover = COVER_HANDOVER;
      _th_workshop_view_update_board (self);
      _th_workshop_view_focus_cover (self);
    }
}

/* The person who just came to the laptop works with the keys their board
 * shows: the card the keys act on is highlighted from the start, even
 * when the screen before was left with a click (after which GTK would
 * hide the highlight until a key was pressed). */
static void
show_focus (ThWorkshopView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static void
ready_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  g_autofree char *focus = g_steal_pointer (&self->pending_focus);

  if (self->cover == COVER_HANDOVER)
    {
      g_autoptr (ThParticipant) next = self->next != NULL ? g_object_ref (self->next) : NULL;

      /* The hand-over screen showed the next person's name alone: their
       * board follows without a lock screen of its own. */
      if (next == NULL)
        return;
      _th_workshop_view_set_selected (self, next, FALSE);
      th_workshop_view_focus_board (self);
      show_focus (self);
      return;
    }

  if (self->cover != COVER_LOCK)
    return;

  self->cover = COVER_NONE;
  _th_workshop_view_update_board (self);
  if (focus != NULL)
    _th_workshop_view_focus_answer (self, focus);
  else
    th_workshop_view_focus_board (self);
  show_focus (self);
}

static void
pass_switch_cb (ThWorkshopView *self)
{
  _th_workshop_view_update_reveal_participant (self);
  /* Switched off: nobody is passing the laptop any more, so nothing is
   * covered. */
  if (!_th_workshop_view_is_passing (self))
    self->cover = COVER_NONE;
  _th_workshop_view_update_board (self);
}

void
_th_workshop_view_class_pass_init (ThWorkshopViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "workshop.ready", NULL, ready_action);
  /* Enter anywhere on the lock or hand-over screen, not only on its
   * button. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "workshop.ready", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "workshop.ready", NULL);
}

void
_th_workshop_view_pass_init (ThWorkshopView *self)
{
  /* After the boards' own handlers, which move the keyboard on to the
   * next card: the hand-over screen then takes it from them. */
  self->selected_signals = g_signal_group_new (TH_TYPE_PARTICIPANT);
  g_signal_group_connect_object (self->selected_signals, "changed",
                                 G_CALLBACK (selected_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_swapped (self->pass_switch, "notify::active", G_CALLBACK (pass_switch_cb), self);
  /* Remembered, so that a workshop passed round before opens again
   * behind the lock screen rather than on its first person's board. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "pass-the-laptop", self->pass_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
