/* fuzz-replay.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A stand-in for libFuzzer's main(): feeds every file named on the command
 * line (or found directly in a folder named there) to the target's
 * LLVMFuzzerTestOneInput() once.  Linked with a target's source it turns
 * the fuzz corpora into a plain test that runs in every build, gcc or
 * clang, with or without sanitizers, so that an input that once crashed
 * keeps being tried. */

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  /* The exact bytes of the file, without the NUL g_file_get_contents()
   * adds, in a buffer of their own: ASan then catches a read past the end
   * as libFuzzer would. */
  {
    g_autofree uint8_t *copy = g_memdup2 (contents, length);

    LLVMFuzzerTestOneInput (copy, length);
  }
  n_inputs++;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

static void
replay_path (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "fuzz-replay: %s\n", error->message);
      exit (EXIT_FAILURE);
    }

  /* In name order, so that a failure reproduces the same way every run. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child = g_ptr_array_index (names, i);

      if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        replay_file (child);
    }
}

int
main (int argc, char *argv[])
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);

  /* A folder that went missing would otherwise make a test that passes
   * while trying nothing. */
  if (n_inputs == 0)
    {
      fprintf (stderr, "fuzz-replay: no input found\n");
      return EXIT_FAILURE;
    }

  printf ("fuzz-replay: %u inputs, no crash\n", n_inputs);
  return EXIT_SUCCESS;
}
