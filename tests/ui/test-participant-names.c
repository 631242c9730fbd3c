/* test-participant-names.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Names typed into the app's own participant entry meet the rule a
 * phone's name meets in the room (th-name.h), and a name is never read as
 * markup: not on its row, not in the toast that says it was removed. */

#include "config.h"

#include <adwaita.h>

#include "th-ui-test-utils.h"
#include "th-participant-row.h"
#include "th-workshop-view.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = th_test_new_window (&f->app);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.sample", NULL);
  th_window_set_visible_view (f->window, "workshop");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} ToastWait;

static gboolean
toast_reads (gpointer data)
{
  ToastWait *wait = data;
  g_autofree char *text = th_test_dup_shown_toast (wait->root);

  return g_strcmp0 (text, wait->text) == 0;
}

static void
assert_toast (Fixture *f, const char *expected)
{
  ToastWait wait = { GTK_WIDGET (f->window), expected };

  /* Toasts wait their turn: the sample's own stays for five seconds. */
  if (!th_test_wait_until (toast_reads, &wait, th_test_timeout (15000)))
    {
      g_autofree char *text = th_test_dup_shown_toast (GTK_WIDGET (f->window));

      g_assert_cmpstr (text, ==, expected);
    }
}

/* Types @name into the entry under the participants and presses Enter. */
static void
type_name (Fixture *f, const char *name)
{
  ThWorkshopView *view = th_window_get_workshop_view (f->window);
  GtkWidget *entry = th_workshop_view_get_add_entry (view);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0);
}

static void
test_refused_names (Fixture *f, gconstpointer data)
{
  ThSession *session = th_window_get_session (f->window);
  guint n = th_session_get_n_participants (session);

  type_name (f, "\u200B\u00A0\u200B");
  assert_toast (f, "A name needs at least one letter, digit or sign that shows; this one has "
                   "only spaces or invisible characters.");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, n);

  type_name (f, "Ana\u202Eevil");
  assert_toast (f, "A name cannot contain characters that reverse or isolate the direction of "
                   "text (U+202A to U+202E, U+2066 to U+2069).");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, n);
  /* What was typed stays, to be put right. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     th_workshop_view_get_add_entry (th_window_get_workshop_view (f->window)))),
                   ==, "Ana\u202Eevil");
}

/* Added the way the workshop view adds people, then removed: the toast
 * says the name in its own characters (libadwaita 1.2 reads a toast's
 * title as markup: this one drew a bold "x"). */
static void
test_markup_name_toast (Fixture *f, gconstpointer data)
{
  static const char name[] = "<b>x</b> & <span size='400%'>y</span>";
  ThSession *session = th_window_get_session (f->window);
  guint n = th_session_get_n_participants (session);
  ThParticipant *participant;

  type_name (f, name);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, n + 1);
  participant = th_session_get_participant (session, n);
  g_assert_cmpstr (th_participant_get_name (participant), ==, name);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (th_window_get_workshop_view (f->window)),
                                             "workshop.remove", "s",
                                             th_participant_get_id (participant)));
  assert_toast (f, "“<b>x</b> & <span size='400%'>y</span>” removed");
}

/* A long name is cut short in the list; the whole name is the tooltip of
 * its row's name, as plain text. */
static void
test_long_name_tooltip (Fixture *f, gconstpointer data)
{
  static const char name[] = "Maximiliana Theodora <b>Wilhelmina</b> von Hohenzollern-Sigmaringen";
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  guint n_found = 0;

  type_name (f, name);
  th_test_collect_widgets (GTK_WIDGET (f->window), TH_TYPE_PARTICIPANT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label;
      GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      gboolean handled = FALSE;

      if (g_strcmp0 (th_participant_get_name (th_participant_row_get_participant (rows->pdata[i])),
                     name)
          != 0)
        continue;
      label = GTK_WIDGET (
        gtk_widget_get_template_child (rows->pdata[i], TH_TYPE_PARTICIPANT_ROW, "name_label"));
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
      /* The path GTK takes when the pointer rests on the name. */
      g_assert_true (gtk_widget_get_has_tooltip (label));
      g_signal_emit_by_name (label, "query-tooltip", 2, 2, FALSE, tooltip, &handled);
      g_assert_true (handled);
      g_object_unref (tooltip);
      g_assert_cmpstr (th_participant_row_get_tooltip_text (rows->pdata[i]), ==, name);
      n_found++;
    }
  g_assert_cmpuint (n_found, >, 0);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/participant-names/refused", test_refused_names);
  ADD ("/participant-names/markup-toast", test_markup_name_toast);
  ADD ("/participant-names/long-name-tooltip", test_long_name_tooltip);
#undef ADD

  return g_test_run ();
}
