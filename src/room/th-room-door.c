/* th-room-door.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "th-name.h"
#include "th-room-door.h"
#include "th-room-guest-private.h"
#include "th-room-limiter.h"
#include "th-room-server.h"

struct _ThRoomDoor
{
  GObject parent_instance;

  guint room_size;
  gboolean generated_names;
  char **refused_words;
  ThRoomLimiter *joins;        /* per address */
  ThRoomLimiter *first_joins;  /* room-wide, from new addresses: one key, "" */
  ThRoomLimiter *repeat_joins; /* room-wide, from the others: one key, "" */
  ThRoomLimiter *joiners;      /* per address: a join every ten minutes */
  ThRoomLimiter *typos;        /* room-wide: one key, "" */
  ThRoomLimiter *wrong_codes;  /* room-wide, for those guessing: one key, "" */
  ThRoomLimiter *guessers;     /* per address: its typos, one back every ten minutes */
  guint n_refused[TH_ROOM_N_REFUSALS];

  GHashTable *named;          /* participant id → TRUE: guests whose name is theirs */
  GHashTable *admitted;       /* participant ids of the guests in the room */
  GHashTable *removed_tokens; /* GBytes (SHA-256 of a token) of removed guests */
  GListStore *removed;        /* ThRoomGuest whose names are refused */
  GHashTable *removed_names;  /* th_name_dup_key () of their names */
};

G_DEFINE_FINAL_TYPE (ThRoomDoor, th_room_door, G_TYPE_OBJECT)

G_DEFINE_QUARK (th - room - door - error - quark, th_room_door_error)

enum
{
  PROP_0,
  PROP_ROOM_SIZE,
  PROP_GENERATED_NAMES,
  PROP_REFUSED_WORDS,
  PROP_N_REFUSED_LOCKED,
  PROP_N_REFUSED_FULL,
  PROP_N_REFUSED_JOIN_LIMIT,
  PROP_N_REFUSED_NAME,
  PROP_N_REFUSED_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint refusal_props[TH_ROOM_N_REFUSALS] = {
  [TH_ROOM_REFUSED_LOCKED] = PROP_N_REFUSED_LOCKED,
  [TH_ROOM_REFUSED_FULL] = PROP_N_REFUSED_FULL,
  [TH_ROOM_REFUSED_JOIN_LIMIT] = PROP_N_REFUSED_JOIN_LIMIT,
  [TH_ROOM_REFUSED_NAME] = PROP_N_REFUSED_NAME,
  [TH_ROOM_REFUSED_CODE] = PROP_N_REFUSED_CODE,
};

static void
th_room_door_finalize (GObject *object)
{
  ThRoomDoor *self = TH_ROOM_DOOR (object);

  g_clear_pointer (&self->refused_words, g_strfreev);
  g_clear_pointer (&self->joins, th_room_limiter_free);
  g_clear_pointer (&self->first_joins, th_room_limiter_free);
  g_clear_pointer (&self->repeat_joins, th_room_limiter_free);
  g_clear_pointer (&self->joiners, th_room_limiter_free);
  g_clear_pointer (&self->typos, th_room_limiter_free);
  g_clear_pointer (&self->wrong_codes, th_room_limiter_free);
  g_clear_pointer (&self->guessers, th_room_limiter_free);
  g_clear_pointer (&self->named, g_hash_table_unref);
  g_clear_pointer (&self->admitted, g_hash_table_unref);
  g_clear_pointer (&self->removed_tokens, g_hash_table_unref);
  g_clear_pointer (&self->removed_names, g_hash_table_unref);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (th_room_door_parent_class)->finalize (object);
}

static void
th_room_door_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThRoomDoor *self = TH_ROOM_DOOR (object);

  switch (prop_id)
    {
      case PROP_ROOM_SIZE:
        g_value_set_uint (value, self->room_size);
        break;
      case PROP_GENERATED_NAMES:
        g_value_set_boolean (value, self->generated_names);
        break;
      case PROP_REFUSED_WORDS:
        g_value_set_boxed (value, self->refused_words);
        break;
      case PROP_N_REFUSED_LOCKED:
        g_value_set_uint (value, self->n_refused[TH_ROOM_REFUSED_LOCKED]);
        break;
      case PROP_N_REFUSED_FULL:
        g_value_set_uint (value, self->n_refused[TH_ROOM_REFUSED_FULL]);
        break;
      case PROP_N_REFUSED_JOIN_LIMIT:
        g_value_set_uint (value, self->n_refused[TH_ROOM_REFUSED_JOIN_LIMIT]);
        break;
      case PROP_N_REFUSED_NAME:
        g_value_set_uint (value, self->n_refused[TH_ROOM_REFUSED_NAME]);
        break;
      case PROP_N_REFUSED_CODE:
        g_value_set_uint (value, self->n_refused[TH_ROOM_REFUSED_CODE]);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_room_door_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ThRoomDoor *self = TH_ROOM_DOOR (object);

  switch (prop_id)
    {
      case PROP_ROOM_SIZE:
        th_room_door_set_room_size (self, g_value_get_uint (value));
        break;
      case PROP_GENERATED_NAMES:
        th_room_door_set_generated_names (self, g_value_get_boolean (value));
        break;
      case PROP_REFUSED_WORDS:
        th_room_door_set_refused_words (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_room_door_class_init (ThRoomDoorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_room_door_finalize;
  object_class->get_property = th_room_door_get_property;
  object_class->set_property = th_room_door_set_property;

  properties[PROP_ROOM_SIZE]
    = g_param_spec_uint ("room-size", NULL, NULL, 1, TH_ROOM_MAX_GUESTS, TH_ROOM_DEFAULT_ROOM_SIZE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERATED_NAMES]
    = g_param_spec_boolean ("generated-names", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFUSED_WORDS]
    = g_param_spec_boxed ("refused-words", NULL, NULL, G_TYPE_STRV,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFUSED_LOCKED]
    = g_param_spec_uint ("n-refused-locked", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFUSED_FULL]
    = g_param_spec_uint ("n-refused-full", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFUSED_JOIN_LIMIT]
    = g_param_spec_uint ("n-refused-join-limit", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFUSED_NAME]
    = g_param_spec_uint ("n-refused-name", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REFUSED_CODE]
    = g_param_spec_uint ("n-refused-code", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
th_room_door_init (ThRoomDoor *self)
{
  self->room_size = TH_ROOM_DEFAULT_ROOM_SIZE;
  self->refused_words = g_new0 (char *, 1);
  self->joins
    = th_room_limiter_new (TH_ROOM_DEFAULT_JOINS_PER_MINUTE / 60.0, TH_ROOM_DEFAULT_JOIN_BURST);
  self->first_joins = th_room_limiter_new (TH_ROOM_DEFAULT_FIRST_JOINS_PER_MINUTE / 60.0,
                                           TH_ROOM_DEFAULT_FIRST_JOIN_BURST);
  self->repeat_joins = th_room_limiter_new (TH_ROOM_DEFAULT_REPEAT_JOINS_PER_MINUTE / 60.0,
                                            TH_ROOM_DEFAULT_REPEAT_JOIN_BURST);
  self->joiners = th_room_limiter_new (1.0 / TH_ROOM_JOIN_MEMORY_S, 1);
  self->wrong_codes = th_room_limiter_new (TH_ROOM_DEFAULT_WRONG_CODES_PER_MINUTE / 60.0,
                                           TH_ROOM_DEFAULT_WRONG_CODE_BURST);
  self->typos
    = th_room_limiter_new (TH_ROOM_DEFAULT_TYPOS_PER_MINUTE / 60.0, TH_ROOM_DEFAULT_TYPO_BURST);
  self->guessers = th_room_limiter_new (1.0 / TH_ROOM_TYPO_MEMORY_S, TH_ROOM_TYPOS_PER_ADDRESS);
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->admitted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->removed_tokens
    = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  self->removed = g_list_store_new (TH_TYPE_ROOM_GUEST);
  self->removed_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

ThRoomDoor *
th_room_door_new (void)
{
  return g_object_new (TH_TYPE_ROOM_DOOR, NULL);
}

guint
th_room_door_get_room_size (ThRoomDoor *self)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), 0);

  return self->room_size;
}

void
th_room_door_set_room_size (ThRoomDoor *self, guint room_size)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));

  room_size = CLAMP (room_size, 1, TH_ROOM_MAX_GUESTS);
  if (self->room_size == room_size)
    return;

  self->room_size = room_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM_SIZE]);
}

gboolean
th_room_door_get_generated_names (ThRoomDoor *self)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);

  return self->generated_names;
}

void
th_room_door_set_generated_names (ThRoomDoor *self, gboolean generated_names)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));

  generated_names = !!generated_names;
  if (self->generated_names == generated_names)
    return;

  self->generated_names = generated_names;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATED_NAMES]);
}

const char *const *
th_room_door_get_refused_words (ThRoomDoor *self)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), NULL);

  return (const char *const *)self->refused_words;
}

void
th_room_door_set_refused_words (ThRoomDoor *self, const char *const *refused_words)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (TH_IS_ROOM_DOOR (self));

  if (refused_words == NULL)
    refused_words = none;
  if (g_strv_equal ((const char *const *)self->refused_words, refused_words))
    return;

  g_strfreev (self->refused_words);
  self->refused_words = g_strdupv ((char **)refused_words);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED_WORDS]);
}

void
th_room_door_set_join_limit (ThRoomDoor *self, double joins_per_minute, guint burst)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (joins_per_minute > 0 && burst >= 1);

  th_room_limiter_set_rate (self->joins, joins_per_minute / 60.0, burst);
}

guint
th_room_door_get_n_refused (ThRoomDoor *self, ThRoomRefusal refusal)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), 0);
  g_return_val_if_fail (refusal < TH_ROOM_N_REFUSALS, 0);

  return self->n_refused[refusal];
}

void
th_room_door_count_refusal (ThRoomDoor *self, ThRoomRefusal refusal)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (refusal < TH_ROOM_N_REFUSALS);

  if (self->n_refused[refusal] == G_MAXUINT)
    return;

  self->n_refused[refusal]++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[refusal_props[refusal]]);
}

gboolean
th_room_door_take_join_full (ThRoomDoor *self, const char *address, gint64 now_us,
                             guint *retry_after_s, gboolean *room_wide)
{
  ThRoomLimiter *room;

  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  if (room_wide != NULL)
    *room_wide = FALSE;

  if (!th_room_limiter_check (self->joins, address, 1.0, now_us, retry_after_s))
    return FALSE;

  /* A room of phones each with an address of its own comes in through
   * the first budget; what one or a few addresses send beyond their first
   * join shares the second, so that two addresses with the limit of one
   * each cannot fill a room in a second, while a new address is never
   * kept waiting by them. */
  room = th_room_limiter_is_full (self->joiners, address, now_us) ? self->first_joins
                                                                  : self->repeat_joins;
  if (!th_room_limiter_take (room, "", 1.0, now_us, retry_after_s))
    {
      if (room_wide != NULL)
        *room_wide = TRUE;
      return FALSE;
    }

  th_room_limiter_take (self->joins, address, 1.0, now_us, NULL);
  th_room_limiter_charge (self->joiners, address, 1.0, now_us);
  return TRUE;
}

gboolean
th_room_door_take_join (ThRoomDoor *self, const char *address, gint64 now_us, guint *retry_after_s)
{
  return th_room_door_take_join_full (self, address, now_us, retry_after_s, NULL);
}

void
th_room_door_set_wrong_code_limit (ThRoomDoor *self, double per_minute, guint burst)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (per_minute > 0 && burst >= 1);

  th_room_limiter_set_rate (self->wrong_codes, per_minute / 60.0, burst);
}

/* Whether @address has used up its typos. */
static gboolean
is_guessing (ThRoomDoor *self, const char *address, gint64 now_us)
{
  return !th_room_limiter_check (self->guessers, address, 1.0, now_us, NULL);
}

gboolean
th_room_door_may_check_code (ThRoomDoor *self, const char *address, gint64 now_us,
                             guint *retry_after_s)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  /* Each address has its own few typos, out of a large budget of the
   * room that only typos spend: however hard others guess, a phone that
   * has not run out of typos has its code checked.  An address that has
   * is guessing, and gets no more than the small budget of guesses, so
   * its guesses stay bounded room-wide. */
  return th_room_limiter_check (is_guessing (self, address, now_us) ? self->wrong_codes
                                                                    : self->typos,
                                "", 1.0, now_us, retry_after_s);
}

void
th_room_door_wrong_code (ThRoomDoor *self, const char *address, gint64 now_us)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (address != NULL);

  th_room_limiter_charge (is_guessing (self, address, now_us) ? self->wrong_codes : self->typos, "",
                          1.0, now_us);
  th_room_limiter_charge (self->guessers, address, 1.0, now_us);
  th_room_door_count_refusal (self, TH_ROOM_REFUSED_CODE);
}

gboolean
th_room_door_check_name (ThRoomDoor *self, const char *name, GError **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!th_name_check (name, (const char *const *)self->refused_words, error))
    return FALSE;

  key = th_name_dup_key (name);
  if (g_hash_table_contains (self->removed_names, key))
    {
      /* The name is the person's own: saying it back tells them which. */
      g_set_error (error, TH_ROOM_DOOR_ERROR, TH_ROOM_DOOR_ERROR_NAME_REMOVED,
                   _ ("The facilitator removed “%s” from this room. Choose another name, or ask "
                      "the facilitator to allow it again."),
                   name);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ThRoomDoor *door;
  GHashTable *in_use; /* keys of the session's names */
} Taken;

static gboolean
name_taken (const char *name, gpointer user_data)
{
  Taken *taken = user_data;
  g_autofree char *key = th_name_dup_key (name);

  return g_hash_table_contains (taken->in_use, key)
         || g_hash_table_contains (taken->door->removed_names, key)
         || th_name_has_refused_word (name, (const char *const *)taken->door->refused_words);
}

char *
th_room_door_generate_name (ThRoomDoor *self, ThSession *session)
{
  g_autoptr (GHashTable) in_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Taken taken = { self, in_use };

  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), NULL);
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  for (guint i = 0; i < th_session_get_n_participants (session); i++)
    g_hash_table_add (
      in_use, th_name_dup_key (th_participant_get_name (th_session_get_participant (session, i))));

  return th_name_generate (name_taken, &taken);
}

void
th_room_door_admitted (ThRoomDoor *self, ThRoomGuest *guest, gboolean named)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (TH_IS_ROOM_GUEST (guest));

  g_hash_table_add (self->admitted, g_strdup (th_room_guest_get_id (guest)));
  if (named)
    g_hash_table_add (self->named, g_strdup (th_room_guest_get_id (guest)));
}

void
th_room_door_forget (ThRoomDoor *self, const char *participant_id)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (participant_id != NULL);

  g_hash_table_remove (self->admitted, participant_id);
  g_hash_table_remove (self->named, participant_id);
}

void
th_room_door_removed (ThRoomDoor *self, ThRoomGuest *guest)
{
  const char *id;

  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (TH_IS_ROOM_GUEST (guest));

  id = th_room_guest_get_id (guest);
  /* A join undone (its save failed) was forgotten first: nobody ever held
   * its token, and its name is free. */
  if (!g_hash_table_remove (self->admitted, id))
    return;

  g_hash_table_add (self->removed_tokens, g_bytes_ref (th_room_guest_get_token_digest (guest)));

  if (g_hash_table_remove (self->named, id))
    {
      char *key = th_name_dup_key (th_room_guest_get_name (guest));

      if (g_hash_table_add (self->removed_names, key))
        g_list_store_append (self->removed, guest);
    }
}

gboolean
th_room_door_token_was_removed (ThRoomDoor *self, GBytes *digest)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);
  g_return_val_if_fail (digest != NULL, FALSE);

  return g_hash_table_contains (self->removed_tokens, digest);
}

GListModel *
th_room_door_get_removed (ThRoomDoor *self)
{
  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), NULL);

  return G_LIST_MODEL (self->removed);
}

gboolean
th_room_door_allow_name (ThRoomDoor *self, const char *name)
{
  g_autofree char *key = NULL;
  guint n;

  g_return_val_if_fail (TH_IS_ROOM_DOOR (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  key = th_name_dup_key (name);
  if (!g_hash_table_remove (self->removed_names, key))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->removed));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ThRoomGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->removed), i);
      g_autofree char *guest_key = th_name_dup_key (th_room_guest_get_name (guest));

      if (g_strcmp0 (guest_key, key) == 0)
        {
          g_list_store_remove (self->removed, i);
          break;
        }
    }

  return TRUE;
}

GSettings *
th_room_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "room-size"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

void
th_room_door_bind_settings (ThRoomDoor *self, GSettings *settings)
{
  g_return_if_fail (TH_IS_ROOM_DOOR (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* The door only reads them: the facilitator changes them in the app. */
  g_settings_bind (settings, "room-size", self, "room-size", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "generated-names", self, "generated-names", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "refused-words", self, "refused-words", G_SETTINGS_BIND_GET);
}
