/* th-duplicate-name.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-duplicate-name.h"
#include "th-name.h"

GHashTable *
th_duplicate_name_keys_of_session (ThSession *session, ThParticipant *except)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (TH_IS_SESSION (session), keys);

  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    {
      ThParticipant *participant = th_session_get_participant (session, i);

      if (participant != except)
        g_hash_table_add (keys, th_name_dup_key (th_participant_get_name (participant)));
    }

  return keys;
}

gboolean
th_duplicate_name_is_taken (const char *name, gpointer keys)
{
  g_autofree char *key = th_name_dup_key (name);

  return g_hash_table_contains (keys, key);
}

/* A response's label is read with mnemonics: an underscore of the name
 * itself is doubled so that it shows. */
static char *
escape_underlines (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

AdwMessageDialog *
th_duplicate_name_dialog_new (GtkWindow *parent, const char *name, const char *numbered,
                              ThDuplicateNameVerb verb)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* Translators: the heading of the dialog shown when a name typed for a
   * participant is another participant's already; %s is the name. */
  heading = g_strdup_printf (_ ("“%s” Is Already Taken"), name);
  /* Translators: %s is a participant's name. */
  body = g_strdup_printf (_ ("Another participant is called “%s”. Two people with the same name "
                             "cannot be told apart on the chart, on the handouts or in exported "
                             "files."),
                          name);
  /* The heading and the body are plain text: names are never markup. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  /* The numbered name comes last: at the end of the row, as a dialog's
   * suggested answer is, and on top when the answers are stacked, where
   * it has the keyboard. */
  adw_message_dialog_add_response (dialog, TH_DUPLICATE_NAME_CANCEL, _ ("_Cancel"));
  adw_message_dialog_add_response (dialog, TH_DUPLICATE_NAME_ANYWAY,
                                   verb == TH_DUPLICATE_NAME_RENAME ? _ ("Rename _Anyway")
                                                                    : _ ("Add _Anyway"));

  if (numbered != NULL)
    {
      g_autofree char *escaped = escape_underlines (numbered);
      g_autofree char *label = NULL;

      if (verb == TH_DUPLICATE_NAME_RENAME)
        /* Translators: a button of the dialog shown when a participant is
         * renamed to another participant's name; %s is the same name
         * with a number added ("Ana 2"). */
        label = g_strdup_printf (_ ("Rename to “%s”"), escaped);
      else
        /* Translators: a button of the dialog shown when a participant is
         * added with another participant's name; %s is the same name with
         * a number added ("Ana 2"). */
        label = g_strdup_printf (_ ("Add as “%s”"), escaped);
      adw_message_dialog_add_response (dialog, TH_DUPLICATE_NAME_NUMBERED, label);
      adw_message_dialog_set_response_appearance (dialog, TH_DUPLICATE_NAME_NUMBERED,
                                                  ADW_RESPONSE_SUGGESTED);
    }

  adw_message_dialog_set_default_response (dialog, numbered != NULL ? TH_DUPLICATE_NAME_NUMBERED
                                                                    : TH_DUPLICATE_NAME_CANCEL);
  adw_message_dialog_set_close_response (dialog, TH_DUPLICATE_NAME_CANCEL);

  return dialog;
}
