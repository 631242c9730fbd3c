/* th-error-dialog.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @heading and @body (which may be NULL) in a message dialog over
 * @parent (or over no window) with a single Close button, the default:
 * for a failure or a report that needs reading, where a toast would go
 * by too soon. */
void th_error_dialog_present (GtkWindow *parent, const char *heading, const char *body);

G_END_DECLS
