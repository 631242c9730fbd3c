/* chart-test-util.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "th-quadrant-chart.h"

G_BEGIN_DECLS

/* Participants in four loose groups, one per quadrant, and a sprinkle
 * everywhere; the same @seed always gives the same points.  Free with
 * chart_test_free_points(). */
GArray *chart_test_make_points (guint n, guint32 seed);
void chart_test_free_points (GArray *points);

/* The text of a PDF as pdftotext sees it, or NULL (and the test skipped)
 * when pdftotext is not installed. */
char *chart_test_pdf_to_text (const char *pdf_path);

/* How many pages the PDF at @pdf_path has, as pdfinfo counts them, or 0
 * (and the test skipped) when pdfinfo is not installed. */
guint chart_test_pdf_pages (const char *pdf_path);

/* The text of page @page (from 1) of a PDF as pdftotext -raw reads it (in
 * drawing order, so that cards side by side do not interleave), without
 * white space or the marks pdftotext puts around right-to-left text; or
 * NULL (and the test skipped) when pdftotext is not installed. */
char *chart_test_pdf_page_text (const char *pdf_path, guint page);

/* @text without any white space, so that words drawn one after another
 * (a legend's names and counts) match wherever pdftotext broke its lines. */
char *chart_test_compact (const char *text);

/* A new temporary folder, removed with its files by chart_test_remove_dir(). */
char *chart_test_make_dir (void);
void chart_test_remove_dir (const char *dir);

G_END_DECLS
