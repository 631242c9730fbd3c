/* th-document.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "th-file-util.h"
#include "th-session.h"

G_BEGIN_DECLS

/* ThDocument: a session and where it lives.  Every ::changed of the
 * session is written to disk through the session file's ThSaveQueue (the
 * one the room server shares): the changes of one main loop iteration
 * share one write, done off the main thread.  Removing a participant is
 * written at once.  A
 * session without a file (untitled) is kept in the recovery folder
 * instead until it gets a name.  When writing the file fails, the
 * document emits ::save-failed, keeps everything in memory, writes a
 * recovery copy and tries the file again on the next change.  Disposing
 * the document writes what is pending. */
#define TH_TYPE_DOCUMENT (th_document_get_type ())
G_DECLARE_FINAL_TYPE (ThDocument, th_document, TH, DOCUMENT, GObject)

/* @file NULL means untitled.  Nothing is written until the first change or
 * th_document_save(). */
ThDocument *th_document_new (ThSession *session, GFile *file);
/* th_document_new() for @session, read from @file while @lock, the lock of
 * @file (th_file_lock_acquire()), was held: the document keeps it.  @lock
 * may be NULL (a file without a local path). */
ThDocument *th_document_new_locked (ThSession *session, GFile *file, ThFileLock *lock);
/* Loads the session in @file; the document saves back to it.  Its lock is
 * taken first: while the document is open nobody else writes the file,
 * and a file another window or `two-hats --host` has open is refused with
 * TH_ERROR_LOCKED. */
ThDocument *th_document_open (GFile *file, GError **error);
/* Loads a recovery copy (from th_document_list_recovery()) as an untitled
 * document that goes on saving to that same copy; locked as
 * th_document_open() locks a file. */
ThDocument *th_document_open_recovery (GFile *recovery_file, GError **error);
/* th_document_open_recovery() for @session, read from @recovery_file
 * (on a worker thread, say) while @lock, its lock, was held: the document
 * keeps it.  @lock may be NULL (a file without a local path). */
ThDocument *th_document_new_for_recovery (ThSession *session, GFile *recovery_file,
                                          ThFileLock *lock);

ThSession *th_document_get_session (ThDocument *self);
/* NULL while untitled. */
GFile *th_document_get_file (ThDocument *self);
/* Where the recovery copy of this document is written (whether or not it
 * exists yet). */
GFile *th_document_get_recovery_file (ThDocument *self);
/* TRUE when everything in memory is on disk in the document's own place.
 * A change still waiting for its write is written before this answers;
 * FALSE means a write failed (::save-failed) and nothing has succeeded
 * since. */
gboolean th_document_get_saved (ThDocument *self);
/* The error of the last failed save, or NULL once a save succeeded. */
const GError *th_document_get_save_error (ThDocument *self);
/* The session title, or the file name, or "Untitled Workshop". */
char *th_document_dup_display_name (ThDocument *self);

/* Saves now (the file, or the recovery copy while untitled), on the
 * calling thread: the file holds everything when it returns TRUE. */
gboolean th_document_save (ThDocument *self, GError **error);
/* Finishes on the calling thread what the document's place is waiting
 * for: the write in progress, then the changes waiting for a write.  TRUE
 * when there was nothing to do or all of it was written. */
gboolean th_document_flush (ThDocument *self, GError **error);
/* TRUE while a change waits for its write or a write of the document's
 * place is in progress (the room's answers to it included). */
gboolean th_document_get_busy (ThDocument *self);
/* Writes the session to @file, makes it the document's file (locked) and
 * removes the recovery copy.  On failure nothing changes; a file another
 * window or host has open fails with TH_ERROR_LOCKED. */
gboolean th_document_save_as (ThDocument *self, GFile *file, GError **error);
/* Removes the recovery copy; for "Discard" of an untitled document that
 * is being closed. */
gboolean th_document_discard_recovery (ThDocument *self, GError **error);

/* The recovery folder: $XDG_DATA_HOME/two-hats/recovery. */
GFile *th_document_get_recovery_dir (void);
/* The recovery copies there (GFile), the newest first. */
GPtrArray *th_document_list_recovery (void);
/* Deletes one recovery copy; refuses files outside the recovery folder. */
gboolean th_document_delete_recovery (GFile *recovery_file, GError **error);

G_END_DECLS
