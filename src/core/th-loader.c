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

/* th_load_file(), stopping before the parse once @cancellable is
 * cancelled. */
static GObject *
load_file (GFile *file, GCancellable *cancellable, GError **error)
{
  ThJsonPath format_path = TH_JSON_PATH_MEMBER (NULL, "format");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) root = NULL;
  ThSession *session = NULL;
  JsonObject *object;
  JsonNode *format_node;
  const char *format;
  const char *data;
  gsize length;

  bytes = th_file_read_bounded_cancellable (file, TH_MAX_FILE_SIZE, cancellable, error);
  if (bytes == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &length);

  /* A large session is read without a tree; whatever that reader leaves
   * alone (a deck, a file with an error of JSON) comes back as a tree and
   * goes the way below. */
  if (!th_session_read_text (data, length, &session, &root, error))
    return NULL;
  if (session != NULL)
    return G_OBJECT (session);

  /* The deck and session loaders' own check, so that a file gets the same
   * message whichever way it is opened. */
  if (!th_json_root_get_object (root, NULL, &object, error))
    return NULL;

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

GObject *
th_load_file (GFile *file, GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, error);
}

static void
load_file_thread (GTask *task, gpointer source_object, gpointer task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr (GError) error = NULL;
  GObject *loaded;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* The objects made here are handed to the caller's thread whole: the
   * task's return is the only way out of this thread, and nothing else
   * holds them. */
  loaded = load_file (file, cancellable, &error);
  if (loaded == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, loaded, g_object_unref);
}

void
th_load_file_async (GFile *file, GCancellable *cancellable, GAsyncReadyCallback callback,
                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, th_load_file_async);
  g_task_set_name (task, "[two-hats] load file");
  /* A file of 60 MiB takes a second to read and check: a cancel after
   * that is answered at once, and the result dropped. */
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

GObject *
th_load_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, th_load_file_async), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
