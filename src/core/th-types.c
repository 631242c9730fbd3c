/* th-types.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "th-types.h"

/* These strings are file-format ids (docs/deck-format.md, docs/scores.md), never translated. */

static const char *const side_ids[] = {
  [TH_SIDE_LEADERSHIP] = "leadership",
  [TH_SIDE_MANAGEMENT] = "management",
  [TH_SIDE_BOTH] = "both",
};

/* No contrast has no id: nothing is written for it. */
static const char *const contrast_ids[] = {
  [TH_CONTRAST_NONE] = NULL,
  [TH_CONTRAST_VISION_EXECUTION] = "vision-execution",
  [TH_CONTRAST_PEOPLE_PROCESS] = "people-process",
  [TH_CONTRAST_RISK] = "risk",
};

static const char *
id_of (const char *const *ids, guint n_ids, guint value)
{
  g_return_val_if_fail (value < n_ids, NULL);

  return ids[value];
}

/* Finds @str among @ids and stores its index in *@value (an enum, which
 * has the size of an int), leaving *@value alone when @str is no id.  A
 * value without an id is never found. */
static gboolean
value_of (const char *const *ids, guint n_ids, const char *str, int *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    if (ids[i] != NULL && strcmp (str, ids[i]) == 0)
      {
        *value = (int)i;
        return TRUE;
      }

  return FALSE;
}

const char *
th_side_to_string (ThSide side)
{
  return id_of (side_ids, G_N_ELEMENTS (side_ids), side);
}

gboolean
th_side_from_string (const char *str, ThSide *side)
{
  g_return_val_if_fail (side != NULL, FALSE);

  return value_of (side_ids, G_N_ELEMENTS (side_ids), str, (int *)side);
}

const char *
th_contrast_to_string (ThContrast contrast)
{
  return id_of (contrast_ids, G_N_ELEMENTS (contrast_ids), contrast);
}

gboolean
th_contrast_from_string (const char *str, ThContrast *contrast)
{
  g_return_val_if_fail (contrast != NULL, FALSE);

  return value_of (contrast_ids, G_N_ELEMENTS (contrast_ids), str, (int *)contrast);
}

/* tools/room-advice reads these ids from the cases below. */
const char *
th_quadrant_to_id (ThQuadrant quadrant)
{
  switch (quadrant)
    {
      case TH_QUADRANT_NONE:
        return NULL;
      case TH_QUADRANT_BALANCED:
        return "balanced";
      case TH_QUADRANT_LEADERSHIP_DRIVEN:
        return "leadership-driven";
      case TH_QUADRANT_MANAGEMENT_DRIVEN:
        return "management-driven";
      case TH_QUADRANT_DEVELOPING:
        return "developing";
      default:
        g_return_val_if_reached (NULL);
    }
}

const char *
th_quadrant_get_display_name (ThQuadrant quadrant)
{
  /* The names the chart shows (docs/scores.md). */
  switch (quadrant)
    {
      case TH_QUADRANT_NONE:
        return _ ("No position yet");
      case TH_QUADRANT_BALANCED:
        return _ ("Both hats");
      case TH_QUADRANT_LEADERSHIP_DRIVEN:
        return _ ("Leadership-driven");
      case TH_QUADRANT_MANAGEMENT_DRIVEN:
        return _ ("Management-driven");
      case TH_QUADRANT_DEVELOPING:
        return _ ("Still developing");
      default:
        g_return_val_if_reached (NULL);
    }
}

const char *
th_side_get_display_name (ThSide side)
{
  static const char *const names[] = {
    [TH_SIDE_LEADERSHIP] = N_ ("Leadership"),
    [TH_SIDE_MANAGEMENT] = N_ ("Management"),
    [TH_SIDE_BOTH] = N_ ("Both hats"),
  };

  g_return_val_if_fail ((guint)side < G_N_ELEMENTS (names), NULL);

  return _ (names[side]);
}

gboolean
th_id_is_valid (const char *id)
{
  gsize i;

  if (id == NULL)
    return FALSE;

  for (i = 0; id[i] != '\0'; i++)
    {
      char c = id[i];

      if (i >= TH_MAX_ID_CHARS)
        return FALSE;
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        return FALSE;
    }

  return i > 0;
}
