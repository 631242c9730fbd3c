/* test-loader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "th-deck.h"
#include "th-error.h"
#include "th-loader.h"
#include "th-session.h"
#include "th-test-utils.h"

static void
test_dispatch (void)
{
  g_autoptr (GFile) deck_file = th_test_fixture_file ("deck-valid-full.json");
  g_autoptr (GFile) session_file = th_test_fixture_file ("session-valid.twohats");
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) deck = th_load_file (deck_file, &error);
  g_autoptr (GObject) session = NULL;

  g_assert_no_error (error);
  g_assert_true (TH_IS_DECK (deck));
  g_assert_cmpstr (th_deck_get_id (TH_DECK (deck)), ==, "mini-deck");

  session = th_load_file (session_file, &error);
  g_assert_no_error (error);
  g_assert_true (TH_IS_SESSION (session));
  g_assert_cmpuint (th_session_get_n_participants (TH_SESSION (session)), ==, 6);
}

/* The "format" member decides, not the file name. */
static void
test_extension_does_not_matter (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "actually-a-deck.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("deck-valid-minimal.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) object = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize)g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);

  object = th_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (TH_IS_DECK (object));
  th_test_remove_dir (dir);
}

/* A file that is no Two Hats file says so first, in words for people,
 * then what is wrong and where; a Two Hats file with a wrong value keeps
 * the message that names the value's path. */
static void
test_not_two_hats (void)
{
  static const struct
  {
    const char *name;
    ThError code;
    const char *message;
  } files[] = {
    { "loader-shopping-list.txt", TH_ERROR_PARSE,
      "This is not a Two Hats workshop or card deck. Line 1, column 8: this is not valid JSON." },
    { "loader-truncated.json", TH_ERROR_PARSE,
      "This is not a Two Hats workshop or card deck. Line 4, column 29: the text breaks off." },
    { "loader-shopping-list.json", TH_ERROR_INVALID,
      "This is not a Two Hats workshop or card deck. It has no “format” member, which every Two "
      "Hats file has." },
    { "loader-array.json", TH_ERROR_INVALID,
      "This is not a Two Hats workshop or card deck. Expected a JSON object, found an array." },
    { "deck-empty.json", TH_ERROR_PARSE,
      "This is not a Two Hats workshop or card deck. The file is empty." },
    { "session-rating-out-of-range.twohats", TH_ERROR_INVALID,
      "participants[3].ratings.explain-the-why: 7 is not between 1 and 5" },
    { "loader-format-unknown.json", TH_ERROR_INVALID,
      "format: “two-hats-chart” is not a Two Hats deck or session" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GFile) file = th_test_fixture_file (files[i].name);
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", files[i].name);
      g_assert_null (th_load_file (file, &error));
      g_assert_error (error, TH_ERROR, (int)files[i].code);
      g_assert_cmpstr (error->message, ==, files[i].message);
    }
}

static void
test_file_errors (void)
{
  g_autofree char *dir = th_test_make_dir ();
  g_autofree char *huge_path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr (GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent-two-hats/deck.json");
  g_autoptr (GError) error = NULL;
  int fd;

  g_assert_null (th_load_file (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (th_load_file (folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  fd = open (huge_path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)TH_MAX_FILE_SIZE + 4096), ==, 0);
  close (fd);
  g_assert_null (th_load_file (huge, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "the file is 67112960 bytes, more than the limit of 67108864 bytes");

  th_test_remove_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/dispatch", test_dispatch);
  g_test_add_func ("/loader/extension-does-not-matter", test_extension_does_not_matter);
  g_test_add_func ("/loader/file-errors", test_file_errors);
  g_test_add_func ("/loader/not-two-hats", test_not_two_hats);

  return g_test_run ();
}
