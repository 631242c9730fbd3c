/* th-new-workshop-dialog.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-gtk-compat.h"
#include "th-name.h"
#include "th-new-workshop-dialog.h"

struct _ThNewWorkshopDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *name_row;
  GtkListBox *names_list;
  GtkSpinButton *anonymous_spin;

  ThDeck *deck;
  GPtrArray *names;
};

G_DEFINE_FINAL_TYPE (ThNewWorkshopDialog, th_new_workshop_dialog, ADW_TYPE_WINDOW)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_names (ThNewWorkshopDialog *self);

static void
remove_name_cb (GtkButton *button, ThNewWorkshopDialog *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "th-position"));

  if (position < self->names->len)
    g_ptr_array_remove_index (self->names, position);
  rebuild_names (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
rebuild_names (ThNewWorkshopDialog *self)
{
  th_list_box_remove_all (self->names_list);

  for (guint i = 0; i < self->names->len; i++)
    {
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      g_autofree char *label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), self->names->pdata[i]);
      /* Names are people's own text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);

      /* Translators: the tooltip of a button that removes a name; %s is the name. */
      label = g_strdup_printf (_ ("Remove %s"), (const char *)self->names->pdata[i]);
      gtk_widget_set_tooltip_text (remove, label);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "th-position", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_name_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), remove);
      gtk_list_box_append (self->names_list, action_row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->names_list), self->names->len > 0);
}

static void
name_activated_cb (ThNewWorkshopDialog *self)
{
  g_autofree char *name
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr (GError) error = NULL;

  if (*name == '\0')
    return;

  /* The rule of a name typed anywhere (th-name.h); what is wrong shows
   * on the row. */
  if (!th_name_check (name, NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
  g_ptr_array_add (self->names, g_steal_pointer (&name));
  rebuild_names (self);

  /* Ready for the next name at once. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
create_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_new_workshop_dialog_create (TH_NEW_WORKSHOP_DIALOG (widget));
}

static void
th_new_workshop_dialog_dispose (GObject *object)
{
  ThNewWorkshopDialog *self = TH_NEW_WORKSHOP_DIALOG (object);

  g_clear_object (&self->deck);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (th_new_workshop_dialog_parent_class)->dispose (object);
}

static void
th_new_workshop_dialog_class_init (ThNewWorkshopDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_new_workshop_dialog_dispose;

  /**
   * ThNewWorkshopDialog::created:
   * @session: the new session
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-new-workshop-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, names_list);
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, anonymous_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);

  gtk_widget_class_install_action (widget_class, "new-workshop.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "new-workshop.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "new-workshop.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
th_new_workshop_dialog_init (ThNewWorkshopDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_ptr_array_new_with_free_func (g_free);

  /* Translators: the suggested title of a new workshop, a g_date_time_format() string. */
  title = g_date_time_format (now, _ ("Workshop, %-d %B %Y"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

ThNewWorkshopDialog *
th_new_workshop_dialog_new (GtkWindow *parent, ThDeck *deck)
{
  ThNewWorkshopDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TH_IS_DECK (deck), NULL);

  self = g_object_new (TH_TYPE_NEW_WORKSHOP_DIALOG, "transient-for", parent, NULL);
  self->deck = g_object_ref (deck);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

guint
th_new_workshop_dialog_get_n_names (ThNewWorkshopDialog *self)
{
  g_return_val_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self), 0);

  return self->names->len;
}

const char *
th_new_workshop_dialog_get_name (ThNewWorkshopDialog *self, guint position)
{
  g_return_val_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->names->len, NULL);

  return self->names->pdata[position];
}

GtkWidget *
th_new_workshop_dialog_get_name_entry (ThNewWorkshopDialog *self)
{
  g_return_val_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self), NULL);

  return GTK_WIDGET (self->name_row);
}

GtkWidget *
th_new_workshop_dialog_get_title_entry (ThNewWorkshopDialog *self)
{
  g_return_val_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self), NULL);

  return GTK_WIDGET (self->title_row);
}

void
th_new_workshop_dialog_set_n_anonymous (ThNewWorkshopDialog *self, guint n_anonymous)
{
  g_return_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self));

  gtk_spin_button_set_value (self->anonymous_spin, n_anonymous);
}

void
th_new_workshop_dialog_create (ThNewWorkshopDialog *self)
{
  g_autoptr (ThSession) session = NULL;
  g_autofree char *title = NULL;
  guint n_anonymous;

  g_return_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self));

  /* A name still in the entry counts too: people press Create without the
   * last Enter. */
  name_activated_cb (self);

  session = th_session_new (self->deck);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*title != '\0')
    th_session_set_title (session, title);

  for (guint i = 0; i < self->names->len; i++)
    {
      g_autoptr (GError) error = NULL;

      if (th_session_add_participant (session, self->names->pdata[i], &error) == NULL)
        g_warning ("Could not add “%s”: %s", (const char *)self->names->pdata[i], error->message);
    }

  gtk_spin_button_update (self->anonymous_spin);
  n_anonymous = (guint)gtk_spin_button_get_value_as_int (self->anonymous_spin);
  for (guint i = 0; i < n_anonymous; i++)
    {
      g_autoptr (GError) error = NULL;

      if (th_session_add_participant (session, NULL, &error) == NULL)
        {
          g_warning ("Could not add an anonymous participant: %s", error->message);
          break;
        }
    }

  g_signal_emit (self, signals[CREATED], 0, session);
  gtk_window_close (GTK_WINDOW (self));
}
