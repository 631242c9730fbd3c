/* th-print-operation.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "th-chart-tips.h"
#include "th-print-operation.h"
#include "th-quadrant-chart.h"

/* Three things come out of the printer: the chart on one page (drawn by
 * the same renderer as the screen, in its print style), one handout per
 * participant, and the behaviour cards as sheets to cut out for a room
 * without laptops.  Everything is laid out in points inside the printable
 * area the page setup gives, so A4, Letter, portrait and landscape all
 * work; the page setup the user picks is remembered per mode. */

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define SETTINGS_GROUP "Print Settings"

/* Cards per sheet: 2 × 4 on a portrait page, 4 × 2 on a landscape one. */
#define CARD_COLUMNS_PORTRAIT 2
#define CARD_ROWS_PORTRAIT 4

/* Small enough for the whole key of a 24-card deck to fit on one A4 page. */
#define ANSWER_TEXT_SIZE 9.0
#define ANSWER_WHY_SIZE 8.0

typedef struct
{
  guint first;
  guint count;
} AnswerPage;

struct _ThPrintOperation
{
  GtkPrintOperation parent_instance;

  ThSession *session;
  ThPrintMode mode;
  gboolean anonymous;
  gboolean answer_sheet;

  /* Built in begin-print, dropped in end-print. */
  ThQuadrantChart *chart;
  guint n_card_pages;
  GArray *answer_pages; /* AnswerPage */

  GtkWidget *custom_check;
  gboolean error_shown;
};

G_DEFINE_ENUM_TYPE (ThPrintMode, th_print_mode, G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_CHART, "chart"),
                    G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_HANDOUTS, "handouts"),
                    G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_CARDS, "cards"))

G_DEFINE_FINAL_TYPE (ThPrintOperation, th_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_MODE,
  PROP_ANONYMOUS,
  PROP_ANSWER_SHEET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Drawing helpers ------------------------------------------------------------ */

typedef struct
{
  double r, g, b;
} Rgb;

#define HEX(hex)                                                                                   \
  {                                                                                                \
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0                \
  }

static const Rgb ink = HEX (0x1e1e1e);
static const Rgb ink_secondary = HEX (0x5e5c64);
static const Rgb rule = HEX (0xc0bfbc);
static const Rgb hint_grey = HEX (0x9a9996);
static const Rgb badge_grey = HEX (0xebebeb);

/* The renderer's Okabe–Ito colours, so that a handout's quadrant box
 * matches the dots on its chart; the darker ones are for text. */
static const Rgb quadrant_colours[] = {
  [TH_QUADRANT_NONE] = HEX (0x77767b),
  [TH_QUADRANT_BALANCED] = HEX (0x009e73),
  [TH_QUADRANT_LEADERSHIP_DRIVEN] = HEX (0xe69f00),
  [TH_QUADRANT_MANAGEMENT_DRIVEN] = HEX (0x0072b2),
  [TH_QUADRANT_DEVELOPING] = HEX (0xcc79a7),
};

static const Rgb quadrant_text_colours[] = {
  [TH_QUADRANT_NONE] = HEX (0x1e1e1e),
  [TH_QUADRANT_BALANCED] = HEX (0x006b4f),
  [TH_QUADRANT_LEADERSHIP_DRIVEN] = HEX (0x8a5a00),
  [TH_QUADRANT_MANAGEMENT_DRIVEN] = HEX (0x00588a),
  [TH_QUADRANT_DEVELOPING] = HEX (0x99406f),
};

static void
set_rgb (cairo_t *cr, const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static PangoLayout *
make_layout (cairo_t *cr, const char *text, double size, PangoWeight weight, double width,
             PangoAlignment alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinted metrics would make the text a little wider or narrower than
   * the same text in the preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

/* Draws @text with its top-left at (@x, @y) and returns its height. */
static double
draw_text (cairo_t *cr, const char *text, double x, double y, double size, PangoWeight weight,
           double width, PangoAlignment alignment, const Rgb *colour)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, text, size, weight, width, alignment);

  set_rgb (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  return layout_height (layout);
}

static double
measure_text (cairo_t *cr, const char *text, double size, PangoWeight weight, double width)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, text, size, weight, width, PANGO_ALIGN_LEFT);

  return layout_height (layout);
}

/* A number in a filled circle, centred on its ink rather than its line
 * box, which sits visibly high in a circle this small. */
static void
draw_badge (cairo_t *cr, const char *text, double cx, double cy, double radius, double size,
            const Rgb *fill, const Rgb *colour)
{
  g_autoptr (PangoLayout) layout
    = make_layout (cr, text, size, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  PangoRectangle ink_rect;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  set_rgb (cr, fill);
  cairo_fill (cr);

  pango_layout_get_extents (layout, &ink_rect, NULL);
  set_rgb (cr, colour);
  cairo_move_to (cr, cx - (ink_rect.x + ink_rect.width / 2.0) / PANGO_SCALE,
                 cy - (ink_rect.y + ink_rect.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_rectangle (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static char *
format_date (ThSession *session)
{
  GDateTime *created = th_session_get_created (session);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (created == NULL)
    created = now = g_date_time_new_now_local ();
  local = g_date_time_to_local (created);

  /* Translators: the date on printed pages, see strftime(3); e.g. "2 March 2026". */
  return g_date_time_format (local, _ ("%-d %B %Y"));
}

static const char *
session_title (ThSession *session)
{
  const char *title = th_session_get_title (session);

  return title != NULL && *title != '\0' ? title : _ ("Leadership and management workshop");
}

/* A thin line of small type across the top: what this is and when. */
static double
draw_running_header (cairo_t *cr, ThSession *session, const char *left, double width)
{
  g_autofree char *date = format_date (session);
  g_autoptr (PangoLayout) right
    = make_layout (cr, date, 8.5, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT);
  double right_width = layout_width (right);
  double height;

  height = draw_text (cr, left, 0, 0, 8.5, PANGO_WEIGHT_NORMAL, width - right_width - 12,
                      PANGO_ALIGN_LEFT, &ink_secondary);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  set_rgb (cr, &ink_secondary);
  cairo_move_to (cr, width - right_width, 0);
  pango_cairo_show_layout (cr, right);

  height = MAX (height, layout_height (right)) + 6;
  set_rgb (cr, &rule);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, 0, height);
  cairo_line_to (cr, width, height);
  cairo_stroke (cr);

  return height + 1;
}

/* Chart ------------------------------------------------------------------------ */

static void
draw_chart_page (ThPrintOperation *self, cairo_t *cr, double width, double height)
{
  th_quadrant_chart_draw (self->chart, cr, width, height);
}

/* Handouts --------------------------------------------------------------------- */

/* A score as a bar from 0 to 100 with the threshold marked, which reads
 * faster than a number alone. */
static double
draw_score_bar (cairo_t *cr, const char *label, double score, double threshold, double x, double y,
                double width, const Rgb *colour)
{
  g_autofree char *value = g_strdup_printf ("%.1f", score);
  g_autoptr (PangoLayout) label_layout
    = make_layout (cr, label, 11, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) value_layout
    = make_layout (cr, value, 11, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
  double label_width = 92;
  double value_width = 40;
  double bar_x = x + label_width;
  double bar_width = width - label_width - value_width - 10;
  double line_height = layout_height (label_layout);
  double bar_height = 9;
  double bar_y = y + (line_height - bar_height) / 2;

  set_rgb (cr, &ink);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, label_layout);

  rounded_rectangle (cr, bar_x, bar_y, bar_width, bar_height, bar_height / 2);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_fill (cr);
  if (score > 0)
    {
      rounded_rectangle (cr, bar_x, bar_y, MAX (bar_height, bar_width * score / 100.0), bar_height,
                         bar_height / 2);
      set_rgb (cr, colour);
      cairo_fill (cr);
    }

  /* The threshold: a tick through the bar. */
  set_rgb (cr, &ink);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, bar_x + bar_width * threshold / 100.0, bar_y - 3);
  cairo_line_to (cr, bar_x + bar_width * threshold / 100.0, bar_y + bar_height + 3);
  cairo_stroke (cr);

  cairo_move_to (cr, x + width - layout_width (value_layout), y);
  pango_cairo_show_layout (cr, value_layout);

  return line_height;
}

static void
draw_handout_page (ThPrintOperation *self, cairo_t *cr, double width, double height, guint index)
{
  const ThChartPoint *point;
  ThParticipant *participant;
  ThScores scores;
  ThQuadrant quadrant;
  double threshold = th_session_get_threshold (self->session);
  const Rgb *colour;
  const Rgb *text_colour;
  g_autofree char *caption = NULL;
  g_autofree char *sorted = NULL;
  double margin = MIN (width, height) * 0.045;
  double w = width - 2 * margin;
  double y;
  double chart_height;
  double box_y, box_height, text_x, text_width;
  double footer_y;

  cairo_translate (cr, margin, margin);

  if (th_quadrant_chart_get_n_points (self->chart) == 0)
    {
      draw_running_header (cr, self->session, session_title (self->session), w);
      draw_text (cr,
                 _ ("Nobody is on the chart yet: a participant appears once they have rated "
                    "behaviours of both hats."),
                 0, 60, 14, PANGO_WEIGHT_NORMAL, w, PANGO_ALIGN_LEFT, &ink);
      return;
    }

  point = th_quadrant_chart_get_point (self->chart, index);
  participant = th_session_lookup_participant (self->session, point->id);
  th_session_compute_scores (self->session, participant, &scores);
  quadrant = th_quadrant_for_scores (point->leadership, point->management, threshold);
  colour = &quadrant_colours[quadrant];
  text_colour = &quadrant_text_colours[quadrant];

  y = draw_running_header (cr, self->session, session_title (self->session), w) + 18;

  y += draw_text (cr, point->name, 0, y, 24, PANGO_WEIGHT_BOLD, w, PANGO_ALIGN_LEFT, &ink);
  y += 2;
  y += draw_text (cr, _ ("Where you stand on the leadership and management chart"), 0, y, 11,
                  PANGO_WEIGHT_NORMAL, w, PANGO_ALIGN_LEFT, &ink_secondary);
  y += 10;

  /* The whole group, numbered rather than named, with this person ringed:
   * a handout goes home with one person and names no one else. */
  chart_height = MIN (w * 0.62, height * 0.38);
  th_quadrant_chart_set_highlight (self->chart, (int)index);
  cairo_save (cr);
  cairo_translate (cr, 0, y);
  th_quadrant_chart_draw (self->chart, cr, w, chart_height);
  cairo_restore (cr);
  y += chart_height + 4;

  /* Translators: under the chart on a participant's handout; %u is the
   * number beside their dot. */
  caption = g_strdup_printf (_ ("Your dot is the ringed one, number %u. Everyone else is shown by "
                                "number only."),
                             index + 1);
  y += draw_text (cr, caption, 0, y, 9, PANGO_WEIGHT_NORMAL, w, PANGO_ALIGN_CENTER, &ink_secondary);
  y += 18;

  y += draw_score_bar (cr, _ ("Leadership"), point->leadership, threshold, 0, y, w, colour) + 8;
  y += draw_score_bar (cr, _ ("Management"), point->management, threshold, 0, y, w, colour) + 16;

  /* The quadrant, in a box tinted with its colour and marked with its shape. */
  box_y = y;
  text_x = 44;
  text_width = w - text_x - 16;
  box_height
    = 14
      + measure_text (cr, th_quadrant_get_display_name (quadrant), 15, PANGO_WEIGHT_BOLD,
                      text_width)
      + 4
      + measure_text (cr, th_chart_tips_get_summary (quadrant), 11, PANGO_WEIGHT_NORMAL, text_width)
      + 14;
  rounded_rectangle (cr, 0, box_y, w, box_height, 8);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.14);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, 0.7);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  th_quadrant_chart_path_marker (cr, quadrant, 22, box_y + 23, 8);
  set_rgb (cr, colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  y = box_y + 14;
  y += draw_text (cr, th_quadrant_get_display_name (quadrant), text_x, y, 15, PANGO_WEIGHT_BOLD,
                  text_width, PANGO_ALIGN_LEFT, text_colour);
  y += 4;
  draw_text (cr, th_chart_tips_get_summary (quadrant), text_x, y, 11, PANGO_WEIGHT_NORMAL,
             text_width, PANGO_ALIGN_LEFT, &ink);
  y = box_y + box_height + 18;

  y += draw_text (cr, _ ("What to practise next"), 0, y, 14, PANGO_WEIGHT_BOLD, w, PANGO_ALIGN_LEFT,
                  &ink);
  y += 2;
  y += draw_text (cr, th_chart_tips_get_heading (quadrant), 0, y, 11, PANGO_WEIGHT_NORMAL, w,
                  PANGO_ALIGN_LEFT, &ink_secondary);
  y += 8;
  for (guint i = 0; i < th_chart_tips_get_n_steps (quadrant); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double step_height;

      draw_badge (cr, number, 9, y + 8, 9, 10, colour, &ink);
      step_height = draw_text (cr, th_chart_tips_get_step (quadrant, i), 28, y, 11.5,
                               PANGO_WEIGHT_NORMAL, w - 28, PANGO_ALIGN_LEFT, &ink);
      y += MAX (step_height, 18) + 8;
    }

  /* At the foot of the page, unless the steps ran long. */
  footer_y = MAX (y + 6, height - 2 * margin - 14);

  /* The sort result goes to the participant alone, so it is on their page. */
  if (scores.sorted > 0)
    {
      ThDeck *deck = th_session_get_deck (self->session);

      /* Translators: on a participant's handout, e.g. "You sorted 20 of the
       * 24 behaviour cards the way the article would." */
      sorted = g_strdup_printf (_ ("You sorted %u of the %u behaviour cards the way the article "
                                   "would."),
                                scores.correct, th_deck_get_n_behaviours (deck));
      draw_text (cr, sorted, 0, footer_y, 9, PANGO_WEIGHT_NORMAL, w, PANGO_ALIGN_LEFT,
                 &ink_secondary);
    }
  draw_text (cr, "Two Hats", 0, footer_y, 9, PANGO_WEIGHT_BOLD, w, PANGO_ALIGN_RIGHT,
             &ink_secondary);
}

/* Cards ------------------------------------------------------------------------- */

static void
card_grid (double width, double height, guint *columns, guint *rows)
{
  gboolean landscape = width > height;

  *columns = landscape ? CARD_ROWS_PORTRAIT : CARD_COLUMNS_PORTRAIT;
  *rows = landscape ? CARD_COLUMNS_PORTRAIT : CARD_ROWS_PORTRAIT;
}

static double
cards_header_height (void)
{
  return 26;
}

static void
draw_cut_line (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  static const double dashes[] = { 5, 3 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_card (cairo_t *cr, ThBehaviour *behaviour, guint number, double x, double y, double w,
           double h)
{
  g_autofree char *label = g_strdup_printf ("%u", number);
  g_autoptr (PangoLayout) text = NULL;
  double pad = MIN (w, h) * 0.1;
  double text_width = w - 2 * pad;
  double size = 15;
  double text_height;

  /* The number ties a card to the answer key and to the results typed in
   * later; it says nothing about the answer. */
  draw_badge (cr, label, x + pad * 0.6 + 9, y + pad * 0.6 + 9, 9, 9, &badge_grey, &ink_secondary);
  draw_text (cr, _ ("Behaviour"), x + pad * 0.6 + 24, y + pad * 0.6 + 2.5, 8, PANGO_WEIGHT_NORMAL,
             w - pad * 1.2 - 24, PANGO_ALIGN_LEFT, &ink_secondary);

  /* Long texts step down in size rather than run out of the card. */
  for (;;)
    {
      g_clear_object (&text);
      text = make_layout (cr, th_behaviour_get_text (behaviour), size, PANGO_WEIGHT_NORMAL,
                          text_width, PANGO_ALIGN_CENTER);
      text_height = layout_height (text);
      if (text_height <= h - 2 * pad - 24 || size <= 9)
        break;
      size -= 1;
    }

  set_rgb (cr, &ink);
  cairo_move_to (cr, x + pad, y + (h - text_height) / 2 + 4);
  pango_cairo_show_layout (cr, text);

  draw_text (cr, _ ("Leadership or management?"), x + pad, y + h - pad * 0.6 - 11, 8,
             PANGO_WEIGHT_NORMAL, text_width, PANGO_ALIGN_CENTER, &hint_grey);
}

static void
draw_cards_page (ThPrintOperation *self, cairo_t *cr, double width, double height, guint page)
{
  ThDeck *deck = th_session_get_deck (self->session);
  guint n_behaviours = th_deck_get_n_behaviours (deck);
  guint columns, rows, per_page;
  g_autofree char *left = NULL;
  double header = cards_header_height ();
  double cell_w, cell_h, grid_h;
  guint first;
  guint on_page;
  guint used_rows;

  card_grid (width, height, &columns, &rows);
  per_page = columns * rows;
  first = page * per_page;
  on_page = MIN (per_page, n_behaviours - first);
  used_rows = (on_page + columns - 1) / columns;

  /* Translators: the header of a sheet of behaviour cards, e.g.
   * "Behaviour cards · sheet 1 of 3 · cut along the dashed lines". */
  left = g_strdup_printf (_ ("Behaviour cards · sheet %u of %u · cut along the dashed lines"),
                          page + 1, self->n_card_pages);
  draw_running_header (cr, self->session, left, width);

  grid_h = height - header;
  cell_w = width / columns;
  cell_h = grid_h / rows;

  cairo_save (cr);
  cairo_translate (cr, 0, header);

  for (guint i = 0; i < on_page; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, first + i);

      draw_card (cr, behaviour, first + i + 1, (i % columns) * cell_w, (i / columns) * cell_h,
                 cell_w, cell_h);
    }

  /* Cut lines run the full length so that a paper cutter can follow them. */
  for (guint r = 0; r <= used_rows; r++)
    draw_cut_line (cr, 0, r * cell_h, width, r * cell_h);
  for (guint c = 0; c <= columns; c++)
    draw_cut_line (cr, c * cell_w, 0, c * cell_w, used_rows * cell_h);

  /* A pair of scissors where the first cut starts. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 4, -7, 16, 14);
  cairo_fill (cr);
  draw_text (cr, "✂", 5, -7, 11, PANGO_WEIGHT_NORMAL, -1, PANGO_ALIGN_LEFT, &ink_secondary);

  cairo_restore (cr);
}

/* The answer key is a table: number, behaviour, hat and why. */
typedef struct
{
  double number;
  double text;
  double key;
  double why;
} AnswerColumns;

static void
answer_columns (double width, AnswerColumns *c)
{
  c->number = 0;
  c->text = 26;
  c->key = c->text + (width - 26) * 0.45;
  c->why = c->key + 76;
}

static const char *
side_name (ThSide side)
{
  return side == TH_SIDE_LEADERSHIP ? _ ("Leadership") : _ ("Management");
}

static double
answer_row_height (cairo_t *cr, ThBehaviour *behaviour, double width)
{
  AnswerColumns c;
  const char *why = th_behaviour_get_why (behaviour);
  double text, reason;

  answer_columns (width, &c);
  text = measure_text (cr, th_behaviour_get_text (behaviour), ANSWER_TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                       c.key - c.text - 10);
  reason
    = why != NULL ? measure_text (cr, why, ANSWER_WHY_SIZE, PANGO_WEIGHT_NORMAL, width - c.why) : 0;

  return MAX (text, reason) + 7;
}

static double
answer_title_height (void)
{
  return 56;
}

static double
answer_table_header_height (void)
{
  return 22;
}

static void
paginate_answers (ThPrintOperation *self, cairo_t *cr, double width, double height)
{
  ThDeck *deck = th_session_get_deck (self->session);
  guint n = th_deck_get_n_behaviours (deck);
  AnswerPage page = { 0, 0 };
  double header = cards_header_height ();
  double y = header + answer_title_height () + answer_table_header_height ();

  g_array_set_size (self->answer_pages, 0);

  for (guint i = 0; i < n; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      double row = answer_row_height (cr, behaviour, width);

      if (y + row > height && page.count > 0)
        {
          g_array_append_val (self->answer_pages, page);
          page = (AnswerPage){ i, 0 };
          y = header + answer_table_header_height ();
        }
      y += row;
      page.count++;
    }

  if (page.count > 0)
    g_array_append_val (self->answer_pages, page);
}

static void
draw_answer_page (ThPrintOperation *self, cairo_t *cr, double width, double height, guint index)
{
  ThDeck *deck = th_session_get_deck (self->session);
  const AnswerPage *page = &g_array_index (self->answer_pages, AnswerPage, index);
  AnswerColumns c;
  g_autofree char *left = NULL;
  double y;

  answer_columns (width, &c);

  /* Translators: the header of the answer key pages, e.g. "Answer key · page 1 of 2". */
  left = g_strdup_printf (_ ("Answer key · page %u of %u"), index + 1, self->answer_pages->len);
  draw_running_header (cr, self->session, left, width);
  y = cards_header_height ();

  if (index == 0)
    {
      y += draw_text (cr, _ ("Answer key"), 0, y, 20, PANGO_WEIGHT_BOLD, width, PANGO_ALIGN_LEFT,
                      &ink);
      y += 4;
      draw_text (cr,
                 _ ("Which hat each behaviour belongs to, and why. Keep this page apart until "
                    "the cards have been sorted."),
                 0, y, 10, PANGO_WEIGHT_NORMAL, width, PANGO_ALIGN_LEFT, &ink_secondary);
      y = cards_header_height () + answer_title_height ();
    }

  draw_text (cr, "#", c.number, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, &ink_secondary);
  draw_text (cr, _ ("Behaviour"), c.text, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT,
             &ink_secondary);
  draw_text (cr, _ ("Hat"), c.key, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, &ink_secondary);
  draw_text (cr, _ ("Why"), c.why, y, 8.5, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT, &ink_secondary);
  y += answer_table_header_height () - 6;
  set_rgb (cr, &ink_secondary);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  y += 6;

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      ThSide key = th_behaviour_get_key (behaviour);
      const ThQuadrant tone
        = key == TH_SIDE_LEADERSHIP ? TH_QUADRANT_LEADERSHIP_DRIVEN : TH_QUADRANT_MANAGEMENT_DRIVEN;
      const char *why = th_behaviour_get_why (behaviour);
      double row = answer_row_height (cr, behaviour, width);

      draw_text (cr, number, c.number, y, ANSWER_TEXT_SIZE, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT,
                 &ink);
      draw_text (cr, th_behaviour_get_text (behaviour), c.text, y, 9.5, PANGO_WEIGHT_NORMAL,
                 c.key - c.text - 10, PANGO_ALIGN_LEFT, &ink);
      draw_text (cr, side_name (key), c.key, y, ANSWER_TEXT_SIZE, PANGO_WEIGHT_BOLD, -1,
                 PANGO_ALIGN_LEFT, &quadrant_text_colours[tone]);
      if (why != NULL)
        draw_text (cr, why, c.why, y + 0.5, ANSWER_WHY_SIZE, PANGO_WEIGHT_NORMAL, width - c.why,
                   PANGO_ALIGN_LEFT, &ink_secondary);

      y += row;
      set_rgb (cr, &rule);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, 0, y - 5);
      cairo_line_to (cr, width, y - 5);
      cairo_stroke (cr);
    }
}

/* GtkPrintOperation -------------------------------------------------------- */

static ThQuadrantChart *
new_print_chart (ThPrintOperation *self)
{
  ThQuadrantChart *chart = th_quadrant_chart_new ();

  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_PRINT);
  th_quadrant_chart_set_session (chart, self->session);
  return chart;
}

static void
th_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n_pages = 1;

  g_clear_object (&self->chart);

  switch (self->mode)
    {
      case TH_PRINT_MODE_CHART:
        self->chart = new_print_chart (self);
        th_quadrant_chart_set_anonymous (self->chart, self->anonymous);
        break;

      case TH_PRINT_MODE_HANDOUTS:
        self->chart = new_print_chart (self);
        th_quadrant_chart_set_anonymous (self->chart, TRUE);
        th_quadrant_chart_set_show_header (self->chart, FALSE);
        n_pages = MAX (1, th_quadrant_chart_get_n_points (self->chart));
        break;

      case TH_PRINT_MODE_CARDS:
        {
          guint columns, rows;
          guint n = th_deck_get_n_behaviours (th_session_get_deck (self->session));

          card_grid (width, height, &columns, &rows);
          self->n_card_pages = MAX (1, (n + columns * rows - 1) / (columns * rows));
          g_array_set_size (self->answer_pages, 0);
          if (self->answer_sheet)
            paginate_answers (self, gtk_print_context_get_cairo_context (context), width, height);
          n_pages = self->n_card_pages + self->answer_pages->len;
        }
        break;

      default:
        g_assert_not_reached ();
    }

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
th_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  cairo_save (cr);

  switch (self->mode)
    {
      case TH_PRINT_MODE_CHART:
        draw_chart_page (self, cr, width, height);
        break;
      case TH_PRINT_MODE_HANDOUTS:
        draw_handout_page (self, cr, width, height, (guint)page_nr);
        break;
      case TH_PRINT_MODE_CARDS:
        if ((guint)page_nr < self->n_card_pages)
          draw_cards_page (self, cr, width, height, (guint)page_nr);
        else
          draw_answer_page (self, cr, width, height, (guint)page_nr - self->n_card_pages);
        break;
      default:
        g_assert_not_reached ();
    }

  cairo_restore (cr);
}

static void
th_print_operation_end_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);

  g_clear_object (&self->chart);
}

/* A tab of our own in the print dialog for what only this mode has. */
static GtkWidget *
th_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  GtkWidget *box;

  if (self->mode == TH_PRINT_MODE_HANDOUTS)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  if (self->mode == TH_PRINT_MODE_CHART)
    {
      self->custom_check = gtk_check_button_new_with_mnemonic (_ ("_Numbers instead of names"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), self->anonymous);
    }
  else
    {
      self->custom_check
        = gtk_check_button_new_with_mnemonic (_ ("_Add an answer key after the cards"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), self->answer_sheet);
    }
  gtk_box_append (GTK_BOX (box), self->custom_check);

  return box;
}

static void
th_print_operation_custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  gboolean active;

  if (self->custom_check == NULL)
    return;

  active = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->custom_check));
  if (self->mode == TH_PRINT_MODE_CHART)
    th_print_operation_set_anonymous (self, active);
  else
    th_print_operation_set_answer_sheet (self, active);
  self->custom_check = NULL;
}

/* Settings ------------------------------------------------------------------ */

char *
th_print_operation_dup_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "two-hats", "print.ini", NULL);
}

static const char *
page_setup_group (ThPrintMode mode)
{
  switch (mode)
    {
      case TH_PRINT_MODE_HANDOUTS:
        return "Page Setup Handouts";
      case TH_PRINT_MODE_CARDS:
        return "Page Setup Cards";
      case TH_PRINT_MODE_CHART:
      default:
        return "Page Setup Chart";
    }
}

static void
load_settings (ThPrintOperation *self)
{
  g_autofree char *path = th_print_operation_dup_settings_path ();
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;

  /* A missing or broken file just means the defaults. */
  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    {
      settings = gtk_print_settings_new_from_key_file (key_file, SETTINGS_GROUP, NULL);
      page_setup = gtk_page_setup_new_from_key_file (key_file, page_setup_group (self->mode), NULL);
    }

  if (page_setup == NULL)
    {
      /* The paper size follows the locale (A4 or Letter); a chart is wider
       * than tall, so it starts in landscape. */
      page_setup = gtk_page_setup_new ();
      if (self->mode == TH_PRINT_MODE_CHART)
        gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

gboolean
th_print_operation_save_settings (ThPrintOperation *self, GError **error)
{
  g_autofree char *path = th_print_operation_dup_settings_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;

  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), FALSE);

  /* Keep the other modes' page setups. */
  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (settings != NULL)
    {
      g_key_file_remove_group (key_file, SETTINGS_GROUP, NULL);
      gtk_print_settings_to_key_file (settings, key_file, SETTINGS_GROUP);
    }

  /* With the page setup embedded in the dialog, the paper and orientation
   * the user picked come back in the print settings; anything they do not
   * name stays as it was. */
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  if (page_setup != NULL)
    {
      g_autoptr (GtkPageSetup) chosen = gtk_page_setup_copy (page_setup);

      if (settings != NULL && gtk_print_settings_has_key (settings, GTK_PRINT_SETTINGS_ORIENTATION))
        gtk_page_setup_set_orientation (chosen, gtk_print_settings_get_orientation (settings));
      if (settings != NULL
          && gtk_print_settings_has_key (settings, GTK_PRINT_SETTINGS_PAPER_FORMAT))
        {
          GtkPaperSize *paper = gtk_print_settings_get_paper_size (settings);

          if (paper != NULL)
            {
              gtk_page_setup_set_paper_size_and_default_margins (chosen, paper);
              gtk_paper_size_free (paper);
            }
        }

      g_key_file_remove_group (key_file, page_setup_group (self->mode), NULL);
      gtk_page_setup_to_key_file (chosen, key_file, page_setup_group (self->mode));
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (key_file, path, error);
}

static void
show_error (GtkWindow *parent, const GError *error)
{
  GtkWidget *dialog
    = adw_message_dialog_new (parent, _ ("Could Not Print"), error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (ThPrintOperation *self, GtkPrintOperationResult result, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (!th_print_operation_save_settings (self, &error))
        g_warning ("Could not remember the print settings: %s", error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->error_shown)
    {
      gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
      self->error_shown = TRUE;
      show_error (parent, error);
    }
}

void
th_print_operation_run_dialog (ThPrintOperation *self, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (TH_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  /* The operation keeps itself alive until "done"; the parent must too. */
  g_signal_connect_object (self, "done", G_CALLBACK (done_cb), parent, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->error_shown)
    {
      self->error_shown = TRUE;
      show_error (parent, error);
    }
}

/* GObject ------------------------------------------------------------------- */

ThPrintOperation *
th_print_operation_new (ThSession *session, ThPrintMode mode)
{
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  return g_object_new (TH_TYPE_PRINT_OPERATION, "session", session, "mode", mode, NULL);
}

ThSession *
th_print_operation_get_session (ThPrintOperation *self)
{
  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), NULL);

  return self->session;
}

ThPrintMode
th_print_operation_get_mode (ThPrintOperation *self)
{
  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), TH_PRINT_MODE_CHART);

  return self->mode;
}

void
th_print_operation_set_anonymous (ThPrintOperation *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_PRINT_OPERATION (self));

  anonymous = !!anonymous;
  if (self->anonymous == anonymous)
    return;

  self->anonymous = anonymous;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMOUS]);
}

gboolean
th_print_operation_get_anonymous (ThPrintOperation *self)
{
  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), FALSE);

  return self->anonymous;
}

void
th_print_operation_set_answer_sheet (ThPrintOperation *self, gboolean answer_sheet)
{
  g_return_if_fail (TH_IS_PRINT_OPERATION (self));

  answer_sheet = !!answer_sheet;
  if (self->answer_sheet == answer_sheet)
    return;

  self->answer_sheet = answer_sheet;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_SHEET]);
}

gboolean
th_print_operation_get_answer_sheet (ThPrintOperation *self)
{
  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), FALSE);

  return self->answer_sheet;
}

static void
th_print_operation_constructed (GObject *object)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  const char *job_name;

  G_OBJECT_CLASS (th_print_operation_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  switch (self->mode)
    {
      case TH_PRINT_MODE_HANDOUTS:
        job_name = _ ("Handouts");
        break;
      case TH_PRINT_MODE_CARDS:
        job_name = _ ("Behaviour Cards");
        gtk_print_operation_set_custom_tab_label (operation, _ ("Cards"));
        break;
      case TH_PRINT_MODE_CHART:
      default:
        job_name = _ ("Quadrant Chart");
        gtk_print_operation_set_custom_tab_label (operation, _ ("Chart"));
        break;
    }

  {
    g_autofree char *name = g_strdup_printf ("%s — %s", session_title (self->session), job_name);

    gtk_print_operation_set_job_name (operation, name);
  }

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  load_settings (self);
}

static void
th_print_operation_dispose (GObject *object)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);

  g_clear_object (&self->chart);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (th_print_operation_parent_class)->dispose (object);
}

static void
th_print_operation_finalize (GObject *object)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);

  g_clear_pointer (&self->answer_pages, g_array_unref);

  G_OBJECT_CLASS (th_print_operation_parent_class)->finalize (object);
}

static void
th_print_operation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;
      case PROP_MODE:
        g_value_set_enum (value, self->mode);
        break;
      case PROP_ANONYMOUS:
        g_value_set_boolean (value, self->anonymous);
        break;
      case PROP_ANSWER_SHEET:
        g_value_set_boolean (value, self->answer_sheet);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_print_operation_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        self->session = g_value_dup_object (value);
        break;
      case PROP_MODE:
        self->mode = g_value_get_enum (value);
        break;
      case PROP_ANONYMOUS:
        th_print_operation_set_anonymous (self, g_value_get_boolean (value));
        break;
      case PROP_ANSWER_SHEET:
        th_print_operation_set_answer_sheet (self, g_value_get_boolean (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_print_operation_class_init (ThPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = th_print_operation_constructed;
  object_class->dispose = th_print_operation_dispose;
  object_class->finalize = th_print_operation_finalize;
  object_class->get_property = th_print_operation_get_property;
  object_class->set_property = th_print_operation_set_property;

  operation_class->begin_print = th_print_operation_begin_print;
  operation_class->draw_page = th_print_operation_draw_page;
  operation_class->end_print = th_print_operation_end_print;
  operation_class->create_custom_widget = th_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = th_print_operation_custom_widget_apply;

  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE]
    = g_param_spec_enum ("mode", NULL, NULL, TH_TYPE_PRINT_MODE, TH_PRINT_MODE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANONYMOUS]
    = g_param_spec_boolean ("anonymous", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER_SHEET]
    = g_param_spec_boolean ("answer-sheet", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_print_operation_init (ThPrintOperation *self)
{
  self->answer_sheet = TRUE;
  self->answer_pages = g_array_new (FALSE, FALSE, sizeof (AnswerPage));
}
