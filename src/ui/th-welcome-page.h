/* th-welcome-page.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* ThWelcomePage: what the window shows before anything is open, and on
 * the way home: the four ways in (self-study, a new workshop, a file, the
 * sample), a button back to what is open, the unsaved workshops kept from
 * an earlier run and the recent workshops.  Its buttons and rows activate
 * the window's actions ("win.self-study", "win.open-recovery", …).
 *
 * The recovery copies are read on a worker thread: their list fills when
 * that is done, so the page never waits for a big file. */
#define TH_TYPE_WELCOME_PAGE (th_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (ThWelcomePage, th_welcome_page, TH, WELCOME_PAGE, AdwBin)

/* Lists the recovery copies and the recent workshops again, leaving out
 * @open_file and @open_recovery, the file and the recovery copy of what
 * is open now (either may be NULL).  The recent list is filled at once;
 * the recovery list when its files have been read on a worker thread,
 * until then it shows what it showed.  A newer reload replaces an older
 * one; once @cancellable is cancelled (the window's, when it closes) a
 * scan that finishes changes nothing. */
void th_welcome_page_reload (ThWelcomePage *self, GFile *open_file, GFile *open_recovery,
                             GCancellable *cancellable);
/* TRUE from a reload until its recovery list is filled; meanwhile the
 * group of unsaved workshops shows a row that says it is looking. */
gboolean th_welcome_page_get_loading (ThWelcomePage *self);

/* The label of the button back to what is open; NULL hides the button. */
void th_welcome_page_set_continue_label (ThWelcomePage *self, const char *label);

G_END_DECLS
