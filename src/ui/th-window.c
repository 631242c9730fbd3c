/* th-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-card-browser.h"
#include "th-chart-page.h"
#include "th-fit-bin.h"
#include "th-host-join-screen.h"
#include "th-host-page.h"
#include "th-reveal-board.h"
#include "th-chart-widget.h"
#include "th-csv.h"
#include "th-deck.h"
#include "th-document.h"
#include "th-error.h"
#include "th-loader.h"
#include "th-new-workshop-dialog.h"
#include "th-presenter-window.h"
#include "th-sample.h"
#include "th-self-study-path.h"
#include "th-self-study-result.h"
#include "th-ui-files.h"
#include "th-window.h"
#include "th-workshop-view.h"

#define SESSION_MIME_TYPE "application/x-twohats"
#define MAX_RECENT 6

struct _ThWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *home_button;
  GtkRevealer *save_error_revealer;
  GtkLabel *save_error_label;
  GtkRevealer *self_study_revealer;
  ThSelfStudyPath *self_study_path;
  GtkStack *main_stack;
  GtkWidget *continue_button;
  AdwPreferencesGroup *recovery_group;
  GtkListBox *recovery_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;
  AdwViewStack *view_stack;
  ThCardBrowser *card_browser;
  AdwViewStackPage *workshop_page;
  ThWorkshopView *workshop_view;
  AdwViewStackPage *chart_page;
  GtkWidget *chart_slot;
  AdwViewStackPage *result_page;
  ThSelfStudyResult *self_study_result;
  GMenu *monitor_submenu;
  GMenu *export_section;
  GtkWidget *host_page;  /* while the room is open for this session */
  char *presenter_shows; /* what the presenter mirrors: "card", "chart", … */

  GSettings *settings;
  ThDeck *deck;
  ThDocument *document;
  GtkWidget *chart_widget;
  ThPresenterWindow *presenter;
  char *last_error;

  /* The open document is the self-study one, with its guided path. */
  gboolean self_study;
  /* The view stack is being switched by the path, not by the person. */
  gboolean following_path;
  /* The views were shown once, so the welcome page offers a way back. */
  gboolean visited_views;
};

G_DEFINE_FINAL_TYPE (ThWindow, th_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_welcome (ThWindow *self);

static void
show_error (ThWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (body);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (ThWindow *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* On a narrow window the view switcher moves to the bottom; on the
 * welcome page there is none, nor a button that leads to it. */
static void
update_switcher_bar (ThWindow *self)
{
  gboolean on_views = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0;

  gtk_widget_set_visible (self->home_button, on_views);

  adw_view_switcher_bar_set_reveal (
    self->switcher_bar,
    on_views && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
show_views (ThWindow *self, const char *view)
{
  self->visited_views = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "views");
  if (view != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  update_switcher_bar (self);
}

static void
show_deck (ThWindow *self, ThDeck *deck)
{
  g_set_object (&self->deck, deck);
  th_card_browser_set_deck (self->card_browser, deck);
  show_views (self, "cards");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);
}

static void
focus_current_card (ThWindow *self)
{
  GtkWidget *card = th_card_browser_get_current_card (self->card_browser);

  if (card != NULL)
    gtk_widget_grab_focus (card);
}

static void
add_to_recent (GFile *file)
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

/* "~/Documents/Workshops" for the folder of @file. */
static char *
dup_folder_display_name (GFile *file)
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

/* Document */

static GFile *
get_self_study_file (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);
}

static void
update_title (ThWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

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
        subtitle = dup_folder_display_name (file);
      else
        subtitle = g_strdup (_ ("Draft — kept safe until you save it with a name"));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
}

static void
update_save_error (ThWindow *self)
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

static void
update_pages (ThWindow *self)
{
  gboolean has_session = self->document != NULL;

  adw_view_stack_page_set_visible (self->workshop_page, has_session);
  adw_view_stack_page_set_visible (self->chart_page, has_session && self->chart_widget != NULL);
  adw_view_stack_page_set_visible (self->result_page,
                                   self->self_study && self->chart_widget == NULL);
  gtk_revealer_set_reveal_child (self->self_study_revealer, self->self_study);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.host", has_session && !self->self_study);
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), chart_actions[i].window_action,
                                   has_session && self->chart_widget != NULL);
}

static void
document_save_failed_cb (ThWindow *self, const GError *error)
{
  update_save_error (self);
}

static void update_presenter_content (ThWindow *self);

/* Answers from the room are saved by the server itself before it answers,
 * into the workshop's file or, while it has none, its recovery copy. */
static GFile *
get_save_target (ThWindow *self)
{
  GFile *file = th_document_get_file (self->document);

  return file != NULL ? file : th_document_get_recovery_file (self->document);
}

static void
update_host_file (ThWindow *self)
{
  if (self->host_page != NULL && self->document != NULL)
    th_host_page_set_file (TH_HOST_PAGE (self->host_page), get_save_target (self));
}

static void
host_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);
  AdwViewStackPage *page;

  if (self->document == NULL)
    return;

  if (self->host_page == NULL)
    {
      self->host_page
        = th_host_page_new (th_document_get_session (self->document), get_save_target (self));
      page = adw_view_stack_add_titled (self->view_stack, self->host_page, "room", _ ("Room"));
      adw_view_stack_page_set_icon_name (page, "network-wireless-symbolic");
    }

  show_views (self, "room");
}

static void
set_document (ThWindow *self, ThDocument *document, gboolean self_study)
{
  ThSession *session;

  if (self->document == document && self->self_study == self_study)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (th_document_get_session (self->document), self);
    }

  /* The room belongs to the session it was opened for. */
  if (self->host_page != NULL)
    {
      adw_view_stack_remove (self->view_stack, self->host_page);
      self->host_page = NULL;
    }

  g_set_object (&self->document, document);
  self->self_study = self_study;
  session = document != NULL ? th_document_get_session (document) : NULL;

  th_workshop_view_set_session (self->workshop_view, session);
  th_workshop_view_set_guided (self->workshop_view, self_study);
  th_self_study_path_set_session (self->self_study_path, self_study ? session : NULL);
  th_self_study_result_set_session (self->self_study_result, self_study ? session : NULL);
  if (self->chart_widget != NULL && TH_IS_CHART_PAGE (self->chart_widget))
    th_chart_page_set_session (TH_CHART_PAGE (self->chart_widget), session);

  if (document != NULL)
    {
      g_signal_connect_object (document, "save-failed", G_CALLBACK (document_save_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::saved", G_CALLBACK (update_save_error), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (update_host_file), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::title", G_CALLBACK (update_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::phase", G_CALLBACK (update_presenter_content),
                               self, G_CONNECT_SWAPPED);
    }

  update_pages (self);
  update_title (self);
  update_save_error (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
open_document (ThWindow *self, ThDocument *document, const char *view)
{
  set_document (self, document, FALSE);
  show_views (self, view);
  if (g_strcmp0 (view, "workshop") == 0)
    th_workshop_view_focus_board (self->workshop_view);
}

static gboolean
is_open (ThWindow *self, GFile *file)
{
  GFile *open_file = self->document != NULL ? th_document_get_file (self->document) : NULL;

  return open_file != NULL && g_file_equal (open_file, file);
}

gboolean
th_window_open_file (ThWindow *self, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) loaded = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (is_open (self, file))
    {
      show_views (self, "workshop");
      return TRUE;
    }

  name = g_file_get_basename (file);
  loaded = th_load_file (file, &error);

  /* Whatever is wrong, what is open stays as it is. */
  if (loaded == NULL)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      th_ui_files_explain_error (file, FALSE, &error);
      if (g_error_matches (error, TH_ERROR, TH_ERROR_NEWER_VERSION))
        {
          /* Translators: %s is a file name. */
          heading = g_strdup_printf (_ ("“%s” Needs a Newer Two Hats"), name);
          body = g_strdup_printf (_ ("%s\n\nUpdate Two Hats to open it; this version leaves the "
                                     "file as it is."),
                                  error->message);
        }
      else
        {
          /* Translators: %s is a file name. */
          heading = g_strdup_printf (_ ("Could Not Open “%s”"), name);
          body = g_strdup (error->message);
        }
      show_error (self, heading, body);
      return FALSE;
    }

  if (TH_IS_DECK (loaded))
    {
      g_autofree char *message
        = g_strdup_printf (_ ("Showing the cards of “%s”"), th_deck_get_title (TH_DECK (loaded)));

      show_deck (self, TH_DECK (loaded));
      show_toast (self, message);
      return TRUE;
    }

  {
    g_autoptr (ThDocument) document = th_document_new (TH_SESSION (loaded), file);

    open_document (self, document, "workshop");
    add_to_recent (file);
  }

  return TRUE;
}

/* Self-study */

static void
go_to_step (ThWindow *self, ThSelfStudyStep step)
{
  ThSession *session = th_document_get_session (self->document);

  self->following_path = TRUE;
  switch (step)
    {
      case TH_SELF_STUDY_STEP_LEARN:
        show_views (self, "cards");
        focus_current_card (self);
        break;

      case TH_SELF_STUDY_STEP_SORT:
      case TH_SELF_STUDY_STEP_REVEAL:
      case TH_SELF_STUDY_STEP_REFLECT:
        th_session_set_phase (session, step == TH_SELF_STUDY_STEP_SORT     ? TH_PHASE_SORT
                                       : step == TH_SELF_STUDY_STEP_REVEAL ? TH_PHASE_REVEAL
                                                                           : TH_PHASE_REFLECT);
        show_views (self, "workshop");
        th_workshop_view_focus_board (self->workshop_view);
        break;

      case TH_SELF_STUDY_STEP_RESULT:
      default:
        show_views (self, self->chart_widget != NULL ? "chart" : "result");
        break;
    }
  self->following_path = FALSE;
}

static void
path_step_changed_cb (ThWindow *self)
{
  if (self->self_study && self->document != NULL)
    go_to_step (self, th_self_study_path_get_step (self->self_study_path));
}

/* When the person uses the view switcher during self-study, the path
 * follows, so that "Next" always means the next thing from here. */
static void
mirror_reveal_cb (ThRevealBoard *main_board, GParamSpec *pspec, ThRevealBoard *mirror)
{
  th_reveal_board_set_current (mirror, th_reveal_board_get_current (main_board));
}

/* The projector follows what the facilitator looks at: the reveal while
 * the workshop is in that phase, the chart on the Chart view, and the card
 * otherwise.  Its widgets are mirrors that never show one person's answers. */
static void
update_presenter_content (ThWindow *self)
{
  ThSession *session = th_window_get_session (self);
  const char *view = th_window_get_visible_view (self);
  const char *shows = "card";
  GtkWidget *content = NULL;

  if (self->presenter == NULL)
    return;

  if (session != NULL && g_strcmp0 (view, "chart") == 0)
    shows = "chart";
  else if (session != NULL && g_strcmp0 (view, "workshop") == 0
           && th_session_get_phase (session) == TH_PHASE_REVEAL)
    shows = "reveal";
  else if (self->host_page != NULL && g_strcmp0 (view, "room") == 0)
    shows = "room";

  if (g_strcmp0 (shows, self->presenter_shows) == 0)
    return;
  g_free (self->presenter_shows);
  self->presenter_shows = g_strdup (shows);

  if (g_str_equal (shows, "chart"))
    {
      content = th_chart_widget_new ();
      th_chart_widget_set_session (TH_CHART_WIDGET (content), session);
      if (TH_IS_CHART_PAGE (self->chart_widget))
        th_chart_widget_set_anonymous (
          TH_CHART_WIDGET (content),
          th_chart_page_get_anonymous (TH_CHART_PAGE (self->chart_widget)));
      gtk_widget_add_css_class (content, "presenter-chart");
      th_presenter_window_set_content (self->presenter, content, NULL, NULL, NULL);
    }
  else if (g_str_equal (shows, "reveal"))
    {
      ThRevealBoard *main_board = th_workshop_view_get_reveal_board (self->workshop_view);

      GtkWidget *mirror = th_reveal_board_new ();

      th_reveal_board_set_session (TH_REVEAL_BOARD (mirror), session);
      th_reveal_board_set_presenter (TH_REVEAL_BOARD (mirror), TRUE);
      th_reveal_board_set_current (TH_REVEAL_BOARD (mirror),
                                   th_reveal_board_get_current (main_board));
      g_signal_connect_object (main_board, "notify::current", G_CALLBACK (mirror_reveal_cb), mirror,
                               0);
      /* Laid out at a laptop's width and scaled to the projector. */
      content = th_fit_bin_new (1000);
      th_fit_bin_set_child (TH_FIT_BIN (content), mirror);
      th_presenter_window_set_content (self->presenter, content, GTK_WIDGET (main_board),
                                       "reveal.next", "reveal.previous");
    }
  else if (g_str_equal (shows, "room"))
    {
      content = th_host_join_screen_new (th_host_page_get_server (TH_HOST_PAGE (self->host_page)));
      th_host_join_screen_set_presenter (TH_HOST_JOIN_SCREEN (content), TRUE);
      th_presenter_window_set_content (self->presenter, content, NULL, NULL, NULL);
    }
  else
    th_presenter_window_set_content (self->presenter, NULL, NULL, NULL, NULL);
}

static void
visible_view_changed_cb (ThWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  ThSelfStudyStep step;

  update_presenter_content (self);

  /* Choosing the Workshop view puts the keyboard on the board, so the
   * arrows and L / M work at once. */
  if (g_strcmp0 (view, "workshop") == 0 && !self->following_path)
    th_workshop_view_focus_board (self->workshop_view);

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

  g_signal_handlers_block_by_func (self->self_study_path, path_step_changed_cb, self);
  th_self_study_path_set_step (self->self_study_path, step);
  g_signal_handlers_unblock_by_func (self->self_study_path, path_step_changed_cb, self);
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
        show_error (self, _ ("Self-Study Starts Afresh"), message);
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

      set_document (self, document, TRUE);
      if (th_session_get_n_participants (th_document_get_session (document)) == 0)
        th_session_add_participant (th_document_get_session (document), _ ("You"), NULL);
    }

  if (th_card_browser_get_deck (self->card_browser) == NULL)
    th_card_browser_set_deck (self->card_browser, self->deck);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", TRUE);

  /* Where the person left off, read from their answers. */
  step = th_self_study_path_derive_step (th_document_get_session (self->document));
  g_signal_handlers_block_by_func (self->self_study_path, path_step_changed_cb, self);
  th_self_study_path_set_step (self->self_study_path, step);
  g_signal_handlers_unblock_by_func (self->self_study_path, path_step_changed_cb, self);
  go_to_step (self, step);
}

/* Welcome page */

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
format_when (GDateTime *when)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) local = g_date_time_to_local (when);

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, a g_date_time_format() string. */
    return g_date_time_format (local, _ ("today at %H:%M"));

  /* Translators: a date and time, a g_date_time_format() string. */
  return g_date_time_format (local, _ ("%-d %B %Y at %H:%M"));
}

static GtkWidget *
create_recovery_row (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("_Open"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_ ("_Discard"));
  const char *path = g_file_peek_path (file);

  info
    = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  when = modified != NULL ? format_when (modified) : g_strdup (_ ("an earlier run"));
  /* Translators: a recovered untitled workshop on the welcome page; %s is a date. */
  title = g_strdup_printf (_ ("Unsaved workshop from %s"), when);

  session = th_session_new_from_file (file, &error);
  if (session != NULL)
    {
      guint n = th_session_get_n_participants (session);
      g_autofree char *people = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
      const char *session_title = th_session_get_title (session);

      subtitle = session_title != NULL ? g_strdup_printf ("%s · %s", session_title, people)
                                       : g_steal_pointer (&people);
    }
  else
    /* Translators: a recovery copy that cannot be read; %s is the reason. */
    subtitle = g_strdup_printf (_ ("Damaged: %s"), error->message);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (open, session != NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-recovery");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", path);
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_widget_add_css_class (discard, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-recovery");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  return row;
}

static int
compare_recent_by_modified (gconstpointer a, gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **)b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
fill_recent (ThWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr (GPtrArray) sessions
    = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);
  guint shown = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".twohats")
          && gtk_recent_info_exists (info))
        g_ptr_array_add (sessions, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
  g_ptr_array_sort (sessions, compare_recent_by_modified);

  clear_list (self->recent_list);
  for (guint i = 0; i < sessions->len && shown < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = sessions->pdata[i];
      g_autoptr (GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = dup_folder_display_name (file);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      if (self->document != NULL && is_open (self, file))
        continue;

      name[strlen (name) - strlen (".twohats")] = '\0';

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
refresh_welcome (ThWindow *self)
{
  g_autoptr (GPtrArray) recovery = th_document_list_recovery ();
  GFile *own_recovery = NULL;
  guint shown = 0;

  /* The untitled workshop that is open right now is not "unsaved from
   * an earlier run". */
  if (self->document != NULL && th_document_get_file (self->document) == NULL)
    own_recovery = th_document_get_recovery_file (self->document);

  clear_list (self->recovery_list);
  for (guint i = 0; i < recovery->len; i++)
    {
      if (own_recovery != NULL && g_file_equal (own_recovery, recovery->pdata[i]))
        continue;
      gtk_list_box_append (self->recovery_list, create_recovery_row (recovery->pdata[i]));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), shown > 0);

  fill_recent (self);

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
      gtk_button_set_label (GTK_BUTTON (self->continue_button), label);
      gtk_widget_set_visible (self->continue_button, TRUE);
    }
  else
    gtk_widget_set_visible (self->continue_button, FALSE);
}

static void
show_welcome (ThWindow *self)
{
  refresh_welcome (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  update_switcher_bar (self);
}

static void
home_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_welcome (TH_WINDOW (widget));
}

static void
continue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->self_study)
    go_to_step (self, th_self_study_path_get_step (self->self_study_path));
  else
    show_views (self, NULL);
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
      show_error (self, _ ("Could Not Open the Unsaved Workshop"), error->message);
      return;
    }

  open_document (self, document, "workshop");
  show_toast (self, _ ("Recovered. Press Ctrl+S to save it with a name."));
}

static void
discard_response_cb (AdwMessageDialog *dialog, const char *response, ThWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "th-file");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (!th_document_delete_recovery (file, &error))
    show_error (self, _ ("Could Not Discard the Unsaved Workshop"), error->message);
  refresh_welcome (self);
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

  th_window_open_file (TH_WINDOW (widget), file);
}

/* New, sample, open */

static void
workshop_created_cb (ThWindow *self, ThSession *session)
{
  g_autoptr (ThDocument) document = th_document_new (session, NULL);
  g_autoptr (GError) error = NULL;

  /* The names just typed are worth keeping from this moment on. */
  th_document_save (document, &error);

  open_document (self, document, "workshop");
  if (th_session_get_n_participants (session) == 0)
    gtk_widget_grab_focus (th_workshop_view_get_add_entry (self->workshop_view));
  show_toast (self, _ ("Saved as a draft as you go. Press Ctrl+S to give it a name."));
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
  open_document (self, document, "workshop");
  show_toast (self, _ ("A made-up group of twelve. Change anything; Save As keeps a copy."));
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      th_window_open_file (self, file);
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
      show_error (self, heading, error->message);
      return FALSE;
    }

  add_to_recent (file);
  update_title (self);
  update_save_error (self);
  /* Translators: %s is a file name. */
  message = g_strdup_printf (_ ("Saved as “%s”"), name);
  show_toast (self, message);
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
      show_toast (self, _ ("All changes are saved"));
      return;
    }

  if (!th_document_save (self->document, &error))
    {
      g_autofree char *name = th_document_dup_display_name (self->document);
      g_autofree char *heading = g_strdup_printf (_ ("Could Not Save “%s”"), name);

      th_ui_files_explain_error (th_document_get_file (self->document), TRUE, &error);
      show_error (self, heading, error->message);
      return;
    }

  update_save_error (self);
  show_toast (self, _ ("All changes are saved"));
}

/* Merge */

gboolean
th_window_merge_file (ThWindow *self, GFile *file, GString *report)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) loaded = NULL;
  g_autofree char *name = NULL;
  ThSession *session;
  ThSession *other;
  g_autoptr (GPtrArray) renamed = g_ptr_array_new ();
  g_autoptr (GPtrArray) same_name = g_ptr_array_new ();
  int n;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  name = g_file_get_basename (file);
  if (self->document == NULL)
    return FALSE;
  session = th_document_get_session (self->document);

  loaded = th_load_file (file, &error);
  if (loaded != NULL && !TH_IS_SESSION (loaded))
    g_set_error (&error, TH_ERROR, TH_ERROR_USAGE, _ ("this is a card deck, not a workshop"));
  if (error != NULL)
    {
      th_ui_files_explain_error (file, FALSE, &error);
      /* Translators: a line of the merge report: file name, then what is wrong. */
      g_string_append_printf (report, _ ("%s: not merged — %s"), name, error->message);
      g_string_append_c (report, '\n');
      return FALSE;
    }
  other = TH_SESSION (loaded);

  /* What the merge will do to each newcomer, told before it happens so
   * that nobody is surprised by an id or a name that appears twice. */
  for (guint i = 0; i < th_session_get_n_participants (other); i++)
    {
      ThParticipant *theirs = th_session_get_participant (other, i);

      if (th_session_lookup_participant (session, th_participant_get_id (theirs)) != NULL)
        g_ptr_array_add (renamed, theirs);
      for (guint j = 0; j < th_session_get_n_participants (session); j++)
        if (g_strcmp0 (th_participant_get_name (th_session_get_participant (session, j)),
                       th_participant_get_name (theirs))
            == 0)
          {
            g_ptr_array_add (same_name, theirs);
            break;
          }
    }

  n = th_session_merge (session, other, &error);
  if (n < 0)
    {
      g_string_append_printf (report, _ ("%s: not merged — %s"), name, error->message);
      g_string_append_c (report, '\n');
      return FALSE;
    }

  g_string_append_printf (
    report,
    g_dngettext (GETTEXT_PACKAGE, "%s: %d participant added", "%s: %d participants added", n), name,
    n);
  g_string_append_c (report, '\n');
  if (renamed->len > 0)
    {
      g_string_append_printf (
        report,
        g_dngettext (GETTEXT_PACKAGE, "  %u had an id already in use and got a new one",
                     "  %u had ids already in use and got new ones", renamed->len),
        renamed->len);
      g_string_append_c (report, '\n');
    }
  for (guint i = 0; i < same_name->len; i++)
    {
      /* Translators: a merge note; %s is a participant's name. */
      g_string_append_printf (report,
                              _ ("  “%s” was here already; both are kept — rename or remove one "
                                 "if they are the same person"),
                              th_participant_get_name (same_name->pdata[i]));
      g_string_append_c (report, '\n');
    }

  return TRUE;
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

gboolean
th_window_export_csv (ThWindow *self, GFile *file, GError **error)
{
  g_autoptr (GBytes) csv = NULL;
  gboolean anonymous;

  g_return_val_if_fail (TH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE, _ ("No workshop is open"));
      return FALSE;
    }

  /* @file need not have a local path (a portal, a network location):
   * it is written through GIO then, and the error says where it cannot. */
  anonymous = g_settings_get_boolean (self->settings, "anonymous-default");
  csv = th_session_to_csv (th_document_get_session (self->document), anonymous);
  return th_ui_files_write (file, csv, NULL, error);
}

static void
export_csv_response_cb (GtkNativeDialog *dialog, int response, ThWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr (GError) error = NULL;

      if (th_window_export_csv (self, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_ ("Scores exported to “%s”"), name);

          show_toast (self, message);
          if (folder != NULL && g_file_peek_path (folder) != NULL)
            g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (folder));
        }
      else
        {
          g_autofree char *heading = g_strdup_printf (_ ("Could Not Export “%s”"), name);

          show_error (self, heading, error->message);
        }
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

static GdkMonitor *
pick_presenter_monitor (ThWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n_monitors = g_list_model_get_n_items (monitors);
  int chosen = g_settings_get_int (self->settings, "presenter-monitor");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *own = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  if (chosen >= 0 && (guint)chosen < n_monitors)
    return g_list_model_get_item (monitors, chosen);

  /* Automatic: the first monitor that is not the facilitator's own. */
  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr (GdkMonitor) candidate = g_list_model_get_item (monitors, i);

      if (candidate != own)
        return g_steal_pointer (&candidate);
    }

  return n_monitors > 0 ? g_list_model_get_item (monitors, 0) : NULL;
}

static void
presenter_destroyed_cb (ThWindow *self)
{
  self->presenter = NULL;
  g_clear_pointer (&self->presenter_shows, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
}

static void
start_presenter (ThWindow *self)
{
  g_autoptr (GdkMonitor) monitor = NULL;

  if (self->presenter != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presenter));
      return;
    }

  if (th_card_browser_get_deck (self->card_browser) == NULL)
    show_deck (self, self->deck);

  show_views (self, NULL);
  self->presenter = th_presenter_window_new (self->card_browser);
  th_presenter_window_set_timer_minutes (
    self->presenter, g_settings_get_int (self->settings, "presenter-timer-minutes"));
  g_signal_connect_object (self->presenter, "destroy", G_CALLBACK (presenter_destroyed_cb), self,
                           G_CONNECT_SWAPPED);

  monitor = pick_presenter_monitor (self);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      /* The monitor's size, too, for sessions whose window manager ignores
       * full-screen requests. */
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self->presenter), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self->presenter));
  update_presenter_content (self);
  gtk_window_present (GTK_WINDOW (self->presenter));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
}

static void
leave_presenter (ThWindow *self)
{
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
}

static void
present_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWindow *self = TH_WINDOW (widget);

  if (self->presenter != NULL)
    leave_presenter (self);
  else
    start_presenter (self);
}

static void
leave_presenter_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  leave_presenter (TH_WINDOW (widget));
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

static void
fullscreen_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
update_monitor_menu (ThWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GMenuItem) automatic = NULL;

  g_menu_remove_all (self->monitor_submenu);
  automatic = g_menu_item_new (_ ("Automatic"), NULL);
  g_menu_item_set_action_and_target (automatic, "win.presenter-monitor", "i", -1);
  g_menu_append_item (self->monitor_submenu, automatic);

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      GdkRectangle geometry;
      const char *model = gdk_monitor_get_model (monitor);

      gdk_monitor_get_geometry (monitor, &geometry);
      /* Translators: a screen in the presenter menu, e.g. "Screen 2: DELL P2419H (1920×1080)". */
      label = g_strdup_printf (_ ("Screen %u: %s (%d×%d)"), i + 1, model ? model : _ ("Unknown"),
                               geometry.width, geometry.height);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.presenter-monitor", "i", (gint32)i);
      g_menu_append_item (self->monitor_submenu, item);
    }
}

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

  save_window_state (self);
  leave_presenter (self);

  return GTK_WINDOW_CLASS (th_window_parent_class)->close_request (window);
}

static void
th_window_dispose (GObject *object)
{
  ThWindow *self = TH_WINDOW (object);

  if (self->presenter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presenter, self);
      gtk_window_destroy (GTK_WINDOW (self->presenter));
      self->presenter = NULL;
    }
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (th_document_get_session (self->document), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->deck);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->presenter_shows, g_free);
  self->chart_widget = NULL;

  G_OBJECT_CLASS (th_window_parent_class)->dispose (object);
}

static void
th_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThWindow *self = TH_WINDOW (object);

  switch (prop_id)
    {
      case PROP_DOCUMENT:
        g_value_set_object (value, self->document);
        break;
      case PROP_SESSION:
        g_value_set_object (value, th_window_get_session (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_window_class_init (ThWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = th_window_dispose;
  object_class->get_property = th_window_get_property;
  window_class->close_request = th_window_close_request;

  /**
   * ThWindow:document:
   *
   * The open workshop (or self-study) document, or %NULL.
   */
  properties[PROP_DOCUMENT]
    = g_param_spec_object ("document", NULL, NULL, TH_TYPE_DOCUMENT,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ThWindow:session:
   *
   * The session of the open document, or %NULL; for views that bind to it.
   */
  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TH_TYPE_CARD_BROWSER);
  g_type_ensure (TH_TYPE_WORKSHOP_VIEW);
  g_type_ensure (TH_TYPE_SELF_STUDY_PATH);
  g_type_ensure (TH_TYPE_SELF_STUDY_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, home_button);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, self_study_revealer);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, self_study_path);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, continue_button);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, recovery_list);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, card_browser);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, workshop_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, workshop_view);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, chart_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, chart_slot);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, result_page);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, self_study_result);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, monitor_submenu);
  gtk_widget_class_bind_template_child (widget_class, ThWindow, export_section);

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
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
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

static void
th_window_init (ThWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", FALSE);

  self->deck = th_deck_new_builtin ();

  g_signal_connect_object (self->self_study_path, "notify::step", G_CALLBACK (path_step_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);

  {
    g_autoptr (GMenuModel) chart_menu = th_chart_page_get_menu ();

    g_menu_append_section (self->export_section, NULL, chart_menu);
  }
  th_window_set_chart_page (self, th_chart_page_new ());

  update_pages (self);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
}

ThWindow *
th_window_new (ThApplication *application)
{
  ThWindow *self = g_object_new (TH_TYPE_WINDOW, "application", application, NULL);

  g_autoptr (GAction) monitor_action = NULL;

  self->settings = g_object_ref (th_application_get_settings (application));
  /* A settings action gives the menu radio items that show the choice. */
  monitor_action = g_settings_create_action (self->settings, "presenter-monitor");
  g_action_map_add_action (G_ACTION_MAP (self), monitor_action);
  th_card_browser_set_settings (self->card_browser, self->settings);
  th_card_browser_set_deck (self->card_browser, self->deck);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (update_monitor_menu), self,
                           G_CONNECT_SWAPPED);
  update_monitor_menu (self);

  /* Untitled workshops of an earlier run are offered from the start. */
  show_welcome (self);

  return self;
}

ThCardBrowser *
th_window_get_card_browser (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->card_browser;
}

ThPresenterWindow *
th_window_get_presenter (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->presenter;
}

const char *
th_window_get_visible_view (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    return "welcome";
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
th_window_set_visible_view (ThWindow *self, const char *view)
{
  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (g_str_equal (view, "welcome"))
    show_welcome (self);
  else
    show_views (self, view);
}

const char *
th_window_get_last_error (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->last_error;
}

ThDocument *
th_window_get_document (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->document;
}

ThSession *
th_window_get_session (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->document != NULL ? th_document_get_session (self->document) : NULL;
}

ThWorkshopView *
th_window_get_workshop_view (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->workshop_view;
}

ThSelfStudyPath *
th_window_get_self_study_path (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->self_study_path;
}

ThSelfStudyResult *
th_window_get_self_study_result (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->self_study_result;
}

void
th_window_set_chart_page (ThWindow *self, GtkWidget *chart)
{
  GtkWidget *child;

  g_return_if_fail (TH_IS_WINDOW (self));
  g_return_if_fail (chart == NULL || GTK_IS_WIDGET (chart));

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

GtkWidget *
th_window_get_chart_page (ThWindow *self)
{
  g_return_val_if_fail (TH_IS_WINDOW (self), NULL);

  return self->chart_widget;
}
