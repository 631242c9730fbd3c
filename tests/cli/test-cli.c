/* test-cli.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs the real two-hats executable, with no display, as a user or a
 * script would (docs/command-line.md): exit statuses, messages on stderr, and output
 * files written whole or not at all. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "th-test-utils.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @exe with @args, in German when @german says so. */
static void
run_program (Run *run, const char *const *start, gboolean german, va_list args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  const char *arg;
  int wait_status = 0;

  for (gsize i = 0; start[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)start[i]);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  /* The command line must work where there is no display at all. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* Each program finds its catalogue its own way (see run_german_devenv). */
  envp = g_environ_unsetenv (envp, "TWO_HATS_LOCALEDIR");
  if (german)
    {
      /* What a German desktop session sets. */
      envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);
      envp = g_environ_setenv (envp, "LANG", "de_DE.UTF-8", TRUE);
      envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
    }

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

/* Runs two-hats with the NULL-terminated arguments after @run. */
static void
run_two_hats (Run *run, ...)
{
  va_list args;

  va_start (args, run);
  run_program (run, (const char *const[]){ TWO_HATS_EXE, NULL }, FALSE, args);
  va_end (args);
}

/* The same in German, with the build tree's two-hats (tests/cli/uninstalled),
 * whose main.c binds the catalogue compiled from po/de.po. */
static void
run_two_hats_german (Run *run, ...)
{
  va_list args;

  va_start (args, run);
  run_program (run, (const char *const[]){ TWO_HATS_UNINSTALLED_EXE, NULL }, TRUE, args);
  va_end (args);
}

/* The installed-name two-hats as `meson devenv -C BUILD two-hats ARGS…`
 * runs it, in German. */
static void
run_german_devenv (Run *run, ...)
{
  const char *const start[] = { MESON, "devenv", "-C", BUILD_ROOT, "two-hats", NULL };
  va_list args;

  va_start (args, run);
  run_program (run, start, TRUE, args);
  va_end (args);
}

typedef struct
{
  gboolean done;
  char *out;
  char *err;
  GError *error;
} Communicated;

static void
communicated_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Communicated *communicated = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &communicated->out,
                                        &communicated->err, &communicated->error);
  communicated->done = TRUE;
}

static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* run_two_hats() for a run that could wait for ever (reading a FIFO, a
 * host that serves until it is stopped): past a deadline the program is
 * killed and the test fails, instead of hanging. */
static void
run_two_hats_bounded (Run *run, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  Communicated communicated = { 0 };
  gboolean expired = FALSE;
  guint deadline;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)TWO_HATS_EXE);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher
    = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated_cb, &communicated);
  deadline = g_timeout_add (th_test_deadline_ms (20000), deadline_cb, &expired);
  while (!communicated.done && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!communicated.done)
    {
      g_subprocess_force_exit (process);
      while (!communicated.done)
        g_main_context_iteration (NULL, TRUE);
      g_test_fail_printf ("%s did not end; it was killed", (char *)argv->pdata[1]);
    }
  else
    g_source_remove (deadline);

  g_assert_no_error (communicated.error);
  run->out = communicated.out;
  run->err = communicated.err;
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *content = NULL;

  g_file_get_contents (path, &content, NULL, &error);
  g_assert_no_error (error);
  return content;
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = th_test_fixture_path (name);

  return read_file (path);
}

static void
test_version (void)
{
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "two-hats " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_good (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-valid-full.json");
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *expected_deck
    = g_strdup_printf ("%s: valid deck “Mini deck”: 2 concept cards, 4 behaviour cards\n", deck);
  g_autofree char *expected_session
    = g_strdup_printf ("%s: valid session: 6 participants, 4 behaviour cards\n", session);
  g_autofree char *expected_both = g_strconcat (expected_deck, expected_session, NULL);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", deck, session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_both);
  g_assert_cmpstr (run.err, ==, "");
}

/* Text from a file never reaches the terminal as control characters. */
static void
test_check_hostile_title (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.json", NULL);
  g_autofree char *expected = g_strdup_printf (
    "%s: valid deck “Evil\uFFFD[2J\uFFFD”: 0 concept cards, 1 behaviour card\n", path);
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  g_file_set_contents (path,
                       "{\"format\": \"two-hats-deck\", \"version\": 1, \"id\": \"evil\", "
                       "\"title\": \"Evil\\u001b[2J\\u0007\", \"behaviours\": [{\"id\": \"b\", "
                       "\"text\": \"t\", \"key\": \"leadership\"}]}",
                       -1, &error);
  g_assert_no_error (error);

  run_two_hats (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  th_test_remove_dir (dir);
}

static void
test_check_bad_deck (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-behaviour-key-invalid.json");
  g_autofree char *expected = g_strdup_printf (
    "two-hats: %s: behaviours[3].key: “sideways” is not leadership or management\n", deck);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", deck, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_check_bad_session (void)
{
  g_autofree char *session = th_test_fixture_path ("session-rating-out-of-range.twohats");
  g_autofree char *expected = g_strdup_printf (
    "two-hats: %s: participants[3].ratings.explain-the-why: 7 is not between 1 and 5\n", session);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", session, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
}

static void
test_check_newer_version (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-version-newer.json");
  g_autofree char *session = th_test_fixture_path ("session-version-newer.twohats");
  g_autofree char *deck_prefix = g_strdup_printf ("two-hats: %s: version: ", deck);
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;

  run_two_hats (&run, "--check", deck, session, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], deck_prefix));
  g_assert_nonnull (strstr (lines[0], "made by a newer version of Two Hats"));
  g_assert_nonnull (strstr (lines[1], "made by a newer version of Two Hats"));
}

/* One bad file among good ones: the good ones are still reported. */
static void
test_check_mixed (void)
{
  g_autofree char *good = th_test_fixture_path ("deck-valid-minimal.json");
  g_autofree char *bad = th_test_fixture_path ("session-truncated.twohats");
  g_autofree char *bad_prefix
    = g_strdup_printf ("two-hats: %s: This is not a Two Hats workshop or card deck. Line ", bad);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", bad, good, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad_prefix));
  g_assert_nonnull (strstr (run.out, "valid deck"));
}

/* Files of other programs, given by mistake: each says first that it is
 * no Two Hats file, then what is wrong and where. */
static void
test_check_not_two_hats (void)
{
  g_autofree char *text = th_test_fixture_path ("loader-shopping-list.txt");
  g_autofree char *shopping = th_test_fixture_path ("loader-shopping-list.json");
  g_autofree char *truncated = th_test_fixture_path ("loader-truncated.json");
  g_autofree char *array = th_test_fixture_path ("loader-array.json");
  g_autofree char *expected = g_strdup_printf (
    "two-hats: %s: This is not a Two Hats workshop or card deck. Line 1, column 8: this is not "
    "valid JSON.\n"
    "two-hats: %s: This is not a Two Hats workshop or card deck. It has no “format” member, which "
    "every Two Hats file has.\n"
    "two-hats: %s: This is not a Two Hats workshop or card deck. Line 4, column 29: the text "
    "breaks off.\n"
    "two-hats: %s: This is not a Two Hats workshop or card deck. Expected a JSON object, found an "
    "array.\n",
    text, shopping, truncated, array);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", text, shopping, truncated, array, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
}

/* The exports say the same, and write nothing. */
static void
test_export_csv_not_two_hats (void)
{
  g_autofree char *text = th_test_fixture_path ("loader-shopping-list.txt");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "scores.csv", NULL);
  g_autofree char *option = g_strconcat ("--export-csv=", out, NULL);
  g_autofree char *expected
    = g_strdup_printf ("two-hats: %s: This is not a Two Hats workshop or card deck. Line 1, "
                       "column 8: this is not valid JSON.\n",
                       text);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, option, text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  th_test_remove_dir (dir);
}

static void
test_check_missing_file (void)
{
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--check", "/nonexistent-two-hats/deck.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "two-hats: /nonexistent-two-hats/deck.json: No such file or directory\n");
}

static void
test_export_csv_stdout (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *expected = read_fixture ("session-valid.csv");
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--export-csv=-", session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_export_csv_file (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "scores.csv", NULL);
  g_autofree char *option = g_strconcat ("--export-csv=", out, NULL);
  g_autofree char *expected = read_fixture ("session-valid.csv");
  g_autofree char *expected_anonymous = read_fixture ("session-valid-anonymous.csv");
  g_autofree char *written = NULL;
  g_autofree char *listing = NULL;

  {
    g_auto (Run) run = { 0 };

    run_two_hats (&run, option, session, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_cmpstr (run.err, ==, "");
    written = read_file (out);
    g_assert_cmpstr (written, ==, expected);
  }

  /* Again, anonymous, over the first file; options in any order. */
  {
    g_auto (Run) run = { 0 };

    run_two_hats (&run, session, "--anonymous", option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_clear_pointer (&written, g_free);
    written = read_file (out);
    g_assert_cmpstr (written, ==, expected_anonymous);
  }

  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "scores.csv");
  th_test_remove_dir (dir);
}

/* An anonymous CSV names people by the number the file gives them (or
 * the rules give them, for those without one), not by their place. */
static void
test_export_csv_numbered (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid-numbered.twohats");
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--export-csv=-", "--anonymous", session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "id,name,leadership,management,quadrant,sorted,correct\n"
                   "p1,Participant 2,75.0,25.0,leadership-driven,2,2\n"
                   "p2,Participant 3,,,,0,0\n"
                   "p3,Participant 1,,,,0,0\n"
                   "p4,Participant 5,,,,0,0\n"
                   "p5,Participant 6,,,,0,0\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* A bad session writes nothing: no new file, and an old one untouched. */
static void
test_export_csv_bad_session (void)
{
  g_autofree char *session = th_test_fixture_path ("session-participant-id-duplicate.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *new_out = g_build_filename (dir, "new.csv", NULL);
  g_autofree char *old_out = g_build_filename (dir, "old.csv", NULL);
  g_autofree char *new_option = g_strconcat ("--export-csv=", new_out, NULL);
  g_autofree char *old_option = g_strconcat ("--export-csv=", old_out, NULL);
  g_autofree char *expected_err = g_strdup_printf (
    "two-hats: %s: participants[2].id: “p1” is already the id of participants[0]\n", session);
  g_autofree char *old_content = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;

  g_file_set_contents (old_out, "old,scores\n", -1, &error);
  g_assert_no_error (error);

  {
    g_auto (Run) run = { 0 };

    run_two_hats (&run, new_option, session, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected_err);
  }
  {
    g_auto (Run) run = { 0 };

    run_two_hats (&run, old_option, session, NULL);
    g_assert_cmpint (run.status, ==, 1);
  }

  old_content = read_file (old_out);
  g_assert_cmpstr (old_content, ==, "old,scores\n");
  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "old.csv");
  th_test_remove_dir (dir);
}

static void
test_export_csv_from_deck (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-valid-full.json");
  g_autofree char *expected
    = g_strdup_printf ("two-hats: %s: is a deck, not a session (format)\n", deck);
  g_auto (Run) run = { 0 };

  run_two_hats (&run, "--export-csv=-", deck, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
}

/* The output cannot be written: exit 1, naming the output file. */
static void
test_export_csv_unwritable (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *plain = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *out = g_build_filename (plain, "scores.csv", NULL);
  g_autofree char *option = g_strconcat ("--export-csv=", out, NULL);
  g_autofree char *prefix = g_strdup_printf ("two-hats: %s: ", out);
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  g_file_set_contents (plain, "x", -1, &error);
  g_assert_no_error (error);

  run_two_hats (&run, option, session, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, "Not a directory"));
  th_test_remove_dir (dir);
}

/* A FIFO as input is refused at once: no wait for a writer. */
static void
test_check_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "session.twohats");
  g_autofree char *expected
    = g_strdup_printf ("two-hats: %s: Is a FIFO, not a regular file\n", fifo);
  g_auto (Run) run = { 0 };

  run_two_hats_bounded (&run, "--check", fifo, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  th_test_assert_is_fifo (fifo);
  th_test_remove_dir (dir);
}

static void
test_export_csv_from_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "session.twohats");
  g_autofree char *out = g_build_filename (dir, "x.csv", NULL);
  g_autofree char *option = g_strconcat ("--export-csv=", out, NULL);
  g_autofree char *expected
    = g_strdup_printf ("two-hats: %s: Is a FIFO, not a regular file\n", fifo);
  g_autofree char *listing = NULL;
  g_auto (Run) run = { 0 };

  run_two_hats_bounded (&run, option, fifo, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "session.twohats");
  th_test_remove_dir (dir);
}

/* docs/command-line.md, "Output files": never through a device or FIFO,
 * and never replacing one; a symbolic link to one is refused the same. */
static void
test_export_onto_fifo (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "fifo.csv");
  g_autofree char *fifo_png = th_test_make_fifo (dir, "fifo.png");
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  const char *const outputs[][2] = {
    { "--export-csv=", "fifo.csv" },
    { "--export-csv=", "link.csv" },
    { "--export-chart=", "fifo.png" },
  };
  g_autofree char *listing = NULL;

  g_assert_cmpint (symlink ("fifo.csv", link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *out = g_build_filename (dir, outputs[i][1], NULL);
      g_autofree char *option = g_strconcat (outputs[i][0], out, NULL);
      g_autofree char *expected
        = g_strdup_printf ("two-hats: %s: is not a regular file; nothing was written\n", out);
      g_auto (Run) run = { 0 };

      run_two_hats_bounded (&run, option, session, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, expected);
    }

  th_test_assert_is_fifo (fifo);
  th_test_assert_is_fifo (fifo_png);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "fifo.csv fifo.png link.csv");
  th_test_remove_dir (dir);
}

/* docs/command-line.md, "Output files": never onto an input, under any
 * name (the same path, a symbolic link, a hard link); the session stays
 * byte for byte as it was. */
static void
test_export_onto_input (void)
{
  g_autofree char *fixture = read_fixture ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *session = g_build_filename (dir, "s.twohats", NULL);
  g_autofree char *as_png = g_build_filename (dir, "s.png", NULL);
  g_autofree char *symbolic = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.svg", NULL);
  const struct
  {
    const char *option;
    const char *out;
    const char *in;
  } cases[] = {
    { "--export-csv=", session, session },
    { "--export-csv=", symbolic, session },
    { "--export-chart=", as_png, as_png },
    { "--export-chart=", hard, session },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *listing = NULL;

  g_file_set_contents (session, fixture, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (as_png, fixture, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("s.twohats", symbolic), ==, 0);
  g_assert_cmpint (link (session, hard), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *option = g_strconcat (cases[i].option, cases[i].out, NULL);
      g_autofree char *expected = g_strdup_printf (
        "two-hats: %s: is the input file %s; nothing was written\n", cases[i].out, cases[i].in);
      g_autofree char *after_session = NULL;
      g_autofree char *after_png = NULL;
      g_auto (Run) run = { 0 };

      run_two_hats (&run, option, cases[i].in, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);

      after_session = read_file (session);
      g_assert_cmpstr (after_session, ==, fixture);
      after_png = read_file (as_png);
      g_assert_cmpstr (after_png, ==, fixture);
    }

  g_assert_true (g_file_test (symbolic, G_FILE_TEST_IS_SYMLINK));
  listing = th_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "hard.svg link.csv s.png s.twohats");
  th_test_remove_dir (dir);
}

typedef struct
{
  GSubprocess *process;
  GDataInputStream *output;
} Host;

/* `two-hats --host` on loopback, once it has said where it listens. */
static void
host_start (Host *host, const char *session)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  host->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, TWO_HATS_EXE, "--host",
                                    "--bind=127.0.0.1", session, NULL);
  g_assert_no_error (error);
  host->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (host->process));
  line = g_data_input_stream_read_line_utf8 (host->output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "join-url: http://127.0.0.1:"));
}

static void
host_stop (Host *host)
{
  g_autoptr (GError) error = NULL;

  g_subprocess_send_signal (host->process, SIGTERM);
  g_subprocess_wait (host->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (host->process));
  g_assert_cmpint (g_subprocess_get_exit_status (host->process), ==, 0);
  g_clear_object (&host->output);
  g_clear_object (&host->process);
}

/* docs/session-format.md, "One writer at a time": a second host on the
 * same session file would write its participants over the first's, so
 * it refuses to start, says why, and leaves the file alone, as does an
 * export aimed at it; once the first has ended, a host starts again. */
static void
test_second_host_refused (void)
{
  g_autofree char *fixture = read_fixture ("session-valid.twohats");
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *session = g_build_filename (dir, "s.twohats", NULL);
  g_autofree char *expected = g_strdup_printf (
    "two-hats: %s: This workshop is open in another Two Hats window or “two-hats --host”\n",
    session);
  g_autofree char *refused = g_strdup_printf (
    "two-hats: %s: Is open in another Two Hats window or “two-hats --host”, which writes to it; "
    "nothing was written\n",
    session);
  g_autofree char *other = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *option = g_strconcat ("--export-csv=", session, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) second = { 0 };
  g_auto (Run) export = { 0 };
  Host first = { 0 };
  Host again = { 0 };

  g_file_set_contents (session, fixture, -1, &error);
  g_assert_no_error (error);
  host_start (&first, session);
  before = read_file (session);

  /* A second host, and an export over the hosted file.  The first host
   * is stopped before anything is asserted, so that a failure leaves no
   * process behind. */
  run_two_hats_bounded (&second, "--host", "--bind=127.0.0.1", session, NULL);
  run_two_hats_bounded (&export, option, other, NULL);
  after = read_file (session);
  host_stop (&first);

  g_assert_cmpint (second.status, ==, 1);
  g_assert_cmpstr (second.out, ==, "");
  g_assert_cmpstr (second.err, ==, expected);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_cmpstr (export.err, ==, refused);
  g_assert_cmpstr (after, ==, before);

  host_start (&again, session);
  host_stop (&again);
  th_test_remove_dir (dir);
}

static void
test_usage_errors (void)
{
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  const char *const cases[][4] = {
    { "--no-such-option", NULL },
    { "--check", NULL },
    { "--anonymous", NULL },
    { "--export-csv=-", NULL },
    { "--export-csv=-", session, session, NULL },
    { "--export-csv=-", "--size=10x10", session, NULL },
    { "--export-csv=-", "--check", session, NULL },
    { "--export-chart=chart.gif", session, NULL },
    { "--export-csv=-", "--room-size=10", session, NULL },
    { "--host", "--room-size=0", session, NULL },
    { "--host", "--room-size=2001", session, NULL },
    { "--host", "--room-size=ten", session, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_two_hats (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "two-hats: "));
      g_assert_cmpstr (run.out, ==, "");
    }
}

/* German, from po/de.po */

#define BUILD_CATALOGUE BUILD_ROOT "/po/de/LC_MESSAGES/" GETTEXT_PACKAGE ".mo"

/* Whether the German tests can run: the locale must exist (tools/deps
 * --tests generates it), and the catalogue is part of every build. */
static gboolean
german_available (void)
{
  locale_t german = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);

  if (german == (locale_t)0)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (tools/deps --tests generates it)");
      return FALSE;
    }
  freelocale (german);

  if (!g_file_test (BUILD_CATALOGUE, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: po/meson.build compiles it with the project", BUILD_CATALOGUE);
  return TRUE;
}

/* The expected strings are the msgstr of po/de.po, written out here. */

static void
test_german_missing_file (void)
{
  g_auto (Run) run = { 0 };

  if (!german_available ())
    return;

  run_two_hats_german (&run, "--check", "/nonexistent-two-hats/deck.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "two-hats: /nonexistent-two-hats/deck.json: Datei oder Ordner nicht gefunden\n");
}

/* The README's way to run the program from the build tree, `meson devenv
 * -C build two-hats`, speaks German too: the development environment
 * points the program's own catalogue folder at the build tree. */
static void
test_german_devenv (void)
{
  g_auto (Run) run = { 0 };

  if (!german_available ())
    return;

  run_german_devenv (&run, "--check", "/nonexistent-two-hats/deck.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "two-hats: /nonexistent-two-hats/deck.json: Datei oder Ordner nicht gefunden\n");
}

/* Plural forms too: "Plural-Forms: nplurals=2; plural=(n != 1)". */
static void
test_german_check_good (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-valid-full.json");
  g_autofree char *session = th_test_fixture_path ("session-valid.twohats");
  g_autofree char *expected
    = g_strdup_printf ("%s: gültiges Kartendeck „Mini deck“: 2 Konzeptkarten, 4 Verhaltenskarten\n"
                       "%s: gültige Sitzung: 6 Teilnehmende, 4 Verhaltenskarten\n",
                       deck, session);
  g_auto (Run) run = { 0 };

  if (!german_available ())
    return;

  run_two_hats_german (&run, "--check", deck, session, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_german_bad_deck (void)
{
  g_autofree char *deck = th_test_fixture_path ("deck-behaviour-key-invalid.json");
  g_autofree char *expected = g_strdup_printf (
    "two-hats: %s: behaviours[3].key: “sideways” ist weder „leadership“ noch „management“\n", deck);
  g_auto (Run) run = { 0 };

  if (!german_available ())
    return;

  run_two_hats_german (&run, "--check", deck, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_german_usage (void)
{
  g_auto (Run) run = { 0 };

  if (!german_available ())
    return;

  run_two_hats_german (&run, "--check", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==,
                   "two-hats: --check erwartet mindestens eine DATEI\n"
                   "„two-hats --help“ liefert weitere Informationen.\n");
  g_assert_cmpstr (run.out, ==, "");
}

/* The build tree's two-hats differs from the installed one only in where
 * it looks for the catalogue; the installed one looks in LOCALEDIR, and
 * that is where the build installs the catalogue (meson's install plan,
 * meson-info/intro-installed.json). */
static void
test_catalogue_installed_where_bound (void)
{
  g_autofree char *plan = g_build_filename (BUILD_ROOT, "meson-info", "intro-installed.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *installed;

  json_parser_load_from_file (parser, plan, &error);
  g_assert_no_error (error);
  installed = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (installed, BUILD_CATALOGUE));
  g_assert_cmpstr (json_object_get_string_member (installed, BUILD_CATALOGUE), ==,
                   LOCALEDIR "/de/LC_MESSAGES/" GETTEXT_PACKAGE ".mo");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/export-csv/numbered", test_export_csv_numbered);
  g_test_add_func ("/cli/check/good", test_check_good);
  g_test_add_func ("/cli/check/hostile-title", test_check_hostile_title);
  g_test_add_func ("/cli/check/bad-deck", test_check_bad_deck);
  g_test_add_func ("/cli/check/bad-session", test_check_bad_session);
  g_test_add_func ("/cli/check/newer-version", test_check_newer_version);
  g_test_add_func ("/cli/check/mixed", test_check_mixed);
  g_test_add_func ("/cli/check/missing-file", test_check_missing_file);
  g_test_add_func ("/cli/check/not-two-hats", test_check_not_two_hats);
  g_test_add_func ("/cli/export-csv/not-two-hats", test_export_csv_not_two_hats);
  g_test_add_func ("/cli/export-csv/stdout", test_export_csv_stdout);
  g_test_add_func ("/cli/export-csv/file", test_export_csv_file);
  g_test_add_func ("/cli/export-csv/bad-session", test_export_csv_bad_session);
  g_test_add_func ("/cli/export-csv/from-deck", test_export_csv_from_deck);
  g_test_add_func ("/cli/export-csv/unwritable", test_export_csv_unwritable);
  g_test_add_func ("/cli/check/fifo", test_check_fifo);
  g_test_add_func ("/cli/export-csv/from-fifo", test_export_csv_from_fifo);
  g_test_add_func ("/cli/export/onto-fifo", test_export_onto_fifo);
  g_test_add_func ("/cli/export/onto-input", test_export_onto_input);
  g_test_add_func ("/cli/host/second-host-refused", test_second_host_refused);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/german/missing-file", test_german_missing_file);
  g_test_add_func ("/cli/german/devenv", test_german_devenv);
  g_test_add_func ("/cli/german/check-good", test_german_check_good);
  g_test_add_func ("/cli/german/bad-deck", test_german_bad_deck);
  g_test_add_func ("/cli/german/usage", test_german_usage);
  g_test_add_func ("/cli/german/catalogue-installed-where-bound",
                   test_catalogue_installed_where_bound);

  return g_test_run ();
}
