/* test-welcome-page.c: the welcome page's list of unsaved workshops
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-chart-page.h"
#include "th-ui-files.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  GFile *copy; /* an unsaved workshop left by an earlier run */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) folder = th_document_get_recovery_dir ();
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GError) error = NULL;

  /* Only this test's copy is on the page, whatever an earlier test left. */
  g_file_make_directory_with_parents (folder, NULL, NULL);
  {
    g_autoptr (GDir) dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (g_file_peek_path (folder), name, NULL);

        g_unlink (path);
      }
  }
  f->copy = g_file_get_child (folder, "untitled-1.twohats");
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_true (th_session_save_to_file (session, f->copy, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_file_delete (f->copy, NULL, NULL);
  g_clear_object (&f->copy);
}

static gboolean
welcome_page_loaded (gpointer data)
{
  return !th_welcome_page_get_loading (th_window_get_welcome_page (data));
}

static gboolean
is_recovery_row (GtkWidget *widget)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              "Unsaved workshop from ");
}

/* The button of @row whose tooltip reads @tooltip. */
static GtkWidget *
find_button_with_tooltip (GtkWidget *row, const char *tooltip)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* Whether the button, drawn on its own, puts something dark on the light
 * row: its icon, in the window's default light scheme.  (A label drawn
 * in light text on no background, as it was, has no dark pixel.) */
static gboolean
draws_something_dark (GtkWidget *button)
{
  int width = gtk_widget_get_width (button);
  int height = gtk_widget_get_height (button);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (button);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (button));
  gsize stride = (gsize)width * 4;
  guint n_dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (stride * (gsize)height);
  gdk_texture_download (texture, pixels, stride);

  /* Premultiplied BGRA (Cairo's ARGB32 in memory): a pixel mostly
   * covered, whose colour is dark. */
  for (gsize i = 0; i < stride * (gsize)height; i += 4)
    {
      guint alpha = pixels[i + 3];

      if (alpha > 160 && pixels[i] < 100 && pixels[i + 1] < 100 && pixels[i + 2] < 100)
        n_dark++;
    }

  return n_dark >= 10;
}

/* The button of a message dialog that reads @text. */
static GtkWidget *
find_dialog_button (AdwMessageDialog *dialog, const char *text)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *child = gtk_button_get_child (buttons->pdata[i]);

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return buttons->pdata[i];
    }
  g_error ("the dialog has no button “%s”", text);
}

static gboolean
no_recovery_row (gpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (data, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && is_recovery_row (rows->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
test_discard_button_shows (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  AdwMessageDialog *dialog = NULL;
  GtkWidget *row = NULL;
  GtkWidget *discard;

  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  th_test_collect_widgets (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (is_recovery_row (rows->pdata[i]))
      row = rows->pdata[i];
  g_assert_nonnull (row);

  discard = find_button_with_tooltip (row, "Discard");
  g_assert_nonnull (discard);
  g_assert_true (gtk_widget_get_mapped (discard));
  g_assert_true (gtk_widget_get_child_visible (discard));
  g_assert_cmpint (gtk_widget_get_width (discard), >=, 24);
  g_assert_cmpint (gtk_widget_get_height (discard), >=, 24);
  g_assert_true (draws_something_dark (discard));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Discard");

  /* A click asks first; the answer deletes the copy and its row. */
  g_signal_emit_by_name (discard, "clicked");
  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard the Unsaved Workshop?");
  g_assert_true (g_file_query_exists (f->copy, NULL));
  g_signal_emit_by_name (find_dialog_button (dialog, "Discard"), "clicked");
  g_assert_false (g_file_query_exists (f->copy, NULL));
  g_assert_true (th_test_wait_until (welcome_page_loaded, f->window, th_test_timeout (10000)));
  g_assert_true (th_test_wait_until (no_recovery_row, f->window, th_test_timeout (10000)));
}

static guint
count_widgets (ThWindow *window, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (window), type, found);
  return found->len;
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  GtkWindow *shortcuts = th_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  return shortcuts != NULL && gtk_widget_get_mapped (GTK_WIDGET (shortcuts));
}

static gboolean
shortcuts_window_hidden (gpointer data)
{
  GtkWindow *shortcuts = th_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  return shortcuts == NULL || !gtk_widget_get_visible (GTK_WIDGET (shortcuts));
}

static GtkMenuButton *
find_primary_menu_button (ThWindow *window)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (buttons->pdata[i]))
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The first frame shows the welcome page and nothing else: the views and
 * the shortcuts window are built the first time they show, and then they
 * work as if they had always been there. */
static void
test_views_built_when_shown (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view;
  GLogLevelFlags fatal;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_CARD_BROWSER), ==, 0);
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_WORKSHOP_VIEW), ==, 0);
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_CHART_PAGE), ==, 0);
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_SELF_STUDY_RESULT), ==, 0);
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_SELF_STUDY_PATH), ==, 0);
  g_assert_null (th_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* The main menu is made when it opens: F10 opens it, with its items. */
  {
    GtkMenuButton *menu_button = find_primary_menu_button (f->window);
    GMenuModel *menu;

    g_assert_null (gtk_menu_button_get_menu_model (menu_button));
    th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_F10, 0);
    g_assert_true (th_test_wait_until (popover_shown, menu_button, th_test_timeout (5000)));
    menu = gtk_menu_button_get_menu_model (menu_button);
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);
    gtk_menu_button_popdown (menu_button);
  }

  /* Opening the workshop shows the Workshop view, with its people. */
  g_assert_true (th_window_open_file (f->window, f->copy));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_WORKSHOP_VIEW), ==, 1);
  view = th_window_get_workshop_view (f->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (th_workshop_view_get_session (view) == th_window_get_session (f->window));
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_CARD_BROWSER), ==, 0);
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_CHART_PAGE), ==, 0);
  /* The header's switcher offers the views from now on. */
  {
    g_autoptr (GPtrArray) switchers = g_ptr_array_new ();

    th_test_collect_widgets (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_TITLE, switchers);
    g_assert_cmpuint (switchers->len, ==, 1);
    g_assert_true (
      adw_view_switcher_title_get_stack (switchers->pdata[0])
      == ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)));
    g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (switchers->pdata[0]));
  }

  /* The Chart view, when chosen, charts this workshop. */
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK)), "chart");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (count_widgets (f->window, TH_TYPE_CHART_PAGE), ==, 1);
  g_assert_true (th_chart_page_get_session (TH_CHART_PAGE (th_window_get_chart_page (f->window)))
                 == th_window_get_session (f->window));

  /* Ctrl+? shows the shortcuts, over this window.  GTK 4.8's shortcuts
   * window warns, while it is on screen, that two of its own separator
   * labels ask for a negative width: warnings are not fatal meanwhile. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_question, GDK_SHIFT_MASK | GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (shortcuts_window_shown, NULL, th_test_timeout (5000)));
  g_assert_true (gtk_window_get_transient_for (th_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW))
                 == GTK_WINDOW (f->window));
  gtk_window_close (th_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (th_test_wait_until (shortcuts_window_hidden, NULL, th_test_timeout (5000)));
  g_log_set_always_fatal (fatal);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

/* A window opened with files (the command line) shows what it reads at
 * once, in place of the welcome page, which it never builds; a file that
 * cannot be opened leaves it on the welcome page. */
static void
test_opening_files (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GFile) broken = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-welcome-page-XXXXXX", &error);
  ThWindow *window = th_window_new (f->app);

  g_assert_no_error (error);
  th_window_open_file_async (window, f->copy, th_ui_keep_result_cb, &result);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (th_window_get_visible_view (window), ==, "opening");
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_true (th_window_open_file_finish (window, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (th_window_get_visible_view (window), ==, "workshop");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (count_widgets (window, TH_TYPE_WELCOME_PAGE), ==, 0);
  th_test_destroy_window (GTK_WINDOW (window));

  /* Not a workshop: the error, and the welcome page. */
  broken = g_file_new_build_filename (dir, "broken.twohats", NULL);
  g_assert_true (g_file_set_contents (g_file_peek_path (broken), "{\"format\": ", -1, &error));
  window = th_window_new (f->app);
  g_clear_object (&result);
  th_window_open_file_async (window, broken, th_ui_keep_result_cb, &result);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (th_test_wait_until (has_result, &result, th_test_timeout (10000)));
  g_assert_false (th_window_open_file_finish (window, result, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (th_window_get_visible_view (window), ==, "welcome");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (count_widgets (window, TH_TYPE_WELCOME_PAGE), ==, 1);
  th_test_destroy_window (GTK_WINDOW (window));
  g_unlink (g_file_peek_path (broken));
  g_rmdir (dir);
}

/* The titles of the welcome page's rows that open a recent workshop. */
static GPtrArray *
recent_titles (ThWindow *window)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *titles = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (th_window_get_welcome_page (window)), ADW_TYPE_ACTION_ROW,
                           rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "win.open-recent") == 0
        && gtk_widget_get_mapped (rows->pdata[i]))
      {
        /* A long name or folder is cut short, on one line. */
        g_assert_cmpint (adw_action_row_get_title_lines (rows->pdata[i]), ==, 1);
        g_assert_cmpint (adw_action_row_get_subtitle_lines (rows->pdata[i]), ==, 1);
        g_ptr_array_add (
          titles, (gpointer)adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->pdata[i])));
      }
  return titles;
}

/* The desktop's list of recent files, read on a worker thread: its
 * workshops that still exist, the newest first, six at most; other files
 * and workshops gone from the disk are left out. */
static void
test_recent_workshops (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-welcome-page-XXXXXX", &error);
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr (GBookmarkFile) bookmarks = g_bookmark_file_new ();
  g_autoptr (GPtrArray) titles = NULL;
  ThWindow *window;

  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("workshop-%u.%s", i, i == 8 ? "txt" : "twohats");
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (1700000000 + i * 60);

      /* Workshop 7 is gone from the disk; the text file is not a workshop. */
      if (i != 7)
        g_assert_true (g_file_set_contents (path, "x", -1, &error));
      g_bookmark_file_set_mime_type (bookmarks, uri, "application/x-twohats");
      g_bookmark_file_add_application (bookmarks, uri, "two-hats", "two-hats %u");
      g_bookmark_file_set_modified_date_time (bookmarks, uri, when);
    }
  g_assert_true (g_bookmark_file_to_file (bookmarks, xbel, &error));
  g_assert_no_error (error);

  window = th_window_new (f->app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (th_test_wait_until (welcome_page_loaded, window, th_test_timeout (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  titles = recent_titles (window);
  g_assert_cmpuint (titles->len, ==, 6);
  g_assert_cmpstr (titles->pdata[0], ==, "workshop-6");
  g_assert_cmpstr (titles->pdata[1], ==, "workshop-5");
  g_assert_cmpstr (titles->pdata[5], ==, "workshop-1");
  th_test_destroy_window (GTK_WINDOW (window));

  g_unlink (xbel);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("workshop-%u.%s", i, i == 8 ? "txt" : "twohats");
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
is_looking_row (GtkWidget *widget)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                       "Looking for unsaved workshops…")
              == 0;
}

static gboolean
looking_row_visible (gpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (th_window_get_welcome_page (data)), ADW_TYPE_ACTION_ROW,
                           rows);
  for (guint i = 0; i < rows->len; i++)
    if (is_looking_row (rows->pdata[i]))
      return gtk_widget_is_visible (rows->pdata[i]);
  g_assert_not_reached ();
}

/* A new window's welcome page does not say it is looking for unsaved
 * workshops in its first moment (the look is over in a moment as a rule,
 * and a group that shows and goes is a flicker); going home later says so
 * at once. */
static void
test_first_look_quiet (Fixture *f, gconstpointer data)
{
  ThWindow *window = th_window_new (f->app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (th_welcome_page_get_loading (th_window_get_welcome_page (window)));
  g_assert_false (looking_row_visible (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (th_test_wait_until (welcome_page_loaded, window, th_test_timeout (10000)));
  g_assert_false (looking_row_visible (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.home", NULL);
  g_assert_true (th_welcome_page_get_loading (th_window_get_welcome_page (window)));
  g_assert_true (looking_row_visible (window));
  g_assert_true (th_test_wait_until (welcome_page_loaded, window, th_test_timeout (10000)));
  th_test_destroy_window (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/welcome-page/discard-button-shows", Fixture, NULL, fixture_set_up,
              test_discard_button_shows, fixture_tear_down);
  g_test_add ("/ui/welcome-page/views-built-when-shown", Fixture, NULL, fixture_set_up,
              test_views_built_when_shown, fixture_tear_down);
  g_test_add ("/ui/welcome-page/opening-files", Fixture, NULL, fixture_set_up, test_opening_files,
              fixture_tear_down);
  g_test_add ("/ui/welcome-page/recent-workshops", Fixture, NULL, fixture_set_up,
              test_recent_workshops, fixture_tear_down);
  g_test_add ("/ui/welcome-page/first-look-quiet", Fixture, NULL, fixture_set_up,
              test_first_look_quiet, fixture_tear_down);

  return g_test_run ();
}
