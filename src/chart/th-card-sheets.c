/* th-card-sheets.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-card-sheets.h"
#include "th-page.h"
#include "th-set.h"

/* Cards per sheet: 2 × 4 on a portrait page, 4 × 2 on a landscape one. */
#define CARD_COLUMNS_PORTRAIT 2
#define CARD_ROWS_PORTRAIT 4

/* The height of the running header on every page. */
#define HEADER_HEIGHT 26.0

/* Small enough for the whole key of a 24-card deck to fit on one A4 page. */
#define ANSWER_TEXT_SIZE 9.0
#define ANSWER_WHY_SIZE 8.0
/* The key's title and introduction on its first page. */
#define ANSWER_TITLE_HEIGHT 56.0
#define ANSWER_TABLE_HEADER_HEIGHT 22.0

/* The cards an answer key page lists. */
typedef struct
{
  guint first;
  guint count;
} AnswerPage;

struct _ThCardSheets
{
  ThDeck *deck;
  GDateTime *date;
  gboolean answer_key;
  gboolean deck_order;
  /* The deck positions of the cards in the order they are printed and
   * numbered: a shuffle made with the sheets, so that a stack cut from
   * them does not come in the deck's blocks of cards with the same key. */
  guint16 *shuffle;
  /* The order of the pages: the shuffle, or the deck's order. */
  guint16 *order;

  /* The layout of the last th_card_sheets_paginate(). */
  gboolean paginated;
  double width;
  double height;
  guint n_card_pages;
  GArray *answer_pages; /* AnswerPage */
};

/* Card sheets ---------------------------------------------------------------- */

static void
card_grid (double width, double height, guint *columns, guint *rows)
{
  gboolean landscape = width > height;

  *columns = landscape ? CARD_ROWS_PORTRAIT : CARD_COLUMNS_PORTRAIT;
  *rows = landscape ? CARD_COLUMNS_PORTRAIT : CARD_ROWS_PORTRAIT;
}

static void
draw_cut_line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  static const double dashes[] = { 5, 3 };

  cairo_save (cr);
  th_chart_set_source (cr, &th_page_palette_get ()->cut);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_card (cairo_t *cr, ThBehaviour *behaviour, guint number, double x, double y, double w,
           double h)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *label = g_strdup_printf ("%u", number);
  g_autoptr (PangoLayout) text = NULL;
  double pad = MIN (w, h) * 0.1;
  double text_width = w - 2 * pad;
  double size = 15;
  double text_height;

  /* The number ties a card to the answer key and to the results typed in
   * later; it says nothing about the answer. */
  th_page_draw_badge (cr, label, x + pad * 0.6 + 9, y + pad * 0.6 + 9, 9, 9, &palette->badge,
                      &palette->chart->ink_secondary);
  th_page_draw_text (cr, _ ("Behaviour"), x + pad * 0.6 + 24, y + pad * 0.6 + 2.5, 8,
                     PANGO_WEIGHT_NORMAL, w - pad * 1.2 - 24, PANGO_ALIGN_LEFT,
                     &palette->chart->ink_secondary);

  /* Long texts step down in size rather than run out of the card. */
  for (;;)
    {
      g_clear_object (&text);
      text = th_page_layout_new (cr, th_behaviour_get_text (behaviour), size, PANGO_WEIGHT_NORMAL,
                                 text_width, PANGO_ALIGN_CENTER);
      text_height = th_page_layout_height (text);
      if (text_height <= h - 2 * pad - 24 || size <= 9)
        break;
      size -= 1;
    }

  th_chart_set_source (cr, &palette->chart->ink);
  cairo_move_to (cr, x + pad, y + (h - text_height) / 2 + 4);
  pango_cairo_show_layout (cr, text);

  th_page_draw_text (cr, _ ("Leadership or management?"), x + pad, y + h - pad * 0.6 - 11, 8,
                     PANGO_WEIGHT_NORMAL, text_width, PANGO_ALIGN_CENTER, &palette->hint);
}

static void
draw_cards_page (ThCardSheets *self, cairo_t *cr, double width, double height, guint page)
{
  guint n_behaviours = th_deck_get_n_behaviours (self->deck);
  guint columns, rows, per_page;
  g_autofree char *left = NULL;
  double cell_w, cell_h, grid_h;
  guint first;
  guint on_page;
  guint used_rows;

  card_grid (width, height, &columns, &rows);
  per_page = columns * rows;
  first = page * per_page;
  on_page = MIN (per_page, n_behaviours - first);
  used_rows = (on_page + columns - 1) / columns;

  /* Translators: the header of a sheet of behaviour cards, e.g.
   * "Behaviour cards · sheet 1 of 3 · cut along the dashed lines". */
  left = g_strdup_printf (_ ("Behaviour cards · sheet %u of %u · cut along the dashed lines"),
                          page + 1, self->n_card_pages);
  th_page_draw_running_header (cr, left, self->date, width);

  grid_h = height - HEADER_HEIGHT;
  cell_w = width / columns;
  cell_h = grid_h / rows;

  cairo_save (cr);
  cairo_translate (cr, 0, HEADER_HEIGHT);

  for (guint i = 0; i < on_page; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (self->deck, self->order[first + i]);

      draw_card (cr, behaviour, first + i + 1, (i % columns) * cell_w, (i / columns) * cell_h,
                 cell_w, cell_h);
    }

  /* Cut lines run the full length so that a paper cutter can follow them. */
  for (guint r = 0; r <= used_rows; r++)
    draw_cut_line (cr, 0, r * cell_h, width, r * cell_h);
  for (guint c = 0; c <= columns; c++)
    draw_cut_line (cr, c * cell_w, 0, c * cell_w, used_rows * cell_h);

  /* A pair of scissors where the first cut starts. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 4, -7, 16, 14);
  cairo_fill (cr);
  th_page_draw_text (cr, "✂", 5, -7, 11, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT,
                     &th_page_palette_get ()->chart->ink_secondary);

  cairo_restore (cr);
}

/* Answer key ------------------------------------------------------------------ */

/* The answer key is a table: number, behaviour, hat and why. */
typedef struct
{
  double number;
  double text;
  double key;
  double why;
} AnswerColumns;

static void
answer_columns (double width, AnswerColumns *c)
{
  c->number = 0;
  c->text = 26;
  c->key = c->text + (width - 26) * 0.45;
  c->why = c->key + 76;
}

static double
answer_row_height (cairo_t *cr, ThBehaviour *behaviour, double width)
{
  AnswerColumns c;
  const char *why = th_behaviour_get_why (behaviour);
  double text, reason;

  answer_columns (width, &c);
  text = th_page_measure_text (cr, th_behaviour_get_text (behaviour), ANSWER_TEXT_SIZE,
                               PANGO_WEIGHT_NORMAL, c.key - c.text - 10);
  reason = why != NULL
             ? th_page_measure_text (cr, why, ANSWER_WHY_SIZE, PANGO_WEIGHT_NORMAL, width - c.why)
             : 0;

  return MAX (text, reason) + 7;
}

/* Fills as many rows into each page as fit, the first page also holding
 * the key's title. */
static void
paginate_answers (ThCardSheets *self, cairo_t *cr, double width, double height)
{
  guint n = th_deck_get_n_behaviours (self->deck);
  AnswerPage page = { 0, 0 };
  double y = HEADER_HEIGHT + ANSWER_TITLE_HEIGHT + ANSWER_TABLE_HEADER_HEIGHT;

  g_array_set_size (self->answer_pages, 0);

  for (guint i = 0; i < n; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (self->deck, self->order[i]);
      double row = answer_row_height (cr, behaviour, width);

      if (y + row > height && page.count > 0)
        {
          g_array_append_val (self->answer_pages, page);
          page = (AnswerPage){ i, 0 };
          y = HEADER_HEIGHT + ANSWER_TABLE_HEADER_HEIGHT;
        }
      y += row;
      page.count++;
    }

  if (page.count > 0)
    g_array_append_val (self->answer_pages, page);
}

/* The key's title and what it is for, on its first page. */
static void
draw_answer_title (cairo_t *cr, double width, double y)
{
  const ThPagePalette *palette = th_page_palette_get ();

  y += th_page_draw_text (cr, _ ("Answer key"), 0, y, 20, PANGO_WEIGHT_BOLD, width,
                          PANGO_ALIGN_LEFT, &palette->chart->ink);
  y += 4;
  th_page_draw_text (cr,
                     _ ("Which hat each behaviour belongs to, and why. Keep this page apart until "
                        "the cards have been sorted."),
                     0, y, 10, PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT,
                     &palette->chart->ink_secondary);
}

/* The table's column headings and the rule under them; returns where the
 * first row goes. */
static double
draw_answer_table_header (cairo_t *cr, const AnswerColumns *c, double width, double y)
{
  const ThChartRgba *grey = &th_page_palette_get ()->chart->ink_secondary;

  th_page_draw_text (cr, "#", c->number, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, grey);
  th_page_draw_text (cr, _ ("Behaviour"), c->text, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT,
                     grey);
  th_page_draw_text (cr, _ ("Hat"), c->key, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, grey);
  th_page_draw_text (cr, _ ("Why"), c->why, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, grey);
  y += ANSWER_TABLE_HEADER_HEIGHT - 6;
  th_page_draw_rule (cr, y, width, 0.8, grey);

  return y + 6;
}

/* One card's row: its number, its text, its hat in the hat's colour, and
 * why; returns the row's height. */
static double
draw_answer_row (cairo_t *cr, const AnswerColumns *c, ThBehaviour *behaviour, guint index,
                 double width, double y)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  ThSide key = th_behaviour_get_key (behaviour);
  const ThQuadrant tone
    = key == TH_SIDE_LEADERSHIP ? TH_QUADRANT_LEADERSHIP_DRIVEN : TH_QUADRANT_MANAGEMENT_DRIVEN;
  const char *why = th_behaviour_get_why (behaviour);
  double row = answer_row_height (cr, behaviour, width);

  th_page_draw_text (cr, number, c->number, y, ANSWER_TEXT_SIZE, PANGO_WEIGHT_BOLD, -1,
                     PANGO_ALIGN_LEFT, &palette->chart->ink);
  th_page_draw_text (cr, th_behaviour_get_text (behaviour), c->text, y, 9.5, PANGO_WEIGHT_NORMAL,
                     c->key - c->text - 10, PANGO_ALIGN_LEFT, &palette->chart->ink);
  th_page_draw_text (cr, th_side_get_display_name (key), c->key, y, ANSWER_TEXT_SIZE,
                     PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, &palette->chart->text[tone]);
  if (why != NULL)
    th_page_draw_text (cr, why, c->why, y + 0.5, ANSWER_WHY_SIZE, PANGO_WEIGHT_NORMAL,
                       width - c->why, PANGO_ALIGN_LEFT, &palette->chart->ink_secondary);

  y += row;
  th_page_draw_rule (cr, y - 5, width, 0.4, &palette->rule);

  return row;
}

static void
draw_answer_page (ThCardSheets *self, cairo_t *cr, double width, guint index)
{
  const AnswerPage *page = &g_array_index (self->answer_pages, AnswerPage, index);
  AnswerColumns c;
  g_autofree char *left = NULL;
  double y = HEADER_HEIGHT;

  answer_columns (width, &c);

  /* Translators: the header of the answer key pages, e.g. "Answer key · page 1 of 2". */
  left = g_strdup_printf (_ ("Answer key · page %u of %u"), index + 1, self->answer_pages->len);
  th_page_draw_running_header (cr, left, self->date, width);

  if (index == 0)
    {
      draw_answer_title (cr, width, y);
      y = HEADER_HEIGHT + ANSWER_TITLE_HEIGHT;
    }

  /* The key goes by the cards' numbers, so it follows the printed order. */
  y = draw_answer_table_header (cr, &c, width, y);
  for (guint i = page->first; i < page->first + page->count; i++)
    y += draw_answer_row (cr, &c, th_deck_get_behaviour (self->deck, self->order[i]), i, width, y);
}

/* Pages ----------------------------------------------------------------------- */

guint
th_card_sheets_paginate (ThCardSheets *self, cairo_t *cr, double width, double height)
{
  guint columns, rows;
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  n = th_deck_get_n_behaviours (self->deck);
  card_grid (width, height, &columns, &rows);
  self->n_card_pages = MAX (1, (n + columns * rows - 1) / (columns * rows));
  g_array_set_size (self->answer_pages, 0);
  if (self->answer_key)
    paginate_answers (self, cr, width, height);

  self->paginated = TRUE;
  self->width = width;
  self->height = height;

  return self->n_card_pages + self->answer_pages->len;
}

void
th_card_sheets_draw_page (ThCardSheets *self, cairo_t *cr, double width, double height, guint page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!self->paginated || self->width != width || self->height != height)
    th_card_sheets_paginate (self, cr, width, height);
  g_return_if_fail (page < self->n_card_pages + self->answer_pages->len);

  cairo_save (cr);
  if (page < self->n_card_pages)
    draw_cards_page (self, cr, width, height, page);
  else
    draw_answer_page (self, cr, width, page - self->n_card_pages);
  cairo_restore (cr);
}

static guint
paginate_cb (gpointer data, cairo_t *cr, double width, double height)
{
  return th_card_sheets_paginate (data, cr, width, height);
}

static void
draw_page_cb (gpointer data, cairo_t *cr, double width, double height, guint page)
{
  th_card_sheets_draw_page (data, cr, width, height, page);
}

gboolean
th_card_sheets_write_pdf (ThCardSheets *self, const char *path, GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Translators: the title of a PDF of cut-out cards, e.g. "Leadership and
   * Management — Behaviour Cards", the deck's title first. */
  title = g_strdup_printf (_ ("%s — Behaviour Cards"), th_deck_get_title (self->deck) != NULL
                                                         ? th_deck_get_title (self->deck)
                                                         : "Two Hats");

  return th_page_write_pdf (path, title, paginate_cb, draw_page_cb, self, error);
}

ThCardSheets *
th_card_sheets_new (ThDeck *deck)
{
  ThCardSheets *self;
  guint n;

  g_return_val_if_fail (TH_IS_DECK (deck), NULL);

  n = th_deck_get_n_behaviours (deck);
  self = g_new0 (ThCardSheets, 1);
  self->deck = g_object_ref (deck);
  self->answer_pages = g_array_new (FALSE, FALSE, sizeof (AnswerPage));
  self->shuffle = th_deck_new_order (n, TRUE);
  self->order = self->shuffle;

  return self;
}

void
th_card_sheets_free (ThCardSheets *self)
{
  if (self == NULL)
    return;

  if (self->order != self->shuffle)
    g_free (self->order);
  g_free (self->shuffle);
  g_clear_object (&self->deck);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->answer_pages, g_array_unref);
  g_free (self);
}

ThDeck *
th_card_sheets_get_deck (ThCardSheets *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->deck;
}

void
th_card_sheets_set_date (ThCardSheets *self, GDateTime *date)
{
  g_return_if_fail (self != NULL);

  th_set_date_time (&self->date, date);
}

void
th_card_sheets_set_answer_key (ThCardSheets *self, gboolean answer_key)
{
  g_return_if_fail (self != NULL);

  if (!th_set_boolean (&self->answer_key, answer_key))
    return;

  self->paginated = FALSE;
}

gboolean
th_card_sheets_get_answer_key (ThCardSheets *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->answer_key;
}

void
th_card_sheets_set_deck_order (ThCardSheets *self, gboolean deck_order)
{
  g_return_if_fail (self != NULL);

  if (!th_set_boolean (&self->deck_order, deck_order))
    return;

  if (deck_order)
    self->order = th_deck_new_order (th_deck_get_n_behaviours (self->deck), FALSE);
  else
    {
      g_free (self->order);
      self->order = self->shuffle;
    }
  self->paginated = FALSE;
}

gboolean
th_card_sheets_get_deck_order (ThCardSheets *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->deck_order;
}

const guint16 *
th_card_sheets_get_order (ThCardSheets *self, guint *n_cards)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_cards != NULL)
    *n_cards = th_deck_get_n_behaviours (self->deck);
  return self->order;
}
