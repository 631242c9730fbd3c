/* th-json-reader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pull reader of th-json-private.h, which the streaming session
 * reader reads large files with. */

#include "config.h"

#include <string.h>

#include "th-json-private.h"

void
th_json_reader_init (ThJsonReader *reader, const char *data, gsize length)
{
  memset (reader, 0, sizeof *reader);
  reader->pos = data;
  /* Empty text may come as NULL, where even adding 0 is undefined. */
  reader->end = length > 0 ? data + length : data;
}

static gboolean
reader_fail (ThJsonReader *reader)
{
  reader->failed = TRUE;
  return FALSE;
}

static inline void
skip_white_space (ThJsonReader *reader)
{
  const char *p = reader->pos;

  while (p < reader->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  reader->pos = p;
}

ThJsonKind
th_json_reader_peek (ThJsonReader *reader)
{
  if (reader->failed)
    return TH_JSON_KIND_NONE;

  skip_white_space (reader);
  if (reader->pos >= reader->end)
    return TH_JSON_KIND_NONE;

  switch (*reader->pos)
    {
      case '{':
        return TH_JSON_KIND_OBJECT;
      case '[':
        return TH_JSON_KIND_ARRAY;
      case '"':
        return TH_JSON_KIND_STRING;
      case 't':
      case 'f':
        return TH_JSON_KIND_BOOLEAN;
      case 'n':
        return TH_JSON_KIND_NULL;
      case '-':
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return TH_JSON_KIND_NUMBER;
      default:
        return TH_JSON_KIND_NONE;
    }
}

gboolean
th_json_reader_enter (ThJsonReader *reader)
{
  ThJsonKind kind = th_json_reader_peek (reader);

  if ((kind != TH_JSON_KIND_OBJECT && kind != TH_JSON_KIND_ARRAY)
      || reader->depth >= TH_JSON_MAX_DEPTH)
    return reader_fail (reader);

  reader->pos++;
  reader->depth++;
  reader->first[reader->depth] = TRUE;
  return TRUE;
}

/* Before the next entry of a container closed by @close: FALSE at its
 * end (consumed) or on failure. */
static gboolean
next_entry (ThJsonReader *reader, char close)
{
  if (reader->failed || reader->depth == 0)
    return reader_fail (reader);

  skip_white_space (reader);
  if (reader->pos >= reader->end)
    return reader_fail (reader);

  if (*reader->pos == close)
    {
      reader->pos++;
      reader->depth--;
      return FALSE;
    }

  if (reader->first[reader->depth])
    {
      reader->first[reader->depth] = FALSE;
      return TRUE;
    }

  if (*reader->pos != ',')
    return reader_fail (reader);
  reader->pos++;
  return TRUE;
}

gboolean
th_json_reader_next_member (ThJsonReader *reader, ThJsonSpan *name)
{
  if (!next_entry (reader, '}'))
    return FALSE;

  if (th_json_reader_peek (reader) != TH_JSON_KIND_STRING
      || !th_json_reader_read_string (reader, name))
    return reader_fail (reader);

  skip_white_space (reader);
  if (reader->pos >= reader->end || *reader->pos != ':')
    return reader_fail (reader);
  reader->pos++;
  return TRUE;
}

gboolean
th_json_reader_next_element (ThJsonReader *reader)
{
  return next_entry (reader, ']');
}

static int
hex_value (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The length of the escape at @p (which points at the backslash), or 0
 * when the reader does not take it. */
static gsize
escape_length (const char *p, const char *end)
{
  int unit;

  if (end - p < 2)
    return 0;

  switch (p[1])
    {
      case '"':
      case '\\':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return 2;
      case 'u':
        break;
      default:
        return 0;
    }

  if (end - p < 6 || (unit = hex_value (p + 2)) <= 0)
    return 0;
  if (unit < 0xD800 || unit > 0xDFFF)
    return 6;

  /* Only a high surrogate followed by a low one makes a character. */
  if (unit >= 0xDC00 || end - p < 12 || p[6] != '\\' || p[7] != 'u')
    return 0;
  unit = hex_value (p + 8);
  if (unit < 0xDC00 || unit > 0xDFFF)
    return 0;

  return 12;
}

gboolean
th_json_reader_read_string (ThJsonReader *reader, ThJsonSpan *out)
{
  const char *start;
  const char *p;
  const char *end = reader->end;
  gboolean non_ascii = FALSE;

  if (th_json_reader_peek (reader) != TH_JSON_KIND_STRING)
    return reader_fail (reader);

  start = reader->pos + 1;
  out->escaped = FALSE;
  out->fraction = FALSE;

  for (p = start; p < end;)
    {
      guchar c = (guchar)*p;

      /* Most of a file is plain ASCII text inside strings. */
      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"' && c != '\\'))
        {
          p++;
          continue;
        }

      if (c == '"')
        break;

      if (c == '\\')
        {
          gsize length = escape_length (p, end);

          if (length == 0)
            return reader_fail (reader);
          out->escaped = TRUE;
          p += length;
        }
      else if (c < 0x20)
        {
          return reader_fail (reader);
        }
      else
        {
          non_ascii = TRUE;
          p++;
        }
    }

  if (p >= end)
    return reader_fail (reader);
  if (non_ascii && !g_utf8_validate (start, p - start, NULL))
    return reader_fail (reader);

  out->start = start;
  out->length = (gsize)(p - start);
  reader->pos = p + 1;
  return TRUE;
}

gboolean
th_json_reader_read_number (ThJsonReader *reader, ThJsonSpan *out)
{
  const char *p = reader->pos;
  const char *end = reader->end;
  const char *digits;

  if (th_json_reader_peek (reader) != TH_JSON_KIND_NUMBER)
    return reader_fail (reader);

  out->start = p;
  out->escaped = FALSE;
  out->fraction = FALSE;

  if (*p == '-')
    p++;

  digits = p;
  if (p < end && *p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  /* At least one digit; beyond 15, json-glib's integers and ours part. */
  if (p == digits || p - digits > 15)
    return reader_fail (reader);

  if (p < end && *p == '.')
    {
      const char *fraction = ++p;

      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction || p - fraction > 30)
        return reader_fail (reader);
      out->fraction = TRUE;
    }

  /* Exponents are left to json-glib; a digit here is a leading zero. */
  if (p < end && (*p == 'e' || *p == 'E' || g_ascii_isdigit (*p)))
    return reader_fail (reader);

  out->length = (gsize)(p - out->start);
  reader->pos = p;
  return TRUE;
}

static gboolean
read_word (ThJsonReader *reader, const char *word)
{
  gsize length = strlen (word);

  if ((gsize)(reader->end - reader->pos) < length || memcmp (reader->pos, word, length) != 0)
    return reader_fail (reader);
  reader->pos += length;

  /* "nullx" or "true1" is not a word of JSON. */
  if (reader->pos < reader->end && g_ascii_isalnum (*reader->pos))
    return reader_fail (reader);
  return TRUE;
}

gboolean
th_json_reader_skip (ThJsonReader *reader)
{
  ThJsonSpan span;

  switch (th_json_reader_peek (reader))
    {
      case TH_JSON_KIND_OBJECT:
        if (!th_json_reader_enter (reader))
          return FALSE;
        while (th_json_reader_next_member (reader, &span))
          if (!th_json_reader_skip (reader))
            return FALSE;
        return !reader->failed;

      case TH_JSON_KIND_ARRAY:
        if (!th_json_reader_enter (reader))
          return FALSE;
        while (th_json_reader_next_element (reader))
          if (!th_json_reader_skip (reader))
            return FALSE;
        return !reader->failed;

      case TH_JSON_KIND_STRING:
        return th_json_reader_read_string (reader, &span);

      case TH_JSON_KIND_NUMBER:
        return th_json_reader_read_number (reader, &span);

      case TH_JSON_KIND_BOOLEAN:
        return read_word (reader, *reader->pos == 't' ? "true" : "false");

      case TH_JSON_KIND_NULL:
        return read_word (reader, "null");

      case TH_JSON_KIND_NONE:
      default:
        return reader_fail (reader);
    }
}

gboolean
th_json_reader_at_end (ThJsonReader *reader)
{
  if (reader->failed)
    return FALSE;

  skip_white_space (reader);
  return reader->pos == reader->end;
}

void
th_json_span_decode (const ThJsonSpan *span, GString *out)
{
  const char *p = span->start;
  const char *end = span->start + span->length;

  if (!span->escaped)
    {
      g_string_append_len (out, p, (gssize)span->length);
      return;
    }

  while (p < end)
    {
      const char *run = p;
      gunichar c;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;

      /* The reader let through only the escapes below. */
      switch (p[1])
        {
          case 'b':
            g_string_append_c (out, '\b');
            p += 2;
            break;
          case 'f':
            g_string_append_c (out, '\f');
            p += 2;
            break;
          case 'n':
            g_string_append_c (out, '\n');
            p += 2;
            break;
          case 'r':
            g_string_append_c (out, '\r');
            p += 2;
            break;
          case 't':
            g_string_append_c (out, '\t');
            p += 2;
            break;
          case 'u':
            c = (gunichar)hex_value (p + 2);
            p += 6;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                c = 0x10000 + ((c - 0xD800) << 10) + ((gunichar)hex_value (p + 2) - 0xDC00);
                p += 6;
              }
            g_string_append_unichar (out, c);
            break;
          default: /* '"' and '\\' */
            g_string_append_c (out, p[1]);
            p += 2;
            break;
        }
    }
}

gboolean
th_json_span_equal (const ThJsonSpan *span, const char *text)
{
  return !span->escaped && strncmp (span->start, text, span->length) == 0
         && text[span->length] == '\0';
}

double
th_json_span_get_double (const ThJsonSpan *span)
{
  char buffer[64];

  /* The reader keeps numbers well below this length. */
  g_assert (span->length < sizeof buffer);
  memcpy (buffer, span->start, span->length);
  buffer[span->length] = '\0';

  return g_ascii_strtod (buffer, NULL);
}

gint64
th_json_span_get_int (const ThJsonSpan *span)
{
  const char *p = span->start;
  const char *end = span->start + span->length;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; p < end && g_ascii_isdigit (*p); p++)
    value = value * 10 + (*p - '0');

  return negative ? -value : value;
}

void
th_json_span_read_number (const ThJsonSpan *span, ThJsonNumber *out)
{
  /* The reader refuses exponents, so a number without a point is an
   * integer, as json-glib holds it. */
  out->integral = !span->fraction;
  out->integer = out->integral ? th_json_span_get_int (span) : 0;
  out->value = out->integral ? (double)out->integer : th_json_span_get_double (span);
}
