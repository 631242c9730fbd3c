/* th-chart-row.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-chart-row.h"
#include "th-property.h"
#include "th-set.h"

struct _ThChartRow
{
  GObject parent_instance;

  char *participant_id;
  char *display_name;
  double leadership;
  double management;
  char *leadership_text;
  char *management_text;
  ThQuadrant quadrant;
};

G_DEFINE_FINAL_TYPE (ThChartRow, th_chart_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PARTICIPANT_ID,
  PROP_DISPLAY_NAME,
  PROP_LEADERSHIP,
  PROP_MANAGEMENT,
  PROP_LEADERSHIP_TEXT,
  PROP_MANAGEMENT_TEXT,
  PROP_QUADRANT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ThChartRow *
th_chart_row_new (const char *participant_id)
{
  return g_object_new (TH_TYPE_CHART_ROW, "participant-id", participant_id, NULL);
}

TH_DEFINE_GETTER (const char *, th_chart_row_get_participant_id, ThChartRow, TH_IS_CHART_ROW,
                  participant_id, NULL)

TH_DEFINE_GETTER (const char *, th_chart_row_get_display_name, ThChartRow, TH_IS_CHART_ROW,
                  display_name, NULL)

TH_DEFINE_GETTER (double, th_chart_row_get_leadership, ThChartRow, TH_IS_CHART_ROW, leadership, -1)

TH_DEFINE_GETTER (double, th_chart_row_get_management, ThChartRow, TH_IS_CHART_ROW, management, -1)

TH_DEFINE_GETTER (ThQuadrant, th_chart_row_get_quadrant, ThChartRow, TH_IS_CHART_ROW, quadrant,
                  TH_QUADRANT_NONE)

static const char *
get_quadrant_name (ThChartRow *self)
{
  /* Translators: the quadrant column for someone who has not rated
   * behaviours of both hats yet. */
  return self->quadrant == TH_QUADRANT_NONE ? _ ("Not rated yet")
                                            : th_quadrant_get_display_name (self->quadrant);
}

static void
set_score (ThChartRow *self, gboolean defined, double score, double *field, char **text,
           GParamSpec *value_pspec, GParamSpec *text_pspec)
{
  double value = defined ? score : -1;

  if (*field == value && *text != NULL)
    return;

  *field = value;
  g_free (*text);
  /* One decimal, as in the CSV export; a dash where there is no score. */
  *text = defined ? g_strdup_printf ("%.1f", score) : g_strdup ("—");
  g_object_notify_by_pspec (G_OBJECT (self), value_pspec);
  g_object_notify_by_pspec (G_OBJECT (self), text_pspec);
}

void
th_chart_row_update (ThChartRow *self, const char *display_name, const ThScores *scores)
{
  g_return_if_fail (TH_IS_CHART_ROW (self));
  g_return_if_fail (scores != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (th_set_str (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);

  set_score (self, scores->has_leadership, scores->leadership, &self->leadership,
             &self->leadership_text, properties[PROP_LEADERSHIP], properties[PROP_LEADERSHIP_TEXT]);
  set_score (self, scores->has_management, scores->management, &self->management,
             &self->management_text, properties[PROP_MANAGEMENT], properties[PROP_MANAGEMENT_TEXT]);

  if (self->quadrant != scores->quadrant)
    {
      self->quadrant = scores->quadrant;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUADRANT_NAME]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
th_chart_row_finalize (GObject *object)
{
  ThChartRow *self = TH_CHART_ROW (object);

  g_free (self->participant_id);
  g_free (self->display_name);
  g_free (self->leadership_text);
  g_free (self->management_text);

  G_OBJECT_CLASS (th_chart_row_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_PARTICIPANT_ID] = TH_PROPERTY_FIELD (ThChartRow, participant_id, NULL),
  [PROP_DISPLAY_NAME] = TH_PROPERTY_FIELD (ThChartRow, display_name, NULL),
  [PROP_LEADERSHIP] = TH_PROPERTY_FIELD (ThChartRow, leadership, NULL),
  [PROP_MANAGEMENT] = TH_PROPERTY_FIELD (ThChartRow, management, NULL),
  [PROP_LEADERSHIP_TEXT] = TH_PROPERTY_FIELD (ThChartRow, leadership_text, NULL),
  [PROP_MANAGEMENT_TEXT] = TH_PROPERTY_FIELD (ThChartRow, management_text, NULL),
  [PROP_QUADRANT_NAME] = TH_PROPERTY_GETTER (get_quadrant_name, NULL),
};

static void
th_chart_row_class_init (ThChartRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = th_chart_row_finalize;

  properties[PROP_PARTICIPANT_ID]
    = g_param_spec_string ("participant-id", NULL, NULL, NULL, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_DISPLAY_NAME]
    = g_param_spec_string ("display-name", NULL, NULL, NULL, TH_PARAM_READABLE);
  properties[PROP_LEADERSHIP]
    = g_param_spec_double ("leadership", NULL, NULL, -1, 100, -1, TH_PARAM_READABLE);
  properties[PROP_MANAGEMENT]
    = g_param_spec_double ("management", NULL, NULL, -1, 100, -1, TH_PARAM_READABLE);
  properties[PROP_LEADERSHIP_TEXT]
    = g_param_spec_string ("leadership-text", NULL, NULL, NULL, TH_PARAM_READABLE);
  properties[PROP_MANAGEMENT_TEXT]
    = g_param_spec_string ("management-text", NULL, NULL, NULL, TH_PARAM_READABLE);
  properties[PROP_QUADRANT_NAME]
    = g_param_spec_string ("quadrant-name", NULL, NULL, NULL, TH_PARAM_READABLE);
  th_property_install (object_class, N_PROPS, properties, property_access);
}

static void
th_chart_row_init (ThChartRow *self)
{
  self->leadership = -1;
  self->management = -1;
  self->quadrant = TH_QUADRANT_NONE;
}
