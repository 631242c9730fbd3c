/* th-workshop-undo.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThWorkshopUndo: the undo and redo stacks of the answers given in one
 * window, and of the participants removed there: one history, so that
 * Ctrl+Z takes back whatever was done last.  Every sort and rating a
 * board makes goes through here, which passes it on to
 * th_session_set_sort() / th_session_set_rating() and remembers the value
 * it replaced. */
#define TH_TYPE_WORKSHOP_UNDO (th_workshop_undo_get_type ())
G_DECLARE_FINAL_TYPE (ThWorkshopUndo, th_workshop_undo, TH, WORKSHOP_UNDO, GObject)

ThWorkshopUndo *th_workshop_undo_new (void);

/* Forgets both stacks and follows @session from now on (NULL for none). */
void th_workshop_undo_set_session (ThWorkshopUndo *self, ThSession *session);
ThSession *th_workshop_undo_get_session (ThWorkshopUndo *self);

/* TH_SIDE_BOTH takes the card back to the unsorted pile. */
gboolean th_workshop_undo_set_sort (ThWorkshopUndo *self, const char *participant_id,
                                    const char *behaviour_id, ThSide side, GError **error);
/* 0 clears the rating. */
gboolean th_workshop_undo_set_rating (ThWorkshopUndo *self, const char *participant_id,
                                      const char *behaviour_id, int rating, GError **error);

/* Removes the participant from the session as a step: undoing it puts the
 * same participant (id, number, order and answers) back where they were
 * in the list. */
gboolean th_workshop_undo_remove_participant (ThWorkshopUndo *self, const char *participant_id,
                                              GError **error);

/* The id of the participant whose removal the next undo takes back, or
 * NULL when the next undo is something else. */
const char *th_workshop_undo_peek_removal (ThWorkshopUndo *self);

/* The participant of the step the next undo (or, with @redo, the next
 * redo) would take back or do again, or NULL when there is none. */
const char *th_workshop_undo_peek_participant (ThWorkshopUndo *self, gboolean redo);

gboolean th_workshop_undo_get_can_undo (ThWorkshopUndo *self);
gboolean th_workshop_undo_get_can_redo (ThWorkshopUndo *self);
/* Both return FALSE when there was nothing to do. */
gboolean th_workshop_undo_undo (ThWorkshopUndo *self);
gboolean th_workshop_undo_redo (ThWorkshopUndo *self);
/* The participant of the step the last undo or redo took back or did
 * again (the one removed or brought back, for a removal). */
const char *th_workshop_undo_get_last_participant (ThWorkshopUndo *self);
/* The behaviour id of the answer the last undo or redo changed (so that a
 * board can put the focus on it), or NULL when it was a removal. */
const char *th_workshop_undo_get_last_behaviour (ThWorkshopUndo *self);

G_END_DECLS
