/* th-presenter-window.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "th-card-view.h"
#include "th-fit-bin.h"
#include "th-presenter-window.h"
#include "th-property.h"
#include "th-set.h"

/* The projector's window.  It shows, in large type, whatever the
 * facilitator's window shows, and answers the keys presentation clickers
 * send (Page Up / Page Down, B or . to blank the screen). */

struct _ThPresenterWindow
{
  AdwWindow parent_instance;

  ThCardBrowser *browser;
  GtkWidget *stack;
  GtkWidget *card_box;
  GtkWidget *card;
  GtkWidget *position_label;
  GtkWidget *timer_label;
  GtkWidget *content;
  GtkWidget *nav_target;
  char *next_action;
  char *previous_action;

  gboolean blanked;
  int timer_minutes;
  int timer_remaining;
  guint timer_source;
};

G_DEFINE_FINAL_TYPE (ThPresenterWindow, th_presenter_window, ADW_TYPE_WINDOW)

static void
update_position (ThPresenterWindow *self)
{
  g_autofree char *text = NULL;

  if (th_card_browser_get_n_visible (self->browser) > 0)
    text = g_strdup_printf ("%u / %u", th_card_browser_get_position (self->browser) + 1,
                            th_card_browser_get_n_visible (self->browser));
  gtk_label_set_label (GTK_LABEL (self->position_label), text ? text : "");
}

static void
current_changed_cb (ThPresenterWindow *self)
{
  ThConcept *concept = th_card_browser_get_current (self->browser);

  self->card = NULL;
  th_fit_bin_set_child (TH_FIT_BIN (self->card_box), NULL);

  if (concept != NULL)
    {
      self->card = th_card_view_new (th_card_browser_get_deck (self->browser), concept);
      th_card_view_set_presenter (TH_CARD_VIEW (self->card), TRUE);
      /* The projector has no keyboard of its own to give to the card. */
      gtk_widget_set_focusable (self->card, FALSE);
      gtk_widget_set_can_target (self->card, FALSE);
      th_card_view_set_flipped (TH_CARD_VIEW (self->card),
                                th_card_browser_get_flipped (self->browser));
      th_fit_bin_set_child (TH_FIT_BIN (self->card_box), self->card);
    }

  update_position (self);
}

static void
flipped_changed_cb (ThPresenterWindow *self)
{
  if (self->card != NULL)
    th_card_view_set_flipped (TH_CARD_VIEW (self->card),
                              th_card_browser_get_flipped (self->browser));
}

static void
update_timer_label (ThPresenterWindow *self)
{
  g_autofree char *text = NULL;

  if (self->timer_source == 0 && self->timer_remaining == self->timer_minutes * 60)
    {
      gtk_widget_set_visible (self->timer_label, FALSE);
      return;
    }

  gtk_widget_set_visible (self->timer_label, TRUE);
  if (self->timer_remaining <= 0)
    {
      gtk_label_set_label (GTK_LABEL (self->timer_label), _ ("Time’s up"));
      gtk_widget_add_css_class (self->timer_label, "done");
      return;
    }

  gtk_widget_remove_css_class (self->timer_label, "done");
  text = g_strdup_printf ("%d:%02d", self->timer_remaining / 60, self->timer_remaining % 60);
  gtk_label_set_label (GTK_LABEL (self->timer_label), text);
  if (self->timer_source == 0)
    gtk_widget_add_css_class (self->timer_label, "paused");
  else
    gtk_widget_remove_css_class (self->timer_label, "paused");
}

static gboolean
timer_tick_cb (gpointer user_data)
{
  ThPresenterWindow *self = user_data;

  self->timer_remaining--;
  if (self->timer_remaining <= 0)
    {
      self->timer_remaining = 0;
      self->timer_source = 0;
      update_timer_label (self);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return G_SOURCE_REMOVE;
    }

  update_timer_label (self);
  return G_SOURCE_CONTINUE;
}

void
th_presenter_window_toggle_timer (ThPresenterWindow *self)
{
  g_return_if_fail (TH_IS_PRESENTER_WINDOW (self));

  if (self->timer_source != 0)
    {
      g_clear_handle_id (&self->timer_source, g_source_remove);
    }
  else
    {
      if (self->timer_remaining <= 0)
        self->timer_remaining = self->timer_minutes * 60;
      self->timer_source = g_timeout_add_seconds (1, timer_tick_cb, self);
    }

  update_timer_label (self);
}

void
th_presenter_window_set_timer_minutes (ThPresenterWindow *self, int minutes)
{
  g_return_if_fail (TH_IS_PRESENTER_WINDOW (self));

  self->timer_minutes = CLAMP (minutes, 1, 120);
  if (self->timer_source == 0)
    self->timer_remaining = self->timer_minutes * 60;
  update_timer_label (self);
}

gboolean
th_presenter_window_get_timer_running (ThPresenterWindow *self)
{
  g_return_val_if_fail (TH_IS_PRESENTER_WINDOW (self), FALSE);

  return self->timer_source != 0;
}

TH_DEFINE_GETTER (int, th_presenter_window_get_timer_remaining, ThPresenterWindow,
                  TH_IS_PRESENTER_WINDOW, timer_remaining, 0)

TH_DEFINE_GETTER (gboolean, th_presenter_window_get_blanked, ThPresenterWindow,
                  TH_IS_PRESENTER_WINDOW, blanked, FALSE)

void
th_presenter_window_set_blanked (ThPresenterWindow *self, gboolean blanked)
{
  g_return_if_fail (TH_IS_PRESENTER_WINDOW (self));

  if (!th_set_boolean (&self->blanked, blanked))
    return;

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), blanked         ? "blank"
                                                             : self->content ? "content"
                                                                             : "card");
}

ThConcept *
th_presenter_window_get_concept (ThPresenterWindow *self)
{
  g_return_val_if_fail (TH_IS_PRESENTER_WINDOW (self), NULL);

  return self->card ? th_card_view_get_concept (TH_CARD_VIEW (self->card)) : NULL;
}

gboolean
th_presenter_window_get_flipped (ThPresenterWindow *self)
{
  g_return_val_if_fail (TH_IS_PRESENTER_WINDOW (self), FALSE);

  return self->card != NULL && th_card_view_get_flipped (TH_CARD_VIEW (self->card));
}

/* On to the next card or back, or, while other content is shown, the
 * action that content named for it. */
static void
go (ThPresenterWindow *self, gboolean forward)
{
  const char *action = forward ? self->next_action : self->previous_action;

  if (self->content == NULL)
    (forward ? th_card_browser_next : th_card_browser_previous) (self->browser);
  else if (self->nav_target != NULL && action != NULL)
    gtk_widget_activate_action (self->nav_target, action, NULL);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  go (TH_PRESENTER_WINDOW (widget), TRUE);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  go (TH_PRESENTER_WINDOW (widget), FALSE);
}

static void
flip_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ThPresenterWindow *self = TH_PRESENTER_WINDOW (widget);

  if (self->content == NULL)
    th_card_browser_flip (self->browser);
}

void
th_presenter_window_set_content (ThPresenterWindow *self, GtkWidget *content, GtkWidget *nav_target,
                                 const char *next_action, const char *previous_action)
{
  GtkWidget *old;

  g_return_if_fail (TH_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  old = gtk_stack_get_child_by_name (GTK_STACK (self->stack), "content");
  if (old != NULL && old != content)
    gtk_stack_remove (GTK_STACK (self->stack), old);

  self->content = content;
  g_set_weak_pointer (&self->nav_target, nav_target);
  th_set_str (&self->next_action, next_action);
  th_set_str (&self->previous_action, previous_action);

  if (content != NULL && old != content)
    gtk_stack_add_named (GTK_STACK (self->stack), content, "content");

  gtk_widget_set_visible (self->position_label, content == NULL);
  if (!self->blanked)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), content ? "content" : "card");
}

TH_DEFINE_GETTER (GtkWidget *, th_presenter_window_get_content, ThPresenterWindow,
                  TH_IS_PRESENTER_WINDOW, content, NULL)

static void
blank_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ThPresenterWindow *self = TH_PRESENTER_WINDOW (widget);

  th_presenter_window_set_blanked (self, !self->blanked);
}

static void
timer_action (GtkWidget *widget, const char *name, GVariant *param)
{
  th_presenter_window_toggle_timer (TH_PRESENTER_WINDOW (widget));
}

static void
leave_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
th_presenter_window_dispose (GObject *object)
{
  ThPresenterWindow *self = TH_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->browser != NULL)
    g_signal_handlers_disconnect_by_data (self->browser, self);
  g_clear_object (&self->browser);
  g_clear_weak_pointer (&self->nav_target);
  g_clear_pointer (&self->next_action, g_free);
  g_clear_pointer (&self->previous_action, g_free);

  G_OBJECT_CLASS (th_presenter_window_parent_class)->dispose (object);
}

static void
th_presenter_window_class_init (ThPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_presenter_window_dispose;

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presenter.flip", NULL, flip_action);
  gtk_widget_class_install_action (widget_class, "presenter.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presenter.timer", NULL, timer_action);
  /* GtkWindow:fullscreened toggles full screen on and off. */
  gtk_widget_class_install_property_action (widget_class, "presenter.fullscreen", "fullscreened");
  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, leave_action);

  /* The keys live in a capture-phase controller (see init): GtkWindow binds
   * Space and Enter itself, and a clicker's keys must always reach us. */
}

static void
add_key (GtkEventController *controller, guint keyval, const char *action)
{
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0), gtk_named_action_new (action)));
}

static void
add_key_bindings (ThPresenterWindow *self)
{
  /* Clickers send Page Up / Page Down, and B or . to blank the screen. */
  static const struct
  {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Page_Down, "presenter.next" }, { GDK_KEY_Right, "presenter.next" },
    { GDK_KEY_Down, "presenter.next" },      { GDK_KEY_Page_Up, "presenter.previous" },
    { GDK_KEY_Left, "presenter.previous" },  { GDK_KEY_Up, "presenter.previous" },
    { GDK_KEY_space, "presenter.flip" },     { GDK_KEY_Return, "presenter.flip" },
    { GDK_KEY_KP_Enter, "presenter.flip" },  { GDK_KEY_b, "presenter.blank" },
    { GDK_KEY_B, "presenter.blank" },        { GDK_KEY_period, "presenter.blank" },
    { GDK_KEY_t, "presenter.timer" },        { GDK_KEY_F11, "presenter.fullscreen" },
    { GDK_KEY_Escape, "presenter.leave" },   { GDK_KEY_F5, "presenter.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    add_key (controller, keys[i].keyval, keys[i].action);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
th_presenter_window_init (ThPresenterWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *blank = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  add_key_bindings (self);

  self->timer_minutes = 5;
  self->timer_remaining = self->timer_minutes * 60;

  gtk_window_set_title (GTK_WINDOW (self), _ ("Two Hats — Presenter"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenter-window");

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  /* The card is laid out at a laptop's width and scaled up to the
   * projector, so its type grows with the screen. */
  self->card_box = th_fit_bin_new (1100);
  gtk_widget_set_margin_start (self->card_box, 32);
  gtk_widget_set_margin_end (self->card_box, 32);
  gtk_widget_set_margin_top (self->card_box, 24);
  gtk_widget_set_margin_bottom (self->card_box, 48);
  gtk_stack_add_named (GTK_STACK (self->stack), self->card_box, "card");

  gtk_widget_add_css_class (blank, "presenter-blank");
  gtk_accessible_update_property (GTK_ACCESSIBLE (blank), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Screen blanked"), -1);
  gtk_stack_add_named (GTK_STACK (self->stack), blank, "blank");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), self->stack);

  self->timer_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->timer_label, "presenter-timer");
  gtk_widget_add_css_class (self->timer_label, "numeric");
  gtk_widget_set_halign (self->timer_label, GTK_ALIGN_END);
  gtk_widget_set_valign (self->timer_label, GTK_ALIGN_START);
  gtk_widget_set_visible (self->timer_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->timer_label);

  self->position_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->position_label, "presenter-position");
  gtk_widget_add_css_class (self->position_label, "numeric");
  gtk_widget_set_halign (self->position_label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->position_label, GTK_ALIGN_END);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->position_label);

  adw_window_set_content (ADW_WINDOW (self), overlay);
}

ThPresenterWindow *
th_presenter_window_new (ThCardBrowser *browser)
{
  ThPresenterWindow *self;

  g_return_val_if_fail (TH_IS_CARD_BROWSER (browser), NULL);

  self = g_object_new (TH_TYPE_PRESENTER_WINDOW, NULL);
  self->browser = g_object_ref (browser);
  g_signal_connect_object (browser, "notify::current", G_CALLBACK (current_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (browser, "notify::flipped", G_CALLBACK (flipped_changed_cb), self,
                           G_CONNECT_SWAPPED);
  current_changed_cb (self);

  return self;
}

char *
th_presenter_window_dup_monitor_label (GdkMonitor *monitor, guint index)
{
  const char *model = gdk_monitor_get_model (monitor);
  GdkRectangle geometry;

  g_return_val_if_fail (GDK_IS_MONITOR (monitor), NULL);

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Translators: a screen to present on, e.g. "Screen 2: DELL P2419H (1920×1080)". */
  return g_strdup_printf (_ ("Screen %u: %s (%d×%d)"), index + 1, model ? model : _ ("Unknown"),
                          geometry.width, geometry.height);
}
