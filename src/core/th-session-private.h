/* th-session-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-session.h"

G_BEGIN_DECLS

/* Reads a session file's text without a tree of its participants, for
 * files of any size.  Returns NULL with @error set for a session with an
 * error, exactly as th_session_new_from_json (th_json_parse ()) words it,
 * and NULL without an error when the text is left to those two: it is
 * not a plain "two-hats-session", or it holds what the pull reader of
 * th-json-private.h refuses. */
ThSession *th_session_try_new_from_text (const char *data, gsize length, GError **error);

G_END_DECLS
