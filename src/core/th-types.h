/* th-types.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which hat a card or a behaviour belongs to.  Behaviours use only the
 * first two; concept cards may be about both. */
typedef enum
{
  TH_SIDE_LEADERSHIP,
  TH_SIDE_MANAGEMENT,
  TH_SIDE_BOTH,
} ThSide;

typedef enum
{
  TH_CONTRAST_NONE,
  TH_CONTRAST_VISION_EXECUTION,
  TH_CONTRAST_PEOPLE_PROCESS,
  TH_CONTRAST_RISK,
} ThContrast;

/* The quadrants of the chart, docs/scores.md "Quadrants". */
typedef enum
{
  TH_QUADRANT_NONE, /* no position: one of the scores is undefined */
  TH_QUADRANT_BALANCED,
  TH_QUADRANT_LEADERSHIP_DRIVEN,
  TH_QUADRANT_MANAGEMENT_DRIVEN,
  TH_QUADRANT_DEVELOPING,
} ThQuadrant;

/* Format limits, docs/session-format.md "Limits". */
#define TH_MAX_FILE_SIZE (64 * 1024 * 1024)
#define TH_MAX_PARTICIPANTS 100000
#define TH_MAX_BEHAVIOURS 1000
#define TH_MAX_STRING_CHARS 4000
#define TH_MAX_ID_CHARS 64
#define TH_MAX_NAME_CHARS 100
#define TH_FORMAT_VERSION 1
#define TH_DEFAULT_THRESHOLD 50.0

const char *th_side_to_string (ThSide side);
gboolean th_side_from_string (const char *str, ThSide *side);
const char *th_contrast_to_string (ThContrast contrast);
gboolean th_contrast_from_string (const char *str, ThContrast *contrast);
/* The docs/scores.md id ("balanced", …); NULL for TH_QUADRANT_NONE. */
const char *th_quadrant_to_id (ThQuadrant quadrant);
/* The name shown to people ("Both hats", …), translated. */
const char *th_quadrant_get_display_name (ThQuadrant quadrant);
/* The name of a hat shown to people ("Leadership", "Management", "Both
 * hats"), translated. */
const char *th_side_get_display_name (ThSide side);

/* TRUE if @id is 1–64 characters of a-z, 0-9 and '-'. */
gboolean th_id_is_valid (const char *id);

G_END_DECLS
