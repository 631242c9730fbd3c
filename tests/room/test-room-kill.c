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

typedef struct
{
  GSubprocess *process;
  GDataInputStream *output;
  char *url;
  char *code;
} Host;

static void
host_start (Host *host, const char *session_path)
{
  g_autoptr (GError) error = NULL;
  GInputStream *stdout_pipe;

  host->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, two_hats, "--host",
                                    "--bind=127.0.0.1", "--port=0", session_path, NULL);
  g_assert_no_error (error);
  stdout_pipe = g_subprocess_get_stdout_pipe (host->process);
  host->output = g_data_input_stream_new (stdout_pipe);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (host->output, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "join-url: "))
        host->url = g_strdup (line + strlen ("join-url: "));
      else if (g_str_has_prefix (line, "join-code: "))
        host->code = g_strdup (line + strlen ("join-code: "));
      else
        g_error ("unexpected line on stdout: %s", line);
    }

  g_assert_true (g_str_has_prefix (host->url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (host->url, "/"));
  g_assert_cmpuint (strlen (host->code), ==, 6);
}

static void
host_clear (Host *host)
{
  g_clear_object (&host->output);
  g_clear_object (&host->process);
  g_clear_pointer (&host->url, g_free);
  g_clear_pointer (&host->code, g_free);
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
      Host host = { 0 };

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

      host_clear (&host);
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
  Host host = { 0 };

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

  host_clear (&host);
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
  g_autofree char *build_dir = NULL;

  /* Loopback needs no proxy, and the machine's proxy settings (libproxy)
   * must not decide whether the tests pass. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* G_TEST_BUILDDIR is build/tests; the program is build/src/two-hats. */
  build_dir = g_strdup (g_getenv ("G_TEST_BUILDDIR"));
  if (build_dir == NULL)
    build_dir = g_path_get_dirname (g_path_get_dirname (argv[0]));
  two_hats = g_build_filename (build_dir, "..", "src", "two-hats", NULL);
  if (!g_file_test (two_hats, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is not there: build the project first", two_hats);

  g_test_add_func ("/room/kill/after-200", test_kill_after_200);
  g_test_add_func ("/room/kill/sigterm-stops", test_sigterm_stops);
  g_test_add_func ("/room/kill/usage", test_usage);

  return g_test_run ();
}
