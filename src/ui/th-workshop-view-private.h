/* th-workshop-view-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "th-workshop-view.h"

G_BEGIN_DECLS

/* The Workshop view is written in four parts that share this structure:
 *
 *   th-workshop-view.c               the widget, its template and public
 *                                    functions, whose board shows and
 *                                    when, the phases and undo
 *   th-workshop-view-pass.c          Pass the Laptop: the lock and
 *                                    hand-over screens that cover the board
 *                                    and who comes to the laptop next
 *   th-workshop-view-sidebar.c       the list of participants: its rows,
 *                                    the selection and scrolling a row
 *                                    into view
 *   th-workshop-view-participants.c  adding, renaming and removing
 *                                    participants
 */

/* What covers the board while Pass the Laptop is on. */
typedef enum
{
  COVER_NONE,
  /* The lock screen: the selected person's board waits until they are at
   * the laptop. */
  COVER_LOCK,
  /* The hand-over screen: the selected person has just answered every
   * card of the phase, and the laptop goes to the next. */
  COVER_HANDOVER,
} Cover;

struct _ThWorkshopView
{
  GtkWidget parent_instance;

  GSettings *settings;

  AdwFlap *flap;
  GtkWidget *sidebar;
  GtkLabel *participant_count;
  GtkEntry *add_entry;
  GtkListView *participant_list;
  GtkSingleSelection *selection;
  GtkSwitch *pass_switch;
  GtkWidget *toolbar;
  GtkLabel *participant_title;
  GtkWidget *stepper;
  GtkToggleButton *sort_button;
  GtkToggleButton *reveal_button;
  GtkToggleButton *reflect_button;
  GtkToggleButton *fast_entry_button;
  GtkStack *board_stack;
  AdwStatusPage *privacy_page;
  GtkButton *ready_button;
  AdwStatusPage *handover_page;
  GtkButton *handover_button;
  ThSortBoard *sort_board;
  ThRevealBoard *reveal_board;
  ThReflectBoard *reflect_board;
  ThReflectBoard *fast_entry_board;

  ThSession *session;
  /* The participants and the phase of whichever session is shown. */
  GSignalGroup *session_signals;
  ThParticipant *selected;
  /* The "changed" of the selected participant, to see them finish. */
  GSignalGroup *selected_signals;
  /* Whether the selected person had answered every card of the phase. */
  gboolean selected_finished;
  /* Whom the hand-over screen sends the laptop to, or NULL. */
  ThParticipant *next;
  ThWorkshopUndo *undo;
  /* The answer to put the keyboard on once the lock screen is passed. */
  char *pending_focus;

  gboolean guided;
  Cover cover;
  gboolean updating;
  guint focus_board_source;
  /* The participant whose row is to be scrolled into view once the list
   * has laid it out, and the tick callback that waits for that. */
  ThParticipant *scroll_target;
  guint scroll_tick;
  guint scroll_ticks;
  /* Whom each board was last filled for; compared, never dereferenced. */
  gconstpointer sort_filled;
  gconstpointer reflect_filled;
  gconstpointer fast_entry_filled;
};

/* th-workshop-view.c */
void _th_workshop_view_add_toast (ThWorkshopView *self, AdwToast *toast);
/* Shows the board for the phase, the selection and the cover. */
void _th_workshop_view_update_board (ThWorkshopView *self);
void _th_workshop_view_update_reveal_participant (ThWorkshopView *self);
void _th_workshop_view_show_selected (ThWorkshopView *self);
/* Selects @participant as the code's own choice (not a click in the
 * list); with @lock, their board waits behind the lock screen. */
void _th_workshop_view_set_selected (ThWorkshopView *self, ThParticipant *participant,
                                     gboolean lock);
void _th_workshop_view_select_quietly (ThWorkshopView *self, ThParticipant *participant);
void _th_workshop_view_focus_answer (ThWorkshopView *self, const char *behaviour_id);
void _th_workshop_view_undo_or_redo (ThWorkshopView *self, gboolean undo);

/* th-workshop-view-pass.c */
void _th_workshop_view_class_pass_init (ThWorkshopViewClass *klass);
void _th_workshop_view_pass_init (ThWorkshopView *self);
gboolean _th_workshop_view_is_passing (ThWorkshopView *self);
gboolean _th_workshop_view_has_finished (ThWorkshopView *self, ThParticipant *participant);
/* What the lock or hand-over screen says, when @board is one of them. */
void _th_workshop_view_update_cover (ThWorkshopView *self, const char *board);
void _th_workshop_view_focus_cover (ThWorkshopView *self);

/* th-workshop-view-sidebar.c */
void _th_workshop_view_class_sidebar_init (ThWorkshopViewClass *klass);
void _th_workshop_view_sidebar_init (ThWorkshopView *self);
void _th_workshop_view_update_count (ThWorkshopView *self);
guint _th_workshop_view_find_participant_position (ThWorkshopView *self,
                                                   ThParticipant *participant);
void _th_workshop_view_scroll_to_participant (ThWorkshopView *self, ThParticipant *participant);

/* th-workshop-view-participants.c */
void _th_workshop_view_class_participants_init (ThWorkshopViewClass *klass);

G_END_DECLS
