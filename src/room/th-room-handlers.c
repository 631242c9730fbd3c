/* th-room-handlers.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-room-server-private.h"

/* JSON bodies of the protocol */

static const char *
phase_to_string (ThPhase phase)
{
  switch (phase)
    {
      case TH_PHASE_SORT:
        return "sort";
      case TH_PHASE_REVEAL:
        return "reveal";
      case TH_PHASE_REFLECT:
        return "reflect";
      case TH_PHASE_CHART:
        return "chart";
      default:
        return "sort";
    }
}

JsonNode *
_th_room_me_node (ThRoomGuest *guest)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  ThParticipant *participant = th_room_guest_get_participant (guest);
  g_autoptr (GPtrArray) sorted = th_participant_dup_sorted_ids (participant);
  g_autoptr (GPtrArray) rated = th_participant_dup_rated_ids (participant);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "participant");
  json_builder_add_string_value (builder, th_participant_get_id (participant));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, th_participant_get_name (participant));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 th_room_status_to_string (th_room_guest_get_status (guest)));

  json_builder_set_member_name (builder, "sort");
  json_builder_begin_object (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *id = sorted->pdata[i];
      ThSide side;

      if (th_participant_get_sort (participant, id, &side))
        {
          json_builder_set_member_name (builder, id);
          json_builder_add_string_value (builder, th_side_to_string (side));
        }
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < rated->len; i++)
    {
      const char *id = rated->pdata[i];

      json_builder_set_member_name (builder, id);
      json_builder_add_int_value (builder, th_participant_get_rating (participant, id));
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
_th_room_deck_node (ThRoomServer *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  ThDeck *deck = th_session_get_deck (self->session);
  ThPhase phase = th_session_get_phase (self->session);
  /* The key is the answer to the exercise: it only leaves the app once
   * the facilitator has revealed it. */
  gboolean revealed = phase >= TH_PHASE_REVEAL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, th_deck_get_title (deck));
  if (th_deck_get_language (deck) != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, th_deck_get_language (deck));
    }
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, phase_to_string (phase));
  json_builder_set_member_name (builder, "revealed");
  json_builder_add_boolean_value (builder, revealed);

  json_builder_set_member_name (builder, "behaviours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < th_deck_get_n_behaviours (deck); i++)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (deck, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, th_behaviour_get_id (behaviour));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, th_behaviour_get_text (behaviour));
      if (revealed)
        {
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder,
                                         th_side_to_string (th_behaviour_get_key (behaviour)));
          if (th_behaviour_get_why (behaviour) != NULL)
            {
              json_builder_set_member_name (builder, "why");
              json_builder_add_string_value (builder, th_behaviour_get_why (behaviour));
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
_th_room_state_node (ThRoomServer *self, ThRoomGuest *guest)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  const char *title = th_session_get_title (self->session);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, phase_to_string (th_session_get_phase (self->session)));
  json_builder_set_member_name (builder, "locked");
  json_builder_add_boolean_value (builder, self->locked);
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    json_builder_add_string_value (builder, title);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "participant");
  json_builder_add_string_value (builder, th_room_guest_get_id (guest));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, th_room_guest_get_name (guest));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 th_room_status_to_string (th_room_guest_get_status (guest)));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
_th_room_join_node (ThRoomGuest *guest, const char *token)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "participant");
  json_builder_add_string_value (builder, th_room_guest_get_id (guest));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, th_room_guest_get_name (guest));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
