/* th-loader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-deck.h"
#include "th-file-util.h"
#include "th-json-private.h"
#include "th-loader.h"
#include "th-session-private.h"
#include "th-types.h"

GObject *
th_load_file (GFile *file, GError **error)
{
  ThJsonPath format_path = TH_JSON_PATH_MEMBER (NULL, "format");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) local_error = NULL;
  ThSession *session;
  JsonObject *object;
  JsonNode *format_node;
  const char *format;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = th_file_read_bounded (file, TH_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  /* A large session is read without a tree; whatever that reader leaves
   * alone (a deck, a file with an error of JSON) goes the way below. */
  session = th_session_try_new_from_text (data, length, &local_error);
  if (session != NULL)
    return G_OBJECT (session);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  root = th_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Worded as the deck and session loaders word it, so that a file
       * gets the same message whichever way it is opened. */
      th_json_set_error (error, TH_ERROR_INVALID, NULL, _ ("expected a JSON object, found %s"),
                         th_json_describe_node (root));
      return NULL;
    }
  object = json_node_get_object (root);

  /* The "format" member alone decides; the file name's extension is a
   * hint for file managers, not something to trust. */
  format_node = json_object_get_member (object, "format");
  if (format_node == NULL)
    {
      th_json_set_error (error, TH_ERROR_INVALID, &format_path,
                         _ ("missing, so this is not a Two Hats deck or session"));
      return NULL;
    }
  if (!th_json_node_get_string (format_node, &format_path, &format, error))
    return NULL;

  if (strcmp (format, "two-hats-deck") == 0)
    return G_OBJECT (th_deck_new_from_json (root, NULL, error));
  if (strcmp (format, "two-hats-session") == 0)
    return G_OBJECT (th_session_new_from_json (root, error));

  {
    g_autofree char *quoted = th_json_quote (format);

    th_json_set_error (error, TH_ERROR_INVALID, &format_path,
                       _ ("%s is not a Two Hats deck or session"), quoted);
  }
  return NULL;
}
