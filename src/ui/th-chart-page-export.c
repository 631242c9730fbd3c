/* th-chart-page-export.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-chart-page-private.h"
#include "th-error-dialog.h"
#include "th-toast.h"
#include "th-ui-files.h"

/* The chart page's export (PNG, PDF, SVG) and printing (the chart,
 * handouts, cards), and the actions that start them. */

#define EXPORT_PNG_WIDTH 1600
#define EXPORT_PNG_HEIGHT 1200
/* A4 landscape in points, the size a PDF or SVG opens at. */
#define EXPORT_PAGE_WIDTH 842
#define EXPORT_PAGE_HEIGHT 595

typedef enum
{
  EXPORT_PNG,
  EXPORT_PDF,
  EXPORT_SVG,
  EXPORT_UNKNOWN,
} ExportFormat;

static const char *const export_extensions[] = { ".png", ".pdf", ".svg" };

static ExportFormat
export_format_for_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (export_extensions); i++)
    if (g_str_has_suffix (lower, export_extensions[i]))
      return (ExportFormat)i;

  return EXPORT_UNKNOWN;
}

typedef struct
{
  ThQuadrantChart *chart;
  GFile *file;
  ExportFormat format;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->chart);
  g_clear_object (&data->file);
  g_free (data);
}

static gboolean
export_to_path (const char *path, gpointer user_data, GError **error)
{
  ExportData *data = user_data;

  if (data->format == EXPORT_PNG)
    return th_quadrant_chart_export (data->chart, path, EXPORT_PNG_WIDTH, EXPORT_PNG_HEIGHT, error);
  return th_quadrant_chart_export (data->chart, path, EXPORT_PAGE_WIDTH, EXPORT_PAGE_HEIGHT, error);
}

/* On a worker thread: the chart was filled from the session on the main
 * thread and is the thread's alone. */
static void
export_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (th_ui_files_write_with (data->file, export_to_path, data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
th_chart_page_export_to_file_async (ThChartPage *self, GFile *file, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  ExportData *data;
  ExportFormat format;

  g_return_if_fail (TH_IS_CHART_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->session != NULL);

  task
    = g_task_new (self, cancellable != NULL ? cancellable : self->cancellable, callback, user_data);
  g_task_set_source_tag (task, th_chart_page_export_to_file_async);

  name = g_file_get_basename (file);
  format = export_format_for_name (name);
  if (format == EXPORT_UNKNOWN)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _ ("“%s” does not end in .png, .pdf or .svg"), name);
      return;
    }

  /* Files get the paper style, like the command line's export, so that a
   * chart looks the same whichever way it was made.  The chart copies
   * what it draws from the session here, on the main thread. */
  data = g_new0 (ExportData, 1);
  data->chart = th_quadrant_chart_new ();
  th_quadrant_chart_set_session (data->chart, self->session);
  th_quadrant_chart_set_anonymous (data->chart, self->anonymous);
  th_quadrant_chart_set_style (data->chart, TH_CHART_STYLE_PRINT);
  /* A file leaves the room: it names who is missing from it. */
  th_quadrant_chart_set_show_unplaced (data->chart, TRUE);
  data->file = g_object_ref (file);
  data->format = format;
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  th_ui_run_in_thread (task, export_thread, NULL);
}

void
th_chart_page_cancel (ThChartPage *self)
{
  g_return_if_fail (TH_IS_CHART_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
}

gboolean
th_chart_page_export_to_file_finish (ThChartPage *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (TH_IS_CHART_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
th_chart_page_export_to_file (ThChartPage *self, GFile *file, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_return_val_if_fail (TH_IS_CHART_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  th_chart_page_export_to_file_async (self, file, NULL, th_ui_keep_result_cb, &result);
  th_ui_wait_for (&result);
  return th_chart_page_export_to_file_finish (self, result, error);
}

typedef struct
{
  char *name;
  ThUiProgress *progress;
} ExportRequest;

static void
export_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  ThChartPage *self = TH_CHART_PAGE (object);
  ExportRequest *request = user_data;
  g_autoptr (GError) error = NULL;

  th_ui_progress_done (request->progress);

  if (th_chart_page_export_to_file_finish (self, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Chart exported to “%s”"), request->name);

      adw_toast_overlay_add_toast (self->toast_overlay, th_toast_new (message));
    }
  /* A page that went away meanwhile has nobody to tell. */
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Export “%s”"), request->name);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      th_error_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                               error->message);
    }

  g_free (request->name);
  g_free (request);
}

static void
export_response_cb (ThChartPage *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *folder_path = NULL;
  ExportRequest *request;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  name = g_file_get_basename (file);

  /* A name without a known extension takes the one of the chosen filter. */
  if (export_format_for_name (name) == EXPORT_UNKNOWN)
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      ExportFormat format = EXPORT_PNG;
      g_autofree char *with_extension = NULL;
      g_autoptr (GFile) parent = g_file_get_parent (file);

      if (filter != NULL)
        format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "format"));
      with_extension = g_strconcat (name, export_extensions[format], NULL);
      g_clear_object (&file);
      file = g_file_get_child (parent, with_extension);
      g_free (name);
      name = g_steal_pointer (&with_extension);
    }

  folder = g_file_get_parent (file);
  folder_path = folder != NULL ? g_file_get_path (folder) : NULL;
  if (folder_path != NULL)
    g_settings_set_string (self->settings, "last-export-folder", folder_path);

  request = g_new0 (ExportRequest, 1);
  request->name = g_strdup (name);
  /* Translators: while a large export is written; %s is a file name. */
  title = g_strdup_printf (_ ("Exporting “%s”…"), name);
  request->progress = th_ui_progress_start (self->toast_overlay, title);
  th_chart_page_export_to_file_async (self, file, NULL, export_done_cb, request);

out:
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->export_chooser);
}

static GtkFileFilter *
new_export_filter (const char *name, const char *mime_type, const char *pattern,
                   ExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "format", GINT_TO_POINTER (format));
  return filter;
}

static char *
suggested_file_name (ThChartPage *self)
{
  const char *title = th_session_get_title (self->session);
  g_autofree char *base = NULL;

  if (title == NULL || *title == '\0')
    /* Translators: the file name suggested when exporting an untitled chart. */
    title = _ ("Chart");

  /* A title is free text; a file name must not hold a folder separator. */
  base = g_strdelimit (g_strdup (title), "/\\", '-');
  return g_strconcat (base, ".png", NULL);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThChartPage *self = TH_CHART_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *folder_path = NULL;
  g_autofree char *file_name = NULL;
  GtkFileFilter *filter;

  if (self->session == NULL || self->export_chooser != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (
    _ ("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);

  filter = new_export_filter (_ ("PNG Image"), "image/png", "*.png", EXPORT_PNG);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  g_object_unref (filter);
  filter = new_export_filter (_ ("PDF Document"), "application/pdf", "*.pdf", EXPORT_PDF);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  g_object_unref (filter);
  filter = new_export_filter (_ ("SVG Image"), "image/svg+xml", "*.svg", EXPORT_SVG);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
  g_object_unref (filter);

  folder_path = g_settings_get_string (self->settings, "last-export-folder");
  if (*folder_path != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->export_chooser), folder, NULL);
    }
  file_name = suggested_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), file_name);

  g_signal_connect_swapped (self->export_chooser, "response", G_CALLBACK (export_response_cb),
                            self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

/* Printing ---------------------------------------------------------------------- */

static void
print_done_cb (ThChartPage *self)
{
  g_clear_object (&self->print_operation);
}

static void
run_print (ThChartPage *self, ThPrintMode mode)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->session == NULL || self->print_operation != NULL)
    return;

  /* Held until "done": printing goes on after the dialog closes. */
  self->print_operation = th_print_operation_new (self->session, mode);
  th_print_operation_set_anonymous (self->print_operation, self->anonymous);
  th_print_operation_set_deck_order (
    self->print_operation, g_settings_get_boolean (self->settings, "cards-in-deck-order"));
  g_signal_connect_object (self->print_operation, "done", G_CALLBACK (print_done_cb), self,
                           G_CONNECT_SWAPPED);
  th_print_operation_run_dialog (self->print_operation,
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThChartPage *self = TH_CHART_PAGE (widget);

  if (g_str_equal (action_name, "chart.print-handouts"))
    run_print (self, TH_PRINT_MODE_HANDOUTS);
  else if (g_str_equal (action_name, "chart.print-cards"))
    run_print (self, TH_PRINT_MODE_CARDS);
  else
    run_print (self, TH_PRINT_MODE_CHART);
}

static gboolean
print_to_path (const char *path, gpointer user_data, GError **error)
{
  GtkPrintOperation *operation = user_data;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could Not Print"));
      return FALSE;
    }

  return TRUE;
}

gboolean
th_chart_page_print_to_file (ThChartPage *self, ThPrintMode mode, GFile *file, GError **error)
{
  g_autoptr (ThPrintOperation) operation = NULL;

  g_return_val_if_fail (TH_IS_CHART_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = th_print_operation_new (self->session, mode);
  th_print_operation_set_anonymous (operation, self->anonymous);
  th_print_operation_set_deck_order (
    operation, g_settings_get_boolean (self->settings, "cards-in-deck-order"));
  return th_ui_files_write_with (file, print_to_path, operation, NULL, error);
}

GMenuModel *
th_chart_page_get_menu (void)
{
  GMenu *section = g_menu_new ();

  g_menu_append (section, _ ("_Export Chart…"), "win.export-chart");
  g_menu_append (section, _ ("_Print Chart…"), "win.print-chart");
  g_menu_append (section, _ ("Print _Handouts…"), "win.print-handouts");
  g_menu_append (section, _ ("Print Cards for _Sorting on Paper…"), "win.print-cards");

  return G_MENU_MODEL (section);
}

void
_th_chart_page_export_dispose (ThChartPage *self)
{
  if (self->export_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
}

void
_th_chart_page_class_export_init (ThChartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "chart.print-handouts", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "chart.print-cards", NULL, print_action);
}
