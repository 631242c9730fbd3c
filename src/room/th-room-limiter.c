/* th-room-limiter.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "th-room-limiter.h"

typedef struct
{
  double tokens;
  gint64 updated_us;
} Bucket;

struct _ThRoomLimiter
{
  double rate;
  double burst;
  GHashTable *buckets; /* key → Bucket */
};

ThRoomLimiter *
th_room_limiter_new (double rate, double burst)
{
  ThRoomLimiter *self = g_new0 (ThRoomLimiter, 1);

  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  th_room_limiter_set_rate (self, rate, burst);

  return self;
}

void
th_room_limiter_free (ThRoomLimiter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->buckets);
  g_free (self);
}

void
th_room_limiter_set_rate (ThRoomLimiter *self, double rate, double burst)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rate > 0 && burst >= 1);

  self->rate = rate;
  self->burst = burst;
}

static void
refill (ThRoomLimiter *self, Bucket *bucket, gint64 now_us)
{
  if (now_us > bucket->updated_us)
    {
      double elapsed = (double)(now_us - bucket->updated_us) / G_USEC_PER_SEC;

      bucket->tokens = MIN (self->burst, bucket->tokens + elapsed * self->rate);
      bucket->updated_us = now_us;
    }
}

/* Drops the buckets that have filled up again: forgetting them changes
 * nothing, since a new bucket starts full. */
static void
prune (ThRoomLimiter *self, gint64 now_us)
{
  GHashTableIter iter;
  Bucket *bucket;

  g_hash_table_iter_init (&iter, self->buckets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&bucket))
    {
      refill (self, bucket, now_us);
      if (bucket->tokens >= self->burst)
        g_hash_table_iter_remove (&iter);
    }
}

gboolean
th_room_limiter_take (ThRoomLimiter *self, const char *key, double cost, gint64 now_us,
                      guint *retry_after_s)
{
  Bucket *bucket;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bucket = g_hash_table_lookup (self->buckets, key);
  if (bucket == NULL)
    {
      if (g_hash_table_size (self->buckets) >= TH_ROOM_LIMITER_MAX_KEYS)
        prune (self, now_us);

      /* Still full: thousands of addresses are busy at once.  Refusing
       * newcomers until some calm down keeps the table bounded. */
      if (g_hash_table_size (self->buckets) >= TH_ROOM_LIMITER_MAX_KEYS)
        {
          if (retry_after_s != NULL)
            *retry_after_s = (guint)ceil (self->burst / self->rate);
          return FALSE;
        }

      bucket = g_new (Bucket, 1);
      bucket->tokens = self->burst;
      bucket->updated_us = now_us;
      g_hash_table_insert (self->buckets, g_strdup (key), bucket);
    }

  refill (self, bucket, now_us);

  if (bucket->tokens < cost)
    {
      if (retry_after_s != NULL)
        *retry_after_s = MAX (1, (guint)ceil ((cost - bucket->tokens) / self->rate));
      return FALSE;
    }

  bucket->tokens -= cost;
  return TRUE;
}

void
th_room_limiter_charge (ThRoomLimiter *self, const char *key, double cost, gint64 now_us)
{
  Bucket *bucket;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  /* The request being charged for has been let in, so its bucket exists
   * unless the table was pruned meanwhile; then there is nothing to take. */
  bucket = g_hash_table_lookup (self->buckets, key);
  if (bucket == NULL)
    return;

  refill (self, bucket, now_us);
  bucket->tokens = MAX (0.0, bucket->tokens - cost);
}

guint
th_room_limiter_get_n_keys (ThRoomLimiter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->buckets);
}
