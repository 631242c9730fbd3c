/* th-participant.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-participant-private.h"
#include "th-property.h"
#include "th-set.h"

struct _ThParticipant
{
  GObject parent_instance;

  /* The id and, right after it, the name as it was made, in one block:
   * two blocks of their own cost a session of 100 000 people some 3 MiB
   * more.  A name set later has a block of its own (name_in_id_block()). */
  char *id;
  char *name;
  /* The answers about behaviours of @deck, in deck order, one entry per
   * behaviour answered: four bytes each instead of two hash-table entries
   * with copied keys, so that a session of 100 000 people stays small. */
  ThDeck *deck; /* may be NULL */
  ThAnswer *answers;
  guint n_answers;
  guint n_sorted_answers;
  guint n_rated_answers;
  /* The scores the owner last worked out (th_participant_set_owned_scores()),
   * kept here rather than in a table of the session's: an entry and a
   * block of their own for each of 100 000 participants cost some 6 MiB
   * more.  The flags and the count of ratings fill what would be padding;
   * the scores are valid only for the owner who stored them, and until the
   * participant changes. */
  guint scores_valid : 1;
  guint scores_have_leadership : 1;
  guint scores_have_management : 1;
  /* Answers about behaviours @deck lacks (or all of them when there is no
   * deck): behaviour id → ThSide + 1, and behaviour id → rating (1–5).
   * NULL until needed, which a participant of a session never is. */
  GHashTable *extra_sort;
  GHashTable *extra_ratings;

  /* The participant's number in anonymous mode (0 until a session gives
   * one), and their own order of the cards: the position in @deck of
   * every behaviour of it, each once.  Two bytes a card, and NULL until
   * someone asks for it, so that a large session whose file has no
   * orders costs nothing for them. */
  guint number;
  guint scores_rated;
  guint16 *order;

  /* The session that holds the participant, told of each change before
   * the ::changed handlers: a plain call instead of a signal handler per
   * participant, which for 100 000 of them cost a fifth of the time to
   * open and close a file. */
  ThParticipantChangedFunc owner_func;
  gpointer owner_data;

  /* The rest of the owner's scores, see scores_valid. */
  double scores_leadership;
  double scores_management;
  guint scores_sorted;
  guint scores_correct;
};

G_DEFINE_FINAL_TYPE (ThParticipant, th_participant, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_N_SORTED,
  PROP_N_RATED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
name_in_id_block (ThParticipant *self)
{
  return self->id != NULL && self->name == self->id + strlen (self->id) + 1;
}

static void
emit_changed (ThParticipant *self)
{
  self->scores_valid = FALSE;
  if (self->owner_func != NULL)
    self->owner_func (self, self->owner_data);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
th_participant_finalize (GObject *object)
{
  ThParticipant *self = TH_PARTICIPANT (object);

  if (!name_in_id_block (self))
    g_free (self->name);
  self->name = NULL;
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->answers, g_free);
  g_clear_pointer (&self->extra_sort, g_hash_table_unref);
  g_clear_pointer (&self->extra_ratings, g_hash_table_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (th_participant_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_NAME] = TH_PROPERTY_FIELD (ThParticipant, name, th_participant_set_name),
  [PROP_N_SORTED] = TH_PROPERTY_GETTER (th_participant_get_n_sorted, NULL),
  [PROP_N_RATED] = TH_PROPERTY_GETTER (th_participant_get_n_rated, NULL),
};

static void
th_participant_class_init (ThParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_participant_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, TH_PARAM_READWRITE);
  properties[PROP_N_SORTED]
    = g_param_spec_uint ("n-sorted", NULL, NULL, 0, G_MAXUINT, 0, TH_PARAM_READABLE);
  properties[PROP_N_RATED]
    = g_param_spec_uint ("n-rated", NULL, NULL, 0, G_MAXUINT, 0, TH_PARAM_READABLE);

  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThParticipant::changed:
   *
   * Emitted after every change of the name, the sort or the ratings.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
th_participant_init (ThParticipant *self)
{
}

/* No properties through g_object_new: a loader creates a hundred thousand
 * of these, and nobody is listening yet. */
static ThParticipant *
participant_new (const char *id, const char *name, ThDeck *deck)
{
  ThParticipant *self = g_object_new (TH_TYPE_PARTICIPANT, NULL);

  gsize id_size = strlen (id) + 1;
  gsize name_size = strlen (name) + 1;

  self->id = g_malloc (id_size + name_size);
  memcpy (self->id, id, id_size);
  self->name = memcpy (self->id + id_size, name, name_size);
  self->deck = deck != NULL ? g_object_ref (deck) : NULL;

  return self;
}

ThParticipant *
th_participant_new (const char *id, const char *name)
{
  g_return_val_if_fail (th_id_is_valid (id), NULL);
  g_return_val_if_fail (th_participant_name_is_valid (name), NULL);

  return participant_new (id, name, NULL);
}

TH_DEFINE_GETTER (const char *, th_participant_get_id, ThParticipant, TH_IS_PARTICIPANT, id, NULL)

TH_DEFINE_GETTER (const char *, th_participant_get_name, ThParticipant, TH_IS_PARTICIPANT, name,
                  NULL)

void
th_participant_set_name (ThParticipant *self, const char *name)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (th_participant_name_is_valid (name));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  if (name_in_id_block (self))
    self->name = g_strdup (name);
  else
    th_set_str (&self->name, name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

/* Where the entry for deck position @index is, or would go. */
static gboolean
find_answer (ThParticipant *self, guint index, guint *position)
{
  guint low = 0, high = self->n_answers;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->answers[middle].index < index)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return low < self->n_answers && self->answers[low].index == index;
}

/* Stores @value (ThSide + 1 for a sort, a rating; 0 clears) for deck
 * position @index.  Returns TRUE when the answers changed; @count_changed
 * says whether the number of sorted (or rated) behaviours did. */
static gboolean
update_answer (ThParticipant *self, guint index, gboolean is_sort, guint value,
               gboolean *count_changed)
{
  guint position;
  gboolean found = find_answer (self, index, &position);
  ThAnswer *answer;
  guint old_value = 0;

  *count_changed = FALSE;

  if (found)
    old_value = is_sort ? self->answers[position].side : self->answers[position].rating;
  if (old_value == value)
    return FALSE;

  if (!found)
    {
      self->answers = g_renew (ThAnswer, self->answers, self->n_answers + 1);
      memmove (self->answers + position + 1, self->answers + position,
               (self->n_answers - position) * sizeof (ThAnswer));
      self->answers[position] = (ThAnswer){ (guint16)index, 0, 0 };
      self->n_answers++;
    }

  answer = &self->answers[position];
  if (is_sort)
    answer->side = (guint8)value;
  else
    answer->rating = (guint8)value;

  if (old_value == 0 || value == 0)
    {
      guint *count = is_sort ? &self->n_sorted_answers : &self->n_rated_answers;

      if (value == 0)
        (*count)--;
      else
        (*count)++;
      *count_changed = TRUE;
    }

  if (answer->side == 0 && answer->rating == 0)
    {
      memmove (self->answers + position, self->answers + position + 1,
               (self->n_answers - position - 1) * sizeof (ThAnswer));
      self->n_answers--;
      if (self->n_answers == 0)
        g_clear_pointer (&self->answers, g_free);
    }

  return TRUE;
}

/* The same for a behaviour the deck lacks. */
static gboolean
update_table (GHashTable **table, const char *key, guint value, gboolean *count_changed)
{
  gpointer old_value = NULL;
  gboolean had;

  *count_changed = FALSE;

  if (*table == NULL)
    {
      if (value == 0)
        return FALSE;
      *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  had = g_hash_table_lookup_extended (*table, key, NULL, &old_value);

  if (value == 0)
    {
      if (!had)
        return FALSE;
      g_hash_table_remove (*table, key);
      *count_changed = TRUE;
      return TRUE;
    }

  if (had && GPOINTER_TO_UINT (old_value) == value)
    return FALSE;

  g_hash_table_insert (*table, g_strdup (key), GUINT_TO_POINTER (value));
  *count_changed = !had;
  return TRUE;
}

static int
behaviour_index (ThParticipant *self, const char *behaviour_id)
{
  return self->deck != NULL ? th_deck_get_behaviour_index (self->deck, behaviour_id) : -1;
}

static gboolean
store_value (ThParticipant *self, const char *behaviour_id, gboolean is_sort, guint value,
             gboolean *count_changed)
{
  int index = behaviour_index (self, behaviour_id);

  if (index >= 0)
    return update_answer (self, (guint)index, is_sort, value, count_changed);

  return update_table (is_sort ? &self->extra_sort : &self->extra_ratings, behaviour_id, value,
                       count_changed);
}

/* The stored value (ThSide + 1 for a sort, a rating), or 0. */
static guint
lookup_value (ThParticipant *self, const char *behaviour_id, gboolean is_sort)
{
  int index = behaviour_index (self, behaviour_id);
  GHashTable *table;
  guint position;

  if (index >= 0)
    {
      if (!find_answer (self, (guint)index, &position))
        return 0;
      return is_sort ? self->answers[position].side : self->answers[position].rating;
    }

  table = is_sort ? self->extra_sort : self->extra_ratings;
  return table != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, behaviour_id)) : 0;
}

/* store_value() for a change made by hand: notifies the count it changed
 * and emits ::changed.  Returns whether anything changed. */
static gboolean
change_value (ThParticipant *self, const char *behaviour_id, gboolean is_sort, guint value)
{
  gboolean count_changed;

  if (!store_value (self, behaviour_id, is_sort, value, &count_changed))
    return FALSE;

  if (count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[is_sort ? PROP_N_SORTED : PROP_N_RATED]);
  emit_changed (self);
  return TRUE;
}

gboolean
th_participant_set_sort (ThParticipant *self, const char *behaviour_id, ThSide side)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (
    side == TH_SIDE_LEADERSHIP || side == TH_SIDE_MANAGEMENT || side == TH_SIDE_BOTH, FALSE);

  return change_value (self, behaviour_id, TRUE, side == TH_SIDE_BOTH ? 0 : (guint)side + 1);
}

gboolean
th_participant_get_sort (ThParticipant *self, const char *behaviour_id, ThSide *side)
{
  guint value;

  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);

  value = lookup_value (self, behaviour_id, TRUE);
  if (value == 0)
    return FALSE;

  if (side != NULL)
    *side = (ThSide)(value - 1);
  return TRUE;
}

gboolean
th_participant_set_rating (ThParticipant *self, const char *behaviour_id, int rating)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (rating >= 0 && rating <= 5, FALSE);

  return change_value (self, behaviour_id, FALSE, (guint)rating);
}

int
th_participant_get_rating (ThParticipant *self, const char *behaviour_id)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);
  g_return_val_if_fail (behaviour_id != NULL, 0);

  return (int)lookup_value (self, behaviour_id, FALSE);
}

guint
th_participant_get_n_sorted (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);

  return self->n_sorted_answers
         + (self->extra_sort != NULL ? g_hash_table_size (self->extra_sort) : 0);
}

guint
th_participant_get_n_rated (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);

  return self->n_rated_answers
         + (self->extra_ratings != NULL ? g_hash_table_size (self->extra_ratings) : 0);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static GPtrArray *
dup_sorted_keys (ThParticipant *self, gboolean is_sort)
{
  GHashTable *table = is_sort ? self->extra_sort : self->extra_ratings;
  GPtrArray *keys = g_ptr_array_new_full (self->n_answers, g_free);

  for (guint i = 0; i < self->n_answers; i++)
    {
      const ThAnswer *answer = &self->answers[i];

      if ((is_sort ? answer->side : answer->rating) != 0)
        g_ptr_array_add (
          keys, g_strdup (th_behaviour_get_id (th_deck_get_behaviour (self->deck, answer->index))));
    }

  if (table != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, table);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, g_strdup (key));
    }

  g_ptr_array_sort (keys, compare_strings);

  return keys;
}

GPtrArray *
th_participant_dup_sorted_ids (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return dup_sorted_keys (self, TRUE);
}

GPtrArray *
th_participant_dup_rated_ids (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return dup_sorted_keys (self, FALSE);
}

typedef struct
{
  ThParticipant *target;
  gboolean sort_changed;
  gboolean sort_count_changed;
  gboolean ratings_changed;
  gboolean ratings_count_changed;
} MergeState;

static void
merge_answer_cb (const char *behaviour_id, guint side, guint rating, gpointer data)
{
  MergeState *state = data;
  gboolean count_changed;

  if (side != 0)
    {
      state->sort_changed |= store_value (state->target, behaviour_id, TRUE, side, &count_changed);
      state->sort_count_changed |= count_changed;
    }
  if (rating != 0)
    {
      state->ratings_changed
        |= store_value (state->target, behaviour_id, FALSE, rating, &count_changed);
      state->ratings_count_changed |= count_changed;
    }
}

void
th_participant_merge_answers (ThParticipant *self, ThParticipant *other)
{
  MergeState state = { self, FALSE, FALSE, FALSE, FALSE };

  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (TH_IS_PARTICIPANT (other));

  if (self == other)
    return;

  th_participant_foreach_answer (other, merge_answer_cb, &state);

  if (state.sort_count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SORTED]);
  if (state.ratings_count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RATED]);

  /* One signal for the whole merge: an autosave per answer would be
   * wasted work. */
  if (state.sort_changed || state.ratings_changed)
    emit_changed (self);
}

gboolean
th_participant_name_is_valid (const char *name)
{
  const char *p;
  guint n_chars = 0;

  if (name == NULL || name[0] == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (++n_chars > TH_MAX_NAME_CHARS)
        return FALSE;
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char *
th_participant_dup_numbered_name (guint number)
{
  /* Translators: a participant's name in anonymous mode, or of one added
   * without a name; %u is their number. */
  return g_strdup_printf (_ ("Participant %u"), number);
}

TH_DEFINE_GETTER (guint, th_participant_get_number, ThParticipant, TH_IS_PARTICIPANT, number, 0)

char *
th_participant_dup_anonymous_name (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return th_participant_dup_numbered_name (self->number);
}

void
th_participant_set_number (ThParticipant *self, guint number)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (number > 0);

  self->number = number;
}

gboolean
th_participant_ensure_order (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);

  if (self->order != NULL || self->deck == NULL)
    return FALSE;

  self->order = th_deck_new_order (th_deck_get_n_behaviours (self->deck), TRUE);
  return TRUE;
}

const guint16 *
th_participant_get_order (ThParticipant *self, guint *n_indices)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  if (n_indices != NULL)
    *n_indices = self->deck != NULL ? th_deck_get_n_behaviours (self->deck) : 0;

  /* Made once, and saved: the session writes it on the save this
   * ::changed sets off. */
  if (th_participant_ensure_order (self))
    emit_changed (self);

  return self->order;
}

TH_DEFINE_GETTER (const guint16 *, th_participant_peek_order, ThParticipant, TH_IS_PARTICIPANT,
                  order, NULL)

void
th_participant_take_order (ThParticipant *self, guint16 *order, guint n_indices)
{
  guint n_behaviours;

  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (self->deck != NULL);

  n_behaviours = th_deck_get_n_behaviours (self->deck);
  g_return_if_fail (n_indices <= n_behaviours);

  /* An order written for an older deck lacks the behaviours added since:
   * they follow the ones it names, in deck order, so that both readers
   * complete it the same way and the next save writes it whole. */
  if (n_indices < n_behaviours)
    {
      g_autofree guint8 *named = g_new0 (guint8, n_behaviours);

      order = g_renew (guint16, order, n_behaviours);
      for (guint i = 0; i < n_indices; i++)
        named[order[i]] = 1;
      for (guint i = 0; i < n_behaviours; i++)
        if (!named[i])
          order[n_indices++] = (guint16)i;
    }

  g_free (self->order);
  self->order = order;
}

void
th_participant_copy_order (ThParticipant *self, ThParticipant *other)
{
  guint n_behaviours;

  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (TH_IS_PARTICIPANT (other));
  g_return_if_fail (self->deck != NULL);

  n_behaviours = th_deck_get_n_behaviours (self->deck);
  g_clear_pointer (&self->order, g_free);

  /* The other deck has the same behaviours, perhaps at other positions:
   * the order goes by id. */
  if (other->order != NULL && other->deck != NULL
      && th_deck_get_n_behaviours (other->deck) == n_behaviours)
    {
      guint16 *order = g_new (guint16, MAX (n_behaviours, 1));
      guint n = 0;

      for (guint i = 0; i < n_behaviours; i++)
        {
          const char *id
            = th_behaviour_get_id (th_deck_get_behaviour (other->deck, other->order[i]));
          int index = th_deck_get_behaviour_index (self->deck, id);

          if (index < 0)
            break;
          order[n++] = (guint16)index;
        }
      if (n == n_behaviours)
        {
          self->order = order;
          return;
        }
      g_free (order);
    }

  /* Otherwise a fresh shuffle, made when first asked for. */
}

ThParticipant *
th_participant_new_for_deck (const char *id, const char *name, ThDeck *deck)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (TH_IS_DECK (deck), NULL);

  return participant_new (id, name, deck);
}

void
th_participant_take_answers (ThParticipant *self, ThAnswer *answers, guint n_answers)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (self->deck != NULL);
  g_return_if_fail (self->n_answers == 0);

  g_free (self->answers);
  self->answers = n_answers > 0 ? answers : NULL;
  self->n_answers = n_answers;
  if (n_answers == 0)
    g_free (answers);

  for (guint i = 0; i < n_answers; i++)
    {
      if (answers[i].side != 0)
        self->n_sorted_answers++;
      if (answers[i].rating != 0)
        self->n_rated_answers++;
    }
}

TH_DEFINE_GETTER (ThDeck *, th_participant_get_deck, ThParticipant, TH_IS_PARTICIPANT, deck, NULL)

const ThAnswer *
th_participant_get_answers (ThParticipant *self, guint *n_answers)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  *n_answers = self->n_answers;
  return self->answers;
}

gboolean
th_participant_has_other_answers (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);

  return (self->extra_sort != NULL && g_hash_table_size (self->extra_sort) > 0)
         || (self->extra_ratings != NULL && g_hash_table_size (self->extra_ratings) > 0);
}

void
th_participant_foreach_answer (ThParticipant *self, ThAnswerFunc func, gpointer data)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < self->n_answers; i++)
    {
      const ThAnswer *answer = &self->answers[i];

      func (th_behaviour_get_id (th_deck_get_behaviour (self->deck, answer->index)), answer->side,
            answer->rating, data);
    }

  if (self->extra_sort != NULL)
    {
      g_hash_table_iter_init (&iter, self->extra_sort);
      while (g_hash_table_iter_next (&iter, &key, &value))
        func (key, GPOINTER_TO_UINT (value), 0, data);
    }
  if (self->extra_ratings != NULL)
    {
      g_hash_table_iter_init (&iter, self->extra_ratings);
      while (g_hash_table_iter_next (&iter, &key, &value))
        func (key, 0, GPOINTER_TO_UINT (value), data);
    }
}

void
th_participant_load_sort (ThParticipant *self, const char *behaviour_id, ThSide side)
{
  gboolean count_changed;

  store_value (self, behaviour_id, TRUE, (guint)side + 1, &count_changed);
}

void
th_participant_load_rating (ThParticipant *self, const char *behaviour_id, int rating)
{
  gboolean count_changed;

  store_value (self, behaviour_id, FALSE, (guint)rating, &count_changed);
}

void
th_participant_set_owner (ThParticipant *self, ThParticipantChangedFunc func, gpointer data)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));

  self->owner_func = func;
  self->owner_data = data;
  self->scores_valid = FALSE;
}

gboolean
th_participant_get_owned_scores (ThParticipant *self, gpointer owner, ThScores *out)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (owner == NULL || owner != self->owner_data || !self->scores_valid)
    return FALSE;

  *out = (ThScores){
    .has_leadership = self->scores_have_leadership,
    .has_management = self->scores_have_management,
    .leadership = self->scores_leadership,
    .management = self->scores_management,
    .quadrant = TH_QUADRANT_NONE,
    .sorted = self->scores_sorted,
    .correct = self->scores_correct,
    .rated = self->scores_rated,
  };
  return TRUE;
}

void
th_participant_set_owned_scores (ThParticipant *self, gpointer owner, const ThScores *scores)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (scores != NULL);

  if (owner == NULL || owner != self->owner_data)
    return;

  self->scores_have_leadership = !!scores->has_leadership;
  self->scores_have_management = !!scores->has_management;
  self->scores_leadership = scores->leadership;
  self->scores_management = scores->management;
  self->scores_sorted = scores->sorted;
  self->scores_correct = scores->correct;
  self->scores_rated = scores->rated;
  self->scores_valid = TRUE;
}

const ThAnswer *
th_participant_lookup_answer (ThParticipant *self, guint index)
{
  guint position;

  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return find_answer (self, index, &position) ? &self->answers[position] : NULL;
}
