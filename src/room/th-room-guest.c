/* th-room-guest.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-room-guest-private.h"

struct _ThRoomGuest
{
  GObject parent_instance;

  ThParticipant *participant;
  gulong changed_handler;
  char *id;
  char *name;
  guint n_behaviours;
  guint n_sorted;
  guint n_rated;
  ThRoomStatus status;
  GBytes *token_digest;
};

G_DEFINE_FINAL_TYPE (ThRoomGuest, th_room_guest, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATUS,
  PROP_N_SORTED,
  PROP_N_RATED,
  PROP_PARTICIPANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (ThRoomStatus, th_room_status,
                    G_DEFINE_ENUM_VALUE (TH_ROOM_STATUS_JOINED, "joined"),
                    G_DEFINE_ENUM_VALUE (TH_ROOM_STATUS_SORTING, "sorting"),
                    G_DEFINE_ENUM_VALUE (TH_ROOM_STATUS_RATING, "rating"),
                    G_DEFINE_ENUM_VALUE (TH_ROOM_STATUS_FINISHED, "finished"))

const char *
th_room_status_to_string (ThRoomStatus status)
{
  GEnumClass *klass = g_type_class_ref (TH_TYPE_ROOM_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  /* The enum's own nicks, which the protocol uses; a static type class
   * stays, so the nick outlives the reference. */
  g_type_class_unref (klass);
  return value != NULL ? value->value_nick : "joined";
}

const char *
th_room_status_get_display_name (ThRoomStatus status)
{
  switch (status)
    {
      case TH_ROOM_STATUS_JOINED:
        /* Translators: a participant's progress in the room list. */
        return _ ("Joined");
      case TH_ROOM_STATUS_SORTING:
        return _ ("Sorting");
      case TH_ROOM_STATUS_RATING:
        return _ ("Rating");
      case TH_ROOM_STATUS_FINISHED:
        return _ ("Finished");
      default:
        g_return_val_if_reached (NULL);
    }
}

ThRoomStatus
th_room_status_for_counts (guint n_sorted, guint n_rated, guint n_behaviours)
{
  if (n_behaviours > 0 && n_sorted >= n_behaviours && n_rated >= n_behaviours)
    return TH_ROOM_STATUS_FINISHED;
  if ((n_behaviours > 0 && n_sorted >= n_behaviours) || n_rated > 0)
    return TH_ROOM_STATUS_RATING;
  if (n_sorted > 0)
    return TH_ROOM_STATUS_SORTING;
  return TH_ROOM_STATUS_JOINED;
}

static void
update (ThRoomGuest *self)
{
  const char *name;
  ThRoomStatus status;

  if (self->participant == NULL)
    return;

  name = th_participant_get_name (self->participant);
  if (g_strcmp0 (name, self->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }

  if (th_participant_get_n_sorted (self->participant) != self->n_sorted)
    {
      self->n_sorted = th_participant_get_n_sorted (self->participant);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SORTED]);
    }
  if (th_participant_get_n_rated (self->participant) != self->n_rated)
    {
      self->n_rated = th_participant_get_n_rated (self->participant);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RATED]);
    }

  status = th_room_status_for_counts (self->n_sorted, self->n_rated, self->n_behaviours);
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

void
th_room_guest_detach (ThRoomGuest *self)
{
  g_return_if_fail (TH_IS_ROOM_GUEST (self));

  g_clear_signal_handler (&self->changed_handler, self->participant);
}

static void
th_room_guest_dispose (GObject *object)
{
  ThRoomGuest *self = TH_ROOM_GUEST (object);

  th_room_guest_detach (self);
  g_clear_object (&self->participant);

  G_OBJECT_CLASS (th_room_guest_parent_class)->dispose (object);
}

static void
th_room_guest_finalize (GObject *object)
{
  ThRoomGuest *self = TH_ROOM_GUEST (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->token_digest, g_bytes_unref);

  G_OBJECT_CLASS (th_room_guest_parent_class)->finalize (object);
}

static void
th_room_guest_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThRoomGuest *self = TH_ROOM_GUEST (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_NAME:
        g_value_set_string (value, self->name);
        break;
      case PROP_STATUS:
        g_value_set_enum (value, self->status);
        break;
      case PROP_N_SORTED:
        g_value_set_uint (value, self->n_sorted);
        break;
      case PROP_N_RATED:
        g_value_set_uint (value, self->n_rated);
        break;
      case PROP_PARTICIPANT:
        g_value_set_object (value, self->participant);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_room_guest_class_init (ThRoomGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_room_guest_dispose;
  object_class->finalize = th_room_guest_finalize;
  object_class->get_property = th_room_guest_get_property;

  properties[PROP_ID]
    = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS]
    = g_param_spec_enum ("status", NULL, NULL, TH_TYPE_ROOM_STATUS, TH_ROOM_STATUS_JOINED,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SORTED]
    = g_param_spec_uint ("n-sorted", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RATED]
    = g_param_spec_uint ("n-rated", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT] = g_param_spec_object (
    "participant", NULL, NULL, TH_TYPE_PARTICIPANT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_room_guest_init (ThRoomGuest *self)
{
}

ThRoomGuest *
th_room_guest_new (ThParticipant *participant, guint n_behaviours, const guint8 *token_digest)
{
  ThRoomGuest *self;

  g_return_val_if_fail (TH_IS_PARTICIPANT (participant), NULL);
  g_return_val_if_fail (token_digest != NULL, NULL);

  self = g_object_new (TH_TYPE_ROOM_GUEST, NULL);
  self->participant = g_object_ref (participant);
  self->id = g_strdup (th_participant_get_id (participant));
  self->n_behaviours = n_behaviours;
  self->token_digest = g_bytes_new (token_digest, TH_ROOM_TOKEN_DIGEST_SIZE);
  self->changed_handler = g_signal_connect_object (participant, "changed", G_CALLBACK (update),
                                                   self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

GBytes *
th_room_guest_get_token_digest (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), NULL);

  return self->token_digest;
}

const char *
th_room_guest_get_id (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), NULL);

  return self->id;
}

const char *
th_room_guest_get_name (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), NULL);

  return self->name;
}

ThRoomStatus
th_room_guest_get_status (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), TH_ROOM_STATUS_JOINED);

  return self->status;
}

ThParticipant *
th_room_guest_get_participant (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), NULL);

  return self->participant;
}

guint
th_room_guest_get_n_sorted (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), 0);

  return self->n_sorted;
}

guint
th_room_guest_get_n_rated (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), 0);

  return self->n_rated;
}

guint
th_room_guest_get_n_behaviours (ThRoomGuest *self)
{
  g_return_val_if_fail (TH_IS_ROOM_GUEST (self), 0);

  return self->n_behaviours;
}

guint
th_room_guests_count_finished (GListModel *guests)
{
  guint n_finished = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (guests), 0);

  for (guint i = 0; i < g_list_model_get_n_items (guests); i++)
    {
      g_autoptr (ThRoomGuest) guest = g_list_model_get_item (guests, i);

      if (guest->status == TH_ROOM_STATUS_FINISHED)
        n_finished++;
    }
  return n_finished;
}
