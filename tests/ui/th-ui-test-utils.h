/* th-ui-test-utils.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-application.h"
#include "th-window.h"

G_BEGIN_DECLS

/* Registers a non-unique application (which initialises GTK) and returns a
 * new main window for it, shown and drawn. */
ThWindow *th_test_new_window (ThApplication **app_out);

/* Presses and releases @keyval (with Control or Shift when asked) through
 * the X server (XTest), so the key travels the same path a person's does,
 * then waits until GTK has handled it. */
void th_test_press_key (GtkWindow *window, guint keyval, GdkModifierType modifiers);

/* Runs the main loop until @condition returns TRUE or @timeout_ms passes;
 * returns the condition's last value. */
gboolean th_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms);

/* Runs the main loop for @ms milliseconds. */
void th_test_spin (guint ms);

/* Destroys @window and waits for it to go. */
void th_test_destroy_window (GtkWindow *window);

G_END_DECLS
