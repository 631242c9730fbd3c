/* test-save-queue.c: one writer per session file
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "th-save-queue.h"

typedef struct
{
  char *dir;
  GFile *file;
  ThDeck *deck;
  ThSession *session;
  GString *log; /* completions, in order */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-save-queue-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "room.twohats", NULL);
  f->deck = th_deck_new_builtin ();
  f->session = th_session_new (f->deck);
  f->log = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->session);
  g_clear_object (&f->deck);
  g_string_free (f->log, TRUE);
}

typedef struct
{
  Fixture *f;
  const char *name;
} Request;

static void
done_cb (ThSaveQueue *queue, const GError *error, gpointer user_data)
{
  Request *request = user_data;

  g_string_append_printf (request->f->log, "%s%s:%" G_GUINT64_FORMAT " ", request->name,
                          error != NULL ? "!" : "", th_save_queue_get_n_writes (queue));
}

static void
wait_idle (ThSaveQueue *queue)
{
  while (th_save_queue_get_busy (queue))
    g_main_context_iteration (NULL, TRUE);
}

static guint
participants_on_disk (GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  return th_session_get_n_participants (session);
}

static void
test_shared (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) same = g_file_new_for_path (g_file_peek_path (f->file));
  g_autoptr (GFile) other = g_file_new_build_filename (f->dir, "other.twohats", NULL);
  g_autoptr (ThSession) session2 = th_session_new (f->deck);
  g_autoptr (ThSaveQueue) a = th_save_queue_get (f->session, f->file);
  g_autoptr (ThSaveQueue) b = th_save_queue_get (f->session, same);
  g_autoptr (ThSaveQueue) c = th_save_queue_get (f->session, other);
  g_autoptr (ThSaveQueue) d = th_save_queue_get (session2, f->file);

  g_assert_true (a == b);
  g_assert_true (a != c);
  g_assert_true (a != d);
  g_assert_false (th_save_queue_get_busy (a));
}

static void
test_one_write_per_iteration (Fixture *f, gconstpointer data)
{
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request one = { f, "a" }, two = { f, "b" }, three = { f, "c" };

  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &one);
  th_save_queue_request (queue, done_cb, &two);
  th_save_queue_request (queue, done_cb, &three);
  th_save_queue_request (queue, NULL, NULL);

  /* Nothing is written within the iteration that asked. */
  g_assert_false (g_file_query_exists (f->file, NULL));
  g_assert_true (th_save_queue_get_busy (queue));

  wait_idle (queue);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:1 c:1 ");
  g_assert_cmpuint (th_save_queue_get_n_writes (queue), ==, 1);
  g_assert_cmpuint (participants_on_disk (f->file), ==, 3);
}

static gboolean
write_started (ThSaveQueue *queue)
{
  /* The idle ran: the request left the pending list for a write. */
  return th_save_queue_get_busy (queue);
}

static void
test_requests_during_a_write_join_the_next (Fixture *f, gconstpointer data)
{
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" }, second = { f, "b" }, third = { f, "c" };

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  /* One iteration runs the idle, which snapshots the session and hands
   * the bytes to the worker. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (write_started (queue));

  /* Made while the first write may still be going on: they must not be
   * answered by it, since it does not hold this participant. */
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &second);
  th_save_queue_request (queue, done_cb, &third);

  wait_idle (queue);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 c:2 ");
  g_assert_cmpuint (participants_on_disk (f->file), ==, 2);
}

static void
test_save_now_waits_for_the_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" }, second = { f, "b" };

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_main_context_iteration (NULL, FALSE);

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &second);
  g_assert_true (th_save_queue_save_now (queue, &error));
  g_assert_no_error (error);

  /* Both completed, in the order of their writes, before it returned. */
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 ");
  g_assert_false (th_save_queue_get_busy (queue));
  g_assert_cmpuint (participants_on_disk (f->file), ==, 2);

  /* Nothing pending: flush has nothing to write. */
  g_assert_true (th_save_queue_flush (queue, &error));
  g_assert_cmpuint (th_save_queue_get_n_writes (queue), ==, 2);

  /* The completion of the first write, still queued on the main
   * context, does nothing a second time. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 ");
}

static void
test_failure_reaches_every_request (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) blocked = g_file_new_build_filename (f->dir, "not-a-folder", "x.twohats", NULL);
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, blocked);
  g_autofree char *obstacle = g_build_filename (f->dir, "not-a-folder", NULL);
  Request first = { f, "a" }, second = { f, "b" };

  g_assert_true (g_file_set_contents (obstacle, "in the way", -1, NULL));

  th_save_queue_request (queue, done_cb, &first);
  th_save_queue_request (queue, done_cb, &second);
  wait_idle (queue);
  g_assert_cmpstr (f->log->str, ==, "a!:1 b!:1 ");

  g_assert_false (th_save_queue_save_now (queue, &error));
  g_assert_nonnull (error);

  /* The obstacle is as it was. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (obstacle, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "in the way");
  }
  g_unlink (obstacle);
}

static void
test_last_reference_writes_what_is_pending (Fixture *f, gconstpointer data)
{
  ThSaveQueue *queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" };

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_object_unref (queue);

  g_assert_cmpstr (f->log->str, ==, "a:1 ");
  g_assert_cmpuint (participants_on_disk (f->file), ==, 1);
}

static void
test_flush_all (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) other = g_file_new_build_filename (f->dir, "other.twohats", NULL);
  g_autoptr (ThSaveQueue) a = th_save_queue_get (f->session, f->file);
  g_autoptr (ThSaveQueue) b = th_save_queue_get (f->session, other);

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (a, NULL, NULL);
  th_save_queue_request (b, NULL, NULL);
  g_main_context_iteration (NULL, FALSE);

  th_save_queue_flush_all ();
  g_assert_false (th_save_queue_get_busy (a));
  g_assert_false (th_save_queue_get_busy (b));
  g_assert_cmpuint (participants_on_disk (f->file), ==, 1);
  g_assert_cmpuint (participants_on_disk (other), ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/save-queue/shared", test_shared);
  ADD ("/core/save-queue/one-write-per-iteration", test_one_write_per_iteration);
  ADD ("/core/save-queue/during-a-write", test_requests_during_a_write_join_the_next);
  ADD ("/core/save-queue/save-now-waits", test_save_now_waits_for_the_write);
  ADD ("/core/save-queue/failure", test_failure_reaches_every_request);
  ADD ("/core/save-queue/last-reference", test_last_reference_writes_what_is_pending);
  ADD ("/core/save-queue/flush-all", test_flush_all);
#undef ADD

  return g_test_run ();
}
