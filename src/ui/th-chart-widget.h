/* th-chart-widget.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-quadrant-chart.h"
#include "th-session.h"

G_BEGIN_DECLS

/* ThChartWidget: the quadrant chart on screen, live.  It draws with the one
 * renderer (ThQuadrantChart), follows its session, the colour scheme and
 * the keyboard, and emits ::participant-activated (participant id) when a
 * dot is clicked or Enter is pressed on the focused dot. */
#define TH_TYPE_CHART_WIDGET (th_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (ThChartWidget, th_chart_widget, TH, CHART_WIDGET, GtkWidget)

GtkWidget *th_chart_widget_new (void);

void th_chart_widget_set_session (ThChartWidget *self, ThSession *session);
ThSession *th_chart_widget_get_session (ThChartWidget *self);
/* The renderer this widget draws with; its layout is the last frame's. */
ThQuadrantChart *th_chart_widget_get_chart (ThChartWidget *self);

void th_chart_widget_set_anonymous (ThChartWidget *self, gboolean anonymous);
gboolean th_chart_widget_get_anonymous (ThChartWidget *self);

/* The participant id that was last activated or set here, or NULL. */
const char *th_chart_widget_get_selected_participant (ThChartWidget *self);
void th_chart_widget_set_selected_participant (ThChartWidget *self, const char *participant_id);
/* The participant id of the dot the keyboard is on, or NULL. */
const char *th_chart_widget_get_focused_participant (ThChartWidget *self);

/* What the tooltip says for the dot at (@x, @y) in widget coordinates:
 * name (or number when anonymous), both scores and the quadrant; NULL
 * when no dot is there. */
char *th_chart_widget_dup_tooltip_text_at (ThChartWidget *self, double x, double y);

/* Applies a pending session change now instead of at the next frame. */
void th_chart_widget_flush (ThChartWidget *self);

G_END_DECLS
