/* th-session-stream-reader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Reading a session file's participants straight from its text, with the
 * pull reader of th-json-private.h.  The rules of the format are the
 * tree reader's, through the checks both call: the session's rules in
 * th-session-checks.c, and the JSON type rules and their messages in
 * th-json.c, which this reader reaches with the kinds the pull reader
 * sees. */

#include "config.h"

#include <string.h>

#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-session-private.h"

/* A tree of a 60 MiB session takes half a gigabyte, so the participants
 * are read straight from the text into the model.  Everything else of the
 * file (small) still goes through json-glib and the tree reader, with an
 * empty "participants" array in its place; and a file that holds anything
 * the pull reader leaves to json-glib (a syntax error, an exponent, a
 * deck after the participants) is read as a whole tree, as before, so
 * that every message stays what it was. */

enum
{
  SEEN_SORT = 1 << 0,
  SEEN_RATING = 1 << 1,
};

typedef struct
{
  ThJsonKind kind; /* TH_JSON_KIND_NONE when absent */
  ThJsonSpan span; /* a string's or a number's text */
} PendingValue;

typedef struct
{
  ThJsonSpan key;
  int index; /* the behaviour's position in the deck, or -1 */
  PendingValue value;
} PendingEntry;

/* One participant's members as read, checked only once the whole object
 * is read: the checks go in the order th_session_new_from_json() makes
 * them, whatever the order of the members. */
typedef struct
{
  PendingValue id;
  PendingValue name;
  PendingValue sort;
  PendingValue ratings;
  PendingValue number;
  PendingValue order; /* its entries are the loader's order_entries */
  /* A member given twice (json-glib keeps the last value at the place of
   * the first) or a member name with escapes: such a participant is
   * handed to json-glib. */
  gboolean unusual;
} PendingParticipant;

typedef struct
{
  ThDeck *deck;
  guint n_behaviours;
  const char **ids;
  gsize *id_lengths;
  guint next_guess;
  /* An open-addressing table of the behaviour ids: deck position + 1 per
   * slot, looked up with the text as it lies in the file. */
  guint *slots;
  guint slot_mask;

  GArray *sort_entries;   /* of PendingEntry */
  GArray *rating_entries; /* of PendingEntry */
  GArray *order_entries;  /* of PendingEntry, the key unused */
  guint *order_seen;      /* per deck position: its entry in the order + 1 */
  guint8 *seen;           /* per deck position: SEEN_SORT | SEEN_RATING */
  ThAnswer *dense;        /* per deck position */
  GArray *touched;        /* of guint, the positions seen */
  GString *id;
  GString *name;
  GString *value;

  GHashTable *positions; /* participant id → position + 1 */
  GHashTable *numbers;   /* participant number → position + 1 */
  GPtrArray *participants;
} StreamLoader;

static guint
hash_bytes (const char *bytes, gsize length)
{
  guint hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar)bytes[i]) * 16777619u;

  return hash;
}

static void
stream_loader_init (StreamLoader *loader, ThDeck *deck)
{
  guint n_slots = 16;

  memset (loader, 0, sizeof *loader);
  loader->deck = deck;
  loader->n_behaviours = th_deck_get_n_behaviours (deck);
  loader->ids = g_new (const char *, loader->n_behaviours);
  loader->id_lengths = g_new (gsize, loader->n_behaviours);
  for (guint i = 0; i < loader->n_behaviours; i++)
    {
      loader->ids[i] = th_behaviour_get_id (th_deck_get_behaviour (deck, i));
      loader->id_lengths[i] = strlen (loader->ids[i]);
    }
  while (n_slots < loader->n_behaviours * 2)
    n_slots *= 2;
  loader->slots = g_new0 (guint, n_slots);
  loader->slot_mask = n_slots - 1;
  for (guint i = 0; i < loader->n_behaviours; i++)
    {
      guint slot = hash_bytes (loader->ids[i], loader->id_lengths[i]) & loader->slot_mask;

      while (loader->slots[slot] != 0)
        slot = (slot + 1) & loader->slot_mask;
      loader->slots[slot] = i + 1;
    }
  loader->sort_entries = g_array_new (FALSE, FALSE, sizeof (PendingEntry));
  loader->rating_entries = g_array_new (FALSE, FALSE, sizeof (PendingEntry));
  loader->order_entries = g_array_new (FALSE, FALSE, sizeof (PendingEntry));
  loader->order_seen = g_new0 (guint, MAX (loader->n_behaviours, 1));
  loader->seen = g_new0 (guint8, loader->n_behaviours);
  loader->dense = g_new0 (ThAnswer, loader->n_behaviours);
  loader->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  loader->id = g_string_new (NULL);
  loader->name = g_string_new (NULL);
  loader->value = g_string_new (NULL);
  loader->positions = g_hash_table_new (g_str_hash, g_str_equal);
  loader->numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  loader->participants = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
stream_loader_clear (StreamLoader *loader)
{
  g_free (loader->ids);
  g_free (loader->id_lengths);
  g_free (loader->slots);
  g_array_unref (loader->sort_entries);
  g_array_unref (loader->rating_entries);
  g_array_unref (loader->order_entries);
  g_free (loader->order_seen);
  g_free (loader->seen);
  g_free (loader->dense);
  g_array_unref (loader->touched);
  g_string_free (loader->id, TRUE);
  g_string_free (loader->name, TRUE);
  g_string_free (loader->value, TRUE);
  g_clear_pointer (&loader->positions, g_hash_table_unref);
  g_clear_pointer (&loader->numbers, g_hash_table_unref);
  g_ptr_array_unref (loader->participants);
}

/* The deck position of behaviour id @key, or -1.  Files list a
 * participant's answers in deck order, so the one after the last match
 * is tried first. */
static int
lookup_key (StreamLoader *loader, const ThJsonSpan *key)
{
  guint guess = loader->next_guess;
  guint slot;

  if (guess < loader->n_behaviours && loader->id_lengths[guess] == key->length
      && memcmp (loader->ids[guess], key->start, key->length) == 0)
    {
      loader->next_guess = guess + 1;
      return (int)guess;
    }

  for (slot = hash_bytes (key->start, key->length) & loader->slot_mask; loader->slots[slot] != 0;
       slot = (slot + 1) & loader->slot_mask)
    {
      guint index = loader->slots[slot] - 1;

      if (loader->id_lengths[index] == key->length
          && memcmp (loader->ids[index], key->start, key->length) == 0)
        {
          loader->next_guess = index + 1;
          return (int)index;
        }
    }

  return -1;
}

static gboolean
read_value (ThJsonReader *reader, PendingValue *value)
{
  value->kind = th_json_reader_peek (reader);

  switch (value->kind)
    {
      case TH_JSON_KIND_STRING:
        return th_json_reader_read_string (reader, &value->span);
      case TH_JSON_KIND_NUMBER:
        return th_json_reader_read_number (reader, &value->span);
      default:
        return th_json_reader_skip (reader);
    }
}

static gboolean
read_entries (StreamLoader *loader, ThJsonReader *reader, GArray *entries, guint8 seen_bit,
              gboolean *unusual)
{
  PendingEntry entry;

  if (!th_json_reader_enter (reader))
    return FALSE;

  while (th_json_reader_next_member (reader, &entry.key))
    {
      entry.index = -1;
      if (entry.key.escaped)
        *unusual = TRUE;
      else
        entry.index = lookup_key (loader, &entry.key);

      if (entry.index >= 0)
        {
          guint8 *seen = &loader->seen[entry.index];

          if (*seen & seen_bit)
            *unusual = TRUE;
          if (*seen == 0)
            {
              guint position = (guint)entry.index;

              g_array_append_val (loader->touched, position);
            }
          *seen |= seen_bit;
        }

      if (!read_value (reader, &entry.value))
        return FALSE;
      g_array_append_val (entries, entry);
    }

  return !reader->failed;
}

/* The entries of an "order" array, each with its deck position (-1 when
 * the deck lacks it), checked later by check_order(). */
static gboolean
read_order (StreamLoader *loader, ThJsonReader *reader, gboolean *unusual)
{
  PendingEntry entry = { 0 };

  if (!th_json_reader_enter (reader))
    return FALSE;

  while (th_json_reader_next_element (reader))
    {
      if (!read_value (reader, &entry.value))
        return FALSE;
      entry.index = -1;
      if (entry.value.kind == TH_JSON_KIND_STRING)
        {
          if (entry.value.span.escaped)
            *unusual = TRUE;
          else
            entry.index = lookup_key (loader, &entry.value.span);
        }
      g_array_append_val (loader->order_entries, entry);
    }

  return !reader->failed;
}

static gboolean
read_participant (StreamLoader *loader, ThJsonReader *reader, PendingParticipant *pending)
{
  ThJsonSpan key;

  if (!th_json_reader_enter (reader))
    return FALSE;

  while (th_json_reader_next_member (reader, &key))
    {
      PendingValue *value = NULL;
      GArray *entries = NULL;
      guint8 seen_bit = 0;

      if (key.escaped)
        pending->unusual = TRUE;
      else if (th_json_span_equal (&key, "id"))
        value = &pending->id;
      else if (th_json_span_equal (&key, "name"))
        value = &pending->name;
      else if (th_json_span_equal (&key, "sort"))
        value = &pending->sort, entries = loader->sort_entries, seen_bit = SEEN_SORT;
      else if (th_json_span_equal (&key, "ratings"))
        value = &pending->ratings, entries = loader->rating_entries, seen_bit = SEEN_RATING;
      else if (th_json_span_equal (&key, "number"))
        value = &pending->number;
      else if (th_json_span_equal (&key, "order"))
        {
          if (pending->order.kind != TH_JSON_KIND_NONE)
            pending->unusual = TRUE;
          if (th_json_reader_peek (reader) == TH_JSON_KIND_ARRAY)
            {
              pending->order.kind = TH_JSON_KIND_ARRAY;
              if (!read_order (loader, reader, &pending->unusual))
                return FALSE;
              continue;
            }
          value = &pending->order;
        }

      if (value == NULL)
        {
          if (!th_json_reader_skip (reader))
            return FALSE;
          continue;
        }

      if (value->kind != TH_JSON_KIND_NONE)
        pending->unusual = TRUE;

      if (entries != NULL && th_json_reader_peek (reader) == TH_JSON_KIND_OBJECT)
        {
          value->kind = TH_JSON_KIND_OBJECT;
          if (!read_entries (loader, reader, entries, seen_bit, &pending->unusual))
            return FALSE;
        }
      else if (!read_value (reader, value))
        {
          return FALSE;
        }
    }

  return !reader->failed;
}

static gboolean
decode_string_value (const PendingValue *value, const ThJsonPath *path, GString *out,
                     GError **error)
{
  if (value->kind != TH_JSON_KIND_STRING)
    {
      th_json_set_type_error (error, path, TH_JSON_EXPECT_STRING, value->kind);
      return FALSE;
    }

  g_string_truncate (out, 0);
  th_json_span_decode (&value->span, out);
  return th_json_check_string (out->str, out->len, path, error);
}

/* Decodes a string member the way th_json_get_string_member() checks it. */
static gboolean
decode_string_member (const PendingValue *value, const ThJsonPath *path, GString *out,
                      GError **error)
{
  if (value->kind == TH_JSON_KIND_NONE)
    {
      th_json_set_missing_error (error, path);
      return FALSE;
    }

  return decode_string_value (value, path, out, error);
}

/* What load_sort() and load_ratings() check, in the same order and with
 * the same checks; only the JSON types are seen this reader's way, as
 * kinds rather than nodes. */
static gboolean
check_entries (StreamLoader *loader, const PendingValue *object, GArray *entries, gboolean is_sort,
               const ThJsonPath *parent, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, is_sort ? "sort" : "ratings");

  if (object->kind == TH_JSON_KIND_NONE)
    return TRUE;
  if (object->kind != TH_JSON_KIND_OBJECT)
    {
      th_json_set_type_error (error, &path, TH_JSON_EXPECT_OBJECT, object->kind);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const PendingEntry *entry = &g_array_index (entries, PendingEntry, i);
      ThAnswer *answer;

      if (entry->index < 0)
        {
          /* The name is not escaped (that participant would be unusual),
           * and not in the deck, so the check refuses it. */
          g_autofree char *key = g_strndup (entry->key.start, entry->key.length);

          if (!th_session_check_behaviour_key (loader->deck, &path, key, error))
            return FALSE;
          g_assert_not_reached ();
        }

      ThJsonPath value_path = TH_JSON_PATH_MEMBER (&path, loader->ids[entry->index]);
      answer = &loader->dense[entry->index];

      if (is_sort)
        {
          ThSide side;

          if (!decode_string_value (&entry->value, &value_path, loader->value, error)
              || !th_json_check_hat (loader->value->str, &value_path, &side, error))
            return FALSE;
          answer->side = (guint8)(side + 1);
        }
      else
        {
          ThJsonNumber number = { 0 };
          gint64 rating;

          if (entry->value.kind == TH_JSON_KIND_NUMBER)
            th_json_span_read_number (&entry->value.span, &number);
          if (!th_json_value_get_integer (entry->value.kind, &number, &value_path, &rating, error)
              || !th_session_check_rating (rating, &value_path, error))
            return FALSE;
          answer->rating = (guint8)rating;
        }
    }

  return TRUE;
}

/* What load_number() checks, with the same checks. */
static gboolean
check_number (StreamLoader *loader, const PendingValue *value, const ThJsonPath *parent,
              guint index, guint *out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "number");
  ThJsonNumber number = { 0 };
  gint64 integer;

  *out = 0;
  if (value->kind == TH_JSON_KIND_NONE)
    return TRUE;

  if (value->kind == TH_JSON_KIND_NUMBER)
    th_json_span_read_number (&value->span, &number);
  if (!th_json_value_get_integer (value->kind, &number, &path, &integer, error)
      || !th_session_check_number (integer, &path, loader->numbers, index, error))
    return FALSE;

  *out = (guint)integer;
  return TRUE;
}

/* What load_order() checks, with the same checks.  *@out is the order
 * read (NULL when there is none). */
static gboolean
check_order (StreamLoader *loader, const PendingValue *value, const ThJsonPath *parent,
             guint16 **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, "order");
  GArray *entries = loader->order_entries;
  g_autofree guint16 *order = NULL;

  *out = NULL;
  if (value->kind == TH_JSON_KIND_NONE)
    return TRUE;
  if (value->kind != TH_JSON_KIND_ARRAY)
    {
      th_json_set_type_error (error, &path, TH_JSON_EXPECT_ARRAY, value->kind);
      return FALSE;
    }

  order = g_new (guint16, MAX (loader->n_behaviours, 1));
  for (guint i = 0; i < entries->len; i++)
    {
      const PendingEntry *entry = &g_array_index (entries, PendingEntry, i);
      ThJsonPath entry_path = TH_JSON_PATH_INDEX (&path, i);
      const char *behaviour_id;

      if (entry->index >= 0)
        {
          behaviour_id = loader->ids[entry->index];
        }
      else
        {
          /* Not in the deck (or not a string): decoded as the tree
           * reader's string check sees it, for the check to refuse. */
          if (!decode_string_value (&entry->value, &entry_path, loader->value, error))
            return FALSE;
          behaviour_id = loader->value->str;
        }

      if (!th_session_check_order_entry (loader->deck, behaviour_id, entry->index, &entry_path,
                                         loader->order_seen, i, error))
        return FALSE;
      order[i] = (guint16)entry->index;
    }

  *out = g_steal_pointer (&order);
  return TRUE;
}

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* What load_participant() checks, in the same order and with the same
 * checks (th-session-checks.c). */
static ThParticipant *
build_participant (StreamLoader *loader, const PendingParticipant *pending, const ThJsonPath *path,
                   guint index, GError **error)
{
  g_autoptr (ThParticipant) participant = NULL;
  ThJsonPath id_path = TH_JSON_PATH_MEMBER (path, "id");
  ThJsonPath name_path = TH_JSON_PATH_MEMBER (path, "name");
  GArray *touched = loader->touched;
  ThAnswer *answers;
  guint n_answers = 0;
  guint number;
  guint16 *order;

  if (!decode_string_member (&pending->id, &id_path, loader->id, error)
      || !th_session_check_participant_id (loader->id->str, &id_path, loader->positions, error)
      || !decode_string_member (&pending->name, &name_path, loader->name, error)
      || !th_session_check_name (loader->name->str, &name_path, error))
    return NULL;

  if (!check_entries (loader, &pending->sort, loader->sort_entries, TRUE, path, error)
      || !check_entries (loader, &pending->ratings, loader->rating_entries, FALSE, path, error)
      || !check_number (loader, &pending->number, path, index, &number, error)
      || !check_order (loader, &pending->order, path, &order, error))
    return NULL;

  participant = th_participant_new_for_deck (loader->id->str, loader->name->str, loader->deck);
  if (number > 0)
    th_participant_set_number (participant, number);
  if (order != NULL)
    th_participant_take_order (participant, order, loader->order_entries->len);

  /* The positions answered, in deck order: a file in any other order
   * still saves in deck order. */
  g_array_sort (touched, compare_uints);
  answers = g_new (ThAnswer, MAX (touched->len, 1));
  for (guint i = 0; i < touched->len; i++)
    {
      guint position = g_array_index (touched, guint, i);
      ThAnswer answer = loader->dense[position];

      if (answer.side == 0 && answer.rating == 0)
        continue;
      answer.index = (guint16)position;
      answers[n_answers++] = answer;
    }
  th_participant_take_answers (participant, answers, n_answers);

  g_hash_table_insert (loader->positions, (gpointer)th_participant_get_id (participant),
                       GUINT_TO_POINTER (index + 1));

  return g_steal_pointer (&participant);
}

/* Makes ready for the next participant. */
static void
reset_pending (StreamLoader *loader)
{
  for (guint i = 0; i < loader->touched->len; i++)
    {
      guint position = g_array_index (loader->touched, guint, i);

      loader->seen[position] = 0;
      memset (&loader->dense[position], 0, sizeof (ThAnswer));
    }
  for (guint i = 0; i < loader->order_entries->len; i++)
    {
      int index = g_array_index (loader->order_entries, PendingEntry, i).index;

      if (index >= 0)
        loader->order_seen[index] = 0;
    }
  g_array_set_size (loader->order_entries, 0);
  g_array_set_size (loader->touched, 0);
  g_array_set_size (loader->sort_entries, 0);
  g_array_set_size (loader->rating_entries, 0);
}

/* Reads participants[@index], whose text starts at @start.  Returns FALSE
 * when the reader refused the text; otherwise adds the participant, or
 * sets @error. */
static gboolean
stream_participant (StreamLoader *loader, ThJsonReader *reader, const ThJsonPath *path, guint index,
                    GError **error)
{
  PendingParticipant pending = { 0 };
  ThJsonKind kind = th_json_reader_peek (reader);
  const char *start = reader->pos;
  ThParticipant *participant = NULL;

  if (kind != TH_JSON_KIND_OBJECT)
    {
      if (!th_json_reader_skip (reader))
        return FALSE;
      th_json_set_type_error (error, path, TH_JSON_EXPECT_OBJECT, kind);
      return TRUE;
    }

  if (!read_participant (loader, reader, &pending))
    {
      reset_pending (loader);
      return FALSE;
    }

  if (pending.unusual)
    {
      g_autoptr (JsonNode) node = th_json_parse (start, (gsize)(reader->pos - start), NULL);

      if (node == NULL)
        {
          reset_pending (loader);
          return FALSE;
        }
      participant = th_session_load_participant (loader->deck, node, path, index, loader->positions,
                                                 loader->numbers, error);
    }
  else
    {
      participant = build_participant (loader, &pending, path, index, error);
    }

  reset_pending (loader);
  if (participant != NULL)
    g_ptr_array_add (loader->participants, participant);

  return TRUE;
}

/* The deck from its text in a session file, or NULL when it has an error
 * (left for th_session_new_from_json() to report, after the checks that
 * come first). */
static ThDeck *
deck_from_text (const char *start, const char *end)
{
  g_autoptr (JsonNode) node = th_json_parse (start, (gsize)(end - start), NULL);

  return node != NULL ? th_deck_new_from_json (node, "deck", NULL) : NULL;
}

/* Reads the participants array at @reader into a loader made for
 * @deck.  Returns FALSE when the reader refused the text. */
static gboolean
stream_participants (StreamLoader *loader, gboolean *have_loader, ThDeck *deck,
                     ThJsonReader *reader, guint *n_participants, GError **participant_error)
{
  ThJsonPath participants_path = TH_JSON_PATH_MEMBER (NULL, "participants");

  stream_loader_init (loader, deck);
  *have_loader = TRUE;

  if (!th_json_reader_enter (reader))
    return FALSE;
  while (th_json_reader_next_element (reader))
    {
      ThJsonPath path = TH_JSON_PATH_INDEX (&participants_path, *n_participants);
      gboolean read;

      /* After an error or past the limit, only read on: a syntax error
       * later in the file still comes first, as does a count over the
       * limit. */
      if (*participant_error != NULL || *n_participants >= TH_MAX_PARTICIPANTS)
        read = th_json_reader_skip (reader);
      else
        read = stream_participant (loader, reader, &path, *n_participants, participant_error);
      if (!read)
        return FALSE;
      (*n_participants)++;
    }

  return !reader->failed;
}

ThSession *
th_session_try_new_from_text (const char *data, gsize length, GError **error)
{
  ThJsonPath participants_path = TH_JSON_PATH_MEMBER (NULL, "participants");
  g_autoptr (ThDeck) deck = NULL;
  g_autoptr (GError) participant_error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (ThSession) self = NULL;
  g_autoptr (GString) rest = NULL;
  const char *participants_start = NULL;
  const char *participants_end = NULL;
  const char *deck_start = NULL;
  const char *deck_end = NULL;
  gboolean have_format = FALSE;
  StreamLoader loader;
  gboolean have_loader = FALSE;
  gboolean refused = FALSE;
  ThJsonReader reader;
  ThJsonSpan key;
  guint n_participants = 0;

  th_json_skip_bom (&data, &length);

  /* The checks every JSON text of the app passes (th-json.h), before the
   * pull reader sees a byte.  The reader refuses all they refuse, and
   * more, but the limits are theirs: a text they refuse is left to
   * th_json_parse(), which runs them again and words the refusal. */
  if (!th_json_check_bounded (data, length, TH_MAX_FILE_SIZE, TH_JSON_MAX_DEPTH, NULL, NULL))
    return NULL;

  th_json_reader_init (&reader, data, length);
  if (!th_json_reader_enter (&reader))
    return NULL;

  while (!refused && th_json_reader_next_member (&reader, &key))
    {
      /* A name with escapes could be "deck" or "participants" in
       * disguise. */
      if (key.escaped)
        {
          refused = TRUE;
        }
      else if (th_json_span_equal (&key, "format"))
        {
          ThJsonSpan format;

          /* Anything but one plain "two-hats-session" gets its message
           * from the tree: a deck opened as a session, or by th_load_file(),
           * which tells the formats apart first. */
          refused = have_format || th_json_reader_peek (&reader) != TH_JSON_KIND_STRING
                    || !th_json_reader_read_string (&reader, &format)
                    || !th_json_span_equal (&format, "two-hats-session");
          have_format = TRUE;
        }
      else if (th_json_span_equal (&key, "deck"))
        {
          const char *start;

          th_json_reader_peek (&reader); /* past the white space */
          start = reader.pos;
          if (deck != NULL || !th_json_reader_skip (&reader))
            refused = TRUE;
          else if ((deck = deck_from_text (start, reader.pos)) == NULL)
            refused = TRUE;
          deck_start = start;
          deck_end = reader.pos;
        }
      else if (th_json_span_equal (&key, "participants"))
        {
          if (participants_start != NULL || th_json_reader_peek (&reader) != TH_JSON_KIND_ARRAY)
            {
              refused = TRUE;
              continue;
            }

          /* Participants need their deck; files list it first, but one
           * that does not has its participants read once it is known. */
          participants_start = reader.pos;
          if (deck != NULL)
            refused = !stream_participants (&loader, &have_loader, deck, &reader, &n_participants,
                                            &participant_error);
          else
            refused = !th_json_reader_skip (&reader);
          participants_end = reader.pos;
        }
      else if (!th_json_reader_skip (&reader))
        {
          refused = TRUE;
        }
    }

  if (!refused && th_json_reader_at_end (&reader) && participants_start != NULL && deck != NULL
      && !have_loader)
    {
      ThJsonReader again;

      th_json_reader_init (&again, participants_start,
                           (gsize)(participants_end - participants_start));
      refused = !stream_participants (&loader, &have_loader, deck, &again, &n_participants,
                                      &participant_error);
    }

  if (refused || !th_json_reader_at_end (&reader) || participants_start == NULL || deck == NULL
      || !have_format)
    {
      if (have_loader)
        stream_loader_clear (&loader);
      return NULL;
    }

  /* The rest of the file, with "deck": {} and "participants": [] in
   * place: the deck is made already. */
  rest = g_string_sized_new (length - (gsize)(participants_end - participants_start)
                             - (gsize)(deck_end - deck_start) + 4);
  if (deck_start < participants_start)
    {
      g_string_append_len (rest, data, deck_start - data);
      g_string_append (rest, "{}");
      g_string_append_len (rest, deck_end, participants_start - deck_end);
      g_string_append (rest, "[]");
    }
  else
    {
      g_string_append_len (rest, data, participants_start - data);
      g_string_append (rest, "[]");
      g_string_append_len (rest, participants_end, deck_start - participants_end);
      g_string_append (rest, "{}");
    }
  g_string_append_len (rest, MAX (participants_end, deck_end),
                       (data + length) - MAX (participants_end, deck_end));

  root = th_json_parse (rest->str, rest->len, NULL);
  if (root == NULL)
    {
      stream_loader_clear (&loader);
      return NULL;
    }

  self = th_session_new_from_root (root, deck, error);
  if (self == NULL)
    {
      stream_loader_clear (&loader);
      return NULL;
    }

  if (!th_session_check_n_participants (n_participants, &participants_path, error))
    {
      stream_loader_clear (&loader);
      return NULL;
    }

  if (participant_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&participant_error));
      stream_loader_clear (&loader);
      return NULL;
    }

  /* The checks are over: their tables of ids and numbers go before the
   * session makes its own index of the ids, so that a file of 100 000
   * people, whose text is still in memory, never holds both. */
  g_clear_pointer (&loader.positions, g_hash_table_unref);
  g_clear_pointer (&loader.numbers, g_hash_table_unref);
  for (guint i = 0; i < loader.participants->len; i++)
    th_session_take_participant (self, g_object_ref (g_ptr_array_index (loader.participants, i)));
  stream_loader_clear (&loader);
  th_session_number_loaded (self);

  return g_steal_pointer (&self);
}
