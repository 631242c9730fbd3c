/* th-room-secret.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Join codes: six characters from an alphabet without look-alikes (no O/0,
 * no I/1), so that a code read off a projector is typed right. */
#define TH_ROOM_JOIN_CODE_LENGTH 6
#define TH_ROOM_JOIN_CODE_ALPHABET "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/* Tokens: 128 random bits as 32 lower-case hex digits. */
#define TH_ROOM_TOKEN_BYTES 16
#define TH_ROOM_TOKEN_LENGTH (TH_ROOM_TOKEN_BYTES * 2)

/* Fills @buffer from the kernel's CSPRNG (getrandom(2)); never from
 * g_random, whose output can be predicted from a few samples. */
gboolean th_room_random_bytes (guint8 *buffer, gsize length, GError **error);

char *th_room_new_token (GError **error);
char *th_room_new_join_code (GError **error);

/* Upper-cases @input and drops spaces and dashes ("abc 234" → "ABC234").
 * Returns NULL unless the result is a well-formed join code. */
char *th_room_normalize_join_code (const char *input);

/* TRUE if @token is exactly TH_ROOM_TOKEN_LENGTH lower-case hex digits. */
gboolean th_room_token_is_well_formed (const char *token);

/* Compares in time that depends on @length only, never on where the
 * buffers first differ. */
gboolean th_room_equal_constant_time (const void *a, const void *b, gsize length);

G_END_DECLS
