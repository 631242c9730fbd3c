/* th-host-join-screen.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-room-server.h"

G_BEGIN_DECLS

/* ThHostJoinScreen: what the room needs to see to join — the QR code, the
 * address and the join code, large.  It follows its server (address,
 * code, running), so the host page and the presenter window can each show
 * one for the same server. */
#define TH_TYPE_HOST_JOIN_SCREEN (th_host_join_screen_get_type ())
G_DECLARE_FINAL_TYPE (ThHostJoinScreen, th_host_join_screen, TH, HOST_JOIN_SCREEN, GtkWidget)

GtkWidget *th_host_join_screen_new (ThRoomServer *server);

ThRoomServer *th_host_join_screen_get_server (ThHostJoinScreen *self);
/* Projector layout: the code beside the text, everything larger. */
gboolean th_host_join_screen_get_presenter (ThHostJoinScreen *self);
void th_host_join_screen_set_presenter (ThHostJoinScreen *self, gboolean presenter);

/* "7 of 12 finished" as the screen shows it. */
const char *th_host_join_screen_get_progress_text (ThHostJoinScreen *self);

G_END_DECLS
