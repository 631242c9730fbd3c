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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/pages/handouts", test_handout_pages);
  g_test_add_func ("/chart/pages/handouts-of-nobody", test_handouts_of_nobody);
  g_test_add_func ("/chart/pages/card-sheets", test_card_sheet_pages);

  return g_test_run ();
}
