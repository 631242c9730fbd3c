/* th-file-util.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "th-error.h"
#include "th-file-util.h"

/* The temporary file's name keeps a bounded part of the target's, so that
 * a long file name cannot push it past NAME_MAX. */
#define TMP_NAME_PREFIX_MAX 64

static void
set_errno_error (GError **error, int saved_errno, const char *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", what,
               g_strerror (saved_errno));
}

static gboolean
write_all (int fd, const guint8 *data, gsize length, int *saved_errno)
{
  while (length > 0)
    {
      ssize_t written = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      data += written;
      length -= (gsize)written;
    }

  return TRUE;
}

gboolean
th_file_write_atomic (const char *path, const void *data, gsize length, GError **error)
{
  g_autofree char *real_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat target_stat;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Replace what a symbolic link points to, not the link itself: the
   * user keeps the link they made. */
  real_path = realpath (path, NULL);
  if (real_path == NULL)
    real_path = g_strdup (path);

  dir = g_path_get_dirname (real_path);
  base = g_path_get_basename (real_path);
  if (strlen (base) > TMP_NAME_PREFIX_MAX)
    base[TMP_NAME_PREFIX_MAX] = '\0';

  /* Beside the target, so the rename stays within one file system and
   * is atomic; hidden, so file managers do not flash it. */
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _ ("Could not create a temporary file beside it"));
      return FALSE;
    }

  /* Keep the permissions of a file that is being replaced; a new one gets
   * the usual 0666 less the umask, as open() applied. */
  if (stat (real_path, &target_stat) == 0 && S_ISREG (target_stat.st_mode))
    (void)fchmod (fd, target_stat.st_mode & 07777);

  if (!write_all (fd, data, length, &saved_errno))
    {
      set_errno_error (error, saved_errno, _ ("Could not write"));
      goto fail;
    }

  /* Without the flush, a power cut after the rename can leave an empty
   * file under the old name on some file systems. */
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _ ("Could not write"));
      goto fail;
    }

  if (close (fd) != 0)
    {
      fd = -1;
      saved_errno = errno;
      set_errno_error (error, saved_errno, _ ("Could not write"));
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp_path, real_path) != 0)
    {
      saved_errno = errno;
      set_errno_error (error, saved_errno, _ ("Could not replace the file"));
      goto fail;
    }

  /* Make the rename itself durable; a failure here changes nothing that
   * the caller could act on, so it is not reported. */
  {
    int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dir_fd >= 0)
      {
        (void)fsync (dir_fd);
        close (dir_fd);
      }
  }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp_path);
  return FALSE;
}

/* GIO's messages repeat the file name, which the caller already shows
 * ("two-hats: FILE: …"); keep only what went wrong. */
static void
set_read_error (GError **error, GError *local_error)
{
  switch (local_error->code)
    {
      case G_IO_ERROR_NOT_FOUND:
        g_set_error_literal (error, G_IO_ERROR, local_error->code, _ ("No such file or directory"));
        break;
      case G_IO_ERROR_IS_DIRECTORY:
        g_set_error_literal (error, G_IO_ERROR, local_error->code, _ ("Is a folder, not a file"));
        break;
      case G_IO_ERROR_PERMISSION_DENIED:
        g_set_error_literal (error, G_IO_ERROR, local_error->code, _ ("Permission denied"));
        break;
      default:
        g_propagate_error (error, g_error_copy (local_error));
        break;
    }
}

void
th_file_set_too_large_error (GError **error, guint64 size, gsize max_size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *max_text = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  /* "64.0 MiB, more than the limit of 64.0 MiB" would read as nonsense
   * for a file just past the limit; bytes settle it. */
  if (g_strcmp0 (size_text, max_text) == 0)
    {
      g_autofree char *size_bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
      g_autofree char *max_bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)max_size);

      g_free (size_text);
      g_free (max_text);
      size_text = g_strdup_printf (_ ("%s bytes"), size_bytes);
      max_text = g_strdup_printf (_ ("%s bytes"), max_bytes);
    }

  g_set_error (error, TH_ERROR, TH_ERROR_TOO_LARGE, _ ("the file is %s, more than the limit of %s"),
               size_text, max_text);
}

GBytes *
th_file_read_bounded (GFile *file, gsize max_size, GError **error)
{
  return th_file_read_bounded_cancellable (file, max_size, NULL, error);
}

GBytes *
th_file_read_bounded_cancellable (GFile *file, gsize max_size, GCancellable *cancellable,
                                  GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  g_autoptr (GError) local_error = NULL;
  guint8 chunk[64 * 1024];
  guint size_hint = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_read_error (error, local_error);
      return NULL;
    }

  /* Refuse a huge file before reading a byte of it. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      guint64 size = (guint64)g_file_info_get_size (info);

      if (size > max_size)
        {
          th_file_set_too_large_error (error, size, max_size);
          return NULL;
        }
      size_hint = (guint)MIN (size, (guint64)G_MAXUINT);
    }

  /* The size above can be wrong (a file that grows, a pipe, /proc), so
   * the limit is enforced while reading too. */
  buffer = g_byte_array_sized_new (size_hint);
  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                           cancellable, &local_error);

      if (n_read < 0)
        {
          set_read_error (error, local_error);
          return NULL;
        }
      if (n_read == 0)
        break;

      if (buffer->len + (gsize)n_read > max_size)
        {
          th_file_set_too_large_error (error, (guint64)buffer->len + (guint64)n_read, max_size);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint)n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
