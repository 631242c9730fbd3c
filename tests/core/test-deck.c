/* test-deck.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "th-deck.h"
#include "th-error.h"
#include "th-test-utils.h"

static char *
node_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static ThDeck *
load_fixture (const char *name)
{
  g_autoptr (GFile) file = th_test_fixture_file (name);
  g_autoptr (GError) error = NULL;
  ThDeck *deck = th_deck_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_true (TH_IS_DECK (deck));
  return deck;
}

/* The content of the built-in deck: every section of the article covered. */
static void
test_builtin (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  GListModel *sections = th_deck_get_sections (deck);
  GListModel *concepts = th_deck_get_concepts (deck);
  GListModel *behaviours = th_deck_get_behaviours (deck);
  guint per_key[2] = { 0, 0 };
  guint per_key_contrast[2][4] = { { 0 } };
  guint n_contrast_cards = 0;

  g_assert_cmpstr (th_deck_get_id (deck), ==, "leadership-management");
  g_assert_nonnull (th_deck_get_title (deck));
  g_assert_nonnull (th_deck_get_source_title (deck));
  g_assert_cmpuint (g_list_model_get_item_type (behaviours), ==, TH_TYPE_BEHAVIOUR);

  g_assert_cmpuint (g_list_model_get_n_items (concepts), >=, 20);
  g_assert_cmpuint (g_list_model_get_n_items (behaviours), ==, 24);
  g_assert_cmpuint (th_deck_get_n_behaviours (deck), ==, 24);

  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr (ThBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      ThSide key = th_behaviour_get_key (behaviour);
      ThContrast contrast = th_behaviour_get_contrast (behaviour);

      g_assert_true (key == TH_SIDE_LEADERSHIP || key == TH_SIDE_MANAGEMENT);
      g_assert_cmpint (contrast, !=, TH_CONTRAST_NONE);
      /* Every behaviour card has a "why". */
      g_assert_nonnull (th_behaviour_get_why (behaviour));
      g_assert_cmpstr (th_behaviour_get_text (behaviour), !=, "");
      g_assert_true (th_deck_get_behaviour (deck, i) == behaviour);
      g_assert_cmpint (th_deck_get_behaviour_index (deck, th_behaviour_get_id (behaviour)), ==,
                       (int)i);

      per_key[key]++;
      per_key_contrast[key][contrast]++;
    }

  g_assert_cmpuint (per_key[TH_SIDE_LEADERSHIP], ==, 12);
  g_assert_cmpuint (per_key[TH_SIDE_MANAGEMENT], ==, 12);
  for (ThContrast c = TH_CONTRAST_VISION_EXECUTION; c <= TH_CONTRAST_RISK; c++)
    {
      g_assert_cmpuint (per_key_contrast[TH_SIDE_LEADERSHIP][c], >=, 4);
      g_assert_cmpuint (per_key_contrast[TH_SIDE_MANAGEMENT][c], >=, 4);
    }

  /* Every concept names a section that exists... */
  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, i);

      g_assert_nonnull (th_deck_lookup_section (deck, th_concept_get_section_id (concept)));
      g_assert_true (th_deck_lookup_concept (deck, th_concept_get_id (concept)) == concept);
      g_assert_nonnull (th_concept_get_summary (concept));
      g_assert_nonnull (th_concept_get_detail (concept));
      g_assert_nonnull (th_concept_get_example (concept));
      g_assert_nonnull (th_concept_get_question (concept));

      if (th_concept_is_contrast (concept))
        {
          n_contrast_cards++;
          g_assert_cmpint (th_concept_get_side (concept), ==, TH_SIDE_BOTH);
          g_assert_nonnull (th_concept_get_leadership_side (concept));
          g_assert_nonnull (th_concept_get_management_side (concept));
        }
    }
  g_assert_cmpuint (n_contrast_cards, ==, 3);

  /* ...and every section has a concept. */
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr (ThSection) section = g_list_model_get_item (sections, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (concepts) && !found; j++)
        {
          g_autoptr (ThConcept) concept = g_list_model_get_item (concepts, j);

          found = g_strcmp0 (th_concept_get_section_id (concept), th_section_get_id (section)) == 0;
        }

      if (!found)
        g_error ("section %s has no concept card", th_section_get_id (section));
    }
}

/* The built-in deck written out is the resource's content, untranslated,
 * and loads back the same. */
static void
test_builtin_round_trip (void)
{
  g_autoptr (ThDeck) deck = th_deck_new_builtin ();
  g_autoptr (JsonNode) node = th_deck_to_json (deck, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) again = th_deck_new_from_json (node, NULL, &error);
  g_autoptr (JsonNode) node_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  node_again = th_deck_to_json (again, TRUE);
  text = node_to_string (node);
  text_again = node_to_string (node_again);
  g_assert_cmpstr (text, ==, text_again);

  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_concepts (again)), ==,
                    g_list_model_get_n_items (th_deck_get_concepts (deck)));
  g_assert_true (th_deck_is_compatible (deck, again));
}

static void
write_catalogue (const char *dir, const char *title, const char *behaviour_text)
{
  g_autofree char *po_path = g_build_filename (dir, "de.po", NULL);
  g_autofree char *mo_dir = g_build_filename (dir, "de", "LC_MESSAGES", NULL);
  g_autofree char *mo_path = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *po = g_strdup_printf ("msgid \"\"\nmsgstr \"\"\n"
                                         "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                         "msgid \"%s\"\nmsgstr \"Führung und Management\"\n\n"
                                         "msgid \"%s\"\nmsgstr \"Erklärt dem Team das Warum.\"\n",
                                         title, behaviour_text);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr (GError) error = NULL;
  int wait_status = -1;

  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0755), ==, 0);
  g_file_set_contents (po_path, po, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait_status, ==, 0);
}

/* The built-in deck shows translations when there are some, and still
 * writes its source strings to files. */
static void
test_builtin_translated (void)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autofree char *dir = th_test_make_dir ();
      g_autoptr (ThDeck) source = th_deck_new_builtin ();
      g_autofree char *title = g_strdup (th_deck_get_title (source));
      g_autofree char *text = g_strdup (th_behaviour_get_text (th_deck_get_behaviour (source, 0)));
      g_autoptr (ThDeck) deck = NULL;
      g_autoptr (JsonNode) node = NULL;
      JsonObject *behaviour;

      write_catalogue (dir, title, text);
      bindtextdomain (GETTEXT_PACKAGE, dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      /* LANGUAGE is honoured under C.UTF-8 (not under plain C). */
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "C.UTF-8");

      deck = th_deck_new_builtin ();
      g_assert_cmpstr (th_deck_get_title (deck), ==, "Führung und Management");
      g_assert_cmpstr (th_behaviour_get_text (th_deck_get_behaviour (deck, 0)), ==,
                       "Erklärt dem Team das Warum.");
      /* Untranslated strings stay as they are. */
      g_assert_cmpstr (th_behaviour_get_text (th_deck_get_behaviour (deck, 1)), ==,
                       th_behaviour_get_text (th_deck_get_behaviour (source, 1)));

      node = th_deck_to_json (deck, TRUE);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==,
                       title);
      behaviour = json_array_get_object_element (
        json_object_get_array_member (json_node_get_object (node), "behaviours"), 0);
      g_assert_cmpstr (json_object_get_string_member (behaviour, "text"), ==, text);

      th_test_remove_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_valid_full (void)
{
  g_autoptr (ThDeck) deck = load_fixture ("deck-valid-full.json");
  ThConcept *contrast = th_deck_lookup_concept (deck, "vision-vs-execution");
  ThConcept *plain = th_deck_lookup_concept (deck, "what-is-leadership");
  ThBehaviour *behaviour = th_deck_lookup_behaviour (deck, "coach-a-colleague");
  ThSection *section = th_deck_lookup_section (deck, "differences");

  g_assert_cmpstr (th_deck_get_id (deck), ==, "mini-deck");
  g_assert_cmpstr (th_deck_get_title (deck), ==, "Mini deck");
  g_assert_cmpstr (th_deck_get_language (deck), ==, "en");
  g_assert_cmpstr (th_deck_get_source_title (deck), ==, "A short article about two hats");
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_sections (deck)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_concepts (deck)), ==, 2);
  g_assert_cmpuint (th_deck_get_n_behaviours (deck), ==, 4);

  g_assert_nonnull (section);
  g_assert_cmpstr (th_section_get_title (section), ==, "Where they differ");

  g_assert_nonnull (contrast);
  g_assert_true (th_concept_is_contrast (contrast));
  g_assert_cmpint (th_concept_get_side (contrast), ==, TH_SIDE_BOTH);
  g_assert_cmpstr (th_concept_get_leadership_side (contrast), ==, "Sets the direction.");
  g_assert_cmpstr (th_concept_get_management_side (contrast), ==, "Maps the steps.");
  g_assert_null (th_concept_get_example (contrast));
  g_assert_null (th_concept_get_question (contrast));

  g_assert_nonnull (plain);
  g_assert_false (th_concept_is_contrast (plain));
  g_assert_cmpint (th_concept_get_side (plain), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (th_concept_get_section_id (plain), ==, "basics");
  g_assert_cmpstr (th_concept_get_question (plain), ==, "Who made you care about a goal?");
  g_assert_null (th_concept_get_leadership_side (plain));

  g_assert_nonnull (behaviour);
  g_assert_cmpint (th_behaviour_get_key (behaviour), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpint (th_behaviour_get_contrast (behaviour), ==, TH_CONTRAST_PEOPLE_PROCESS);
  g_assert_null (th_behaviour_get_why (behaviour));
  g_assert_cmpint (th_deck_get_behaviour_index (deck, "coach-a-colleague"), ==, 2);
  g_assert_cmpint (th_deck_get_behaviour_index (deck, "no-such-card"), ==, -1);
  g_assert_null (th_deck_lookup_behaviour (deck, "no-such-card"));
  g_assert_null (th_deck_lookup_concept (deck, "basics"));
}

static void
test_valid_minimal (void)
{
  g_autoptr (ThDeck) deck = load_fixture ("deck-valid-minimal.json");
  ThBehaviour *behaviour = th_deck_get_behaviour (deck, 0);

  g_assert_null (th_deck_get_language (deck));
  g_assert_null (th_deck_get_source_title (deck));
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_sections (deck)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (th_deck_get_concepts (deck)), ==, 0);
  g_assert_cmpint (th_behaviour_get_contrast (behaviour), ==, TH_CONTRAST_NONE);
}

/* Unknown members are dropped, everything else survives a write and a
 * read unchanged. */
static void
test_round_trip (void)
{
  g_autoptr (ThDeck) deck = load_fixture ("deck-valid-full.json");
  g_autoptr (JsonNode) node = th_deck_to_json (deck, TRUE);
  g_autofree char *text = node_to_string (node);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) again = th_deck_new_from_data (text, strlen (text), &error);
  g_autoptr (JsonNode) node_again = NULL;
  g_autofree char *text_again = NULL;
  JsonObject *object = json_node_get_object (node);

  g_assert_no_error (error);
  node_again = th_deck_to_json (again, TRUE);
  text_again = node_to_string (node_again);
  g_assert_cmpstr (text, ==, text_again);

  g_assert_false (json_object_has_member (object, "future-member"));
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "two-hats-deck");
  g_assert_cmpstr (
    json_object_get_string_member (json_object_get_object_member (object, "source"), "title"), ==,
    "A short article about two hats");
}

static void
test_to_json_without_concepts (void)
{
  g_autoptr (ThDeck) deck = load_fixture ("deck-valid-full.json");
  g_autoptr (JsonNode) node = th_deck_to_json (deck, FALSE);
  JsonObject *object = json_node_get_object (node);

  g_assert_false (json_object_has_member (object, "concepts"));
  g_assert_false (json_object_has_member (object, "sections"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "behaviours")), ==,
                    4);
}

static char *
make_deck_text (guint n_behaviours, const char *title)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          "{\"format\": \"two-hats-deck\", \"version\": 1, \"id\": \"big\", "
                          "\"title\": \"%s\", \"behaviours\": [",
                          title);
  for (guint i = 0; i < n_behaviours; i++)
    g_string_append_printf (text,
                            "%s{\"id\": \"b%u\", \"text\": \"Does thing %u.\", \"key\": \"%s\"}",
                            i > 0 ? ", " : "", i, i, i % 2 ? "management" : "leadership");
  g_string_append (text, "]}");

  return g_string_free (text, FALSE);
}

static void
test_limit_behaviours (void)
{
  g_autofree char *at_limit = make_deck_text (1000, "At the limit");
  g_autofree char *past_limit = make_deck_text (1001, "Past the limit");
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_from_data (at_limit, strlen (at_limit), &error);
  g_autoptr (ThDeck) refused = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (th_deck_get_n_behaviours (deck), ==, 1000);

  refused = th_deck_new_from_data (past_limit, strlen (past_limit), &error);
  g_assert_null (refused);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "behaviours: "));
  g_assert_nonnull (strstr (error->message, "1001"));
  g_assert_nonnull (strstr (error->message, "1000"));
}

static void
test_limit_string (void)
{
  GString *title = g_string_new (NULL);
  g_autofree char *at_limit = NULL;
  g_autofree char *past_limit = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = NULL;
  g_autoptr (ThDeck) refused = NULL;

  /* Characters, not bytes: 4 000 two-byte characters are fine. */
  for (guint i = 0; i < 4000; i++)
    g_string_append (title, "é");
  at_limit = make_deck_text (2, title->str);
  g_string_append (title, "x");
  past_limit = make_deck_text (2, title->str);
  g_string_free (title, TRUE);

  deck = th_deck_new_from_data (at_limit, strlen (at_limit), &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (th_deck_get_title (deck), -1), ==, 4000);

  refused = th_deck_new_from_data (past_limit, strlen (past_limit), &error);
  g_assert_null (refused);
  g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "title: 4001 characters"));
}

/* json-glib's parser recurses per level: 200 000 levels would crash it.
 * The pre-scan must refuse them first, for arrays, objects and a mix. */
static void
test_deep_nesting (void)
{
  const char *openers[] = { "[", "{\"a\":", "[{\"a\":" };

  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    {
      GString *text = g_string_new ("{\"format\": \"two-hats-deck\", \"future\": ");
      g_autoptr (GError) error = NULL;
      g_autoptr (ThDeck) deck = NULL;

      for (guint i = 0; i < 200000; i++)
        g_string_append (text, openers[k]);

      deck = th_deck_new_from_data (text->str, text->len, &error);
      g_assert_null (deck);
      g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "nested more than 64 levels deep"));
      g_assert_true (g_str_has_prefix (error->message, "line 1, column "));
      g_string_free (text, TRUE);
    }
}

/* 64 levels are allowed, 65 are not; brackets inside strings do not count. */
static void
test_nesting_boundary (void)
{
  for (guint depth = 63; depth <= 64; depth++)
    {
      GString *text = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ThDeck) deck = NULL;

      /* The root object is the first level. */
      g_string_append (text, "{\"format\": \"two-hats-deck\", \"version\": 1, \"id\": \"d\", "
                             "\"title\": \"[[[[{{{{ \\\" [[[[\", \"behaviours\": [{\"id\": \"b\", "
                             "\"text\": \"t\", \"key\": \"leadership\"}], \"future\": ");
      for (guint i = 1; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 1; i < depth; i++)
        g_string_append_c (text, ']');
      g_string_append (text, "}");

      deck = th_deck_new_from_data (text->str, text->len, &error);
      if (depth <= 64)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (th_deck_get_title (deck), ==, "[[[[{{{{ \" [[[[");
        }
      g_string_free (text, TRUE);
    }

  {
    GString *text = g_string_new ("{\"future\": ");
    g_autoptr (GError) error = NULL;
    g_autoptr (ThDeck) deck = NULL;

    for (guint i = 1; i < 65; i++)
      g_string_append_c (text, '[');
    deck = th_deck_new_from_data (text->str, text->len, &error);
    g_assert_error (error, TH_ERROR, TH_ERROR_TOO_LARGE);
    g_string_free (text, TRUE);
  }
}

/* A file cut off anywhere is a clean parse error, never a crash or a
 * half-loaded deck. */
static void
test_truncated_everywhere (void)
{
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("deck-valid-full.json");
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* The last byte is the final newline; without it the text is complete. */
  for (gsize cut = 0; cut + 1 < length; cut++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ThDeck) deck = th_deck_new_from_data (data, cut, &error);

      g_assert_null (deck);
      g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
    }
}

/* Damage a byte at a time: loading fails with one of our errors or (for
 * harmless damage) succeeds, and never crashes. */
static void
test_damaged_bytes (void)
{
  g_autoptr (GBytes) bytes = th_test_fixture_bytes ("deck-valid-full.json");
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  static const char replacements[] = "\"[]{}:,\\x0 \n\xff\xc3";

  for (gsize i = 0; i < length; i++)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr (GError) error = NULL;
      g_autoptr (ThDeck) deck = NULL;

      copy[i] = replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];
      deck = th_deck_new_from_data (copy, length, &error);
      if (deck == NULL)
        g_assert_true (error != NULL && error->domain == TH_ERROR);
    }
}

static void
test_encoding (void)
{
  static const char bom_deck[] = "\xEF\xBB\xBF{\"format\": \"two-hats-deck\", \"version\": 1, "
                                 "\"id\": \"d\", \"title\": \"T\", \"behaviours\": [{\"id\": "
                                 "\"b\", \"text\": \"t\", \"key\": \"management\"}]}";
  static const char bad_utf8[] = "{\n  \"title\": \"ab\xC3\x28\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_from_data (bom_deck, strlen (bom_deck), &error);
  g_autoptr (ThDeck) refused = NULL;

  /* A byte order mark from a Windows editor is fine. */
  g_assert_no_error (error);
  g_assert_nonnull (deck);

  refused = th_deck_new_from_data (bad_utf8, strlen (bad_utf8), &error);
  g_assert_null (refused);
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "line 2, column 15: the file is not valid UTF-8 (at byte 16)");
}

/* json-glib quotes the token it did not expect, which from a hostile file
 * could carry terminal escape sequences; the message says in plain words
 * what is wrong and quotes nothing of the file. */
static void
test_parse_error_is_printable (void)
{
  static const char text[] = "{\"a\": \"\x1b[2J\x07 gotcha\" 1}";
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_from_data (text, strlen (text), &error);

  g_assert_null (deck);
  g_assert_error (error, TH_ERROR, TH_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 1, column 20: this is not valid JSON");
}

static void
test_compatible (void)
{
  g_autoptr (ThDeck) full = load_fixture ("deck-valid-full.json");
  g_autoptr (ThDeck) minimal = load_fixture ("deck-valid-minimal.json");
  g_autoptr (ThDeck) builtin = th_deck_new_builtin ();
  g_autoptr (JsonNode) node = th_deck_to_json (full, FALSE);
  g_autoptr (ThDeck) same = NULL;
  g_autoptr (ThDeck) rekeyed = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *behaviour;

  g_assert_true (th_deck_is_compatible (full, full));
  g_assert_true (th_deck_is_compatible (builtin, builtin));
  g_assert_false (th_deck_is_compatible (full, minimal));
  g_assert_false (th_deck_is_compatible (minimal, full));
  g_assert_false (th_deck_is_compatible (full, builtin));

  /* Concepts do not matter, only behaviour ids and keys. */
  same = th_deck_new_from_json (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (th_deck_check_compatible (full, same, &error));
  g_assert_no_error (error);

  behaviour = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (node), "behaviours"), 1);
  json_object_set_string_member (behaviour, "key", "leadership");
  rekeyed = th_deck_new_from_json (node, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (th_deck_check_compatible (full, rekeyed, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "weekly-milestones"));
  g_clear_error (&error);

  g_assert_false (th_deck_check_compatible (minimal, full, &error));
  g_assert_error (error, TH_ERROR, TH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "weekly-milestones"));
}

/* A deck inside a session names its full path in messages. */
static void
test_path_prefix (void)
{
  g_autoptr (JsonNode) node = json_from_string (
    "{\"format\": \"two-hats-deck\", \"version\": 1, \"id\": \"d\", \"title\": \"T\", "
    "\"behaviours\": [{\"id\": \"a\", \"text\": \"t\", \"key\": \"leadership\"}, "
    "{\"id\": \"b\", \"text\": \"t\", \"key\": \"management\"}, {\"id\": \"C!\", \"text\": \"t\", "
    "\"key\": \"management\"}]}",
    NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_from_json (node, "deck", &error);

  g_assert_null (deck);
  g_assert_error (error, TH_ERROR, TH_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "deck.behaviours[2].id: “C!”"));
}

static void
test_missing_file (void)
{
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/deck.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (ThDeck) deck = th_deck_new_from_file (file, &error);

  g_assert_null (deck);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No such file or directory");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck/builtin", test_builtin);
  g_test_add_func ("/deck/builtin-round-trip", test_builtin_round_trip);
  g_test_add_func ("/deck/builtin-translated", test_builtin_translated);
  g_test_add_func ("/deck/valid-full", test_valid_full);
  g_test_add_func ("/deck/valid-minimal", test_valid_minimal);
  g_test_add_func ("/deck/round-trip", test_round_trip);
  g_test_add_func ("/deck/to-json-without-concepts", test_to_json_without_concepts);
  g_test_add_func ("/deck/limit/behaviours", test_limit_behaviours);
  g_test_add_func ("/deck/limit/string", test_limit_string);
  g_test_add_func ("/deck/limit/deep-nesting", test_deep_nesting);
  g_test_add_func ("/deck/limit/nesting-boundary", test_nesting_boundary);
  g_test_add_func ("/deck/bad/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/deck/bad/damaged-bytes", test_damaged_bytes);
  g_test_add_func ("/deck/encoding", test_encoding);
  g_test_add_func ("/deck/parse-error-is-printable", test_parse_error_is_printable);
  g_test_add_func ("/deck/compatible", test_compatible);
  g_test_add_func ("/deck/path-prefix", test_path_prefix);
  g_test_add_func ("/deck/missing-file", test_missing_file);

  return g_test_run ();
}
