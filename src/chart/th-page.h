/* th-page.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "th-chart-palette.h"
#include "th-session.h"

G_BEGIN_DECLS

/* The pieces printed pages are made of (handouts, card sheets, the answer
 * key), and the writing of such pages to a PDF file.
 *
 * A page is drawn in points into the rectangle (0, 0, width, height) of a
 * cairo context: the printable area a print dialog gives, or a sheet of
 * A4 less the margins below when the pages go to a file. */

/* A4 in points, portrait, worked out as GTK works out its paper sizes
 * (from millimetres, 25.4 to the inch of 72 points). */
#define TH_PAGE_A4_WIDTH (210.0 / (25.4 / 72.0))
#define TH_PAGE_A4_HEIGHT (297.0 / (25.4 / 72.0))

/* The margins GTK gives A4 unless a printer says otherwise (a quarter of
 * an inch, 0.56 inch at the foot), so that a file written without a
 * display holds the pages the print dialog would print. */
#define TH_PAGE_MARGIN_TOP (0.25 * 25.4 / (25.4 / 72.0))
#define TH_PAGE_MARGIN_BOTTOM (0.56 * 25.4 / (25.4 / 72.0))
#define TH_PAGE_MARGIN_LEFT (0.25 * 25.4 / (25.4 / 72.0))
#define TH_PAGE_MARGIN_RIGHT (0.25 * 25.4 / (25.4 / 72.0))

/* A layout of @text at @size points in the pages' face, wrapped at @width
 * when that is > 0. */
PangoLayout *th_page_layout_new (cairo_t *cr, const char *text, double size, PangoWeight weight,
                                 double width, PangoAlignment alignment);
double th_page_layout_width (PangoLayout *layout);
double th_page_layout_height (PangoLayout *layout);

/* Draws @text with its top-left at (@x, @y) and returns its height. */
double th_page_draw_text (cairo_t *cr, const char *text, double x, double y, double size,
                          PangoWeight weight, double width, PangoAlignment alignment,
                          const ThChartRgba *colour);
/* The height @text would take. */
double th_page_measure_text (cairo_t *cr, const char *text, double size, PangoWeight weight,
                             double width);

/* A line of @line_width across the page, from 0 to @width, at @y. */
void th_page_draw_rule (cairo_t *cr, double y, double width, double line_width,
                        const ThChartRgba *colour);

/* A number in a filled circle. */
void th_page_draw_badge (cairo_t *cr, const char *text, double cx, double cy, double radius,
                         double size, const ThChartRgba *fill, const ThChartRgba *colour);

/* The title printed pages give @session: its own, or a general one while
 * it has none.  The print dialog names its jobs with it too. */
const char *th_page_session_title (ThSession *session);

/* The date printed on pages, in the reader's language; NULL means today. */
char *th_page_format_date (GDateTime *date);

/* A thin line of small type across the top of a page: @left on the left,
 * @date on the right, a rule under them.  Returns the height it took. */
double th_page_draw_running_header (cairo_t *cr, const char *left, GDateTime *date, double width);

/* How many pages there are once laid out on pages of @width × @height
 * (measuring text with @cr), and how to draw one of them. */
typedef guint (*ThPagePaginateFunc) (gpointer data, cairo_t *cr, double width, double height);
typedef void (*ThPageDrawFunc) (gpointer data, cairo_t *cr, double width, double height,
                                guint page);

/* Writes the pages to a PDF file at @path, A4 portrait, whole or not at
 * all; @title goes into the file's metadata. */
gboolean th_page_write_pdf (const char *path, const char *title, ThPagePaginateFunc paginate,
                            ThPageDrawFunc draw, gpointer data, GError **error);

G_END_DECLS
