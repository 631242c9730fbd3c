/* th-host-page.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "th-room-server.h"
#include "th-session.h"

G_BEGIN_DECLS

/* ThHostPage: the facilitator's side of room participation (docs/room-protocol.md).
 * Before hosting: the network to host on and "Start Hosting".  While
 * hosting: the join screen (QR code, address, code), the participants who
 * joined with their progress, Lock Room, Remove and Stop Hosting.
 *
 * Widget actions: host.start, host.stop, host.remove-participant (s: the
 * participant id; asks first).  The room server belongs to the page and
 * stops when the page goes. */
#define TH_TYPE_HOST_PAGE (th_host_page_get_type ())
G_DECLARE_FINAL_TYPE (ThHostPage, th_host_page, TH, HOST_PAGE, GtkWidget)

/* @file may be NULL (untitled): answers then only reach @session, and its
 * owner's autosave keeps them; th_host_page_set_file() once it has one. */
GtkWidget *th_host_page_new (ThSession *session, GFile *file);

ThRoomServer *th_host_page_get_server (ThHostPage *self);
void th_host_page_set_file (ThHostPage *self, GFile *file);

/* The address picked in the network list ("192.168.1.20"); NULL if none. */
const char *th_host_page_get_address (ThHostPage *self);
/* Picks @address in the list; FALSE if the machine has no such address. */
gboolean th_host_page_set_address (ThHostPage *self, const char *address);
/* Reads the machine's addresses again (a network came or went). */
void th_host_page_refresh_addresses (ThHostPage *self);

/* What host.start and host.stop do, without asking. */
gboolean th_host_page_start (ThHostPage *self, GError **error);
void th_host_page_stop (ThHostPage *self);

G_END_DECLS
