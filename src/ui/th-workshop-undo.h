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
 * window.  Every sort and rating a board makes goes through here, which
 * passes it on to th_session_set_sort() / th_session_set_rating() and
 * remembers the value it replaced. */
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

gboolean th_workshop_undo_get_can_undo (ThWorkshopUndo *self);
gboolean th_workshop_undo_get_can_redo (ThWorkshopUndo *self);
/* Both return the behaviour id of the answer they changed (so that a
 * board can put the focus on it), or NULL when there was nothing to do. */
const char *th_workshop_undo_undo (ThWorkshopUndo *self);
const char *th_workshop_undo_redo (ThWorkshopUndo *self);
/* The participant of the answer the last undo or redo changed. */
const char *th_workshop_undo_get_last_participant (ThWorkshopUndo *self);

G_END_DECLS
