/* th-participant.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "th-types.h"

G_BEGIN_DECLS

/* ThParticipant: one person's answers.  It does not check behaviour ids:
 * the session does before it changes a participant.  A participant of a
 * session keeps its answers by position in the session's deck; one made
 * with th_participant_new() keeps them by id.  Emits ::changed after
 * every change to its name, sort or ratings. */
#define TH_TYPE_PARTICIPANT (th_participant_get_type ())
G_DECLARE_FINAL_TYPE (ThParticipant, th_participant, TH, PARTICIPANT, GObject)

ThParticipant *th_participant_new (const char *id, const char *name);

const char *th_participant_get_id (ThParticipant *self);
const char *th_participant_get_name (ThParticipant *self);
void th_participant_set_name (ThParticipant *self, const char *name);

/* TH_SIDE_LEADERSHIP or TH_SIDE_MANAGEMENT; TH_SIDE_BOTH means "not sorted".
 * Returns FALSE if nothing changed. */
gboolean th_participant_set_sort (ThParticipant *self, const char *behaviour_id, ThSide side);
/* Returns TRUE and sets @side when @behaviour_id is sorted. */
gboolean th_participant_get_sort (ThParticipant *self, const char *behaviour_id, ThSide *side);
/* 1–5, or 0 to clear.  Returns FALSE if nothing changed. */
gboolean th_participant_set_rating (ThParticipant *self, const char *behaviour_id, int rating);
/* 1–5, or 0 when not rated. */
int th_participant_get_rating (ThParticipant *self, const char *behaviour_id);

guint th_participant_get_n_sorted (ThParticipant *self);
guint th_participant_get_n_rated (ThParticipant *self);

/* Behaviour ids in a stable (sorted) order, for writing files. */
GPtrArray *th_participant_dup_sorted_ids (ThParticipant *self);
GPtrArray *th_participant_dup_rated_ids (ThParticipant *self);

/* Copies every answer of @other into @self (other wins). */
void th_participant_merge_answers (ThParticipant *self, ThParticipant *other);

/* TRUE if @name is 1–100 characters of valid UTF-8 without control characters. */
gboolean th_participant_name_is_valid (const char *name);

/* "Participant 3": what a participant is called by @number alone, in
 * anonymous mode or when added without a name.  Translated. */
char *th_participant_dup_numbered_name (guint number);

G_END_DECLS
