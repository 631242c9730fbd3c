/* th-deck-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-deck.h"
#include "th-json-private.h"

G_BEGIN_DECLS

/* The string people see: for the built-in deck, the translation of the
 * source string; for a deck from a file, the string itself (a facilitator's
 * own deck is in their own language already).  An empty string is never
 * looked up: gettext would return the catalogue header. */
static inline const char *
th_deck_translate (gboolean translate, const char *source)
{
  if (!translate || source == NULL || source[0] == '\0')
    return source;

  return g_dgettext (GETTEXT_PACKAGE, source);
}

/* Each parses and validates one list entry (everything but uniqueness of
 * ids and references, which need the whole deck). */
ThSection *th_section_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                                     GError **error);
ThConcept *th_concept_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                                     GError **error);
ThBehaviour *th_behaviour_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                                         GError **error);

/* Each adds one object with the untranslated source strings. */
void th_section_build_json (ThSection *self, JsonBuilder *builder);
void th_concept_build_json (ThConcept *self, JsonBuilder *builder);
void th_behaviour_build_json (ThBehaviour *self, JsonBuilder *builder);

G_END_DECLS
