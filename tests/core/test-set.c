/* test-set.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The setter helpers (th-set.h): they store a copy or a reference, say
 * whether anything changed, treat NULL as a value of its own, and take a
 * value that lies inside the string they replace. */

#include "config.h"

#include "th-set.h"

static void
test_str (void)
{
  char *slot = NULL;
  const char *before;

  g_assert_false (th_set_str (&slot, NULL));
  g_assert_null (slot);

  g_assert_true (th_set_str (&slot, "Ana"));
  g_assert_cmpstr (slot, ==, "Ana");

  /* An equal string is no change, and the stored copy stays. */
  before = slot;
  g_assert_false (th_set_str (&slot, "Ana"));
  g_assert_true (slot == before);

  g_assert_true (th_set_str (&slot, "Ana Maria"));
  g_assert_cmpstr (slot, ==, "Ana Maria");

  /* The tail of the string being replaced. */
  g_assert_true (th_set_str (&slot, slot + 4));
  g_assert_cmpstr (slot, ==, "Maria");

  g_assert_true (th_set_str (&slot, NULL));
  g_assert_null (slot);
}

static void
test_str_copies (void)
{
  g_autofree char *slot = NULL;
  char value[] = "Lisbon";

  g_assert_true (th_set_str (&slot, value));
  value[0] = 'X';
  g_assert_cmpstr (slot, ==, "Lisbon");
}

static void
test_date_time (void)
{
  g_autoptr (GDateTime) first = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr (GDateTime) same = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr (GDateTime) later = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  GDateTime *slot = NULL;

  g_assert_false (th_set_date_time (&slot, NULL));
  g_assert_null (slot);

  g_assert_true (th_set_date_time (&slot, first));
  g_assert_true (slot == first);

  /* Another object for the same moment is no change. */
  g_assert_false (th_set_date_time (&slot, same));
  g_assert_true (slot == first);

  g_assert_true (th_set_date_time (&slot, later));
  g_assert_true (slot == later);

  g_assert_true (th_set_date_time (&slot, NULL));
  g_assert_null (slot);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/set/str", test_str);
  g_test_add_func ("/set/str-copies", test_str_copies);
  g_test_add_func ("/set/date-time", test_date_time);

  return g_test_run ();
}
