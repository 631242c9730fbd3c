/* test-chart-session.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart fed from a real ThSession: who gets a dot, with which scores,
 * and the title, date and threshold the session carries. */

#include "config.h"

#include <locale.h>

#include <cairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "th-quadrant-chart.h"
#include "th-session.h"

static ThSession *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);

  return session;
}

static void
draw_once (ThQuadrantChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1200);
  cairo_t *cr = cairo_create (surface);

  th_quadrant_chart_draw (chart, cr, 1600, 1200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
export_pdf_text (ThQuadrantChart *chart, const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (th_quadrant_chart_export (chart, path, 1600, 1200, &error));
  g_assert_no_error (error);

  return chart_test_pdf_to_text (path);
}

typedef struct
{
  const char *id;
  const char *name;
  double leadership;
  double management;
  ThQuadrant quadrant;
} ExpectedPoint;

/* Everyone of workshop.twohats with a position, worked out by hand with
 * docs/scores.md.  The deck keys two behaviours to each side, so with
 * both rated a score is 100 (s - 2) / 8 = 12.5 (s - 2) for the sum s of
 * the two ratings.  The threshold is 50, and a score equal to it counts
 * as high: Priya sits on both lines, Grace and Omar on the leadership
 * line, Ines on the management line.  p11 (Zoë) has rated nothing and
 * p12 (Noah) no management behaviour, so neither has a position. */
static const ExpectedPoint workshop_points[] = {
  /* leadership 5 + 4, management 2 + 1 */
  { "p1", "Ana", 87.5, 12.5, TH_QUADRANT_LEADERSHIP_DRIVEN },
  /* 4 + 4, 4 + 5 */
  { "p2", "Lee, Jordan", 75.0, 87.5, TH_QUADRANT_BALANCED },
  /* 2 + 2, 5 + 4 */
  { "p3", "سارة الحربي", 25.0, 87.5, TH_QUADRANT_MANAGEMENT_DRIVEN },
  /* 1 + 2, 2 + 2 */
  { "p4", "דוד כהן", 12.5, 25.0, TH_QUADRANT_DEVELOPING },
  /* 3 + 4, 3 + 4 */
  { "p5", "Mateo 🎩", 62.5, 62.5, TH_QUADRANT_BALANCED },
  /* 3 + 3, 3 + 3: on both lines */
  { "p6", "Priya Raman", 50.0, 50.0, TH_QUADRANT_BALANCED },
  /* 4 + 5, 2 + 3 */
  { "p7", "Bartholomew Featherstonehaugh-Worthington III", 87.5, 37.5,
    TH_QUADRANT_LEADERSHIP_DRIVEN },
  /* 2 + 3, 4 + 4 */
  { "p8", "Kwame Mensah", 37.5, 75.0, TH_QUADRANT_MANAGEMENT_DRIVEN },
  /* 5 + 5, 5 + 5 */
  { "p9", "Yuki Tanaka", 100.0, 100.0, TH_QUADRANT_BALANCED },
  /* 1 + 1, 1 + 1 */
  { "p10", "Olga Petrova", 0.0, 0.0, TH_QUADRANT_DEVELOPING },
  /* 4 + 3, 1 + 2 */
  { "p13", "Fatima Haddad", 62.5, 12.5, TH_QUADRANT_LEADERSHIP_DRIVEN },
  /* 3 + 3, 4 + 4: on the leadership line */
  { "p14", "Grace Ndlovu", 50.0, 75.0, TH_QUADRANT_BALANCED },
  /* 2 + 2, 3 + 3: on the management line */
  { "p15", "Ines Duarte", 25.0, 50.0, TH_QUADRANT_MANAGEMENT_DRIVEN },
  /* 3 + 3, 1 + 2: on the leadership line */
  { "p16", "Omar Farouk", 50.0, 12.5, TH_QUADRANT_LEADERSHIP_DRIVEN },
};

static void
test_positions_from_session (void)
{
  g_autoptr (ThSession) session = load_fixture ("workshop.twohats");
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *text = NULL;
  guint n_dots;
  const ThChartDotLayout *layout;
  double mean_leadership, mean_management;

  th_quadrant_chart_set_session (chart, session);

  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, G_N_ELEMENTS (workshop_points));
  for (guint i = 0; i < G_N_ELEMENTS (workshop_points); i++)
    {
      const ThChartPoint *point = th_quadrant_chart_get_point (chart, i);

      g_assert_cmpstr (point->id, ==, workshop_points[i].id);
      g_assert_cmpstr (point->name, ==, workshop_points[i].name);
      g_assert_cmpfloat (point->leadership, ==, workshop_points[i].leadership);
      g_assert_cmpfloat (point->management, ==, workshop_points[i].management);
    }

  g_assert_cmpstr (th_quadrant_chart_get_title (chart), ==, "Team offsite, March");
  g_assert_cmpfloat (th_quadrant_chart_get_threshold (chart), ==, 50.0);
  /* p2, p5, p6, p9, p14 / p1, p7, p13, p16 / p3, p8, p15 / p4, p10. */
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_BALANCED), ==, 5);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_LEADERSHIP_DRIVEN), ==,
                    4);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_MANAGEMENT_DRIVEN), ==,
                    3);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_DEVELOPING), ==, 2);

  /* The sums of the fourteen scores are 725 and 687.5. */
  g_assert_true (th_quadrant_chart_get_mean (chart, &mean_leadership, &mean_management));
  g_assert_cmpfloat_with_epsilon (mean_leadership, 725.0 / 14.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (mean_management, 687.5 / 14.0, 1e-9);

  draw_once (chart);
  layout = th_quadrant_chart_get_layout (chart, &n_dots);
  g_assert_cmpuint (n_dots, ==, G_N_ELEMENTS (workshop_points));
  for (guint i = 0; i < n_dots; i++)
    {
      if (layout[i].quadrant != workshop_points[i].quadrant)
        g_error ("%s (%.1f, %.1f) is in quadrant %d, not %d", workshop_points[i].name,
                 workshop_points[i].leadership, workshop_points[i].management, layout[i].quadrant,
                 workshop_points[i].quadrant);
      g_assert_true (layout[i].labelled);
    }

  text = export_pdf_text (chart, dir, "session.pdf");
  if (text != NULL)
    {
      g_autofree char *flat = chart_test_compact (text);

      g_assert_nonnull (strstr (text, "Team offsite, March"));
      g_assert_nonnull (strstr (text, "2 March 2026"));
      /* Sixteen in the file, two of them not placed: the chart says so. */
      g_assert_nonnull (strstr (text, "16 participants, 14 on the chart"));
      g_assert_nonnull (strstr (text, "Priya Raman"));
      g_assert_nonnull (strstr (text, "Lee, Jordan"));
      g_assert_nonnull (strstr (text, "Grace Ndlovu"));
      g_assert_null (strstr (text, "Zoë"));
      g_assert_null (strstr (text, "Noah Silva"));
      /* The legend counts each quadrant; the mean is shown rounded. */
      if (strstr (flat, "Bothhats5Leadership-driven4Management-driven3Stilldeveloping2") == NULL)
        g_error ("the legend does not count 5, 4, 3 and 2:\n%s", text);
      g_assert_nonnull (strstr (flat, "leadership52·management49"));
    }

  chart_test_remove_dir (dir);
}

/* A threshold off the default is printed as people read it: whole numbers
 * as such, anything else to one decimal, never 33.3333. */
static void
test_threshold_label (void)
{
  static const struct
  {
    double threshold;
    const char *shown;
  } cases[] = {
    { 60.0, "threshold 60" },
    { 62.5, "threshold 62.5" },
    { 100.0 / 3.0, "threshold 33.3" },
    { 70.04, "threshold 70" },
  };
  g_autoptr (ThSession) session = load_fixture ("workshop.twohats");
  g_autofree char *dir = chart_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
      g_autofree char *name = g_strdup_printf ("threshold-%u.pdf", i);
      g_autofree char *text = NULL;

      th_quadrant_chart_set_session (chart, session);
      th_quadrant_chart_set_threshold (chart, cases[i].threshold);
      text = export_pdf_text (chart, dir, name);
      if (text == NULL)
        break;

      if (strstr (text, cases[i].shown) == NULL)
        g_error ("“%s” not in the chart with threshold %g:\n%s", cases[i].shown, cases[i].threshold,
                 text);
      g_assert_null (strstr (text, "33.33"));
    }

  chart_test_remove_dir (dir);
}

/* Counts are grouped the reader's way: a workshop of thousands reads
 * "1.234 participants" under German number formatting, not "1234". */
static void
test_counts_grouped (void)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *text = NULL;
  GArray *points = chart_test_make_points (1234, 7);

  th_quadrant_chart_set_points (chart, (const ThChartPoint *)points->data, points->len);
  chart_test_free_points (points);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed");
      chart_test_remove_dir (dir);
      return;
    }
  text = export_pdf_text (chart, dir, "grouped.pdf");
  setlocale (LC_NUMERIC, saved);

  if (text != NULL && strstr (text, "1.234 participants") == NULL)
    g_error ("“1.234 participants” not in the chart:\n%s", text);

  chart_test_remove_dir (dir);
}

static void
test_session_changes (void)
{
  g_autoptr (ThSession) session = load_fixture ("workshop.twohats");
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  ThParticipant *noah;

  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_set_highlight (chart, 10);

  /* The chart copies: it follows the session only when told again. */
  th_session_set_threshold (session, 60);
  th_session_set_title (session, "Second day");
  noah = th_session_lookup_participant (session, "p12");
  g_assert_nonnull (noah);
  g_assert_true (th_session_set_rating (session, "p12", "weekly-milestones", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (th_quadrant_chart_get_threshold (chart), ==, 50.0);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 14);

  /* Noah now has leadership 100 (3 - 1) / 4 = 50 and management
   * 100 (5 - 1) / 4 = 100.  At 60, Priya (50, 50) is no longer in "both
   * hats", and Grace (50, 75) and Noah join the management-driven. */
  th_quadrant_chart_set_session (chart, session);
  g_assert_cmpfloat (th_quadrant_chart_get_threshold (chart), ==, 60.0);
  g_assert_cmpstr (th_quadrant_chart_get_title (chart), ==, "Second day");
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 15);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 10)->name, ==, "Noah Silva");
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, 10)->leadership, ==, 50.0);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, 10)->management, ==, 100.0);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_BALANCED), ==, 3);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_LEADERSHIP_DRIVEN), ==,
                    3);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_MANAGEMENT_DRIVEN), ==,
                    4);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_DEVELOPING), ==, 5);

  draw_once (chart);
  text = export_pdf_text (chart, dir, "changed.pdf");
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "threshold 60"));
      g_assert_nonnull (strstr (text, "Noah Silva"));
    }

  /* At 62.5 the same people stay where they were, but Mateo (62.5, 62.5)
   * now sits on both lines and Fatima (62.5, 12.5) on the leadership
   * line: both still count as high there. */
  th_session_set_threshold (session, 62.5);
  th_quadrant_chart_set_session (chart, session);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_BALANCED), ==, 3);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_LEADERSHIP_DRIVEN), ==,
                    3);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_MANAGEMENT_DRIVEN), ==,
                    4);
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_DEVELOPING), ==, 5);
  draw_once (chart);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 4)->name, ==, "Mateo 🎩");
  g_assert_cmpint (th_quadrant_chart_get_layout (chart, NULL)[4].quadrant, ==,
                   TH_QUADRANT_BALANCED);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 11)->name, ==, "Fatima Haddad");
  g_assert_cmpint (th_quadrant_chart_get_layout (chart, NULL)[11].quadrant, ==,
                   TH_QUADRANT_LEADERSHIP_DRIVEN);

  chart_test_remove_dir (dir);
}

static void
test_session_anonymous (void)
{
  static const char *const names[]
    = { "Ana",         "Lee, Jordan", "سارة",        "דוד",          "Mateo",         "Priya Raman",
        "Bartholomew", "Kwame",       "Yuki Tanaka", "Olga Petrova", "Fatima Haddad", "Grace",
        "Ndlovu",      "Ines",        "Duarte",      "Omar",         "Farouk" };
  g_autoptr (ThSession) session = load_fixture ("workshop.twohats");
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *text = NULL;

  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_set_anonymous (chart, TRUE);
  text = export_pdf_text (chart, dir, "anonymous.pdf");
  if (text != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (strstr (text, names[i]) != NULL)
          g_error ("anonymous chart names “%s”", names[i]);
      g_assert_nonnull (strstr (text, "Team offsite, March"));
    }

  chart_test_remove_dir (dir);
}

/* A long list of people not on the chart: the footnote names as many as
 * its lines hold, in the session's order (Zoë, then Noah, then the forty
 * added), counts the rest, and keeps every reason. */
static void
test_unplaced_many (void)
{
  g_autoptr (ThSession) session = load_fixture ("workshop.twohats");
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr (GError) error = NULL;
  const char *more;
  guint n_more;
  guint n_named = 0;

  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Latecomer %u", i);

      g_assert_nonnull (th_session_add_participant (session, name, &error));
      g_assert_no_error (error);
    }

  th_quadrant_chart_set_session (chart, session);
  /* Off unless asked: the chart on screen has no footnote. */
  g_assert_null (th_quadrant_chart_dup_footnote (chart));
  th_quadrant_chart_set_show_unplaced (chart, TRUE);
  text = export_pdf_text (chart, dir, "many.pdf");
  if (text == NULL)
    {
      chart_test_remove_dir (dir);
      return;
    }

  flat = chart_test_compact (text);
  g_assert_nonnull (strstr (text, "56 participants, 14 on the chart"));
  if (strstr (flat, "Notonthechartyet:ZoëQuinn,Latecomer1,") == NULL)
    g_error ("the footnote does not start with Zoë and the first latecomer:\n%s", text);
  /* Noah is named even though the list of those without ratings is cut:
   * he comes early in the session. */
  if (strstr (flat, ";NoahSilva(nomanagementbehaviourratedyet).") == NULL)
    g_error ("the footnote leaves out Noah or his reason:\n%s", text);

  more = strstr (flat, "more(noratingsyet)");
  g_assert_nonnull (more);
  while (more > flat && g_ascii_isdigit (more[-1]))
    more--;
  n_more = (guint)g_ascii_strtoull (more, NULL, 10);
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *named = g_strdup_printf ("Latecomer%u,", i);
      g_autofree char *last = g_strdup_printf ("Latecomer%uand", i);

      if (strstr (flat, named) != NULL || strstr (flat, last) != NULL)
        n_named++;
    }
  /* Forty latecomers and Zoë without ratings: named or counted, each once. */
  g_assert_cmpuint (n_more, >, 0);
  g_assert_cmpuint (1 + n_named + n_more, ==, 41);

  chart_test_remove_dir (dir);
}

static void
test_session_empty (void)
{
  g_autoptr (ThSession) session = load_fixture ("empty.twohats");
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *dir = chart_test_make_dir ();
  g_autofree char *text = NULL;

  th_quadrant_chart_set_session (chart, session);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 0);
  draw_once (chart);
  text = export_pdf_text (chart, dir, "empty.pdf");
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Nobody yet"));
      g_assert_nonnull (strstr (text, "No one has a position yet"));
    }

  chart_test_remove_dir (dir);
}

static void
test_session_built_in_code (void)
{
  g_autoptr (ThSession) loaded = load_fixture ("workshop.twohats");
  g_autoptr (ThSession) session = th_session_new (th_session_get_deck (loaded));
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autoptr (GError) error = NULL;
  ThParticipant *participant;
  const char *id;

  participant = th_session_add_participant (session, "Grace", &error);
  g_assert_no_error (error);
  id = th_participant_get_id (participant);
  g_assert_true (th_session_set_rating (session, id, "explain-the-why", 5, &error));
  g_assert_true (th_session_set_rating (session, id, "weekly-milestones", 3, &error));
  g_assert_no_error (error);
  th_session_add_participant (session, "Not yet rated", &error);
  g_assert_no_error (error);

  th_quadrant_chart_set_title (chart, "Left over");
  th_quadrant_chart_set_session (chart, session);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 1);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, 0)->leadership, ==, 100.0);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, 0)->management, ==, 50.0);
  /* Management 50 is on the default threshold, which counts as high. */
  g_assert_cmpuint (th_quadrant_chart_get_quadrant_count (chart, TH_QUADRANT_BALANCED), ==, 1);
  /* A session without a title gets the default one, not the last chart's. */
  g_assert_null (th_quadrant_chart_get_title (chart));
  draw_once (chart);
}

/* Rates a behaviour of each hat for participant @id, so that they have a
 * position. */
static void
rate_both_hats (ThSession *session, const char *id, int leadership, int management)
{
  ThDeck *deck = th_session_get_deck (session);
  gboolean rated[2] = { FALSE, FALSE };

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      ThSide key = th_behaviour_get_key (behaviour);

      if (rated[key])
        continue;
      g_assert_true (th_session_set_rating (session, id, th_behaviour_get_id (behaviour),
                                            key == TH_SIDE_LEADERSHIP ? leadership : management,
                                            NULL));
      rated[key] = TRUE;
    }
  g_assert_true (rated[TH_SIDE_LEADERSHIP] && rated[TH_SIDE_MANAGEMENT]);
}

/* Removing participant 1 of 3 leaves the others their numbers on the
 * chart: an anonymous chart printed before still means the same people. */
static void
test_numbers_after_removal (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();

  th_session_add_participant (session, "Ana", NULL);
  th_session_add_participant (session, "Ben", NULL);
  th_session_add_participant (session, "Cy", NULL);
  rate_both_hats (session, "p1", 5, 1);
  rate_both_hats (session, "p2", 1, 5);
  rate_both_hats (session, "p3", 5, 5);
  g_assert_true (th_session_remove_participant (session, "p1"));

  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_set_anonymous (chart, TRUE);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 2);
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 0)->id, ==, "p2");
  g_assert_cmpuint (th_quadrant_chart_get_point_number (chart, 0), ==, 2);
  g_assert_cmpuint (th_quadrant_chart_get_point_number (chart, 1), ==, 3);

  /* And they are what is drawn by the dots. */
  draw_once (chart);
  g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, 0), ==, TH_CHART_LABEL_NUMBER);
  g_assert_cmpint (th_quadrant_chart_get_label_kind (chart, 1), ==, TH_CHART_LABEL_NUMBER);

  /* Points without a participant's number count from 1. */
  {
    ThChartPoint points[]
      = { { (char *)"x", (char *)"X", 10, 10, 0 }, { (char *)"y", (char *)"Y", 90, 90, 0 } };

    th_quadrant_chart_set_points (chart, points, G_N_ELEMENTS (points));
    g_assert_cmpuint (th_quadrant_chart_get_point_number (chart, 0), ==, 1);
    g_assert_cmpuint (th_quadrant_chart_get_point_number (chart, 1), ==, 2);
  }
}

/* The live chart is given the session again after every change; the list
 * of those off the chart follows it each time: a rename, a new latecomer,
 * someone who rated and left the list, someone removed. */
static void
test_unplaced_follows_session (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  th_session_add_participant (session, "Ana", NULL);
  th_session_add_participant (session, "Ben", NULL);
  th_session_add_participant (session, "Cy", NULL);
  th_quadrant_chart_set_show_unplaced (chart, TRUE);
  th_quadrant_chart_set_session (chart, session);
  first = th_quadrant_chart_dup_footnote (chart);
  g_assert_cmpstr (first, ==, "Not on the chart yet: Ana, Ben, Cy (no ratings yet).");

  th_participant_set_name (th_session_get_participant (session, 1), "Bea");
  rate_both_hats (session, "p1", 5, 1);
  th_session_add_participant (session, "Dee", NULL);
  th_quadrant_chart_set_session (chart, session);
  second = th_quadrant_chart_dup_footnote (chart);
  g_assert_cmpstr (second, ==, "Not on the chart yet: Bea, Cy, Dee (no ratings yet).");

  g_assert_true (th_session_remove_participant (session, "p3"));
  g_assert_true (th_session_remove_participant (session, "p4"));
  th_quadrant_chart_set_session (chart, session);
  third = th_quadrant_chart_dup_footnote (chart);
  g_assert_cmpstr (third, ==, "Not on the chart yet: Bea (no ratings yet).");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/session/positions", test_positions_from_session);
  g_test_add_func ("/chart/session/changes", test_session_changes);
  g_test_add_func ("/chart/session/threshold-label", test_threshold_label);
  g_test_add_func ("/chart/session/counts-grouped", test_counts_grouped);
  g_test_add_func ("/chart/session/anonymous", test_session_anonymous);
  g_test_add_func ("/chart/session/numbers-after-removal", test_numbers_after_removal);
  g_test_add_func ("/chart/session/unplaced-many", test_unplaced_many);
  g_test_add_func ("/chart/session/unplaced-follows-session", test_unplaced_follows_session);
  g_test_add_func ("/chart/session/empty", test_session_empty);
  g_test_add_func ("/chart/session/built-in-code", test_session_built_in_code);

  return g_test_run ();
}
