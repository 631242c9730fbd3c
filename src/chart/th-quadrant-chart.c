/* th-quadrant-chart.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-quadrant-chart-private.h"

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
  PROP_TITLE,
  PROP_DATE,
  PROP_THRESHOLD,
  PROP_ANONYMOUS,
  PROP_STYLE,
  PROP_HIGHLIGHT,
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

/* GObject --------------------------------------------------------------- */

static void
th_quadrant_chart_finalize (GObject *object)
{
  ThQuadrantChart *self = TH_QUADRANT_CHART (object);

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->states, g_free);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->layout, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->pango_context);

  G_OBJECT_CLASS (th_quadrant_chart_parent_class)->finalize (object);
}

static void
th_quadrant_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThQuadrantChart *self = TH_QUADRANT_CHART (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        g_value_set_string (value, self->title);
        break;
      case PROP_DATE:
        g_value_set_boxed (value, self->date);
        break;
      case PROP_THRESHOLD:
        g_value_set_double (value, self->threshold);
        break;
      case PROP_ANONYMOUS:
        g_value_set_boolean (value, self->anonymous);
        break;
      case PROP_STYLE:
        g_value_set_enum (value, self->style);
        break;
      case PROP_HIGHLIGHT:
        g_value_set_int (value, self->highlight);
        break;
      case PROP_SHOW_HEADER:
        g_value_set_boolean (value, self->show_header);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_quadrant_chart_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  ThQuadrantChart *self = TH_QUADRANT_CHART (object);

  switch (prop_id)
    {
      case PROP_TITLE:
        th_quadrant_chart_set_title (self, g_value_get_string (value));
        break;
      case PROP_DATE:
        th_quadrant_chart_set_date (self, g_value_get_boxed (value));
        break;
      case PROP_THRESHOLD:
        th_quadrant_chart_set_threshold (self, g_value_get_double (value));
        break;
      case PROP_ANONYMOUS:
        th_quadrant_chart_set_anonymous (self, g_value_get_boolean (value));
        break;
      case PROP_STYLE:
        th_quadrant_chart_set_style (self, g_value_get_enum (value));
        break;
      case PROP_HIGHLIGHT:
        th_quadrant_chart_set_highlight (self, g_value_get_int (value));
        break;
      case PROP_SHOW_HEADER:
        th_quadrant_chart_set_show_header (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_quadrant_chart_class_init (ThQuadrantChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_quadrant_chart_finalize;
  object_class->get_property = th_quadrant_chart_get_property;
  object_class->set_property = th_quadrant_chart_set_property;

  properties[PROP_TITLE]
    = g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE]
    = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD]
    = g_param_spec_double ("threshold", NULL, NULL, 0.0, 100.0, TH_DEFAULT_THRESHOLD,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANONYMOUS]
    = g_param_spec_boolean ("anonymous", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE]
    = g_param_spec_enum ("style", NULL, NULL, TH_TYPE_CHART_STYLE, TH_CHART_STYLE_LIGHT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT]
    = g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HEADER]
    = g_param_spec_boolean ("show-header", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

void
th_quadrant_chart_set_points (ThQuadrantChart *self, const ThChartPoint *points, guint n_points)
{
  g_autoptr (GPtrArray) garbage = NULL;
  guint n_old;

  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  /* New data mostly repeats the old (the same people in the same order,
   * one of them moved), so the points are updated in place and strings
   * that are already there are kept: copying ten thousand names after
   * every answer would cost more than scoring the one who answered.
   * @points may be the chart's own: entry i is read before any entry past
   * i changes, nothing is freed before the end, and points are appended
   * only past the old end, where @points cannot lie. */
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
        }
      else
        {
          ThChartPoint copy = {
            g_strdup (points[i].id),
            g_strdup (points[i].name),
            sanitize_score (points[i].leadership),
            sanitize_score (points[i].management),
          };

          g_array_append_val (self->points, copy);
        }
    }
  if (n_points < n_old)
    g_array_set_size (self->points, n_points);

  if (self->highlight >= (int)n_points)
    {
      self->highlight = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
    }

  reset_states (self);
  emit_changed (self);
}

void
th_quadrant_chart_set_session (ThQuadrantChart *self, ThSession *session)
{
  g_autoptr (GArray) points = NULL;
  guint n;

  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (TH_IS_SESSION (session));

  n = th_session_get_n_participants (session);
  points = g_array_sized_new (FALSE, FALSE, sizeof (ThChartPoint), n);

  for (guint i = 0; i < n; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      ThScores scores;
      ThChartPoint point;

      th_session_compute_scores (session, participant, &scores);
      if (!scores.has_leadership || !scores.has_management)
        continue;

      /* Borrowed: set_points copies them. */
      point.id = (char *)th_participant_get_id (participant);
      point.name = (char *)th_participant_get_name (participant);
      point.leadership = scores.leadership;
      point.management = scores.management;
      g_array_append_val (points, point);
    }

  g_object_freeze_notify (G_OBJECT (self));
  th_quadrant_chart_set_title (self, th_session_get_title (session));
  th_quadrant_chart_set_threshold (self, th_session_get_threshold (session));
  th_quadrant_chart_set_date (self, th_session_get_created (session));
  th_quadrant_chart_set_points (self, (const ThChartPoint *)(void *)points->data, points->len);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
th_quadrant_chart_get_n_points (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), 0);

  return self->points->len;
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

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  emit_changed (self);
}

const char *
th_quadrant_chart_get_title (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), NULL);

  return self->title;
}

void
th_quadrant_chart_set_date (ThQuadrantChart *self, GDateTime *date)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (self->date == date
      || (self->date != NULL && date != NULL && g_date_time_equal (self->date, date)))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  emit_changed (self);
}

void
th_quadrant_chart_set_threshold (ThQuadrantChart *self, double threshold)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (threshold >= 0.0 && threshold <= 100.0);

  if (self->threshold == threshold)
    return;

  self->threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
  emit_changed (self);
}

double
th_quadrant_chart_get_threshold (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), TH_DEFAULT_THRESHOLD);

  return self->threshold;
}

void
th_quadrant_chart_set_anonymous (ThQuadrantChart *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  anonymous = !!anonymous;
  if (self->anonymous == anonymous)
    return;

  self->anonymous = anonymous;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
  emit_changed (self);
}

gboolean
th_quadrant_chart_get_anonymous (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), FALSE);

  return self->anonymous;
}

void
th_quadrant_chart_set_style (ThQuadrantChart *self, ThChartStyle style)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));
  g_return_if_fail (style <= TH_CHART_STYLE_PRINT);

  if (self->style == style)
    return;

  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
  emit_changed (self);
}

ThChartStyle
th_quadrant_chart_get_style (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), TH_CHART_STYLE_LIGHT);

  return self->style;
}

void
th_quadrant_chart_set_highlight (ThQuadrantChart *self, int index)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  if (index < 0 || index >= (int)self->points->len)
    index = -1;
  if (self->highlight == index)
    return;

  self->highlight = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
  emit_changed (self);
}

int
th_quadrant_chart_get_highlight (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), -1);

  return self->highlight;
}

void
th_quadrant_chart_set_show_header (ThQuadrantChart *self, gboolean show_header)
{
  g_return_if_fail (TH_IS_QUADRANT_CHART (self));

  show_header = !!show_header;
  if (self->show_header == show_header)
    return;

  self->show_header = show_header;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HEADER]);
  emit_changed (self);
}

gboolean
th_quadrant_chart_get_show_header (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), TRUE);

  return self->show_header;
}

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
  th_quadrant_chart_compute_page (self, &m, &d, width, height,
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

  n_names = th_quadrant_chart_layout_quadrant_names (self, &m, names);
  for (guint i = 0; i < n_names; i++)
    {
      double pad = MIN (names[i].text.height * 0.15, m.quadrant * 0.2);

      reserved[i] = (ThChartRect){ names[i].x - pad * 2, names[i].y - pad,
                                   names[i].text.width + pad * 4, names[i].text.height + pad * 2 };
    }

  /* The mean of one person is that person. */
  has_mean = self->points->len >= 2 && th_quadrant_chart_get_mean (self, &mean_l, &mean_m);
  mean_x = th_quadrant_chart_score_to_x (self, mean_m);
  mean_y = th_quadrant_chart_score_to_y (self, mean_l);
  /* At least a few pixels: on a thumbnail a smaller ring closes up under
   * its halo into a blob. */
  mean_r = MAX (MAX (m.dot_radius * 1.3, m.unit * 0.01), 5 * m.px);

  if (mode == TH_CHART_MODE_HEAT)
    heat_max = th_quadrant_chart_draw_heat (self, cr, &m, palette);
  else
    th_quadrant_chart_draw_dots (self, cr, &m, palette, mode);

  th_quadrant_chart_draw_quadrant_names (self, cr, palette, names, reserved, n_names,
                                         mode == TH_CHART_MODE_DOTS ? 0.6 : 0.8);
  th_quadrant_chart_place_labels (self, &m, mode, reserved, n_names, has_mean, mean_x, mean_y,
                                  mean_r * 1.7);
  th_quadrant_chart_draw_labels (self, cr, &m, palette);
  if (has_mean)
    th_chart_draw_mean_marker (cr, palette, mean_x, mean_y, mean_r, MAX (m.px * 1.5, m.line * 2.2));
  th_quadrant_chart_draw_highlight (self, cr, &m, palette);
  th_quadrant_chart_draw_axis_labels (self, cr, &m, palette, &d);

  if (self->points->len == 0)
    th_quadrant_chart_draw_empty_message (self, cr, &m, palette);

  th_quadrant_chart_draw_legend (self, cr, &m, palette, &page, mode, heat_max);

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

/* Layout ----------------------------------------------------------------- */

/* Where everything goes on the page: the sizes of one draw, the room the
 * axes need, the plot square and the legend beside or below it, and the
 * header above them. */

/* The rectangle of @quadrant in the last draw's plot. */
ThChartRect
th_quadrant_chart_quadrant_rect (ThQuadrantChart *self, ThQuadrant quadrant)
{
  double tx = th_quadrant_chart_score_to_x (self, self->threshold);
  double ty = th_quadrant_chart_score_to_y (self, self->threshold);
  double left = self->plot_x;
  double top = self->plot_y;
  double right = self->plot_x + self->plot_width;
  double bottom = self->plot_y + self->plot_height;

  switch (quadrant)
    {
      case TH_QUADRANT_BALANCED:
        return (ThChartRect){ tx, top, right - tx, ty - top };
      case TH_QUADRANT_LEADERSHIP_DRIVEN:
        return (ThChartRect){ left, top, tx - left, ty - top };
      case TH_QUADRANT_MANAGEMENT_DRIVEN:
        return (ThChartRect){ tx, ty, right - tx, bottom - ty };
      case TH_QUADRANT_DEVELOPING:
        return (ThChartRect){ left, ty, tx - left, bottom - ty };
      case TH_QUADRANT_NONE:
      default:
        return (ThChartRect){ 0, 0, 0, 0 };
    }
}

void
th_chart_metrics_compute (ThChartMetrics *m, cairo_t *cr, double width, double height,
                          guint n_points)
{
  double dx = 1.0;
  double dy = 0.0;
  double u = MIN (width, height);
  double f;

  cairo_device_to_user_distance (cr, &dx, &dy);
  m->px = MAX (hypot (dx, dy), 1e-3);

  /* The floors keep a thumbnail legible; below about 240 units nothing
   * is legible any more and they give way, so that at least it all fits. */
  f = MIN (1.0, u / 240.0);

  m->unit = u;
  m->margin = MAX (10.0 * f, u * 0.045);
  m->gap = MAX (4.0 * f, u * 0.014);
  m->title = MAX (13.0 * f, u * 0.038);
  m->subtitle = MAX (9.0 * f, u * 0.02);
  m->axis = MAX (9.0 * f, u * 0.019);
  m->tick = MAX (8.0 * f, u * 0.016);
  m->quadrant = MAX (9.0 * f, u * 0.022);
  m->label = MAX (8.0 * f, u * 0.0135);
  m->legend = MAX (8.0 * f, u * 0.0165);
  m->line = MAX (m->px, u * 0.0009);

  if (n_points <= 40)
    m->dot_radius = MAX (3.5 * f, u * 0.0095);
  else if (n_points <= 120)
    m->dot_radius = MAX (3.0 * f, u * 0.0075);
  else if (n_points <= TH_CHART_DOTS_MAX)
    m->dot_radius = MAX (2.5 * f, u * 0.006);
  else
    m->dot_radius = MAX (1.5 * f, u * 0.0032);
}

void
th_quadrant_chart_compute_decorations (ThQuadrantChart *self, const ThChartMetrics *m,
                                       ThChartDecorations *d)
{
  double tick_width
    = th_chart_measure_string (self, "100", m->tick, PANGO_WEIGHT_BOLD, &d->tick_text_height);

  th_chart_measure_string (self, _ ("Leadership ↑"), m->axis, PANGO_WEIGHT_BOLD,
                           &d->axis_text_height);
  d->tick_length = MAX (3 * m->px, m->tick * 0.4);
  d->left = tick_width + d->tick_length + m->gap * 0.6;
  d->right = tick_width / 2;
  d->top = d->axis_text_height + m->gap * 0.8;
  d->bottom
    = d->tick_length + m->gap * 0.4 + d->tick_text_height + m->gap * 0.4 + d->axis_text_height;
}

void
th_quadrant_chart_compute_page (ThQuadrantChart *self, const ThChartMetrics *m,
                                const ThChartDecorations *d, double width, double height,
                                double header_height, ThChartPage *page)
{
  double body_x = m->margin;
  double body_y = m->margin + header_height;
  double body_w = width - 2 * m->margin;
  double body_h = height - body_y - m->margin;
  double legend_gap = m->gap * 2.5;
  double key_width = th_quadrant_chart_legend_key_width (self, m);
  double legend_min_w = MAX (key_width, m->unit * 0.24);
  int key_columns = CLAMP ((int)((body_w + m->legend * 1.5) / (key_width + m->legend * 1.5)), 1, 6);
  int key_rows = (th_quadrant_chart_legend_key_rows (self) + key_columns - 1) / key_columns;
  double legend_min_h = key_rows * m->legend * 1.75 + m->legend * 1.5;
  double avail_h = body_h - d->top - d->bottom;
  double avail_w = body_w - d->left - d->right;
  double side_beside = MIN (avail_h, avail_w - legend_gap - legend_min_w);
  double side_below = MIN (avail_w, avail_h - legend_gap - legend_min_h);
  double side;

  page->legend_beside = side_beside >= side_below * 0.97;
  side = MAX (page->legend_beside ? side_beside : side_below, m->unit * 0.2);
  side = th_chart_snap (side, m->px);

  if (page->legend_beside)
    {
      /* Room for two columns of numbered names when there may be many. */
      double wanted_w
        = self->points->len > 12 && !self->anonymous ? m->unit * 0.42 : m->legend * 19;
      double legend_w = MIN (avail_w - side - legend_gap, MAX (legend_min_w, wanted_w));
      double block_w = d->left + side + d->right + legend_gap + legend_w;
      double x0 = body_x + MAX (0, (body_w - block_w) / 2);
      double y0 = body_y + MAX (0, (avail_h - side) / 2);

      self->plot_x = th_chart_snap (x0 + d->left, m->px);
      self->plot_y = th_chart_snap (y0 + d->top, m->px);
      page->content_x = x0;
      page->content_width = block_w;
      page->legend = (ThChartRect){ self->plot_x + side + d->right + legend_gap, self->plot_y,
                                    legend_w, side + d->bottom };
    }
  else
    {
      double x0 = body_x + MAX (0, (avail_w - side) / 2);

      self->plot_x = th_chart_snap (x0 + d->left, m->px);
      self->plot_y = th_chart_snap (body_y + d->top, m->px);
      page->content_x = body_x;
      page->content_width = body_w;
      page->legend
        = (ThChartRect){ body_x, self->plot_y + side + d->bottom + legend_gap, body_w,
                         body_y + body_h - (self->plot_y + side + d->bottom + legend_gap) };
    }

  /* On a page too small for the decorations the plot still stays on it. */
  side = MIN (side, MIN (width - self->plot_x, height - self->plot_y));
  self->plot_width = MAX (side, m->px);
  self->plot_height = self->plot_width;
}

/* The threshold as people read it: a whole number as such, anything else
 * to one decimal in the reader's own notation (62.5, or 62,5 in German);
 * the score scale has no finer steps worth a label. */
char *
th_chart_format_threshold (double threshold)
{
  double rounded = round (threshold * 10.0) / 10.0;

  if (fabs (rounded - round (rounded)) < 1e-9)
    return g_strdup_printf ("%.0f", rounded);

  return g_strdup_printf ("%.1f", rounded);
}

static char *
format_subtitle (ThQuadrantChart *self)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *people = NULL;
  guint n = self->points->len;

  if (self->date == NULL)
    now = g_date_time_new_now_local ();
  local = g_date_time_to_local (self->date != NULL ? self->date : now);
  /* Translators: the date under the chart's title; see g_date_time_format(). */
  date = g_date_time_format (local, C_ ("chart date", "%-d %B %Y"));
  if (n == 0)
    people = g_strdup (_ ("no one placed yet"));
  else
    people = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%'u participant", "%'u participants", n), n);

  if (fabs (self->threshold - TH_DEFAULT_THRESHOLD) > 1e-9)
    {
      g_autofree char *threshold = th_chart_format_threshold (self->threshold);

      /* Translators: date · number of participants · the split between the quadrants */
      return g_strdup_printf (_ ("%s · %s · threshold %s"), date ? date : "", people, threshold);
    }

  /* Translators: date · number of participants */
  return g_strdup_printf (_ ("%s · %s"), date ? date : "", people);
}

double
th_quadrant_chart_header_height (ThQuadrantChart *self, const ThChartMetrics *m)
{
  if (!self->show_header)
    return 0;

  return m->title * 1.25 + m->subtitle * 1.3 + m->gap * 1.6;
}

void
th_quadrant_chart_draw_header (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                               const ThChartPalette *palette, const ThChartPage *page, double width)
{
  g_autofree char *subtitle = format_subtitle (self);
  const char *title
    = self->title != NULL && *self->title != '\0' ? self->title : _ ("Quadrant chart");
  double max_width = MAX (width - m->margin - page->content_x, m->unit * 0.3);
  ThChartText text = { NULL };

  th_chart_text_init (self, &text, title, m->title, PANGO_WEIGHT_BOLD, max_width);
  th_chart_text_draw (cr, &text, page->content_x, m->margin, &palette->ink);
  th_chart_draw_string (self, cr, subtitle, m->subtitle, PANGO_WEIGHT_NORMAL, max_width,
                        page->content_x, m->margin + text.height + m->gap * 0.25, 0.0,
                        &palette->ink_secondary);
  th_chart_text_clear (&text);
}
