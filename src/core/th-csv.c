/* th-csv.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "th-csv.h"

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside it are doubled. */
static void
append_field (GString *out, const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
th_csv_quote_field (const char *field)
{
  GString *out;

  g_return_val_if_fail (field != NULL, NULL);

  out = g_string_new (NULL);
  append_field (out, field);
  return g_string_free (out, FALSE);
}

/* One decimal with a dot whatever LC_NUMERIC says: printf would write
 * "37,5" under a German locale and break every column after it. */
static void
append_score (GString *out, gboolean defined, double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (defined)
    g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", score));
}

GBytes *
th_session_to_csv (ThSession *session, gboolean anonymous)
{
  GString *out;
  guint n_participants;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  out = g_string_new ("id,name,leadership,management,quadrant,sorted,correct\n");
  n_participants = th_session_get_n_participants (session);

  for (guint i = 0; i < n_participants; i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);
      ThScores scores;
      const char *quadrant;

      th_session_compute_scores (session, participant, &scores);

      append_field (out, th_participant_get_id (participant));
      g_string_append_c (out, ',');

      /* The file format says "Participant N" in English whatever the
       * locale: it is data for other tools, not text for the screen. */
      if (anonymous)
        g_string_append_printf (out, "Participant %u", i + 1);
      else
        append_field (out, th_participant_get_name (participant));
      g_string_append_c (out, ',');

      append_score (out, scores.has_leadership, scores.leadership);
      g_string_append_c (out, ',');
      append_score (out, scores.has_management, scores.management);
      g_string_append_c (out, ',');

      quadrant = th_quadrant_to_id (scores.quadrant);
      if (quadrant != NULL)
        g_string_append (out, quadrant);

      g_string_append_printf (out, ",%u,%u\n", scores.sorted, scores.correct);
    }

  return g_string_free_to_bytes (out);
}
