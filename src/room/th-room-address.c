/* th-room-address.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "th-error.h"
#include "th-room-address.h"

void
th_room_address_free (ThRoomAddress *address)
{
  if (address == NULL)
    return;

  g_free (address->interface_name);
  g_free (address->address);
  g_free (address);
}

/* Lower ranks are offered first. */
static int
address_rank (GInetAddress *address)
{
  GSocketFamily family = g_inet_address_get_family (address);

  if (g_inet_address_get_is_loopback (address))
    return 4;
  if (family == G_SOCKET_FAMILY_IPV4)
    return g_inet_address_get_is_site_local (address) ? 0 : 1;
  return 2;
}

static int
compare_rank (gconstpointer a, gconstpointer b, gpointer user_data)
{
  GHashTable *ranks = user_data;
  const ThRoomAddress *x = *(ThRoomAddress *const *)a;
  const ThRoomAddress *y = *(ThRoomAddress *const *)b;

  return GPOINTER_TO_INT (g_hash_table_lookup (ranks, x))
         - GPOINTER_TO_INT (g_hash_table_lookup (ranks, y));
}

static gboolean
contains (GPtrArray *addresses, const char *text)
{
  for (guint i = 0; i < addresses->len; i++)
    if (strcmp (((ThRoomAddress *)addresses->pdata[i])->address, text) == 0)
      return TRUE;
  return FALSE;
}

static void
add_address (GPtrArray *addresses, GHashTable *ranks, const char *interface_name,
             GInetAddress *inet)
{
  ThRoomAddress *address;
  g_autofree char *text = g_inet_address_to_string (inet);

  if (contains (addresses, text))
    return;

  address = g_new0 (ThRoomAddress, 1);
  address->interface_name = g_strdup (interface_name);
  address->address = g_steal_pointer (&text);
  address->family = g_inet_address_get_family (inet);
  address->is_loopback = g_inet_address_get_is_loopback (inet);
  g_ptr_array_add (addresses, address);
  /* Stable order within a rank: the rank is scaled and the position added. */
  g_hash_table_insert (ranks, address,
                       GINT_TO_POINTER (address_rank (inet) * 100000 + (int)addresses->len));
}

GPtrArray *
th_room_list_addresses (void)
{
  g_autoptr (GHashTable) ranks = g_hash_table_new (NULL, NULL);
  GPtrArray *addresses = g_ptr_array_new_with_free_func ((GDestroyNotify)th_room_address_free);
  struct ifaddrs *list = NULL;
  gboolean has_loopback = FALSE;

  if (getifaddrs (&list) == 0)
    {
      for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next)
        {
          g_autoptr (GInetAddress) inet = NULL;

          if (ifa->ifa_addr == NULL || !(ifa->ifa_flags & IFF_UP))
            continue;

          if (ifa->ifa_addr->sa_family == AF_INET)
            {
              const struct sockaddr_in *sin = (const struct sockaddr_in *)ifa->ifa_addr;

              inet = g_inet_address_new_from_bytes ((const guint8 *)&sin->sin_addr,
                                                    G_SOCKET_FAMILY_IPV4);
            }
          else if (ifa->ifa_addr->sa_family == AF_INET6)
            {
              const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ifa->ifa_addr;

              inet = g_inet_address_new_from_bytes ((const guint8 *)&sin6->sin6_addr,
                                                    G_SOCKET_FAMILY_IPV6);
              if (g_inet_address_get_is_link_local (inet))
                continue;
            }
          else
            continue;

          if (g_inet_address_get_is_any (inet) || g_inet_address_get_is_multicast (inet))
            continue;
          has_loopback |= g_inet_address_get_is_loopback (inet);
          add_address (addresses, ranks, ifa->ifa_name, inet);
        }
      freeifaddrs (list);
    }

  if (!has_loopback)
    {
      g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

      add_address (addresses, ranks, "lo", loopback);
    }

  g_ptr_array_sort_with_data (addresses, compare_rank, ranks);
  return addresses;
}

char *
th_room_dup_lan_address (void)
{
  g_autoptr (GPtrArray) addresses = th_room_list_addresses ();

  for (guint i = 0; i < addresses->len; i++)
    {
      ThRoomAddress *address = addresses->pdata[i];

      if (!address->is_loopback)
        return g_strdup (address->address);
    }

  return NULL;
}

char *
th_room_format_authority (const char *address, guint port)
{
  g_return_val_if_fail (address != NULL, NULL);

  if (strchr (address, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", address, port);
  return g_strdup_printf ("%s:%u", address, port);
}

GInetAddress *
th_room_parse_bind_address (const char *address, GError **error)
{
  GInetAddress *inet = NULL;

  if (address != NULL)
    {
      g_autofree char *bare = NULL;

      /* "[::1]" as people write it in URLs. */
      if (address[0] == '[' && g_str_has_suffix (address, "]"))
        bare = g_strndup (address + 1, strlen (address) - 2);
      else
        bare = g_strdup (address);

      inet = g_inet_address_new_from_string (bare);
      if (inet == NULL)
        g_set_error (error, TH_ERROR, TH_ERROR_USAGE,
                     _ ("“%s” is not an IP address (like 192.168.1.20 or ::1)"), address);
      return inet;
    }

  {
    g_autofree char *lan = th_room_dup_lan_address ();

    if (lan == NULL)
      {
        g_set_error_literal (error, TH_ERROR, TH_ERROR_USAGE,
                             _ ("This computer is not connected to a network. Connect it to the "
                                "room’s network, or host on 127.0.0.1 to try the room alone."));
        return NULL;
      }
    return g_inet_address_new_from_string (lan);
  }
}
