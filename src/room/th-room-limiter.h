/* th-room-limiter.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A token bucket per key (a client's address): @rate tokens a second, at
 * most @burst saved up.  The table of buckets is bounded, so a flood from
 * many addresses costs memory in proportion to TH_ROOM_LIMITER_MAX_KEYS,
 * not to the flood. */
#define TH_ROOM_LIMITER_MAX_KEYS 4096

typedef struct _ThRoomLimiter ThRoomLimiter;

ThRoomLimiter *th_room_limiter_new (double rate, double burst);
void th_room_limiter_free (ThRoomLimiter *self);

void th_room_limiter_set_rate (ThRoomLimiter *self, double rate, double burst);

/* Takes @cost tokens from the bucket of @key at time @now_us (monotonic,
 * microseconds).  Returns FALSE, taking nothing, when there are not enough;
 * then @retry_after_s (if not NULL) says when there will be. */
gboolean th_room_limiter_take (ThRoomLimiter *self, const char *key, double cost, gint64 now_us,
                               guint *retry_after_s);

/* Whether th_room_limiter_take() would give @cost now, taking nothing;
 * if not, @retry_after_s says when it would. */
gboolean th_room_limiter_check (ThRoomLimiter *self, const char *key, double cost, gint64 now_us,
                                guint *retry_after_s);

/* Takes @cost tokens whatever the bucket holds: a penalty (a wrong join
 * code) charged in full, leaving the bucket below zero if need be, so
 * that the key waits until it has paid. */
void th_room_limiter_charge (ThRoomLimiter *self, const char *key, double cost, gint64 now_us);

/* Whether th_room_limiter_take() would give @cost now if the bucket of
 * @key could go @reserve below zero, taking nothing; if not,
 * @retry_after_s says when it would.  A budget with a reserve that only
 * some callers may use (th_room_limiter_check() is this with none). */
gboolean th_room_limiter_check_reserve (ThRoomLimiter *self, const char *key, double cost,
                                        double reserve, gint64 now_us, guint *retry_after_s);

/* Whether the bucket of @key is full at @now_us: the key has taken
 * nothing lately that it has not earned back.  A key the table does not
 * hold is full (a new bucket starts full). */
gboolean th_room_limiter_is_full (ThRoomLimiter *self, const char *key, gint64 now_us);

guint th_room_limiter_get_n_keys (ThRoomLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomLimiter, th_room_limiter_free)

G_END_DECLS
