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

/* Shows @content (a reveal card, the chart, the join screen) instead of the
 * card browser's card; NULL goes back to the card.  While @content shows,
 * next and previous (clicker keys) activate @next_action and
 * @previous_action on @nav_target, the facilitator's own widget. */
void th_presenter_window_set_content (ThPresenterWindow *self, GtkWidget *content,
                                      GtkWidget *nav_target, const char *next_action,
                                      const char *previous_action);
GtkWidget *th_presenter_window_get_content (ThPresenterWindow *self);

/* Timed rounds: starts (or pauses) a countdown of @minutes shown on screen. */
void th_presenter_window_toggle_timer (ThPresenterWindow *self);
void th_presenter_window_set_timer_minutes (ThPresenterWindow *self, int minutes);
gboolean th_presenter_window_get_timer_running (ThPresenterWindow *self);
int th_presenter_window_get_timer_remaining (ThPresenterWindow *self); /* seconds */

/* How the menu and the preferences that choose the projector name
 * @monitor, the screen at @index (from 0) of the display. */
char *th_presenter_window_dup_monitor_label (GdkMonitor *monitor, guint index);

G_END_DECLS
