/* th-chart-palette.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-chart-palette.h"

#define RGB(hex, alpha)                                                                            \
  {                                                                                                \
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, alpha         \
  }

/* Okabe–Ito colours, chosen to stay apart for every common colour-vision
 * deficiency: bluish green, blue, orange and reddish purple, in the order
 * of the quadrants (balanced, leadership-driven, management-driven,
 * developing).  Leadership is blue and management orange, as on the
 * boards, the cards and the participants' page.  The quadrant
 * names use darker (or, on dark backgrounds, lighter) versions of the same
 * hues so that they keep a text contrast of at least 4.5:1 on their tints. */
#define OKABE_ITO_DOTS                                                                             \
  {                                                                                                \
    RGB (0x000000, 1), RGB (0x009e73, 1), RGB (0x0072b2, 1), RGB (0xe69f00, 1), RGB (0xcc79a7, 1)  \
  }

/* The quadrant names on white, on screen and on paper alike. */
#define OKABE_ITO_TEXT_ON_WHITE                                                                    \
  {                                                                                                \
    RGB (0x000000, 1), RGB (0x006b4f, 1), RGB (0x00588a, 1), RGB (0x8a5a00, 1), RGB (0x99406f, 1)  \
  }

/* clang-format off */
static const ThChartPalette palettes[] = {
  [TH_CHART_STYLE_LIGHT] = {
    .fill_background = TRUE,
    .background = RGB (0xffffff, 1),
    .ink = RGB (0x1e1e1e, 1),
    .ink_secondary = RGB (0x5e5c64, 1),
    .grid = RGB (0x000000, 0.08),
    .frame = RGB (0x000000, 0.35),
    .threshold = RGB (0x1e1e1e, 0.75),
    .label_background = RGB (0xffffff, 0.82),
    .leader = RGB (0x1e1e1e, 0.55),
    .dot_outline = RGB (0xffffff, 1),
    .tint_alpha = 0.13,
    .crowd_alpha = 0.55,
    .line_scale = 1.0,
    .dot = OKABE_ITO_DOTS,
    .text = OKABE_ITO_TEXT_ON_WHITE,
  },
  [TH_CHART_STYLE_DARK] = {
    .fill_background = TRUE,
    .background = RGB (0x242424, 1),
    .ink = RGB (0xf6f5f4, 1),
    .ink_secondary = RGB (0xc0bfbc, 1),
    .grid = RGB (0xffffff, 0.09),
    .frame = RGB (0xffffff, 0.35),
    .threshold = RGB (0xf6f5f4, 0.75),
    .label_background = RGB (0x242424, 0.82),
    .leader = RGB (0xf6f5f4, 0.55),
    .dot_outline = RGB (0x242424, 1),
    .tint_alpha = 0.2,
    /* Okabe–Ito blue is dark: on a dark tint, half of it would vanish. */
    .crowd_alpha = 0.85,
    .line_scale = 1.0,
    .dot = OKABE_ITO_DOTS,
    .text = { RGB (0x000000, 1), RGB (0x63d7b2, 1), RGB (0x7cc0ee, 1),
              RGB (0xf5c04d, 1), RGB (0xe8a9cf, 1) },
  },
  [TH_CHART_STYLE_HIGH_CONTRAST] = {
    .fill_background = TRUE,
    .background = RGB (0xffffff, 1),
    .ink = RGB (0x000000, 1),
    .ink_secondary = RGB (0x000000, 1),
    .grid = RGB (0x000000, 0.25),
    .frame = RGB (0x000000, 1),
    .threshold = RGB (0x000000, 1),
    .label_background = RGB (0xffffff, 0.92),
    .leader = RGB (0x000000, 1),
    .dot_outline = RGB (0x000000, 1),
    .tint_alpha = 0.22,
    .crowd_alpha = 0.7,
    .line_scale = 1.5,
    .dot = OKABE_ITO_DOTS,
    .text = { RGB (0x000000, 1), RGB (0x004d38, 1), RGB (0x003d5e, 1),
              RGB (0x5c3c00, 1), RGB (0x6b2a4d, 1) },
  },
  /* Paper: black ink, and tints a little stronger because printers lose
   * the palest ones. */
  [TH_CHART_STYLE_PRINT] = {
    .fill_background = FALSE,
    .background = RGB (0xffffff, 1),
    .ink = RGB (0x000000, 1),
    .ink_secondary = RGB (0x3d3846, 1),
    .grid = RGB (0x000000, 0.12),
    .frame = RGB (0x000000, 0.5),
    .threshold = RGB (0x000000, 0.8),
    .label_background = RGB (0xffffff, 0.85),
    .leader = RGB (0x000000, 0.6),
    .dot_outline = RGB (0xffffff, 1),
    .tint_alpha = 0.16,
    .crowd_alpha = 0.55,
    .line_scale = 1.0,
    .dot = OKABE_ITO_DOTS,
    .text = OKABE_ITO_TEXT_ON_WHITE,
  },
};
/* clang-format on */

static const ThPagePalette page_palette = {
  .chart = &palettes[TH_CHART_STYLE_LIGHT],
  .rule = RGB (0xc0bfbc, 1),
  .hint = RGB (0x9a9996, 1),
  .badge = RGB (0xebebeb, 1),
  .track = { 0.9, 0.9, 0.9, 1 },
  .cut = { 0.45, 0.45, 0.45, 1 },
};

const ThChartPalette *
th_chart_palette_get (ThChartStyle style)
{
  g_return_val_if_fail (style <= TH_CHART_STYLE_PRINT, &palettes[TH_CHART_STYLE_LIGHT]);

  return &palettes[style];
}

void
th_chart_set_source (cairo_t *cr, const ThChartRgba *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

const ThPagePalette *
th_page_palette_get (void)
{
  return &page_palette;
}
