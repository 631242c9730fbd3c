/* th-workshop-view.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-property.h"
#include "th-toast.h"
#include "th-workshop-view-private.h"

G_DEFINE_FINAL_TYPE (ThWorkshopView, th_workshop_view, GTK_TYPE_WIDGET)

void
_th_workshop_view_add_toast (ThWorkshopView *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Whether the board on screen shows one person's answers.  The reveal
 * shows the group's: while the laptop is passed it shows nobody's own,
 * and needs no lock. */
static gboolean
board_is_personal (ThWorkshopView *self)
{
  if (!self->guided && gtk_toggle_button_get_active (self->fast_entry_button))
    return TRUE;

  return self->session == NULL || th_session_get_phase (self->session) != TH_PHASE_REVEAL;
}

static const char *
board_for_state (ThWorkshopView *self)
{
  if (self->session == NULL || self->selected == NULL)
    return "empty";
  if (self->cover == COVER_LOCK)
    return "privacy";
  if (self->cover == COVER_HANDOVER)
    return "handover";
  if (!self->guided && gtk_toggle_button_get_active (self->fast_entry_button))
    return "fast-entry";

  switch (th_session_get_phase (self->session))
    {
      case TH_PHASE_SORT:
        return "sort";
      case TH_PHASE_REVEAL:
        return "reveal";
      case TH_PHASE_REFLECT:
      case TH_PHASE_CHART:
      default:
        return "reflect";
    }
}

/* A board is given the selected participant when it comes into view:
 * each is a widget per card, and with a large deck making all three for
 * every selection took seconds. */
static void
fill_board (ThWorkshopView *self, const char *board)
{
  ThSession *session = self->selected != NULL ? self->session : NULL;

  if (g_strcmp0 (board, "sort") == 0)
    {
      if (self->sort_filled != self->selected || self->selected == NULL)
        th_sort_board_set_participant (self->sort_board, session, self->selected);
      self->sort_filled = self->selected;
    }
  else if (g_strcmp0 (board, "reflect") == 0)
    {
      if (self->reflect_filled != self->selected || self->selected == NULL)
        th_reflect_board_set_participant (self->reflect_board, session, self->selected);
      self->reflect_filled = self->selected;
    }
  else if (g_strcmp0 (board, "fast-entry") == 0)
    {
      if (self->fast_entry_filled != self->selected || self->selected == NULL)
        th_reflect_board_set_participant (self->fast_entry_board, session, self->selected);
      self->fast_entry_filled = self->selected;
    }
}

void
_th_workshop_view_update_board (ThWorkshopView *self)
{
  const char *board;
  gboolean covered;

  /* The group's reveal has nobody's answers to hide. */
  if (_th_workshop_view_is_passing (self) && !board_is_personal (self))
    self->cover = COVER_NONE;
  board = board_for_state (self);
  covered = self->cover != COVER_NONE;

  /* Whose board it is; the group's reveal, while the laptop is passed,
   * is nobody's. */
  if (self->selected == NULL)
    gtk_label_set_label (self->participant_title, "");
  else if (_th_workshop_view_is_passing (self) && !board_is_personal (self))
    gtk_label_set_label (self->participant_title, _ ("The Whole Group"));
  else
    gtk_label_set_label (self->participant_title, th_participant_get_name (self->selected));

  _th_workshop_view_update_cover (self, board);

  /* The boards under a cover take no keys and no focus: nothing done on
   * the keyboard reaches a board nobody may see. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_board), !covered);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reflect_board), !covered);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fast_entry_board), !covered);

  fill_board (self, board);
  gtk_stack_set_visible_child_name (self->board_stack, board);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.ready",
                                 self->cover == COVER_LOCK
                                   || (self->cover == COVER_HANDOVER && self->next != NULL));

  /* Nobody may walk past the privacy screen through fast entry; the
   * phases stay open to the facilitator, since a phase with a personal
   * board opens behind the lock screen (phase_changed_cb). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->fast_entry_button), !covered);
}

static void
update_stepper (ThWorkshopView *self)
{
  ThPhase phase = self->session != NULL ? th_session_get_phase (self->session) : TH_PHASE_SORT;

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->sort_button, phase == TH_PHASE_SORT);
  gtk_toggle_button_set_active (self->reveal_button, phase == TH_PHASE_REVEAL);
  gtk_toggle_button_set_active (self->reflect_button,
                                phase == TH_PHASE_REFLECT || phase == TH_PHASE_CHART);
  self->updating = FALSE;
}

/* The reveal shows the selected person's own answers beside the group's,
 * except while the laptop is passed: then the screen is the group's. */
void
_th_workshop_view_update_reveal_participant (ThWorkshopView *self)
{
  th_reveal_board_set_participant (self->reveal_board,
                                   _th_workshop_view_is_passing (self) ? NULL : self->selected);
}

void
_th_workshop_view_show_selected (ThWorkshopView *self)
{
  self->selected_finished
    = self->selected != NULL && _th_workshop_view_has_finished (self, self->selected);
  g_signal_group_set_target (self->selected_signals, self->selected);

  _th_workshop_view_update_reveal_participant (self);
  _th_workshop_view_update_board (self);
}

/* Selects @participant as the code's own choice (not a click in the
 * list); with @lock, their board waits behind the lock screen. */
void
_th_workshop_view_set_selected (ThWorkshopView *self, ThParticipant *participant, gboolean lock)
{
  guint position = participant != NULL
                     ? _th_workshop_view_find_participant_position (self, participant)
                     : GTK_INVALID_LIST_POSITION;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  if (participant != self->selected)
    {
      g_set_object (&self->selected, participant);
      self->cover = lock && participant != NULL ? COVER_LOCK : COVER_NONE;
      g_clear_pointer (&self->pending_focus, g_free);
      _th_workshop_view_show_selected (self);
      _th_workshop_view_focus_cover (self);
    }
}

/* Selects @participant as the code's own choice: behind the lock screen
 * while Pass the Laptop is on, since it changes whose board shows. */
void
_th_workshop_view_select_quietly (ThWorkshopView *self, ThParticipant *participant)
{
  _th_workshop_view_set_selected (self, participant, _th_workshop_view_is_passing (self));
}

static void
participants_changed_cb (GListModel *model, guint position, guint removed, guint added,
                         ThWorkshopView *self)
{
  guint n = g_list_model_get_n_items (model);

  _th_workshop_view_update_count (self);

  if (self->selected != NULL
      && th_session_lookup_participant (self->session, th_participant_get_id (self->selected))
           == self->selected)
    {
      /* The rows were made again; the selection goes with the person. */
      _th_workshop_view_select_quietly (self, self->selected);
      /* Whom the hand-over screen names may have come or gone. */
      if (self->cover == COVER_HANDOVER)
        _th_workshop_view_update_board (self);
      return;
    }

  /* The selected person was removed (or nobody was selected): the
   * neighbour takes the place. */
  if (n == 0)
    _th_workshop_view_select_quietly (self, NULL);
  else
    {
      g_autoptr (ThParticipant) next = g_list_model_get_item (model, MIN (position, n - 1));

      _th_workshop_view_select_quietly (self, next);
    }
}

static void
phase_changed_cb (ThWorkshopView *self)
{
  update_stepper (self);
  /* A phase with a personal board starts behind the lock screen while
   * the laptop is passed (the facilitator may change the phase from the
   * hand-over screen, or from the group's reveal), for the first person
   * who has not finished it. */
  if (_th_workshop_view_is_passing (self) && self->selected != NULL && board_is_personal (self))
    {
      ThParticipant *first = NULL;

      for (guint i = 0; first == NULL && i < th_session_get_n_participants (self->session); i++)
        if (!_th_workshop_view_has_finished (self, th_session_get_participant (self->session, i)))
          first = th_session_get_participant (self->session, i);
      if (first != NULL && first != self->selected
          && _th_workshop_view_has_finished (self, self->selected))
        _th_workshop_view_set_selected (self, first, TRUE);
      self->cover = COVER_LOCK;
    }
  self->selected_finished
    = self->selected != NULL && _th_workshop_view_has_finished (self, self->selected);
  /* The order of the reveal is the group's split when the reveal starts. */
  if (th_session_get_phase (self->session) == TH_PHASE_REVEAL)
    th_reveal_board_refresh_order (self->reveal_board);
  _th_workshop_view_update_board (self);
  if (self->cover != COVER_NONE)
    _th_workshop_view_focus_cover (self);
}

static void
phase_toggled_cb (GtkToggleButton *button, ThWorkshopView *self)
{
  ThPhase phase;

  if (self->updating || self->session == NULL || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->sort_button)
    phase = TH_PHASE_SORT;
  else if (button == self->reveal_button)
    phase = TH_PHASE_REVEAL;
  else
    phase = TH_PHASE_REFLECT;

  th_session_set_phase (self->session, phase);
  /* A click on a tab leaves the keyboard on the tab, where 1–5 or L and
   * M mean nothing: the keys go to the board the tab shows, as they do
   * after Alt+1, Alt+2 and Alt+3. */
  th_workshop_view_focus_board (self);
}

static void
fast_entry_toggled_cb (ThWorkshopView *self)
{
  /* Fast entry shows all of a person's answers, sort and ratings: while
   * the laptop is passed, it opens behind the lock screen too. */
  if (self->selected != NULL && _th_workshop_view_is_passing (self))
    self->cover = COVER_LOCK;
  self->selected_finished
    = self->selected != NULL && _th_workshop_view_has_finished (self, self->selected);
  _th_workshop_view_update_board (self);
  if (self->cover != COVER_NONE)
    _th_workshop_view_focus_cover (self);
  else if (gtk_toggle_button_get_active (self->fast_entry_button))
    th_workshop_view_focus_board (self);
}

/* A clicker's Page Down and Page Up walk the reveal from wherever the
 * keyboard is in the view (a row of the list the facilitator clicked, the
 * add entry), not only from the board: the list would otherwise take
 * them to move its own focus. */
static gboolean
reveal_clicker_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  const char *action = g_variant_get_string (args, NULL);

  if (self->cover != COVER_NONE
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->board_stack), "reveal") != 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->reveal_board), action, NULL);
}

static void
add_reveal_clicker (ThWorkshopView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct
  {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Page_Down, "reveal.next" },
    { GDK_KEY_Page_Up, "reveal.previous" },
  };

  /* Before the focused widget sees the key. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                       gtk_callback_action_new (reveal_clicker_cb, NULL, NULL), "s",
                                       keys[i].action));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
phase_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->session == NULL)
    return;

  if (g_str_equal (name, "sort"))
    th_session_set_phase (self->session, TH_PHASE_SORT);
  else if (g_str_equal (name, "reveal"))
    th_session_set_phase (self->session, TH_PHASE_REVEAL);
  else if (g_str_equal (name, "reflect"))
    th_session_set_phase (self->session, TH_PHASE_REFLECT);
  else
    return;

  th_workshop_view_focus_board (self);
}

void
_th_workshop_view_focus_answer (ThWorkshopView *self, const char *behaviour_id)
{
  const char *board = gtk_stack_get_visible_child_name (self->board_stack);

  if (g_strcmp0 (board, "sort") == 0)
    th_sort_board_focus_card (self->sort_board, behaviour_id);
  else if (g_strcmp0 (board, "reflect") == 0)
    th_reflect_board_focus_behaviour (self->reflect_board, behaviour_id);
  else if (g_strcmp0 (board, "fast-entry") == 0)
    th_reflect_board_focus_behaviour (self->fast_entry_board, behaviour_id);
}

void
_th_workshop_view_undo_or_redo (ThWorkshopView *self, gboolean undo)
{
  const char *behaviour_id;
  const char *participant_id;
  ThParticipant *participant;

  /* While the laptop is passed, the person whose board is on screen
   * takes back only their own answers: another person's step waits for
   * the facilitator, behind a lock or hand-over screen. */
  if (_th_workshop_view_is_passing (self) && self->cover == COVER_NONE && self->selected != NULL)
    {
      const char *next = th_workshop_undo_peek_participant (self->undo, !undo);

      if (next != NULL && g_strcmp0 (next, th_participant_get_id (self->selected)) != 0)
        {
          _th_workshop_view_add_toast (
            self, th_toast_new (undo ? _ ("Nothing more to undo on this board")
                                     : _ ("Nothing more to redo on this board")));
          return;
        }
    }

  if (!(undo ? th_workshop_undo_undo (self->undo) : th_workshop_undo_redo (self->undo)))
    return;

  /* Show whose answer changed back (or who came back), and put the
   * keyboard on it.  While the laptop is passed, that is behind the lock
   * screen when it is another person, or when a cover was up: the answer
   * may be someone's who has left the laptop. */
  behaviour_id = th_workshop_undo_get_last_behaviour (self->undo);
  participant_id = th_workshop_undo_get_last_participant (self->undo);
  participant = th_session_lookup_participant (self->session, participant_id);
  if (participant != NULL && participant != self->selected)
    {
      _th_workshop_view_select_quietly (self, participant);
      /* Someone brought back, or whose answer changed, may be far down
       * the list. */
      _th_workshop_view_scroll_to_participant (self, participant);
    }
  else if (participant != NULL && self->cover != COVER_NONE)
    {
      self->cover = COVER_LOCK;
      _th_workshop_view_update_board (self);
      _th_workshop_view_focus_cover (self);
    }

  self->selected_finished
    = self->selected != NULL && _th_workshop_view_has_finished (self, self->selected);
  if (self->cover == COVER_NONE)
    _th_workshop_view_focus_answer (self, behaviour_id);
  else
    {
      g_free (self->pending_focus);
      self->pending_focus = g_strdup (behaviour_id);
    }
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _th_workshop_view_undo_or_redo (TH_WORKSHOP_VIEW (widget), TRUE);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _th_workshop_view_undo_or_redo (TH_WORKSHOP_VIEW (widget), FALSE);
}

static void
update_undo_actions (ThWorkshopView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.undo",
                                 th_workshop_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.redo",
                                 th_workshop_undo_get_can_redo (self->undo));
}

static void
th_workshop_view_dispose (GObject *object)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (object);

  g_clear_handle_id (&self->focus_board_source, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->participant_list), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_object (&self->scroll_target);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->selected);
  g_clear_object (&self->selected_signals);
  g_clear_object (&self->next);
  g_clear_pointer (&self->pending_focus, g_free);
  g_clear_object (&self->undo);
  if (self->settings != NULL)
    g_settings_unbind (self->pass_switch, "active");
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_WORKSHOP_VIEW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (th_workshop_view_parent_class)->dispose (object);
}

static void
th_workshop_view_class_init (ThWorkshopViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_workshop_view_dispose;

  g_type_ensure (TH_TYPE_SORT_BOARD);
  g_type_ensure (TH_TYPE_REVEAL_BOARD);
  g_type_ensure (TH_TYPE_REFLECT_BOARD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-workshop-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, flap);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, participant_count);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, add_entry);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, participant_list);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, pass_switch);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, participant_title);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, stepper);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, reflect_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, fast_entry_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, board_stack);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, privacy_page);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, ready_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, handover_page);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, handover_button);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, sort_board);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, reveal_board);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, reflect_board);
  gtk_widget_class_bind_template_child (widget_class, ThWorkshopView, fast_entry_board);

  gtk_widget_class_install_action (widget_class, "workshop.phase", "s", phase_action);
  gtk_widget_class_install_action (widget_class, "workshop.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "workshop.redo", NULL, redo_action);
  _th_workshop_view_class_participants_init (klass);
  _th_workshop_view_class_pass_init (klass);
  _th_workshop_view_class_sidebar_init (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "workshop.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "workshop.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "workshop.redo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "workshop.phase", "s",
                                       "sort");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "workshop.phase", "s",
                                       "reveal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "workshop.phase", "s",
                                       "reflect");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thworkshopview");
}

static void
th_workshop_view_init (ThWorkshopView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo = th_workshop_undo_new ();
  th_sort_board_set_undo (self->sort_board, self->undo);
  th_reflect_board_set_undo (self->reflect_board, self->undo);
  th_reflect_board_set_undo (self->fast_entry_board, self->undo);
  th_reveal_board_set_show_accuracy (self->reveal_board, TRUE);

  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  update_undo_actions (self);

  /* After the selection's own handler, which follows the same session. */
  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "items-changed",
                                 G_CALLBACK (participants_changed_cb), self, G_CONNECT_AFTER);
  g_signal_group_connect_object (self->session_signals, "notify::phase",
                                 G_CALLBACK (phase_changed_cb), self, G_CONNECT_SWAPPED);

  _th_workshop_view_sidebar_init (self);
  add_reveal_clicker (self);
  g_signal_connect (self->sort_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect (self->reveal_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect (self->reflect_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect_swapped (self->fast_entry_button, "toggled", G_CALLBACK (fast_entry_toggled_cb),
                            self);
  _th_workshop_view_pass_init (self);

  _th_workshop_view_update_count (self);
  _th_workshop_view_update_board (self);
}

void
th_workshop_view_set_session (ThWorkshopView *self, ThSession *session)
{
  g_return_if_fail (TH_IS_WORKSHOP_VIEW (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  if (self->session == session)
    return;

  g_signal_group_set_target (self->session_signals, NULL);

  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  self->updating = FALSE;
  g_clear_object (&self->selected);
  self->cover = COVER_NONE;
  g_set_object (&self->session, session);
  self->sort_filled = self->reflect_filled = self->fast_entry_filled = NULL;

  th_workshop_undo_set_session (self->undo, session);
  th_reveal_board_set_session (self->reveal_board, session);

  if (session != NULL)
    {
      self->updating = TRUE;
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (session));
      self->updating = FALSE;
      g_signal_group_set_target (self->session_signals, session);
    }

  _th_workshop_view_update_count (self);
  update_stepper (self);
  _th_workshop_view_select_quietly (self, session != NULL ? th_session_get_participant (session, 0)
                                                          : NULL);
  _th_workshop_view_show_selected (self);
}

TH_DEFINE_GETTER (ThSession *, th_workshop_view_get_session, ThWorkshopView, TH_IS_WORKSHOP_VIEW,
                  session, NULL)

void
th_workshop_view_set_guided (ThWorkshopView *self, gboolean guided)
{
  g_return_if_fail (TH_IS_WORKSHOP_VIEW (self));

  self->guided = !!guided;
  /* The window's guided path takes the place of the sidebar and the
   * toolbar; Ctrl+Z still works. */
  gtk_widget_set_visible (self->sidebar, !self->guided);
  gtk_widget_set_visible (self->toolbar, !self->guided);
  if (self->guided)
    self->cover = COVER_NONE;
  _th_workshop_view_update_board (self);
}

TH_DEFINE_GETTER (gboolean, th_workshop_view_get_guided, ThWorkshopView, TH_IS_WORKSHOP_VIEW,
                  guided, FALSE)

void
th_workshop_view_set_pass_the_laptop (ThWorkshopView *self, gboolean pass_the_laptop)
{
  g_return_if_fail (TH_IS_WORKSHOP_VIEW (self));

  gtk_switch_set_active (self->pass_switch, pass_the_laptop);
}

gboolean
th_workshop_view_get_pass_the_laptop (ThWorkshopView *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_VIEW (self), FALSE);

  return gtk_switch_get_active (self->pass_switch);
}

void
th_workshop_view_select_participant (ThWorkshopView *self, ThParticipant *participant)
{
  guint position;

  g_return_if_fail (TH_IS_WORKSHOP_VIEW (self));
  g_return_if_fail (TH_IS_PARTICIPANT (participant));

  /* As a click in the sidebar: the privacy screen applies. */
  position = _th_workshop_view_find_participant_position (self, participant);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

TH_DEFINE_GETTER (ThParticipant *, th_workshop_view_get_selected_participant, ThWorkshopView,
                  TH_IS_WORKSHOP_VIEW, selected, NULL)

const char *
th_workshop_view_get_visible_board (ThWorkshopView *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->board_stack);
}

void
th_workshop_view_focus_board (ThWorkshopView *self)
{
  const char *board;

  g_return_if_fail (TH_IS_WORKSHOP_VIEW (self));

  board = gtk_stack_get_visible_child_name (self->board_stack);
  if (self->cover != COVER_NONE)
    _th_workshop_view_focus_cover (self);
  else if (g_strcmp0 (board, "reveal") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->reveal_board));
  else if (g_strcmp0 (board, "empty") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
  else
    _th_workshop_view_focus_answer (self, NULL);
}

TH_DEFINE_GETTER (ThWorkshopUndo *, th_workshop_view_get_undo, ThWorkshopView, TH_IS_WORKSHOP_VIEW,
                  undo, NULL)

TH_DEFINE_GETTER (ThSortBoard *, th_workshop_view_get_sort_board, ThWorkshopView,
                  TH_IS_WORKSHOP_VIEW, sort_board, NULL)

TH_DEFINE_GETTER (ThRevealBoard *, th_workshop_view_get_reveal_board, ThWorkshopView,
                  TH_IS_WORKSHOP_VIEW, reveal_board, NULL)

TH_DEFINE_GETTER (ThReflectBoard *, th_workshop_view_get_reflect_board, ThWorkshopView,
                  TH_IS_WORKSHOP_VIEW, reflect_board, NULL)

TH_DEFINE_GETTER (ThReflectBoard *, th_workshop_view_get_fast_entry_board, ThWorkshopView,
                  TH_IS_WORKSHOP_VIEW, fast_entry_board, NULL)

GtkWidget *
th_workshop_view_get_add_entry (ThWorkshopView *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_VIEW (self), NULL);

  return GTK_WIDGET (self->add_entry);
}
