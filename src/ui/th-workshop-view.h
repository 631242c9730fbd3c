/* th-workshop-view.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-reflect-board.h"
#include "th-reveal-board.h"
#include "th-session.h"
#include "th-sort-board.h"
#include "th-workshop-undo.h"

G_BEGIN_DECLS

/* ThWorkshopView: the Workshop page — the participants in a sidebar, the
 * phase stepper (Sort → Reveal → Reflect) and the board of the selected
 * participant.  Its actions live in the "workshop" group. */
#define TH_TYPE_WORKSHOP_VIEW (th_workshop_view_get_type ())
G_DECLARE_FINAL_TYPE (ThWorkshopView, th_workshop_view, TH, WORKSHOP_VIEW, GtkWidget)

void th_workshop_view_set_session (ThWorkshopView *self, ThSession *session);
ThSession *th_workshop_view_get_session (ThWorkshopView *self);

/* Self-study: one participant, no sidebar and no stepper (the window's
 * guided path takes their place). */
void th_workshop_view_set_guided (ThWorkshopView *self, gboolean guided);
gboolean th_workshop_view_get_guided (ThWorkshopView *self);

/* Pass-the-laptop mode: switching participant covers the board until the
 * next person presses Enter. */
void th_workshop_view_set_pass_the_laptop (ThWorkshopView *self, gboolean pass_the_laptop);
gboolean th_workshop_view_get_pass_the_laptop (ThWorkshopView *self);

void th_workshop_view_select_participant (ThWorkshopView *self, ThParticipant *participant);
ThParticipant *th_workshop_view_get_selected_participant (ThWorkshopView *self);

/* "empty", "sort", "reveal", "reflect", "fast-entry", "privacy" (the lock
 * screen of Pass the Laptop) or "handover" (its thank-you screen). */
const char *th_workshop_view_get_visible_board (ThWorkshopView *self);
/* Puts the keyboard focus on the board: the next card to answer. */
void th_workshop_view_focus_board (ThWorkshopView *self);

ThWorkshopUndo *th_workshop_view_get_undo (ThWorkshopView *self);
ThSortBoard *th_workshop_view_get_sort_board (ThWorkshopView *self);
ThRevealBoard *th_workshop_view_get_reveal_board (ThWorkshopView *self);
ThReflectBoard *th_workshop_view_get_reflect_board (ThWorkshopView *self);
ThReflectBoard *th_workshop_view_get_fast_entry_board (ThWorkshopView *self);
/* The entry that adds participants, for tests. */
GtkWidget *th_workshop_view_get_add_entry (ThWorkshopView *self);

G_END_DECLS
