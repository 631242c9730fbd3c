/* th-cli.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the display-free command line (docs/command-line.md). */
#define TH_CLI_EXIT_OK 0
#define TH_CLI_EXIT_BAD_INPUT 1
#define TH_CLI_EXIT_USAGE 2

/* TRUE when @argv asks for something the command line does without a
 * display (check, export, version, help, or an option the app lacks). */
gboolean th_cli_handles (int argc, char **argv);

/* Runs the command line; never initialises GTK.  Returns the exit status. */
int th_cli_run (int argc, char **argv);

G_END_DECLS
