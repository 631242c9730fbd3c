/* th-gtk-compat.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What newer GTK offers and GTK 4.8, the oldest the app runs on, lacks;
 * once the app needs a newer GTK, these give way to GTK's own. */

/* Removes every row of @list (not its placeholder), as GTK 4.12's
 * gtk_list_box_remove_all() does. */
void th_list_box_remove_all (GtkListBox *list);

G_END_DECLS
