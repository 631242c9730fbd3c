/* th-welcome-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "th-document.h"
#include "th-gtk-compat.h"
#include "th-property.h"
#include "th-session.h"
#include "th-set.h"
#include "th-ui-files.h"
#include "th-welcome-page.h"

#define MAX_RECENT 6
#define LOOKING_DELAY_MS 250

struct _ThWelcomePage
{
  AdwBin parent_instance;

  GtkWidget *continue_button;
  AdwPreferencesGroup *recovery_group;
  GtkListBox *recovery_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;

  /* The number of the latest reload: the scans of older ones, and any
   * that finishes after the page is gone, are ignored. */
  guint scan_serial;
  gboolean loading;
  /* The first scan says it is looking only once it has taken a while
   * (LOOKING_DELAY_MS): it is over in a moment as a rule, and a group
   * that shows and goes again is a flicker, and half the cost of the
   * page's first frame. */
  guint looking_id;
  gboolean scanned_before;
};

G_DEFINE_FINAL_TYPE (ThWelcomePage, th_welcome_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Recovery copies ------------------------------------------------------------ */

/* One recovery copy as the scan read it, worded and ready to be shown. */
typedef struct
{
  GFile *file;
  char *title;
  char *subtitle;
  gboolean readable;
} RecoveryItem;

static void
recovery_item_free (RecoveryItem *item)
{
  g_clear_object (&item->file);
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item);
}

typedef struct
{
  guint serial;
  GFile *open_recovery;
  GFile *open_file;
} ScanData;

static void
scan_data_free (ScanData *data)
{
  g_clear_object (&data->open_recovery);
  g_clear_object (&data->open_file);
  g_free (data);
}

/* What a scan found: the recovery copies, and the recent workshops' URIs,
 * the newest first. */
typedef struct
{
  GPtrArray *recovery; /* of RecoveryItem */
  GPtrArray *recent;   /* of char *, at most MAX_RECENT */
} ScanResult;

static void
scan_result_free (ScanResult *result)
{
  g_clear_pointer (&result->recovery, g_ptr_array_unref);
  g_clear_pointer (&result->recent, g_ptr_array_unref);
  g_free (result);
}

static char *
format_when (GDateTime *when)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) local = g_date_time_to_local (when);

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, a g_date_time_format() string. */
    return g_date_time_format (local, _ ("today at %H:%M"));

  /* Translators: a date and time, a g_date_time_format() string. */
  return g_date_time_format (local, _ ("%-d %B %Y at %H:%M"));
}

/* On the worker thread: the session read here is the thread's own and
 * goes with it; only words go back to the page. */
static RecoveryItem *
read_recovery_item (GFile *file)
{
  RecoveryItem *item = g_new0 (RecoveryItem, 1);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *when = NULL;

  item->file = g_object_ref (file);

  info
    = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  when = modified != NULL ? format_when (modified) : g_strdup (_ ("an earlier run"));
  /* Translators: a recovered untitled workshop on the welcome page; %s is a date. */
  item->title = g_strdup_printf (_ ("Unsaved workshop from %s"), when);

  session = th_session_new_from_file (file, &error);
  item->readable = session != NULL;
  if (session != NULL)
    {
      guint n = th_session_get_n_participants (session);
      g_autofree char *people = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n), n);
      const char *session_title = th_session_get_title (session);

      item->subtitle = session_title != NULL ? g_strdup_printf ("%s · %s", session_title, people)
                                             : g_steal_pointer (&people);
    }
  else
    /* Translators: a recovery copy that cannot be read; %s is the reason. */
    item->subtitle = g_strdup_printf (_ ("Damaged: %s"), error->message);

  return item;
}

typedef struct
{
  char *uri;
  GDateTime *modified;
} RecentEntry;

static void
recent_entry_free (RecentEntry *entry)
{
  g_free (entry->uri);
  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_free (entry);
}

static int
compare_recent_by_modified (gconstpointer a, gconstpointer b)
{
  const RecentEntry *entry_a = *(RecentEntry **)a;
  const RecentEntry *entry_b = *(RecentEntry **)b;

  return g_date_time_compare (entry_b->modified, entry_a->modified);
}

/* On the worker thread: the workshops of the desktop's list of recent
 * files (the file GtkRecentManager keeps), newest first, that still
 * exist, but the one open.  The list may be long, and each workshop is
 * looked up on disk: none of that on the main thread. */
static GPtrArray *
read_recent (GFile *open_file, GCancellable *cancellable)
{
  g_autoptr (GBookmarkFile) bookmarks = g_bookmark_file_new ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify)recent_entry_free);
  GPtrArray *recent = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) uris = NULL;

  if (!g_bookmark_file_load_from_file (bookmarks, path, NULL))
    return recent;

  uris = g_bookmark_file_get_uris (bookmarks, NULL);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr (GFile) file = NULL;
      RecentEntry *entry;

      if (!g_str_has_suffix (uris[i], ".twohats"))
        continue;
      file = g_file_new_for_uri (uris[i]);
      if ((open_file != NULL && g_file_equal (open_file, file))
          || !g_file_query_exists (file, cancellable))
        continue;
      entry = g_new0 (RecentEntry, 1);
      entry->uri = g_strdup (uris[i]);
      entry->modified = g_bookmark_file_get_modified_date_time (bookmarks, uris[i], NULL);
      if (entry->modified == NULL)
        entry->modified = g_date_time_new_from_unix_utc (0);
      else
        g_date_time_ref (entry->modified);
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_recent_by_modified);
  for (guint i = 0; i < entries->len && i < MAX_RECENT; i++)
    g_ptr_array_add (recent, g_strdup (((RecentEntry *)entries->pdata[i])->uri));
  return recent;
}

static void
scan_recovery_thread (GTask *task, gpointer source_object, gpointer task_data,
                      GCancellable *cancellable)
{
  ScanData *data = task_data;
  g_autoptr (GPtrArray) files = th_document_list_recovery ();
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)recovery_item_free);
  ScanResult *result;

  for (guint i = 0; i < files->len; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      /* The untitled workshop that is open right now is not "unsaved
       * from an earlier run". */
      if (data->open_recovery != NULL && g_file_equal (data->open_recovery, files->pdata[i]))
        continue;
      g_ptr_array_add (items, read_recovery_item (files->pdata[i]));
    }

  result = g_new0 (ScanResult, 1);
  result->recovery = g_steal_pointer (&items);
  result->recent = read_recent (data->open_file, cancellable);
  g_task_return_pointer (task, result, (GDestroyNotify)scan_result_free);
}

/* A row's title and subtitle on one line each, cut short at the end: a
 * row whose words wrap is laid out again for every width the page tries
 * while it finds its size, which for a handful of rows cost more than the
 * rest of the first frame. */
static void
set_one_line (GtkWidget *row)
{
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
}

static GtkWidget *
create_recovery_row (RecoveryItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_ ("_Open"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *path = g_file_peek_path (item->file);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  set_one_line (row);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (open, item->readable);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-recovery");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", path);
  /* An icon on a flat, round button, as rows in GNOME have it: under
   * libadwaita 1.2 "destructive-action" with "flat" draws its light text
   * on no background, so the button was there but could not be seen.  The
   * dialog it opens is where the red button is. */
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  gtk_widget_add_css_class (discard, "circular");
  gtk_widget_set_tooltip_text (discard, _ ("Discard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Discard"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-recovery");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  return row;
}

/* The recent workshops the scan found, each a row that opens it. */
static void
fill_recent (ThWelcomePage *self, GPtrArray *uris)
{
  th_list_box_remove_all (self->recent_list);
  for (guint i = 0; i < uris->len; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (uris->pdata[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *folder = th_ui_files_dup_folder_display_name (file);
      GtkWidget *row;

      name[strlen (name) - strlen (".twohats")] = '\0';

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      set_one_line (row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uris->pdata[i]);
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), uris->len > 0);
}

static void
set_loading (ThWelcomePage *self, gboolean loading)
{
  if (!th_set_boolean (&self->loading, loading))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
scan_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  ThWelcomePage *self = TH_WELCOME_PAGE (object);
  ScanData *data = g_task_get_task_data (G_TASK (result));
  ScanResult *found = g_task_propagate_pointer (G_TASK (result), NULL);
  GPtrArray *items;

  /* Cancelled (the window closed), or a newer reload is on its way. */
  if (found == NULL || data->serial != self->scan_serial)
    {
      g_clear_pointer (&found, scan_result_free);
      return;
    }

  g_clear_handle_id (&self->looking_id, g_source_remove);
  items = found->recovery;
  fill_recent (self, found->recent);

  th_list_box_remove_all (self->recovery_list);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->recovery_list, create_recovery_row (items->pdata[i]));
  /* An empty boxed list would still draw its frame. */
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_list), items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), items->len > 0);

  scan_result_free (found);
  set_loading (self, FALSE);
}

static void
show_looking (ThWelcomePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), TRUE);
}

static gboolean
show_looking_cb (gpointer user_data)
{
  ThWelcomePage *self = user_data;

  self->looking_id = 0;
  show_looking (self);
  return G_SOURCE_REMOVE;
}

/* Public API --------------------------------------------------------------------- */

void
th_welcome_page_reload (ThWelcomePage *self, GFile *open_file, GFile *open_recovery,
                        GCancellable *cancellable)
{
  g_autoptr (GTask) task = NULL;
  ScanData *data;

  g_return_if_fail (TH_IS_WELCOME_PAGE (self));
  g_return_if_fail (open_file == NULL || G_IS_FILE (open_file));
  g_return_if_fail (open_recovery == NULL || G_IS_FILE (open_recovery));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ScanData, 1);
  data->serial = ++self->scan_serial;
  data->open_recovery = open_recovery != NULL ? g_object_ref (open_recovery) : NULL;
  data->open_file = open_file != NULL ? g_object_ref (open_file) : NULL;

  task = g_task_new (self, cancellable, scan_done_cb, NULL);
  g_task_set_source_tag (task, th_welcome_page_reload);
  g_task_set_task_data (task, data, (GDestroyNotify)scan_data_free);
  /* The group says it is looking (its loading row follows :loading)
   * until the scan has found what there is to show, or nothing. */
  g_clear_handle_id (&self->looking_id, g_source_remove);
  if (self->scanned_before)
    show_looking (self);
  else
    self->looking_id = g_timeout_add (LOOKING_DELAY_MS, show_looking_cb, self);
  self->scanned_before = TRUE;
  set_loading (self, TRUE);
  th_ui_run_in_thread (task, scan_recovery_thread, (GDestroyNotify)scan_result_free);
}

TH_DEFINE_GETTER (gboolean, th_welcome_page_get_loading, ThWelcomePage, TH_IS_WELCOME_PAGE, loading,
                  FALSE)

void
th_welcome_page_set_continue_label (ThWelcomePage *self, const char *label)
{
  g_return_if_fail (TH_IS_WELCOME_PAGE (self));

  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->continue_button), label);
  gtk_widget_set_visible (self->continue_button, label != NULL);
}

/* GObject ------------------------------------------------------------------------ */

static void
th_welcome_page_dispose (GObject *object)
{
  ThWelcomePage *self = TH_WELCOME_PAGE (object);

  /* A scan still running keeps the page alive until it finishes; what it
   * brings back then has nowhere to go. */
  self->scan_serial++;
  g_clear_handle_id (&self->looking_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (th_welcome_page_parent_class)->dispose (object);
}

static const ThProperty property_access[N_PROPS] = {
  [PROP_LOADING] = TH_PROPERTY_FIELD (ThWelcomePage, loading, NULL),
};

static void
th_welcome_page_class_init (ThWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = th_welcome_page_dispose;

  /**
   * ThWelcomePage:loading:
   *
   * Whether the recovery copies and the recent workshops are being read
   * for the latest reload.
   */
  properties[PROP_LOADING]
    = g_param_spec_boolean ("loading", NULL, NULL, FALSE, TH_PARAM_READABLE_EXPLICIT);
  th_property_install (object_class, N_PROPS, properties, property_access);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ThWelcomePage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, ThWelcomePage, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, ThWelcomePage, recovery_list);
  gtk_widget_class_bind_template_child (widget_class, ThWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ThWelcomePage, recent_list);
}

static void
th_welcome_page_init (ThWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
