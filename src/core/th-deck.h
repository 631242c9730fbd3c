/* th-deck.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "th-types.h"

G_BEGIN_DECLS

/* ThSection: one section of the article. */
#define TH_TYPE_SECTION (th_section_get_type ())
G_DECLARE_FINAL_TYPE (ThSection, th_section, TH, SECTION, GObject)

const char *th_section_get_id (ThSection *self);
const char *th_section_get_title (ThSection *self);

/* ThConcept: a concept card (front: title + summary; back: detail,
 * example, question).  Contrast cards also carry a sentence for each side. */
#define TH_TYPE_CONCEPT (th_concept_get_type ())
G_DECLARE_FINAL_TYPE (ThConcept, th_concept, TH, CONCEPT, GObject)

const char *th_concept_get_id (ThConcept *self);
const char *th_concept_get_section_id (ThConcept *self);
ThSide th_concept_get_side (ThConcept *self);
const char *th_concept_get_title (ThConcept *self);
const char *th_concept_get_summary (ThConcept *self);
const char *th_concept_get_detail (ThConcept *self);
const char *th_concept_get_example (ThConcept *self);  /* may be NULL */
const char *th_concept_get_question (ThConcept *self); /* may be NULL */
/* For contrast cards (optional "leadership" / "management" members): NULL otherwise. */
const char *th_concept_get_leadership_side (ThConcept *self);
const char *th_concept_get_management_side (ThConcept *self);
gboolean th_concept_is_contrast (ThConcept *self);

/* ThBehaviour: a behaviour card of the sorting exercise. */
#define TH_TYPE_BEHAVIOUR (th_behaviour_get_type ())
G_DECLARE_FINAL_TYPE (ThBehaviour, th_behaviour, TH, BEHAVIOUR, GObject)

const char *th_behaviour_get_id (ThBehaviour *self);
const char *th_behaviour_get_text (ThBehaviour *self);
ThSide th_behaviour_get_key (ThBehaviour *self); /* LEADERSHIP or MANAGEMENT */
ThContrast th_behaviour_get_contrast (ThBehaviour *self);
const char *th_behaviour_get_why (ThBehaviour *self); /* may be NULL */

/* ThDeck: an immutable, validated deck (docs/deck-format.md). */
#define TH_TYPE_DECK (th_deck_get_type ())
G_DECLARE_FINAL_TYPE (ThDeck, th_deck, TH, DECK, GObject)

/* The built-in deck, compiled in as a GResource; its strings are translated
 * through gettext (domain "two-hats") when a translation exists. */
ThDeck *th_deck_new_builtin (void);
ThDeck *th_deck_new_from_file (GFile *file, GError **error);
ThDeck *th_deck_new_from_data (const char *data, gsize length, GError **error);
/* Validates @node as a deck; error messages start with @path_prefix
 * (e.g. "deck") so that a deck embedded in a session names its full path. */
ThDeck *th_deck_new_from_json (JsonNode *node, const char *path_prefix, GError **error);

/* Serializes the deck as docs/deck-format.md describes, untranslated source strings. */
JsonNode *th_deck_to_json (ThDeck *self, gboolean include_concepts);

const char *th_deck_get_id (ThDeck *self);
const char *th_deck_get_title (ThDeck *self);
const char *th_deck_get_language (ThDeck *self);     /* may be NULL */
const char *th_deck_get_source_title (ThDeck *self); /* may be NULL */

GListModel *th_deck_get_sections (ThDeck *self);   /* of ThSection */
GListModel *th_deck_get_concepts (ThDeck *self);   /* of ThConcept */
GListModel *th_deck_get_behaviours (ThDeck *self); /* of ThBehaviour */

ThSection *th_deck_lookup_section (ThDeck *self, const char *id);
ThConcept *th_deck_lookup_concept (ThDeck *self, const char *id);
ThBehaviour *th_deck_lookup_behaviour (ThDeck *self, const char *id);
/* The position of the behaviour in the deck, or -1. */
int th_deck_get_behaviour_index (ThDeck *self, const char *id);
guint th_deck_get_n_behaviours (ThDeck *self);
/* Each position of a deck of @n_behaviours cards once: in deck order, or
 * when @shuffled in a fresh random order (Fisher–Yates, seeded from
 * g_random and nothing of the deck, so the order tells nothing of the
 * key).  g_free() it. */
guint16 *th_deck_new_order (guint n_behaviours, gboolean shuffled);
/* The behaviour at @position, in deck order (borrowed). */
ThBehaviour *th_deck_get_behaviour (ThDeck *self, guint position);

/* TRUE if both decks have the same behaviours (ids and keys). */
gboolean th_deck_is_compatible (ThDeck *self, ThDeck *other);
/* The same, with a TH_ERROR_CONFLICT that says what differs. */
gboolean th_deck_check_compatible (ThDeck *self, ThDeck *other, GError **error);

G_END_DECLS
