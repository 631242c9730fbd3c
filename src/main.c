/* main.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "th-application.h"
#include "th-cli.h"

int
main (int argc, char *argv[])
{
  g_autoptr (ThApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Checks and exports run before GtkApplication exists, so they never
   * touch a display. */
  if (th_cli_handles (argc, argv))
    return th_cli_run (argc, argv);

  app = th_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
