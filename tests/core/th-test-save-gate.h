/* th-test-save-gate.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "th-save-queue.h"

G_BEGIN_DECLS

/* A gate every save queue's worker stops at before it writes (through
 * th_save_queue_set_test_hook()), so that a write stays in progress for
 * as long as a test needs: until the test opens the gate, or until a
 * queue starts to wait for that write (th_save_queue_save_now(),
 * th_save_queue_flush()), which would otherwise wait for ever. */
typedef struct
{
  GMutex mutex;
  GCond cond;
  guint n_held;   /* writes that reached the gate */
  guint n_waits;  /* times a queue waited for a write in progress */
  guint n_inside; /* workers in the hook now */
  gboolean open;
} ThTestSaveGate;

static inline void
th_test_save_gate_hook (ThSaveQueueTestPoint point, gpointer user_data)
{
  ThTestSaveGate *gate = user_data;

  g_mutex_lock (&gate->mutex);
  if (point == TH_SAVE_QUEUE_TEST_WRITES)
    {
      gate->n_held++;
      gate->n_inside++;
      g_cond_broadcast (&gate->cond);
      while (!gate->open)
        g_cond_wait (&gate->cond, &gate->mutex);
      gate->n_inside--;
    }
  else
    {
      gate->n_waits++;
      gate->open = TRUE;
    }
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* Shut, from now until th_test_save_gate_remove(); install it while no
 * write is in progress. */
static inline void
th_test_save_gate_install (ThTestSaveGate *gate)
{
  memset (gate, 0, sizeof *gate);
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  th_save_queue_set_test_hook (th_test_save_gate_hook, gate);
}

static inline void
th_test_save_gate_open (ThTestSaveGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

static inline guint
th_test_save_gate_get_n_held (ThTestSaveGate *gate)
{
  guint n;

  g_mutex_lock (&gate->mutex);
  n = gate->n_held;
  g_mutex_unlock (&gate->mutex);

  return n;
}

static inline guint
th_test_save_gate_get_n_waits (ThTestSaveGate *gate)
{
  guint n;

  g_mutex_lock (&gate->mutex);
  n = gate->n_waits;
  g_mutex_unlock (&gate->mutex);

  return n;
}

/* For th_test_wait_until() in a test that runs a main loop meanwhile: a
 * write is held at the gate. */
static inline gboolean
th_test_save_gate_holds (gpointer gate)
{
  return th_test_save_gate_get_n_held (gate) > 0;
}

/* Waits, without running a main loop, until @n writes have reached the
 * gate; FALSE when none did before @timeout_ms (a deadline, multiplied by
 * TH_TEST_SLOW by the caller). */
static inline gboolean
th_test_save_gate_wait_held (ThTestSaveGate *gate, guint n, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean held;

  g_mutex_lock (&gate->mutex);
  while (gate->n_held < n && g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
    ;
  held = gate->n_held >= n;
  g_mutex_unlock (&gate->mutex);

  return held;
}

/* Opens the gate, waits for the workers in it to leave and takes it away;
 * the test makes sure that no write starts meanwhile. */
static inline void
th_test_save_gate_remove (ThTestSaveGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  while (gate->n_inside > 0)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);

  th_save_queue_set_test_hook (NULL, NULL);
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

G_END_DECLS
