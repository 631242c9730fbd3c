/* th-window-actions.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-chart-page.h"
#include "th-csv.h"
#include "th-error.h"
#include "th-host-page.h"
#include "th-loader.h"
#include "th-new-workshop-dialog.h"
#include "th-sample.h"
#include "th-ui-files.h"
#include "th-window-private.h"

/* The window's actions, installed on its class, and the file dialogs
 * they open: new, open, save, save as, merge and export. */

#define SESSION_MIME_TYPE "application/x-twohats"

/* The chart page owns exporting and printing; the window's menu reaches
 * them through these, whatever view is showing. */
static const struct
{
  const char *window_action;
  const char *page_action;
} chart_actions[] = {
  { "win.export-chart", "chart.export" },
  { "win.print-chart", "chart.print" },
  { "win.print-handouts", "chart.print-handouts" },
  { "win.print-cards", "chart.print-cards" },
};

static void
chart_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->chart_widget == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    if (g_str_equal (action_name, chart_actions[i].window_action))
      gtk_widget_activate_action (self->chart_widget, chart_actions[i].page_action, NULL);
}

void
_th_window_actions_update (ThWindow *self)
{
  gboolean has_session = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.host", has_session && !self->self_study);
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), chart_actions[i].window_action,
                                   has_session && self->chart_widget != NULL);
}

/* Room */

static void
host_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  AdwViewStackPage *page;

  if (self->document == NULL)
    return;

  if (self->host_page == NULL)
    {
      self->host_page = th_host_page_new (th_document_get_session (self->document),
                                          _th_window_get_save_target (self));
      page = adw_view_stack_add_titled (self->view_stack, self->host_page, "room", _ ("Room"));
      adw_view_stack_page_set_icon_name (page, "network-wireless-symbolic");
    }

  _th_window_show_views (self, "room");
}

/* Self-study */

static GFile *
get_self_study_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
}

static ThDocument *
open_self_study_document (ThWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = get_self_study_file ();
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (ThSession) session = NULL;
  g_autoptr (ThDeck) deck = NULL;
  ThDocument *document;

  if (g_file_query_exists (file, NULL))
    {
      document = th_document_open (file, &error);
      if (document != NULL)
        return document;

      /* Open in another window: that window's to write, and nothing is
       * wrong with the file. */
      if (g_error_matches (error, TH_ERROR, TH_ERROR_LOCKED))
        {
          _th_window_show_error (self, _ ("Self-Study Is Already Open"),
                                 _ ("Your self-study is open in another Two Hats window. Carry "
                                    "on there, or close it there and start it here again."));
          return NULL;
        }

      /* A damaged progress file is put aside, never overwritten: the
       * person may want it looked at. */
      {
        g_autoptr (GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
        g_autofree char *aside_name = g_strdup_printf ("self-study-damaged-%s.twohats", stamp);
        g_autoptr (GFile) aside = g_file_get_child (folder, aside_name);
        g_autofree char *message = NULL;

        g_file_move (file, aside, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL);
        /* Translators: %s is the reason; the file is kept under another name. */
        message = g_strdup_printf (_ ("Your self-study progress could not be read (%s). It was "
                                      "kept as %s and a fresh start was made."),
                                   error->message, aside_name);
        _th_window_show_error (self, _ ("Self-Study Starts Afresh"), message);
      }
    }

  g_mkdir_with_parents (g_file_peek_path (folder), 0700);
  deck = th_deck_new_builtin ();
  session = th_session_new (deck);
  th_session_set_title (session, _ ("Self-Study"));
  th_session_add_participant (session, _ ("You"), NULL);

  /* The file is written with the first answer, so browsing the cards
   * leaves nothing behind. */
  return th_document_new (session, file);
}

static void
self_study_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  ThSelfStudyStep step;

  if (!self->self_study)
    {
      g_autoptr (ThDocument) document = open_self_study_document (self);

      if (document == NULL)
        return;
      _th_window_set_document (self, document, TRUE);
      if (th_session_get_n_participants (th_document_get_session (document)) == 0)
        th_session_add_participant (th_document_get_session (document), _ ("You"), NULL);
    }

  if (th_card_browser_get_deck (self->card_browser) == NULL)
    th_card_browser_set_deck (self->card_browser, self->deck);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);

  /* Where the person left off, read from their answers. */
  step = th_self_study_path_derive_step (th_document_get_session (self->document));
  _th_window_set_path_step (self, step);
  _th_window_go_to_step (self, step);
}

/* Welcome page */

static void
home_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _th_window_show_welcome (TH_WINDOW (widget));
}

static void
continue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->self_study)
    _th_window_go_to_step (self, th_self_study_path_get_step (self->self_study_path));
  else
    _th_window_show_views (self, NULL);
}

static void
open_recovery_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDocument) document = th_document_open_recovery (file, &error);

  if (document == NULL)
    {
      _th_window_show_error (self, _ ("Could Not Open the Unsaved Workshop"), error->message);
      return;
    }

  _th_window_open_document (self, document, "workshop");
  _th_window_show_toast (self, _ ("Recovered. Press Ctrl+S to save it with a name."));
}

static void
discard_response_cb (AdwMessageDialog *dialog, const char *response, ThWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "th-file");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (!th_document_delete_recovery (file, &error))
    _th_window_show_error (self, _ ("Could Not Discard the Unsaved Workshop"), error->message);
  _th_window_refresh_welcome (self);
}

static void
discard_recovery_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GFile *file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _ ("Discard the Unsaved Workshop?"),
                            _ ("Its participants and their answers will be deleted for good.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "th-file", file, g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_recent_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  th_window_open_file_async (TH_WINDOW (widget), file, NULL, NULL);
}

/* New, sample, open */

static void
workshop_created_cb (ThWindow *self, ThSession *session)
{
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (GError) error = NULL;

  /* The names just typed are worth keeping from this moment on. */
  th_document_save (document, &error);

  _th_window_open_document (self, document, "workshop");
  if (th_session_get_n_participants (session) == 0)
    gtk_widget_grab_focus (th_workshop_view_get_add_entry (self->workshop_view));
  _th_window_show_toast (self, _ ("Saved as a draft as you go. Press Ctrl+S to give it a name."));
}

static void
new_workshop_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  ThNewWorkshopDialog *dialog = th_new_workshop_dialog_new (GTK_WINDOW (self), deck);

  g_signal_connect_object (dialog, "created", G_CALLBACK (workshop_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sample_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (ThSession) session = th_session_new_sample ();
  g_autoptr (ThDocument) document = th_document_new (session, NULL);

  /* The sample is done sorting and rating; the reveal is where its
   * discussion starts. */
  th_session_set_phase (session, TH_PHASE_REVEAL);
  _th_window_open_document (self, document, "workshop");
  _th_window_show_toast (self,
                         _ ("A made-up group of twelve. Change anything; Save As keeps a copy."));
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      th_window_open_file_async (self, file, NULL, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
create_session_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Workshops"));
  gtk_file_filter_add_mime_type (filter, SESSION_MIME_TYPE);
  gtk_file_filter_add_pattern (filter, "*.twohats");
  return filter;
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) sessions = create_session_filter ();
  g_autoptr (GtkFileFilter) decks = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_ ("Open a Workshop or a Deck"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));

  gtk_file_filter_set_name (all, _ ("Workshops and decks"));
  gtk_file_filter_add_mime_type (all, SESSION_MIME_TYPE);
  gtk_file_filter_add_mime_type (all, "application/x-twohats-deck");
  gtk_file_filter_add_pattern (all, "*.twohats");
  gtk_file_filter_add_pattern (all, "*.twohats-deck");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), sessions);

  gtk_file_filter_set_name (decks, _ ("Card decks"));
  gtk_file_filter_add_mime_type (decks, "application/x-twohats-deck");
  gtk_file_filter_add_pattern (decks, "*.twohats-deck");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), decks);

  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Save */

gboolean
th_window_save_as (ThWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;

  /* Self-study keeps its own file; Save As makes a copy of it. */
  if (self->self_study)
    ok = th_session_save_to_file (th_document_get_session (self->document), file, &error);
  else
    ok = th_document_save_as (self->document, file, &error);

  name = g_file_get_basename (file);
  if (!ok)
    {
      /* Translators: %s is a file name. */
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Save “%s”"), name);

      th_ui_files_explain_error (file, TRUE, &error);
      _th_window_show_error (self, heading, error->message);
      return FALSE;
    }

  _th_window_add_to_recent (file);
  _th_window_update_title (self);
  _th_window_update_save_error (self);
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_ ("Saved as “%s”"), name);
  _th_window_show_toast (self, message);
  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr (GFile) parent = g_file_get_parent (chosen);
      g_autoptr (GFile) file = NULL;

      /* The extension is what file managers open us by. */
      if (g_str_has_suffix (basename, ".twohats") || parent == NULL)
        file = g_object_ref (chosen);
      else
        {
          g_autofree char *with_extension = g_strconcat (basename, ".twohats", NULL);

          file = g_file_get_child (parent, with_extension);
        }

      th_window_save_as (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggest_file_name (ThWindow *self, const char *extension)
{
  g_autofree char *name = th_document_dup_display_name (self->document);

  /* A title can hold a slash; a file name cannot. */
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (name, extension, NULL);
}

static void
save_as_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = create_session_filter ();
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_ ("Save the Workshop"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = suggest_file_name (self, ".twohats");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return;

  /* An untitled workshop is only safe in the recovery folder: Ctrl+S is
   * the moment to give it a name. */
  if (th_document_get_file (self->document) == NULL)
    {
      gtk_widget_activate_action (widget, "win.save-as", NULL);
      return;
    }

  if (th_document_get_saved (self->document))
    {
      _th_window_show_toast (self, _ ("All changes are saved"));
      return;
    }

  if (!th_document_save (self->document, &error))
    {
      g_autofree char *name = th_document_dup_display_name (self->document);
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Save “%s”"), name);

      th_ui_files_explain_error (th_document_get_file (self->document), TRUE, &error);
      _th_window_show_error (self, heading, error->message);
      return;
    }

  _th_window_update_save_error (self);
  _th_window_show_toast (self, _ ("All changes are saved"));
}

/* Merge */

gboolean
th_window_merge_file (ThWindow *self, GFile *file, GString *report)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) loaded = NULL;
  g_autoptr (ThMergeReport) merged = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lines = NULL;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  name = g_file_get_basename (file);
  if (self->document == NULL)
    return FALSE;

  loaded = th_load_file (file, &error);
  if (loaded != NULL && !TH_IS_SESSION (loaded))
    g_set_error (&error, TH_ERROR, TH_ERROR_USAGE, _ ("this is a card deck, not a workshop"));
  if (error == NULL)
    merged = th_session_merge_with_report (th_document_get_session (self->document),
                                           TH_SESSION (loaded), &error);

  /* What the merge did to each newcomer (a new id, a name that was here
   * already) is worked out and worded by core. */
  if (merged != NULL)
    lines = th_merge_report_format (merged, name);
  else
    {
      th_ui_files_explain_error (file, FALSE, &error);
      lines = th_merge_report_format_failure (name, error);
    }
  g_string_append (report, lines);

  return merged != NULL;
}

static void
merge_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GString) report = g_string_new (NULL);
      gboolean all_merged = TRUE;
      AdwMessageDialog *message;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          all_merged &= th_window_merge_file (self, file, report);
        }

      g_strchomp (report->str);
      g_free (self->last_error);
      self->last_error = all_merged ? NULL : g_strdup (report->str);
      message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (self), all_merged ? _ ("Results Merged") : _ ("Not Everything Was Merged"),
        report->str));
      adw_message_dialog_add_response (message, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = create_session_filter ();

  if (self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_ ("Merge Results From Other Workshops"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Merge"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (merge_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export */

typedef struct
{
  GFile *file;
  GBytes *csv;
} ExportCsvData;

static void
export_csv_data_free (ExportCsvData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->csv, g_bytes_unref);
  g_free (data);
}

static void
export_csv_thread (GTask *task, gpointer source_object, gpointer task_data,
                   GCancellable *cancellable)
{
  ExportCsvData *data = task_data;
  GError *error = NULL;

  if (th_ui_files_write (data->file, data->csv, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
th_window_export_csv_async (ThWindow *self, GFile *file, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportCsvData *data;
  gboolean anonymous;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, th_window_export_csv_async);

  if (self->document == NULL)
    {
      g_task_return_new_error (task, TH_ERROR, TH_ERROR_USAGE, _ ("No workshop is open"));
      return;
    }

  /* The scores as they are now, taken here on the main thread: the room
   * may change the session while the file is written. */
  anonymous = g_settings_get_boolean (self->settings, "anonymous-default");
  data = g_new0 (ExportCsvData, 1);
  data->file = g_object_ref (file);
  data->csv = th_session_to_csv (th_document_get_session (self->document), anonymous);
  g_task_set_task_data (task, data, (GDestroyNotify)export_csv_data_free);
  g_task_run_in_thread (task, export_csv_thread);
}

gboolean
th_window_export_csv_finish (ThWindow *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
th_window_export_csv (ThWindow *self, GFile *file, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  th_window_export_csv_async (self, file, th_ui_keep_result_cb, &result);
  th_ui_wait_for (&result);
  return th_window_export_csv_finish (self, result, error);
}

typedef struct
{
  GFile *file;
  ThUiProgress *progress;
} ExportCsvRequest;

static void
export_csv_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  ThWindow *self = TH_WINDOW (object);
  ExportCsvRequest *request = user_data;
  g_autoptr (GFile) folder = g_file_get_parent (request->file);
  g_autofree char *name = g_file_get_basename (request->file);
  g_autoptr (GError) error = NULL;

  th_ui_progress_done (request->progress);

  if (th_window_export_csv_finish (self, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Scores exported to “%s”"), name);

      _th_window_show_toast (self, message);
      if (folder != NULL && g_file_peek_path (folder) != NULL)
        g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (folder));
    }
  /* A window that closed meanwhile has nobody to tell. */
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Export “%s”"), name);

      _th_window_show_error (self, heading, error->message);
    }

  g_object_unref (request->file);
  g_free (request);
}

static void
export_csv_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      ExportCsvRequest *request = g_new0 (ExportCsvRequest, 1);
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;

      request->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      name = g_file_get_basename (request->file);
      /* Translators: while a large export is written; %s is a file name. */
      title = g_strdup_printf (_ ("Exporting “%s”…"), name);
      request->progress = th_ui_progress_start (self->toast_overlay, title);
      th_window_export_csv_async (self, request->file, export_csv_done_cb, request);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_csv_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *last_folder = NULL;

  if (self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_ ("Export Scores as CSV"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = suggest_file_name (self, ".csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  last_folder = g_settings_get_string (self->settings, "last-export-folder");
  if (last_folder[0] != '\0')
    {
      g_autoptr (GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (export_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Presenter mode */

static void
present_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->presenter != NULL)
    _th_window_leave_presenter (self);
  else
    _th_window_start_presenter (self);
}

static void
leave_presenter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _th_window_leave_presenter (TH_WINDOW (widget));
}

static void
blank_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->presenter != NULL)
    th_presenter_window_set_blanked (self->presenter,
                                     !th_presenter_window_get_blanked (self->presenter));
}

static void
timer_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->presenter != NULL)
    th_presenter_window_toggle_timer (self->presenter);
}

void
_th_window_class_actions_init (ThWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-workshop", NULL, new_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.self-study", NULL, self_study_action);
  gtk_widget_class_install_action (widget_class, "win.sample", NULL, sample_action);
  gtk_widget_class_install_action (widget_class, "win.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "win.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "win.open-recovery", "s", open_recovery_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovery", "s",
                                   discard_recovery_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presenter", NULL,
                                   leave_presenter_action);
  gtk_widget_class_install_action (widget_class, "win.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "win.timer", NULL, timer_action);
  /* GtkWindow:fullscreened toggles full screen on and off. */
  gtk_widget_class_install_property_action (widget_class, "win.fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "win.host", NULL, host_action);
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_class_install_action (widget_class, chart_actions[i].window_action, NULL,
                                     chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-workshop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  /* Only while presenting (the actions are disabled otherwise), so Escape
   * still closes popovers and dialogs the rest of the time. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presenter",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, 0, "win.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, 0, "win.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "win.timer", NULL);
}
