/* th-workshop-undo.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-error.h"
#include "th-property.h"
#include "th-workshop-undo.h"

/* Enough for a whole afternoon of answers; older steps fall off. */
#define MAX_STEPS 2000

typedef enum
{
  STEP_SORT,
  STEP_RATING,
  STEP_REMOVAL,
} StepKind;

typedef struct
{
  StepKind kind;
  char *participant_id;
  char *behaviour_id; /* NULL for a removal */
  /* A ThSide (TH_SIDE_BOTH: not sorted) or a rating (0: not rated). */
  int old_value;
  int new_value;
  /* A removal keeps the participant itself, so that undoing it brings
   * back the same person, with their number and answers, at the place
   * in the list they had. */
  ThParticipant *participant;
  guint position;
} Step;

struct _ThWorkshopUndo
{
  GObject parent_instance;

  ThSession *session;
  GQueue undo; /* of Step, newest at the head */
  GQueue redo;
  char *last_participant;
  char *last_behaviour;
};

G_DEFINE_FINAL_TYPE (ThWorkshopUndo, th_workshop_undo, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_free (step->participant_id);
  g_free (step->behaviour_id);
  g_clear_object (&step->participant);
  g_free (step);
}

static void
notify_state (ThWorkshopUndo *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != th_workshop_undo_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != th_workshop_undo_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_stacks (ThWorkshopUndo *self)
{
  gboolean could_undo = th_workshop_undo_get_can_undo (self);
  gboolean could_redo = th_workshop_undo_get_can_redo (self);

  g_queue_clear_full (&self->undo, (GDestroyNotify)step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  notify_state (self, could_undo, could_redo);
}

static void
th_workshop_undo_dispose (GObject *object)
{
  ThWorkshopUndo *self = TH_WORKSHOP_UNDO (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify)step_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->last_participant, g_free);
  g_clear_pointer (&self->last_behaviour, g_free);

  G_OBJECT_CLASS (th_workshop_undo_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_CAN_UNDO] = TH_PROPERTY_GETTER (th_workshop_undo_get_can_undo, NULL),
  [PROP_CAN_REDO] = TH_PROPERTY_GETTER (th_workshop_undo_get_can_redo, NULL),
};

static void
th_workshop_undo_class_init (ThWorkshopUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_workshop_undo_dispose;

  properties[PROP_CAN_UNDO]
    = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_CAN_REDO]
    = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, TH_PARAM_READABLE_EXPLICIT);
  th_property_install (object_class, N_PROPS, properties, property_access);
}

static void
th_workshop_undo_init (ThWorkshopUndo *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

ThWorkshopUndo *
th_workshop_undo_new (void)
{
  return g_object_new (TH_TYPE_WORKSHOP_UNDO, NULL);
}

void
th_workshop_undo_set_session (ThWorkshopUndo *self, ThSession *session)
{
  g_return_if_fail (TH_IS_WORKSHOP_UNDO (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  if (self->session == session)
    return;

  clear_stacks (self);
  g_set_object (&self->session, session);
}

TH_DEFINE_GETTER (ThSession *, th_workshop_undo_get_session, ThWorkshopUndo, TH_IS_WORKSHOP_UNDO,
                  session, NULL)

static int
current_value (ThWorkshopUndo *self, const char *participant_id, const char *behaviour_id,
               gboolean is_rating)
{
  ThParticipant *participant = th_session_lookup_participant (self->session, participant_id);
  ThSide side = TH_SIDE_BOTH;

  if (participant == NULL)
    return is_rating ? 0 : TH_SIDE_BOTH;
  if (is_rating)
    return th_participant_get_rating (participant, behaviour_id);
  if (!th_participant_get_sort (participant, behaviour_id, &side))
    side = TH_SIDE_BOTH;
  return side;
}

static gboolean
apply (ThWorkshopUndo *self, const char *participant_id, const char *behaviour_id,
       gboolean is_rating, int value, GError **error)
{
  if (is_rating)
    return th_session_set_rating (self->session, participant_id, behaviour_id, value, error);
  return th_session_set_sort (self->session, participant_id, behaviour_id, (ThSide)value, error);
}

/* Makes @step the newest of the undo stack; a new step ends what there
 * was to redo. */
static void
push_step (ThWorkshopUndo *self, Step *step, gboolean could_undo, gboolean could_redo)
{
  g_queue_push_head (&self->undo, step);
  if (g_queue_get_length (&self->undo) > MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo));

  g_queue_clear_full (&self->redo, (GDestroyNotify)step_free);
  notify_state (self, could_undo, could_redo);
}

static gboolean
record_and_apply (ThWorkshopUndo *self, const char *participant_id_in, const char *behaviour_id_in,
                  gboolean is_rating, int value, GError **error)
{
  /* Applying the change rebuilds the boards, which frees the strings a
   * board passed in (a card's id): the step is made from copies taken
   * before. */
  g_autofree char *participant_id = g_strdup (participant_id_in);
  g_autofree char *behaviour_id = g_strdup (behaviour_id_in);
  gboolean could_undo = th_workshop_undo_get_can_undo (self);
  gboolean could_redo = th_workshop_undo_get_can_redo (self);
  int old_value;
  Step *step;

  if (self->session == NULL)
    {
      /* Not for people's eyes: a board answered without a session. */
      g_set_error_literal (error, TH_ERROR, TH_ERROR_USAGE, "no session to change");
      return FALSE;
    }

  old_value = current_value (self, participant_id, behaviour_id, is_rating);
  if (!apply (self, participant_id, behaviour_id, is_rating, value, error))
    return FALSE;

  /* Pressing M on a card already under Management is no step to undo. */
  if (old_value == value)
    return TRUE;

  step = g_new0 (Step, 1);
  step->kind = is_rating ? STEP_RATING : STEP_SORT;
  step->participant_id = g_steal_pointer (&participant_id);
  step->behaviour_id = g_steal_pointer (&behaviour_id);
  step->old_value = old_value;
  step->new_value = value;
  push_step (self, step, could_undo, could_redo);

  return TRUE;
}

gboolean
th_workshop_undo_set_sort (ThWorkshopUndo *self, const char *participant_id,
                           const char *behaviour_id, ThSide side, GError **error)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);
  g_return_val_if_fail (participant_id != NULL && behaviour_id != NULL, FALSE);

  return record_and_apply (self, participant_id, behaviour_id, FALSE, side, error);
}

gboolean
th_workshop_undo_set_rating (ThWorkshopUndo *self, const char *participant_id,
                             const char *behaviour_id, int rating, GError **error)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);
  g_return_val_if_fail (participant_id != NULL && behaviour_id != NULL, FALSE);

  return record_and_apply (self, participant_id, behaviour_id, TRUE, rating, error);
}

const char *
th_workshop_undo_peek_removal (ThWorkshopUndo *self)
{
  Step *step;

  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), NULL);

  step = g_queue_peek_head (&self->undo);
  return step != NULL && step->kind == STEP_REMOVAL ? step->participant_id : NULL;
}

const char *
th_workshop_undo_peek_participant (ThWorkshopUndo *self, gboolean redo)
{
  Step *step;

  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), NULL);

  step = g_queue_peek_head (redo ? &self->redo : &self->undo);
  return step != NULL ? step->participant_id : NULL;
}

gboolean
th_workshop_undo_get_can_undo (ThWorkshopUndo *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
th_workshop_undo_get_can_redo (ThWorkshopUndo *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/* Takes the removal back (@undoing) or does it again. */
static gboolean
apply_removal (ThWorkshopUndo *self, Step *step, gboolean undoing)
{
  g_autoptr (GError) error = NULL;

  if (!undoing)
    return th_session_remove_participant (self->session, step->participant_id);

  if (!th_session_restore_participant (self->session, step->participant, step->position, &error))
    {
      g_warning ("Could not bring back participant %s: %s", step->participant_id, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Moves the newest step of @from to @to, applying its old or new value.
 * A step that can no longer be applied (its participant was removed
 * meanwhile, other than through here) is dropped, and the next one is
 * tried. */
static gboolean
move_step (ThWorkshopUndo *self, GQueue *from, GQueue *to, gboolean undoing)
{
  gboolean could_undo = th_workshop_undo_get_can_undo (self);
  gboolean could_redo = th_workshop_undo_get_can_redo (self);
  gboolean moved = FALSE;

  while (self->session != NULL && !g_queue_is_empty (from))
    {
      Step *step = g_queue_pop_head (from);
      int value = undoing ? step->old_value : step->new_value;
      gboolean applied;

      if (step->kind == STEP_REMOVAL)
        applied = apply_removal (self, step, undoing);
      else
        applied = th_session_lookup_participant (self->session, step->participant_id) != NULL
                  && apply (self, step->participant_id, step->behaviour_id,
                            step->kind == STEP_RATING, value, NULL);
      if (!applied)
        {
          step_free (step);
          continue;
        }

      g_queue_push_head (to, step);
      g_free (self->last_participant);
      self->last_participant = g_strdup (step->participant_id);
      g_free (self->last_behaviour);
      self->last_behaviour = g_strdup (step->behaviour_id);
      moved = TRUE;
      break;
    }

  notify_state (self, could_undo, could_redo);
  return moved;
}

gboolean
th_workshop_undo_undo (ThWorkshopUndo *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);

  return move_step (self, &self->undo, &self->redo, TRUE);
}

gboolean
th_workshop_undo_redo (ThWorkshopUndo *self)
{
  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);

  return move_step (self, &self->redo, &self->undo, FALSE);
}

TH_DEFINE_GETTER (const char *, th_workshop_undo_get_last_participant, ThWorkshopUndo,
                  TH_IS_WORKSHOP_UNDO, last_participant, NULL)

TH_DEFINE_GETTER (const char *, th_workshop_undo_get_last_behaviour, ThWorkshopUndo,
                  TH_IS_WORKSHOP_UNDO, last_behaviour, NULL)

gboolean
th_workshop_undo_remove_participant (ThWorkshopUndo *self, const char *participant_id,
                                     GError **error)
{
  gboolean could_undo;
  gboolean could_redo;
  ThParticipant *participant;
  Step *step;
  guint n;

  g_return_val_if_fail (TH_IS_WORKSHOP_UNDO (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  participant
    = self->session != NULL ? th_session_lookup_participant (self->session, participant_id) : NULL;
  if (participant == NULL)
    {
      /* Not for people's eyes: the view names only participants it shows. */
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE, "no participant %s to remove", participant_id);
      return FALSE;
    }

  could_undo = th_workshop_undo_get_can_undo (self);
  could_redo = th_workshop_undo_get_can_redo (self);

  step = g_new0 (Step, 1);
  step->kind = STEP_REMOVAL;
  step->participant_id = g_strdup (participant_id);
  step->participant = g_object_ref (participant);
  n = th_session_get_n_participants (self->session);
  for (guint i = 0; i < n; i++)
    if (th_session_get_participant (self->session, i) == participant)
      step->position = i;

  th_session_remove_participant (self->session, participant_id);
  push_step (self, step, could_undo, could_redo);

  return TRUE;
}
