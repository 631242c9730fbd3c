/* Copyright 2026 The Two Hats authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Participants come from everywhere: the fonts the install step puts on
 * the machine must draw a name in any script they type, in the chart's
 * font at both weights it uses, without a single missing-glyph box.
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "th-chart-palette.h"

typedef struct
{
  const char *script;
  const char *name;
} Name;

static const Name names[] = {
  { "Latin", "Zoë Quinn" },
  { "Latin-extended", "Łukasz Żółć" },
  { "Vietnamese", "Nguyễn Thị Hương" },
  { "Cyrillic", "Ольга Петрова" },
  { "Greek", "Ελένη Παπαδοπούλου" },
  { "Arabic", "سارة الحربي" },
  { "Hebrew", "דוד כהן" },
  { "Devanagari", "प्रिया शर्मा" },
  { "Thai", "สมชาย ใจดี" },
  { "Chinese", "李娜" },
  { "Japanese", "田中ゆき" },
  { "Korean", "김민준" },
  { "Emoji", "Mateo 🎩" },
  { "Emoji-sequence", "Sam 👩🏽‍💻" },
};

static void
test_script (gconstpointer data)
{
  const Name *name = data;
  const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_BOLD };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  for (gsize i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (context);
      g_autoptr (PangoFontDescription) desc
        = pango_font_description_from_string (TH_CHART_FONT_FAMILY);
      int unknown;

      pango_font_description_set_absolute_size (desc, 14 * PANGO_SCALE);
      pango_font_description_set_weight (desc, weights[i]);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, name->name, -1);

      unknown = pango_layout_get_unknown_glyphs_count (layout);
      if (unknown != 0)
        g_test_message ("%s name “%s” at weight %d: %d characters have no glyph", name->script,
                        name->name, weights[i], unknown);
      g_assert_cmpint (unknown, ==, 0);
    }
  g_object_unref (context);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *script = g_ascii_strdown (names[i].script, -1);
      g_autofree char *path = g_strdup_printf ("/chart/scripts/%s", script);

      g_test_add_data_func (path, &names[i], test_script);
    }

  return g_test_run ();
}
