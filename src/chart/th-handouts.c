/* th-handouts.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-chart-tips.h"
#include "th-handouts.h"
#include "th-page.h"
#include "th-quadrant-chart.h"

struct _ThHandouts
{
  ThSession *session;
  gboolean anonymous;

  /* The whole group, numbered rather than named and without a heading of
   * its own: a handout goes home with one person and names no one else. */
  ThQuadrantChart *chart;
};

/* Where a page is drawn: its size inside the margins, the height of the
 * chart on it, and how far down the drawing has come. */
typedef struct
{
  double width;
  double height;
  double chart_height;
  double y;
} Cursor;

/* The name at the head of a page: the participant's own, or "Participant
 * N" with their number in anonymous mode. */
static char *
dup_page_name (ThHandouts *self, const ThChartPoint *point, ThParticipant *participant)
{
  if (!self->anonymous)
    return g_strdup (point->name);

  return th_participant_dup_anonymous_name (participant);
}

static void
draw_empty_page (ThHandouts *self, cairo_t *cr, double width)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *footnote = th_quadrant_chart_dup_footnote (self->chart);
  double y = 60;

  th_page_draw_running_header (cr, th_page_session_title (self->session),
                               th_session_get_created (self->session), width);
  y += th_page_draw_text (cr,
                          _ ("Nobody is on the chart yet: a participant appears once they have "
                             "rated behaviours of both hats."),
                          0, y, 14, PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT,
                          &palette->chart->ink);
  /* Who is in the session and why they are not placed. */
  if (footnote != NULL)
    th_page_draw_text (cr, footnote, 0, y + 12, 11, PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT,
                       &palette->chart->ink_secondary);
}

/* The participant's name, and what the page is. */
static void
draw_heading (ThHandouts *self, cairo_t *cr, Cursor *at, const char *name)
{
  const ThPagePalette *palette = th_page_palette_get ();

  at->y = th_page_draw_running_header (cr, th_page_session_title (self->session),
                                       th_session_get_created (self->session), at->width)
          + 18;
  at->y += th_page_draw_text (cr, name, 0, at->y, 24, PANGO_WEIGHT_BOLD, at->width,
                              PANGO_ALIGN_LEFT, &palette->chart->ink);
  at->y += 2;
  at->y += th_page_draw_text (cr, _ ("Where you stand on the leadership and management chart"), 0,
                              at->y, 11, PANGO_WEIGHT_NORMAL, at->width, PANGO_ALIGN_LEFT,
                              &palette->chart->ink_secondary);
  at->y += 10;
}

/* The whole group with this person's dot ringed, and a caption that says
 * which number is theirs. */
static void
draw_group_chart (ThHandouts *self, cairo_t *cr, Cursor *at, guint index)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *caption = NULL;

  th_quadrant_chart_set_highlight (self->chart, (int)index);
  cairo_save (cr);
  cairo_translate (cr, 0, at->y);
  th_quadrant_chart_draw (self->chart, cr, at->width, at->chart_height);
  cairo_restore (cr);
  at->y += at->chart_height + 4;

  /* Translators: under the chart on a participant's handout; %u is the
   * number beside their dot. */
  caption = g_strdup_printf (_ ("Your dot is the ringed one, number %u. Everyone else is shown by "
                                "number only."),
                             th_quadrant_chart_get_point_number (self->chart, index));
  at->y += th_page_draw_text (cr, caption, 0, at->y, 9, PANGO_WEIGHT_NORMAL, at->width,
                              PANGO_ALIGN_CENTER, &palette->chart->ink_secondary);
  at->y += 18;
}

/* A score as a bar from 0 to 100 with the threshold marked, which reads
 * faster than a number alone.  Returns the height of its line. */
static double
draw_score_bar (cairo_t *cr, const char *label, double score, double threshold, double x, double y,
                double width, const ThChartRgba *colour)
{
  const ThPagePalette *palette = th_page_palette_get ();
  g_autofree char *value = g_strdup_printf ("%.1f", score);
  g_autoptr (PangoLayout) label_layout
    = th_page_layout_new (cr, label, 11, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) value_layout
    = th_page_layout_new (cr, value, 11, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  double label_width = 92;
  double value_width = 40;
  double bar_x = x + label_width;
  double bar_width = width - label_width - value_width - 10;
  double line_height = th_page_layout_height (label_layout);
  double bar_height = 9;
  double bar_y = y + (line_height - bar_height) / 2;

  th_chart_set_source (cr, &palette->chart->ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, label_layout);

  th_chart_path_rounded_rect (cr, bar_x, bar_y, bar_width, bar_height, bar_height / 2);
  th_chart_set_source (cr, &palette->track);
  cairo_fill (cr);
  if (score > 0)
    {
      th_chart_path_rounded_rect (cr, bar_x, bar_y, MAX (bar_height, bar_width * score / 100.0),
                                  bar_height, bar_height / 2);
      th_chart_set_source (cr, colour);
      cairo_fill (cr);
    }

  /* The threshold: a tick through the bar. */
  th_chart_set_source (cr, &palette->chart->ink);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, bar_x + bar_width * threshold / 100.0, bar_y - 3);
  cairo_line_to (cr, bar_x + bar_width * threshold / 100.0, bar_y + bar_height + 3);
  cairo_stroke (cr);

  cairo_move_to (cr, x + width - th_page_layout_width (value_layout), y);
  pango_cairo_show_layout (cr, value_layout);

  return line_height;
}

static void
draw_scores (cairo_t *cr, Cursor *at, const ThChartPoint *point, double threshold,
             const ThChartRgba *colour)
{
  at->y += draw_score_bar (cr, _ ("Leadership"), point->leadership, threshold, 0, at->y, at->width,
                           colour)
           + 8;
  at->y += draw_score_bar (cr, _ ("Management"), point->management, threshold, 0, at->y, at->width,
                           colour)
           + 16;
}

/* The quadrant, in a box tinted with its colour and marked with its
 * shape, with a sentence on what the position means. */
static void
draw_quadrant_box (cairo_t *cr, Cursor *at, ThQuadrant quadrant)
{
  const ThPagePalette *palette = th_page_palette_get ();
  const ThChartRgba *colour = &palette->chart->dot[quadrant];
  double box_y = at->y;
  double text_x = 44;
  double text_width = at->width - text_x - 16;
  double box_height;
  double y;

  box_height = 14
               + th_page_measure_text (cr, th_quadrant_get_display_name (quadrant), 15,
                                       PANGO_WEIGHT_BOLD, text_width)
               + 4
               + th_page_measure_text (cr, th_chart_tips_get_summary (quadrant), 11,
                                       PANGO_WEIGHT_NORMAL, text_width)
               + 14;
  th_chart_path_rounded_rect (cr, 0, box_y, at->width, box_height, 8);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.14);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.7);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  th_quadrant_chart_path_marker (cr, quadrant, 22, box_y + 23, 8);
  th_chart_set_source (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);

  y = box_y + 14;
  y += th_page_draw_text (cr, th_quadrant_get_display_name (quadrant), text_x, y, 15,
                          PANGO_WEIGHT_BOLD, text_width, PANGO_ALIGN_LEFT,
                          &palette->chart->text[quadrant]);
  y += 4;
  th_page_draw_text (cr, th_chart_tips_get_summary (quadrant), text_x, y, 11, PANGO_WEIGHT_NORMAL,
                     text_width, PANGO_ALIGN_LEFT, &palette->chart->ink);
  at->y = box_y + box_height + 18;
}

/* What to practise next: a heading and numbered steps. */
static void
draw_next_steps (cairo_t *cr, Cursor *at, ThQuadrant quadrant)
{
  const ThPagePalette *palette = th_page_palette_get ();

  at->y += th_page_draw_text (cr, _ ("What to practise next"), 0, at->y, 14, PANGO_WEIGHT_BOLD,
                              at->width, PANGO_ALIGN_LEFT, &palette->chart->ink);
  at->y += 2;
  at->y += th_page_draw_text (cr, th_chart_tips_get_heading (quadrant), 0, at->y, 11,
                              PANGO_WEIGHT_NORMAL, at->width, PANGO_ALIGN_LEFT,
                              &palette->chart->ink_secondary);
  at->y += 8;
  for (guint i = 0; i < th_chart_tips_get_n_steps (quadrant); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double step_height;

      th_page_draw_badge (cr, number, 9, at->y + 8, 9, 10, &palette->chart->dot[quadrant],
                          &palette->chart->ink);
      step_height = th_page_draw_text (cr, th_chart_tips_get_step (quadrant, i), 28, at->y, 11.5,
                                       PANGO_WEIGHT_NORMAL, at->width - 28, PANGO_ALIGN_LEFT,
                                       &palette->chart->ink);
      at->y += MAX (step_height, 18) + 8;
    }
}

/* At the foot of the page, unless the steps ran long: the sort result,
 * which goes to the participant alone, so it is on their page. */
static void
draw_footer (ThHandouts *self, cairo_t *cr, const Cursor *at, const ThScores *scores)
{
  const ThPagePalette *palette = th_page_palette_get ();
  double footer_y = MAX (at->y + 6, at->height - 14);

  if (scores->sorted > 0)
    {
      ThDeck *deck = th_session_get_deck (self->session);
      g_autofree char *sorted = NULL;

      /* Translators: on a participant's handout, e.g. "You sorted 20 of the
       * 24 behaviour cards the way the article would." */
      sorted = g_strdup_printf (_ ("You sorted %u of the %u behaviour cards the way the article "
                                   "would."),
                                scores->correct, th_deck_get_n_behaviours (deck));
      th_page_draw_text (cr, sorted, 0, footer_y, 9, PANGO_WEIGHT_NORMAL, at->width,
                         PANGO_ALIGN_LEFT, &palette->chart->ink_secondary);
    }
  th_page_draw_text (cr, "Two Hats", 0, footer_y, 9, PANGO_WEIGHT_BOLD, at->width,
                     PANGO_ALIGN_RIGHT, &palette->chart->ink_secondary);
}

guint
th_handouts_get_n_pages (ThHandouts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return MAX (1, th_quadrant_chart_get_n_points (self->chart));
}

void
th_handouts_draw_page (ThHandouts *self, cairo_t *cr, double width, double height, guint page)
{
  const ThChartPoint *point;
  ThParticipant *participant;
  ThScores scores;
  ThQuadrant quadrant;
  double threshold;
  double margin = MIN (width, height) * 0.045;
  g_autofree char *name = NULL;
  Cursor at = {
    .width = width - 2 * margin,
    .height = height - 2 * margin,
    /* A third of the page or so, and never taller than wide. */
    .chart_height = MIN ((width - 2 * margin) * 0.62, height * 0.38),
  };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < th_handouts_get_n_pages (self));

  cairo_save (cr);
  cairo_translate (cr, margin, margin);

  if (th_quadrant_chart_get_n_points (self->chart) == 0)
    {
      draw_empty_page (self, cr, at.width);
      cairo_restore (cr);
      return;
    }

  threshold = th_session_get_threshold (self->session);
  point = th_quadrant_chart_get_point (self->chart, page);
  participant = th_session_lookup_participant (self->session, point->id);
  th_session_compute_scores (self->session, participant, &scores);
  quadrant = th_quadrant_for_scores (point->leadership, point->management, threshold);
  name = dup_page_name (self, point, participant);

  draw_heading (self, cr, &at, name);
  draw_group_chart (self, cr, &at, page);
  draw_scores (cr, &at, point, threshold, &th_page_palette_get ()->chart->dot[quadrant]);
  draw_quadrant_box (cr, &at, quadrant);
  draw_next_steps (cr, &at, quadrant);
  draw_footer (self, cr, &at, &scores);

  cairo_restore (cr);
}

static guint
paginate_cb (gpointer data, cairo_t *cr, double width, double height)
{
  return th_handouts_get_n_pages (data);
}

static void
draw_page_cb (gpointer data, cairo_t *cr, double width, double height, guint page)
{
  th_handouts_draw_page (data, cr, width, height, page);
}

gboolean
th_handouts_write_pdf (ThHandouts *self, const char *path, GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Translators: the title of a PDF of handouts, e.g. "Team offsite — Handouts". */
  title = g_strdup_printf (_ ("%s — Handouts"), th_page_session_title (self->session));

  return th_page_write_pdf (path, title, paginate_cb, draw_page_cb, self, error);
}

ThHandouts *
th_handouts_new (ThSession *session)
{
  ThHandouts *self;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  self = g_new0 (ThHandouts, 1);
  self->session = g_object_ref (session);
  self->chart = th_quadrant_chart_new ();
  th_quadrant_chart_set_style (self->chart, TH_CHART_STYLE_PRINT);
  th_quadrant_chart_set_session (self->chart, session);
  th_quadrant_chart_set_anonymous (self->chart, TRUE);
  th_quadrant_chart_set_show_header (self->chart, FALSE);
  /* Without the header, the footnote also says how many are on the
   * chart; those not on it go by number, like the dots. */
  th_quadrant_chart_set_show_unplaced (self->chart, TRUE);

  return self;
}

void
th_handouts_free (ThHandouts *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->chart);
  g_clear_object (&self->session);
  g_free (self);
}

ThSession *
th_handouts_get_session (ThHandouts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->session;
}

void
th_handouts_set_anonymous (ThHandouts *self, gboolean anonymous)
{
  g_return_if_fail (self != NULL);

  self->anonymous = !!anonymous;
}

gboolean
th_handouts_get_anonymous (ThHandouts *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->anonymous;
}
