/* th-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-card-browser.h"
#include "th-chart-page.h"
#include "th-deck.h"
#include "th-document.h"
#include "th-error-dialog.h"
#include "th-error.h"
#include "th-host-page.h"
#include "th-loader.h"
#include "th-property.h"
#include "th-self-study-path.h"
#include "th-self-study-result.h"
#include "th-toast.h"
#include "th-ui-files.h"
#include "th-welcome-page.h"
#include "th-window-private.h"
#include "th-workshop-view.h"

/* The window: its template, the welcome page and the views, and what is
 * open in them.  Its actions are in th-window-actions.c, presenter mode
 * in th-window-presenter.c. */

#define SESSION_MIME_TYPE "application/x-twohats"

/* How long a file may take to be read before the window says it is
 * opening it: long enough that a small file does not flash the spinner. */
#define BUSY_DELAY_MS 300

G_DEFINE_FINAL_TYPE (ThWindow, th_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_th_window_show_error (ThWindow *self, const char *heading, const char *body)
{
  g_free (self->last_error);
  self->last_error = g_strdup (body);

  th_error_dialog_present (GTK_WINDOW (self), heading, body);
}

void
_th_window_show_toast (ThWindow *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, th_toast_new (title));
}

/* On a narrow window the view switcher moves to the bottom; on the
 * welcome page there is none, nor a button that leads to it. */
static void
update_switcher_bar (ThWindow *self)
{
  gboolean on_views = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0;

  gtk_widget_set_visible (self->home_button, on_views);
  /* The self-study path is the way through the views: on the welcome
   * page, which leads elsewhere too, it would promise steps that are not
   * on screen. */
  gtk_revealer_set_reveal_child (self->self_study_revealer, on_views && self->self_study);

  adw_view_switcher_bar_set_reveal (
    self->switcher_bar,
    on_views && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

void
_th_window_show_views (ThWindow *self, const char *view)
{
  self->visited_views = TRUE;
  /* The view first, then the stack that shows it: no other view shows on
   * the way, which would be built for nothing. */
  if (view != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
  gtk_stack_set_visible_child_name (self->main_stack, "views");
  /* The switchers follow the views from when they first show: on the
   * welcome page they would only be measured, for nothing. */
  if (adw_view_switcher_title_get_stack (self->switcher_title) == NULL)
    {
      adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
    }
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  update_switcher_bar (self);
}

/* The deck of the Cards view: the built-in one until another is opened,
 * read when first needed. */
ThDeck *
_th_window_get_deck (ThWindow *self)
{
  if (self->deck == NULL)
    self->deck = th_deck_new_builtin ();
  return self->deck;
}

void
_th_window_show_deck (ThWindow *self, ThDeck *deck)
{
  g_set_object (&self->deck, deck);
  if (self->card_browser != NULL)
    th_card_browser_set_deck (self->card_browser, deck);
  _th_window_show_views (self, "cards");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);
}

static void
focus_current_card (ThWindow *self)
{
  GtkWidget *card = th_card_browser_get_current_card (th_window_get_card_browser (self));

  if (card != NULL)
    gtk_widget_grab_focus (card);
}

/* Puts the keyboard on the content of the view on screen, where its
 * keys work (see the shortcuts window). */
static void
focus_view_content (ThWindow *self)
{
  const char *view;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    return;

  view = adw_view_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (view, "workshop") == 0)
    th_workshop_view_focus_board (th_window_get_workshop_view (self));
  else if (g_strcmp0 (view, "cards") == 0)
    focus_current_card (self);
}

/* A dialog that closes gives the keyboard back to the window; when the
 * widget that had it went away meanwhile (the page it was on was left,
 * its row was made again), the window's keys would reach nothing, and
 * the view's keys would do nothing until something was clicked. */
static void
active_changed_cb (ThWindow *self)
{
  GtkWidget *focus;

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !gtk_widget_get_mapped (focus))
    focus_view_content (self);
}

void
_th_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *)SESSION_MIME_TYPE,
    .app_name = (char *)(g_get_application_name () ? g_get_application_name () : "two-hats"),
    .app_exec = (char *)"two-hats %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Document */

void
_th_window_update_title (ThWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  /* A file that takes a while to read says so where the title is. */
  if (self->busy_title != NULL && gtk_widget_get_visible (GTK_WIDGET (self->busy_spinner)))
    {
      gtk_window_set_title (GTK_WINDOW (self), self->busy_title);
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Two Hats"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }

  file = th_document_get_file (self->document);
  if (self->self_study)
    {
      title = g_strdup (_ ("Self-Study"));
      subtitle = g_strdup (_ ("Progress is kept automatically"));
    }
  else
    {
      title = th_document_dup_display_name (self->document);
      if (file != NULL)
        subtitle = th_ui_files_dup_folder_display_name (file);
      else
        subtitle = g_strdup (_ ("Draft — kept safe until you save it with a name"));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

void
_th_window_update_save_error (ThWindow *self)
{
  const GError *error = self->document != NULL ? th_document_get_save_error (self->document) : NULL;

  if (error != NULL)
    {
      g_autofree char *name = th_document_dup_display_name (self->document);
      g_autoptr (GError) shown = g_error_copy (error);
      GFile *file = th_document_get_file (self->document);
      g_autofree char *text = NULL;

      if (file != NULL)
        th_ui_files_explain_error (file, TRUE, &shown);
      /* Translators: shown while a workshop cannot be saved; %s is its title, then the reason. */
      text = g_strdup_printf (_ ("“%s” could not be saved: %s. Every answer is kept, and a "
                                 "recovery copy is written; saving is tried again with the next "
                                 "change."),
                              name, shown->message);
      gtk_label_set_label (self->save_error_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

static void
update_pages (ThWindow *self)
{
  gboolean has_session = self->document != NULL;

  adw_view_stack_page_set_visible (self->workshop_page, has_session);
  /* A learner on their own sees where they land, not a chart of a group
   * of one with a group's words and an anonymity switch. */
  adw_view_stack_page_set_visible (self->chart_page,
                                   has_session && _th_window_has_chart (self) && !self->self_study);
  adw_view_stack_page_set_visible (self->result_page, self->self_study);
  update_switcher_bar (self);

  _th_window_actions_update (self);
}

static void
document_save_failed_cb (ThWindow *self, const GError *error)
{
  _th_window_update_save_error (self);
}

/* Answers from the room are saved by the server itself before it answers,
 * into the workshop's file or, while it has none, its recovery copy. */
GFile *
_th_window_get_save_target (ThWindow *self)
{
  GFile *file = th_document_get_file (self->document);

  return file != NULL ? file : th_document_get_recovery_file (self->document);
}

static void
update_host_file (ThWindow *self)
{
  if (self->host_page != NULL && self->document != NULL)
    th_host_page_set_file (TH_HOST_PAGE (self->host_page), _th_window_get_save_target (self));
}

static void
set_workshop_view_session (ThWindow *self, ThSession *session)
{
  th_workshop_view_set_session (self->workshop_view, session);
  th_workshop_view_set_guided (self->workshop_view, self->self_study);
  th_reveal_board_set_self_study (th_workshop_view_get_reveal_board (self->workshop_view),
                                  self->self_study);
}

void
_th_window_set_document (ThWindow *self, ThDocument *document, gboolean self_study)
{
  ThSession *session;

  if (self->document == document && self->self_study == self_study)
    return;

  g_signal_group_set_target (self->document_signals, NULL);
  g_signal_group_set_target (self->session_signals, NULL);

  /* The room belongs to the session it was opened for. */
  if (self->host_page != NULL)
    {
      adw_view_stack_remove (self->view_stack, self->host_page);
      self->host_page = NULL;
    }

  g_set_object (&self->document, document);
  self->self_study = self_study;
  session = document != NULL ? th_document_get_session (document) : NULL;

  /* Views not built yet take the document when they are. */
  if (self->workshop_view != NULL)
    set_workshop_view_session (self, session);
  if (self_study)
    th_self_study_path_set_session (th_window_get_self_study_path (self), session);
  else if (self->self_study_path != NULL)
    th_self_study_path_set_session (self->self_study_path, NULL);
  if (self->self_study_result != NULL)
    th_self_study_result_set_session (self->self_study_result, self_study ? session : NULL);
  /* The cards seen are the self-study run's progress, kept with it in the
   * settings; a facilitator's browsing counts for the moment only, and
   * never in a learner's run. */
  if (self->settings != NULL && self->card_browser != NULL)
    th_card_browser_set_settings (self->card_browser, self_study ? self->settings : NULL);
  if (self->chart_widget != NULL && TH_IS_CHART_PAGE (self->chart_widget))
    th_chart_page_set_session (TH_CHART_PAGE (self->chart_widget), session);

  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->session_signals, session);

  update_pages (self);
  _th_window_update_title (self);
  _th_window_update_save_error (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
_th_window_open_document (ThWindow *self, ThDocument *document, const char *view)
{
  _th_window_set_document (self, document, FALSE);
  _th_window_show_views (self, view);
  if (g_strcmp0 (view, "workshop") == 0)
    th_workshop_view_focus_board (th_window_get_workshop_view (self));
}

static gboolean
is_open (ThWindow *self, GFile *file)
{
  GFile *open_file = self->document != NULL ? th_document_get_file (self->document) : NULL;

  return open_file != NULL && g_file_equal (open_file, file);
}

/* Opening files */

static gboolean
busy_timeout_cb (gpointer user_data)
{
  ThWindow *self = user_data;

  self->busy_timeout_id = 0;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), self->busy_title);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  _th_window_update_title (self);

  return G_SOURCE_REMOVE;
}

static void
begin_busy (ThWindow *self, const char *title)
{
  g_free (self->busy_title);
  self->busy_title = g_strdup (title);

  if (gtk_widget_get_visible (GTK_WIDGET (self->busy_spinner)))
    busy_timeout_cb (self);
  else if (self->busy_timeout_id == 0)
    self->busy_timeout_id = g_timeout_add (BUSY_DELAY_MS, busy_timeout_cb, self);
}

static void
end_busy (ThWindow *self)
{
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  g_clear_pointer (&self->busy_title, g_free);
  gtk_spinner_stop (self->busy_spinner);
  gtk_spinner_stop (self->opening_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
  _th_window_update_title (self);
}

/* Shows what th_load_file() made of @file, or why it could not; a
 * session's document keeps @lock, the file's lock. */
static gboolean
show_loaded (ThWindow *self, GFile *file, GObject *loaded, ThFileLock *lock, GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  /* Whatever is wrong, what is open stays as it is. */
  if (loaded == NULL)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      th_ui_files_explain_error (file, FALSE, error);
      if (g_error_matches (*error, TH_ERROR, TH_ERROR_NEWER_VERSION))
        {
          /* Translators: %s is a file name. */
          heading = g_strdup_printf (_ ("“%s” Needs a Newer Two Hats"), name);
          body = g_strdup_printf (_ ("%s\n\nUpdate Two Hats to open it; this version leaves the "
                                     "file as it is."),
                                  (*error)->message);
        }
      else if (g_error_matches (*error, TH_ERROR, TH_ERROR_LOCKED))
        {
          /* Translators: %s is a file name. */
          heading = g_strdup_printf (_ ("“%s” Is Already Open"), name);
          body = g_strdup (_ ("This workshop is open in another Two Hats window (or hosted with "
                              "“two-hats --host”). Only one of them at a time can write answers "
                              "to it: carry on there, or close it there and open it here again."));
        }
      else
        {
          /* Translators: %s is a file name. */
          heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
          body = g_strdup ((*error)->message);
        }
      _th_window_show_error (self, heading, body);
      return FALSE;
    }

  if (TH_IS_DECK (loaded))
    {
      g_autofree char *message
        = g_strdup_printf (_ ("Showing the cards of “%s”"), th_deck_get_title (TH_DECK (loaded)));

      _th_window_show_deck (self, TH_DECK (loaded));
      _th_window_show_toast (self, message);
      return TRUE;
    }

  {
    g_autoptr (ThDocument) document = th_document_new_locked (TH_SESSION (loaded), file, lock);

    _th_window_open_document (self, document, "workshop");
    _th_window_add_to_recent (file);
  }

  return TRUE;
}

/* One writer per file: the lock of @file is taken before it is read, so
 * that a session open in another window, or hosted by `two-hats --host`,
 * is refused at once (TH_ERROR_LOCKED) and nothing can write it between
 * the read and the lock.  Whatever else keeps the lock from being taken
 * (no such file, a FIFO) the read reports in its own words; a deck is
 * nobody's to hold, and its lock goes once it is read. */
static gboolean
lock_before_reading (ThWindow *self, GFile *file, GError **error)
{
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (GError) local_error = NULL;

  if (g_file_peek_path (file) == NULL)
    return TRUE;

  lock = th_file_lock_new (g_file_peek_path (file));
  if (th_file_lock_acquire (lock, &local_error))
    {
      g_clear_pointer (&self->opening_lock, th_file_lock_unref);
      self->opening_lock = g_steal_pointer (&lock);
      return TRUE;
    }

  if (!g_error_matches (local_error, TH_ERROR, TH_ERROR_LOCKED))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void open_next (ThWindow *self);

static void
file_loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ThWindow) self = user_data;
  g_autoptr (GTask) task = g_steal_pointer (&self->opening);
  g_autoptr (ThFileLock) lock = g_steal_pointer (&self->opening_lock);
  GFile *file = g_task_get_task_data (task);
  g_autoptr (GObject) loaded = NULL;
  g_autoptr (GError) error = NULL;

  loaded = th_load_file_finish (result, &error);

  /* The window closed while the file was read: nothing is shown. */
  if (g_task_return_error_if_cancelled (task))
    return;

  end_busy (self);
  if (show_loaded (self, file, loaded, lock, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));

  open_next (self);

  /* Nothing could be opened: the welcome page, with what it offers. */
  if (self->opening == NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "opening") == 0)
    _th_window_show_welcome (self);
}

/* Starts reading the next file asked for, once the one before is shown. */
static void
open_next (ThWindow *self)
{
  while (self->opening == NULL && !g_queue_is_empty (&self->open_queue))
    {
      g_autoptr (GTask) task = g_queue_pop_head (&self->open_queue);
      GFile *file = g_task_get_task_data (task);
      g_autoptr (GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;

      if (is_open (self, file))
        {
          _th_window_show_views (self, "workshop");
          g_task_return_boolean (task, TRUE);
          continue;
        }

      if (!lock_before_reading (self, file, &error))
        {
          show_loaded (self, file, NULL, NULL, &error);
          g_task_return_error (task, g_steal_pointer (&error));
          continue;
        }

      name = g_file_get_basename (file);
      /* Translators: the window title while a file is read; %s is its name. */
      title = g_strdup_printf (_ ("Opening “%s”…"), name);
      begin_busy (self, title);
      self->opening = g_steal_pointer (&task);
      /* A window with nothing open yet (the files of the command line)
       * shows at once what it is reading, not the welcome page. */
      if (self->document == NULL && !self->visited_views && self->welcome_page == NULL)
        {
          adw_status_page_set_title (self->opening_page, title);
          gtk_spinner_start (self->opening_spinner);
          gtk_stack_set_visible_child_name (self->main_stack, "opening");
        }

      /* Read on a worker thread: the deck or session made there is new,
       * and nobody else sees it until it comes back here. */
      th_load_file_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
    }
}

void
th_window_open_file_async (ThWindow *self, GFile *file, GAsyncReadyCallback callback,
                           gpointer user_data)
{
  GTask *task;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, th_window_open_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  g_queue_push_tail (&self->open_queue, task);
  open_next (self);
}

gboolean
th_window_open_file_finish (ThWindow *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
th_window_open_file (ThWindow *self, GFile *file)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  th_window_open_file_async (self, file, th_ui_keep_result_cb, &result);
  th_ui_wait_for (&result);
  return th_window_open_file_finish (self, result, NULL);
}

static void
job_completed_cb (GTask *task, GParamSpec *pspec, ThWindow *self)
{
  g_assert (self->n_jobs > 0);
  self->n_jobs--;
  g_signal_handlers_disconnect_by_func (task, job_completed_cb, self);
}

void
_th_window_track_job (ThWindow *self, GTask *task)
{
  g_return_if_fail (g_task_get_source_object (task) == (gpointer)self);

  /* The task holds the window until it has called back, after which
   * GTask notifies :completed. */
  self->n_jobs++;
  g_signal_connect (task, "notify::completed", G_CALLBACK (job_completed_cb), self);
}

gboolean
th_window_get_busy (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);

  return self->opening != NULL || !g_queue_is_empty (&self->open_queue) || self->reading_session
         || self->n_jobs > 0
         || (self->welcome_page != NULL && th_welcome_page_get_loading (self->welcome_page))
         || (self->document != NULL && th_document_get_busy (self->document));
}

/* Self-study */

void
_th_window_go_to_step (ThWindow *self, ThSelfStudyStep step)
{
  ThSession *session = th_document_get_session (self->document);

  self->following_path = TRUE;
  switch (step)
    {
      case TH_SELF_STUDY_STEP_LEARN:
        _th_window_show_views (self, "cards");
        focus_current_card (self);
        break;

      case TH_SELF_STUDY_STEP_SORT:
      case TH_SELF_STUDY_STEP_REVEAL:
      case TH_SELF_STUDY_STEP_REFLECT:
        th_session_set_phase (session, step == TH_SELF_STUDY_STEP_SORT     ? TH_PHASE_SORT
                                       : step == TH_SELF_STUDY_STEP_REVEAL ? TH_PHASE_REVEAL
                                                                           : TH_PHASE_REFLECT);
        _th_window_show_views (self, "workshop");
        th_workshop_view_focus_board (th_window_get_workshop_view (self));
        break;

      case TH_SELF_STUDY_STEP_RESULT:
      default:
        _th_window_show_views (self, "result");
        break;
    }
  self->following_path = FALSE;
}

static void
path_step_changed_cb (ThWindow *self)
{
  if (self->self_study && self->document != NULL)
    _th_window_go_to_step (self, th_self_study_path_get_step (self->self_study_path));
}

void
_th_window_set_path_step (ThWindow *self, ThSelfStudyStep step)
{
  ThSelfStudyPath *path = th_window_get_self_study_path (self);

  g_signal_handlers_block_by_func (path, path_step_changed_cb, self);
  th_self_study_path_set_step (path, step);
  g_signal_handlers_unblock_by_func (path, path_step_changed_cb, self);
}

void
_th_window_start_path_over (ThWindow *self)
{
  ThSelfStudyPath *path = th_window_get_self_study_path (self);

  g_signal_handlers_block_by_func (path, path_step_changed_cb, self);
  th_self_study_path_start_over (path);
  g_signal_handlers_unblock_by_func (path, path_step_changed_cb, self);
}

/* When the person uses the view switcher during self-study, the path
 * follows, so that "Next" always means the next thing from here. */
static void
visible_view_changed_cb (ThWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  ThSelfStudyStep step;

  _th_window_update_presenter (self);

  /* Choosing a view puts the keyboard on its content, not on the tab
   * that was clicked: the Workshop view's board, so that the arrows and
   * L / M work at once, and the Cards view's card, so that Space turns
   * it over. */
  if (!self->following_path)
    focus_view_content (self);

  if (!self->self_study || self->following_path || self->document == NULL || view == NULL)
    return;

  if (g_str_equal (view, "cards"))
    step = TH_SELF_STUDY_STEP_LEARN;
  else if (g_str_equal (view, "workshop"))
    {
      ThPhase phase = th_session_get_phase (th_document_get_session (self->document));

      step = phase == TH_PHASE_SORT     ? TH_SELF_STUDY_STEP_SORT
             : phase == TH_PHASE_REVEAL ? TH_SELF_STUDY_STEP_REVEAL
                                        : TH_SELF_STUDY_STEP_REFLECT;
    }
  else
    step = TH_SELF_STUDY_STEP_RESULT;

  _th_window_set_path_step (self, step);
}

/* Welcome page */

void
_th_window_refresh_welcome (ThWindow *self)
{
  GFile *open_file = NULL;
  GFile *open_recovery = NULL;

  /* A welcome page not built yet looks when it is. */
  if (self->welcome_page == NULL)
    return;

  /* The untitled workshop that is open right now is not "unsaved from
   * an earlier run", nor is the open file a recent one to go to. */
  if (self->document != NULL)
    {
      open_file = th_document_get_file (self->document);
      if (open_file == NULL)
        open_recovery = th_document_get_recovery_file (self->document);
    }
  th_welcome_page_reload (self->welcome_page, open_file, open_recovery, self->cancellable);

  if (self->document != NULL || self->visited_views)
    {
      g_autofree char *label = NULL;

      if (self->document != NULL && !self->self_study)
        {
          g_autofree char *name = th_document_dup_display_name (self->document);

          /* Translators: a button on the welcome page back to the open workshop. */
          label = g_strdup_printf (_ ("Continue “%s”"), name);
        }
      else
        label = g_strdup (self->self_study ? _ ("Continue Self-Study") : _ ("Back to the Cards"));
      th_welcome_page_set_continue_label (self->welcome_page, label);
    }
  else
    th_welcome_page_set_continue_label (self->welcome_page, NULL);
}

void
_th_window_show_welcome (ThWindow *self)
{
  _th_window_refresh_welcome (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_switcher_bar (self);
}

/* GObject */

static void
save_window_state (ThWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
th_window_close_request (GtkWindow *window)
{
  ThWindow *self = TH_WINDOW (window);

  /* What the window's workers read or write for it is given up; a save
   * is not: what the workshop waits to write, or is writing, is in its
   * file before the window goes.  A failure has been told on the
   * document's ::save-failed, and written to the recovery folder. */
  g_cancellable_cancel (self->cancellable);
  if (self->chart_widget != NULL && TH_IS_CHART_PAGE (self->chart_widget))
    th_chart_page_cancel (TH_CHART_PAGE (self->chart_widget));
  if (self->document != NULL)
    th_document_flush (self->document, NULL);
  save_window_state (self);
  _th_window_leave_presenter (self);

  return GTK_WINDOW_CLASS (th_window_parent_class)->close_request (window);
}

static void
th_window_dispose (GObject *object)
{
  ThWindow *self = TH_WINDOW (object);
  GTask *task;

  /* What worker threads bring back from now on finds nothing to change:
   * the file being read, and those waiting for it, are given up. */
  g_cancellable_cancel (self->cancellable);
  while ((task = g_queue_pop_head (&self->open_queue)) != NULL)
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
    }
  g_clear_handle_id (&self->busy_timeout_id, g_source_remove);
  g_clear_pointer (&self->opening_lock, th_file_lock_unref);

  _th_window_presenter_dispose (self);
  if (self->shortcuts_window != NULL)
    {
      gtk_window_destroy (self->shortcuts_window);
      g_clear_object (&self->shortcuts_window);
    }
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->busy_title, g_free);
  self->chart_widget = NULL;

  G_OBJECT_CLASS (th_window_parent_class)->dispose (object);
}

static void
th_window_finalize (GObject *object)
{
  ThWindow *self = TH_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (th_window_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_DOCUMENT] = TH_PROPERTY_FIELD (ThWindow, document, NULL),
  [PROP_SESSION] = TH_PROPERTY_GETTER (th_window_get_session, NULL),
};

static void
th_window_class_init (ThWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = th_window_dispose;
  object_class->finalize = th_window_finalize;
  window_class->close_request = th_window_close_request;

  /**
   * ThWindow:document:
   *
   * The open workshop (or self-study) document, or %NULL.
   */
  properties[PROP_DOCUMENT]
    = g_param_spec_object ("document", NULL, NULL, TH_TYPE_DOCUMENT, TH_PARAM_READABLE_EXPLICIT);
  /**
   * ThWindow:session:
   *
   * The session of the open document, or %NULL; for views that bind to it.
   */
  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION, TH_PARAM_READABLE_EXPLICIT);
  th_property_install (object_class, N_PROPS, properties, property_access);

  g_type_ensure (TH_TYPE_CARD_BROWSER);
  g_type_ensure (TH_TYPE_WELCOME_PAGE);
  g_type_ensure (TH_TYPE_WORKSHOP_VIEW);
  g_type_ensure (TH_TYPE_SELF_STUDY_PATH);
  g_type_ensure (TH_TYPE_SELF_STUDY_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, self_study_revealer);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, welcome_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, cards_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, workshop_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, workshop_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, chart_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, result_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, result_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, monitor_submenu);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, export_section);

  _th_window_class_actions_init (klass);
}

/* The main menu's items are made when it first opens (F10 too), not for
 * the first frame. */
static void
create_primary_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  ThWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* A view shows for the first time: it is built now. */
static void
slot_mapped_cb (GtkWidget *slot, ThWindow *self)
{
  if (slot == GTK_WIDGET (self->welcome_slot))
    th_window_get_welcome_page (self);
  else if (slot == GTK_WIDGET (self->cards_slot))
    th_window_get_card_browser (self);
  else if (slot == GTK_WIDGET (self->workshop_slot))
    th_window_get_workshop_view (self);
  else if (slot == self->chart_slot)
    th_window_get_chart_page (self);
  else if (slot == GTK_WIDGET (self->result_slot))
    th_window_get_self_study_result (self);
}

static void
th_window_init (ThWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->open_queue);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", FALSE);

  /* Whichever document is open, the window follows these of it and of
   * its session; _th_window_set_document() swaps the targets. */
  self->document_signals = g_signal_group_new (TH_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "save-failed",
                                 G_CALLBACK (document_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::saved",
                                 G_CALLBACK (_th_window_update_save_error), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (_th_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (update_host_file), self, G_CONNECT_SWAPPED);
  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::title",
                                 G_CALLBACK (_th_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::phase",
                                 G_CALLBACK (_th_window_update_presenter), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);

  {
    g_autoptr (GMenuModel) chart_menu = th_chart_page_get_menu ();

    g_menu_append_section (self->export_section, NULL, chart_menu);
  }
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);
  g_signal_connect_object (self->welcome_slot, "map", G_CALLBACK (slot_mapped_cb), self, 0);
  g_signal_connect_object (self->cards_slot, "map", G_CALLBACK (slot_mapped_cb), self, 0);
  g_signal_connect_object (self->workshop_slot, "map", G_CALLBACK (slot_mapped_cb), self, 0);
  g_signal_connect_object (self->chart_slot, "map", G_CALLBACK (slot_mapped_cb), self, 0);
  g_signal_connect_object (self->result_slot, "map", G_CALLBACK (slot_mapped_cb), self, 0);

  update_pages (self);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
}

ThWindow *
th_window_new (ThApplication *application)
{
  ThWindow *self = g_object_new (TH_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_object_ref (th_application_get_settings (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _th_window_presenter_init (self);

  /* Untitled workshops of an earlier run are offered from the start. */
  _th_window_show_welcome (self);

  return self;
}

/* The Cards view, built now if it has not shown yet. */
ThCardBrowser *
th_window_get_card_browser (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (self->card_browser == NULL)
    {
      self->card_browser = TH_CARD_BROWSER (th_card_browser_new ());
      th_card_browser_set_deck (self->card_browser, _th_window_get_deck (self));
      if (self->settings != NULL && self->self_study)
        th_card_browser_set_settings (self->card_browser, self->settings);
      adw_bin_set_child (self->cards_slot, GTK_WIDGET (self->card_browser));
    }

  return self->card_browser;
}

TH_DEFINE_GETTER (ThPresenterWindow *, th_window_get_presenter, ThWindow, TH_IS_WINDOW, presenter,
                  NULL)

/* The welcome page, built now if it has not shown yet. */
ThWelcomePage *
th_window_get_welcome_page (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (self->welcome_page == NULL)
    {
      self->welcome_page = g_object_new (TH_TYPE_WELCOME_PAGE, NULL);
      adw_bin_set_child (self->welcome_slot, GTK_WIDGET (self->welcome_page));
      _th_window_refresh_welcome (self);
    }

  return self->welcome_page;
}

const char *
th_window_get_visible_view (ThWindow *self)
{
  const char *page;

  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  /* "welcome", "opening" or the name of the view in front. */
  page = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (page, "views") != 0)
    return page;
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
th_window_set_visible_view (ThWindow *self, const char *view)
{
  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (g_str_equal (view, "welcome"))
    _th_window_show_welcome (self);
  else
    _th_window_show_views (self, view);
}

TH_DEFINE_GETTER (const char *, th_window_get_last_error, ThWindow, TH_IS_WINDOW, last_error, NULL)

TH_DEFINE_GETTER (ThDocument *, th_window_get_document, ThWindow, TH_IS_WINDOW, document, NULL)

ThSession *
th_window_get_session (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->document != NULL ? th_document_get_session (self->document) : NULL;
}

/* The Workshop view, built now if it has not shown yet. */
ThWorkshopView *
th_window_get_workshop_view (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (self->workshop_view == NULL)
    {
      self->workshop_view = g_object_new (TH_TYPE_WORKSHOP_VIEW, NULL);
      set_workshop_view_session (self, th_window_get_session (self));
      adw_bin_set_child (self->workshop_slot, GTK_WIDGET (self->workshop_view));
    }

  return self->workshop_view;
}

/* The self-study path above the views, built the first time self-study
 * needs it. */
ThSelfStudyPath *
th_window_get_self_study_path (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (self->self_study_path == NULL)
    {
      self->self_study_path = g_object_new (TH_TYPE_SELF_STUDY_PATH, NULL);
      if (self->self_study && self->document != NULL)
        th_self_study_path_set_session (self->self_study_path,
                                        th_document_get_session (self->document));
      g_signal_connect_object (self->self_study_path, "notify::step",
                               G_CALLBACK (path_step_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_revealer_set_child (self->self_study_revealer, GTK_WIDGET (self->self_study_path));
    }

  return self->self_study_path;
}

/* The self-study result, built now if it has not shown yet. */
ThSelfStudyResult *
th_window_get_self_study_result (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (self->self_study_result == NULL)
    {
      self->self_study_result = g_object_new (TH_TYPE_SELF_STUDY_RESULT, NULL);
      th_self_study_result_set_session (self->self_study_result,
                                        self->self_study ? th_window_get_session (self) : NULL);
      adw_bin_set_child (self->result_slot, GTK_WIDGET (self->self_study_result));
    }

  return self->self_study_result;
}

void
th_window_set_chart_page (ThWindow *self, GtkWidget *chart)
{
  GtkWidget *child;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (chart == NULL || GTK_IS_WIDGET (chart));

  self->chart_chosen = TRUE;
  while ((child = gtk_widget_get_first_child (self->chart_slot)) != NULL)
    gtk_box_remove (GTK_BOX (self->chart_slot), child);

  self->chart_widget = chart;
  if (chart != NULL)
    {
      gtk_widget_set_hexpand (chart, TRUE);
      gtk_widget_set_vexpand (chart, TRUE);
      gtk_box_append (GTK_BOX (self->chart_slot), chart);
      if (TH_IS_CHART_PAGE (chart))
        th_chart_page_set_session (TH_CHART_PAGE (chart), th_window_get_session (self));
    }

  update_pages (self);
}

/* The Chart view (a ThChartPage unless th_window_set_chart_page() chose
 * another), built now if it has not shown yet. */
GtkWidget *
th_window_get_chart_page (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (!self->chart_chosen)
    th_window_set_chart_page (self, th_chart_page_new ());

  return self->chart_widget;
}

gboolean
_th_window_has_chart (ThWindow *self)
{
  return self->chart_widget != NULL || !self->chart_chosen;
}
