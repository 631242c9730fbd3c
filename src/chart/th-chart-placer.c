/* th-chart-placer.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "th-chart-placer.h"

/* A grid of at most this many cells a side: beyond it cells are larger
 * than needed but memory stays small whatever the page size. */
#define MAX_CELLS_PER_SIDE 256

typedef enum
{
  OBSTACLE_BOX,
  OBSTACLE_SEGMENT,
} ObstacleKind;

typedef struct
{
  ObstacleKind kind;
  int owner;
  ThChartRect box; /* the bounding box, for segments too */
  double x0, y0, x1, y1;
} Obstacle;

/* Cells hold singly linked lists of obstacle indices in one flat array,
 * so that adding an obstacle never allocates per cell. */
typedef struct
{
  guint obstacle;
  int next;
} CellEntry;

struct _ThChartPlacer
{
  ThChartRect bounds;
  double cell_size;
  int columns;
  int rows;
  int *heads;
  GArray *entries;
  GArray *obstacles;
};

ThChartPlacer *
th_chart_placer_new (const ThChartRect *bounds, double cell_size)
{
  ThChartPlacer *self;
  int n_cells;

  g_return_val_if_fail (bounds != NULL, NULL);

  self = g_new0 (ThChartPlacer, 1);
  self->bounds = *bounds;
  self->cell_size = MAX (cell_size, 1.0);
  self->cell_size = MAX (self->cell_size, MAX (bounds->width, bounds->height) / MAX_CELLS_PER_SIDE);
  self->columns = CLAMP ((int)ceil (bounds->width / self->cell_size), 1, MAX_CELLS_PER_SIDE);
  self->rows = CLAMP ((int)ceil (bounds->height / self->cell_size), 1, MAX_CELLS_PER_SIDE);
  n_cells = self->columns * self->rows;
  self->heads = g_new (int, n_cells);
  for (int i = 0; i < n_cells; i++)
    self->heads[i] = -1;
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (CellEntry), 1024);
  self->obstacles = g_array_sized_new (FALSE, FALSE, sizeof (Obstacle), 512);

  return self;
}

void
th_chart_placer_free (ThChartPlacer *self)
{
  if (self == NULL)
    return;

  g_free (self->heads);
  g_array_unref (self->entries);
  g_array_unref (self->obstacles);
  g_free (self);
}

gboolean
th_chart_rect_intersects (const ThChartRect *a, const ThChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height
         && b->y < a->y + a->height;
}

/* The range of cells @box covers, clamped to the grid. */
static void
cell_range (ThChartPlacer *self, const ThChartRect *box, int *c0, int *r0, int *c1, int *r1)
{
  *c0 = CLAMP ((int)floor ((box->x - self->bounds.x) / self->cell_size), 0, self->columns - 1);
  *r0 = CLAMP ((int)floor ((box->y - self->bounds.y) / self->cell_size), 0, self->rows - 1);
  *c1 = CLAMP ((int)floor ((box->x + box->width - self->bounds.x) / self->cell_size), 0,
               self->columns - 1);
  *r1 = CLAMP ((int)floor ((box->y + box->height - self->bounds.y) / self->cell_size), 0,
               self->rows - 1);
}

/* A walk through the obstacles listed in the cells an area covers, cell
 * by cell (an obstacle in several of them comes once for each). */
typedef struct
{
  ThChartPlacer *placer;
  int c0, c1, r1;
  int r, c;
  int entry;
} CellWalk;

static void
cell_walk_init (CellWalk *walk, ThChartPlacer *self, const ThChartRect *area)
{
  int r0;

  walk->placer = self;
  cell_range (self, area, &walk->c0, &r0, &walk->c1, &walk->r1);
  walk->r = r0;
  walk->c = walk->c0;
  walk->entry = self->heads[r0 * self->columns + walk->c0];
}

/* The next obstacle of the walk, or NULL at its end. */
static const Obstacle *
cell_walk_next (CellWalk *walk)
{
  ThChartPlacer *self = walk->placer;
  const CellEntry *entry;

  while (walk->entry < 0)
    {
      if (++walk->c > walk->c1)
        {
          walk->c = walk->c0;
          if (++walk->r > walk->r1)
            return NULL;
        }
      walk->entry = self->heads[walk->r * self->columns + walk->c];
    }

  entry = &g_array_index (self->entries, CellEntry, walk->entry);
  walk->entry = entry->next;
  return &g_array_index (self->obstacles, Obstacle, entry->obstacle);
}

static void
add_obstacle (ThChartPlacer *self, const Obstacle *obstacle)
{
  guint index = self->obstacles->len;
  int c0, r0, c1, r1;

  g_array_append_val (self->obstacles, *obstacle);

  cell_range (self, &obstacle->box, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        int cell = r * self->columns + c;
        CellEntry entry = { index, self->heads[cell] };

        self->heads[cell] = (int)self->entries->len;
        g_array_append_val (self->entries, entry);
      }
}

void
th_chart_placer_add_box (ThChartPlacer *self, const ThChartRect *box, int owner)
{
  Obstacle obstacle = { OBSTACLE_BOX, owner, *box, 0, 0, 0, 0 };

  add_obstacle (self, &obstacle);
}

void
th_chart_placer_add_segment (ThChartPlacer *self, double x0, double y0, double x1, double y1,
                             int owner)
{
  Obstacle obstacle = {
    OBSTACLE_SEGMENT,
    owner,
    { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) },
    x0,
    y0,
    x1,
    y1,
  };

  add_obstacle (self, &obstacle);
}

/* Liang–Barsky: does the segment pass through the inside of @box? */
static gboolean
segment_crosses_box (double x0, double y0, double x1, double y1, const ThChartRect *box)
{
  double dx = x1 - x0;
  double dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - box->x, box->x + box->width - x0, y0 - box->y, box->y + box->height - y0 };
  double t0 = 0.0;
  double t1 = 1.0;

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] <= 0.0)
            return FALSE;
          continue;
        }

      double t = q[i] / p[i];

      if (p[i] < 0.0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 >= t1)
        return FALSE;
    }

  return TRUE;
}

static double
orientation (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Proper crossings only: leader lines that merely touch at an end do not
 * hide each other. */
static gboolean
segments_cross (const Obstacle *a, double x0, double y0, double x1, double y1)
{
  double d1 = orientation (x0, y0, x1, y1, a->x0, a->y0);
  double d2 = orientation (x0, y0, x1, y1, a->x1, a->y1);
  double d3 = orientation (a->x0, a->y0, a->x1, a->y1, x0, y0);
  double d4 = orientation (a->x0, a->y0, a->x1, a->y1, x1, y1);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

gboolean
th_chart_placer_box_is_free (ThChartPlacer *self, const ThChartRect *box)
{
  CellWalk walk;
  const Obstacle *o;

  if (box->x < self->bounds.x || box->y < self->bounds.y
      || box->x + box->width > self->bounds.x + self->bounds.width
      || box->y + box->height > self->bounds.y + self->bounds.height)
    return FALSE;

  cell_walk_init (&walk, self, box);
  while ((o = cell_walk_next (&walk)) != NULL)
    if (o->kind == OBSTACLE_BOX ? th_chart_rect_intersects (box, &o->box)
                                : segment_crosses_box (o->x0, o->y0, o->x1, o->y1, box))
      return FALSE;

  return TRUE;
}

gboolean
th_chart_placer_segment_is_free (ThChartPlacer *self, double x0, double y0, double x1, double y1,
                                 int owner)
{
  ThChartRect bbox = { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
  CellWalk walk;
  const Obstacle *o;

  cell_walk_init (&walk, self, &bbox);
  while ((o = cell_walk_next (&walk)) != NULL)
    {
      if ((owner >= 0 && o->owner == owner) || o->owner == TH_CHART_PLACER_LABELS_ONLY)
        continue;
      if (o->kind == OBSTACLE_BOX ? segment_crosses_box (x0, y0, x1, y1, &o->box)
                                  : segments_cross (o, x0, y0, x1, y1))
        return FALSE;
    }

  return TRUE;
}
