/* bench-room.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A room full of phones against `two-hats --host`: N participants join
 * with the code, fetch the deck, sort every card and rate every card one
 * answer at a time, as the participant page sends them (one PUT in flight
 * per phone, a pause to think between taps), while polling /api/state
 * every two seconds as the page does.  Each participant talks from its
 * own loopback address (127.0.0.2, 127.0.0.3, …), as phones in a room
 * each have their own, so the server's per-address limits apply to each
 * phone and not to the whole room.
 *
 *   bench-room --url=http://127.0.0.1:PORT/ --code=CODE [--participants=200]
 *
 * It prints, per kind of request, the count and the 50th and 99th
 * percentile of the latency in milliseconds, and exits 1 if any request
 * failed. */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum
{
  KIND_JOIN,
  KIND_DECK,
  KIND_ANSWER,
  KIND_STATE,
  N_KINDS
} Kind;

static const char *const kind_names[N_KINDS] = { "join", "deck", "answers", "state" };

typedef struct _Bench Bench;

typedef struct
{
  Bench *bench;
  guint index;
  SoupSession *session;
  char *authorization;
  guint step; /* answers sent: sorts first, then ratings */
  guint think_source;
  guint poll_source;
  gboolean finished;
} Participant;

struct _Bench
{
  GMainLoop *loop;
  GRand *rand;
  char *url;
  char *code;
  guint think_ms;
  guint poll_ms;
  GPtrArray *ids;             /* behaviour ids, from the first GET /api/deck */
  GArray *latencies[N_KINDS]; /* of double, ms */
  Participant *participants;
  guint n_participants;
  guint n_finished;
  guint n_errors;
};

typedef struct
{
  Participant *participant;
  Kind kind;
  gint64 start_us;
  SoupMessage *message;
} Request;

static void schedule_answer (Participant *participant);
static void participant_finish (Participant *participant);

static void send_request (Participant *participant, Kind kind, const char *method, const char *path,
                          const char *body, GAsyncReadyCallback callback);

static void
fail (Participant *participant, const char *what, guint status)
{
  Bench *bench = participant->bench;

  if (bench->n_errors++ < 10)
    g_printerr ("bench-room: participant %u: %s: HTTP %u\n", participant->index, what, status);
  participant_finish (participant);
}

static JsonNode *
finish_request (Request *request, GAsyncResult *result, guint *status)
{
  Bench *bench = request->participant->bench;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  double ms;

  body = soup_session_send_and_read_finish (request->participant->session, result, &error);
  ms = (double)(g_get_monotonic_time () - request->start_us) / 1000.0;
  *status = error == NULL ? soup_message_get_status (request->message) : 0;
  if (error != NULL)
    g_printerr ("bench-room: %s\n", error->message);
  if (*status != SOUP_STATUS_OK)
    return NULL;

  g_array_append_val (bench->latencies[request->kind], ms);

  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    gsize length;
    const char *data = g_bytes_get_data (body, &length);

    if (!json_parser_load_from_data (parser, data, (gssize)length, NULL)
        || json_parser_get_root (parser) == NULL)
      return NULL;
    return json_node_copy (json_parser_get_root (parser));
  }
}

static void
request_free (Request *request)
{
  g_object_unref (request->message);
  g_free (request);
}

static gboolean poll_cb (gpointer user_data);

static void
state_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  Participant *participant = request->participant;
  g_autoptr (JsonNode) node = NULL;
  guint status;

  node = finish_request (request, result, &status);
  request_free (request);
  if (node == NULL)
    {
      fail (participant, "GET /api/state", status);
      return;
    }

  /* Like the page: the next poll is timed from this answer. */
  if (!participant->finished)
    participant->poll_source = g_timeout_add (participant->bench->poll_ms, poll_cb, participant);
}

static gboolean
poll_cb (gpointer user_data)
{
  Participant *participant = user_data;

  participant->poll_source = 0;
  send_request (participant, KIND_STATE, "GET", "api/state", NULL, state_done_cb);
  return G_SOURCE_REMOVE;
}

static void
answer_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  Participant *participant = request->participant;
  g_autoptr (JsonNode) node = NULL;
  guint status;

  node = finish_request (request, result, &status);
  request_free (request);
  if (node == NULL)
    {
      fail (participant, "PUT /api/answers", status);
      return;
    }

  participant->step++;
  if (participant->step == 2 * participant->bench->ids->len)
    participant_finish (participant);
  else
    schedule_answer (participant);
}

static gboolean
answer_cb (gpointer user_data)
{
  Participant *participant = user_data;
  Bench *bench = participant->bench;
  guint n = bench->ids->len;
  guint card = participant->step % n;
  const char *id = g_ptr_array_index (bench->ids, card);
  g_autofree char *body = NULL;

  participant->think_source = 0;
  if (participant->step < n)
    body = g_strdup_printf ("{\"sort\": {\"%s\": \"%s\"}}", id,
                            (participant->index + card) % 3 == 0 ? "management" : "leadership");
  else
    body = g_strdup_printf ("{\"ratings\": {\"%s\": %u}}", id,
                            1 + (participant->index * 7 + card) % 5);

  send_request (participant, KIND_ANSWER, "PUT", "api/answers", body, answer_done_cb);
  return G_SOURCE_REMOVE;
}

static void
schedule_answer (Participant *participant)
{
  Bench *bench = participant->bench;
  guint pause
    = bench->think_ms / 2 + (guint)g_rand_int_range (bench->rand, 0, (gint32)bench->think_ms + 1);

  participant->think_source = g_timeout_add (pause, answer_cb, participant);
}

static void
deck_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  Participant *participant = request->participant;
  Bench *bench = participant->bench;
  g_autoptr (JsonNode) node = NULL;
  guint status;

  node = finish_request (request, result, &status);
  request_free (request);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (participant, "GET /api/deck", status);
      return;
    }

  if (bench->ids->len == 0)
    {
      JsonArray *behaviours
        = json_object_get_array_member (json_node_get_object (node), "behaviours");

      for (guint i = 0; behaviours != NULL && i < json_array_get_length (behaviours); i++)
        {
          JsonObject *behaviour = json_array_get_object_element (behaviours, i);

          g_ptr_array_add (bench->ids, g_strdup (json_object_get_string_member (behaviour, "id")));
        }
      if (bench->ids->len == 0)
        g_error ("GET /api/deck: no behaviours");
    }

  participant->poll_source = g_timeout_add (bench->poll_ms, poll_cb, participant);
  schedule_answer (participant);
}

static void
join_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  Participant *participant = request->participant;
  g_autoptr (JsonNode) node = NULL;
  guint status;
  const char *token;

  node = finish_request (request, result, &status);
  request_free (request);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || (token
          = json_object_get_string_member_with_default (json_node_get_object (node), "token", NULL))
           == NULL)
    {
      fail (participant, "POST /api/join", status);
      return;
    }

  participant->authorization = g_strconcat ("Bearer ", token, NULL);
  send_request (participant, KIND_DECK, "GET", "api/deck", NULL, deck_done_cb);
}

static gboolean
join_cb (gpointer user_data)
{
  Participant *participant = user_data;
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Phone %u\"}",
                                           participant->bench->code, participant->index + 1);

  participant->think_source = 0;
  send_request (participant, KIND_JOIN, "POST", "api/join", body, join_done_cb);
  return G_SOURCE_REMOVE;
}

static void
send_request (Participant *participant, Kind kind, const char *method, const char *path,
              const char *body, GAsyncReadyCallback callback)
{
  Bench *bench = participant->bench;
  g_autofree char *uri = g_strconcat (bench->url, path, NULL);
  Request *request = g_new0 (Request, 1);

  request->participant = participant;
  request->kind = kind;
  request->message = soup_message_new (method, uri);
  if (participant->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                  "Authorization", participant->authorization);
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  request->start_us = g_get_monotonic_time ();
  soup_session_send_and_read_async (participant->session, request->message, G_PRIORITY_DEFAULT,
                                    NULL, callback, request);
}

static void
participant_finish (Participant *participant)
{
  Bench *bench = participant->bench;

  if (participant->finished)
    return;

  participant->finished = TRUE;
  g_clear_handle_id (&participant->think_source, g_source_remove);
  g_clear_handle_id (&participant->poll_source, g_source_remove);
  if (++bench->n_finished == bench->n_participants)
    g_main_loop_quit (bench->loop);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Nearest rank: the smallest value with at least @p of the values at or
 * below it. */
static double
percentile (GArray *values, double p)
{
  guint rank;

  if (values->len == 0)
    return 0.0;
  rank = (guint)((p / 100.0) * values->len + 0.999999);
  rank = CLAMP (rank, 1, values->len);
  return g_array_index (values, double, rank - 1);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;
  int n_participants = 200;
  int think_ms = 300;
  int poll_ms = 2000;
  int ramp_ms = 2000;
  gboolean one_address = FALSE;
  Bench bench = { 0 };
  gint64 start_us;
  double seconds;
  guint n_requests = 0;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "The join URL two-hats --host printed", "URL" },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, "The join code", "CODE" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &n_participants, "Phones in the room", "N" },
    { "think-ms", 0, 0, G_OPTION_ARG_INT, &think_ms, "Mean pause between taps", "MS" },
    { "poll-ms", 0, 0, G_OPTION_ARG_INT, &poll_ms, "Pause between state polls", "MS" },
    { "ramp-ms", 0, 0, G_OPTION_ARG_INT, &ramp_ms, "Joins spread over this time", "MS" },
    { "one-address", 0, 0, G_OPTION_ARG_NONE, &one_address,
      "Every phone from 127.0.0.1 (the server's per-address limits then refuse)", NULL },
    { NULL },
  };

  context = g_option_context_new ("— participants' phones against two-hats --host");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || url == NULL || code == NULL
      || n_participants < 1 || n_participants > 250 || think_ms < 0 || poll_ms < 1)
    {
      g_printerr ("bench-room: %s\n",
                  error != NULL ? error->message : "--url and --code are required (1–250 phones)");
      return 2;
    }

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.rand = g_rand_new_with_seed (42);
  bench.url = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
  bench.code = g_strdup (code);
  bench.think_ms = (guint)think_ms;
  bench.poll_ms = (guint)poll_ms;
  bench.ids = g_ptr_array_new_with_free_func (g_free);
  bench.n_participants = (guint)n_participants;
  bench.participants = g_new0 (Participant, bench.n_participants);
  for (guint k = 0; k < N_KINDS; k++)
    bench.latencies[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < bench.n_participants; i++)
    {
      Participant *participant = &bench.participants[i];
      g_autofree char *address = g_strdup_printf ("127.0.0.%u", i + 2);
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address);
      g_autoptr (GSocketAddress) local = g_inet_socket_address_new (inet, 0);

      participant->bench = &bench;
      participant->index = i;
      /* A phone's browser: one connection kept alive, timeouts generous
       * enough that a slow save shows as latency, not as an error. */
      participant->session = g_object_new (SOUP_TYPE_SESSION, "max-conns-per-host", 2, "timeout",
                                           30, "local-address", one_address ? NULL : local, NULL);
      participant->think_source = g_timeout_add (
        (guint)(((guint64)ramp_ms * i) / bench.n_participants), join_cb, participant);
    }

  start_us = g_get_monotonic_time ();
  g_main_loop_run (bench.loop);
  seconds = (double)(g_get_monotonic_time () - start_us) / 1e6;

  for (guint k = 0; k < N_KINDS; k++)
    {
      GArray *values = bench.latencies[k];

      g_array_sort (values, compare_doubles);
      n_requests += values->len;
      printf ("%s n=%u p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", kind_names[k], values->len,
              percentile (values, 50), percentile (values, 99),
              values->len > 0 ? g_array_index (values, double, values->len - 1) : 0.0);
    }
  printf ("total requests=%u errors=%u seconds=%.2f participants=%u cards=%u\n", n_requests,
          bench.n_errors, seconds, bench.n_participants, bench.ids->len);

  for (guint i = 0; i < bench.n_participants; i++)
    {
      g_clear_object (&bench.participants[i].session);
      g_free (bench.participants[i].authorization);
    }
  g_free (bench.participants);
  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (bench.latencies[k]);
  g_ptr_array_unref (bench.ids);
  g_rand_free (bench.rand);
  g_main_loop_unref (bench.loop);
  g_free (bench.url);
  g_free (bench.code);

  return bench.n_errors > 0 ? 1 : 0;
}
