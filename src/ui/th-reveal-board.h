/* th-reveal-board.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThRevealBoard: the article's key card by card with its "why", how the
 * group split on each card (the most contested first), and — for the
 * facilitator's eyes only — how well the selected participant sorted. */
#define TH_TYPE_REVEAL_BOARD (th_reveal_board_get_type ())
G_DECLARE_FINAL_TYPE (ThRevealBoard, th_reveal_board, TH, REVEAL_BOARD, GtkWidget)

GtkWidget *th_reveal_board_new (void);

void th_reveal_board_set_session (ThRevealBoard *self, ThSession *session);
void th_reveal_board_set_participant (ThRevealBoard *self, ThParticipant *participant);
/* Off on anything a room can see. */
void th_reveal_board_set_show_accuracy (ThRevealBoard *self, gboolean show_accuracy);
/* The reveal starts: the cards in order of the group's split now, the
 * most contested first, and that one on show (the order stays put while
 * answers arrive, so the facilitator does not lose the place). */
void th_reveal_board_refresh_order (ThRevealBoard *self);

ThBehaviour *th_reveal_board_get_current (ThRevealBoard *self);
guint th_reveal_board_get_position (ThRevealBoard *self);
/* The card at @position in the board's order. */
ThBehaviour *th_reveal_board_get_nth (ThRevealBoard *self, guint position);
/* One step on: the key and why of the card on show when they are still
 * hidden (each card first shows only how the group split), else the next
 * card. */
void th_reveal_board_next (ThRevealBoard *self);
/* Whether the card on show shows its key and why; property "key-shown". */
gboolean th_reveal_board_get_key_shown (ThRevealBoard *self);
void th_reveal_board_show_key (ThRevealBoard *self);
/* Shows @behaviour, wherever it is in the order. */
void th_reveal_board_set_current (ThRevealBoard *self, ThBehaviour *behaviour);
/* For one learner on their own (self-study): their answers against the
 * key and why, their mistakes first, the key with each card, and no word
 * of a group. */
void th_reveal_board_set_self_study (ThRevealBoard *self, gboolean self_study);
/* For the projector: no accuracy, no list, no buttons. */
void th_reveal_board_set_presenter (ThRevealBoard *self, gboolean presenter);
void th_reveal_board_previous (ThRevealBoard *self);
/* The accuracy line as shown, or NULL when it is hidden. */
const char *th_reveal_board_get_accuracy_text (ThRevealBoard *self);

G_END_DECLS
