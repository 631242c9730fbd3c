/* th-chart-widget.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "th-chart-widget.h"
#include "th-property.h"
#include "th-set.h"

/* The widget owns a ThQuadrantChart and draws it with
 * gtk_snapshot_append_cairo(), so the screen shows exactly what print and
 * export produce.  Widget coordinates are the chart's coordinates: the
 * layout the renderer reports after a draw is used as is for hit tests,
 * tooltips and keyboard navigation.
 *
 * A session can change many times a second while answers arrive from a
 * room; every change only marks the chart dirty, and one tick callback
 * per frame copies the session into the renderer. */

struct _ThChartWidget
{
  GtkWidget parent_instance;

  ThQuadrantChart *chart;
  ThSession *session;
  /* The changes and the participants of whichever session is drawn. */
  GSignalGroup *session_signals;

  gboolean dirty;
  guint update_tick_id;
  guint update_source_id; /* an idle, or a timeout when updates are costly */
  gint64 last_refresh_us; /* copying the session and the draw that followed */
  gboolean draw_follows_refresh;

  char *selected_id;
  char *focused_id;
  int selected_index; /* point index of selected_id, or -1 */
  int focused_index;  /* point index of focused_id, or -1 */

  /* Point indices in the order arrow keys walk them: by management for
   * Left/Right and by leadership for Up/Down, and each index's rank. */
  GArray *order_x;
  GArray *order_y;
  GArray *rank_x;
  GArray *rank_y;
  gboolean orders_valid;

  /* TH_CHART_TIMINGS=1: how long a frame with the chart in it takes. */
  GdkFrameClock *frame_clock;
  gulong before_paint_handler;
  gulong after_paint_handler;
  gint64 paint_start;
  double refresh_ms;
  double snapshot_ms;
  gboolean snapshot_in_frame;
};

G_DEFINE_FINAL_TYPE (ThChartWidget, th_chart_widget, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED_PARTICIPANT,
  PROP_FOCUSED_PARTICIPANT,
  N_PROPS
};

enum
{
  PARTICIPANT_ACTIVATED,
  N_SIGNALS
};

/* Above this (copying the session plus the next draw) updates are spread
 * out rather than done every frame. */
#define UPDATE_BUDGET_US 6000
#define UPDATE_MAX_DELAY_MS 500

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static gboolean print_timings;

static int
find_point (ThChartWidget *self, const char *id)
{
  guint n;

  if (id == NULL)
    return -1;

  n = th_quadrant_chart_get_n_points (self->chart);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (th_quadrant_chart_get_point (self->chart, i)->id, id) == 0)
      return (int)i;

  return -1;
}

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

static char *
point_display_name (ThChartWidget *self, guint index)
{
  const ThChartPoint *point = th_quadrant_chart_get_point (self->chart, index);

  /* The number matches the one the renderer draws beside the dot. */
  if (th_quadrant_chart_get_anonymous (self->chart))
    return th_participant_dup_numbered_name (
      th_quadrant_chart_get_point_number (self->chart, index));

  return g_strdup (point->name != NULL && *point->name != '\0' ? point->name : point->id);
}

static ThQuadrant
point_quadrant (ThChartWidget *self, guint index)
{
  const ThChartPoint *point = th_quadrant_chart_get_point (self->chart, index);

  return th_quadrant_for_scores (point->leadership, point->management,
                                 th_quadrant_chart_get_threshold (self->chart));
}

/* One line for a screen reader: name, scores and quadrant. */
static char *
describe_point (ThChartWidget *self, guint index)
{
  const ThChartPoint *point = th_quadrant_chart_get_point (self->chart, index);
  g_autofree char *name = point_display_name (self, index);
  g_autofree char *leadership = format_score (point->leadership);
  g_autofree char *management = format_score (point->management);

  /* Translators: the focused dot of the chart, read by a screen reader, e.g.
   * "Ana: leadership 75.0, management 37.5, Leadership-driven". */
  return g_strdup_printf (_ ("%s: leadership %s, management %s, %s"), name, leadership, management,
                          th_quadrant_get_display_name (point_quadrant (self, index)));
}

static void
update_accessible_description (ThChartWidget *self)
{
  g_autoptr (GString) description = g_string_new (NULL);
  guint n_points = th_quadrant_chart_get_n_points (self->chart);
  guint n_participants = self->session ? th_session_get_n_participants (self->session) : 0;

  if (self->focused_index >= 0)
    {
      g_autofree char *focused = describe_point (self, (guint)self->focused_index);

      g_string_append (description, focused);
      g_string_append (description, ". ");
    }

  for (ThQuadrant q = TH_QUADRANT_BALANCED; q <= TH_QUADRANT_DEVELOPING; q++)
    {
      if (q != TH_QUADRANT_BALANCED)
        g_string_append (description, ", ");
      /* Translators: how many people are in a quadrant, e.g. "Both hats: 3". */
      g_string_append_printf (description, _ ("%s: %u"), th_quadrant_get_display_name (q),
                              th_quadrant_chart_get_quadrant_count (self->chart, q));
    }

  if (n_participants > n_points)
    {
      guint missing = n_participants - n_points;

      g_string_append (description, ". ");
      g_string_append_printf (description,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u participant is not on the chart yet",
                                           "%u participants are not on the chart yet", missing),
                              missing);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
}

/* The renderer has one highlight: the dot the keyboard is on wins over the
 * selected one, so that moving with arrow keys is always visible. */
static void
update_highlight (ThChartWidget *self)
{
  int index = self->focused_index >= 0 ? self->focused_index : self->selected_index;

  th_quadrant_chart_set_highlight (self->chart, index);
}

static void
refresh (ThChartWidget *self)
{
  gint64 start = g_get_monotonic_time ();

  self->dirty = FALSE;

  if (self->session != NULL)
    th_quadrant_chart_set_session (self->chart, self->session);
  else
    th_quadrant_chart_set_points (self->chart, NULL, 0);

  self->orders_valid = FALSE;
  self->selected_index = find_point (self, self->selected_id);
  self->focused_index = find_point (self, self->focused_id);
  update_highlight (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  self->last_refresh_us = g_get_monotonic_time () - start;
  self->draw_follows_refresh = TRUE;
  if (print_timings)
    self->refresh_ms = self->last_refresh_us / 1000.0;
}

static void
cancel_scheduled_update (ThChartWidget *self)
{
  if (self->update_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick_id);
      self->update_tick_id = 0;
    }
  g_clear_handle_id (&self->update_source_id, g_source_remove);
}

static gboolean
update_tick_cb (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  ThChartWidget *self = TH_CHART_WIDGET (widget);

  self->update_tick_id = 0;
  if (self->dirty)
    refresh (self);

  return G_SOURCE_REMOVE;
}

static gboolean
update_source_cb (gpointer user_data)
{
  ThChartWidget *self = user_data;

  self->update_source_id = 0;
  if (self->dirty)
    refresh (self);

  return G_SOURCE_REMOVE;
}

/* Unmapped (another view is showing), there are no frames: an idle keeps
 * the model behind hit tests and the accessible description current.
 *
 * With thousands of participants, copying the session into the renderer
 * (scoring everyone) and laying the labels out again cost a good part of
 * a frame.  Then updates are spaced out so that they take about a tenth of
 * the time, and the window stays responsive while answers stream in. */
static void
schedule_update (ThChartWidget *self)
{
  self->dirty = TRUE;

  if (self->update_tick_id != 0 || self->update_source_id != 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_source_id = g_idle_add_full (G_PRIORITY_LOW, update_source_cb, self, NULL);
  else if (self->last_refresh_us > UPDATE_BUDGET_US)
    self->update_source_id = g_timeout_add (
      MIN (self->last_refresh_us * 10 / 1000, UPDATE_MAX_DELAY_MS), update_source_cb, self);
  else
    self->update_tick_id
      = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick_cb, NULL, NULL);
}

static void
session_changed_cb (ThChartWidget *self)
{
  schedule_update (self);
}

static void
session_items_changed_cb (ThChartWidget *self, guint position, guint removed, guint added,
                          GListModel *model)
{
  schedule_update (self);
}

static void
chart_changed_cb (ThChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_style (ThChartWidget *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  ThChartStyle style = TH_CHART_STYLE_LIGHT;

  /* High contrast wins: its heavier lines and black ink matter more than
   * the background being dark. */
  if (adw_style_manager_get_high_contrast (manager))
    style = TH_CHART_STYLE_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    style = TH_CHART_STYLE_DARK;

  th_quadrant_chart_set_style (self->chart, style);
}

/* Keyboard navigation ---------------------------------------------------- */

typedef struct
{
  ThQuadrantChart *chart;
  gboolean by_leadership;
} OrderData;

static int
compare_points (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const OrderData *data = user_data;
  guint ia = *(const guint *)a;
  guint ib = *(const guint *)b;
  const ThChartPoint *pa = th_quadrant_chart_get_point (data->chart, ia);
  const ThChartPoint *pb = th_quadrant_chart_get_point (data->chart, ib);
  double ka = data->by_leadership ? pa->leadership : pa->management;
  double kb = data->by_leadership ? pb->leadership : pb->management;
  double sa = data->by_leadership ? pa->management : pa->leadership;
  double sb = data->by_leadership ? pb->management : pb->leadership;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void
build_order (ThQuadrantChart *chart, gboolean by_leadership, GArray *order, GArray *rank)
{
  guint n = th_quadrant_chart_get_n_points (chart);
  OrderData data = { chart, by_leadership };

  g_array_set_size (order, n);
  g_array_set_size (rank, n);
  for (guint i = 0; i < n; i++)
    g_array_index (order, guint, i) = i;
  g_qsort_with_data (order->data, (int)n, sizeof (guint), compare_points, &data);
  for (guint i = 0; i < n; i++)
    g_array_index (rank, guint, g_array_index (order, guint, i)) = i;
}

static void
ensure_orders (ThChartWidget *self)
{
  if (self->orders_valid)
    return;

  build_order (self->chart, FALSE, self->order_x, self->rank_x);
  build_order (self->chart, TRUE, self->order_y, self->rank_y);
  self->orders_valid = TRUE;
}

static void
set_focused_index (ThChartWidget *self, int index)
{
  const char *id = NULL;

  if (index >= 0)
    id = th_quadrant_chart_get_point (self->chart, (guint)index)->id;

  self->focused_index = index;
  if (th_set_str (&self->focused_id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_PARTICIPANT]);

  update_highlight (self);
  update_accessible_description (self);
}

/* Moves the keyboard to the next dot along an axis.  With no dot focused
 * the walk starts at the selected dot, or at the end the key points away
 * from. */
static void
move_focus (ThChartWidget *self, gboolean by_leadership, int direction)
{
  guint n = th_quadrant_chart_get_n_points (self->chart);
  GArray *order;
  GArray *rank;
  int current;
  int position;

  if (n == 0)
    return;

  if (self->dirty)
    refresh (self);
  ensure_orders (self);
  order = by_leadership ? self->order_y : self->order_x;
  rank = by_leadership ? self->rank_y : self->rank_x;

  current = self->focused_index >= 0 ? self->focused_index : self->selected_index;
  if (current < 0)
    position = direction > 0 ? 0 : (int)n - 1;
  else
    position = CLAMP ((int)g_array_index (rank, guint, current) + direction, 0, (int)n - 1);

  set_focused_index (self, (int)g_array_index (order, guint, position));
}

static void
move_focus_to_end (ThChartWidget *self, gboolean last)
{
  guint n = th_quadrant_chart_get_n_points (self->chart);

  if (n == 0)
    return;

  ensure_orders (self);
  set_focused_index (self, (int)g_array_index (self->order_x, guint, last ? n - 1 : 0));
}

static void
activate_point (ThChartWidget *self, guint index)
{
  const char *id = th_quadrant_chart_get_point (self->chart, index)->id;
  g_autofree char *copy = g_strdup (id);

  th_chart_widget_set_selected_participant (self, copy);
  g_signal_emit (self, signals[PARTICIPANT_ACTIVATED], 0, copy);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, ThChartWidget *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
      case GDK_KEY_Right:
      case GDK_KEY_KP_Right:
        move_focus (self, FALSE, 1);
        return TRUE;
      case GDK_KEY_Left:
      case GDK_KEY_KP_Left:
        move_focus (self, FALSE, -1);
        return TRUE;
      case GDK_KEY_Up:
      case GDK_KEY_KP_Up:
        move_focus (self, TRUE, 1);
        return TRUE;
      case GDK_KEY_Down:
      case GDK_KEY_KP_Down:
        move_focus (self, TRUE, -1);
        return TRUE;
      case GDK_KEY_Home:
      case GDK_KEY_KP_Home:
        move_focus_to_end (self, FALSE);
        return TRUE;
      case GDK_KEY_End:
      case GDK_KEY_KP_End:
        move_focus_to_end (self, TRUE);
        return TRUE;
      case GDK_KEY_Return:
      case GDK_KEY_KP_Enter:
      case GDK_KEY_ISO_Enter:
      case GDK_KEY_space:
      case GDK_KEY_KP_Space:
        if (self->focused_index < 0)
          return FALSE;
        activate_point (self, (guint)self->focused_index);
        return TRUE;
      case GDK_KEY_Escape:
        if (self->focused_index < 0)
          return FALSE;
        set_focused_index (self, -1);
        return TRUE;
      default:
        return FALSE;
    }
}

/* Leaving the chart hands the highlight back to the selected dot. */
static void
focus_leave_cb (GtkEventControllerFocus *controller, ThChartWidget *self)
{
  if (self->focused_index >= 0)
    set_focused_index (self, -1);
}

/* Pointer ------------------------------------------------------------------ */

static void
click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, ThChartWidget *self)
{
  int index = th_quadrant_chart_hit_test (self->chart, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_focused_index (self, index);
  activate_point (self, (guint)index);
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, ThChartWidget *self)
{
  gboolean over_dot = th_quadrant_chart_hit_test (self->chart, x, y) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_dot ? "pointer" : NULL);
}

char *
th_chart_widget_dup_tooltip_text_at (ThChartWidget *self, double x, double y)
{
  int index;
  const ThChartPoint *point;
  g_autofree char *name = NULL;
  g_autofree char *leadership = NULL;
  g_autofree char *management = NULL;

  g_return_val_if_fail (TH_IS_CHART_WIDGET (self), NULL);

  index = th_quadrant_chart_hit_test (self->chart, x, y);
  if (index < 0)
    return NULL;

  point = th_quadrant_chart_get_point (self->chart, (guint)index);
  name = point_display_name (self, (guint)index);
  leadership = format_score (point->leadership);
  management = format_score (point->management);

  /* Translators: a dot's tooltip: the name, then the two scores (0–100,
   * one decimal), then the quadrant. */
  return g_strdup_printf (_ ("%s\nLeadership %s · Management %s\n%s"), name, leadership, management,
                          th_quadrant_get_display_name (point_quadrant (self, (guint)index)));
}

static gboolean
th_chart_widget_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  ThChartWidget *self = TH_CHART_WIDGET (widget);
  const ThChartDotLayout *layout;
  g_autofree char *text = NULL;
  double qx = x, qy = y;
  guint n_dots;
  int index;

  /* A keyboard tooltip describes the focused dot wherever the pointer is. */
  if (keyboard_tooltip)
    {
      layout = th_quadrant_chart_get_layout (self->chart, &n_dots);
      if (self->focused_index < 0 || (guint)self->focused_index >= n_dots)
        return FALSE;
      qx = layout[self->focused_index].x;
      qy = layout[self->focused_index].y;
    }

  text = th_chart_widget_dup_tooltip_text_at (self, qx, qy);
  if (text == NULL)
    return FALSE;

  /* The tip area is the dot, so moving to the next dot moves the tooltip. */
  index = th_quadrant_chart_hit_test (self->chart, qx, qy);
  layout = th_quadrant_chart_get_layout (self->chart, &n_dots);
  if (index >= 0 && (guint)index < n_dots)
    {
      const ThChartDotLayout *dot = &layout[index];
      int extent = (int)ceil (dot->radius * 1.5) + 2;

      gtk_tooltip_set_tip_area (
        tooltip,
        &(GdkRectangle){ (int)dot->x - extent, (int)dot->y - extent, 2 * extent, 2 * extent });
    }
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Drawing ------------------------------------------------------------------ */

static void
th_chart_widget_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ThChartWidget *self = TH_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 start;
  gint64 elapsed;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  if (self->dirty)
    refresh (self);

  start = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  th_quadrant_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
  elapsed = g_get_monotonic_time () - start;

  /* New data costs a fresh layout of the labels as well: that counts
   * towards how often updates may come. */
  if (self->draw_follows_refresh)
    {
      self->last_refresh_us += elapsed;
      self->draw_follows_refresh = FALSE;
    }

  if (print_timings)
    {
      self->snapshot_ms = elapsed / 1000.0;
      self->snapshot_in_frame = TRUE;
    }
}

/* before-paint and after-paint bracket every frame the clock runs: their
 * distance is the whole frame (update, layout, snapshot and rendering of
 * the window), not just our part of it. */
static void
frame_before_paint_cb (GdkFrameClock *frame_clock, ThChartWidget *self)
{
  self->paint_start = g_get_monotonic_time ();
}

static void
frame_after_paint_cb (GdkFrameClock *frame_clock, ThChartWidget *self)
{
  if (!self->snapshot_in_frame || self->paint_start == 0)
    return;

  /* "update" is copying the session into the renderer, when it changed in
   * this frame; "snapshot" is our drawing; "frame" is all of it. */
  g_printerr ("two-hats chart: %u points, %d×%d px: update %.2f ms, snapshot %.2f ms, "
              "frame %.2f ms\n",
              th_quadrant_chart_get_n_points (self->chart),
              gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
              self->refresh_ms, self->snapshot_ms,
              (g_get_monotonic_time () - self->paint_start) / 1000.0);
  self->snapshot_in_frame = FALSE;
  self->refresh_ms = 0;
}

static void
th_chart_widget_map (GtkWidget *widget)
{
  ThChartWidget *self = TH_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (th_chart_widget_parent_class)->map (widget);

  if (print_timings)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->before_paint_handler = g_signal_connect (self->frame_clock, "before-paint",
                                                     G_CALLBACK (frame_before_paint_cb), self);
      self->after_paint_handler = g_signal_connect (self->frame_clock, "after-paint",
                                                    G_CALLBACK (frame_after_paint_cb), self);
    }

  if (self->dirty)
    {
      cancel_scheduled_update (self);
      refresh (self);
    }
}

static void
th_chart_widget_unmap (GtkWidget *widget)
{
  ThChartWidget *self = TH_CHART_WIDGET (widget);

  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->before_paint_handler, self->frame_clock);
      g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }

  /* A pending tick would never run: hand it to an idle instead. */
  if (self->update_tick_id != 0)
    {
      cancel_scheduled_update (self);
      GTK_WIDGET_CLASS (th_chart_widget_parent_class)->unmap (widget);
      schedule_update (self);
      return;
    }

  GTK_WIDGET_CLASS (th_chart_widget_parent_class)->unmap (widget);
}

static void
th_chart_widget_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                         int *natural, int *minimum_baseline, int *natural_baseline)
{
  /* Below this the quadrant names and the legend stop being readable. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* GObject -------------------------------------------------------------------- */

GtkWidget *
th_chart_widget_new (void)
{
  return g_object_new (TH_TYPE_CHART_WIDGET, NULL);
}

void
th_chart_widget_set_session (ThChartWidget *self, ThSession *session)
{
  g_return_if_fail (TH_IS_CHART_WIDGET (self));
  g_return_if_fail (session == NULL || TH_IS_SESSION (session));

  if (!th_set_watched (&self->session, self->session_signals, session))
    return;

  g_clear_pointer (&self->focused_id, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  cancel_scheduled_update (self);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PARTICIPANT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_PARTICIPANT]);
}

TH_DEFINE_GETTER (ThSession *, th_chart_widget_get_session, ThChartWidget, TH_IS_CHART_WIDGET,
                  session, NULL)

TH_DEFINE_GETTER (ThQuadrantChart *, th_chart_widget_get_chart, ThChartWidget, TH_IS_CHART_WIDGET,
                  chart, NULL)

void
th_chart_widget_set_anonymous (ThChartWidget *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_CHART_WIDGET (self));

  anonymous = !!anonymous;
  if (th_quadrant_chart_get_anonymous (self->chart) == anonymous)
    return;

  th_quadrant_chart_set_anonymous (self->chart, anonymous);
  update_accessible_description (self);
}

gboolean
th_chart_widget_get_anonymous (ThChartWidget *self)
{
  g_return_val_if_fail (TH_IS_CHART_WIDGET (self), FALSE);

  return th_quadrant_chart_get_anonymous (self->chart);
}

TH_DEFINE_GETTER (const char *, th_chart_widget_get_selected_participant, ThChartWidget,
                  TH_IS_CHART_WIDGET, selected_id, NULL)

void
th_chart_widget_set_selected_participant (ThChartWidget *self, const char *participant_id)
{
  g_return_if_fail (TH_IS_CHART_WIDGET (self));

  if (!th_set_str (&self->selected_id, participant_id))
    return;

  self->selected_index = find_point (self, participant_id);
  update_highlight (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PARTICIPANT]);
}

TH_DEFINE_GETTER (const char *, th_chart_widget_get_focused_participant, ThChartWidget,
                  TH_IS_CHART_WIDGET, focused_id, NULL)

void
th_chart_widget_flush (ThChartWidget *self)
{
  g_return_if_fail (TH_IS_CHART_WIDGET (self));

  if (!self->dirty)
    return;

  cancel_scheduled_update (self);
  refresh (self);
}

static void
th_chart_widget_dispose (GObject *object)
{
  ThChartWidget *self = TH_CHART_WIDGET (object);

  cancel_scheduled_update (self);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (th_chart_widget_parent_class)->dispose (object);
}

static void
th_chart_widget_finalize (GObject *object)
{
  ThChartWidget *self = TH_CHART_WIDGET (object);

  g_clear_object (&self->chart);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->focused_id, g_free);
  g_clear_pointer (&self->order_x, g_array_unref);
  g_clear_pointer (&self->order_y, g_array_unref);
  g_clear_pointer (&self->rank_x, g_array_unref);
  g_clear_pointer (&self->rank_y, g_array_unref);

  G_OBJECT_CLASS (th_chart_widget_parent_class)->finalize (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_SELECTED_PARTICIPANT]
  = TH_PROPERTY_FIELD (ThChartWidget, selected_id, th_chart_widget_set_selected_participant),
  [PROP_FOCUSED_PARTICIPANT] = TH_PROPERTY_FIELD (ThChartWidget, focused_id, NULL),
};

static void
th_chart_widget_class_init (ThChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_chart_widget_dispose;
  object_class->finalize = th_chart_widget_finalize;

  widget_class->snapshot = th_chart_widget_snapshot;
  widget_class->measure = th_chart_widget_measure;
  widget_class->map = th_chart_widget_map;
  widget_class->unmap = th_chart_widget_unmap;
  widget_class->query_tooltip = th_chart_widget_query_tooltip;

  properties[PROP_SELECTED_PARTICIPANT]
    = g_param_spec_string ("selected-participant", NULL, NULL, NULL, TH_PARAM_READWRITE);
  properties[PROP_FOCUSED_PARTICIPANT]
    = g_param_spec_string ("focused-participant", NULL, NULL, NULL, TH_PARAM_READABLE);
  th_property_install (object_class, N_PROPS, properties, property_access);

  /**
   * ThChartWidget::participant-activated:
   * @participant_id: the id of the participant whose dot was chosen
   *
   * A dot was clicked, or Enter was pressed on the focused dot.
   */
  signals[PARTICIPANT_ACTIVATED]
    = g_signal_new ("participant-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "thchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  print_timings = g_strcmp0 (g_getenv ("TH_CHART_TIMINGS"), "1") == 0;
}

static void
th_chart_widget_init (ThChartWidget *self)
{
  GtkEventController *controller;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->chart = th_quadrant_chart_new ();
  self->session_signals = g_signal_group_new (TH_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "changed", G_CALLBACK (session_changed_cb),
                                  self);
  g_signal_group_connect_swapped (self->session_signals, "items-changed",
                                  G_CALLBACK (session_items_changed_cb), self);
  self->selected_index = -1;
  self->focused_index = -1;
  self->order_x = g_array_new (FALSE, FALSE, sizeof (guint));
  self->order_y = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rank_x = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rank_y = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect_object (self->chart, "changed", G_CALLBACK (chart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_style), self,
                           G_CONNECT_SWAPPED);
  update_style (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  /* The chart is drawn as a sheet whose rounded corners come from CSS. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_PRIMARY);
  g_signal_connect (controller, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Quadrant chart"), -1);
  refresh (self);
}
