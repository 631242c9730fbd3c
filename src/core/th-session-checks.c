/* th-session-checks.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules of a session file (docs/session-format.md) that both readers
 * apply: the json-glib tree reader and the streaming reader call these,
 * in the same order, so that a file gets the same message whichever reads
 * it.  Each takes a value already read and of the right JSON type.  The
 * type rules come before them and are shared too, in th-json.c: each
 * reader tells what it found (a node, or the pull reader's kind and the
 * text of a number) and th-json.c words the refusal.  The checks of a
 * key of the answers and of a rating serve the room as well
 * (th-session-checks.h), so that a phone's bad answer gets the words a
 * file's would. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-participant.h"
#include "th-session-checks.h"
#include "th-session-private.h"
#include "th-types.h"

gboolean
th_session_check_created (const char *created, const ThJsonPath *path, GDateTime **out,
                          GError **error)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *quoted = NULL;

  /* A time without a zone is read as UTC rather than refused. */
  *out = g_date_time_new_from_iso8601 (created, utc);
  if (*out != NULL)
    return TRUE;

  quoted = th_json_quote (created);
  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not an ISO 8601 date and time"),
                     quoted);
  return FALSE;
}

gboolean
th_session_check_threshold (double threshold, const ThJsonPath *path, GError **error)
{
  g_autofree char *text = NULL;

  if (threshold >= 1.0 && threshold <= 99.0)
    return TRUE;

  text = th_json_format_number (threshold);
  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not between 1 and 99"), text);
  return FALSE;
}

gboolean
th_session_check_n_participants (guint n_participants, const ThJsonPath *path, GError **error)
{
  if (n_participants <= TH_MAX_PARTICIPANTS)
    return TRUE;

  th_json_set_error (error, TH_ERROR_TOO_LARGE, path, _ ("%u entries, more than the limit of %d"),
                     n_participants, TH_MAX_PARTICIPANTS);
  return FALSE;
}

gboolean
th_session_check_participant_id (const char *id, const ThJsonPath *path, GHashTable *positions,
                                 GError **error)
{
  guint earlier;

  if (!th_json_check_id (id, path, error))
    return FALSE;

  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (positions, id));
  if (earlier > 0)
    {
      g_autofree char *quoted = th_json_quote (id);

      th_json_set_error (error, TH_ERROR_INVALID, path,
                         _ ("%s is already the id of participants[%u]"), quoted, earlier - 1);
      return FALSE;
    }

  return TRUE;
}

gboolean
th_session_check_name (const char *name, const ThJsonPath *path, GError **error)
{
  guint n_chars = 0;

  if (name[0] == '\0')
    {
      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("a name needs at least one character"));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      if (g_unichar_iscntrl (c))
        {
          th_json_set_error (error, TH_ERROR_INVALID, path,
                             _ ("contains a control character (U+%04X)"), c);
          return FALSE;
        }
    }

  if (n_chars > TH_MAX_NAME_CHARS)
    {
      th_json_set_error (error, TH_ERROR_TOO_LARGE, path,
                         _ ("%u characters, more than the limit of %d for a name"), n_chars,
                         TH_MAX_NAME_CHARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
th_session_check_number (gint64 number, const ThJsonPath *path, GHashTable *numbers, guint index,
                         GError **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
  guint earlier;

  if (number < 1)
    {
      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not a positive integer"), text);
      return FALSE;
    }
  if (number > TH_MAX_PARTICIPANT_NUMBER)
    {
      th_json_set_error (error, TH_ERROR_TOO_LARGE, path, _ ("%s is more than the limit of %d"),
                         text, TH_MAX_PARTICIPANT_NUMBER);
      return FALSE;
    }

  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, GUINT_TO_POINTER ((guint)number)));
  if (earlier > 0)
    {
      th_json_set_error (error, TH_ERROR_INVALID, path,
                         _ ("%s is already the number of participants[%u]"), text, earlier - 1);
      return FALSE;
    }

  g_hash_table_insert (numbers, GUINT_TO_POINTER ((guint)number), GUINT_TO_POINTER (index + 1));
  return TRUE;
}

gboolean
th_session_check_order_entry (ThDeck *deck, const char *behaviour_id, int index,
                              const ThJsonPath *path, guint *seen, guint entry, GError **error)
{
  g_autofree char *quoted = NULL;

  if (index < 0)
    {
      quoted = th_json_quote (behaviour_id);
      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not a behaviour of the deck"),
                         quoted);
      return FALSE;
    }

  if (seen[index] > 0)
    {
      quoted = th_json_quote (behaviour_id);
      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is already order[%u]"), quoted,
                         seen[index] - 1);
      return FALSE;
    }

  seen[index] = entry + 1;
  return TRUE;
}

gboolean
th_session_check_behaviour_key (ThDeck *deck, const ThJsonPath *path, const char *behaviour_id,
                                GError **error)
{
  ThJsonPath value_path = TH_JSON_PATH_MEMBER (path, behaviour_id);
  g_autofree char *quoted = NULL;

  if (th_id_is_valid (behaviour_id) && th_deck_lookup_behaviour (deck, behaviour_id) != NULL)
    return TRUE;

  /* A key that is not even an id stays out of the path: it could be
   * anything, and the message quotes it safely instead. */
  quoted = th_json_quote (behaviour_id);
  th_json_set_error (error, TH_ERROR_INVALID, th_id_is_valid (behaviour_id) ? &value_path : path,
                     _ ("%s is not a behaviour of the deck"), quoted);
  return FALSE;
}

gboolean
th_session_check_rating (gint64 rating, const ThJsonPath *path, GError **error)
{
  g_autofree char *text = NULL;

  if (rating >= 1 && rating <= 5)
    return TRUE;

  /* Every digit of it: a double would show 9223372036854775807 as
   * 9.22337203685478e+18. */
  text = g_strdup_printf ("%" G_GINT64_FORMAT, rating);
  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not between 1 and 5"), text);
  return FALSE;
}
