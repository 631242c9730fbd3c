/* th-widget-shown.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @widget is on screen as the page its stacks show.  Mapped is
 * not enough for a window's shortcuts that belong to one board: while a
 * stack changes page both pages are mapped, and a key pressed then is for
 * the page coming in. */
gboolean th_widget_is_shown (GtkWidget *widget);

G_END_DECLS
