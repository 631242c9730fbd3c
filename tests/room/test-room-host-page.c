/* test-room-host-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The facilitator's host page and join screen, as real widgets (suite
 * 'ui', under Xvfb): start hosting on loopback, see a participant arrive
 * and finish, lock and unlock the room with its switch and remove a
 * participant through the page's button and dialog while a phone (an HTTP
 * client on 127.0.0.1) sees the result, read the QR code off the rendered
 * widget with zbarimg, stop. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "th-application.h"
#include "th-host-join-screen.h"
#include "th-host-page.h"
#include "th-room-test-utils.h"
#include "th-ui-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  ThSession *session;
  GtkWindow *window;
  ThHostPage *page;
  SoupSession *client;
} Fixture;

/* Runs the main loop until @condition holds, or fails the test when the
 * deadline (@timeout_ms stretched by TH_TEST_SLOW) passes first. */
static void
wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms, const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)th_room_test_deadline_ms (timeout_ms) * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_test_message ("%u ms passed waiting for %s", th_room_test_deadline_ms (timeout_ms),
                          what);
          g_assert_true (condition (data));
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  /* Settings live in memory for the whole run: each test starts from the
   * defaults. */
  g_settings_reset (settings, "room-size");
  g_settings_reset (settings, "generated-names");
  g_settings_reset (settings, "refused-words");

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

  f->client = th_room_test_session_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->client);
  /* The page stops the room as it goes; wait until it has gone. */
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *)&f->page);
  gtk_window_destroy (f->window);
  wait_until (is_null, &f->page, 5000, "the host page to go");
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

/* The switch a person sees beside "Lock Room": the activatable widget of
 * that row. */
static GtkSwitch *
lock_switch (Fixture *f)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "_Lock Room") == 0)
      {
        GtkWidget *widget = adw_action_row_get_activatable_widget (rows->pdata[i]);

        g_assert_true (GTK_IS_SWITCH (widget));
        g_assert_true (gtk_widget_is_visible (widget));
        return GTK_SWITCH (widget);
      }

  g_assert_not_reached ();
}

typedef struct
{
  GtkSwitch *lock;
  gboolean active;
} SwitchState;

static gboolean
switch_settled (gpointer data)
{
  SwitchState *state = data;

  return gtk_switch_get_active (state->lock) == state->active;
}

/* Turns the switch over as the keyboard does (Space on the focused
 * switch activates it), and waits until it shows @active: it moves with
 * an animation, and takes its new state when that ends. */
static void
toggle_lock (Fixture *f, gboolean active)
{
  SwitchState state = { lock_switch (f), active };

  g_assert_true (gtk_switch_get_active (state.lock) != active);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (state.lock)));
  wait_until (switch_settled, &state, 5000, active ? "the switch to lock" : "the switch to unlock");
}

/* The button in @row whose action is host.remove-participant. */
static GtkWidget *
remove_button (GtkWidget *row)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "host.remove-participant")
        == 0)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

/* The message dialog on screen, or NULL. */
static AdwMessageDialog *
shown_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return shown_message_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return shown_message_dialog () == NULL;
}

/* Presses the row's remove button as the keyboard does, and returns the
 * dialog that asks first. */
static AdwMessageDialog *
press_remove (GtkWidget *row)
{
  g_assert_null (shown_message_dialog ());
  /* A button activated from the keyboard shows itself pressed for a
   * moment before it is clicked. */
  g_assert_true (gtk_widget_activate (remove_button (row)));
  wait_until (dialog_shown, NULL, 5000, "the remove dialog");
  return shown_message_dialog ();
}

/* Answers @dialog with @response as its button would, and waits for it
 * to go.  adw_message_dialog_response() only emits ::response; a button
 * of the dialog does that and then destroys the dialog (closing it
 * instead would answer a second time, with the close response). */
static void
respond (AdwMessageDialog *dialog, const char *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, 5000, "the dialog to go");
}

static gboolean
no_transition (gpointer data)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();

  th_test_collect_widgets (data, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_transition_running (stacks->pdata[i]))
      return FALSE;
  return TRUE;
}

/* Where zbarimg is; NULL, after saying why the test skips, when it is
 * not installed. */
static char *
find_zbarimg (void)
{
  char *zbarimg = g_find_program_in_path ("zbarimg");

  if (zbarimg == NULL)
    g_test_skip ("zbarimg is not installed, so the QR code cannot be read back "
                 "(tools/deps --tests installs zbar-tools)");
  return zbarimg;
}

/* Renders @widget as it is on screen, once no page of it is still fading
 * in, and asks @zbarimg what the QR code in it says. */
static char *
read_qr (const char *zbarimg, GtkWidget *widget, const char *png_name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "room-screens", NULL);
  g_autofree char *png = NULL;
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { NULL, "--raw", "-q", NULL, NULL };
  int width;
  int height;
  int status;

  g_mkdir_with_parents (dir, 0755);
  png = g_build_filename (dir, png_name, NULL);

  /* The stacks cross-fade to what hosting shows. */
  wait_until (no_transition, widget, 5000, "the pages to settle");
  gtk_test_widget_wait_for_draw (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("screenshot: %s", png);

  argv[0] = zbarimg;
  argv[3] = png;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strchomp (g_steal_pointer (&output));
}

/* Hosts on loopback, as a person picks it in the list and presses Start. */
static void
start_on_loopback (Fixture *f)
{
  ThRoomServer *server = th_host_page_get_server (f->page);

  g_assert_true (th_host_page_set_address (f->page, "127.0.0.1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "host.start", NULL));
  g_assert_true (th_room_server_get_running (server));
  g_assert_true (g_str_has_prefix (th_room_server_get_join_url (server), "http://127.0.0.1:"));
}

static char *
join_body (Fixture *f, const char *name)
{
  ThRoomServer *server = th_host_page_get_server (f->page);

  return g_strdup_printf ("{\"code\": \"%s\", \"name\": \"%s\"}",
                          th_room_server_get_join_code (server), name);
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
  g_autofree char *some = NULL;
  GtkWidget *screen = NULL;

  /* The first address offered is a LAN one when there is one; loopback
   * is always offered.  The test hosts on loopback. */
  g_assert_nonnull (th_host_page_get_address (f->page));
  g_assert_false (th_host_page_set_address (f->page, "203.0.113.1"));
  start_on_loopback (f);

  /* A name that looks like markup is shown as the text it is. */
  join = join_body (f, "<b>Ana</b> & Co");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, join, &token), ==, 200);
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "<b>Ana</b> & Co");
  g_assert_false (adw_preferences_row_get_use_markup (rows->pdata[0]));
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "Joined · Sorted 0/24 · Rated 0/24");
  /* The projector's join screen counts the room, never names anyone. */
  screen = g_object_ref_sink (th_host_join_screen_new (server));
  g_assert_cmpstr (th_host_join_screen_get_progress_text (TH_HOST_JOIN_SCREEN (screen)), ==,
                   "0 of 1 finished");

  /* Each phone's count follows its answers. */
  some = g_strdup_printf ("{\"sort\": {\"%s\": \"leadership\", \"%s\": \"management\"}}",
                          th_behaviour_get_id (th_deck_get_behaviour (deck, 0)),
                          th_behaviour_get_id (th_deck_get_behaviour (deck, 1)));
  g_assert_cmpuint (exchange (f, "PUT", "/api/answers", token, some, NULL), ==, 200);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "Sorting · Sorted 2/24 · Rated 0/24");

  g_assert_cmpuint (exchange (f, "PUT", "/api/answers", token, answers, NULL), ==, 200);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "Finished · Sorted 24/24 · Rated 24/24");
  g_assert_cmpstr (th_host_join_screen_get_progress_text (TH_HOST_JOIN_SCREEN (screen)), ==,
                   "1 of 1 finished");
  g_object_unref (screen);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "host.stop", NULL));
  g_assert_false (th_room_server_get_running (server));
}

/* With another view in front the page makes no row for the phones that
 * join; shown again, it has a row for everyone in the room, in the order
 * they joined, each saying how far its phone is. */
static void
test_rows_while_hidden (Fixture *f, gconstpointer data)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (GPtrArray) hidden = NULL;
  g_autoptr (GPtrArray) shown = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *ben = NULL;
  g_autofree char *token = NULL;
  g_autofree char *some = NULL;
  g_autofree char *answers = th_room_answers_for_seed (deck, 3);

  start_on_loopback (f);
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));

  ana = join_body (f, "Ana");
  ben = join_body (f, "Ben");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana, &token), ==, 200);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ben, NULL), ==, 200);
  some = g_strdup_printf ("{\"sort\": {\"%s\": \"leadership\", \"%s\": \"management\"}}",
                          th_behaviour_get_id (th_deck_get_behaviour (deck, 0)),
                          th_behaviour_get_id (th_deck_get_behaviour (deck, 1)));
  g_assert_cmpuint (exchange (f, "PUT", "/api/answers", token, some, NULL), ==, 200);
  hidden = guest_rows (f);
  g_assert_cmpuint (hidden->len, ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  shown = guest_rows (f);
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (shown->pdata[0]), ==, "Ana");
  g_assert_cmpstr (adw_action_row_get_subtitle (shown->pdata[0]), ==,
                   "Sorting · Sorted 2/24 · Rated 0/24");
  g_assert_cmpstr (adw_preferences_row_get_title (shown->pdata[1]), ==, "Ben");
  g_assert_cmpstr (adw_action_row_get_subtitle (shown->pdata[1]), ==,
                   "Joined · Sorted 0/24 · Rated 0/24");

  /* Hidden again while Ana finishes. */
  gtk_widget_set_visible (GTK_WIDGET (f->page), FALSE);
  g_assert_cmpuint (exchange (f, "PUT", "/api/answers", token, answers, NULL), ==, 200);
  gtk_widget_set_visible (GTK_WIDGET (f->page), TRUE);
  again = guest_rows (f);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (again->pdata[0]), ==,
                   "Finished · Sorted 24/24 · Rated 24/24");
}

/* The Lock Room switch, both ways, as a phone sees it. */
static void
test_lock_switch (Fixture *f, gconstpointer data)
{
  g_autofree char *inside_body = NULL;
  g_autofree char *late_body = NULL;
  g_autofree char *later_body = NULL;
  g_autofree char *inside = NULL;

  start_on_loopback (f);
  inside_body = join_body (f, "Inside");
  late_body = join_body (f, "Late");
  later_body = join_body (f, "Later");
  g_assert_false (gtk_switch_get_active (lock_switch (f)));
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, inside_body, &inside), ==, 200);

  /* Locked: a newcomer is refused with 423; who is in goes on. */
  toggle_lock (f, TRUE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, late_body, NULL), ==, 423);
  g_assert_cmpuint (exchange (f, "GET", "/api/me", inside, NULL, NULL), ==, 200);

  /* Unlocked by the same switch: the next newcomer gets in. */
  toggle_lock (f, FALSE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, later_body, NULL), ==, 200);

  /* And once more, so that it is no one-off either way. */
  toggle_lock (f, TRUE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, late_body, NULL), ==, 423);
  toggle_lock (f, FALSE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, late_body, NULL), ==, 200);
}

/* Removing a participant: the row's button asks first; Cancel keeps
 * them, Remove sends their phone back to the join screen. */
static void
test_remove_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *ana_body = NULL;
  g_autofree char *bo_body = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *bo = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *ana_row;

  start_on_loopback (f);
  ana_body = join_body (f, "Ana");
  bo_body = join_body (f, "Bo");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana_body, &ana), ==, 200);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, bo_body, &bo), ==, 200);
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  ana_row = rows->pdata[0];
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ana_row)), ==, "Ana");

  /* Cancel: nothing happens. */
  dialog = press_remove (ana_row);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Ana”?");
  respond (dialog, "cancel");
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (exchange (f, "GET", "/api/me", ana, NULL, NULL), ==, 200);

  /* Remove: Ana's row goes and her token with it; Bo stays. */
  dialog = press_remove (rows->pdata[0]);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Ana”?");
  respond (dialog, "remove");
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Bo");
  g_assert_cmpuint (exchange (f, "GET", "/api/me", ana, NULL, NULL), ==, 401);
  g_assert_cmpuint (exchange (f, "GET", "/api/me", bo, NULL, NULL), ==, 200);
}

static gboolean
toast_shown (gpointer data)
{
  g_autofree char *text = th_test_dup_shown_toast (data);

  return text != NULL;
}

static void
remove_through_dialog (Fixture *f, const char *name)
{
  g_autoptr (GPtrArray) rows = guest_rows (f);
  g_autofree char *heading = g_strdup_printf ("Remove “%s”?", name);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), name) == 0)
      {
        AdwMessageDialog *dialog = press_remove (rows->pdata[i]);

        g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
        respond (dialog, "remove");
        return;
      }
  g_assert_not_reached ();
}

/* A participant's name is their own text, never markup: the toast after
 * removing "<b>x</b>" says so in those very characters (libadwaita 1.2
 * reads a toast's title as markup, which showed a bold "x"). */
static void
test_markup_toast (Fixture *f, gconstpointer data)
{
  g_autofree char *join = NULL;
  g_autofree char *text = NULL;

  start_on_loopback (f);
  join = join_body (f, "<b>x</b> & <span size='400%'>y</span>");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, join, NULL), ==, 200);
  remove_through_dialog (f, "<b>x</b> & <span size='400%'>y</span>");

  wait_until (toast_shown, f->page, 5000, "the toast");
  text = th_test_dup_shown_toast (GTK_WIDGET (f->page));
  g_assert_cmpstr (text, ==, "“<b>x</b> & <span size='400%'>y</span>” removed");
}

/* The row of the host page with @title, or NULL. */
static AdwActionRow *
row_titled (Fixture *f, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (f->page), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

/* The room's size, set with the spin button beside "Room Size": the
 * setting follows, the room follows the setting, and the joins it turns
 * away are counted on the page, each with its reason. */
static void
test_room_size_and_refusals (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwActionRow *size_row = row_titled (f, "Room _Size");
  AdwActionRow *refused_row = row_titled (f, "Joins Refused");
  GtkWidget *spin;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *ana = NULL;
  g_autofree char *bo = NULL;
  g_autofree char *cy = NULL;
  g_autofree char *di = NULL;

  g_assert_nonnull (size_row);
  g_assert_nonnull (refused_row);
  spin = adw_action_row_get_activatable_widget (size_row);
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "room-size"), ==, TH_ROOM_DEFAULT_ROOM_SIZE);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==,
                     TH_ROOM_DEFAULT_ROOM_SIZE);

  start_on_loopback (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (refused_row)));

  /* Two, as the facilitator types it: the spin button takes typed text
   * when the focus leaves it or Enter is pressed, which is an update. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "2");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "room-size"), ==, 2);
  g_assert_cmpuint (th_room_door_get_room_size (th_room_server_get_door (server)), ==, 2);

  ana = join_body (f, "Ana");
  bo = join_body (f, "Bo");
  cy = join_body (f, "Cy");
  di = join_body (f, "Di");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana, NULL), ==, 200);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, bo, NULL), ==, 200);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, cy, NULL), ==, 423);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, di, NULL), ==, 423);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (refused_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (refused_row), ==, "Room full: 2");
  th_test_collect_widgets (GTK_WIDGET (refused_row), GTK_TYPE_LABEL, labels);
  {
    gboolean counted = FALSE;

    for (guint i = 0; i < labels->len; i++)
      counted |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "2") == 0;
    g_assert_true (counted);
  }

  /* Locked, and one address over the join limit (the join limit itself is
   * test-room-units' door/join-limit). */
  toggle_lock (f, TRUE);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, cy, NULL), ==, 423);
  toggle_lock (f, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (spin), "10");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  /* One join saved up, then one a minute. */
  th_room_door_set_join_limit (th_room_server_get_door (server), 1, 1);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, cy, NULL), ==, 200);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, di, NULL), ==, 429);
  g_assert_cmpstr (adw_action_row_get_subtitle (refused_row), ==,
                   "Room full: 2 · Join limit: 1 · Locked: 1");

  /* A name the room refuses, from someone with the code, is counted too
   * (the name is checked before the join limit). */
  {
    g_autofree char *bell = join_body (f, "Ana\\u0007");

    g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, bell, NULL), ==, 400);
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (refused_row), ==,
                   "Room full: 2 · Join limit: 1 · Locked: 1 · Name refused: 1");

  /* Wrong codes are counted as well: many of them mean someone is
   * guessing.  The code is the room's with its first character changed. */
  {
    g_autofree char *wrong = g_strdup (th_room_server_get_join_code (server));
    g_autofree char *body = NULL;

    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    body = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"Eve\"}", wrong);
    g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, body, NULL), ==, 403);
    g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, body, NULL), ==, 403);
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (refused_row), ==,
                   "Room full: 2 · Join limit: 1 · Locked: 1 · Name refused: 1 · Wrong code: 2");
}

static gboolean
generated_on (gpointer data)
{
  return g_settings_get_boolean (data, "generated-names");
}

/* Generated names, switched on beside "Generated Names": the room
 * follows, and a phone gets a name it did not send. */
static void
test_generated_names_switch (Fixture *f, gconstpointer data)
{
  AdwActionRow *row = row_titled (f, "_Generated Names");
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *join = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GtkWidget *generated;

  g_assert_nonnull (row);
  generated = adw_action_row_get_activatable_widget (row);
  g_assert_true (GTK_IS_SWITCH (generated));
  start_on_loopback (f);

  /* The switch takes its new state when its animation ends. */
  g_assert_true (gtk_widget_activate (generated));
  wait_until (generated_on, settings, 5000, "the generated names setting");
  g_assert_true (
    th_room_door_get_generated_names (th_room_server_get_door (th_host_page_get_server (f->page))));
  join = join_body (f, "Typed");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, join, &token), ==, 200);
  rows = guest_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), !=, "Typed");
  g_assert_nonnull (strchr (adw_preferences_row_get_title (rows->pdata[0]), ' '));
}

/* A removed name waits under "Removed" until the facilitator allows it
 * again with the row's button; until then the room refuses it. */
static void
test_allow_removed_name (Fixture *f, gconstpointer data)
{
  g_autofree char *ana = NULL;
  g_autofree char *ana_again = NULL;
  g_autofree char *token = NULL;
  AdwActionRow *removed_row;
  GtkWidget *allow = NULL;
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *group;

  start_on_loopback (f);
  ana = join_body (f, "Ana");
  ana_again = join_body (f, "ana");
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana, &token), ==, 200);
  g_assert_null (row_titled (f, "Removed"));

  remove_through_dialog (f, "Ana");
  g_assert_cmpuint (exchange (f, "GET", "/api/state", token, NULL, NULL), ==, 401);
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana_again, NULL), ==, 400);

  removed_row = row_titled (f, "Ana");
  g_assert_nonnull (removed_row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (removed_row)));
  group = gtk_widget_get_ancestor (GTK_WIDGET (removed_row), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Removed");
  g_assert_true (gtk_widget_is_visible (group));

  th_test_collect_widgets (GTK_WIDGET (removed_row), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "host.allow-name") == 0)
      allow = buttons->pdata[i];
  g_assert_nonnull (allow);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (allow)), ==, "_Allow Again");
  g_signal_emit_by_name (allow, "clicked");

  g_assert_null (row_titled (f, "Ana"));
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_cmpuint (exchange (f, "POST", "/api/join", NULL, ana_again, NULL), ==, 200);
}

/* What the screen shows is what a phone needs. */
static void
test_qr (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  g_autofree char *zbarimg = find_zbarimg ();
  g_autofree char *qr = NULL;
  g_autofree char *expected = NULL;

  if (zbarimg == NULL)
    return;

  start_on_loopback (f);
  expected = th_room_server_dup_qr_url (server);
  qr = read_qr (zbarimg, GTK_WIDGET (f->page), "host-page.png");
  g_assert_cmpstr (qr, ==, expected);
}

static void
test_presenter_join_screen (Fixture *f, gconstpointer data)
{
  ThRoomServer *server = th_host_page_get_server (f->page);
  g_autofree char *zbarimg = find_zbarimg ();
  GtkWindow *projector;
  GtkWidget *screen;
  g_autofree char *qr = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  if (zbarimg == NULL)
    return;

  th_host_page_set_address (f->page, "127.0.0.1");
  g_assert_true (th_host_page_start (f->page, &error));
  g_assert_no_error (error);

  projector = GTK_WINDOW (gtk_window_new ());
  screen = th_host_join_screen_new (server);
  th_host_join_screen_set_presenter (TH_HOST_JOIN_SCREEN (screen), TRUE);
  gtk_window_set_default_size (projector, 1280, 720);
  gtk_window_set_child (projector, screen);
  gtk_window_present (projector);
  gtk_test_widget_wait_for_draw (screen);

  expected = th_room_server_dup_qr_url (server);
  qr = read_qr (zbarimg, screen, "presenter-join-screen.png");
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/room/host-page/hosting", test_hosting);
  ADD ("/room/host-page/lock-switch", test_lock_switch);
  ADD ("/room/host-page/remove-dialog", test_remove_dialog);
  ADD ("/room/host-page/markup-toast", test_markup_toast);
  ADD ("/room/host-page/room-size-and-refusals", test_room_size_and_refusals);
  ADD ("/room/host-page/generated-names-switch", test_generated_names_switch);
  ADD ("/room/host-page/allow-removed-name", test_allow_removed_name);
  ADD ("/room/host-page/qr", test_qr);
  ADD ("/room/host-page/presenter-join-screen", test_presenter_join_screen);
  ADD ("/room/host-page/rows-while-hidden", test_rows_while_hidden);
#undef ADD

  return g_test_run ();
}
