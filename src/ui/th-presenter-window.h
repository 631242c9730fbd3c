/* th-presenter-window.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-card-browser.h"

G_BEGIN_DECLS

#define TH_TYPE_PRESENTER_WINDOW (th_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (ThPresenterWindow, th_presenter_window, TH, PRESENTER_WINDOW, AdwWindow)

/* A second window for the projector that follows @browser. */
ThPresenterWindow *th_presenter_window_new (ThCardBrowser *browser);

gboolean th_presenter_window_get_blanked (ThPresenterWindow *self);
void th_presenter_window_set_blanked (ThPresenterWindow *self, gboolean blanked);
ThConcept *th_presenter_window_get_concept (ThPresenterWindow *self);
gboolean th_presenter_window_get_flipped (ThPresenterWindow *self);

/* Timed rounds: starts (or pauses) a countdown of @minutes shown on screen. */
void th_presenter_window_toggle_timer (ThPresenterWindow *self);
void th_presenter_window_set_timer_minutes (ThPresenterWindow *self, int minutes);
gboolean th_presenter_window_get_timer_running (ThPresenterWindow *self);
int th_presenter_window_get_timer_remaining (ThPresenterWindow *self); /* seconds */

G_END_DECLS
