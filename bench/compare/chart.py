#!/usr/bin/python3
# Copyright 2026 The Two Hats authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The matplotlib comparison for `two-hats --export-chart`: reads the
session, scores it and draws the same quadrant chart — tinted quadrants,
threshold lines, a dot and a name per participant, the mean, a title —
at 1600×1200 pixels (PNG) or 16×12 inches (PDF).  Labels may overlap:
matplotlib has no label placement, so it does less layout work.

    chart.py SESSION OUT.{png,pdf}   (Debian's /usr/bin/python3)
"""

import json
import sys

import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402


def main(session_path, out_path):
    with open(session_path, encoding='utf-8') as f:
        session = json.load(f)

    threshold = session.get('threshold', 50)
    keys = {b['id']: b['key'] for b in session['deck']['behaviours']}
    xs, ys, names = [], [], []
    for p in session['participants']:
        sums = {'leadership': [0, 0], 'management': [0, 0]}
        for behaviour, rating in p.get('ratings', {}).items():
            total = sums[keys[behaviour]]
            total[0] += rating
            total[1] += 1
        (ls, ln), (ms, mn) = sums['leadership'], sums['management']
        if ln and mn:
            ys.append(100.0 * (ls - ln) / (4.0 * ln))
            xs.append(100.0 * (ms - mn) / (4.0 * mn))
            names.append(p['name'])

    fig, ax = plt.subplots(figsize=(16, 12), dpi=100)
    t = threshold
    for x0, y0, w, h, colour, label in (
            (t, t, 100 - t, 100 - t, '#cce5cc', 'Both hats'),
            (0, t, t, 100 - t, '#cce0f5', 'Leadership-driven'),
            (t, 0, 100 - t, t, '#fbe3c8', 'Management-driven'),
            (0, 0, t, t, '#e6e6e6', 'Still developing')):
        ax.add_patch(plt.Rectangle((x0, y0), w, h, color=colour, zorder=0))
        ax.text(x0 + w / 2, y0 + h - 2, label, ha='center', va='top', fontsize=16, zorder=1)
    ax.axvline(t, color='#555555')
    ax.axhline(t, color='#555555')
    ax.scatter(xs, ys, s=30, color='#0072b2', alpha=0.7, zorder=2)
    for x, y, name in zip(xs, ys, names):
        ax.annotate(name, (x, y), xytext=(4, 2), textcoords='offset points', fontsize=8, zorder=3)
    if xs:
        ax.scatter([sum(xs) / len(xs)], [sum(ys) / len(ys)], marker='D', s=120, color='#d55e00',
                   zorder=4, label='Group mean')
        ax.legend(loc='lower right')
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_xlabel('Management')
    ax.set_ylabel('Leadership')
    ax.set_title(session.get('title', 'Workshop'), fontsize=20)
    fig.savefig(out_path)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
