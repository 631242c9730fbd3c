/* th-workshop-view-participants.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-duplicate-name.h"
#include "th-name.h"
#include "th-toast.h"
#include "th-workshop-view-private.h"

/* Who takes part: adding a participant from the sidebar's entry (or an
 * anonymous one), renaming and removing one, and asking what to do when
 * a name is someone else's already. */

static gboolean
add_participant (ThWorkshopView *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  ThParticipant *participant;

  if (self->session == NULL)
    return FALSE;

  /* The rule a phone's name meets in the room, so that the facilitator's
   * own entry lets in nothing the room would refuse. */
  if (name != NULL && !th_name_check (name, NULL, &error))
    {
      _th_workshop_view_add_toast (self, th_toast_new (error->message));
      return FALSE;
    }

  participant = th_session_add_participant (self->session, name, &error);
  if (participant == NULL)
    {
      _th_workshop_view_add_toast (self, th_toast_new (error->message));
      return FALSE;
    }

  /* Names are typed one after another; only the first one is selected, so
   * the board does not jump about while the list grows. */
  if (self->selected == NULL)
    _th_workshop_view_select_quietly (self, participant);
  _th_workshop_view_scroll_to_participant (self, participant);

  return TRUE;
}

/* Adds @name typed in the entry; the entry is emptied for the next one
 * once it is in. */
static void
add_typed_name (ThWorkshopView *self, const char *name)
{
  /* The entry keeps the focus, so the next name can follow at once. */
  if (add_participant (self, name))
    gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
add_duplicate_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "th-name");
  const char *numbered = g_object_get_data (G_OBJECT (dialog), "th-numbered");

  /* Another session came while the dialog was up: the name was meant for
   * the one before. */
  if (g_object_get_data (G_OBJECT (dialog), "th-session") != self->session)
    return;

  if (g_strcmp0 (response, TH_DUPLICATE_NAME_NUMBERED) == 0 && numbered != NULL)
    add_typed_name (self, numbered);
  else if (g_strcmp0 (response, TH_DUPLICATE_NAME_ANYWAY) == 0)
    add_typed_name (self, name);
  else
    /* Nothing is added; what was typed stays, to be put right. */
    gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

static void
add_entry_activate_cb (ThWorkshopView *self)
{
  g_autofree char *name = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autofree char *numbered = NULL;
  AdwMessageDialog *dialog;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  if (*name == '\0' || self->session == NULL)
    return;

  /* A name the rule refuses says so first: no number would help it. */
  keys = th_duplicate_name_keys_of_session (self->session, NULL);
  if (!th_name_check (name, NULL, NULL) || !th_duplicate_name_is_taken (name, keys))
    {
      add_typed_name (self, name);
      return;
    }

  /* Someone has the name already: nothing is added before the
   * facilitator says how. */
  numbered = th_name_dup_numbered (name, th_duplicate_name_is_taken, keys);
  dialog = th_duplicate_name_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), name,
                                         numbered, TH_DUPLICATE_NAME_ADD);
  g_object_set_data_full (G_OBJECT (dialog), "th-name", g_steal_pointer (&name), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "th-numbered", g_steal_pointer (&numbered), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "th-session", g_object_ref (self->session),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_anonymous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  add_participant (TH_WORKSHOP_VIEW (widget), NULL);
}

/* The participant an action names by id, or NULL when there is none. */
static ThParticipant *
lookup_action_participant (ThWorkshopView *self, GVariant *parameter)
{
  if (self->session == NULL)
    return NULL;

  return th_session_lookup_participant (self->session, g_variant_get_string (parameter, NULL));
}

/* Whether @participant is still one of the shown session's: a dialog
 * about them may outlive their removal, or the session. */
static gboolean
is_in_session (ThWorkshopView *self, ThParticipant *participant)
{
  return participant != NULL && self->session != NULL
         && th_session_lookup_participant (self->session, th_participant_get_id (participant))
              == participant;
}

static void
set_participant_name (ThWorkshopView *self, ThParticipant *participant, const char *name)
{
  /* The participant emits ::changed, which the session relays: autosaved. */
  th_participant_set_name (participant, name);
  if (participant == self->selected)
    gtk_label_set_label (self->participant_title, name);
}

static void open_rename_dialog (ThWorkshopView *self, ThParticipant *participant, const char *text);

static void
rename_duplicate_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  ThParticipant *participant = g_object_get_data (G_OBJECT (dialog), "th-participant");
  const char *name = g_object_get_data (G_OBJECT (dialog), "th-name");
  const char *numbered = g_object_get_data (G_OBJECT (dialog), "th-numbered");

  if (!is_in_session (self, participant))
    return;

  if (g_strcmp0 (response, TH_DUPLICATE_NAME_NUMBERED) == 0 && numbered != NULL)
    set_participant_name (self, participant, numbered);
  else if (g_strcmp0 (response, TH_DUPLICATE_NAME_ANYWAY) == 0)
    set_participant_name (self, participant, name);
  else
    /* Back to the name as it was typed, to be put right. */
    open_rename_dialog (self, participant, name);
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, ThWorkshopView *self)
{
  ThParticipant *participant = g_object_get_data (G_OBJECT (dialog), "th-participant");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) keys = NULL;
  g_autofree char *numbered = NULL;
  AdwMessageDialog *duplicate;

  if (g_strcmp0 (response, "rename") != 0 || !is_in_session (self, participant))
    return;

  if (!th_name_check (name, NULL, &error))
    {
      _th_workshop_view_add_toast (self, th_toast_new (error->message));
      return;
    }

  /* Another participant's name (their own, in other letters, is
   * theirs to keep): asked about as when adding. */
  keys = th_duplicate_name_keys_of_session (self->session, participant);
  if (!th_duplicate_name_is_taken (name, keys))
    {
      set_participant_name (self, participant, name);
      return;
    }

  numbered = th_name_dup_numbered (name, th_duplicate_name_is_taken, keys);
  duplicate = th_duplicate_name_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                            name, numbered, TH_DUPLICATE_NAME_RENAME);
  g_object_set_data_full (G_OBJECT (duplicate), "th-participant", g_object_ref (participant),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (duplicate), "th-name", g_steal_pointer (&name), g_free);
  g_object_set_data_full (G_OBJECT (duplicate), "th-numbered", g_steal_pointer (&numbered), g_free);
  g_signal_connect_object (duplicate, "response", G_CALLBACK (rename_duplicate_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (duplicate));
}

static void
rename_entry_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", th_name_check (name, NULL, NULL));
}

/* The Rename dialog for @participant, with @text to edit. */
static void
open_rename_dialog (ThWorkshopView *self, ThParticipant *participant, const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Rename Participant"), NULL));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 100);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "rename", _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "th-participant", g_object_ref (participant),
                          g_object_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  ThParticipant *participant;

  participant = lookup_action_participant (self, parameter);
  if (participant == NULL)
    return;

  open_rename_dialog (self, participant, th_participant_get_name (participant));
}

static void
remove_toast_undo_cb (AdwToast *toast, ThWorkshopView *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "th-participant-id");

  /* What Ctrl+Z does, while the removal is the step it would take back;
   * once that step was undone, or others came after it, the toast's
   * button has nothing left of its own to undo. */
  if (g_strcmp0 (th_workshop_undo_peek_removal (self->undo), id) == 0)
    _th_workshop_view_undo_or_redo (self, TRUE);
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThWorkshopView *self = TH_WORKSHOP_VIEW (widget);
  g_autoptr (ThParticipant) participant = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  participant = lookup_action_participant (self, parameter);
  if (participant == NULL)
    return;
  g_object_ref (participant);

  /* A step of the one history: Ctrl+Z brings the same person back where
   * they were, with their id, answers and number (an anonymous chart
   * printed before still names them as it did), and a second Ctrl+Z then
   * takes back what came before the removal. */
  if (!th_workshop_undo_remove_participant (self->undo, th_participant_get_id (participant),
                                            &error))
    {
      g_warning ("Could not remove a participant: %s", error->message);
      return;
    }

  /* Translators: a toast after removing a participant; %s is the name. */
  title = g_strdup_printf (_ ("“%s” removed"), th_participant_get_name (participant));
  toast = th_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "th-participant-id",
                          g_strdup (th_participant_get_id (participant)), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (remove_toast_undo_cb), self, 0);
  _th_workshop_view_add_toast (self, toast);
}

void
_th_workshop_view_class_participants_init (ThWorkshopViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, add_entry_activate_cb);
  gtk_widget_class_install_action (widget_class, "workshop.add-anonymous", NULL,
                                   add_anonymous_action);
  gtk_widget_class_install_action (widget_class, "workshop.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "workshop.remove", "s", remove_action);
}
