/* th-quadrant-chart-unplaced.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-quadrant-chart-private.h"

/* The footnote of an exported or printed chart: who of the session has no
 * dot yet and why, so that a chart pinned up does not pass for the whole
 * group.  A chart without a header (a handout's) also says there how many
 * are on it. */

/* Names listed at the most (fewer where the lines are full); the rest are
 * counted.  A footnote is a few lines under the chart, not a register. */
#define MAX_NAMES 24

/* The footnote takes at most this many lines before it is ellipsized. */
#define MAX_LINES 4

void
th_chart_unplaced_clear (gpointer data)
{
  ThChartUnplaced *unplaced = data;

  g_clear_pointer (&unplaced->name, g_free);
}

static const char *
reason_text (ThChartUnplacedReason reason)
{
  switch (reason)
    {
      case TH_CHART_UNPLACED_NO_LEADERSHIP:
        /* Translators: why someone is not on the chart, after their names. */
        return _ ("no leadership behaviour rated yet");
      case TH_CHART_UNPLACED_NO_MANAGEMENT:
        /* Translators: why someone is not on the chart, after their names. */
        return _ ("no management behaviour rated yet");
      case TH_CHART_UNPLACED_NO_RATINGS:
      default:
        /* Translators: why someone is not on the chart, after their names. */
        return _ ("no ratings yet");
    }
}

/* "Zoë Quinn, Sam (no ratings yet); Noah Silva (no management behaviour
 * rated yet)", grouped by reason in the order of the reasons, each group
 * in the session's order.  The first @max_names in the session's order
 * are named, the rest counted. */
static void
append_groups (ThQuadrantChart *self, GString *list, guint max_names)
{
  static const ThChartUnplacedReason reasons[] = {
    TH_CHART_UNPLACED_NO_RATINGS,
    TH_CHART_UNPLACED_NO_LEADERSHIP,
    TH_CHART_UNPLACED_NO_MANAGEMENT,
  };

  for (guint r = 0; r < G_N_ELEMENTS (reasons); r++)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      guint more = 0;

      for (guint i = 0; i < self->unplaced->len; i++)
        {
          const ThChartUnplaced *unplaced = &g_array_index (self->unplaced, ThChartUnplaced, i);
          g_autofree char *numbered = NULL;

          if (unplaced->reason != reasons[r])
            continue;
          if (i >= max_names)
            {
              more++;
              continue;
            }

          if (self->anonymous)
            numbered = th_participant_dup_numbered_name (unplaced->number);
          if (names->len > 0)
            /* Translators: between the names of a list. */
            g_string_append (names, _ (", "));
          g_string_append (names, numbered != NULL ? numbered : unplaced->name);
        }

      if (names->len == 0 && more == 0)
        continue;

      if (more > 0)
        {
          g_autofree char *and_more = NULL;

          if (names->len == 0)
            /* Translators: the whole group of a reason, when no name of it fits. */
            and_more = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "%'u participant", "%'u participants", more), more);
          else
            /* Translators: after the names that fit, e.g. "Ana, Ben and 12 more". */
            and_more = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE, "%s and %'u more", "%s and %'u more", more), names->str,
              more);
          g_string_assign (names, and_more);
        }

      if (list->len > 0)
        /* Translators: between the groups of the list of who is not on the chart. */
        g_string_append (list, _ ("; "));
      /* Translators: names, then why they are not on the chart, e.g. "Zoë,
       * Sam (no ratings yet)". */
      g_string_append_printf (list, _ ("%s (%s)"), names->str, reason_text (reasons[r]));
    }
}

/* The footnote's text with at most @max_names names, or NULL when a draw
 * writes none. */
static char *
dup_footnote (ThQuadrantChart *self, guint max_names)
{
  g_autoptr (GString) text = g_string_new (NULL);

  /* An empty session has nobody to count or list. */
  if (!self->show_unplaced || (self->n_participants == 0 && self->points->len == 0))
    return NULL;

  if (!self->show_header)
    {
      g_autofree char *people = th_quadrant_chart_format_people (self);

      /* The count starts with a small letter where the header has it
       * after the date; as a sentence of its own it starts with a capital. */
      g_string_append_unichar (text, g_unichar_totitle (g_utf8_get_char (people)));
      g_string_append (text, g_utf8_next_char (people));
      g_string_append (text, _ ("."));
    }

  if (self->unplaced->len > 0)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      append_groups (self, list, max_names);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: under an exported or printed chart; %s lists names
       * with the reason, e.g. "Zoë (no ratings yet); Noah (no management
       * behaviour rated yet)". */
      g_string_append_printf (text, _ ("Not on the chart yet: %s."), list->str);
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
th_quadrant_chart_dup_footnote (ThQuadrantChart *self)
{
  g_return_val_if_fail (TH_IS_QUADRANT_CHART (self), NULL);

  return dup_footnote (self, MAX_NAMES);
}

/* Lays the footnote out for a chart of @width × @height; returns the
 * height it takes from the bottom of the page (0 without one).  It lists
 * as many names as fit in its lines, so that the count of the rest and
 * every reason are always there to read. */
double
th_quadrant_chart_layout_footnote (ThQuadrantChart *self, const ThChartMetrics *m, double width,
                                   double height, ThChartText *footnote)
{
  double max_width = MAX (width - 2 * m->margin, m->unit * 0.3);
  guint low = 0;
  guint high = MIN (MAX_NAMES, self->unplaced->len);

  if (!self->show_unplaced || (self->show_header && self->unplaced->len == 0))
    return 0;

  /* The most names whose text is not cut short. */
  while (low < high)
    {
      guint mid = (low + high + 1) / 2;
      g_autofree char *text = dup_footnote (self, mid);
      ThChartText trial = { NULL };
      gboolean fits;

      th_chart_text_init_wrapped (self, &trial, text, m->legend, PANGO_WEIGHT_NORMAL, max_width,
                                  MAX_LINES, PANGO_ALIGN_CENTER);
      fits = !pango_layout_is_ellipsized (trial.layout);
      th_chart_text_clear (&trial);
      if (fits)
        low = mid;
      else
        high = mid - 1;
    }

  {
    g_autofree char *text = dup_footnote (self, low);

    th_chart_text_init_wrapped (self, footnote, text, m->legend, PANGO_WEIGHT_NORMAL, max_width,
                                MAX_LINES, PANGO_ALIGN_CENTER);
  }

  /* A page too small for it keeps its chart. */
  if (footnote->height + m->gap * 1.5 > height * 0.3)
    {
      th_chart_text_clear (footnote);
      return 0;
    }

  return footnote->height + m->gap * 1.5;
}

void
th_quadrant_chart_draw_footnote (ThQuadrantChart *self, cairo_t *cr, const ThChartMetrics *m,
                                 const ThChartPalette *palette, const ThChartText *footnote,
                                 double width, double height)
{
  double max_width = MAX (width - 2 * m->margin, m->unit * 0.3);
  double x = m->margin;

  if (footnote->layout == NULL)
    return;

  /* A wrapped text is centred by its layout; one line is centred here. */
  if (pango_layout_get_width (footnote->layout) < 0)
    x += MAX (0, (max_width - footnote->width) / 2);

  th_chart_text_draw (cr, footnote, x, height - m->margin - footnote->height,
                      &palette->ink_secondary);
}
