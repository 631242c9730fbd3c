/* th-duplicate-name.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-session.h"

G_BEGIN_DECLS

/* Two people of one name cannot be told apart on the chart, the handouts
 * or in the files exported from a session.  Where the facilitator types a
 * name another participant has already, the app asks before it adds or
 * renames anyone, and offers a numbered name ("Ana 2") in its place. */

/* The set of th_name_dup_key() of every participant's name in @session
 * but @except (may be NULL): what a new or changed name is compared with.
 * Free with g_hash_table_unref(). */
GHashTable *th_duplicate_name_keys_of_session (ThSession *session, ThParticipant *except);

/* Whether @name is in @keys, a set of th_name_dup_key() results.  Has the
 * signature of a ThNameTakenFunc. */
gboolean th_duplicate_name_is_taken (const char *name, gpointer keys);

/* The answers of the dialog th_duplicate_name_dialog_new() makes. */
#define TH_DUPLICATE_NAME_CANCEL "cancel"
#define TH_DUPLICATE_NAME_NUMBERED "numbered"
#define TH_DUPLICATE_NAME_ANYWAY "anyway"

typedef enum
{
  TH_DUPLICATE_NAME_ADD,
  TH_DUPLICATE_NAME_RENAME,
} ThDuplicateNameVerb;

/* A dialog, transient for @parent and not yet shown, that says @name is
 * taken and asks what to do: TH_DUPLICATE_NAME_CANCEL (also Escape),
 * TH_DUPLICATE_NAME_NUMBERED to use @numbered instead (the default; left
 * out when @numbered is NULL), or TH_DUPLICATE_NAME_ANYWAY to keep @name.
 * @verb says whether a person is being added or renamed. */
AdwMessageDialog *th_duplicate_name_dialog_new (GtkWindow *parent, const char *name,
                                                const char *numbered, ThDuplicateNameVerb verb);

G_END_DECLS
