/* th-json.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "th-file-util.h"
#include "th-json-private.h"
#include "th-types.h"

/* Longest piece of file text quoted in an error message. */
#define QUOTE_MAX_CHARS 40

static void
append_path (GString *out, const ThJsonPath *path)
{
  if (path == NULL)
    return;

  append_path (out, path->parent);

  if (path->member != NULL)
    {
      if (path->member[0] == '\0')
        return;
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, path->member);
    }
  else
    {
      g_string_append_printf (out, "[%" G_GINT64_FORMAT "]", path->index);
    }
}

char *
th_json_path_to_string (const ThJsonPath *path)
{
  GString *out = g_string_new (NULL);

  append_path (out, path);
  return g_string_free (out, FALSE);
}

void
th_json_set_error (GError **error, ThError code, const ThJsonPath *path, const char *format, ...)
{
  g_autofree char *where = NULL;
  g_autofree char *what = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  where = th_json_path_to_string (path);
  if (where[0] == '\0')
    g_set_error_literal (error, TH_ERROR, code, what);
  else
    g_set_error (error, TH_ERROR, code, "%s: %s", where, what);
}

char *
th_json_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new ("“");
  const char *p = valid;
  guint n = 0;

  for (; *p != '\0' && n < QUOTE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }

  if (*p != '\0')
    g_string_append (out, "…");
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

/* Line and column (in characters, both from 1) of byte @offset, for
 * messages about text that json-glib never saw. */
static void
locate_offset (const char *data, gsize offset, guint *line, guint *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  /* The bytes before @offset are valid UTF-8 (the encoding check stops at
   * the first bad byte), so they can be counted as characters. */
  *column = (guint)g_utf8_strlen (data + line_start, (gssize)(offset - line_start)) + 1;
}

static gboolean
set_encoding_error (const char *data, gsize length, gsize offset, ThJsonRefusal *refusal,
                    GError **error)
{
  guint line, column;

  locate_offset (data, offset, &line, &column);

  *refusal = TH_JSON_REFUSED_ENCODING;
  if (offset < length && data[offset] == '\0')
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: the file contains a NUL byte (at byte %lu); it is not a "
                    "text file"),
                 line, column, (gulong)offset);
  else
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: the file is not valid UTF-8 (at byte %lu)"), line, column,
                 (gulong)offset);

  return FALSE;
}

/* What the walk below must look at: everything else is plain text that
 * only moves it on.  Inside and outside strings differ: brackets inside a
 * string are text, and a backslash outside one is json-glib's business. */
enum
{
  BYTE_PLAIN,
  BYTE_QUOTE,
  BYTE_BACKSLASH,
  BYTE_OPEN,
  BYTE_CLOSE,
  BYTE_NUL,
  BYTE_NON_ASCII,
  BYTE_NUMBER,
  BYTE_SLASH,
};

static const guint8 *
byte_classes (gboolean in_string)
{
  static guint8 classes[2][256];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < 256; c++)
        classes[0][c] = classes[1][c] = c >= 0x80 ? BYTE_NON_ASCII : BYTE_PLAIN;
      for (guint i = 0; i < 2; i++)
        {
          classes[i]['"'] = BYTE_QUOTE;
          classes[i]['\0'] = BYTE_NUL;
        }
      classes[0]['['] = classes[0]['{'] = BYTE_OPEN;
      /* A number starts so; a '.' outside a string is in no JSON. */
      classes[0]['-'] = classes[0]['.'] = BYTE_NUMBER;
      for (guint c = '0'; c <= '9'; c++)
        classes[0][c] = BYTE_NUMBER;
      classes[0]['/'] = BYTE_SLASH;
      classes[0][']'] = classes[0]['}'] = BYTE_CLOSE;
      classes[1]['\\'] = BYTE_BACKSLASH;
      g_once_init_leave (&initialized, 1);
    }

  return classes[in_string ? 1 : 0];
}

/* Reports what the walk found at @offset, unless the text is not valid
 * UTF-8 after it: a text's encoding is checked before anything else, so
 * that its first bad byte is what a file is refused for, wherever it is. */
static gboolean
set_structure_error (const char *data, gsize length, gsize offset, ThJsonRefusal *refusal,
                     GError **error, ThJsonRefusal what, guint max_depth)
{
  const char *end = NULL;
  guint line, column;

  if (!g_utf8_validate (data + offset, (gssize)(length - offset), &end))
    return set_encoding_error (data, length, (gsize)(end - data), refusal, error);

  locate_offset (data, offset, &line, &column);
  *refusal = what;
  if (what == TH_JSON_REFUSED_NUL_ESCAPE)
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: a string contains the escape \\u0000 (a NUL "
                    "character), which Two Hats does not accept"),
                 line, column);
  else
    g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE,
                 _ ("line %u, column %u: nested more than %u levels deep"), line, column,
                 max_depth);

  return FALSE;
}

/* Reports the @token_length bytes at @offset: an escape or a number that
 * json-glib would misread (@what). */
static gboolean
set_token_error (const char *data, gsize length, gsize offset, gsize token_length,
                 ThJsonRefusal *refusal, GError **error, ThJsonRefusal what)
{
  g_autoptr (GString) token = g_string_new (NULL);
  const char *end = NULL;
  guint line, column;

  if (!g_utf8_validate (data + offset, (gssize)(length - offset), &end))
    return set_encoding_error (data, length, (gsize)(end - data), refusal, error);

  /* The token is ASCII but for the character after a backslash, which is
   * quoted as a code point unless it is printable ASCII. */
  for (gsize i = 0; i < token_length && token->len < QUOTE_MAX_CHARS; i++)
    {
      guchar c = (guchar)data[offset + i];

      if (c > 0x20 && c < 0x7f)
        g_string_append_c (token, (char)c);
      else
        {
          g_string_append_printf (token, "U+%04X", g_utf8_get_char (data + offset + i));
          break;
        }
    }
  if (token_length > QUOTE_MAX_CHARS)
    g_string_append (token, "…");

  locate_offset (data, offset, &line, &column);
  *refusal = what;
  if (what == TH_JSON_REFUSED_NUMBER)
    g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE,
                 _ ("line %u, column %u: the number %s is too large"), line, column, token->str);
  else if (data[offset] == '\\')
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: “%s” is not an escape of JSON"), line, column, token->str);
  else
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: “%s” is not a number of JSON"), line, column, token->str);

  return FALSE;
}

/* Whether the digits of an integer, @digits long and without a sign or
 * leading zeros, are more than a gint64 holds (one more when @negative). */
static gboolean
integer_overflows (const guchar *digits, gsize n_digits, gboolean negative)
{
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (n_digits != 19)
    return n_digits > 19;

  return memcmp (digits, limit, 19) > 0;
}

/* Checks the number that starts at @p, as JSON has them:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?.  json-glib reads more
 * (0x10, 0b1, 010 in octal, .5, 1.) and reads an integer beyond 64 bits
 * wrapped around.  Returns NULL, and the refusal in @what, for a number
 * json-glib must not see; otherwise where the number ends. */
static const guchar *
check_number (const guchar *p, const guchar *end, const guchar **token_end, ThJsonRefusal *what)
{
  const guchar *start = p;
  const guchar *digits;
  gboolean negative = FALSE, integral = TRUE, well_formed = TRUE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    well_formed = FALSE;

  if (well_formed && p < end && *p == '.')
    {
      const guchar *fraction = ++p;

      integral = FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      well_formed = p > fraction;
    }

  if (well_formed && p < end && (*p == 'e' || *p == 'E'))
    {
      const guchar *exponent;

      integral = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      exponent = p;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      well_formed = p > exponent;
    }

  /* Whatever runs on ("0x10", "007", "1.2.3") is part of the same word. */
  *token_end = p;
  while (*token_end < end
         && (g_ascii_isalnum (**token_end) || **token_end == '.' || **token_end == '+'
             || **token_end == '-'))
    (*token_end)++;
  if (!well_formed || *token_end > p)
    {
      *what = TH_JSON_REFUSED_NOT_JSON;
      return NULL;
    }

  if (integral)
    {
      if (integer_overflows (digits, (gsize)(p - digits), negative))
        {
          *what = TH_JSON_REFUSED_NUMBER;
          return NULL;
        }
    }
  else
    {
      g_autofree char *text = g_strndup ((const char *)start, (gsize)(p - start));

      /* json-glib reads these with g_ascii_strtod(); beyond the range of
       * a double it gets infinity. */
      if (isinf (g_ascii_strtod (text, NULL)))
        {
          *what = TH_JSON_REFUSED_NUMBER;
          return NULL;
        }
    }

  return p;
}

/* Reports text at @offset that json-glib would read but is no JSON: a
 * second value after the first when @second_value, unless the text is not
 * valid UTF-8 after it. */
static gboolean
set_not_json_error (const char *data, gsize length, gsize offset, gboolean second_value,
                    ThJsonRefusal *refusal, GError **error)
{
  const char *end = NULL;
  guint line, column;

  if (!g_utf8_validate (data + offset, (gssize)(length - offset), &end))
    return set_encoding_error (data, length, (gsize)(end - data), refusal, error);

  locate_offset (data, offset, &line, &column);
  *refusal = TH_JSON_REFUSED_NOT_JSON;
  if (second_value)
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: a second JSON value after the first; only white space "
                    "may follow it"),
                 line, column);
  else
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("line %u, column %u: this is not valid JSON"),
                 line, column);

  return FALSE;
}

/* The first byte from @p to @end that is neither white space nor part of
 * a comment (which json-glib skips as white space), or NULL; a byte
 * order mark at the very start of the text counts as white space. */
static const guchar *
find_text_before (const guchar *start, const guchar *p, const guchar *end)
{
  if (p == start && end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
      else if (end - p > 1 && p[0] == '/' && p[1] == '*')
        {
          const guchar *q = p + 2;

          while (q + 1 < end && !(q[0] == '*' && q[1] == '/'))
            q++;
          if (q + 1 >= end)
            return p;
          p = q + 2;
        }
      else
        return p;
    }

  return NULL;
}

/* Walks the text once to refuse what the recursive json-glib parser must
 * not see: text that is not UTF-8 or holds a NUL byte, nesting deeper than
 * @max_depth, and the escape \u0000, which json-glib would silently turn
 * into the end of a C string (so "p1\u0000x" would read as "p1"), with
 * the escapes and numbers JSON does not have and json-glib misreads
 * ("p1\0x" reads as "p1" too; 99999999999999999999 as -1).  Files
 * of 60 MiB pass here before they are read, so the walk goes by a table
 * of the few bytes that matter and leaves runs of other non-ASCII bytes
 * to g_utf8_validate() (a character never holds an ASCII byte). */
static gboolean
check_text (const char *data, gsize length, guint max_depth, ThJsonRefusal *refusal, GError **error)
{
  const guchar *start = (const guchar *)data;
  const guchar *end = start + length;
  const guchar *p = start;
  const guint8 *outside = byte_classes (FALSE);
  const guint8 *inside = byte_classes (TRUE);
  const guint8 *classes = outside;
  guint depth = 0;
  gboolean top_closed = FALSE; /* an array or object outside any other has closed */

  while (p < end)
    {
      switch (classes[*p])
        {
          case BYTE_PLAIN:
            p++;
            break;

          case BYTE_QUOTE:
            classes = classes == outside ? inside : outside;
            p++;
            break;

          case BYTE_BACKSLASH:
            if (end - p > 5 && p[1] == 'u' && memcmp (p + 2, "0000", 4) == 0)
              return set_structure_error (data, length, (gsize)(p - start), refusal, error,
                                          TH_JSON_REFUSED_NUL_ESCAPE, max_depth);
            /* JSON's escapes only: json-glib reads \0 to \7 as octal
             * (\0 ends the string) and other letters as themselves.  A NUL
             * byte after the backslash is an encoding problem, left to the
             * next turn. */
            if (end - p > 1 && p[1] != '\0' && strchr ("\"\\/bfnrtu", p[1]) == NULL)
              return set_token_error (data, length, (gsize)(p - start),
                                      p[1] < 0x80 ? 2 : 1 + (gsize)(g_utf8_skip[p[1]]), refusal,
                                      error, TH_JSON_REFUSED_NOT_JSON);
            /* The escaped byte is text; one that needs checking of its
             * own (a NUL, a non-ASCII byte) is left to the next turn. */
            if (end - p > 1 && p[1] != '\0' && p[1] < 0x80)
              p += 2;
            else
              p++;
            break;

          case BYTE_OPEN:
            /* json-glib reads statements, value after value, and keeps
             * the first: "{…}{…}" and "5 [1]" would read as one value. */
            if (depth == 0 && top_closed)
              return set_not_json_error (data, length, (gsize)(p - start), TRUE, refusal, error);
            if (depth == 0)
              {
                const guchar *before = find_text_before (start, start, p);

                if (before != NULL && strchr ("\"-0123456789tfn", *before) != NULL)
                  return set_not_json_error (data, length, (gsize)(p - start), TRUE, refusal,
                                             error);
                if (before != NULL)
                  return set_not_json_error (data, length, (gsize)(before - start), FALSE, refusal,
                                             error);
              }
            if (++depth > max_depth)
              return set_structure_error (data, length, (gsize)(p - start), refusal, error,
                                          TH_JSON_REFUSED_DEPTH, max_depth);
            p++;
            break;

          case BYTE_CLOSE:
            if (depth > 0 && --depth == 0)
              top_closed = TRUE;
            p++;
            break;

          case BYTE_NUL:
            return set_encoding_error (data, length, (gsize)(p - start), refusal, error);

          case BYTE_SLASH:
            {
              const guchar *close = NULL;
              const char *bad = NULL;

              /* json-glib skips comments of C, JSON has none: their
               * text is neither numbers nor strings, but it is text. */
              if (end - p > 1 && p[1] == '*')
                for (const guchar *q = p + 2; q + 1 < end && close == NULL; q++)
                  if (q[0] == '*' && q[1] == '/')
                    close = q + 2;

              /* Anything else is for json-glib to refuse. */
              if (close == NULL)
                {
                  p++;
                  break;
                }

              if (!g_utf8_validate ((const char *)p, close - p, &bad))
                return set_encoding_error (data, length, (gsize)((const guchar *)bad - start),
                                           refusal, error);
              p = close;
            }
            break;

          case BYTE_NUMBER:
            {
              const guchar *token_end;
              const guchar *after;
              ThJsonRefusal what = TH_JSON_REFUSED_NONE;

              after = check_number (p, end, &token_end, &what);
              if (after == NULL)
                return set_token_error (data, length, (gsize)(p - start), (gsize)(token_end - p),
                                        refusal, error, what);
              p = after;
            }
            break;

          case BYTE_NON_ASCII:
          default:
            {
              const guchar *run = p;
              const char *bad = NULL;

              while (p < end && *p >= 0x80)
                p++;
              if (!g_utf8_validate ((const char *)run, p - run, &bad))
                return set_encoding_error (data, length, (gsize)((const guchar *)bad - start),
                                           refusal, error);
            }
            break;
        }
    }

  return TRUE;
}

/* Whether the text ends before its JSON does: inside a string, or with
 * an array or object still open.  The walk knows strings and brackets
 * only; it is asked only about a text json-glib refused. */
static gboolean
text_breaks_off (const char *data, gsize length)
{
  gsize depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        depth++;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return in_string || depth > 0;
}

/* Whether json-glib's LINE:COLUMN (the characters of the line it had
 * read) is where the text ends, but for white space. */
static gboolean
is_at_end (const char *data, gsize length, guint line, guint column)
{
  const char *p = data;
  const char *end = data + length;

  for (guint l = 1; l < line && p < end; p++)
    if (*p == '\n')
      l++;
  for (guint c = 0; c < column && p < end; c++)
    p = g_utf8_next_char (p);
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Where the text ends: just after its last character but white space,
 * as a line and a column (in characters, both from 1). */
static void
locate_end (const char *data, gsize length, guint *line, guint *column)
{
  gsize last = length;

  while (last > 0 && g_ascii_isspace (data[last - 1]))
    last--;
  locate_offset (data, last, line, column);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT", in its own
 * words ("unexpected identifier `Shopping', expected value", "scanner:
 * unterminated string constant"), which mean nothing to the people who
 * read ours, and in places that are not where the trouble is.  Ours say
 * "line LINE, column COLUMN: " and a plain sentence: the text breaks off
 * (at its end), a comma or a colon is missing or has nothing after it,
 * or, for anything else, this is not valid JSON. */
static void
set_parse_error (GError **error, const char *data, gsize length, const GError *json_error)
{
  guint line = 0, column = 0;
  gboolean located = FALSE;

  if (g_str_has_prefix (json_error->message, "<data>:"))
    located = sscanf (json_error->message + strlen ("<data>:"), "%u:%u:", &line, &column) == 2;

  if (text_breaks_off (data, length) && (!located || is_at_end (data, length, line, column)))
    {
      locate_end (data, length, &line, &column);
      g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("line %u, column %u: the text breaks off"),
                   line, column);
      return;
    }

  if (!located)
    {
      g_set_error_literal (error, TH_ERROR, TH_ERROR_PARSE, _ ("this is not valid JSON"));
      return;
    }

  /* json-glib counts the characters it has read on the line; the first
   * one is column 1 all the same. */
  column = MAX (column, 1);
  if (g_error_matches (json_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_TRAILING_COMMA))
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: this is not valid JSON: a comma with nothing after it"),
                 line, column);
  else if (g_error_matches (json_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_MISSING_COMMA))
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: this is not valid JSON: a comma is missing"), line,
                 column);
  else if (g_error_matches (json_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_MISSING_COLON))
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE,
                 _ ("line %u, column %u: this is not valid JSON: a colon is missing after a "
                    "name"),
                 line, column);
  else
    g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("line %u, column %u: this is not valid JSON"),
                 line, column);
}

gboolean
th_json_check_bounded (const char *data, gsize length, gsize max_size, guint max_depth,
                       ThJsonRefusal *refusal, GError **error)
{
  ThJsonRefusal ignored;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (refusal == NULL)
    refusal = &ignored;
  *refusal = TH_JSON_REFUSED_NONE;

  /* json-glib takes a length as a gssize. */
  if (length > max_size || length > G_MAXSSIZE)
    {
      *refusal = TH_JSON_REFUSED_SIZE;
      th_file_set_too_large_error (error, length, MIN (max_size, G_MAXSSIZE));
      return FALSE;
    }

  /* json-glib takes an empty text for a document without a root. */
  if (length == 0)
    {
      *refusal = TH_JSON_REFUSED_EMPTY;
      g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("the file is empty"));
      return FALSE;
    }

  return check_text (data, length, max_depth, refusal, error);
}

JsonNode *
th_json_parse_bounded (const char *data, gsize length, gsize max_size, guint max_depth,
                       ThJsonRefusal *refusal, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  ThJsonRefusal ignored;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (refusal == NULL)
    refusal = &ignored;

  if (!th_json_check_bounded (data, length, max_size, max_depth, refusal, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local_error))
    {
      *refusal = TH_JSON_REFUSED_SYNTAX;
      set_parse_error (error, data, length, local_error);
      return NULL;
    }

  /* Only white space, or only a comment (json-glib reads those). */
  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      *refusal = TH_JSON_REFUSED_EMPTY;
      g_set_error (error, TH_ERROR, TH_ERROR_PARSE, _ ("the file is empty"));
      return NULL;
    }

  return root;
}

void
th_json_skip_bom (const char **data, gsize *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

JsonNode *
th_json_parse (const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  th_json_skip_bom (&data, &length);
  return th_json_parse_bounded (data, length, TH_MAX_FILE_SIZE, TH_JSON_MAX_DEPTH, NULL, error);
}

JsonNode *
th_json_parse_file (GFile *file, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  const char *data;
  gsize length;

  bytes = th_file_read_bounded (file, TH_MAX_FILE_SIZE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return th_json_parse (data, length, error);
}

ThJsonKind
th_json_node_get_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        return TH_JSON_KIND_OBJECT;
      case JSON_NODE_ARRAY:
        return TH_JSON_KIND_ARRAY;
      case JSON_NODE_NULL:
        return TH_JSON_KIND_NULL;
      case JSON_NODE_VALUE:
      default:
        break;
    }

  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        return TH_JSON_KIND_STRING;
      case G_TYPE_BOOLEAN:
        return TH_JSON_KIND_BOOLEAN;
      case G_TYPE_INT64:
      case G_TYPE_DOUBLE:
        return TH_JSON_KIND_NUMBER;
      default:
        return TH_JSON_KIND_NONE;
    }
}

const char *
th_json_describe_kind (ThJsonKind kind)
{
  switch (kind)
    {
      case TH_JSON_KIND_OBJECT:
        return _ ("an object");
      case TH_JSON_KIND_ARRAY:
        return _ ("an array");
      case TH_JSON_KIND_NULL:
        return _ ("null");
      case TH_JSON_KIND_STRING:
        return _ ("a string");
      case TH_JSON_KIND_BOOLEAN:
        return _ ("a boolean");
      case TH_JSON_KIND_NUMBER:
        return _ ("a number");
      case TH_JSON_KIND_NONE:
      default:
        return _ ("a value");
    }
}

const char *
th_json_describe_node (JsonNode *node)
{
  return th_json_describe_kind (th_json_node_get_kind (node));
}

void
th_json_set_type_error (GError **error, const ThJsonPath *path, ThJsonExpected expected,
                        ThJsonKind found)
{
  const char *what = th_json_describe_kind (found);

  /* Whole sentences, each translated as one. */
  switch (expected)
    {
      case TH_JSON_EXPECT_STRING:
        th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected a string, found %s"), what);
        break;
      case TH_JSON_EXPECT_NUMBER:
        th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected a number, found %s"), what);
        break;
      case TH_JSON_EXPECT_INTEGER:
        th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected an integer, found %s"),
                           what);
        break;
      case TH_JSON_EXPECT_OBJECT:
        th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected an object, found %s"), what);
        break;
      case TH_JSON_EXPECT_ARRAY:
      default:
        th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected an array, found %s"), what);
        break;
    }
}

void
th_json_set_missing_error (GError **error, const ThJsonPath *path)
{
  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("required member is missing"));
}

static JsonNode *
get_member (JsonObject *object, const ThJsonPath *path, gboolean required, GError **error)
{
  JsonNode *node = json_object_get_member (object, path->member);

  if (node == NULL && required)
    th_json_set_missing_error (error, path);

  return node;
}

gboolean
th_json_check_string (const char *value, gsize n_bytes, const ThJsonPath *path, GError **error)
{
  /* The file as a whole is valid UTF-8, but a lone surrogate escape such
   * as "\ud800x" makes json-glib produce invalid UTF-8 in the string. */
  if (!g_utf8_validate (value, (gssize)n_bytes, NULL))
    {
      th_json_set_error (error, TH_ERROR_INVALID, path,
                         _ ("the text is not valid Unicode (a lone \\u surrogate escape)"));
      return FALSE;
    }

  /* Every character takes at least one byte: short strings need no count. */
  if (n_bytes > TH_MAX_STRING_CHARS)
    {
      glong n_chars = g_utf8_strlen (value, (gssize)n_bytes);

      if (n_chars > TH_MAX_STRING_CHARS)
        {
          th_json_set_error (error, TH_ERROR_TOO_LARGE, path,
                             _ ("%ld characters, more than the limit of %d"), n_chars,
                             TH_MAX_STRING_CHARS);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
th_json_node_get_string (JsonNode *node, const ThJsonPath *path, const char **out, GError **error)
{
  const char *value;
  gsize n_bytes;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      th_json_set_type_error (error, path, TH_JSON_EXPECT_STRING, th_json_node_get_kind (node));
      return FALSE;
    }

  value = json_node_get_string (node);
  n_bytes = strlen (value);

  if (!th_json_check_string (value, n_bytes, path, error))
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
th_json_node_get_number (JsonNode *node, const ThJsonPath *path, double *out, GError **error)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          *out = (double)json_node_get_int (node);
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          *out = json_node_get_double (node);
          return TRUE;
        }
    }

  th_json_set_type_error (error, path, TH_JSON_EXPECT_NUMBER, th_json_node_get_kind (node));
  return FALSE;
}

gboolean
th_json_number_to_integer (const ThJsonNumber *number, const ThJsonPath *path, gint64 *out,
                           GError **error)
{
  double value = number->value;

  if (number->integral)
    {
      *out = number->integer;
      return TRUE;
    }

  /* Some tools write every number with a decimal point; 4.0 is still the
   * integer 4, but 3.5 is not an integer at all. */
  if (!isfinite (value) || floor (value) != value)
    {
      g_autofree char *text = th_json_format_number (value);

      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not an integer"), text);
      return FALSE;
    }
  if (value < -9.0e15 || value > 9.0e15)
    {
      g_autofree char *text = th_json_format_number (value);

      th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is out of range"), text);
      return FALSE;
    }

  *out = (gint64)value;
  return TRUE;
}

gboolean
th_json_value_get_integer (ThJsonKind kind, const ThJsonNumber *number, const ThJsonPath *path,
                           gint64 *out, GError **error)
{
  if (kind != TH_JSON_KIND_NUMBER)
    {
      th_json_set_type_error (error, path, TH_JSON_EXPECT_INTEGER, kind);
      return FALSE;
    }

  return th_json_number_to_integer (number, path, out, error);
}

void
th_json_node_read_number (JsonNode *node, ThJsonNumber *out)
{
  out->integral = json_node_get_value_type (node) == G_TYPE_INT64;
  out->integer = out->integral ? json_node_get_int (node) : 0;
  out->value = out->integral ? (double)out->integer : json_node_get_double (node);
}

gboolean
th_json_node_get_integer (JsonNode *node, const ThJsonPath *path, gint64 *out, GError **error)
{
  ThJsonKind kind = th_json_node_get_kind (node);
  ThJsonNumber number = { 0 };

  if (kind == TH_JSON_KIND_NUMBER)
    th_json_node_read_number (node, &number);

  return th_json_value_get_integer (kind, &number, path, out, error);
}

gboolean
th_json_get_string_member (JsonObject *object, const ThJsonPath *parent, const char *member,
                           gboolean required, const char **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, member);
  JsonNode *node = get_member (object, &path, required, error);

  *out = NULL;
  if (node == NULL)
    return !required;

  return th_json_node_get_string (node, &path, out, error);
}

gboolean
th_json_check_id (const char *id, const ThJsonPath *path, GError **error)
{
  g_autofree char *quoted = NULL;

  if (th_id_is_valid (id))
    return TRUE;

  quoted = th_json_quote (id);
  th_json_set_error (error, TH_ERROR_INVALID, path,
                     _ ("%s is not a valid id (1 to 64 characters of a-z, 0-9 and -)"), quoted);
  return FALSE;
}

gboolean
th_json_check_hat (const char *value, const ThJsonPath *path, ThSide *side, GError **error)
{
  g_autofree char *quoted = NULL;

  if (th_side_from_string (value, side) && *side != TH_SIDE_BOTH)
    return TRUE;

  quoted = th_json_quote (value);
  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("%s is not leadership or management"),
                     quoted);
  return FALSE;
}

gboolean
th_json_get_id_member (JsonObject *object, const ThJsonPath *parent, const char *member,
                       const char **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, member);

  if (!th_json_get_string_member (object, parent, member, TRUE, out, error))
    return FALSE;

  if (!th_json_check_id (*out, &path, error))
    {
      *out = NULL;
      return FALSE;
    }

  return TRUE;
}

gboolean
th_json_node_get_object (JsonNode *node, const ThJsonPath *path, JsonObject **out, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      th_json_set_type_error (error, path, TH_JSON_EXPECT_OBJECT, th_json_node_get_kind (node));
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
th_json_root_get_object (JsonNode *root, const ThJsonPath *path, JsonObject **out, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    return th_json_node_get_object (root, path, out, error);

  th_json_set_error (error, TH_ERROR_INVALID, path, _ ("expected a JSON object, found %s"),
                     th_json_describe_node (root));
  return FALSE;
}

gboolean
th_json_get_object_member (JsonObject *object, const ThJsonPath *parent, const char *member,
                           gboolean required, JsonObject **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, member);
  JsonNode *node = get_member (object, &path, required, error);

  *out = NULL;
  if (node == NULL)
    return !required;

  return th_json_node_get_object (node, &path, out, error);
}

gboolean
th_json_get_array_member (JsonObject *object, const ThJsonPath *parent, const char *member,
                          gboolean required, JsonArray **out, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, member);
  JsonNode *node = get_member (object, &path, required, error);

  *out = NULL;
  if (node == NULL)
    return !required;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      th_json_set_type_error (error, &path, TH_JSON_EXPECT_ARRAY, th_json_node_get_kind (node));
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
th_json_check_header (JsonObject *object, const ThJsonPath *parent, const char *expected_format,
                      const char *what, GError **error)
{
  ThJsonPath format_path = TH_JSON_PATH_MEMBER (parent, "format");
  ThJsonPath version_path = TH_JSON_PATH_MEMBER (parent, "version");
  JsonNode *node;
  const char *format;
  gint64 version;

  node = json_object_get_member (object, "format");
  if (node == NULL)
    {
      th_json_set_error (error, TH_ERROR_INVALID, &format_path,
                         _ ("missing, so this is not a Two Hats %s"), what);
      return FALSE;
    }
  if (!th_json_node_get_string (node, &format_path, &format, error))
    return FALSE;
  if (strcmp (format, expected_format) != 0)
    {
      g_autofree char *quoted = th_json_quote (format);

      th_json_set_error (error, TH_ERROR_INVALID, &format_path, _ ("%s is not a Two Hats %s"),
                         quoted, what);
      return FALSE;
    }

  node = get_member (object, &version_path, TRUE, error);
  if (node == NULL || !th_json_node_get_integer (node, &version_path, &version, error))
    return FALSE;

  if (version > TH_FORMAT_VERSION)
    {
      g_autofree char *text = th_json_format_number ((double)version);

      th_json_set_error (error, TH_ERROR_NEWER_VERSION, &version_path,
                         _ ("this %s was made by a newer version of Two Hats (format version %s); "
                            "update Two Hats to open it"),
                         what, text);
      return FALSE;
    }
  if (version < TH_FORMAT_VERSION)
    {
      g_autofree char *text = th_json_format_number ((double)version);

      th_json_set_error (error, TH_ERROR_INVALID, &version_path,
                         _ ("%s is not a format version (the first is 1)"), text);
      return FALSE;
    }

  return TRUE;
}
