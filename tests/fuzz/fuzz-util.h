/* fuzz-util.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical or a warning means a g_return_if_fail() was hit or a GLib
 * invariant broken on the way through hostile input: for a fuzzer that is
 * a crash to report, not a line to scroll past. */
static inline void
th_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* A property of the code that the input broke.  abort() rather than
 * g_assert(), which G_DISABLE_ASSERT would compile out of a release build. */
#define TH_FUZZ_CHECK(condition)                                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    if (G_UNLIKELY (!(condition)))                                                                 \
      {                                                                                            \
        fprintf (stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, G_STRFUNC,           \
                 #condition);                                                                      \
        abort ();                                                                                  \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

G_END_DECLS
