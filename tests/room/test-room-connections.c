/* test-room-connections.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The room's connections under what a room, and a hostile guest, puts on
 * them: a server run out of file descriptors, clients that close their
 * connections, keep-alive connections left idle, and a room of phones
 * behind one address.  Every client binds to a loopback address of its
 * own (127.0.0.2, …) where the address matters. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "th-room-test-utils.h"

static char *two_hats;

/* Waits until @socket is connected (the kernel completes a connection
 * whether or not the server has accepted it), or fails at @deadline. */
static void
wait_connected (GSocket *socket, gint64 deadline)
{
  g_autoptr (GError) error = NULL;

  g_socket_condition_timed_wait (socket, G_IO_OUT, MAX (deadline - g_get_monotonic_time (), 0),
                                 NULL, NULL);
  g_socket_check_connect_result (socket, &error);
  g_assert_no_error (error);
}

/* TRUE once the server has closed @socket (end of file or an error);
 * whatever it sent before is read and dropped. */
static gboolean
closed_by_server (GSocket *socket)
{
  g_autoptr (GError) error = NULL;
  char buffer[4096];
  gssize n;

  while ((n = g_socket_receive_with_blocking (socket, buffer, sizeof buffer, FALSE, NULL, &error))
         > 0)
    ;
  return n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

/* Out of file descriptors */

#define N_HELD 1100
/* 25 connections from each: under any per-address cap, so that only the
 * number of descriptors is at stake. */
#define N_HOLDING_ADDRESSES 44

/* Raises this process's own limit: it holds more connections than the
 * server may have.  FALSE when the hard limit does not allow it. */
static gboolean
allow_descriptors (rlim_t needed)
{
  struct rlimit limit;

  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &limit), ==, 0);
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
    return FALSE;
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur >= needed)
    return TRUE;
  limit.rlim_cur = needed;
  return setrlimit (RLIMIT_NOFILE, &limit) == 0;
}

/* `two-hats --host` on loopback with the usual soft and hard limit of a
 * desktop session, 1024 open files, for the server alone (it may raise
 * its soft limit to the hard one, no further), and the session file it
 * hosts in a folder of its own. */
typedef struct
{
  char *dir;
  char *path;
  ThRoomTestHost host;
} LimitedHost;

/* Starts the host, and lets this process hold @n_held connections to it;
 * FALSE (the test skipped) when this process's hard limit is too low. */
static gboolean
limited_host_start (LimitedHost *lh, guint n_held)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = {
    "/bin/sh", "-c", "ulimit -n 1024 && exec \"$0\" --host --bind=127.0.0.1 --port=0 \"$1\"",
    two_hats,  NULL, NULL,
  };

  if (!allow_descriptors (n_held + 256))
    {
      g_test_skip_printf ("the hard limit on open files is too low to hold %u connections", n_held);
      return FALSE;
    }

  lh->dir = g_dir_make_tmp ("two-hats-limited-XXXXXX", &error);
  g_assert_no_error (error);
  lh->path = g_build_filename (lh->dir, "limited.twohats", NULL);
  argv[4] = lh->path;
  th_room_test_write_session (lh->path);
  th_room_test_host_start (&lh->host, argv);
  return TRUE;
}

/* Stops the host as a desktop would (SIGTERM), which must end cleanly. */
static void
limited_host_stop (LimitedHost *lh)
{
  g_autoptr (GError) error = NULL;

  g_subprocess_send_signal (lh->host.process, SIGTERM);
  g_subprocess_wait (lh->host.process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (lh->host.process));
  g_assert_cmpint (g_subprocess_get_exit_status (lh->host.process), ==, 0);

  th_room_test_host_clear (&lh->host);
  g_unlink (lh->path);
  g_rmdir (lh->dir);
  g_clear_pointer (&lh->path, g_free);
  g_clear_pointer (&lh->dir, g_free);
}

static void
test_out_of_descriptors (void)
{
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GInetAddress) fresh_inet = g_inet_address_new_from_string ("127.0.0.200");
  g_autoptr (GSocketAddress) fresh = g_inet_socket_address_new (fresh_inet, 0);
  g_autofree char *body = NULL;
  LimitedHost lh = { 0 };
  ThRoomTestHost *host = &lh.host;
  guint n_closed = 0;
  gint64 deadline;

  if (!limited_host_start (&lh, N_HELD))
    return;

  /* Connections that never say anything, more than the server has
   * descriptors for. */
  for (guint i = 0; i < N_HELD; i++)
    {
      g_autofree char *from = g_strdup_printf ("127.0.0.%u", 2 + i % N_HOLDING_ADDRESSES);

      g_ptr_array_add (held, th_room_connect_from (from, host->port));
    }
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (20000) * 1000;
  for (guint i = 0; i < held->len; i++)
    wait_connected (held->pdata[i], deadline);
  /* While they are all still held, someone new joins within 2 s: the
   * server's promise, here stretched by TH_TEST_SLOW. */
  body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Newcomer\"}", host->code);
  session = soup_session_new_with_options ("local-address", fresh, "timeout",
                                           th_room_test_deadline_ms (2000) / 1000, NULL);
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (2000) * 1000;
  for (;;)
    {
      g_autoptr (ThRoomReply) reply
        = th_room_try_request (session, host->url, "POST", "/api/join", NULL, body, -1);

      if (reply->status == 200)
        break;
      if (g_get_monotonic_time () > deadline)
        {
          g_test_message ("no join within %u ms of the flood (last status %u)",
                          th_room_test_deadline_ms (2000), reply->status);
          g_assert_cmpuint (reply->status, ==, 200);
        }
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }

  /* With 1024 descriptors it cannot hold them all: it made room by
   * closing those idle the longest, rather than stopping. */
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (10000) * 1000;
  for (;;)
    {
      n_closed = 0;
      for (guint i = 0; i < held->len; i++)
        if (closed_by_server (held->pdata[i]))
          n_closed++;
      if (n_closed >= N_HELD - 1024 || g_get_monotonic_time () > deadline)
        break;
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_test_message ("the server closed %u of the %u held connections", n_closed, N_HELD);
  g_assert_cmpuint (n_closed, >=, N_HELD - 1024);

  g_ptr_array_set_size (held, 0);
  limited_host_stop (&lh);
}

/* Connections the client closes */

#define N_RECONNECTS 200

static void
test_closed_by_client (void)
{
  g_autoptr (ThRoomTestServer) server = th_room_test_server_new (NULL);
  g_autoptr (SoupSession) session = th_room_test_session_new_from ("127.0.0.2");
  guint port = th_room_test_server_get_port (server);
  /* Keep-alive (HTTP/1.1 without "Connection: close"): the server would
   * keep the connection; the client ends it. */
  g_autofree char *raw = g_strdup_printf ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n\r\n", port);
  g_autofree char *token = NULL;
  guint n_answered = 0, n_limited = 0;
  gint64 deadline;
  int close_wait;

  for (guint i = 0; i < N_RECONNECTS; i++)
    {
      g_autoptr (GBytes) response
        = th_room_raw_exchange_from ("127.0.0.2", port, raw, strlen (raw), 5000);
      guint status = th_room_raw_status (response);

      /* Over the address's budget the answer says when to come back;
       * never a connection shut without a word. */
      if (status == 429)
        {
          guint retry_after = th_room_raw_retry_after (response);

          g_assert_cmpuint (retry_after, >, 0);
          n_limited++;
          g_usleep (retry_after * G_USEC_PER_SEC);
          continue;
        }
      if (status != 200)
        g_test_message ("request %u on a new connection: status %u", i, status);
      g_assert_cmpuint (status, ==, 200);
      n_answered++;
    }
  g_test_message ("%u answered, %u asked to wait", n_answered, n_limited);

  /* The server closes its side of every one of them. */
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (5000) * 1000;
  while ((close_wait = th_room_count_close_wait (port)) > 0 && g_get_monotonic_time () < deadline)
    g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  if (close_wait < 0)
    {
      g_test_skip ("/proc/net/tcp cannot be read: the server's sockets cannot be seen");
      return;
    }
  g_assert_cmpint (close_wait, ==, 0);

  /* And the address is as welcome as before. */
  token = th_room_join (session, th_room_test_server_get_url (server),
                        th_room_test_server_get_code (server), "Reloader", NULL);
  g_assert_nonnull (token);
}

/* Keep-alive connections left idle */

/* Sends @request on @socket, which stays open, and reads one whole
 * response: its status, or 0. */
static guint
exchange_on (GSocket *socket, const char *request)
{
  g_autoptr (GBytes) response = th_room_raw_exchange_on (socket, request, strlen (request), 5000);

  return th_room_raw_status (response);
}

static void
test_idle_timeout (void)
{
  const ThRoomTestOptions options = { .idle_timeout_s = 1 };
  g_autoptr (ThRoomTestServer) server = th_room_test_server_new (&options);
  guint port = th_room_test_server_get_port (server);
  g_autofree char *raw = g_strdup_printf ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n\r\n", port);
  g_autoptr (GSocket) silent = th_room_connect_from ("127.0.0.3", port);
  g_autoptr (GSocket) kept = th_room_connect_from ("127.0.0.3", port);
  /* The idle timeout (1 s here) and time to notice it. */
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (6000) * 1000;
  gboolean silent_closed = FALSE, kept_closed = FALSE;

  wait_connected (silent, deadline);
  wait_connected (kept, deadline);

  /* Two requests on one connection: it is kept alive between them. */
  g_assert_cmpuint (exchange_on (kept, raw), ==, 200);
  g_assert_cmpuint (exchange_on (kept, raw), ==, 200);

  /* Then nothing: the server ends the connection that said nothing at
   * all and the one idle after its requests alike. */
  while ((!silent_closed || !kept_closed) && g_get_monotonic_time () < deadline)
    {
      silent_closed = silent_closed || closed_by_server (silent);
      kept_closed = kept_closed || closed_by_server (kept);
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_true (silent_closed);
  g_assert_true (kept_closed);
}

/* Requests sent a byte at a time */

/* Sends @text on @socket, which is connected. */
static void
send_text (GSocket *socket, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_socket_send_with_blocking (socket, text, strlen (text), TRUE, NULL, &error),
                   ==, (gssize)strlen (text));
  g_assert_no_error (error);
}

/* A request that arrives a byte every 200 ms never lets its connection
 * go idle; the request timeout (1 s here) ends it all the same, while a
 * whole request on another connection is answered. */
static void
test_request_timeout (void)
{
  const ThRoomTestOptions options = { .request_timeout_s = 1 };
  g_autoptr (ThRoomTestServer) server = th_room_test_server_new (&options);
  guint port = th_room_test_server_get_port (server);
  g_autofree char *head = g_strdup_printf (
    "POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nContent-Length: 1000\r\n\r\n{", port);
  g_autofree char *whole = g_strdup_printf ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n\r\n", port);
  g_autoptr (GSocket) slow = th_room_connect_from ("127.0.0.5", port);
  g_autoptr (GSocket) other = th_room_connect_from ("127.0.0.6", port);
  /* Well inside the idle timeout (30 s), which a byte every 200 ms never
   * reaches: only the request timeout can end the connection by then. */
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (8000) * 1000;
  gboolean closed = FALSE;
  guint n_sent = 0;

  wait_connected (slow, deadline);
  wait_connected (other, deadline);
  send_text (slow, head);
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr (GError) error = NULL;

      if (closed_by_server (slow))
        {
          closed = TRUE;
          break;
        }
      /* One more byte of the body; a send to a connection the server has
       * just shut may fail, which the next look finds closed. */
      if (g_socket_send_with_blocking (slow, " ", 1, TRUE, NULL, &error) == 1)
        n_sent++;
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }
  g_test_message ("%u bytes of the body were sent before the end", n_sent);
  g_assert_true (closed);
  /* It was still sending when it was cut: not an idle connection. */
  g_assert_cmpuint (n_sent, >=, 3);

  g_assert_cmpuint (exchange_on (other, whole), ==, 200);
}

/* A room full of requests that never end: 768 connections (all a server
 * with 1024 descriptors holds) each send the start of a join and no
 * more.  None of them is idle; the one that has taken the longest over
 * its request makes way for someone new, who joins within seconds
 * rather than after the request timeout (10 s). */
#define N_SLOW 768
#define N_SLOW_ADDRESSES 4

static void
test_slow_requests_at_the_cap (void)
{
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GInetAddress) fresh_inet = g_inet_address_new_from_string ("127.0.0.201");
  g_autoptr (GSocketAddress) fresh = g_inet_socket_address_new (fresh_inet, 0);
  g_autofree char *body = NULL;
  g_autofree char *head = NULL;
  LimitedHost lh = { 0 };
  ThRoomTestHost *host = &lh.host;
  guint last_status = 0;
  gint64 deadline;

  if (!limited_host_start (&lh, N_SLOW))
    return;
  head = g_strdup_printf (
    "POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nContent-Length: 1000\r\n\r\n{", host->port);

  for (guint i = 0; i < N_SLOW; i++)
    {
      g_autofree char *from = g_strdup_printf ("127.0.0.%u", 10 + i % N_SLOW_ADDRESSES);

      g_ptr_array_add (held, th_room_connect_from (from, host->port));
    }
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (20000) * 1000;
  for (guint i = 0; i < held->len; i++)
    {
      wait_connected (held->pdata[i], deadline);
      send_text (held->pdata[i], head);
    }
  /* Every one of them accepted and its start read: the room is full of
   * requests under way, with no idle connection to close. */
  while (th_room_count_read_out (host->port) < N_SLOW && g_get_monotonic_time () < deadline)
    g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  /* (At least: the count reads every socket of the system on that
   * address and port, and one of a test running beside this may be among
   * them.) */
  g_assert_cmpint (th_room_count_read_out (host->port), >=, N_SLOW);

  body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Newcomer\"}", host->code);
  session = soup_session_new_with_options ("local-address", fresh, "timeout",
                                           th_room_test_deadline_ms (2000) / 1000, NULL);
  /* A second for the slow ones to count as slow, and one to get in;
   * short of the request timeout, which would end them all anyway. */
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (2500) * 1000;
  for (;;)
    {
      g_autoptr (ThRoomReply) reply
        = th_room_try_request (session, host->url, "POST", "/api/join", NULL, body, -1);

      last_status = reply->status;
      if (last_status == 200 || g_get_monotonic_time () > deadline)
        break;
      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }
  g_test_message ("the newcomer's last answer: %u", last_status);
  g_assert_cmpuint (last_status, ==, 200);

  g_ptr_array_set_size (held, 0);
  limited_host_stop (&lh);
}

/* A room behind one address */

#define N_PHONES 40

typedef struct _Room Room;

typedef struct
{
  Room *room;
  guint index;
  SoupSession *session;
  GPtrArray *steps; /* of Step */
  guint step;
  char *token;
  char *id;
  guint n_waits;
} Phone;

typedef struct
{
  const char *method;
  const char *path;
  char *body;
} Step;

struct _Room
{
  const char *url;
  const char *code;
  Phone phones[N_PHONES];
  guint n_done;
  guint n_waits;
};

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->body);
  g_free (step);
}

static void
add_step (GPtrArray *steps, const char *method, const char *path, char *body)
{
  Step *step = g_new0 (Step, 1);

  step->method = method;
  step->path = path;
  step->body = body;
  g_ptr_array_add (steps, step);
}

/* What the page does: load itself, join, fetch the deck, then one PUT per
 * tap (every card sorted, every card rated, the answers of @seed), then
 * read the answers back. */
static GPtrArray *
phone_steps (ThDeck *deck, const char *code, guint seed)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func (step_free);
  g_autofree char *answers = th_room_answers_for_seed (deck, seed);
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *kinds[] = { "sort", "ratings" };
  JsonObject *root;

  add_step (steps, "GET", "/", NULL);
  add_step (steps, "GET", "/app.js", NULL);
  add_step (steps, "GET", "/app.css", NULL);
  add_step (steps, "GET", "/icon.svg", NULL);
  add_step (steps, "POST", "/api/join",
            g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Phone %u\"}", code, seed));
  add_step (steps, "GET", "/api/deck", NULL);

  g_assert_true (json_parser_load_from_data (parser, answers, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonObject *object = json_object_get_object_member (root, kinds[k]);
      g_autoptr (GList) members = json_object_get_members (object);

      for (GList *m = members; m != NULL; m = m->next)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();
          g_autoptr (JsonGenerator) generator = json_generator_new ();
          g_autoptr (JsonNode) tap = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, kinds[k]);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, m->data);
          json_builder_add_value (builder,
                                  json_node_copy (json_object_get_member (object, m->data)));
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          tap = json_builder_get_root (builder);
          json_generator_set_root (generator, tap);
          add_step (steps, "PUT", "/api/answers", json_generator_to_data (generator, NULL));
        }
    }

  add_step (steps, "GET", "/api/me", NULL);
  return steps;
}

static void phone_send (Phone *phone);

static gboolean
phone_send_cb (gpointer data)
{
  phone_send (data);
  return G_SOURCE_REMOVE;
}

static void
phone_answered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Phone *phone = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body
    = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  Step *step = phone->steps->pdata[phone->step];
  guint status = soup_message_get_status (msg);

  if (error != NULL)
    g_error ("phone %u: %s %s: %s", phone->index, step->method, step->path, error->message);

  /* Over a limit: wait as long as the server says, and a little more at
   * random, the way the page does. */
  if (status == 429)
    {
      guint retry_after = th_room_retry_after (soup_message_get_response_headers (msg));

      g_assert_cmpuint (retry_after, >, 0);
      phone->n_waits++;
      phone->room->n_waits++;
      g_timeout_add (retry_after * 1000 + (guint)g_random_int_range (0, 500), phone_send_cb, phone);
      return;
    }

  if (status != 200)
    g_error ("phone %u: %s %s: %u", phone->index, step->method, step->path, status);

  if (strcmp (step->path, "/api/join") == 0)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *object = th_room_test_parse_object (body, parser);

      phone->token = g_strdup (json_object_get_string_member (object, "token"));
      phone->id = g_strdup (json_object_get_string_member (object, "participant"));
    }

  if (++phone->step == phone->steps->len)
    {
      phone->room->n_done++;
      return;
    }
  phone_send (phone);
}

static void
phone_send (Phone *phone)
{
  Step *step = phone->steps->pdata[phone->step];
  g_autoptr (SoupMessage) msg = th_room_message_new (phone->room->url, step->method, step->path,
                                                     phone->token, step->body, -1);

  soup_session_send_and_read_async (phone->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    phone_answered_cb, phone);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_behind_one_address (void)
{
  g_autoptr (ThRoomTestServer) server = th_room_test_server_new (NULL);
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (GFile) file = g_file_new_for_path (th_room_test_server_get_path (server));
  g_autoptr (ThSession) saved = NULL;
  g_autoptr (GError) error = NULL;
  Room room = { th_room_test_server_get_url (server), th_room_test_server_get_code (server) };
  /* Not a timing verdict: a bound on the wait, stretched by TH_TEST_SLOW. */
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (60000) * 1000;
  guint tick;

  /* A travel router: every phone of the room comes from 127.0.0.1, all
   * at once, with the server's own limits. */
  for (guint i = 0; i < N_PHONES; i++)
    {
      Phone *phone = &room.phones[i];

      phone->room = &room;
      phone->index = i;
      phone->session = th_room_test_session_new_from ("127.0.0.1");
      phone->steps = phone_steps (deck, room.code, i);
      phone_send (phone);
    }

  /* Woken at least every 100 ms to look at the deadline. */
  tick = g_timeout_add (100, tick_cb, NULL);
  while (room.n_done < N_PHONES && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_test_message ("%u of %u phones done, asked to wait %u times", room.n_done, N_PHONES,
                  room.n_waits);
  g_assert_cmpuint (room.n_done, ==, N_PHONES);

  saved = th_session_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, N_PHONES);
  for (guint i = 0; i < N_PHONES; i++)
    {
      Phone *phone = &room.phones[i];

      th_room_assert_answers (deck, th_session_lookup_participant (saved, phone->id), i);
      g_clear_object (&phone->session);
      g_ptr_array_unref (phone->steps);
      g_free (phone->token);
      g_free (phone->id);
    }
}

int
main (int argc, char *argv[])
{
  th_room_test_init (&argc, &argv);

  two_hats = th_room_test_two_hats (argv[0]);

  g_test_add_func ("/room/connections/out-of-descriptors", test_out_of_descriptors);
  g_test_add_func ("/room/connections/closed-by-client", test_closed_by_client);
  g_test_add_func ("/room/connections/idle-timeout", test_idle_timeout);
  g_test_add_func ("/room/connections/request-timeout", test_request_timeout);
  g_test_add_func ("/room/connections/slow-requests-at-the-cap", test_slow_requests_at_the_cap);
  g_test_add_func ("/room/connections/behind-one-address", test_behind_one_address);

  return g_test_run ();
}
