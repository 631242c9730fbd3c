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

  const char *localedir = g_getenv ("TWO_HATS_LOCALEDIR");

  /* `meson devenv` points this at the build tree's catalogues (see the
   * top-level meson.build), so a program run from the build tree speaks
   * the user's language before it is installed. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Checks and exports run before GtkApplication exists, so they never
   * touch a display. */
  if (th_cli_handles (argc, argv))
    return th_cli_run (argc, argv);

  app = th_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
