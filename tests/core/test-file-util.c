/* test-file-util.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "th-error.h"
#include "th-file-util.h"
#include "th-session.h"
#include "th-test-utils.h"

static const char old_content[] = "the old content, which must survive\n";

static void
write_file (const char *path, const char *content)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_content (const char *path, const char *expected)
{
  g_autofree char *content = NULL;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (path, &content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content, ==, expected);
}

static void
assert_listing (const char *dir, const char *expected)
{
  g_autofree char *listing = th_test_list_dir (dir);

  g_assert_cmpstr (listing, ==, expected);
}

static void
test_write_new_and_replace (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr (GError) error = NULL;
  struct stat st;

  g_assert_true (th_file_write_atomic (path, "first\n", 6, &error));
  g_assert_no_error (error);
  assert_file_content (path, "first\n");

  /* Replacing keeps the permissions the user gave the file. */
  g_assert_cmpint (chmod (path, 0640), ==, 0);
  g_assert_true (th_file_write_atomic (path, "second\n", 7, &error));
  g_assert_no_error (error);
  assert_file_content (path, "second\n");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Empty data makes an empty file. */
  g_assert_true (th_file_write_atomic (path, "", 0, &error));
  assert_file_content (path, "");

  assert_listing (dir, "out.csv");
  th_test_remove_dir (dir);
}

/* Writing through a symbolic link replaces what it points to and keeps
 * the link. */
static void
test_write_through_symlink (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "real.twohats", NULL);
  g_autofree char *link = g_build_filename (dir, "link.twohats", NULL);
  g_autoptr (GError) error = NULL;

  write_file (target, old_content);
  g_assert_cmpint (symlink ("real.twohats", link), ==, 0);

  g_assert_true (th_file_write_atomic (link, "new\n", 4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_content (target, "new\n");
  assert_listing (dir, "link.twohats real.twohats");

  th_test_remove_dir (dir);
}

/* Tests run as root, where a read-only folder does not stop a write; a
 * folder that is really a regular file does. */
static void
test_parent_is_a_file (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *not_a_dir = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (not_a_dir, "out.twohats", NULL);
  g_autoptr (GError) error = NULL;

  write_file (not_a_dir, old_content);

  g_assert_false (th_file_write_atomic (path, "data", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "Not a directory"));

  assert_file_content (not_a_dir, old_content);
  assert_listing (dir, "plain-file");
  th_test_remove_dir (dir);
}

static void
test_missing_folder (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (th_file_write_atomic ("/nonexistent-two-hats/out.csv", "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "No such file or directory"));
}

/* The rename fails (the target is a folder with something in it): the
 * temporary file is removed and the folder is untouched. */
static void
test_rename_fails (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *target = g_build_filename (dir, "taken", NULL);
  g_autofree char *inside = g_build_filename (target, "keep.txt", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  write_file (inside, old_content);

  g_assert_false (th_file_write_atomic (target, "data", 4, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_test_message ("%s", error->message);

  assert_file_content (inside, old_content);
  assert_listing (dir, "taken");
  th_test_remove_dir (dir);
}

/* A write that fails half-way (as on a full disk), simulated with a file
 * size limit in a child process: the old file keeps its content and no
 * temporary file is left behind. */
static void
test_write_fails (void)
{
  const char *dir = g_getenv ("TH_TEST_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "session.twohats", NULL);
      g_autofree char *big = g_strnfill (256 * 1024, 'x');
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr (GError) error = NULL;

      /* Past the limit, write() fails with EFBIG instead of killing us. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (th_file_write_atomic (path, big, strlen (big), &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, "File too large"));
      return;
    }

  {
    g_autofree char *tmp_dir = th_test_make_dir ();
    g_autofree char *path = g_build_filename (tmp_dir, "session.twohats", NULL);

    write_file (path, old_content);

    /* The child inherits the environment (GLib 2.74 has no envp variant). */
    g_setenv ("TH_TEST_DIR", tmp_dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_unsetenv ("TH_TEST_DIR");

    assert_file_content (path, old_content);
    assert_listing (tmp_dir, "session.twohats");
    th_test_remove_dir (tmp_dir);
  }
}

/* The same through the session's own save. */
static void
test_session_save_fails (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *not_a_dir = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *bad_path = g_build_filename (not_a_dir, "x.twohats", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.twohats", NULL);
  g_autoptr (GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr (GFile) good_file = g_file_new_for_path (good_path);
  g_autoptr (GFile) fixture = th_test_fixture_file ("session-valid.twohats");
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new_from_file (fixture, &error);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  write_file (not_a_dir, old_content);
  g_assert_true (th_session_save_to_file (session, good_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (good_path, &saved, NULL, NULL);

  th_session_set_title (session, "Changed");
  g_assert_false (th_session_save_to_file (session, bad_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  assert_file_content (good_path, saved);
  assert_file_content (not_a_dir, old_content);
  assert_listing (dir, "good.twohats plain-file");
  th_test_remove_dir (dir);
}

static void
test_read_bounded (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ten.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent-two-hats/x");
  g_autoptr (GFile) proc = g_file_new_for_path ("/proc/self/status");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  write_file (path, "0123456789");

  bytes = th_file_read_bounded (file, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_null (th_file_read_bounded (file, 9, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (th_file_read_bounded (folder, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_null (th_file_read_bounded (missing, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No such file or directory");
  g_clear_error (&error);

  /* /proc files claim to be empty: the limit holds while reading. */
  g_assert_null (th_file_read_bounded (proc, 16, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_clear_error (&error);
  bytes = th_file_read_bounded (proc, 1024 * 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16);

  th_test_remove_dir (dir);
}

/* docs/command-line.md, "Output files": never through a device or a
 * FIFO.  A FIFO stands in for a device here: writing through it would
 * block or fill a pipe, replacing it would take its place in the folder,
 * and the test never goes near a real device node. */
static void
test_write_refuses_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "fifo");
  g_autoptr (GError) error = NULL;

  g_assert_false (th_file_write_atomic (fifo, "data", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "Is a FIFO, not a regular file; nothing was written");

  th_test_assert_is_fifo (fifo);
  assert_listing (dir, "fifo");
  th_test_remove_dir (dir);
}

/* A symbolic link is followed to what it points to; when that is not a
 * regular file, it is refused all the same, and the link stays. */
static void
test_write_refuses_symlink_to_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "fifo");
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (symlink ("fifo", link), ==, 0);

  g_assert_false (th_file_write_atomic (link, "data", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  th_test_assert_is_fifo (fifo);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_listing (dir, "fifo link.csv");
  th_test_remove_dir (dir);
}

static void
test_write_refuses_folder (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "out.csv", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_false (th_file_write_atomic (folder, "data", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_listing (dir, "out.csv");
  th_test_remove_dir (dir);
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  GError *error;
  int done;
} ReadJob;

static gpointer
read_thread (gpointer data)
{
  ReadJob *job = data;

  job->bytes = th_file_read_bounded (job->file, 1024, &job->error);
  g_atomic_int_set (&job->done, TRUE);
  return NULL;
}

/* Reading a FIFO would wait for a writer for ever: it is refused at once.
 * The read runs on a thread so that, should it block, the test can let it
 * go (by opening the FIFO for writing) and fail instead of hanging. */
static void
test_read_refuses_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "session.twohats");
  ReadJob job = { 0 };
  GThread *thread;
  gint64 deadline;

  job.file = g_file_new_for_path (fifo);

  thread = g_thread_new ("reader", read_thread, &job);
  deadline = g_get_monotonic_time () + (gint64)th_test_deadline_ms (10000) * 1000;
  while (!g_atomic_int_get (&job.done) && g_get_monotonic_time () < deadline)
    g_usleep (1000);

  if (!g_atomic_int_get (&job.done))
    {
      int fd = open (fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

      if (fd >= 0)
        close (fd);
      g_thread_join (thread);
      g_test_fail_printf ("reading a FIFO waited for a writer instead of refusing it");
    }
  else
    {
      g_thread_join (thread);
      g_assert_null (job.bytes);
      g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_cmpstr (job.error->message, ==, "Is a FIFO, not a regular file");
    }

  g_clear_pointer (&job.bytes, g_bytes_unref);
  g_clear_error (&job.error);
  g_clear_object (&job.file);
  th_test_remove_dir (dir);
}

static void
assert_locked_error (const GError *error)
{
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==,
                   "This workshop is open in another Two Hats window or “two-hats --host”");
}

/* docs/session-format.md, "One writer at a time": a second holder of a
 * session file's lock is refused until the first lets it go. */
static void
test_lock_second_refused (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "offsite.twohats", NULL);
  ThFileLock *first = th_file_lock_new (path);
  g_autoptr (ThFileLock) second = th_file_lock_new (path);
  g_autoptr (GError) error = NULL;

  write_file (path, old_content);

  g_assert_true (th_file_lock_acquire (first, &error));
  g_assert_no_error (error);
  g_assert_true (th_file_lock_get_held (first));

  g_assert_false (th_file_lock_acquire (second, &error));
  assert_locked_error (error);
  g_assert_false (th_file_lock_get_held (second));
  g_clear_error (&error);

  /* Taking it again changes nothing for the one that holds it. */
  g_assert_true (th_file_lock_acquire (first, &error));
  g_assert_no_error (error);

  th_file_lock_unref (first);
  g_assert_true (th_file_lock_acquire (second, &error));
  g_assert_no_error (error);

  assert_file_content (path, old_content);
  th_test_remove_dir (dir);
}

/* Saving renames a new file over the old one; the lock goes with the
 * name, so the file is still locked after every save. */
static void
test_lock_survives_saves (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "offsite.twohats", NULL);
  g_autoptr (ThFileLock) holder = th_file_lock_new (path);
  g_autoptr (GError) error = NULL;
  struct stat before, after;
  char first_bytes[sizeof old_content] = { 0 };
  int original;

  write_file (path, old_content);
  g_assert_true (th_file_lock_acquire (holder, &error));
  g_assert_no_error (error);
  /* Kept open, so that its inode cannot be given to a new file. */
  original = open (path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (original, >=, 0);
  g_assert_cmpint (fstat (original, &before), ==, 0);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *content = g_strdup_printf ("save %u\n", i);
      g_autoptr (ThFileLock) other = th_file_lock_new (path);

      g_assert_true (th_file_lock_write_atomic (holder, content, strlen (content), &error));
      g_assert_no_error (error);
      assert_file_content (path, content);

      g_assert_false (th_file_lock_acquire (other, &error));
      assert_locked_error (error);
      g_clear_error (&error);
    }

  /* It really was replaced, not written in place: the original file is
   * another one than the file under the name, and holds what it held. */
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_true (before.st_ino != after.st_ino || before.st_dev != after.st_dev);
  g_assert_cmpint (read (original, first_bytes, sizeof first_bytes - 1), ==,
                   (gssize)strlen (old_content));
  g_assert_cmpstr (first_bytes, ==, old_content);
  close (original);
  assert_listing (dir, "offsite.twohats");
  th_test_remove_dir (dir);
}

/* Whoever does not hold the lock writes nothing over the file: not
 * through another lock, and not through a plain atomic write (an export
 * aimed at an open workshop). */
static void
test_lock_keeps_other_writers_off (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "offsite.twohats", NULL);
  g_autofree char *link = g_build_filename (dir, "link.twohats", NULL);
  g_autoptr (ThFileLock) holder = th_file_lock_new (path);
  g_autoptr (ThFileLock) other = th_file_lock_new (link);
  g_autoptr (GError) error = NULL;

  write_file (path, old_content);
  g_assert_cmpint (symlink ("offsite.twohats", link), ==, 0);
  g_assert_true (th_file_lock_acquire (holder, &error));
  g_assert_no_error (error);

  g_assert_false (th_file_lock_write_atomic (other, "other\n", 6, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_clear_error (&error);

  g_assert_false (th_file_write_atomic (path, "id,name\n", 8, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (th_file_write_atomic (link, "id,name\n", 8, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_LOCKED);
  g_clear_error (&error);

  assert_file_content (path, old_content);
  assert_listing (dir, "link.twohats offsite.twohats");
  th_test_remove_dir (dir);
}

/* A session saved for the first time: there is nothing to lock until the
 * write makes the file, which then is locked. */
static void
test_lock_new_file (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.twohats", NULL);
  g_autoptr (ThFileLock) holder = th_file_lock_new (path);
  g_autoptr (ThFileLock) other = th_file_lock_new (path);
  g_autoptr (GError) error = NULL;

  g_assert_false (th_file_lock_acquire (holder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (th_file_lock_write_atomic (holder, "first\n", 6, &error));
  g_assert_no_error (error);
  g_assert_true (th_file_lock_get_held (holder));

  g_assert_false (th_file_lock_acquire (other, &error));
  assert_locked_error (error);
  assert_file_content (path, "first\n");
  th_test_remove_dir (dir);
}

/* A FIFO is refused at once, neither opened nor locked. */
static void
test_lock_refuses_fifo (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *fifo = th_test_make_fifo (dir, "offsite.twohats");
  g_autoptr (ThFileLock) lock = th_file_lock_new (fifo);
  g_autoptr (GError) error = NULL;

  g_assert_false (th_file_lock_acquire (lock, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (th_file_lock_write_atomic (lock, "data", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  th_test_assert_is_fifo (fifo);
  th_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/write-new-and-replace", test_write_new_and_replace);
  g_test_add_func ("/file-util/write-through-symlink", test_write_through_symlink);
  g_test_add_func ("/file-util/parent-is-a-file", test_parent_is_a_file);
  g_test_add_func ("/file-util/missing-folder", test_missing_folder);
  g_test_add_func ("/file-util/rename-fails", test_rename_fails);
  g_test_add_func ("/file-util/write-fails", test_write_fails);
  g_test_add_func ("/file-util/session-save-fails", test_session_save_fails);
  g_test_add_func ("/file-util/read-bounded", test_read_bounded);
  g_test_add_func ("/file-util/write-refuses-fifo", test_write_refuses_fifo);
  g_test_add_func ("/file-util/write-refuses-symlink-to-fifo", test_write_refuses_symlink_to_fifo);
  g_test_add_func ("/file-util/write-refuses-folder", test_write_refuses_folder);
  g_test_add_func ("/file-util/read-refuses-fifo", test_read_refuses_fifo);
  g_test_add_func ("/file-util/lock/second-refused", test_lock_second_refused);
  g_test_add_func ("/file-util/lock/survives-saves", test_lock_survives_saves);
  g_test_add_func ("/file-util/lock/keeps-other-writers-off", test_lock_keeps_other_writers_off);
  g_test_add_func ("/file-util/lock/new-file", test_lock_new_file);
  g_test_add_func ("/file-util/lock/refuses-fifo", test_lock_refuses_fifo);

  return g_test_run ();
}
