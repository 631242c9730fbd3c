/* th-chart-row.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "th-scores.h"

G_BEGIN_DECLS

/* ThChartRow: one line of the chart page's table, a participant as shown:
 * the name (or number when anonymous) and scores formatted for reading.
 * Properties notify only when they change, so a live session repaints
 * only the cells that moved. */
#define TH_TYPE_CHART_ROW (th_chart_row_get_type ())
G_DECLARE_FINAL_TYPE (ThChartRow, th_chart_row, TH, CHART_ROW, GObject)

ThChartRow *th_chart_row_new (const char *participant_id);

const char *th_chart_row_get_participant_id (ThChartRow *self);
const char *th_chart_row_get_display_name (ThChartRow *self);
/* -1 when the score is undefined, so that such rows sort first. */
double th_chart_row_get_leadership (ThChartRow *self);
double th_chart_row_get_management (ThChartRow *self);
ThQuadrant th_chart_row_get_quadrant (ThChartRow *self);

void th_chart_row_update (ThChartRow *self, const char *display_name, const ThScores *scores);

G_END_DECLS
