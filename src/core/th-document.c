/* th-document.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "th-document.h"
#include "th-property.h"
#include "th-save-queue.h"

#define RECOVERY_SUFFIX ".twohats"

struct _ThDocument
{
  GObject parent_instance;

  ThSession *session;
  GFile *file;
  GFile *recovery_file;
  GError *save_error;
  ThSaveQueue *queue; /* of the file, or of the recovery copy while untitled */
  guint n_requests;   /* made to a queue and not completed yet */

  guint saved : 1;
  /* Whether a recovery copy was written (or loaded) and still exists, so
   * that it is removed once the real file holds everything. */
  guint has_recovery_copy : 1;
};

G_DEFINE_FINAL_TYPE (ThDocument, th_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_FILE,
  PROP_SAVED,
  N_PROPS
};

enum
{
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GFile *
th_document_get_recovery_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "two-hats", "recovery", NULL);
}

static void
set_saved (ThDocument *self, gboolean saved)
{
  if (self->saved == !!saved)
    return;

  self->saved = !!saved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

static gboolean make_recovery_dir (GError **error);

/* Written on the main thread: only when the file failed, with the
 * recovery copy nobody else writes. */
static gboolean
write_recovery_copy (ThDocument *self, GError **error)
{
  if (!make_recovery_dir (error))
    return FALSE;

  if (!th_session_save_to_file (self->session, self->recovery_file, error))
    return FALSE;

  self->has_recovery_copy = TRUE;
  return TRUE;
}

static void
remove_recovery_copy (ThDocument *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->has_recovery_copy)
    return;

  if (!g_file_delete (self->recovery_file, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* A stale copy costs only a line on the welcome page next time. */
      g_debug ("Could not remove the recovery copy: %s", error->message);
      return;
    }

  self->has_recovery_copy = FALSE;
}

static GFile *
get_target (ThDocument *self)
{
  return self->file != NULL ? self->file : self->recovery_file;
}

static gboolean
make_recovery_dir (GError **error)
{
  g_autoptr (GFile) dir = th_document_get_recovery_dir ();
  g_autofree char *path = g_file_get_path (dir);

  /* Private: the copies hold people's names and answers. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not create the recovery folder “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
save_failed (ThDocument *self, const GError *error)
{
  g_clear_error (&self->save_error);
  self->save_error = g_error_copy (error);
  set_saved (self, FALSE);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

/* The result of a write of the document's own place. */
static void
saved_cb (ThSaveQueue *queue, const GError *error, gpointer user_data)
{
  ThDocument *self = user_data;

  g_assert (self->n_requests > 0);
  self->n_requests--;

  /* A write of the place the document had before Save As. */
  if (queue != self->queue)
    return;

  if (error == NULL)
    {
      g_clear_error (&self->save_error);
      if (self->file != NULL)
        remove_recovery_copy (self);
      else
        self->has_recovery_copy = TRUE;
      set_saved (self, TRUE);
      return;
    }

  /* The file cannot be written (a read-only folder, a full disk, a
   * removed USB stick): the answers go to the recovery folder so that
   * they are offered again at the next start. */
  if (self->file != NULL)
    {
      g_autoptr (GError) recovery_error = NULL;

      if (!write_recovery_copy (self, &recovery_error))
        g_debug ("Could not write the recovery copy either: %s", recovery_error->message);
    }

  save_failed (self, error);
}

/* Asks the queue for a write of the current state; FALSE (and
 * ::save-failed) when there is nowhere to write it. */
static gboolean
request_save (ThDocument *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (self->file == NULL && !make_recovery_dir (&local_error))
    {
      save_failed (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* :saved stays as it is: the change is on its way, and asking for
   * :saved waits for it (th_document_get_saved()). */
  self->n_requests++;
  th_save_queue_request (self->queue, saved_cb, self);
  return TRUE;
}

static void
session_changed_cb (ThSession *session, ThDocument *self)
{
  /* Every change of one main loop iteration shares one write; the
   * signal's emitter has no use for an error, which ::save-failed tells
   * whoever shows it. */
  request_save (self, NULL);
}

static void
session_items_changed_cb (ThSession *session, guint position, guint removed, guint added,
                          ThDocument *self)
{
  /* Removing someone is done on purpose, once: the file says so at once,
   * rather than at the end of the iteration. */
  if (removed > 0 && request_save (self, NULL))
    th_save_queue_flush (self->queue, NULL);
}

static void
th_document_constructed (GObject *object)
{
  ThDocument *self = TH_DOCUMENT (object);

  G_OBJECT_CLASS (th_document_parent_class)->constructed (object);

  g_assert (TH_IS_SESSION (self->session));

  if (self->recovery_file == NULL)
    {
      g_autoptr (GFile) dir = th_document_get_recovery_dir ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strconcat (uuid, RECOVERY_SUFFIX, NULL);

      self->recovery_file = g_file_get_child (dir, name);
    }

  /* A document with a file was just read from it, so it is saved. */
  self->saved = self->file != NULL;

  self->queue = th_save_queue_get (self->session, get_target (self));
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self, 0);
  g_signal_connect_object (self->session, "items-changed", G_CALLBACK (session_items_changed_cb),
                           self, 0);
}

static void
th_document_dispose (GObject *object)
{
  ThDocument *self = TH_DOCUMENT (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, session_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->session, session_items_changed_cb, self);
    }

  /* What was asked for is on disk before the document goes, and no
   * completion is left to reach it afterwards. */
  if (self->queue != NULL)
    {
      if (self->n_requests > 0)
        th_save_queue_flush (self->queue, NULL);
      g_clear_object (&self->queue);
    }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (th_document_parent_class)->dispose (object);
}

static void
th_document_finalize (GObject *object)
{
  ThDocument *self = TH_DOCUMENT (object);

  g_clear_object (&self->file);
  g_clear_object (&self->recovery_file);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (th_document_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_SESSION] = TH_PROPERTY_FIELD (ThDocument, session, NULL),
  [PROP_FILE] = TH_PROPERTY_FIELD (ThDocument, file, NULL),
  [PROP_SAVED] = TH_PROPERTY_GETTER (th_document_get_saved, NULL),
};

static void
th_document_class_init (ThDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = th_document_constructed;
  object_class->dispose = th_document_dispose;
  object_class->finalize = th_document_finalize;

  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_FILE]
    = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_SAVED]
    = g_param_spec_boolean ("saved", NULL, NULL, FALSE, TH_PARAM_READABLE_EXPLICIT);
  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThDocument::save-failed:
   * @error: what went wrong
   *
   * Emitted when a change could not be written to the document's file (or,
   * while untitled, to its recovery copy).  The change stays in memory.
   */
  signals[SAVE_FAILED]
    = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
th_document_init (ThDocument *self)
{
}

ThDocument *
th_document_new (ThSession *session, GFile *file)
{
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (TH_TYPE_DOCUMENT, "session", session, "file", file, NULL);
}

ThDocument *
th_document_new_locked (ThSession *session, GFile *file, ThFileLock *lock)
{
  ThDocument *self;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = th_document_new (session, file);
  if (lock != NULL)
    th_save_queue_set_lock (self->queue, lock);

  return self;
}

/* The session in @file, read with the lock of @file taken first (for a
 * file with a local path): a writer that let it go between a read and a
 * lock could have written answers the document would then overwrite.
 * NULL when another window or host holds the lock (TH_ERROR_LOCKED), or
 * the file cannot be opened or read. */
static ThSession *
read_locked (GFile *file, ThFileLock **lock, GError **error)
{
  if (g_file_peek_path (file) != NULL)
    {
      *lock = th_file_lock_new (g_file_peek_path (file));
      if (!th_file_lock_acquire (*lock, error))
        return NULL;
    }

  return th_session_new_from_file (file, error);
}

ThDocument *
th_document_open (GFile *file, GError **error)
{
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (ThSession) session = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = read_locked (file, &lock, error);
  if (session == NULL)
    return NULL;

  return th_document_new_locked (session, file, lock);
}

ThDocument *
th_document_open_recovery (GFile *recovery_file, GError **error)
{
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (ThSession) session = NULL;

  g_return_val_if_fail (G_IS_FILE (recovery_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A copy another window has recovered already is that window's. */
  session = read_locked (recovery_file, &lock, error);
  if (session == NULL)
    return NULL;

  return th_document_new_for_recovery (session, recovery_file, lock);
}

ThDocument *
th_document_new_for_recovery (ThSession *session, GFile *recovery_file, ThFileLock *lock)
{
  ThDocument *self;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (recovery_file), NULL);

  self = g_object_new (TH_TYPE_DOCUMENT, "session", session, NULL);
  g_set_object (&self->recovery_file, recovery_file);
  g_clear_object (&self->queue);
  self->queue = th_save_queue_get (session, recovery_file);
  if (lock != NULL)
    th_save_queue_set_lock (self->queue, lock);
  self->has_recovery_copy = TRUE;
  /* Everything it holds is on disk already, in the copy it came from. */
  self->saved = TRUE;

  return self;
}

TH_DEFINE_GETTER (ThSession *, th_document_get_session, ThDocument, TH_IS_DOCUMENT, session, NULL)

TH_DEFINE_GETTER (GFile *, th_document_get_file, ThDocument, TH_IS_DOCUMENT, file, NULL)

TH_DEFINE_GETTER (GFile *, th_document_get_recovery_file, ThDocument, TH_IS_DOCUMENT, recovery_file,
                  NULL)

gboolean
th_document_get_saved (ThDocument *self)
{
  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);

  /* A change still waiting for its write (until the end of this main loop
   * iteration, or while the write before it finishes) is written now, so
   * that the answer is true; it costs one write at most. */
  if (self->n_requests > 0 && self->queue != NULL)
    th_save_queue_flush (self->queue, NULL);

  return self->saved;
}

TH_DEFINE_GETTER (const GError *, th_document_get_save_error, ThDocument, TH_IS_DOCUMENT,
                  save_error, NULL)

char *
th_document_dup_display_name (ThDocument *self)
{
  const char *title;

  g_return_val_if_fail (TH_IS_DOCUMENT (self), NULL);

  title = th_session_get_title (self->session);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (g_str_has_suffix (basename, RECOVERY_SUFFIX))
        basename[strlen (basename) - strlen (RECOVERY_SUFFIX)] = '\0';
      return g_steal_pointer (&basename);
    }

  return g_strdup (_ ("Untitled Workshop"));
}

gboolean
th_document_save (ThDocument *self, GError **error)
{
  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!request_save (self, error))
    return FALSE;

  return th_save_queue_flush (self->queue, error);
}

gboolean
th_document_flush (ThDocument *self, GError **error)
{
  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Disposed: everything was written then. */
  if (self->queue == NULL)
    return TRUE;

  return th_save_queue_flush (self->queue, error);
}

gboolean
th_document_get_busy (ThDocument *self)
{
  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);

  return self->queue != NULL && (self->n_requests > 0 || th_save_queue_get_busy (self->queue));
}

gboolean
th_document_save_as (ThDocument *self, GFile *file, GError **error)
{
  g_autoptr (ThSaveQueue) new_queue = NULL;

  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  new_queue = th_save_queue_get (self->session, file);

  /* What waits for the old place is written there first: a write that
   * came later would bring back the recovery copy removed below. */
  th_save_queue_flush (self->queue, NULL);

  /* The old place keeps being the document's until the new one holds
   * everything, so a failure here loses nothing. */
  if (!th_save_queue_save_now (new_queue, error))
    return FALSE;

  g_set_object (&self->queue, new_queue);
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  g_clear_error (&self->save_error);
  remove_recovery_copy (self);
  set_saved (self, TRUE);

  return TRUE;
}

gboolean
th_document_discard_recovery (ThDocument *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (TH_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_delete (self->recovery_file, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->has_recovery_copy = FALSE;
  return TRUE;
}

static int
compare_by_modified_desc (gconstpointer a, gconstpointer b)
{
  GFileInfo *info_a = *(GFileInfo **)a;
  GFileInfo *info_b = *(GFileInfo **)b;
  guint64 time_a
    = g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
      + g_file_info_get_attribute_uint32 (info_a, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  guint64 time_b
    = g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC
      + g_file_info_get_attribute_uint32 (info_b, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  if (time_a != time_b)
    return time_a > time_b ? -1 : 1;
  return g_strcmp0 (g_file_info_get_name (info_a), g_file_info_get_name (info_b));
}

GPtrArray *
th_document_list_recovery (void)
{
  g_autoptr (GFile) dir = th_document_get_recovery_dir ();
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME
                                          "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                                          "," G_FILE_ATTRIBUTE_TIME_MODIFIED
                                          "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return files;

  for (;;)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;

      name = g_file_info_get_name (info);
      /* Hidden names are the temporary files of a write in progress. */
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || name[0] == '.'
          || !g_str_has_suffix (name, RECOVERY_SUFFIX))
        continue;

      g_ptr_array_add (infos, g_object_ref (info));
    }

  g_ptr_array_sort (infos, compare_by_modified_desc);
  for (guint i = 0; i < infos->len; i++)
    g_ptr_array_add (files, g_file_get_child (dir, g_file_info_get_name (infos->pdata[i])));

  return files;
}

gboolean
th_document_delete_recovery (GFile *recovery_file, GError **error)
{
  g_autoptr (GFile) dir = th_document_get_recovery_dir ();

  g_return_val_if_fail (G_IS_FILE (recovery_file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_has_parent (recovery_file, dir))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Not a recovery copy"));
      return FALSE;
    }

  return g_file_delete (recovery_file, NULL, error);
}
