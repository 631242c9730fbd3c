/* th-name.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-name.h"
#include "th-types.h"

G_DEFINE_QUARK (th - name - error - quark, th_name_error)

/* Characters that override or isolate the direction of text: a name
 * holding U+202E shows the rest of the line, the names after it in a list
 * included, backwards. */
static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Control characters, and the separators that break a line. */
static gboolean
is_control (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR
         || type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* Letters and symbols of Unicode that draw nothing at all: the Hangul
 * fillers, the blank Braille pattern, the null notehead of musical
 * notation (U+1D159, a notehead with no head, which fonts leave blank)
 * and the object replacement character (U+FFFC, which stands for an
 * object that is not there and most text shows as nothing).  Their
 * category says "letter" or "symbol", so they are named one by one. */
static gboolean
is_blank_lookalike (gunichar c)
{
  return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x1D159
         || c == 0xFFFC;
}

/* A character that shows on its own: a letter, a digit, a punctuation mark
 * or a symbol.  Spaces (U+00A0 among them), format characters (U+200B,
 * U+FEFF, U+00AD), combining marks on their own, private-use and
 * unassigned code points do not. */
static gboolean
is_visible (gunichar c)
{
  if (is_blank_lookalike (c))
    return FALSE;

  switch (g_unichar_type (c))
    {
      case G_UNICODE_LOWERCASE_LETTER:
      case G_UNICODE_MODIFIER_LETTER:
      case G_UNICODE_OTHER_LETTER:
      case G_UNICODE_TITLECASE_LETTER:
      case G_UNICODE_UPPERCASE_LETTER:
      case G_UNICODE_DECIMAL_NUMBER:
      case G_UNICODE_LETTER_NUMBER:
      case G_UNICODE_OTHER_NUMBER:
      case G_UNICODE_CONNECT_PUNCTUATION:
      case G_UNICODE_DASH_PUNCTUATION:
      case G_UNICODE_CLOSE_PUNCTUATION:
      case G_UNICODE_FINAL_PUNCTUATION:
      case G_UNICODE_INITIAL_PUNCTUATION:
      case G_UNICODE_OTHER_PUNCTUATION:
      case G_UNICODE_OPEN_PUNCTUATION:
      case G_UNICODE_CURRENCY_SYMBOL:
      case G_UNICODE_MODIFIER_SYMBOL:
      case G_UNICODE_MATH_SYMBOL:
      case G_UNICODE_OTHER_SYMBOL:
        return TRUE;
      default:
        return FALSE;
    }
}

/* Characters a reader cannot see, which a key leaves out so that they
 * cannot make one name look like two: format characters, the blank
 * look-alikes, Unicode's default-ignorable code points (variation
 * selectors, the Khmer and Mongolian ones among them, and the reserved
 * ranges that may become such), the Khitan filler, and code points that
 * draw no agreed glyph: unassigned ones, noncharacters and private use. */
static gboolean
is_invisible_format (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_FORMAT || type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE
         || is_blank_lookalike (c) || c == 0x034F || c == 0x061C || c == 0x17B4 || c == 0x17B5
         || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F)
         || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || c == 0x16FE4
         || (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

char *
th_name_dup_key (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  /* NFKC makes "Ａｎａ" and "Ana" one name; NULL is text that is not
   * UTF-8, which has no key but itself. */
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup (name);
  folded = g_utf8_casefold (normal, -1);

  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_invisible_format (c))
        continue;
      if (is_space (c))
        {
          space = TRUE;
          continue;
        }
      if (space && key->len > 0)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* The words of @text's key, each with one space before and after it:
 * " big bad wolf ".  A word is a run of letters and digits (with their
 * combining marks); anything else parts words. */
static char *
dup_words (const char *text)
{
  g_autofree char *key = th_name_dup_key (text);
  GString *words = g_string_new (" ");
  gboolean in_word = FALSE;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      gboolean word_char = g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK
                           || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;

      if (word_char)
        {
          g_string_append_unichar (words, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append_c (words, ' ');
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append_c (words, ' ');

  return g_string_free (words, FALSE);
}

gboolean
th_name_has_refused_word (const char *name, const char *const *refused_words)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (refused_words == NULL || refused_words[0] == NULL)
    return FALSE;

  words = dup_words (name);
  for (guint i = 0; refused_words[i] != NULL; i++)
    {
      g_autofree char *refused = dup_words (refused_words[i]);

      /* An entry of no word at all (only spaces or signs) refuses nothing. */
      if (strcmp (refused, " ") == 0)
        continue;
      if (strstr (words, refused) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Whether @key, a name's key, is the key of @format with a number in
 * place of its "%u": "participant 3" for "Participant %u", whatever the
 * case, the width of the digits or the spaces around the number. */
static gboolean
key_is_numbered_label (const char *key, const char *format)
{
  const char *slot = strstr (format, "%u");
  g_autofree char *prefix = NULL;
  g_autofree char *prefix_key = NULL;
  g_autofree char *suffix_key = NULL;
  const char *p = key;
  gboolean digits = FALSE;

  if (slot == NULL)
    return FALSE;

  prefix = g_strndup (format, (gsize)(slot - format));
  prefix_key = th_name_dup_key (prefix);
  suffix_key = th_name_dup_key (slot + 2);

  if (!g_str_has_prefix (p, prefix_key))
    return FALSE;
  p += strlen (prefix_key);
  if (*p == ' ' && prefix_key[0] != '\0')
    p++;
  for (; *p != '\0' && g_unichar_isdigit (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    digits = TRUE;
  if (*p == ' ' && suffix_key[0] != '\0')
    p++;

  return digits && strcmp (p, suffix_key) == 0;
}

gboolean
th_name_is_reserved (const char *name)
{
  /* The label of someone without a name, as the app and the room write
   * it (th_participant_dup_numbered_name()): in the language the app runs
   * in ("Person 3" in German), and in English, the protocol's own word
   * and what the files and exports of a computer in English say. */
  const char *formats[] = {
    "Participant %u",
    g_dgettext (GETTEXT_PACKAGE, "Participant %u"),
  };
  g_autofree char *key = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  key = th_name_dup_key (name);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (key_is_numbered_label (key, formats[i]))
      return TRUE;

  return FALSE;
}

gboolean
th_name_check (const char *name, const char *const *refused_words, GError **error)
{
  guint n_chars = 0;
  gboolean control = FALSE, direction = FALSE, visible = FALSE;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name[0] == '\0')
    {
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_EMPTY, _ ("Enter a name."));
      return FALSE;
    }

  /* Bytes that are not UTF-8 are not text: no rule of text applies. */
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_CONTROL,
                           _ ("A name cannot contain control characters or line breaks."));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n_chars++;
      control |= is_control (c);
      direction |= is_direction_control (c);
      visible |= is_visible (c);
    }

  if (n_chars > TH_MAX_NAME_CHARS)
    {
      g_set_error (error, TH_NAME_ERROR, TH_NAME_ERROR_TOO_LONG,
                   _ ("A name has at most %d characters."), TH_MAX_NAME_CHARS);
      return FALSE;
    }
  if (control)
    {
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_CONTROL,
                           _ ("A name cannot contain control characters or line breaks."));
      return FALSE;
    }
  if (direction)
    {
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_DIRECTION,
                           _ ("A name cannot contain characters that reverse or isolate the "
                              "direction of text (U+202A to U+202E, U+2066 to U+2069)."));
      return FALSE;
    }
  if (!visible)
    {
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_INVISIBLE,
                           _ ("A name needs at least one letter, digit or sign that shows; this "
                              "one has only spaces or invisible characters."));
      return FALSE;
    }
  if (th_name_is_reserved (name))
    {
      /* Anonymous people are told apart by their number alone: a name
       * that looks like one would pass for them on the chart and in the
       * files. */
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_RESERVED,
                           _ ("Names like “Participant 3” are kept for people who have no "
                              "name. Choose another one."));
      return FALSE;
    }
  if (th_name_has_refused_word (name, refused_words))
    {
      /* The word is not repeated: the message may be on a projector. */
      g_set_error_literal (error, TH_NAME_ERROR, TH_NAME_ERROR_REFUSED_WORD,
                           _ ("This name is not allowed here. Choose another one."));
      return FALSE;
    }

  return TRUE;
}

/* Generated names */

/* The lists of words generated names are made of. */
static const char adjective_words[]
  /* Translators: adjectives for generated participant names ("Orange
   * Owl"), separated by |.  Translate freely: the list may be longer or
   * shorter, and need not match the English one.  Every adjective must
   * fit every animal of the next list (in German, masculine forms with
   * masculine animals). */
  = N_ ("Amber|Bold|Brave|Bright|Calm|Cheerful|Clever|Curious|Eager|Gentle|Golden|Happy|Jolly|"
        "Kind|Lively|Lucky|Mellow|Merry|Nimble|Orange|Patient|Playful|Quick|Quiet|Silver|Steady|"
        "Sunny|Swift|Thoughtful|Wise|Witty|Zesty");
static const char animal_words[]
  /* Translators: animals for generated participant names, separated by
   * |; see the list of adjectives. */
  = N_ ("Badger|Bear|Beaver|Crane|Dolphin|Eagle|Falcon|Fox|Gecko|Hare|Hedgehog|Heron|Koala|Lynx|"
        "Otter|Owl|Panda|Parrot|Penguin|Puffin|Rabbit|Raven|Robin|Seal|Sparrow|Squirrel|Swan|"
        "Tiger|Toucan|Turtle|Whale|Wolf");

/* The non-empty entries of a list separated by "|", or of @fallback when
 * @list has none. */
static GPtrArray *
split_list (const char *list, const char *fallback)
{
  g_auto (GStrv) parts = g_strsplit (list, "|", -1);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *entry = g_strstrip (parts[i]);

      if (*entry != '\0' && th_name_check (entry, NULL, NULL))
        g_ptr_array_add (entries, g_strdup (entry));
    }

  if (entries->len == 0 && fallback != NULL)
    {
      g_ptr_array_unref (entries);
      return split_list (fallback, NULL);
    }

  return entries;
}

static char *
compose (GPtrArray *adjectives, GPtrArray *animals, guint number)
{
  const char *adjective = adjectives->pdata[g_random_int_range (0, (gint32)adjectives->len)];
  const char *animal = animals->pdata[g_random_int_range (0, (gint32)animals->len)];
  g_autofree char *pair = NULL;

  /* Translators: a generated participant name: %1$s is an adjective of
   * the first list, %2$s an animal of the second ("Orange Owl"). */
  pair = g_strdup_printf (_ ("%1$s %2$s"), adjective, animal);
  if (number < 2)
    return g_steal_pointer (&pair);

  /* Translators: a generated name once every pair is in use: "Orange Owl
   * 2". */
  return g_strdup_printf (_ ("%s %u"), pair, number);
}

char *
th_name_generate (ThNameTakenFunc taken, gpointer user_data)
{
  /* The English lists stand in for a translation whose lists are empty. */
  g_autoptr (GPtrArray) adjective_list = split_list (_ (adjective_words), adjective_words);
  g_autoptr (GPtrArray) animal_list = split_list (_ (animal_words), animal_words);
  guint n_pairs = adjective_list->len * animal_list->len;

  /* Random pairs while few are taken; then numbers.  A room never holds
   * more than a session's participants, so numbers beyond that mean that
   * no name can be made (a translation whose pairs are all too long). */
  for (guint number = 1; number <= TH_MAX_PARTICIPANTS + 1; number++)
    {
      guint attempts = number == 1 ? MAX (64, 2 * n_pairs) : 64;

      for (guint i = 0; i < attempts; i++)
        {
          g_autofree char *name = compose (adjective_list, animal_list, number);

          if (th_name_check (name, NULL, NULL) && (taken == NULL || !taken (name, user_data)))
            return g_steal_pointer (&name);
        }
    }

  return NULL;
}

char *
th_name_dup_numbered (const char *name, ThNameTakenFunc taken, gpointer user_data)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (name, -1, NULL), NULL);

  /* A session holds at most TH_MAX_PARTICIPANTS people, so one number of
   * those is free whatever else the name is like. */
  for (guint number = 2; number <= TH_MAX_PARTICIPANTS + 1; number++)
    {
      g_autofree char *suffix = g_strdup_printf (" %u", number);
      glong room = TH_MAX_NAME_CHARS - (glong)strlen (suffix);
      g_autofree char *base = NULL;
      g_autofree char *numbered = NULL;

      /* The number is what tells the two apart, so it is the name's end
       * that gives way. */
      if (g_utf8_strlen (name, -1) > room)
        base = g_strchomp (g_utf8_substring (name, 0, room));
      else
        base = g_strdup (name);
      numbered = g_strconcat (base, suffix, NULL);

      if (th_name_check (numbered, NULL, NULL) && (taken == NULL || !taken (numbered, user_data)))
        return g_steal_pointer (&numbered);
    }

  return NULL;
}
