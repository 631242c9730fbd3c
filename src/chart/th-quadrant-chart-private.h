/* th-quadrant-chart-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-quadrant-chart.h"

G_BEGIN_DECLS

/* For tests: what the label cache did, which no picture shows.  Shaping a
 * label is what makes a draw after new data slow, so the tests count it
 * instead of timing it. */

/* How many label texts (names and numbers) were laid out by Pango since
 * the chart was made. */
guint th_quadrant_chart_get_n_labels_shaped (ThQuadrantChart *self);
/* How many label texts the cache holds now. */
guint th_quadrant_chart_get_n_labels_cached (ThQuadrantChart *self);

G_END_DECLS
