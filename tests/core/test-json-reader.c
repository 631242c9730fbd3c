/* test-json-reader.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pull reader of th-json.c, and the session loader built on it: the
 * loader must give every file the result the json-glib tree gives it,
 * the same session or the same message. */

#include "config.h"

#include <string.h>

#include "th-error.h"
#include "th-json-private.h"
#include "th-participant-private.h"
#include "th-session-private.h"
#include "th-test-utils.h"

/* Reads one value with the reader; returns it decoded (a string) or as
 * text (a number), or NULL when the reader refuses it. */
static char *
read_one (const char *text)
{
  ThJsonReader reader;
  ThJsonSpan span;
  GString *out = g_string_new (NULL);

  th_json_reader_init (&reader, text, strlen (text));
  switch (th_json_reader_peek (&reader))
    {
      case TH_JSON_KIND_STRING:
        if (th_json_reader_read_string (&reader, &span))
          th_json_span_decode (&span, out);
        break;
      case TH_JSON_KIND_NUMBER:
        if (th_json_reader_read_number (&reader, &span))
          g_string_append_len (out, span.start, (gssize)span.length);
        break;
      default:
        th_json_reader_skip (&reader);
        break;
    }

  if (!th_json_reader_at_end (&reader))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads (const char *text, const char *expected)
{
  g_autofree char *value = read_one (text);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_refused (const char *text)
{
  g_autofree char *value = read_one (text);

  if (value != NULL)
    g_error ("the reader took %s as %s", text, value);
}

static void
test_strings (void)
{
  assert_reads ("\"plain\"", "plain");
  assert_reads ("\"\"", "");
  assert_reads ("\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\"", "a\"b\\c\nd\te\rf\bg\fh");
  assert_reads ("\"\\u00e9t\\u00C9\"", "étÉ");
  assert_reads ("\"caf\xc3\xa9 \xe2\x80\x8f\"", "café \xe2\x80\x8f");
  /* A surrogate pair is one character outside the first plane. */
  assert_reads ("\"\\ud83d\\ude00!\"", "\xf0\x9f\x98\x80!");
  assert_reads ("\"\\uDBFF\\uDFFF\"", "\xf4\x8f\xbf\xbf");

  /* Left to json-glib, which has always had its own way with them. */
  assert_refused ("\"\\ud83d\"");
  assert_refused ("\"\\ud83dx\"");
  assert_refused ("\"\\ud83d\\u0041\"");
  assert_refused ("\"\\ude00\\ud83d\"");
  assert_refused ("\"\\u0000\"");
  assert_refused ("\"\\/\"");
  assert_refused ("\"\\x41\"");
  assert_refused ("\"\\u12\"");
  assert_refused ("\"\\u12g4\"");
  assert_refused ("\"tab\there\"");
  assert_refused ("\"line\nbreak\"");
  assert_refused ("\"unterminated");
  assert_refused ("\"ends in a backslash\\");
  assert_refused ("\"bad \xc3\x28 byte\"");
  assert_refused ("'single'");
}

static void
test_numbers (void)
{
  assert_reads ("0", "0");
  assert_reads ("-0", "-0");
  assert_reads ("4", "4");
  assert_reads ("-17", "-17");
  assert_reads ("4.0", "4.0");
  assert_reads ("3.25", "3.25");
  assert_reads ("123456789012345", "123456789012345");

  assert_refused ("1234567890123456");
  assert_refused ("01");
  assert_refused ("-");
  assert_refused ("1.");
  assert_refused (".5");
  assert_refused ("+1");
  assert_refused ("1e5");
  assert_refused ("1E+5");
  assert_refused ("2.5e-3");
  assert_refused ("0x10");
  assert_refused ("1a");
  assert_refused ("NaN");
  assert_refused ("Infinity");
}

static void
test_number_values (void)
{
  ThJsonSpan span = { "-42", 3, FALSE, FALSE };

  g_assert_cmpint (th_json_span_get_int (&span), ==, -42);
  span = (ThJsonSpan){ "123456789012345", 15, FALSE, FALSE };
  g_assert_cmpint (th_json_span_get_int (&span), ==, G_GINT64_CONSTANT (123456789012345));
  span = (ThJsonSpan){ "4.50", 4, FALSE, TRUE };
  g_assert_cmpfloat (th_json_span_get_double (&span), ==, 4.5);
}

static void
test_structure (void)
{
  assert_reads ("true", "");
  assert_reads ("false", "");
  assert_reads ("null", "");
  assert_reads (" \t\r\n{ \"a\" : [ 1 , \"x\" , { } , [ ] , null ] , \"b\":{\"c\":false} } \n", "");
  assert_reads ("[]", "");
  assert_reads ("{}", "");

  assert_refused ("");
  assert_refused ("   ");
  assert_refused ("nul");
  assert_refused ("truex");
  assert_refused ("[1,]");
  assert_refused ("[,1]");
  assert_refused ("{\"a\":1,}");
  assert_refused ("{\"a\" 1}");
  assert_refused ("{\"a\":}");
  assert_refused ("{a:1}");
  assert_refused ("{1:1}");
  assert_refused ("[1 2]");
  assert_refused ("[1}");
  assert_refused ("{\"a\":1]");
  assert_refused ("[1] [2]");
  assert_refused ("[1]]");
  assert_refused ("/* comment */ 1");
  assert_refused ("[1] // comment");
  assert_refused ("\xc2\xa0[]");
}

static void
test_nesting (void)
{
  GString *text = g_string_new (NULL);
  g_autofree char *deepest = NULL;
  g_autofree char *too_deep = NULL;

  for (guint i = 0; i < TH_JSON_MAX_DEPTH; i++)
    g_string_append (text, i % 2 == 0 ? "[" : "{\"a\":");
  g_string_append (text, "1");
  for (guint i = TH_JSON_MAX_DEPTH; i > 0; i--)
    g_string_append (text, (i - 1) % 2 == 0 ? "]" : "}");
  deepest = g_string_free (text, FALSE);
  assert_reads (deepest, "");

  too_deep = g_strdup_printf ("[%s]", deepest);
  assert_refused (too_deep);
}

/* Every prefix of a document is refused, and none is read past its end
 * (the sanitizer build would see that). */
static void
test_truncated (void)
{
  const char *text = "{\"s\": \"a\\u00e9\\ud83d\\ude00\\n\", \"n\": [-1.5, 0, true, false, null],"
                     " \"o\": {\"k\": {}}}";
  gsize length = strlen (text);

  for (gsize n = 0; n < length; n++)
    {
      char *copy = g_memdup2 (text, n);
      ThJsonReader reader;

      th_json_reader_init (&reader, copy, n);
      g_assert_false (th_json_reader_skip (&reader) && th_json_reader_at_end (&reader));
      g_free (copy);
    }

  assert_reads (text, "");
}

/* Loading */

/* What a load gave: the saved text, or the error's code and message. */
static char *
outcome (ThSession *session, const GError *error)
{
  if (session == NULL)
    return g_strdup_printf ("error %d: %s", error->code, error->message);

  return th_session_to_data (session, NULL);
}

/* Whether the pull reader must take a text itself, must leave it to
 * json-glib, or may do either. */
enum
{
  LEFT = 0,
  STREAMED = 1,
  EITHER = 2,
};

/* Loads @text both ways and checks they agree, and that the pull reader
 * took it or not as @streamed says.  Returns the outcome. */
static char *
assert_same_load (const char *text, gssize length, int streamed)
{
  gsize n = length < 0 ? strlen (text) : (gsize)length;
  g_autoptr (GError) stream_error = NULL;
  g_autoptr (GError) tree_error = NULL;
  g_autoptr (GError) direct_error = NULL;
  g_autoptr (ThSession) from_data = th_session_new_from_data (text, n, &stream_error);
  g_autoptr (ThSession) direct = th_session_try_new_from_text (text, n, &direct_error);
  g_autoptr (ThSession) from_tree = NULL;
  g_autoptr (JsonNode) root = th_json_parse (text, n, &tree_error);
  g_autofree char *stream_outcome = NULL;
  g_autofree char *tree_outcome = NULL;

  if (root != NULL)
    from_tree = th_session_new_from_json (root, &tree_error);

  stream_outcome = outcome (from_data, stream_error);
  tree_outcome = outcome (from_tree, tree_error);
  g_assert_cmpstr (stream_outcome, ==, tree_outcome);

  if (streamed == STREAMED)
    g_assert_true (direct != NULL || direct_error != NULL);
  else if (streamed == LEFT)
    g_assert_true (direct == NULL && direct_error == NULL);

  return g_steal_pointer (&stream_outcome);
}

#define HEAD                                                                                       \
  "{\"format\": \"two-hats-session\", \"version\": 1, \"deck\": {\"format\": \"two-hats-deck\", "  \
  "\"version\": 1, \"id\": \"d\", \"title\": \"D\", \"behaviours\": ["                             \
  "{\"id\": \"a\", \"text\": \"A\", \"key\": \"leadership\"}, "                                    \
  "{\"id\": \"b\", \"text\": \"B\", \"key\": \"management\"}, "                                    \
  "{\"id\": \"c\", \"text\": \"C\", \"key\": \"leadership\"}]}"

static void
assert_error (const char *text, int streamed, const char *expected)
{
  g_autofree char *result = assert_same_load (text, -1, streamed);
  g_autofree char *wanted = g_strdup_printf ("error %%d: %s", expected);

  if (!g_str_has_prefix (result, "error ") || strstr (result, expected) == NULL)
    g_error ("%s gave %s, not %s", text, result, wanted);
}

static void
assert_loads (const char *text, int streamed)
{
  g_autofree char *result = assert_same_load (text, -1, streamed);

  if (g_str_has_prefix (result, "error "))
    g_error ("%s gave %s", text, result);
}

static void
test_load_same_as_tree (void)
{
  g_autofree char *participants_first = NULL;

  /* Plain files, and what json-glib reads its own way. */
  assert_loads (HEAD ", \"participants\": []}", STREAMED);
  assert_loads ("\xEF\xBB\xBF" HEAD ", \"participants\": []}", STREAMED);
  assert_loads (HEAD
                ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"sort\": {\"c\": "
                "\"leadership\", \"a\": \"management\"}, \"ratings\": {\"b\": 4.0, \"a\": 1}, "
                "\"extra\": [1, {\"x\": null}]}], \"title\": \"T\\u00e9\", \"threshold\": 62.5}",
                STREAMED);
  assert_loads (HEAD
                ", \"participants\": [{\"id\": \"p1\", \"name\": \"\\ud83d\\ude00 \\\"Al\\\" "
                "\\u0645\", \"sort\": {}, \"ratings\": {}}, {\"name\": \"B\", \"id\": \"p2\"}]}",
                STREAMED);
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p\\u0031\", \"name\": \"Ana\"}]}", STREAMED);
  /* A deck after the participants: they are read once it is known. */
  participants_first = g_strconcat ("{\"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", "
                                    "\"ratings\": {\"c\": 5, \"a\": 2}}], \"title\": \"T\", ",
                                    (HEAD) + 1, ", \"created\": \"2026-03-02T09:00:00Z\"}", NULL);
  assert_loads (participants_first, STREAMED);
  g_free (participants_first);
  participants_first = g_strconcat ("{\"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", "
                                    "\"ratings\": {\"c\": 6}}], ",
                                    (HEAD) + 1, "}", NULL);
  assert_error (participants_first, STREAMED,
                "participants[0].ratings.c: 6 is not between 1 and 5");
  g_free (participants_first);
  participants_first = g_strconcat ("{\"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", "
                                    "\"ratings\": {\"c\": 6}}], ",
                                    (HEAD) + 1, ", \"threshold\": 100}", NULL);
  assert_error (participants_first, STREAMED, "threshold: 100 is not between 1 and 99");
  g_free (participants_first);
  /* Given twice, json-glib keeps the last deck; a deck with an error is
   * reported after the checks that come first. */
  participants_first
    = g_strconcat ("{\"participants\": [], \"deck\": {\"format\": 1}, ", (HEAD) + 1, "}", NULL);
  assert_loads (participants_first, LEFT);
  assert_error ("{\"participants\": [], \"deck\": {\"format\": 1}, \"format\": "
                "\"two-hats-session\", \"version\": 1}",
                LEFT, "deck.format: expected a string, found a number");
  assert_error ("{\"participants\": [], \"deck\": {\"format\": 1}, \"format\": "
                "\"two-hats-session\", \"version\": 3}",
                LEFT, "version: this session was made by a newer version");
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"ratings\": "
                     "{\"a\": 4e0}}]}",
                LEFT);
  assert_loads (HEAD ", /* note */ \"participants\": []}", LEFT);

  /* Member names given twice: json-glib keeps the last value in the
   * place of the first, and checks that. */
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"ratings\": "
                     "{\"a\": 9, \"b\": 2, \"a\": 3}}]}",
                STREAMED);
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"ratings\": "
                     "{\"a\": 3, \"b\": 9, \"a\": 3}}]}",
                STREAMED, "participants[0].ratings.b: 9 is not between 1 and 5");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"sort\": "
                     "{\"a\": \"leadership\", \"zz\": \"x\", \"a\": \"both\"}}]}",
                STREAMED, "participants[0].sort.a: “both” is not leadership or management");
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": 7, \"name\": \"Ana\"}]}",
                STREAMED);
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"sort\": 1, "
                     "\"sort\": {\"a\": \"leadership\"}}]}",
                STREAMED);
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"s\\u006frt\": "
                     "{\"a\": \"up\"}}]}",
                STREAMED, "participants[0].sort.a: “up” is not leadership or management");
  assert_loads (
    HEAD ", \"participants\": [], \"participants\": [{\"id\": \"p1\", \"name\": \"A\"}]}", LEFT);
  assert_loads (HEAD ", \"title\": \"one\", \"title\": \"two\", \"participants\": []}", STREAMED);
}

static void
test_load_errors_same_as_tree (void)
{
  /* The checks come in the tree loader's order, whatever the order of
   * the members. */
  assert_error (HEAD ", \"participants\": [{\"sort\": 3, \"name\": \"\", \"id\": \"P1\"}]}",
                STREAMED, "participants[0].id: “P1” is not a valid id");
  assert_error (HEAD ", \"participants\": [{\"sort\": 3, \"name\": \"\", \"id\": \"p1\"}]}",
                STREAMED, "participants[0].name: a name needs at least one character");
  assert_error (HEAD ", \"participants\": [{\"ratings\": {\"a\": 0}, \"sort\": 3, \"name\": \"A\", "
                     "\"id\": \"p1\"}]}",
                STREAMED, "participants[0].sort: expected an object, found a number");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"ratings\": {\"a\": "
                     "3.5}}]}",
                STREAMED, "participants[0].ratings.a: 3.5 is not an integer");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"ratings\": {\"a\": "
                     "-0}}]}",
                STREAMED, "participants[0].ratings.a: 0 is not between 1 and 5");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"ratings\": {\"a\": "
                     "123456789012345}}]}",
                STREAMED, "participants[0].ratings.a: 123456789012345 is not between 1 and 5");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"ratings\": {\"a\": "
                     "\"4\"}}]}",
                STREAMED, "participants[0].ratings.a: expected an integer, found a string");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"sort\": {\"Not An "
                     "Id\": \"leadership\"}}]}",
                STREAMED, "participants[0].sort: “Not An Id” is not a behaviour of the deck");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\"}, {\"id\": \"p1\", "
                     "\"name\": \"B\"}]}",
                STREAMED, "participants[1].id: “p1” is already the id of participants[0]");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\\u0007\"}]}", STREAMED,
                "participants[0].name: contains a control character (U+0007)");
  assert_error (HEAD ", \"participants\": [[], {}]}", STREAMED,
                "participants[0]: expected an object, found an array");
  assert_error (HEAD ", \"participants\": [{\"name\": \"A\"}]}", STREAMED,
                "participants[0].id: required member is missing");

  /* An error of the file as a whole comes before one in a participant,
   * wherever each is. */
  assert_error (HEAD ", \"participants\": [7], \"threshold\": 0}", STREAMED,
                "threshold: 0 is not between 1 and 99");
  assert_error (HEAD ", \"participants\": [7], \"version\": 2}", STREAMED, "version: this session");
  assert_error (HEAD ", \"participants\": [7], \"x\": [1,]}", LEFT, "line 1, column");
  assert_error (HEAD ", \"participants\": [7, tru]}", LEFT, "line 1, column");
  assert_error ("{\"format\": \"two-hats-deck\", \"participants\": []}", LEFT,
                "format: “two-hats-deck” is not a Two Hats session");
  assert_error (HEAD ", \"participants\": {}}", LEFT,
                "participants: expected an array, found an object");
  assert_error (HEAD "}", LEFT, "participants: required member is missing");
  assert_error (HEAD ", \"participants\": [{\"id\": \"\\u0000\", \"name\": \"A\"}]}", LEFT,
                "the escape \\u0000");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"\\ud800x\"}]}", LEFT,
                "participants[0].name: the text is not valid Unicode");
}

/* "number" and "order": read the same way by both readers, refused with
 * the same words and the path of the value. */
static void
test_numbers_and_orders_same_as_tree (void)
{
  g_autofree char *result = NULL;

  /* 7.0 is the integer 7; an order lacking "c" gets it at the end. */
  result = assert_same_load (HEAD ", \"participants\": [{\"order\": [\"b\", \"a\"], \"id\": "
                                  "\"p1\", \"number\": 7.0, \"name\": \"Ana\"}, {\"id\": \"p2\", "
                                  "\"name\": \"Ben\", \"order\": []}]}",
                             -1, STREAMED);
  g_assert_nonnull (strstr (result, "\"name\": \"Ana\",\n      \"number\": 7,\n      \"order\": "
                                    "[\n        \"b\",\n        \"a\",\n        \"c\"\n      ],"));
  g_assert_nonnull (strstr (result, "\"name\": \"Ben\",\n      \"number\": 2,\n      \"order\": "
                                    "[\n        \"a\",\n        \"b\",\n        \"c\"\n      ],"));
  g_clear_pointer (&result, g_free);
  /* An escaped entry sends the participant to json-glib; same result. */
  assert_loads (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"Ana\", \"order\": "
                     "[\"\\u0062\", \"a\"]}]}",
                STREAMED);

  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": 0}]}",
                STREAMED, "participants[0].number: 0 is not a positive integer");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": -3}]}",
                STREAMED, "participants[0].number: -3 is not a positive integer");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": "
                     "2.5}]}",
                STREAMED, "participants[0].number: 2.5 is not an integer");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": "
                     "\"2\"}]}",
                STREAMED, "participants[0].number: expected an integer, found a string");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": "
                     "3000000000}]}",
                STREAMED,
                "participants[0].number: 3000000000 is more than the limit of 2147483647");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"number\": 4}, "
                     "{\"id\": \"p2\", \"name\": \"B\"}, {\"number\": 4, \"id\": \"p3\", "
                     "\"name\": \"C\"}]}",
                STREAMED, "participants[2].number: 4 is already the number of participants[0]");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"order\": "
                     "\"a\"}]}",
                STREAMED, "participants[0].order: expected an array, found a string");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"order\": "
                     "[\"a\", 3]}]}",
                STREAMED, "participants[0].order[1]: expected a string, found a number");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"order\": "
                     "[\"a\", \"zz\"]}]}",
                STREAMED, "participants[0].order[1]: “zz” is not a behaviour of the deck");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"order\": "
                     "[\"a\", \"b\", \"a\"]}]}",
                STREAMED, "participants[0].order[2]: “a” is already order[0]");
  assert_error (HEAD ", \"participants\": [{\"id\": \"p1\", \"name\": \"A\", \"order\": "
                     "[\"\\u0061\", \"a\"]}]}",
                STREAMED, "participants[0].order[1]: “a” is already order[0]");
  /* The checks come in the tree reader's order: answers, number, order. */
  assert_error (HEAD ", \"participants\": [{\"order\": [1], \"number\": 0, \"ratings\": "
                     "{\"a\": 9}, \"id\": \"p1\", \"name\": \"A\"}]}",
                STREAMED, "participants[0].ratings.a: 9 is not between 1 and 5");
  assert_error (HEAD ", \"participants\": [{\"order\": [1], \"number\": 0, \"id\": \"p1\", "
                     "\"name\": \"A\"}]}",
                STREAMED, "participants[0].number: 0 is not a positive integer");
}

/* Past the limit, the count is the message, whatever the participants
 * hold. */
static void
test_load_too_many (void)
{
  GString *text = g_string_new (HEAD ", \"participants\": [");
  g_autofree char *result = NULL;

  for (guint i = 0; i <= TH_MAX_PARTICIPANTS; i++)
    g_string_append (text, i == 0 ? "{\"id\": \"BAD\"}" : ",1");
  g_string_append (text, "]}");

  result = assert_same_load (text->str, (gssize)text->len, STREAMED);
  g_assert_cmpstr (result, ==,
                   "error 3: participants: 100001 entries, more than the limit of 100000");
  g_string_free (text, TRUE);
}

/* Every session fixture loads the same both ways, and every cut of a
 * valid one fails the same way. */
static void
test_fixtures_same_as_tree (void)
{
  g_autofree char *dir_path = th_test_fixture_path ("");
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GBytes) valid = th_test_fixture_bytes ("session-valid.twohats");
  const char *name;
  gsize length;
  const char *data = g_bytes_get_data (valid, &length);
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *result = NULL;
      gsize size;
      const char *text;

      if (!g_str_has_suffix (name, ".twohats") && !g_str_has_suffix (name, ".json"))
        continue;
      bytes = th_test_fixture_bytes (name);
      text = g_bytes_get_data (bytes, &size);
      result = assert_same_load (text, (gssize)size,
                                 g_str_has_prefix (name, "session-valid") ? STREAMED : EITHER);
      n++;
    }
  g_assert_cmpuint (n, >, 50);

  /* Every cut short of the final line break, which is all that follows
   * the closing brace. */
  g_assert_cmpmem (data + length - 2, 2, "}\n", 2);
  for (gsize cut = 0; cut + 1 < length; cut += 7)
    g_free (assert_same_load (data, (gssize)cut, LEFT));
}

/* Saving */

static void
assert_same_save (ThSession *session)
{
  g_autoptr (JsonNode) tree = th_session_to_json (session);
  g_autofree char *expected = th_json_to_pretty_data (tree, NULL);
  gsize length;
  g_autofree char *saved = th_session_to_data (session, &length);

  g_assert_cmpstr (saved, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
}

static void
test_save_same_as_tree (void)
{
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("session-valid.twohats");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = th_session_new_from_data (data, length, &error);
  g_autoptr (ThSession) empty = th_session_new (th_session_get_deck (session));
  g_autofree char *saved = NULL;
  gsize saved_length;

  g_assert_no_error (error);
  saved = th_session_to_data (session, &saved_length);
  g_assert_cmpmem (saved, saved_length, data, length);
  assert_same_save (session);

  /* Text that needs escapes, a threshold with a fraction, answers
   * cleared and added in any order, no participants at all. */
  th_session_set_title (session, "Quotes \" and \\ and \t, \x01, é, \xf0\x9f\x98\x80");
  th_session_set_threshold (session, 62.5);
  th_session_set_created (session, NULL);
  th_session_set_sort (session, "p1", "explain-the-why", TH_SIDE_BOTH, &error);
  g_assert_no_error (error);
  for (guint i = th_deck_get_n_behaviours (th_session_get_deck (session)); i > 0; i--)
    {
      ThBehaviour *behaviour = th_deck_get_behaviour (th_session_get_deck (session), i - 1);

      th_session_set_rating (session, "p2", th_behaviour_get_id (behaviour), 1 + (int)(i % 5),
                             &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (th_session_add_participant (session, "Name \"with\" quotes\u200f", &error));
  g_assert_no_error (error);
  assert_same_save (session);

  assert_same_save (empty);
  th_session_set_title (empty, NULL);
  th_session_set_threshold (empty, 1.0 / 3.0 * 100.0);
  assert_same_save (empty);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/numbers-and-orders", test_numbers_and_orders_same_as_tree);
  g_test_add_func ("/json-reader/strings", test_strings);
  g_test_add_func ("/json-reader/numbers", test_numbers);
  g_test_add_func ("/json-reader/number-values", test_number_values);
  g_test_add_func ("/json-reader/structure", test_structure);
  g_test_add_func ("/json-reader/nesting", test_nesting);
  g_test_add_func ("/json-reader/truncated", test_truncated);
  g_test_add_func ("/session-stream/same-as-tree", test_load_same_as_tree);
  g_test_add_func ("/session-stream/errors-same-as-tree", test_load_errors_same_as_tree);
  g_test_add_func ("/session-stream/too-many", test_load_too_many);
  g_test_add_func ("/session-stream/fixtures", test_fixtures_same_as_tree);
  g_test_add_func ("/session-save/same-as-tree", test_save_same_as_tree);

  return g_test_run ();
}
