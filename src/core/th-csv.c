/* th-csv.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "th-csv.h"

/* docs/csv.md, "Spreadsheet formulas are neutralised": a spreadsheet
 * runs a field that starts with one of these as a formula (a name such as
 * =HYPERLINK(…) would send the cells beside it to another site), so such
 * a field gets an apostrophe in front, the way OWASP's guidance on CSV
 * injection has it.  Only the first character counts. */
static gboolean
starts_like_a_formula (const char *field)
{
  switch (field[0])
    {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return TRUE;
      default:
        return FALSE;
    }
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside it are doubled; that applies to the field with its
 * apostrophe, if it got one. */
static void
append_field (GString *out, const char *field)
{
  gboolean neutralise = starts_like_a_formula (field);

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      if (neutralise)
        g_string_append_c (out, '\'');
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
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

static void
append_uint (GString *out, guint value)
{
  char buffer[16];
  char *p = buffer + sizeof buffer;

  do
    {
      *--p = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

/* @value (0 to 100) with one decimal, exactly as printf's "%.1f" writes
 * it, and with a dot whatever LC_NUMERIC says: printf would write "37,5"
 * under a German locale and break every column after it.  g_ascii_formatd()
 * does the same at a tenth of the speed, which a file of 100 000 people
 * notices. */
static void
append_score (GString *out, gboolean defined, double value)
{
  double tenths, rounded, error, offset;
  guint n;

  if (!defined)
    return;

  if (!(value >= 0.0 && value <= 1.0e6) || signbit (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
      return;
    }

  /* printf rounds the exact binary value, halves to even.  value * 10 is
   * tenths + error exactly (fma), so the rounding of the product can be
   * undone where it lands on a half. */
  tenths = value * 10.0;
  error = fma (value, 10.0, -tenths);
  rounded = nearbyint (tenths);
  offset = tenths - rounded;
  if (offset == 0.5 && error > 0.0)
    rounded += 1.0;
  else if (offset == -0.5 && error < 0.0)
    rounded -= 1.0;

  n = (guint)rounded;
  append_uint (out, n / 10);
  g_string_append_c (out, '.');
  g_string_append_c (out, (char)('0' + n % 10));
}

void
th_csv_append_score (GString *out, double value)
{
  append_score (out, TRUE, value);
}

GBytes *
th_session_to_csv (ThSession *session, gboolean anonymous)
{
  GString *out;
  guint n_participants;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  n_participants = th_session_get_n_participants (session);
  /* A line is some 60 bytes: one allocation instead of a dozen doublings. */
  out = g_string_sized_new (64 + (gsize)n_participants * 64);
  g_string_append (out, "id,name,leadership,management,quadrant,sorted,correct\n");

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
        {
          g_string_append (out, "Participant ");
          append_uint (out, th_participant_get_number (participant));
        }
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

      g_string_append_c (out, ',');
      append_uint (out, scores.sorted);
      g_string_append_c (out, ',');
      append_uint (out, scores.correct);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}
