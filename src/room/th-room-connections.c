/* th-room-connections.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gnetworking.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "th-room-connections.h"
#include "th-room-framing.h"
#include "th-room-server.h"

/* How many connections one dispatch accepts before the sockets already
 * open get their turn. */
#define ACCEPT_BATCH 64
/* How long accepting pauses when accept() fails and nothing can be
 * closed to make room. */
#define ACCEPT_PAUSE_MS 100
/* Retry-After for an address at its cap of open connections: about the
 * time a page takes to finish what it has open. */
#define CAP_RETRY_AFTER_S 2
#define LINGER_TIMEOUT_MS 2000
/* How often the connections still reading a request are looked at. */
#define DEADLINE_CHECK_MS 500
#define LINGER_MAX_BYTES (1024 * 1024)

/* A connection as libsoup sees it: the socket's own streams, except that
 * between two requests the end of the input (or the idle timeout) is
 * kept from libsoup.  libsoup 3.2 reads that end, answers nobody and
 * never closes the connection (the message it reads into has no one to
 * finish it); told instead that nothing has arrived yet, it waits, and
 * the connection can be taken from it and closed
 * (soup_server_message_steal_connection() on the last message it
 * started there). */

#define TH_TYPE_ROOM_CONNECTION (th_room_connection_get_type ())
G_DECLARE_FINAL_TYPE (ThRoomConnection, th_room_connection, TH, ROOM_CONNECTION, GIOStream)

#define TH_TYPE_ROOM_CONNECTION_INPUT (th_room_connection_input_get_type ())
G_DECLARE_FINAL_TYPE (ThRoomConnectionInput, th_room_connection_input, TH, ROOM_CONNECTION_INPUT,
                      GInputStream)

struct _ThRoomConnection
{
  GIOStream parent_instance;

  GSocketConnection *base;
  GSocket *socket;
  GInputStream *input;
  GSocketAddress *remote;   /* the object libsoup is given: finds us from a message */
  char *address;            /* its text, the key of the per-address count */
  ThRoomConnections *owner; /* NULL once closed, or when the room stopped */
  GList link;               /* in owner->open */
  SoupServerMessage *last;  /* the latest message libsoup started here */
  gboolean busy;            /* from a request's first byte until its answer is written */
  gint64 reading_since;     /* monotonic time of the request's first byte, 0 once read whole */
  gboolean cut;             /* shut down for taking too long over a request */
  gboolean gone;            /* ended (or timed out) between requests: to be closed */
  ThRoomFraming *framing;   /* the requests read so far; NULL once taken from libsoup */
  gboolean held;            /* a request broke a rule: libsoup reads no more of it */
  guint refusal_status;     /* and how it is answered */
  const char *refusal_message;
};

struct _ThRoomConnectionInput
{
  GInputStream parent_instance;

  GInputStream *base;           /* the socket's */
  ThRoomConnection *connection; /* not a reference: it owns this stream */
};

struct _ThRoomConnections
{
  SoupServer *server; /* not a reference: whoever made this owns it */
  GSocket *listener;
  GSocket *keep_alive[2];
  GMainContext *context;
  GSource *accept_source;
  GSource *resume_source;
  GSource *reap_source;
  GSource *deadline_source;

  GQueue open;             /* of ThRoomConnection (references), the longest idle first */
  GHashTable *by_remote;   /* GSocketAddress → ThRoomConnection */
  GHashTable *per_address; /* address → open connections from it */
  GPtrArray *gone;         /* of ThRoomConnection, to be closed */
  GList *lingering;        /* of Lingering refusals, counted as open */
  guint n_lingering;

  ThRoomLimiter *limiter;
  ThRoomRefusalFunc refusal;
  gpointer refusal_data;
  guint max_open;
  guint max_per_address;
  guint idle_timeout_s;
  guint request_timeout_s;
};

static void connections_forget (ThRoomConnections *self, ThRoomConnection *connection);
static void connections_reap_later (ThRoomConnections *self);
static void connection_hold (ThRoomConnection *connection, guint status, const char *message);

/* The input stream */

static void th_room_connection_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ThRoomConnectionInput, th_room_connection_input, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      th_room_connection_input_pollable_init))

static void
set_would_block (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "Nothing to read yet");
}

/* What a read of the socket returned, as libsoup is to see it. */
static gssize
read_done (ThRoomConnection *connection, gssize n, GError *local_error, GError **error)
{
  if (n > 0)
    {
      connection->busy = TRUE;
      if (connection->reading_since == 0)
        connection->reading_since = g_get_monotonic_time ();
      return n;
    }

  if (n < 0 && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    {
      g_propagate_error (error, local_error);
      return -1;
    }

  /* The end, a reset or the idle timeout (G_IO_ERROR_TIMED_OUT) between
   * two requests, or before the first: libsoup waits, the connection is
   * closed on the next turn of the loop.  In the middle of a request
   * libsoup sees it and ends the request itself. */
  if (!connection->busy && connection->owner != NULL && connection->last != NULL)
    {
      g_clear_error (&local_error);
      connection->gone = TRUE;
      g_ptr_array_add (connection->owner->gone, g_object_ref (connection));
      connections_reap_later (connection->owner);
      set_would_block (error);
      return -1;
    }

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return n;
}

static gssize
th_room_connection_input_read (GInputStream *stream, void *buffer, gsize count,
                               GCancellable *cancellable, GError **error)
{
  ThRoomConnectionInput *self = TH_ROOM_CONNECTION_INPUT (stream);

  /* Blocking reads are not libsoup's way; they get the socket as it is. */
  return g_input_stream_read (self->base, buffer, count, cancellable, error);
}

static gboolean
th_room_connection_input_close (GInputStream *stream, GCancellable *cancellable, GError **error)
{
  /* The socket is closed with the connection (th_room_connection_close). */
  return TRUE;
}

static gboolean
th_room_connection_input_can_poll (GPollableInputStream *stream)
{
  return TRUE;
}

static gboolean
th_room_connection_input_is_readable (GPollableInputStream *stream)
{
  ThRoomConnectionInput *self = TH_ROOM_CONNECTION_INPUT (stream);

  return !self->connection->gone && !self->connection->held
         && g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (self->base));
}

static GSource *
th_room_connection_input_create_source (GPollableInputStream *stream, GCancellable *cancellable)
{
  ThRoomConnectionInput *self = TH_ROOM_CONNECTION_INPUT (stream);
  g_autoptr (GSource) base_source = NULL;

  /* Gone, or held for a refusal: a source that never fires, until the
   * connection is closed or taken from libsoup. */
  if (self->connection->gone || self->connection->held)
    return g_pollable_source_new (G_OBJECT (stream));

  /* (g_pollable_source_new_full() gives it its dummy callback: a second
   * one would destroy it.) */
  base_source
    = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (self->base), cancellable);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
th_room_connection_input_read_nonblocking (GPollableInputStream *stream, void *buffer, gsize count,
                                           GError **error)
{
  ThRoomConnectionInput *self = TH_ROOM_CONNECTION_INPUT (stream);
  GError *local_error = NULL;
  gssize n;

  if (self->connection->gone || self->connection->held)
    {
      set_would_block (error);
      return -1;
    }

  n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (self->base), buffer, count,
                                                NULL, &local_error);

  /* What breaks HTTP's framing, or what libsoup would answer with an
   * empty body, stops here: libsoup gets what comes before it, and the
   * room answers (connection_hold()). */
  if (n > 0 && self->connection->framing != NULL)
    {
      guint status = 0;
      const char *message = NULL;
      gsize allowed
        = th_room_framing_feed (self->connection->framing, buffer, (gsize)n, &status, &message);

      if (status != 0)
        connection_hold (self->connection, status, message);
      if (allowed < (gsize)n)
        {
          if (allowed == 0)
            {
              self->connection->busy = TRUE;
              set_would_block (error);
              return -1;
            }
          n = (gssize)allowed;
        }
    }

  return read_done (self->connection, n, local_error, error);
}

static void
th_room_connection_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = th_room_connection_input_can_poll;
  iface->is_readable = th_room_connection_input_is_readable;
  iface->create_source = th_room_connection_input_create_source;
  iface->read_nonblocking = th_room_connection_input_read_nonblocking;
}

static void
th_room_connection_input_finalize (GObject *object)
{
  ThRoomConnectionInput *self = TH_ROOM_CONNECTION_INPUT (object);

  g_clear_object (&self->base);

  G_OBJECT_CLASS (th_room_connection_input_parent_class)->finalize (object);
}

static void
th_room_connection_input_class_init (ThRoomConnectionInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = th_room_connection_input_finalize;
  stream_class->read_fn = th_room_connection_input_read;
  stream_class->close_fn = th_room_connection_input_close;
}

static void
th_room_connection_input_init (ThRoomConnectionInput *self)
{
}

/* The connection */

G_DEFINE_FINAL_TYPE (ThRoomConnection, th_room_connection, G_TYPE_IO_STREAM)

static GInputStream *
th_room_connection_get_input_stream (GIOStream *stream)
{
  return TH_ROOM_CONNECTION (stream)->input;
}

static GOutputStream *
th_room_connection_get_output_stream (GIOStream *stream)
{
  return g_io_stream_get_output_stream (G_IO_STREAM (TH_ROOM_CONNECTION (stream)->base));
}

static gboolean
th_room_connection_close (GIOStream *stream, GCancellable *cancellable, GError **error)
{
  ThRoomConnection *self = TH_ROOM_CONNECTION (stream);
  gboolean closed = g_io_stream_close (G_IO_STREAM (self->base), cancellable, error);

  if (self->owner != NULL)
    connections_forget (self->owner, self);
  g_clear_object (&self->last);

  return closed;
}

static void
th_room_connection_finalize (GObject *object)
{
  ThRoomConnection *self = TH_ROOM_CONNECTION (object);

  g_clear_object (&self->input);
  g_clear_object (&self->base);
  g_clear_object (&self->socket);
  g_clear_object (&self->remote);
  g_clear_object (&self->last);
  g_clear_pointer (&self->framing, th_room_framing_free);
  g_free (self->address);

  G_OBJECT_CLASS (th_room_connection_parent_class)->finalize (object);
}

static void
th_room_connection_class_init (ThRoomConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->finalize = th_room_connection_finalize;
  stream_class->get_input_stream = th_room_connection_get_input_stream;
  stream_class->get_output_stream = th_room_connection_get_output_stream;
  stream_class->close_fn = th_room_connection_close;
}

static void
th_room_connection_init (ThRoomConnection *self)
{
  self->link.data = self;
}

static ThRoomConnection *
th_room_connection_new (GSocket *socket, GSocketAddress *remote, const char *address)
{
  ThRoomConnection *self = g_object_new (TH_TYPE_ROOM_CONNECTION, NULL);
  ThRoomConnectionInput *input = g_object_new (TH_TYPE_ROOM_CONNECTION_INPUT, NULL);

  self->socket = g_object_ref (socket);
  self->base = g_socket_connection_factory_create_connection (socket);
  self->remote = g_object_ref (remote);
  self->address = g_strdup (address);
  input->base = g_object_ref (g_io_stream_get_input_stream (G_IO_STREAM (self->base)));
  input->connection = self;
  self->input = G_INPUT_STREAM (input);
  self->framing = th_room_framing_new ();

  return self;
}

/* Lingering: an answer written on a connection nobody else reads */

typedef struct
{
  ThRoomConnections *owner; /* counts it as open while it lasts; may be NULL */
  GIOStream *stream;
  GSocket *socket;
  GBytes *response;
  GSource *timeout;
  gsize drained;
  guint8 buffer[4096];
} Lingering;

static void
lingering_free (Lingering *lingering)
{
  if (lingering->owner != NULL)
    {
      lingering->owner->lingering = g_list_remove (lingering->owner->lingering, lingering);
      lingering->owner->n_lingering--;
    }
  if (lingering->timeout != NULL)
    {
      g_source_destroy (lingering->timeout);
      g_source_unref (lingering->timeout);
    }
  if (lingering->stream != NULL)
    g_io_stream_close (lingering->stream, NULL, NULL);
  g_clear_object (&lingering->stream);
  g_clear_object (&lingering->socket);
  g_clear_pointer (&lingering->response, g_bytes_unref);
  g_free (lingering);
}

static gboolean
lingering_timeout_cb (gpointer user_data)
{
  Lingering *lingering = user_data;

  /* Shutting the socket ends the pending read, which frees @lingering. */
  g_source_unref (g_steal_pointer (&lingering->timeout));
  if (lingering->socket != NULL)
    g_socket_shutdown (lingering->socket, TRUE, TRUE, NULL);
  else
    g_io_stream_close (lingering->stream, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
drained_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lingering *lingering = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0 || lingering->drained + (gsize)n > LINGER_MAX_BYTES)
    {
      lingering_free (lingering);
      return;
    }

  lingering->drained += (gsize)n;
  g_input_stream_read_async (G_INPUT_STREAM (source), lingering->buffer, sizeof lingering->buffer,
                             G_PRIORITY_DEFAULT, NULL, drained_cb, lingering);
}

static void
response_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lingering *lingering = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      lingering_free (lingering);
      return;
    }

  if (lingering->socket != NULL)
    g_socket_shutdown (lingering->socket, FALSE, TRUE, NULL);

  lingering->timeout = g_timeout_source_new (LINGER_TIMEOUT_MS);
  g_source_set_callback (lingering->timeout, lingering_timeout_cb, lingering, NULL);
  g_source_attach (lingering->timeout, g_main_context_get_thread_default ());

  g_input_stream_read_async (g_io_stream_get_input_stream (lingering->stream), lingering->buffer,
                             sizeof lingering->buffer, G_PRIORITY_DEFAULT, NULL, drained_cb,
                             lingering);
}

static void
linger (ThRoomConnections *owner, GIOStream *stream, GSocket *socket, GBytes *response)
{
  Lingering *lingering = g_new0 (Lingering, 1);

  lingering->owner = owner;
  if (owner != NULL)
    {
      owner->lingering = g_list_prepend (owner->lingering, lingering);
      owner->n_lingering++;
    }
  lingering->stream = g_object_ref (stream);
  lingering->socket = socket != NULL ? g_object_ref (socket) : NULL;
  lingering->response = g_bytes_ref (response);

  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream),
                                   g_bytes_get_data (response, NULL), g_bytes_get_size (response),
                                   G_PRIORITY_DEFAULT, NULL, response_written_cb, lingering);
}

/* Answers the request a connection holds back (connection_hold()): the
 * connection is taken from libsoup, which has read the request up to
 * what broke the rule and waits for the rest, and closed after the
 * answer.  It is charged to the address as libsoup's own refusals are. */
static gboolean
refuse_held_cb (gpointer user_data)
{
  ThRoomConnection *connection = user_data;
  ThRoomConnections *owner = connection->owner;
  g_autoptr (SoupServerMessage) msg = NULL;
  g_autoptr (GIOStream) stream = NULL;
  g_autoptr (GBytes) response = NULL;

  if (owner == NULL || connection->last == NULL || !connection->held)
    return G_SOURCE_REMOVE;

  th_room_limiter_charge (owner->limiter, connection->address, 1.0, g_get_monotonic_time ());
  response = owner->refusal (connection->refusal_status, 0, connection->refusal_message,
                             owner->refusal_data);
  msg = g_object_ref (connection->last);

  /* Whatever the client sends from now on is drained, not followed. */
  g_clear_pointer (&connection->framing, th_room_framing_free);
  connection->held = FALSE;
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    linger (NULL, stream, connection->socket, response);

  return G_SOURCE_REMOVE;
}

static void
connection_hold (ThRoomConnection *connection, guint status, const char *message)
{
  g_autoptr (GSource) source = NULL;

  if (connection->held || connection->owner == NULL)
    return;

  connection->held = TRUE;
  connection->refusal_status = status;
  connection->refusal_message = message;

  /* Not from within libsoup's read: it is in the middle of the request. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, refuse_held_cb, g_object_ref (connection), g_object_unref);
  g_source_set_static_name (source, "[two-hats] refuse a request");
  g_source_attach (source, connection->owner->context);
}

void
th_room_connections_linger (ThRoomConnections *self, GIOStream *stream, GSocket *socket,
                            GBytes *response)
{
  g_return_if_fail (G_IS_IO_STREAM (stream));
  g_return_if_fail (response != NULL);

  /* Taken from libsoup: what the client still sends is drained, not
   * followed (nor held back, which would keep the drain waiting). */
  if (TH_IS_ROOM_CONNECTION (stream))
    {
      g_clear_pointer (&TH_ROOM_CONNECTION (stream)->framing, th_room_framing_free);
      TH_ROOM_CONNECTION (stream)->held = FALSE;
    }

  /* A connection taken from libsoup is counted as open until it closes;
   * it is not counted twice. */
  linger (NULL, stream, socket, response);
}

/* The connections */

static guint
n_open (ThRoomConnections *self)
{
  return self->open.length + self->n_lingering;
}

static guint
n_open_from (ThRoomConnections *self, const char *address)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
}

static void
connections_forget (ThRoomConnections *self, ThRoomConnection *connection)
{
  guint n = n_open_from (self, connection->address);

  connection->owner = NULL;
  g_hash_table_remove (self->by_remote, connection->remote);
  if (n > 1)
    g_hash_table_insert (self->per_address, g_strdup (connection->address),
                         GUINT_TO_POINTER (n - 1));
  else
    g_hash_table_remove (self->per_address, connection->address);
  g_queue_unlink (&self->open, &connection->link);
  g_object_unref (connection);
}

/* Takes @connection from libsoup, which forgets it, and closes it. */
static void
connection_drop (ThRoomConnection *connection)
{
  /* Closing may drop the last other reference to @connection: it is held
   * until the message and the stream taken from it are let go. */
  g_object_ref (connection);
  {
    g_autoptr (SoupServerMessage) last = g_steal_pointer (&connection->last);
    g_autoptr (GIOStream) stolen = NULL;

    if (last != NULL)
      stolen = soup_server_message_steal_connection (last);
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  }
  g_object_unref (connection);
}

static gboolean
reap_cb (gpointer user_data)
{
  ThRoomConnections *self = user_data;
  g_autoptr (GPtrArray) gone = g_steal_pointer (&self->gone);

  self->gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_pointer (&self->reap_source, g_source_unref);

  for (guint i = 0; i < gone->len; i++)
    {
      ThRoomConnection *connection = gone->pdata[i];

      if (connection->owner == self)
        connection_drop (connection);
    }

  return G_SOURCE_REMOVE;
}

/* Closes what read_done() found gone, outside libsoup's own reading. */
static void
connections_reap_later (ThRoomConnections *self)
{
  if (self->reap_source != NULL)
    return;

  self->reap_source = g_idle_source_new ();
  g_source_set_priority (self->reap_source, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->reap_source, reap_cb, self, NULL);
  g_source_set_static_name (self->reap_source, "[two-hats] room connections gone");
  g_source_attach (self->reap_source, self->context);
}

/* Closes the connection idle the longest, to make room.  FALSE when every
 * connection is in the middle of a request. */
static gboolean
drop_oldest_idle (ThRoomConnections *self)
{
  for (GList *l = self->open.head; l != NULL; l = l->next)
    {
      ThRoomConnection *connection = l->data;

      if (!connection->busy && connection->last != NULL)
        {
          connection_drop (connection);
          return TRUE;
        }
    }

  return FALSE;
}

/* Ends a connection in the middle of a request: libsoup reads the end,
 * gives the request up and closes the connection itself. */
static void
connection_cut (ThRoomConnection *connection)
{
  connection->cut = TRUE;
  g_socket_shutdown (connection->socket, TRUE, TRUE, NULL);
}

/* A request must arrive whole within the request timeout of its first
 * byte.  The idle timeout alone does not end a connection that sends a
 * byte every few seconds: a few hundred such connections would hold
 * every place in the room for as long as their sender liked. */
static gboolean
deadline_cb (gpointer user_data)
{
  ThRoomConnections *self = user_data;
  gint64 oldest = g_get_monotonic_time () - (gint64)self->request_timeout_s * G_USEC_PER_SEC;

  for (GList *l = self->open.head; l != NULL; l = l->next)
    {
      ThRoomConnection *connection = l->data;

      if (connection->busy && !connection->cut && connection->reading_since != 0
          && connection->reading_since < oldest)
        connection_cut (connection);
    }

  return G_SOURCE_CONTINUE;
}

/* Of the connections still reading a request, the one that has taken the
 * longest over it, if it has taken more than @min_us: at the cap, it
 * makes way for a newcomer when no connection is idle. */
static ThRoomConnection *
find_slowest_reading (ThRoomConnections *self, gint64 min_us)
{
  gint64 latest = g_get_monotonic_time () - min_us;
  ThRoomConnection *slowest = NULL;

  for (GList *l = self->open.head; l != NULL; l = l->next)
    {
      ThRoomConnection *connection = l->data;

      if (connection->busy && !connection->cut && connection->reading_since != 0
          && connection->reading_since < latest
          && (slowest == NULL || connection->reading_since < slowest->reading_since))
        slowest = connection;
    }

  return slowest;
}

/* Answers a connection libsoup never sees, and closes it. */
static void
refuse (ThRoomConnections *self, GSocket *socket, guint status, guint retry_after_s)
{
  g_autoptr (GBytes) response = self->refusal (status, retry_after_s, NULL, self->refusal_data);
  g_autoptr (GSocketConnection) stream = g_socket_connection_factory_create_connection (socket);

  /* Room to spare: write it and read what the client sends meanwhile.
   * None: write what the socket takes at once and close. */
  if (n_open (self) < self->max_open)
    {
      linger (self, G_IO_STREAM (stream), socket, response);
      return;
    }

  g_socket_send_with_blocking (socket, g_bytes_get_data (response, NULL),
                               g_bytes_get_size (response), FALSE, NULL, NULL);
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);
}

static void
accept_one (ThRoomConnections *self, GSocket *socket)
{
  g_autoptr (GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
  g_autoptr (GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  g_autoptr (ThRoomConnection) connection = NULL;
  g_autofree char *address = NULL;
  guint retry_after_s = 1;

  /* Gone before it was accepted. */
  if (!G_IS_INET_SOCKET_ADDRESS (remote) || local == NULL)
    {
      g_socket_close (socket, NULL);
      return;
    }
  address
    = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));

  /* At the cap the oldest idle connection makes way.  When every one is
   * busy, the one that has dragged out its request the longest (over a
   * second: a phone's request takes milliseconds) is cut, and the
   * newcomer is let in while it closes: the cap leaves room for that
   * below the limit on open files.  Otherwise the newcomer is told to
   * come back. */
  while (n_open (self) >= self->max_open)
    if (!drop_oldest_idle (self))
      {
        ThRoomConnection *slowest = find_slowest_reading (self, G_USEC_PER_SEC);

        if (slowest == NULL)
          {
            refuse (self, socket, SOUP_STATUS_SERVICE_UNAVAILABLE, 1);
            return;
          }
        connection_cut (slowest);
        break;
      }

  if (n_open_from (self, address) >= self->max_per_address)
    {
      refuse (self, socket, 429, CAP_RETRY_AFTER_S);
      return;
    }

  /* An address whose budget is spent (garbage that libsoup answers
   * itself is charged too) is refused before libsoup reads a byte. */
  if (!th_room_limiter_check (self->limiter, address, 1.0, g_get_monotonic_time (), &retry_after_s))
    {
      refuse (self, socket, 429, retry_after_s);
      return;
    }

  connection = th_room_connection_new (socket, remote, address);
  connection->owner = self;
  g_queue_push_tail_link (&self->open, &connection->link);
  g_object_ref (connection);
  g_hash_table_insert (self->by_remote, remote, connection);
  g_hash_table_insert (self->per_address, g_strdup (address),
                       GUINT_TO_POINTER (n_open_from (self, address) + 1));

  g_socket_set_timeout (socket, self->idle_timeout_s);
  /* As libsoup's own listener does: an answer's head and body are
   * written apart, and must not wait for each other. */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  /* libsoup starts the first message at once (request-started), before
   * it reads anything. */
  soup_server_accept_iostream (self->server, G_IO_STREAM (connection), local, remote, NULL);
}

static gboolean accept_cb (GSocket *listener, GIOCondition condition, gpointer user_data);

static void
start_accepting (ThRoomConnections *self)
{
  self->accept_source = g_socket_create_source (self->listener, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, G_SOURCE_FUNC (accept_cb), self, NULL);
  g_source_set_static_name (self->accept_source, "[two-hats] room accept");
  g_source_attach (self->accept_source, self->context);
}

static gboolean
resume_cb (gpointer user_data)
{
  ThRoomConnections *self = user_data;

  g_clear_pointer (&self->resume_source, g_source_unref);
  start_accepting (self);

  return G_SOURCE_REMOVE;
}

static gboolean
accept_cb (GSocket *listener, GIOCondition condition, gpointer user_data)
{
  ThRoomConnections *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GSocket) socket = g_socket_accept (listener, NULL, &error);

      if (socket != NULL)
        {
          accept_one (self, socket);
          continue;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;

      /* Out of descriptors all the same (something else in the process
       * holds them): the oldest idle connection makes way. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_OPEN_FILES)
          && drop_oldest_idle (self))
        continue;

      /* Nothing to close, or another failure: the connections wait in
       * the kernel's queue for a moment rather than the loop spinning on
       * them, and accepting goes on after. */
      g_clear_pointer (&self->accept_source, g_source_unref);
      self->resume_source = g_timeout_source_new (ACCEPT_PAUSE_MS);
      g_source_set_callback (self->resume_source, resume_cb, self, NULL);
      g_source_attach (self->resume_source, self->context);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

guint
th_room_connections_raise_file_limit (void)
{
  static gsize raised = 0;
  static guint max_open = 0;

  if (g_once_init_enter (&raised))
    {
      struct rlimit limit;
      rlim_t files = 1024;

      if (getrlimit (RLIMIT_NOFILE, &limit) == 0)
        {
          if (limit.rlim_cur != limit.rlim_max)
            {
              rlim_t soft = limit.rlim_cur;

              limit.rlim_cur = limit.rlim_max;
              if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
                limit.rlim_cur = soft;
            }
          files = limit.rlim_cur;
        }

      /* A quarter stays free for whatever else the process opens: the
       * session file and its saves, the window, the refusals being
       * written. */
      max_open = (guint)MIN ((rlim_t)TH_ROOM_MAX_CONNECTIONS, files - files / 4);
      g_once_init_leave (&raised, 1);
    }

  return max_open;
}

ThRoomConnections *
th_room_connections_new (SoupServer *server, GSocket *listener, ThRoomLimiter *limiter,
                         ThRoomRefusalFunc refusal, gpointer refusal_data, GError **error)
{
  ThRoomConnections *self;
  int pair[2];

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);
  g_return_val_if_fail (G_IS_SOCKET (listener), NULL);

  /* libsoup 3.2 keeps a connection alive after an answer only while the
   * server has a listener of its own (soup-server.c, request_finished);
   * these connections come from ours.  So libsoup gets one that never
   * fires: one end of a socket pair whose other end nobody writes to. */
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "socketpair: %s",
                   g_strerror (saved));
      return NULL;
    }

  self = g_new0 (ThRoomConnections, 1);
  self->server = server;
  self->listener = g_object_ref (listener);
  self->context = g_main_context_ref_thread_default ();
  self->limiter = limiter;
  self->refusal = refusal;
  self->refusal_data = refusal_data;
  self->max_open = th_room_connections_raise_file_limit ();
  self->max_per_address = TH_ROOM_DEFAULT_CONNECTIONS;
  self->idle_timeout_s = TH_ROOM_IDLE_TIMEOUT_S;
  self->request_timeout_s = TH_ROOM_REQUEST_TIMEOUT_S;
  g_queue_init (&self->open);
  self->by_remote = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->gone = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 2; i++)
    {
      self->keep_alive[i] = g_socket_new_from_fd (pair[i], error);
      if (self->keep_alive[i] == NULL)
        {
          for (guint j = i; j < 2; j++)
            close (pair[j]);
          th_room_connections_free (self);
          return NULL;
        }
    }
  if (!soup_server_listen_socket (server, self->keep_alive[0], 0, error))
    {
      th_room_connections_free (self);
      return NULL;
    }

  g_socket_set_blocking (listener, FALSE);
  start_accepting (self);
  self->deadline_source = g_timeout_source_new (DEADLINE_CHECK_MS);
  g_source_set_callback (self->deadline_source, deadline_cb, self, NULL);
  g_source_set_static_name (self->deadline_source, "[two-hats] room request deadlines");
  g_source_attach (self->deadline_source, self->context);

  return self;
}

void
th_room_connections_free (ThRoomConnections *self)
{
  if (self == NULL)
    return;

  if (self->accept_source != NULL)
    g_source_destroy (self->accept_source);
  g_clear_pointer (&self->accept_source, g_source_unref);
  if (self->resume_source != NULL)
    g_source_destroy (self->resume_source);
  g_clear_pointer (&self->resume_source, g_source_unref);
  if (self->reap_source != NULL)
    g_source_destroy (self->reap_source);
  g_clear_pointer (&self->reap_source, g_source_unref);
  if (self->deadline_source != NULL)
    g_source_destroy (self->deadline_source);
  g_clear_pointer (&self->deadline_source, g_source_unref);

  /* What libsoup had is closed (soup_server_disconnect()); what is left
   * was taken from it and finishes on its own. */
  while (self->open.head != NULL)
    {
      ThRoomConnection *connection = self->open.head->data;

      g_clear_object (&connection->last);
      connections_forget (self, connection);
    }
  for (GList *l = self->lingering; l != NULL; l = l->next)
    ((Lingering *)l->data)->owner = NULL;
  g_clear_pointer (&self->lingering, g_list_free);
  self->n_lingering = 0;

  for (guint i = 0; i < 2; i++)
    if (self->keep_alive[i] != NULL)
      {
        g_socket_close (self->keep_alive[i], NULL);
        g_clear_object (&self->keep_alive[i]);
      }
  if (self->listener != NULL)
    g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
  g_clear_pointer (&self->gone, g_ptr_array_unref);
  g_clear_pointer (&self->by_remote, g_hash_table_unref);
  g_clear_pointer (&self->per_address, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self);
}

void
th_room_connections_set_max_per_address (ThRoomConnections *self, guint max_connections)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_connections >= 1);

  self->max_per_address = max_connections;
}

void
th_room_connections_set_request_timeout (ThRoomConnections *self, guint seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (seconds >= 1);

  self->request_timeout_s = seconds;
}

void
th_room_connections_set_idle_timeout (ThRoomConnections *self, guint seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (seconds >= 1);

  self->idle_timeout_s = seconds;
}

static ThRoomConnection *
lookup (ThRoomConnections *self, SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote != NULL ? g_hash_table_lookup (self->by_remote, remote) : NULL;
}

void
th_room_connections_request_started (ThRoomConnections *self, SoupServerMessage *msg)
{
  ThRoomConnection *connection;

  g_return_if_fail (self != NULL);

  connection = lookup (self, msg);
  if (connection == NULL)
    return;

  /* libsoup starts the first message of a connection when it accepts
   * it, before a byte has come; every later one once its first byte has. */
  if (connection->last != NULL)
    {
      connection->busy = TRUE;
      if (connection->reading_since == 0)
        connection->reading_since = g_get_monotonic_time ();
    }
  g_set_object (&connection->last, msg);
}

void
th_room_connections_request_read (ThRoomConnections *self, SoupServerMessage *msg)
{
  ThRoomConnection *connection;

  g_return_if_fail (self != NULL);

  connection = lookup (self, msg);
  if (connection != NULL && connection->last == msg)
    connection->reading_since = 0;
}

void
th_room_connections_request_finished (ThRoomConnections *self, SoupServerMessage *msg)
{
  ThRoomConnection *connection;

  g_return_if_fail (self != NULL);

  connection = lookup (self, msg);
  if (connection == NULL || connection->last != msg)
    return;

  /* Idle from now on, the most recently so; what the message held is not
   * needed any more. */
  connection->busy = FALSE;
  connection->reading_since = 0;
  g_queue_unlink (&self->open, &connection->link);
  g_queue_push_tail_link (&self->open, &connection->link);
  soup_message_body_truncate (soup_server_message_get_request_body (msg));
  soup_message_body_truncate (soup_server_message_get_response_body (msg));
}

GSocket *
th_room_connections_get_socket (ThRoomConnections *self, SoupServerMessage *msg)
{
  ThRoomConnection *connection;

  g_return_val_if_fail (self != NULL, NULL);

  connection = lookup (self, msg);
  return connection != NULL ? connection->socket : NULL;
}
