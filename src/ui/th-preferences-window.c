/* th-preferences-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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
  AdwComboRow *monitor_row;
  GtkSpinButton *timer_spin;

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
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, ThPreferencesWindow, timer_spin);
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
  g_settings_bind (settings, "presenter-timer-minutes",
                   gtk_spin_button_get_adjustment (self->timer_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  return GTK_WIDGET (self);
}
