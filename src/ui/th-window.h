/* th-window.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-application.h"
#include "th-card-browser.h"
#include "th-document.h"
#include "th-presenter-window.h"
#include "th-self-study-path.h"
#include "th-self-study-result.h"
#include "th-welcome-page.h"
#include "th-workshop-view.h"

G_BEGIN_DECLS

#define TH_TYPE_WINDOW (th_window_get_type ())
G_DECLARE_FINAL_TYPE (ThWindow, th_window, TH, WINDOW, AdwApplicationWindow)

ThWindow *th_window_new (ThApplication *application);

/* Opens a deck or a session: the file is read on a worker thread (the
 * title says "Opening “name”…" with a spinner once that takes a while),
 * then shown; a broken file gets a message and changes nothing.  Files
 * asked for one after another are shown in that order.  Closing the
 * window gives up what is still being read: its callback then gets
 * G_IO_ERROR_CANCELLED and nothing is shown.  Finishes with TRUE once the
 * file is shown, else FALSE with the error the message showed. */
void th_window_open_file_async (ThWindow *self, GFile *file, GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean th_window_open_file_finish (ThWindow *self, GAsyncResult *result, GError **error);
/* th_window_open_file_async(), returning once the file is shown or
 * refused; it runs the main loop meanwhile, so it is for callers that are
 * not inside it (tests). */
gboolean th_window_open_file (ThWindow *self, GFile *file);
/* TRUE while a job the window started on a worker thread has not come
 * back: a file asked for being read or waiting to be, an unsaved workshop
 * or the self-study being read, the welcome page looking for unsaved
 * workshops, files read for a merge, a CSV export, or a save of the open
 * workshop waiting or being written.  Closing the window gives up all of
 * them but the save, which it finishes first. */
gboolean th_window_get_busy (ThWindow *self);

/* What Save As does once a file is chosen. */
gboolean th_window_save_as (ThWindow *self, GFile *file);
/* What Merge Results does once files are chosen: reads them one after
 * another on a worker thread (a toast says so once that takes a while),
 * then, once all are read, merges the participants of each into the open
 * workshop on the main thread and shows what happened, a line per file
 * (including conflicts and the files that could not be merged).
 * Closing the window gives up: the callback then gets
 * G_IO_ERROR_CANCELLED and nothing is merged.  Finishes with the report,
 * and whether every file was merged; NULL with an error when nothing was
 * tried (no workshop open, or another opened meanwhile). */
void th_window_merge_files_async (ThWindow *self, GListModel *files, GAsyncReadyCallback callback,
                                  gpointer user_data);
char *th_window_merge_files_finish (ThWindow *self, GAsyncResult *result, gboolean *all_merged,
                                    GError **error);
/* Merges @file as th_window_merge_files_async() does, without the dialog,
 * and appends what happened to @report; it runs the main loop meanwhile,
 * so it is for callers that are not inside it (tests). */
gboolean th_window_merge_file (ThWindow *self, GFile *file, GString *report);
/* What Export Scores as CSV does once a file is chosen: the scores as
 * they are now, written on a worker thread.  @file may be any GFile, one
 * without a local path too; the error says when it cannot be written. */
void th_window_export_csv_async (ThWindow *self, GFile *file, GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean th_window_export_csv_finish (ThWindow *self, GAsyncResult *result, GError **error);
/* th_window_export_csv_async(), returning once the file is written (the
 * main loop runs meanwhile). */
gboolean th_window_export_csv (ThWindow *self, GFile *file, GError **error);

ThCardBrowser *th_window_get_card_browser (ThWindow *self);
ThWelcomePage *th_window_get_welcome_page (ThWindow *self);
/* The presenter window while presenter mode is on, else NULL. */
ThPresenterWindow *th_window_get_presenter (ThWindow *self);
/* "welcome", "opening" (while the first file of a window is read) or the
 * name of the visible view ("cards", "workshop", "chart", "result"). */
const char *th_window_get_visible_view (ThWindow *self);
void th_window_set_visible_view (ThWindow *self, const char *view);
/* The message of the last error shown to the user, for tests; NULL if none. */
const char *th_window_get_last_error (ThWindow *self);

/* The open workshop, or NULL on the welcome page before one is opened. */
ThDocument *th_window_get_document (ThWindow *self);
ThSession *th_window_get_session (ThWindow *self);
ThWorkshopView *th_window_get_workshop_view (ThWindow *self);
ThSelfStudyPath *th_window_get_self_study_path (ThWindow *self);
ThSelfStudyResult *th_window_get_self_study_result (ThWindow *self);

/* Puts @chart in the Chart view (shown while a session is open); a
 * ThChartPage is given the open session and follows it from then on.
 * Other widgets can follow the window's "session" property. */
void th_window_set_chart_page (ThWindow *self, GtkWidget *chart);
GtkWidget *th_window_get_chart_page (ThWindow *self);

G_END_DECLS
