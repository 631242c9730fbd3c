/* th-room-framing.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "th-room-framing.h"
#include "th-room-request.h"

/* A chunk size with its extensions is a short line; libsoup reads it
 * into a buffer of 128 bytes and takes a longer one for two. */
#define MAX_CHUNK_LINE 100
/* Sixteen hexadecimal digits, leading zeros aside, are 64 bits. */
#define MAX_CHUNK_DIGITS 16

typedef enum
{
  STATE_HEAD,       /* a request's head, up to the empty line that ends it */
  STATE_LENGTH,     /* a body of a Content-Length */
  STATE_CHUNK_SIZE, /* the line of a chunk's size */
  STATE_CHUNK_DATA, /* a chunk */
  STATE_CHUNK_END,  /* the line break after a chunk */
  STATE_LAST_LINE,  /* the line after the last chunk, which must be empty */
  STATE_LEFT,       /* left to libsoup from here on */
  STATE_REFUSED,    /* nothing more goes on */
} State;

struct _ThRoomFraming
{
  State state;
  GByteArray *line;  /* the head, or the line of a chunked body, so far */
  guint64 remaining; /* of a body of a Content-Length, or of a chunk */
  guint64 body_size; /* of a chunked body so far */
};

ThRoomFraming *
th_room_framing_new (void)
{
  ThRoomFraming *self = g_new0 (ThRoomFraming, 1);

  self->state = STATE_HEAD;
  self->line = g_byte_array_new ();
  return self;
}

void
th_room_framing_free (ThRoomFraming *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->line);
  g_free (self);
}

/* The head */

typedef enum
{
  BODY_NONE,
  BODY_LENGTH,
  BODY_CHUNKED,
  BODY_LEFT, /* libsoup's to read, or the room refuses it before it is read */
} BodyKind;

typedef struct
{
  guint status;
  const char *message;
} Refusal;

static gboolean
refuse (Refusal *refusal, guint status, const char *message)
{
  refusal->status = status;
  refusal->message = message;
  return FALSE;
}

static char *
strip_white_space (char *text)
{
  char *end;

  while (*text == ' ' || *text == '\t')
    text++;
  end = text + strlen (text);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
    *--end = '\0';

  return text;
}

static gboolean
is_token (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isalnum (*text) && strchr ("!#$%&'*+-.^_`|~", *text) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
th_room_framing_is_decimal (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;

  return TRUE;
}

/* A Host as RFC 9110 has it: a name or an IPv4 address, or an IPv6
 * address in brackets, and a port of digits after a colon. */
static gboolean
host_is_valid (const char *host)
{
  const char *p = host;

  if (*p == '[')
    {
      for (p++; g_ascii_isxdigit (*p) || *p == ':' || *p == '.'; p++)
        ;
      if (*p != ']' || p == host + 1)
        return FALSE;
      p++;
    }
  else
    {
      for (; g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_' || *p == '~'; p++)
        ;
      if (p == host)
        return FALSE;
    }

  if (*p == ':')
    for (p++; g_ascii_isdigit (*p); p++)
      ;

  return *p == '\0';
}

/* What libsoup refuses in a path, which then never reaches the room: a
 * target that is no URI path (an escape that is not one), an escaped
 * NUL, and ".." made of escapes ("..%2f") once decoded.  It is read as
 * libsoup reads it (soup-server.c), so that the room refuses what it
 * would refuse and nothing else. */
static gboolean
target_is_valid (const char *target)
{
  g_autofree char *url = g_strconcat ("http://localhost", target, NULL);
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autofree char *decoded = NULL;

  if (uri == NULL)
    return FALSE;

  decoded = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  return decoded != NULL && strstr (decoded, "/../") == NULL && !g_str_has_suffix (decoded, "/..");
}

/* Checks a whole head (without the empty line that ends it) and finds how
 * its body is framed. */
static gboolean
check_head (const guint8 *data, gsize length, BodyKind *body, guint64 *body_length,
            Refusal *refusal)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) words = NULL;
  const char *host = NULL, *length_value = NULL, *coding = NULL;
  guint n_hosts = 0, n_lengths = 0, n_words = 0, first = 0;
  gboolean expect = FALSE, http_1_1;
  const char *target;

  *body = BODY_NONE;
  if (memchr (data, '\0', length) != NULL)
    return refuse (refusal, 400, _ ("The request is not valid HTTP."));

  text = g_strndup ((const char *)data, length);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);

      if (n > 0 && lines[i][n - 1] == '\r')
        lines[i][n - 1] = '\0';
    }

  /* Empty lines before the request line are let be (RFC 9112, 2.2). */
  while (lines[first] != NULL && lines[first][0] == '\0')
    first++;
  if (lines[first] == NULL)
    return refuse (refusal, 400, _ ("The request is not valid HTTP."));

  words = g_strsplit_set (lines[first], " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      words[n_words++] = words[i];
    else
      g_free (words[i]);
  words[n_words] = NULL;
  if (n_words != 3 || !is_token (words[0]) || !g_str_has_prefix (words[2], "HTTP/"))
    return refuse (refusal, 400, _ ("The request is not valid HTTP."));
  if (strcmp (words[2], "HTTP/1.1") != 0 && strcmp (words[2], "HTTP/1.0") != 0)
    return refuse (refusal, 505, _ ("The room speaks HTTP/1.1 and HTTP/1.0 only."));
  http_1_1 = strcmp (words[2], "HTTP/1.1") == 0;
  target = words[1];

  for (guint i = first + 1; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *colon = strchr (line, ':');
      char *name, *value;

      if (line[0] == '\0')
        continue;
      /* A line folded onto the one before: RFC 9112 (5.2) lets a server
       * refuse it. */
      if (line[0] == ' ' || line[0] == '\t' || colon == NULL)
        return refuse (refusal, 400, _ ("The request is not valid HTTP."));

      *colon = '\0';
      name = line;
      value = strip_white_space (colon + 1);
      if (g_ascii_strcasecmp (name, "Host") == 0)
        {
          host = value;
          n_hosts++;
        }
      else if (g_ascii_strcasecmp (name, "Content-Length") == 0)
        {
          length_value = value;
          n_lengths++;
        }
      else if (g_ascii_strcasecmp (name, "Transfer-Encoding") == 0)
        coding = coding == NULL ? value : "";
      else if (g_ascii_strcasecmp (name, "Expect") == 0)
        expect = TRUE;
    }

  if (http_1_1 && n_hosts == 0)
    return refuse (refusal, 400, _ ("The request has no Host header."));
  if (n_hosts == 1 && !host_is_valid (host))
    return refuse (refusal, 400, _ ("The Host header is not valid."));
  if (n_lengths > 1 || (n_lengths == 1 && !th_room_framing_is_decimal (length_value)))
    return refuse (refusal, 400, _ ("The Content-Length header is not valid."));
  if (n_lengths == 1 && coding != NULL)
    return refuse (refusal, 400,
                   _ ("The request has both a Content-Length and a Transfer-Encoding header."));
  if (coding != NULL && g_ascii_strcasecmp (coding, "chunked") != 0)
    return refuse (refusal, 501, _ ("The room takes no Transfer-Encoding but chunked."));
  if (target[0] == '/' && !target_is_valid (target))
    return refuse (refusal, 400, _ ("The request’s path is not valid."));

  /* With "Expect: 100-continue" libsoup may answer before the body and
   * not read it at all: where the next request starts is its to know. */
  if (expect)
    *body = BODY_LEFT;
  else if (coding != NULL)
    *body = BODY_CHUNKED;
  else if (n_lengths == 1)
    {
      *body_length = g_ascii_strtoull (length_value, NULL, 10);
      /* A body over the limit is refused before it is read, and the
       * connection closed (th-room-server.c). */
      if (strlen (length_value) > 10 || *body_length > TH_ROOM_MAX_BODY_SIZE)
        *body = BODY_LEFT;
      else if (*body_length > 0)
        *body = BODY_LENGTH;
    }

  return TRUE;
}

/* Whether the head ends with the line just added (it ends with '\n'), as
 * libsoup decides it: an empty line after at least one other. */
static gboolean
head_is_whole (GByteArray *head)
{
  const guint8 *d = head->data;
  gsize n = head->len;

  return (n >= 3 && memcmp (d + n - 2, "\n\n", 2) == 0)
         || (n >= 5 && memcmp (d + n - 3, "\n\r\n", 3) == 0);
}

/* The chunks */

/* Reads the line of a chunk's size (without its line break). */
static gboolean
check_chunk_size (const char *line, guint64 *size, Refusal *refusal)
{
  const char *p = line;
  guint n_digits = 0;

  *size = 0;
  while (*p == '0')
    p++;
  for (; g_ascii_isxdigit (*p); p++)
    {
      if (++n_digits > MAX_CHUNK_DIGITS)
        return refuse (refusal, 400, _ ("The request’s chunks are not valid."));
      *size = *size * 16 + (guint64)g_ascii_xdigit_value (*p);
    }
  if (p == line)
    return refuse (refusal, 400, _ ("The request’s chunks are not valid."));

  /* Extensions are allowed, and ignored. */
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '\0' && *p != ';')
    return refuse (refusal, 400, _ ("The request’s chunks are not valid."));

  return TRUE;
}

/* Takes the line in self->line (with its line break) in the state it is
 * in; FALSE with @refusal when it breaks the rules. */
static gboolean
end_line (ThRoomFraming *self, Refusal *refusal)
{
  g_autofree char *line = NULL;
  BodyKind body = BODY_NONE;
  guint64 size = 0;

  if (self->state == STATE_HEAD)
    {
      if (!check_head (self->line->data, self->line->len, &body, &size, refusal))
        return FALSE;
      g_byte_array_set_size (self->line, 0);
      switch (body)
        {
          case BODY_LENGTH:
            self->state = STATE_LENGTH;
            self->remaining = size;
            break;
          case BODY_CHUNKED:
            self->state = STATE_CHUNK_SIZE;
            self->body_size = 0;
            break;
          case BODY_LEFT:
            self->state = STATE_LEFT;
            break;
          case BODY_NONE:
          default:
            break;
        }
      return TRUE;
    }

  line = g_strndup ((const char *)self->line->data, self->line->len);
  g_byte_array_set_size (self->line, 0);
  g_strchomp (line);
  if (memchr (line, '\0', strlen (line)) != NULL)
    return refuse (refusal, 400, _ ("The request’s chunks are not valid."));

  switch (self->state)
    {
      case STATE_CHUNK_SIZE:
        if (!check_chunk_size (line, &size, refusal))
          return FALSE;
        self->body_size += size;
        if (self->body_size > TH_ROOM_MAX_BODY_SIZE)
          return refuse (refusal, 413, _ ("The request is larger than 64 KiB."));
        self->remaining = size;
        self->state = size > 0 ? STATE_CHUNK_DATA : STATE_LAST_LINE;
        return TRUE;

      case STATE_CHUNK_END:
        if (line[0] != '\0')
          return refuse (refusal, 400, _ ("The request’s chunks are not valid."));
        self->state = STATE_CHUNK_SIZE;
        return TRUE;

      case STATE_LAST_LINE:
      default:
        /* libsoup reads one line after the last chunk, whatever it holds:
         * a trailer field there would make the next line a request. */
        if (line[0] != '\0')
          return refuse (refusal, 400, _ ("The request’s chunks are not valid."));
        self->state = STATE_HEAD;
        return TRUE;
    }
}

gsize
th_room_framing_feed (ThRoomFraming *self, const guint8 *data, gsize length, guint *status,
                      const char **message)
{
  gsize i = 0;
  Refusal refusal = { 0, NULL };

  g_return_val_if_fail (self != NULL, length);
  g_return_val_if_fail (data != NULL || length == 0, length);

  while (i < length)
    {
      switch (self->state)
        {
          case STATE_LEFT:
            return length;

          case STATE_REFUSED:
            return 0;

          case STATE_LENGTH:
          case STATE_CHUNK_DATA:
            {
              gsize n = (gsize)MIN ((guint64)(length - i), self->remaining);

              i += n;
              self->remaining -= n;
              if (self->remaining == 0)
                self->state = self->state == STATE_LENGTH ? STATE_HEAD : STATE_CHUNK_END;
            }
            break;

          case STATE_HEAD:
          case STATE_CHUNK_SIZE:
          case STATE_CHUNK_END:
          case STATE_LAST_LINE:
          default:
            {
              const guint8 *newline = memchr (data + i, '\n', length - i);
              gsize n = newline != NULL ? (gsize)(newline - (data + i)) + 1 : length - i;
              gsize limit = self->state == STATE_HEAD ? TH_ROOM_MAX_HEAD_SIZE : MAX_CHUNK_LINE;

              /* Too much without an end: what is over the limit never
               * reaches libsoup. */
              if (self->line->len + n > limit)
                {
                  gsize allowed = limit - self->line->len;

                  if (self->state != STATE_HEAD)
                    refuse (&refusal, 400, _ ("The request’s chunks are not valid."));
                  else if (memchr (self->line->data, '\n', self->line->len) == NULL
                           && memchr (data + i, '\n', allowed) == NULL)
                    refuse (&refusal, 414, _ ("The request’s address is too long."));
                  else
                    refuse (&refusal, 431, _ ("The request’s headers are too large."));
                  self->state = STATE_REFUSED;
                  *status = refusal.status;
                  *message = refusal.message;
                  return i + allowed;
                }

              g_byte_array_append (self->line, data + i, (guint)n);
              i += n;
              if (newline == NULL)
                break;
              if (self->state == STATE_HEAD && !head_is_whole (self->line))
                break;

              /* The line break that ends it stays back: without it,
               * libsoup waits for more while the room answers. */
              if (!end_line (self, &refusal))
                {
                  self->state = STATE_REFUSED;
                  *status = refusal.status;
                  *message = refusal.message;
                  return i - 1;
                }
            }
            break;
        }
    }

  return length;
}
