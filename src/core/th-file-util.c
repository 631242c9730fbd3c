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
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "th-error.h"
#include "th-file-util.h"

/* The temporary file's name keeps a bounded part of the target's, so that
 * a long file name cannot push it past NAME_MAX. */
#define TMP_NAME_PREFIX_MAX 64

/* How often taking a lock starts again because the file was replaced
 * between opening it and locking it; only a writer that never stops gets
 * past it. */
#define LOCK_ATTEMPTS_MAX 100

/* One writer per session file (docs/session-format.md, "One writer at a
 * time").  The lock is flock() on a descriptor of the session file itself,
 * kept open for as long as the file is open: no companion file to leave
 * behind, and the kernel lets it go when the process ends, however it
 * ends.  flock() rather than fcntl() locks because a POSIX record lock
 * belongs to the process and goes away when any descriptor of the file is
 * closed (every read of it would drop it), and because it needs no
 * descriptor open for writing, so a read-only file can be locked.
 *
 * Saving renames a new file over the old one, which leaves the old
 * descriptor on a file nobody sees any more.  So the holder locks the new
 * file before the rename and lets the old one go after it: at every
 * moment the file under the name is locked.  Whoever takes the lock
 * checks, once it has it, that the name still leads to the file it
 * locked, and starts again when a save came in between. */
struct _ThFileLock
{
  gatomicrefcount ref_count;
  /* The lock is taken on the main thread and saves swap its descriptor on
   * a worker thread. */
  GMutex mutex;
  char *path;
  int fd; /* of the file under the name, locked; -1 while not held */
};

static void
set_errno_error (GError **error, int saved_errno, const char *what)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", what,
               g_strerror (saved_errno));
}

/* What is wrong with a file that could not be opened, in the words the
 * messages of the command line and the app use. */
static void
set_open_error (GError **error, int saved_errno)
{
  switch (saved_errno)
    {
      case ENOENT:
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _ ("No such file or directory"));
        break;
      case EACCES:
      case EPERM:
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _ ("Permission denied"));
        break;
      default:
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             g_strerror (saved_errno));
        break;
    }
}

/* A folder, a FIFO, a device or a socket where a file was expected.  Two
 * Hats never reads one (a FIFO would keep it waiting for a writer for
 * ever) nor writes through or over one. */
static void
set_not_regular_error (GError **error, mode_t mode, gboolean writing)
{
  GIOErrorEnum code = S_ISDIR (mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE;
  const char *what;

  if (S_ISDIR (mode))
    what = _ ("Is a folder, not a file");
  else if (S_ISFIFO (mode))
    what = _ ("Is a FIFO, not a regular file");
  else if (S_ISSOCK (mode))
    what = _ ("Is a socket, not a regular file");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    what = _ ("Is a device, not a regular file");
  else
    what = _ ("Is not a regular file");

  if (writing)
    /* Translators: %s is one of the sentences that say what a file is,
     * such as "Is a FIFO, not a regular file". */
    g_set_error (error, G_IO_ERROR, code, _ ("%s; nothing was written"), what);
  else
    g_set_error_literal (error, G_IO_ERROR, code, what);
}

static void
set_locked_error (GError **error, gboolean writing)
{
  if (writing)
    g_set_error_literal (error, TH_ERROR, TH_ERROR_LOCKED,
                         _ ("Is open in another Two Hats window or “two-hats --host”, which "
                            "writes to it; nothing was written"));
  else
    g_set_error_literal (error, TH_ERROR, TH_ERROR_LOCKED,
                         _ ("This workshop is open in another Two Hats window or "
                            "“two-hats --host”"));
}

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Opens @path for reading, refusing anything but a regular file before
 * opening it: opening a FIFO waits for a writer, and opening a device can
 * do something of its own.  O_NONBLOCK, should a FIFO take the file's
 * place between the two looks, keeps the open from waiting; fstat() then
 * refuses it.  Returns the descriptor, or -1 with @error set. */
static int
open_regular (const char *path, struct stat *st, gboolean writing, GError **error)
{
  int fd;

  if (stat (path, st) != 0)
    {
      set_open_error (error, errno);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      set_not_regular_error (error, st->st_mode, writing);
      return -1;
    }

  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      set_open_error (error, errno);
      return -1;
    }

  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      int saved_errno = errno;

      if (S_ISREG (st->st_mode))
        set_open_error (error, saved_errno);
      else
        set_not_regular_error (error, st->st_mode, writing);
      close (fd);
      return -1;
    }

  return fd;
}

/* Locks @fd for this open file alone.  FALSE only when someone else holds
 * it; a file system that has no locks (some network mounts) is written
 * without one rather than not at all. */
static gboolean
lock_fd (int fd)
{
  for (;;)
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return TRUE;
      if (errno == EINTR)
        continue;
      if (errno == EWOULDBLOCK)
        return FALSE;
      g_debug ("Cannot lock files here: %s", g_strerror (errno));
      return TRUE;
    }
}

/* Opens and locks the file at @path (a link followed), once the name
 * leads to the file locked.  Returns the descriptor, or -1 with @error:
 * TH_ERROR_LOCKED when someone else holds it, or why it cannot be
 * opened. */
static int
open_and_lock (const char *path, gboolean writing, GError **error)
{
  for (guint attempt = 0; attempt < LOCK_ATTEMPTS_MAX; attempt++)
    {
      struct stat fd_stat, path_stat;
      gboolean locked;
      int fd;

      fd = open_regular (path, &fd_stat, writing, error);
      if (fd < 0)
        return -1;

      locked = lock_fd (fd);

      /* A save by the holder renamed a new file over this one in the
       * meantime: what counts is the file under the name now. */
      if (stat (path, &path_stat) != 0 || !same_file (&fd_stat, &path_stat))
        {
          close (fd);
          continue;
        }

      if (!locked)
        {
          close (fd);
          set_locked_error (error, writing);
          return -1;
        }

      return fd;
    }

  set_locked_error (error, writing);
  return -1;
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

/* th_file_write_atomic(); with @held_lock, the descriptor of the target
 * that this process holds the lock of (the lock of a ThFileLock), and the
 * new file comes back locked in *@new_lock_fd.  Without it, a target that
 * someone holds the lock of is refused, and the target stays locked by
 * this write until it is replaced, so that nobody takes the lock of a
 * file that is about to go. */
static gboolean
write_atomic (const char *path, const void *data, gsize length, gboolean held_lock,
              int *new_lock_fd, GError **error)
{
  g_autofree char *real_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  struct stat target_stat;
  gboolean target_exists;
  int probe_fd = -1;
  int saved_errno = 0;
  int fd;

  /* Replace what a symbolic link points to, not the link itself: the
   * user keeps the link they made. */
  real_path = realpath (path, NULL);
  if (real_path == NULL)
    real_path = g_strdup (path);

  /* Never through or over a device, a FIFO, a socket or a folder (and so
   * never /dev/null replaced by a file): only a regular file is replaced.
   * stat() looks without opening anything. */
  target_exists = stat (real_path, &target_stat) == 0;
  if (target_exists && !S_ISREG (target_stat.st_mode))
    {
      set_not_regular_error (error, target_stat.st_mode, TRUE);
      return FALSE;
    }

  if (target_exists && !held_lock)
    {
      GError *probe_error = NULL;

      probe_fd = open_and_lock (real_path, TRUE, &probe_error);
      if (probe_fd < 0)
        {
          /* Gone in the meantime: then there is nothing to replace. */
          if (!g_error_matches (probe_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, probe_error);
              return FALSE;
            }
          g_clear_error (&probe_error);
        }
    }

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
      if (probe_fd >= 0)
        close (probe_fd);
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

  /* The holder of the lock locks the new file before it takes the old
   * one's name, so that the name never leads to a file without it. */
  if (new_lock_fd != NULL && !lock_fd (fd))
    {
      set_locked_error (error, TRUE);
      goto fail;
    }

  if (new_lock_fd == NULL)
    {
      if (close (fd) != 0)
        {
          fd = -1;
          saved_errno = errno;
          set_errno_error (error, saved_errno, _ ("Could not write"));
          goto fail;
        }
      fd = -1;
    }

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

  if (new_lock_fd != NULL)
    *new_lock_fd = fd;
  if (probe_fd >= 0)
    close (probe_fd);
  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  if (probe_fd >= 0)
    close (probe_fd);
  g_unlink (tmp_path);
  return FALSE;
}

gboolean
th_file_write_atomic (const char *path, const void *data, gsize length, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_atomic (path, data, length, FALSE, NULL, error);
}

ThFileLock *
th_file_lock_new (const char *path)
{
  ThFileLock *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (ThFileLock, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->path = g_strdup (path);
  self->fd = -1;

  return self;
}

ThFileLock *
th_file_lock_ref (ThFileLock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
th_file_lock_unref (ThFileLock *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->fd >= 0)
    close (self->fd);
  g_mutex_clear (&self->mutex);
  g_free (self->path);
  g_free (self);
}

const char *
th_file_lock_get_path (ThFileLock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
th_file_lock_get_held (ThFileLock *self)
{
  gboolean held;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  held = self->fd >= 0;
  g_mutex_unlock (&self->mutex);

  return held;
}

static gboolean
acquire_locked (ThFileLock *self, gboolean writing, GError **error)
{
  if (self->fd < 0)
    self->fd = open_and_lock (self->path, writing, error);

  return self->fd >= 0;
}

gboolean
th_file_lock_acquire (ThFileLock *self, GError **error)
{
  gboolean held;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->mutex);
  held = acquire_locked (self, FALSE, error);
  g_mutex_unlock (&self->mutex);

  return held;
}

gboolean
th_file_lock_write_atomic (ThFileLock *self, const void *data, gsize length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean written;
  int new_fd = -1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&self->mutex);

  /* A file that does not exist yet is made by this write, locked. */
  if (!acquire_locked (self, TRUE, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_mutex_unlock (&self->mutex);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  written = write_atomic (self->path, data, length, TRUE, &new_fd, error);
  if (written)
    {
      /* The old file is nobody's any more; the new one is locked. */
      if (self->fd >= 0)
        close (self->fd);
      self->fd = new_fd;
    }

  g_mutex_unlock (&self->mutex);
  return written;
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

/* A local file, read with plain system calls so that what is opened is
 * looked at first (open_regular()). */
static GBytes *
read_local (const char *path, gsize max_size, GCancellable *cancellable, GError **error)
{
  g_autoptr (GByteArray) buffer = NULL;
  guint8 chunk[64 * 1024];
  struct stat st;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  fd = open_regular (path, &st, FALSE, error);
  if (fd < 0)
    return NULL;

  /* Refuse a huge file before reading a byte of it. */
  if ((guint64)st.st_size > max_size)
    {
      th_file_set_too_large_error (error, (guint64)st.st_size, max_size);
      close (fd);
      return NULL;
    }

  /* The size above can be wrong (a file that grows, /proc), so the limit
   * is enforced while reading too. */
  buffer = g_byte_array_sized_new ((guint)MIN ((guint64)st.st_size, (guint64)G_MAXUINT));
  for (;;)
    {
      ssize_t n_read = read (fd, chunk, sizeof chunk);

      if (n_read < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          set_errno_error (error, saved_errno, _ ("Could not read"));
          close (fd);
          return NULL;
        }
      if (n_read == 0)
        break;

      if (buffer->len + (gsize)n_read > max_size)
        {
          th_file_set_too_large_error (error, (guint64)buffer->len + (guint64)n_read, max_size);
          close (fd);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint)n_read);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
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

  if (g_file_peek_path (file) != NULL)
    return read_local (g_file_peek_path (file), max_size, cancellable, error);

  /* Not a local file (a GVfs mount): GIO reads it. */
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
