/* fuzz-room.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Requests of the room protocol, straight off the network, in two ways:
 *
 * - the whole input as the body of POST /api/join and PUT /api/answers,
 *   through the parsers the server uses.  Besides "no crash" it checks the
 *   promise the server relies on: what the parsers and the door accept,
 *   the session takes (a name that passes the door's check is a valid
 *   participant name; answers that parse apply whole) and the session file written before the 200 reads
 *   back;
 * - the input as a request (see parse_request()) to a ThRoomServer
 *   through th_room_server_handle(), the code both of libsoup's handlers
 *   run: the body limit, the Host and Origin checks, the rate limit, the
 *   token, then the handlers.  It checks that every request gets exactly
 *   one answer with a status of the protocol, that /api/ answers are JSON,
 *   that nothing but joining, the join page's /api/room and the page is
 *   served without a valid token, and that the deck never shows its key
 *   before the reveal. */

#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "th-room-door.h"
#include "th-room-request.h"
#include "th-room-secret.h"
#include "th-room-server.h"
#include "th-session.h"

static ThDeck *deck;
static ThRoomDoor *door;
static GSocketAddress *local_address;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  th_fuzz_init ();
  deck = th_deck_new_builtin ();
  door = th_room_door_new ();
  {
    g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

    /* Requests "come in" on 127.0.0.1:8080; the dictionary knows it. */
    local_address = g_inet_socket_address_new (loopback, 8080);
  }
  return 0;
}

static void
check_saved (ThSession *session)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) again = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = th_session_to_data (session, &length);
  again = th_session_new_from_data (text, length, &error);
  if (again == NULL)
    {
      fprintf (stderr, "the session a request left does not read back: %s\n", error->message);
      abort ();
    }
  TH_FUZZ_CHECK (th_session_get_n_participants (again) == th_session_get_n_participants (session));
}

static void
try_join (ThSession *session, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  ThParticipant *participant;

  if (!th_room_parse_join ((const char *)data, size, &code, &name, &error))
    {
      TH_FUZZ_CHECK (error != NULL && code == NULL && name == NULL);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  if (code != NULL)
    TH_FUZZ_CHECK (strlen (code) == TH_ROOM_JOIN_CODE_LENGTH
                   && strspn (code, TH_ROOM_JOIN_CODE_ALPHABET) == TH_ROOM_JOIN_CODE_LENGTH);

  /* The server checks the name at the door, once the code is right. */
  if (name != NULL && !th_room_door_check_name (door, name, &error))
    {
      TH_FUZZ_CHECK (error != NULL && g_utf8_validate (error->message, -1, NULL));
      return;
    }

  participant = th_session_add_participant (session, name, &error);
  if (participant == NULL)
    {
      fprintf (stderr, "a name the room accepted is refused by the session: %s\n", error->message);
      abort ();
    }
  if (name != NULL)
    TH_FUZZ_CHECK (strcmp (th_participant_get_name (participant), name) == 0);

  check_saved (session);
}

static void
try_answers (ThSession *session, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomAnswers) answers = NULL;
  ThParticipant *participant;

  answers = th_room_answers_parse (deck, (const char *)data, size, &error);
  if (answers == NULL)
    {
      TH_FUZZ_CHECK (error != NULL);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  participant = th_session_add_participant (session, NULL, &error);
  TH_FUZZ_CHECK (participant != NULL);

  /* Twice: the second time changes nothing, the way a page that resends
   * after a lost answer must not do harm. */
  for (int round = 0; round < 2; round++)
    {
      if (!th_room_answers_apply (answers, session, th_participant_get_id (participant), &error))
        {
          fprintf (stderr, "answers that parsed do not apply: %s\n", error->message);
          abort ();
        }
    }
  TH_FUZZ_CHECK (th_participant_get_n_sorted (participant) <= th_deck_get_n_behaviours (deck));
  TH_FUZZ_CHECK (th_participant_get_n_rated (participant) <= th_deck_get_n_behaviours (deck));

  check_saved (session);
}

static void
try_strings (const uint8_t *data, size_t size)
{
  /* The join code typed into the page and the bearer token of a header
   * arrive as C strings. */
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autofree char *code = th_room_normalize_join_code (text);

  if (code != NULL)
    {
      g_autofree char *again = th_room_normalize_join_code (code);

      TH_FUZZ_CHECK (again != NULL && strcmp (code, again) == 0);
    }
  if (th_room_token_is_well_formed (text))
    TH_FUZZ_CHECK (strlen (text) == TH_ROOM_TOKEN_LENGTH);
}

/* One request: six lines (method, path, Host, Origin, Authorization, the
 * client's address; an empty line is a header that is absent), then the
 * body.  "@code" in the body stands for the room's join code, and an
 * Authorization of "Bearer @" for the token of a participant who joined,
 * so that the fuzzer gets past the checks it cannot guess. */
typedef struct
{
  char *fields[6];
  GBytes *body;
} Request;

enum
{
  FIELD_METHOD,
  FIELD_PATH,
  FIELD_HOST,
  FIELD_ORIGIN,
  FIELD_AUTHORIZATION,
  FIELD_REMOTE,
};

static void
request_clear (Request *request)
{
  for (guint i = 0; i < G_N_ELEMENTS (request->fields); i++)
    g_clear_pointer (&request->fields[i], g_free);
  g_clear_pointer (&request->body, g_bytes_unref);
}

static gboolean
parse_request (const uint8_t *data, size_t size, const char *code, const char *token,
               Request *request)
{
  const char *p = (const char *)data;
  const char *end;
  g_autoptr (GString) body = NULL;

  /* An empty input may come as NULL. */
  if (size == 0)
    return FALSE;
  end = p + size;

  for (guint i = 0; i < G_N_ELEMENTS (request->fields); i++)
    {
      const char *newline = memchr (p, '\n', (size_t)(end - p));

      if (newline == NULL)
        return FALSE;
      /* Headers are C strings: a NUL ends one, as libsoup would refuse. */
      if (newline > p)
        request->fields[i] = g_strndup (p, (gsize)(newline - p));
      p = newline + 1;
    }

  /* Method and path are always there in HTTP. */
  if (request->fields[FIELD_METHOD] == NULL || request->fields[FIELD_PATH] == NULL)
    return FALSE;

  if (g_strcmp0 (request->fields[FIELD_AUTHORIZATION], "Bearer @") == 0 && token != NULL)
    {
      g_free (request->fields[FIELD_AUTHORIZATION]);
      request->fields[FIELD_AUTHORIZATION] = g_strconcat ("Bearer ", token, NULL);
    }

  body = g_string_new_len (p, (gssize)(end - p));
  if (code != NULL)
    g_string_replace (body, "@code", code, 0);
  request->body = g_string_free_to_bytes (g_steal_pointer (&body));
  return TRUE;
}

typedef struct
{
  guint n_calls;
  guint status;
  char *content_type;
  char *body;
  gsize length;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->content_type, g_free);
  g_clear_pointer (&answer->body, g_free);
  answer->n_calls = 0;
}

static void
respond_cb (ThRoomServer *server, const ThRoomResponse *response, gpointer user_data)
{
  Answer *answer = user_data;
  const char *content_type = soup_message_headers_get_one (response->headers, "Content-Type");
  gsize length = 0;
  const char *body = response->body != NULL ? g_bytes_get_data (response->body, &length) : NULL;

  answer->n_calls++;
  answer->status = response->status;
  answer->content_type = g_strdup (content_type);
  answer->body = g_strndup (body != NULL ? body : "", length);
  answer->length = length;
}

static JsonNode *
check_answer (const Request *request, const Answer *answer)
{
  static const guint statuses[] = { 200, 400, 401, 403, 404, 405, 413, 421, 423, 429, 503 };
  const char *path = request->fields[FIELD_PATH];
  g_autoptr (JsonParser) parser = NULL;
  gboolean known = FALSE;

  /* Without a session file nothing waits for a write. */
  TH_FUZZ_CHECK (answer->n_calls == 1);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    known |= answer->status == statuses[i];
  TH_FUZZ_CHECK (known);

  if (!g_str_has_prefix (path, "/api/") && answer->status == 200)
    return NULL;
  if (answer->status == 404 && !g_str_has_prefix (path, "/api/"))
    return NULL;

  /* Every answer of the API, errors included, is a JSON object. */
  TH_FUZZ_CHECK (g_strcmp0 (answer->content_type, "application/json; charset=utf-8") == 0);
  parser = json_parser_new_immutable ();
  TH_FUZZ_CHECK (json_parser_load_from_data (parser, answer->body, (gssize)answer->length, NULL));
  TH_FUZZ_CHECK (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  if (answer->status != 200)
    TH_FUZZ_CHECK (
      json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "error"));

  return json_node_ref (json_parser_get_root (parser));
}

static void
try_server (const uint8_t *data, size_t size)
{
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThRoomServer) server = th_room_server_new (session, NULL);
  const char *code = th_room_server_get_join_code (server);
  g_autofree char *token = NULL;
  g_autoptr (JsonNode) root = NULL;
  Request request = { 0 };
  Answer answer = { 0 };

  TH_FUZZ_CHECK (code != NULL);

  /* Someone joined already, from another address. */
  {
    g_autofree char *join = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Ana\"}", code);
    g_autoptr (GBytes) body = g_bytes_new (join, strlen (join));
    ThRoomRequest first = {
      .method = "POST",
      .path = "/api/join",
      .host = "127.0.0.1:8080",
      .remote_address = "10.0.0.1",
      .local_address = local_address,
      .body = body,
    };

    th_room_server_handle (server, &first, respond_cb, &answer);
    TH_FUZZ_CHECK (answer.n_calls == 1 && answer.status == 200);
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();

      TH_FUZZ_CHECK (json_parser_load_from_data (parser, answer.body, -1, NULL));
      token = g_strdup (json_object_get_string_member (
        json_node_get_object (json_parser_get_root (parser)), "token"));
    }
    answer_clear (&answer);
  }

  if (!parse_request (data, size, code, token, &request))
    {
      request_clear (&request);
      return;
    }

  {
    ThRoomRequest whole = {
      .method = request.fields[FIELD_METHOD],
      .path = request.fields[FIELD_PATH],
      .host = request.fields[FIELD_HOST],
      .origin = request.fields[FIELD_ORIGIN],
      .authorization = request.fields[FIELD_AUTHORIZATION],
      .remote_address = request.fields[FIELD_REMOTE],
      .local_address = local_address,
      .body = request.body,
    };

    th_room_server_handle (server, &whole, respond_cb, &answer);
  }
  root = check_answer (&request, &answer);

  if (answer.status == 200 && root != NULL)
    {
      const char *path = request.fields[FIELD_PATH];
      JsonObject *object = json_node_get_object (root);

      /* Only joining, and what the join page reads first, need no token. */
      if (strcmp (path, "/api/join") != 0 && strcmp (path, "/api/room") != 0)
        TH_FUZZ_CHECK (request.fields[FIELD_AUTHORIZATION] != NULL
                       && strstr (request.fields[FIELD_AUTHORIZATION], token) != NULL);

      /* What anyone may read says nothing of the people in the room. */
      if (strcmp (path, "/api/room") == 0)
        TH_FUZZ_CHECK (strstr (answer.body, "Ana") == NULL && strstr (answer.body, token) == NULL);

      /* The answer to the exercise stays in the app until the reveal. */
      if (strcmp (path, "/api/deck") == 0)
        TH_FUZZ_CHECK (strstr (answer.body, "\"key\"") == NULL);

      /* A new participant's token works at once. */
      if (strcmp (path, "/api/join") == 0)
        {
          g_autofree char *bearer
            = g_strconcat ("Bearer ", json_object_get_string_member (object, "token"), NULL);
          ThRoomRequest me_request = {
            .method = "GET",
            .path = "/api/me",
            .host = "127.0.0.1:8080",
            .authorization = bearer,
            .remote_address = "10.0.0.2",
            .local_address = local_address,
          };
          Answer me = { 0 };

          TH_FUZZ_CHECK (th_session_get_n_participants (session) == 2);
          th_room_server_handle (server, &me_request, respond_cb, &me);
          TH_FUZZ_CHECK (me.n_calls == 1 && me.status == 200);
          answer_clear (&me);
        }
    }

  answer_clear (&answer);
  request_clear (&request);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (ThSession) session = th_session_new (deck);

  try_join (session, data, size);
  try_answers (session, data, size);
  try_strings (data, size);
  try_server (data, size);

  return 0;
}
