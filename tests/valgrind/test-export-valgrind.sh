#!/bin/sh
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The display-free command line under valgrind's memcheck: `two-hats
# --export-chart` (PNG, PDF, SVG) and `--export-csv` must read no
# uninitialised memory, touch nothing freed and leak nothing.  Skips (77)
# only when valgrind is missing; tools/deps --tests installs it.
#
#   test-export-valgrind.sh TWO-HATS SESSION SUPPRESSIONS
set -eu

two_hats=$1
session=$2
suppressions=$3

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind is not installed"
  exit 77
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/two-hats-valgrind-XXXXXX")
trap 'rm -rf "$out"' EXIT

# GLib's own suppressions (type system and one-time initialisation,
# shipped with libglib2.0-dev) and ours, for system libraries only.  GSlice
# off and gc-friendly, so that memcheck sees every block as it is.
glib_supp=/usr/share/glib-2.0/valgrind/glib.supp
set -- --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,possible \
  --errors-for-leak-kinds=definite,possible --track-origins=yes --num-callers=30 \
  --suppressions="$suppressions"
[ -f "$glib_supp" ] && set -- "$@" --suppressions="$glib_supp"
export G_SLICE=always-malloc G_DEBUG=fatal-warnings,gc-friendly

status=0
for args in "--export-chart=$out/chart.png" "--export-chart=$out/chart.pdf" \
  "--export-chart=$out/chart.svg --anonymous" "--export-csv=$out/scores.csv"; do
  echo "== valgrind two-hats $args"
  # $args is split on purpose: one option, or an option and --anonymous.
  # shellcheck disable=SC2086
  if ! valgrind "$@" "$two_hats" $args "$session"; then
    echo "FAIL: two-hats $args"
    status=1
  fi
done

for f in chart.png chart.pdf chart.svg scores.csv; do
  if [ ! -s "$out/$f" ]; then
    echo "FAIL: $f was not written"
    status=1
  fi
done

exit $status
