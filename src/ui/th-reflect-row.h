/* th-reflect-row.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThReflectRow: one behaviour with buttons 1–5 for how often the
 * participant shows it and, for typing in paper results, L / M buttons
 * for the sort.  The row shows answers; it changes nothing itself but
 * emits ::rate and ::sort for the board to apply. */
#define TH_TYPE_REFLECT_ROW (th_reflect_row_get_type ())
G_DECLARE_FINAL_TYPE (ThReflectRow, th_reflect_row, TH, REFLECT_ROW, GtkListBoxRow)

GtkWidget *th_reflect_row_new (ThBehaviour *behaviour, gboolean with_sort);

const char *th_reflect_row_get_behaviour_id (ThReflectRow *self);
/* Shows @participant's answers (NULL: none) without emitting anything. */
void th_reflect_row_update (ThReflectRow *self, ThParticipant *participant);

G_END_DECLS
