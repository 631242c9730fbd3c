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

/* Calls @update with @widget at once while @widget is mapped; otherwise
 * once, when it is mapped next, however often it was asked meanwhile.
 * For what follows a live session: a view that is not on screen (another
 * view in front) would otherwise lay its labels out again for every
 * answer of a room, in every frame of the view that is. */
typedef void (*ThWidgetUpdateFunc) (GtkWidget *widget);
void th_widget_update_when_mapped (GtkWidget *widget, ThWidgetUpdateFunc update);

G_END_DECLS
