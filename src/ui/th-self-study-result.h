/* th-self-study-result.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-session.h"

G_BEGIN_DECLS

/* ThSelfStudyResult: the end of self-study when there is no chart page —
 * the person's scores, quadrant, sorting accuracy and what to practise
 * next.  All numbers come from th_session_compute_scores(). */
#define TH_TYPE_SELF_STUDY_RESULT (th_self_study_result_get_type ())
G_DECLARE_FINAL_TYPE (ThSelfStudyResult, th_self_study_result, TH, SELF_STUDY_RESULT, GtkWidget)

/* Shows the first participant of @session ("You"). */
void th_self_study_result_set_session (ThSelfStudyResult *self, ThSession *session);

/* The quadrant name as shown, or NULL while there is no position yet. */
/* The note that the result comes from some of the ratings only, as
 * shown, or NULL when every behaviour is rated or there is no result. */
const char *th_self_study_result_get_partial_text (ThSelfStudyResult *self);
const char *th_self_study_result_get_quadrant_text (ThSelfStudyResult *self);

G_END_DECLS
