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
#include "th-error-dialog.h"
#include "th-error.h"
#include "th-host-page.h"
#include "th-loader.h"
#include "th-new-workshop-dialog.h"
#include "th-sample.h"
#include "th-ui-files.h"
#include "th-window-private.h"

/* The window's actions, installed on its class, and the file dialogs
 * they open: new, open, save, save as and export (merging has a file of
 * its own, th-window-merge.c). */

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

  GtkWidget *chart = th_window_get_chart_page (self);

  if (chart == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    if (g_str_equal (action_name, chart_actions[i].window_action))
      gtk_widget_activate_action (chart, chart_actions[i].page_action, NULL);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.self-study-over",
                                 has_session && self->self_study);
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), chart_actions[i].window_action,
                                   has_session && _th_window_has_chart (self));
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

/* Opening something else closes the room of the workshop on screen, and
 * the phones in it lose their way to it: with anyone in the room, the
 * facilitator is asked first, and the action goes on once they agree. */

typedef struct
{
  ThWindow *self;
  char *action_name;
  GVariant *parameter;
} LeaveRoom;

static void
leave_room_free (LeaveRoom *leave)
{
  g_object_unref (leave->self);
  g_free (leave->action_name);
  g_clear_pointer (&leave->parameter, g_variant_unref);
  g_free (leave);
}

static void
leave_room_response_cb (AdwMessageDialog *dialog, const char *response, LeaveRoom *leave)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      leave->self->leaving_room = TRUE;
      gtk_widget_activate_action_variant (GTK_WIDGET (leave->self), leave->action_name,
                                          leave->parameter);
      leave->self->leaving_room = FALSE;
    }
  leave_room_free (leave);
}

static guint
n_in_room (ThWindow *self)
{
  ThRoomServer *server;

  if (self->host_page == NULL)
    return 0;
  server = th_host_page_get_server (TH_HOST_PAGE (self->host_page));
  if (server == NULL || !th_room_server_get_running (server))
    return 0;
  return g_list_model_get_n_items (th_room_server_get_guests (server));
}

/* TRUE when @action_name waits for the facilitator's answer (it is
 * activated again if they agree); FALSE when it may go on now. */
static gboolean
ask_before_leaving_room (ThWindow *self, const char *action_name, GVariant *parameter)
{
  guint n = n_in_room (self);
  AdwMessageDialog *dialog;
  LeaveRoom *leave;
  g_autofree char *body = NULL;

  if (self->leaving_room || n == 0)
    return FALSE;

  /* Translators: %u is the number of people who joined from their phones. */
  body = g_strdup_printf (
    ngettext ("%u person has joined this workshop’s room. Opening something else closes the room: "
              "their phone can no longer reach it. Every answer already sent is saved.",
              "%u people have joined this workshop’s room. Opening something else closes the "
              "room: their phones can no longer reach it. Every answer already sent is saved.",
              n),
    n);
  dialog
    = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _ ("Close the Room?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "close", _ ("_Close the Room"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  leave = g_new0 (LeaveRoom, 1);
  leave->self = g_object_ref (self);
  leave->action_name = g_strdup (action_name);
  leave->parameter = parameter != NULL ? g_variant_ref (parameter) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (leave_room_response_cb), leave);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Reading a session to open (self-study, an unsaved workshop) */

/* What to do with the session read from @file, or with @error; *@lock is
 * the file's, taken before the read (NULL without a local path), and may
 * be let go of (cleared) here. */
typedef void (*SessionReadFunc) (ThWindow *self, GFile *file, ThFileLock **lock, ThSession *session,
                                 const GError *error);

typedef struct
{
  ThWindow *self;
  GFile *file;
  ThFileLock *lock;
  ThUiProgress *progress;
  SessionReadFunc done;
} SessionRead;

static void
session_read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  SessionRead *read = user_data;
  g_autoptr (GObject) loaded = NULL;
  g_autoptr (GError) error = NULL;

  loaded = th_load_file_finish (result, &error);
  th_ui_progress_done (read->progress);
  read->self->reading_session = FALSE;

  /* The window closed while the file was read: nothing changes, and the
   * lock goes with the read. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_cancellable_is_cancelled (read->self->cancellable))
    {
      if (loaded != NULL && !TH_IS_SESSION (loaded))
        g_set_error (&error, TH_ERROR, TH_ERROR_USAGE, _ ("this is a card deck, not a workshop"));
      read->done (read->self, read->file, &read->lock, error == NULL ? TH_SESSION (loaded) : NULL,
                  error);
    }

  g_clear_pointer (&read->lock, th_file_lock_unref);
  g_object_unref (read->file);
  g_object_unref (read->self);
  g_free (read);
}

/* Reads the session in @file on a worker thread with the window's
 * cancellable, then hands it to @done on the main thread; a toast says
 * @progress_title once that takes a while.  Takes @lock, and keeps it
 * until then.  One at a time: see self->reading_session. */
static void
read_session_async (ThWindow *self, GFile *file, ThFileLock *lock, const char *progress_title,
                    SessionReadFunc done)
{
  SessionRead *read = g_new0 (SessionRead, 1);

  read->self = g_object_ref (self);
  read->file = g_object_ref (file);
  read->lock = lock;
  read->progress = th_ui_progress_start (self->toast_overlay, progress_title);
  read->done = done;
  self->reading_session = TRUE;
  th_load_file_async (file, self->cancellable, session_read_cb, read);
}

/* The lock of @file for a read that opens it, as th_document_open() takes
 * it: FALSE with @error when another window or host holds it or the file
 * cannot be opened; @lock stays NULL for a file without a local path. */
static gboolean
lock_before_reading (GFile *file, ThFileLock **lock, GError **error)
{
  g_autoptr (ThFileLock) taken = NULL;

  if (g_file_peek_path (file) == NULL)
    return TRUE;

  taken = th_file_lock_new (g_file_peek_path (file));
  if (!th_file_lock_acquire (taken, error))
    return FALSE;

  *lock = g_steal_pointer (&taken);
  return TRUE;
}

/* Self-study */

static GFile *
get_self_study_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
}

/* Where the person left off, read from their answers. */
static void
go_on_with_self_study (ThWindow *self)
{
  ThSelfStudyStep step;

  if (th_card_browser_get_deck (th_window_get_card_browser (self)) == NULL)
    th_card_browser_set_deck (th_window_get_card_browser (self), _th_window_get_deck (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);

  step = th_self_study_path_derive_step (th_document_get_session (self->document));
  _th_window_set_path_step (self, step);
  _th_window_go_to_step (self, step);
}

/* @fresh: a new run, which counts its own cards seen, from none. */
static void
start_self_study (ThWindow *self, ThDocument *document, gboolean fresh)
{
  _th_window_set_document (self, document, TRUE);
  if (th_session_get_n_participants (th_document_get_session (document)) == 0)
    th_session_add_participant (th_document_get_session (document), _ ("You"), NULL);
  if (fresh)
    {
      if (th_card_browser_get_deck (th_window_get_card_browser (self)) == NULL)
        th_card_browser_set_deck (th_window_get_card_browser (self), _th_window_get_deck (self));
      th_card_browser_start_afresh (th_window_get_card_browser (self));
    }
  go_on_with_self_study (self);
}

/* A fresh start, in @file, which nothing holds now. */
static void
start_self_study_afresh (ThWindow *self, GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThDocument) document = NULL;

  g_mkdir_with_parents (g_file_peek_path (folder), 0700);
  th_session_set_title (session, _ ("Self-Study"));
  th_session_add_participant (session, _ ("You"), NULL);

  /* The file is written with the first answer, so browsing the cards
   * leaves nothing behind. */
  document = th_document_new (session, file);
  start_self_study (self, document, TRUE);
}

/* The progress file could not be read (@error says why): it is put
 * aside, never overwritten, for the person may want it looked at. */
static void
self_study_damaged (ThWindow *self, GFile *file, const GError *error)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
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
  start_self_study_afresh (self, file);
}

static void
self_study_read_cb (ThWindow *self, GFile *file, ThFileLock **lock, ThSession *session,
                    const GError *error)
{
  g_autoptr (ThDocument) document = NULL;

  /* Another workshop opened as self-study while this one was read. */
  if (self->self_study)
    return;

  if (session == NULL)
    {
      /* The file is set aside below: it is nobody's to hold any more. */
      g_clear_pointer (lock, th_file_lock_unref);
      self_study_damaged (self, file, error);
      return;
    }

  document = th_document_new_locked (session, file, *lock);
  start_self_study (self, document, FALSE);
}

static void
self_study_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (GFile) file = NULL;
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (GError) error = NULL;

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

  if (self->self_study)
    {
      go_on_with_self_study (self);
      return;
    }

  /* Asked again while the file is read (a second click): it is on its
   * way, and its lock is taken. */
  if (self->reading_session)
    return;

  file = get_self_study_file ();
  if (!g_file_query_exists (file, NULL))
    {
      start_self_study_afresh (self, file);
      return;
    }

  if (!lock_before_reading (file, &lock, &error))
    {
      /* Open in another window: that window's to write, and nothing is
       * wrong with the file. */
      if (g_error_matches (error, TH_ERROR, TH_ERROR_LOCKED))
        _th_window_show_error (self, _ ("Self-Study Is Already Open"),
                               _ ("Your self-study is open in another Two Hats window. Carry "
                                  "on there, or close it there and start it here again."));
      else
        self_study_damaged (self, file, error);
      return;
    }

  /* A long self-study file is read off the main thread, as any file is. */
  read_session_async (self, file, g_steal_pointer (&lock), _ ("Opening your self-study…"),
                      self_study_read_cb);
}

/* Starting over: the learner's answers go, and the run begins again at
 * the cards; a copy of the run is kept only when asked for. */
static void
self_study_over_response_cb (AdwMessageDialog *dialog, const char *response, ThWindow *self)
{
  ThSession *session;
  ThParticipant *you;
  g_autofree char *you_id = NULL;

  if (g_strcmp0 (response, "over") != 0 && g_strcmp0 (response, "copy") != 0)
    return;
  if (!self->self_study || self->document == NULL)
    return;
  session = th_document_get_session (self->document);

  if (g_str_equal (response, "copy"))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H.%M");
      /* Translators: the file a finished self-study is kept in, with the date and time. */
      g_autofree char *name = g_strdup_printf (_ ("Self-Study %s.twohats"), stamp);
      g_autofree char *path
        = g_build_filename (documents != NULL ? documents : g_get_home_dir (), name, NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      data = th_session_to_data (session, &length);
      if (!th_file_write_atomic (path, data, length, &error))
        {
          /* Nothing is cleared when the copy could not be kept. */
          _th_window_show_error (self, _ ("Could Not Keep a Copy"), error->message);
          return;
        }
      else
        {
          /* Translators: %s is where the copy was written. A toast's title
           * is markup, so the path is escaped. */
          g_autofree char *kept = g_markup_printf_escaped (_ ("A copy was kept in %s"), path);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (kept));
        }
    }

  /* A new "You", with nothing sorted or rated and the cards in a new
   * order; the old one goes. */
  you
    = th_session_get_n_participants (session) > 0 ? th_session_get_participant (session, 0) : NULL;
  if (you != NULL)
    you_id = g_strdup (th_participant_get_id (you));
  th_session_add_participant (session, _ ("You"), NULL);
  if (you_id != NULL)
    th_session_remove_participant (session, you_id);
  /* The phase is where the Workshop view opens: left at the key or the
   * ratings, it would put the new run past steps it has not taken. */
  th_session_set_phase (session, TH_PHASE_SORT);
  th_card_browser_start_afresh (th_window_get_card_browser (self));

  _th_window_start_path_over (self);
  _th_window_go_to_step (self, TH_SELF_STUDY_STEP_LEARN);
}

static void
self_study_over_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  AdwMessageDialog *dialog;

  if (!self->self_study)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), _ ("Start Over?"),
    _ ("Your sorting and ratings of this run will be cleared, and you start again at the "
       "cards. Keep a copy first if you want to look back at this run.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "copy",
                                    _ ("_Keep a Copy and Start Over"), "over", _ ("_Start Over"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "over", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (self_study_over_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
    _th_window_go_to_step (self,
                           th_self_study_path_get_step (th_window_get_self_study_path (self)));
  else
    _th_window_show_views (self, NULL);
}

static void
recovery_read_cb (ThWindow *self, GFile *file, ThFileLock **lock, ThSession *session,
                  const GError *error)
{
  g_autoptr (ThDocument) document = NULL;

  if (session == NULL)
    {
      _th_window_show_error (self, _ ("Could Not Open the Unsaved Workshop"), error->message);
      return;
    }

  document = th_document_new_for_recovery (session, file, *lock);
  _th_window_open_document (self, document, "workshop");
  _th_window_show_toast (self, _ ("Recovered. Press Ctrl+S to save it with a name."));
}

static void
open_recovery_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (GError) error = NULL;

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

  /* Asked again while a file is read (a second click): that one is on
   * its way, and its lock is taken. */
  if (self->reading_session)
    return;

  /* A copy another window has recovered already is that window's. */
  if (!lock_before_reading (file, &lock, &error))
    {
      _th_window_show_error (self, _ ("Could Not Open the Unsaved Workshop"), error->message);
      return;
    }

  read_session_async (self, file, g_steal_pointer (&lock), _ ("Opening the unsaved workshop…"),
                      recovery_read_cb);
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

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

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
    gtk_widget_grab_focus (th_workshop_view_get_add_entry (th_window_get_workshop_view (self)));
  _th_window_show_toast (self, _ ("Saved as a draft as you go. Press Ctrl+S to give it a name."));
}

static void
new_workshop_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  g_autoptr (ThDeck) deck = NULL;
  ThNewWorkshopDialog *dialog;

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

  deck = th_deck_new_builtin ();
  dialog = th_new_workshop_dialog_new (GTK_WINDOW (self), deck);

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

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

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

GtkFileFilter *
_th_window_create_session_filter (void)
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
  g_autoptr (GtkFileFilter) sessions = _th_window_create_session_filter ();
  g_autoptr (GtkFileFilter) decks = gtk_file_filter_new ();

  if (ask_before_leaving_room (TH_WINDOW (widget), action_name, parameter))
    return;

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
  g_autoptr (GtkFileFilter) filter = _th_window_create_session_filter ();
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
  _th_window_track_job (self, task);

  if (self->document == NULL)
    {
      g_task_return_new_error (task, TH_ERROR, TH_ERROR_USAGE, _ ("No workshop is open"));
      return;
    }

  /* The scores as they are now, taken here on the main thread: the room
   * may change the session while the file is written.  Anonymous as the
   * chart shows it now (its switch starts from the preference): what the
   * room sees on the projector is what leaves in the file. */
  anonymous = TH_IS_CHART_PAGE (self->chart_widget)
                ? th_chart_page_get_anonymous (TH_CHART_PAGE (self->chart_widget))
                : g_settings_get_boolean (self->settings, "anonymous-default");
  data = g_new0 (ExportCsvData, 1);
  data->file = g_object_ref (file);
  data->csv = th_session_to_csv (th_document_get_session (self->document), anonymous);
  g_task_set_task_data (task, data, (GDestroyNotify)export_csv_data_free);
  th_ui_run_in_thread (task, export_csv_thread, NULL);
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

/* The shortcuts window is built the first time it is asked for, not with
 * every window (as GtkApplication would build gtk/help-overlay.ui). */
static void
show_shortcuts_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr (GtkBuilder) builder
        = gtk_builder_new_from_resource ("/io/github/twohats/TwoHats/th-shortcuts-window.ui");

      self->shortcuts_window
        = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

void
_th_window_class_actions_init (ThWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.new-workshop", NULL, new_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, _th_window_merge_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.self-study", NULL, self_study_action);
  gtk_widget_class_install_action (widget_class, "win.self-study-over", NULL,
                                   self_study_over_action);
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
