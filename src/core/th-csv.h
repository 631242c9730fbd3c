/* th-csv.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-session.h"

G_BEGIN_DECLS

/* Per-participant scores as docs/csv.md "The scores CSV" (RFC 4180, C-locale
 * decimals whatever the locale).  With @anonymous, names read
 * "Participant N", N being the participant's number
 * (th_participant_get_number()), in English whatever the locale. */
GBytes *th_session_to_csv (ThSession *session, gboolean anonymous);

/* One field as the CSV files write it: an apostrophe in front when it
 * starts with =, +, -, @, a tab or CR (docs/csv.md, "Spreadsheet formulas
 * are neutralised"), then quoted as RFC 4180 when it holds a comma, a
 * quote, CR or LF, with inner quotes doubled; unchanged otherwise. */
char *th_csv_quote_field (const char *field);

/* A score (0–100) as the CSV writes it: one decimal, a dot, the digits
 * printf's "%.1f" gives. */
void th_csv_append_score (GString *out, double value);

G_END_DECLS
