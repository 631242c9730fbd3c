/* th-set.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The first half of every setter of a string or date property: each
 * stores @value in *@slot (a copy, or a new reference; NULL clears) unless
 * it equals what is there, and returns whether *@slot changed, so that
 * the setter notifies and emits its signals only on a change.  GLib 2.74
 * has g_set_object() but not yet g_set_str(). */
gboolean th_set_str (char **slot, const char *value);
gboolean th_set_date_time (GDateTime **slot, GDateTime *value);

/* The same for plain values.  th_set_boolean() stores TRUE or FALSE, never
 * another non-zero value, so that a later comparison sees no change where
 * there is none. */
gboolean th_set_boolean (gboolean *slot, gboolean value);
gboolean th_set_int (int *slot, int value);
gboolean th_set_double (double *slot, double value);

/* g_set_object() for an object whose signals @signals follows: points
 * @signals at the new object too, and returns whether it changed. */
gboolean th_set_watched (gpointer object_ptr, GSignalGroup *signals, gpointer object);

G_END_DECLS
