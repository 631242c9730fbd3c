/* th-self-study-path.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"

G_BEGIN_DECLS

typedef enum
{
  TH_SELF_STUDY_STEP_LEARN,
  TH_SELF_STUDY_STEP_SORT,
  TH_SELF_STUDY_STEP_REVEAL,
  TH_SELF_STUDY_STEP_REFLECT,
  TH_SELF_STUDY_STEP_RESULT,
} ThSelfStudyStep;

#define TH_SELF_STUDY_N_STEPS (TH_SELF_STUDY_STEP_RESULT + 1)

/* ThSelfStudyPath: the guided path of self-study — learn the cards, sort,
 * reveal, reflect, where you land — as a strip of steps with a button to
 * go on.  The window follows its "step". */
#define TH_TYPE_SELF_STUDY_PATH (th_self_study_path_get_type ())
G_DECLARE_FINAL_TYPE (ThSelfStudyPath, th_self_study_path, TH, SELF_STUDY_PATH, GtkWidget)

void th_self_study_path_set_session (ThSelfStudyPath *self, ThSession *session);
ThSelfStudyStep th_self_study_path_get_step (ThSelfStudyPath *self);
void th_self_study_path_set_step (ThSelfStudyPath *self, ThSelfStudyStep step);
/* A new run of the same session: back at the first step, and no step is
 * done but by what the learner does from here. */
void th_self_study_path_start_over (ThSelfStudyPath *self);

/* Where a person left off, read from their answers (the file keeps no
 * step): nothing sorted → learn, some sorted → sort, all sorted → reveal,
 * some rated → reflect, all rated → result. */
ThSelfStudyStep th_self_study_path_derive_step (ThSession *session);

G_END_DECLS
