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
#include "th-name.h"
#include "th-room-request.h"
#include "th-room-secret.h"

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

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        return _ ("an object");
      case JSON_NODE_ARRAY:
        return _ ("an array");
      case JSON_NODE_NULL:
        return "null";
      case JSON_NODE_VALUE:
      default:
        break;
    }

  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        return _ ("a string");
      case G_TYPE_BOOLEAN:
        return _ ("true or false");
      default:
        return _ ("a number");
    }
}

JsonNode *
th_room_parse_object (const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) root = NULL;
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
        if (length == 0)
          g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE, _ ("The request has no body."));
        else
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("Expected a JSON object, found %s."),
                       _ ("nothing"));
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

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("Expected a JSON object, found %s."),
                   describe_node (root));
      return NULL;
    }

  return g_steal_pointer (&root);
}

static gboolean
get_optional_string (JsonObject *object, const char *member, const char **out, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%s: expected a string, found %s."),
                   member, describe_node (node));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
th_room_parse_join (const char *data, gsize length, char **code_out, char **name_out,
                    GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *name = NULL;
  JsonObject *object;
  const char *code, *raw_name;

  g_return_val_if_fail (code_out != NULL && name_out != NULL, FALSE);

  *code_out = NULL;
  *name_out = NULL;

  root = th_room_parse_object (data, length, error);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);

  if (!get_optional_string (object, "code", &code, error)
      || !get_optional_string (object, "name", &raw_name, error))
    return FALSE;

  if (code == NULL)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_INVALID,
                           _ ("code: the join code is missing."));
      return FALSE;
    }

  if (raw_name != NULL)
    {
      name = g_strstrip (g_strdup (raw_name));
      /* Only ASCII white space means "anonymous": a name of U+00A0 or
       * U+FEFF is a name that shows nothing, which the rule refuses. */
      if (*name == '\0')
        g_clear_pointer (&name, g_free);
      else if (!th_name_check (name, NULL, error))
        return FALSE;
    }

  *code_out = th_room_normalize_join_code (code);
  *name_out = g_steal_pointer (&name);
  return TRUE;
}

/* Checks one member of "sort" or "ratings"; the error names its path. */
static gboolean
check_behaviour_id (ThDeck *deck, const char *group, const char *id, GError **error)
{
  if (!th_id_is_valid (id))
    {
      /* The key is not echoed: it may be anything at all. */
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                   _ ("%s: a key is not a behaviour id (1 to 64 characters of a-z, 0-9 and -)."),
                   group);
      return FALSE;
    }

  if (th_deck_lookup_behaviour (deck, id) == NULL)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%s.%s: there is no such behaviour card."),
                   group, id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_sort (ThDeck *deck, JsonNode *node, GArray *out, GError **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("sort: expected an object, found %s."),
                   describe_node (node));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &id, &value))
    {
      Entry entry = { NULL, TH_SIDE_BOTH };
      ThSide side;

      if (!check_behaviour_id (deck, "sort", id, error))
        return FALSE;

      if (JSON_NODE_HOLDS_NULL (value))
        side = TH_SIDE_BOTH;
      else if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING
               || !th_side_from_string (json_node_get_string (value), &side)
               || side == TH_SIDE_BOTH)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                       _ ("sort.%s: expected \"leadership\", \"management\" or null."), id);
          return FALSE;
        }

      entry.behaviour_id = g_strdup (id);
      entry.value = side;
      g_array_append_val (out, entry);
    }

  return TRUE;
}

static gboolean
parse_ratings (ThDeck *deck, JsonNode *node, GArray *out, GError **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("ratings: expected an object, found %s."),
                   describe_node (node));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &id, &value))
    {
      Entry entry = { NULL, 0 };
      gint64 rating;

      if (!check_behaviour_id (deck, "ratings", id, error))
        return FALSE;

      if (JSON_NODE_HOLDS_NULL (value))
        rating = 0;
      else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          rating = json_node_get_int (value);
          if (rating < 1 || rating > 5)
            {
              g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, rating);

              g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                           _ ("ratings.%s: %s is not between 1 and 5."), id, text);
              return FALSE;
            }
        }
      else
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                       _ ("ratings.%s: expected a whole number from 1 to 5 or null, found %s."), id,
                       describe_node (value));
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
