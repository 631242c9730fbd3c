/* test-room-settings.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The room's settings in Preferences, as real widgets: the room's size,
 * generated names and the list of refused words, edited the way a
 * facilitator does, and a room that follows them. */

#include "config.h"

#include <adwaita.h>

#include "th-name.h"
#include "th-preferences-window.h"
#include "th-room-door.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
  GSettings *settings;
  GtkWindow *preferences;
} Fixture;

static gboolean
preferences_shown (gpointer data)
{
  Fixture *f = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (TH_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        f->preferences = window;
    }
  return f->preferences != NULL;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "room-size");
  g_settings_reset (f->settings, "generated-names");
  g_settings_reset (f->settings, "refused-words");

  f->window = th_test_new_window (&f->app);
  /* Opened as a person opens them: Ctrl+,. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_comma, GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (preferences_shown, f, th_test_timeout (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->preferences));
}

static gboolean
page_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The page "Room", as its button at the top shows it. */
static void
show_room_page (Fixture *f, GtkWidget *row)
{
  GtkWidget *page = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE);

  g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), ==, "Room");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (f->preferences),
                                           ADW_PREFERENCES_PAGE (page));
  g_assert_true (th_test_wait_until (page_shown, row, th_test_timeout (5000)));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (f->preferences);
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
  g_clear_object (&f->settings);
}

/* The row of the preferences titled @title, or NULL. */
static GtkWidget *
row_titled (Fixture *f, GType type, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (GTK_WIDGET (f->preferences), type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static gboolean
generated_on (gpointer data)
{
  return g_settings_get_boolean (data, "generated-names");
}

/* Room Size and Generated Names change the settings the room reads. */
static void
test_room_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (ThRoomDoor) door = th_room_door_new ();
  GtkWidget *size_row = row_titled (f, ADW_TYPE_ACTION_ROW, "Room Size");
  GtkWidget *generated_row = row_titled (f, ADW_TYPE_ACTION_ROW, "Generated Names");
  GtkWidget *spin, *generated;

  th_room_door_bind_settings (door, f->settings);
  g_assert_nonnull (size_row);
  g_assert_nonnull (generated_row);
  show_room_page (f, size_row);
  spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (size_row));
  generated = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (generated_row));
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  g_assert_true (GTK_IS_SWITCH (generated));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 100);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (generated)));

  /* Typed, then Enter in the spin button. */
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), "40");
  th_test_press_key (f->preferences, GDK_KEY_Return, 0);
  g_assert_cmpint (g_settings_get_int (f->settings, "room-size"), ==, 40);
  g_assert_cmpuint (th_room_door_get_room_size (door), ==, 40);

  /* The switch takes its new state when its animation ends. */
  g_assert_true (gtk_widget_activate (generated));
  g_assert_true (th_test_wait_until (generated_on, f->settings, th_test_timeout (5000)));
  g_assert_true (th_room_door_get_generated_names (door));
}

/* The button in @row that takes a word off the list. */
static GtkWidget *
remove_button (GtkWidget *row)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (row, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  return buttons->pdata[0];
}

/* The apply button of an entry row: the one that shows once there is
 * text. */
static GtkWidget *
apply_button (GtkWidget *entry_row)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (entry_row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_visible (buttons->pdata[i]))
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static void
assert_words (Fixture *f, const char *const *expected)
{
  g_auto (GStrv) words = g_settings_get_strv (f->settings, "refused-words");

  g_assert_cmpstrv (words, expected);
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_nonnull (row_titled (f, ADW_TYPE_ACTION_ROW, expected[i]));
}

/* Refused words: none at first; added with the entry's button or Enter,
 * once whatever the case; taken off with a row's button; and the room
 * refuses names that hold one, as a whole word. */
static void
test_refused_words (Fixture *f, gconstpointer data)
{
  g_autoptr (ThRoomDoor) door = th_room_door_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *entry = row_titled (f, ADW_TYPE_ENTRY_ROW, "Add a Word");
  GtkWidget *wolf_row;

  th_room_door_bind_settings (door, f->settings);
  g_assert_nonnull (entry);
  show_room_page (f, entry);
  assert_words (f, (const char *const[]){ NULL });

  /* Typed into the entry, which shows its apply button while it has the
   * focus and text, then the button. */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Wolf ");
  g_signal_emit_by_name (apply_button (entry), "clicked");
  assert_words (f, (const char *const[]){ "Wolf", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (entry), "big bad");
  th_test_press_key (f->preferences, GDK_KEY_Return, 0);
  assert_words (f, (const char *const[]){ "Wolf", "big bad", NULL });

  /* Once is enough, whatever the case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "WOLF");
  th_test_press_key (f->preferences, GDK_KEY_Return, 0);
  assert_words (f, (const char *const[]){ "Wolf", "big bad", NULL });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* A word is the facilitator's text, not markup. */
  wolf_row = row_titled (f, ADW_TYPE_ACTION_ROW, "Wolf");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (wolf_row)));

  g_assert_false (th_room_door_check_name (door, "A BIG  Bad Wolf", &error));
  g_assert_error (error, TH_NAME_ERROR, TH_NAME_ERROR_REFUSED_WORD);
  g_clear_error (&error);
  g_assert_true (th_room_door_check_name (door, "Wolfgang", NULL));

  g_signal_emit_by_name (remove_button (wolf_row), "clicked");
  assert_words (f, (const char *const[]){ "big bad", NULL });
  g_assert_null (row_titled (f, ADW_TYPE_ACTION_ROW, "Wolf"));
  g_assert_true (th_room_door_check_name (door, "Wolf", NULL));
  g_assert_false (th_room_door_check_name (door, "Big Bad John", NULL));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/room-settings/room-rows", test_room_rows);
  ADD ("/room-settings/refused-words", test_refused_words);
#undef ADD

  return g_test_run ();
}
