/* th-fit-bin.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-fit-bin.h"
#include "th-property.h"

/* Large enough for a projector in a big room, small enough that a long
 * card still fits a 720p screen. */
#define MAX_SCALE 3.0

struct _ThFitBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
  int design_width;
  double scale;
};

G_DEFINE_FINAL_TYPE (ThFitBin, th_fit_bin, GTK_TYPE_WIDGET)

static void
th_fit_bin_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                    int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* Any size will do: the child is scaled to it. */
  *minimum = 0;
  *natural = 0;
}

static void
th_fit_bin_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ThFitBin *self = TH_FIT_BIN (widget);
  GskTransform *transform = NULL;
  int child_height;
  double scale;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, self->design_width, NULL,
                      &child_height, NULL, NULL);
  child_height = MAX (child_height, 1);

  scale = MIN ((double)width / self->design_width, (double)height / child_height);
  scale = CLAMP (scale, 0.1, MAX_SCALE);
  self->scale = scale;

  transform = gsk_transform_translate (
    transform, &GRAPHENE_POINT_INIT ((width - self->design_width * scale) / 2.0,
                                     (height - child_height * scale) / 2.0));
  transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (self->child, self->design_width, child_height, -1, transform);
}

static void
th_fit_bin_dispose (GObject *object)
{
  ThFitBin *self = TH_FIT_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (th_fit_bin_parent_class)->dispose (object);
}

static void
th_fit_bin_class_init (ThFitBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_fit_bin_dispose;
  widget_class->measure = th_fit_bin_measure;
  widget_class->size_allocate = th_fit_bin_size_allocate;
}

static void
th_fit_bin_init (ThFitBin *self)
{
  self->scale = 1.0;
  self->design_width = 1000;
}

GtkWidget *
th_fit_bin_new (int design_width)
{
  ThFitBin *self = g_object_new (TH_TYPE_FIT_BIN, NULL);

  self->design_width = MAX (design_width, 100);
  return GTK_WIDGET (self);
}

void
th_fit_bin_set_child (ThFitBin *self, GtkWidget *child)
{
  g_return_if_fail (TH_IS_FIT_BIN (self));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

TH_DEFINE_GETTER (GtkWidget *, th_fit_bin_get_child, ThFitBin, TH_IS_FIT_BIN, child, NULL)

TH_DEFINE_GETTER (double, th_fit_bin_get_scale, ThFitBin, TH_IS_FIT_BIN, scale, 1.0)
