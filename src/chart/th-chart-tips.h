/* th-chart-tips.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-types.h"

G_BEGIN_DECLS

/* "What to practise next" for each quadrant, shown beside the chart and
 * printed on the handouts.  All strings are translated. */

/* What to work on, e.g. "Practise the management hat". */
const char *th_chart_tips_get_heading (ThQuadrant quadrant);
/* One sentence on what the position means. */
const char *th_chart_tips_get_summary (ThQuadrant quadrant);
guint th_chart_tips_get_n_steps (ThQuadrant quadrant);
/* A concrete thing to try this week. */
const char *th_chart_tips_get_step (ThQuadrant quadrant, guint index);

G_END_DECLS
