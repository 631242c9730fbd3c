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

/* The bucket of @key, refilled up to @now_us; NULL when a new one would
 * not fit in the table (a new bucket starts full). */
static Bucket *
lookup_bucket (ThRoomLimiter *self, const char *key, gint64 now_us, gboolean create)
{
  Bucket *bucket = g_hash_table_lookup (self->buckets, key);

  if (bucket == NULL)
    {
      if (!create)
        return NULL;

      if (g_hash_table_size (self->buckets) >= TH_ROOM_LIMITER_MAX_KEYS)
        prune (self, now_us);

      /* Still full: thousands of keys are busy at once.  Refusing
       * newcomers until some calm down keeps the table bounded. */
      if (g_hash_table_size (self->buckets) >= TH_ROOM_LIMITER_MAX_KEYS)
        return NULL;

      bucket = g_new (Bucket, 1);
      bucket->tokens = self->burst;
      bucket->updated_us = now_us;
      g_hash_table_insert (self->buckets, g_strdup (key), bucket);
    }

  refill (self, bucket, now_us);
  return bucket;
}

/* Whether @bucket holds @cost, going at most @reserve below zero; if
 * not, when it will (in whole seconds, at least one). */
static gboolean
holds (ThRoomLimiter *self, Bucket *bucket, double cost, double reserve, guint *retry_after_s)
{
  if (bucket == NULL)
    {
      if (retry_after_s != NULL)
        *retry_after_s = (guint)ceil (self->burst / self->rate);
      return FALSE;
    }

  if (bucket->tokens + reserve < cost)
    {
      if (retry_after_s != NULL)
        *retry_after_s = MAX (1, (guint)ceil ((cost - reserve - bucket->tokens) / self->rate));
      return FALSE;
    }

  return TRUE;
}

gboolean
th_room_limiter_take (ThRoomLimiter *self, const char *key, double cost, gint64 now_us,
                      guint *retry_after_s)
{
  Bucket *bucket;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bucket = lookup_bucket (self, key, now_us, TRUE);
  if (!holds (self, bucket, cost, 0.0, retry_after_s))
    return FALSE;

  bucket->tokens -= cost;
  return TRUE;
}

gboolean
th_room_limiter_check (ThRoomLimiter *self, const char *key, double cost, gint64 now_us,
                       guint *retry_after_s)
{
  return th_room_limiter_check_reserve (self, key, cost, 0.0, now_us, retry_after_s);
}

gboolean
th_room_limiter_check_reserve (ThRoomLimiter *self, const char *key, double cost, double reserve,
                               gint64 now_us, guint *retry_after_s)
{
  Bucket *bucket;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (reserve >= 0, FALSE);

  bucket = lookup_bucket (self, key, now_us, FALSE);
  if (bucket == NULL)
    {
      /* A new bucket would start full, if one fits; none is stored yet. */
      if (g_hash_table_size (self->buckets) >= TH_ROOM_LIMITER_MAX_KEYS)
        prune (self, now_us);
      if (g_hash_table_size (self->buckets) < TH_ROOM_LIMITER_MAX_KEYS
          && cost <= self->burst + reserve)
        return TRUE;
    }
  return holds (self, bucket, cost, reserve, retry_after_s);
}

gboolean
th_room_limiter_is_full (ThRoomLimiter *self, const char *key, gint64 now_us)
{
  Bucket *bucket;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  bucket = lookup_bucket (self, key, now_us, FALSE);
  return bucket == NULL || bucket->tokens >= self->burst;
}

void
th_room_limiter_charge (ThRoomLimiter *self, const char *key, double cost, gint64 now_us)
{
  Bucket *bucket;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  /* Charged in full, below zero if need be: a penalty that stopped at
   * an empty bucket would cost almost nothing once the bucket is low,
   * and a guesser would get as many tries as the plain rate allows. */
  bucket = lookup_bucket (self, key, now_us, TRUE);
  if (bucket != NULL)
    bucket->tokens -= cost;
}

guint
th_room_limiter_get_n_keys (ThRoomLimiter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->buckets);
}
