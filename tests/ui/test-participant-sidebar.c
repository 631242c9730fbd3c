/* test-participant-sidebar.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The participant list in the workshop's sidebar: a name another
 * participant has already is added or given only once the facilitator
 * says how (as it is, numbered, or not at all), in the sidebar, in Rename
 * and in the New Workshop dialog; a row added far down the list scrolls
 * into view; and a long name leaves the sidebar as wide as it was. */

#include "config.h"

#include <adwaita.h>

#include "th-new-workshop-dialog.h"
#include "th-participant-row.h"
#include "th-ui-test-utils.h"
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
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* A dialog a failed test left open goes with the window. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (window) || TH_IS_NEW_WORKSHOP_DIALOG (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  th_test_destroy_window (GTK_WINDOW (f->window));
  g_clear_object (&f->app);
}

static ThWorkshopView *
view_of (Fixture *f)
{
  return th_window_get_workshop_view (f->window);
}

static GtkWidget *
add_entry_of (Fixture *f)
{
  return th_workshop_view_get_add_entry (view_of (f));
}

static ThSession *
session_of (Fixture *f)
{
  return th_window_get_session (f->window);
}

static const char *
name_at (Fixture *f, guint position)
{
  return th_participant_get_name (th_session_get_participant (session_of (f), position));
}

/* Types @name into the entry above the participants and presses Enter. */
static void
type_name (Fixture *f, const char *name)
{
  GtkWidget *entry = add_entry_of (f);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_Return, 0);
}

static gboolean
message_dialog_gone (gpointer data)
{
  AdwMessageDialog *dialog = NULL;

  return !th_test_message_dialog_shown (&dialog);
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  g_assert_true (
    th_test_wait_until (th_test_message_dialog_shown, &dialog, th_test_timeout (5000)));
  return dialog;
}

static gboolean
dialog_gone (gpointer data)
{
  GtkWidget *dialog = *(GtkWidget **)data;

  return dialog == NULL || !gtk_widget_get_visible (dialog);
}

/* Clicks the button of @dialog that reads @text, and waits for the
 * dialog to close. */
static void
click_dialog_button (AdwMessageDialog *dialog, const char *text)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button = NULL;

  th_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && button == NULL; i++)
    {
      GtkWidget *child = gtk_button_get_child (buttons->pdata[i]);

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        button = buttons->pdata[i];
    }
  if (button == NULL)
    g_error ("the dialog has no button “%s”", text);

  /* Another dialog may follow this one: it is this one that must go. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (th_test_wait_until (dialog_gone, &dialog, th_test_timeout (5000)));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
}

/* Presses Enter in @dialog, once it is drawn, and waits for it to close. */
static void
press_enter_in (AdwMessageDialog *dialog)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  th_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
  g_assert_true (th_test_wait_until (dialog_gone, &dialog, th_test_timeout (5000)));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
}

static gboolean
entry_has_focus (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL
         && (focus == add_entry_of (f) || gtk_widget_is_ancestor (focus, add_entry_of (f)));
}

/* "Ana Souza" is the sample's first participant. */
static void
test_duplicate_cancel (Fixture *f, gconstpointer data)
{
  guint n = th_session_get_n_participants (session_of (f));
  AdwMessageDialog *dialog;

  type_name (f, "Ana Souza");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“Ana Souza” Is Already Taken");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Another participant is called “Ana Souza”. Two people with the same name "
                   "cannot be told apart on the chart, on the handouts or in exported files.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Cancel");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "numbered"), ==,
                   "Add as “Ana Souza 2”");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "anyway"), ==, "Add _Anyway");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "numbered");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "numbered"), ==,
                   ADW_RESPONSE_SUGGESTED);

  /* Nothing is added while the question is open. */
  th_test_spin (100);
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n);

  /* Cancel adds nothing, and what was typed stays in the entry, which has
   * the keyboard again. */
  click_dialog_button (dialog, "Cancel");
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_entry_of (f))), ==, "Ana Souza");
  g_assert_true (entry_has_focus (f));
}

static void
test_duplicate_numbered (Fixture *f, gconstpointer data)
{
  guint n = th_session_get_n_participants (session_of (f));
  AdwMessageDialog *dialog;

  type_name (f, "Ana Souza");
  dialog = wait_for_dialog ();
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n);
  click_dialog_button (dialog, "Add as “Ana Souza 2”");
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 1);
  g_assert_cmpstr (name_at (f, n), ==, "Ana Souza 2");
  /* Ready for the next name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_entry_of (f))), ==, "");
  g_assert_true (entry_has_focus (f));

  /* With "Ana Souza 2" there too, the next free number; Enter gives it,
   * as the answer that has the keyboard. */
  type_name (f, "Ana Souza");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "numbered"), ==,
                   "Add as “Ana Souza 3”");
  press_enter_in (dialog);
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 2);
  g_assert_cmpstr (name_at (f, n + 1), ==, "Ana Souza 3");
}

/* A long name makes the dialog stack its answers, one under the other:
 * Enter still gives the numbered name. */
static void
test_duplicate_enter_when_stacked (Fixture *f, gconstpointer data)
{
  static const char name[] = "Maximiliana Theodora Wilhelmina von Hohenzollern";
  guint n = th_session_get_n_participants (session_of (f));
  AdwMessageDialog *dialog;

  type_name (f, name);
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 1);
  type_name (f, name);
  dialog = wait_for_dialog ();
  press_enter_in (dialog);
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 2);
  g_assert_cmpstr (name_at (f, n + 1), ==, "Maximiliana Theodora Wilhelmina von Hohenzollern 2");
}

static void
test_duplicate_anyway (Fixture *f, gconstpointer data)
{
  guint n = th_session_get_n_participants (session_of (f));
  AdwMessageDialog *dialog;

  type_name (f, "Ana Souza");
  dialog = wait_for_dialog ();
  click_dialog_button (dialog, "Add Anyway");
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 1);
  g_assert_cmpstr (name_at (f, n), ==, "Ana Souza");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_entry_of (f))), ==, "");
  g_assert_true (entry_has_focus (f));
}

/* The same name in other letters and with spaces around it is the same
 * name; the number follows the name as typed, without the spaces. */
static void
test_duplicate_other_case (Fixture *f, gconstpointer data)
{
  guint n = th_session_get_n_participants (session_of (f));
  AdwMessageDialog *dialog;

  type_name (f, "  ana souza ");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“ana souza” Is Already Taken");
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n);
  click_dialog_button (dialog, "Add as “ana souza 2”");
  g_assert_cmpstr (name_at (f, n), ==, "ana souza 2");

  /* A name nobody has goes in at once. */
  type_name (f, "Ana Sousa");
  th_test_spin (100);
  g_assert_true (message_dialog_gone (NULL));
  g_assert_cmpuint (th_session_get_n_participants (session_of (f)), ==, n + 2);
  g_assert_cmpstr (name_at (f, n + 1), ==, "Ana Sousa");
}

/* Opens Rename for the participant with @id and asks for @name. */
static void
rename_to (Fixture *f, const char *id, const char *name)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (view_of (f)), "workshop.rename", "s", id);
  dialog = wait_for_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), name);
  click_dialog_button (dialog, "Rename");
}

static void
test_rename_duplicate (Fixture *f, gconstpointer data)
{
  ThParticipant *second = th_session_get_participant (session_of (f), 1);
  g_autofree char *id = g_strdup (th_participant_get_id (second));
  g_autofree char *before = g_strdup (th_participant_get_name (second));
  AdwMessageDialog *dialog;

  /* Renamed to the first participant's name: asked, not renamed yet. */
  rename_to (f, id, "ANA SOUZA");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“ANA SOUZA” Is Already Taken");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "numbered"), ==,
                   "Rename to “ANA SOUZA 2”");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "anyway"), ==, "Rename _Anyway");
  g_assert_cmpstr (th_participant_get_name (second), ==, before);

  /* Cancel goes back to Rename with the name as typed. */
  click_dialog_button (dialog, "Cancel");
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Rename Participant");
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))), ==,
    "ANA SOUZA");
  g_assert_cmpstr (th_participant_get_name (second), ==, before);
  click_dialog_button (dialog, "Rename");

  dialog = wait_for_dialog ();
  click_dialog_button (dialog, "Rename to “ANA SOUZA 2”");
  g_assert_cmpstr (th_participant_get_name (second), ==, "ANA SOUZA 2");

  /* A participant's own name in other letters is no one else's. */
  rename_to (f, id, "ana souza 2");
  th_test_spin (100);
  g_assert_true (message_dialog_gone (NULL));
  g_assert_cmpstr (th_participant_get_name (second), ==, "ana souza 2");

  /* Anyway keeps the name as typed. */
  rename_to (f, id, "Ana Souza");
  dialog = wait_for_dialog ();
  click_dialog_button (dialog, "Rename Anyway");
  g_assert_cmpstr (th_participant_get_name (second), ==, "Ana Souza");
  g_assert_cmpstr (name_at (f, 0), ==, "Ana Souza");
}

typedef struct
{
  Fixture *f;
  const char *name;
} RowWait;

static GtkWidget *
find_row (GtkWidget *root, const char *name)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  th_test_collect_widgets (root, TH_TYPE_PARTICIPANT_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      /* The list view keeps a few spare rows with nobody in them. */
      ThParticipant *participant = th_participant_row_get_participant (rows->pdata[i]);

      if (participant != NULL && g_strcmp0 (th_participant_get_name (participant), name) == 0)
        return rows->pdata[i];
    }
  return NULL;
}

static GtkScrolledWindow *
participant_scroller (Fixture *f)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (view_of (f)), TH_TYPE_WORKSHOP_VIEW, "participant_list"));

  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
}

/* Whether the row of @wait->name is mapped and wholly inside the part of
 * the list the scrolled window shows: its bounds in the list view, the
 * scrolled window's child, lie within the vertical adjustment's page (the
 * list draws its rows where they are once scrolled), and within the
 * scrolled window too. */
static gboolean
row_in_view (gpointer data)
{
  RowWait *wait = data;
  GtkScrolledWindow *scroller = participant_scroller (wait->f);
  GtkWidget *list = gtk_scrolled_window_get_child (scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkWidget *row = find_row (GTK_WIDGET (view_of (wait->f)), wait->name);
  graphene_rect_t in_list;
  graphene_rect_t in_scroller;

  if (row == NULL || !gtk_widget_get_mapped (row)
      || !gtk_widget_compute_bounds (row, list, &in_list)
      || !gtk_widget_compute_bounds (row, GTK_WIDGET (scroller), &in_scroller))
    return FALSE;

  return in_list.origin.y >= 0
         && in_list.origin.y + in_list.size.height <= gtk_adjustment_get_page_size (adjustment)
         && in_scroller.origin.y >= 0
         && in_scroller.origin.y + in_scroller.size.height
              <= gtk_widget_get_height (GTK_WIDGET (scroller));
}

static void
test_new_row_scrolls_into_view (Fixture *f, gconstpointer data)
{
  ThSession *session = session_of (f);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (participant_scroller (f));
  RowWait wait = { f, "Zoe Thirtieth" };

  while (th_session_get_n_participants (session) < 29)
    g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view_of (f)), "workshop.add-anonymous", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  type_name (f, "Zoe Thirtieth");
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 30);
  g_assert_true (th_test_wait_until (row_in_view, &wait, th_test_timeout (5000)));
  /* The list is longer than the sidebar shows, and it moved to show the
   * row; the entry keeps the keyboard for the next name. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_true (entry_has_focus (f));
}

/* A removal undone brings the row back into view, even when the list was
 * scrolled to its top in between. */
static void
test_undo_removal_scrolls_into_view (Fixture *f, gconstpointer data)
{
  ThSession *session = session_of (f);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (participant_scroller (f));
  RowWait wait = { f, "Zoe Thirtieth" };
  RowWait first = { f, "Ana Souza" };
  ThParticipant *participant;

  while (th_session_get_n_participants (session) < 29)
    gtk_widget_activate_action (GTK_WIDGET (view_of (f)), "workshop.add-anonymous", NULL);
  type_name (f, "Zoe Thirtieth");
  participant = th_session_get_participant (session, 29);
  g_assert_cmpstr (th_participant_get_name (participant), ==, "Zoe Thirtieth");
  gtk_widget_activate_action (GTK_WIDGET (view_of (f)), "workshop.remove", "s",
                              th_participant_get_id (participant));
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 29);

  gtk_adjustment_set_value (adjustment, 0);
  g_assert_true (th_test_wait_until (row_in_view, &first, th_test_timeout (5000)));
  g_assert_false (row_in_view (&wait));

  gtk_widget_activate_action (GTK_WIDGET (view_of (f)), "workshop.undo", NULL);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 30);
  g_assert_true (th_test_wait_until (row_in_view, &wait, th_test_timeout (5000)));
}

/* A name of 60 characters is cut short on its row and whole in its
 * tooltip; the sidebar stays as wide as it was, and stays open, when the
 * name is added and when its person is chosen (the toolbar shows it). */
static void
test_long_name_keeps_sidebar_width (Fixture *f, gconstpointer data)
{
  static const char name[] = "Maximiliana Theodora Wilhelmina von Hohenzollern-Sigmaringen";
  GtkWidget *sidebar = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (view_of (f)), TH_TYPE_WORKSHOP_VIEW, "sidebar"));
  AdwFlap *flap = ADW_FLAP (
    gtk_widget_get_template_child (GTK_WIDGET (view_of (f)), TH_TYPE_WORKSHOP_VIEW, "flap"));
  RowWait wait = { f, name };
  int width = gtk_widget_get_width (sidebar);
  GtkWidget *row;
  GtkWidget *label;

  g_assert_cmpuint (g_utf8_strlen (name, -1), ==, 60);
  g_assert_cmpint (width, >, 0);
  g_assert_false (adw_flap_get_folded (flap));

  type_name (f, name);
  g_assert_true (th_test_wait_until (row_in_view, &wait, th_test_timeout (5000)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, width);
  g_assert_false (adw_flap_get_folded (flap));

  row = find_row (GTK_WIDGET (view_of (f)), name);
  label = GTK_WIDGET (gtk_widget_get_template_child (row, TH_TYPE_PARTICIPANT_ROW, "name_label"));
  g_assert_true (gtk_widget_get_has_tooltip (label));
  g_assert_cmpstr (th_participant_row_get_tooltip_text (TH_PARTICIPANT_ROW (row)), ==, name);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));

  th_workshop_view_select_participant (
    view_of (f), th_session_get_participant (session_of (f),
                                             th_session_get_n_participants (session_of (f)) - 1));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (sidebar), ==, width);
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

static ThNewWorkshopDialog *
find_new_workshop_dialog (void)
{
  return TH_NEW_WORKSHOP_DIALOG (th_test_find_toplevel (TH_TYPE_NEW_WORKSHOP_DIALOG));
}

static gboolean
new_workshop_dialog_shown (gpointer data)
{
  return find_new_workshop_dialog () != NULL;
}

static gboolean
new_workshop_dialog_gone (gpointer data)
{
  return find_new_workshop_dialog () == NULL;
}

static void
type_in_dialog (ThNewWorkshopDialog *dialog, const char *name)
{
  GtkWidget *entry = th_new_workshop_dialog_get_name_entry (dialog);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  th_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Return, 0);
}

static GtkWidget *
find_button_labelled (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  th_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), text) == 0)
      return buttons->pdata[i];
  return NULL;
}

/* The New Workshop dialog lists a repeated name as typed and says so
 * above the list; Number Them numbers every repeat, and Create with a
 * last repeated name still in the entry waits for the warning to be
 * seen. */
static void
test_new_workshop_duplicates (Fixture *f, gconstpointer data)
{
  ThNewWorkshopDialog *dialog;
  GtkWidget *warning;
  GtkWidget *number;
  ThSession *session;

  th_test_press_key (GTK_WINDOW (f->window), GDK_KEY_n, GDK_CONTROL_MASK);
  g_assert_true (th_test_wait_until (new_workshop_dialog_shown, NULL, th_test_timeout (5000)));
  dialog = find_new_workshop_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  warning = th_new_workshop_dialog_get_duplicates_label (dialog);
  number = find_button_labelled (GTK_WIDGET (dialog), "_Number Them");
  g_assert_nonnull (number);

  type_in_dialog (dialog, "Ana");
  type_in_dialog (dialog, "Ben");
  g_assert_false (gtk_widget_is_visible (warning));
  type_in_dialog (dialog, " ana");
  g_assert_cmpuint (th_new_workshop_dialog_get_n_names (dialog), ==, 3);
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 2), ==, "ana");
  g_assert_true (gtk_widget_is_visible (warning));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (warning)), ==,
                   "“Ana” is on the list more than once. Two people with the same name cannot be "
                   "told apart on the chart, on the handouts or in exported files.");

  type_in_dialog (dialog, "Ben");
  type_in_dialog (dialog, "Ana");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (warning)), ==,
                   "These names are on the list more than once: “Ana”, “Ben”. Two people with the "
                   "same name cannot be told apart on the chart, on the handouts or in exported "
                   "files.");

  /* Numbered only when asked: the first of each keeps its name. */
  g_assert_true (gtk_widget_is_visible (number));
  g_signal_emit_by_name (number, "clicked");
  g_assert_cmpuint (th_new_workshop_dialog_get_n_names (dialog), ==, 5);
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 0), ==, "Ana");
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 1), ==, "Ben");
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 2), ==, "ana 2");
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 3), ==, "Ben 2");
  g_assert_cmpstr (th_new_workshop_dialog_get_name (dialog, 4), ==, "Ana 3");
  g_assert_false (gtk_widget_is_visible (warning));

  /* A repeat left in the entry at Create joins the list and shows the
   * warning; the workshop waits. */
  gtk_editable_set_text (GTK_EDITABLE (th_new_workshop_dialog_get_name_entry (dialog)), "Ben");
  th_new_workshop_dialog_create (dialog);
  th_test_spin (100);
  g_assert_true (find_new_workshop_dialog () == dialog);
  g_assert_cmpuint (th_new_workshop_dialog_get_n_names (dialog), ==, 6);
  g_assert_true (gtk_widget_is_visible (warning));

  /* A second Create keeps the names as they are. */
  th_new_workshop_dialog_create (dialog);
  g_assert_true (th_test_wait_until (new_workshop_dialog_gone, NULL, th_test_timeout (5000)));
  session = th_window_get_session (f->window);
  g_assert_cmpuint (th_session_get_n_participants (session), ==, 6);
  g_assert_cmpstr (name_at (f, 1), ==, "Ben");
  g_assert_cmpstr (name_at (f, 5), ==, "Ben");
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/participant-sidebar/duplicate-cancel", test_duplicate_cancel);
  ADD ("/participant-sidebar/duplicate-numbered", test_duplicate_numbered);
  ADD ("/participant-sidebar/duplicate-enter-when-stacked", test_duplicate_enter_when_stacked);
  ADD ("/participant-sidebar/duplicate-anyway", test_duplicate_anyway);
  ADD ("/participant-sidebar/duplicate-other-case", test_duplicate_other_case);
  ADD ("/participant-sidebar/rename-duplicate", test_rename_duplicate);
  ADD ("/participant-sidebar/new-row-in-view", test_new_row_scrolls_into_view);
  ADD ("/participant-sidebar/undo-removal-in-view", test_undo_removal_scrolls_into_view);
  ADD ("/participant-sidebar/long-name-width", test_long_name_keeps_sidebar_width);
  ADD ("/participant-sidebar/new-workshop-duplicates", test_new_workshop_duplicates);
#undef ADD

  return g_test_run ();
}
