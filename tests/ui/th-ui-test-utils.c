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

#include "../core/th-test-utils.h"
#include "th-ui-test-utils.h"

/* How long to wait for the X server and GTK to deliver an event (and
 * th_test_timeout() stretches it further).  Not a measure of speed:
 * generous, because a sanitizer build on a busy machine can take seconds,
 * and a key that never arrives still fails the test. */
#define EVENT_TIMEOUT_MS 30000

guint
th_test_timeout (guint ms)
{
  return th_test_deadline_ms (ms);
}

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
  th_test_wait_until (is_active, window, th_test_timeout (EVENT_TIMEOUT_MS));

  *app_out = g_object_ref (app);
  return window;
}

/* The modifiers th_test_press_key() can hold down, in the order their keys
 * go down.  Not Hyper: the usual keymaps (Xvfb's among them) put Hyper_L
 * on Mod4 beside Super_L, and GDK reports it as Super. */
static const struct
{
  GdkModifierType mask;
  guint keysym;
} modifier_keys[] = {
  { GDK_CONTROL_MASK, GDK_KEY_Control_L }, { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
  { GDK_ALT_MASK, GDK_KEY_Alt_L },         { GDK_SUPER_MASK, GDK_KEY_Super_L },
  { GDK_META_MASK, GDK_KEY_Meta_L },
};

typedef struct
{
  guint keycode;      /* the key itself */
  guint last_keycode; /* the last key to come up: the first modifier, or the key */
  gboolean pressed;
  gboolean released;
  GdkModifierType state; /* the modifiers GTK saw with the key */
} KeyWatch;

/* Runs before any handler of GdkSurface::event, so it sees every key GDK
 * hands to GTK on any of our windows, whoever handles it in the end; by
 * the time the main loop iteration that emitted it returns, GTK has run
 * the key's handlers. */
static gboolean
surface_event_hook (GSignalInvocationHint *hint, guint n_params, const GValue *params,
                    gpointer user_data)
{
  KeyWatch *watch = user_data;
  GdkEvent *event = g_value_get_pointer (&params[1]);
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS && gdk_key_event_get_keycode (event) == watch->keycode
      && !watch->pressed)
    {
      watch->pressed = TRUE;
      watch->state = gdk_event_get_modifier_state (event);
    }
  else if (type == GDK_KEY_RELEASE && watch->pressed
           && gdk_key_event_get_keycode (event) == watch->last_keycode)
    watch->released = TRUE;

  return TRUE;
}

static gboolean
key_pressed (gpointer data)
{
  return ((KeyWatch *)data)->pressed;
}

typedef struct
{
  GtkWidget *window;
  KeyWatch *keys;
  gboolean painted;
} AfterKey;

/* The keys came up, or the window went (a key may close it, and then the
 * X server sends the rest of the keys to no window of ours). */
static gboolean
key_released (gpointer data)
{
  AfterKey *after = data;

  return after->keys->released || !gtk_widget_get_mapped (after->window);
}

static void
after_paint_cb (GdkFrameClock *clock, AfterKey *after)
{
  after->painted = TRUE;
}

static gboolean
painted_after_key (gpointer data)
{
  AfterKey *after = data;

  return after->painted || !gtk_widget_get_mapped (after->window);
}

void
th_test_press_key (GtkWindow *window, guint keyval, GdkModifierType modifiers)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);
  KeyCode held[G_N_ELEMENTS (modifier_keys)];
  guint n_held = 0;
  GdkModifierType known = 0;
  KeyWatch watch = { code, code, FALSE, FALSE, 0 };
  AfterKey after = { GTK_WIDGET (window), &watch, FALSE };
  guint event_signal = g_signal_lookup ("event", GDK_TYPE_SURFACE);
  gulong hook;

  g_assert_true (code != 0);
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    known |= modifier_keys[i].mask;
  /* Lock (Caps Lock), Hyper and the mouse buttons are not held down here. */
  g_assert_cmphex (modifiers & ~known, ==, 0);

  /* The modifiers' keys, in order; a key that gives two of them (Alt_L and
   * Meta_L share one in some keymaps) goes down once. */
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    {
      KeyCode modifier;
      gboolean already = FALSE;

      if ((modifiers & modifier_keys[i].mask) == 0)
        continue;
      modifier = XKeysymToKeycode (xdisplay, modifier_keys[i].keysym);
      if (modifier == 0)
        g_test_message ("The keymap has no key for %s", gdk_keyval_name (modifier_keys[i].keysym));
      g_assert_cmpuint (modifier, !=, 0);
      for (guint j = 0; j < n_held; j++)
        already |= held[j] == modifier;
      if (!already)
        held[n_held++] = modifier;
    }
  if (n_held > 0)
    watch.last_keycode = held[0];

  /* A key may close the window it is sent to (Escape in presenter mode);
   * the window must outlive this function all the same. */
  g_object_ref (window);

  /* Keys go to the focused X window; without a window manager we give the
   * window the focus ourselves, as a click would. */
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  th_test_wait_until (is_active, window, th_test_timeout (EVENT_TIMEOUT_MS));

  hook = g_signal_add_emission_hook (event_signal, 0, surface_event_hook, &watch, NULL);

  for (guint i = 0; i < n_held; i++)
    XTestFakeKeyEvent (xdisplay, held[i], True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  for (guint i = n_held; i > 0; i--)
    XTestFakeKeyEvent (xdisplay, held[i - 1], False, CurrentTime);
  XSync (xdisplay, False);

  g_assert_true (th_test_wait_until (key_pressed, &watch, th_test_timeout (EVENT_TIMEOUT_MS)));
  g_assert_true (th_test_wait_until (key_released, &after, th_test_timeout (EVENT_TIMEOUT_MS)));
  g_signal_remove_emission_hook (event_signal, hook);

  /* GTK may add modifiers of its own; it must not miss one that was held
   * down.  Meta is the exception: whether GDK reads it depends on the
   * keymap, and Xvfb's puts Meta_L on the Alt key, which GDK reads as Alt
   * only. */
  g_assert_cmphex (watch.state & modifiers & ~GDK_META_MASK, ==, modifiers & ~GDK_META_MASK);
  if ((modifiers & GDK_META_MASK) != 0 && (watch.state & GDK_META_MASK) == 0)
    g_test_message ("Meta_L reached GTK as modifiers 0x%x: GDK gives Meta no modifier of its own "
                    "in this keymap",
                    watch.state & known);

  /* The key's handlers have run; wait for the frame that shows what they
   * did.  A frame is asked for in case they changed nothing on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      GdkFrameClock *clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (window)));
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &after);

      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_assert_true (
        th_test_wait_until (painted_after_key, &after, th_test_timeout (EVENT_TIMEOUT_MS)));
      g_signal_handler_disconnect (clock, handler);
      g_object_unref (clock);
    }

  g_object_unref (window);
}

void
th_test_destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  th_test_spin (20);
}

void
th_test_collect_widgets (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    th_test_collect_widgets (child, type, found);
}

char *
th_test_dup_shown_toast (GtkWidget *root)
{
  /* libadwaita 1.2 has no public type for the widget a toast shows in;
   * its CSS name is "toast", and its first label is the title. */
  if (g_strcmp0 (gtk_widget_get_css_name (root), "toast") == 0)
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();

      th_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
      g_assert_cmpuint (labels->len, >=, 1);
      return g_strdup (gtk_label_get_text (labels->pdata[0]));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *text = th_test_dup_shown_toast (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

GtkWindow *
th_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }

  return NULL;
}

gboolean
th_test_message_dialog_shown (gpointer data)
{
  GtkWindow *dialog = th_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (dialog == NULL)
    return FALSE;
  *(AdwMessageDialog **)data = ADW_MESSAGE_DIALOG (dialog);
  return TRUE;
}
