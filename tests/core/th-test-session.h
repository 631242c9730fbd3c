/* th-test-session.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-session.h"
#include "th-test-utils.h"

G_BEGIN_DECLS

/* The session in tests/fixtures/@name, read with the app's own reader;
 * the test fails where it does not load. */
static inline ThSession *
th_test_load_session_fixture (const char *name)
{
  g_autoptr (GFile) file = th_test_fixture_file (name);
  g_autoptr (GError) error = NULL;
  ThSession *session = th_session_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_true (TH_IS_SESSION (session));
  return session;
}

G_END_DECLS
