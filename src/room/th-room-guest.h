/* th-room-guest.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "th-participant.h"

G_BEGIN_DECLS

/* How far a participant who joined over the network has got. */
typedef enum
{
  TH_ROOM_STATUS_JOINED,   /* nothing answered yet */
  TH_ROOM_STATUS_SORTING,  /* some cards sorted, not all */
  TH_ROOM_STATUS_RATING,   /* all sorted (or some rated), not all rated */
  TH_ROOM_STATUS_FINISHED, /* every card sorted and rated */
} ThRoomStatus;

#define TH_TYPE_ROOM_STATUS (th_room_status_get_type ())
GType th_room_status_get_type (void);

/* "joined", "sorting", "rating", "finished". */
const char *th_room_status_to_string (ThRoomStatus status);
/* "Joined", "Sorting", …, translated. */
const char *th_room_status_get_display_name (ThRoomStatus status);

/* ThRoomGuest: a participant who joined the room from their own device.
 * Its name and status follow the participant; the server keeps one per
 * token, in ThRoomServer:guests. */
#define TH_TYPE_ROOM_GUEST (th_room_guest_get_type ())
G_DECLARE_FINAL_TYPE (ThRoomGuest, th_room_guest, TH, ROOM_GUEST, GObject)

const char *th_room_guest_get_id (ThRoomGuest *self);
const char *th_room_guest_get_name (ThRoomGuest *self);
ThRoomStatus th_room_guest_get_status (ThRoomGuest *self);
ThParticipant *th_room_guest_get_participant (ThRoomGuest *self);
/* Cards sorted and rated so far, of th_room_guest_get_n_behaviours();
 * properties "n-sorted" and "n-rated". */
guint th_room_guest_get_n_sorted (ThRoomGuest *self);
guint th_room_guest_get_n_rated (ThRoomGuest *self);
guint th_room_guest_get_n_behaviours (ThRoomGuest *self);

/* How many of @guests (ThRoomGuest) have sorted and rated every card. */
guint th_room_guests_count_finished (GListModel *guests);

G_END_DECLS
