/* th-loader.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Loads a deck or a session, whichever the file's "format" member says.
 * Returns a ThDeck or a ThSession, or NULL with @error (the message names
 * the JSON path or the line and column).  Enforces the size limit before
 * reading the whole file. */
GObject *th_load_file (GFile *file, GError **error);

/* th_load_file() on a worker thread, so that a large file does not hold
 * up the main loop.  @callback runs in the thread-default main context of
 * the caller; th_load_file_finish() then returns what th_load_file()
 * would have (a new reference to a ThDeck or a ThSession, or NULL with the
 * same error), or NULL with G_IO_ERROR_CANCELLED when @cancellable was
 * cancelled before it finished.  Cancelling stops the read; a parse under
 * way runs to its end on the worker and its result is dropped.  The
 * object returned belongs to the caller's thread from then on. */
void th_load_file_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                         gpointer user_data);
GObject *th_load_file_finish (GAsyncResult *result, GError **error);

G_END_DECLS
