/* th-save-queue.h
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

/* ThSaveQueue: the one writer of a session to one file.  Everyone who
 * saves that session there (the document's autosave, the room server)
 * shares the same queue, so that:
 *
 *   - the requests made during one main loop iteration cost one write;
 *   - the session is copied on the main thread, where it changes
 *     (th_session_snapshot_new(): a consistent snapshot), then made into
 *     the file's text and written, flushed and renamed into place
 *     (atomically, as th_session_save_to_file()) by a GTask on GIO's
 *     worker threads, so the main loop goes on serving meanwhile.  The
 *     text is made on the worker because it is too slow for the main
 *     loop in a large session: bench/bench-save measured, at -O2, 2 ms
 *     for 2 000 participants on the built-in deck, but 60 to 140 ms for
 *     10 000 and 200 to 500 ms for the largest file the format allows
 *     (100 000 participants on a 1 000-card deck, 60 MiB), where the
 *     snapshot takes 1 ms and 6 to 16 ms;
 *   - requests that arrive during a write join the next one: never two
 *     writes of the file at once, and every request is followed by a
 *     write that began after it, so no newer state is ever lost;
 *   - each request gets its own completion callback, on the main thread,
 *     in the order of the writes, with the error of its write (a full
 *     disk, a folder that went away) or NULL;
 *   - the queue holds the lock of a local file (ThFileLock) from its
 *     first write, or from th_save_queue_lock(), until it goes: no other
 *     queue, in this process or another, writes the file meanwhile (their
 *     writes fail with TH_ERROR_LOCKED).
 *
 * A queue belongs to the thread-default main context of the thread that
 * made it; it is used from that thread only.  A write is never cancelled:
 * who goes away while one is in progress (a closing window, the last
 * reference to the queue) waits for it. */
#define TH_TYPE_SAVE_QUEUE (th_save_queue_get_type ())
G_DECLARE_FINAL_TYPE (ThSaveQueue, th_save_queue, TH, SAVE_QUEUE, GObject)

/* Called once the write that includes the request is done: @error NULL
 * when the file holds the session as it was when the request was made (or
 * newer). */
typedef void (*ThSaveQueueDoneFunc) (ThSaveQueue *queue, const GError *error, gpointer user_data);

/* The queue of @session and @file: the same instance for everyone while
 * someone holds it.  Returns a new reference. */
ThSaveQueue *th_save_queue_get (ThSession *session, GFile *file);

ThSession *th_save_queue_get_session (ThSaveQueue *self);
GFile *th_save_queue_get_file (ThSaveQueue *self);

/* Takes the file's lock now, so that a file open elsewhere is found out
 * before anything is written: FALSE with TH_ERROR_LOCKED when another
 * writer holds it, or the reason the file cannot be opened.  TRUE when
 * the file does not exist yet (its first write makes it locked) or has no
 * local path (nothing to lock). */
gboolean th_save_queue_lock (ThSaveQueue *self, GError **error);
/* Gives the queue @lock, the file's lock taken (th_file_lock_acquire())
 * before the session was read from it, so that nobody wrote it between
 * the read and the lock.  Ignored when the queue holds its own already. */
void th_save_queue_set_lock (ThSaveQueue *self, ThFileLock *lock);

/* Asks for a write of the session as it is now (or as it will be at the
 * end of this main loop iteration).  @done may be NULL. */
void th_save_queue_request (ThSaveQueue *self, ThSaveQueueDoneFunc done, gpointer user_data);

/* Writes now, on the calling thread, whether or not anything is pending:
 * waits for a write in progress, completes its requests, then writes the
 * session and completes every pending request with the result.  The text
 * is made on the calling thread too, which waits for the disk anyway. */
gboolean th_save_queue_save_now (ThSaveQueue *self, GError **error);

/* As th_save_queue_save_now(), but only when something is pending or being
 * written; TRUE when there was nothing to do. */
gboolean th_save_queue_flush (ThSaveQueue *self, GError **error);

/* TRUE while a request waits for its write or a write is in progress. */
gboolean th_save_queue_get_busy (ThSaveQueue *self);

/* The number of writes finished so far; inside a completion callback, the
 * number of the write being completed (callbacks of one write see the
 * same number). */
guint64 th_save_queue_get_n_writes (ThSaveQueue *self);

/* Flushes every queue of this process; for quitting. */
void th_save_queue_flush_all (void);

/* For tests, which hold a write in progress to see what happens
 * meanwhile: where a queue calls the test hook. */
typedef enum
{
  /* On the worker thread, before it writes the file. */
  TH_SAVE_QUEUE_TEST_WRITES,
  /* On the queue's thread, before it waits for the write in progress
   * (th_save_queue_save_now(), th_save_queue_flush()). */
  TH_SAVE_QUEUE_TEST_WAITS,
} ThSaveQueueTestPoint;

typedef void (*ThSaveQueueTestHook) (ThSaveQueueTestPoint point, gpointer user_data);

/* Makes every queue call @hook (NULL: none) at each ThSaveQueueTestPoint;
 * set it while no write is in progress. */
void th_save_queue_set_test_hook (ThSaveQueueTestHook hook, gpointer user_data);

G_END_DECLS
