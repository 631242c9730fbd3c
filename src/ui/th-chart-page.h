/* th-chart-page.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-chart-widget.h"
#include "th-print-operation.h"
#include "th-session.h"

G_BEGIN_DECLS

/* ThChartPage: the Chart view.  The live chart fills the space; a side
 * pane (folding on narrow windows) has the anonymous switch, the
 * threshold, the participants' scores and what each quadrant should
 * practise next.
 *
 * Widget actions: "chart.export", "chart.print", "chart.print-handouts",
 * "chart.print-cards" and the stateful "chart.anonymous". */
#define TH_TYPE_CHART_PAGE (th_chart_page_get_type ())
G_DECLARE_FINAL_TYPE (ThChartPage, th_chart_page, TH, CHART_PAGE, GtkWidget)

GtkWidget *th_chart_page_new (void);

void th_chart_page_set_session (ThChartPage *self, ThSession *session);
ThSession *th_chart_page_get_session (ThChartPage *self);

ThChartWidget *th_chart_page_get_chart (ThChartPage *self);

void th_chart_page_set_anonymous (ThChartPage *self, gboolean anonymous);
gboolean th_chart_page_get_anonymous (ThChartPage *self);

/* Writes the chart to @file as PNG (1600×1200), PDF or SVG (A4 landscape),
 * chosen by the file's extension; what chart.export does after its file
 * chooser.  The chart is taken from the session at once and drawn and
 * written on a worker thread.  @file may be any GFile, one without a
 * local path too; the error says when it cannot be written there.
 * @cancellable NULL is the page's own, which th_chart_page_cancel()
 * cancels. */
void th_chart_page_export_to_file_async (ThChartPage *self, GFile *file, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
gboolean th_chart_page_export_to_file_finish (ThChartPage *self, GAsyncResult *result,
                                              GError **error);
/* th_chart_page_export_to_file_async(), returning once the file is
 * written (the main loop runs meanwhile). */
gboolean th_chart_page_export_to_file (ThChartPage *self, GFile *file, GError **error);
/* Gives up the exports in progress that took the page's own cancellable
 * (what chart.export starts): they finish with G_IO_ERROR_CANCELLED and
 * tell nobody.  The window calls it as it closes.  Later exports start
 * afresh. */
void th_chart_page_cancel (ThChartPage *self);

/* Prints the chart, handouts or cards (@mode) to @file as PDF, as the
 * print dialog's Print to File does, without the dialog.  @file may be
 * any GFile, as above. */
gboolean th_chart_page_print_to_file (ThChartPage *self, ThPrintMode mode, GFile *file,
                                      GError **error);

/* A menu section for the window's primary menu: "Export Chart…",
 * "Print Chart…", "Print Handouts…" and "Print Cards for Sorting on
 * Paper…" on win.export-chart, win.print-chart, win.print-handouts and
 * win.print-cards, which the window forwards to this page's actions. */
GMenuModel *th_chart_page_get_menu (void);

G_END_DECLS
