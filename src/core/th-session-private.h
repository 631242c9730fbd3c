/* th-session-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-session.h"

G_BEGIN_DECLS

/* What the files of ThSession share.  th-session.c holds the model and
 * knows no file format; the readers, the writer and merging live in
 * th-session-*.c and reach the model through these.  Like the rest of
 * ThSession, they are used from one thread at a time. */

/* Reads a session file's text without a tree of its participants, for
 * files of any size.  Returns NULL with @error set for a session with an
 * error, exactly as th_session_new_from_json (th_json_parse ()) words it,
 * and NULL without an error when the text is left to those two: it is
 * not a plain "two-hats-session", or it holds what the pull reader of
 * th-json-private.h refuses. */
ThSession *th_session_try_new_from_text (const char *data, gsize length, GError **error);

/* The writer's cache (th-session-writer.c): what every save of a session
 * writes the same way.  The session owns it and makes it on first use. */
typedef struct _ThSessionSaveCache ThSessionSaveCache;

ThSessionSaveCache *th_session_save_cache_new (ThDeck *deck);
void th_session_save_cache_free (ThSessionSaveCache *cache);
ThSessionSaveCache *th_session_get_save_cache (ThSession *self);

G_END_DECLS
