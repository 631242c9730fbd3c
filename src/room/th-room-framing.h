/* th-room-framing.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The requests of one connection, followed byte by byte as they arrive,
 * before libsoup reads them: where each head ends, how its body is
 * framed and where that ends.  libsoup 3.2 answers a head it cannot use
 * with an empty body (or closes the connection without a word when the
 * head is too large), and it reads a chunk size that is no number as 0,
 * which ends the body there and takes what follows for the next request.
 * What breaks those rules is found here first, so that the room can
 * answer it with the protocol's error body and close the connection
 * (docs/room-protocol.md, "General rules"). */
typedef struct _ThRoomFraming ThRoomFraming;

/* The most a request's head may hold, request line and headers together:
 * libsoup's own limit, which it must never reach. */
#define TH_ROOM_MAX_HEAD_SIZE (64 * 1024)

ThRoomFraming *th_room_framing_new (void);
void th_room_framing_free (ThRoomFraming *self);

/* Follows @length more bytes of the connection.  Returns how many of
 * them may go on to libsoup: all of them, or fewer when a request breaks
 * a rule, and then *@status and *@message (translated) say how the room
 * refuses it; nothing from the returned count on may reach libsoup, and
 * every later call returns 0.  A request the room cannot follow (one
 * with "Expect", say) is left to libsoup, and so is everything after it. */
gsize th_room_framing_feed (ThRoomFraming *self, const guint8 *data, gsize length, guint *status,
                            const char **message);

/* Whether @text is one non-negative decimal number: digits only, as
 * RFC 9110 writes Content-Length (without the white space around it,
 * which HTTP allows). */
gboolean th_room_framing_is_decimal (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomFraming, th_room_framing_free)

G_END_DECLS
