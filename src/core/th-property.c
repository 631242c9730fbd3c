/* th-property.c
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "th-property.h"

/* Set once, by the first class that installs its properties, before any
 * instance can be read or written. */
static GQuark access_quark;

static const ThProperty *
lookup (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, access_quark);
}

/* The kind of C value that GValue holds for @value: its fundamental type,
 * but an interface such as GFile counts as the object it is. */
static GType
kind_of (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  return g_type_is_a (type, G_TYPE_OBJECT) ? G_TYPE_OBJECT : G_TYPE_FUNDAMENTAL (type);
}

static gpointer
field_of (GObject *object, const ThProperty *access)
{
  return G_STRUCT_MEMBER_P (object, access->offset);
}

static void
get_from_getter (GObject *object, GCallback get, GValue *value)
{
  switch (kind_of (value))
    {
      case G_TYPE_BOOLEAN:
        g_value_set_boolean (value, ((gboolean (*) (GObject *))get) (object));
        break;
      case G_TYPE_INT:
        g_value_set_int (value, ((gint (*) (GObject *))get) (object));
        break;
      case G_TYPE_UINT:
        g_value_set_uint (value, ((guint (*) (GObject *))get) (object));
        break;
      case G_TYPE_DOUBLE:
        g_value_set_double (value, ((double (*) (GObject *))get) (object));
        break;
      case G_TYPE_ENUM:
        g_value_set_enum (value, ((gint (*) (GObject *))get) (object));
        break;
      case G_TYPE_STRING:
        g_value_set_string (value, ((const char *(*)(GObject *))get) (object));
        break;
      case G_TYPE_OBJECT:
        g_value_set_object (value, ((gpointer (*) (GObject *))get) (object));
        break;
      default:
        g_return_if_reached ();
    }
}

static void
get_from_field (gconstpointer field, GValue *value)
{
  switch (kind_of (value))
    {
      case G_TYPE_BOOLEAN:
        g_value_set_boolean (value, *(const gboolean *)field);
        break;
      case G_TYPE_INT:
        g_value_set_int (value, *(const gint *)field);
        break;
      case G_TYPE_UINT:
        g_value_set_uint (value, *(const guint *)field);
        break;
      case G_TYPE_DOUBLE:
        g_value_set_double (value, *(const double *)field);
        break;
      case G_TYPE_ENUM:
        g_value_set_enum (value, *(const gint *)field);
        break;
      case G_TYPE_STRING:
        g_value_set_string (value, *(char *const *)field);
        break;
      case G_TYPE_OBJECT:
        g_value_set_object (value, *(gpointer const *)field);
        break;
      default:
        g_return_if_reached ();
    }
}

static void
set_with_setter (GObject *object, GCallback set, const GValue *value)
{
  switch (kind_of (value))
    {
      case G_TYPE_BOOLEAN:
        ((void (*) (GObject *, gboolean))set) (object, g_value_get_boolean (value));
        break;
      case G_TYPE_INT:
        ((void (*) (GObject *, gint))set) (object, g_value_get_int (value));
        break;
      case G_TYPE_UINT:
        ((void (*) (GObject *, guint))set) (object, g_value_get_uint (value));
        break;
      case G_TYPE_DOUBLE:
        ((void (*) (GObject *, double))set) (object, g_value_get_double (value));
        break;
      case G_TYPE_ENUM:
        ((void (*) (GObject *, gint))set) (object, g_value_get_enum (value));
        break;
      case G_TYPE_STRING:
        ((void (*) (GObject *, const char *))set) (object, g_value_get_string (value));
        break;
      case G_TYPE_OBJECT:
        ((void (*) (GObject *, gpointer))set) (object, g_value_get_object (value));
        break;
      default:
        g_return_if_reached ();
    }
}

/* Construct-only: the field is still empty, so nothing is freed first. */
static void
set_field (gpointer field, const GValue *value)
{
  switch (kind_of (value))
    {
      case G_TYPE_BOOLEAN:
        *(gboolean *)field = g_value_get_boolean (value);
        break;
      case G_TYPE_INT:
        *(gint *)field = g_value_get_int (value);
        break;
      case G_TYPE_UINT:
        *(guint *)field = g_value_get_uint (value);
        break;
      case G_TYPE_DOUBLE:
        *(double *)field = g_value_get_double (value);
        break;
      case G_TYPE_ENUM:
        *(gint *)field = g_value_get_enum (value);
        break;
      case G_TYPE_STRING:
        *(char **)field = g_value_dup_string (value);
        break;
      case G_TYPE_OBJECT:
        *(gpointer *)field = g_value_dup_object (value);
        break;
      default:
        g_return_if_reached ();
    }
}

static void
get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  const ThProperty *access = lookup (pspec);

  if (access == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (access->get != NULL)
    get_from_getter (object, access->get, value);
  else
    get_from_field (field_of (object, access), value);
}

static void
set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  const ThProperty *access = lookup (pspec);

  if (access == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else if (access->set != NULL)
    set_with_setter (object, access->set, value);
  else
    set_field (field_of (object, access), value);
}

void
th_property_install (GObjectClass *klass, guint n_pspecs, GParamSpec **pspecs,
                     const ThProperty *access)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (pspecs != NULL && access != NULL);

  if (access_quark == 0)
    access_quark = g_quark_from_static_string ("th-property-access");

  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i] != NULL)
      g_param_spec_set_qdata (pspecs[i], access_quark, (gpointer)&access[i]);

  klass->get_property = get_property;
  klass->set_property = set_property;
  g_object_class_install_properties (klass, n_pspecs, pspecs);
}
