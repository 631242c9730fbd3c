/* th-ui-files.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "th-file-util.h"
#include "th-toast.h"
#include "th-ui-files.h"

/* How long work may take before it says so: long enough that a quick
 * export does not flash a toast, short enough that nobody wonders. */
#define PROGRESS_DELAY_MS 300

char *
th_ui_files_dup_folder_display_name (GFile *file)
{
  g_autoptr (GFile) parent = g_file_get_parent (file);
  g_autoptr (GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

void
th_ui_files_explain_error (GFile *file, gboolean writing, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GError *explained;

  g_return_if_fail (G_IS_FILE (file));

  if (error == NULL || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    return;

  path = g_file_get_path (file);
  if (path != NULL)
    return;

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);
  if (writing)
    /* Translators: %s is a file name, in a place such as a network
     * location that cannot be written to. */
    explained = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _ ("“%s” can only be saved to a local folder"), name);
  else
    /* Translators: %s is a file name, in a place that cannot be read. */
    explained = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _ ("“%s” can only be opened from a local folder"), name);

  g_clear_error (error);
  g_propagate_error (error, explained);
}

gboolean
th_ui_files_write (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  path = g_file_get_path (file);
  if (path != NULL)
    return th_file_write_atomic (path, data, length, error);

  /* Not a local file: GIO's replace also writes a temporary file and
   * renames it where the backend allows. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, error))
    {
      th_ui_files_explain_error (file, TRUE, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
th_ui_files_write_with (GFile *file, ThUiFilesWriteFunc write, gpointer user_data,
                        GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return write (path, user_data, error);

  /* The same name, so that a writer that goes by the extension writes
   * the same format; a folder of its own, private and removed after. */
  name = g_file_get_basename (file);
  if (name == NULL || name[0] == '\0' || strchr (name, G_DIR_SEPARATOR) != NULL)
    {
      g_free (name);
      name = g_strdup ("export");
    }
  folder = g_dir_make_tmp ("two-hats-XXXXXX", error);
  if (folder == NULL)
    return FALSE;
  tmp_path = g_build_filename (folder, name, NULL);

  if (write (tmp_path, user_data, error)
      && g_file_get_contents (tmp_path, &contents, &length, error))
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      ok = th_ui_files_write (file, bytes, cancellable, error);
    }

  g_unlink (tmp_path);
  g_rmdir (folder);
  return ok;
}

/* How long a toast takes to come in whole (libadwaita's show animation,
 * or its longer one when it replaces a toast that is going).
 * libadwaita 1.2 frees a toast dismissed before then while its show
 * animation still runs, and crashes when that animation ends: a progress
 * toast goes no sooner. */
#define TOAST_SHOW_MS 500

struct _ThUiProgress
{
  GWeakRef overlay;
  char *title;
  guint timeout_id;
  AdwToast *toast;
  gint64 shown_at; /* monotonic, in microseconds */
};

static gboolean
progress_timeout_cb (gpointer user_data)
{
  ThUiProgress *progress = user_data;
  g_autoptr (AdwToastOverlay) overlay = g_weak_ref_get (&progress->overlay);

  progress->timeout_id = 0;
  if (overlay != NULL && gtk_widget_get_root (GTK_WIDGET (overlay)) != NULL)
    {
      progress->toast = th_toast_new (progress->title);
      /* Until the work is done, however long that takes. */
      adw_toast_set_timeout (progress->toast, 0);
      adw_toast_overlay_add_toast (overlay, g_object_ref (progress->toast));
      progress->shown_at = g_get_monotonic_time ();
    }

  return G_SOURCE_REMOVE;
}

ThUiProgress *
th_ui_progress_start (AdwToastOverlay *overlay, const char *title)
{
  ThUiProgress *progress = g_new0 (ThUiProgress, 1);

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  g_weak_ref_init (&progress->overlay, overlay);
  progress->title = g_strdup (title);
  progress->timeout_id = g_timeout_add (PROGRESS_DELAY_MS, progress_timeout_cb, progress);

  return progress;
}

static void
progress_free (ThUiProgress *progress)
{
  g_autoptr (AdwToastOverlay) overlay = g_weak_ref_get (&progress->overlay);

  /* A window that closed meanwhile took its toasts with it. */
  if (progress->toast != NULL && overlay != NULL
      && gtk_widget_get_root (GTK_WIDGET (overlay)) != NULL)
    adw_toast_dismiss (progress->toast);

  g_clear_object (&progress->toast);
  g_weak_ref_clear (&progress->overlay);
  g_free (progress->title);
  g_free (progress);
}

static gboolean
progress_dismiss_cb (gpointer user_data)
{
  progress_free (user_data);
  return G_SOURCE_REMOVE;
}

void
th_ui_progress_done (ThUiProgress *progress)
{
  gint64 shown_ms;

  if (progress == NULL)
    return;

  g_clear_handle_id (&progress->timeout_id, g_source_remove);

  shown_ms = (g_get_monotonic_time () - progress->shown_at) / 1000;
  if (progress->toast != NULL && shown_ms < TOAST_SHOW_MS)
    {
      g_timeout_add (TOAST_SHOW_MS - (guint)shown_ms, progress_dismiss_cb, progress);
      return;
    }

  progress_free (progress);
}

void
th_ui_keep_result_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

void
th_ui_wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GTask *task;
  GDestroyNotify pointer_free;
  gboolean returns_pointer;
} RunInThread;

static void
run_in_thread_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RunInThread *run = user_data;
  g_autoptr (GTask) task = g_steal_pointer (&run->task);
  GError *error = NULL;

  if (run->returns_pointer)
    {
      gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, value, run->pointer_free);
    }
  else
    {
      gboolean value = g_task_propagate_boolean (G_TASK (result), &error);

      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, value);
    }

  g_free (run);
}

void
th_ui_run_in_thread (GTask *task, GTaskThreadFunc func, GDestroyNotify pointer_free)
{
  g_autoptr (GTask) inner = NULL;
  RunInThread *run;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunInThread, 1);
  run->task = g_object_ref (task);
  run->pointer_free = pointer_free;
  run->returns_pointer = pointer_free != NULL;

  /* The inner task is made on this thread, so its callback, which lets go
   * of @task, runs here too. */
  inner = g_task_new (NULL, g_task_get_cancellable (task), run_in_thread_done_cb, run);
  g_task_set_source_tag (inner, th_ui_run_in_thread);
  g_task_set_check_cancellable (inner, g_task_get_check_cancellable (task));
  g_task_set_task_data (inner, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (inner, func);
}
