/* bench-room-load.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A room under load: N participants (default 200) answer at once against
 * the real `two-hats --host`, a separate process with its default limits.
 * Each participant comes from an address of its own (127.0.0.2, .3, …:
 * all of 127/8 is loopback), as phones in a room do, and does what the
 * page does: join, fetch the deck, then one PUT per tap — every card
 * sorted, every card rated.  Prints p50/p95/p99/max latency per kind of
 * request, then stops the host and checks that every answer is in the
 * session file.
 *
 *   bench-room-load [--participants=N] [--batch] [--one-address] [--two-hats=PATH]
 *
 * --batch sends all sorts in one PUT and all ratings in another.
 * --light sends the PUTs over plain sockets, one keep-alive connection a
 * phone, written and read by hand: libsoup's client costs this machine
 * about as much CPU per request as the room itself, where real phones
 * cost the laptop nothing, so on a small machine the default measures the
 * load generator as much as the room.  Joins, decks and the last GET stay
 * on libsoup.
 * --one-address puts every phone behind one address (127.0.0.1), as a
 * travel router does with a room's phones: each also loads the page
 * first, and waits out a 429 for as long as Retry-After says (and a
 * little more at random), as the page does.  It prints how long the whole
 * room took. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "th-session.h"

typedef enum
{
  KIND_PAGE,
  KIND_JOIN,
  KIND_DECK,
  KIND_PUT,
  KIND_ME,
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS]
  = { "GET page", "POST /api/join", "GET /api/deck", "PUT /api/answers", "GET /api/me" };

/* What the page loads before it can join. */
static const char *page_files[] = { "/", "/app.js", "/app.css", "/icon.svg" };

typedef struct _Bench Bench;

typedef struct
{
  Bench *bench;
  guint index;
  SoupSession *session;
  char *token;
  char *id;
  guint step; /* the next PUT, 0 … 2n-1 */
  guint page_step;
  gint64 sent_at;
  Kind kind;
  SoupMessage *msg; /* the request in flight, to send again after a 429 */

  /* --light: the PUTs' own connection and what it has read so far. */
  GSocketAddress *local;
  GSocket *socket;
  GSource *source;
  char *request; /* the PUT in flight, to send again */
  GString *input;
} Participant;

struct _Bench
{
  char *url;
  char *code;
  ThDeck *deck;
  guint n_behaviours;
  guint n_participants;
  gboolean batch;
  gboolean light;
  GSocketAddress *remote; /* the room's, for --light */
  char *authority;        /* its Host header */
  Participant *participants;
  GArray *latencies[N_KINDS]; /* of double, ms */
  guint n_done;
  guint n_failed;
  guint n_waits; /* 429s waited out */
};

static ThSide
side_for (guint participant, guint behaviour)
{
  return (participant + behaviour) % 3 == 0 ? TH_SIDE_MANAGEMENT : TH_SIDE_LEADERSHIP;
}

static int
rating_for (guint participant, guint behaviour)
{
  return 1 + (int)((participant * 7 + behaviour) % 5);
}

static void request_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
send_request (Participant *p, Kind kind, const char *method, const char *path, const char *body)
{
  g_autofree char *full = g_strconcat (p->bench->url, path + 1, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, full);

  if (p->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", p->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  p->kind = kind;
  p->sent_at = g_get_monotonic_time ();
  g_set_object (&p->msg, msg);
  soup_session_send_and_read_async (p->session, msg, G_PRIORITY_DEFAULT, NULL, request_done_cb, p);
}

static gboolean
send_again_cb (gpointer user_data)
{
  Participant *p = user_data;

  p->sent_at = g_get_monotonic_time ();
  soup_session_send_and_read_async (p->session, p->msg, G_PRIORITY_DEFAULT, NULL, request_done_cb,
                                    p);
  return G_SOURCE_REMOVE;
}

static void
send_join (Participant *p)
{
  g_autofree char *body
    = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Bench %u\"}", p->bench->code, p->index);

  send_request (p, KIND_JOIN, "POST", "/api/join", body);
}

static char *
answers_body (Participant *p, guint first, guint count, gboolean sort)
{
  g_autoptr (GString) body = g_string_new (sort ? "{\"sort\": {" : "{\"ratings\": {");

  for (guint i = first; i < first + count; i++)
    {
      const char *id = th_behaviour_get_id (th_deck_get_behaviour (p->bench->deck, i));

      if (sort)
        g_string_append_printf (body, "%s\"%s\": \"%s\"", i > first ? ", " : "", id,
                                th_side_to_string (side_for (p->index, i)));
      else
        g_string_append_printf (body, "%s\"%s\": %d", i > first ? ", " : "", id,
                                rating_for (p->index, i));
    }
  g_string_append (body, "}}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void next_put (Participant *p);
static void light_send (Participant *p);

static void
light_close (Participant *p)
{
  if (p->source != NULL)
    {
      g_source_destroy (p->source);
      g_clear_pointer (&p->source, g_source_unref);
    }
  if (p->socket != NULL)
    g_socket_close (p->socket, NULL);
  g_clear_object (&p->socket);
  if (p->input != NULL)
    g_string_truncate (p->input, 0);
}

static void
light_fail (Participant *p, const char *why)
{
  g_printerr ("participant %u: PUT /api/answers failed: %s\n", p->index, why);
  light_close (p);
  p->bench->n_failed++;
  p->bench->n_done++;
}

static gboolean
light_again_cb (gpointer user_data)
{
  light_send (user_data);
  return G_SOURCE_REMOVE;
}

/* Reads what the room answered; once a whole answer is in, records it and
 * sends the next PUT on the same connection. */
static gboolean
light_readable_cb (GSocket *socket, GIOCondition condition, gpointer user_data)
{
  Participant *p = user_data;
  Bench *bench = p->bench;
  char buffer[4096];
  gssize n;
  const char *end, *length_header, *retry_after;
  gsize header_length, body_length = 0;
  guint status;
  double ms;
  gboolean close;

  n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
  if (n < 0)
    return G_SOURCE_CONTINUE;
  if (n == 0)
    {
      /* The room closed a connection it had answered on (or not yet):
       * open another and send the PUT again, as a browser does. */
      g_clear_pointer (&p->source, g_source_unref);
      light_close (p);
      light_send (p);
      return G_SOURCE_REMOVE;
    }
  g_string_append_len (p->input, buffer, n);

  end = g_strstr_len (p->input->str, (gssize)p->input->len, "\r\n\r\n");
  if (end == NULL)
    return G_SOURCE_CONTINUE;
  header_length = (gsize)(end - p->input->str) + 4;
  length_header = g_strstr_len (p->input->str, (gssize)header_length, "\nContent-Length:");
  if (length_header != NULL)
    body_length = (gsize)g_ascii_strtoull (length_header + strlen ("\nContent-Length:"), NULL, 10);
  if (p->input->len < header_length + body_length)
    return G_SOURCE_CONTINUE;

  ms = (double)(g_get_monotonic_time () - p->sent_at) / 1000.0;
  status = (guint)g_ascii_strtoull (p->input->str + strlen ("HTTP/1.1 "), NULL, 10);
  close = g_strstr_len (p->input->str, (gssize)header_length, "\nConnection: close") != NULL;
  retry_after = g_strstr_len (p->input->str, (gssize)header_length, "\nRetry-After:");
  g_string_erase (p->input, 0, (gssize)(header_length + body_length));

  if (status == 429)
    {
      guint seconds
        = retry_after != NULL
            ? (guint)g_ascii_strtoull (retry_after + strlen ("\nRetry-After:"), NULL, 10)
            : 1;

      bench->n_waits++;
      g_clear_pointer (&p->source, g_source_unref);
      light_close (p);
      g_timeout_add (MAX (seconds, 1) * 1000 + (guint)g_random_int_range (0, 500), light_again_cb,
                     p);
      return G_SOURCE_REMOVE;
    }
  if (status != 200)
    {
      g_autofree char *why = g_strdup_printf ("HTTP %u", status);

      g_clear_pointer (&p->source, g_source_unref);
      light_fail (p, why);
      return G_SOURCE_REMOVE;
    }

  g_array_append_val (bench->latencies[KIND_PUT], ms);
  if (close)
    {
      g_clear_pointer (&p->source, g_source_unref);
      light_close (p);
      next_put (p);
      return G_SOURCE_REMOVE;
    }
  next_put (p);
  return G_SOURCE_CONTINUE;
}

/* Sends p->request, on a new connection if it has none. */
static void
light_send (Participant *p)
{
  Bench *bench = p->bench;
  g_autoptr (GError) error = NULL;
  gsize length = strlen (p->request);
  gsize sent = 0;

  if (p->socket == NULL)
    {
      p->socket
        = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
      if (p->socket == NULL || !g_socket_bind (p->socket, p->local, FALSE, &error)
          || !g_socket_connect (p->socket, bench->remote, NULL, &error))
        {
          light_fail (p, error->message);
          return;
        }
      g_socket_set_blocking (p->socket, FALSE);
      p->source = g_socket_create_source (p->socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
      g_source_set_callback (p->source, (GSourceFunc)(void (*) (void))light_readable_cb, p, NULL);
      g_source_attach (p->source, NULL);
    }

  p->sent_at = g_get_monotonic_time ();
  /* A request is a few hundred bytes: the socket's buffer takes it whole,
   * unless the room has stopped reading, which is then a failure. */
  while (sent < length)
    {
      gssize n = g_socket_send (p->socket, p->request + sent, length - sent, NULL, &error);

      if (n < 0)
        {
          light_fail (p, error->message);
          return;
        }
      sent += (gsize)n;
    }
}

static void
light_put (Participant *p, const char *body)
{
  g_free (p->request);
  p->request = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\n"
                                "Host: %s\r\n"
                                "Authorization: Bearer %s\r\n"
                                "Content-Type: application/json\r\n"
                                "Content-Length: %zu\r\n"
                                "\r\n%s",
                                p->bench->authority, p->token, strlen (body), body);
  if (p->input == NULL)
    p->input = g_string_new (NULL);
  light_send (p);
}

/* The callback of every request: record, then send the participant's next. */
static void
request_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Participant *p = user_data;
  Bench *bench = p->bench;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) reply
    = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  double ms = (double)(g_get_monotonic_time () - p->sent_at) / 1000.0;

  /* Over a limit: wait as long as the room says, and a little more at
   * random, as the page does.  The latency is the answer's to the
   * request sent again; the whole room's time counts the wait. */
  if (error == NULL && soup_message_get_status (msg) == 429)
    {
      const char *retry_after
        = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");
      guint seconds = retry_after != NULL ? (guint)g_ascii_strtoull (retry_after, NULL, 10) : 1;

      bench->n_waits++;
      g_timeout_add (MAX (seconds, 1) * 1000 + (guint)g_random_int_range (0, 500), send_again_cb,
                     p);
      return;
    }

  if (error != NULL || soup_message_get_status (msg) != 200)
    {
      g_printerr ("participant %u: %s failed: %s\n", p->index, kind_names[p->kind],
                  error != NULL ? error->message : soup_message_get_reason_phrase (msg));
      bench->n_failed++;
      bench->n_done++;
      return;
    }
  g_array_append_val (bench->latencies[p->kind], ms);

  switch (p->kind)
    {
      case KIND_PAGE:
        if (++p->page_step < G_N_ELEMENTS (page_files))
          send_request (p, KIND_PAGE, "GET", page_files[p->page_step], NULL);
        else
          send_join (p);
        return;
      case KIND_JOIN:
        {
          g_autoptr (JsonParser) parser = json_parser_new ();
          gsize length;
          const char *data = g_bytes_get_data (reply, &length);
          JsonObject *object;

          g_assert_true (json_parser_load_from_data (parser, data, (gssize)length, NULL));
          object = json_node_get_object (json_parser_get_root (parser));
          p->token = g_strdup (json_object_get_string_member (object, "token"));
          p->id = g_strdup (json_object_get_string_member (object, "participant"));
          send_request (p, KIND_DECK, "GET", "/api/deck", NULL);
        }
        return;
      case KIND_DECK:
      case KIND_PUT:
        next_put (p);
        return;
      case KIND_ME:
      default:
        bench->n_done++;
        return;
    }
}

/* The participant's next PUT, or the last GET once all are answered. */
static void
next_put (Participant *p)
{
  Bench *bench = p->bench;
  guint n = bench->n_behaviours;
  guint n_puts = bench->batch ? 2 : 2 * n;
  g_autofree char *body = NULL;

  if (p->step >= n_puts)
    {
      light_close (p);
      send_request (p, KIND_ME, "GET", "/api/me", NULL);
      return;
    }

  if (bench->batch)
    body = answers_body (p, 0, n, p->step == 0);
  else
    body = answers_body (p, p->step % n, 1, p->step < n);
  p->step++;
  if (bench->light)
    light_put (p, body);
  else
    send_request (p, KIND_PUT, "PUT", "/api/answers", body);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted, double p)
{
  guint index;

  if (sorted->len == 0)
    return 0;
  index = (guint)MIN (sorted->len - 1, (p / 100.0) * sorted->len);
  return g_array_index (sorted, double, index);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *two_hats = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GSubprocess) host = NULL;
  g_autoptr (GDataInputStream) output = NULL;
  g_autoptr (ThSession) saved = NULL;
  g_autoptr (GFile) file = NULL;
  int participants = 200;
  gboolean batch = FALSE;
  gboolean one_address = FALSE;
  gboolean light = FALSE;
  Bench bench = { 0 };
  gint64 start, elapsed;
  guint n_requests = 0, n_checked = 0;
  const GOptionEntry entries[] = {
    { "participants", 0, 0, G_OPTION_ARG_INT, &participants, "Participants (1–250)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_NONE, &batch, "One PUT for all sorts, one for all ratings",
      NULL },
    { "light", 0, 0, G_OPTION_ARG_NONE, &light,
      "PUTs over plain sockets, a client that costs "
      "almost nothing",
      NULL },
    { "one-address", 0, 0, G_OPTION_ARG_NONE, &one_address,
      "Every phone from 127.0.0.1, loading the page first", NULL },
    { "two-hats", 0, 0, G_OPTION_ARG_FILENAME, &two_hats, "The program to host with", "PATH" },
    { NULL },
  };

  /* Loopback needs no proxy; libproxy only costs time here. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-room-load: %s\n", error->message);
      return 2;
    }
  /* One loopback address each, from 127.0.0.2 to 127.0.0.251. */
  if (participants < 1 || participants > 250)
    {
      g_printerr ("bench-room-load: --participants goes from 1 to 250\n");
      return 2;
    }
  if (two_hats == NULL)
    {
      g_autofree char *self_dir = g_path_get_dirname (argv[0]);

      two_hats = g_build_filename (self_dir, "..", "..", "src", "two-hats", NULL);
    }

  dir = g_dir_make_tmp ("two-hats-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.twohats", NULL);
  file = g_file_new_for_path (path);
  bench.deck = th_deck_new_builtin ();
  {
    g_autoptr (ThSession) session = th_session_new (bench.deck);

    th_session_save_to_file (session, file, &error);
    g_assert_no_error (error);
  }

  /* A room for every phone, whatever the app's setting. */
  host = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, two_hats, "--host", "--bind=127.0.0.1", "--port=0",
                           "--room-size=2000", path, NULL);
  if (host == NULL)
    {
      g_printerr ("bench-room-load: %s: %s\n", two_hats, error->message);
      return 1;
    }
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (host));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "join-url: "))
        bench.url = g_strdup (line + strlen ("join-url: "));
      else if (g_str_has_prefix (line, "join-code: "))
        bench.code = g_strdup (line + strlen ("join-code: "));
    }

  bench.n_behaviours = th_deck_get_n_behaviours (bench.deck);
  bench.n_participants = (guint)participants;
  bench.batch = batch;
  bench.light = light;
  {
    g_autoptr (GUri) uri = g_uri_parse (bench.url, G_URI_FLAGS_NONE, &error);
    g_autoptr (GInetAddress) address = NULL;

    g_assert_no_error (error);
    address = g_inet_address_new_from_string (g_uri_get_host (uri));
    g_assert_nonnull (address);
    bench.remote = g_inet_socket_address_new (address, (guint16)g_uri_get_port (uri));
    bench.authority = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  }
  bench.participants = g_new0 (Participant, bench.n_participants);
  for (guint k = 0; k < N_KINDS; k++)
    bench.latencies[k] = g_array_new (FALSE, FALSE, sizeof (double));

  g_print ("Room load: %u participants %s, %u cards each, %s, against `two-hats --host` "
           "(default limits)%s\n",
           bench.n_participants, one_address ? "behind one address" : "from an address each",
           bench.n_behaviours, batch ? "2 PUTs each (batch)" : "one PUT per tap",
           light ? ", PUTs over plain sockets" : "");

  start = g_get_monotonic_time ();
  for (guint i = 0; i < bench.n_participants; i++)
    {
      Participant *p = &bench.participants[i];
      g_autofree char *source
        = one_address ? g_strdup ("127.0.0.1") : g_strdup_printf ("127.0.0.%u", i + 2);
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (source);
      g_autoptr (GSocketAddress) local = g_inet_socket_address_new (inet, 0);

      p->bench = &bench;
      p->index = i;
      p->session = soup_session_new_with_options ("local-address", local, "timeout", 60, NULL);
      p->local = g_object_ref (local);
      if (one_address)
        send_request (p, KIND_PAGE, "GET", page_files[0], NULL);
      else
        send_join (p);
    }

  while (bench.n_done < bench.n_participants)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;

  g_print ("\n%-18s %8s %9s %9s %9s %9s\n", "request", "count", "p50 ms", "p95 ms", "p99 ms",
           "max ms");
  for (guint k = 0; k < N_KINDS; k++)
    {
      GArray *l = bench.latencies[k];

      g_array_sort (l, compare_doubles);
      n_requests += l->len;
      g_print ("%-18s %8u %9.2f %9.2f %9.2f %9.2f\n", kind_names[k], l->len, percentile (l, 50),
               percentile (l, 95), percentile (l, 99), l->len > 0 ? percentile (l, 100) : 0);
    }
  g_print ("\n%u requests in %.2f s: %.0f requests/s; %u failed\n", n_requests,
           (double)elapsed / G_USEC_PER_SEC, n_requests / ((double)elapsed / G_USEC_PER_SEC),
           bench.n_failed);
  g_print ("The whole room: %u phones done in %.2f s, %u times asked to wait (429)\n",
           bench.n_participants - bench.n_failed, (double)elapsed / G_USEC_PER_SEC, bench.n_waits);

  /* Stop the host the way Ctrl+C does, then read the file back. */
  g_subprocess_send_signal (host, SIGTERM);
  g_subprocess_wait (host, NULL, NULL);

  saved = th_session_new_from_file (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < bench.n_participants; i++)
    {
      Participant *p = &bench.participants[i];
      ThParticipant *participant
        = p->id != NULL ? th_session_lookup_participant (saved, p->id) : NULL;

      if (participant == NULL)
        continue;
      for (guint b = 0; b < bench.n_behaviours; b++)
        {
          const char *id = th_behaviour_get_id (th_deck_get_behaviour (bench.deck, b));
          ThSide side;

          if (th_participant_get_sort (participant, id, &side) && side == side_for (i, b)
              && th_participant_get_rating (participant, id) == rating_for (i, b))
            n_checked++;
        }
    }
  g_print ("Saved: %u of %u answers (%u participants x %u cards, sorted and rated) are in the "
           "session file\n",
           n_checked, bench.n_participants * bench.n_behaviours, bench.n_participants,
           bench.n_behaviours);

  for (guint i = 0; i < bench.n_participants; i++)
    {
      g_clear_object (&bench.participants[i].session);
      g_clear_object (&bench.participants[i].msg);
      light_close (&bench.participants[i]);
      g_clear_object (&bench.participants[i].local);
      g_free (bench.participants[i].request);
      if (bench.participants[i].input != NULL)
        g_string_free (bench.participants[i].input, TRUE);
      g_free (bench.participants[i].token);
      g_free (bench.participants[i].id);
    }
  g_free (bench.participants);
  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (bench.latencies[k]);
  g_clear_object (&bench.deck);
  g_unlink (path);
  g_rmdir (dir);
  g_free (bench.url);
  g_free (bench.authority);
  g_clear_object (&bench.remote);
  g_free (bench.code);

  return bench.n_failed == 0 && n_checked == bench.n_participants * bench.n_behaviours ? 0 : 1;
}
