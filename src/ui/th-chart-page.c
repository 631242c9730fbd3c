/* th-chart-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-chart-page-private.h"
#include "th-chart-row.h"
#include "th-chart-tips.h"
#include "th-property.h"
#include "th-set.h"

/* The Chart view.  The chart follows the session by itself; the page keeps
 * the table (one ThChartRow per participant, updated in place so a live
 * session only repaints what moved), the per-quadrant next steps and the
 * two settings in step with it, and owns export and printing (in
 * th-chart-page-export.c). */

/* Above this a refresh of the table is spread out, see session_changed_cb(). */
#define REFRESH_BUDGET_US 4000
#define REFRESH_MAX_DELAY_MS 500

G_DEFINE_FINAL_TYPE (ThChartPage, th_chart_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ANONYMOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The marker the renderer draws for each quadrant's dots, as a glyph, so
 * that the table and the next steps key into the chart by shape as well
 * as colour. */
static const char *const quadrant_glyphs[] = {
  [TH_QUADRANT_NONE] = "",
  [TH_QUADRANT_BALANCED] = "●",
  [TH_QUADRANT_LEADERSHIP_DRIVEN] = "▲",
  [TH_QUADRANT_MANAGEMENT_DRIVEN] = "■",
  [TH_QUADRANT_DEVELOPING] = "◆",
};

/* The style sheet colours a quadrant's markers by its id (docs/scores.md). */
static const char *
quadrant_class (ThQuadrant quadrant)
{
  return quadrant == TH_QUADRANT_NONE ? "none" : th_quadrant_to_id (quadrant);
}

static void
set_quadrant_class (GtkWidget *widget, ThQuadrant quadrant)
{
  for (ThQuadrant q = TH_QUADRANT_NONE; q <= TH_QUADRANT_DEVELOPING; q++)
    if (q != quadrant)
      gtk_widget_remove_css_class (widget, quadrant_class (q));
  gtk_widget_add_css_class (widget, quadrant_class (quadrant));
}

/* Table and next steps ------------------------------------------------------ */

/* Borrowed: the store keeps the row. */
static ThChartRow *
lookup_row (ThChartPage *self, const char *participant_id)
{
  GListModel *rows = G_LIST_MODEL (self->rows);

  for (guint i = 0; participant_id != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (ThChartRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (th_chart_row_get_participant_id (row), participant_id) == 0)
        return row;
    }

  return NULL;
}

/* The line above the chart counts the participants, or, while the keyboard
 * is on a dot, says whose it is: what a tooltip would show to the pointer. */
static void
show_summary (ThChartPage *self)
{
  ThChartRow *row = lookup_row (self, th_chart_widget_get_focused_participant (self->chart));
  g_autofree char *leadership = NULL;
  g_autofree char *management = NULL;
  g_autofree char *quadrant = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    {
      gtk_label_set_label (self->summary_label, self->summary);
      return;
    }

  g_object_get (row, "leadership-text", &leadership, "management-text", &management,
                "quadrant-name", &quadrant, NULL);
  /* Translators: above the chart while the keyboard is on a dot, e.g.
   * "Ana Souza · leadership 70.8 · management 83.3 · Both hats". */
  text = g_strdup_printf (_ ("%s · leadership %s · management %s · %s"),
                          th_chart_row_get_display_name (row), leadership, management, quadrant);
  gtk_label_set_label (self->summary_label, text);
}

static void
chart_focus_cb (ThChartPage *self)
{
  show_summary (self);
}

static void
update_summary (ThChartPage *self, guint n_participants, guint n_on_chart)
{
  g_autofree char *text = NULL;

  if (n_participants == 0)
    text = g_strdup (_ ("No participants yet"));
  else if (n_on_chart == n_participants)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u participant, all on the chart",
                                         "%'u participants, all on the chart", n_participants),
                            n_participants);
  else
    /* Translators: e.g. "12 participants, 9 on the chart". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u participant, %'u on the chart",
                                         "%'u participants, %'u on the chart", n_participants),
                            n_participants, n_on_chart);

  g_free (self->summary);
  self->summary = g_steal_pointer (&text);
  show_summary (self);
  gtk_widget_set_visible (self->empty_label, n_participants == 0);
}

static void
update_tips (ThChartPage *self, const guint *counts)
{
  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", counts[q]), counts[q]);

      gtk_label_set_label (self->tip_counts[q], text);
    }
}

static void
update_current_tip (ThChartPage *self)
{
  const char *id = th_chart_widget_get_selected_participant (self->chart);
  ThQuadrant current = TH_QUADRANT_NONE;

  if (id != NULL && self->session != NULL)
    {
      ThParticipant *participant = th_session_lookup_participant (self->session, id);
      ThScores scores;

      if (participant != NULL)
        {
          th_session_compute_scores (self->session, participant, &scores);
          current = scores.quadrant;
        }
    }

  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    {
      if (q == current)
        gtk_widget_add_css_class (self->tip_cards[q], "current");
      else
        gtk_widget_remove_css_class (self->tip_cards[q], "current");
    }
}

/* Brings every row up to date with the session.  In anonymous mode a row
 * is named by the number its dot carries on the chart, which counts only
 * the participants who have a position. */
static void
refresh_rows (ThChartPage *self)
{
  guint n = self->session ? th_session_get_n_participants (self->session) : 0;
  guint counts[N_QUADRANT_SLOTS] = { 0 };
  guint n_on_chart = 0;
  gboolean any_moved = FALSE;
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  for (guint i = 0; i < n && i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      ThParticipant *participant = th_session_get_participant (self->session, i);
      g_autoptr (ThChartRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autofree char *number = NULL;
      const char *name;
      ThScores scores;
      double old_leadership = th_chart_row_get_leadership (row);
      double old_management = th_chart_row_get_management (row);

      th_session_compute_scores (self->session, participant, &scores);
      if (scores.quadrant != TH_QUADRANT_NONE)
        {
          n_on_chart++;
          counts[scores.quadrant]++;
        }

      if (!self->anonymous)
        name = th_participant_get_name (participant);
      else if (scores.quadrant != TH_QUADRANT_NONE)
        name = number = th_participant_dup_anonymous_name (participant);
      else
        name = "—";

      th_chart_row_update (row, name, &scores);
      if (th_chart_row_get_leadership (row) != old_leadership
          || th_chart_row_get_management (row) != old_management)
        any_moved = TRUE;
    }

  /* A sorted table stays sorted as scores come in. */
  if (any_moved)
    gtk_sorter_changed (gtk_column_view_get_sorter (self->table), GTK_SORTER_CHANGE_DIFFERENT);

  self->last_refresh_us = g_get_monotonic_time () - start;
  update_summary (self, n, n_on_chart);
  update_tips (self, counts);
  update_current_tip (self);

  if (self->session != NULL)
    {
      self->syncing_threshold = TRUE;
      gtk_adjustment_set_value (self->threshold_adjustment,
                                th_session_get_threshold (self->session));
      self->syncing_threshold = FALSE;
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  ThChartPage *self = user_data;

  self->refresh_id = 0;
  refresh_rows (self);
  return G_SOURCE_REMOVE;
}

/* Answers arriving from a room come in bursts: one refresh per burst. */
static void
session_changed_cb (ThChartPage *self)
{
  if (self->refresh_id != 0)
    return;

  /* With thousands of participants a refresh is costly: space them out as
   * the chart does, so the window stays responsive. */
  if (self->last_refresh_us > REFRESH_BUDGET_US)
    self->refresh_id = g_timeout_add (MIN (self->last_refresh_us * 10 / 1000, REFRESH_MAX_DELAY_MS),
                                      refresh_idle_cb, self);
  else
    /* Before the next frame's layout, as the chart takes them in its
     * frame: a default idle waited behind the requests of a busy room,
     * and the line above the chart read "0 on the chart" under a chart
     * full of dots. */
    self->refresh_id = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, refresh_idle_cb, self, NULL);
}

static void
session_items_changed_cb (ThChartPage *self, guint position, guint removed, guint added,
                          GListModel *model)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  /* New rows are filled in at once; the numbers of anonymous mode, which
   * depend on everyone before them, follow with the next refresh. */
  for (guint i = position; i < position + added; i++)
    {
      ThParticipant *participant = th_session_get_participant (self->session, i);
      ThChartRow *row = th_chart_row_new (th_participant_get_id (participant));
      ThScores scores;

      th_session_compute_scores (self->session, participant, &scores);
      th_chart_row_update (row, self->anonymous ? "—" : th_participant_get_name (participant),
                           &scores);
      g_ptr_array_add (fresh, row);
    }

  g_list_store_splice (self->rows, position, removed, fresh->pdata, fresh->len);
  session_changed_cb (self);
}

static void
rebuild_rows (ThChartPage *self)
{
  guint n = self->session ? th_session_get_n_participants (self->session) : 0;

  g_list_store_remove_all (self->rows);
  if (n > 0)
    session_items_changed_cb (self, 0, 0, n, NULL);
  refresh_rows (self);
}

/* Table cells ----------------------------------------------------------------- */

typedef enum
{
  COLUMN_NAME,
  COLUMN_LEADERSHIP,
  COLUMN_MANAGEMENT,
} Column;

/* The name cell has two lines, the name and the quadrant (marker and
 * name), which leaves the narrow pane room for both scores. */
static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  switch (column)
    {
      case COLUMN_NAME:
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *quadrant = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);
          GtkWidget *marker = g_object_new (GTK_TYPE_LABEL, "accessible-role",
                                            GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
          GtkWidget *quadrant_name = gtk_label_new (NULL);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), 8);
          gtk_widget_add_css_class (marker, "quadrant-marker");
          gtk_widget_add_css_class (marker, "caption");
          gtk_label_set_xalign (GTK_LABEL (quadrant_name), 0);
          gtk_label_set_ellipsize (GTK_LABEL (quadrant_name), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (quadrant_name, "caption");
          gtk_widget_add_css_class (quadrant_name, "dim-label");
          gtk_box_append (GTK_BOX (quadrant), marker);
          gtk_box_append (GTK_BOX (quadrant), quadrant_name);
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), quadrant);
          gtk_list_item_set_child (item, box);
        }
        break;

      case COLUMN_LEADERSHIP:
      case COLUMN_MANAGEMENT:
        gtk_label_set_xalign (GTK_LABEL (label), 1);
        gtk_widget_add_css_class (label, "numeric");
        gtk_list_item_set_child (item, label);
        break;

      default:
        g_assert_not_reached ();
    }
}

/* A label set, even to the text it has, is laid out again, and a tooltip
 * set asks the display where the pointer is (a round trip to the X
 * server): a refresh while a room answers leaves most rows as they were. */
static void
set_label (GtkWidget *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
}

static void
set_tooltip (GtkWidget *widget, const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_cell (GtkListItem *item)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column"));
  ThChartRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (column)
    {
      case COLUMN_NAME:
        {
          GtkWidget *name = gtk_widget_get_first_child (child);
          GtkWidget *quadrant = gtk_widget_get_last_child (child);
          GtkWidget *marker = gtk_widget_get_first_child (quadrant);
          GtkWidget *quadrant_name = gtk_widget_get_last_child (quadrant);
          ThQuadrant q = th_chart_row_get_quadrant (row);

          set_label (name, th_chart_row_get_display_name (row));
          set_tooltip (name, th_chart_row_get_display_name (row));
          g_object_get (row, "quadrant-name", &text, NULL);
          set_label (marker, quadrant_glyphs[q]);
          gtk_widget_set_visible (marker, q != TH_QUADRANT_NONE);
          set_quadrant_class (marker, q);
          set_label (quadrant_name, text);
        }
        break;

      case COLUMN_LEADERSHIP:
        g_object_get (row, "leadership-text", &text, NULL);
        set_label (child, text);
        break;

      case COLUMN_MANAGEMENT:
        g_object_get (row, "management-text", &text, NULL);
        set_label (child, text);
        break;

      default:
        g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  ThChartRow *row = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "column", user_data);
  handler = g_signal_connect_swapped (row, "notify", G_CALLBACK (update_cell), item);
  g_object_set_data (G_OBJECT (item), "notify-handler", GSIZE_TO_POINTER (handler));
  update_cell (item);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  ThChartRow *row = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (item), "notify-handler", NULL);
}

static void
add_column (ThChartPage *self, Column column, const char *title, const char *property,
            gboolean numeric, gboolean expand, int fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkExpression *expression;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (column));

  expression = gtk_property_expression_new (TH_TYPE_CHART_ROW, NULL, property);
  if (numeric)
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->table, view_column);

  g_object_unref (sorter);
  g_object_unref (view_column);
}

/* Selection between the table and the chart -------------------------------- */

static void
table_selection_changed_cb (ThChartPage *self)
{
  ThChartRow *row;

  if (self->syncing_selection)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  self->syncing_selection = TRUE;
  th_chart_widget_set_selected_participant (self->chart,
                                            row ? th_chart_row_get_participant_id (row) : NULL);
  self->syncing_selection = FALSE;
}

static void
chart_selection_cb (ThChartPage *self)
{
  const char *id = th_chart_widget_get_selected_participant (self->chart);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  update_current_tip (self);
  if (self->syncing_selection)
    return;

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (ThChartRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (th_chart_row_get_participant_id (row), id) == 0)
        {
          position = i;
          break;
        }
    }

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static void
participant_activated_cb (ThChartPage *self, const char *participant_id)
{
  gtk_stack_set_visible_child_name (self->side_stack, "participants");
}

static void
threshold_changed_cb (ThChartPage *self)
{
  if (self->syncing_threshold || self->session == NULL)
    return;

  th_session_set_threshold (self->session, gtk_adjustment_get_value (self->threshold_adjustment));
}

/* Next steps ------------------------------------------------------------------- */

static GtkWidget *
new_wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Fill the card's width rather than wrap at the label's own guess. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build_tips (ThChartPage *self)
{
  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *marker = g_object_new (GTK_TYPE_LABEL, "label", quadrant_glyphs[q],
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      GtkWidget *name = gtk_label_new (th_quadrant_get_display_name (q));
      GtkWidget *count = gtk_label_new (NULL);
      GtkWidget *steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "tip-card");
      gtk_widget_add_css_class (marker, "quadrant-marker");
      set_quadrant_class (marker, q);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (header), marker);
      gtk_box_append (GTK_BOX (header), name);
      gtk_box_append (GTK_BOX (header), count);
      gtk_box_append (GTK_BOX (card), header);

      gtk_box_append (GTK_BOX (card),
                      new_wrapped_label (th_chart_tips_get_summary (q), "dim-label"));
      gtk_box_append (GTK_BOX (card),
                      new_wrapped_label (th_chart_tips_get_heading (q), "tip-heading"));

      for (guint i = 0; i < th_chart_tips_get_n_steps (q); i++)
        {
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          GtkWidget *badge
            = g_object_new (GTK_TYPE_LABEL, "label", number, "valign", GTK_ALIGN_START,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

          gtk_widget_add_css_class (badge, "tip-number");
          set_quadrant_class (badge, q);
          gtk_box_append (GTK_BOX (row), badge);
          gtk_box_append (GTK_BOX (row), new_wrapped_label (th_chart_tips_get_step (q, i), NULL));
          gtk_box_append (GTK_BOX (steps), row);
        }
      gtk_box_append (GTK_BOX (card), steps);

      gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      th_quadrant_get_display_name (q), -1);
      gtk_box_append (self->tips_box, card);
      self->tip_cards[q] = card;
      self->tip_counts[q] = GTK_LABEL (count);
    }
}

/* Public API --------------------------------------------------------------------- */

GtkWidget *
th_chart_page_new (void)
{
  return g_object_new (TH_TYPE_CHART_PAGE, NULL);
}

static void
update_actions (ThChartPage *self)
{
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print-handouts", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print-cards", has_session);
  gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_spin), has_session);
  /* A menu button has no action of its own to follow. */
  gtk_widget_set_sensitive (self->print_button, has_session);
}

void
th_chart_page_set_session (ThChartPage *self, ThSession *session)
{
  g_return_if_fail (TH_IS_CHART_PAGE (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  if (!th_set_watched (&self->session, self->session_signals, session))
    return;

  th_chart_widget_set_session (self->chart, session);
  rebuild_rows (self);
  update_actions (self);
}

TH_DEFINE_GETTER (ThSession *, th_chart_page_get_session, ThChartPage, TH_IS_CHART_PAGE, session,
                  NULL)

TH_DEFINE_GETTER (ThChartWidget *, th_chart_page_get_chart, ThChartPage, TH_IS_CHART_PAGE, chart,
                  NULL)

void
th_chart_page_set_anonymous (ThChartPage *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_CHART_PAGE (self));

  if (!th_set_boolean (&self->anonymous, anonymous))
    return;

  th_chart_widget_set_anonymous (self->chart, anonymous);
  refresh_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
}

TH_DEFINE_GETTER (gboolean, th_chart_page_get_anonymous, ThChartPage, TH_IS_CHART_PAGE, anonymous,
                  FALSE)

/* GObject ------------------------------------------------------------------------ */

static void
th_chart_page_dispose (GObject *object)
{
  ThChartPage *self = TH_CHART_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->session_signals);
  _th_chart_page_export_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_CHART_PAGE);

  g_clear_object (&self->session);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_operation);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (th_chart_page_parent_class)->dispose (object);
}

static void
th_chart_page_finalize (GObject *object)
{
  ThChartPage *self = TH_CHART_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (th_chart_page_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_ANONYMOUS] = TH_PROPERTY_FIELD (ThChartPage, anonymous, th_chart_page_set_anonymous),
};

static void
th_chart_page_class_init (ThChartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_chart_page_dispose;
  object_class->finalize = th_chart_page_finalize;

  properties[PROP_ANONYMOUS]
    = g_param_spec_boolean ("anonymous", NULL, NULL, FALSE, TH_PARAM_READWRITE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  g_type_ensure (TH_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-chart-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, flap);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, table);
  gtk_widget_class_bind_template_child (widget_class, ThChartPage, tips_box);
  gtk_widget_class_bind_template_callback (widget_class, participant_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_selection_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);

  _th_chart_page_class_export_init (klass);
  gtk_widget_class_install_property_action (widget_class, "chart.anonymous", "anonymous");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
th_chart_page_init (ThChartPage *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                  self);
  g_signal_group_connect_swapped (self->session_signals, "items-changed",
                                  G_CALLBACK (session_items_changed_cb), self);
  self->rows = g_list_store_new (TH_TYPE_CHART_ROW);

  add_column (self, COLUMN_NAME, _ ("Name"), "display-name", FALSE, TRUE, -1);
  add_column (self, COLUMN_LEADERSHIP, _ ("Leadership"), "leadership", TRUE, FALSE, -1);
  add_column (self, COLUMN_MANAGEMENT, _ ("Management"), "management", TRUE, FALSE, -1);

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (table_selection_changed_cb), self);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));

  build_tips (self);
  th_chart_page_set_anonymous (self, g_settings_get_boolean (self->settings, "anonymous-default"));
  refresh_rows (self);
  update_actions (self);
}
