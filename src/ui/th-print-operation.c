/* th-print-operation.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>

#include "th-card-sheets.h"
#include "th-error-dialog.h"
#include "th-handouts.h"
#include "th-page.h"
#include "th-print-operation.h"
#include "th-property.h"
#include "th-quadrant-chart.h"

/* Three things come out of the printer: the chart on one page (drawn by
 * the same renderer as the screen, in its print style), one handout per
 * participant, and the behaviour cards as sheets to cut out for a room
 * without laptops.  All three are drawn in src/chart, in points inside
 * the printable area the page setup gives, so A4, Letter, portrait and
 * landscape all work; this operation sees to pagination, the page setup
 * (remembered per mode) and the print settings. */

#define SETTINGS_GROUP "Print Settings"

struct _ThPrintOperation
{
  GtkPrintOperation parent_instance;

  ThSession *session;
  ThPrintMode mode;
  gboolean anonymous;
  gboolean answer_sheet;
  gboolean deck_order;

  /* What is being printed, made in begin-print and dropped in end-print:
   * the pages show the session as it was when printing began. */
  ThQuadrantChart *chart;
  ThHandouts *handouts;
  /* The card sheets outlive a print so that the preview and the pages
   * printed after it show the cards in the same shuffle. */
  ThCardSheets *cards;

  GtkWidget *custom_check;
  gboolean error_shown;
};

G_DEFINE_ENUM_TYPE (ThPrintMode, th_print_mode, G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_CHART, "chart"),
                    G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_HANDOUTS, "handouts"),
                    G_DEFINE_ENUM_VALUE (TH_PRINT_MODE_CARDS, "cards"))

G_DEFINE_FINAL_TYPE (ThPrintOperation, th_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GtkPrintOperation -------------------------------------------------------- */

static void
clear_pages (ThPrintOperation *self)
{
  g_clear_object (&self->chart);
  g_clear_pointer (&self->handouts, th_handouts_free);
}

static void
th_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n_pages = 1;

  clear_pages (self);

  switch (self->mode)
    {
      case TH_PRINT_MODE_CHART:
        self->chart = th_quadrant_chart_new ();
        th_quadrant_chart_set_style (self->chart, TH_CHART_STYLE_PRINT);
        th_quadrant_chart_set_session (self->chart, self->session);
        th_quadrant_chart_set_anonymous (self->chart, self->anonymous);
        /* Paper is pinned up: it names who is missing from it. */
        th_quadrant_chart_set_show_unplaced (self->chart, TRUE);
        break;

      case TH_PRINT_MODE_HANDOUTS:
        self->handouts = th_handouts_new (self->session);
        n_pages = th_handouts_get_n_pages (self->handouts);
        break;

      case TH_PRINT_MODE_CARDS:
        if (self->cards == NULL
            || th_card_sheets_get_deck (self->cards) != th_session_get_deck (self->session))
          {
            g_clear_pointer (&self->cards, th_card_sheets_free);
            self->cards = th_card_sheets_new (th_session_get_deck (self->session));
          }
        th_card_sheets_set_deck_order (self->cards, self->deck_order);
        th_card_sheets_set_date (self->cards, th_session_get_created (self->session));
        th_card_sheets_set_answer_key (self->cards, self->answer_sheet);
        n_pages = th_card_sheets_paginate (
          self->cards, gtk_print_context_get_cairo_context (context), width, height);
        break;

      default:
        g_assert_not_reached ();
    }

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
th_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  cairo_save (cr);

  switch (self->mode)
    {
      case TH_PRINT_MODE_CHART:
        th_quadrant_chart_draw (self->chart, cr, width, height);
        break;
      case TH_PRINT_MODE_HANDOUTS:
        th_handouts_draw_page (self->handouts, cr, width, height, (guint)page_nr);
        break;
      case TH_PRINT_MODE_CARDS:
        th_card_sheets_draw_page (self->cards, cr, width, height, (guint)page_nr);
        break;
      default:
        g_assert_not_reached ();
    }

  cairo_restore (cr);
}

static void
th_print_operation_end_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  clear_pages (TH_PRINT_OPERATION (operation));
}

/* A tab of our own in the print dialog for what only this mode has. */
static GtkWidget *
th_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  GtkWidget *box;

  if (self->mode == TH_PRINT_MODE_HANDOUTS)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  if (self->mode == TH_PRINT_MODE_CHART)
    {
      self->custom_check = gtk_check_button_new_with_mnemonic (_ ("_Numbers instead of names"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), self->anonymous);
    }
  else
    {
      self->custom_check
        = gtk_check_button_new_with_mnemonic (_ ("_Add an answer key after the cards"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_check), self->answer_sheet);
    }
  gtk_box_append (GTK_BOX (box), self->custom_check);

  return box;
}

static void
th_print_operation_custom_widget_apply (GtkPrintOperation *operation, GtkWidget *widget)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (operation);
  gboolean active;

  if (self->custom_check == NULL)
    return;

  active = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->custom_check));
  if (self->mode == TH_PRINT_MODE_CHART)
    th_print_operation_set_anonymous (self, active);
  else
    th_print_operation_set_answer_sheet (self, active);
  self->custom_check = NULL;
}

/* Settings ------------------------------------------------------------------ */

char *
th_print_operation_dup_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "two-hats", "print.ini", NULL);
}

static const char *
page_setup_group (ThPrintMode mode)
{
  switch (mode)
    {
      case TH_PRINT_MODE_HANDOUTS:
        return "Page Setup Handouts";
      case TH_PRINT_MODE_CARDS:
        return "Page Setup Cards";
      case TH_PRINT_MODE_CHART:
      default:
        return "Page Setup Chart";
    }
}

static void
load_settings (ThPrintOperation *self)
{
  g_autofree char *path = th_print_operation_dup_settings_path ();
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GtkPrintSettings) settings = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;

  /* A missing or broken file just means the defaults. */
  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    {
      settings = gtk_print_settings_new_from_key_file (key_file, SETTINGS_GROUP, NULL);
      page_setup = gtk_page_setup_new_from_key_file (key_file, page_setup_group (self->mode), NULL);
    }

  if (page_setup == NULL)
    {
      /* The paper size follows the locale (A4 or Letter); a chart is wider
       * than tall, so it starts in landscape. */
      page_setup = gtk_page_setup_new ();
      if (self->mode == TH_PRINT_MODE_CHART)
        gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

gboolean
th_print_operation_save_settings (ThPrintOperation *self, GError **error)
{
  g_autofree char *path = th_print_operation_dup_settings_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;

  g_return_val_if_fail (TH_IS_PRINT_OPERATION (self), FALSE);

  /* Keep the other modes' page setups. */
  g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (settings != NULL)
    {
      g_key_file_remove_group (key_file, SETTINGS_GROUP, NULL);
      gtk_print_settings_to_key_file (settings, key_file, SETTINGS_GROUP);
    }

  /* With the page setup embedded in the dialog, the paper and orientation
   * the user picked come back in the print settings; anything they do not
   * name stays as it was. */
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  if (page_setup != NULL)
    {
      g_autoptr (GtkPageSetup) chosen = gtk_page_setup_copy (page_setup);

      if (settings != NULL && gtk_print_settings_has_key (settings, GTK_PRINT_SETTINGS_ORIENTATION))
        gtk_page_setup_set_orientation (chosen, gtk_print_settings_get_orientation (settings));
      if (settings != NULL
          && gtk_print_settings_has_key (settings, GTK_PRINT_SETTINGS_PAPER_FORMAT))
        {
          GtkPaperSize *paper = gtk_print_settings_get_paper_size (settings);

          if (paper != NULL)
            {
              gtk_page_setup_set_paper_size_and_default_margins (chosen, paper);
              gtk_paper_size_free (paper);
            }
        }

      g_key_file_remove_group (key_file, page_setup_group (self->mode), NULL);
      gtk_page_setup_to_key_file (chosen, key_file, page_setup_group (self->mode));
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (key_file, path, error);
}

static void
show_error (GtkWindow *parent, const GError *error)
{
  th_error_dialog_present (parent, _ ("Could Not Print"), error != NULL ? error->message : NULL);
}

static void
done_cb (ThPrintOperation *self, GtkPrintOperationResult result, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (!th_print_operation_save_settings (self, &error))
        g_warning ("Could not remember the print settings: %s", error->message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->error_shown)
    {
      gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
      self->error_shown = TRUE;
      show_error (parent, error);
    }
}

void
th_print_operation_run_dialog (ThPrintOperation *self, GtkWindow *parent)
{
  g_autoptr (GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (TH_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  /* The operation keeps itself alive until "done"; the parent must too. */
  g_signal_connect_object (self, "done", G_CALLBACK (done_cb), parent, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->error_shown)
    {
      self->error_shown = TRUE;
      show_error (parent, error);
    }
}

/* GObject ------------------------------------------------------------------- */

ThPrintOperation *
th_print_operation_new (ThSession *session, ThPrintMode mode)
{
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);

  return g_object_new (TH_TYPE_PRINT_OPERATION, "session", session, "mode", mode, NULL);
}

TH_DEFINE_GETTER (ThSession *, th_print_operation_get_session, ThPrintOperation,
                  TH_IS_PRINT_OPERATION, session, NULL)

TH_DEFINE_GETTER (ThPrintMode, th_print_operation_get_mode, ThPrintOperation, TH_IS_PRINT_OPERATION,
                  mode, TH_PRINT_MODE_CHART)

void
th_print_operation_set_anonymous (ThPrintOperation *self, gboolean anonymous)
{
  g_return_if_fail (TH_IS_PRINT_OPERATION (self));

  self->anonymous = !!anonymous;
}

TH_DEFINE_GETTER (gboolean, th_print_operation_get_anonymous, ThPrintOperation,
                  TH_IS_PRINT_OPERATION, anonymous, FALSE)

void
th_print_operation_set_answer_sheet (ThPrintOperation *self, gboolean answer_sheet)
{
  g_return_if_fail (TH_IS_PRINT_OPERATION (self));

  self->answer_sheet = !!answer_sheet;
}

TH_DEFINE_GETTER (gboolean, th_print_operation_get_answer_sheet, ThPrintOperation,
                  TH_IS_PRINT_OPERATION, answer_sheet, FALSE)

void
th_print_operation_set_deck_order (ThPrintOperation *self, gboolean deck_order)
{
  g_return_if_fail (TH_IS_PRINT_OPERATION (self));

  self->deck_order = !!deck_order;
}

TH_DEFINE_GETTER (gboolean, th_print_operation_get_deck_order, ThPrintOperation,
                  TH_IS_PRINT_OPERATION, deck_order, FALSE)

static void
th_print_operation_constructed (GObject *object)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  const char *job_name;

  G_OBJECT_CLASS (th_print_operation_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  switch (self->mode)
    {
      case TH_PRINT_MODE_HANDOUTS:
        job_name = _ ("Handouts");
        break;
      case TH_PRINT_MODE_CARDS:
        job_name = _ ("Behaviour Cards");
        gtk_print_operation_set_custom_tab_label (operation, _ ("Cards"));
        break;
      case TH_PRINT_MODE_CHART:
      default:
        job_name = _ ("Quadrant Chart");
        gtk_print_operation_set_custom_tab_label (operation, _ ("Chart"));
        break;
    }

  {
    g_autofree char *name
      = g_strdup_printf ("%s — %s", th_page_session_title (self->session), job_name);

    gtk_print_operation_set_job_name (operation, name);
  }

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  load_settings (self);
}

static void
th_print_operation_dispose (GObject *object)
{
  ThPrintOperation *self = TH_PRINT_OPERATION (object);

  clear_pages (self);
  g_clear_pointer (&self->cards, th_card_sheets_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (th_print_operation_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_SESSION] = TH_PROPERTY_FIELD (ThPrintOperation, session, NULL),
  [PROP_MODE] = TH_PROPERTY_FIELD (ThPrintOperation, mode, NULL),
};

static void
th_print_operation_class_init (ThPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = th_print_operation_constructed;
  object_class->dispose = th_print_operation_dispose;

  operation_class->begin_print = th_print_operation_begin_print;
  operation_class->draw_page = th_print_operation_draw_page;
  operation_class->end_print = th_print_operation_end_print;
  operation_class->create_custom_widget = th_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = th_print_operation_custom_widget_apply;

  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION, TH_PARAM_CONSTRUCT_ONLY);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, TH_TYPE_PRINT_MODE,
                                             TH_PRINT_MODE_CHART, TH_PARAM_CONSTRUCT_ONLY);
  th_property_install (object_class, N_PROPS, properties, property_access);
}

static void
th_print_operation_init (ThPrintOperation *self)
{
  self->answer_sheet = TRUE;
}
