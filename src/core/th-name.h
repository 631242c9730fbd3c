/* th-name.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rule for a name a person gives themselves, wherever they type it:
 * on their phone in the room, or in the app's own participant entry.  It
 * is stricter than the session file's rule (1 to 100 characters, no
 * control character), which also has to read names written before it. */

#define TH_NAME_ERROR (th_name_error_quark ())

/**
 * ThNameError:
 * @TH_NAME_ERROR_EMPTY: there is nothing in the name
 * @TH_NAME_ERROR_TOO_LONG: more than TH_MAX_NAME_CHARS characters
 * @TH_NAME_ERROR_CONTROL: a control character or a line break
 * @TH_NAME_ERROR_DIRECTION: a character that overrides or isolates the
 *   direction of text (U+202A to U+202E, U+2066 to U+2069)
 * @TH_NAME_ERROR_INVISIBLE: no character that shows: only spaces and
 *   invisible characters (U+00A0, U+200B, U+FEFF, …)
 * @TH_NAME_ERROR_REFUSED_WORD: a word of the facilitator's list of
 *   refused words
 * @TH_NAME_ERROR_RESERVED: the label of someone without a name
 *   ("Participant 3"), see th_name_is_reserved()
 */
typedef enum
{
  TH_NAME_ERROR_EMPTY,
  TH_NAME_ERROR_TOO_LONG,
  TH_NAME_ERROR_CONTROL,
  TH_NAME_ERROR_DIRECTION,
  TH_NAME_ERROR_INVISIBLE,
  TH_NAME_ERROR_REFUSED_WORD,
  TH_NAME_ERROR_RESERVED,
} ThNameError;

GQuark th_name_error_quark (void);

/* Checks @name (with the white space around it already removed) against
 * the rule, and against @refused_words (NULL or a NULL-terminated list)
 * as whole words whatever their case.  On failure @error is in
 * TH_NAME_ERROR and its message, meant for the person who typed the
 * name, says what is wrong without repeating a refused word. */
gboolean th_name_check (const char *name, const char *const *refused_words, GError **error);

/* Whether @name is, to a reader, the label Two Hats gives someone without
 * a name: "Participant" and a number, or the same in the language the app
 * runs in ("Person 3" in German), in any case, width or spacing. */
gboolean th_name_is_reserved (const char *name);

/* What two names are compared by: the same key means the same name to a
 * reader.  Compatibility forms and case are folded, invisible characters
 * dropped and runs of spaces made one ("ANA", " ana", "A\u200Bna" and
 * "Ａｎａ" are all "ana"). */
char *th_name_dup_key (const char *name);

/* TRUE when one of @refused_words is in @name as a whole word (or a run
 * of whole words), whatever the case. */
gboolean th_name_has_refused_word (const char *name, const char *const *refused_words);

/* Whether @name is taken already (in use, or refused). */
typedef gboolean (*ThNameTakenFunc) (const char *name, gpointer user_data);

/* A friendly name, "Orange Owl", from the translated lists of adjectives
 * and animals, that @taken (may be NULL) does not claim; a number is
 * added once the pairs run out ("Orange Owl 2").  NULL only when no name
 * can be made at all. */
char *th_name_generate (ThNameTakenFunc taken, gpointer user_data);

/* The first of "@name 2", "@name 3", … that @taken (may be NULL) does not
 * claim and that meets th_name_check(): what a second "Ana" may be called
 * so that the two can be told apart.  When the number would take the name
 * past TH_MAX_NAME_CHARS characters, @name is cut short (and the spaces
 * the cut leaves at its end dropped) so that the number still fits.  NULL
 * only when no number up to TH_MAX_PARTICIPANTS + 1 is free. */
char *th_name_dup_numbered (const char *name, ThNameTakenFunc taken, gpointer user_data);

G_END_DECLS
