/* th-room-server.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "th-error.h"
#include "th-room-address.h"
#include "th-room-framing.h"
#include "th-room-limiter.h"
#include "th-room-request.h"
#include "th-room-secret.h"
#include "th-room-server-private.h"

/* The server runs entirely on one main context: requests, the session
 * and the saves never race.  Its defences, in the order a request meets
 * them:
 *
 *   1. a new connection (th-room-connections.c, before libsoup reads a
 *      byte): a cap on all open connections well below the limit on
 *      open files, the connection idle the longest making way at the
 *      cap; a cap on open connections per address, and an address whose
 *      budget is spent, answered 429 with Retry-After; an idle timeout
 *      before the first request and after any, and a connection whose
 *      peer has gone closed;
 *   2. as the bytes of a request arrive, before libsoup reads them
 *      (th-room-framing.c, through th-room-connections.c): a head that
 *      libsoup would refuse with an empty body or not answer at all, and
 *      a chunked body whose framing breaks the rules, get the protocol's
 *      error body and the connection closed, so nothing after them is
 *      read as another request;
 *   3. after the headers, before any body is read (the early handler): a
 *      body over 64 KiB (or of a length that is not one number) gets
 *      413 (400) on a connection taken from libsoup and closed, so the
 *      body is never read; the Host header must name the address the
 *      connection came in on (DNS rebinding, 421); a token bucket per
 *      participant, or per address before joining and for a token that
 *      is not one, a request's worth for each started 4 KiB of body (429;
 *      what libsoup answers itself, garbage, is charged to the address
 *      afterwards, and a body in chunks as it comes); the Origin, if any, must be ours
 *      (403); every /api/ but join (and what the join page reads) needs
 *      a valid token (401, saying so when the token's holder was
 *      removed);
 *   4. the body is parsed with bounded size and depth and checked whole
 *      before anything changes (400);
 *   5. an answer is in the session file before its 200 goes out (503 if
 *      the file cannot be written; the answer stays in memory).
 *
 * The first two are th-room-connections.c's, the third is here; the last two
 * are the protocol's, in th-room-handlers.c (with the parsers of
 * th-room-request.c).
 */

#define LISTEN_BACKLOG 1024
/* What glibc may keep of the heap's free top (keep_freed_memory()). */
#define TRIM_THRESHOLD (64 * 1024 * 1024)
#define MMAP_THRESHOLD (32 * 1024 * 1024)
/* libsoup 3.2 has no name for it (RFC 6585). */
#define STATUS_TOO_MANY_REQUESTS 429
#define STATUS_HEADER_FIELDS_TOO_LARGE 431

#define CONTENT_SECURITY_POLICY                                                                    \
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "                \
  "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "                 \
  "frame-ancestors 'none'"

/* What the server knows about one request. */
typedef struct
{
  ThRoomGuest *guest;  /* the caller, once the token checked out */
  gsize body_received; /* of a chunked body */
  gsize body_paid;     /* bytes of body the budget has been charged for */
  gboolean stolen;     /* answered on a connection taken from libsoup */
  gboolean checked;    /* the early handler saw it (libsoup answers garbage itself) */
} MessageState;

static GQuark
message_state_quark (void)
{
  static gsize quark = 0;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("th-room-message-state"));

  return (GQuark)quark;
}

/* The key of the rate limit and the connection cap: the client's
 * address ("" should libsoup not know it). */
static const char *
remote_key (SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return host != NULL ? host : "";
}

static void
message_state_free (gpointer data)
{
  MessageState *state = data;

  g_clear_object (&state->guest);
  g_free (state);
}

static MessageState *
get_state (SoupServerMessage *msg)
{
  MessageState *state = g_object_get_qdata (G_OBJECT (msg), message_state_quark ());

  if (state == NULL)
    {
      state = g_new0 (MessageState, 1);
      g_object_set_qdata_full (G_OBJECT (msg), message_state_quark (), state, message_state_free);
    }

  return state;
}

/* Responses */

/* libsoup 3.2's table lacks the newer ones. */
static const char *
status_phrase (guint status)
{
  switch (status)
    {
      case SOUP_STATUS_MISDIRECTED_REQUEST:
        return "Misdirected Request";
      case STATUS_TOO_MANY_REQUESTS:
        return "Too Many Requests";
      case STATUS_HEADER_FIELDS_TOO_LARGE:
        return "Request Header Fields Too Large";
      case SOUP_STATUS_REQUEST_URI_TOO_LONG:
        return "URI Too Long";
      default:
        return soup_status_get_phrase (status);
    }
}

static void
add_security_headers (SoupMessageHeaders *headers)
{
  soup_message_headers_replace (headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Cross-Origin-Resource-Policy", "same-origin");
  soup_message_headers_replace (headers, "Cross-Origin-Opener-Policy", "same-origin");
}

static char *
node_to_data (JsonNode *node, gsize *length)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

void
th_room_response_free (ThRoomResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

ThRoomResponse *
_th_room_response_new (void)
{
  ThRoomResponse *response = g_new0 (ThRoomResponse, 1);

  response->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  return response;
}

GBytes *
_th_room_json_to_bytes (JsonNode *node)
{
  gsize length;
  char *data = node_to_data (node, &length);

  return g_bytes_new_take (data, length);
}

void
_th_room_response_set_json_body (ThRoomResponse *response, guint status, GBytes *body)
{
  response->status = status;
  soup_message_headers_replace (response->headers, "Cache-Control", "no-store");
  soup_message_headers_replace (response->headers, "Content-Type",
                                "application/json; charset=utf-8");
  g_clear_pointer (&response->body, g_bytes_unref);
  response->body = g_bytes_ref (body);
}

void
_th_room_response_set_json (ThRoomResponse *response, guint status, JsonNode *node)
{
  g_autoptr (GBytes) body = _th_room_json_to_bytes (node);

  _th_room_response_set_json_body (response, status, body);
}

static JsonNode *
error_node (const char *message)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
_th_room_response_set_error (ThRoomResponse *response, guint status, const char *message)
{
  g_autoptr (JsonNode) node = error_node (message);

  _th_room_response_set_json (response, status, node);
}

/* A whole HTTP response, written by hand on a connection that is not
 * libsoup's (any more): @status with the body {"error": @message}, the
 * security headers, Retry-After: @retry_after_s unless 0, and "Connection:
 * close". */
static GBytes *
refusal_bytes (guint status, guint retry_after_s, const char *message)
{
  g_autoptr (JsonNode) node = error_node (message);
  g_autoptr (GString) response = g_string_new (NULL);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  g_autofree char *body = NULL;
  gsize length;

  body = node_to_data (node, &length);
  add_security_headers (headers);
  g_string_append_printf (response, "HTTP/1.1 %u %s\r\n", status, status_phrase (status));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_string_append_printf (response, "%s: %s\r\n", name, value);
  if (retry_after_s > 0)
    g_string_append_printf (response, "Retry-After: %u\r\n", retry_after_s);
  g_string_append_printf (response,
                          "Content-Type: application/json; charset=utf-8\r\n"
                          "Cache-Control: no-store\r\n"
                          "Connection: close\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          length);
  g_string_append_len (response, body, (gssize)length);

  return g_string_free_to_bytes (g_steal_pointer (&response));
}

/* The refusal of a new connection (ThRoomConnections). */
static GBytes *
connection_refusal_cb (guint status, guint retry_after_s, const char *message, gpointer user_data)
{
  if (message != NULL)
    return refusal_bytes (status, retry_after_s, message);
  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    return refusal_bytes (status, retry_after_s, _ ("The room is busy. Try again in a moment."));
  return refusal_bytes (status, retry_after_s, _ ("Too many requests. Wait a moment."));
}

/* Answering without reading the body: the connection is taken from
 * libsoup (which would otherwise read the whole declared body first) and
 * the answer written by hand (th_room_connections_linger()). */
static void
reject_and_close (ThRoomServer *self, SoupServerMessage *msg, guint status, const char *message)
{
  g_autoptr (GBytes) response = refusal_bytes (status, 0, message);
  g_autoptr (GIOStream) stream = NULL;
  GSocket *socket = th_room_connections_get_socket (self->connections, msg);

  get_state (msg)->stolen = TRUE;
  if (socket != NULL)
    g_object_ref (socket);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    th_room_connections_linger (self->connections, stream, socket, response);
  g_clear_object (&socket);
}

/* The defences */

/* The address the request came in on, as a client must have written it
 * in the Host header; IPv4 reached through a dual-stack socket is written
 * as IPv4.  Without one, the address the server listens on. */
static char *
local_authority (ThRoomServer *self, GSocketAddress *local, gboolean *is_loopback)
{
  GInetAddress *inet;
  g_autoptr (GInetAddress) unmapped = NULL;
  g_autoptr (GInetAddress) listening = NULL;
  g_autofree char *text = NULL;
  guint port;

  if (local == NULL)
    {
      if (self->address == NULL || self->server == NULL)
        return NULL;
      listening = g_inet_address_new_from_string (self->address);
      if (listening == NULL)
        return NULL;
      inet = listening;
      port = self->port;
    }
  else if (G_IS_INET_SOCKET_ADDRESS (local))
    {
      inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local));
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  else
    return NULL;

  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    {
      const guint8 *bytes = g_inet_address_to_bytes (inet);
      static const guint8 mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

      if (memcmp (bytes, mapped_prefix, sizeof mapped_prefix) == 0)
        {
          unmapped = g_inet_address_new_from_bytes (bytes + 12, G_SOCKET_FAMILY_IPV4);
          inet = unmapped;
        }
    }

  *is_loopback = g_inet_address_get_is_loopback (inet);
  text = g_inet_address_to_string (inet);
  return th_room_format_authority (text, port);
}

/* Whether @host names @authority ("ADDRESS:PORT"): as it is, or without
 * the port when that is the scheme's default, as browsers write it (80
 * for http; 443 too, for a room reached through something that speaks
 * https in front of it). */
static gboolean
host_names (const char *host, const char *authority)
{
  const char *colon = strrchr (authority, ':');

  if (g_ascii_strcasecmp (host, authority) == 0)
    return TRUE;

  return (strcmp (colon, ":80") == 0 || strcmp (colon, ":443") == 0)
         && strlen (host) == (gsize)(colon - authority)
         && g_ascii_strncasecmp (host, authority, (gsize)(colon - authority)) == 0;
}

static gboolean
host_is_ours (ThRoomServer *self, const ThRoomRequest *request, char **authority_out)
{
  g_autofree char *authority = NULL;
  gboolean is_loopback = FALSE;

  authority = local_authority (self, request->local_address, &is_loopback);
  if (request->host == NULL || authority == NULL)
    return FALSE;

  if (!host_names (request->host, authority))
    {
      const char *colon = strrchr (authority, ':');
      g_autofree char *localhost = g_strconcat ("localhost", colon, NULL);

      /* "localhost" cannot be rebound by someone else's DNS. */
      if (!is_loopback || !host_names (request->host, localhost))
        return FALSE;
    }

  *authority_out = g_strdup (request->host);
  return TRUE;
}

static gboolean
origin_is_ours (const ThRoomRequest *request, const char *host)
{
  g_autofree char *expected = NULL;

  if (request->origin == NULL)
    return TRUE;

  expected = g_strconcat ("http://", host, NULL);
  return g_ascii_strcasecmp (request->origin, expected) == 0;
}

/* The token of "Authorization: Bearer TOKEN", or NULL. */
static const char *
bearer_token (const ThRoomRequest *request)
{
  const char *authorization = request->authorization;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    return NULL;

  return authorization + 7;
}

static ThRoomGuest *
authenticate (ThRoomServer *self, const ThRoomRequest *request)
{
  const char *token = bearer_token (request);

  return token != NULL ? _th_room_server_lookup_token (self, token) : NULL;
}

/* Whether the request's token belonged to someone removed: their phone
 * is told so, and does not join again by itself. */
static gboolean
token_was_removed (ThRoomServer *self, const ThRoomRequest *request)
{
  const char *token = bearer_token (request);

  return token != NULL && _th_room_server_token_was_removed (self, token);
}

/* What a request with a body of @body_length bytes costs of its budget. */
static double
request_cost (gsize body_length)
{
  return MAX (1, (body_length + TH_ROOM_BODY_COST_BYTES - 1) / TH_ROOM_BODY_COST_BYTES);
}

/* The checks that need only the headers, in order, for a request with a
 * body of @body_length bytes (as far as it is known).  Returns the
 * refusal, or NULL and the caller in @guest_out (NULL for the page and
 * joining). */
static ThRoomResponse *
check_request (ThRoomServer *self, const ThRoomRequest *request, gsize body_length,
               ThRoomGuest **guest_out)
{
  double cost = request_cost (body_length);
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();
  g_autofree char *host = NULL;
  guint retry_after = 1;
  ThRoomGuest *guest;

  *guest_out = NULL;

  if (!host_is_ours (self, request, &host))
    {
      soup_message_headers_replace (response->headers, "Connection", "close");
      _th_room_response_set_error (response, SOUP_STATUS_MISDIRECTED_REQUEST,
                                   _ ("This address is not the room’s."));
      return g_steal_pointer (&response);
    }

  /* After joining, a participant's requests count against their own
   * budget: phones behind one address share only what they do before
   * they join (and a token that is not one). */
  guest = authenticate (self, request);
  if ((guest != NULL ? !th_room_limiter_take (self->guest_limiter, th_room_guest_get_id (guest),
                                              cost, g_get_monotonic_time (), &retry_after)
                     : !th_room_limiter_take (self->limiter, request->remote_address, cost,
                                              g_get_monotonic_time (), &retry_after))
      /* A large body also waits for the room: its own budget paid for
       * it, but many at once would keep the room reading. */
      || (cost > 1
          && !th_room_limiter_take (self->body_limiter, "", cost - 1, g_get_monotonic_time (),
                                    &retry_after)))
    {
      g_autofree char *seconds = g_strdup_printf ("%u", retry_after);

      soup_message_headers_replace (response->headers, "Retry-After", seconds);
      _th_room_response_set_error (response, STATUS_TOO_MANY_REQUESTS,
                                   _ ("Too many requests. Wait a moment."));
      return g_steal_pointer (&response);
    }

  if (!origin_is_ours (request, host))
    {
      _th_room_response_set_error (response, SOUP_STATUS_FORBIDDEN,
                                   _ ("Requests from other sites are refused."));
      return g_steal_pointer (&response);
    }

  if (!_th_room_path_needs_token (request->path))
    return NULL;

  if (guest == NULL)
    {
      soup_message_headers_replace (response->headers, "WWW-Authenticate", "Bearer");
      if (token_was_removed (self, request))
        _th_room_response_set_refusal (response, SOUP_STATUS_UNAUTHORIZED,
                                       _ ("The facilitator removed you from the room."), "removed");
      else
        _th_room_response_set_error (response, SOUP_STATUS_UNAUTHORIZED,
                                     _ ("You are not in the room. Join again."));
      return g_steal_pointer (&response);
    }

  *guest_out = guest;
  return NULL;
}

void
th_room_server_handle (ThRoomServer *self, const ThRoomRequest *request, ThRoomRespondFunc respond,
                       gpointer user_data)
{
  ThRoomRequest copy;
  g_autoptr (ThRoomResponse) refusal = NULL;
  ThRoomCall call = { self, &copy, NULL, respond, user_data };

  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->method != NULL);
  g_return_if_fail (request->path != NULL);
  g_return_if_fail (request->local_address == NULL || G_IS_SOCKET_ADDRESS (request->local_address));
  g_return_if_fail (respond != NULL);

  /* What the checks and the handlers read: the request, with an address
   * to charge for a caller who gave none. */
  copy = *request;
  if (copy.remote_address == NULL)
    copy.remote_address = "";

  /* libsoup's handlers refuse a large body before reading it; a body
   * handed over whole is measured. */
  if (copy.body != NULL && g_bytes_get_size (copy.body) > TH_ROOM_MAX_BODY_SIZE)
    {
      refusal = _th_room_response_new ();
      _th_room_response_set_error (refusal, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                   _ ("The request is larger than 64 KiB."));
    }
  else
    refusal = check_request (self, &copy, copy.body != NULL ? g_bytes_get_size (copy.body) : 0,
                             &call.guest);

  if (refusal != NULL)
    {
      respond (self, refusal, user_data);
      return;
    }

  _th_room_server_dispatch (&call);
}

/* libsoup's side: the same request, read off a SoupServerMessage. */

/* The request's line and headers; @body is NULL until the body is read
 * (and must outlive the request). */
static ThRoomRequest
message_request (SoupServerMessage *msg, const char *path, GBytes *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  /* get_list: two Host headers join into one value that matches nothing. */
  ThRoomRequest request = {
    .method = soup_server_message_get_method (msg),
    .path = path,
    .host = soup_message_headers_get_list (headers, "Host"),
    .origin = soup_message_headers_get_list (headers, "Origin"),
    .authorization = soup_message_headers_get_list (headers, "Authorization"),
    .remote_address = remote_key (msg),
    .local_address = soup_server_message_get_local_address (msg),
    .body = body,
  };

  return request;
}

static void
send_to_message (SoupServerMessage *msg, const ThRoomResponse *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  soup_message_headers_iter_init (&iter, response->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_replace (headers, name, value);
  soup_server_message_set_status (msg, response->status, status_phrase (response->status));
  soup_message_body_truncate (body);
  if (response->body != NULL)
    soup_message_body_append_bytes (body, response->body);
}

/* A message being answered: paused from the moment it is read until it
 * is handled and, for an answer, saved. */
typedef struct
{
  SoupServerMessage *msg;
  char *path;
  gulong disconnected_handler;
  gboolean gone; /* its connection closed while it waited */
} MessageReply;

static void
message_reply_free (MessageReply *reply)
{
  g_clear_signal_handler (&reply->disconnected_handler, reply->msg);
  g_clear_object (&reply->msg);
  g_free (reply->path);
  g_free (reply);
}

static void
message_disconnected_cb (SoupServerMessage *msg, MessageReply *reply)
{
  /* Nobody reads the answer any more; the save still happens. */
  reply->gone = TRUE;
}

static void
message_respond_cb (ThRoomServer *self, const ThRoomResponse *response, gpointer user_data)
{
  MessageReply *reply = user_data;

  if (!reply->gone)
    {
      send_to_message (reply->msg, response);
      soup_server_message_unpause (reply->msg);
    }
  message_reply_free (reply);
}

static void
handle_pending (ThRoomServer *self)
{
  MessageReply *reply;

  if (self->pending_source != NULL)
    {
      g_source_destroy (self->pending_source);
      g_clear_pointer (&self->pending_source, g_source_unref);
    }

  while ((reply = g_queue_pop_head (&self->pending)) != NULL)
    {
      MessageState *state = get_state (reply->msg);
      ThRoomRequest request;
      ThRoomCall call;
      g_autoptr (GBytes) body = NULL;

      if (reply->gone)
        {
          message_reply_free (reply);
          continue;
        }

      body = soup_message_body_flatten (soup_server_message_get_request_body (reply->msg));
      request = message_request (reply->msg, reply->path, body);
      call = (ThRoomCall){ self, &request, state->guest, message_respond_cb, reply };
      _th_room_server_dispatch (&call);
    }
}

static gboolean
pending_cb (gpointer user_data)
{
  handle_pending (user_data);

  return G_SOURCE_REMOVE;
}

static void
handler_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
            gpointer user_data)
{
  ThRoomServer *self = user_data;
  MessageState *state = get_state (msg);
  MessageReply *reply;

  /* The early handler checked the headers and found the caller. */
  if (_th_room_path_needs_token (path) && state->guest == NULL)
    g_return_if_reached ();

  /* Requests are read at the priority of the sockets and handled below
   * the window's redraws: with two hundred phones answering at once the
   * sockets are never quiet, and handling each as it came starved the
   * live chart for seconds.  A phone waits for its answer before it
   * sends again, so the sockets go quiet, the chart draws, then the
   * batch is handled. */
  reply = g_new0 (MessageReply, 1);
  reply->msg = g_object_ref (msg);
  reply->path = g_strdup (path);
  soup_server_message_pause (msg);
  reply->disconnected_handler
    = g_signal_connect (msg, "disconnected", G_CALLBACK (message_disconnected_cb), reply);
  g_queue_push_tail (&self->pending, reply);

  if (self->pending_source == NULL)
    {
      self->pending_source = g_idle_source_new ();
      g_source_set_priority (self->pending_source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->pending_source, pending_cb, self, NULL);
      g_source_set_static_name (self->pending_source, "[two-hats] room requests");
      g_source_attach (self->pending_source, self->context != NULL
                                               ? self->context
                                               : g_main_context_get_thread_default ());
    }
}

/* Returns why the declared body is refused (and the status), or NULL. */
static const char *
check_declared_body (SoupMessageHeaders *headers, guint *status)
{
  const char *length = soup_message_headers_get_list (headers, "Content-Length");

  /* With both, libsoup reads the body in chunks and the length is
   * ignored, while whatever stands in front of the room may go by the
   * length: what one takes for the body the other takes for the next
   * request.  RFC 9112 (6.3) lets a server refuse such a request and
   * close the connection, which is what the room does. */
  if (length != NULL && soup_message_headers_get_list (headers, "Transfer-Encoding") != NULL)
    {
      *status = SOUP_STATUS_BAD_REQUEST;
      return _ ("The request has both a Content-Length and a Transfer-Encoding header.");
    }

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return NULL;

  /* Two lengths ("5, 6") are how requests get smuggled past proxies;
   * a negative one makes libsoup read until the connection ends; libsoup
   * reads "+12" as 12, which HTTP does not. */
  if (length == NULL || !th_room_framing_is_decimal (length)
      || soup_message_headers_get_content_length (headers) < 0)
    {
      *status = SOUP_STATUS_BAD_REQUEST;
      return _ ("The Content-Length header is not valid.");
    }

  if (soup_message_headers_get_content_length (headers) > TH_ROOM_MAX_BODY_SIZE)
    {
      *status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
      return _ ("The request is larger than 64 KiB.");
    }

  return NULL;
}

static void
early_handler_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                  gpointer user_data)
{
  ThRoomServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  ThRoomRequest request = message_request (msg, path, NULL);
  g_autoptr (ThRoomResponse) refusal = NULL;
  const char *body_problem;
  guint body_status = 0;
  gsize declared = 0;
  ThRoomGuest *guest = NULL;

  get_state (msg)->checked = TRUE;

  /* A body we will not take is refused before a byte of it is read. */
  body_problem = check_declared_body (headers, &body_status);
  if (body_problem != NULL)
    {
      reject_and_close (self, msg, body_status, body_problem);
      return;
    }

  /* A body of declared length is paid for now, before it is read; one
   * in chunks as it comes (got_chunk_cb()). */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    declared = (gsize)soup_message_headers_get_content_length (headers);
  get_state (msg)->body_paid = (gsize)request_cost (declared) * TH_ROOM_BODY_COST_BYTES;

  refusal = check_request (self, &request, declared, &guest);
  if (refusal != NULL)
    {
      send_to_message (msg, refusal);
      return;
    }

  g_set_object (&get_state (msg)->guest, guest);
}

/* A chunked body declares no length: count what arrives and stop at the
 * limit, before libsoup has collected more than 64 KiB. */
static void
got_chunk_cb (SoupServerMessage *msg, GBytes *chunk, gpointer user_data)
{
  ThRoomServer *self = user_data;
  MessageState *state = get_state (msg);

  if (state->stolen)
    return;

  state->body_received += g_bytes_get_size (chunk);
  if (state->body_received > TH_ROOM_MAX_BODY_SIZE)
    {
      reject_and_close (self, msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                        _ ("The request is larger than 64 KiB."));
      return;
    }

  /* What a body sent in chunks costs beyond what its headers paid,
   * charged as it arrives: it may take the budget below zero, and the
   * next request waits until it is paid. */
  if (state->checked && state->body_received > state->body_paid)
    {
      gsize blocks = (state->body_received - state->body_paid + TH_ROOM_BODY_COST_BYTES - 1)
                     / TH_ROOM_BODY_COST_BYTES;

      if (state->guest != NULL)
        th_room_limiter_charge (self->guest_limiter, th_room_guest_get_id (state->guest),
                                (double)blocks, g_get_monotonic_time ());
      else
        th_room_limiter_charge (self->limiter, remote_key (msg), (double)blocks,
                                g_get_monotonic_time ());
      th_room_limiter_charge (self->body_limiter, "", (double)blocks, g_get_monotonic_time ());
      state->body_paid += blocks * TH_ROOM_BODY_COST_BYTES;
    }
}

/* libsoup answers what it cannot parse itself (400 for a request line
 * that is not one, 501 for a transfer coding it does not know), before
 * the early handler: charged to the address afterwards, so that sending
 * garbage in a loop spends the address's budget as requests do, and its
 * next connection is refused before libsoup reads it. */
static void
wrote_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  ThRoomServer *self = user_data;

  if (!get_state (msg)->checked)
    th_room_limiter_charge (self->limiter, remote_key (msg), 1.0, g_get_monotonic_time ());
}

static void
request_started_cb (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  ThRoomServer *self = user_data;

  add_security_headers (soup_server_message_get_response_headers (msg));
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
  g_signal_connect_object (msg, "wrote-headers", G_CALLBACK (wrote_headers_cb), self, 0);
  if (self->connections != NULL)
    th_room_connections_request_started (self->connections, msg);
}

static void
request_read_cb (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  ThRoomServer *self = user_data;

  if (self->connections != NULL)
    th_room_connections_request_read (self->connections, msg);
}

static void
request_finished_cb (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  ThRoomServer *self = user_data;

  if (self->connections != NULL)
    th_room_connections_request_finished (self->connections, msg);
}

/* Opening and closing the room */

/* libsoup 3.2 reads the head of every request into a buffer of its own,
 * which grows to 16 KiB, and frees it with the request.  With two hundred
 * phones answering at once, these come and go in waves of hundreds, and
 * glibc gave the top of the heap back to the kernel after each wave (past
 * its default threshold of 128 KiB) only to fault it in again, page by
 * page, on the next: a tenth of the main thread's time.  The process
 * keeps what a busy room once used instead; it is a few megabytes. */
static void
keep_freed_memory (void)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD)
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD);
      mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
      g_once_init_leave (&done, 1);
    }
#endif
}

gboolean
th_room_server_start (ThRoomServer *self, const char *address, guint port, GError **error)
{
  g_autoptr (GInetAddress) inet = NULL;
  g_autoptr (GSocketAddress) socket_address = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GSocket) listen_socket = NULL;
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *authority = NULL;
  ThRoomConnections *connections;
  guint bound_port = port;

  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->server != NULL)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_USAGE, _ ("The room is already open."));
      return FALSE;
    }

  if (port > 65535)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE, _ ("%u is not a port (0 to 65535)"), port);
      return FALSE;
    }

  inet = th_room_parse_bind_address (address, error);
  if (inet == NULL)
    return FALSE;

  if (self->join_code == NULL)
    {
      self->join_code = th_room_new_join_code (error);
      if (self->join_code == NULL)
        return FALSE;
    }

  keep_freed_memory ();

  /* No Server header: nothing on the network needs to know our version. */
  server = g_object_new (SOUP_TYPE_SERVER, "server-header", NULL, NULL);
  soup_server_add_early_handler (server, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (server, NULL, handler_cb, self, NULL);
  g_signal_connect_object (server, "request-started", G_CALLBACK (request_started_cb), self, 0);
  g_signal_connect_object (server, "request-read", G_CALLBACK (request_read_cb), self, 0);
  g_signal_connect_object (server, "request-finished", G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (server, "request-aborted", G_CALLBACK (request_finished_cb), self, 0);

  socket_address = g_inet_socket_address_new (inet, port);
  listen_socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                                G_SOCKET_PROTOCOL_TCP, error);
  if (listen_socket == NULL)
    return FALSE;
  /* A room scans the QR code at the same moment: with the default backlog
   * of 10, the kernel drops or resets the connections beyond it. */
  g_socket_set_listen_backlog (listen_socket, LISTEN_BACKLOG);
  if (!g_socket_bind (listen_socket, socket_address, TRUE, error)
      || !g_socket_listen (listen_socket, error))
    return FALSE;

  /* The room accepts its connections itself (th-room-connections.c). */
  connections = th_room_connections_new (server, listen_socket, self->limiter,
                                         connection_refusal_cb, self, error);
  if (connections == NULL)
    return FALSE;
  th_room_connections_set_max_per_address (connections, self->max_connections);
  th_room_connections_set_idle_timeout (connections, self->idle_timeout_s);
  th_room_connections_set_request_timeout (connections, self->request_timeout_s);

  bound = g_socket_get_local_address (listen_socket, NULL);
  if (G_IS_INET_SOCKET_ADDRESS (bound))
    bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  self->connections = connections;
  self->server = g_steal_pointer (&server);
  self->context = g_main_context_ref_thread_default ();
  self->port = bound_port;
  g_free (self->address);
  self->address = g_inet_address_to_string (inet);

  /* Bound to every interface on request: the URL still needs one that
   * phones can reach. */
  g_free (self->url_address);
  if (g_inet_address_get_is_any (inet))
    {
      self->url_address = th_room_dup_lan_address ();
      if (self->url_address == NULL)
        self->url_address = g_strdup (
          g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6 ? "::1" : "127.0.0.1");
    }
  else
    self->url_address = g_strdup (self->address);

  authority = th_room_format_authority (self->url_address, self->port);
  g_free (self->join_url);
  self->join_url = g_strdup_printf ("http://%s/", authority);

  _th_room_server_notify_started (self);

  return TRUE;
}

void
th_room_server_stop (ThRoomServer *self)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));

  if (self->server == NULL)
    return;

  /* Whoever was heard, or waits for a save, gets their answer before
   * the doors close. */
  handle_pending (self);
  _th_room_server_flush_saves (self);

  soup_server_disconnect (self->server);
  g_clear_pointer (&self->connections, th_room_connections_free);
  g_clear_object (&self->server);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->join_url, g_free);

  _th_room_server_notify_stopped (self);
}

gboolean
th_room_server_get_running (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), FALSE);

  return self->server != NULL;
}

const char *
th_room_server_get_address (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), NULL);

  return self->server != NULL ? self->address : NULL;
}

guint
th_room_server_get_port (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), 0);

  return self->server != NULL ? self->port : 0;
}

const char *
th_room_server_get_join_url (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), NULL);

  return self->join_url;
}

char *
th_room_server_dup_qr_url (ThRoomServer *self)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (self), NULL);

  if (self->join_url == NULL)
    return NULL;

  return g_strconcat (self->join_url, "#", self->join_code, NULL);
}

/* The defences' limits */

void
th_room_server_set_rate_limit (ThRoomServer *self, double requests_per_second, guint burst)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (requests_per_second > 0 && burst >= 1);

  th_room_limiter_set_rate (self->guest_limiter, requests_per_second, burst);
}

void
th_room_server_set_address_rate_limit (ThRoomServer *self, double requests_per_second, guint burst)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (requests_per_second > 0 && burst >= 1);

  th_room_limiter_set_rate (self->limiter, requests_per_second, burst);
}

void
th_room_server_set_max_connections_per_address (ThRoomServer *self, guint max_connections)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (max_connections >= 1);

  self->max_connections = max_connections;
  if (self->connections != NULL)
    th_room_connections_set_max_per_address (self->connections, max_connections);
}

void
th_room_server_set_request_timeout (ThRoomServer *self, guint seconds)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (seconds >= 1);

  self->request_timeout_s = seconds;
  if (self->connections != NULL)
    th_room_connections_set_request_timeout (self->connections, seconds);
}

void
th_room_server_set_idle_timeout (ThRoomServer *self, guint seconds)
{
  g_return_if_fail (TH_IS_ROOM_SERVER (self));
  g_return_if_fail (seconds >= 1);

  self->idle_timeout_s = seconds;
  if (self->connections != NULL)
    th_room_connections_set_idle_timeout (self->connections, seconds);
}
