/* th-participant-row.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-participant-row.h"
#include "th-property.h"
#include "th-set.h"
#include "th-widget-shown.h"

#include <adwaita.h>

struct _ThParticipantRow
{
  AdwBin parent_instance;

  GtkLabel *name_label;
  GtkLabel *progress_label;
  GtkWidget *done_image;
  GtkMenuButton *menu_button;

  ThParticipant *participant;
  /* The "changed" of whichever participant the row shows (rows are
   * recycled as the list scrolls). */
  GSignalGroup *participant_signals;
  guint n_behaviours;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (ThParticipantRow, th_participant_row, ADW_TYPE_BIN)

static void
update (ThParticipantRow *self)
{
  guint n_sorted = th_participant_get_n_sorted (self->participant);
  guint n_rated = th_participant_get_n_rated (self->participant);
  g_autofree char *progress = NULL;
  g_autofree char *description = NULL;

  self->finished = n_sorted >= self->n_behaviours && n_rated >= self->n_behaviours;

  /* Translators: a participant's progress in the sidebar, e.g. "Sorted 24/24 · Rated 10/24". */
  progress = g_strdup_printf (_ ("Sorted %u/%u · Rated %u/%u"), n_sorted, self->n_behaviours,
                              n_rated, self->n_behaviours);
  /* A label set, even to the text it has, is laid out again, and each
   * answer of a room changes one row's progress only. */
  if (g_strcmp0 (gtk_label_get_label (self->name_label),
                 th_participant_get_name (self->participant))
      != 0)
    gtk_label_set_label (self->name_label, th_participant_get_name (self->participant));
  if (g_strcmp0 (gtk_label_get_label (self->progress_label), progress) != 0)
    gtk_label_set_label (self->progress_label, progress);
  gtk_widget_set_visible (self->done_image, self->finished);

  if (self->finished)
    description = g_strdup_printf ("%s, %s", progress, _ ("finished"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  th_participant_get_name (self->participant),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : progress, -1);
}

static void
update_cb (GtkWidget *widget)
{
  ThParticipantRow *self = TH_PARTICIPANT_ROW (widget);

  if (self->participant != NULL)
    update (self);
}

/* The sidebar is off screen while another view is in front. */
static void
participant_changed_cb (ThParticipantRow *self)
{
  th_widget_update_when_mapped (GTK_WIDGET (self), update_cb);
}

/* A long name is cut short in the list; the whole of it is a pointer away,
 * as plain text.  Asked for when the pointer rests on it: a tooltip text
 * set on each row as it is bound would ask the display where the pointer
 * is, once a row. */
static gboolean
name_query_tooltip_cb (GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                       ThParticipantRow *self)
{
  const char *text = th_participant_row_get_tooltip_text (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
th_participant_row_dispose (GObject *object)
{
  ThParticipantRow *self = TH_PARTICIPANT_ROW (object);

  g_clear_object (&self->participant_signals);
  g_clear_object (&self->participant);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_PARTICIPANT_ROW);

  G_OBJECT_CLASS (th_participant_row_parent_class)->dispose (object);
}

static void
th_participant_row_class_init (ThParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_participant_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ThParticipantRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ThParticipantRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ThParticipantRow, done_image);
  gtk_widget_class_bind_template_child (widget_class, ThParticipantRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, name_query_tooltip_cb);
}

static void
th_participant_row_init (ThParticipantRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_signals = g_signal_group_new (TH_TYPE_PARTICIPANT);
  g_signal_group_connect_object (self->participant_signals, "changed",
                                 G_CALLBACK (participant_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The menu is made when it is first opened: a menu model on every row
 * makes every row register its items with the window's actions, which
 * costs time proportional to the rows already there, so a workshop of a
 * thousand took seconds to show. */
static void
create_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  ThParticipantRow *self = user_data;
  g_autoptr (GMenu) menu = NULL;
  g_autoptr (GMenuItem) rename = NULL;
  g_autoptr (GMenuItem) remove = NULL;
  const char *id;

  if (self->participant == NULL || gtk_menu_button_get_menu_model (button) != NULL)
    return;

  id = th_participant_get_id (self->participant);
  menu = g_menu_new ();
  rename = g_menu_item_new (_ ("_Rename…"), NULL);
  g_menu_item_set_action_and_target (rename, "workshop.rename", "s", id);
  g_menu_append_item (menu, rename);
  remove = g_menu_item_new (_ ("Re_move"), NULL);
  g_menu_item_set_action_and_target (remove, "workshop.remove", "s", id);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

GtkWidget *
th_participant_row_new (void)
{
  ThParticipantRow *self = g_object_new (TH_TYPE_PARTICIPANT_ROW, NULL);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  return GTK_WIDGET (self);
}

void
th_participant_row_set_participant (ThParticipantRow *self, ThParticipant *participant,
                                    guint n_behaviours)
{
  g_return_if_fail (TH_IS_PARTICIPANT_ROW (self));
  g_return_if_fail (participant == NULL || TH_IS_PARTICIPANT (participant));

  th_set_watched (&self->participant, self->participant_signals, participant);
  self->n_behaviours = n_behaviours;

  /* A recycled row must not keep the menu of the one before. */
  gtk_menu_button_popdown (self->menu_button);
  gtk_menu_button_set_menu_model (self->menu_button, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  if (participant == NULL)
    return;

  update (self);
}

TH_DEFINE_GETTER (ThParticipant *, th_participant_row_get_participant, ThParticipantRow,
                  TH_IS_PARTICIPANT_ROW, participant, NULL)

TH_DEFINE_GETTER (gboolean, th_participant_row_get_finished, ThParticipantRow,
                  TH_IS_PARTICIPANT_ROW, finished, FALSE)

const char *
th_participant_row_get_tooltip_text (ThParticipantRow *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT_ROW (self), NULL);

  return self->participant != NULL ? th_participant_get_name (self->participant) : NULL;
}

const char *
th_participant_row_get_progress (ThParticipantRow *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT_ROW (self), NULL);

  return gtk_label_get_label (self->progress_label);
}
