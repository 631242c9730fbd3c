/* th-json.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "th-error.h"
#include "th-types.h"

G_BEGIN_DECLS

/* The one way JSON text enters Two Hats: deck and session files, and the
 * bodies of the room's requests, all pass the same checks before
 * json-glib parses them, so that the limits cannot drift apart.
 *
 * Why th_json_parse_bounded() or th_json_check_bounded() refused a text.
 * Their GError is worded for a file ("line 3, column 7: …"); a caller that
 * reads something else (a request body) words each reason its own way. */
typedef enum
{
  TH_JSON_REFUSED_NONE,
  /* Longer than the limit the caller gave (TH_ERROR_TOO_LARGE). */
  TH_JSON_REFUSED_SIZE,
  /* Nothing, or only white space (TH_ERROR_PARSE). */
  TH_JSON_REFUSED_EMPTY,
  /* Not UTF-8, or a NUL byte in the text (TH_ERROR_PARSE). */
  TH_JSON_REFUSED_ENCODING,
  /* A string holds the escape \u0000, which json-glib would silently turn
   * into the end of a C string: "p1\u0000x" would read as "p1"
   * (TH_ERROR_PARSE). */
  TH_JSON_REFUSED_NUL_ESCAPE,
  /* Arrays and objects nested deeper than the limit the caller gave:
   * json-glib's parser recurses once per level (TH_ERROR_TOO_LARGE). */
  TH_JSON_REFUSED_DEPTH,
  /* Not JSON (TH_ERROR_PARSE). */
  TH_JSON_REFUSED_SYNTAX,
  /* Something json-glib reads but JSON does not have, and which json-glib
   * would read as something else: an escape such as \0 (the end of a C
   * string, as with \u0000) or \q, a number such as 0x10, 010 or .5
   * (TH_ERROR_PARSE). */
  TH_JSON_REFUSED_NOT_JSON,
  /* A number json-glib cannot hold: an integer beyond 64 bits, which it
   * would wrap around (99999999999999999999 reads as -1), or one beyond
   * the range of a double (TH_ERROR_TOO_LARGE). */
  TH_JSON_REFUSED_NUMBER,
} ThJsonRefusal;

/* The checks of th_json_parse_bounded() without the parse, in the same
 * order: size, encoding, then nesting, \u0000, escapes and numbers in the
 * order they occur in the text.  For readers that read the text without a
 * tree.  @refusal may be NULL; it is TH_JSON_REFUSED_NONE when the text
 * passes.  Any thread. */
gboolean th_json_check_bounded (const char *data, gsize length, gsize max_size, guint max_depth,
                                ThJsonRefusal *refusal, GError **error);

/* Checks @data as th_json_check_bounded() does, then parses it.  Returns
 * the root node (a new reference, never NULL on success), or NULL with
 * @error set and @refusal (may be NULL) saying why.  Any thread. */
JsonNode *th_json_parse_bounded (const char *data, gsize length, gsize max_size, guint max_depth,
                                 ThJsonRefusal *refusal, GError **error);

/* Appends @text (UTF-8) as a JSON string, with its quotes and escapes:
 * for the writers that make JSON text themselves rather than through a
 * tree, the session file's and the room's answers.  Any thread. */
void th_json_append_string (GString *out, const char *text);
/* Appends @value as the shortest JSON number that reads back as exactly
 * @value, always with a fraction or an exponent ("75.0"), so that it
 * reads back as a double.  Any thread. */
void th_json_append_double (GString *out, double value);

/* The checks of values in a parsed tree that the room's request bodies
 * share with files, so that a rule has one home and one message: each
 * sets a clause that names the path of the value at fault
 * ("ratings.explain-the-why: 7 is not between 1 and 5"), before which a
 * file's reader puts the file and which the room ends as a sentence.
 * The rest of the checks of files are in th-json-private.h. */

/* A JSON path built on the stack while a document is validated, so that
 * nothing is allocated for the (many) values that turn out fine.  It is
 * only turned into text ("participants[3].ratings.explain-the-why") when
 * an error is reported.  A node is either a member (@member non-NULL) or
 * an array element (@index ≥ 0). */
typedef struct _ThJsonPath ThJsonPath;
struct _ThJsonPath
{
  const ThJsonPath *parent;
  const char *member;
  gint64 index;
};

#define TH_JSON_PATH_MEMBER(parent_path, name)                                                     \
  {                                                                                                \
    (parent_path), (name), -1                                                                      \
  }
#define TH_JSON_PATH_INDEX(parent_path, i)                                                         \
  {                                                                                                \
    (parent_path), NULL, (gint64)(i)                                                               \
  }

/* Sets @error to "PATH: MESSAGE" (or MESSAGE alone for the root). */
void th_json_set_error (GError **error, ThError code, const ThJsonPath *path, const char *format,
                        ...) G_GNUC_PRINTF (4, 5);

/* What @node holds, for "expected a string, found an array". */
const char *th_json_describe_node (JsonNode *node);

/* Checks that @root, the whole document, is an object: "expected a JSON
 * object, found an array".  @path is NULL but for a document inside
 * another (a deck in a session file). */
gboolean th_json_root_get_object (JsonNode *root, const ThJsonPath *path, JsonObject **out,
                                  GError **error);
/* Checks that @node, the value at @path, is an object. */
gboolean th_json_node_get_object (JsonNode *node, const ThJsonPath *path, JsonObject **out,
                                  GError **error);
/* Checks that @node is a string within the string limit, valid UTF-8. */
gboolean th_json_node_get_string (JsonNode *node, const ThJsonPath *path, const char **out,
                                  GError **error);
/* One hat, as a behaviour's "key" and a value of "sort" (in a session
 * file and in the room's answers) name it: "leadership" or
 * "management", as *@side. */
gboolean th_json_check_hat (const char *value, const ThJsonPath *path, ThSide *side,
                            GError **error);

G_END_DECLS
