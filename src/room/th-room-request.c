/* th-room-request.c
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
#include "th-room-request.h"
#include "th-room-secret.h"
#include "th-session-checks.h"

typedef struct
{
  char *behaviour_id;
  int value; /* ThSide for a sort (TH_SIDE_BOTH clears), 0–5 for a rating */
} Entry;

struct _ThRoomAnswers
{
  GArray *sort;    /* of Entry */
  GArray *ratings; /* of Entry */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->behaviour_id);
}

/* Core words what breaks one of its rules as a clause, "ratings.x: 7 is
 * not between 1 and 5", which a file's reader puts after the file's name
 * (th-json.h); the room's messages are sentences, so they get a full
 * stop, and a clause that starts with a word rather than a path a
 * capital.  Returns FALSE, for the refusal it finishes. */
static gboolean
refused_by_core (GError **error, gboolean at_root)
{
  GError *refusal = error != NULL ? *error : NULL;
  GString *sentence;

  if (refusal == NULL || refusal->message[0] == '\0')
    return FALSE;

  sentence = g_string_new (NULL);
  if (at_root)
    {
      g_string_append_unichar (sentence, g_unichar_toupper (g_utf8_get_char (refusal->message)));
      g_string_append (sentence, g_utf8_next_char (refusal->message));
    }
  else
    g_string_append (sentence, refusal->message);
  g_string_append_c (sentence, '.');

  g_free (refusal->message);
  refusal->message = g_string_free (sentence, FALSE);
  return FALSE;
}

JsonNode *
th_room_parse_object (const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;
  ThJsonRefusal refusal;

  /* The same bounded parse as every file (th-json.h); only the words
   * differ, since these go back to a participant's browser. */
  root = th_json_parse_bounded (data, length, TH_ROOM_MAX_BODY_SIZE, TH_ROOM_MAX_JSON_DEPTH,
                                &refusal, &local_error);
  switch (refusal)
    {
      case TH_JSON_REFUSED_NONE:
        break;
      case TH_JSON_REFUSED_SIZE:
        g_set_error_literal (error, TH_ERROR, TH_ERROR_TOO_LARGE, _ ("The request is too large."));
        return NULL;
      case TH_JSON_REFUSED_EMPTY:
        /* White space alone is no more a body than nothing. */
        g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE, _ ("The request has no body."));
        return NULL;
      case TH_JSON_REFUSED_ENCODING:
        g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE, _ ("The request is not UTF-8 text."));
        return NULL;
      case TH_JSON_REFUSED_NUL_ESCAPE:
        g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE,
                             _ ("The request contains the escape \\u0000 (a NUL character), which "
                                "the room does not accept."));
        return NULL;
      case TH_JSON_REFUSED_DEPTH:
        g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE, _ ("The request nests too deeply."));
        return NULL;
      case TH_JSON_REFUSED_NUMBER:
        /* json-glib would have read it as another number: 99999999999999999999
         * as -1, which a rating would then be refused for. */
        g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE,
                     _ ("The request holds a number that is too large (%s)."),
                     local_error->message);
        return NULL;
      case TH_JSON_REFUSED_NOT_JSON:
      case TH_JSON_REFUSED_SYNTAX:
      default:
        /* The message quotes what json-glib refused, made printable and
         * whole UTF-8 by core: it goes back to a browser as JSON. */
        g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("The request is not valid JSON: %s"),
                     local_error->message);
        return NULL;
    }

  if (!th_json_root_get_object (root, NULL, &object, error))
    {
      refused_by_core (error, TRUE);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* A member that is a string, or absent or null (*@out NULL), by core's
 * rule for a string. */
static gboolean
get_optional_string (JsonObject *object, const char *member, const char **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (NULL, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!th_json_node_get_string (node, &path, out, error))
    return refused_by_core (error, FALSE);

  return TRUE;
}

gboolean
th_room_parse_join (const char *data, gsize length, char **code_out, char **name_out,
                    GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) name_error = NULL;
  JsonObject *object;
  const char *code, *raw_name;

  g_return_val_if_fail (code_out != NULL && name_out != NULL, FALSE);

  *code_out = NULL;
  *name_out = NULL;

  root = th_room_parse_object (data, length, error);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);

  if (!get_optional_string (object, "code", &code, error))
    return FALSE;

  /* A name longer than any string of a file (4 000 characters) is a name
   * too long all the same: it is refused for that, with its reason, when
   * the name's turn comes (th_room_door_check_name), not as a body that
   * breaks core's limit. */
  if (!get_optional_string (object, "name", &raw_name, &name_error))
    {
      if (!g_error_matches (name_error, TH_ERROR, TH_ERROR_TOO_LARGE))
        {
          g_propagate_error (error, g_steal_pointer (&name_error));
          return FALSE;
        }
      raw_name = json_object_get_string_member (object, "name");
    }

  if (code == NULL)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_INVALID,
                           _ ("code: the join code is missing."));
      return FALSE;
    }

  /* Only ASCII white space means "anonymous": a name of U+00A0 or U+FEFF
   * is a name that shows nothing, which the door's check of the name rule
   * refuses, after the code (th_room_door_check_name). */
  if (raw_name != NULL)
    {
      name = g_strstrip (g_strdup (raw_name));
      if (*name == '\0')
        g_clear_pointer (&name, g_free);
    }

  *code_out = th_room_normalize_join_code (code);
  *name_out = g_steal_pointer (&name);
  return TRUE;
}

/* "sort" and "ratings" are read by the rules of a session file's
 * (th-session-checks.h, th-json.h), with one rule of the room's own: null
 * clears a card's answer.  A rating must be written as an integer, 4 and
 * not 4.0, which is the room's as well. */

static gboolean
parse_sort (ThDeck *deck, JsonNode *node, GArray *out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (NULL, "sort");
  JsonObject *object;
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (!th_json_node_get_object (node, &path, &object, error))
    return refused_by_core (error, FALSE);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &id, &value))
    {
      ThJsonPath value_path = TH_JSON_PATH_MEMBER (&path, id);
      Entry entry = { NULL, TH_SIDE_BOTH };
      ThSide side = TH_SIDE_BOTH;
      const char *hat;

      if (!th_session_check_behaviour_key (deck, &path, id, error))
        return refused_by_core (error, FALSE);

      if (!JSON_NODE_HOLDS_NULL (value)
          && (!th_json_node_get_string (value, &value_path, &hat, error)
              || !th_json_check_hat (hat, &value_path, &side, error)))
        return refused_by_core (error, FALSE);

      entry.behaviour_id = g_strdup (id);
      entry.value = side;
      g_array_append_val (out, entry);
    }

  return TRUE;
}

static gboolean
parse_ratings (ThDeck *deck, JsonNode *node, GArray *out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (NULL, "ratings");
  JsonObject *object;
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (!th_json_node_get_object (node, &path, &object, error))
    return refused_by_core (error, FALSE);

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &id, &value))
    {
      ThJsonPath value_path = TH_JSON_PATH_MEMBER (&path, id);
      Entry entry = { NULL, 0 };
      gint64 rating = 0;

      if (!th_session_check_behaviour_key (deck, &path, id, error))
        return refused_by_core (error, FALSE);

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          rating = json_node_get_int (value);
          if (!th_session_check_rating (rating, &value_path, error))
            return refused_by_core (error, FALSE);
        }
      else if (!JSON_NODE_HOLDS_NULL (value))
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                       _ ("ratings.%s: expected a whole number from 1 to 5 or null, found %s."), id,
                       th_json_describe_node (value));
          return FALSE;
        }

      entry.behaviour_id = g_strdup (id);
      entry.value = (int)rating;
      g_array_append_val (out, entry);
    }

  return TRUE;
}

ThRoomAnswers *
th_room_answers_parse (ThDeck *deck, const char *data, gsize length, GError **error)
{
  g_autoptr (ThRoomAnswers) answers = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *sort, *ratings;

  g_return_val_if_fail (TH_IS_DECK (deck), NULL);

  root = th_room_parse_object (data, length, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  answers = g_new0 (ThRoomAnswers, 1);
  answers->sort = g_array_new (FALSE, FALSE, sizeof (Entry));
  answers->ratings = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (answers->sort, entry_clear);
  g_array_set_clear_func (answers->ratings, entry_clear);

  sort = json_object_get_member (object, "sort");
  ratings = json_object_get_member (object, "ratings");

  if (sort == NULL && ratings == NULL)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_INVALID,
                           _ ("Expected \"sort\" or \"ratings\" (or both)."));
      return NULL;
    }

  if (sort != NULL && !JSON_NODE_HOLDS_NULL (sort)
      && !parse_sort (deck, sort, answers->sort, error))
    return NULL;
  if (ratings != NULL && !JSON_NODE_HOLDS_NULL (ratings)
      && !parse_ratings (deck, ratings, answers->ratings, error))
    return NULL;

  return g_steal_pointer (&answers);
}

void
th_room_answers_free (ThRoomAnswers *answers)
{
  if (answers == NULL)
    return;

  g_clear_pointer (&answers->sort, g_array_unref);
  g_clear_pointer (&answers->ratings, g_array_unref);
  g_free (answers);
}

guint
th_room_answers_get_n_entries (ThRoomAnswers *answers)
{
  g_return_val_if_fail (answers != NULL, 0);

  return answers->sort->len + answers->ratings->len;
}

gboolean
th_room_answers_check_sort_unchanged (ThRoomAnswers *answers, ThParticipant *participant,
                                      GError **error)
{
  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (TH_IS_PARTICIPANT (participant), FALSE);

  for (guint i = 0; i < answers->sort->len; i++)
    {
      Entry *entry = &g_array_index (answers->sort, Entry, i);
      ThSide saved = TH_SIDE_BOTH;

      /* Not sorted reads as TH_SIDE_BOTH, which is what null sends. */
      if (!th_participant_get_sort (participant, entry->behaviour_id, &saved))
        saved = TH_SIDE_BOTH;
      if ((ThSide)entry->value != saved)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                       _ ("sort.%s: the sorting is closed because the key has been shown; "
                          "only ratings can still change."),
                       entry->behaviour_id);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
th_room_answers_apply (ThRoomAnswers *answers, ThSession *session, const char *participant_id,
                       GError **error)
{
  g_return_val_if_fail (answers != NULL, FALSE);
  g_return_val_if_fail (TH_IS_SESSION (session), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  for (guint i = 0; i < answers->sort->len; i++)
    {
      Entry *entry = &g_array_index (answers->sort, Entry, i);

      if (!th_session_set_sort (session, participant_id, entry->behaviour_id, (ThSide)entry->value,
                                error))
        return FALSE;
    }

  for (guint i = 0; i < answers->ratings->len; i++)
    {
      Entry *entry = &g_array_index (answers->ratings, Entry, i);

      if (!th_session_set_rating (session, participant_id, entry->behaviour_id, entry->value,
                                  error))
        return FALSE;
    }

  return TRUE;
}
