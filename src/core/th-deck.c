/* th-deck.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-core-resources.h"
#include "th-deck-private.h"
#include "th-property.h"

#define BUILTIN_DECK_PATH "/io/github/twohats/TwoHats/decks/leadership-management.json"

/* One of the deck's lists: the objects in file order (a GListModel for
 * views) and their ids, for lookups and to refuse duplicates. */
typedef struct
{
  GListStore *store;
  GPtrArray *items;
  GHashTable *positions; /* id (owned by the item) → position + 1 */
} DeckList;

struct _ThDeck
{
  GObject parent_instance;

  char *id;
  char *title;        /* as in the file */
  char *language;     /* may be NULL */
  char *source_title; /* as in the file; may be NULL */
  const char *display_title;
  const char *display_source_title;

  DeckList sections;
  DeckList concepts;
  DeckList behaviours;
};

G_DEFINE_FINAL_TYPE (ThDeck, th_deck, G_TYPE_OBJECT)

typedef gpointer (*EntryParser) (JsonNode *node, const ThJsonPath *path, gboolean translate,
                                 GError **error);
typedef const char *(*EntryGetId) (gpointer item);
typedef void (*EntryBuilder) (gpointer item, JsonBuilder *builder);

/* Typed adapters, so that load_list() and build_list() serve all three
 * lists without casting function pointers. */
static gpointer
parse_section (JsonNode *node, const ThJsonPath *path, gboolean translate, GError **error)
{
  return th_section_new_from_json (node, path, translate, error);
}

static gpointer
parse_concept (JsonNode *node, const ThJsonPath *path, gboolean translate, GError **error)
{
  return th_concept_new_from_json (node, path, translate, error);
}

static gpointer
parse_behaviour (JsonNode *node, const ThJsonPath *path, gboolean translate, GError **error)
{
  return th_behaviour_new_from_json (node, path, translate, error);
}

static const char *
get_section_id (gpointer item)
{
  return th_section_get_id (item);
}

static const char *
get_concept_id (gpointer item)
{
  return th_concept_get_id (item);
}

static const char *
get_behaviour_id (gpointer item)
{
  return th_behaviour_get_id (item);
}

static void
build_section (gpointer item, JsonBuilder *builder)
{
  th_section_build_json (item, builder);
}

static void
build_concept (gpointer item, JsonBuilder *builder)
{
  th_concept_build_json (item, builder);
}

static void
build_behaviour (gpointer item, JsonBuilder *builder)
{
  th_behaviour_build_json (item, builder);
}

static void
deck_list_init (DeckList *list, GType type)
{
  list->store = g_list_store_new (type);
  list->items = g_ptr_array_new_with_free_func (g_object_unref);
  list->positions = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
deck_list_clear (DeckList *list)
{
  g_clear_pointer (&list->positions, g_hash_table_unref);
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_clear_object (&list->store);
}

static gpointer
deck_list_lookup (DeckList *list, const char *id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (list->positions, id));

  return position > 0 ? g_ptr_array_index (list->items, position - 1) : NULL;
}

static void
th_deck_finalize (GObject *object)
{
  ThDeck *self = TH_DECK (object);

  deck_list_clear (&self->sections);
  deck_list_clear (&self->concepts);
  deck_list_clear (&self->behaviours);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->source_title, g_free);

  G_OBJECT_CLASS (th_deck_parent_class)->finalize (object);
}

static void
th_deck_class_init (ThDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_deck_finalize;
}

static void
th_deck_init (ThDeck *self)
{
  deck_list_init (&self->sections, TH_TYPE_SECTION);
  deck_list_init (&self->concepts, TH_TYPE_CONCEPT);
  deck_list_init (&self->behaviours, TH_TYPE_BEHAVIOUR);
}

/* Reads one of the deck's arrays.  @max_items of 0 means no limit. */
static gboolean
load_list (DeckList *list, JsonObject *object, const ThJsonPath *parent, const char *member,
           gboolean required, guint max_items, EntryParser parse, EntryGetId get_id,
           gboolean translate, GError **error)
{
  ThJsonPath path = TH_JSON_PATH_MEMBER (parent, member);
  JsonArray *array;
  guint n_items;

  if (!th_json_get_array_member (object, parent, member, required, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n_items = json_array_get_length (array);
  if (max_items > 0 && n_items > max_items)
    {
      th_json_set_error (error, TH_ERROR_TOO_LARGE, &path,
                         _ ("%u entries, more than the limit of %u"), n_items, max_items);
      return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      ThJsonPath item_path = TH_JSON_PATH_INDEX (&path, i);
      g_autoptr (GObject) item = NULL;
      const char *id;
      guint earlier;

      item = parse (json_array_get_element (array, i), &item_path, translate, error);
      if (item == NULL)
        return FALSE;

      id = get_id (item);
      earlier = GPOINTER_TO_UINT (g_hash_table_lookup (list->positions, id));
      if (earlier > 0)
        {
          ThJsonPath id_path = TH_JSON_PATH_MEMBER (&item_path, "id");
          g_autofree char *quoted = th_json_quote (id);

          th_json_set_error (error, TH_ERROR_INVALID, &id_path,
                             _ ("%s is already the id of %s[%u]"), quoted, member, earlier - 1);
          return FALSE;
        }

      g_hash_table_insert (list->positions, (gpointer)id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (list->items, g_object_ref (item));
    }

  g_list_store_splice (list->store, 0, 0, list->items->pdata, list->items->len);

  return TRUE;
}

static ThDeck *
deck_new_from_json (JsonNode *node, const char *path_prefix, gboolean translate, GError **error)
{
  g_autoptr (ThDeck) self = NULL;
  ThJsonPath root = TH_JSON_PATH_MEMBER (NULL, path_prefix != NULL ? path_prefix : "");
  ThJsonPath concepts_path = TH_JSON_PATH_MEMBER (&root, "concepts");
  JsonObject *object, *source;
  const char *id, *title, *language, *source_title = NULL;

  if (!th_json_root_get_object (node, &root, &object, error))
    return NULL;

  /* Format and version first: a newer file may be shaped differently, and
   * "made by a newer version" is the one message that helps then. */
  if (!th_json_check_header (object, &root, "two-hats-deck", _ ("deck"), error))
    return NULL;

  if (!th_json_get_id_member (object, &root, "id", &id, error)
      || !th_json_get_string_member (object, &root, "title", TRUE, &title, error)
      || !th_json_get_string_member (object, &root, "language", FALSE, &language, error)
      || !th_json_get_object_member (object, &root, "source", FALSE, &source, error))
    return NULL;

  if (source != NULL)
    {
      ThJsonPath source_path = TH_JSON_PATH_MEMBER (&root, "source");

      if (!th_json_get_string_member (source, &source_path, "title", FALSE, &source_title, error))
        return NULL;
    }

  self = g_object_new (TH_TYPE_DECK, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->language = g_strdup (language);
  self->source_title = g_strdup (source_title);
  self->display_title = th_deck_translate (translate, self->title);
  self->display_source_title = th_deck_translate (translate, self->source_title);

  if (!load_list (&self->sections, object, &root, "sections", FALSE, 0, parse_section,
                  get_section_id, translate, error)
      || !load_list (&self->concepts, object, &root, "concepts", FALSE, 0, parse_concept,
                     get_concept_id, translate, error)
      || !load_list (&self->behaviours, object, &root, "behaviours", TRUE, TH_MAX_BEHAVIOURS,
                     parse_behaviour, get_behaviour_id, translate, error))
    return NULL;

  if (self->behaviours.items->len == 0)
    {
      ThJsonPath behaviours_path = TH_JSON_PATH_MEMBER (&root, "behaviours");

      th_json_set_error (error, TH_ERROR_INVALID, &behaviours_path,
                         _ ("a deck needs at least one behaviour"));
      return NULL;
    }

  for (guint i = 0; i < self->concepts.items->len; i++)
    {
      ThConcept *concept = g_ptr_array_index (self->concepts.items, i);
      const char *section_id = th_concept_get_section_id (concept);

      if (deck_list_lookup (&self->sections, section_id) == NULL)
        {
          ThJsonPath item_path = TH_JSON_PATH_INDEX (&concepts_path, i);
          ThJsonPath section_path = TH_JSON_PATH_MEMBER (&item_path, "section");
          g_autofree char *quoted = th_json_quote (section_id);

          th_json_set_error (error, TH_ERROR_INVALID, &section_path,
                             _ ("%s is not a section of this deck"), quoted);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

ThDeck *
th_deck_new_from_json (JsonNode *node, const char *path_prefix, GError **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return deck_new_from_json (node, path_prefix, FALSE, error);
}

ThDeck *
th_deck_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = th_json_parse (data, length, error);
  if (root == NULL)
    return NULL;

  return deck_new_from_json (root, NULL, FALSE, error);
}

ThDeck *
th_deck_new_from_file (GFile *file, GError **error)
{
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = th_json_parse_file (file, error);
  if (root == NULL)
    return NULL;

  return deck_new_from_json (root, NULL, FALSE, error);
}

ThDeck *
th_deck_new_builtin (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  ThDeck *deck;
  const char *data;
  gsize length;

  bytes = g_resource_lookup_data (th_core_get_resource (), BUILTIN_DECK_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in deck is missing from the resources: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  root = th_json_parse (data, length, &error);
  deck = root != NULL ? deck_new_from_json (root, NULL, TRUE, &error) : NULL;

  /* The deck is part of the program and a test checks it: failing here is
   * a build defect, not something a user could cause or fix. */
  if (deck == NULL)
    g_error ("The built-in deck is not valid: %s", error->message);

  return deck;
}

static void
build_list (JsonBuilder *builder, const char *member, DeckList *list, EntryBuilder build_item)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->items->len; i++)
    build_item (g_ptr_array_index (list->items, i), builder);
  json_builder_end_array (builder);
}

JsonNode *
th_deck_to_json (ThDeck *self, gboolean include_concepts)
{
  g_autoptr (JsonBuilder) builder = NULL;

  g_return_val_if_fail (TH_IS_DECK (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  th_json_builder_add_string (builder, "format", "two-hats-deck");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, TH_FORMAT_VERSION);
  th_json_builder_add_string (builder, "id", self->id);
  th_json_builder_add_string (builder, "title", self->title);
  th_json_builder_add_string (builder, "language", self->language);

  if (self->source_title != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      th_json_builder_add_string (builder, "title", self->source_title);
      json_builder_end_object (builder);
    }

  if (include_concepts && self->sections.items->len > 0)
    build_list (builder, "sections", &self->sections, build_section);
  if (include_concepts && self->concepts.items->len > 0)
    build_list (builder, "concepts", &self->concepts, build_concept);
  build_list (builder, "behaviours", &self->behaviours, build_behaviour);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

TH_DEFINE_GETTER (const char *, th_deck_get_id, ThDeck, TH_IS_DECK, id, NULL)

TH_DEFINE_GETTER (const char *, th_deck_get_title, ThDeck, TH_IS_DECK, display_title, NULL)

TH_DEFINE_GETTER (const char *, th_deck_get_language, ThDeck, TH_IS_DECK, language, NULL)

TH_DEFINE_GETTER (const char *, th_deck_get_source_title, ThDeck, TH_IS_DECK, display_source_title,
                  NULL)

GListModel *
th_deck_get_sections (ThDeck *self)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);

  return G_LIST_MODEL (self->sections.store);
}

GListModel *
th_deck_get_concepts (ThDeck *self)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);

  return G_LIST_MODEL (self->concepts.store);
}

GListModel *
th_deck_get_behaviours (ThDeck *self)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);

  return G_LIST_MODEL (self->behaviours.store);
}

ThSection *
th_deck_lookup_section (ThDeck *self, const char *id)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return deck_list_lookup (&self->sections, id);
}

ThConcept *
th_deck_lookup_concept (ThDeck *self, const char *id)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return deck_list_lookup (&self->concepts, id);
}

ThBehaviour *
th_deck_lookup_behaviour (ThDeck *self, const char *id)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return deck_list_lookup (&self->behaviours, id);
}

int
th_deck_get_behaviour_index (ThDeck *self, const char *id)
{
  g_return_val_if_fail (TH_IS_DECK (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return (int)GPOINTER_TO_UINT (g_hash_table_lookup (self->behaviours.positions, id)) - 1;
}

guint
th_deck_get_n_behaviours (ThDeck *self)
{
  g_return_val_if_fail (TH_IS_DECK (self), 0);

  return self->behaviours.items->len;
}

ThBehaviour *
th_deck_get_behaviour (ThDeck *self, guint position)
{
  g_return_val_if_fail (TH_IS_DECK (self), NULL);
  g_return_val_if_fail (position < self->behaviours.items->len, NULL);

  return g_ptr_array_index (self->behaviours.items, position);
}

gboolean
th_deck_check_compatible (ThDeck *self, ThDeck *other, GError **error)
{
  g_return_val_if_fail (TH_IS_DECK (self), FALSE);
  g_return_val_if_fail (TH_IS_DECK (other), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->behaviours.items->len; i++)
    {
      ThBehaviour *mine = g_ptr_array_index (self->behaviours.items, i);
      const char *id = th_behaviour_get_id (mine);
      ThBehaviour *theirs = deck_list_lookup (&other->behaviours, id);

      if (theirs == NULL)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_CONFLICT,
                       _ ("the other deck has no behaviour “%s”"), id);
          return FALSE;
        }
      if (th_behaviour_get_key (mine) != th_behaviour_get_key (theirs))
        {
          g_set_error (error, TH_ERROR, TH_ERROR_CONFLICT,
                       _ ("behaviour “%s” is keyed %s in this deck but %s in the other"), id,
                       th_side_to_string (th_behaviour_get_key (mine)),
                       th_side_to_string (th_behaviour_get_key (theirs)));
          return FALSE;
        }
    }

  /* Same ids are known to be in both; anything left over is extra. */
  for (guint i = 0; i < other->behaviours.items->len; i++)
    {
      const char *id = th_behaviour_get_id (g_ptr_array_index (other->behaviours.items, i));

      if (deck_list_lookup (&self->behaviours, id) == NULL)
        {
          g_set_error (error, TH_ERROR, TH_ERROR_CONFLICT,
                       _ ("the other deck has a behaviour “%s” that this deck lacks"), id);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
th_deck_is_compatible (ThDeck *self, ThDeck *other)
{
  g_return_val_if_fail (TH_IS_DECK (self), FALSE);
  g_return_val_if_fail (TH_IS_DECK (other), FALSE);

  return th_deck_check_compatible (self, other, NULL);
}

guint16 *
th_deck_new_order (guint n_behaviours, gboolean shuffled)
{
  guint16 *order = g_new (guint16, MAX (n_behaviours, 1));

  for (guint i = 0; i < n_behaviours; i++)
    order[i] = (guint16)i;

  if (shuffled)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (g_random_int ());

      for (guint i = n_behaviours; i > 1; i--)
        {
          guint j = (guint)g_rand_int_range (rand, 0, (gint32)i);
          guint16 swap = order[i - 1];

          order[i - 1] = order[j];
          order[j] = swap;
        }
    }

  return order;
}
