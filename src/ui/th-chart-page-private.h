/* th-chart-page-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-chart-page.h"
#include "th-print-operation.h"

G_BEGIN_DECLS

/* The page is written in two parts that share this structure:
 * th-chart-page.c (the chart, the table, the next steps and the settings)
 * and th-chart-page-export.c (export and printing). */

#define N_QUADRANT_SLOTS (TH_QUADRANT_DEVELOPING + 1)

struct _ThChartPage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwFlap *flap;
  GtkLabel *summary_label;
  char *summary;
  GtkWidget *print_button;
  GtkWidget *empty_label;
  ThChartWidget *chart;
  GtkSwitch *anonymous_switch;
  GtkSpinButton *threshold_spin;
  GtkAdjustment *threshold_adjustment;
  GtkStack *side_stack;
  GtkColumnView *table;
  GtkBox *tips_box;

  ThSession *session;
  /* The changes and the participants of whichever session is shown. */
  GSignalGroup *session_signals;
  guint refresh_id;
  gint64 last_refresh_us;

  GListStore *rows; /* ThChartRow, in session order */
  GtkSingleSelection *selection;
  gboolean anonymous;
  gboolean syncing_selection;
  gboolean syncing_threshold;

  GtkWidget *tip_cards[N_QUADRANT_SLOTS];
  GtkLabel *tip_counts[N_QUADRANT_SLOTS];

  GSettings *settings;
  GtkFileChooserNative *export_chooser;
  ThPrintOperation *print_operation;
  /* Cancelled when the page goes: an export that finishes after that
   * tells nobody. */
  GCancellable *cancellable;
};

/* th-chart-page-export.c */
void _th_chart_page_class_export_init (ThChartPageClass *klass);
/* Closes a file chooser that is still open. */
void _th_chart_page_export_dispose (ThChartPage *self);

G_END_DECLS
