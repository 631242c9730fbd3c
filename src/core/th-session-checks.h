/* th-session-checks.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-deck.h"
#include "th-json.h"

G_BEGIN_DECLS

/* The rules of a session file's answers that the room's answers obey as
 * well (PUT /api/answers, th-room-request.c): a key of "sort" or
 * "ratings" and a rating are checked, and worded, by these alone.  The
 * other rules of the file, which only its readers apply, are in
 * th-session-private.h.  Each returns FALSE with @error naming the
 * value's path (th-json.h). */

/* A key of "sort" or "ratings" (whose path is @path): a behaviour of
 * @deck.  The error names the key's path when it is an id at all; a key
 * that is not is only quoted, shortened and made printable. */
gboolean th_session_check_behaviour_key (ThDeck *deck, const ThJsonPath *path,
                                         const char *behaviour_id, GError **error);
/* A value of "ratings": 1 to 5. */
gboolean th_session_check_rating (gint64 rating, const ThJsonPath *path, GError **error);

G_END_DECLS
