/* th-session.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "th-deck.h"
#include "th-participant.h"
#include "th-scores.h"

G_BEGIN_DECLS

/* The phase the facilitator is showing; not saved in the file. */
typedef enum
{
  TH_PHASE_SORT,
  TH_PHASE_REVEAL,
  TH_PHASE_REFLECT,
  TH_PHASE_CHART,
} ThPhase;

#define TH_TYPE_PHASE (th_phase_get_type ())
GType th_phase_get_type (void) G_GNUC_CONST;

/* ThSession: a workshop (docs/session-format.md).  It is a GListModel of
 * ThParticipant in file order and emits ::changed after every change of
 * its own or of one of its participants (autosave listens to that). */
#define TH_TYPE_SESSION (th_session_get_type ())
G_DECLARE_FINAL_TYPE (ThSession, th_session, TH, SESSION, GObject)

ThSession *th_session_new (ThDeck *deck);
ThSession *th_session_new_from_file (GFile *file, GError **error);
ThSession *th_session_new_from_data (const char *data, gsize length, GError **error);
/* Validates @node (the parsed document) as a session. */
ThSession *th_session_new_from_json (JsonNode *node, GError **error);

JsonNode *th_session_to_json (ThSession *self);
/* Pretty-printed UTF-8 JSON, as written to files. */
char *th_session_to_data (ThSession *self, gsize *length);
/* Atomic: a temporary file beside @file, flushed, then renamed over it. */
gboolean th_session_save_to_file (ThSession *self, GFile *file, GError **error);

/* What a save of the session writes, copied as it is now: made on the
 * session's thread at a fraction of the cost of the text (bench-save), and
 * made into the text on any thread (the save queue's worker), since it
 * holds nothing of the session's but an immutable cache. */
typedef struct _ThSessionSnapshot ThSessionSnapshot;

ThSessionSnapshot *th_session_snapshot_new (ThSession *self);
/* The text th_session_to_data() gave when the snapshot was made. */
char *th_session_snapshot_to_data (ThSessionSnapshot *snapshot, gsize *length);
void th_session_snapshot_free (ThSessionSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThSessionSnapshot, th_session_snapshot_free)

ThDeck *th_session_get_deck (ThSession *self);
const char *th_session_get_title (ThSession *self); /* may be NULL */
void th_session_set_title (ThSession *self, const char *title);
GDateTime *th_session_get_created (ThSession *self); /* may be NULL */
void th_session_set_created (ThSession *self, GDateTime *created);
double th_session_get_threshold (ThSession *self);
void th_session_set_threshold (ThSession *self, double threshold);
ThPhase th_session_get_phase (ThSession *self);
void th_session_set_phase (ThSession *self, ThPhase phase);

guint th_session_get_n_participants (ThSession *self);
ThParticipant *th_session_get_participant (ThSession *self, guint position);
ThParticipant *th_session_lookup_participant (ThSession *self, const char *id);
/* Adds a participant with a fresh id ("p1", "p2", …).  @name NULL means
 * anonymous ("Participant N").  Returns the participant (owned by the session)
 * or NULL with @error when the name is invalid or the session is full. */
ThParticipant *th_session_add_participant (ThSession *self, const char *name, GError **error);
gboolean th_session_remove_participant (ThSession *self, const char *id);
/* Puts @participant, removed from this session with
 * th_session_remove_participant(), back at @position (the end when past
 * it): the same object, with the id, number, order and answers it had,
 * so that undoing a removal gives the person their number back.  FALSE
 * with @error when the participant was not this session's, their id has
 * been taken since, or the session is full. */
gboolean th_session_restore_participant (ThSession *self, ThParticipant *participant,
                                         guint position, GError **error);

/* Checked changes: the behaviour must be in the deck, the rating 1–5 (0 clears). */
gboolean th_session_set_sort (ThSession *self, const char *participant_id, const char *behaviour_id,
                              ThSide side, GError **error);
gboolean th_session_set_rating (ThSession *self, const char *participant_id,
                                const char *behaviour_id, int rating, GError **error);

void th_session_compute_scores (ThSession *self, ThParticipant *participant, ThScores *out);
/* Percentage of those who sorted @behaviour_id that put it under leadership;
 * returns FALSE when nobody sorted it. */
gboolean th_session_get_agreement (ThSession *self, const char *behaviour_id,
                                   double *percent_leadership, guint *n_sorted);

/* Imports the participants of @other (same behaviours required).  A
 * participant whose id is taken gets a new id; nothing is dropped.  Returns
 * the number imported, or -1 with @error when the decks differ. */
int th_session_merge (ThSession *self, ThSession *other, GError **error);

/* ThMergeReport: what a merge did, for telling the person who asked for
 * it.  Immutable once made, reference counted; its strings are copies
 * made at the time of the merge, owned by the report.
 *
 * Merging a file, as the window's "Merge Results" does, comes to:
 *
 *   loaded = th_load_file (file, &error);     (or th_load_file_async ())
 *   report = th_session_merge_with_report (session, TH_SESSION (loaded), &error);
 *   lines = report != NULL ? th_merge_report_format (report, basename)
 *                          : th_merge_report_format_failure (basename, error);
 *
 * When the file holds a deck rather than a session, the caller words that
 * failure itself and formats it with th_merge_report_format_failure(). */
typedef struct _ThMergeReport ThMergeReport;

#define TH_TYPE_MERGE_REPORT (th_merge_report_get_type ())
GType th_merge_report_get_type (void) G_GNUC_CONST;

/* th_session_merge(), and what it did: how many participants it added,
 * which of them got a new id because theirs was taken (by someone already
 * in @self, or by a newcomer given that id before them), and which share
 * a name with someone who was in @self before the merge (both are kept;
 * they may be the same person).  Returns a new report, or NULL with
 * @error, as th_session_merge() fails, when nothing was merged.  Main
 * thread (the session's). */
ThMergeReport *th_session_merge_with_report (ThSession *self, ThSession *other, GError **error);

ThMergeReport *th_merge_report_ref (ThMergeReport *report);
void th_merge_report_unref (ThMergeReport *report);

guint th_merge_report_get_n_added (ThMergeReport *report);
/* Newcomers who got a new id, in the order they were added: the id they
 * had in the other session and the id they have now. */
guint th_merge_report_get_n_renamed (ThMergeReport *report);
const char *th_merge_report_get_renamed_old_id (ThMergeReport *report, guint i);
const char *th_merge_report_get_renamed_new_id (ThMergeReport *report, guint i);
/* Newcomers whose number (th_participant_get_number()) is not the one
 * they had in the other session: every newcomer gets a number nobody in
 * the session holds or held, since numbers are never reused. */
guint th_merge_report_get_n_renumbered (ThMergeReport *report);
/* Newcomers whose name someone in the session had already, in the order
 * they were added. */
guint th_merge_report_get_n_same_name (ThMergeReport *report);
const char *th_merge_report_get_same_name (ThMergeReport *report, guint i);

/* The lines the window's merge report shows for merging @file_name: "NAME:
 * 2 participants added", then a line for the renamed if there are any,
 * then one for the renumbered if there are any, then one per shared name;
 * each line ends in a line break.  Translated.  Free with g_free(). */
char *th_merge_report_format (ThMergeReport *report, const char *file_name);
/* The line for a file that was not merged: "NAME: not merged — WHY",
 * with a line break.  Free with g_free(). */
char *th_merge_report_format_failure (const char *file_name, const GError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThMergeReport, th_merge_report_unref)

G_END_DECLS
