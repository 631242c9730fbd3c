/* th-widget-shown.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-widget-shown.h"

gboolean
th_widget_is_shown (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  for (GtkWidget *child = widget; child != NULL; child = gtk_widget_get_parent (child))
    {
      GtkWidget *parent = gtk_widget_get_parent (child);

      if (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != child)
        return FALSE;
    }

  return TRUE;
}

/* The updates a widget owes, kept on it until it is mapped. */
typedef struct
{
  GArray *updates; /* of ThWidgetUpdateFunc, each at most once */
} Deferred;

static void
deferred_free (gpointer data)
{
  Deferred *deferred = data;

  g_array_unref (deferred->updates);
  g_free (deferred);
}

static void
deferred_map_cb (GtkWidget *widget, Deferred *deferred)
{
  g_autoptr (GArray) updates = NULL;

  if (deferred->updates->len == 0)
    return;

  /* An update may ask for another; that one runs at once, mapped now. */
  updates = g_steal_pointer (&deferred->updates);
  deferred->updates = g_array_new (FALSE, FALSE, sizeof (ThWidgetUpdateFunc));
  for (guint i = 0; i < updates->len; i++)
    g_array_index (updates, ThWidgetUpdateFunc, i) (widget);
}

void
th_widget_update_when_mapped (GtkWidget *widget, ThWidgetUpdateFunc update)
{
  static GQuark quark;
  Deferred *deferred;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (update != NULL);

  if (gtk_widget_get_mapped (widget))
    {
      update (widget);
      return;
    }

  if (quark == 0)
    quark = g_quark_from_static_string ("th-widget-deferred-updates");
  deferred = g_object_get_qdata (G_OBJECT (widget), quark);
  if (deferred == NULL)
    {
      deferred = g_new0 (Deferred, 1);
      deferred->updates = g_array_new (FALSE, FALSE, sizeof (ThWidgetUpdateFunc));
      g_object_set_qdata_full (G_OBJECT (widget), quark, deferred, deferred_free);
      g_signal_connect (widget, "map", G_CALLBACK (deferred_map_cb), deferred);
    }

  for (guint i = 0; i < deferred->updates->len; i++)
    if (g_array_index (deferred->updates, ThWidgetUpdateFunc, i) == update)
      return;
  g_array_append_val (deferred->updates, update);
}
