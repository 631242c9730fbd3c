/* th-quadrant-chart-labels.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-property.h"
#include "th-quadrant-chart-private.h"

/* Names and numbers beside the dots: the cache that keeps their layouts
 * from one draw to the next, their greedy placement around the dots with
 * leader lines for those pulled away, and their drawing. */

#define LABEL_MAX_CHARS 24
/* Label sizes are kept for this many different texts.  A draw asks for
 * at most TH_CHART_SCATTER_MAX names, so the labels of the current data
 * always fit; beyond the bound, texts that the last draw did not ask for
 * go. */
#define LABEL_CACHE_MAX 4096

void
th_chart_label_free (gpointer data)
{
  ThChartLabel *label = data;

  th_chart_text_clear (&label->text);
  g_free (label->string);
  g_free (label);
}

/* Every cached size depends on the context and the label size: when
 * either changes, the cache starts again. */
static void
clear_label_cache (ThQuadrantChart *self)
{
  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->numbers);
  for (guint i = 0; i < self->n_states; i++)
    self->states[i].label = NULL;
}

/* Names are cut at about LABEL_MAX_CHARS average characters; ellipsizing
 * by width rather than by counting characters treats wide scripts fairly. */
static double
label_max_width (ThQuadrantChart *self, double size)
{
  PangoContext *context = th_quadrant_chart_get_pango_context (self);
  g_autoptr (PangoFontDescription) desc = pango_font_description_copy_static (self->font);
  PangoFontMetrics *metrics;
  double width;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  metrics = pango_context_get_metrics (context, desc, NULL);
  width = (double)pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  return width * LABEL_MAX_CHARS;
}

/* The label for @string, from the cache or measured now.  Only its size
 * is sure to be there: label_ensure_layout() before drawing it. */
static ThChartLabel *
lookup_label (ThQuadrantChart *self, GHashTable *cache, const char *string, PangoWeight weight,
              double max_width)
{
  ThChartLabel *label = g_hash_table_lookup (cache, string);

  if (label == NULL)
    {
      label = g_new0 (ThChartLabel, 1);
      label->string = g_strdup (string);
      label->weight = weight;
      th_chart_text_init (self, &label->text, string, self->cache_key.label_size, weight,
                          max_width);
      self->n_labels_shaped++;
      g_hash_table_insert (cache, label->string, label);
    }
  label->used_serial = self->draw_serial;

  return label;
}

static void
label_ensure_layout (ThQuadrantChart *self, ThChartLabel *label)
{
  if (label->text.layout != NULL)
    return;

  /* The same text, size and context give the same size as before. */
  th_chart_text_init (self, &label->text, label->string, self->cache_key.label_size, label->weight,
                      label->weight == PANGO_WEIGHT_BOLD ? -1 : self->label_max_width);
  self->n_labels_shaped++;
}

static ThChartLabel *
dot_label (ThQuadrantChart *self, guint index, gboolean number)
{
  const ThChartPoint *point;
  const char *name;

  if (number)
    {
      char digits[16];

      g_snprintf (digits, sizeof digits, "%u", th_quadrant_chart_get_point_number (self, index));
      return lookup_label (self, self->numbers, digits, PANGO_WEIGHT_BOLD, -1);
    }

  point = &g_array_index (self->points, ThChartPoint, index);
  name = point->name != NULL && *point->name != '\0' ? point->name : point->id;

  return lookup_label (self, self->names, name != NULL ? name : "", PANGO_WEIGHT_NORMAL,
                       self->label_max_width);
}

/* After a draw: labels that were not drawn give their layouts back and
 * keep only their sizes; past the bound, those this draw did not even ask
 * for go altogether. */
static void
trim_label_cache (ThQuadrantChart *self, GHashTable *cache)
{
  gboolean over = g_hash_table_size (cache) > LABEL_CACHE_MAX;
  GHashTableIter iter;
  ThChartLabel *label;

  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&label))
    {
      if (over && label->used_serial != self->draw_serial)
        g_hash_table_iter_remove (&iter);
      else if (label->drawn_serial != self->draw_serial)
        th_chart_text_clear (&label->text);
    }
}

typedef struct
{
  double pad_x;
  double pad_y;
  double gap;   /* between a dot and a label beside it */
  double reach; /* how far a displaced label may move, per ring */
  double dot_pad;
  int highlight;          /* the highlighted dot, whose ring labels keep clear of */
  double highlight_extra; /* how far the ring reaches past that dot */
  double split_x;         /* the threshold lines */
  double split_y;
} LabelGeometry;

/* A label stays in its dot's quadrant: one across a threshold line reads
 * as belonging to the other side, which on a pinned-up chart nobody can
 * ask about.  A candidate that pokes over a line is moved back by up to
 * half its size, which keeps it touching its dot (a dot on a line gets
 * its name beside it on the high side, docs/scores.md "Quadrants"); further than that it
 * is refused. */
static gboolean
fit_box_to_quadrant (const LabelGeometry *g, const ThChartDotLayout *dot, ThChartRect *box)
{
  gboolean high_leadership
    = dot->quadrant == TH_QUADRANT_BALANCED || dot->quadrant == TH_QUADRANT_LEADERSHIP_DRIVEN;
  gboolean high_management
    = dot->quadrant == TH_QUADRANT_BALANCED || dot->quadrant == TH_QUADRANT_MANAGEMENT_DRIVEN;
  double dx = 0, dy = 0;

  if (high_management && box->x < g->split_x)
    dx = g->split_x - box->x;
  else if (!high_management && box->x + box->width > g->split_x)
    dx = g->split_x - (box->x + box->width);

  if (high_leadership && box->y + box->height > g->split_y)
    dy = g->split_y - (box->y + box->height);
  else if (!high_leadership && box->y < g->split_y)
    dy = g->split_y - box->y;

  if (fabs (dx) > box->width / 2 + 1e-6 || fabs (dy) > box->height / 2 + 1e-6)
    return FALSE;

  box->x += dx;
  box->y += dy;
  return TRUE;
}

/* The eight places around a dot, in order of preference: beside it (the
 * way people read a scatter plot), then above and below on either side,
 * then straight above or below.  @ring 0 touches the dot; further rings
 * are joined to it by a leader line.  A place that would cross the edge
 * of @bounds slides back along the dot's side instead, which keeps dots
 * on the edges and in the corners (scores of 0 and 100 are common)
 * labelled beside themselves. */
static ThChartRect
label_candidate (const ThChartDotLayout *dot, const LabelGeometry *g, const ThChartRect *bounds,
                 double w, double h, int position, int ring)
{
  double b = th_chart_dot_extent (dot->radius) + g->dot_pad + g->gap + ring * g->reach
             + ((int)dot->index == g->highlight ? g->highlight_extra : 0);
  double cx = dot->x;
  double cy = dot->y;
  ThChartRect box;

  switch (position)
    {
      case 0:
        box = (ThChartRect){ cx + b, cy - h / 2, w, h };
        break;
      case 1:
        box = (ThChartRect){ cx - b - w, cy - h / 2, w, h };
        break;
      case 2:
        box = (ThChartRect){ cx + b * 0.5, cy - b - h, w, h };
        break;
      case 3:
        box = (ThChartRect){ cx + b * 0.5, cy + b, w, h };
        break;
      case 4:
        box = (ThChartRect){ cx - b * 0.5 - w, cy - b - h, w, h };
        break;
      case 5:
        box = (ThChartRect){ cx - b * 0.5 - w, cy + b, w, h };
        break;
      case 6:
        box = (ThChartRect){ cx - w / 2, cy - b - h, w, h };
        break;
      case 7:
      default:
        box = (ThChartRect){ cx - w / 2, cy + b, w, h };
        break;
    }

  if (position <= 1)
    box.y = CLAMP (box.y, bounds->y, bounds->y + bounds->height - h);
  else
    box.x = CLAMP (box.x, bounds->x, bounds->x + bounds->width - w);

  return box;
}

static gboolean
try_place_label (ThQuadrantChart *self, ThChartPlacer *placer, const LabelGeometry *g,
                 const ThChartRect *bounds, guint index, ThChartLabel *label, ThChartLabelKind kind,
                 int ring)
{
  ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, index);
  ThChartDotState *state = &self->states[index];
  double w = label->text.width + 2 * g->pad_x;
  double h = label->text.height + 2 * g->pad_y;
  double e = th_chart_dot_extent (dot->radius);

  for (int position = 0; position < 8; position++)
    {
      ThChartRect box = label_candidate (dot, g, bounds, w, h, position, ring);
      double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

      if (!fit_box_to_quadrant (g, dot, &box) || !th_chart_placer_box_is_free (placer, &box))
        continue;

      if (ring > 0)
        {
          /* From the edge of the dot to the nearest point of the label. */
          double nx = CLAMP (dot->x, box.x, box.x + box.width);
          double ny = CLAMP (dot->y, box.y, box.y + box.height);
          double len = hypot (nx - dot->x, ny - dot->y);

          x0 = dot->x + (nx - dot->x) / len * e;
          y0 = dot->y + (ny - dot->y) / len * e;
          x1 = nx;
          y1 = ny;
          if (!th_chart_placer_segment_is_free (placer, x0, y0, x1, y1, index))
            continue;
          th_chart_placer_add_segment (placer, x0, y0, x1, y1, index);
        }

      th_chart_placer_add_box (placer, &box, index);
      dot->labelled = TRUE;
      dot->label_x = box.x;
      dot->label_y = box.y;
      dot->label_width = box.width;
      dot->label_height = box.height;
      state->label = label;
      state->kind = kind;
      state->has_leader = ring > 0;
      state->leader_x0 = x0;
      state->leader_y0 = y0;
      state->leader_x1 = x1;
      state->leader_y1 = y1;
      return TRUE;
    }

  return FALSE;
}

/* Whether a label of the smallest size (a digit) would be free anywhere
 * around @dot: each candidate of a longer label contains that of a
 * shorter one. */
static gboolean
could_place_label (ThChartPlacer *placer, const LabelGeometry *g, const ThChartRect *bounds,
                   const ThChartDotLayout *dot, double line_height, int first_ring, int last_ring)
{
  double h = line_height + 2 * g->pad_y;
  double w = line_height * 0.6 + 2 * g->pad_x;

  for (int ring = first_ring; ring <= last_ring; ring++)
    for (int position = 0; position < 8; position++)
      {
        ThChartRect box = label_candidate (dot, g, bounds, w, h, position, ring);

        if (fit_box_to_quadrant (g, dot, &box) && th_chart_placer_box_is_free (placer, &box))
          return TRUE;
      }

  return FALSE;
}

static void
label_geometry_init (ThQuadrantChart *self, const ThChartMetrics *m, LabelGeometry *g)
{
  double line_height = self->label_line_height;

  g->pad_x = m->label * 0.25;
  g->pad_y = m->label * 0.02;
  g->gap = MAX (m->px * 2, m->dot_radius * 0.35);
  g->reach = line_height * 1.1;
  g->dot_pad = MAX (m->px, m->label * 0.08);
  g->highlight = self->highlight;
  g->highlight_extra = 0;
  g->split_x = th_quadrant_chart_score_to_x (self, self->threshold);
  g->split_y = th_quadrant_chart_score_to_y (self, self->threshold);
  if (self->highlight >= 0 && (guint)self->highlight < self->layout->len)
    {
      const ThChartDotLayout *dot
        = &g_array_index (self->layout, ThChartDotLayout, self->highlight);
      double ring, ring_width;

      th_chart_highlight_ring (m, dot, &ring, &ring_width);
      g->highlight_extra = ring + ring_width - th_chart_dot_extent (dot->radius);
    }
}

/* A placer that already holds what labels must keep off: every dot (the
 * highlighted one with its ring), the quadrant names in @reserved and the
 * mean's marker. */
static ThChartPlacer *
new_placer (ThQuadrantChart *self, const LabelGeometry *g, const ThChartRect *bounds,
            const ThChartRect *reserved, guint n_reserved, gboolean has_mean, double mean_x,
            double mean_y, double mean_r)
{
  ThChartPlacer *placer = th_chart_placer_new (bounds, self->label_line_height * 2.5);

  for (guint i = 0; i < self->layout->len; i++)
    {
      const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);
      double b = th_chart_dot_extent (dot->radius) + g->dot_pad
                 + ((int)i == g->highlight ? g->highlight_extra : 0);
      ThChartRect box = { dot->x - b, dot->y - b, 2 * b, 2 * b };

      th_chart_placer_add_box (placer, &box, i);
    }
  for (guint i = 0; i < n_reserved; i++)
    th_chart_placer_add_box (placer, &reserved[i], -1);
  if (has_mean)
    {
      ThChartRect box = { mean_x - mean_r, mean_y - mean_r, 2 * mean_r, 2 * mean_r };

      th_chart_placer_add_box (placer, &box, TH_CHART_PLACER_LABELS_ONLY);
    }

  return placer;
}

/* The order in which dots get a label: the highlighted one first, then
 * the rest in point order; over a density map only the highlighted one. */
static guint *
label_order (ThQuadrantChart *self, ThChartDrawMode mode, guint *n_order)
{
  guint n = self->layout->len;
  guint *order = g_new (guint, MAX (n, 1));

  *n_order = 0;
  if (self->highlight >= 0 && (guint)self->highlight < n)
    order[(*n_order)++] = self->highlight;
  if (mode != TH_CHART_MODE_HEAT)
    for (guint i = 0; i < n; i++)
      if ((int)i != self->highlight)
        order[(*n_order)++] = i;

  return order;
}

/* One pass of the placement: a label for each dot in @order that has
 * none yet, on rings @first_ring to @last_ring. */
static void
place_labels_pass (ThQuadrantChart *self, ThChartPlacer *placer, const LabelGeometry *g,
                   const ThChartRect *bounds, const guint *order, guint n_order, gboolean numbers,
                   int first_ring, int last_ring)
{
  for (guint k = 0; k < n_order; k++)
    {
      guint i = order[k];
      ThChartLabel *label;

      if (self->states[i].kind != TH_CHART_LABEL_NONE)
        continue;

      /* Laying out a name costs far more than asking the grid, so a dot
       * with no room even for the shortest label is passed over before
       * its name is shaped; in a crowd that is most of them. */
      if (!could_place_label (placer, g, bounds, &g_array_index (self->layout, ThChartDotLayout, i),
                              self->label_line_height, first_ring, last_ring))
        continue;

      label = dot_label (self, i, numbers);
      for (int ring = first_ring; ring <= last_ring; ring++)
        if (try_place_label (self, placer, g, bounds, i, label,
                             numbers ? TH_CHART_LABEL_NUMBER : TH_CHART_LABEL_NAME, ring))
          break;
    }
}

/* Greedy placement, in passes so that every name near its dot comes
 * before any name that needs a leader line, and every name before any
 * number.  The highlighted dot goes first in each pass. */
void
th_quadrant_chart_place_labels (ThQuadrantChart *self, const ThChartMetrics *m,
                                ThChartDrawMode mode, const ThChartRect *reserved, guint n_reserved,
                                gboolean has_mean, double mean_x, double mean_y, double mean_r)
{
  ThChartRect bounds = { self->plot_x, self->plot_y, self->plot_width, self->plot_height };
  g_autoptr (ThChartPlacer) placer = NULL;
  g_autofree guint *order = NULL;
  LabelGeometry g;
  guint n_order;

  label_geometry_init (self, m, &g);
  placer = new_placer (self, &g, &bounds, reserved, n_reserved, has_mean, mean_x, mean_y, mean_r);
  order = label_order (self, mode, &n_order);

  /* Names (numbers when anonymous) beside their dots, then, with few
   * enough dots, further out with a leader line, then numbers. */
  for (int pass = 0; pass < 4; pass++)
    {
      gboolean numbers = self->anonymous || pass >= 2;

      if (pass > 0 && mode != TH_CHART_MODE_DOTS)
        break;
      if (pass >= 2 && self->anonymous)
        break;

      place_labels_pass (self, placer, &g, &bounds, order, n_order, numbers, pass % 2 == 0 ? 0 : 1,
                         pass % 2 == 0 ? 0 : 2);
    }
}

void
th_quadrant_chart_draw_labels (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                               const ThChartPalette *palette)
{
  double radius = m->label * 0.3;

  cairo_save (cr);
  th_chart_set_source (cr, &palette->leader);
  cairo_set_line_width (cr, MAX (m->px, m->line));
  for (guint i = 0; i < self->layout->len; i++)
    if (self->states[i].has_leader)
      {
        cairo_move_to (cr, self->states[i].leader_x0, self->states[i].leader_y0);
        cairo_line_to (cr, self->states[i].leader_x1, self->states[i].leader_y1);
      }
  cairo_stroke (cr);

  for (guint i = 0; i < self->layout->len; i++)
    {
      const ThChartDotLayout *dot = &g_array_index (self->layout, ThChartDotLayout, i);
      const ThChartDotState *state = &self->states[i];
      const ThChartText *text;

      if (!dot->labelled)
        continue;

      label_ensure_layout (self, state->label);
      state->label->drawn_serial = self->draw_serial;
      text = &state->label->text;

      th_chart_path_rounded_rect (cr, dot->label_x, dot->label_y, dot->label_width,
                                  dot->label_height, radius);
      th_chart_set_source (cr, &palette->label_background);
      cairo_fill (cr);
      th_chart_text_draw (cr, text, dot->label_x + (dot->label_width - text->width) / 2,
                          dot->label_y + (dot->label_height - text->height) / 2, &palette->ink);
    }
  cairo_restore (cr);
}
/* Pango's context serial moves on every pango_cairo_update_context(), so
 * the cache is keyed on what the layouts depend on: the font options of
 * the target and the linear part of the transformation. */
void
th_quadrant_chart_update_label_cache (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m)
{
  PangoContext *context = th_quadrant_chart_get_pango_context (self);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  ThChartCacheKey key;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &matrix);
  key.options_hash = cairo_font_options_hash (options);
  key.xx = matrix.xx;
  key.yx = matrix.yx;
  key.xy = matrix.xy;
  key.yy = matrix.yy;
  key.label_size = m->label;
  cairo_font_options_destroy (options);

  if (self->cache_valid && memcmp (&key, &self->cache_key, sizeof key) == 0)
    return;

  pango_cairo_update_context (cr, context);
  clear_label_cache (self);
  self->cache_key = key;
  self->cache_valid = TRUE;
  self->label_max_width = label_max_width (self, m->label);
  th_chart_measure_string (self, "Ag", m->label, PANGO_WEIGHT_NORMAL, &self->label_line_height);
}
void
th_quadrant_chart_trim_label_caches (ThQuadrantChart *self)
{
  trim_label_cache (self, self->names);
  trim_label_cache (self, self->numbers);
}

ThChartLabelKind
th_quadrant_chart_get_label_kind (ThQuadrantChart *self, guint index)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), TH_CHART_LABEL_NONE);

  if (index >= self->layout->len)
    return TH_CHART_LABEL_NONE;

  return self->states[index].kind;
}

gboolean
th_quadrant_chart_get_label_has_leader (ThQuadrantChart *self, guint index)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), FALSE);

  if (index >= self->layout->len)
    return FALSE;

  return self->states[index].has_leader;
}

TH_DEFINE_GETTER (guint, th_quadrant_chart_get_n_labels_shaped, ThQuadrantChart,
                  TH_IS_QUADRANT_CHART, n_labels_shaped, 0)

guint
th_quadrant_chart_get_n_labels_cached (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), 0);

  return g_hash_table_size (self->names) + g_hash_table_size (self->numbers);
}
