/* th-test-utils.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* The absolute path of a file in tests/fixtures (G_TEST_SRCDIR is tests/). */
static inline char *
th_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static inline GFile *
th_test_fixture_file (const char *name)
{
  g_autofree char *path = th_test_fixture_path (name);

  return g_file_new_for_path (path);
}

static inline GBytes *
th_test_fixture_bytes (const char *name)
{
  g_autofree char *path = th_test_fixture_path (name);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* @ms multiplied by the TH_TEST_SLOW environment variable (default 1), for
 * deadlines: a deadline is no measure of speed, only a bound on a wait that
 * would otherwise never end.  The UI tests' th_test_timeout() is this. */
static inline guint
th_test_deadline_ms (guint ms)
{
  const char *slow = g_getenv ("TH_TEST_SLOW");
  double factor = 1.0;

  if (slow != NULL && slow[0] != '\0')
    {
      char *end = NULL;
      double parsed = g_ascii_strtod (slow, &end);

      /* As the node tests read it: anything but a positive number is 1. */
      if (end != slow && *end == '\0' && parsed > 0.0 && parsed < 1000.0)
        factor = parsed;
    }

  return (guint)MIN ((double)ms * factor, (double)G_MAXUINT);
}

/* A fresh, empty folder for one test; remove it with th_test_remove_dir(). */
static inline char *
th_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("two-hats-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
th_test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        th_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline int
th_test_compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* A FIFO at @name in @dir, where a device or a pipe could be: reading it
 * would wait for a writer, replacing it would take its place.  Tests use
 * one instead of a real device node. */
static inline char *
th_test_make_fifo (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* That @path is still a FIFO: nothing replaced it. */
static inline void
th_test_assert_is_fifo (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* The names in @path, sorted, joined with spaces (to compare listings). */
static inline char *
th_test_list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, th_test_compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

G_END_DECLS
