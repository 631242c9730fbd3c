/* th-participant-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-deck.h"
#include "th-participant.h"
#include "th-scores.h"

G_BEGIN_DECLS

/* One behaviour's answers, by its position in the deck. */
typedef struct
{
  guint16 index;
  guint8 side;   /* ThSide + 1, or 0 when not sorted */
  guint8 rating; /* 1–5, or 0 when not rated */
} ThAnswer;

/* A participant whose answers about @deck's behaviours are kept by their
 * position in the deck.  @id and @name must be valid already. */
ThParticipant *th_participant_new_for_deck (const char *id, const char *name, ThDeck *deck);

/* Loading path: takes @answers (sorted by index, each index once, each
 * with a side or a rating), without notifications or ::changed. */
void th_participant_take_answers (ThParticipant *self, ThAnswer *answers, guint n_answers);

/* Loading paths by behaviour id: they store an answer without
 * notifications or ::changed, since a file of 100 000 participants would
 * otherwise emit millions of signals that nobody listens to yet. */
void th_participant_load_sort (ThParticipant *self, const char *behaviour_id, ThSide side);
void th_participant_load_rating (ThParticipant *self, const char *behaviour_id, int rating);

/* The deck the answers are kept against (NULL for a participant made
 * with th_participant_new()), and those answers in deck order, for
 * scoring and saving in time proportional to the answers. */
ThDeck *th_participant_get_deck (ThParticipant *self);
const ThAnswer *th_participant_get_answers (ThParticipant *self, guint *n_answers);
/* The answers about the behaviour at @index of the deck, or NULL. */
const ThAnswer *th_participant_lookup_answer (ThParticipant *self, guint index);
/* TRUE when some answers name behaviours the deck lacks (or there is no
 * deck); th_participant_foreach_answer() reaches those too. */
gboolean th_participant_has_other_answers (ThParticipant *self);

/* @side is ThSide + 1 or 0, @rating 1–5 or 0; one of them is not 0. */
typedef void (*ThAnswerFunc) (const char *behaviour_id, guint side, guint rating, gpointer data);
void th_participant_foreach_answer (ThParticipant *self, ThAnswerFunc func, gpointer data);

/* The session that holds @self: @func runs on every change, just before
 * ::changed is emitted (NULL to stop). */
typedef void (*ThParticipantChangedFunc) (ThParticipant *participant, gpointer data);
void th_participant_set_owner (ThParticipant *self, ThParticipantChangedFunc func, gpointer data);

/* The owner's cache of the participant's scores: th_participant_set_owned_scores()
 * keeps @scores (all but the quadrant, which depends on the threshold)
 * when @owner is the participant's owner, and th_participant_get_owned_scores()
 * gives them back to that owner until the answers change or the owner
 * does.  Returns FALSE, leaving @out as it was, when there is nothing
 * valid to give (the quadrant of what it gives is TH_QUADRANT_NONE). */
gboolean th_participant_get_owned_scores (ThParticipant *self, gpointer owner, ThScores *out);
void th_participant_set_owned_scores (ThParticipant *self, gpointer owner, const ThScores *scores);

/* Numbers and orders, for the session and its readers: no ::changed. */
void th_participant_set_number (ThParticipant *self, guint number);
/* Makes the participant's order when they have none; TRUE when it did. */
gboolean th_participant_ensure_order (ThParticipant *self);
/* The order, or NULL when none is made yet; never makes one. */
const guint16 *th_participant_peek_order (ThParticipant *self);
/* Loading path: takes @order, @n_indices distinct positions of the deck
 * (allocated with g_new()); the positions it lacks are appended. */
void th_participant_take_order (ThParticipant *self, guint16 *order, guint n_indices);
/* Gives @self the order of @other (a participant of a deck with the same
 * behaviours); when @other has none, @self gets a fresh shuffle when it is
 * first asked for. */
void th_participant_copy_order (ThParticipant *self, ThParticipant *other);

G_END_DECLS
