/* th-new-workshop-dialog.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThNewWorkshopDialog: a title and the participants — names typed one
 * after another (Enter adds one and the entry stays ready for the next)
 * and any number of anonymous ones.  A name typed twice is listed twice,
 * with a warning above the list and a button that numbers the repeats.
 * Emits ::created with the new session and closes. */
#define TH_TYPE_NEW_WORKSHOP_DIALOG (th_new_workshop_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ThNewWorkshopDialog, th_new_workshop_dialog, TH, NEW_WORKSHOP_DIALOG,
                      AdwWindow)

ThNewWorkshopDialog *th_new_workshop_dialog_new (GtkWindow *parent, ThDeck *deck);

/* The names added so far, in order. */
guint th_new_workshop_dialog_get_n_names (ThNewWorkshopDialog *self);
const char *th_new_workshop_dialog_get_name (ThNewWorkshopDialog *self, guint position);
/* The entry names are typed into, and the title entry (for tests). */
GtkWidget *th_new_workshop_dialog_get_name_entry (ThNewWorkshopDialog *self);
GtkWidget *th_new_workshop_dialog_get_title_entry (ThNewWorkshopDialog *self);
/* The warning that names listed more than once are there (for tests);
 * shown while there are, with the Number Them button beside it. */
GtkWidget *th_new_workshop_dialog_get_duplicates_label (ThNewWorkshopDialog *self);
void th_new_workshop_dialog_set_n_anonymous (ThNewWorkshopDialog *self, guint n_anonymous);
/* Makes the session and emits ::created, as the Create button does. */
void th_new_workshop_dialog_create (ThNewWorkshopDialog *self);

G_END_DECLS
