/* th-file-util.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to @path whole or not at all: a temporary file in the same
 * folder, flushed to disk, then renamed over @path (over the file a
 * symbolic link points to, when @path is one).  An existing @path that is
 * not a regular file (a device, a FIFO, a socket, a folder) is refused
 * with G_IO_ERROR_NOT_REGULAR_FILE or G_IO_ERROR_IS_DIRECTORY, and a
 * session file whose lock someone holds (ThFileLock) with
 * TH_ERROR_LOCKED; either way nothing is written. */
gboolean th_file_write_atomic (const char *path, const void *data, gsize length, GError **error);

/* ThFileLock: the advisory lock of a session file, which makes one
 * process, and in it one holder, the only writer of the file (see
 * th-file-util.c for how it outlives the renames of atomic saves).  Made
 * not held; thread-safe. */
typedef struct _ThFileLock ThFileLock;

ThFileLock *th_file_lock_new (const char *path);
ThFileLock *th_file_lock_ref (ThFileLock *self);
void th_file_lock_unref (ThFileLock *self);
const char *th_file_lock_get_path (ThFileLock *self);
/* Takes the lock of the file at the path, without waiting: TRUE when held
 * (already, or now).  Fails with TH_ERROR_LOCKED when someone else holds
 * it, or with the reason the file cannot be opened (G_IO_ERROR_NOT_FOUND,
 * G_IO_ERROR_NOT_REGULAR_FILE, …).  A FIFO or a device is never opened. */
gboolean th_file_lock_acquire (ThFileLock *self, GError **error);
gboolean th_file_lock_get_held (ThFileLock *self);
/* th_file_write_atomic() to the lock's path by its holder, which keeps the
 * lock on the new file.  Takes the lock first when not held; a file that
 * does not exist yet is made locked.  Fails with TH_ERROR_LOCKED, writing
 * nothing, when someone else holds it. */
gboolean th_file_lock_write_atomic (ThFileLock *self, const void *data, gsize length,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThFileLock, th_file_lock_unref)

/* Reads @file, refusing files larger than @max_size with TH_ERROR_TOO_LARGE
 * before reading them, and anything but a regular file (a FIFO, a device,
 * a socket, a folder) before opening it. */
GBytes *th_file_read_bounded (GFile *file, gsize max_size, GError **error);
/* The same, stopping with G_IO_ERROR_CANCELLED once @cancellable is
 * cancelled.  Any thread. */
GBytes *th_file_read_bounded_cancellable (GFile *file, gsize max_size, GCancellable *cancellable,
                                          GError **error);

/* Sets @error to TH_ERROR_TOO_LARGE, "the file is SIZE, more than the
 * limit of MAX", in units that tell the two apart. */
void th_file_set_too_large_error (GError **error, guint64 size, gsize max_size);

G_END_DECLS
