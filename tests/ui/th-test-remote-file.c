/* th-test-remote-file.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-test-remote-file.h"

#define SCHEME "remote-test"

struct _ThTestRemoteFile
{
  GObject parent_instance;

  GFile *backing;
  gboolean read_only;
};

static void th_test_remote_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ThTestRemoteFile, th_test_remote_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, th_test_remote_file_iface_init))

/* Wraps a file derived from the backing one the same way (its parent, a
 * child), or passes NULL on. */
static GFile *
wrap (ThTestRemoteFile *self, GFile *backing)
{
  GFile *file;

  if (backing == NULL)
    return NULL;
  file = th_test_remote_file_new (backing, self->read_only);
  g_object_unref (backing);
  return file;
}

static GFile *
backing_of (GFile *file)
{
  return TH_IS_TEST_REMOTE_FILE (file) ? TH_TEST_REMOTE_FILE (file)->backing : NULL;
}

static GFile *
remote_dup (GFile *file)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (file);

  return wrap (self, g_file_dup (self->backing));
}

static guint
remote_hash (GFile *file)
{
  return g_file_hash (TH_TEST_REMOTE_FILE (file)->backing);
}

static gboolean
remote_equal (GFile *file1, GFile *file2)
{
  GFile *other = backing_of (file2);

  return other != NULL && g_file_equal (TH_TEST_REMOTE_FILE (file1)->backing, other);
}

static gboolean
remote_is_native (GFile *file)
{
  return FALSE;
}

static gboolean
remote_has_uri_scheme (GFile *file, const char *uri_scheme)
{
  return g_ascii_strcasecmp (uri_scheme, SCHEME) == 0;
}

static char *
remote_get_uri_scheme (GFile *file)
{
  return g_strdup (SCHEME);
}

static char *
remote_get_basename (GFile *file)
{
  return g_file_get_basename (TH_TEST_REMOTE_FILE (file)->backing);
}

static char *
remote_get_path (GFile *file)
{
  return NULL;
}

static char *
remote_get_uri (GFile *file)
{
  g_autofree char *path = g_file_get_path (TH_TEST_REMOTE_FILE (file)->backing);
  g_autofree char *escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, TRUE);

  return g_strconcat (SCHEME, "://host", escaped, NULL);
}

static char *
remote_get_parse_name (GFile *file)
{
  return remote_get_uri (file);
}

static GFile *
remote_get_parent (GFile *file)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (file);

  return wrap (self, g_file_get_parent (self->backing));
}

static gboolean
remote_prefix_matches (GFile *prefix, GFile *file)
{
  GFile *prefix_backing = backing_of (prefix);
  GFile *file_backing = backing_of (file);

  return prefix_backing != NULL && file_backing != NULL
         && g_file_has_prefix (file_backing, prefix_backing);
}

static char *
remote_get_relative_path (GFile *parent, GFile *descendant)
{
  GFile *parent_backing = backing_of (parent);
  GFile *descendant_backing = backing_of (descendant);

  if (parent_backing == NULL || descendant_backing == NULL)
    return NULL;
  return g_file_get_relative_path (parent_backing, descendant_backing);
}

static GFile *
remote_resolve_relative_path (GFile *file, const char *relative_path)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (file);

  return wrap (self, g_file_resolve_relative_path (self->backing, relative_path));
}

static GFile *
remote_get_child_for_display_name (GFile *file, const char *display_name, GError **error)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (file);

  return wrap (self, g_file_get_child_for_display_name (self->backing, display_name, error));
}

static GFileInfo *
remote_query_info (GFile *file, const char *attributes, GFileQueryInfoFlags flags,
                   GCancellable *cancellable, GError **error)
{
  return g_file_query_info (TH_TEST_REMOTE_FILE (file)->backing, attributes, flags, cancellable,
                            error);
}

static GFileInputStream *
remote_read (GFile *file, GCancellable *cancellable, GError **error)
{
  return g_file_read (TH_TEST_REMOTE_FILE (file)->backing, cancellable, error);
}

static GFileOutputStream *
remote_replace (GFile *file, const char *etag, gboolean make_backup, GFileCreateFlags flags,
                GCancellable *cancellable, GError **error)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (file);

  /* What GIO says for a place its backend cannot write to. */
  if (self->read_only)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Operation not supported");
      return NULL;
    }

  return g_file_replace (self->backing, etag, make_backup, flags, cancellable, error);
}

static gboolean
remote_delete (GFile *file, GCancellable *cancellable, GError **error)
{
  return g_file_delete (TH_TEST_REMOTE_FILE (file)->backing, cancellable, error);
}

static void
th_test_remote_file_iface_init (GFileIface *iface)
{
  iface->dup = remote_dup;
  iface->hash = remote_hash;
  iface->equal = remote_equal;
  iface->is_native = remote_is_native;
  iface->has_uri_scheme = remote_has_uri_scheme;
  iface->get_uri_scheme = remote_get_uri_scheme;
  iface->get_basename = remote_get_basename;
  iface->get_path = remote_get_path;
  iface->get_uri = remote_get_uri;
  iface->get_parse_name = remote_get_parse_name;
  iface->get_parent = remote_get_parent;
  iface->prefix_matches = remote_prefix_matches;
  iface->get_relative_path = remote_get_relative_path;
  iface->resolve_relative_path = remote_resolve_relative_path;
  iface->get_child_for_display_name = remote_get_child_for_display_name;
  iface->query_info = remote_query_info;
  iface->read_fn = remote_read;
  iface->replace = remote_replace;
  iface->delete_file = remote_delete;
}

static void
th_test_remote_file_finalize (GObject *object)
{
  ThTestRemoteFile *self = TH_TEST_REMOTE_FILE (object);

  g_clear_object (&self->backing);

  G_OBJECT_CLASS (th_test_remote_file_parent_class)->finalize (object);
}

static void
th_test_remote_file_class_init (ThTestRemoteFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = th_test_remote_file_finalize;
}

static void
th_test_remote_file_init (ThTestRemoteFile *self)
{
}

GFile *
th_test_remote_file_new (GFile *backing, gboolean read_only)
{
  ThTestRemoteFile *self;

  g_return_val_if_fail (G_IS_FILE (backing), NULL);
  g_return_val_if_fail (g_file_is_native (backing), NULL);

  self = g_object_new (TH_TYPE_TEST_REMOTE_FILE, NULL);
  self->backing = g_object_ref (backing);
  self->read_only = read_only;

  return G_FILE (self);
}

GFile *
th_test_remote_file_get_backing (ThTestRemoteFile *self)
{
  g_return_val_if_fail (TH_IS_TEST_REMOTE_FILE (self), NULL);

  return self->backing;
}
