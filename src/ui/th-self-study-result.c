/* th-self-study-result.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-chart-tips.h"
#include "th-self-study-result.h"
#include "th-set.h"

struct _ThSelfStudyResult
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkLabel *quadrant_label;
  GtkLabel *partial_label;
  GtkLabel *summary_label;
  GtkWidget *scores_grid;
  GtkLevelBar *leadership_bar;
  GtkLabel *leadership_value;
  GtkLevelBar *management_bar;
  GtkLabel *management_value;
  GtkLabel *accuracy_label;
  GtkLabel *practise_heading;
  GtkWidget *steps_box;

  ThSession *session;
  /* The "changed" of whichever session the result is for. */
  GSignalGroup *session_signals;
  gboolean has_position;
};

G_DEFINE_FINAL_TYPE (ThSelfStudyResult, th_self_study_result, GTK_TYPE_WIDGET)

static void
set_score (GtkLevelBar *bar, GtkLabel *label, gboolean defined, double value)
{
  g_autofree char *text = defined ? g_strdup_printf ("%.0f", value) : g_strdup ("–");

  gtk_level_bar_set_value (bar, defined ? value : 0.0);
  gtk_label_set_label (label, text);
}

static void
update (ThSelfStudyResult *self)
{
  ThParticipant *you = self->session != NULL ? th_session_get_participant (self->session, 0) : NULL;
  g_autofree char *accuracy = NULL;
  GtkWidget *child;
  ThScores scores = { 0 };
  guint n;

  while ((child = gtk_widget_get_first_child (self->steps_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->steps_box), child);

  if (you == NULL)
    {
      self->has_position = FALSE;
      return;
    }

  n = th_deck_get_n_behaviours (th_session_get_deck (self->session));
  th_session_compute_scores (self->session, you, &scores);
  self->has_position = scores.quadrant != TH_QUADRANT_NONE;

  set_score (self->leadership_bar, self->leadership_value, scores.has_leadership,
             scores.leadership);
  set_score (self->management_bar, self->management_value, scores.has_management,
             scores.management);

  if (self->has_position)
    {
      gtk_label_set_label (self->quadrant_label, th_quadrant_get_display_name (scores.quadrant));
      gtk_label_set_label (self->summary_label, th_chart_tips_get_summary (scores.quadrant));
      gtk_label_set_label (self->practise_heading, th_chart_tips_get_heading (scores.quadrant));

      for (guint i = 0; i < th_chart_tips_get_n_steps (scores.quadrant); i++)
        {
          g_autofree char *text
            = g_strdup_printf ("•  %s", th_chart_tips_get_step (scores.quadrant, i));
          GtkWidget *step = gtk_label_new (text);

          gtk_label_set_wrap (GTK_LABEL (step), TRUE);
          gtk_label_set_xalign (GTK_LABEL (step), 0.0);
          gtk_widget_add_css_class (step, "card-body");
          gtk_box_append (GTK_BOX (self->steps_box), step);
        }
    }
  else
    {
      g_autofree char *summary = NULL;

      gtk_label_set_label (self->quadrant_label, _ ("Not There Yet"));
      /* Translators: self-study result before all ratings are in, e.g. "You have rated 10 of 24 behaviours…". */
      summary = g_strdup_printf (_ ("You have rated %u of %u behaviours. Rate at least one "
                                    "leadership and one management behaviour to see where you "
                                    "land; rating all of them gives the truest picture."),
                                 scores.rated, n);
      gtk_label_set_label (self->summary_label, summary);
      gtk_label_set_label (self->practise_heading, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->practise_heading), self->has_position);

  /* A position from some of the ratings is a first look: it says so, and
   * how many are left, before anyone reads too much into it. */
  if (self->has_position && scores.rated < n)
    {
      g_autofree char *partial = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "From %u of %u ratings: %u behaviour is left to rate. This is a first "
                     "look; where you land may still move.",
                     "From %u of %u ratings: %u behaviours are left to rate. This is a first "
                     "look; where you land may still move.",
                     n - scores.rated),
        scores.rated, n, n - scores.rated);

      gtk_label_set_label (self->partial_label, partial);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->partial_label), self->has_position && scores.rated < n);

  if (scores.sorted > 0)
    /* Translators: self-study sorting accuracy, e.g. "You sorted 24 cards; 20 match the key." */
    accuracy = g_strdup_printf (_ ("You sorted %u cards; %u match the article’s key."),
                                scores.sorted, scores.correct);
  gtk_label_set_label (self->accuracy_label, accuracy != NULL ? accuracy : "");
  gtk_widget_set_visible (GTK_WIDGET (self->accuracy_label), accuracy != NULL);
}

static void
th_self_study_result_dispose (GObject *object)
{
  ThSelfStudyResult *self = TH_SELF_STUDY_RESULT (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_SELF_STUDY_RESULT);

  G_OBJECT_CLASS (th_self_study_result_parent_class)->dispose (object);
}

static void
th_self_study_result_class_init (ThSelfStudyResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_self_study_result_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-self-study-result.ui");
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, scroller);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, quadrant_label);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, partial_label);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, scores_grid);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, leadership_bar);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, leadership_value);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, management_bar);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, management_value);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, accuracy_label);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, practise_heading);
  gtk_widget_class_bind_template_child (widget_class, ThSelfStudyResult, steps_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thselfstudyresult");
}

static void
th_self_study_result_init (ThSelfStudyResult *self)
{
  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);

  /* Plain bars in the colour of their hat, whatever the value. */
  gtk_level_bar_remove_offset_value (self->leadership_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->leadership_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->leadership_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_remove_offset_value (self->management_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->management_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->management_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

void
th_self_study_result_set_session (ThSelfStudyResult *self, ThSession *session)
{
  g_return_if_fail (TH_IS_SELF_STUDY_RESULT (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  th_set_watched (&self->session, self->session_signals, session);

  update (self);
}

const char *
th_self_study_result_get_partial_text (ThSelfStudyResult *self)
{
  g_return_val_if_fail (TH_IS_SELF_STUDY_RESULT (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->partial_label)))
    return NULL;
  return gtk_label_get_label (self->partial_label);
}

const char *
th_self_study_result_get_quadrant_text (ThSelfStudyResult *self)
{
  g_return_val_if_fail (TH_IS_SELF_STUDY_RESULT (self), NULL);

  return self->has_position ? gtk_label_get_label (self->quadrant_label) : NULL;
}
