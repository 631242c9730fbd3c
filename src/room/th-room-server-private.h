/* th-room-server-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "th-room-connections.h"
#include "th-room-door.h"
#include "th-room-limiter.h"
#include "th-room-server.h"
#include "th-save-queue.h"

G_BEGIN_DECLS

/* The server is written in three parts that share this structure:
 * th-room-server-object.c (the object: its properties and signals, the
 * guests and their tokens, the saves that wait), th-room-server.c (the
 * libsoup transport and the defences a request meets before it is
 * handled) and th-room-handlers.c (the protocol of
 * docs/room-protocol.md: what each request does and the JSON it answers
 * with). */
struct _ThRoomServer
{
  GObject parent_instance;

  ThSession *session;
  GFile *session_file;
  ThSaveQueue *queue; /* of the session file, shared with a ThDocument */
  guint64 failed_write_reported;
  gulong items_changed_handler;

  SoupServer *server;
  GMainContext *context;
  char *address;
  char *url_address;
  guint port;
  char *join_url;
  char *join_code;
  gboolean locked;

  GListStore *guests;
  GHashTable *guests_by_digest; /* GBytes (SHA-256 of the token) → ThRoomGuest */
  ThRoomDoor *door;             /* who may join, and as whom */

  GQueue pending;          /* of MessageReply, read but not yet handled */
  GSource *pending_source; /* handles them, below the window's redraws */

  ThRoomLimiter *limiter;       /* per address, before joining */
  ThRoomLimiter *guest_limiter; /* per participant */
  ThRoomLimiter *body_limiter;  /* room-wide: 4 KiB blocks beyond each body's first */
  ThRoomConnections *connections;
  guint max_connections; /* per address */
  guint idle_timeout_s;
  guint request_timeout_s;
};

/* A request that passed the checks, and where its answer goes: what
 * every handler takes.  The request is the one the checks saw, whatever
 * it came through (a SoupServerMessage or th_room_server_handle()), with
 * its body. */
typedef struct
{
  ThRoomServer *server;
  const ThRoomRequest *request;
  ThRoomGuest *guest; /* the caller, NULL for the page and for joining */
  ThRoomRespondFunc respond;
  gpointer user_data;
} ThRoomCall;

/* th-room-server-object.c */
/* Adds a guest for @participant, found by @token from now on, and emits
 * ThRoomServer::participant-joined.  Returns a reference. */
ThRoomGuest *_th_room_server_admit (ThRoomServer *self, ThParticipant *participant,
                                    const char *token);
/* The guest whose token @token is (any string, from the network), or
 * NULL.  Borrowed. */
ThRoomGuest *_th_room_server_lookup_token (ThRoomServer *self, const char *token);
/* Whether @token (any string) belonged to a guest the facilitator
 * removed. */
gboolean _th_room_server_token_was_removed (ThRoomServer *self, const char *token);
/* Emits ThRoomServer::answers-changed. */
void _th_room_server_answers_changed (ThRoomServer *self, ThRoomGuest *guest);
/* Emits ThRoomServer::save-failed, once per failed write of @queue. */
void _th_room_server_report_save_failure (ThRoomServer *self, ThSaveQueue *queue,
                                          const GError *error);
/* Writes what waits for a save now, on this thread. */
void _th_room_server_flush_saves (ThRoomServer *self);
/* Notify "join-code", "join-url" and "running" once the room is open,
 * and "join-url" and "running" once it is closed. */
void _th_room_server_notify_started (ThRoomServer *self);
void _th_room_server_notify_stopped (ThRoomServer *self);

/* th-room-server.c */
ThRoomResponse *_th_room_response_new (void);
void _th_room_response_set_json (ThRoomResponse *response, guint status, JsonNode *node);
/* The same with a body already made: JSON text. */
void _th_room_response_set_json_body (ThRoomResponse *response, guint status, GBytes *body);
/* @node as compact JSON text. */
GBytes *_th_room_json_to_bytes (JsonNode *node);
/* A body {"error": @message}. */
void _th_room_response_set_error (ThRoomResponse *response, guint status, const char *message);

/* th-room-handlers.c */
/* Whether a request for @path needs a token: all of /api/ but joining and
 * what the join page reads before it. */
gboolean _th_room_path_needs_token (const char *path);
/* A body {"error": @message, "reason": @reason}; @reason (may be NULL)
 * is a word of the protocol a client can decide on. */
void _th_room_response_set_refusal (ThRoomResponse *response, guint status, const char *message,
                                    const char *reason);
/* Handles a request that passed every check: answers it through
 * @call->respond, at once or once the session file holds what it
 * changed. */
void _th_room_server_dispatch (const ThRoomCall *call);

G_END_DECLS
