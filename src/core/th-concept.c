/* th-concept.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-deck-private.h"
#include "th-property.h"

/* The card's display strings, kept in one table so that reading, writing
 * and translating cannot drift apart. */
typedef enum
{
  FIELD_TITLE,
  FIELD_SUMMARY,
  FIELD_DETAIL,
  FIELD_EXAMPLE,
  FIELD_QUESTION,
  FIELD_LEADERSHIP,
  FIELD_MANAGEMENT,
  N_FIELDS
} Field;

static const struct
{
  const char *member;
  gboolean required;
} fields[N_FIELDS] = {
  [FIELD_TITLE] = { "title", TRUE },
  [FIELD_SUMMARY] = { "summary", TRUE },
  [FIELD_DETAIL] = { "detail", TRUE },
  [FIELD_EXAMPLE] = { "example", FALSE },
  [FIELD_QUESTION] = { "question", FALSE },
  /* Only contrast cards carry a sentence for each side. */
  [FIELD_LEADERSHIP] = { "leadership", FALSE },
  [FIELD_MANAGEMENT] = { "management", FALSE },
};

struct _ThConcept
{
  GObject parent_instance;

  char *id;
  char *section_id;
  ThSide side;
  char *text[N_FIELDS];          /* as in the file; NULL when absent */
  const char *display[N_FIELDS]; /* translated, or text */
};

G_DEFINE_FINAL_TYPE (ThConcept, th_concept, G_TYPE_OBJECT)

static void
th_concept_finalize (GObject *object)
{
  ThConcept *self = TH_CONCEPT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->section_id, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);

  G_OBJECT_CLASS (th_concept_parent_class)->finalize (object);
}

static void
th_concept_class_init (ThConceptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_concept_finalize;
}

static void
th_concept_init (ThConcept *self)
{
}

ThConcept *
th_concept_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                          GError **error)
{
  g_autoptr (ThConcept) self = NULL;
  JsonObject *object;
  const char *id, *section_id, *side;

  if (!th_json_node_get_object (node, path, &object, error))
    return NULL;

  self = g_object_new (TH_TYPE_CONCEPT, NULL);

  if (!th_json_get_id_member (object, path, "id", &id, error)
      || !th_json_get_string_member (object, path, "section", TRUE, &section_id, error)
      || !th_json_get_string_member (object, path, "side", TRUE, &side, error))
    return NULL;

  if (!th_side_from_string (side, &self->side))
    {
      ThJsonPath side_path = TH_JSON_PATH_MEMBER (path, "side");
      g_autofree char *quoted = th_json_quote (side);

      th_json_set_error (error, TH_ERROR_INVALID, &side_path,
                         _ ("%s is not leadership, management or both"), quoted);
      return NULL;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *text;

      if (!th_json_get_string_member (object, path, fields[i].member, fields[i].required, &text,
                                      error))
        return NULL;

      self->text[i] = g_strdup (text);
      self->display[i] = th_deck_translate (translate, self->text[i]);
    }

  self->id = g_strdup (id);
  self->section_id = g_strdup (section_id);

  return g_steal_pointer (&self);
}

void
th_concept_build_json (ThConcept *self, JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  th_json_builder_add_string (builder, "id", self->id);
  th_json_builder_add_string (builder, "section", self->section_id);
  th_json_builder_add_string (builder, "side", th_side_to_string (self->side));
  for (guint i = 0; i < N_FIELDS; i++)
    th_json_builder_add_string (builder, fields[i].member, self->text[i]);
  json_builder_end_object (builder);
}

TH_DEFINE_GETTER (const char *, th_concept_get_id, ThConcept, TH_IS_CONCEPT, id, NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_section_id, ThConcept, TH_IS_CONCEPT, section_id,
                  NULL)

TH_DEFINE_GETTER (ThSide, th_concept_get_side, ThConcept, TH_IS_CONCEPT, side, TH_SIDE_BOTH)

TH_DEFINE_GETTER (const char *, th_concept_get_title, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_TITLE], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_summary, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_SUMMARY], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_detail, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_DETAIL], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_example, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_EXAMPLE], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_question, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_QUESTION], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_leadership_side, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_LEADERSHIP], NULL)

TH_DEFINE_GETTER (const char *, th_concept_get_management_side, ThConcept, TH_IS_CONCEPT,
                  display[FIELD_MANAGEMENT], NULL)

gboolean
th_concept_is_contrast (ThConcept *self)
{
  g_return_val_if_fail (TH_IS_CONCEPT (self), FALSE);

  /* A contrast card shows the two sides next to each other, so it needs
   * both sentences. */
  return self->text[FIELD_LEADERSHIP] != NULL && self->text[FIELD_MANAGEMENT] != NULL;
}
