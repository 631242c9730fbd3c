/* th-card-sheets.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "th-deck.h"

G_BEGIN_DECLS

/* ThCardSheets: a deck's behaviour cards as sheets to print and cut out,
 * for sorting on paper in a room without laptops: eight cards to a sheet
 * (2 × 4 on a portrait page, 4 × 2 on a landscape one) with dashed cut
 * lines, each card numbered but showing no answer.  The cards come in a
 * shuffle made with the sheets, numbered in that order, unless asked for
 * in deck order: the deck keeps cards with the same key together.  An answer key, a
 * table of each card's hat and why, may follow on pages of its own.
 *
 * The pages are drawn on any cairo context, in points, so the print
 * dialog and a PDF file written without a display show the same pages.
 * Whoever makes the sheets draws them and frees them; nobody else watches
 * them, so they are a plain structure, not a GObject. */
typedef struct _ThCardSheets ThCardSheets;

ThCardSheets *th_card_sheets_new (ThDeck *deck);
void th_card_sheets_free (ThCardSheets *self);

ThDeck *th_card_sheets_get_deck (ThCardSheets *self);

/* The date in the pages' headers; NULL (the default) means today. */
void th_card_sheets_set_date (ThCardSheets *self, GDateTime *date);

/* Whether the answer key follows the cards (off by default). */
void th_card_sheets_set_answer_key (ThCardSheets *self, gboolean answer_key);
gboolean th_card_sheets_get_answer_key (ThCardSheets *self);

/* Whether the cards are printed in deck order rather than the sheets'
 * own shuffle (off by default). */
void th_card_sheets_set_deck_order (ThCardSheets *self, gboolean deck_order);
gboolean th_card_sheets_get_deck_order (ThCardSheets *self);

/* The deck positions of the cards in the order they are printed and
 * numbered, card 1 first; *@n_cards is set to the deck's number of
 * behaviours.  The array belongs to the sheets and holds until the order
 * is changed with th_card_sheets_set_deck_order(). */
const guint16 *th_card_sheets_get_order (ThCardSheets *self, guint *n_cards);

/* Lays the sheets and the answer key out on pages of @width × @height
 * points, measuring text with @cr; returns how many pages there are. */
guint th_card_sheets_paginate (ThCardSheets *self, cairo_t *cr, double width, double height);

/* Draws page @page (from 0) of the layout for @width × @height into the
 * rectangle (0, 0, @width, @height) of @cr, in points. */
void th_card_sheets_draw_page (ThCardSheets *self, cairo_t *cr, double width, double height,
                               guint page);

/* Writes every page to a PDF file at @path, A4 portrait, whole or not at
 * all. */
gboolean th_card_sheets_write_pdf (ThCardSheets *self, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThCardSheets, th_card_sheets_free)

G_END_DECLS
