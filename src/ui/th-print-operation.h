/* th-print-operation.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"

G_BEGIN_DECLS

typedef enum
{
  TH_PRINT_MODE_CHART,    /* the quadrant chart on one page */
  TH_PRINT_MODE_HANDOUTS, /* one page per participant on the chart */
  TH_PRINT_MODE_CARDS,    /* the behaviour cards as cut-out sheets */
} ThPrintMode;

#define TH_TYPE_PRINT_MODE (th_print_mode_get_type ())
GType th_print_mode_get_type (void);

/* ThPrintOperation: prints a session's chart, handouts or cards through
 * GTK's print dialog (with page setup and preview), drawing the chart with
 * the same renderer as the screen.  Page setup (per mode) and print
 * settings are remembered across runs in the user's config folder. */
#define TH_TYPE_PRINT_OPERATION (th_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (ThPrintOperation, th_print_operation, TH, PRINT_OPERATION, GtkPrintOperation)

ThPrintOperation *th_print_operation_new (ThSession *session, ThPrintMode mode);

ThSession *th_print_operation_get_session (ThPrintOperation *self);
ThPrintMode th_print_operation_get_mode (ThPrintOperation *self);

/* Numbers instead of names on the chart (chart mode). */
void th_print_operation_set_anonymous (ThPrintOperation *self, gboolean anonymous);
gboolean th_print_operation_get_anonymous (ThPrintOperation *self);

/* Cards mode: adds an answer key on separate pages after the cards. */
void th_print_operation_set_answer_sheet (ThPrintOperation *self, gboolean answer_sheet);
gboolean th_print_operation_get_answer_sheet (ThPrintOperation *self);

/* Cards mode: the cards in deck order rather than in a shuffle made for
 * the print (the default), which keeps cards with the same key apart. */
void th_print_operation_set_deck_order (ThPrintOperation *self, gboolean deck_order);
gboolean th_print_operation_get_deck_order (ThPrintOperation *self);

/* Shows the print dialog for @parent and prints asynchronously; remembers
 * the settings when the user prints, and reports errors in a dialog. */
void th_print_operation_run_dialog (ThPrintOperation *self, GtkWindow *parent);

/* Where the page setup and print settings are kept:
 * $XDG_CONFIG_HOME/two-hats/print.ini. */
char *th_print_operation_dup_settings_path (void);
/* Writes the current page setup and print settings to that file. */
gboolean th_print_operation_save_settings (ThPrintOperation *self, GError **error);

G_END_DECLS
