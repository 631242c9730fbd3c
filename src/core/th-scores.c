/* th-scores.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-participant-private.h"
#include "th-scores.h"

ThQuadrant
th_quadrant_for_scores (double leadership, double management, double threshold)
{
  gboolean high_leadership = leadership >= threshold;
  gboolean high_management = management >= threshold;

  if (high_leadership && high_management)
    return TH_QUADRANT_BALANCED;
  if (high_leadership)
    return TH_QUADRANT_LEADERSHIP_DRIVEN;
  if (high_management)
    return TH_QUADRANT_MANAGEMENT_DRIVEN;
  return TH_QUADRANT_DEVELOPING;
}

void
th_scores_compute (ThParticipant *participant, ThDeck *deck, double threshold, ThScores *out)
{
  GHashTableIter iter;
  gpointer key_ptr, value_ptr;
  /* Ratings per key: [TH_SIDE_LEADERSHIP] and [TH_SIDE_MANAGEMENT]. */
  guint n_rated[2] = { 0, 0 };
  guint sum[2] = { 0, 0 };

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  out->quadrant = TH_QUADRANT_NONE;
  g_return_if_fail (TH_IS_PARTICIPANT (participant));
  g_return_if_fail (TH_IS_DECK (deck));

  /* Walk the answers, not the deck: a participant of a 1 000-card deck
   * may have answered ten.  Only the deck's behaviours count, since an
   * answer about a card the deck lacks cannot be scored. */
  g_hash_table_iter_init (&iter, th_participant_get_sort_table (participant));
  while (g_hash_table_iter_next (&iter, &key_ptr, &value_ptr))
    {
      ThBehaviour *behaviour = th_deck_lookup_behaviour (deck, key_ptr);

      if (behaviour == NULL)
        continue;
      out->sorted++;
      /* The table keeps side + 1, so that 0 can mean "not sorted". */
      if ((ThSide)(GPOINTER_TO_UINT (value_ptr) - 1) == th_behaviour_get_key (behaviour))
        out->correct++;
    }

  g_hash_table_iter_init (&iter, th_participant_get_rating_table (participant));
  while (g_hash_table_iter_next (&iter, &key_ptr, &value_ptr))
    {
      ThBehaviour *behaviour = th_deck_lookup_behaviour (deck, key_ptr);
      guint rating = GPOINTER_TO_UINT (value_ptr);
      ThSide key;

      if (behaviour == NULL || rating == 0)
        continue;
      key = th_behaviour_get_key (behaviour);
      if (key != TH_SIDE_LEADERSHIP && key != TH_SIDE_MANAGEMENT)
        continue;
      out->rated++;
      n_rated[key]++;
      sum[key] += rating;
    }

  /* FORMAT.md "Scores": 100 (s − n) / 4n maps a mean rating of 1–5 to 0–100. */
  if (n_rated[TH_SIDE_LEADERSHIP] > 0)
    {
      double n = n_rated[TH_SIDE_LEADERSHIP];

      out->has_leadership = TRUE;
      out->leadership = 100.0 * (sum[TH_SIDE_LEADERSHIP] - n) / (4.0 * n);
    }
  if (n_rated[TH_SIDE_MANAGEMENT] > 0)
    {
      double n = n_rated[TH_SIDE_MANAGEMENT];

      out->has_management = TRUE;
      out->management = 100.0 * (sum[TH_SIDE_MANAGEMENT] - n) / (4.0 * n);
    }

  if (out->has_leadership && out->has_management)
    out->quadrant = th_quadrant_for_scores (out->leadership, out->management, threshold);
}
