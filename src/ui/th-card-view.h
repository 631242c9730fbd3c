/* th-card-view.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-deck.h"

G_BEGIN_DECLS

#define TH_TYPE_CARD_VIEW (th_card_view_get_type ())
G_DECLARE_FINAL_TYPE (ThCardView, th_card_view, TH, CARD_VIEW, GtkWidget)

GtkWidget *th_card_view_new (ThDeck *deck, ThConcept *concept);

ThConcept *th_card_view_get_concept (ThCardView *self);
gboolean th_card_view_get_flipped (ThCardView *self);
/* Turns the card over with a short animation (none when animations are off). */
void th_card_view_set_flipped (ThCardView *self, gboolean flipped);
void th_card_view_flip (ThCardView *self);
/* Large type for a projector. */
void th_card_view_set_presenter (ThCardView *self, gboolean presenter);

G_END_DECLS
