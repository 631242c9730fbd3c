/* th-toast.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast that shows @text as it is.  libadwaita 1.2 reads a toast's
 * title as Pango markup, and toasts name participants and files: a name
 * such as "<span size='400%'>" would be drawn as markup, and one with a
 * lone "&" would not be drawn at all.  Every toast of the app is made
 * here. */
AdwToast *th_toast_new (const char *text);

G_END_DECLS
