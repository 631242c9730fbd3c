/* test-json.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bounded parse of th-json.h, the one way JSON text enters Two Hats:
 * each refusal with its reason and its message, the limits exactly at
 * their edge, and th_json_parse() of files on top of it; and the
 * whole-number rule that every reader of integers shares. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "th-error.h"
#include "th-json-private.h"
#include "th-types.h"

typedef struct
{
  const char *text;
  gsize length; /* 0: strlen (text) */
  ThJsonRefusal refusal;
  int code;
  const char *message;
} Case;

static void
test_refusals (void)
{
  static const Case cases[] = {
    { "", 0, TH_JSON_REFUSED_EMPTY, TH_ERROR_PARSE, "the file is empty" },
    { "  \n ", 0, TH_JSON_REFUSED_EMPTY, TH_ERROR_PARSE, "the file is empty" },
    { "/* only a comment */", 0, TH_JSON_REFUSED_EMPTY, TH_ERROR_PARSE, "the file is empty" },
    { "{\"a\": \"\xc3\x28\"}", 0, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 1, column 8: the file is not valid UTF-8 (at byte 7)" },
    { "{\"a\":\n 1}\0", 10, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 2, column 4: the file contains a NUL byte (at byte 9); it is not a text file" },
    { "{\"a\": \"b\\u0000c\"}", 0, TH_JSON_REFUSED_NUL_ESCAPE, TH_ERROR_PARSE,
      "line 1, column 9: a string contains the escape \\u0000 (a NUL character), which Two "
      "Hats does not accept" },
    { "{\"a\\u0000\": 1}", 0, TH_JSON_REFUSED_NUL_ESCAPE, TH_ERROR_PARSE,
      "line 1, column 4: a string contains the escape \\u0000 (a NUL character), which Two "
      "Hats does not accept" },
    { "[[[[1]]]]", 0, TH_JSON_REFUSED_DEPTH, TH_ERROR_TOO_LARGE,
      "line 1, column 4: nested more than 3 levels deep" },
    /* What comes first in the text is what is reported. */
    { "[[[\"\\u0000\", [1]]]]", 0, TH_JSON_REFUSED_NUL_ESCAPE, TH_ERROR_PARSE,
      "line 1, column 5: a string contains the escape \\u0000 (a NUL character), which Two "
      "Hats does not accept" },
    /* The encoding comes first, wherever its problem is. */
    { "[[[[ \"\xc3\x28\" ]]]]", 0, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 1, column 7: the file is not valid UTF-8 (at byte 6)" },
    { "[\"\\u0000\", \"\xff\"]", 0, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 1, column 13: the file is not valid UTF-8 (at byte 12)" },
    /* An escaped byte is checked all the same. */
    { "\"a\\\0\"", 5, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 1, column 4: the file contains a NUL byte (at byte 3); it is not a text file" },
    { "\"a\\\xc3\"", 0, TH_JSON_REFUSED_ENCODING, TH_ERROR_PARSE,
      "line 1, column 4: the file is not valid UTF-8 (at byte 3)" },
    /* Escapes JSON does not have: json-glib reads \0 as the end of the
     * string, as it does \u0000, and other letters as themselves. */
    { "[\"Ann\\0Eve\"]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 6: “\\0” is not an escape of JSON" },
    { "[\"\\q\"]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 3: “\\q” is not an escape of JSON" },
    { "[\"\\\xc3\xa9\"]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 3: “\\U+00E9” is not an escape of JSON" },
    /* Numbers JSON does not have, which json-glib reads its own way. */
    { "[0x10]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 2: “0x10” is not a number of JSON" },
    { "[1, 010]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 5: “010” is not a number of JSON" },
    { "[.5]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 2: “.5” is not a number of JSON" },
    { "[1.]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 2: “1.” is not a number of JSON" },
    { "[- 1]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 2: “-” is not a number of JSON" },
    /* Numbers json-glib cannot hold: it would read the first as -1, the
     * second as 1, the last as infinity. */
    { "[99999999999999999999]", 0, TH_JSON_REFUSED_NUMBER, TH_ERROR_TOO_LARGE,
      "line 1, column 2: the number 99999999999999999999 is too large" },
    { "[-99999999999999999999]", 0, TH_JSON_REFUSED_NUMBER, TH_ERROR_TOO_LARGE,
      "line 1, column 2: the number -99999999999999999999 is too large" },
    { "[9223372036854775808]", 0, TH_JSON_REFUSED_NUMBER, TH_ERROR_TOO_LARGE,
      "line 1, column 2: the number 9223372036854775808 is too large" },
    { "[-9223372036854775809]", 0, TH_JSON_REFUSED_NUMBER, TH_ERROR_TOO_LARGE,
      "line 1, column 2: the number -9223372036854775809 is too large" },
    { "{\"a\":\n -1e400}", 0, TH_JSON_REFUSED_NUMBER, TH_ERROR_TOO_LARGE,
      "line 2, column 2: the number -1e400 is too large" },
    /* One value and nothing after it but white space (and comments, which
     * json-glib skips): it would read a value after value and keep the
     * first. */
    { "{\"a\":1}{\"a\":2}", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 8: a second JSON value after the first; only white space may follow it" },
    { "[1] /* c */\n [2]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 2, column 2: a second JSON value after the first; only white space may follow it" },
    { "{\"a\":1}[1]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 8: a second JSON value after the first; only white space may follow it" },
    { "5 [1]", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 3: a second JSON value after the first; only white space may follow it" },
    { "\"x\"{}", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 4: a second JSON value after the first; only white space may follow it" },
    { "null {}", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 6: a second JSON value after the first; only white space may follow it" },
    /* json-glib reads JavaScript's "var NAME = VALUE", which is no JSON. */
    { "var a = {\"a\": 1}", 0, TH_JSON_REFUSED_NOT_JSON, TH_ERROR_PARSE,
      "line 1, column 1: this is not valid JSON" },
    { "{\"a\": [1,]}", 0, TH_JSON_REFUSED_SYNTAX, TH_ERROR_PARSE, NULL },
    { "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3]", 0, TH_JSON_REFUSED_SIZE, TH_ERROR_TOO_LARGE,
      "the file is 42 bytes, more than the limit of 40 bytes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      gsize length = c->length > 0 ? c->length : strlen (c->text);
      g_autoptr (GError) error = NULL;
      g_autoptr (GError) check_error = NULL;
      g_autoptr (JsonNode) root = NULL;
      ThJsonRefusal refusal = TH_JSON_REFUSED_NONE;
      ThJsonRefusal check_refusal = TH_JSON_REFUSED_NONE;
      gboolean checked;

      g_test_message ("case %u: %s", i, c->text);
      root = th_json_parse_bounded (c->text, length, 40, 3, &refusal, &error);
      g_assert_null (root);
      g_assert_cmpint (refusal, ==, c->refusal);
      g_assert_error (error, TH_ERROR, c->code);
      if (c->message != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
      else
        g_assert_true (g_str_has_prefix (error->message, "line 1, column "));

      /* The checks alone refuse the same, but for what only the parse
       * can tell. */
      checked = th_json_check_bounded (c->text, length, 40, 3, &check_refusal, &check_error);
      if (c->refusal == TH_JSON_REFUSED_SYNTAX
          || (c->refusal == TH_JSON_REFUSED_EMPTY && length > 0))
        {
          g_assert_true (checked);
          g_assert_no_error (check_error);
          g_assert_cmpint (check_refusal, ==, TH_JSON_REFUSED_NONE);
        }
      else
        {
          g_assert_false (checked);
          g_assert_cmpint (check_refusal, ==, c->refusal);
          g_assert_cmpstr (check_error->message, ==, error->message);
        }
    }
}

static void
test_limits (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) at_size = NULL;
  g_autoptr (JsonNode) at_depth = NULL;
  g_autoptr (JsonNode) text = NULL;
  ThJsonRefusal refusal = TH_JSON_REFUSED_SYNTAX;

  /* Ten bytes with a limit of ten, three levels with a limit of three. */
  at_size = th_json_parse_bounded ("[1, 2, 34]", 10, 10, 3, &refusal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (refusal, ==, TH_JSON_REFUSED_NONE);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (at_size));
  g_assert_cmpint (json_array_get_int_element (json_node_get_array (at_size), 2), ==, 34);

  at_depth = th_json_parse_bounded ("[[[1]]]", 7, 10, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_depth);

  /* Brackets and "\u0000" inside strings are text; an escaped backslash
   * ends its escape; other escapes are read as ever. */
  text = th_json_parse_bounded ("{\"[[[[\": \"\\\\u0000 \\u0041\"}", 26, 100, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (text), "[[[["), ==,
                   "\\u0000 A");

  /* Every escape and every number of JSON reads as it should, the
   * largest integers included; comments, which json-glib skips, are not
   * read for numbers or strings. */
  {
    const char numbers[]
      = "/* 007. \" */ [9223372036854775807, -9223372036854775808, 1.5e308, -0.25E-3, 0, "
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"] /* .5 */";
    g_autoptr (JsonNode) node
      = th_json_parse_bounded (numbers, strlen (numbers), 200, 1, NULL, &error);
    JsonArray *array;

    g_assert_no_error (error);
    array = json_node_get_array (node);
    g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_MAXINT64);
    g_assert_cmpint (json_array_get_int_element (array, 1), ==, G_MININT64);
    g_assert_cmpfloat (json_array_get_double_element (array, 2), ==, 1.5e308);
    g_assert_cmpfloat (json_array_get_double_element (array, 3), ==, -0.25e-3);
    g_assert_cmpint (json_array_get_int_element (array, 4), ==, 0);
    g_assert_cmpstr (json_array_get_string_element (array, 5), ==, "\"\\/\b\f\n\r\t\xc3\xa9");
  }

  /* White space, comments and a byte order mark around the one value. */
  {
    const char spaced[] = "\xEF\xBB\xBF /* [0] */ \r\n\t{\"a\": [1]} /* {} */ \n";
    g_autoptr (JsonNode) node
      = th_json_parse_bounded (spaced, strlen (spaced), 100, 2, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_array_get_int_element (
                       json_object_get_array_member (json_node_get_object (node), "a"), 0),
                     ==, 1);
  }

  /* Characters of any length, escaped quotes and backslashes. */
  {
    const char accents[] = "[\"\xc3\xa9\\\"\xe2\x80\x8f\", \"\\\\\", \"\xf0\x9f\x8e\xa9]\"]";
    g_autoptr (JsonNode) node
      = th_json_parse_bounded (accents, strlen (accents), 100, 1, NULL, &error);
    JsonArray *array;

    g_assert_no_error (error);
    array = json_node_get_array (node);
    g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "\xc3\xa9\"\xe2\x80\x8f");
    g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "\\");
    g_assert_cmpstr (json_array_get_string_element (array, 2), ==, "\xf0\x9f\x8e\xa9]");
  }
}

/* Files: a byte order mark is skipped, then the file limits apply. */
static void
test_file_parse (void)
{
  GString *deep = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) with_mark = NULL;
  g_autoptr (JsonNode) root = NULL;

  with_mark = th_json_parse ("\xEF\xBB\xBF{\"a\": 1}", 11, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (with_mark));

  g_assert_null (th_json_parse ("\xEF\xBB\xBF", 3, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "the file is empty");
  g_clear_error (&error);

  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  root = th_json_parse (deep->str, deep->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_null (th_json_parse (deep->str, deep->len, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 1, column 65: nested more than 64 levels deep");
  g_string_free (deep, TRUE);
}

/* One whole-number rule, whether the number comes from a json-glib node
 * or from the pull reader's text: 4 and 4.0 are 4, 3.5 is refused, and
 * anything but a number is a type error. */
static void
test_whole_numbers (void)
{
  static const struct
  {
    const char *text;
    gint64 value; /* when message is NULL */
    const char *message;
  } cases[] = {
    { "4", 4, NULL },
    { "4.0", 4, NULL },
    { "-12", -12, NULL },
    { "0.000", 0, NULL },
    { "3.5", 0, "x: 3.5 is not an integer" },
    { "\"4\"", 0, "x: expected an integer, found a string" },
    { "null", 0, "x: expected an integer, found null" },
    { "[4]", 0, "x: expected an integer, found an array" },
  };
  ThJsonPath path = TH_JSON_PATH_MEMBER (NULL, "x");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) node_error = NULL;
      g_autoptr (GError) text_error = NULL;
      g_autoptr (JsonNode) node = th_json_parse (cases[i].text, strlen (cases[i].text), NULL);
      ThJsonReader reader;
      ThJsonNumber number = { 0 };
      ThJsonSpan span;
      ThJsonKind kind;
      gint64 from_node = -1, from_text = -1;
      gboolean node_ok, text_ok;

      g_assert_nonnull (node);
      node_ok = th_json_node_get_integer (node, &path, &from_node, &node_error);

      th_json_reader_init (&reader, cases[i].text, strlen (cases[i].text));
      kind = th_json_reader_peek (&reader);
      if (kind == TH_JSON_KIND_NUMBER)
        {
          g_assert_true (th_json_reader_read_number (&reader, &span));
          th_json_span_read_number (&span, &number);
        }
      text_ok = th_json_value_get_integer (kind, &number, &path, &from_text, &text_error);

      if (cases[i].message == NULL)
        {
          g_assert_true (node_ok && text_ok);
          g_assert_cmpint (from_node, ==, cases[i].value);
          g_assert_cmpint (from_text, ==, cases[i].value);
        }
      else
        {
          g_assert_false (node_ok || text_ok);
          g_assert_error (node_error, TH_ERROR, TH_ERROR_INVALID);
          g_assert_cmpstr (node_error->message, ==, cases[i].message);
          g_assert_cmpstr (text_error->message, ==, cases[i].message);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/refusals", test_refusals);
  g_test_add_func ("/json/limits", test_limits);
  g_test_add_func ("/json/file-parse", test_file_parse);
  g_test_add_func ("/json/whole-numbers", test_whole_numbers);

  return g_test_run ();
}
