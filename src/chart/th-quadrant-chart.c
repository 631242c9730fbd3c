/* th-quadrant-chart.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-property.h"
#include "th-quadrant-chart-private.h"
#include "th-set.h"

#define HIT_SLOP 4.0

G_DEFINE_FINAL_TYPE (ThQuadrantChart, th_quadrant_chart, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ThChartStyle, th_chart_style,
                    G_DEFINE_ENUM_VALUE (TH_CHART_STYLE_LIGHT, "light"),
                    G_DEFINE_ENUM_VALUE (TH_CHART_STYLE_DARK, "dark"),
                    G_DEFINE_ENUM_VALUE (TH_CHART_STYLE_HIGH_CONTRAST, "high-contrast"),
                    G_DEFINE_ENUM_VALUE (TH_CHART_STYLE_PRINT, "print"))

enum
{
  PROP_0,
  PROP_THRESHOLD,
  PROP_STYLE,
  PROP_SHOW_HEADER,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Points and per-point state -------------------------------------------- */

static void
point_clear (gpointer data)
{
  ThChartPoint *point = data;

  g_clear_pointer (&point->id, g_free);
  g_clear_pointer (&point->name, g_free);
}

/* New points keep the label cache: it is keyed by text, not by point. */
static void
reset_states (ThQuadrantChart *self)
{
  g_clear_pointer (&self->states, g_free);
  self->n_states = self->points->len;
  self->states = g_new0 (ThChartDotState, self->n_states);
  g_array_set_size (self->layout, 0);
}

static void
emit_changed (ThQuadrantChart *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* After a change of the property @prop_id: notifies it, then ::changed. */
static void
notify_changed (ThQuadrantChart *self, guint prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

/* GObject --------------------------------------------------------------- */

static void
th_quadrant_chart_finalize (GObject *object)
{
  ThQuadrantChart *self = TH_QUADRANT_CHART (object);

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->states, g_free);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->unplaced, g_array_unref);
  g_clear_pointer (&self->layout, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->pango_context);

  G_OBJECT_CLASS (th_quadrant_chart_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_THRESHOLD]
  = TH_PROPERTY_FIELD (ThQuadrantChart, threshold, th_quadrant_chart_set_threshold),
  [PROP_STYLE] = TH_PROPERTY_FIELD (ThQuadrantChart, style, th_quadrant_chart_set_style),
  [PROP_SHOW_HEADER]
  = TH_PROPERTY_FIELD (ThQuadrantChart, show_header, th_quadrant_chart_set_show_header),
};

static void
th_quadrant_chart_class_init (ThQuadrantChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_quadrant_chart_finalize;

  properties[PROP_THRESHOLD] = g_param_spec_double ("threshold", NULL, NULL, 0.0, 100.0,
                                                    TH_DEFAULT_THRESHOLD, TH_PARAM_READWRITE);
  properties[PROP_STYLE] = g_param_spec_enum ("style", NULL, NULL, TH_TYPE_CHART_STYLE,
                                              TH_CHART_STYLE_LIGHT, TH_PARAM_READWRITE);
  properties[PROP_SHOW_HEADER]
    = g_param_spec_boolean ("show-header", NULL, NULL, TRUE, TH_PARAM_READWRITE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThQuadrantChart::changed:
   *
   * Emitted after any change to what the chart draws.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
th_quadrant_chart_init (ThQuadrantChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (ThChartPoint));
  g_array_set_clear_func (self->points, point_clear);
  self->unplaced = g_array_new (FALSE, TRUE, sizeof (ThChartUnplaced));
  g_array_set_clear_func (self->unplaced, th_chart_unplaced_clear);
  self->layout = g_array_new (FALSE, TRUE, sizeof (ThChartDotLayout));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, th_chart_label_free);
  self->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, th_chart_label_free);
  self->threshold = TH_DEFAULT_THRESHOLD;
  self->style = TH_CHART_STYLE_LIGHT;
  self->highlight = -1;
  self->show_header = TRUE;
}

ThQuadrantChart *
th_quadrant_chart_new (void)
{
  return g_object_new (TH_TYPE_QUADRANT_CHART, NULL);
}

/* Data and options ------------------------------------------------------ */

static double
sanitize_score (double score)
{
  return isfinite (score) ? CLAMP (score, 0.0, 100.0) : 0.0;
}

static void set_points (ThQuadrantChart *self, const ThChartPoint *points, guint n_points);

/* Copies @value into @slot unless it is there already.  The old string
 * goes to @garbage, not away: the new points may borrow it (the strings
 * of th_quadrant_chart_get_point(), in another order). */
static void
replace_string (char **slot, const char *value, GPtrArray **garbage)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;

  if (*garbage == NULL)
    *garbage = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*garbage, *slot);
  *slot = g_strdup (value);
}

/* Points without a session: nobody is known to be off the chart. */
void
th_quadrant_chart_set_points (ThQuadrantChart *self, const ThChartPoint *points, guint n_points)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->unplaced, 0);
  set_points (self, points, n_points);
}

static void
set_points (ThQuadrantChart *self, const ThChartPoint *points, guint n_points)
{
  g_autoptr (GPtrArray) garbage = NULL;
  guint n_old;

  /* New data mostly repeats the old (the same people in the same order,
   * one of them moved), so the points are updated in place and strings
   * that are already there are kept: copying ten thousand names after
   * every answer would cost more than scoring the one who answered.
   * @points may be the chart's own: entry i is read before any entry past
   * i changes, nothing is freed before the end, and points are appended
   * only past the old end, where @points cannot lie. */
  self->n_participants = 0;
  n_old = self->points->len;
  for (guint i = 0; i < n_points; i++)
    {
      if (i < n_old)
        {
          ThChartPoint *point = &g_array_index (self->points, ThChartPoint, i);

          replace_string (&point->id, points[i].id, &garbage);
          replace_string (&point->name, points[i].name, &garbage);
          point->leadership = sanitize_score (points[i].leadership);
          point->management = sanitize_score (points[i].management);
          point->number = points[i].number;
        }
      else
        {
          ThChartPoint copy = {
            g_strdup (points[i].id),
            g_strdup (points[i].name),
            sanitize_score (points[i].leadership),
            sanitize_score (points[i].management),
            points[i].number,
          };

          g_array_append_val (self->points, copy);
        }
    }
  if (n_points < n_old)
    g_array_set_size (self->points, n_points);

  if (self->highlight >= (int)n_points)
    self->highlight = -1;

  reset_states (self);
  emit_changed (self);
}

/* Like the points, those off the chart are updated in place: the live
 * chart gets a session after every answer, and most of a large session
 * that has not rated yet stays off it, under the same names. */
static void
set_unplaced (ThQuadrantChart *self, GArray *unplaced)
{
  guint n_old = self->unplaced->len;

  for (guint i = 0; i < unplaced->len; i++)
    {
      const ThChartUnplaced *off = &g_array_index (unplaced, ThChartUnplaced, i);

      if (i < n_old)
        {
          ThChartUnplaced *slot = &g_array_index (self->unplaced, ThChartUnplaced, i);

          if (g_strcmp0 (slot->name, off->name) != 0)
            {
              g_free (slot->name);
              slot->name = g_strdup (off->name);
            }
          slot->number = off->number;
          slot->reason = off->reason;
        }
      else
        {
          ThChartUnplaced copy = { g_strdup (off->name), off->number, off->reason };

          g_array_append_val (self->unplaced, copy);
        }
    }
  if (unplaced->len < n_old)
    g_array_set_size (self->unplaced, unplaced->len);
}

void
th_quadrant_chart_set_session (ThQuadrantChart *self, ThSession *session)
{
  g_autoptr (GArray) points = NULL;
  g_autoptr (GArray) unplaced = NULL;
  guint n;

  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (TH_IS_SESSION (session));

  n = th_session_get_n_participants (session);
  points = g_array_sized_new (FALSE, FALSE, sizeof (ThChartPoint), n);
  unplaced = g_array_new (FALSE, FALSE, sizeof (ThChartUnplaced));

  for (guint i = 0; i < n; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      ThScores scores;
      ThChartPoint point = { 0 };

      th_session_compute_scores (session, participant, &scores);
      if (!scores.has_leadership || !scores.has_management)
        {
          ThChartUnplaced off
            = { (char *)th_participant_get_name (participant),
                th_participant_get_number (participant), TH_CHART_UNPLACED_NO_RATINGS };

          if (scores.has_leadership)
            off.reason = TH_CHART_UNPLACED_NO_MANAGEMENT;
          else if (scores.has_management)
            off.reason = TH_CHART_UNPLACED_NO_LEADERSHIP;
          /* Borrowed: set_unplaced() copies what it lacks. */
          g_array_append_val (unplaced, off);
          continue;
        }

      /* Borrowed: set_points copies them. */
      point.id = (char *)th_participant_get_id (participant);
      point.name = (char *)th_participant_get_name (participant);
      point.leadership = scores.leadership;
      point.management = scores.management;
      point.number = th_participant_get_number (participant);
      g_array_append_val (points, point);
    }

  g_object_freeze_notify (G_OBJECT (self));
  th_quadrant_chart_set_title (self, th_session_get_title (session));
  th_quadrant_chart_set_threshold (self, th_session_get_threshold (session));
  th_quadrant_chart_set_date (self, th_session_get_created (session));
  set_points (self, (const ThChartPoint *)(void *)points->data, points->len);
  /* After the points, which forget any count of a session before. */
  self->n_participants = n;
  set_unplaced (self, unplaced);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
th_quadrant_chart_get_n_points (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), 0);

  return self->points->len;
}

guint
th_quadrant_chart_get_point_number (ThQuadrantChart *self, guint index)
{
  const ThChartPoint *point;

  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), 0);
  g_return_val_if_fail (index < self->points->len, 0);

  point = &g_array_index (self->points, ThChartPoint, index);
  return point->number > 0 ? point->number : index + 1;
}

const ThChartPoint *
th_quadrant_chart_get_point (ThQuadrantChart *self, guint index)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  return &g_array_index (self->points, ThChartPoint, index);
}

void
th_quadrant_chart_set_title (ThQuadrantChart *self, const char *title)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (th_set_str (&self->title, title))
    emit_changed (self);
}

TH_DEFINE_GETTER (const char *, th_quadrant_chart_get_title, ThQuadrantChart, TH_IS_QUADRANT_CHART,
                  title, NULL)

void
th_quadrant_chart_set_date (ThQuadrantChart *self, GDateTime *date)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (th_set_date_time (&self->date, date))
    emit_changed (self);
}

void
th_quadrant_chart_set_threshold (ThQuadrantChart *self, double threshold)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (threshold >= 0.0 && threshold <= 100.0);

  if (th_set_double (&self->threshold, threshold))
    notify_changed (self, PROP_THRESHOLD);
}

TH_DEFINE_GETTER (double, th_quadrant_chart_get_threshold, ThQuadrantChart, TH_IS_QUADRANT_CHART,
                  threshold, TH_DEFAULT_THRESHOLD)

void
th_quadrant_chart_set_anonymous (ThQuadrantChart *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (th_set_boolean (&self->anonymous, anonymous))
    emit_changed (self);
}

TH_DEFINE_GETTER (gboolean, th_quadrant_chart_get_anonymous, ThQuadrantChart, TH_IS_QUADRANT_CHART,
                  anonymous, FALSE)

void
th_quadrant_chart_set_style (ThQuadrantChart *self, ThChartStyle style)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (style <= TH_CHART_STYLE_PRINT);

  if (self->style == style)
    return;

  self->style = style;
  notify_changed (self, PROP_STYLE);
}

TH_DEFINE_GETTER (ThChartStyle, th_quadrant_chart_get_style, ThQuadrantChart, TH_IS_QUADRANT_CHART,
                  style, TH_CHART_STYLE_LIGHT)

void
th_quadrant_chart_set_highlight (ThQuadrantChart *self, int index)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (index < 0 || index >= (int)self->points->len)
    index = -1;
  if (th_set_int (&self->highlight, index))
    emit_changed (self);
}

TH_DEFINE_GETTER (int, th_quadrant_chart_get_highlight, ThQuadrantChart, TH_IS_QUADRANT_CHART,
                  highlight, -1)

void
th_quadrant_chart_set_show_header (ThQuadrantChart *self, gboolean show_header)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (th_set_boolean (&self->show_header, show_header))
    notify_changed (self, PROP_SHOW_HEADER);
}

TH_DEFINE_GETTER (gboolean, th_quadrant_chart_get_show_header, ThQuadrantChart,
                  TH_IS_QUADRANT_CHART, show_header, TRUE)

void
th_quadrant_chart_set_show_unplaced (ThQuadrantChart *self, gboolean show_unplaced)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (th_set_boolean (&self->show_unplaced, show_unplaced))
    emit_changed (self);
}

TH_DEFINE_GETTER (gboolean, th_quadrant_chart_get_show_unplaced, ThQuadrantChart,
                  TH_IS_QUADRANT_CHART, show_unplaced, FALSE)

gboolean
th_quadrant_chart_get_mean (ThQuadrantChart *self, double *leadership, double *management)
{
  double sum_l = 0.0;
  double sum_m = 0.0;

  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), FALSE);

  if (self->points->len == 0)
    return FALSE;

  for (guint i = 0; i < self->points->len; i++)
    {
      const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, i);

      sum_l += point->leadership;
      sum_m += point->management;
    }

  if (leadership != NULL)
    *leadership = sum_l / self->points->len;
  if (management != NULL)
    *management = sum_m / self->points->len;

  return TRUE;
}

guint
th_quadrant_chart_get_quadrant_count (ThQuadrantChart *self, ThQuadrant quadrant)
{
  guint count = 0;

  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), 0);

  for (guint i = 0; i < self->points->len; i++)
    {
      const ThChartPoint *point = &g_array_index (self->points, ThChartPoint, i);

      if (th_quadrant_for_scores (point->leadership, point->management, self->threshold)
          == quadrant)
        count++;
    }

  return count;
}

/* Drawing --------------------------------------------------------------- */

void
th_quadrant_chart_draw (ThQuadrantChart *self, cairo_t *cr, double width, double height)
{
  const ThChartPalette *palette;
  ThChartMetrics m;
  ThChartDecorations d;
  ThChartPage page;
  ThChartDrawMode mode;
  ThChartQuadrantName names[TH_CHART_N_QUADRANTS];
  ThChartRect reserved[TH_CHART_N_QUADRANTS];
  guint n_names;
  double mean_l = 0, mean_m = 0, mean_x = 0, mean_y = 0, mean_r;
  gboolean has_mean;
  guint heat_max = 0;
  ThChartText footnote = { NULL };
  double footnote_height;

  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  palette = th_chart_palette_get (self->style);
  mode = th_chart_draw_mode_for (self->points->len);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  th_chart_metrics_compute (&m, cr, width, height, self->points->len);
  th_quadrant_chart_update_label_cache (self, cr, &m);
  self->draw_serial++;
  th_quadrant_chart_compute_decorations (self, &m, &d);
  footnote_height = th_quadrant_chart_layout_footnote (self, &m, width, height, &footnote);
  th_quadrant_chart_compute_page (self, &m, &d, width, height - footnote_height,
                                  th_quadrant_chart_header_height (self, &m), &page);
  th_quadrant_chart_compute_dot_layout (self, &m, mode);

  if (palette->fill_background)
    {
      th_chart_set_source (cr, &palette->background);
      cairo_paint (cr);
    }

  if (self->show_header)
    th_quadrant_chart_draw_header (self, cr, &m, palette, &page, width);
  th_quadrant_chart_draw_plot_background (self, cr, &m, palette);
  th_quadrant_chart_draw_axes (self, cr, &m, palette, &d);

  n_names = th_quadrant_chart_layout_quadrant_names (self, &m, names, reserved);

  /* The mean of one person is that person. */
  has_mean = self->points->len >= 2 && th_quadrant_chart_get_mean (self, &mean_l, &mean_m);
  mean_x = th_quadrant_chart_score_to_x (self, mean_m);
  mean_y = th_quadrant_chart_score_to_y (self, mean_l);
  /* At least a few pixels: on a thumbnail a smaller ring closes up under
   * its halo into a blob. */
  mean_r = MAX (MAX (m.dot_radius * 1.3, m.unit * 0.01), 5 * m.px);

  /* Among a few dots the mean goes under them: a person whose scores are
   * the group's mean stays in sight.  Over a crowd or a density map it
   * goes on top, where it can still be found. */
  if (has_mean && mode == TH_CHART_MODE_DOTS)
    th_chart_draw_mean_marker (cr, palette, mean_x, mean_y, mean_r, MAX (m.px * 1.5, m.line * 2.2));
  if (mode == TH_CHART_MODE_HEAT)
    heat_max = th_quadrant_chart_draw_heat (self, cr, &m, palette);
  else
    th_quadrant_chart_draw_dots (self, cr, &m, palette, mode);

  th_quadrant_chart_draw_quadrant_names (self, cr, palette, names, reserved, n_names,
                                         mode == TH_CHART_MODE_DOTS ? 0.6 : 0.8);
  th_quadrant_chart_place_labels (self, &m, mode, reserved, n_names, has_mean, mean_x, mean_y,
                                  mean_r * 1.7);
  th_quadrant_chart_draw_labels (self, cr, &m, palette);
  if (has_mean && mode != TH_CHART_MODE_DOTS)
    th_chart_draw_mean_marker (cr, palette, mean_x, mean_y, mean_r, MAX (m.px * 1.5, m.line * 2.2));
  th_quadrant_chart_draw_highlight (self, cr, &m, palette);
  th_quadrant_chart_draw_axis_labels (self, cr, &m, palette, &d);

  if (self->points->len == 0)
    th_quadrant_chart_draw_empty_message (self, cr, &m, palette);

  th_quadrant_chart_draw_legend (self, cr, &m, palette, &page, mode, heat_max);
  th_quadrant_chart_draw_footnote (self, cr, &m, palette, &footnote, width, height);
  th_chart_text_clear (&footnote);

  th_quadrant_chart_trim_label_caches (self);

  cairo_restore (cr);
}

/* Results of the last draw ---------------------------------------------- */

const ThChartDotLayout *
th_quadrant_chart_get_layout (ThQuadrantChart *self, guint *n_dots)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), NULL);

  if (n_dots != NULL)
    *n_dots = self->layout->len;

  return (const ThChartDotLayout *)(void *)self->layout->data;
}

void
th_quadrant_chart_get_plot_area (ThQuadrantChart *self, double *x, double *y, double *width,
                                 double *height)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (x != NULL)
    *x = self->plot_x;
  if (y != NULL)
    *y = self->plot_y;
  if (width != NULL)
    *width = self->plot_width;
  if (height != NULL)
    *height = self->plot_height;
}

int
th_quadrant_chart_hit_test (ThQuadrantChart *self, double x, double y)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), -1);

  for (guint i = 0; i < self->layout->len; i++)
    {
      const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);
      double distance = hypot (dot->x - x, dot->y - y);

      if (distance <= th_chart_dot_extent (dot->radius) + HIT_SLOP && distance < best)
        {
          best = distance;
          found = (int)i;
        }
    }

  return found;
}
