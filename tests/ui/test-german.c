/* test-german.c: the window in German, from po/de.po
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app's window under a German locale, with the catalogue the build
 * compiles from po/de.po (build/po/de/LC_MESSAGES/two-hats.mo): the
 * welcome page's buttons, the names of the views, the window title and
 * the built-in deck's first card read in German.  Every expected string
 * is a msgstr of po/de.po, written out here.
 *
 * This test has a main of its own, so it binds that catalogue itself;
 * main.c's bindtextdomain call is what tests/cli's German tests and the
 * German run of tests/room/test-room-page.mjs go through. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "th-card-browser.h"
#include "th-ui-test-utils.h"

typedef struct
{
  ThApplication *app;
  ThWindow *window;
} Fixture;

static gboolean german_locale;

static gboolean
german_available (void)
{
  if (!german_locale)
    g_test_skip ("the de_DE.UTF-8 locale is not installed (tools/deps --tests generates it)");
  return german_locale;
}

/* TH_TEST_SLOW stretches every deadline (3 in the sanitizer pass). */
static guint
deadline_ms (guint ms)
{
  const char *slow = g_getenv ("TH_TEST_SLOW");
  guint64 factor = 1;

  if (slow != NULL && !g_ascii_string_to_unsigned (slow, 10, 1, 100, &factor, NULL))
    g_error ("TH_TEST_SLOW=%s is not a whole number from 1 to 100", slow);
  return ms * (guint)factor;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  /* Every test starts with nothing seen, and no self-study progress. */
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *self_study
    = g_build_filename (g_get_user_data_dir (), "two-hats", "self-study.twohats", NULL);

  g_unlink (self_study);
  g_settings_reset (settings, "cards-seen");

  f->window = th_test_new_window (&f->app);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

/* The button under @root whose label is @label, or NULL. */
static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* Whether a label under @root shows @text. */
static gboolean
shows_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0
        && gtk_widget_get_mapped (labels->pdata[i]))
      return TRUE;
  return FALSE;
}

static void
test_welcome (Fixture *f, gconstpointer data)
{
  /* msgid → msgstr: "_Start Self-Study", "_New Workshop…", "_Open…",
   * "_Try the Sample Workshop". */
  const char *buttons[] = { "_Selbststudium beginnen", "_Neuer Workshop…", "Ö_ffnen…",
                            "_Beispiel-Workshop ausprobieren" };
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();
  g_autoptr (GListModel) pages = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  if (!german_available ())
    return;

  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = find_button (GTK_WIDGET (f->window), buttons[i]);

      if (button == NULL)
        g_test_message ("no button reads %s", buttons[i]);
      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
    }
  /* And not the English ones beside them. */
  g_assert_null (find_button (GTK_WIDGET (f->window), "_Start Self-Study"));

  /* The views: "Cards" → "Karten", "Chart" → "Diagramm". */
  th_test_collect_widgets (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  pages = G_LIST_MODEL (adw_view_stack_get_pages (stacks->pdata[0]));
  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (pages, i);

      g_ptr_array_add (titles, g_strdup (adw_view_stack_page_get_title (page)));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Karten", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Diagramm", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (titles, "Cards", g_str_equal, NULL));
}

static gboolean
showing_cards (gpointer data)
{
  return g_strcmp0 (th_window_get_visible_view (data), "cards") == 0;
}

/* The built-in deck's text comes from the catalogue too (deck-strings.c
 * puts it into po/two-hats.pot): its first concept card in German. */
static void
test_deck (Fixture *f, gconstpointer data)
{
  GtkWidget *self_study = find_button (GTK_WIDGET (f->window), "_Selbststudium beginnen");
  ThCardBrowser *browser = th_window_get_card_browser (f->window);
  GtkWidget *card;

  if (!german_available ())
    return;

  /* As a person would: the button, activated from the keyboard. */
  g_assert_nonnull (self_study);
  g_assert_true (gtk_widget_activate (self_study));
  g_assert_true (th_test_wait_until (showing_cards, f->window, deadline_ms (10000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* "Self-Study" → "Selbststudium". */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Selbststudium");

  g_assert_cmpstr (th_concept_get_id (th_card_browser_get_current (browser)), ==, "two-roles");
  card = th_card_browser_get_current_card (browser);
  /* "Two roles, one person", and the card's summary "Leadership and
   * management get mixed up, yet each does a different job." */
  g_assert_true (shows_label (card, "Zwei Rollen, eine Person"));
  g_assert_true (shows_label (card, "Führung und Management werden oft verwechselt, dabei "
                                    "erfüllen sie unterschiedliche Aufgaben."));
  g_assert_false (shows_label (card, "Two roles, one person"));
}

int
main (int argc, char *argv[])
{
  g_autofree char *catalogue_dir = NULL;
  g_autofree char *catalogue = NULL;

  /* What a German desktop session sets. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  /* gtk_test_init() sets an English locale on purpose; take the
   * environment's again, as main.c does. */
  german_locale = setlocale (LC_ALL, "") != NULL;

  /* G_TEST_BUILDDIR is build/tests; the catalogue is in build/po. */
  catalogue_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  catalogue = g_build_filename (catalogue_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: po/meson.build compiles it with the project", catalogue);
  bindtextdomain (GETTEXT_PACKAGE, catalogue_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/german/welcome", test_welcome);
  ADD ("/ui/german/deck", test_deck);
#undef ADD

  return g_test_run ();
}
