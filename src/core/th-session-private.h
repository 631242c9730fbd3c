/* th-session-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-json-private.h"
#include "th-session-checks.h"
#include "th-session.h"
#include "th-types.h"

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

/* Reads a session file's text the two ways above: a session from
 * th_session_try_new_from_text() in *@session, or, for the text it leaves
 * alone, the tree th_json_parse() makes of it in *@root.  Returns FALSE
 * with @error set when the text holds an error either way sees. */
gboolean th_session_read_text (const char *data, gsize length, ThSession **session, JsonNode **root,
                               GError **error);

/* The model, for the readers and merging (th-session.c). */

/* A session as a file describes it: unlike th_session_new(), @created is
 * what the file says (NULL when it says nothing).  The values must be
 * checked already. */
ThSession *th_session_new_loaded (ThDeck *deck, const char *title, GDateTime *created,
                                  double threshold);
/* Appends @participant (whose reference the session takes) to a session
 * being made, without ::items-changed or ::changed: nobody listens yet. */
void th_session_take_participant (ThSession *self, ThParticipant *participant);
/* Tells the session's listeners, once, of the participants taken in
 * from position @first on (::items-changed, then ::changed); nothing
 * when there are none. */
void th_session_participants_added (ThSession *self, guint first);
/* After a reader took in every participant of a file: gives each one the
 * file gave no number theirs (see th-session.c). */
void th_session_number_loaded (ThSession *self);
/* Gives @participant, about to be taken in from elsewhere (a merge), a
 * number nobody in the session has held. */
void th_session_give_new_number (ThSession *self, ThParticipant *participant);
/* An id no participant has ("p1", "p2", …), and its number. */
char *th_session_make_fresh_id (ThSession *self, guint *number);
/* FALSE with TH_ERROR_TOO_LARGE when @n_more participants would pass
 * TH_MAX_PARTICIPANTS. */
gboolean th_session_check_capacity (ThSession *self, guint n_more, GError **error);

/* The tree reader (th-session-tree-reader.c), which the streaming reader
 * falls back on for what it does not read itself. */

/* Everything th_session_new_from_json() does, with the deck already made
 * from the "deck" member when @prebuilt_deck is not NULL. */
ThSession *th_session_new_from_root (JsonNode *node, ThDeck *prebuilt_deck, GError **error);
/* participants[@index] at @path, checked against @deck and against the
 * ids of those before it (@positions: id → position + 1, which the
 * participant's id joins on success). */
ThParticipant *th_session_load_participant (ThDeck *deck, JsonNode *node, const ThJsonPath *path,
                                            guint index, GHashTable *positions, GHashTable *numbers,
                                            GError **error);

/* The writer's cache (th-session-writer.c): what every save of a session
 * writes the same way.  The session owns it and makes it on first use. */
typedef struct _ThSessionSaveCache ThSessionSaveCache;

ThSessionSaveCache *th_session_save_cache_new (ThDeck *deck);
void th_session_save_cache_free (ThSessionSaveCache *cache);
ThSessionSaveCache *th_session_get_save_cache (ThSession *self);

/* The largest participant number a file may give: newcomers count on from
 * the highest, and a guint holds two billion more after it. */
#define TH_MAX_PARTICIPANT_NUMBER G_MAXINT

/* The rules of the format (th-session-checks.c) that both readers apply,
 * in this order, to values they have read and found of the right JSON
 * type by th-json-private.h's type rules (th_json_set_type_error(),
 * th_json_set_missing_error(), th_json_value_get_integer()), which both
 * call as well.  Each returns FALSE with @error naming @path when the
 * value breaks its rule: both readers word every problem the same way
 * because both call these, not because one copies the other. */

/* "created": *@out is the time (UTC unless it says otherwise). */
gboolean th_session_check_created (const char *created, const ThJsonPath *path, GDateTime **out,
                                   GError **error);
/* "threshold": 1 to 99. */
gboolean th_session_check_threshold (double threshold, const ThJsonPath *path, GError **error);
/* "participants": at most TH_MAX_PARTICIPANTS entries. */
gboolean th_session_check_n_participants (guint n_participants, const ThJsonPath *path,
                                          GError **error);
/* A participant's "id": an id, and not one of the participants before it
 * (@positions: id → position + 1). */
gboolean th_session_check_participant_id (const char *id, const ThJsonPath *path,
                                          GHashTable *positions, GError **error);
/* A participant's "name": 1 to TH_MAX_NAME_CHARS characters, none of
 * them a control character. */
gboolean th_session_check_name (const char *name, const ThJsonPath *path, GError **error);
/* Then a key of "sort" or "ratings" and a value of "ratings", by the
 * checks the room shares (th-session-checks.h), then these two. */
/* A participant's "number": a positive integer up to TH_MAX_PARTICIPANT_NUMBER
 * that none of the participants before it has (@numbers: number → position
 * + 1, which the number joins on success). */
gboolean th_session_check_number (gint64 number, const ThJsonPath *path, GHashTable *numbers,
                                  guint index, GError **error);
/* An entry of a participant's "order", at @path, already read as a
 * string: the id of a behaviour of @deck (@index is its position there,
 * or -1 when the deck lacks it) that no entry before it names (@seen: per
 * deck position, the position + 1 in the order of the entry that named
 * it, or 0; @entry is this entry's position, which joins it on
 * success). */
gboolean th_session_check_order_entry (ThDeck *deck, const char *behaviour_id, int index,
                                       const ThJsonPath *path, guint *seen, guint entry,
                                       GError **error);

/* th_session_to_data() with the size past which the text is written
 * without indentation (TH_MAX_FILE_SIZE there), so that a test can see the
 * compact form without a session of 64 MiB. */
char *th_session_to_data_within (ThSession *self, gsize max_size, gsize *length);

G_END_DECLS
