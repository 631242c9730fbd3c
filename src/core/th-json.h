/* th-json.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

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

G_END_DECLS
