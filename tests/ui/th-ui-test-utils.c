/* th-ui-test-utils.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>

#include "th-ui-test-utils.h"

/* How long to wait for the X server and GTK to deliver an event.  Not a
 * measure of speed: generous, because a sanitizer build on a busy machine
 * can take seconds, and a key that never arrives still fails the test. */
#define EVENT_TIMEOUT_MS 30000

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
th_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
th_test_wait_until (gboolean (*condition) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return condition (data);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

ThWindow *
th_test_new_window (ThApplication **app_out)
{
  /* One application per test process: it exports itself on the session
   * bus, which a second instance in the same process cannot do. */
  static ThApplication *app;
  ThWindow *window;

  if (app == NULL)
    {
      g_autoptr (GError) error = NULL;

      app = th_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  window = th_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  th_test_wait_until (is_active, window, EVENT_TIMEOUT_MS);

  *app_out = g_object_ref (app);
  return window;
}

typedef struct
{
  GtkWindow *window;
  gboolean seen;
} KeyWatch;

static gboolean
key_seen_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
             KeyWatch *watch)
{
  watch->seen = TRUE;
  return FALSE;
}

static gboolean
key_seen (gpointer data)
{
  return ((KeyWatch *)data)->seen;
}

void
th_test_press_key (GtkWindow *window, guint keyval, GdkModifierType modifiers)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkEventController *controller = gtk_event_controller_key_new ();
  KeyWatch watch = { window, FALSE };
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);
  KeyCode control = XKeysymToKeycode (xdisplay, GDK_KEY_Control_L);
  KeyCode shift = XKeysymToKeycode (xdisplay, GDK_KEY_Shift_L);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_true (code != 0);

  /* A key may close the window it is sent to (Escape in presenter mode);
   * the window must outlive this function all the same. */
  g_object_ref (window);

  /* Keys go to the focused X window; without a window manager we give the
   * window the focus ourselves, as a click would. */
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  th_test_wait_until (is_active, window, EVENT_TIMEOUT_MS);

  /* Capture phase on the window: sees the key before any widget can eat it. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_seen_cb), &watch);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, True, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, False, CurrentTime);
  XSync (xdisplay, False);

  g_assert_true (th_test_wait_until (key_seen, &watch, EVENT_TIMEOUT_MS));
  /* Let the handlers run and the frame that shows the result be drawn. */
  th_test_spin (50);

  gtk_widget_remove_controller (GTK_WIDGET (window), controller);
  g_object_unref (window);
}

void
th_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  th_test_spin (20);
}
