/* test-room-server.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The room protocol (docs/room-protocol.md) against a real server on
 * 127.0.0.1, port 0, spoken to over real sockets. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-room-secret.h"
#include "th-room-test-utils.h"

/* Most tests simulate several people from one address (127.0.0.1); the
 * per-address rate limit is raised for them and tested on its own. */
static const ThRoomTestOptions generous = { 10000, 10000, 500, FALSE };

typedef struct
{
  ThRoomTestServer *server;
  SoupSession *session;
  ThDeck *deck;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const ThRoomTestOptions *options = data != NULL ? data : &generous;

  f->server = th_room_test_server_new (options);
  f->session = th_room_test_session_new ();
  f->deck = th_deck_new_builtin ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->deck);
  g_clear_pointer (&f->server, th_room_test_server_free);
}

static const char *
url (Fixture *f)
{
  return th_room_test_server_get_url (f->server);
}

static const char *
code (Fixture *f)
{
  return th_room_test_server_get_code (f->server);
}

static ThRoomReply *
request (Fixture *f, const char *method, const char *path, const char *token, const char *body)
{
  return th_room_request (f->session, url (f), method, path, token, body, -1);
}

static ThSession *
load_saved_session (Fixture *f)
{
  g_autoptr (GFile) file = g_file_new_for_path (th_room_test_server_get_path (f->server));
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  return session;
}

static JsonObject *
reply_object (ThRoomReply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

static void
assert_error_reply (ThRoomReply *reply, guint status)
{
  const char *message;

  g_assert_cmpuint (reply->status, ==, status);
  message = th_room_reply_get_string (reply, "error");
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
}

/* The page */

static void
test_page (Fixture *f, gconstpointer data)
{
  g_autoptr (ThRoomReply) page = request (f, "GET", "/", NULL, NULL);
  g_autoptr (ThRoomReply) script = request (f, "GET", "/app.js", NULL, NULL);
  g_autoptr (ThRoomReply) style = request (f, "GET", "/app.css", NULL, NULL);
  g_autoptr (ThRoomReply) advice = request (f, "GET", "/advice.js", NULL, NULL);
  g_autoptr (ThRoomReply) missing = request (f, "GET", "/etc/passwd", NULL, NULL);
  g_autofree char *html = NULL;
  const char *csp;
  gsize length;
  const char *data_html;

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (page->headers, NULL), ==, "text/html");
  csp = soup_message_headers_get_one (page->headers, "Content-Security-Policy");
  g_assert_nonnull (csp);
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_nonnull (strstr (csp, "script-src 'self'"));
  g_assert_null (strstr (csp, "unsafe-inline"));
  g_assert_cmpstr (soup_message_headers_get_one (page->headers, "X-Content-Type-Options"), ==,
                   "nosniff");
  g_assert_cmpstr (soup_message_headers_get_one (page->headers, "Referrer-Policy"), ==,
                   "no-referrer");

  /* Every script is a file of ours: no inline code, nothing from elsewhere. */
  data_html = g_bytes_get_data (page->body, &length);
  html = g_strndup (data_html, length);
  for (const char *p = strstr (html, "<script"); p != NULL; p = strstr (p + 1, "<script"))
    g_assert_true (g_str_has_prefix (p, "<script src=\"/"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, " style="));

  g_assert_cmpuint (script->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (script->headers, NULL), ==,
                   "text/javascript");
  g_assert_cmpuint (style->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (style->headers, NULL), ==, "text/css");
  g_assert_cmpuint (missing->status, ==, 404);

  /* The quadrants' names and next steps, made from the app's own text:
   * English as the chart says it, German in the form the page uses. */
  g_assert_cmpuint (advice->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (advice->headers, NULL), ==,
                   "text/javascript");
  {
    gsize size;
    const char *bytes = g_bytes_get_data (advice->body, &size);
    g_autofree char *text = g_strndup (bytes, size);

    g_assert_nonnull (strstr (text, "\"Practise the management hat\""));
    g_assert_nonnull (strstr (text, "\"Leadership-driven\""));
    g_assert_nonnull (strstr (text, "\"Mach aus deiner nächsten Idee einen Plan mit drei bis fünf "
                                    "Schritten, jeweils mit einer verantwortlichen Person und "
                                    "einem Termin.\""));
    g_assert_null (strstr (text, "Ihrer"));
  }
}

/* Joining */

static void
test_join (Fixture *f, gconstpointer data)
{
  g_autofree char *lower = g_ascii_strdown (code (f), -1);
  g_autofree char *spaced
    = g_strdup_printf ("{\"code\": \" %.3s %s\", \"name\": \"  Ana  \"}", lower, lower + 3);
  g_autoptr (ThRoomReply) named = request (f, "POST", "/api/join", NULL, spaced);
  g_autofree char *anonymous_body = g_strdup_printf ("{\"code\": \"%s\"}", code (f));
  g_autoptr (ThRoomReply) anonymous = request (f, "POST", "/api/join", NULL, anonymous_body);
  g_autofree char *blank_body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"   \"}", code (f));
  g_autoptr (ThRoomReply) blank = request (f, "POST", "/api/join", NULL, blank_body);
  g_autoptr (ThRoomReply) me = NULL;
  g_autoptr (ThSession) saved = NULL;
  const char *token;

  g_assert_cmpuint (named->status, ==, 200);
  token = th_room_reply_get_string (named, "token");
  g_assert_true (th_room_token_is_well_formed (token));
  g_assert_cmpstr (th_room_reply_get_string (named, "participant"), ==, "p1");
  g_assert_cmpstr (th_room_reply_get_string (named, "name"), ==, "Ana");
  g_assert_cmpstr (soup_message_headers_get_one (named->headers, "Cache-Control"), ==, "no-store");

  /* Staying anonymous: no name, or only spaces. */
  g_assert_cmpuint (anonymous->status, ==, 200);
  g_assert_cmpstr (th_room_reply_get_string (anonymous, "name"), ==, "Participant 2");
  g_assert_cmpuint (blank->status, ==, 200);
  g_assert_cmpstr (th_room_reply_get_string (blank, "name"), ==, "Participant 3");
  g_assert_cmpstr (th_room_reply_get_string (anonymous, "token"), !=, token);

  me = request (f, "GET", "/api/me", token, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (th_room_reply_get_string (me, "participant"), ==, "p1");
  g_assert_cmpstr (th_room_reply_get_string (me, "status"), ==, "joined");

  /* A join is in the file before its 200. */
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 3);
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (saved, "p1")), ==,
                   "Ana");
}

static void
test_join_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *wrong = g_strdup (code (f));
  g_autofree char *body = NULL;
  g_autofree char *long_name = NULL;
  g_autofree char *control_name = NULL;
  g_autoptr (ThSession) saved = NULL;
  const char *wrong_codes[] = { "", "ABC", "O0I1O0", "ABCDEFG", "AB\\nCDE", NULL };

  /* Change one character to another of the alphabet. */
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Eve\"}", wrong);
  {
    g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, body);

    assert_error_reply (reply, 403);
    g_assert_null (th_room_reply_get_string (reply, "token"));
  }

  for (guint i = 0; wrong_codes[i] != NULL; i++)
    {
      g_autofree char *b = g_strdup_printf ("{\"code\": \"%s\"}", wrong_codes[i]);
      g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, b);

      assert_error_reply (reply, 403);
    }

  /* Malformed requests are 400, not 403: nothing was guessed. */
  {
    const char *bad[]
      = { "{}", "{\"code\": 123456}", "[]", "\"ABCDEF\"", "{\"code\": null}", "not json", NULL };

    for (guint i = 0; bad[i] != NULL; i++)
      {
        g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, bad[i]);

        assert_error_reply (reply, 400);
      }
  }

  long_name = g_strnfill (101, 'x');
  control_name = g_strdup ("Eve\\u0007");
  {
    const char *names[] = { long_name, control_name, NULL };

    for (guint i = 0; names[i] != NULL; i++)
      {
        g_autofree char *b
          = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"%s\"}", code (f), names[i]);
        g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, b);

        assert_error_reply (reply, 400);
      }
    g_autofree char *b = g_strdup_printf ("{\"code\": \"%s\", \"name\": 42}", code (f));
    g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, b);

    assert_error_reply (reply, 400);
  }

  /* A name of 100 characters of any script is fine, and comes back as
   * it was sent: escaping is the page's business (textContent). */
  {
    g_autoptr (GString) name = g_string_new (NULL);
    g_autofree char *token = NULL;
    g_autoptr (ThRoomReply) me = NULL;

    for (guint i = 0; i < 25; i++)
      g_string_append (name, "<é\"🎩");
    g_assert_cmpuint (g_utf8_strlen (name->str, -1), ==, 100);
    token = th_room_join (f->session, url (f), code (f), name->str, NULL);
    me = request (f, "GET", "/api/me", token, NULL);
    g_assert_cmpstr (th_room_reply_get_string (me, "name"), ==, name->str);
  }

  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 1);
}

static void
set_locked_cb (ThRoomServer *server, gpointer data)
{
  th_room_server_set_locked (server, GPOINTER_TO_INT (data));
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  g_autofree char *inside = th_room_join (f->session, url (f), code (f), "Inside", NULL);
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Late\"}", code (f));
  g_autofree char *late = NULL;

  th_room_test_server_call (f->server, set_locked_cb, GINT_TO_POINTER (TRUE));
  {
    g_autoptr (ThRoomReply) refused = request (f, "POST", "/api/join", NULL, body);
    g_autoptr (ThRoomReply) state = request (f, "GET", "/api/state", inside, NULL);
    g_autoptr (ThRoomReply) answered = NULL;
    g_autofree char *answers = th_room_answers_for_seed (f->deck, 1);

    assert_error_reply (refused, 423);
    g_assert_null (th_room_reply_get_string (refused, "token"));

    /* Those already in go on. */
    g_assert_cmpuint (state->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (reply_object (state), "locked"));
    answered = request (f, "PUT", "/api/answers", inside, answers);
    g_assert_cmpuint (answered->status, ==, 200);
  }

  th_room_test_server_call (f->server, set_locked_cb, GINT_TO_POINTER (FALSE));
  late = th_room_join (f->session, url (f), code (f), "Late", NULL);
  g_assert_nonnull (late);
}

/* Tokens */

static void
remove_participant_cb (ThRoomServer *server, gpointer data)
{
  g_assert_true (th_room_server_remove_participant (server, data));
}

static void
test_tokens (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  g_autofree char *forged = NULL;
  g_autofree char *answers = th_room_answers_for_seed (f->deck, 2);
  g_autofree char *upper = g_ascii_strup (token, -1);
  g_autofree char *longer = g_strconcat (token, "0", NULL);
  g_autofree char *shorter = g_strndup (token, TH_ROOM_TOKEN_LENGTH - 1);
  const char *paths[][2] = {
    { "GET", "/api/deck" },    { "GET", "/api/me" },       { "GET", "/api/state" },
    { "PUT", "/api/answers" }, { "GET", "/api/anything" },
  };

  forged = th_room_new_token (NULL);
  g_assert_nonnull (forged);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *tokens[] = { NULL, forged, upper, longer, shorter, "", "../../", NULL };
      const char *body = strcmp (paths[i][0], "PUT") == 0 ? answers : NULL;

      /* NULL first: the loop checks the missing token, then the others. */
      for (guint j = 0; j == 0 || tokens[j] != NULL; j++)
        {
          g_autoptr (ThRoomReply) reply = request (f, paths[i][0], paths[i][1], tokens[j], body);

          assert_error_reply (reply, 401);
        }
    }

  /* Another scheme than Bearer. */
  {
    g_autofree char *full = g_strconcat (url (f), "api/me", NULL);
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", full);
    g_autofree char *basic = g_strconcat ("Basic ", token, NULL);
    g_autoptr (GBytes) body = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", basic);
    body = soup_session_send_and_read (f->session, msg, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
  }

  /* The real one works, until the facilitator removes its holder. */
  {
    g_autoptr (ThRoomReply) reply = request (f, "GET", "/api/me", token, NULL);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  th_room_test_server_call (f->server, remove_participant_cb, id);
  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, answers);
    g_autoptr (ThSession) saved = load_saved_session (f);

    assert_error_reply (reply, 401);
    g_assert_null (th_session_lookup_participant (saved, id));
    /* The phone is told why, so that it does not join again by itself. */
    g_assert_cmpstr (th_room_reply_get_string (reply, "reason"), ==, "removed");
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==,
                     "The facilitator removed you from the room.");
    g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"), ==,
                     "Bearer");
  }
  /* A token the room never gave says nothing of the sort. */
  {
    g_autoptr (ThRoomReply) reply = request (f, "GET", "/api/me", forged, NULL);

    assert_error_reply (reply, 401);
    g_assert_null (th_room_reply_get_string (reply, "reason"));
  }
}

/* The join limit over HTTP: forty phones behind one address join one
 * after another, the next is told to wait (429, Retry-After, the reason)
 * and counted on the door, and nothing of it joined. */
static void
set_join_limit_cb (ThRoomServer *server, gpointer data)
{
  /* Forty saved up, and so few a minute that none comes back while the
   * test runs. */
  th_room_door_set_join_limit (th_room_server_get_door (server), 0.001, 40);
}

static void
count_join_limit_cb (ThRoomServer *server, gpointer data)
{
  *(guint *)data
    = th_room_door_get_n_refused (th_room_server_get_door (server), TH_ROOM_REFUSED_JOIN_LIMIT);
}

static void
test_join_limit (Fixture *f, gconstpointer data)
{
  g_autoptr (ThSession) saved = NULL;
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Phone 41\"}", code (f));
  g_autoptr (ThRoomReply) reply = NULL;
  guint n_refused = 0;

  th_room_test_server_call (f->server, set_join_limit_cb, NULL);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Phone %u", i + 1);
      g_autofree char *token = th_room_join (f->session, url (f), code (f), name, NULL);

      g_assert_nonnull (token);
    }

  reply = request (f, "POST", "/api/join", NULL, body);
  assert_error_reply (reply, 429);
  g_assert_cmpstr (th_room_reply_get_string (reply, "reason"), ==, "join-limit");
  g_assert_null (th_room_reply_get_string (reply, "token"));
  g_assert_cmpuint (th_room_retry_after (reply->headers), >=, 1);

  th_room_test_server_call (f->server, count_join_limit_cb, &n_refused);
  g_assert_cmpuint (n_refused, ==, 1);
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 40);
}

/* What the join page reads before it joins, without a token. */
static void
set_generated_cb (ThRoomServer *server, gpointer data)
{
  th_room_door_set_generated_names (th_room_server_get_door (server), GPOINTER_TO_INT (data));
}

static void
test_room_info (Fixture *f, gconstpointer data)
{
  g_autoptr (ThRoomReply) typed = request (f, "GET", "/api/room", NULL, NULL);
  g_autoptr (ThRoomReply) generated = NULL;
  g_autoptr (ThRoomReply) me = NULL;
  g_autofree char *token = NULL;

  g_assert_cmpuint (typed->status, ==, 200);
  g_assert_cmpstr (th_room_reply_get_string (typed, "names"), ==, "typed");
  g_assert_cmpstr (soup_message_headers_get_one (typed->headers, "Cache-Control"), ==, "no-store");

  th_room_test_server_call (f->server, set_generated_cb, GINT_TO_POINTER (TRUE));
  generated = request (f, "GET", "/api/room", NULL, NULL);
  g_assert_cmpstr (th_room_reply_get_string (generated, "names"), ==, "generated");
  token = th_room_join (f->session, url (f), code (f), "Typed", NULL);
  me = request (f, "GET", "/api/me", token, NULL);
  g_assert_cmpstr (th_room_reply_get_string (me, "name"), !=, "Typed");
}

/* Answers */

static void
test_answers (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  const char *first = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  const char *second = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 1));
  g_autofree char *partial = g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}, "
                                              "\"ratings\": {\"%s\": 2}}",
                                              first, second);
  g_autofree char *more = g_strdup_printf ("{\"ratings\": {\"%s\": 5}}", first);
  g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, partial);
  g_autoptr (ThRoomReply) merged = request (f, "PUT", "/api/answers", token, more);
  g_autoptr (ThSession) saved = NULL;
  ThParticipant *participant;
  ThSide side;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Cache-Control"), ==, "no-store");
  object = reply_object (reply);
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (object, "sort"), first), ==,
    "management");

  /* A second request merges into the first. */
  g_assert_cmpuint (merged->status, ==, 200);
  object = reply_object (merged);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (object, "ratings"), first), ==, 5);
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (object, "ratings"), second), ==, 2);

  saved = load_saved_session (f);
  participant = th_session_lookup_participant (saved, id);
  g_assert_true (th_participant_get_sort (participant, first, &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (participant, first), ==, 5);
  g_assert_cmpint (th_participant_get_rating (participant, second), ==, 2);
}

static void
test_bad_answers (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  const char *valid = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *deep = NULL;
  g_autoptr (GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ThRoomReply) me = NULL;
  g_autoptr (ThSession) saved = NULL;
  JsonObject *object;

#define ADD(...) g_ptr_array_add (bodies, g_strdup_printf (__VA_ARGS__))
  /* Types */
  ADD ("not json at all");
  ADD ("[]");
  ADD ("\"sort\"");
  ADD ("{}");
  ADD ("{\"sort\": []}");
  ADD ("{\"sort\": \"leadership\"}");
  ADD ("{\"ratings\": [1, 2, 3]}");
  ADD ("{\"ratings\": 4}");
  ADD ("{\"sort\": {\"%s\": 1}}", valid);
  ADD ("{\"sort\": {\"%s\": true}}", valid);
  ADD ("{\"sort\": {\"%s\": {}}}", valid);
  ADD ("{\"ratings\": {\"%s\": \"4\"}}", valid);
  ADD ("{\"ratings\": {\"%s\": 4.5}}", valid);
  ADD ("{\"ratings\": {\"%s\": 4.0}}", valid);
  ADD ("{\"ratings\": {\"%s\": [4]}}", valid);
  ADD ("{\"ratings\": {\"%s\": false}}", valid);
  /* Values */
  ADD ("{\"sort\": {\"%s\": \"both\"}}", valid);
  ADD ("{\"sort\": {\"%s\": \"Leadership\"}}", valid);
  ADD ("{\"sort\": {\"%s\": \"\"}}", valid);
  ADD ("{\"ratings\": {\"%s\": 0}}", valid);
  ADD ("{\"ratings\": {\"%s\": 6}}", valid);
  ADD ("{\"ratings\": {\"%s\": -1}}", valid);
  ADD ("{\"ratings\": {\"%s\": 99999999999999999999}}", valid);
  /* Ids */
  ADD ("{\"sort\": {\"no-such-card\": \"leadership\"}}");
  ADD ("{\"sort\": {\"Not An Id\": \"leadership\"}}");
  ADD ("{\"sort\": {\"\": \"leadership\"}}");
  ADD ("{\"ratings\": {\"../../etc/passwd\": 3}}");
  ADD ("{\"ratings\": {\"%s\": 3}}",
       "a-very-long-id-that-goes-on-and-on-for-more-than-sixty-four-chars-x");
  /* One good entry and one bad: nothing may be merged. */
  ADD ("{\"sort\": {\"%s\": \"leadership\", \"no-such-card\": \"management\"}}", valid);
  ADD ("{\"sort\": {\"%s\": \"leadership\"}, \"ratings\": {\"%s\": 7}}", valid, valid);
  ADD ("{\"sort\": {\"%s\": \"leadership\"}, \"ratings\": {\"%s\": 6}}", valid, valid);
  /* Encoding and nesting */
  ADD ("{\"sort\": {\"%s\": \"leader\xffship\"}}", valid);
  ADD ("{\"sort\": {\"%s\": \"leadership\"}", valid);
#undef ADD
  deep = g_strnfill (20000, '[');
  g_ptr_array_add (bodies, g_strdup_printf ("{\"sort\": %s}", deep));

  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, bodies->pdata[i]);

      if (reply->status != 400)
        g_test_message ("body %u: %s", i, (const char *)bodies->pdata[i]);
      assert_error_reply (reply, 400);
    }

  /* A rating just out of range is refused with a message that names the
   * card and the range, before anything is applied. */
  {
    g_autofree char *body = g_strdup_printf ("{\"ratings\": {\"%s\": 6}}", valid);
    g_autofree char *expected = g_strdup_printf ("ratings.%s: 6 is not between 1 and 5.", valid);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, expected);
  }

  /* A number json-glib cannot hold is reported as too large, not as the
   * number it would have wrapped to (-1 for this one); the largest one it
   * holds is named with every digit; one below the smallest would have
   * read as 1, a valid rating. */
  {
    g_autofree char *body
      = g_strdup_printf ("{\"ratings\": {\"%s\": 99999999999999999999999999}}", valid);
    g_autofree char *expected = g_strdup_printf (
      "The request holds a number that is too large (line 1, column %u: the number "
      "99999999999999999999999999 is too large).",
      (guint)strlen (valid) + 18);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, expected);
  }
  {
    g_autofree char *body = g_strdup_printf ("{\"ratings\": {\"%s\": 9223372036854775807}}", valid);
    g_autofree char *expected
      = g_strdup_printf ("ratings.%s: 9223372036854775807 is not between 1 and 5.", valid);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, expected);
  }
  {
    g_autofree char *body
      = g_strdup_printf ("{\"ratings\": {\"%s\": -99999999999999999999}}", valid);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    assert_error_reply (reply, 400);
    g_assert_nonnull (strstr (th_room_reply_get_string (reply, "error"), "too large"));
  }

  /* A body with a NUL inside. */
  {
    static const char nul_body[] = "{\"sort\": {\"x\000\": \"leadership\"}}";
    g_autoptr (ThRoomReply) reply = th_room_request (f->session, url (f), "PUT", "/api/answers",
                                                     token, nul_body, sizeof nul_body - 1);

    assert_error_reply (reply, 400);
  }

  me = request (f, "GET", "/api/me", token, NULL);
  object = reply_object (me);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "sort")), ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "ratings")), ==,
                    0);
  saved = load_saved_session (f);
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_lookup_participant (saved, id)), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (th_session_lookup_participant (saved, id)), ==, 0);
}

/* The escape \u0000 in a join name, a card id or a rating's key: 400
 * with the reason, and nothing joins or changes (json-glib alone would
 * have ended each string there). */
static void
test_nul_escape (Fixture *f, gconstpointer data)
{
  static const char message[]
    = "The request contains the escape \\u0000 (a NUL character), which the room does not accept.";
  g_autofree char *join
    = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Ann\\u0000Eve\"}", code (f));
  g_autofree char *id = NULL;
  g_autofree char *token = NULL;
  g_autoptr (ThSession) saved = NULL;
  const char *answers[] = {
    "{\"sort\": {\"explain-the-why\\u0000junk\": \"leadership\"}}",
    "{\"ratings\": {\"explain-the-why\\u0000junk\": 4}}",
  };

  {
    g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, join);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, message);
    g_assert_null (th_room_reply_get_string (reply, "token"));
  }

  /* The octal escape \0, which json-glib also reads as the end of a
   * string, in the join code, in a name and in a card id: 400. */
  {
    g_autofree char *code_body = g_strdup_printf ("{\"code\": \"%s\\0\"}", code (f));
    g_autofree char *spaced_body = g_strdup_printf ("{\"code\": \"%s\\000\"}", code (f));
    g_autofree char *name_body
      = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Ann\\0Eve\"}", code (f));
    const char *bodies[] = { code_body, spaced_body, name_body };

    for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, bodies[i]);

        assert_error_reply (reply, 400);
        g_assert_null (th_room_reply_get_string (reply, "token"));
        g_assert_nonnull (
          strstr (th_room_reply_get_string (reply, "error"), "“\\0” is not an escape of JSON"));
      }
  }

  token = th_room_join (f->session, url (f), code (f), "Ann", &id);
  g_assert_nonnull (token);
  {
    g_autoptr (ThRoomReply) reply = request (
      f, "PUT", "/api/answers", token, "{\"sort\": {\"explain-the-why\\0junk\": \"leadership\"}}");

    assert_error_reply (reply, 400);
  }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, answers[i]);

      assert_error_reply (reply, 400);
      g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, message);
    }

  /* Only the plain join got in, with nothing sorted or rated. */
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 1);
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (saved, id)), ==, "Ann");
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_lookup_participant (saved, id)), ==, 0);
  g_assert_cmpuint (th_participant_get_n_rated (th_session_lookup_participant (saved, id)), ==, 0);
}

/* Sends @request on a new connection, without ending the sending side
 * (which would let the server close for that reason), and reads until the
 * server closes or @timeout_ms (stretched) pass.  *@closed says whether
 * the server closed the connection. */
static GBytes *
raw_exchange_until_closed (guint port, const char *request, gsize length, guint timeout_ms,
                           gboolean *closed)
{
  g_autoptr (GSocket) socket = th_room_connect_from (NULL, port);
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (timeout_ms) * 1000;
  g_autoptr (GByteArray) received = g_byte_array_new ();
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GError) error = NULL;

  g_socket_condition_timed_wait (socket, G_IO_OUT, deadline - g_get_monotonic_time (), NULL, NULL);
  g_socket_check_connect_result (socket, &error);
  g_assert_no_error (error);

  first = th_room_raw_exchange_on (socket, request, length, timeout_ms);
  g_byte_array_append (received, g_bytes_get_data (first, NULL), (guint)g_bytes_get_size (first));

  *closed = FALSE;
  while (g_get_monotonic_time () < deadline)
    {
      char buffer[4096];
      gssize n;

      if (!g_socket_condition_timed_wait (socket, G_IO_IN,
                                          MAX (deadline - g_get_monotonic_time (), 0), NULL, NULL))
        break;
      n = g_socket_receive_with_blocking (socket, buffer, sizeof buffer, FALSE, NULL, &error);
      if (n > 0)
        g_byte_array_append (received, (const guint8 *)buffer, (guint)n);
      else if (n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          *closed = TRUE;
          break;
        }
      g_clear_error (&error);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&received));
}

/* How many responses @response holds: lines that start with "HTTP/1.". */
static guint
count_responses (GBytes *response)
{
  g_autofree char *text
    = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  guint n = g_str_has_prefix (text, "HTTP/1.") ? 1 : 0;

  for (const char *p = text; (p = strstr (p, "\n"
                                             "HTTP/1."))
                             != NULL;
       p++)
    n++;

  return n;
}

/* The body of a raw response (after its head), as JSON, or NULL. */
static JsonNode *
raw_json_body (GBytes *response)
{
  g_autofree char *text
    = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  const char *body = strstr (text, "\r\n\r\n");

  if (body == NULL)
    return NULL;
  return json_from_string (body + 4, NULL);
}

/* Asserts that @response is one answer of @status with an error body, and
 * that the server closed the connection after it. */
static void
assert_status_and_closed (GBytes *response, gboolean closed, guint status)
{
  g_autoptr (JsonNode) body = raw_json_body (response);

  g_test_message ("%.*s", (int)MIN (g_bytes_get_size (response), 2000),
                  (const char *)g_bytes_get_data (response, NULL));
  g_assert_cmpuint (th_room_raw_status (response), ==, status);
  g_assert_cmpuint (count_responses (response), ==, 1);
  g_assert_nonnull (body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (body));
  g_assert_nonnull (
    json_object_get_string_member_with_default (json_node_get_object (body), "error", NULL));
  g_assert_true (closed);
}

static void
assert_refused_and_closed (GBytes *response, gboolean closed)
{
  assert_status_and_closed (response, closed, 400);
}

/* Content-Length is digits and nothing else, and a request with both it
 * and Transfer-Encoding is refused and its connection closed: what one
 * reader takes for its body another takes for a second request. */
static void
test_framing (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  guint port = th_room_test_server_get_port (f->server);
  const char *valid = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *rating = g_strdup_printf ("{\"ratings\": {\"%s\": 4}}", valid);
  g_autoptr (ThSession) saved = NULL;

  /* "+12" is no number of HTTP's. */
  {
    g_autofree char *raw = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                            "Authorization: Bearer %s\r\n"
                                            "Content-Length: +%u\r\n\r\n%s",
                                            port, token, (guint)strlen (rating), rating);
    gboolean closed;
    g_autoptr (GBytes) response
      = raw_exchange_until_closed (port, raw, strlen (raw), 5000, &closed);

    assert_refused_and_closed (response, closed);
  }

  /* A chunked body with a Content-Length, and a request after the end of
   * its chunks that the length covers: one 400, and the second request
   * is never read. */
  {
    g_autofree char *smuggled
      = g_strdup_printf ("0\r\n\r\nPUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                         "Authorization: Bearer %s\r\nContent-Length: %u\r\n\r\n%s",
                         port, token, (guint)strlen (rating), rating);
    g_autofree char *raw = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                            "Authorization: Bearer %s\r\n"
                                            "Content-Length: %u\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n%s",
                                            port, token, (guint)strlen (smuggled), smuggled);
    gboolean closed;
    g_autoptr (GBytes) response
      = raw_exchange_until_closed (port, raw, strlen (raw), 5000, &closed);

    assert_refused_and_closed (response, closed);
  }

  saved = load_saved_session (f);
  g_assert_cmpuint (th_participant_get_n_rated (th_session_lookup_participant (saved, id)), ==, 0);

  /* White space around the number is HTTP's own (OWS): taken. */
  {
    g_autofree char *raw = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                            "Authorization: Bearer %s\r\n"
                                            "Content-Length: \t %u \r\n\r\n%s",
                                            port, token, (guint)strlen (rating), rating);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, raw, strlen (raw), 5000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 200);
  }
}

/* What breaks the framing of HTTP, or what libsoup would answer with an
 * empty body, gets the protocol's error body and a closed connection:
 * nothing after it is read as another request. */
static void
test_http_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  guint port = th_room_test_server_get_port (f->server);
  const char *valid = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *rating = g_strdup_printf ("{\"ratings\": {\"%s\": 4}}", valid);
  g_autofree char *long_path = g_strnfill (70000, 'a');
  g_autofree char *long_value = g_strnfill (70 * 1024, 'b');
  /* {PORT}, {TOKEN}, {RATING}, {LENGTH} (of the rating), {PATH} and
   * {VALUE} stand for what the test fills in. */
  static const char smuggled[] = "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n"
                                 "Authorization: Bearer {TOKEN}\r\n"
                                 "Content-Length: {LENGTH}\r\n\r\n{RATING}";
  const struct
  {
    const char *request;
    guint status;
  } cases[] = {
    /* Content-Length that is not digits alone. */
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nContent-Length: abc\r\n\r\n", 400 },
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nContent-Length: 1e3\r\n\r\n", 400 },
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nContent-Length: 0x10\r\n\r\n", 400 },
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nContent-Length: 12, 12\r\n\r\n",
      400 },
    /* Host: none on HTTP/1.1, or one that is no host and port. */
    { "GET /api/room HTTP/1.1\r\n\r\n", 400 },
    { "GET /api/room HTTP/1.1\r\nHost: 127.0.0.1:+{PORT}\r\n\r\n", 400 },
    { "GET /api/room HTTP/1.1\r\nHost: 127.0.0.1:{PORT}, evil.example\r\n\r\n", 400 },
    /* A NUL byte in a header. */
    { "GET /api/room HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nX-A: a\\0b\r\n\r\n", 400 },
    /* Paths libsoup cannot read. */
    { "GET /% HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n\r\n", 400 },
    { "GET /%zz HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n\r\n", 400 },
    { "GET /app.js%00.png HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n\r\n", 400 },
    { "GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n\r\n", 400 },
    /* A transfer coding the room does not take. */
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nTransfer-Encoding: gzip\r\n\r\n",
      501 },
    /* Chunk sizes that are no numbers, with a request after them. */
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAuthorization: Bearer {TOKEN}\r\n"
      "Transfer-Encoding: chunked\r\n\r\nzz\r\n\r\n{SMUGGLED}",
      400 },
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAuthorization: Bearer {TOKEN}\r\n"
      "Transfer-Encoding: chunked\r\n\r\n-1\r\n\r\n{SMUGGLED}",
      400 },
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAuthorization: Bearer {TOKEN}\r\n"
      "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n\r\n{SMUGGLED}",
      400 },
    /* A chunk not followed by its line break. */
    { "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAuthorization: Bearer {TOKEN}\r\n"
      "Transfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n{SMUGGLED}",
      400 },
    /* A head larger than 64 KiB: the address, or the headers. */
    { "GET /{PATH} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\n\r\n", 414 },
    { "GET /api/room HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nX-Big: {VALUE}\r\n\r\n", 431 },
  };
  g_autoptr (ThSession) saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) raw = g_string_new (cases[i].request);
      g_autofree char *port_text = g_strdup_printf ("%u", port);
      g_autofree char *length_text = g_strdup_printf ("%u", (guint)strlen (rating));
      g_autoptr (GBytes) response = NULL;
      gboolean closed = FALSE;
      gsize nul;

      g_string_replace (raw, "{SMUGGLED}", smuggled, 0);
      g_string_replace (raw, "{PORT}", port_text, 0);
      g_string_replace (raw, "{TOKEN}", token, 0);
      g_string_replace (raw, "{LENGTH}", length_text, 0);
      g_string_replace (raw, "{RATING}", rating, 0);
      g_string_replace (raw, "{PATH}", long_path, 0);
      g_string_replace (raw, "{VALUE}", long_value, 0);
      /* "\0" in a case is a NUL byte on the wire. */
      for (nul = 0; nul + 1 < raw->len; nul++)
        if (raw->str[nul] == '\\' && raw->str[nul + 1] == '0')
          {
            g_string_erase (raw, (gssize)nul, 1);
            raw->str[nul] = '\0';
          }

      g_test_message ("case %u", i);
      response = raw_exchange_until_closed (port, raw->str, raw->len, 5000, &closed);
      assert_status_and_closed (response, closed, cases[i].status);
    }

  /* None of the requests after a broken body ran. */
  saved = load_saved_session (f);
  g_assert_cmpuint (th_participant_get_n_rated (th_session_lookup_participant (saved, id)), ==, 0);

  /* A chunked body of JSON's own, with an extension, is taken, and the
   * connection stays open for the next request. */
  {
    g_autofree char *raw = g_strdup_printf (
      "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nAuthorization: Bearer %s\r\n"
      "Transfer-Encoding: chunked\r\n\r\n%x;note=1\r\n%s\r\n0\r\n\r\n",
      port, token, (guint)strlen (rating), rating);
    g_autoptr (GBytes) response = NULL;
    gboolean closed = TRUE;

    response = raw_exchange_until_closed (port, raw, strlen (raw), 1000, &closed);
    g_assert_cmpuint (th_room_raw_status (response), ==, 200);
    g_assert_false (closed);
  }
}

/* A body is one JSON value with nothing but white space after it:
 * json-glib alone read "{…}{…}" as its first value and dropped the rest,
 * so what a phone sent and what was stored could differ. */
static void
test_one_value (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  const char *valid = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *first = g_strdup_printf ("{\"ratings\": {\"%s\": 4}}", valid);
  g_autofree char *second_object = g_strdup_printf ("%s{\"ratings\": {\"%s\": 5}}", first, valid);
  g_autofree char *second_array = g_strdup_printf ("%s[1]", first);
  g_autofree char *join = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Eve\"}", code (f));
  g_autofree char *second_join = g_strdup_printf ("%s{\"code\": \"x\"}", join);
  g_autofree char *expected
    = g_strdup_printf ("The request is not valid JSON: line 1, column %u: a second JSON value "
                       "after the first; only white space may follow it",
                       (guint)strlen (first) + 1);
  const char *twice[] = { second_object, second_array };
  g_autoptr (ThSession) saved = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (twice); i++)
    {
      g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, twice[i]);

      assert_error_reply (reply, 400);
      g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, expected);
    }

  {
    g_autoptr (ThRoomReply) reply = request (f, "POST", "/api/join", NULL, second_join);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==,
                     "The request is not valid JSON: line 1, column 34: a second JSON value "
                     "after the first; only white space may follow it");
    g_assert_null (th_room_reply_get_string (reply, "token"));
  }

  /* Nothing was rated and nobody else joined. */
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 1);
  g_assert_cmpuint (th_participant_get_n_rated (th_session_lookup_participant (saved, id)), ==, 0);

  /* White space after the one value is fine. */
  {
    g_autofree char *spaced = g_strdup_printf ("%s \r\n\t", first);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, spaced);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

static void
test_too_large (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  guint port = th_room_test_server_get_port (f->server);
  gsize size = 64 * 1024 + 1;
  g_autofree char *big = g_malloc (size);

  memset (big, ' ', size);
  big[0] = '{';
  big[size - 1] = '}';

  /* A body one byte over the limit. */
  {
    g_autoptr (ThRoomReply) reply
      = th_room_request (f->session, url (f), "PUT", "/api/answers", token, big, (gssize)size);

    assert_error_reply (reply, 413);
  }

  /* At the limit it is read (and refused for what it says, not its size). */
  {
    g_autoptr (ThRoomReply) reply
      = th_room_request (f->session, url (f), "PUT", "/api/answers", token, big, (gssize)size - 1);

    assert_error_reply (reply, 400);
  }

  /* A huge Content-Length and no body at all: the answer cannot wait for
   * the body, so it proves the body is refused before it is read.  The
   * answer must come before the client gives up (5 s, stretched by
   * TH_TEST_SLOW), which is well before the server's own idle timeout: a
   * server that waited for the body would answer only then, or never. */
  g_assert_cmpuint (th_room_test_deadline_ms (5000), <, TH_ROOM_IDLE_TIMEOUT_S * 1000);
  {
    g_autofree char *head = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\n"
                                             "Host: 127.0.0.1:%u\r\n"
                                             "Authorization: Bearer %s\r\n"
                                             "Content-Type: application/json\r\n"
                                             "Content-Length: 1000000000000\r\n\r\n",
                                             port, token);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, head, strlen (head), 5000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 413);
  }

  /* The same without a token: refused as too large before anything else. */
  {
    g_autofree char *head = g_strdup_printf ("POST /api/join HTTP/1.1\r\n"
                                             "Host: 127.0.0.1:%u\r\n"
                                             "Content-Length: 70000\r\n\r\n",
                                             port);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, head, strlen (head), 5000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 413);
  }

  /* A chunked body is cut off once it passes the limit. */
  {
    g_autoptr (GString) chunked = g_string_new (NULL);

    g_string_append_printf (chunked,
                            "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                            "Authorization: Bearer %s\r\nTransfer-Encoding: chunked\r\n\r\n",
                            port, token);
    for (guint i = 0; i < 40; i++)
      {
        g_string_append (chunked, "1000\r\n");
        for (guint j = 0; j < 0x1000; j++)
          g_string_append_c (chunked, ' ');
        g_string_append (chunked, "\r\n");
      }
    g_string_append (chunked, "0\r\n\r\n");

    g_autoptr (GBytes) response = th_room_raw_exchange (port, chunked->str, chunked->len, 5000);
    g_assert_cmpuint (th_room_raw_status (response), ==, 413);
  }

  /* Two lengths, or a negative one, are not guessed at. */
  {
    g_autofree char *head = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                             "Content-Length: -1\r\n\r\n",
                                             port);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, head, strlen (head), 5000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 400);
  }
}

/* The deck */

static void
set_phase_cb (ThRoomServer *server, gpointer data)
{
  th_session_set_phase (th_room_server_get_session (server), GPOINTER_TO_INT (data));
}

static void
test_deck_reveal (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  ThPhase phases[] = { TH_PHASE_SORT, TH_PHASE_REVEAL, TH_PHASE_REFLECT, TH_PHASE_CHART };
  const char *phase_names[] = { "sort", "reveal", "reflect", "chart" };

  for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
    {
      g_autoptr (ThRoomReply) reply = NULL;
      g_autoptr (ThRoomReply) state = NULL;
      g_autofree char *text = NULL;
      gboolean revealed = phases[p] >= TH_PHASE_REVEAL;
      JsonArray *behaviours;
      gsize length;
      const char *body;

      th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (phases[p]));
      reply = request (f, "GET", "/api/deck", token, NULL);
      g_assert_cmpuint (reply->status, ==, 200);

      body = g_bytes_get_data (reply->body, &length);
      text = g_strndup (body, length);
      behaviours = json_object_get_array_member (reply_object (reply), "behaviours");
      g_assert_cmpuint (json_array_get_length (behaviours), ==, th_deck_get_n_behaviours (f->deck));

      /* In the caller's own order (test_deck_own_order): each card of the
       * deck once, whatever the order. */
      for (guint i = 0; i < json_array_get_length (behaviours); i++)
        {
          JsonObject *item = json_array_get_object_element (behaviours, i);
          ThBehaviour *behaviour
            = th_deck_lookup_behaviour (f->deck, json_object_get_string_member (item, "id"));

          g_assert_nonnull (behaviour);
          for (guint k = 0; k < i; k++)
            g_assert_cmpstr (
              json_object_get_string_member (json_array_get_object_element (behaviours, k), "id"),
              !=, th_behaviour_get_id (behaviour));
          g_assert_cmpstr (json_object_get_string_member (item, "text"), ==,
                           th_behaviour_get_text (behaviour));
          if (revealed)
            {
              g_assert_cmpstr (json_object_get_string_member (item, "key"), ==,
                               th_side_to_string (th_behaviour_get_key (behaviour)));
              g_assert_cmpstr (json_object_get_string_member (item, "why"), ==,
                               th_behaviour_get_why (behaviour));
            }
          else
            {
              g_assert_false (json_object_has_member (item, "key"));
              g_assert_false (json_object_has_member (item, "why"));
              g_assert_cmpuint (json_object_get_size (item), ==, 2);
            }
        }

      if (!revealed)
        {
          /* Not anywhere in the text either, nor the words of any "why". */
          g_assert_null (strstr (text, "\"key\""));
          g_assert_null (strstr (text, "\"why\""));
          for (guint i = 0; i < th_deck_get_n_behaviours (f->deck); i++)
            g_assert_null (
              strstr (text, th_behaviour_get_why (th_deck_get_behaviour (f->deck, i))));
        }

      state = request (f, "GET", "/api/state", token, NULL);
      g_assert_cmpstr (th_room_reply_get_string (state, "phase"), ==, phase_names[p]);
    }
}

/* The ids of GET /api/deck for @token, in the order given. */
static GPtrArray *
deck_ids (Fixture *f, const char *token)
{
  g_autoptr (ThRoomReply) reply = request (f, "GET", "/api/deck", token, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *behaviours;

  g_assert_cmpuint (reply->status, ==, 200);
  behaviours = json_object_get_array_member (reply_object (reply), "behaviours");
  for (guint i = 0; i < json_array_get_length (behaviours); i++)
    g_ptr_array_add (ids, g_strdup (json_object_get_string_member (
                            json_array_get_object_element (behaviours, i), "id")));

  return ids;
}

static gboolean
same_ids (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Each participant gets the cards in an order of their own: the same on
 * every request and in the session file (its "order"), and not the
 * neighbour's.  With 24 cards, two shuffles agree once in 24!. */
static void
test_deck_own_order (Fixture *f, gconstpointer data)
{
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *token_a = th_room_join (f->session, url (f), code (f), "Ana", &id_a);
  g_autofree char *token_b = th_room_join (f->session, url (f), code (f), "Ben", &id_b);
  g_autofree char *answers = th_room_answers_for_seed (f->deck, 4);
  g_autoptr (GPtrArray) first_a = deck_ids (f, token_a);
  g_autoptr (GPtrArray) again_a = deck_ids (f, token_a);
  g_autoptr (GPtrArray) first_b = deck_ids (f, token_b);
  g_autoptr (GPtrArray) in_deck_order = g_ptr_array_new ();
  g_autoptr (ThSession) saved = NULL;
  ThParticipant *participant;
  const guint16 *order;
  guint n;

  g_assert_cmpuint (th_deck_get_n_behaviours (f->deck), ==, 24);
  for (guint i = 0; i < th_deck_get_n_behaviours (f->deck); i++)
    g_ptr_array_add (in_deck_order,
                     (gpointer)th_behaviour_get_id (th_deck_get_behaviour (f->deck, i)));

  g_assert_cmpuint (first_a->len, ==, 24);
  g_assert_true (same_ids (first_a, again_a));
  g_assert_false (same_ids (first_a, first_b));
  g_assert_false (same_ids (first_a, in_deck_order));

  /* An answer is in the file before its 200, and the order with it: the
   * session opened again from the file has Ana's order as she saw it. */
  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token_a, answers);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  saved = load_saved_session (f);
  participant = th_session_lookup_participant (saved, id_a);
  g_assert_nonnull (participant);
  order = th_participant_get_order (participant, &n);
  g_assert_cmpuint (n, ==, 24);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (
      th_behaviour_get_id (th_deck_get_behaviour (th_session_get_deck (saved), order[i])), ==,
      first_a->pdata[i]);

  {
    g_autoptr (GPtrArray) later_a = deck_ids (f, token_a);

    g_assert_true (same_ids (first_a, later_a));
  }
}

/* One participant cannot see or change another's answers. */
static void
test_isolation (Fixture *f, gconstpointer data)
{
  g_autofree char *id_a = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *token_a = th_room_join (f->session, url (f), code (f), "Ana", &id_a);
  g_autofree char *token_b = th_room_join (f->session, url (f), code (f), "Bo", &id_b);
  g_autofree char *answers_a = th_room_answers_for_seed (f->deck, 10);
  const char *first = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *sneaky = NULL;
  g_autofree char *me_path = NULL;
  g_autoptr (ThSession) saved = NULL;

  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token_a, answers_a);

    g_assert_cmpuint (reply->status, ==, 200);
  }

  /* B names A in every way the protocol does not have. */
  sneaky = g_strdup_printf ("{\"participant\": \"%s\", \"id\": \"%s\", \"token\": \"%s\", "
                            "\"sort\": {\"%s\": \"management\"}, \"ratings\": {\"%s\": 1}}",
                            id_a, id_a, token_a, first, first);
  {
    g_autofree char *path = g_strdup_printf ("/api/answers?participant=%s", id_a);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", path, token_b, sneaky);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (th_room_reply_get_string (reply, "participant"), ==, id_b);
  }

  me_path = g_strdup_printf ("/api/me?participant=%s", id_a);
  {
    g_autoptr (ThRoomReply) reply = request (f, "GET", me_path, token_b, NULL);
    JsonObject *sort;

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (th_room_reply_get_string (reply, "participant"), ==, id_b);
    g_assert_cmpstr (th_room_reply_get_string (reply, "name"), ==, "Bo");
    sort = json_object_get_object_member (reply_object (reply), "sort");
    g_assert_cmpuint (json_object_get_size (sort), ==, 1);
  }

  /* Nothing B can ask for names A. */
  {
    const char *paths[] = { "/api/me", "/api/state", "/api/deck", NULL };

    for (guint i = 0; paths[i] != NULL; i++)
      {
        g_autoptr (ThRoomReply) reply = request (f, "GET", paths[i], token_b, NULL);
        gsize length;
        const char *body = g_bytes_get_data (reply->body, &length);
        g_autofree char *text = g_strndup (body, length);
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", id_a);

        g_assert_null (strstr (text, "Ana"));
        g_assert_null (strstr (text, quoted));
      }
  }

  saved = load_saved_session (f);
  th_room_assert_answers (f->deck, th_session_lookup_participant (saved, id_a), 10);
}

/* The caller's own position (GET /api/me, "result") */

static void
set_threshold_cb (ThRoomServer *server, gpointer data)
{
  th_session_set_threshold (th_room_server_get_session (server), *(const double *)data);
}

/* Answers for every card of @deck but the one at @skip (G_MAXUINT: none):
 * each sorted on its key's side, the leadership cards rated @lead[0] and
 * @lead[1] in turn, the management cards @manage. */
static char *
answers_by_key (ThDeck *deck, const int lead[2], int manage, guint skip)
{
  g_autoptr (GString) sort = g_string_new ("{");
  g_autoptr (GString) ratings = g_string_new ("{");
  guint n_lead = 0;

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      gboolean leads = th_behaviour_get_key (behaviour) == TH_SIDE_LEADERSHIP;
      const char *separator = sort->len > 1 ? "," : "";

      if (i == skip)
        continue;
      g_string_append_printf (sort, "%s\"%s\":\"%s\"", separator, th_behaviour_get_id (behaviour),
                              leads ? "leadership" : "management");
      g_string_append_printf (ratings, "%s\"%s\":%d", separator, th_behaviour_get_id (behaviour),
                              leads ? lead[n_lead++ % 2] : manage);
    }

  g_string_append_c (sort, '}');
  g_string_append_c (ratings, '}');
  return g_strdup_printf ("{\"sort\":%s,\"ratings\":%s}", sort->str, ratings->str);
}

static void
assert_no_result (ThRoomReply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_false (json_object_has_member (reply_object (reply), "result"));
}

static void
assert_result (ThRoomReply *reply, double leadership, double management, const char *quadrant,
               double threshold)
{
  JsonObject *result;

  g_assert_cmpuint (reply->status, ==, 200);
  result = json_object_get_object_member (reply_object (reply), "result");
  g_assert_nonnull (result);
  g_assert_cmpuint (json_object_get_size (result), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (result, "leadership"), ==, leadership);
  g_assert_cmpfloat (json_object_get_double_member (result, "management"), ==, management);
  g_assert_cmpstr (json_object_get_string_member (result, "quadrant"), ==, quadrant);
  g_assert_cmpfloat (json_object_get_double_member (result, "threshold"), ==, threshold);
}

/* The scores and quadrant reach their owner once every card is rated and
 * the key is out, never before (they average the ratings by key, so they
 * would give the key away) and never anyone else's.  The numbers are
 * worked out by hand from docs/scores.md, with the threshold at 62.5:
 *
 *   Ana rates the 12 leadership cards 4 and the 12 management cards 2:
 *   leadership 100 × (48 − 12) / 48 = 75, management 100 × (24 − 12) / 48
 *   = 25; 75 ≥ 62.5 > 25: leadership-driven.
 *
 *   Ben rates the leadership cards 3 and 4 in turn and the management
 *   cards 5: leadership 100 × (42 − 12) / 48 = 62.5, exactly the
 *   threshold, which counts as high; management 100 × (60 − 12) / 48 =
 *   100: both hats (balanced). */
static void
test_result (Fixture *f, gconstpointer data)
{
  static const double threshold = 62.5;
  static const int ana_lead[2] = { 4, 4 };
  static const int ben_lead[2] = { 3, 4 };
  g_autofree char *id_ana = NULL;
  g_autofree char *token_ana = th_room_join (f->session, url (f), code (f), "Ana", &id_ana);
  g_autofree char *token_ben = th_room_join (f->session, url (f), code (f), "Ben", NULL);
  g_autofree char *ana_but_one = answers_by_key (f->deck, ana_lead, 2, 7);
  g_autofree char *ana_all = answers_by_key (f->deck, ana_lead, 2, G_MAXUINT);
  g_autofree char *ben_all = answers_by_key (f->deck, ben_lead, 5, G_MAXUINT);
  guint n_lead = 0;

  /* The worked example above counts on the built-in deck's 12 and 12. */
  g_assert_cmpuint (th_deck_get_n_behaviours (f->deck), ==, 24);
  for (guint i = 0; i < 24; i++)
    if (th_behaviour_get_key (th_deck_get_behaviour (f->deck, i)) == TH_SIDE_LEADERSHIP)
      n_lead++;
  g_assert_cmpuint (n_lead, ==, 12);
  th_room_test_server_call (f->server, set_threshold_cb, (gpointer)&threshold);

  /* Not every card rated: nothing, in the sort phase or after it. */
  {
    g_autoptr (ThRoomReply) put = request (f, "PUT", "/api/answers", token_ana, ana_but_one);
    g_autoptr (ThRoomReply) me = NULL;

    assert_no_result (put);
    th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_REFLECT));
    me = request (f, "GET", "/api/me", token_ana, NULL);
    assert_no_result (me);
    g_assert_cmpstr (th_room_reply_get_string (me, "status"), ==, "rating");
  }

  /* Finished while the cards are still being sorted: nothing yet.  Ben
   * answers too, while the sorting is open. */
  th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_SORT));
  {
    g_autoptr (ThRoomReply) put = request (f, "PUT", "/api/answers", token_ana, ana_all);
    g_autoptr (ThRoomReply) put_ben = request (f, "PUT", "/api/answers", token_ben, ben_all);
    g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token_ana, NULL);
    gsize length;
    const char *body = g_bytes_get_data (me->body, &length);
    g_autofree char *text = g_strndup (body, length);

    assert_no_result (put);
    assert_no_result (put_ben);
    assert_no_result (me);
    g_assert_cmpstr (th_room_reply_get_string (me, "status"), ==, "finished");
    g_assert_null (strstr (text, "leadership-driven"));
  }

  /* From the reveal on, through every later phase: Ana's own numbers. */
  {
    ThPhase phases[] = { TH_PHASE_REVEAL, TH_PHASE_REFLECT, TH_PHASE_CHART };

    for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
      {
        g_autoptr (ThRoomReply) me = NULL;

        th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (phases[p]));
        me = request (f, "GET", "/api/me", token_ana, NULL);
        assert_result (me, 75.0, 25.0, "leadership-driven", 62.5);
        /* The members the protocol had before stay as they were. */
        g_assert_cmpstr (th_room_reply_get_string (me, "participant"), ==, id_ana);
        g_assert_cmpstr (th_room_reply_get_string (me, "status"), ==, "finished");
        g_assert_cmpuint (
          json_object_get_size (json_object_get_object_member (reply_object (me), "ratings")), ==,
          24);
      }
  }

  /* An answer's 200 is GET /api/me: Ben's carries his own position, and
   * so does his GET; Ana's stays hers.  (He sends his sides again as he
   * saved them, which the closed sorting lets through.) */
  {
    g_autoptr (ThRoomReply) put = request (f, "PUT", "/api/answers", token_ben, ben_all);
    g_autoptr (ThRoomReply) me_ben = request (f, "GET", "/api/me", token_ben, NULL);
    g_autoptr (ThRoomReply) me_ana = request (f, "GET", "/api/me", token_ana, NULL);
    gsize length;
    const char *body = g_bytes_get_data (me_ben->body, &length);
    g_autofree char *text = g_strndup (body, length);

    assert_result (put, 62.5, 100.0, "balanced", 62.5);
    assert_result (me_ben, 62.5, 100.0, "balanced", 62.5);
    g_assert_null (strstr (text, "leadership-driven"));
    g_assert_null (strstr (text, "75.0"));
    g_assert_null (strstr (text, "Ana"));
    assert_result (me_ana, 75.0, 25.0, "leadership-driven", 62.5);
  }

  /* Back to sorting (the facilitator went back): gone again. */
  th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_SORT));
  {
    g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token_ben, NULL);

    assert_no_result (me);
  }

  /* A removed participant's token still gets 401, result or not. */
  th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_CHART));
  th_room_test_server_call (f->server, remove_participant_cb, id_ana);
  {
    g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token_ana, NULL);
    gsize length;
    const char *body = g_bytes_get_data (me->body, &length);
    g_autofree char *text = g_strndup (body, length);

    assert_error_reply (me, 401);
    g_assert_cmpstr (th_room_reply_get_string (me, "reason"), ==, "removed");
    g_assert_null (strstr (text, "result"));
  }
  {
    g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token_ben, NULL);

    assert_result (me, 62.5, 100.0, "balanced", 62.5);
  }
}

/* Closed sorting (PUT /api/answers once the key is out) */

/* The saved answers of @id, in the file and in GET /api/me alike: @sorted
 * (id → side, NULL-ended pairs) and @rated (id → rating, -1-ended pairs
 * of an index into the deck and a rating), nothing else. */
static void
assert_saved_answers (Fixture *f, const char *token, const char *id, const char *const *sorted,
                      const int *rated)
{
  g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token, NULL);
  g_autoptr (ThSession) saved = load_saved_session (f);
  ThParticipant *participant = th_session_lookup_participant (saved, id);
  JsonObject *sort, *ratings;
  guint n_sorted = 0, n_rated = 0;

  g_assert_cmpuint (me->status, ==, 200);
  g_assert_nonnull (participant);
  sort = json_object_get_object_member (reply_object (me), "sort");
  ratings = json_object_get_object_member (reply_object (me), "ratings");

  for (; sorted[2 * n_sorted] != NULL; n_sorted++)
    {
      const char *card = sorted[2 * n_sorted];
      const char *side = sorted[2 * n_sorted + 1];
      ThSide saved_side = TH_SIDE_BOTH;

      g_assert_cmpstr (json_object_get_string_member (sort, card), ==, side);
      g_assert_true (th_participant_get_sort (participant, card, &saved_side));
      g_assert_cmpstr (th_side_to_string (saved_side), ==, side);
    }
  for (; rated[2 * n_rated] >= 0; n_rated++)
    {
      const char *card = th_behaviour_get_id (th_deck_get_behaviour (f->deck, rated[2 * n_rated]));

      g_assert_cmpint (json_object_get_int_member (ratings, card), ==, rated[2 * n_rated + 1]);
      g_assert_cmpint (th_participant_get_rating (participant, card), ==, rated[2 * n_rated + 1]);
    }
  g_assert_cmpuint (json_object_get_size (sort), ==, n_sorted);
  g_assert_cmpuint (th_participant_get_n_sorted (participant), ==, n_sorted);
  g_assert_cmpuint (json_object_get_size (ratings), ==, n_rated);
  g_assert_cmpuint (th_participant_get_n_rated (participant), ==, n_rated);
}

/* From the reveal on, the sorting is closed: a request that would change
 * a side gets 400 with the reason "sort-closed", and nothing of it is
 * applied, its ratings neither.  Repeating the saved sides passes;
 * ratings alone pass in every phase; back in the sort phase a side can
 * change again. */
static void
test_sort_closed (Fixture *f, gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  const char *c0 = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  const char *c1 = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 1));
  const char *c2 = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 2));
  const char *c3 = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 3));
  const char *const sorted[] = { c0, "leadership", c1, "management", NULL };
  const int rated_first[] = { 0, 3, -1 };
  const int rated_then[] = { 0, 3, 2, 5, -1 };
  const int rated_last[] = { 0, 3, 2, 5, 3, 4, -1 };
  g_autofree char *first = g_strdup_printf (
    "{\"sort\": {\"%s\": \"leadership\", \"%s\": \"management\"}, \"ratings\": {\"%s\": 3}}", c0,
    c1, c0);

  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, first);

    g_assert_cmpuint (reply->status, ==, 200);
  }

  th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_REVEAL));

  /* Turning a card over, placing one not placed before, taking one back:
   * each a change, each refused whole, with the card it names. */
  {
    struct
    {
      char *body;
      const char *card;
    } changes[] = {
      { g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}, \"ratings\": {\"%s\": 5}}", c0, c2),
        c0 },
      { g_strdup_printf ("{\"ratings\": {\"%s\": 5}, \"sort\": {\"%s\": \"leadership\", "
                         "\"%s\": \"leadership\"}}",
                         c2, c0, c2),
        c2 },
      { g_strdup_printf ("{\"sort\": {\"%s\": null}, \"ratings\": {\"%s\": 5}}", c1, c2), c1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      {
        g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, changes[i].body);
        g_autofree char *expected = g_strdup_printf (
          "sort.%s: the sorting is closed because the key has been shown; only ratings can "
          "still change.",
          changes[i].card);

        assert_error_reply (reply, 400);
        g_assert_cmpstr (th_room_reply_get_string (reply, "error"), ==, expected);
        g_assert_cmpstr (th_room_reply_get_string (reply, "reason"), ==, "sort-closed");
        g_free (changes[i].body);
      }
  }
  assert_saved_answers (f, token, id, sorted, rated_first);

  /* The saved sides again (a phone sending what it sent before the
   * reveal; null for the card it never placed): nothing changes, so the
   * request passes, and its rating with it. */
  {
    g_autofree char *same = g_strdup_printf (
      "{\"sort\": {\"%s\": \"leadership\", \"%s\": \"management\", \"%s\": null}, "
      "\"ratings\": {\"%s\": 5}}",
      c0, c1, c2, c2);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, same);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  assert_saved_answers (f, token, id, sorted, rated_then);

  /* Ratings alone: in the reflect and chart phases too. */
  {
    ThPhase phases[] = { TH_PHASE_REFLECT, TH_PHASE_CHART };
    const int rating[] = { 2, 4 };

    for (guint p = 0; p < G_N_ELEMENTS (phases); p++)
      {
        g_autofree char *body = g_strdup_printf ("{\"ratings\": {\"%s\": %d}}", c3, rating[p]);
        g_autoptr (ThRoomReply) reply = NULL;

        th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (phases[p]));
        reply = request (f, "PUT", "/api/answers", token, body);
        g_assert_cmpuint (reply->status, ==, 200);
        g_assert_cmpint (json_object_get_int_member (
                           json_object_get_object_member (reply_object (reply), "ratings"), c3),
                         ==, rating[p]);
      }
  }
  /* …and still closed for the sides there. */
  {
    g_autofree char *body = g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}}", c0);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    assert_error_reply (reply, 400);
    g_assert_cmpstr (th_room_reply_get_string (reply, "reason"), ==, "sort-closed");
  }
  assert_saved_answers (f, token, id, sorted, rated_last);

  /* The facilitator goes back to the sorting: it opens again. */
  th_room_test_server_call (f->server, set_phase_cb, GINT_TO_POINTER (TH_PHASE_SORT));
  {
    const char *const resorted[] = { c0, "management", c1, "management", NULL };
    g_autofree char *body = g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}}", c0);
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, body);

    g_assert_cmpuint (reply->status, ==, 200);
    assert_saved_answers (f, token, id, resorted, rated_last);
  }
}

/* DNS rebinding and cross-site requests */

/* @pattern with every "PORT" replaced by @port. */
static char *
with_port (const char *pattern, guint port)
{
  g_auto (GStrv) parts = g_strsplit (pattern, "PORT", -1);
  g_autofree char *number = g_strdup_printf ("%u", port);

  return g_strjoinv (number, parts);
}

static void
test_host_and_origin (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  guint port = th_room_test_server_get_port (f->server);
  struct
  {
    const char *host;
    const char *origin;
    guint status;
  } cases[] = {
    { "127.0.0.1:PORT", NULL, 200 },
    { "localhost:PORT", NULL, 200 },
    { "LOCALHOST:PORT", NULL, 200 },
    { "evil.example:PORT", NULL, 421 },
    { "127.0.0.1.evil.example:PORT", NULL, 421 },
    { "127.0.0.1", NULL, 421 },
    { "127.0.0.1:1", NULL, 421 },
    { "192.168.1.1:PORT", NULL, 421 },
    { NULL, NULL, 421 },
    { "127.0.0.1:PORT", "http://127.0.0.1:PORT", 200 },
    { "127.0.0.1:PORT", "http://evil.example", 403 },
    { "127.0.0.1:PORT", "null", 403 },
    { "127.0.0.1:PORT", "https://127.0.0.1:PORT", 403 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) raw = g_string_new ("GET /api/state HTTP/1.1\r\n");
      g_autoptr (GBytes) response = NULL;

      if (cases[i].host != NULL)
        {
          g_autofree char *host = with_port (cases[i].host, port);

          g_string_append_printf (raw, "Host: %s\r\n", host);
        }
      if (cases[i].origin != NULL)
        {
          g_autofree char *origin = with_port (cases[i].origin, port);

          g_string_append_printf (raw, "Origin: %s\r\n", origin);
        }
      g_string_append_printf (raw, "Authorization: Bearer %s\r\nConnection: close\r\n\r\n", token);
      /* HTTP/1.0 requests may go without Host; make this one 1.0. */
      if (cases[i].host == NULL)
        memcpy (raw->str + strlen ("GET /api/state HTTP/1."), "0", 1);

      response = th_room_raw_exchange (port, raw->str, raw->len, 3000);
      if (th_room_raw_status (response) != cases[i].status)
        g_test_message ("case %u: %s", i, raw->str);
      g_assert_cmpuint (th_room_raw_status (response), ==, cases[i].status);
    }

  /* The page itself is refused under a foreign name, too. */
  {
    g_autofree char *raw
      = g_strdup_printf ("GET / HTTP/1.1\r\nHost: attacker.example:%u\r\n\r\n", port);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, raw, strlen (raw), 3000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 421);
  }
}

static void
test_methods_and_paths (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  struct
  {
    const char *method;
    const char *path;
    gboolean with_token;
    guint status;
  } cases[] = {
    { "POST", "/", FALSE, 405 },           { "DELETE", "/app.js", FALSE, 405 },
    { "GET", "/api/join", FALSE, 405 },    { "PUT", "/api/join", FALSE, 405 },
    { "POST", "/api/answers", TRUE, 405 }, { "GET", "/api/answers", TRUE, 405 },
    { "DELETE", "/api/me", TRUE, 405 },    { "GET", "/api/nothing", TRUE, 404 },
    { "GET", "/api", FALSE, 404 },         { "GET", "/../../etc/passwd", FALSE, 404 },
    { "GET", "/app.js/", FALSE, 404 },     { "HEAD", "/", FALSE, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ThRoomReply) reply
        = request (f, cases[i].method, cases[i].path, cases[i].with_token ? token : NULL, NULL);

      if (reply->status != cases[i].status)
        g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_cmpuint (reply->status, ==, cases[i].status);
    }

  /* Escaped dot segments, sent as they are (a client library would
   * normalize them away).  The server maps a handful of fixed paths to
   * resources and never opens a file for a URL, so this is just a path
   * it does not know. */
  {
    guint port = th_room_test_server_get_port (f->server);
    g_autofree char *raw = g_strdup_printf ("GET /%%2e%%2e/%%2e%%2e/etc/passwd HTTP/1.1\r\n"
                                            "Host: 127.0.0.1:%u\r\n\r\n",
                                            port);
    g_autoptr (GBytes) response = th_room_raw_exchange (port, raw, strlen (raw), 3000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 404);
  }
}

/* Status, guests and signals, as the host page sees them */

typedef struct
{
  guint joined;
  guint answered;
  guint removed;
  ThRoomStatus status;
  gboolean found;
  char *id;
  guint n_guests;
} Observed;

static void
joined_cb (ThRoomServer *server, ThRoomGuest *guest, Observed *observed)
{
  observed->joined++;
}

static void
answered_cb (ThRoomServer *server, ThRoomGuest *guest, Observed *observed)
{
  observed->answered++;
}

static void
removed_cb (ThRoomServer *server, ThRoomGuest *guest, Observed *observed)
{
  observed->removed++;
}

static void
observe_cb (ThRoomServer *server, gpointer data)
{
  g_signal_connect (server, "participant-joined", G_CALLBACK (joined_cb), data);
  g_signal_connect (server, "answers-changed", G_CALLBACK (answered_cb), data);
  g_signal_connect (server, "participant-removed", G_CALLBACK (removed_cb), data);
}

static void
unobserve_cb (ThRoomServer *server, gpointer data)
{
  g_signal_handlers_disconnect_by_data (server, data);
}

static void
read_status_cb (ThRoomServer *server, gpointer data)
{
  Observed *observed = data;

  observed->found = th_room_server_get_participant_status (server, observed->id, &observed->status);
  observed->n_guests = g_list_model_get_n_items (th_room_server_get_guests (server));
}

static ThRoomStatus
status_of (Fixture *f, Observed *observed, const char *id)
{
  g_free (observed->id);
  observed->id = g_strdup (id);
  th_room_test_server_call (f->server, read_status_cb, observed);
  g_assert_true (observed->found);
  return observed->status;
}

static void
test_status (Fixture *f, gconstpointer data)
{
  Observed observed = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *token = NULL;
  guint n = th_deck_get_n_behaviours (f->deck);
  const char *first = th_behaviour_get_id (th_deck_get_behaviour (f->deck, 0));
  g_autofree char *one = g_strdup_printf ("{\"sort\": {\"%s\": \"leadership\"}}", first);
  g_autoptr (GString) all_sorted = g_string_new ("{\"sort\": {");
  g_autofree char *everything = th_room_answers_for_seed (f->deck, 3);

  th_room_test_server_call (f->server, observe_cb, &observed);

  token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  g_assert_cmpuint (observed.joined, ==, 1);
  g_assert_cmpint (status_of (f, &observed, id), ==, TH_ROOM_STATUS_JOINED);
  g_assert_cmpuint (observed.n_guests, ==, 1);

  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, one);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  g_assert_cmpint (status_of (f, &observed, id), ==, TH_ROOM_STATUS_SORTING);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (all_sorted, "%s\"%s\": \"management\"", i > 0 ? ", " : "",
                            th_behaviour_get_id (th_deck_get_behaviour (f->deck, i)));
  g_string_append (all_sorted, "}}");
  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, all_sorted->str);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (th_room_reply_get_string (reply, "status"), ==, "rating");
  }
  g_assert_cmpint (status_of (f, &observed, id), ==, TH_ROOM_STATUS_RATING);

  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, everything);

    g_assert_cmpuint (reply->status, ==, 200);
    g_assert_cmpstr (th_room_reply_get_string (reply, "status"), ==, "finished");
  }
  g_assert_cmpint (status_of (f, &observed, id), ==, TH_ROOM_STATUS_FINISHED);
  g_assert_cmpuint (observed.answered, ==, 3);

  th_room_test_server_call (f->server, remove_participant_cb, id);
  g_assert_cmpuint (observed.removed, ==, 1);
  th_room_test_server_call (f->server, read_status_cb, &observed);
  g_assert_false (observed.found);
  g_assert_cmpuint (observed.n_guests, ==, 0);

  th_room_test_server_call (f->server, unobserve_cb, &observed);
  g_free (observed.id);
}

/* When the file cannot be written: 503, the answer kept in memory, and
 * the next save puts it on disk. */
static void
test_save_failure (Fixture *f, gconstpointer data)
{
  const char *path = th_room_test_server_get_path (f->server);
  g_autofree char *id = NULL;
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", &id);
  g_autofree char *answers = th_room_answers_for_seed (f->deck, 4);
  g_autofree char *join_body = g_strdup_printf ("{\"code\": \"%s\"}", code (f));
  g_autoptr (ThSession) saved = NULL;

  /* A directory where the file was: the rename over it fails (as root
   * too, unlike a permission). */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, answers);
    g_autoptr (ThRoomReply) me = request (f, "GET", "/api/me", token, NULL);
    g_autoptr (ThRoomReply) joined = request (f, "POST", "/api/join", NULL, join_body);

    assert_error_reply (reply, 503);
    g_assert_cmpuint (me->status, ==, 200);
    g_assert_cmpuint (
      json_object_get_size (json_object_get_object_member (reply_object (me), "sort")), ==,
      th_deck_get_n_behaviours (f->deck));
    /* A join that cannot be saved is undone: no token, no participant. */
    assert_error_reply (joined, 503);
    g_assert_null (th_room_reply_get_string (joined, "token"));
  }

  g_assert_cmpint (g_rmdir (path), ==, 0);
  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, answers);

    g_assert_cmpuint (reply->status, ==, 200);
  }
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, 1);
  th_room_assert_answers (f->deck, th_session_lookup_participant (saved, id), 4);
}

/* 50 participants answering at once */

#define N_CONCURRENT 50

typedef struct _Concurrent Concurrent;

typedef struct
{
  Concurrent *run;
  guint index;
  char *token;
  char *id;
} Client;

struct _Concurrent
{
  Fixture *f;
  SoupSession *session;
  Client clients[N_CONCURRENT];
  guint n_done;
  guint n_checked_on_disk;
};

static SoupMessage *
new_message (Concurrent *run, const char *method, const char *path, const char *token,
             const char *body)
{
  return th_room_message_new (url (run->f), method, path, token, body, -1);
}

static void
answered_async_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Client *client = user_data;
  Concurrent *run = client->run;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body
    = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr (ThSession) saved = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (body);

  /* The 200 came: the answer must be in the file already. */
  saved = load_saved_session (run->f);
  th_room_assert_answers (run->f->deck, th_session_lookup_participant (saved, client->id),
                          client->index);
  run->n_checked_on_disk++;
  run->n_done++;
  g_object_unref (msg);
}

static void
joined_async_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Client *client = user_data;
  Concurrent *run = client->run;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body
    = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *answers = th_room_answers_for_seed (run->f->deck, client->index);
  JsonObject *object;
  SoupMessage *put;

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  object = th_room_test_parse_object (body, parser);
  client->token = g_strdup (json_object_get_string_member (object, "token"));
  client->id = g_strdup (json_object_get_string_member (object, "participant"));
  g_object_unref (msg);

  put = new_message (run, "PUT", "/api/answers", client->token, answers);
  soup_session_send_and_read_async (run->session, put, G_PRIORITY_DEFAULT, NULL, answered_async_cb,
                                    client);
}

static void
test_concurrent (Fixture *f, gconstpointer data)
{
  Concurrent run = { 0 };
  g_autoptr (ThSession) saved = NULL;
  gint64 deadline
    = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (60000) * G_TIME_SPAN_MILLISECOND;

  run.f = f;
  run.session = soup_session_new_with_options ("max-conns", 2 * N_CONCURRENT, "max-conns-per-host",
                                               2 * N_CONCURRENT, "timeout",
                                               th_room_test_deadline_ms (60000) / 1000, NULL);

  /* Every join goes out before any answer comes back. */
  for (guint i = 0; i < N_CONCURRENT; i++)
    {
      g_autofree char *body
        = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Person %u\"}", code (f), i);
      SoupMessage *msg = new_message (&run, "POST", "/api/join", NULL, body);

      run.clients[i].run = &run;
      run.clients[i].index = i;
      soup_session_send_and_read_async (run.session, msg, G_PRIORITY_DEFAULT, NULL, joined_async_cb,
                                        &run.clients[i]);
    }

  while (run.n_done < N_CONCURRENT)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (run.n_checked_on_disk, ==, N_CONCURRENT);

  /* Reload the file: every participant, every answer. */
  saved = load_saved_session (f);
  g_assert_cmpuint (th_session_get_n_participants (saved), ==, N_CONCURRENT);
  for (guint i = 0; i < N_CONCURRENT; i++)
    {
      ThParticipant *participant = th_session_lookup_participant (saved, run.clients[i].id);
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      g_assert_cmpstr (th_participant_get_name (participant), ==, name);
      th_room_assert_answers (f->deck, participant, i);
      g_free (run.clients[i].token);
      g_free (run.clients[i].id);
    }

  g_object_unref (run.session);
}

/* The rate limit, with the server's own defaults */

/* How often a test that waits for the bucket to refill asks again: every
 * 100 ms, half the rate the bucket refills at, so that asking does not
 * keep it empty. */
#define POLL_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

/* Asks for @path until it is answered 200, or fails when the deadline
 * (@timeout_ms stretched by TH_TEST_SLOW) passes first. */
static void
poll_until_answered (Fixture *f, const char *path, const char *token, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (timeout_ms) * 1000;

  for (;;)
    {
      g_autoptr (ThRoomReply) reply
        = th_room_try_request (f->session, url (f), "GET", path, token, NULL, -1);

      if (reply->status == 200)
        return;
      if (g_get_monotonic_time () > deadline)
        {
          g_test_message ("%s was still refused %u ms later", path,
                          th_room_test_deadline_ms (timeout_ms));
          g_assert_cmpuint (reply->status, ==, 200);
        }
      g_usleep (POLL_INTERVAL_US);
    }
}

static void
test_rate_limit (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  /* From the join on: the participant's bucket is full until their first
   * request, and everything it gave out since counts against what
   * refilled. */
  gint64 start = g_get_monotonic_time ();
  guint n_ok = 0, n_limited = 0, n_asked = 0;
  double elapsed_s;

  /* Ask as fast as the loop goes until the first 429.  The bucket holds
   * 60 and refills at 20 a second, so that comes after about 60 requests
   * on any machine that asks more than 20 times a second; 1000 is a bound
   * on the loop, not on the time it takes. */
  for (; n_limited == 0 && n_asked < 1000; n_asked++)
    {
      g_autoptr (ThRoomReply) reply = request (f, "GET", "/api/state", token, NULL);

      if (reply->status == 200)
        n_ok++;
      else
        {
          assert_error_reply (reply, 429);
          g_assert_cmpuint (th_room_retry_after (reply->headers), >=, 1);
          n_limited++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u answered, %u refused with 429 in %.2f s", n_ok, n_limited, elapsed_s);

  /* The burst is answered.  At most that plus what refilled since the
   * join is (and one for rounding): this bound is the rate itself, the
   * one place where the time taken is an input.  A slower machine only
   * widens it, so it never fails for slowness, only for a bucket that
   * gives out more than the rate. */
  g_assert_cmpuint (n_limited, ==, 1);
  g_assert_cmpuint (n_ok, >=, TH_ROOM_DEFAULT_BURST);
  g_assert_cmpfloat (n_ok, <=, TH_ROOM_DEFAULT_BURST + TH_ROOM_DEFAULT_RATE * elapsed_s + 1);

  /* The limit is the participant's, not the address's: the page still
   * loads from the same address, and someone else there still joins. */
  {
    g_autoptr (ThRoomReply) page = request (f, "GET", "/", NULL, NULL);
    g_autofree char *other = th_room_join (f->session, url (f), code (f), "Bo", NULL);

    g_assert_cmpuint (page->status, ==, 200);
    g_assert_nonnull (other);
  }

  /* The bucket refills: a request is answered again. */
  poll_until_answered (f, "/api/state", token, 5000);
}

/* Large bodies cost more: one request's worth of the participant's
 * budget (60 saved up, 20 a second) for each started 4 KiB, so that a
 * participant sending 60 KB bodies (15 requests' worth each) gets about
 * four of them at once rather than sixty.  Sent with a Content-Length,
 * charged before the body is read; sent in chunks, charged as they come.
 * Each way until the first 429, on a server of its own. */
#define BIG_BODY_SIZE (60 * 1024)
#define BIG_BODY_COST 15.0 /* started 4 KiB blocks of BIG_BODY_SIZE */

static char *
big_answers_body (void)
{
  GString *body = g_string_new ("{\"ratings\": {}}");

  /* White space after the value is JSON still. */
  while (body->len < BIG_BODY_SIZE)
    g_string_append_c (body, ' ');
  return g_string_free (body, FALSE);
}

/* Sends PUT /api/answers with @body until the first 429 (at most 100
 * times) and checks how many were answered against the bound. */
static void
send_big_bodies (Fixture *f, const char *token, const char *body, gboolean chunked)
{
  guint port = th_room_test_server_get_port (f->server);
  g_autofree char *raw = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_answered = 0, n_limited = 0;
  double elapsed_s;

  if (chunked)
    raw = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                           "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                           "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                           "%zx\r\n%s\r\n0\r\n\r\n",
                           port, token, strlen (body), body);
  else
    raw = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                           "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                           "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                           port, token, strlen (body), body);

  for (guint i = 0; n_limited == 0 && i < 100; i++)
    {
      g_autoptr (GBytes) response = th_room_raw_exchange (port, raw, strlen (raw), 5000);
      guint status = th_room_raw_status (response);

      if (status == 429)
        {
          g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
          n_limited++;
        }
      else
        {
          g_assert_cmpuint (status, ==, 200);
          n_answered++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%s: %u bodies of %u bytes answered before the first 429, in %.2f s",
                  chunked ? "chunked" : "Content-Length", n_answered, BIG_BODY_SIZE, elapsed_s);

  g_assert_cmpuint (n_limited, ==, 1);
  /* What the full budget and its refill (the rate as an input) pay for;
   * the last one answered may have taken it below zero. */
  g_assert_cmpfloat (
    n_answered, <=, (TH_ROOM_DEFAULT_BURST + TH_ROOM_DEFAULT_RATE * elapsed_s) / BIG_BODY_COST + 1);
  g_assert_cmpuint (n_answered, >=, 1);
}

static void
test_rate_limit_bytes (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  g_autofree char *other = th_room_join (f->session, url (f), code (f), "Bo", NULL);
  g_autofree char *body = big_answers_body ();

  g_assert_cmpuint (strlen (body), ==, BIG_BODY_SIZE);
  send_big_bodies (f, token, body, FALSE);
  send_big_bodies (f, other, body, TRUE);

  /* A small body costs one request, as the page's own do: the whole
   * burst of sixty is answered. */
  {
    g_autofree char *third = th_room_join (f->session, url (f), code (f), "Cy", NULL);

    for (guint i = 0; i < TH_ROOM_DEFAULT_BURST; i++)
      {
        g_autoptr (ThRoomReply) reply
          = request (f, "PUT", "/api/answers", third, "{\"ratings\": {}}");

        g_assert_cmpuint (reply->status, ==, 200);
      }
  }
}

/* Large bodies also spend a budget of the whole room, beyond the first
 * 4 KiB of each: forty participants, each sending 60 KB bodies until
 * their own budget says 429 (about four each, 160 in all without the
 * room's budget), get no more answered together than the room's 4 MiB
 * and its refill pay for; the rest wait with 429 and Retry-After.  A
 * small body costs the room nothing: it is still answered.  A server of
 * its own, so the budgets start full. */
#define N_HEAVY_SENDERS 40

static void
test_rate_limit_bytes_room_wide (Fixture *f, gconstpointer data)
{
  guint port = th_room_test_server_get_port (f->server);
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = big_answers_body ();
  g_autofree char *small = NULL;
  gint64 start;
  guint n_answered = 0, n_limited = 0;
  double elapsed_s;

  for (guint i = 0; i < N_HEAVY_SENDERS + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Heavy %u", i + 1);
      char *token = th_room_join (f->session, url (f), code (f), name, NULL);

      g_assert_nonnull (token);
      g_ptr_array_add (tokens, token);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_HEAVY_SENDERS; i++)
    {
      g_autofree char *raw
        = g_strdup_printf ("PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                           "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                           "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                           port, (const char *)tokens->pdata[i], strlen (body), body);

      /* Until this participant is refused; at most ten tries each. */
      for (guint j = 0; j < 10; j++)
        {
          g_autoptr (GBytes) response = th_room_raw_exchange (port, raw, strlen (raw), 5000);
          guint status = th_room_raw_status (response);

          if (status == 429)
            {
              g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
              n_limited++;
              break;
            }
          g_assert_cmpuint (status, ==, 200);
          n_answered++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u bodies of %u bytes answered, %u refused, in %.2f s", n_answered,
                  BIG_BODY_SIZE, n_limited, elapsed_s);

  /* What the room's budget and its refill (the rate as an input) pay
   * for: each body beyond its first block. */
  g_assert_cmpfloat (n_answered, <=,
                     (TH_ROOM_LARGE_BODY_BURST + TH_ROOM_LARGE_BODY_BLOCKS_PER_S * elapsed_s)
                         / (BIG_BODY_COST - 1)
                       + 1);
  g_assert_cmpuint (n_answered, >=, 1);
  g_assert_cmpuint (n_limited, ==, N_HEAVY_SENDERS);

  small = g_strdup ("{\"ratings\": {}}");
  {
    g_autoptr (ThRoomReply) reply
      = request (f, "PUT", "/api/answers", tokens->pdata[N_HEAVY_SENDERS], small);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

/* Guessing join codes: a wrong code costs so much of the address's
 * budget (ten requests' worth besides its own) that, once what it saved
 * up is spent, an address gets at most about two guesses a second,
 * however low its bucket was when it guessed.  Guesses come as fast as
 * the loop goes (every 20 ms while refused, far faster than that).  A
 * server of its own, so the bucket starts full. */
#define N_GUESSES_AFTER_BURST 6
#define DESIGNED_GUESSES_PER_SECOND 2.0

static void
test_rate_limit_guesses (Fixture *f, gconstpointer data)
{
  guint n_wrong = 0, n_after_burst = 0, n_limited = 0;
  gint64 burst_spent = 0;
  double elapsed_s;

  /* 5000 bounds the loop (100 s of refusals), not the time it takes. */
  for (guint i = 0; n_after_burst < N_GUESSES_AFTER_BURST && i < 5000; i++)
    {
      g_autoptr (ThRoomReply) reply
        = request (f, "POST", "/api/join", NULL, "{\"code\": \"AAAAAA\"}");

      if (reply->status == 403)
        {
          n_wrong++;
          if (burst_spent != 0)
            n_after_burst++;
          continue;
        }

      /* Refused in HTTP, with the time to wait, on the same connection. */
      assert_error_reply (reply, 429);
      g_assert_cmpuint (th_room_retry_after (reply->headers), >=, 1);
      if (burst_spent == 0)
        burst_spent = g_get_monotonic_time ();
      n_limited++;
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  elapsed_s = (double)(g_get_monotonic_time () - burst_spent) / G_USEC_PER_SEC;
  g_test_message ("%u wrong codes, %u of them in %.2f s after the first 429 (%u refused)", n_wrong,
                  n_after_burst, elapsed_s, n_limited);
  g_assert_cmpuint (n_after_burst, ==, N_GUESSES_AFTER_BURST);

  /* What the full bucket allows at once: each guess costs at least
   * 1/DESIGNED_GUESSES_PER_SECOND seconds of the address's rate. */
  g_assert_cmpfloat (n_wrong - n_after_burst, <=,
                     TH_ROOM_ADDRESS_BURST * DESIGNED_GUESSES_PER_SECOND / TH_ROOM_ADDRESS_RATE
                       + 1);
  /* Then the designed rate: this many guesses take at least this long.
   * Time is an input of the bound, never a verdict on speed: a slower
   * machine only makes elapsed_s larger. */
  g_assert_cmpfloat (elapsed_s, >=, (N_GUESSES_AFTER_BURST - 1) / DESIGNED_GUESSES_PER_SECOND);
}

/* The same guesses raced: many connections from one address send the
 * headers of a join first, so that every one of them passes the check of
 * the address's budget made at the headers, and then all the bodies at
 * once.  The charge of a wrong code and the check of the budget happen
 * together once the body is read, so the address still gets only what
 * its budget holds: of the 240 requests' worth it starts with, one each
 * went on the headers, and each wrong code costs ten more; the rest are
 * refused with 429 and Retry-After, their codes unchecked.  An address
 * of its own, on a server of its own. */
#define N_RACED 60
#define WRONG_CODE_COST 10.0

static void
raise_wrong_code_limit_cb (ThRoomServer *server, gpointer data)
{
  th_room_door_set_wrong_code_limit (th_room_server_get_door (server), 60000, 10000);
}

static void
count_wrong_codes_cb (ThRoomServer *server, gpointer data)
{
  *(guint *)data
    = th_room_door_get_n_refused (th_room_server_get_door (server), TH_ROOM_REFUSED_CODE);
}

static void
test_rate_limit_guesses_raced (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) sockets = g_ptr_array_new_with_free_func (g_object_unref);
  guint port = th_room_test_server_get_port (f->server);
  const char *body = "{\"code\": \"ZZZZZZ\", \"name\": \"G\"}";
  g_autofree char *head
    = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                       "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                       port, strlen (body));
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64)th_room_test_deadline_ms (10000) * 1000;
  guint n_wrong = 0, n_limited = 0;
  double elapsed_s;

  /* The room's own budget of wrong codes would stop them as well: raised
   * out of the way, so that this is the address's alone. */
  th_room_test_server_call (f->server, raise_wrong_code_limit_cb, NULL);
  for (guint i = 0; i < N_RACED; i++)
    {
      GSocket *socket = th_room_connect_from ("127.0.0.30", port);

      g_ptr_array_add (sockets, socket);
      g_assert_true (g_socket_condition_timed_wait (
        socket, G_IO_OUT, deadline - g_get_monotonic_time (), NULL, NULL));
      g_assert_cmpint (g_socket_send (socket, head, strlen (head), NULL, NULL), ==,
                       (gssize)strlen (head));
    }

  /* Every header read by the server before any body is sent. */
  while (th_room_count_read_out (port) < N_RACED)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (POLL_INTERVAL_US);
    }

  for (guint i = 0; i < sockets->len; i++)
    g_assert_cmpint (g_socket_send (sockets->pdata[i], body, strlen (body), NULL, NULL), ==,
                     (gssize)strlen (body));

  for (guint i = 0; i < sockets->len; i++)
    {
      g_autoptr (GBytes) response = th_room_raw_exchange_on (sockets->pdata[i], "", 0, 10000);
      guint status = th_room_raw_status (response);

      if (status == 403)
        n_wrong++;
      else
        {
          g_assert_cmpuint (status, ==, 429);
          g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
          n_limited++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u wrong codes and %u refused with 429, in %.2f s", n_wrong, n_limited,
                  elapsed_s);

  /* What was left after the headers, and what refilled meanwhile (the
   * rate as an input), ten requests' worth a wrong code; the one that
   * took the budget below zero counts too. */
  g_assert_cmpfloat (
    n_wrong, <=,
    (TH_ROOM_ADDRESS_BURST - N_RACED + TH_ROOM_ADDRESS_RATE * elapsed_s) / WRONG_CODE_COST + 1);
  g_assert_cmpuint (n_wrong, >=, 1);
  g_assert_cmpuint (n_limited, >=, N_RACED / 2);
}

/* Guesses from many addresses: each of a hundred sends four wrong codes
 * (few enough that no address runs into its own budget), three of them
 * typos and the fourth a guess.  The room checks at most 220 wrong codes
 * at once and then 52 a second, whatever the number of addresses
 * (docs/room-protocol.md); the rest are refused with 429 and Retry-After,
 * their codes unchecked: the fourth codes run out of the guesses' budget
 * of twenty, so some are always refused.  The wrong codes are counted
 * for the host page, and someone at a new address with the right code
 * still joins, once Retry-After has passed if need be.  A server of its
 * own, so the budgets start full. */
#define N_GUESSERS 100
#define GUESSES_EACH 4
#define ROOM_WRONG_CODES_AT_ONCE 220
#define ROOM_WRONG_CODES_PER_SECOND 52.0

static GBytes *
join_from (Fixture *f, const char *address, const char *join_code)
{
  guint port = th_room_test_server_get_port (f->server);
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"G\"}", join_code);
  g_autofree char *raw
    = g_strdup_printf ("POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n"
                       "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                       port, strlen (body), body);

  return th_room_raw_exchange_from (address, port, raw, strlen (raw), 5000);
}

static void
test_rate_limit_guesses_room_wide (Fixture *f, gconstpointer data)
{
  g_autofree char *wrong = g_strdup (code (f));
  gint64 start = g_get_monotonic_time ();
  gint64 deadline;
  guint n_wrong = 0, n_limited = 0, n_counted = 0;
  double elapsed_s;

  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  for (guint i = 0; i < N_GUESSERS; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.%u.%u", 1 + i / 200, 1 + i % 200);

      for (guint j = 0; j < GUESSES_EACH; j++)
        {
          g_autoptr (GBytes) response = join_from (f, address, wrong);
          guint status = th_room_raw_status (response);

          if (status == 403)
            n_wrong++;
          else
            {
              g_assert_cmpuint (status, ==, 429);
              g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
              n_limited++;
            }
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u wrong codes checked, %u refused with 429, in %.2f s", n_wrong, n_limited,
                  elapsed_s);

  /* The bound, with the rate as an input: a slower run only raises it. */
  g_assert_cmpfloat (n_wrong, <=,
                     ROOM_WRONG_CODES_AT_ONCE + ROOM_WRONG_CODES_PER_SECOND * elapsed_s + 1);
  g_assert_cmpuint (n_limited, >, 0);
  th_room_test_server_call (f->server, count_wrong_codes_cb, &n_counted);
  g_assert_cmpuint (n_counted, ==, n_wrong);

  /* The right code from an address that never guessed. */
  deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (5000) * 1000;
  for (;;)
    {
      g_autoptr (GBytes) response = join_from (f, "127.0.3.1", code (f));
      guint status = th_room_raw_status (response);

      if (status == 200)
        break;
      g_assert_cmpuint (status, ==, 429);
      g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (POLL_INTERVAL_US);
    }
}

/* Open connections per address are capped; those over the cap are
 * answered 429 with Retry-After (and closed), not shut without a word,
 * and once the others go the address is welcome again. */
static void
test_connection_cap (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  guint port = th_room_test_server_get_port (f->server);
  g_autofree char *raw = g_strdup_printf ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n\r\n", port);
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (5000) * 1000;

  /* Connections that never say anything, the cheapest flood there is,
   * up to the cap; the kernel hands them to the server in order. */
  for (guint i = 0; i < TH_ROOM_DEFAULT_CONNECTIONS; i++)
    {
      GSocket *socket = th_room_connect_from ("127.0.0.4", port);

      g_ptr_array_add (connections, socket);
      g_socket_condition_timed_wait (socket, G_IO_OUT, deadline - g_get_monotonic_time (), NULL,
                                     NULL);
    }

  /* One more from that address is answered, and told when to retry;
   * another address is not affected. */
  {
    g_autoptr (GBytes) response
      = th_room_raw_exchange_from ("127.0.0.4", port, raw, strlen (raw), 5000);
    g_autoptr (GBytes) other
      = th_room_raw_exchange_from ("127.0.0.5", port, raw, strlen (raw), 5000);

    g_assert_cmpuint (th_room_raw_status (response), ==, 429);
    g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
    g_assert_cmpuint (th_room_raw_status (other), ==, 200);
  }

  /* Those under the cap were left alone (the idle timeout, 30 s, is far
   * off); once they go, the address may connect again. */
  for (guint i = 0; i < connections->len; i++)
    {
      char byte;
      g_autoptr (GError) error = NULL;

      g_assert_cmpint (
        g_socket_receive_with_blocking (connections->pdata[i], &byte, 1, FALSE, NULL, &error), ==,
        -1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
    }
  g_ptr_array_set_size (connections, 0);
  for (;;)
    {
      g_autoptr (GBytes) response
        = th_room_raw_exchange_from ("127.0.0.4", port, raw, strlen (raw), 5000);

      if (th_room_raw_status (response) == 200)
        break;
      g_assert_cmpuint (th_room_raw_status (response), ==, 429);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (POLL_INTERVAL_US);
    }
}

/* Garbage that libsoup answers itself (400 for a request line that is not
 * one), before any code of ours reads it, costs the address a request
 * too; once its budget is spent, a new connection from it is answered
 * 429 at once, before libsoup reads a byte of it.  A server of its own,
 * so the bucket starts full. */
static void
test_reconnect_throttled (Fixture *f, gconstpointer data)
{
  guint port = th_room_test_server_get_port (f->server);
  const char *garbage = "NOT HTTP AT ALL\r\n\r\n";
  gint64 start = g_get_monotonic_time ();
  guint n_refused = 0, n_limited = 0;
  double elapsed_s;

  /* Until the first 429; 1000 bounds the loop, as in the rate limit
   * test. */
  for (guint i = 0; n_limited == 0 && i < 1000; i++)
    {
      g_autoptr (GBytes) response
        = th_room_raw_exchange_from ("127.0.0.6", port, garbage, strlen (garbage), 2000);
      guint status = th_room_raw_status (response);

      if (status == 429)
        {
          g_assert_cmpuint (th_room_raw_retry_after (response), >=, 1);
          n_limited++;
        }
      else
        {
          g_assert_cmpuint (status, ==, 400);
          n_refused++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_test_message ("%u refused with 400 before the first 429, in %.2f s", n_refused, elapsed_s);
  g_assert_cmpuint (n_limited, ==, 1);
  /* The burst, and what refilled meanwhile (the rate as an input). */
  g_assert_cmpuint (n_refused, >=, TH_ROOM_ADDRESS_BURST - 1);
  g_assert_cmpfloat (n_refused, <=, TH_ROOM_ADDRESS_BURST + TH_ROOM_ADDRESS_RATE * elapsed_s + 1);
}

/* Garbage */

static gboolean
contains_ci (const guint8 *data, gsize length, const char *needle)
{
  g_autofree char *copy = g_ascii_strdown ((const char *)data, (gssize)length);

  /* A NUL inside ends the copy early; good enough to look for a header. */
  return strstr (copy, needle) != NULL;
}

/* libsoup's own HTTP parser answers 501 to a transfer coding it does not
 * implement and 505 to an HTTP version other than 1.x, before any code of
 * ours runs; both are the answers RFC 9112 asks for.  Every other 5xx
 * would be our failure. */
static gboolean
is_protocol_refusal (guint status, const guint8 *request, gsize length)
{
  const guint8 *line_end = memchr (request, '\n', length);
  gsize line_length = line_end != NULL ? (gsize)(line_end - request) : length;
  g_autofree char *line = g_strndup ((const char *)request, line_length);

  if (status == 501)
    return contains_ci (request, length, "transfer-encoding");
  if (status == 505)
    return strstr (line, "HTTP/1.1") == NULL && strstr (line, "HTTP/1.0") == NULL;
  return FALSE;
}

static void
mutate (GString *text, GRand *rand)
{
  guint n = g_rand_int_range (rand, 1, 8);

  for (guint i = 0; i < n && text->len > 0; i++)
    {
      guint position = g_rand_int_range (rand, 0, (gint32)text->len);

      switch (g_rand_int_range (rand, 0, 4))
        {
          case 0:
            text->str[position] = (char)g_rand_int_range (rand, 0, 256);
            break;
          case 1:
            g_string_erase (text, position, 1);
            break;
          case 2:
            g_string_insert_c (text, position, "{}[]\",:\\0-9"[g_rand_int_range (rand, 0, 11)]);
            break;
          default:
            g_string_truncate (text, position);
            break;
        }
    }
}

static void
test_garbage (Fixture *f, gconstpointer data)
{
  g_autofree char *token = th_room_join (f->session, url (f), code (f), "Ana", NULL);
  g_autofree char *valid_answers = th_room_answers_for_seed (f->deck, 7);
  guint port = th_room_test_server_get_port (f->server);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char *methods[] = { "GET",   "POST",    "PUT",   "HEAD",   "DELETE", "OPTIONS",
                            "TRACE", "CONNECT", "PATCH", "G\x01T", "" };
  guint n_requests = g_test_slow () ? 2000 : 400;
  guint n_answered = 0;
  guint by_status[600] = { 0 };
  g_autoptr (GString) summary = g_string_new (NULL);

  for (guint i = 0; i < n_requests; i++)
    {
      g_autoptr (GString) raw = g_string_new (NULL);
      g_autoptr (GBytes) response = NULL;
      guint kind = i % 8;
      guint status;

      switch (kind)
        {
          case 0: /* random bytes */
            {
              guint length = g_rand_int_range (rand, 1, 4096);

              for (guint j = 0; j < length; j++)
                g_string_append_c (raw, (char)g_rand_int_range (rand, 0, 256));
            }
            break;
          case 1: /* random method and path */
            {
              guint length = g_rand_int_range (rand, 0, 300);

              g_string_append_printf (raw, "%s /",
                                      methods[g_rand_int_range (rand, 0, G_N_ELEMENTS (methods))]);
              for (guint j = 0; j < length; j++)
                g_string_append_c (raw, (char)g_rand_int_range (rand, 33, 127));
              g_string_append_printf (raw,
                                      " HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                      "Authorization: Bearer %s\r\n\r\n",
                                      port, token);
            }
            break;
          case 2: /* malformed answers */
          case 3:
            {
              g_autoptr (GString) body = g_string_new (valid_answers);

              mutate (body, rand);
              g_string_append_printf (
                raw,
                "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                port, token, body->len);
              g_string_append_len (raw, body->str, (gssize)body->len);
            }
            break;
          case 4: /* malformed joins */
            {
              g_autoptr (GString) body = g_string_new (NULL);

              g_string_printf (body, "{\"code\": \"%s\", \"name\": \"Mallory\"}", code (f));
              mutate (body, rand);
              g_string_append_printf (raw,
                                      "POST /api/join HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                                      "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                                      port, body->len);
              g_string_append_len (raw, body->str, (gssize)body->len);
            }
            break;
          case 5: /* huge headers */
            {
              guint size = g_rand_int_range (rand, 8 * 1024, 256 * 1024);

              g_string_append_printf (
                raw, "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nX-Big: ", port);
              for (guint j = 0; j < size; j++)
                g_string_append_c (raw, 'a');
              g_string_append (raw, "\r\n\r\n");
            }
            break;
          case 6: /* very many headers, and odd ones */
            g_string_append_printf (raw, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n", port);
            for (guint j = 0; j < 3000; j++)
              g_string_append_printf (raw, "X-%u: %c\r\n", j,
                                      (char)g_rand_int_range (rand, 33, 127));
            g_string_append (raw, "\r\n");
            break;
          default: /* broken request framing */
            {
              const char *framings[] = {
                "Content-Length: 10\r\n\r\n12345",
                "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
                "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
                "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "Content-Length: 99999999999999999999999\r\n\r\n",
                "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                "Expect: 100-continue\r\nContent-Length: 100000\r\n\r\n",
                "Authorization: Bearer\r\n\r\n",
                "Authorization: Bearer "
                "\xff\xfe"
                "\r\n\r\n",
                "Host: second.example\r\n\r\n",
              };

              g_string_append_printf (
                raw, "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s", port,
                framings[g_rand_int_range (rand, 0, G_N_ELEMENTS (framings))]);
            }
            break;
        }

      response = th_room_raw_exchange (port, raw->str, raw->len, 2000);
      status = th_room_raw_status (response);
      if (status >= 500 && !is_protocol_refusal (status, (const guint8 *)raw->str, raw->len))
        {
          g_test_message ("request %u (kind %u) got %u", i, kind, status);
          g_assert_cmpuint (status, <, 500);
        }
      if (status != 0)
        n_answered++;
      by_status[status]++;
    }

  for (guint status = 0; status < G_N_ELEMENTS (by_status); status++)
    if (by_status[status] > 0)
      g_string_append_printf (summary, " %ux%u", by_status[status], status);
  g_test_message ("statuses (0 = closed without an answer):%s", summary->str);

  /* Most of it got an answer (the rest a closed connection), and the
   * server still works as before. */
  g_assert_cmpuint (n_answered, >, n_requests / 2);
  {
    g_autoptr (ThRoomReply) reply = request (f, "PUT", "/api/answers", token, valid_answers);
    g_autoptr (ThSession) saved = NULL;

    g_assert_cmpuint (reply->status, ==, 200);
    saved = load_saved_session (f);
    g_assert_cmpuint (th_session_get_n_participants (saved), >=, 1);
  }
}

int
main (int argc, char *argv[])
{
  static const ThRoomTestOptions defaults = { 0, 0, 0, FALSE };

  th_room_test_init (&argc, &argv);

#define ADD_TEST(path, func, options)                                                              \
  g_test_add (path, Fixture, options, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/room/server/page", test_page, NULL);
  ADD_TEST ("/room/server/join", test_join, NULL);
  ADD_TEST ("/room/server/join-refused", test_join_refused, NULL);
  ADD_TEST ("/room/server/locked", test_locked, NULL);
  ADD_TEST ("/room/server/tokens", test_tokens, NULL);
  ADD_TEST ("/room/server/join-limit", test_join_limit, NULL);
  ADD_TEST ("/room/server/room-info", test_room_info, NULL);
  ADD_TEST ("/room/server/answers", test_answers, NULL);
  ADD_TEST ("/room/server/bad-answers", test_bad_answers, NULL);
  ADD_TEST ("/room/server/nul-escape", test_nul_escape, NULL);
  ADD_TEST ("/room/server/one-value", test_one_value, NULL);
  ADD_TEST ("/room/server/too-large", test_too_large, NULL);
  ADD_TEST ("/room/server/framing", test_framing, NULL);
  ADD_TEST ("/room/server/http-refusals", test_http_refusals, NULL);
  ADD_TEST ("/room/server/deck-reveal", test_deck_reveal, NULL);
  ADD_TEST ("/room/server/deck-own-order", test_deck_own_order, NULL);
  ADD_TEST ("/room/server/isolation", test_isolation, NULL);
  ADD_TEST ("/room/server/result", test_result, NULL);
  ADD_TEST ("/room/server/sort-closed", test_sort_closed, NULL);
  ADD_TEST ("/room/server/host-and-origin", test_host_and_origin, NULL);
  ADD_TEST ("/room/server/methods-and-paths", test_methods_and_paths, NULL);
  ADD_TEST ("/room/server/status", test_status, NULL);
  ADD_TEST ("/room/server/save-failure", test_save_failure, NULL);
  ADD_TEST ("/room/server/concurrent", test_concurrent, NULL);
  ADD_TEST ("/room/server/rate-limit", test_rate_limit, &defaults);
  ADD_TEST ("/room/server/rate-limit-bytes", test_rate_limit_bytes, &defaults);
  ADD_TEST ("/room/server/rate-limit-bytes-room-wide", test_rate_limit_bytes_room_wide, &defaults);
  ADD_TEST ("/room/server/rate-limit-guesses", test_rate_limit_guesses, &defaults);
  ADD_TEST ("/room/server/rate-limit-guesses-raced", test_rate_limit_guesses_raced, &defaults);
  ADD_TEST ("/room/server/rate-limit-guesses-room-wide", test_rate_limit_guesses_room_wide,
            &defaults);
  ADD_TEST ("/room/server/connection-cap", test_connection_cap, &defaults);
  ADD_TEST ("/room/server/reconnect-throttled", test_reconnect_throttled, &defaults);
  ADD_TEST ("/room/server/garbage", test_garbage, NULL);

  return g_test_run ();
}
