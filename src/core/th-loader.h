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

G_END_DECLS
