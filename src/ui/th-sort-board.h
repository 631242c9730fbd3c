/* th-sort-board.h
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

/* ThSortBoard: one participant's cards in three columns (Leadership, the
 * pile still to sort, Management), sorted by dragging or by keyboard. */
#define TH_TYPE_SORT_BOARD (th_sort_board_get_type ())
G_DECLARE_FINAL_TYPE (ThSortBoard, th_sort_board, TH, SORT_BOARD, GtkWidget)

/* Every change goes through @undo, so Ctrl+Z can take it back. */
void th_sort_board_set_undo (ThSortBoard *self, ThWorkshopUndo *undo);
void th_sort_board_set_participant (ThSortBoard *self, ThSession *session,
                                    ThParticipant *participant);
ThParticipant *th_sort_board_get_participant (ThSortBoard *self);

/* The column that takes dropped cards for @side; TH_SIDE_BOTH is the pile. */
GtkWidget *th_sort_board_get_column (ThSortBoard *self, ThSide side);
/* The behaviour id of the card with the keyboard focus, or NULL. */
const char *th_sort_board_get_focused_card (ThSortBoard *self);
/* Puts the keyboard focus on @behaviour_id's card (NULL: the first card
 * still to sort, or the first card). */
gboolean th_sort_board_focus_card (ThSortBoard *self, const char *behaviour_id);

G_END_DECLS
