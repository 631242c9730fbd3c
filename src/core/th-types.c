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

const char *
th_side_to_string (ThSide side)
{
  switch (side)
    {
      case TH_SIDE_LEADERSHIP:
        return "leadership";
      case TH_SIDE_MANAGEMENT:
        return "management";
      case TH_SIDE_BOTH:
        return "both";
      default:
        g_return_val_if_reached (NULL);
    }
}

gboolean
th_side_from_string (const char *str, ThSide *side)
{
  g_return_val_if_fail (side != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  if (strcmp (str, "leadership") == 0)
    *side = TH_SIDE_LEADERSHIP;
  else if (strcmp (str, "management") == 0)
    *side = TH_SIDE_MANAGEMENT;
  else if (strcmp (str, "both") == 0)
    *side = TH_SIDE_BOTH;
  else
    return FALSE;

  return TRUE;
}

const char *
th_contrast_to_string (ThContrast contrast)
{
  switch (contrast)
    {
      case TH_CONTRAST_NONE:
        return NULL;
      case TH_CONTRAST_VISION_EXECUTION:
        return "vision-execution";
      case TH_CONTRAST_PEOPLE_PROCESS:
        return "people-process";
      case TH_CONTRAST_RISK:
        return "risk";
      default:
        g_return_val_if_reached (NULL);
    }
}

gboolean
th_contrast_from_string (const char *str, ThContrast *contrast)
{
  g_return_val_if_fail (contrast != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  if (strcmp (str, "vision-execution") == 0)
    *contrast = TH_CONTRAST_VISION_EXECUTION;
  else if (strcmp (str, "people-process") == 0)
    *contrast = TH_CONTRAST_PEOPLE_PROCESS;
  else if (strcmp (str, "risk") == 0)
    *contrast = TH_CONTRAST_RISK;
  else
    return FALSE;

  return TRUE;
}

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
