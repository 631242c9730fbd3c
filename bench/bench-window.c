/* bench-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The floor for bench/run's start-up row: the least a libadwaita
 * application can do to show a window — an AdwApplicationWindow of Two
 * Hats' default size with a header bar and a status page, and nothing
 * else.  Like `two-hats` under TH_EXIT_AFTER_FIRST_FRAME=1 it quits once
 * the first frame is painted, so that the two whole processes compare. */

#include <adwaita.h>

static void
first_frame_painted_cb (GdkFrameClock *clock, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, user_data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
window_realized_cb (GtkWidget *window, gpointer user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), user_data);
}

static void
activate_cb (GApplication *app, gpointer user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare window");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "applications-system-symbolic");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);

  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  app = adw_application_new ("io.github.twohats.BenchWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
