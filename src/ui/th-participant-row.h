/* th-participant-row.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThParticipantRow: a participant in the workshop sidebar, with how far
 * they are ("Sorted 24/24 · Rated 10/24") and a check once they are done.
 * Its menu uses the "workshop.rename" and "workshop.remove" actions with
 * the participant id. */
#define TH_TYPE_PARTICIPANT_ROW (th_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (ThParticipantRow, th_participant_row, TH, PARTICIPANT_ROW, AdwBin)

/* Rows are recycled by the sidebar's list view: made empty, then given a
 * participant (or NULL) as they scroll into view. */
GtkWidget *th_participant_row_new (void);
void th_participant_row_set_participant (ThParticipantRow *self, ThParticipant *participant,
                                         guint n_behaviours);

ThParticipant *th_participant_row_get_participant (ThParticipantRow *self);
/* TRUE once every card is sorted and rated. */
gboolean th_participant_row_get_finished (ThParticipantRow *self);
/* The progress line as shown. */
/* What the row's name shows as its tooltip: the whole name. */
const char *th_participant_row_get_tooltip_text (ThParticipantRow *self);
const char *th_participant_row_get_progress (ThParticipantRow *self);

G_END_DECLS
