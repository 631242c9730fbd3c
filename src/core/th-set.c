/* th-set.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-set.h"

gboolean
th_set_str (char **slot, const char *value)
{
  char *copy;

  g_return_val_if_fail (slot != NULL, FALSE);

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  /* Copied before the old string goes: @value may lie inside it. */
  copy = g_strdup (value);
  g_free (*slot);
  *slot = copy;

  return TRUE;
}

gboolean
th_set_date_time (GDateTime **slot, GDateTime *value)
{
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);

  return TRUE;
}

gboolean
th_set_boolean (gboolean *slot, gboolean value)
{
  return th_set_int (slot, !!value);
}

gboolean
th_set_int (int *slot, int value)
{
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == value)
    return FALSE;

  *slot = value;
  return TRUE;
}

gboolean
th_set_double (double *slot, double value)
{
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == value)
    return FALSE;

  *slot = value;
  return TRUE;
}

gboolean
th_set_watched (gpointer object_ptr, GSignalGroup *signals, gpointer object)
{
  g_return_val_if_fail (object_ptr != NULL, FALSE);

  if (!g_set_object ((GObject **)object_ptr, object))
    return FALSE;

  g_signal_group_set_target (signals, object);
  return TRUE;
}
