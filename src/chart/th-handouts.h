/* th-handouts.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThHandouts: one printed page per participant on the chart, to take
 * home: the group's chart with their own dot ringed (everyone numbered,
 * no one else named), their two scores, their quadrant and what to
 * practise next.  A session with nobody on the chart yet gets one page
 * that says so.
 *
 * The pages are those of the session as it was when the handouts were
 * made.  They are drawn on any cairo context, in points, so the print
 * dialog and a PDF file written without a display show the same pages.
 * Whoever makes the handouts draws them and frees them; nobody else
 * watches them, so they are a plain structure, not a GObject. */
typedef struct _ThHandouts ThHandouts;

ThHandouts *th_handouts_new (ThSession *session);
void th_handouts_free (ThHandouts *self);

ThSession *th_handouts_get_session (ThHandouts *self);

/* Whether each page calls its participant "Participant N" instead of
 * naming them, N being their number (th_participant_dup_anonymous_name()). */
void th_handouts_set_anonymous (ThHandouts *self, gboolean anonymous);
gboolean th_handouts_get_anonymous (ThHandouts *self);

guint th_handouts_get_n_pages (ThHandouts *self);

/* Draws page @page (from 0) into the rectangle (0, 0, @width, @height) of
 * @cr, in points. */
void th_handouts_draw_page (ThHandouts *self, cairo_t *cr, double width, double height, guint page);

/* Writes every page to a PDF file at @path, A4 portrait, whole or not at
 * all. */
gboolean th_handouts_write_pdf (ThHandouts *self, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThHandouts, th_handouts_free)

G_END_DECLS
