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

/* @ms multiplied by the TH_TEST_SLOW environment variable (default 1), as
 * tools/test sets it for the sanitizer builds. */
guint th_test_timeout (guint ms);

/* Presses and releases @keyval with the @modifiers asked for (any of
 * Control, Shift, Alt, Super and Meta: their keys go down in that
 * order before @keyval and come up in the reverse order after it) through
 * the X server (XTest), so the key travels the same path a person's does.
 * Returns once GTK has handled the key and its release and @window has
 * painted a frame after it (or has gone, when the key closed it).  Fails
 * the test when GTK never sees the key, or sees it without a modifier that
 * was asked for (but Meta, which GDK reads only where the keymap gives it
 * a modifier of its own).  An effect that comes later than the key's own handlers
 * (a new window, an animation) is for the caller to wait for with
 * th_test_wait_until(). */
void th_test_press_key (GtkWindow *window, guint keyval, GdkModifierType modifiers);

/* Runs the main loop until @condition returns TRUE or @timeout_ms passes;
 * returns the condition's last value.  A deadline is no measure of speed:
 * pass it through th_test_timeout(). */
gboolean th_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms);

/* Runs the main loop for @ms milliseconds. */
void th_test_spin (guint ms);

/* Destroys @window and waits for it to go. */
void th_test_destroy_window (GtkWindow *window);

/* Adds every widget of @type in the tree under @root (@root included) to
 * @found, in the order of the tree. */
void th_test_collect_widgets (GtkWidget *root, GType type, GPtrArray *found);

/* The first visible top-level window of @type (a dialog), or NULL. */
GtkWindow *th_test_find_toplevel (GType type);
/* For th_test_wait_until(): TRUE once a message dialog is on screen; it
 * is stored in *@data, an AdwMessageDialog **. */
gboolean th_test_message_dialog_shown (gpointer data);

/* The title a person reads on the toast shown under @root: its label's
 * text, after any markup in it was read.  NULL while none is shown. */
char *th_test_dup_shown_toast (GtkWidget *root);

G_END_DECLS
