/* th-property.h
 *
 * Copyright 2026 The Two Hats authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How one property of a class is read and written.  Most properties read a
 * field of the instance and write through the class's public setter, which
 * compares, notifies and emits; a few read through a getter because the
 * value is computed.  A writable property with no setter is construct-only:
 * its value is stored in the field (a copy or a new reference).
 *
 * The getter and setter take the instance first and the property's value
 * second, with the C type that GValue holds for it: gboolean, gint, guint,
 * double, an enum, const char * or an object. */
typedef struct
{
  gssize offset;
  GCallback get;
  GCallback set;
} ThProperty;

#define TH_PROPERTY_FIELD(Type, field, setter)                                                     \
  {                                                                                                \
    G_STRUCT_OFFSET (Type, field), NULL, G_CALLBACK (setter)                                       \
  }
#define TH_PROPERTY_GETTER(getter, setter)                                                         \
  {                                                                                                \
    -1, G_CALLBACK (getter), G_CALLBACK (setter)                                                   \
  }

/* The flags this program's properties are declared with.  A read-write
 * property is notified by its setter, only on a change, not by GObject on
 * every set. */
#define TH_PARAM_READWRITE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define TH_PARAM_CONSTRUCT_ONLY                                                                    \
  (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)
#define TH_PARAM_READABLE (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define TH_PARAM_READABLE_EXPLICIT (TH_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY)

/* Installs @pspecs as g_object_class_install_properties() does, and makes
 * @klass read and write them as @access says, entry for entry.  @access
 * must live as long as the class (a static table). */
void th_property_install (GObjectClass *klass, guint n_pspecs, GParamSpec **pspecs,
                          const ThProperty *access);

/* Defines @name, the public getter of @field in a @Type: it returns the
 * field, or @fallback (after a critical) when @self is not one, the same
 * two lines that every such getter would otherwise spell out. */
#define TH_DEFINE_GETTER(RetType, name, Type, TYPE_CHECK, field, fallback)                         \
  RetType name (Type *self)                                                                        \
  {                                                                                                \
    g_return_val_if_fail (TYPE_CHECK (self), fallback);                                            \
                                                                                                   \
    return self->field;                                                                            \
  }

G_END_DECLS
