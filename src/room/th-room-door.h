/* th-room-door.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "th-room-guest.h"
#include "th-session.h"

G_BEGIN_DECLS

/* Who may come into a room, and as whom: the size of the room, the limits
 * of joins per address and room-wide, the room's budget of wrong join
 * codes, the names it refuses (the rule of th-name.h, the facilitator's
 * refused words, the names of people the facilitator removed, until the
 * facilitator allows them again), generated names, and a count of the
 * joins it turned away.  A ThRoomServer has one
 * (th_room_server_get_door()); the host page and `two-hats --host` set it
 * from the same settings (th_room_door_bind_settings()). */

/* The settings' defaults, which a room without settings has too.  Sixty
 * joins saved up per address let a class of forty behind one router (a
 * NAT address) all join at once, and a few of them again; after that one
 * join every two seconds, so that one address cannot fill a room. */
#define TH_ROOM_DEFAULT_ROOM_SIZE 100
#define TH_ROOM_DEFAULT_JOIN_BURST 60
#define TH_ROOM_DEFAULT_JOINS_PER_MINUTE 30.0

/* Joins room-wide, whatever address they come from, in two budgets.  A
 * first join (from an address nobody joined from in the last ten
 * minutes, ten minutes for each join made from it) spends the first:
 * three hundred at once, then five a second, so that a room of a couple
 * of hundred phones, each with its own address, all join at once.  Any
 * other join spends the second: sixty at once, as the limit of one
 * address has, then one every two seconds, so that a class behind one
 * router still joins at once but a few addresses cannot fill the room
 * in seconds (two addresses take over a minute to fill a hundred). */
#define TH_ROOM_DEFAULT_FIRST_JOIN_BURST 300
#define TH_ROOM_DEFAULT_FIRST_JOINS_PER_MINUTE 300.0
#define TH_ROOM_DEFAULT_REPEAT_JOIN_BURST 60
#define TH_ROOM_DEFAULT_REPEAT_JOINS_PER_MINUTE 30.0
#define TH_ROOM_JOIN_MEMORY_S 600

/* Wrong join codes, room-wide, whatever address they come from, in two
 * budgets.  An address may mistype: its first three wrong codes, and one
 * more for every ten minutes since, come out of the typos' budget, two
 * hundred at once and then fifty a second.  An address past that is
 * guessing: its wrong codes come out of the guesses' budget, twenty at
 * once and then two a second, and once that is spent its joins wait
 * (429), their codes unchecked.  Guessing from elsewhere never spends the
 * typos' budget, so a phone typing the right code keeps having it
 * checked; to keep that budget spent a guesser would need tens of
 * thousands of addresses, and however many it has, the room checks at
 * most 220 wrong codes at once and then 52 a second (a chance of about
 * one in two thousand of finding a code of six letters in three hours). */
#define TH_ROOM_DEFAULT_TYPO_BURST 200
#define TH_ROOM_DEFAULT_TYPOS_PER_MINUTE 3000.0
#define TH_ROOM_TYPOS_PER_ADDRESS 3
#define TH_ROOM_TYPO_MEMORY_S 600
#define TH_ROOM_DEFAULT_WRONG_CODE_BURST 20
#define TH_ROOM_DEFAULT_WRONG_CODES_PER_MINUTE 120.0

/* Why a join was turned away, as the host page counts them. */
typedef enum
{
  TH_ROOM_REFUSED_LOCKED,     /* the room is locked (423) */
  TH_ROOM_REFUSED_FULL,       /* the room is full (423) */
  TH_ROOM_REFUSED_JOIN_LIMIT, /* too many joins from one address (429) */
  TH_ROOM_REFUSED_NAME,       /* the right code, a name the room refuses (400) */
  TH_ROOM_REFUSED_CODE,       /* a wrong code (403) */
  TH_ROOM_N_REFUSALS,
} ThRoomRefusal;

#define TH_ROOM_DOOR_ERROR (th_room_door_error_quark ())

typedef enum
{
  /* The facilitator removed someone of this name from the room. */
  TH_ROOM_DOOR_ERROR_NAME_REMOVED,
} ThRoomDoorError;

GQuark th_room_door_error_quark (void);

#define TH_TYPE_ROOM_DOOR (th_room_door_get_type ())
G_DECLARE_FINAL_TYPE (ThRoomDoor, th_room_door, TH, ROOM_DOOR, GObject)

ThRoomDoor *th_room_door_new (void);

/* The most people who can be in the room at once (1 to TH_ROOM_MAX_GUESTS);
 * property "room-size".  Lowering it sends nobody away. */
guint th_room_door_get_room_size (ThRoomDoor *self);
void th_room_door_set_room_size (ThRoomDoor *self, guint room_size);

/* Whether each phone gets a friendly name ("Orange Owl") instead of the
 * one it sends; property "generated-names". */
gboolean th_room_door_get_generated_names (ThRoomDoor *self);
void th_room_door_set_generated_names (ThRoomDoor *self, gboolean generated_names);

/* Words no name in the room may hold (NULL-terminated, may be empty);
 * property "refused-words". */
const char *const *th_room_door_get_refused_words (ThRoomDoor *self);
void th_room_door_set_refused_words (ThRoomDoor *self, const char *const *refused_words);

/* Joins per address: @burst at once, then @joins_per_minute. */
void th_room_door_set_join_limit (ThRoomDoor *self, double joins_per_minute, guint burst);

/* Wrong join codes room-wide: @burst at once, then @per_minute (besides
 * the reserve for addresses that sent none lately). */
void th_room_door_set_wrong_code_limit (ThRoomDoor *self, double per_minute, guint burst);

/* The joins turned away for @refusal since the door was made; properties
 * "n-refused-locked", "n-refused-full", "n-refused-join-limit",
 * "n-refused-name" and "n-refused-code". */
guint th_room_door_get_n_refused (ThRoomDoor *self, ThRoomRefusal refusal);
void th_room_door_count_refusal (ThRoomDoor *self, ThRoomRefusal refusal);

/* Takes one join from the budget of @address, and one from the room's,
 * at @now_us (monotonic); FALSE, and in @retry_after_s the seconds until
 * there is one, when the address has joined too often, or the room has
 * taken too many joins (then @room_wide, if not NULL, is TRUE). */
gboolean th_room_door_take_join_full (ThRoomDoor *self, const char *address, gint64 now_us,
                                      guint *retry_after_s, gboolean *room_wide);
/* The same, without saying which budget was spent. */
gboolean th_room_door_take_join (ThRoomDoor *self, const char *address, gint64 now_us,
                                 guint *retry_after_s);

/* Whether the code of a join from @address may be checked at @now_us
 * (monotonic): FALSE, and in @retry_after_s the seconds until it may,
 * when the room's budget of wrong codes is spent for this address. */
gboolean th_room_door_may_check_code (ThRoomDoor *self, const char *address, gint64 now_us,
                                      guint *retry_after_s);
/* A join from @address had a wrong code: charged to the room's budget,
 * remembered of the address, and counted (TH_ROOM_REFUSED_CODE). */
void th_room_door_wrong_code (ThRoomDoor *self, const char *address, gint64 now_us);

/* Checks a name a phone sent (which the rule of th_name_check() has
 * passed already) against the refused words and the removed names: an
 * error in TH_NAME_ERROR or TH_ROOM_DOOR_ERROR. */
gboolean th_room_door_check_name (ThRoomDoor *self, const char *name, GError **error);

/* A generated name no participant of @session has and nobody removed
 * has had; NULL when none can be made. */
char *th_room_door_generate_name (ThRoomDoor *self, ThSession *session);

/* @guest came in; @named when the name is theirs (sent or generated),
 * not "Participant N". */
void th_room_door_admitted (ThRoomDoor *self, ThRoomGuest *guest, gboolean named);
/* A join undone before anyone held its token: forgotten, not removed. */
void th_room_door_forget (ThRoomDoor *self, const char *participant_id);
/* @guest was removed: their token answers "removed" from now on, and
 * their name (if they were named) is refused until allowed again. */
void th_room_door_removed (ThRoomDoor *self, ThRoomGuest *guest);
/* Whether a token whose SHA-256 is @digest belonged to someone removed. */
gboolean th_room_door_token_was_removed (ThRoomDoor *self, GBytes *digest);

/* The removed guests whose names the room refuses, in the order they
 * were removed (a GListModel of ThRoomGuest). */
GListModel *th_room_door_get_removed (ThRoomDoor *self);
/* The facilitator's consent: @name may join again.  FALSE when no
 * removed name matched. */
gboolean th_room_door_allow_name (ThRoomDoor *self, const char *name);

/* The application's settings when their schema is installed, else NULL
 * (a build tree run without `meson devenv`). */
GSettings *th_room_settings_new (void);
/* Follows the settings "room-size", "generated-names" and
 * "refused-words". */
void th_room_door_bind_settings (ThRoomDoor *self, GSettings *settings);

G_END_DECLS
