/* th-room-server-object.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The ThRoomServer object apart from its transport: its properties and
 * signals, the guests and the tokens they are found by (a participant
 * the session loses leaves the room too, and the facilitator can remove
 * one), and the saves that wait for the session file.  Opening the room
 * and the checks a request meets are th-room-server.c's; what a request
 * does is th-room-handlers.c's. */

#include "config.h"

#include <string.h>

#include "th-property.h"
#include "th-room-guest-private.h"
#include "th-room-limiter.h"
#include "th-room-secret.h"
#include "th-room-server-private.h"
#include "th-save-queue.h"
#include "th-set.h"

G_DEFINE_FINAL_TYPE (ThRoomServer, th_room_server, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_SESSION_FILE,
  PROP_RUNNING,
  PROP_JOIN_URL,
  PROP_JOIN_CODE,
  PROP_LOCKED,
  N_PROPS
};

enum
{
  PARTICIPANT_JOINED,
  PARTICIPANT_REMOVED,
  ANSWERS_CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Guests and tokens */

static void
token_digest (const char *token, guint8 digest[TH_ROOM_TOKEN_DIGEST_SIZE])
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = TH_ROOM_TOKEN_DIGEST_SIZE;

  g_checksum_update (checksum, (const guchar *)token, (gssize)strlen (token));
  g_checksum_get_digest (checksum, digest, &length);
}

/* Looks the token up by its digest: a timing difference in the hash table
 * would at most tell how a SHA-256 begins, which says nothing about the
 * token.  The stored digest is then compared in constant time as well. */
ThRoomGuest *
_th_room_server_lookup_token (ThRoomServer *self, const char *token)
{
  guint8 digest[TH_ROOM_TOKEN_DIGEST_SIZE];
  g_autoptr (GBytes) key = NULL;
  ThRoomGuest *guest;

  if (!th_room_token_is_well_formed (token))
    return NULL;

  token_digest (token, digest);
  key = g_bytes_new (digest, sizeof digest);
  guest = g_hash_table_lookup (self->guests_by_digest, key);
  if (guest == NULL)
    return NULL;

  if (!th_room_equal_constant_time (g_bytes_get_data (th_room_guest_get_token_digest (guest), NULL),
                                    digest, sizeof digest))
    return NULL;

  return guest;
}

gboolean
_th_room_server_token_was_removed (ThRoomServer *self, const char *token)
{
  guint8 digest[TH_ROOM_TOKEN_DIGEST_SIZE];
  g_autoptr (GBytes) key = NULL;

  if (!th_room_token_is_well_formed (token))
    return FALSE;

  token_digest (token, digest);
  key = g_bytes_new (digest, sizeof digest);
  return th_room_door_token_was_removed (self->door, key);
}

static gboolean
find_guest (ThRoomServer *self, const char *participant_id, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guests));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ThRoomGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), i);

      if (g_strcmp0 (th_room_guest_get_id (guest), participant_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
drop_guest (ThRoomServer *self, guint position)
{
  g_autoptr (ThRoomGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), position);

  g_hash_table_remove (self->guests_by_digest, th_room_guest_get_token_digest (guest));
  th_room_door_removed (self->door, guest);
  th_room_guest_detach (guest);
  g_list_store_remove (self->guests, position);
  g_signal_emit (self, signals[PARTICIPANT_REMOVED], 0, guest);
}

/* A participant removed from the session by other means (the workshop
 * view) loses the room too. */
static void
session_items_changed_cb (ThRoomServer *self, guint position, guint removed, guint added,
                          GListModel *model)
{
  if (removed == 0)
    return;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->guests)); i > 0; i--)
    {
      g_autoptr (ThRoomGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), i - 1);

      if (th_session_lookup_participant (self->session, th_room_guest_get_id (guest))
          != th_room_guest_get_participant (guest))
        drop_guest (self, i - 1);
    }
}

ThRoomGuest *
_th_room_server_admit (ThRoomServer *self, ThParticipant *participant, const char *token)
{
  guint8 digest[TH_ROOM_TOKEN_DIGEST_SIZE];
  g_autoptr (ThRoomGuest) guest = NULL;

  token_digest (token, digest);
  guest = th_room_guest_new (
    participant, th_deck_get_n_behaviours (th_session_get_deck (self->session)), digest);
  g_hash_table_insert (self->guests_by_digest, g_bytes_ref (th_room_guest_get_token_digest (guest)),
                       g_object_ref (guest));
  g_list_store_append (self->guests, guest);
  g_signal_emit (self, signals[PARTICIPANT_JOINED], 0, guest);

  return g_steal_pointer (&guest);
}

void
_th_room_server_answers_changed (ThRoomServer *self, ThRoomGuest *guest)
{
  g_signal_emit (self, signals[ANSWERS_CHANGED], 0, guest);
}

/* Saving */

void
_th_room_server_report_save_failure (ThRoomServer *self, ThSaveQueue *queue, const GError *error)
{
  guint64 write = th_save_queue_get_n_writes (queue);

  /* Once per failed write, not once per request it carried. */
  if (self->failed_write_reported == write)
    return;

  self->failed_write_reported = write;
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

void
_th_room_server_flush_saves (ThRoomServer *self)
{
  g_autoptr (GError) error = NULL;

  if (self->queue == NULL || !th_save_queue_get_busy (self->queue))
    return;

  if (!th_save_queue_flush (self->queue, &error))
    _th_room_server_report_save_failure (self, self->queue, error);
}

/* Running */

void
_th_room_server_notify_started (ThRoomServer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOIN_CODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOIN_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
_th_room_server_notify_stopped (ThRoomServer *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOIN_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* GObject */

static void
th_room_server_dispose (GObject *object)
{
  ThRoomServer *self = TH_ROOM_SERVER (object);

  th_room_server_stop (self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->session);

  if (self->guests != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->guests)); i++)
        {
          g_autoptr (ThRoomGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), i);

          th_room_guest_detach (guest);
        }
      g_list_store_remove_all (self->guests);
    }
  g_clear_pointer (&self->guests_by_digest, g_hash_table_unref);

  G_OBJECT_CLASS (th_room_server_parent_class)->dispose (object);
}

static void
th_room_server_finalize (GObject *object)
{
  ThRoomServer *self = TH_ROOM_SERVER (object);

  g_clear_object (&self->queue);
  g_clear_object (&self->session);
  g_clear_object (&self->session_file);
  g_clear_object (&self->guests);
  g_clear_object (&self->door);
  g_clear_pointer (&self->limiter, th_room_limiter_free);
  g_clear_pointer (&self->guest_limiter, th_room_limiter_free);
  g_clear_pointer (&self->body_limiter, th_room_limiter_free);
  g_clear_pointer (&self->join_code, g_free);
  g_clear_pointer (&self->join_url, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->url_address, g_free);

  G_OBJECT_CLASS (th_room_server_parent_class)->finalize (object);
}

static void
th_room_server_constructed (GObject *object)
{
  ThRoomServer *self = TH_ROOM_SERVER (object);

  G_OBJECT_CLASS (th_room_server_parent_class)->constructed (object);

  g_assert (TH_IS_SESSION (self->session));
  if (self->session_file != NULL && self->queue == NULL)
    self->queue = th_save_queue_get (self->session, self->session_file);

  /* Known before the room opens, so th_room_server_handle() works without
   * a socket; should the system's random source fail now, starting tries
   * again and reports it. */
  self->join_code = th_room_new_join_code (NULL);
  self->items_changed_handler = g_signal_connect_object (
    self->session, "items-changed", G_CALLBACK (session_items_changed_cb), self, G_CONNECT_SWAPPED);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_SESSION] = TH_PROPERTY_FIELD (ThRoomServer, session, NULL),
  [PROP_SESSION_FILE]
  = TH_PROPERTY_FIELD (ThRoomServer, session_file, th_room_server_set_session_file),
  [PROP_RUNNING] = TH_PROPERTY_GETTER (th_room_server_get_running, NULL),
  [PROP_JOIN_URL] = TH_PROPERTY_GETTER (th_room_server_get_join_url, NULL),
  [PROP_JOIN_CODE] = TH_PROPERTY_FIELD (ThRoomServer, join_code, NULL),
  [PROP_LOCKED] = TH_PROPERTY_FIELD (ThRoomServer, locked, th_room_server_set_locked),
};

static void
th_room_server_class_init (ThRoomServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_room_server_dispose;
  object_class->finalize = th_room_server_finalize;
  object_class->constructed = th_room_server_constructed;

  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_SESSION_FILE]
    = g_param_spec_object ("session-file", NULL, NULL, G_TYPE_FILE, TH_PARAM_READWRITE);
  properties[PROP_RUNNING]
    = g_param_spec_boolean ("running", NULL, NULL, FALSE, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_JOIN_URL]
    = g_param_spec_string ("join-url", NULL, NULL, NULL, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_JOIN_CODE]
    = g_param_spec_string ("join-code", NULL, NULL, NULL, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, TH_PARAM_READWRITE);

  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThRoomServer::participant-joined:
   * @guest: the new ThRoomGuest
   */
  signals[PARTICIPANT_JOINED]
    = g_signal_new ("participant-joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_ROOM_GUEST);
  /**
   * ThRoomServer::participant-removed:
   * @guest: the ThRoomGuest whose token no longer works
   */
  signals[PARTICIPANT_REMOVED]
    = g_signal_new ("participant-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, TH_TYPE_ROOM_GUEST);
  /**
   * ThRoomServer::answers-changed:
   * @guest: the ThRoomGuest who sent answers
   *
   * Emitted after answers from a device are in the session (and before
   * they are saved).
   */
  signals[ANSWERS_CHANGED]
    = g_signal_new ("answers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, TH_TYPE_ROOM_GUEST);
  /**
   * ThRoomServer::save-failed:
   * @error: what went wrong
   *
   * The session file could not be written; devices got 503 and retry.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
th_room_server_init (ThRoomServer *self)
{
  self->guests = g_list_store_new (TH_TYPE_ROOM_GUEST);
  self->guests_by_digest = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                  (GDestroyNotify)g_bytes_unref, g_object_unref);
  self->door = th_room_door_new ();
  self->limiter = th_room_limiter_new (TH_ROOM_ADDRESS_RATE, TH_ROOM_ADDRESS_BURST);
  self->guest_limiter = th_room_limiter_new (TH_ROOM_DEFAULT_RATE, TH_ROOM_DEFAULT_BURST);
  self->body_limiter
    = th_room_limiter_new (TH_ROOM_LARGE_BODY_BLOCKS_PER_S, TH_ROOM_LARGE_BODY_BURST);
  self->max_connections = TH_ROOM_DEFAULT_CONNECTIONS;
  self->idle_timeout_s = TH_ROOM_IDLE_TIMEOUT_S;
  self->request_timeout_s = TH_ROOM_REQUEST_TIMEOUT_S;
}

/* Public API */

ThRoomServer *
th_room_server_new (ThSession *session, GFile *session_file)
{
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (session_file == NULL || G_IS_FILE (session_file), NULL);

  return g_object_new (TH_TYPE_ROOM_SERVER, "session", session, "session-file", session_file, NULL);
}

TH_DEFINE_GETTER (ThSession *, th_room_server_get_session, ThRoomServer, TH_IS_ROOM_SERVER, session,
                  NULL)

TH_DEFINE_GETTER (GFile *, th_room_server_get_session_file, ThRoomServer, TH_IS_ROOM_SERVER,
                  session_file, NULL)

void
th_room_server_set_session_file (ThRoomServer *self, GFile *session_file)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (session_file == NULL || G_IS_FILE (session_file));

  if (!g_set_object (&self->session_file, session_file))
    return;

  /* What waits for the old file keeps waiting for it (its queue finishes
   * the write before it goes); later answers go to the new one. */
  g_clear_object (&self->queue);
  if (self->session_file != NULL && self->session != NULL)
    self->queue = th_save_queue_get (self->session, self->session_file);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_FILE]);
}

TH_DEFINE_GETTER (const char *, th_room_server_get_join_code, ThRoomServer, TH_IS_ROOM_SERVER,
                  join_code, NULL)

TH_DEFINE_GETTER (gboolean, th_room_server_get_locked, ThRoomServer, TH_IS_ROOM_SERVER, locked,
                  FALSE)

void
th_room_server_set_locked (ThRoomServer *self, gboolean locked)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));

  if (th_set_boolean (&self->locked, locked))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

GListModel *
th_room_server_get_guests (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), NULL);

  return G_LIST_MODEL (self->guests);
}

ThRoomGuest *
th_room_server_lookup_guest (ThRoomServer *self, const char *participant_id)
{
  g_autoptr (ThRoomGuest) guest = NULL;
  guint position;

  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), NULL);
  g_return_val_if_fail (participant_id != NULL, NULL);

  if (!find_guest (self, participant_id, &position))
    return NULL;

  /* The store keeps it alive: return it borrowed. */
  guest = g_list_model_get_item (G_LIST_MODEL (self->guests), position);
  return guest;
}

TH_DEFINE_GETTER (ThRoomDoor *, th_room_server_get_door, ThRoomServer, TH_IS_ROOM_SERVER, door,
                  NULL)

gboolean
th_room_server_remove_participant (ThRoomServer *self, const char *participant_id)
{
  gboolean removed;
  guint position;

  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  removed = th_session_remove_participant (self->session, participant_id);

  /* items-changed has dropped the guest already, unless the session did
   * not have them any more. */
  if (find_guest (self, participant_id, &position))
    {
      drop_guest (self, position);
      removed = TRUE;
    }

  /* Saved at once: the facilitator removed someone on purpose, and the
   * file should say so before anything else happens. */
  if (removed && self->queue != NULL)
    {
      th_save_queue_request (self->queue, NULL, NULL);
      _th_room_server_flush_saves (self);
    }

  return removed;
}

gboolean
th_room_server_get_participant_status (ThRoomServer *self, const char *participant_id,
                                       ThRoomStatus *status)
{
  ThRoomGuest *guest;

  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  guest = th_room_server_lookup_guest (self, participant_id);
  if (guest == NULL)
    return FALSE;

  if (status != NULL)
    *status = th_room_guest_get_status (guest);
  return TRUE;
}
