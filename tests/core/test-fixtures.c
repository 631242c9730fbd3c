/* test-fixtures.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every file in tests/fixtures goes through its loader here: each broken
 * one must fail with the expected error code, naming the expected JSON
 * path, and a last test makes sure no fixture is left untested. */

#include "config.h"

#include <string.h>

#include "th-deck.h"
#include "th-error.h"
#include "th-loader.h"
#include "th-session.h"
#include "th-test-utils.h"

typedef enum
{
  KIND_DECK,    /* th_deck_new_from_file(), then th_load_file() */
  KIND_SESSION, /* th_session_new_from_file(), then th_load_file() */
  KIND_LOADER,  /* th_load_file() only */
} FixtureKind;

typedef struct
{
  const char *name;
  FixtureKind kind;
  ThError code;
  const char *path;      /* the JSON path the message starts with, or NULL */
  const char *substring; /* what else the message says */
} BadFixture;

static const BadFixture bad_fixtures[] = {
  { "deck-syntax-error.json", KIND_DECK, TH_ERROR_PARSE, NULL, "line 4, column" },
  { "deck-truncated.json", KIND_DECK, TH_ERROR_PARSE, NULL, "line " },
  { "deck-empty.json", KIND_DECK, TH_ERROR_PARSE, NULL, "the file is empty" },
  { "deck-not-object.json", KIND_DECK, TH_ERROR_INVALID, NULL,
    "expected a JSON object, found an array" },
  { "deck-invalid-utf8.json", KIND_DECK, TH_ERROR_PARSE, NULL, "not valid UTF-8" },
  { "deck-nul-byte.json", KIND_DECK, TH_ERROR_PARSE, NULL, "NUL byte" },
  { "deck-escaped-nul.json", KIND_DECK, TH_ERROR_PARSE, NULL, "\\u0000" },
  { "deck-lone-surrogate.json", KIND_DECK, TH_ERROR_INVALID, "title", "not valid Unicode" },
  { "deck-nested-too-deep.json", KIND_DECK, TH_ERROR_TOO_LARGE, NULL,
    "nested more than 64 levels deep" },
  { "deck-format-missing.json", KIND_DECK, TH_ERROR_INVALID, "format",
    "missing, so this is not a Two Hats deck" },
  { "deck-format-wrong.json", KIND_DECK, TH_ERROR_INVALID, "format",
    "“two-hats-dock” is not a Two Hats deck" },
  { "deck-format-session.json", KIND_DECK, TH_ERROR_INVALID, "format",
    "“two-hats-session” is not a Two Hats deck" },
  { "deck-format-not-string.json", KIND_DECK, TH_ERROR_INVALID, "format",
    "expected a string, found a number" },
  { "deck-version-missing.json", KIND_DECK, TH_ERROR_INVALID, "version",
    "required member is missing" },
  { "deck-version-newer.json", KIND_DECK, TH_ERROR_NEWER_VERSION, "version",
    "made by a newer version of Two Hats" },
  { "deck-version-zero.json", KIND_DECK, TH_ERROR_INVALID, "version", "0 is not a format version" },
  { "deck-version-fraction.json", KIND_DECK, TH_ERROR_INVALID, "version", "1.5 is not an integer" },
  { "deck-version-string.json", KIND_DECK, TH_ERROR_INVALID, "version",
    "expected an integer, found a string" },
  { "deck-id-missing.json", KIND_DECK, TH_ERROR_INVALID, "id", "required member is missing" },
  { "deck-id-invalid.json", KIND_DECK, TH_ERROR_INVALID, "id", "“Mini Deck” is not a valid id" },
  { "deck-id-too-long.json", KIND_DECK, TH_ERROR_INVALID, "id", "is not a valid id" },
  { "deck-id-not-string.json", KIND_DECK, TH_ERROR_INVALID, "id",
    "expected a string, found a number" },
  { "deck-title-missing.json", KIND_DECK, TH_ERROR_INVALID, "title", "required member is missing" },
  { "deck-title-not-string.json", KIND_DECK, TH_ERROR_INVALID, "title",
    "expected a string, found an array" },
  { "deck-language-not-string.json", KIND_DECK, TH_ERROR_INVALID, "language",
    "expected a string, found a boolean" },
  { "deck-source-not-object.json", KIND_DECK, TH_ERROR_INVALID, "source",
    "expected an object, found a string" },
  { "deck-source-title-not-string.json", KIND_DECK, TH_ERROR_INVALID, "source.title",
    "expected a string" },
  { "deck-behaviours-missing.json", KIND_DECK, TH_ERROR_INVALID, "behaviours",
    "required member is missing" },
  { "deck-behaviours-not-array.json", KIND_DECK, TH_ERROR_INVALID, "behaviours",
    "expected an array, found an object" },
  { "deck-behaviours-empty.json", KIND_DECK, TH_ERROR_INVALID, "behaviours",
    "a deck needs at least one behaviour" },
  { "deck-behaviour-not-object.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1]",
    "expected an object, found a string" },
  { "deck-behaviour-id-missing.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1].id",
    "required member is missing" },
  { "deck-behaviour-id-invalid.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1].id",
    "“Weekly_Milestones” is not a valid id" },
  { "deck-behaviour-id-empty.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1].id",
    "“” is not a valid id" },
  { "deck-behaviour-id-duplicate.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[2].id",
    "“explain-the-why” is already the id of behaviours[0]" },
  { "deck-behaviour-id-not-string.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1].id",
    "expected a string, found a number" },
  { "deck-behaviour-text-missing.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].text",
    "required member is missing" },
  { "deck-behaviour-text-not-string.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].text",
    "expected a string, found null" },
  { "deck-behaviour-key-missing.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[2].key",
    "required member is missing" },
  { "deck-behaviour-key-invalid.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[3].key",
    "“sideways” is not leadership or management" },
  { "deck-behaviour-key-both.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].key",
    "“both” is not leadership or management" },
  { "deck-behaviour-key-not-string.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].key",
    "expected a string, found a boolean" },
  { "deck-behaviour-contrast-invalid.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[1].contrast",
    "“speed” is not vision-execution, people-process or risk" },
  { "deck-behaviour-contrast-not-string.json", KIND_DECK, TH_ERROR_INVALID,
    "behaviours[1].contrast", "expected a string" },
  { "deck-behaviour-why-not-string.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].why",
    "expected a string, found an object" },
  { "deck-sections-not-array.json", KIND_DECK, TH_ERROR_INVALID, "sections", "expected an array" },
  { "deck-section-not-object.json", KIND_DECK, TH_ERROR_INVALID, "sections[1]",
    "expected an object, found a number" },
  { "deck-section-id-missing.json", KIND_DECK, TH_ERROR_INVALID, "sections[0].id",
    "required member is missing" },
  { "deck-section-id-invalid.json", KIND_DECK, TH_ERROR_INVALID, "sections[0].id",
    "is not a valid id" },
  { "deck-section-id-duplicate.json", KIND_DECK, TH_ERROR_INVALID, "sections[1].id",
    "“basics” is already the id of sections[0]" },
  { "deck-section-title-missing.json", KIND_DECK, TH_ERROR_INVALID, "sections[1].title",
    "required member is missing" },
  { "deck-concepts-not-array.json", KIND_DECK, TH_ERROR_INVALID, "concepts", "expected an array" },
  { "deck-concept-not-object.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0]",
    "expected an object, found null" },
  { "deck-concept-id-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].id",
    "required member is missing" },
  { "deck-concept-id-invalid.json", KIND_DECK, TH_ERROR_INVALID, "concepts[1].id",
    "is not a valid id" },
  { "deck-concept-id-duplicate.json", KIND_DECK, TH_ERROR_INVALID, "concepts[1].id",
    "is already the id of concepts[0]" },
  { "deck-concept-section-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].section",
    "required member is missing" },
  { "deck-concept-section-unknown.json", KIND_DECK, TH_ERROR_INVALID, "concepts[1].section",
    "“nowhere” is not a section of this deck" },
  { "deck-concept-section-no-sections.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].section",
    "“basics” is not a section of this deck" },
  { "deck-concept-side-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].side",
    "required member is missing" },
  { "deck-concept-side-invalid.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].side",
    "“neither” is not leadership, management or both" },
  { "deck-concept-title-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].title",
    "required member is missing" },
  { "deck-concept-summary-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[1].summary",
    "required member is missing" },
  { "deck-concept-detail-missing.json", KIND_DECK, TH_ERROR_INVALID, "concepts[1].detail",
    "required member is missing" },
  { "deck-concept-example-not-string.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].example",
    "expected a string, found an array" },
  { "deck-concept-question-not-string.json", KIND_DECK, TH_ERROR_INVALID, "concepts[0].question",
    "expected a string" },
  { "deck-concept-leadership-not-string.json", KIND_DECK, TH_ERROR_INVALID,
    "concepts[1].leadership", "expected a string" },
  { "deck-concept-management-not-string.json", KIND_DECK, TH_ERROR_INVALID,
    "concepts[1].management", "expected a string, found null" },
  { "session-syntax-error.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL, "line " },
  { "session-truncated.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL, "line " },
  { "session-second-value.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL,
    "line 24, column 1: a second JSON value after the first; only white space may follow it" },
  { "session-empty.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL, "the file is empty" },
  { "session-not-object.twohats", KIND_SESSION, TH_ERROR_INVALID, NULL,
    "expected a JSON object, found a string" },
  { "session-invalid-utf8.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL, "not valid UTF-8" },
  { "session-escaped-nul.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL, "\\u0000" },
  { "session-nested-too-deep.twohats", KIND_SESSION, TH_ERROR_TOO_LARGE, NULL,
    "nested more than 64 levels deep" },
  { "session-format-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "format",
    "missing, so this is not a Two Hats session" },
  { "session-format-wrong.twohats", KIND_SESSION, TH_ERROR_INVALID, "format",
    "“two-hats-sessions” is not a Two Hats session" },
  { "session-format-deck.twohats", KIND_SESSION, TH_ERROR_INVALID, "format",
    "“two-hats-deck” is not a Two Hats session" },
  { "session-version-newer.twohats", KIND_SESSION, TH_ERROR_NEWER_VERSION, "version",
    "made by a newer version of Two Hats" },
  { "session-version-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "version",
    "required member is missing" },
  { "session-version-string.twohats", KIND_SESSION, TH_ERROR_INVALID, "version",
    "expected an integer, found a string" },
  { "session-title-not-string.twohats", KIND_SESSION, TH_ERROR_INVALID, "title",
    "expected a string, found a number" },
  { "session-created-not-string.twohats", KIND_SESSION, TH_ERROR_INVALID, "created",
    "expected a string, found a number" },
  { "session-created-invalid.twohats", KIND_SESSION, TH_ERROR_INVALID, "created",
    "“last Tuesday” is not an ISO 8601 date and time" },
  { "session-threshold-not-number.twohats", KIND_SESSION, TH_ERROR_INVALID, "threshold",
    "expected a number, found a string" },
  { "session-threshold-zero.twohats", KIND_SESSION, TH_ERROR_INVALID, "threshold",
    "0 is not between 1 and 99" },
  { "session-threshold-too-high.twohats", KIND_SESSION, TH_ERROR_INVALID, "threshold",
    "99.5 is not between 1 and 99" },
  { "session-deck-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "deck",
    "required member is missing" },
  { "session-deck-not-object.twohats", KIND_SESSION, TH_ERROR_INVALID, "deck",
    "expected a JSON object, found a string" },
  { "session-deck-format-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "deck.format",
    "missing, so this is not a Two Hats deck" },
  { "session-deck-version-newer.twohats", KIND_SESSION, TH_ERROR_NEWER_VERSION, "deck.version",
    "made by a newer version of Two Hats" },
  { "session-deck-behaviour-id-invalid.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "deck.behaviours[2].id", "“Bad Id” is not a valid id" },
  { "session-deck-behaviours-empty.twohats", KIND_SESSION, TH_ERROR_INVALID, "deck.behaviours",
    "a deck needs at least one behaviour" },
  { "session-deck-concept-section-unknown.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "deck.concepts[0].section", "is not a section of this deck" },
  { "session-participants-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants",
    "required member is missing" },
  { "session-participants-not-array.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants",
    "expected an array, found an object" },
  { "session-participant-not-object.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[1]",
    "expected an object, found a number" },
  { "session-participant-id-missing.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[0].id",
    "required member is missing" },
  { "session-participant-id-invalid.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[1].id",
    "“P 2” is not a valid id" },
  { "session-participant-id-duplicate.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[2].id", "“p1” is already the id of participants[0]" },
  { "session-participant-id-not-string.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].id", "expected a string, found a number" },
  { "session-participant-name-missing.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[1].name", "required member is missing" },
  { "session-participant-name-empty.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[1].name", "a name needs at least one character" },
  { "session-participant-name-too-long.twohats", KIND_SESSION, TH_ERROR_TOO_LARGE,
    "participants[1].name", "101 characters, more than the limit of 100" },
  { "session-participant-name-control-char.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].name", "contains a control character (U+000A)" },
  { "session-participant-name-not-string.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].name", "expected a string, found an array" },
  { "session-sort-not-object.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[0].sort",
    "expected an object, found an array" },
  { "session-sort-value-invalid.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].sort.explain-the-why", "“both” is not leadership or management" },
  { "session-sort-value-not-string.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].sort.weekly-milestones", "expected a string, found a number" },
  { "session-sort-unknown-behaviour.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[1].sort.fly-a-kite", "“fly-a-kite” is not a behaviour of the deck" },
  { "session-sort-key-not-an-id.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[1].sort",
    "“Explain The Why” is not a behaviour of the deck" },
  { "session-ratings-not-object.twohats", KIND_SESSION, TH_ERROR_INVALID, "participants[0].ratings",
    "expected an object, found an array" },
  { "session-rating-out-of-range.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[3].ratings.explain-the-why", "7 is not between 1 and 5" },
  { "session-rating-zero.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.risk-register", "0 is not between 1 and 5" },
  /* json-glib would read the first as -1 and the second as 1. */
  { "session-rating-too-large.twohats", KIND_SESSION, TH_ERROR_TOO_LARGE, NULL,
    "line 127, column 28: the number 99999999999999999999999999 is too large" },
  { "session-rating-too-large-negative.twohats", KIND_SESSION, TH_ERROR_TOO_LARGE, NULL,
    "line 127, column 28: the number -99999999999999999999 is too large" },
  /* json-glib would read "Zoë\0 Fischer" as "Zoë". */
  { "session-participant-name-octal-escape.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL,
    "line 124, column 19: “\\0” is not an escape of JSON" },
  { "session-rating-negative.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.risk-register", "-1 is not between 1 and 5" },
  { "session-rating-fraction.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[2].ratings.coach-a-colleague", "3.5 is not an integer" },
  { "session-rating-string.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.explain-the-why", "expected an integer, found a string" },
  { "session-rating-null.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.explain-the-why", "expected an integer, found null" },
  { "session-rating-unknown-behaviour.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.fly-a-kite", "“fly-a-kite” is not a behaviour of the deck" },
  /* A member named twice: its last value counts, in the place of the
   * first, as json-glib has always read it. */
  { "session-rating-duplicate-key.twohats", KIND_SESSION, TH_ERROR_INVALID,
    "participants[0].ratings.weekly-milestones", "7 is not between 1 and 5" },
  /* An error of JSON anywhere comes before an error in a participant. */
  { "session-rating-zero-then-syntax-error.twohats", KIND_SESSION, TH_ERROR_PARSE, NULL,
    "line 162, column 17" },
  { "loader-format-missing.json", KIND_LOADER, TH_ERROR_INVALID, NULL,
    "This is not a Two Hats workshop or card deck. It has no “format” member" },
  { "loader-format-unknown.json", KIND_LOADER, TH_ERROR_INVALID, "format",
    "“two-hats-chart” is not a Two Hats deck or session" },
  { "loader-format-not-string.json", KIND_LOADER, TH_ERROR_INVALID, "format",
    "expected a string, found an array" },
  { "loader-not-object.json", KIND_LOADER, TH_ERROR_INVALID, NULL,
    "This is not a Two Hats workshop or card deck. Expected a JSON object, found an array." },
  /* Files of other programs, opened by mistake. */
  { "loader-shopping-list.txt", KIND_LOADER, TH_ERROR_PARSE, NULL,
    "This is not a Two Hats workshop or card deck. Line 1, column 8: this is not valid JSON." },
  { "loader-shopping-list.json", KIND_LOADER, TH_ERROR_INVALID, NULL,
    "This is not a Two Hats workshop or card deck. It has no “format” member" },
  { "loader-array.json", KIND_LOADER, TH_ERROR_INVALID, NULL,
    "This is not a Two Hats workshop or card deck. Expected a JSON object, found an array." },
  { "loader-truncated.json", KIND_LOADER, TH_ERROR_PARSE, NULL,
    "This is not a Two Hats workshop or card deck. Line 4, column 29: the text breaks off." },
  /* Written for the UI tests; a bad deck all the same. */
  { "deck-bad-key.json", KIND_DECK, TH_ERROR_INVALID, "behaviours[0].key",
    "“sideways” is not leadership or management" },
};

/* Files that must load. */
static const struct
{
  const char *name;
  FixtureKind kind;
} good_fixtures[] = {
  { "deck-valid-full.json", KIND_DECK },
  { "deck-valid-minimal.json", KIND_DECK },
  { "deck-small.twohats-deck", KIND_DECK },
  { "session-valid.twohats", KIND_SESSION },
  { "session-valid-minimal.twohats", KIND_SESSION },
  { "session-valid-unknown-members.twohats", KIND_SESSION },
  { "session-valid-deck-last.twohats", KIND_SESSION },
  { "session-valid-numbered.twohats", KIND_SESSION },
};

/* Files in tests/fixtures that are not JSON inputs (expected outputs). */
static const char *const other_fixtures[] = {
  "session-valid.csv",
  "session-valid-anonymous.csv",
};

static GObject *
load_as_kind (const char *name, FixtureKind kind, GError **error)
{
  g_autoptr (GFile) file = th_test_fixture_file (name);

  switch (kind)
    {
      case KIND_DECK:
        return G_OBJECT (th_deck_new_from_file (file, error));
      case KIND_SESSION:
        return G_OBJECT (th_session_new_from_file (file, error));
      case KIND_LOADER:
      default:
        return th_load_file (file, error);
    }
}

static void
assert_error_matches (const GError *error, const BadFixture *fixture)
{
  g_assert_nonnull (error);
  g_test_message ("%s: %s", fixture->name, error->message);

  g_assert_error (error, TH_ERROR, (int)fixture->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  if (fixture->path != NULL)
    {
      g_autofree char *prefix = g_strconcat (fixture->path, ": ", NULL);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%s: “%s” does not start with “%s”", fixture->name, error->message, prefix);
    }

  if (strstr (error->message, fixture->substring) == NULL)
    g_error ("%s: “%s” does not contain “%s”", fixture->name, error->message, fixture->substring);
}

static void
test_bad_fixture (gconstpointer data)
{
  const BadFixture *fixture = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) object = load_as_kind (fixture->name, fixture->kind, &error);

  g_assert_null (object);
  assert_error_matches (error, fixture);

  /* The generic loader dispatches on "format" and must report the same
   * problem, except about "format" itself, which it words for both kinds.
   * A text that is not JSON, or not a JSON object, is no Two Hats file:
   * opened as any file, it says so first, then the same problem as a
   * sentence of its own. */
  if (fixture->kind != KIND_LOADER && g_strcmp0 (fixture->path, "format") != 0)
    {
      g_autoptr (GError) loader_error = NULL;
      g_autoptr (GObject) loaded = load_as_kind (fixture->name, KIND_LOADER, &loader_error);
      g_autofree char *expected = NULL;

      g_assert_null (loaded);
      g_assert_nonnull (loader_error);
      g_assert_error (loader_error, TH_ERROR, (int)fixture->code);
      if (fixture->code == TH_ERROR_PARSE
          || g_str_has_prefix (error->message, "expected a JSON object, found "))
        expected = g_strdup_printf ("This is not a Two Hats workshop or card deck. %c%s.",
                                    g_ascii_toupper (error->message[0]), error->message + 1);
      else
        expected = g_strdup (error->message);
      g_assert_cmpstr (loader_error->message, ==, expected);
    }
}

static void
test_good_fixture (gconstpointer data)
{
  const char *name = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) object = NULL;
  gboolean is_deck = g_str_has_prefix (name, "deck-");

  object = load_as_kind (name, is_deck ? KIND_DECK : KIND_SESSION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);

  g_clear_object (&object);
  object = load_as_kind (name, KIND_LOADER, &error);
  g_assert_no_error (error);
  g_assert_true (is_deck ? TH_IS_DECK (object) : TH_IS_SESSION (object));
}

/* The two messages the format's documentation quotes, word for word. */
static void
test_documented_messages (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) deck_file = th_test_fixture_file ("deck-behaviour-key-invalid.json");
  g_autoptr (GFile) session_file = th_test_fixture_file ("session-rating-out-of-range.twohats");
  g_autoptr (ThDeck) deck = th_deck_new_from_file (deck_file, &error);
  g_autoptr (ThSession) session = NULL;

  g_assert_null (deck);
  g_assert_cmpstr (error->message, ==,
                   "behaviours[3].key: “sideways” is not leadership or management");
  g_clear_error (&error);

  session = th_session_new_from_file (session_file, &error);
  g_assert_null (session);
  g_assert_cmpstr (error->message, ==,
                   "participants[3].ratings.explain-the-why: 7 is not between 1 and 5");
}

static gboolean
is_known_fixture (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    if (strcmp (bad_fixtures[i].name, name) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (good_fixtures); i++)
    if (strcmp (good_fixtures[i].name, name) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (other_fixtures); i++)
    if (strcmp (other_fixtures[i], name) == 0)
      return TRUE;

  return FALSE;
}

/* A fixture nobody loads tests nothing. */
static void
test_every_fixture_is_tested (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* Other suites keep their own inputs here too (charts, sample
       * sessions); only deck and session inputs are this suite's. */
      if (!g_str_has_prefix (name, "deck-") && !g_str_has_prefix (name, "session-")
          && !g_str_has_prefix (name, "loader-"))
        continue;

      n_files++;
      if (!is_known_fixture (name))
        g_error ("tests/fixtures/%s is not in test-fixtures.c", name);
    }

  g_assert_cmpuint (n_files, >=, G_N_ELEMENTS (bad_fixtures) + G_N_ELEMENTS (good_fixtures));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_fixtures); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/fixtures/bad/%s", bad_fixtures[i].name);

      g_test_add_data_func (test_path, &bad_fixtures[i], test_bad_fixture);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good_fixtures); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/fixtures/good/%s", good_fixtures[i].name);

      g_test_add_data_func (test_path, good_fixtures[i].name, test_good_fixture);
    }

  g_test_add_func ("/fixtures/documented-messages", test_documented_messages);
  g_test_add_func ("/fixtures/every-fixture-is-tested", test_every_fixture_is_tested);

  return g_test_run ();
}
