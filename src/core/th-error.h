/* th-error.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TH_ERROR (th_error_quark ())

/**
 * ThError:
 * @TH_ERROR_PARSE: the file is not well-formed JSON (or not UTF-8)
 * @TH_ERROR_INVALID: the JSON breaks a rule of the format; the message names the JSON path
 * @TH_ERROR_NEWER_VERSION: the file was made by a newer version of Two Hats
 * @TH_ERROR_TOO_LARGE: a limit of the format was passed (file size, counts, string length)
 * @TH_ERROR_CONFLICT: a merge found a participant or deck that does not fit
 * @TH_ERROR_USAGE: a command line or API call that makes no sense
 * @TH_ERROR_LOCKED: another Two Hats window or host holds the session file's lock
 */
typedef enum
{
  TH_ERROR_PARSE,
  TH_ERROR_INVALID,
  TH_ERROR_NEWER_VERSION,
  TH_ERROR_TOO_LARGE,
  TH_ERROR_CONFLICT,
  TH_ERROR_USAGE,
  TH_ERROR_LOCKED,
} ThError;

GQuark th_error_quark (void);

G_END_DECLS
