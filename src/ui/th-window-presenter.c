/* th-window-presenter.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-chart-page.h"
#include "th-chart-widget.h"
#include "th-fit-bin.h"
#include "th-host-join-screen.h"
#include "th-host-page.h"
#include "th-reveal-board.h"
#include "th-window-private.h"

/* Presenter mode: a second, full-screen window on the projector that
 * follows what the facilitator looks at — the card, the reveal, the chart
 * or the room's join screen. */

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
  g_signal_group_set_target (self->presenter_signals, NULL);
  g_clear_pointer (&self->presenter_shows, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
}

void
_th_window_start_presenter (ThWindow *self)
{
  g_autoptr (GdkMonitor) monitor = NULL;

  if (self->presenter != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presenter));
      return;
    }

  if (th_card_browser_get_deck (th_window_get_card_browser (self)) == NULL)
    _th_window_show_deck (self, _th_window_get_deck (self));

  _th_window_show_views (self, NULL);
  self->presenter = th_presenter_window_new (th_window_get_card_browser (self));
  th_presenter_window_set_timer_minutes (
    self->presenter, g_settings_get_int (self->settings, "presenter-timer-minutes"));
  g_signal_group_set_target (self->presenter_signals, self->presenter);

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
  _th_window_update_presenter (self);
  gtk_window_present (GTK_WINDOW (self->presenter));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presenter", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.blank", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.timer", TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
}

void
_th_window_leave_presenter (ThWindow *self)
{
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
}

/* The projector shows the card the facilitator shows, and its key once
 * the facilitator has shown it. */
static void
mirror_reveal_cb (ThRevealBoard *main_board, GParamSpec *pspec, ThRevealBoard *mirror)
{
  th_reveal_board_set_current (mirror, th_reveal_board_get_current (main_board));
  if (th_reveal_board_get_key_shown (main_board))
    th_reveal_board_show_key (mirror);
}

/* The projector follows what the facilitator looks at: the reveal while
 * the workshop is in that phase, the chart on the Chart view, and the card
 * otherwise.  Its widgets are mirrors that never show one person's answers. */
void
_th_window_update_presenter (ThWindow *self)
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
      ThRevealBoard *main_board
        = th_workshop_view_get_reveal_board (th_window_get_workshop_view (self));

      GtkWidget *mirror = th_reveal_board_new ();

      th_reveal_board_set_session (TH_REVEAL_BOARD (mirror), session);
      th_reveal_board_set_presenter (TH_REVEAL_BOARD (mirror), TRUE);
      mirror_reveal_cb (main_board, NULL, TH_REVEAL_BOARD (mirror));
      g_signal_connect_object (main_board, "notify::current", G_CALLBACK (mirror_reveal_cb), mirror,
                               0);
      g_signal_connect_object (main_board, "notify::key-shown", G_CALLBACK (mirror_reveal_cb),
                               mirror, 0);
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
      g_autofree char *label = th_presenter_window_dup_monitor_label (monitor, i);
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.presenter-monitor", "i", (gint32)i);
      g_menu_append_item (self->monitor_submenu, item);
    }
}

/* Once the settings are known (th_window_new()). */
void
_th_window_presenter_init (ThWindow *self)
{
  g_autoptr (GAction) monitor_action = NULL;

  self->presenter_signals = g_signal_group_new (TH_TYPE_PRESENTER_WINDOW);
  g_signal_group_connect_object (self->presenter_signals, "destroy",
                                 G_CALLBACK (presenter_destroyed_cb), self, G_CONNECT_SWAPPED);

  /* A settings action gives the menu radio items that show the choice. */
  monitor_action = g_settings_create_action (self->settings, "presenter-monitor");
  g_action_map_add_action (G_ACTION_MAP (self), monitor_action);

  g_signal_connect_object (gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self))),
                           "items-changed", G_CALLBACK (update_monitor_menu), self,
                           G_CONNECT_SWAPPED);
  update_monitor_menu (self);
}

void
_th_window_presenter_dispose (ThWindow *self)
{
  /* The presenter goes with the window, without telling it so. */
  if (self->presenter_signals != NULL)
    g_signal_group_set_target (self->presenter_signals, NULL);
  if (self->presenter != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->presenter));
      self->presenter = NULL;
    }
  g_clear_object (&self->presenter_signals);
  g_clear_pointer (&self->presenter_shows, g_free);
}
