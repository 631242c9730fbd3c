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

/* Rewords @error, which says why a file is no Two Hats file at all (its
 * text is not JSON, or not a JSON object, or has no "format"), as people
 * opening a file want to read it: that first, in their words, then the
 * detail and the place ("This is not a Two Hats workshop or card deck.
 * Line 3, column 7: the text breaks off.").  Every file opened in the app
 * or named on the command line comes through here, so this is the one
 * place that says it.  The code of @error stays as it was. */
static GObject *
set_not_two_hats (GError **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  char first[7] = { 0 };

  if (error == NULL || *error == NULL)
    return NULL;

  /* The detail is a clause ("line 3, column 7: …"); after a sentence it
   * starts a sentence of its own. */
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char ((*error)->message)), first);
  detail = g_strconcat (first, g_utf8_next_char ((*error)->message),
                        g_str_has_suffix ((*error)->message, ".") ? "" : ".", NULL);
  /* Translators: the first sentence of the message about a file that was
   * opened but is not a Two Hats file; what is wrong, and where, follows. */
  message = g_strdup_printf ("%s %s", _ ("This is not a Two Hats workshop or card deck."), detail);
  g_free ((*error)->message);
  (*error)->message = g_steal_pointer (&message);

  return NULL;
}

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
    {
      /* Text that is not JSON (or is empty, or not text) is no Two Hats
       * file; a limit passed or a wrong value of a session is said as it
       * is. */
      if (error != NULL && g_error_matches (*error, TH_ERROR, TH_ERROR_PARSE))
        set_not_two_hats (error);
      return NULL;
    }
  if (session != NULL)
    return G_OBJECT (session);

  /* The deck and session loaders' own check, so that a file gets the same
   * message whichever way it is opened. */
  if (!th_json_root_get_object (root, NULL, &object, error))
    return set_not_two_hats (error);

  /* The "format" member alone decides; the file name's extension is a
   * hint for file managers, not something to trust. */
  format_node = json_object_get_member (object, "format");
  if (format_node == NULL)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_INVALID,
                           _ ("it has no “format” member, which every Two Hats file has"));
      return set_not_two_hats (error);
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
