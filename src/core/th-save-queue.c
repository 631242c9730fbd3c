/* th-save-queue.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-file-util.h"
#include "th-property.h"
#include "th-save-queue.h"

/* The priority of starting a write and of delivering its result: above
 * the sockets and the window's events, as both are short (a snapshot, and
 * a callback per request) and everything else that waits for the file
 * waits for them. */
#define WRITE_PRIORITY G_PRIORITY_HIGH

typedef struct
{
  ThSaveQueueDoneFunc done;
  gpointer user_data;
} Waiter;

/* One write of the file: the data of a GTask that runs on GIO's worker
 * threads and owns it.  The task holds no reference to the queue, only a
 * weak one: the last reference to the queue (and so to the session) is
 * always dropped on the main thread, never on a worker.  Everything here
 * may be freed on either thread. */
typedef struct
{
  GWeakRef queue;
  GFile *file;
  ThFileLock *lock;            /* the queue's, or NULL for a file without a local path */
  ThSessionSnapshot *snapshot; /* the worker's from the start */
  GArray *waiters;             /* of Waiter, completed by this write; main thread only */
  gboolean delivered;          /* main thread only */

  /* The worker tells that it finished through these, for whoever waits
   * for it on the main thread (th_save_queue_save_now()); the task's own
   * completion reaches the main thread only when its loop runs. */
  GMutex mutex;
  GCond cond;
  gboolean finished;
  GError *error; /* set by the worker before it finishes */
} Write;

struct _ThSaveQueue
{
  GObject parent_instance;

  ThSession *session;
  GFile *file;
  /* The file's lock (one writer per file), for a file with a local path:
   * taken by th_save_queue_lock() or at the first write, and kept until
   * the queue goes. */
  ThFileLock *lock;
  GMainContext *context;

  GArray *pending;  /* of Waiter: requests for the next write */
  GSource *idle;    /* starts the next write at the end of this iteration */
  GTask *in_flight; /* the write in progress, whose data is a Write */
  guint64 n_writes; /* finished, the one being completed included */
};

G_DEFINE_FINAL_TYPE (ThSaveQueue, th_save_queue, G_TYPE_OBJECT)

/* The queues alive in this process, so that everyone who saves a session
 * to a file finds the same one.  Used from the main thread only. */
static GPtrArray *queues;

/* th_save_queue_set_test_hook() */
static ThSaveQueueTestHook test_hook;
static gpointer test_hook_data;

static void
write_free (gpointer data)
{
  Write *write = data;

  g_weak_ref_clear (&write->queue);
  g_clear_object (&write->file);
  g_clear_pointer (&write->lock, th_file_lock_unref);
  g_clear_pointer (&write->snapshot, th_session_snapshot_free);
  g_clear_pointer (&write->waiters, g_array_unref);
  g_clear_error (&write->error);
  g_mutex_clear (&write->mutex);
  g_cond_clear (&write->cond);
  g_free (write);
}

static gboolean
write_file (GFile *file, ThFileLock *lock, const char *data, gsize length, GError **error)
{
  /* Through the lock, which stays on the file after the rename; and a
   * file someone else holds is not written at all. */
  if (lock != NULL)
    return th_file_lock_write_atomic (lock, data, length, error);

  /* Not a local file (a GVfs mount): GIO's replace also writes a
   * temporary file and renames it where the backend allows. */
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
complete (ThSaveQueue *self, GArray *waiters, const GError *error)
{
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = &g_array_index (waiters, Waiter, i);

      if (waiter->done != NULL)
        waiter->done (self, error, waiter->user_data);
    }
}

static gboolean idle_cb (gpointer user_data);

static void
schedule (ThSaveQueue *self)
{
  if (self->idle != NULL)
    return;

  /* Before the sockets' sources (WRITE_PRIORITY): under a steady stream
   * of requests an idle priority would never get its turn, and at theirs
   * the write waited behind every socket that was ready, a turn of the
   * loop that takes milliseconds in a busy room, for nothing: what it is
   * to write has been asked for already. */
  self->idle = g_idle_source_new ();
  g_source_set_priority (self->idle, WRITE_PRIORITY);
  g_source_set_callback (self->idle, idle_cb, self, NULL);
  g_source_set_static_name (self->idle, "[two-hats] save queue");
  g_source_attach (self->idle, self->context);
}

static void
unschedule (ThSaveQueue *self)
{
  if (self->idle == NULL)
    return;

  g_source_destroy (self->idle);
  g_clear_pointer (&self->idle, g_source_unref);
}

/* Hands the result of the write in progress, which has finished, to its
 * requests.  Writes complete in the order they were made. */
static void
deliver (ThSaveQueue *self)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->in_flight);
  Write *write = g_task_get_task_data (task);
  g_autoptr (GArray) waiters = NULL;

  g_assert (write->finished);

  /* A callback may drop the last reference but one. */
  g_object_ref (self);

  /* The worker is done with the lock.  It goes here, not with the task,
   * whose last reference the worker may drop a moment later: once the
   * queue goes, so does the file's lock, at once. */
  g_clear_pointer (&write->lock, th_file_lock_unref);
  write->delivered = TRUE;
  self->n_writes++;
  waiters = g_steal_pointer (&write->waiters);
  complete (self, waiters, write->error);

  /* What arrived during the write goes out now. */
  if (self->pending->len > 0)
    schedule (self);

  g_object_unref (self);
}

static void
wait_for_in_flight (ThSaveQueue *self)
{
  Write *write;

  if (self->in_flight == NULL)
    return;

  if (test_hook != NULL)
    test_hook (TH_SAVE_QUEUE_TEST_WAITS, test_hook_data);

  write = g_task_get_task_data (self->in_flight);
  g_mutex_lock (&write->mutex);
  while (!write->finished)
    g_cond_wait (&write->cond, &write->mutex);
  g_mutex_unlock (&write->mutex);
}

/* The task's completion, on the main thread, once its loop runs. */
static void
write_done_cb (GObject *source_object, GAsyncResult *result, gpointer user_data)
{
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr (ThSaveQueue) self = g_weak_ref_get (&write->queue);

  /* Delivered already by whoever waited for it. */
  if (self != NULL && !write->delivered)
    deliver (self);
}

static void
write_in_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Write *write = task_data;
  GError *error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (test_hook != NULL)
    test_hook (TH_SAVE_QUEUE_TEST_WRITES, test_hook_data);

  /* The text of a large session takes a good part of a second: it is
   * made here, and the copy it is made of goes as soon as it is. */
  data = th_session_snapshot_to_data (write->snapshot, &length);
  g_clear_pointer (&write->snapshot, th_session_snapshot_free);
  write_file (write->file, write->lock, data, length, &error);

  g_mutex_lock (&write->mutex);
  write->error = error;
  write->finished = TRUE;
  g_cond_broadcast (&write->cond);
  g_mutex_unlock (&write->mutex);

  /* The result is in the write; a save is never cancelled. */
  g_task_return_boolean (task, TRUE);
}

static void
start_write (ThSaveQueue *self)
{
  Write *write;

  if (self->in_flight != NULL || self->pending->len == 0)
    return;

  write = g_new0 (Write, 1);
  g_weak_ref_init (&write->queue, self);
  g_mutex_init (&write->mutex);
  g_cond_init (&write->cond);
  write->file = g_object_ref (self->file);
  write->lock = self->lock != NULL ? th_file_lock_ref (self->lock) : NULL;
  /* The snapshot is taken here, on the main thread, where the session
   * changes: the worker only ever sees this copy. */
  write->snapshot = th_session_snapshot_new (self->session);
  write->waiters = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Waiter));

  /* The task completes in the queue's context, whichever is the thread's
   * default now; no source object, so that no worker holds the queue. */
  g_main_context_push_thread_default (self->context);
  self->in_flight = g_task_new (NULL, NULL, write_done_cb, NULL);
  g_main_context_pop_thread_default (self->context);
  g_task_set_source_tag (self->in_flight, start_write);
  g_task_set_name (self->in_flight, "[two-hats] save");
  /* The write's end, with its acknowledgements and the next write, does
   * not wait behind a turn of the loop either. */
  g_task_set_priority (self->in_flight, WRITE_PRIORITY);
  g_task_set_task_data (self->in_flight, write, write_free);
  g_task_run_in_thread (self->in_flight, write_in_thread);
}

static gboolean
idle_cb (gpointer user_data)
{
  ThSaveQueue *self = user_data;

  g_clear_pointer (&self->idle, g_source_unref);
  /* With a write in progress, its end schedules the next one. */
  start_write (self);

  return G_SOURCE_REMOVE;
}

static void
th_save_queue_dispose (GObject *object)
{
  ThSaveQueue *self = TH_SAVE_QUEUE (object);

  /* Nothing asked for is dropped: what is pending is written now. */
  if (self->session != NULL)
    th_save_queue_flush (self, NULL);
  unschedule (self);

  G_OBJECT_CLASS (th_save_queue_parent_class)->dispose (object);
}

static void
th_save_queue_finalize (GObject *object)
{
  ThSaveQueue *self = TH_SAVE_QUEUE (object);

  g_assert (self->in_flight == NULL);

  if (queues != NULL)
    g_ptr_array_remove_fast (queues, self);

  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_pointer (&self->lock, th_file_lock_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (th_save_queue_parent_class)->finalize (object);
}

static void
th_save_queue_class_init (ThSaveQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = th_save_queue_dispose;
  object_class->finalize = th_save_queue_finalize;
}

static void
th_save_queue_init (ThSaveQueue *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (Waiter));
  self->context = g_main_context_ref_thread_default ();
}

ThSaveQueue *
th_save_queue_get (ThSession *session, GFile *file)
{
  ThSaveQueue *self;

  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (queues == NULL)
    queues = g_ptr_array_new ();

  for (guint i = 0; i < queues->len; i++)
    {
      ThSaveQueue *queue = queues->pdata[i];

      if (queue->session == session && g_file_equal (queue->file, file))
        return g_object_ref (queue);
    }

  self = g_object_new (TH_TYPE_SAVE_QUEUE, NULL);
  self->session = g_object_ref (session);
  self->file = g_object_ref (file);
  if (g_file_peek_path (file) != NULL)
    self->lock = th_file_lock_new (g_file_peek_path (file));
  g_ptr_array_add (queues, self);

  return self;
}

TH_DEFINE_GETTER (ThSession *, th_save_queue_get_session, ThSaveQueue, TH_IS_SAVE_QUEUE, session,
                  NULL)

TH_DEFINE_GETTER (GFile *, th_save_queue_get_file, ThSaveQueue, TH_IS_SAVE_QUEUE, file, NULL)

gboolean
th_save_queue_lock (ThSaveQueue *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (TH_IS_SAVE_QUEUE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file without a local path has no lock to take. */
  if (self->lock == NULL || th_file_lock_acquire (self->lock, &local_error))
    return TRUE;

  /* Not there yet: the first write makes it, locked. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
th_save_queue_set_lock (ThSaveQueue *self, ThFileLock *lock)
{
  g_return_if_fail (TH_IS_SAVE_QUEUE (self));
  g_return_if_fail (lock != NULL);
  g_return_if_fail (self->lock != NULL);
  g_return_if_fail (g_strcmp0 (th_file_lock_get_path (lock), th_file_lock_get_path (self->lock))
                    == 0);

  /* A write in progress holds the queue's own lock; it is not held, or
   * nobody could have taken @lock. */
  if (self->lock == lock || th_file_lock_get_held (self->lock))
    return;

  th_file_lock_unref (self->lock);
  self->lock = th_file_lock_ref (lock);
}

void
th_save_queue_request (ThSaveQueue *self, ThSaveQueueDoneFunc done, gpointer user_data)
{
  Waiter waiter = { done, user_data };

  g_return_if_fail (TH_IS_SAVE_QUEUE (self));

  g_array_append_val (self->pending, waiter);
  schedule (self);
}

gboolean
th_save_queue_save_now (ThSaveQueue *self, GError **error)
{
  g_autoptr (GObject) hold = NULL;
  g_autoptr (GArray) waiters = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (TH_IS_SAVE_QUEUE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hold = g_object_ref (G_OBJECT (self));

  /* Never two writes of the file at once; and the older write's requests
   * learn their result before the newer ones. */
  if (self->in_flight != NULL)
    {
      wait_for_in_flight (self);
      deliver (self);
    }

  unschedule (self);
  waiters = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Waiter));

  data = th_session_to_data (self->session, &length);
  write_file (self->file, self->lock, data, length, &local_error);
  self->n_writes++;
  complete (self, waiters, local_error);

  if (self->pending->len > 0)
    schedule (self);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
th_save_queue_flush (ThSaveQueue *self, GError **error)
{
  g_return_val_if_fail (TH_IS_SAVE_QUEUE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->pending->len > 0)
    return th_save_queue_save_now (self, error);

  if (self->in_flight != NULL)
    {
      Write *write = g_task_get_task_data (self->in_flight);
      g_autoptr (GError) write_error = NULL;

      wait_for_in_flight (self);
      if (write->error != NULL)
        write_error = g_error_copy (write->error);
      deliver (self);

      /* A request made by a completion callback is written too. */
      if (self->pending->len > 0)
        return th_save_queue_save_now (self, error);

      if (write_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&write_error));
          return FALSE;
        }
    }

  return TRUE;
}

TH_DEFINE_GETTER (guint64, th_save_queue_get_n_writes, ThSaveQueue, TH_IS_SAVE_QUEUE, n_writes, 0)

void
th_save_queue_set_test_hook (ThSaveQueueTestHook hook, gpointer user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

gboolean
th_save_queue_get_busy (ThSaveQueue *self)
{
  g_return_val_if_fail (TH_IS_SAVE_QUEUE (self), FALSE);

  return self->pending->len > 0 || self->in_flight != NULL;
}

void
th_save_queue_flush_all (void)
{
  g_autoptr (GPtrArray) copy = NULL;

  if (queues == NULL)
    return;

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < queues->len; i++)
    g_ptr_array_add (copy, g_object_ref (queues->pdata[i]));

  /* Each queue's callbacks have told whoever asked; nothing is left for
   * the caller to do with an error. */
  for (guint i = 0; i < copy->len; i++)
    th_save_queue_flush (copy->pdata[i], NULL);
}
