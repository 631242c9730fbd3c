/* th-session.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-property.h"
#include "th-session-private.h"
#include "th-set.h"

/* The model of a workshop: its participants as a GListModel, its
 * properties and ::changed, checked changes of answers, and the scores
 * and agreement worked out from them.  No file format here: the readers,
 * the writer and merging are th-session-*.c (th-session-private.h). */

struct _ThSession
{
  GObject parent_instance;

  ThDeck *deck;
  char *title;        /* may be NULL */
  GDateTime *created; /* may be NULL */
  double threshold;
  ThPhase phase;

  GPtrArray *participants; /* of ThParticipant, file order */
  GHashTable *by_id;       /* id (owned by the participant) → ThParticipant */
  guint next_id_number;    /* where the search for a fresh "pN" starts */
  /* The highest participant number the session has held since it was
   * made or read, its file's included: a newcomer gets the next one, so
   * that nobody takes the number of someone removed (numbers are never
   * reused, docs/session-format.md). */
  guint max_number;
  /* What every save writes the same way (th-session-writer.c), made on
   * the first save. */
  ThSessionSaveCache *save_cache;

  /* For each behaviour of the deck, how many sorted it and how many of
   * those under leadership: the reveal asks for every card after every
   * answer, and walking all participants per card is participants ×
   * cards.  Counted in one walk when first asked after a change. */
  guint *agreement; /* 2 per behaviour, or NULL when out of date */
};

static void th_session_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ThSession, th_session, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      th_session_list_model_init))

G_DEFINE_ENUM_TYPE (ThPhase, th_phase, G_DEFINE_ENUM_VALUE (TH_PHASE_SORT, "sort"),
                    G_DEFINE_ENUM_VALUE (TH_PHASE_REVEAL, "reveal"),
                    G_DEFINE_ENUM_VALUE (TH_PHASE_REFLECT, "reflect"),
                    G_DEFINE_ENUM_VALUE (TH_PHASE_CHART, "chart"))

enum
{
  PROP_0,
  PROP_DECK,
  PROP_TITLE,
  PROP_THRESHOLD,
  PROP_PHASE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
th_session_get_item_type (GListModel *model)
{
  return TH_TYPE_PARTICIPANT;
}

static guint
th_session_get_n_items (GListModel *model)
{
  return TH_SESSION (model)->participants->len;
}

static gpointer
th_session_get_item (GListModel *model, guint position)
{
  ThSession *self = TH_SESSION (model);

  if (position >= self->participants->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->participants, position));
}

static void
th_session_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = th_session_get_item_type;
  iface->get_n_items = th_session_get_n_items;
  iface->get_item = th_session_get_item;
}

static void
emit_changed (ThSession *self)
{
  g_clear_pointer (&self->agreement, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* After a change of the property @prop_id: notifies it, then ::changed. */
static void
notify_changed (ThSession *self, guint prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

/* After participants came or went: the counts of agreement go first, so
 * that ::items-changed handlers that ask for them get them counted anew,
 * then ::changed. */
static void
participants_changed (ThSession *self, guint position, guint removed, guint added)
{
  g_clear_pointer (&self->agreement, g_free);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  emit_changed (self);
}

static void
participant_changed_cb (ThParticipant *participant, gpointer data)
{
  ThSession *self = data;

  /* The participant has forgotten its scores already. */
  emit_changed (self);
}

/* Takes the participant into the session's bookkeeping; the caller emits
 * ::items-changed and ::changed once for a whole batch. */
static void
append_participant (ThSession *self, ThParticipant *participant)
{
  g_ptr_array_add (self->participants, participant);
  g_hash_table_insert (self->by_id, (gpointer)th_participant_get_id (participant), participant);
  th_participant_set_owner (participant, participant_changed_cb, self);
  self->max_number = MAX (self->max_number, th_participant_get_number (participant));
}

/* The number for a newcomer: one past every number held so far. */
static guint
next_number (ThSession *self)
{
  return ++self->max_number;
}

static void
th_session_dispose (GObject *object)
{
  ThSession *self = TH_SESSION (object);

  if (self->participants != NULL)
    {
      for (guint i = 0; i < self->participants->len; i++)
        th_participant_set_owner (g_ptr_array_index (self->participants, i), NULL, NULL);
    }
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (th_session_parent_class)->dispose (object);
}

static void
th_session_finalize (GObject *object)
{
  ThSession *self = TH_SESSION (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->save_cache, th_session_save_cache_free);
  g_clear_pointer (&self->agreement, g_free);

  G_OBJECT_CLASS (th_session_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_DECK] = TH_PROPERTY_FIELD (ThSession, deck, NULL),
  [PROP_TITLE] = TH_PROPERTY_FIELD (ThSession, title, th_session_set_title),
  [PROP_THRESHOLD] = TH_PROPERTY_FIELD (ThSession, threshold, th_session_set_threshold),
  [PROP_PHASE] = TH_PROPERTY_FIELD (ThSession, phase, th_session_set_phase),
};

static void
th_session_class_init (ThSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_session_dispose;
  object_class->finalize = th_session_finalize;

  properties[PROP_DECK]
    = g_param_spec_object ("deck", NULL, NULL, TH_TYPE_DECK, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, TH_PARAM_READWRITE);
  properties[PROP_THRESHOLD] = g_param_spec_double ("threshold", NULL, NULL, 1.0, 99.0,
                                                    TH_DEFAULT_THRESHOLD, TH_PARAM_READWRITE);
  properties[PROP_PHASE]
    = g_param_spec_enum ("phase", NULL, NULL, TH_TYPE_PHASE, TH_PHASE_SORT, TH_PARAM_READWRITE);

  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThSession::changed:
   *
   * Emitted after every change of the document: its title, creation date,
   * threshold or participants, or a participant's name or answers.  The
   * phase is not part of the document (it is not saved), so it only
   * notifies.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
th_session_init (ThSession *self)
{
  self->threshold = TH_DEFAULT_THRESHOLD;
  self->phase = TH_PHASE_SORT;
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->next_id_number = 1;
}

ThSession *
th_session_new (ThDeck *deck)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) created = NULL;
  ThSession *self;

  g_return_val_if_fail (TH_IS_DECK (deck), NULL);

  /* Whole seconds: the file says "2026-03-02T09:00:00Z", not a
   * microsecond timestamp nobody needs. */
  now = g_date_time_new_now_utc ();
  created = g_date_time_add (now, -(g_date_time_get_microsecond (now)));

  self = g_object_new (TH_TYPE_SESSION, "deck", deck, NULL);
  self->created = g_steal_pointer (&created);

  return self;
}

ThSession *
th_session_new_loaded (ThDeck *deck, const char *title, GDateTime *created, double threshold)
{
  ThSession *self;

  g_return_val_if_fail (TH_IS_DECK (deck), NULL);
  g_return_val_if_fail (threshold >= 1.0 && threshold <= 99.0, NULL);

  /* Straight into the fields: nobody listens yet, and the readers have
   * checked every value. */
  self = g_object_new (TH_TYPE_SESSION, "deck", deck, NULL);
  self->title = g_strdup (title);
  self->created = created != NULL ? g_date_time_ref (created) : NULL;
  self->threshold = threshold;

  return self;
}

void
th_session_take_participant (ThSession *self, ThParticipant *participant)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (TH_IS_PARTICIPANT (participant));

  append_participant (self, participant);
}

void
th_session_give_new_number (ThSession *self, ThParticipant *participant)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (TH_IS_PARTICIPANT (participant));

  th_participant_set_number (participant, next_number (self));
}

void
th_session_number_loaded (ThSession *self)
{
  g_autoptr (GHashTable) taken = NULL;
  gboolean any_numbered = FALSE;
  gboolean any_unnumbered = FALSE;
  guint last_given = 0;

  g_return_if_fail (TH_IS_SESSION (self));

  for (guint i = 0; i < self->participants->len; i++)
    {
      if (th_participant_get_number (g_ptr_array_index (self->participants, i)) > 0)
        any_numbered = TRUE;
      else
        any_unnumbered = TRUE;
    }
  if (!any_unnumbered)
    return;

  /* A participant the file gives no number goes by their position,
   * counted from 1, as the format says.  When someone else in the file
   * holds that number already (a file that mixes numbered and unnumbered
   * participants, say after a removal), the position is not free: they
   * get the next number above it that nobody holds.  The numbers are
   * given in file order, so they depend on the file alone; they are
   * written on the next save and stay the participant's from then on. */
  if (any_numbered)
    {
      taken = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint i = 0; i < self->participants->len; i++)
        {
          guint number = th_participant_get_number (g_ptr_array_index (self->participants, i));

          if (number > 0)
            g_hash_table_add (taken, GUINT_TO_POINTER (number));
        }
    }

  for (guint i = 0; i < self->participants->len; i++)
    {
      ThParticipant *participant = g_ptr_array_index (self->participants, i);
      guint number = i + 1;

      if (th_participant_get_number (participant) > 0)
        continue;

      /* Every number from the previous unnumbered participant's position
       * up to the one they got is taken, so the search goes on from
       * there: one pass for the whole file. */
      if (taken != NULL)
        {
          number = MAX (number, last_given + 1);
          while (g_hash_table_contains (taken, GUINT_TO_POINTER (number)))
            number++;
          g_hash_table_add (taken, GUINT_TO_POINTER (number));
        }
      th_participant_set_number (participant, number);
      last_given = number;
      self->max_number = MAX (self->max_number, number);
    }
}

void
th_session_participants_added (ThSession *self, guint first)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (first <= self->participants->len);

  if (self->participants->len == first)
    return;

  participants_changed (self, first, 0, self->participants->len - first);
}

ThSessionSaveCache *
th_session_get_save_cache (ThSession *self)
{
  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  /* The deck never changes, so neither does the cache. */
  if (self->save_cache == NULL)
    self->save_cache = th_session_save_cache_new (self->deck);

  return self->save_cache;
}

/* Properties */

TH_DEFINE_GETTER (ThDeck *, th_session_get_deck, ThSession, TH_IS_SESSION, deck, NULL)

TH_DEFINE_GETTER (const char *, th_session_get_title, ThSession, TH_IS_SESSION, title, NULL)

void
th_session_set_title (ThSession *self, const char *title)
{
  g_autofree char *bounded = NULL;

  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (title == NULL || g_utf8_validate (title, -1, NULL));

  /* The file must stay loadable, so the title keeps within the string
   * limit of the format. */
  if (title != NULL && g_utf8_strlen (title, -1) > TH_MAX_STRING_CHARS)
    title = bounded = g_utf8_substring (title, 0, TH_MAX_STRING_CHARS);

  if (th_set_str (&self->title, title))
    notify_changed (self, PROP_TITLE);
}

TH_DEFINE_GETTER (GDateTime *, th_session_get_created, ThSession, TH_IS_SESSION, created, NULL)

void
th_session_set_created (ThSession *self, GDateTime *created)
{
  g_return_if_fail (TH_IS_SESSION (self));

  if (th_set_date_time (&self->created, created))
    emit_changed (self);
}

TH_DEFINE_GETTER (double, th_session_get_threshold, ThSession, TH_IS_SESSION, threshold,
                  TH_DEFAULT_THRESHOLD)

void
th_session_set_threshold (ThSession *self, double threshold)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (threshold >= 1.0 && threshold <= 99.0);

  if (th_set_double (&self->threshold, threshold))
    notify_changed (self, PROP_THRESHOLD);
}

TH_DEFINE_GETTER (ThPhase, th_session_get_phase, ThSession, TH_IS_SESSION, phase, TH_PHASE_SORT)

void
th_session_set_phase (ThSession *self, ThPhase phase)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (phase >= TH_PHASE_SORT && phase <= TH_PHASE_CHART);

  if (self->phase == phase)
    return;

  self->phase = phase;

  /* Not ::changed: the phase is not saved, so there is nothing to autosave. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

/* Participants */

guint
th_session_get_n_participants (ThSession *self)
{
  g_return_val_if_fail (TH_IS_SESSION (self), 0);

  return self->participants->len;
}

ThParticipant *
th_session_get_participant (ThSession *self, guint position)
{
  g_return_val_if_fail (TH_IS_SESSION (self), NULL);

  if (position >= self->participants->len)
    return NULL;

  return g_ptr_array_index (self->participants, position);
}

ThParticipant *
th_session_lookup_participant (ThSession *self, const char *id)
{
  g_return_val_if_fail (TH_IS_SESSION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

char *
th_session_make_fresh_id (ThSession *self, guint *number)
{
  for (;;)
    {
      char *id = g_strdup_printf ("p%u", self->next_id_number++);

      if (!g_hash_table_contains (self->by_id, id))
        {
          *number = self->next_id_number - 1;
          return id;
        }
      g_free (id);
    }
}

gboolean
th_session_check_capacity (ThSession *self, guint n_more, GError **error)
{
  if (self->participants->len + (guint64)n_more > TH_MAX_PARTICIPANTS)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE,
                   _ ("a session holds at most %d participants"), TH_MAX_PARTICIPANTS);
      return FALSE;
    }

  return TRUE;
}

ThParticipant *
th_session_add_participant (ThSession *self, const char *name, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *anonymous_name = NULL;
  ThParticipant *participant;
  guint number;
  guint position;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name != NULL && !th_participant_name_is_valid (name))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                   _ ("A name needs 1 to %d characters and no control characters"),
                   TH_MAX_NAME_CHARS);
      return NULL;
    }

  if (!th_session_check_capacity (self, 1, error))
    return NULL;

  id = th_session_make_fresh_id (self, &number);
  number = next_number (self);
  if (name == NULL)
    {
      /* Their number, which nobody else has or had. */
      anonymous_name = th_participant_dup_numbered_name (number);
      name = anonymous_name;
    }

  participant = th_participant_new_for_deck (id, name, self->deck);
  /* Their order of the cards is made when first asked for
   * (th_participant_get_order()), and saved then: a session made in one
   * go, such as the sample, stays the same bytes every time. */
  th_participant_set_number (participant, number);
  position = self->participants->len;
  append_participant (self, participant);

  participants_changed (self, position, 0, 1);

  return participant;
}

gboolean
th_session_remove_participant (ThSession *self, const char *id)
{
  ThParticipant *participant;
  guint position;

  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  participant = g_hash_table_lookup (self->by_id, id);
  if (participant == NULL || !g_ptr_array_find (self->participants, participant, &position))
    return FALSE;

  th_participant_set_owner (participant, NULL, NULL);
  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->participants, position);

  participants_changed (self, position, 1, 0);

  return TRUE;
}

gboolean
th_session_restore_participant (ThSession *self, ThParticipant *participant, guint position,
                                GError **error)
{
  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (TH_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (th_participant_get_deck (participant) != self->deck
      || th_participant_get_number (participant) == 0
      || g_ptr_array_find (self->participants, participant, NULL))
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID,
                   _ ("This participant was never part of the session"));
      return FALSE;
    }
  if (g_hash_table_contains (self->by_id, th_participant_get_id (participant)))
    {
      g_autofree char *quoted = th_json_quote (th_participant_get_id (participant));

      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%s is already the id of a participant"),
                   quoted);
      return FALSE;
    }
  if (!th_session_check_capacity (self, 1, error))
    return FALSE;

  /* The same object, so the same id, number, order and answers: an
   * anonymous chart printed before the removal still means them. */
  position = MIN (position, self->participants->len);
  g_object_ref (participant);
  append_participant (self, participant);
  if (position < self->participants->len - 1)
    {
      memmove (self->participants->pdata + position + 1, self->participants->pdata + position,
               (self->participants->len - 1 - position) * sizeof (gpointer));
      self->participants->pdata[position] = participant;
    }

  participants_changed (self, position, 0, 1);

  return TRUE;
}

/* Changes @participant_id's answer about @behaviour_id: its sort to the
 * ThSide @value or, when @is_sort is FALSE, its rating to @value (0
 * clears it).  The participant emits ::changed, which the session
 * relays. */
static gboolean
change_answer (ThSession *self, const char *participant_id, const char *behaviour_id,
               gboolean is_sort, int value, GError **error)
{
  ThParticipant *participant = g_hash_table_lookup (self->by_id, participant_id);

  if (participant == NULL)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("There is no participant “%s”"),
                   participant_id);
      return FALSE;
    }

  if (th_deck_lookup_behaviour (self->deck, behaviour_id) == NULL)
    {
      g_autofree char *quoted = th_json_quote (behaviour_id);

      g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%s is not a behaviour of the deck"),
                   quoted);
      return FALSE;
    }

  if (is_sort)
    {
      if (value != TH_SIDE_LEADERSHIP && value != TH_SIDE_MANAGEMENT && value != TH_SIDE_BOTH)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%d is not a side"), value);
          return FALSE;
        }
      th_participant_set_sort (participant, behaviour_id, (ThSide)value);
    }
  else
    {
      if (value < 0 || value > 5)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_INVALID, _ ("%d is not between 1 and 5"), value);
          return FALSE;
        }
      th_participant_set_rating (participant, behaviour_id, value);
    }

  return TRUE;
}

gboolean
th_session_set_sort (ThSession *self, const char *participant_id, const char *behaviour_id,
                     ThSide side, GError **error)
{
  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_answer (self, participant_id, behaviour_id, TRUE, (int)side, error);
}

gboolean
th_session_set_rating (ThSession *self, const char *participant_id, const char *behaviour_id,
                       int rating, GError **error)
{
  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return change_answer (self, participant_id, behaviour_id, FALSE, rating, error);
}

/* Scores */

void
th_session_compute_scores (ThSession *self, ThParticipant *participant, ThScores *out)
{
  g_return_if_fail (TH_IS_SESSION (self));
  g_return_if_fail (TH_IS_PARTICIPANT (participant));
  g_return_if_fail (out != NULL);

  /* A participant's scores depend on its answers and the deck alone: the
   * deck never changes, and a participant forgets its scores whenever it
   * changes, so a chart of ten thousand people fed the session after
   * every answer scores only the person who answered.  Only the session
   * that holds the participant keeps them there (a participant of another
   * session, or of this one once disposed, is scored afresh).  The
   * quadrant, the only part that depends on the threshold, is worked out
   * anew on every read, so that moving the threshold costs nothing
   * here. */
  if (!th_participant_get_owned_scores (participant, self, out))
    {
      th_scores_compute (participant, self->deck, self->threshold, out);
      th_participant_set_owned_scores (participant, self, out);
    }

  out->quadrant = out->has_leadership && out->has_management
                    ? th_quadrant_for_scores (out->leadership, out->management, self->threshold)
                    : TH_QUADRANT_NONE;
}

static void
count_agreement (ThSession *self)
{
  guint n_behaviours = th_deck_get_n_behaviours (self->deck);

  self->agreement = g_new0 (guint, 2 * (gsize)MAX (n_behaviours, 1));

  for (guint i = 0; i < self->participants->len; i++)
    {
      ThParticipant *participant = g_ptr_array_index (self->participants, i);

      if (th_participant_get_deck (participant) == self->deck)
        {
          guint n_answers;
          const ThAnswer *answers = th_participant_get_answers (participant, &n_answers);

          for (guint k = 0; k < n_answers; k++)
            if (answers[k].side != 0 && answers[k].index < n_behaviours)
              {
                self->agreement[2 * answers[k].index]++;
                if (answers[k].side - 1 == TH_SIDE_LEADERSHIP)
                  self->agreement[2 * answers[k].index + 1]++;
              }
          continue;
        }

      /* Answers kept by id: ask for each card. */
      for (guint b = 0; b < n_behaviours; b++)
        {
          ThSide side;

          if (th_participant_get_sort (
                participant, th_behaviour_get_id (th_deck_get_behaviour (self->deck, b)), &side))
            {
              self->agreement[2 * b]++;
              if (side == TH_SIDE_LEADERSHIP)
                self->agreement[2 * b + 1]++;
            }
        }
    }
}

gboolean
th_session_get_agreement (ThSession *self, const char *behaviour_id, double *percent_leadership,
                          guint *n_sorted)
{
  guint n = 0;
  guint n_leadership = 0;
  int index;

  g_return_val_if_fail (TH_IS_SESSION (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);

  index = th_deck_get_behaviour_index (self->deck, behaviour_id);
  if (index >= 0)
    {
      if (self->agreement == NULL)
        count_agreement (self);
      n = self->agreement[2 * index];
      n_leadership = self->agreement[2 * index + 1];
    }
  else
    {
      /* Not a card of the deck: only answers kept by id can name it. */
      for (guint i = 0; i < self->participants->len; i++)
        {
          ThSide side;

          if (th_participant_get_sort (g_ptr_array_index (self->participants, i), behaviour_id,
                                       &side))
            {
              n++;
              if (side == TH_SIDE_LEADERSHIP)
                n_leadership++;
            }
        }
    }

  if (n_sorted != NULL)
    *n_sorted = n;
  if (percent_leadership != NULL)
    *percent_leadership = n > 0 ? 100.0 * n_leadership / n : 0.0;

  return n > 0;
}
