/* th-session-merge.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merging the participants of another workshop into a session. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-participant-private.h"
#include "th-session-private.h"

int
th_session_merge (ThSession *self, ThSession *other, GError **error)
{
  ThDeck *deck;
  guint first;
  guint n_theirs;

  g_return_val_if_fail (TH_IS_SESSION (self), -1);
  g_return_val_if_fail (TH_IS_SESSION (other), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (self == other)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE, _ ("A session cannot be merged into itself"));
      return -1;
    }

  deck = th_session_get_deck (self);
  if (!th_deck_check_compatible (deck, th_session_get_deck (other), error))
    {
      g_prefix_error (error, _ ("The sessions use different behaviour cards: "));
      return -1;
    }

  n_theirs = th_session_get_n_participants (other);
  if (!th_session_check_capacity (self, n_theirs, error))
    return -1;

  first = th_session_get_n_participants (self);
  for (guint i = 0; i < n_theirs; i++)
    {
      ThParticipant *theirs = th_session_get_participant (other, i);
      const char *id = th_participant_get_id (theirs);
      g_autofree char *fresh_id = NULL;
      ThParticipant *copy;

      /* Two laptops both start at "p1": the newcomer gets a new id rather
       * than replacing or being dropped. */
      if (th_session_lookup_participant (self, id) != NULL)
        {
          guint number;

          fresh_id = th_session_make_fresh_id (self, &number);
          id = fresh_id;
        }

      copy = th_participant_new_for_deck (id, th_participant_get_name (theirs), deck);
      th_participant_merge_answers (copy, theirs);
      th_session_take_participant (self, copy);
    }

  th_session_participants_added (self, first);

  return (int)n_theirs;
}
