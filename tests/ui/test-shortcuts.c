/* test-shortcuts.c: every shortcut README.md promises, pressed as a person would
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "th-card-view.h"
#include "th-new-workshop-dialog.h"
#include "th-participant-row.h"
#include "th-preferences-window.h"
#include "th-ui-test-utils.h"

/* The keys of README's "Keyboard shortcuts" table, each written as the
 * table writes it, with what the tests below press for it.  Every key a
 * test presses goes through press(), which looks it up here.  The first
 * test reads README.md and holds this table against it both ways (a new
 * row in README without a test here fails); the last one checks that a
 * run of the whole file pressed every row. */
typedef struct
{
  const char *name;
  guint keyval; /* 0: no key (a gesture) */
  GdkModifierType modifiers;
  gboolean pressed;
} Shortcut;

static Shortcut shortcuts[] = {
  { "Ctrl+N", GDK_KEY_n, GDK_CONTROL_MASK },
  { "Ctrl+O", GDK_KEY_o, GDK_CONTROL_MASK },
  { "Ctrl+S", GDK_KEY_s, GDK_CONTROL_MASK },
  { "Shift+Ctrl+S", GDK_KEY_s, GDK_SHIFT_MASK | GDK_CONTROL_MASK },
  { "Ctrl+,", GDK_KEY_comma, GDK_CONTROL_MASK },
  { "Ctrl+W", GDK_KEY_w, GDK_CONTROL_MASK },
  { "Ctrl+Q", GDK_KEY_q, GDK_CONTROL_MASK },
  { "Space", GDK_KEY_space, 0 },
  { "Enter", GDK_KEY_Return, 0 },
  { "→", GDK_KEY_Right, 0 },
  { "Page Down", GDK_KEY_Page_Down, 0 },
  { "←", GDK_KEY_Left, 0 },
  { "Page Up", GDK_KEY_Page_Up, 0 },
  { "Home", GDK_KEY_Home, 0 },
  { "End", GDK_KEY_End, 0 },
  /* No key: a drag across the cards, see test_swipe(). */
  { "two-finger swipe", 0, 0 },
  { "arrow keys", GDK_KEY_Up, 0 },
  { "arrow keys", GDK_KEY_Down, 0 },
  { "arrow keys", GDK_KEY_Left, 0 },
  { "arrow keys", GDK_KEY_Right, 0 },
  { "L", GDK_KEY_l, 0 },
  { "M", GDK_KEY_m, 0 },
  { "U", GDK_KEY_u, 0 },
  { "1", GDK_KEY_1, 0 },
  { "2", GDK_KEY_2, 0 },
  { "3", GDK_KEY_3, 0 },
  { "4", GDK_KEY_4, 0 },
  { "5", GDK_KEY_5, 0 },
  { "Ctrl+Z", GDK_KEY_z, GDK_CONTROL_MASK },
  { "Shift+Ctrl+Z", GDK_KEY_z, GDK_SHIFT_MASK | GDK_CONTROL_MASK },
  { "Alt+1", GDK_KEY_1, GDK_ALT_MASK },
  { "Alt+2", GDK_KEY_2, GDK_ALT_MASK },
  { "Alt+3", GDK_KEY_3, GDK_ALT_MASK },
  { "F9", GDK_KEY_F9, 0 },
  { "F5", GDK_KEY_F5, 0 },
  { "Esc", GDK_KEY_Escape, 0 },
  { "F11", GDK_KEY_F11, 0 },
  { "B", GDK_KEY_b, 0 },
  { ".", GDK_KEY_period, 0 },
  { "T", GDK_KEY_t, 0 },
};

static Shortcut *
lookup (const char *name, guint keyval)
{
  Shortcut *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    if (g_str_equal (shortcuts[i].name, name) && (keyval == 0 || shortcuts[i].keyval == keyval))
      {
        /* A name with several keys ("arrow keys") needs the key too. */
        g_assert_null (found);
        found = &shortcuts[i];
      }

  if (found == NULL)
    g_test_message ("“%s” is not in the table of README's keys", name);
  g_assert_nonnull (found);
  return found;
}

/* Presses README's @name on @window. */
static void
press (GtkWindow *window, const char *name)
{
  Shortcut *shortcut = lookup (name, 0);

  g_assert_cmpuint (shortcut->keyval, !=, 0);
  th_test_press_key (window, shortcut->keyval, shortcut->modifiers);
  shortcut->pressed = TRUE;
}

/* One of the "arrow keys". */
static void
press_arrow (GtkWindow *window, guint keyval)
{
  Shortcut *shortcut = lookup ("arrow keys", keyval);

  th_test_press_key (window, shortcut->keyval, shortcut->modifiers);
  shortcut->pressed = TRUE;
}

typedef struct
{
  ThApplication *app;
  ThWindow *window; /* NULL once a key closed it */
  char *dir;
  GFile *file; /* a named workshop with Ana and Ben, none of it answered */
  ThDeck *deck;
} Fixture;

/* How many tests have run to their end, for the last one. */
static guint n_tests_done;

/* The first frame of the Cards view lays out every card of the deck, which
 * takes seconds in the sanitizer build; so the tests of the Cards view
 * share one window, in self-study, made by the first of them.  Each test
 * starts from the first card (open_cards()). */
static ThWindow *cards_window;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_remove (path);
}

/* Recovery copies, self-study progress and seen cards of an earlier test
 * would change what the next one sees. */
static void
clear_user_data (void)
{
  g_autofree char *two_hats = g_build_filename (g_get_user_data_dir (), "two-hats", NULL);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

  remove_tree (two_hats);
  g_settings_reset (settings, "cards-seen");
  g_settings_reset (settings, "presenter-monitor");
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;

  clear_user_data ();

  f->dir = g_dir_make_tmp ("test-shortcuts-XXXXXX", &error);
  g_assert_no_error (error);
  f->file = g_file_new_build_filename (f->dir, "offsite.twohats", NULL);
  f->deck = th_deck_new_builtin ();

  session = th_session_new (f->deck);
  th_session_set_title (session, "Offsite");
  g_assert_nonnull (th_session_add_participant (session, "Ana", NULL));
  g_assert_nonnull (th_session_add_participant (session, "Ben", NULL));
  g_assert_true (th_session_save_to_file (session, f->file, &error));
  g_assert_no_error (error);

  f->window = th_test_new_window (&f->app);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
}

/* Whatever a test left open: Cancel for dialogs (a file chooser belongs
 * to the GtkFileChooserNative that made it), the rest goes. */
static void
close_other_windows (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window == GTK_WINDOW (f->window) || window == GTK_WINDOW (cards_window)
          || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (GTK_IS_DIALOG (window))
        gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_CANCEL);
      else
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  close_other_windows (f);

  if (f->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
      th_test_destroy_window (GTK_WINDOW (f->window));
      f->window = NULL;
    }
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->file);
  g_clear_object (&f->deck);
  clear_user_data ();
  n_tests_done++;
}

static void
cards_fixture_set_up (Fixture *f, gconstpointer data)
{
  if (cards_window == NULL)
    {
      clear_user_data ();
      cards_window = th_test_new_window (&f->app);
      g_object_add_weak_pointer (G_OBJECT (cards_window), (gpointer *)&cards_window);
      gtk_widget_activate_action (GTK_WIDGET (cards_window), "win.self-study", NULL);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (cards_window));
    }
  else
    f->app = g_object_ref (TH_APPLICATION (gtk_window_get_application (GTK_WINDOW (cards_window))));

  f->window = cards_window;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
}

static void
cards_fixture_tear_down (Fixture *f, gconstpointer data)
{
  close_other_windows (f);
  if (f->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  g_clear_object (&f->app);
  n_tests_done++;
}

/* What is on screen */

static GtkWidget *
find_widget (GtkWidget *root, gboolean (*match) (GtkWidget *, gconstpointer), gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_participant_row_of (GtkWidget *widget, gconstpointer name)
{
  ThParticipant *participant;

  if (!TH_IS_PARTICIPANT_ROW (widget))
    return FALSE;

  /* The list view keeps a few spare rows with nobody in them. */
  participant = th_participant_row_get_participant (TH_PARTICIPANT_ROW (widget));
  return participant != NULL && g_strcmp0 (th_participant_get_name (participant), name) == 0;
}

/* A shown toplevel of @type other than the main window, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && !TH_IS_WINDOW (window)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

typedef struct
{
  GType type;
  GtkWindow *window;
} Toplevel;

static gboolean
toplevel_mapped (gpointer data)
{
  Toplevel *wanted = data;

  wanted->window = find_toplevel (wanted->type);
  return wanted->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (wanted->window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (((Toplevel *)data)->type) == NULL;
}

/* Waits for a toplevel of @type to be on screen. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  Toplevel wanted = { type, NULL };

  g_assert_true (th_test_wait_until (toplevel_mapped, &wanted, th_test_timeout (10000)));
  return wanted.window;
}

static void
wait_toplevel_gone (GType type)
{
  Toplevel wanted = { type, NULL };

  g_assert_true (th_test_wait_until (toplevel_gone, &wanted, th_test_timeout (10000)));
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
widget_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* The session */

static const char *
behaviour_id (Fixture *f, guint position)
{
  return th_behaviour_get_id (th_deck_get_behaviour (f->deck, position));
}

static ThSide
sort_of (ThSession *session, const char *participant_id, const char *behaviour)
{
  ThSide side = TH_SIDE_BOTH;

  th_participant_get_sort (th_session_lookup_participant (session, participant_id), behaviour,
                           &side);
  return side;
}

static ThWorkshopView *
open_workshop (Fixture *f)
{
  ThWorkshopView *view;

  g_assert_true (th_window_open_file (f->window, f->file));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = th_window_get_workshop_view (f->window);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "workshop");
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "sort");
  th_workshop_view_focus_board (view);
  return view;
}

static const char *
focused_card (Fixture *f)
{
  return th_sort_board_get_focused_card (
    th_workshop_view_get_sort_board (th_window_get_workshop_view (f->window)));
}

static GtkWidget *
find_carousel (ThCardBrowser *browser)
{
  GtkWidget *carousel
    = find_widget (GTK_WIDGET (browser), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_CAROUSEL));

  g_assert_nonnull (carousel);
  return carousel;
}

/* The carousel has stopped moving, on the browser's card. */
static gboolean
carousel_settled (gpointer browser)
{
  AdwCarousel *carousel = ADW_CAROUSEL (find_carousel (browser));

  return G_APPROX_VALUE (adw_carousel_get_position (carousel),
                         (double)th_card_browser_get_position (browser), 0.001);
}

/* The Cards view of self-study as a test of it starts: the first card,
 * face up, the keyboard on it, nothing else open. */
static ThCardBrowser *
open_cards (Fixture *f)
{
  ThCardBrowser *browser = th_window_get_card_browser (f->window);

  th_window_set_visible_view (f->window, "cards");
  gtk_widget_activate_action (GTK_WIDGET (browser), "cards.first", NULL);
  if (th_card_browser_get_flipped (browser))
    th_card_browser_flip (browser);
  gtk_widget_grab_focus (th_card_browser_get_current_card (browser));
  /* An earlier test may have left it on its way back to the first card. */
  g_assert_true (th_test_wait_until (carousel_settled, browser, th_test_timeout (10000)));

  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 0);
  g_assert_false (th_card_browser_get_flipped (browser));
  /* The window's focus: whether the window is the active one is for the
   * key to settle (th_test_press_key() gives it the focus). */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window))
                 == th_card_browser_get_current_card (browser));
  g_assert_null (th_window_get_presenter (f->window));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  return browser;
}

/* An untitled workshop, as the New Workshop dialog makes it. */
static void
new_untitled_workshop (Fixture *f)
{
  ThNewWorkshopDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workshop", NULL);
  dialog = TH_NEW_WORKSHOP_DIALOG (wait_for_toplevel (TH_TYPE_NEW_WORKSHOP_DIALOG));
  th_new_workshop_dialog_set_n_anonymous (dialog, 2);
  th_new_workshop_dialog_create (dialog);
  wait_toplevel_gone (TH_TYPE_NEW_WORKSHOP_DIALOG);
  g_assert_nonnull (th_window_get_document (f->window));
  g_assert_null (th_document_get_file (th_window_get_document (f->window)));
}

/* The helper itself */

typedef struct
{
  guint keyval;
  GdkModifierType state;
} SeenKey;

static gboolean
record_key_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
               GdkModifierType state, SeenKey *seen)
{
  seen->keyval = keyval;
  seen->state = state;
  return GDK_EVENT_PROPAGATE;
}

/* Each modifier on its own and all of them at once reach GTK with the key
 * (th_test_press_key() checks that as well; this is the window's view). */
static void
test_every_modifier (Fixture *f, gconstpointer data)
{
  static const GdkModifierType modifiers[] = {
    GDK_CONTROL_MASK,
    GDK_SHIFT_MASK,
    GDK_ALT_MASK,
    GDK_SUPER_MASK,
    GDK_META_MASK,
    GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK,
  };
  GtkEventController *controller = gtk_event_controller_key_new ();
  SeenKey seen = { 0, 0 };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (record_key_cb), &seen);
  gtk_widget_add_controller (GTK_WIDGET (f->window), controller);

  /* X: no shortcut of the welcome page, with or without modifiers. */
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    {
      seen.keyval = 0;
      th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_x, modifiers[i]);
      g_assert_cmpuint (gdk_keyval_to_lower (seen.keyval), ==, GDK_KEY_x);
      g_assert_cmphex (seen.state & modifiers[i] & ~GDK_META_MASK, ==,
                       modifiers[i] & ~GDK_META_MASK);
      /* Meta as GDK's own, or as Alt where the keymap puts Meta_L on the
       * Alt key with no modifier of its own (Xvfb's does). */
      if (modifiers[i] & GDK_META_MASK)
        g_assert_cmphex (seen.state & (GDK_META_MASK | GDK_ALT_MASK), !=, 0);
    }

  /* No modifier is left down afterwards. */
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_x, 0);
  g_assert_cmpuint (seen.keyval, ==, GDK_KEY_x);
  g_assert_cmphex (seen.state & gtk_accelerator_get_default_mod_mask (), ==, 0);

  gtk_widget_remove_controller (GTK_WIDGET (f->window), controller);
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "welcome");
}

/* Ctrl+N: the New Workshop dialog, over the window; its Esc closes it. */
static void
test_ctrl_n (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;

  g_assert_null (find_toplevel (TH_TYPE_NEW_WORKSHOP_DIALOG));
  press (GTK_WINDOW (f->window), "Ctrl+N");
  dialog = wait_for_toplevel (TH_TYPE_NEW_WORKSHOP_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (dialog));

  th_test_press_key (dialog, GDK_KEY_Escape, 0);
  wait_toplevel_gone (TH_TYPE_NEW_WORKSHOP_DIALOG);
  /* Nothing was made. */
  g_assert_null (th_window_get_document (f->window));
}

/* The file chooser a GtkFileChooserNative shows (a GtkFileChooserDialog
 * when there is no portal, as here). */
static GtkFileChooser *
wait_for_file_chooser (Fixture *f, GtkFileChooserAction action, const char *title)
{
  GtkWindow *dialog = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, action);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, title);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  return GTK_FILE_CHOOSER (dialog);
}

static void
file_chooser_respond (GtkFileChooser *chooser, int response)
{
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  wait_toplevel_gone (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

/* Names @name in @dir in a save dialog and presses its Save. */
static void
file_chooser_save (GtkFileChooser *chooser, const char *dir, const char *name)
{
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
  file_chooser_respond (chooser, GTK_RESPONSE_ACCEPT);
}

/* Ctrl+O: the Open dialog, for workshops and decks. */
static void
test_ctrl_o (Fixture *f, gconstpointer data)
{
  GtkFileChooser *chooser;

  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  press (GTK_WINDOW (f->window), "Ctrl+O");
  chooser = wait_for_file_chooser (f, GTK_FILE_CHOOSER_ACTION_OPEN, "Open a Workshop or a Deck");
  file_chooser_respond (chooser, GTK_RESPONSE_CANCEL);
  g_assert_null (th_window_get_document (f->window));
}

/* Ctrl+S on a workshop without a name asks for one, and saves under it. */
static void
test_ctrl_s_untitled (Fixture *f, gconstpointer data)
{
  g_autofree char *suggested = NULL;
  g_autoptr (GFile) named = g_file_new_build_filename (f->dir, "monday.twohats", NULL);
  GtkFileChooser *chooser;
  ThDocument *document;

  new_untitled_workshop (f);
  document = th_window_get_document (f->window);

  press (GTK_WINDOW (f->window), "Ctrl+S");
  chooser = wait_for_file_chooser (f, GTK_FILE_CHOOSER_ACTION_SAVE, "Save the Workshop");
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (suggested, ".twohats"));
  g_assert_false (g_file_query_exists (named, NULL));

  /* "monday": the extension comes by itself. */
  file_chooser_save (chooser, f->dir, "monday");
  g_assert_true (th_window_get_document (f->window) == document);
  g_assert_nonnull (th_document_get_file (document));
  g_assert_true (g_file_equal (th_document_get_file (document), named));
  {
    g_autoptr (ThSession) on_disk = th_session_new_from_file (named, NULL);

    g_assert_nonnull (on_disk);
    g_assert_cmpuint (th_session_get_n_participants (on_disk), ==, 2);
  }
}

typedef struct
{
  GFile *file;
  const char *behaviour_id;
  ThSide side;
} OnDisk;

/* Reads the file as it is on disk now, without asking the app anything. */
static gboolean
sorted_on_disk (gpointer data)
{
  const OnDisk *wanted = data;
  g_autoptr (ThSession) on_disk = th_session_new_from_file (wanted->file, NULL);

  return on_disk != NULL && sort_of (on_disk, "p1", wanted->behaviour_id) == wanted->side;
}

static gboolean
document_unsaved (gpointer document)
{
  return !th_document_get_saved (document);
}

/* Ctrl+S on a named workshop writes its file.  Autosave writes it after
 * every change, so the test takes that away first: a directory in the
 * file's place makes the write after the key fail, and then the file is
 * written again only on the next change, or on Ctrl+S. */
static void
test_ctrl_s_named (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_file_get_path (f->file);
  ThDocument *document;
  OnDisk wanted;

  open_workshop (f);
  document = th_window_get_document (f->window);
  wanted = (OnDisk){ f->file, behaviour_id (f, 0), TH_SIDE_LEADERSHIP };

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  press (GTK_WINDOW (f->window), "L");
  g_assert_true (th_test_wait_until (document_unsaved, document, th_test_timeout (10000)));
  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_false (g_file_query_exists (f->file, NULL));

  press (GTK_WINDOW (f->window), "Ctrl+S");
  /* th_document_save() writes on the main thread: no waiting. */
  g_assert_true (sorted_on_disk (&wanted));
  g_assert_true (th_document_get_saved (document));
}

/* Shift+Ctrl+S: Save As, whose copy becomes the workshop's file. */
static void
test_shift_ctrl_s (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) copy = g_file_new_build_filename (f->dir, "copy.twohats", NULL);
  g_autofree char *suggested = NULL;
  GtkFileChooser *chooser;
  ThDocument *document;

  open_workshop (f);
  document = th_window_get_document (f->window);

  press (GTK_WINDOW (f->window), "Shift+Ctrl+S");
  chooser = wait_for_file_chooser (f, GTK_FILE_CHOOSER_ACTION_SAVE, "Save the Workshop");
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "Offsite.twohats");

  file_chooser_save (chooser, f->dir, "copy.twohats");
  g_assert_true (g_file_equal (th_document_get_file (document), copy));
  g_assert_true (g_file_query_exists (copy, NULL));
  /* The first file is still there, as it was. */
  g_assert_true (g_file_query_exists (f->file, NULL));
}

/* Ctrl+, : the preferences; Esc closes them. */
static void
test_ctrl_comma (Fixture *f, gconstpointer data)
{
  GtkWindow *preferences;

  g_assert_null (find_toplevel (TH_TYPE_PREFERENCES_WINDOW));
  press (GTK_WINDOW (f->window), "Ctrl+,");
  preferences = wait_for_toplevel (TH_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (f->window));

  th_test_press_key (preferences, GDK_KEY_Escape, 0);
  wait_toplevel_gone (TH_TYPE_PREFERENCES_WINDOW);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Ctrl+W closes the window it is pressed in, and only that one. */
static void
test_ctrl_w (Fixture *f, gconstpointer data)
{
  g_autoptr (ThApplication) app = NULL;
  ThWindow *other = th_test_new_window (&app);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  press (GTK_WINDOW (f->window), "Ctrl+W");
  g_assert_true (th_test_wait_until (is_null, &f->window, th_test_timeout (10000)));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (other)));
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (app))->data == other);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app))->next);
  th_test_destroy_window (GTK_WINDOW (other));
}

/* Space and Enter turn the card over, and back. */
static void
test_space_enter (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = open_cards (f);
  GtkWidget *card = th_card_browser_get_current_card (browser);

  g_assert_false (th_card_view_get_flipped (TH_CARD_VIEW (card)));
  press (GTK_WINDOW (f->window), "Space");
  g_assert_true (th_card_view_get_flipped (TH_CARD_VIEW (card)));
  g_assert_true (th_card_browser_get_flipped (browser));

  press (GTK_WINDOW (f->window), "Enter");
  g_assert_false (th_card_view_get_flipped (TH_CARD_VIEW (card)));
  g_assert_false (th_card_browser_get_flipped (browser));

  press (GTK_WINDOW (f->window), "Enter");
  g_assert_true (th_card_view_get_flipped (TH_CARD_VIEW (card)));
}

/* →, Page Down go on; ←, Page Up go back. */
static void
test_next_previous (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = open_cards (f);
  ThConcept *first = th_card_browser_get_current (browser);

  press (GTK_WINDOW (f->window), "→");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 1);
  g_assert_true (th_card_browser_get_current (browser) != first);
  press (GTK_WINDOW (f->window), "Page Down");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 2);
  /* The keyboard went with the card. */
  g_assert_true (gtk_widget_has_focus (th_card_browser_get_current_card (browser)));

  press (GTK_WINDOW (f->window), "←");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 1);
  press (GTK_WINDOW (f->window), "Page Up");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 0);
  g_assert_true (th_card_browser_get_current (browser) == first);
}

/* Home and End: the first and the last card. */
static void
test_home_end (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = open_cards (f);
  ThConcept *first = th_card_browser_get_current (browser);
  guint n = th_card_browser_get_n_visible (browser);

  g_assert_cmpuint (n, >, 2);
  press (GTK_WINDOW (f->window), "End");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, n - 1);
  g_assert_true (gtk_widget_has_focus (th_card_browser_get_current_card (browser)));

  press (GTK_WINDOW (f->window), "Home");
  g_assert_cmpuint (th_card_browser_get_position (browser), ==, 0);
  g_assert_true (th_card_browser_get_current (browser) == first);
}

/* A drag with the mouse, through the X server, from @from_x to @to_x at
 * the height @y of @widget (widget coordinates), in small steps. */
static void
drag_across (GtkWidget *widget, double from_x, double to_x, double y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  double surface_x, surface_y;
  graphene_point_t point;
  int root_x, root_y;
  Window child;
  const int steps = 12;

  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (from_x, y), &point));
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         (int)(point.x + surface_x), (int)(point.y + surface_y), &root_x, &root_y,
                         &child);

  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XSync (xdisplay, False);
  gtk_test_widget_wait_for_draw (widget);
  for (int i = 1; i <= steps; i++)
    {
      XTestFakeMotionEvent (xdisplay, -1, root_x + (int)((to_x - from_x) * i / steps), root_y,
                            CurrentTime);
      XSync (xdisplay, False);
      /* One frame a step, as a hand moves. */
      gtk_test_widget_wait_for_draw (widget);
    }
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  gtk_test_widget_wait_for_draw (widget);
}

typedef struct
{
  ThCardBrowser *browser;
  guint position;
} AtPosition;

static gboolean
at_position (gpointer data)
{
  AtPosition *wanted = data;

  return th_card_browser_get_position (wanted->browser) == wanted->position;
}

/* "two-finger swipe" is no key: a touchpad's two fingers reach GTK as
 * scroll events of a touchpad, which XTest cannot make (its pointer is a
 * mouse, and Xvfb has no touchpad).  The carousel's swipe tracker takes a
 * mouse drag the same way (AdwCarousel:allow-mouse-drag), and a drag
 * through the X server is what is tested here: the same page change,
 * from the same tracker, to the same browser. */
static void
test_swipe (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = open_cards (f);
  GtkWidget *carousel = find_carousel (browser);
  ThConcept *first = th_card_browser_get_current (browser);
  int width, height;
  AtPosition wanted = { browser, 1 };

  g_assert_true (adw_carousel_get_interactive (ADW_CAROUSEL (carousel)));
  width = gtk_widget_get_width (carousel);
  height = gtk_widget_get_height (carousel);

  /* To the left: the next card. */
  drag_across (carousel, width * 0.85, width * 0.15, height / 2.0);
  g_assert_true (th_test_wait_until (at_position, &wanted, th_test_timeout (10000)));
  g_assert_true (th_card_browser_get_current (browser) != first);
  /* A swipe is no click: the card was not turned over. */
  g_assert_false (th_card_browser_get_flipped (browser));
  g_assert_true (th_test_wait_until (carousel_settled, browser, th_test_timeout (10000)));

  /* To the right: back to the first. */
  drag_across (carousel, width * 0.15, width * 0.85, height / 2.0);
  wanted.position = 0;
  g_assert_true (th_test_wait_until (at_position, &wanted, th_test_timeout (10000)));
  g_assert_true (th_card_browser_get_current (browser) == first);

  lookup ("two-finger swipe", 0)->pressed = TRUE;
}

/* The arrow keys move the keyboard between the cards of the sort board. */
static void
test_arrow_keys (Fixture *f, gconstpointer data)
{
  open_workshop (f);

  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Down);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Down);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 2));
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Up);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));

  /* Put the first card under Leadership, then go there and back. */
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Up);
  press (GTK_WINDOW (f->window), "L");
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Left);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Right);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));
}

/* L, M and U: under Leadership, under Management, back on the pile. */
static void
test_l_m_u (Fixture *f, gconstpointer data)
{
  ThSession *session;

  open_workshop (f);
  session = th_window_get_session (f->window);

  press (GTK_WINDOW (f->window), "L");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));
  press (GTK_WINDOW (f->window), "M");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 2));
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 2);

  /* Over to the Management column, and U puts its card back. */
  press_arrow (GTK_WINDOW (f->window), GDK_KEY_Right);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 1));
  press (GTK_WINDOW (f->window), "U");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 1)), ==, TH_SIDE_BOTH);
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_LEADERSHIP);
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 1);
  /* Ben was not touched. */
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 1)), ==, 0);
}

/* 1 … 5 rate the highlighted behaviour and go on to the next. */
static void
test_ratings (Fixture *f, gconstpointer data)
{
  static const char *const keys[] = { "1", "2", "3", "4", "5" };
  ThWorkshopView *view = open_workshop (f);
  ThReflectBoard *board = th_workshop_view_get_reflect_board (view);
  ThParticipant *ana;

  gtk_widget_activate_action (GTK_WIDGET (view), "workshop.phase", "s", "reflect");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, "reflect");
  ana = th_session_get_participant (th_window_get_session (f->window), 0);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, i));
      press (GTK_WINDOW (f->window), keys[i]);
      g_assert_cmpint (th_participant_get_rating (ana, behaviour_id (f, i)), ==, (int)i + 1);
    }
  g_assert_cmpstr (th_reflect_board_get_focused_behaviour (board), ==, behaviour_id (f, 5));
  g_assert_cmpuint (th_participant_get_n_rated (ana), ==, 5);
}

/* Ctrl+Z takes a step back, Shift+Ctrl+Z does it again. */
static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  ThSession *session;

  open_workshop (f);
  session = th_window_get_session (f->window);

  press (GTK_WINDOW (f->window), "M");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_MANAGEMENT);

  press (GTK_WINDOW (f->window), "Ctrl+Z");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_BOTH);
  g_assert_cmpstr (focused_card (f), ==, behaviour_id (f, 0));

  press (GTK_WINDOW (f->window), "Shift+Ctrl+Z");
  g_assert_cmpint (sort_of (session, "p1", behaviour_id (f, 0)), ==, TH_SIDE_MANAGEMENT);
  g_assert_cmpuint (th_participant_get_n_sorted (th_session_get_participant (session, 0)), ==, 1);
}

static gboolean
is_phase_button (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
assert_phase (Fixture *f, ThPhase phase, const char *board, const char *button_label)
{
  ThWorkshopView *view = th_window_get_workshop_view (f->window);
  GtkWidget *button = find_widget (GTK_WIDGET (view), is_phase_button, button_label);

  g_assert_cmpint (th_session_get_phase (th_window_get_session (f->window)), ==, phase);
  g_assert_cmpstr (th_workshop_view_get_visible_board (view), ==, board);
  g_assert_nonnull (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* Alt+1, Alt+2, Alt+3: Sort, Reveal, Reflect. */
static void
test_alt_digits (Fixture *f, gconstpointer data)
{
  open_workshop (f);
  assert_phase (f, TH_PHASE_SORT, "sort", "1 · Sort");

  press (GTK_WINDOW (f->window), "Alt+3");
  assert_phase (f, TH_PHASE_REFLECT, "reflect", "3 · Reflect");
  press (GTK_WINDOW (f->window), "Alt+2");
  assert_phase (f, TH_PHASE_REVEAL, "reveal", "2 · Reveal");
  press (GTK_WINDOW (f->window), "Alt+1");
  assert_phase (f, TH_PHASE_SORT, "sort", "1 · Sort");

  /* The digit without Alt sorts nothing and changes no phase. */
  press (GTK_WINDOW (f->window), "2");
  assert_phase (f, TH_PHASE_SORT, "sort", "1 · Sort");
}

/* F9 hides the participants and shows them again. */
static void
test_f9 (Fixture *f, gconstpointer data)
{
  ThWorkshopView *view = open_workshop (f);
  GtkWidget *flap = find_widget (GTK_WIDGET (view), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_FLAP));
  GtkWidget *ana = find_widget (GTK_WIDGET (view), is_participant_row_of, "Ana");

  g_assert_nonnull (flap);
  g_assert_nonnull (ana);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_get_mapped (ana));

  press (GTK_WINDOW (f->window), "F9");
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (th_test_wait_until (widget_unmapped, ana, th_test_timeout (10000)));

  press (GTK_WINDOW (f->window), "F9");
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (th_test_wait_until (widget_mapped, ana, th_test_timeout (10000)));
}

static gboolean
presenter_shown (gpointer data)
{
  ThPresenterWindow *presenter = th_window_get_presenter (data);

  return presenter != NULL && gtk_widget_get_mapped (GTK_WIDGET (presenter));
}

static gboolean
presenter_gone (gpointer data)
{
  return th_window_get_presenter (data) == NULL && find_toplevel (TH_TYPE_PRESENTER_WINDOW) == NULL;
}

/* F5 starts presenter mode on the cards; F5 leaves it, and so does Esc,
 * in either window. */
static void
test_f5_esc (Fixture *f, gconstpointer data)
{
  ThCardBrowser *browser = open_cards (f);
  ThPresenterWindow *presenter;

  press (GTK_WINDOW (f->window), "F5");
  g_assert_true (th_test_wait_until (presenter_shown, f->window, th_test_timeout (10000)));
  presenter = th_window_get_presenter (f->window);
  g_assert_true (th_presenter_window_get_concept (presenter)
                 == th_card_browser_get_current (browser));

  press (GTK_WINDOW (f->window), "F5");
  g_assert_true (th_test_wait_until (presenter_gone, f->window, th_test_timeout (10000)));

  press (GTK_WINDOW (f->window), "F5");
  g_assert_true (th_test_wait_until (presenter_shown, f->window, th_test_timeout (10000)));
  press (GTK_WINDOW (f->window), "Esc");
  g_assert_true (th_test_wait_until (presenter_gone, f->window, th_test_timeout (10000)));

  /* Esc on the projector's own window. */
  press (GTK_WINDOW (f->window), "F5");
  g_assert_true (th_test_wait_until (presenter_shown, f->window, th_test_timeout (10000)));
  press (GTK_WINDOW (th_window_get_presenter (f->window)), "Esc");
  g_assert_true (th_test_wait_until (presenter_gone, f->window, th_test_timeout (10000)));

  /* Without a presenter, Esc leaves the window alone. */
  press (GTK_WINDOW (f->window), "Esc");
  g_assert_cmpstr (th_window_get_visible_view (f->window), ==, "cards");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static ThPresenterWindow *start_presenting (Fixture *f);

/* Just enough of a window manager for full screen.  Xvfb runs none, and
 * without one a window's request for full screen (EWMH: a _NET_WM_STATE
 * message to the root window) goes unanswered.  This one answers it as a
 * window manager does: it sets the window's _NET_WM_STATE, which is what
 * GDK reads its full-screen state from, and gives the window the whole
 * screen, or its own place back. */
typedef struct
{
  Display *xdisplay;
  Atom net_wm_state;
  Atom fullscreen;
  GtkWindow *window; /* whose state the test waits for */
  gboolean want_fullscreen;
  int width, height; /* the window's size before full screen */
} FullscreenWm;

static void
fullscreen_wm_start (FullscreenWm *wm)
{
  wm->xdisplay = XOpenDisplay (gdk_display_get_name (gdk_display_get_default ()));
  g_assert_nonnull (wm->xdisplay);
  wm->net_wm_state = XInternAtom (wm->xdisplay, "_NET_WM_STATE", False);
  wm->fullscreen = XInternAtom (wm->xdisplay, "_NET_WM_STATE_FULLSCREEN", False);
  /* Client messages to the root window come to those who listen there. */
  XSelectInput (wm->xdisplay, DefaultRootWindow (wm->xdisplay), SubstructureNotifyMask);
  XSync (wm->xdisplay, False);
}

static void
fullscreen_wm_stop (FullscreenWm *wm)
{
  XCloseDisplay (wm->xdisplay);
}

/* The window's _NET_WM_STATE, without full screen; @fullscreen_out says
 * whether it was there. */
static GArray *
read_wm_state (FullscreenWm *wm, Window window, gboolean *fullscreen_out)
{
  GArray *atoms = g_array_new (FALSE, FALSE, sizeof (Atom));
  Atom type;
  int format;
  unsigned long n_items, bytes_after;
  unsigned char *data = NULL;

  *fullscreen_out = FALSE;
  if (XGetWindowProperty (wm->xdisplay, window, wm->net_wm_state, 0, 1024, False, XA_ATOM, &type,
                          &format, &n_items, &bytes_after, &data)
        == Success
      && type == XA_ATOM && format == 32)
    for (unsigned long i = 0; i < n_items; i++)
      {
        Atom atom = ((Atom *)data)[i];

        if (atom == wm->fullscreen)
          *fullscreen_out = TRUE;
        else
          g_array_append_val (atoms, atom);
      }
  if (data != NULL)
    XFree (data);
  return atoms;
}

static void
fullscreen_wm_answer (FullscreenWm *wm, XClientMessageEvent *message)
{
  Window window = message->window;
  g_autoptr (GArray) atoms = NULL;
  gboolean fullscreen;
  gboolean want;

  if ((Atom)message->data.l[1] != wm->fullscreen && (Atom)message->data.l[2] != wm->fullscreen)
    return;

  atoms = read_wm_state (wm, window, &fullscreen);
  /* 0 takes the state away, 1 adds it, 2 toggles it. */
  want = message->data.l[0] == 1 || (message->data.l[0] == 2 && !fullscreen);
  if (want)
    g_array_append_val (atoms, wm->fullscreen);
  XChangeProperty (wm->xdisplay, window, wm->net_wm_state, XA_ATOM, 32, PropModeReplace,
                   (unsigned char *)atoms->data, (int)atoms->len);

  if (want && !fullscreen)
    {
      XWindowAttributes attributes;

      XGetWindowAttributes (wm->xdisplay, window, &attributes);
      wm->width = attributes.width;
      wm->height = attributes.height;
      XMoveResizeWindow (wm->xdisplay, window, 0, 0,
                         (unsigned)DisplayWidth (wm->xdisplay, DefaultScreen (wm->xdisplay)),
                         (unsigned)DisplayHeight (wm->xdisplay, DefaultScreen (wm->xdisplay)));
    }
  else if (!want && fullscreen && wm->width > 0)
    XMoveResizeWindow (wm->xdisplay, window, 0, 0, (unsigned)wm->width, (unsigned)wm->height);
  XSync (wm->xdisplay, False);
}

/* Answers what came, then: is the window as wanted? */
static gboolean
fullscreen_wm_done (gpointer data)
{
  FullscreenWm *wm = data;

  while (XPending (wm->xdisplay) > 0)
    {
      XEvent event;

      XNextEvent (wm->xdisplay, &event);
      if (event.type == ClientMessage && event.xclient.message_type == wm->net_wm_state)
        fullscreen_wm_answer (wm, &event.xclient);
    }

  return gtk_window_is_fullscreen (wm->window) == wm->want_fullscreen;
}

static void
assert_fullscreen (FullscreenWm *wm, GtkWindow *window, gboolean fullscreen)
{
  wm->window = window;
  wm->want_fullscreen = fullscreen;
  g_assert_true (th_test_wait_until (fullscreen_wm_done, wm, th_test_timeout (10000)));
}

typedef struct
{
  GdkSurface *surface;
  int width;
  int height;
} SurfaceSize;

static gboolean
surface_has_size (gpointer data)
{
  SurfaceSize *size = data;

  return gdk_surface_get_width (size->surface) == size->width
         && gdk_surface_get_height (size->surface) == size->height;
}

/* F11: full screen on and off, in the facilitator's window and on the
 * projector (which starts in full screen). */
static void
test_f11 (Fixture *f, gconstpointer data)
{
  GdkMonitor *monitor = g_list_model_get_item (
    gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (f->window))), 0);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  int before_width = gdk_surface_get_width (surface);
  int before_height = gdk_surface_get_height (surface);
  SurfaceSize size = { surface, 0, 0 };
  FullscreenWm wm = { 0 };
  GdkRectangle screen;
  ThPresenterWindow *presenter;

  gdk_monitor_get_geometry (monitor, &screen);
  g_object_unref (monitor);
  g_assert_cmpint (before_height, <, screen.height);
  fullscreen_wm_start (&wm);

  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  press (GTK_WINDOW (f->window), "F11");
  assert_fullscreen (&wm, GTK_WINDOW (f->window), TRUE);
  /* The window has the whole screen. */
  size.width = screen.width;
  size.height = screen.height;
  g_assert_true (th_test_wait_until (surface_has_size, &size, th_test_timeout (10000)));

  press (GTK_WINDOW (f->window), "F11");
  assert_fullscreen (&wm, GTK_WINDOW (f->window), FALSE);
  /* And its own size back. */
  size.width = before_width;
  size.height = before_height;
  g_assert_true (th_test_wait_until (surface_has_size, &size, th_test_timeout (10000)));

  presenter = start_presenting (f);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presenter)));
  press (GTK_WINDOW (presenter), "F11");
  assert_fullscreen (&wm, GTK_WINDOW (presenter), FALSE);
  press (GTK_WINDOW (presenter), "F11");
  assert_fullscreen (&wm, GTK_WINDOW (presenter), TRUE);

  fullscreen_wm_stop (&wm);
}

static gboolean
is_stack (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_STACK (widget);
}

static const char *
projector_shows (ThPresenterWindow *presenter)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (presenter), is_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static ThPresenterWindow *
start_presenting (Fixture *f)
{
  open_cards (f);
  press (GTK_WINDOW (f->window), "F5");
  g_assert_true (th_test_wait_until (presenter_shown, f->window, th_test_timeout (10000)));
  return th_window_get_presenter (f->window);
}

/* B or . blank the projector, and bring it back, from either window. */
static void
test_blank (Fixture *f, gconstpointer data)
{
  ThPresenterWindow *presenter = start_presenting (f);

  g_assert_false (th_presenter_window_get_blanked (presenter));
  g_assert_cmpstr (projector_shows (presenter), ==, "card");

  press (GTK_WINDOW (f->window), "B");
  g_assert_true (th_presenter_window_get_blanked (presenter));
  g_assert_cmpstr (projector_shows (presenter), ==, "blank");
  press (GTK_WINDOW (f->window), ".");
  g_assert_false (th_presenter_window_get_blanked (presenter));
  g_assert_cmpstr (projector_shows (presenter), ==, "card");

  press (GTK_WINDOW (presenter), ".");
  g_assert_true (th_presenter_window_get_blanked (presenter));
  g_assert_cmpstr (projector_shows (presenter), ==, "blank");
  press (GTK_WINDOW (presenter), "B");
  g_assert_false (th_presenter_window_get_blanked (presenter));
  g_assert_cmpstr (projector_shows (presenter), ==, "card");
}

static gboolean
is_timer_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "presenter-timer");
}

typedef struct
{
  ThPresenterWindow *presenter;
  int below;
} TimerBelow;

static gboolean
timer_below (gpointer data)
{
  TimerBelow *wanted = data;

  return th_presenter_window_get_timer_remaining (wanted->presenter) < wanted->below;
}

/* T starts the round timer and pauses it, from either window. */
static void
test_timer (Fixture *f, gconstpointer data)
{
  ThPresenterWindow *presenter = start_presenting (f);
  GtkWidget *label = find_widget (GTK_WIDGET (presenter), is_timer_label, NULL);
  GtkWindow *windows[] = { GTK_WINDOW (f->window), GTK_WINDOW (presenter) };
  TimerBelow ticked = { presenter, th_presenter_window_get_timer_remaining (presenter) };

  g_assert_nonnull (label);
  g_assert_false (th_presenter_window_get_timer_running (presenter));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpint (ticked.below, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      int paused_at;

      press (windows[i], "T");
      g_assert_true (th_presenter_window_get_timer_running (presenter));
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_false (gtk_widget_has_css_class (label, "paused"));
      /* It counts down (a tick a second). */
      g_assert_true (th_test_wait_until (timer_below, &ticked, th_test_timeout (10000)));

      press (windows[i], "T");
      g_assert_false (th_presenter_window_get_timer_running (presenter));
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_true (gtk_widget_has_css_class (label, "paused"));
      paused_at = th_presenter_window_get_timer_remaining (presenter);
      g_assert_cmpint (paused_at, >, 0);
      g_assert_cmpint (paused_at, <, ticked.below);
      ticked.below = paused_at;
    }
}

typedef struct
{
  Fixture *f;
  ThWindow *other;
  gboolean all_gone;
} Quit;

static gboolean
no_windows (gpointer data)
{
  Quit *quit = data;

  return quit->f->window == NULL && quit->other == NULL
         && gtk_application_get_windows (GTK_APPLICATION (quit->f->app)) == NULL;
}

static gboolean
press_ctrl_q_cb (gpointer data)
{
  Quit *quit = data;

  press (GTK_WINDOW (quit->f->window), "Ctrl+Q");
  quit->all_gone = th_test_wait_until (no_windows, quit, th_test_timeout (10000));
  /* If the key did not quit, stop the run all the same: the test fails
   * below instead of hanging here. */
  if (!quit->all_gone)
    g_application_quit (G_APPLICATION (quit->f->app));
  return G_SOURCE_REMOVE;
}

/* Ctrl+Q closes every window and ends the application's run.  The
 * application shuts down for good then, so this test comes last of those
 * that show windows. */
static void
test_ctrl_q (Fixture *f, gconstpointer data)
{
  g_autoptr (ThApplication) app = NULL;
  Quit quit = { f, NULL, FALSE };

  quit.other = th_test_new_window (&app);
  g_object_add_weak_pointer (G_OBJECT (quit.other), (gpointer *)&quit.other);
  /* A workshop that is open when the app quits. */
  open_workshop (f);

  /* As main() runs it: the run ends when the application quits. */
  g_idle_add (press_ctrl_q_cb, &quit);
  g_assert_cmpint (g_application_run (G_APPLICATION (f->app), 0, NULL), ==, 0);
  g_assert_true (quit.all_gone);
  g_assert_null (f->window);
  g_assert_null (quit.other);
}

/* README's table */

/* Splits one cell of README's table into its keys: "→, Page Down / ←,
 * Page Up", "B or .", "1 … 5". */
static void
add_readme_keys (GPtrArray *keys, const char *cell)
{
  g_auto (GStrv) halves = g_strsplit (cell, " / ", -1);

  for (guint i = 0; halves[i] != NULL; i++)
    {
      g_auto (GStrv) commas = g_strsplit (halves[i], ", ", -1);

      for (guint j = 0; commas[j] != NULL; j++)
        {
          g_auto (GStrv) ors = g_strsplit (commas[j], " or ", -1);

          for (guint k = 0; ors[k] != NULL; k++)
            {
              g_auto (GStrv) range = g_strsplit (ors[k], " … ", -1);
              char *key = g_strstrip (ors[k]);

              g_assert_cmpstr (key, !=, "");
              if (g_strv_length (range) == 2 && strlen (range[0]) == 1 && strlen (range[1]) == 1)
                for (char c = range[0][0]; c <= range[1][0]; c++)
                  g_ptr_array_add (keys, g_strdup_printf ("%c", c));
              else
                g_ptr_array_add (keys, g_strdup (key));
            }
        }
    }
}

static GPtrArray *
read_readme_keys (void)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "README.md", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  gboolean in_section = FALSE;
  guint n_rows = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto (GStrv) cells = NULL;

      if (g_str_has_prefix (line, "## "))
        {
          in_section = g_str_equal (line, "## Keyboard shortcuts");
          continue;
        }
      if (!in_section || !g_str_has_prefix (line, "|"))
        continue;

      cells = g_strsplit (line, "|", -1);
      g_assert_cmpuint (g_strv_length (cells), >=, 3);
      g_strstrip (cells[1]);
      /* The head of the table and the line under it. */
      if (g_str_equal (cells[1], "keys") || g_str_has_prefix (cells[1], "---"))
        continue;
      add_readme_keys (keys, cells[1]);
      n_rows++;
    }

  /* The table was found. */
  g_assert_cmpuint (n_rows, >, 0);
  return keys;
}

static gboolean
string_in (GPtrArray *strings, const char *string)
{
  return g_ptr_array_find_with_equal_func (strings, string, g_str_equal, NULL);
}

/* What a key's name says: "Shift+Ctrl+S" is S with Shift and Control. */
static gboolean
parse_key_name (const char *name, guint *keyval, GdkModifierType *modifiers)
{
  static const struct
  {
    const char *name;
    guint keyval;
  } words[] = {
    { "Space", GDK_KEY_space },     { "Enter", GDK_KEY_Return }, { "Esc", GDK_KEY_Escape },
    { "→", GDK_KEY_Right },         { "←", GDK_KEY_Left },       { "Page Down", GDK_KEY_Page_Down },
    { "Page Up", GDK_KEY_Page_Up }, { "Home", GDK_KEY_Home },    { "End", GDK_KEY_End },
  };
  g_auto (GStrv) parts = g_strsplit (name, "+", -1);
  guint n = g_strv_length (parts);
  const char *key;

  *modifiers = 0;
  /* "Ctrl+," has no "+" in its key; a name ending in "+" would. */
  for (guint i = 0; i + 1 < n; i++)
    {
      if (g_str_equal (parts[i], "Ctrl"))
        *modifiers |= GDK_CONTROL_MASK;
      else if (g_str_equal (parts[i], "Shift"))
        *modifiers |= GDK_SHIFT_MASK;
      else if (g_str_equal (parts[i], "Alt"))
        *modifiers |= GDK_ALT_MASK;
      else
        return FALSE;
    }
  key = parts[n - 1];

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (key, words[i].name))
      {
        *keyval = words[i].keyval;
        return TRUE;
      }
  if (g_utf8_strlen (key, -1) == 1 && g_ascii_isprint (key[0]))
    {
      *keyval = gdk_keyval_to_lower (gdk_unicode_to_keyval ((guchar)key[0]));
      return TRUE;
    }
  *keyval = gdk_keyval_from_name (key); /* F5, F9, F11 */
  return *keyval != GDK_KEY_VoidSymbol && g_ascii_isupper (key[0]) && key[1] != '\0';
}

/* Every key of README's table has its row here, and every row here is in
 * README's table; and each row presses what its name says. */
static void
test_readme_table (void)
{
  g_autoptr (GPtrArray) readme = read_readme_keys ();
  g_autoptr (GPtrArray) ours = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    g_ptr_array_add (ours, (gpointer)shortcuts[i].name);

  for (guint i = 0; i < readme->len; i++)
    {
      const char *key = g_ptr_array_index (readme, i);

      if (!string_in (ours, key))
        g_test_message ("README lists “%s”, which no test here presses", key);
      g_assert_true (string_in (ours, key));
    }

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      if (!string_in (readme, shortcuts[i].name))
        g_test_message ("“%s” is not in README's table any more", shortcuts[i].name);
      g_assert_true (string_in (readme, shortcuts[i].name));

      if (parse_key_name (shortcuts[i].name, &keyval, &modifiers))
        {
          g_assert_cmpstr (gdk_keyval_name (shortcuts[i].keyval), ==, gdk_keyval_name (keyval));
          g_assert_cmphex (shortcuts[i].modifiers, ==, modifiers);
        }
      else
        /* The two rows that are no single key. */
        g_assert_true (g_str_equal (shortcuts[i].name, "arrow keys")
                       || g_str_equal (shortcuts[i].name, "two-finger swipe"));
    }
}

static guint n_tests;

/* A run of the whole file pressed every row of the table. */
static void
test_every_row_pressed (void)
{
  if (n_tests_done < n_tests)
    {
      g_test_skip ("Not every test ran");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (!shortcuts[i].pressed)
        g_test_message ("No test pressed “%s”", shortcuts[i].name);
      g_assert_true (shortcuts[i].pressed);
    }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  /* These tests walk the behaviour cards by their place in the deck, so
   * the boards show them in deck order (the settings live in memory, for
   * this process alone); test-card-order tests each participant's own
   * order, which is the default. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

    g_settings_set_boolean (settings, "cards-in-deck-order", TRUE);
  }

  /* The table against README first; whether every row was pressed
   * last, after every test that presses keys. */
  g_test_add_func ("/ui/shortcuts/readme-table", test_readme_table);

#define ADD(name, func)                                                                            \
  do                                                                                               \
    {                                                                                              \
      g_test_add ("/ui/shortcuts/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);  \
      n_tests++;                                                                                   \
    }                                                                                              \
  while (0)
#define ADD_CARDS(name, func)                                                                      \
  do                                                                                               \
    {                                                                                              \
      g_test_add ("/ui/shortcuts/" name, Fixture, NULL, cards_fixture_set_up, func,                \
                  cards_fixture_tear_down);                                                        \
      n_tests++;                                                                                   \
    }                                                                                              \
  while (0)
  ADD ("every-modifier", test_every_modifier);
  ADD ("ctrl-n", test_ctrl_n);
  ADD ("ctrl-o", test_ctrl_o);
  ADD ("ctrl-s-untitled", test_ctrl_s_untitled);
  ADD ("ctrl-s-named", test_ctrl_s_named);
  ADD ("shift-ctrl-s", test_shift_ctrl_s);
  ADD ("ctrl-comma", test_ctrl_comma);
  /* Before the Cards view's window exists: it counts the windows. */
  ADD ("ctrl-w", test_ctrl_w);
  ADD ("arrow-keys", test_arrow_keys);
  ADD ("l-m-u", test_l_m_u);
  ADD ("ratings", test_ratings);
  ADD ("undo-redo", test_undo_redo);
  ADD ("alt-digits", test_alt_digits);
  ADD ("f9", test_f9);
  ADD_CARDS ("space-enter", test_space_enter);
  ADD_CARDS ("next-previous", test_next_previous);
  ADD_CARDS ("home-end", test_home_end);
  ADD_CARDS ("swipe", test_swipe);
  ADD_CARDS ("f5-esc", test_f5_esc);
  ADD_CARDS ("f11", test_f11);
  ADD_CARDS ("blank", test_blank);
  ADD_CARDS ("timer", test_timer);
  /* Last of those with windows: the application shuts down. */
  ADD ("ctrl-q", test_ctrl_q);
#undef ADD
#undef ADD_CARDS

  g_test_add_func ("/ui/shortcuts/every-row-pressed", test_every_row_pressed);

  return g_test_run ();
}
