/* th-reflect-board.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "th-gtk-compat.h"
#include "th-property.h"
#include "th-reflect-board.h"
#include "th-reflect-row.h"
#include "th-set.h"
#include "th-widget-shown.h"

struct _ThReflectBoard
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *heading;
  GtkLabel *legend;
  GtkLabel *progress_label;
  GtkListBox *list;

  ThWorkshopUndo *undo;
  ThSession *session;
  ThParticipant *participant;
  /* The "changed" of whichever participant the board is for. */
  GSignalGroup *participant_signals;
  ThDeck *deck; /* the deck the rows were made for */
  /* The deck positions of the rows, top to bottom: the participant's own
   * order, or the deck's when "cards-in-deck-order" (in @settings) says so. */
  guint16 *shown;
  GSettings *settings;
  gboolean fast_entry;
};

G_DEFINE_FINAL_TYPE (ThReflectBoard, th_reflect_board, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FAST_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ThReflectRow *
get_row (ThReflectBoard *self, int index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  return row != NULL ? TH_REFLECT_ROW (row) : NULL;
}

static ThReflectRow *
get_focused_row (ThReflectBoard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, TH_TYPE_REFLECT_ROW) : NULL;

  if (row != NULL && gtk_widget_get_parent (row) == GTK_WIDGET (self->list))
    return TH_REFLECT_ROW (row);
  return NULL;
}

static gboolean
row_is_done (ThReflectBoard *self, const char *behaviour_id)
{
  ThSide side;
  gboolean sorted = th_participant_get_sort (self->participant, behaviour_id, &side);
  gboolean rated = th_participant_get_rating (self->participant, behaviour_id) > 0;

  if (!self->fast_entry)
    return rated;

  /* Fast entry types in a paper sheet row by row, as its legend says: L or
   * M, then 1–5, and the next row comes up when the row has both.  (It
   * used to move on after the letter alone during the sort, so the rating
   * typed next landed on the row below.) */
  return sorted && rated;
}

static void
update_labels (ThReflectBoard *self)
{
  guint n = self->deck != NULL ? th_deck_get_n_behaviours (self->deck) : 0;
  guint n_rated = self->participant != NULL ? th_participant_get_n_rated (self->participant) : 0;
  guint n_sorted = self->participant != NULL ? th_participant_get_n_sorted (self->participant) : 0;
  g_autofree char *progress = NULL;

  if (self->fast_entry)
    {
      g_autofree char *heading = NULL;

      if (self->participant != NULL)
        /* Translators: the heading of fast entry, %s is a participant's name. */
        heading = g_strdup_printf (_ ("Paper Results of %s"),
                                   th_participant_get_name (self->participant));
      gtk_label_set_label (self->heading, heading != NULL ? heading : _ ("Paper Results"));
      gtk_label_set_label (self->legend,
                           _ ("For each card type L or M, then 1–5 (1 = rarely … 5 = almost "
                              "always). The next row comes up when a row is done."));
      /* Translators: fast entry progress, e.g. "Sorted 12/24 · Rated 10/24". */
      progress = g_strdup_printf (_ ("Sorted %u/%u · Rated %u/%u"), n_sorted, n, n_rated, n);
    }
  else
    {
      gtk_label_set_label (self->heading, _ ("How Often Do You Do This?"));
      gtk_label_set_label (self->legend,
                           _ ("1 = rarely … 5 = almost always. Click a number, or press 1–5 "
                              "to rate the highlighted row and move on."));
      /* Translators: reflect progress, e.g. "Rated 10/24". */
      progress = g_strdup_printf (_ ("Rated %u/%u"), n_rated, n);
    }

  gtk_label_set_label (self->progress_label, progress);
}

static void
update_rows (ThReflectBoard *self)
{
  ThReflectRow *row;

  for (int i = 0; (row = get_row (self, i)) != NULL; i++)
    th_reflect_row_update (row, self->participant);
  update_labels (self);
}

static void
apply_rating (ThReflectBoard *self, ThReflectRow *row, int rating)
{
  g_autoptr (GError) error = NULL;
  const char *participant_id = th_participant_get_id (self->participant);
  const char *behaviour_id = th_reflect_row_get_behaviour_id (row);

  if (self->undo != NULL
        ? !th_workshop_undo_set_rating (self->undo, participant_id, behaviour_id, rating, &error)
        : !th_session_set_rating (self->session, participant_id, behaviour_id, rating, &error))
    g_warning ("Could not rate %s: %s", behaviour_id, error->message);

  /* Nothing changed when the rating was the same; the row still has to
   * show the model again after its button was toggled off. */
  th_reflect_row_update (row, self->participant);
}

static void
apply_sort (ThReflectBoard *self, ThReflectRow *row, ThSide side)
{
  g_autoptr (GError) error = NULL;
  const char *participant_id = th_participant_get_id (self->participant);
  const char *behaviour_id = th_reflect_row_get_behaviour_id (row);

  if (self->undo != NULL
        ? !th_workshop_undo_set_sort (self->undo, participant_id, behaviour_id, side, &error)
        : !th_session_set_sort (self->session, participant_id, behaviour_id, side, &error))
    g_warning ("Could not sort %s: %s", behaviour_id, error->message);

  th_reflect_row_update (row, self->participant);
}

static void move_to_next_row (ThReflectBoard *self, ThReflectRow *row);

/* After a click on a row's answer, the keyboard follows the mouse, as it
 * does after a key: on to the next row once this one is done, otherwise
 * on this one.  Left where it was, the next key pressed answered a row
 * above again, over what the mouse had given it. */
static void
follow_click (ThReflectBoard *self, ThReflectRow *row)
{
  if (row_is_done (self, th_reflect_row_get_behaviour_id (row)))
    move_to_next_row (self, row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
row_rate_cb (ThReflectRow *row, int rating, ThReflectBoard *self)
{
  if (self->participant == NULL)
    return;
  apply_rating (self, row, rating);
  follow_click (self, row);
}

static void
row_sort_cb (ThReflectRow *row, int side, ThReflectBoard *self)
{
  if (self->participant == NULL)
    return;
  apply_sort (self, row, (ThSide)side);
  follow_click (self, row);
}

/* The order the rows should be in for the participant: their own, so
 * that the deck's blocks of cards with the same key do not give the key
 * away, or the deck's when the settings ask for it (or without one). */
static guint16 *
dup_wanted_order (ThReflectBoard *self)
{
  guint n = th_deck_get_n_behaviours (self->deck);
  const guint16 *order = NULL;
  guint n_order = 0;
  guint16 *wanted;

  if (self->participant != NULL && !g_settings_get_boolean (self->settings, "cards-in-deck-order"))
    order = th_participant_get_order (self->participant, &n_order);
  if (order != NULL && n_order == n)
    return g_memdup2 (order, sizeof (guint16) * MAX (n, 1));

  wanted = g_new (guint16, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    wanted[i] = (guint16)i;
  return wanted;
}

static void
rebuild_rows (ThReflectBoard *self)
{
  g_autofree char *focused = NULL;

  if (get_focused_row (self) != NULL)
    focused = g_strdup (th_reflect_row_get_behaviour_id (get_focused_row (self)));

  th_list_box_remove_all (self->list);
  g_clear_pointer (&self->shown, g_free);

  if (self->deck == NULL)
    return;

  self->shown = dup_wanted_order (self);
  for (guint i = 0; i < th_deck_get_n_behaviours (self->deck); i++)
    {
      GtkWidget *row
        = th_reflect_row_new (th_deck_get_behaviour (self->deck, self->shown[i]), self->fast_entry);

      g_signal_connect (row, "rate", G_CALLBACK (row_rate_cb), self);
      g_signal_connect (row, "sort", G_CALLBACK (row_sort_cb), self);
      gtk_list_box_append (self->list, row);
    }

  /* The keyboard stays on the card it was on, wherever that is now. */
  if (focused != NULL)
    th_reflect_board_focus_behaviour (self, focused);
}

/* Rebuilds the rows when they are not in the order wanted, as after
 * another participant is chosen or the setting changes. */
static void
update_order (ThReflectBoard *self)
{
  g_autofree guint16 *wanted = NULL;

  if (self->deck == NULL || self->shown == NULL)
    {
      rebuild_rows (self);
      return;
    }

  wanted = dup_wanted_order (self);
  if (memcmp (wanted, self->shown, sizeof (guint16) * th_deck_get_n_behaviours (self->deck)) != 0)
    rebuild_rows (self);
}

static void
deck_order_changed_cb (ThReflectBoard *self)
{
  update_order (self);
  update_rows (self);
}

static void
move_to_next_row (ThReflectBoard *self, ThReflectRow *row)
{
  ThReflectRow *next = get_row (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, ThReflectBoard *self)
{
  ThReflectRow *row;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  /* Clearing a row is for the row under the keyboard only: elsewhere
   * these keys are someone else's. */
  row = get_focused_row (self);
  if (row == NULL || self->participant == NULL)
    return FALSE;

  switch (keyval)
    {
      case GDK_KEY_0:
      case GDK_KEY_KP_0:
      case GDK_KEY_BackSpace:
      case GDK_KEY_Delete:
        apply_rating (self, row, 0);
        if (self->fast_entry)
          apply_sort (self, row, TH_SIDE_BOTH);
        return TRUE;

      default:
        return FALSE;
    }
}

/* The row the keys 1–5 (and L, M) are for: the one under the keyboard,
 * or, when the keyboard is elsewhere (after a click on a tab or a button,
 * or a dialog), the first row not done yet, which then takes the
 * keyboard. */
static ThReflectRow *
get_keyboard_row (ThReflectBoard *self)
{
  ThReflectRow *row = get_focused_row (self);

  if (row == NULL && th_reflect_board_focus_behaviour (self, NULL))
    row = get_focused_row (self);
  return row;
}

/* What a shortcut answers, besides the ratings 1 to 5. */
#define ANSWER_LEADERSHIP (-1)
#define ANSWER_MANAGEMENT (-2)

/* 1–5, and in fast entry L and M, are shortcuts of the window's (managed
 * scope) while the board is on screen, rather than keys of the board
 * alone: they work whatever the mouse did last, and a widget that takes
 * the key for itself (the name entry) still gets it first. */
static gboolean
answer_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ThReflectBoard *self = TH_REFLECT_BOARD (widget);
  int answer = GPOINTER_TO_INT (user_data);
  ThReflectRow *row;
  const char *behaviour_id;

  if (!th_widget_is_shown (widget) || self->participant == NULL
      || (answer < 0 && !self->fast_entry))
    return FALSE;

  row = get_keyboard_row (self);
  if (row == NULL)
    return FALSE;
  behaviour_id = th_reflect_row_get_behaviour_id (row);

  if (answer > 0)
    apply_rating (self, row, answer);
  else
    apply_sort (self, row, answer == ANSWER_LEADERSHIP ? TH_SIDE_LEADERSHIP : TH_SIDE_MANAGEMENT);
  if (row_is_done (self, behaviour_id))
    move_to_next_row (self, row);
  return TRUE;
}

/* @answer is a rating from 1 to 5, ANSWER_LEADERSHIP or ANSWER_MANAGEMENT. */
static void
add_answer_shortcut (GtkShortcutController *controller, GtkShortcutTrigger *trigger, int answer)
{
  gtk_shortcut_controller_add_shortcut (
    controller, gtk_shortcut_new (trigger, gtk_callback_action_new (
                                             answer_shortcut_cb, GINT_TO_POINTER (answer), NULL)));
}

static void
th_reflect_board_dispose (GObject *object)
{
  ThReflectBoard *self = TH_REFLECT_BOARD (object);

  g_clear_object (&self->participant_signals);
  g_clear_object (&self->participant);
  g_clear_object (&self->session);
  g_clear_object (&self->deck);
  g_clear_object (&self->undo);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->shown, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_REFLECT_BOARD);

  G_OBJECT_CLASS (th_reflect_board_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_FAST_ENTRY]
  = TH_PROPERTY_FIELD (ThReflectBoard, fast_entry, th_reflect_board_set_fast_entry),
};

static void
th_reflect_board_class_init (ThReflectBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_reflect_board_dispose;

  properties[PROP_FAST_ENTRY]
    = g_param_spec_boolean ("fast-entry", NULL, NULL, FALSE, TH_PARAM_READWRITE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-reflect-board.ui");
  gtk_widget_class_bind_template_child (widget_class, ThReflectBoard, scroller);
  gtk_widget_class_bind_template_child (widget_class, ThReflectBoard, heading);
  gtk_widget_class_bind_template_child (widget_class, ThReflectBoard, legend);
  gtk_widget_class_bind_template_child (widget_class, ThReflectBoard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ThReflectBoard, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "threflectboard");
}

static void
update_rows_cb (GtkWidget *widget)
{
  update_rows (TH_REFLECT_BOARD (widget));
}

/* The participant's ratings from a phone, with another view in front: the
 * rows catch up when the board is shown, not with every answer. */
static void
participant_changed_cb (ThReflectBoard *self)
{
  th_widget_update_when_mapped (GTK_WIDGET (self), update_rows_cb);
}

static void
th_reflect_board_init (ThReflectBoard *self)
{
  GtkEventController *keys;
  GtkEventController *shortcuts;

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_signals = g_signal_group_new (TH_TYPE_PARTICIPANT);
  g_signal_group_connect_object (self->participant_signals, "changed",
                                 G_CALLBACK (participant_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::cards-in-deck-order",
                           G_CALLBACK (deck_order_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (int rating = 1; rating <= 5; rating++)
    add_answer_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_0 + (guint)rating, 0),
                                   gtk_keyval_trigger_new (GDK_KEY_KP_0 + (guint)rating, 0)),
      rating);
  add_answer_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_l, 0),
                                 gtk_keyval_trigger_new (GDK_KEY_l, GDK_SHIFT_MASK)),
    ANSWER_LEADERSHIP);
  add_answer_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_m, 0),
                                 gtk_keyval_trigger_new (GDK_KEY_m, GDK_SHIFT_MASK)),
    ANSWER_MANAGEMENT);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_labels (self);
}

void
th_reflect_board_set_fast_entry (ThReflectBoard *self, gboolean fast_entry)
{
  g_return_if_fail (TH_IS_REFLECT_BOARD (self));

  if (!th_set_boolean (&self->fast_entry, fast_entry))
    return;

  if (fast_entry)
    gtk_widget_add_css_class (GTK_WIDGET (self), "fast-entry");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "fast-entry");
  rebuild_rows (self);
  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAST_ENTRY]);
}

TH_DEFINE_GETTER (gboolean, th_reflect_board_get_fast_entry, ThReflectBoard, TH_IS_REFLECT_BOARD,
                  fast_entry, FALSE)

void
th_reflect_board_set_undo (ThReflectBoard *self, ThWorkshopUndo *undo)
{
  g_return_if_fail (TH_IS_REFLECT_BOARD (self));

  g_set_object (&self->undo, undo);
}

void
th_reflect_board_set_participant (ThReflectBoard *self, ThSession *session,
                                  ThParticipant *participant)
{
  ThDeck *deck;

  g_return_if_fail (TH_IS_REFLECT_BOARD (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));
  g_return_if_fail (participant == NULL || TH_IS_PARTICIPANT (participant));

  g_set_object (&self->session, session);
  /* Someone else's board starts at the top, where the heading and the
   * scale are: not scrolled to where the last person stopped, which left
   * the next one's first rows under the scale out of sight. */
  if (g_set_object (&self->participant, participant))
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  g_signal_group_set_target (self->participant_signals, participant);

  deck = session != NULL ? th_session_get_deck (session) : NULL;
  if (deck != self->deck)
    {
      g_set_object (&self->deck, deck);
      rebuild_rows (self);
    }
  else
    update_order (self);

  update_rows (self);
}

const char *
th_reflect_board_get_focused_behaviour (ThReflectBoard *self)
{
  ThReflectRow *row;

  g_return_val_if_fail (TH_IS_REFLECT_BOARD (self), NULL);

  row = get_focused_row (self);
  return row != NULL ? th_reflect_row_get_behaviour_id (row) : NULL;
}

gboolean
th_reflect_board_focus_behaviour (ThReflectBoard *self, const char *behaviour_id)
{
  ThReflectRow *row;
  ThReflectRow *target = NULL;

  g_return_val_if_fail (TH_IS_REFLECT_BOARD (self), FALSE);

  for (int i = 0; target == NULL && (row = get_row (self, i)) != NULL; i++)
    {
      const char *id = th_reflect_row_get_behaviour_id (row);

      if (behaviour_id != NULL ? g_strcmp0 (id, behaviour_id) == 0
                               : self->participant != NULL && !row_is_done (self, id))
        target = row;
    }

  if (target == NULL)
    target = get_row (self, 0);
  if (target == NULL || !gtk_widget_grab_focus (GTK_WIDGET (target)))
    return FALSE;

  /* On the first row, the heading and the scale above it stay in view:
   * scrolling to the focused row alone hid them. */
  if (target == get_row (self, 0))
    gtk_adjustment_set_value (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  return TRUE;
}
