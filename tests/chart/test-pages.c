/* test-pages.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Handouts and card sheets drawn without GTK: how many pages they take on
 * paper of either orientation, and that every page draws on a PDF
 * surface without an error. */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "chart-test-util.h"
#include "th-card-sheets.h"
#include "th-handouts.h"
#include "th-page.h"

/* The printable area of A4 with GTK's default margins, in points, as the
 * print dialog hands it over: 559.3 × 783.6 standing, 805.9 × 537.0 lying. */
#define A4_PRINTABLE_WIDTH (TH_PAGE_A4_WIDTH - TH_PAGE_MARGIN_LEFT - TH_PAGE_MARGIN_RIGHT)
#define A4_PRINTABLE_HEIGHT (TH_PAGE_A4_HEIGHT - TH_PAGE_MARGIN_TOP - TH_PAGE_MARGIN_BOTTOM)

static cairo_status_t
discard_cb (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_t *
create_pdf_context (double width, double height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard_cb, NULL, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static ThSession *
load_workshop (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "workshop.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  return session;
}

static void
test_handout_pages (void)
{
  g_autoptr (ThSession) session = load_workshop ();
  g_autoptr (ThHandouts) handouts = th_handouts_new (session);
  cairo_t *cr = create_pdf_context (A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT);

  /* Fourteen of the sixteen participants are on the chart. */
  g_assert_cmpuint (th_handouts_get_n_pages (handouts), ==, 14);
  g_assert_false (th_handouts_get_anonymous (handouts));

  for (guint page = 0; page < 14; page++)
    {
      th_handouts_draw_page (handouts, cr, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
test_handouts_of_nobody (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "empty.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new_from_file (file, &error);
  g_autoptr (ThHandouts) handouts = NULL;
  cairo_t *cr = create_pdf_context (A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT);

  g_assert_no_error (error);
  handouts = th_handouts_new (session);

  /* One page that says nobody is on the chart yet. */
  g_assert_cmpuint (th_handouts_get_n_pages (handouts), ==, 1);
  th_handouts_draw_page (handouts, cr, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
draw_all (ThCardSheets *sheets, cairo_t *cr, double width, double height, guint n_pages)
{
  for (guint page = 0; page < n_pages; page++)
    {
      th_card_sheets_draw_page (sheets, cr, width, height, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_card_sheet_pages (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThCardSheets) sheets = th_card_sheets_new (deck);
  cairo_t *portrait = create_pdf_context (A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT);
  cairo_t *landscape = create_pdf_context (A4_PRINTABLE_HEIGHT, A4_PRINTABLE_WIDTH);

  g_assert_cmpuint (th_deck_get_n_behaviours (deck), ==, 24);
  g_assert_false (th_card_sheets_get_answer_key (sheets));

  /* Eight cards a sheet either way up: 2 × 4 standing, 4 × 2 lying. */
  g_assert_cmpuint (
    th_card_sheets_paginate (sheets, portrait, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT), ==, 3);
  draw_all (sheets, portrait, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT, 3);
  g_assert_cmpuint (
    th_card_sheets_paginate (sheets, landscape, A4_PRINTABLE_HEIGHT, A4_PRINTABLE_WIDTH), ==, 3);
  draw_all (sheets, landscape, A4_PRINTABLE_HEIGHT, A4_PRINTABLE_WIDTH, 3);

  /* The key of the whole deck fits on one standing page. */
  th_card_sheets_set_answer_key (sheets, TRUE);
  g_assert_cmpuint (
    th_card_sheets_paginate (sheets, portrait, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT), ==, 4);
  draw_all (sheets, portrait, A4_PRINTABLE_WIDTH, A4_PRINTABLE_HEIGHT, 4);

  cairo_destroy (portrait);
  cairo_destroy (landscape);
}

/* The number printed on the card that says @text in @pages (text of
 * pdftotext -raw without white space, in the order the pages draw it:
 * each card's number, "Behaviour", then its text), or 0 when no card says
 * it. */
static guint
printed_number (const char *pages, const char *text)
{
  g_autofree char *card = g_strconcat ("Behaviour", text, NULL);
  const char *found = strstr (pages, card);
  const char *digits;

  if (found == NULL)
    return 0;
  for (digits = found; digits > pages && g_ascii_isdigit (digits[-1]); digits--)
    ;
  /* The first card of a sheet follows the header's date, whose year (four
   * digits) runs into the card's number (one or two). */
  if (found - digits > 4)
    digits += 4;
  return (guint)g_ascii_strtoull (digits, NULL, 10);
}

/* The cards of @deck's sheets written to a PDF, read back without white
 * space, the pages one after another. */
static char *
read_sheets (ThCardSheets *sheets, guint n_pages)
{
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cards.pdf", NULL);
  g_autoptr (GError) error = NULL;
  GString *text = g_string_new (NULL);

  g_assert_true (th_card_sheets_write_pdf (sheets, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chart_test_pdf_pages (path), ==, n_pages);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = chart_test_pdf_page_text (path, page);

      g_string_append (text, page_text);
    }
  chart_test_remove_dir (dir);

  return g_string_free (text, FALSE);
}

static gboolean
is_deck_order (const guint16 *order, guint n)
{
  for (guint i = 0; i < n; i++)
    if (order[i] != i)
      return FALSE;
  return TRUE;
}

/* The sheets print the cards in a shuffle of their own, numbered in the
 * order printed, so that a stack cut from them does not come in the
 * deck's blocks of four cards with the same key; in deck order when asked. */
static void
test_card_sheet_order (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThCardSheets) sheets = th_card_sheets_new (deck);
  g_autofree guint16 *shuffle = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const guint16 *order;
  guint n = 0;
  gboolean first_four_differ = FALSE;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_false (th_card_sheets_get_deck_order (sheets));
  order = th_card_sheets_get_order (sheets, &n);
  g_assert_cmpuint (n, ==, 24);

  /* Every card once, and not the deck's order. */
  {
    gboolean seen[24] = { FALSE };

    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpuint (order[i], <, 24);
        g_assert_false (seen[order[i]]);
        seen[order[i]] = TRUE;
      }
  }
  g_assert_false (is_deck_order (order, n));
  shuffle = g_memdup2 (order, sizeof (guint16) * n);

  /* The sheets show that order, card 1 first, and number the cards as
   * they come; the key's rows go by those numbers. */
  th_card_sheets_set_answer_key (sheets, TRUE);
  pages = read_sheets (sheets, 4);
  for (guint i = 0; i < n; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, shuffle[i]);
      g_autofree char *text = chart_test_compact (th_behaviour_get_text (behaviour));
      g_autofree char *row = g_strdup_printf ("%u%s", i + 1, text);

      g_assert_cmpuint (printed_number (pages, text), ==, i + 1);
      g_assert_nonnull (strstr (strstr (pages, "Answerkey"), row));
    }

  /* Sheets made one after another are shuffled afresh: of five, at
   * least one does not start with the deck's first four cards (all five
   * doing so by chance is about one in 10^26). */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (ThCardSheets) other = th_card_sheets_new (deck);
      const guint16 *other_order = th_card_sheets_get_order (other, NULL);

      if (other_order[0] != 0 || other_order[1] != 1 || other_order[2] != 2 || other_order[3] != 3)
        first_four_differ = TRUE;
    }
  g_assert_true (first_four_differ);

  /* Asked for, deck order: card N is the deck's Nth. */
  th_card_sheets_set_deck_order (sheets, TRUE);
  g_assert_true (th_card_sheets_get_deck_order (sheets));
  g_assert_true (is_deck_order (th_card_sheets_get_order (sheets, NULL), n));
  g_clear_pointer (&pages, g_free);
  pages = read_sheets (sheets, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text
        = chart_test_compact (th_behaviour_get_text (th_deck_get_behaviour (deck, i)));

      g_assert_cmpuint (printed_number (pages, text), ==, i + 1);
    }

  /* And back: the same shuffle as before. */
  th_card_sheets_set_deck_order (sheets, FALSE);
  g_assert_cmpmem (th_card_sheets_get_order (sheets, NULL), sizeof (guint16) * n, shuffle,
                   sizeof (guint16) * n);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/pages/handouts", test_handout_pages);
  g_test_add_func ("/chart/pages/handouts-of-nobody", test_handouts_of_nobody);
  g_test_add_func ("/chart/pages/card-sheets", test_card_sheet_pages);
  g_test_add_func ("/chart/pages/card-sheet-order", test_card_sheet_order);

  return g_test_run ();
}
