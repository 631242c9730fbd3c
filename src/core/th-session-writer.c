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
  GPtrArray *order_items; /* each behaviour's line in an "order" array */
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

/* "number" and "order" as a participant of the session has them: every
 * one has a number; the order only once it is made. */
static void
build_number_and_order (JsonBuilder *builder, ThSession *self, ThParticipant *participant)
{
  const guint16 *order = th_participant_peek_order (participant);
  guint number = th_participant_get_number (participant);

  if (number > 0)
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, number);
    }

  if (order != NULL)
    {
      guint n_behaviours = th_deck_get_n_behaviours (th_session_get_deck (self));

      json_builder_set_member_name (builder, "order");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_behaviours; i++)
        json_builder_add_string_value (builder,
                                       behaviour_id_at (th_session_get_deck (self), order[i]));
      json_builder_end_array (builder);
    }
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
      build_number_and_order (builder, self, participant);
      build_answers (builder, self, participant);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reference counted: a snapshot (th_session_snapshot_new()) keeps the
 * cache of its session, whose text it is made into on another thread,
 * for as long as it needs it. */
ThSessionSaveCache *
th_session_save_cache_new (ThDeck *deck)
{
  ThSessionSaveCache *cache = g_atomic_rc_box_new0 (ThSessionSaveCache);
  g_autoptr (JsonNode) deck_node = th_deck_to_json (deck, TRUE);
  GString *text = g_string_new (NULL);
  guint n_behaviours;

  th_json_append_pretty (text, deck_node, 1);
  cache->deck_text = g_string_free (text, FALSE);

  n_behaviours = th_deck_get_n_behaviours (deck);
  cache->answer_keys = g_ptr_array_new_full (n_behaviours, g_free);
  cache->order_items = g_ptr_array_new_full (n_behaviours, g_free);
  for (guint i = 0; i < n_behaviours; i++)
    {
      GString *key = g_string_new ("\n        ");

      th_json_append_string (key, behaviour_id_at (deck, i));
      g_ptr_array_add (cache->order_items, g_strdup (key->str));
      g_string_append (key, ": ");
      g_ptr_array_add (cache->answer_keys, g_string_free (key, FALSE));
    }

  return cache;
}

static void
save_cache_clear (gpointer data)
{
  ThSessionSaveCache *cache = data;

  g_free (cache->deck_text);
  g_ptr_array_unref (cache->answer_keys);
  g_ptr_array_unref (cache->order_items);
}

void
th_session_save_cache_free (ThSessionSaveCache *cache)
{
  if (cache == NULL)
    return;

  g_atomic_rc_box_release_full (cache, save_cache_clear);
}

/* One participant as a save writes them. */
typedef struct
{
  const char *id;
  const char *name;
  const ThAnswer *answers;
  guint n_answers;
  guint number;         /* 0: none */
  const guint16 *order; /* NULL: none; else one entry per behaviour */
} SnapshotEntry;

/* Everything the text of the file is made of.  th_session_to_data() fills
 * one that points into the session; th_session_snapshot_new() one that
 * owns copies. */
struct _ThSessionSnapshot
{
  ThSessionSaveCache *cache; /* a reference, in an owning snapshot */
  const char *title;
  GDateTime *created; /* a reference, in an owning snapshot */
  double threshold;
  guint n_participants;
  SnapshotEntry *entries;
  /* What the title and the entries of an owning snapshot point into:
   * the title, every id and name, and every participant's answers, one
   * after another. */
  char *strings;
  ThAnswer *answers;
  guint16 *orders;
};

/* Takes the white space between the tokens of the JSON @text out, in
 * place: what is left is the same document on one line.  Inside strings
 * nothing changes (an escaped quote does not end one). */
static void
compact_json (GString *text)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  gsize to = 0;

  for (gsize from = 0; from < text->len; from++)
    {
      char c = text->str[from];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        continue;
      text->str[to++] = c;
    }
  /* A file ends with a line break, as the indented one does. */
  text->str[to++] = '\n';
  g_string_truncate (text, to);
}

/* Writes the text th_json_to_pretty_data() makes of th_session_to_json(),
 * byte for byte, without building the tree: the room saves after every
 * batch of answers, and a tree of thousands of participants costs far
 * more than their text. */
static char *
write_text (const ThSessionSnapshot *snapshot, gsize max_size, gsize *length)
{
  ThSessionSaveCache *cache = snapshot->cache;
  const char *title = snapshot->title;
  GDateTime *created = snapshot->created;
  double threshold = snapshot->threshold;
  guint n_participants = snapshot->n_participants;
  GString *out;

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
      const SnapshotEntry *entry = &snapshot->entries[i];
      guint n_answers = entry->n_answers;
      const ThAnswer *answers = entry->answers;
      gboolean any;

      g_string_append (out, i > 0 ? ",\n    {\n      \"id\": " : "\n    {\n      \"id\": ");
      th_json_append_string (out, entry->id);
      g_string_append (out, ",\n      \"name\": ");
      th_json_append_string (out, entry->name);

      if (entry->number > 0)
        {
          g_string_append (out, ",\n      \"number\": ");
          g_string_append_printf (out, "%u", entry->number);
        }
      if (entry->order != NULL)
        {
          guint n_behaviours = cache->order_items->len;

          g_string_append (out, ",\n      \"order\": [");
          for (guint j = 0; j < n_behaviours; j++)
            {
              if (j > 0)
                g_string_append_c (out, ',');
              g_string_append (out, g_ptr_array_index (cache->order_items, entry->order[j]));
            }
          g_string_append (out, n_behaviours > 0 ? "\n      ]" : "]");
        }

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

  /* A session that indented would be larger than any reader takes (a
   * room of thousands, each with their own order of the cards) is written
   * without the indentation, which makes it a third smaller: a file that
   * saves must open again. */
  if (out->len > max_size)
    compact_json (out);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* The header of a snapshot of @self: borrowed, for th_session_to_data(). */
static void
snapshot_borrow (ThSessionSnapshot *snapshot, ThSession *self)
{
  snapshot->cache = th_session_get_save_cache (self);
  snapshot->title = th_session_get_title (self);
  snapshot->created = th_session_get_created (self);
  snapshot->threshold = th_session_get_threshold (self);
  snapshot->n_participants = th_session_get_n_participants (self);
  snapshot->entries = g_new (SnapshotEntry, snapshot->n_participants);
  for (guint i = 0; i < snapshot->n_participants; i++)
    {
      ThParticipant *participant = th_session_get_participant (self, i);
      SnapshotEntry *entry = &snapshot->entries[i];

      entry->id = th_participant_get_id (participant);
      entry->name = th_participant_get_name (participant);
      entry->answers = get_answers (self, participant, &entry->n_answers);
      entry->number = th_participant_get_number (participant);
      entry->order = th_participant_peek_order (participant);
    }
}

char *
th_session_to_data (ThSession *self, gsize *length)
{
  return th_session_to_data_within (self, TH_MAX_FILE_SIZE, length);
}

/* Made on every write the save queue hands to its worker, so it costs a
 * copy of the participants' strings and answers and nothing else, in one
 * pass over the participants (reaching each of them is what costs most):
 * the entries keep offsets into the two blocks of memory while these
 * grow, and pointers once they are done. */
ThSessionSnapshot *
th_session_snapshot_new (ThSession *self)
{
  ThSessionSnapshot *snapshot;
  const char *title;
  GString *strings;
  GArray *answers;
  GArray *orders;
  guint n_behaviours;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  snapshot = g_new0 (ThSessionSnapshot, 1);
  snapshot->cache = g_atomic_rc_box_acquire (th_session_get_save_cache (self));
  snapshot->created = th_session_get_created (self);
  if (snapshot->created != NULL)
    g_date_time_ref (snapshot->created);
  snapshot->threshold = th_session_get_threshold (self);
  snapshot->n_participants = th_session_get_n_participants (self);
  snapshot->entries = g_new (SnapshotEntry, snapshot->n_participants);

  strings = g_string_sized_new (256 + snapshot->n_participants * 32);
  answers = g_array_sized_new (FALSE, FALSE, sizeof (ThAnswer), snapshot->n_participants * 16);
  /* Orders are made one participant at a time, so most sessions have
   * few of them: the block grows as needed. */
  orders = g_array_new (FALSE, FALSE, sizeof (guint16));
  n_behaviours = th_deck_get_n_behaviours (th_session_get_deck (self));
  title = th_session_get_title (self);
  if (title != NULL)
    g_string_append_len (strings, title, strlen (title) + 1);

  for (guint i = 0; i < snapshot->n_participants; i++)
    {
      ThParticipant *participant = th_session_get_participant (self, i);
      SnapshotEntry *entry = &snapshot->entries[i];
      const char *id = th_participant_get_id (participant);
      const char *name = th_participant_get_name (participant);
      const ThAnswer *participant_answers = get_answers (self, participant, &entry->n_answers);

      entry->id = GSIZE_TO_POINTER (strings->len);
      g_string_append_len (strings, id, strlen (id) + 1);
      entry->name = GSIZE_TO_POINTER (strings->len);
      g_string_append_len (strings, name, strlen (name) + 1);
      entry->answers = GSIZE_TO_POINTER (answers->len);
      g_array_append_vals (answers, participant_answers, entry->n_answers);
      entry->number = th_participant_get_number (participant);
      /* Offset + 1, so that 0 still means "no order". */
      entry->order = NULL;
      if (th_participant_peek_order (participant) != NULL)
        {
          entry->order = GSIZE_TO_POINTER (orders->len + 1);
          g_array_append_vals (orders, th_participant_peek_order (participant), n_behaviours);
        }
    }

  snapshot->strings = g_string_free (strings, FALSE);
  snapshot->answers = (ThAnswer *)(void *)g_array_free (answers, FALSE);
  snapshot->orders = (guint16 *)(void *)g_array_free (orders, FALSE);
  snapshot->title = title != NULL ? snapshot->strings : NULL;
  for (guint i = 0; i < snapshot->n_participants; i++)
    {
      SnapshotEntry *entry = &snapshot->entries[i];

      entry->id = snapshot->strings + GPOINTER_TO_SIZE (entry->id);
      entry->name = snapshot->strings + GPOINTER_TO_SIZE (entry->name);
      entry->answers = snapshot->answers + GPOINTER_TO_SIZE (entry->answers);
      if (entry->order != NULL)
        entry->order = snapshot->orders + GPOINTER_TO_SIZE (entry->order) - 1;
    }

  return snapshot;
}

char *
th_session_snapshot_to_data (ThSessionSnapshot *snapshot, gsize *length)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  return write_text (snapshot, TH_MAX_FILE_SIZE, length);
}

void
th_session_snapshot_free (ThSessionSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  th_session_save_cache_free (snapshot->cache);
  g_clear_pointer (&snapshot->created, g_date_time_unref);
  g_free (snapshot->entries);
  g_free (snapshot->strings);
  g_free (snapshot->answers);
  g_free (snapshot->orders);
  g_free (snapshot);
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

char *
th_session_to_data_within (ThSession *self, gsize max_size, gsize *length)
{
  ThSessionSnapshot borrowed = { 0 };
  char *text;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  snapshot_borrow (&borrowed, self);
  text = write_text (&borrowed, max_size, length);
  g_free (borrowed.entries);

  return text;
}
