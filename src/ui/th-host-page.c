/* th-host-page.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "th-host-join-screen.h"
#include "th-host-page.h"
#include "th-room-address.h"
#include "th-toast.h"
#include "th-widget-shown.h"

struct _ThHostPage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkDropDown *address_dropdown;
  GtkLabel *error_label;
  AdwBin *join_bin;
  AdwActionRow *address_row;
  GtkSwitch *lock_switch;
  GtkSpinButton *room_size_spin;
  GtkSwitch *generated_switch;
  AdwActionRow *refused_row;
  GtkLabel *refused_count;
  AdwPreferencesGroup *participants_group;
  GtkListBox *guest_list;
  gboolean guests_bound; /* the rows are made while the page is mapped */
  AdwPreferencesGroup *removed_group;
  GtkListBox *removed_list;

  ThSession *session;
  GFile *file;
  ThRoomServer *server;
  GSettings *settings;
  GPtrArray *addresses; /* ThRoomAddress, in the order of the drop-down */
};

G_DEFINE_FINAL_TYPE (ThHostPage, th_host_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The network list */

static char *
address_label (ThRoomAddress *address)
{
  if (address->is_loopback)
    /* Translators: the loopback address in the network list. */
    return g_strdup_printf (_ ("%s (this computer only)"), address->address);
  /* Translators: an address and its interface, "192.168.1.20 (wlp2s0)". */
  return g_strdup_printf (_ ("%s (%s)"), address->address, address->interface_name);
}

void
th_host_page_refresh_addresses (ThHostPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (th_host_page_get_address (self));

  g_return_if_fail (TH_IS_HOST_PAGE (self));

  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  self->addresses = th_room_list_addresses ();
  for (guint i = 0; i < self->addresses->len; i++)
    {
      g_autofree char *label = address_label (self->addresses->pdata[i]);

      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->address_dropdown, G_LIST_MODEL (labels));
  /* Keep what was picked if it is still there; the first LAN address
   * otherwise (the list puts those first). */
  if (previous == NULL || !th_host_page_set_address (self, previous))
    gtk_drop_down_set_selected (self->address_dropdown, 0);
}

const char *
th_host_page_get_address (ThHostPage *self)
{
  guint selected;

  g_return_val_if_fail (TH_IS_HOST_PAGE (self), NULL);

  if (self->addresses == NULL)
    return NULL;

  selected = gtk_drop_down_get_selected (self->address_dropdown);
  if (selected >= self->addresses->len)
    return NULL;

  return ((ThRoomAddress *)self->addresses->pdata[selected])->address;
}

gboolean
th_host_page_set_address (ThHostPage *self, const char *address)
{
  g_return_val_if_fail (TH_IS_HOST_PAGE (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  for (guint i = 0; self->addresses != NULL && i < self->addresses->len; i++)
    if (g_strcmp0 (((ThRoomAddress *)self->addresses->pdata[i])->address, address) == 0)
      {
        gtk_drop_down_set_selected (self->address_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/* The participants */

static void
update_summary (ThHostPage *self)
{
  GListModel *guests;
  guint n;
  g_autofree char *summary = NULL;

  if (self->server == NULL)
    return;

  guests = th_room_server_get_guests (self->server);
  n = g_list_model_get_n_items (guests);

  if (n == 0)
    summary = g_strdup (_ ("Nobody has joined yet."));
  else
    /* Translators: of the people who joined, how many sorted and rated
     * every card, e.g. "7 of 12 finished". */
    summary = g_strdup_printf (ngettext ("%u of %u finished", "%u of %u finished", n),
                               th_room_guests_count_finished (guests), n);
  adw_preferences_group_set_description (self->participants_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->guest_list), n > 0);
}

static void
update_row (AdwActionRow *row)
{
  ThRoomGuest *guest = g_object_get_data (G_OBJECT (row), "guest");
  g_autofree char *subtitle = NULL;

  /* Names are plain text here as everywhere: no markup. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_room_guest_get_name (guest));
  /* Translators: a phone's progress on the host page, e.g. "Sorting · Sorted 12/24 · Rated 0/24". */
  subtitle
    = g_strdup_printf (_ ("%s · Sorted %u/%u · Rated %u/%u"),
                       th_room_status_get_display_name (th_room_guest_get_status (guest)),
                       th_room_guest_get_n_sorted (guest), th_room_guest_get_n_behaviours (guest),
                       th_room_guest_get_n_rated (guest), th_room_guest_get_n_behaviours (guest));
  adw_action_row_set_subtitle (row, subtitle);
}

static void
update_row_cb (GtkWidget *widget)
{
  update_row (ADW_ACTION_ROW (widget));
}

/* Every answer of a phone changes its row; with the Chart or another view
 * in front, the rows catch up when the page is shown. */
static void
guest_changed_cb (GtkWidget *row)
{
  th_widget_update_when_mapped (row, update_row_cb);
}

static void
update_summary_cb (GtkWidget *widget)
{
  update_summary (TH_HOST_PAGE (widget));
}

static void
guest_status_cb (ThHostPage *self)
{
  th_widget_update_when_mapped (GTK_WIDGET (self), update_summary_cb);
}

static GtkWidget *
create_guest_row (gpointer item, gpointer user_data)
{
  ThHostPage *self = user_data;
  ThRoomGuest *guest = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "guest", g_object_ref (guest), g_object_unref);
  update_row (ADW_ACTION_ROW (row));
  g_signal_connect_object (guest, "notify::name", G_CALLBACK (guest_changed_cb), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (guest, "notify::status", G_CALLBACK (guest_changed_cb), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (guest, "notify::n-sorted", G_CALLBACK (guest_changed_cb), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (guest, "notify::n-rated", G_CALLBACK (guest_changed_cb), row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (guest, "notify::status", G_CALLBACK (guest_status_cb), self,
                           G_CONNECT_SWAPPED);

  /* Translators: the tooltip of the remove button of a participant. */
  tooltip = g_strdup_printf (_ ("Remove %s"), th_room_guest_get_name (guest));
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "host.remove-participant");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", th_room_guest_get_id (guest));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* A row for each guest exists while the page is on screen only: two
 * hundred phones joining at once while the Chart is in front made two
 * hundred rows nobody saw, and the window measured every one of them
 * (a page of the window's views is measured whether shown or not).
 * Shown again, the page makes the rows of everyone in the room. */
static void
bind_guests (ThHostPage *self)
{
  if (self->server == NULL || self->guests_bound)
    return;

  self->guests_bound = TRUE;
  gtk_list_box_bind_model (self->guest_list, th_room_server_get_guests (self->server),
                           create_guest_row, self, NULL);
}

static void
unbind_guests (ThHostPage *self)
{
  if (!self->guests_bound)
    return;

  self->guests_bound = FALSE;
  gtk_list_box_bind_model (self->guest_list, NULL, NULL, NULL, NULL);
}

/* The door: joins refused, names removed */

/* How many joins the room turned away, and why: a facilitator who sees
 * "Room full: 3" makes the room larger, one who sees the join limit
 * knows someone is knocking too often, and many wrong codes mean someone
 * is guessing. */
static void
update_refused (ThHostPage *self)
{
  ThRoomDoor *door = th_room_server_get_door (self->server);
  guint locked = th_room_door_get_n_refused (door, TH_ROOM_REFUSED_LOCKED);
  guint full = th_room_door_get_n_refused (door, TH_ROOM_REFUSED_FULL);
  guint limit = th_room_door_get_n_refused (door, TH_ROOM_REFUSED_JOIN_LIMIT);
  guint name = th_room_door_get_n_refused (door, TH_ROOM_REFUSED_NAME);
  guint code = th_room_door_get_n_refused (door, TH_ROOM_REFUSED_CODE);
  guint n = locked + full + limit + name + code;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;

  if (full > 0)
    /* Translators: why joins were refused on the host page, "Room full: 3". */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Room full: %u"), full));
  if (limit > 0)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Join limit: %u"), limit));
  if (locked > 0)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Locked: %u"), locked));
  /* Translators: joins refused for the name (a refused word, a removed
   * name, one that shows nothing), "Name refused: 2". */
  if (name > 0)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Name refused: %u"), name));
  /* Translators: joins refused because the join code was wrong, "Wrong
   * code: 4"; many of them mean someone is guessing. */
  if (code > 0)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Wrong code: %u"), code));
  g_ptr_array_add (parts, NULL);

  /* Translators: the parts of the line above, joined. */
  subtitle = g_strjoinv (_ (" · "), (char **)parts->pdata);
  total = g_strdup_printf ("%u", n);
  adw_action_row_set_subtitle (self->refused_row, subtitle);
  gtk_label_set_label (self->refused_count, total);
  gtk_widget_set_visible (GTK_WIDGET (self->refused_row), n > 0);
}

static GtkWidget *
create_removed_row (gpointer item, gpointer user_data)
{
  ThRoomGuest *guest = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *allow = gtk_button_new_with_mnemonic (_ ("_Allow Again"));
  g_autofree char *tooltip = NULL;

  /* Names are plain text here as everywhere: no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), th_room_guest_get_name (guest));

  /* Translators: the tooltip of the button that lets a removed name join
   * again. */
  tooltip = g_strdup_printf (_ ("Let “%s” join again"), th_room_guest_get_name (guest));
  gtk_widget_set_tooltip_text (allow, tooltip);
  gtk_widget_set_valign (allow, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (allow), "host.allow-name");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (allow), "s", th_room_guest_get_name (guest));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), allow);

  return row;
}

static void
update_removed (ThHostPage *self)
{
  GListModel *removed = th_room_door_get_removed (th_room_server_get_door (self->server));

  gtk_widget_set_visible (GTK_WIDGET (self->removed_group), g_list_model_get_n_items (removed) > 0);
}

static void
allow_name_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThHostPage *self = TH_HOST_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;

  if (!th_room_door_allow_name (th_room_server_get_door (self->server), name))
    return;

  /* Translators: a toast on the host page; %s is a participant's name. */
  message = g_strdup_printf (_ ("“%s” can join again"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, th_toast_new (message));
}

/* Hosting */

static void
update_actions (ThHostPage *self)
{
  gboolean running = th_room_server_get_running (self->server);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "host.start", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "host.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "host.copy-address", running);
  adw_action_row_set_subtitle (self->address_row,
                               running ? th_room_server_get_join_url (self->server) : "");
  gtk_stack_set_visible_child_name (self->stack, running ? "hosting" : "start");
}

gboolean
th_host_page_start (ThHostPage *self, GError **error)
{
  g_return_val_if_fail (TH_IS_HOST_PAGE (self), FALSE);

  if (th_host_page_get_address (self) == NULL)
    th_host_page_refresh_addresses (self);

  /* Port 0: a free one.  The address is the one picked, never all of them. */
  if (!th_room_server_start (self->server, th_host_page_get_address (self), 0, error))
    return FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_actions (self);
  return TRUE;
}

void
th_host_page_stop (ThHostPage *self)
{
  g_return_if_fail (TH_IS_HOST_PAGE (self));

  th_room_server_stop (self->server);
  update_actions (self);
  th_host_page_refresh_addresses (self);
}

static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThHostPage *self = TH_HOST_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (!th_host_page_start (self, &error))
    {
      g_autofree char *message
        = g_strdup_printf (_ ("Could not start hosting: %s"), error->message);

      gtk_label_set_label (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
stop_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThHostPage *self = TH_HOST_PAGE (widget);

  th_host_page_stop (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               th_toast_new (_ ("Hosting stopped; every answer is saved")));
}

static void
copy_address_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThHostPage *self = TH_HOST_PAGE (widget);
  const char *url = th_room_server_get_join_url (self->server);

  if (url == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  adw_toast_overlay_add_toast (self->toast_overlay, th_toast_new (_ ("Address copied")));
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, ThHostPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "participant-id");
  ThRoomGuest *guest;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  guest = th_room_server_lookup_guest (self->server, id);
  if (guest == NULL)
    return;

  /* Translators: a toast after removing a participant; %s is the name. */
  title = g_strdup_printf (_ ("“%s” removed"), th_room_guest_get_name (guest));
  if (th_room_server_remove_participant (self->server, id))
    adw_toast_overlay_add_toast (self->toast_overlay, th_toast_new (title));
}

static void
remove_participant_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ThHostPage *self = TH_HOST_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  ThRoomGuest *guest = th_room_server_lookup_guest (self->server, id);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (guest == NULL)
    return;

  heading = g_strdup_printf (_ ("Remove “%s”?"), th_room_guest_get_name (guest));
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                            _ ("Their answers leave the workshop and their device says that "
                               "you removed them. Their name cannot join again until you allow "
                               "it under Removed.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "remove", _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "participant-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_failed_cb (ThHostPage *self, GError *error)
{
  g_autofree char *message = g_strdup_printf (_ ("Could not save answers: %s"), error->message);
  AdwToast *toast = th_toast_new (message);

  /* The devices retry on their own; the facilitator should still know. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GObject */

static void
th_host_page_constructed (GObject *object)
{
  ThHostPage *self = TH_HOST_PAGE (object);
  GtkWidget *join_screen;

  G_OBJECT_CLASS (th_host_page_parent_class)->constructed (object);

  g_assert (TH_IS_SESSION (self->session));
  self->server = th_room_server_new (self->session, self->file);

  /* The room follows the facilitator's settings, which Preferences and
   * these rows change alike; `two-hats --host` reads the same ones. */
  self->settings = g_settings_new (APPLICATION_ID);
  th_room_door_bind_settings (th_room_server_get_door (self->server), self->settings);
  g_settings_bind (self->settings, "room-size",
                   gtk_spin_button_get_adjustment (self->room_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "generated-names", self->generated_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (th_room_server_get_door (self->server), "notify::n-refused-locked",
                           G_CALLBACK (update_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_door (self->server), "notify::n-refused-full",
                           G_CALLBACK (update_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_door (self->server), "notify::n-refused-join-limit",
                           G_CALLBACK (update_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_door (self->server), "notify::n-refused-name",
                           G_CALLBACK (update_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_door (self->server), "notify::n-refused-code",
                           G_CALLBACK (update_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_door_get_removed (th_room_server_get_door (self->server)),
                           "items-changed", G_CALLBACK (update_removed), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->removed_list,
                           th_room_door_get_removed (th_room_server_get_door (self->server)),
                           create_removed_row, self, NULL);

  g_signal_connect_object (self->server, "save-failed", G_CALLBACK (save_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (th_room_server_get_guests (self->server), "items-changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->server, "locked", self->lock_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_guests (self);

  join_screen = th_host_join_screen_new (self->server);
  adw_bin_set_child (self->join_bin, join_screen);

  th_host_page_refresh_addresses (self);
  update_summary (self);
  update_refused (self);
  update_removed (self);
  update_actions (self);
}

static void
th_host_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (th_host_page_parent_class)->map (widget);
  bind_guests (TH_HOST_PAGE (widget));
}

static void
th_host_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (th_host_page_parent_class)->unmap (widget);
  unbind_guests (TH_HOST_PAGE (widget));
}

static void
th_host_page_dispose (GObject *object)
{
  ThHostPage *self = TH_HOST_PAGE (object);

  /* Closing the page closes the room; every answer given is saved.  The
   * page lets go of the server's signals first, so that what stopping
   * announces (running, guests leaving) does not reach a page halfway
   * through its disposal. */
  if (self->server != NULL)
    {
      ThRoomDoor *door = th_room_server_get_door (self->server);

      g_signal_handlers_disconnect_by_data (th_room_server_get_guests (self->server), self);
      g_signal_handlers_disconnect_by_data (self->server, self);
      g_signal_handlers_disconnect_by_data (door, self);
      g_signal_handlers_disconnect_by_data (th_room_door_get_removed (door), self);
      unbind_guests (self);
      gtk_list_box_bind_model (self->removed_list, NULL, NULL, NULL, NULL);
      th_room_server_stop (self->server);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TH_TYPE_HOST_PAGE);
  g_clear_object (&self->server);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);

  G_OBJECT_CLASS (th_host_page_parent_class)->dispose (object);
}

static void
th_host_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ThHostPage *self = TH_HOST_PAGE (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        g_value_set_object (value, self->session);
        break;
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_host_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ThHostPage *self = TH_HOST_PAGE (object);

  switch (prop_id)
    {
      case PROP_SESSION:
        self->session = g_value_dup_object (value);
        break;
      case PROP_FILE:
        th_host_page_set_file (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
th_host_page_class_init (ThHostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = th_host_page_constructed;
  object_class->dispose = th_host_page_dispose;
  object_class->get_property = th_host_page_get_property;
  object_class->set_property = th_host_page_set_property;
  widget_class->map = th_host_page_map;
  widget_class->unmap = th_host_page_unmap;

  properties[PROP_SESSION]
    = g_param_spec_object ("session", NULL, NULL, TH_TYPE_SESSION,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE]
    = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/th-host-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, address_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, join_bin);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, lock_switch);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, room_size_spin);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, generated_switch);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, refused_row);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, refused_count);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, participants_group);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, guest_list);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, removed_group);
  gtk_widget_class_bind_template_child (widget_class, ThHostPage, removed_list);

  gtk_widget_class_install_action (widget_class, "host.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "host.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "host.copy-address", NULL, copy_address_action);
  gtk_widget_class_install_action (widget_class, "host.remove-participant", "s",
                                   remove_participant_action);
  gtk_widget_class_install_action (widget_class, "host.allow-name", "s", allow_name_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thhostpage");
}

static void
th_host_page_init (ThHostPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
th_host_page_new (ThSession *session, GFile *file)
{
  g_return_val_if_fail (TH_IS_SESSION (session), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (TH_TYPE_HOST_PAGE, "session", session, "file", file, NULL);
}

ThRoomServer *
th_host_page_get_server (ThHostPage *self)
{
  g_return_val_if_fail (TH_IS_HOST_PAGE (self), NULL);

  return self->server;
}

void
th_host_page_set_file (ThHostPage *self, GFile *file)
{
  g_return_if_fail (TH_IS_HOST_PAGE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;

  /* Before construction the server does not exist yet; it takes the file
   * when it is made. */
  if (self->server != NULL)
    th_room_server_set_session_file (self->server, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}
