/* th-section.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-deck-private.h"
#include "th-property.h"

struct _ThSection
{
  GObject parent_instance;

  char *id;
  char *title;               /* as in the file */
  const char *display_title; /* translated, or title */
};

G_DEFINE_FINAL_TYPE (ThSection, th_section, G_TYPE_OBJECT)

static void
th_section_finalize (GObject *object)
{
  ThSection *self = TH_SECTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (th_section_parent_class)->finalize (object);
}

static void
th_section_class_init (ThSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_section_finalize;
}

static void
th_section_init (ThSection *self)
{
}

ThSection *
th_section_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                          GError **error)
{
  g_autoptr (ThSection) self = NULL;
  JsonObject *object;
  const char *id, *title;

  if (!th_json_node_get_object (node, path, &object, error))
    return NULL;

  if (!th_json_get_id_member (object, path, "id", &id, error)
      || !th_json_get_string_member (object, path, "title", TRUE, &title, error))
    return NULL;

  self = g_object_new (TH_TYPE_SECTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->display_title = th_deck_translate (translate, self->title);

  return g_steal_pointer (&self);
}

void
th_section_build_json (ThSection *self, JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  th_json_builder_add_string (builder, "id", self->id);
  th_json_builder_add_string (builder, "title", self->title);
  json_builder_end_object (builder);
}

TH_DEFINE_GETTER (const char *, th_section_get_id, ThSection, TH_IS_SECTION, id, NULL)

TH_DEFINE_GETTER (const char *, th_section_get_title, ThSection, TH_IS_SECTION, display_title, NULL)
