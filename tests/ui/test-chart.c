/* test-chart.c: the Chart view, its live chart widget, export and printing
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "th-chart-page.h"
#include "th-error-dialog.h"
#include "th-print-operation.h"
#include "th-test-remote-file.h"
#include "th-ui-files.h"
#include "th-ui-test-utils.h"

/* Every test but the card sheets shows tests/chart/fixtures/workshop.twohats,
 * whose scores are worked out by hand in tests/chart/test-chart-session.c
 * with docs/scores.md: sixteen participants, fourteen of them on the chart
 * at threshold 50 (Zoë has rated nothing, Noah no management behaviour).
 * Priya sits on both threshold lines, Grace and Omar on the leadership
 * line and Ines on the management one; a score equal to the threshold
 * counts as high.  In the chart's order (the file's, without Zoë and Noah),
 * with leadership and management: */
typedef struct
{
  const char *id;
  const char *name;
  const char *leadership;
  const char *management;
  const char *quadrant;
  /* The name as pdftotext reads it from a printed page, which has no
   * text for the hat emoji of "Mateo 🎩". */
  const char *printed;
} Expected;

static const Expected workshop[] = {
  { "p1", "Ana", "87.5", "12.5", "Leadership-driven", "Ana" },
  { "p2", "Lee, Jordan", "75.0", "87.5", "Both hats", "Lee, Jordan" },
  { "p3", "سارة الحربي", "25.0", "87.5", "Management-driven", "سارة الحربي" },
  { "p4", "דוד כהן", "12.5", "25.0", "Still developing", "דוד כהן" },
  { "p5", "Mateo 🎩", "62.5", "62.5", "Both hats", "Mateo" },
  { "p6", "Priya Raman", "50.0", "50.0", "Both hats", "Priya Raman" },
  { "p7", "Bartholomew Featherstonehaugh-Worthington III", "87.5", "37.5", "Leadership-driven",
    "Bartholomew Featherstonehaugh-Worthington III" },
  { "p8", "Kwame Mensah", "37.5", "75.0", "Management-driven", "Kwame Mensah" },
  { "p9", "Yuki Tanaka", "100.0", "100.0", "Both hats", "Yuki Tanaka" },
  { "p10", "Olga Petrova", "0.0", "0.0", "Still developing", "Olga Petrova" },
  { "p13", "Fatima Haddad", "62.5", "12.5", "Leadership-driven", "Fatima Haddad" },
  { "p14", "Grace Ndlovu", "50.0", "75.0", "Both hats", "Grace Ndlovu" },
  { "p15", "Ines Duarte", "25.0", "50.0", "Management-driven", "Ines Duarte" },
  { "p16", "Omar Farouk", "50.0", "12.5", "Leadership-driven", "Omar Farouk" },
};

/* The numbers of those above (their places in the file, which gives no
 * numbers): the one by each dot, and on each handout. */
static const guint workshop_numbers[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16 };
G_STATIC_ASSERT (G_N_ELEMENTS (workshop_numbers) == G_N_ELEMENTS (workshop));

/* The two who are not on the chart. */
static const char *const off_chart[] = { "Zoë Quinn", "Noah Silva" };

/* How the screen counts the quadrants of the fixture at threshold 50. */
#define WORKSHOP_COUNTS                                                                            \
  "Both hats: 5, Leadership-driven: 4, Management-driven: 3, Still developing: 2. "                \
  "2 participants are not on the chart yet"

/* One application for the whole run: it registers the resources and loads
 * the style sheet, and a name on the bus can be taken only once. */
static ThApplication *app;

typedef struct
{
  GtkWindow *window;
  ThChartPage *page;
  ThChartWidget *chart;
  ThSession *session;
  char *tmpdir;
} Fixture;

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static ThSession *
load_workshop (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "chart", "fixtures", "workshop.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  return session;
}

/* Each test starts from the default page setups, whatever one before it
 * printed or saved. */
static void
forget_print_settings (void)
{
  g_autofree char *path = th_print_operation_dup_settings_path ();

  g_remove (path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "anonymous-default");
  forget_print_settings ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  f->session = load_workshop ();
  f->page = TH_CHART_PAGE (th_chart_page_new ());
  f->chart = th_chart_page_get_chart (f->page);
  th_chart_page_set_session (f->page, f->session);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 720);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->chart));
  th_test_wait_until (window_is_active, f->window, 2000);

  f->tmpdir = g_dir_make_tmp ("test-chart-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (f->window);
  g_clear_object (&f->session);
  forget_print_settings ();
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static void
wait_for_frame (Fixture *f)
{
  gtk_widget_queue_draw (GTK_WIDGET (f->chart));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->chart));
}

/* The point (its index in the chart) of a participant. */
static int
point_of (ThQuadrantChart *chart, const char *participant_id)
{
  for (guint i = 0; i < th_quadrant_chart_get_n_points (chart); i++)
    if (g_strcmp0 (th_quadrant_chart_get_point (chart, i)->id, participant_id) == 0)
      return (int)i;
  return -1;
}

static void
collect_labels (GtkWidget *widget, GString *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
table_text (Fixture *f)
{
  GtkWidget *table = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (f->page), TH_TYPE_CHART_PAGE, "table"));
  GString *text = g_string_new (NULL);

  collect_labels (table, text);
  return g_string_free (text, FALSE);
}

static gboolean
table_names_newcomer (gpointer data)
{
  g_autofree char *text = table_text (data);

  return strstr (text, "Zoë Newcomer") != NULL;
}

/* Chart widget ------------------------------------------------------------- */

static void
test_draws_the_sessions_dots (Fixture *f, gconstpointer data)
{
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  const ThChartDotLayout *layout;
  guint n_dots;
  int width = gtk_widget_get_width (GTK_WIDGET (f->chart));
  int height = gtk_widget_get_height (GTK_WIDGET (f->chart));

  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, G_N_ELEMENTS (workshop));
  layout = th_quadrant_chart_get_layout (chart, &n_dots);
  g_assert_cmpuint (n_dots, ==, G_N_ELEMENTS (workshop));
  for (guint i = 0; i < n_dots; i++)
    {
      g_assert_cmpstr (th_quadrant_chart_get_point (chart, i)->id, ==, workshop[i].id);
      /* The layout is in the widget's own coordinates. */
      g_assert_cmpfloat (layout[i].x, >, 0);
      g_assert_cmpfloat (layout[i].x, <, width);
      g_assert_cmpfloat (layout[i].y, >, 0);
      g_assert_cmpfloat (layout[i].y, <, height);
    }
  g_assert_cmpint (th_quadrant_chart_get_style (chart), ==, TH_CHART_STYLE_LIGHT);
}

static void
test_follows_the_session (Fixture *f, gconstpointer data)
{
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  ThDeck *deck = th_session_get_deck (f->session);
  g_autoptr (GError) error = NULL;
  ThParticipant *newcomer;
  ThParticipant *first = th_session_get_participant (f->session, 0);
  const char *first_id = th_participant_get_id (first);
  double before_x;
  int index;

  newcomer = th_session_add_participant (f->session, "Zoë Newcomer", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);

      g_assert_true (th_session_set_rating (f->session, th_participant_get_id (newcomer),
                                            th_behaviour_get_id (behaviour), 4, &error));
    }

  /* A burst of changes is applied once, at the next frame.  Rating every
   * behaviour 4 gives 100 (8 - 2) / 8 = 75 on both sides. */
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 14);
  wait_for_frame (f);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 15);
  index = point_of (chart, th_participant_get_id (newcomer));
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, index)->leadership, ==, 75.0);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, index)->management, ==, 75.0);

  /* Rating every management behaviour 1 moves Ana's dot (management 12.5)
   * to the left edge. */
  index = point_of (chart, first_id);
  before_x = th_quadrant_chart_get_layout (chart, NULL)[index].x;
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);

      if (th_behaviour_get_key (behaviour) == TH_SIDE_MANAGEMENT)
        th_session_set_rating (f->session, first_id, th_behaviour_get_id (behaviour), 1, NULL);
    }
  wait_for_frame (f);
  index = point_of (chart, first_id);
  g_assert_cmpfloat (th_quadrant_chart_get_point (chart, index)->management, ==, 0.0);
  g_assert_cmpfloat (th_quadrant_chart_get_layout (chart, NULL)[index].x, <, before_x);

  /* The table follows too. */
  g_assert_true (th_test_wait_until (table_names_newcomer, f, 2000));

  g_assert_true (th_session_remove_participant (f->session, th_participant_get_id (newcomer)));
  wait_for_frame (f);
  g_assert_cmpuint (th_quadrant_chart_get_n_points (chart), ==, 14);
}

/* The tooltip of the dot of the @index-th point of the chart. */
static char *
tooltip_of (Fixture *f, guint index)
{
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, NULL);

  return th_chart_widget_dup_tooltip_text_at (f->chart, layout[index].x, layout[index].y);
}

static void
test_tooltip_names_the_dot (Fixture *f, gconstpointer data)
{
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  const ThChartDotLayout *layout = th_quadrant_chart_get_layout (chart, NULL);
  g_autofree char *priya = NULL;
  g_autofree char *omar = NULL;
  g_autofree char *ines = NULL;
  g_autofree char *anonymous = NULL;
  GtkTooltip *tooltip;
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (f->chart)));

  /* Three people on a threshold line, each on its high side. */
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 5)->id, ==, "p6");
  priya = tooltip_of (f, 5);
  g_assert_cmpstr (priya, ==, "Priya Raman\nLeadership 50.0 · Management 50.0\nBoth hats");
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 13)->id, ==, "p16");
  omar = tooltip_of (f, 13);
  g_assert_cmpstr (omar, ==, "Omar Farouk\nLeadership 50.0 · Management 12.5\nLeadership-driven");
  g_assert_cmpstr (th_quadrant_chart_get_point (chart, 12)->id, ==, "p15");
  ines = tooltip_of (f, 12);
  g_assert_cmpstr (ines, ==, "Ines Duarte\nLeadership 25.0 · Management 50.0\nManagement-driven");

  /* The corner of the widget is the title, not a dot. */
  g_assert_null (th_chart_widget_dup_tooltip_text_at (f->chart, 2, 2));

  /* The path GTK takes when the pointer rests over a dot. */
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (f->chart, "query-tooltip", (int)layout[5].x, (int)layout[5].y, FALSE,
                         tooltip, &handled);
  g_assert_true (handled);
  handled = TRUE;
  g_signal_emit_by_name (f->chart, "query-tooltip", 2, 2, FALSE, tooltip, &handled);
  g_assert_false (handled);
  g_object_unref (tooltip);

  th_chart_page_set_anonymous (f->page, TRUE);
  wait_for_frame (f);
  anonymous = tooltip_of (f, 5);
  g_assert_cmpstr (anonymous, ==, "Participant 6\nLeadership 50.0 · Management 50.0\nBoth hats");
}

typedef struct
{
  char *id;
  guint count;
} Activation;

static void
participant_activated_cb (ThChartWidget *chart, const char *id, Activation *activation)
{
  g_free (activation->id);
  activation->id = g_strdup (id);
  activation->count++;
}

static void
test_keyboard_moves_and_activates (Fixture *f, gconstpointer data)
{
  /* Left and Right walk the dots by management, then by leadership: the
   * fixture's positions sorted by hand. */
  static const char *const order[]
    = { "p10", "p16", "p13", "p1", "p4", "p7", "p15", "p6", "p5", "p8", "p14", "p3", "p2", "p9" };
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  Activation activation = { NULL, 0 };
  GtkSingleSelection *selection;
  GtkLabel *summary = GTK_LABEL (
    gtk_widget_get_template_child (GTK_WIDGET (f->page), TH_TYPE_CHART_PAGE, "summary_label"));

  g_signal_connect (f->chart, "participant-activated", G_CALLBACK (participant_activated_cb),
                    &activation);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->chart)));
  gtk_widget_grab_focus (GTK_WIDGET (f->chart));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->chart)));

  /* Right starts at the left-most dot, and walks on by management. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      th_test_press_key (f->window, GDK_KEY_Right, 0);
      g_assert_cmpstr (th_chart_widget_get_focused_participant (f->chart), ==, order[i]);
      g_assert_cmpint (th_quadrant_chart_get_highlight (chart), ==, point_of (chart, order[i]));
    }

  /* Back to Omar, on the leadership line with low management: the focused
   * dot is read out with its scores, before the counts... */
  for (guint i = G_N_ELEMENTS (order) - 1; i > 1; i--)
    th_test_press_key (f->window, GDK_KEY_Left, 0);
  g_assert_cmpstr (th_chart_widget_get_focused_participant (f->chart), ==, "p16");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Omar Farouk: leadership 50.0, management 12.5, Leadership-driven. " WORKSHOP_COUNTS);
  /* ...and shown above the chart, as a tooltip would. */
  g_assert_cmpstr (gtk_label_get_label (summary), ==,
                   "Omar Farouk · leadership 50.0 · management 12.5 · Leadership-driven");

  /* On to Priya, on both lines. */
  for (guint i = 1; i < 7; i++)
    th_test_press_key (f->window, GDK_KEY_Right, 0);
  g_assert_cmpstr (th_chart_widget_get_focused_participant (f->chart), ==, "p6");
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
    "Priya Raman: leadership 50.0, management 50.0, Both hats. " WORKSHOP_COUNTS);
  g_assert_cmpstr (gtk_label_get_label (summary), ==,
                   "Priya Raman · leadership 50.0 · management 50.0 · Both hats");

  th_test_press_key (f->window, GDK_KEY_Return, 0);
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_cmpstr (activation.id, ==, "p6");
  g_assert_cmpstr (th_chart_widget_get_selected_participant (f->chart), ==, "p6");

  /* The table selects the same participant. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (f->page), TH_TYPE_CHART_PAGE, "table"))));
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  {
    g_autofree char *id = NULL;

    g_object_get (gtk_single_selection_get_selected_item (selection), "participant-id", &id, NULL);
    g_assert_cmpstr (id, ==, "p6");
  }

  /* Escape leaves the dot; the selection stays highlighted. */
  th_test_press_key (f->window, GDK_KEY_Escape, 0);
  g_assert_null (th_chart_widget_get_focused_participant (f->chart));
  g_assert_cmpstr (gtk_label_get_label (summary), ==, "16 participants, 14 on the chart");
  g_assert_cmpint (th_quadrant_chart_get_highlight (chart), ==, point_of (chart, "p6"));

  g_free (activation.id);
}

static void
test_accessible_role_label_description (Fixture *f, gconstpointer data)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Quadrant chart");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, WORKSHOP_COUNTS);

  /* At 87.5 Yuki (100, 100) alone has both hats; Ana and Bartholomew have
   * leadership 87.5, Lee and سارة management 87.5, exactly on the line. */
  th_session_set_threshold (f->session, 87.5);
  wait_for_frame (f);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Both hats: 1, Leadership-driven: 2, "
                                       "Management-driven: 2, Still developing: 9. "
                                       "2 participants are not on the chart yet");

  /* At 99 only Yuki is above the lines. */
  th_session_set_threshold (f->session, 99);
  wait_for_frame (f);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Both hats: 1, Leadership-driven: 0, "
                                       "Management-driven: 0, Still developing: 13. "
                                       "2 participants are not on the chart yet");
}

static void
test_style_follows_the_system (Fixture *f, gconstpointer data)
{
  ThQuadrantChart *chart = th_chart_widget_get_chart (f->chart);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (th_quadrant_chart_get_style (chart), ==, TH_CHART_STYLE_DARK);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (th_quadrant_chart_get_style (chart), ==, TH_CHART_STYLE_LIGHT);
}

/* Chart page --------------------------------------------------------------- */

static void
test_anonymous_switch_hides_names (Fixture *f, gconstpointer data)
{
  GtkSwitch *toggle = GTK_SWITCH (
    gtk_widget_get_template_child (GTK_WIDGET (f->page), TH_TYPE_CHART_PAGE, "anonymous_switch"));
  g_autofree char *named = NULL;
  g_autofree char *anonymous = NULL;
  g_autofree char *again = NULL;

  named = table_text (f);
  g_assert_nonnull (strstr (named, "Priya Raman"));
  g_assert_nonnull (strstr (named, "87.5"));
  g_assert_false (th_chart_widget_get_anonymous (f->chart));

  gtk_switch_set_active (toggle, TRUE);
  wait_for_frame (f);
  g_assert_true (th_chart_page_get_anonymous (f->page));
  g_assert_true (th_chart_widget_get_anonymous (f->chart));
  g_assert_true (th_quadrant_chart_get_anonymous (th_chart_widget_get_chart (f->chart)));

  anonymous = table_text (f);
  for (guint i = 0; i < th_session_get_n_participants (f->session); i++)
    {
      const char *name = th_participant_get_name (th_session_get_participant (f->session, i));

      g_assert_null (strstr (anonymous, name));
    }
  /* Each by their number: the eleventh and twelfth of the file have no
   * position and no number in the table, the sixteenth keeps hers. */
  g_assert_nonnull (strstr (anonymous, "Participant 1\n"));
  g_assert_nonnull (strstr (anonymous, "Participant 10\n"));
  g_assert_null (strstr (anonymous, "Participant 11\n"));
  g_assert_null (strstr (anonymous, "Participant 12\n"));
  g_assert_nonnull (strstr (anonymous, "Participant 16\n"));
  g_assert_null (strstr (anonymous, "Participant 17\n"));
  /* The scores stay. */
  g_assert_nonnull (strstr (anonymous, "87.5"));

  /* The action the switch drives is the same state. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "chart.anonymous", NULL);
  g_assert_false (gtk_switch_get_active (toggle));
  wait_for_frame (f);
  again = table_text (f);
  g_assert_nonnull (strstr (again, "Priya Raman"));
}

static gboolean
spin_shows_35 (gpointer data)
{
  return gtk_spin_button_get_value (data) == 35;
}

static void
test_threshold_spin (Fixture *f, gconstpointer data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (
    gtk_widget_get_template_child (GTK_WIDGET (f->page), TH_TYPE_CHART_PAGE, "threshold_spin"));

  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 50);
  gtk_spin_button_set_value (spin, 75);
  g_assert_cmpfloat (th_session_get_threshold (f->session), ==, 75);
  wait_for_frame (f);
  g_assert_cmpfloat (th_quadrant_chart_get_threshold (th_chart_widget_get_chart (f->chart)), ==,
                     75);
  /* Lee's leadership and Kwame's and Grace's management are 75, on the
   * new line: Lee keeps both hats, Kwame and Grace are management-driven. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Both hats: 2, Leadership-driven: 2, "
                                       "Management-driven: 3, Still developing: 7. "
                                       "2 participants are not on the chart yet");

  /* The spin stays within the format's 1–99. */
  gtk_spin_button_set_value (spin, 120);
  g_assert_cmpfloat (th_session_get_threshold (f->session), ==, 99);

  /* A change made elsewhere shows in the spin. */
  th_session_set_threshold (f->session, 35);
  g_assert_true (th_test_wait_until (spin_shows_35, spin, 2000));
}

static void
test_menu_and_actions (Fixture *f, gconstpointer data)
{
  g_autoptr (GMenuModel) menu = th_chart_page_get_menu ();
  static const char *const actions[]
    = { "win.export-chart", "win.print-chart", "win.print-handouts", "win.print-cards" };
  static const char *const labels[] = { "_Export Chart…", "_Print Chart…", "Print _Handouts…",
                                        "Print Cards for _Sorting on Paper…" };

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_assert_cmpstr (action, ==, actions[i]);
      g_assert_cmpstr (label, ==, labels[i]);
    }
}

static void
assert_png_size (const char *path, int width, int height)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static char *
run_tool (const char *tool, const char *arguments)
{
  g_autofree char *command = g_strdup_printf ("%s %s", tool, arguments);
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo != NULL && pdftotext != NULL)
    return TRUE;
  g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
  return FALSE;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *info = run_tool ("pdfinfo", quoted);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* @text without white space, so that a sentence matches wherever the
 * layout broke its lines, and without the marks pdftotext puts around
 * each letter of right-to-left text (U+202B, U+202C), which are no part
 * of the name. */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x202b && c != 0x202c)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The text of pages @first to @last, compacted. */
static char *
pdf_text (const char *path, int first, int last)
{
  g_autofree char *quoted = g_shell_quote (path);
  /* -raw keeps the drawing order, so side-by-side cards do not interleave;
   * names in other scripts than Latin need UTF-8. */
  g_autofree char *arguments
    = g_strdup_printf ("-raw -enc UTF-8 -f %d -l %d %s -", first, last, quoted);
  g_autofree char *text = run_tool ("pdftotext", arguments);

  return compact (text);
}

static void
test_export_files (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "chart.png", "chart.pdf", "chart.SVG" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) bad = NULL;
  g_autofree char *bad_path = g_build_filename (f->tmpdir, "chart.txt", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->tmpdir, names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      g_assert_true (th_chart_page_export_to_file (f->page, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  {
    g_autofree char *png = g_build_filename (f->tmpdir, "chart.png", NULL);
    g_autofree char *svg = g_build_filename (f->tmpdir, "chart.SVG", NULL);
    g_autofree char *contents = NULL;

    assert_png_size (png, 1600, 1200);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
    g_assert_nonnull (strstr (contents, "width=\"842"));
  }

  if (have_poppler ())
    {
      g_autofree char *pdf = g_build_filename (f->tmpdir, "chart.pdf", NULL);
      g_autofree char *quoted = g_shell_quote (pdf);
      g_autofree char *info = run_tool ("pdfinfo", quoted);

      g_autofree char *text = NULL;

      g_assert_cmpuint (pdf_pages (pdf), ==, 1);
      g_assert_nonnull (strstr (info, "842 x 595"));
      /* A file leaves the room: it says who is missing from it, and why. */
      text = pdf_text (pdf, 1, 1);
      if (strstr (text, "16participants,14onthechart") == NULL
          || strstr (text, "Notonthechartyet:ZoëQuinn(noratingsyet);NoahSilva(nomanagement"
                           "behaviourratedyet).")
               == NULL)
        g_error ("the exported chart does not say who is not on it: %s", text);
    }

  bad = g_file_new_for_path (bad_path);
  g_assert_false (th_chart_page_export_to_file (f->page, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static gboolean
find_file_chooser (gpointer data)
{
  GtkWidget **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (window))
        {
          *dialog = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_current_folder (gpointer data)
{
  g_autoptr (GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* The whole of chart.export: the chooser opens in the folder used last,
 * with a name from the title, and a name without an extension gets the
 * one of the chosen filter.  Without a portal GTK shows its own dialog,
 * which the test answers. */
static void
test_export_action (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) pdf = NULL;
  g_autofree char *expected = g_build_filename (f->tmpdir, "for-the-wall.pdf", NULL);
  g_autofree char *remembered = NULL;
  GtkWidget *dialog = NULL;

  g_settings_set_string (settings, "last-export-folder", f->tmpdir);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "chart.export", NULL);
  g_assert_true (th_test_wait_until (find_file_chooser, &dialog, 5000));
  /* The dialog loads the folder after it is shown. */
  g_assert_true (th_test_wait_until (has_current_folder, dialog, 5000));

  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (folder);
  {
    g_autofree char *path = g_file_get_path (folder);

    g_assert_cmpstr (path, ==, f->tmpdir);
  }
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));

    g_assert_cmpstr (name, ==, "Team offsite, March.png");
  }

  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  pdf = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (pdf), ==, "PDF Document");
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "for-the-wall");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  g_assert_true (th_test_wait_until (file_exists, expected, 5000));
  remembered = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (remembered, ==, f->tmpdir);
  g_settings_reset (settings, "last-export-folder");
}

static gboolean
find_message_dialog (gpointer data)
{
  GtkWidget **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *dialog = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* How a failed export or print is told: a dialog over the window with the
 * heading and the error, and only a Close button. */
static void
test_error_dialog (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog = NULL;
  AdwMessageDialog *message;

  th_error_dialog_present (f->window, "Could Not Export “wall.png”", "No space left on device");
  g_assert_true (th_test_wait_until (find_message_dialog, &dialog, th_test_timeout (5000)));

  message = ADW_MESSAGE_DIALOG (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export “wall.png”");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, "No space left on device");
  g_assert_cmpstr (adw_message_dialog_get_response_label (message, "close"), ==, "_Close");
  /* Enter closes it. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (message), ==, "close");
  g_assert_false (adw_message_dialog_has_response (message, "cancel"));

  adw_message_dialog_response (message, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Work on a worker thread for a task whose source object is a widget
 * (an export, the recovery scan): the worker sees no source object, the
 * task gets the worker's result on this thread, and once the caller lets
 * go of the result the widget ends here, never on the worker. */
static void
run_on_worker (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  const char *kind = task_data;

  if (source_object != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "the worker holds the widget");
  else if (g_str_equal (kind, "boolean"))
    g_task_return_boolean (task, TRUE);
  else if (g_str_equal (kind, "pointer"))
    g_task_return_pointer (task, g_strdup ("made on the worker"), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
}

static void
note_finalizing_thread (gpointer data, GObject *where_the_object_was)
{
  *(GThread **)data = g_thread_self ();
}

static void
test_run_in_thread (void)
{
  static const char *const kinds[] = { "boolean", "pointer", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      GThread *finalized_on = NULL;
      GtkWidget *widget = g_object_ref_sink (gtk_label_new (kinds[i]));
      GTask *task = g_task_new (widget, NULL, th_ui_keep_result_cb, &result);

      g_object_weak_ref (G_OBJECT (widget), note_finalizing_thread, &finalized_on);
      g_task_set_task_data (task, (gpointer)kinds[i], NULL);
      th_ui_run_in_thread (task, run_on_worker, i == 1 ? g_free : NULL);
      /* The task holds the widget's last reference from here on. */
      g_object_unref (task);
      g_object_unref (widget);
      th_ui_wait_for (&result);

      g_assert_true (g_task_get_source_object (G_TASK (result)) == (gpointer)widget);
      if (i == 0)
        {
          g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
          g_assert_no_error (error);
        }
      else if (i == 1)
        {
          g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

          g_assert_no_error (error);
          g_assert_cmpstr (text, ==, "made on the worker");
        }
      else
        {
          g_assert_false (g_task_propagate_boolean (G_TASK (result), &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        }

      g_assert_null (finalized_on);
      g_clear_object (&result);
      g_assert_true (finalized_on == g_thread_self ());
    }
}

/* Printing ------------------------------------------------------------------ */

static char *
print_to_pdf (Fixture *f, ThPrintOperation *operation, const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->tmpdir, name, NULL);
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static void
test_print_chart (Fixture *f, gconstpointer data)
{
  g_autoptr (ThPrintOperation) operation = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *anonymous_path = NULL;
  g_autofree char *anonymous_text = NULL;
  g_autoptr (ThPrintOperation) anonymous = NULL;

  if (!have_poppler ())
    return;

  path = print_to_pdf (f, operation, "chart.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (text, "Teamoffsite,March"));
  g_assert_nonnull (strstr (text, "PriyaRaman"));
  /* The legend counts the quadrants (each count drawn before its name),
   * Priya, Grace, Ines and Omar on the high side of the lines they sit on. */
  if (strstr (text, "5Bothhats4Leadership-driven3Management-driven2Stilldeveloping") == NULL)
    g_error ("the printed legend does not count 5, 4, 3 and 2: %s", text);
  /* Paper that is pinned up says who is missing from it, and why. */
  if (strstr (text, "Notonthechartyet:ZoëQuinn(noratingsyet);NoahSilva(nomanagementbehaviour"
                    "ratedyet).")
      == NULL)
    g_error ("the printed chart does not say who is not on it: %s", text);

  anonymous = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
  th_print_operation_set_anonymous (anonymous, TRUE);
  anonymous_path = print_to_pdf (f, anonymous, "chart-anonymous.pdf");
  anonymous_text = pdf_text (anonymous_path, 1, 1);
  g_assert_null (strstr (anonymous_text, "PriyaRaman"));
  g_assert_null (strstr (anonymous_text, "Zoë"));
  if (strstr (anonymous_text, "Notonthechartyet:Participant11(noratingsyet);Participant12(no"
                              "managementbehaviourratedyet).")
      == NULL)
    g_error ("the anonymous printed chart does not list who is not on it by number: %s",
             anonymous_text);
}

/* Asserts that pages 1 to @n_pages of the PDF at @path, and no others,
 * are @width × @height points, as pdfinfo reads them. */
static void
assert_page_sizes (const char *path, guint n_pages, int width, int height)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *arguments = g_strdup_printf ("-f 1 -l %u %s", n_pages, quoted);
  g_autofree char *info = run_tool ("pdfinfo", arguments);
  guint seen = 0;

  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  for (const char *line = strstr (info, "\nPage "); line != NULL;
       line = strstr (line + 1, "\nPage "))
    {
      guint page;
      double w, h;

      /* "Page    1 size: 792 x 612 pts (letter)" */
      if (sscanf (line + 1, "Page %u size: %lf x %lf pts", &page, &w, &h) != 3)
        continue;
      seen++;
      if ((int)round (w) != width || (int)round (h) != height)
        g_error ("page %u of %s is %g × %g points, not %d × %d", page, path, w, h, width, height);
    }
  g_assert_cmpuint (seen, ==, n_pages);
}

static GtkPageSetup *
page_setup_new (const char *paper, GtkPageOrientation orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) size = gtk_paper_size_new (paper);

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, orientation);
  return setup;
}

/* Paper and orientation reach the printed file: US Letter in landscape
 * is 11 × 8.5 inches, 792 × 612 points; A4 in portrait 210 × 297 mm,
 * 595 × 842 points.  Both as the page setup the dialog hands the
 * operation, and as the setting remembered from the last print. */
static void
test_print_page_sizes (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *paper;
    GtkPageOrientation orientation;
    int width;
    int height;
  } cases[] = {
    { GTK_PAPER_NAME_LETTER, GTK_PAGE_ORIENTATION_LANDSCAPE, 792, 612 },
    { GTK_PAPER_NAME_A4, GTK_PAGE_ORIENTATION_PORTRAIT, 595, 842 },
  };

  if (!have_poppler ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GtkPageSetup) setup = page_setup_new (cases[i].paper, cases[i].orientation);
      g_autoptr (ThPrintOperation) chart = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
      g_autoptr (ThPrintOperation) handouts
        = th_print_operation_new (f->session, TH_PRINT_MODE_HANDOUTS);
      g_autoptr (ThPrintOperation) saved = NULL;
      g_autoptr (ThPrintOperation) next = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *chart_name = g_strdup_printf ("chart-%s.pdf", cases[i].paper);
      g_autofree char *handouts_name = g_strdup_printf ("handouts-%s.pdf", cases[i].paper);
      g_autofree char *next_name = g_strdup_printf ("chart-next-%s.pdf", cases[i].paper);
      g_autofree char *chart_pdf = NULL;
      g_autofree char *handouts_pdf = NULL;
      g_autofree char *next_pdf = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (chart), setup);
      chart_pdf = print_to_pdf (f, chart, chart_name);
      assert_page_sizes (chart_pdf, 1, cases[i].width, cases[i].height);
      text = pdf_text (chart_pdf, 1, 1);
      g_assert_nonnull (strstr (text, "PriyaRaman"));

      /* Every handout, one a participant on the chart. */
      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (handouts), setup);
      handouts_pdf = print_to_pdf (f, handouts, handouts_name);
      assert_page_sizes (handouts_pdf, G_N_ELEMENTS (workshop), cases[i].width, cases[i].height);

      /* What a print through the dialog leaves behind for the next one. */
      saved = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (saved), setup);
      g_assert_true (th_print_operation_save_settings (saved, &error));
      g_assert_no_error (error);
      next = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
      next_pdf = print_to_pdf (f, next, next_name);
      assert_page_sizes (next_pdf, 1, cases[i].width, cases[i].height);
    }
}

static void
test_print_handouts (Fixture *f, gconstpointer data)
{
  g_autoptr (ThPrintOperation) operation
    = th_print_operation_new (f->session, TH_PRINT_MODE_HANDOUTS);
  g_autofree char *path = NULL;
  guint n = G_N_ELEMENTS (workshop);

  if (!have_poppler ())
    return;

  path = print_to_pdf (f, operation, "handouts.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, n);

  /* Page i is the i-th person on the chart's: their name, their own two
   * scores and quadrant, one after the other as the page draws them, their
   * number on the chart, and nobody else's name. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *page = pdf_text (path, (int)i + 1, (int)i + 1);
      g_autofree char *name = compact (workshop[i].printed);
      g_autofree char *quadrant = compact (workshop[i].quadrant);
      g_autofree char *scores = g_strdup_printf (
        "Leadership%sManagement%s%s", workshop[i].leadership, workshop[i].management, quadrant);
      g_autofree char *number
        = g_strdup_printf ("Yourdotistheringedone,number%u.", workshop_numbers[i]);

      if (strstr (page, name) == NULL || strstr (page, scores) == NULL)
        g_error ("page %u does not show %s with “%s”: %s", i + 1, workshop[i].name, scores, page);
      g_assert_nonnull (strstr (page, number));
      g_assert_nonnull (strstr (page, "Whattopractisenext"));
      /* How many are on the chart, and who is not, by number. */
      if (strstr (page, "16participants,14onthechart.Notonthechartyet:Participant11(noratingsyet);"
                        "Participant12(nomanagementbehaviourratedyet).")
          == NULL)
        g_error ("page %u does not say who is not on the chart: %s", i + 1, page);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *other = compact (workshop[j].printed);

          if (j != i && strstr (page, other) != NULL)
            g_error ("page %u, %s's, names %s", i + 1, workshop[i].name, workshop[j].name);
        }
      for (guint j = 0; j < G_N_ELEMENTS (off_chart); j++)
        {
          g_autofree char *other = compact (off_chart[j]);

          g_assert_null (strstr (page, other));
        }

      /* Only Ana has sorted cards: two, both the way the article would. */
      if (i == 0)
        g_assert_nonnull (strstr (page, "Yousorted2ofthe4behaviourcardsthewaythearticlewould."));
      else
        g_assert_null (strstr (page, "Yousorted"));
    }
}

static void
test_print_cards (Fixture *f, gconstpointer data)
{
  /* The cards need no participants, and more than one sheet of them. */
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThPrintOperation) with_key = th_print_operation_new (session, TH_PRINT_MODE_CARDS);
  g_autoptr (ThPrintOperation) without_key = th_print_operation_new (session, TH_PRINT_MODE_CARDS);
  guint n = th_deck_get_n_behaviours (deck);
  guint sheets = (n + 7) / 8;
  g_autofree char *path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *fronts = NULL;
  g_autofree char *key = NULL;

  if (!have_poppler ())
    return;

  /* The built-in deck: 24 cards, eight to an A4 sheet. */
  g_assert_cmpuint (n, ==, 24);
  g_assert_true (th_print_operation_get_answer_sheet (with_key));
  path = print_to_pdf (f, with_key, "cards.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, sheets + 1);

  th_print_operation_set_answer_sheet (without_key, FALSE);
  plain_path = print_to_pdf (f, without_key, "cards-plain.pdf");
  g_assert_cmpuint (pdf_pages (plain_path), ==, sheets);

  /* Every card is on the sheets, and no card gives its answer away. */
  fronts = pdf_text (path, 1, (int)sheets);
  key = pdf_text (path, (int)sheets + 1, (int)sheets + 1);
  for (guint i = 0; i < n; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      g_autofree char *text = compact (th_behaviour_get_text (behaviour));
      g_autofree char *why = compact (th_behaviour_get_why (behaviour));

      g_assert_nonnull (strstr (fronts, text));
      g_assert_null (strstr (fronts, why));
      g_assert_nonnull (strstr (key, why));
    }
  g_assert_null (strstr (fronts, "Answerkey"));
  g_assert_nonnull (strstr (key, "Answerkey"));
}

static void
test_print_settings_are_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr (ThPrintOperation) first = th_print_operation_new (f->session, TH_PRINT_MODE_CARDS);
  g_autoptr (ThPrintOperation) chart = NULL;
  g_autoptr (ThPrintOperation) again = NULL;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = th_print_operation_dup_settings_path ();
  GtkPageSetup *loaded;

  g_remove (path);

  /* What the dialog hands back: Letter, landscape, two copies. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, letter);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), setup);
  gtk_print_settings_set_paper_size (settings, letter);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_settings_set_n_copies (settings, 2);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (first), settings);
  g_assert_true (th_print_operation_save_settings (first, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The next run starts from there. */
  again = th_print_operation_new (f->session, TH_PRINT_MODE_CARDS);
  loaded = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (again));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (loaded)), ==,
                   GTK_PAPER_NAME_LETTER);
  g_assert_cmpint (gtk_page_setup_get_orientation (loaded), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpint (gtk_print_settings_get_n_copies (
                     gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (again))),
                   ==, 2);

  /* Page setups are per mode: a chart still starts in landscape on the
   * locale's paper. */
  chart = th_print_operation_new (f->session, TH_PRINT_MODE_CHART);
  loaded = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (chart));
  g_assert_cmpint (gtk_page_setup_get_orientation (loaded), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);

  g_remove (path);
}

/* Files without a local path --------------------------------------------------- */

/* A place GIO reaches but cannot write to: the program's own resources. */
#define RESOURCE_FOLDER "resource:///io/github/twohats/TwoHats"

static void
test_export_without_a_local_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) resource = g_file_new_for_uri (RESOURCE_FOLDER "/chart.png");
  g_autofree char *backing_path = g_build_filename (f->tmpdir, "remote-chart.png", NULL);
  g_autoptr (GFile) backing = g_file_new_for_path (backing_path);
  g_autoptr (GFile) remote = th_test_remote_file_new (backing, FALSE);
  g_autoptr (GError) error = NULL;

  g_assert_null (g_file_get_path (resource));
  g_assert_null (g_file_get_path (remote));

  g_assert_false (th_chart_page_export_to_file (f->page, resource, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "“chart.png” can only be saved to a local folder");
  g_clear_error (&error);

  /* Where GIO can write, the chart gets there. */
  g_assert_true (th_chart_page_export_to_file (f->page, remote, &error));
  g_assert_no_error (error);
  assert_png_size (backing_path, 1600, 1200);
}

static void
test_print_to_file_without_a_local_path (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) resource = g_file_new_for_uri (RESOURCE_FOLDER "/handouts.pdf");
  g_autofree char *backing_path = g_build_filename (f->tmpdir, "remote-handouts.pdf", NULL);
  g_autoptr (GFile) backing = g_file_new_for_path (backing_path);
  g_autoptr (GFile) remote = th_test_remote_file_new (backing, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_false (th_chart_page_print_to_file (f->page, TH_PRINT_MODE_HANDOUTS, resource, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "“handouts.pdf” can only be saved to a local folder");
  g_clear_error (&error);

  g_assert_true (th_chart_page_print_to_file (f->page, TH_PRINT_MODE_HANDOUTS, remote, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backing_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* One page per participant on the chart. */
  if (have_poppler ())
    g_assert_cmpuint (pdf_pages (backing_path), ==, G_N_ELEMENTS (workshop));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = th_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/chart/draws-dots", test_draws_the_sessions_dots);
  ADD ("/ui/chart/follows-session", test_follows_the_session);
  ADD ("/ui/chart/tooltip", test_tooltip_names_the_dot);
  ADD ("/ui/chart/keyboard", test_keyboard_moves_and_activates);
  ADD ("/ui/chart/accessible", test_accessible_role_label_description);
  ADD ("/ui/chart/style", test_style_follows_the_system);
  ADD ("/ui/chart/anonymous", test_anonymous_switch_hides_names);
  ADD ("/ui/chart/threshold", test_threshold_spin);
  ADD ("/ui/chart/menu", test_menu_and_actions);
  ADD ("/ui/chart/export", test_export_files);
  ADD ("/ui/chart/export-action", test_export_action);
  ADD ("/ui/chart/error-dialog", test_error_dialog);
  g_test_add_func ("/ui/chart/run-in-thread", test_run_in_thread);
  ADD ("/ui/chart/print-chart", test_print_chart);
  ADD ("/ui/chart/print-handouts", test_print_handouts);
  ADD ("/ui/chart/print-cards", test_print_cards);
  ADD ("/ui/chart/print-page-sizes", test_print_page_sizes);
  ADD ("/ui/chart/print-settings", test_print_settings_are_remembered);
  ADD ("/ui/chart/export-no-local-path", test_export_without_a_local_path);
  ADD ("/ui/chart/print-to-file-no-local-path", test_print_to_file_without_a_local_path);
#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
