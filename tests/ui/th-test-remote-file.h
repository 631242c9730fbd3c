/* th-test-remote-file.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ThTestRemoteFile: a GFile without a local path, as a portal or a
 * network location gives (g_file_get_path() is NULL, g_file_is_native()
 * FALSE, its URI "remote-test://…"), whose contents live in a local file
 * behind it, so that a test can read what was written through GIO.  A
 * read-only one refuses to be written as GIO does where its backend
 * cannot write (G_IO_ERROR_NOT_SUPPORTED). */
#define TH_TYPE_TEST_REMOTE_FILE (th_test_remote_file_get_type ())
G_DECLARE_FINAL_TYPE (ThTestRemoteFile, th_test_remote_file, TH, TEST_REMOTE_FILE, GObject)

GFile *th_test_remote_file_new (GFile *backing, gboolean read_only);
/* The local file its contents live in. */
GFile *th_test_remote_file_get_backing (ThTestRemoteFile *self);

G_END_DECLS
