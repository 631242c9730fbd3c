/* th-host-qr.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* ThHostQr: a QR code of ThHostQr:text, as large as it is allowed to be,
 * always dark on white with its quiet zone (drawn by th_room_qr_draw(),
 * the function the zbarimg test reads back). */
#define TH_TYPE_HOST_QR (th_host_qr_get_type ())
G_DECLARE_FINAL_TYPE (ThHostQr, th_host_qr, TH, HOST_QR, GtkWidget)

const char *th_host_qr_get_text (ThHostQr *self);
void th_host_qr_set_text (ThHostQr *self, const char *text);

G_END_DECLS
