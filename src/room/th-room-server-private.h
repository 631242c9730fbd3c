/* th-room-server-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "th-room-limiter.h"
#include "th-room-server.h"
#include "th-save-queue.h"

G_BEGIN_DECLS

/* The server is written in two parts that share this structure:
 * th-room-server.c (the object, the libsoup transport, the defences a
 * request meets and the handlers) and th-room-handlers.c (the JSON
 * bodies the protocol of docs/room-protocol.md answers with). */
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

  GQueue pending;          /* of MessageReply, read but not yet handled */
  GSource *pending_source; /* handles them, below the window's redraws */

  ThRoomLimiter *limiter;
  guint max_connections;
  GHashTable *connections; /* address → GPtrArray of GSocket */
  guint n_new_connections;
};

/* th-room-handlers.c */
JsonNode *_th_room_me_node (ThRoomGuest *guest);
JsonNode *_th_room_deck_node (ThRoomServer *self);
JsonNode *_th_room_state_node (ThRoomServer *self, ThRoomGuest *guest);
JsonNode *_th_room_join_node (ThRoomGuest *guest, const char *token);

G_END_DECLS
