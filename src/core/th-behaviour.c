/* th-behaviour.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-deck-private.h"
#include "th-property.h"

struct _ThBehaviour
{
  GObject parent_instance;

  char *id;
  ThSide key;
  ThContrast contrast;
  char *text; /* as in the file */
  char *why;  /* as in the file; may be NULL */
  const char *display_text;
  const char *display_why;
};

G_DEFINE_FINAL_TYPE (ThBehaviour, th_behaviour, G_TYPE_OBJECT)

static void
th_behaviour_finalize (GObject *object)
{
  ThBehaviour *self = TH_BEHAVIOUR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->why, g_free);

  G_OBJECT_CLASS (th_behaviour_parent_class)->finalize (object);
}

static void
th_behaviour_class_init (ThBehaviourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_behaviour_finalize;
}

static void
th_behaviour_init (ThBehaviour *self)
{
}

ThBehaviour *
th_behaviour_new_from_json (JsonNode *node, const ThJsonPath *path, gboolean translate,
                            GError **error)
{
  g_autoptr (ThBehaviour) self = NULL;
  JsonObject *object;
  const char *id, *text, *key, *contrast, *why;

  if (!th_json_node_get_object (node, path, &object, error))
    return NULL;

  self = g_object_new (TH_TYPE_BEHAVIOUR, NULL);

  if (!th_json_get_id_member (object, path, "id", &id, error)
      || !th_json_get_string_member (object, path, "text", TRUE, &text, error)
      || !th_json_get_string_member (object, path, "key", TRUE, &key, error))
    return NULL;

  /* A behaviour is keyed to one hat; "both" would make the sort exercise
   * unanswerable. */
  {
    ThJsonPath key_path = TH_JSON_PATH_MEMBER (path, "key");

    if (!th_json_check_hat (key, &key_path, &self->key, error))
      return NULL;
  }

  if (!th_json_get_string_member (object, path, "contrast", FALSE, &contrast, error))
    return NULL;
  if (contrast == NULL)
    {
      self->contrast = TH_CONTRAST_NONE;
    }
  else if (!th_contrast_from_string (contrast, &self->contrast))
    {
      ThJsonPath contrast_path = TH_JSON_PATH_MEMBER (path, "contrast");
      g_autofree char *quoted = th_json_quote (contrast);

      th_json_set_error (error, TH_ERROR_INVALID, &contrast_path,
                         _ ("%s is not vision-execution, people-process or risk"), quoted);
      return NULL;
    }

  if (!th_json_get_string_member (object, path, "why", FALSE, &why, error))
    return NULL;

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->why = g_strdup (why);
  self->display_text = th_deck_translate (translate, self->text);
  self->display_why = th_deck_translate (translate, self->why);

  return g_steal_pointer (&self);
}

void
th_behaviour_build_json (ThBehaviour *self, JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  th_json_builder_add_string (builder, "id", self->id);
  th_json_builder_add_string (builder, "text", self->text);
  th_json_builder_add_string (builder, "key", th_side_to_string (self->key));
  th_json_builder_add_string (builder, "contrast", th_contrast_to_string (self->contrast));
  th_json_builder_add_string (builder, "why", self->why);
  json_builder_end_object (builder);
}

TH_DEFINE_GETTER (const char *, th_behaviour_get_id, ThBehaviour, TH_IS_BEHAVIOUR, id, NULL)

TH_DEFINE_GETTER (const char *, th_behaviour_get_text, ThBehaviour, TH_IS_BEHAVIOUR, display_text,
                  NULL)

TH_DEFINE_GETTER (ThSide, th_behaviour_get_key, ThBehaviour, TH_IS_BEHAVIOUR, key,
                  TH_SIDE_LEADERSHIP)

TH_DEFINE_GETTER (ThContrast, th_behaviour_get_contrast, ThBehaviour, TH_IS_BEHAVIOUR, contrast,
                  TH_CONTRAST_NONE)

TH_DEFINE_GETTER (const char *, th_behaviour_get_why, ThBehaviour, TH_IS_BEHAVIOUR, display_why,
                  NULL)
