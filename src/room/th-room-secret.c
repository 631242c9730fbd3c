/* th-room-secret.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "th-room-secret.h"

G_STATIC_ASSERT (sizeof (TH_ROOM_JOIN_CODE_ALPHABET) - 1 == 32);

gboolean
th_room_random_bytes (guint8 *buffer, gsize length, GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _ ("Could not get random numbers from the system: %s"),
                       g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize)n;
    }

  return TRUE;
}

char *
th_room_new_token (GError **error)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[TH_ROOM_TOKEN_BYTES];
  char *token;

  if (!th_room_random_bytes (bytes, sizeof bytes, error))
    return NULL;

  token = g_malloc (TH_ROOM_TOKEN_LENGTH + 1);
  for (guint i = 0; i < TH_ROOM_TOKEN_BYTES; i++)
    {
      token[2 * i] = hex[bytes[i] >> 4];
      token[2 * i + 1] = hex[bytes[i] & 0xf];
    }
  token[TH_ROOM_TOKEN_LENGTH] = '\0';
  memset (bytes, 0, sizeof bytes);

  return token;
}

char *
th_room_new_join_code (GError **error)
{
  guint8 bytes[TH_ROOM_JOIN_CODE_LENGTH];
  char *code;

  if (!th_room_random_bytes (bytes, sizeof bytes, error))
    return NULL;

  /* The alphabet has 32 letters, so the low five bits of a uniform byte
   * are uniform: no modulo bias. */
  code = g_malloc (TH_ROOM_JOIN_CODE_LENGTH + 1);
  for (guint i = 0; i < TH_ROOM_JOIN_CODE_LENGTH; i++)
    code[i] = TH_ROOM_JOIN_CODE_ALPHABET[bytes[i] & 31];
  code[TH_ROOM_JOIN_CODE_LENGTH] = '\0';

  return code;
}

char *
th_room_normalize_join_code (const char *input)
{
  char code[TH_ROOM_JOIN_CODE_LENGTH + 1];
  guint n = 0;

  if (input == NULL)
    return NULL;

  for (const char *p = input; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-')
        continue;
      if (n == TH_ROOM_JOIN_CODE_LENGTH || strchr (TH_ROOM_JOIN_CODE_ALPHABET, c) == NULL)
        return NULL;
      code[n++] = c;
    }

  if (n != TH_ROOM_JOIN_CODE_LENGTH)
    return NULL;
  code[n] = '\0';

  return g_strdup (code);
}

gboolean
th_room_token_is_well_formed (const char *token)
{
  if (token == NULL)
    return FALSE;

  for (guint i = 0; i < TH_ROOM_TOKEN_LENGTH; i++)
    {
      char c = token[i];

      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return FALSE;
    }

  return token[TH_ROOM_TOKEN_LENGTH] == '\0';
}

gboolean
th_room_equal_constant_time (const void *a, const void *b, gsize length)
{
  const volatile guint8 *x = a;
  const volatile guint8 *y = b;
  guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= x[i] ^ y[i];

  return difference == 0;
}
