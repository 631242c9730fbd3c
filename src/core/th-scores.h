/* th-scores.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-deck.h"
#include "th-participant.h"

G_BEGIN_DECLS

/* A participant's scores exactly as docs/scores.md defines them. */
typedef struct
{
  gboolean has_leadership; /* FALSE when no leadership behaviour is rated */
  gboolean has_management; /* FALSE when no management behaviour is rated */
  double leadership;       /* 0–100, unrounded */
  double management;       /* 0–100, unrounded */
  ThQuadrant quadrant;     /* TH_QUADRANT_NONE unless both are defined */
  guint sorted;            /* behaviours placed */
  guint correct;           /* placed on the side of their key */
  guint rated;             /* behaviours rated */
} ThScores;

void th_scores_compute (ThParticipant *participant, ThDeck *deck, double threshold, ThScores *out);

/* Compared with the unrounded scores, docs/scores.md "Quadrants". */
ThQuadrant th_quadrant_for_scores (double leadership, double management, double threshold);

G_END_DECLS
