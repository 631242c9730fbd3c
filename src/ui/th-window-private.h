/* th-window-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-deck.h"
#include "th-file-util.h"
#include "th-welcome-page.h"
#include "th-window.h"

G_BEGIN_DECLS

/* The window is written in three parts that share this structure:
 * th-window.c (the widget, its template, the views and what is open),
 * th-window-actions.c (the actions and their file dialogs) and
 * th-window-presenter.c (presenter mode and what the projector shows). */
struct _ThWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *home_button;
  GtkSpinner *busy_spinner;
  GtkRevealer *save_error_revealer;
  GtkLabel *save_error_label;
  GtkRevealer *self_study_revealer;
  ThSelfStudyPath *self_study_path; /* built when self-study first needs it */
  GtkStack *main_stack;
  AdwBin *welcome_slot;
  ThWelcomePage *welcome_page; /* built when first shown */
  AdwStatusPage *opening_page; /* while the first file of a window is read */
  GtkSpinner *opening_spinner;
  AdwViewStack *view_stack;
  /* The views are built the first time they show or are asked for
   * (th_window_get_card_browser() and the like), into these slots: the
   * first frame shows the welcome page only. */
  AdwBin *cards_slot;
  ThCardBrowser *card_browser;
  AdwViewStackPage *workshop_page;
  AdwBin *workshop_slot;
  ThWorkshopView *workshop_view;
  AdwViewStackPage *chart_page;
  GtkWidget *chart_slot;
  AdwViewStackPage *result_page;
  AdwBin *result_slot;
  ThSelfStudyResult *self_study_result;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu; /* given to menu_button when it first opens */
  GMenu *monitor_submenu;
  GtkWindow *shortcuts_window; /* built when first shown */
  GMenu *export_section;

  GSettings *settings;
  ThDeck *deck;
  ThDocument *document;
  /* The signals of the open document and of its session, followed from
   * whichever document is open. */
  GSignalGroup *document_signals;
  GSignalGroup *session_signals;
  char *last_error;

  /* Cancelled when the window closes: what its worker threads bring back
   * after that changes nothing. */
  GCancellable *cancellable;
  /* The file being read (a GTask of th_window_open_file_async()), and
   * those asked for after it, opened in turn. */
  GTask *opening;
  /* The lock of the file being read, taken before the read so that no
   * other window or host writes it in between; the document keeps it. */
  ThFileLock *opening_lock;
  GQueue open_queue;
  /* A session is being read for self-study or an unsaved workshop. */
  gboolean reading_session;
  /* The other jobs started on worker threads (merges, exports) whose
   * results have not come back yet: _th_window_track_job(). */
  guint n_jobs;
  /* What the title says while a file is read, once that takes a while. */
  char *busy_title;
  guint busy_timeout_id;

  GtkWidget *chart_widget; /* in chart_slot */
  /* th_window_set_chart_page() chose the chart (or none): no default
   * chart page is built then. */
  gboolean chart_chosen;
  GtkWidget *host_page; /* while the room is open for this session */

  /* Presenter mode */
  ThPresenterWindow *presenter;
  GSignalGroup *presenter_signals;
  char *presenter_shows; /* what the presenter mirrors: "card", "chart", … */

  /* The open document is the self-study one, with its guided path. */
  gboolean self_study;
  /* The view stack is being switched by the path, not by the person. */
  gboolean following_path;
  /* The views were shown once, so the welcome page offers a way back. */
  gboolean visited_views;
  /* The facilitator agreed to close the room for the action under way. */
  gboolean leaving_room;
};

/* th-window.c */
void _th_window_show_error (ThWindow *self, const char *heading, const char *body);
void _th_window_show_toast (ThWindow *self, const char *title);
void _th_window_show_views (ThWindow *self, const char *view);
void _th_window_show_welcome (ThWindow *self);
void _th_window_refresh_welcome (ThWindow *self);
void _th_window_show_deck (ThWindow *self, ThDeck *deck);
gboolean _th_window_has_chart (ThWindow *self);
ThDeck *_th_window_get_deck (ThWindow *self);
void _th_window_set_document (ThWindow *self, ThDocument *document, gboolean self_study);
void _th_window_open_document (ThWindow *self, ThDocument *document, const char *view);
void _th_window_go_to_step (ThWindow *self, ThSelfStudyStep step);
/* Moves the path to @step without following it to another view. */
void _th_window_set_path_step (ThWindow *self, ThSelfStudyStep step);
/* The path again from its first step, as Start Over begins a new run;
 * the window is not moved (the caller shows the step). */
void _th_window_start_path_over (ThWindow *self);
void _th_window_update_title (ThWindow *self);
void _th_window_update_save_error (ThWindow *self);
void _th_window_add_to_recent (GFile *file);
/* Where the room saves answers: the workshop's file, or its recovery
 * copy while it has none. */
GFile *_th_window_get_save_target (ThWindow *self);
/* Counts @task, just made with the window as its source, in
 * th_window_get_busy() until it has called back. */
void _th_window_track_job (ThWindow *self, GTask *task);

/* th-window-actions.c */
void _th_window_class_actions_init (ThWindowClass *klass);
/* Enables the actions that need an open session, a chart page, … */
void _th_window_actions_update (ThWindow *self);
/* The open dialog's filter for workshops, shared by open and merge. */
GtkFileFilter *_th_window_create_session_filter (void);

/* th-window-merge.c */
void _th_window_merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* th-window-presenter.c */
void _th_window_presenter_init (ThWindow *self);
void _th_window_presenter_dispose (ThWindow *self);
void _th_window_start_presenter (ThWindow *self);
void _th_window_leave_presenter (ThWindow *self);
/* Puts on the projector what goes with the view shown now. */
void _th_window_update_presenter (ThWindow *self);

G_END_DECLS
