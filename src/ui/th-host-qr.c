/* th-host-qr.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-host-qr.h"
#include "th-property.h"
#include "th-room-qr.h"
#include "th-set.h"

#define MIN_SIDE 160

struct _ThHostQr
{
  GtkWidget parent_instance;

  char *text;
  ThRoomQr *qr;
};

G_DEFINE_FINAL_TYPE (ThHostQr, th_host_qr, GTK_TYPE_WIDGET)

static void
th_host_qr_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ThHostQr *self = TH_HOST_QR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int side = MIN (width, height);
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->qr == NULL || side <= 0)
    return;

  /* Centred in whatever it was given: the code must stay square. */
  graphene_rect_init (&bounds, (width - side) / 2, (height - side) / 2, side, side);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  th_room_qr_draw (self->qr, cr, bounds.origin.x, bounds.origin.y, side);
  cairo_destroy (cr);
}

static void
th_host_qr_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                    int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* Square: as tall as it is wide, when the other size is known. */
  *minimum = MIN_SIDE;
  *natural = for_size > 0 ? MAX (MIN_SIDE, for_size) : 2 * MIN_SIDE;
}

static GtkSizeRequestMode
th_host_qr_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
th_host_qr_finalize (GObject *object)
{
  ThHostQr *self = TH_HOST_QR (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->qr, th_room_qr_free);

  G_OBJECT_CLASS (th_host_qr_parent_class)->finalize (object);
}

static void
th_host_qr_class_init (ThHostQrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = th_host_qr_finalize;
  widget_class->snapshot = th_host_qr_snapshot;
  widget_class->measure = th_host_qr_measure;
  widget_class->get_request_mode = th_host_qr_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "thhostqr");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
th_host_qr_init (ThHostQr *self)
{
}

TH_DEFINE_GETTER (const char *, th_host_qr_get_text, ThHostQr, TH_IS_HOST_QR, text, NULL)

void
th_host_qr_set_text (ThHostQr *self, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (TH_IS_HOST_QR (self));

  if (!th_set_str (&self->text, text))
    return;

  g_clear_pointer (&self->qr, th_room_qr_free);

  if (text != NULL)
    {
      self->qr = th_room_qr_new (text, &error);
      if (self->qr == NULL)
        g_warning ("Could not make the join QR code: %s", error->message);
    }

  if (text != NULL)
    {
      /* Translators: what a screen reader says for the QR code image. */
      g_autofree char *label = g_strdup_printf (_ ("QR code for %s"), text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
