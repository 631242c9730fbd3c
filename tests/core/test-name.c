/* test-name.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rule for names people give themselves (th-name.h): what it lets
 * through, what it refuses and with which message, refused words as whole
 * words whatever their case, the key names are compared by, generated
 * names, and the numbered names that tell two people of one name apart. */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "th-name.h"
#include "th-types.h"

static void
assert_refused (const char *name, const char *const *refused_words, ThNameError code,
                const char *message)
{
  g_autoptr (GError) error = NULL;

  if (th_name_check (name, refused_words, &error))
    g_error ("“%s” was accepted", name);
  g_assert_error (error, TH_NAME_ERROR, (int)code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_accepted (void)
{
  g_autoptr (GString) longest = g_string_new (NULL);
  const char *names[] = {
    "Ana",          "نور الهدى", "דנה לוי", "Zoë 🎩 Fischer", "<b>x</b> & Co",
    "Ana\u00A0Lee",                         /* a no-break space between words */
    "\u200FDana",                           /* a right-to-left mark, as some keyboards add */
    "\u3164Ana",                            /* a filler beside a letter */
    "李",           "-",         "e\u0301", /* a letter and its combining accent */
    NULL,
  };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!th_name_check (names[i], NULL, &error))
        g_error ("“%s” was refused: %s", names[i], error->message);
    }

  for (guint i = 0; i < TH_MAX_NAME_CHARS; i++)
    g_string_append (longest, "é");
  g_assert_true (th_name_check (longest->str, NULL, NULL));
}

static void
test_refused (void)
{
  static const char invisible[] = "A name needs at least one letter, digit or sign that shows; "
                                  "this one has only spaces or invisible characters.";
  static const char direction[] = "A name cannot contain characters that reverse or isolate the "
                                  "direction of text (U+202A to U+202E, U+2066 to U+2069).";
  static const char control[] = "A name cannot contain control characters or line breaks.";
  const char *invisible_names[] = {
    "\uFEFF",       "\uFEFF\uFEFF", "\u00A0", "\u00A0\u00A0\u00A0",
    "\u200B",       "\u2060\u200D", "\u00AD", "\u3164",
    "\u115F\u1160", "\u2800",       "\u0301", "\u3000",
    "\uFE0F",       "\U000E0041",   "\u2062", "\uFEFF\u00A0\u200B",
    NULL,
  };
  /* The musical null notehead draws nothing, nor do the beams and phrases
   * around it; the object replacement character stands for nothing. */
  const char *blank_symbols[] = {
    "\U0001D159", "\U0001D159\u3164\u2062", "\U0001D173\U0001D159\U0001D17A", "\uFFFC", NULL,
  };
  const char *direction_names[] = {
    "ab\u202Ecd",    "\u202EAna", "Ana\u202A", "\u202B\u202C", "\u202D",
    "\u2066x\u2069", "\u2067x",   "x\u2068",   NULL,
  };
  const char *control_names[] = {
    "Eve\a", "a\nb", "a\tb", "\x7f", "a\xc2\x85", "a\u2028b", "a\u2029", "\x1b[31mred", NULL,
  };
  g_autofree char *too_long = g_strnfill (TH_MAX_NAME_CHARS + 1, 'x');

  for (guint i = 0; invisible_names[i] != NULL; i++)
    assert_refused (invisible_names[i], NULL, TH_NAME_ERROR_INVISIBLE, invisible);
  for (guint i = 0; blank_symbols[i] != NULL; i++)
    assert_refused (blank_symbols[i], NULL, TH_NAME_ERROR_INVISIBLE, invisible);
  for (guint i = 0; direction_names[i] != NULL; i++)
    assert_refused (direction_names[i], NULL, TH_NAME_ERROR_DIRECTION, direction);
  for (guint i = 0; control_names[i] != NULL; i++)
    assert_refused (control_names[i], NULL, TH_NAME_ERROR_CONTROL, control);

  /* The label of people without a name, in any case, width or spacing. */
  {
    static const char reserved[] = "Names like “Participant 3” are kept for people who have no "
                                   "name. Choose another one.";
    const char *reserved_names[] = {
      "Participant 1",
      "participant 999",
      "PARTICIPANT 0",
      "Participant  42",
      "Participant7",
      "\uFF30articipant \uFF13",
      "Participant\u200B 5",
      /* Code points that draw nothing do not make the label another name:
       * Khmer and Mongolian marks, variation selectors, unassigned code
       * points, noncharacters, private use, the Khitan filler. */
      "Participant 3\u17B4",
      "Participant 3\u180B",
      "Participant 3\u2065",
      "Participant 3\uFFF0",
      "Participant 3\U000E0000",
      "Participant 3\U000E0100",
      "Participant 3\U00016FE4",
      "Participant 3\u0378",
      "Participant 3\U0001D455",
      "Participant 3\uE000",
      "Participant 3\uFFFF",
      NULL,
    };

    for (guint i = 0; reserved_names[i] != NULL; i++)
      {
        assert_refused (reserved_names[i], NULL, TH_NAME_ERROR_RESERVED, reserved);
        g_assert_true (th_name_is_reserved (reserved_names[i]));
      }
    g_assert_false (th_name_is_reserved ("Participant"));
    g_assert_false (th_name_is_reserved ("Participant 3b"));
    g_assert_false (th_name_is_reserved ("Participants 3"));
    g_assert_false (th_name_is_reserved ("3 Participant"));
    /* The German label is the German app's: in English, a name. */
    g_assert_true (th_name_check ("Person 3", NULL, NULL));
  }

  /* A control character with an override: the first rule broken speaks. */
  assert_refused ("\u202E\a", NULL, TH_NAME_ERROR_CONTROL, control);
  assert_refused (too_long, NULL, TH_NAME_ERROR_TOO_LONG, "A name has at most 100 characters.");
  assert_refused ("", NULL, TH_NAME_ERROR_EMPTY, "Enter a name.");
  assert_refused ("\xff\xfe", NULL, TH_NAME_ERROR_CONTROL, control);
}

/* In German the app calls someone without a name "Person 3" (po/de.po):
 * that is refused too, and the English label still is. */
static void
test_reserved_translated (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *catalogue
        = g_build_filename (dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr (GError) error = NULL;

      if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
        g_error ("%s is not built", catalogue);
      bindtextdomain (GETTEXT_PACKAGE, dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      /* LANGUAGE is honoured under C.UTF-8 (not under plain C). */
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "C.UTF-8");

      g_assert_false (th_name_check ("Person 3", NULL, &error));
      g_assert_error (error, TH_NAME_ERROR, TH_NAME_ERROR_RESERVED);
      g_assert_cmpstr (error->message, ==,
                       "Namen wie „Person 3“ sind für Personen ohne Namen vorgesehen. Bitte "
                       "einen anderen wählen.");
      g_assert_true (th_name_is_reserved ("person  12"));
      g_assert_true (th_name_is_reserved ("Participant 12"));
      g_assert_false (th_name_is_reserved ("Personal 3"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_refused_words (void)
{
  static const char message[] = "This name is not allowed here. Choose another one.";
  const char *words[] = { "Bad", "big wolf", "  ", "--", NULL };
  const char *refused[] = {
    "bad",       "BAD guy",   "The bad one", "Bad-Man",       "Ｂａｄ", /* fullwidth */
    "b\u200Bad", /* a zero-width space inside the word */
    "bAd!",      "Big  Wolf", "a BIG wolf",  "big\u00A0wolf", NULL,
  };
  const char *accepted[] = {
    "Badger", "abad", "Baden", "big wolves", "wolf big", "b a d", "Big", "--", NULL,
  };

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      assert_refused (refused[i], words, TH_NAME_ERROR_REFUSED_WORD, message);
      g_assert_true (th_name_has_refused_word (refused[i], words));
      /* The message never repeats the word. */
      g_assert_false (th_name_check (refused[i], words, &error));
      g_assert_null (strstr (error->message, "bad"));
      g_assert_null (strstr (error->message, "Bad"));
    }
  for (guint i = 0; accepted[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!th_name_check (accepted[i], words, &error))
        g_error ("“%s” was refused: %s", accepted[i], error->message);
    }

  /* No list, or an empty one, refuses nothing. */
  {
    const char *none[] = { NULL };

    g_assert_true (th_name_check ("bad", NULL, NULL));
    g_assert_true (th_name_check ("bad", none, NULL));
  }
}

static void
test_key (void)
{
  const char *same_as_ana[]
    = { "Ana", "ANA", "ana", " ana ", "A\u200Bna", "Ａｎａ", "\uFEFFana", NULL };

  for (guint i = 0; same_as_ana[i] != NULL; i++)
    {
      g_autofree char *key = th_name_dup_key (same_as_ana[i]);

      g_assert_cmpstr (key, ==, "ana");
    }

  {
    g_autofree char *spaced = th_name_dup_key ("Ana \u00A0\u3000 Lee");
    g_autofree char *accented = th_name_dup_key ("Jose\u0301");
    g_autofree char *plain = th_name_dup_key ("Jose");
    g_autofree char *sharp = th_name_dup_key ("STRASSE");
    g_autofree char *eszett = th_name_dup_key ("Straße");

    g_assert_cmpstr (spaced, ==, "ana lee");
    g_assert_cmpstr (accented, ==, "josé");
    g_assert_cmpstr (accented, !=, plain);
    g_assert_cmpstr (sharp, ==, eszett);
  }
}

static gboolean
taken_in_table (const char *name, gpointer user_data)
{
  g_autofree char *key = th_name_dup_key (name);

  return g_hash_table_contains (user_data, key);
}

static gboolean
is_word_of (const char *word, const char *list)
{
  g_auto (GStrv) entries = g_strsplit (list, "|", -1);

  return g_strv_contains ((const char *const *)entries, word);
}

static void
test_generate (void)
{
  static const char adjectives[]
    = "Amber|Bold|Brave|Bright|Calm|Cheerful|Clever|Curious|Eager|Gentle|Golden|Happy|Jolly|Kind|"
      "Lively|Lucky|Mellow|Merry|Nimble|Orange|Patient|Playful|Quick|Quiet|Silver|Steady|Sunny|"
      "Swift|Thoughtful|Wise|Witty|Zesty";
  static const char animals[]
    = "Badger|Bear|Beaver|Crane|Dolphin|Eagle|Falcon|Fox|Gecko|Hare|Hedgehog|Heron|Koala|Lynx|"
      "Otter|Owl|Panda|Parrot|Penguin|Puffin|Rabbit|Raven|Robin|Seal|Sparrow|Squirrel|Swan|Tiger|"
      "Toucan|Turtle|Whale|Wolf";
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pairs = 32 * 32;
  guint n_numbered = 0;

  /* More names than there are pairs: all different, all within the rule,
   * an adjective and an animal, and a number only once most pairs are
   * taken (with half of them free, a random pair is free at once). */
  for (guint i = 0; i < n_pairs + 40; i++)
    {
      g_autofree char *name = th_name_generate (taken_in_table, taken);
      g_auto (GStrv) words = NULL;

      g_assert_nonnull (name);
      g_assert_true (th_name_check (name, NULL, NULL));
      g_assert_false (taken_in_table (name, taken));
      words = g_strsplit (name, " ", -1);
      g_assert_true (is_word_of (words[0], adjectives));
      g_assert_true (is_word_of (words[1], animals));
      if (words[2] != NULL)
        {
          g_assert_cmpuint (g_strv_length (words), ==, 3);
          g_assert_cmpuint (g_ascii_strtoull (words[2], NULL, 10), >=, 2);
          g_assert_cmpuint (i, >=, n_pairs / 2);
          n_numbered++;
        }
      g_hash_table_add (taken, th_name_dup_key (name));
    }

  g_assert_cmpuint (n_numbered, >=, 40);
  g_assert_cmpuint (g_hash_table_size (taken), ==, n_pairs + 40);

  /* Without a function that claims names, any pair will do. */
  {
    g_autofree char *name = th_name_generate (NULL, NULL);

    g_assert_true (th_name_check (name, NULL, NULL));
  }
}

static void
test_numbered (void)
{
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* 98 characters: "Ana 2" fits whole at 5, "… 2" would be 100. */
  g_autofree char *long_name = g_strnfill (98, 'x');
  g_autofree char *full_name = g_strnfill (100, 'y');
  g_autofree char *expected = NULL;

  g_hash_table_add (taken, th_name_dup_key ("Ana"));

  {
    g_autofree char *name = th_name_dup_numbered ("Ana", taken_in_table, taken);

    g_assert_cmpstr (name, ==, "Ana 2");
  }

  /* The next number once "Ana 2" is taken, whatever its case. */
  g_hash_table_add (taken, th_name_dup_key ("ANA 2"));
  {
    g_autofree char *name = th_name_dup_numbered ("Ana", taken_in_table, taken);

    g_assert_cmpstr (name, ==, "Ana 3");
  }

  /* Without a function that claims names, the first number. */
  {
    g_autofree char *name = th_name_dup_numbered ("Ben Li", NULL, NULL);

    g_assert_cmpstr (name, ==, "Ben Li 2");
  }

  /* A name of 98 characters keeps them all; one of 100 loses two for
   * " 2", and all of its characters count, not its bytes. */
  {
    g_autofree char *name = th_name_dup_numbered (long_name, NULL, NULL);

    expected = g_strconcat (long_name, " 2", NULL);
    g_assert_cmpstr (name, ==, expected);
    g_clear_pointer (&expected, g_free);
  }
  {
    g_autofree char *name = th_name_dup_numbered (full_name, NULL, NULL);

    g_assert_cmpuint (g_utf8_strlen (name, -1), ==, 100);
    g_assert_true (g_str_has_prefix (name, "yyyyyyyyyy"));
    g_assert_true (g_str_has_suffix (name, "yy 2"));
    g_assert_true (th_name_check (name, NULL, NULL));
  }
  {
    GString *umlauts = g_string_new (NULL);
    g_autofree char *name = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (umlauts, "ä");
    name = th_name_dup_numbered (umlauts->str, NULL, NULL);
    g_assert_cmpuint (g_utf8_strlen (name, -1), ==, 100);
    g_assert_cmpuint (strlen (name), ==, 98 * 2 + 2);
    g_assert_true (g_str_has_suffix (name, "ää 2"));
    g_string_free (umlauts, TRUE);
  }

  /* The cut leaves no space before the number's own. */
  {
    g_autofree char *head = g_strnfill (97, 'z');
    g_autofree char *spaced = g_strconcat (head, " ab", NULL);
    g_autofree char *name = th_name_dup_numbered (spaced, NULL, NULL);

    expected = g_strconcat (head, " 2", NULL);
    g_assert_cmpstr (name, ==, expected);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/name/accepted", test_accepted);
  g_test_add_func ("/name/refused", test_refused);
  g_test_add_func ("/name/reserved-translated", test_reserved_translated);
  g_test_add_func ("/name/refused-words", test_refused_words);
  g_test_add_func ("/name/key", test_key);
  g_test_add_func ("/name/generate", test_generate);
  g_test_add_func ("/name/numbered", test_numbered);

  return g_test_run ();
}
