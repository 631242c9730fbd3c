/* th-session-tree-reader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a session file (docs/session-format.md) from a json-glib tree,
 * and the entry points that read a file's text: they try the streaming
 * reader (th-session-stream-reader.c) first, which reads a large file
 * without a tree, and come here for whatever it leaves alone.  The rules
 * of the format are checked in th-session-checks.c, which both readers
 * call. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-file-util.h"
#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-session-private.h"

static gboolean
load_sort (ThDeck *deck, ThParticipant *participant, JsonObject *object, const ThJsonPath *parent,
           GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "sort");
  JsonObject *sort;
  JsonObjectIter iter;
  const char *behaviour_id;
  JsonNode *node;

  if (!th_json_get_object_member (object, parent, "sort", FALSE, &sort, error))
    return FALSE;
  if (sort == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, sort);
  while (json_object_iter_next_ordered (&iter, &behaviour_id, &node))
    {
      ThJsonPath value_path = TH_JSON_PATH_MEMBER (&path, behaviour_id);
      const char *value;
      ThSide side;

      if (!th_session_check_behaviour_key (deck, &path, behaviour_id, error)
          || !th_json_node_get_string (node, &value_path, &value, error)
          || !th_json_check_hat (value, &value_path, &side, error))
        return FALSE;

      th_participant_load_sort (participant, behaviour_id, side);
    }

  return TRUE;
}

static gboolean
load_ratings (ThDeck *deck, ThParticipant *participant, JsonObject *object,
              const ThJsonPath *parent, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "ratings");
  JsonObject *ratings;
  JsonObjectIter iter;
  const char *behaviour_id;
  JsonNode *node;

  if (!th_json_get_object_member (object, parent, "ratings", FALSE, &ratings, error))
    return FALSE;
  if (ratings == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, ratings);
  while (json_object_iter_next_ordered (&iter, &behaviour_id, &node))
    {
      ThJsonPath value_path = TH_JSON_PATH_MEMBER (&path, behaviour_id);
      gint64 rating;

      if (!th_session_check_behaviour_key (deck, &path, behaviour_id, error)
          || !th_json_node_get_integer (node, &value_path, &rating, error)
          || !th_session_check_rating (rating, &value_path, error))
        return FALSE;

      th_participant_load_rating (participant, behaviour_id, (int)rating);
    }

  return TRUE;
}

static gboolean
load_number (ThParticipant *participant, JsonObject *object, const ThJsonPath *parent, guint index,
             GHashTable *numbers, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "number");
  JsonNode *node = json_object_get_member (object, "number");
  gint64 number;

  if (node == NULL)
    return TRUE;

  if (!th_json_node_get_integer (node, &path, &number, error)
      || !th_session_check_number (number, &path, numbers, index, error))
    return FALSE;

  th_participant_set_number (participant, (guint)number);
  return TRUE;
}

static gboolean
load_order (ThDeck *deck, ThParticipant *participant, JsonObject *object, const ThJsonPath *parent,
            GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "order");
  guint n_behaviours = th_deck_get_n_behaviours (deck);
  g_autofree guint *seen = NULL;
  g_autofree guint16 *order = NULL;
  JsonArray *array;
  guint n_entries;

  if (!th_json_get_array_member (object, parent, "order", FALSE, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n_entries = json_array_get_length (array);
  seen = g_new0 (guint, MAX (n_behaviours, 1));
  /* Entries that pass the check are distinct positions of the deck, so
   * there are never more of them than behaviours. */
  order = g_new (guint16, MAX (n_behaviours, 1));

  for (guint i = 0; i < n_entries; i++)
    {
      ThJsonPath entry_path = TH_JSON_PATH_INDEX (&path, i);
      const char *behaviour_id;
      int index;

      if (!th_json_node_get_string (json_array_get_element (array, i), &entry_path, &behaviour_id,
                                    error))
        return FALSE;
      index = th_deck_get_behaviour_index (deck, behaviour_id);
      if (!th_session_check_order_entry (deck, behaviour_id, index, &entry_path, seen, i, error))
        return FALSE;
      order[i] = (guint16)index;
    }

  th_participant_take_order (participant, g_steal_pointer (&order), n_entries);
  return TRUE;
}

ThParticipant *
th_session_load_participant (ThDeck *deck, JsonNode *node, const ThJsonPath *path, guint index,
                             GHashTable *positions, GHashTable *numbers, GError **error)
{
  g_autoptr (ThParticipant) participant = NULL;
  ThJsonPath id_path = TH_JSON_PATH_MEMBER (path, "id");
  ThJsonPath name_path = TH_JSON_PATH_MEMBER (path, "name");
  JsonObject *object;
  const char *id, *name;

  if (!th_json_node_get_object (node, path, &object, error))
    return NULL;

  if (!th_json_get_string_member (object, path, "id", TRUE, &id, error)
      || !th_session_check_participant_id (id, &id_path, positions, error)
      || !th_json_get_string_member (object, path, "name", TRUE, &name, error)
      || !th_session_check_name (name, &name_path, error))
    return NULL;

  participant = th_participant_new_for_deck (id, name, deck);

  if (!load_sort (deck, participant, object, path, error)
      || !load_ratings (deck, participant, object, path, error)
      || !load_number (participant, object, path, index, numbers, error)
      || !load_order (deck, participant, object, path, error))
    return NULL;

  g_hash_table_insert (positions, (gpointer)th_participant_get_id (participant),
                       GUINT_TO_POINTER (index + 1));

  return g_steal_pointer (&participant);
}

ThSession *
th_session_new_from_root (JsonNode *node, ThDeck *prebuilt_deck, GError **error)
{
  g_autoptr (ThSession) self = NULL;
  g_autoptr (ThDeck) deck = NULL;
  g_autoptr (GHashTable) positions = NULL;
  g_autoptr (GHashTable) numbers = NULL;
  g_autoptr (GDateTime) created_time = NULL;
  ThJsonPath created_path = TH_JSON_PATH_MEMBER (NULL, "created");
  ThJsonPath threshold_path = TH_JSON_PATH_MEMBER (NULL, "threshold");
  ThJsonPath deck_path = TH_JSON_PATH_MEMBER (NULL, "deck");
  ThJsonPath participants_path = TH_JSON_PATH_MEMBER (NULL, "participants");
  JsonObject *object;
  JsonNode *member;
  JsonArray *participants;
  const char *title, *created;
  double threshold = TH_DEFAULT_THRESHOLD;
  guint n_participants;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!th_json_root_get_object (node, NULL, &object, error))
    return NULL;

  if (!th_json_check_header (object, NULL, "two-hats-session", _ ("session"), error))
    return NULL;

  if (!th_json_get_string_member (object, NULL, "title", FALSE, &title, error)
      || !th_json_get_string_member (object, NULL, "created", FALSE, &created, error))
    return NULL;

  if (created != NULL && !th_session_check_created (created, &created_path, &created_time, error))
    return NULL;

  member = json_object_get_member (object, "threshold");
  if (member != NULL
      && (!th_json_node_get_number (member, &threshold_path, &threshold, error)
          || !th_session_check_threshold (threshold, &threshold_path, error)))
    return NULL;

  member = json_object_get_member (object, "deck");
  if (member == NULL)
    {
      th_json_set_missing_error (error, &deck_path);
      return NULL;
    }
  /* The prefix makes the deck's messages name their full path
   * ("deck.behaviours[2].id"). */
  if (prebuilt_deck != NULL)
    deck = g_object_ref (prebuilt_deck);
  else
    deck = th_deck_new_from_json (member, "deck", error);
  if (deck == NULL)
    return NULL;

  self = th_session_new_loaded (deck, title, created_time, threshold);

  if (!th_json_get_array_member (object, NULL, "participants", TRUE, &participants, error))
    return NULL;

  n_participants = json_array_get_length (participants);
  if (!th_session_check_n_participants (n_participants, &participants_path, error))
    return NULL;

  positions = g_hash_table_new (g_str_hash, g_str_equal);
  numbers = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < n_participants; i++)
    {
      ThJsonPath path = TH_JSON_PATH_INDEX (&participants_path, i);
      ThParticipant *participant;

      participant = th_session_load_participant (deck, json_array_get_element (participants, i),
                                                 &path, i, positions, numbers, error);
      if (participant == NULL)
        return NULL;

      th_session_take_participant (self, participant);
    }
  th_session_number_loaded (self);

  return g_steal_pointer (&self);
}

ThSession *
th_session_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return th_session_new_from_root (node, NULL, error);
}

/* Entry points */

gboolean
th_session_read_text (const char *data, gsize length, ThSession **session, JsonNode **root,
                      GError **error)
{
  g_autoptr (GError) local_error = NULL;

  *session = th_session_try_new_from_text (data, length, &local_error);
  if (*session != NULL)
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *root = th_json_parse (data, length, error);
  return *root != NULL;
}

ThSession *
th_session_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  ThSession *session = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > TH_MAX_FILE_SIZE)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE,
                   _ ("the session is %lu bytes, more than the limit of %d"), (gulong)length,
                   TH_MAX_FILE_SIZE);
      return NULL;
    }

  if (!th_session_read_text (data, length, &session, &root, error))
    return NULL;
  if (session != NULL)
    return session;

  return th_session_new_from_json (root, error);
}

ThSession *
th_session_new_from_file (GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = th_file_read_bounded (file, TH_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return th_session_new_from_data (data, length, error);
}
