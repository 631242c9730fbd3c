/* th-participant-numbers.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-json-private.h"
#include "th-participant-numbers.h"

/* A positive integer that fits a guint, by the whole-number rule the
 * session readers read every integer with (4 and 4.0 are 4).  Anything
 * else is passed over, without a message. */
static gboolean
get_number (JsonNode *node, guint *number)
{
  gint64 value;

  if (node == NULL || !th_json_node_get_integer (node, NULL, &value, NULL))
    return FALSE;
  if (value < 1 || value > G_MAXUINT)
    return FALSE;

  *number = (guint)value;
  return TRUE;
}

GHashTable *
th_participant_numbers_read (GFile *file, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  GHashTable *numbers;
  JsonNode *participants;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = th_json_parse_file (file, error);
  if (root == NULL)
    return NULL;

  numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Anything that is not as the format says is passed over: the file was
   * checked when the session was loaded, and what is left is a label. */
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return numbers;
  participants = json_object_get_member (json_node_get_object (root), "participants");
  if (participants == NULL || !JSON_NODE_HOLDS_ARRAY (participants))
    return numbers;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (participants)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (participants), i);
      JsonObject *participant;
      JsonNode *id;
      guint number;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      participant = json_node_get_object (node);
      id = json_object_get_member (participant, "id");
      if (id == NULL || !JSON_NODE_HOLDS_VALUE (id)
          || json_node_get_value_type (id) != G_TYPE_STRING
          || !get_number (json_object_get_member (participant, "number"), &number))
        continue;

      g_hash_table_insert (numbers, g_strdup (json_node_get_string (id)),
                           GUINT_TO_POINTER (number));
    }

  return numbers;
}
