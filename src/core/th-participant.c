/* th-participant.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-participant-private.h"

struct _ThParticipant
{
  GObject parent_instance;

  char *id;
  char *name;
  /* behaviour id → ThSide + 1, and behaviour id → rating (1–5); the
   * values are never 0, so a missing key and a stored value differ. */
  GHashTable *sort;
  GHashTable *ratings;
};

G_DEFINE_FINAL_TYPE (ThParticipant, th_participant, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
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

static void
th_participant_finalize (GObject *object)
{
  ThParticipant *self = TH_PARTICIPANT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort, g_hash_table_unref);
  g_clear_pointer (&self->ratings, g_hash_table_unref);

  G_OBJECT_CLASS (th_participant_parent_class)->finalize (object);
}

static void
th_participant_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThParticipant *self = TH_PARTICIPANT (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_N_SORTED:
        g_value_set_uint (value, th_participant_get_n_sorted (self));
        break;
      case PROP_N_RATED:
        g_value_set_uint (value, th_participant_get_n_rated (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_participant_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ThParticipant *self = TH_PARTICIPANT (object);

  switch (prop_id)
    {
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;
      case PROP_NAME:
        th_participant_set_name (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_participant_class_init (ThParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_participant_finalize;
  object_class->get_property = th_participant_get_property;
  object_class->set_property = th_participant_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SORTED] = g_param_spec_uint ("n-sorted", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RATED] = g_param_spec_uint ("n-rated", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->sort = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ThParticipant *
th_participant_new (const char *id, const char *name)
{
  g_return_val_if_fail (th_id_is_valid (id), NULL);
  g_return_val_if_fail (th_participant_name_is_valid (name), NULL);

  return g_object_new (TH_TYPE_PARTICIPANT, "id", id, "name", name, NULL);
}

const char *
th_participant_get_id (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return self->id;
}

const char *
th_participant_get_name (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return self->name;
}

void
th_participant_set_name (ThParticipant *self, const char *name)
{
  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (th_participant_name_is_valid (name));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Stores @value (non-zero) or removes the entry (0).  Returns TRUE when
 * the table changed; @count_changed says whether its size did. */
static gboolean
update_table (GHashTable *table, const char *key, guint value, gboolean *count_changed)
{
  gpointer old_value = NULL;
  gboolean had = g_hash_table_lookup_extended (table, key, NULL, &old_value);

  *count_changed = FALSE;

  if (value == 0)
    {
      if (!had)
        return FALSE;
      g_hash_table_remove (table, key);
      *count_changed = TRUE;
      return TRUE;
    }

  if (had && GPOINTER_TO_UINT (old_value) == value)
    return FALSE;

  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (value));
  *count_changed = !had;
  return TRUE;
}

gboolean
th_participant_set_sort (ThParticipant *self, const char *behaviour_id, ThSide side)
{
  gboolean count_changed;

  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (
    side == TH_SIDE_LEADERSHIP || side == TH_SIDE_MANAGEMENT || side == TH_SIDE_BOTH, FALSE);

  if (!update_table (self->sort, behaviour_id, side == TH_SIDE_BOTH ? 0 : (guint)side + 1,
                     &count_changed))
    return FALSE;

  if (count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SORTED]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
th_participant_get_sort (ThParticipant *self, const char *behaviour_id, ThSide *side)
{
  gpointer value;

  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);

  value = g_hash_table_lookup (self->sort, behaviour_id);
  if (value == NULL)
    return FALSE;

  if (side != NULL)
    *side = (ThSide)(GPOINTER_TO_UINT (value) - 1);
  return TRUE;
}

gboolean
th_participant_set_rating (ThParticipant *self, const char *behaviour_id, int rating)
{
  gboolean count_changed;

  g_return_val_if_fail (TH_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (rating >= 0 && rating <= 5, FALSE);

  if (!update_table (self->ratings, behaviour_id, (guint)rating, &count_changed))
    return FALSE;

  if (count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RATED]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

int
th_participant_get_rating (ThParticipant *self, const char *behaviour_id)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);
  g_return_val_if_fail (behaviour_id != NULL, 0);

  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (self->ratings, behaviour_id));
}

guint
th_participant_get_n_sorted (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);

  return g_hash_table_size (self->sort);
}

guint
th_participant_get_n_rated (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), 0);

  return g_hash_table_size (self->ratings);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static GPtrArray *
dup_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new_full (g_hash_table_size (table), g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  g_ptr_array_sort (keys, compare_strings);

  return keys;
}

GPtrArray *
th_participant_dup_sorted_ids (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return dup_sorted_keys (self->sort);
}

GPtrArray *
th_participant_dup_rated_ids (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return dup_sorted_keys (self->ratings);
}

/* Copies @source into @target; returns TRUE if anything changed. */
static gboolean
merge_table (GHashTable *target, GHashTable *source, gboolean *count_changed)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean changed = FALSE;
  guint old_size = g_hash_table_size (target);

  g_hash_table_iter_init (&iter, source);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer old_value;

      if (g_hash_table_lookup_extended (target, key, NULL, &old_value) && old_value == value)
        continue;
      g_hash_table_insert (target, g_strdup (key), value);
      changed = TRUE;
    }

  *count_changed = g_hash_table_size (target) != old_size;
  return changed;
}

void
th_participant_merge_answers (ThParticipant *self, ThParticipant *other)
{
  gboolean sort_changed, sort_count_changed, ratings_changed, ratings_count_changed;

  g_return_if_fail (TH_IS_PARTICIPANT (self));
  g_return_if_fail (TH_IS_PARTICIPANT (other));

  if (self == other)
    return;

  sort_changed = merge_table (self->sort, other->sort, &sort_count_changed);
  ratings_changed = merge_table (self->ratings, other->ratings, &ratings_count_changed);

  if (sort_count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SORTED]);
  if (ratings_count_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RATED]);

  /* One signal for the whole merge: an autosave per answer would be
   * wasted work. */
  if (sort_changed || ratings_changed)
    g_signal_emit (self, signals[CHANGED], 0);
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

void
th_participant_load_sort (ThParticipant *self, const char *behaviour_id, ThSide side)
{
  g_hash_table_insert (self->sort, g_strdup (behaviour_id), GUINT_TO_POINTER ((guint)side + 1));
}

void
th_participant_load_rating (ThParticipant *self, const char *behaviour_id, int rating)
{
  g_hash_table_insert (self->ratings, g_strdup (behaviour_id), GUINT_TO_POINTER ((guint)rating));
}

GHashTable *
th_participant_get_sort_table (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return self->sort;
}

GHashTable *
th_participant_get_rating_table (ThParticipant *self)
{
  g_return_val_if_fail (TH_IS_PARTICIPANT (self), NULL);

  return self->ratings;
}
