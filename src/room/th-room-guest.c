/* th-room-guest.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-property.h"
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

static const ThProperty property_access[N_PROPS] = {
  [PROP_ID] = TH_PROPERTY_FIELD (ThRoomGuest, id, NULL),
  [PROP_NAME] = TH_PROPERTY_FIELD (ThRoomGuest, name, NULL),
  [PROP_STATUS] = TH_PROPERTY_FIELD (ThRoomGuest, status, NULL),
  [PROP_N_SORTED] = TH_PROPERTY_FIELD (ThRoomGuest, n_sorted, NULL),
  [PROP_N_RATED] = TH_PROPERTY_FIELD (ThRoomGuest, n_rated, NULL),
  [PROP_PARTICIPANT] = TH_PROPERTY_FIELD (ThRoomGuest, participant, NULL),
};

static void
th_room_guest_class_init (ThRoomGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_room_guest_dispose;
  object_class->finalize = th_room_guest_finalize;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, TH_PARAM_READABLE);
  properties[PROP_NAME]
    = g_param_spec_string ("name", NULL, NULL, NULL, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TH_TYPE_ROOM_STATUS,
                                               TH_ROOM_STATUS_JOINED, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_N_SORTED]
    = g_param_spec_uint ("n-sorted", NULL, NULL, 0, G_MAXUINT, 0, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_N_RATED]
    = g_param_spec_uint ("n-rated", NULL, NULL, 0, G_MAXUINT, 0, TH_PARAM_READABLE_EXPLICIT);
  properties[PROP_PARTICIPANT]
    = g_param_spec_object ("participant", NULL, NULL, TH_TYPE_PARTICIPANT, TH_PARAM_READABLE);

  th_property_install (object_class, N_PROPS, properties, property_access);
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

TH_DEFINE_GETTER (GBytes *, th_room_guest_get_token_digest, ThRoomGuest, TH_IS_ROOM_GUEST,
                  token_digest, NULL)

TH_DEFINE_GETTER (const char *, th_room_guest_get_id, ThRoomGuest, TH_IS_ROOM_GUEST, id, NULL)

TH_DEFINE_GETTER (const char *, th_room_guest_get_name, ThRoomGuest, TH_IS_ROOM_GUEST, name, NULL)

TH_DEFINE_GETTER (ThRoomStatus, th_room_guest_get_status, ThRoomGuest, TH_IS_ROOM_GUEST, status,
                  TH_ROOM_STATUS_JOINED)

TH_DEFINE_GETTER (ThParticipant *, th_room_guest_get_participant, ThRoomGuest, TH_IS_ROOM_GUEST,
                  participant, NULL)

TH_DEFINE_GETTER (guint, th_room_guest_get_n_sorted, ThRoomGuest, TH_IS_ROOM_GUEST, n_sorted, 0)

TH_DEFINE_GETTER (guint, th_room_guest_get_n_rated, ThRoomGuest, TH_IS_ROOM_GUEST, n_rated, 0)

TH_DEFINE_GETTER (guint, th_room_guest_get_n_behaviours, ThRoomGuest, TH_IS_ROOM_GUEST,
                  n_behaviours, 0)

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
