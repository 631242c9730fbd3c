/* th-room-guest-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-room-guest.h"

G_BEGIN_DECLS

#define TH_ROOM_TOKEN_DIGEST_SIZE 32

/* @token_digest is the SHA-256 of the guest's token: the server never
 * keeps the token itself. */
ThRoomGuest *th_room_guest_new (ThParticipant *participant, guint n_behaviours,
                                const guint8 *token_digest);
GBytes *th_room_guest_get_token_digest (ThRoomGuest *self);
/* Stops following the participant (it left the session). */
void th_room_guest_detach (ThRoomGuest *self);

ThRoomStatus th_room_status_for_counts (guint n_sorted, guint n_rated, guint n_behaviours);

G_END_DECLS
