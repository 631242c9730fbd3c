/* th-workshop-view.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-duplicate-name.h"
#include "th-name.h"
#include "th-participant-row.h"
#include "th-property.h"
#include "th-toast.h"
#include "th-workshop-view.h"

/* What covers the board while Pass the Laptop is on. */
typedef enum
{
  COVER_NONE,
  /* The lock screen: the selected person's board waits until they are at
   * the laptop. */
  COVER_LOCK,
  /* The hand-over screen: the selected person has just answered every
   * card of the phase, and the laptop goes to the next. */
  COVER_HANDOVER,
} Cover;

struct _ThWorkshopView
{
  GtkWidget parent_instance;

  GSettings *settings;

  AdwFlap *flap;
  GtkWidget *sidebar;
  GtkLabel *participant_count;
  GtkEntry *add_entry;
  GtkListView *participant_list;
  GtkSingleSelection *selection;
  GtkSwitch *pass_switch;
  GtkWidget *toolbar;
  GtkLabel *participant_title;
  GtkWidget *stepper;
  GtkToggleButton *sort_button;
  GtkToggleButton *reveal_button;
  GtkToggleButton *reflect_button;
  GtkToggleButton *fast_entry_button;
  GtkStack *board_stack;
  AdwStatusPage *privacy_page;
  GtkButton *ready_button;
  AdwStatusPage *handover_page;
  GtkButton *handover_button;
  ThSortBoard *sort_board;
  ThRevealBoard *reveal_board;
  ThReflectBoard *reflect_board;
  ThReflectBoard *fast_entry_board;

  ThSession *session;
  /* The participants and the phase of whichever session is shown. */
  GSignalGroup *session_signals;
  ThParticipant *selected;
  /* The "changed" of the selected participant, to see them finish. */
  GSignalGroup *selected_signals;
  /* Whether the selected person had answered every card of the phase. */
  gboolean selected_finished;
  /* Whom the hand-over screen sends the laptop to, or NULL. */
  ThParticipant *next;
  ThWorkshopUndo *undo;
  /* The answer to put the keyboard on once the lock screen is passed. */
  char *pending_focus;

  gboolean guided;
  Cover cover;
  gboolean updating;
  guint focus_board_source;
  /* The participant whose row is to be scrolled into view once the list
   * has laid it out, and the tick callback that waits for that. */
  ThParticipant *scroll_target;
  guint scroll_tick;
  guint scroll_ticks;
  /* Whom each board was last filled for; compared, never dereferenced. */
  gconstpointer sort_filled;
  gconstpointer reflect_filled;
  gconstpointer fast_entry_filled;
};

G_DEFINE_FINAL_TYPE (ThWorkshopView, th_workshop_view, GTK_TYPE_WIDGET)

/* Whether Pass the Laptop keeps the boards covered: the window's guided
 * self-study is one person's alone. */
static gboolean
is_passing (ThWorkshopView *self)
{
  return !self->guided && gtk_switch_get_active (self->pass_switch);
}

static void
add_toast (ThWorkshopView *self, AdwToast *toast)
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

/* Whether @participant has answered every card of the board shown for
 * the phase: sorted them all in the Sort phase, rated them all in the
 * Reflect phase, and both in fast entry. */
static gboolean
has_finished (ThWorkshopView *self, ThParticipant *participant)
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

      if (participant != self->selected && !has_finished (self, participant))
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

static void
update_board (ThWorkshopView *self)
{
  const char *board;
  gboolean covered;

  /* The group's reveal has nobody's answers to hide. */
  if (is_passing (self) && !board_is_personal (self))
    self->cover = COVER_NONE;
  board = board_for_state (self);
  covered = self->cover != COVER_NONE;

  /* Whose board it is; the group's reveal, while the laptop is passed,
   * is nobody's. */
  if (self->selected == NULL)
    gtk_label_set_label (self->participant_title, "");
  else if (is_passing (self) && !board_is_personal (self))
    gtk_label_set_label (self->participant_title, _ ("The Whole Group"));
  else
    gtk_label_set_label (self->participant_title, th_participant_get_name (self->selected));

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

/* Puts the keyboard on the button of the lock or hand-over screen, so
 * that Enter goes on at once. */
static void
focus_cover (ThWorkshopView *self)
{
  if (self->cover == COVER_LOCK)
    gtk_widget_grab_focus (GTK_WIDGET (self->ready_button));
  else if (self->cover == COVER_HANDOVER)
    gtk_widget_grab_focus (self->next != NULL ? GTK_WIDGET (self->handover_button)
                                              : GTK_WIDGET (self->participant_list));
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

static void
update_count (ThWorkshopView *self)
{
  guint n = self->session != NULL ? th_session_get_n_participants (self->session) : 0;
  g_autofree char *text = g_strdup_printf ("%'u", n);

  gtk_label_set_label (self->participant_count, text);
}

/* The reveal shows the selected person's own answers beside the group's,
 * except while the laptop is passed: then the screen is the group's. */
static void
update_reveal_participant (ThWorkshopView *self)
{
  th_reveal_board_set_participant (self->reveal_board, is_passing (self) ? NULL : self->selected);
}

static void
show_selected (ThWorkshopView *self)
{
  self->selected_finished = self->selected != NULL && has_finished (self, self->selected);
  g_signal_group_set_target (self->selected_signals, self->selected);

  update_reveal_participant (self);
  update_board (self);
}

static guint
find_participant_position (ThWorkshopView *self, ThParticipant *participant)
{
  guint n = self->session != NULL ? th_session_get_n_participants (self->session) : 0;

  for (guint i = 0; i < n; i++)
    if (th_session_get_participant (self->session, i) == participant)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Selects @participant as the code's own choice (not a click in the
 * list); with @lock, their board waits behind the lock screen. */
static void
select_participant (ThWorkshopView *self, ThParticipant *participant, gboolean lock)
{
  guint position = participant != NULL ? find_participant_position (self, participant)
                                       : GTK_INVALID_LIST_POSITION;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  if (participant != self->selected)
    {
      g_set_object (&self->selected, participant);
      self->cover = lock && participant != NULL ? COVER_LOCK : COVER_NONE;
      g_clear_pointer (&self->pending_focus, g_free);
      show_selected (self);
      focus_cover (self);
    }
}

/* Selects @participant as the code's own choice: behind the lock screen
 * while Pass the Laptop is on, since it changes whose board shows. */
static void
select_quietly (ThWorkshopView *self, ThParticipant *participant)
{
  select_participant (self, participant, is_passing (self));
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

  self->selected_finished = has_finished (self, self->selected);
  if (self->selected_finished && !was_finished && self->cover == COVER_NONE && is_passing (self))
    {
      self->cover = COVER_HANDOVER;
      update_board (self);
      focus_cover (self);
    }
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

  self->cover = is_passing (self) ? COVER_LOCK : COVER_NONE;
  g_set_object (&self->selected, participant);
  g_clear_pointer (&self->pending_focus, g_free);
  show_selected (self);

  if (self->cover != COVER_NONE)
    focus_cover (self);
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
participants_changed_cb (GListModel *model, guint position, guint removed, guint added,
                         ThWorkshopView *self)
{
  guint n = g_list_model_get_n_items (model);

  update_count (self);

  if (self->selected != NULL
      && th_session_lookup_participant (self->session, th_participant_get_id (self->selected))
           == self->selected)
    {
      /* The rows were made again; the selection goes with the person. */
      select_quietly (self, self->selected);
      /* Whom the hand-over screen names may have come or gone. */
      if (self->cover == COVER_HANDOVER)
        update_board (self);
      return;
    }

  /* The selected person was removed (or nobody was selected): the
   * neighbour takes the place. */
  if (n == 0)
    select_quietly (self, NULL);
  else
    {
      g_autoptr (ThParticipant) next = g_list_model_get_item (model, MIN (position, n - 1));

      select_quietly (self, next);
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
  if (is_passing (self) && self->selected != NULL && board_is_personal (self))
    {
      ThParticipant *first = NULL;

      for (guint i = 0; first == NULL && i < th_session_get_n_participants (self->session); i++)
        if (!has_finished (self, th_session_get_participant (self->session, i)))
          first = th_session_get_participant (self->session, i);
      if (first != NULL && first != self->selected && has_finished (self, self->selected))
        select_participant (self, first, TRUE);
      self->cover = COVER_LOCK;
    }
  self->selected_finished = self->selected != NULL && has_finished (self, self->selected);
  /* The order of the reveal is the group's split when the reveal starts. */
  if (th_session_get_phase (self->session) == TH_PHASE_REVEAL)
    th_reveal_board_refresh_order (self->reveal_board);
  update_board (self);
  if (self->cover != COVER_NONE)
    focus_cover (self);
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
  if (self->selected != NULL && is_passing (self))
    self->cover = COVER_LOCK;
  self->selected_finished = self->selected != NULL && has_finished (self, self->selected);
  update_board (self);
  if (self->cover != COVER_NONE)
    focus_cover (self);
  else if (gtk_toggle_button_get_active (self->fast_entry_button))
    th_workshop_view_focus_board (self);
}

static void
scroll_to_target (ThWorkshopView *self)
{
  guint position = self->scroll_target != NULL
                     ? find_participant_position (self, self->scroll_target)
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
static void
scroll_to_participant (ThWorkshopView *self, ThParticipant *participant)
{
  g_set_object (&self->scroll_target, participant);
  scroll_to_target (self);

  self->scroll_ticks = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->participant_list),
                                                      scroll_tick_cb, self, NULL);
}

static gboolean
add_participant (ThWorkshopView *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  ThParticipant *participant;

  if (self->session == NULL)
    return FALSE;

  /* The rule a phone's name meets in the room, so that the facilitator's
   * own entry lets in nothing the room would refuse. */
  if (name != NULL && !th_name_check (name, NULL, &error))
    {
      add_toast (self, th_toast_new (error->message));
      return FALSE;
    }

  participant = th_session_add_participant (self->session, name, &error);
  if (participant == NULL)
    {
      add_toast (self, th_toast_new (error->message));
      return FALSE;
    }

  /* Names are typed one after another; only the first one is selected, so
   * the board does not jump about while the list grows. */
  if (self->selected == NULL)
    select_quietly (self, participant);
  scroll_to_participant (self, participant);

  return TRUE;
}

/* Adds @name typed in the entry; the entry is emptied for the next one
 * once it is in. */
static void
add_typed_name (ThWorkshopView *self, const char *name)
{
  /* The entry keeps the focus, so the next name can follow at once. */
  if (add_participant (self, name))
    gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
add_duplicate_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "th-name");
  const char *numbered = g_object_get_data (G_OBJECT (dialog), "th-numbered");

  /* Another session came while the dialog was up: the name was meant for
   * the one before. */
  if (g_object_get_data (G_OBJECT (dialog), "th-session") != self->session)
    return;

  if (g_strcmp0 (response, TH_DUPLICATE_NAME_NUMBERED) == 0 && numbered != NULL)
    add_typed_name (self, numbered);
  else if (g_strcmp0 (response, TH_DUPLICATE_NAME_ANYWAY) == 0)
    add_typed_name (self, name);
  else
    /* Nothing is added; what was typed stays, to be put right. */
    gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
add_entry_activate_cb (ThWorkshopView *self)
{
  g_autofree char *name = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autofree char *numbered = NULL;
  AdwMessageDialog *dialog;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  if (*name == '\0' || self->session == NULL)
    return;

  /* A name the rule refuses says so first: no number would help it. */
  keys = th_duplicate_name_keys_of_session (self->session, NULL);
  if (!th_name_check (name, NULL, NULL) || !th_duplicate_name_is_taken (name, keys))
    {
      add_typed_name (self, name);
      return;
    }

  /* Someone has the name already: nothing is added before the
   * facilitator says how. */
  numbered = th_name_dup_numbered (name, th_duplicate_name_is_taken, keys);
  dialog = th_duplicate_name_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), name,
                                         numbered, TH_DUPLICATE_NAME_ADD);
  g_object_set_data_full (G_OBJECT (dialog), "th-name", g_steal_pointer (&name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "th-numbered", g_steal_pointer (&numbered), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "th-session", g_object_ref (self->session),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_anonymous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_participant (TH_WORKSHOP_VIEW (widget), NULL);
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

static void
focus_answer (ThWorkshopView *self, const char *behaviour_id)
{
  const char *board = gtk_stack_get_visible_child_name (self->board_stack);

  if (g_strcmp0 (board, "sort") == 0)
    th_sort_board_focus_card (self->sort_board, behaviour_id);
  else if (g_strcmp0 (board, "reflect") == 0)
    th_reflect_board_focus_behaviour (self->reflect_board, behaviour_id);
  else if (g_strcmp0 (board, "fast-entry") == 0)
    th_reflect_board_focus_behaviour (self->fast_entry_board, behaviour_id);
}

static void
undo_or_redo (ThWorkshopView *self, gboolean undo)
{
  const char *behaviour_id;
  const char *participant_id;
  ThParticipant *participant;

  /* While the laptop is passed, the person whose board is on screen
   * takes back only their own answers: another person's step waits for
   * the facilitator, behind a lock or hand-over screen. */
  if (is_passing (self) && self->cover == COVER_NONE && self->selected != NULL)
    {
      const char *next = th_workshop_undo_peek_participant (self->undo, !undo);

      if (next != NULL && g_strcmp0 (next, th_participant_get_id (self->selected)) != 0)
        {
          add_toast (self, th_toast_new (undo ? _ ("Nothing more to undo on this board")
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
      select_quietly (self, participant);
      /* Someone brought back, or whose answer changed, may be far down
       * the list. */
      scroll_to_participant (self, participant);
    }
  else if (participant != NULL && self->cover != COVER_NONE)
    {
      self->cover = COVER_LOCK;
      update_board (self);
      focus_cover (self);
    }

  self->selected_finished = self->selected != NULL && has_finished (self, self->selected);
  if (self->cover == COVER_NONE)
    focus_answer (self, behaviour_id);
  else
    {
      g_free (self->pending_focus);
      self->pending_focus = g_strdup (behaviour_id);
    }
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  undo_or_redo (TH_WORKSHOP_VIEW (widget), TRUE);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  undo_or_redo (TH_WORKSHOP_VIEW (widget), FALSE);
}

static void
update_undo_actions (ThWorkshopView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.undo",
                                 th_workshop_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workshop.redo",
                                 th_workshop_undo_get_can_redo (self->undo));
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
      select_participant (self, next, FALSE);
      th_workshop_view_focus_board (self);
      show_focus (self);
      return;
    }

  if (self->cover != COVER_LOCK)
    return;

  self->cover = COVER_NONE;
  update_board (self);
  if (focus != NULL)
    focus_answer (self, focus);
  else
    th_workshop_view_focus_board (self);
  show_focus (self);
}

static void
toggle_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);

  if (!self->guided)
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* The participant an action names by id, or NULL when there is none. */
static ThParticipant *
lookup_action_participant (ThWorkshopView *self, GVariant *parameter)
{
  if (self->session == NULL)
    return NULL;

  return th_session_lookup_participant (self->session, g_variant_get_string (parameter, NULL));
}

/* Whether @participant is still one of the shown session's: a dialog
 * about them may outlive their removal, or the session. */
static gboolean
is_in_session (ThWorkshopView *self, ThParticipant *participant)
{
  return participant != NULL && self->session != NULL
         && th_session_lookup_participant (self->session, th_participant_get_id (participant))
              == participant;
}

static void
set_participant_name (ThWorkshopView *self, ThParticipant *participant, const char *name)
{
  /* The participant emits ::changed, which the session relays: autosaved. */
  th_participant_set_name (participant, name);
  if (participant == self->selected)
    gtk_label_set_label (self->participant_title, name);
}

static void open_rename_dialog (ThWorkshopView *self, ThParticipant *participant, const char *text);

static void
rename_duplicate_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  ThParticipant *participant = g_object_get_data (G_OBJECT (dialog), "th-participant");
  const char *name = g_object_get_data (G_OBJECT (dialog), "th-name");
  const char *numbered = g_object_get_data (G_OBJECT (dialog), "th-numbered");

  if (!is_in_session (self, participant))
    return;

  if (g_strcmp0 (response, TH_DUPLICATE_NAME_NUMBERED) == 0 && numbered != NULL)
    set_participant_name (self, participant, numbered);
  else if (g_strcmp0 (response, TH_DUPLICATE_NAME_ANYWAY) == 0)
    set_participant_name (self, participant, name);
  else
    /* Back to the name as it was typed, to be put right. */
    open_rename_dialog (self, participant, name);
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  ThParticipant *participant = g_object_get_data (G_OBJECT (dialog), "th-participant");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autofree char *numbered = NULL;
  AdwMessageDialog *duplicate;

  if (g_strcmp0 (response, "rename") != 0 || !is_in_session (self, participant))
    return;

  if (!th_name_check (name, NULL, &error))
    {
      add_toast (self, th_toast_new (error->message));
      return;
    }

  /* Another participant's name (their own, in other letters, is
   * theirs to keep): asked about as when adding. */
  keys = th_duplicate_name_keys_of_session (self->session, participant);
  if (!th_duplicate_name_is_taken (name, keys))
    {
      set_participant_name (self, participant, name);
      return;
    }

  numbered = th_name_dup_numbered (name, th_duplicate_name_is_taken, keys);
  duplicate = th_duplicate_name_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                            name, numbered, TH_DUPLICATE_NAME_RENAME);
  g_object_set_data_full (G_OBJECT (duplicate), "th-participant", g_object_ref (participant),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (duplicate), "th-name", g_steal_pointer (&name), g_free);
  g_object_set_data_full (G_OBJECT (duplicate), "th-numbered", g_steal_pointer (&numbered), g_free);
  g_signal_connect_object (duplicate, "response", G_CALLBACK (rename_duplicate_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (duplicate));
}

static void
rename_entry_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", th_name_check (name, NULL, NULL));
}

/* The Rename dialog for @participant, with @text to edit. */
static void
open_rename_dialog (ThWorkshopView *self, ThParticipant *participant, const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Rename Participant"), NULL));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 100);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "rename", _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "th-participant", g_object_ref (participant),
                          g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  ThParticipant *participant;

  participant = lookup_action_participant (self, parameter);
  if (participant == NULL)
    return;

  open_rename_dialog (self, participant, th_participant_get_name (participant));
}

static void
remove_toast_undo_cb (AdwToast *toast, ThWorkshopView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "th-participant-id");

  /* What Ctrl+Z does, while the removal is the step it would take back;
   * once that step was undone, or others came after it, the toast's
   * button has nothing left of its own to undo. */
  if (g_strcmp0 (th_workshop_undo_peek_removal (self->undo), id) == 0)
    undo_or_redo (self, TRUE);
}

static void
pass_switch_cb (ThWorkshopView *self)
{
  update_reveal_participant (self);
  /* Switched off: nobody is passing the laptop any more, so nothing is
   * covered. */
  if (!is_passing (self))
    self->cover = COVER_NONE;
  update_board (self);
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  g_autoptr (ThParticipant) participant = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  participant = lookup_action_participant (self, parameter);
  if (participant == NULL)
    return;
  g_object_ref (participant);

  /* A step of the one history: Ctrl+Z brings the same person back where
   * they were, with their id, answers and number (an anonymous chart
   * printed before still names them as it did), and a second Ctrl+Z then
   * takes back what came before the removal. */
  if (!th_workshop_undo_remove_participant (self->undo, th_participant_get_id (participant),
                                            &error))
    {
      g_warning ("Could not remove a participant: %s", error->message);
      return;
    }

  /* Translators: a toast after removing a participant; %s is the name. */
  title = g_strdup_printf (_ ("“%s” removed"), th_participant_get_name (participant));
  toast = th_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "th-participant-id",
                          g_strdup (th_participant_get_id (participant)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (remove_toast_undo_cb), self, 0);
  add_toast (self, toast);
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
  gtk_widget_class_bind_template_callback (widget_class, add_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "workshop.phase", "s", phase_action);
  gtk_widget_class_install_action (widget_class, "workshop.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "workshop.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "workshop.add-anonymous", NULL,
                                   add_anonymous_action);
  gtk_widget_class_install_action (widget_class, "workshop.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "workshop.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "workshop.ready", NULL, ready_action);
  gtk_widget_class_install_action (widget_class, "workshop.toggle-sidebar", NULL,
                                   toggle_sidebar_action);

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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "workshop.toggle-sidebar",
                                       NULL);
  /* Enter anywhere on the lock or hand-over screen, not only on its
   * button. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "workshop.ready", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "workshop.ready", NULL);

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

  /* After the boards' own handlers, which move the keyboard on to the
   * next card: the hand-over screen then takes it from them. */
  self->selected_signals = g_signal_group_new (TH_TYPE_PARTICIPANT);
  g_signal_group_connect_object (self->selected_signals, "changed",
                                 G_CALLBACK (selected_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  {
    g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
    gtk_list_view_set_factory (self->participant_list, factory);
  }
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->participant_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (participant_selected_cb),
                    self);
  g_signal_connect (self->participant_list, "activate", G_CALLBACK (participant_activated_cb),
                    self);
  add_reveal_clicker (self);
  g_signal_connect (self->sort_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect (self->reveal_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect (self->reflect_button, "toggled", G_CALLBACK (phase_toggled_cb), self);
  g_signal_connect_swapped (self->fast_entry_button, "toggled", G_CALLBACK (fast_entry_toggled_cb),
                            self);
  g_signal_connect_swapped (self->pass_switch, "notify::active", G_CALLBACK (pass_switch_cb), self);
  /* Remembered, so that a workshop passed round before opens again
   * behind the lock screen rather than on its first person's board. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "pass-the-laptop", self->pass_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  update_count (self);
  update_board (self);
}

GtkWidget *
th_workshop_view_new (void)
{
  return g_object_new (TH_TYPE_WORKSHOP_VIEW, NULL);
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

  update_count (self);
  update_stepper (self);
  select_quietly (self, session != NULL ? th_session_get_participant (session, 0) : NULL);
  show_selected (self);
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
  update_board (self);
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
  position = find_participant_position (self, participant);
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
    focus_cover (self);
  else if (g_strcmp0 (board, "reveal") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->reveal_board));
  else if (g_strcmp0 (board, "empty") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
  else
    focus_answer (self, NULL);
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
