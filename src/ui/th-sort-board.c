/* th-sort-board.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-gtk-compat.h"
#include "th-property.h"
#include "th-set.h"
#include "th-sort-board.h"
#include "th-widget-shown.h"

/* The columns from left to right: L and M send a card to the column on
 * that side of the pile, which is what the eye expects. */
enum
{
  COLUMN_LEADERSHIP,
  COLUMN_PILE,
  COLUMN_MANAGEMENT,
  N_COLUMNS
};

struct _ThSortBoard
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *leadership_column;
  GtkWidget *pile_column;
  GtkWidget *management_column;
  GtkListBox *leadership_list;
  GtkListBox *pile_list;
  GtkListBox *management_list;
  GtkLabel *leadership_count;
  GtkLabel *pile_count;
  GtkLabel *management_count;

  ThWorkshopUndo *undo;
  ThSession *session;
  ThParticipant *participant;
  /* The "changed" of whichever participant the board is for. */
  GSignalGroup *participant_signals;
  /* The card to focus after the rebuild that a keyboard move causes. */
  char *pending_focus;
  /* Where "cards-in-deck-order" is read. */
  GSettings *settings;

  /* A large deck's board shows each column's first cards at once and adds
   * the rest below them a batch a frame (fill_cb()).  fill_cards[column]
   * holds the deck indices of the column's cards in the participant's
   * order; those from fill_next[column] on are still to come. */
  guint fill_id;
  GArray *fill_cards[N_COLUMNS];
  guint fill_next[N_COLUMNS];
};

/* The cards each column shows at once: more than a column has room for on
 * a large screen. */
#define FILL_FIRST 16
/* The cards added in a frame after that, the pile's first. */
#define FILL_BATCH 64

G_DEFINE_FINAL_TYPE (ThSortBoard, th_sort_board, GTK_TYPE_WIDGET)

#define BEHAVIOUR_ID_KEY "th-behaviour-id"

static GtkListBox *
get_list (ThSortBoard *self, guint column)
{
  switch (column)
    {
      case COLUMN_LEADERSHIP:
        return self->leadership_list;
      case COLUMN_PILE:
        return self->pile_list;
      case COLUMN_MANAGEMENT:
        return self->management_list;
      default:
        g_assert_not_reached ();
    }
}

static guint
column_for_side (ThSide side)
{
  switch (side)
    {
      case TH_SIDE_LEADERSHIP:
        return COLUMN_LEADERSHIP;
      case TH_SIDE_MANAGEMENT:
        return COLUMN_MANAGEMENT;
      case TH_SIDE_BOTH:
      default:
        return COLUMN_PILE;
    }
}

static const char *
row_get_behaviour_id (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), BEHAVIOUR_ID_KEY);
}

/* The card row that holds the keyboard focus, and its column. */
static GtkListBoxRow *
get_focused_row (ThSortBoard *self, guint *column_out)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (GTK_IS_LIST_BOX_ROW (widget))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);

          for (guint column = 0; column < N_COLUMNS; column++)
            if (parent == GTK_WIDGET (get_list (self, column)))
              {
                if (column_out != NULL)
                  *column_out = column;
                return GTK_LIST_BOX_ROW (widget);
              }
          return NULL;
        }
      if (widget == GTK_WIDGET (self))
        break;
    }

  return NULL;
}

static void finish_fill (ThSortBoard *self);

static GtkListBoxRow *
find_row (ThSortBoard *self, const char *behaviour_id, guint *column_out)
{
  finish_fill (self);
  for (guint column = 0; column < N_COLUMNS; column++)
    {
      GtkListBox *list = get_list (self, column);
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
        if (g_strcmp0 (row_get_behaviour_id (row), behaviour_id) == 0)
          {
            if (column_out != NULL)
              *column_out = column;
            return row;
          }
    }

  return NULL;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, GtkListBoxRow *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, row_get_behaviour_id (row));
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, GtkWidget *row)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 24, 16);
  gtk_widget_add_css_class (row, "dragged");
}

static void
drag_end_cb (GtkDragSource *source, GdkDrag *drag, gboolean delete_data, GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "dragged");
}

static GtkWidget *
create_card (ThBehaviour *behaviour, ThSide side)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (th_behaviour_get_text (behaviour));
  GtkDragSource *drag_source = gtk_drag_source_new ();
  const char *where;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "sort-card-text");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_add_css_class (row, "sort-card");
  g_object_set_data_full (G_OBJECT (row), BEHAVIOUR_ID_KEY,
                          g_strdup (th_behaviour_get_id (behaviour)), g_free);

  switch (side)
    {
      case TH_SIDE_LEADERSHIP:
        where = _ ("Sorted under Leadership");
        break;
      case TH_SIDE_MANAGEMENT:
        where = _ ("Sorted under Management");
        break;
      case TH_SIDE_BOTH:
      default:
        where = _ ("Not sorted yet");
        break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  th_behaviour_get_text (behaviour),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);

  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  g_signal_connect (drag_source, "drag-end", G_CALLBACK (drag_end_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag_source));

  return row;
}

static void
set_count (GtkLabel *label, guint n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (label, text);
}

static ThSide
get_side (ThSortBoard *self, ThBehaviour *behaviour)
{
  ThSide side = TH_SIDE_BOTH;

  if (!th_participant_get_sort (self->participant, th_behaviour_get_id (behaviour), &side))
    side = TH_SIDE_BOTH;
  return side;
}

/* Adds up to @n of @column's cards still to come; returns how many. */
static guint
add_cards (ThSortBoard *self, guint column, guint n)
{
  ThDeck *deck = th_session_get_deck (self->session);
  GArray *cards = self->fill_cards[column];
  guint added = 0;

  for (; cards != NULL && self->fill_next[column] < cards->len && added < n; added++)
    {
      guint index = g_array_index (cards, guint, self->fill_next[column]++);
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, index);

      gtk_list_box_append (get_list (self, column),
                           create_card (behaviour, get_side (self, behaviour)));
    }
  return added;
}

static gboolean
fill_done (ThSortBoard *self)
{
  for (guint column = 0; column < N_COLUMNS; column++)
    if (self->fill_cards[column] != NULL && self->fill_next[column] < self->fill_cards[column]->len)
      return FALSE;
  return TRUE;
}

/* One batch a frame, while the board is on screen: the pile first, the
 * column the person works through. */
static gboolean
fill_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  static const guint order[] = { COLUMN_PILE, COLUMN_LEADERSHIP, COLUMN_MANAGEMENT };
  ThSortBoard *self = TH_SORT_BOARD (widget);
  guint budget = FILL_BATCH;

  for (guint i = 0; i < G_N_ELEMENTS (order) && budget > 0; i++)
    budget -= add_cards (self, order[i], budget);
  if (!fill_done (self))
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* Whatever looks for a card's row (the keyboard, focus, a drop) has every
 * card on the board first. */
static void
finish_fill (ThSortBoard *self)
{
  if (self->fill_id == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  for (guint column = 0; column < N_COLUMNS; column++)
    add_cards (self, column, G_MAXUINT);
}

static gboolean
finish_fill_on_key_cb (ThSortBoard *self)
{
  finish_fill (self);
  return GDK_EVENT_PROPAGATE;
}

static void
stop_fill (ThSortBoard *self)
{
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  for (guint column = 0; column < N_COLUMNS; column++)
    {
      g_clear_pointer (&self->fill_cards[column], g_array_unref);
      self->fill_next[column] = 0;
    }
}

static void
rebuild (ThSortBoard *self)
{
  g_autofree char *focused = NULL;
  guint counts[N_COLUMNS] = { 0 };
  const guint16 *order = NULL;
  guint n_order = 0;
  ThDeck *deck;

  /* The participant's own order, so that the deck's blocks of cards with
   * the same key do not give the key away.  The first time a participant
   * is shown this makes their order, and the ::changed that says so
   * rebuilds the board from within this call: asked before the rows go,
   * so that this rebuild then starts afresh too rather than add a second
   * set of cards. */
  if (self->participant != NULL && !g_settings_get_boolean (self->settings, "cards-in-deck-order"))
    order = th_participant_get_order (self->participant, &n_order);

  if (get_focused_row (self, NULL) != NULL)
    focused = g_strdup (row_get_behaviour_id (get_focused_row (self, NULL)));

  stop_fill (self);
  for (guint column = 0; column < N_COLUMNS; column++)
    th_list_box_remove_all (get_list (self, column));

  if (self->participant == NULL)
    {
      set_count (self->leadership_count, 0);
      set_count (self->pile_count, 0);
      set_count (self->management_count, 0);
      return;
    }

  deck = th_session_get_deck (self->session);
  if (n_order != th_deck_get_n_behaviours (deck))
    order = NULL;

  for (guint column = 0; column < N_COLUMNS; column++)
    self->fill_cards[column] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      guint index = order != NULL ? order[i] : i;
      guint column = column_for_side (get_side (self, th_deck_get_behaviour (deck, index)));

      g_array_append_val (self->fill_cards[column], index);
      counts[column]++;
    }

  for (guint column = 0; column < N_COLUMNS; column++)
    add_cards (self, column, FILL_FIRST);
  if (!fill_done (self))
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_cb, NULL, NULL);

  set_count (self->leadership_count, counts[COLUMN_LEADERSHIP]);
  set_count (self->pile_count, counts[COLUMN_PILE]);
  set_count (self->management_count, counts[COLUMN_MANAGEMENT]);

  /* The keyboard stays with the card (or the place) the person was at. */
  if (self->pending_focus != NULL)
    th_sort_board_focus_card (self, self->pending_focus);
  else if (focused != NULL)
    th_sort_board_focus_card (self, focused);
}

static gboolean
place_card (ThSortBoard *self, const char *card_id, ThSide side, gboolean follow_keyboard)
{
  /* The card's id belongs to its row, which sorting it rebuilds. */
  g_autofree char *behaviour_id = g_strdup (card_id);
  g_autoptr (GError) error = NULL;
  const char *participant_id;
  gboolean ok;

  if (self->participant == NULL || self->session == NULL)
    return FALSE;

  participant_id = th_participant_get_id (self->participant);

  /* By keyboard, the focus stays in the column the person works through
   * (the next card there), so L L M … sorts the pile from top to bottom;
   * when that column is empty it follows the card. */
  if (follow_keyboard)
    {
      guint column;
      GtkListBoxRow *row = find_row (self, behaviour_id, &column);

      g_clear_pointer (&self->pending_focus, g_free);
      if (row != NULL && column != column_for_side (side))
        {
          GtkListBox *list = get_list (self, column);
          int index = gtk_list_box_row_get_index (row);
          GtkListBoxRow *next = gtk_list_box_get_row_at_index (list, index + 1);

          if (next == NULL && index > 0)
            next = gtk_list_box_get_row_at_index (list, index - 1);
          self->pending_focus
            = g_strdup (next != NULL ? row_get_behaviour_id (next) : behaviour_id);
        }
    }

  if (self->undo != NULL)
    ok = th_workshop_undo_set_sort (self->undo, participant_id, behaviour_id, side, &error);
  else
    ok = th_session_set_sort (self->session, participant_id, behaviour_id, side, &error);

  g_clear_pointer (&self->pending_focus, g_free);

  if (!ok)
    g_warning ("Could not sort %s: %s", behaviour_id, error->message);

  return ok;
}

static gboolean
move_focus_to_column (ThSortBoard *self, guint from, int direction, int index)
{
  for (int column = (int)from + direction; column >= 0 && column < N_COLUMNS; column += direction)
    {
      GtkListBox *list = get_list (self, (guint)column);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

      /* The same height in the next column, or its last card. */
      for (int i = index; row == NULL && i > 0; i--)
        row = gtk_list_box_get_row_at_index (list, i - 1);

      if (row != NULL)
        return gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, ThSortBoard *self)
{
  GtkListBoxRow *row;
  guint column;
  const char *behaviour_id;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  row = get_focused_row (self, &column);
  if (row == NULL)
    return FALSE;
  behaviour_id = row_get_behaviour_id (row);

  switch (keyval)
    {
      case GDK_KEY_u:
      case GDK_KEY_U:
      case GDK_KEY_BackSpace:
      case GDK_KEY_Delete:
        place_card (self, behaviour_id, TH_SIDE_BOTH, TRUE);
        return TRUE;

      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        move_focus_to_column (self, column, -1, gtk_list_box_row_get_index (row));
        /* Handled even at the edge, so the focus does not leave the board. */
        return TRUE;

      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        move_focus_to_column (self, column, +1, gtk_list_box_row_get_index (row));
        return TRUE;

      default:
        return FALSE;
    }
}

/* The first card of the pile other than @behaviour_id, or @behaviour_id
 * when there is none. */
static const char *
next_on_pile (ThSortBoard *self, const char *behaviour_id)
{
  GtkListBox *pile = get_list (self, COLUMN_PILE);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (pile, i)) != NULL; i++)
    if (g_strcmp0 (row_get_behaviour_id (row), behaviour_id) != 0)
      return row_get_behaviour_id (row);

  return behaviour_id;
}

/* L and M: the card under the keyboard goes under Leadership or
 * Management.  They are shortcuts of the window's (managed scope) while
 * the board is on screen, not keys of the board alone: after a click
 * elsewhere (a tab, a button, the participants' list) or a dialog the
 * keyboard is not on a card, and the keys still sort, from the top of
 * the pile, and put the keyboard on the board. */
static gboolean
sort_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ThSortBoard *self = TH_SORT_BOARD (widget);
  GtkListBoxRow *row = get_focused_row (self, NULL);

  if (!th_widget_is_shown (widget))
    return FALSE;
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (get_list (self, COLUMN_PILE), 0);
  if (row == NULL || self->participant == NULL)
    return FALSE;

  place_card (self, row_get_behaviour_id (row), (ThSide)GPOINTER_TO_INT (user_data), TRUE);
  return TRUE;
}

static void
add_sort_shortcut (GtkShortcutController *controller, guint keyval, ThSide side)
{
  /* With Shift too, as the letters were always taken either way. */
  GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (
    gtk_keyval_trigger_new (keyval, 0), gtk_keyval_trigger_new (keyval, GDK_SHIFT_MASK));

  gtk_shortcut_controller_add_shortcut (
    controller, gtk_shortcut_new (trigger, gtk_callback_action_new (sort_shortcut_cb,
                                                                    GINT_TO_POINTER (side), NULL)));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, ThSortBoard *self)
{
  ThSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (target), "th-side"));
  const char *behaviour_id;

  if (!G_VALUE_HOLDS_STRING (value) || self->session == NULL || self->participant == NULL)
    return FALSE;

  /* A drop can come from anywhere, another app included. */
  behaviour_id = g_value_get_string (value);
  if (behaviour_id == NULL
      || th_deck_lookup_behaviour (th_session_get_deck (self->session), behaviour_id) == NULL)
    return FALSE;

  /* The keyboard goes on where the mouse left off: at the next card of
   * the pile (or the dropped card, once the pile is empty), so that L and
   * M sort on from there.  Before, it stayed where it was, which after a
   * drag is often nowhere, or on the very card just sorted. */
  g_clear_pointer (&self->pending_focus, g_free);
  self->pending_focus = g_strdup (next_on_pile (self, behaviour_id));
  return place_card (self, behaviour_id, side, FALSE);
}

static void
add_drop_target (ThSortBoard *self, GtkWidget *column, ThSide side)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data (G_OBJECT (target), "th-side", GINT_TO_POINTER (side));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "sort-placeholder");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
th_sort_board_dispose (GObject *object)
{
  ThSortBoard *self = TH_SORT_BOARD (object);

  g_clear_object (&self->participant_signals);
  g_clear_object (&self->participant);
  g_clear_object (&self->session);
  g_clear_object (&self->undo);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_focus, g_free);
  stop_fill (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_SORT_BOARD);

  G_OBJECT_CLASS (th_sort_board_parent_class)->dispose (object);
}

static void
th_sort_board_class_init (ThSortBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_sort_board_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-sort-board.ui");
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, box);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, leadership_column);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, pile_column);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, management_column);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, leadership_list);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, pile_list);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, management_list);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, leadership_count);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, pile_count);
  gtk_widget_class_bind_template_child (widget_class, ThSortBoard, management_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thsortboard");
}

static void
rebuild_cb (GtkWidget *widget)
{
  rebuild (TH_SORT_BOARD (widget));
}

/* The participant's answers from a phone, with another view in front: the
 * board is made again when it is shown, not with every answer. */
static void
participant_changed_cb (ThSortBoard *self)
{
  th_widget_update_when_mapped (GTK_WIDGET (self), rebuild_cb);
}

static void
th_sort_board_init (ThSortBoard *self)
{
  GtkEventController *keys;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_signals = g_signal_group_new (TH_TYPE_PARTICIPANT);
  g_signal_group_connect_object (self->participant_signals, "changed",
                                 G_CALLBACK (participant_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::cards-in-deck-order", G_CALLBACK (rebuild),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_set_placeholder (self->leadership_list,
                                create_placeholder (_ ("Press L on a card, or drag it here")));
  gtk_list_box_set_placeholder (self->pile_list, create_placeholder (_ ("Every card is sorted")));
  gtk_list_box_set_placeholder (self->management_list,
                                create_placeholder (_ ("Press M on a card, or drag it here")));

  add_drop_target (self, self->leadership_column, TH_SIDE_LEADERSHIP);
  add_drop_target (self, self->pile_column, TH_SIDE_BOTH);
  add_drop_target (self, self->management_column, TH_SIDE_MANAGEMENT);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Before the lists see a key (End, Page Down, the arrows), every card
   * is on the board: a key may go to one not shown yet. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (finish_fill_on_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  add_sort_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_l, TH_SIDE_LEADERSHIP);
  add_sort_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_m, TH_SIDE_MANAGEMENT);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
th_sort_board_set_undo (ThSortBoard *self, ThWorkshopUndo *undo)
{
  g_return_if_fail (TH_IS_SORT_BOARD (self));
  g_return_if_fail (undo == NULL || TH_IS_WORKSHOP_UNDO (undo));

  g_set_object (&self->undo, undo);
}

void
th_sort_board_set_participant (ThSortBoard *self, ThSession *session, ThParticipant *participant)
{
  g_return_if_fail (TH_IS_SORT_BOARD (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));
  g_return_if_fail (participant == NULL || TH_IS_PARTICIPANT (participant));

  g_set_object (&self->session, session);
  th_set_watched (&self->participant, self->participant_signals, participant);

  rebuild (self);
}

TH_DEFINE_GETTER (ThParticipant *, th_sort_board_get_participant, ThSortBoard, TH_IS_SORT_BOARD,
                  participant, NULL)

GtkWidget *
th_sort_board_get_column (ThSortBoard *self, ThSide side)
{
  g_return_val_if_fail (TH_IS_SORT_BOARD (self), NULL);

  finish_fill (self);
  switch (side)
    {
      case TH_SIDE_LEADERSHIP:
        return self->leadership_column;
      case TH_SIDE_MANAGEMENT:
        return self->management_column;
      case TH_SIDE_BOTH:
      default:
        return self->pile_column;
    }
}

const char *
th_sort_board_get_focused_card (ThSortBoard *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TH_IS_SORT_BOARD (self), NULL);

  row = get_focused_row (self, NULL);
  return row != NULL ? row_get_behaviour_id (row) : NULL;
}

gboolean
th_sort_board_focus_card (ThSortBoard *self, const char *behaviour_id)
{
  GtkListBoxRow *row = NULL;

  g_return_val_if_fail (TH_IS_SORT_BOARD (self), FALSE);

  if (behaviour_id != NULL)
    row = find_row (self, behaviour_id, NULL);

  if (row == NULL)
    {
      static const guint order[] = { COLUMN_PILE, COLUMN_LEADERSHIP, COLUMN_MANAGEMENT };

      for (guint i = 0; row == NULL && i < G_N_ELEMENTS (order); i++)
        row = gtk_list_box_get_row_at_index (get_list (self, order[i]), 0);
    }

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}
