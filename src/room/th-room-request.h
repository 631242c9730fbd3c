/* th-room-request.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "th-session.h"

G_BEGIN_DECLS

/* The bodies of the room protocol (docs/room-protocol.md), read with
 * no trust at all: every function here takes bytes straight off the
 * network and either returns a checked value or an error whose message
 * can be shown to the participant (TH_ERROR_INVALID). */

/* Larger bodies get 413 before they are read. */
#define TH_ROOM_MAX_BODY_SIZE (64 * 1024)
/* Our bodies nest two levels; anything deeper is refused before
 * json-glib, whose parser recurses once per level, sees it. */
#define TH_ROOM_MAX_JSON_DEPTH 8

/* Parses a JSON object with core's bounded parse (th-json.h): at most
 * TH_ROOM_MAX_BODY_SIZE bytes of UTF-8, no NUL byte, no escape \u0000,
 * nesting bounded.  Each refusal has a message of its own for the
 * participant. */
JsonNode *th_room_parse_object (const char *data, gsize length, GError **error);

/* POST /api/join {"code": "…", "name": "…"}.  @code_out is the normalized
 * code, or NULL when what was sent cannot be a join code (a wrong code,
 * not a malformed request).  @name_out is NULL for "stay anonymous" (no
 * name, null, or only spaces); otherwise the name with the spaces around
 * it removed, not yet checked: the door checks it against the name rule
 * and its refused words once the code is right (th_room_door_check_name),
 * so that only someone at the door learns the rule, and is counted. */
gboolean th_room_parse_join (const char *data, gsize length, char **code_out, char **name_out,
                             GError **error);

/* PUT /api/answers {"sort": {ID: SIDE}, "ratings": {ID: 1–5}}.  The whole
 * body is checked against @deck before anything is applied, so a request
 * with one bad entry changes nothing.  null clears a sort or a rating. */
typedef struct _ThRoomAnswers ThRoomAnswers;

ThRoomAnswers *th_room_answers_parse (ThDeck *deck, const char *data, gsize length, GError **error);
void th_room_answers_free (ThRoomAnswers *answers);
guint th_room_answers_get_n_entries (ThRoomAnswers *answers);
/* Whether @answers would change any card's side for @participant: a
 * "sort" that only repeats what is saved changes nothing.  When it would,
 * sets @error (TH_ERROR_INVALID) naming the first card it changes, for
 * the refusal of a sort once the sorting is closed (docs/room-protocol.md,
 * "PUT /api/answers"). */
gboolean th_room_answers_check_sort_unchanged (ThRoomAnswers *answers, ThParticipant *participant,
                                               GError **error);
/* Applies the checked answers through the session's own checked setters. */
gboolean th_room_answers_apply (ThRoomAnswers *answers, ThSession *session,
                                const char *participant_id, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomAnswers, th_room_answers_free)

G_END_DECLS
