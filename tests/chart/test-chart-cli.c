/* test-chart-cli.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `two-hats --export-chart` as a user runs it: a separate process with no
 * display, its exit status, its files and what it prints. */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "chart-test-util.h"

typedef struct
{
  char *dir;
  char *session;
  char *broken;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = chart_test_make_dir ();
  f->session = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "workshop.twohats", NULL);
  f->broken
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "broken-rating.twohats", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  chart_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->session);
  g_free (f->broken);
}

/* Runs two-hats in @f's folder with a NULL-terminated list of arguments;
 * returns its exit status. */
G_GNUC_NULL_TERMINATED
static int
run_two_hats (Fixture *f, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)TWO_HATS_EXE);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display: the export must not need one. */
  {
    g_auto (GStrv) env = g_get_environ ();

    env = g_environ_unsetenv (env, "DISPLAY");
    env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
    g_spawn_sync (f->dir, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                  &status, &error);
  }
  g_assert_no_error (error);

  if (!WIFEXITED (status))
    g_error ("two-hats did not exit normally (status %d)", status);

  return WEXITSTATUS (status);
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
assert_png_size (const char *path, int width, int height)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  cairo_surface_destroy (image);
}

/* Nothing but the expected files: no temporary file left behind. */
static void
assert_folder_holds (Fixture *f, guint n_files)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_files);
}

static void
test_png (Fixture *f, gconstpointer data)
{
  g_autofree char *png = path_in (f, "out.png");
  g_autofree char *small = path_in (f, "small.png");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_two_hats (f, &err, "--export-chart=out.png", f->session, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_png_size (png, 1600, 1200);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (
    run_two_hats (f, &err, "--export-chart=small.png", "--size=800x600", f->session, NULL), ==, 0);
  assert_png_size (small, 800, 600);
  assert_folder_holds (f, 2);
}

static void
test_pdf_and_svg (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "out.pdf");
  g_autofree char *svg = path_in (f, "out.svg");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GMarkupParseContext) parser = NULL;
  static const GMarkupParser no_handlers = { NULL };
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_cmpint (
    run_two_hats (f, NULL, "--export-chart=out.pdf", "--size=842x595", f->session, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  text = chart_test_pdf_to_text (pdf);
  if (text != NULL)
    {
      g_autofree char *flat = chart_test_compact (text);

      g_assert_nonnull (strstr (text, "Team offsite, March"));
      g_assert_nonnull (strstr (text, "Priya Raman"));
      /* Sixteen in the file, two of them not placed: the chart says so. */
      g_assert_nonnull (strstr (text, "16 participants, 14 on the chart"));
      /* Under the chart, the two and why: Zoë has rated nothing, Noah no
       * management behaviour. */
      if (strstr (flat, "Notonthechartyet:ZoëQuinn(noratingsyet);NoahSilva(nomanagementbehaviour"
                        "ratedyet).")
          == NULL)
        g_error ("the chart does not say who is not on it:\n%s", text);
      /* The legend's counts, worked out by hand for the fixture (see
       * test-chart-session.c): Priya, Grace, Ines and Omar sit on a
       * threshold line and count on its high side. */
      if (strstr (flat, "Bothhats5Leadership-driven4Management-driven3Stilldeveloping2") == NULL)
        g_error ("the legend does not count 5, 4, 3 and 2:\n%s", text);
    }

  g_assert_cmpint (run_two_hats (f, NULL, "--export-chart=out.svg", f->session, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  parser = g_markup_parse_context_new (&no_handlers, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, contents, (gssize)length, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
}

static gboolean
contains_word (const char *text, const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == text || !g_ascii_isalpha (p[-1]);
      gboolean ends = !g_ascii_isalpha (p[len]);

      if (starts && ends)
        return TRUE;
    }

  return FALSE;
}

static void
test_anonymous (Fixture *f, gconstpointer data)
{
  static const char *const names[]
    = { "Ana",         "Lee",   "Jordan", "سارة", "כהן",    "Mateo", "Priya",   "Raman",
        "Bartholomew", "Kwame", "Mensah", "Yuki", "Tanaka", "Olga",  "Petrova", "Fatima",
        "Haddad",      "Grace", "Ndlovu", "Ines", "Duarte", "Omar",  "Farouk" };
  g_autofree char *pdf = path_in (f, "anonymous.pdf");
  g_autofree char *text = NULL;

  g_assert_cmpint (
    run_two_hats (f, NULL, "--export-chart=anonymous.pdf", "--anonymous", f->session, NULL), ==, 0);
  text = chart_test_pdf_to_text (pdf);
  if (text == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (contains_word (text, names[i]))
      g_error ("anonymous export names “%s”", names[i]);
  g_assert_nonnull (strstr (text, "Team offsite, March"));
  /* Those not on the chart go by their numbers too. */
  {
    g_autofree char *flat = chart_test_compact (text);

    if (strstr (flat, "Notonthechartyet:Participant11(noratingsyet);Participant12(nomanagement"
                      "behaviourratedyet).")
        == NULL)
      g_error ("the anonymous chart does not list who is not on it by number:\n%s", text);
    g_assert_null (strstr (text, "Zoë"));
    g_assert_null (strstr (text, "Noah"));
  }
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  static const char *const bad_sizes[]
    = { "--size=10x10",     "--size=800",      "--size=axb",
        "--size=800x600x2", "--size=-800x600", "--size=20001x600" };
  g_autofree char *err = NULL;

  g_assert_cmpint (run_two_hats (f, &err, "--export-chart=out.bmp", f->session, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "two-hats: "));
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      g_assert_cmpint (
        run_two_hats (f, &err, "--export-chart=out.png", bad_sizes[i], f->session, NULL), ==, 2);
      g_assert_true (g_str_has_prefix (err, "two-hats: "));
      g_clear_pointer (&err, g_free);
    }

  g_assert_cmpint (run_two_hats (f, NULL, "--export-chart=out.png", NULL), ==, 2);
  assert_folder_holds (f, 0);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *png = path_in (f, "out.png");
  g_autofree char *missing = path_in (f, "no-such-session.twohats");
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  /* A broken session writes nothing, and leaves an older chart alone. */
  g_assert_cmpint (run_two_hats (f, &err, "--export-chart=out.png", f->broken, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "two-hats: "));
  g_assert_nonnull (strstr (err, "broken-rating.twohats"));
  g_assert_nonnull (strstr (err, "participants[3]"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  assert_folder_holds (f, 0);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (png, "an older chart", -1, NULL));
  g_assert_cmpint (run_two_hats (f, &err, "--export-chart=out.png", f->broken, NULL), ==, 1);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an older chart");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_two_hats (f, &err, "--export-chart=new.png", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-session.twohats"));
  assert_folder_holds (f, 1);
  g_clear_pointer (&err, g_free);

  /* An output folder that does not exist is the file's problem, not usage. */
  g_assert_cmpint (
    run_two_hats (f, &err, "--export-chart=no-such-folder/out.png", f->session, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "two-hats: no-such-folder/out.png: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart/cli/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/chart/cli/pdf-and-svg", Fixture, NULL, fixture_set_up, test_pdf_and_svg,
              fixture_tear_down);
  g_test_add ("/chart/cli/anonymous", Fixture, NULL, fixture_set_up, test_anonymous,
              fixture_tear_down);
  g_test_add ("/chart/cli/usage-errors", Fixture, NULL, fixture_set_up, test_usage_errors,
              fixture_tear_down);
  g_test_add ("/chart/cli/bad-input", Fixture, NULL, fixture_set_up, test_bad_input,
              fixture_tear_down);

  return g_test_run ();
}
