/* test-print-cli.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `two-hats --export-handouts` and `two-hats --export-cards` as a user
 * runs them: a separate process with no display, its exit status, its
 * files and what they say, read back with pdfinfo and pdftotext. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chart-test-util.h"

/* tests/chart/fixtures/workshop.twohats, whose scores are worked out by
 * hand in test-chart-session.c with docs/scores.md: sixteen participants,
 * fourteen of them on the chart (Zoë has rated nothing, Noah no
 * management behaviour), each with a handout, in the file's order. */
typedef struct
{
  const char *name;       /* as pdftotext reads it, without white space */
  const char *leadership; /* their scores as the page writes them */
  const char *management;
  const char *quadrant;
  guint position; /* their number: the one by their dot, and "Participant N" when anonymous */
} Expected;

static const Expected workshop[] = {
  { "Ana", "87.5", "12.5", "Leadership-driven", 1 },
  { "Lee,Jordan", "75.0", "87.5", "Bothhats", 2 },
  { "سارةالحربي", "25.0", "87.5", "Management-driven", 3 },
  { "דודכהן", "12.5", "25.0", "Stilldeveloping", 4 },
  /* pdftotext has no text for the hat emoji of "Mateo 🎩". */
  { "Mateo", "62.5", "62.5", "Bothhats", 5 },
  { "PriyaRaman", "50.0", "50.0", "Bothhats", 6 },
  { "BartholomewFeatherstonehaugh-WorthingtonIII", "87.5", "37.5", "Leadership-driven", 7 },
  { "KwameMensah", "37.5", "75.0", "Management-driven", 8 },
  { "YukiTanaka", "100.0", "100.0", "Bothhats", 9 },
  { "OlgaPetrova", "0.0", "0.0", "Stilldeveloping", 10 },
  { "FatimaHaddad", "62.5", "12.5", "Leadership-driven", 13 },
  { "GraceNdlovu", "50.0", "75.0", "Bothhats", 14 },
  { "InesDuarte", "25.0", "50.0", "Management-driven", 15 },
  { "OmarFarouk", "50.0", "12.5", "Leadership-driven", 16 },
};

/* The two who are not on the chart and get no page. */
static const char *const off_chart[] = { "ZoëQuinn", "NoahSilva" };

/* tests/chart/fixtures/numbered.twohats: participants with the `number`
 * of docs/session-format.md.  Kim, the third in the file, is number 5;
 * Sam has no number and goes by position, 4; Zoe is not on the chart. */
static const Expected numbered[] = {
  { "AnaLima", "100.0", "0.0", "Leadership-driven", 1 },
  { "LeePark", "50.0", "75.0", "Bothhats", 2 },
  { "KimOsei", "12.5", "87.5", "Management-driven", 5 },
  { "SamIto", "12.5", "12.5", "Stilldeveloping", 4 },
};

/* The behaviour cards of workshop.twohats's deck. */
static const char *const workshop_cards[] = {
  "Tells the team why this quarter's goal matters to customers.",
  "Asks the quietest person in the room for their idea first.",
  "Breaks the project into weekly milestones with owners.",
  "Keeps a list of what could go wrong and who watches each item.",
};

typedef struct
{
  char *dir;
  char *workshop;
  char *numbered;
  char *broken;
  char *deck;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = chart_test_make_dir ();
  f->workshop = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "workshop.twohats", NULL);
  f->numbered = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "numbered.twohats", NULL);
  f->broken
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "broken-rating.twohats", NULL);
  /* The built-in deck as a deck file: 24 behaviour cards. */
  f->deck = g_test_build_filename (G_TEST_DIST, "..", "data", "decks", "leadership-management.json",
                                   NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  chart_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->workshop);
  g_free (f->numbered);
  g_free (f->broken);
  g_free (f->deck);
}

/* Runs two-hats in @f's folder with a NULL-terminated list of arguments,
 * without a display; returns its exit status, and its standard error in
 * @err unless that is NULL. */
G_GNUC_NULL_TERMINATED
static int
run_two_hats (Fixture *f, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err_text = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *)TWO_HATS_EXE);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (f->dir, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err_text,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err_text);

  if (!WIFEXITED (status))
    g_error ("two-hats did not exit normally (status %d)", status);

  /* Files go to files: nothing on standard output. */
  g_assert_cmpstr (out, ==, "");
  if (err != NULL)
    *err = g_steal_pointer (&err_text);

  return WEXITSTATUS (status);
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static guint
n_files_in (Fixture *f)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
contains (const char *text, const char *needle)
{
  return strstr (text, needle) != NULL;
}

/* Handouts ------------------------------------------------------------------ */

/* Page i of @pdf is the handout of @expected[i]: their name (or, when
 * @anonymous, "Participant N" and no name at all), their own two scores
 * and quadrant one after the other as the page draws them, and the
 * number of their dot on the chart. */
static void
assert_handouts (const char *pdf, const Expected *expected, guint n, gboolean anonymous)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *page = chart_test_pdf_page_text (pdf, i + 1);
      g_autofree char *scores
        = g_strdup_printf ("Leadership%sManagement%s%s", expected[i].leadership,
                           expected[i].management, expected[i].quadrant);
      g_autofree char *caption
        = g_strdup_printf ("Yourdotistheringedone,number%u.", expected[i].position);
      g_autofree char *heading
        = g_strdup_printf ("Participant%uWhereyoustand", expected[i].position);

      if (page == NULL)
        return;
      if (!contains (page, scores))
        g_error ("page %u does not show “%s”: %s", i + 1, scores, page);
      g_assert_true (contains (page, caption));
      g_assert_true (contains (page, "Whattopractisenext"));

      if (anonymous)
        {
          if (!contains (page, heading))
            g_error ("page %u is not headed “%s”: %s", i + 1, heading, page);
        }
      else
        {
          if (!contains (page, expected[i].name))
            g_error ("page %u does not name %s: %s", i + 1, expected[i].name, page);
          g_assert_false (contains (page, heading));
        }

      /* Nobody else's name, and in anonymous mode not even one's own. */
      for (guint j = 0; j < n; j++)
        if ((anonymous || j != i) && contains (page, expected[j].name))
          g_error ("page %u names %s: %s", i + 1, expected[j].name, page);
    }
}

static void
test_handouts (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "handouts.pdf");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_two_hats (f, &err, "--export-handouts=handouts.pdf", f->workshop, NULL), ==,
                   0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (n_files_in (f), ==, 1);

  if (chart_test_pdf_pages (pdf) == 0)
    return;
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, G_N_ELEMENTS (workshop));
  assert_handouts (pdf, workshop, G_N_ELEMENTS (workshop), FALSE);

  for (guint i = 1; i <= G_N_ELEMENTS (workshop); i++)
    {
      g_autofree char *page = chart_test_pdf_page_text (pdf, i);

      for (guint j = 0; j < G_N_ELEMENTS (off_chart); j++)
        g_assert_false (contains (page, off_chart[j]));
      /* Under the chart: how many are on it, and who is not and why — by
       * number, like everyone but the page's own person. */
      if (!contains (page,
                     "16participants,14onthechart.Notonthechartyet:Participant11(noratingsyet);"
                     "Participant12(nomanagementbehaviourratedyet)."))
        g_error ("page %u does not say who is not on the chart: %s", i, page);
      /* Only Ana has sorted cards: two, both the way the article would. */
      if (i == 1)
        g_assert_true (contains (page, "Yousorted2ofthe4behaviourcardsthewaythearticlewould."));
      else
        g_assert_false (contains (page, "Yousorted"));
    }
}

static void
test_handouts_anonymous (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "anonymous.pdf");

  g_assert_cmpint (
    run_two_hats (f, NULL, "--export-handouts=anonymous.pdf", "--anonymous", f->workshop, NULL), ==,
    0);

  if (chart_test_pdf_pages (pdf) == 0)
    return;
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, G_N_ELEMENTS (workshop));
  /* Without numbers in the file, people go by their position in it:
   * Fatima, the eleventh on the chart, is the thirteenth in the file. */
  assert_handouts (pdf, workshop, G_N_ELEMENTS (workshop), TRUE);
}

static void
test_handouts_numbered (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "numbered.pdf");
  g_autofree char *named = path_in (f, "named.pdf");

  g_assert_cmpint (
    run_two_hats (f, NULL, "--export-handouts=numbered.pdf", "--anonymous", f->numbered, NULL), ==,
    0);
  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=named.pdf", f->numbered, NULL), ==, 0);

  if (chart_test_pdf_pages (pdf) == 0)
    return;
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, G_N_ELEMENTS (numbered));
  assert_handouts (pdf, numbered, G_N_ELEMENTS (numbered), TRUE);
  g_assert_cmpuint (chart_test_pdf_pages (named), ==, G_N_ELEMENTS (numbered));
  assert_handouts (named, numbered, G_N_ELEMENTS (numbered), FALSE);
}

static void
test_handouts_nobody_on_chart (Fixture *f, gconstpointer data)
{
  g_autofree char *session
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "empty.twohats", NULL);
  g_autofree char *pdf = path_in (f, "empty.pdf");
  g_autofree char *page = NULL;

  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=empty.pdf", session, NULL), ==, 0);
  if (chart_test_pdf_pages (pdf) == 0)
    return;
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, 1);
  page = chart_test_pdf_page_text (pdf, 1);
  g_assert_true (contains (page, "Nobodyisonthechartyet"));
  /* With nobody in the session there is nobody to list. */
  g_assert_false (contains (page, "Notonthechartyet:"));
}

/* A session in which nobody has rated both sides yet still gets its
 * page, with everyone counted and listed by number. */
static void
test_handouts_nobody_placed (Fixture *f, gconstpointer data)
{
  g_autofree char *session
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "unrated.twohats", NULL);
  g_autofree char *pdf = path_in (f, "unrated.pdf");
  g_autofree char *page = NULL;

  /* Ana has rated nothing, Ben one leadership behaviour. */
  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=unrated.pdf", session, NULL), ==, 0);
  if (chart_test_pdf_pages (pdf) == 0)
    return;
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, 1);
  page = chart_test_pdf_page_text (pdf, 1);
  g_assert_true (contains (page, "Nobodyisonthechartyet"));
  if (!contains (page,
                 "2participants,noneonthechartyet.Notonthechartyet:Participant1(noratingsyet);"
                 "Participant2(nomanagementbehaviourratedyet)."))
    g_error ("the page does not say who is not on the chart: %s", page);
  g_assert_false (contains (page, "Ana"));
  g_assert_false (contains (page, "Ben"));
}

/* Cards --------------------------------------------------------------------- */

/* The number printed on the card that says @text in @sheets (the pages'
 * text without white space, in the order they draw it: each card's
 * number, "Behaviour", then its text), or 0 when no card says it. */
static guint
printed_number (const char *sheets, const char *text)
{
  g_autofree char *card = g_strconcat ("Behaviour", text, NULL);
  const char *found = strstr (sheets, card);
  const char *digits;

  if (found == NULL)
    return 0;
  for (digits = found; digits > sheets && g_ascii_isdigit (digits[-1]); digits--)
    ;
  /* The first card of a sheet follows the header's date, whose year (four
   * digits) runs into the card's number (one or two). */
  if (found - digits > 4)
    digits += 4;
  return (guint)g_ascii_strtoull (digits, NULL, 10);
}

static void
test_cards_from_deck (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = path_in (f, "cards.pdf");
  g_autofree char *sheet1 = NULL;
  g_autofree char *sheet2 = NULL;
  g_autofree char *sheet3 = NULL;
  g_autofree char *sheets = NULL;
  JsonArray *behaviours;
  gboolean seen[25] = { FALSE };
  gboolean in_deck_order = TRUE;
  guint number;

  g_assert_cmpint (run_two_hats (f, NULL, "--export-cards=cards.pdf", f->deck, NULL), ==, 0);
  g_assert_cmpuint (n_files_in (f), ==, 1);
  if (chart_test_pdf_pages (pdf) == 0)
    return;

  /* 24 cards, eight to an A4 sheet, and no answer key. */
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, 3);
  sheet1 = chart_test_pdf_page_text (pdf, 1);
  sheet2 = chart_test_pdf_page_text (pdf, 2);
  sheet3 = chart_test_pdf_page_text (pdf, 3);
  sheets = g_strconcat (sheet1, sheet2, sheet3, NULL);
  g_assert_true (contains (sheet1, "Behaviourcards·sheet1of3·cutalongthedashedlines"));
  g_assert_true (contains (sheet2, "sheet2of3"));
  g_assert_true (contains (sheet3, "sheet3of3"));
  g_assert_false (contains (sheets, "Answerkey"));

  /* Every card of the deck file is on a sheet, and no card gives its
   * answer away. */
  json_parser_load_from_file (parser, f->deck, &error);
  g_assert_no_error (error);
  behaviours = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "behaviours");
  g_assert_cmpuint (json_array_get_length (behaviours), ==, 24);
  for (guint i = 0; i < json_array_get_length (behaviours); i++)
    {
      JsonObject *behaviour = json_array_get_object_element (behaviours, i);
      g_autofree char *text
        = chart_test_compact (json_object_get_string_member (behaviour, "text"));
      const char *reason = json_object_get_string_member_with_default (behaviour, "why", NULL);
      g_autofree char *why = NULL;

      /* Every card of this deck says why it belongs to its hat. */
      g_assert_nonnull (reason);
      why = chart_test_compact (reason);

      if (!contains (sheets, text))
        g_error ("card %u, “%s”, is not on the sheets", i + 1, text);
      g_assert_false (contains (sheets, why));

      /* Each card's number, printed before it, is its place on the
       * sheets: 1 to 24, each once. */
      number = printed_number (sheets, text);
      g_assert_cmpuint (number, >=, 1);
      g_assert_cmpuint (number, <=, 24);
      g_assert_false (seen[number]);
      seen[number] = TRUE;
      if (number != i + 1)
        in_deck_order = FALSE;
    }

  /* The cards come shuffled, not in the deck's blocks of cards with the
   * same key (a shuffle that leaves all 24 in place is one in 24!). */
  g_assert_false (in_deck_order);
}

static void
test_cards_from_session (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = path_in (f, "cards.pdf");
  g_autofree char *sheet = NULL;

  g_assert_cmpint (run_two_hats (f, NULL, "--export-cards=cards.pdf", f->workshop, NULL), ==, 0);
  if (chart_test_pdf_pages (pdf) == 0)
    return;

  /* The session's own deck: four cards, one sheet, dated as the session. */
  g_assert_cmpuint (chart_test_pdf_pages (pdf), ==, 1);
  sheet = chart_test_pdf_page_text (pdf, 1);
  g_assert_true (contains (sheet, "sheet1of1"));
  g_assert_true (contains (sheet, "2March2026"));
  for (guint i = 0; i < G_N_ELEMENTS (workshop_cards); i++)
    {
      g_autofree char *text = chart_test_compact (workshop_cards[i]);

      g_assert_true (contains (sheet, text));
    }
}

/* Errors -------------------------------------------------------------------- */

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = path_in (f, "no-such-session.twohats");
  g_autofree char *older = path_in (f, "older.pdf");
  g_autofree char *contents = NULL;
  const char *const options[] = { "--export-handouts=out.pdf", "--export-cards=out.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *err = NULL;

      /* A session that breaks a rule of the format. */
      g_assert_cmpint (run_two_hats (f, &err, options[i], f->broken, NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, "two-hats: "));
      g_assert_true (contains (err, "broken-rating.twohats: participants[3]"));
      g_clear_pointer (&err, g_free);

      /* A file that is not there. */
      g_assert_cmpint (run_two_hats (f, &err, options[i], missing, NULL), ==, 1);
      g_assert_true (contains (err, "two-hats: "));
      g_assert_true (contains (err, "no-such-session.twohats: "));
      g_clear_pointer (&err, g_free);

      /* An output folder that does not exist is the file's problem. */
      if (i == 0)
        g_assert_cmpint (
          run_two_hats (f, &err, "--export-handouts=no-such-folder/out.pdf", f->workshop, NULL), ==,
          1);
      else
        g_assert_cmpint (
          run_two_hats (f, &err, "--export-cards=no-such-folder/out.pdf", f->workshop, NULL), ==,
          1);
      g_assert_true (g_str_has_prefix (err, "two-hats: no-such-folder/out.pdf: "));

      /* Nothing written, not even a temporary file. */
      g_assert_cmpuint (n_files_in (f), ==, 0);
    }

  /* Handouts are of a session, not of a deck. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_two_hats (f, &err, "--export-handouts=out.pdf", f->deck, NULL), ==, 1);
    g_assert_true (contains (err, "is a deck, not a session"));
    g_assert_cmpuint (n_files_in (f), ==, 0);
  }

  /* A failed export leaves an older file as it was. */
  g_assert_true (g_file_set_contents (older, "older handouts", -1, NULL));
  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=older.pdf", f->broken, NULL), ==, 1);
  g_assert_cmpint (run_two_hats (f, NULL, "--export-cards=older.pdf", f->broken, NULL), ==, 1);
  g_assert_true (g_file_get_contents (older, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older handouts");
  g_assert_cmpuint (n_files_in (f), ==, 1);
}

/* docs/command-line.md, "Output files": never onto an input, never
 * through something that is not a regular file. */
static void
test_output_is_input (Fixture *f, gconstpointer data)
{
  g_autofree char *input = path_in (f, "session.pdf");
  g_autofree char *link = path_in (f, "link.pdf");
  g_autofree char *folder = path_in (f, "folder.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  /* A session that happens to be named like a PDF. */
  g_assert_true (g_file_get_contents (f->workshop, &before, &length, NULL));
  g_assert_true (g_file_set_contents (input, before, (gssize)length, NULL));
  g_assert_cmpint (symlink ("session.pdf", link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=session.pdf", "session.pdf", NULL), ==,
                   1);
  g_assert_cmpint (run_two_hats (f, NULL, "--export-handouts=link.pdf", "session.pdf", NULL), ==,
                   1);
  g_assert_cmpint (run_two_hats (f, NULL, "--export-cards=session.pdf", "link.pdf", NULL), ==, 1);
  g_assert_cmpint (run_two_hats (f, NULL, "--export-cards=folder.pdf", "session.pdf", NULL), ==, 1);

  g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (n_files_in (f), ==, 3);
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  const char *const cases[][5] = {
    { "--export-handouts=handouts.png", f->workshop, NULL },
    { "--export-handouts=handouts.pdf", NULL },
    { "--export-handouts=handouts.pdf", f->workshop, f->workshop, NULL },
    { "--export-handouts=handouts.pdf", "--size=800x600", f->workshop, NULL },
    { "--export-handouts=handouts.pdf", "--export-cards=cards.pdf", f->workshop, NULL },
    { "--export-handouts=handouts.pdf", "--export-chart=chart.pdf", f->workshop, NULL },
    { "--export-handouts=handouts.pdf", "--port=8080", f->workshop, NULL },
    { "--export-cards=cards.svg", f->deck, NULL },
    { "--export-cards=cards.pdf", NULL },
    { "--export-cards=cards.pdf", f->deck, f->workshop, NULL },
    { "--export-cards=cards.pdf", "--anonymous", f->deck, NULL },
    { "--export-cards=cards.pdf", "--size=800x600", f->deck, NULL },
    { "--export-cards=cards.pdf", "--check", f->deck, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (
        run_two_hats (f, &err, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL), ==, 2);
      g_assert_true (g_str_has_prefix (err, "two-hats: "));
      g_assert_true (contains (err, "two-hats --help"));
    }

  g_assert_cmpuint (n_files_in (f), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart/cli/handouts", test_handouts);
  ADD ("/chart/cli/handouts/anonymous", test_handouts_anonymous);
  ADD ("/chart/cli/handouts/numbered", test_handouts_numbered);
  ADD ("/chart/cli/handouts/nobody-on-chart", test_handouts_nobody_on_chart);
  ADD ("/chart/cli/handouts/nobody-placed", test_handouts_nobody_placed);
  ADD ("/chart/cli/cards/from-deck", test_cards_from_deck);
  ADD ("/chart/cli/cards/from-session", test_cards_from_session);
  ADD ("/chart/cli/print/bad-input", test_bad_input);
  ADD ("/chart/cli/print/output-is-input", test_output_is_input);
  ADD ("/chart/cli/print/usage-errors", test_usage_errors);
#undef ADD

  return g_test_run ();
}
