/* th-preferences-window.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TH_TYPE_PREFERENCES_WINDOW (th_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ThPreferencesWindow, th_preferences_window, TH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *th_preferences_window_new (GtkWindow *parent, GSettings *settings);

G_END_DECLS
