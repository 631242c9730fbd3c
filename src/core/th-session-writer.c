/* th-session-writer.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing a session file (docs/session-format.md): the json-glib tree of
 * th_session_to_json(), and th_session_to_data(), which writes the same
 * text without the tree, with the help of a cache of what every save
 * writes the same way. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "th-file-util.h"
#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-session-private.h"

/* What every save writes the same way, made on the first save (the deck
 * never changes): the deck as it appears in the file, and for each
 * behaviour the start of its line in a "sort" or "ratings" object. */
struct _ThSessionSaveCache
{
  char *deck_text;
  GPtrArray *answer_keys;
};

/* A participant of this session keeps its answers against the session's
 * deck, in deck order: the same session always gives the same bytes, and
 * a diff of two saves shows only what changed.  Walking the answers rather
 * than the deck keeps a save of a large deck proportional to what people
 * answered. */
static const ThAnswer *
get_answers (ThSession *self, ThParticipant *participant, guint *n_answers)
{
  g_assert (th_participant_get_deck (participant) == th_session_get_deck (self));

  return th_participant_get_answers (participant, n_answers);
}

static const char *
behaviour_id_at (ThDeck *deck, guint index)
{
  return th_behaviour_get_id (th_deck_get_behaviour (deck, index));
}

static void
build_answers (JsonBuilder *builder, ThSession *self, ThParticipant *participant)
{
  guint n_answers;
  const ThAnswer *answers = get_answers (self, participant, &n_answers);

  json_builder_set_member_name (builder, "sort");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i].side != 0)
        th_json_builder_add_string (builder,
                                    behaviour_id_at (th_session_get_deck (self), answers[i].index),
                                    th_side_to_string ((ThSide)(answers[i].side - 1)));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i].rating != 0)
        {
          json_builder_set_member_name (
            builder, behaviour_id_at (th_session_get_deck (self), answers[i].index));
          json_builder_add_int_value (builder, answers[i].rating);
        }
    }
  json_builder_end_object (builder);
}

JsonNode *
th_session_to_json (ThSession *self)
{
  g_autoptr (JsonBuilder) builder = NULL;
  GDateTime *created;
  double threshold;
  guint n_participants;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  created = th_session_get_created (self);
  threshold = th_session_get_threshold (self);
  n_participants = th_session_get_n_participants (self);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  th_json_builder_add_string (builder, "format", "two-hats-session");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TH_FORMAT_VERSION);
  th_json_builder_add_string (builder, "title", th_session_get_title (self));

  if (created != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (created);

      th_json_builder_add_string (builder, "created", text);
    }

  /* An integer where it is one: "50", not "50.0". */
  json_builder_set_member_name (builder, "threshold");
  if (floor (threshold) == threshold)
    json_builder_add_int_value (builder, (gint64)threshold);
  else
    json_builder_add_double_value (builder, threshold);

  json_builder_set_member_name (builder, "deck");
  json_builder_add_value (builder, th_deck_to_json (th_session_get_deck (self), TRUE));

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_participants; i++)
    {
      ThParticipant *participant = th_session_get_participant (self, i);

      json_builder_begin_object (builder);
      th_json_builder_add_string (builder, "id", th_participant_get_id (participant));
      th_json_builder_add_string (builder, "name", th_participant_get_name (participant));
      build_answers (builder, self, participant);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

ThSessionSaveCache *
th_session_save_cache_new (ThDeck *deck)
{
  ThSessionSaveCache *cache = g_new0 (ThSessionSaveCache, 1);
  g_autoptr (JsonNode) deck_node = th_deck_to_json (deck, TRUE);
  GString *text = g_string_new (NULL);
  guint n_behaviours;

  th_json_append_pretty (text, deck_node, 1);
  cache->deck_text = g_string_free (text, FALSE);

  n_behaviours = th_deck_get_n_behaviours (deck);
  cache->answer_keys = g_ptr_array_new_full (n_behaviours, g_free);
  for (guint i = 0; i < n_behaviours; i++)
    {
      GString *key = g_string_new ("\n        ");

      th_json_append_string (key, behaviour_id_at (deck, i));
      g_string_append (key, ": ");
      g_ptr_array_add (cache->answer_keys, g_string_free (key, FALSE));
    }

  return cache;
}

void
th_session_save_cache_free (ThSessionSaveCache *cache)
{
  if (cache == NULL)
    return;

  g_free (cache->deck_text);
  g_ptr_array_unref (cache->answer_keys);
  g_free (cache);
}

/* Writes the text th_json_to_pretty_data() makes of th_session_to_json(),
 * byte for byte, without building the tree: the room saves after every
 * batch of answers, and a tree of thousands of participants costs far
 * more than their text. */
char *
th_session_to_data (ThSession *self, gsize *length)
{
  ThSessionSaveCache *cache;
  const char *title;
  GDateTime *created;
  double threshold;
  guint n_participants;
  GString *out;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  cache = th_session_get_save_cache (self);
  title = th_session_get_title (self);
  created = th_session_get_created (self);
  threshold = th_session_get_threshold (self);
  n_participants = th_session_get_n_participants (self);

  out = g_string_sized_new (strlen (cache->deck_text) + 256 + n_participants * 160);

  g_string_append (out, "{\n  \"format\": \"two-hats-session\",\n  \"version\": ");
  g_string_append_printf (out, "%d", TH_FORMAT_VERSION);

  if (title != NULL)
    {
      g_string_append (out, ",\n  \"title\": ");
      th_json_append_string (out, title);
    }

  if (created != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (created);

      g_string_append (out, ",\n  \"created\": ");
      th_json_append_string (out, text);
    }

  /* An integer where it is one: "50", not "50.0". */
  g_string_append (out, ",\n  \"threshold\": ");
  if (floor (threshold) == threshold)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64)threshold);
  else
    th_json_append_double (out, threshold);

  g_string_append (out, ",\n  \"deck\": ");
  g_string_append (out, cache->deck_text);

  g_string_append (out, ",\n  \"participants\": [");
  for (guint i = 0; i < n_participants; i++)
    {
      ThParticipant *participant = th_session_get_participant (self, i);
      guint n_answers;
      const ThAnswer *answers = get_answers (self, participant, &n_answers);
      gboolean any;

      g_string_append (out, i > 0 ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": ");
      th_json_append_string (out, th_participant_get_id (participant));
      g_string_append (out, ",\n      \"name\": ");
      th_json_append_string (out, th_participant_get_name (participant));

      g_string_append (out, ",\n      \"sort\": {");
      any = FALSE;
      for (guint j = 0; j < n_answers; j++)
        {
          if (answers[j].side == 0)
            continue;
          if (any)
            g_string_append_c (out, ',');
          any = TRUE;
          g_string_append (out, g_ptr_array_index (cache->answer_keys, answers[j].index));
          g_string_append (out, answers[j].side - 1 == TH_SIDE_LEADERSHIP ? "\"leadership\""
                                                                          : "\"management\"");
        }
      g_string_append (out, any ? "\n      },\n      \"ratings\": {" : "},\n      \"ratings\": {");

      any = FALSE;
      for (guint j = 0; j < n_answers; j++)
        {
          if (answers[j].rating == 0)
            continue;
          if (any)
            g_string_append_c (out, ',');
          any = TRUE;
          g_string_append (out, g_ptr_array_index (cache->answer_keys, answers[j].index));
          g_string_append_c (out, (char)('0' + answers[j].rating));
        }
      g_string_append (out, any ? "\n      }\n    }" : "}\n    }");
    }
  g_string_append (out, n_participants > 0 ? "\n  ]\n}\n" : "]\n}\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
th_session_save_to_file (ThSession *self, GFile *file, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = th_session_to_data (self, &length);
  path = g_file_get_path (file);

  if (path != NULL)
    return th_file_write_atomic (path, data, length, error);

  /* Not a local file (a GVfs mount): GIO's replace also writes a
   * temporary file and renames it where the backend allows. */
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
