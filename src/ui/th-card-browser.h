/* th-card-browser.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-deck.h"

G_BEGIN_DECLS

#define TH_TYPE_CARD_BROWSER (th_card_browser_get_type ())
G_DECLARE_FINAL_TYPE (ThCardBrowser, th_card_browser, TH, CARD_BROWSER, GtkWidget)

GtkWidget *th_card_browser_new (void);

void th_card_browser_set_deck (ThCardBrowser *self, ThDeck *deck);
ThDeck *th_card_browser_get_deck (ThCardBrowser *self);
/* Where seen cards are remembered; NULL keeps them for this run only. */
void th_card_browser_set_settings (ThCardBrowser *self, GSettings *settings);
/* Forgets which cards were seen (in the settings too) and the filter, and
 * shows the first card: a new run through the deck. */
void th_card_browser_start_afresh (ThCardBrowser *self);

/* "all", "leadership", "management" or "both". */
void th_card_browser_set_filter (ThCardBrowser *self, const char *filter);
const char *th_card_browser_get_filter (ThCardBrowser *self);

ThConcept *th_card_browser_get_current (ThCardBrowser *self);
/* The card view showing the current card, or NULL when the filter leaves none. */
GtkWidget *th_card_browser_get_current_card (ThCardBrowser *self);
guint th_card_browser_get_position (ThCardBrowser *self);
guint th_card_browser_get_n_visible (ThCardBrowser *self);
gboolean th_card_browser_get_flipped (ThCardBrowser *self);

void th_card_browser_next (ThCardBrowser *self);
void th_card_browser_previous (ThCardBrowser *self);
void th_card_browser_flip (ThCardBrowser *self);
void th_card_browser_go_to_section (ThCardBrowser *self, const char *section_id);

guint th_card_browser_get_n_seen (ThCardBrowser *self);
gboolean th_card_browser_is_seen (ThCardBrowser *self, ThConcept *concept);

G_END_DECLS
