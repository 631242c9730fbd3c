/* th-self-study-path.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-property.h"
#include "th-self-study-path.h"
#include "th-set.h"

struct _ThSelfStudyPath
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *steps;
  GtkLabel *progress_label;
  GtkButton *continue_button;
  GtkWidget *step_buttons[TH_SELF_STUDY_N_STEPS];

  ThSession *session;
  /* The "changed" of whichever session the path follows. */
  GSignalGroup *session_signals;
  ThSelfStudyStep step;
  /* The steps of this run the learner has been at, one bit each: a step
   * jumped over is not done for having been passed. */
  guint visited;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ThSelfStudyPath, th_self_study_path, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each step is called, and what the button that goes on says there. */
static const struct
{
  const char *title;
  const char *continue_label;
} step_texts[] = {
  [TH_SELF_STUDY_STEP_LEARN] = { N_ ("Learn"), N_ ("Next: Sort the Behaviours") },
  [TH_SELF_STUDY_STEP_SORT] = { N_ ("Sort"), N_ ("Next: See the Key") },
  [TH_SELF_STUDY_STEP_REVEAL] = { N_ ("Reveal"), N_ ("Next: Rate Yourself") },
  [TH_SELF_STUDY_STEP_REFLECT] = { N_ ("Reflect"), N_ ("Next: See Where You Land") },
  [TH_SELF_STUDY_STEP_RESULT] = { N_ ("Where You Land"), N_ ("Back to the Cards") },
};

static const char *
step_title (ThSelfStudyStep step)
{
  return _ (step_texts[MIN (step, TH_SELF_STUDY_STEP_RESULT)].title);
}

static const char *
continue_label (ThSelfStudyStep step)
{
  return _ (step_texts[MIN (step, TH_SELF_STUDY_STEP_RESULT)].continue_label);
}

static ThParticipant *
get_you (ThSession *session)
{
  return session != NULL ? th_session_get_participant (session, 0) : NULL;
}

ThSelfStudyStep
th_self_study_path_derive_step (ThSession *session)
{
  ThParticipant *you;
  guint n;

  g_return_val_if_fail (session == NULL || TH_IS_SESSION (session), TH_SELF_STUDY_STEP_LEARN);

  you = get_you (session);
  if (you == NULL)
    return TH_SELF_STUDY_STEP_LEARN;

  n = th_deck_get_n_behaviours (th_session_get_deck (session));
  if (th_participant_get_n_rated (you) >= n)
    return TH_SELF_STUDY_STEP_RESULT;
  if (th_participant_get_n_rated (you) > 0)
    return TH_SELF_STUDY_STEP_REFLECT;
  if (th_participant_get_n_sorted (you) >= n)
    return TH_SELF_STUDY_STEP_REVEAL;
  if (th_participant_get_n_sorted (you) > 0)
    return TH_SELF_STUDY_STEP_SORT;
  return TH_SELF_STUDY_STEP_LEARN;
}

static gboolean
visited (ThSelfStudyPath *self, ThSelfStudyStep step)
{
  return (self->visited & (1u << step)) != 0;
}

static void
update (ThSelfStudyPath *self)
{
  ThParticipant *you = get_you (self->session);
  guint n
    = self->session != NULL ? th_deck_get_n_behaviours (th_session_get_deck (self->session)) : 0;
  guint n_sorted = you != NULL ? th_participant_get_n_sorted (you) : 0;
  guint n_rated = you != NULL ? th_participant_get_n_rated (you) : 0;
  g_autofree char *progress = NULL;

  self->updating = TRUE;
  for (guint i = 0; i < TH_SELF_STUDY_N_STEPS; i++)
    {
      gboolean done = FALSE;

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->step_buttons[i]), i == self->step);
      switch ((ThSelfStudyStep)i)
        {
          case TH_SELF_STUDY_STEP_LEARN:
            done = n_sorted > 0 || (visited (self, i) && self->step > i);
            break;
          case TH_SELF_STUDY_STEP_SORT:
            done = n > 0 && n_sorted >= n;
            break;
          case TH_SELF_STUDY_STEP_REVEAL:
            done = n_rated > 0 || (visited (self, i) && self->step > i);
            break;
          case TH_SELF_STUDY_STEP_REFLECT:
            done = n > 0 && n_rated >= n;
            break;
          case TH_SELF_STUDY_STEP_RESULT:
          default:
            break;
        }
      if (done)
        gtk_widget_add_css_class (self->step_buttons[i], "done");
      else
        gtk_widget_remove_css_class (self->step_buttons[i], "done");
    }
  self->updating = FALSE;

  if (self->step == TH_SELF_STUDY_STEP_SORT)
    /* Translators: self-study progress, e.g. "Sorted 10/24". */
    progress = g_strdup_printf (_ ("Sorted %u/%u"), n_sorted, n);
  else if (self->step == TH_SELF_STUDY_STEP_REFLECT)
    /* Translators: self-study progress, e.g. "Rated 10/24". */
    progress = g_strdup_printf (_ ("Rated %u/%u"), n_rated, n);
  gtk_label_set_label (self->progress_label, progress != NULL ? progress : "");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress != NULL);

  gtk_button_set_label (self->continue_button, continue_label (self->step));
}

static void
spoil_response_cb (AdwMessageDialog *dialog, const char *response, ThSelfStudyPath *self)
{
  if (g_strcmp0 (response, "show") == 0 && self->session != NULL)
    th_self_study_path_set_step (self, TH_SELF_STUDY_STEP_REVEAL);
}

/* Goes to @step as the learner asked.  The key gives away the answer to
 * every card not sorted yet, so before all are sorted the learner is
 * told how many that is and chooses; sorting on is what is offered. */
static void
go_to_step (ThSelfStudyPath *self, ThSelfStudyStep step)
{
  ThParticipant *you = get_you (self->session);
  guint n
    = self->session != NULL ? th_deck_get_n_behaviours (th_session_get_deck (self->session)) : 0;
  guint n_unsorted = you != NULL && n > th_participant_get_n_sorted (you)
                       ? n - th_participant_get_n_sorted (you)
                       : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (step != TH_SELF_STUDY_STEP_REVEAL || self->step == TH_SELF_STUDY_STEP_REVEAL
      || n_unsorted == 0)
    {
      th_self_study_path_set_step (self, step);
      return;
    }

  /* Until the learner chooses, the step bar shows where they are. */
  update (self);

  /* Translators: said before the key is shown with behaviour cards still to sort. */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u behaviour card is not sorted yet. Seeing the key now "
                                       "gives away its answer, and sorting it afterwards tells "
                                       "you nothing about yourself.",
                                       "%u behaviour cards are not sorted yet. Seeing the key "
                                       "now gives away their answers, and sorting them "
                                       "afterwards tells you nothing about yourself.",
                                       n_unsorted),
                          n_unsorted);
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            _ ("See the Key Before Sorting Them All?"), body));
  adw_message_dialog_add_responses (dialog, "sort", _ ("_Keep Sorting"), "show",
                                    _ ("_Show the Key Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "show", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "sort");
  adw_message_dialog_set_close_response (dialog, "sort");
  g_signal_connect_object (dialog, "response", G_CALLBACK (spoil_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
step_toggled_cb (GtkToggleButton *button, ThSelfStudyPath *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  go_to_step (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "th-step")));
}

static void
continue_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThSelfStudyPath *self = TH_SELF_STUDY_PATH (widget);

  go_to_step (self,
              self->step == TH_SELF_STUDY_STEP_RESULT ? TH_SELF_STUDY_STEP_LEARN : self->step + 1);
}

static void
th_self_study_path_dispose (GObject *object)
{
  ThSelfStudyPath *self = TH_SELF_STUDY_PATH (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_SELF_STUDY_PATH);

  G_OBJECT_CLASS (th_self_study_path_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_STEP] = TH_PROPERTY_FIELD (ThSelfStudyPath, step, th_self_study_path_set_step),
};

static void
th_self_study_path_class_init (ThSelfStudyPathClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_self_study_path_dispose;

  properties[PROP_STEP]
    = g_param_spec_uint ("step", NULL, NULL, 0, TH_SELF_STUDY_STEP_RESULT, 0, TH_PARAM_READWRITE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-self-study-path.ui");
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyPath, box);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyPath, steps);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyPath, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyPath, continue_button);

  gtk_widget_class_install_action (widget_class, "self-study.continue", NULL, continue_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thselfstudypath");
}

static void
th_self_study_path_init (ThSelfStudyPath *self)
{
  GtkWidget *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);

  for (guint i = 0; i < TH_SELF_STUDY_N_STEPS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u · %s", i + 1, step_title (i));
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      if (i > 0)
        {
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_widget_add_css_class (arrow, "dim-label");
          gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          gtk_box_append (GTK_BOX (self->steps), arrow);
        }

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "self-study-step");
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      g_object_set_data (G_OBJECT (button), "th-step", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (step_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->steps), button);
      self->step_buttons[i] = button;
      if (group == NULL)
        group = button;
    }

  update (self);
}

void
th_self_study_path_set_session (ThSelfStudyPath *self, ThSession *session)
{
  g_return_if_fail (TH_IS_SELF_STUDY_PATH (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  th_set_watched (&self->session, self->session_signals, session);

  self->visited = 1u << self->step;
  update (self);
}

void
th_self_study_path_start_over (ThSelfStudyPath *self)
{
  g_return_if_fail (TH_IS_SELF_STUDY_PATH (self));

  self->visited = 0;
  th_self_study_path_set_step (self, TH_SELF_STUDY_STEP_LEARN);
}

TH_DEFINE_GETTER (ThSelfStudyStep, th_self_study_path_get_step, ThSelfStudyPath,
                  TH_IS_SELF_STUDY_PATH, step, TH_SELF_STUDY_STEP_LEARN)

void
th_self_study_path_set_step (ThSelfStudyPath *self, ThSelfStudyStep step)
{
  g_return_if_fail (TH_IS_SELF_STUDY_PATH (self));
  g_return_if_fail (step <= TH_SELF_STUDY_STEP_RESULT);

  self->visited |= 1u << step;
  if (self->step == step)
    {
      update (self);
      return;
    }

  self->step = step;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}
