/* th-reveal-board.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "th-gtk-compat.h"
#include "th-property.h"
#include "th-reveal-board.h"
#include "th-set.h"
#include "th-widget-shown.h"

typedef struct
{
  ThBehaviour *behaviour;
  /* The row's parts, NULL until the overview's rows are made. */
  GtkLevelBar *bar;
  GtkLabel *share;
} OverviewItem;

struct _ThRevealBoard
{
  GtkWidget parent_instance;

  GtkWidget *root_box;
  GtkLabel *position_label;
  GtkLabel *accuracy_label;
  GtkWidget *card;
  GtkLabel *key_badge;
  GtkLabel *text_label;
  GtkWidget *why_heading;
  GtkLabel *why_label;
  GtkLevelBar *agreement_bar;
  GtkLabel *leadership_share;
  GtkLabel *management_share;
  GtkLabel *sorted_label;
  GtkLabel *answer_label;
  GtkWidget *group_heading;
  GtkWidget *shares_box;
  GtkLabel *overview_heading;
  GtkWidget *overview_button;
  GtkWidget *overview;
  GtkListBox *overview_list;
  GtkWidget *previous_button;
  GtkWidget *next_button;

  ThSession *session;
  /* The "changed" of whichever session the board shows. */
  GSignalGroup *session_signals;
  ThParticipant *participant;
  GArray *order; /* of OverviewItem, the most contested first */
  /* Whether the overview has a row for each entry of @order.  The rows
   * are made when the list is first shown: a deck of a thousand cards
   * would otherwise cost some seven thousand widgets, and their layout, in
   * every window that opens a workshop, whether or not anyone reveals. */
  gboolean overview_made;
  /* The order waits for the board to show (or to be asked about) when it
   * changes while hidden: a workshop opens in another phase. */
  gboolean order_stale;
  guint position;
  /* The behaviours whose key and why have been shown: each card first
   * shows how the group split, so that the room can argue before the key
   * settles it; a card shown once keeps its key when it comes back. */
  GHashTable *keys_shown;
  gboolean show_accuracy;
  gboolean selecting;
  /* One learner on their own: their answers against the key, their
   * mistakes first, and no word of a group. */
  gboolean self_study;
};

G_DEFINE_FINAL_TYPE (ThRevealBoard, th_reveal_board, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CURRENT,
  PROP_KEY_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
overview_item_clear (OverviewItem *item)
{
  g_clear_object (&item->behaviour);
}

/* The agreement bar shows the leadership share from the left and the
 * management share from the right, in the colours of the sort board; the
 * level bar's own offsets would recolour it by value, so they go. */
static void
prepare_bar (GtkLevelBar *bar)
{
  gtk_level_bar_set_min_value (bar, 0.0);
  gtk_level_bar_set_max_value (bar, 100.0);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (GTK_WIDGET (bar), "agreement");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Share of the group that put it under Leadership"), -1);
}

/* Whose answers the self-study shows: the selected participant, or the
 * session's only one. */
static ThParticipant *
get_learner (ThRevealBoard *self)
{
  if (self->participant != NULL)
    return self->participant;
  if (self->session != NULL && th_session_get_n_participants (self->session) > 0)
    return th_session_get_participant (self->session, 0);
  return NULL;
}

static void
update_accuracy (ThRevealBoard *self)
{
  g_autofree char *text = NULL;
  ThScores scores;

  if (!self->show_accuracy || self->session == NULL || self->participant == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->accuracy_label), FALSE);
      return;
    }

  th_session_compute_scores (self->session, self->participant, &scores);
  if (self->self_study && scores.sorted > 0)
    /* Translators: self-study reveal, e.g. "20 of your 24 answers match the key". */
    text
      = g_strdup_printf (_ ("%u of your %u answers match the key"), scores.correct, scores.sorted);
  else if (self->self_study)
    text = g_strdup (_ ("You have not sorted any card yet"));
  else if (scores.sorted == 0)
    /* Translators: %s is a participant's name. */
    text = g_strdup_printf (_ ("%s has not sorted any card yet"),
                            th_participant_get_name (self->participant));
  else
    /* Translators: accuracy shown to the facilitator, e.g. "Ana: 20 of 24 match the key (83 %)". */
    text = g_strdup_printf (_ ("%s: %u of %u match the key (%.0f %%)"),
                            th_participant_get_name (self->participant), scores.correct,
                            scores.sorted, 100.0 * scores.correct / scores.sorted);

  gtk_label_set_label (self->accuracy_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->accuracy_label), TRUE);
}

static void
update_current (ThRevealBoard *self)
{
  OverviewItem *item;
  ThBehaviour *behaviour;
  ThSide key;
  const char *why;
  double percent = 0.0;
  guint n_sorted = 0;
  gboolean has_agreement;
  g_autofree char *position = NULL;
  g_autofree char *leadership = NULL;
  g_autofree char *management = NULL;
  g_autofree char *sorted = NULL;
  g_autofree char *answer = NULL;

  gboolean key_shown;

  /* A hidden board's order waits for it to show, and this with it. */
  if (self->order_stale)
    return;

  key_shown = th_reveal_board_get_key_shown (self);

  /* "Next" is one step at a time, for a clicker too: the key of the card
   * on show, then the next card. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reveal.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reveal.next",
                                 self->order->len > 0
                                   && (!key_shown || self->position + 1 < self->order->len));
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        key_shown ? _ ("_Next Card") : _ ("_Show the Key"));
  gtk_widget_set_tooltip_text (self->next_button, key_shown ? _ ("Next Card (Right)")
                                                            : _ ("Show the Key and Why (Right)"));

  gtk_widget_set_visible (self->card, self->order->len > 0);
  if (self->order->len == 0)
    {
      gtk_label_set_label (self->position_label, "");
      return;
    }

  item = &g_array_index (self->order, OverviewItem, self->position);
  behaviour = item->behaviour;
  key = th_behaviour_get_key (behaviour);
  why = th_behaviour_get_why (behaviour);

  /* Translators: the reveal's position, e.g. "Card 3 of 24". */
  position = g_strdup_printf (_ ("Card %u of %u"), self->position + 1, self->order->len);
  gtk_label_set_label (self->position_label, position);

  gtk_widget_set_visible (GTK_WIDGET (self->key_badge), key_shown);
  gtk_label_set_label (self->key_badge, th_side_get_display_name (key));
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_badge), "leadership");
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_badge), "management");
  gtk_widget_add_css_class (GTK_WIDGET (self->key_badge),
                            key == TH_SIDE_LEADERSHIP ? "leadership" : "management");
  gtk_label_set_label (self->text_label, th_behaviour_get_text (behaviour));
  gtk_label_set_label (self->why_label, why != NULL ? why : "");
  gtk_widget_set_visible (self->why_heading, key_shown && why != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), key_shown && why != NULL);

  has_agreement = th_session_get_agreement (self->session, th_behaviour_get_id (behaviour),
                                            &percent, &n_sorted);
  gtk_level_bar_set_value (self->agreement_bar, has_agreement ? percent : 50.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agreement_bar), has_agreement);
  if (has_agreement)
    {
      /* Translators: a share of the group, e.g. "62 % Leadership". */
      leadership = g_strdup_printf (_ ("%.0f %% Leadership"), percent);
      management = g_strdup_printf (_ ("%.0f %% Management"), 100.0 - percent);
      /* Translators: e.g. "8 of 12 participants sorted it". */
      sorted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u participant sorted it",
                                             "%u of %u participants sorted it",
                                             th_session_get_n_participants (self->session)),
                                n_sorted, th_session_get_n_participants (self->session));
    }
  else
    sorted = g_strdup (_ ("Nobody has sorted this card yet"));
  gtk_label_set_label (self->leadership_share, leadership != NULL ? leadership : "");
  gtk_label_set_label (self->management_share, management != NULL ? management : "");
  gtk_label_set_label (self->sorted_label, sorted);
  gtk_widget_set_visible (self->group_heading, !self->self_study);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_bar), !self->self_study);
  gtk_widget_set_visible (self->shares_box, !self->self_study);
  gtk_widget_set_visible (GTK_WIDGET (self->sorted_label), !self->self_study);

  /* One person's answer against the key waits for the key too. */
  if (self->self_study && get_learner (self) != NULL)
    {
      ThSide side;

      if (!th_participant_get_sort (get_learner (self), th_behaviour_get_id (behaviour), &side))
        answer = g_strdup (_ ("You have not sorted this card."));
      else if (side == key)
        /* Translators: "You put it under Leadership, as the key does." */
        answer = g_strdup_printf (_ ("You put it under %s, as the key does."),
                                  th_side_get_display_name (side));
      else
        /* Translators: "You put it under Management; the key says Leadership." */
        answer = g_strdup_printf (_ ("You put it under %s; the key says %s."),
                                  th_side_get_display_name (side), th_side_get_display_name (key));
    }
  else if (self->participant != NULL && key_shown)
    {
      const char *name = th_participant_get_name (self->participant);
      ThSide side;

      if (!th_participant_get_sort (self->participant, th_behaviour_get_id (behaviour), &side))
        /* Translators: %s is a participant's name. */
        answer = g_strdup_printf (_ ("%s has not sorted this card."), name);
      else if (side == key)
        /* Translators: "Ana put it under Leadership, as the key does." */
        answer = g_strdup_printf (_ ("%s put it under %s, as the key does."), name,
                                  th_side_get_display_name (side));
      else
        /* Translators: "Ana put it under Management; the key says Leadership." */
        answer = g_strdup_printf (_ ("%s put it under %s; the key says %s."), name,
                                  th_side_get_display_name (side), th_side_get_display_name (key));
    }
  gtk_label_set_label (self->answer_label, answer != NULL ? answer : "");
  gtk_widget_set_visible (GTK_WIDGET (self->answer_label), answer != NULL);

  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->overview_list, (int)self->position);

    self->selecting = TRUE;
    gtk_list_box_select_row (self->overview_list, row);
    self->selecting = FALSE;
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_SHOWN]);
}

/* Brings the overview row of @item up to date. */
static void
update_item_numbers (ThRevealBoard *self, OverviewItem *item)
{
  double percent = 0.0;
  guint n_sorted = 0;
  g_autofree char *share = NULL;

  if (self->self_study)
    {
      ThParticipant *learner = get_learner (self);
      ThSide side;

      gtk_widget_set_visible (GTK_WIDGET (item->bar), FALSE);
      if (learner == NULL
          || !th_participant_get_sort (learner, th_behaviour_get_id (item->behaviour), &side))
        share = g_strdup (_ ("You have not sorted it"));
      else if (side == th_behaviour_get_key (item->behaviour))
        /* Translators: a card the learner sorted as the key does, in the overview. */
        share = g_strdup_printf (_ ("✓ Same as the key: %s"), th_side_get_display_name (side));
      else
        /* Translators: a card the learner sorted against the key, in the overview. */
        share = g_strdup_printf (_ ("✗ You: %s · the key: %s"), th_side_get_display_name (side),
                                 th_side_get_display_name (th_behaviour_get_key (item->behaviour)));
      gtk_label_set_label (item->share, share);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (item->bar), TRUE);
  if (th_session_get_agreement (self->session, th_behaviour_get_id (item->behaviour), &percent,
                                &n_sorted))
    {
      /* Translators: a compact split in the overview, e.g. "62 % L · 38 % M". */
      share = g_strdup_printf (_ ("%.0f %% L · %.0f %% M"), percent, 100.0 - percent);
      gtk_level_bar_set_value (item->bar, percent);
    }
  else
    gtk_level_bar_set_value (item->bar, 50.0);
  gtk_widget_set_sensitive (GTK_WIDGET (item->bar), share != NULL);
  gtk_label_set_label (item->share, share != NULL ? share : _ ("not sorted yet"));
}

static void
update_numbers (ThRevealBoard *self)
{
  for (guint i = 0; self->overview_made && i < self->order->len; i++)
    update_item_numbers (self, &g_array_index (self->order, OverviewItem, i));

  update_current (self);
  update_accuracy (self);
}

typedef struct
{
  ThBehaviour *behaviour;
  double distance; /* from an even split; cards nobody sorted go last */
  guint index;
} Ranked;

static int
compare_ranked (gconstpointer a, gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->distance != rb->distance)
    return ra->distance < rb->distance ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static GtkWidget *
create_overview_row (OverviewItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *text = gtk_label_new (th_behaviour_get_text (item->behaviour));
  GtkWidget *numbers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *share = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_widget_add_css_class (text, "overview-text");
  gtk_box_append (GTK_BOX (box), text);

  prepare_bar (GTK_LEVEL_BAR (bar));
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (numbers), bar);
  gtk_widget_add_css_class (share, "caption");
  gtk_widget_add_css_class (share, "numeric");
  gtk_widget_add_css_class (share, "dim-label");
  gtk_box_append (GTK_BOX (numbers), share);
  gtk_box_append (GTK_BOX (box), numbers);

  gtk_widget_add_css_class (box, "overview-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  th_behaviour_get_text (item->behaviour), -1);

  item->bar = GTK_LEVEL_BAR (bar);
  item->share = GTK_LABEL (share);
  return row;
}

/* A row in the overview for each card of the order, with its numbers,
 * and the current card's row selected. */
static void
make_overview_rows (ThRevealBoard *self)
{
  GtkListBoxRow *current;

  self->overview_made = TRUE;
  for (guint i = 0; i < self->order->len; i++)
    {
      OverviewItem *item = &g_array_index (self->order, OverviewItem, i);

      gtk_list_box_append (self->overview_list, create_overview_row (item));
      update_item_numbers (self, item);
    }

  current = gtk_list_box_get_row_at_index (self->overview_list, (int)self->position);
  self->selecting = TRUE;
  gtk_list_box_select_row (self->overview_list, current);
  self->selecting = FALSE;
}

static void
overview_list_map_cb (ThRevealBoard *self)
{
  if (!self->overview_made)
    make_overview_rows (self);
}

static void
refresh_order_now (ThRevealBoard *self)
{
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  ThDeck *deck;

  self->order_stale = FALSE;
  g_array_set_size (self->order, 0);
  self->selecting = TRUE;
  th_list_box_remove_all (self->overview_list);
  self->selecting = FALSE;
  self->position = 0;
  self->overview_made = FALSE;

  if (self->session == NULL)
    {
      update_current (self);
      update_accuracy (self);
      return;
    }

  deck = th_session_get_deck (self->session);
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      Ranked entry = { behaviour, G_MAXDOUBLE, i };
      double percent;
      guint n_sorted;
      ThSide side;

      if (self->self_study)
        /* The learner's mistakes first, then what they left unsorted,
         * then what they got right. */
        entry.distance = get_learner (self) == NULL
                             || !th_participant_get_sort (get_learner (self),
                                                          th_behaviour_get_id (behaviour), &side)
                           ? 1.0
                           : (side == th_behaviour_get_key (behaviour) ? 2.0 : 0.0);
      else if (th_session_get_agreement (self->session, th_behaviour_get_id (behaviour), &percent,
                                         &n_sorted))
        entry.distance = fabs (percent - 50.0);
      g_array_append_val (ranked, entry);
    }
  g_array_sort (ranked, compare_ranked);

  for (guint i = 0; i < ranked->len; i++)
    {
      OverviewItem item = { g_object_ref (g_array_index (ranked, Ranked, i).behaviour) };

      g_array_append_val (self->order, item);
    }
  /* A list on screen gets its rows at once, one out of sight when it is
   * next shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->overview_list)))
    make_overview_rows (self);

  update_numbers (self);
}

static void
go_to (ThRevealBoard *self, guint position)
{
  if (position >= self->order->len || position == self->position)
    return;

  self->position = position;
  update_current (self);
}

static void
overview_row_selected_cb (GtkListBox *list, GtkListBoxRow *row, ThRevealBoard *self)
{
  if (self->selecting || row == NULL)
    return;

  go_to (self, (guint)gtk_list_box_row_get_index (row));
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_reveal_board_next (TH_REVEAL_BOARD (widget));
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_reveal_board_previous (TH_REVEAL_BOARD (widget));
}

/* The keyboard lands on "Next Card": Enter, Space and the arrows all go
 * on from there. */
static gboolean
th_reveal_board_grab_focus (GtkWidget *widget)
{
  ThRevealBoard *self = TH_REVEAL_BOARD (widget);

  if (gtk_widget_get_sensitive (self->next_button))
    return gtk_widget_grab_focus (self->next_button);
  return gtk_widget_grab_focus (self->previous_button);
}

void
th_reveal_board_refresh_order (ThRevealBoard *self)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_order_now (self);
  else
    self->order_stale = TRUE;
}

static void
ensure_order (ThRevealBoard *self)
{
  if (self->order_stale)
    refresh_order_now (self);
}

static void
th_reveal_board_map (GtkWidget *widget)
{
  ensure_order (TH_REVEAL_BOARD (widget));

  GTK_WIDGET_CLASS (th_reveal_board_parent_class)->map (widget);
}

static void
th_reveal_board_dispose (GObject *object)
{
  ThRevealBoard *self = TH_REVEAL_BOARD (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->participant);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_REVEAL_BOARD);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->keys_shown, g_hash_table_unref);

  G_OBJECT_CLASS (th_reveal_board_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_CURRENT] = TH_PROPERTY_GETTER (th_reveal_board_get_current, NULL),
  [PROP_KEY_SHOWN] = TH_PROPERTY_GETTER (th_reveal_board_get_key_shown, NULL),
};

static void
th_reveal_board_class_init (ThRevealBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_reveal_board_dispose;
  widget_class->grab_focus = th_reveal_board_grab_focus;
  widget_class->map = th_reveal_board_map;

  properties[PROP_CURRENT]
    = g_param_spec_object ("current", NULL, NULL, TH_TYPE_BEHAVIOUR, TH_PARAM_READABLE);
  properties[PROP_KEY_SHOWN]
    = g_param_spec_boolean ("key-shown", NULL, NULL, FALSE, TH_PARAM_READABLE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-reveal-board.ui");
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, root_box);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, position_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, accuracy_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, card);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, key_badge);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, text_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, why_heading);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, why_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, agreement_bar);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, leadership_share);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, management_share);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, sorted_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, answer_label);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, group_heading);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, shares_box);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, overview_heading);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, overview_button);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, overview);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, overview_list);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ThRevealBoard, next_button);

  gtk_widget_class_install_action (widget_class, "reveal.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "reveal.previous", NULL, previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "reveal.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "reveal.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "reveal.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "reveal.previous", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "threvealboard");
}

static void
update_numbers_cb (GtkWidget *widget)
{
  update_numbers (TH_REVEAL_BOARD (widget));
}

/* A room answers while another view is in front: the board catches up
 * when it is shown, not with every answer. */
static void
session_changed_cb (ThRevealBoard *self)
{
  th_widget_update_when_mapped (GTK_WIDGET (self), update_numbers_cb);
}

static void
th_reveal_board_init (ThRevealBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->order = g_array_new (FALSE, TRUE, sizeof (OverviewItem));
  g_array_set_clear_func (self->order, (GDestroyNotify)overview_item_clear);
  self->show_accuracy = TRUE;
  self->keys_shown = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  /* Answers keep arriving during the reveal; the numbers follow them. */
  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  prepare_bar (self->agreement_bar);
  g_signal_connect (self->overview_list, "row-selected", G_CALLBACK (overview_row_selected_cb),
                    self);
  g_signal_connect_swapped (self->overview_list, "map", G_CALLBACK (overview_list_map_cb), self);
  update_current (self);
}

GtkWidget *
th_reveal_board_new (void)
{
  return g_object_new (TH_TYPE_REVEAL_BOARD, NULL);
}

void
th_reveal_board_set_session (ThRevealBoard *self, ThSession *session)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  if (!th_set_watched (&self->session, self->session_signals, session))
    return;

  g_hash_table_remove_all (self->keys_shown);

  th_reveal_board_refresh_order (self);
}

void
th_reveal_board_set_participant (ThRevealBoard *self, ThParticipant *participant)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));
  g_return_if_fail (participant == NULL || TH_IS_PARTICIPANT (participant));

  if (!g_set_object (&self->participant, participant))
    return;
  /* The learner's own order depends on their answers. */
  if (self->self_study)
    th_reveal_board_refresh_order (self);
  update_current (self);
  update_accuracy (self);
}

void
th_reveal_board_set_self_study (ThRevealBoard *self, gboolean self_study)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  if (!th_set_boolean (&self->self_study, self_study))
    return;

  gtk_label_set_label (self->overview_heading,
                       self_study ? _ ("Your Mistakes First") : _ ("Most Contested First"));
  gtk_widget_set_tooltip_text (self->overview_button, self_study
                                                        ? _ ("All Cards, Your Mistakes First")
                                                        : _ ("All Cards, Most Contested First"));
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (self->overview_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
    self_study ? _ ("Cards, your mistakes first") : _ ("Cards, most contested first"), -1);
  th_reveal_board_refresh_order (self);
}

void
th_reveal_board_set_show_accuracy (ThRevealBoard *self, gboolean show_accuracy)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  self->show_accuracy = !!show_accuracy;
  update_accuracy (self);
}

ThBehaviour *
th_reveal_board_get_current (ThRevealBoard *self)
{
  g_return_val_if_fail (TH_IS_REVEAL_BOARD (self), NULL);

  ensure_order (self);
  if (self->order->len == 0)
    return NULL;
  return g_array_index (self->order, OverviewItem, self->position).behaviour;
}

guint
th_reveal_board_get_position (ThRevealBoard *self)
{
  g_return_val_if_fail (TH_IS_REVEAL_BOARD (self), 0);

  ensure_order (self);
  return self->position;
}

ThBehaviour *
th_reveal_board_get_nth (ThRevealBoard *self, guint position)
{
  g_return_val_if_fail (TH_IS_REVEAL_BOARD (self), NULL);

  ensure_order (self);
  if (position >= self->order->len)
    return NULL;
  return g_array_index (self->order, OverviewItem, position).behaviour;
}

void
th_reveal_board_next (ThRevealBoard *self)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  ensure_order (self);
  if (!th_reveal_board_get_key_shown (self))
    th_reveal_board_show_key (self);
  else
    go_to (self, self->position + 1);
}

gboolean
th_reveal_board_get_key_shown (ThRevealBoard *self)
{
  ThBehaviour *current;

  g_return_val_if_fail (TH_IS_REVEAL_BOARD (self), FALSE);

  current = th_reveal_board_get_current (self);
  /* A learner on their own has committed to their answers: the key comes
   * with the card. */
  return current != NULL && (self->self_study || g_hash_table_contains (self->keys_shown, current));
}

void
th_reveal_board_show_key (ThRevealBoard *self)
{
  ThBehaviour *current;

  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  current = th_reveal_board_get_current (self);
  if (current == NULL || g_hash_table_contains (self->keys_shown, current))
    return;

  g_hash_table_add (self->keys_shown, g_object_ref (current));
  update_current (self);
}

void
th_reveal_board_previous (ThRevealBoard *self)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  ensure_order (self);
  if (self->position > 0)
    go_to (self, self->position - 1);
}

const char *
th_reveal_board_get_accuracy_text (ThRevealBoard *self)
{
  g_return_val_if_fail (TH_IS_REVEAL_BOARD (self), NULL);

  ensure_order (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->accuracy_label)))
    return NULL;
  return gtk_label_get_label (self->accuracy_label);
}

void
th_reveal_board_set_current (ThRevealBoard *self, ThBehaviour *behaviour)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  ensure_order (self);
  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, OverviewItem, i).behaviour == behaviour)
      {
        go_to (self, i);
        return;
      }
}

void
th_reveal_board_set_presenter (ThRevealBoard *self, gboolean presenter)
{
  g_return_if_fail (TH_IS_REVEAL_BOARD (self));

  /* The projector shows the card and how the group split, never one
   * person's answers, the list or the buttons. */
  th_reveal_board_set_show_accuracy (self, !presenter);
  if (presenter)
    th_reveal_board_set_participant (self, NULL);
  gtk_widget_set_visible (self->overview, !presenter);
  gtk_widget_set_visible (self->previous_button, !presenter);
  gtk_widget_set_visible (self->next_button, !presenter);
  adw_flap_set_locked (ADW_FLAP (self->root_box), presenter);
  adw_flap_set_reveal_flap (ADW_FLAP (self->root_box), !presenter);
  if (presenter)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter");
}
