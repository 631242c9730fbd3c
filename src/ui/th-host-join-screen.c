/* th-host-join-screen.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-host-join-screen.h"
#include "th-host-qr.h"
#include "th-property.h"
#include "th-set.h"

struct _ThHostJoinScreen
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkBox *box;
  GtkWidget *text_box;
  ThHostQr *qr;
  GtkLabel *heading;
  GtkLabel *instructions_label;
  GtkLabel *url_label;
  GtkLabel *code_caption;
  GtkLabel *code_label;
  GtkLabel *progress_label;

  ThRoomServer *server;
  gboolean presenter;
};

G_DEFINE_FINAL_TYPE (ThHostJoinScreen, th_host_join_screen, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SERVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label_style (GtkLabel *label, double scale, PangoWeight weight, int letter_spacing)
{
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  pango_attr_list_insert (attributes, pango_attr_weight_new (weight));
  if (letter_spacing != 0)
    pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (letter_spacing));
  gtk_label_set_attributes (label, attributes);
}

/* Everything is read from across a room, the code most of all: large,
 * spaced, in a face where each character of its alphabet looks different.
 * On a projector, larger still. */
static void
update_text_style (ThHostJoinScreen *self)
{
  double factor = self->presenter ? 1.8 : 1.0;

  set_label_style (self->heading, 2.0 * factor, PANGO_WEIGHT_BOLD, 0);
  set_label_style (self->instructions_label, 1.0 * factor, PANGO_WEIGHT_NORMAL, 0);
  set_label_style (self->url_label, 1.5 * factor, PANGO_WEIGHT_BOLD, 0);
  set_label_style (self->code_caption, 1.0 * factor, PANGO_WEIGHT_NORMAL, 0);
  set_label_style (self->code_label, 3.0 * factor, PANGO_WEIGHT_HEAVY, PANGO_SCALE * 6);
  set_label_style (self->progress_label, 1.0 * factor, PANGO_WEIGHT_NORMAL, 0);
}

static void
update (ThHostJoinScreen *self)
{
  g_autofree char *qr_url = NULL;

  if (self->server == NULL || !th_room_server_get_running (self->server))
    {
      gtk_stack_set_visible_child_name (self->stack, "closed");
      th_host_qr_set_text (self->qr, NULL);
      return;
    }

  qr_url = th_room_server_dup_qr_url (self->server);
  th_host_qr_set_text (self->qr, qr_url);
  gtk_label_set_label (self->url_label, th_room_server_get_join_url (self->server));
  gtk_label_set_label (self->code_label, th_room_server_get_join_code (self->server));
  gtk_stack_set_visible_child_name (self->stack, "open");
}

/* How far the room is, for everyone to see: counts, never names. */
static void
update_progress (ThHostJoinScreen *self)
{
  GListModel *guests = th_room_server_get_guests (self->server);
  guint n = g_list_model_get_n_items (guests);
  g_autofree char *progress = NULL;

  if (n == 0)
    progress = g_strdup (_ ("Nobody has joined yet."));
  else
    progress = g_strdup_printf (ngettext ("%u of %u finished", "%u of %u finished", n),
                                th_room_guests_count_finished (guests), n);
  gtk_label_set_label (self->progress_label, progress);
}

static void
guests_changed_cb (GListModel *guests, guint position, guint removed, guint added,
                   ThHostJoinScreen *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (ThRoomGuest) guest = g_list_model_get_item (guests, i);

      g_signal_connect_object (guest, "notify::status", G_CALLBACK (update_progress), self,
                               G_CONNECT_SWAPPED);
    }
  update_progress (self);
}

static void
th_host_join_screen_set_server (ThHostJoinScreen *self, ThRoomServer *server)
{
  g_assert (self->server == NULL);

  if (server == NULL)
    return;

  self->server = g_object_ref (server);
  g_signal_connect_object (server, "notify::running", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (server, "notify::join-url", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (server, "notify::join-code", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_guests (server), "items-changed",
                           G_CALLBACK (guests_changed_cb), self, 0);
  guests_changed_cb (th_room_server_get_guests (server), 0, 0,
                     g_list_model_get_n_items (th_room_server_get_guests (server)), self);
  update (self);
}

static void
th_host_join_screen_dispose (GObject *object)
{
  ThHostJoinScreen *self = TH_HOST_JOIN_SCREEN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_HOST_JOIN_SCREEN);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (th_host_join_screen_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_SERVER] = TH_PROPERTY_FIELD (ThHostJoinScreen, server, th_host_join_screen_set_server),
};

static void
th_host_join_screen_class_init (ThHostJoinScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_host_join_screen_dispose;

  properties[PROP_SERVER]
    = g_param_spec_object ("server", NULL, NULL, TH_TYPE_ROOM_SERVER, TH_PARAM_CONSTRUCT_ONLY);
  th_property_install (object_class, N_PROPS, properties, property_access);

  g_type_ensure (TH_TYPE_HOST_QR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/th-host-join-screen.ui");
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, stack);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, box);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, text_box);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, code_caption);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, qr);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, heading);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, url_label);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, code_label);
  gtk_widget_class_bind_template_child (widget_class, ThHostJoinScreen, progress_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thhostjoinscreen");
}

static void
th_host_join_screen_init (ThHostJoinScreen *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_text_style (self);
}

GtkWidget *
th_host_join_screen_new (ThRoomServer *server)
{
  g_return_val_if_fail (TH_IS_ROOM_SERVER (server), NULL);

  return g_object_new (TH_TYPE_HOST_JOIN_SCREEN, "server", server, NULL);
}

TH_DEFINE_GETTER (ThRoomServer *, th_host_join_screen_get_server, ThHostJoinScreen,
                  TH_IS_HOST_JOIN_SCREEN, server, NULL)

TH_DEFINE_GETTER (gboolean, th_host_join_screen_get_presenter, ThHostJoinScreen,
                  TH_IS_HOST_JOIN_SCREEN, presenter, FALSE)

void
th_host_join_screen_set_presenter (ThHostJoinScreen *self, gboolean presenter)
{
  g_return_if_fail (TH_IS_HOST_JOIN_SCREEN (self));

  if (!th_set_boolean (&self->presenter, presenter))
    return;

  /* A projector is wide: the code beside the text, both large. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box), presenter ? GTK_ORIENTATION_HORIZONTAL
                                                                        : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->box, presenter ? 64 : 24);
  /* Side by side, the text gets as much room as the code. */
  gtk_widget_set_hexpand (self->text_box, presenter);
  update_text_style (self);
}

const char *
th_host_join_screen_get_progress_text (ThHostJoinScreen *self)
{
  g_return_val_if_fail (TH_IS_HOST_JOIN_SCREEN (self), NULL);

  return gtk_label_get_label (self->progress_label);
}
