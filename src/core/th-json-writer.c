/* th-json-writer.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "th-json-private.h"

/* The writing half of the JSON helpers: numbers and strings as the file
 * formats write them, and the indented text of a tree.  Reading and
 * checking is th-json.c. */

char *
th_json_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value) && floor (value) == value && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)value);

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

void
th_json_builder_add_string (JsonBuilder *builder, const char *member, const char *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
th_json_append_string (GString *out, const char *text)
{
  const char *run = text;
  const char *p = text;

  g_string_append_c (out, '"');
  for (;; p++)
    {
      guchar c = (guchar)*p;

      /* Most text needs no escape: copy it a run at a time. */
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
          case '\0':
            g_string_append_c (out, '"');
            return;
          case '"':
            g_string_append (out, "\\\"");
            break;
          case '\\':
            g_string_append (out, "\\\\");
            break;
          case '\n':
            g_string_append (out, "\\n");
            break;
          case '\r':
            g_string_append (out, "\\r");
            break;
          case '\t':
            g_string_append (out, "\\t");
            break;
          default:
            g_string_append_printf (out, "\\u%04x", c);
        }
    }
}

/* The shortest text that reads back as exactly @value. */
void
th_json_append_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (out, buffer);
  /* Keep it a JSON number with a fraction, so it reads back as a double. */
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
append_indent (GString *out, guint depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString *out, JsonNode *node, guint depth)
{
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *child;
          gboolean first = TRUE;

          g_string_append_c (out, '{');
          json_object_iter_init_ordered (&iter, json_node_get_object (node));
          while (json_object_iter_next_ordered (&iter, &member, &child))
            {
              if (!first)
                g_string_append_c (out, ',');
              first = FALSE;
              append_indent (out, depth + 1);
              th_json_append_string (out, member);
              g_string_append (out, ": ");
              append_node (out, child, depth + 1);
            }
          if (!first)
            append_indent (out, depth);
          g_string_append_c (out, '}');
        }
        break;

      case JSON_NODE_ARRAY:
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);

          g_string_append_c (out, '[');
          for (guint i = 0; i < n; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_indent (out, depth + 1);
              append_node (out, json_array_get_element (array, i), depth + 1);
            }
          if (n > 0)
            append_indent (out, depth);
          g_string_append_c (out, ']');
        }
        break;

      case JSON_NODE_NULL:
        g_string_append (out, "null");
        break;

      case JSON_NODE_VALUE:
      default:
        switch (json_node_get_value_type (node))
          {
            case G_TYPE_STRING:
              th_json_append_string (out, json_node_get_string (node));
              break;
            case G_TYPE_INT64:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
              break;
            case G_TYPE_DOUBLE:
              th_json_append_double (out, json_node_get_double (node));
              break;
            case G_TYPE_BOOLEAN:
              g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
              break;
            default:
              g_string_append (out, "null");
              break;
          }
        break;
    }
}

void
th_json_append_pretty (GString *out, JsonNode *node, guint depth)
{
  append_node (out, node, depth);
}

char *
th_json_to_pretty_data (JsonNode *node, gsize *length)
{
  GString *out = g_string_new (NULL);

  append_node (out, node, 0);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
