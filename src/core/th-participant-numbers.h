/* th-participant-numbers.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The `number` of each participant of a session file
 * (docs/session-format.md), the N of "Participant N" in anonymous mode.
 * ThSession does not keep these numbers, so they are read from the file
 * itself: a table from participant id (a string) to number
 * (GUINT_TO_POINTER), holding every participant whose `number` is a
 * positive integer.  A participant missing from it goes by their
 * position in the file, counted from 1.  Returns NULL with @error when
 * the file cannot be read or is not JSON. */
GHashTable *th_participant_numbers_read (GFile *file, GError **error);

G_END_DECLS
