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
 * folder, flushed to disk, then renamed over @path. */
gboolean th_file_write_atomic (const char *path, const void *data, gsize length, GError **error);

/* Reads @file, refusing files larger than @max_size with TH_ERROR_TOO_LARGE
 * before reading them. */
GBytes *th_file_read_bounded (GFile *file, gsize max_size, GError **error);
/* The same, stopping with G_IO_ERROR_CANCELLED once @cancellable is
 * cancelled.  Any thread. */
GBytes *th_file_read_bounded_cancellable (GFile *file, gsize max_size, GCancellable *cancellable,
                                          GError **error);

/* Sets @error to TH_ERROR_TOO_LARGE, "the file is SIZE, more than the
 * limit of MAX", in units that tell the two apart. */
void th_file_set_too_large_error (GError **error, guint64 size, gsize max_size);

G_END_DECLS
