/* th-new-workshop-dialog.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-duplicate-name.h"
#include "th-gtk-compat.h"
#include "th-name.h"
#include "th-new-workshop-dialog.h"

struct _ThNewWorkshopDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *title_row;
  AdwEntryRow *name_row;
  GtkListBox *names_list;
  GtkWidget *duplicates_box;
  GtkLabel *duplicates_label;
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

/* How many names of the list have the same name earlier in it
 * (th_name_dup_key(): "Ana" and " ana" are one name).  With @repeated,
 * sets each position whose name is on the list more than once, and with
 * @first_names adds each such name, as first typed, once. */
static guint
count_duplicates (ThNewWorkshopDialog *self, gboolean *repeated, GPtrArray *first_names)
{
  g_autoptr (GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  for (guint i = 0; i < self->names->len; i++)
    {
      char *key = th_name_dup_key (self->names->pdata[i]);
      gpointer position;

      g_ptr_array_add (keys, key);
      if (!g_hash_table_lookup_extended (first, key, NULL, &position))
        {
          g_hash_table_insert (first, g_strdup (key), GUINT_TO_POINTER (i));
          continue;
        }

      n++;
      if (repeated != NULL)
        repeated[i] = repeated[GPOINTER_TO_UINT (position)] = TRUE;
    }

  if (first_names != NULL && repeated != NULL)
    for (guint i = 0; i < self->names->len; i++)
      if (repeated[i] && GPOINTER_TO_UINT (g_hash_table_lookup (first, keys->pdata[i])) == i)
        g_ptr_array_add (first_names, self->names->pdata[i]);

  return n;
}

/* Says which names are on the list more than once; the facilitator
 * decides whether they are numbered. */
static void
update_duplicates (ThNewWorkshopDialog *self, const gboolean *repeated, GPtrArray *first_names)
{
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  GString *quoted = g_string_new (NULL);

  gtk_widget_set_visible (self->duplicates_box, first_names->len > 0);
  if (first_names->len == 0)
    {
      g_string_free (quoted, TRUE);
      return;
    }

  for (guint i = 0; i < first_names->len; i++)
    {
      if (i > 0)
        /* Translators: what parts the names in "These names are on the list
         * more than once: “Ana”, “Ben”." */
        g_string_append (quoted, _ (", "));
      /* Translators: a name quoted in a list of names; %s is the name. */
      g_string_append_printf (quoted, _ ("“%s”"), (const char *)first_names->pdata[i]);
    }
  names = g_string_free (quoted, FALSE);

  if (first_names->len == 1)
    /* Translators: a warning above the names of a new workshop; %s is a
     * quoted name ("“Ana”"). */
    text = g_strdup_printf (_ ("%s is on the list more than once. Two people with the same name "
                               "cannot be told apart on the chart, on the handouts or in "
                               "exported files."),
                            names);
  else
    /* Translators: a warning above the names of a new workshop; %s is a
     * list of quoted names ("“Ana”, “Ben”"). */
    text = g_strdup_printf (_ ("These names are on the list more than once: %s. Two people with "
                               "the same name cannot be told apart on the chart, on the handouts "
                               "or in exported files."),
                            names);
  gtk_label_set_label (self->duplicates_label, text);
}

/* The Number Them button: each name on the list a second time gets the
 * first number free on the whole list ("Ana", "Ana 2", "Ana 3"); the
 * first of each keeps its name. */
static void
number_duplicates_cb (ThNewWorkshopDialog *self)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->names->len; i++)
    g_hash_table_add (keys, th_name_dup_key (self->names->pdata[i]));

  for (guint i = 0; i < self->names->len; i++)
    {
      char *key = th_name_dup_key (self->names->pdata[i]);
      char *numbered;

      if (g_hash_table_add (seen, key))
        continue;

      numbered = th_name_dup_numbered (self->names->pdata[i], th_duplicate_name_is_taken, keys);
      if (numbered == NULL)
        continue;
      g_hash_table_add (keys, th_name_dup_key (numbered));
      g_hash_table_add (seen, th_name_dup_key (numbered));
      g_free (self->names->pdata[i]);
      self->names->pdata[i] = numbered;
    }

  rebuild_names (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

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
  g_autofree gboolean *repeated = g_new0 (gboolean, self->names->len + 1);
  g_autoptr (GPtrArray) first_names = g_ptr_array_new ();

  count_duplicates (self, repeated, first_names);
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

      if (repeated[i])
        {
          GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          /* The subtitle says it in words. */
          gtk_widget_add_css_class (warning, "warning");
          gtk_accessible_update_state (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), warning);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row),
                                       _ ("Another name on the list is the same"));
        }
      gtk_list_box_append (self->names_list, action_row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->names_list), self->names->len > 0);
  update_duplicates (self, repeated, first_names);
}

/* Adds the name in the entry to the list; FALSE when there was none to
 * add, or the rule refused it. */
static gboolean
add_typed_name (ThNewWorkshopDialog *self)
{
  g_autofree char *name
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr (GError) error = NULL;

  if (*name == '\0')
    return FALSE;

  /* The rule of a name typed anywhere (th-name.h); what is wrong shows
   * on the row. */
  if (!th_name_check (name, NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), error->message);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
  g_ptr_array_add (self->names, g_steal_pointer (&name));
  rebuild_names (self);

  /* Ready for the next name at once. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return TRUE;
}

/* A name the list has already is added too, and the warning above the
 * list says so: whether it gets a number is the facilitator's choice. */
static void
name_activated_cb (ThNewWorkshopDialog *self)
{
  add_typed_name (self);
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
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, duplicates_box);
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, ThNewWorkshopDialog, anonymous_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_duplicates_cb);

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

GtkWidget *
th_new_workshop_dialog_get_duplicates_label (ThNewWorkshopDialog *self)
{
  g_return_val_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self), NULL);

  return GTK_WIDGET (self->duplicates_label);
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
  guint n_duplicates;

  g_return_if_fail (TH_IS_NEW_WORKSHOP_DIALOG (self));

  /* A name still in the entry counts too: people press Create without the
   * last Enter.  When it is a name the list has already, the workshop
   * waits: the warning it brings up has not been read yet. */
  n_duplicates = count_duplicates (self, NULL, NULL);
  if (add_typed_name (self) && count_duplicates (self, NULL, NULL) > n_duplicates)
    return;

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
