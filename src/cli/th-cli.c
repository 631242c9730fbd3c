/* th-cli.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "th-card-sheets.h"
#include "th-cli.h"
#include "th-csv.h"
#include "th-deck.h"
#include "th-file-util.h"
#include "th-handouts.h"
#include "th-loader.h"
#include "th-quadrant-chart.h"
#include "th-room-server.h"
#include "th-save-queue.h"
#include "th-session.h"

#define DEFAULT_CHART_WIDTH 1600
#define DEFAULT_CHART_HEIGHT 1200
#define MIN_CHART_SIDE 64
#define MAX_CHART_SIDE 20000

/* Every option belongs to the command line, --host included: hosting a
 * room needs no display, so `two-hats --host SESSION` runs on a machine
 * without one.  Plain FILE arguments open in the application. */
gboolean
th_cli_handles (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return TRUE;
    }

  return FALSE;
}

static void
print_file_error (const char *path, const GError *error)
{
  g_printerr ("two-hats: %s: %s\n", path, error->message);
}

/* What a run that could not read or write @path returns, once it has
 * said why. */
static int
bad_file (const char *path, const GError *error)
{
  print_file_error (path, error);
  return TH_CLI_EXIT_BAD_INPUT;
}

static int
usage_error (GOptionContext *context, const char *message)
{
  g_printerr ("two-hats: %s\n", message);
  g_printerr (_ ("Try “two-hats --help” for more information.\n"));
  (void)context;
  return TH_CLI_EXIT_USAGE;
}

/* A deck or a session, or NULL once the error is printed. */
static GObject *
load_file (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GError) error = NULL;
  GObject *object = th_load_file (file, &error);

  if (object == NULL)
    print_file_error (path, error);

  return object;
}

static ThSession *
load_session (const char *path)
{
  g_autoptr (GObject) object = load_file (path);

  if (object == NULL)
    return NULL;

  if (!TH_IS_SESSION (object))
    {
      g_printerr (_ ("two-hats: %s: is a deck, not a session (format)\n"), path);
      return NULL;
    }

  return TH_SESSION (g_steal_pointer (&object));
}

/* Text from a file, made safe for a terminal: a hostile deck could
 * otherwise send escape sequences through its title. */
static char *
make_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (out, FALSE);
}

/* "24 behaviour cards": what --check says of a deck's, or a session's. */
static char *
dup_behaviour_count (ThDeck *deck)
{
  guint n_behaviours = th_deck_get_n_behaviours (deck);

  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u behaviour card", "%u behaviour cards", n_behaviours),
    n_behaviours);
}

static int
run_check (char **files)
{
  int status = TH_CLI_EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr (GObject) object = load_file (files[i]);

      if (object == NULL)
        status = TH_CLI_EXIT_BAD_INPUT;
      else if (TH_IS_DECK (object))
        {
          ThDeck *deck = TH_DECK (object);
          g_autofree char *title = make_printable (th_deck_get_title (deck));
          guint n_concepts = g_list_model_get_n_items (th_deck_get_concepts (deck));
          g_autofree char *concepts = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u concept card", "%u concept cards", n_concepts),
            n_concepts);
          g_autofree char *behaviours = dup_behaviour_count (deck);

          /* Translators: e.g. "deck.json: valid deck “Leadership”: 31 concept cards, 24
           * behaviour cards". */
          g_print (_ ("%s: valid deck “%s”: %s, %s\n"), files[i], title, concepts, behaviours);
        }
      else
        {
          ThSession *session = TH_SESSION (object);
          guint n_participants = th_session_get_n_participants (session);
          g_autofree char *participants = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants", n_participants),
            n_participants);
          g_autofree char *behaviours = dup_behaviour_count (th_session_get_deck (session));

          /* Translators: e.g. "team.twohats: valid session: 12 participants, 24 behaviour
           * cards". */
          g_print (_ ("%s: valid session: %s, %s\n"), files[i], participants, behaviours);
        }
    }

  return status;
}

static int
run_export_csv (const char *out_path, ThSession *session, gboolean anonymous)
{
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data;

  csv = th_session_to_csv (session, anonymous);
  data = g_bytes_get_data (csv, &length);

  if (strcmp (out_path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr (_ ("two-hats: standard output: could not write\n"));
          return TH_CLI_EXIT_BAD_INPUT;
        }
      return TH_CLI_EXIT_OK;
    }

  if (!th_file_write_atomic (out_path, data, length, &error))
    return bad_file (out_path, error);

  return TH_CLI_EXIT_OK;
}

static gboolean
parse_size (const char *text, int *width, int *height)
{
  g_auto (GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, "x", -1);
  if (g_strv_length (parts) != 2)
    return FALSE;

  if (!g_ascii_string_to_unsigned (parts[0], 10, MIN_CHART_SIDE, MAX_CHART_SIDE, &w, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, MIN_CHART_SIDE, MAX_CHART_SIDE, &h, NULL))
    return FALSE;

  *width = (int)w;
  *height = (int)h;
  return TRUE;
}

/* Whether @path ends in @extension, in any case. */
static gboolean
has_extension (const char *path, const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

static int
run_export_chart (const char *out_path, ThSession *session, gboolean anonymous, int width,
                  int height)
{
  g_autoptr (ThQuadrantChart) chart = th_quadrant_chart_new ();
  g_autoptr (GError) error = NULL;

  th_quadrant_chart_set_session (chart, session);
  th_quadrant_chart_set_anonymous (chart, anonymous);
  th_quadrant_chart_set_style (chart, TH_CHART_STYLE_PRINT);
  th_quadrant_chart_set_show_unplaced (chart, TRUE);

  if (!th_quadrant_chart_export (chart, out_path, width, height, &error))
    return bad_file (out_path, error);

  return TH_CLI_EXIT_OK;
}

/* docs/command-line.md, "Output files": an output that already exists
 * must be a regular file, and not the input under another name; either
 * way nothing is written. */
static gboolean
check_output (const char *out_path, const char *input_path)
{
  GStatBuf out_stat;
  GStatBuf in_stat;

  if (g_stat (out_path, &out_stat) != 0)
    return TRUE;

  if (!S_ISREG (out_stat.st_mode))
    {
      g_printerr (_ ("two-hats: %s: is not a regular file; nothing was written\n"), out_path);
      return FALSE;
    }

  if (g_stat (input_path, &in_stat) == 0 && in_stat.st_dev == out_stat.st_dev
      && in_stat.st_ino == out_stat.st_ino)
    {
      g_printerr (_ ("two-hats: %s: is the input file %s; nothing was written\n"), out_path,
                  input_path);
      return FALSE;
    }

  return TRUE;
}

static int
run_export_handouts (const char *out_path, ThSession *session, gboolean anonymous)
{
  g_autoptr (ThHandouts) handouts = NULL;
  g_autoptr (GError) error = NULL;

  handouts = th_handouts_new (session);
  th_handouts_set_anonymous (handouts, anonymous);

  if (!th_handouts_write_pdf (handouts, out_path, &error))
    return bad_file (out_path, error);

  return TH_CLI_EXIT_OK;
}

/* The cards of a deck file, or of a session's deck with the session's date
 * in the headers, as printing from the app has it. */
static int
run_export_cards (const char *out_path, const char *path)
{
  g_autoptr (GObject) object = load_file (path);
  g_autoptr (ThCardSheets) sheets = NULL;
  g_autoptr (GError) error = NULL;

  if (object == NULL || !check_output (out_path, path))
    return TH_CLI_EXIT_BAD_INPUT;

  if (TH_IS_DECK (object))
    sheets = th_card_sheets_new (TH_DECK (object));
  else
    {
      sheets = th_card_sheets_new (th_session_get_deck (TH_SESSION (object)));
      th_card_sheets_set_date (sheets, th_session_get_created (TH_SESSION (object)));
    }

  if (!th_card_sheets_write_pdf (sheets, out_path, &error))
    return bad_file (out_path, error);

  return TH_CLI_EXIT_OK;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
participant_joined_cb (ThRoomServer *server, ThRoomGuest *guest, gpointer user_data)
{
  /* Ids only: names are the participants' business, not the log's. */
  g_printerr (_ ("two-hats: participant %s joined\n"), th_room_guest_get_id (guest));
}

static void
save_failed_cb (ThRoomServer *server, GError *error, const char *path)
{
  print_file_error (path, error);
}

static int
run_host (const char *session_path, const char *bind, guint port, guint room_size)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (session_path);
  g_autoptr (ThFileLock) lock = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autoptr (ThSaveQueue) queue = NULL;
  g_autoptr (ThRoomServer) server = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  ThRoomDoor *door;
  guint sigint, sigterm;

  /* One writer per file: a second host, or the app with this workshop
   * open, would each write their own participants over the other's.  The
   * lock comes before the read, so that nobody writes in between; it is
   * held until the host ends. */
  if (g_file_peek_path (file) != NULL)
    {
      lock = th_file_lock_new (g_file_peek_path (file));
      if (!th_file_lock_acquire (lock, &error))
        return bad_file (session_path, error);
    }

  session = load_session (session_path);
  if (session == NULL)
    return TH_CLI_EXIT_BAD_INPUT;

  /* The room server writes through this same queue, and so through the
   * lock. */
  queue = th_save_queue_get (session, file);
  if (lock != NULL)
    th_save_queue_set_lock (queue, lock);

  /* Every answer is saved to the file before it is acknowledged; finding
   * out now that the file cannot be written beats finding out when the
   * first participant answers. */
  if (!th_save_queue_save_now (queue, &error))
    return bad_file (session_path, error);

  server = th_room_server_new (session, file);
  g_signal_connect (server, "participant-joined", G_CALLBACK (participant_joined_cb), NULL);

  /* The room follows the facilitator's settings of the app, as the app's
   * host page does (without them, their defaults); --room-size wins. */
  door = th_room_server_get_door (server);
  settings = th_room_settings_new ();
  if (settings != NULL)
    th_room_door_bind_settings (door, settings);
  if (room_size > 0)
    {
      if (settings != NULL)
        g_settings_unbind (door, "room-size");
      th_room_door_set_room_size (door, room_size);
    }

  g_signal_connect (server, "save-failed", G_CALLBACK (save_failed_cb), (gpointer)session_path);

  if (!th_room_server_start (server, bind, port, &error))
    {
      g_printerr ("two-hats: %s\n", error->message);
      return TH_CLI_EXIT_BAD_INPUT;
    }

  /* Ctrl+C and SIGTERM end hosting normally from the moment the lines
   * below say that the room is open, not only once the loop runs. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);

  /* Scripts and tests read these two lines; nothing else goes to stdout. */
  g_print ("join-url: %s\n", th_room_server_get_join_url (server));
  g_print ("join-code: %s\n", th_room_server_get_join_code (server));
  fflush (stdout);
  g_printerr (_ ("two-hats: hosting “%s”; press Ctrl+C to stop\n"), session_path);

  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  th_room_server_stop (server);
  return TH_CLI_EXIT_OK;
}

int
th_cli_run (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ThSession) session = NULL;
  g_autofree char *export_csv = NULL;
  g_autofree char *export_chart = NULL;
  g_autofree char *export_handouts = NULL;
  g_autofree char *export_cards = NULL;
  g_autofree char *size = NULL;
  g_autofree char *bind = NULL;
  g_autofree char *port = NULL;
  g_autofree char *room_size = NULL;
  g_auto (GStrv) files = NULL;
  const char *out_path;
  gboolean host = FALSE;
  gboolean version = FALSE;
  gboolean check = FALSE;
  gboolean anonymous = FALSE;
  int width = DEFAULT_CHART_WIDTH;
  int height = DEFAULT_CHART_HEIGHT;
  guint n_files;
  int n_modes;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_ ("Show the version and quit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_ ("Validate deck or session files"), NULL },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv,
      N_ ("Write per-participant scores of SESSION as CSV"), N_ ("OUT.csv") },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &export_chart,
      N_ ("Draw the quadrant chart of SESSION to a PNG, PDF or SVG file"),
      N_ ("OUT.{png,pdf,svg}") },
    { "export-handouts", 0, 0, G_OPTION_ARG_FILENAME, &export_handouts,
      N_ ("Write a PDF with a page for each participant of SESSION"), N_ ("OUT.pdf") },
    { "export-cards", 0, 0, G_OPTION_ARG_FILENAME, &export_cards,
      N_ ("Write the behaviour cards of SESSION or DECK as PDF sheets to cut out"),
      N_ ("OUT.pdf") },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous,
      N_ ("Number participants instead of naming them"), NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_ ("Chart size in pixels or points"), N_ ("WxH") },
    { "host", 0, 0, G_OPTION_ARG_NONE, &host,
      N_ ("Let participants join SESSION from their own devices until Ctrl+C"), NULL },
    { "bind", 0, 0, G_OPTION_ARG_STRING, &bind,
      N_ ("Address to host on (default: this computer’s LAN address)"), N_ ("ADDRESS") },
    { "port", 0, 0, G_OPTION_ARG_STRING, &port, N_ ("Port to host on (default 0: a free one)"),
      N_ ("PORT") },
    { "room-size", 0, 0, G_OPTION_ARG_STRING, &room_size,
      N_ ("Most participants in the room (default: the app’s setting, 100 unless changed)"),
      N_ ("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE…") },
    { NULL },
  };

  context = g_option_context_new (_ ("— a workshop on leadership and management"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _ ("Without options, FILEs open in the application.\n"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (version)
    {
      g_print ("two-hats %s\n", PACKAGE_VERSION);
      return TH_CLI_EXIT_OK;
    }

  n_files = files != NULL ? g_strv_length (files) : 0;
  n_modes = (check ? 1 : 0) + (export_csv != NULL ? 1 : 0) + (export_chart != NULL ? 1 : 0)
            + (export_handouts != NULL ? 1 : 0) + (export_cards != NULL ? 1 : 0) + (host ? 1 : 0);

  if (n_modes == 0)
    return usage_error (context, _ ("nothing to do: use --check, --export-csv, --export-chart, "
                                    "--export-handouts, --export-cards or --host"));
  if (n_modes > 1)
    return usage_error (context, _ ("--check, --export-csv, --export-chart, --export-handouts, "
                                    "--export-cards and --host go one at a time"));
  if (!host && (bind != NULL || port != NULL))
    return usage_error (context, _ ("--bind and --port go with --host"));
  if (!host && room_size != NULL)
    return usage_error (context, _ ("--room-size goes with --host"));

  if (host)
    {
      guint64 port_number = 0;
      guint64 room_size_number = 0;

      if (n_files != 1)
        return usage_error (context, _ ("--host needs exactly one SESSION file"));
      if (anonymous || size != NULL)
        return usage_error (context, _ ("--anonymous and --size go with the exports"));
      if (port != NULL && !g_ascii_string_to_unsigned (port, 10, 0, 65535, &port_number, NULL))
        return usage_error (context, _ ("--port takes a number from 0 to 65535"));
      if (room_size != NULL
          && !g_ascii_string_to_unsigned (room_size, 10, 1, TH_ROOM_MAX_GUESTS, &room_size_number,
                                          NULL))
        return usage_error (context, _ ("--room-size takes a number from 1 to 2000"));
      return run_host (files[0], bind, (guint)port_number, (guint)room_size_number);
    }

  if (check)
    {
      if (n_files == 0)
        return usage_error (context, _ ("--check needs at least one FILE"));
      return run_check (files);
    }

  if (export_cards != NULL)
    {
      if (n_files != 1)
        return usage_error (context, _ ("--export-cards needs exactly one SESSION or DECK file"));
      if (anonymous || size != NULL)
        return usage_error (context, _ ("--anonymous and --size do not go with --export-cards"));
      if (!has_extension (export_cards, ".pdf"))
        return usage_error (context, _ ("the cards file must end in .pdf"));
      return run_export_cards (export_cards, files[0]);
    }

  /* The exports of a session: the command line is checked whole before
   * the session is read. */
  if (n_files != 1)
    return usage_error (context, _ ("an export needs exactly one SESSION file"));
  if (export_chart == NULL && size != NULL)
    return usage_error (context, _ ("--size goes with --export-chart"));
  if (export_handouts != NULL && !has_extension (export_handouts, ".pdf"))
    return usage_error (context, _ ("the handouts file must end in .pdf"));
  if (export_chart != NULL && !has_extension (export_chart, ".png")
      && !has_extension (export_chart, ".pdf") && !has_extension (export_chart, ".svg"))
    return usage_error (context, _ ("the chart file must end in .png, .pdf or .svg"));
  if (size != NULL && !parse_size (size, &width, &height))
    return usage_error (context, _ ("--size takes WIDTHxHEIGHT, each from 64 to 20000"));

  /* Every export's output is checked before its session is read; "-"
   * is standard output, not a file. */
  out_path = export_handouts != NULL ? export_handouts
             : export_csv != NULL    ? export_csv
                                     : export_chart;
  if (strcmp (out_path, "-") != 0 && !check_output (out_path, files[0]))
    return TH_CLI_EXIT_BAD_INPUT;

  session = load_session (files[0]);
  if (session == NULL)
    return TH_CLI_EXIT_BAD_INPUT;

  if (export_handouts != NULL)
    return run_export_handouts (export_handouts, session, anonymous);
  if (export_csv != NULL)
    return run_export_csv (export_csv, session, anonymous);
  return run_export_chart (export_chart, session, anonymous, width, height);
}
