/* chart-test-util.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "chart-test-util.h"

static const char *const first_names[] = {
  "Ana",  "Lee",    "Jordan", "Priya", "Mateo", "Sofia",  "Kwame", "Yuki",  "Olga",
  "Noah", "Fatima", "Liam",   "Chen",  "Amara", "Lars",   "Ines",  "Tomás", "Aisha",
  "Hiro", "Elena",  "Omar",   "Grace", "Ravi",  "Pierre", "Maja",  "Diego", "Leila",
};

static const char *const last_names[] = {
  "Silva", "Okafor", "Lindqvist", "Nakamura", "Petrova", "García", "Haddad", "Kowalski",
  "Brown", "Mensah", "Rossi",     "Dubois",   "Singh",   "Müller", "Tanaka", "Novak",
};

GArray *
chart_test_make_points (guint n, guint32 seed)
{
  static const double centres[][2] = { { 72, 70 }, { 68, 30 }, { 30, 70 }, { 32, 34 } };
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (ThChartPoint), n);

  for (guint i = 0; i < n; i++)
    {
      guint group = (guint)g_rand_int_range (rand, 0, 5);
      ThChartPoint point = { 0 };

      point.id = g_strdup_printf ("p%u", i + 1);
      point.name = g_strdup_printf (
        "%s %s", first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
        last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);
      if (group < 4)
        {
          point.leadership
            = CLAMP (centres[group][0] + g_rand_double_range (rand, -18, 18), 0, 100);
          point.management
            = CLAMP (centres[group][1] + g_rand_double_range (rand, -18, 18), 0, 100);
        }
      else
        {
          point.leadership = g_rand_double_range (rand, 0, 100);
          point.management = g_rand_double_range (rand, 0, 100);
        }
      g_array_append_val (points, point);
    }

  return points;
}

void
chart_test_free_points (GArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      g_free (g_array_index (points, ThChartPoint, i).id);
      g_free (g_array_index (points, ThChartPoint, i).name);
    }
  g_array_unref (points);
}

char *
chart_test_pdf_to_text (const char *pdf_path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }

  {
    const char *argv[] = { program, "-enc", "UTF-8", pdf_path, "-", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* Runs @argv; returns its standard output, or NULL (and the test
 * skipped) when its program is not installed. */
static char *
run_poppler (const char *program_name, const char *const *args)
{
  g_autofree char *program = g_find_program_in_path (program_name);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip_printf ("%s (poppler-utils) is not installed", program_name);
      return NULL;
    }

  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

guint
chart_test_pdf_pages (const char *pdf_path)
{
  const char *const args[] = { pdf_path, NULL };
  g_autofree char *info = run_poppler ("pdfinfo", args);
  const char *pages;

  if (info == NULL)
    return 0;

  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

char *
chart_test_pdf_page_text (const char *pdf_path, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *const args[]
    = { "-raw", "-enc", "UTF-8", "-f", number, "-l", number, pdf_path, "-", NULL };
  g_autofree char *text = run_poppler ("pdftotext", args);
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x202b && c != 0x202c)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
chart_test_compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
chart_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("th-chart-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
chart_test_remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
