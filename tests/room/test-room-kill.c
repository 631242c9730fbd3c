/* test-room-kill.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `two-hats --host` as a separate process, killed with SIGKILL the moment
 * a 200 arrives: whatever was acknowledged must be in the file.  Also the
 * command line's own contract (the two lines on stdout, a clean stop on
 * SIGTERM, usage errors). */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "th-room-test-utils.h"

static char *two_hats;

/* `two-hats --host` on 127.0.0.1, a free port, serving @session_path. */
static void
host_start (ThRoomTestHost *host, const char *session_path)
{
  const char *argv[] = { two_hats, "--host", "--bind=127.0.0.1", "--port=0", session_path, NULL };

  th_room_test_host_start (host, argv);
}

static ThSession *
load (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  return session;
}

static void
test_kill_after_200 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("two-hats-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "killed.twohats", NULL);
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  th_room_test_write_session (path);

  /* Several rounds on one file: every round's host is killed right after
   * its 200, and every earlier round's answers must survive too. */
  for (guint round = 0; round < 4; round++)
    {
      g_autoptr (SoupSession) session = th_room_test_session_new ();
      g_autoptr (ThRoomReply) reply = NULL;
      g_autoptr (ThSession) saved = NULL;
      g_autofree char *answers = th_room_answers_for_seed (deck, 100 + round);
      g_autofree char *name = g_strdup_printf ("Round %u", round);
      g_autofree char *id = NULL;
      g_autofree char *token = NULL;
      ThRoomTestHost host = { 0 };

      host_start (&host, path);
      token = th_room_join (session, host.url, host.code, name, &id);
      reply = th_room_request (session, host.url, "PUT", "/api/answers", token, answers, -1);
      g_assert_cmpuint (reply->status, ==, 200);

      /* No grace: SIGKILL cannot be caught, nothing runs after it. */
      g_subprocess_send_signal (host.process, SIGKILL);
      g_subprocess_wait (host.process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (host.process));
      g_assert_cmpint (g_subprocess_get_term_sig (host.process), ==, SIGKILL);

      g_ptr_array_add (ids, g_steal_pointer (&id));
      saved = load (path);
      g_assert_cmpuint (th_session_get_n_participants (saved), ==, round + 1);
      for (guint i = 0; i <= round; i++)
        th_room_assert_answers (deck, th_session_lookup_participant (saved, ids->pdata[i]),
                                100 + i);

      th_room_test_host_clear (&host);
    }

  /* No temporary file is left beside it either... at least none that
   * would be taken for a session. */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *full = g_build_filename (dir, entry, NULL);

        g_assert_false (g_str_has_suffix (entry, ".twohats") && strcmp (entry, "killed.twohats"));
        g_unlink (full);
      }
  }
  g_rmdir (dir);
}

static void
test_sigterm_stops (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("two-hats-term-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "term.twohats", NULL);
  g_autoptr (SoupSession) session = th_room_test_session_new ();
  g_autofree char *token = NULL;
  g_autofree char *id = NULL;
  g_autoptr (ThSession) saved = NULL;
  ThRoomTestHost host = { 0 };

  th_room_test_write_session (path);
  host_start (&host, path);
  token = th_room_join (session, host.url, host.code, NULL, &id);

  g_subprocess_send_signal (host.process, SIGTERM);
  g_subprocess_wait (host.process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (host.process));
  g_assert_cmpint (g_subprocess_get_exit_status (host.process), ==, 0);

  saved = load (path);
  g_assert_nonnull (th_session_lookup_participant (saved, id));
  g_assert_cmpstr (th_participant_get_name (th_session_lookup_participant (saved, id)), ==,
                   "Participant 1");

  th_room_test_host_clear (&host);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_usage (void)
{
  struct
  {
    const char *args[4];
    int status;
  } cases[] = {
    { { "--host", NULL }, 2 },
    { { "--bind=127.0.0.1", "x.twohats", NULL }, 2 },
    { { "--host", "--port=70000", "x.twohats", NULL }, 2 },
    { { "--host", "--port=abc", "x.twohats", NULL }, 2 },
    { { "--host", "--bind=not-an-address", "SESSION", NULL }, 1 },
    { { "--host", "/nonexistent/session.twohats", NULL }, 1 },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("two-hats-usage-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "usage.twohats", NULL);

  th_room_test_write_session (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_autoptr (GSubprocess) process = NULL;

      g_ptr_array_add (argv, two_hats);
      for (guint j = 0; cases[i].args[j] != NULL; j++)
        g_ptr_array_add (
          argv, (char *)(strcmp (cases[i].args[j], "SESSION") == 0 ? path : cases[i].args[j]));
      g_ptr_array_add (argv, NULL);

      process = g_subprocess_newv (
        (const char *const *)argv->pdata,
        G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, cases[i].status);
    }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  th_room_test_init (&argc, &argv);

  two_hats = th_room_test_two_hats (argv[0]);

  g_test_add_func ("/room/kill/after-200", test_kill_after_200);
  g_test_add_func ("/room/kill/sigterm-stops", test_sigterm_stops);
  g_test_add_func ("/room/kill/usage", test_usage);

  return g_test_run ();
}
