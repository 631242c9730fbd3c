/* th-chart-tips.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-chart-tips.h"

/* The ideas come from the article's tips (listen actively; set small goals
 * with a timeline; reflect, ask for feedback, find role models; learn to
 * switch between the hats), written in our own words as things a person
 * can do in the coming week.  A side that is weaker gets the other hat's
 * practice. */

#define N_STEPS 3

typedef struct
{
  const char *heading;
  const char *summary;
  const char *steps[N_STEPS];
} Tips;

static const Tips tips[] = {
  [TH_QUADRANT_BALANCED] = {
    N_("Keep both hats within reach"),
    N_("You already set direction and organise the work; the next step is choosing on purpose "
       "which one a moment needs."),
    {
      N_("Before each meeting, decide whether it needs direction or organisation, and open it "
         "that way."),
      N_("Mentor a newer colleague in the hat that comes less easily to them."),
      N_("Ask your team which of the two they would like more of from you this month."),
    },
  },
  [TH_QUADRANT_LEADERSHIP_DRIVEN] = {
    N_("Practise the management hat"),
    N_("You bring energy and a sense of where to go; plans, dates and follow-through get less of "
       "your attention."),
    {
      N_("Turn your next idea into a plan of three to five steps, each with an owner and a date."),
      N_("Keep one shared timeline for the team’s work and walk through it together every week."),
      N_("Before a launch, list what could go wrong and write down a fallback for each item."),
    },
  },
  [TH_QUADRANT_MANAGEMENT_DRIVEN] = {
    N_("Practise the leadership hat"),
    N_("You keep work organised and on time; the reasons behind it and people’s growth get less "
       "of your attention."),
    {
      N_("In your next one-to-ones, listen more than you talk and repeat back what you heard."),
      N_("When you hand out a task, say why it matters to customers or to the team."),
      N_("Let the team run one small experiment this month and talk about what it taught you."),
    },
  },
  [TH_QUADRANT_DEVELOPING] = {
    N_("Find out which hat to try first"),
    N_("Neither hat feels like yours yet, which makes this a good moment to start practising "
       "both."),
    {
      N_("Look back on last week: note when you pointed the way and when you organised the work."),
      N_("Ask a colleague you trust how you come across as a leader and as an organiser."),
      N_("Choose someone who does both well and watch how they move from one to the other."),
    },
  },
};

static const Tips *
lookup (ThQuadrant quadrant)
{
  if (quadrant < TH_QUADRANT_BALANCED || quadrant > TH_QUADRANT_DEVELOPING)
    return NULL;
  return &tips[quadrant];
}

const char *
th_chart_tips_get_heading (ThQuadrant quadrant)
{
  const Tips *t = lookup (quadrant);

  g_return_val_if_fail (t != NULL, NULL);

  return _ (t->heading);
}

const char *
th_chart_tips_get_summary (ThQuadrant quadrant)
{
  const Tips *t = lookup (quadrant);

  g_return_val_if_fail (t != NULL, NULL);

  return _ (t->summary);
}

guint
th_chart_tips_get_n_steps (ThQuadrant quadrant)
{
  return lookup (quadrant) != NULL ? N_STEPS : 0;
}

const char *
th_chart_tips_get_step (ThQuadrant quadrant, guint index)
{
  const Tips *t = lookup (quadrant);

  g_return_val_if_fail (t != NULL, NULL);
  g_return_val_if_fail (index < N_STEPS, NULL);

  return _ (t->steps[index]);
}
