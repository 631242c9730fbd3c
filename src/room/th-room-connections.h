/* th-room-connections.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "th-room-limiter.h"

G_BEGIN_DECLS

/* The room's connections: it accepts them itself and hands them to
 * libsoup, so that it decides what a connection may hold and for how
 * long, which libsoup 3.2 does not.
 *
 * - It never stops accepting: out of descriptors, the connection idle
 *   the longest is closed to make room (libsoup's own listener gives up
 *   for good at the first failed accept).
 * - All open connections are capped well below the process's limit on
 *   open files (raised to its hard limit first): at the cap, the oldest
 *   idle connection makes way for the new one.
 * - A connection whose peer has gone, or that has been idle for the idle
 *   timeout (before its first request or after any), is closed: libsoup
 *   3.2 reads the end of such a connection between two requests and then
 *   forgets it, open, for as long as it runs.
 * - A request must arrive whole within the request timeout of its first
 *   byte, or its connection is ended; at the cap, when no connection is
 *   idle, the one that has taken the longest over its request makes way.
 * - Only open connections count against an address's cap.  Over the cap,
 *   and while the address's budget of requests is spent, a new
 *   connection gets a 429 with Retry-After before libsoup reads a byte
 *   of it. */
typedef struct _ThRoomConnections ThRoomConnections;

/* A whole HTTP response refusing a connection: @status (429, or 503 when
 * every connection is busy) with Retry-After: @retry_after_s; or refusing
 * a request that breaks a rule of HTTP (th-room-framing.h): @status with
 * @message, no Retry-After (0).  The connection is closed after it. */
typedef GBytes *(*ThRoomRefusalFunc) (guint status, guint retry_after_s, const char *message,
                                      gpointer user_data);

/* Accepts on @listener (a listening socket) for @server, on the
 * thread-default main context; @limiter holds the addresses' budgets
 * (borrowed: it outlives this). */
ThRoomConnections *th_room_connections_new (SoupServer *server, GSocket *listener,
                                            ThRoomLimiter *limiter, ThRoomRefusalFunc refusal,
                                            gpointer refusal_data, GError **error);
/* Stops accepting and closes the listening socket.  Call it after
 * soup_server_disconnect(), which closes the connections libsoup has. */
void th_room_connections_free (ThRoomConnections *self);

void th_room_connections_set_max_per_address (ThRoomConnections *self, guint max_connections);
/* For connections accepted from now on. */
void th_room_connections_set_idle_timeout (ThRoomConnections *self, guint seconds);
/* How long a request may take to arrive whole, from its first byte. */
void th_room_connections_set_request_timeout (ThRoomConnections *self, guint seconds);
/* From SoupServer::request-started, and ::request-finished and
 * ::request-aborted: a connection is busy from the first byte of a
 * request until its answer is written. */
void th_room_connections_request_started (ThRoomConnections *self, SoupServerMessage *msg);
void th_room_connections_request_finished (ThRoomConnections *self, SoupServerMessage *msg);
/* From SoupServer::request-read: the request has arrived whole. */
void th_room_connections_request_read (ThRoomConnections *self, SoupServerMessage *msg);
/* The socket of @msg's connection, or NULL. */
GSocket *th_room_connections_get_socket (ThRoomConnections *self, SoupServerMessage *msg);

/* Writes @response on @stream (taken from libsoup, or never given to
 * it), shuts the sending side and reads what the client still sends for
 * a moment before closing, so that the kernel does not reset the
 * connection under the answer before the client has read it.  @socket is
 * @stream's (NULL if unknown). */
void th_room_connections_linger (ThRoomConnections *self, GIOStream *stream, GSocket *socket,
                                 GBytes *response);

/* Raises the soft limit on open files to the hard limit (once per
 * process) and returns the number of connections the room may hold:
 * three quarters of the limit, at most TH_ROOM_MAX_CONNECTIONS. */
guint th_room_connections_raise_file_limit (void);

G_END_DECLS
