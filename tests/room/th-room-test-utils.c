/* th-room-test-utils.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "th-room-test-utils.h"

struct _ThRoomTestServer
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  ThRoomServer *server;
  ThRoomTestOptions options;

  char *dir;
  char *path;
  char *url;
  char *code;
  guint port;

  GMutex mutex;
  GCond cond;
  gboolean ready;
};

void
th_room_test_init (int *argc, char ***argv)
{
  /* The machine's proxy settings (libproxy) must not decide whether the
   * tests pass. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (argc, argv, NULL);
}

guint
th_room_test_slow (void)
{
  const char *slow = g_getenv ("TH_TEST_SLOW");
  guint64 factor = 1;

  /* A typo must not quietly give the tests less time than asked for. */
  if (slow != NULL && !g_ascii_string_to_unsigned (slow, 10, 1, 100, &factor, NULL))
    g_error ("TH_TEST_SLOW=%s is not a whole number from 1 to 100", slow);
  return (guint)factor;
}

guint
th_room_test_deadline_ms (guint ms)
{
  return ms * th_room_test_slow ();
}

SoupSession *
th_room_test_session_new (void)
{
  return soup_session_new_with_options ("timeout", th_room_test_deadline_ms (60000) / 1000, NULL);
}

SoupSession *
th_room_test_session_new_from (const char *local_address)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (local_address);
  g_autoptr (GSocketAddress) local = g_inet_socket_address_new (inet, 0);

  g_assert_nonnull (inet);
  return soup_session_new_with_options ("timeout", th_room_test_deadline_ms (60000) / 1000,
                                        "local-address", local, NULL);
}

void
th_room_test_write_session (const char *path)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  th_session_set_title (session, "Room test");
  th_session_save_to_file (session, file, &error);
  g_assert_no_error (error);
}

static gpointer
server_thread (gpointer data)
{
  ThRoomTestServer *self = data;
  g_autoptr (GFile) file = g_file_new_for_path (self->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  g_main_context_push_thread_default (self->context);

  session = th_session_new_from_file (file, &error);
  g_assert_no_error (error);

  self->server = th_room_server_new (session, self->options.no_file ? NULL : file);
  if (self->options.rate > 0)
    th_room_server_set_rate_limit (self->server, self->options.rate, self->options.burst);
  if (self->options.max_connections > 0)
    th_room_server_set_max_connections_per_address (self->server, self->options.max_connections);
  if (self->options.address_rate > 0)
    th_room_server_set_address_rate_limit (self->server, self->options.address_rate,
                                           self->options.address_burst);
  if (self->options.idle_timeout_s > 0)
    th_room_server_set_idle_timeout (self->server, self->options.idle_timeout_s);
  if (self->options.request_timeout_s > 0)
    th_room_server_set_request_timeout (self->server, self->options.request_timeout_s);

  th_room_server_start (self->server, "127.0.0.1", 0, &error);
  g_assert_no_error (error);

  g_mutex_lock (&self->mutex);
  self->url = g_strdup (th_room_server_get_join_url (self->server));
  self->code = g_strdup (th_room_server_get_join_code (self->server));
  self->port = th_room_server_get_port (self->server);
  self->ready = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  th_room_server_stop (self->server);
  g_clear_object (&self->server);
  g_clear_object (&session);

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

ThRoomTestServer *
th_room_test_server_new (const ThRoomTestOptions *options)
{
  ThRoomTestServer *self = g_new0 (ThRoomTestServer, 1);
  g_autoptr (GError) error = NULL;

  if (options != NULL)
    self->options = *options;

  self->dir = g_dir_make_tmp ("two-hats-room-XXXXXX", &error);
  g_assert_no_error (error);
  self->path = g_build_filename (self->dir, "room.twohats", NULL);
  th_room_test_write_session (self->path);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("room-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
th_room_test_server_free (ThRoomTestServer *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  g_unlink (self->path);
  g_rmdir (self->dir);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->url);
  g_free (self->code);
  g_free (self);
}

const char *
th_room_test_server_get_url (ThRoomTestServer *self)
{
  return self->url;
}

const char *
th_room_test_server_get_code (ThRoomTestServer *self)
{
  return self->code;
}

guint
th_room_test_server_get_port (ThRoomTestServer *self)
{
  return self->port;
}

const char *
th_room_test_server_get_path (ThRoomTestServer *self)
{
  return self->path;
}

typedef struct
{
  ThRoomTestServer *self;
  ThRoomTestFunc func;
  gpointer user_data;
  gboolean done;
} Call;

static gboolean
call_cb (gpointer data)
{
  Call *call = data;

  call->func (call->self->server, call->user_data);

  g_mutex_lock (&call->self->mutex);
  call->done = TRUE;
  g_cond_broadcast (&call->self->cond);
  g_mutex_unlock (&call->self->mutex);

  return G_SOURCE_REMOVE;
}

void
th_room_test_server_call (ThRoomTestServer *self, ThRoomTestFunc func, gpointer user_data)
{
  Call call = { self, func, user_data, FALSE };

  g_main_context_invoke (self->context, call_cb, &call);

  g_mutex_lock (&self->mutex);
  while (!call.done)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

void
th_room_reply_free (ThRoomReply *reply)
{
  if (reply == NULL)
    return;

  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

const char *
th_room_reply_get_string (ThRoomReply *reply, const char *member)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));

  return json_object_get_string_member_with_default (json_node_get_object (reply->json), member,
                                                     NULL);
}

JsonObject *
th_room_test_parse_object (GBytes *bytes, JsonParser *parser)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (json_parser_load_from_data (parser, data, (gssize)length, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

SoupMessage *
th_room_message_new (const char *base_url, const char *method, const char *path, const char *token,
                     const char *body, gssize length)
{
  g_autofree char *url = g_strconcat (base_url, path[0] == '/' ? path + 1 : path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }

  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, length < 0 ? strlen (body) : (gsize)length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return msg;
}

static ThRoomReply *
send_request (SoupSession *session, const char *base_url, const char *method, const char *path,
              const char *token, const char *body, gssize length, gboolean allow_transport_error)
{
  g_autoptr (SoupMessage) msg = th_room_message_new (base_url, method, path, token, body, length);
  g_autoptr (GError) error = NULL;
  ThRoomReply *reply = g_new0 (ThRoomReply, 1);
  const char *content_type;

  reply->body = soup_session_send_and_read (session, msg, NULL, &error);
  if (error != NULL && allow_transport_error)
    {
      /* The server may end a connection unanswered (a rate limit at the
       * connection): status 0. */
      reply->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
      reply->body = g_bytes_new (NULL, 0);
      return reply;
    }
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  content_type = soup_message_headers_get_content_type (reply->headers, NULL);
  if (g_strcmp0 (content_type, "application/json") == 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (reply->body, &size);

      if (json_parser_load_from_data (parser, data, (gssize)size, NULL))
        reply->json = json_node_ref (json_parser_get_root (parser));
    }

  return reply;
}

ThRoomReply *
th_room_request (SoupSession *session, const char *base_url, const char *method, const char *path,
                 const char *token, const char *body, gssize length)
{
  return send_request (session, base_url, method, path, token, body, length, FALSE);
}

ThRoomReply *
th_room_try_request (SoupSession *session, const char *base_url, const char *method,
                     const char *path, const char *token, const char *body, gssize length)
{
  return send_request (session, base_url, method, path, token, body, length, TRUE);
}

char *
th_room_join (SoupSession *session, const char *base_url, const char *code, const char *name,
              char **participant_id)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (ThRoomReply) reply = NULL;
  g_autofree char *body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  body = json_generator_to_data (generator, NULL);

  reply = th_room_request (session, base_url, "POST", "/api/join", NULL, body, -1);
  g_assert_cmpuint (reply->status, ==, 200);
  if (participant_id != NULL)
    *participant_id = g_strdup (th_room_reply_get_string (reply, "participant"));

  return g_strdup (th_room_reply_get_string (reply, "token"));
}

/* The length of a whole response in @data (headers and Content-Length
 * body), or 0 when it is not complete yet or has no Content-Length. */
static gsize
complete_length (const char *data, gsize length)
{
  const char *end = g_strstr_len (data, (gssize)length, "\r\n\r\n");
  g_autofree char *head = NULL;
  const char *line;
  guint64 content_length;

  if (end == NULL)
    return 0;

  head = g_ascii_strdown (data, end - data);
  line = strstr (head, "\r\ncontent-length:");
  if (line == NULL)
    return 0;

  content_length = g_ascii_strtoull (line + strlen ("\r\ncontent-length:"), NULL, 10);
  if ((gsize)(end + 4 - data) + content_length <= length)
    return (gsize)(end + 4 - data) + content_length;
  return 0;
}

GSocket *
th_room_connect_from (const char *local_address, guint port)
{
  g_autoptr (GInetAddress) server_inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) server = g_inet_socket_address_new (server_inet, (guint16)port);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) socket
    = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  if (local_address != NULL)
    {
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (local_address);
      g_autoptr (GSocketAddress) local = g_inet_socket_address_new (inet, 0);

      g_assert_nonnull (inet);
      g_socket_bind (socket, local, FALSE, &error);
      g_assert_no_error (error);
    }
  g_socket_set_blocking (socket, FALSE);
  if (!g_socket_connect (socket, server, NULL, &error))
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
      g_clear_error (&error);
    }

  return g_steal_pointer (&socket);
}

GBytes *
th_room_raw_exchange (guint port, const void *request, gsize length, guint timeout_ms)
{
  return th_room_raw_exchange_from (NULL, port, request, length, timeout_ms);
}

/* Sends @request on @socket while reading the answer, until the server
 * closes, @deadline passes, or a whole response with a Content-Length
 * has arrived; @shut says whether to shut the sending side once all is
 * sent. */
static GBytes *
exchange (GSocket *socket, const void *request, gsize length, gint64 deadline, gboolean shut)
{
  g_autoptr (GByteArray) received = g_byte_array_new ();
  gsize sent = 0;

  /* Send while reading: a server may answer (and close) before it has
   * read everything. */
  while (g_get_monotonic_time () < deadline)
    {
      GIOCondition wanted = G_IO_IN | (sent < length ? G_IO_OUT : 0);
      GIOCondition ready;
      gint64 left = deadline - g_get_monotonic_time ();
      guint8 buffer[8192];
      gssize n;

      if (!g_socket_condition_timed_wait (socket, wanted, MAX (left, 0), NULL, NULL))
        break;
      ready = g_socket_condition_check (socket, wanted);

      if ((ready & G_IO_OUT) && sent < length)
        {
          n = g_socket_send (socket, (const char *)request + sent, length - sent, NULL, NULL);
          if (n > 0)
            sent += (gsize)n;
          else if (n < 0)
            sent = length; /* the server closed its side: stop sending */

          /* All sent: say so, so that a server waiting for more (of a
           * truncated body, say) sees the end at once rather than after
           * its idle timeout. */
          if (sent == length && shut)
            g_socket_shutdown (socket, FALSE, TRUE, NULL);
        }

      if (ready & (G_IO_IN | G_IO_HUP | G_IO_ERR))
        {
          n = g_socket_receive (socket, (char *)buffer, sizeof buffer, NULL, NULL);
          if (n <= 0)
            break;
          g_byte_array_append (received, buffer, (guint)n);
          if (complete_length ((const char *)received->data, received->len) > 0)
            break;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&received));
}

GBytes *
th_room_raw_exchange_from (const char *local_address, guint port, const void *request, gsize length,
                           guint timeout_ms)
{
  g_autoptr (GSocket) socket = th_room_connect_from (local_address, port);
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (timeout_ms) * 1000;
  g_autoptr (GError) error = NULL;
  GBytes *response;

  /* The connection is made first: the kernel completes it whether or not
   * the server gets round to it. */
  g_socket_condition_timed_wait (socket, G_IO_OUT, deadline - g_get_monotonic_time (), NULL, NULL);
  g_socket_check_connect_result (socket, &error);
  g_assert_no_error (error);

  response = exchange (socket, request, length, deadline, TRUE);
  g_socket_close (socket, NULL);
  return response;
}

GBytes *
th_room_raw_exchange_on (GSocket *socket, const void *request, gsize length, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (timeout_ms) * 1000;

  return exchange (socket, request, length, deadline, FALSE);
}

guint
th_room_raw_status (GBytes *response)
{
  gsize length;
  const char *data = g_bytes_get_data (response, &length);
  g_autofree char *copy = NULL;
  guint64 status;

  if (length < 12 || strncmp (data, "HTTP/1.", 7) != 0)
    return 0;

  copy = g_strndup (data + 9, 3);
  if (!g_ascii_string_to_unsigned (copy, 10, 100, 599, &status, NULL))
    return 0;
  return (guint)status;
}

guint
th_room_raw_retry_after (GBytes *response)
{
  gsize length;
  const char *data = g_bytes_get_data (response, &length);
  const char *end = g_strstr_len (data, (gssize)length, "\r\n\r\n");
  g_autofree char *head = NULL;
  const char *line;

  if (end == NULL)
    return 0;
  head = g_ascii_strdown (data, end - data);
  line = strstr (head, "\r\nretry-after:");
  if (line == NULL)
    return 0;
  return (guint)g_ascii_strtoull (line + strlen ("\r\nretry-after:"), NULL, 10);
}

guint
th_room_retry_after (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Retry-After");

  return value != NULL ? (guint)g_ascii_strtoull (value, NULL, 10) : 0;
}

/* The server's sockets of 127.0.0.1:@port in @state (two hex digits of
 * /proc/net/tcp), only those with nothing left to read when
 * @only_read_out; -1 when it cannot be read. */
static int
count_server_sockets (guint port, const char *state, gboolean only_read_out)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  /* 127.0.0.1 as the kernel writes it; a client's socket on another
   * loopback address may have the same port. */
  g_autofree char *local = g_strdup_printf ("0100007F:%04X", port);
  int n = 0;

  if (!g_file_get_contents ("/proc/net/tcp", &text, NULL, NULL))
    return -1;

  /* "  sl  local_address rem_address   st tx_queue:rx_queue …": the
   * local address is the server's side. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint n_fields = g_strv_length (fields);
      const char *columns[5] = { NULL };
      guint column = 0;

      for (guint j = 0; j < n_fields && column < G_N_ELEMENTS (columns); j++)
        if (fields[j][0] != '\0')
          columns[column++] = fields[j];
      if (column == G_N_ELEMENTS (columns) && strcmp (columns[1], local) == 0
          && strcmp (columns[3], state) == 0
          && (!only_read_out || g_str_has_suffix (columns[4], ":00000000")))
        n++;
    }

  return n;
}

int
th_room_count_close_wait (guint port)
{
  /* 08 is CLOSE-WAIT. */
  return count_server_sockets (port, "08", FALSE);
}

int
th_room_count_read_out (guint port)
{
  /* 01 is ESTABLISHED. */
  return count_server_sockets (port, "01", TRUE);
}

char *
th_room_test_two_hats (const char *argv0)
{
  g_autofree char *build_dir = g_strdup (g_getenv ("G_TEST_BUILDDIR"));
  char *two_hats;

  /* G_TEST_BUILDDIR is build/tests; the program is build/src/two-hats. */
  if (build_dir == NULL)
    build_dir = g_path_get_dirname (g_path_get_dirname (argv0));
  two_hats = g_build_filename (build_dir, "..", "src", "two-hats", NULL);
  if (!g_file_test (two_hats, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is not there: build the project first", two_hats);

  return two_hats;
}

/* A host outlives no test: should the test fail (and abort), the kernel
 * ends the host too. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
th_room_test_host_start (ThRoomTestHost *host, const char *const *argv)
{
  g_autoptr (GSubprocessLauncher) launcher
    = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GError) error = NULL;
  const char *colon;

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  host->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  host->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (host->process));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (host->output, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "join-url: "))
        host->url = g_strdup (line + strlen ("join-url: "));
      else if (g_str_has_prefix (line, "join-code: "))
        host->code = g_strdup (line + strlen ("join-code: "));
      else
        g_error ("unexpected line on stdout: %s", line);
    }

  g_assert_true (g_str_has_prefix (host->url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (host->url, "/"));
  g_assert_cmpuint (strlen (host->code), ==, 6);
  colon = strrchr (host->url, ':');
  host->port = (guint)g_ascii_strtoull (colon + 1, NULL, 10);
  g_assert_cmpuint (host->port, >, 0);
}

void
th_room_test_host_clear (ThRoomTestHost *host)
{
  g_clear_object (&host->output);
  g_clear_object (&host->process);
  g_clear_pointer (&host->url, g_free);
  g_clear_pointer (&host->code, g_free);
  host->port = 0;
}

static ThSide
side_for (guint seed, guint i)
{
  return (seed * 3 + i * 7) % 5 < 3 ? TH_SIDE_LEADERSHIP : TH_SIDE_MANAGEMENT;
}

static int
rating_for (guint seed, guint i)
{
  return 1 + (int)((seed * 11 + i * 5) % 5);
}

char *
th_room_answers_for_seed (ThDeck *deck, guint seed)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  guint n = th_deck_get_n_behaviours (deck);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sort");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, th_behaviour_get_id (th_deck_get_behaviour (deck, i)));
      json_builder_add_string_value (builder, th_side_to_string (side_for (seed, i)));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (builder, th_behaviour_get_id (th_deck_get_behaviour (deck, i)));
      json_builder_add_int_value (builder, rating_for (seed, i));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
th_room_assert_answers (ThDeck *deck, ThParticipant *participant, guint seed)
{
  guint n = th_deck_get_n_behaviours (deck);

  g_assert_nonnull (participant);
  g_assert_cmpuint (th_participant_get_n_sorted (participant), ==, n);
  g_assert_cmpuint (th_participant_get_n_rated (participant), ==, n);

  for (guint i = 0; i < n; i++)
    {
      const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, i));
      ThSide side;

      g_assert_true (th_participant_get_sort (participant, id, &side));
      g_assert_cmpint (side, ==, side_for (seed, i));
      g_assert_cmpint (th_participant_get_rating (participant, id), ==, rating_for (seed, i));
    }
}
