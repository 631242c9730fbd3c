/* th-ui-files.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Where the window's files go.  A file chosen in a file chooser need not
 * have a local path: a portal or a network location gives a GFile that
 * only GIO can reach, and everything here works for those too. */

/* "~/Documents/Workshops" for the folder of @file; the folder's parse
 * name when it is not under the home folder, "" when there is none. */
char *th_ui_files_dup_folder_display_name (GFile *file);

/* Writes @bytes to @file whole or not at all: a local file through a
 * temporary file flushed and renamed into place (th_file_write_atomic()),
 * any other through GIO, which does the same where its backend can.  Sets
 * @error whenever it returns FALSE, worded by th_ui_files_explain_error().
 * Safe on a worker thread. */
gboolean th_ui_files_write (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error);

/* For writers that need a path (cairo, GTK's print to file): @write
 * writes to a local path — @file's own when it has one, else a file of
 * the same name in a private temporary folder, whose bytes then go to
 * @file through th_ui_files_write().  Sets @error whenever it returns
 * FALSE.  Safe on a worker thread when @write is. */
typedef gboolean (*ThUiFilesWriteFunc) (const char *path, gpointer user_data, GError **error);

gboolean th_ui_files_write_with (GFile *file, ThUiFilesWriteFunc write, gpointer user_data,
                                 GCancellable *cancellable, GError **error);

/* GIO says only "Operation not supported" for a place it cannot write to
 * (@writing) or read from; for a file without a local path that becomes
 * "“name” can only be saved to a local folder" (or "opened from").  Any
 * other error is left as it is. */
void th_ui_files_explain_error (GFile *file, gboolean writing, GError **error);

/* For the synchronous calls that wait for an asynchronous one of their
 * own (opening, exporting): pass th_ui_keep_result_cb with &result as
 * its data, then th_ui_wait_for (&result) runs the main loop until it is
 * set. */
void th_ui_keep_result_cb (GObject *object, GAsyncResult *result, gpointer user_data);
void th_ui_wait_for (GAsyncResult **result);

/* Runs @func on a worker thread for @task, whose source object may be a
 * widget.  The worker holds only a task of its own, without a source
 * object: GLib's worker may drop its reference to the task it runs after
 * the task's callback has run, and were that @task, a closed window could
 * be finalized on the worker.  @func gets that inner task (to return on,
 * with g_task_return_boolean() or g_task_return_error(); with
 * g_task_return_pointer() when @pointer_free is not NULL), a NULL source
 * object, and @task's task data and cancellable; @task is completed with
 * the same result on its own main context. */
void th_ui_run_in_thread (GTask *task, GTaskThreadFunc func, GDestroyNotify pointer_free);

/* A toast on @overlay that says @title ("Exporting “scores.csv”…") once
 * the work has taken more than a moment, until th_ui_progress_done(),
 * which frees it.  Work that is done at once shows nothing. */
typedef struct _ThUiProgress ThUiProgress;

ThUiProgress *th_ui_progress_start (AdwToastOverlay *overlay, const char *title);
void th_ui_progress_done (ThUiProgress *progress);

G_END_DECLS
