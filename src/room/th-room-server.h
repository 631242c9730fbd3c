/* th-room-server.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "th-room-door.h"
#include "th-room-guest.h"
#include "th-session.h"

G_BEGIN_DECLS

/* Defaults of the defences; tests and benchmarks that simulate a whole
 * room from one address raise them with the setters below.  Before a
 * phone joins, its requests count against its address, which a room of
 * phones behind one router (a NAT address) shares: the address's budget
 * holds what forty of them need to load the page and join at once.
 * After, they count against the participant's own budget. */
#define TH_ROOM_DEFAULT_RATE 20.0       /* requests a second per participant */
#define TH_ROOM_DEFAULT_BURST 60        /* requests saved up per participant */
#define TH_ROOM_ADDRESS_RATE 20.0       /* requests a second per address, before joining */
#define TH_ROOM_ADDRESS_BURST 240       /* requests saved up per address */
#define TH_ROOM_DEFAULT_CONNECTIONS 256 /* open connections per address */
#define TH_ROOM_MAX_CONNECTIONS 2048    /* open connections in all (fewer with fewer files) */
#define TH_ROOM_IDLE_TIMEOUT_S 30       /* a connection idle this long is closed */
#define TH_ROOM_REQUEST_TIMEOUT_S 10    /* a request must arrive whole this soon */
#define TH_ROOM_MAX_GUESTS 2000         /* the largest room size */
/* A request costs one request's worth of its budget for each started
 * 4 KiB of its body (at least one): the budgets bound the work of reading
 * and parsing, not only the number of requests. */
#define TH_ROOM_BODY_COST_BYTES 4096
/* Beyond the first 4 KiB of each, bodies also spend a budget of the whole
 * room, whoever sends them: 4 MiB saved up, then 1 MiB a second (in 4 KiB
 * blocks), so that many participants at their own budgets cannot make the
 * room spend its time reading.  The page's own bodies stay under 4 KiB. */
#define TH_ROOM_LARGE_BODY_BLOCKS_PER_S 256.0
#define TH_ROOM_LARGE_BODY_BURST 1024

/* ThRoomServer: serves the participant page and the room protocol
 * (docs/room-protocol.md) for one session, on the thread-default main
 * context of the thread that calls th_room_server_start().  It has no GTK
 * in it: the GUI's host page and the display-free `two-hats --host` use it
 * alike.
 *
 * When it has a session file, every answer and every join is written to
 * it (atomically, through the file's ThSaveQueue, which a ThDocument of
 * the same session and file shares) before the 200 goes out; requests
 * that arrive together share one write. */
#define TH_TYPE_ROOM_SERVER (th_room_server_get_type ())
G_DECLARE_FINAL_TYPE (ThRoomServer, th_room_server, TH, ROOM_SERVER, GObject)

/* @session_file may be NULL (an untitled session): answers then live in
 * @session only, and whoever owns it keeps it. */
ThRoomServer *th_room_server_new (ThSession *session, GFile *session_file);

ThSession *th_room_server_get_session (ThRoomServer *self);
GFile *th_room_server_get_session_file (ThRoomServer *self);
/* For "Save As": later answers go to the new file. */
void th_room_server_set_session_file (ThRoomServer *self, GFile *session_file);

/* Starts listening on @address ("192.168.1.20", "::1", …) and @port (0:
 * a free one).  @address NULL means the machine's LAN address (never all
 * interfaces: only "0.0.0.0" or "::" given explicitly does that). */
gboolean th_room_server_start (ThRoomServer *self, const char *address, guint port, GError **error);
/* Answers what waits for a save, then closes every connection.  Tokens
 * stay valid, so pages resume if hosting starts again in this process. */
void th_room_server_stop (ThRoomServer *self);
gboolean th_room_server_get_running (ThRoomServer *self);

/* Valid while running. */
const char *th_room_server_get_address (ThRoomServer *self); /* as bound */
guint th_room_server_get_port (ThRoomServer *self);
const char *th_room_server_get_join_url (ThRoomServer *self); /* "http://192.168.1.20:41234/" */
/* The join URL with the code in its fragment, for the QR code: a phone
 * that scans it joins without typing (fragments never leave the browser). */
char *th_room_server_dup_qr_url (ThRoomServer *self);
/* Six characters of TH_ROOM_JOIN_CODE_ALPHABET; set when the server is
 * made, kept across restarts. */
const char *th_room_server_get_join_code (ThRoomServer *self);

/* A locked room takes no new participants (423); those in it go on. */
gboolean th_room_server_get_locked (ThRoomServer *self);
void th_room_server_set_locked (ThRoomServer *self, gboolean locked);

/* Of ThRoomGuest, in joining order. */
GListModel *th_room_server_get_guests (ThRoomServer *self);
ThRoomGuest *th_room_server_lookup_guest (ThRoomServer *self, const char *participant_id);
/* Who may join, and as whom: the room's size, the join limit, names. */
ThRoomDoor *th_room_server_get_door (ThRoomServer *self);
/* Removes the participant from the session and revokes their token: it
 * answers "removed" from then on, and their name is refused until the
 * facilitator allows it again (th_room_door_allow_name()). */
gboolean th_room_server_remove_participant (ThRoomServer *self, const char *participant_id);
/* TRUE and @status when @participant_id joined through the room. */
gboolean th_room_server_get_participant_status (ThRoomServer *self, const char *participant_id,
                                                ThRoomStatus *status);

/* An answer of the room: @status, the headers to send (Content-Type among
 * them when there is a body) and the body, or NULL. */
typedef struct
{
  guint status;
  SoupMessageHeaders *headers;
  GBytes *body;
} ThRoomResponse;

void th_room_response_free (ThRoomResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomResponse, th_room_response_free)

/* Receives the answer to th_room_server_handle(); @response is borrowed. */
typedef void (*ThRoomRespondFunc) (ThRoomServer *self, const ThRoomResponse *response,
                                   gpointer user_data);

/* One request of the room, as th_room_server_handle() takes it and as
 * libsoup's handlers read it off a connection.  The headers are their
 * values, NULL when absent (several headers of one name joined with
 * ", "). */
typedef struct
{
  const char *method;
  const char *path;
  const char *host;
  const char *origin;
  const char *authorization;
  /* Who sent it, which keys the rate limit; NULL reads as "". */
  const char *remote_address;
  /* Where it came in, which the Host header must name; NULL for the
   * address the server listens on. */
  GSocketAddress *local_address;
  /* The whole body, or NULL. */
  GBytes *body;
} ThRoomRequest;

/* Handles one request of the room without a socket: both of libsoup's
 * handlers go through this code, so the checks are the same (body size,
 * Host, rate limit, Origin, token), in the same order.  @request is only
 * read during the call.
 *
 * @respond is called once: before this returns, or, for a join or answers
 * that must be saved first, once the session file holds them. */
void th_room_server_handle (ThRoomServer *self, const ThRoomRequest *request,
                            ThRoomRespondFunc respond, gpointer user_data);

/* Each participant's budget of requests (after joining). */
void th_room_server_set_rate_limit (ThRoomServer *self, double requests_per_second, guint burst);
/* Each address's budget of requests before joining (the page, joining, a
 * token that is not one). */
void th_room_server_set_address_rate_limit (ThRoomServer *self, double requests_per_second,
                                            guint burst);
void th_room_server_set_max_connections_per_address (ThRoomServer *self, guint max_connections);
/* How long a connection may be idle, before its first request or after
 * any, for connections made from now on. */
void th_room_server_set_idle_timeout (ThRoomServer *self, guint seconds);
/* How long a request may take to arrive whole, from its first byte. */
void th_room_server_set_request_timeout (ThRoomServer *self, guint seconds);

G_END_DECLS
