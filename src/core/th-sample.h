/* th-sample.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "th-session.h"

G_BEGIN_DECLS

/* A made-up workshop on the built-in deck, the same every time: twelve
 * participants who have sorted and rated every card, at least two in each
 * quadrant, with a few contested cards.  For trying the app, screenshots
 * and demos. */
ThSession *th_session_new_sample (void);

G_END_DECLS
