/* th-json-private.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "th-error.h"
#include "th-json.h"
#include "th-types.h"

G_BEGIN_DECLS

/* Nesting deeper than this is refused before json-glib sees the text: its
 * parser recurses once per level, so a hostile file of a few hundred
 * thousand brackets would otherwise overflow the stack.  Real files nest
 * four levels deep. */
#define TH_JSON_MAX_DEPTH 64

char *th_json_path_to_string (const ThJsonPath *path);

/* A short, printable rendering of a string taken from a file, quoted, for
 * error messages: hostile input must not turn a message into a novel or
 * smuggle control characters into a terminal. */
char *th_json_quote (const char *text);

/* Parses the text of a file: skips a byte order mark, then
 * th_json_parse_bounded() with the file size limit and TH_JSON_MAX_DEPTH.
 * Returns the root node (never NULL on success). */
JsonNode *th_json_parse (const char *data, gsize length, GError **error);
/* Reads @file, refusing one larger than TH_MAX_FILE_SIZE before reading
 * it, and parses it as th_json_parse() does. */
JsonNode *th_json_parse_file (GFile *file, GError **error);

/* The type rules of every reader of JSON in core.  The tree readers see
 * a JsonNode, the pull reader below a ThJsonKind and the text of a
 * number; both hand what they see to the functions here, which hold the
 * one rule and the one message for each. */

/* What kind of value a JSON value is. */
typedef enum
{
  TH_JSON_KIND_NONE, /* end of text, or not the start of a value */
  TH_JSON_KIND_OBJECT,
  TH_JSON_KIND_ARRAY,
  TH_JSON_KIND_STRING,
  TH_JSON_KIND_NUMBER,
  TH_JSON_KIND_BOOLEAN,
  TH_JSON_KIND_NULL,
} ThJsonKind;

/* The kind of value @node holds. */
ThJsonKind th_json_node_get_kind (JsonNode *node);
/* What a value of @kind is, for "expected a string, found an array". */
const char *th_json_describe_kind (ThJsonKind kind);

/* The type a value at some path must have. */
typedef enum
{
  TH_JSON_EXPECT_STRING,
  TH_JSON_EXPECT_NUMBER,
  TH_JSON_EXPECT_INTEGER,
  TH_JSON_EXPECT_OBJECT,
  TH_JSON_EXPECT_ARRAY,
} ThJsonExpected;

/* Sets @error to "PATH: expected a string, found an array" and the like. */
void th_json_set_type_error (GError **error, const ThJsonPath *path, ThJsonExpected expected,
                             ThJsonKind found);
/* Sets @error to "PATH: required member is missing". */
void th_json_set_missing_error (GError **error, const ThJsonPath *path);

/* A number as it was written: without a point or an exponent it is an
 * integer, which json-glib and the pull reader both hold as a gint64
 * (@integer); otherwise a double (@value). */
typedef struct
{
  gboolean integral;
  gint64 integer;
  double value;
} ThJsonNumber;

/* The one whole-number rule: a number written as an integer is that
 * integer, and one written with a fraction is an integer when it is
 * whole (4.0 is 4, 3.5 is refused) and within ±9e15.  *@out is set on
 * success. */
gboolean th_json_number_to_integer (const ThJsonNumber *number, const ThJsonPath *path, gint64 *out,
                                    GError **error);
/* The value at @path, of @kind, as an integer: a type error unless it is
 * a number, then th_json_number_to_integer() of @number (which is only
 * read for a number). */
gboolean th_json_value_get_integer (ThJsonKind kind, const ThJsonNumber *number,
                                    const ThJsonPath *path, gint64 *out, GError **error);
/* The number @node holds, as written; @node must hold a number. */
void th_json_node_read_number (JsonNode *node, ThJsonNumber *out);

/* Skips a byte order mark at the start of a file's text, which RFC 8259
 * lets parsers ignore and some Windows editors add. */
void th_json_skip_bom (const char **data, gsize *length);

/* Typed member access.  Each returns FALSE with @error set when the member
 * is present with the wrong type (or breaks a limit), or when it is absent
 * and @required; on success *@out is NULL (or untouched for numbers) when
 * the member is absent. */
gboolean th_json_get_string_member (JsonObject *object, const ThJsonPath *path, const char *member,
                                    gboolean required, const char **out, GError **error);
gboolean th_json_get_object_member (JsonObject *object, const ThJsonPath *path, const char *member,
                                    gboolean required, JsonObject **out, GError **error);
gboolean th_json_get_array_member (JsonObject *object, const ThJsonPath *path, const char *member,
                                   gboolean required, JsonArray **out, GError **error);

/* A required member holding an id (docs/deck-format.md "Ids": 1–64 of a-z, 0-9, '-'). */
gboolean th_json_get_id_member (JsonObject *object, const ThJsonPath *path, const char *member,
                                const char **out, GError **error);
/* The check of th_json_get_id_member() for a string already read. */
gboolean th_json_check_id (const char *id, const ThJsonPath *path, GError **error);

/* Checks that @node is a number and returns it as a double. */
gboolean th_json_node_get_number (JsonNode *node, const ThJsonPath *path, double *out,
                                  GError **error);
/* Checks that @node is a whole number by th_json_number_to_integer()'s
 * rule and returns it. */
gboolean th_json_node_get_integer (JsonNode *node, const ThJsonPath *path, gint64 *out,
                                   GError **error);

/* Checks "format" and "version" of a document root; @expected_format is
 * "two-hats-deck" or "two-hats-session", @what "deck" or "session". */
gboolean th_json_check_header (JsonObject *object, const ThJsonPath *path,
                               const char *expected_format, const char *what, GError **error);

/* A number as written in messages: "7", "3.5". */
char *th_json_format_number (double value);

/* The text files are written as: two-space indents, "key": value, members
 * in the order they were built, non-ASCII characters as they are, a line
 * break at the end.  (json-glib 1.6's pretty printer writes an empty
 * object as "{      }".) */
char *th_json_to_pretty_data (JsonNode *node, gsize *length);

/* The piece of th_json_to_pretty_data() for writers that write most of
 * a file themselves: @node as it would appear @depth levels deep (its
 * first line not indented); a string is th_json_append_string() and a
 * double th_json_append_double(), in th-json.h. */
void th_json_append_pretty (GString *out, JsonNode *node, guint depth);

/* Adds a string member, or nothing when @value is NULL. */
void th_json_builder_add_string (JsonBuilder *builder, const char *member, const char *value);

/* A pull reader over JSON text in memory, for documents too large for a
 * tree.  It reads strict RFC 8259 JSON, and only the part of it that
 * json-glib certainly reads the same way: it refuses (sets @failed) what
 * is not JSON, nesting deeper than TH_JSON_MAX_DEPTH, the escapes \u0000,
 * \/ and lone surrogates, numbers with an exponent or more than 15
 * integer digits, and whitespace other than space, tab and line breaks.
 * A caller that meets a refusal hands the whole text to th_json_parse(),
 * which then finds the error (and words it) as it always has, or reads
 * the unusual file. */

/* A string's text between its quotes, still escaped, or a number's text. */
typedef struct
{
  const char *start;
  gsize length;
  gboolean escaped;  /* a string with escapes: see th_json_span_decode() */
  gboolean fraction; /* a number with a decimal point */
} ThJsonSpan;

typedef struct
{
  const char *pos;
  const char *end;
  guint depth;
  gboolean failed;
  /* Per open container: whether its next entry is its first. */
  gboolean first[TH_JSON_MAX_DEPTH + 1];
} ThJsonReader;

void th_json_reader_init (ThJsonReader *reader, const char *data, gsize length);
/* Skips white space and says what kind of value comes next. */
ThJsonKind th_json_reader_peek (ThJsonReader *reader);
/* Consumes the "{" or "[" that th_json_reader_peek() saw. */
gboolean th_json_reader_enter (ThJsonReader *reader);
/* Moves to the next member of the current object, reading its name and
 * the colon.  Returns FALSE at the closing "}" (consumed) or on failure. */
gboolean th_json_reader_next_member (ThJsonReader *reader, ThJsonSpan *name);
/* The same for an array: FALSE at "]" or on failure. */
gboolean th_json_reader_next_element (ThJsonReader *reader);
gboolean th_json_reader_read_string (ThJsonReader *reader, ThJsonSpan *out);
gboolean th_json_reader_read_number (ThJsonReader *reader, ThJsonSpan *out);
/* Reads past the next value, whatever it is, checking it. */
gboolean th_json_reader_skip (ThJsonReader *reader);
/* TRUE when nothing but white space is left. */
gboolean th_json_reader_at_end (ThJsonReader *reader);

/* Appends the text of a string the reader accepted, escapes resolved. */
void th_json_span_decode (const ThJsonSpan *span, GString *out);
/* TRUE when @span is exactly @text (an unescaped string). */
gboolean th_json_span_equal (const ThJsonSpan *span, const char *text);
/* The value of a number the reader accepted. */
double th_json_span_get_double (const ThJsonSpan *span);
gint64 th_json_span_get_int (const ThJsonSpan *span);
/* The same, as written, for th_json_number_to_integer(). */
void th_json_span_read_number (const ThJsonSpan *span, ThJsonNumber *out);

/* th_json_node_get_string()'s checks for a string already decoded. */
gboolean th_json_check_string (const char *value, gsize n_bytes, const ThJsonPath *path,
                               GError **error);

G_END_DECLS
