/* th-application.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-application.h"
#include "th-preferences-window.h"
#include "th-property.h"
#include "th-save-queue.h"
#include "th-ui-resources.h"
#include "th-window.h"

struct _ThApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (ThApplication, th_application, ADW_TYPE_APPLICATION)

ThApplication *
th_application_new (void)
{
  return g_object_new (TH_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_BASE, NULL);
}

TH_DEFINE_GETTER (GSettings *, th_application_get_settings, ThApplication, TH_IS_APPLICATION,
                  settings, NULL)

/* TH_EXIT_AFTER_FIRST_FRAME=1 (for bench/run, not for users): quit as
 * soon as the first window has painted its first frame, so that start-up
 * can be timed from outside as a whole process. */
static void
first_frame_painted_cb (GdkFrameClock *clock, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, user_data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
exit_after_first_frame_cb (GtkWidget *window, gpointer user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), user_data, 0);
}

/* @exit_after_first_frame: whether TH_EXIT_AFTER_FIRST_FRAME quits after
 * the new window's first frame (rather than after the files it opens). */
static ThWindow *
get_or_create_window (ThApplication *self, gboolean exit_after_first_frame)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (th_window_new (self));
      if (exit_after_first_frame && g_getenv ("TH_EXIT_AFTER_FIRST_FRAME") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame_cb), self);
    }

  return TH_WINDOW (window);
}

static void
th_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (TH_APPLICATION (app), TRUE)));
}

/* Under TH_EXIT_AFTER_FIRST_FRAME, the files are read on a worker thread:
 * the frame that counts is the first one after the last of them is shown. */
static void
opened_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ThApplication) self = user_data;
  GtkWidget *window = GTK_WIDGET (object);

  th_window_open_file_finish (TH_WINDOW (window), result, NULL);
  if (gtk_widget_get_realized (window))
    {
      exit_after_first_frame_cb (window, self);
      gtk_widget_queue_draw (window);
    }
  else
    g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame_cb), self);
}

static void
th_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  ThApplication *self = TH_APPLICATION (app);
  gboolean exit_after_open = g_getenv ("TH_EXIT_AFTER_FIRST_FRAME") != NULL;
  ThWindow *window = get_or_create_window (self, n_files == 0);

  for (int i = 0; i < n_files; i++)
    {
      if (exit_after_open && i == n_files - 1)
        th_window_open_file_async (window, files[i], opened_cb, g_object_ref (self));
      else
        th_window_open_file_async (window, files[i], NULL, NULL);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
apply_style_cb (ThApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_strcmp0 (style, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (style, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ThApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows first lets each one save what it holds. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ThApplication *self = user_data;
  const char *developers[] = { "The Two Hats authors", NULL };

  adw_show_about_window (
    gtk_application_get_active_window (GTK_APPLICATION (self)), "application-name", _ ("Two Hats"),
    "application-icon", APPLICATION_ID, "developer-name", _ ("The Two Hats authors"), "version",
    PACKAGE_VERSION, "comments",
    _ ("Workshops on leadership and management: cards, a sorting "
       "exercise and a quadrant chart of where everyone lands."),
    "website", "https://github.com/twohats/two-hats", "issue-url",
    "https://github.com/twohats/two-hats/issues", "developers", developers, "license-type",
    GTK_LICENSE_GPL_3_0, "translator-credits", _ ("translator-credits"), NULL);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ThApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (th_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
th_application_startup (GApplication *app)
{
  ThApplication *self = TH_APPLICATION (app);
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const preferences_accels[] = { "<Control>comma", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  static const char *const shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (th_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style_cb), self,
                           G_CONNECT_SWAPPED);
  apply_style_cb (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
th_application_shutdown (GApplication *app)
{
  /* Autosave writes at the end of a main loop iteration: a change made
   * just before quitting (Ctrl+Q right after a click) may still wait for
   * its write, whoever still holds the document. */
  th_save_queue_flush_all ();

  G_APPLICATION_CLASS (th_application_parent_class)->shutdown (app);
}

static void
th_application_dispose (GObject *object)
{
  ThApplication *self = TH_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (th_application_parent_class)->dispose (object);
}

static void
th_application_class_init (ThApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = th_application_dispose;
  th_ui_register_resource ();

  app_class->activate = th_application_activate;
  app_class->open = th_application_open;
  app_class->startup = th_application_startup;
  app_class->shutdown = th_application_shutdown;
}

static void
th_application_init (ThApplication *self)
{
}
