/* th-room-address.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A local address the room can be hosted on. */
typedef struct
{
  char *interface_name; /* "wlp2s0", "lo" */
  char *address;        /* "192.168.1.20", "fd00::5" (no brackets) */
  GSocketFamily family;
  gboolean is_loopback;
} ThRoomAddress;

void th_room_address_free (ThRoomAddress *address);

/* The machine's addresses (getifaddrs) of interfaces that are up, in the
 * order to offer them: private IPv4 LAN addresses first, then other IPv4,
 * then IPv6 (link-local ones are left out: they need a zone a browser
 * cannot take), loopback last.  Never empty: loopback is always there. */
GPtrArray *th_room_list_addresses (void);

/* The first non-loopback address of th_room_list_addresses(), or NULL
 * when the machine has no network. */
char *th_room_dup_lan_address (void);

/* "HOST:PORT" as in a URL or a Host header: IPv6 in brackets. */
char *th_room_format_authority (const char *address, guint port);

/* The address to listen on: @address as people type it ("192.168.1.20",
 * "::1" or "[::1]"), or for NULL th_room_dup_lan_address().  A
 * TH_ERROR_USAGE error says what to type instead. */
GInetAddress *th_room_parse_bind_address (const char *address, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ThRoomAddress, th_room_address_free)

G_END_DECLS
