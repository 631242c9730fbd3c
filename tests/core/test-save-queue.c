/* test-save-queue.c: one writer per session file
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "th-save-queue.h"
#include "th-test-save-gate.h"
#include "th-test-session.h"
#include "th-test-utils.h"

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

/* Lets every write through and waits for @queue to finish them, before
 * the gate goes. */
static void
gate_tear_down (ThTestSaveGate *gate, ThSaveQueue *queue)
{
  th_test_save_gate_open (gate);
  wait_idle (queue);
  th_test_save_gate_remove (gate);
}

static void
test_requests_during_a_held_write_join_the_next (Fixture *f, gconstpointer data)
{
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" }, second = { f, "b" }, third = { f, "c" };
  ThTestSaveGate gate;

  th_test_save_gate_install (&gate);
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));

  /* The first write is certainly in progress, and has written nothing. */
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &second);
  th_save_queue_request (queue, done_cb, &third);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_save_queue_get_busy (queue));
  g_assert_false (g_file_query_exists (f->file, NULL));
  g_assert_cmpstr (f->log->str, ==, "");
  /* Never two writes at once: the second waits for the first. */
  g_assert_cmpuint (th_test_save_gate_get_n_held (&gate), ==, 1);

  th_test_save_gate_open (&gate);
  wait_idle (queue);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 c:2 ");
  g_assert_cmpuint (th_test_save_gate_get_n_held (&gate), ==, 2);
  g_assert_cmpuint (participants_on_disk (f->file), ==, 2);

  gate_tear_down (&gate, queue);
}

/* What the window does before it closes: th_save_queue_save_now() while a
 * write is in progress waits for it, completes it first, and leaves the
 * file with the newest state rather than the one the worker holds. */
static void
test_save_now_during_a_held_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" }, second = { f, "b" };
  ThTestSaveGate gate;

  th_test_save_gate_install (&gate);
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));

  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &second);
  g_assert_true (th_save_queue_save_now (queue, &error));
  g_assert_no_error (error);

  /* It waited for the held write (which only its wait let through), then
   * wrote on this thread: both completed, in order, before it returned. */
  g_assert_cmpuint (th_test_save_gate_get_n_waits (&gate), ==, 1);
  g_assert_cmpuint (th_test_save_gate_get_n_held (&gate), ==, 1);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 ");
  g_assert_false (th_save_queue_get_busy (queue));
  g_assert_cmpuint (participants_on_disk (f->file), ==, 2);

  /* The held write's own completion, whenever it reaches this thread,
   * changes nothing. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (f->log->str, ==, "a:1 b:2 ");
  g_assert_cmpuint (participants_on_disk (f->file), ==, 2);

  gate_tear_down (&gate, queue);
}

/* th_save_queue_flush() with nothing pending but a write in progress
 * finishes that write before it returns, and gives its result. */
static void
test_flush_finishes_a_held_write (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" };
  ThTestSaveGate gate;

  th_test_save_gate_install (&gate);
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));
  g_assert_false (g_file_query_exists (f->file, NULL));

  g_assert_true (th_save_queue_flush (queue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (th_test_save_gate_get_n_waits (&gate), ==, 1);
  g_assert_cmpstr (f->log->str, ==, "a:1 ");
  g_assert_false (th_save_queue_get_busy (queue));
  g_assert_cmpuint (th_save_queue_get_n_writes (queue), ==, 1);
  g_assert_cmpuint (participants_on_disk (f->file), ==, 1);

  gate_tear_down (&gate, queue);
}

/* The last reference to a queue, dropped while its write is held, waits
 * for the write and completes it: the queue never goes with a write out. */
static void
test_last_reference_during_a_held_write (Fixture *f, gconstpointer data)
{
  ThSaveQueue *queue = th_save_queue_get (f->session, f->file);
  Request first = { f, "a" };
  ThTestSaveGate gate;

  th_test_save_gate_install (&gate);
  g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));
  th_save_queue_request (queue, done_cb, &first);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));

  g_object_unref (queue);
  g_assert_cmpuint (th_test_save_gate_get_n_waits (&gate), ==, 1);
  g_assert_cmpstr (f->log->str, ==, "a:1 ");
  g_assert_cmpuint (participants_on_disk (f->file), ==, 1);

  /* The task's completion finds no queue, and does nothing. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (f->log->str, ==, "a:1 ");

  th_test_save_gate_remove (&gate);
}

/* A disk that fills up during the worker's write (a file size limit in a
 * child process stands in for it): every request of that write hears of
 * it on the main thread, the file keeps what it held and no temporary
 * file is left behind. */
static void
test_full_disk (Fixture *f, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (ThSaveQueue) queue = th_save_queue_get (f->session, f->file);
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      Request first = { f, "a" }, second = { f, "b" };
      g_autofree char *contents = NULL;
      g_autofree char *listing = NULL;

      g_assert_true (g_file_set_contents (g_file_peek_path (f->file), "as it was", -1, NULL));
      /* Well past the limit. */
      for (guint i = 0; i < 1000; i++)
        g_assert_nonnull (th_session_add_participant (f->session, NULL, NULL));

      /* Past the limit, write() fails with EFBIG instead of killing us. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      th_save_queue_request (queue, done_cb, &first);
      th_save_queue_request (queue, done_cb, &second);
      wait_idle (queue);
      g_assert_cmpstr (f->log->str, ==, "a!:1 b!:1 ");

      g_assert_true (g_file_get_contents (g_file_peek_path (f->file), &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "as it was");
      listing = th_test_list_dir (f->dir);
      g_assert_cmpstr (listing, ==, "room.twohats");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Every kind of change a session goes through while a worker makes the
 * text of an earlier snapshot. */
static void
change_everything (ThSession *session)
{
  g_autoptr (GError) error = NULL;

  th_session_set_title (session, "Renamed while the worker writes");
  th_session_set_threshold (session, 75);
  th_participant_set_name (th_session_lookup_participant (session, "p1"), "Someone Else");
  g_assert_true (
    th_session_set_sort (session, "p1", "explain-the-why", TH_SIDE_MANAGEMENT, &error));
  g_assert_no_error (error);
  g_assert_true (th_session_set_rating (session, "p1", "weekly-milestones", 5, &error));
  g_assert_no_error (error);
  g_assert_true (th_session_remove_participant (session, "p2"));
  g_assert_nonnull (th_session_add_participant (session, "Newcomer", NULL));
}

/* The worker writes from a snapshot: the session as it was when the
 * snapshot was taken, byte for byte (the fixture is in the writer's own
 * form), whatever happens to the session afterwards, its going away
 * included. */
static void
test_snapshot_is_the_session_as_it_was (void)
{
  g_autoptr (GBytes) expected = th_test_fixture_bytes ("session-valid.twohats");
  ThSession *session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSessionSnapshot) snapshot = th_session_snapshot_new (session);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  before = th_session_snapshot_to_data (snapshot, &before_length);
  g_assert_cmpmem (before, before_length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  change_everything (session);
  g_object_unref (session);

  after = th_session_snapshot_to_data (snapshot, &after_length);
  g_assert_cmpmem (after, after_length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
}

/* A session with no title and nobody in it. */
static void
test_snapshot_of_an_empty_session (Fixture *f, gconstpointer data)
{
  g_autoptr (ThSessionSnapshot) snapshot = th_session_snapshot_new (f->session);
  g_autofree char *text = th_session_snapshot_to_data (snapshot, NULL);

  /* The session's own members are indented by two spaces, the deck's
   * by four. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"two-hats-session\",\n"));
  g_assert_null (strstr (text, "\n  \"title\""));
  g_assert_true (g_str_has_suffix (text, ",\n  \"participants\": []\n}\n"));
}

/* Through the queue: the changes made while a write is held are not in
 * that write (its snapshot was taken when it began), and the next request
 * writes them. */
static void
test_held_write_writes_its_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) expected = th_test_fixture_bytes ("session-valid.twohats");
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (ThSaveQueue) queue = th_save_queue_get (session, f->file);
  g_autofree char *contents = NULL;
  gsize length;
  ThTestSaveGate gate;

  th_test_save_gate_install (&gate);
  th_save_queue_request (queue, NULL, NULL);
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (th_test_save_gate_wait_held (&gate, 1, th_test_deadline_ms (10000)));

  change_everything (session);
  th_test_save_gate_open (&gate);
  wait_idle (queue);
  g_assert_true (g_file_get_contents (g_file_peek_path (f->file), &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  th_save_queue_request (queue, NULL, NULL);
  wait_idle (queue);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (g_file_peek_path (f->file), &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Renamed while the worker writes\""));
  g_assert_nonnull (strstr (contents, "\"name\": \"Newcomer\""));
  g_assert_nonnull (strstr (contents, "\"name\": \"Someone Else\""));
  g_assert_null (strstr (contents, "\"name\": \"Lee, Jordan\""));

  gate_tear_down (&gate, queue);
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
  ADD ("/core/save-queue/held-write/requests-join-the-next",
       test_requests_during_a_held_write_join_the_next);
  ADD ("/core/save-queue/held-write/save-now", test_save_now_during_a_held_write);
  ADD ("/core/save-queue/held-write/flush", test_flush_finishes_a_held_write);
  ADD ("/core/save-queue/held-write/last-reference", test_last_reference_during_a_held_write);
  ADD ("/core/save-queue/full-disk", test_full_disk);
  ADD ("/core/save-queue/snapshot/empty-session", test_snapshot_of_an_empty_session);
  ADD ("/core/save-queue/snapshot/held-write", test_held_write_writes_its_snapshot);
#undef ADD
  g_test_add_func ("/core/save-queue/snapshot/as-it-was", test_snapshot_is_the_session_as_it_was);

  return g_test_run ();
}
