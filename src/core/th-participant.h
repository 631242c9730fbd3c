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

/* The participant's number (docs/session-format.md, "number"): positive,
 * unique in their session and never given to anyone else there, even
 * after they are removed.  0 for a participant no session has numbered
 * (one made with th_participant_new()). */
guint th_participant_get_number (ThParticipant *self);
/* What anonymous mode calls the participant, in every view and export
 * that shows names: "Participant N" with their number.  Translated. */
char *th_participant_dup_anonymous_name (ThParticipant *self);

/* The participant's own order of the cards (docs/session-format.md,
 * "order"): the position in the participant's deck (th_deck_get_behaviour())
 * of every behaviour of that deck, each exactly once, in the order this
 * participant is shown them.  *@n_indices is set to the deck's number of
 * behaviours.  The order is a shuffle made once for the participant:
 * when the file had none, the first call makes it and emits ::changed,
 * so that the session saves it.  The array belongs to the participant and
 * never changes once made.  NULL (and 0) for a participant without a deck
 * (one made with th_participant_new()). */
const guint16 *th_participant_get_order (ThParticipant *self, guint *n_indices);

G_END_DECLS
