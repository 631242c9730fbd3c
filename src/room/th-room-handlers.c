/* th-room-handlers.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-error.h"
#include "th-json.h"
#include "th-name.h"
#include "th-room-request.h"
#include "th-room-resources.h"
#include "th-room-secret.h"
#include "th-room-server-private.h"
#include "th-scores.h"

/* The protocol of docs/room-protocol.md: what each request does once the
 * server's defences have let it through, and what it answers.  Answers
 * and joins change the session and wait for its file; everything else
 * only reads. */

#define RESOURCE_PREFIX "/io/github/twohats/TwoHats/room/"
#define WRONG_CODE_COST 10.0 /* a wrong join code costs ten requests' worth */
/* libsoup 3.2 has no name for it (RFC 6585). */
#define STATUS_TOO_MANY_REQUESTS 429

typedef struct
{
  const char *path;
  const char *resource;
  const char *content_type;
} StaticFile;

static const StaticFile static_files[] = {
  { "/", "index.html", "text/html; charset=utf-8" },
  { "/index.html", "index.html", "text/html; charset=utf-8" },
  { "/app.js", "app.js", "text/javascript; charset=utf-8" },
  { "/advice.js", "advice.js", "text/javascript; charset=utf-8" },
  { "/app.css", "app.css", "text/css; charset=utf-8" },
  { "/icon.svg", "icon.svg", "image/svg+xml" },
};

/* JSON bodies of the protocol */

/* The protocol's name of a phase: core names the phases once, as the
 * nicks of ThPhase (th-session.c), which are the protocol's words. */
static const char *
phase_name (ThPhase phase)
{
  static gsize phases = 0;
  GEnumValue *value;

  if (g_once_init_enter (&phases))
    g_once_init_leave (&phases, (gsize)g_type_class_ref (TH_TYPE_PHASE));

  value = g_enum_get_value ((GEnumClass *)phases, phase);
  g_assert (value != NULL);
  return value->value_nick;
}

/* Who is asking, as /api/state says it (and me_body() writes it). */
static void
add_caller_members (JsonBuilder *builder, const char *id, const char *name, ThRoomStatus status)
{
  json_builder_set_member_name (builder, "participant");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, th_room_status_to_string (status));
}

/* The caller's own position, docs/room-protocol.md "GET /api/me": only
 * once the key is out (the scores average ratings by key, so before the
 * reveal they would give it away) and every card is rated, so that the
 * phone shows where its owner lands, not a position that moves with each
 * tap.  The numbers and the quadrant are th_scores_compute()'s, as the
 * chart's are. */
static void
append_result (GString *out, ThRoomServer *self, ThParticipant *participant)
{
  ThDeck *deck = th_session_get_deck (self->session);
  double threshold = th_session_get_threshold (self->session);
  ThScores scores;

  if (th_session_get_phase (self->session) < TH_PHASE_REVEAL)
    return;

  th_scores_compute (participant, deck, threshold, &scores);
  if (scores.rated < th_deck_get_n_behaviours (deck) || scores.quadrant == TH_QUADRANT_NONE)
    return;

  g_string_append (out, ",\"result\":{\"leadership\":");
  th_json_append_double (out, scores.leadership);
  g_string_append (out, ",\"management\":");
  th_json_append_double (out, scores.management);
  g_string_append (out, ",\"quadrant\":");
  th_json_append_string (out, th_quadrant_to_id (scores.quadrant));
  g_string_append (out, ",\"threshold\":");
  th_json_append_double (out, threshold);
  g_string_append_c (out, '}');
}

/* The body of GET /api/me, and of every answer's 200: written as text,
 * as th-session-writer.c writes the file, because the room sends it after
 * every tap.  A JsonBuilder tree of it and its generator cost the main
 * thread several times the text, and the JSON is the same (compact, the
 * members in this order, the cards in the order of their ids). */
static GBytes *
me_body (ThRoomServer *self, ThRoomGuest *guest)
{
  ThParticipant *participant = th_room_guest_get_participant (guest);
  g_autoptr (GPtrArray) sorted = th_participant_dup_sorted_ids (participant);
  g_autoptr (GPtrArray) rated = th_participant_dup_rated_ids (participant);
  GString *out = g_string_sized_new (128 + 48 * (sorted->len + rated->len));
  gboolean any = FALSE;

  g_string_append (out, "{\"participant\":");
  th_json_append_string (out, th_participant_get_id (participant));
  g_string_append (out, ",\"name\":");
  th_json_append_string (out, th_participant_get_name (participant));
  g_string_append (out, ",\"status\":");
  th_json_append_string (out, th_room_status_to_string (th_room_guest_get_status (guest)));

  g_string_append (out, ",\"sort\":{");
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *id = sorted->pdata[i];
      ThSide side;

      if (!th_participant_get_sort (participant, id, &side))
        continue;
      if (any)
        g_string_append_c (out, ',');
      any = TRUE;
      th_json_append_string (out, id);
      g_string_append_c (out, ':');
      th_json_append_string (out, th_side_to_string (side));
    }

  g_string_append (out, "},\"ratings\":{");
  for (guint i = 0; i < rated->len; i++)
    {
      const char *id = rated->pdata[i];
      int rating = th_participant_get_rating (participant, id);

      if (i > 0)
        g_string_append_c (out, ',');
      th_json_append_string (out, id);
      g_string_append_c (out, ':');
      /* A rating is a digit, 1 to 5: printf would allocate for it. */
      if (rating >= 0 && rating <= 9)
        g_string_append_c (out, (char)('0' + rating));
      else
        g_string_append_printf (out, "%d", rating);
    }
  g_string_append_c (out, '}');
  append_result (out, self, participant);
  g_string_append_c (out, '}');

  return g_string_free_to_bytes (out);
}

/* The deck for the caller @participant, whose cards come in their own
 * order (docs/room-protocol.md, "GET /api/deck"): a shuffle made once for
 * them and kept in the session file, so that a reload, or the session
 * opened again, shows the same order, and neighbours see different ones. */
static JsonNode *
deck_node (ThRoomServer *self, ThParticipant *participant)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  ThDeck *deck = th_session_get_deck (self->session);
  guint n_behaviours;
  const guint16 *order = th_participant_get_order (participant, &n_behaviours);
  ThPhase phase = th_session_get_phase (self->session);
  /* The key is the answer to the exercise: it only leaves the app once
   * the facilitator has revealed it. */
  gboolean revealed = phase >= TH_PHASE_REVEAL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, th_deck_get_title (deck));
  if (th_deck_get_language (deck) != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, th_deck_get_language (deck));
    }
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, phase_name (phase));
  json_builder_set_member_name (builder, "revealed");
  json_builder_add_boolean_value (builder, revealed);

  json_builder_set_member_name (builder, "behaviours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_behaviours; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, order[i]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, th_behaviour_get_id (behaviour));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, th_behaviour_get_text (behaviour));
      if (revealed)
        {
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder,
                                         th_side_to_string (th_behaviour_get_key (behaviour)));
          if (th_behaviour_get_why (behaviour) != NULL)
            {
              json_builder_set_member_name (builder, "why");
              json_builder_add_string_value (builder, th_behaviour_get_why (behaviour));
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
state_node (ThRoomServer *self, ThRoomGuest *guest)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  const char *title = th_session_get_title (self->session);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, phase_name (th_session_get_phase (self->session)));
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, self->locked);
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    json_builder_add_string_value (builder, title);
  else
    json_builder_add_null_value (builder);
  add_caller_members (builder, th_room_guest_get_id (guest), th_room_guest_get_name (guest),
                      th_room_guest_get_status (guest));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* What the join page reads before joining: whether it asks for a name. */
static JsonNode *
room_node (ThRoomServer *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "names");
  json_builder_add_string_value (
    builder, th_room_door_get_generated_names (self->door) ? "generated" : "typed");
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, self->locked);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
join_node (ThRoomGuest *guest, const char *token)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "participant");
  json_builder_add_string_value (builder, th_room_guest_get_id (guest));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, th_room_guest_get_name (guest));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Answers */

static void
send_response (const ThRoomCall *call, const ThRoomResponse *response)
{
  call->respond (call->server, response, call->user_data);
}

static void
respond_error (const ThRoomCall *call, guint status, const char *message)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  _th_room_response_set_error (response, status, message);
  send_response (call, response);
}

void
_th_room_response_set_refusal (ThRoomResponse *response, guint status, const char *message,
                               const char *reason)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  _th_room_response_set_json (response, status, node);
}

/* A refusal (a join, or a sort once the sorting is closed): the message
 * for the person, the reason for the page. */
static void
respond_refusal (const ThRoomCall *call, guint status, const char *message, const char *reason)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  _th_room_response_set_refusal (response, status, message, reason);
  send_response (call, response);
}

static void
respond_node (const ThRoomCall *call, JsonNode *node)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  _th_room_response_set_json (response, SOUP_STATUS_OK, node);
  send_response (call, response);
}

static void
respond_body (const ThRoomCall *call, GBytes *body)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  _th_room_response_set_json_body (response, SOUP_STATUS_OK, body);
  send_response (call, response);
}

/* Waiting for the session file */

/* A join or an answer whose 200 waits for the session file. */
typedef struct
{
  ThRoomServer *self;
  ThRoomGuest *joining; /* a join to undo if its save fails */
  GBytes *success;      /* the 200 body, JSON text */
  ThRoomRespondFunc respond;
  gpointer user_data;
} SaveWait;

static void
undo_join (ThRoomServer *self, ThRoomGuest *guest)
{
  const char *id = th_room_guest_get_id (guest);

  /* Nobody held the token: not a removal, so the name stays free. */
  th_room_door_forget (self->door, id);

  /* Unless they were removed meanwhile. */
  if (th_room_server_lookup_guest (self, id) != NULL)
    th_session_remove_participant (self->session, id);
}

static void
wait_saved_cb (ThSaveQueue *queue, const GError *error, gpointer user_data)
{
  SaveWait *wait = user_data;
  ThRoomServer *self = wait->self;
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  if (error == NULL)
    _th_room_response_set_json_body (response, SOUP_STATUS_OK, wait->success);
  else
    {
      _th_room_server_report_save_failure (self, queue, error);

      if (wait->joining != NULL)
        {
          /* Nobody will ever hold this participant's token: take them
           * out again rather than leave an empty participant behind. */
          undo_join (self, wait->joining);
          _th_room_response_set_error (
            response, SOUP_STATUS_SERVICE_UNAVAILABLE,
            _ ("The facilitator’s computer could not save the session. Try again."));
        }
      else
        /* The answer is in the session and will be in the next save; the
         * page retries, which does no harm. */
        _th_room_response_set_error (
          response, SOUP_STATUS_SERVICE_UNAVAILABLE,
          _ ("Your answer arrived but could not be saved yet. Trying again."));
    }

  wait->respond (self, response, wait->user_data);

  g_clear_object (&wait->joining);
  g_clear_pointer (&wait->success, g_bytes_unref);
  g_clear_object (&wait->self);
  g_free (wait);
}

/* Sends @success once the session is on disk: everything that arrives in
 * one main loop iteration shares one write. */
static void
respond_after_save (const ThRoomCall *call, GBytes *success, ThRoomGuest *joining)
{
  ThRoomServer *self = call->server;
  SaveWait *wait;

  if (self->queue == NULL)
    {
      respond_body (call, success);
      return;
    }

  wait = g_new0 (SaveWait, 1);
  wait->self = g_object_ref (self);
  wait->joining = joining != NULL ? g_object_ref (joining) : NULL;
  wait->success = g_bytes_ref (success);
  wait->respond = call->respond;
  wait->user_data = call->user_data;
  th_save_queue_request (self->queue, wait_saved_cb, wait);
}

/* The requests */

/* The body as the parsers take it: "" stands for none. */
static const char *
body_data (const ThRoomCall *call, gsize *length)
{
  GBytes *body = call->request->body;
  const char *data = body != NULL ? g_bytes_get_data (body, length) : NULL;

  if (data == NULL)
    {
      *length = 0;
      return "";
    }

  return data;
}

/* The protocol's word for what is wrong with a name, or NULL when @error
 * is not about the name. */
static const char *
name_reason (const GError *error)
{
  if (g_error_matches (error, TH_ROOM_DOOR_ERROR, TH_ROOM_DOOR_ERROR_NAME_REMOVED))
    return "name-removed";
  if (error->domain != TH_NAME_ERROR)
    return NULL;

  switch ((ThNameError)error->code)
    {
      case TH_NAME_ERROR_TOO_LONG:
        return "name-too-long";
      case TH_NAME_ERROR_CONTROL:
        return "name-control";
      case TH_NAME_ERROR_DIRECTION:
        return "name-direction";
      case TH_NAME_ERROR_INVISIBLE:
        return "name-invisible";
      case TH_NAME_ERROR_REFUSED_WORD:
        return "name-refused-word";
      case TH_NAME_ERROR_RESERVED:
        return "name-reserved";
      case TH_NAME_ERROR_EMPTY:
      default:
        return "name";
    }
}

static gboolean
is_join_code (ThRoomServer *self, const char *code)
{
  return code != NULL && self->join_code != NULL
         && th_room_equal_constant_time (code, self->join_code, TH_ROOM_JOIN_CODE_LENGTH);
}

/* 429 with Retry-After: @retry_after_s, and @reason (may be NULL). */
static void
respond_too_many (const ThRoomCall *call, guint retry_after_s, const char *reason)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();
  g_autofree char *seconds = g_strdup_printf ("%u", retry_after_s);

  soup_message_headers_replace (response->headers, "Retry-After", seconds);
  _th_room_response_set_refusal (response, STATUS_TOO_MANY_REQUESTS,
                                 _ ("Too many requests. Wait a moment."), reason);
  send_response (call, response);
}

static void
refuse_room_full (const ThRoomCall *call)
{
  th_room_door_count_refusal (call->server->door, TH_ROOM_REFUSED_FULL);
  respond_refusal (call, SOUP_STATUS_LOCKED, _ ("The room is full."), "full");
}

static void
handle_join (const ThRoomCall *call)
{
  ThRoomServer *self = call->server;
  ThRoomDoor *door = self->door;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autoptr (ThRoomGuest) guest = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GBytes) success = NULL;
  ThParticipant *participant;
  gboolean named;
  gboolean room_wide = FALSE;
  guint retry_after = 1;
  gsize length;
  const char *data = body_data (call, &length);

  if (!th_room_parse_join (data, length, &code, &name, &error))
    {
      respond_refusal (call, SOUP_STATUS_BAD_REQUEST, error->message, name_reason (error));
      return;
    }

  /* The address's budget was taken from when the headers came, but a
   * wrong code is charged only now, with the body read: many requests
   * whose headers all came first would each have passed that check
   * before any was charged.  So the budget is looked at again here, in
   * the same step as the charge below, and an address already in debt
   * (only wrong codes and garbage put it there) is refused before its
   * code is checked. */
  if (!th_room_limiter_check (self->limiter, call->request->remote_address, 0.0,
                              g_get_monotonic_time (), &retry_after))
    {
      respond_too_many (call, retry_after, NULL);
      return;
    }

  /* The room's budget of wrong codes, whatever address they come from,
   * checked and charged in the same step too. */
  if (!th_room_door_may_check_code (door, call->request->remote_address, g_get_monotonic_time (),
                                    &retry_after))
    {
      respond_too_many (call, retry_after, "wrong-codes");
      return;
    }

  if (!is_join_code (self, code))
    {
      /* Guessing codes costs ten requests each, on top of this one. */
      th_room_limiter_charge (self->limiter, call->request->remote_address, WRONG_CODE_COST,
                              g_get_monotonic_time ());
      th_room_door_wrong_code (door, call->request->remote_address, g_get_monotonic_time ());
      respond_refusal (call, SOUP_STATUS_FORBIDDEN, _ ("That is not the join code."), "code");
      return;
    }

  if (self->locked)
    {
      th_room_door_count_refusal (door, TH_ROOM_REFUSED_LOCKED);
      respond_refusal (call, SOUP_STATUS_LOCKED, _ ("The room is locked."), "locked");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->guests)) >= th_room_door_get_room_size (door))
    {
      refuse_room_full (call);
      return;
    }

  /* A generated name replaces whatever was sent: a page that still asked
   * for one joins all the same. */
  if (th_room_door_get_generated_names (door))
    {
      g_free (name);
      name = th_room_door_generate_name (door, self->session);
    }
  else if (name != NULL && !th_room_door_check_name (door, name, &error))
    {
      /* Someone with the right code whose name the room refuses is a
       * person at the door: the host page counts them. */
      th_room_door_count_refusal (door, TH_ROOM_REFUSED_NAME);
      respond_refusal (call, SOUP_STATUS_BAD_REQUEST, error->message, name_reason (error));
      return;
    }
  named = name != NULL;

  /* Last of the checks, so that only a join that would happen is counted
   * against the address. */
  if (!th_room_door_take_join_full (door, call->request->remote_address, g_get_monotonic_time (),
                                    &retry_after, &room_wide))
    {
      g_autoptr (ThRoomResponse) response = _th_room_response_new ();
      g_autofree char *seconds = g_strdup_printf ("%u", retry_after);
      g_autofree char *message
        = room_wide
            ? g_strdup_printf (ngettext ("Many people have just joined. Try again in %u second.",
                                         "Many people have just joined. Try again in %u seconds.",
                                         retry_after),
                               retry_after)
            : g_strdup_printf (
              ngettext ("Many people have just joined from this network. Try again in %u second.",
                        "Many people have just joined from this network. Try again in %u seconds.",
                        retry_after),
              retry_after);

      th_room_door_count_refusal (door, TH_ROOM_REFUSED_JOIN_LIMIT);
      soup_message_headers_replace (response->headers, "Retry-After", seconds);
      _th_room_response_set_refusal (response, STATUS_TOO_MANY_REQUESTS, message, "join-limit");
      send_response (call, response);
      return;
    }

  token = th_room_new_token (&error);
  if (token == NULL)
    {
      respond_error (call, SOUP_STATUS_SERVICE_UNAVAILABLE, error->message);
      return;
    }

  participant = th_session_add_participant (self->session, name, &error);
  if (participant == NULL)
    {
      if (g_error_matches (error, TH_ERROR, TH_ERROR_TOO_LARGE))
        refuse_room_full (call);
      else
        respond_error (call, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }

  guest = _th_room_server_admit (self, participant, token);
  th_room_door_admitted (door, guest, named);

  node = join_node (guest, token);
  success = _th_room_json_to_bytes (node);
  respond_after_save (call, success, guest);
}

static void
handle_answers (const ThRoomCall *call)
{
  ThRoomServer *self = call->server;
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomAnswers) answers = NULL;
  g_autoptr (GBytes) success = NULL;
  gsize length;
  const char *data = body_data (call, &length);

  answers = th_room_answers_parse (th_session_get_deck (self->session), data, length, &error);
  if (answers == NULL)
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }

  /* Once the key has been shown, sorting again would only copy it: the
   * sides stay as they were, and the request as a whole is refused, its
   * ratings too, so that one request has one outcome.  A sort that only
   * repeats what is saved (a phone sending again what it sent before the
   * reveal) changes nothing and passes. */
  if (th_session_get_phase (self->session) != TH_PHASE_SORT
      && !th_room_answers_check_sort_unchanged (
        answers, th_room_guest_get_participant (call->guest), &error))
    {
      respond_refusal (call, SOUP_STATUS_BAD_REQUEST, error->message, "sort-closed");
      return;
    }

  if (!th_room_answers_apply (answers, self->session, th_room_guest_get_id (call->guest), &error))
    {
      /* Checked already: only a participant removed meanwhile gets here. */
      respond_error (call, SOUP_STATUS_BAD_REQUEST, error->message);
      return;
    }

  _th_room_server_answers_changed (self, call->guest);

  success = me_body (self, call->guest);
  respond_after_save (call, success, NULL);
}

static gboolean
method_is (const ThRoomCall *call, const char *method)
{
  return g_strcmp0 (call->request->method, method) == 0;
}

static void
method_not_allowed (const ThRoomCall *call, const char *allow)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  soup_message_headers_replace (response->headers, "Allow", allow);
  _th_room_response_set_error (response, SOUP_STATUS_METHOD_NOT_ALLOWED,
                               _ ("This method is not allowed here."));
  send_response (call, response);
}

/* GET /api/me, /api/deck and /api/state: what the caller reads. */
static void
handle_read (const ThRoomCall *call)
{
  const char *path = call->request->path;
  g_autoptr (JsonNode) node = NULL;

  if (!method_is (call, SOUP_METHOD_GET) && !method_is (call, SOUP_METHOD_HEAD))
    {
      method_not_allowed (call, "GET, HEAD");
      return;
    }

  if (strcmp (path, "/api/me") == 0)
    {
      g_autoptr (GBytes) body = me_body (call->server, call->guest);

      respond_body (call, body);
      return;
    }

  if (strcmp (path, "/api/deck") == 0)
    node = deck_node (call->server, th_room_guest_get_participant (call->guest));
  else
    node = state_node (call->server, call->guest);
  respond_node (call, node);
}

static void
handle_static (const ThRoomCall *call)
{
  g_autoptr (ThRoomResponse) response = _th_room_response_new ();

  for (guint i = 0; i < G_N_ELEMENTS (static_files); i++)
    {
      g_autofree char *resource = NULL;

      if (strcmp (call->request->path, static_files[i].path) != 0)
        continue;

      if (!method_is (call, SOUP_METHOD_GET) && !method_is (call, SOUP_METHOD_HEAD))
        {
          method_not_allowed (call, "GET, HEAD");
          return;
        }

      resource = g_strconcat (RESOURCE_PREFIX, static_files[i].resource, NULL);
      response->body = g_resource_lookup_data (th_room_get_resource (), resource,
                                               G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (response->body != NULL);

      /* The page is small and must follow an app update at once. */
      response->status = SOUP_STATUS_OK;
      soup_message_headers_replace (response->headers, "Cache-Control", "no-cache");
      soup_message_headers_replace (response->headers, "Content-Type",
                                    static_files[i].content_type);
      send_response (call, response);
      return;
    }

  response->status = SOUP_STATUS_NOT_FOUND;
  response->body = g_bytes_new_static ("Not found\n", 10);
  soup_message_headers_replace (response->headers, "Content-Type", "text/plain; charset=utf-8");
  send_response (call, response);
}

gboolean
_th_room_path_needs_token (const char *path)
{
  return g_str_has_prefix (path, "/api/") && strcmp (path, "/api/join") != 0
         && strcmp (path, "/api/room") != 0;
}

/* What comes after the checks: the call's guest is the caller, NULL for
 * the page, for joining and for what the join page reads. */
void
_th_room_server_dispatch (const ThRoomCall *call)
{
  const char *path = call->request->path;

  if (!g_str_has_prefix (path, "/api/"))
    {
      handle_static (call);
      return;
    }

  if (strcmp (path, "/api/room") == 0)
    {
      g_autoptr (JsonNode) node = NULL;

      if (!method_is (call, SOUP_METHOD_GET) && !method_is (call, SOUP_METHOD_HEAD))
        {
          method_not_allowed (call, "GET, HEAD");
          return;
        }
      node = room_node (call->server);
      respond_node (call, node);
      return;
    }

  if (strcmp (path, "/api/join") == 0)
    {
      if (method_is (call, SOUP_METHOD_POST))
        handle_join (call);
      else
        method_not_allowed (call, "POST");
      return;
    }

  /* The checks let only callers with a valid token through. */
  g_assert (call->guest != NULL);

  if (strcmp (path, "/api/answers") == 0)
    {
      if (method_is (call, SOUP_METHOD_PUT))
        handle_answers (call);
      else
        method_not_allowed (call, "PUT");
    }
  else if (strcmp (path, "/api/me") == 0 || strcmp (path, "/api/deck") == 0
           || strcmp (path, "/api/state") == 0)
    handle_read (call);
  else
    respond_error (call, SOUP_STATUS_NOT_FOUND, _ ("There is no such API."));
}
