/* th-reflect-row.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-reflect-row.h"

struct _ThReflectRow
{
  GtkListBoxRow parent_instance;

  ThBehaviour *behaviour;
  GtkWidget *rating_buttons[5];
  GtkWidget *leadership_button;
  GtkWidget *management_button;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ThReflectRow, th_reflect_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  RATE,
  SORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
rating_meaning (int rating)
{
  switch (rating)
    {
      case 1:
        return _ ("Rarely");
      case 2:
        return _ ("Now and then");
      case 3:
        return _ ("Sometimes");
      case 4:
        return _ ("Often");
      case 5:
      default:
        return _ ("Almost always");
    }
}

static void
rating_toggled_cb (GtkToggleButton *button, ThReflectRow *self)
{
  if (self->updating)
    return;

  /* The answer is the model's: the board applies it and the row then
   * shows whatever the model holds, which also undoes a click that
   * tried to switch the current rating off. */
  g_signal_emit (self, signals[RATE], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "th-rating")));
}

static void
sort_toggled_cb (GtkToggleButton *button, ThReflectRow *self)
{
  if (self->updating)
    return;

  g_signal_emit (self, signals[SORT], 0,
                 GTK_WIDGET (button) == self->leadership_button ? TH_SIDE_LEADERSHIP
                                                                : TH_SIDE_MANAGEMENT);
}

static GtkWidget *
create_toggle (const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "numeric");
  return button;
}

static void
th_reflect_row_dispose (GObject *object)
{
  ThReflectRow *self = TH_REFLECT_ROW (object);

  g_clear_object (&self->behaviour);

  G_OBJECT_CLASS (th_reflect_row_parent_class)->dispose (object);
}

static void
th_reflect_row_class_init (ThReflectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_reflect_row_dispose;

  /**
   * ThReflectRow::rate:
   * @rating: 1–5
   */
  signals[RATE] = g_signal_new ("rate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * ThReflectRow::sort:
   * @side: a ThSide, leadership or management
   */
  signals[SORT] = g_signal_new ("sort", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
th_reflect_row_init (ThReflectRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "reflect-row");
}

GtkWidget *
th_reflect_row_new (ThBehaviour *behaviour, gboolean with_sort)
{
  ThReflectRow *self;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *ratings;

  g_return_val_if_fail (TH_IS_BEHAVIOUR (behaviour), NULL);

  self = g_object_new (TH_TYPE_REFLECT_ROW, NULL);
  self->behaviour = g_object_ref (behaviour);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  label = gtk_label_new (th_behaviour_get_text (behaviour));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "reflect-text");
  gtk_box_append (GTK_BOX (box), label);

  if (with_sort)
    {
      GtkWidget *sort = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (sort, "linked");
      gtk_widget_set_valign (sort, GTK_ALIGN_CENTER);
      /* Translators: the key that sorts a card under Leadership in fast entry.
       * The key itself is always L; keep the letter. */
      self->leadership_button = create_toggle (C_ ("sort key", "L"), _ ("Leadership (L)"));
      gtk_widget_add_css_class (self->leadership_button, "leadership");
      /* Translators: the key that sorts a card under Management in fast entry.
       * The key itself is always M; keep the letter. */
      self->management_button = create_toggle (C_ ("sort key", "M"), _ ("Management (M)"));
      gtk_widget_add_css_class (self->management_button, "management");
      g_signal_connect (self->leadership_button, "toggled", G_CALLBACK (sort_toggled_cb), self);
      g_signal_connect (self->management_button, "toggled", G_CALLBACK (sort_toggled_cb), self);
      gtk_box_append (GTK_BOX (sort), self->leadership_button);
      gtk_box_append (GTK_BOX (sort), self->management_button);
      gtk_box_append (GTK_BOX (box), sort);
    }

  ratings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (ratings, "linked");
  gtk_widget_add_css_class (ratings, "rating-buttons");
  gtk_widget_set_valign (ratings, GTK_ALIGN_CENTER);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      g_autofree char *tooltip = g_strdup_printf ("%d — %s", i + 1, rating_meaning (i + 1));
      GtkWidget *button = create_toggle (number, tooltip);

      g_object_set_data (G_OBJECT (button), "th-rating", GINT_TO_POINTER (i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (rating_toggled_cb), self);
      gtk_box_append (GTK_BOX (ratings), button);
      self->rating_buttons[i] = button;
    }
  gtk_box_append (GTK_BOX (box), ratings);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  th_reflect_row_update (self, NULL);

  return GTK_WIDGET (self);
}

const char *
th_reflect_row_get_behaviour_id (ThReflectRow *self)
{
  g_return_val_if_fail (TH_IS_REFLECT_ROW (self), NULL);

  return th_behaviour_get_id (self->behaviour);
}

void
th_reflect_row_update (ThReflectRow *self, ThParticipant *participant)
{
  const char *id;
  int rating = 0;
  ThSide side = TH_SIDE_BOTH;
  gboolean sorted = FALSE;
  g_autofree char *description = NULL;

  g_return_if_fail (TH_IS_REFLECT_ROW (self));

  id = th_behaviour_get_id (self->behaviour);
  if (participant != NULL)
    {
      rating = th_participant_get_rating (participant, id);
      sorted = th_participant_get_sort (participant, id, &side);
    }

  self->updating = TRUE;
  for (int i = 0; i < 5; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->rating_buttons[i]), rating == i + 1);
  if (self->leadership_button != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->leadership_button),
                                    sorted && side == TH_SIDE_LEADERSHIP);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->management_button),
                                    sorted && side == TH_SIDE_MANAGEMENT);
    }
  self->updating = FALSE;

  if (rating > 0)
    /* Translators: how a rated row reads to a screen reader, e.g. "Rated 4 of 5: Often". */
    description = g_strdup_printf (_ ("Rated %d of 5: %s"), rating, rating_meaning (rating));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  th_behaviour_get_text (self->behaviour),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _ ("Not rated yet"), -1);
}
