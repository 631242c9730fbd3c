/* th-card-view.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "th-card-view.h"
#include "th-property.h"
#include "th-set.h"

/* A concept card drawn as a real card: the front has the title and one
 * line, the back the idea, an example and a question.  Turning it over
 * squeezes the card to its edge and opens it again on the other face. */

#define FLIP_DURATION_MS 320

struct _ThCardView
{
  GtkWidget parent_instance;

  ThDeck *deck;
  ThConcept *concept;
  GtkWidget *stack;
  GtkWidget *front;
  GtkWidget *back;

  AdwAnimation *animation;
  double flip_progress; /* 0 → 1 while turning */
  gboolean flipped;
};

G_DEFINE_FINAL_TYPE (ThCardView, th_card_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FLIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style sheet colours a card by its side's id (docs/deck-format.md). */
static const char *
side_css_class (ThSide side)
{
  return th_side_to_string (side);
}

static GtkWidget *
make_label (const char *text, const char *css_class, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_header (ThCardView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = make_label (th_side_get_display_name (th_concept_get_side (self->concept)),
                                 "card-badge", FALSE);
  ThSection *section = NULL;
  GtkWidget *section_label;

  gtk_widget_add_css_class (badge, side_css_class (th_concept_get_side (self->concept)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge);

  if (self->deck != NULL)
    section = th_deck_lookup_section (self->deck, th_concept_get_section_id (self->concept));
  section_label
    = make_label (section != NULL ? th_section_get_title (section) : "", "card-section", FALSE);
  gtk_label_set_xalign (GTK_LABEL (section_label), 1.0f);
  gtk_label_set_ellipsize (GTK_LABEL (section_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (section_label, TRUE);
  gtk_box_append (GTK_BOX (box), section_label);

  return box;
}

static GtkWidget *
make_contrast_column (const char *heading, const char *text, ThSide side)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *pill = make_label (heading, "contrast-heading", FALSE);

  gtk_widget_add_css_class (box, "contrast-side");
  gtk_widget_add_css_class (box, side_css_class (side));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_halign (pill, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), pill);
  gtk_box_append (GTK_BOX (box), make_label (text, "contrast-text", TRUE));

  return box;
}

static GtkWidget *
make_front (ThCardView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  /* Both faces share one size (the back is usually taller), so the front's
   * words sit in the middle of the card rather than under its top edge. */
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *hint;

  gtk_widget_set_vexpand (middle, TRUE);
  gtk_widget_set_valign (middle, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), make_header (self));
  gtk_box_append (GTK_BOX (middle),
                  make_label (th_concept_get_title (self->concept), "card-title", TRUE));
  gtk_box_append (GTK_BOX (middle),
                  make_label (th_concept_get_summary (self->concept), "card-summary", TRUE));

  if (th_concept_is_contrast (self->concept))
    {
      GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

      gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
      gtk_box_append (GTK_BOX (columns),
                      make_contrast_column (_ ("Leadership"),
                                            th_concept_get_leadership_side (self->concept),
                                            TH_SIDE_LEADERSHIP));
      gtk_box_append (GTK_BOX (columns),
                      make_contrast_column (_ ("Management"),
                                            th_concept_get_management_side (self->concept),
                                            TH_SIDE_MANAGEMENT));
      gtk_box_append (GTK_BOX (middle), columns);
    }

  gtk_box_append (GTK_BOX (box), middle);
  hint = make_label (_ ("Click, Space or Enter to turn over"), "card-hint", FALSE);
  gtk_box_append (GTK_BOX (box), hint);

  return box;
}

static void
append_back_part (GtkWidget *box, const char *heading, const char *text)
{
  if (text == NULL || *text == '\0')
    return;

  gtk_box_append (GTK_BOX (box), make_label (heading, "card-heading", FALSE));
  gtk_box_append (GTK_BOX (box), make_label (text, "card-body", TRUE));
}

static GtkWidget *
make_back (ThCardView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *title;
  GtkWidget *detail;

  gtk_box_append (GTK_BOX (box), make_header (self));
  title = make_label (th_concept_get_title (self->concept), "card-back-title", TRUE);
  gtk_box_append (GTK_BOX (box), title);
  detail = make_label (th_concept_get_detail (self->concept), "card-detail", TRUE);
  gtk_widget_set_margin_bottom (detail, 8);
  gtk_box_append (GTK_BOX (box), detail);
  append_back_part (box, _ ("In practice"), th_concept_get_example (self->concept));
  append_back_part (box, _ ("Talk about it"), th_concept_get_question (self->concept));

  return box;
}

static void
update_accessible (ThCardView *self)
{
  g_autofree char *label = NULL;
  const char *description;

  if (self->concept == NULL)
    return;

  label = g_strdup_printf (_ ("%s card: %s"),
                           th_side_get_display_name (th_concept_get_side (self->concept)),
                           th_concept_get_title (self->concept));
  description = self->flipped ? th_concept_get_detail (self->concept)
                              : th_concept_get_summary (self->concept);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_accessible_update_state (
    GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED,
    self->flipped ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

static void
show_face (ThCardView *self)
{
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->flipped ? self->back : self->front);
}

static void
animation_value_cb (double value, gpointer user_data)
{
  ThCardView *self = user_data;
  gboolean was_past_half = self->flip_progress >= 0.5;

  self->flip_progress = value;
  /* The face changes when the card is edge-on, so the swap is never seen. */
  if (!was_past_half && value >= 0.5)
    show_face (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
animation_done_cb (ThCardView *self)
{
  self->flip_progress = 0.0;
  show_face (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
th_card_view_set_flipped (ThCardView *self, gboolean flipped)
{
  g_return_if_fail (TH_IS_CARD_VIEW (self));

  if (!th_set_boolean (&self->flipped, flipped))
    return;

  self->flip_progress = 0.0;
  adw_animation_reset (self->animation);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    adw_animation_play (self->animation);
  else
    show_face (self);

  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIPPED]);
}

void
th_card_view_flip (ThCardView *self)
{
  g_return_if_fail (TH_IS_CARD_VIEW (self));

  th_card_view_set_flipped (self, !self->flipped);
}

TH_DEFINE_GETTER (gboolean, th_card_view_get_flipped, ThCardView, TH_IS_CARD_VIEW, flipped, FALSE)

TH_DEFINE_GETTER (ThConcept *, th_card_view_get_concept, ThCardView, TH_IS_CARD_VIEW, concept, NULL)

void
th_card_view_set_presenter (ThCardView *self, gboolean presenter)
{
  g_return_if_fail (TH_IS_CARD_VIEW (self));

  if (presenter)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenter");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter");
}

static void
click_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, ThCardView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  th_card_view_flip (self);
}

static void
flip_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  th_card_view_flip (TH_CARD_VIEW (widget));
}

static void
th_card_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ThCardView *self = TH_CARD_VIEW (widget);
  double scale = fabs (cos (G_PI * self->flip_progress));
  float half_width = gtk_widget_get_width (widget) / 2.0f;

  if (self->flip_progress <= 0.0)
    {
      gtk_widget_snapshot_child (widget, self->stack, snapshot);
      return;
    }

  /* Squeeze around the vertical centre line, like a card seen edge-on. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (half_width, 0));
  gtk_snapshot_scale (snapshot, MAX (scale, 0.001), 1.0f);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-half_width, 0));
  gtk_widget_snapshot_child (widget, self->stack, snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
th_card_view_dispose (GObject *object)
{
  ThCardView *self = TH_CARD_VIEW (object);

  g_clear_object (&self->animation);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->concept);
  g_clear_object (&self->deck);

  G_OBJECT_CLASS (th_card_view_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_FLIPPED] = TH_PROPERTY_FIELD (ThCardView, flipped, th_card_view_set_flipped),
};

static void
th_card_view_class_init (ThCardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_card_view_dispose;
  widget_class->snapshot = th_card_view_snapshot;

  properties[PROP_FLIPPED]
    = g_param_spec_boolean ("flipped", NULL, NULL, FALSE, TH_PARAM_READWRITE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_install_action (widget_class, "card.flip", NULL, flip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.flip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.flip", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.flip", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
th_card_view_init (ThCardView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  AdwAnimationTarget *target;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_add_css_class (GTK_WIDGET (self), "card-view");

  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  target = adw_callback_animation_target_new (animation_value_cb, self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, FLIP_DURATION_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_swapped (self->animation, "done", G_CALLBACK (animation_done_cb), self);
}

GtkWidget *
th_card_view_new (ThDeck *deck, ThConcept *concept)
{
  ThCardView *self;

  g_return_val_if_fail (TH_IS_CONCEPT (concept), NULL);

  self = g_object_new (TH_TYPE_CARD_VIEW, NULL);
  self->deck = deck != NULL ? g_object_ref (deck) : NULL;
  self->concept = g_object_ref (concept);

  gtk_widget_add_css_class (GTK_WIDGET (self), side_css_class (th_concept_get_side (concept)));

  self->stack = gtk_stack_new ();
  /* The card's paper is the stack's, so that turning squeezes it too. */
  gtk_widget_add_css_class (self->stack, "card-surface");
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), TRUE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), TRUE);
  self->front = make_front (self);
  self->back = make_back (self);
  gtk_widget_add_css_class (self->front, "card-face");
  gtk_widget_add_css_class (self->back, "card-face");
  gtk_stack_add_named (GTK_STACK (self->stack), self->front, "front");
  gtk_stack_add_named (GTK_STACK (self->stack), self->back, "back");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  show_face (self);
  update_accessible (self);

  return GTK_WIDGET (self);
}
