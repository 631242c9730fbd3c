/* th-reflect-board.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"
#include "th-workshop-undo.h"

G_BEGIN_DECLS

/* ThReflectBoard: a participant rates how often they show each behaviour,
 * 1 = rarely … 5 = almost always, by clicking or with the keys 1–5 (which
 * rate the focused row and move to the next).
 *
 * With "fast-entry" set, every row also has L / M for the sort: the mode
 * for typing in results collected on paper cards. */
#define TH_TYPE_REFLECT_BOARD (th_reflect_board_get_type ())
G_DECLARE_FINAL_TYPE (ThReflectBoard, th_reflect_board, TH, REFLECT_BOARD, GtkWidget)

void th_reflect_board_set_fast_entry (ThReflectBoard *self, gboolean fast_entry);
gboolean th_reflect_board_get_fast_entry (ThReflectBoard *self);
void th_reflect_board_set_undo (ThReflectBoard *self, ThWorkshopUndo *undo);
void th_reflect_board_set_participant (ThReflectBoard *self, ThSession *session,
                                       ThParticipant *participant);

/* The behaviour id of the row with the keyboard focus, or NULL. */
const char *th_reflect_board_get_focused_behaviour (ThReflectBoard *self);
/* NULL: the first row still missing an answer, or the first row. */
gboolean th_reflect_board_focus_behaviour (ThReflectBoard *self, const char *behaviour_id);

G_END_DECLS
