/* test-leave-room.c: opening something else while phones are in the
 * workshop's room asks first
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "th-host-page.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  char *dir;
  GFile *file; /* a workshop with Ana */
  SoupSession *client;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);

  f->dir = g_dir_make_tmp ("test-leave-room-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "offsite.twohats", NULL);
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->client = soup_session_new ();
  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_clear_object (&f->client);
  g_unlink (g_file_peek_path (f->file));
  g_rmdir (f->dir);
  g_clear_object (&f->file);
  g_clear_pointer (&f->dir, g_free);
}

/* The room of the workshop on screen, hosted on loopback. */
static ThRoomServer *
host (Fixture *f)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  ThHostPage *page;

  g_assert_true (th_window_open_file (f->window, f->file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.host", NULL));
  th_test_collect_widgets (GTK_WIDGET (f->window), TH_TYPE_HOST_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  page = pages->pdata[0];
  g_assert_true (th_host_page_set_address (page, "127.0.0.1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "host.start", NULL));
  g_assert_true (th_room_server_get_running (th_host_page_get_server (page)));
  return th_host_page_get_server (page);
}

typedef struct
{
  guint status;
  gboolean done;
} Exchange;

static void
joined_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Exchange *exchange = data;
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  g_clear_pointer (&body, g_bytes_unref);

  exchange->status = soup_message_get_status (
    soup_session_get_async_result_message (SOUP_SESSION (source), result));
  exchange->done = TRUE;
}

/* A phone joins the room; the room runs on this thread, so the request
 * is sent without blocking it. */
static void
join (Fixture *f, ThRoomServer *server, const char *name)
{
  g_autofree char *url = g_strconcat (th_room_server_get_join_url (server), "api/join", NULL);
  g_autofree char *body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"%s\"}",
                                           th_room_server_get_join_code (server), name);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
  Exchange exchange = { 0 };

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (f->client, msg, G_PRIORITY_DEFAULT, NULL, joined_cb, &exchange);
  while (!exchange.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (exchange.status, ==, 200);
}

static gboolean
find_question (gpointer data)
{
  AdwMessageDialog **dialog = data;
  GtkWindow *found = th_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (found == NULL
      || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (found)), "Close the Room?")
           != 0)
    return FALSE;
  *dialog = ADW_MESSAGE_DIALOG (found);
  return TRUE;
}

/* The question on screen now, or NULL. */
static AdwMessageDialog *
question (void)
{
  AdwMessageDialog *dialog = NULL;

  find_question (&dialog);
  return dialog;
}

static void
test_asks_before_closing_a_room_with_people (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = host (f);
  ThDocument *workshop = th_window_get_document (f->window);
  AdwMessageDialog *dialog = NULL;

  join (f, server, "Ben");

  /* The sample would take the room's place: the facilitator is asked,
   * and nothing changes meanwhile. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL));
  g_assert_true (th_test_wait_until (find_question, &dialog, th_test_timeout (2000)));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "1 person has joined this workshop’s room. Opening something else closes the "
                   "room: their phone can no longer reach it. Every answer already sent is saved.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (th_window_get_document (f->window) == workshop);
  g_assert_true (th_room_server_get_running (server));

  /* Cancel: the workshop and its room stay. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (th_window_get_document (f->window) == workshop);
  g_assert_true (th_room_server_get_running (server));

  /* Asked again and agreed: the sample opens, and the room is closed. */
  g_object_ref (server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL));
  dialog = NULL;
  g_assert_true (th_test_wait_until (find_question, &dialog, th_test_timeout (2000)));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (th_window_get_document (f->window) != workshop);
  g_assert_cmpstr (th_session_get_title (th_window_get_session (f->window)), !=, "Offsite");
  g_assert_false (th_room_server_get_running (server));
  g_object_unref (server);
}

/* An open room nobody has joined yet closes without a question. */
static void
test_empty_room_closes_without_asking (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = g_object_ref (host (f));
  ThDocument *workshop = th_window_get_document (f->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL));
  g_assert_null (question ());
  g_assert_true (th_window_get_document (f->window) != workshop);
  g_assert_false (th_room_server_get_running (server));
  g_object_unref (server);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/leave-room/asks-with-people", Fixture, NULL, fixture_set_up,
              test_asks_before_closing_a_room_with_people, fixture_tear_down);
  g_test_add ("/ui/leave-room/empty-room-closes", Fixture, NULL, fixture_set_up,
              test_empty_room_closes_without_asking, fixture_tear_down);

  return g_test_run ();
}
