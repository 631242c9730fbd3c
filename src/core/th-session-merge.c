/* th-session-merge.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merging the participants of another workshop into a session, and the
 * report of what the merge did that the window shows. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-participant-private.h"
#include "th-session-private.h"

struct _ThMergeReport
{
  guint n_added;
  guint n_renumbered;
  GPtrArray *renamed;   /* of char *: old id, new id, old id, new id, … */
  GPtrArray *same_name; /* of char *: names */
};

static void
merge_report_clear (gpointer data)
{
  ThMergeReport *report = data;

  g_ptr_array_unref (report->renamed);
  g_ptr_array_unref (report->same_name);
}

ThMergeReport *
th_merge_report_ref (ThMergeReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_atomic_rc_box_acquire (report);
}

void
th_merge_report_unref (ThMergeReport *report)
{
  g_return_if_fail (report != NULL);

  g_atomic_rc_box_release_full (report, merge_report_clear);
}

G_DEFINE_BOXED_TYPE (ThMergeReport, th_merge_report, th_merge_report_ref, th_merge_report_unref)

static ThMergeReport *
merge_report_new (void)
{
  ThMergeReport *report = g_atomic_rc_box_new0 (ThMergeReport);

  report->renamed = g_ptr_array_new_with_free_func (g_free);
  report->same_name = g_ptr_array_new_with_free_func (g_free);
  return report;
}

/* The merge itself; what it does goes into @report when that is not
 * NULL.  Returns FALSE with @error when nothing was merged. */
static gboolean
merge (ThSession *self, ThSession *other, ThMergeReport *report, GError **error)
{
  g_autoptr (GHashTable) names = NULL;
  ThDeck *deck;
  guint first;
  guint n_theirs;

  if (self == other)
    {
      g_set_error (error, TH_ERROR, TH_ERROR_USAGE, _ ("A session cannot be merged into itself"));
      return FALSE;
    }

  deck = th_session_get_deck (self);
  if (!th_deck_check_compatible (deck, th_session_get_deck (other), error))
    {
      g_prefix_error (error, _ ("The sessions use different behaviour cards: "));
      return FALSE;
    }

  n_theirs = th_session_get_n_participants (other);
  if (!th_session_check_capacity (self, n_theirs, error))
    return FALSE;

  first = th_session_get_n_participants (self);

  /* The names of those present before the merge: a newcomer named like
   * one of them may be the same person, merged twice or joined on two
   * laptops.  Newcomers who share a name among themselves came that way
   * from the other file. */
  if (report != NULL)
    {
      names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < first; i++)
        g_hash_table_add (names,
                          (gpointer)th_participant_get_name (th_session_get_participant (self, i)));
    }

  for (guint i = 0; i < n_theirs; i++)
    {
      ThParticipant *theirs = th_session_get_participant (other, i);
      const char *id = th_participant_get_id (theirs);
      const char *name = th_participant_get_name (theirs);
      g_autofree char *fresh_id = NULL;
      ThParticipant *copy;

      /* Two laptops both start at "p1": the newcomer gets a new id rather
       * than replacing or being dropped. */
      if (th_session_lookup_participant (self, id) != NULL)
        {
          guint number;

          fresh_id = th_session_make_fresh_id (self, &number);
          if (report != NULL)
            {
              g_ptr_array_add (report->renamed, g_strdup (id));
              g_ptr_array_add (report->renamed, g_strdup (fresh_id));
            }
          id = fresh_id;
        }

      if (report != NULL && g_hash_table_contains (names, name))
        g_ptr_array_add (report->same_name, g_strdup (name));

      copy = th_participant_new_for_deck (id, name, deck);
      th_participant_merge_answers (copy, theirs);
      /* A number nobody here holds or held, whatever theirs was: numbers
       * are never reused, and theirs may be someone else's here.  Their
       * order of the cards comes with them. */
      th_session_give_new_number (self, copy);
      th_participant_copy_order (copy, theirs);
      if (report != NULL && th_participant_get_number (copy) != th_participant_get_number (theirs))
        report->n_renumbered++;
      th_session_take_participant (self, copy);
    }

  /* The names above belong to participants of the session, which a
   * listener could rename or remove. */
  g_clear_pointer (&names, g_hash_table_unref);
  th_session_participants_added (self, first);

  if (report != NULL)
    report->n_added = n_theirs;

  return TRUE;
}

int
th_session_merge (ThSession *self, ThSession *other, GError **error)
{
  g_return_val_if_fail (TH_IS_SESSION (self), -1);
  g_return_val_if_fail (TH_IS_SESSION (other), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!merge (self, other, NULL, error))
    return -1;

  return (int)th_session_get_n_participants (other);
}

ThMergeReport *
th_session_merge_with_report (ThSession *self, ThSession *other, GError **error)
{
  g_autoptr (ThMergeReport) report = NULL;

  g_return_val_if_fail (TH_IS_SESSION (self), NULL);
  g_return_val_if_fail (TH_IS_SESSION (other), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = merge_report_new ();
  if (!merge (self, other, report, error))
    return NULL;

  return g_steal_pointer (&report);
}

guint
th_merge_report_get_n_added (ThMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_added;
}

guint
th_merge_report_get_n_renamed (ThMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->renamed->len / 2;
}

const char *
th_merge_report_get_renamed_old_id (ThMergeReport *report, guint i)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (i < report->renamed->len / 2, NULL);

  return g_ptr_array_index (report->renamed, 2 * i);
}

const char *
th_merge_report_get_renamed_new_id (ThMergeReport *report, guint i)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (i < report->renamed->len / 2, NULL);

  return g_ptr_array_index (report->renamed, 2 * i + 1);
}

guint
th_merge_report_get_n_renumbered (ThMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_renumbered;
}

guint
th_merge_report_get_n_same_name (ThMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->same_name->len;
}

const char *
th_merge_report_get_same_name (ThMergeReport *report, guint i)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (i < report->same_name->len, NULL);

  return g_ptr_array_index (report->same_name, i);
}

char *
th_merge_report_format (ThMergeReport *report, const char *file_name)
{
  GString *out;
  guint n_renamed;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%s: %d participant added",
                                       "%s: %d participants added", report->n_added),
                          file_name, (int)report->n_added);
  g_string_append_c (out, '\n');

  n_renamed = report->renamed->len / 2;
  if (n_renamed > 0)
    {
      g_string_append_printf (
        out,
        g_dngettext (GETTEXT_PACKAGE, "  %u had an id already in use and got a new one",
                     "  %u had ids already in use and got new ones", n_renamed),
        n_renamed);
      g_string_append_c (out, '\n');
    }

  if (report->n_renumbered > 0)
    {
      g_string_append_printf (
        out,
        g_dngettext (GETTEXT_PACKAGE,
                     "  %u got a new number for anonymous views, as numbers here are never reused",
                     "  %u got new numbers for anonymous views, as numbers here are never reused",
                     report->n_renumbered),
        report->n_renumbered);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < report->same_name->len; i++)
    {
      /* Translators: a merge note; %s is a participant's name. */
      g_string_append_printf (out,
                              _ ("  “%s” was here already; both are kept — rename or remove one "
                                 "if they are the same person"),
                              (const char *)g_ptr_array_index (report->same_name, i));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
th_merge_report_format_failure (const char *file_name, const GError *error)
{
  GString *out;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  out = g_string_new (NULL);
  /* Translators: a line of the merge report: file name, then what is wrong. */
  g_string_append_printf (out, _ ("%s: not merged — %s"), file_name, error->message);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
