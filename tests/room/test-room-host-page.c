/* test-room-host-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The facilitator's host page and join screen, as real widgets (suite
 * 'ui', under Xvfb): start hosting on loopback, see a participant arrive
 * and finish, lock the room, read the QR code off the rendered widget
 * with zbarimg, remove a participant, stop. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "th-application.h"
#include "th-host-join-screen.h"
#include "th-host-page.h"
#include "th-room-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  ThSession *session;
  GtkWindow *window;
  ThHostPage *page;
  SoupSession *client;
} Fixture;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("two-hats-host-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "hosted.twohats", NULL);
  th_room_test_write_session (f->path);
  file = g_file_new_for_path (f->path);
  f->session = th_session_new_from_file (file, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 720);
  f->page = TH_HOST_PAGE (th_host_page_new (f->session, file));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  f->client = soup_session_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->client);
  gtk_window_destroy (f->window);
  spin (50);
  g_clear_object (&f->session);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The server runs on this thread's main loop, so requests go out
 * asynchronously while the loop turns. */
typedef struct
{
  guint status;
  GBytes *body;
  gboolean done;
} Exchange;

static void
exchanged_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Exchange *exchange = data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  exchange->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  exchange->status = soup_message_get_status (msg);
  exchange->done = TRUE;
}

static guint
exchange (Fixture *f, const char *method, const char *path, const char *token, const char *body,
          char **token_out)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  g_autofree char *url = g_strconcat (th_room_server_get_join_url (server), path + 1, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  Exchange result = { 0 };

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, exchanged_cb,
                                    &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);

  if (token_out != NULL && result.status == 200)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      gsize length;
      const char *data = g_bytes_get_data (result.body, &length);

      g_assert_true (json_parser_load_from_data (parser, data, (gssize)length, NULL));
      *token_out = g_strdup (json_object_get_string_member (
        json_node_get_object (json_parser_get_root (parser)), "token"));
    }
  g_clear_pointer (&result.body, g_bytes_unref);
  return result.status;
}

static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "guest") != NULL)
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GPtrArray *
guest_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (f->page), rows);
  return rows;
}

/* Renders @widget as it is on screen and asks zbarimg what the QR code in
 * it says.  Returns NULL when zbarimg is not installed. */
static char *
read_qr (GtkWidget *widget, const char *png_name)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "room-screens", NULL);
  g_autofree char *png = NULL;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { NULL, "--raw", "-q", NULL, NULL };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int status;

  g_mkdir_with_parents (dir, 0755);
  png = g_build_filename (dir, png_name, NULL);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("screenshot: %s", png);

  if (zbarimg == NULL)
    return NULL;

  argv[0] = zbarimg;
  argv[3] = png;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strchomp (g_steal_pointer (&output));
}

static void
test_hosting (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *join = NULL;
  g_autofree char *token = NULL;
  g_autofree char *answers = th_room_answers_for_seed (deck, 5);
  g_autofree char *qr = NULL;
  g_autofree char *expected_qr = NULL;
  const char *address;

  /* The first address offered is a LAN one when there is one; loopback
   * is always offered.  The test hosts on loopback. */
  address = th_host_page_get_address (f->page);
  g_assert_nonnull (address);
  g_assert_true (th_host_page_set_address (f->page, "127.0.0.1"));
  g_assert_false (th_host_page_set_address (f->page, "203.0.113.1"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "host.start", NULL));
  g_assert_true (th_room_server_get_running (server));
  g_assert_true (g_str_has_prefix (th_room_server_get_join_url (server), "http://127.0.0.1:"));

  /* A name that looks like markup is shown as the text it is. */
  join = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"<b>Ana</b> & Co\"}",
                          th_room_server_get_join_code (server));
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, join, &token), ==, 200);
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "<b>Ana</b> & Co");
  g_assert_false (adw_preferences_row_get_use_markup (rows->pdata[0]));
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Joined");

  g_assert_cmpuint (exchange (f, "PUT", "/api/answers", token, answers, NULL), ==, 200);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "Finished");

  /* Lock Room is the server's locked property. */
  th_room_server_set_locked (server, TRUE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, join, NULL), ==, 423);
  th_room_server_set_locked (server, FALSE);

  /* What the screen shows is what a phone needs. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  spin (300);
  expected_qr = th_room_server_dup_qr_url (server);
  qr = read_qr (GTK_WIDGET (f->page), "host-page.png");
  if (qr != NULL)
    g_assert_cmpstr (qr, ==, expected_qr);
  else
    g_test_message ("zbarimg not installed: the QR code was not read back");

  /* Remove (the action asks first; the server call is what it does). */
  g_assert_true (th_room_server_remove_participant (server, "p1"));
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpuint (exchange (f, "GET", "/api/me", token, NULL, NULL), ==, 401);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "host.stop", NULL));
  g_assert_false (th_room_server_get_running (server));
}

static void
test_presenter_join_screen (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  GtkWindow *projector = GTK_WINDOW (gtk_window_new ());
  GtkWidget *screen = th_host_join_screen_new (server);
  g_autofree char *qr = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  th_host_page_set_address (f->page, "127.0.0.1");
  g_assert_true (th_host_page_start (f->page, &error));
  g_assert_no_error (error);

  th_host_join_screen_set_presenter (TH_HOST_JOIN_SCREEN (screen), TRUE);
  gtk_window_set_default_size (projector, 1280, 720);
  gtk_window_set_child (projector, screen);
  gtk_window_present (projector);
  gtk_test_widget_wait_for_draw (screen);
  spin (300);

  expected = th_room_server_dup_qr_url (server);
  qr = read_qr (screen, "presenter-join-screen.png");
  if (qr != NULL)
    g_assert_cmpstr (qr, ==, expected);

  /* Stopping closes the room on the projector too. */
  th_host_page_stop (f->page);
  gtk_test_widget_wait_for_draw (screen);
  g_assert_null (th_room_server_get_join_url (server));

  gtk_window_destroy (projector);
}

int
main (int argc, char *argv[])
{
  g_autoptr (ThApplication) app = NULL;
  g_autoptr (GError) error = NULL;

  /* Loopback needs no proxy, and the machine's proxy settings (libproxy)
   * must not decide whether the tests pass. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application registers the UI resources. */
  app = th_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/room/host-page/hosting", Fixture, NULL, fixture_set_up, test_hosting,
              fixture_tear_down);
  g_test_add ("/room/host-page/presenter-join-screen", Fixture, NULL, fixture_set_up,
              test_presenter_join_screen, fixture_tear_down);

  return g_test_run ();
}
