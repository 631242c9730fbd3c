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

typedef struct
{
  ThDeck *deck;
  ThScores *out;
  /* Ratings per key: [TH_SIDE_LEADERSHIP] and [TH_SIDE_MANAGEMENT]. */
  guint n_rated[2];
  guint sum[2];
} Tally;

static void
count_answer (Tally *tally, ThBehaviour *behaviour, guint side, guint rating)
{
  ThSide key = th_behaviour_get_key (behaviour);

  /* Sides are kept as side + 1, so that 0 can mean "not sorted". */
  if (side != 0)
    {
      tally->out->sorted++;
      if ((ThSide)(side - 1) == key)
        tally->out->correct++;
    }

  if (rating != 0 && (key == TH_SIDE_LEADERSHIP || key == TH_SIDE_MANAGEMENT))
    {
      tally->out->rated++;
      tally->n_rated[key]++;
      tally->sum[key] += rating;
    }
}

static void
count_answer_by_id_cb (const char *behaviour_id, guint side, guint rating, gpointer data)
{
  Tally *tally = data;
  ThBehaviour *behaviour = th_deck_lookup_behaviour (tally->deck, behaviour_id);

  /* Only the deck's behaviours count, since an answer about a card the
   * deck lacks cannot be scored. */
  if (behaviour != NULL)
    count_answer (tally, behaviour, side, rating);
}

void
th_scores_compute (ThParticipant *participant, ThDeck *deck, double threshold, ThScores *out)
{
  Tally tally = { deck, out, { 0, 0 }, { 0, 0 } };
  guint *n_rated = tally.n_rated;
  guint *sum = tally.sum;

  g_return_if_fail (out != NULL);
  memset (out, 0, sizeof *out);
  out->quadrant = TH_QUADRANT_NONE;
  g_return_if_fail (TH_IS_PARTICIPANT (participant));
  g_return_if_fail (TH_IS_DECK (deck));

  /* Walk the answers, not the deck: a participant of a 1 000-card deck
   * may have answered ten.  Answers kept against this very deck need no
   * lookup by id; those the deck lacks are not scored. */
  if (th_participant_get_deck (participant) == deck)
    {
      guint n_answers;
      const ThAnswer *answers = th_participant_get_answers (participant, &n_answers);

      for (guint i = 0; i < n_answers; i++)
        count_answer (&tally, th_deck_get_behaviour (deck, answers[i].index), answers[i].side,
                      answers[i].rating);
    }
  else
    {
      th_participant_foreach_answer (participant, count_answer_by_id_cb, &tally);
    }

  /* docs/scores.md: 100 (s − n) / 4n maps a mean rating of 1–5 to 0–100. */
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
