/* th-preferences-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-name.h"
#include "th-preferences-window.h"
#include "th-presenter-window.h"

/* Every row is bound to GSettings, so a change applies at once and there
 * is nothing to confirm or cancel. */

struct _ThPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *style_row;
  GtkSwitch *anonymous_switch;
  GtkSpinButton *threshold_spin;
  GtkSwitch *deck_order_switch;
  AdwComboRow *monitor_row;
  GtkSpinButton *timer_spin;
  GtkSpinButton *room_size_spin;
  GtkSwitch *generated_switch;
  GtkListBox *refused_list;
  AdwEntryRow *refused_entry;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (ThPreferencesWindow, th_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const styles[] = { "system", "light", "dark" };

static gboolean
style_to_row (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (style, styles[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
row_to_style (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (styles[MIN (selected, G_N_ELEMENTS (styles) - 1)]);
}

/* Row 0 is "Automatic" (-1); row N is monitor N - 1. */
static gboolean
monitor_to_row (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, (guint)(g_variant_get_int32 (variant) + 1));
  return TRUE;
}

static GVariant *
row_to_monitor (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_int32 ((gint32)g_value_get_uint (value) - 1);
}

static void
fill_monitors (ThPreferencesWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _ ("Automatic"));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *label = th_presenter_window_dup_monitor_label (monitor, i);

      gtk_string_list_append (names, label);
    }

  adw_combo_row_set_model (self->monitor_row, G_LIST_MODEL (names));
}

/* Refused words: a row for each, with a button that takes it out, above
 * the row that adds one. */

static void
remove_word (ThPreferencesWindow *self, const char *word)
{
  g_auto (GStrv) words = g_settings_get_strv (self->settings, "refused-words");
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_strcmp0 (words[i], word) != 0)
      g_strv_builder_add (kept, words[i]);
  result = g_strv_builder_end (kept);
  g_settings_set_strv (self->settings, "refused-words", (const char *const *)result);
}

static void
remove_word_clicked_cb (GtkButton *button, ThPreferencesWindow *self)
{
  remove_word (self, g_object_get_data (G_OBJECT (button), "th-word"));
}

static void
fill_refused_words (ThPreferencesWindow *self)
{
  g_auto (GStrv) words = g_settings_get_strv (self->settings, "refused-words");
  GtkWidget *child;

  /* Every row but the entry, which keeps what is being typed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->refused_list)))
         != GTK_WIDGET (self->refused_entry))
    gtk_list_box_remove (self->refused_list, child);

  for (guint i = 0; words[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *tooltip = NULL;

      /* The facilitator's own words, shown as typed: no markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words[i]);

      /* Translators: the tooltip of the button that takes a refused word
       * off the list. */
      tooltip = g_strdup_printf (_ ("Remove “%s”"), words[i]);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "th-word", g_strdup (words[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_word_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      gtk_list_box_insert (self->refused_list, row, (int)i);
    }
}

/* Adds what the entry holds, unless it is there already in some case. */
static void
add_word_cb (ThPreferencesWindow *self)
{
  g_autofree char *word
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->refused_entry))));
  g_auto (GStrv) words = g_settings_get_strv (self->settings, "refused-words");
  g_autofree char *key = th_name_dup_key (word);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;

  if (*key == '\0')
    return;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *other = th_name_dup_key (words[i]);

      if (g_strcmp0 (key, other) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->refused_entry), "");
          return;
        }
    }

  g_strv_builder_addv (builder, (const char **)words);
  g_strv_builder_add (builder, word);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "refused-words", (const char *const *)result);
  gtk_editable_set_text (GTK_EDITABLE (self->refused_entry), "");
}

static void
th_preferences_window_dispose (GObject *object)
{
  ThPreferencesWindow *self = TH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (th_preferences_window_parent_class)->dispose (object);
}

static void
th_preferences_window_class_init (ThPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, deck_order_switch);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, timer_spin);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, room_size_spin);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, generated_switch);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, refused_list);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, refused_entry);
}

static void
th_preferences_window_init (ThPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
th_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  ThPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TH_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->settings = g_object_ref (settings);

  fill_monitors (self);
  g_settings_bind_with_mapping (settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_row, row_to_style, NULL, NULL);
  g_settings_bind_with_mapping (settings, "presenter-monitor", self->monitor_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, monitor_to_row, row_to_monitor, NULL,
                                NULL);
  g_settings_bind (settings, "anonymous-default", self->anonymous_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "threshold-default",
                   gtk_spin_button_get_adjustment (self->threshold_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "cards-in-deck-order", self->deck_order_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "presenter-timer-minutes",
                   gtk_spin_button_get_adjustment (self->timer_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "room-size", gtk_spin_button_get_adjustment (self->room_size_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "generated-names", self->generated_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  fill_refused_words (self);
  g_signal_connect_object (settings, "changed::refused-words", G_CALLBACK (fill_refused_words),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->refused_entry, "apply", G_CALLBACK (add_word_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->refused_entry, "entry-activated", G_CALLBACK (add_word_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
