/* fuzz-session.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Session files from strangers, along the path `two-hats --export-csv` and
 * `--export-chart` take: load, score, write CSV, draw the chart, save.
 * Besides "no crash", it checks what the formats promise: scores between 0
 * and 100, one CSV record of seven fields per participant with the name
 * intact, and a saved session that reads back the same. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-util.h"
#include "th-csv.h"
#include "th-error.h"
#include "th-quadrant-chart.h"
#include "th-session.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  th_fuzz_init ();
  return 0;
}

/* Splits RFC 4180 text into records of fields, as a spreadsheet would. */
static GPtrArray *
read_csv (const char *data, gsize length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            g_string_append_c (field, data[++i]);
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\n')
        {
          g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, g_steal_pointer (&record));
          record = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, c);
    }

  /* Every record ends with a line break, so nothing may be left over. */
  TH_FUZZ_CHECK (!quoted && field->len == 0 && record->len == 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);

  return records;
}

static void
check_scores (ThSession *session)
{
  ThDeck *deck = th_session_get_deck (session);
  guint n = th_session_get_n_participants (session);

  for (guint i = 0; i < n; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      ThScores scores;

      th_session_compute_scores (session, participant, &scores);
      if (scores.has_leadership)
        TH_FUZZ_CHECK (scores.leadership >= 0.0 && scores.leadership <= 100.0);
      if (scores.has_management)
        TH_FUZZ_CHECK (scores.management >= 0.0 && scores.management <= 100.0);
      TH_FUZZ_CHECK ((scores.quadrant != TH_QUADRANT_NONE)
                     == (scores.has_leadership && scores.has_management));
      TH_FUZZ_CHECK (scores.correct <= scores.sorted);
      TH_FUZZ_CHECK (scores.sorted <= th_deck_get_n_behaviours (deck));
      TH_FUZZ_CHECK (scores.rated <= th_deck_get_n_behaviours (deck));
    }

  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, i));
      double percent = -1.0;
      guint n_sorted = 0;

      if (th_session_get_agreement (session, id, &percent, &n_sorted))
        TH_FUZZ_CHECK (percent >= 0.0 && percent <= 100.0 && n_sorted > 0 && n_sorted <= n);
    }
}

static void
check_csv (ThSession *session)
{
  g_autoptr (GBytes) csv = th_session_to_csv (session, FALSE);
  g_autoptr (GBytes) anonymous = th_session_to_csv (session, TRUE);
  g_autoptr (GPtrArray) records = NULL;
  gsize length;
  const char *data = g_bytes_get_data (csv, &length);

  records = read_csv (data, length);
  TH_FUZZ_CHECK (records->len == th_session_get_n_participants (session) + 1);

  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      TH_FUZZ_CHECK (record->len == 7);
      if (i > 0)
        {
          ThParticipant *participant = th_session_get_participant (session, i - 1);

          TH_FUZZ_CHECK (strcmp (g_ptr_array_index (record, 0), th_participant_get_id (participant))
                         == 0);
          TH_FUZZ_CHECK (
            strcmp (g_ptr_array_index (record, 1), th_participant_get_name (participant)) == 0);
        }
    }

  data = g_bytes_get_data (anonymous, &length);
  g_ptr_array_unref (read_csv (data, length));
}

static void
check_chart (ThSession *session)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
  cairo_t *cr = cairo_create (surface);
  const ThChartDotLayout *layout;
  guint n_dots = 0;

  /* Small, so that a draw costs little; names of any script still go
   * through pango's layout and the label placer. */
  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_draw (chart, cr, 320, 240);
  layout = th_quadrant_chart_get_layout (chart, &n_dots);
  TH_FUZZ_CHECK (n_dots == th_quadrant_chart_get_n_points (chart));
  for (guint i = 0; i < n_dots; i++)
    TH_FUZZ_CHECK (isfinite (layout[i].x) && isfinite (layout[i].y));
  th_quadrant_chart_hit_test (chart, 160, 120);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
check_round_trip (ThSession *session)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0, length_again = 0;

  text = th_session_to_data (session, &length);
  again = th_session_new_from_data (text, length, &error);
  if (again == NULL)
    {
      fprintf (stderr, "a session that was accepted does not read back: %s\n", error->message);
      abort ();
    }

  /* Saving what was loaded from a save changes nothing. */
  text_again = th_session_to_data (again, &length_again);
  TH_FUZZ_CHECK (length == length_again && memcmp (text, text_again, length) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  session = th_session_new_from_data ((const char *)data, size, &error);
  if (session == NULL)
    {
      TH_FUZZ_CHECK (error != NULL && error->domain == TH_ERROR);
      TH_FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  TH_FUZZ_CHECK (error == NULL);

  check_scores (session);
  check_csv (session);
  check_chart (session);
  check_round_trip (session);

  return 0;
}
