/* th-window-merge.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-error-dialog.h"
#include "th-error.h"
#include "th-loader.h"
#include "th-ui-files.h"
#include "th-window-private.h"

/* Merging the results of other workshops into the window's: the chosen
 * files are read one after another off the main thread, merged in core
 * (th-session-merge.c), and the window shows what came of each. */

/* One chosen file as it was read: what th_load_file() made of it, or why
 * it could not. */
typedef struct
{
  GFile *file;
  GObject *loaded;
  GError *error;
} MergeFile;

typedef struct
{
  GArray *files;      /* of MergeFile, in the order chosen */
  guint next;         /* the next one to read */
  ThSession *session; /* the workshop they are merged into */
  ThUiProgress *progress;
  gboolean show_report;
} MergeData;

typedef struct
{
  char *report;
  gboolean all_merged;
} MergeOutcome;

static void
merge_file_clear (MergeFile *file)
{
  g_clear_object (&file->file);
  g_clear_object (&file->loaded);
  g_clear_error (&file->error);
}

static void
merge_data_free (MergeData *data)
{
  th_ui_progress_done (data->progress);
  g_array_unref (data->files);
  g_clear_object (&data->session);
  g_free (data);
}

static void
merge_outcome_free (MergeOutcome *outcome)
{
  g_free (outcome->report);
  g_free (outcome);
}

/* Merges what was read of one file into @session and appends what
 * happened to @report. */
static gboolean
merge_one (ThSession *session, MergeFile *read, GString *report)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThMergeReport) merged = NULL;
  g_autofree char *name = g_file_get_basename (read->file);
  g_autofree char *lines = NULL;

  if (read->error != NULL)
    error = g_error_copy (read->error);
  else if (!TH_IS_SESSION (read->loaded))
    g_set_error (&error, TH_ERROR, TH_ERROR_USAGE, _ ("this is a card deck, not a workshop"));
  else
    merged = th_session_merge_with_report (session, TH_SESSION (read->loaded), &error);

  /* What the merge did to each newcomer (a new id, a name that was here
   * already) is worked out and worded by core. */
  if (merged != NULL)
    lines = th_merge_report_format (merged, name);
  else
    {
      th_ui_files_explain_error (read->file, FALSE, &error);
      lines = th_merge_report_format_failure (name, error);
    }
  g_string_append (report, lines);

  return merged != NULL;
}

/* Every file is read: they are merged here, on the main thread, in the
 * order they were chosen. */
static void
merge_all (GTask *task)
{
  ThWindow *self = g_task_get_source_object (task);
  MergeData *data = g_task_get_task_data (task);
  g_autoptr (GString) report = g_string_new (NULL);
  MergeOutcome *outcome;
  gboolean all_merged = TRUE;

  th_ui_progress_done (g_steal_pointer (&data->progress));

  /* Another workshop was opened while the files were read: they were
   * meant for the one that is gone. */
  if (self->document == NULL || th_document_get_session (self->document) != data->session)
    {
      g_task_return_new_error (task, TH_ERROR, TH_ERROR_USAGE,
                               _ ("Another workshop was opened before the files were read, so "
                                  "nothing was merged"));
      return;
    }

  for (guint i = 0; i < data->files->len; i++)
    all_merged &= merge_one (data->session, &g_array_index (data->files, MergeFile, i), report);
  g_strchomp (report->str);

  if (data->show_report)
    {
      if (all_merged)
        {
          g_clear_pointer (&self->last_error, g_free);
          th_error_dialog_present (GTK_WINDOW (self), _ ("Results Merged"), report->str);
        }
      else
        _th_window_show_error (self, _ ("Not Everything Was Merged"), report->str);
    }

  outcome = g_new0 (MergeOutcome, 1);
  outcome->report = g_string_free (g_steal_pointer (&report), FALSE);
  outcome->all_merged = all_merged;
  g_task_return_pointer (task, outcome, (GDestroyNotify)merge_outcome_free);
}

static void read_next_to_merge (GTask *task);

static void
merge_file_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  MergeData *data = g_task_get_task_data (task);
  MergeFile *read = &g_array_index (data->files, MergeFile, data->next);

  read->loaded = th_load_file_finish (result, &read->error);

  /* The window closed while the file was read: nothing is merged. */
  if (g_task_return_error_if_cancelled (task))
    return;

  data->next++;
  read_next_to_merge (task);
}

/* The files are read one after another, each on a worker thread: up to
 * 64 MiB each, they would hold up the window as long. */
static void
read_next_to_merge (GTask *task)
{
  ThWindow *self = g_task_get_source_object (task);
  MergeData *data = g_task_get_task_data (task);

  if (data->next == data->files->len)
    {
      merge_all (task);
      return;
    }

  th_load_file_async (g_array_index (data->files, MergeFile, data->next).file, self->cancellable,
                      merge_file_read_cb, g_object_ref (task));
}

static void
merge_files_async (ThWindow *self, GListModel *files, gboolean show_report,
                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  MergeData *data;

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, th_window_merge_files_async);
  _th_window_track_job (self, task);
  /* Cancelling is looked at after each read; once the files are merged,
   * the report is what happened, even should the window close before it
   * is delivered. */
  g_task_set_check_cancellable (task, FALSE);

  if (self->document == NULL)
    {
      g_task_return_new_error (task, TH_ERROR, TH_ERROR_USAGE, _ ("No workshop is open"));
      return;
    }

  data = g_new0 (MergeData, 1);
  data->files = g_array_new (FALSE, TRUE, sizeof (MergeFile));
  g_array_set_clear_func (data->files, (GDestroyNotify)merge_file_clear);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      MergeFile read = { g_list_model_get_item (files, i), NULL, NULL };

      g_array_append_val (data->files, read);
    }
  data->session = g_object_ref (th_document_get_session (self->document));
  data->show_report = show_report;
  /* Translators: while the files chosen for Merge Results are read. */
  data->progress
    = th_ui_progress_start (self->toast_overlay, _ ("Reading the workshops to merge…"));
  g_task_set_task_data (task, data, (GDestroyNotify)merge_data_free);

  read_next_to_merge (task);
}

void
th_window_merge_files_async (ThWindow *self, GListModel *files, GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  merge_files_async (self, files, TRUE, callback, user_data);
}

char *
th_window_merge_files_finish (ThWindow *self, GAsyncResult *result, gboolean *all_merged,
                              GError **error)
{
  MergeOutcome *outcome;
  char *report;

  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (all_merged != NULL)
    *all_merged = FALSE;

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return NULL;

  if (all_merged != NULL)
    *all_merged = outcome->all_merged;
  report = g_steal_pointer (&outcome->report);
  merge_outcome_free (outcome);
  return report;
}

gboolean
th_window_merge_file (ThWindow *self, GFile *file, GString *report)
{
  g_autoptr (GListStore) files = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *lines = NULL;
  gboolean merged;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (self->document == NULL)
    return FALSE;

  files = g_list_store_new (G_TYPE_FILE);
  g_list_store_append (files, file);
  merge_files_async (self, G_LIST_MODEL (files), FALSE, th_ui_keep_result_cb, &result);
  th_ui_wait_for (&result);

  lines = th_window_merge_files_finish (self, result, &merged, &error);
  if (lines == NULL)
    return FALSE;

  g_string_append (report, lines);
  g_string_append_c (report, '\n');
  return merged;
}

static void
merge_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  /* The files are read after this returns; the report says what came of
   * them. */
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      th_window_merge_files_async (self, files, NULL, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_th_window_merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = _th_window_create_session_filter ();

  if (self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_ ("Merge Results From Other Workshops"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Merge"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (merge_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
