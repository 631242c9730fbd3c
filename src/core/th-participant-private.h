/* th-participant-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-participant.h"

G_BEGIN_DECLS

/* Loading paths: they store an answer without notifications or ::changed,
 * since a file of 100 000 participants would otherwise emit millions of
 * signals that nobody listens to yet. */
void th_participant_load_sort (ThParticipant *self, const char *behaviour_id, ThSide side);
void th_participant_load_rating (ThParticipant *self, const char *behaviour_id, int rating);

/* The answers themselves (behaviour id → ThSide + 1 / rating, as GUINT_TO_POINTER),
 * for scoring in time proportional to the answers rather than to the deck. */
GHashTable *th_participant_get_sort_table (ThParticipant *self);
GHashTable *th_participant_get_rating_table (ThParticipant *self);

G_END_DECLS
