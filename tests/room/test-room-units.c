/* test-room-units.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The room's parts on their own: secrets, the rate limiter, the request
 * parsers, participant status, addresses, the QR code, starting, and
 * requests handled without a socket (th_room_server_handle()). */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "th-error.h"
#include "th-name.h"
#include "th-room-address.h"
#include "th-room-framing.h"
#include "th-room-guest-private.h"
#include "th-room-limiter.h"
#include "th-room-qr.h"
#include "th-room-request.h"
#include "th-room-secret.h"
#include "th-room-server.h"
#include "th-document.h"
#include "th-save-queue.h"

static void
test_join_code (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[256] = { 0 };

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *code = th_room_new_join_code (&error);

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (code), ==, TH_ROOM_JOIN_CODE_LENGTH);
      for (const char *p = code; *p != '\0'; p++)
        {
          g_assert_nonnull (strchr (TH_ROOM_JOIN_CODE_ALPHABET, *p));
          g_assert_null (strchr ("O0I1", *p));
          counts[(guint8)*p]++;
        }
      g_hash_table_add (seen, g_steal_pointer (&code));
    }

  /* 2000 draws from 32^6: a repeat would mean a broken generator. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2000);
  /* 12 000 characters: each of the 32 expected 375 times. */
  for (const char *p = TH_ROOM_JOIN_CODE_ALPHABET; *p != '\0'; p++)
    g_assert_cmpuint (counts[(guint8)*p], >, 250);
}

static void
test_normalize_code (void)
{
  struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "ABC234", "ABC234" },   { "abc234", "ABC234" }, { " abc 234 ", "ABC234" },
    { "ab-c2-34", "ABC234" }, { "ABC23", NULL },      { "ABC2345", NULL },
    { "ABCDE0", NULL },       { "ABCDEO", NULL },     { "ABCDE1", NULL },
    { "ABCDEI", NULL },       { "ÄBC234", NULL },     { "", NULL },
    { "ABC\t234", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = th_room_normalize_join_code (cases[i].input);

      g_assert_cmpstr (normalized, ==, cases[i].expected);
    }
  g_assert_null (th_room_normalize_join_code (NULL));
}

static void
test_token (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *token = th_room_new_token (NULL);

      g_assert_true (th_room_token_is_well_formed (token));
      g_hash_table_add (seen, g_steal_pointer (&token));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1000);

  g_assert_false (th_room_token_is_well_formed (NULL));
  g_assert_false (th_room_token_is_well_formed (""));
  g_assert_false (th_room_token_is_well_formed ("0123456789abcdef0123456789abcde"));
  g_assert_false (th_room_token_is_well_formed ("0123456789abcdef0123456789abcdef0"));
  g_assert_false (th_room_token_is_well_formed ("0123456789ABCDEF0123456789abcdef"));
  g_assert_false (th_room_token_is_well_formed ("0123456789abcdeg0123456789abcdef"));
  g_assert_true (th_room_token_is_well_formed ("0123456789abcdef0123456789abcdef"));

  g_assert_true (th_room_equal_constant_time ("abcdef", "abcdef", 6));
  g_assert_false (th_room_equal_constant_time ("abcdef", "abcdeg", 6));
  g_assert_false (th_room_equal_constant_time ("xbcdef", "abcdef", 6));
  g_assert_true (th_room_equal_constant_time ("a", "b", 0));
}

static void
test_limiter (void)
{
  g_autoptr (ThRoomLimiter) limiter = th_room_limiter_new (20, 60);
  gint64 t = 1000000;
  guint retry = 0;

  for (guint i = 0; i < 60; i++)
    g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));
  g_assert_false (th_room_limiter_take (limiter, "a", 1, t, &retry));
  g_assert_cmpuint (retry, ==, 1);

  /* Another address has its own bucket. */
  g_assert_true (th_room_limiter_take (limiter, "b", 1, t, NULL));

  /* 20 a second: after 100 ms, two more. */
  t += 100000;
  g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));
  g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));
  g_assert_false (th_room_limiter_take (limiter, "a", 1, t, NULL));

  /* Never more than the burst, however long the pause. */
  t += (gint64)3600 * G_USEC_PER_SEC;
  for (guint i = 0; i < 60; i++)
    g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));
  g_assert_false (th_room_limiter_take (limiter, "a", 1, t, NULL));

  /* A penalty is charged in full even when the bucket holds less than
   * it costs: the bucket goes below zero, and refills from there. */
  t += (gint64)3600 * G_USEC_PER_SEC;
  for (guint i = 0; i < 59; i++)
    g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));
  th_room_limiter_charge (limiter, "a", 20, t);
  g_assert_false (th_room_limiter_take (limiter, "a", 1, t, &retry));
  /* From 1 - 20 = -19 to 1 at 20 a second: one second. */
  g_assert_cmpuint (retry, ==, 1);
  t += 900000;
  g_assert_false (th_room_limiter_take (limiter, "a", 1, t, NULL));
  t += 100000;
  g_assert_true (th_room_limiter_take (limiter, "a", 1, t, NULL));

  /* Whether a request would be let in, without taking anything. */
  g_assert_false (th_room_limiter_check (limiter, "a", 1, t, &retry));
  g_assert_cmpuint (retry, ==, 1);
  g_assert_true (th_room_limiter_check (limiter, "c", 1, t, NULL));
  g_assert_true (th_room_limiter_check (limiter, "c", 1, t, NULL));
}

/* A budget with a reserve that only some callers may use, and whether a
 * key has taken anything lately. */
static void
test_limiter_reserve (void)
{
  g_autoptr (ThRoomLimiter) limiter = th_room_limiter_new (2, 20);
  gint64 t = 1000000;
  guint retry = 0;

  g_assert_true (th_room_limiter_is_full (limiter, "a", t));
  g_assert_true (th_room_limiter_check_reserve (limiter, "a", 1, 40, t, NULL));
  th_room_limiter_charge (limiter, "a", 20, t);
  g_assert_false (th_room_limiter_is_full (limiter, "a", t));

  /* Empty: only a caller with the reserve gets through, forty times. */
  g_assert_false (th_room_limiter_check_reserve (limiter, "a", 1, 0, t, &retry));
  g_assert_cmpuint (retry, ==, 1);
  for (guint i = 0; i < 40; i++)
    {
      g_assert_true (th_room_limiter_check_reserve (limiter, "a", 1, 40, t, NULL));
      th_room_limiter_charge (limiter, "a", 1, t);
    }
  g_assert_false (th_room_limiter_check_reserve (limiter, "a", 1, 40, t, &retry));
  g_assert_cmpuint (retry, ==, 1);
  /* From -40 to 1 at two a second. */
  g_assert_false (th_room_limiter_check_reserve (limiter, "a", 1, 0, t, &retry));
  g_assert_cmpuint (retry, ==, 21);

  /* Full again after thirty seconds (from -40 to 20), not before. */
  g_assert_false (th_room_limiter_is_full (limiter, "a", t + 29 * G_USEC_PER_SEC));
  g_assert_true (th_room_limiter_is_full (limiter, "a", t + 30 * G_USEC_PER_SEC));
}

static void
test_limiter_bounded (void)
{
  g_autoptr (ThRoomLimiter) limiter = th_room_limiter_new (1, 2);
  gint64 t = 1000000;

  /* A flood from many addresses, each emptying its bucket. */
  for (guint i = 0; i < TH_ROOM_LIMITER_MAX_KEYS; i++)
    {
      g_autofree char *key = g_strdup_printf ("10.0.%u.%u", i / 256, i % 256);

      g_assert_true (th_room_limiter_take (limiter, key, 2, t, NULL));
    }
  g_assert_cmpuint (th_room_limiter_get_n_keys (limiter), ==, TH_ROOM_LIMITER_MAX_KEYS);

  /* Full of busy buckets: a newcomer waits rather than growing the table. */
  g_assert_false (th_room_limiter_take (limiter, "newcomer", 1, t, NULL));
  g_assert_cmpuint (th_room_limiter_get_n_keys (limiter), ==, TH_ROOM_LIMITER_MAX_KEYS);

  /* Once they have calmed down, their buckets are forgotten. */
  t += (gint64)10 * G_USEC_PER_SEC;
  g_assert_true (th_room_limiter_take (limiter, "newcomer", 1, t, NULL));
  g_assert_cmpuint (th_room_limiter_get_n_keys (limiter), ==, 1);
}

static void
test_parse_join (void)
{
  struct
  {
    const char *body;
    gboolean ok;
    const char *code;
    const char *name;
  } cases[] = {
    { "{\"code\": \"abc234\", \"name\": \" Ana \"}", TRUE, "ABC234", "Ana" },
    { "{\"code\": \"ABC234\"}", TRUE, "ABC234", NULL },
    { "{\"code\": \"ABC234\", \"name\": null}", TRUE, "ABC234", NULL },
    { "{\"code\": \"ABC234\", \"name\": \"\"}", TRUE, "ABC234", NULL },
    { "{\"code\": \"ABC234\", \"name\": \"  \"}", TRUE, "ABC234", NULL },
    { "{\"code\": \"ABC234\", \"name\": \"Lee, \\\"J\\\" 🎩\"}", TRUE, "ABC234", "Lee, \"J\" 🎩" },
    { "{\"code\": \"nope\", \"name\": \"Ana\"}", TRUE, NULL, "Ana" },
    /* Names that show nothing, or turn text around, are not anonymous
     * joins: they come out as sent, for the door to refuse once the code
     * is right (door/names). */
    { "{\"code\": \"ABC234\", \"name\": \"a\\nb\"}", TRUE, "ABC234", "a\nb" },
    { "{\"code\": \"ABC234\", \"name\": \"\\ufeff\\ufeff\"}", TRUE, "ABC234", "\ufeff\ufeff" },
    { "{\"code\": \"ABC234\", \"name\": \"\\u00a0\"}", TRUE, "ABC234", "\u00a0" },
    { "{\"code\": \"ABC234\", \"name\": \"ab\\u202ecd\"}", TRUE, "ABC234", "ab\u202ecd" },
    { "{\"code\": \"ABC234\", \"name\": 5}", FALSE, NULL, NULL },
    { "{\"name\": \"Ana\"}", FALSE, NULL, NULL },
    { "{\"code\": [\"ABC234\"]}", FALSE, NULL, NULL },
    { "[]", FALSE, NULL, NULL },
    { "", FALSE, NULL, NULL },
    { "{", FALSE, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      gboolean ok
        = th_room_parse_join (cases[i].body, strlen (cases[i].body), &code, &name, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (code, ==, cases[i].code);
          g_assert_cmpstr (name, ==, cases[i].name);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_null (code);
          g_assert_null (name);
        }
    }

  /* A member of the wrong type is refused by core's rule for a string,
   * in its words, as a sentence. */
  {
    const char body[] = "{\"code\": [\"ABC234\"], \"name\": \"Ana\"}";
    g_autoptr (GError) error = NULL;
    g_autofree char *code = NULL;
    g_autofree char *name = NULL;

    g_assert_false (th_room_parse_join (body, strlen (body), &code, &name, &error));
    g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "code: expected a string, found an array.");
  }
}

static char *
with_id (const char *pattern, const char *id)
{
  g_auto (GStrv) parts = g_strsplit (pattern, "ID", -1);

  return g_strjoinv (id, parts);
}

static void
test_parse_answers (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  const char *id = th_behaviour_get_id (th_deck_get_behaviour (deck, 0));
  struct
  {
    const char *pattern; /* ID stands for a behaviour id */
    const char *message; /* NULL: valid */
    guint n_entries;
  } cases[] = {
    { "{\"sort\": {\"ID\": \"leadership\"}}", NULL, 1 },
    { "{\"sort\": {\"ID\": null}, \"ratings\": {\"ID\": 5}}", NULL, 2 },
    { "{\"sort\": {}, \"ratings\": null, \"extra\": [1, 2]}", NULL, 0 },
    { "{\"ratings\": {\"ID\": 7}}", "ratings.ID: 7 is not between 1 and 5.", 0 },
    { "{\"ratings\": {\"ID\": 2.5}}",
      "ratings.ID: expected a whole number from 1 to 5 or null, "
      "found a number.",
      0 },
    /* The rules a session file's answers obey, in a file's words (core's
     * checks), each ended as a sentence. */
    { "{\"sort\": {\"ID\": \"both\"}}", "sort.ID: “both” is not leadership or management.", 0 },
    { "{\"sort\": {\"ID\": 1}}", "sort.ID: expected a string, found a number.", 0 },
    { "{\"sort\": {\"nope\": \"leadership\"}}", "sort.nope: “nope” is not a behaviour of the deck.",
      0 },
    /* A key that is not an id stays out of the path, and is quoted. */
    { "{\"sort\": {\"NOPE\": \"leadership\"}}", "sort: “NOPE” is not a behaviour of the deck.", 0 },
    { "{\"sort\": [1]}", "sort: expected an object, found an array.", 0 },
    { "[1]", "Expected a JSON object, found an array.", 0 },
    { "{}", "Expected \"sort\" or \"ratings\" (or both).", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = with_id (cases[i].pattern, id);
      g_autoptr (GError) error = NULL;
      g_autoptr (ThRoomAnswers) answers = th_room_answers_parse (deck, body, strlen (body), &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (th_room_answers_get_n_entries (answers), ==, cases[i].n_entries);
        }
      else
        {
          g_autofree char *expected = with_id (cases[i].message, id);

          g_assert_null (answers);
          g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

static void
test_parse_limits (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autofree char *deep = g_strnfill (TH_ROOM_MAX_JSON_DEPTH + 1, '[');
  g_autofree char *big = g_strnfill (TH_ROOM_MAX_BODY_SIZE + 1, ' ');
  const char brackets_in_string[] = "{\"sort\": {}, \"x\": \"[[[[[[[[[[[[[[[[[[[[\"}";
  const char nul[] = "{\"sort\": {}}\0";
  const char bad_utf8[] = "{\"sort\": {}, \"x\": \"\xc3\x28\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomAnswers) fine = NULL;

  g_assert_null (th_room_parse_object (deep, strlen (deep), &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (th_room_parse_object (big, strlen (big), &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (th_room_parse_object (nul, sizeof nul - 1, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (th_room_parse_object (bad_utf8, strlen (bad_utf8), &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_clear_error (&error);

  /* json-glib quotes the string it refused, and a lone surrogate in it
   * becomes bytes that are not UTF-8; they must not reach the message,
   * which goes back to the browser as JSON (found by fuzz-room). */
  {
    const char half[] = "{\"code\": \"A\\ud800, \"name\": \"Zo\\ud800\"}";

    g_assert_null (th_room_parse_object (half, strlen (half), &error));
    g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
  }

  /* Brackets inside a string are text, not nesting. */
  fine = th_room_answers_parse (deck, brackets_in_string, strlen (brackets_in_string), &error);
  g_assert_no_error (error);
  g_assert_nonnull (fine);
}

/* The escape \u0000 is refused by core's bounded parse, as in files:
 * json-glib would end the string there, so "explain-the-why\u0000junk"
 * would be taken for a card id and "Ann\u0000…" for the name "Ann". */
static void
test_parse_nul_escape (void)
{
  static const char message[]
    = "The request contains the escape \\u0000 (a NUL character), which the room does not accept.";
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  const char join[] = "{\"code\": \"K7PM2Q\", \"name\": \"Ann\\u0000Eve\"}";
  const char *answers[] = {
    "{\"sort\": {\"explain-the-why\\u0000junk\": \"leadership\"}}",
    "{\"ratings\": {\"explain-the-why\\u0000junk\": 4}}",
    "{\"sort\": {\"explain-the-why\": \"leader\\u0000ship\"}}",
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;

  g_assert_false (th_room_parse_join (join, strlen (join), &code, &name, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (code);
  g_assert_null (name);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (ThRoomAnswers) parsed
        = th_room_answers_parse (deck, answers[i], strlen (answers[i]), &error);

      g_assert_null (parsed);
      g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);
    }

  /* Other escapes still read as ever, and an escaped backslash before
   * "u0000" is text, not the escape. */
  {
    const char escaped[] = "{\"code\": \"K7PM2Q\", \"name\": \"An\\u006e \\\\u0000\"}";

    g_assert_true (th_room_parse_join (escaped, strlen (escaped), &code, &name, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "Ann \\u0000");
  }
}

static void
test_apply_answers (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  ThParticipant *participant = th_session_add_participant (session, "Ana", NULL);
  const char *a = th_behaviour_get_id (th_deck_get_behaviour (deck, 0));
  const char *b = th_behaviour_get_id (th_deck_get_behaviour (deck, 1));
  g_autofree char *body = g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}, "
                                           "\"ratings\": {\"%s\": 3}}",
                                           a, b);
  g_autofree char *clear
    = g_strdup_printf ("{\"sort\": {\"%s\": null}, \"ratings\": {\"%s\": null}}", a, b);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomAnswers) answers = th_room_answers_parse (deck, body, strlen (body), &error);
  g_autoptr (ThRoomAnswers) clearing = th_room_answers_parse (deck, clear, strlen (clear), &error);
  ThSide side;

  g_assert_true (
    th_room_answers_apply (answers, session, th_participant_get_id (participant), &error));
  g_assert_no_error (error);
  g_assert_true (th_participant_get_sort (participant, a, &side));
  g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpint (th_participant_get_rating (participant, b), ==, 3);

  g_assert_true (
    th_room_answers_apply (clearing, session, th_participant_get_id (participant), &error));
  g_assert_false (th_participant_get_sort (participant, a, &side));
  g_assert_cmpint (th_participant_get_rating (participant, b), ==, 0);
}

static void
test_status (void)
{
  g_assert_cmpint (th_room_status_for_counts (0, 0, 24), ==, TH_ROOM_STATUS_JOINED);
  g_assert_cmpint (th_room_status_for_counts (1, 0, 24), ==, TH_ROOM_STATUS_SORTING);
  g_assert_cmpint (th_room_status_for_counts (23, 0, 24), ==, TH_ROOM_STATUS_SORTING);
  g_assert_cmpint (th_room_status_for_counts (24, 0, 24), ==, TH_ROOM_STATUS_RATING);
  g_assert_cmpint (th_room_status_for_counts (20, 3, 24), ==, TH_ROOM_STATUS_RATING);
  g_assert_cmpint (th_room_status_for_counts (24, 23, 24), ==, TH_ROOM_STATUS_RATING);
  g_assert_cmpint (th_room_status_for_counts (24, 24, 24), ==, TH_ROOM_STATUS_FINISHED);

  g_assert_cmpstr (th_room_status_to_string (TH_ROOM_STATUS_FINISHED), ==, "finished");
  g_assert_cmpstr (th_room_status_get_display_name (TH_ROOM_STATUS_SORTING), ==, "Sorting");
}

/* The "room network" address of the namespace that tests/run-in-room-netns
 * makes for this test; NULL (and the test skipped) outside it, where the
 * machine's own interfaces would be used. */
static const char *
room_network_address (void)
{
  const char *address = g_getenv ("TH_ROOM_ADDRESS");

  if (address == NULL)
    g_test_skip ("needs the network of its own that tests/run-in-room-netns makes");
  return address;
}

static void
test_addresses (void)
{
  const char *room_address = room_network_address ();
  g_autoptr (GPtrArray) addresses = NULL;
  g_autofree char *lan = NULL;
  g_autofree char *v4 = th_room_format_authority ("192.168.1.20", 8080);
  g_autofree char *v6 = th_room_format_authority ("fd00::5", 8080);
  gboolean seen_loopback = FALSE;

  if (room_address == NULL)
    return;

  addresses = th_room_list_addresses ();
  lan = th_room_dup_lan_address ();
  /* The namespace has lo (127.0.0.1, ::1) and room0: the room network
   * first, then loopback. */
  g_assert_cmpuint (addresses->len, ==, 3);
  g_assert_cmpstr (((ThRoomAddress *)addresses->pdata[0])->address, ==, room_address);
  g_assert_cmpstr (((ThRoomAddress *)addresses->pdata[0])->interface_name, ==, "room0");
  g_assert_false (((ThRoomAddress *)addresses->pdata[0])->is_loopback);
  for (guint i = 0; i < addresses->len; i++)
    {
      ThRoomAddress *address = addresses->pdata[i];
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address->address);

      g_assert_nonnull (inet);
      g_assert_false (g_inet_address_get_is_link_local (inet));
      g_assert_false (g_inet_address_get_is_any (inet));
      /* Loopback comes last. */
      if (address->is_loopback)
        seen_loopback = TRUE;
      else
        g_assert_false (seen_loopback);
    }
  g_assert_true (seen_loopback);
  g_assert_cmpstr (lan, ==, room_address);

  g_assert_cmpstr (v4, ==, "192.168.1.20:8080");
  g_assert_cmpstr (v6, ==, "[fd00::5]:8080");
}

/* The address to listen on, as it is typed on the command line: IPv6 in
 * brackets as in a URL, or bare. */
static void
test_bind_address (void)
{
  const char *typed[] = { "192.168.1.20", "::1", "[::1]", "[fd00::5]" };
  const char *parsed[] = { "192.168.1.20", "::1", "::1", "fd00::5" };
  const char *refused[] = { "not-an-address", "[::1", "::1]", "[192.168.1.20]x", "" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GInetAddress) inet = th_room_parse_bind_address (typed[i], &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (inet);
      text = g_inet_address_to_string (inet);
      g_assert_cmpstr (text, ==, parsed[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GInetAddress) inet = th_room_parse_bind_address (refused[i], &error);
      g_autofree char *quoted = g_strdup_printf ("“%s”", refused[i]);

      g_assert_null (inet);
      g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

static void
test_start (void)
{
  const char *room_address = room_network_address ();
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThRoomServer) server = th_room_server_new (session, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url = NULL;

  if (room_address == NULL)
    return;

  g_assert_false (th_room_server_start (server, "not-an-address", 0, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (th_room_server_start (server, "127.0.0.1", 70000, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_false (th_room_server_get_running (server));

  /* No address: the LAN address, never every interface. */
  g_assert_true (th_room_server_start (server, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (th_room_server_get_address (server), ==, room_address);
  url = g_strdup_printf ("http://%s:", room_address);
  g_assert_true (g_str_has_prefix (th_room_server_get_join_url (server), url));
  code = g_strdup (th_room_server_get_join_code (server));

  g_assert_false (th_room_server_start (server, NULL, 0, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_USAGE);
  g_clear_error (&error);
  th_room_server_stop (server);
  g_assert_false (th_room_server_get_running (server));
  g_assert_null (th_room_server_get_join_url (server));

  /* Every interface only when asked for; the URL names the room network. */
  g_assert_true (th_room_server_start (server, "0.0.0.0", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (th_room_server_get_address (server), ==, "0.0.0.0");
  g_assert_true (g_str_has_prefix (th_room_server_get_join_url (server), url));
  g_assert_cmpstr (th_room_server_get_join_code (server), ==, code);
  th_room_server_stop (server);

  /* IPv6 loopback, in brackets or not. */
  g_assert_true (th_room_server_start (server, "[::1]", 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (th_room_server_get_join_url (server), "http://[::1]:"));
  th_room_server_stop (server);
}

static void
test_qr_modules (void)
{
  const char *text = "http://192.168.1.20:41234/#ABC234";
  g_autoptr (GError) error = NULL;
  g_autoptr (ThRoomQr) qr = th_room_qr_new (text, &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint width, side = 330;
  double module;
  guchar *pixels;
  int stride;

  g_assert_no_error (error);
  width = th_room_qr_get_width (qr);
  g_assert_cmpuint (width, >=, 21);
  g_assert_cmpuint ((width - 17) % 4, ==, 0);

  /* The finder pattern: the corner module is dark, the ring inside light. */
  g_assert_true (th_room_qr_get_module (qr, 0, 0));
  g_assert_false (th_room_qr_get_module (qr, 1, 1));
  g_assert_true (th_room_qr_get_module (qr, 3, 3));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  th_room_qr_draw (qr, cr, 0, 0, side);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  module = floor ((double)side / (width + 2 * TH_ROOM_QR_QUIET_ZONE));

#define PIXEL(x, y) (*(guint32 *)(pixels + (y)*stride + (x)*4) & 0xffffff)
  /* The whole square is painted: white quiet zone, no red left. */
  g_assert_cmphex (PIXEL (0, 0), ==, 0xffffff);
  g_assert_cmphex (PIXEL (side - 1, side - 1), ==, 0xffffff);
  {
    double origin = (side - module * (width + 2 * TH_ROOM_QR_QUIET_ZONE)) / 2;
    guint dark_x = (guint)(origin + (TH_ROOM_QR_QUIET_ZONE + 0.5) * module);
    guint light_x = (guint)(origin + (TH_ROOM_QR_QUIET_ZONE + 1.5) * module);

    g_assert_cmphex (PIXEL (dark_x, dark_x), ==, 0x000000);
    g_assert_cmphex (PIXEL (light_x, light_x), ==, 0xffffff);
    /* Just inside the quiet zone: light. */
    g_assert_cmphex (PIXEL ((guint)(origin + (TH_ROOM_QR_QUIET_ZONE - 0.5) * module),
                            (guint)(origin + (TH_ROOM_QR_QUIET_ZONE - 0.5) * module)),
                     ==, 0xffffff);
  }
#undef PIXEL
  cairo_surface_destroy (surface);
}

typedef struct
{
  guint n_calls;
  guint status;
  char *body;
  SoupMessageHeaders *headers;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->body, g_free);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  answer->n_calls = 0;
  answer->status = 0;
}

static void
respond_cb (ThRoomServer *server, const ThRoomResponse *response, gpointer user_data)
{
  Answer *answer = user_data;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gsize length = 0;
  const char *body = response->body != NULL ? g_bytes_get_data (response->body, &length) : "";

  answer_clear (answer);
  answer->n_calls = 1;
  answer->status = response->status;
  answer->body = g_strndup (body, length);
  answer->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_iter_init (&iter, response->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (answer->headers, name, value);
}

typedef struct
{
  ThRoomServer *server;
  GSocketAddress *local;
  Answer answer;
} Caller;

static guint
call (Caller *c, const char *method, const char *path, const char *host, const char *origin,
      const char *authorization, const char *remote, const char *body)
{
  g_autoptr (GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;
  ThRoomRequest request = {
    .method = method,
    .path = path,
    .host = host,
    .origin = origin,
    .authorization = authorization,
    .remote_address = remote,
    .local_address = c->local,
    .body = bytes,
  };

  answer_clear (&c->answer);
  th_room_server_handle (c->server, &request, respond_cb, &c->answer);
  g_assert_cmpuint (c->answer.n_calls, ==, 1);
  return c->answer.status;
}

static char *
join_body (ThRoomServer *server, const char *name)
{
  return g_strdup_printf ("{\"code\": \"%s\", \"name\": \"%s\"}",
                          th_room_server_get_join_code (server), name);
}

static char *
token_of (const char *body)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  return g_strdup (
    json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "token"));
}

static void
test_handle_checks (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *join = NULL;
  g_autofree char *token = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *large = NULL;
  Caller c = { 0 };
  const char *host = "127.0.0.1:8080";

  c.server = th_room_server_new (session, NULL);
  c.local = g_inet_socket_address_new (loopback, 8080);

  /* The join code exists before the room opens: no socket needed. */
  g_assert_nonnull (th_room_server_get_join_code (c.server));
  join = join_body (c.server, "Ana");

  g_assert_cmpuint (call (&c, "GET", "/", host, NULL, NULL, "10.0.0.1", NULL), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (c.answer.headers, "Content-Type"), ==,
                   "text/html; charset=utf-8");
  g_assert_cmpuint (call (&c, "GET", "/nothing", host, NULL, NULL, "10.0.0.1", NULL), ==, 404);

  /* DNS rebinding: a Host that is not the address the request came in on. */
  g_assert_cmpuint (
    call (&c, "POST", "/api/join", "evil.example:8080", NULL, NULL, "10.0.0.1", join), ==, 421);
  g_assert_cmpstr (soup_message_headers_get_one (c.answer.headers, "Connection"), ==, "close");
  g_assert_cmpuint (call (&c, "POST", "/api/join", NULL, NULL, NULL, "10.0.0.1", join), ==, 421);
  g_assert_cmpuint (call (&c, "GET", "/", "localhost:8080", NULL, NULL, "10.0.0.1", NULL), ==, 200);

  /* Another site's page. */
  g_assert_cmpuint (
    call (&c, "POST", "/api/join", host, "http://evil.example", NULL, "10.0.0.1", join), ==, 403);

  /* Too large, whatever else is wrong with it. */
  large = g_strnfill (TH_ROOM_MAX_BODY_SIZE + 1, ' ');
  g_assert_cmpuint (call (&c, "PUT", "/api/answers", "elsewhere", NULL, NULL, "10.0.0.1", large),
                    ==, 413);

  g_assert_cmpuint (
    call (&c, "POST", "/api/join", host, "http://127.0.0.1:8080", NULL, "10.0.0.1", join), ==, 200);
  token = token_of (c.answer.body);
  bearer = g_strconcat ("Bearer ", token, NULL);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 1);

  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, NULL, "10.0.0.1", NULL), ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (c.answer.headers, "WWW-Authenticate"), ==,
                   "Bearer");
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, "Bearer nope", "10.0.0.1", NULL), ==,
                    401);
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, bearer, "10.0.0.1", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "POST", "/api/me", host, NULL, bearer, "10.0.0.1", NULL), ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (c.answer.headers, "Allow"), ==, "GET, HEAD");
  g_assert_cmpuint (call (&c, "GET", "/api/deck", host, NULL, bearer, "10.0.0.1", NULL), ==, 200);
  g_assert_null (strstr (c.answer.body, "\"key\""));
  g_assert_cmpuint (call (&c, "PUT", "/api/answers", host, NULL, bearer, "10.0.0.1", "[]"), ==,
                    400);

  /* The rate limit, per address before joining... */
  th_room_server_set_address_rate_limit (c.server, 0.001, 3);
  g_assert_cmpuint (call (&c, "GET", "/", host, NULL, NULL, "10.0.0.9", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/", host, NULL, NULL, "10.0.0.9", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "POST", "/api/join", host, NULL, NULL, "10.0.0.9", join), ==, 200);
  g_free (token);
  token = token_of (c.answer.body);
  g_free (bearer);
  bearer = g_strconcat ("Bearer ", token, NULL);
  g_assert_cmpuint (call (&c, "GET", "/", host, NULL, NULL, "10.0.0.9", NULL), ==, 429);
  g_assert_nonnull (soup_message_headers_get_one (c.answer.headers, "Retry-After"));
  g_assert_cmpuint (call (&c, "GET", "/", host, NULL, NULL, "10.0.0.8", NULL), ==, 200);
  /* ... a token that is not one counts against the address... */
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, "Bearer nope", "10.0.0.9", NULL), ==,
                    429);

  /* ... and per participant after: the address's spent budget does not
   * stop them, their own does, wherever they come from. */
  th_room_server_set_rate_limit (c.server, 0.001, 2);
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, bearer, "10.0.0.9", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/api/state", host, NULL, bearer, "10.0.0.9", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, bearer, "10.0.0.9", NULL), ==, 429);
  g_assert_nonnull (soup_message_headers_get_one (c.answer.headers, "Retry-After"));
  g_assert_cmpuint (call (&c, "GET", "/api/me", host, NULL, bearer, "10.0.0.7", NULL), ==, 429);

  answer_clear (&c.answer);
  g_clear_object (&c.local);
  g_clear_object (&c.server);
}

/* Browsers leave the port out of Host when it is the scheme's default: on
 * port 80 (and 443) a Host without a port names the room. */
static void
test_handle_default_ports (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GInetAddress) lan = g_inet_address_new_from_string ("192.168.1.20");
  g_autofree char *join = NULL;
  Caller c = { 0 };

  c.server = th_room_server_new (session, NULL);
  join = join_body (c.server, "Ana");

  c.local = g_inet_socket_address_new (lan, 80);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20", NULL, NULL, "10.0.0.1", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20:80", NULL, NULL, "10.0.0.1", NULL), ==,
                    200);
  /* The page's Origin then has no port either. */
  g_assert_cmpuint (
    call (&c, "POST", "/api/join", "192.168.1.20", "http://192.168.1.20", NULL, "10.0.0.1", join),
    ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20:8080", NULL, NULL, "10.0.0.1", NULL), ==,
                    421);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.21", NULL, NULL, "10.0.0.1", NULL), ==, 421);
  /* "localhost" is only ever loopback's. */
  g_assert_cmpuint (call (&c, "GET", "/", "localhost", NULL, NULL, "10.0.0.1", NULL), ==, 421);
  g_clear_object (&c.local);

  c.local = g_inet_socket_address_new (loopback, 80);
  g_assert_cmpuint (call (&c, "GET", "/", "localhost", NULL, NULL, "10.0.0.1", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/", "127.0.0.1", NULL, NULL, "10.0.0.1", NULL), ==, 200);
  g_clear_object (&c.local);

  c.local = g_inet_socket_address_new (lan, 443);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20", NULL, NULL, "10.0.0.1", NULL), ==, 200);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20:443", NULL, NULL, "10.0.0.1", NULL), ==,
                    200);
  g_clear_object (&c.local);

  /* On any other port the port must be there. */
  c.local = g_inet_socket_address_new (lan, 8080);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20", NULL, NULL, "10.0.0.1", NULL), ==, 421);
  g_assert_cmpuint (call (&c, "GET", "/", "192.168.1.20:8080", NULL, NULL, "10.0.0.1", NULL), ==,
                    200);
  g_clear_object (&c.local);

  /* An IPv6 address is written in brackets, with or without the port. */
  {
    g_autoptr (GInetAddress) v6 = g_inet_address_new_from_string ("fe80::1");

    c.local = g_inet_socket_address_new (v6, 80);
    g_assert_cmpuint (call (&c, "GET", "/", "[fe80::1]", NULL, NULL, "10.0.0.1", NULL), ==, 200);
    g_assert_cmpuint (call (&c, "GET", "/", "[fe80::1]:80", NULL, NULL, "10.0.0.1", NULL), ==, 200);
    g_assert_cmpuint (call (&c, "GET", "/", "fe80::1", NULL, NULL, "10.0.0.1", NULL), ==, 421);
    g_clear_object (&c.local);
  }

  answer_clear (&c.answer);
  g_clear_object (&c.server);
}

static void
test_handle_shares_the_document_write (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *dir = g_dir_make_tmp ("test-room-units-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "room.twohats", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (ThDocument) document = NULL;
  g_autoptr (ThSaveQueue) queue = NULL;
  g_autoptr (ThSession) on_disk = NULL;
  g_autofree char *join = NULL;
  g_autofree char *token = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *answers = NULL;
  g_autoptr (GBytes) join_bytes = NULL;
  g_autoptr (GBytes) answers_bytes = NULL;
  const char *first = th_behaviour_get_id (th_deck_get_behaviour (deck, 0));
  const char *host = "127.0.0.1:8080";
  ThRoomRequest request;
  Caller c = { 0 };
  guint64 writes;

  g_assert_no_error (error);
  g_assert_true (th_session_save_to_file (session, file, &error));
  document = th_document_new (session, file);
  c.server = th_room_server_new (session, file);
  c.local = g_inet_socket_address_new (loopback, 8080);
  queue = th_save_queue_get (session, file);

  /* The 200 of a join waits for the file. */
  join = join_body (c.server, "Ana");
  join_bytes = g_bytes_new_static (join, strlen (join));
  request = (ThRoomRequest){
    .method = "POST",
    .path = "/api/join",
    .host = host,
    .remote_address = "10.0.0.1",
    .local_address = c.local,
    .body = join_bytes,
  };
  th_room_server_handle (c.server, &request, respond_cb, &c.answer);
  g_assert_cmpuint (c.answer.n_calls, ==, 0);
  while (c.answer.n_calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (c.answer.status, ==, 200);
  token = token_of (c.answer.body);
  bearer = g_strconcat ("Bearer ", token, NULL);
  while (th_save_queue_get_busy (queue))
    g_main_context_iteration (NULL, TRUE);

  /* An answer: the document's autosave and the room's save are one
   * write, and the file holds the answer before the 200. */
  writes = th_save_queue_get_n_writes (queue);
  answers = g_strdup_printf ("{\"sort\": {\"%s\": \"management\"}}", first);
  answer_clear (&c.answer);
  answers_bytes = g_bytes_new_static (answers, strlen (answers));
  request = (ThRoomRequest){
    .method = "PUT",
    .path = "/api/answers",
    .host = host,
    .authorization = bearer,
    .remote_address = "10.0.0.1",
    .local_address = c.local,
    .body = answers_bytes,
  };
  th_room_server_handle (c.server, &request, respond_cb, &c.answer);
  g_assert_true (th_save_queue_get_busy (queue));
  while (c.answer.n_calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (c.answer.status, ==, 200);
  g_assert_cmpuint (th_save_queue_get_n_writes (queue), ==, writes + 1);
  g_assert_true (th_document_get_saved (document));
  on_disk = th_session_new_from_file (file, &error);
  g_assert_no_error (error);
  {
    ThSide side = TH_SIDE_BOTH;

    g_assert_true (th_participant_get_sort (th_session_get_participant (on_disk, 0), first, &side));
    g_assert_cmpint (side, ==, TH_SIDE_MANAGEMENT);
  }

  answer_clear (&c.answer);
  g_clear_object (&c.local);
  g_clear_object (&c.server);
  g_clear_object (&document);
  g_unlink (path);
  g_rmdir (dir);
}

/* The door */

static const char *const host_127 = "127.0.0.1:8080";

static void
caller_init (Caller *c, ThSession *session)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  c->server = th_room_server_new (session, NULL);
  c->local = g_inet_socket_address_new (loopback, 8080);
}

static void
caller_clear (Caller *c)
{
  answer_clear (&c->answer);
  g_clear_object (&c->local);
  g_clear_object (&c->server);
}

static JsonObject *
answer_object (Caller *c, JsonParser *parser)
{
  g_assert_true (json_parser_load_from_data (parser, c->answer.body, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The "reason" of a refusal, or NULL. */
static char *
answer_reason (Caller *c)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object = answer_object (c, parser);

  g_assert_true (json_object_has_member (object, "error"));
  return g_strdup (json_object_get_string_member_with_default (object, "reason", NULL));
}

static char *
answer_string (Caller *c, const char *member)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  return g_strdup (json_object_get_string_member (answer_object (c, parser), member));
}

/* Joins as @name from @address; returns the status. */
static guint
join_as (Caller *c, const char *name, const char *address)
{
  g_autofree char *body = name != NULL ? join_body (c->server, name)
                                       : g_strdup_printf ("{\"code\": \"%s\"}",
                                                          th_room_server_get_join_code (c->server));

  return call (c, "POST", "/api/join", host_127, NULL, NULL, address, body);
}

static void
assert_reason (Caller *c, const char *expected)
{
  g_autofree char *reason = answer_reason (c);

  g_assert_cmpstr (reason, ==, expected);
}

/* The join limit counts joins per address with the clock it is given:
 * a class of forty behind one address joins at once with room to spare,
 * the address after sixty waits, another address does not. */
static void
test_door_join_limit (void)
{
  g_autoptr (ThRoomDoor) door = th_room_door_new ();
  gint64 t = 1000 * G_USEC_PER_SEC;
  guint retry_after = 0;

  g_assert_cmpuint (TH_ROOM_DEFAULT_JOIN_BURST, ==, 60);
  for (guint i = 0; i < 60; i++)
    g_assert_true (th_room_door_take_join (door, "127.0.0.2", t, &retry_after));
  g_assert_false (th_room_door_take_join (door, "127.0.0.2", t, &retry_after));
  /* Thirty a minute: one every two seconds. */
  g_assert_cmpuint (retry_after, ==, 2);
  g_assert_true (th_room_door_take_join (door, "127.0.0.3", t, NULL));
  g_assert_false (th_room_door_take_join (door, "127.0.0.2", t + G_USEC_PER_SEC, NULL));
  g_assert_true (th_room_door_take_join (door, "127.0.0.2", t + 2 * G_USEC_PER_SEC, NULL));
  g_assert_false (th_room_door_take_join (door, "127.0.0.2", t + 2 * G_USEC_PER_SEC, NULL));

  /* The joins a server refuses for it: 429, Retry-After, the reason, and
   * the count on the door; a refused name costs nothing. */
  {
    g_autoptr (ThDeck) deck = th_deck_new_builtin ();
    g_autoptr (ThSession) session = th_session_new (deck);
    Caller c = { 0 };
    ThRoomDoor *server_door;

    caller_init (&c, session);
    server_door = th_room_server_get_door (c.server);
    /* One a minute: nothing refills while the test runs. */
    th_room_door_set_join_limit (server_door, 1, 2);
    g_assert_cmpuint (join_as (&c, "\u00a0", "127.0.0.2"), ==, 400);
    g_assert_cmpuint (join_as (&c, "Ana", "127.0.0.2"), ==, 200);
    g_assert_cmpuint (join_as (&c, "Bo", "127.0.0.2"), ==, 200);
    g_assert_cmpuint (join_as (&c, "Cy", "127.0.0.2"), ==, 429);
    assert_reason (&c, "join-limit");
    g_assert_cmpuint (
      g_ascii_strtoull (soup_message_headers_get_one (c.answer.headers, "Retry-After"), NULL, 10),
      >=, 1);
    g_assert_cmpuint (th_room_door_get_n_refused (server_door, TH_ROOM_REFUSED_JOIN_LIMIT), ==, 1);
    g_assert_cmpuint (join_as (&c, "Cy", "127.0.0.3"), ==, 200);
    g_assert_cmpuint (th_session_get_n_participants (session), ==, 3);
    caller_clear (&c);
  }
}

/* The room's budgets of wrong codes, with the clock they are given.
 * Each address has three typos (one more back every ten minutes), out of
 * a budget of the room's of two hundred at once and then fifty a second
 * that only typos spend; an address past its typos is guessing, and its
 * wrong codes come out of a budget of twenty at once, then two a second.
 * Guessing, from however many addresses, never keeps a phone that has
 * typos left from having its code checked. */
static void
test_door_wrong_codes (void)
{
  g_autoptr (ThRoomDoor) door = th_room_door_new ();
  gint64 t = 1000 * G_USEC_PER_SEC;
  guint retry_after = 0;

  /* One address: three typos, then twenty guesses, then it waits, its
   * code unchecked, for the next guess the room can afford. */
  for (guint i = 0; i < 3 + 20; i++)
    {
      g_assert_true (th_room_door_may_check_code (door, "127.0.0.2", t, NULL));
      th_room_door_wrong_code (door, "127.0.0.2", t);
    }
  g_assert_false (th_room_door_may_check_code (door, "127.0.0.2", t, &retry_after));
  g_assert_cmpuint (retry_after, ==, 1);

  /* Others who mistyped once or twice are still checked while it waits:
   * a phone behind a shared address where someone mistyped twice. */
  th_room_door_wrong_code (door, "127.0.0.3", t);
  th_room_door_wrong_code (door, "127.0.0.3", t);
  g_assert_true (th_room_door_may_check_code (door, "127.0.0.3", t, NULL));

  /* Many addresses each guess three times: the typos' budget (two
   * hundred, two of them spent just above, three by the first address)
   * runs out, and then even a new address waits, for a fiftieth of a
   * second, rounded up. */
  for (guint i = 0; i < 65; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.1.%u", i + 1);

      for (guint j = 0; j < 3; j++)
        {
          g_assert_true (th_room_door_may_check_code (door, address, t, NULL));
          th_room_door_wrong_code (door, address, t);
        }
    }
  g_assert_false (th_room_door_may_check_code (door, "127.0.2.1", t, &retry_after));
  g_assert_cmpuint (retry_after, ==, 1);
  g_assert_cmpuint (th_room_door_get_n_refused (door, TH_ROOM_REFUSED_CODE), ==, 23 + 2 + 195);

  /* A second later fifty typos are back: a new address is checked; those
   * that used up their typos get their two guesses a second, no more. */
  t += G_USEC_PER_SEC;
  g_assert_true (th_room_door_may_check_code (door, "127.0.2.1", t, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (th_room_door_may_check_code (door, "127.0.1.1", t, NULL));
      th_room_door_wrong_code (door, "127.0.1.1", t);
    }
  g_assert_false (th_room_door_may_check_code (door, "127.0.1.2", t, NULL));
  g_assert_true (th_room_door_may_check_code (door, "127.0.2.2", t, NULL));

  /* Ten minutes after its last wrong code, an address has a typo again,
   * checked out of the typos' budget even while the guesses' is spent. */
  t += 600 * G_USEC_PER_SEC;
  for (guint i = 0; i < 3 + 20; i++)
    th_room_door_wrong_code (door, "127.0.3.1", t);
  g_assert_true (th_room_door_may_check_code (door, "127.0.1.2", t, NULL));
  th_room_door_wrong_code (door, "127.0.1.2", t);
  g_assert_false (th_room_door_may_check_code (door, "127.0.1.2", t, NULL));
}

/* Joins room-wide, with the clock they are given: a new address's first
 * join comes out of a budget of three hundred at once, then five a
 * second; every other join out of one of sixty at once, then one every
 * two seconds, so that two addresses cannot fill a room in a second. */
static void
test_door_room_join_limit (void)
{
  g_autoptr (ThRoomDoor) door = th_room_door_new ();
  gint64 t = 1000 * G_USEC_PER_SEC;
  guint retry_after = 0;
  gboolean room_wide = FALSE;

  for (guint i = 0; i < 60; i++)
    g_assert_true (th_room_door_take_join_full (door, "127.0.0.20", t, NULL, &room_wide));
  /* A second address: its first join, then one more, which leaves the
   * second budget empty. */
  g_assert_true (th_room_door_take_join_full (door, "127.0.0.21", t, NULL, &room_wide));
  g_assert_true (th_room_door_take_join_full (door, "127.0.0.21", t, NULL, &room_wide));
  g_assert_false (th_room_door_take_join_full (door, "127.0.0.21", t, &retry_after, &room_wide));
  g_assert_true (room_wide);
  g_assert_cmpuint (retry_after, ==, 2);
  /* Over its own limit, the first address is told so, not the room's. */
  g_assert_false (th_room_door_take_join_full (door, "127.0.0.20", t, &retry_after, &room_wide));
  g_assert_false (room_wide);

  /* A new address is not kept waiting by them, and two seconds later
   * one more of theirs joins. */
  g_assert_true (th_room_door_take_join_full (door, "127.0.0.22", t, NULL, &room_wide));
  g_assert_false (th_room_door_take_join (door, "127.0.0.21", t + G_USEC_PER_SEC, NULL));
  g_assert_true (th_room_door_take_join (door, "127.0.0.21", t + 2 * G_USEC_PER_SEC, NULL));
  g_assert_false (th_room_door_take_join (door, "127.0.0.21", t + 2 * G_USEC_PER_SEC, NULL));

  /* Three hundred first joins at once (the three made two seconds ago
   * have come back); then new addresses wait a fifth of a second each. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.%u.%u", 1 + i / 200, 1 + i % 200);

      g_assert_true (th_room_door_take_join (door, address, t + 2 * G_USEC_PER_SEC, NULL));
    }
  g_assert_false (th_room_door_take_join_full (door, "127.0.9.1", t + 2 * G_USEC_PER_SEC,
                                               &retry_after, &room_wide));
  g_assert_true (room_wide);
  g_assert_cmpuint (retry_after, ==, 1);
  g_assert_true (th_room_door_take_join (door, "127.0.9.1", t + 3 * G_USEC_PER_SEC, NULL));

  /* Eleven minutes later the first address spends the second budget
   * again.  The second, which joined three times, still counts as having
   * joined lately (ten minutes a join) and waits for that budget; the
   * third, which joined once, is new again and comes in at once. */
  t += 11 * 60 * G_USEC_PER_SEC;
  for (guint i = 0; i < 60; i++)
    g_assert_true (th_room_door_take_join (door, "127.0.0.20", t, NULL));
  g_assert_false (th_room_door_take_join_full (door, "127.0.0.21", t, NULL, &room_wide));
  g_assert_true (room_wide);
  g_assert_true (th_room_door_take_join (door, "127.0.0.22", t, NULL));
}

/* The two addresses of the outside test that filled a room of a hundred
 * in a second: sixty joins from one, thirty-nine from another.  Now the
 * second gets two in, the rest wait (429, the reason join-limit, counted
 * on the door), and the room is far from full: someone new joins. */
static void
test_door_two_addresses (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  Caller c = { 0 };
  guint n_joined = 0, n_limited = 0;
  gint64 start;
  double elapsed_s;

  caller_init (&c, session);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 60; i++)
    g_assert_cmpuint (join_as (&c, NULL, "127.0.0.20"), ==, 200);
  for (guint i = 0; i < 39; i++)
    {
      guint status = join_as (&c, NULL, "127.0.0.21");

      if (status == 200)
        n_joined++;
      else
        {
          g_assert_cmpuint (status, ==, 429);
          assert_reason (&c, "join-limit");
          g_assert_cmpuint (
            g_ascii_strtoull (soup_message_headers_get_one (c.answer.headers, "Retry-After"), NULL,
                              10),
            >=, 1);
          n_limited++;
        }
    }
  elapsed_s = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  /* Its first join and the one left of the second budget, and one for
   * every two seconds the joins took (the rate as an input: a slower run
   * only raises the bound). */
  g_assert_cmpuint (n_joined, >=, 2);
  g_assert_cmpfloat (n_joined, <=, 2 + elapsed_s / 2);
  g_assert_cmpuint (n_limited, ==, 39 - n_joined);
  g_assert_cmpuint (
    th_room_door_get_n_refused (th_room_server_get_door (c.server), TH_ROOM_REFUSED_JOIN_LIMIT), ==,
    n_limited);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 60 + n_joined);

  g_assert_cmpuint (join_as (&c, "Ana", "127.0.0.22"), ==, 200);
  caller_clear (&c);
}

/* The room's size, from the door: the next join is refused as full, and
 * counted; a seat freed by a removal is taken again.  A locked room's
 * refusals are counted apart. */
static void
test_door_room_size (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autofree char *id = NULL;
  Caller c = { 0 };
  ThRoomDoor *door;

  caller_init (&c, session);
  door = th_room_server_get_door (c.server);
  g_assert_cmpuint (th_room_door_get_room_size (door), ==, TH_ROOM_DEFAULT_ROOM_SIZE);
  th_room_door_set_room_size (door, 2);

  g_assert_cmpuint (join_as (&c, "Ana", "127.0.0.2"), ==, 200);
  id = answer_string (&c, "participant");
  g_assert_cmpuint (join_as (&c, NULL, "127.0.0.3"), ==, 200);
  g_assert_cmpuint (join_as (&c, "Cy", "127.0.0.4"), ==, 423);
  assert_reason (&c, "full");
  g_assert_cmpuint (join_as (&c, "Cy", "127.0.0.4"), ==, 423);
  g_assert_cmpuint (th_room_door_get_n_refused (door, TH_ROOM_REFUSED_FULL), ==, 2);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 2);

  g_assert_true (th_room_server_remove_participant (c.server, id));
  g_assert_cmpuint (join_as (&c, "Cy", "127.0.0.4"), ==, 200);

  th_room_server_set_locked (c.server, TRUE);
  g_assert_cmpuint (join_as (&c, "Di", "127.0.0.5"), ==, 423);
  assert_reason (&c, "locked");
  g_assert_cmpuint (th_room_door_get_n_refused (door, TH_ROOM_REFUSED_LOCKED), ==, 1);
  g_assert_cmpuint (th_room_door_get_n_refused (door, TH_ROOM_REFUSED_FULL), ==, 2);
  g_assert_cmpuint (th_room_door_get_n_refused (door, TH_ROOM_REFUSED_JOIN_LIMIT), ==, 0);
  caller_clear (&c);
}

/* Names the room refuses, each with the reason a page decides on and a
 * message that says what is wrong. */
static void
test_door_names (void)
{
  static const char invisible[] = "A name needs at least one letter, digit or sign that shows; "
                                  "this one has only spaces or invisible characters.";
  static const char direction[] = "A name cannot contain characters that reverse or isolate the "
                                  "direction of text (U+202A to U+202E, U+2066 to U+2069).";
  static const char reserved[]
    = "Names like “Participant 3” are kept for people who have no name. Choose another one.";
  static const char too_long[] = "A name has at most 100 characters.";
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  const char *words[] = { "Wolf", NULL };
  /* Longer than any string of a file (4 000 characters). */
  g_autofree char *longest = g_strnfill (5000, 'x');
  const struct
  {
    const char *name;
    const char *reason;
    const char *message;
  } refused[] = {
    /* U+1D159 MUSICAL SYMBOL NULL NOTEHEAD draws nothing, alone or with
     * other blanks (U+3164, U+2062); U+FFFC stands for nothing. */
    { "\\ud834\\udd59", "name-invisible", invisible },
    { "\\ud834\\udd59\\u3164\\u2062", "name-invisible", invisible },
    { "\\ud834\\udd73\\ud834\\udd59\\ud834\\udd7a", "name-invisible", invisible },
    { "\\ufffc", "name-invisible", invisible },
    { longest, "name-too-long", too_long },
    /* The label of anonymous people. */
    { "Participant 1", "name-reserved", reserved },
    { "participant 999", "name-reserved", reserved },
    { "\\uff30articipant\\u00a0\\uff17", "name-reserved", reserved },
    { "Participant\\u200b 12", "name-reserved", reserved },
    { "\\ufeff", "name-invisible", invisible },
    { "\\ufeff\\ufeff\\ufeff", "name-invisible", invisible },
    { "\\u00a0", "name-invisible", invisible },
    { "\\u200b\\u00a0", "name-invisible", invisible },
    { "ab\\u202ecd", "name-direction", direction },
    { "\\u2067Ana\\u2069", "name-direction", direction },
    { "Ana\\u0007", "name-control", "A name cannot contain control characters or line breaks." },
    { "big WOLF", "name-refused-word", "This name is not allowed here. Choose another one." },
  };
  Caller c = { 0 };

  caller_init (&c, session);
  th_room_door_set_refused_words (th_room_server_get_door (c.server), words);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *message = NULL;
      g_autofree char *wrong_code
        = g_strdup_printf ("{\"code\": \"nope\", \"name\": \"%s\"}", refused[i].name);

      g_test_message ("name %u: %s", i, refused[i].name);
      g_assert_cmpuint (join_as (&c, refused[i].name, "127.0.0.2"), ==, 400);
      assert_reason (&c, refused[i].reason);
      message = answer_string (&c, "error");
      g_assert_cmpstr (message, ==, refused[i].message);
      g_assert_null (strstr (message, "olf"));

      /* Without the code the name is not looked at: the answer is the
       * wrong code's, and nobody is counted at the door. */
      g_assert_cmpuint (
        call (&c, "POST", "/api/join", host_127, NULL, NULL, "127.0.0.3", wrong_code), ==, 403);
      assert_reason (&c, "code");
    }
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 0);
  /* Every name refused to someone with the code is counted for the host
   * page, and nothing else is. */
  g_assert_cmpuint (
    th_room_door_get_n_refused (th_room_server_get_door (c.server), TH_ROOM_REFUSED_NAME), ==,
    G_N_ELEMENTS (refused));
  g_assert_cmpuint (
    th_room_door_get_n_refused (th_room_server_get_door (c.server), TH_ROOM_REFUSED_FULL), ==, 0);

  /* A refused word is a whole word: a name that holds it in a longer one
   * joins. */
  g_assert_cmpuint (join_as (&c, "Wolfgang", "127.0.0.2"), ==, 200);
  /* A label without its number, or with more after it, is a name. */
  g_assert_cmpuint (join_as (&c, "Participant", "127.0.0.2"), ==, 200);
  g_assert_cmpuint (join_as (&c, "Participant 3b", "127.0.0.2"), ==, 200);
  caller_clear (&c);
}

static guint
n_removed (Caller *c)
{
  return g_list_model_get_n_items (th_room_door_get_removed (th_room_server_get_door (c->server)));
}

/* Removing someone kills their token at once and says so on their next
 * request; their name is refused in any case and spacing until the
 * facilitator allows it again.  Anonymous names are nobody's. */
static void
test_door_removed (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (ThRoomGuest) removed = NULL;
  g_autofree char *ana_id = NULL;
  g_autofree char *ana_bearer = NULL;
  g_autofree char *anonymous_id = NULL;
  g_autofree char *anonymous_bearer = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *forged_bearer = NULL;
  g_autofree char *message = NULL;
  Caller c = { 0 };
  ThRoomDoor *door;

  caller_init (&c, session);
  door = th_room_server_get_door (c.server);

  g_assert_cmpuint (join_as (&c, "Ana", "127.0.0.2"), ==, 200);
  ana_id = answer_string (&c, "participant");
  {
    g_autofree char *token = answer_string (&c, "token");

    ana_bearer = g_strconcat ("Bearer ", token, NULL);
  }
  g_assert_cmpuint (join_as (&c, NULL, "127.0.0.3"), ==, 200);
  anonymous_id = answer_string (&c, "participant");
  {
    g_autofree char *token = answer_string (&c, "token");

    anonymous_bearer = g_strconcat ("Bearer ", token, NULL);
  }

  g_assert_true (th_room_server_remove_participant (c.server, ana_id));
  g_assert_cmpuint (call (&c, "GET", "/api/state", host_127, NULL, ana_bearer, "127.0.0.2", NULL),
                    ==, 401);
  assert_reason (&c, "removed");
  message = answer_string (&c, "error");
  g_assert_cmpstr (message, ==, "The facilitator removed you from the room.");
  g_assert_cmpstr (soup_message_headers_get_one (c.answer.headers, "WWW-Authenticate"), ==,
                   "Bearer");

  /* A token the room never gave is no removed one. */
  forged = th_room_new_token (NULL);
  forged_bearer = g_strconcat ("Bearer ", forged, NULL);
  g_assert_cmpuint (
    call (&c, "GET", "/api/state", host_127, NULL, forged_bearer, "127.0.0.2", NULL), ==, 401);
  assert_reason (&c, NULL);

  /* Her name, however written, waits for the facilitator. */
  g_assert_cmpuint (n_removed (&c), ==, 1);
  removed = g_list_model_get_item (th_room_door_get_removed (door), 0);
  g_assert_cmpstr (th_room_guest_get_name (removed), ==, "Ana");
  for (guint i = 0; i < 3; i++)
    {
      const char *names[] = { "Ana", "ANA", " a\\u200bna " };
      g_autofree char *refusal = NULL;

      g_assert_cmpuint (join_as (&c, names[i], "127.0.0.4"), ==, 400);
      assert_reason (&c, "name-removed");
      refusal = answer_string (&c, "error");
      g_assert_true (g_str_has_prefix (refusal, "The facilitator removed “"));
      g_assert_true (g_str_has_suffix (refusal, "” from this room. Choose another name, or ask the "
                                                "facilitator to allow it again."));
    }
  g_assert_cmpuint (join_as (&c, "Anabel", "127.0.0.4"), ==, 200);

  g_assert_false (th_room_door_allow_name (door, "Bo"));
  g_assert_true (th_room_door_allow_name (door, "ana"));
  g_assert_cmpuint (n_removed (&c), ==, 0);
  g_assert_cmpuint (join_as (&c, "Ana", "127.0.0.2"), ==, 200);

  /* The anonymous one's token dies as well; "Participant N" stays free. */
  g_assert_true (th_room_server_remove_participant (c.server, anonymous_id));
  g_assert_cmpuint (
    call (&c, "GET", "/api/me", host_127, NULL, anonymous_bearer, "127.0.0.3", NULL), ==, 401);
  assert_reason (&c, "removed");
  g_assert_cmpuint (n_removed (&c), ==, 0);

  /* Removed from the session by other means (the workshop view): the
   * same. */
  {
    g_autofree char *id = NULL;

    g_assert_cmpuint (join_as (&c, "Eve", "127.0.0.5"), ==, 200);
    id = answer_string (&c, "participant");
    g_assert_true (th_session_remove_participant (session, id));
    g_assert_cmpuint (n_removed (&c), ==, 1);
    g_assert_cmpuint (join_as (&c, "eve", "127.0.0.5"), ==, 400);
    assert_reason (&c, "name-removed");
  }
  caller_clear (&c);
}

/* With generated names, every phone gets its own friendly name, whatever
 * it sent, and the join page can tell beforehand. */
static void
test_door_generated_names (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (ThSession) session = th_session_new (deck);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Caller c = { 0 };

  caller_init (&c, session);
  g_assert_cmpuint (call (&c, "GET", "/api/room", host_127, NULL, NULL, "127.0.0.2", NULL), ==,
                    200);
  g_assert_cmpstr (c.answer.body, ==, "{\"names\":\"typed\",\"locked\":false}");
  g_assert_cmpuint (call (&c, "POST", "/api/room", host_127, NULL, NULL, "127.0.0.2", NULL), ==,
                    405);

  th_room_door_set_generated_names (th_room_server_get_door (c.server), TRUE);
  th_room_server_set_locked (c.server, TRUE);
  g_assert_cmpuint (call (&c, "GET", "/api/room", host_127, NULL, NULL, "127.0.0.2", NULL), ==,
                    200);
  g_assert_cmpstr (c.answer.body, ==, "{\"names\":\"generated\",\"locked\":true}");
  th_room_server_set_locked (c.server, FALSE);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = NULL;
      g_auto (GStrv) words = NULL;

      g_assert_cmpuint (join_as (&c, i % 2 == 0 ? "Typed" : NULL, "127.0.0.2"), ==, 200);
      name = answer_string (&c, "name");
      words = g_strsplit (name, " ", -1);
      g_assert_cmpuint (g_strv_length (words), ==, 2);
      g_assert_true (th_name_check (name, NULL, NULL));
      g_assert_true (g_hash_table_add (names, g_steal_pointer (&name)));
    }
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 20);
  caller_clear (&c);
}

/* Feeds @text to a new ThRoomFraming whole, or a byte at a time, and
 * returns how many bytes went through and the refusal's status (0: none). */
static gsize
feed_framing (const char *text, gboolean bytewise, guint *status)
{
  g_autoptr (ThRoomFraming) framing = th_room_framing_new ();
  gsize length = strlen (text);
  gsize passed = 0;
  const char *message = NULL;

  *status = 0;
  if (!bytewise)
    {
      passed = th_room_framing_feed (framing, (const guint8 *)text, length, status, &message);
      g_assert_true ((*status == 0) == (message == NULL));
      return passed;
    }

  for (gsize i = 0; i < length && *status == 0; i++)
    passed += th_room_framing_feed (framing, (const guint8 *)text + i, 1, status, &message);
  /* Nothing goes through once a request was refused. */
  if (*status != 0)
    g_assert_cmpuint (th_room_framing_feed (framing, (const guint8 *)"GET", 3, status, &message),
                      ==, 0);

  return passed;
}

/* The framing follows requests one after another, however the bytes
 * arrive, and stops at what breaks a rule, before the line break that
 * would let libsoup go on. */
static void
test_framing (void)
{
  static const char valid[]
    = "PUT /api/answers HTTP/1.1\r\nHost: 127.0.0.1:80\r\nContent-Length: 5\r\n\r\n{\"a\"}"
      "PUT /api/answers HTTP/1.1\r\nhost: [::1]:80\r\ntransfer-encoding: Chunked\r\n\r\n"
      "3;x=y\r\n{\"a\r\n2\r\n\":\r\n1\r\n}\r\n0\r\n\r\n"
      "\r\nGET /app.js?v=%41 HTTP/1.0\r\n\r\n"
      "GET /api/room HTTP/1.1\nHost: localhost:9\n\n";
  static const char bad_chunk[]
    = "PUT /api/answers HTTP/1.1\r\nHost: a\r\n"
      "Transfer-Encoding: chunked\r\n\r\nzz\r\n0\r\n\r\nGET / HTTP/1.1\r\n";
  static const char bad_head[]
    = "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /%zz HTTP/1.1\r\nHost: a\r\n\r\n";
  guint status;

  for (guint bytewise = 0; bytewise < 2; bytewise++)
    {
      g_assert_cmpuint (feed_framing (valid, bytewise, &status), ==, strlen (valid));
      g_assert_cmpuint (status, ==, 0);

      /* Up to "zz\r", without its "\n". */
      g_assert_cmpuint (feed_framing (bad_chunk, bytewise, &status), ==,
                        strstr (bad_chunk, "zz") - bad_chunk + 3);
      g_assert_cmpuint (status, ==, 400);

      /* The first request whole, the second without the last "\n". */
      g_assert_cmpuint (feed_framing (bad_head, bytewise, &status), ==, strlen (bad_head) - 1);
      g_assert_cmpuint (status, ==, 400);
    }

  /* Each rule, with its status. */
  {
    const struct
    {
      const char *text;
      guint status;
    } cases[] = {
      { "GET / HTTP/1.1\r\n\r\n", 400 },
      { "GET / HTTP/1.1\r\nHost: a:+1\r\n\r\n", 400 },
      { "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\n", 400 },
      { "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", 400 },
      { "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n", 400 },
      { "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505 },
      { "GET / FTP/1.1\r\nHost: a\r\n\r\n", 400 },
      { "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501 },
      { "PUT / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n", 400 },
      { "PUT / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y\r\n", 400 },
      { "PUT / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10001\r\n", 413 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_test_message ("case %u: %s", i, cases[i].text);
        g_assert_cmpuint (feed_framing (cases[i].text, FALSE, &status), <, strlen (cases[i].text));
        g_assert_cmpuint (status, ==, cases[i].status);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/room/units/join-code", test_join_code);
  g_test_add_func ("/room/units/normalize-code", test_normalize_code);
  g_test_add_func ("/room/units/token", test_token);
  g_test_add_func ("/room/units/limiter", test_limiter);
  g_test_add_func ("/room/units/limiter-bounded", test_limiter_bounded);
  g_test_add_func ("/room/units/limiter-reserve", test_limiter_reserve);
  g_test_add_func ("/room/units/parse-join", test_parse_join);
  g_test_add_func ("/room/units/parse-answers", test_parse_answers);
  g_test_add_func ("/room/units/parse-limits", test_parse_limits);
  g_test_add_func ("/room/units/parse-nul-escape", test_parse_nul_escape);
  g_test_add_func ("/room/units/apply-answers", test_apply_answers);
  g_test_add_func ("/room/units/status", test_status);
  g_test_add_func ("/room/units/addresses", test_addresses);
  g_test_add_func ("/room/units/bind-address", test_bind_address);
  g_test_add_func ("/room/units/handle-checks", test_handle_checks);
  g_test_add_func ("/room/units/handle-default-ports", test_handle_default_ports);
  g_test_add_func ("/room/units/handle-shares-the-document-write",
                   test_handle_shares_the_document_write);
  g_test_add_func ("/room/units/door/join-limit", test_door_join_limit);
  g_test_add_func ("/room/units/door/room-size", test_door_room_size);
  g_test_add_func ("/room/units/door/wrong-codes", test_door_wrong_codes);
  g_test_add_func ("/room/units/door/room-join-limit", test_door_room_join_limit);
  g_test_add_func ("/room/units/door/two-addresses", test_door_two_addresses);
  g_test_add_func ("/room/units/door/names", test_door_names);
  g_test_add_func ("/room/units/framing", test_framing);
  g_test_add_func ("/room/units/door/removed", test_door_removed);
  g_test_add_func ("/room/units/door/generated-names", test_door_generated_names);
  g_test_add_func ("/room/units/start", test_start);
  g_test_add_func ("/room/units/qr-modules", test_qr_modules);

  return g_test_run ();
}
