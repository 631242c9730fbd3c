/* th-scores.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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
  guint n_behaviours;
  /* Ratings per key: [TH_SIDE_LEADERSHIP] and [TH_SIDE_MANAGEMENT]. */
  guint n_rated[2] = { 0, 0 };
  guint sum[2] = { 0, 0 };

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  out->quadrant = TH_QUADRANT_NONE;
  g_return_if_fail (TH_IS_PARTICIPANT (participant));
  g_return_if_fail (TH_IS_DECK (deck));

  /* Only the deck's behaviours count: an answer about a card the deck
   * lacks cannot be scored. */
  n_behaviours = th_deck_get_n_behaviours (deck);
  for (guint i = 0; i < n_behaviours; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      const char *id = th_behaviour_get_id (behaviour);
      ThSide key = th_behaviour_get_key (behaviour);
      ThSide side;
      int rating;

      if (th_participant_get_sort (participant, id, &side))
        {
          out->sorted++;
          if (side == key)
            out->correct++;
        }

      rating = th_participant_get_rating (participant, id);
      if (rating > 0 && (key == TH_SIDE_LEADERSHIP || key == TH_SIDE_MANAGEMENT))
        {
          out->rated++;
          n_rated[key]++;
          sum[key] += (guint)rating;
        }
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
