/* th-fit-bin.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TH_TYPE_FIT_BIN (th_fit_bin_get_type ())
G_DECLARE_FINAL_TYPE (ThFitBin, th_fit_bin, TH, FIT_BIN, GtkWidget)

/* Lays its child out at @design_width and scales the result to fill the
 * space it gets, like a slide: the same card looks the same on a laptop
 * and on a 4K projector, only bigger. */
GtkWidget *th_fit_bin_new (int design_width);

void th_fit_bin_set_child (ThFitBin *self, GtkWidget *child);
GtkWidget *th_fit_bin_get_child (ThFitBin *self);
/* The scale of the last allocation (1.0 before the first). */
double th_fit_bin_get_scale (ThFitBin *self);

G_END_DECLS
